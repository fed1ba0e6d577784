package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
)

// disclose records writes the Art. 30 record in each format, says what it
// lacks as check does, and refuses what it cannot do.
func TestRecordsCommand(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	code, out, stderr := runIn(t, dir, "records", "--as-of", "2027-01-04")
	if code != 0 || !strings.HasPrefix(out, "Activity,Purpose,") || !strings.Contains(stderr, "[ROPA-30-1-f]") || !strings.Contains(stderr, " | ") {
		t.Fatalf("records (csv): exit %d\n%.300s\n%s", code, out, stderr)
	}
	pdfPath := filepath.Join(dir, "record.pdf")
	if code, _, stderr := runIn(t, dir, "records", "--as-of", "2027-01-04", "-o", pdfPath); code != 0 || !strings.Contains(stderr, "wrote "+pdfPath+" (pdf, ") {
		t.Fatalf("records -o record.pdf: exit %d\n%s", code, stderr)
	}
	if text, err := exec.Command("pdftotext", pdfPath, "-").Output(); err != nil || !strings.Contains(string(text), "Record of processing activities") {
		t.Errorf("the record's PDF does not read back: %v", err)
	}
	jsonPath := filepath.Join(dir, "ltd.json")
	if code, _, stderr := runIn(t, dir, "records", "--controller", "helpwise-ltd", "-o", jsonPath); code != 0 {
		t.Errorf("records --controller helpwise-ltd: exit %d\n%s", code, stderr)
	} else if b, _ := os.ReadFile(jsonPath); !strings.Contains(string(b), `"helpwise-ltd"`) || strings.Contains(string(b), "The records of 2 controllers") {
		t.Errorf("one controller's record as JSON:\n%.300s", b)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--format", "pdf"}, exitUsage, "needs -o FILE"},
		{[]string{"--format", "xml"}, exitUsage, "use csv, json or pdf"},
		{[]string{"--controller", "nobody"}, exitUsage, "controllers: helpwise-inc, helpwise-ltd"},
	} {
		if code, _, stderr := runIn(t, dir, append([]string{"records"}, c.args...)...); code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("records %v: exit %d, want %d and %q:\n%s", c.args, code, c.code, c.want, stderr)
		}
	}
	// The record's own rules: a system serving no purpose is an error, the
	// record is still written; data errors write nothing.
	edit(t, filepath.Join(dir, "data", "records.yaml"), "purposes: [manage-accounts, security, aggregated-data]", "purposes: []")
	csvPath := filepath.Join(dir, "gaps.csv")
	if code, _, stderr := runIn(t, dir, "records", "-o", csvPath); code != exitProblem || !strings.Contains(stderr, "ROPA-30-1-g") {
		t.Errorf("a system serving no purpose: exit %d\n%s", code, stderr)
	} else if _, err := os.Stat(csvPath); err != nil {
		t.Errorf("the incomplete record was not written: %v", err)
	}
	edit(t, filepath.Join(dir, "data", "categories.yaml"), "period: 12 months", "period: 12 monthz")
	broken := filepath.Join(dir, "broken.csv")
	if code, _, stderr := runIn(t, dir, "records", "-o", broken); code != exitProblem || !strings.Contains(stderr, "no record written") {
		t.Errorf("data with errors: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(broken); err == nil {
		t.Error("a record was written from data with errors")
	}
}

// With records.publish: yes the site publishes the record (CSV, JSON and
// PDF); by default it does not (TestInitCheckBuild).
func TestRecordPublishedWhenConfigured(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	edit(t, filepath.Join(dir, "data", "records.yaml"), "\nrecords:\n", "\nrecords:\n  publish: yes\n")
	if code, stderr := build(t, dir); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{records.Files.CSV, records.Files.JSON, records.Files.PDF} {
		if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(f))); err != nil {
			t.Errorf("the site does not publish %s: %v", f, err)
		}
	}
	text, err := exec.Command("pdftotext", filepath.Join(dir, "public", filepath.FromSlash(records.Files.PDF)), "-").Output()
	if err != nil || !strings.Contains(string(text), "Record of processing activities") {
		t.Errorf("the published record's PDF does not read back: %v", err)
	}
}
