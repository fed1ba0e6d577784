package load

import (
	"io/fs"
	"path"
	"sort"

	"github.com/disclose-dev/disclose/compiler/diag"
	tr "github.com/disclose-dev/disclose/compiler/translate"
)

// TranslationsDir is the folder of the data folder that holds the
// translations of the team's own words, one file per language
// (data/translations/de.yaml). Load does not read it as data.
const TranslationsDir = "translations"

// translationFile is a translations file as it is written:
//
//	language: de
//	texts:
//	  purposes[support].description:
//	    source: 5c1f0e9a2b7d4c3e8f6a1b2c
//	    text: Wir beantworten Ihre Anfragen.
//	  categories[contact].examples:
//	    source: 0e9a2b7d4c3e8f6a1b2c5c1f
//	    items: [Name, E-Mail-Adresse]
type translationFile struct {
	// Language translated into, a BCP 47 code ("de", "fr").
	Language string `yaml:"language" validate:"required"`
	// Whether a text with no current translation may be shown in English,
	// marked as English, instead of holding the notice back.
	Fallback bool `yaml:"fallback"`
	// The translations, by the key of the text they translate.
	Texts map[string]*translationEntry `yaml:"texts" validate:"dive"`
}

type translationEntry struct {
	Pos diag.Pos `yaml:"-"`
	// Hash of the English text translated (disclose translate writes it).
	Source string `yaml:"source" validate:"required"`
	// The translation of a text.
	Text string `yaml:"text" validate:"required_without=Items,excluded_with=Items"`
	// The translation of a list, item by item.
	Items []string `yaml:"items" validate:"required_without=Text,dive,required"`
	// Not translated yet: the text is still the English (disclose
	// translate writes it so); remove it with the translation made.
	Todo bool `yaml:"todo"`
}

// Translations reads the translations of the team's own words: every .yaml
// file in data/translations (dir is the data folder), strictly and with
// positions, as Load reads data. The files come in name order, their
// texts in file order.
func Translations(fsys fs.FS, dir string) ([]*tr.File, diag.List) {
	var files []*tr.File
	ds := eachFile(fsys, path.Join(dir, TranslationsDir), "translations", true, func(name string, tf *translationFile) {
		f := &tr.File{Path: name, Pos: diag.Pos{File: name, Line: 1, Col: 1}, Language: tf.Language, Fallback: tf.Fallback}
		for key, e := range tf.Texts {
			t := &tr.Text{Pos: e.Pos, Key: key, Source: e.Source, Text: []string{e.Text}, Todo: e.Todo}
			if e.Items != nil {
				t.Text, t.List = e.Items, true
			}
			f.Texts = append(f.Texts, t)
		}
		sort.Slice(f.Texts, func(i, j int) bool { return f.Texts[i].Pos.Compare(f.Texts[j].Pos) < 0 })
		files = append(files, f)
	})
	ds.Sort()
	return files, ds
}
