package jurisdiction

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// The summary builder's pieces: counting the rest, countries that start
// later, the most used values first, the range of retention periods, and
// the actions in their order (the first request method primary, then the
// pack's own, then the other methods).
func TestSummaryPieces(t *testing.T) {
	en := &Context{}
	names := []notice.Text{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	if got := more(en, names[:8], moreCountries); got != "a, b, c, d, e, f, g and h" {
		t.Errorf("more(8) = %q", got)
	}
	if got := more(en, names, moreCountries); got != "a, b, c, d, e, f, g and 2 other countries" {
		t.Errorf("more(9) = %q", got)
	}
	later := map[string]model.Date{"IN": "2027-01-04", "BR": "2027-02-01", "JP": "2027-01-04"}
	if got := Later(en, later); got != " (and, from 4 January 2027, India and Japan and from 1 February 2027, Brazil)" {
		t.Errorf("Later = %q", got)
	}
	if got := ByUse([]string{"x", "y"}, []string{"y"}, []string{"z", "y", "x"}); len(got) != 3 || got[0] != "y" || got[1] != "x" || got[2] != "z" {
		t.Errorf("ByUse = %v", got)
	}
	p := &model.Project{
		Categories: []*model.Category{{ID: "a", Name: "A", Retention: "short"}, {ID: "b", Name: "B", Retention: "long"}, {ID: "c", Name: "C", Retention: "crit"}},
		Retention: []*model.Retention{{ID: "short", Name: "S", Period: "30 days", From: "x"}, {ID: "long", Name: "L", Period: "7 years", From: "y"},
			{ID: "crit", Name: "K", Criteria: "As long as needed for the claim"}, {ID: "unused", Name: "U", Period: "99 years", From: "z"}},
		Rights: &model.Rights{RequestMethods: []*model.RequestMethod{{Type: "email", Value: "p@example.com"}, {Type: "postal", Value: "1 Street"},
			{Type: "web_form", Value: "https://example.com/form"}, {Type: "toll_free_phone", Value: "+1 800 555 0100"}}},
	}
	c := &Context{Project: p, Date: "2026-12-01"}
	var s Summary
	s.Kept(c, "retention", nil)
	s.Rights(c, "your-rights", []notice.Text{RightVerb(c, "deletion"), ""})
	s.OptOut("Opt out", "https://example.com/opt-out")
	sec := s.Section(c)
	kp := sec.Blocks[0].(*notice.KeyPoints)
	if got := kp.Points[0].Text; got != "We keep personal data for between 30 days and 7 years, depending on the kind of data. For some kinds, the period depends on criteria instead." {
		t.Errorf("Kept = %q", got)
	}
	if got := kp.Points[1].Text; got != "You can delete it. Make any request with our [online form](https://example.com/form)." {
		t.Errorf("Rights = %q", got)
	}
	acts := sec.Blocks[1].(*notice.Actions).Items
	var labels []string
	for _, a := range acts {
		labels = append(labels, a.Label+"/"+a.Kind)
	}
	want := []string{"Make a privacy request/request", "Opt out/opt-out", "Email p@example.com/request", "Call +1 800 555 0100/request"}
	if len(labels) != len(want) || !acts[0].Primary || acts[1].Primary {
		t.Fatalf("actions %v", labels)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("action %d = %s, want %s", i, labels[i], want[i])
		}
	}
	var empty Summary
	if empty.Section(c) != nil {
		t.Error("a summary without points has a section")
	}
}
