package notice_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/disclose-dev/disclose/compiler/notice"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		got  notice.Text
		want notice.Text
	}{
		{notice.Plain(`a*b_c [d] <e> | #f \g`), `a\*b\_c \[d\] \<e\> \| \#f \\g`},
		{notice.Plain(`AT&amp;T ~~no~~`), `AT\&amp;T \~\~no\~\~`},
		{notice.Plain(`- not a list`), `\- not a list`},
		{notice.Plain(`12. not a list`), `12\. not a list`},
		{notice.Plain(`1) x`), `1\) x`},
		{notice.Plain(`: x`), `\: x`},
		{notice.Plain(`2026-10-01 and 1.5`), `2026-10-01 and 1.5`},
		{notice.Plain(`===`), `\===`},
		{notice.Plain(`+1 888`), `+1 888`},
		{notice.Series(nil, "and"), ""},
		{notice.Series([]notice.Text{"a"}, "and"), "a"},
		{notice.Series([]notice.Text{"a", "b"}, "and"), "a and b"},
		{notice.Series([]notice.Text{"a", "b", "c"}, "or"), "a, b or c"},
		{notice.Series([]notice.Text{"a and b", "c", "d"}, "and"), "a and b; c; and d"},
		{notice.Series([]notice.Text{"a, b", "c"}, "or"), "a, b or c"},
		{notice.Series([]notice.Text{"a, b", "c", "d"}, "or"), "a, b; c; or d"},
		{notice.Sentence("we keep it"), "We keep it."},
		{notice.Sentence("Is it? "), "Is it?"},
		{notice.Sentence(""), ""},
		{notice.Join("a", "", "b"), "a b"},
		{notice.Inline("one\n\ntwo  three"), "one two three"},
		{notice.Mail("x@y.example"), "[x@y.example](mailto:x@y.example)"},
		{notice.Tel("+1 (888) 555-0142"), "[+1 (888) 555-0142](tel:+18885550142)"},
		{notice.Web("https://a.example/b/"), "[a.example/b](https://a.example/b/)"},
		{notice.NoticeLink("EU", "eu", "rights"), "[EU](notice:eu#rights)"},
		{notice.Strong(""), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestSectionTraceAndLookup(t *testing.T) {
	s := &notice.Section{ID: "a", Title: "A"}
	s.Use("x", "y", "x", "")
	s.Satisfies("R-1", "R-1", "R-2")
	sub := s.Sub("b", "B")
	sub.P("", "text")
	d := &notice.Document{Sections: []*notice.Section{s}}
	if len(s.Trace.Paths) != 2 || len(s.Trace.Rules) != 2 {
		t.Errorf("trace %+v: duplicates not dropped", s.Trace)
	}
	if d.Section("b") != sub || d.Section("zz") != nil {
		t.Error("Section lookup is wrong")
	}
	var order []string
	d.Walk(func(s *notice.Section, depth int) { order = append(order, s.ID) })
	if len(order) != 2 || order[0] != "a" || order[1] != "b" {
		t.Errorf("walk order %v", order)
	}
	if len(sub.Blocks) != 1 || sub.Blocks[0].(*notice.Paragraph).Text != "text" {
		t.Errorf("P: %+v", sub.Blocks)
	}
}

// A link's destination survives any address the data allows: spaces,
// parentheses and angle brackets do not end it early.
func TestLinkDestinationIsOneDestination(t *testing.T) {
	md := goldmark.New()
	for _, u := range []string{"https://example.com/a b", "https://example.com/x)y", "https://en.wikipedia.org/wiki/Foo_(bar)", "https://example.com/<x>"} {
		var b bytes.Buffer
		if err := md.Convert([]byte(notice.Link("form", u)), &b); err != nil {
			t.Fatal(err)
		}
		if strings.Count(b.String(), "<a ") != 1 || !strings.Contains(b.String(), ">form</a>") || strings.Contains(b.String(), "form</a>)") {
			t.Errorf("Link(%q) renders as %q", u, b.String())
		}
	}
}

// Reading text undoes Plain and drops inline markup; the team's prose reads
// one line per paragraph and per list item.
func TestReadingText(t *testing.T) {
	for _, s := range []string{"AT&amp;T <b> \\x", "- a list? no", "1. first", "https://example.com/a_b", "*not* `code` [x](y)", "==="} {
		if got := notice.InlineText(notice.Plain(s)); got != s {
			t.Errorf("InlineText(Plain(%q)) = %q", s, got)
		}
	}
	if got := notice.InlineText("**Bold** and [a link](https://example.com) &amp; &#65;,\nnext line"); got != "Bold and a link & A, next line" {
		t.Errorf("inline: %q", got)
	}
	got := notice.ProseText("# Title\n\nOne *para*\ngraph.\n\n- item **one**\n- item two\n")
	if want := "Title\n\nOne para graph.\n\n• item one\n• item two\n\n"; got != want {
		t.Errorf("prose: got %q, want %q", got, want)
	}
}

// A no-break space is part of a word: kept, while other runs of white
// space become one space.
func TestOneLineKeepsNoBreakSpaces(t *testing.T) {
	in := " Art.\u00a06 \t Abs.\u00a01\n durée\u202f: «\u202fx\u202f» 1\u2007000 "
	want := "Art.\u00a06 Abs.\u00a01 durée\u202f: «\u202fx\u202f» 1\u2007000"
	for name, got := range map[string]string{"OneLine": notice.OneLine(in), "Plain": string(notice.Plain(in)), "Inline": string(notice.Inline(in)), "InlineText": notice.InlineText(notice.Text(in))} {
		if got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// A sentence starts with a capital in any script.
func TestSentenceCapitalInAnyScript(t *testing.T) {
	for in, want := range map[string]string{"état des lieux": "État des lieux.", "über uns": "Über uns.", "email": "Email.", "**x**": "**x**.", "1 day": "1 day.", "": ""} {
		if got := string(notice.Sentence(notice.Text(in))); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
