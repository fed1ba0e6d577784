package diff_test

import (
	"fmt"
	"math/rand"
	"reflect"
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
		// Column headings, which name the cells of a row in a passage.
		var labels []string
		for _, bl := range blocks {
			if bl.TableStart {
				for _, c := range bl.Cells {
					labels = append(labels, diff.Text(c)+": ")
				}
			}
		}
		changedBlocks := map[int]bool{}
		for _, e := range diff.Edits(blocks) {
			changedBlocks[e.Block] = true
		}
		shown := 0
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
						text := op.Text
						for _, l := range labels {
							text = strings.ReplaceAll(text, l, " ")
						}
						text = strings.ReplaceAll(text, " — ", " ")
						if n := len(strings.Fields(text)); n > 2*opts.Context+1 {
							t.Fatalf("case %d: %d kept words between edits with context %d: %q", i, n, opts.Context, op.Text)
						}
						continue
					}
					changed = changed || strings.TrimSpace(op.Text) != ""
				}
				if !changed {
					t.Fatalf("case %d: a passage with no edit: %+v", i, p)
				}
				if p.Places < 1 {
					t.Fatalf("case %d: a passage in %d places", i, p.Places)
				}
				shown += p.Places
			}
			for a := range e.Passages {
				for b := range a {
					if reflect.DeepEqual(e.Passages[a].Ops, e.Passages[b].Ops) && e.Passages[a].Before == e.Passages[b].Before && e.Passages[a].After == e.Passages[b].After {
						t.Fatalf("case %d: passages %d and %d read the same", i, b, a)
					}
				}
			}
			shown += e.More
		}
		// Every changed block is shown, counted in a passage's places, or
		// counted as more.
		if shown != len(changedBlocks) {
			t.Fatalf("case %d: %d changed blocks shown or counted, want %d", i, shown, len(changedBlocks))
		}
	}
}

// render writes a passage as a review does: insertions in [+ ], deletions
// in [- ], text cut out as " … ", runs of white space as one space.
func render(p diff.Passage) string {
	var b strings.Builder
	if p.Before {
		b.WriteString("… ")
	}
	for _, op := range p.Ops {
		switch {
		case op.Kind == diff.Insert:
			b.WriteString("[+" + op.Text + "]")
		case op.Kind == diff.Delete:
			b.WriteString("[-" + op.Text + "]")
		case op.Text == "":
			b.WriteString(" … ")
		default:
			b.WriteString(op.Text)
		}
	}
	if p.After {
		b.WriteString(" …")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// The same change made in two rows of a section is shown once, in two
// places.
func TestExcerptsSamePassage(t *testing.T) {
	old := "# N\n\n## Retention\n\nData — Kept for\nCalls — 12 months\n\nData — Kept for\nCalls — 12 months\n\nOther text, 12 days.\n"
	new := strings.ReplaceAll(old, "12 months", "36 months")
	new = strings.Replace(new, "12 days", "36 days", 1)
	ex := diff.Excerpts(diff.Blocks(diff.Redline(old, new)), diff.ExcerptOptions{})
	if len(ex) != 1 || ex[0].Edits != 3 || len(ex[0].Passages) != 2 || ex[0].More != 0 {
		t.Fatalf("excerpts %+v", ex)
	}
	if p := ex[0].Passages[0]; p.Places != 2 || render(p) != "Calls — Kept for: [-12][+36] months" {
		t.Errorf("passage %q in %d places, want the row in 2", render(p), p.Places)
	}
	if p := ex[0].Passages[1]; p.Places != 1 || render(p) != "Other text, [-12][+36] days." {
		t.Errorf("passage %q in %d places, want the paragraph in 1", render(p), p.Places)
	}
}

// A long inserted run is cut to its first and last 15 words; a short one is
// shown whole.
func TestExcerptsLongRun(t *testing.T) {
	var ws []string
	for i := 1; i <= 50; i++ {
		ws = append(ws, fmt.Sprintf("w%d", i))
	}
	old := "# N\n\n## S\n\nWe keep it.\n"
	new := "# N\n\n## S\n\nWe keep it " + strings.Join(ws, " ") + ".\n"
	ex := diff.Excerpts(diff.Blocks(diff.Redline(old, new)), diff.ExcerptOptions{})
	want := "We keep it[+ " + strings.Join(ws[:15], " ") + "] … [+" + strings.Join(ws[35:], " ") + "]."
	if len(ex) != 1 || len(ex[0].Passages) != 1 || render(ex[0].Passages[0]) != want {
		t.Fatalf("excerpts %+v\nwant %q", ex, want)
	}
	new = "# N\n\n## S\n\nWe keep it " + strings.Join(ws[:40], " ") + ".\n"
	ex = diff.Excerpts(diff.Blocks(diff.Redline(old, new)), diff.ExcerptOptions{})
	if want := "We keep it[+ " + strings.Join(ws[:40], " ") + "]."; render(ex[0].Passages[0]) != want {
		t.Errorf("passage %q, want %q", render(ex[0].Passages[0]), want)
	}
}

// Context is counted in words separated by any white space: a no-break
// space or a tab separates two words as a space does.
func TestExcerptsUnicodeSpaces(t *testing.T) {
	old := "# N\n\n## S\n\none two\u00a0three 12 months\tfour\u00a0five six\n"
	new := strings.Replace(old, "12", "36", 1)
	ex := diff.Excerpts(diff.Blocks(diff.Redline(old, new)), diff.ExcerptOptions{Context: 1})
	if got, want := render(ex[0].Passages[0]), "… three [-12][+36] months …"; got != want {
		t.Errorf("passage %q, want %q", got, want)
	}
}
