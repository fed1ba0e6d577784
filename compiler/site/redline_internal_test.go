package site

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// frontMatter reads a content file's JSON front matter.
func frontMatter(t *testing.T, file []byte) map[string]any {
	t.Helper()
	fm, _, _ := bytes.Cut(file, []byte("\n\n"))
	var m map[string]any
	if err := json.Unmarshal(fm, &m); err != nil {
		t.Fatalf("front matter: %v\n%s", err, file)
	}
	return m
}

// Each version's redline has two pages, the whole text and the changed
// sections only, linked both ways and saying how many changes there are;
// a version whose text did not change has no changed view. The changelog
// and the PDF give the same count.
func TestRedlinePages(t *testing.T) {
	doc := func(effective, retention string, extra ...*notice.Section) *notice.Document {
		return &notice.Document{ID: "n", Title: "Notice", Effective: model.Date(effective),
			Sections: append([]*notice.Section{
				{ID: "about", Title: "About", Blocks: []notice.Block{&notice.Paragraph{Text: "Unchanged."}}},
				{ID: "retention", Title: "Retention", Blocks: []notice.Block{&notice.Paragraph{Text: notice.Text("We keep it for " + retention + ".")}}},
			}, extra...)}
	}
	v1 := &Page{Doc: doc("2025-01-01", "12 months"), Version: "1", Released: "2024-12-01"}
	v2 := &Page{Doc: doc("2026-01-01", "24 months", &notice.Section{ID: "new", Title: "New", Blocks: []notice.Block{&notice.Paragraph{Text: "A new section."}}}),
		Version: "2", Released: "2025-12-01", Previous: v1}
	v3 := &Page{Doc: v2.Doc, Version: "3", Released: "2026-02-01", Previous: v2}
	v3.Doc = &notice.Document{ID: "n", Title: "Notice", Effective: "2026-03-01", Sections: v2.Doc.Sections}
	for _, v := range []*Page{v2, v3} {
		v.Redline = diff.Redline(render.Plain(v.Previous.Doc), render.Plain(v.Doc))
	}
	n := &Notice{ID: "n", Current: v3, Versions: []*Page{v1, v2, v3}}
	files, pdfs := (&Input{}).changePages(n, false, "")

	full, ok := files["content/n/2/redline/_index.md"]
	if !ok {
		t.Fatalf("no redline page; files: %v", keys(files))
	}
	changed, ok := files["content/n/2/redline/changed/index.md"]
	if !ok {
		t.Fatalf("no changed view; files: %v", keys(files))
	}
	if _, ok := files["content/n/3/redline/changed/index.md"]; ok {
		t.Error("a version whose text did not change has a changed view")
	}
	if _, ok := files["content/n/3/redline/_index.md"]; !ok {
		t.Error("a version whose text did not change has no redline page")
	}

	// 12 -> 24 in Retention; the new section's heading and its paragraph.
	const count = "3 changes in 2 sections"
	for name, page := range map[string][]byte{"full": full, "changed": changed} {
		fm := frontMatter(t, page)
		ov := fm["overview"].(map[string]any)
		if ov["count"] != count || ov["view"] != name || ov["first"] != "#change-1" {
			t.Errorf("%s view: overview %v", name, ov)
		}
		var titles []string
		for _, s := range ov["sections"].([]any) {
			s := s.(map[string]any)
			titles = append(titles, s["title"].(string)+" "+s["url"].(string)+" "+s["count"].(string))
		}
		if got, want := strings.Join(titles, "; "), "Retention #change-1 1 change; New #change-2 2 changes"; got != want {
			t.Errorf("%s view: sections %q, want %q", name, got, want)
		}
		html := fm["redline"].(string)
		if !strings.Contains(html, `id="change-3"`) || strings.Contains(html, `id="change-4"`) {
			t.Errorf("%s view: not the three changes:\n%s", name, html)
		}
		if unchanged := strings.Contains(html, "Unchanged."); unchanged != (name == "full") {
			t.Errorf("%s view: shows the unchanged section: %v", name, unchanged)
		}
		// The two views link each other, and every link of the page leads
		// where the full page's does.
		links := fm["links"].([]any)
		version := links[0].(map[string]any)["url"].(string)
		switch name {
		case "full":
			if ov["changed"] != "changed/" || ov["full"] != "./" || version != "../" || fm["pdf"] != "n-2-redline.pdf" {
				t.Errorf("full view links: %v, version %s, pdf %v", ov, version, fm["pdf"])
			}
		case "changed":
			if ov["full"] != "../" || ov["changed"] != "./" || version != "../../" || fm["pdf"] != "../n-2-redline.pdf" {
				t.Errorf("changed view links: %v, version %s, pdf %v", ov, version, fm["pdf"])
			}
			if !strings.Contains(html, `href="../#section-`) {
				t.Errorf("the changed view does not link the text it leaves out:\n%s", html)
			}
		}
	}
	v3fm := frontMatter(t, files["content/n/3/redline/_index.md"])
	if ov := v3fm["overview"].(map[string]any); ov["count"] != "No change to the text" || ov["changed"] != nil || ov["sections"] != nil {
		t.Errorf("unchanged text: overview %v", ov)
	}

	log := string(files["content/n/changes/index.md"])
	for _, want := range []string{"[See the changes to its text](../2/redline/) (" + count + ")", "[See the changes to its text](../3/redline/) (no change to the text)"} {
		if !strings.Contains(log, want) {
			t.Errorf("changelog lacks %q:\n%s", want, log)
		}
	}
	if all := string(whatChanged([]*Notice{n})); !strings.Contains(all, "[changes to its text](../n/2/redline/) ("+count+")") {
		t.Errorf("the combined changelog does not count the changes:\n%s", all)
	}
	pdf := pdfs["n/2/redline/n-2-redline.pdf"]
	if pdf == nil {
		t.Fatalf("no redline PDF; %v", pdfs)
	}
	intro := string(pdf.head.Intro[0].(*notice.Paragraph).Text)
	if !strings.HasSuffix(intro, " "+count+".") {
		t.Errorf("the PDF's intro does not count the changes: %q", intro)
	}
	if intro := string(pdfs["n/3/redline/n-3-redline.pdf"].head.Intro[0].(*notice.Paragraph).Text); !strings.HasSuffix(intro, "). No change to the text.") {
		t.Errorf("the PDF's intro of an unchanged text: %q", intro)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
