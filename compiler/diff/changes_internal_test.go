package diff

import "testing"

// A change is kept for a notice that names its item as a whole word, not
// for one that merely contains the letters.
func TestNamesAreWholeWords(t *testing.T) {
	text := "you can download your data from our inbox; the laws of california apply. see also aws."
	for name, want := range map[string]bool{"Ads": false, "Box": false, "Law": false, "AWS": true, "California": true, "Download your data": true, "": false} {
		if got := names(text, []string{name}); got != want {
			t.Errorf("names(%q) = %v, want %v", name, got, want)
		}
	}
}
