package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/load"
)

func TestTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"data/translations/de.yaml": {Data: []byte("language: de\nfallback: true\ntexts:\n  purposes[support].description:\n    source: abc\n    text: Wir helfen.\n  categories[contact].examples:\n    source: def\n    items: [Name, E-Mail]\n")},
	}
	files, ds := load.Translations(fsys, "data")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(files) != 1 || files[0].Language != "de" || !files[0].Fallback || len(files[0].Texts) != 2 {
		t.Fatalf("%+v", files)
	}
	a, b := files[0].Texts[0], files[0].Texts[1]
	if a.Key != "purposes[support].description" || a.Source != "abc" || a.List || a.Text[0] != "Wir helfen." || a.Pos.String() != "data/translations/de.yaml:5:5" {
		t.Errorf("text %+v", *a)
	}
	if b.Key != "categories[contact].examples" || !b.List || strings.Join(b.Text, "|") != "Name|E-Mail" {
		t.Errorf("list %+v", *b)
	}
	if files, ds := load.Translations(fstest.MapFS{"data/x.yaml": {}}, "data"); files != nil || ds != nil {
		t.Errorf("no translations folder: %v %v", files, ds)
	}
}

func TestTranslationsStrict(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"language: de\ntexts:\n  a:\n    text: x\n", "source"},
		{"language: de\ntexts:\n  a:\n    source: h\n", "text"},
		{"language: de\ntexts:\n  a:\n    source: h\n    text: x\n    items: [y]\n", "text"},
		{"language: de\ntexts:\n  a:\n    source: h\n    txt: x\n", `unknown key "txt"`},
		{"texts: {}\n", "language"},
	} {
		_, ds := load.Translations(fstest.MapFS{"data/translations/de.yaml": {Data: []byte(tc.src)}}, "data")
		var all []string
		for _, d := range ds {
			all = append(all, d.Error())
		}
		if got := strings.Join(all, "\n"); !strings.Contains(got, tc.want) || !strings.Contains(got, "data/translations/de.yaml:") {
			t.Errorf("%q: %v, want %q", tc.src, ds, tc.want)
		}
	}
}

// Load does not read the translations folder as data.
func TestLoadSkipsTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"data/organization.yaml":    {Data: []byte("organization:\n  name: X\n")},
		"data/translations/de.yaml": {Data: []byte("language: de\ntexts: {}\n")},
	}
	_, ds := load.Load(fsys, "data")
	for _, d := range ds {
		if strings.Contains(d.Pos.File, "translations") {
			t.Errorf("the translations were read as data: %v", d)
		}
	}
}
