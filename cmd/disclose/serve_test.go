package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// preview runs disclose serve on a free port in dir and returns its address,
// a channel of build results and a stop function.
func startServe(t testing.TB, dir string) (string, <-chan bool, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &globals{dir: dir, data: "data", asOf: "2026-11-23"}
	root := newRootCmd(io.Discard, io.Discard)
	cmd, _, err := root.Find([]string{"serve"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	builds := make(chan bool, 100)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := serve(ctx, cmd, g, ln, io.Discard, func(ok bool) { builds <- ok }); err != nil {
			t.Error(err)
		}
	}()
	select {
	case ok := <-builds:
		if !ok {
			t.Fatal("the first build failed")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("no first build")
	}
	return "http://" + ln.Addr().String(), builds, func() { cancel(); wg.Wait() }
}

func waitBuild(t testing.TB, builds <-chan bool) bool {
	t.Helper()
	select {
	case ok := <-builds:
		return ok
	case <-time.After(30 * time.Second):
		t.Fatal("no rebuild after the change")
	}
	return false
}

func get(t testing.TB, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// events collects the server-sent events of the preview.
func events(t *testing.T, base string) <-chan string {
	resp, err := http.Get(base + "/_disclose/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ch := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				ch <- ev
			}
		}
	}()
	return ch
}

func wantEvent(t *testing.T, ch <-chan string, want string) {
	t.Helper()
	select {
	case ev := <-ch:
		if ev != want {
			t.Errorf("event %q, want %q", ev, want)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("no %q event", want)
	}
}

func TestServe(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	base, builds, stop := startServe(t, dir)
	defer stop()
	ev := events(t, base)

	eu := get(t, base+"/eu/")
	if !strings.Contains(eu, "Preview: this is the draft") || !strings.Contains(eu, `<script src="/_disclose/live.js">`) {
		t.Fatal("the preview page is not marked as a draft or has no live-reload script")
	}
	// An edit is rebuilt and announced.
	edit(t, filepath.Join(dir, "data", "purposes.yaml"), "keeping a record of what we discussed", "keeping a tidy record of what we discussed")
	if !waitBuild(t, builds) {
		t.Fatal("the rebuild failed")
	}
	wantEvent(t, ev, "reload")
	if !strings.Contains(get(t, base+"/eu/"), "tidy record") {
		t.Error("the page does not show the edit")
	}
	// A broken save keeps the last good page and reports the problem.
	path := filepath.Join(dir, "data", "purposes.yaml")
	good, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(good, []byte("broken: [\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if waitBuild(t, builds) {
		t.Fatal("a broken file built")
	}
	wantEvent(t, ev, "problems")
	var st struct{ Problems string }
	if err := json.Unmarshal([]byte(get(t, base+"/_disclose/status")), &st); err != nil || !strings.Contains(st.Problems, "data/purposes.yaml:") || !strings.Contains(st.Problems, `unclosed "["`) {
		t.Errorf("status problems %q (%v)", st.Problems, err)
	}
	if !strings.Contains(get(t, base+"/eu/"), "tidy record") {
		t.Error("the last good page is not served while the data is broken")
	}
	// Fixing it recovers.
	if err := os.WriteFile(path, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if !waitBuild(t, builds) {
		t.Fatal("the fix did not rebuild")
	}
	wantEvent(t, ev, "reload")
	if err := json.Unmarshal([]byte(get(t, base+"/_disclose/status")), &st); err != nil || st.Problems != "" {
		t.Errorf("problems remain after the fix: %q", st.Problems)
	}
	// A new subfolder and a new file in it are picked up: a file with a
	// problem breaks the build, and removing it mends it.
	sub := filepath.Join(dir, "data", "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	waitBuild(t, builds) // the folder itself
	<-ev
	if err := os.WriteFile(filepath.Join(sub, "extra.yaml"), []byte("oops: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if waitBuild(t, builds) {
		t.Fatal("the new file's problem went unnoticed")
	}
	wantEvent(t, ev, "problems")
	if err := json.Unmarshal([]byte(get(t, base+"/_disclose/status")), &st); err != nil || !strings.Contains(st.Problems, "data/more/extra.yaml:1:1") {
		t.Errorf("status problems %q", st.Problems)
	}
	if err := os.Remove(filepath.Join(sub, "extra.yaml")); err != nil {
		t.Fatal(err)
	}
	if !waitBuild(t, builds) {
		t.Error("removing the file did not mend the build")
	}
	// An editor that saves by writing a new file and renaming it over the old.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(good), "keeping a tidy record", "keeping a renamed record", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if !waitBuild(t, builds) || !strings.Contains(get(t, base+"/eu/"), "renamed record") {
		t.Error("a save by rename was not picked up")
	}
}

// BenchmarkServeRebuild measures the time from saving a data file to the
// rebuilt page being served (debounce included).
func BenchmarkServeRebuild(b *testing.B) { benchServeRebuild(b) }

// BenchmarkServeRebuildWatch is BenchmarkServeRebuild through Hugo's watch
// mode, which serve does not use for a site as small as the sample: it
// shows the cost of Hugo noticing changes on a 500 ms tick.
func BenchmarkServeRebuildWatch(b *testing.B) {
	serveWatchAfter = 0
	defer func() { serveWatchAfter = -1 }()
	benchServeRebuild(b)
}

func benchServeRebuild(b *testing.B) {
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	b.Setenv("DISCLOSE_HUGO", "go tool -modfile="+mod+" hugo")
	dir := b.TempDir()
	copyDirB(b, "../../data", filepath.Join(dir, "data"))
	base, builds, stop := startServe(b, dir)
	defer stop()
	path := filepath.Join(dir, "data", "purposes.yaml")
	good, _ := os.ReadFile(path)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := strings.Replace(string(good), "keeping a record", "keeping a record"+strings.Repeat(" really", i%5+1), 1)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		if !waitBuild(b, builds) {
			b.Fatal("rebuild failed")
		}
		_ = get(b, base+"/eu/")
	}
}

func copyDirB(b *testing.B, from, to string) {
	b.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// The preview serves every file with its type (browsers drop a stylesheet
// served as text/plain), typesets PDFs on request, answers only to loopback
// Host names, and never shows a path of this machine in an error.
func TestServeFiles(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	base, _, stop := startServe(t, dir)
	defer stop()
	page := get(t, base+"/eu/")
	css := regexp.MustCompile(`href="([^"]+\.css)"`).FindStringSubmatch(page)
	if css == nil {
		t.Fatal("the preview page links no stylesheet")
	}
	// The page links its PDF, which the preview typesets when asked.
	if pdfLink := regexp.MustCompile(`href="([^"]+\.pdf)"`).FindStringSubmatch(page); pdfLink == nil {
		t.Error("the preview page links no PDF")
	} else if b := get(t, base+"/eu/"+strings.TrimPrefix(pdfLink[1], "./")); !strings.HasPrefix(b, "%PDF-") {
		t.Errorf("the preview's PDF link %s does not serve a PDF", pdfLink[1])
	}
	u := css[1]
	if !strings.HasPrefix(u, "http") {
		u = base + "/" + strings.TrimPrefix(u, "/")
	}
	for _, c := range []struct{ url, ctype string }{
		{u, "text/css; charset=utf-8"},
		{base + "/eu/", "text/html; charset=utf-8"},
		{base + "/notices.json", "application/json"},
		{base + "/sitemap.xml", "application/xml; charset=utf-8"},
		{base + "/global/global.pdf", "application/pdf"},
		{base + "/eu/eu.pdf", "application/pdf"},
	} {
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s: %d %q, want 200 %q", c.url, resp.StatusCode, resp.Header.Get("Content-Type"), c.ctype)
		}
		if c.ctype == "application/pdf" && !bytes.HasPrefix(body, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", c.url)
		}
	}
	// A rebinding page reaches the server under its own name.
	req, _ := http.NewRequest("GET", base+"/eu/", nil)
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host attacker.example: status %d, want %d", resp.StatusCode, http.StatusMisdirectedRequest)
	}
	for _, host := range []string{"localhost", "127.0.0.1", "[::1]"} {
		req, _ := http.NewRequest("GET", base+"/_disclose/status", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("Host %s: status %d", host, resp.StatusCode)
		}
	}
	tmp := os.TempDir()
	for _, p := range []string{"/%00", "/eu/%00/x", "/..%2f..%2fetc/passwd", "/nope.pdf", "/eu/nope/", "/%5c..%5c"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || resp.StatusCode >= 500 {
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
		if bytes.Contains(body, []byte(tmp)) || bytes.Contains(body, []byte(dir)) || bytes.Contains(body, []byte("root:")) {
			t.Errorf("%s: the answer reveals a path:\n%s", p, body)
		}
	}
}

// The preview is built inside the project and removed when serve stops:
// nothing is left in $TMPDIR or in .cache/preview.
func TestServeCleansUp(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := sampleProject(t)
	_, _, stop := startServe(t, dir)
	entries, _ := os.ReadDir(filepath.Join(dir, ".cache", "preview"))
	if len(entries) != 1 {
		t.Errorf("the preview is not in .cache/preview/PORT: %v", entries)
	}
	stop()
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("serve left %d files in $TMPDIR: %v", len(left), left)
	}
	if left, _ := os.ReadDir(filepath.Join(dir, ".cache", "preview")); len(left) > 0 {
		t.Errorf("serve left its preview: %v", left)
	}
}

// BenchmarkServeRebuildAtScale is BenchmarkServeRebuild on a large project:
// 5,000 processors, 1,000 purposes and 1,000 categories (internal/scaledata),
// or the project folder with a data/ folder DISCLOSE_SCALE_DIR names
// (scripts/scale.sh). Each save changes the name of a
// purpose, which every notice shows.
func BenchmarkServeRebuildAtScale(b *testing.B) {
	from := os.Getenv("DISCLOSE_SCALE_DIR")
	if from == "" {
		from = scaleProject(b)
	}
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	b.Setenv("DISCLOSE_HUGO", "go tool -modfile="+mod+" hugo")
	dir := b.TempDir()
	copyDirB(b, filepath.Join(from, "data"), filepath.Join(dir, "data"))
	base, builds, stop := startServe(b, dir)
	defer stop()
	// The purposes are in purposes.yaml, or split over purposes/*.yaml.
	path := filepath.Join(dir, "data", "purposes.yaml")
	if split, _ := filepath.Glob(filepath.Join(dir, "data", "purposes", "*.yaml")); len(split) > 0 {
		path = split[0]
	}
	good, _ := os.ReadFile(path)
	i := bytes.Index(good, []byte("name: "))
	if i < 0 {
		b.Fatalf("no purpose name in %s", path)
	}
	i += len("name: ")
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		text := slices.Concat(good[:i], []byte("Really"+strings.Repeat(" really", n%5)+" "), good[i:])
		if err := os.WriteFile(path, text, 0o644); err != nil {
			b.Fatal(err)
		}
		if !waitBuild(b, builds) {
			b.Fatal("rebuild failed")
		}
		_ = get(b, base+"/eu/")
	}
}

// hugoWatching lists the Hugo processes in watch mode whose command line
// names dir.
func hugoWatching(dir string) []string {
	var found []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(b, []byte(dir)) && bytes.Contains(b, []byte("--watch")) {
			found = append(found, e.Name())
		}
	}
	return found
}

// Through Hugo's watch mode (which serve uses for sites whose whole build
// takes 500 ms or more), saves are rebuilt and announced, a broken save
// keeps the last good page, and Hugo stops with serve.
func TestServeWatchMode(t *testing.T) {
	serveWatchAfter = 0
	defer func() { serveWatchAfter = -1 }()
	dir := sampleProject(t)
	base, builds, stop := startServe(t, dir)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()
	ev := events(t, base)
	path := filepath.Join(dir, "data", "purposes.yaml")
	good, _ := os.ReadFile(path)
	for _, word := range []string{"tidy", "neat"} {
		edit(t, path, "keeping a record of what we discussed", "keeping a "+word+" record of what we discussed")
		if !waitBuild(t, builds) {
			t.Fatal("the rebuild failed")
		}
		wantEvent(t, ev, "reload")
		if !strings.Contains(get(t, base+"/eu/"), word+" record") {
			t.Errorf("the page does not show the edit %q", word)
		}
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
		if !waitBuild(t, builds) {
			t.Fatal("the rebuild failed")
		}
		<-ev
	}
	if err := os.WriteFile(path, append(slices.Clone(good), []byte("broken: [\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if waitBuild(t, builds) {
		t.Fatal("a broken file built")
	}
	wantEvent(t, ev, "problems")
	if !strings.Contains(get(t, base+"/eu/"), "keeping a record of what we discussed") {
		t.Error("the last good page is not served while the data is broken")
	}
	preview := filepath.Join(dir, ".cache", "preview")
	if len(hugoWatching(preview)) != 1 {
		t.Errorf("Hugo's watch mode is not running, alone: %v", hugoWatching(preview))
	}
	stop()
	stopped = true
	if left := hugoWatching(preview); len(left) > 0 {
		t.Errorf("Hugo outlived serve: %v", left)
	}
}
