package site_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/site"
)

// dirStore reads released versions from a releases/ folder.
type dirStore struct{ fsys fs.FS }

func (s dirStore) Notice(v *release.Version) (*notice.Document, error) {
	return release.Load(s.fsys, release.Dir, v)
}

func (s dirStore) Data(v *release.Version) ([]byte, error) {
	return release.LoadData(s.fsys, release.Dir, v)
}

// buildSample builds the sample company's site as of 23 November 2026 from
// the repository's released versions, with head as the ledger head, and
// returns a function reading a built file.
func buildSample(t *testing.T, head string) func(name string) string {
	t.Helper()
	day := model.Date("2026-11-23")
	opts := &compiler.Options{Date: day}
	proj, docs, diags := compiler.Compile(disclose.Sample, "data", opts)
	if diags.HasErrors() {
		t.Fatalf("the sample does not compile:\n%v", diags)
	}
	repo := os.DirFS("../..")
	l, err := release.Read(repo, release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	notices, err := site.Notices(docs, l, dirStore{repo}, "2026-11-23", false, compiler.Changes)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	hugoCmd, hugoDir := hugo(t)
	err = site.Build(context.Background(), &site.Input{Project: proj, Notices: notices, LedgerHead: head}, site.Options{
		Out: out, ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, HugoDir: hugoDir, NoPDF: true,
	})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
}

var bannerRE = regexp.MustCompile(`(?s)<div class="banner[^"]*" role="note">\s*<p>(.*?)</p>`)

// TestSampleSite checks, on the built sample site: that each banner links
// to what it names (the version in force to the new one, the new one back
// to the version in force); that the combined changelog lists each change
// once, with the notices it affects, and says its reason once; that a
// released sub-processor list carries its version's dates; and that the
// ledger head is published in notices.json and every feed.
func TestSampleSite(t *testing.T) {
	read := buildSample(t, "0123abcd")

	banner := func(page string) string {
		m := bannerRE.FindStringSubmatch(read(page))
		if m == nil {
			t.Fatalf("%s has no banner", page)
		}
		return m[1]
	}
	for page, want := range map[string]string{
		"global/index.html":              `<a href="../global/2026-12-15-3/">Read the new version</a>`,
		"global/2026-12-15-3/index.html": `<a href="../../global/">Read the version in force</a>`,
		"global/2025-12-15/index.html":   `<a href="../../global/">Read the version in force</a>`,
		"global/2021-03-01/index.html":   `<a href="../../global/">Read the version in force</a>`,
	} {
		if got := banner(page); !strings.HasSuffix(got, want) {
			t.Errorf("%s: banner %q, want it to end with %s", page, got, want)
		}
	}

	changes := read("changes/index.html")
	for _, once := range []string{"New sub-processor: Anthropic", "Personal data now goes to India", `id="v2026-12-15"`} {
		if n := strings.Count(changes, once); n != 1 {
			t.Errorf("/changes/ has %q %d times, want once", once, n)
		}
	}
	// The reason once, and the notices the change concerns.
	if !regexp.MustCompile(`<li><strong>Material</strong>: New sub-processor: Anthropic[^<]* <em>In: [^<]*Sub-processors\.</em></li>`).MatchString(changes) {
		t.Error("/changes/ does not list the new sub-processor once, with its notices")
	}
	if want := `<p id="eu-2026-12-15">Supplemental European Privacy Notice: <a href="../eu/2026-12-15/">read version 2026-12-15</a>`; !strings.Contains(changes, want) {
		t.Errorf("/changes/ lacks %s", want)
	}
	reasonTwice := regexp.MustCompile(`(?i)\(([a-z -]+)\): ([a-z -]+):`)
	for _, page := range []string{"changes/index.html", "global/changes/index.html", "subprocessors/changes/index.html"} {
		for _, m := range reasonTwice.FindAllStringSubmatch(read(page), -1) {
			if strings.EqualFold(m[1], m[2]) {
				t.Errorf("%s says the reason twice: %s", page, m[0])
			}
		}
	}

	for page, want := range map[string]string{
		"subprocessors/2025-12-15/index.html": `<time datetime="2025-11-14">14 November 2025</time>`,
		"subprocessors/2021-03-01/index.html": `<time datetime="2021-01-29">29 January 2021</time>`,
	} {
		if html := read(page); !strings.Contains(html, "<dt>Last updated</dt><dd>"+want) {
			t.Errorf("%s: last updated is not the release date %s", page, want)
		}
	}

	var js struct {
		LedgerHead string `json:"ledger_head"`
	}
	if err := json.Unmarshal([]byte(read("notices.json")), &js); err != nil || js.LedgerHead != "0123abcd" {
		t.Errorf("notices.json: ledger_head %q, %v", js.LedgerHead, err)
	}
	for _, id := range []string{"global", "eu", "california", "subprocessors"} {
		var feed struct {
			Head struct {
				Space string `xml:"xmlns,attr"`
				Value string `xml:",chardata"`
			} `xml:"https://github.com/disclose-dev/disclose/ns/ledger ledger-head"`
		}
		if err := xml.Unmarshal([]byte(read(id+"/feed.xml")), &feed); err != nil || feed.Head.Value != "0123abcd" {
			t.Errorf("%s/feed.xml: ledger head %q, %v", id, feed.Head.Value, err)
		}
	}
}
