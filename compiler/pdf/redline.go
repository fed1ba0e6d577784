package pdf

import (
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Redline typesets a redline like a notice: head gives the title block
// (title, organisation, dates) and the introduction, then come a legend and
// the blocks of diff.Blocks: headings as headings, each with a bookmark,
// list items as a list, table rows as tables (the first row of each its
// header), paragraphs. Inserted words are underlined and deleted ones
// struck through, so the marks read without colour; colour (green, red) is
// a second sign. head's sections are not used. Like Render, it returns
// the characters the fonts cannot show instead of a PDF.
func Redline(head *notice.Document, text []diff.Block, opts Options) ([]byte, []Unsupported, error) {
	return typeset(head, opts, func(r *renderer) {
		for _, b := range text {
			if b.Kind == diff.Heading {
				r.checking = diff.Text(b.Cells[0])
			}
			for _, c := range b.Cells {
				for _, op := range c {
					r.checkText(op.Text)
				}
			}
		}
	}, func(r *renderer) { r.redline(text) })
}

// marked returns the runs of a redline cell.
func marked(cell []diff.Op, bold bool) []run {
	out := make([]run, 0, len(cell))
	for _, op := range cell {
		out = append(out, run{text: op.Text, bold: bold, ins: op.Kind == diff.Insert, del: op.Kind == diff.Delete})
	}
	return out
}

func (r *renderer) redline(blocks []diff.Block) {
	f := r.f
	// The legend, its marks drawn as it says.
	w := r.opts.words()
	r.paragraph([]run{
		{text: w.LegendLead, bold: true},
		{text: w.Inserted, ins: true},
		{text: w.InsertedColour},
		{text: w.Deleted, del: true},
		{text: w.DeletedColour},
	}, 0)
	f.Ln(2)
	outline := -1 // the bookmark level of the last heading
	list := false // whether a list (an L element) is open
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if list && b.Kind != diff.Item {
			r.tag.close()
			list = false
		}
		switch b.Kind {
		case diff.Heading:
			level := max(0, min(b.Level-2, outline+1))
			outline = level
			// Heading levels never skip one: H2 under the H1 title,
			// then at most one deeper than the last.
			r.heading(marked(b.Cells[0], true), diff.Text(b.Cells[0]), "", level, level+2)
		case diff.Item:
			if !list {
				r.tag.open("L")
				list = true
			}
			r.item("•", marked(b.Cells[0], false), 0)
			if i+1 == len(blocks) || blocks[i+1].Kind != diff.Item {
				f.Ln(1.5)
			}
		case diff.Row:
			j := i + 1
			for j < len(blocks) && blocks[j].Kind == diff.Row && !blocks[j].TableStart {
				j++
			}
			rows := make([][][]run, 0, j-i)
			for _, row := range blocks[i:j] {
				cells := make([][]run, len(row.Cells))
				for k, c := range row.Cells {
					cells[k] = marked(c, false)
				}
				rows = append(rows, cells)
			}
			r.grid("", rows[0], rows[1:])
			i = j - 1
		default:
			r.paragraph(marked(b.Cells[0], false), 0)
		}
	}
	if list {
		r.tag.close()
	}
}
