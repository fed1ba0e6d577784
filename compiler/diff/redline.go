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
//
// Its cost is bounded: two texts whose differing middle (after their
// common beginning and end) is at most wordBudget words, spaces and marks
// are diffed word by word as a whole; longer ones section by section (a
// section being a heading line and the lines up to the next one, matched
// by their headings), then paragraph by paragraph (the lines of a section,
// matched when equal), and word by word only inside changed runs of
// paragraphs within the budget. A changed paragraph beyond it is replaced
// whole. So a redline takes time linear in the texts' length, however
// much changed.
func Redline(old, new string) []Op {
	a, b := tokens(old), tokens(new)
	if within(a, b, wholeBudget) {
		return wordDiff(a, b)
	}
	var r redliner
	r.sections(splitSections(a), splitSections(b))
	return r.result()
}

// wholeBudget and partBudget bound the number of differences (words,
// spaces and marks inserted or deleted) of two texts, and of two sections
// or runs of paragraphs, that are diffed word by word: diffmatchpatch
// takes time of the order of their length plus that number squared.
// Notices that differ by less than wholeBudget (all those released so far)
// are diffed as a whole, as they always were.
const (
	wholeBudget = 8000
	partBudget  = 200
)

// within reports whether a and b differ by at most limit tokens.
func within(a, b []string, limit int) bool {
	n := commonPrefix(a, b)
	a, b = a[n:], b[n:]
	n = commonSuffix(a, b)
	a, b = a[:len(a)-n], b[:len(b)-n]
	if len(a)+len(b) <= limit || len(a) == 0 || len(b) == 0 {
		return true
	}
	// The tokens as numbers, counted: the tokens one text has more often
	// than the other are a lower bound of the distance, found in linear
	// time.
	index := make(map[string]int32, len(a))
	var count []int
	encode := func(ts []string, by int) []int32 {
		out := make([]int32, len(ts))
		for i, t := range ts {
			k, ok := index[t]
			if !ok {
				k = int32(len(count))
				index[t] = k
				count = append(count, 0)
			}
			out[i] = k
			count[k] += by
		}
		return out
	}
	ea, eb := encode(a, 1), encode(b, -1)
	bound := 0
	for _, c := range count {
		bound += max(c, -c)
	}
	return bound <= limit && distance(ea, eb, limit) <= limit
}

func commonPrefix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// wordDiff diffs two runs of tokens word by word.
func wordDiff(a, b []string) []Op {
	// Map each distinct token to a rune, diff the rune strings, and map back:
	// diffmatchpatch then works on words, not characters.
	index := map[string]rune{}
	var table []string
	encode := func(ts []string) []rune {
		rs := make([]rune, 0, len(ts))
		for _, t := range ts {
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
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
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

// A unit is a section or a line of a text: its tokens, and the key that
// matches it with a unit of the other text (a section's heading line, a
// line's text).
type unit struct {
	key    string
	tokens []string
}

// splitLines splits tokens into lines, each with its line break (the
// tokenizer keeps a run of line breaks in one token, so a line may end
// with several; the blank lines stay with the line before them).
func splitLines(ts []string) []unit {
	var out []unit
	start := 0
	for i, t := range ts {
		if strings.Contains(t, "\n") {
			out = append(out, unit{tokens: ts[start : i+1]})
			start = i + 1
		}
	}
	if start < len(ts) {
		out = append(out, unit{tokens: ts[start:]})
	}
	for i := range out {
		out[i].key = strings.Join(out[i].tokens, "")
	}
	return out
}

// splitSections groups lines into sections, each starting at a heading
// line ("#" marks and a space), keyed by that line.
func splitSections(ts []string) []unit {
	var out []unit
	for _, l := range splitLines(ts) {
		if headingMarks(l.key) > 0 || len(out) == 0 {
			out = append(out, unit{key: l.key})
		}
		s := &out[len(out)-1]
		s.tokens = append(s.tokens, l.tokens...)
	}
	return out
}

// redliner collects a bounded redline's operations.
type redliner struct {
	ops []Op
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

func join(us []unit) []string {
	var ts []string
	for _, u := range us {
		ts = append(ts, u.tokens...)
	}
	return ts
}

// sections diffs two texts' sections: matched ones (same heading) line by
// line, each run of unmatched ones between them as one run of lines.
func (r *redliner) sections(a, b []unit) {
	i, j := 0, 0
	for _, m := range align(a, b) {
		r.lines(splitLines(join(a[i:m[0]])), splitLines(join(b[j:m[1]])))
		r.lines(splitLines(a[m[0]].tokens), splitLines(b[m[1]].tokens))
		i, j = m[0]+1, m[1]+1
	}
	r.lines(splitLines(join(a[i:])), splitLines(join(b[j:])))
}

// lines diffs two runs of lines: equal lines are kept, and each run of
// changed lines between them is diffed word by word within the budget.
func (r *redliner) lines(a, b []unit) {
	if len(a) == 0 && len(b) == 0 {
		return
	}
	if ta, tb := join(a), join(b); within(ta, tb, partBudget) {
		r.add(wordDiff(ta, tb)...)
		return
	}
	i, j := 0, 0
	for _, m := range align(a, b) {
		r.changed(a[i:m[0]], b[j:m[1]])
		r.add(Op{Equal, a[m[0]].key})
		i, j = m[0]+1, m[1]+1
	}
	r.changed(a[i:], b[j:])
}

// changed diffs a run of changed lines: word by word within the budget,
// else line by line in order (the first old line with the first new one,
// and so on), each pair word by word within the budget or replaced whole,
// the lines only one run has deleted or inserted whole.
func (r *redliner) changed(a, b []unit) {
	if ta, tb := join(a), join(b); within(ta, tb, partBudget) {
		r.add(wordDiff(ta, tb)...)
		return
	}
	for k := 0; k < max(len(a), len(b)); k++ {
		switch {
		case k >= len(a):
			r.add(Op{Insert, b[k].key})
		case k >= len(b):
			r.add(Op{Delete, a[k].key})
		case within(a[k].tokens, b[k].tokens, partBudget):
			r.add(wordDiff(a[k].tokens, b[k].tokens)...)
		default:
			r.replace(a[k].tokens, b[k].tokens)
		}
	}
}

// replace deletes a and inserts b whole, but for their common beginning
// and end (a line break, a full stop), which are kept.
func (r *redliner) replace(a, b []string) {
	p := commonPrefix(a, b)
	s := commonSuffix(a[p:], b[p:])
	r.add(Op{Equal, strings.Join(a[:p], "")})
	r.add(Op{Delete, strings.Join(a[p:len(a)-s], "")}, Op{Insert, strings.Join(b[p:len(b)-s], "")})
	r.add(Op{Equal, strings.Join(a[len(a)-s:], "")})
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
func distance(a, b []int32, limit int) int {
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
