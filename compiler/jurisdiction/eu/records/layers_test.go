package records_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The record is made beside the notices, from the same stages' values: it
// imports the shared IR (notice) and never a later stage (render, pdf,
// site), so a change in how those write a notice cannot change the record.
func TestRecordImportsNoLaterStage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	later := []string{"compiler/render", "compiler/pdf", "compiler/site", "compiler/release"}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, l := range later {
				if strings.HasSuffix(path, "/"+l) {
					t.Errorf("%s imports %s, a later stage", name, path)
				}
			}
		}
	}
	if checked < 5 {
		t.Fatalf("checked only %d files", checked)
	}
}
