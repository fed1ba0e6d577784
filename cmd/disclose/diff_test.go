package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/internal/golden"
)

// The changelog of the sample's history, every notice and version, as a
// visitor reads it: testdata/diff/history.golden.
func TestSampleHistoryChangelog(t *testing.T) {
	root := os.DirFS("../..")
	l, err := release.Read(root, release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	st := release.Store{FS: root}
	var b strings.Builder
	for _, id := range l.Notices() {
		vs := l.Of(id)
		for i := 1; i < len(vs); i++ {
			old, _ := st.Data(vs[i-1])
			new, _ := st.Data(vs[i])
			cs, err := compiler.Changes(old, new)
			if err != nil {
				t.Fatal(err)
			}
			oldDoc, err := st.Notice(vs[i-1])
			if err != nil {
				t.Fatal(err)
			}
			newDoc, err := st.Notice(vs[i])
			if err != nil {
				t.Fatal(err)
			}
			cs = diff.For(cs, oldDoc, newDoc)
			fmt.Fprintf(&b, "## %s %s -> %s: %s\n", id, vs[i-1].ID, vs[i].ID, change.Summary(cs))
			for _, c := range cs {
				fmt.Fprintf(&b, "- [%v] %s (%s)\n", map[bool]string{true: "material", false: "minor"}[c.Material], c.Sentence, c.Reason)
			}
			if same, _ := compiler.Changes(new, new); len(same) != 0 {
				t.Errorf("%s %s differs from itself: %v", id, vs[i].ID, same)
			}
		}
	}
	golden.File(t, "testdata/diff/history.golden", []byte(b.String()))
}

// disclose diff, in each format, between two versions of the sample.
func TestDiffCommand(t *testing.T) {
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	for _, format := range []string{"text", "markdown", "json"} {
		code, out, stderr := runIn(t, dir, "diff", "--as-of", "2026-11-23", "--from", "2025-12-15", "--to", "2026-12-15", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", format, code, stderr)
		}
		golden.File(t, "testdata/diff/2025-12-15-to-2026-12-15."+format, []byte(out))
	}
	// As of the latest release's effective date: the sub-processor list's
	// text depends on the day (a sub-processor planned until it starts).
	if code, out, _ := runIn(t, dir, "diff", "--as-of", "2027-01-04"); code != 0 || strings.Count(out, "no change") != len(compiler.DefaultJurisdictions()) {
		t.Errorf("the draft equals the latest release: exit %d\n%s", code, out)
	}
	edit(t, filepath.Join(dir, "data", "categories.yaml"), "period: 12 months", "period: 36 months")
	code, out, stderr := runIn(t, dir, "diff", "--as-of", "2026-11-23", "--fail-on", "material")
	if code != 1 || !strings.Contains(out, "MATERIAL Retention of") || !strings.Contains(stderr, "legal sign-off") {
		t.Errorf("a longer retention: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, _ := runIn(t, dir, "diff", "--as-of", "2026-11-23", "--format", "yaml"); code != 2 {
		t.Errorf("a bad format exits %d, want 2", code)
	}
}

type atomFeed struct {
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Links   []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

// The built sample has a changelog, redlines and valid Atom feeds.
func TestBuildChangelogRedlinesFeeds(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	if code, stderr := build(t, dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "public", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	red := read("eu/2026-12-15/redline/index.html")
	for _, want := range []string{"<ins><span class=\"visually-hidden\">[inserted: </span>", "<h3>Complaints</h3>", "Download the redline (PDF)"} {
		if !strings.Contains(red, want) {
			t.Errorf("redline page lacks %q", want)
		}
	}
	if !strings.HasPrefix(read("eu/2026-12-15/redline/eu-2026-12-15-redline.pdf"), "%PDF-") {
		t.Error("no redline PDF")
	}
	// The redline and the feed as published: reviewed golden files.
	i, j := strings.Index(red, `<div class="redline-text">`), strings.Index(red, "</article>")
	golden.File(t, "testdata/diff/eu-2026-12-15-redline.html", []byte(red[i:j]))
	golden.File(t, "testdata/diff/eu-feed.xml", []byte(read("eu/feed.xml")))
	if ch := read("eu/changes/index.html"); !strings.Contains(ch, "New sub-processor: Meridian Support Services") || !strings.Contains(ch, "<strong>Material</strong>") {
		t.Error("the changelog lacks the December 2026 changes")
	}
	if all := read("changes/index.html"); strings.Index(all, "2026-12-15") > strings.Index(all, "2021-03-01") {
		t.Error("the combined changelog is not newest first")
	}
	if v := read("eu/2026-12-15/index.html"); !strings.Contains(v, `href="../../eu/changes/#v2026-12-15"`) || !strings.Contains(v, `href="../../eu/2026-12-15/redline/"`) {
		t.Error("a version page does not link its changelog entry and redline")
	}
	for _, id := range []string{"global", "eu", "california", "subprocessors"} {
		var f atomFeed
		if err := xml.Unmarshal([]byte(read(id+"/feed.xml")), &f); err != nil {
			t.Fatalf("%s feed: %v", id, err)
		}
		if f.ID == "" || f.Title == "" || len(f.Entries) < 2 || len(f.Links) != 2 {
			t.Errorf("%s feed: id %q title %q, %d entries, %d links", id, f.ID, f.Title, len(f.Entries), len(f.Links))
		}
		if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
			t.Errorf("%s feed updated %q: %v", id, f.Updated, err)
		}
		seen := map[string]bool{}
		for _, e := range f.Entries {
			if seen[e.ID] || !strings.HasPrefix(e.ID, "tag:helpwise.example,") || e.Title == "" || !strings.HasPrefix(e.Link.Href, "https://helpwise.example/"+id+"/") {
				t.Errorf("%s feed entry %+v", id, e)
			}
			seen[e.ID] = true
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s entry updated %q", id, e.Updated)
			}
		}
	}
}

// disclose review on the sample: a longer retention the five notices that
// state it all report is listed once, with the five notices; material
// first; notice periods and excerpts; and it prints the comment without
// --github, exiting 0.
func TestReviewComment(t *testing.T) {
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	for range 2 {
		edit(t, filepath.Join(dir, "data", "categories.yaml"), "period: 12 months", "period: 36 months")
	}
	edit(t, filepath.Join(dir, "data", "organization.yaml"), "name: Helpwise Privacy Office\n    email: privacy@helpwise.example", "name: Helpwise Privacy Office\n    email: privacy-team@helpwise.example")
	code, out, stderr := runIn(t, dir, "review", "--as-of", "2027-01-04")
	if code != 0 || !strings.Contains(stderr, "material change") {
		t.Fatalf("review: exit %d\n%s", code, stderr)
	}
	golden.File(t, "testdata/review/sample.md", []byte(out))
	if n := strings.Count(out, "| **material** | Retention of"); n != 2 {
		t.Errorf("%d material retention rows, want 2 (each change once)", n)
	}
	if m, minor := strings.Index(out, "| **material** |"), strings.Index(out, "| minor |"); minor >= 0 && minor < m {
		t.Error("a minor change is listed before a material one")
	}
	if code, _, stderr := runIn(t, dir, "review", "--approver-role", "maintain"); code != exitUsage || !strings.Contains(stderr, "need --github") {
		t.Errorf("--approver-role without --github: exit %d\n%s", code, stderr)
	}
	t.Setenv("GITHUB_EVENT_PATH", "")
	t.Setenv("GITHUB_REPOSITORY", "")
	if code, _, stderr := runIn(t, dir, "review", "--github", "--approver-role", "maintain"); code != exitUsage || !strings.Contains(stderr, "not in a GitHub Actions run") {
		t.Errorf("--github outside Actions: exit %d\n%s", code, stderr)
	}
}

// The review's release advice is the rule disclose release enforces
// (release.Assess): the day the review prints is accepted, the day before
// it refused; a notice whose text does not change needs no period, a
// material change counts only for the notices that tell their readers of
// it, and a first release may take effect on its day.
func TestReviewAgreesWithRelease(t *testing.T) {
	const day = "2027-01-04"
	earliest := regexp.MustCompile("`disclose release --effective ([0-9-]{10})`")
	for _, tc := range []struct {
		name     string
		releases bool
		edits    [][3]string
		want     string     // the earliest day the review must print
		refused  bool       // and release refuses even that day
		on       model.Date // the review and release day (default day)
		says     []string
	}{
		{name: "retention", releases: true, want: "2027-02-03", edits: [][3]string{
			{"categories.yaml", "period: 12 months", "period: 36 months"},
		}},
		{
			// A Brazil-only transfer is material for the Brazil notice
			// only: the European notice's 60 days do not apply, though its
			// text changes too (the contact email).
			name: "per notice", releases: true, want: "2027-02-03",
			edits: [][3]string{
				{"notices.yaml", "      you.\n    material_change_notice_days: 30", "      you.\n    material_change_notice_days: 60"},
				{"brazil.yaml", "    - id: br-gb\n", "    - id: br-ca\n      destinations: [CA]\n      recipients: [service-providers]\n      mechanism: anpd_scc\n      description: >-\n        Service providers in Canada, under the ANPD's standard clauses.\n    - id: br-gb\n"},
				{"organization.yaml", "email: privacy@helpwise.example", "email: privacy-team@helpwise.example"},
			},
			says: []string{"| Brazil Privacy Notice (LGPD) (`brazil`) | 1 | 30 days |"},
		},
		{name: "first release", want: day, says: []string{"is released for the first time"}},
		{
			// Reviewed before the latest version takes effect: a minor
			// change can take effect no earlier than it (versions take
			// effect in order).
			name: "in order", releases: true, on: "2026-12-20", want: "2027-01-04",
			edits: [][3]string{{"organization.yaml", "email: privacy@helpwise.example", "email: privacy-team@helpwise.example"}},
		},
		{
			// A new purpose first used before the notice period ends:
			// the European notice must describe it first, so no day
			// works, and the review says why.
			name: "refused", releases: true, refused: true, want: "2027-02-03",
			edits: [][3]string{
				{"categories.yaml", "period: 12 months", "period: 36 months"},
				{"purposes.yaml", "  - id: manage-accounts\n", "  - id: answer-faster\n    name: Answer requests faster\n    description: We route your requests to the right team.\n    first_used: 2027-01-10\n    subjects: [customers]\n    categories: [contact-request]\n    legal_bases: [legitimate_interests]\n    legitimate_interest: Answering you promptly.\n    recipients: [service-providers]\n    retention: inquiries\n    business_purposes: [performing_services]\n    sells: no\n    shares: no\n    us_sale: no\n    us_targeted_advertising: no\n    us_profiling: no\n    lgpd_bases: [legitimate_interest]\n\n  - id: manage-accounts\n"},
			},
			says: []string{"A release cannot go ahead as the data stands", "new purpose answer-faster is first used on 2027-01-10"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			day := day
			if tc.on != "" {
				day = string(tc.on)
			}
			dir := englishProject(t)
			if tc.releases {
				copyDir(t, "../../releases", filepath.Join(dir, "releases"))
			}
			for _, e := range tc.edits {
				edit(t, filepath.Join(dir, "data", e[0]), e[1], e[2])
			}
			code, out, stderr := runIn(t, dir, "review", "--as-of", day)
			if code != 0 {
				t.Fatalf("review: exit %d\n%s", code, stderr)
			}
			if tc.refused {
				for _, s := range tc.says {
					if !strings.Contains(out, s) {
						t.Errorf("review does not say %q:\n%s", s, out)
					}
				}
				code, _, stderr := runIn(t, dir, "release", "--effective", tc.want, "--released", day, "--summary", "x")
				if code == 0 || !strings.Contains(stderr, "answer-faster") {
					t.Errorf("release on the earliest day: exit %d, want a refusal naming the purpose\n%s", code, stderr)
				}
				return
			}
			m := earliest.FindStringSubmatch(out)
			if m == nil || m[1] != tc.want {
				t.Fatalf("review prints %q as the earliest day, want %s:\n%s", m, tc.want, out)
			}
			for _, s := range tc.says {
				if !strings.Contains(out, s) {
					t.Errorf("review does not say %q:\n%s", s, out)
				}
			}
			if strings.Contains(out, "US State Privacy Notice (`us-states`) |") && tc.name == "per notice" {
				t.Errorf("a notice is given a period for a change its readers are not told of:\n%s", out)
			}
			e := model.Date(m[1])
			if e > model.Date(day) {
				code, _, stderr := runIn(t, dir, "release", "--effective", string(e.AddDays(-1)), "--released", day, "--summary", "x")
				if code == 0 || !strings.Contains(stderr, "not released") {
					t.Errorf("release a day before the printed day: exit %d\n%s", code, stderr)
				}
			}
			if code, _, stderr := runIn(t, dir, "release", "--effective", string(e), "--released", day, "--summary", "x"); code != 0 {
				t.Errorf("release on the printed day %s: exit %d\n%s", e, code, stderr)
			}
		})
	}
}

// With --base, the sign-off is asked for what the pull request changes
// against main's data, not for main's unreleased changes; and a change to
// an item main added, not yet released, is the pull request's own, though
// readers will see both as one new item.
func TestReviewAgainstMain(t *testing.T) {
	const day = "2027-01-04"
	purpose := "  - id: research\n    name: Run product research studies\n    description: We study how our product is used.\n    subjects: [customers]\n    categories: [contact-request]\n    legal_bases: [legitimate_interests]\n    legitimate_interest: Improving the product.\n    recipients: [service-providers]\n    retention: inquiries\n    business_purposes: [performing_services]\n    sells: no\n    shares: no\n    us_sale: no\n    us_targeted_advertising: no\n    us_profiling: no\n    lgpd_bases: [legitimate_interest]\n\n  - id: manage-accounts\n"
	base := englishProject(t)
	copyDir(t, "../../releases", filepath.Join(base, "releases"))
	edit(t, filepath.Join(base, "data", "purposes.yaml"), "  - id: manage-accounts\n", purpose)
	head := t.TempDir()
	copyDir(t, base, head)

	// Nothing of its own: main's new purpose is listed apart.
	code, out, stderr := runIn(t, head, "review", "--as-of", day, "--base", base)
	if code != 0 || !strings.Contains(out, "This pull request itself changes nothing for readers") || !strings.Contains(out, "### Already on main, not yet released") || strings.Contains(stderr, "material change") {
		t.Errorf("a pull request with no change of its own: exit %d\n%s\n%s", code, out, stderr)
	}
	// It widens the purpose main added: its own material change.
	edit(t, filepath.Join(head, "data", "purposes.yaml"), "    categories: [contact-request]\n    legal_bases: [legitimate_interests]\n    legitimate_interest: Improving the product.", "    categories: [contact-request, account, billing]\n    legal_bases: [legitimate_interests]\n    legitimate_interest: Improving the product.")
	_, out, stderr = runIn(t, head, "review", "--as-of", day, "--base", base)
	own, _, _ := strings.Cut(out, "### Already on main")
	if !strings.Contains(stderr, "material change") || !strings.Contains(own, "| **material** |") || !strings.Contains(own, "Run product research studies") {
		t.Errorf("a pull request that widens main's new purpose is not judged for it:\n%s\n%s", out, stderr)
	}
}

// The review only reads the ledger: one not yet migrated to the hash
// chain is reviewed as it stands (the pull request that migrates it must
// pass too).
func TestReviewLegacyLedger(t *testing.T) {
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	path := filepath.Join(dir, "releases", "ledger.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var l map[string]any
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatal(err)
	}
	delete(l, "format")
	for _, v := range l["versions"].([]any) {
		delete(v.(map[string]any), "prev")
		delete(v.(map[string]any), "hash")
	}
	b, _ = json.MarshalIndent(l, "", "  ")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "data", "categories.yaml"), "period: 12 months", "period: 36 months")
	if code, out, stderr := runIn(t, dir, "review", "--as-of", "2027-01-04"); code != 0 || !strings.Contains(out, "`disclose release --effective 2027-02-03`") {
		t.Errorf("review with a legacy ledger: exit %d\n%s\n%s", code, out, stderr)
	}
}
