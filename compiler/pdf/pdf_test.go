package pdf_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

var day = model.Date("2026-11-23")

func sample(t testing.TB) []*notice.Document {
	t.Helper()
	_, docs, diags := compiler.Compile(disclose.Sample, "data", &compiler.Options{Date: day})
	// The sample publishes every registered pack's notice.
	if len(diags) > 0 || len(docs) != len(compiler.DefaultJurisdictions()) {
		t.Fatalf("compile: %d notices of %d packs: %v", len(docs), len(compiler.DefaultJurisdictions()), diags)
	}
	return docs
}

func render(t testing.TB, d *notice.Document) []byte {
	t.Helper()
	b, bad, err := pdf.Render(d, pdf.Options{Version: "2026-11", URL: "https://helpwise.example/" + d.ID + "/"})
	if err != nil || len(bad) > 0 {
		t.Fatalf("render %s: %v %v", d.ID, err, bad)
	}
	return b
}

// tool runs a poppler or qpdf command on a PDF file and returns its output.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: install poppler-utils and qpdf (scripts/browser-setup.sh does)", name)
	}
	out, err := exec.Command(path, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func write(t *testing.T, b []byte) string {
	path := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// cellText is what a table cell shows: its inline Markdown without markup.
func cellText(t notice.Text) string {
	s := string(t)
	for _, r := range []string{"**", "\\"} {
		s = strings.ReplaceAll(s, r, "")
	}
	// [text](url) -> text
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], ")")
		open := strings.LastIndex(s[:i], "[")
		if j < 0 || open < 0 {
			break
		}
		s = s[:open] + s[open+1:i] + s[i+j+1:]
	}
	return squash(s)
}

// TestSampleNoticePDFs opens each sample notice's PDF with poppler and qpdf.
func TestSampleNoticePDFs(t *testing.T) {
	for _, d := range sample(t) {
		t.Run(d.ID, func(t *testing.T) {
			b := render(t, d)
			path := write(t, b)
			if again := render(t, d); !bytes.Equal(b, again) {
				t.Error("two renderings differ")
			}
			tool(t, "qpdf", "--check", path)

			info := tool(t, "pdfinfo", path)
			for _, want := range []string{"Title:           " + d.Title, "Author:          Helpwise", "CreationDate:    Mon Nov 23 00:00:00 2026 UTC"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			fonts := tool(t, "pdffonts", path)
			for _, line := range strings.Split(fonts, "\n")[2:] {
				if f := strings.Fields(line); len(f) > 4 && f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", line)
				}
			}

			text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
			flat := squash(text)
			// Section headings in reading order.
			at := 0
			d.Walk(func(s *notice.Section, _ int) {
				i := strings.Index(flat[at:], squash(s.Title))
				if i < 0 {
					t.Errorf("heading %q missing or out of order", s.Title)
					return
				}
				at += i
			})
			// Every table cell's words, in order (a cell may wrap over
			// several lines and continue on the next page).
			words := strings.Fields(text)
			d.Walk(func(s *notice.Section, _ int) {
				for _, bl := range s.Blocks {
					tb, ok := bl.(*notice.Table)
					if !ok {
						continue
					}
					for _, row := range tb.Rows {
						for _, c := range row {
							if want := cellText(c); want != "" && !hasWords(words, strings.Fields(want)) {
								t.Errorf("table %q: cell %q missing from the text layer", tb.Caption, want)
							}
						}
					}
				}
			})
			pages := strings.Count(text, "\f")
			for _, want := range []string{"Effective: 23 November 2026", "Version: 2026-11", "Page 1 of " + fmt.Sprint(pages), fmt.Sprintf("Page %d of %d", pages, pages)} {
				if !strings.Contains(flat, want) {
					t.Errorf("text lacks %q", want)
				}
			}

			// One bookmark per section, nested as the sections are.
			var js struct {
				Outlines []outline `json:"outlines"`
			}
			if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
				t.Fatal(err)
			}
			var want, got []string
			d.Walk(func(s *notice.Section, depth int) { want = append(want, fmt.Sprintf("%d %s", depth, s.Title)) })
			flatten(js.Outlines, 1, &got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// hasWords reports whether want occurs in words as a subsequence that starts
// at one of its occurrences and skips at most 400 other words (the rest of a
// table row, a page break) between two of its words.
func hasWords(words, want []string) bool {
	for start := range words {
		if words[start] != want[0] {
			continue
		}
		i, k := start+1, 1
		for k < len(want) && i < len(words) && i-start < 400*len(want) {
			if words[i] == want[k] {
				k++
			}
			i++
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func flatten(os []outline, depth int, out *[]string) {
	for _, o := range os {
		*out = append(*out, fmt.Sprintf("%d %s", depth, o.Title))
		flatten(o.Kids, depth+1, out)
	}
}

// Names in many scripts render with the embedded font; text it cannot show
// is reported with its place, not dropped or printed as "?".
func TestUnicodeText(t *testing.T) {
	names := "Société Générale, Müller GmbH, Łódź, Ελλάδα, “quotes” – dashes — §1798.100 ± ½"
	s := &notice.Section{ID: "names", Title: "Names"}
	s.P(notice.Plain(names))
	d := &notice.Document{ID: "t", Title: "Test", Organization: "Acme", Effective: "2026-01-01", LastUpdated: "2026-01-01", Sections: []*notice.Section{s}}
	b := render(t, d)
	if text := squash(tool(t, "pdftotext", "-enc", "UTF-8", write(t, b), "-")); !strings.Contains(text, names) {
		t.Errorf("text layer lacks %q:\n%s", names, text)
	}
	s.P("Beijing 北京 ✓")
	_, bad, err := pdf.Render(d, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range bad {
		got = append(got, u.String())
	}
	if len(bad) != 2 || bad[0].Char != '北' || bad[1].Char != '京' || bad[0].Section != "names" {
		t.Errorf("unsupported characters: %q", got)
	}
}

// A 300-row processor table with 60-word cells paginates within the margins:
// every page's text stays inside the printable area, the header row repeats
// on every page, and a page renders to an image (kept in testdata/out).
func TestStressTable(t *testing.T) {
	words := strings.Repeat("processing of customer support tickets and account data ", 7)[:0]
	for i := 0; i < 60; i++ {
		words += fmt.Sprintf("word%d ", i)
	}
	tb := &notice.Table{Caption: "Processors", Head: []string{"Processor", "Service", "Location", "Safeguard"}}
	for i := 0; i < 300; i++ {
		tb.Rows = append(tb.Rows, []notice.Text{notice.Text(fmt.Sprintf("Processor %03d", i)), notice.Text(words), "United States", notice.Text(words)})
	}
	s := &notice.Section{ID: "list", Title: "Processors"}
	s.Add(tb)
	d := &notice.Document{ID: "stress", Title: "Stress", Organization: "Acme", Effective: "2026-01-01", LastUpdated: "2026-01-01", Sections: []*notice.Section{s}}
	b := render(t, d)
	path := write(t, b)
	tool(t, "qpdf", "--check", path)
	bbox := tool(t, "pdftotext", "-bbox", path, "-")
	// A4 is 595x842 points; the margins are 20 mm (56.7 points).
	var pages, overflow int
	for _, line := range strings.Split(bbox, "\n") {
		if strings.Contains(line, "<page ") {
			pages++
		}
		if !strings.Contains(line, "<word ") {
			continue
		}
		var xMin, yMin, xMax, yMax float64
		if _, err := fmt.Sscanf(line[strings.Index(line, "xMin"):], `xMin="%f" yMin="%f" xMax="%f" yMax="%f"`, &xMin, &yMin, &xMax, &yMax); err != nil {
			t.Fatal(err)
		}
		// The running header sits above y=50 and the footer below
		// y=805 (both in the margins); everything else is body text,
		// which must stay inside the 20 mm margins.
		if yMax <= 50 || yMin >= 805 {
			continue
		}
		if xMin < 56 || xMax > 595-56 || yMax > 842-56 {
			overflow++
		}
	}
	if overflow > 0 {
		t.Errorf("%d words outside the margins", overflow)
	}
	text := squash(tool(t, "pdftotext", path, "-"))
	if heads := strings.Count(text, "Safeguard"); pages < 20 || heads < pages {
		t.Errorf("%d pages, header row printed %d times", pages, heads)
	}
	for _, want := range []string{"Processor 000", "Processor 299"} {
		if !strings.Contains(text, want) {
			t.Errorf("lost %s", want)
		}
	}
	out := filepath.Join("testdata", "out")
	_ = os.MkdirAll(out, 0o755)
	tool(t, "pdftoppm", "-r", "50", "-f", "2", "-l", "2", "-png", path, filepath.Join(out, "stress"))
	if fi, err := os.Stat(filepath.Join(out, "stress-02.png")); err != nil || fi.Size() < 5000 {
		t.Errorf("page 2 did not render: %v", err)
	}
}

// BenchmarkNotice typesets the European notice, the longest.
func BenchmarkNotice(b *testing.B) {
	d := sample(b)[1]
	b.ReportAllocs()
	for b.Loop() {
		render(b, d)
	}
}

// BenchmarkSample typesets all three notices.
func BenchmarkSample(b *testing.B) {
	docs := sample(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			render(b, d)
		}
	}
}

// A line never breaks at a no-break space: French puts a narrow one
// before a colon and inside guillemets, German a full one in "Art. 6".
func TestNoBreakAtNoBreakSpace(t *testing.T) {
	s := &notice.Section{ID: "fr", Title: "Durée"}
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "la durée de conservation\u202f: «\u202fdonnées %d\u202f» selon l’art.\u00a06 ", i)
	}
	s.P(notice.Plain(b.String()))
	d := &notice.Document{ID: "t", Title: "Test", Language: "fr", Organization: "Acme", Effective: "2026-01-01", LastUpdated: "2026-01-01", Sections: []*notice.Section{s}}
	text := tool(t, "pdftotext", "-enc", "UTF-8", write(t, render(t, d)), "-")
	// (The text layer gives a no-break space as a space: DejaVu draws both
	// with one glyph, which maps back to U+0020.)
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, ":") || strings.HasPrefix(line, "»") || strings.HasPrefix(line, "6 ") || strings.HasSuffix(line, "«") || strings.HasSuffix(line, "art.") {
			t.Errorf("a line breaks at a no-break space: %q", line)
		}
		if strings.Contains(line, "conservation") {
			lines++
		}
	}
	if lines < 10 {
		t.Fatalf("the paragraph is not in the text layer:\n%s", text)
	}
}
