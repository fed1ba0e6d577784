package diff

import (
	"html"
	"slices"
	"strconv"
	"strings"
)

// An Edit is one change of a redline, as its page counts, numbers and
// links them: a maximal run of inserted and deleted text in one cell of a
// block (a heading, paragraph, list item or table cell). The run starts and
// ends with an insertion or deletion that has more than spaces, and holds
// no kept text other than spaces, so a deletion followed by its
// replacement ("<del>12</del> <ins>24</ins>") is one edit, and two
// insertions with a kept word between them are two. Insertions and
// deletions of spaces alone are no edit. A table row with no kept text
// (inserted, deleted or replaced whole) is one edit, however many of its
// cells changed.
type Edit struct {
	// Block is the index of the edit's block in the blocks given to Edits.
	Block int
	// Cell is the cell of the block, and Start and End the operations
	// [Start, End) of that cell that the edit spans. All three are zero
	// for a whole row (Row).
	Cell, Start, End int
	// Row is true for a table row changed whole.
	Row bool
	// Section is the index of the heading that starts the edit's section
	// (the edit's own block for an edit in a heading), or -1 before the
	// first heading.
	Section int
}

// Edits returns the edits of a redline laid out in blocks, in reading
// order: the page numbers them from 1 (change-1, change-2, ...).
func Edits(blocks []Block) []Edit {
	var out []Edit
	section := -1
	for i, bl := range blocks {
		if bl.Kind == Heading {
			section = i
		}
		if bl.Kind == Row && wholeRow(bl) != Equal {
			out = append(out, Edit{Block: i, Row: true, Section: section})
			continue
		}
		for c, cell := range bl.Cells {
			start, last := -1, -1
			for k, op := range cell {
				visible := strings.TrimSpace(op.Text) != ""
				switch {
				case op.Kind != Equal && visible:
					if start < 0 {
						start = k
					}
					last = k
				case op.Kind == Equal && visible && start >= 0:
					out = append(out, Edit{Block: i, Cell: c, Start: start, End: last + 1, Section: section})
					start = -1
				}
			}
			if start >= 0 {
				out = append(out, Edit{Block: i, Cell: c, Start: start, End: last + 1, Section: section})
			}
		}
	}
	return out
}

// wholeRow says how a table row changed as a whole: Insert when all its
// text is inserted, Delete when all of it is deleted, replacedRow when it
// keeps none of its text but has both, and Equal when it keeps some text
// (or has none).
func wholeRow(bl Block) OpKind {
	var ins, del bool
	for _, cell := range bl.Cells {
		for _, op := range cell {
			if strings.TrimSpace(op.Text) == "" {
				continue
			}
			switch op.Kind {
			case Equal:
				return Equal
			case Insert:
				ins = true
			case Delete:
				del = true
			}
		}
	}
	switch {
	case ins && del:
		return replacedRow
	case ins:
		return Insert
	case del:
		return Delete
	}
	return Equal
}

// replacedRow is wholeRow's answer for a row whose text was all replaced.
const replacedRow OpKind = 3

// Summary counts a redline's edits by section, for the top of its page.
type Summary struct {
	// Edits is the number of edits.
	Edits int
	// Sections are the sections with an edit, in reading order.
	Sections []SectionEdits
}

// SectionEdits is a section of a redline that has edits. A section is a
// heading and the blocks after it up to the next heading, whatever its
// level: an edit in a subsection belongs to the subsection only.
type SectionEdits struct {
	// Title is the heading's text (Text), "" for the blocks before the
	// first heading; Within are the titles of the sections it is part of,
	// outermost first, below the notice's title (level 1).
	Title  string
	Within []string
	// Level is the heading's level.
	Level int
	// First is the number of the section's first edit (from 1) and Count
	// the number of its edits, numbered First to First+Count-1.
	First, Count int
}

// Summarize counts the edits of a redline laid out in blocks.
func Summarize(blocks []Block) Summary {
	edits := Edits(blocks)
	s := Summary{Edits: len(edits)}
	for n, e := range edits {
		if k := len(s.Sections); k > 0 && edits[n-1].Section == e.Section {
			s.Sections[k-1].Count++
			continue
		}
		sec := SectionEdits{First: n + 1, Count: 1}
		if e.Section >= 0 {
			h := blocks[e.Section]
			sec.Title, sec.Level = Text(h.Cells[0]), h.Level
			for _, a := range ancestors(blocks, e.Section) {
				if blocks[a].Level > 1 {
					sec.Within = append(sec.Within, Text(blocks[a].Cells[0]))
				}
			}
		}
		s.Sections = append(s.Sections, sec)
	}
	return s
}

// ancestors returns the indexes of the headings whose sections hold the
// heading at index h, outermost first.
func ancestors(blocks []Block, h int) []int {
	var out []int
	level := blocks[h].Level
	for i := h - 1; i >= 0 && level > 1; i-- {
		if blocks[i].Kind == Heading && blocks[i].Level < level {
			out = append(out, i)
			level = blocks[i].Level
		}
	}
	slices.Reverse(out)
	return out
}

// HTMLOptions are the choices of RedlineHTML.
type HTMLOptions struct {
	// Changed shows only the sections with an edit (each heading with all
	// its blocks), each after the headings of the sections it is part of,
	// as context, and says where text without edits was left out.
	Changed bool
	// Full is the address of the page with the whole redline, relative to
	// this one ("../"), which the notes on left-out text link to (at the
	// headings' ids). Only used with Changed.
	Full string
}

// HTML renders a redline of reading text for a page; it is
// RedlineHTML(Blocks(ops), HTMLOptions{}).
func HTML(ops []Op) string { return BlocksHTML(Blocks(ops)) }

// BlocksHTML is the HTML of a whole redline already laid out in blocks;
// it is RedlineHTML(blocks, HTMLOptions{}).
func BlocksHTML(blocks []Block) string { return RedlineHTML(blocks, HTMLOptions{}) }

// RedlineHTML renders a redline laid out in blocks for a page: each
// section (a heading and its blocks up to the next heading) in an element
// with the id "section-N", N counting the headings from 1; headings as
// headings (kept as context even when unchanged), paragraphs, lists and
// tables as such (a table's first row as its column headers, the first
// cell of each further row as the row's header, its caption as a caption),
// insertions in <ins> and deletions in <del>, each with a text label for
// screen readers, so colour is never the only sign; a table row inserted
// or deleted whole says so to screen readers in its first cell.
//
// Each edit (Edits) is wrapped in an element with the id "change-N" (the
// row's own for a whole row) and followed by "Change N of M" and links to
// the previous and next edits. The links are never part of a heading's,
// caption's or header cell's name: they follow the heading, open the cell
// after a row's header cell, and, for a table's caption and header row,
// come before the table and hold the edits' ids themselves. The ids and
// numbers are the same in both views, so a link to an edit works in
// either.
func RedlineHTML(blocks []Block, opts HTMLOptions) string {
	w := &htmlWriter{blocks: blocks, edits: Edits(blocks), at: map[[2]int][]int{}, row: map[int]int{}}
	for n, e := range w.edits {
		if e.Row {
			w.row[e.Block] = n
		} else {
			w.at[[2]int{e.Block, e.Cell}] = append(w.at[[2]int{e.Block, e.Cell}], n)
		}
	}
	w.headingIDs()
	if !opts.Changed {
		for _, s := range w.sections() {
			w.section(s.start, s.end)
		}
		return w.b.String()
	}
	w.changed(opts.Full)
	return w.b.String()
}

type htmlWriter struct {
	b      strings.Builder
	blocks []Block
	edits  []Edit
	// at lists the edits of each cell, by block and cell; row the edit of
	// each row changed whole, by block.
	at  map[[2]int][]int
	row map[int]int
	// ids are the headings' numbers, by block.
	ids map[int]int
}

func (w *htmlWriter) headingIDs() {
	w.ids = map[int]int{}
	for i, bl := range w.blocks {
		if bl.Kind == Heading {
			w.ids[i] = len(w.ids) + 1
		}
	}
}

// section is a heading's section: blocks [start, end), start being the
// heading (or 0 for the blocks before the first heading).
type section struct{ start, end int }

func (w *htmlWriter) sections() []section {
	var out []section
	for i, bl := range w.blocks {
		if bl.Kind == Heading || i == 0 {
			out = append(out, section{i, i + 1})
			continue
		}
		out[len(out)-1].end = i + 1
	}
	return out
}

// changed writes the sections with an edit, the headings around them, and
// a note where text is left out.
func (w *htmlWriter) changed(full string) {
	secs := w.sections()
	of := map[int]int{} // section index by its first block
	for k, s := range secs {
		of[s.start] = k
	}
	show := make([]bool, len(secs))
	context := make([]bool, len(secs))
	for _, e := range w.edits {
		start := max(e.Section, 0)
		show[of[start]] = true
		if e.Section >= 0 {
			for _, a := range ancestors(w.blocks, e.Section) {
				context[of[a]] = true
			}
		}
	}
	left, from := 0, -1 // sections left out since the last one written, and the first of them
	note := func() {
		if left == 0 {
			return
		}
		href := full
		if id, ok := w.ids[secs[from].start]; ok {
			href += "#section-" + strconv.Itoa(id)
		}
		what, them := strconv.Itoa(left)+" sections without changes", "them"
		if left == 1 {
			what, them = "1 section without changes", "it"
		}
		w.b.WriteString(`<p class="redline-omitted">Not shown: ` + what + ` (<a href="` + html.EscapeString(href) + `">read ` + them + ` in the full redline</a>).</p>` + "\n")
		left, from = 0, -1
	}
	leave := func(k int) {
		if left == 0 {
			from = k
		}
		left++
	}
	for k, s := range secs {
		switch {
		case show[k]:
			note()
			w.section(s.start, s.end)
		case context[k]:
			note()
			w.section(s.start, s.start+1)
			if s.end > s.start+1 {
				leave(k)
			}
		default:
			leave(k)
		}
	}
	note()
}

// section writes blocks [from, to) of a section; one that starts with its
// heading is wrapped in an element with the id "section-N".
func (w *htmlWriter) section(from, to int) {
	id, ok := w.ids[from]
	if !ok {
		w.span(from, to)
		return
	}
	w.b.WriteString(`<div class="redline-section" id="section-` + strconv.Itoa(id) + "\">\n")
	w.span(from, to)
	w.b.WriteString("</div>\n")
}

// span writes blocks [from, to).
func (w *htmlWriter) span(from, to int) {
	blocks := w.blocks
	for i := from; i < to; i++ {
		bl := blocks[i]
		prev, next := BlockKind(-1), BlockKind(-1)
		if i > from {
			prev = blocks[i-1].Kind
		}
		if i+1 < to {
			next = blocks[i+1].Kind
		}
		switch bl.Kind {
		case Heading:
			tag := "h" + strconv.Itoa(min(bl.Level+1, 6))
			w.b.WriteString("<" + tag + ">")
			navs := w.cell(i, 0, navAfter)
			w.b.WriteString("</" + tag + ">\n")
			w.navs(navs, false)
		case Item:
			if prev != Item {
				w.b.WriteString("<ul>\n")
			}
			w.b.WriteString("<li>")
			w.cell(i, 0, navInline)
			w.b.WriteString("</li>\n")
			if next != Item {
				w.b.WriteString("</ul>\n")
			}
		case Row:
			w.tableRow(i, i+1 < to && next == Row && !blocks[i+1].TableStart, i > from && prev == Paragraph && blocks[i-1].Caption)
		default:
			if bl.Caption && i+1 < to && next == Row && blocks[i+1].TableStart {
				continue // written by the table
			}
			w.b.WriteString("<p>")
			w.cell(i, 0, navInline)
			w.b.WriteString("</p>\n")
		}
	}
}

// tableRow writes the row at block i: a table's first row opens the table
// (with the caption at block i-1 when captioned), and the last closes it.
//
// The links of a change must not become part of a header's name: those of
// the caption and of the header row go before the table, holding the
// changes' ids (so the next Tab after following a link to one reaches
// them); those of a row's header cell open the row's next cell.
func (w *htmlWriter) tableRow(i int, more, captioned bool) {
	bl := w.blocks[i]
	n, whole := w.row[i]
	if bl.TableStart {
		var before []int
		if captioned {
			before = append(before, w.at[[2]int{i - 1, 0}]...)
		}
		if whole {
			before = append(before, n)
		}
		for c := range bl.Cells {
			before = append(before, w.at[[2]int{i, c}]...)
		}
		w.navs(before, true)
		// Scrollable on narrow screens, and reachable by keyboard, as the
		// notices' own tables are.
		label := "Table"
		if captioned {
			label = Text(w.blocks[i-1].Cells[0])
		}
		w.b.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-label="` + html.EscapeString(label) + "\">\n<table>\n")
		if captioned {
			w.b.WriteString("<caption>")
			w.cell(i-1, 0, navBefore)
			w.b.WriteString("</caption>\n")
		}
		w.b.WriteString("<thead>\n")
	}
	kind := wholeRow(bl)
	w.b.WriteString("<tr")
	if whole && !bl.TableStart {
		w.b.WriteString(` id="change-` + strconv.Itoa(n+1) + `"`)
	}
	if whole {
		switch kind {
		case Insert:
			w.b.WriteString(` class="row-inserted"`)
		case Delete:
			w.b.WriteString(` class="row-deleted"`)
		default:
			w.b.WriteString(` class="row-replaced"`)
		}
	}
	w.b.WriteString(">")
	var pending []int
	for c := range bl.Cells {
		tag, attr, mode := "td", "", navInline
		switch {
		case bl.TableStart:
			tag, attr, mode = "th", ` scope="col"`, navBefore
		case c == 0 && len(bl.Cells) > 1:
			tag, attr, mode = "th", ` scope="row"`, navAfter
		case c == 0:
			tag, attr = "th", ` scope="row"`
		}
		w.b.WriteString("<" + tag + attr + ">")
		for _, p := range pending {
			w.nav(p, false)
		}
		pending = nil
		if whole && c == 0 && !bl.TableStart {
			label := "Replaced row: "
			switch kind {
			case Insert:
				label = "Inserted row: "
			case Delete:
				label = "Deleted row: "
			}
			w.b.WriteString(`<span class="visually-hidden">` + label + `</span>`)
		}
		pending = w.cell(i, c, mode)
		if whole && !bl.TableStart && c == len(bl.Cells)-1 {
			w.nav(n, false)
		}
		w.b.WriteString("</" + tag + ">")
	}
	w.b.WriteString("</tr>\n")
	switch {
	case bl.TableStart && more:
		w.b.WriteString("</thead>\n<tbody>\n")
	case bl.TableStart:
		w.b.WriteString("</thead>\n</table>\n</div>\n")
	case !more:
		w.b.WriteString("</tbody>\n</table>\n</div>\n")
	}
}

// navMode says where cell writes the links of the changes in a cell.
type navMode int

const (
	navInline navMode = iota // right after each change
	navAfter                 // after the cell: cell returns the changes
	navBefore                // already written, with the changes' ids
)

// cell writes the text of a block's cell, each edit in it wrapped, with
// its links where mode says; it returns the edits whose links are still to
// be written (navAfter).
func (w *htmlWriter) cell(block, cell int, mode navMode) (pending []int) {
	edits := w.at[[2]int{block, cell}]
	for k, op := range w.blocks[block].Cells[cell] {
		if len(edits) > 0 && w.edits[edits[0]].Start == k {
			if mode == navBefore {
				w.b.WriteString(`<span class="change">`)
			} else {
				w.b.WriteString(`<span class="change" id="change-` + strconv.Itoa(edits[0]+1) + `">`)
			}
		}
		t := html.EscapeString(op.Text)
		switch op.Kind {
		case Insert:
			w.b.WriteString(`<ins><span class="visually-hidden">[inserted: </span>` + t + `<span class="visually-hidden">]</span></ins>`)
		case Delete:
			w.b.WriteString(`<del><span class="visually-hidden">[deleted: </span>` + t + `<span class="visually-hidden">]</span></del>`)
		default:
			w.b.WriteString(t)
		}
		if len(edits) > 0 && w.edits[edits[0]].End == k+1 {
			w.b.WriteString("</span>")
			switch mode {
			case navInline:
				w.nav(edits[0], false)
			case navAfter:
				pending = append(pending, edits[0])
			}
			edits = edits[1:]
		}
	}
	return pending
}

// navs writes the links of edits ns in a paragraph of their own, if there
// are any, with the edits' ids if ids.
func (w *htmlWriter) navs(ns []int, ids bool) {
	if len(ns) == 0 {
		return
	}
	w.b.WriteString(`<p class="change-navs">`)
	for _, n := range ns {
		w.nav(n, ids)
	}
	w.b.WriteString("</p>\n")
}

// nav writes the number of edit n (from 0) and the links to the edits
// before and after it; with id, the edit's id "change-N" too.
func (w *htmlWriter) nav(n int, id bool) {
	w.b.WriteString(`<span class="change-nav"`)
	if id {
		w.b.WriteString(` id="change-` + strconv.Itoa(n+1) + `"`)
	}
	w.b.WriteString(`><span class="change-no">Change ` + strconv.Itoa(n+1) + " of " + strconv.Itoa(len(w.edits)) + "</span>")
	if n > 0 {
		w.b.WriteString(` <a href="#change-` + strconv.Itoa(n) + `">Previous change</a>`)
	}
	if n+1 < len(w.edits) {
		w.b.WriteString(` <a href="#change-` + strconv.Itoa(n+2) + `">Next change</a>`)
	}
	w.b.WriteString("</span>")
}
