package locale

import (
	"sort"
	"strings"
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/fr"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Format writes dates, numbers, lists and country names in one language,
// from CLDR data: dates and numbers from github.com/go-playground/locales
// (generated from CLDR), country names from golang.org/x/text's display
// tables (CLDR), lists from CLDR's list patterns (listPatterns below).
// English is written as British English (the notices' English: "4
// January 2027", "a, b and c").
type Format struct {
	tag   language.Tag
	cldr  locales.Translator
	list  listPattern
	names display.Namer
}

// listPattern is CLDR's "standard" (and) and "or" list patterns of a
// language, reduced to the words between items: CLDR writes two-item and
// last-pair patterns "{0} and {1}" and middle ones "{0}, {1}", so the
// separators are ", " and " and ". Source: CLDR 46 cldr-misc-full
// listPatterns.json (en-GB, de, fr): en-GB standard "{0} and {1}", or
// "{0} or {1}"; de standard "{0} und {1}", or "{0} oder {1}"; fr standard
// "{0} et {1}", or "{0} ou {1}"; every middle pattern "{0}, {1}".
type listPattern struct{ and, or string }

// formats are the languages disclose writes, by base language.
var formats = map[string]struct {
	cldr func() locales.Translator
	list listPattern
}{
	"en": {en_GB.New, listPattern{and: "and", or: "or"}},
	"de": {de.New, listPattern{and: "und", or: "oder"}},
	"fr": {fr.New, listPattern{and: "et", or: "ou"}},
}

func formatsOf(t language.Tag) (string, bool) {
	b, _ := t.Base()
	_, ok := formats[b.String()]
	return b.String(), ok
}

func supportedCodes() []string {
	var out []string
	for c := range formats {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// FormatOf returns the formats of a language Parse accepted; a language
// disclose has no formats for is written as English.
func FormatOf(t language.Tag) *Format {
	b, ok := formatsOf(t)
	if !ok {
		b, t = "en", Source
	}
	f := formats[b]
	return &Format{tag: t, cldr: f.cldr(), list: f.list, names: display.Regions(t)}
}

// Tag is the language written.
func (f *Format) Tag() language.Tag { return f.tag }

// Date writes a day the long way: "4 January 2027", "4. Januar 2027",
// "4 janvier 2027". A day that is not valid is written as it is.
func (f *Format) Date(d model.Date) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return f.cldr.FmtDateLong(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// Number writes a whole number with the language's grouping: "26,625,000",
// "26.625.000", "26 625 000" (a narrow no-break space in French).
func (f *Format) Number(n int64) string { return f.cldr.FmtNumber(float64(n), 0) }

// Conj is the word a list ends with.
type Conj int

const (
	And Conj = iota
	Or
)

// List joins items as the language writes a list: "a", "a and b", "a, b
// and c" ("a, b und c", "a, b et c"). In a list of three or more whose
// items hold commas or the conjunction themselves, the items are separated
// by semicolons, so the list still reads as a list: "a; b, c; and d".
func (f *Format) List(items []string, c Conj) string {
	conj := f.list.and
	if c == Or {
		conj = f.list.or
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	sep, last := ", ", " "+conj+" "
	for _, it := range items {
		if len(items) > 2 && (strings.Contains(it, ", ") || strings.Contains(it, " "+conj+" ")) {
			sep, last = "; ", "; "+conj+" "
			break
		}
	}
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(last)
		default:
			b.WriteString(sep)
		}
		b.WriteString(it)
	}
	return b.String()
}

// Country names a country or territory by its ISO 3166-1 alpha-2 code:
// in English by disclose's own list (model.CountryName: "United States",
// "South Korea"), in another language by CLDR ("Vereinigte Staaten",
// "États-Unis"). A code neither knows is written as it is.
func (f *Format) Country(code string) string {
	if b, _ := f.tag.Base(); b.String() == "en" {
		return model.CountryName(code)
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if n := f.names.Name(r); n != "" {
		return n
	}
	return code
}
