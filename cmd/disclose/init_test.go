package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// disclose init scaffolds a project that checks and builds as it is, and
// refuses to overwrite anything.
func TestInitCheckBuild(t *testing.T) {
	hugoEnv(t)
	t.Setenv("DISCLOSE_HUGO", "") // use the project's own pinned Hugo
	dir := filepath.Join(t.TempDir(), "privacy")
	code, out, stderr := runIn(t, filepath.Dir(dir), "init", "privacy")
	if code != 0 || !strings.Contains(out, "Created a disclose project") {
		t.Fatalf("init: exit %d\n%s%s", code, out, stderr)
	}
	for _, f := range []string{"data/organization.yaml", "schema/disclose.schema.json", "themes/disclose/layouts/page.html", "tools/hugo/go.mod", "tools/hugo/go.sum", "Makefile", ".github/workflows/publish.yml", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	if code, _, stderr := runIn(t, dir, "check"); code != 0 {
		t.Fatalf("check of a new project: exit %d\n%s", code, stderr)
	}
	if code, stderr := build(t, dir); code != 0 {
		t.Fatalf("build of a new project: exit %d\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "public", "global", "index.html")); err != nil || !strings.Contains(string(b), "Example Co") {
		t.Error("the new project's site lacks its policy")
	}
	before, _ := os.ReadFile(filepath.Join(dir, "data", "organization.yaml"))
	if code, _, stderr := runIn(t, filepath.Dir(dir), "init", "privacy"); code != 1 || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("a second init: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "data", "organization.yaml")); string(after) != string(before) {
		t.Error("a second init changed a file")
	}
}

// The Hugo pin written into new projects is the one disclose is tested with.
func TestScaffoldPinsTheSameHugo(t *testing.T) {
	for _, f := range []string{"go.mod", "go.sum"} {
		want, _ := os.ReadFile(filepath.Join("../../tools/hugo", f))
		got, _ := os.ReadFile(filepath.Join("scaffold/tools/hugo", f+".txt"))
		w := strings.Replace(string(want), "module github.com/disclose-dev/disclose/tools/hugo", "module privacy.local/tools/hugo", 1)
		if string(got) != w {
			t.Errorf("cmd/disclose/scaffold/tools/hugo/%s.txt differs from tools/hugo/%s: copy it over (changing the module line)", f, f)
		}
	}
}
