// Package diff compares two versions of a notice: the semantic changelog,
// computed from the frozen data snapshots (what changed in the privacy
// programme, each change material or minor, with the reason), and the
// word-level redline of the notice text.
package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says what a redline operation does.
type OpKind int

// The operations.
const (
	Equal OpKind = iota
	Insert
	Delete
)

// Op is a run of text kept, inserted or deleted.
type Op struct {
	Kind OpKind
	Text string
}

// tokens splits s into words, runs of spaces and single punctuation marks,
// so the diff never splits a word.
func tokens(s string) []string {
	var out []string
	start := 0
	class := func(r rune) int {
		switch {
		case unicode.IsSpace(r):
			return 1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			return 2
		}
		return 3
	}
	prev := -1
	for i, r := range s {
		c := class(r)
		if i > start && (c != prev || c == 3) {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// Redline returns the word-level differences that turn old into new.
// Joining the Equal and Delete runs gives old; Equal and Insert, new.
func Redline(old, new string) []Op {
	// Map each distinct token to a rune, diff the rune strings, and map back:
	// diffmatchpatch then works on words, not characters.
	index := map[string]rune{}
	var table []string
	encode := func(s string) []rune {
		var rs []rune
		for _, t := range tokens(s) {
			r, ok := index[t]
			if !ok {
				r = rune(len(table))
				if r >= 0xD800 {
					r += 0x800 // skip surrogates
				}
				index[t] = r
				table = append(table, t)
			}
			rs = append(rs, r)
		}
		return rs
	}
	a, b := encode(old), encode(new)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var ops []Op
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			i := int(r)
			if i >= 0xD800+0x800 {
				i -= 0x800
			}
			sb.WriteString(table[i])
		}
		kind := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			kind = Insert
		case diffmatchpatch.DiffDelete:
			kind = Delete
		}
		if n := len(ops); n > 0 && ops[n-1].Kind == kind {
			ops[n-1].Text += sb.String()
			continue
		}
		ops = append(ops, Op{Kind: kind, Text: sb.String()})
	}
	return ops
}

// Texts returns the old and new texts a redline joins.
func Texts(ops []Op) (old, new string) {
	var o, n strings.Builder
	for _, op := range ops {
		if op.Kind != Insert {
			o.WriteString(op.Text)
		}
		if op.Kind != Delete {
			n.WriteString(op.Text)
		}
	}
	return o.String(), n.String()
}

// Changed reports whether a redline inserts or deletes anything.
func Changed(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != Equal {
			return true
		}
	}
	return false
}

// BlockKind says what a block of a redline is.
type BlockKind int

// The kinds of block, as the reading text (render.Plain) writes them: a
// heading starts with "#" marks, one per level; a list item with "• "; a
// table is a run of lines without a blank one between them whose cells are
// joined by " — "; anything else is a paragraph.
const (
	Paragraph BlockKind = iota
	Heading
	Item
	Row
)

// Block is a block of a redline's text.
type Block struct {
	Kind BlockKind
	// Level is a heading's level: 1 for the notice's title, 2 for a
	// section, 3 for a subsection, and so on.
	Level int
	// Cells hold the block's text, marked: one cell for a paragraph,
	// heading or item (without its "#" or "• " marks), one per column for
	// a table row.
	Cells [][]Op
	// TableStart is true for the first row of a table (its header).
	TableStart bool
	// Caption is true for a paragraph that is the caption of the table
	// after it: the line just before its first row, with no blank line
	// between them.
	Caption bool
}

// Text returns the cell's new text (kept and inserted runs), or the old
// one if everything in it was deleted.
func Text(cell []Op) string {
	var n, o strings.Builder
	for _, op := range cell {
		if op.Kind != Delete {
			n.WriteString(op.Text)
		}
		if op.Kind != Insert {
			o.WriteString(op.Text)
		}
	}
	if strings.TrimSpace(n.String()) == "" {
		return strings.TrimSpace(o.String())
	}
	return strings.TrimSpace(n.String())
}

// Blocks returns the structure of a redline of two reading texts: its
// headings, paragraphs, list items and table rows, each with the words
// inserted and deleted in it. Only the layout marks ("## ", "• ", the
// " — " between cells, line breaks) are left out: the words of the blocks,
// joined, are the words of the redline. A line break that only one text
// has breaks the block there.
func Blocks(ops []Op) []Block {
	// Deleted lines followed by inserted ones (both starting at a line
	// break) read better with the inserted lines first: they continue the
	// block before them, as a new table row after the last kept one.
	ops = slices.Clone(ops)
	for i := 0; i+1 < len(ops); i++ {
		if ops[i].Kind == Delete && ops[i+1].Kind == Insert && strings.HasPrefix(ops[i].Text, "\n") && strings.HasPrefix(ops[i+1].Text, "\n") {
			ops[i], ops[i+1] = ops[i+1], ops[i]
			i++
		}
	}
	// A deleted run that starts a line, followed by an inserted one that
	// ends a line, replaces whole lines: each keeps a line of its own.
	for i := 0; i+1 < len(ops); i++ {
		startsLine := i == 0 || strings.HasSuffix(ops[i-1].Text, "\n")
		endsLine := i+2 == len(ops) || strings.HasPrefix(ops[i+2].Text, "\n")
		if ops[i].Kind == Delete && ops[i+1].Kind == Insert && startsLine && endsLine {
			ops = slices.Insert(ops, i+1, Op{Equal, "\n"})
			i++
		}
	}
	// Split into lines.
	var lines [][]Op
	var cur []Op
	for _, op := range ops {
		for i, part := range strings.Split(op.Text, "\n") {
			if i > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			if part != "" {
				cur = append(cur, Op{op.Kind, part})
			}
		}
	}
	lines = append(lines, cur)
	// Group lines between blank ones.
	var out []Block
	var group [][]Op
	flush := func() {
		for _, l := range group {
			out = append(out, classify(l, len(group)))
		}
		if len(group) > 1 && len(out) > 0 {
			// Mark the first row of each table.
			for i := len(out) - len(group); i < len(out); i++ {
				if out[i].Kind == Row && (i == len(out)-len(group) || out[i-1].Kind != Row) {
					out[i].TableStart = true
					if i > len(out)-len(group) && out[i-1].Kind == Paragraph {
						out[i-1].Caption = true
					}
				}
			}
		}
		group = nil
	}
	for _, l := range lines {
		if blank(l) {
			flush()
			continue
		}
		group = append(group, l)
	}
	flush()
	return out
}

func blank(line []Op) bool {
	for _, op := range line {
		if strings.TrimSpace(op.Text) != "" {
			return false
		}
	}
	return true
}

// classify returns the block of one line of a group of n lines.
func classify(line []Op, n int) Block {
	o1, n1 := Texts(line)
	lead := n1
	if strings.TrimSpace(n1) == "" {
		lead = o1
	}
	lead = strings.TrimLeft(lead, " ")
	switch {
	case headingMarks(lead) > 0:
		level := headingMarks(lead)
		return Block{Kind: Heading, Level: level, Cells: [][]Op{trimCell(dropPrefix(line, '#', level))}}
	case strings.HasPrefix(lead, "• "):
		return Block{Kind: Item, Cells: [][]Op{trimCell(dropPrefix(line, '•', 1))}}
	case n > 1 && (strings.Contains(n1, " — ") || strings.Contains(o1, " — ")):
		return Block{Kind: Row, Cells: splitCells(line)}
	}
	return Block{Kind: Paragraph, Cells: [][]Op{trimCell(line)}}
}

// headingMarks returns the number of "#" marks a heading line starts with,
// or 0 if it is not a heading.
func headingMarks(s string) int {
	n := len(s) - len(strings.TrimLeft(s, "#"))
	if n == 0 || n > 6 || !strings.HasPrefix(s[n:], " ") {
		return 0
	}
	return n
}

// dropPrefix removes a line's leading spaces, up to marks mark characters
// (the "#" marks or the bullet), whatever runs they are in, and the spaces
// after them. It stops at the first other character.
func dropPrefix(line []Op, mark rune, marks int) []Op {
	var out []Op
	text := false
	for _, op := range line {
		t := op.Text
		for !text && t != "" {
			r, size := utf8.DecodeRuneInString(t)
			switch {
			case r == ' ':
			case r == mark && marks > 0:
				marks--
			default:
				text = true
				continue
			}
			t = t[size:]
		}
		if t != "" {
			out = append(out, Op{op.Kind, t})
		}
	}
	return out
}

// trimCell removes the spaces around a cell's text.
func trimCell(cell []Op) []Op {
	for len(cell) > 0 {
		t := strings.TrimLeft(cell[0].Text, " ")
		if t != "" {
			cell[0].Text = t
			break
		}
		cell = cell[1:]
	}
	for len(cell) > 0 {
		last := len(cell) - 1
		t := strings.TrimRight(cell[last].Text, " ")
		if t != "" {
			cell[last].Text = t
			break
		}
		cell = cell[:last]
	}
	return cell
}

// splitCells splits a table row at each " — " between its cells, whatever
// runs the separator's characters are in.
func splitCells(line []Op) [][]Op {
	type char struct {
		kind OpKind
		r    rune
	}
	var cs []char
	for _, op := range line {
		for _, r := range op.Text {
			cs = append(cs, char{op.Kind, r})
		}
	}
	var cells [][]Op
	var cur []Op
	for i := 0; i < len(cs); i++ {
		if i+2 < len(cs) && cs[i].r == ' ' && cs[i+1].r == '—' && cs[i+2].r == ' ' {
			cells = append(cells, trimCell(cur))
			cur = nil
			i += 2
			continue
		}
		if n := len(cur); n > 0 && cur[n-1].Kind == cs[i].kind {
			cur[n-1].Text += string(cs[i].r)
		} else {
			cur = append(cur, Op{cs[i].kind, string(cs[i].r)})
		}
	}
	return append(cells, trimCell(cur))
}
