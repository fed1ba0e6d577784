package load

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// checkText reports text that later stages cannot trust: escapes in
// double-quoted text that name no character (half a UTF-16 surrogate pair,
// a number beyond U+10FFFF, too few hexadecimal digits), which the parser
// would silently turn into U+FFFD or another character, and text that is not
// valid UTF-8. It reports at most one problem per value, at the escape, and
// returns whether text is fine. Characters that are valid but cannot be
// published (control characters, characters the fonts lack) are package
// check's business.
func (d *decoder) checkText(n ast.Node, path, text string) bool {
	if s, ok := n.(*ast.StringNode); ok && s.Token != nil && s.Token.Type == token.DoubleQuoteType {
		bad, checked := d.escapes[s.Token]
		if !checked {
			if at, msg, found := d.badEscape(s.Token); found {
				bad = &diag.Diagnostic{Pos: at, Message: msg}
			}
			if d.escapes == nil {
				d.escapes = map[*token.Token]*diag.Diagnostic{}
			}
			d.escapes[s.Token] = bad
		}
		if bad != nil {
			d.eff.broken = append(d.eff.broken, path)
			dg := d.eff.diags.Add(bad.Pos, path, "%s", bad.Message)
			if d.alias != nil {
				dg.Pos, dg.Related = d.pos(d.alias), []diag.Pos{bad.Pos}
			}
			return false
		}
	}
	if !utf8.ValidString(text) {
		d.fail(n, path, "text is not valid UTF-8")
		return false
	}
	return true
}

// badEscape finds the first escape of the double-quoted scalar starting at
// tk that names no character, and returns its position and a message.
func (d *decoder) badEscape(tk *token.Token) (diag.Pos, string, bool) {
	if tk.Position == nil {
		return diag.Pos{}, "", false
	}
	line, col := tk.Position.Line, tk.Position.Column
	i, ok := d.lines.offset(line, col)
	src := d.lines.src
	if !ok || src[i] != '"' {
		return diag.Pos{}, "", false
	}
	hex := func(at, n int) (int64, bool) {
		if at+n > len(src) {
			return 0, false
		}
		var r int64
		for _, c := range src[at : at+n] {
			switch {
			case '0' <= c && c <= '9':
				r = r<<4 | int64(c-'0')
			case 'a' <= c && c <= 'f':
				r = r<<4 | int64(c-'a'+10)
			case 'A' <= c && c <= 'F':
				r = r<<4 | int64(c-'A'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i, col = i+1, col+1; i < len(src); {
		c := src[i]
		switch {
		case c == '"':
			return diag.Pos{}, "", false
		case c == '\n':
			i, line, col = i+1, line+1, 1
			continue
		case c != '\\' || i+1 >= len(src):
			_, size := utf8.DecodeRune(src[i:])
			i, col = i+size, col+1
			continue
		}
		at := diag.Pos{File: d.file, Line: line, Col: col}
		e := src[i+1]
		width := 0
		switch e {
		case 'x':
			width = 2
		case 'u':
			width = 4
		case 'U':
			width = 8
		}
		if width == 0 {
			i, col = i+2, col+2 // a one-character escape, or a line break the parser reports
			if e == '\n' {
				line, col = line+1, 1
			}
			continue
		}
		esc := string(src[i:min(len(src), i+2+width)])
		r, ok := hex(i+2, width)
		switch {
		case !ok:
			return at, fmt.Sprintf(`escape %s needs %d hexadecimal digits (0-9, A-F) after \%c`, esc, width, e), true
		case r >= 0xD800 && r <= 0xDBFF && e == 'u':
			// The first half of a surrogate pair: the parser checks the
			// second half and joins them.
			i, col = i+12, col+12
			continue
		case r >= 0xD800 && r <= 0xDFFF:
			return at, fmt.Sprintf(`escape %s is half of a UTF-16 surrogate pair, not a character; write the character itself, or \U and its eight-digit code point`, esc), true
		case r > utf8.MaxRune:
			return at, fmt.Sprintf(`escape %s is beyond the last Unicode character, U+10FFFF`, esc), true
		}
		i, col = i+2+width, col+2+width
	}
	return diag.Pos{}, "", false
}

// lineIndex indexes the lines of a file's source, to turn the parser's
// positions (line, and column in characters) into byte offsets and to keep
// them inside the file.
type lineIndex struct {
	src    []byte
	starts []int32 // the offset of each line, once needed (files are at most MaxFileSize)
	// runes holds, by line, one more than the line's number of
	// characters, once asked about (0: not yet counted).
	runes []int32
}

func (ls *lineIndex) index() {
	if ls.starts != nil {
		return
	}
	ls.starts = make([]int32, 1, bytes.Count(ls.src, []byte("\n"))+1)
	for i, c := range ls.src {
		if c == '\n' {
			ls.starts = append(ls.starts, int32(i+1))
		}
	}
	ls.runes = make([]int32, len(ls.starts))
}

// offset returns the byte offset of line:col (1-based), if it is a
// character of the source.
func (ls *lineIndex) offset(line, col int) (int, bool) {
	ls.index()
	if line < 1 || line > len(ls.starts) || col < 1 {
		return 0, false
	}
	i := int(ls.starts[line-1])
	for ; col > 1; col-- {
		if i >= len(ls.src) || ls.src[i] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(ls.src[i:])
		i += size
	}
	return i, i < len(ls.src)
}

// clamp moves a position the parser got wrong (it miscounts columns after
// some escapes) back inside the source: to its last line, or just after the
// end of its line.
func (ls *lineIndex) clamp(p diag.Pos) diag.Pos {
	if p.Line < 1 {
		return p
	}
	ls.index()
	if p.Line > len(ls.starts) {
		p.Line, p.Col = len(ls.starts), 1<<31-1
	}
	n := int(ls.runes[p.Line-1]) - 1
	if n < 0 {
		line := ls.src[ls.starts[p.Line-1]:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		n = utf8.RuneCount(line)
		ls.runes[p.Line-1] = int32(n + 1)
	}
	p.Col = max(1, min(p.Col, n+1))
	return p
}
