package release_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
)

// withGerman is doc with a German translation whose text is text.
func withGerman(doc *notice.Document, text string) *notice.Document {
	de := releaseDoc(doc.ID, string(doc.Effective), string(doc.LastUpdated), text)
	de.Language = "de"
	doc.Translations = []*notice.Document{de}
	return doc
}

// A release freezes every language of a notice in the same version; Load
// reads them back, verify covers them, and a change of the German text
// alone (or of the set of languages) is a new version.
func TestReleaseLanguages(t *testing.T) {
	dir := t.TempDir()
	l := writeHistory(t, dir, []step{
		{"2026-01-01", "2025-12-01", "First.", []*notice.Document{withGerman(releaseDoc("eu", "2026-01-01", "2025-12-01", "Rights."), "Rechte.")}},
	})
	v := l.Of("eu")[0]
	if got := v.Languages(); !slices.Equal(got, []string{"de"}) {
		t.Fatalf("languages %v", got)
	}
	for _, f := range []string{"notice.json", "notice.md", "notice.de.json", "notice.de.md"} {
		if _, ok := v.Files["eu/2026-01-01/"+f]; !ok {
			t.Errorf("%s not frozen: %v", f, v.Files)
		}
	}
	fsys := os.DirFS(dir)
	d, err := release.Load(fsys, release.Dir, v)
	if err != nil || len(d.Translations) != 1 || d.Translations[0].Language != "de" || !strings.Contains(string(release.Text(d.Translations[0])), "Rechte.") {
		t.Fatalf("load: %v %+v", err, d)
	}
	if ds := release.Verify(fsys, release.Dir, l); len(ds) > 0 {
		t.Fatal(ds)
	}
	load := func(v *release.Version) (*notice.Document, error) { return release.Load(fsys, release.Dir, v) }
	for name, docs := range map[string][]*notice.Document{
		"same":         {withGerman(releaseDoc("eu", "2026-06-01", "2026-05-01", "Rights."), "Rechte.")},
		"German text":  {withGerman(releaseDoc("eu", "2026-06-01", "2026-05-01", "Rights."), "Die Rechte.")},
		"German gone":  {releaseDoc("eu", "2026-06-01", "2026-05-01", "Rights.")},
		"English text": {withGerman(releaseDoc("eu", "2026-06-01", "2026-05-01", "Your rights."), "Rechte.")},
	} {
		l2, _ := release.Read(fsys, release.Dir)
		_, _, err := release.Plan(l2, release.Request{Effective: "2026-06-01", Released: "2026-05-01", Notices: docs, Load: load})
		if changed := err == nil; changed != (name != "same") {
			t.Errorf("%s: release error %v", name, err)
		}
	}
	// An edited German notice is reported, and does not load.
	p := filepath.Join(dir, release.Dir, "eu", "2026-01-01", "notice.de.json")
	b, _ := os.ReadFile(p)
	writeFile(t, p, []byte(strings.Replace(string(b), "Rechte.", "Pflichten.", 1)))
	if ds := release.Verify(fsys, release.Dir, l); !strings.Contains(ds.Error(), "notice.de.json") || !strings.Contains(ds.Error(), "edited after its release") {
		t.Errorf("edited German: %v", ds)
	}
	if _, err := release.Load(fsys, release.Dir, v); err == nil {
		t.Error("an edited German notice loads")
	}
}
