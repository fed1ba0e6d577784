// Package render turns compiled notices (the notice IR) into Markdown that
// goldmark and Hugo render: headings carry their stable anchors as
// {#id} attributes, tables are GitHub tables followed by a {caption="..."}
// block attribute, and links between notices (notice:ID#anchor) are resolved
// by Options.NoticeURL.
package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Options configure rendering.
type Options struct {
	// NoticeURL returns the URL of a notice by its ID, for links between
	// notices. The default is "/ID/".
	NoticeURL func(id string) string
	// Dates formats a date for display. The default writes
	// "23 November 2026".
	Dates func(day model.Date) string
	// Body leaves out the title and the dates, for a page template that
	// shows them itself.
	Body bool
	// Words are the words render writes around the notice's text, in the
	// document's language; nil writes English.
	Words *Words
}

// Words are the words a notice's Markdown has besides its text.
type Words struct {
	Contents string // the heading of the list of sections: "Contents"
	See      string // before the link of a key point to its section: "See"
	Colon    string // after a key point's label: ": "
	// Effective and LastUpdated are the lines under the title, with
	// "{date}" where the date goes: "Effective: {date}".
	Effective   string
	LastUpdated string
}

var english = Words{Contents: "Contents", See: "See", Colon: ": ", Effective: "Effective: {date}", LastUpdated: "Last updated: {date}"}

func (o *Options) words() *Words {
	if o == nil || o.Words == nil {
		return &english
	}
	w := *o.Words
	// A word not given is English's.
	for _, f := range []struct {
		got *string
		en  string
	}{
		{&w.Contents, english.Contents}, {&w.See, english.See}, {&w.Colon, english.Colon},
		{&w.Effective, english.Effective}, {&w.LastUpdated, english.LastUpdated},
	} {
		if *f.got == "" {
			*f.got = f.en
		}
	}
	return &w
}

func (o *Options) noticeURL(id string) string {
	if o != nil && o.NoticeURL != nil {
		return o.NoticeURL(id)
	}
	return "/" + id + "/"
}

// Markdown renders doc as Markdown. It starts with the title as a level-one
// heading, then the dates, the introduction and each section; sections are
// level two, subsections level three and so on.
func Markdown(doc *notice.Document, opts *Options) []byte {
	w := &writer{opts: opts, doc: doc}
	if opts == nil || !opts.Body {
		w.line("# " + escapeHeading(doc.Title))
		w.blank()
		dates, words := opts.date, opts.words()
		if doc.Effective != "" {
			w.line(strings.Replace(words.Effective, "{date}", dates(doc.Effective), 1) + "  ")
		}
		if doc.LastUpdated != "" {
			w.line(strings.Replace(words.LastUpdated, "{date}", dates(doc.LastUpdated), 1))
		}
		w.blank()
	}
	w.blocks(doc.Intro)
	if doc.Summary != nil {
		w.section(doc.Summary, 2)
	}
	if len(doc.Sections) > 1 {
		w.line("## " + w.opts.words().Contents + " {#contents}")
		w.blank()
		for _, s := range doc.Sections {
			w.line(fmt.Sprintf("- [%s](#%s)", escapeHeading(s.Title), s.ID))
		}
		w.blank()
	}
	for _, s := range doc.Sections {
		w.section(s, 2)
	}
	return w.bytes()
}

func (o *Options) date(day model.Date) string {
	if o != nil && o.Dates != nil {
		return o.Dates(day)
	}
	return LongDate(day)
}

// LongDate formats a date as "5 November 2012"; one that is not YYYY-MM-DD
// is returned as it is.
func LongDate(day model.Date) string { return day.Long() }

type writer struct {
	buf  bytes.Buffer
	opts *Options
	doc  *notice.Document
}

func (w *writer) line(s string) { w.buf.WriteString(s); w.buf.WriteByte('\n') }
func (w *writer) blank()        { w.buf.WriteByte('\n') }

func (w *writer) bytes() []byte {
	return append(bytes.TrimRight(w.buf.Bytes(), "\n"), '\n')
}

func (w *writer) section(s *notice.Section, level int) {
	if level > 6 {
		level = 6
	}
	w.line(fmt.Sprintf("%s %s {#%s}", strings.Repeat("#", level), escapeHeading(s.Title), s.ID))
	w.blank()
	w.blocks(s.Blocks)
	for _, sub := range s.Sections {
		w.section(sub, level+1)
	}
}

func (w *writer) blocks(bs []notice.Block) {
	for _, b := range bs {
		w.block(b)
	}
}

func (w *writer) block(b notice.Block) {
	switch b := b.(type) {
	case *notice.Paragraph:
		w.line(w.text(b.Text))
		w.blank()
	case *notice.Prose:
		w.line(w.links(strings.TrimSpace(b.Markdown)))
		w.blank()
	case *notice.List:
		for i, it := range b.Items {
			mark := "-"
			if b.Ordered {
				mark = fmt.Sprintf("%d.", i+1)
			}
			w.line(mark + " " + w.text(it))
		}
		w.blank()
	case *notice.Definitions:
		for _, d := range b.Items {
			w.line("- " + "**" + w.text(d.Term) + "**: " + w.text(d.Text))
		}
		w.blank()
	case *notice.Table:
		w.table(b)
	case *notice.Aside:
		var inner writer
		inner.opts, inner.doc = w.opts, w.doc
		if b.Title != "" {
			inner.line("**" + escapeHeading(b.Title) + "**")
			inner.blank()
		}
		inner.blocks(b.Blocks)
		for _, l := range strings.Split(strings.TrimRight(inner.buf.String(), "\n"), "\n") {
			if l == "" {
				w.line(">")
			} else {
				w.line("> " + l)
			}
		}
		w.blank()
	case *notice.KeyPoints:
		// A list set apart by its class: the theme shows it as the
		// summary it is.
		for _, p := range b.Points {
			w.line("- " + w.point(p))
		}
		w.line("{.key-points}")
		w.blank()
	case *notice.Actions:
		for _, a := range b.Items {
			w.line("- " + w.text(notice.Link(notice.Plain(a.Label), a.URL)))
		}
		if len(b.Items) > 0 && b.Items[0].Primary {
			w.line("{.actions .primary-first}")
		} else {
			w.line("{.actions}")
		}
		w.blank()
	default:
		panic(fmt.Sprintf("render: unknown block %T", b))
	}
}

func (w *writer) table(t *notice.Table) {
	row := func(cells []string) {
		w.line("| " + strings.Join(cells, " | ") + " |")
	}
	head := make([]string, len(t.Head))
	rule := make([]string, len(t.Head))
	for i, h := range t.Head {
		head[i] = cell(string(notice.Plain(h)))
		rule[i] = "---"
	}
	row(head)
	row(rule)
	for _, r := range t.Rows {
		cells := make([]string, len(t.Head))
		for i := range cells {
			if i < len(r) {
				cells[i] = cell(w.text(r[i]))
			}
		}
		row(cells)
	}
	if t.Caption != "" {
		w.line(fmt.Sprintf("{caption=%q}", t.Caption))
	}
	w.blank()
}

// cell makes inline Markdown safe inside a table cell: one line, pipes
// escaped.
func cell(s string) string {
	s = notice.OneLine(s) // a no-break space stays (French "durée\u202f:")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (w *writer) text(t notice.Text) string { return w.links(string(t)) }

// point writes a key point: its label in bold, its text, and a link to the
// section with the detail, named by that section's title.
func (w *writer) point(p notice.KeyPoint) string {
	s := w.text(p.Text)
	words := w.opts.words()
	if p.Label != "" {
		s = "**" + string(notice.Plain(p.Label)) + "**" + words.Colon + s
	}
	if title, ok := PointSection(w.doc, p); ok {
		s += fmt.Sprintf(" %s [%s](#%s).", words.See, escapeHeading(title), p.Section)
	}
	return s
}

// PointSection returns the title of the section a key point links to, if
// the notice has it.
func PointSection(doc *notice.Document, p notice.KeyPoint) (string, bool) {
	if p.Section == "" || doc == nil {
		return "", false
	}
	s := doc.Section(p.Section)
	if s == nil {
		return "", false
	}
	return s.Title, true
}

var noticeLinkRE = regexp.MustCompile(`\]\(notice:([a-z0-9-]+)(#[A-Za-z0-9_-]+)?\)`)

// links resolves notice:ID#anchor link targets.
func (w *writer) links(s string) string {
	if !strings.Contains(s, "](notice:") {
		return s
	}
	return noticeLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := noticeLinkRE.FindStringSubmatch(m)
		return "](" + w.opts.noticeURL(sm[1]) + sm[2] + ")"
	})
}

// escapeHeading escapes characters that would end or change a heading, or
// be read as markup in it (emphasis, code, links, raw HTML, entities,
// strikethrough, attributes): a title is plain text.
func escapeHeading(s string) string {
	return strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "{", `\{`, "}", `\}`, "#", `\#`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"&", `\&`, "~", `\~`, "`", "\\`", "|", `\|`).Replace(s)
}
