package site

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// attrs calls f with the start and end of the value of every attribute
// named one of names written name="value" after white space, left to
// right: what the regular expression \s(?:href|src)="([^"]*)" matches, in
// one pass over the page (a site has thousands of links).
func attrs(b []byte, names []string, f func(start, end int)) {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(`="`))
		if j < 0 {
			return
		}
		eq := i + j
		k := eq
		for k > 0 && isNameByte(b[k-1]) {
			k--
		}
		start := eq + 2
		end := bytes.IndexByte(b[start:], '"')
		if end < 0 {
			return
		}
		end += start
		if k > 0 && isSpace(b[k-1]) && slices.Contains(names, string(b[k:eq])) {
			f(start, end)
			i = end + 1
		} else {
			i = eq + 1
		}
	}
}

func isNameByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isSpace is \s in Go's regular expressions.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// CheckLinks checks every internal link and anchor of the HTML pages of a
// built site served under base ("/" or "/privacy/"): a link to a page that
// does not exist, or to an anchor the page does not have, is a diagnostic
// positioned at the page (file:line). An empty link is reported too. Files
// named in onRequest (slash paths under the site root) count as present: a
// server makes them when asked (Options.PDFOnRequest).
func CheckLinks(site fs.FS, base string, onRequest ...string) diag.List {
	return new(LinkCache).Check(site, base, onRequest...)
}

// LinkCache keeps what CheckLinks read of each page (its ids and its
// links), so checking a site again reads only the pages that changed since
// (by size and modification time): the links of every page are still
// checked against the site as it is now, so an unchanged page's link to an
// anchor a changed page lost is reported. The zero LinkCache is empty; a
// LinkCache is for one site folder and one goroutine at a time.
type LinkCache struct {
	base  string
	pages map[string]*scannedPage
}

// scannedPage is what a check read of one page.
type scannedPage struct {
	size  int64
	mod   time.Time
	ids   map[string]bool
	links []pageLink
}

// pageLink is one link of a page, resolved: either target (a file of the
// site) and fragment, or problem, a diagnostic of its own.
type pageLink struct {
	line             int
	raw              string
	target, fragment string
	problem          string
}

// Check is CheckLinks, reading only the pages that changed since the last
// Check.
func (c *LinkCache) Check(site fs.FS, base string, onRequest ...string) diag.List {
	if c.pages == nil || c.base != base {
		c.pages, c.base = map[string]*scannedPage{}, base
	}
	files := map[string]bool{}
	for _, f := range onRequest {
		files[f] = true
	}
	seen := map[string]bool{}
	// The pages not read before, read and scanned on every core.
	var todo []string
	var infos []fs.FileInfo
	_ = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p] = true
		if !strings.HasSuffix(p, ".html") {
			return nil
		}
		seen[p] = true
		info, err := d.Info()
		if err != nil {
			return err
		}
		if old := c.pages[p]; old != nil && old.size == info.Size() && old.mod.Equal(info.ModTime()) {
			return nil
		}
		todo, infos = append(todo, p), append(infos, info)
		return nil
	})
	var diags diag.List
	scanned := make([]*scannedPage, len(todo))
	unread := make([]error, len(todo))
	_ = parallel(len(todo), func(i int) error {
		b, err := fs.ReadFile(site, todo[i])
		if err != nil {
			unread[i] = err
			return nil
		}
		scanned[i] = scanPage(todo[i], b, base, infos[i])
		return nil
	})
	for i, p := range todo {
		if unread[i] != nil {
			delete(c.pages, p)
			diags.Add(diag.Pos{File: p}, "", "the page cannot be read: %v", unread[i])
			continue
		}
		c.pages[p] = scanned[i]
	}
	for p := range c.pages {
		if !seen[p] {
			delete(c.pages, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(c.pages)) {
		for _, l := range c.pages[p].links {
			pos := diag.Pos{File: p, Line: l.line}
			switch {
			case l.problem != "":
				diags.Add(pos, "", "%s", l.problem)
			case !files[l.target]:
				diags.Add(pos, "", "link %q leads to %s, which the site does not have", l.raw, l.target)
			case l.fragment != "" && c.pages[l.target] != nil && !c.pages[l.target].ids[l.fragment]:
				diags.Add(pos, "", "link %q: %s has no element with id %q", l.raw, l.target, l.fragment)
			}
		}
	}
	return diags
}

// scanPage reads the ids and the internal links of the page p of a site
// served under base.
func scanPage(p string, b []byte, base string, info fs.FileInfo) *scannedPage {
	sp := &scannedPage{size: info.Size(), mod: info.ModTime(), ids: map[string]bool{}}
	attrs(b, []string{"id"}, func(start, end int) {
		sp.ids[html.UnescapeString(string(b[start:end]))] = true
	})
	line, counted := 1, 0
	attrs(b, []string{"href", "src"}, func(start, end int) {
		raw := html.UnescapeString(string(b[start:end]))
		line += bytes.Count(b[counted:start], []byte("\n"))
		counted = start
		l := pageLink{line: line, raw: raw}
		if strings.TrimSpace(raw) == "" {
			l.problem = "empty link"
			sp.links = append(sp.links, l)
			return
		}
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "//") {
			return // external, or mail and telephone links
		}
		target := p
		if u.Path != "" {
			if strings.HasPrefix(u.Path, "/") {
				rest, ok := strings.CutPrefix(u.Path, base)
				if !ok && u.Path+"/" != base {
					l.problem = fmt.Sprintf("link %q leaves the site, which is served under %s", raw, base)
					sp.links = append(sp.links, l)
					return
				}
				target = strings.TrimPrefix(path.Clean("/"+rest), "/")
			} else {
				target = path.Join(path.Dir(p), u.Path)
			}
			if target == "." || target == "" {
				target = "index.html"
			} else if strings.HasSuffix(u.Path, "/") || !strings.Contains(path.Base(target), ".") {
				target = path.Join(target, "index.html")
			}
		}
		l.target, l.fragment = target, u.Fragment
		sp.links = append(sp.links, l)
	})
	return sp
}
