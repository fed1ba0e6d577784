package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// translate reports what a language's notices need, writes the file with
// the missing texts as todo (never published), and check then reports each
// todo at its line; an edit of the English makes a translation stale.
func TestTranslateCommand(t *testing.T) {
	// The sample's German is complete: start from none.
	dir := englishProject(t)
	notices := filepath.Join(dir, "data", "notices.yaml")
	b, err := os.ReadFile(notices)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notices, []byte(strings.Replace(string(b), "\n  eu:\n", "\n  eu:\n    languages: [en, de]\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "-C", dir, "translate", "de", "--as-of", "2027-01-04")
	if code != 1 || !strings.Contains(out, "data/translations/de.yaml: ") || !strings.Contains(out, " 0 current, 0 stale, ") || !strings.Contains(errOut, "--write adds them") {
		t.Fatalf("before: %d %q %q", code, out, errOut)
	}
	if _, _, code := runCLI(t, "-C", dir, "translate", "de", "--as-of", "2027-01-04", "--write"); code != 0 {
		t.Fatalf("--write: %d", code)
	}
	file := filepath.Join(dir, "data", "translations", "de.yaml")
	src, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(src), "todo: true") {
		t.Fatalf("%v\n%.300s", err, src)
	}
	// Translate the controller's description.
	tr := strings.Replace(string(src), "    todo: true\n    text: Our parent company", "    text: Unsere Muttergesellschaft. Our parent company", 1)
	if tr == string(src) {
		t.Fatal("no todo for the parent company's description")
	}
	if err := os.WriteFile(file, []byte(tr), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runCLI(t, "-C", dir, "translate", "de", "--as-of", "2027-01-04")
	if !strings.Contains(out, " 1 current, 0 stale, ") {
		t.Errorf("after one translation: %q", out)
	}
	out, _, code = runCLI(t, "-C", dir, "check", "--as-of", "2027-01-04")
	if code != 1 || !strings.Contains(out, "data/translations/de.yaml:") || !strings.Contains(out, "has no German translation yet (todo: true") {
		t.Errorf("check: %d\n%.2000s", code, out)
	}
	// The English changes: the translation is stale.
	org := filepath.Join(dir, "data", "organization.yaml")
	ob, _ := os.ReadFile(org)
	if err := os.WriteFile(org, []byte(strings.Replace(string(ob), "Our parent company and headquarters.", "Our parent company.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runCLI(t, "-C", dir, "translate", "de", "--as-of", "2027-01-04")
	if !strings.Contains(out, " 0 current, 1 stale, ") {
		t.Errorf("stale: %q", out)
	}
	out, _, _ = runCLI(t, "-C", dir, "check", "--as-of", "2027-01-04")
	if !strings.Contains(out, "organization.entities[helpwise-inc].description is stale") {
		t.Errorf("check, stale:\n%.2000s", out)
	}
	if _, errOut, code := runCLI(t, "-C", dir, "translate", "en"); code != 2 || !strings.Contains(errOut, "English is the language the data is written in") {
		t.Errorf("translate en: %d %q", code, errOut)
	}
}
