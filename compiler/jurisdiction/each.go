package jurisdiction

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Each is the declarative form of the commonest check, "for each X where P,
// require F": the items it looks at, the condition under which an item must
// give some fields, the fields, and the diagnostic when one is missing.
// Because the condition is data, the same declaration is checked (Check) and
// said in words (Requirement.Condition), so the two cannot drift apart.
//
// Declare rules with ForEach, which records where they were written.
type Each struct {
	// In is the data path of the items, by YAML keys from the project's
	// root: a collection ("purposes", "organization.entities",
	// "cookies.items"), whose items are checked one by one, or a single
	// object ("organization", "cookies.do_not_track"); empty for the project
	// itself. An absent object or a nil item is not checked: what the model
	// requires, the loader reports.
	In string
	// Noun names an item in words ("purpose"); empty means the singular of
	// In's last key ("entity" for organization.entities, "cookie" for
	// cookies.items).
	Noun string
	// If is a condition on the project (keys from the root) for the rule to
	// apply at all; nil means always.
	If Cond
	// Where is the condition on each item (keys of the item) for it to be
	// checked; nil means every item.
	Where Cond
	// Require are the keys every item checked must give (a non-empty text or
	// list, an object, a yes/no answer); each one missing is reported.
	Require []string
	// RequireAny are keys of which every item checked must give at least
	// one; when it gives none, that is reported once, at the item.
	RequireAny []string
	// At says where a missing Require key is reported: at the key (the
	// default) or at its item.
	At Place
	// Message and Hint are the diagnostic's; {key} in them stands for the
	// item's value at key, quoted (purpose {id} -> purpose "billing").
	Message, Hint string
	// From and Until bound the dates (YYYY-MM-DD, inclusive) on which this
	// rule is in force, within the requirement's own; empty means open.
	From, Until model.Date
	// Defined is where the rule is written in the Go source (repository-
	// relative: compiler/jurisdiction/global/global.go:57); set by ForEach.
	Defined diag.Pos
}

// Place says where a declarative rule reports a missing field.
type Place int

const (
	// AtKey reports at the missing key's path: purposes[3].legitimate_interest
	// (positioned at the item while the key is absent).
	AtKey Place = iota
	// AtItem reports at the item's path: purposes[3].
	AtItem
)

// ForEach returns the rules es as a requirement's Each, each one recording
// the Go source line of the call as its Defined position.
func ForEach(es ...Each) []*Each {
	var def diag.Pos
	if _, file, line, ok := runtime.Caller(1); ok {
		def = diag.Pos{File: repoPath(file), Line: line}
	}
	out := make([]*Each, len(es))
	for i := range es {
		e := es[i]
		e.Defined = def
		out[i] = &e
	}
	return out
}

// repoRoot is the prefix of this package's source files before
// compiler/jurisdiction/ (a folder, or the module path under -trimpath).
var repoRoot = func() string {
	_, file, _, _ := runtime.Caller(0)
	root, _, _ := strings.Cut(file, "compiler/jurisdiction/each.go")
	return root
}()

// repoPath makes a source file name relative to the repository's root when
// it lies inside it.
func repoPath(file string) string {
	if repoRoot != "" && strings.HasPrefix(file, repoRoot) {
		return file[len(repoRoot):]
	}
	return file
}

// check runs e on c's project, reporting each missing field to r.
func (e *Each) check(c *Context, r *Report) {
	if !c.InForce(e.From, e.Until) || c.Project == nil {
		return
	}
	root := reflect.ValueOf(c.Project).Elem()
	if e.If != nil && !e.If.holds(root) {
		return
	}
	v := root
	if e.In != "" {
		f, ok := lookup(root, e.In)
		if !ok {
			return
		}
		v = f
	}
	if v.Kind() == reflect.Slice {
		for i := range v.Len() {
			if it, ok := object(v.Index(i)); ok {
				e.checkItem(c, r, it, model.Index(e.In, i))
			}
		}
		return
	}
	if it, ok := object(v); ok {
		e.checkItem(c, r, it, e.In)
	}
}

// object returns the struct v is or points to; ok is false for a nil pointer.
func object(v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	return v, v.Kind() == reflect.Struct
}

func (e *Each) checkItem(c *Context, r *Report, it reflect.Value, path string) {
	if e.Where != nil && !e.Where.holds(it) {
		return
	}
	for _, key := range e.Require {
		if f, ok := lookup(it, key); ok && present(f) {
			continue
		}
		at := path
		if e.At == AtKey {
			at = model.Field(path, key)
		}
		e.report(c, r, it, at)
	}
	if len(e.RequireAny) > 0 {
		for _, key := range e.RequireAny {
			if f, ok := lookup(it, key); ok && present(f) {
				return
			}
		}
		e.report(c, r, it, path)
	}
}

func (e *Each) report(c *Context, r *Report, it reflect.Value, path string) {
	d := r.Missing(path, fill(e.Hint, it), "%s", fill(e.Message, it))
	if c.ShowDefinitions && e.Defined.IsValid() {
		d.Related = append(d.Related, e.Defined)
	}
}

// placeholder is {key} in a rule's message or hint.
var placeholder = regexp.MustCompile(`\{([a-z0-9_]+(?:\.[a-z0-9_]+)*)\}`)

// fill replaces each {key} of s with the item's value at key, quoted.
func fill(s string, it reflect.Value) string {
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		f, ok := lookup(it, m[1:len(m)-1])
		switch {
		case !ok:
			return `""`
		case f.Kind() == reflect.String:
			return fmt.Sprintf("%q", f.String())
		}
		return fmt.Sprint(f.Interface())
	})
}

// condition says e's condition in words: "for each purpose whose legal_bases
// include legitimate_interests", "when cookies.do_not_track.honored is yes";
// empty when it applies to a single object unconditionally.
func (e *Each) condition(exts model.Extensions) string {
	rootT := reflect.TypeFor[model.Project]()
	itemT, collection := e.itemType(exts)
	var parts []string
	if collection {
		s := "for each " + e.noun()
		if e.Where != nil {
			s += " whose " + e.Where.phrase(&wording{t: itemT}, false)
		}
		parts = append(parts, s)
	}
	var when []string
	both := e.If != nil && !collection && e.Where != nil
	say := func(c Cond, w *wording) {
		s := c.phrase(w, false)
		if both && disjunction(c, false) {
			s = "(" + s + ")"
		}
		when = append(when, s)
	}
	if e.If != nil {
		say(e.If, &wording{t: rootT})
	}
	if !collection && e.Where != nil {
		prefix := ""
		if e.In != "" {
			prefix = e.In + "."
		}
		say(e.Where, &wording{prefix: prefix, t: itemT})
	}
	if len(when) > 0 {
		parts = append(parts, "when "+strings.Join(when, " and "))
	}
	return strings.Join(parts, ", ")
}

// disjunction reports whether c (negated, with neg) is said as parts joined
// by "or".
func disjunction(c Cond, neg bool) bool {
	switch c := c.(type) {
	case *not:
		return disjunction(c.c, !neg)
	case *group:
		return len(c.conds) > 1 && c.all == neg
	}
	return false
}

// itemType returns the struct type of e's items, found through the model's
// own types and exts (nil when In goes through a type exts do not name),
// and whether In is a collection. With nil exts a key of an extension is not
// found: the type is then nil, and collection is guessed from In's last key.
func (e *Each) itemType(exts model.Extensions) (t reflect.Type, collection bool) {
	t = reflect.TypeFor[model.Project]()
	if e.In != "" {
		ft, err := fieldType(t, e.In, exts)
		if err != nil {
			last := e.In[strings.LastIndex(e.In, ".")+1:]
			return nil, strings.HasSuffix(last, "s")
		}
		t = ft
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		t, collection = t.Elem(), true
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return t, collection
}

// irregular are plural keys whose singular is not found by dropping -s or
// turning -ies into -y.
var irregular = map[string]string{"cookies": "cookie"}

// noun names one of e's items in words.
func (e *Each) noun() string {
	if e.Noun != "" {
		return e.Noun
	}
	keys := strings.Split(e.In, ".")
	k := keys[len(keys)-1]
	if k == "items" && len(keys) > 1 {
		k = keys[len(keys)-2]
	}
	switch {
	case irregular[k] != "":
		k = irregular[k]
	case strings.HasSuffix(k, "ies"):
		k = strings.TrimSuffix(k, "ies") + "y"
	default:
		k = strings.TrimSuffix(k, "s")
	}
	return strings.ReplaceAll(k, "_", " ")
}

// Validate reports the first key of e that names no suitable field: in In
// (which must lead to an object or a list of objects), If, Where, Require,
// RequireAny and the placeholders of Message and Hint, looked up in the
// model's types and the fields exts add to them.
func (e *Each) Validate(exts model.Extensions) error {
	root := reflect.TypeFor[model.Project]()
	if e.In != "" {
		if _, err := fieldType(root, e.In, exts); err != nil {
			return fmt.Errorf("in %s", err)
		}
	}
	item, _ := e.itemType(exts)
	if item == nil || item.Kind() != reflect.Struct {
		return fmt.Errorf("in %s: not an object or a list of objects", e.In)
	}
	if e.If != nil {
		if err := e.If.check(root, exts); err != nil {
			return fmt.Errorf("if: %w", err)
		}
	}
	if e.Where != nil {
		if err := e.Where.check(item, exts); err != nil {
			return fmt.Errorf("where: %w", err)
		}
	}
	if len(e.Require) == 0 && len(e.RequireAny) == 0 {
		return fmt.Errorf("requires nothing")
	}
	for _, key := range append(append([]string(nil), e.Require...), e.RequireAny...) {
		if _, err := fieldType(item, key, exts); err != nil {
			return fmt.Errorf("require: %w", err)
		}
	}
	for _, m := range placeholder.FindAllStringSubmatch(e.Message+" "+e.Hint, -1) {
		if _, err := fieldType(item, m[1], exts); err != nil {
			return fmt.Errorf("message: %w", err)
		}
	}
	if e.Message == "" {
		return fmt.Errorf("no message")
	}
	return nil
}

// fieldIndex returns the index of the field of struct type t whose YAML key
// is key.
func fieldIndex(t reflect.Type, key string) (int, bool) {
	for i := range t.NumField() {
		if tags.YAMLName(t.Field(i)) == key {
			return i, true
		}
	}
	return 0, false
}
