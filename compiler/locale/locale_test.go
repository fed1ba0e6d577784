package locale_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		lang              string
		date, num, list   string
		or, country, pair string
	}{
		{"en", "1 March 2027", "26,625,000", "a, b and c", "a or b", "United States", "a and b"},
		{"de", "1. März 2027", "26.625.000", "a, b und c", "a oder b", "Vereinigte Staaten", "a und b"},
		{"fr", "1er mars 2027", "26\u202f625\u202f000", "a, b et c", "a ou b", "États-Unis", "a et b"},
	} {
		tag, err := locale.Parse(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		f := locale.FormatOf(tag)
		got := []string{f.Date("2027-03-01"), f.Number(26625000), f.List([]string{"a", "b", "c"}, locale.And),
			f.List([]string{"a", "b"}, locale.Or), f.Country("US"), f.List([]string{"a", "b"}, locale.And)}
		want := []string{tc.date, tc.num, tc.list, tc.or, tc.country, tc.pair}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: got %q, want %q", tc.lang, got[i], want[i])
			}
		}
	}
}

// English dates are the notices' dates as disclose always wrote them
// (model.Date.Long), for every day of a leap year and a common one.
func TestEnglishDatesAsBefore(t *testing.T) {
	f := locale.FormatOf(language.English)
	for _, y := range []string{"2024", "2027"} {
		d0, _ := model.Date(y + "-01-01").Time()
		for i := range 366 {
			d := model.Date(d0.AddDate(0, 0, i).Format("2006-01-02"))
			if got, want := f.Date(d), d.Long(); got != want {
				t.Fatalf("%s: %q, want %q", d, got, want)
			}
		}
	}
	if got := f.Date("2027-02-30"); got != "2027-02-30" {
		t.Errorf("an invalid day is %q", got)
	}
}

// French writes the first of a month as an ordinal, and only it.
func TestFrenchFirstOfTheMonth(t *testing.T) {
	f := locale.FormatOf(language.French)
	for d, want := range map[model.Date]string{"2027-01-01": "1er janvier 2027", "2027-01-11": "11 janvier 2027", "2027-01-21": "21 janvier 2027", "2027-02-10": "10 février 2027"} {
		if got := f.Date(d); got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
}

func TestListSemicolons(t *testing.T) {
	f := locale.FormatOf(language.German)
	if got, want := f.List([]string{"Name, E-Mail", "Rechnungen", "Support"}, locale.And), "Name, E-Mail; Rechnungen und Support"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	fr := locale.FormatOf(language.French)
	if got, want := fr.List([]string{"nom, e-mail", "factures", "support"}, locale.And), "nom, e-mail\u202f; factures\u202f; et support"; got != want {
		t.Errorf("French: got %q, want %q", got, want)
	}
	if got := f.List(nil, locale.And); got != "" {
		t.Errorf("empty list %q", got)
	}
}

func TestParse(t *testing.T) {
	for _, bad := range []string{"", "xx-!!", "ja", "und"} {
		if _, err := locale.Parse(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if tag, err := locale.Parse("fr-CH"); err != nil || tag.String() != "fr-CH" {
		t.Errorf("fr-CH: %v %v", tag, err)
	}
	if got := locale.Name(language.German); got != "Deutsch" {
		t.Errorf("Name(de) = %q", got)
	}
}

func en(msgs ...*locale.Message) *locale.File {
	return &locale.File{Path: "global/messages/en.yaml", Language: "en", Pos: diag.Pos{File: "global/messages/en.yaml", Line: 1}, Messages: msgs}
}

func tr(lang string, msgs ...*locale.Message) *locale.File {
	p := "global/messages/" + lang + ".yaml"
	return &locale.File{Path: p, Language: lang, Pos: diag.Pos{File: p, Line: 1}, Messages: msgs}
}

func at(line int) diag.Pos { return diag.Pos{File: "x.yaml", Line: line, Col: 3} }

var (
	we    = &locale.Message{Pos: at(2), ID: "about.we", Other: `In this policy, "{{.Org}}" means {{.Entities}}.`}
	count = &locale.Message{Pos: at(3), ID: "processors", One: "{{.Count}} processor", Other: "{{.Count}} processors"}
)

func translated(m *locale.Message, lang, other string, forms ...string) *locale.Message {
	t := &locale.Message{Pos: at(10), ID: m.ID, Hash: locale.Hash(m.Source()), Other: other}
	if len(forms) > 0 {
		t.One = forms[0]
	}
	if len(forms) > 1 {
		t.Many = forms[1]
	}
	return t
}

func TestPrinter(t *testing.T) {
	cat, ds := locale.New("global", en(we, count),
		tr("de", translated(we, "de", `In dieser Erklärung bezeichnet „{{.Org}}“ {{.Entities}}.`), translated(count, "de", "{{.Count}} Auftragsverarbeiter", "ein Auftragsverarbeiter")),
		tr("fr", translated(count, "fr", "{{.Count}} sous-traitants", "{{.Count}} sous-traitant", "{{.Count}} de sous-traitants")))
	if len(ds) > 0 {
		t.Fatalf("catalogue: %v", ds)
	}
	data := locale.Data{"Org": "Helpwise", "Entities": "Helpwise Ltd"}
	p := cat.Printer(language.English)
	if got, want := p.T("about.we", data), `In this policy, "Helpwise" means Helpwise Ltd.`; got != want {
		t.Errorf("en: %q", got)
	}
	if got := p.N("processors", 1, nil) + "; " + p.N("processors", 1200, nil); got != "1 processor; 1,200 processors" {
		t.Errorf("en plural: %q", got)
	}
	de := cat.Printer(language.German)
	if got, want := de.T("about.we", data), "In dieser Erklärung bezeichnet „Helpwise“ Helpwise Ltd."; got != want {
		t.Errorf("de: %q", got)
	}
	if got := de.N("processors", 1, nil) + "; " + de.N("processors", 2, nil); got != "ein Auftragsverarbeiter; 2 Auftragsverarbeiter" {
		t.Errorf("de plural: %q", got)
	}
	fr := cat.Printer(language.French)
	// French: 0 and 1 take "one" (CLDR), a million "many".
	if got := fr.N("processors", 0, nil) + "; " + fr.N("processors", 2, nil) + "; " + fr.N("processors", 1000000, nil); got != "0 sous-traitant; 2 sous-traitants; 1\u202f000\u202f000 de sous-traitants" {
		t.Errorf("fr plural: %q", got)
	}
	// The French catalogue lacks about.we: nothing is written, and the
	// problem names the message, once.
	if got := fr.T("about.we", data) + fr.T("about.we", data); got != "" {
		t.Errorf("a missing translation wrote %q", got)
	}
	probs := fr.Problems()
	if len(probs) != 1 || !strings.Contains(probs[0].Message, `message "about.we" of the global pack has no French translation: global/messages/fr.yaml does not have it`) || probs[0].Pos.File != "global/messages/fr.yaml" {
		t.Errorf("problems: %v", probs)
	}
	// A language with no catalogue at all is never written as English.
	it := cat.Printer(language.Italian)
	if got := it.T("about.we", data); got != "" {
		t.Errorf("it wrote %q", got)
	}
	// A message the code writes that the English catalogue lacks.
	if got := p.T("nowhere", nil); got != "" || len(p.Problems()) != 1 || !strings.Contains(p.Problems()[0].Message, `writes message "nowhere", which its English catalogue does not have`) {
		t.Errorf("unknown id: %q %v", got, p.Problems())
	}
	// A placeholder the data does not give is an error, not "<no value>".
	q := cat.Printer(language.English)
	if got := q.T("about.we", locale.Data{"Org": "x"}); got != "" || len(q.Problems()) != 1 {
		t.Errorf("missing data: %q %v", got, q.Problems())
	}
}

func TestStaleTranslation(t *testing.T) {
	old := &locale.Message{ID: "about.we", Other: `In this policy, "{{.Org}}" means us, {{.Entities}}.`}
	stale := translated(old, "de", `In dieser Erklärung bezeichnet „{{.Org}}“ {{.Entities}}.`)
	cat, ds := locale.New("global", en(we), tr("de", stale))
	if len(ds) != 1 || ds[0].Pos != stale.Pos || !strings.Contains(ds[0].Message, `the German translation of message "about.we" is stale`) ||
		!strings.Contains(ds[0].Hint, "hash: "+locale.Hash(we.Source())) {
		t.Fatalf("diagnostics: %v", ds)
	}
	p := cat.Printer(language.German)
	if got := p.T("about.we", locale.Data{"Org": "a", "Entities": "b"}); got != "" {
		t.Errorf("a stale translation was written: %q", got)
	}
	if probs := p.Problems(); len(probs) != 1 || !strings.Contains(probs[0].Message, "is stale, so it is not published") {
		t.Errorf("problems: %v", probs)
	}
}

func TestCatalogueProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []*locale.File
		want  string
	}{
		{"no English", []*locale.File{tr("de")}, "has no English catalogue"},
		{"unknown language", []*locale.File{en(we), tr("xx-!!")}, "is not a language code"},
		{"unsupported language", []*locale.File{en(we), tr("ja")}, "disclose has no formats for the language \"ja\""},
		{"twice", []*locale.File{en(we, &locale.Message{Pos: at(9), ID: "about.we", Other: "x"})}, `message "about.we" is given twice`},
		{"no text", []*locale.File{en(&locale.Message{ID: "x"})}, `message "x" has no text`},
		{"bad template", []*locale.File{en(&locale.Message{ID: "x", Other: "{{.Org"})}, `message "x" (other): the template does not parse`},
		{"not in English", []*locale.File{en(we), tr("de", &locale.Message{ID: "gone", Other: "weg"})}, `message "gone" is not in the English catalogue`},
		{"invented placeholder", []*locale.File{en(we), tr("de", translated(we, "de", "{{.Org}} {{.Entities}} {{.Land}}"))}, "uses {{.Land}}, which the English does not give"},
		{"dropped placeholder", []*locale.File{en(we), tr("de", translated(we, "de", "{{.Org}}"))}, "leaves out {{.Entities}}"},
		{"plural form missing", []*locale.File{en(count), tr("de", translated(count, "de", "{{.Count}} Auftragsverarbeiter"))}, "lacks the plural forms one, which German uses"},
		{"French many", []*locale.File{en(count), tr("fr", translated(count, "fr", "{{.Count}} sous-traitants", "{{.Count}} sous-traitant"))}, "lacks the plural forms many"},
		{"English plural", []*locale.File{en(&locale.Message{ID: "n", Zero: "none", Other: "{{.Count}}"})}, "lacks the plural forms one, which English uses"},
		{"two German files", []*locale.File{en(we), tr("de"), tr("de")}, "a second German catalogue"},
	} {
		_, ds := locale.New("global", tc.files...)
		if !strings.Contains(ds.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, ds, tc.want)
		}
	}
}

func TestHashCoversEveryForm(t *testing.T) {
	a := &locale.Message{ID: "x", One: "a", Other: "b"}
	for _, b := range []*locale.Message{{ID: "x", Other: "b"}, {ID: "x", One: "a", Other: "c"}, {ID: "x", Few: "a", Other: "b"}, {ID: "x", One: "ab", Other: ""}} {
		if locale.Hash(a.Source()) == locale.Hash(b.Source()) {
			t.Errorf("%+v and %+v hash the same", a, b)
		}
	}
	if locale.Hash(a.Source()) != locale.Hash((&locale.Message{ID: "y", Description: "d", One: "a", Other: "b"}).Source()) {
		t.Error("the id or description changed the hash")
	}
}

// A pack's catalogue is made of its own folder's files and the shared
// wording's; a translation belongs beside its English.
func TestFolders(t *testing.T) {
	shared := &locale.Message{Pos: at(4), ID: "shared.and", Other: "and"}
	files := []*locale.File{
		en(we),
		{Path: "jurisdiction/messages/en.yaml", Language: "en", Messages: []*locale.Message{shared}},
		{Path: "jurisdiction/messages/de.yaml", Language: "de", Messages: []*locale.Message{translated(shared, "de", "und")}},
		tr("de", translated(we, "de", "{{.Org}}: {{.Entities}}")),
	}
	cat, ds := locale.New("global", files...)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	p := cat.Printer(language.German)
	if got := p.T("shared.and", nil) + " " + p.T("about.we", locale.Data{"Org": "A", "Entities": "B"}); got != "und A: B" {
		t.Errorf("got %q", got)
	}
	fr := cat.Printer(language.French)
	fr.T("shared.and", nil)
	if probs := fr.Problems(); len(probs) != 1 || !strings.Contains(probs[0].Message, "jurisdiction/messages has no French catalogue") {
		t.Errorf("problems %v", probs)
	}
	// The shared message translated in the pack's folder, and given twice.
	_, ds = locale.New("global", en(we), files[1], tr("de", translated(shared, "de", "und")))
	if len(ds) != 1 || ds[0].Hint != "move it to jurisdiction/messages/de.yaml, beside its English" {
		t.Errorf("misplaced: %v", ds)
	}
	_, ds = locale.New("global", en(we, &locale.Message{Pos: at(8), ID: "shared.and", Other: "&"}), files[1])
	if !strings.Contains(ds.Error(), `message "shared.and" is given twice, here and in`) {
		t.Errorf("twice: %v", ds)
	}
}

// Every country the data may name has a name in every language's CLDR
// file, so no notice writes a bare code.
func TestEveryCountryNamed(t *testing.T) {
	for _, lang := range []language.Tag{language.German, language.French} {
		f := locale.FormatOf(lang)
		for _, code := range model.CountryCodes() {
			if got := f.Country(code); got == code || got == "" {
				t.Errorf("%s: no name for %s", lang, code)
			}
		}
	}
}

// English lists are written exactly as notice.Series writes them, for
// lists of every length, with and without commas and the conjunction in
// the items.
func TestEnglishListsAsSeries(t *testing.T) {
	f := locale.FormatOf(language.English)
	words := []string{"names", "email, phone", "billing and payment", "a", "support or sales", "x,y"}
	for n := 0; n <= len(words); n++ {
		for start := range words {
			var items []string
			var texts []notice.Text
			for i := range n {
				w := words[(start+i)%len(words)]
				items = append(items, w)
				texts = append(texts, notice.Text(w))
			}
			for _, c := range []struct {
				conj locale.Conj
				word string
			}{{locale.And, "and"}, {locale.Or, "or"}} {
				if got, want := f.List(items, c.conj), string(notice.Series(texts, c.word)); got != want {
					t.Errorf("%q %s: %q, want %q", items, c.word, got, want)
				}
			}
		}
	}
}

// A printer of a regional language writes from its language's catalogue,
// as go-i18n matches ("fr-CH" from fr.yaml).
func TestPrinterRegionalLanguage(t *testing.T) {
	cat, ds := locale.New("global", en(count), tr("fr", translated(count, "fr", "{{.Count}} sous-traitants", "{{.Count}} sous-traitant", "{{.Count}} de sous-traitants")))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	ch := cat.Printer(language.MustParse("fr-CH"))
	if got := ch.N("processors", 2, nil); got != "2 sous-traitants" || len(ch.Problems()) > 0 {
		t.Errorf("fr-CH: %q %v", got, ch.Problems())
	}
	us := cat.Printer(language.MustParse("en-US"))
	if got := us.T("nowhere", nil); got != "" || len(us.Problems()) != 1 {
		t.Errorf("en-US: %q %v", got, us.Problems())
	}
}
