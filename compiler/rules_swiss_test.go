package compiler_test

import (
	"slices"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/render"
)

// Switzerland's rule cases (the eu pack's FADP rules): each removes or
// changes the data one requirement needs, in a fresh copy of the sample.
func init() {
	ruleCases = append(ruleCases, []ruleCase{
		// FADP Art. 19(4): countries and the guarantee or exception.
		{"no Swiss tool on any transfer to the United States", "CH-FADP-19-4", "", func(p *model.Project) {
			for _, id := range []string{"us-dpf", "us-scc", "us-scc-controllers", "us-legal-claims"} {
				eu.Transfer(transfer(p, id)).CHMechanism = ""
			}
		}},
		{"a processor in a country no Swiss transfer reaches", "CH-FADP-19-4", "", func(p *model.Project) {
			t := transfer(p, "uk-to-eea") // Hetzner's backups are in Germany
			t.Destinations = slices.DeleteFunc(t.Destinations, func(d string) bool { return d == "DE" })
		}},
		// Recipient by recipient: Swiss transfers still reach Ireland (for
		// service providers and event co-sponsors), but none for the
		// advertising partners there.
		{"advertising partners in Ireland that no Swiss transfer lists", "CH-FADP-19-4", "", func(p *model.Project) {
			transfer(p, "ie-partners").Recipients = []string{"event-partners"}
		}},
		{"a Swiss transfer to Ireland that names no Swiss tool", "CH-FADP-19-4", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "ie-partners")).CHMechanism = ""
		}},
		// FADP Arts. 16-17: the tool in force, adequacy on the Swiss list.
		{"the Swiss-U.S. Privacy Shield after the FDPIC's statement", "CH-FADP-16", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "us-scc")).CHMechanism = "CH_PRIVACY_SHIELD"
		}},
		// LGPD-33 too: on that day no ANPD adequacy decision covers the
		// EEA transfer of the sample's Brazilian data (brazil.transfers).
		{"the Swiss-U.S. Data Privacy Framework before 15 September 2024", "CH-FADP-16 LGPD-33", "2024-09-14", func(p *model.Project) {
			eu.Transfer(transfer(p, "us-scc")).CHMechanism = "CH_US_DPF"
		}},
		{"Swiss adequacy claimed for India", "CH-FADP-16", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "india-scc")).CHMechanism = "CH_ADEQUACY"
		}},
		{"Swiss adequacy claimed for the United States without the framework", "CH-FADP-16", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "us-scc")).CHMechanism = "CH_ADEQUACY"
		}},
		{"the Swiss-U.S. Data Privacy Framework to affiliates not certified under it", "CH-FADP-16", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "us-dpf")).CHMechanism = "CH_US_DPF"
		}},
		{"the Swiss-U.S. Data Privacy Framework for processors not certified under it", "CH-FADP-16", "", func(p *model.Project) {
			eu.Transfer(transfer(p, "us-scc")).CHMechanism = "CH_US_DPF"
		}},
		// FADP Art. 14: the Swiss representative.
		{"high-risk processing of Swiss data without a Swiss representative", "CH-FADP-14", "", func(p *model.Project) {
			eu.Org(p.Organization).CHLargeScaleHighRisk = model.Yes
		}},
		{"a Swiss representative without an address", "CH-FADP-14", "", func(p *model.Project) {
			eu.Org(p.Organization).CHLargeScaleHighRisk = model.Yes
			eu.Org(p.Organization).Representatives.CH = &model.Contact{Name: "Alpen Privacy Representation AG", Email: "helpwise@alpenrep.example"}
		}},
		// FADP Art. 10: the data protection advisor.
		{"a Swiss data protection advisor without contact details", "CH-FADP-10", "", func(p *model.Project) {
			eu.Org(p.Organization).DPO.CH = &eu.DPO{Appointed: model.Yes}
		}},
	}...)
}

// Swiss transfer tools and the revised FADP's rules are judged as of the
// notice's date: the Swiss-U.S. Privacy Shield until the FDPIC's statement
// of 8 September 2020, the EU clauses of 2021 from their recognition on 27
// August 2021, the older clauses until 31 December 2022, the Swiss-U.S.
// Data Privacy Framework from 15 September 2024, the representative from 1
// September 2023.
func TestSwissToolsFollowTheCalendar(t *testing.T) {
	for _, tc := range []struct {
		tool, rule  string
		before, day string // the last day without a report, the first with one
		edit        func(p *model.Project)
	}{
		{"CH_PRIVACY_SHIELD", "CH-FADP-16", "2020-09-07", "2020-09-08", nil},
		{"CH_SCC_2010", "CH-FADP-16", "2022-12-31", "2023-01-01", nil},
		{"CH_SCC", "CH-FADP-16", "2021-08-27", "2021-08-26", nil},
		{"CH_US_DPF", "CH-FADP-16", "2024-09-15", "2024-09-14", nil},
		{"CH_SCC", "CH-FADP-14", "2023-08-31", "2023-09-01", func(p *model.Project) {
			eu.Org(p.Organization).CHLargeScaleHighRisk = model.Yes
		}},
	} {
		proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
		if len(diags) > 0 {
			t.Fatalf("sample not clean: %v", diags)
		}
		eu.Transfer(transfer(proj, "us-scc")).CHMechanism = tc.tool
		if tc.edit != nil {
			tc.edit(proj)
		}
		reports := func(d string) bool {
			for _, dg := range compiler.CheckRules(proj, &compiler.Options{Date: model.Date(d)}) {
				if dg.Rule != nil && dg.Rule.ID == tc.rule && (tc.rule != "CH-FADP-16" || strings.HasPrefix(dg.Path, "transfers[1]")) {
					return true
				}
			}
			return false
		}
		if reports(tc.before) {
			t.Errorf("%s %s: reported on %s", tc.tool, tc.rule, tc.before)
		}
		if !reports(tc.day) {
			t.Errorf("%s %s: not reported on %s", tc.tool, tc.rule, tc.day)
		}
	}
}

// Switzerland is in the European supplement only when the data says Swiss
// law applies, and from the revised FADP's first day the notice says the
// Swiss rights, the FDPIC and the Swiss tool of each transfer.
func TestSwissPartOnlyWhenTheDataSaysSo(t *testing.T) {
	for _, tc := range []struct {
		name     string
		targets  model.Answer
		date     model.Date
		want     []string
		wantNone []string
	}{
		{"targets Switzerland", model.Yes, day,
			[]string{"Switzerland (FADP)", "{#your-rights-switzerland}", "Federal Data Protection and Information Commissioner", "Safeguard (Switzerland)", "FADP Art. 16(2)(d)"}, nil},
		{"targets Switzerland under the 1992 Act", model.Yes, "2023-08-31",
			[]string{"Switzerland (FADP of 1992)", "Federal Act on Data Protection of 1992", "Not required by Swiss law before 1 September 2023",
				"Under Article 29 of the Swiss Federal Act on Data Protection of 1992", "you can ask the FDPIC to look into it",
				"Our assessment, guided by the FDPIC's list of countries, that the country gives adequate protection"},
			[]string{"Art. 25", "report form", "FADP Art. 10", "FADP Art. 20", "civil courts"}},
		// The team's own words (the introduction, a transfer's
		// description) may still name Switzerland; nothing generated does.
		{"no Swiss people", model.No, day, nil,
			[]string{"Switzerland (FADP)", "Safeguard (Switzerland)", "your-rights-switzerland", "FDPIC", "FADP"}},
	} {
		proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
		if len(diags) > 0 {
			t.Fatalf("sample not clean: %v", diags)
		}
		eu.Org(proj.Organization).TargetsCH = tc.targets
		docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: tc.date})
		var md string
		for _, d := range docs {
			if d.ID == eu.ID {
				md = string(render.Markdown(d, nil))
			}
		}
		if md == "" {
			t.Fatalf("%s: no European supplement", tc.name)
		}
		for _, w := range tc.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: the supplement does not say %q", tc.name, w)
			}
		}
		for _, w := range tc.wantNone {
			if strings.Contains(md, w) {
				t.Errorf("%s: the supplement says %q", tc.name, w)
			}
		}
	}
}

// The Swiss wording the lawyer's read asked for (lawyer-read-swiss.md): the
// representative without the notice's own grading of its processing (#1),
// Swiss readers sent to the group's DPO (#3), the copy of the safeguards
// labelled with the regimes it serves (#4), the FDPIC's report form and the
// civil courts (#5, #6), the Swiss 30 days (#7), the Art. 21 right as it
// stands for us (#11), the FADP's own exemption (#12).
func TestSwissWording(t *testing.T) {
	proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if len(diags) > 0 {
		t.Fatalf("sample not clean: %v", diags)
	}
	md := euMarkdown(t, proj, day)
	for _, w := range []string{
		"| Not required (FADP Art. 14) |",
		"No Swiss data protection advisor (FADP Art. 10); you can contact our Data Protection Officer at [dpo@helpwise.example]",
		"**Copy of the safeguards (EU and UK):** You can check the certification",
		"you can report a suspected breach to the FDPIC at any time",
		"[online report form](https://www.edoeb.admin.ch/",
		"before the Swiss civil courts (FADP Art. 32)",
		"We answer within 30 days; if we cannot, we will tell you within that time",
		"we do not take decisions about you based solely on automated processing",
		"For people in Switzerland, FADP Art. 20(2)(b) provides the same exception.",
		"| Ireland | Personal data from the United Kingdom and Switzerland that our advertising partners and event co-sponsors",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("the supplement does not say %q", w)
		}
	}
	for _, w := range []string{"large-scale", "high-risk", "None appointed |"} {
		if strings.Contains(md, w) {
			t.Errorf("the supplement says %q", w)
		}
	}
	// With an automated decision of legal effect, the Art. 21 bullet is
	// the conditional right, pointing to the decision.
	for _, d := range proj.AutomatedDecisions.Decisions {
		d.Art22 = model.Yes
		break
	}
	md = euMarkdown(t, proj, day)
	if !strings.Contains(md, "where we take a decision about you based solely on automated processing") {
		t.Error("with an Art. 22 decision, the Swiss Art. 21 bullet is not conditional")
	}
}

func euMarkdown(t *testing.T, proj *model.Project, date model.Date) string {
	t.Helper()
	docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: date})
	for _, d := range docs {
		if d.ID == eu.ID {
			return string(render.Markdown(d, nil))
		}
	}
	t.Fatal("no European supplement")
	return ""
}

// Where Swiss law does not apply, no Swiss rule reports anything, whatever
// the Swiss data says (the rules' condition, "Swiss data protection law
// applies", is the data's, not always).
func TestSwissRulesQuietWithoutSwissLaw(t *testing.T) {
	proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if len(diags) > 0 {
		t.Fatalf("sample not clean: %v", diags)
	}
	o := eu.Org(proj.Organization)
	o.TargetsCH, o.RegisteredInCH = model.No, model.No
	o.CHLargeScaleHighRisk = model.Yes
	o.DPO.CH = &eu.DPO{Appointed: model.Yes}
	for _, tr := range proj.Transfers {
		eu.Transfer(tr).CHMechanism = ""
	}
	eu.Transfer(transfer(proj, "us-scc")).CHMechanism = "CH_PRIVACY_SHIELD"
	for _, dg := range compiler.CheckRules(proj, &compiler.Options{Date: day}) {
		if dg.Rule != nil && strings.HasPrefix(dg.Rule.ID, "CH-") {
			t.Errorf("Swiss law does not apply, but %s reports: %s", dg.Rule.ID, dg.Message)
		}
	}
	for _, q := range eu.New().Requirements() {
		if strings.HasPrefix(q.ID, "CH-") && !strings.Contains(q.Condition(), "Swiss data protection law applies") {
			t.Errorf("%s: condition %q does not say that Swiss law must apply", q.ID, q.Condition())
		}
	}
}
