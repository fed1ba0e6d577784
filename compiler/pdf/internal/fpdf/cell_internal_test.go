package fpdf

import (
	"fmt"
	"math"
	"testing"
)

// appendUTF16Escaped and appendFloat write what CellFormat wrote with
// escape, utf8toutf16 and printf.
func TestCellTextAsBefore(t *testing.T) {
	var f Fpdf
	for _, s := range []string{"", "plain", "(paren) \\back\\ \r\n", "Ünïcödé Ελληνικά кириллица €", "\u2028\u0129\u0128\u0229", "ꀀ\uFFFD)"} {
		want := f.escape(utf8toutf16(s, false))
		if got := string(appendUTF16Escaped([]byte("x"), s)); got != "x"+want {
			t.Errorf("appendUTF16Escaped(%q) = %q, want %q", s, got, "x"+want)
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), -0.004, 0.005, 1.005, 123.456, -98765.4321, 1e21, math.Inf(1), math.NaN()} {
		var b fmtBuffer
		b.appendFloat(v, 2)
		b.appendFloat(v, 3)
		if want := fmt.Sprintf("%.2f%.3f", v, v); b.String() != want {
			t.Errorf("appendFloat(%v) = %q, want %q", v, b.String(), want)
		}
	}
}

// Setting the text colour it has keeps it (as made by rgbColorValue),
// and the colour flag follows the fill colour as when the colour is made
// again.
func TestSetTextColorSame(t *testing.T) {
	f := New("P", "mm", "A4", "")
	f.AddPage()
	f.SetTextColor(0, 0, 0) // the colour New set, or none
	if want := f.rgbColorValue(0, 0, 0, "g", "rg"); f.color.text != want {
		t.Fatalf("SetTextColor(0, 0, 0) at first: %+v, want %+v", f.color.text, want)
	}
	f.SetFillColor(0, 0, 0)
	f.SetTextColor(0, 0, 0)
	if f.colorFlag {
		t.Error("text and fill the same colour: colorFlag set")
	}
	f.SetFillColor(10, 20, 30)
	f.SetTextColor(0, 0, 0)
	if !f.colorFlag {
		t.Error("text and fill of other colours: colorFlag not set")
	}
	f.SetTextColor(300, -5, 0) // clamped: made again
	if want := f.rgbColorValue(255, 0, 0, "g", "rg"); f.color.text != want {
		t.Errorf("SetTextColor(300, -5, 0): %+v, want %+v", f.color.text, want)
	}
}
