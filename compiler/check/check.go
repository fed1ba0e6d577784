// Package check runs the checks that need the whole data set at once: unique
// ids, references between collections (a purpose naming a category), and
// Markdown that would not render as written. Jurisdiction rule packs plug in
// here too.
package check

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Check returns every cross-reference and content problem in p, sorted. p may
// be partial (loaded from broken files); what is missing is not reported
// again here.
func Check(p *model.Project) diag.List {
	c := &checker{proj: p, src: p.Source, ids: map[string]map[string]string{}}
	v := reflect.ValueOf(p).Elem()
	c.collect(v, "")
	c.walk(v, "")
	c.diags.Sort()
	return c.diags
}

type checker struct {
	proj  *model.Project
	src   *model.SourceMap
	diags diag.List
	// ids maps a collection's schema path ("organization.entities") to its
	// ids and their data paths.
	ids map[string]map[string]string
}

var (
	markdownType = reflect.TypeOf(model.Markdown(""))
	indexRE      = regexp.MustCompile(`\[[0-9]+\]`)
)

// schemaPath drops indexes from a data path: purposes[2].categories ->
// purposes.categories.
func schemaPath(path string) string { return indexRE.ReplaceAllString(path, "") }

// collect indexes every collection (a list of items with an id) and reports
// duplicate ids.
func (c *checker) collect(v reflect.Value, path string) {
	forEachField(v, path, func(fpath string, f reflect.StructField, fv reflect.Value) {
		if fv.Kind() != reflect.Slice || fv.Type().Elem().Kind() != reflect.Pointer {
			if fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct {
				c.collect(fv.Elem(), fpath)
			}
			return
		}
		elem := fv.Type().Elem().Elem()
		if elem.Kind() != reflect.Struct {
			return
		}
		_, hasID := elem.FieldByName("ID")
		ids := map[string]string{}
		if hasID {
			c.ids[schemaPath(fpath)] = ids
		}
		for i := 0; i < fv.Len(); i++ {
			item := fv.Index(i)
			if item.IsNil() {
				continue
			}
			ipath := model.Index(fpath, i)
			if hasID {
				id := item.Elem().FieldByName("ID").String()
				if id != "" {
					if first, dup := ids[id]; dup {
						d := c.diags.Add(c.src.Pos(ipath+".id"), ipath+".id", "id %q is already used by %s", id, first)
						d.Related = []diag.Pos{c.src.Pos(first + ".id")}
					} else {
						ids[id] = ipath
					}
				}
			}
			c.collect(item.Elem(), ipath)
		}
	})
}

// walk checks references and Markdown throughout the project.
func (c *checker) walk(v reflect.Value, path string) {
	forEachField(v, path, func(fpath string, f reflect.StructField, fv reflect.Value) {
		if ref := f.Tag.Get("ref"); ref != "" {
			c.checkRef(ref, fpath, fv)
			return
		}
		switch {
		case fv.Type() == markdownType:
			c.checkMarkdown(fpath, fv.String())
		case fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct:
			c.walk(fv.Elem(), fpath)
		case fv.Kind() == reflect.Slice:
			for i := 0; i < fv.Len(); i++ {
				item := fv.Index(i)
				if item.Kind() == reflect.Pointer && !item.IsNil() {
					c.walk(item.Elem(), model.Index(fpath, i))
				}
			}
		}
	})
}

// requiredSection reports whether the top-level section name is required.
func requiredSection(name string) bool {
	t := reflect.TypeOf(model.Project{})
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); tags.YAMLName(f) == name {
			return tags.Has(tags.Validate(f).Self, "required")
		}
	}
	return false
}

// forEachField calls fn for every YAML field of the struct v.
func forEachField(v reflect.Value, path string, fn func(string, reflect.StructField, reflect.Value)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := tags.YAMLName(f)
		if name == "" {
			continue
		}
		fn(model.Field(path, name), f, v.Field(i))
	}
}

// kinds names a collection in messages.
var kinds = map[string]string{
	"subjects":                      "data subject group",
	"sources":                       "source",
	"categories":                    "category",
	"retention":                     "retention rule",
	"purposes":                      "purpose",
	"recipients":                    "recipient",
	"processors":                    "processor",
	"transfers":                     "transfer",
	"organization.entities":         "entity",
	"automated_decisions.decisions": "automated decision",
}

func (c *checker) checkRef(collection, path string, v reflect.Value) {
	section, _, _ := strings.Cut(collection, ".")
	if !c.src.Has(section) && requiredSection(section) {
		// A required section that is missing (or whose file is broken) is
		// reported already; every reference into it would only repeat that.
		return
	}
	ids, ok := c.ids[collection]
	if !ok {
		ids = map[string]string{}
	}
	check := func(p, id string) {
		if id == "" {
			return
		}
		if _, ok := ids[id]; ok {
			return
		}
		kind := kinds[collection]
		if kind == "" {
			kind = "item"
		}
		msg := fmt.Sprintf("unknown %s %q", kind, id)
		known := make([]string, 0, len(ids))
		for k := range ids {
			known = append(known, k)
		}
		sort.Strings(known)
		if s := diag.Suggest(id, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		d := c.diags.Add(c.src.Pos(p), p, "%s", msg)
		switch {
		case len(known) == 0:
			d.Hint = fmt.Sprintf("no %s is defined: add one under %s:", kind, collection)
		case len(known) <= 12:
			d.Hint = fmt.Sprintf("defined under %s: %s", collection, strings.Join(known, ", "))
		default:
			d.Hint = fmt.Sprintf("define it under %s:, or use one of the %d ids there", collection, len(known))
		}
	}
	switch v.Kind() {
	case reflect.String:
		check(path, v.String())
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			check(model.Index(path, i), v.Index(i).String())
		}
	}
}

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))

// checkMarkdown reports what the notices cannot publish as written: raw
// HTML (never rendered: text must not silently disappear), headings (the
// notice's sections give the structure, so a heading in text would break
// its outline) and links that are not web, mail or telephone addresses.
func (c *checker) checkMarkdown(path, s string) {
	if s == "" || !strings.ContainsAny(s, "<#=-[") {
		return
	}
	src := []byte(s)
	doc := md.Parser().Parse(text.NewReader(src))
	reported := map[string]bool{}
	report := func(kind, hint, format string, args ...any) {
		if reported[kind] {
			return
		}
		reported[kind] = true
		c.diags.Add(c.src.Pos(path), path, format, args...).Hint = hint
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			report("html", "use Markdown: **bold**, *italic*, [link text](https://...), lists with -",
				"raw HTML is not allowed in text; it would not be shown")
		case *ast.Heading:
			report("heading", "write it as a separate section under sections:, or as a **bold** sentence",
				"headings are not allowed in text; the notice's sections give its structure")
		case *ast.Link:
			if dest := string(n.Destination); !safeLink(dest) {
				report("link:"+dest, "link to an https://, mailto: or tel: address, or to a #section of the notice",
					"link %q is not a web, mail or telephone address", dest)
			}
		}
		return ast.WalkContinue, nil
	})
}

// safeLink reports whether a link in text may be published: web, mail and
// telephone addresses, links to other notices (notice:ID) and to sections
// (#anchor).
func safeLink(dest string) bool {
	lower := strings.ToLower(strings.TrimSpace(dest))
	for _, p := range []string{"https://", "http://", "mailto:", "tel:", "notice:", "#"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}
