package load

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

var (
	idRE    = regexp.MustCompile(model.IDPattern)
	phoneRE = regexp.MustCompile(model.PhonePattern)
	indexRE = regexp.MustCompile(`\[[0-9]+\]`)
)

// Validator returns the validator used for the model: validator/v10 with the
// model's own tags (id, country, phone, date, period, duration) and YAML key
// names in its error namespaces.
var Validator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		if name := tags.YAMLName(f); name != "" {
			return name
		}
		return "-"
	})
	iso := func(fl validator.FieldLevel) bool { return model.IsCountry(fl.Field().String()) }
	must(v.RegisterValidation("country", iso))
	must(v.RegisterValidation("id", func(fl validator.FieldLevel) bool { return idRE.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("phone", func(fl validator.FieldLevel) bool { return phoneRE.MatchString(fl.Field().String()) }))
	must(v.RegisterValidation("date", func(fl validator.FieldLevel) bool { return model.ValidDate(fl.Field().String()) }))
	must(v.RegisterValidation("period", func(fl validator.FieldLevel) bool {
		_, _, err := model.ParsePeriod(fl.Field().String())
		return err == nil
	}))
	must(v.RegisterValidation("duration", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		_, _, err := model.ParsePeriod(s)
		return s == "session" || err == nil
	}))
	return v
})

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// validate runs the model's validation tags and translates each failure into
// a positioned diagnostic in plain English. Values that already failed to
// decode are not reported again.
func (l *loader) validate() {
	l.validateStruct(l.root, "")
	// The rule packs' extensions, each validated on its own (validator does
	// not see into model.Ext), their errors placed under the extended item.
	walkExtensions(reflect.ValueOf(l.root).Elem(), "", func(path string, ext reflect.Value) {
		l.validateStruct(ext.Addr().Interface(), path)
	})
}

// walkExtensions calls fn with the path and value of every extension
// struct held by v or a value inside it.
func walkExtensions(v reflect.Value, path string, fn func(string, reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkExtensions(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkExtensions(v.Index(i), model.Index(path, i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkExtensions(v.MapIndex(k), model.Field(path, k.String()), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if name := tags.YAMLName(t.Field(i)); name != "" {
				walkExtensions(v.Field(i), model.Field(path, name), fn)
			}
		}
		_, exts := model.ExtValues(v)
		for _, x := range exts {
			fn(path, x)
			walkExtensions(x, path, fn)
		}
	}
}

// validateStruct validates the struct s, found at path, and reports each
// failure.
func (l *loader) validateStruct(s any, at string) {
	err := Validator().Struct(s)
	errs, ok := err.(validator.ValidationErrors)
	if !ok {
		if err != nil {
			l.diags.Add(l.src.Root, "", "internal error while validating: %v", err)
		}
		return
	}
	for _, fe := range errs {
		p := fe.Namespace()
		if _, rest, ok := strings.Cut(p, "."); ok {
			p = rest
		}
		p = mapKeyRE.ReplaceAllString(p, ".$1")
		if at != "" {
			p = at + "." + p
		}
		if l.isBroken(p) {
			continue
		}
		d := translate(fe, reflect.TypeOf(s).Elem(), p, l.src, l.exts)
		if at, ok := l.aliased[p]; ok && at != d.Pos {
			d.Related = append(d.Related, at)
		}
		l.diags.Append(d)
	}
}

// isBroken reports whether path or an enclosing value already failed to
// decode, in the file path was written in (a list section split across files
// has items in each; a missing value belongs to the file of the value that
// lacks it). A section no file defines is broken when a file that could not
// be read or decoded seems to define it.
func (l *loader) isBroken(path string) bool {
	section := path
	for p := path; p != ""; p = model.Parent(p) {
		section = p
	}
	if _, ok := l.defined[section]; !ok {
		if l.skipped > 0 {
			return true // a file not read may define it
		}
		for _, broken := range l.broken {
			if broken[section] {
				return true
			}
		}
		return false
	}
	broken := l.broken[l.src.Pos(path).File]
	for p := path; p != ""; p = model.Parent(p) {
		if broken[p] {
			return true
		}
	}
	return false
}

// mapKeyRE matches the map keys in validator's namespaces
// (notices[global].title), which data paths write as fields.
var mapKeyRE = regexp.MustCompile(`\[([^\]]*[^\]0-9][^\]]*)\]`)

func translate(fe validator.FieldError, root reflect.Type, path string, src *model.SourceMap, exts model.Extensions) *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: diag.Error, Path: path, Pos: src.Pos(path)}
	name := fe.Field()
	value := fmt.Sprint(fe.Value())
	written := src.Has(path)
	isAnswer := fe.Type() == reflect.TypeOf(model.Answer(""))
	param := fe.Param()
	owner, field, known := fieldOf(fe, root)
	// meaning is what the field holds, from its doc comment, and the
	// values it allows when they are enumerated: the hint of a missing
	// value says what to add and what it means.
	meaning := func() string {
		if !known {
			return ""
		}
		return sentence(exts.FieldDoc(owner, field))
	}
	allowed := func() string {
		if !known {
			return ""
		}
		return allowedValues(exts.ValuesOf(owner, field))
	}
	add := func(verb string) string {
		hint := verb + " " + name
		if m := meaning(); m != "" {
			hint += ": " + m
		}
		if a := allowed(); a != "" {
			hint += "; " + a
		}
		return hint
	}
	switch fe.Tag() {
	case "required":
		d.Missing = true
		switch {
		case isAnswer:
			d.Message = fmt.Sprintf("say yes or no: %q must be stated either way", name)
			d.Hint = "the law requires this fact to be stated even when the answer is no"
			if m := meaning(); m != "" {
				d.Hint = name + ": " + m + "; " + d.Hint
			}
		case model.Parent(path) == "":
			d.Message = fmt.Sprintf("missing required section %q", name)
			d.Hint = fmt.Sprintf("add %s: to a file in %s/", name, src.Root.File)
			if m := meaning(); m != "" {
				d.Hint += " (" + m + ")"
			}
		case written && (fe.Kind() == reflect.Slice):
			d.Message = fmt.Sprintf("%q must list at least one item", name)
			d.Hint = add("list at least one item under")
		case written && fe.Kind() >= reflect.Int && fe.Kind() <= reflect.Float64:
			d.Message = fmt.Sprintf("%q must not be 0", name)
			d.Hint = add("give")
		case written:
			d.Message = fmt.Sprintf("%q must not be empty", name)
			d.Hint = add("fill in")
		default:
			d.Message = fmt.Sprintf("missing required field %q", name)
			d.Hint = add("add")
		}
	case "required_if":
		d.Missing = true
		f, v, _ := strings.Cut(param, " ")
		d.Message = fmt.Sprintf("missing %q, required when %s is %s", name, yamlKey(fe, root, f), v)
		d.Hint = add("add")
	case "required_without":
		d.Missing = true
		other := yamlKey(fe, root, param)
		d.Message = fmt.Sprintf("give %q or %q", name, other)
		d.Hint = add("add")
		if known {
			if f, ok := owner.FieldByName(param); ok {
				d.Hint += "; or add " + other
				if m := sentence(exts.FieldDoc(owner, f)); m != "" {
					d.Hint += ": " + m
				}
			}
		}
	case "required_with":
		d.Missing = true
		d.Message = fmt.Sprintf("missing %q, required when %s is given", name, yamlKey(fe, root, param))
		d.Hint = add("add")
	case "min":
		if fe.Kind() == reflect.Slice {
			d.Message = fmt.Sprintf("%q must list at least %s item%s", name, param, plural(param))
		} else {
			d.Message = fmt.Sprintf("%q must be at least %s, found %s", name, param, value)
			d.Hint = allowed()
		}
	case "max":
		if fe.Kind() == reflect.Slice {
			d.Message = fmt.Sprintf("%q may list at most %s items", name, param)
		} else {
			d.Message = fmt.Sprintf("%q must be at most %s, found %s", name, param, value)
			d.Hint = allowed()
		}
	case "oneof":
		values := tags.OneOf(param)
		d.Message = fmt.Sprintf("%q is not an allowed value for %s", value, fieldName(path, name))
		if s := diag.Suggest(value, values); s != "" {
			d.Message += fmt.Sprintf(" (did you mean %q?)", s)
		}
		d.Hint = allowed()
		if d.Hint == "" {
			d.Hint = "allowed values: " + strings.Join(values, ", ")
		}
	case "email":
		d.Message = fmt.Sprintf("%q is not a valid email address", value)
	case "http_url":
		d.Message = fmt.Sprintf("%q is not a web address (it must start with https:// or http://)", value)
	case "country":
		d.Message = fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", value)
		if s := model.SuggestCountry(value); s != "" {
			d.Message += fmt.Sprintf(" (did you mean %q?)", s)
		}
		d.Hint = "use two capital letters, e.g. US, GB, IE, DE"
	case "id":
		d.Message = fmt.Sprintf("%q is not a valid id: use lowercase letters, digits and hyphens, such as \"support-tickets\"", value)
	case "phone":
		d.Message = fmt.Sprintf("%q is not a telephone number; write digits, with an optional leading + and spaces, e.g. +1 888 555 0100", value)
	case "date":
		d.Message = fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", value)
		if len(value) == 10 && strings.Count(value, "-") == 2 {
			d.Message = fmt.Sprintf("%q is not a real calendar date", value)
		}
	case "period", "duration":
		if _, _, err := model.ParsePeriod(value); err != nil {
			d.Message = err.Error()
		}
		if fe.Tag() == "duration" {
			d.Hint = `write "session" or a period such as "13 months"`
		}
	case "len":
		d.Message = fmt.Sprintf("%q must be %s characters long, found %q", name, param, value)
	case "uppercase":
		d.Message = fmt.Sprintf("%q must be written in capital letters, found %q", name, value)
	default:
		d.Message = fmt.Sprintf("%q fails the %q rule", name, fe.Tag())
	}
	return d
}

// fieldOf returns the struct type holding fe's field and the field (for
// an item of a list, the list's field).
func fieldOf(fe validator.FieldError, root reflect.Type) (reflect.Type, reflect.StructField, bool) {
	ns := indexRE.ReplaceAllString(mapKeyRE.ReplaceAllString(fe.StructNamespace(), ""), "")
	i := strings.LastIndexByte(ns, '.')
	if i < 0 {
		return nil, reflect.StructField{}, false
	}
	t, ok := structTypes(root)[ns[:i]]
	if !ok {
		return nil, reflect.StructField{}, false
	}
	f, ok := t.FieldByName(ns[i+1:])
	return t, f, ok
}

// sentence returns a doc comment as a hint continues it: without its
// final full stop, its first letter in lower case unless it starts an
// abbreviation ("GDPR").
func sentence(doc string) string {
	doc = strings.TrimSuffix(strings.TrimSpace(doc), ".")
	r, n := utf8.DecodeRuneInString(doc)
	if n == 0 || !unicode.IsUpper(r) {
		return doc
	}
	if r2, _ := utf8.DecodeRuneInString(doc[n:]); unicode.IsUpper(r2) || unicode.IsDigit(r2) {
		return doc
	}
	return string(unicode.ToLower(r)) + doc[n:]
}

// allowedValues lists the values of an enumerated field for a hint: with
// their meanings, one a line, when the doc comment gives any; "" when the
// field is not enumerated.
func allowedValues(values []model.Value) string {
	if len(values) == 0 {
		return ""
	}
	list := model.Listing(values)
	if strings.HasPrefix(list, "\n") {
		return "allowed values:" + list
	}
	return "allowed values: " + list
}

func fieldName(path, name string) string {
	if strings.HasSuffix(path, "]") {
		return model.Parent(path)[strings.LastIndexAny(model.Parent(path), ".")+1:]
	}
	return name
}

func plural(n string) string {
	if n == "1" {
		return ""
	}
	return "s"
}

// yamlKey returns the YAML key of the field named goName in the struct that
// holds fe's field (the other field of a required_if or required_with rule).
func yamlKey(fe validator.FieldError, root reflect.Type, goName string) string {
	ns := indexRE.ReplaceAllString(mapKeyRE.ReplaceAllString(fe.StructNamespace(), ""), "")
	if t, ok := structTypes(root)[strings.TrimSuffix(ns, "."+fe.StructField())]; ok {
		if f, ok := t.FieldByName(goName); ok {
			return tags.YAMLName(f)
		}
	}
	return goName
}

// structTypes maps the struct namespaces validator reports
// (Project.Organization.Entities, PurposeFacts for an extension validated on
// its own) to their struct types, with list indexes removed.
func structTypes(root reflect.Type) map[string]reflect.Type {
	if m, ok := namespaces.Load(root); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	var walk func(ns string, t reflect.Type, depth int)
	walk = func(ns string, t reflect.Type, depth int) {
		if depth > 12 {
			return
		}
		m[ns] = t
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && tags.YAMLName(f) != "" {
				walk(ns+"."+f.Name, ft, depth+1)
			}
		}
	}
	walk(root.Name(), root, 0)
	namespaces.Store(root, m)
	return m
}

// namespaces caches structTypes by root type.
var namespaces sync.Map // reflect.Type -> map[string]reflect.Type
