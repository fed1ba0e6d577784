package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"github.com/disclose-dev/disclose/internal/sampletest"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
)

// testEnv points disclose at the Hugo pinned in tools/hugo/go.mod, run
// with go tool (the first run compiles it; later runs use the build cache),
// and pins the day (2026-11-23), for the whole test binary (TestMain): tests
// that build sites then run in parallel, which t.Setenv would forbid.
func testEnv() error {
	mod, err := filepath.Abs("../../tools/hugo/go.mod")
	if err != nil {
		return err
	}
	if err := os.Setenv("DISCLOSE_HUGO", "go tool -modfile="+mod+" hugo"); err != nil {
		return err
	}
	return os.Setenv("SOURCE_DATE_EPOCH", "1795392000") // 2026-11-23
}

// sampleProject copies the sample company into a fresh project folder.
func sampleProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "../../data", filepath.Join(dir, "data"))
	return dir
}

// englishProject is sampleProject with every notice in English only and
// without the team's translations, for a test that edits the English (the
// German and French would go stale: sampletest).
func englishProject(t *testing.T) string {
	t.Helper()
	dir := sampleProject(t)
	notices := filepath.Join(dir, "data", "notices.yaml")
	b, err := os.ReadFile(notices)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notices, sampletest.EnglishNotices(b), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "data", "translations")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func build(t *testing.T, dir string, args ...string) (code int, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"-C", dir, "build"}, args...), &out, &errb)
	return code, errb.String()
}

// tree returns the SHA-256 of every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameTree(a, b map[string]string) string {
	var diffs []string
	for k, v := range a {
		if b[k] != v {
			diffs = append(diffs, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			diffs = append(diffs, k)
		}
	}
	sort.Strings(diffs)
	return strings.Join(diffs, ", ")
}

var (
	h1RE      = regexp.MustCompile(`<h1[ >]`)
	headingRE = regexp.MustCompile(`<h([2-6])( id="[^"]+")?>`)
)

// TestBuildSampleSite builds the sample company's site with real Hugo and
// checks every page type's content and structure.
func TestBuildSampleSite(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	if code, stderr := build(t, dir); code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	pub := filepath.Join(dir, "public")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(pub, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// The home page says whom each notice is for, in the words of its rule
	// pack (jurisdiction.Audiencer), and of the sub-processor list.
	home := read("index.html")
	for _, aud := range []string{"Everyone: what we collect", "People in the European Economic Area and the United Kingdom", "California residents: your rights", "Business customers: the service providers"} {
		if !strings.Contains(home, aud) {
			t.Errorf("the home page lacks %q", aud)
		}
	}
	for _, page := range []string{"index.html", "global/index.html", "eu/index.html", "california/index.html", "subprocessors/index.html", "404.html"} {
		html := read(page)
		for _, want := range []string{`<html lang="en">`, `<a class="skip" href="#main">`, `<main id="main"`, `<header class="site-header">`, `<nav aria-label=`, `<footer`, `name="viewport"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
		if n := len(h1RE.FindAllString(html, -1)); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", page, n)
		}
		// Headings never skip a level.
		prev := 1
		for _, m := range headingRE.FindAllStringSubmatch(html, -1) {
			level := int(m[1][0] - '0')
			if level > prev+1 {
				t.Errorf("%s: h%d follows h%d", page, level, prev)
			}
			prev = level
		}
		if strings.Contains(html, "<script") {
			t.Errorf("%s uses JavaScript", page)
		}
	}
	for _, id := range []string{"global", "eu", "california", "subprocessors"} {
		if pdf := read(id + "/" + id + ".pdf"); !strings.HasPrefix(pdf, "%PDF-") {
			t.Errorf("%s has no PDF", id)
		}
		if !strings.Contains(read(id+"/index.html"), `<a class="download" href="`+id+`.pdf" download>Download PDF</a>`) {
			t.Errorf("%s page has no Download PDF link", id)
		}
	}
	// One PDF per notice and language: each version's is the same file as
	// the notice's in force.
	cache, _ := os.ReadDir(filepath.Join(dir, ".cache", "pdf"))
	translated, _ := filepath.Glob(filepath.Join(pub, "[a-z][a-z]", "*", "*-[a-z][a-z].pdf"))
	if n := len(compiler.DefaultJurisdictions()) + len(translated); len(translated) != 4 || len(cache) != n {
		t.Errorf("PDF cache holds %d files, want %d (one per notice and language; %d in German and French)", len(cache), n, len(translated))
	}
	for _, id := range []string{"global", "eu", "california"} {
		html := read(id + "/index.html")
		for _, want := range []string{"<time datetime=\"2026-11-23\">23 November 2026</time>", `<h2 id="contents">`, "<caption>", `<th scope="col">`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %q", id, want)
			}
		}
		if strings.Count(html, "<table>") != strings.Count(html, "<caption>") {
			t.Errorf("%s: a table has no caption", id)
		}
	}
	g := read("global/index.html")
	for _, want := range []string{`href="../eu/"`, `href="../california/"`, `href="../subprocessors/"`, `id="data-privacy-framework"`, "Do Not Track"} {
		if !strings.Contains(g, want) {
			t.Errorf("global policy lacks %s", want)
		}
	}
	if e := read("eu/index.html"); !strings.Contains(e, `<caption>Purposes, legal bases and recipients</caption>`) {
		t.Error("the European notice lacks its purpose table")
	}
	if c := read("california/index.html"); !strings.Contains(c, `<caption>Categories of personal information (last 12 months)</caption>`) {
		t.Error("the California notice lacks its category table")
	}
	if s := read("subprocessors/index.html"); !strings.Contains(s, "Amazon Web Services") || !strings.Contains(s, "Last updated") {
		t.Error("the sub-processor page lacks its processors or its last-updated date")
	}
	var js struct {
		Notices []struct {
			ID, Title, URL, Markdown string
			Sections                 []struct{ ID string }
		}
	}
	if err := json.Unmarshal([]byte(read("notices.json")), &js); err != nil || len(js.Notices) != len(compiler.DefaultJurisdictions()) || js.Notices[len(js.Notices)-1].ID != "subprocessors" {
		t.Fatalf("notices.json: %v, %d notices", err, len(js.Notices))
	}
	if js.Notices[1].ID != "eu" || js.Notices[1].URL != "https://helpwise.example/eu/" || len(js.Notices[1].Sections) < 10 {
		t.Errorf("notices.json: eu entry %+v", js.Notices[1].ID)
	}
	sitemap := read("sitemap.xml")
	for _, loc := range []string{"https://helpwise.example/", "https://helpwise.example/global/", "https://helpwise.example/eu/", "https://helpwise.example/california/", "https://helpwise.example/us-states/", "https://helpwise.example/brazil/", "https://helpwise.example/subprocessors/"} {
		if !strings.Contains(sitemap, "<loc>"+loc+"</loc>") {
			t.Errorf("sitemap lacks %s", loc)
		}
	}
	if r := read("robots.txt"); !strings.Contains(r, "Sitemap: https://helpwise.example/sitemap.xml") {
		t.Errorf("robots.txt: %s", r)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 { // data, public and the PDF cache: nothing left over
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("project folder holds %v after the build", names)
	}
}

// Two builds of the same data on the same date are byte-identical.
func TestBuildIsReproducible(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	if code, stderr := build(t, dir, "--out", "one"); code != 0 {
		t.Fatal(stderr)
	}
	if code, stderr := build(t, dir, "--out", "two"); code != 0 {
		t.Fatal(stderr)
	}
	one, two := tree(t, filepath.Join(dir, "one")), tree(t, filepath.Join(dir, "two"))
	if len(one) < 8 {
		t.Fatalf("only %d files built", len(one))
	}
	if d := sameTree(one, two); d != "" {
		t.Errorf("builds differ in: %s", d)
	}
}

// A build that fails midway (a broken template, a broken link, bad data)
// leaves the previous site exactly as it was.
func TestFailedBuildKeepsThePreviousSite(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	if code, stderr := build(t, dir); code != 0 {
		t.Fatal(stderr)
	}
	pub := filepath.Join(dir, "public")
	before := tree(t, pub)
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"broken template", "layouts/page.html", "{{ define \"main\" }}{{ .Nope }{{ end }}", "hugo"},
		{"broken link", "content/extra.md", "---\ntitle: Extra\n---\nSee [the missing page](../nowhere/).\n", "broken internal links"},
		{"bad data", "data/extra.yaml", "security: []\n", "no notice compiled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, filepath.FromSlash(tc.file))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			defer os.Remove(path)
			code, stderr := build(t, dir)
			if code != 1 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, want 1 with %q in:\n%s", code, tc.want, stderr)
			}
			if d := sameTree(before, tree(t, pub)); d != "" {
				t.Errorf("public/ changed: %s", d)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") {
					t.Errorf("left behind %s", e.Name())
				}
			}
		})
	}
}

// A site served under a path (a GitHub project page, /privacy/ on the
// company's site) links within that path; a bad --base-url is a usage error.
func TestBuildUnderABasePath(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	if code, stderr := build(t, dir, "--base-url", "https://acme.example/privacy"); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "public", "eu", "index.html"))
	html := string(b)
	for _, want := range []string{`href="/privacy/css/disclose.css"`, `<a href="/privacy/eu/" aria-current="page">`, `<link rel="canonical" href="https://acme.example/privacy/eu/">`} {
		if !strings.Contains(html, want) {
			t.Errorf("eu page lacks %s", want)
		}
	}
	if code, _ := build(t, dir, "--base-url", "not a url"); code != 2 {
		t.Errorf("a bad --base-url exits %d, want 2", code)
	}
	if code, stderr := build(t, dir, "--out", "."); code != 1 || !strings.Contains(stderr, "holds the project") {
		t.Errorf("--out . exits %d:\n%s", code, stderr)
	}
}

// A company re-brands by overriding the theme's templates in layouts/.
func TestLayoutsOverrideTheTheme(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	if err := os.MkdirAll(filepath.Join(dir, "layouts", "_partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	footer := `<footer class="site-footer"><p>Acme Legal footer</p></footer>`
	if err := os.WriteFile(filepath.Join(dir, "layouts", "_partials", "footer.html"), []byte(footer), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := build(t, dir); code != 0 {
		t.Fatal(stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "public", "global", "index.html"))
	if !strings.Contains(string(b), "Acme Legal footer") {
		t.Error("the project's footer did not replace the theme's")
	}
}

// A project without Hugo still hears what is wrong with its data: Hugo is
// looked for only once the history and the data passed their checks.
func TestBuildReportsDataBeforeHugo(t *testing.T) {
	t.Setenv("DISCLOSE_HUGO", "") // and no tools/hugo/go.mod in the project
	dir := sampleProject(t)
	if err := os.WriteFile(filepath.Join(dir, "data", "broken.yaml"), []byte("foo: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := build(t, dir)
	if code != exitProblem || !strings.Contains(stderr, "data/broken.yaml:") || strings.Contains(stderr, "cannot find Hugo") {
		t.Errorf("exit %d, want 1 with the data error:\n%s", code, stderr)
	}
	os.Remove(filepath.Join(dir, "data", "broken.yaml"))
	if code, stderr := build(t, dir); code != exitUsage || !strings.Contains(stderr, "cannot find Hugo") {
		t.Errorf("clean data, no Hugo: exit %d, want 2:\n%s", code, stderr)
	}
}

// build --keep-hugo-source leaves the Hugo project it generated: bare Hugo
// on it builds the same pages. A later build replaces it; a folder of other
// files is refused, and the site left as it was.
func TestKeepHugoSource(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	if err := os.CopyFS(filepath.Join(dir, "tools/hugo"), os.DirFS("../../tools/hugo")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if code, stderr := build(t, dir, "--as-of", "2026-11-23", "--keep-hugo-source", "kept"); code != 0 {
			t.Fatalf("build --keep-hugo-source: exit %d\n%s", code, stderr)
		}
	}
	bins, _ := filepath.Glob(filepath.Join(dir, ".cache/hugo/*"))
	if len(bins) != 1 {
		t.Fatalf("the resolved Hugo is not remembered in .cache/hugo: %v", bins)
	}
	hugoBin, _ := os.ReadFile(bins[0])
	bare := filepath.Join(t.TempDir(), "bare")
	cmd := exec.Command(strings.TrimSpace(string(hugoBin)), "--source", filepath.Join(dir, "kept"), "--destination", bare, "--environment", "production", "--noBuildLock")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bare Hugo on the kept source: %v\n%s", err, out)
	}
	for _, page := range []string{"index.html", "global/index.html", "eu/changes/index.html", "global/global.pdf"} {
		a, err1 := os.ReadFile(filepath.Join(dir, "public", page))
		b, err2 := os.ReadFile(filepath.Join(bare, page))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: bare Hugo on the kept source does not build the same page (%v, %v)", page, err1, err2)
		}
	}
	other := filepath.Join(dir, "notes")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "todo.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := build(t, dir, "--as-of", "2026-11-23", "--keep-hugo-source", "notes"); code == 0 || !strings.Contains(stderr, "holds other files") {
		t.Errorf("--keep-hugo-source into a folder of other files: exit %d\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(other, "todo.txt")); err != nil || string(b) != "mine" {
		t.Error("a folder of other files was touched")
	}
}

// build run inside the project, every path relative (as make site runs
// it), with Hugo started in tools/hugo: the paths Hugo is given name the
// same folders from there (a relative cache folder once named nothing).
func TestBuildFromInsideTheProject(t *testing.T) {
	dir := sampleProject(t)
	if err := os.CopyFS(filepath.Join(dir, "tools/hugo"), os.DirFS("../../tools/hugo")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for range 2 { // the second with the kept Hugo project
		var out, errb bytes.Buffer
		if code := run([]string{"build", "--out", "public", "--as-of", "2026-11-23"}, &out, &errb); code != 0 {
			t.Fatalf("build in the project folder: exit %d\n%s", code, errb.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "eu", "index.html")); err != nil {
		t.Error(err)
	}
}
