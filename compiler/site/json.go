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

type versionJSON struct {
	Version   string     `json:"version"`
	Effective model.Date `json:"effective"`
	Released  model.Date `json:"released"`
	Summary   string     `json:"summary,omitempty"`
	URL       string     `json:"url"`
	PDF       string     `json:"pdf"`
}

// noticesJSON returns notices.json: every notice's current text with its
// dates, its outline (anchors, the rules each section discloses and the data
// behind it) and its Markdown, and the list of its versions; and, when
// versions were released, the ledger's hash-chain head.
func noticesJSON(notices []*Notice, baseURL, ledgerHead string) ([]byte, error) {
	type entry struct {
		noticeJSON
		Version  string        `json:"version,omitempty"`
		Versions []versionJSON `json:"versions,omitempty"`
	}
	out := struct {
		// LedgerHead is the release ledger's hash-chain head: a rewritten
		// history gives another one.
		LedgerHead string  `json:"ledger_head,omitempty"`
		Notices    []entry `json:"notices"`
	}{LedgerHead: ledgerHead, Notices: []entry{}}
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
		for _, v := range n.Versions {
			e.Versions = append(e.Versions, versionJSON{Version: v.Version, Effective: v.Doc.Effective, Released: v.Released, Summary: v.Summary,
				URL: baseURL + n.ID + "/" + v.Version + "/", PDF: baseURL + n.ID + "/" + v.Version + "/" + n.ID + "-" + v.Version + ".pdf"})
		}
		out.Notices = append(out.Notices, e)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
