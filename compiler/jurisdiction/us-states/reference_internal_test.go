package usstates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Every state item the pack's code asks for (SpecificOn, Texas's banners)
// is in the reference data, under a law that has it: an id misspelt in Go
// would silently drop a disclosure.
func TestAskedItemsExist(t *testing.T) {
	ref, diags := load.Reference(referenceFS, "reference", referenceExtension)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	have := map[string]bool{}
	for _, l := range model.ExtOf[ReferenceSections](ref.Ext, ID).States.List {
		for _, sp := range l.Specific {
			have[sp.ID] = true
		}
	}
	asked := map[string]bool{}
	for _, b := range texasBanners {
		asked[b.id] = true
	}
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SpecificOn" && len(call.Args) > 0 {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok {
					id, _ := strconv.Unquote(lit.Value)
					asked[id] = true
				}
			}
			return true
		})
	}
	if len(asked) < 4 {
		t.Fatalf("found %d ids the code asks for, want at least 4: %v", len(asked), asked)
	}
	for id := range asked {
		if !have[id] {
			t.Errorf("the code asks for state item %s, which no law of the reference data has", id)
		}
	}
}
