package jurisdiction

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Cond is a condition on a value of the data, stated as data so that a rule
// can both test it and say it in words (see Each). Fields are named by their
// YAML keys, as in the data files; a key may be dotted (do_not_track.honored)
// and may name a field a rule pack adds to the item (an extension's key, such
// as a purpose's legal_bases). A field that is absent (a nil object on the
// way, or an extension the item does not hold) has the zero value.
//
// Conditions are built with Is, IsYes, IsNo, Includes, Given, NotGiven, Not,
// All and AnyOf.
type Cond interface {
	// holds reports whether the condition is true of the struct value v.
	holds(v reflect.Value) bool
	// phrase says the condition (or, with neg, its negation) in words.
	phrase(w *wording, neg bool) string
	// check reports a key that names no suitable field of struct type t.
	check(t reflect.Type, exts model.Extensions) error
}

// Is holds when the value of key is value (an enumerated string, such as
// role: joint_controller).
func Is(key, value string) Cond { return &is{key: key, value: value} }

// IsYes holds when the yes/no answer at key is yes.
func IsYes(key string) Cond { return &is{key: key, value: string(model.Yes), answer: true} }

// IsNo holds when the yes/no answer at key is no (not when it is not given).
func IsNo(key string) Cond { return &is{key: key, value: string(model.No), answer: true} }

// Includes holds when the list at key contains value.
func Includes(key, value string) Cond { return &includes{key: key, value: value} }

// Given holds when the data gives key: a non-empty text or list, an object,
// a yes/no answer that is yes or no. It is what Each.Require asks of a key.
func Given(key string) Cond { return &given{key: key} }

// NotGiven holds when the data does not give key.
func NotGiven(key string) Cond { return Not(Given(key)) }

// Not holds when c does not.
func Not(c Cond) Cond { return &not{c: c} }

// All holds when every one of cs holds.
func All(cs ...Cond) Cond { return &group{conds: cs, all: true} }

// AnyOf holds when at least one of cs holds.
func AnyOf(cs ...Cond) Cond { return &group{conds: cs} }

// Named holds when c holds, and says so in the words given ("the UK GDPR
// applies"; negated, in notWords): a pack names a condition of its law
// once, and every rule that uses it reads in the law's terms.
func Named(words, notWords string, c Cond) Cond { return &named{words: words, not: notWords, c: c} }

type named struct {
	words, not string
	c          Cond
}

func (c *named) holds(v reflect.Value) bool { return c.c.holds(v) }
func (c *named) phrase(_ *wording, neg bool) string {
	if neg {
		return c.not
	}
	return c.words
}
func (c *named) check(t reflect.Type, exts model.Extensions) error { return c.c.check(t, exts) }

type is struct {
	key, value string
	answer     bool // the key must be a yes/no answer
}

func (c *is) holds(v reflect.Value) bool {
	f, ok := lookup(v, c.key)
	return ok && f.Kind() == reflect.String && f.String() == c.value
}

func (c *is) phrase(w *wording, neg bool) string {
	if neg {
		return w.key(c.key) + " is not " + c.value
	}
	return w.key(c.key) + " is " + c.value
}

func (c *is) check(t reflect.Type, exts model.Extensions) error {
	ft, err := fieldType(t, c.key, exts)
	switch {
	case err != nil:
		return err
	case c.answer && ft != answerType:
		return fmt.Errorf("%s is %s, not a yes/no answer", c.key, ft)
	case ft.Kind() != reflect.String:
		return fmt.Errorf("%s is %s, not text to compare with %q", c.key, ft, c.value)
	}
	return nil
}

type includes struct{ key, value string }

func (c *includes) holds(v reflect.Value) bool {
	f, ok := lookup(v, c.key)
	if !ok || f.Kind() != reflect.Slice {
		return false
	}
	for i := range f.Len() {
		if e := f.Index(i); e.Kind() == reflect.String && e.String() == c.value {
			return true
		}
	}
	return false
}

func (c *includes) phrase(w *wording, neg bool) string {
	if neg {
		return w.key(c.key) + " do not include " + c.value
	}
	return w.key(c.key) + " include " + c.value
}

func (c *includes) check(t reflect.Type, exts model.Extensions) error {
	ft, err := fieldType(t, c.key, exts)
	if err != nil {
		return err
	}
	if ft.Kind() != reflect.Slice || ft.Elem().Kind() != reflect.String {
		return fmt.Errorf("%s is %s, not a list of text that could include %q", c.key, ft, c.value)
	}
	return nil
}

type given struct{ key string }

func (c *given) holds(v reflect.Value) bool {
	f, ok := lookup(v, c.key)
	return ok && present(f)
}

func (c *given) phrase(w *wording, neg bool) string {
	word := "given"
	if t, ok := w.typeOf(c.key); ok {
		switch {
		case t == answerType:
			word = "answered"
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
			if neg {
				return w.key(c.key) + " is empty"
			}
			return w.key(c.key) + " is not empty"
		}
	}
	if neg {
		return w.key(c.key) + " is not " + word
	}
	return w.key(c.key) + " is " + word
}

func (c *given) check(t reflect.Type, exts model.Extensions) error {
	_, err := fieldType(t, c.key, exts)
	return err
}

type not struct{ c Cond }

func (c *not) holds(v reflect.Value) bool                        { return !c.c.holds(v) }
func (c *not) phrase(w *wording, neg bool) string                { return c.c.phrase(w, !neg) }
func (c *not) check(t reflect.Type, exts model.Extensions) error { return c.c.check(t, exts) }

type group struct {
	conds []Cond
	all   bool // all of conds, else any of them
}

func (c *group) holds(v reflect.Value) bool {
	for _, d := range c.conds {
		if d.holds(v) != c.all {
			return !c.all
		}
	}
	return c.all
}

// phrase joins the parts with "and" or "or" (exchanged under negation, as
// De Morgan says), putting in parentheses a part joined by the other word.
func (c *group) phrase(w *wording, neg bool) string {
	conj := " or "
	if c.all != neg {
		conj = " and "
	}
	parts := make([]string, len(c.conds))
	for i, d := range c.conds {
		parts[i] = d.phrase(w, neg)
		if g := grouped(d); g != nil && len(g.conds) > 1 && disjunction(d, neg) == (c.all != neg) {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	if len(parts) <= 2 {
		return strings.Join(parts, conj)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + conj + parts[len(parts)-1]
}

// grouped returns the group c is, or negates.
func grouped(c Cond) *group {
	for {
		switch d := c.(type) {
		case *not:
			c = d.c
		case *group:
			return d
		default:
			return nil
		}
	}
}

func (c *group) check(t reflect.Type, exts model.Extensions) error {
	if len(c.conds) == 0 {
		return fmt.Errorf("an empty All or AnyOf")
	}
	for _, d := range c.conds {
		if err := d.check(t, exts); err != nil {
			return err
		}
	}
	return nil
}

// wording says keys in a condition's words: relative to the item for a
// collection, or as the full data path for a single object.
type wording struct {
	prefix string       // added before each key: "cookies.do_not_track."
	t      reflect.Type // the struct the keys are looked up in; nil if unknown
}

func (w *wording) key(k string) string { return w.prefix + k }

// typeOf returns the type of key in the core model, when w knows the struct
// and the key is its own (an extension's types are known only to its pack).
func (w *wording) typeOf(key string) (reflect.Type, bool) {
	if w.t == nil {
		return nil, false
	}
	t, err := fieldType(w.t, key, nil)
	return t, err == nil
}

var answerType = reflect.TypeFor[model.Answer]()

// present reports whether v gives a value, as a requirement counts it: a
// non-empty text or list, an object, a yes/no answer that is yes or no.
func present(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		if v.Type() == answerType {
			return model.Answer(v.String()).Known()
		}
		return v.String() != ""
	case reflect.Slice, reflect.Map:
		return v.Len() > 0
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Invalid:
		return false
	}
	return !v.IsZero()
}

// lookup returns the field of struct value v at the dotted YAML key path,
// among v's own fields and those of the extensions it holds. ok is false
// when the path names no field, or an object on the way is nil.
func lookup(v reflect.Value, path string) (f reflect.Value, ok bool) {
	f = v
	for i, key := range strings.Split(path, ".") {
		if i > 0 {
			for f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface {
				if f.IsNil() {
					return reflect.Value{}, false
				}
				f = f.Elem()
			}
		}
		if f.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		if f, ok = field(f, key); !ok {
			return reflect.Value{}, false
		}
	}
	return f, true
}

// field returns the field of struct value v whose YAML key is key: its own,
// or one of an extension it holds.
func field(v reflect.Value, key string) (reflect.Value, bool) {
	if i, ok := fieldIndex(v.Type(), key); ok {
		return v.Field(i), true
	}
	_, exts := model.ExtValues(v)
	for _, x := range exts {
		if i, ok := fieldIndex(x.Type(), key); ok {
			return x.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// fieldType returns the type of the field of struct type t at the dotted
// YAML key path, among t's own fields and those exts add to it.
func fieldType(t reflect.Type, path string, exts model.Extensions) (reflect.Type, error) {
	for i, key := range strings.Split(path, ".") {
		if i > 0 {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
		}
		if t.Kind() != reflect.Struct {
			return nil, fmt.Errorf("%s: %s is not an object with keys", path, t)
		}
		var found bool
		for _, k := range exts.Keys(t) {
			if k.Name == key {
				t, found = k.Field.Type, true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("%s: %s has no key %s", path, t, key)
		}
	}
	return t, nil
}
