package locale

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/en_GB"
	"github.com/go-playground/locales/fr"
	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Format writes dates, numbers, lists and country names in one language,
// from CLDR data: dates and numbers from github.com/go-playground/locales
// (generated from CLDR), country names and list patterns from CLDR's own
// data (cldr/*.json, made by scripts/cldr.sh from the Unicode
// Consortium's cldr-json packages). English is written as British English
// (the notices' English: "4 January 2027", "a, b and c").
type Format struct {
	tag  language.Tag
	cldr locales.Translator
	data *cldrData
}

// cldrData is one language's file in cldr/.
type cldrData struct {
	Source      string            `json:"source"`
	Territories map[string]string `json:"territories"`
	Lists       map[string]struct {
		Two    string `json:"2"`
		Start  string `json:"start"`
		Middle string `json:"middle"`
		End    string `json:"end"`
	} `json:"lists"`
}

//go:embed cldr/*.json
var cldrFS embed.FS

// cldrFile are the languages' CLDR files, parsed once.
var cldrFile = sync.OnceValue(func() map[string]*cldrData {
	out := map[string]*cldrData{}
	entries, _ := fs.ReadDir(cldrFS, "cldr")
	for _, e := range entries {
		b, err := cldrFS.ReadFile("cldr/" + e.Name())
		if err != nil {
			panic(err) // embedded: cannot fail
		}
		var d cldrData
		if err := json.Unmarshal(b, &d); err != nil {
			panic(fmt.Sprintf("%s: %v", e.Name(), err)) // embedded: a test reads every file
		}
		out[strings.TrimSuffix(e.Name(), ".json")] = &d
	}
	return out
})

// formats are the languages disclose writes, by base language: the CLDR
// translator of dates and numbers and the name of the file in cldr/.
var formats = map[string]struct {
	cldr func() locales.Translator
	file string
}{
	"en": {en_GB.New, "en-GB"},
	"de": {de.New, "de"},
	"fr": {fr.New, "fr"},
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
	if f, ok := formatCache.Load(t); ok {
		return f.(*Format)
	}
	b, ok := formatsOf(t)
	if !ok {
		b, t = "en", Source
	}
	f := formats[b]
	fm := &Format{tag: t, cldr: f.cldr(), data: cldrFile()[f.file]}
	formatCache.Store(t, fm)
	return fm
}

// formatCache holds each language's Format, made once per process (a
// Format is read-only): language.Tag -> *Format.
var formatCache sync.Map

// Tag is the language written.
func (f *Format) Tag() language.Tag { return f.tag }

// Date writes a day the long way: "4 January 2027", "4. Januar 2027",
// "4 janvier 2027". A day that is not valid is written as it is.
func (f *Format) Date(d model.Date) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	long := f.cldr.FmtDateLong(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
	if Is(f.tag, "fr") && t.Day() == 1 {
		// French writes the first of a month as an ordinal, "1er janvier"
		// (CLDR's pattern writes "1 janvier").
		long = strings.Replace(long, "1", "1er", 1)
	}
	return long
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

// List joins items as the language writes a list, by CLDR's list
// patterns: "a", "a and b", "a, b and c" ("a, b und c", "a, b et c"). In
// a list of three or more whose items hold a comma or the conjunction
// themselves, the items are separated by semicolons, so the list still
// reads as a list: "a; b, c; and d" (German: "a; b, c und d").
func (f *Format) List(items []string, c Conj) string {
	kind := "and"
	if c == Or {
		kind = "or"
	}
	p := f.data.Lists[kind]
	between := func(pattern string) string {
		_, rest, _ := strings.Cut(pattern, "{0}")
		sep, _, _ := strings.Cut(rest, "{1}")
		return sep
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + between(p.Two) + items[1]
	}
	first, sep, last := between(p.Start), between(p.Middle), between(p.End)
	conj := strings.TrimSpace(strings.Trim(last, ","))
	for _, it := range items {
		if strings.Contains(it, ", ") || strings.Contains(it, " "+conj+" ") {
			// French sets a narrow no-break space before a semicolon.
			semi := "; "
			if Is(f.tag, "fr") {
				semi = "\u202f; "
			}
			first, sep, last = semi, semi, semi+strings.TrimLeft(last, ", ")
			if Is(f.tag, "de") {
				// German joins the last item with the conjunction alone:
				// "a, b; c und d".
				last = " " + strings.TrimLeft(last, "; ")
			}
			break
		}
	}
	var b strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == 1:
			b.WriteString(first)
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
	if Is(f.tag, "en") {
		return model.CountryName(code)
	}
	if n, ok := f.data.Territories[code]; ok {
		return n
	}
	return code
}
