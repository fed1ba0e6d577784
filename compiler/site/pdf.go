package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/render"
)

// pdfFormat changes whenever the PDF renderer's output changes, so cached
// PDFs of an older renderer are not reused.
const pdfFormat = "disclose-pdf-1"

// writePDFs typesets every page's PDF into static/, beside the page, and
// every redline's, reusing cached PDFs of unchanged notices.
func writePDFs(dir string, in *Input, redlines map[string]*notice.Document, opts Options) error {
	base := trimSlash(siteURL(in, opts))
	var missing diag.List
	// emit typesets d into static/rel, or records what its fonts lack.
	emit := func(d *notice.Document, po pdf.Options, rel string) error {
		data, bad, err := cachedPDF(d, po, opts.CacheDir)
		if err != nil {
			return &Error{Stage: "pdf", Err: err}
		}
		for _, u := range bad {
			missing.Add(diag.Pos{}, d.ID, "%s", u.String()).Hint = "use a character the font has, or change the font"
		}
		if len(bad) > 0 {
			return nil
		}
		file := filepath.Join(dir, "static", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return &Error{Stage: "pdf", Err: err}
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return &Error{Stage: "pdf", Err: err}
		}
		return nil
	}
	for _, n := range in.Notices {
		for _, t := range targets(n) {
			version := t.page.Version
			if version == "" {
				version = "Draft of " + render.LongDate(t.page.Doc.Effective)
			}
			if err := emit(t.page.Doc, pdf.Options{Version: version, URL: base + "/" + t.dir + "/"}, t.dir+"/"+t.pdf); err != nil {
				return err
			}
		}
	}
	// In a fixed order, so problems are reported the same way every time.
	names := make([]string, 0, len(redlines))
	for rel := range redlines {
		names = append(names, rel)
	}
	sort.Strings(names)
	for _, rel := range names {
		if err := emit(redlines[rel], pdf.Options{URL: base + "/" + path.Dir(rel) + "/"}, rel); err != nil {
			return err
		}
	}
	if len(missing) > 0 {
		return &Error{Stage: "pdf", Err: errors.New("unsupported characters"), Diags: missing}
	}
	return nil
}

func trimSlash(s string) string {
	for len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}

// cachedPDF renders d, or returns the PDF cached under the hash of
// everything the PDF depends on.
func cachedPDF(d *notice.Document, po pdf.Options, cacheDir string) ([]byte, []pdf.Unsupported, error) {
	h := sha256.New()
	for _, s := range []string{pdfFormat, d.ID, d.Title, d.Organization, d.Effective, d.LastUpdated, po.Version, po.URL, po.Language} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(render.Markdown(d, nil))
	key := hex.EncodeToString(h.Sum(nil))
	var path string
	if cacheDir != "" {
		path = filepath.Join(cacheDir, key+".pdf")
		if b, err := os.ReadFile(path); err == nil {
			return b, nil, nil
		}
	}
	b, bad, err := pdf.Render(d, po)
	if err != nil || len(bad) > 0 {
		return nil, bad, err
	}
	if path != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err == nil {
			tmp := path + ".tmp"
			if os.WriteFile(tmp, b, 0o644) == nil {
				_ = os.Rename(tmp, path) // a cache: failing to fill it is harmless
			}
		}
	}
	return b, nil, nil
}
