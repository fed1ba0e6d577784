// Package locale is what disclose knows of languages: the languages a
// notice can be published in, each rule pack's message catalogue (the
// sentences it writes, in English and in its translations) and the
// formats of dates, numbers, lists and country names in each language,
// from CLDR data.
//
// A pack writes every sentence through a Printer: P.T("about.we", data)
// looks the message up in the pack's catalogue in the printer's language
// and fills in its placeholders; P.N picks the plural form CLDR's rules
// give the count. English is the source language: its catalogue file holds
// the text every translation is made from, and a translation records the
// hash of the English text it was made from (Hash), so a translation
// whose English changed since is stale and is never printed.
//
// Message templates are Go text/template strings ("{{.Org}}"), executed by
// github.com/nicksnyder/go-i18n (which knows CLDR's plural rules); the
// values passed are inline Markdown (notice.Text), written as they are.
package locale

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Source is the language the packs and the data are written in, and every
// translation is made from.
var Source = language.English

// Parse reads a language code as the data writes it ("de", "fr-CH") into
// a tag, and refuses one disclose has no formats for (Supported).
func Parse(code string) (language.Tag, error) {
	t, err := language.Parse(code)
	if err != nil || t == language.Und {
		return language.Und, fmt.Errorf("%q is not a language code (write a BCP 47 code such as \"de\" or \"fr\")", code)
	}
	if _, ok := formatsOf(t); !ok {
		return language.Und, fmt.Errorf("disclose has no formats for the language %q (it writes %s)", code, strings.Join(supportedCodes(), ", "))
	}
	return t, nil
}

// Supported lists the languages disclose can format, as codes.
func Supported() []string { return supportedCodes() }

// Name is the language's name in the language itself ("Deutsch",
// "français", "English"), as a language switch shows it.
func Name(t language.Tag) string { return display.Self.Name(t) }

// NameIn is the language's name in another language ("German" in English).
func NameIn(t, in language.Tag) string { return display.Languages(in).Name(t) }

// Code is the tag as the site and the data write it ("de").
func Code(t language.Tag) string { return t.String() }

// Hash identifies a source text a translation was made from: the first
// twelve bytes of its SHA-256, in hex. A translation keeps the hash of the
// English it translates; when the English changes, the hashes differ and
// the translation is stale.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:12])
}

// English names a language in English for messages ("German").
func English(t language.Tag) string { return NameIn(t, language.English) }

// Is reports whether t is of the language base ("en", "de", "fr"),
// whatever its region: "fr-CH" is "fr".
func Is(t language.Tag, base string) bool {
	b, _ := t.Base()
	return b.String() == base
}
