package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/render"
)

// pdfFormat changes whenever the PDF renderer's output changes, so cached
// PDFs of an older renderer are not reused.
const pdfFormat = "disclose-pdf-3"

// pdfJob is one PDF of the site: the document, how to typeset it, and its
// path under static/ (and so under the site root).
type pdfJob struct {
	doc  *notice.Document
	opts pdf.Options
	rel  string
	// redline, when set, is the redline typeset below doc, a header
	// document (pdf.Redline).
	redline []diff.Block
	// digest is the hash of doc's JSON form, made once for every job of
	// the same document (a notice's current page is one of its versions).
	digest func() ([]byte, error)
}

// pdfJobs lists every PDF of the site: each page's, then each redline's,
// in a fixed order, so problems are reported the same way every time.
func pdfJobs(in *Input, redlines map[string]*redlinePDF, opts Options) []pdfJob {
	base := strings.TrimRight(siteURL(in, opts), "/")
	noticeURL := func(lang string) func(string) string {
		rel := in.noticeLink(lang, 0)
		return func(id string) string { return base + "/" + rel(id) }
	}
	paper := func(id string) string {
		if in.Project != nil && in.Project.Notices[id] != nil {
			return in.Project.Notices[id].Paper
		}
		return ""
	}
	digests := map[*notice.Document]func() ([]byte, error){}
	digest := func(d *notice.Document) func() ([]byte, error) {
		if digests[d] == nil {
			digests[d] = sync.OnceValues(func() ([]byte, error) {
				b, err := json.Marshal(d)
				h := sha256.Sum256(b)
				return h[:], err
			})
		}
		return digests[d]
	}
	// The PDFs' words, once per language, not per PDF.
	byLang := map[string]*pdf.Words{}
	wordsOf := func(lang string) *pdf.Words {
		if w, ok := byLang[lang]; ok {
			return w
		}
		byLang[lang] = in.pdfWords(lang)
		return byLang[lang]
	}
	var jobs []pdfJob
	for _, n := range in.published() {
		for _, t := range targets(n) {
			words := wordsOf(t.page.Doc.Language)
			version := t.page.Version
			if version == "" {
				w := in.words(t.page.Doc.Language)
				version = w.t("pdf.draft", locale.Data{"Date": w.date(t.page.Doc.Effective)})
			}
			jobs = append(jobs, pdfJob{doc: t.page.Doc, opts: pdf.Options{Version: version, URL: base + "/" + t.dir + "/", Language: t.page.Doc.Language, Paper: paper(n.ID), NoticeURL: noticeURL(n.lang), Words: words}, rel: t.dir + "/" + t.pdf,
				digest: digest(t.page.Doc)})
		}
	}
	names := make([]string, 0, len(redlines))
	for rel := range redlines {
		names = append(names, rel)
	}
	sort.Strings(names)
	for _, rel := range names {
		r := redlines[rel]
		jobs = append(jobs, pdfJob{doc: r.head, opts: pdf.Options{URL: base + "/" + path.Dir(rel) + "/", Language: r.head.Language, Paper: paper(r.head.ID), NoticeURL: noticeURL(r.head.Language), Words: wordsOf(r.head.Language)}, rel: rel, redline: r.blocks,
			digest: digest(r.head)})
	}
	return jobs
}

// writePDFs typesets every page's PDF into the site folder dir, beside
// the page, and every redline's, reusing cached PDFs of unchanged notices,
// and returns their slash paths. The PDFs are typeset on every core (the
// pdf stage is safe for concurrent use and gives the same bytes), each
// written as it is done; problems are reported in the jobs' order.
func writePDFs(ctx context.Context, dir string, in *Input, redlines map[string]*redlinePDF, opts Options) ([]string, error) {
	jobs := pdfJobs(in, redlines, opts)
	type result struct {
		bad []pdf.Unsupported
		err error
	}
	results := make([]result, len(jobs))
	do := func(i int) result {
		j := jobs[i]
		file := filepath.Join(dir, filepath.FromSlash(j.rel))
		data, cached, bad, err := cachedPDF(j, opts.cache("pdf"))
		switch {
		case err != nil || len(bad) > 0:
			return result{bad, err}
		case cached != "":
			return result{nil, placeFile(cached, file)}
		}
		return result{nil, writeFile(file, data)}
	}
	// The first job that fails stops the others being handed out.
	ctx, failed := context.WithCancel(ctx)
	defer failed()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				if results[i] = do(i); results[i].err != nil {
					failed()
				}
			}
		})
	}
feed:
	for i := range jobs {
		// Typesetting takes a fraction of a second per document: stop
		// handing out documents when the build is cancelled.
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return nil, &Error{Stage: "pdf", Err: r.err}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Stage: "pdf", Err: err}
	}
	var written []string
	var missing diag.List
	for i, j := range jobs {
		r := results[i]
		for _, u := range r.bad {
			missing.Add(diag.Pos{}, j.doc.ID, "%s", u.String()).Hint = "use a character the font has, or change the font"
		}
		if len(r.bad) == 0 {
			written = append(written, j.rel)
		}
	}
	if len(missing) > 0 {
		return nil, &Error{Stage: "pdf", Err: errors.New("unsupported characters"), Diags: missing}
	}
	return written, nil
}

// PDF typesets one PDF of the site on request, by its slash path under the
// site root ("global/global.pdf"), for a site built with NoPDF (the
// preview). ok is false when the site has no PDF of that name; err is an
// *Error of stage "pdf" when it cannot be typeset.
func PDF(in *Input, opts Options, name string) (data []byte, ok bool, err error) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	redlines := map[string]*redlinePDF{}
	for _, n := range in.published() {
		_, rd := in.changePages(n, false, "")
		for rel, d := range rd {
			redlines[rel] = d
		}
	}
	for _, j := range pdfJobs(in, redlines, opts) {
		if j.rel != name {
			continue
		}
		data, cached, bad, err := cachedPDF(j, opts.cache("pdf"))
		if err == nil && data == nil {
			data, err = os.ReadFile(cached)
		}
		if err != nil {
			return nil, true, &Error{Stage: "pdf", Err: err}
		}
		if len(bad) > 0 {
			var missing diag.List
			for _, u := range bad {
				missing.Add(diag.Pos{}, j.doc.ID, "%s", u.String())
			}
			return nil, true, &Error{Stage: "pdf", Err: errors.New("unsupported characters"), Diags: missing}
		}
		return data, true, nil
	}
	return nil, false, nil
}

// pdfWords are the words of a PDF in lang from the site's catalogue; nil
// for English, whose words the pdf stage knows.
func (in *Input) pdfWords(lang string) *pdf.Words {
	if lang == "" || lang == "en" || in.Messages == nil {
		return nil
	}
	w := in.words(lang)
	date := locale.Data{"Date": "{date}"}
	return &pdf.Words{
		Running: w.t("pdf.running", date), Version: w.t("pdf.version", nil), Effective: w.t("pdf.effective", date),
		LastUpdated: w.t("pdf.last-updated", date), Online: w.t("pdf.online", nil),
		Page:       w.t("pdf.page", locale.Data{"Page": "{page}", "Pages": "{pages}"}),
		LegendLead: w.t("pdf.legend.lead", nil), Inserted: w.t("pdf.legend.inserted", nil), InsertedColour: w.t("pdf.legend.inserted-colour", nil),
		Deleted: w.t("pdf.legend.deleted", nil), DeletedColour: w.t("pdf.legend.deleted-colour", nil),
		See: w.t("notice.see", nil), Colon: w.t("notice.colon", nil),
		Date: w.date,
	}
}

// renderWords are the words of a notice's Markdown in lang from the
// site's catalogue; nil for English, whose words render knows.
func (in *Input) renderWords(lang string) *render.Words {
	if lang == "" || lang == "en" || in.Messages == nil {
		return nil
	}
	w := in.words(lang)
	date := locale.Data{"Date": "{date}"}
	return &render.Words{
		Contents: w.t("notice.contents", nil), See: w.t("notice.see", nil), Colon: w.t("notice.colon", nil),
		Effective: w.t("pdf.effective", date), LastUpdated: w.t("pdf.last-updated", date),
	}
}

// MarkdownOptions are the options a notice in lang is rendered with as
// Markdown on its own (a release's frozen notice.LANG.md): the words
// around its text and its dates in lang, from the site's catalogue
// (compiler.SiteCatalogue). English, or no catalogue, gives nil: render's
// English defaults.
func MarkdownOptions(messages *locale.Catalogue, lang string) *render.Options {
	in := &Input{Messages: messages}
	rw := in.renderWords(lang)
	if rw == nil {
		return nil
	}
	return &render.Options{Words: rw, Dates: in.words(lang).date}
}

// cachedPDF returns the job's PDF: the path of the file the cache holds
// under the hash of everything the PDF depends on (the document by its
// JSON form, the one a release freezes, which holds all of it), after
// typesetting it if it held none (data is then the PDF too, or only it when
// the cache cannot keep it).
func cachedPDF(j pdfJob, cacheDir string) (data []byte, cached string, bad []pdf.Unsupported, err error) {
	d, po := j.doc, j.opts
	h := sha256.New()
	for _, s := range []string{pdfFormat, d.ID, d.Title, d.Organization, string(d.Effective), string(d.LastUpdated), po.Version, po.URL, po.Language, po.Paper} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	sum, err := j.digest()
	if err != nil {
		return nil, "", nil, err
	}
	h.Write(sum)
	if w := po.Words; w != nil {
		// The words of a PDF in another language, and its dates.
		for _, s := range []string{w.Running, w.Version, w.Effective, w.LastUpdated, w.Online, w.Page, w.LegendLead, w.Inserted, w.InsertedColour, w.Deleted, w.DeletedColour, w.See, w.Colon, w.Date(d.Effective), w.Date(d.LastUpdated)} {
			h.Write([]byte("\x00words\x00" + s))
		}
	}
	if j.redline != nil {
		b, err := json.Marshal(j.redline)
		if err != nil {
			return nil, "", nil, err
		}
		h.Write([]byte("\x00redline\x00"))
		h.Write(b)
	}
	key := hex.EncodeToString(h.Sum(nil))
	if cacheDir != "" {
		// Only a regular file: a link to one would be published as a link.
		p := filepath.Join(cacheDir, key+".pdf")
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			return nil, p, nil, nil
		}
	}
	if j.redline != nil {
		data, bad, err = pdf.Redline(d, j.redline, po)
	} else {
		data, bad, err = pdf.Render(d, po)
	}
	if err != nil || len(bad) > 0 {
		return nil, "", bad, err
	}
	if cacheDir != "" && keep(cacheDir, key+".pdf", data) {
		return data, filepath.Join(cacheDir, key+".pdf"), nil, nil
	}
	return data, "", nil, nil
}
