package render

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/disclose-dev/disclose/compiler/notice"
)

var plainMD = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

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
			b.WriteString(inlinePlain(string(bl.Text)) + "\n\n")
		case *notice.List:
			for _, it := range bl.Items {
				b.WriteString("• " + inlinePlain(string(it)) + "\n")
			}
			b.WriteString("\n")
		case *notice.Definitions:
			for _, d := range bl.Items {
				b.WriteString(inlinePlain(string(d.Term)) + ": " + inlinePlain(string(d.Text)) + "\n")
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
					cells[i] = inlinePlain(string(c))
				}
				b.WriteString(strings.Join(cells, " — ") + "\n")
			}
			b.WriteString("\n")
		case *notice.Prose:
			src := []byte(bl.Markdown)
			root := plainMD.Parser().Parse(text.NewReader(src))
			proseBlocks(b, root, src, "")
		case *notice.Aside:
			if bl.Title != "" {
				b.WriteString(bl.Title + "\n\n")
			}
			blocksPlain(b, doc, bl.Blocks)
		case *notice.KeyPoints:
			for _, p := range bl.Points {
				line := inlinePlain(string(p.Text))
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

func proseBlocks(b *strings.Builder, n ast.Node, src []byte, prefix string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindList:
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				proseBlocks(b, it, src, "• ")
			}
			b.WriteString("\n")
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			b.WriteString(prefix + nodeText(c, src) + "\n")
			if prefix == "" {
				b.WriteString("\n")
			}
		default:
			proseBlocks(b, c, src, prefix)
		}
	}
}

// InlineText is inline Markdown as it reads, without markup, on one line:
// a table cell for a CSV file, say.
func InlineText(t notice.Text) string { return inlinePlain(string(t)) }

func inlinePlain(md string) string {
	src := []byte(md)
	return nodeText(plainMD.Parser().Parse(text.NewReader(src)), src)
}

// nodeText returns the text under n, without markup, on one line.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(unescape(t.Segment.Value(src)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// unescape returns Markdown text as it reads, in one pass as goldmark's
// renderer does: a backslash-escaped character is itself ("\\&amp;" reads
// "&amp;"), and entity and numeric references elsewhere are resolved.
func unescape(src []byte) []byte {
	var out []byte
	resolve := func(run []byte) {
		out = append(out, util.ResolveNumericReferences(util.ResolveEntityNames(run))...)
	}
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]) {
			resolve(src[start:i])
			out = append(out, src[i+1])
			i++
			start = i + 1
		}
	}
	resolve(src[start:])
	return out
}
