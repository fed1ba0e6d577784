package site

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/notice"
)

// A language first released in a version later than the upcoming one (the
// sample's German, added in a version after the one to come) is published
// from that version, shown as the one to come; a language no page has is
// not published.
func TestLanguageFirstReleasedLater(t *testing.T) {
	page := func(version string, langs ...string) *Page {
		d := &notice.Document{ID: "eu", Title: "Notice " + version}
		for _, l := range langs {
			d.Translations = append(d.Translations, &notice.Document{ID: "eu", Language: l, Title: "Hinweis " + version})
		}
		return &Page{Doc: d, Version: version}
	}
	inForce, next, later, latest := page("1"), page("2"), page("3", "de"), page("4", "de")
	n := &Notice{ID: "eu", Current: inForce, Upcoming: next, Versions: []*Page{inForce, next, later, latest}}
	de := translated(n, "de")
	if de == nil || de.Current == nil || de.Current.Version != "3" || !de.Pending || de.Upcoming != nil {
		t.Fatalf("German: %+v", de)
	}
	if len(de.Versions) != 2 || de.Versions[1].Previous != de.Versions[0] {
		t.Errorf("German versions: %+v", de.Versions)
	}
	if fr := translated(n, "fr"); fr != nil {
		t.Errorf("French, which no page has: %+v", fr)
	}
	// Without an upcoming version, the first German one after the version
	// in force.
	n.Upcoming = nil
	if de := translated(n, "de"); de == nil || de.Current == nil || de.Current.Version != "3" || !de.Pending {
		t.Errorf("German after the version in force: %+v", de)
	}
}
