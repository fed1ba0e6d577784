// Package sampletest gives tests the sample company's data in English only.
//
// The sample publishes its global policy and European supplement in German
// and French too, and every German or French text records the English it
// was made from. A test that edits the sample's English to provoke a rule
// would also make those translations stale, which check rightly reports:
// such a test reads the English-only sample instead, so it sees only the
// problem it made.
package sampletest

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
)

// languagesLine matches a notice's languages setting in data/notices.yaml.
var languagesLine = regexp.MustCompile(`(?m)^    languages: \[[^\]\n]*\]\n`)

// EnglishNotices returns a notices file's source with every notice's
// languages setting removed, so each notice is English only.
func EnglishNotices(src []byte) []byte {
	return languagesLine.ReplaceAll(src, nil)
}

// IsTranslation reports whether a path (data/translations/de.yaml) is in a
// data folder's translations.
func IsTranslation(p string) bool {
	return path.Base(path.Dir(p)) == "translations"
}

// English returns the sample's files (data/...) with its notices English
// only and without the team's translations.
func English() fstest.MapFS {
	out := fstest.MapFS{}
	err := fs.WalkDir(disclose.Sample, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || IsTranslation(p) {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		if err != nil {
			return err
		}
		if p == "data/notices.yaml" {
			b = EnglishNotices(b)
		}
		out[p] = &fstest.MapFile{Data: bytes.Clone(b)}
		return nil
	})
	if err != nil {
		panic(err) // the sample is embedded: cannot happen
	}
	return out
}
