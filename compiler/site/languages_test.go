package site_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/site"
)

// withTranslation gives doc a translation into lang, in place of any it
// has: the same notice with its title and an opening paragraph of the
// language (naming tag, so two versions' texts differ), as the facade's
// would be.
func withTranslation(doc *notice.Document, lang, title, tag string) *notice.Document {
	d := *doc
	t := *doc
	t.Language, t.Title, t.Translations = lang, title, nil
	t.Intro = append([]notice.Block{&notice.Paragraph{Text: notice.Plain("Fassung " + lang + " " + tag + ".")}}, doc.Intro...)
	d.Translations = nil
	for _, o := range doc.Translations {
		if o.Language != lang {
			d.Translations = append(d.Translations, o)
		}
	}
	d.Translations = append(d.Translations, &t)
	return &d
}

// buildTranslated builds the sample site as of 23 November 2026 with its
// eu notice in German (every version and the draft) and in French (the
// version in force only), with drafts and PDFs, and returns a function
// reading a built file.
func buildTranslated(t *testing.T) (func(name string) string, string) {
	t.Helper()
	day := model.Date("2026-11-23")
	copts := &compiler.Options{Date: day}
	proj, docs, diags := compiler.Compile(disclose.Sample, "data", copts)
	if diags.HasErrors() {
		t.Fatalf("the sample does not compile:\n%v", diags)
	}
	repo := os.DirFS("../..")
	l, err := release.Read(repo, release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if d.ID == "eu" {
			docs[i] = withTranslation(d, "de", "Ergänzende europäische Datenschutzerklärung", "Entwurf")
		}
	}
	notices, err := site.Notices(docs, l, dirStore{repo}, day, true, compiler.Changes, "")
	if err != nil {
		t.Fatal(err)
	}
	var eu *site.Notice
	for _, n := range notices {
		if n.ID == "eu" {
			eu = n
		}
	}
	if eu == nil || len(eu.Versions) < 3 {
		t.Fatal("the sample's eu notice has fewer than three versions")
	}
	// Every page is its own Page: give each version its translation in
	// place, keeping the pages the notice links (Current, Upcoming).
	for _, v := range eu.Versions {
		v.Doc = withTranslation(v.Doc, "de", "Ergänzende europäische Datenschutzerklärung", v.Version)
	}
	eu.Current.Doc = withTranslation(eu.Current.Doc, "fr", "Avis de confidentialité européen complémentaire", eu.Current.Version)

	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	hugoCmd, hugoDir := hugo(t)
	messages, mdiags := compiler.SiteCatalogue()
	if len(mdiags) > 0 {
		t.Fatalf("the site's catalogue:\n%v", mdiags)
	}
	// Twice, into two folders with one cache: the second build takes the
	// translations' comparisons the first kept.
	for _, o := range []string{out, out + "-again"} {
		err = site.Build(context.Background(), &site.Input{Project: proj, Notices: notices, DataTables: compiler.DataTables, Messages: messages,
			Labels: compiler.Labels(compiler.Facts(proj, copts)), LabelsIn: compiler.LabelsIn(proj, copts)}, site.Options{
			Out: o, ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, HugoDir: hugoDir, CacheDir: filepath.Join(dir, "cache"),
		})
		if err != nil {
			t.Fatalf("build: %v", err)
		}
	}
	return func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(b)
	}, out
}

// TestTranslatedNotices builds a site with a notice in three languages
// (Build checks every link) and checks each language's pages, their
// language, switch and alternates, the PDFs' language, the feeds,
// notices.json and the sitemap.
func TestTranslatedNotices(t *testing.T) {
	read, out := buildTranslated(t)

	de := read("de/eu/index.html")
	for _, want := range []string{
		`<html lang="de">`,
		`<h1>Ergänzende europäische Datenschutzerklärung</h1>`,
		`<link rel="alternate" hreflang="en" href="https://`,
		`<link rel="alternate" hreflang="x-default" href="https://`,
		`<link rel="alternate" hreflang="fr" href="https://`,
		`<span aria-current="page" lang="de">Deutsch</span>`,
		`<a href="../../eu/" hreflang="en" lang="en">English</a>`,
		`<a href="../../fr/eu/" hreflang="fr" lang="fr">Français</a>`,
		`href="eu-de.pdf"`,
		`href="../../de/eu/versions/"`,
		`href="../../de/eu/feed.xml"`,
		// The theme's words and the site's in German.
		`<a class="skip" href="#main">Zum Hauptinhalt springen</a>`,
		`<dt>Gültig ab</dt>`,
		`download>PDF herunterladen</a>`,
		`>Alle Versionen</a>`,
		`<h2 id="contents">Inhalt</h2>`,
		`Ab dem 15. Dezember 2026 gilt eine neue Version dieses Hinweises. <a href="../../de/eu/2026-12-15-2/">Neue Version lesen</a>`,
		// The header names the notices in German, linking their German
		// pages, and the others in English, marked so.
		`<a href="/de/eu/" aria-current="page">Europa</a>`,
		`<a href="/de/global/">Datenschutzerklärung</a>`,
		`<a href="/california/" hreflang="en" lang="en">California</a>`,
	} {
		if !strings.Contains(de, want) {
			t.Errorf("de/eu/ lacks %s", want)
		}
	}
	// The English page names the others; a notice in English alone has no
	// switch and keeps its English language.
	en := read("eu/index.html")
	for _, want := range []string{`<html lang="en">`, `<a href="../de/eu/" hreflang="de" lang="de">Deutsch</a>`, `<span aria-current="page" lang="en">English</span>`, `<a href="/eu/" aria-current="page">Europe</a>`} {
		if !strings.Contains(en, want) {
			t.Errorf("eu/ lacks %s", want)
		}
	}
	if g := read("california/index.html"); strings.Contains(g, `class="languages"`) || strings.Contains(g, "hreflang=") {
		t.Error("a notice in English alone has a language switch")
	}

	// Every version, the archive, the changes, the redlines and the draft
	// in German; the French has only the version in force.
	eu := read("notices.json")
	var js struct {
		Notices []struct {
			ID        string `json:"id"`
			Languages []struct{ Language, URL, PDF string }
			Versions  []struct {
				Version   string
				Languages []struct{ Language, URL, PDF string }
			}
		}
	}
	if err := json.Unmarshal([]byte(eu), &js); err != nil {
		t.Fatal(err)
	}
	first := ""
	for _, n := range js.Notices {
		if n.ID != "eu" {
			// The California notice is in English alone.
			if n.ID == "california" && n.Languages != nil {
				t.Errorf("notices.json: %s lists languages %+v", n.ID, n.Languages)
			}
			continue
		}
		if len(n.Languages) != 3 || n.Languages[0].Language != "en" || n.Languages[1].Language != "de" || n.Languages[2].Language != "fr" {
			t.Errorf("notices.json: eu's languages %+v", n.Languages)
		}
		first = n.Versions[0].Version
		for i, v := range n.Versions {
			if len(v.Languages) < 2 || v.Languages[1].Language != "de" || !strings.HasSuffix(v.Languages[1].URL, "/de/eu/"+v.Version+"/") || !strings.HasSuffix(v.Languages[1].PDF, "/de/eu/"+v.Version+"/eu-de-"+v.Version+".pdf") {
				t.Errorf("notices.json: eu %s languages %+v", v.Version, v.Languages)
			}
			read(strings.TrimPrefix(v.Languages[1].PDF[strings.Index(v.Languages[1].PDF, "/de/"):], "/"))
			read("de/eu/" + v.Version + "/index.html")
			if i > 0 {
				rl := read("de/eu/" + v.Version + "/redline/index.html")
				if !strings.Contains(rl, `<html lang="de">`) || !strings.Contains(rl, "<p>Fassung de ") || !strings.Contains(rl, `class="change"`) {
					t.Errorf("de/eu/%s/redline/ is not the German texts' redline", v.Version)
				}
				read("de/eu/" + v.Version + "/redline/eu-de-" + v.Version + "-redline.pdf")
				if again, _ := os.ReadFile(filepath.Join(out+"-again", "de", "eu", v.Version, "redline", "index.html")); string(again) != rl {
					t.Errorf("de/eu/%s/redline/ differs when its comparison comes from the cache", v.Version)
				}
			}
		}
	}
	if a := read("de/eu/versions/index.html"); !strings.Contains(a, "<strong>In Kraft</strong>") || !strings.Contains(a, "<caption>Versionen</caption>") {
		t.Error("de/eu/versions/ is not in German")
	}
	// The changes' sentences are English, marked so, with a note in German.
	ch := read("de/eu/changes/index.html")
	for _, want := range []string{"<p>Die Änderungen sind auf Englisch beschrieben.</p>", `<ul lang="en">`, `<strong>Material</strong>`, "gültig ab"} {
		if !strings.Contains(ch, want) {
			t.Errorf("de/eu/changes/ lacks %s", want)
		}
	}
	if fr := read("fr/eu/index.html"); !strings.Contains(fr, "<dt>En vigueur le</dt>") || !strings.Contains(fr, `<html lang="fr">`) {
		t.Error("fr/eu/ is not in French")
	}
	// The English pages keep their words.
	if !strings.Contains(en, "<dt>Effective</dt>") || !strings.Contains(en, `<h2 id="contents">Contents</h2>`) {
		t.Error("eu/ lost its English words")
	}
	if d := read("de/eu/draft/index.html"); !strings.Contains(d, "Fassung de Entwurf") {
		t.Error("de/eu/draft/ is not the German draft")
	}
	if _, err := os.Stat(filepath.Join(out, "fr", "eu", first)); err == nil {
		t.Error("the French, in the version in force only, has a page of the first version")
	}

	// The PDFs say their language.
	if pdf := read("de/eu/eu-de.pdf"); !regexp.MustCompile(`/Lang \(de\)`).MatchString(pdf) {
		t.Error("de/eu/eu-de.pdf does not say /Lang (de)")
	}
	if pdf := read("eu/eu.pdf"); !strings.Contains(pdf, "/Lang (en") {
		t.Error("eu/eu.pdf lost its /Lang")
	}
	// and write their own words in it: the title block, the footer, the
	// running head, a redline's legend.
	if txt, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "de", "eu", "eu-de.pdf"), "-").Output(); err != nil {
		t.Errorf("pdftotext: %v", err)
	} else if s := string(txt); !strings.Contains(s, "Seite 1 von") || !strings.Contains(s, "Gültig ab: ") || !strings.Contains(s, "Zuletzt aktualisiert: ") || strings.Contains(s, "Effective") || strings.Contains(s, "Page 1 of") {
		t.Errorf("de/eu/eu-de.pdf is not in German:\n%.600s", s)
	}
	if txt, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "eu", "eu.pdf"), "-").Output(); err != nil || !strings.Contains(string(txt), "Page 1 of") || !strings.Contains(string(txt), "Effective: ") {
		t.Errorf("eu/eu.pdf is not in English: %v", err)
	}

	// A language's folder is no page.
	if _, err := os.Stat(filepath.Join(out, "de", "index.html")); err == nil {
		t.Error("the site has a page at /de/")
	}
	feed := read("de/eu/feed.xml")
	if !strings.Contains(feed, "/de/eu/feed.xml") || !strings.Contains(feed, "Ergänzende europäische Datenschutzerklärung") {
		t.Error("de/eu/feed.xml is not the German notice's feed")
	}
	if sm := read("sitemap.xml"); !strings.Contains(sm, "/de/eu/</loc>") || !strings.Contains(sm, "/fr/eu/</loc>") || strings.Contains(sm, "/de/</loc>") {
		t.Error("the sitemap lacks the translated notices")
	}
}

// TestSiteCatalogueClean: the site's catalogue loads without a problem,
// its English is the English the site writes, and every message is
// translated, current, into every language disclose publishes.
func TestSiteCatalogueClean(t *testing.T) {
	cat, diags := compiler.SiteCatalogue()
	if len(diags) > 0 {
		t.Fatalf("the site's catalogue:\n%v", diags)
	}
	ids := cat.IDs()
	if !slices.Equal(ids, site.MessageIDs()) {
		t.Errorf("messages/en.yaml has ids %v,\nthe site writes %v", ids, site.MessageIDs())
	}
	for _, f := range cat.Files() {
		if f.Language != "en" {
			continue
		}
		for _, m := range f.Messages {
			one, other, ok := site.EnglishMessage(m.ID)
			if !ok || m.One != one || m.Other != other {
				t.Errorf("%s: %s is %q/%q, the site writes %q/%q", f.Path, m.ID, m.One, m.Other, one, other)
			}
		}
	}
	for _, code := range locale.Supported() {
		tag, err := locale.Parse(code)
		if err != nil {
			t.Fatal(err)
		}
		if code == "en" {
			continue
		}
		p := cat.Printer(tag)
		data := locale.Data{"Date": "x", "Title": "x", "Org": "x", "Version": "x", "Previous": "x", "PreviousDate": "x", "Changes": "x", "Sections": "x", "Page": "1", "Pages": "2"}
		for _, id := range ids {
			one, _, _ := site.EnglishMessage(id)
			if one == "" && p.T(id, data) == "" || one != "" && (p.N(id, 1, data) == "" || p.N(id, 2, data) == "") {
				t.Errorf("%s: message %s writes nothing", code, id)
			}
		}
		if ps := p.Problems(); len(ps) > 0 {
			t.Errorf("%s:\n%v", code, ps)
		}
	}
}
