package compiler_test

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/compiler/translate"
)

// withLanguages is the sample with the global policy and the European
// supplement published in English and German.
func withLanguages(t *testing.T, langs string) fs.FS {
	t.Helper()
	src, err := fs.ReadFile(english, "data/notices.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"global", "eu"} {
		src = bytes.Replace(src, []byte("\n  "+id+":\n"), []byte("\n  "+id+":\n    languages: "+langs+"\n"), 1)
	}
	return overlay(t, disclose.Sample, "data/notices.yaml", src)
}

// fakeGerman is every pack's catalogue with a German translation of every
// message: "DE " before the English, with the English's hash.
func fakeGerman(t *testing.T) map[string]*locale.Catalogue {
	return rebuilt(t, func(f *locale.File) *locale.File {
		de := &locale.File{Path: path.Join(path.Dir(f.Path), "de.yaml"), Language: "de"}
		for _, m := range f.Messages {
			tr := *m
			tr.Hash = locale.Hash(m.Source())
			for _, form := range []*string{&tr.Zero, &tr.One, &tr.Two, &tr.Few, &tr.Many, &tr.Other} {
				if *form != "" {
					*form = "DE " + *form
				}
			}
			de.Messages = append(de.Messages, &tr)
		}
		return de
	})
}

// withoutGerman is every pack's catalogue without its German files.
func withoutGerman(t *testing.T) map[string]*locale.Catalogue { return rebuilt(t, nil) }

// rebuilt is every pack's catalogue made again without its German files,
// and, with german, with the German file german makes of each English one.
func rebuilt(t *testing.T, german func(en *locale.File) *locale.File) map[string]*locale.Catalogue {
	t.Helper()
	cats, _ := compiler.Catalogues()
	out := map[string]*locale.Catalogue{}
	for id, cat := range cats {
		var files []*locale.File
		for _, f := range cat.Files() {
			if f.Language != "de" {
				files = append(files, f)
			}
		}
		if german != nil {
			for _, f := range cat.Files() {
				if f.Language == "en" {
					files = append(files, german(f))
				}
			}
		}
		c, ds := locale.New(id, files...)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		out[id] = c
	}
	return out
}

// germanWords translates every text of the data: "DE " before the English.
func germanWords(units []*translate.Unit) *translate.File {
	f := &translate.File{Path: "data/translations/de.yaml", Language: "de"}
	for i, u := range units {
		tx := &translate.Text{Pos: diag.Pos{File: f.Path, Line: 3 + i}, Key: u.Key, Source: u.Hash(), List: u.List}
		for _, e := range u.English {
			tx.Text = append(tx.Text, "DE "+e)
		}
		f.Texts = append(f.Texts, tx)
	}
	return f
}

// A notice in German is compiled from the German catalogue and the team's
// German words. Only the texts the German notices publish (by their
// traces) must be translated: given exactly those, the notices hold none
// of the data's English, so no published text is behind no trace (it
// would stay English, unnoticed).
func TestGermanNotices(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	p, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	opts := *sampleOpts
	opts.Catalogues = fakeGerman(t)
	opts.Translations = []*translate.File{{Path: "data/translations/de.yaml", Language: "de"}}
	_, _, ds := compiler.Compile(fsys, "data", &opts)
	needed := map[string]bool{}
	for _, d := range ds {
		if strings.HasSuffix(d.Message, " has no German translation") {
			needed[d.Path] = true
		}
	}
	var units []*translate.Unit
	for _, u := range translate.Units(p) {
		if needed[u.Path] {
			units = append(units, u)
		}
	}
	if len(units) < 50 {
		t.Fatalf("only %d texts to translate", len(units))
	}
	opts.Translations = []*translate.File{germanWords(units)}
	_, docs, ds := compiler.Compile(fsys, "data", &opts)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	// Every text of the data, tagged for translation or not (a field that
	// publishes words but lacks its i18n tag would go out in English), but
	// names, which stay as written.
	english := map[string]bool{}
	names := map[string]bool{}
	for _, u := range translate.Units(p) {
		if u.Optional {
			for _, e := range u.English {
				names[e] = true
			}
		}
	}
	for _, e := range dataTexts(p) {
		if len(e) >= 16 && strings.Contains(e, " ") && !names[e] {
			english[notice.OneLine(e)] = true
		}
	}
	n := 0
	for _, doc := range docs {
		want := 0
		if doc.ID == "global" || doc.ID == "eu" {
			want = 1
		}
		if len(doc.Translations) != want {
			t.Fatalf("%s: %d translations", doc.ID, len(doc.Translations))
		}
		for _, de := range doc.Translations {
			n++
			if de.Language != "de" || de.ID != doc.ID {
				t.Errorf("%s: language %q", de.ID, de.Language)
			}
			md := string(render.Markdown(de, nil))
			plain := notice.InlineText(notice.Text(strings.ReplaceAll(md, "\n", " ")))
			// Take out every translated text, longest first (one text may
			// hold another), then look for the English left.
			rest := plain
			for _, e := range longestFirst(english) {
				rest = strings.ReplaceAll(rest, "DE "+e, "")
			}
			for e := range english {
				if strings.Contains(rest, e) {
					t.Errorf("%s (de): the English %q is published untranslated", de.ID, e)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d German notices", n)
	}
}

// dataTexts are the string values of the project's data, but those of
// fields that hold names (Name, LegalName: written as they are in every
// language), identifiers and addresses.
func dataTexts(p *model.Project) []string {
	var out []string
	var walk func(v reflect.Value, field string)
	walk = func(v reflect.Value, field string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), field)
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(diag.Pos{}) || v.Type() == reflect.TypeOf(model.SourceMap{}) {
				return
			}
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(v.Field(i), f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), field)
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k), field)
			}
		case reflect.String:
			switch field {
			case "Name", "LegalName", "Provider", "Street", "City", "Region", "Value", "Phone", "TollFreePhone":
				return
			}
			out = append(out, v.String())
		}
	}
	walk(reflect.ValueOf(p).Elem(), "")
	return out
}

func longestFirst(set map[string]bool) []string {
	var out []string
	for s := range set {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// Without a German catalogue, the German notices are not published, and
// the problems name the messages; without the team's translations, each
// text is reported at its English.
func TestGermanMissing(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	opts := *sampleOpts
	opts.Catalogues = withoutGerman(t)
	opts.Translations = []*translate.File{{Path: "data/translations/de.yaml", Language: "de"}}
	_, docs, ds := compiler.Compile(fsys, "data", &opts)
	if docs != nil {
		t.Error("notices published with German missing")
	}
	var msgs, texts int
	for _, d := range ds {
		switch {
		case strings.Contains(d.Message, `the global pack cannot write in German: compiler/jurisdiction/global/messages has no German catalogue (compiler/jurisdiction/global/messages/de.yaml)`):
			msgs++
		case strings.Contains(d.Message, "organization.description has no German translation") && d.Pos.File == "data/organization.yaml":
			texts++
		}
	}
	if msgs != 1 || texts != 1 {
		t.Errorf("%d message, %d text problems in:\n%v", msgs, texts, ds)
	}
}

// A stale translation of the team's words is reported at its line and
// holds the notice back.
func TestGermanStale(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	p, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	words := germanWords(translate.Units(p))
	var stale *translate.Text
	for _, tx := range words.Texts {
		if tx.Key == "organization.description" {
			tx.Source = "0123456789abcdef01234567"
			stale = tx
		}
	}
	opts := *sampleOpts
	opts.Catalogues = fakeGerman(t)
	opts.Translations = []*translate.File{words}
	_, docs, ds := compiler.Compile(fsys, "data", &opts)
	if docs != nil {
		t.Error("published with a stale translation")
	}
	for _, d := range ds {
		t.Logf("%v", d)
	}
	if len(ds) != 1 || ds[0].Pos != stale.Pos || !strings.Contains(ds[0].Message, "the German translation of organization.description is stale") {
		t.Errorf("%v", ds)
	}

	// The live preview shows the English of it at once, with the note,
	// and warns; the file's own setting is left as it was.
	opts.Preview = true
	_, docs, ds = compiler.Compile(fsys, "data", &opts)
	if ds.HasErrors() || len(ds) != 1 || ds[0].Severity != diag.Warning || !strings.Contains(ds[0].Message, "the English is shown") || docs == nil {
		t.Fatalf("preview: %v", ds)
	}
	md := string(render.Markdown(docs[0].Translations[0], nil))
	if !strings.Contains(md, "DE Some texts of this notice are shown in English") || !strings.Contains(md, string(p.Organization.Description)) {
		t.Errorf("the preview's German does not show the English with its note:\n%.600s", md)
	}
	if words.Fallback {
		t.Error("the preview changed the translation file's fallback setting")
	}
}

func TestLanguagesProblems(t *testing.T) {
	for langs, want := range map[string]string{
		"[de]":         "leave out en",
		"[en, xx-!!]":  "is not a language code",
		"[en, ja]":     `no formats for the language "ja"`,
		"[en, de, de]": `language "de" is given twice`,
	} {
		_, ds := compiler.Check(withLanguages(t, langs), "data", sampleOpts)
		var all []string
		for _, d := range ds {
			all = append(all, d.Message)
		}
		if !strings.Contains(strings.Join(all, "\n"), want) {
			t.Errorf("%s: %v, want %q", langs, ds, want)
		}
	}
}

// A translation with a character the PDF fonts lack is reported at its
// line: the language's notices could not be typeset.
func TestGermanUndrawable(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	p, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	words := germanWords(translate.Units(p))
	words.Texts[2].Text[0] += " \U0001F600"
	opts := *sampleOpts
	opts.Catalogues = fakeGerman(t)
	opts.Translations = []*translate.File{words}
	_, _, ds := compiler.Compile(fsys, "data", &opts)
	found := false
	for _, d := range ds {
		if d.Pos == words.Texts[2].Pos && strings.Contains(d.Message, "U+1F600") && strings.Contains(d.Message, "the German notices cannot be typeset") {
			found = true
		}
	}
	if !found {
		t.Errorf("%v", ds)
	}
}

// With fallback allowed, a text with no translation is shown in English,
// the notice says so at its top, and the problem is a warning.
func TestGermanFallback(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	p, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	words := germanWords(translate.Units(p))
	var gone string
	for i, tx := range words.Texts {
		if tx.Key == "organization.description" {
			gone = tx.Key
			words.Texts = append(words.Texts[:i], words.Texts[i+1:]...)
			break
		}
	}
	words.Fallback = true
	opts := *sampleOpts
	opts.Catalogues = fakeGerman(t)
	opts.Translations = []*translate.File{words}
	_, docs, ds := compiler.Compile(fsys, "data", &opts)
	if ds.HasErrors() || docs == nil {
		t.Fatal(ds)
	}
	warned := false
	for _, d := range ds {
		warned = warned || d.Severity == diag.Warning && strings.Contains(d.Message, gone+" has no German translation; the English is shown")
	}
	if !warned {
		t.Errorf("no warning: %v", ds)
	}
	de := docs[0].Translations[0]
	md := string(render.Markdown(de, nil))
	if !strings.Contains(md, "DE Some texts of this notice are shown in English") {
		t.Errorf("no note of the English:\n%.600s", md)
	}
	if en := string(render.Markdown(docs[0], nil)); strings.Contains(en, "shown in English") {
		t.Error("the English notice has the note")
	}
}

// What a rule reads in the team's words (the Swiss exemption's article,
// found in the English exemption text) it reads in the English, never in
// a translation that words it otherwise.
func TestGermanReadsTheEnglish(t *testing.T) {
	fsys := withLanguages(t, "[en, de]")
	words, ds := load.Translations(disclose.Sample, "data")
	if len(ds) > 0 || len(words) == 0 {
		t.Fatalf("the sample's translations: %v", ds)
	}
	opts := *sampleOpts
	opts.Catalogues = fakeGerman(t)
	opts.Translations = words
	_, docs, ds := compiler.Compile(fsys, "data", &opts)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	for _, d := range docs {
		if d.ID != "eu" {
			continue
		}
		en, de := string(render.Markdown(d, nil)), string(render.Markdown(d.Translations[0], nil))
		if !strings.Contains(en, "For people in Switzerland, FADP Art. 20") {
			t.Fatal("the sample has no Swiss exemption")
		}
		if !strings.Contains(de, "DE For people in Switzerland, FADP Art. 20") {
			t.Error("the German notice lost the Swiss exemption: it was looked for in the translation")
		}
	}
}
