// Package check runs the checks that need the whole data set at once: unique
// ids, references between collections (a purpose naming a category), and
// Markdown that would not render as written. Jurisdiction rule packs plug in
// here too.
package check

import (
	"fmt"
	"net/mail"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Options configure Check.
type Options struct {
	// Drawable reports whether the published notices' fonts can draw a
	// character; nil skips that check. Every text value of the data is
	// checked with it, so a character the PDF cannot show is reported at
	// its data position by check, not found later by the PDF writer.
	Drawable func(rune) bool
	// Notices are the ids a notice:ID link may name (every rule pack's);
	// nil skips that check.
	Notices []string
	// Packs are the ids of the rule packs' notices, which the team's prose
	// sections may go into (sections[].notices); nil skips that check.
	Packs []string
	// Rules are the ids of the rule packs' requirements, which the team's
	// sign-offs name (reviews[].rule); nil skips that check.
	Rules []string
}

// Check returns every cross-reference and content problem in p, sorted. p may
// be partial (loaded from broken files); what is missing is not reported
// again here. opts may be nil.
func Check(p *model.Project, opts *Options) diag.List {
	c := &checker{proj: p, src: p.Source, ids: map[string]map[string]string{}}
	if opts != nil {
		c.drawable, c.notices, c.packs, c.rules = opts.Drawable, opts.Notices, opts.Packs, opts.Rules
	}
	v := reflect.ValueOf(p).Elem()
	c.collect(v, "")
	c.walk(v, "")
	c.requestMethods()
	c.sectionNotices()
	c.noticeSettings()
	c.reviewRules()
	c.diags.Sort()
	return c.diags
}

// requestMethods checks that each way to make a request is what its type
// says: a web form is a web address, an email method an address, a
// telephone method a number. The notices link each one (https:, mailto:,
// tel:), so a value of the wrong form would publish a broken or misleading
// link.
// Every request method is checked wherever it is written: in rights and in
// a rule pack's own list (the Brazilian notice's, say).
func (c *checker) requestMethods() {
	for _, at := range model.All[model.RequestMethod](c.proj) {
		m := at.V
		if m.Value == "" {
			continue
		}
		path := model.Field(at.Path, "value")
		var msg, hint string
		switch m.Type {
		case "web_form":
			if u, err := url.Parse(m.Value); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(m.Value, " \t\n") {
				msg, hint = "a web form's value must be its web address", "write the form's address, such as https://example.com/privacy/request"
			}
		case "email":
			if a, err := mail.ParseAddress(m.Value); err != nil || a.Name != "" || a.Address != m.Value || !strings.Contains(a.Address[strings.LastIndex(a.Address, "@")+1:], ".") {
				msg, hint = "an email method's value must be an email address", "write the address alone, such as privacy@example.com"
			}
		case "phone", "toll_free_phone":
			if !phoneRE.MatchString(m.Value) {
				msg, hint = "a telephone method's value must be a telephone number", "write the number, such as +1 800 555 0100"
			}
		}
		if msg != "" {
			c.diags.Add(c.src.Pos(path), path, "%s, not %q", msg, m.Value).Hint = hint
		}
	}
}

// sectionNotices checks that each prose section goes into notices a rule
// pack writes: the registry, not the model, knows them.
func (c *checker) sectionNotices() {
	if c.packs == nil {
		return
	}
	for i, sec := range c.proj.Sections {
		if sec == nil {
			continue
		}
		for k, id := range sec.Notices {
			if id == "" || slices.Contains(c.packs, id) {
				continue
			}
			path := model.Index(model.Field(model.Index("sections", i), "notices"), k)
			msg := fmt.Sprintf("unknown notice %q", id)
			if sg := diag.Suggest(id, c.packs); sg != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sg)
			}
			c.diags.Add(c.src.Pos(path), path, "%s", msg).Hint = "the notices are " + strings.Join(c.packs, ", ")
		}
	}
}

// reviewRules checks that each sign-off names a rule a pack has.
func (c *checker) reviewRules() {
	if c.rules == nil {
		return
	}
	for i, rv := range c.proj.Reviews {
		if rv == nil || rv.Rule == "" || slices.Contains(c.rules, rv.Rule) {
			continue
		}
		path := model.Field(model.Index("reviews", i), "rule")
		msg := fmt.Sprintf("unknown rule %q", rv.Rule)
		if sg := diag.Suggest(rv.Rule, c.rules); sg != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sg)
		}
		c.diags.Add(c.src.Pos(path), path, "%s", msg).Hint = "name a rule of the README's rules table, such as CCR-7003"
	}
}

// noticeSettings checks that each notice's settings (notices.ID) name a
// notice a rule pack writes.
func (c *checker) noticeSettings() {
	if c.packs == nil {
		return
	}
	ids := make([]string, 0, len(c.proj.Notices))
	for id := range c.proj.Notices {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if slices.Contains(c.packs, id) {
			continue
		}
		path := model.Field("notices", id)
		msg := fmt.Sprintf("notice settings %q are for a notice disclose does not write", id)
		if sg := diag.Suggest(id, c.packs); sg != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sg)
		}
		c.diags.Add(c.src.KeyPos(path), path, "%s", msg).Hint = "the notices are " + strings.Join(c.packs, ", ")
	}
}

var (
	phoneRE = regexp.MustCompile(model.PhonePattern)
	// noticeLinkRE and anchorRE are the links to notices and sections the
	// renderer resolves (render.Markdown); no other form is published.
	noticeLinkRE = regexp.MustCompile(`^notice:([a-z0-9-]+)(#[A-Za-z0-9_-]+)?$`)
	anchorRE     = regexp.MustCompile(`^#[A-Za-z0-9_-]+$`)
)

type checker struct {
	proj     *model.Project
	src      *model.SourceMap
	drawable func(rune) bool
	notices  []string
	packs    []string
	rules    []string
	diags    diag.List
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
	model.Fields(v, path, func(fpath string, f reflect.StructField, fv reflect.Value) {
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
	model.Fields(v, path, func(fpath string, f reflect.StructField, fv reflect.Value) {
		if ref := f.Tag.Get("ref"); ref != "" {
			c.checkRef(ref, fpath, fv)
			return
		}
		if !fv.IsValid() {
			return
		}
		switch {
		case fv.Kind() == reflect.String:
			c.checkText(fpath, fv.String())
			if fv.Type() == markdownType {
				c.checkMarkdown(fpath, fv.String())
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
			for i := 0; i < fv.Len(); i++ {
				c.checkText(model.Index(fpath, i), fv.Index(i).String())
			}
		case fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct:
			c.walk(fv.Elem(), fpath)
		case fv.Kind() == reflect.Map:
			for _, k := range mapKeys(fv) {
				if item := fv.MapIndex(k); item.Kind() == reflect.Pointer && !item.IsNil() {
					c.walk(item.Elem(), model.Field(fpath, k.String()))
				}
			}
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

// mapKeys returns the keys of the map v, sorted.
func mapKeys(v reflect.Value) []reflect.Value {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	return keys
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
	if s == "" || !strings.ContainsAny(s, "<#=-[:.") {
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
			dest := string(n.Destination)
			switch lower := strings.ToLower(dest); {
			case strings.HasPrefix(lower, "notice:"):
				m := noticeLinkRE.FindStringSubmatch(dest)
				switch {
				case m == nil:
					report("link:"+dest, "write notice:ID or notice:ID#section, such as notice:eu#your-rights",
						"link %q is not a link to a notice", dest)
				case c.notices != nil && !slices.Contains(c.notices, m[1]):
					msg := fmt.Sprintf("link %q names no notice disclose writes", dest)
					if sg := diag.Suggest(m[1], c.notices); sg != "" {
						msg += fmt.Sprintf(" (did you mean %q?)", sg)
					}
					report("link:"+dest, "the notices are "+strings.Join(c.notices, ", "), "%s", msg)
				}
			case strings.HasPrefix(lower, "#"):
				if !anchorRE.MatchString(dest) {
					report("link:"+dest, "write #section-id, with the id `disclose explain NOTICE` lists",
						"link %q is not a link to a section", dest)
				}
			case !safeLink(dest):
				report("link:"+dest, "link to an https://, mailto: or tel: address, or to a #section of the notice",
					"link %q is not a web, mail or telephone address", dest)
			}
		case *ast.Image:
			report("image", "link to the picture instead: [what it shows](https://...)",
				"images are not allowed in text; the notices are text (%q)", string(n.Destination))
		case *ast.AutoLink:
			dest := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			if !safeLink(dest) && !strings.HasPrefix(strings.ToLower(dest), "www.") {
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

// checkText reports characters a notice cannot publish in the value at
// path: control characters (invisible, or meaningful to the formats the
// text is written into), Unicode noncharacters and, with Options.Drawable,
// characters the notices' fonts cannot draw. Each kind of problem is one
// diagnostic per value, naming every distinct character (up to a few).
func (c *checker) checkText(path, s string) {
	if s == "" {
		return
	}
	var controls, undrawable []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			continue
		}
		switch {
		case r == '\n' || r == '\t':
			continue
		case Invisible(r):
			seen[r] = true
			controls = append(controls, r)
		case c.drawable != nil && !c.drawable(r):
			seen[r] = true
			undrawable = append(undrawable, r)
		}
	}
	if len(controls) > 0 {
		c.diags.Add(c.src.Pos(path), path, "%s cannot be published: invisible characters are read differently by the page, the feeds and the PDF", describeRunes(controls)).Hint =
			"delete it; write a line break as a new line in the YAML"
	}
	if len(undrawable) > 0 {
		c.diags.Add(c.src.Pos(path), path, "the PDF font cannot draw %s, so the PDF would not show this text", describeRunes(undrawable)).Hint =
			"write it in words, or use a character the font has (the notices' PDFs use DejaVu Sans: Latin, Greek, Cyrillic and common symbols; no emoji, CJK or right-to-left scripts yet)"
	}
}

// Invisible reports a character no notice can publish in any text: a
// control character (tab and newline aside, which text may hold), a line or
// paragraph separator, an invisible format character, a noncharacter, or a
// replacement for bytes that were not text. `check` reports them at their
// data position; the CLI refuses them in the text its flags take.
func Invisible(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == utf8.RuneError, r < 0x20, r >= 0x7F && r < 0xA0, r == 0x2028, r == 0x2029:
		return true
	}
	return isNoncharacter(r) || invisibleFormat(r)
}

// invisibleFormat reports format characters (Unicode category Cf) that
// change how text reads without showing: bidirectional overrides and
// isolates (which can make a page say something other than its source),
// zero-width spaces, word joiners and byte-order marks. The soft hyphen and
// the zero-width (non-)joiners, which scripts need, are allowed.
func invisibleFormat(r rune) bool {
	return unicode.Is(unicode.Cf, r) && r != 0x00AD && r != 0x200C && r != 0x200D
}

// isNoncharacter reports the 66 code points Unicode reserves never to be
// characters (U+FDD0..U+FDEF and the last two of every plane).
func isNoncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// describeRunes names characters with their code points: "😀 (U+1F600)".
func describeRunes(rs []rune) string {
	const most = 8
	var parts []string
	for i, r := range rs {
		if i == most {
			parts = append(parts, fmt.Sprintf("%d more", len(rs)-most))
			break
		}
		if Invisible(r) || !unicode.IsPrint(r) {
			parts = append(parts, fmt.Sprintf("U+%04X (%s)", r, runeName(r)))
			continue
		}
		parts = append(parts, fmt.Sprintf("%q (U+%04X)", string(r), r))
	}
	what := "the character "
	if len(rs) > 1 {
		what = "the characters "
	}
	return what + strings.Join(parts, ", ")
}

// runeName describes an invisible character.
func runeName(r rune) string {
	switch {
	case r == utf8.RuneError:
		return "a replacement for bytes that were not text"
	case r == 0:
		return "a null character"
	case r == '\r':
		return "a carriage return"
	case r == 0x1B:
		return "an escape character"
	case r == 0x2028 || r == 0x2029:
		return "a line or paragraph separator"
	case isNoncharacter(r):
		return "a noncharacter"
	case r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C:
		return "a bidirectional control"
	case r == 0x200B || r == 0x2060 || r == 0xFEFF:
		return "a zero-width space or joiner"
	case invisibleFormat(r):
		return "an invisible format character"
	case r < 0x20 || r >= 0x7F && r < 0xA0:
		return "a control character"
	}
	return "an invisible character"
}
