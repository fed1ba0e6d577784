package render

import "testing"

// A table cell keeps its no-break spaces.
func TestCellKeepsNoBreakSpaces(t *testing.T) {
	if got, want := cell("durée\u202f:  «\u202fx\u202f»\n art.\u00a06 a|b"), "durée\u202f: «\u202fx\u202f» art.\u00a06 a\\|b"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
