package compiler

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// toyLaw is a rule pack with only requirements, for the choice of the rule
// a missing value gets.
type toyLaw struct {
	id   string
	reqs []*jurisdiction.Requirement
}

func (p *toyLaw) ID() string                                                  { return p.id }
func (p *toyLaw) Name() string                                                { return p.id }
func (p *toyLaw) Applies(*jurisdiction.Context) (bool, string)                { return true, "" }
func (p *toyLaw) Requirements() []*jurisdiction.Requirement                   { return p.reqs }
func (p *toyLaw) Compile(*jurisdiction.Context) (*notice.Document, diag.List) { return nil, nil }

func TestDescribeGivesMissingValuesTheirRule(t *testing.T) {
	packs := []jurisdiction.Jurisdiction{
		&toyLaw{id: "first", reqs: []*jurisdiction.Requirement{
			{ID: "A-LINT", Severity: diag.Warning, Data: []string{"purposes.description"}},
			{ID: "A-OLD", Severity: diag.Error, Until: "2020-12-31", Data: []string{"purposes.name"}},
			{ID: "A-1", Severity: diag.Error, Citation: "Law A s. 1", Data: []string{"purposes.retention"}},
		}},
		&toyLaw{id: "second", reqs: []*jurisdiction.Requirement{
			{ID: "B-1", Severity: diag.Error, Citation: "Law B s. 1", Data: []string{"purposes.description", "purposes.retention", "purposes.name"}},
			{ID: "B-2", Severity: diag.Error, Data: []string{"purposes.retention"}},
		}},
	}
	p := &model.Project{Purposes: []*model.Purpose{{ID: "security", Name: "Keep the service secure"}}}
	missing := func(path string) *diag.Diagnostic {
		return &diag.Diagnostic{Path: path, Message: "missing", Missing: true}
	}
	diags := diag.List{
		missing("purposes[0].description"), // an error outranks a warning of an earlier pack
		missing("purposes[0].name"),        // a rule no longer in force is passed over
		missing("purposes[0].retention"),   // the earlier pack, then the earlier requirement
		missing("purposes[0].subjects"),    // no requirement reads it
		{Path: "purposes[0].categories", Message: "not missing"},
		{Path: "purposes[0].direct_marketing", Message: "has its own", Missing: true, Rule: &diag.Rule{ID: "OWN"}},
	}
	describe(p, diags, &Options{Date: "2027-01-04", Jurisdictions: packs})
	want := []string{"B-1", "B-1", "A-1", "", "", "OWN"}
	for i, d := range diags {
		got := ""
		if d.Rule != nil {
			got = d.Rule.ID
		}
		if got != want[i] {
			t.Errorf("%s: rule %q, want %q", d.Path, got, want[i])
		}
		if d.Item != `purpose "security"` || d.ItemName != "Keep the service secure" {
			t.Errorf("%s: item %q (%q)", d.Path, d.Item, d.ItemName)
		}
	}
	if c := diags[2].Rule.Citation; c != "Law A s. 1" {
		t.Errorf("citation %q", c)
	}
}

// A missing value gets no rule of a pack that does not apply to the
// organisation (a GDPR rule in a project with no tie to Europe), judged on
// the data as loaded; when the data Applies reads is itself broken, every
// pack may apply and lends its rule.
func TestDescribeCitesOnlyPacksThatMayApply(t *testing.T) {
	outside := &model.Organization{Name: "Tinydesk", EstablishedInEU: model.No, TargetsEU: model.No,
		EstablishedInUK: model.No, TargetsUK: model.No}
	inside := *outside
	inside.TargetsEU = model.Yes
	missing := func() *diag.Diagnostic {
		return &diag.Diagnostic{Severity: diag.Error, Path: "purposes[0].legal_bases", Message: "missing required field", Missing: true}
	}
	cases := []struct {
		name  string
		org   *model.Organization
		also  *diag.Diagnostic
		wantA bool // the eu pack's rule is cited
	}{
		{"not in Europe", outside, nil, false},
		{"targets the EU", &inside, nil, true},
		{"applicability data broken", outside, &diag.Diagnostic{Severity: diag.Error, Path: "organization.targets_eu", Message: "bad"}, true},
		{"organization missing", outside, &diag.Diagnostic{Severity: diag.Error, Path: "organization", Message: "missing", Missing: true}, true},
		{"a whole file broken", outside, &diag.Diagnostic{Severity: diag.Error, Message: "cannot parse"}, true},
		{"a warning there judges nothing", outside, &diag.Diagnostic{Severity: diag.Warning, Path: "organization.targets_eu", Message: "odd"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := &model.Project{Organization: tc.org, Purposes: []*model.Purpose{{ID: "billing", Name: "Bill your organisation"}}}
			d := missing()
			diags := diag.List{d}
			if tc.also != nil {
				diags = append(diags, tc.also)
			}
			describe(p, diags, &Options{Date: "2027-01-04"})
			got := d.Rule != nil && strings.HasPrefix(d.Rule.Citation, "GDPR")
			if got != tc.wantA {
				t.Errorf("GDPR rule cited = %v (rule %+v), want %v", got, d.Rule, tc.wantA)
			}
		})
	}
}
