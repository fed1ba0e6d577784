package compiler_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/render"
)

// typeset remembers the documents FuzzCompile has typeset without a
// problem, by a hash of everything their PDF depends on.
var typeset sync.Map

// fuzzHang is how long one FuzzCompile input may take (a slow machine
// under the fuzzer's instrumentation included).
const fuzzHang = 60 * time.Second

// sampleFiles returns the sample's data files, sorted by name.
func sampleFiles(tb testing.TB) (names []string, files map[string][]byte) {
	tb.Helper()
	files = map[string][]byte{}
	err := fs.WalkDir(disclose.Sample, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		files[p] = b
		names = append(names, p)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(names)
	return names, files
}

// FuzzCompile replaces one file of the sample with fuzzed bytes and runs
// the whole pipeline a build runs: load, check, rule packs, compile, then
// Markdown and PDF of every notice. Nothing may panic, and what check passes
// must publish: data without errors gives notices whose PDFs typeset with
// no character the fonts lack.
//
// make test runs it briefly; run it longer with
//
//	go test ./compiler -run '^$' -fuzz FuzzCompile -fuzztime 10m
func FuzzCompile(f *testing.F) {
	names, files := sampleFiles(f)
	for i, n := range names {
		f.Add(uint8(i), files[n])
	}
	org := files["data/organization.yaml"]
	orgIndex := uint8(sort.SearchStrings(names, "data/organization.yaml"))
	for _, s := range []string{"\U0001F600", "你好", "e\u0301\u0308", "\u202Eevil", "{{< param title >}}", "<script>alert(1)</script>", `\uD800`, "\u0000", "\U0010FFFF"} {
		// In a value, where check and the PDF meet it, not in a comment.
		planted := strings.Replace(string(org), "name: Helpwise\n", "name: "+strconv.Quote("Helpwise "+s)+"\n", 1)
		if planted == string(org) {
			f.Fatal("the sample's organization.yaml no longer has \"  name: Helpwise\"")
		}
		f.Add(orgIndex, []byte(planted))
	}
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		// A hang is a failure: panic (which the fuzzer records as a
		// crasher, with its input) when one input takes this long.
		watchdog := time.AfterFunc(fuzzHang, func() { panic(fmt.Sprintf("FuzzCompile: one input took over %s", fuzzHang)) })
		defer watchdog.Stop()
		fsys := fstest.MapFS{}
		for n, b := range files {
			fsys[n] = &fstest.MapFile{Data: b}
		}
		name := names[int(which)%len(names)]
		fsys[name] = &fstest.MapFile{Data: content}
		_, docs, diags := compiler.Compile(fsys, "data", sampleOpts)
		for _, d := range diags {
			if d.Pos.File != "" && d.Pos.File != "data" && !strings.HasPrefix(d.Pos.File, "data/") {
				t.Errorf("diagnostic outside the data folder: %v", d)
			}
		}
		if diags.HasErrors() {
			return
		}
		for _, d := range docs {
			md := render.Markdown(d, nil)
			// A document typeset once needs no second run: most inputs
			// change one notice, if any.
			key := sha256.Sum256(append([]byte(d.ID+"\x00"+d.Title+"\x00"+d.Organization+"\x00"+string(d.Effective)+"\x00"+string(d.LastUpdated)+"\x00"), md...))
			if _, done := typeset.Load(key); done {
				continue
			}
			_, bad, err := pdf.Render(d, pdf.Options{})
			if err == nil && len(bad) == 0 {
				typeset.Store(key, true)
			}
			if err != nil {
				t.Errorf("%s: check passed but the PDF failed: %v", d.ID, err)
			}
			for _, u := range bad {
				t.Errorf("%s: check passed but the PDF font lacks %s", d.ID, u)
			}
		}
	})
}
