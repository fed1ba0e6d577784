package model

import (
	"reflect"
	"sort"
	"sync"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
)

// Ext holds the facts rule packs add to an item of the core model: for each
// pack that declares an Extension of the item's type, a pointer to the
// pack's own struct. The pack's keys sit beside the core keys in the data
// files (purposes[3].legal_bases is the eu pack's), and are decoded,
// validated, checked, snapshotted and documented the same way; only the pack
// knows their type. The zero Ext holds nothing.
type Ext map[string]any

// ExtOf returns the facts of type T that pack added to an item, or nil when
// the item holds none (the pack is not registered, or the item was not
// loaded from data files).
func ExtOf[T any](e Ext, pack string) *T {
	t, _ := e[pack].(*T)
	return t
}

// ExtOrZero returns the facts of type T that pack added to an item, or a
// zero T when the item holds none (an item built in Go rather than loaded):
// for reading. Loaded items always hold their packs' facts, so a change
// through the result reaches the item.
func ExtOrZero[T any](e Ext, pack string) *T {
	if t := ExtOf[T](e, pack); t != nil {
		return t
	}
	return new(T)
}

// Packs returns the ids of the packs holding facts in e, sorted, so walks
// over an item are deterministic.
func (e Ext) Packs() []string {
	ids := make([]string, 0, len(e))
	for id := range e {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Extension declares the fields a rule pack adds to a type of the core
// model: On is the extended struct type (model.Purpose; model.Project to
// add top-level sections, such as the california pack's california:), Type
// the pack's struct type, whose fields carry yaml, validate and ref tags
// like the model's own. Every item of type On that the loader decodes holds
// a *Type in its Ext under Pack, zero-valued when the data gives none of its
// keys, so its validation rules always run.
type Extension struct {
	Pack string
	On   reflect.Type
	Type reflect.Type
	// Doc returns the doc comment of the pack's types and fields, keyed
	// "Type" and "Type.Field" like Doc.
	Doc func(key string) string
}

// Extensions are the extensions of the registered rule packs.
type Extensions []*Extension

// Of returns the extensions of struct type t, in registration order.
func (es Extensions) Of(t reflect.Type) []*Extension {
	var out []*Extension
	for _, e := range es {
		if e.On == t {
			out = append(out, e)
		}
	}
	return out
}

// Key is one YAML key of a struct: a field of its own (Pack empty) or of a
// pack's extension.
type Key struct {
	Name  string
	Field reflect.StructField
	// Ext is the extension the key belongs to, if any (its Pack the pack).
	Ext *Extension
}

// Keys lists the YAML keys of struct type t: its own fields in declaration
// order, then each extension's, in registration order.
func (es Extensions) Keys(t reflect.Type) []Key {
	var keys []Key
	add := func(st reflect.Type, e *Extension) {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			if name := tags.YAMLName(f); name != "" {
				keys = append(keys, Key{Name: name, Field: f, Ext: e})
			}
		}
	}
	add(t, nil)
	for _, e := range es.Of(t) {
		add(e.Type, e)
	}
	return keys
}

// ExtValues returns the extension structs the struct value v holds (v's Ext
// field), as addressable struct values keyed by pack, in pack order; nil
// when v has no Ext field or it is empty.
func ExtValues(v reflect.Value) (packs []string, values []reflect.Value) {
	f := v.FieldByName("Ext")
	if !f.IsValid() || f.Type() != extType || f.Len() == 0 {
		return nil, nil
	}
	e := f.Interface().(Ext)
	for _, id := range e.Packs() {
		x := reflect.ValueOf(e[id])
		if x.Kind() == reflect.Pointer && !x.IsNil() && x.Elem().Kind() == reflect.Struct {
			packs = append(packs, id)
			values = append(values, x.Elem())
		}
	}
	return packs, values
}

var extType = reflect.TypeOf(Ext(nil))

// Fields calls fn for every YAML field of the struct v, with its data path
// under path: its own fields in declaration order, then those of the rule
// packs' extensions it holds (Ext), which sit beside its own keys in the
// data. Walks of the model by reflection go through it, so they agree on
// what a struct's keys are.
func Fields(v reflect.Value, path string, fn func(string, reflect.StructField, reflect.Value)) {
	fields := func(v reflect.Value) {
		for _, f := range yamlFields(v.Type()) {
			fn(Field(path, f.name), f.field, v.Field(f.index))
		}
	}
	fields(v)
	if hasExt(v.Type()) {
		_, exts := ExtValues(v)
		for _, x := range exts {
			fields(x)
		}
	}
}

// yamlField is a field of a struct with a YAML key.
type yamlField struct {
	index int
	name  string
	field reflect.StructField
}

// structFields caches yamlFields by type: walks of a large data set visit
// hundreds of thousands of structs of a few dozen types.
var structFields sync.Map // reflect.Type -> []yamlField

// yamlFields returns the fields of struct type t that have a YAML key, in
// declaration order.
func yamlFields(t reflect.Type) []yamlField {
	if fs, ok := structFields.Load(t); ok {
		return fs.([]yamlField)
	}
	var fs []yamlField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name := tags.YAMLName(f); name != "" {
			fs = append(fs, yamlField{i, name, f})
		}
	}
	structFields.Store(t, fs)
	return fs
}

// extFields caches, by struct type, whether it has an Ext field.
var extFields sync.Map // reflect.Type -> bool

// hasExt reports whether struct type t has an Ext field of type Ext.
func hasExt(t reflect.Type) bool {
	if ok, found := extFields.Load(t); found {
		return ok.(bool)
	}
	f, ok := t.FieldByName("Ext")
	ok = ok && f.Type == extType
	extFields.Store(t, ok)
	return ok
}

// Text is a text value of the data: its data path and the text.
type Text struct {
	Path string
	Text Markdown
}

// Texts returns every Markdown value of the project (the team's own
// words: prose sections, descriptions, statements), core and extension
// fields alike, in data order, for rules that read what the team wrote.
func Texts(p *Project) []Text {
	var out []Text
	walkFields(p, func(fpath string, fv reflect.Value) {
		if fv.Type() == reflect.TypeOf(Markdown("")) && fv.String() != "" {
			out = append(out, Text{fpath, Markdown(fv.String())})
		}
	})
	return out
}

// Located is a value of the data with its data path.
type Located[T any] struct {
	Path string
	V    *T
}

// All returns every value of type T in the project, core and extension
// fields alike (a rule pack's own list of request methods, say), in data
// order, for checks that must see each one wherever it is written.
func All[T any](p *Project) []Located[T] {
	var out []Located[T]
	want := reflect.TypeOf((*T)(nil))
	walkFields(p, func(fpath string, fv reflect.Value) {
		if fv.Type() == want && !fv.IsNil() {
			out = append(out, Located[T]{fpath, fv.Interface().(*T)})
		}
	})
	return out
}

// walkFields calls fn for every field value of the project's data, core and
// extension fields alike, with its data path, in data order (the items of
// a list each under their index, a map's by sorted key), descending into
// structs.
func walkFields(p *Project, fn func(string, reflect.Value)) {
	var walk func(v reflect.Value, path string)
	item := func(v reflect.Value, path string) {
		fn(path, v)
		if v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
			walk(v.Elem(), path)
		}
	}
	walk = func(v reflect.Value, path string) {
		Fields(v, path, func(fpath string, _ reflect.StructField, fv reflect.Value) {
			if !fv.IsValid() {
				return
			}
			switch fv.Kind() {
			case reflect.Map:
				keys := fv.MapKeys()
				sort.Slice(keys, func(i, k int) bool { return keys[i].String() < keys[k].String() })
				fn(fpath, fv)
				for _, k := range keys {
					item(fv.MapIndex(k), Field(fpath, k.String()))
				}
			case reflect.Slice:
				fn(fpath, fv)
				for i := 0; i < fv.Len(); i++ {
					item(fv.Index(i), Index(fpath, i))
				}
			default:
				item(fv, fpath)
			}
		})
	}
	if p != nil {
		walk(reflect.ValueOf(p).Elem(), "")
	}
}
