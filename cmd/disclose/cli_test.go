package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// With no data/ folder, commands use the built-in sample, which is clean.
func TestCheckEmbeddedSample(t *testing.T) {
	stdout, stderr, code := runCLI(t, "-C", t.TempDir(), "check")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "built-in sample company") || !strings.Contains(stderr, "no problems") {
		t.Errorf("stderr does not say what was checked:\n%s", stderr)
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
		if !strings.Contains(stdout, "facts/a.yaml:2:9: error: sections[0].id:") || strings.Contains(stderr, "built-in") {
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
