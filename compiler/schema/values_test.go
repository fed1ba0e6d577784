package schema_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/internal/docgen"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/schema"
)

// structTypes returns every struct type of the data, the model's and the
// rule packs', by package path and name.
func structTypes() map[[2]string]reflect.Type {
	out := map[[2]string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t.Name() == "" {
			return
		}
		key := [2]string{t.PkgPath(), t.Name()}
		if _, ok := out[key]; ok {
			return
		}
		out[key] = t
		for i := 0; i < t.NumField(); i++ {
			if tags.YAMLName(t.Field(i)) != "" {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(reflect.TypeOf(model.Project{}))
	walk(reflect.TypeOf(model.Reference{}))
	for _, e := range compiler.Extensions() {
		walk(e.Type)
	}
	return out
}

// Every value a doc comment gives a meaning to ("//   - VALUE: meaning") is
// a value its field allows, and a field that explains some of its values
// explains them all, so no list in an error or an editor is half said.
func TestEnumeratedValuesDocumented(t *testing.T) {
	types := structTypes()
	exts := compiler.Extensions()
	const module = "github.com/disclose-dev/disclose/compiler/"
	dirs := map[string]bool{}
	for key := range types {
		dirs[key[0]] = true
	}
	described := 0
	for pkg := range dirs {
		docs, err := docgen.Extract(filepath.Join("..", strings.TrimPrefix(pkg, module)))
		if err != nil {
			t.Fatal(err)
		}
		for key := range docs {
			field, value, ok := strings.Cut(key, "=")
			if !ok {
				continue
			}
			typ, name, _ := strings.Cut(field, ".")
			st, ok := types[[2]string{pkg, typ}]
			if !ok {
				t.Errorf("%s: %s is not a type of the data", pkg, typ)
				continue
			}
			f, ok := st.FieldByName(name)
			if !ok {
				t.Errorf("%s: no field %s", pkg, field)
				continue
			}
			values := exts.ValuesOf(st, f)
			if !slices.ContainsFunc(values, func(v model.Value) bool { return v.Value == value }) {
				t.Errorf("%s.%s: the doc comment explains %q, which the field does not allow", pkg, field, value)
			}
			described++
		}
	}
	if described < 100 {
		t.Errorf("only %d values explained", described)
	}
	for _, st := range types {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			values := exts.ValuesOf(st, f)
			var missing []string
			known := false
			for _, v := range values {
				known = known || v.Meaning != ""
				if v.Meaning == "" {
					missing = append(missing, v.Value)
				}
			}
			if known && len(missing) > 0 {
				t.Errorf("%s.%s explains some values but not %s", st.Name(), f.Name, strings.Join(missing, ", "))
			}
		}
	}
}

// The schema carries the meanings beside the values, for editors
// (enumDescriptions, which yaml-language-server shows on hover).
func TestSchemaDescribesValues(t *testing.T) {
	s := schema.Generate(compiler.SchemaOptions())
	tf := s.Defs["Transfer"]
	if tf == nil {
		t.Fatal("no Transfer in the schema")
	}
	mech := tf.Properties["mechanism"]
	i := slices.Index(mech.Enum, any("SCC_2021_914"))
	if i < 0 || len(mech.EnumDescriptions) != len(mech.Enum) || !strings.Contains(mech.EnumDescriptions[i], "2021/914") {
		t.Errorf("mechanism: enum %v, descriptions %v", mech.Enum, mech.EnumDescriptions)
	}
	mods := tf.Properties["scc_modules"].Items
	if mods == nil || len(mods.Enum) != 4 || len(mods.EnumDescriptions) != 4 || !strings.Contains(mods.EnumDescriptions[1], "controller to processor") {
		t.Errorf("scc_modules: %+v", mods)
	}
}

// Each value of an enumeration has its own meaning beside it: in every
// enumerated property of the schema, enumDescriptions[i] is the meaning the
// doc comment of its field gives enum[i] (the field: one of the data's, core
// or a pack's, of that YAML name and those values).
func TestEnumDescriptionsFollowTheirValues(t *testing.T) {
	s := schema.Generate(compiler.SchemaOptions())
	exts := compiler.SchemaOptions().Extensions
	fields := map[string][][]model.Value{} // by YAML name
	for _, st := range structTypes() {
		for i := 0; i < st.NumField(); i++ {
			if vs := exts.ValuesOf(st, st.Field(i)); vs != nil {
				name := tags.YAMLName(st.Field(i))
				fields[name] = append(fields[name], vs)
			}
		}
	}
	checked := 0
	var walk func(at, name string, p *schema.Schema)
	walk = func(at, name string, p *schema.Schema) {
		if p == nil {
			return
		}
		if len(p.EnumDescriptions) > 0 {
			got := make([]model.Value, len(p.Enum))
			for k, v := range p.Enum {
				got[k].Value = fmt.Sprint(v)
				if k < len(p.EnumDescriptions) {
					got[k].Meaning = p.EnumDescriptions[k]
				}
			}
			if len(p.Enum) != len(p.EnumDescriptions) || !slices.ContainsFunc(fields[name], func(vs []model.Value) bool { return slices.Equal(vs, got) }) {
				t.Errorf("%s: the values and their meanings %v are those of no field %s: %v", at, got, name, fields[name])
			}
			checked += len(p.Enum)
		}
		walk(at+"[]", name, p.Items)
		for k, q := range p.Properties {
			walk(at+"."+k, k, q)
		}
	}
	for name, d := range s.Defs {
		walk(name, "", d)
	}
	if checked < 300 {
		t.Errorf("checked only %d values", checked)
	}
}
