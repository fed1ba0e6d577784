package compiler

import (
	"fmt"
	"io/fs"
	"slices"
	"unicode"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/translate"
)

// Languages returns the languages each notice is published in besides
// English (notices.ID.languages), by notice id, and the problems with
// them: a code that is not a language disclose writes, one given twice,
// and a list without en (English is the source every other language is
// translated from, so it is always published).
func Languages(p *model.Project) (map[string][]language.Tag, diag.List) {
	var ds diag.List
	out := map[string][]language.Tag{}
	if p == nil {
		return out, nil
	}
	for id, ns := range p.Notices {
		if ns == nil || len(ns.Languages) == 0 {
			continue
		}
		at := model.Field(model.Field("notices", id), "languages")
		seen := map[string]bool{}
		english := false
		for i, code := range ns.Languages {
			path := model.Index(at, i)
			t, err := locale.Parse(code)
			if err != nil {
				ds.Add(p.Source.Pos(path), path, "%s", err)
				continue
			}
			if seen[t.String()] {
				ds.Add(p.Source.Pos(path), path, "language %q is given twice", code)
				continue
			}
			seen[t.String()] = true
			if locale.Is(t, "en") {
				english = true
				continue
			}
			out[id] = append(out[id], t)
		}
		if !english {
			d := ds.Add(p.Source.Pos(at), at, "the %s notice's languages leave out en: English, the language the data is written in, is always published, and every other language is translated from it", id)
			d.Hint = "add en to the list"
		}
	}
	return out, ds
}

// compileTranslations compiles each notice of docs in each of its other
// languages into the notice's Translations: the team's own words from the
// language's translations file (translate.Apply: every text the English
// notice publishes, by its trace, needs a current translation), the
// pack's sentences from its catalogue in that language.
func compileTranslations(p *model.Project, docs []*notice.Document, opts *Options) diag.List {
	if opts == nil {
		opts = &Options{}
	}
	langs, diags := Languages(p)
	if len(langs) == 0 {
		return diags
	}
	files := map[language.Tag]*translate.File{}
	for _, f := range opts.Translations {
		if t, err := locale.Parse(f.Language); err == nil {
			files[t] = f
		}
	}
	packs := map[string]jurisdiction.Jurisdiction{}
	for _, j := range opts.jurisdictions() {
		packs[j.ID()] = j
	}
	// Each language once: its translations applied for every notice
	// published in it (what any of them publishes must be translated), then
	// each of those notices compiled.
	var order []language.Tag
	inLang := map[language.Tag][]*notice.Document{}
	for _, doc := range docs {
		for _, lang := range langs[doc.ID] {
			if packs[doc.ID] == nil {
				continue
			}
			if inLang[lang] == nil {
				order = append(order, lang)
			}
			inLang[lang] = append(inLang[lang], doc)
		}
	}
	cats := opts.Catalogues
	if cats == nil {
		cats, _ = Catalogues()
	}
	for _, lang := range order {
		var ids []string
		for _, doc := range inLang[lang] {
			ids = append(ids, doc.ID)
		}
		diags.Append(undrawable(lang, ids, cats, files[lang])...)
	}
	for _, lang := range order {
		f := files[lang]
		if f == nil {
			f = &translate.File{Path: "data/" + "translations/" + locale.Code(lang) + ".yaml", Language: locale.Code(lang)}
		}
		if opts.Preview && !f.Fallback {
			pf := *f
			pf.Fallback = true
			f = &pf
		}
		res, ds := translate.Apply(p, f, tracedBy(inLang[lang]...))
		diags.Append(ds...)
		o := *opts
		o.Language = lang
		c, _, cds := o.context(res.Project)
		diags.Append(cds...)
		c.InEnglish, c.Original = res.English, p
		for _, doc := range inLang[lang] {
			tdoc, more := jurisdiction.Compile(c, packs[doc.ID])
			diags.Append(more...)
			if tdoc != nil {
				doc.Translations = append(doc.Translations, tdoc)
			}
		}
	}
	return diags
}

// undrawable reports the characters of a language's catalogue messages
// (of the packs ids) and of its translations file f (may be nil) that the
// PDF fonts cannot draw, at each message or translation: the language's
// notices could not be typeset.
func undrawable(lang language.Tag, ids []string, cats map[string]*locale.Catalogue, f *translate.File) diag.List {
	var ds diag.List
	name := locale.English(lang)
	check := func(pos diag.Pos, path, what string, texts ...string) {
		for _, t := range texts {
			for _, r := range t {
				if !pdf.Drawable(r) && !unicode.IsControl(r) {
					ds.Add(pos, path, "%s has the character %U (%q), which the PDF fonts cannot draw, so the %s notices cannot be typeset", what, r, r, name).Hint = "use another character, or a font that has it"
					return
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, id := range ids {
		cat := cats[id]
		if cat == nil {
			continue
		}
		for _, cf := range cat.Files() {
			if t, err := locale.Parse(cf.Language); err != nil || t != lang || seen[cf.Path] {
				continue
			}
			seen[cf.Path] = true
			for _, m := range cf.Messages {
				check(m.Pos, m.ID, fmt.Sprintf("the %s message %q", name, m.ID), m.Zero, m.One, m.Two, m.Few, m.Many, m.Other)
			}
		}
	}
	if f != nil {
		for _, t := range f.Texts {
			check(t.Pos, t.Key, fmt.Sprintf("the %s translation of %s", name, t.Key), t.Text...)
		}
	}
	return ds
}

// tracedBy reports whether the data path is behind some part of the
// documents: at or under a path of their sections' or key points' traces.
func tracedBy(docs ...*notice.Document) func(path string) bool {
	paths := map[string]bool{}
	for _, doc := range docs {
		// The notice's own settings: its title and introduction.
		paths[model.Field("notices", doc.ID)] = true
		doc.Walk(func(s *notice.Section, _ int) {
			for _, p := range s.Trace.Paths {
				paths[p] = true
			}
			for _, b := range s.Blocks {
				if kp, ok := b.(*notice.KeyPoints); ok {
					for _, pt := range kp.Points {
						for _, p := range pt.Trace.Paths {
							paths[p] = true
						}
					}
				}
			}
		})
	}
	return func(path string) bool {
		for p := path; p != ""; p = model.Parent(p) {
			if paths[p] {
				return true
			}
		}
		return false
	}
}

// TranslationTexts returns the texts of the data the notices published in
// lang must have translated (in data order; names, which may stay as
// written, too), and the language's translations file as it stands (nil
// when there is none), for disclose translate. The data must check
// without errors first.
func TranslationTexts(fsys fs.FS, dir string, opts *Options, lang language.Tag) ([]*translate.Unit, *translate.File, diag.List) {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.Language = locale.Source // the English notices alone
	if o.Translations == nil {
		files, ds := load.Translations(fsys, dir)
		if ds.HasErrors() {
			return nil, nil, ds
		}
		o.Translations = files
	}
	p, docs, diags := Compile(fsys, dir, &o)
	if diags.HasErrors() {
		return nil, nil, diags
	}
	langs, ds := Languages(p)
	diags.Append(ds...)
	var in []*notice.Document
	for _, d := range docs {
		if slices.Contains(langs[d.ID], lang) {
			in = append(in, d)
		}
	}
	need := tracedBy(in...)
	var units []*translate.Unit
	if len(in) > 0 {
		for _, u := range translate.Units(p) {
			if need(u.Path) {
				units = append(units, u)
			}
		}
	}
	var file *translate.File
	for _, f := range o.Translations {
		if t, err := locale.Parse(f.Language); err == nil && t == lang {
			file = f
		}
	}
	return units, file, diags
}
