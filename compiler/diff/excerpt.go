package diff

import (
	"strings"
	"unicode"
)

// Excerpt is a redline's changes in one section, cut short for a review (a
// pull-request comment): each changed block with a few words of context
// around its edits.
type Excerpt struct {
	// Title, Within and Level name the section as Summarize does.
	Title  string
	Within []string
	Level  int
	// Edits is the number of the section's edits (Edits), Passages the
	// changed blocks shown, in reading order, and More the changed blocks
	// of the section left out.
	Edits    int
	Passages []Passage
	More     int
}

// Passage is one changed block of an excerpt: its text marked as in the
// redline, with the kept text far from any edit cut out. A kept run with
// no text stands for the text cut out between two edits; Before and After
// say whether text was cut before the first run and after the last.
type Passage struct {
	Ops           []Op
	Before, After bool
}

// ExcerptOptions bound an excerpt.
type ExcerptOptions struct {
	// Context is the number of words kept on each side of an edit
	// (default 8); Blocks the number of changed blocks shown per section
	// (default 3).
	Context, Blocks int
}

// Excerpts returns a redline's changes, by section in reading order, with
// at most opts.Blocks changed blocks per section, each cut down to its
// edits and opts.Context words around them.
func Excerpts(blocks []Block, opts ExcerptOptions) []Excerpt {
	if opts.Context <= 0 {
		opts.Context = 8
	}
	if opts.Blocks <= 0 {
		opts.Blocks = 3
	}
	sum := Summarize(blocks)
	edits := Edits(blocks)
	var out []Excerpt
	n := 0
	for _, s := range sum.Sections {
		ex := Excerpt{Title: s.Title, Within: s.Within, Level: s.Level, Edits: s.Count}
		last := -1
		for _, e := range edits[n : n+s.Count] {
			if e.Block == last {
				continue
			}
			last = e.Block
			if len(ex.Passages) == opts.Blocks {
				ex.More++
				continue
			}
			ex.Passages = append(ex.Passages, passage(blocks[e.Block], opts.Context))
		}
		n += s.Count
		out = append(out, ex)
	}
	return out
}

// passage cuts a changed block down to its edits and context words of kept
// text on each side; the cells of a table row are joined with " | ".
func passage(bl Block, context int) Passage {
	var ops []Op
	for c, cell := range bl.Cells {
		if c > 0 {
			ops = append(ops, Op{Kind: Equal, Text: " | "})
		}
		ops = append(ops, cell...)
	}
	// Split the kept runs into words, so context can be counted in words.
	type piece struct {
		op   Op
		word bool // a kept word (not spaces)
	}
	var ps []piece
	for _, op := range ops {
		if op.Kind != Equal {
			ps = append(ps, piece{op: op})
			continue
		}
		for _, t := range strings.SplitAfter(op.Text, " ") {
			if t == "" {
				continue
			}
			ps = append(ps, piece{op: Op{Kind: Equal, Text: t}, word: strings.TrimFunc(t, unicode.IsSpace) != ""})
		}
	}
	// keep[i]: piece i is an edit or within context words of one.
	keep := make([]bool, len(ps))
	for i, p := range ps {
		if p.op.Kind == Equal || strings.TrimSpace(p.op.Text) == "" {
			continue
		}
		keep[i] = true
		for j, w := i-1, 0; j >= 0 && w < context; j-- {
			keep[j] = true
			if ps[j].word {
				w++
			}
		}
		for j, w := i+1, 0; j < len(ps) && w < context; j++ {
			keep[j] = true
			if ps[j].word {
				w++
			}
		}
	}
	var p Passage
	for i, pc := range ps {
		if !keep[i] {
			switch {
			case len(p.Ops) == 0:
				p.Before = true
			case p.Ops[len(p.Ops)-1].Kind != Equal || p.Ops[len(p.Ops)-1].Text != "":
				p.Ops = append(p.Ops, Op{Kind: Equal}) // a gap
			}
			continue
		}
		if n := len(p.Ops); n > 0 && p.Ops[n-1].Kind == pc.op.Kind && pc.op.Kind == Equal && p.Ops[n-1].Text != "" {
			p.Ops[n-1].Text += pc.op.Text
			continue
		}
		p.Ops = append(p.Ops, pc.op)
	}
	if n := len(p.Ops); n > 0 && p.Ops[n-1].Kind == Equal && p.Ops[n-1].Text == "" {
		p.Ops, p.After = p.Ops[:n-1], true
	}
	return p
}
