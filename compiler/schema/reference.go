package schema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Reference returns the data-file reference in Markdown: one table per
// section and type, every key with its kind, whether it is required, its
// allowed values and its description. The README embeds it.
func Reference(opts Options) string {
	s := Generate(opts)
	var b strings.Builder
	b.WriteString("### Sections\n\n")
	b.WriteString("Each data file holds one or more of these sections. A list section (processors:, purposes:, ...) may be split across files (data/processors/*.yaml), its items read in the order of the files' paths; any other section is defined in one file. " +
		"The required ones must be defined in some file of the data folder.\n\n")
	table(&b, s, requiredSections(opts.Extensions))
	// Types in the order they are first reached from the sections.
	seen := map[string]bool{}
	var order []string
	var visit func(o *Schema)
	visit = func(o *Schema) {
		for _, name := range o.Order {
			if def := refName(o.Properties[name]); def != "" && !seen[def] {
				seen[def] = true
				order = append(order, def)
				visit(s.Defs[def])
			}
		}
	}
	visit(s)
	for _, name := range order {
		def := s.Defs[name]
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", heading(name), def.Description)
		table(&b, def, def.Required)
	}
	return b.String()
}

func table(b *strings.Builder, o *Schema, req []string) {
	required := map[string]bool{}
	for _, r := range req {
		required[r] = true
	}
	b.WriteString("| key | value | required | description |\n|---|---|---|---|\n")
	for _, name := range o.Order {
		p := o.Properties[name]
		req := ""
		if required[name] {
			req = "yes"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", name, kind(p), req, cell(p.Description))
	}
	b.WriteString("\n")
}

// heading is the section heading of the definition name: a pack's type
// with its pack ("Measures (us-states pack)").
func heading(name string) string {
	if pkg, typ, ok := strings.Cut(name, "."); ok {
		return typ + " (" + pkg + " pack)"
	}
	return name
}

// anchor is the id GitHub and goldmark give a heading: lower case, spaces
// as hyphens, other punctuation dropped.
func anchor(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func refName(p *Schema) string {
	if p.Items != nil {
		return refName(p.Items)
	}
	if v, ok := p.AdditionalProperties.(*Schema); ok {
		return refName(v)
	}
	return strings.TrimPrefix(p.Ref, "#/$defs/")
}

// kind describes a property's value in words.
func kind(p *Schema) string {
	if p.Ref != "" {
		name := refName(p)
		return fmt.Sprintf("[%s](#%s)", heading(name), anchor(heading(name)))
	}
	if p.Items != nil {
		return "list of " + kind(p.Items)
	}
	if v, ok := p.AdditionalProperties.(*Schema); ok {
		return "for each notice id, " + kind(v)
	}
	if len(p.Enum) > 0 {
		if isAnswer(p) {
			return "yes or no"
		}
		if len(p.Enum) > 30 && slices.Contains(p.Enum, any("GB")) && slices.Contains(p.Enum, any("IE")) {
			return "country code (ISO 3166-1 alpha-2)"
		}
		if len(p.Enum) > 30 {
			return fmt.Sprintf("one of `%v`, `%v`, `%v` … (%d values: see the JSON Schema)", p.Enum[0], p.Enum[1], p.Enum[2], len(p.Enum))
		}
		var vals []string
		for i, v := range p.Enum {
			val := fmt.Sprintf("`%v`", v)
			if i < len(p.EnumDescriptions) && p.EnumDescriptions[i] != "" {
				val += ": " + p.EnumDescriptions[i]
			}
			vals = append(vals, val)
		}
		if len(p.EnumDescriptions) > 0 {
			// The values with their meanings.
			return "one of " + strings.Join(vals, "; ")
		}
		return "one of " + strings.Join(vals, ", ")
	}
	switch {
	case p.Format == "date":
		return "date (YYYY-MM-DD)"
	case p.Format == "email":
		return "email address"
	case p.Format == "uri":
		return "web address"
	case p.Pattern == model.PeriodPattern:
		return `period ("24 months")`
	case p.Pattern == model.DurationPattern:
		return `"session" or a period`
	case p.Pattern == model.IDPattern:
		return "id"
	case p.Pattern == model.PhonePattern:
		return "telephone number"
	}
	switch p.Type {
	case "integer":
		return "whole number"
	case "boolean":
		return "true or false"
	}
	return "text"
}

func isAnswer(p *Schema) bool {
	return p.Enum[0] == "yes" && p.Enum[1] == "no"
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}
