package site_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/site"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func TestCheckLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html": {Data: []byte(`<a href="eu/">EU</a> <a href="eu/#rights">rights</a>
<a href="https://example.com/x">out</a> <a href="mailto:a@b.example">mail</a> <a href="#top">top</a>
<p id="top">x</p> <a href="css/site.css">css</a>`)},
		"eu/index.html": {Data: []byte(`<h2 id="rights">Rights</h2>
<a href="../">home</a> <a href="../global/">missing page</a>
<a href="#nope">missing anchor</a> <a href="/eu/#rights">absolute</a> <img src="logo.png">`)},
		"css/site.css": {Data: []byte("body{}")},
	}
	var got []string
	for _, d := range site.CheckLinks(fsys, "/") {
		got = append(got, d.Pos.String()+": "+d.Message)
	}
	want := []string{
		`eu/index.html:2: link "../global/" leads to global/index.html, which the site does not have`,
		`eu/index.html:3: link "#nope": eu/index.html has no element with id "nope"`,
		`eu/index.html:3: link "logo.png" leads to eu/logo.png, which the site does not have`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A build never replaces the project, its data, a file or a folder of
// someone else's files.
func TestBuildRefusesUnsafeOutput(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docs", "a.html"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "data"), filepath.Join(dir, "data", "x"), filepath.Join(dir, "notes.txt"), filepath.Join(dir, "docs")} {
		err := site.Build(context.Background(), &site.Input{Project: minimalProject()}, site.Options{Out: out, ProjectDir: dir, Hugo: []string{"true"}})
		var se *site.Error
		if !errors.As(err, &se) || se.Stage != "prepare" {
			t.Errorf("--out %s: want a refusal, got %v", out, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("a refused build touched the project")
	}
}

// A build whose Hugo fails reports the failure and leaves the output folder
// and its parent as they were.
func TestBuildFailureLeavesOutputAlone(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, site.Marker), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := site.Build(context.Background(), &site.Input{Project: minimalProject()}, site.Options{
		Out: out, ProjectDir: dir, Hugo: []string{"false"},
	})
	var se *site.Error
	if !errors.As(err, &se) || se.Stage != "hugo" {
		t.Fatalf("want a hugo-stage *site.Error, got %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(out, "index.html"))
	entries, _ := os.ReadDir(dir)
	if string(b) != "old" || len(entries) != 1 {
		t.Errorf("output changed or litter left: %q, %d entries", b, len(entries))
	}
}

func minimalProject() *model.Project {
	return &model.Project{
		Organization: &model.Organization{Name: "Acme", Website: "https://acme.example"},
		Source:       model.NewSourceMap(diag.Pos{File: "data"}),
	}
}
