package fpdf_test

import (
	"bytes"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

var fixedDate = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

// A parsed font subsets and compresses itself once for documents that use
// the same runes: a document using the runes of an earlier one allocates
// much less to be written than one using new runes, and its bytes are
// those it would have had alone.
func TestUTF8FontSubsetOnce(t *testing.T) {
	data, err := os.ReadFile(fontFile("DejaVuSans.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	parse := func() *fpdf.UTF8Font {
		font, err := fpdf.ParseUTF8Font(data)
		if err != nil {
			t.Fatal(err)
		}
		return font
	}
	// write makes a document of text and returns its bytes and what
	// writing it allocated.
	write := func(font *fpdf.UTF8Font, text string) ([]byte, uint64) {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(fixedDate)
		pdf.SetModificationDate(fixedDate)
		pdf.AddUTF8FontParsed("dejavu", "", font)
		pdf.AddPage()
		pdf.SetFont("dejavu", "", 12)
		pdf.Write(6, text)
		var buf bytes.Buffer
		buf.Grow(1 << 20)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err := pdf.Output(&buf)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), after.TotalAlloc - before.TotalAlloc
	}
	const text = "Subsets made once: Ελληνικά, кириллица. "
	alone, _ := write(parse(), text)
	font := parse()
	first, _ := write(font, text)
	if !bytes.Equal(first, alone) {
		t.Fatal("the first document of a font differs from the same alone")
	}
	again, other := ^uint64(0), ^uint64(0)
	for i := range 5 {
		b, n := write(font, text)
		if !bytes.Equal(b, alone) {
			t.Fatalf("document %d of the same text differs from the first", i+2)
		}
		again = min(again, n)
		_, n = write(font, text+string(rune('Ā'+i))) // a rune of its own
		other = min(other, n)
	}
	t.Logf("writing allocated %d bytes for runes used before, %d for new ones", again, other)
	if again*2 > other {
		t.Errorf("writing a document of runes used before allocated %d bytes, one of new runes %d: want at most half (the subset made once)", again, other)
	}
}
