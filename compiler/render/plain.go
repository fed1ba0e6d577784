package render

import (
	"strings"

	"github.com/disclose-dev/disclose/compiler/notice"
)

// Plain renders doc as reading text, one paragraph per line: headings start
// with "#" marks (one per level), list items with "• ", table rows join
// their cells with " — ", and Markdown markup is gone. It is what redlines
// compare, so a change reads as a change to the words people read.
func Plain(doc *notice.Document) string {
	var b strings.Builder
	b.WriteString("# " + doc.Title + "\n\n")
	blocksPlain(&b, doc, doc.Intro)
	doc.Walk(func(s *notice.Section, depth int) {
		b.WriteString(strings.Repeat("#", depth+1) + " " + s.Title + "\n\n")
		blocksPlain(&b, doc, s.Blocks)
	})
	return b.String()
}

func blocksPlain(b *strings.Builder, doc *notice.Document, bs []notice.Block) {
	for _, bl := range bs {
		switch bl := bl.(type) {
		case *notice.Paragraph:
			b.WriteString(notice.InlineText(bl.Text) + "\n\n")
		case *notice.List:
			for _, it := range bl.Items {
				b.WriteString("• " + notice.InlineText(it) + "\n")
			}
			b.WriteString("\n")
		case *notice.Definitions:
			for _, d := range bl.Items {
				b.WriteString(notice.InlineText(d.Term) + ": " + notice.InlineText(d.Text) + "\n")
			}
			b.WriteString("\n")
		case *notice.Table:
			if bl.Caption != "" {
				b.WriteString(bl.Caption + "\n")
			}
			b.WriteString(strings.Join(bl.Head, " — ") + "\n")
			for _, r := range bl.Rows {
				cells := make([]string, len(r))
				for i, c := range r {
					cells[i] = notice.InlineText(c)
				}
				b.WriteString(strings.Join(cells, " — ") + "\n")
			}
			b.WriteString("\n")
		case *notice.Prose:
			b.WriteString(notice.ProseText(bl.Markdown))
		case *notice.Aside:
			if bl.Title != "" {
				b.WriteString(bl.Title + "\n\n")
			}
			blocksPlain(b, doc, bl.Blocks)
		case *notice.KeyPoints:
			for _, p := range bl.Points {
				line := notice.InlineText(p.Text)
				if p.Label != "" {
					line = p.Label + ": " + line
				}
				if title, ok := PointSection(doc, p); ok {
					line += " See " + title + "."
				}
				b.WriteString("• " + line + "\n")
			}
			b.WriteString("\n")
		case *notice.Actions:
			for _, a := range bl.Items {
				b.WriteString("• " + a.Label + "\n")
			}
			b.WriteString("\n")
		}
	}
}
