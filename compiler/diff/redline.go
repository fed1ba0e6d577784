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
		if r < utf8.RuneSelf { // what unicode's tables say of ASCII, without them
			switch {
			case r == ' ' || '\t' <= r && r <= '\r':
				return 1
			case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\'':
				return 2
			}
			return 3
		}
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
//
// Its cost is bounded: two texts that differ by at most wholeBudget words,
// spaces and marks are diffed word by word as a whole; others section by
// section (a section being a heading line and the lines up to the next
// one, matched by their headings), then line by line (a line is a
// paragraph, list item or table row; equal lines are matched), and word by
// word only inside changed runs of lines, or changed lines, that differ by
// at most partBudget. A changed line beyond it is replaced whole. So a
// redline takes time linear in the texts' length, however much changed.
func Redline(old, new string) []Op {
	a, b := tokens(old), tokens(new)
	if ops, ok := diffWithin(a, b, wholeBudget); ok {
		return ops
	}
	r := redliner{old: newText(old, a), new: newText(new, b)}
	r.sections()
	return r.result()
}

// wholeBudget and partBudget bound the number of differences (words,
// spaces and marks inserted or deleted) of two texts, and of two sections
// or runs of lines, that are diffed word by word: diffmatchpatch takes
// time of the order of their length plus that number squared. Notices
// that differ by at most wholeBudget (all those released so far) are
// diffed as a whole, as they always were.
const (
	wholeBudget = 8000
	partBudget  = 200
)

func commonPrefix[T comparable](a, b []T) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix[T comparable](a, b []T) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// diffWithin diffs two runs of tokens word by word if they differ by at
// most limit tokens, and reports whether they do.
func diffWithin(a, b []string, limit int) ([]Op, bool) {
	// Map each distinct token to a rune, diff the rune strings, and map back:
	// diffmatchpatch then works on words, not characters.
	index := make(map[string]rune, len(a))
	var table []string
	var count []int
	encode := func(ts []string, by int) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := index[t]
			if !ok {
				r = rune(len(table))
				if r >= 0xD800 {
					r += 0x800 // skip surrogates
				}
				index[t] = r
				table = append(table, t)
				count = append(count, 0)
			}
			rs[i] = r
			count[code(r)] += by
		}
		return rs
	}
	ra, rb := encode(a, 1), encode(b, -1)
	if !within(ra, rb, count, limit) {
		return nil, false
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var ops []Op
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(table[code(r)])
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
	return ops, true
}

// code returns the index of a token from its rune.
func code(r rune) int {
	if i := int(r); i < 0xD800+0x800 {
		return i
	}
	return int(r) - 0x800
}

// within reports whether two runs of tokens, as runes, differ by at most
// limit tokens; count holds, by token, how many more times a has it than b.
func within(a, b []rune, count []int, limit int) bool {
	n := commonPrefix(a, b)
	a, b = a[n:], b[n:]
	n = commonSuffix(a, b)
	a, b = a[:len(a)-n], b[:len(b)-n]
	if len(a)+len(b) <= limit || len(a) == 0 || len(b) == 0 {
		return true
	}
	// The tokens one text has more often than the other are a lower bound
	// of the distance, found in linear time.
	bound := 0
	for _, c := range count {
		bound += max(c, -c)
	}
	return bound <= limit && distance(a, b, limit) <= limit
}

// A text is a text cut into tokens, with each token's offset.
type text struct {
	s    string
	toks []string
	off  []int // off[i] is the offset of toks[i]; off[len(toks)] is len(s)
	// lines are the text's lines, each with its line break (the tokenizer
	// keeps a run of line breaks in one token, so a line may end with
	// several: the blank lines stay with the line before them).
	lines []unit
}

// A unit is a line or a section of a text: tokens [lo, hi), and the key
// that matches it with a unit of the other text (a line's text, a
// section's heading line).
type unit struct {
	lo, hi int
	key    string
}

func newText(s string, toks []string) *text {
	t := &text{s: s, toks: toks, off: make([]int, len(toks)+1)}
	at := 0
	for i, tok := range toks {
		t.off[i] = at
		at += len(tok)
	}
	t.off[len(toks)] = at
	start := 0
	for i, tok := range toks {
		if strings.Contains(tok, "\n") {
			t.lines = append(t.lines, t.unit(start, i+1))
			start = i + 1
		}
	}
	if start < len(toks) {
		t.lines = append(t.lines, t.unit(start, len(toks)))
	}
	return t
}

func (t *text) unit(lo, hi int) unit { return unit{lo, hi, t.s[t.off[lo]:t.off[hi]]} }

// span returns the tokens of a run of consecutive units.
func (t *text) span(us []unit) []string {
	if len(us) == 0 {
		return nil
	}
	return t.toks[us[0].lo:us[len(us)-1].hi]
}

// sections returns the text's sections, each a run of its lines from a
// heading line ("#" marks and a space) to the next, keyed by the heading;
// first are the lines [0, n) of each.
func (t *text) sections() (secs []unit, first []int) {
	for i, l := range t.lines {
		if headingMarks(l.key) > 0 || i == 0 {
			secs = append(secs, unit{lo: l.lo, key: l.key})
			first = append(first, i)
		}
		secs[len(secs)-1].hi = l.hi
	}
	return secs, first
}

// redliner collects a bounded redline's operations.
type redliner struct {
	old, new *text
	ops      []Op
	// parts are the texts of each operation, joined by result.
	parts [][]string
}

// add appends ops, joining runs of the same kind, and putting the deleted
// text of a run of changes before its inserted text, as diffmatchpatch
// does.
func (r *redliner) add(ops ...Op) {
	for _, op := range ops {
		if op.Text == "" {
			continue
		}
		n := len(r.ops)
		switch {
		case n > 0 && r.ops[n-1].Kind == op.Kind:
			r.parts[n-1] = append(r.parts[n-1], op.Text)
		case op.Kind == Delete && n > 0 && r.ops[n-1].Kind == Insert:
			if n > 1 && r.ops[n-2].Kind == Delete {
				r.parts[n-2] = append(r.parts[n-2], op.Text)
			} else {
				r.ops = slices.Insert(r.ops, n-1, Op{Kind: Delete})
				r.parts = slices.Insert(r.parts, n-1, []string{op.Text})
			}
		default:
			r.ops = append(r.ops, Op{Kind: op.Kind})
			r.parts = append(r.parts, []string{op.Text})
		}
	}
}

// result returns the operations added.
func (r *redliner) result() []Op {
	for i := range r.ops {
		r.ops[i].Text = strings.Join(r.parts[i], "")
	}
	return r.ops
}

// sections diffs the texts' sections: matched ones (same heading) line by
// line, each run of unmatched ones between them as one run of lines.
func (r *redliner) sections() {
	a, fa := r.old.sections()
	b, fb := r.new.sections()
	// lines returns the lines of sections [from, to).
	lines := func(t *text, first []int, from, to int) []unit {
		if from == to {
			return nil
		}
		end := len(t.lines)
		if to < len(first) {
			end = first[to]
		}
		return t.lines[first[from]:end]
	}
	i, j := 0, 0
	for _, m := range align(a, b) {
		r.lines(lines(r.old, fa, i, m[0]), lines(r.new, fb, j, m[1]))
		r.lines(lines(r.old, fa, m[0], m[0]+1), lines(r.new, fb, m[1], m[1]+1))
		i, j = m[0]+1, m[1]+1
	}
	r.lines(lines(r.old, fa, i, len(a)), lines(r.new, fb, j, len(b)))
}

// lines diffs two runs of lines: word by word within the budget, else
// equal lines are kept, and each run of changed lines between them is
// diffed as changed says.
func (r *redliner) lines(a, b []unit) {
	if len(a) == 0 && len(b) == 0 {
		return
	}
	if ops, ok := diffWithin(r.old.span(a), r.new.span(b), partBudget); ok {
		r.add(ops...)
		return
	}
	ms := align(a, b)
	if len(ms) == 0 {
		r.changed(a, b, false)
		return
	}
	i, j := 0, 0
	for _, m := range ms {
		r.changed(a[i:m[0]], b[j:m[1]], true)
		r.add(Op{Equal, a[m[0]].key})
		i, j = m[0]+1, m[1]+1
	}
	r.changed(a[i:], b[j:], true)
}

// changed diffs a run of changed lines: word by word within the budget
// (if try), else line by line in order (the first old line with the first
// new one, and so on), each pair word by word within the budget or
// replaced whole, the lines only one run has deleted or inserted whole.
func (r *redliner) changed(a, b []unit, try bool) {
	if try {
		if ops, ok := diffWithin(r.old.span(a), r.new.span(b), partBudget); ok {
			r.add(ops...)
			return
		}
	}
	for k := 0; k < max(len(a), len(b)); k++ {
		if k >= len(a) {
			r.add(Op{Insert, b[k].key})
			continue
		}
		if k >= len(b) {
			r.add(Op{Delete, a[k].key})
			continue
		}
		ta, tb := r.old.span(a[k:k+1]), r.new.span(b[k:k+1])
		if ops, ok := diffWithin(ta, tb, partBudget); ok {
			r.add(ops...)
			continue
		}
		// Replaced whole, but for the common beginning and end (a line
		// break, a full stop), which are kept.
		p := commonPrefix(ta, tb)
		s := commonSuffix(ta[p:], tb[p:])
		r.add(Op{Equal, strings.Join(ta[:p], "")})
		r.add(Op{Delete, strings.Join(ta[p:len(ta)-s], "")}, Op{Insert, strings.Join(tb[p:len(tb)-s], "")})
		r.add(Op{Equal, strings.Join(ta[len(ta)-s:], "")})
	}
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
	// Each run of one kind is built in sb (adding to a string a character
	// at a time would copy a long cell once per character).
	var cells [][]Op
	var cur []Op
	var sb strings.Builder
	kind := OpKind(-1)
	flush := func() {
		if sb.Len() > 0 {
			cur = append(cur, Op{kind, sb.String()})
			sb.Reset()
		}
	}
	for i := 0; i < len(cs); i++ {
		if i+2 < len(cs) && cs[i].r == ' ' && cs[i+1].r == '—' && cs[i+2].r == ' ' {
			flush()
			cells = append(cells, trimCell(cur))
			cur, kind = nil, -1
			i += 2
			continue
		}
		if cs[i].kind != kind {
			flush()
			kind = cs[i].kind
		}
		sb.WriteRune(cs[i].r)
	}
	flush()
	return append(cells, trimCell(cur))
}

// unitBudget bounds the runs of units without a unique match that align
// diffs unit by unit.
const unitBudget = 2000

// align matches units of a and b with the same key, in order: the common
// beginning and end, then, in between, the keys that occur once in each
// (patience diff: the longest increasing run of them), and so on in the
// gaps between those; a gap without such keys is diffed unit by unit
// within unitBudget, else left unmatched. It returns the matched indexes,
// increasing on both sides.
func align(a, b []unit) [][2]int {
	var out [][2]int
	var rec func(a0, a1, b0, b1, depth int)
	rec = func(a0, a1, b0, b1, depth int) {
		for a0 < a1 && b0 < b1 && a[a0].key == b[b0].key {
			out = append(out, [2]int{a0, b0})
			a0, b0 = a0+1, b0+1
		}
		var tail [][2]int
		for a0 < a1 && b0 < b1 && a[a1-1].key == b[b1-1].key {
			a1, b1 = a1-1, b1-1
			tail = append(tail, [2]int{a1, b1})
		}
		defer func() {
			slices.Reverse(tail)
			out = append(out, tail...)
		}()
		if a0 == a1 || b0 == b1 {
			return
		}
		if anchors := unique(a, b, a0, a1, b0, b1); len(anchors) > 0 && depth < 10 {
			for _, m := range anchors {
				rec(a0, m[0], b0, m[1], depth+1)
				out = append(out, m)
				a0, b0 = m[0]+1, m[1]+1
			}
			rec(a0, a1, b0, b1, depth+1)
			return
		}
		if (a1-a0)+(b1-b0) > unitBudget {
			return
		}
		index := map[string]rune{}
		encode := func(us []unit) []rune {
			rs := make([]rune, len(us))
			for i, u := range us {
				r, ok := index[u.key]
				if !ok {
					r = rune(len(index))
					index[u.key] = r
				}
				rs[i] = r
			}
			return rs
		}
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		i, j := a0, b0
		for _, d := range dmp.DiffMainRunes(encode(a[a0:a1]), encode(b[b0:b1]), false) {
			n := utf8.RuneCountInString(d.Text)
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				for k := 0; k < n; k++ {
					out = append(out, [2]int{i + k, j + k})
				}
				i, j = i+n, j+n
			case diffmatchpatch.DiffDelete:
				i += n
			case diffmatchpatch.DiffInsert:
				j += n
			}
		}
	}
	rec(0, len(a), 0, len(b), 0)
	return out
}

// unique returns the longest increasing run of matches between the units
// a[a0:a1] and b[b0:b1] whose keys occur once in each.
func unique(a, b []unit, a0, a1, b0, b1 int) [][2]int {
	type seen struct{ na, nb, ia, ib int }
	count := map[string]*seen{}
	for i := a0; i < a1; i++ {
		s := count[a[i].key]
		if s == nil {
			s = &seen{}
			count[a[i].key] = s
		}
		s.na++
		s.ia = i
	}
	for j := b0; j < b1; j++ {
		if s := count[b[j].key]; s != nil {
			s.nb++
			s.ib = j
		}
	}
	var ms [][2]int // in a's order
	for i := a0; i < a1; i++ {
		if s := count[a[i].key]; s.na == 1 && s.nb == 1 {
			ms = append(ms, [2]int{s.ia, s.ib})
		}
	}
	// Longest increasing subsequence of the b indexes (patience sorting).
	var piles []int // index into ms of each pile's top
	prev := make([]int, len(ms))
	for k, m := range ms {
		p, _ := slices.BinarySearchFunc(piles, m[1], func(top, target int) int { return ms[top][1] - target })
		if p > 0 {
			prev[k] = piles[p-1]
		} else {
			prev[k] = -1
		}
		if p == len(piles) {
			piles = append(piles, k)
		} else {
			piles[p] = k
		}
	}
	if len(piles) == 0 {
		return nil
	}
	out := make([][2]int, len(piles))
	for k, at := len(piles)-1, piles[len(piles)-1]; k >= 0; k, at = k-1, prev[at] {
		out[k] = ms[at]
	}
	return out
}

// distance returns the number of tokens to insert and delete to turn a
// into b (Myers' greedy algorithm), or limit+1 if it is more than limit.
// It takes time of the order of (len(a)+len(b)) + limit squared for texts
// without long repeats.
func distance(a, b []rune, limit int) int {
	n, m := len(a), len(b)
	off := limit + 1
	v := make([]int, 2*limit+3)
	for d := 0; d <= limit; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return d
			}
		}
	}
	return limit + 1
}
