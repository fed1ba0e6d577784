package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// The few PDF objects the finishing pass (finish.go) reads from fpdf's
// output and writes: a reader of the object syntax fpdf writes (PDF
// 32000-1 §7.3) and a writer. Numbers are kept as their text, so what is
// read is written back unchanged.
type (
	pdfName  string // /Name, without the slash
	pdfRef   int    // n 0 R (fpdf writes generation 0 only)
	pdfNum   string // a number, as written
	pdfBool  bool
	pdfStr   []byte // a string's bytes, decoded
	pdfArray []any
	pdfDict  struct {
		keys []string
		vals []any
	}
	pdfNull struct{}
)

func (d *pdfDict) get(key string) any {
	for i, k := range d.keys {
		if k == key {
			return d.vals[i]
		}
	}
	return nil
}

// set replaces key's value, or adds the key at the end.
func (d *pdfDict) set(key string, v any) {
	for i, k := range d.keys {
		if k == key {
			d.vals[i] = v
			return
		}
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
}

func (d *pdfDict) del(key string) {
	for i, k := range d.keys {
		if k == key {
			d.keys = append(d.keys[:i:i], d.keys[i+1:]...)
			d.vals = append(d.vals[:i:i], d.vals[i+1:]...)
			return
		}
	}
}

// dict builds a dictionary from alternating keys and values.
func dict(kv ...any) *pdfDict {
	d := &pdfDict{keys: make([]string, 0, len(kv)/2+3), vals: make([]any, 0, len(kv)/2+3)} // room for a few set later
	for i := 0; i+1 < len(kv); i += 2 {
		d.set(kv[i].(string), kv[i+1])
	}
	return d
}

var errSyntax = errors.New("pdf: unexpected syntax in fpdf's output")

// lexer reads objects from b.
type lexer struct {
	b   []byte
	pos int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isWhite(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// word returns the regular characters at the position.
func (l *lexer) word() string {
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

// object reads one object.
func (l *lexer) object() (any, error) {
	l.skip()
	if l.pos >= len(l.b) {
		return nil, errSyntax
	}
	switch c := l.b[l.pos]; {
	case c == '/':
		l.pos++
		return pdfName(l.word()), nil
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		d := &pdfDict{}
		for {
			l.skip()
			if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.object()
			if err != nil {
				return nil, err
			}
			key, ok := k.(pdfName)
			if !ok {
				return nil, errSyntax
			}
			v, err := l.object()
			if err != nil {
				return nil, err
			}
			d.set(string(key), v)
		}
	case c == '<':
		end := bytes.IndexByte(l.b[l.pos:], '>')
		if end < 0 {
			return nil, errSyntax
		}
		hex := bytes.Map(func(r rune) rune {
			if isWhite(byte(r)) {
				return -1
			}
			return r
		}, l.b[l.pos+1:l.pos+end])
		l.pos += end + 1
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		out := make([]byte, len(hex)/2)
		for i := range out {
			v, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
			if err != nil {
				return nil, errSyntax
			}
			out[i] = byte(v)
		}
		return pdfStr(out), nil
	case c == '(':
		return l.literal()
	case c == '[':
		l.pos++
		var a pdfArray
		for {
			l.skip()
			if l.pos < len(l.b) && l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.object()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case isDelim(c):
		return nil, errSyntax
	}
	w := l.word()
	switch w {
	case "true":
		return pdfBool(true), nil
	case "false":
		return pdfBool(false), nil
	case "null":
		return pdfNull{}, nil
	}
	if _, err := strconv.ParseFloat(w, 64); err != nil {
		return nil, errSyntax
	}
	// n 0 R
	save := l.pos
	l.skip()
	gen := l.word()
	l.skip()
	if n, err := strconv.Atoi(w); err == nil && gen == "0" && l.pos < len(l.b) && l.b[l.pos] == 'R' {
		l.pos++
		return pdfRef(n), nil
	}
	l.pos = save
	return pdfNum(w), nil
}

// literal reads a (string), resolving its escapes.
func (l *lexer) literal() (any, error) {
	l.pos++
	var out []byte
	depth := 0
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return pdfStr(out), nil
			}
			depth--
		case '\\':
			if l.pos >= len(l.b) {
				return nil, errSyntax
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errSyntax
}

// writeObj writes v in PDF syntax.
func writeObj(b *bytes.Buffer, v any) {
	switch v := v.(type) {
	case pdfName:
		b.WriteByte('/')
		b.WriteString(string(v))
	case pdfRef:
		b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(v), 10))
		b.WriteString(" 0 R")
	case pdfNum:
		b.WriteString(string(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', 2, 64))
	case pdfBool:
		b.WriteString(strconv.FormatBool(bool(v)))
	case pdfNull:
		b.WriteString("null")
	case pdfStr:
		writeLiteral(b, v)
	case string: // a text string (§7.9.2.2)
		writeText(b, v)
	case pdfArray:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeObj(b, x)
		}
		b.WriteByte(']')
	case *pdfDict:
		b.WriteString("<<")
		for i, k := range v.keys {
			b.WriteByte('/')
			b.WriteString(k)
			b.WriteByte(' ')
			writeObj(b, v.vals[i])
			b.WriteByte(' ')
		}
		b.WriteString(">>")
	default:
		panic(fmt.Sprintf("pdf: cannot write %T", v))
	}
}

// writeLiteral writes bytes as a literal string.
func writeLiteral[S ~string | ~[]byte](b *bytes.Buffer, s S) {
	b.WriteByte('(')
	for i := range len(s) {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
}

// writeText writes a text string: a literal in ASCII, UTF-16BE with a byte
// order mark otherwise.
func writeText(b *bytes.Buffer, s string) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		writeLiteral(b, s)
		return
	}
	b.WriteString("<FEFF")
	const hex = "0123456789ABCDEF"
	var units [2]uint16
	for _, r := range s {
		for _, u := range utf16.AppendRune(units[:0], r) {
			b.Write([]byte{hex[u>>12], hex[u>>8&0xF], hex[u>>4&0xF], hex[u&0xF]})
		}
	}
	b.WriteByte('>')
}
