package model

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
)

// DocOf returns the doc comment of a type declared where struct type t is
// ("Type" or "Type.Field", as Doc): the model's own, or that of the rule
// pack whose extension types share t's package; "" when none is known.
func (es Extensions) DocOf(t reflect.Type, key string) string {
	if t.PkgPath() == modelPkg {
		return Doc(key)
	}
	for _, e := range es {
		if e.Type.PkgPath() == t.PkgPath() && e.Doc != nil {
			return e.Doc(key)
		}
	}
	return ""
}

var modelPkg = reflect.TypeOf(Project{}).PkgPath()

// FieldDoc returns the doc comment of field f of struct type t (see DocOf).
func (es Extensions) FieldDoc(t reflect.Type, f reflect.StructField) string {
	return es.DocOf(t, t.Name()+"."+f.Name)
}

// Value is a value an enumerated field allows, with its meaning.
type Value struct {
	Value   string
	Meaning string // "" when the doc comment gives none
}

// ValuesOf returns the values field f of struct type t allows, of the
// field itself or, for a list, of its items: the values of its oneof rule,
// or the whole numbers from its min to its max (at most 20 of them, and
// only when the doc comment gives a meaning to one, as a list of modules
// of contractual clauses does). Each has its meaning
// from the field's doc comment, where an enumerated field lists its
// values one a line:
//
//	// Kind of recipient:
//	//   - affiliate: a company of the same group
//	//   - service_provider: a vendor processing data on our behalf ...
//
// (compiler/internal/docgen keeps each as the doc key "Type.Field=value").
// It returns nil when the field is not enumerated.
func (es Extensions) ValuesOf(t reflect.Type, f reflect.StructField) []Value {
	r := tags.Validate(f)
	rules := r.Self
	if len(r.Items) > 0 {
		rules = r.Items
	}
	meaning := func(v string) string { return es.DocOf(t, t.Name()+"."+f.Name+"="+v) }
	var out []Value
	if p, ok := tags.Param(rules, "oneof"); ok {
		for _, v := range tags.OneOf(p) {
			out = append(out, Value{v, meaning(v)})
		}
		return out
	}
	lo, okLo := tags.Int(rules, "min")
	hi, okHi := tags.Int(rules, "max")
	if !okLo || !okHi || hi < lo || hi-lo >= 20 {
		return nil
	}
	known := false
	for n := lo; n <= hi; n++ {
		v := strconv.Itoa(n)
		m := meaning(v)
		known = known || m != ""
		out = append(out, Value{v, m})
	}
	if !known {
		return nil
	}
	return out
}

// Listing writes values one a line, each with its meaning: "affiliate: a
// company of the same group". Without any meaning it is the
// values on one line, separated by commas.
func Listing(values []Value) string {
	var b strings.Builder
	known := false
	for _, v := range values {
		known = known || v.Meaning != ""
	}
	for i, v := range values {
		switch {
		case !known:
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(v.Value)
		default:
			b.WriteString("\n")
			b.WriteString(v.Value)
			if v.Meaning != "" {
				b.WriteString(": ")
				b.WriteString(v.Meaning)
			}
		}
	}
	return b.String()
}
