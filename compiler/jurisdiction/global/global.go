// Package global is the rule pack of the global privacy policy: the baseline
// every visitor reads (scope, who we are, what we collect and why, sharing,
// choices, cookies and browser signals, security, transfers, retention,
// children, changes, contact). It also carries the California Online Privacy
// Protection Act (CalOPPA), which applies to the policy a website posts
// whatever the size of the business.
package global

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/model"
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

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "Privacy Policy" }

// LabelIn implements jurisdiction.LabelerIn: the short name in the
// Context's language (Label is its English).
func (*Pack) LabelIn(c *j.Context) string { return string(c.T("notice.label", nil)) }

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
		When:    "the organisation is a business under the CCPA; signed off by the team (reviews[]), since no data can show it", Section: "top", Data: []string{"reviews"},
		Check: func(c *j.Context, r *j.Report) {
			if ca := california.Of(c.Project); ca != nil && ca.Business.IsYes() {
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
			j.Each{In: "purposes", If: j.NotGiven("california.sells"), Require: []string{"sells"}, At: j.AtItem,
				Message: "purpose {id} does not say whether it sells personal data; the policy must state it either way",
				Hint:    "add sells: yes or sells: no to purpose {id} (or answer california: sells: and shares: for the whole organisation)"},
			j.Each{In: "purposes", If: j.NotGiven("california.shares"), Require: []string{"shares"}, At: j.AtItem, From: cpraDate,
				Message: "purpose {id} does not say whether it shares (for cross-context behavioural advertising) personal data; the policy must state it either way",
				Hint:    "add shares: yes or shares: no to purpose {id} (or answer california: sells: and shares: for the whole organisation)"},
		)},
	{ID: "GLB-10", Citation: "GDPR Art. 13(2)(b); 11 CCR §7011(e)(2)-(3)", Severity: diag.Error,
		Summary: "The choices and rights people have, and how to exercise them.", Section: "your-rights",
		Data: []string{"rights.offered", "rights.request_methods", "rights.verification", "rights.authorized_agents"}},
	{ID: "GLB-11", Citation: "Directive 2002/58/EC Art. 5(3); Cal. Bus. & Prof. Code §22575(b)(6)", Severity: diag.Error,
		Summary: "Cookies and similar technologies: what is set, by whom, why and for how long; a cookie's class agrees with what it does and with the recipients named.", Section: "cookies",
		Data: []string{"cookies.summary", "cookies.items"}, When: "always; the cookie list must agree with itself and with the recipients",
		Check: checkCookieFacts},
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
	{ID: "GLB-PROSE", Citation: "FTC Act §5 (15 U.S.C. §45); Cal. Bus. & Prof. Code §22576; GDPR Art. 5(1)(a), 12(1)", Severity: diag.Warning,
		Summary: "The team's own words do not contradict the data: no \"we do not sell\" while the data sells, no \"we do not share\" for advertising while it shares, no \"we do not use cookies\" while it lists them, no \"we do not transfer\" abroad while it transfers.",
		When:    "a text of the data says the opposite of a fact", Section: "about",
		Data: []string{"sections.body", "purposes.description", "recipients.description", "children.statement", "cookies.summary"}, Check: checkProseClaims},
	{ID: "GLB-17", Citation: "GDPR Art. 13(2)(f), 14(2)(g); 11 CCR §7011(e)(1)", Severity: diag.Error,
		Summary: "Automated decisions and profiling: what profiles are built and used for, when the data says people are profiled.",
		When:    "automated_decisions.profiling is yes", Section: "automated-decisions",
		Data: []string{"automated_decisions.profiling", "automated_decisions.decisions"}, Check: checkProfilingDescribed},
	{ID: "GLB-16", Citation: "COPPA 16 CFR §312.4(d); GDPR Art. 8; 11 CCR §7011(e)(1)(G)", Severity: diag.Error,
		Summary: "Children: the minimum age served (13 under COPPA, or higher where the organisation says so) and, for a service directed to children, what is done with their data.",
		Section: "children", Data: []string{"children.minimum_age", "children.statement", "children.actual_knowledge_under_16"},
		Each: j.ForEach(j.Each{In: "children", Where: j.IsYes("directed_to_children"), Require: []string{"statement"}, At: j.AtItem,
			Message: "a service directed to children must explain how children's data is handled",
			Hint:    "add statement: describing what data is collected from children, how parents consent and how they can review or delete it"})},
	{ID: "GLB-16", Citation: "COPPA 16 CFR §312.4(d); 11 CCR §7011(e)(1)(G)", Severity: diag.Error,
		Summary: "The answers about children agree with each other: a service for people of 16 and over, not directed to children, cannot know of users under 16.",
		When:    "children.actual_knowledge_under_16 is yes", Section: "children", Data: []string{"children.actual_knowledge_under_16", "children.minimum_age"},
		Check: checkChildrenFacts},
	{ID: "CALOPPA-22575-b-3", Citation: "Cal. Bus. & Prof. Code §22575(b)(3)", Severity: diag.Error,
		Summary: "How people are told about material changes to the policy.", Section: "changes",
		Data: []string{"changes.notification"}, Covers: []string{"GLB-18"}},
	{ID: "CALOPPA-22575-b-1", Citation: "Cal. Bus. & Prof. Code §22575(b)(1)", Severity: diag.Error,
		Summary: "The categories of personally identifiable information collected, and the categories of third parties it may be shared with.",
		Section: "information-we-collect", Data: []string{"categories", "recipients"}},
	{ID: "CALOPPA-22575-b-2", Citation: "Cal. Bus. & Prof. Code §22575(b)(2)", Severity: diag.Error,
		Summary: "The process for reviewing and correcting personally identifiable information, where there is one: the rights offered and how to make a request.",
		Section: "your-rights", Data: []string{"rights.offered", "rights.request_methods"}},
	{ID: "GLB-05", Citation: "GDPR Art. 14(2)(f); 11 CCR §7011(e)(1)(B)", Severity: diag.Error,
		Summary: "Where personal data comes from: each source, its nature, and whether it is publicly accessible.",
		Section: "information-we-collect", Data: []string{"sources", "categories.sources"}},
	{ID: "GLB-12", Citation: "Cal. Bus. & Prof. Code §22575(b)(5); 11 CCR §7011(e)(3)(F), §7025", Severity: diag.Error,
		Summary: "How Do Not Track and Global Privacy Control signals are handled, either way.",
		Section: "browser-signals", Data: []string{"cookies.do_not_track", "cookies.global_privacy_control"}},
	{ID: "GLB-19", Citation: "GDPR Art. 13(1)(a)-(b), 13(2)(d); PIPEDA Sch. 1 4.8.2(a)", Severity: diag.Error,
		Summary: "Contact: the privacy contact, the companies responsible, and the European DPO where there is one (the supplements add representatives and authorities).",
		Section: "contact", Data: []string{"organization.privacy_contact", "organization.entities", "organization.dpo"}},
	{ID: "GLB-21", Citation: "legal-requirements §6 (architecture)", Severity: diag.Error,
		Summary: "Links to the jurisdiction supplements published alongside (the European and California notices).",
		When:    "a supplement is published", Section: "about", Data: []string{"california.business", "organization.established_in_eu", "organization.targets_eu"}},
	{ID: "CALOPPA-22575-b-4", Citation: "Cal. Bus. & Prof. Code §22575(b)(4)", Severity: diag.Error,
		Summary: "The policy's effective date.", Section: "top"},
	// Whether the California notice applies is the data's answer, never
	// a missing section's silence (the california pack states the rule).
	california.Answered,
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
	doc := j.NewDocument(c, "global", string(c.T("policy.title", nil)), p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.about(), b.collect(), b.use(), b.sharing(), b.sale(), b.rights(), b.cookies(), b.signals(),
		b.security(), b.transfers(), b.retention(), b.children(), b.automated(), b.changes(), b.contact(),
	)
	return doc, nil
}

// checkChildrenFacts reports children's facts that contradict each other:
// knowing that people under 16 use a service that says it is for people of
// 16 and over, and not directed to children, would publish "we do not
// knowingly collect personal data from anyone under 16" against the data.
func checkChildrenFacts(c *j.Context, r *j.Report) {
	ch := c.Project.Children
	if ch == nil || !ch.ActualKnowledgeUnder16.IsYes() || ch.DirectedToChildren.IsYes() || ch.MinimumAge < 16 {
		return
	}
	d := r.Missing("children.actual_knowledge_under_16",
		"set minimum_age: to the youngest age the services accept, or correct actual_knowledge_under_16: if no one under 16 is known to use them",
		"children.actual_knowledge_under_16 is yes, but children.minimum_age is %d and no service is directed to children: the policy would say that no personal data of anyone under %d is knowingly collected",
		ch.MinimumAge, ch.MinimumAge)
	if c.Project.Source != nil {
		d.Related = append(d.Related, c.Project.Source.Pos("children.minimum_age"))
	}
}

// A claim is a denial in the team's words that a fact of the data can
// contradict.
type claim struct {
	words []string       // one of them must be in the clause: a fast filter
	re    *regexp.Regexp // the denial, after the shared negation
	// qualified reports whether what follows the denial narrows it ("we do
	// not use cookies to track you", "we do not sell sensitive
	// information"), which then says nothing against the fact.
	qualified func(rest string) bool
	fact      func(p *model.Project) (bool, string) // whether the data says otherwise, and where
	says      string
}

// negation is the shared opening of every denial.
const negation = `(?i)\b(do not|don't|does not|doesn't|never|will not|won't|shall not)\s+`

var claims = []claim{
	{[]string{"sell", "rent"}, regexp.MustCompile(negation + `(sell|rent)\b`),
		func(rest string) bool { return strings.Contains(strings.ToLower(rest), "sensitive") }, sells, "personal data is sold"},
	{[]string{"share"}, regexp.MustCompile(negation + `share\b[^.;]*\b(advertis\w*|cross-context|targeted)`),
		func(string) bool { return false }, shares, "personal data is shared for cross-context behavioural advertising"},
	{[]string{"cookie"}, regexp.MustCompile(negation + `use\s+(any\s+)?cookies\b`),
		func(rest string) bool {
			rest = strings.ToLower(strings.TrimSpace(rest))
			return strings.HasPrefix(rest, "to ") || strings.HasPrefix(rest, "for ") || strings.HasPrefix(rest, "that ") || strings.HasPrefix(rest, "which ")
		},
		func(p *model.Project) (bool, string) {
			return p.Cookies != nil && len(p.Cookies.Items) > 0, "cookies.items"
		}, "cookies are used"},
	{[]string{"transfer"}, regexp.MustCompile(negation + `transfer\b[^.;]*\b(outside|abroad|overseas|internationally|other countries)`),
		func(string) bool { return false },
		func(p *model.Project) (bool, string) { return len(p.Transfers) > 0, "transfers" }, "personal data is transferred abroad"},
}

// linkNames are the names of the links the law prescribes, which deny
// nothing ("Do Not Sell or Share My Personal Information").
var linkNames = regexp.MustCompile(`(?i)do not sell (or share )?my personal information|limit the use of my sensitive personal information`)

// clauseEnd splits a sentence into clauses, so that a limit in one clause
// ("we do not knowingly collect children's data") does not excuse a denial
// in another.
var clauseEnd = regexp.MustCompile(`[;,]\s+|\s+and\s+`)

// notAbout are clauses whose denial is limited and says nothing against
// the whole organisation: about children ("we do not sell the data of
// anyone under 16"), about one recipient ("we do not sell your details to
// them"), or conditional ("if you opt out, we will not share...").
var notAbout = regexp.MustCompile(`(?i)\b(child|children|minor|minors|under (1[0-9]|the age)|to (them|it|these|those))\b`)

// conditional sentences deny only under their condition.
var conditional = regexp.MustCompile(`(?i)^\s*(if|unless|when|once|where)\b`)

// sells and shares say whether the data sells (shares) personal data, for
// the organisation (california.sells) or for a purpose, and where.
func sells(p *model.Project) (bool, string)  { return saysYes(p, "sells", salesAnswers) }
func shares(p *model.Project) (bool, string) { return saysYes(p, "shares", sharingAnswers) }

func salesAnswers(ca *california.California, pu *california.PurposeFacts) model.Answer {
	if ca != nil {
		return ca.Sells
	}
	return pu.Sells
}

func sharingAnswers(ca *california.California, pu *california.PurposeFacts) model.Answer {
	if ca != nil {
		return ca.Shares
	}
	return pu.Shares
}

// saysYes finds a yes of answer, the organisation's first and then each
// purpose's, and returns the path of the key that says it.
func saysYes(p *model.Project, key string, answer func(*california.California, *california.PurposeFacts) model.Answer) (bool, string) {
	if ca := california.Of(p); ca != nil && answer(ca, nil).IsYes() {
		return true, "california." + key
	}
	for i, pu := range p.Purposes {
		if pu != nil && answer(nil, california.Purpose(pu)).IsYes() {
			return true, model.Index("purposes", i) + "." + key
		}
	}
	return false, ""
}

// checkProseClaims reports a clause of the team's published words that
// denies what the data says: the notice would publish both.
func checkProseClaims(c *j.Context, r *j.Report) {
	p := c.Project
	for _, t := range j.PublishedTexts(p) {
		for _, sentence := range sentenceEnd.Split(string(t.Text), -1) {
			plain := linkNames.ReplaceAllString(sentence, "the link")
			lower := strings.ToLower(plain)
			if !strings.Contains(lower, "not") && !strings.Contains(lower, "never") && !strings.Contains(lower, "n't") || conditional.MatchString(plain) {
				continue
			}
		clauses:
			for _, clause := range clauseEnd.Split(plain, -1) {
				if notAbout.MatchString(clause) {
					continue
				}
				lc := strings.ToLower(clause)
				for _, cl := range claims {
					if !slices.ContainsFunc(cl.words, func(w string) bool { return strings.Contains(lc, w) }) {
						continue
					}
					loc := cl.re.FindStringIndex(clause)
					if loc == nil || cl.qualified(clause[loc[1]:]) {
						continue
					}
					if yes, at := cl.fact(p); yes {
						d := r.Missing(t.Path, "correct the text, or the data if the text is right",
							"the text says %s, but the data says %s (%s): %s", j.Quote(clause[loc[0]:loc[1]]), cl.says, at, j.Quote(strings.TrimSpace(sentence)))
						if p.Source != nil {
							d.Related = append(d.Related, p.Source.Pos(at))
						}
						break clauses // one report per sentence
					}
				}
			}
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// checkProfilingDescribed reports profiling the data admits to but does not
// describe: the policy would say people are profiled and not how.
func checkProfilingDescribed(c *j.Context, r *j.Report) {
	ad := c.Project.AutomatedDecisions
	if ad == nil || !ad.Profiling.IsYes() {
		return
	}
	for _, d := range ad.Decisions {
		if d != nil && !d.Art22.IsYes() {
			return
		}
	}
	r.Missing("automated_decisions.decisions",
		"add decisions: with each profile built (what it predicts or evaluates, from which data, and what it is used for), with art22: no where it has no legal or similarly significant effect",
		"automated_decisions.profiling is yes, but no decision describes the profiling: the policy must say what profiles are built and what they are used for")
}

// checkCookieFacts reports cookie facts that contradict each other or the
// recipients: a cookie used for cross-context behavioural advertising that
// is not classed as advertising (the consent banner would offer it as
// analytics or as necessary), and third-party advertising cookies while no
// recipient is an advertising partner (the policy would list the cookies
// but not who receives what they collect).
func checkCookieFacts(c *j.Context, r *j.Report) {
	p := c.Project
	if p.Cookies == nil {
		return
	}
	thirdAds := -1
	for i, ck := range p.Cookies.Items {
		if ck == nil {
			continue
		}
		if ck.CrossContextAdvertising.IsYes() && ck.Class != "advertising" {
			r.Missing(model.Index("cookies.items", i)+".class", "set class: advertising, or correct cross_context_advertising:",
				"cookie %q is used for cross-context behavioural advertising, but its class is %s: it must be offered and refused as an advertising cookie", ck.Name, ck.Class)
		}
		if ck.Class == "advertising" && ck.Party == "third" && thirdAds < 0 {
			thirdAds = i
		}
	}
	if thirdAds < 0 || slices.ContainsFunc(p.Recipients, func(rc *model.Recipient) bool { return rc != nil && rc.Kind == "advertising_partner" }) {
		return
	}
	r.Missing(model.Index("cookies.items", thirdAds)+".party",
		"add a recipient with kind: advertising_partner for the companies whose advertising cookies run on the site",
		"cookie %q is a third party's advertising cookie, but no recipient is an advertising partner: the policy must say who receives what the cookie collects", p.Cookies.Items[thirdAds].Name)
}
