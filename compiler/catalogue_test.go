package compiler_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
)

// The catalogues shipped with disclose have no problems: every message has
// text, every translation is current (not stale) and in its place.
func TestCataloguesClean(t *testing.T) {
	if _, ds := compiler.Catalogues(); len(ds) > 0 {
		t.Fatalf("the catalogues have problems:\n%v", ds)
	}
}

// messageCalls lists the message ids the Go code of dir (not its tests)
// writes with T or N, by id, with a position each; ids that are not string
// constants are reported, since no test could then see them.
func messageCalls(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") || len(call.Args) < 2 {
				return true
			}
			if x, ok := sel.X.(*ast.SelectorExpr); ok && x.Sel.Name == "printer" {
				return true // Context.T and N themselves
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: a message id must be a string constant, so the catalogue test sees it", fset.Position(call.Pos()))
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			out[id] = fset.Position(call.Pos()).String()
			return true
		})
	}
	return out
}

// Every message a pack's code writes is in its English catalogue (or the
// shared one), and every English message is written by some code: the
// catalogue is exactly what the notices say, so a translator translates
// nothing unused and misses nothing used.
func TestCataloguesMatchTheCode(t *testing.T) {
	cats, _ := compiler.Catalogues()
	shared := messageCalls(t, "jurisdiction")
	used := map[string]bool{}
	for id := range shared {
		used[id] = true
	}
	var packs []string
	for id := range cats {
		packs = append(packs, id)
	}
	sort.Strings(packs)
	for _, id := range packs {
		cat := cats[id]
		calls := messageCalls(t, filepath.Join("jurisdiction", id))
		for msg, at := range calls {
			used[msg] = true
			if !slices.Contains(cat.IDs(), msg) {
				t.Errorf("%s: the %s pack writes message %q, which its catalogue does not have", at, id, msg)
			}
		}
		for msg, at := range shared {
			if !slices.Contains(cat.IDs(), msg) {
				t.Errorf("%s: the shared wording writes message %q, which the %s pack's catalogue does not have", at, msg, id)
			}
		}
	}
	for _, id := range packs {
		for _, msg := range cats[id].IDs() {
			if !used[msg] {
				t.Errorf("message %q of the %s catalogue is written by no code: remove it", msg, id)
			}
		}
	}
}
