package subprocessors_test

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/internal/docgen"
	"github.com/disclose-dev/disclose/internal/golden"
)

// zz_docs.go is regenerated from the doc comments of the pack's data types
// (go generate ./compiler/jurisdiction/subprocessors, or go test -update).
func TestDocsAreCurrent(t *testing.T) {
	docs, err := docgen.Extract(".")
	if err != nil {
		t.Fatal(err)
	}
	src, err := docgen.Source("subprocessors", "docs", docs)
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "zz_docs.go", src)
}
