package render_test

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func sampleDoc() *notice.Document {
	s := &notice.Section{ID: "who-we-are", Title: "Who we are"}
	s.P("We are " + notice.Plain("A*B | C_D [x]") + ".")
	s.Add(&notice.Table{Caption: "Things", Head: []string{"Name", "Note"}, Rows: [][]notice.Text{
		{notice.Plain("pipe | inside"), notice.Text("line one\nline two")},
		{"short"}, // a short row is padded
	}})
	sub := s.Sub("sub", "A subsection")
	sub.Add(&notice.Aside{Title: "Right to object", Blocks: []notice.Block{&notice.Paragraph{Text: "You can object."}}})
	sub.Add(&notice.List{Ordered: true, Items: []notice.Text{"one", notice.NoticeLink("the EU notice", "eu", "rights")}})
	s2 := &notice.Section{ID: "contact", Title: "Contact {us}"}
	s2.Add(&notice.Prose{Markdown: "Write to [us](notice:global#contact).\n\n- a\n- b\n"})
	s2.Add(&notice.Definitions{Items: []notice.Definition{{Term: "Term", Text: "Text"}}})
	return &notice.Document{ID: "global", Title: "Privacy Policy", Effective: "2026-01-05", LastUpdated: "2025-12-01",
		Sections: []*notice.Section{s, s2}}
}

// The Markdown parses with goldmark (as Hugo configures it) into the same
// structure as the IR: one h1, every section a heading with its anchor,
// every table a table with its cells intact.
func TestMarkdownParsesBackToTheStructure(t *testing.T) {
	md := render.Markdown(sampleDoc(), &render.Options{NoticeURL: func(id string) string { return "/n/" + id + "/" }})
	// A table's caption is a Hugo block attribute on the line below it;
	// plain goldmark would read it as a row, so drop it here (Hugo itself
	// is tested on the built site).
	var lines []string
	prev := ""
	for _, l := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(l, "{caption=") {
			if !strings.HasPrefix(prev, "|") {
				t.Errorf("caption %s does not follow a table", l)
			}
			continue
		}
		lines = append(lines, l)
		prev = l
	}
	plain := []byte(strings.Join(lines, "\n"))
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAttribute()))
	doc := gm.Parser().Parse(text.NewReader(plain))
	var html strings.Builder
	if err := gm.Renderer().Render(&html, plain, doc); err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{"<td>pipe | inside</td>", "<td>line one line two</td>", "<blockquote>"} {
		if !strings.Contains(html.String(), frag) {
			t.Errorf("HTML lacks %q:\n%s", frag, html.String())
		}
	}
	var h1 int
	ids := map[string]bool{}
	var tables int
	var cells []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				h1++
			}
			if id, ok := n.AttributeString("id"); ok {
				ids[string(id.([]byte))] = true
			}
		case *extast.Table:
			tables++
		case *extast.TableCell:
			cells = append(cells, string(n.Text(plain)))
		}
		return ast.WalkContinue, nil
	})
	if h1 != 1 {
		t.Errorf("%d level-one headings, want 1", h1)
	}
	for _, id := range []string{"who-we-are", "sub", "contact", "contents"} {
		if !ids[id] {
			t.Errorf("no heading with id %q in:\n%s", id, md)
		}
	}
	if tables != 1 {
		t.Errorf("%d tables, want 1:\n%s", tables, md)
	}
	want := []string{"Name", "Note", `pipe \| inside`, "line one line two", "short", ""}
	if strings.Join(cells, "/") != strings.Join(want, "/") {
		t.Errorf("cells %q, want %q", cells, want)
	}
	s := string(md)
	for _, frag := range []string{
		`We are A\*B \| C\_D \[x\].`,
		`(/n/eu/#rights)`, `(/n/global/#contact)`,
		`{caption="Things"}`,
		"> **Right to object**", "1. one",
		"Effective: 5 January 2026", "Last updated: 1 December 2025",
		`## Contact \{us\} {#contact}`,
	} {
		if !strings.Contains(s, frag) {
			t.Errorf("output lacks %q:\n%s", frag, s)
		}
	}
}

func TestLongDate(t *testing.T) {
	for in, want := range map[string]string{"2012-11-05": "5 November 2012", "2026-12-31": "31 December 2026", "soon": "soon", "2026-13-01": "2026-13-01"} {
		if got := render.LongDate(model.Date(in)); got != want {
			t.Errorf("LongDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// Plain text reads as written: an escaped entity stays an entity, an
// unescaped one is resolved.
func TestPlainUnescapesOnce(t *testing.T) {
	doc := &notice.Document{Title: "T", Intro: []notice.Block{&notice.Paragraph{Text: notice.Plain("AT&amp;T <b> \\x") + " &amp; &#65;"}}}
	got := render.Plain(doc)
	if want := "# T\n\nAT&amp;T <b> \\x & A\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A title is plain text: nothing in it is read as markup.
func TestHeadingsAreText(t *testing.T) {
	doc := &notice.Document{Title: "A&amp;B", Sections: []*notice.Section{{ID: "s", Title: "x ~~y~~ `z` <b> |"}}}
	got := string(render.Markdown(doc, &render.Options{Body: true}))
	if want := "## x \\~\\~y\\~\\~ \\`z\\` \\<b\\> \\| {#s}"; !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant it to contain %s", got, want)
	}
	if got := string(render.Markdown(doc, nil)); !strings.HasPrefix(got, "# A\\&amp;B\n") {
		t.Errorf("title: got %q", got)
	}
}

// Words given in part keep English's for the rest: a theme that names only
// its contents heading still dates its notice.
func TestWordsInPart(t *testing.T) {
	doc := &notice.Document{ID: "x", Title: "T", Effective: "2027-01-04", LastUpdated: "2026-12-02",
		Sections: []*notice.Section{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}}}
	md := string(render.Markdown(doc, &render.Options{Words: &render.Words{Contents: "Inhalt", Effective: "Gültig ab: {date}"}}))
	for _, want := range []string{"Gültig ab: 4 January 2027  \n", "Last updated: 2 December 2026\n", "## Inhalt {#contents}"} {
		if !strings.Contains(md, want) {
			t.Errorf("lacks %q:\n%s", want, md)
		}
	}
}
