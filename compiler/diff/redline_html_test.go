package diff_test

import (
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/internal/golden"
)

// oldText and newText are diff_test.go's.

var tag = regexp.MustCompile(`<[^>]*>`)

func TestRedlineHTML(t *testing.T) {
	got := diff.HTML(diff.Redline(oldText, newText))
	for _, want := range []string{
		`<div class="redline-section" id="section-1">` + "\n<h2>Privacy Policy</h2>",
		`<div class="redline-section" id="section-2">` + "\n" + `<h3><span class="change" id="change-1"><del><span class="visually-hidden">[deleted: </span>Retention<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[inserted: </span>Keeping data<span class="visually-hidden">]</span></ins></span></h3>`,
		"&lt;data&gt;",
		`<del><span class="visually-hidden">[deleted: </span>12`, `<ins><span class="visually-hidden">[inserted: </span>24`,
		"<ul>\n<li>Email</li>\n<li><span class=\"change\" id=\"change-3\"><ins>",
		// A table as a table: its caption, column headers, row headers.
		"<table>\n<caption>Processors</caption>\n<thead>\n<tr><th scope=\"col\">Processor</th><th scope=\"col\">Country</th></tr>\n</thead>\n<tbody>\n<tr><th scope=\"row\">Stripe</th><td>the United States</td></tr>\n",
		// A row inserted whole is one change, and says so in words.
		`<tr id="change-4" class="row-inserted"><th scope="row"><span class="visually-hidden">Inserted row: </span><ins>`,
		`<div class="redline-section" id="section-3">` + "\n" + `<h4><span class="change" id="change-5"><del>`,
		// The links after a change in a heading are not part of it.
		"</h4>\n<p class=\"change-navs\"><span class=\"change-nav\"><span class=\"change-no\">Change 5 of 6</span> <a href=\"#change-4\">Previous change</a> <a href=\"#change-6\">Next change</a></span></p>",
		// The first change has no previous one, the last no next one.
		`<span class="change-no">Change 1 of 6</span> <a href="#change-2">Next change</a></span>`,
		`<span class="change-no">Change 6 of 6</span> <a href="#change-5">Previous change</a></span>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"#", "•", " — "} {
		if text := tag.ReplaceAllString(got, ""); strings.Contains(text, bad) {
			t.Errorf("HTML shows the layout mark %q:\n%s", bad, got)
		}
	}
}

// A notice of several sections, some nested, some unchanged: the page
// views of its redline, as reviewed golden files.
const oldNotice = `# Notice

Intro, unchanged.

## About

Unchanged paragraph.

## Data

What we collect.

### Contact data

We keep it for 12 months.

### Usage data

Unchanged.

## Rights

• Access
• Deletion

Processors
Processor — Country
Stripe — the United States
Adyen — the Netherlands

## Contact

Write to us.

`

var newNotice = strings.NewReplacer("12 months", "24 months", "• Deletion\n", "• Deletion\n• Portability\n",
	"Adyen — the Netherlands\n", "Mollie — Belgium\n").Replace(oldNotice)

func TestRedlineViewsGolden(t *testing.T) {
	blocks := diff.Blocks(diff.Redline(oldNotice, newNotice))
	full := diff.RedlineHTML(blocks, diff.HTMLOptions{})
	changed := diff.RedlineHTML(blocks, diff.HTMLOptions{Changed: true, Full: "../"})
	golden.File(t, "testdata/redline/full.html", []byte(full))
	golden.File(t, "testdata/redline/changed.html", []byte(changed))

	// The changed view: the sections with a change, whole, the headings
	// around them, and notes where text without changes is left out.
	for _, want := range []string{
		`<div class="redline-section" id="section-3">` + "\n<h3>Data</h3>\n</div>\n" + `<p class="redline-omitted">Not shown: 1 section without changes (<a href="../#section-3">read it in the full redline</a>).</p>` + "\n" + `<div class="redline-section" id="section-4">` + "\n<h4>Contact data</h4>",
		`<p class="redline-omitted">Not shown: 2 sections without changes (<a href="../#section-1">read them in the full redline</a>).</p>`,
		`<h4>Usage data</h4>`,
		"Access", "Portability", "Stripe", "Adyen", "Mollie", `<tr id="change-3" class="row-replaced"><th scope="row"><span class="visually-hidden">Replaced row: </span>`,
	} {
		if want == `<h4>Usage data</h4>` {
			if strings.Contains(changed, want) {
				t.Errorf("changed view shows an unchanged section %q:\n%s", want, changed)
			}
			continue
		}
		if !strings.Contains(changed, want) {
			t.Errorf("changed view lacks %q:\n%s", want, changed)
		}
	}
	for _, bad := range []string{"Unchanged paragraph", "Intro, unchanged", "Write to us", ">Usage data<"} {
		if strings.Contains(changed, bad) {
			t.Errorf("changed view shows unchanged text %q:\n%s", bad, changed)
		}
	}
	for _, want := range []string{"Unchanged paragraph", "Intro, unchanged", "Write to us", ">Usage data<"} {
		if !strings.Contains(full, want) {
			t.Errorf("full view lacks %q", want)
		}
	}
}

func TestSummarize(t *testing.T) {
	s := diff.Summarize(diff.Blocks(diff.Redline(oldNotice, newNotice)))
	got := fmt.Sprintf("%d:", s.Edits)
	for _, sec := range s.Sections {
		got += fmt.Sprintf(" [%s in %q, level %d, %d+%d]", sec.Title, sec.Within, sec.Level, sec.First, sec.Count)
	}
	// 12 -> 24; Portability; the Adyen row, whose every cell is replaced
	// (Mollie, Belgium): one change.
	want := `3: [Contact data in ["Data"], level 3, 1+1] [Rights in [], level 2, 2+2]`
	if got != want {
		t.Errorf("summary\n%s\nwant\n%s", got, want)
	}
	if s := diff.Summarize(diff.Blocks(diff.Redline(oldNotice, oldNotice))); s.Edits != 0 || len(s.Sections) != 0 {
		t.Errorf("a text compared with itself has changes: %+v", s)
	}
}

// What counts as one change.
func TestEdits(t *testing.T) {
	for _, c := range []struct {
		name, old, new string
		want           []string
	}{
		{"a replacement is one change", "We keep it for 12 months.\n", "We keep it for 24 months.\n", []string{"-12+24"}},
		{"a kept word between two changes makes two", "one two three\n", "uno two tres\n", []string{"-one+uno", "-three+tres"}},
		{"kept spaces do not split a change", "keep one two three keep\n", "keep uno two tres keep\n", []string{"-one+uno", "-three+tres"}},
		{"spaces alone are no change", "one two\n", "one  two\n", nil},
		{"a new paragraph is one change", "A.\n\n", "A.\n\nB c d.\n\n", []string{"+B c d."}},
		{"each new item is one change", "Items\n\n• a\n\n", "Items\n\n• a\n• b\n• c\n\n", []string{"+b", "+c"}},
		{"a new row is one change", "T\nA — B\n1 — 2\n\n", "T\nA — B\n1 — 2\n3 — 4\n\n", []string{"row +3|+4"}},
		{"a deleted row is one change", "T\nA — B\n1 — 2\n3 — 4\n\n", "T\nA — B\n1 — 2\n\n", []string{"row -3|-4"}},
		{"changed cells of a kept row count apiece", "T\nA — B\nkeep one — two\n\n", "T\nA — B\nkeep uno — dos\n\n", []string{"-one+uno", "-two+dos"}},
		{"a changed heading is one change", "# T\n\n## Old name\n\nx\n\n", "# T\n\n## New name\n\nx\n\n", []string{"-Old+New"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			blocks := diff.Blocks(diff.Redline(c.old, c.new))
			var got []string
			for _, e := range diff.Edits(blocks) {
				got = append(got, describe(blocks, e))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("edits %q, want %q", got, c.want)
			}
		})
	}
}

// describe writes an edit's changed text: "+" before inserted runs, "-"
// before deleted ones; a row's cells joined by "|".
func describe(blocks []diff.Block, e diff.Edit) string {
	marks := func(ops []diff.Op) string {
		var b strings.Builder
		for _, op := range ops {
			switch op.Kind {
			case diff.Insert:
				b.WriteString("+" + op.Text)
			case diff.Delete:
				b.WriteString("-" + op.Text)
			default:
				b.WriteString(op.Text)
			}
		}
		return b.String()
	}
	if e.Row {
		var cells []string
		for _, c := range blocks[e.Block].Cells {
			cells = append(cells, marks(c))
		}
		return "row " + strings.Join(cells, "|")
	}
	return marks(blocks[e.Block].Cells[e.Cell][e.Start:e.End])
}

// node is an element of a parsed page, for checking its structure.
type node struct {
	name     string
	attrs    map[string]string
	parent   *node
	children []*node
	text     strings.Builder // all the text under it
}

// parse reads an HTML fragment that must be well-formed XML (as
// RedlineHTML writes it) into a tree.
func parse(t *testing.T, frag string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader("<root>" + frag + "</root>"))
	d.Strict = true
	var root *node
	var cur *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, frag)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}, parent: cur}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if cur != nil {
				cur.children = append(cur.children, n)
			} else {
				root = n
			}
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			for n := cur; n != nil; n = n.parent {
				n.text.Write(tok)
			}
		}
	}
	return root
}

func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.children {
		c.walk(f)
	}
}

// Property: in both views of random redlines, every change has its id
// once, with the same text, numbered 1 to the count Summarize gives; every
// link to a change leads to one and is no part of a heading's, caption's
// or header cell's name; tables, lists and headings keep their structure; and the changed view shows a heading only for a section with
// a change or as the context of one.
func TestRedlineHTMLProperties(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 300; i++ {
		a := structured(r)
		b := slices.Clone(a)
		for k := r.Intn(6); k > 0; k-- {
			pos := r.Intn(len(b) + 1)
			switch r.Intn(3) {
			case 0:
				b = slices.Insert(b, pos, structured(r)[:1]...)
			case 1:
				if pos < len(b) {
					b = slices.Delete(b, pos, pos+1)
				}
			default:
				if pos < len(b) && b[pos] != "" {
					f := strings.Fields(b[pos])
					if k := r.Intn(len(f)); f[k] != "•" && f[k] != "—" && strings.Trim(f[k], "#") != "" {
						f[k] = strings.ReplaceAll(words(r, 1)[0], "—", "dash")
					}
					b[pos] = strings.Join(f, " ")
				}
			}
		}
		old, new := strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"
		blocks := diff.Blocks(diff.Redline(old, new))
		sum := diff.Summarize(blocks)
		n := sum.Edits
		next := 1
		for _, s := range sum.Sections {
			if s.First != next || s.Count < 1 {
				t.Fatalf("case %d: sections do not number the changes in order: %+v", i, sum)
			}
			next += s.Count
		}
		if next != n+1 {
			t.Fatalf("case %d: sections hold %d changes of %d", i, next-1, n)
		}
		texts := map[string][]string{}
		for _, view := range []diff.HTMLOptions{{}, {Changed: true, Full: "../"}} {
			page := diff.RedlineHTML(blocks, view)
			root := parse(t, page)
			ids := map[string]int{}
			var headings []*node
			root.walk(func(e *node) {
				if id, ok := e.attrs["id"]; ok {
					ids[id]++
					if strings.HasPrefix(id, "change-") {
						texts[id] = append(texts[id], e.text.String())
					}
				}
				switch e.name {
				case "tr":
					if p := e.parent.name; p != "thead" && p != "tbody" {
						t.Fatalf("case %d: a row in %s:\n%s", i, p, page)
					}
					if e.parent.name == "thead" {
						for _, c := range e.children {
							if c.name != "th" || c.attrs["scope"] != "col" {
								t.Fatalf("case %d: a header cell is %s scope=%q:\n%s", i, c.name, c.attrs["scope"], page)
							}
						}
					}
					if e.parent.name == "tbody" && strings.HasPrefix(e.attrs["class"], "row-") && !strings.Contains(e.text.String(), "row: ") {
						t.Fatalf("case %d: a row changed whole does not say so:\n%s", i, page)
					}
				case "li":
					if e.parent.name != "ul" {
						t.Fatalf("case %d: an item in %s", i, e.parent.name)
					}
				case "a":
					href := e.attrs["href"]
					if k, ok := strings.CutPrefix(href, "#change-"); ok {
						if m, err := strconv.Atoi(k); err != nil || m < 1 || m > n {
							t.Fatalf("case %d: a link to %s of %d changes", i, href, n)
						}
					}
					// Never part of the name of a heading, a caption or a
					// header cell.
					for p := e.parent; p != nil; p = p.parent {
						if len(p.name) == 2 && p.name[0] == 'h' || p.name == "caption" || p.name == "th" {
							t.Fatalf("case %d: a link inside a %s:\n%s", i, p.name, page)
						}
					}
				case "h2", "h3", "h4", "h5", "h6":
					headings = append(headings, e)
				}
				// "Change K of N", then links to K-1 (unless K is 1) and K+1
				// (unless K is N).
				if e.attrs["class"] == "change-nav" {
					var k, of int
					fmt.Sscanf(e.children[0].text.String(), "Change %d of %d", &k, &of)
					var want []string
					if k > 1 {
						want = append(want, "#change-"+strconv.Itoa(k-1))
					}
					if k < of {
						want = append(want, "#change-"+strconv.Itoa(k+1))
					}
					var got []string
					for _, c := range e.children[1:] {
						got = append(got, c.attrs["href"])
					}
					if of != n || k < 1 || !slices.Equal(got, want) {
						t.Fatalf("case %d: change %d of %d (of %d) links to %v", i, k, of, n, got)
					}
				}
			})
			for k := 1; k <= n; k++ {
				if id := "change-" + strconv.Itoa(k); ids[id] != 1 {
					t.Fatalf("case %d (changed view %v): %s appears %d times:\n%s", i, view.Changed, id, ids[id], page)
				}
			}
			for id, c := range ids {
				if c != 1 {
					t.Fatalf("case %d: id %s appears %d times", i, id, c)
				}
			}
			if ids["change-"+strconv.Itoa(n+1)] != 0 {
				t.Fatalf("case %d: more than %d changes", i, n)
			}
			if view.Changed {
				// A heading shown heads a section with a change (a change
				// id before the next heading) or a deeper heading next.
				withChange := map[*node]bool{}
				var last *node
				root.walk(func(e *node) {
					if slices.Contains(headings, e) {
						last = e
					}
					if strings.HasPrefix(e.attrs["id"], "change-") && last != nil {
						withChange[last] = true
					}
				})
				for k, h := range headings {
					if withChange[h] {
						continue
					}
					if k+1 == len(headings) || headings[k+1].name <= h.name {
						t.Fatalf("case %d: changed view shows %s %q, which has no change and heads none:\n%s", i, h.name, h.text.String(), page)
					}
				}
				if n == 0 && len(headings) > 0 {
					t.Fatalf("case %d: a changed view of no change shows headings", i)
				}
			}
		}
		for id, ts := range texts {
			if len(ts) != 2 || ts[0] != ts[1] {
				t.Fatalf("case %d: %s reads %q in the two views", i, id, ts)
			}
		}
	}
}
