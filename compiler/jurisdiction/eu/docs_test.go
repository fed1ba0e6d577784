package eu_test

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/internal/docgen"
	"github.com/disclose-dev/disclose/internal/golden"
)

// zz_docs.go is regenerated from the doc comments of the pack's data types
// (go generate ./compiler/jurisdiction/eu, or go test -update).
func TestDocsAreCurrent(t *testing.T) {
	docs, err := docgen.Extract(".")
	if err != nil {
		t.Fatal(err)
	}
	src, err := docgen.Source("eu", "docs", docs)
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "zz_docs.go", src)
}
