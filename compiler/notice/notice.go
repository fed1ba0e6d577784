// Package notice defines the notice IR: the document tree a jurisdiction
// compiles from the data, and that the renderers turn into Markdown, HTML and
// PDF. A Document is a tree of Sections with stable anchor ids; each section
// holds blocks (paragraphs, lists, tables, definitions, the team's own prose)
// and a Trace of the data paths and rule IDs behind it.
//
// Text in the IR is inline Markdown (type Text). Plain strings from the data
// enter through Plain, which escapes them; the team's Markdown fields enter
// as they are.
package notice

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Document is one compiled notice.
type Document struct {
	// ID names the notice: global, eu or california. It is also the
	// jurisdiction that compiled it.
	ID string
	// Title, e.g. "Privacy Policy".
	Title string
	// Language is the language the notice is written in, a BCP 47 code
	// ("de", "fr"); empty for English, the source language (and in every
	// version frozen before notices had other languages).
	Language string
	// Organization is the name of the publishing organisation.
	Organization string
	// Effective is the date the notice takes effect.
	Effective model.Date
	// LastUpdated is the date the notice was last changed.
	LastUpdated model.Date
	// Intro is shown under the title.
	Intro []Block
	// Summary is the notice's key points and its call to action, shown
	// after the introduction and before the contents (id "key-points"); nil
	// in versions released before notices had one. Walk visits it first.
	Summary *Section
	// Sections, in reading order.
	Sections []*Section
	// Translations are the notice in its other languages (each with its
	// Language), compiled from the same data; not part of the JSON form
	// (each language is frozen as its own document).
	Translations []*Document
}

// Section is a titled part of a notice.
type Section struct {
	// ID is the anchor, stable across versions: links to it never break.
	ID string
	// Title is the heading, plain text.
	Title string
	// Blocks are the section's content, before its subsections.
	Blocks []Block
	// Sections are its subsections.
	Sections []*Section
	// Trace records where the section's statements come from.
	Trace Trace
	// used indexes Trace.Paths, so Use stays linear in the paths of a
	// section that cites thousands; usedOf is the slice it indexes (its
	// first element and length), so Trace.Paths set some other way is
	// indexed again. Never serialised.
	used   map[string]bool
	usedOf struct {
		first *string
		n     int
	}
}

// Trace lists the data paths a section's statements come from and the rules
// it discloses, for "disclose explain".
type Trace struct {
	// Paths are data paths such as purposes[3].legal_bases, in the order used.
	Paths []string
	// Rules are requirement IDs such as GDPR-13-1-c.
	Rules []string
}

// Use records data paths behind s; duplicates are dropped.
func (s *Section) Use(paths ...string) {
	if s.used == nil || !s.indexes() {
		s.used = make(map[string]bool, len(s.Trace.Paths))
		for _, p := range s.Trace.Paths {
			s.used[p] = true
		}
	}
	for _, p := range paths {
		if p != "" && !s.used[p] {
			s.used[p] = true
			s.Trace.Paths = append(s.Trace.Paths, p)
		}
	}
	s.usedOf.n = len(s.Trace.Paths)
	s.usedOf.first = nil
	if len(s.Trace.Paths) > 0 {
		s.usedOf.first = &s.Trace.Paths[0]
	}
}

// indexes reports whether used is the index of Trace.Paths as they are.
func (s *Section) indexes() bool {
	var first *string
	if len(s.Trace.Paths) > 0 {
		first = &s.Trace.Paths[0]
	}
	return s.usedOf.n == len(s.Trace.Paths) && s.usedOf.first == first
}

// Satisfies records rule IDs the section discloses.
func (s *Section) Satisfies(ids ...string) {
	for _, id := range ids {
		if !contains(s.Trace.Rules, id) {
			s.Trace.Rules = append(s.Trace.Rules, id)
		}
	}
}

// Add appends blocks to s and returns s.
func (s *Section) Add(blocks ...Block) *Section {
	for _, b := range blocks {
		if b != nil {
			s.Blocks = append(s.Blocks, b)
		}
	}
	return s
}

// P appends a paragraph joining the non-empty parts with spaces.
func (s *Section) P(parts ...Text) *Section {
	if t := Join(parts...); t != "" {
		s.Blocks = append(s.Blocks, &Paragraph{Text: t})
	}
	return s
}

// Sub appends and returns a new subsection.
func (s *Section) Sub(id, title string) *Section {
	sub := &Section{ID: id, Title: title}
	s.Sections = append(s.Sections, sub)
	return sub
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Walk calls fn for every section of d in reading order, with its depth
// (1 for top-level sections).
func (d *Document) Walk(fn func(s *Section, depth int)) {
	var walk func([]*Section, int)
	walk = func(ss []*Section, depth int) {
		for _, s := range ss {
			fn(s, depth)
			walk(s.Sections, depth+1)
		}
	}
	if d.Summary != nil {
		walk([]*Section{d.Summary}, 1)
	}
	walk(d.Sections, 1)
}

// Section returns the section with the given anchor, or nil.
func (d *Document) Section(id string) *Section {
	var found *Section
	d.Walk(func(s *Section, _ int) {
		if found == nil && s.ID == id {
			found = s
		}
	})
	return found
}

// Block is a piece of section content: *Paragraph, *List, *Table,
// *Definitions, *Prose, *Aside, *KeyPoints or *Actions.
type Block interface{ block() }

// Paragraph is a paragraph of inline text.
type Paragraph struct{ Text Text }

// List is a bulleted or numbered list of inline items.
type List struct {
	Ordered bool
	Items   []Text
}

// Table is a table with a header row. Cells are inline text.
type Table struct {
	// Caption says what the table shows (rendered as its caption).
	Caption string
	Head    []string
	Rows    [][]Text
}

// DataTable is a table of a notice that is published as data files too
// (NAME.csv and NAME.json beside the notice's page), for readers who load
// it into their own tools: the sub-processor list, say.
type DataTable struct {
	Name  string
	Title string
	Table *Table
}

// Definitions is a list of terms and their descriptions.
type Definitions struct{ Items []Definition }

// Definition is one term and its description.
type Definition struct {
	Term Text
	Text Text
}

// Prose is block Markdown written by the team (several paragraphs, lists).
type Prose struct{ Markdown string }

// Aside is a boxed statement set apart from the text around it, such as the
// right to object, which GDPR Art. 21(4) requires "clearly and separately".
type Aside struct {
	Title  string
	Blocks []Block
}

// KeyPoints are a notice's summary: short statements, each derived from
// the data, each with its own trace and the section that gives the detail.
type KeyPoints struct{ Points []KeyPoint }

// KeyPoint is one statement of the summary.
type KeyPoint struct {
	// Label names what the point is about ("Your rights"), plain text.
	Label string `json:"label"`
	// Text is the statement, inline Markdown (it may link further).
	Text Text `json:"text"`
	// Section is the anchor of the section of this notice that gives the
	// detail ("your-rights"); renderers link it with its title.
	Section string `json:"section,omitempty"`
	// Trace records where the statement comes from.
	Trace Trace `json:"trace"`
}

// Actions are the ways to act on the notice: make a privacy request, opt
// out. Renderers set them apart, as buttons on a page.
type Actions struct{ Items []Action }

// Action is one way to act: a label and where it leads (a web, mail or
// telephone address, or a "#anchor" of the notice).
type Action struct {
	Label string `json:"label"`
	URL   string `json:"url"`
	// Primary marks the main action (at most one).
	Primary bool `json:"primary,omitempty"`
	// Kind says what the action is: ActionRequest, ActionOptOut or ""
	// (anything else: a contact, a subscription).
	Kind string `json:"kind,omitempty"`
}

// The kinds of action.
const (
	// ActionRequest is a way to make a privacy request.
	ActionRequest = "request"
	// ActionOptOut is an opt-out link a law requires; the site also shows
	// it on every page.
	ActionOptOut = "opt-out"
)

func (*Paragraph) block()   {}
func (*KeyPoints) block()   {}
func (*Actions) block()     {}
func (*List) block()        {}
func (*Table) block()       {}
func (*Definitions) block() {}
func (*Prose) block()       {}
func (*Aside) block()       {}

// Text is inline Markdown: emphasis and links, no block structure.
type Text string

// Plain returns s as Text on one line, escaping the characters Markdown
// would interpret: emphasis, code, links, raw HTML, entities (&amp; stays
// "&amp;"), strikethrough, table cells and headings, and, at the start,
// what would begin a list, a heading underline or a definition when the
// text starts a line ("- x", "1. x", "===", ": x").
func Plain(s string) Text {
	s = OneLine(s)
	var b strings.Builder
	// A marker begins a block only when a space or the end follows it.
	marker := func(i int) bool { return i+1 == len(s) || s[i+1] == ' ' }
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	switch {
	case s != "" && strings.ContainsRune("-+:", rune(s[0])) && marker(0):
		b.WriteByte('\\')
	case s != "" && strings.Trim(s, "=") == "":
		b.WriteByte('\\')
	case digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') && marker(digits):
		b.WriteString(s[:digits] + "\\")
		s = s[digits:]
	}
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\*_`[]<>|#&~", r):
			b.WriteByte('\\')
		case r == ':' && strings.HasPrefix(s[i:], "://"), r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			// Text, not a link: Markdown's autolinking would turn
			// "https://..." and "www...." in a name into links.
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return Text(b.String())
}

// Inline returns Markdown written by the team as inline Text: paragraphs and
// line breaks are joined into one line. Use it where the data's Markdown
// goes into a sentence or a table cell.
func Inline(md string) Text {
	return Text(OneLine(md))
}

// OneLine joins the words of s with single spaces, trimming both ends: a
// run of spaces, tabs and line breaks becomes one space. A no-break space
// (U+00A0, U+202F narrow, U+2007 figure) is not a break between words but
// part of one ("Art.\u00a06", French "durée\u202f:"), so it is kept.
func OneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, breaking), " ")
}

// breaking reports whether r is white space a line may break at.
func breaking(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007':
		return false
	}
	return unicode.IsSpace(r)
}

// Strong returns t in bold.
func Strong(t Text) Text {
	if t == "" {
		return ""
	}
	return "**" + t + "**"
}

// Link returns a link with text t to url. URLs of the form notice:ID#anchor
// link to another notice; renderers resolve them.
func Link(t Text, url string) Text {
	// A link's text is never autolinked: Plain's escapes against that are
	// not needed in it.
	t = Text(linkifyEscapes.Replace(string(t)))
	return "[" + t + "](" + Text(destination.Replace(url)) + ")"
}

// destination escapes what would end or break a Markdown link destination:
// spaces, parentheses and angle brackets, percent-encoded as a browser
// would send them.
var destination = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")

var linkifyEscapes = strings.NewReplacer(`\://`, "://", `www\.`, "www.", `WWW\.`, "WWW.")

// NoticeLink returns a link to a section of another notice (anchor may be
// empty).
func NoticeLink(t Text, id, anchor string) Text {
	u := "notice:" + id
	if anchor != "" {
		u += "#" + anchor
	}
	return Link(t, u)
}

// Mail returns a mailto link showing the address.
func Mail(addr string) Text { return Link(Plain(addr), "mailto:"+addr) }

// Plains returns each of ss as Plain text.
func Plains(ss []string) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = Plain(s)
	}
	return out
}

// Web returns a link showing the URL without its scheme.
func Web(url string) Text {
	shown := strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://")
	return Link(Plain(strings.TrimSuffix(shown, "/")), url)
}

// Tel returns a tel: link showing the number.
func Tel(number string) Text { return Link(Plain(number), TelURL(number)) }

// TelURL is the tel: address of a number as written: its digits and plus
// sign.
func TelURL(number string) string {
	return "tel:" + strings.Map(func(r rune) rune {
		if r == '+' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, number)
}

// Join joins the non-empty parts with spaces.
func Join(parts ...Text) Text {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(p))
	}
	return Text(b.String())
}

// UpperFirst upper-cases the first letter of s when s starts with a
// lower-case letter, in any script ("état" is "État", "über" "Über");
// anything else (Markdown, a digit, a capital) is left as it is.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Sentence returns t with its first letter upper-cased and a full stop added
// if it has no final punctuation.
func Sentence(t Text) Text {
	s := strings.TrimSpace(string(t))
	if s == "" {
		return ""
	}
	s = UpperFirst(s)
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
	default:
		s += "."
	}
	return Text(s)
}

// Series joins items as an English list: "a", "a and b", "a, b and c".
func Series(items []Text, conj string) Text {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	// In a list of three or more, items that contain commas or the
	// conjunction themselves ("contact and request information") are
	// separated by semicolons, so the list still reads as a list.
	sep, last := ", ", " "+conj+" "
	for _, it := range items {
		if len(items) > 2 && (strings.Contains(string(it), ", ") || strings.Contains(string(it), " "+conj+" ")) {
			sep, last = "; ", "; "+conj+" "
			break
		}
	}
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(last)
		default:
			b.WriteString(sep)
		}
		b.WriteString(string(it))
	}
	return Text(b.String())
}
