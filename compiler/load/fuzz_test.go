package load_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
)

// nastySeeds are inputs that once broke YAML loaders, or might: characters
// from every plane, combining marks, escapes that name no character, deep
// nesting, anchors and aliases, tags, merge keys, odd line breaks.
var nastySeeds = []string{
	"organization:\n  name: \"😀 🦄 \\U0001F600 \\uD83D\\uDE00\"\n",
	"organization:\n  name: \"\\uD800\"\n",
	"organization:\n  name: \"\\uDC00\\uD800\\uDBFF\\uDFFF\"\n",
	"organization:\n  name: \"\\U0010FFFF \\U00110000 \\UFFFFFFFF\"\n",
	"organization:\n  name: \"\\x00 \\0 \\e \\a \\u0000 \\N \\_ \\L \\P\"\n",
	"organization:\n  name: e\u0301\u0302\u0303\u0304\u0305 Z\u0351\u0352\u0353 \u200d\u200b\ufeff \U000E0041\n",
	"organization:\n  name: \U00010000\U0001F9D1\u200D\U0001F91D\u200D\U0001F9D1\U000F0000\U0010FFFD\n",
	"organization:\n  name: 中文 العربية עברית \u202e\u2066 \ufffd\n",
	"sections:\n  - id: a\n    title: \"\\\n      folded \\uDC00\"\n",
	"a: " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\n",
	"a: " + strings.Repeat("{b: ", 60) + "c" + strings.Repeat("}", 60) + "\n",
	"sections: &s [*s]\n",
	"x: &a {id: a}\nsections: [*a, *a, *b]\n",
	"security: !!str {statement: !binary x}\n",
	"security:\n  <<: {statement: s}\n",
	"security:\r\n  statement: s\r\n",
	"\ufeffsecurity:\n  statement: s\n",
	"security:\n\tstatement: s\n",
	"--- a\n--- b\n",
	"? [a]\n: b\n",
	"security:\n  statement: |\n    \U0001F600\n  measures:\n    -\n    - ~\n",
	"{a, b, c:, d: }\n",
}

// seedFiles returns the sample data, the reference data and nastySeeds.
func seedFiles(t testing.TB) []string {
	var seeds []string
	err := fs.WalkDir(disclose.Sample, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		seeds = append(seeds, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	refs, err := filepath.Glob("../jurisdiction/*/reference/*.yaml")
	if err != nil || len(refs) == 0 {
		t.Fatalf("no reference data: %v", err)
	}
	for _, p := range refs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	return append(seeds, nastySeeds...)
}

// FuzzLoad loads any one data file: Load never panics, never hangs (the
// pre-scan limits bound the work), blames every problem at a position inside
// the file, and says the same thing every time.
//
// Run it longer with: go test ./compiler/load -run '^$' -fuzz FuzzLoad -fuzztime 10m
func FuzzLoad(f *testing.F) {
	for _, s := range seedFiles(f) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		first := loadWithin(t, src)
		for _, d := range first {
			inside(t, src, d.Pos, d)
			for _, r := range d.Related {
				inside(t, src, r, d)
			}
		}
		if again := loadWithin(t, src); describe(again) != describe(first) {
			t.Fatalf("two loads differ:\n%s\nthen:\n%s", describe(first), describe(again))
		}
	})
}

// loadWithin loads src as data/a.yaml, failing if it takes a minute.
func loadWithin(t *testing.T, src []byte) diag.List {
	done := make(chan diag.List, 1)
	go func() {
		_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: src}}, "data")
		done <- diags
	}()
	select {
	case diags := <-done:
		return diags
	case <-time.After(time.Minute):
		t.Fatalf("Load hangs on %q", src)
		return nil
	}
}

// inside checks that pos, of diagnostic d, is the data folder, the file, or
// a line and column within it.
func inside(t *testing.T, src []byte, pos diag.Pos, d *diag.Diagnostic) {
	t.Helper()
	switch pos.File {
	case "data":
		if pos.Line != 0 {
			t.Fatalf("position %s in the data folder: %v", pos, d)
		}
		return
	case "data/a.yaml":
	default:
		t.Fatalf("position %s outside the file: %v", pos, d)
	}
	lines := bytes.Split(src, []byte("\n"))
	if pos.Line < 0 || pos.Line > len(lines) || pos.Col < 0 || pos.Line == 0 && pos.Col != 0 {
		t.Fatalf("position %s outside the file's %d lines: %v", pos, len(lines), d)
	}
	if pos.Line > 0 && pos.Col > utf8.RuneCount(lines[pos.Line-1])+1 {
		t.Fatalf("position %s beyond the end of line %d (%q): %v", pos, pos.Line, lines[pos.Line-1], d)
	}
}

func describe(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s %v %s\n", d.Error(), d.Related, d.Hint)
	}
	return b.String()
}
