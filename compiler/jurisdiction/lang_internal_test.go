package jurisdiction

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// The shared wording in another language: country names without an
// article, sorted by the language's collation, names keeping their capital
// in German, and periods by count and unit; English as it always was.
func TestSharedWordingInOtherLanguages(t *testing.T) {
	en := &Context{}
	de := &Context{Language: language.German}
	fr := &Context{Language: language.French}
	if got := CountryPhrase(en, "US"); got != "the United States" {
		t.Errorf("CountryPhrase(en, US) = %q", got)
	}
	if got := CountryPhrase(de, "US"); got != "Vereinigte Staaten" {
		t.Errorf("CountryPhrase(de, US) = %q", got)
	}
	if got := CountryInEnglish("GB"); got != "the United Kingdom" {
		t.Errorf("CountryInEnglish(GB) = %q", got)
	}
	codes := []string{"US", "AT", "OM", "DE"}
	SortCountries(de, codes)
	if want := []string{"DE", "OM", "AT", "US"}; !slices.Equal(codes, want) {
		t.Errorf("SortCountries(de) = %v, want %v (Österreich beside Oman)", codes, want)
	}
	SortCountries(en, codes)
	if want := []string{"AT", "DE", "OM", "US"}; !slices.Equal(codes, want) {
		t.Errorf("SortCountries(en) = %v, want %v", codes, want)
	}
	a := &model.Address{Street: []string{"1 Rue de la Paix"}, City: "Paris", PostalCode: "75002", Country: "FR"}
	if got := Address(fr, a); got != "1 Rue de la Paix, Paris 75002, France" {
		t.Errorf("Address(fr) = %q", got)
	}
	a.Country = "US"
	if got := Address(fr, a); got != "1 Rue de la Paix, Paris 75002, États-Unis" {
		t.Errorf("Address(fr, US) = %q", got)
	}
	p := &model.Project{}
	for _, tc := range []struct {
		c    *Context
		want string
	}{{&Context{Project: p}, "service providers"}, {&Context{Project: p, Language: language.French}, "service providers"},
		{&Context{Project: p, Language: language.German}, "Service providers"}} {
		if got := LowerFirstIn(tc.c, "Service providers"); got != tc.want {
			t.Errorf("LowerFirstIn(%v) = %q, want %q", tc.c.lang(), got, tc.want)
		}
	}
	if got := Period(en, "1000 days"); got != "1000 days" {
		t.Errorf("Period(en) = %q: English keeps the data's words", got)
	}

	// Periods in German, from the German file of the shared messages.
	files, ds := load.Messages(sharedMessages, "messages", "compiler/jurisdiction/messages")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	cat, ds := locale.New("core", files...)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	de.printer = cat.Printer(language.German)
	for in, want := range map[model.Period]notice.Text{"1 year": "1\u00a0Jahr", "24 months": "24\u00a0Monate", "1200 months": "1.200\u00a0Monate"} {
		if got := Period(de, in); got != want {
			t.Errorf("Period(de, %q) = %q, want %q", in, got, want)
		}
	}
	if ps := de.printer.Problems(); len(ps) > 0 {
		t.Error(ps)
	}
}
