package fpdf_test

import (
	"bytes"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

// Documents made one after another from the same font bytes are the same
// bytes: nothing of one document's use of a font (the glyphs it used, the
// metrics it read past numberOfHMetrics) reaches the next. disclose relies
// on it: a PDF is cached by what it depends on, whatever was typeset
// before it.
func TestUTF8FontDocumentsIndependent(t *testing.T) {
	fonts := map[string][]byte{}
	for style, name := range map[string]string{"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"} {
		b, err := os.ReadFile(fontFile(name))
		if err != nil {
			t.Fatal(err)
		}
		fonts[style] = b
	}
	// t.Fatal only from the test's goroutine: doc is also called from
	// others.
	doc := func(text string) []byte {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCreationDate(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
		pdf.SetCatalogSort(true)
		for _, style := range []string{"", "B", "I"} {
			pdf.AddUTF8FontFromBytes("dejavu", style, fonts[style])
		}
		pdf.AddPage()
		for _, style := range []string{"", "B", "I"} {
			pdf.SetFont("dejavu", style, 12)
			pdf.Write(6, text)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Error(err)
		}
		return buf.Bytes()
	}
	const text = "Ünïcödé text, Ελληνικά, кириллица, ǅ ǈ ǋ ẞ ₹ ∑."
	want := doc(text)
	_ = doc("Other glyphs: ĀĒĪŌŪ ŠŽČ ΩΨΦ ЖЩЯ")
	for i := range 3 {
		if got := doc(text); !bytes.Equal(got, want) {
			t.Fatalf("document %d differs from the first made of the same text", i)
		}
	}
	// Nor when documents are made at the same time.
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() { got[i] = doc(text) })
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("document %d made at the same time as others differs", i)
		}
	}
	// The font bytes themselves are left as they were.
	again, _ := os.ReadFile(fontFile("DejaVuSans-Bold.ttf"))
	if !bytes.Equal(again, fonts["B"]) {
		t.Fatal("typesetting changed the font's bytes")
	}
}
