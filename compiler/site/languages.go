package site

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	"golang.org/x/text/language"
)

// A notice in another language is published beside the English: every
// page of /ID/ at /LANG/ID/ (the version in force, each version, the
// archive, the changes and redlines, the draft, the PDFs and the feed),
// made from the Translations of the English pages' documents. The site
// derives these notices itself (languages), so an Input holds only the
// English notices and an English-only site is exactly what it was.

// dir is the notice's folder under the site root: ID, or LANG/ID.
func (n *Notice) dir() string {
	if n.lang == "" {
		return n.ID
	}
	return n.lang + "/" + n.ID
}

// depth is how many folders below the site root the notice's page sits.
func (n *Notice) depth() int {
	if n.lang == "" {
		return 1
	}
	return 2
}

// file is the start of the notice's file names (its PDFs): ID, or
// ID-LANG, so a reader's downloads of two languages do not clash.
func (n *Notice) file() string {
	if n.lang == "" {
		return n.ID
	}
	return n.ID + "-" + n.lang
}

// prepare derives, once per Input, each notice's other languages from its
// documents' Translations, with their redlines, and what the language
// switch of every page needs. It is called by every entry point before
// anything reads in.langs, and mutates nothing it was given.
func (in *Input) prepare() {
	if in.langs != nil {
		return
	}
	in.langs = map[*Notice][]*Notice{}
	var all []*Notice
	for _, n := range in.Notices {
		for _, code := range languagesOf(n) {
			if ln := translated(n, code); ln != nil {
				in.langs[n] = append(in.langs[n], ln)
				all = append(all, ln)
			}
		}
	}
	// The redlines of the other languages, each between two versions of
	// the same language, on every core.
	var pages []*Page
	for _, ln := range all {
		for _, v := range ln.Versions {
			if v.Previous != nil {
				pages = append(pages, v)
			}
		}
	}
	// Frozen texts never change: with a cache, each comparison is made
	// once, kept by the two texts' JSON forms.
	kept := history{dir: in.history}
	_ = parallel(len(pages), func(i int) error {
		pg := pages[i]
		key := ""
		if kept.usable() {
			a, errA := json.Marshal(pg.Previous.Doc)
			b, errB := json.Marshal(pg.Doc)
			if errA == nil && errB == nil {
				key = kept.textKey(a, b)
				if c, ok := kept.getKey(key); ok {
					pg.Redline, pg.blocks = c.Redline, c.Blocks
					return nil
				}
			}
		}
		pg.Redline = diff.Redline(render.Plain(pg.Previous.Doc), render.Plain(pg.Doc))
		pg.layout()
		if key != "" {
			kept.putKey(key, &comparison{Redline: pg.Redline, Blocks: pg.blocks})
		}
		return nil
	})
}

// published is every notice the site publishes: the English ones in their
// order, then each one's other languages.
func (in *Input) published() []*Notice {
	in.prepare()
	out := slices.Clone(in.Notices)
	for _, n := range in.Notices {
		out = append(out, in.langs[n]...)
	}
	return out
}

// languagesOf lists the languages besides English any page of n has a
// translation in, sorted.
func languagesOf(n *Notice) []string {
	var out []string
	for _, pg := range append([]*Page{n.Current, n.Upcoming, n.Draft}, n.Versions...) {
		if pg == nil {
			continue
		}
		for _, t := range pg.Doc.Translations {
			if t.Language != "" && t.Language != "en" && !slices.Contains(out, t.Language) {
				out = append(out, t.Language)
			}
		}
	}
	slices.Sort(out)
	return out
}

// translated is notice n in the language code: a page for each of n's
// pages that has a translation in it, each version compared with the
// version before it that has one. nil when no page has one the site can
// show.
func translated(n *Notice, code string) *Notice {
	pages := map[*Page]*Page{}
	conv := func(pg *Page) *Page {
		if pg == nil {
			return nil
		}
		if p, ok := pages[pg]; ok {
			return p
		}
		var doc *notice.Document
		for _, t := range pg.Doc.Translations {
			if t.Language == code {
				doc = t
				break
			}
		}
		if doc == nil {
			pages[pg] = nil
			return nil
		}
		if pg.Released != "" && doc.LastUpdated != pg.Released {
			d := *doc // as ReadHistory does for the English
			d.LastUpdated = pg.Released
			doc = &d
		}
		p := &Page{Doc: doc, Version: pg.Version, Released: pg.Released, Summary: pg.Summary, Until: pg.Until}
		pages[pg] = p
		return p
	}
	ln := &Notice{ID: n.ID, lang: code, Pending: n.Pending, Preview: n.Preview}
	prev := -1
	for i, v := range n.Versions {
		p := conv(v)
		if p == nil {
			continue
		}
		if prev >= 0 {
			p.Previous = ln.Versions[len(ln.Versions)-1]
			// The changes since the version before in this language: the
			// English versions' between, in order.
			var cs []change.Change
			for _, w := range n.Versions[prev+1 : i+1] {
				cs = append(cs, w.Changes...)
			}
			p.Changes = cs
		}
		ln.Versions = append(ln.Versions, p)
		prev = i
	}
	ln.Current, ln.Upcoming, ln.Draft = conv(n.Current), conv(n.Upcoming), conv(n.Draft)
	if ln.Current == nil && ln.Upcoming != nil {
		// The language's first version is the upcoming one.
		ln.Current, ln.Upcoming, ln.Pending = ln.Upcoming, nil, true
	}
	if ln.Current == nil {
		// The language's first version comes after the upcoming one: it is
		// shown as the one to come, as the upcoming one would be.
		after := slices.Index(n.Versions, n.Upcoming)
		if after < 0 {
			after = slices.Index(n.Versions, n.Current)
		}
		if after < 0 && (n.Current != nil || n.Upcoming != nil) {
			// Neither is a released version (the preview's draft): no
			// version of the language can be said to come after them.
			after = len(n.Versions) - 1
		}
		for _, v := range n.Versions[after+1:] {
			if p := conv(v); p != nil {
				ln.Current, ln.Pending = p, true
				break
			}
		}
	}
	if ln.Current == nil && ln.Draft == nil {
		return nil
	}
	if ln.Current == nil {
		// Only the draft is in this language: no archive, no feed.
		ln.Versions = nil
	}
	return ln
}

// english is the English notice a notice of another language was made
// from (itself for an English one).
func (in *Input) english(n *Notice) *Notice {
	if n.lang == "" {
		return n
	}
	for en, ls := range in.langs {
		if slices.Contains(ls, n) {
			return en
		}
	}
	return n
}

// family is the notice in every language it is published in, English
// first.
func (in *Input) family(n *Notice) []*Notice {
	en := in.english(n)
	return append([]*Notice{en}, in.langs[en]...)
}

// noticeLink returns the link from a page depth folders below the root, of
// a notice in the language lang, to notice id: to its page in lang when
// that language has one, otherwise to the English.
func (in *Input) noticeLink(lang string, depth int) func(string) string {
	up := strings.Repeat("../", depth)
	return func(id string) string {
		if lang != "" {
			for _, n := range in.Notices {
				if n.ID != id {
					continue
				}
				for _, ln := range in.langs[n] {
					if ln.lang == lang && ln.Current != nil {
						return up + lang + "/" + id + "/"
					}
				}
			}
		}
		return up + id + "/"
	}
}

// hasPage says whether notice n publishes the page at key (a path below
// its folder: "", "VERSION/", "draft/", "versions/", "changes/",
// "VERSION/redline/", "VERSION/redline/changed/").
func hasPage(n *Notice, key string) bool {
	switch key {
	case "":
		return n.Current != nil
	case "draft/":
		return n.Draft != nil
	case "versions/":
		return len(n.Versions) > 0 && n.Current != nil
	case "changes/":
		return len(n.Versions) > 1 && n.Current != nil
	}
	version, rest, _ := strings.Cut(strings.TrimSuffix(key, "/"), "/")
	for _, v := range n.Versions {
		if v.Version != version {
			continue
		}
		switch rest {
		case "":
			return true
		case "redline", "redline/changed":
			if v.Previous == nil || n.Current == nil {
				return false
			}
			return rest == "redline" || diff.Summarize(v.layout()).Edits > 0
		}
	}
	return false
}

// languageName is a language named in itself, as a switch shows it, with
// a capital letter ("Français").
func languageName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	return notice.UpperFirst(locale.Name(t)) // "français" is "Français"
}

// code is the notice's language code: "en" for English.
func (n *Notice) code() string {
	if n.lang == "" {
		return "en"
	}
	return n.lang
}

// switcher returns the front matter of the page at key of notice n, depth
// folders below the site root, that a notice published in more than one
// language adds: the page's language ("lang"), the same page in every
// language that has it ("languages": code, name, relative link, whether it
// is this page) and the alternates for search engines ("alternates":
// hreflang and absolute address, and x-default, the English). Nothing
// for a notice in English alone.
func (in *Input) switcher(n *Notice, key string, depth int, baseURL string) map[string]any {
	fam := in.family(n)
	if len(fam) < 2 {
		return nil
	}
	up := strings.Repeat("../", depth)
	var langs, alts []map[string]any
	for _, m := range fam {
		k := key
		if !hasPage(m, k) && strings.HasSuffix(k, "redline/changed/") && hasPage(m, strings.TrimSuffix(k, "changed/")) {
			k = strings.TrimSuffix(k, "changed/")
		}
		if m != n && !hasPage(m, k) {
			continue
		}
		entry := map[string]any{"code": m.code(), "name": languageName(m.code()), "url": up + m.dir() + "/" + k}
		if m == n {
			entry["here"] = true
		}
		langs = append(langs, entry)
		alts = append(alts, map[string]any{"hreflang": m.code(), "href": baseURL + m.dir() + "/" + k})
		if m.lang == "" {
			alts = append(alts, map[string]any{"hreflang": "x-default", "href": baseURL + m.dir() + "/" + k})
		}
	}
	fm := map[string]any{}
	if n.lang != "" {
		fm["lang"], fm["nav"] = n.lang, in.navIn(n.lang)
	}
	if len(langs) > 1 {
		fm["languages"], fm["alternates"] = langs, alts
	}
	return fm
}

// navIn is the header's list of notices on a page in lang: each notice in
// lang where it has a page in it (its short name in lang, else its title
// in lang), else the English one, marked as English.
func (in *Input) navIn(lang string) []map[string]any {
	var out []map[string]any
	for _, n := range in.Notices {
		if n.Current == nil {
			continue
		}
		var ln *Notice
		for _, m := range in.langs[n] {
			if m.lang == lang && m.Current != nil {
				ln = m
			}
		}
		if ln == nil {
			entry := map[string]any{"title": n.Current.Doc.Title, "url": n.ID + "/", "lang": "en"}
			if l := in.Labels[n.ID]; l != "" {
				entry["short"] = l
			}
			out = append(out, entry)
			continue
		}
		entry := map[string]any{"title": ln.Current.Doc.Title, "url": ln.dir() + "/"}
		if l := in.LabelsIn[lang][n.ID]; l != "" {
			entry["short"] = l
		}
		out = append(out, entry)
	}
	return out
}
