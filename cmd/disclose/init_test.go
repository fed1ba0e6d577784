package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
	"github.com/disclose-dev/disclose/compiler/schema"
)

// disclose init scaffolds a project that checks and builds as it is, and
// refuses to overwrite anything.
func TestInitCheckBuild(t *testing.T) {
	t.Setenv("DISCLOSE_HUGO", "") // use the project's own pinned Hugo
	dir := filepath.Join(t.TempDir(), "privacy")
	code, out, stderr := runIn(t, filepath.Dir(dir), "init", "privacy")
	if code != 0 || !strings.Contains(out, "Created a disclose project") {
		t.Fatalf("init: exit %d\n%s%s", code, out, stderr)
	}
	for _, f := range []string{"data/organization.yaml", "themes/disclose/layouts/page.html", "tools/hugo/go.mod", "tools/hugo/go.sum", "Makefile", ".github/workflows/publish.yml", ".gitignore"} {
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
	if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(records.Files.PDF))); err == nil {
		t.Error("the site publishes the record of processing activities, which no data asked for")
	}
	// The site publishes the data files' schema where their modelines say.
	js, _ := schema.JSON(compiler.SchemaOptions())
	if b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(schema.Path))); err != nil || !bytes.Equal(b, js) {
		t.Errorf("the site does not publish the schema at /%s: %v", schema.Path, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "data", "organization.yaml")); !strings.HasPrefix(string(b), "# yaml-language-server: $schema="+schema.ID+"\n") {
		t.Errorf("a new data file's modeline does not name %s:\n%.100s", schema.ID, b)
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

// The publish workflows (the repository's and the one init writes) run on
// every merge and every day, and build as of the day they run, so an
// announced version comes into force on its date without a commit.
func TestPublishWorkflowsRunDaily(t *testing.T) {
	project := initProject(t)
	for _, c := range []struct{ workflow, makefile string }{
		{"../../.github/workflows/publish.yml", "../../Makefile"},
		{filepath.Join(project, ".github/workflows/publish.yml"), filepath.Join(project, "Makefile")},
	} {
		b, err := os.ReadFile(c.workflow)
		if err != nil {
			t.Fatal(err)
		}
		var wf struct {
			On struct {
				Push     struct{ Branches []string }
				Schedule []struct{ Cron string }
			} `yaml:"on"`
			Jobs map[string]struct {
				Steps []struct{ Run string }
			}
		}
		if err := yaml.Unmarshal(b, &wf); err != nil {
			t.Fatalf("%s: %v", c.workflow, err)
		}
		if len(wf.On.Push.Branches) == 0 || len(wf.On.Schedule) != 1 {
			t.Fatalf("%s: triggers %+v, want push and one daily schedule", c.workflow, wf.On)
		}
		f := strings.Fields(wf.On.Schedule[0].Cron)
		if len(f) != 5 || f[2] != "*" || f[3] != "*" || f[4] != "*" || strings.ContainsAny(f[0]+f[1], "*/,-") {
			t.Errorf("%s: cron %q is not once a day", c.workflow, wf.On.Schedule[0].Cron)
		}
		runs := ""
		for _, j := range wf.Jobs {
			for _, s := range j.Steps {
				runs += s.Run + "\n"
			}
		}
		if !strings.Contains(runs, "make -f Makefile publish") {
			t.Errorf("%s: no step runs make publish:\n%s", c.workflow, runs)
		}
		// make publish builds as of the given day (default today, UTC).
		out, err := exec.Command("make", "-n", "-C", filepath.Dir(c.makefile), "publish", "AS_OF=2031-02-03").CombinedOutput()
		if err != nil {
			t.Fatalf("make -n publish: %v\n%s", err, out)
		}
		if !strings.Contains(string(out), "build --as-of 2031-02-03") || strings.Contains(string(out), "git log") {
			t.Errorf("%s: make publish does not build as of AS_OF:\n%s", c.makefile, out)
		}
		out, _ = exec.Command("make", "-n", "-C", filepath.Dir(c.makefile), "publish").CombinedOutput()
		if today := time.Now().UTC().Format(time.DateOnly); !strings.Contains(string(out), "--as-of "+today) && !strings.Contains(string(out), "--as-of "+time.Now().UTC().Add(-time.Minute).Format(time.DateOnly)) {
			t.Errorf("%s: make publish does not default to today (%s):\n%s", c.makefile, today, out)
		}
	}
}
