package notice

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// readingMD parses the IR's Markdown to read its text.
var readingMD = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// InlineText is inline Markdown as it reads, without markup, on one line:
// a table cell for a CSV file, say. It undoes Plain: InlineText(Plain(s))
// is s with its runs of white space made single spaces.
func InlineText(t Text) string {
	src := []byte(t)
	return nodeText(readingMD.Parser().Parse(text.NewReader(src)), src)
}

// ProseText is the team's Markdown (a Prose block) as it reads, without
// markup: one line per paragraph or heading, each followed by a blank line,
// and a list's items one a line, each starting "• ", the list followed by
// a blank line.
func ProseText(md string) string {
	var b strings.Builder
	src := []byte(md)
	proseBlocks(&b, readingMD.Parser().Parse(text.NewReader(src)), src, "")
	return b.String()
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
	return OneLine(b.String())
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
