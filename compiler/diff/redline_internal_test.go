package diff

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var boundedVocab = strings.Fields("we collect personal data to provide our services, and keep it for 24 months. You can ask us to delete it; contact privacy@example.com. Société Générale Łódź Ελλάδα “quotes” § 1798.100 processor controller recipient transfer safeguards")

func randomWords(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = boundedVocab[r.Intn(len(boundedVocab))]
	}
	return strings.Join(w, " ")
}

// longText returns the lines of a notice of about 80,000 tokens: sections
// (some headings repeated), paragraphs, lists and tables, and now and then
// one very long paragraph.
func longText(r *rand.Rand) []string {
	var lines []string
	for s := 0; s < 200; s++ {
		title := fmt.Sprintf("## Section %d %s", s, randomWords(r, 2))
		if r.Intn(5) == 0 {
			title = "### Details"
		}
		lines = append(lines, title, "")
		for b := r.Intn(6); b >= 0; b-- {
			switch r.Intn(4) {
			case 0:
				for k := 1 + r.Intn(4); k > 0; k-- {
					lines = append(lines, "• "+randomWords(r, 1+r.Intn(8)))
				}
			case 1:
				for k := 2 + r.Intn(4); k > 0; k-- {
					lines = append(lines, randomWords(r, 1+r.Intn(3))+" — "+randomWords(r, 1+r.Intn(3)))
				}
			default:
				n := 5 + r.Intn(60)
				if r.Intn(40) == 0 {
					n = 3000
				}
				lines = append(lines, randomWords(r, n))
			}
			lines = append(lines, "")
		}
	}
	return lines
}

// rewriteLine replaces about every other word of a line.
func rewriteLine(r *rand.Rand, l string) string {
	f := strings.Fields(l)
	for k := range f {
		if f[k] != "•" && f[k] != "—" && !strings.HasPrefix(f[k], "#") && r.Intn(2) == 0 {
			f[k] = randomWords(r, 1)
		}
	}
	return strings.Join(f, " ")
}

// Property: a redline of two long texts that differ too much to be diffed
// as a whole (the bounded path) joins back to both texts exactly, is well
// formed (no empty run, no two runs of the same kind in a row, no deleted
// run right after an inserted one), is the same on every run, and keeps
// every section without an edit, when lines are only edited in place.
func TestRedlineBoundedProperties(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 10; i++ {
		a := longText(r)
		b := slices.Clone(a)
		inPlace := i%2 == 0
		// Half the sections have about two lines in three rewritten (not
		// their heading); the others are left as they are.
		touched := make([]bool, len(a)) // the line's section has an edit
		edit := false
		for k := range b {
			if strings.HasPrefix(b[k], "#") {
				edit = r.Intn(2) == 0
				continue
			}
			if edit && b[k] != "" && r.Intn(3) > 0 {
				b[k] = rewriteLine(r, b[k])
			}
		}
		for k := 0; k < len(a); {
			end := k + 1
			for end < len(a) && !strings.HasPrefix(a[end], "#") {
				end++
			}
			if !slices.Equal(a[k:end], b[k:end]) {
				for ; k < end; k++ {
					touched[k] = true
				}
			}
			k = end
		}
		if !inPlace {
			for k := r.Intn(40); k > 0; k-- {
				pos := r.Intn(len(b))
				switch r.Intn(3) {
				case 0:
					b = slices.Insert(b, pos, longText(r)[:2+r.Intn(8)]...)
				case 1:
					b = slices.Delete(b, pos, min(len(b), pos+1+r.Intn(10)))
				default: // move a run of lines
					end := min(len(b), pos+1+r.Intn(10))
					run := slices.Clone(b[pos:end])
					b = slices.Delete(b, pos, end)
					at := r.Intn(len(b) + 1)
					b = slices.Insert(b, at, run...)
				}
			}
		}
		old, new := strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"
		if _, whole := diffWithin(tokens(old), tokens(new), wholeBudget); whole {
			t.Fatalf("case %d: the texts are diffed as a whole, not bounded", i)
		}
		ops := Redline(old, new)
		if o, n := Texts(ops); o != old || n != new {
			t.Fatalf("case %d: redline does not join back", i)
		}
		for k, op := range ops {
			switch {
			case op.Text == "":
				t.Fatalf("case %d: empty run at %d", i, k)
			case k > 0 && ops[k-1].Kind == op.Kind:
				t.Fatalf("case %d: two runs of kind %d in a row at %d", i, op.Kind, k)
			case k > 0 && ops[k-1].Kind == Insert && op.Kind == Delete:
				t.Fatalf("case %d: a deletion after an insertion at %d", i, k)
			}
		}
		if again := Redline(old, new); !slices.Equal(again, ops) {
			t.Fatalf("case %d: two runs differ", i)
		}
		if !inPlace {
			continue
		}
		// Each line of a section without an edit lies in a kept run (with
		// its line break).
		kept := make([]bool, len(old))
		at := 0
		for _, op := range ops {
			if op.Kind == Insert {
				continue
			}
			for k := at; k < at+len(op.Text); k++ {
				kept[k] = op.Kind == Equal
			}
			at += len(op.Text)
		}
		at = 0
		for k, l := range a {
			if !touched[k] && slices.Contains(kept[at:at+len(l)+1], false) {
				t.Fatalf("case %d: line %d %q of a section without an edit is marked", i, k, l)
			}
			at += len(l) + 1
		}
	}
}

// A notice rewritten whole, in one very long paragraph, is replaced whole
// (the size budget's fallback, bounded however long the paragraph: the
// time is BenchmarkRedline's to measure, not a test's), not diffed word by
// word.
func TestRedlineLongParagraph(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	old := "# Notice\n\n" + randomWords(r, 40000) + "\n"
	new := "# Notice\n\n" + rewriteLine(r, old[len("# Notice\n\n"):len(old)-1]) + "\n"
	ops := Redline(old, new)
	// Kept: the title, and at most the paragraph's first or last words
	// if they are the same.
	var kinds []OpKind
	for _, op := range ops {
		kinds = append(kinds, op.Kind)
	}
	if !slices.Equal(kinds, []OpKind{Equal, Delete, Insert, Equal}) || ops[0].Text != "# Notice\n\n" || len(ops[1].Text) < len(old)-100 {
		t.Errorf("got runs %v, want the paragraph replaced whole", kinds)
	}
}

// tokens' shortcut for ASCII splits as unicode's classes do: a letter,
// digit or apostrophe joins the word around it, anything else stands
// alone.
func TestTokensASCIIShortcut(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := 3
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			want = 1
		}
		if got := tokens("a" + string(r) + "b"); len(got) != want {
			t.Errorf("%q splits into %q", r, got)
		}
		if got, space := tokens(" "+string(r)+" "), unicode.IsSpace(r); space != (len(got) == 1) {
			t.Errorf("%q between spaces splits into %q", r, got)
		}
	}
}
