package compiler_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/brazil"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/subprocessors"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/internal/golden"
)

// day is the date the sample's notices are compiled for in tests, so goldens
// do not change with the calendar.
var day = model.Date("2026-11-23")

var sampleOpts = &compiler.Options{Date: day}

// ruleCase removes or changes the data one requirement needs, in a fresh copy
// of the sample, and expects that requirement (and only it) to report.
type ruleCase struct {
	name string
	// rule is the id of the rule the case is for, then those of any other
	// rule the same defect breaks, space-separated ("GLB-03 USST-CONTACT"):
	// each must report, and nothing else. Only the first counts as the
	// rule's case (TestEveryBlockRuleHasACase): a rule is not covered by
	// riding along in another's.
	rule string
	date string // default: day
	edit func(p *model.Project)
}

// must returns the sample's item the case names, or stops the test run: a
// case naming an item the sample lacks is the test's own mistake.
func must[T any](it *T, kind, id string) *T {
	if it == nil {
		panic("the sample has no " + kind + " " + id)
	}
	return it
}

func purpose(p *model.Project, id string) *model.Purpose {
	return must(jurisdiction.Lookup(p.Purposes, id, func(x *model.Purpose) string { return x.ID }), "purpose", id)
}

func source(p *model.Project, id string) *model.Source {
	return must(jurisdiction.Lookup(p.Sources, id, func(x *model.Source) string { return x.ID }), "source", id)
}

func subject(p *model.Project, id string) *model.Subject {
	return must(jurisdiction.Lookup(p.Subjects, id, func(x *model.Subject) string { return x.ID }), "subject", id)
}

func cookie(p *model.Project, name string) *model.Cookie {
	return must(jurisdiction.Lookup(p.Cookies.Items, name, func(x *model.Cookie) string { return x.Name }), "cookie", name)
}

// forChildren makes the sample a service directed to children with what
// that needs (a statement, parental consent, the UK sign-off), so a case
// can take one of them away.
func forChildren(p *model.Project) {
	p.Children.DirectedToChildren = model.Yes
	p.Children.Statement = "Our help-center games are for children aged 8 to 12."
	eu.Children(p.Children).ParentalConsent = "A parent confirms by email before a child's account is opened."
	p.Reviews = append(p.Reviews, &model.Review{Rule: "UK-CHILD", ReviewedBy: "Dana Reyes, Privacy Counsel", ReviewedAt: "2026-11-01",
		What: "the children's pages explain our use of their data in words children understand", Pos: p.Reviews[0].Pos})
}

func transfer(p *model.Project, id string) *model.Transfer {
	return must(jurisdiction.Lookup(p.Transfers, id, func(x *model.Transfer) string { return x.ID }), "transfer", id)
}

func processor(p *model.Project, id string) *model.Processor {
	return must(jurisdiction.Lookup(p.Processors, id, func(x *model.Processor) string { return x.ID }), "processor", id)
}

func category(p *model.Project, id string) *model.Category {
	return must(jurisdiction.Lookup(p.Categories, id, func(x *model.Category) string { return x.ID }), "category", id)
}

var ruleCases = []ruleCase{
	// global
	{"privacy contact without email or form", "GLB-03 USST-CONTACT", "", func(p *model.Project) {
		p.Organization.PrivacyContact.Email, p.Organization.PrivacyContact.WebForm = "", ""
	}},
	{"processors without recipients", "GLB-08", "", func(p *model.Project) {
		model.ExtOf[california.Sections](p.Ext, california.ID).California = &california.California{Business: model.No}
		p.Recipients = nil
		p.Cookies.Items = slices.DeleteFunc(p.Cookies.Items, func(c *model.Cookie) bool { return c.Class == "advertising" })
		for _, pu := range p.Purposes {
			pu.Recipients = nil
		}
		for _, t := range p.Transfers {
			t.Recipients = nil
		}
	}},
	{"no california section: the data does not say whether the CCPA applies", "CCPA-1798.140-d", "", func(p *model.Project) {
		model.ExtOf[california.Sections](p.Ext, california.ID).California = nil
	}},
	{"purpose silent on selling, not a business under the CCPA", "GLB-09", "", func(p *model.Project) {
		model.ExtOf[california.Sections](p.Ext, california.ID).California = &california.California{Business: model.No}
		california.Purpose(purpose(p, "billing-payments")).Sells = ""
	}},
	{"dnt honoured without description", "CALOPPA-22575-b-5", "", func(p *model.Project) {
		p.Cookies.DoNotTrack.Description = ""
	}},
	{"third-party advertising cookies but no third-party tracking", "CALOPPA-22575-b-6", "", func(p *model.Project) {
		p.Cookies.ThirdPartyTracking = model.No
	}},
	{"service for children without statement", "GLB-16 LGPD-14-1 LGPD-14-2", "", func(p *model.Project) {
		forChildren(p)
		p.Children.Statement = ""
	}},
	// eu
	{"no controller entity", "GDPR-13-1-a LGPD-9-III", "", func(p *model.Project) {
		for _, e := range p.Organization.Entities {
			e.Role = "processor"
		}
	}},
	{"two controllers, one silent on what it decides", "GDPR-13-1-a", "", func(p *model.Project) {
		eu.Entity(p.Organization.Entities[1]).Decides = nil
	}},
	{"no EU representative", "GDPR-27", "", func(p *model.Project) {
		eu.Org(p.Organization).Representatives.EU = nil
	}},
	{"no UK representative for a non-UK company", "UK-27", "", func(p *model.Project) {
		p.Organization.EstablishedInUK = model.No
	}},
	{"mandatory DPO not appointed", "GDPR-13-1-b", "", func(p *model.Project) {
		eu.Org(p.Organization).DPO.EU.Mandatory = model.Yes
		eu.Org(p.Organization).DPO.EU.Appointed = model.No
	}},
	{"appointed DPO without contact", "GDPR-13-1-b", "", func(p *model.Project) {
		eu.Org(p.Organization).DPO.EU.Contact = nil
	}},
	{"UK DPO contact without email or address", "UK-DPO", "", func(p *model.Project) {
		eu.Org(p.Organization).DPO.UK.Contact = &model.Contact{Name: "DPO"}
	}},
	{"joint controller without arrangement", "GDPR-26-2", "", func(p *model.Project) {
		p.Organization.Entities[1].Role = "joint_controller"
	}},
	{"a joint-controller recipient without arrangement", "GDPR-26-2", "", func(p *model.Project) {
		eu.Recipient(p.Recipients[3]).JointArrangement = "" // advertising partners (CJEU C-40/17 Fashion ID)
	}},
	{"special category without Art. 9 condition", "GDPR-13-1-c LGPD-11", "", func(p *model.Project) {
		category(p, "recordings").Special = []string{"biometric"}
	}},
	{"recognised legitimate interest without its condition", "UK-RLI", "", func(p *model.Project) {
		eu.Purpose(purpose(p, "legal-compliance")).UKLegalBases = []string{"legal_obligation", "recognised_legitimate_interest"}
	}},
	{"legitimate interests without the interest", "GDPR-13-1-d LGPD-10-P2", "", func(p *model.Project) {
		eu.Purpose(purpose(p, "security")).LegitimateInterest = ""
	}},
	{"a legitimate interest that restates the basis", "GDPR-13-1-d", "", func(p *model.Project) {
		eu.Purpose(purpose(p, "security")).LegitimateInterest = "Our legitimate business interests."
	}},
	{"processor outside the EEA without transfer", "GDPR-13-1-f", "", func(p *model.Project) {
		p.Processors[0].Transfer = ""
	}},
	{"processor in a country its transfer does not cover", "GDPR-13-1-f LGPD-33-COVER", "", func(p *model.Project) {
		p.Processors[0].Locations = []string{"US", "SG"}
	}},
	{"a recipient abroad that no transfer covers", "GDPR-13-1-f", "", func(p *model.Project) {
		p.Recipients[3].Countries = append(p.Recipients[3].Countries, "BR") // advertising partners
	}},
	{"EU representative without contact details", "GDPR-27", "", func(p *model.Project) {
		eu.Org(p.Organization).Representatives.EU = &model.Contact{Name: "Rep"}
	}},
	{"Privacy Shield after Schrems II", "GDPR-44", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "us-dpf")).Mechanism = "PRIVACY_SHIELD"
	}},
	{"2010 clauses after their end", "GDPR-44 LGPD-33", "2023-06-01", func(p *model.Project) {
		eu.Transfer(transfer(p, "us-scc")).Mechanism = "SCC_2010_87"
		eu.Transfer(transfer(p, "us-dpf")).Mechanism = "SCC_2021_914"
		eu.Transfer(transfer(p, "us-dpf")).SCCModules = []int{2}
		for _, pr := range p.Processors {
			pr.DPFUKExtension = model.No
		}
		eu.Transfer(transfer(p, "us-dpf")).UKMechanism = "UK_ADDENDUM"
	}},
	{"adequacy for a country without a decision", "GDPR-45", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "india-scc")).Mechanism = "ADEQUACY"
	}},
	{"adequacy for the United States instead of the DPF", "GDPR-45", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "us-scc")).Mechanism = "ADEQUACY"
	}},
	{"adequacy for Brazil before its decision", "GDPR-45 LGPD-33", "2025-06-01", func(p *model.Project) {
		p.Transfers = append(p.Transfers, &model.Transfer{ID: "brazil", Destinations: []string{"BR"},
			Ext: model.Ext{eu.ID: &eu.TransferFacts{Mechanism: "ADEQUACY", UKMechanism: "UK_IDTA", SafeguardsCopy: "Ask us."}}})
	}},
	{"clauses without a copy", "XFER-2", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "india-scc")).SafeguardsCopy = ""
	}},
	{"DPF transfer to an uncertified processor", "XFER-3", "", func(p *model.Project) {
		processor(p, "salesforce").DPFCertified = model.No // not a sub-processor: the list does not judge it
	}},
	{"a certification under the Privacy Shield after Schrems II", "GDPR-44", "", func(p *model.Project) {
		eu.Org(p.Organization).DPF.Frameworks = append(eu.Org(p.Organization).DPF.Frameworks, "privacy_shield_eu_us")
	}},
	{"UK transfer without a UK tool", "UK-XFER-MECH", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "india-scc")).UKMechanism = ""
	}},
	{"UK legacy clauses after 21 March 2024", "UK-XFER-MECH", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "india-scc")).UKMechanism = "SCC_2010_87"
	}},
	{"UK adequacy for a processor without the UK Extension", "UK-XFER-MECH", "", func(p *model.Project) {
		p.Processors[0].DPFUKExtension = model.No
	}},
	{"explicit-consent transfer without risks", "GDPR-49-1-a", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "us-legal-claims")).Mechanism = "ART49_1_A"
	}},
	{"compelling-interests transfer without the interests", "GDPR-49-1-2", "", func(p *model.Project) {
		eu.Transfer(transfer(p, "us-legal-claims")).Mechanism = "ART49_1_COMPELLING_LI"
		eu.Transfer(transfer(p, "us-legal-claims")).SafeguardsCopy = "Ask us."
	}},
	{"retention as long as necessary", "GDPR-13-2-a", "", func(p *model.Project) {
		p.Retention[len(p.Retention)-1].Criteria = "As long as necessary."
	}},
	{"retention indefinitely", "GDPR-13-2-a", "", func(p *model.Project) {
		p.Retention[len(p.Retention)-1].Criteria = "We keep it indefinitely."
	}},
	{"a fee for access requests", "GDPR-12-5", "", func(p *model.Project) {
		p.Rights.ResponseTime = "We answer within one month. Copies of your data cost $10 per request."
	}},
	{"prose still naming the Privacy Shield", "XFER-PROSE", "", func(p *model.Project) {
		p.Sections[0].Body += " Transfers to the United States rely on the EU-U.S. Privacy Shield."
	}},
	{"consent without withdrawal", "GDPR-13-2-c LGPD-18-IX", "", func(p *model.Project) {
		p.Rights.ConsentWithdrawal = ""
		brazil.Of(p).ConsentWithdrawal = "" // the Brazilian notice's own words
	}},
	{"UK notice without the ICO", "UK-SA", "", func(p *model.Project) {
		eu.Org(p.Organization).SupervisoryAuthorities.UK = nil
	}},
	{"UK notice without a complaints process", "UK-COMPLAINTS", "", func(p *model.Project) {
		eu.Org(p.Organization).Complaints = nil
	}},
	{"contractual data without consequence", "GDPR-13-2-e LGPD-9-P3", "", func(p *model.Project) {
		category(p, "account").Consequence = ""
	}},
	{"significant automated decision without logic", "GDPR-13-2-f LGPD-20", "", func(p *model.Project) {
		p.AutomatedDecisions.Decisions = append(p.AutomatedDecisions.Decisions, &model.Decision{ID: "credit", Description: "Credit limits.", Art22: model.Yes,
			Significance: "It decides your limit.", Consequences: "A lower limit.", Safeguards: "Ask a person to review it."})
	}},
	{"significant automated decision without UK safeguards", "UK-ADM LGPD-20", "", func(p *model.Project) {
		p.AutomatedDecisions.Decisions = append(p.AutomatedDecisions.Decisions, &model.Decision{ID: "credit", Description: "Credit limits.", Art22: model.Yes,
			Logic: "A score.", Significance: "It decides your limit.", Consequences: "A lower limit."})
	}},
	{"knowing of users under 16 of a service for 16 and over", "GLB-16", "", func(p *model.Project) {
		p.Children.ActualKnowledgeUnder16 = model.Yes
	}},
	{"a third-party source silent on when people are told", "GDPR-14-3", "", func(p *model.Project) {
		eu.Source(source(p, "sso-providers")).Informed = ""
	}},
	{"an Art. 14(5) exemption without its ground", "GDPR-14-3", "", func(p *model.Project) {
		eu.Source(source(p, "public-mentions")).Exemption = ""
	}},
	{"a service for children relying on consent, silent on parental consent", "GDPR-8 LGPD-14-1 LGPD-14-2", "", func(p *model.Project) {
		forChildren(p)
		eu.Children(p.Children).ParentalConsent = ""
	}},
	{"a service for UK children without the team's sign-off", "UK-CHILD LGPD-14-1 LGPD-14-2", "", func(p *model.Project) {
		forChildren(p)
		p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "UK-CHILD" })
	}},
	{"a UK statistics cookie without a way to object", "UK-PECR-COOKIES", "", func(p *model.Project) {
		eu.Cookie(cookie(p, "_ga")).UKException = "statistics"
	}},
	{"a UK cookie exception before it existed", "UK-PECR-COOKIES LGPD-33", "2026-01-15", func(p *model.Project) {
		eu.Cookie(cookie(p, "_ga")).UKException = "statistics"
		eu.Cookies(p.Cookies).UKObjection = "Switch off analytics in the cookie settings."
		for _, r := range p.Reviews {
			r.ReviewedAt = "2026-01-10" // before the day of the case
		}
	}},
	{"a UK exception claimed by an advertising cookie", "UK-PECR-COOKIES", "", func(p *model.Project) {
		eu.Cookie(cookie(p, "_ga")).UKException = "statistics"
		eu.Cookies(p.Cookies).UKObjection = "Switch off analytics in the cookie settings."
		eu.Cookie(cookie(p, "_fbp")).UKException = "appearance"
	}},
	{"a recognised legitimate interest before it existed", "GDPR-13-1-c LGPD-33", "2026-01-15", func(p *model.Project) {
		eu.Purpose(purpose(p, "legal-compliance")).UKLegalBases = []string{"legal_obligation", "recognised_legitimate_interest"}
		eu.Purpose(purpose(p, "legal-compliance")).RecognisedInterest = "crime"
		for _, r := range p.Reviews {
			r.ReviewedAt = "2026-01-10" // before the day of the case
		}
	}},
	{"a cross-context advertising cookie classed as analytics", "GLB-11", "", func(p *model.Project) {
		cookie(p, "_fbp").Class = "analytics"
	}},
	{"third-party advertising cookies without an advertising partner", "GLB-11", "", func(p *model.Project) {
		for _, r := range p.Recipients {
			if r.Kind == "advertising_partner" {
				r.Kind = "third_party"
			}
		}
	}},
	{"profiling not described", "GLB-17", "", func(p *model.Project) {
		p.AutomatedDecisions.Decisions = nil
	}},
	{"prose denying transfers the data makes", "GLB-PROSE", "", func(p *model.Project) {
		purpose(p, "security").Description = "We keep our services secure. We never transfer your data outside the European Union."
	}},
	{"prose denying cookies the data lists", "GLB-PROSE", "", func(p *model.Project) {
		p.Cookies.Summary = "We do not use cookies on our websites."
	}},
	{"a processor's regular transfers on a derogation", "GDPR-13-1-f", "", func(p *model.Project) {
		processor(p, "meridian-support").Transfer = "us-legal-claims"
	}},
	{"a category holding background checks not classified", "GDPR-13-1-c", "", func(p *model.Project) {
		category(p, "job-application").Examples = append(category(p, "job-application").Examples, "criminal background check results")
	}},
	{"prose citing a repealed section", "XFER-PROSE", "", func(p *model.Project) {
		transfer(p, "uk-adequacy").Description = "We rely on UK adequacy regulations made under section 17A of the Data Protection Act 2018."
	}},
	{"a contract basis for people party to no contract", "GDPR-13-1-c", "", func(p *model.Project) {
		eu.Purpose(purpose(p, "recruitment")).LegalBases = []string{"contract"}
		eu.Subject(subject(p, "job-applicants")).Contract = "none"
	}},
	{"consent cookies without settings page", "EPRIV-5-3", "", func(p *model.Project) {
		p.Cookies.SettingsURL = ""
	}},
	// california
	{"category without statutory category", "CCR-7011-e-1-A", "", func(p *model.Project) {
		california.Category(category(p, "cctv")).CCPACategories = nil
	}},
	{"category silent on sale", "CCR-7011-e-1-D", "", func(p *model.Project) {
		california.Category(category(p, "cctv")).Sold = ""
	}},
	{"shares but no third party marked", "CCR-7011-e-1-E", "", func(p *model.Project) {
		for _, r := range p.Recipients {
			california.Recipient(r).Shared = model.No
		}
	}},
	{"shares but no purpose marked", "CCR-7011-e-1-F", "", func(p *model.Project) {
		for _, pu := range p.Purposes {
			california.Purpose(pu).Shares = model.No
		}
	}},
	{"GPC status not shown", "CCR-7025-c-6", "", func(p *model.Project) {
		p.Cookies.GlobalPrivacyControl.ShowsStatus = model.No
	}},
	{"no toll-free number", "CCPA-1798.130-a-1", "", func(p *model.Project) {
		p.Rights.RequestMethods = slices.DeleteFunc(p.Rights.RequestMethods, func(m *model.RequestMethod) bool { return m.Type == "toll_free_phone" })
	}},
	{"sharing without opt-out link", "CCPA-1798.135-a-1", "", func(p *model.Project) {
		california.Of(p).Links = nil
	}},
	{"sensitive beyond permitted without limit link", "CCPA-1798.135-a-2", "", func(p *model.Project) {
		california.Of(p).SensitiveBeyondPermitted = model.Yes
		california.Of(p).Links.PrivacyChoices = nil
	}},
	{"sharing without honouring GPC", "CCR-7025-b USST-UOOM", "", func(p *model.Project) {
		p.Cookies.GlobalPrivacyControl.Honored = model.No
	}},
	{"Shine the Light without contact", "STL-1798.83-b", "", func(p *model.Project) {
		california.Of(p).ShineTheLight.DisclosesForDirectMarketing = model.Yes
	}},
	{"financial incentives without their notice", "CCR-7016-c", "", func(p *model.Project) {
		california.Of(p).FinancialIncentives, california.Of(p).Incentives = model.Yes, nil
	}},
	{"request metrics required without them", "CCR-7011-e-5", "", func(p *model.Project) {
		california.Of(p).Metrics.Required, california.Of(p).Metrics.URL = model.Yes, ""
	}},
	{"no sign-off of the notice's form", "CCR-7003", "", func(p *model.Project) {
		p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CCR-7003" })
	}},
	{"a sign-off more than 12 months old", "CCR-7003", "", func(p *model.Project) {
		for _, r := range p.Reviews {
			if r.Rule == "CCR-7003" && r.ReviewedAt > "2025-10-01" {
				r.ReviewedAt = "2025-10-01"
			}
		}
	}},
	{"no sign-off of the conspicuous link", "CALOPPA-22575-a", "", func(p *model.Project) {
		p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CALOPPA-22575-a" })
	}},
	// subprocessors
	{"no authorisation type", "SUBP-28-2-a", "", func(p *model.Project) {
		subprocessors.Terms(p).SubprocessorAuthorisation = ""
	}},
	{"a sub-processor without address or contact", "SUBP-EDPB-22-2024", "", func(p *model.Project) {
		processor(p, "sentry").Address, processor(p, "sentry").Contact = nil, nil
	}},
	{"a sub-processor used before its notice period ran", "SUBP-28-2-b", "", func(p *model.Project) {
		processor(p, "anthropic").NoticeSent = "2026-09-15"
	}},
	{"general authorisation without a notice period", "SUBP-28-2-b", "", func(p *model.Project) {
		subprocessors.Terms(p).SubprocessorNoticeDays = 0
	}},
	{"a sub-processor abroad without its onward-transfer safeguard", "SUBP-28-4", "", func(p *model.Project) {
		subprocessors.Processor(processor(p, "anthropic")).Onward = nil
	}},
	{"a sub-processor on the Data Privacy Framework it is not certified under", "SUBP-28-4", "", func(p *model.Project) {
		subprocessors.Processor(processor(p, "anthropic")).Onward.Mechanism = "EU_US_DPF"
	}},
	{"a new sub-processor without the day customers were told", "SUBP-28-2-b", "", func(p *model.Project) {
		processor(p, "meridian-support").NoticeSent = ""
		processor(p, "meridian-support").Added = "2026-12-01"
	}},
}

// TestRulePacksReportMissingData runs each rule case and compares every
// diagnostic, with its position and citation, to testdata/rules.golden.
func TestRulePacksReportMissingData(t *testing.T) {
	var out strings.Builder
	for _, rc := range ruleCases {
		proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
		if len(diags) > 0 {
			t.Fatalf("sample not clean: %v", diags)
		}
		rc.edit(proj)
		opts := &compiler.Options{Date: day}
		if rc.date != "" {
			opts.Date = model.Date(rc.date)
		}
		got := compiler.CheckRules(proj, opts)
		fmt.Fprintf(&out, "## %s (%s)\n", rc.name, rc.rule)
		want := strings.Fields(rc.rule)
		found := map[string]bool{}
		for _, d := range got {
			if d.Rule == nil {
				t.Errorf("%s: diagnostic without a rule: %s", rc.name, d.Error())
				continue
			}
			fmt.Fprintf(&out, "%s\n    rule: %s\n", d.Error(), d.Rule.Citation)
			if !slices.Contains(want, d.Rule.ID) {
				t.Errorf("%s: unexpected diagnostic %s", rc.name, d.Error())
				continue
			}
			found[d.Rule.ID] = true
			if !d.Pos.IsValid() || d.Pos.Line == 0 {
				t.Errorf("%s: diagnostic has no line: %s", rc.name, d.Error())
			}
			if d.Hint == "" && d.Severity == diag.Error {
				t.Errorf("%s: diagnostic has no hint: %s", rc.name, d.Error())
			}
		}
		for _, id := range want {
			if !found[id] {
				t.Errorf("%s: %s did not report", rc.name, id)
			}
		}
		out.WriteString("\n")
	}
	golden.File(t, "testdata/rules.golden", []byte(out.String()))
}

// TestEveryBlockRuleHasACase guards the rule cases: every requirement that
// checks data and blocks publishing must have a case above.
func TestEveryBlockRuleHasACase(t *testing.T) {
	covered := map[string]bool{}
	for _, rc := range ruleCases {
		covered[strings.Fields(rc.rule)[0]] = true
	}
	for _, j := range compiler.DefaultJurisdictions() {
		for _, q := range j.Requirements() {
			if q.Checks() && q.Severity == diag.Error && !covered[q.ID] && q.ID != "CCPA-1798.130-a-5" {
				t.Errorf("%s: BLOCK rule %s has no case in ruleCases", j.ID(), q.ID)
			}
		}
	}
}

// The California notice must be updated at least every 12 months.
func TestCaliforniaNoticeGoesStale(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	fresh := compiler.CheckRules(proj, &compiler.Options{Date: day, LastUpdated: day.AddDays(-365)})
	if len(fresh) != 0 {
		t.Errorf("updated exactly a year ago: want no problem, got %v", fresh)
	}
	stale := compiler.CheckRules(proj, &compiler.Options{Date: day, LastUpdated: day.AddDays(-366)})
	if len(stale) != 1 || stale[0].Rule.ID != "CCPA-1798.130-a-5" || stale[0].Pos.File != "data/notices.yaml" {
		t.Errorf("updated a year and a day ago: want one CCPA-1798.130-a-5 in data/notices.yaml, got %v", stale)
	}
}

// Rules in force only from a date do not apply before it, and transfer tools
// are judged as of the notice's date.
func TestRulesFollowTheCalendar(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	eu.Org(proj.Organization).Complaints = nil
	eu.Transfer(transfer(proj, "us-dpf")).Mechanism = "PRIVACY_SHIELD"
	eu.Transfer(transfer(proj, "us-dpf")).UKMechanism = ""
	eu.Transfer(transfer(proj, "us-dpf")).CHMechanism = "" // the Swiss tools have their own calendar test
	for _, tc := range []struct {
		date string
		want []string
	}{
		{"2019-03-01", nil},                                 // Privacy Shield valid, no UK GDPR yet
		{"2020-07-15", nil},                                 // last day of Privacy Shield
		{"2020-07-16", []string{"GDPR-44"}},                 // Schrems II
		{"2021-01-01", []string{"GDPR-44", "UK-XFER-MECH"}}, // UK GDPR starts
		{"2026-06-18", []string{"GDPR-44", "UK-XFER-MECH"}}, // before the DUAA complaints duty
		{"2026-06-19", []string{"GDPR-44", "UK-COMPLAINTS", "UK-XFER-MECH"}},
	} {
		d := model.Date(tc.date)
		var got []string
		for _, dg := range compiler.CheckRules(proj, &compiler.Options{Date: d}) {
			// Other transfers use tools of later dates; watch only us-dpf.
			if !strings.HasPrefix(dg.Path, "transfers[0]") && dg.Rule.ID != "UK-COMPLAINTS" {
				continue
			}
			if !slices.Contains(got, dg.Rule.ID) {
				got = append(got, dg.Rule.ID)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: rules reporting %v, want %v", tc.date, got, tc.want)
		}
	}
}

// TestSampleNotices compiles the sample into its three notices and compares
// their Markdown to testdata/notices/*.md, the reviewed text.
func TestSampleNotices(t *testing.T) {
	_, docs, diags := compiler.Compile(disclose.Sample, "data", sampleOpts)
	if len(diags) > 0 {
		t.Fatalf("compile: %v", diags)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		md := render.Markdown(d, nil)
		golden.File(t, "testdata/notices/"+d.ID+".md", md)
		if !bytes.Equal(compiler.FrozenMarkdown(d), md) {
			t.Errorf("%s: the frozen English Markdown differs from render.Markdown's", d.ID)
		}
		// Each of its other languages, as a release freezes it.
		for _, tr := range d.Translations {
			golden.File(t, "testdata/notices/"+d.ID+"."+tr.Language+".md", compiler.FrozenMarkdown(tr))
		}
		if strings.Contains(string(md), "](notice:") {
			t.Errorf("%s: unresolved notice link", d.ID)
		}
		// Every section the pack's requirements point to exists, so each
		// requirement's disclosure has a place.
		for _, j := range compiler.DefaultJurisdictions() {
			if j.ID() != d.ID {
				continue
			}
			for _, q := range j.Requirements() {
				if q.Section != "top" && d.Section(q.Section) == nil && !optionalSection[q.Section] {
					t.Errorf("%s: requirement %s names section #%s, which the notice lacks", d.ID, q.ID, q.Section)
				}
			}
		}
		// Anchors are unique.
		seen := map[string]bool{}
		d.Walk(func(s *notice.Section, _ int) {
			if seen[s.ID] {
				t.Errorf("%s: anchor #%s used twice", d.ID, s.ID)
			}
			seen[s.ID] = true
		})
	}
	// The sample publishes every registered pack's notice, in the
	// registry's order.
	var want []string
	for _, j := range compiler.DefaultJurisdictions() {
		want = append(want, j.ID())
	}
	if !slices.Equal(ids, want) {
		t.Errorf("notices %v, want %v", ids, want)
	}
}

// optionalSection are sections a notice has only when the data calls for them
// (no special categories, other sources, financial incentives or request
// metrics in the sample).
var optionalSection = map[string]bool{"special-categories": true, "children": true, "cookies-uk": true, "other-sources": true, "financial-incentives": true, "metrics": true}

// TestExamplesCompileAsOfTheirDates compiles each reference policy's data
// set as of its own effective date, where it must be clean, and as of the
// test day, where today's law may ask for more.
func TestExamplesCompileAsOfTheirDates(t *testing.T) {
	for _, ex := range []struct{ dir, date string }{
		{"desk-2012", "2012-11-05"},
		{"deskpro-2018", "2018-05-25"},
		{"onedesk-2020", "2020-12-12"},
	} {
		d := model.Date(ex.date)
		fsys := os.DirFS("../examples/" + ex.dir)
		_, docs, diags := compiler.Compile(fsys, "data", &compiler.Options{Date: d})
		if len(diags) > 0 || len(docs) == 0 {
			t.Errorf("%s as of %s: %d notices, diagnostics:\n%v", ex.dir, ex.date, len(docs), diags)
		}
		_, today := compiler.Check(fsys, "data", sampleOpts)
		var b strings.Builder
		for _, dg := range today {
			fmt.Fprintf(&b, "%s\n", dg.Error())
		}
		golden.File(t, "testdata/examples/"+ex.dir+"-today.txt", []byte(b.String()))
	}
}

// The README's list of implemented rules is generated from the packs; -update
// rewrites it.
func TestReadmeRulesAreCurrent(t *testing.T) {
	const (
		path  = "../README.md"
		begin = "<!-- BEGIN RULES: generated by go test ./compiler -update; do not edit -->\n"
		end   = "<!-- END RULES -->\n"
	)
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers:\n%s%s", begin, end)
	}
	got := s[:i+len(begin)] + "\n" + compiler.RulesReference() + s[j:]
	golden.File(t, path, []byte(got))
}

// A past self-certification is data like today's: a notice of 2017 says
// the organisation is certified under the Privacy Shield and links to its
// list, and a notice of 2021 may not.
func TestPastCertificationsAreData(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	eu.Org(proj.Organization).DPF.Frameworks = []string{"privacy_shield_eu_us", "privacy_shield_swiss_us"}
	eu.Org(proj.Organization).DPF.ListURL = ""
	for _, tc := range []struct {
		date    model.Date
		refused bool
	}{{"2017-06-01", false}, {"2020-07-15", false}, {"2020-07-16", true}} {
		var fired bool
		for _, d := range compiler.CheckRules(proj, &compiler.Options{Date: tc.date}) {
			fired = fired || strings.HasPrefix(d.Path, "organization.dpf.frameworks")
		}
		if fired != tc.refused {
			t.Errorf("%s: certification refused = %v, want %v", tc.date, fired, tc.refused)
		}
	}
	docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: "2017-06-01"})
	var global string
	for _, d := range docs {
		if d.ID == "global" {
			global = string(render.Markdown(d, nil))
		}
	}
	for _, want := range []string{"the EU-U.S. Privacy Shield Framework and the Swiss-U.S. Privacy Shield Framework", "[Privacy Shield List](https://www.privacyshield.gov/list)"} {
		if !strings.Contains(global, want) {
			t.Errorf("the 2017 policy does not say %q", want)
		}
	}
}

// GLB-PROSE reads each clause of the team's words: a denial the data
// contradicts warns, a limited, conditional or qualified one does not, and
// the names of the links the law prescribes deny nothing.
func TestProseClaims(t *testing.T) {
	for _, tc := range []struct {
		text  string
		sells bool
		warn  bool
	}{
		{"We Do Not Share your data for advertising.", false, true},
		{"We do not share your personal information for targeted advertising, and we do not knowingly collect data from children.", false, true},
		{"Helpwise does not use cookies.", false, true},
		{"We never transfer data outside the European Union.", false, true},
		{"We do not rent your personal data.", true, true},
		{"We do not use cookies to track you across other sites.", false, false},
		{"If you opt out, we will not share your data for advertising.", false, false},
		{"Use the Do Not Sell or Share My Personal Information link in the footer.", false, false},
		{"We do not sell sensitive personal information.", true, false},
		{"We do not sell the personal information of anyone we know to be under 16.", true, false},
	} {
		proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
		proj.Cookies.Summary = model.Markdown(tc.text)
		if tc.sells {
			california.Of(proj).Sells = model.Yes
		}
		warned := false
		for _, d := range compiler.CheckRules(proj, sampleOpts) {
			warned = warned || d.Rule != nil && d.Rule.ID == "GLB-PROSE"
		}
		if warned != tc.warn {
			t.Errorf("%q: warned %v, want %v", tc.text, warned, tc.warn)
		}
	}
}

// GDPR-13-3 at release: a purpose new since the last version may take
// effect on its first day of use at the latest, or on the release day when
// it is already in use (publishing cures the delay; a later date does not).
func TestNewPurposeIsPublishedBeforeUse(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	last, err := os.ReadFile("../releases/eu/2027-01-04/data.json")
	if err != nil {
		t.Fatal(err)
	}
	check := compiler.ReleaseChecks(proj, sampleOpts)["eu"]
	if err := check("2026-12-02", "2027-01-04", last); err != nil {
		t.Fatalf("no new purpose: %v", err)
	}
	proj.Purposes = append(proj.Purposes, &model.Purpose{ID: "voice-analytics", Name: "Analyse support calls", FirstUsed: "2027-01-10"})
	for _, tc := range []struct {
		released, effective model.Date
		refused             bool
	}{
		{"2026-12-02", "2027-01-04", false}, // announced before it starts
		{"2026-12-02", "2027-01-10", false}, // on its first day
		{"2026-12-02", "2027-01-11", true},  // a day late
		{"2027-02-01", "2027-02-01", false}, // already in use: published today, the cure
		{"2027-02-01", "2027-03-03", true},  // already in use, and put off
	} {
		err := check(tc.released, tc.effective, last)
		if (err != nil) != tc.refused {
			t.Errorf("released %s, effective %s: %v, want refused %v", tc.released, tc.effective, err, tc.refused)
		}
		if err != nil && !strings.Contains(err.Error(), "GDPR-13-3") {
			t.Errorf("the refusal names no rule: %v", err)
		}
	}
}
