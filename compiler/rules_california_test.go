package compiler_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/internal/golden"
)

// The California pack's rule cases: each removes or changes the data one
// requirement needs, in a fresh copy of the sample.
func init() {
	ruleCases = append(ruleCases, []ruleCase{
		{"the opt-out link's placement not signed off", "CCR-7013-c", "", func(p *model.Project) {
			p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CCR-7013-c" })
		}},
		{"data kept for years, requests to know limited to 12 months", "CCR-2026-KNOW", "", func(p *model.Project) {
			california.Of(p).KnowBefore12Months = model.No
		}},
		// Categories classified by what they hold.
		{"passport numbers in job applications, not classified as sensitive", "CCR-7011-e-1-A", "", func(p *model.Project) {
			category(p, "job-application").Examples = append(category(p, "job-application").Examples, "passport number for right-to-work checks")
		}},
		// Consumers under 16.
		{"under-16 sales without the opt-in processes", "CCR-7011-e-3-I", "", func(p *model.Project) {
			california.Of(p).SellsOrSharesUnder16 = model.Yes
			p.Children.ActualKnowledgeUnder16, p.Children.MinimumAge = model.Yes, 13
		}},
		{"under-16 sales without actual knowledge of under-16s", "CCPA-1798.120-c", "", func(p *model.Project) {
			california.Of(p).SellsOrSharesUnder16 = model.Yes
			california.Of(p).UnderSixteenOptIn = "Parents of children under 13 sign a consent form; consumers aged 13 to 15 opt in twice."
		}},
		{"under-16 sales by a business that neither sells nor shares", "CCPA-1798.120-c", "", func(p *model.Project) {
			noSharing(p)
			california.Of(p).SellsOrSharesUnder16 = model.Yes
			california.Of(p).UnderSixteenOptIn = "Parents of children under 13 sign a consent form; consumers aged 13 to 15 opt in twice."
			p.Children.ActualKnowledgeUnder16, p.Children.MinimumAge = model.Yes, 13
		}},
		// What recipients, purposes and cookies do against the answers.
		{"a recipient personal information is sold to, while nothing is sold", "CCR-7011-e-1-D", "", func(p *model.Project) {
			california.Recipient(recipient(p, "advertising-partners")).Sold = model.Yes
		}},
		{"a purpose that sells, while nothing is sold", "CCR-7011-e-1-D", "", func(p *model.Project) {
			california.Purpose(purpose(p, "billing-payments")).Sells = model.Yes
		}},
		{"advertising cookies while nothing is shared", "CCR-7011-e-1-D", "", func(p *model.Project) {
			noSharing(p)
			for _, ck := range p.Cookies.Items {
				if ck.Name == "bcookie" {
					ck.CrossContextAdvertising = model.Yes
				}
			}
		}},
		// Opt-out preference signals.
		{"GPC honoured without its scope", "CCR-7025-c-1", "", func(p *model.Project) {
			california.Signal(p.Cookies.GlobalPrivacyControl).Scope = nil
		}},
		{"GPC applied to the account only", "CCR-7025-c-1", "", func(p *model.Project) {
			california.Signal(p.Cookies.GlobalPrivacyControl).Scope = []string{"account"}
		}},
		{"frictionless signal processing without honouring the signal", "CCR-7025-e USST-UOOM", "", func(p *model.Project) {
			noSharing(p)
			california.Signal(p.Cookies.GlobalPrivacyControl).Frictionless = model.Yes
			p.Cookies.GlobalPrivacyControl.Honored = model.No
		}},
		{"frictionless signal processing without saying how to use it", "CCR-7011-e-3-G", "", func(p *model.Project) {
			california.Signal(p.Cookies.GlobalPrivacyControl).Frictionless = model.Yes
		}},
		// Where the links lead.
		{"no sign-off of the opt-out page", "CCR-7013-e-1", "", func(p *model.Project) {
			p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CCR-7013-e-1" })
		}},
		{"a limit link without sign-off of its page", "CCR-7014-e", "", func(p *model.Project) {
			california.Of(p).SensitiveBeyondPermitted = model.Yes
		}},
		// Financial incentives, item by item.
		{"an incentive without its summary", "CCR-7016-d-1", "", func(p *model.Project) {
			incentive(p).Summary = ""
		}},
		{"an incentive without its categories", "CCR-7016-d-2", "", func(p *model.Project) {
			incentive(p).Categories = nil
		}},
		{"an incentive without how to opt in", "CCR-7016-d-3", "", func(p *model.Project) {
			incentive(p).OptIn = ""
		}},
		{"an incentive without how to withdraw", "CCR-7016-d-4", "", func(p *model.Project) {
			incentive(p).Withdraw = ""
		}},
		{"an incentive without the value of the data", "CCR-7016-d-5", "", func(p *model.Project) {
			incentive(p).ValueEstimate, incentive(p).ValuationMethod = "", ""
		}},
		// Request metrics by 1 July.
		{"request metrics of two years ago after 1 July", "CCR-7102-a-2", "", func(p *model.Project) {
			california.Of(p).Metrics = &california.Metrics{Required: model.Yes, URL: "https://helpwise.example/privacy/metrics", Year: 2024}
		}},
		{"request metrics without their year", "CCR-7102-a-2", "", func(p *model.Project) {
			california.Of(p).Metrics = &california.Metrics{Required: model.Yes, URL: "https://helpwise.example/privacy/metrics"}
		}},
		// Sign-offs.
		{"no sign-off of the notice at collection", "CCR-7012-c", "", func(p *model.Project) {
			p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CCR-7012-c" })
		}},
		{"no sign-off of the policy in the apps", "CCR-2026-PP", "", func(p *model.Project) {
			p.Reviews = slices.DeleteFunc(p.Reviews, func(r *model.Review) bool { return r.Rule == "CCR-2026-PP" })
		}},
		// The facts the notice reads, required when it is published
		// (business: no needs none of them).
		{"a business silent on selling to consumers under 16", "CCR-7011-e-1-G", "", func(p *model.Project) {
			california.Of(p).SellsOrSharesUnder16 = ""
		}},
		{"a business silent on its use of sensitive personal information", "CCR-7011-e-1-K", "", func(p *model.Project) {
			california.Of(p).SensitiveBeyondPermitted = ""
		}},
		{"a business silent on selling", "CCR-7011-e-1-D", "", func(p *model.Project) {
			california.Of(p).Sells = ""
		}},
		// Whether the notice applies: the measures against the thresholds
		// of the notice's date.
		{"business: yes against measures under every threshold", "CCPA-1798.140-d", "", func(p *model.Project) {
			california.Of(p).Measures = &california.Measures{RevenueUSDThousands: 12000, Consumers: 20000, PercentFromSelling: 5}
		}},
		// Automated decision-making technology, from 2027.
		{"an automated decision silent on significant decisions", "CCR-7220-a/b", "2027-01-04", func(p *model.Project) {
			california.Decision(p.AutomatedDecisions.Decisions[0]).SignificantDecision = ""
		}},
		{"a significant decision without its pre-use notice", "CCR-7220-c", "2027-01-04", func(p *model.Project) {
			california.Decision(p.AutomatedDecisions.Decisions[0]).SignificantDecision = "employment"
		}},
		{"a significant decision with a generic purpose and no appeal", "CCR-7220-c", "2027-01-04", func(p *model.Project) {
			d := california.Decision(p.AutomatedDecisions.Decisions[0])
			d.SignificantDecision, d.SpecificPurpose, d.Exception = "employment", "To make a significant decision about you.", "human_appeal"
		}},
	}...)
}

func recipient(p *model.Project, id string) *model.Recipient {
	for _, r := range p.Recipients {
		if r.ID == id {
			return r
		}
	}
	panic("no recipient " + id)
}

// incentive turns financial incentives on with one complete incentive and
// returns it.
func incentive(p *model.Project) *california.Incentive {
	ca := california.Of(p)
	if ca.FinancialIncentives.IsYes() && len(ca.Incentives) > 0 {
		return ca.Incentives[0]
	}
	in := &california.Incentive{
		Name:            "Referral credit",
		Summary:         "A month of Helpwise free for each customer you refer.",
		Description:     "The credit applies to your next invoice; it has no cash value.",
		Categories:      []string{"contact-request"},
		OptIn:           "Share your referral link from your account settings.",
		Withdraw:        "Turn referrals off in your account settings.",
		ValueEstimate:   "We estimate the value of a referral's contact details at $45.",
		ValuationMethod: "The average revenue of a referred customer's first month, less our costs.",
	}
	ca.FinancialIncentives, ca.Incentives = model.Yes, []*california.Incentive{in}
	return in
}

// noSharing turns the sample into a business that neither sells nor shares.
func noSharing(p *model.Project) {
	california.Of(p).Shares = model.No
	for _, c := range p.Categories {
		california.Category(c).Shared = model.No
	}
	for _, r := range p.Recipients {
		california.Recipient(r).Shared = model.No
	}
	for _, pu := range p.Purposes {
		california.Purpose(pu).Shares = model.No
	}
	for _, ck := range p.Cookies.Items {
		ck.CrossContextAdvertising = model.No
	}
}

// A business that processes opt-out preference signals in a frictionless
// manner need not post the opt-out links (11 CCR §7025(e)).
func TestCaliforniaFrictionlessSignalNeedsNoLinks(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	california.Of(proj).Links = nil
	gpc := california.Signal(proj.Cookies.GlobalPrivacyControl)
	gpc.Frictionless, gpc.HowToUse = model.Yes, "Turn on Global Privacy Control in your browser's privacy settings."
	for _, d := range compiler.CheckRules(proj, sampleOpts) {
		if d.Rule != nil && d.Rule.ID == "CCPA-1798.135-a-1" {
			t.Errorf("frictionless processing: want no CCPA-1798.135-a-1, got %s", d.Error())
		}
	}
}

// Metrics of two years ago are still acceptable until 30 June (§7102(a)(2)).
func TestCaliforniaMetricsAreDueOnFirstJuly(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	california.Of(proj).Metrics = &california.Metrics{Required: model.Yes, URL: "https://helpwise.example/privacy/metrics", Year: 2024}
	for _, tc := range []struct {
		date  model.Date
		stale bool
	}{{"2026-06-30", false}, {"2026-07-01", true}} {
		stale := false
		for _, d := range compiler.CheckRules(proj, &compiler.Options{Date: tc.date}) {
			stale = stale || d.Rule != nil && d.Rule.ID == "CCR-7102-a-2"
		}
		if stale != tc.stale {
			t.Errorf("%s: metrics of 2024 stale = %v, want %v", tc.date, stale, tc.stale)
		}
	}
}

// The California text the sample does not show (sale to consumers under 16,
// frictionless signals, the right to limit, a financial incentive, request
// metrics, a significant automated decision from 2027), compiled from an
// edited sample and kept in testdata/notices/california-optional.md for
// review.
func TestCaliforniaOptionalText(t *testing.T) {
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	ca := california.Of(proj)
	ca.SellsOrSharesUnder16 = model.Yes
	ca.UnderSixteenOptIn = "A parent or guardian of a child under 13 signs our consent form; a consumer aged 13 to 15 asks to opt in and then confirms it."
	proj.Children.ActualKnowledgeUnder16, proj.Children.MinimumAge = model.Yes, 13
	ca.SensitiveBeyondPermitted = model.Yes
	ca.Links.LimitSensitive = "https://helpwise.example/privacy/limit"
	gpc := california.Signal(proj.Cookies.GlobalPrivacyControl)
	gpc.Frictionless, gpc.HowToUse = model.Yes, "Turn on Global Privacy Control in your browser's privacy settings, or install an extension that sends it."
	gpc.Scope = append(gpc.Scope, "offline")
	incentive(proj)
	ca.Metrics = &california.Metrics{Required: model.Yes, URL: "https://helpwise.example/privacy/metrics", Year: 2026}
	d := california.Decision(proj.AutomatedDecisions.Decisions[0])
	d.SignificantDecision, d.SpecificPurpose, d.Exception = "employment", "To rank job applications for our recruiters.", "human_appeal"
	d.Appeal = "Ask our recruiting team to have a recruiter review your application again."
	proj.Reviews = append(proj.Reviews, &model.Review{Rule: "CCR-7014-e", ReviewedBy: "Dana Reyes, Privacy Counsel", ReviewedAt: "2027-07-01",
		What: "The limit page shows the notice of right to limit.", Pos: proj.Reviews[0].Pos})
	opts := &compiler.Options{Date: "2027-07-05"}
	if diags := compiler.CheckRules(proj, opts); len(diags) > 0 {
		t.Errorf("edited sample not clean: %v", diags)
	}
	docs, _ := compiler.CompileProject(proj, opts)
	for _, doc := range docs {
		if doc.ID == california.ID {
			golden.File(t, "testdata/notices/california-optional.md", render.Markdown(doc, nil))
			return
		}
	}
	t.Fatal("no California notice")
}

// Whether the organisation is a "business" follows the thresholds of the
// notice's date: 60,000 consumers made one until 2022 (50,000 consumers,
// households or devices) and no longer from 2023 (100,000); revenue of
// $26,000,000 was over the threshold until 2024 ($25,000,000) and is not
// from 2025 ($26,625,000). Applies says which threshold decided.
func TestCaliforniaBusinessThresholdsFollowTheDate(t *testing.T) {
	ref, diags := compiler.Reference()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
	ca := california.Of(proj)
	ca.Business = ""
	for _, tc := range []struct {
		m       california.Measures
		date    model.Date
		applies bool
		why     string
	}{
		{california.Measures{RevenueUSDThousands: 1000, Consumers: 60000, PercentFromSelling: 1}, "2022-12-31", true,
			"the organisation is a business under the CCPA: it buys, sells or shares the personal information of 60,000 consumers, households or devices a year, 50,000 or more (Civ. Code §1798.140(c)(1)(B))"},
		{california.Measures{RevenueUSDThousands: 1000, Consumers: 60000, PercentFromSelling: 1}, "2023-01-01", false,
			"the organisation is not a business under the CCPA: it meets none of the thresholds of Civ. Code §1798.140(d)(1): annual gross revenue of $1,000,000 (not over $25,000,000), the personal information of 60,000 consumers or households a year (fewer than 100,000), 1% of its revenue from selling or sharing personal information (less than 50%)"},
		{california.Measures{RevenueUSDThousands: 26000, Consumers: 10, PercentFromSelling: 1}, "2024-12-31", true,
			"the organisation is a business under the CCPA: its annual gross revenue of $26,000,000 is over $25,000,000 (Civ. Code §1798.140(d)(1)(A))"},
		{california.Measures{RevenueUSDThousands: 26000, Consumers: 10, PercentFromSelling: 1}, "2025-01-01", false,
			"the organisation is not a business under the CCPA: it meets none of the thresholds of Civ. Code §1798.140(d)(1), as adjusted by the CPPA (§1798.199.95(d)): annual gross revenue of $26,000,000 (not over $26,625,000), the personal information of 10 consumers or households a year (fewer than 100,000), 1% of its revenue from selling or sharing personal information (less than 50%)"},
		{california.Measures{RevenueUSDThousands: 1000, Consumers: 10, PercentFromSelling: 60}, "2021-06-01", true,
			"the organisation is a business under the CCPA: it derives 60% of its annual revenue from selling personal information, 50% or more (Civ. Code §1798.140(c)(1)(C))"},
		{california.Measures{RevenueUSDThousands: 1000, Consumers: 60000}, "2023-06-01", false,
			"the data does not say whether the organisation is a business under the CCPA"},
	} {
		m := tc.m
		ca.Measures = &m
		applies, why := california.New().Applies(&jurisdiction.Context{Project: proj, Reference: ref, Date: tc.date})
		if applies != tc.applies || why != tc.why {
			t.Errorf("%s, %+v: Applies = %v, %q\nwant %v, %q", tc.date, tc.m, applies, why, tc.applies, tc.why)
		}
	}
}

// answering is a pack that always applies and holds only
// california.Answered, the requirement that the data says whether the CCPA
// applies (meant for a pack that always applies, such as global).
type answering struct{}

func (answering) ID() string                                   { return "answering" }
func (answering) Name() string                                 { return "answering" }
func (answering) Applies(*jurisdiction.Context) (bool, string) { return true, "always" }
func (answering) Requirements() []*jurisdiction.Requirement {
	return []*jurisdiction.Requirement{california.Answered}
}
func (answering) Compile(*jurisdiction.Context) (*notice.Document, diag.List) { return nil, nil }

// From 2020 the data must say whether the CCPA applies: a california:
// section with business:, or measures that decide it; business: no needs
// none of the other California facts.
func TestCaliforniaApplicabilityIsAnswered(t *testing.T) {
	ref, _ := compiler.Reference()
	for _, tc := range []struct {
		name string
		date model.Date
		ca   *california.California
		want string
	}{
		{"no section before the CCPA", "2019-12-31", nil, ""},
		{"no section", "2020-01-01", nil, "california: the data does not say whether the CCPA applies: from 2020-01-01 a project must answer whether the organisation is a business under the California Consumer Privacy Act [CCPA-1798.140-d]"},
		{"business: no alone", "2026-11-23", &california.California{Business: model.No}, ""},
		{"neither business nor deciding measures", "2026-11-23", &california.California{Measures: &california.Measures{Consumers: 200}},
			"california.business: the california: section does not say whether the organisation is a business under the CCPA [CCPA-1798.140-d]"},
		{"deciding measures without business", "2026-11-23", &california.California{Measures: &california.Measures{Consumers: 200000}}, ""},
	} {
		proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
		model.ExtOf[california.Sections](proj.Ext, california.ID).California = tc.ca
		proj.Source = nil
		got := ""
		for _, d := range jurisdiction.Check(&jurisdiction.Context{Project: proj, Reference: ref, Date: tc.date}, answering{}) {
			got = d.Path + ": " + d.Message + " [" + d.Rule.ID + "]"
			if d.Hint == "" {
				t.Errorf("%s: no hint", tc.name)
			}
		}
		if got != tc.want {
			t.Errorf("%s: got %q\nwant %q", tc.name, got, tc.want)
		}
		if tc.ca != nil && tc.ca.Business.IsNo() {
			// business: no: the California pack does not apply, so
			// none of its facts is asked for.
			if ok, why := california.New().Applies(&jurisdiction.Context{Project: proj, Reference: ref, Date: tc.date}); ok {
				t.Errorf("%s: the California notice applies: %s", tc.name, why)
			}
		}
	}
}

// Measures written in the data decide with every figure the data gives,
// zero included, and a business: that disagrees is reported at it, with the
// measures' position beside it.
func TestCaliforniaMeasuresInTheData(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(disclose.Sample, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, path)
		if path == "data/california.yaml" {
			b = []byte(strings.Replace(string(b), "  business: yes\n",
				"  business: yes\n  measures:\n    gross_revenue_usd_thousands: 12000\n    consumers_bought_sold_shared: 20000\n    percent_revenue_from_selling: 0\n", 1))
		}
		fsys[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, diags := compiler.Check(fsys, "data", sampleOpts)
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
		if d.Rule == nil || d.Rule.ID != "CCPA-1798.140-d" {
			t.Errorf("unexpected %s", d.Error())
			continue
		}
		if len(d.Related) != 1 || d.Related[0].Line != d.Pos.Line+1 {
			t.Errorf("%s: related %v, want the measures on the next line", d.Error(), d.Related)
		}
	}
	want := []string{"data/california.yaml:24:13: error: california.business: california.business is yes, but california.measures say it is no on 2026-11-23: it meets none of the thresholds of Civ. Code §1798.140(d)(1), as adjusted by the CPPA (§1798.199.95(d)): annual gross revenue of $12,000,000 (not over $26,625,000), the personal information of 20,000 consumers or households a year (fewer than 100,000), 0% of its revenue from selling or sharing personal information (less than 50%) [CCPA-1798.140-d]"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
