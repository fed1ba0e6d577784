package load_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/internal/scaledata"
)

// A Cache gives what a fresh Load gives, after any edits: random edits to
// random files of a data set whose list sections are split across files
// (lines deleted or repeated, so items are added and removed and the files
// after are numbered on; text changed; sections defined twice; tags, which
// make a file decode in place; files added and removed), each load
// compared with a fresh one, project and diagnostics. Between loads the
// later stages run on the cache's project, so a stage that changed the
// values the cache shares would show.
func TestCacheLoadsAsLoad(t *testing.T) {
	orig, err := scaledata.Files(scaledata.Options{Processors: 60, Purposes: 20, Categories: 12, PerFile: 20})
	if err != nil {
		t.Fatal(err)
	}
	fsys := mapFS(orig)
	exts := compiler.Extensions()
	opts := &compiler.Options{Date: "2027-01-04"}
	cache := &load.Cache{}
	rng := rand.New(rand.NewSource(18))
	names := func() []string {
		var ns []string
		for n := range fsys {
			ns = append(ns, n)
		}
		slices.Sort(ns)
		return ns
	}
	edits := []struct {
		name string
		do   func(name string, b []byte) []byte
	}{
		{"delete lines", func(_ string, b []byte) []byte {
			ls := lines(b)
			i := rng.Intn(len(ls))
			j := min(len(ls), i+1+rng.Intn(12))
			return join(append(ls[:i:i], ls[j:]...))
		}},
		{"repeat lines", func(_ string, b []byte) []byte {
			ls := lines(b)
			i := rng.Intn(len(ls))
			j := min(len(ls), i+1+rng.Intn(24))
			return join(slices.Concat(ls[:j], ls[i:j], ls[j:]))
		}},
		{"change text", func(_ string, b []byte) []byte {
			b = bytes.Clone(b)
			for range 1 + rng.Intn(3) {
				if i := rng.Intn(len(b)); b[i] >= 'a' && b[i] <= 'z' {
					b[i] = 'a' + byte(rng.Intn(26))
				}
			}
			return b
		}},
		{"tag a value", func(_ string, b []byte) []byte {
			ls := lines(b)
			for range 20 {
				i := rng.Intn(len(ls))
				if k, v, ok := strings.Cut(ls[i], ": "); ok && v != "" && !strings.HasPrefix(v, "!") {
					ls[i] = k + ": !!str " + v
					break
				}
			}
			return join(ls)
		}},
		{"define the organization again", func(_ string, b []byte) []byte {
			return append([]byte("organization:\n  name: Again\n"), b...)
		}},
		{"restore", func(name string, b []byte) []byte {
			if o, ok := orig[name]; ok {
				return o
			}
			return nil
		}},
		{"remove the file", func(string, []byte) []byte { return nil }},
		{"add a copy", func(name string, b []byte) []byte {
			fsys[strings.TrimSuffix(name, ".yaml")+"-copy.yaml"] = &fstest.MapFile{Data: bytes.Clone(b)}
			return b
		}},
	}
	check := func(round int, what string) {
		got, gotDiags := cache.Load(fsys, "data", exts...)
		want, wantDiags := load.Load(fsys, "data", exts...)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (%s): the cache's project differs from Load's", round, what)
		}
		if a, b := deref(gotDiags), deref(wantDiags); !reflect.DeepEqual(a, b) {
			t.Fatalf("round %d (%s): diagnostics differ:\ncache:\n%v\nload:\n%v", round, what, gotDiags, wantDiags)
		}
		if !gotDiags.HasErrors() {
			// The later stages, on the cache's project (shared values).
			check.Check(got, &check.Options{})
			compiler.CheckRules(got, opts)
			compiler.CompileProject(got, opts)
		}
	}
	check(0, "first load")
	check(0, "unchanged")
	for round := 1; round <= 150; round++ {
		ns := names()
		if len(ns) == 0 {
			fsys = mapFS(orig)
			continue
		}
		var did []string
		for range 1 + rng.Intn(2) {
			name := ns[rng.Intn(len(ns))]
			e := edits[rng.Intn(len(edits))]
			f := fsys[name]
			if f == nil || len(f.Data) == 0 {
				continue
			}
			if b := e.do(name, f.Data); b == nil {
				delete(fsys, name)
			} else {
				fsys[name] = &fstest.MapFile{Data: b}
			}
			did = append(did, fmt.Sprintf("%s in %s", e.name, name))
		}
		check(round, strings.Join(did, ", "))
	}
}

// A Cache parses and decodes again only the files that changed: loading
// unchanged files again allocates a small part of what a fresh load does,
// and loading after one of a dozen files changed less than half.
func TestCacheParsesOnlyChanged(t *testing.T) {
	orig, err := scaledata.Files(scaledata.Options{Processors: 60, Purposes: 20, Categories: 12, PerFile: 20})
	if err != nil {
		t.Fatal(err)
	}
	fsys := mapFS(orig)
	exts := compiler.Extensions()
	cache := &load.Cache{}
	if _, diags := cache.Load(fsys, "data", exts...); len(diags) > 0 {
		t.Fatal(diags)
	}
	// The same content, so nothing is parsed again: loading allocates
	// far less than the first load.
	first := testing.AllocsPerRun(1, func() { load.Load(fsys, "data", exts...) })
	again := testing.AllocsPerRun(3, func() { cache.Load(fsys, "data", exts...) })
	if again > first/4 {
		t.Errorf("loading unchanged files again allocates %.0f times, a fresh load %.0f", again, first)
	}
	// The same with the extensions made again, as each compile makes them
	// (compiler.Extensions returns new values with the same fields).
	if fresh := testing.AllocsPerRun(3, func() { cache.Load(fsys, "data", compiler.Extensions()...) }); fresh > first/4 {
		t.Errorf("loading unchanged files again, the extensions made anew, allocates %.0f times, a fresh load %.0f", fresh, first)
	}
	// One processors file changed: only it is parsed again.
	name := "data/processors/0002.yaml"
	fsys[name] = &fstest.MapFile{Data: bytes.Replace(orig[name], []byte("name: "), []byte("name: Changed "), 1)}
	changed := testing.AllocsPerRun(1, func() {
		fsys[name] = &fstest.MapFile{Data: append(bytes.Clone(fsys[name].Data), '\n')}
		cache.Load(fsys, "data", exts...)
	})
	if changed > first/2 {
		t.Errorf("loading after one of %d files changed allocates %.0f times, a fresh load %.0f", len(fsys), changed, first)
	}
}

func lines(b []byte) []string { return strings.SplitAfter(string(b), "\n") }

func join(ls []string) []byte { return []byte(strings.Join(ls, "")) }

func deref(l diag.List) []diag.Diagnostic {
	out := make([]diag.Diagnostic, len(l))
	for i, d := range l {
		out[i] = *d
	}
	return out
}

// A section dropped because an earlier file defines it is not decoded, so
// a tag in it is reported where an alias in a kept section copies it (each
// file is decoded on its own first, then in place when a tag shows).
func TestTagInDroppedSection(t *testing.T) {
	fsys := fstest.MapFS{
		"data/a.yaml": {Data: []byte("security:\n  statement: We protect it.\n")},
		"data/b.yaml": {Data: []byte("security:\n  statement: &s !custom Twice.\nprocessors:\n  - id: two\n    name: *s\n")},
	}
	_, diags := load.Load(fsys, "data")
	d := find(diags, model.Index("processors", 0)+".name")
	if d == nil || d.Pos.String() != "data/b.yaml:2:17" || !strings.Contains(d.Message, "YAML tag !custom is not allowed") {
		t.Errorf("the tag copied by the alias: %v, in\n%s", d, diags)
	}
	if d := find(diags, "security.statement"); d != nil {
		t.Errorf("the dropped section is decoded: %v", d)
	}
}

// BenchmarkReloadOneFileAtScale loads 5,000 processors, 1,000 purposes
// and 1,000 categories (500 items a file) again after one processors file
// changed, with a Cache (what the live preview does after a save), and,
// to compare in the same run, from scratch:
// go test ./compiler/load -run '^$' -bench ReloadOneFileAtScale.
func BenchmarkReloadOneFileAtScale(b *testing.B) {
	files, err := scaledata.Files(scaledata.Options{Processors: 5000, Purposes: 1000, Categories: 1000, PerFile: 500})
	if err != nil {
		b.Fatal(err)
	}
	fsys := mapFS(files)
	exts := compiler.Extensions()
	name := "data/processors/0003.yaml"
	versions := [2][]byte{files[name], bytes.Replace(files[name], []byte("name: "), []byte("name: Renamed "), 1)}
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			if _, diags := load.Load(fsys, "data", exts...); len(diags) > 0 {
				b.Fatal(diags)
			}
		}
	})
	b.Run("cache", func(b *testing.B) {
		cache := &load.Cache{}
		cache.Load(fsys, "data", exts...)
		i := 0
		for b.Loop() {
			i++
			fsys[name] = &fstest.MapFile{Data: versions[i%2]}
			if _, diags := cache.Load(fsys, "data", exts...); len(diags) > 0 {
				b.Fatal(diags)
			}
		}
	})
}
