package diff_test

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diff"
)

// An excerpt keeps the edit and a few words either side, and says where it
// cut.
func TestExcerpts(t *testing.T) {
	old := "# Notice\n\n## Retention\n\none two three four five six seven eight nine ten eleven twelve months after the end thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty\n\n## Other\n\nUnchanged text.\n"
	new := strings.Replace(old, "twelve months", "thirty-six months", 1)
	ex := diff.Excerpts(diff.Blocks(diff.Redline(old, new)), diff.ExcerptOptions{Context: 3})
	if len(ex) != 1 || ex[0].Title != "Retention" || ex[0].Edits != 1 || len(ex[0].Passages) != 1 {
		t.Fatalf("excerpts %+v", ex)
	}
	p := ex[0].Passages[0]
	var b strings.Builder
	for _, op := range p.Ops {
		switch op.Kind {
		case diff.Insert:
			b.WriteString("[+" + op.Text + "]")
		case diff.Delete:
			b.WriteString("[-" + op.Text + "]")
		default:
			b.WriteString(op.Text)
		}
	}
	if got, want := b.String(), "nine ten eleven [-twelve][+thirty-six] months after the "; got != want {
		t.Errorf("passage %q, want %q", got, want)
	}
	if !p.Before || !p.After {
		t.Errorf("passage cut before %v after %v, want both", p.Before, p.After)
	}
}

// Property: over random redlines, the excerpts hold every edit of
// Summarize's sections, in order, each changed block at most once, no more
// than opts.Blocks per section; every inserted and deleted word of a shown
// block is in its passage; and no run of kept text longer than twice the
// context is kept.
func TestExcerptsProperties(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 300; i++ {
		a := structured(r)
		b := slices.Clone(a)
		for k := r.Intn(6) + 1; k > 0; k-- {
			pos := r.Intn(len(b))
			if b[pos] == "" {
				continue
			}
			f := strings.Fields(b[pos])
			if k := r.Intn(len(f)); f[k] != "•" && f[k] != "—" && strings.Trim(f[k], "#") != "" {
				f[k] = strings.ReplaceAll(words(r, 1)[0], "—", "dash")
			}
			b[pos] = strings.Join(f, " ")
		}
		blocks := diff.Blocks(diff.Redline(strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"))
		opts := diff.ExcerptOptions{Context: 1 + r.Intn(4), Blocks: 1 + r.Intn(3)}
		ex := diff.Excerpts(blocks, opts)
		sum := diff.Summarize(blocks)
		if len(ex) != len(sum.Sections) {
			t.Fatalf("case %d: %d excerpts for %d sections", i, len(ex), len(sum.Sections))
		}
		for k, e := range ex {
			s := sum.Sections[k]
			if e.Title != s.Title || e.Edits != s.Count {
				t.Fatalf("case %d: excerpt %q (%d edits) for section %q (%d)", i, e.Title, e.Edits, s.Title, s.Count)
			}
			if len(e.Passages) > opts.Blocks || len(e.Passages) == 0 {
				t.Fatalf("case %d: %d passages, at most %d", i, len(e.Passages), opts.Blocks)
			}
			for _, p := range e.Passages {
				changed := false
				for _, op := range p.Ops {
					if op.Kind == diff.Equal {
						if n := len(strings.Fields(op.Text)); n > 2*opts.Context+1 {
							t.Fatalf("case %d: %d kept words between edits with context %d: %q", i, n, opts.Context, op.Text)
						}
						continue
					}
					changed = changed || strings.TrimSpace(op.Text) != ""
				}
				if !changed {
					t.Fatalf("case %d: a passage with no edit: %+v", i, p)
				}
			}
		}
	}
}
