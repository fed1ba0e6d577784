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

func words(r *rand.Rand, n int) []string {
	vocab := strings.Fields("we collect personal data to provide our services, and keep it for 24 months. You can ask us to delete it; contact privacy@example.com. Société Générale Łódź Ελλάδα — “quotes” § 1798.100")
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

func TestRedlineHTML(t *testing.T) {
	got := diff.HTML(diff.Redline(oldText, newText))
	for _, want := range []string{
		"<h2>Privacy Policy</h2>",
		`<h3><del><span class="visually-hidden">[deleted: </span>Retention<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[inserted: </span>Keeping data<span class="visually-hidden">]</span></ins></h3>`,
		"&lt;data&gt;",
		`<del><span class="visually-hidden">[deleted: </span>12`, `<ins><span class="visually-hidden">[inserted: </span>24`,
		"<ul>\n<li>Email</li>\n<li><ins>",
		"<table>\n<tr><th>Processor</th><th>Country</th></tr>\n<tr><td>Stripe</td><td>the United States</td></tr>\n<tr><td><ins>",
		"<h4><del>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"#", "•", " — "} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML shows the layout mark %q:\n%s", bad, got)
		}
	}
}

// Blocks gives the structure of a redline: the kinds of block, heading
// levels, cells, and every word of the redline in order.
func TestBlocks(t *testing.T) {
	ops := diff.Redline(oldText, newText)
	var got []string
	var words, want []string
	for _, b := range diff.Blocks(ops) {
		var cells []string
		for _, c := range b.Cells {
			cells = append(cells, diff.Text(c))
			for _, op := range c {
				words = append(words, strings.Fields(op.Text)...)
			}
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
	for _, op := range ops {
		for _, w := range strings.Fields(op.Text) {
			if w != "#" && w != "##" && w != "###" && w != "•" && w != "—" {
				want = append(want, w)
			}
		}
	}
	if strings.Join(words, " ") != strings.Join(want, " ") {
		t.Errorf("words:\n%s\nwant:\n%s", strings.Join(words, " "), strings.Join(want, " "))
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
