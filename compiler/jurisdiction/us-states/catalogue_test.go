package usstates_test

import (
	"path"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	usstates "github.com/disclose-dev/disclose/compiler/jurisdiction/us-states"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// fakeGerman is the pack's catalogue with a German translation of every
// message, the pack's and the shared wording's: "DE " before the English.
func fakeGerman(t *testing.T) *locale.Catalogue {
	t.Helper()
	cats, ds := compiler.Catalogues()
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	var files []*locale.File
	for _, f := range cats[usstates.ID].Files() {
		if f.Language != "en" {
			continue
		}
		files = append(files, f)
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
		files = append(files, de)
	}
	cat, ds := locale.New(usstates.ID, files...)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return cat
}

// Every heading, caption, column header, label and sentence the notice
// writes itself comes from its catalogue: compiled in a German whose every
// message starts "DE ", none of them is left in English.
func TestEveryWordFromTheCatalogue(t *testing.T) {
	for _, day := range []model.Date{"2026-11-23", "2027-01-04"} {
		t.Run(string(day), func(t *testing.T) {
			opts := &compiler.Options{Date: day}
			p, ds := compiler.Check(disclose.Sample, "data", opts)
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			ref, _ := compiler.Reference()
			c := &j.Context{Project: p, Reference: ref, Date: day, LastUpdated: day,
				Notices:  []string{"global", "eu", "california", usstates.ID, "brazil", "subprocessors"},
				Language: language.German, Catalogues: map[string]*locale.Catalogue{usstates.ID: fakeGerman(t)}}
			doc, ds := j.Compile(c, usstates.New())
			if ds.HasErrors() || doc == nil {
				t.Fatal(ds)
			}
			seen := 0
			ours := func(where, s string) {
				t.Helper()
				seen++
				if !strings.HasPrefix(s, "DE ") {
					t.Errorf("%s is not from the catalogue: %q", where, s)
				}
			}
			var walk func(s *notice.Section)
			blocks := func(s *notice.Section, bs []notice.Block) {
				for _, b := range bs {
					switch b := b.(type) {
					case *notice.Paragraph:
						ours(s.ID+": paragraph", string(b.Text))
					case *notice.List:
						for _, it := range b.Items {
							ours(s.ID+": list item", string(it))
						}
					case *notice.Table:
						ours(s.ID+": caption", b.Caption)
						for _, h := range b.Head {
							ours(s.ID+": column header", h)
						}
					case *notice.Aside:
						ours(s.ID+": aside title", b.Title) // its text may be the law's own words (Texas)
					case *notice.KeyPoints:
						for _, kp := range b.Points {
							ours(s.ID+": key point label", kp.Label)
							ours(s.ID+": key point", string(kp.Text))
						}
					case *notice.Actions:
						for _, a := range b.Items {
							ours(s.ID+": action", a.Label)
						}
					}
				}
			}
			walk = func(s *notice.Section) {
				ours(s.ID+": title", s.Title)
				blocks(s, s.Blocks)
				for _, sub := range s.Sections {
					walk(sub)
				}
			}
			// The title is the team's (notices.us-states.title).
			if doc.Summary != nil {
				walk(doc.Summary)
			}
			for _, s := range doc.Sections {
				walk(s)
			}
			if seen < 100 {
				t.Errorf("only %d words of the notice's own read", seen)
			}
		})
	}
}
