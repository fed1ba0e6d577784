package yamlparser_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	upstream "github.com/goccy/go-yaml/parser"
	"golang.org/x/tools/txtar"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler/load/internal/yamlparser"
)

// tree describes a parse result: every node's type, token and position, or
// the error's message and position.
func tree(f *ast.File, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, doc := range f.Docs {
		fmt.Fprintf(&b, "document\n")
		if doc.Body != nil {
			ast.Walk(visitor{&b}, doc.Body)
		}
	}
	return b.String()
}

type visitor struct{ b *strings.Builder }

func (v visitor) Visit(n ast.Node) ast.Visitor {
	fmt.Fprintf(v.b, "%T %s", n, n.Type())
	if tk := n.GetToken(); tk != nil {
		fmt.Fprintf(v.b, " %s %q", tk.Type, tk.Value)
		if p := tk.Position; p != nil {
			fmt.Fprintf(v.b, " %d:%d+%d", p.Line, p.Column, p.Offset)
		}
	}
	if m, ok := n.(*ast.MappingNode); ok {
		fmt.Fprintf(v.b, " (%d entries)", len(m.Values))
	}
	v.b.WriteString("\n")
	return v
}

// seeds are the sample data, the reference data, the YAML files of the
// bad-input corpus and documents that exercise the changes (of the parser
// and of the scanner, package yamlscanner).
func seeds(t testing.TB) []string {
	var out []string
	err := fs.WalkDir(disclose.Sample, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		out = append(out, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	refs, _ := filepath.Glob("../../../jurisdiction/*/reference/*.yaml")
	cases, _ := filepath.Glob("../../../../testdata/check/*.txtar")
	if len(refs) == 0 || len(cases) == 0 {
		t.Fatal("reference data or corpus not found")
	}
	for _, p := range refs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	for _, p := range cases {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
				out = append(out, string(f.Data))
			}
		}
	}
	return append(out,
		"a: 1\nb: 2\nc: 3\n",
		"a:\nb:\nc:\n",
		"- \n-\n- a:\n  b:\n",
		"x:\n  - a:\n    b:\n  -\n  - c\n",
		"{a, b: , c: 1, d}\n",
		"[a:, b: 1, c:]\n",
		"a: !!null\nb: !!str\nc: !!bool\nd: !!int\ne: !!float\n",
		"a: {\n  b: c\n}\nd: e\n",
		"a: {\nb: c\n}\nd: e\n",
		"a: {\nb: c\nd: e\n}\nf: g\n",
		"a: {\nb: c\nd: e\nf: g\n}\n}\nh: i\nj: k\n",
		"- {\na: b\nc: d\n}\n- e\n",
		"- a: 1\n  b: 2\n- c: 3\n  d:\n",
		"a: &x\n  b: 1\nc: *x\nd: &y\ne: *y\n",
		"a:\n  b:\n    c:\n  d:\ne:\n",
		"? a\n: b\n? c\n",
		"a: 1\n b: 2\n",
		"a: 1\n- b\n",
		"a: |\n  x\nb: >-\n  y\nc:\n",
		"a: 'x'\nb: \"y\"\nc: x # comment\nd: # comment\n",
		"--- \na: 1\n...\n---\nb:\n",
		// Plain scalars the scanner fork types without token.New, and
		// those it leaves to it.
		"a: Infinity\nb: nan\nc: True\nd: xyz\ne: Yes\nf: fALSE\ng: NULL\nh: .inf\ni: -.Inf\nj: 0x1F\nk: 1_000\nl: +12\nm: e5\nn: _1\no: Zz\np: i.nf\nq: e.5\nr: nULL\ns: a_1\nt: x.y.z\n",
		"[inf, Inf, INF, infinity, nan, NaN, null, Null, true, tRUE, abc, Q1, 1e5, .5, ~]\n",
	)
}

// The fork builds exactly the tree upstream builds, or the same error.
func TestSameTreesAsUpstream(t *testing.T) {
	for i, src := range seeds(t) {
		got := tree(yamlparser.ParseBytes([]byte(src), 0, yamlparser.AllowDuplicateMapKey()))
		want := tree(upstream.ParseBytes([]byte(src), 0, upstream.AllowDuplicateMapKey()))
		if got != want {
			t.Errorf("seed %d %q:\nfork:\n%s\nupstream:\n%s", i, src, got, want)
		}
	}
}

func FuzzSameTreesAsUpstream(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			return // upstream is quadratic on some shapes
		}
		got := tree(yamlparser.ParseBytes([]byte(src), 0, yamlparser.AllowDuplicateMapKey()))
		want := tree(upstream.ParseBytes([]byte(src), 0, upstream.AllowDuplicateMapKey()))
		if got != want {
			t.Errorf("fork:\n%s\nupstream:\n%s", got, want)
		}
	})
}
