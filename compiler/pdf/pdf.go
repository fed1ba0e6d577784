// Package pdf typesets a compiled notice (the notice IR, with its inline and
// block Markdown parsed by goldmark, as for the HTML) into a PDF with
// codeberg.org/go-pdf/fpdf: a title block, the key points and the ways to
// act, running header and footer with "Page X of Y", bookmarks mirroring
// the sections, clickable links, tables that wrap their cells, split across
// pages and repeat their header row, embedded Unicode fonts (DejaVu Sans),
// and fixed metadata, so the same notice always gives the same bytes.
//
// The PDF is tagged, with the structure PDF/UA-1 asks for (tag.go,
// finish.go): a structure tree in the notice's reading order (Document,
// Sect, H1-H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Link with alternate
// text), every piece of page content marked (running header, footer and
// decoration as artifacts), /Lang, /MarkInfo, the title shown in the
// window, and XMP metadata with the PDF/UA identifier.
package pdf

import (
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

//go:embed fonts/*.ttf
var fontFS embed.FS

// Options configure a PDF.
type Options struct {
	// Version names the version shown in the title block, e.g. "2026-01"
	// or "Draft"; empty leaves the line out.
	Version string
	// URL is the address of the notice online, shown in the title block.
	URL string
	// Language is the document's language tag, e.g. "en-GB" (default
	// "en").
	Language string
	// Paper is the page size: "a4" (the default) or "letter" (US Letter).
	Paper string
	// NoticeURL returns the address of a notice by its ID, for links
	// between notices (notice:ID#anchor); without it they are text.
	NoticeURL func(id string) string
	// Words are the words the PDF writes around the notice's text, in the
	// document's language; nil writes English.
	Words *Words
}

// Words are the words a PDF writes around a notice's text: its title
// block, running head, footer and a redline's legend. Each is the whole
// phrase as the language writes it, its value (a date, a number) where
// the marks {date}, {page} and {pages} stand.
type Words struct {
	Running     string // "Effective {date}"
	Version     string // "Version: " (the version follows)
	Effective   string // "Effective: {date}"
	LastUpdated string // "Last updated: {date}"
	Online      string // "Online: " (the address follows)
	Page        string // "Page {page} of {pages}"
	// The redline's legend: its lead, then the words drawn as inserted and
	// as deleted, each followed by what says their colour.
	LegendLead, Inserted, InsertedColour, Deleted, DeletedColour string
	// See goes before a key point's link to its section ("See"), Colon
	// after a key point's label (": ").
	See, Colon string
	// Date writes a day as the language does.
	Date func(model.Date) string
}

// english are the words of a PDF in English.
var english = Words{
	Running: "Effective {date}", Version: "Version: ", Effective: "Effective: {date}", LastUpdated: "Last updated: {date}",
	Online: "Online: ", Page: "Page {page} of {pages}",
	LegendLead: "How to read this document: ", Inserted: "inserted text is underlined", InsertedColour: " (and green); ",
	Deleted: "deleted text is struck through", DeletedColour: " (and red).",
	See: "See", Colon: ": ",
	Date: render.LongDate,
}

// words are the PDF's words for opts.
func (o Options) words() *Words {
	if o.Words != nil {
		return o.Words
	}
	return &english
}

// withDate puts a day where {date} stands.
func (w *Words) withDate(s string, d model.Date) string {
	return strings.ReplaceAll(s, "{date}", w.Date(d))
}

// paperSize returns fpdf's name of the page size of opts.
func paperSize(opts Options) (string, error) {
	switch strings.ToLower(opts.Paper) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("pdf: unknown paper size %q (a4 or letter)", opts.Paper)
}

// Unsupported is a character that the fonts cannot show, once per section
// it occurs in.
type Unsupported struct {
	Char    rune
	Section string // anchor of the section it is in ("" for the title block; a redline's heading text)
	Context string // the text around its first occurrence in the section
	Count   int    // how many times it occurs in the section
}

func (u Unsupported) String() string {
	where := "the title block"
	switch {
	case strings.ContainsAny(u.Section, " \t\n"): // a redline's heading
		where = fmt.Sprintf("the part %q", u.Section)
	case u.Section != "":
		where = "#" + u.Section
	}
	times := ""
	if u.Count > 1 {
		times = fmt.Sprintf(" (%d times)", u.Count)
	}
	return fmt.Sprintf("the PDF font has no glyph for %q (U+%04X) in %s%s: %q", u.Char, u.Char, where, times, u.Context)
}

// faceFiles are the files of the four faces, in the order of fpdf's
// styles "", "B", "I" and "BI".
var faceFiles = [4]string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"}

type faces struct {
	// ttf are the faces' files (in the order of faceFiles), read once
	// for every PDF of the process.
	ttf [4][]byte
	// fonts are the faces parsed by fpdf, once for every PDF of the
	// process. fpdf only reads them, so PDFs typeset concurrently share
	// them, and each keeps the subsets of itself that PDFs embedded, by the
	// characters they used, so that PDFs using the same characters (most
	// versions of a notice) subset and compress it once.
	fonts [4]*fpdf.UTF8Font
	// cover is what every face can draw: a character only the regular
	// face has would be missing in bold.
	cover []*coverage
	// latin1 is drawable for U+0000 to U+00FF, the characters of most
	// text, worked out once.
	latin1 [0x100]bool
	// plain is, for each ASCII character, whether clean leaves it as it
	// is: a space, a newline, or drawable and not a space the renderer
	// lays out.
	plain [utf8.RuneSelf]bool
}

var loadFaces = sync.OnceValues(readFaces)

func readFaces() (*faces, error) {
	f := &faces{}
	for i, name := range faceFiles {
		f.ttf[i], _ = fontFS.ReadFile("fonts/" + name) // embedded above
		cov, err := readCoverage(f.ttf[i])
		if err != nil {
			return nil, err
		}
		f.cover = append(f.cover, cov)
		if f.fonts[i], err = fpdf.ParseUTF8Font(f.ttf[i]); err != nil {
			return nil, err
		}
	}
	for r := range f.latin1 {
		f.latin1[r] = drawable(f, rune(r))
	}
	for c := range f.plain {
		r := rune(c)
		f.plain[c] = r == ' ' || r == '\n' || !layoutSpace(r) && f.latin1[r]
	}
	return f, nil
}

// Layout, in millimetres and points.
const (
	margin     = 20.0
	bodySize   = 10.0
	lineH      = 5.0
	cellSize   = 8.5
	cellLineH  = 4.0
	cellPad    = 1.5
	fontFamily = "DejaVu"
	fpdfFamily = "dejavu" // fontFamily as fpdf keeps it (GetFontFamily)
)

// Render typesets doc. It returns the PDF, and the characters the fonts
// cannot show, once per character and section; a PDF with unsupported
// characters must not be published, and none is returned.
func Render(doc *notice.Document, opts Options) ([]byte, []Unsupported, error) {
	return typeset(doc, opts, func(r *renderer) {
		doc.Walk(func(s *notice.Section, _ int) { r.anchors[s.ID] = true })
	}, func(r *renderer) {
		if doc.Summary != nil {
			r.section(doc.Summary, 2)
		}
		for _, s := range doc.Sections {
			r.section(s, 2)
		}
	})
}

// typeset checks doc (and what check adds), then sets up the document,
// writes the title block and calls body.
func typeset(doc *notice.Document, opts Options, check, body func(r *renderer)) ([]byte, []Unsupported, error) {
	fc, err := loadFaces()
	if err != nil {
		return nil, nil, err
	}
	paper, err := paperSize(opts)
	if err != nil {
		return nil, nil, err
	}
	r := &renderer{doc: doc, opts: opts, faces: fc, anchors: map[string]bool{}, dests: map[string]dest{}}
	r.check(doc)
	check(r)
	if len(r.missing) > 0 {
		return nil, r.missing, nil
	}
	r.f = fpdf.New("P", "mm", paper, "")
	f := r.f
	r.tag = newTagger(f)
	words := opts.words()
	r.running = [3]string{clean(doc.Title), clean(doc.Organization), clean(words.withDate(words.Running, doc.Effective))}
	for i, style := range [4]string{"", "B", "I", "BI"} {
		f.AddUTF8FontParsed(fontFamily, style, fc.fonts[i])
	}
	f.SetMargins(margin, margin+4, margin)
	f.SetAutoPageBreak(true, margin)
	// finish compresses the page contents once it has marked them.
	f.SetCompression(false)
	f.SetCatalogSort(true)
	when := dateOf(doc.LastUpdated)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	f.SetTitle(clean(doc.Title), true)
	f.SetAuthor(clean(doc.Organization), true)
	f.SetSubject(clean(fmt.Sprintf("%s of %s, effective %s", doc.Title, doc.Organization, render.LongDate(doc.Effective))), true)
	f.SetCreator("disclose", true)
	f.SetProducer("disclose", true)
	lang := opts.Language
	if lang == "" {
		lang = "en"
	}
	f.SetXmpMetadata(xmp(doc, lang, when))
	f.AliasNbPages("{nb}")
	f.SetHeaderFuncMode(r.header, false)
	f.SetFooterFunc(r.footer)
	f.AddPage()
	r.titleBlock()
	body(r)
	if err := f.Error(); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, nil, err
	}
	_, h := f.GetPageSize()
	out, err := finish(buf.Bytes(), &finishing{tags: r.tag, dests: r.dests, lang: clean(lang), pageH: h * fpdfK})
	if err != nil {
		return nil, nil, err
	}
	return out, nil, nil
}

// xmp returns the document's XMP metadata: its title, author, subject,
// language and dates as in the document information dictionary, and the
// PDF/UA-1 identifier.
func xmp(doc *notice.Document, lang string, when time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(clean(s)))
		return b.String()
	}
	date := when.UTC().Format("2006-01-02T15:04:05Z")
	subject := fmt.Sprintf("%s of %s, effective %s", doc.Title, doc.Organization, render.LongDate(doc.Effective))
	return []byte(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(doc.Title) + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>` + esc(doc.Organization) + `</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(subject) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>` + esc(lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>disclose</pdf:Producer>
<xmp:CreatorTool>disclose</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`)
}

func dateOf(day model.Date) time.Time {
	t, ok := day.Time()
	if !ok {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

type renderer struct {
	doc      *notice.Document
	opts     Options
	faces    *faces
	f        *fpdf.Fpdf
	missing  []Unsupported
	seen     map[missingKey]int // index in missing
	checking string             // anchor of the section being checked
	// cellSize and cellLineH are the font size and line height of the
	// table being drawn: smaller for tables too wide for the page.
	cellSize, cellLineH float64
	tag                 *tagger
	// anchors are the sections of the notice, which internal links may
	// lead to; dests where their headings are.
	anchors map[string]bool
	dests   map[string]dest
	// running are the texts of the running header and footer: the
	// title, the organisation and the effective date.
	running [3]string
	// lineText is wrapRuns' buffer for the text of a run on a line.
	lineText []byte
}

// font sets the font's style and size: fpdf's SetFont writes the font
// into the page again even when it is the current one (and measuring
// text sets it for every word).
func (r *renderer) font(style string, size float64) {
	f := r.f
	if pt, _ := f.GetFontSize(); pt == size && f.GetFontStyle() == style && f.GetFontFamily() == fpdfFamily {
		return
	}
	f.SetFont(fontFamily, style, size)
}

func (r *renderer) header() {
	r.tag.pageStart()
	if r.f.PageNo() > 1 {
		r.tag.pagination("Header", r.runningHeader)
	}
	r.tag.resume()
}

func (r *renderer) runningHeader() {
	f := r.f
	f.SetFont(fontFamily, "", 8)
	f.SetTextColor(80, 80, 90)
	w, _ := f.GetPageSize()
	f.SetXY(margin, 10)
	f.CellFormat(w-2*margin, 5, r.running[0], "", 0, "L", false, 0, "")
	f.SetXY(margin, 10)
	f.CellFormat(w-2*margin, 5, r.running[1], "", 0, "R", false, 0, "")
	f.SetDrawColor(200, 200, 208)
	f.Line(margin, 16, w-margin, 16)
	f.SetTextColor(0, 0, 0)
	f.SetXY(margin, margin+4)
}

func (r *renderer) footer() {
	r.tag.pageEnd()
	r.tag.pagination("Footer", r.runningFooter)
}

func (r *renderer) runningFooter() {
	f := r.f
	w, h := f.GetPageSize()
	f.SetFont(fontFamily, "", 8)
	f.SetTextColor(80, 80, 90)
	f.SetXY(margin, h-12)
	f.CellFormat(w-2*margin, 5, r.running[2], "", 0, "L", false, 0, "")
	f.SetXY(margin, h-12)
	page := strings.NewReplacer("{page}", strconv.Itoa(f.PageNo()), "{pages}", "{nb}").Replace(r.opts.words().Page)
	f.CellFormat(w-2*margin, 5, page, "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

func (r *renderer) titleBlock() {
	f := r.f
	w, _ := f.GetPageSize()
	line := func(role string, rn run, size, lh float64) {
		r.tag.open(role)
		r.write([]run{rn}, size, lh)
		r.tag.close()
		f.Ln(lh)
	}
	line("P", run{text: r.doc.Organization, muted: true}, 11, 6)
	line("H1", run{text: r.doc.Title, bold: true}, 22, 10)
	f.Ln(2)
	r.font("", bodySize)
	var lines []string
	words := r.opts.words()
	if r.opts.Version != "" {
		lines = append(lines, words.Version+r.opts.Version)
	}
	lines = append(lines, words.withDate(words.Effective, r.doc.Effective), words.withDate(words.LastUpdated, r.doc.LastUpdated))
	for _, l := range lines {
		line("P", run{text: l}, bodySize, lineH)
	}
	if r.opts.URL != "" {
		r.tag.open("P")
		r.write([]run{{text: words.Online}, {text: r.opts.URL, link: r.opts.URL}}, bodySize, lineH)
		r.tag.close()
		f.Ln(lineH)
	}
	r.tag.artifact()
	f.SetDrawColor(200, 200, 208)
	f.Line(margin, f.GetY()+3, w-margin, f.GetY()+3)
	f.Ln(8)
	for _, b := range r.doc.Intro {
		r.block(b, 0)
	}
}

var headingSize = map[int]float64{2: 15, 3: 12.5, 4: 11, 5: 10.5, 6: 10}

// section writes a section (a Sect element) at heading level level (2
// for a top-level section; the title is the one H1), its outline depth
// depth.
func (r *renderer) section(s *notice.Section, level int) {
	r.sectionAt(s, level, level-2)
}

func (r *renderer) sectionAt(s *notice.Section, level, depth int) {
	r.tag.open("Sect")
	r.heading([]run{{text: s.Title, bold: true}}, s.Title, s.ID, depth, level)
	for _, b := range s.Blocks {
		r.block(b, 0)
	}
	for _, sub := range s.Sections {
		r.sectionAt(sub, level+1, depth+1)
	}
	r.tag.close()
}

// heading writes a heading of the given level (2 for a section, at most
// 6) with a bookmark at outline level depth, kept with what follows, and
// records where it is as the destination of anchor (when not empty).
func (r *renderer) heading(runs []run, bookmark, anchor string, depth, level int) {
	f := r.f
	level = min(max(level, 2), 6)
	_, h := f.GetPageSize()
	if f.GetY() > h-margin-35 { // keep a heading with what follows
		f.AddPage()
	}
	f.Ln(3)
	if anchor != "" {
		r.dests[anchor] = dest{page: f.PageNo(), y: f.GetY()}
	}
	f.Bookmark(clean(bookmark), depth, -1)
	size := headingSize[level]
	r.tag.open("H" + strconv.Itoa(level))
	r.write(runs, size, size*0.5)
	r.tag.close()
	f.Ln(size * 0.5)
	f.Ln(1.5)
}
