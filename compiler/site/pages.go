package site

import (
	"fmt"
	"maps"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
)

// Notices assembles what the site shows of each notice on day: the
// compiled drafts, and the released versions of the ledger (load reads a
// version's frozen notice). A notice with versions shows the one in force
// (or, before the first takes effect, the first) and announces the next; a
// notice never released shows its draft. withDrafts adds every draft at
// /ID/draft/.
// Store reads released versions: the frozen notice and the data snapshot.
type Store interface {
	Notice(v *release.Version) (*notice.Document, error)
	Data(v *release.Version) ([]byte, error)
}

// PreviewNotices is what the live preview shows: each notice's draft at its
// address, marked as a preview, without the archive of released versions (a
// smaller site rebuilds faster).
func PreviewNotices(drafts []*notice.Document) []*Notice {
	out := make([]*Notice, 0, len(drafts))
	for _, d := range drafts {
		pg := &Page{Doc: d}
		out = append(out, &Notice{ID: d.ID, Current: pg, Draft: pg, Preview: true})
	}
	return out
}

// Notices assembles the notices; each version after a notice's first also
// gets its changes (from the data snapshots) and its redline (from the
// text) against the version before it; changes compares two versions'
// data (compiler.Changes). cache, when not empty, is a folder that keeps
// each comparison of two frozen versions, so a build makes only the ones
// it has not made before (a new release's). It is ReadHistory, then
// History.Notices.
func Notices(drafts []*notice.Document, l *release.Ledger, store Store, day model.Date, withDrafts bool, changes change.Compare, cache string) ([]*Notice, error) {
	h, err := ReadHistory(l, store, changes, cache)
	if err != nil {
		return nil, err
	}
	return h.Notices(drafts, day, withDrafts), nil
}

// History is the released versions of a ledger's notices, each with its
// comparison with the version before it: what Notices needs besides the
// drafts, so a caller can read it while the drafts compile.
type History struct {
	l     *release.Ledger
	all   []*version     // every released version, notice by notice, in order
	first map[string]int // each notice's first version in all
}

// A version is a released version: its page, and its comparison with the
// version before it (prev, when it has one), kept or made.
type version struct {
	v, prev *release.Version
	id      string
	page    *Page
	cmp     *comparison
}

// ReadHistory reads every released version of the ledger (see Notices).
// The frozen notices are read, and the comparisons made, on every core:
// store and changes are called from several goroutines at once.
func ReadHistory(l *release.Ledger, store Store, changes change.Compare, cache string) (*History, error) {
	kept := history{dir: cache}
	h := &History{l: l, first: map[string]int{}}
	for _, id := range l.Notices() {
		h.first[id] = len(h.all)
		past := l.Of(id)
		for i, v := range past {
			ver := &version{v: v, id: id}
			if i > 0 {
				ver.prev = past[i-1]
			}
			h.all = append(h.all, ver)
		}
	}
	all := h.all
	err := parallel(len(all), func(i int) error {
		ver := all[i]
		v := ver.v
		doc, err := store.Notice(v)
		if err != nil {
			return err
		}
		if v.Released != "" && doc.LastUpdated != v.Released {
			// A version was last updated when it was released, whatever
			// date its frozen notice carries (sub-processor lists frozen
			// before this rule carry a processor's date).
			d := *doc
			d.LastUpdated = v.Released
			doc = &d
		}
		ver.page = &Page{Doc: doc, Version: v.ID, Released: v.Released, Summary: v.Summary}
		if ver.prev != nil {
			ver.cmp, _ = kept.get(ver.prev, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The comparisons not kept (a new release's, or all of them with no
	// cache), each from the two snapshots and the two texts.
	err = parallel(len(all), func(i int) error {
		ver := all[i]
		if ver.prev == nil || ver.cmp != nil {
			return nil
		}
		prev := all[i-1]
		old, err := store.Data(ver.prev)
		if err != nil {
			return err
		}
		new, err := store.Data(ver.v)
		if err != nil {
			return err
		}
		cs, err := changes(old, new)
		if err != nil {
			return fmt.Errorf("%s %s: %w", ver.id, ver.v.ID, err)
		}
		c := &comparison{Changes: diff.For(cs, prev.page.Doc, ver.page.Doc), Redline: diff.Redline(render.Plain(prev.page.Doc), render.Plain(ver.page.Doc))}
		c.Blocks = diff.Blocks(c.Redline)
		kept.put(ver.prev, ver.v, c)
		ver.cmp = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// Notices assembles the notices of History and the drafts as of day (see
// Notices), once: the pages it returns are History's own.
func (h *History) Notices(drafts []*notice.Document, day model.Date, withDrafts bool) []*Notice {
	l := h.l
	var ids []string
	byID := map[string]*notice.Document{}
	for _, d := range drafts {
		ids = append(ids, d.ID)
		byID[d.ID] = d
	}
	for _, id := range l.Notices() {
		if _, ok := byID[id]; !ok {
			ids = append(ids, id)
		}
	}
	var out []*Notice
	for _, id := range ids {
		n := &Notice{ID: id}
		pages := map[*release.Version]*Page{}
		for _, ver := range h.all[h.first[id] : h.first[id]+len(l.Of(id))] {
			pg := ver.page
			if ver.prev != nil {
				pg.Previous = n.Versions[len(n.Versions)-1]
				pg.Changes, pg.Redline, pg.blocks = ver.cmp.Changes, ver.cmp.Redline, ver.cmp.Blocks
			}
			pages[ver.v] = pg
			n.Versions = append(n.Versions, pg)
		}
		var effs []model.Date
		for _, v := range n.Versions {
			effs = append(effs, v.Doc.Effective)
		}
		for i, until := range release.InForceUntil(effs) {
			n.Versions[i].Until = until
		}
		inForce, upcoming := l.Resolve(id, day)
		switch {
		case inForce != nil:
			n.Current = pages[inForce]
		case upcoming != nil:
			n.Current = pages[upcoming]
			n.Pending = true
		}
		if upcoming != nil && n.Current != pages[upcoming] {
			n.Upcoming = pages[upcoming]
		}
		if d := byID[id]; d != nil {
			draft := &Page{Doc: d}
			if n.Current == nil {
				n.Current = draft
			}
			if withDrafts {
				n.Draft = draft
			}
		}
		out = append(out, n)
	}
	return out
}

// target is a page of the site and its PDF.
type target struct {
	page  *Page
	dir   string // folder under content/ and static/: ID, ID/VERSION or ID/draft
	pdf   string // PDF file name within dir
	depth int    // folders below the site root
	kind  string // current, version or draft
}

func targets(n *Notice) []target {
	var out []target
	dir, file, depth := n.dir(), n.file(), n.depth()
	if n.Current != nil {
		out = append(out, target{page: n.Current, dir: dir, pdf: file + ".pdf", depth: depth, kind: "current"})
	}
	for _, v := range n.Versions {
		out = append(out, target{page: v, dir: dir + "/" + v.Version, pdf: file + "-" + v.Version + ".pdf", depth: depth + 1, kind: "version"})
	}
	if n.Draft != nil {
		out = append(out, target{page: n.Draft, dir: dir + "/draft", pdf: file + "-draft.pdf", depth: depth + 1, kind: "draft"})
	}
	return out
}

// noticePages returns the content files of a notice: its current page, a
// page per version, the draft, and the archive.
func (in *Input) noticePages(n *Notice, org string, noPDF bool, baseURL string) map[string][]byte {
	files := map[string][]byte{}
	w := in.words(n.lang)
	dateText := func(day model.Date) map[string]string {
		return map[string]string{"iso": string(day), "text": w.date(day)}
	}
	long := func(day model.Date) locale.Data { return locale.Data{"Date": w.date(day)} }
	rw := in.renderWords(n.lang) // once per notice and language, not per page
	for _, t := range targets(n) {
		d := t.page.Doc
		md := render.Markdown(d, &render.Options{Body: true, NoticeURL: in.noticeLink(n.lang, t.depth), Words: rw})
		md = noShortcodes(md)
		fm := map[string]any{
			"title":       d.Title,
			"notice":      n.ID,
			"date":        d.Effective,
			"lastmod":     d.LastUpdated,
			"effective":   dateText(d.Effective),
			"lastUpdated": dateText(d.LastUpdated),
			"description": w.t("notice.description", locale.Data{"Title": d.Title, "Org": org}),
		}
		if !noPDF {
			fm["pdf"] = t.pdf
		}
		key := ""
		switch t.kind {
		case "version":
			key = t.page.Version + "/"
		case "draft":
			key = "draft/"
		}
		maps.Copy(fm, in.switcher(n, key, t.depth, baseURL))
		up := strings.Repeat("../", t.depth) // the site root, from this page
		home := up + n.dir() + "/"           // the notice's address
		if len(n.Versions) > 0 {
			fm["archive"] = home + "versions/"
		}
		if t.page.Version != "" {
			fm["version"] = t.page.Version
		}
		if t.page.Previous != nil {
			fm["changes"] = home + "changes/#v" + t.page.Version
			fm["redline"] = home + t.page.Version + "/redline/"
		}
		if hasFeed(n) {
			fm["feed"] = home + "feed.xml"
		}
		if exports := in.tableExports(n.ID, t.page.Doc); len(exports) > 0 && t.kind != "draft" {
			var links []map[string]string
			for _, e := range exports {
				links = append(links, map[string]string{"title": e.title, "csv": e.name + ".csv", "json": e.name + ".json"})
			}
			fm["downloads"] = links
		}
		switch {
		case t.kind == "draft":
			fm["banner"] = map[string]string{"kind": "draft", "text": w.t("banner.draft", nil)}
			fm["sitemap"] = map[string]any{"disable": true}
			fm["noindex"] = true
		case t.kind == "current" && n.Preview:
			fm["banner"] = map[string]string{"kind": "draft", "text": w.t("banner.preview", nil)}
		case t.kind == "current" && t.page.Version == "":
			// A notice never released: the compiled data as it stands.
		case t.kind == "current" && n.Pending:
			fm["banner"] = map[string]any{"kind": "upcoming", "text": w.t("banner.pending", long(d.Effective))}
		case t.kind == "current" && n.Upcoming != nil:
			// The version in force announces the next one and links to it;
			// the next one's page links back to the version in force.
			fm["banner"] = map[string]any{"kind": "upcoming", "url": home + n.Upcoming.Version + "/", "link": w.t("banner.read-new", nil),
				"text": w.t("banner.upcoming", long(n.Upcoming.Doc.Effective))}
		case t.kind == "version":
			fm["sitemap"] = map[string]any{"disable": true}
			switch {
			case t.page.NeverInForce():
				fm["banner"] = map[string]any{"kind": "superseded", "url": home, "link": w.t("banner.read-in-force", nil),
					"text": w.t("banner.never", long(d.Effective))}
			case n.Current == t.page && n.Pending:
				fm["banner"] = map[string]any{"kind": "upcoming", "url": home, "link": w.t("banner.read-address", nil),
					"text": w.t("banner.first", long(d.Effective))}
			case n.Current == t.page:
				fm["banner"] = map[string]any{"kind": "current", "url": home, "link": w.t("banner.read-in-force", nil),
					"text": w.t("banner.current", nil)}
			case n.Upcoming == t.page || t.page.Doc.Effective > n.Current.Doc.Effective:
				fm["banner"] = map[string]any{"kind": "upcoming", "url": home, "link": w.t("banner.read-in-force", nil),
					"text": w.t("banner.later", long(d.Effective))}
			default:
				fm["banner"] = map[string]any{"kind": "superseded", "url": home, "link": w.t("banner.read-in-force", nil),
					"text": w.t("banner.superseded", nil)}
			}
		}
		// The current page and the version pages are sections (_index.md),
		// so the version pages and redlines can sit below them.
		name := "content/" + t.dir + "/index.md"
		if t.kind != "draft" { // versions hold their redline pages
			name = "content/" + t.dir + "/_index.md"
		}
		files[name] = page(fm, md)
	}
	if len(n.Versions) > 0 && n.Current != nil {
		files["content/"+n.dir()+"/versions/index.md"] = in.archive(n, noPDF, baseURL)
	}
	return files
}

// archive returns the page listing every version of a notice, newest first.
func (in *Input) archive(n *Notice, noPDF bool, baseURL string) []byte {
	var b strings.Builder
	w := in.words(n.lang)
	b.WriteString(w.t("archive.intro", nil) + "\n\n")
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n", w.t("archive.version", nil), w.t("archive.effective", nil),
		w.t("archive.last-updated", nil), w.t("archive.what-changed", nil), w.t("archive.status", nil), w.t("archive.pdf", nil))
	for i := len(n.Versions) - 1; i >= 0; i-- {
		v := n.Versions[i]
		status := w.t("archive.not-in-force", nil)
		switch {
		case v.NeverInForce():
			status = w.t("archive.never", nil)
		case v == n.Current && n.Pending:
			status = w.t("archive.takes-effect", locale.Data{"Date": w.date(v.Doc.Effective)})
		case v == n.Current:
			status = "**" + w.t("archive.in-force", nil) + "**"
		case v == n.Upcoming || v.Doc.Effective > n.Current.Doc.Effective:
			status = w.t("archive.takes-effect", locale.Data{"Date": w.date(v.Doc.Effective)})
		}
		summary := string(notice.Plain(v.Summary))
		if summary == "" {
			summary = "-"
		}
		pdf := fmt.Sprintf("[%s](../%s/%s-%s.pdf)", w.t("archive.pdf", nil), v.Version, n.file(), v.Version)
		if noPDF {
			pdf = "-"
		}
		fmt.Fprintf(&b, "| [%s](../%s/) | %s | %s | %s | %s | %s |\n",
			v.Version, v.Version, w.date(v.Doc.Effective), w.date(v.Released), summary, status, pdf)
	}
	fmt.Fprintf(&b, "{caption=%q}\n", w.t("archive.caption", nil))
	title := w.t("archive.caption", nil)
	if n.Current != nil {
		title = w.t("archive.title", locale.Data{"Title": n.Current.Doc.Title})
	}
	fm := map[string]any{"title": title, "notice": n.ID, "sitemap": map[string]any{"disable": false}}
	maps.Copy(fm, in.switcher(n, "versions/", n.depth()+1, baseURL))
	return page(fm, noShortcodes([]byte(b.String())))
}
