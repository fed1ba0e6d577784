// Package translate puts the team's own words in another language: it
// lists the texts of a project a notice in another language publishes
// (Units: prose sections, names, descriptions, examples), and makes a copy
// of the project with a language's translations in their place (Apply),
// for the packs to compile that language's notices from.
//
// Each translation records the hash of the English it was made from
// (locale.Hash). When the English changes, the hashes differ and the
// translation is stale: Apply reports it at the translation's line and
// never puts it in the copy. A text with no current translation is an
// error too, unless the language's file allows English in its place
// (fallback: true); the copy then keeps the English, and Apply lists the
// texts shown in English so the notice can say so.
//
// Which texts are translated is the model's to say: every Markdown value,
// and every string (or list of strings) field tagged i18n:"text" (names,
// examples, titles). A field tagged i18n:"name" (a contact's name, which
// may be a team's or a company's) is translated when a translation is
// given and shown as written when not. Names that stay as written (a
// company's legal name, a street) are not tagged.
package translate

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
)

// File is one language's translations of the team's own words, as read
// from data/translations/LANG.yaml.
type File struct {
	// Path is the file as diagnostics name it, Pos its start.
	Path string
	Pos  diag.Pos
	// Language is the language translated into (a locale.Parse code).
	Language string
	// Fallback allows the English of a text with no current translation to
	// be shown, marked as English, instead of refusing the notice.
	Fallback bool
	Texts    []*Text
}

// Text is one translation: the Key of the text it translates (Unit.Key),
// the hash of the English it was made from, and the translation, one
// value, or the items of a list.
type Text struct {
	Pos    diag.Pos
	Key    string
	Source string
	Text   []string
	// List says the translation was written as a list.
	List bool
	// Todo marks a translation not made yet (disclose translate writes the
	// English there, todo: true): it is not used, as if missing.
	Todo bool
}

// Unit is one text of the project to translate.
type Unit struct {
	// Key names the text by the ids of the items on its way, stable when
	// items are added or reordered: purposes[support].description,
	// categories[contact].examples, notices.eu.title. An item without an id
	// is named by its index.
	Key string
	// Path is the text's data path, as diagnostics write it
	// (purposes[3].description), and Pos where the English is written.
	Path string
	Pos  diag.Pos
	// English is the text, one value or a list's items; List says which.
	English []string
	List    bool
	// Optional says the text may stay as written (i18n:"name").
	Optional bool
	hash     string // Hash, once made
}

// Source is the text a translation of the unit is made from; its Hash is
// what a translation records.
func (u *Unit) Source() string { return strings.Join(u.English, "\n") }

// Hash is the hash a current translation of u records.
func (u *Unit) Hash() string {
	if u.hash == "" {
		u.hash = locale.Hash(u.Source())
	}
	return u.hash
}

var markdownType = reflect.TypeOf(model.Markdown(""))

// translatable reports whether a field holds text that is translated, and
// whether its translation may be left out.
func translatable(f reflect.StructField) (ok, optional bool) {
	tag := f.Tag.Get("i18n")
	if tag == "-" {
		return false, false
	}
	t := f.Type
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	switch {
	case t == markdownType:
		return true, false
	case t.Kind() == reflect.String && tag == "text":
		return true, false
	case t.Kind() == reflect.String && tag == "name":
		return true, true
	}
	return false, false
}

// Units lists the project's texts to translate, in data order, the empty
// ones left out.
func Units(p *model.Project) []*Unit {
	var out []*Unit
	visit(p, func(u *Unit, _ reflect.Value) { out = append(out, u) })
	return out
}

// visit calls fn for each text to translate, with the field's value (a
// string kind, or a slice of one) to set.
func visit(p *model.Project, fn func(*Unit, reflect.Value)) {
	if p == nil {
		return
	}
	var walk func(v reflect.Value, path, key string)
	walk = func(v reflect.Value, path, key string) {
		model.Fields(v, path, func(fpath string, f reflect.StructField, fv reflect.Value) {
			name := tags.YAMLName(f)
			fkey := model.Field(key, name)
			if ok, optional := translatable(f); ok {
				u := &Unit{Key: fkey, Path: fpath, List: fv.Kind() == reflect.Slice, Optional: optional}
				if u.List {
					for i := range fv.Len() {
						u.English = append(u.English, fv.Index(i).String())
					}
				} else if s := fv.String(); s != "" {
					u.English = []string{s}
				}
				if len(u.English) > 0 {
					if p.Source != nil {
						u.Pos = p.Source.Pos(fpath)
					}
					fn(u, fv)
				}
				return
			}
			descend(fv, fpath, fkey, walk)
		})
	}
	walk(reflect.ValueOf(p).Elem(), "", "")
}

// descend walks into the structs a field holds: one, a list's items (by
// id where they have one) or a map's values (by key, sorted).
func descend(v reflect.Value, path, key string, walk func(reflect.Value, string, string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			descend(v.Elem(), path, key, walk)
		}
	case reflect.Struct:
		if v.Type() != reflect.TypeOf(diag.Pos{}) {
			walk(v, path, key)
		}
	case reflect.Slice:
		for i := range v.Len() {
			descend(v.Index(i), model.Index(path, i), key+"["+itemKey(v.Index(i), i)+"]", walk)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			descend(v.MapIndex(k), model.Field(path, k.String()), model.Field(key, k.String()), walk)
		}
	}
}

// itemKey names a list's item by its id, else by its index.
func itemKey(v reflect.Value, i int) string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return strconv.Itoa(i)
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		if id := v.FieldByName("ID"); id.IsValid() && id.Kind() == reflect.String && id.String() != "" {
			return id.String()
		}
	}
	return strconv.Itoa(i)
}

// Result is a project in another language.
type Result struct {
	// Project is the copy with the translations in place.
	Project *model.Project
	// English lists the keys of the texts shown in English (fallback).
	English []string
}

// Apply returns a copy of p with f's translations in place of the English
// (p itself is not changed), and the problems, each at the translation's
// line or, for a text with no translation, at the English: a translation
// of a text the project does not have, one given twice, one of a list
// with a single value (or the reverse), a stale translation (the English
// changed since: its hash is not the English text's), and a text the
// notices publish (need reports it by its data path; nil: every text) with
// no current translation (an error, or with f.Fallback a warning, the
// English kept). A stale translation is never used, needed or not.
func Apply(p *model.Project, f *File, need func(path string) bool) (*Result, diag.List) {
	var ds diag.List
	lang, err := locale.Parse(f.Language)
	if err != nil {
		ds.Add(f.Pos, "language", "%s", err)
		return &Result{Project: p}, ds
	}
	name := locale.English(lang)
	byKey := map[string]*Text{}
	for _, t := range f.Texts {
		if first := byKey[t.Key]; first != nil {
			d := ds.Add(t.Pos, t.Key, "the %s translation of %s is given twice", name, t.Key)
			d.Related = []diag.Pos{first.Pos}
			continue
		}
		byKey[t.Key] = t
	}
	cp := clone(reflect.ValueOf(p)).Interface().(*model.Project)
	res := &Result{Project: cp}
	seen := map[string]bool{}
	visit(cp, func(u *Unit, v reflect.Value) {
		seen[u.Key] = true
		t := byKey[u.Key]
		missing := func(format string, args ...any) {
			d := &diag.Diagnostic{Pos: u.Pos, Severity: diag.Error, Path: u.Path, Message: fmt.Sprintf(format, args...)}
			d.Hint = fmt.Sprintf("translate it in %s: %s with source: %s", f.Path, u.Key, u.Hash())
			if f.Fallback {
				d.Severity = diag.Warning
				d.Message += "; the English is shown, marked as English"
				res.English = append(res.English, u.Key)
			}
			if t != nil {
				d.Pos, d.Related = t.Pos, []diag.Pos{u.Pos}
			}
			ds = append(ds, d)
		}
		needed := !u.Optional && (need == nil || need(u.Path))
		switch {
		case (t == nil || t.Todo) && !needed:
		case t == nil:
			missing("%s has no %s translation", u.Key, name)
		case t.Todo:
			missing("%s has no %s translation yet (todo: true, its text is the English)", u.Key, name)
		case t.Source != u.Hash() && !needed:
			d := ds.Add(t.Pos, u.Key, "the %s translation of %s is stale: the English changed since it was translated (source %q, the English is now %q)", name, u.Key, t.Source, u.Hash())
			d.Severity, d.Related = diag.Warning, []diag.Pos{u.Pos}
			d.Hint = "no notice publishes it now; translate it again or remove it"
		case t.Source != u.Hash():
			missing("the %s translation of %s is stale: the English changed since it was translated (source %q, the English is now %q)", name, u.Key, t.Source, u.Hash())
		case u.List != t.List:
			if u.List {
				ds.Add(t.Pos, u.Key, "%s is a list: translate it as a list of %d items", u.Key, len(u.English))
			} else {
				ds.Add(t.Pos, u.Key, "%s is one text: translate it as one text, not a list", u.Key)
			}
		default:
			set(v, t.Text)
		}
	})
	for _, t := range f.Texts {
		if !seen[t.Key] && byKey[t.Key] == t {
			ds.Add(t.Pos, t.Key, "the %s translation of %s translates no text of the data", name, t.Key).Hint =
				"the text was removed, or its item's id changed: remove the translation, or correct its key"
		}
	}
	ds.Sort()
	return res, ds
}

func set(v reflect.Value, text []string) {
	if v.Kind() == reflect.Slice {
		s := reflect.MakeSlice(v.Type(), len(text), len(text))
		for i, t := range text {
			s.Index(i).SetString(t)
		}
		v.Set(s)
		return
	}
	v.SetString(text[0])
}

// clone copies v deeply: pointers, slices, maps and interfaces are new;
// the source map, read-only, is shared.
func clone(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if v.Type() == reflect.TypeOf((*model.SourceMap)(nil)) {
			return v
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(clone(v.Elem()))
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		n.Set(v) // unexported fields as they are
		for i := range v.NumField() {
			if n.Field(i).CanSet() {
				n.Field(i).Set(clone(v.Field(i)))
			}
		}
		return n
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			n.Index(i).Set(clone(v.Index(i)))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			n.SetMapIndex(k, clone(v.MapIndex(k)))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(clone(v.Elem()))
		return n
	}
	return v
}
