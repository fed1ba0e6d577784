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
