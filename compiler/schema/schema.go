// Package schema generates the JSON Schema of the data files from the model's
// Go types, their validation tags and doc comments, so editors can
// autocomplete and flag errors while the legal team types.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"reflect"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Version is the version of the data files' format the schema describes:
// it grows when a data file written for one version would not load in the
// next (disclose migrate then rewrites it), not when a version only adds
// keys.
const Version = "1"

// Path is where a built site publishes the schema, from its root: a stable
// address, one per Version, that data files' modelines name.
const Path = "schema/v" + Version + "/disclose.schema.json"

// ID is the schema's $id: its published address (Path under
// https://disclose.dev/, the site this repository publishes), which the
// data files' modelines name so editors validate without a local copy.
const ID = "https://disclose.dev/" + Path

// Schema is a JSON Schema (draft 2020-12) node; only the keywords the data
// files need.
type Schema struct {
	Schema      string `json:"$schema,omitempty"`
	ID          string `json:"$id,omitempty"`
	Ref         string `json:"$ref,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Type        any    `json:"type,omitempty"`
	Enum        []any  `json:"enum,omitempty"`
	// EnumDescriptions says what each value of Enum means, in its order:
	// not a JSON Schema keyword but an annotation editors read (VS Code's
	// JSON support and yaml-language-server show it on hover and in
	// completions; validators ignore it).
	EnumDescriptions     []string           `json:"enumDescriptions,omitempty"`
	Format               string             `json:"format,omitempty"`
	Pattern              string             `json:"pattern,omitempty"`
	Minimum              *int               `json:"minimum,omitempty"`
	Maximum              *int               `json:"maximum,omitempty"`
	MinItems             *int               `json:"minItems,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties any                `json:"additionalProperties,omitempty"` // false, or the schema of every value
	PropertyNames        *Schema            `json:"propertyNames,omitempty"`
	AnyOf                []*Schema          `json:"anyOf,omitempty"`
	Defs                 map[string]*Schema `json:"$defs,omitempty"`

	// Order lists Properties in declaration order, for the reference.
	Order []string `json:"-"`
}

// Options say what the registered rule packs add to the model.
type Options struct {
	// Extensions are the packs' own keys (compiler.Extensions).
	Extensions model.Extensions
	// Notices are the packs' notice ids, the keys of notices:.
	Notices []string
}

// Generate returns the schema of a data file. Every top-level section is
// optional in a single file (the sections are spread over several files); the
// checker requires them across the whole data set.
func Generate(opts Options) *Schema {
	g := &generator{defs: map[string]*Schema{}, opts: opts}
	root := g.object(reflect.TypeOf(model.Project{}))
	root.Required = nil
	root.Schema = "https://json-schema.org/draft/2020-12/schema"
	root.ID = ID
	root.Title = "disclose data file"
	root.Description = "A data file of a disclose project: one or more of the sections below. " +
		"A list section (processors, purposes, ...) may be split across files, its items read in the order of the files' paths; any other section is defined in one file. Together the files must define every required section: " +
		strings.Join(requiredSections(opts.Extensions), ", ") + "."
	root.Defs = g.defs
	return root
}

// JSON returns the schema as indented JSON with a final newline.
func JSON(opts Options) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Generate(opts)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func requiredSections(exts model.Extensions) []string {
	var out []string
	for _, k := range exts.Keys(reflect.TypeOf(model.Project{})) {
		if tags.Has(tags.Validate(k.Field).Self, "required") {
			out = append(out, k.Name)
		}
	}
	return out
}

type generator struct {
	defs map[string]*Schema
	opts Options
}

// doc returns the doc comment key of a type declared by t's package: the
// model's, or a rule pack's (its extensions say where its docs are).
func (g *generator) doc(t reflect.Type, key string) string {
	return g.opts.Extensions.DocOf(t, key)
}

var modelPkg = reflect.TypeOf(model.Project{}).PkgPath()

// defName returns the name of t's definition under $defs: the model's
// types by their Go name, a rule pack's qualified by its package
// (california.Measures, usstates.Measures), so that registering a pack never
// renames another's definition.
func defName(t reflect.Type) string {
	if t.PkgPath() == modelPkg {
		return t.Name()
	}
	return path.Base(t.PkgPath()) + "." + t.Name()
}

// object returns the schema of a struct type's fields.
func (g *generator) object(t reflect.Type) *Schema {
	no := false
	s := &Schema{Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: &no,
		Description: g.doc(t, t.Name())}
	for _, k := range g.opts.Extensions.Keys(t) {
		f, name := k.Field, k.Name
		r := tags.Validate(f)
		fs := g.field(f.Type, r)
		owner := t
		if k.Ext != nil {
			owner = k.Ext.Type
		}
		doc := g.doc(owner, owner.Name()+"."+k.Field.Name)
		if k.Ext != nil {
			doc = strings.TrimSpace(doc + " (From the " + k.Ext.Pack + " rule pack.)")
		}
		if ref := f.Tag.Get("ref"); ref != "" {
			doc = strings.TrimSpace(doc + " The id of an item under " + ref + ":.")
		}
		switch i18n, elem := f.Tag.Get("i18n"), f.Type; {
		case i18n == "-":
		case i18n == "text" || elem == reflect.TypeOf(model.Markdown("")) || elem == reflect.TypeOf([]model.Markdown(nil)):
			doc = strings.TrimSpace(doc + " Translated for a notice in another language (data/translations/).")
		case i18n == "name":
			doc = strings.TrimSpace(doc + " May be translated for a notice in another language (data/translations/); shown as written when not.")
		}
		if fs.Ref != "" {
			// Keywords beside $ref are allowed in 2020-12; keep the field's own doc.
			fs = &Schema{Ref: fs.Ref}
		}
		describeValues(fs, g.opts.Extensions.ValuesOf(owner, k.Field))
		fs.Description = doc
		s.Properties[name] = fs
		s.Order = append(s.Order, name)
		if tags.Has(r.Self, "required") {
			s.Required = append(s.Required, name)
		}
	}
	return s
}

// field returns the schema of a value of type t with validation rules r.
func (g *generator) field(t reflect.Type, r tags.Rules) *Schema {
	switch {
	case t == reflect.TypeOf(model.Answer("")):
		return &Schema{Enum: []any{"yes", "no", "Yes", "No", "YES", "NO", true, false}}
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		name := defName(t.Elem())
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = nil // reserve, for recursive types
			g.defs[name] = g.object(t.Elem())
		}
		return &Schema{Ref: "#/$defs/" + name}
	case t.Kind() == reflect.Map:
		// notices:, keyed by the rule packs' notice ids.
		s := &Schema{Type: "object", AdditionalProperties: g.field(t.Elem(), tags.Rules{Self: r.Items})}
		if len(g.opts.Notices) > 0 {
			s.PropertyNames = &Schema{}
			for _, id := range g.opts.Notices {
				s.PropertyNames.Enum = append(s.PropertyNames.Enum, id)
			}
		}
		return s
	case t.Kind() == reflect.Slice:
		s := &Schema{Type: "array", Items: g.field(t.Elem(), tags.Rules{Self: r.Items})}
		if n, ok := tags.Int(r.Self, "min"); ok {
			s.MinItems = &n
		} else if tags.Has(r.Self, "required") {
			one := 1
			s.MinItems = &one
		}
		return s
	case t.Kind() == reflect.String:
		return stringSchema(t, r.Self)
	case t.Kind() == reflect.Int:
		s := &Schema{Type: "integer"}
		if n, ok := tags.Int(r.Self, "min"); ok {
			s.Minimum = &n
		}
		if n, ok := tags.Int(r.Self, "max"); ok {
			s.Maximum = &n
		}
		return s
	case t.Kind() == reflect.Bool:
		return &Schema{Type: "boolean"}
	}
	panic(fmt.Sprintf("schema: unsupported model type %s", t))
}

// describeValues gives the enumeration of s (of its items, for a list) the
// meanings of its values, when the doc comment gives any; a whole-number
// field whose values it lists gets them as its enum too.
func describeValues(s *Schema, values []model.Value) {
	known := false
	for _, v := range values {
		known = known || v.Meaning != ""
	}
	if !known {
		return
	}
	if s.Items != nil {
		s = s.Items
	}
	if s.Type == "integer" && len(s.Enum) == 0 {
		for _, v := range values {
			n, err := strconv.Atoi(v.Value)
			if err != nil {
				panic(fmt.Sprintf("schema: value %q of a whole-number field", v.Value))
			}
			s.Enum = append(s.Enum, n)
		}
	}
	if len(s.Enum) != len(values) {
		panic(fmt.Sprintf("schema: %d values described, %d enumerated", len(values), len(s.Enum)))
	}
	for _, v := range values {
		s.EnumDescriptions = append(s.EnumDescriptions, v.Meaning)
	}
}

func stringSchema(t reflect.Type, self []string) *Schema {
	s := &Schema{Type: "string"}
	for _, rule := range self {
		name, param, _ := strings.Cut(rule, "=")
		switch name {
		case "oneof":
			for _, v := range tags.OneOf(param) {
				s.Enum = append(s.Enum, v)
			}
		case "email":
			s.Format = "email"
		case "http_url":
			s.Format = "uri"
			s.Pattern = `^https?://`
		case "country":
			codes := model.CountryCodes()
			for _, c := range codes {
				s.Enum = append(s.Enum, c)
			}
		case "id":
			s.Pattern = model.IDPattern
		case "date":
			s.Format = "date"
			s.Pattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
		case "period":
			s.Pattern = model.PeriodPattern
		case "duration":
			s.Pattern = model.DurationPattern
		case "phone":
			s.Pattern = model.PhonePattern
		}
	}
	if t == reflect.TypeOf(model.Markdown("")) {
		s.Format = ""
	}
	return s
}
