package release_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
)

// releaseDoc is a small compiled notice.
func releaseDoc(id, effective, released, text string) *notice.Document {
	return &notice.Document{ID: id, Title: id + " notice", Effective: model.Date(effective), LastUpdated: model.Date(released),
		Sections: []*notice.Section{{ID: "about", Title: "About", Blocks: []notice.Block{&notice.Paragraph{Text: notice.Text(text)}}}}}
}

// step is one release of the fixture history.
type step struct {
	effective, released, summary string
	docs                         []*notice.Document
}

// fixtureSteps make five versions: global and eu on 2026-01-01, eu on
// 2026-06-01, then eu and global on 2027-01-01.
var fixtureSteps = []step{
	{"2026-01-01", "2025-12-01", "First.", []*notice.Document{
		releaseDoc("global", "2026-01-01", "2025-12-01", "We collect little."),
		releaseDoc("eu", "2026-01-01", "2025-12-01", "Rights in Europe."),
	}},
	{"2026-06-01", "2026-05-01", "Europe again.", []*notice.Document{
		releaseDoc("global", "2026-06-01", "2026-05-01", "We collect little."),
		releaseDoc("eu", "2026-06-01", "2026-05-01", "Rights in Europe, and transfers."),
	}},
	{"2027-01-01", "2026-12-01", "Both.", []*notice.Document{
		releaseDoc("eu", "2027-01-01", "2026-12-01", "Rights in Europe, transfers and complaints."),
		releaseDoc("global", "2027-01-01", "2026-12-01", "We collect a little more."),
	}},
}

// writeHistory releases steps into the project folder dir with Plan,
// writing the files as disclose release does, and returns the ledger.
func writeHistory(t *testing.T, dir string, steps []step) *release.Ledger {
	t.Helper()
	l, err := release.Read(os.DirFS(dir), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		_, files, err := release.Plan(l, release.Request{Effective: model.Date(s.effective), Released: model.Date(s.released), Summary: s.summary, Notices: s.docs,
			Load: func(v *release.Version) (*notice.Document, error) { return release.Load(os.DirFS(dir), release.Dir, v) }})
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range files {
			writeFile(t, filepath.Join(dir, release.Dir, name), b)
		}
	}
	return l
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixture returns a project folder with the fixture history.
func fixture(t *testing.T) (string, *release.Ledger) {
	dir := t.TempDir()
	return dir, writeHistory(t, dir, fixtureSteps)
}

func readLedger(t *testing.T, dir string) *release.Ledger {
	t.Helper()
	l, err := release.Read(os.DirFS(dir), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// writeLedger stores l in dir; rechain recomputes every prev and hash
// first, as someone covering their tracks would.
func writeLedger(t *testing.T, dir string, l *release.Ledger, rechain bool) {
	t.Helper()
	if rechain {
		prev := release.Genesis
		for _, v := range l.Versions {
			v.Prev = prev
			v.Hash = v.Sum()
			prev = v.Hash
		}
	}
	writeFile(t, filepath.Join(dir, release.Dir, release.LedgerFile), l.Encode())
}

func verify(t *testing.T, dir string) diag.List {
	t.Helper()
	return release.Verify(os.DirFS(dir), release.Dir, readLedger(t, dir))
}

func text(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Plan appends each new version to the chain, in release order, and the
// ledger is stored in that order.
func TestPlanChains(t *testing.T) {
	dir, l := fixture(t)
	var got []string
	prev := release.Genesis
	for _, v := range l.Versions {
		got = append(got, v.Notice+"/"+v.ID)
		if v.Prev != prev || v.Hash != v.Sum() || len(v.Hash) != 64 {
			t.Errorf("%s/%s: prev %s hash %s", v.Notice, v.ID, v.Prev, v.Hash)
		}
		prev = v.Hash
	}
	if want := "global/2026-01-01 eu/2026-01-01 eu/2026-06-01 eu/2027-01-01 global/2027-01-01"; strings.Join(got, " ") != want {
		t.Errorf("chain order %s, want %s", strings.Join(got, " "), want)
	}
	if l.Head() != prev {
		t.Errorf("head %s, want %s", l.Head(), prev)
	}
	stored := readLedger(t, dir)
	if stored.Format != release.Format || stored.Head() != l.Head() {
		t.Errorf("stored ledger: format %d head %s", stored.Format, stored.Head())
	}
	if diags := verify(t, dir); len(diags) > 0 {
		t.Errorf("an untouched history does not verify:\n%s", text(diags))
	}
	if diags := release.VerifyHead(stored, release.Dir, stored.Versions[2].Hash); len(diags) > 0 {
		t.Errorf("a head saved before the last release: %s", text(diags))
	}
}

// The sample company's history is chained and intact.
func TestSampleVerifies(t *testing.T) {
	l, err := release.Read(os.DirFS("../.."), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if l.Format != release.Format || l.Head() == "" {
		t.Fatalf("the sample ledger is not chained (format %d)", l.Format)
	}
	if diags := release.Verify(os.DirFS("../.."), release.Dir, l); len(diags) > 0 {
		t.Errorf("the sample history:\n%s", text(diags))
	}
}

// Every way of rewriting the history that issue 12 found is caught, with a
// diagnostic at the entry's field naming the version.
func TestVerifyCatchesTampering(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, dir string, l *release.Ledger)
		want   []string // each a line of the diagnostics, or a part of one
	}{
		{"effective date moved", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[2].Effective = "2026-03-01"
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[2].hash: the entry for eu version 2026-06-01 was changed after its release: its fields no longer match its hash",
			"versions[2].effective: eu version 2026-06-01 has the effective date 2026-03-01, but a version is named by its effective date",
			"versions[2].effective: eu version 2026-06-01 has the effective date 2026-03-01, but its frozen notice takes effect on 2026-06-01",
		}},
		{"effective date moved, hashes rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[4].Effective = "2026-12-15"
			writeLedger(t, dir, l, true)
		}, []string{
			"versions[4].effective: global version 2027-01-01 has the effective date 2026-12-15, but its frozen notice takes effect on 2027-01-01",
		}},
		{"summary edited", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[1].Summary = "Nothing important."
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[1].hash: the entry for eu version 2026-01-01 was changed after its release: its fields no longer match its hash",
		}},
		{"summary edited, its hash rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[1].Summary = "Nothing important."
			l.Versions[1].Hash = l.Versions[1].Sum()
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[2].prev: the entry for eu version 2026-06-01 does not follow the entry before it (eu version 2026-01-01): the entry it followed was removed, or edited and its hash rewritten",
		}},
		{"version deleted from the ledger and its folder", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions = slices.Delete(l.Versions, 2, 3)
			writeLedger(t, dir, l, false)
			if err := os.RemoveAll(filepath.Join(dir, "releases", "eu", "2026-06-01")); err != nil {
				t.Fatal(err)
			}
		}, []string{
			"versions[2].prev: the entry for eu version 2027-01-01 does not follow the entry before it (eu version 2026-01-01): the entry it followed was removed, or edited and its hash rewritten",
		}},
		{"frozen file edited and its hash rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			name := "eu/2026-01-01/notice.md"
			b := []byte("# eu notice\n\nNo rights at all.\n")
			writeFile(t, filepath.Join(dir, "releases", filepath.FromSlash(name)), b)
			l.Versions[1].Files[name] = sum(b)
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[1].hash: the entry for eu version 2026-01-01 was changed after its release",
		}},
		{"frozen file edited, its hash and the entry's rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			name := "eu/2026-01-01/notice.md"
			b := []byte("# eu notice\n\nNo rights at all.\n")
			writeFile(t, filepath.Join(dir, "releases", filepath.FromSlash(name)), b)
			l.Versions[1].Files[name] = sum(b)
			l.Versions[1].Hash = l.Versions[1].Sum()
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[2].prev: the entry for eu version 2026-06-01 does not follow the entry before it (eu version 2026-01-01)",
		}},
		{"entries reordered", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[1], l.Versions[2] = l.Versions[2], l.Versions[1]
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[1].prev: the entry for eu version 2026-06-01 followed eu version 2026-01-01, which now comes after it: entries were reordered",
			"versions[2].prev: the entry for eu version 2026-01-01 followed global version 2026-01-01, but the entry before it (eu version 2026-06-01) comes between them: entries were inserted or reordered",
		}},
		{"first entry moved", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[0], l.Versions[1] = l.Versions[1], l.Versions[0]
			writeLedger(t, dir, l, false)
		}, []string{
			"versions[1].prev: the entry for global version 2026-01-01 was the first of the chain, but is now at place 2: entries were inserted before it or reordered",
		}},
		{"downgraded to the legacy format", func(t *testing.T, dir string, l *release.Ledger) {
			l.Format = 0
			for _, v := range l.Versions {
				v.Prev, v.Hash = "", ""
			}
			writeLedger(t, dir, l, false)
		}, []string{
			"releases/ledger.json: error: the ledger is in the legacy format, without a hash chain, so its entries are not protected",
		}},
		{"format field removed, chain kept", func(t *testing.T, dir string, l *release.Ledger) {
			l.Format = 0
			writeLedger(t, dir, l, false)
		}, []string{
			"releases/ledger.json: error: the ledger is in the legacy format",
		}},
		{"file listed in another version's folder", func(t *testing.T, dir string, l *release.Ledger) {
			v := l.Versions[2]
			v.Files["eu/2026-01-01/extra.md"] = v.Files["eu/2026-06-01/notice.md"]
			writeLedger(t, dir, l, true)
		}, []string{
			"eu version 2026-06-01 lists the file eu/2026-01-01/extra.md, outside its folder eu/2026-06-01/",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, _ := fixture(t)
			tc.tamper(t, dir, readLedger(t, dir))
			diags := verify(t, dir)
			got := text(diags)
			if !diags.HasErrors() {
				t.Fatalf("verify passes:\n%s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, d := range diags {
				if d.Pos.File != "releases/ledger.json" && !strings.HasPrefix(d.Pos.File, "releases/") {
					t.Errorf("not positioned in releases/: %s", d.Error())
				}
				if d.Path != "" && d.Pos.Line == 0 {
					t.Errorf("no line for %s", d.Error())
				}
			}
		})
	}
}

// The last entry has no successor: an edit that rewrites its hash is only
// seen against a head saved earlier (or the git history), and so is its
// removal.
func TestVerifyHeadCatchesRewrittenEnd(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, dir string, l *release.Ledger)
	}{
		{"last file edited, hashes rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			v := l.Versions[4]
			name := v.Folder() + "/notice.md"
			b := []byte("# global notice\n\nWe collect everything.\n")
			writeFile(t, filepath.Join(dir, "releases", filepath.FromSlash(name)), b)
			v.Files[name] = sum(b)
			writeLedger(t, dir, l, true)
		}},
		{"last summary edited, hash rewritten", func(t *testing.T, dir string, l *release.Ledger) {
			l.Versions[4].Summary = "Nothing."
			writeLedger(t, dir, l, true)
		}},
		{"last version removed with its folder", func(t *testing.T, dir string, l *release.Ledger) {
			v := l.Versions[4]
			l.Versions = l.Versions[:4]
			writeLedger(t, dir, l, false)
			if err := os.RemoveAll(filepath.Join(dir, "releases", filepath.FromSlash(v.Folder()))); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, l := fixture(t)
			saved := l.Head()
			tc.tamper(t, dir, readLedger(t, dir))
			if diags := verify(t, dir); len(diags) > 0 {
				// The documented limit: nothing follows the last entry.
				t.Errorf("verify alone was expected not to see it (update the docs if it now does):\n%s", text(diags))
			}
			diags := release.VerifyHead(readLedger(t, dir), release.Dir, saved)
			if want := "releases/ledger.json: error: the saved head " + saved[:12] + " is not in the ledger: the history up to it was rewritten"; !strings.Contains(text(diags), want) {
				t.Errorf("lacks %q:\n%s", want, text(diags))
			}
		})
	}
	_, l := fixture(t)
	if diags := release.VerifyHead(l, release.Dir, "not a hash"); !strings.Contains(text(diags), "is not a SHA-256 in hex") {
		t.Errorf("a malformed head: %s", text(diags))
	}
}

// Positions point at the value of the field named.
func TestVerifyPositions(t *testing.T) {
	dir, l := fixture(t)
	l.Versions[3].Effective = "2026-12-31"
	writeLedger(t, dir, l, false)
	b, err := os.ReadFile(filepath.Join(dir, "releases", "ledger.json"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	n := 0
	for _, d := range verify(t, dir) {
		if d.Path != "versions[3].effective" && d.Path != "versions[3].hash" {
			continue
		}
		n++
		field := strings.TrimPrefix(d.Path, "versions[3].")
		line := lines[d.Pos.Line-1]
		if !strings.HasPrefix(line[d.Pos.Col-1:], `"`) || !strings.Contains(line, `"`+field+`": `) {
			t.Errorf("%s points at %q col %d", d.Error(), line, d.Pos.Col)
		}
		if field == "effective" && !strings.HasPrefix(line[d.Pos.Col-1:], `"2026-12-31"`) {
			t.Errorf("%s points at %q", d.Error(), line[d.Pos.Col-1:])
		}
	}
	if n != 3 {
		t.Errorf("%d diagnostics at versions[3], want 3 (hash, name, frozen notice)", n)
	}
}

// legacy rewrites the fixture's ledger in the legacy format: no chain,
// sorted by notice, as disclose wrote it before the chain.
func legacy(t *testing.T, dir string) *release.Ledger {
	t.Helper()
	l := readLedger(t, dir)
	old := struct {
		Versions []map[string]any `json:"versions"`
	}{}
	for _, v := range l.Versions {
		old.Versions = append(old.Versions, map[string]any{"notice": v.Notice, "version": v.ID, "effective": v.Effective,
			"released": v.Released, "summary": v.Summary, "files": v.Files})
	}
	slices.SortStableFunc(old.Versions, func(a, b map[string]any) int {
		return strings.Compare(fmt.Sprint(a["notice"], a["version"]), fmt.Sprint(b["notice"], b["version"]))
	})
	b, _ := json.MarshalIndent(old, "", "  ")
	writeFile(t, filepath.Join(dir, release.Dir, release.LedgerFile), append(b, '\n'))
	return l
}

// tree returns the SHA-256 of every file in releases/ but the ledger.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := fs.WalkDir(os.DirFS(dir), release.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p) == release.LedgerFile {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, p))
		m[p] = sum(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Migrate chains a legacy ledger once, keeping every field of every entry
// and every frozen file, in release order; the result verifies, and a
// second migration is refused.
func TestMigrate(t *testing.T) {
	dir, chained := fixture(t)
	legacy(t, dir)
	before := tree(t, dir)
	l := readLedger(t, dir)
	if l.Format != 0 || l.Head() != "" {
		t.Fatalf("legacy ledger read as format %d", l.Format)
	}
	if diags := verify(t, dir); !strings.Contains(text(diags), "run disclose migrate") && !strings.Contains(text(diags), "legacy format") {
		t.Errorf("legacy ledger: %s", text(diags))
	}
	if _, _, err := release.Plan(l, release.Request{Effective: "2028-01-01", Released: "2027-12-01", Notices: []*notice.Document{releaseDoc("eu", "2028-01-01", "2027-12-01", "x")}}); err == nil || !strings.Contains(err.Error(), "run disclose migrate") {
		t.Errorf("Plan on a legacy ledger: %v", err)
	}
	b, diags := release.Migrate(os.DirFS(dir), release.Dir, l)
	if b == nil || len(diags) > 0 {
		t.Fatalf("migrate: %s", text(diags))
	}
	writeFile(t, filepath.Join(dir, release.Dir, release.LedgerFile), b)
	if diags := verify(t, dir); len(diags) > 0 {
		t.Errorf("the migrated ledger:\n%s", text(diags))
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Error("migrate changed a frozen file")
	}
	got := readLedger(t, dir)
	var order []string
	for i, v := range got.Versions {
		order = append(order, v.Notice+"/"+v.ID)
		w := chained.Versions[slices.IndexFunc(chained.Versions, func(c *release.Version) bool { return c.Notice == v.Notice && c.ID == v.ID })]
		if v.Effective != w.Effective || v.Released != w.Released || v.Summary != w.Summary || !maps.Equal(v.Files, w.Files) {
			t.Errorf("versions[%d] %s/%s changed in the migration", i, v.Notice, v.ID)
		}
	}
	// Release order: released date, then notice, then version.
	if want := "eu/2026-01-01 global/2026-01-01 eu/2026-06-01 eu/2027-01-01 global/2027-01-01"; strings.Join(order, " ") != want {
		t.Errorf("migrated order %s, want %s", strings.Join(order, " "), want)
	}
	if _, diags := release.Migrate(os.DirFS(dir), release.Dir, got); !strings.Contains(text(diags), "already chained") {
		t.Errorf("a second migration: %s", text(diags))
	}
	if err := got.Upgrade(); !errors.Is(err, release.ErrChained) {
		t.Errorf("Upgrade of a chained ledger: %v", err)
	}
	// Releasing goes on from the migrated chain.
	writeHistory(t, dir, []step{{"2028-01-01", "2027-12-01", "Later.", []*notice.Document{releaseDoc("eu", "2028-01-01", "2027-12-01", "Later.")}}})
	if diags := verify(t, dir); len(diags) > 0 {
		t.Errorf("a release after the migration:\n%s", text(diags))
	}
}

// A tampered legacy history is not chained: the chain would bless it.
func TestMigrateRefusesTamperedHistory(t *testing.T) {
	dir, _ := fixture(t)
	legacy(t, dir)
	writeFile(t, filepath.Join(dir, "releases", "eu", "2026-01-01", "notice.md"), []byte("changed\n"))
	l := readLedger(t, dir)
	b, diags := release.Migrate(os.DirFS(dir), release.Dir, l)
	if b != nil || !strings.Contains(text(diags), "releases/eu/2026-01-01/notice.md: error: frozen file of eu version 2026-01-01 was edited after its release") ||
		!strings.Contains(text(diags), "not migrated") {
		t.Errorf("migrate of a tampered history: %s", text(diags))
	}
	if l.Format != 0 {
		t.Error("the refused migration changed the ledger")
	}
}

// Plan refuses to append to a broken chain, and a ledger of an unknown
// format is not read.
func TestPlanRefusesBrokenChain(t *testing.T) {
	dir, l := fixture(t)
	l.Versions[1].Summary = "edited"
	_, _, err := release.Plan(l, release.Request{Effective: "2028-01-01", Released: "2027-12-01", Notices: []*notice.Document{releaseDoc("eu", "2028-01-01", "2027-12-01", "x")}})
	if err == nil || !strings.Contains(err.Error(), "hash chain is broken at eu version 2026-01-01") {
		t.Errorf("Plan on a broken chain: %v", err)
	}
	_, _, err = release.Plan(&release.Ledger{}, release.Request{Effective: "2028-01-01", Released: "2027-12-01", Notices: []*notice.Document{releaseDoc("eu", "2027-06-01", "2027-12-01", "x")}})
	if err == nil || !strings.Contains(err.Error(), "compiled as of 2027-06-01") {
		t.Errorf("Plan of a notice compiled for another date: %v", err)
	}
	writeFile(t, filepath.Join(dir, "releases", "ledger.json"), []byte(`{"format": 3, "versions": []}`))
	if _, err := release.Read(os.DirFS(dir), release.Dir); err == nil || !strings.Contains(err.Error(), "ledger format 3") {
		t.Errorf("format 3: %v", err)
	}
	for _, bad := range []string{`{"versions": [null]}`, `{"versions": []} {}`, `{"format": 2, "versions": [{"notice": "eu", "version": "x", "files": {"eu/x/notice.json": "ab"}, "prev": "0", "hash": "1"}]}`} {
		writeFile(t, filepath.Join(dir, "releases", "ledger.json"), []byte(bad))
		l, err := release.Read(os.DirFS(dir), release.Dir)
		if err != nil {
			continue
		}
		if diags := release.Verify(os.DirFS(dir), release.Dir, l); !diags.HasErrors() {
			t.Errorf("%s verifies", bad)
		}
	}
}

// The hash of an entry is the SHA-256 of this text.
func ExampleVersion_Canonical() {
	v := &release.Version{Notice: "eu", ID: "2026-01-15", Effective: "2026-01-15", Released: "2025-12-01",
		Summary: "First.", Files: map[string]string{"eu/2026-01-15/notice.json": "ab12"}, Prev: release.Genesis}
	fmt.Print(string(v.Canonical()))
	// Output:
	// disclose-ledger-entry 2
	// prev 64:0000000000000000000000000000000000000000000000000000000000000000
	// notice 2:eu
	// version 10:2026-01-15
	// effective 10:2026-01-15
	// released 10:2025-12-01
	// summary 6:First.
	// files 1
	// file 25:eu/2026-01-15/notice.json 4:ab12
}

// No ledger file makes Parse, Verify or Migrate panic.
func FuzzLedger(f *testing.F) {
	b, err := os.ReadFile("../../releases/ledger.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"versions": [{"notice": "eu", "version": "x", "files": null}]}`))
	f.Add([]byte(`{"format": 2, "versions": [{"notice": "..", "version": "..", "files": {"../../x": ""}, "prev": "", "hash": ""}]}`))
	fsys := os.DirFS("../..")
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := release.Parse("releases/ledger.json", b)
		if err != nil {
			return
		}
		release.Verify(fsys, release.Dir, l)
		release.VerifyHead(l, release.Dir, l.Head())
		release.Migrate(fsys, release.Dir, l)
		_ = l.Encode()
	})
}

// A release stores its data once, however many notices it freezes, and a
// later release made from the same data stores nothing new for it: the
// versions share one snapshot, named by its hash, which Verify reads once
// and still holds to its hash.
func TestSnapshotsShared(t *testing.T) {
	dir, l := fixture(t)
	var snaps []string
	shared := map[string][]string{}
	for _, v := range l.Versions {
		p := v.DataFile()
		shared[p] = append(shared[p], v.Notice+"/"+v.ID)
		if !strings.HasPrefix(p, release.SnapshotDir+"/") {
			t.Errorf("%s %s keeps its data at %s, not in %s/", v.Notice, v.ID, p, release.SnapshotDir)
		}
		if _, err := release.LoadData(os.DirFS(dir), release.Dir, v); err != nil {
			t.Errorf("%s %s: %v", v.Notice, v.ID, err)
		}
	}
	for p := range shared {
		snaps = append(snaps, p)
	}
	files, _ := filepath.Glob(filepath.Join(dir, release.Dir, release.SnapshotDir, "*.json"))
	if len(files) != len(shared) || len(shared) >= len(l.Versions) {
		t.Errorf("%d snapshot files for %d versions sharing %v", len(files), len(l.Versions), shared)
	}
	if d := release.Verify(os.DirFS(dir), release.Dir, l); len(d) > 0 {
		t.Fatalf("verify: %v", d)
	}
	// An edited shared snapshot is caught.
	writeFile(t, filepath.Join(dir, release.Dir, snaps[0]), []byte("{\"edited\": true}\n"))
	if d := release.Verify(os.DirFS(dir), release.Dir, l); !strings.Contains(d.Error(), "was edited after its release") {
		t.Errorf("an edited snapshot: %v", d)
	}
	// A snapshot listed under a name that is not its hash is outside the
	// version's folder.
	v := l.Versions[0]
	h := v.Files[v.DataFile()]
	delete(v.Files, v.DataFile())
	v.Files[release.SnapshotDir+"/other.json"] = h
	if d := release.Verify(os.DirFS(dir), release.Dir, l); !strings.Contains(d.Error(), "outside its folder") {
		t.Errorf("a snapshot named by another name: %v", d)
	}
}

// Assess says what Plan would ask of a release on a day: no version for an
// unchanged notice, none before the latest version's effective day, a new
// notice's first version on its day, and a pack's refusal of that day.
func TestAssess(t *testing.T) {
	dir, l := fixture(t)
	load := func(v *release.Version) (*notice.Document, error) { return release.Load(os.DirFS(dir), release.Dir, v) }
	req := func(docs ...*notice.Document) release.Request {
		return release.Request{Released: "2026-12-10", Notices: docs, Load: load}
	}
	// Unchanged: nothing to release.
	a, err := release.Assess(l, req(releaseDoc("global", "2027-01-01", "2026-12-01", "We collect a little more.")))
	if err != nil || a.Earliest != "" || a.Needs[0].Changed {
		t.Errorf("an unchanged notice: %+v, %v", a, err)
	}
	// Changed, before its latest version takes effect: not before it.
	a, err = release.Assess(l, req(releaseDoc("global", "2027-01-01", "2026-12-10", "We collect more.")))
	if err != nil || a.Earliest != "2027-01-01" || !a.Needs[0].Changed || a.Needs[0].Last == nil {
		t.Errorf("a changed notice before its latest version's day: %+v, %v", a, err)
	}
	// A new notice: its first version may take effect on its day.
	a, err = release.Assess(l, req(releaseDoc("california", "2026-12-10", "2026-12-10", "Californian rights.")))
	if err != nil || a.Earliest != "2026-12-10" || a.Needs[0].Last != nil {
		t.Errorf("a first release: %+v, %v", a, err)
	}
	// A pack's check refuses the earliest day: said, not an error.
	r := req(releaseDoc("california", "2026-12-10", "2026-12-10", "Californian rights."))
	r.Checks = map[string]func(released, effective model.Date, last []byte) error{
		"california": func(_, effective model.Date, _ []byte) error { return fmt.Errorf("not on %s", effective) },
	}
	a, err = release.Assess(l, r)
	if err != nil || a.Refused == nil || a.Refused.Error() != "not on 2026-12-10" {
		t.Errorf("a refused day: %+v, %v", a, err)
	}
	// Plan agrees: the printed day is accepted, the day before refused.
	for _, c := range []struct {
		effective model.Date
		ok        bool
	}{{"2026-12-31", false}, {"2027-01-01", true}} {
		lc := readLedger(t, dir)
		r := req(releaseDoc("global", string(c.effective), "2026-12-10", "We collect more."))
		r.Effective = c.effective
		if _, _, err := release.Plan(lc, r); (err == nil) != c.ok {
			t.Errorf("Plan on %s: %v", c.effective, err)
		}
	}
}
