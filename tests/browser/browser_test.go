// Package browser holds the browser tests of the built site: every page type
// is loaded in Debian's headless Chromium (through playwright-core, no
// browser download) at desktop and phone widths and checked with axe-core
// against WCAG 2.2 AA. scripts/browser-setup.sh installs what they need;
// `make test` runs it first.
package browser

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/compiler"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

// The sample site and the disclose command, built once for every test here.
var (
	shared struct {
		once           sync.Once
		dir, bin, site string
		err            error
	}
)

func setup(t *testing.T) {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "disclose-browser-")
		if shared.err != nil {
			return
		}
		shared.bin = filepath.Join(shared.dir, "disclose")
		if b, err := exec.Command("go", "build", "-o", shared.bin, "../../cmd/disclose").CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("go build: %v\n%s", err, b)
			return
		}
		shared.site = filepath.Join(shared.dir, "public")
		// With the drafts: their key points and ways to act are checked too.
		build := exec.Command(shared.bin, "-C", "../..", "build", "--drafts", "--out", shared.site, "--as-of", "2026-11-23")
		build.Env = hugoEnv()
		if b, err := build.CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("build: %v\n%s", err, b)
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
}

func hugoEnv() []string {
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	return append(os.Environ(), "DISCLOSE_HUGO=go tool -modfile="+mod+" hugo")
}

// sampleSite returns the sample's site, built as of 2026-11-23 with its
// drafts.
func sampleSite(t *testing.T) string {
	setup(t)
	return shared.site
}

func TestMain(m *testing.M) {
	artifacts, _ := filepath.Abs("artifacts")
	os.RemoveAll(artifacts)
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func needBrowser(t *testing.T) string {
	t.Helper()
	for _, need := range []string{"/usr/bin/chromium", "node_modules/playwright-core", "node_modules/axe-core"} {
		if _, err := os.Stat(need); err != nil {
			t.Fatalf("%s is missing: run scripts/browser-setup.sh (make test does)", need)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing: install Node.js")
	}
	return node
}

// The live preview (disclose serve) is styled like the published site: its
// stylesheets are served with their types and apply.
func TestPreviewStyledLikePublished(t *testing.T) {
	node := needBrowser(t)
	published := httptest.NewServer(http.FileServer(http.Dir(sampleSite(t))))
	defer published.Close()
	serve := exec.Command(shared.bin, "-C", "../..", "serve", "--port", "0", "--as-of", "2026-11-23")
	serve.Env = hugoEnv()
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = serve.Process.Signal(syscall.SIGTERM); _ = serve.Wait() }()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "Serving the preview on "); ok {
				addr <- strings.Fields(rest)[0]
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(2 * time.Minute):
		t.Fatal("disclose serve did not start")
	}
	artifacts, _ := filepath.Abs("artifacts")
	cmd := exec.Command(node, "preview.mjs", strings.TrimSuffix(base, "/"), published.URL, artifacts, "/eu/", "/global/", "/")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var report struct {
		Pages    []struct{ Path, Preview, Published string }
		Failures []string
	}
	if jerr := json.Unmarshal(out.Bytes(), &report); jerr != nil {
		t.Fatalf("preview check: %v, %v\nstdout:\n%s\nstderr:\n%s", err, jerr, out.String(), errb.String())
	}
	for _, f := range report.Failures {
		t.Error(f)
	}
	if len(report.Pages) != 3 {
		t.Errorf("compared %d pages, want 3", len(report.Pages))
	}
}

func TestSiteInChromium(t *testing.T) {
	node := needBrowser(t)
	out := sampleSite(t)
	artifacts, _ := filepath.Abs("artifacts")
	cmd := exec.Command(node, "check.mjs", out, artifacts, "/", "/global/", "/eu/", "/california/", "/us-states/", "/brazil/", "/subprocessors/", "/eu/versions/", "/eu/2018-05-25/", "/eu/changes/", "/eu/2026-12-15/redline/", "/eu/2026-12-15/redline/changed/", "/changes/", "/eu/draft/",
		"/global/2027-01-04-5/", "/california/2027-01-04-5/", "/us-states/2027-01-04-4/", "/brazil/2027-01-04-2/", "/404.html",
		"/de/eu/", "/fr/global/")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var report struct {
		Pages []struct {
			Path, Viewport, Screenshot           string
			Sections, SelfLinks, Cells, NavLinks int
			Sidebar, ToTop                       bool
			KeyPoints                            int
			RightsLink, RequestLink              bool
		}
		Failures []string
		Print    string
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
	if len(report.Pages) != 42 {
		t.Errorf("checked %d page views, want 42 (21 pages at 2 widths)", len(report.Pages))
	}
	for _, p := range report.Pages {
		if _, err := os.Stat(filepath.Join(artifacts, p.Screenshot)); err != nil {
			t.Errorf("no screenshot for %s (%s)", p.Path, p.Viewport)
		}
		// The reading aids were checked, not just absent: every page shows
		// the notices in its header, every notice has its sections with
		// their self-links and a back-to-top link, the contents sidebar at
		// desktop width, and its tables' cells were measured on a phone.
		if n := len(compiler.DefaultJurisdictions()); p.NavLinks != n {
			t.Errorf("%s (%s): the header shows %d notice links, want %d", p.Path, p.Viewport, p.NavLinks, n)
		}
		if !notices[p.Path] {
			continue
		}
		// A notice with key points (the drafts and the versions released
		// with them) was clicked through: to the rights, and to the form.
		if keyPoints[p.Path] && (p.KeyPoints == 0 || !p.RightsLink || !p.RequestLink) {
			t.Errorf("%s (%s): %d key points, rights link followed %v, request link followed %v", p.Path, p.Viewport, p.KeyPoints, p.RightsLink, p.RequestLink)
		}
		if p.Sections < 2 || p.SelfLinks != p.Sections || !p.ToTop {
			t.Errorf("%s (%s): %d sections, %d with a self-link, back-to-top %v", p.Path, p.Viewport, p.Sections, p.SelfLinks, p.ToTop)
		}
		if p.Viewport == "desktop" && !p.Sidebar {
			t.Errorf("%s: the contents sidebar was not checked at desktop width", p.Path)
		}
		if p.Viewport == "phone" && p.Cells == 0 {
			t.Errorf("%s: no table cell was measured on a phone", p.Path)
		}
	}
	if report.Print == "" {
		t.Error("no print screenshot")
	} else if _, err := os.Stat(filepath.Join(artifacts, report.Print)); err != nil {
		t.Errorf("no print screenshot: %v", err)
	}
}

// The notices among the pages TestSiteInChromium loads.
var notices = map[string]bool{"/global/": true, "/eu/": true, "/california/": true, "/us-states/": true, "/brazil/": true, "/subprocessors/": true, "/eu/draft/": true,
	"/global/2027-01-04-5/": true, "/california/2027-01-04-5/": true, "/us-states/2027-01-04-4/": true, "/brazil/2027-01-04-2/": true,
	"/de/eu/": true, "/fr/global/": true}

// The pages among them whose notices have key points.
var keyPoints = map[string]bool{"/eu/draft/": true, "/global/2027-01-04-5/": true, "/california/2027-01-04-5/": true, "/us-states/2027-01-04-4/": true, "/brazil/2027-01-04-2/": true,
	"/de/eu/": true, "/fr/global/": true}

// The check finds real problems: a footer image without a text alternative,
// low-contrast text and section headings without a link to themselves fail
// it.
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
	if err := os.MkdirAll(filepath.Join(dir, "layouts", "_markup"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := `<h{{ .Level }}{{ with .Anchor }} id="{{ . }}"{{ end }}>{{ .Text }}</h{{ .Level }}>`
	if err := os.WriteFile(filepath.Join(dir, "layouts", "_markup", "render-heading.html"), []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := filepath.Abs("../../data")
	out := filepath.Join(dir, "public")
	setup(t)
	build := exec.Command(shared.bin, "-C", dir, "--data", data, "build", "--out", out, "--as-of", "2026-11-23")
	build.Env = hugoEnv()
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	cmd := exec.Command(node, "check.mjs", out, filepath.Join(dir, "artifacts"), "/", "/subprocessors/")
	stdout, err := cmd.Output()
	var report struct{ Failures []string }
	_ = json.Unmarshal(stdout, &report)
	if err == nil || len(report.Failures) == 0 {
		t.Fatalf("the check passed a page with an unlabelled image and faint text:\n%s", stdout)
	}
	joined := strings.Join(report.Failures, "\n")
	for _, rule := range []string{"image-alt", "color-contrast", "has no visible self-link"} {
		if !strings.Contains(joined, rule) {
			t.Errorf("the check did not report %s:\n%s", rule, joined)
		}
	}
}
