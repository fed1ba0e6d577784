package change

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// Every Reason constant has exactly one row in the materiality table, and
// every change is made with a constant, never a string, by diff and by
// every rule pack: materiality is never guessed. The constants and the calls
// are read from the source.
func TestEveryReasonHasARule(t *testing.T) {
	files, _ := filepath.Glob("../jurisdiction/*/changes.go")
	files = append([]string{"change.go", "../diff/changes.go"}, files...)
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	var reasons []Reason
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Reason" {
					for _, v := range n.Values {
						if lit, ok := v.(*ast.BasicLit); ok {
							r, _ := strconv.Unquote(lit.Value)
							reasons = append(reasons, Reason(r))
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Add" && len(n.Args) >= 4 || sel.Sel.Name == "add" && len(n.Args) >= 2) {
					arg := n.Args[1]
					if sel.Sel.Name == "Add" {
						arg = n.Args[3]
					}
					if _, ok := arg.(*ast.BasicLit); ok {
						t.Errorf("%s: a change made with a string, not a Reason constant", name)
					}
				}
			}
			return true
		})
	}
	if len(reasons) < 10 {
		t.Fatalf("found %d Reason constants in change.go", len(reasons))
	}
	rows := map[Reason]int{}
	for _, r := range Rules {
		rows[r.Reason]++
	}
	for _, r := range reasons {
		if rows[r] != 1 {
			t.Errorf("reason %q has %d rows in Rules, want 1", r, rows[r])
		}
	}
	if len(Rules) != len(reasons) {
		t.Errorf("Rules has %d rows for %d reasons", len(Rules), len(reasons))
	}
	defer func() {
		if recover() == nil {
			t.Error("material of a reason without a row did not panic")
		}
	}()
	IsMaterial(Reason("made up"))
}
