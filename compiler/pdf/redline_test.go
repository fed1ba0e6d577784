package pdf_test

import (
	"encoding/json"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	mdrender "github.com/disclose-dev/disclose/compiler/render"
)

// frozen reads a released notice of the sample.
func frozen(t testing.TB, id, version string) *notice.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "releases", id, version, "notice.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d notice.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// sampleRedline typesets the redline of the European notice from its
// 2021 version to its 2025 one.
func sampleRedline(t *testing.T) ([]diff.Block, []byte) {
	old, new := frozen(t, "eu", "2021-03-01"), frozen(t, "eu", "2025-12-15")
	blocks := diff.Blocks(diff.Redline(mdrender.Plain(old), mdrender.Plain(new)))
	head := &notice.Document{ID: "eu", Title: new.Title + ": changes in version 2025-12-15", Organization: new.Organization,
		Effective: new.Effective, LastUpdated: new.LastUpdated,
		Intro: []notice.Block{&notice.Paragraph{Text: "The text of version 2025-12-15 compared with version 2021-03-01."}}}
	b, bad, err := pdf.Redline(head, blocks, pdf.Options{URL: "https://helpwise.example/eu/2025-12-15/redline/"})
	if err != nil || len(bad) > 0 {
		t.Fatalf("redline: %v %v", err, bad)
	}
	return blocks, b
}

// The redline PDF of a sample notice reads like the notice: headings, not
// "## " marks, one bookmark per heading, lists and tables; its legend says
// what the marks are; and the marks are drawn: a line under each inserted
// word, through each deleted one, none under kept words.
func TestRedlinePDF(t *testing.T) {
	blocks, b := sampleRedline(t)
	path := write(t, b)
	tool(t, "qpdf", "--check", path)
	if again, _, _ := pdf.Redline(&notice.Document{}, blocks, pdf.Options{}); again == nil {
		t.Fatal("no PDF for an empty title block")
	}
	text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := squash(text)
	if want := "How to read this document: inserted text is underlined (and green); deleted text is struck through (and red)."; !strings.Contains(flat, want) {
		t.Errorf("legend missing: want %q", want)
	}
	for _, bad := range []string{"## ", "# ", "[+", "+]", "[-", "-]", " — "} {
		if strings.Contains(text, bad) {
			t.Errorf("text shows the mark %q", bad)
		}
	}
	// A bookmark per heading, in order.
	var js struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, bl := range blocks {
		if bl.Kind == diff.Heading {
			want = append(want, diff.Text(bl.Cells[0]))
		}
	}
	var flatOutline func([]outline)
	flatOutline = func(os []outline) {
		for _, o := range os {
			got = append(got, o.Title)
			flatOutline(o.Kids)
		}
	}
	flatOutline(js.Outlines)
	if len(want) < 10 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(flat, "• ") && !strings.Contains(text, "•") {
		t.Error("no list bullets")
	}

	// Words only inserted, only deleted and only kept.
	kinds := map[string]map[diff.OpKind]bool{}
	for _, bl := range blocks {
		for _, c := range bl.Cells {
			for _, op := range c {
				for _, w := range strings.Fields(op.Text) {
					if kinds[w] == nil {
						kinds[w] = map[diff.OpKind]bool{}
					}
					kinds[w][op.Kind] = true
				}
			}
		}
	}
	words := bboxWords(t, tool(t, "pdftotext", "-bbox", path, "-"))
	count := map[string]int{}
	for _, w := range words {
		count[w.text]++
	}
	found := map[diff.OpKind]int{}
	for _, w := range words {
		k := kinds[w.text]
		if count[w.text] != 1 || len(k) != 1 || len([]rune(w.text)) < 4 || found[firstKind(k)] >= 3 {
			continue
		}
		kind := firstKind(k)
		found[kind]++
		under, through, colour := marks(t, path, w)
		switch kind {
		case diff.Insert:
			if !under || through || colour != "green" {
				t.Errorf("inserted %q: underlined %v, struck %v, colour %s", w.text, under, through, colour)
			}
		case diff.Delete:
			if under || !through || colour != "red" {
				t.Errorf("deleted %q: underlined %v, struck %v, colour %s", w.text, under, through, colour)
			}
		default:
			if under || through || colour != "black" {
				t.Errorf("kept %q: underlined %v, struck %v, colour %s", w.text, under, through, colour)
			}
		}
	}
	if found[diff.Insert] == 0 || found[diff.Delete] == 0 || found[diff.Equal] == 0 {
		t.Errorf("words checked: %v", found)
	}
}

func firstKind(k map[diff.OpKind]bool) diff.OpKind {
	for kind := range k {
		return kind
	}
	return diff.Equal
}

type bboxWord struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

// bboxWords parses the words of pdftotext -bbox.
func bboxWords(t *testing.T, out string) []bboxWord {
	var words []bboxWord
	page := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "<page ") {
			page++
		}
		i := strings.Index(line, "<word ")
		if i < 0 {
			continue
		}
		w := bboxWord{page: page}
		if _, err := fmt.Sscanf(line[i:], `<word xMin="%f" yMin="%f" xMax="%f" yMax="%f">`, &w.xMin, &w.yMin, &w.xMax, &w.yMax); err != nil {
			t.Fatal(err)
		}
		w.text = html.UnescapeString(line[strings.Index(line, ">")+1 : strings.LastIndex(line, "</word>")])
		words = append(words, w)
	}
	return words
}

var pages = map[string]image.Image{}

// marks renders the page of w (at 144 dpi) and reports whether a line runs
// the whole width of the word in its lower part (an underline) or its
// middle (a line through), and the colour of the word's darkest pixels.
func marks(t *testing.T, path string, w bboxWord) (under, through bool, colour string) {
	key := fmt.Sprint(path, w.page)
	img, ok := pages[key]
	if !ok {
		prefix := filepath.Join(t.TempDir(), "page")
		tool(t, "pdftoppm", "-r", "144", "-f", fmt.Sprint(w.page), "-l", fmt.Sprint(w.page), "-png", "-singlefile", path, prefix)
		f, err := os.Open(prefix + ".png")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if img, err = png.Decode(f); err != nil {
			t.Fatal(err)
		}
		pages[key] = img
	}
	const scale = 2.0 // 144 dpi over 72 points per inch
	x0, x1 := int(w.xMin*scale)+2, int(w.xMax*scale)-2
	y0, y1 := int(w.yMin*scale), int(w.yMax*scale)+3
	var r, g, b, n float64
	for y := y0; y <= y1; y++ {
		inked := 0
		for x := x0; x <= x1; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr+cg+cb)/3 < 0xA000 {
				inked++
				r, g, b, n = r+float64(cr), g+float64(cg), b+float64(cb), n+1
			}
		}
		if inked < (x1-x0+1)*95/100 {
			continue
		}
		switch pos := float64(y-y0) / float64(y1-y0); {
		case pos > 0.7:
			under = true
		case pos > 0.3:
			through = true
		}
	}
	colour = "black"
	if n > 0 {
		r, g, b = r/n, g/n, b/n
		switch {
		case g > r+0x1800 && g > b:
			colour = "green"
		case r > g+0x1800 && r > b:
			colour = "red"
		}
	}
	return under, through, colour
}

// A character the fonts lack in a redline is reported, once, with the
// heading it is under, and no PDF is made.
func TestRedlineUnsupported(t *testing.T) {
	blocks := diff.Blocks(diff.Redline("# T\n\n## Who we are\n\nWe are nice.\n", "# T\n\n## Who we are\n\nWe are 😀 nice 😀.\n"))
	b, bad, err := pdf.Redline(&notice.Document{Title: "T"}, blocks, pdf.Options{})
	if err != nil || b != nil || len(bad) != 1 || bad[0].Char != 0x1F600 || bad[0].Count != 2 || bad[0].Section != "Who we are" {
		t.Fatalf("got %v %v %d bytes", bad, err, len(b))
	}
	if s := bad[0].String(); !strings.Contains(s, `in the part "Who we are" (2 times)`) {
		t.Errorf("report reads %q", s)
	}
}
