package diff_test

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diff"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

var vocab = strings.Fields("we collect personal data to provide our services, and keep it for 24 months. You can ask us to delete it; contact privacy@example.com. Société Générale Łódź Ελλάδα — “quotes” § 1798.100")

func words(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = vocab[r.Intn(len(vocab))]
	}
	return out
}

// Property: the redline of a text with itself changes nothing, and its
// kept and deleted runs give the old text, its kept and inserted runs the
// new text, exactly.
func TestRedlineProperties(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		a := words(r, r.Intn(80))
		b := append([]string(nil), a...)
		for k := r.Intn(10); k > 0; k-- { // random edits
			switch pos := r.Intn(len(b) + 1); r.Intn(3) {
			case 0:
				b = append(b[:pos], append(words(r, 1+r.Intn(4)), b[pos:]...)...)
			case 1:
				if pos < len(b) {
					b = append(b[:pos], b[pos+1:]...)
				}
			default:
				if pos < len(b) {
					b[pos] = words(r, 1)[0]
				}
			}
		}
		sep := []string{" ", "\n", "\n\n", "  "}[r.Intn(4)]
		old, new := strings.Join(a, sep), strings.Join(b, sep)
		ops := diff.Redline(old, new)
		if o, n := diff.Texts(ops); o != old || n != new {
			t.Fatalf("case %d: redline does not join back:\nold %q\ngot %q\nnew %q\ngot %q", i, old, o, new, n)
		}
		if same := diff.Redline(old, old); diff.Changed(same) {
			t.Fatalf("case %d: a text differs from itself: %v", i, same)
		}
		for _, op := range ops { // words are never split
			if op.Kind == diff.Equal {
				continue
			}
			for _, w := range strings.Fields(op.Text) {
				if !strings.Contains(old+" "+new, w) {
					t.Fatalf("case %d: %q is not a word of either text", i, w)
				}
			}
		}
	}
}

// Reading text in the form render.Plain writes: headings with "#"
// marks, list items with "• ", table rows with " — " between cells.
const oldText = "# Privacy Policy\n\n## Retention\n\nWe keep <data> for 12 months.\n\n• Email\n• Chat\n\nProcessors\nProcessor — Country\nStripe — the United States\n\n### Old part\n\nGone.\n\n"
const newText = "# Privacy Policy\n\n## Keeping data\n\nWe keep <data> for 24 months.\n\n• Email\n• Phone\n• Chat\n\nProcessors\nProcessor — Country\nStripe — the United States\nMollie — the Netherlands\n\n"

// Blocks gives the structure of a redline: the kinds of block, heading
// levels, cells, and every word of the redline in order.
func TestBlocks(t *testing.T) {
	ops := diff.Redline(oldText, newText)
	var got []string
	var oldWords, newWords []string
	for _, b := range diff.Blocks(ops) {
		var cells []string
		for _, c := range b.Cells {
			cells = append(cells, diff.Text(c))
			o, n := diff.Texts(c)
			oldWords, newWords = append(oldWords, strings.Fields(o)...), append(newWords, strings.Fields(n)...)
		}
		got = append(got, fmt.Sprintf("%d/%d/%v %s", b.Kind, b.Level, b.TableStart, strings.Join(cells, " | ")))
	}
	wantBlocks := []string{
		"1/1/false Privacy Policy",
		"1/2/false Keeping data",
		"0/0/false We keep <data> for 24 months.",
		"2/0/false Email", "2/0/false Phone", "2/0/false Chat",
		"0/0/false Processors",
		"3/0/true Processor | Country",
		"3/0/false Stripe | the United States",
		"3/0/false Mollie | the Netherlands",
		"1/3/false Old part",
		"0/0/false Gone.",
	}
	if strings.Join(got, "\n") != strings.Join(wantBlocks, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBlocks, "\n"))
	}
	// The blocks hold every word of both texts, in order, and no layout
	// mark.
	for _, c := range []struct {
		got  []string
		text string
	}{{oldWords, oldText}, {newWords, newText}} {
		var want []string
		for _, w := range strings.Fields(c.text) {
			if w != "#" && w != "##" && w != "###" && w != "•" && w != "—" {
				want = append(want, w)
			}
		}
		if strings.Join(c.got, " ") != strings.Join(want, " ") {
			t.Errorf("words:\n%s\nwant:\n%s", strings.Join(c.got, " "), strings.Join(want, " "))
		}
	}
}

// BenchmarkRedline100Pages diffs two texts of about 100 pages each (the
// European notice, about 15 pages, seven times over) that differ in a few
// places.
func BenchmarkRedline100Pages(b *testing.B) {
	md, err := os.ReadFile("../testdata/notices/eu.md")
	if err != nil {
		b.Fatal(err)
	}
	old := strings.Repeat(string(md), 7)
	new := strings.Replace(old, "12 months", "24 months", 5)
	new = strings.Replace(new, "Helpwise", "Helpwise Group", 40)
	b.SetBytes(int64(len(old)))
	b.ReportAllocs()
	for b.Loop() {
		if ops := diff.Redline(old, new); !diff.Changed(ops) {
			b.Fatal("no change found")
		}
	}
}

// structured returns a random reading text: headings, paragraphs, list
// items and tables, as render.Plain writes them (without a dash in the
// text, which would read as a cell separator in a table).
func structured(r *rand.Rand) []string {
	words := func(r *rand.Rand, n int) []string {
		out := words(r, n)
		for i, w := range out {
			if w == "—" {
				out[i] = "dash"
			}
		}
		return out
	}
	var lines []string
	for n := r.Intn(12); n >= 0; n-- {
		switch r.Intn(4) {
		case 0:
			lines = append(lines, strings.Repeat("#", 1+r.Intn(4))+" "+strings.Join(words(r, 1+r.Intn(4)), " "), "")
		case 1:
			lines = append(lines, strings.Join(words(r, 1+r.Intn(30)), " "), "")
		case 2:
			for k := 1 + r.Intn(4); k > 0; k-- {
				lines = append(lines, "• "+strings.Join(words(r, 1+r.Intn(8)), " "))
			}
			lines = append(lines, "")
		default:
			cols := 2 + r.Intn(3)
			for k := 2 + r.Intn(4); k > 0; k-- {
				var cells []string
				for c := 0; c < cols; c++ {
					cells = append(cells, strings.Join(words(r, 1+r.Intn(4)), " "))
				}
				lines = append(lines, strings.Join(cells, " — "))
			}
			lines = append(lines, "")
		}
	}
	return lines
}

// Property: the blocks of a redline hold every word of both texts, in
// order, without the layout marks, and no block spans a line break.
func TestBlocksProperties(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	marks := map[string]bool{"#": true, "##": true, "###": true, "####": true, "•": true, "—": true}
	content := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			f := strings.Fields(line)
			for i, w := range f {
				if marks[w] && (i == 0 || w == "—") {
					continue
				}
				out = append(out, w)
			}
		}
		return strings.Join(out, " ")
	}
	for i := 0; i < 300; i++ {
		a := structured(r)
		b := append([]string(nil), a...)
		for k := r.Intn(6); k > 0; k-- {
			pos := r.Intn(len(b) + 1)
			switch r.Intn(3) {
			case 0:
				b = append(b[:pos], append(structured(r)[:1], b[pos:]...)...)
			case 1:
				if pos < len(b) {
					b = append(b[:pos], b[pos+1:]...)
				}
			default:
				if pos < len(b) && b[pos] != "" {
					// Replace a word (not a layout mark).
					f := strings.Fields(b[pos])
					if k := r.Intn(len(f)); !marks[f[k]] {
						f[k] = strings.ReplaceAll(words(r, 1)[0], "—", "dash")
					}
					b[pos] = strings.Join(f, " ")
				}
			}
		}
		old, new := strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"
		// A mark only one text has at the start of a line (an item that
		// became a paragraph) stays, marked, in the block: ignore marks.
		var ow, nw []string
		for _, bl := range diff.Blocks(diff.Redline(old, new)) {
			for _, c := range bl.Cells {
				o, n := diff.Texts(c)
				if strings.Contains(o+n, "\n") {
					t.Fatalf("case %d: a block spans lines: %v", i, c)
				}
				for _, w := range strings.Fields(o) {
					if !marks[w] {
						ow = append(ow, w)
					}
				}
				for _, w := range strings.Fields(n) {
					if !marks[w] {
						nw = append(nw, w)
					}
				}
			}
		}
		// Compared without spaces: a line break only one text has may
		// split a word from the punctuation after it.
		squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if got, want := strings.Join(ow, ""), squash(content(old)); got != want {
			t.Fatalf("case %d: old words\n%s\nwant\n%s", i, got, want)
		}
		if got, want := strings.Join(nw, ""), squash(content(new)); got != want {
			t.Fatalf("case %d: new words\n%s\nwant\n%s", i, got, want)
		}
	}
}

// rewrite returns text with every line but its headings rewritten: about
// every other word replaced, a word inserted and one deleted now and then.
func rewrite(r *rand.Rand, text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		for k := range f {
			if f[k] == "•" || f[k] == "—" {
				continue
			}
			switch r.Intn(12) {
			case 0, 1, 2, 3, 4, 5:
				f[k] = words(r, 1)[0]
			case 6:
				f[k] += " " + words(r, 1)[0]
			case 7:
				f[k] = ""
			}
		}
		lines[i] = strings.Join(strings.Fields(strings.Join(f, " ")), " ") + l[len(strings.TrimRight(l, "\n")):]
	}
	return strings.Join(lines, "")
}

// BenchmarkRedlineRewrite diffs a notice of about 15, 105 and 1,000 pages
// (the European notice, about 15 pages, repeated) with a rewrite of all its
// text but its headings, and the same without headings (one section, so
// paragraph by paragraph); ns/page stays flat as the notice grows.
func BenchmarkRedlineRewrite(b *testing.B) {
	md, err := os.ReadFile("../testdata/notices/eu.md")
	if err != nil {
		b.Fatal(err)
	}
	var flat []string
	for _, l := range strings.SplitAfter(string(md), "\n") {
		if !strings.HasPrefix(l, "#") {
			flat = append(flat, l)
		}
	}
	for _, c := range []struct {
		name string
		text string
	}{{"sections", string(md)}, {"onesection", strings.Join(flat, "")}} {
		for _, copies := range []int{1, 7, 67} {
			old := strings.Repeat(c.text, copies)
			new := rewrite(rand.New(rand.NewSource(int64(copies))), old)
			b.Run(fmt.Sprintf("%s/pages=%d", c.name, 15*copies), func(b *testing.B) {
				b.SetBytes(int64(len(old)))
				b.ReportAllocs()
				for b.Loop() {
					if ops := diff.Redline(old, new); !diff.Changed(ops) {
						b.Fatal("no change found")
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(15*copies), "ns/page")
			})
		}
	}
}
