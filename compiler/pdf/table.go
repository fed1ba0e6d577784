package pdf

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// table draws a notice's table.
func (r *renderer) table(t *notice.Table) {
	ncol := len(t.Head)
	if ncol == 0 {
		return
	}
	head := make([][]run, ncol)
	for j, h := range t.Head {
		head[j] = []run{{text: h, bold: true}}
	}
	rows := make([][][]run, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = make([][]run, ncol)
		for j := 0; j < ncol && j < len(row); j++ {
			rows[i][j] = []run{{text: plain(inlineRuns(row[j]))}}
		}
	}
	r.grid(t.Caption, head, rows)
}

// grid draws a table whose cells wrap, that splits across pages (a row
// taller than the space left continues on the next page) and repeats its
// header row on every page. Cells are styled runs; rows shorter than the
// header are padded.
func (r *renderer) grid(caption string, head [][]run, body [][][]run) {
	f := r.f
	pw, ph := f.GetPageSize()
	width := pw - 2*margin
	ncol := len(head)
	for _, row := range body {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return
	}
	pad := func(row [][]run) [][]run {
		out := make([][]run, ncol)
		copy(out, row)
		return out
	}
	head = pad(head)
	// Cells keep their own padding; fpdf's cell margin would shrink the
	// width they wrap to.
	cm := f.GetCellMargin()
	f.SetCellMargin(0)
	defer f.SetCellMargin(cm)
	headText := make([]string, ncol)
	for j, c := range head {
		headText[j] = clean(plain(c))
	}
	rows := make([][][]run, len(body))
	rowText := make([][]string, len(body))
	for i, row := range body {
		rows[i] = pad(row)
		rowText[i] = make([]string, ncol)
		for j, c := range rows[i] {
			rowText[i][j] = clean(plain(c))
		}
	}
	r.cellSize, r.cellLineH = cellSize, cellLineH
	widths, fits := r.columnWidths(headText, rowText, width)
	if !fits {
		// Too many columns for their words: a smaller type keeps words whole.
		r.cellSize, r.cellLineH = cellSize*0.8, cellLineH*0.8
		widths, _ = r.columnWidths(headText, rowText, width)
	}
	bottom := ph - margin

	// Tagged as a Table of TR rows of TH (the header row, each with the
	// scope of its column) and TD cells; the caption its Caption.
	table := r.tag.open("Table")
	defer r.tag.close()
	if caption != "" {
		if f.GetY() > bottom-30 {
			f.AddPage()
		}
		r.tag.stack = append(r.tag.stack, r.tag.add(table, "Caption"))
		r.write([]run{{text: caption, bold: true}}, bodySize, lineH)
		r.tag.close()
		f.Ln(lineH)
	}
	cellTags := func(role string) []*elem {
		tr := r.tag.add(table, "TR")
		out := make([]*elem, ncol)
		for j := range out {
			out[j] = r.tag.add(tr, role)
			if role == "TH" {
				out[j].scope = "Column"
			}
		}
		return out
	}
	headTags := cellTags("TH")
	f.SetAutoPageBreak(false, margin)
	defer f.SetAutoPageBreak(true, margin)

	// The header row repeats on every page, unless it would take more
	// than a third of one: then it is drawn once, like a row, and a table
	// still always gets onto the next page.
	headLines := r.wrapRow(head, widths, true)
	_, top, _, _ := f.GetMargins()
	repeat := float64(maxLines(headLines))*r.cellLineH+2*cellPad <= (bottom-top)/3
	drawHeader := func(tags []*elem) {
		if repeat {
			r.drawRow(headLines, widths, true, 0, maxLines(headLines), tags)
		}
	}
	if f.GetY()+2*(r.cellLineH+2*cellPad) > bottom {
		f.AddPage()
	}
	drawHeader(headTags) // repeated on later pages as an artifact
	// drawSplit draws a row, continuing it on the next pages while it is
	// taller than the room left.
	drawSplit := func(lines [][][]run, header bool, tags []*elem) {
		total := maxLines(lines)
		from := 0
		for from < total {
			room := int((bottom - f.GetY() - 2*cellPad) / r.cellLineH)
			if room < 1 || (from == 0 && room < total && room < 3) {
				f.AddPage()
				drawHeader(nil)
				if room = int((bottom - f.GetY() - 2*cellPad) / r.cellLineH); room < 1 {
					room = 1 // never stall: at worst a line past the margin
				}
			}
			n := min(total-from, room)
			r.drawRow(lines, widths, header, from, from+n, tags)
			from += n
		}
	}
	if !repeat {
		drawSplit(headLines, true, headTags)
	}
	for _, row := range rows {
		drawSplit(r.wrapRow(row, widths, false), false, cellTags("TD"))
	}
	f.Ln(3)
}

// columnWidths shares width between the columns: each gets at least its
// longest word (up to a quarter of the width), and the rest in proportion to
// how much text it holds. fits is false when the longest words alone need
// more than the width.
func (r *renderer) columnWidths(head []string, rows [][]string, width float64) (widths []float64, fits bool) {
	f := r.f
	n := len(head)
	minW := make([]float64, n)
	want := make([]float64, n)
	r.font("B", r.cellSize)
	for j, h := range head {
		minW[j] = longestWord(f.GetStringWidth, h) + 2*cellPad
		want[j] = f.GetStringWidth(h) + 2*cellPad
	}
	r.font("", r.cellSize)
	for _, row := range rows {
		for j, c := range row {
			if w := longestWord(f.GetStringWidth, c) + 2*cellPad; w > minW[j] {
				minW[j] = w
			}
			want[j] += f.GetStringWidth(c) / float64(len(rows)+1)
		}
	}
	out := make([]float64, n)
	sumMin := 0.0
	for j := range minW {
		if minW[j] > width/4 {
			minW[j] = width / 4
		}
		sumMin += minW[j]
	}
	if sumMin >= width {
		for j := range out {
			out[j] = width * minW[j] / sumMin
		}
		return out, false
	}
	extra, sumWant := width-sumMin, 0.0
	for j := range want {
		want[j] = max(want[j]-minW[j], 1)
		sumWant += want[j]
	}
	for j := range out {
		out[j] = minW[j] + extra*want[j]/sumWant
	}
	return out, true
}

func longestWord(measure func(string) float64, s string) float64 {
	w := 0.0
	for _, word := range strings.Split(notice.OneLine(s), " ") {
		w = max(w, measure(word))
	}
	return w
}

// wrapRow splits each cell into lines that fit its column.
func (r *renderer) wrapRow(cells [][]run, widths []float64, header bool) [][][]run {
	out := make([][][]run, len(cells))
	for j, c := range cells {
		if header {
			c = slices.Clone(c)
			for i := range c {
				c[i].bold = true
			}
		}
		out[j] = r.wrapRuns(c, widths[j]-2*cellPad, r.cellSize)
	}
	return out
}

// wrapRuns breaks styled runs into lines at most width wide, at spaces,
// and inside a word only where the word alone is wider than a line. A
// line broken at a space ends with it (beyond width).
func (r *renderer) wrapRuns(runs []run, width, size float64) [][]run {
	f := r.f
	measure := func(rn run, s string) float64 {
		r.font(style(rn), size)
		return f.GetStringWidth(s)
	}
	var lines [][]run
	var line []run
	lineW := 0.0
	var space run // the space before the next word, if spaced
	spaced := false
	// last is the text of the line's last run, made a string when the
	// run is complete, so that its words are not joined one by one.
	last := r.lineText[:0]
	flush := func() {
		if n := len(line); n > 0 {
			line[n-1].text = string(last)
		}
		last = last[:0]
	}
	add := func(rn run, s string, w float64) {
		if n := len(line); n == 0 || !sameStyle(line[n-1], rn) {
			flush()
			line = append(line, rn)
		}
		last = append(last, s...)
		lineW += w
	}
	newLine := func() {
		flush()
		lines = append(lines, line)
		line, lineW, spaced = nil, 0, false
	}
	for _, rn := range runs {
		text := clean(rn.text)
		for text != "" {
			i := strings.IndexFunc(text, func(c rune) bool { return c != ' ' && c != '\n' })
			if i != 0 { // spaces
				if i < 0 {
					i = len(text)
				}
				if len(line) > 0 {
					space, spaced = rn, true
				}
				text = text[i:]
				continue
			}
			end := strings.IndexAny(text, " \n")
			if end < 0 {
				end = len(text)
			}
			word := text[:end]
			text = text[end:]
			w := measure(rn, word)
			sw := 0.0
			if spaced {
				sw = measure(space, " ")
			}
			if len(line) > 0 && lineW+sw+w > width {
				if spaced {
					// The space the line breaks at ends it, unseen,
					// so the text reads as words.
					last = append(last, ' ')
				}
				newLine()
				sw = 0
			}
			if spaced {
				add(space, " ", sw)
				spaced = false
			}
			if w <= width {
				add(rn, word, w)
				continue
			}
			// A word wider than the line: as many characters as fit on
			// each line, at least one.
			for word != "" {
				n, fit := 0, 0.0
				for n < len(word) {
					_, size := utf8.DecodeRuneInString(word[n:])
					cw := measure(rn, word[n:n+size])
					if n > 0 && lineW+fit+cw > width {
						break
					}
					fit += cw
					n += size
				}
				if n == 0 || len(line) > 0 && lineW+fit > width {
					newLine()
					continue
				}
				add(rn, word[:n], fit)
				word = word[n:]
				if word != "" {
					newLine()
				}
			}
		}
	}
	flush()
	r.lineText = last[:0]
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func sameStyle(a, b run) bool {
	return a.bold == b.bold && a.italic == b.italic && a.link == b.link && a.ins == b.ins && a.del == b.del && a.muted == b.muted && a.tag == b.tag
}

func maxLines(cells [][][]run) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// drawRow draws lines [from, to) of a row at the current position, the
// text of each cell the content of its element in tags, or an artifact
// when tags is nil (a repeated header row); borders and backgrounds are
// artifacts.
func (r *renderer) drawRow(cells [][][]run, widths []float64, header bool, from, to int, tags []*elem) {
	f := r.f
	x0, y0 := margin, f.GetY()
	h := float64(to-from)*r.cellLineH + 2*cellPad
	x := x0
	for j, lines := range cells {
		r.tag.artifact()
		f.SetDrawColor(190, 190, 200)
		f.SetLineWidth(0.2)
		if header {
			f.SetFillColor(238, 240, 244)
			f.Rect(x, y0, widths[j], h, "FD")
		} else {
			f.Rect(x, y0, widths[j], h, "D")
		}
		if tags != nil {
			r.tag.mark(tags[j])
		}
		for k := from; k < to && k < len(lines); k++ {
			lx := x + cellPad
			for _, rn := range lines[k] {
				r.setStyle(rn, r.cellSize)
				w := f.GetStringWidth(rn.text)
				f.SetXY(lx, y0+cellPad+float64(k-from)*r.cellLineH)
				f.CellFormat(w, r.cellLineH, rn.text, "", 0, "L", false, 0, "")
				lx += w
			}
			r.resetStyle(r.cellSize)
		}
		x += widths[j]
	}
	r.tag.artifact()
	f.SetXY(x0, y0+h)
}

// check records every character of doc the fonts cannot show, once per
// section: the title block (with the dates and the options it prints),
// the running header and footer, and every section.
func (r *renderer) check(doc *notice.Document) {
	r.checking = ""
	r.checkText(doc.Title, doc.Organization, render.LongDate(doc.Effective), render.LongDate(doc.LastUpdated), r.opts.Version, r.opts.URL)
	for _, b := range doc.Intro {
		r.checkBlock(b)
	}
	doc.Walk(func(s *notice.Section, _ int) {
		r.checking = s.ID
		r.checkText(s.Title)
		for _, b := range s.Blocks {
			r.checkBlock(b)
		}
	})
}

func (r *renderer) checkBlock(b notice.Block) {
	switch b := b.(type) {
	case *notice.Paragraph:
		r.checkText(string(b.Text))
	case *notice.List:
		for _, it := range b.Items {
			r.checkText(string(it))
		}
	case *notice.Definitions:
		for _, d := range b.Items {
			r.checkText(string(d.Term), string(d.Text))
		}
	case *notice.Prose:
		r.checkText(b.Markdown)
	case *notice.Table:
		r.checkText(b.Caption)
		r.checkText(b.Head...)
		for _, row := range b.Rows {
			for _, c := range row {
				r.checkText(string(c))
			}
		}
	case *notice.KeyPoints:
		for _, p := range b.Points {
			r.checkText(p.Label, string(p.Text))
		}
	case *notice.Actions:
		for _, a := range b.Items {
			r.checkText(a.Label)
		}
	case *notice.Aside:
		r.checkText(b.Title)
		for _, c := range b.Blocks {
			r.checkBlock(c)
		}
	}
}

// checkText records the characters of texts the fonts lack: one
// Unsupported per character and section, counting its occurrences.
func (r *renderer) checkText(texts ...string) {
	for _, s := range texts {
		for i, c := range s {
			if Drawable(c) { // invalid UTF-8 reads as U+FFFD, and is printed as such
				continue
			}
			key := missingKey{c, r.checking}
			if k, ok := r.seen[key]; ok {
				r.missing[k].Count++
				continue
			}
			if r.seen == nil {
				r.seen = map[missingKey]int{}
			}
			r.seen[key] = len(r.missing)
			lo, hi := max(0, i-20), min(len(s), i+20)
			for lo > 0 && !utf8.RuneStart(s[lo]) {
				lo--
			}
			for hi < len(s) && !utf8.RuneStart(s[hi]) {
				hi++
			}
			r.missing = append(r.missing, Unsupported{Char: c, Section: r.checking, Context: strings.ToValidUTF8(s[lo:hi], ""), Count: 1})
		}
	}
}

type missingKey struct {
	char    rune
	section string
}
