package fpdf

import (
	"fmt"
	"testing"
)

// subsetCache keeps at most maxSubsetBytes (and always the last subset
// made), drops the oldest first, and makes a dropped subset again.
func TestSubsetCacheBound(t *testing.T) {
	defer func(n int) { maxSubsetBytes = n }(maxSubsetBytes)
	maxSubsetBytes = 1000
	var c subsetCache
	made := 0
	get := func(r int) *fontSubset {
		return c.get(map[int]int{0: 0, 1: 0, r: r}, func() *fontSubset {
			made++
			return &fontSubset{program: make([]byte, 300), widths: fmt.Sprint(r)}
		})
	}
	for r := 100; r < 110; r++ {
		if s := get(r); s.widths != fmt.Sprint(r) {
			t.Fatalf("subset of rune %d: got that of %s", r, s.widths)
		}
		if c.size > maxSubsetBytes || len(c.kept) != len(c.order) {
			t.Fatalf("after rune %d: %d bytes kept (limit %d), %d subsets, %d in order", r, c.size, maxSubsetBytes, len(c.kept), len(c.order))
		}
	}
	if made != 10 || len(c.kept) != 3 {
		t.Fatalf("made %d subsets, kept %d: want 10 and 3", made, len(c.kept))
	}
	get(109) // kept
	get(100) // dropped: made again
	if made != 11 {
		t.Errorf("made %d subsets: want 11 (109 kept, 100 made again)", made)
	}
	// The key is the set of values: the same runes in another map.
	c.get(map[int]int{5: 0, 109: 109}, func() *fontSubset { t.Error("the subset of the same runes made again"); return nil })

	// A subset bigger than the limit is kept alone.
	c.get(map[int]int{0: 0, 7: 7}, func() *fontSubset { return &fontSubset{program: make([]byte, 5000)} })
	if len(c.kept) != 1 {
		t.Errorf("after a subset bigger than the limit: %d kept, want 1", len(c.kept))
	}
}
