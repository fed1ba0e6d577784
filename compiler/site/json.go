package site

import (
	"encoding/json"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// noticeJSON is a compiled notice in notices.json, the machine-readable
// form of the site for tools and auditors.
type noticeJSON struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	URL         string        `json:"url"`
	Effective   model.Date    `json:"effective"`
	LastUpdated model.Date    `json:"last_updated"`
	Sections    []sectionJSON `json:"sections"`
	Markdown    string        `json:"markdown"`
}

type sectionJSON struct {
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Rules    []string      `json:"rules,omitempty"`
	Data     []string      `json:"data,omitempty"`
	Sections []sectionJSON `json:"sections,omitempty"`
}

func sectionsJSON(ss []*notice.Section) []sectionJSON {
	var out []sectionJSON
	for _, s := range ss {
		out = append(out, sectionJSON{ID: s.ID, Title: s.Title, Rules: s.Trace.Rules, Data: s.Trace.Paths, Sections: sectionsJSON(s.Sections)})
	}
	return out
}

// versionJSON is a released version in notices.json. It was in force (or
// will be) on every day D with in_force_from <= D and, when
// in_force_until is given, D < in_force_until; a version replaced before
// it took effect has neither and says never_in_force.
type versionJSON struct {
	Version      string     `json:"version"`
	Effective    model.Date `json:"effective"`
	Released     model.Date `json:"released"`
	InForceFrom  model.Date `json:"in_force_from,omitempty"`
	InForceUntil model.Date `json:"in_force_until,omitempty"`
	NeverInForce bool       `json:"never_in_force,omitempty"`
	Summary      string     `json:"summary,omitempty"`
	URL          string     `json:"url"`
	PDF          string     `json:"pdf"`
	// Data are the version's tables published as data files (the
	// sub-processor list), by name.
	Data map[string]dataFiles `json:"data,omitempty"`
	// Languages are the languages the version is published in, English
	// first, each with its page and PDF; only for a notice published in
	// more than one.
	Languages []languageJSON `json:"languages,omitempty"`
}

// languageJSON is a notice's page in one language.
type languageJSON struct {
	Language string `json:"language"`
	URL      string `json:"url"`
	PDF      string `json:"pdf"`
}

type dataFiles struct {
	CSV  string `json:"csv"`
	JSON string `json:"json"`
}

// noticesFormat is the version of notices.json's format: it grows by
// adding fields; one that changes or goes raises it.
const noticesFormat = 2

// noticesJSON returns notices.json: every notice's current text with its
// dates, its outline (anchors, the rules each section discloses and the data
// behind it) and its Markdown, and the list of its versions; and, when
// versions were released, the ledger's hash-chain head.
func noticesJSON(in *Input, baseURL string) ([]byte, error) {
	in.prepare()
	notices, ledgerHead := in.Notices, in.LedgerHead
	type entry struct {
		noticeJSON
		Version  string        `json:"version,omitempty"`
		Upcoming string        `json:"upcoming,omitempty"`
		Versions []versionJSON `json:"versions,omitempty"`
		// Languages are the languages the text at url is published in.
		Languages []languageJSON `json:"languages,omitempty"`
	}
	out := struct {
		Format int `json:"format"`
		// LedgerHead is the release ledger's hash-chain head: a rewritten
		// history gives another one.
		LedgerHead string  `json:"ledger_head,omitempty"`
		Notices    []entry `json:"notices"`
	}{Format: noticesFormat, LedgerHead: ledgerHead, Notices: []entry{}}
	for _, n := range notices {
		if n.Current == nil {
			continue
		}
		d := n.Current.Doc
		e := entry{noticeJSON: noticeJSON{
			ID: n.ID, Title: d.Title, URL: baseURL + n.ID + "/", Effective: d.Effective, LastUpdated: d.LastUpdated,
			Sections: sectionsJSON(d.Sections),
			Markdown: string(render.Markdown(d, &render.Options{NoticeURL: func(id string) string { return baseURL + id + "/" }})),
		}, Version: n.Current.Version}
		if n.Upcoming != nil {
			e.Upcoming = n.Upcoming.Version
		}
		// The same page in each language, by its key below the notice's
		// folder, with its PDF's name there.
		languages := func(key, pdfSuffix string) []languageJSON {
			fam := in.family(n)
			if len(fam) < 2 {
				return nil
			}
			var out []languageJSON
			for _, m := range fam {
				if hasPage(m, key) {
					dir := baseURL + m.dir() + "/" + key
					out = append(out, languageJSON{Language: m.code(), URL: dir, PDF: dir + m.file() + pdfSuffix + ".pdf"})
				}
			}
			return out
		}
		e.Languages = languages("", "")
		for _, v := range n.Versions {
			dir := baseURL + n.ID + "/" + v.Version + "/"
			vj := versionJSON{Version: v.Version, Effective: v.Doc.Effective, Released: v.Released, Summary: v.Summary,
				URL: dir, PDF: dir + n.ID + "-" + v.Version + ".pdf"}
			if v.NeverInForce() {
				vj.NeverInForce = true
			} else {
				vj.InForceFrom, vj.InForceUntil = v.Doc.Effective, v.Until
			}
			for _, x := range in.tableExports(n.ID, v.Doc) {
				if vj.Data == nil {
					vj.Data = map[string]dataFiles{}
				}
				vj.Data[x.name] = dataFiles{CSV: dir + x.name + ".csv", JSON: dir + x.name + ".json"}
			}
			vj.Languages = languages(v.Version+"/", "-"+v.Version)
			e.Versions = append(e.Versions, vj)
		}
		out.Notices = append(out.Notices, e)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
