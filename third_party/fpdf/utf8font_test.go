// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf_test

import (
	"bytes"
	"os"
	"runtime"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"codeberg.org/go-pdf/fpdf/internal/example"
)

// utf8Doc writes a page of text in a UTF-8 font added by add.
func utf8Doc(t *testing.T, add func(pdf *fpdf.Fpdf)) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	add(pdf)
	pdf.SetFont("dejavu", "", 12)
	pdf.AddPage()
	pdf.Write(6, "Ünïcödé text, Ελληνικά, кириллица.")
	pdf.SetFont("dejavu", "B", 12)
	pdf.Write(6, " And bold.")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Error(err) // not Fatal: called from other goroutines too
	}
	return buf.Bytes()
}

// TestAddUTF8FontParsed checks that a font parsed once with ParseUTF8Font
// gives the same document as its bytes given to AddUTF8FontFromBytes, in
// documents made one after the other and concurrently (run with -race).
func TestAddUTF8FontParsed(t *testing.T) {
	regular, err := os.ReadFile(example.FontFile("DejaVuSansCondensed.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	bold, err := os.ReadFile(example.FontFile("DejaVuSansCondensed-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	want := utf8Doc(t, func(pdf *fpdf.Fpdf) {
		pdf.AddUTF8FontFromBytes("dejavu", "", regular)
		pdf.AddUTF8FontFromBytes("dejavu", "B", bold)
	})
	r, err := fpdf.ParseUTF8Font(regular)
	if err != nil {
		t.Fatal(err)
	}
	b, err := fpdf.ParseUTF8Font(bold)
	if err != nil {
		t.Fatal(err)
	}
	parsed := func(pdf *fpdf.Fpdf) {
		pdf.AddUTF8FontParsed("dejavu", "", r)
		pdf.AddUTF8FontParsed("dejavu", "B", b)
	}
	if got := utf8Doc(t, parsed); !bytes.Equal(got, want) {
		t.Fatal("a parsed font gives another document than its bytes")
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Go(func() { got[i] = utf8Doc(t, parsed) })
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("concurrent document %d differs", i)
		}
	}
	if _, err := fpdf.ParseUTF8Font([]byte("not a font")); err == nil {
		t.Error("ParseUTF8Font of a non-font: no error")
	}
}

// TestAddUTF8FontFromBytesParsesOnce checks that documents made with the
// same font bytes parse them once, and that the parsed font does not
// depend on the caller's bytes once they are given.
func TestAddUTF8FontFromBytesParsesOnce(t *testing.T) {
	font, err := os.ReadFile(example.FontFile("DejaVuSansCondensed-Oblique.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	add := func(b []byte) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fpdf.New("P", "mm", "A4", "").AddUTF8FontFromBytes("dejavu", "I", b)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	buf := bytes.Clone(font)
	first := add(buf)
	clear(buf) // the caller's bytes, changed once given
	second := add(bytes.Clone(font))
	t.Logf("adding the font allocated %d bytes the first time, %d the second", first, second)
	if second > first/8 {
		t.Errorf("adding the same font bytes again allocated %d bytes, the first time %d: parsed again", second, first)
	}
	doc := func(b []byte) []byte {
		return utf8Doc(t, func(pdf *fpdf.Fpdf) {
			pdf.AddUTF8FontFromBytes("dejavu", "", b)
			pdf.AddUTF8FontFromBytes("dejavu", "B", b)
		})
	}
	if got, want := doc(bytes.Clone(font)), doc(font); !bytes.Equal(got, want) {
		t.Error("a document of the font parsed before differs")
	}
}
