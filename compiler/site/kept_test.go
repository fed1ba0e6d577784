package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/site"
)

// tinyNotices are notices of one section each, by id, with their PDFs.
func tinyNotices(ids ...string) []*site.Notice {
	var out []*site.Notice
	for _, id := range ids {
		doc := &notice.Document{ID: id, Title: "Notice " + id, Organization: "Acme", Effective: "2026-01-01", LastUpdated: "2026-01-01",
			Sections: []*notice.Section{{ID: "about", Title: "About", Blocks: []notice.Block{&notice.Paragraph{Text: notice.Text("About " + id + ".")}}}}}
		out = append(out, &site.Notice{ID: id, Current: &site.Page{Doc: doc}})
	}
	return out
}

// readSite is every file (its bytes) and folder ("/") under dir, by slash
// path.
func readSite(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			got[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// A build with a cache changes the Hugo project the last build kept only
// where it differs, and has Hugo build into the folders of the site it
// replaced: the site is still exactly what a build without a cache makes,
// nothing of the last site left (a notice gone, a folder where a file now
// stands), and the PDFs are the cache's own files, linked.
func TestKeptBuildIsAFreshBuild(t *testing.T) {
	hugoCmd := []string{hugoBinary(t)}
	dir := t.TempDir()
	cache := filepath.Join(dir, ".cache")
	build := func(out, cache string, in *site.Input) {
		t.Helper()
		in.Project = minimalProject()
		err := site.Build(context.Background(), in, site.Options{Out: filepath.Join(dir, out), ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, CacheDir: cache})
		if err != nil {
			t.Fatalf("build %s: %v", out, err)
		}
	}
	a := func() *site.Input {
		return &site.Input{Notices: tinyNotices("global", "eu"), Files: map[string][]byte{"extra/a/b.txt": []byte("b")}}
	}
	// x has a folder where a has its global PDF.
	x := func() *site.Input {
		return &site.Input{Notices: tinyNotices("eu"), Files: map[string][]byte{"global/global.pdf/x.txt": []byte("x")}}
	}
	// Build k has Hugo build into the folders of build k-2's site, unless
	// a folder stands where it writes a file.
	var folders []os.FileInfo
	for i, in := range []func() *site.Input{a, a,
		// eu gone; extra/a a file where a folder stood
		func() *site.Input {
			return &site.Input{Notices: tinyNotices("global"), Files: map[string][]byte{"extra/a": []byte("a")}}
		},
		// a file of another name
		func() *site.Input {
			return &site.Input{Notices: tinyNotices("global", "eu"), Files: map[string][]byte{"extra/a/c.txt": []byte("c")}}
		},
		// eu back, under a folder that was a file
		a, x, x,
		// the PDF where build 5 had a folder: built again in new folders
		a,
	} {
		build("public", cache, in())
		build("fresh", "", in())
		got, want := readSite(t, filepath.Join(dir, "public")), readSite(t, filepath.Join(dir, "fresh"))
		for name, w := range want {
			if g, ok := got[name]; !ok || g != w {
				t.Errorf("build %d: %s differs from a build without a cache (present: %v)", i, name, ok)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("build %d: %s is left from the last build", i, name)
			}
		}
		info, err := os.Stat(filepath.Join(dir, "public", "css"))
		if err != nil {
			t.Fatal(err)
		}
		folders = append(folders, info)
		if reused, want := i >= 2 && os.SameFile(info, folders[i-2]), i >= 2 && i != 7; reused != want {
			t.Errorf("build %d: built into the folders of build %d: %v, want %v", i, i-2, reused, want)
		}
		if _, ok := want["global/global.pdf"]; !ok || i == 0 {
			continue
		}
		// The PDF typeset by the first build is the cache's file.
		pdf, err := os.Stat(filepath.Join(dir, "public", "global", "global.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		linked := false
		cached, _ := filepath.Glob(filepath.Join(cache, "pdf", "*.pdf"))
		for _, c := range cached {
			if info, err := os.Stat(c); err == nil && os.SameFile(info, pdf) {
				linked = true
			}
		}
		if !linked {
			t.Errorf("build %d: global.pdf is not linked to the cache's PDF (%d cached)", i, len(cached))
		}
	}
}

// The Hugo project a build keeps for the next is rewritten only where it
// changed: a file whose bytes are the same is not written again.
func TestKeptProjectWritesOnlyChanges(t *testing.T) {
	hugoCmd := []string{hugoBinary(t)}
	dir := t.TempDir()
	cache := filepath.Join(dir, ".cache")
	build := func(files map[string][]byte) {
		t.Helper()
		err := site.Build(context.Background(), &site.Input{Project: minimalProject(), Notices: tinyNotices("global"), Files: files},
			site.Options{Out: filepath.Join(dir, "public"), ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, CacheDir: cache, NoPDF: true})
		if err != nil {
			t.Fatal(err)
		}
	}
	build(map[string][]byte{"same.txt": []byte("same"), "changed.txt": []byte("one")})
	kept, _ := filepath.Glob(filepath.Join(cache, "site", "*", "src"))
	if len(kept) != 1 {
		t.Fatalf("kept projects: %v", kept)
	}
	// Date the kept files long ago: a file written again is dated now.
	old := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"same.txt", "changed.txt"} {
		if err := os.Chtimes(filepath.Join(kept[0], "static", name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	build(map[string][]byte{"same.txt": []byte("same"), "changed.txt": []byte("two")})
	for name, want := range map[string]struct {
		written bool
		data    string
	}{"same.txt": {false, "same"}, "changed.txt": {true, "two"}} {
		p := filepath.Join(kept[0], "static", name)
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(p); !bytes.Equal(b, []byte(want.data)) {
			t.Errorf("%s holds %q, want %q", name, b, want.data)
		}
		if written := !info.ModTime().Equal(old); written != want.written {
			t.Errorf("%s written again: %v, want %v", name, written, want.written)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public", "changed.txt")); string(b) != "two" {
		t.Errorf("the site's changed.txt is %q", b)
	}
}
