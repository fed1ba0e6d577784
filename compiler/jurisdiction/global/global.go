// Package global is the rule pack of the global privacy policy: the baseline
// every visitor reads (scope, who we are, what we collect and why, sharing,
// choices, cookies and browser signals, security, transfers, retention,
// children, changes, contact). It also carries the California Online Privacy
// Protection Act (CalOPPA), which applies to the policy a website posts
// whatever the size of the business.
package global

import (
	"fmt"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Pack is the global rule pack.
type Pack struct{}

// New returns the global rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// ID is the pack's id, and its notice's.
const ID = "global"

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "Global privacy policy (baseline, CalOPPA)" }

// Audience says whom the notice is for, on the site's home page.
func (*Pack) Audience() string {
	return "Everyone: what we collect, why, who we share it with, and your choices."
}

// Applies implements jurisdiction.Jurisdiction: every project publishes it.
func (*Pack) Applies(*j.Context) (bool, string) {
	return true, "every organisation publishes its privacy policy"
}

// Requirements implements jurisdiction.Jurisdiction.
func (*Pack) Requirements() []*j.Requirement { return requirements }

var requirements = []*j.Requirement{
	{ID: "CALOPPA-22575-a", Citation: "Cal. Bus. & Prof. Code §22575(a), §22577(b)", Severity: diag.Error,
		Summary: "The policy is conspicuously posted: a link with the word \"privacy\" on the home page, distinguishable from the text around it.",
		When:    "the project has a california: section; signed off by the team (reviews[]), since no data can show it", Section: "top", Data: []string{"reviews"},
		Check: func(c *j.Context, r *j.Report) {
			if california.Of(c.Project) != nil {
				j.Attested("CALOPPA-22575-a", "a home-page link containing the word \"privacy\", in a style that stands out, leads to this policy")(c, r)
			}
		}},
	{ID: "GLB-01", Citation: "Cal. Bus. & Prof. Code §22575(b)(4); 11 CCR §7011(e)(4)", Severity: diag.Error,
		Summary: "The policy shows its title, effective date and last-updated date.", Section: "top",
		Data: []string{"notices.global.title"}},
	{ID: "GLB-02", Citation: "GDPR Art. 13(1)(a); WP260", Severity: diag.Error,
		Summary: "Scope: who the policy covers, the organisation's role and the supplements for Europe and California.",
		Section: "about", Data: []string{"organization.description", "subjects", "organization.entities"}},
	{ID: "GLB-03", Citation: "GDPR Art. 13(1)(a); 11 CCR §7011(e)(3)(J); PIPEDA Sch. 1 4.8.2(a)", Severity: diag.Error,
		Summary: "Who we are and how to contact us: legal entities and a privacy contact with an email address or web form.",
		Section: "contact", Data: []string{"organization.entities", "organization.privacy_contact"},
		Each: j.ForEach(j.Each{In: "organization.privacy_contact", RequireAny: []string{"email", "web_form"},
			Message: "the privacy contact has no email address or web form; people need a direct way to send privacy questions and requests",
			Hint:    "add email: or web_form: under organization.privacy_contact"})},
	{ID: "GLB-04", Citation: "Cal. Bus. & Prof. Code §22575(b)(1); 11 CCR §7011(e)(1)(A)", Severity: diag.Error,
		Summary: "The categories of personal data collected, grouped by how they are collected.",
		Section: "information-we-collect", Data: []string{"categories", "sources"}},
	{ID: "GLB-06", Citation: "GDPR Art. 13(1)(c); 11 CCR §7011(e)(1)(C)", Severity: diag.Error,
		Summary: "Why personal data is used: each purpose.", Section: "how-we-use", Data: []string{"purposes"}},
	{ID: "GLB-08", Citation: "GDPR Art. 13(1)(e); Cal. Bus. & Prof. Code §22575(b)(1)", Severity: diag.Error,
		Summary: "Who personal data is disclosed to, by category of recipient.", Section: "sharing",
		Data: []string{"recipients", "processors"},
		Each: j.ForEach(j.Each{Where: j.Given("processors"), Require: []string{"recipients"},
			Message: "processors are listed but no categories of recipients are: the policy must say who personal data is disclosed to",
			Hint:    "add recipients: with at least the category your processors belong to (for example service providers)"})},
	{ID: "GLB-09", Citation: "11 CCR §7011(e)(1)(D); §7013(g)", Severity: diag.Error,
		Summary: "Whether personal data is sold or (from 2023) shared for cross-context behavioural advertising, stated even when the answer is no: in california: or, without it, for every purpose.",
		Section: "sale-and-sharing", Data: []string{"purposes.sells", "purposes.shares"},
		// california.sells and california.shares answer it for the whole
		// organisation; "sharing" took effect with the CPRA.
		Each: j.ForEach(
			j.Each{In: "purposes", If: j.NotGiven("california"), Require: []string{"sells"}, At: j.AtItem,
				Message: "purpose {id} does not say whether it sells personal data; the policy must state it either way",
				Hint:    "add sells: yes or sells: no to purpose {id} (or add a california: section)"},
			j.Each{In: "purposes", If: j.NotGiven("california"), Require: []string{"shares"}, At: j.AtItem, From: cpraDate,
				Message: "purpose {id} does not say whether it shares (for cross-context behavioural advertising) personal data; the policy must state it either way",
				Hint:    "add shares: yes or shares: no to purpose {id} (or add a california: section)"},
		)},
	{ID: "GLB-10", Citation: "GDPR Art. 13(2)(b); 11 CCR §7011(e)(2)-(3)", Severity: diag.Error,
		Summary: "The choices and rights people have, and how to exercise them.", Section: "your-rights",
		Data: []string{"rights.offered", "rights.request_methods", "rights.verification", "rights.authorized_agents"}},
	{ID: "GLB-11", Citation: "Directive 2002/58/EC Art. 5(3); Cal. Bus. & Prof. Code §22575(b)(6)", Severity: diag.Error,
		Summary: "Cookies and similar technologies: what is set, by whom, why and for how long.", Section: "cookies",
		Data: []string{"cookies.summary", "cookies.items"}},
	{ID: "CALOPPA-22575-b-5", Citation: "Cal. Bus. & Prof. Code §22575(b)(5)", Severity: diag.Error,
		Summary: "How the site responds to Do Not Track signals, even if it does not honour them; when it does, what happens.",
		Section: "browser-signals", Data: []string{"cookies.do_not_track"},
		Each: j.ForEach(j.Each{In: "cookies.do_not_track", Where: j.IsYes("honored"), Require: []string{"description"}, At: j.AtItem,
			Message: "Do Not Track is honoured but the data does not say what happens when the signal is received",
			Hint:    "add description: saying what changes when a browser sends Do Not Track"})},
	{ID: "CALOPPA-22575-b-6", Citation: "Cal. Bus. & Prof. Code §22575(b)(6)", Severity: diag.Error,
		Summary: "Whether other parties may collect information about online activities over time and across sites; it must agree with the cookie list.",
		Section: "browser-signals", Data: []string{"cookies.third_party_tracking", "cookies.items.party"}, Check: checkThirdPartyTracking},
	{ID: "GLB-13", Citation: "GDPR Art. 32 (best practice)", Severity: diag.Info,
		Summary: "How personal data is protected.", Section: "security", Data: []string{"security"}},
	{ID: "GLB-14", Citation: "GDPR Art. 13(1)(f); Québec Act s. 8", Severity: diag.Error,
		Summary: "International transfers: the countries data goes to and the safeguards.", Section: "international-transfers",
		When: "data leaves the country it was collected in", Data: []string{"transfers", "processors.country"}},
	{ID: "GLB-15", Citation: "GDPR Art. 13(2)(a); Civ. Code §1798.100(a)(3)", Severity: diag.Error,
		Summary: "How long each category of personal data is kept, or the criteria.", Section: "retention",
		Data: []string{"categories.retention", "retention"}},
	{ID: "GLB-16", Citation: "COPPA 16 CFR §312.4(d); GDPR Art. 8; 11 CCR §7011(e)(1)(G)", Severity: diag.Error,
		Summary: "Children: the minimum age served (13 under COPPA, or higher where the organisation says so) and, for a service directed to children, what is done with their data.",
		Section: "children", Data: []string{"children.minimum_age", "children.statement"},
		Each: j.ForEach(j.Each{In: "children", Where: j.IsYes("directed_to_children"), Require: []string{"statement"}, At: j.AtItem,
			Message: "a service directed to children must explain how children's data is handled",
			Hint:    "add statement: describing what data is collected from children, how parents consent and how they can review or delete it"})},
	{ID: "CALOPPA-22575-b-3", Citation: "Cal. Bus. & Prof. Code §22575(b)(3)", Severity: diag.Error,
		Summary: "How people are told about material changes to the policy.", Section: "changes",
		Data: []string{"changes.notification"}},
	{ID: "CALOPPA-22575-b-4", Citation: "Cal. Bus. & Prof. Code §22575(b)(4)", Severity: diag.Error,
		Summary: "The policy's effective date.", Section: "top"},
}

// cpraDate is the day the CPRA's "sharing" (cross-context behavioural
// advertising) took effect.
const cpraDate = "2023-01-01"

func checkThirdPartyTracking(c *j.Context, r *j.Report) {
	ck := c.Project.Cookies
	if ck == nil || !ck.ThirdPartyTracking.IsNo() {
		return
	}
	for i, it := range ck.Items {
		if it != nil && it.Party == "third" && (it.Class == "advertising" || it.Class == "analytics") {
			r.Missing("cookies.third_party_tracking",
				fmt.Sprintf("set third_party_tracking: yes, or correct cookies.items[%d]", i),
				"third_party_tracking is no, but the %s cookie %q is set by a third party (%s)", it.Class, it.Name, it.Provider)
			return
		}
	}
}

// Compile implements jurisdiction.Jurisdiction.
func (pk *Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p}
	doc := j.NewDocument(c, "global", "Privacy Policy", p.Notices[ID])
	doc.Sections = j.Sections(
		b.about(), b.collect(), b.use(), b.sharing(), b.sale(), b.rights(), b.cookies(), b.signals(),
		b.security(), b.transfers(), b.retention(), b.children(), b.automated(), b.changes(), b.contact(),
	)
	return doc, nil
}
