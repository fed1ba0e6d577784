package diff

import (
	"slices"
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
// redline, with the kept text far from any edit cut out, and the middle of
// a long inserted or deleted run. A kept run with no text stands for text
// cut out (between two edits, or inside a run); Before and After say
// whether text was cut before the first run and after the last. A table
// row's cells are joined with " — ", each after the first named by its
// column's heading ("Retention: 36 months") when the table has one.
type Passage struct {
	Ops           []Op
	Before, After bool
	// Places is the number of the section's changed blocks that read as
	// this passage: 1, or more when the same change was made in several
	// places (a row repeated in two tables), shown once.
	Places int
}

// ExcerptOptions bound an excerpt.
type ExcerptOptions struct {
	// Context is the number of words kept on each side of an edit
	// (default 8); Blocks the number of changed blocks shown per section
	// (default 3).
	Context, Blocks int
}

// Long inserted or deleted runs: a run of more than longRun words is cut to
// its first and last runEnds words.
const (
	longRun = 40
	runEnds = 15
)

// Excerpts returns a redline's changes, by section in reading order, with
// at most opts.Blocks changed blocks per section, each cut down to its
// edits and opts.Context words around them. A changed block that reads as
// one already shown in its section is not shown again but counted in that
// passage's Places.
func Excerpts(blocks []Block, opts ExcerptOptions) []Excerpt {
	if opts.Context <= 0 {
		opts.Context = 8
	}
	if opts.Blocks <= 0 {
		opts.Blocks = 3
	}
	sum := Summarize(blocks)
	edits := Edits(blocks)
	header := headers(blocks)
	var out []Excerpt
	n := 0
	for _, s := range sum.Sections {
		ex := Excerpt{Title: s.Title, Within: s.Within, Level: s.Level, Edits: s.Count}
		last := -1
	next:
		for _, e := range edits[n : n+s.Count] {
			if e.Block == last {
				continue
			}
			last = e.Block
			var head *Block
			if h := header[e.Block]; h >= 0 {
				head = &blocks[h]
			}
			p := passage(blocks[e.Block], head, opts.Context)
			for k := range ex.Passages {
				if samePassage(ex.Passages[k], p) {
					ex.Passages[k].Places++
					continue next
				}
			}
			if len(ex.Passages) == opts.Blocks {
				ex.More++
				continue
			}
			ex.Passages = append(ex.Passages, p)
		}
		n += s.Count
		out = append(out, ex)
	}
	return out
}

func samePassage(p, q Passage) bool {
	return p.Before == q.Before && p.After == q.After && slices.Equal(p.Ops, q.Ops)
}

// headers returns, for each block, the index of the header row of its
// table (the table's first row), or -1 for a block that is not a further
// row of a table.
func headers(blocks []Block) []int {
	out := make([]int, len(blocks))
	h := -1
	for i, bl := range blocks {
		switch {
		case bl.Kind != Row:
			h = -1
		case bl.TableStart:
			h = i
			out[i] = -1
			continue
		}
		out[i] = h
	}
	return out
}

// passage cuts a changed block down to its edits and context words of kept
// text on each side, and each long inserted or deleted run to its ends; the
// cells of a table row are joined with " — ", each after the first named
// by its column's heading when head (the table's header row) has as many.
func passage(bl Block, head *Block, context int) Passage {
	// The pieces of the block: kept words (each with the spaces after it),
	// edits, and the marks between cells, kept only with the text around
	// them.
	type piece struct {
		op   Op
		word bool // a kept word (not spaces)
		mark bool // a separator or column heading
	}
	var ps []piece
	for c, cell := range bl.Cells {
		if c > 0 {
			ps = append(ps, piece{op: Op{Kind: Equal, Text: " — "}, mark: true})
			if head != nil && len(head.Cells) == len(bl.Cells) && len(cell) > 0 {
				if h := Text(head.Cells[c]); h != "" {
					ps = append(ps, piece{op: Op{Kind: Equal, Text: h + ": "}, mark: true})
				}
			}
		}
		for _, op := range cell {
			if op.Kind != Equal {
				ps = append(ps, piece{op: op})
				continue
			}
			for _, t := range splitWords(op.Text) {
				ps = append(ps, piece{op: Op{Kind: Equal, Text: t}, word: strings.TrimFunc(t, unicode.IsSpace) != ""})
			}
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
	// A column heading is kept with the text after it, a separator with
	// the text on both sides.
	for i := len(ps) - 1; i >= 0; i-- {
		if !ps[i].mark {
			continue
		}
		after := i+1 < len(ps) && keep[i+1]
		if ps[i].op.Text == " — " {
			keep[i] = after && i > 0 && keep[i-1]
		} else {
			keep[i] = after
		}
	}
	p := Passage{Places: 1}
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
		if pc.op.Kind != Equal {
			p.Ops = append(p.Ops, cutRun(pc.op)...)
			continue
		}
		p.Ops = append(p.Ops, pc.op)
	}
	if n := len(p.Ops); n > 0 && p.Ops[n-1].Kind == Equal && p.Ops[n-1].Text == "" {
		p.Ops, p.After = p.Ops[:n-1], true
	}
	return p
}

// splitWords splits s into words, each with the white space after it (a
// leading run of white space is a piece of its own): joined, they give s.
func splitWords(s string) []string {
	var out []string
	start, space := 0, false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if space && !sp && i > start {
			out = append(out, s[start:i])
			start = i
		}
		space = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// cutRun cuts an inserted or deleted run of more than longRun words to its
// first and last runEnds words, with a gap (a kept run with no text)
// between them.
func cutRun(op Op) []Op {
	ws := splitWords(op.Text)
	words := 0
	for _, w := range ws {
		if strings.TrimFunc(w, unicode.IsSpace) != "" {
			words++
		}
	}
	if words <= longRun {
		return []Op{op}
	}
	// The first runEnds words (and any space before them), and the last
	// runEnds (and any space after them).
	head, lead := 0, 0
	if strings.TrimFunc(ws[0], unicode.IsSpace) == "" {
		lead = 1
	}
	for _, w := range ws[:lead+runEnds] {
		head += len(w)
	}
	tail := len(op.Text)
	for _, w := range ws[len(ws)-runEnds:] {
		tail -= len(w)
	}
	first := strings.TrimRightFunc(op.Text[:head], unicode.IsSpace)
	return []Op{{Kind: op.Kind, Text: first}, {Kind: Equal}, {Kind: op.Kind, Text: op.Text[tail:]}}
}
