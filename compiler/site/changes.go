package site

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// changeList returns the Markdown list of changes, material ones marked in
// words.
func changeList(cs []diff.Change) string {
	if len(cs) == 0 {
		return "No change to the facts behind this notice; only its wording changed.\n"
	}
	var b strings.Builder
	for _, c := range cs {
		label := "Minor"
		if c.Material {
			label = "Material"
		}
		fmt.Fprintf(&b, "- **%s** (%s): %s\n", label, notice.Plain(c.Reason), notice.Plain(c.Sentence))
	}
	return b.String()
}

// changePages returns the changelog of a notice (/ID/changes/), a redline
// page per version (/ID/VERSION/redline/), and the redline documents for
// their PDFs.
func changePages(n *Notice, noPDF bool) (files map[string][]byte, redlines map[string]*notice.Document) {
	files = map[string][]byte{}
	redlines = map[string]*notice.Document{}
	if len(n.Versions) < 2 || n.Current == nil {
		return files, redlines
	}
	title := n.Current.Doc.Title
	var b strings.Builder
	b.WriteString("What changed in each version of this notice, newest first, from the facts behind it. A **material** change is one we tell you about before it takes effect.\n\n")
	for i := len(n.Versions) - 1; i >= 1; i-- {
		v := n.Versions[i]
		fmt.Fprintf(&b, "## Version %s, effective %s {#v%s}\n\n", v.Version, render.LongDate(v.Doc.Effective), v.Version)
		if v.Summary != "" {
			b.WriteString(string(notice.Plain(v.Summary)) + "\n\n")
		}
		b.WriteString(changeList(v.Changes) + "\n")
		fmt.Fprintf(&b, "[Read version %s](../%s/) · [See the changes to its text](../%s/redline/)\n\n", v.Version, v.Version, v.Version)
	}
	files["content/"+n.ID+"/changes/index.md"] = page(map[string]any{"title": title + ": what changed", "notice": n.ID}, noShortcodes([]byte(b.String())))

	for i := 1; i < len(n.Versions); i++ {
		v := n.Versions[i]
		dir := n.ID + "/" + v.Version + "/redline"
		intro := fmt.Sprintf("The text of version %s (effective %s) compared with version %s (effective %s). Inserted words are marked as inserted (underlined), deleted words as deleted (struck through).",
			v.Version, render.LongDate(v.Doc.Effective), v.Previous.Version, render.LongDate(v.Previous.Doc.Effective))
		fm := map[string]any{
			"title":   fmt.Sprintf("%s: changes in version %s", title, v.Version),
			"notice":  n.ID,
			"layout":  "redline",
			"redline": diff.HTML(v.Redline),
			"intro":   intro,
			"links": []map[string]string{
				{"text": "Version " + v.Version, "url": "../"},
				{"text": "Version " + v.Previous.Version, "url": "../../" + v.Previous.Version + "/"},
				{"text": "What changed", "url": "../../changes/#v" + v.Version},
			},
			"sitemap": map[string]any{"disable": true},
		}
		if !noPDF {
			fm["pdf"] = n.ID + "-" + v.Version + "-redline.pdf"
		}
		files["content/"+dir+"/index.md"] = page(fm, nil)
		redlines[dir+"/"+n.ID+"-"+v.Version+"-redline.pdf"] = redlineDoc(n, v, intro)
	}
	return files, redlines
}

// redlineDoc is the redline as a notice document, for its PDF: insertions
// and deletions are marked with words and signs, not colour.
func redlineDoc(n *Notice, v *Page, intro string) *notice.Document {
	s := &notice.Section{ID: "redline", Title: "Changes to the text"}
	s.P(notice.Plain("Inserted text is shown as [+ text +], deleted text as [- text -]."))
	var line []notice.Text
	flush := func() {
		if len(line) > 0 {
			s.P(notice.Join(line...))
			line = nil
		}
	}
	for _, op := range v.Redline {
		parts := strings.Split(op.Text, "\n")
		for i, p := range parts {
			if i > 0 {
				flush()
			}
			if strings.TrimSpace(p) == "" {
				continue
			}
			t := notice.Plain(strings.TrimSpace(p))
			switch op.Kind {
			case diff.Insert:
				t = "**[+ " + t + " +]**"
			case diff.Delete:
				t = "*[- " + t + " -]*"
			}
			line = append(line, t)
		}
	}
	flush()
	return &notice.Document{ID: n.ID, Title: fmt.Sprintf("%s: changes in version %s", v.Doc.Title, v.Version),
		Organization: v.Doc.Organization, Effective: v.Doc.Effective, LastUpdated: v.Released,
		Intro: []notice.Block{&notice.Paragraph{Text: notice.Plain(intro)}}, Sections: []*notice.Section{s}}
}

// whatChanged returns the combined changelog of every notice, newest first.
func whatChanged(notices []*Notice) []byte {
	type entry struct {
		n *Notice
		v *Page
	}
	var es []entry
	for _, n := range notices {
		for i := 1; i < len(n.Versions); i++ {
			es = append(es, entry{n, n.Versions[i]})
		}
	}
	for i := 1; i < len(es); i++ { // newest effective first, stable
		for k := i; k > 0 && es[k].v.Doc.Effective > es[k-1].v.Doc.Effective; k-- {
			es[k], es[k-1] = es[k-1], es[k]
		}
	}
	var b strings.Builder
	b.WriteString("Every change to our privacy notices, newest first.\n\n")
	for _, e := range es {
		fmt.Fprintf(&b, "## %s, version %s {#%s-%s}\n\nEffective %s. ", notice.Plain(e.v.Doc.Title), e.v.Version, e.n.ID, e.v.Version, render.LongDate(e.v.Doc.Effective))
		if e.v.Summary != "" {
			b.WriteString(string(notice.Plain(e.v.Summary)))
		}
		b.WriteString("\n\n" + changeList(e.v.Changes) + "\n")
		fmt.Fprintf(&b, "[Read it](../%s/%s/) · [Changes to the text](../%s/%s/redline/)\n\n", e.n.ID, e.v.Version, e.n.ID, e.v.Version)
	}
	return page(map[string]any{"title": "What changed"}, noShortcodes([]byte(b.String())))
}

// Atom feed types.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
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

// feed returns the Atom feed of a notice's versions, newest first. Entry ids
// are tag URIs built from the site's host, the notice and the version, and
// timestamps are release dates, so the feed is the same on every build.
func feed(n *Notice, baseURL, org string) ([]byte, error) {
	if len(n.Versions) == 0 || n.Current == nil {
		return nil, nil
	}
	host := "example.invalid"
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	first := n.Versions[0].Released
	f := atomFeed{
		ID:     fmt.Sprintf("tag:%s,%s:%s", host, first, n.ID),
		Title:  n.Current.Doc.Title + " of " + org,
		Author: atomPerson{Name: org},
		Links: []atomLink{
			{Href: baseURL + n.ID + "/feed.xml", Rel: "self", Type: "application/atom+xml"},
			{Href: baseURL + n.ID + "/", Rel: "alternate", Type: "text/html"},
		},
	}
	for i := len(n.Versions) - 1; i >= 0; i-- {
		v := n.Versions[i]
		stamp := v.Released + "T00:00:00Z"
		if f.Updated == "" || stamp > f.Updated {
			f.Updated = stamp
		}
		summary := fmt.Sprintf("Takes effect on %s.", render.LongDate(v.Doc.Effective))
		if v.Summary != "" {
			summary += " " + v.Summary
		}
		for _, c := range v.Changes {
			summary += "\n- " + c.Sentence
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:        fmt.Sprintf("tag:%s,%s:%s/%s", host, v.Released, n.ID, v.Version),
			Title:     fmt.Sprintf("%s: version %s, effective %s", v.Doc.Title, v.Version, render.LongDate(v.Doc.Effective)),
			Updated:   stamp,
			Published: stamp,
			Links:     []atomLink{{Href: baseURL + n.ID + "/" + v.Version + "/", Rel: "alternate", Type: "text/html"}},
			Summary:   summary,
		})
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}
