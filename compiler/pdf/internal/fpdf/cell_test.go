package fpdf_test

import (
	"bytes"
	"os"
	"runtime"
	"testing"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

// A cell of UTF-8 text is written without making strings: drawing one
// allocates nothing but, now and then, room in the page's buffer; nor
// does setting the text colour it has.
func TestCellFormatAllocs(t *testing.T) {
	data, err := os.ReadFile(fontFile("DejaVuSans.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed("dejavu", "", font)
	pdf.SetFont("dejavu", "", 10)
	pdf.AddPage()
	pdf.SetTextColor(10, 80, 170)
	allocs := testing.AllocsPerRun(200, func() {
		pdf.SetTextColor(10, 80, 170) // the colour it is: nothing to make
		pdf.SetXY(20, 30)
		pdf.CellFormat(40, 5, "Ünïcödé (text) \\ Ελληνικά", "", 0, "L", false, 0, "")
	})
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	if allocs >= 1 {
		t.Errorf("SetTextColor and CellFormat of a line of UTF-8 text: %.0f allocations, want none", allocs)
	}
}

// Drawing a document copies each page's contents about once: a page's
// buffer starts as big as the page before's, rather than growing from
// nothing by doubling (a dozen allocations a page).
func TestPageBufferGrownOnce(t *testing.T) {
	data, err := os.ReadFile(fontFile("DejaVuSans.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed("dejavu", "", font)
	pdf.SetFont("dejavu", "", 8)
	page := func(lines int) func() {
		return func() {
			pdf.AddPage()
			for i := range lines {
				for x := range 3 {
					pdf.SetXY(float64(10+60*x), float64(10+4*i))
					pdf.CellFormat(55, 4, "Text to make a page's contents long: Ünïcödé.", "", 0, "L", false, 0, "")
				}
			}
		}
	}
	page(60)()
	empty := testing.AllocsPerRun(20, page(0)) // AddPage's own: boxes, links, ...
	page(60)()
	full := testing.AllocsPerRun(20, page(60))
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	if full-empty > 2 {
		t.Errorf("a page of 180 cells like the one before: %.0f allocations more than an empty page (%.0f), want at most 2", full-empty, empty)
	}
}

// Writing a document copies each page's contents about once: the page
// number alias is replaced without copying every page to a string (for
// each alias, in both encodings), and the pages are copied into a buffer
// made big enough for them once.
func TestOutputCopiesPagesOnce(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AliasNbPages("{nb}")
	pdf.SetFont("Helvetica", "", 8)
	for range 40 {
		pdf.AddPage()
		for i := range 60 {
			pdf.SetXY(10, float64(10+4*i))
			pdf.CellFormat(150, 4, "A line of text on a page of {nb} pages, to make its contents long.", "", 0, "L", false, 0, "")
		}
	}
	var before, after runtime.MemStats
	var buf bytes.Buffer
	buf.Grow(4 << 20)
	runtime.ReadMemStats(&before)
	err := pdf.Output(&buf)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(buf.Len())
	t.Logf("writing %d pages (%d bytes) allocated %.1f times their size", pdf.PageCount(), buf.Len(), ratio)
	if ratio > 4 {
		t.Errorf("writing the document allocated %.1f times its size: want at most 4 (about 2; 3.4 with -race)", ratio)
	}
}
