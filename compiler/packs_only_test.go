package compiler_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
)

// knownLeaks are the places outside the rule packs that still name a pack's
// notice id or one of its data keys, by file and id, with the count: each
// is debt. The test fails when a new place appears, and when one listed
// here is gone (shrink the list).
var knownLeaks = map[string]int{}

// No package outside compiler/jurisdiction/<pack>/ names a pack's notice id
// in its code, but the registry (compiler.DefaultJurisdictions), so adding a
// jurisdiction is a new package and one line.
func TestOnlyPacksNameTheirNotices(t *testing.T) {
	ids := map[string]bool{}
	for _, j := range compiler.DefaultJurisdictions() {
		ids[j.ID()] = true
	}
	// The keys the packs add to the data (model.Extension), by key: a
	// string naming one outside its pack ("legal_bases", a path such as
	// "purposes[2].sells") reads the pack's data behind its back.
	fields := map[string]string{}
	for _, e := range compiler.Extensions() {
		for _, k := range (model.Extensions{e}).Keys(e.On) {
			if k.Ext != nil {
				fields[k.Name] = k.Ext.Pack
			}
		}
	}
	// The core model's own vocabulary (the values its enumerations allow,
	// such as the right "appeal") is the core's, whatever key a pack also
	// names so.
	core := coreValues(reflect.TypeOf(model.Project{}), map[reflect.Type]bool{})
	found := map[string]int{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../"))
		if d.IsDir() {
			switch {
			case rel == "../" || rel == "..":
				return nil
			case strings.HasPrefix(d.Name(), "."), d.Name() == "testdata", d.Name() == "node_modules",
				rel == "internal" || strings.HasPrefix(rel, "internal/"), rel == "tools", rel == "examples",
				rel == "compiler/load/internal/yamlparser":
				return filepath.SkipDir
			}
			if parent := filepath.ToSlash(filepath.Dir(rel)); parent == "compiler/jurisdiction" && ids[d.Name()] {
				return filepath.SkipDir // a pack may name itself
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") || rel == "compiler/compiler.go" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		// A pack's package imported: its types and fields are read
		// behind the registry's back.
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if pack, ok := strings.CutPrefix(p, "github.com/disclose-dev/disclose/compiler/jurisdiction/"); ok && ids[pack] {
				found[rel+" import "+pack]++
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						// A notice id, or a path into its data ("california.sells").
						id, _, _ := strings.Cut(s, ".")
						if ids[id] {
							found[rel+" "+id]++
						}
						// A pack's key, alone or in a data path.
						for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '[' || r == ']' }) {
							if pack, ok := fields[part]; ok && !ids[id] && !core[s] {
								found[rel+" "+pack+"."+part]++
							}
						}
					}
				}
			case *ast.Field:
				if n.Tag != nil {
					tag, _ := strconv.Unquote(n.Tag.Value)
					for _, part := range strings.Fields(tag) {
						if v, ok := strings.CutPrefix(part, `yaml:"`); ok {
							name, _, _ := strings.Cut(strings.TrimSuffix(v, `"`), ",")
							if ids[name] {
								found[rel+" "+name]++
							}
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range found {
		keys = append(keys, k)
	}
	for k, n := range knownLeaks {
		if n > 0 {
			if _, ok := found[k]; !ok {
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if found[k] != knownLeaks[k] {
			t.Errorf("%s: named %d times outside its pack, %d known (add the knowledge to the pack, or shrink knownLeaks)", k, found[k], knownLeaks[k])
		}
	}
}

// coreValues returns the values the enumerations (validate oneof=) of the
// core model types reachable from t allow.
func coreValues(t reflect.Type, seen map[reflect.Type]bool) map[string]bool {
	out := map[string]bool{}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return out
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		for _, rule := range strings.Split(f.Tag.Get("validate"), ",") {
			if vs, ok := strings.CutPrefix(rule, "oneof="); ok {
				for _, v := range strings.Fields(vs) {
					out[v] = true
				}
			}
		}
		for v := range coreValues(f.Type, seen) {
			out[v] = true
		}
	}
	return out
}
