package compiler_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Every section a pack writes says where its text comes from: the data it
// uses or the rule that requires it (notice.Trace), in the sample and in
// every example as of its own date, so `disclose explain` can show it and
// no section is published from nothing.
func TestEverySectionHasATrace(t *testing.T) {
	sets := []struct {
		name string
		dir  string
		day  model.Date
	}{{"sample", "", "2026-11-23"}}
	for dir, day := range map[string]model.Date{"desk-2012": "2012-11-05", "deskpro-2018": "2018-05-25", "onedesk-2020": "2020-12-12"} {
		sets = append(sets, struct {
			name string
			dir  string
			day  model.Date
		}{dir, filepath.Join("..", "examples", dir), day})
	}
	for _, set := range sets {
		var fsys fs.FS = disclose.Sample
		if set.dir != "" {
			fsys = os.DirFS(set.dir)
		}
		_, docs, diags := compiler.Compile(fsys, "data", &compiler.Options{Date: set.day})
		if diags.HasErrors() {
			t.Fatalf("%s: %v", set.name, diags)
		}
		if len(docs) == 0 {
			t.Fatalf("%s: no notices", set.name)
		}
		for _, d := range docs {
			d.Walk(func(s *notice.Section, _ int) {
				if len(s.Trace.Paths) == 0 && len(s.Trace.Rules) == 0 {
					t.Errorf("%s: %s#%s (%s) has no trace", set.name, d.ID, s.ID, s.Title)
				}
			})
		}
	}
}

// Every notice opens with its key points: each traced to its own data,
// each linking to a section the notice has, and the actions lead with the
// primary one.
func TestEveryNoticeHasTracedKeyPoints(t *testing.T) {
	_, docs, diags := compiler.Compile(disclose.Sample, "data", &compiler.Options{Date: "2026-12-02"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, d := range docs {
		if d.Summary == nil {
			t.Errorf("%s: no key points", d.ID)
			continue
		}
		var points int
		for _, b := range d.Summary.Blocks {
			switch b := b.(type) {
			case *notice.KeyPoints:
				for _, p := range b.Points {
					points++
					if len(p.Trace.Paths) == 0 {
						t.Errorf("%s: key point %q has no trace", d.ID, p.Label)
					}
					if p.Section != "" && d.Section(p.Section) == nil {
						t.Errorf("%s: key point %q links to #%s, which the notice does not have", d.ID, p.Label, p.Section)
					}
				}
			case *notice.Actions:
				if len(b.Items) == 0 || !b.Items[0].Primary {
					t.Errorf("%s: the first action is not the primary one: %+v", d.ID, b.Items)
				}
				for _, a := range b.Items[1:] {
					if a.Primary {
						t.Errorf("%s: two primary actions", d.ID)
					}
				}
			}
		}
		if points == 0 {
			t.Errorf("%s: a summary without points", d.ID)
		}
	}
}

// A processor that starts after the notice's date is not presented as in
// use by any key point: where a point names its country, it names the day
// it starts too; from that day on it is named as any other.
func TestKeyPointsNameProcessorsFromTheirStart(t *testing.T) {
	proj, _, diags := compiler.Compile(disclose.Sample, "data", &compiler.Options{Date: "2026-12-02"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var later *model.Processor
	for _, pr := range proj.Processors {
		if pr.Added.Valid() && pr.Added > "2026-12-02" {
			later = pr
		}
	}
	if later == nil {
		t.Fatal("the sample has no processor that starts later")
	}
	country := model.CountryName(later.Country)
	start := later.Added.Format("2 January 2006")
	for _, day := range []model.Date{"2026-12-02", later.Added} {
		_, docs, diags := compiler.Compile(disclose.Sample, "data", &compiler.Options{Date: day})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		named := 0
		for _, d := range docs {
			for _, b := range d.Summary.Blocks {
				kp, ok := b.(*notice.KeyPoints)
				if !ok {
					continue
				}
				for _, p := range kp.Points {
					text := string(p.Text)
					if !strings.Contains(text, country) {
						continue
					}
					named++
					dated := strings.Contains(text, "from "+start)
					if day < later.Added && !dated {
						t.Errorf("as of %s, %s key point %q names %s without its start (%s): %s", day, d.ID, p.Label, country, start, text)
					}
					if day >= later.Added && dated {
						t.Errorf("as of %s, %s key point %q still says %s starts later: %s", day, d.ID, p.Label, country, text)
					}
				}
			}
		}
		if named == 0 {
			t.Errorf("as of %s no key point names %s", day, country)
		}
	}
}
