// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

// writeAlloc returns the bytes Write allocates to typeset a paragraph of
// n characters in a UTF-8 font.
func writeAlloc(t *testing.T, n int) uint64 {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8Font("dejavu", "", fontFile("DejaVuSans.ttf"))
	pdf.SetFont("dejavu", "", 10)
	pdf.AddPage()
	text := strings.Repeat("Ünïcödé wörds ", n/14+1)[:n]
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pdf.Write(5, text)
	runtime.ReadMemStats(&after)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestWriteLinear checks that Write allocates in proportion to the length
// of the text: a paragraph 16 times as long allocates about 16 times as
// much, not 256 times (as it did when every character converted the whole
// text to runes again).
func TestWriteLinear(t *testing.T) {
	short, long := writeAlloc(t, 1000), writeAlloc(t, 16000)
	ratio := float64(long) / float64(short)
	t.Logf("1,000 characters: %d bytes; 16,000: %d bytes (%.1f times)", short, long, ratio)
	if ratio > 40 {
		t.Errorf("Write of 16,000 characters allocated %d bytes, %.0f times as much as for 1,000 (%d bytes): want about 16", long, ratio, short)
	}
}

// fontFile is a font of disclose's own, for the tests of the patches.
func fontFile(name string) string { return filepath.Join("..", "..", "fonts", name) }
