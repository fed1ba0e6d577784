package compiler_test

import (
	"path/filepath"
	"testing"

	"github.com/disclose-dev/disclose/compiler/internal/docgen"
	"github.com/disclose-dev/disclose/internal/golden"
)

// Each zz_docs.go, the doc comments of the model's and the packs' data
// types that the JSON Schema and the data reference carry, is regenerated
// from the comments (go generate ./compiler/..., or go test -update).
func TestDocsAreCurrent(t *testing.T) {
	for dir, pkg := range map[string]string{
		"model":                      "model",
		"jurisdiction/eu":            "eu",
		"jurisdiction/california":    "california",
		"jurisdiction/subprocessors": "subprocessors",
	} {
		docs, err := docgen.Extract(dir)
		if err != nil {
			t.Fatal(err)
		}
		src, err := docgen.Source(pkg, "docs", docs)
		if err != nil {
			t.Fatal(err)
		}
		golden.File(t, filepath.Join(dir, "zz_docs.go"), src)
	}
}
