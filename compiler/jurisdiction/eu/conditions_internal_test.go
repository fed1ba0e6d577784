package eu

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// onePack is a jurisdiction with a single requirement, which always applies.
type onePack struct{ q *j.Requirement }

func (onePack) ID() string                                       { return "test" }
func (onePack) Name() string                                     { return "test" }
func (onePack) Applies(*j.Context) (bool, string)                { return true, "" }
func (p onePack) Requirements() []*j.Requirement                 { return []*j.Requirement{p.q} }
func (onePack) Compile(*j.Context) (*notice.Document, diag.List) { return nil, nil }

// ukGDPR, the declarative rules' condition, says what uk says on the day the
// UK GDPR began, for every answer the organisation can give.
func TestUKConditionIsUK(t *testing.T) {
	probe := &j.Requirement{ID: "T", Severity: diag.Error,
		Each: j.ForEach(j.Each{In: "organization", If: ukGDPR, Require: []string{"name"}, At: j.AtItem, Message: "probe"})}
	answers := []model.Answer{model.Yes, model.No, ""}
	for _, est := range answers {
		for _, tgt := range answers {
			c := &j.Context{Date: UKDate, Project: &model.Project{
				Organization: &model.Organization{EstablishedInUK: est, TargetsUK: tgt}}}
			got := len(j.Check(c, onePack{probe})) > 0
			if want := uk(c); got != want {
				t.Errorf("established_in_uk %q, targets_uk %q: ukGDPR holds = %v, uk = %v", est, tgt, got, want)
			}
		}
	}
}

// ukGDPR does not say the UK GDPR's first day: every requirement using it
// must be in force only from then.
func TestUKRulesStartWithTheUKGDPR(t *testing.T) {
	for _, q := range requirements {
		for _, e := range q.Each {
			if e.If == ukGDPR && (q.From == "" || q.From < UKDate) && (e.From == "" || e.From < UKDate) {
				t.Errorf("%s uses ukGDPR but is in force from %q, before %s", q.ID, q.From, UKDate)
			}
		}
	}
}

// chFADP, the declarative rules' condition, says what ch says, for every
// answer the organisation can give.
func TestSwissConditionIsCH(t *testing.T) {
	probe := &j.Requirement{ID: "T", Severity: diag.Error,
		Each: j.ForEach(j.Each{In: "organization", If: chFADP, Require: []string{"name"}, At: j.AtItem, Message: "probe"})}
	answers := []model.Answer{model.Yes, model.No, ""}
	for _, reg := range answers {
		for _, tgt := range answers {
			o := &model.Organization{Ext: model.Ext{ID: &OrganizationFacts{RegisteredInCH: reg, TargetsCH: tgt}}}
			c := &j.Context{Date: CHDate, Project: &model.Project{Organization: o}}
			got := len(j.Check(c, onePack{probe})) > 0
			if want := ch(c); got != want {
				t.Errorf("registered_in_ch %q, targets_ch %q: chFADP holds = %v, ch = %v", reg, tgt, got, want)
			}
		}
	}
}

// The revised FADP's declarative rules are in force only from its first
// day: under the 1992 Act there was no Swiss representative and no data
// protection advisor to publish.
func TestSwissRulesStartWithTheRevisedFADP(t *testing.T) {
	for _, q := range requirements {
		for _, e := range q.Each {
			if (e.If == chFADP || e.If == chRepresented) && (q.From == "" || q.From < CHDate) {
				t.Errorf("%s uses a Swiss condition but is in force from %q, before %s", q.ID, q.From, CHDate)
			}
		}
	}
}

// The conditions said in the README's rules table and by disclose explain
// are generated from the declarative rules.
func TestEUConditions(t *testing.T) {
	const uk = "the UK GDPR applies"
	want := map[string]string{
		"GDPR-27":       "when organization.established_in_eu is no and organization.targets_eu is yes",
		"UK-27":         "when organization.established_in_uk is no and organization.targets_uk is yes",
		"GDPR-26-2":     "for each entity whose role is joint_controller; for each recipient whose gdpr_role is joint_controller",
		"GDPR-13-1-d":   "for each purpose whose legal_bases include legitimate_interests or uk_legal_bases include legitimate_interests; a legitimate interest that only restates the basis",
		"UK-RLI":        "for each purpose whose uk_legal_bases include recognised_legitimate_interest, when " + uk,
		"GDPR-49-1-a":   "for each transfer whose mechanism is ART49_1_A",
		"GDPR-14-3":     "for each source whose kind is third_party or kind is public; for each source whose informed is exempt",
		"GDPR-49-1-2":   "for each transfer whose mechanism is ART49_1_COMPELLING_LI",
		"UK-SA":         "when " + uk,
		"UK-COMPLAINTS": "when " + uk,
		"UK-ADM":        "for each automated decision whose art22 is yes, when " + uk,
		"CH-FADP-14":    "when Swiss data protection law applies, organization.registered_in_ch is no and organization.ch_large_scale_high_risk is yes",
		"CH-FADP-10":    "when Swiss data protection law applies and organization.dpo.ch.appointed is yes",
	}
	for _, q := range requirements {
		w, ok := want[q.ID]
		if !ok {
			if len(q.Each) > 0 {
				t.Errorf("%s is declarative but its condition is not pinned here", q.ID)
			}
			continue
		}
		if got := q.Condition(extensions()...); got != w {
			t.Errorf("%s: Condition() = %q, want %q", q.ID, got, w)
		}
		// GDPR-13-1-d is declarative for the interest's presence, and
		// computes whether its words name one.
		if len(q.Each) == 0 || (q.When != "" || q.Check != nil) != (q.ID == "GDPR-13-1-d") {
			t.Errorf("%s: a declarative rule states its condition once, without When or Check", q.ID)
		}
		delete(want, q.ID)
	}
	for id := range want {
		t.Errorf("eu has no requirement %s", id)
	}
}
