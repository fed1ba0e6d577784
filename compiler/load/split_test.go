package load_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/internal/scaledata"
)

func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// loadSet loads a generated data set with the registered packs' keys.
func loadSet(t *testing.T, o scaledata.Options, edit func(map[string][]byte)) (fstest.MapFS, *model.Project, diag.List) {
	t.Helper()
	files, err := scaledata.Files(o)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(files)
	}
	fsys := mapFS(files)
	proj, diags := load.Load(fsys, "data", compiler.Extensions()...)
	return fsys, proj, diags
}

// lineAt returns the source line the position of path points to.
func lineAt(t *testing.T, fsys fstest.MapFS, pos diag.Pos) string {
	t.Helper()
	f, ok := fsys[pos.File]
	if !ok {
		t.Fatalf("position %s names no file", pos)
	}
	lines := strings.Split(string(f.Data), "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		t.Fatalf("position %s is outside its file", pos)
	}
	return lines[pos.Line-1]
}

// A list section split across files loads as if written in one file: the
// same model (its snapshot, byte for byte), the same data paths, each item
// positioned in the file that holds it, and the same diagnostics but for
// their positions.
func TestSplitSectionsLoadAsOneFile(t *testing.T) {
	sizes := scaledata.Options{Processors: 60, Purposes: 45, Categories: 30}
	// A broken value and a missing field in the same items, in both sets.
	breakItems := func(files map[string][]byte) {
		for p, b := range files {
			b = bytes.Replace(b, []byte("  - id: stripe-2\n"), []byte("  - id: stripe-2\n    unknown_key: 1\n"), 1)
			b = bytes.Replace(b, []byte("  - id: zoom-1\n    customer_data: no\n    name: Zoom 1\n"), []byte("  - id: zoom-1\n    customer_data: maybe\n"), 1)
			files[p] = b
		}
	}
	one := sizes
	split := sizes
	split.PerFile = 7
	for _, edit := range []func(map[string][]byte){nil, breakItems} {
		fsOne, pOne, dOne := loadSet(t, one, edit)
		fsSplit, pSplit, dSplit := loadSet(t, split, edit)
		if len(fsSplit) <= len(fsOne)+10 {
			t.Fatalf("the split set has %d files, the other %d: not split", len(fsSplit), len(fsOne))
		}
		if len(pSplit.Processors) != 60 || len(pSplit.Purposes) != 45 || len(pSplit.Categories) != 30 {
			t.Fatalf("split set loaded %d processors, %d purposes, %d categories", len(pSplit.Processors), len(pSplit.Purposes), len(pSplit.Categories))
		}
		sOne, err := release.Snapshot(pOne)
		if err != nil {
			t.Fatal(err)
		}
		sSplit, err := release.Snapshot(pSplit)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(sOne, sSplit) {
			t.Errorf("snapshots differ (%d and %d bytes)", len(sOne), len(sSplit))
		}
		if got, want := strip(dSplit), strip(dOne); got != want {
			t.Errorf("diagnostics differ:\nsplit:\n%s\none file:\n%s", got, want)
		}
		if edit != nil && len(dOne) != 3 {
			t.Errorf("want 3 diagnostics (unknown key, wrong answer, missing name), got:\n%s", strip(dOne))
		}
		for _, c := range []struct {
			proj *model.Project
			fsys fstest.MapFS
		}{{pOne, fsOne}, {pSplit, fsSplit}} {
			for i, p := range c.proj.Processors {
				path := model.Index("processors", i)
				pos := c.proj.Source.Pos(path + ".id")
				if line := lineAt(t, c.fsys, pos); line != "  - id: "+p.ID {
					t.Fatalf("%s.id at %s, which reads %q, want the item's id %q", path, pos, line, p.ID)
				}
				if p.Pos != c.proj.Source.Pos(path) {
					t.Fatalf("%s: Pos %s, source map %s", path, p.Pos, c.proj.Source.Pos(path))
				}
			}
		}
		// Items 0-6 in the first file, 7-13 in the second.
		if f := pSplit.Source.Pos("processors[7]").File; f != "data/processors/0002.yaml" {
			t.Errorf("processors[7] is in %s, want data/processors/0002.yaml", f)
		}
	}
}

// strip lists diagnostics without their positions.
func strip(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s: %s: %s (%d related)\n", d.Severity, d.Path, d.Message, len(d.Related))
	}
	return b.String()
}

// Items follow the files' paths in byte order, whatever the folders: a
// section in data/processors.yaml comes before data/processors/a.yaml.
func TestSplitOrderIsPathOrder(t *testing.T) {
	item := func(id string) []byte {
		return []byte("processors:\n  - id: " + id + "\n")
	}
	fsys := fstest.MapFS{
		"data/z.yaml":              {Data: item("z")},
		"data/processors/b.yaml":   {Data: item("pb")},
		"data/processors.yaml":     {Data: item("p")},
		"data/processors/a.yaml":   {Data: item("pa")},
		"data/processors-old.yaml": {Data: item("old")},
	}
	proj, _ := load.Load(fsys, "data")
	var ids []string
	for _, p := range proj.Processors {
		ids = append(ids, p.ID)
	}
	if got, want := strings.Join(ids, " "), "old p pa pb z"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	if got := proj.Source.Pos("processors[3].id").String(); got != "data/processors/b.yaml:2:9" {
		t.Errorf("processors[3].id at %s, want data/processors/b.yaml:2:9", got)
	}
}

// What cannot be split is reported: a section that is not a list written in
// two files (at the second, naming the first), a section written twice in one
// file, and a list continued by something that is not a list. Each file's
// broken values silence only that file's problems.
func TestSplitErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"data/a.yaml": {Data: []byte("security:\n  statement: We protect it.\nprocessors:\n  - id: one\n    country: XX\n")},
		"data/b.yaml": {Data: []byte("security:\n  statement: Twice.\nprocessors:\n  - id: two\n")},
		"data/c.yaml": {Data: []byte("processors:\n  - id: three\nprocessors:\n  - id: four\n")},
		"data/d.yaml": {Data: []byte("processors: not a list\n")},
	}
	_, diags := load.Load(fsys, "data")
	want := map[string]string{
		"data/b.yaml:1:1":  `section "security" is already defined in data/a.yaml; only list sections, such as processors:, may be split across files`,
		"data/c.yaml:3:1":  `section "processors" is defined twice in this file`,
		"data/d.yaml:1:13": `expected a list, found the text "not a list"`,
	}
	for at, msg := range want {
		found := false
		for _, d := range diags {
			if d.Pos.String() == at {
				found = true
				if d.Message != msg {
					t.Errorf("%s: %q, want %q", at, d.Message, msg)
				}
			}
		}
		if !found {
			t.Errorf("no diagnostic at %s (%s) in:\n%s", at, msg, diags)
		}
	}
	if d := find(diags, "security"); d == nil || len(d.Related) != 1 || d.Related[0].String() != "data/a.yaml:1:1" {
		t.Errorf("the second security: should name the first at data/a.yaml:1:1: %v", d)
	}
	// The second file's items are numbered after the first's.
	if d := find(diags, "processors[0].country"); d == nil || d.Pos.String() != "data/a.yaml:5:14" {
		t.Errorf("processors[0].country: %v", d)
	}
	for i, file := range []string{"data/a.yaml", "data/b.yaml", "data/c.yaml"} {
		path := model.Index("processors", i) + ".name"
		if d := find(diags, path); d == nil || d.Pos.File != file {
			t.Errorf("%s missing: want it reported in %s, got %v", path, file, d)
		}
	}
}

// Ids used twice across the files of a split section are reported by check
// at the second, with the first as a related position, as in one file.
func TestSplitDuplicateIDs(t *testing.T) {
	item := "  - id: %s\n    name: X\n"
	fsys := fstest.MapFS{
		"data/processors/a.yaml": {Data: []byte("processors:\n" + fmt.Sprintf(item, "aws") + fmt.Sprintf(item, "gcp"))},
		"data/processors/b.yaml": {Data: []byte("processors:\n" + fmt.Sprintf(item, "azure") + fmt.Sprintf(item, "aws"))},
	}
	proj, _ := load.Load(fsys, "data")
	d := find(check.Check(proj, nil), "processors[3].id")
	if d == nil {
		t.Fatal("duplicate id across files not reported")
	}
	if d.Pos.String() != "data/processors/b.yaml:4:9" || len(d.Related) != 1 || d.Related[0].String() != "data/processors/a.yaml:2:9" {
		t.Errorf("duplicate id reported at %s, related %v; want data/processors/b.yaml:4:9 and data/processors/a.yaml:2:9", d.Pos, d.Related)
	}
	if !strings.Contains(d.Message, "processors[0]") {
		t.Errorf("message %q should name processors[0]", d.Message)
	}
}

// A list split across many files loads in time and memory linear in the
// files: four times the files (each one item) allocate at most five times
// as much.
func TestSplitAcrossManyFilesIsLinear(t *testing.T) {
	alloc := func(n int) uint64 {
		fsys := fstest.MapFS{}
		for i := range n {
			fsys[fmt.Sprintf("data/processors/%05d.yaml", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("processors:\n  - id: p%d\n    name: P\n", i))}
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		proj, _ := load.Load(fsys, "data")
		runtime.ReadMemStats(&after)
		if len(proj.Processors) != n {
			t.Fatalf("%d files: %d processors", n, len(proj.Processors))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(1000), alloc(4000)
	if r := float64(large) / float64(small); r > 5 {
		t.Errorf("4x the files allocate %.1fx the memory", r)
	}
}
