// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"encoding/binary"
	"slices"
	"sync"
)

// fontSubset is what a document embeds of a UTF-8 font for the runes it
// used: the widths of its CIDFont, its CIDToGIDMap and the subset of the
// font program, both compressed.
type fontSubset struct {
	widths      string // the CIDFont's /W entry
	cidToGidMap []byte // compressed
	program     []byte // compressed
	length1     int    // the program's size uncompressed
}

// subset returns the subset of font for the runes of font.usedRunes: made
// here for a font added from a file, and kept by the parsed font for one
// added from a UTF8Font, so that documents using the same runes of the
// same font subset and compress it once.
func (font *fontDefType) subset() *fontSubset {
	if font.parsed == nil {
		return cutFont(font)
	}
	return font.parsed.subsets.get(font.usedRunes, func() *fontSubset { return cutFont(font) })
}

// cutFont makes the subset of font for the runes of font.usedRunes.
func cutFont(font *fontDefType) *fontSubset {
	program := font.utf8File.GenerateCutFont(font.usedRunes)
	codes := font.utf8File.CodeSymbolDictionary
	delete(codes, 0)
	s := &fontSubset{widths: generateCIDFontMap(font, font.utf8File.LastRune), length1: len(program)}

	cidToGidMap := make([]byte, 256*256*2)
	for cc, glyph := range codes {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	mem := xmem.compress(cidToGidMap)
	s.cidToGidMap = mem.copy()
	mem.release()

	mem = xmem.compress(program)
	s.program = mem.copy()
	mem.release()
	return s
}

// maxSubsetBytes is the most bytes of subsets a parsed font keeps; past
// it, the oldest are dropped.
var maxSubsetBytes = 16 << 20

// subsetCache holds the subsets of a parsed font by the set of runes they
// are for. Documents made concurrently may share it.
type subsetCache struct {
	mu    sync.Mutex
	kept  map[string]*keptSubset
	order []string // the keys of kept, oldest first
	size  int      // the bytes of the subsets kept
}

type keptSubset struct {
	once   sync.Once
	subset *fontSubset
	size   int // counted in subsetCache.size once made
}

// get returns the subset for the runes of usedRunes, made by cut if none
// is kept. A subset depends only on the set of values of usedRunes (the
// runes used, and 0 for the reserved codes), so that set is the key.
func (c *subsetCache) get(usedRunes map[int]int, cut func() *fontSubset) *fontSubset {
	runes := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	runes = slices.Compact(runes)
	key := make([]byte, 0, 8*len(runes))
	for _, r := range runes {
		key = binary.BigEndian.AppendUint64(key, uint64(r))
	}

	c.mu.Lock()
	k, ok := c.kept[string(key)]
	if !ok {
		if c.kept == nil {
			c.kept = map[string]*keptSubset{}
		}
		k = &keptSubset{}
		c.kept[string(key)] = k
		c.order = append(c.order, string(key))
	}
	c.mu.Unlock()

	k.once.Do(func() {
		k.subset = cut()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.kept[string(key)] != k { // dropped meanwhile
			return
		}
		k.size = len(key) + len(k.subset.widths) + len(k.subset.cidToGidMap) + len(k.subset.program)
		c.size += k.size
		for c.size > maxSubsetBytes && len(c.order) > 1 {
			oldest := c.order[0]
			c.order = c.order[1:]
			c.size -= c.kept[oldest].size
			delete(c.kept, oldest)
		}
	})
	return k.subset
}
