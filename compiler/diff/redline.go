// Package diff compares two versions of a notice: the semantic changelog,
// computed from the frozen data snapshots (what changed in the privacy
// programme, each change material or minor, with the reason), and the
// word-level redline of the notice text.
package diff

import (
	"html"
	"strings"
	"unicode"

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

// HTML renders a redline of Markdown notice text for reading: paragraphs and
// list items as paragraphs, headings as headings (kept as context even when
// unchanged), insertions in <ins> and deletions in <del>, each with a text
// label for screen readers, so colour is never the only sign.
func HTML(ops []Op) string {
	type seg struct {
		kind OpKind
		text string
	}
	var lines [][]seg
	cur := []seg{}
	for _, op := range ops {
		parts := strings.Split(op.Text, "\n")
		for i, p := range parts {
			if i > 0 {
				lines = append(lines, cur)
				cur = []seg{}
			}
			if p != "" {
				cur = append(cur, seg{op.Kind, p})
			}
		}
	}
	lines = append(lines, cur)
	var b strings.Builder
	for _, line := range lines {
		if len(line) == 0 {
			continue
		}
		var plain strings.Builder
		for _, s := range line {
			if s.kind != Delete {
				plain.WriteString(s.text)
			}
		}
		text := plain.String()
		tag := "p"
		level := 0
		if strings.HasPrefix(text, "#") {
			level = len(text) - len(strings.TrimLeft(text, "#"))
			tag = "h" + string(rune('0'+min(level+1, 6)))
		}
		b.WriteString("<" + tag + ">")
		skip := level // heading marks to drop from the start of the line
		for i, s := range line {
			t := s.text
			if skip > 0 && s.kind != Delete {
				trimmed := strings.TrimLeft(t, "#")
				skip -= len(t) - len(trimmed)
				t = strings.TrimLeft(trimmed, " ")
			}
			if level > 0 && i == len(line)-1 {
				if j := strings.LastIndex(t, " {#"); j >= 0 && strings.HasSuffix(t, "}") {
					t = t[:j]
				}
			}
			t = html.EscapeString(t)
			switch s.kind {
			case Insert:
				b.WriteString(`<ins><span class="visually-hidden">[inserted: </span>` + t + `<span class="visually-hidden">]</span></ins>`)
			case Delete:
				b.WriteString(`<del><span class="visually-hidden">[deleted: </span>` + t + `<span class="visually-hidden">]</span></del>`)
			default:
				b.WriteString(t)
			}
		}
		b.WriteString("</" + tag + ">\n")
	}
	return b.String()
}
