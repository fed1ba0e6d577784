package pdf

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// coverage is the set of characters a TrueType font has glyphs for, read
// from its cmap table (formats 4 and 12, the Unicode subtables), so text a
// font cannot show is reported instead of printed as blanks.
type coverage struct {
	ranges [][2]rune // inclusive, sorted by start
}

func (c *coverage) has(r rune) bool {
	lo, hi := 0, len(c.ranges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < c.ranges[m][0]:
			hi = m
		case r > c.ranges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

var errNoCmap = errors.New("font has no Unicode cmap (format 4 or 12)")

// readCoverage parses the cmap table of a TrueType font.
func readCoverage(ttf []byte) (*coverage, error) {
	if len(ttf) < 12 {
		return nil, errNoCmap
	}
	be := binary.BigEndian
	n := int(be.Uint16(ttf[4:]))
	var cmap []byte
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errNoCmap
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			off, length := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
			if off+length > len(ttf) {
				return nil, errNoCmap
			}
			cmap = ttf[off : off+length]
		}
	}
	if len(cmap) < 4 {
		return nil, errNoCmap
	}
	best := -1
	bestFormat := 0
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if off+2 > len(cmap) {
			continue
		}
		format := int(be.Uint16(cmap[off:]))
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		if unicode && (format == 12 || format == 4 && bestFormat != 12) {
			best, bestFormat = off, format
		}
	}
	if best < 0 {
		return nil, errNoCmap
	}
	t := cmap[best:]
	c := &coverage{}
	switch bestFormat {
	case 4:
		if len(t) < 14 {
			return nil, errNoCmap
		}
		segs := int(be.Uint16(t[6:])) / 2
		if len(t) < 16+8*segs {
			return nil, errNoCmap
		}
		for s := 0; s < segs; s++ {
			end := rune(be.Uint16(t[14+2*s:]))
			start := rune(be.Uint16(t[16+2*segs+2*s:]))
			if start == 0xFFFF {
				continue
			}
			c.ranges = append(c.ranges, [2]rune{start, end})
		}
	case 12:
		if len(t) < 16 {
			return nil, errNoCmap
		}
		groups := int(be.Uint32(t[12:]))
		if len(t) < 16+12*groups {
			return nil, errNoCmap
		}
		for g := 0; g < groups; g++ {
			p := 16 + 12*g
			c.ranges = append(c.ranges, [2]rune{rune(be.Uint32(t[p:])), rune(be.Uint32(t[p+4:]))})
		}
	}
	return c, nil
}

// Drawable reports whether every face of the PDF font (regular, bold,
// italic, bold italic) can draw r. Layout characters (newline, tab, spaces)
// count as drawable: the renderer sets every space as a plain space.
// Characters outside the Basic Multilingual Plane never are: fpdf's UTF-8
// fonts index glyphs by 16-bit code, so an emoji such as U+1F600 cannot be
// embedded even where the font's cmap lists it. Nor are surrogates,
// noncharacters such as U+FFFE and U+FFFF, control characters, or letters
// of right-to-left scripts (Hebrew, Arabic, ...), which fpdf cannot shape.
func Drawable(r rune) bool {
	fc, err := loadFaces()
	if err != nil {
		return false
	}
	if r >= 0 && int(r) < len(fc.latin1) {
		return fc.latin1[r]
	}
	return drawable(fc, r)
}

// drawable is Drawable for the faces fc.
func drawable(fc *faces, r rune) bool {
	if layoutSpace(r) {
		return true
	}
	if r < 0x20 || r > 0xFFFF || r >= 0xD800 && r <= 0xDFFF || r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE || r >= 0x7F && r < 0xA0 {
		return false
	}
	if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) {
		// Right-to-left scripts: fpdf neither reorders nor shapes them, so
		// the PDF would print them unreadable.
		return false
	}
	for _, c := range fc.cover {
		if !c.has(r) {
			return false
		}
	}
	return true
}

// plainText reports whether clean leaves s as it is: valid UTF-8 of
// characters the fonts can draw, with no space but plain spaces and
// newlines.
func plainText(s string) bool {
	fc, err := loadFaces()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && err == nil {
			if !fc.plain[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r != ' ' && r != '\n' && (layoutSpace(r) || !Drawable(r)) {
			return false
		}
		i += n
	}
	return true
}

// layoutSpace reports whether r is a space or line break that the
// renderer lays out itself rather than drawing a glyph.
func layoutSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007':
		// A no-break space is drawn as itself, inside a word: a line never
		// breaks at it (French "durée\u202f:", German "Art.\u00a06").
		return false
	}
	return r == '\n' || r == '\t' || unicode.IsSpace(r) && !unicode.IsPrint(r)
}

// clean returns s as fpdf can take it: valid UTF-8, every space other than
// a newline a plain space, and every character the fonts cannot draw (which
// Render has already reported) replaced by U+FFFD, so nothing fpdf indexes
// by character code is ever out of range.
func clean(s string) string {
	if plainText(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case layoutSpace(r):
			return ' '
		case !Drawable(r):
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}
