package model

//go:generate go run ../internal/docgen/gen

// Doc returns the documentation of a model type ("Purpose") or field
// ("Purpose.LegalBases"), as written in its doc comment.
func Doc(key string) string { return docs[key] }
