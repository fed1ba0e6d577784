package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/disclose-dev/disclose/compiler/notice"
)

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// run is a stretch of text in one style.
type run struct {
	text         string
	bold, italic bool
	link         string
	// ins and del mark text a redline inserts (underlined) and deletes
	// (struck through).
	ins, del bool
}

// parse parses Markdown into goldmark's AST, with its source.
func parse(src string) (ast.Node, []byte) {
	b := []byte(src)
	return md.Parser().Parse(text.NewReader(b)), b
}

// inlineRuns returns the styled runs of inline Markdown.
func inlineRuns(t notice.Text) []run {
	doc, src := parse(string(t))
	var runs []run
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		runs = append(runs, collect(n, src, run{})...)
	}
	return runs
}

// collect returns the runs under the inline node n in style st.
func collect(n ast.Node, src []byte, st run) []run {
	var out []run
	switch n := n.(type) {
	case *ast.Text:
		s := string(util.ResolveEntityNames(util.UnescapePunctuations(n.Segment.Value(src))))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		return []run{{text: s, bold: st.bold, italic: st.italic, link: st.link}}
	case *ast.String:
		return []run{{text: string(n.Value), bold: st.bold, italic: st.italic, link: st.link}}
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		return []run{{text: b.String(), bold: st.bold, italic: st.italic, link: st.link}}
	case *ast.Emphasis:
		if n.Level >= 2 {
			st.bold = true
		} else {
			st.italic = true
		}
	case *ast.Link:
		st.link = string(n.Destination)
	case *ast.AutoLink:
		u := string(n.URL(src))
		return []run{{text: string(n.Label(src)), bold: st.bold, italic: st.italic, link: u}}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, collect(c, src, st)...)
	}
	return out
}

// plain returns the text of runs without styles.
func plain(runs []run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func style(r run) string {
	switch {
	case r.bold && r.italic:
		return "BI"
	case r.bold:
		return "B"
	case r.italic:
		return "I"
	}
	return ""
}

// write flows runs from the current position, wrapping at the margins.
func (r *renderer) write(runs []run, size, lh float64) {
	f := r.f
	for _, rn := range runs {
		r.setStyle(rn, size)
		for _, piece := range chunks(clean(rn.text)) {
			if rn.link != "" && !strings.HasPrefix(rn.link, "#") {
				f.WriteLinkString(lh, piece, strings.ToValidUTF8(rn.link, ""))
				continue
			}
			f.Write(lh, piece)
		}
	}
	r.resetStyle(size)
}

// Colours: links blue; in a redline, as a second sign after the underline
// and the line through, insertions green and deletions red.
var (
	linkColour   = [3]int{11, 87, 176}
	insertColour = [3]int{0, 110, 40}
	deleteColour = [3]int{170, 20, 20}
)

// setStyle sets the font and colour of a run.
func (r *renderer) setStyle(rn run, size float64) {
	st := style(rn)
	c := [3]int{0, 0, 0}
	switch {
	case rn.ins:
		st += "U"
		c = insertColour
	case rn.del:
		st += "S"
		c = deleteColour
	case rn.link != "" && !strings.HasPrefix(rn.link, "#"):
		c = linkColour
	}
	r.f.SetFont(fontFamily, st, size)
	r.f.SetTextColor(c[0], c[1], c[2])
}

func (r *renderer) resetStyle(size float64) {
	r.f.SetFont(fontFamily, "", size)
	r.f.SetTextColor(0, 0, 0)
}

// chunkRunes bounds the text given to one fpdf Write call: Write decodes
// its whole string again for every character, so its time grows with the
// square of the length.
const chunkRunes = 400

// chunks splits s into pieces of at most chunkRunes characters, each
// ending after a space where there is one, so the pieces wrap as the whole
// would (a word longer than that is broken, as fpdf breaks any word wider
// than the line).
func chunks(s string) []string {
	if utf8.RuneCountInString(s) <= chunkRunes {
		return []string{s}
	}
	var out []string
	for s != "" {
		end, n, lastSpace := len(s), 0, -1
		for i, c := range s {
			if n == chunkRunes {
				end = i
				break
			}
			if c == ' ' || c == '\n' {
				lastSpace = i + 1
			}
			n++
		}
		if end < len(s) && lastSpace > 0 {
			end = lastSpace
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// paragraph writes a paragraph indented by indent millimetres.
func (r *renderer) paragraph(runs []run, indent float64) {
	f := r.f
	left, _, _, _ := f.GetMargins()
	f.SetLeftMargin(margin + indent)
	f.SetX(margin + indent)
	r.write(runs, bodySize, lineH)
	f.Ln(lineH)
	f.Ln(1.5)
	f.SetLeftMargin(left)
}

// item writes a list item with its marker.
func (r *renderer) item(marker string, runs []run, indent float64) {
	f := r.f
	f.SetFont(fontFamily, "", bodySize)
	f.SetX(margin + indent)
	f.CellFormat(6, lineH, marker, "", 0, "L", false, 0, "")
	f.SetLeftMargin(margin + indent + 6)
	r.write(runs, bodySize, lineH)
	f.Ln(lineH)
	f.Ln(0.8)
	f.SetLeftMargin(margin)
}

func (r *renderer) block(b notice.Block, indent float64) {
	switch b := b.(type) {
	case *notice.Paragraph:
		r.paragraph(inlineRuns(b.Text), indent)
	case *notice.List:
		for i, it := range b.Items {
			marker := "•"
			if b.Ordered {
				marker = strconv.Itoa(i+1) + "."
			}
			r.item(marker, inlineRuns(it), indent)
		}
		r.f.Ln(1.5)
	case *notice.Definitions:
		for _, d := range b.Items {
			runs := []run{{text: plain(inlineRuns(d.Term)) + ": ", bold: true}}
			r.paragraph(append(runs, inlineRuns(d.Text)...), indent)
		}
	case *notice.Prose:
		doc, src := parse(b.Markdown)
		r.mdBlocks(doc, src, indent)
	case *notice.Table:
		r.table(b)
	case *notice.Aside:
		r.aside(b, indent)
	}
}

// mdBlocks renders the block children of a goldmark node.
func (r *renderer) mdBlocks(n ast.Node, src []byte, indent float64) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.mdBlock(c, src, indent)
	}
}

// mdBlock renders one goldmark block.
func (r *renderer) mdBlock(c ast.Node, src []byte, indent float64) {
	switch c := c.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		r.paragraph(mdInline(c, src), indent)
	case *ast.Heading:
		runs := mdInline(c, src)
		for i := range runs {
			runs[i].bold = true
		}
		r.paragraph(runs, indent)
	case *ast.List:
		n := c.Start
		if n == 0 {
			n = 1
		}
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			marker := "•"
			if c.IsOrdered() {
				marker = strconv.Itoa(n) + "."
				n++
			}
			r.mdItem(it, src, marker, indent)
		}
		r.f.Ln(1)
	case *ast.Blockquote:
		r.mdBlocks(c, src, indent+6)
	case *ast.ThematicBreak:
		r.f.Ln(3)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
		r.paragraph([]run{{text: b.String()}}, indent+4)
	case *extast.Table:
		r.table(mdTable(c, src))
	}
}

// mdItem renders a list item: its first paragraph beside the marker, the
// rest (nested lists, more paragraphs) indented under it.
func (r *renderer) mdItem(it ast.Node, src []byte, marker string, indent float64) {
	first := true
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if first {
				r.item(marker, mdInline(c, src), indent)
				first = false
				continue
			}
			r.paragraph(mdInline(c, src), indent+6)
		default:
			if first {
				r.item(marker, nil, indent)
				first = false
			}
			r.mdBlock(c, src, indent+6)
		}
	}
}

// mdInline returns the runs of a goldmark block's inline children.
func mdInline(n ast.Node, src []byte) []run {
	var runs []run
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		runs = append(runs, collect(c, src, run{})...)
	}
	return runs
}

// mdTable converts a GFM table in prose into the IR's table.
func mdTable(t *extast.Table, src []byte) *notice.Table {
	out := &notice.Table{}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []notice.Text
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, notice.Text(plain(mdInline(c, src))))
		}
		if _, ok := row.(*extast.TableHeader); ok {
			for _, c := range cells {
				out.Head = append(out.Head, string(c))
			}
			continue
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// aside renders a boxed statement: a bar down its left side.
func (r *renderer) aside(a *notice.Aside, indent float64) {
	f := r.f
	startPage, startY := f.PageNo(), f.GetY()
	f.Ln(1)
	if a.Title != "" {
		r.paragraph([]run{{text: a.Title, bold: true}}, indent+5)
	}
	for _, b := range a.Blocks {
		r.block(b, indent+5)
	}
	if f.PageNo() == startPage {
		f.SetDrawColor(11, 87, 176)
		f.SetLineWidth(1)
		f.Line(margin+indent+1, startY, margin+indent+1, f.GetY()-1)
		f.SetLineWidth(0.2)
	}
	f.Ln(2)
}
