package diff

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// A change is kept for a notice that names its item as a whole word, not
// for one that merely contains the letters.
func TestNamesAreWholeWords(t *testing.T) {
	text := "you can download your data from our inbox; the laws of california apply. see also aws."
	for name, want := range map[string]bool{"Ads": false, "Box": false, "Law": false, "AWS": true, "California": true, "Download your data": true, "": false} {
		if got := names(text, []string{name}); got != want {
			t.Errorf("names(%q) = %v, want %v", name, got, want)
		}
	}
}

// Every Reason constant has exactly one row in the materiality table, and
// every change is made with a constant, never a string: materiality is
// never guessed. The constants and the calls are read from the source.
func TestEveryReasonHasARule(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "changes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []Reason
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
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "add" && len(n.Args) >= 3 {
				if lit, ok := n.Args[2].(*ast.BasicLit); ok {
					t.Errorf("a change made with the string %s, not a Reason constant", lit.Value)
				}
			}
		}
		return true
	})
	if len(reasons) < 10 {
		t.Fatalf("found %d Reason constants in changes.go", len(reasons))
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
	material(Reason("made up"))
}
