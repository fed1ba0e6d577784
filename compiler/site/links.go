package site

import (
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
)

var (
	hrefRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// CheckLinks checks every internal link and anchor of the HTML pages of a
// built site served under base ("/" or "/privacy/"): a link to a page that
// does not exist, or to an anchor the page does not have, is a diagnostic
// positioned at the page (file:line). An empty link is reported too. Files
// named in onRequest (slash paths under the site root) count as present: a
// server makes them when asked (Options.PDFOnRequest).
func CheckLinks(site fs.FS, base string, onRequest ...string) diag.List {
	ids := map[string]map[string]bool{} // page path -> anchors
	pages := map[string][]byte{}
	files := map[string]bool{}
	for _, f := range onRequest {
		files[f] = true
	}
	_ = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p] = true
		if strings.HasSuffix(p, ".html") {
			b, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			pages[p] = b
			set := map[string]bool{}
			for _, m := range idRE.FindAllSubmatch(b, -1) {
				set[html.UnescapeString(string(m[1]))] = true
			}
			ids[p] = set
		}
		return nil
	})
	var names []string
	for p := range pages {
		names = append(names, p)
	}
	sort.Strings(names)
	var diags diag.List
	for _, p := range names {
		b := pages[p]
		for _, m := range hrefRE.FindAllSubmatchIndex(b, -1) {
			raw := html.UnescapeString(string(b[m[2]:m[3]]))
			line := 1 + strings.Count(string(b[:m[2]]), "\n")
			pos := diag.Pos{File: p, Line: line}
			if strings.TrimSpace(raw) == "" {
				diags.Add(pos, "", "empty link")
				continue
			}
			u, err := url.Parse(raw)
			if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "//") {
				continue // external, or mail and telephone links
			}
			target := p
			if u.Path != "" {
				if strings.HasPrefix(u.Path, "/") {
					rest, ok := strings.CutPrefix(u.Path, base)
					if !ok && u.Path+"/" != base {
						diags.Add(pos, "", "link %q leaves the site, which is served under %s", raw, base)
						continue
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
			switch {
			case !files[target]:
				diags.Add(pos, "", "link %q leads to %s, which the site does not have", raw, target)
			case u.Fragment != "" && ids[target] != nil && !ids[target][u.Fragment]:
				diags.Add(pos, "", "link %q: %s has no element with id %q", raw, target, u.Fragment)
			}
		}
	}
	return diags
}
