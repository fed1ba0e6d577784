package fpdf_test

import (
	"os"
	"testing"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

// A cell of UTF-8 text is written without making strings: drawing one
// allocates nothing but, now and then, room in the page's buffer.
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
		pdf.SetXY(20, 30)
		pdf.CellFormat(40, 5, "Ünïcödé (text) \\ Ελληνικά", "", 0, "L", false, 0, "")
	})
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	if allocs >= 1 {
		t.Errorf("CellFormat of a line of UTF-8 text: %.0f allocations, want none", allocs)
	}
}
