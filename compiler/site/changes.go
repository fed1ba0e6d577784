package site

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// changeList returns the Markdown list of changes, material ones marked in
// words.
func changeList(w *words, cs []change.Change) string {
	if len(cs) == 0 {
		return w.t("changes.none", nil) + "\n"
	}
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("- " + changeItem(c) + "\n")
	}
	return b.String()
}

// changeItem is one change, in English, as inline Markdown: whether it is material, why
// (unless the sentence already says it: "New sub-processor: ..."), and the
// sentence.
func changeItem(c change.Change) string {
	label := "Minor"
	if c.Material {
		label = "Material"
	}
	if c.Reason == "" || strings.HasPrefix(strings.ToLower(c.Sentence), strings.ToLower(string(c.Reason))) {
		return fmt.Sprintf("**%s**: %s", label, notice.Plain(c.Sentence))
	}
	return fmt.Sprintf("**%s** (%s): %s", label, notice.Plain(string(c.Reason)), notice.Plain(c.Sentence))
}

// changePages returns the changelog of a notice (/ID/changes/), two
// redline pages per version: the whole text (/ID/VERSION/redline/) and only
// its sections with a change (/ID/VERSION/redline/changed/, unless nothing
// changed), linked both ways; and the redline documents for their PDFs.
func (in *Input) changePages(n *Notice, noPDF bool, baseURL string) (files map[string][]byte, redlines map[string]*redlinePDF) {
	files = map[string][]byte{}
	redlines = map[string]*redlinePDF{}
	if len(n.Versions) < 2 || n.Current == nil {
		return files, redlines
	}
	title := n.Current.Doc.Title
	w := in.words(n.lang)
	var b strings.Builder
	b.WriteString(w.t("changes.intro", nil) + "\n\n")
	if n.lang != "" {
		// The sentences of the changes (and the release summaries) are
		// written in English only: each list is marked as English, with a
		// note in the page's language.
		b.WriteString(w.t("changes.english", nil) + "\n\n")
	}
	for i := len(n.Versions) - 1; i >= 1; i-- {
		v := n.Versions[i]
		fmt.Fprintf(&b, "## %s {#v%s}\n\n", w.t("changes.heading", locale.Data{"Version": v.Version, "Date": w.date(v.Doc.Effective)}), v.Version)
		if v.Summary != "" {
			b.WriteString(string(notice.Plain(v.Summary)) + "\n")
			if n.lang != "" {
				b.WriteString("{lang=\"en\"}\n")
			}
			b.WriteString("\n")
		}
		if n.lang != "" && len(v.Changes) > 0 {
			b.WriteString(changeList(in.words(""), v.Changes) + "{lang=\"en\"}\n\n")
		} else {
			b.WriteString(changeList(w, v.Changes) + "\n")
		}
		fmt.Fprintf(&b, "[%s](../%s/) · [%s](../%s/redline/) (%s)\n\n", w.t("changes.read", locale.Data{"Version": v.Version}), v.Version,
			w.t("changes.see-text", nil), v.Version, editCount(w, diff.Summarize(v.layout())))
	}
	cfm := map[string]any{"title": w.t("changes.title", locale.Data{"Title": title}), "notice": n.ID}
	maps.Copy(cfm, in.switcher(n, "changes/", n.depth()+1, baseURL))
	files["content/"+n.dir()+"/changes/index.md"] = page(cfm, noShortcodes([]byte(b.String())))

	for i := 1; i < len(n.Versions); i++ {
		v := n.Versions[i]
		dir := n.dir() + "/" + v.Version + "/redline"
		compared := w.t("redline.compared", locale.Data{"Version": v.Version, "Date": w.date(v.Doc.Effective),
			"Previous": v.Previous.Version, "PreviousDate": w.date(v.Previous.Doc.Effective)})
		// The PDF's own legend says how the marks look; the page says it here.
		intro := compared + " " + w.t("redline.marks", nil)
		sum := diff.Summarize(v.layout())
		pdfName := n.file() + "-" + v.Version + "-redline.pdf"
		redlinePage := func(changed bool) []byte {
			// up leads from the page to the version's folder.
			up, full, view, pageTitle := "../", "", "full", w.t("redline.title", locale.Data{"Title": title, "Version": v.Version})
			if changed {
				up, full, view, pageTitle = "../../", "../", "changed", w.t("redline.title-changed", locale.Data{"Title": title, "Version": v.Version})
			}
			fm := map[string]any{
				"title":    pageTitle,
				"notice":   n.ID,
				"layout":   "redline",
				"redline":  diff.RedlineHTML(v.layout(), diff.HTMLOptions{Changed: changed, Full: full}),
				"intro":    intro,
				"overview": redlineSummary(w, sum, view),
				"links": []map[string]string{
					{"text": w.t("redline.version", locale.Data{"Version": v.Version}), "url": up},
					{"text": w.t("redline.version", locale.Data{"Version": v.Previous.Version}), "url": up + "../" + v.Previous.Version + "/"},
					{"text": w.t("redline.what-changed", nil), "url": up + "../changes/#v" + v.Version},
				},
				"sitemap": map[string]any{"disable": true},
			}
			key, depth := v.Version+"/redline/", n.depth()+2
			if changed {
				key, depth = key+"changed/", depth+1
			}
			maps.Copy(fm, in.switcher(n, key, depth, baseURL))
			if !noPDF {
				fm["pdf"] = full + pdfName
			}
			return page(fm, nil)
		}
		// The whole redline is a section (_index.md), so the changed view
		// can sit below it.
		files["content/"+dir+"/_index.md"] = redlinePage(false)
		if sum.Edits > 0 {
			files["content/"+dir+"/changed/index.md"] = redlinePage(true)
		}
		redlines[dir+"/"+pdfName] = redlineDoc(w, n, v, compared+" "+sentence(editCount(w, sum))+".", v.layout())
	}
	return files, redlines
}

// editCount says how many changes a redline has and in how many sections:
// "12 changes in 5 sections".
func editCount(w *words, s diff.Summary) string {
	if s.Edits == 0 {
		return w.t("count.none", nil)
	}
	return w.t("count.in", locale.Data{"Changes": w.n("count.changes", s.Edits, nil), "Sections": w.n("count.sections", len(s.Sections), nil)})
}

// sentence starts s with a capital letter.
func sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// redlineSummary is what the top of a redline page shows (the redline
// layout reads it): the number of changes, a link to the first, each
// section with changes (its title, the sections it is part of, its number
// of changes, a link to its first change), and the two views' addresses,
// view being the page's own ("full" or "changed").
func redlineSummary(w *words, s diff.Summary, view string) map[string]any {
	sum := map[string]any{"count": sentence(editCount(w, s)), "view": view}
	if s.Edits == 0 {
		return sum
	}
	var sections []map[string]any
	for _, sec := range s.Sections {
		t := sec.Title
		if t == "" {
			t = w.t("redline.before-first", nil)
		}
		sections = append(sections, map[string]any{"title": t, "within": sec.Within,
			"url": "#change-" + strconv.Itoa(sec.First), "count": w.n("count.changes", sec.Count, nil)})
	}
	sum["first"] = "#change-1"
	sum["sections"] = sections
	sum["full"], sum["changed"] = "./", "changed/"
	if view == "changed" {
		sum["full"], sum["changed"] = "../", "./"
	}
	return sum
}

// redlinePDF is what a redline's PDF is typeset from: a header document
// (title, organisation, dates and the intro; no sections) and the redline
// laid out in blocks (diff.Blocks), typeset by pdf.Redline.
type redlinePDF struct {
	head   *notice.Document
	blocks []diff.Block
}

func redlineDoc(w *words, n *Notice, v *Page, intro string, blocks []diff.Block) *redlinePDF {
	head := &notice.Document{ID: n.ID, Language: v.Doc.Language, Title: w.t("redline.title", locale.Data{"Title": v.Doc.Title, "Version": v.Version}),
		Organization: v.Doc.Organization, Effective: v.Doc.Effective, LastUpdated: v.Released,
		Intro: []notice.Block{&notice.Paragraph{Text: notice.Plain(intro)}}}
	return &redlinePDF{head: head, blocks: blocks}
}

// whatChanged returns the combined changelog of every notice, newest
// first: one section per release (versions of several notices that share a
// version id and effective date), each change listed once with the notices
// it affects, then a link to each version (anchored #ID-VERSION).
func whatChanged(notices []*Notice) []byte {
	type release struct {
		version   string
		effective model.Date
		notices   []*Notice
		pages     []*Page
	}
	in0 := &words{} // the combined changelog is English
	var rs []*release
	byKey := map[[2]string]*release{}
	for _, n := range notices {
		for i := 1; i < len(n.Versions); i++ {
			v := n.Versions[i]
			k := [2]string{v.Version, string(v.Doc.Effective)}
			r := byKey[k]
			if r == nil {
				r = &release{version: v.Version, effective: v.Doc.Effective}
				byKey[k] = r
				rs = append(rs, r)
			}
			r.notices = append(r.notices, n)
			r.pages = append(r.pages, v)
		}
	}
	slices.SortStableFunc(rs, func(a, b *release) int { // newest effective first
		return cmp.Or(strings.Compare(string(b.effective), string(a.effective)), strings.Compare(b.version, a.version))
	})
	var b strings.Builder
	b.WriteString("Every change to our privacy notices, newest first. Each change is listed once, with the notices it affects.\n\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "## Version %s, effective %s {#v%s}\n\n", r.version, render.LongDate(r.effective), r.version)
		var summaries []string
		for _, v := range r.pages {
			if v.Summary != "" && !slices.Contains(summaries, v.Summary) {
				summaries = append(summaries, v.Summary)
			}
		}
		for _, s := range summaries {
			b.WriteString(string(notice.Plain(s)) + "\n\n")
		}
		// Each distinct change once, in the order first met, with the titles
		// of the notices it appears in.
		type key struct {
			material         bool
			reason, sentence string
		}
		type item struct {
			c      change.Change
			titles []notice.Text
		}
		var items []*item
		seen := map[key]*item{}
		for _, v := range r.pages {
			for _, c := range v.Changes {
				k := key{c.Material, string(c.Reason), c.Sentence}
				it := seen[k]
				if it == nil {
					it = &item{c: c}
					seen[k] = it
					items = append(items, it)
				}
				it.titles = append(it.titles, notice.Plain(v.Doc.Title))
			}
		}
		if len(items) == 0 {
			b.WriteString("No change to the facts behind these notices; only their wording changed.\n\n")
		}
		for _, it := range items {
			fmt.Fprintf(&b, "- %s *In: %s.*\n", changeItem(it.c), notice.Series(it.titles, "and"))
		}
		if len(items) > 0 {
			b.WriteString("\n")
		}
		for i, v := range r.pages {
			n := r.notices[i]
			fmt.Fprintf(&b, "%s: [read version %s](../%s/%s/) · [changes to its text](../%s/%s/redline/) (%s)\n{#%s-%s}\n\n",
				notice.Plain(v.Doc.Title), v.Version, n.ID, v.Version, n.ID, v.Version, editCount(in0, diff.Summarize(v.layout())), n.ID, v.Version)
		}
	}
	return page(map[string]any{"title": "What changed"}, noShortcodes([]byte(b.String())))
}

// Atom feed types.
type atomFeed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Author  atomPerson `xml:"author"`
	Links   []atomLink `xml:"link"`
	// LedgerHead is the release ledger's hash-chain head, an extension
	// element in disclose's own namespace (documented in the README).
	LedgerHead string      `xml:"https://github.com/disclose-dev/disclose/ns/ledger ledger-head,omitempty"`
	Entries    []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary"`
}

// hasFeed reports whether a notice has an Atom feed: once it has a
// released version.
func hasFeed(n *Notice) bool { return len(n.Versions) > 0 && n.Current != nil }

// feed returns the Atom feed of a notice's versions, newest first. Entry ids
// are tag URIs built from the site's host, the notice and the version, and
// timestamps are release dates, so the feed is the same on every build.
func (in *Input) feed(n *Notice, baseURL, org, ledgerHead string) ([]byte, error) {
	if !hasFeed(n) {
		return nil, nil
	}
	host := "example.invalid"
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	w := in.words(n.lang)
	first := n.Versions[0].Released
	f := atomFeed{
		ID:         fmt.Sprintf("tag:%s,%s:%s", host, first, n.dir()),
		Title:      w.t("feed.title", locale.Data{"Title": n.Current.Doc.Title, "Org": org}),
		Author:     atomPerson{Name: org},
		LedgerHead: ledgerHead,
		Links: []atomLink{
			{Href: baseURL + n.dir() + "/feed.xml", Rel: "self", Type: "application/atom+xml"},
			{Href: baseURL + n.dir() + "/", Rel: "alternate", Type: "text/html"},
		},
	}
	for i := len(n.Versions) - 1; i >= 0; i-- {
		v := n.Versions[i]
		stamp := string(v.Released) + "T00:00:00Z"
		if f.Updated == "" || stamp > f.Updated {
			f.Updated = stamp
		}
		summary := w.t("feed.effective", locale.Data{"Date": w.date(v.Doc.Effective)})
		if v.Summary != "" {
			summary += " " + v.Summary
		}
		for _, c := range v.Changes {
			summary += "\n- " + c.Sentence
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:        fmt.Sprintf("tag:%s,%s:%s/%s", host, v.Released, n.dir(), v.Version),
			Title:     w.t("feed.entry", locale.Data{"Title": v.Doc.Title, "Version": v.Version, "Date": w.date(v.Doc.Effective)}),
			Updated:   stamp,
			Published: stamp,
			Links:     []atomLink{{Href: baseURL + n.dir() + "/" + v.Version + "/", Rel: "alternate", Type: "text/html"}},
			Summary:   summary,
		})
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}
