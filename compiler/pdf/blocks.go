package pdf

import (
	"slices"
	"strconv"
	"strings"
	"sync"

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
	// muted text is grey.
	muted bool
	// tag is the link the run is part of, in write.
	tag *pendingLink
	// mark is the redline insertion or deletion the run is part of, in
	// write.
	mark *pendingMark
}

// pendingMark is a run of inserted or deleted text of a redline: a Span
// element whose ActualText says which ("[inserted: …]"), so a screen
// reader tells the two apart as a sighted reader does by the underline
// and the strike-through. It is made when its first run is drawn.
type pendingMark struct {
	actual string
	elem   *elem
}

// pendingLink is a link of the runs write is drawing: its Link element
// and annotations' name are made when its first run is drawn.
type pendingLink struct {
	uri, anchor, alt string
	elem             *elem
	name             string
}

// parse parses Markdown into goldmark's AST, with its source.
func parse(src string) (ast.Node, []byte) {
	b := []byte(src)
	return md.Parser().Parse(text.NewReader(b)), b
}

// inlineRuns returns the styled runs of inline Markdown. They are shared
// (parsedRuns): callers must not change them, only copy them (append
// copies: their capacity is their length).
func inlineRuns(t notice.Text) []run {
	parsedRuns.Lock()
	runs, ok := parsedRuns.m[t]
	parsedRuns.Unlock()
	if ok {
		return runs
	}
	doc, src := parse(string(t))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		runs = append(runs, collect(n, src, run{})...)
	}
	runs = slices.Clip(runs)
	parsedRuns.Lock()
	if len(parsedRuns.m) >= maxParsedRuns || parsedRuns.m == nil {
		parsedRuns.m = map[notice.Text][]run{}
	}
	parsedRuns.m[t] = runs
	parsedRuns.Unlock()
	return runs
}

// parsedRuns are the runs of the texts inlineRuns parsed, for every PDF
// of the process: the versions of a notice, and their redlines, share
// most of their paragraphs. When it holds maxParsedRuns texts, it starts
// again.
var parsedRuns struct {
	sync.Mutex
	m map[notice.Text][]run
}

const maxParsedRuns = 1 << 14

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
	return notice.OneLine(b.String())
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

// write flows runs from the left margin, wrapping at the margins, as
// content of the element on top of the tag stack; a link (consecutive
// runs with the same target) is a Link element in it. It leaves the
// position after the text, as fpdf's Write does. The lines are broken
// here (wrapRuns) rather than by Write, which drops the space it breaks a
// line at: a line broken at a space ends with it, unseen, so the tagged
// text reads as words. A newline in a run breaks the line.
func (r *renderer) write(runs []run, size, lh float64) {
	f := r.f
	runs = slices.Clone(runs)
	for i := 0; i < len(runs); {
		if !r.isLink(runs[i].link) {
			i++
			continue
		}
		j := i + 1
		for j < len(runs) && runs[j].link == runs[i].link {
			j++
		}
		lk := &pendingLink{uri: strings.ToValidUTF8(r.resolve(runs[i].link), "")}
		if a, ok := strings.CutPrefix(runs[i].link, "#"); ok {
			lk.uri, lk.anchor = "", a
		}
		if lk.alt = clean(plain(runs[i:j])); lk.alt == "" {
			lk.alt = clean(lk.uri)
		}
		for k := i; k < j; k++ {
			runs[k].tag = lk
		}
		i = j
	}
	for i := 0; i < len(runs); {
		if (!runs[i].ins && !runs[i].del) || runs[i].tag != nil {
			i++
			continue
		}
		j := i + 1
		for j < len(runs) && runs[j].ins == runs[i].ins && runs[j].del == runs[i].del && runs[j].tag == nil {
			j++
		}
		what := "inserted"
		if runs[i].del {
			what = "deleted"
		}
		mk := &pendingMark{actual: "[" + what + ": " + clean(plain(runs[i:j])) + "]"}
		for k := i; k < j; k++ {
			runs[k].mark = mk
		}
		i = j
	}
	left, _, right, _ := f.GetMargins()
	pw, _ := f.GetPageSize()
	cm := f.GetCellMargin()
	width := pw - right - left - 2*cm
	for n, para := range splitLines(runs) {
		if n > 0 {
			f.Ln(lh)
		}
		lines := r.wrapRuns(para, width, size)
		for k, line := range lines {
			if k > 0 {
				f.Ln(lh)
			}
			for _, rn := range line {
				name := ""
				if lk := rn.tag; lk != nil {
					if lk.elem == nil { // created where it starts, in reading order
						lk.elem, lk.name = r.tag.newLink(lk.uri, lk.anchor, lk.alt)
						r.tag.close()
					}
					r.tag.mark(lk.elem)
					name = lk.name
				} else if mk := rn.mark; mk != nil {
					if mk.elem == nil {
						mk.elem = r.tag.open("Span")
						mk.elem.actual = mk.actual
						r.tag.close()
					}
					r.tag.mark(mk.elem)
				} else {
					r.tag.content()
				}
				r.setStyle(rn, size)
				f.CellFormat(f.GetStringWidth(rn.text), lh, rn.text, "", 0, "L", false, 0, name)
			}
		}
	}
	r.resetStyle(size)
}

// splitLines splits runs at their newlines.
func splitLines(runs []run) [][]run {
	out := [][]run{nil}
	for _, rn := range runs {
		parts := strings.Split(rn.text, "\n")
		for i, p := range parts {
			if i > 0 {
				out = append(out, nil)
			}
			if p != "" {
				c := rn
				c.text = p
				out[len(out)-1] = append(out[len(out)-1], c)
			}
		}
	}
	return out
}

// isLink reports whether target is a link the PDF can follow: an address,
// an anchor of a section of the notice, or, with Options.NoticeURL, a
// notice:ID#anchor link to another notice.
func (r *renderer) isLink(target string) bool {
	if a, ok := strings.CutPrefix(target, "#"); ok {
		return r.anchors[a]
	}
	if strings.HasPrefix(target, "notice:") {
		return r.opts.NoticeURL != nil
	}
	return target != ""
}

// resolve returns the address of a notice:ID#anchor link, and any other
// target as it is.
func (r *renderer) resolve(target string) string {
	rest, ok := strings.CutPrefix(target, "notice:")
	if !ok || r.opts.NoticeURL == nil {
		return target
	}
	id, anchor, _ := strings.Cut(rest, "#")
	u := r.opts.NoticeURL(id)
	if anchor != "" {
		u += "#" + anchor
	}
	return u
}

// Colours: links blue; in a redline, as a second sign after the underline
// and the line through, insertions green and deletions red.
var (
	linkColour   = [3]int{11, 87, 176}
	insertColour = [3]int{0, 110, 40}
	deleteColour = [3]int{170, 20, 20}
	mutedColour  = [3]int{80, 80, 90}
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
	case r.isLink(rn.link):
		c = linkColour
	case rn.muted:
		c = mutedColour
	}
	r.font(st, size)
	r.f.SetTextColor(c[0], c[1], c[2])
}

func (r *renderer) resetStyle(size float64) {
	r.font("", size)
	r.f.SetTextColor(0, 0, 0)
}

// paragraph writes a paragraph (a P element) indented by indent
// millimetres.
func (r *renderer) paragraph(runs []run, indent float64) {
	f := r.f
	left, _, _, _ := f.GetMargins()
	f.SetLeftMargin(margin + indent)
	f.SetX(margin + indent)
	r.tag.open("P")
	r.write(runs, bodySize, lineH)
	r.tag.close()
	f.Ln(lineH)
	f.Ln(1.5)
	f.SetLeftMargin(left)
}

// item writes a list item (an LI element, in the L element on top of the
// tag stack) with its marker.
func (r *renderer) item(marker string, runs []run, indent float64) {
	r.itemStart(marker, runs, indent)
	r.itemEnd()
}

// itemStart writes a list item's marker (Lbl) and its text, and leaves
// its LI and LBody open for what else it holds.
func (r *renderer) itemStart(marker string, runs []run, indent float64) {
	f := r.f
	r.tag.open("LI")
	r.tag.open("Lbl")
	r.font("", bodySize)
	r.tag.content()
	f.SetX(margin + indent)
	f.CellFormat(6, lineH, marker, "", 0, "L", false, 0, "")
	r.tag.close()
	r.tag.open("LBody")
	f.SetLeftMargin(margin + indent + 6)
	r.write(runs, bodySize, lineH)
	f.Ln(lineH)
	f.Ln(0.8)
	f.SetLeftMargin(margin)
}

// itemEnd closes the LBody and LI of itemStart.
func (r *renderer) itemEnd() {
	r.tag.close()
	r.tag.close()
}

func (r *renderer) block(b notice.Block, indent float64) {
	switch b := b.(type) {
	case *notice.Paragraph:
		r.paragraph(inlineRuns(b.Text), indent)
	case *notice.List:
		r.tag.open("L")
		for i, it := range b.Items {
			marker := "•"
			if b.Ordered {
				marker = strconv.Itoa(i+1) + "."
			}
			r.item(marker, inlineRuns(it), indent)
		}
		r.tag.close()
		r.f.Ln(1.5)
	case *notice.KeyPoints:
		r.keyPoints(b, indent)
	case *notice.Actions:
		r.actions(b, indent)
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
		r.tag.open("L")
		defer r.tag.close()
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
		r.tag.open("BlockQuote")
		r.mdBlocks(c, src, indent+6)
		r.tag.close()
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
				r.itemStart(marker, mdInline(c, src), indent)
				first = false
				continue
			}
			r.paragraph(mdInline(c, src), indent+6)
		default:
			if first {
				r.itemStart(marker, nil, indent)
				first = false
			}
			r.mdBlock(c, src, indent+6)
		}
	}
	if !first { // an empty item shows nothing
		r.itemEnd()
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

// aside renders a boxed statement (a Div element): a bar down its left
// side.
func (r *renderer) aside(a *notice.Aside, indent float64) {
	f := r.f
	startPage, startY := f.PageNo(), f.GetY()
	f.Ln(1)
	r.tag.open("Div")
	if a.Title != "" {
		r.paragraph([]run{{text: a.Title, bold: true}}, indent+5)
	}
	for _, b := range a.Blocks {
		r.block(b, indent+5)
	}
	r.tag.close()
	r.tag.artifact()
	if f.PageNo() == startPage {
		f.SetDrawColor(11, 87, 176)
		f.SetLineWidth(1)
		f.Line(margin+indent+1, startY, margin+indent+1, f.GetY()-1)
		f.SetLineWidth(0.2)
	}
	f.Ln(2)
}
