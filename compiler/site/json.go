package site

import (
	"encoding/json"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// noticeJSON is a compiled notice in notices.json, the machine-readable
// form of the site for tools and auditors.
type noticeJSON struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	URL         string        `json:"url"`
	Effective   string        `json:"effective"`
	LastUpdated string        `json:"last_updated"`
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

// noticesJSON returns notices.json: every notice with its dates, its
// outline (anchors, the rules each section discloses and the data behind
// it) and its Markdown.
func noticesJSON(docs []*notice.Document, baseURL string) ([]byte, error) {
	out := struct {
		Notices []noticeJSON `json:"notices"`
	}{Notices: []noticeJSON{}}
	for _, d := range docs {
		out.Notices = append(out.Notices, noticeJSON{
			ID: d.ID, Title: d.Title, URL: baseURL + d.ID + "/", Effective: d.Effective, LastUpdated: d.LastUpdated,
			Sections: sectionsJSON(d.Sections),
			Markdown: string(render.Markdown(d, &render.Options{NoticeURL: func(id string) string { return baseURL + id + "/" }})),
		})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
