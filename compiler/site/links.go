package site

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

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
			attrs(b, []string{"id"}, func(start, end int) {
				set[html.UnescapeString(string(b[start:end]))] = true
			})
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
		line, counted := 1, 0
		attrs(b, []string{"href", "src"}, func(start, end int) {
			raw := html.UnescapeString(string(b[start:end]))
			line += bytes.Count(b[counted:start], []byte("\n"))
			counted = start
			pos := diag.Pos{File: p, Line: line}
			if strings.TrimSpace(raw) == "" {
				diags.Add(pos, "", "empty link")
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
						diags.Add(pos, "", "link %q leaves the site, which is served under %s", raw, base)
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
			switch {
			case !files[target]:
				diags.Add(pos, "", "link %q leads to %s, which the site does not have", raw, target)
			case u.Fragment != "" && ids[target] != nil && !ids[target][u.Fragment]:
				diags.Add(pos, "", "link %q: %s has no element with id %q", raw, target, u.Fragment)
			}
		})
	}
	return diags
}
