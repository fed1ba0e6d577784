package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	mdrender "github.com/disclose-dev/disclose/compiler/render"
)

// paragraphDoc is a notice of one section holding one paragraph of about
// n characters of ordinary words (none when n is 0).
func paragraphDoc(n int) *notice.Document { return paragraphsDoc(n, 1) }

// paragraphsDoc is a notice of one section holding count paragraphs of
// about n characters each.
func paragraphsDoc(n, count int) *notice.Document {
	words := strings.Fields("We collect personal data about you when you use our services, and keep it only as long as we need it for the purposes this notice describes.")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	s := &notice.Section{ID: "s", Title: "A long paragraph"}
	for range count {
		if n > 0 {
			s.Add(&notice.Paragraph{Text: notice.Text(b.String())})
		}
	}
	return &notice.Document{ID: "p", Title: "Privacy notice", Organization: "Example Ltd", Effective: "2026-01-01", LastUpdated: "2026-01-01",
		Sections: []*notice.Section{s}}
}

// longNotice is the sample's European notice with its sections repeated
// copies times, each copy's anchors made its own: pages of the sample's
// own headings, paragraphs, lists and tables.
func longNotice(t testing.TB, copies int) *notice.Document {
	eu := sample(t)[1]
	d := *eu
	var renamed func(s *notice.Section, k int) *notice.Section
	renamed = func(s *notice.Section, k int) *notice.Section {
		c := *s
		c.ID = fmt.Sprintf("%s-%d", s.ID, k)
		c.Sections = nil
		for _, sub := range s.Sections {
			c.Sections = append(c.Sections, renamed(sub, k))
		}
		return &c
	}
	d.Sections = nil
	for k := range copies {
		for _, s := range eu.Sections {
			d.Sections = append(d.Sections, renamed(s, k))
		}
	}
	return &d
}

func mustRender(t testing.TB, d *notice.Document) []byte {
	t.Helper()
	b, bad, err := pdf.Render(d, pdf.Options{Version: "2026-11"})
	if err != nil || len(bad) > 0 {
		t.Fatalf("render %s: %v %v", d.ID, err, bad)
	}
	return b
}

// pageCount counts the pages of a PDF typeset by Render.
func pageCount(b []byte) int { return bytes.Count(b, []byte("/Type /Page ")) }

// allocated returns the bytes Render allocates to typeset d: the fewest of
// three runs, as a zlib writer dropped from its pool at a collection is
// made again.
func allocated(t *testing.T, d *notice.Document) uint64 {
	least := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		mustRender(t, d)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}

// One paragraph of 160,000 characters costs about the memory to typeset
// of the same text in 16 paragraphs of 10,000 (the same pages, fonts and
// streams): line breaking and fpdf's text output are linear in the length
// of a paragraph; quadratic, the long paragraph would cost about 16 times
// as much. (fpdf's own Write was quadratic; compiler/pdf/internal/fpdf's
// TestWriteLinear covers it.)
func TestLongParagraphLinear(t *testing.T) {
	mustRender(t, paragraphDoc(0)) // the fonts are parsed once, on the first PDF
	short, long := allocated(t, paragraphsDoc(10_000, 16)), allocated(t, paragraphDoc(160_000))
	ratio := float64(long) / float64(short)
	t.Logf("allocated: %d bytes for 16 paragraphs of 10,000 characters, %d for one of 160,000 (%.2f times)", short, long, ratio)
	if ratio > 2 {
		t.Errorf("one 160,000-character paragraph allocated %.1f times as much as the same text in 16 paragraphs (%d bytes against %d): want about 1", ratio, long, short)
	}
}

// PDFs typeset concurrently are the same bytes as typeset one after the
// other: the fonts parsed once are shared, nothing else is. Run with
// go test -race.
func TestConcurrentRender(t *testing.T) {
	docs := sample(t)
	blocks, redline := sampleRedline(t)
	head := &notice.Document{ID: "eu", Title: "Changes", Organization: "Helpwise", Effective: "2025-12-15", LastUpdated: "2025-12-15"}
	redlineOf := func() []byte {
		b, bad, err := pdf.Redline(head, blocks, pdf.Options{})
		if err != nil || len(bad) > 0 {
			t.Errorf("redline: %v %v", err, bad)
		}
		return b
	}
	want := [][]byte{redlineOf()}
	for _, d := range docs {
		want = append(want, render(t, d))
	}
	got := make([][]byte, 2*len(want))
	done := make(chan struct{})
	for i := range got {
		go func() {
			defer func() { done <- struct{}{} }()
			if k := i % len(want); k == 0 {
				got[i] = redlineOf()
			} else {
				b, bad, err := pdf.Render(docs[k-1], pdf.Options{Version: "2026-11", URL: "https://helpwise.example/" + docs[k-1].ID + "/"})
				if err != nil || len(bad) > 0 {
					t.Errorf("render %s: %v %v", docs[k-1].ID, err, bad)
				}
				got[i] = b
			}
		}()
	}
	for range got {
		<-done
	}
	for i, b := range got {
		if !bytes.Equal(b, want[i%len(want)]) {
			t.Errorf("PDF %d typeset concurrently differs from the same typeset alone", i)
		}
	}
	if len(redline) == 0 {
		t.Error("no sample redline")
	}
}

// BenchmarkParagraph100k typesets a notice of one 100,000-character
// paragraph (about 25 pages).
func BenchmarkParagraph100k(b *testing.B) {
	d := paragraphDoc(100_000)
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		out = mustRender(b, d)
	}
	b.ReportMetric(float64(pageCount(out)), "pages")
}

// BenchmarkNotice1000Pages typesets a notice of about 1,000 pages: the
// European notice's sections, repeated.
func BenchmarkNotice1000Pages(b *testing.B) {
	one := pageCount(mustRender(b, sample(b)[1]))
	d := longNotice(b, (1000+one-2)/(one-1)) // a copy's last page is part-filled
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		out = mustRender(b, d)
	}
	b.ReportMetric(float64(pageCount(out)), "pages")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pageCount(out)), "ms/page")
}

// BenchmarkParagraphScaling typesets the same 100,000 characters as ten
// paragraphs of 10,000 and as one paragraph, the same pages, and reports
// the time per character of each and their ratio, "growth": about 1 when
// typesetting is linear in the length of a paragraph, about 10 if it is
// quadratic (as fpdf's Write was).
func BenchmarkParagraphScaling(b *testing.B) {
	docs := []*notice.Document{paragraphsDoc(10_000, 10), paragraphDoc(100_000)}
	var spent [2]time.Duration
	for b.Loop() {
		for i, d := range docs {
			start := time.Now()
			mustRender(b, d)
			spent[i] += time.Since(start)
		}
	}
	per := func(i int) float64 { return float64(spent[i]) / float64(b.N) / 100_000 }
	b.ReportMetric(per(0), "ns/char@10k")
	b.ReportMetric(per(1), "ns/char@100k")
	b.ReportMetric(per(1)/per(0), "growth")
}

// sitePDFs are the PDFs of the sample site, as compiler/site typesets them
// on a cold build: every released version of every sample notice, and the
// redline of each version against the one before.
type sitePDFs struct {
	docs     []*notice.Document
	opts     []pdf.Options
	heads    []*notice.Document
	redlines [][]diff.Block
}

func sampleSite(t testing.TB) *sitePDFs {
	t.Helper()
	ids, err := os.ReadDir(filepath.Join("..", "..", "releases"))
	if err != nil {
		t.Fatal(err)
	}
	s := &sitePDFs{}
	for _, id := range ids {
		if !id.IsDir() || id.Name() == "snapshots" {
			continue
		}
		versions, err := os.ReadDir(filepath.Join("..", "..", "releases", id.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var prev *notice.Document
		for _, v := range versions { // in order: versions are dates
			if !v.IsDir() {
				continue
			}
			d := frozen(t, id.Name(), v.Name())
			s.docs = append(s.docs, d)
			s.opts = append(s.opts, pdf.Options{Version: v.Name(), URL: "https://helpwise.example/" + d.ID + "/" + v.Name() + "/"})
			if prev != nil {
				s.heads = append(s.heads, &notice.Document{ID: d.ID, Title: d.Title + ": changes in version " + v.Name(), Organization: d.Organization,
					Effective: d.Effective, LastUpdated: d.LastUpdated,
					Intro: []notice.Block{&notice.Paragraph{Text: "The text of this version compared with the one before."}}})
				s.redlines = append(s.redlines, diff.Blocks(diff.Redline(mdrender.Plain(prev), mdrender.Plain(d))))
			}
			prev = d
		}
	}
	if len(s.docs) == 0 || len(s.redlines) == 0 {
		t.Fatal("no released sample notices")
	}
	return s
}

// typesetAll typesets every PDF of s, one after the other, and returns
// their total size.
func (s *sitePDFs) typesetAll(t testing.TB) int {
	size := 0
	for i, d := range s.docs {
		b, bad, err := pdf.Render(d, s.opts[i])
		if err != nil || len(bad) > 0 {
			t.Fatalf("render %s %s: %v %v", d.ID, s.opts[i].Version, err, bad)
		}
		size += len(b)
	}
	for i, h := range s.heads {
		b, bad, err := pdf.Redline(h, s.redlines[i], pdf.Options{})
		if err != nil || len(bad) > 0 {
			t.Fatalf("redline %s: %v %v", h.Title, err, bad)
		}
		size += len(b)
	}
	return size
}

// BenchmarkSampleSite typesets the PDFs of the sample site, one after the
// other: every released version of the sample notices and a redline of
// each against the one before, the work of a cold build. Each iteration
// starts as a process does (pdf.Forget): the fonts not yet parsed, no
// subset of them made, no text parsed.
func BenchmarkSampleSite(b *testing.B) {
	s := sampleSite(b)
	b.ReportAllocs()
	for b.Loop() {
		pdf.Forget()
		s.typesetAll(b)
	}
	b.ReportMetric(float64(len(s.docs)+len(s.heads)), "pdfs")
}
