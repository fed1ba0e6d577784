package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
)

// fuzzDoc builds a small notice from fuzzed strings: the title, a
// paragraph, a list item, a table cell and the team's own Markdown, with
// a summary (key points and actions) made of them.
func fuzzDoc(title, para, item, cell, prose string) *notice.Document {
	s := &notice.Section{ID: "s", Title: title}
	s.Add(&notice.Paragraph{Text: notice.Text(para)},
		&notice.List{Items: []notice.Text{notice.Text(item), notice.Plain(item)}},
		&notice.Table{Caption: cell, Head: []string{cell, "B"}, Rows: [][]notice.Text{{notice.Text(cell), notice.Plain(cell)}}},
		&notice.Prose{Markdown: prose})
	sub := s.Sub("t", para)
	sub.Add(&notice.Aside{Title: item, Blocks: []notice.Block{&notice.Definitions{Items: []notice.Definition{{Term: notice.Text(cell), Text: notice.Text(item)}}}}})
	summary := &notice.Section{ID: "key-points", Title: item}
	summary.Add(&notice.KeyPoints{Points: []notice.KeyPoint{{Label: item, Text: notice.Text(para), Section: "t"}, {Label: cell, Text: notice.Text(prose), Section: "s"}}},
		&notice.Actions{Items: []notice.Action{{Label: cell, URL: title, Primary: true}, {Label: item, URL: "#t"}, {Label: title, URL: "notice:x#" + cell}}})
	return &notice.Document{ID: "f", Title: title, Organization: item, Effective: "2026-01-01", LastUpdated: model.Date(cell),
		Intro: []notice.Block{&notice.Paragraph{Text: notice.Text(title)}}, Summary: summary, Sections: []*notice.Section{s}}
}

// FuzzRender: any text, in any field, gives either a PDF or the list of
// the characters the fonts cannot show; Render never panics. Run longer
// with go test ./compiler/pdf -run '^$' -fuzz FuzzRender -fuzztime 10m.
func FuzzRender(f *testing.F) {
	for _, seed := range [][5]string{
		{"Privacy Policy", "We collect **personal data**.", "Your [rights](https://example.com)", "Stripe, Inc.", "## Heading\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"},
		{"😀 Emoji", "A 🦄 unicorn and 😀", "👍🏽", "🇪🇺", "😀\n\n> 🦄"},
		{"北京", "个人信息保护法 中文", "日本語のテキスト", "한국어", "# 中文\n\n1. 一\n2. 二"},
		{"Combining", "e\u0301 a\u0308 \u0301\u0301\u0301 n\u0303", "Z\u0351\u0352\u0353\u0354", "\u20dd", "\u0300start"},
		{"RTL", "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u200f\u200e"},
		{"Controls", "a\x00b\x01c\x7f", "\ufffe\uffff\ufeff", "\ud7ff\ue000", "\t\v\f\r\u0085\u2028\u2029\u00a0\u3000"},
		{"\xff\xfe invalid", "bad \xe2\x82 utf8 \xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "trailing \xe2"},
		{strings.Repeat("W", 500), strings.Repeat("supercalifragilistic", 200), strings.Repeat("x", 3000), strings.Repeat("M", 400), strings.Repeat("| a ", 60) + "|\n" + strings.Repeat("|---", 60) + "|\n"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	f.Fuzz(func(t *testing.T, title, para, item, cell, prose string) {
		b, bad, err := pdf.Render(fuzzDoc(title, para, item, cell, prose), pdf.Options{Version: item, URL: cell})
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if len(bad) > 0 {
			// The same text without what the fonts lack must typeset.
			drop := func(s string) string {
				return strings.Map(func(r rune) rune {
					if pdf.Drawable(r) {
						return r
					}
					return -1
				}, s)
			}
			title, para, item, cell, prose = drop(title), drop(para), drop(item), drop(cell), drop(prose)
			if b, bad2, err := pdf.Render(fuzzDoc(title, para, item, cell, prose), pdf.Options{Version: item, URL: cell}); err != nil || len(bad2) > 0 || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("without the unsupported characters: %v %v", err, bad2)
			}
			if b != nil {
				t.Error("a PDF and unsupported characters")
			}
			for _, u := range bad {
				if pdf.Drawable(u.Char) || u.Count < 1 || !utf8.ValidString(u.Context) {
					t.Errorf("bad report %v", u)
				}
			}
			return
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("not a PDF: %.20q", b)
		}
	})
}

// Very long text in every field (one 32,000-character word, and as many
// short words) typesets in linear time, and a table whose header row is
// taller than a page still ends: the header is then drawn once, split
// across pages like any row, instead of being repeated forever.
func TestHugeText(t *testing.T) {
	for _, text := range []string{strings.Repeat("x", 32000), strings.Repeat("ab ", 11000)} {
		done := make(chan error, 1)
		go func() {
			b, bad, err := pdf.Render(fuzzDoc(text, text, text, text, text), pdf.Options{Version: text})
			if err == nil && (len(bad) > 0 || !bytes.HasPrefix(b, []byte("%PDF-"))) {
				err = fmt.Errorf("no PDF: %v", bad)
			}
			if err == nil {
				path := filepath.Join(t.TempDir(), "huge.pdf")
				if err = os.WriteFile(path, b, 0o644); err == nil {
					if out, qerr := exec.Command("qpdf", "--check", path).CombinedOutput(); qerr != nil {
						err = fmt.Errorf("qpdf: %v\n%s", qerr, out)
					}
				}
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("a %d-byte text took over a minute", len(text))
		}
	}
}

// Drawable asks every face: U+0606 (ARABIC-INDIC CUBE ROOT) is in the
// regular face only, so an italic or bold-italic word would lose it.
func TestDrawableEveryFace(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{{'a', true}, {'é', true}, {'\u0301', true}, {'Ω', true}, {'\u0606', false}, {'北', false},
		{0x1F600, false}, {0, false}, {0x7F, false}, {0xFFFE, false}, {0xFFFF, false}, {0xD800, false}, {-1, false}, {0x110000, false},
		{' ', true}, {'\n', true}, {'\t', true}, {'\u00a0', true}, {'\u3000', true}} {
		if got := pdf.Drawable(c.r); got != c.want {
			t.Errorf("Drawable(%U) = %v, want %v", c.r, got, c.want)
		}
	}
}

// Every code point, in every plane (and surrogates and invalid bytes,
// which decode as U+FFFD), either typesets or is reported; nothing panics.
// A character is reported once per section, with how often it occurs.
func TestEveryCodePoint(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r <= 0x10FFFF; r += 11 {
		all.WriteRune(r)
		if r%1001 == 0 {
			all.WriteString(" ")
		}
	}
	all.WriteString("\xed\xa0\x80 \xff \xc0\xaf")
	text := all.String()
	_, bad, err := pdf.Render(fuzzDoc(text, text, text, text, text), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range bad {
		key := fmt.Sprint(u.Char, u.Section)
		if seen[key] {
			t.Fatalf("%U reported twice in %q", u.Char, u.Section)
		}
		seen[key] = true
	}
	if len(bad) < 1000 {
		t.Errorf("%d unsupported characters reported", len(bad))
	}
	drawable := strings.Map(func(r rune) rune {
		if pdf.Drawable(r) {
			return r
		}
		return -1
	}, text)
	b, bad, err := pdf.Render(fuzzDoc(drawable, drawable, drawable, drawable, drawable), pdf.Options{})
	if err != nil || len(bad) > 0 || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("drawable characters: %v %v", err, bad)
	}
}

// An emoji repeated 6,000 times in one paragraph is one report.
func TestUnsupportedOncePerSection(t *testing.T) {
	emoji := strings.Repeat("😀 ", 6000)
	_, bad, err := pdf.Render(fuzzDoc("T", emoji, "i", "c", "p"), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The paragraph is a key point's text, in section s and, as its
	// title, in subsection t.
	if len(bad) != 3 || bad[0].Char != 0x1F600 || bad[0].Section != "key-points" || bad[1].Section != "s" || bad[2].Section != "t" {
		t.Fatalf("reports: %v", bad)
	}
	for _, u := range bad {
		if u.Count != 6000 {
			t.Errorf("%s: %d times", u.Section, u.Count)
		}
	}
	if s := bad[1].String(); !strings.Contains(s, "U+1F600") || !strings.Contains(s, "6000 times") {
		t.Errorf("report reads %q", s)
	}
}
