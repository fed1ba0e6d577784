package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/migrate"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/schema"
	"github.com/disclose-dev/disclose/compiler/site"
)

func runIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"-C", dir}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A release freezes the notices; a second one with nothing changed is
// refused; a change releases only the notices it affects; a second release
// for the same effective date is DATE-2; an earlier effective date and bad
// data are refused; verify catches an edited frozen file.
func TestReleaseLifecycle(t *testing.T) {
	dir := englishProject(t)
	code, out, stderr := runIn(t, dir, "release", "--released", "2026-11-01", "--effective", "2026-12-01", "--summary", "First")
	if code != 0 || strings.Count(out, "released ") != len(compiler.DefaultJurisdictions()) {
		t.Fatalf("first release: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := runIn(t, dir, "release", "--released", "2026-11-02", "--effective", "2026-12-01"); code != 1 || !strings.Contains(stderr, "nothing to release") {
		t.Errorf("an unchanged release: exit %d\n%s", code, stderr)
	}
	// Change a purpose's wording: the global and European notices change,
	// the California notice (which names purposes too) also; the
	// sub-processor list does not.
	edit(t, filepath.Join(dir, "data", "purposes.yaml"), "keeping a record of what we discussed", "keeping a careful record of what we discussed")
	code, out, stderr = runIn(t, dir, "release", "--released", "2026-11-02", "--effective", "2026-12-01")
	if code != 0 || !strings.Contains(out, "eu version 2026-12-01-2") || strings.Contains(out, "subprocessors") {
		t.Fatalf("second release on the same effective date: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := runIn(t, dir, "release", "--released", "2026-11-03", "--effective", "2026-11-30", "--notice", "eu"); code != 1 || !strings.Contains(stderr, "comes before 2026-12-01") {
		t.Errorf("an earlier effective date: exit %d\n%s", code, stderr)
	}
	edit(t, filepath.Join(dir, "data", "purposes.yaml"), "legitimate_interest: >-\n      Giving you", "notes: >-\n      Giving you")
	if code, _, stderr := runIn(t, dir, "release", "--released", "2026-11-03", "--effective", "2027-01-01"); code != 1 || !strings.Contains(stderr, "not released: the data has errors") {
		t.Errorf("a release of broken data: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runIn(t, dir, "verify"); code != 0 {
		t.Errorf("verify of an untouched history: exit %d\n%s", code, stderr)
	}
	edit(t, filepath.Join(dir, "releases", "eu", "2026-12-01", "notice.md"), "Supplemental", "Supplementary")
	code, out, _ = runIn(t, dir, "verify")
	if code != 1 || !strings.Contains(out, "releases/eu/2026-12-01/notice.md") || !strings.Contains(out, "edited after its release") {
		t.Errorf("verify of an edited file: exit %d\n%s", code, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "releases", "eu", "extra.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// The notices of a release share one data snapshot, stored once.
	snaps, _ := filepath.Glob(filepath.Join(dir, "releases", "snapshots", "*.json"))
	if n := len(snaps); n == 0 || n >= 3 {
		t.Fatalf("%d shared snapshots after releases of every notice and one of eu, want at most 2: %v", n, snaps)
	}
	if err := os.Remove(filepath.Join(dir, "releases", "global", "2026-12-01", "notice.json")); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runIn(t, dir, "verify")
	for _, want := range []string{"releases/eu/extra.md: error: file is not part of any release", "releases/global/2026-12-01/notice.json: error: frozen file of global version 2026-12-01 is missing"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify lacks %q:\n%s", want, out)
		}
	}
}

// The sample company's history resolves to the right version in force and
// upcoming version on dates before, between and after effective dates.
func TestSampleHistoryOverTime(t *testing.T) {
	l, err := release.Read(os.DirFS("../.."), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Versions) < 10 {
		t.Fatalf("the sample has %d versions", len(l.Versions))
	}
	st := release.Store{FS: os.DirFS("../..")}
	for _, tc := range []struct {
		day, inForce, upcoming string
		pending                bool
	}{
		{"2018-05-01", "2018-05-25", "2021-03-01", true}, // before the first takes effect
		{"2018-05-25", "2018-05-25", "2021-03-01", false},
		{"2021-02-28", "2018-05-25", "2021-03-01", false},
		{"2021-03-01", "2021-03-01", "2025-12-15", false},
		// 2026-12-15-2 replaces the version of the same effective date.
		{"2026-12-01", "2025-12-15", "2026-12-15-2", false},
		// 2027-01-04-2 (Switzerland added) replaced 2027-01-04 before either
		// took effect, 2027-01-04-3 (key points) replaced both, and
		// 2027-01-04-4 (in German and French too) replaces them all.
		{"2026-12-20", "2026-12-15-2", "2027-01-04-4", false},
		{"2027-06-01", "2027-01-04-4", "", false},
	} {
		ns, err := site.Notices(nil, l, st, model.Date(tc.day), false, compiler.Changes, "")
		if err != nil {
			t.Fatal(err)
		}
		var eu *site.Notice
		for _, n := range ns {
			if n.ID == "eu" {
				eu = n
			}
		}
		got, up := eu.Current.Version, ""
		if eu.Upcoming != nil {
			up = eu.Upcoming.Version
		}
		if tc.pending { // before the first version: it is shown as current, marked pending
			if !eu.Pending || got != tc.inForce {
				t.Errorf("%s: current %s pending %v", tc.day, got, eu.Pending)
			}
			continue
		}
		if got != tc.inForce || up != tc.upcoming || eu.Pending {
			t.Errorf("%s: in force %s, upcoming %q; want %s, %q", tc.day, got, up, tc.inForce, tc.upcoming)
		}
	}
}

// The built sample shows the version in force, announces the upcoming one,
// keeps every version at its own address with its PDF, and lists them in an
// archive; released text does not follow later changes to the data.
func TestBuildShowsVersions(t *testing.T) {
	t.Parallel()
	dir := englishProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	edit(t, filepath.Join(dir, "data", "purposes.yaml"), "keeping a record of what we discussed", "keeping a careful record of what we discussed")
	if code, stderr := build(t, dir, "--drafts"); code != 0 { // dated 2026-11-23
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "public", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	eu := read("eu/index.html")
	for _, want := range []string{"<dd>2025-12-15</dd>", "A new version of this notice takes effect on 15 December 2026.", `href="../eu/2026-12-15-2/"`, `href="../eu/versions/">All versions`} {
		if !strings.Contains(eu, want) {
			t.Errorf("eu page lacks %q", want)
		}
	}
	if strings.Contains(eu, "careful record") {
		t.Error("the version in force shows an unreleased change")
	}
	if !strings.Contains(read("eu/draft/index.html"), "careful record") {
		t.Error("the draft does not show the unreleased change")
	}
	old := read("eu/2018-05-25/index.html")
	for _, want := range []string{"This version is no longer in force", "EU-U.S. Privacy Shield"} {
		if !strings.Contains(old, want) {
			t.Errorf("the 2018 version lacks %q", want)
		}
	}
	archive := read("eu/versions/index.html")
	for _, v := range []string{"2018-05-25", "2021-03-01", "2025-12-15", "2026-12-15"} {
		if !strings.Contains(archive, `href="../`+v+`/"`) || !strings.HasPrefix(read("eu/"+v+"/eu-"+v+".pdf"), "%PDF-") {
			t.Errorf("version %s is not in the archive or has no PDF", v)
		}
	}
	if !strings.Contains(archive, "<strong>In force</strong>") || !strings.Contains(archive, "Takes effect on 15 December 2026") {
		t.Error("the archive does not mark the versions' status")
	}
	// Changing a template changes pages, never released text.
	before, _ := os.ReadFile(filepath.Join(dir, "releases", "eu", "2025-12-15", "notice.md"))
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "section.html"), []byte(`{{ define "main" }}<h1>{{ .Title }}</h1><div class="rebranded">{{ .Content }}</div>{{ end }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := build(t, dir); code != 0 {
		t.Fatalf("rebuild: %s", stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "releases", "eu", "2025-12-15", "notice.md"))
	if eu := read("eu/index.html"); !strings.Contains(eu, `class="rebranded"`) || strings.Contains(eu, "careful record") || !bytes.Equal(before, after) {
		t.Error("after a template change the version in force is not the frozen text")
	}
	if code, _, _ := runIn(t, dir, "verify"); code != 0 {
		t.Error("verify fails after builds")
	}
}

// A material change needs its notice period before it takes effect, and a
// new sub-processor must be announced its notice period before first use.
func TestReleaseNoticePeriods(t *testing.T) {
	dir := englishProject(t)
	if code, _, stderr := runIn(t, dir, "release", "--released", "2026-11-01", "--effective", "2026-12-01"); code != 0 {
		t.Fatal(stderr)
	}
	edit(t, filepath.Join(dir, "data", "categories.yaml"), "period: 12 months", "period: 36 months")
	code, _, stderr := runIn(t, dir, "release", "--released", "2026-12-10", "--effective", "2026-12-20")
	if code != 1 || !strings.Contains(stderr, "material changes since version 2026-12-01") || !strings.Contains(stderr, "need 30 days' notice, but 2026-12-20 is 10 days after the release date 2026-12-10") {
		t.Errorf("a material change at 10 days' notice: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runIn(t, dir, "release", "--released", "2026-12-10", "--effective", "2027-01-09"); code != 0 {
		t.Errorf("a material change at 30 days' notice: exit %d\n%s", code, stderr)
	}
	// A new sub-processor used 10 days after the release that announces it.
	edit(t, filepath.Join(dir, "data", "processors.yaml"), "processors:\n", `processors:
  - id: newvendor
    name: New Vendor
    service: Spam filtering
    recipient: service-providers
    purposes: [security]
    categories: [contact-request]
    country: DE
    address: {street: [Hauptstrasse 1], city: Berlin, postal_code: "10115", country: DE}
    contact: {email: privacy@newvendor.example}
    added: 2027-02-10
`)
	code, _, stderr = runIn(t, dir, "release", "--released", "2027-01-31", "--effective", "2027-03-15")
	if code != 1 || !strings.Contains(stderr, "new sub-processor newvendor is first used on 2027-02-10, 10 days after customers were told (2027-01-31); the notice period agreed with customers is 30 days") {
		t.Errorf("a sub-processor at 10 days' notice: exit %d\n%s", code, stderr)
	}
}

// The repro: moving a version's effective date (or editing its
// summary) in the ledger is caught by verify and stops build; so is a
// removed version.
func TestTamperedLedgerRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, old, new, want string }{
		{"effective", `"effective": "2021-03-01"`, `"effective": "2021-02-01"`, "effective"},
		{"summary", `"summary": "`, `"summary": "Edited. `, "no longer match"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := sampleProject(t)
			copyDir(t, "../../releases", filepath.Join(dir, "releases"))
			edit(t, filepath.Join(dir, "releases", "ledger.json"), c.old, c.new)
			code, out, stderr := runIn(t, dir, "verify")
			if code != exitProblem || !strings.Contains(out, "releases/ledger.json:") || !strings.Contains(out, c.want) {
				t.Errorf("verify: exit %d:\n%s%s", code, out, stderr)
			}
			code, stderr = build(t, dir)
			if code != exitProblem || !strings.Contains(stderr, "build refused") {
				t.Errorf("build: exit %d:\n%s", code, stderr)
			}
			code, _, stderr = runIn(t, dir, "release", "--released", "2026-11-01", "--effective", "2027-06-01", "--notice", "global")
			if code != exitProblem || !strings.Contains(stderr, "not released: released versions were changed") {
				t.Errorf("release on a changed history: exit %d:\n%s", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("a refused build wrote public/")
			}
		})
	}
}

// migrate upgrades a ledger written before the chain, once; verify --head
// accepts the head it printed and refuses one the history does not hold.
func TestMigrateAndHead(t *testing.T) {
	dir := sampleProject(t)
	copyDir(t, "../../releases", filepath.Join(dir, "releases"))
	ledger := filepath.Join(dir, "releases", "ledger.json")
	chained, err := os.ReadFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	// The ledger as an earlier disclose wrote it: no format, no chain.
	var doc map[string]any
	if err := json.Unmarshal(chained, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "format")
	for _, v := range doc["versions"].([]any) {
		delete(v.(map[string]any), "prev")
		delete(v.(map[string]any), "hash")
	}
	legacy, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.WriteFile(ledger, legacy, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runIn(t, dir, "verify"); code != exitProblem || !strings.Contains(out+stderr, "disclose migrate") {
		t.Errorf("verify of a legacy ledger: exit %d:\n%s%s", code, out, stderr)
	}
	code, out, stderr := runIn(t, dir, "migrate")
	if code != exitOK || !strings.Contains(out, "chained; ledger head ") {
		t.Fatalf("migrate: exit %d:\n%s%s", code, out, stderr)
	}
	head := strings.TrimSpace(out[strings.LastIndex(out, " ")+1:])
	if code, out, stderr := runIn(t, dir, "verify"); code != exitOK {
		t.Errorf("verify after migrate: exit %d:\n%s%s", code, out, stderr)
	}
	if code, _, stderr := runIn(t, dir, "migrate"); code != exitOK || !strings.Contains(stderr, "nothing to migrate") {
		t.Errorf("second migrate: exit %d:\n%s", code, stderr)
	}
	if code, out, stderr := runIn(t, dir, "verify", "--head", head); code != exitOK {
		t.Errorf("verify --head (the migrated head): exit %d:\n%s%s", code, out, stderr)
	}
	if code, out, stderr := runIn(t, dir, "verify", "--head", strings.Repeat("ab", 32)); code != exitProblem {
		t.Errorf("verify --head (a head never published): exit %d:\n%s%s", code, out, stderr)
	}
	// Every frozen file is untouched by the migration.
	for name, sum := range tree(t, filepath.Join("..", "..", "releases")) {
		if name == "ledger.json" {
			continue
		}
		if got := tree(t, filepath.Join(dir, "releases"))[name]; got != sum {
			t.Errorf("migrate changed %s", name)
		}
	}
}

// migrate rewrites the schema modeline of a project written by an earlier
// disclose (a local copy) to the published schema's URL, and only that
// line; check warns about it until then.
func TestMigrateModelines(t *testing.T) {
	t.Parallel()
	dir := sampleProject(t)
	files, _ := filepath.Glob(filepath.Join(dir, "data", "*.yaml"))
	before := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, rest, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(first, "# yaml-language-server: $schema=") {
			t.Fatalf("%s has no modeline", f)
		}
		old := "# yaml-language-server: $schema=../schema/disclose.schema.json\n" + rest
		if err := os.WriteFile(f, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		before[f] = rest
	}
	code, out, stderr := runIn(t, dir, "check")
	if code != 0 || !strings.Contains(out, "warning: the modeline names the schema ../schema/disclose.schema.json") {
		t.Errorf("check of old modelines: exit %d, want 0 and a warning per file:\n%s%s", code, out, stderr)
	}
	code, out, stderr = runIn(t, dir, "migrate")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("migrated the schema modeline of %d data files", len(files))) {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, stderr)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if want := migrate.Modeline(schema.ID) + "\n" + before[f]; string(b) != want {
			t.Errorf("%s after migrate:\n%.200s", f, b)
		}
	}
	if code, _, stderr := runIn(t, dir, "migrate"); code != 0 || !strings.Contains(stderr, "nothing to migrate") {
		t.Errorf("second migrate: exit %d\n%s", code, stderr)
	}
	if _, out, _ := runIn(t, dir, "check"); strings.Contains(out, "modeline") {
		t.Errorf("check still warns after migrate:\n%s", out)
	}
}
