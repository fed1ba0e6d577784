package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// With no data/ folder, every command that judges, builds or changes data
// refuses with exit 2: a CI job in the wrong folder must not pass on the
// built-in sample.
func TestNoDataFolderRefused(t *testing.T) {
	for _, args := range [][]string{
		{"check"}, {"compile", "global"}, {"explain", "global"}, {"diff"}, {"verify"},
		{"release", "--effective", "2026-12-01"}, {"build", "--out", "public"},
	} {
		dir := t.TempDir()
		_, stderr, code := runCLI(t, append([]string{"-C", dir}, args...)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d:\n%s", args, code, exitUsage, stderr)
		}
		if !strings.Contains(stderr, "no data folder") || !strings.Contains(stderr, "--sample") {
			t.Errorf("%v: stderr does not explain:\n%s", args, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
			t.Errorf("%v: wrote public/", args)
		}
	}
}

// --sample checks the built-in sample, and says so.
func TestCheckSample(t *testing.T) {
	stdout, stderr, code := runCLI(t, "-C", t.TempDir(), "--sample", "check")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "built-in sample company") || !strings.Contains(stderr, "no problems") {
		t.Errorf("stderr does not say what was checked:\n%s", stderr)
	}
	if _, stderr, code := runCLI(t, "-C", t.TempDir(), "--sample", "release", "--effective", "2026-12-01"); code != exitUsage || !strings.Contains(stderr, "not the built-in sample") {
		t.Errorf("release --sample: exit %d:\n%s", code, stderr)
	}
	for _, cmd := range []string{"verify", "migrate"} {
		if _, stderr, code := runCLI(t, "-C", "../..", "--sample", cmd); code != exitUsage || !strings.Contains(stderr, "not on the built-in sample") {
			t.Errorf("%s --sample: exit %d:\n%s", cmd, code, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "-C", sampleProject(t), "release", "--effective", "2027-01-01", "--summary", "Bell\a"); code != exitUsage || !strings.Contains(stderr, "U+0007") {
		t.Errorf("release --summary with a control character: exit %d:\n%s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "--sample", "--data", "x", "check"); code != exitUsage || !strings.Contains(stderr, "two data sets") {
		t.Errorf("--sample --data: exit %d:\n%s", code, stderr)
	}
}

// --date meant the effective date for check and the release date for
// release; it is retired, and each use says what to write instead.
func TestRetiredDateFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--date", "2026-01-01", "check"}, "--date is now --as-of"},
		{[]string{"build", "--date", "2026-01-01"}, "--date is now --as-of"},
		{[]string{"release", "--date", "2026-01-01", "--effective", "2026-02-01"}, "--effective is the day"},
		{[]string{"--date", "2026-01-01", "schema"}, "takes no date"},
		{[]string{"release", "--as-of", "2026-01-01", "--effective", "2026-02-01"}, "unknown flag: --as-of"},
		{[]string{"-C", sampleProject(t), "release", "--released", "2026-03-01", "--effective", "2026-02-01"}, "is after --effective"},
		{[]string{"-C", sampleProject(t), "release", "--released", "2026-3-1", "--effective", "2026-04-01"}, `--released "2026-3-1"`},
	} {
		_, stderr, code := runCLI(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, want 2 and %q:\n%s", c.args, code, c.want, stderr)
		}
	}
}

// The repository's own data/ folder is the sample too.
func TestCheckRepositoryData(t *testing.T) {
	_, stderr, code := runCLI(t, "-C", "../..", "check")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "built-in") {
		t.Errorf("read the built-in sample instead of ../../data:\n%s", stderr)
	}
}

func TestSchemaCommandPrintsCheckedInSchema(t *testing.T) {
	stdout, stderr, code := runCLI(t, "schema")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile("../../schema/disclose.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Error("disclose schema differs from schema/disclose.schema.json (run go test ./compiler/schema -update)")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bogus"},
		{"check", "--format", "xml"},
		{"check", "extra-arg"},
		{"check", "--no-such-flag"},
		{"-C", t.TempDir(), "--data", "missing", "check"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", args, code, exitUsage, stderr)
		}
		if !strings.HasPrefix(stderr, "disclose: ") || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: stderr should be one clear message:\n%s", args, stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"check", "--help"}, {"schema", "--help"}} {
		stdout, _, code := runCLI(t, args...)
		if code != exitOK || !strings.Contains(stdout, "Usage:") {
			t.Errorf("%v: exit %d, output:\n%s", args, code, stdout)
		}
	}
}

// A project folder that does not exist is an error naming it, not a reason
// to check the built-in sample.
func TestMissingProjectFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nonexistent")
	stdout, stderr, code := runCLI(t, "-C", missing, "check")
	if code != exitUsage || stdout != "" {
		t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, exitUsage, stdout, stderr)
	}
	if !strings.HasPrefix(stderr, "disclose: ") || !strings.Contains(stderr, missing) || strings.Contains(stderr, "built-in") {
		t.Errorf("stderr should name the missing folder and not fall back to the sample:\n%s", stderr)
	}
}

// An absolute --data is used as it is, not joined onto -C.
func TestAbsoluteDataFolder(t *testing.T) {
	project := t.TempDir()
	data := filepath.Join(t.TempDir(), "facts")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "a.yaml"), []byte("sections:\n  - id: Bad Id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-C", project, "--data", data, "check"},
		{"--data", data, "check"},
	} {
		stdout, stderr, code := runCLI(t, args...)
		if code != exitProblem {
			t.Fatalf("%v: exit %d, want %d; stdout:\n%s\nstderr:\n%s", args, code, exitProblem, stdout, stderr)
		}
		if !strings.Contains(stdout, "facts/a.yaml:2:9: error: section \"Bad Id\" at sections[0].id: is not a valid id") || strings.Contains(stderr, "built-in") {
			t.Errorf("%v: did not check %s:\nstdout:\n%s\nstderr:\n%s", args, data, stdout, stderr)
		}
	}
}

// A missing --data folder is named in the error.
func TestMissingDataFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	_, stderr, code := runCLI(t, "--data", missing, "check")
	if code != exitUsage || !strings.Contains(stderr, missing) {
		t.Errorf("exit %d, want %d; stderr should name %s:\n%s", code, exitUsage, missing, stderr)
	}
}

// explain's Markdown and JSON say what its text says: one table row per
// section and per key point, one per requirement, every row a table row
// (no data value breaks a cell), and the JSON decodes to the same counts.
func TestExplainFormats(t *testing.T) {
	for _, id := range packIDs() {
		js, _, code := runCLI(t, "--sample", "explain", id, "--as-of", "2027-01-05", "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d", id, code)
		}
		var e explanation
		if err := json.Unmarshal([]byte(js), &e); err != nil {
			t.Fatal(err)
		}
		rows := len(e.Sections)
		for _, s := range e.Sections {
			rows += len(s.Points)
		}
		md, _, code := runCLI(t, "--sample", "explain", id, "--as-of", "2027-01-05", "--format", "markdown")
		if code != 0 {
			t.Fatalf("%s: exit %d", id, code)
		}
		var b bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte(md), &b); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		if got, want := strings.Count(html, "<tr>"), rows+len(e.Requirements)+2; got != want {
			t.Errorf("%s: %d table rows in the Markdown, want %d (%d sections and points, %d requirements, 2 headers)", id, got, want, rows, len(e.Requirements))
		}
		if len(e.Sections) < 2 || e.Sections[0].ID != "key-points" || len(e.Sections[0].Points) == 0 {
			t.Errorf("%s: sections %d, first %+v", id, len(e.Sections), e.Sections[0])
		}
	}
}
