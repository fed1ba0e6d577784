package site_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	notices, err := site.Notices(docs, l, dirStore{repo}, "2026-11-23", false, compiler.Changes, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	hugoCmd, hugoDir := hugo(t)
	err = site.Build(context.Background(), &site.Input{Project: proj, Notices: notices, LedgerHead: head, DataTables: compiler.DataTables}, site.Options{
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

// The machine-readable files are an interface (the README's
// "Machine-readable files"): notices.json answers which version was in
// force on any day, agreeing with the ledger's own rule; the sub-processor
// list is published as CSV and JSON with the rows of the list the page
// shows, for the version in force and every version.
func TestMachineReadableFiles(t *testing.T) {
	read := buildSample(t, "")
	var js struct {
		Format  int `json:"format"`
		Notices []struct {
			ID       string `json:"id"`
			Version  string `json:"version"`
			Versions []struct {
				Version      string     `json:"version"`
				Effective    model.Date `json:"effective"`
				From         model.Date `json:"in_force_from"`
				Until        model.Date `json:"in_force_until"`
				NeverInForce bool       `json:"never_in_force"`
				Data         map[string]struct {
					CSV  string `json:"csv"`
					JSON string `json:"json"`
				} `json:"data"`
			} `json:"versions"`
		} `json:"notices"`
	}
	if err := json.Unmarshal([]byte(read("notices.json")), &js); err != nil || js.Format != 2 {
		t.Fatalf("notices.json: format %d, %v", js.Format, err)
	}
	l, err := release.Read(os.DirFS("../.."), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range js.Notices {
		if len(n.Versions) == 0 {
			continue
		}
		// On each version's effective day, the day before and the build
		// day, the intervals give the version Resolve gives.
		days := []model.Date{"2026-11-23"}
		for _, v := range n.Versions {
			days = append(days, v.Effective, v.Effective.AddDays(-1))
		}
		for _, day := range days {
			var got []string
			for _, v := range n.Versions {
				if v.NeverInForce {
					if v.From != "" || v.Until != "" {
						t.Errorf("%s %s: never in force, yet an interval", n.ID, v.Version)
					}
					continue
				}
				if v.From <= day && (v.Until == "" || day < v.Until) {
					got = append(got, v.Version)
				}
			}
			inForce, _ := l.Resolve(n.ID, day)
			switch {
			case inForce == nil && len(got) != 0, inForce != nil && (len(got) != 1 || got[0] != inForce.ID):
				t.Errorf("%s on %s: notices.json gives %v in force, the ledger %v", n.ID, day, got, inForce)
			}
			if day == "2026-11-23" && inForce != nil && n.Version != inForce.ID {
				t.Errorf("%s: version %s, in force %s", n.ID, n.Version, inForce.ID)
			}
		}
		if n.ID != "subprocessors" {
			continue
		}
		for _, v := range n.Versions {
			files, ok := v.Data["subprocessors"]
			if !ok {
				t.Errorf("subprocessors %s: no data files in notices.json", v.Version)
				continue
			}
			local := func(u string) string { return u[strings.Index(u, "/subprocessors/")+1:] }
			rows, err := csv.NewReader(strings.NewReader(read(local(files.CSV)))).ReadAll()
			if err != nil || len(rows) < 2 || rows[0][0] != "Sub-processor" {
				t.Fatalf("%s: %d rows, %v", files.CSV, len(rows), err)
			}
			var table struct {
				Columns []string   `json:"columns"`
				Rows    [][]string `json:"rows"`
			}
			if err := json.Unmarshal([]byte(read(local(files.JSON))), &table); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(table.Columns, rows[0]) || len(table.Rows) != len(rows)-1 {
				t.Errorf("%s: JSON columns %v and %d rows; CSV %v and %d rows", v.Version, table.Columns, len(table.Rows), rows[0], len(rows)-1)
			}
			page := read("subprocessors/" + v.Version + "/index.html")
			for _, r := range table.Rows {
				name, _, _ := strings.Cut(r[0], " (")
				if !strings.Contains(page, name) {
					t.Errorf("%s: %q is in the data files, not on the page", v.Version, name)
				}
			}
		}
	}
}

// The opt-out links the notices in force give (their summaries' "opt-out"
// actions) are in the footer of every page, once each.
func TestOptOutLinksOnEveryPage(t *testing.T) {
	opts := &compiler.Options{Date: "2027-01-05"}
	proj, docs, diags := compiler.Compile(disclose.Sample, "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var want []string
	for _, d := range docs {
		for _, b := range d.Summary.Blocks {
			if a, ok := b.(*notice.Actions); ok {
				for _, it := range a.Items {
					if it.Kind == notice.ActionOptOut && !slices.Contains(want, it.URL) {
						want = append(want, it.URL)
					}
				}
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample's notices give no opt-out link")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	hugoCmd, hugoDir := hugo(t)
	if err := site.Build(context.Background(), &site.Input{Project: proj, Notices: site.PreviewNotices(docs)}, site.Options{
		Out: out, ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, HugoDir: hugoDir, NoPDF: true,
	}); err != nil {
		t.Fatal(err)
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, footer, ok := strings.Cut(string(b), `<footer class="site-footer">`)
		if !ok {
			t.Errorf("%s: no footer", p)
			return nil
		}
		pages++
		for _, u := range want {
			if n := strings.Count(footer, `href="`+u+`"`); n != 1 {
				t.Errorf("%s: the footer links %s %d times, want once", p, u, n)
			}
		}
		return nil
	})
	if err != nil || pages < 5 {
		t.Fatalf("%d pages, %v", pages, err)
	}
}
