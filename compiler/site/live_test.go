package site_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/site"
)

// stamp is what says a file was written again: its inode and time.
type stamp struct {
	ino uint64
	mod time.Time
}

func stampOf(t *testing.T, path string) stamp {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return stamp{info.Sys().(*syscall.Stat_t).Ino, info.ModTime()}
}

// A live build writes only the files of the Hugo project that changed,
// Hugo's watch mode renders only the pages they change, the link check
// still finds a broken link on a changed page, and a removed page makes
// the build start over.
func TestLiveRebuildsOnlyWhatChanged(t *testing.T) {
	files := sampleFiles(t)
	input := func() *site.Input {
		fsys := fstest.MapFS{}
		for name, b := range files {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		proj, docs, diags := compiler.Compile(fsys, "data", &compiler.Options{Date: model.Date("2026-11-23")})
		if diags.HasErrors() {
			t.Fatalf("the sample does not compile:\n%v", diags)
		}
		return &site.Input{Project: proj, Notices: site.PreviewNotices(docs)}
	}
	dir := t.TempDir()
	live := site.NewLive(filepath.Join(dir, ".live"))
	live.WatchAfter = 0
	defer live.Close()
	hugoCmd, hugoDir := hugo(t)
	opts := site.Options{ProjectDir: dir, Theme: disclose.Theme, Hugo: site.ResolveHugo(context.Background(), hugoCmd, hugoDir, nil),
		HugoDir: hugoDir, PDFOnRequest: true, Live: live}
	ctx := context.Background()
	// The first build runs Hugo once, then starts its watch mode, whose own
	// first build writes every page again; the second, of the same data,
	// waits for it and writes nothing.
	for range 2 {
		if err := site.Build(ctx, input(), opts); err != nil {
			t.Fatal(err)
		}
	}
	src, out := live.Source(), live.Site()
	before := map[string]stamp{}
	for _, f := range []string{"src/content/eu/_index.md", "src/content/brazil/_index.md", "site/eu/index.html", "site/brazil/index.html"} {
		before[f] = stampOf(t, filepath.Join(filepath.Dir(src), f))
	}
	// The Brazilian notice alone names its data protection officer.
	files["data/brazil.yaml"] = bytes.ReplaceAll(files["data/brazil.yaml"], []byte("Mariana Costa Ribeiro"), []byte("Mariana Costa Ribeira"))
	time.Sleep(20 * time.Millisecond) // so a rewrite shows in the time
	if err := site.Build(ctx, input(), opts); err != nil {
		t.Fatal(err)
	}
	if live.Watched != 1 {
		t.Errorf("Hugo's watch mode rendered %d builds, want 1", live.Watched)
	}
	for f, was := range before {
		now := stampOf(t, filepath.Join(filepath.Dir(src), f))
		if changed := strings.Contains(f, "brazil"); changed == (now == was) {
			t.Errorf("%s: rewritten %v, want %v", f, now != was, changed)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "brazil", "index.html")); !bytes.Contains(b, []byte("Mariana Costa Ribeira")) {
		t.Error("the changed page does not show the change")
	}
	// A page of the project's own with a broken link.
	page := filepath.Join(dir, "content", "extra.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("---\ntitle: Extra\n---\n\n[nowhere](/nowhere/)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := site.Build(ctx, input(), opts)
	var se *site.Error
	if !errors.As(err, &se) || se.Stage != "links" || len(se.Diags) != 1 || se.Diags[0].Pos.File != "extra/index.html" {
		t.Fatalf("a broken link on a new page: %v", err)
	}
	if live.Watched != 2 {
		t.Errorf("Hugo's watch mode rendered %d builds, want 2", live.Watched)
	}
	// Removing it starts over (Hugo's watch mode leaves removed pages).
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := site.Build(ctx, input(), opts); err != nil {
		t.Fatalf("after removing the page: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "extra", "index.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the removed page is still there: %v", err)
	}
	// A Hugo that dies is started again; Close stops it.
	if err := site.Build(ctx, input(), opts); err != nil { // waits until it watches
		t.Fatal(err)
	}
	running := processesUnder(src)
	if len(running) != 1 || !strings.Contains(running[0], "--watch") {
		t.Fatalf("Hugo's watch mode is not running, alone: %q", running)
	}
	pid, _ := strconv.Atoi(strings.SplitN(running[0], ":", 2)[0])
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	files["data/brazil.yaml"] = bytes.ReplaceAll(files["data/brazil.yaml"], []byte("Mariana Costa Ribeira"), []byte("Mariana Costa Ribeiro"))
	if err := site.Build(ctx, input(), opts); err != nil {
		t.Fatalf("after Hugo died: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "brazil", "index.html")); !bytes.Contains(b, []byte("Mariana Costa Ribeiro")) {
		t.Error("the build after Hugo died does not show the change")
	}
	if err := site.Build(ctx, input(), opts); err != nil {
		t.Fatal(err)
	}
	if running := processesUnder(src); len(running) != 1 {
		t.Errorf("Hugo's watch mode was not started again: %q", running)
	}
	if err := live.Close(); err != nil {
		t.Fatal(err)
	}
	if running := processesUnder(src); len(running) != 0 {
		t.Errorf("Close left Hugo running: %q", running)
	}
}
