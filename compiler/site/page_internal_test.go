package site

import (
	"bytes"
	"encoding/json"
	"testing"
)

// page writes the front matter json.MarshalIndent writes, value by value:
// the sites built before it are the same bytes.
func TestPageIsMarshalIndent(t *testing.T) {
	for _, fm := range []map[string]any{
		{},
		{"title": "x"},
		{"redline": "<ins>a</ins> & <del>b</del>\u2028", "empty": map[string]any{}, "none": []string{},
			"links": []map[string]string{{"text": "1", "url": "../<x>/"}}, "sitemap": map[string]any{"disable": true},
			"n": 3, "nil": nil, "deep": map[string]any{"k": map[string]any{"z": []int{1, 2}}}, "date": struct{ A string }{"b"}},
	} {
		b, err := json.MarshalIndent(fm, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want := append(b, "\n\nbody"...)
		if got := page(fm, []byte("body")); !bytes.Equal(got, want) {
			t.Errorf("page(%v):\n%s\nwant\n%s", fm, got, want)
		}
	}
}
