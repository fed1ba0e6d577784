// Package browser holds the browser tests of the built site: every page type
// is loaded in Debian's headless Chromium (through playwright-core, no
// browser download) at desktop and phone widths and checked with axe-core
// against WCAG 2.2 AA. scripts/browser-setup.sh installs what they need;
// `make test` runs it first.
package browser

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/disclose-dev/disclose/internal/golden"
)

func TestSiteInChromium(t *testing.T) {
	for _, need := range []string{"/usr/bin/chromium", "node_modules/playwright-core", "node_modules/axe-core"} {
		if _, err := os.Stat(need); err != nil {
			t.Fatalf("%s is missing: run scripts/browser-setup.sh (make test does)", need)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing: install Node.js")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	build := exec.Command("go", "run", "../../cmd/disclose", "-C", "../..", "build", "--out", out, "--date", "2026-11-23")
	build.Env = append(os.Environ(), "DISCLOSE_HUGO=go tool -modfile="+mod+" hugo")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	artifacts, _ := filepath.Abs("artifacts")
	os.RemoveAll(artifacts)
	cmd := exec.Command(node, "check.mjs", out, artifacts, "/", "/global/", "/eu/", "/california/", "/subprocessors/", "/eu/versions/", "/eu/2018-05-25/", "/eu/changes/", "/eu/2026-12-15/redline/", "/changes/", "/404.html")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var report struct {
		Pages    []struct{ Path, Viewport, Screenshot string }
		Failures []string
	}
	if jerr := json.Unmarshal(stdout.Bytes(), &report); jerr != nil {
		t.Fatalf("browser check: %v, %v\nstdout:\n%s\nstderr:\n%s", err, jerr, stdout.String(), stderr.String())
	}
	for _, f := range report.Failures {
		t.Error(f)
	}
	if err != nil && len(report.Failures) == 0 {
		t.Fatalf("browser check failed: %v\n%s", err, stderr.String())
	}
	if len(report.Pages) != 22 {
		t.Errorf("checked %d page views, want 22 (11 pages at 2 widths)", len(report.Pages))
	}
	for _, p := range report.Pages {
		if _, err := os.Stat(filepath.Join(artifacts, p.Screenshot)); err != nil {
			t.Errorf("no screenshot for %s (%s)", p.Path, p.Viewport)
		}
	}
}

// The check finds real problems: a footer image without a text alternative
// and low-contrast text fail it.
func TestCheckCatchesViolations(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing: install Node.js")
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "layouts", "_partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	bad := `<footer class="site-footer"><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"><p style="color:#ccc;background:#fff">faint</p></footer>`
	if err := os.WriteFile(filepath.Join(dir, "layouts", "_partials", "footer.html"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := filepath.Abs("../../data")
	out := filepath.Join(dir, "public")
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	build := exec.Command("go", "run", "../../cmd/disclose", "-C", dir, "--data", data, "build", "--out", out, "--date", "2026-11-23")
	build.Env = append(os.Environ(), "DISCLOSE_HUGO=go tool -modfile="+mod+" hugo")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	cmd := exec.Command(node, "check.mjs", out, filepath.Join(dir, "artifacts"), "/")
	stdout, err := cmd.Output()
	var report struct{ Failures []string }
	_ = json.Unmarshal(stdout, &report)
	if err == nil || len(report.Failures) == 0 {
		t.Fatalf("the check passed a page with an unlabelled image and faint text:\n%s", stdout)
	}
	joined := strings.Join(report.Failures, "\n")
	for _, rule := range []string{"image-alt", "color-contrast"} {
		if !strings.Contains(joined, rule) {
			t.Errorf("the check did not report %s:\n%s", rule, joined)
		}
	}
}
