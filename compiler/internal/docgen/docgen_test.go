package docgen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func extract(t *testing.T, src string) (map[string]string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return Extract(dir)
}

// An enumerated field's list of values gives each its own key, an item
// running on over indented lines; the list leaves the field's paragraph,
// whose introducing colon becomes a full stop.
func TestExtractValues(t *testing.T) {
	docs, err := extract(t, `package p

// T is a type.
type T struct {
	// Transfer tool:
	//   - SCC: the Standard Contractual Clauses
	//     of 2021
	//   - BCR: binding corporate rules
	//
	// Empty for none.
	Mechanism string
	// Plain text,
	// folded.
	Plain string
}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"T":               "T is a type.",
		"T.Mechanism":     "Transfer tool. Empty for none.",
		"T.Mechanism=SCC": "the Standard Contractual Clauses of 2021",
		"T.Mechanism=BCR": "binding corporate rules",
		"T.Plain":         "Plain text, folded.",
	}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("got %q\nwant %q", docs, want)
	}
}

func TestExtractRefusesMalformedLists(t *testing.T) {
	for name, list := range map[string]string{
		"no meaning": "\t//   - SCC\n",
		"twice":      "\t//   - SCC: one\n\t//   - SCC: two\n",
	} {
		_, err := extract(t, "package p\n\ntype T struct {\n\t// Tool:\n"+list+"\tF string\n}\n")
		if err == nil || !strings.Contains(err.Error(), "T.F") {
			t.Errorf("%s: err = %v, want an error naming T.F", name, err)
		}
	}
}
