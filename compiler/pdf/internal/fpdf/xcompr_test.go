// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"runtime"
	"testing"
)

// TestCompressReusesWriters checks that compressing a stream does not
// make a new zlib writer (about 1.2 MB of state) each time, and that the
// stream still decompresses to what was compressed.
func TestCompressReusesWriters(t *testing.T) {
	data := bytes.Repeat([]byte("BT /F1 10 Tf (Hello) Tj ET\n"), 100)
	least := ^uint64(0) // the fewest bytes a stream took
	for range 20 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		mem := xmem.compress(data)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
		out, err := xmem.uncompress(mem.bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.bytes(), data) {
			t.Fatal("the stream does not decompress to what was compressed")
		}
		out.release()
		mem.release()
	}
	// The fewest, not the mean: a sync.Pool may drop a writer (at a
	// garbage collection, or at random under -race), and then one is
	// made again.
	t.Logf("compressing a %d-byte stream allocated %d bytes or more", len(data), least)
	if least > 256<<10 {
		t.Errorf("compressing a %d-byte stream allocated %d bytes or more: a new zlib writer each time", len(data), least)
	}
}
