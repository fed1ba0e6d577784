// Package usstates is the rule pack of the US state privacy notice: one
// notice for the consumers of the comprehensive state privacy laws
// (Virginia, Colorado, Connecticut, Utah, Texas, Oregon and the states that
// followed), with each state's differences where they differ. California
// has its own notice; this one links to it.
//
// Which laws apply is judged from the data on the notice's date: each law's
// dated thresholds (reference/states.yaml) against the consumer counts and
// measures of us_states:, or the team's declared answer per state.
package usstates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ID is the US state notice's id: its address and its versions' folder.
const ID = "us-states"

// Pack is the US state privacy notice's rule pack.
type Pack struct{}

// New returns the US state privacy notice's rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "US state privacy notice (comprehensive state privacy laws)" }

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "US states" }

// Audience implements jurisdiction.Audiencer.
func (*Pack) Audience() string {
	return "For residents of US states with comprehensive privacy laws (Virginia, Colorado, Connecticut, Texas, Oregon and others)"
}

// Extensions implements jurisdiction.Extender.
func (*Pack) Extensions() model.Extensions { return extensions() }

// Applies implements jurisdiction.Jurisdiction: the notice is published
// when the law of at least one state applies on the date.
func (*Pack) Applies(c *j.Context) (bool, string) {
	if Of(c.Project) == nil {
		return false, "the data has no us_states: section"
	}
	scopes := Scopes(c)
	if len(scopes) == 0 {
		return false, "no comprehensive state privacy law is in force on " + c.Date.String()
	}
	var yes, no, open []string
	for _, s := range scopes {
		switch {
		case s.Applies.IsYes():
			yes = append(yes, s.Law.Name)
		case s.Applies.IsNo():
			no = append(no, s.Law.Name)
		default:
			open = append(open, s.Law.Name)
		}
	}
	var why []string
	if len(yes) > 0 {
		why = append(why, "the laws of "+j.Join(yes, "and")+" apply")
	}
	if len(open) > 0 {
		why = append(why, "the data does not say whether the laws of "+j.Join(open, "and")+" apply")
	}
	if len(no) > 0 {
		why = append(why, "the laws of "+j.Join(no, "and")+" do not")
	}
	return len(yes) > 0 || len(open) > 0, strings.Join(why, "; ")
}

// ApplicabilityDetails implements jurisdiction.ApplicabilityDetailer: one
// line per state law in force on the date.
func (*Pack) ApplicabilityDetails(c *j.Context) []string {
	if Of(c.Project) == nil {
		return nil
	}
	var out []string
	for _, s := range Scopes(c) {
		word := "does not apply"
		switch {
		case s.Applies.IsYes():
			word = "applies"
		case s.Applies == "":
			word = "not answered"
		}
		line := s.Law.Name + " (" + s.Law.Law + ", from " + s.Law.From.String() + "): " + word
		if s.Why != "" {
			line += ": " + s.Why
		}
		out = append(out, line)
	}
	return out
}

// AppliesFrom implements jurisdiction.Applicability.
func (*Pack) AppliesFrom() []string {
	return []string{"us_states.states", "us_states.measures", "us_states.sells", "categories.us_sensitive"}
}

// Requirements implements jurisdiction.Jurisdiction.
func (*Pack) Requirements() []*j.Requirement { return requirements }

// vaNotice is the model provision the other states follow; each state's own
// is in the reference data (notice_citation) and the notice's state table.
const vaNotice = "Va. Code Ann. §59.1-578(C); and the privacy-notice provision of each state law in force (reference/states.yaml)"

var sellsOrTargets = j.AnyOf(j.IsYes("sells"), j.IsYes("targeted_advertising"), j.IsYes("profiling"))

var requirements = []*j.Requirement{
	{ID: "USST-SCOPE", Citation: "the applicability thresholds of each state law, e.g. Va. Code Ann. §59.1-576(A) (reference/states.yaml)", Severity: diag.Error,
		Summary: "Which state laws apply on the notice's date, from the consumer counts and measures or the team's answer per state, with no answer contradicting the counts.",
		When:    "a state is listed in us_states.states", Section: "scope",
		Data: []string{"us_states.states", "us_states.measures"}, Check: checkScope, Drift: true},
	{ID: "USST-CONSUMERS", Citation: "the definitions of \"consumer\", e.g. Va. Code Ann. §59.1-575; Conn. Gen. Stat. §42-515", Severity: diag.Error,
		Summary: "The notice covers the data of consumers: at least one purpose concerns a group of people who are consumers (a group marked us_consumer: no is left out).",
		Section: "scope", Data: []string{"subjects.us_consumer", "purposes.subjects"}, Check: checkConsumers},
	{ID: "USST-MEASURES-YEAR", Citation: "the applicability provisions of each state law (\"during a calendar year\", \"the preceding calendar year\")", Severity: diag.Warning, Drift: true,
		Summary: "The consumer counts are for the calendar year before the notice takes effect.",
		When:    "us_states.measures is given", Section: "scope",
		Data: []string{"us_states.measures.year"}, Check: checkMeasuresYear},
	{ID: "USST-CATEGORIES", Citation: "Va. Code Ann. §59.1-578(C)(1); " + vaNotice, Severity: diag.Error,
		Summary: "The categories of personal data processed, including sensitive data.", Section: "personal-data",
		Data: []string{"categories"}},
	{ID: "USST-PURPOSES", Citation: "Va. Code Ann. §59.1-578(C)(2); " + vaNotice, Severity: diag.Error,
		Summary: "The purposes for processing personal data.", Section: "personal-data",
		Data: []string{"purposes"}},
	{ID: "USST-RIGHTS", Citation: "Va. Code Ann. §59.1-578(C)(3), (E); " + vaNotice, Severity: diag.Error,
		Summary: "How consumers may exercise their rights: the rights each state gives and the secure and reliable means to make a request.", Section: "your-rights",
		Data: []string{"rights.request_methods", "rights.verification", "rights.authorized_agents"}},
	{ID: "USST-APPEAL", Citation: "Va. Code Ann. §59.1-578(C)(3), §59.1-577(C); " + vaNotice, Severity: diag.Error,
		Summary: "How consumers may appeal our decision on their request, and, where the state asks, how to contact its Attorney General if the appeal is denied.", Section: "appeal",
		When: "always (us_states.appeal, or else rights.appeal)",
		Data: []string{"us_states.appeal", "rights.appeal"}, Check: checkAppeal},
	{ID: "USST-THIRD-PARTIES", Citation: "Va. Code Ann. §59.1-578(C)(4)-(5); ORS 646A.578(4)(c)-(d); " + vaNotice, Severity: diag.Error,
		Summary: "The categories of personal data shared with third parties, and the categories of those third parties (in Oregon, with how each may process it).", Section: "third-parties",
		Data: []string{"recipients.kind", "recipients.categories", "recipients.description"}},
	{ID: "USST-CONTACT", Citation: "Conn. Gen. Stat. §42-520(c)(5); ORS 646A.578(4)(f); " + vaNotice, Severity: diag.Error,
		Summary: "An active email address or online form through which consumers can contact us.", Section: "contact",
		Data: []string{"organization.privacy_contact"}, Check: checkContact},
	{ID: "USST-SALE", Citation: "Va. Code Ann. §59.1-578(D); C.R.S. §6-1-1308(1)(b); " + vaNotice, Severity: diag.Error,
		Summary: "Whether we sell personal data, process it for targeted advertising or profile consumers for significant decisions; if so, clearly and conspicuously, with how to opt out.", Section: "sale-advertising-profiling",
		Data: []string{"us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "us_states.opt_out_url"},
		Each: j.ForEach(
			j.Each{In: "us_states", Require: []string{"sells", "targeted_advertising", "profiling"}, Noun: "the us_states section",
				Message: "the US state notice must say whether we sell personal data, use it for targeted advertising and profile consumers for significant decisions",
				Hint:    "answer yes or no"},
			j.Each{In: "us_states", Where: sellsOrTargets, Require: []string{"opt_out_url"}, Noun: "the us_states section",
				Message: "we sell personal data, use it for targeted advertising or profile consumers, so the notice must give the way to opt out",
				Hint:    "add opt_out_url: (the page consumers use to opt out)"},
		)},
	{ID: "USST-SALE-PURPOSES", Citation: "Va. Code Ann. §59.1-578(D); 4 CCR 904-3 Rule 6.02(A)", Severity: diag.Error,
		Summary: "The purposes that sell personal data or use it for targeted advertising or profiling agree with the answers for the whole organisation.", Section: "sale-advertising-profiling",
		Data: []string{"us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "purposes.us_sale", "purposes.us_targeted_advertising", "purposes.us_profiling"},
		When: "us_states gives the answers", Check: checkSalePurposes},
	{ID: "CO-RULE-6.03", Citation: "4 CCR 904-3 Rule 6.03(A)(1)-(3) (Colorado Privacy Act Rules)", Severity: diag.Error, From: "2023-07-01",
		Summary: "Purpose by purpose: the categories of personal data processed, and whether each purpose sells it, uses it for targeted advertising or profiles consumers.",
		When:    "Colorado's law applies", Section: "personal-data",
		Data: []string{"purposes.us_sale", "purposes.us_targeted_advertising", "purposes.us_profiling"}, Check: checkMatrix},
	{ID: "USST-SENSITIVE", Citation: "Va. Code Ann. §59.1-578(A)(5); C.R.S. §6-1-1308(7); Conn. Gen. Stat. §42-520(a)(4); and the like provision of each state law", Severity: diag.Error,
		Summary: "The sensitive data processed, by each state's own definition, and how consent is obtained where the state requires it.",
		When:    "a category holds data an applying state counts as sensitive", Section: "sensitive-data",
		Data: []string{"categories.us_sensitive", "us_states.sensitive_consent"}, Check: checkSensitive, Drift: true},
	{ID: "MD-14-4707-A-2", Citation: "Md. Code, Com. Law §14-4707(a)(2) (Maryland Online Data Privacy Act)", Severity: diag.Error, From: "2025-10-01",
		Summary: "Sensitive data is never sold where Maryland's law applies.",
		When:    "Maryland's law applies and a sold purpose uses sensitive data", Section: "sensitive-data",
		Data: []string{"purposes.us_sale", "categories.us_sensitive"}, Check: checkMarylandSale},
	{ID: "USST-UOOM", Citation: "C.R.S. §6-1-1306(1)(a)(IV); 4 CCR 904-3 Rules 5.01-5.10, 6.03(A)(5); Tex. Bus. & Com. Code §541.055(e); and the like provision of each state law", Severity: diag.Error,
		Summary: "Where a state requires universal opt-out mechanisms to be honoured: that we honour them, and how we process them.",
		When:    "we sell personal data or use it for targeted advertising, and an applying state requires opt-out signals on the notice's date", Section: "universal-opt-out",
		Data: []string{"cookies.global_privacy_control.honored", "us_states.universal_opt_out"}, Check: checkUOOM, Drift: true},
	{ID: "USST-MINORS", Citation: "Conn. Gen. Stat. §42-529a; ORS 646A.575(5); Md. Code, Com. Law §14-4707(a)(5); and the like provision of each state law", Severity: diag.Error,
		Summary: "Whether we sell, or use for targeted advertising or profiling, the data of consumers we know to be teenagers, and the consent we then obtain where a state allows it at all.",
		When:    "we sell personal data, use it for targeted advertising or profile consumers, and an applying state protects teenagers", Section: "minors",
		Data: []string{"us_states.teens_sold_or_targeted", "us_states.teens_consent", "children.minimum_age"}, Check: checkMinors, Drift: true},
	{ID: "OR-646A.578-4-g", Citation: "ORS 646A.578(4)(g) (Oregon Consumer Privacy Act)", Severity: diag.Error, From: "2024-07-01",
		Summary: "The controller's identity, including any business name it registered or assumed in Oregon.",
		When:    "Oregon's law applies", Section: "scope",
		Data: []string{"us_states.uses_assumed_names", "us_states.assumed_names"}, Check: checkAssumedNames},
	{ID: "CT-LLM", Citation: "Conn. Gen. Stat. §42-520(c), as amended by Public Act 25-113, §6 (from 2026-07-01)", Severity: diag.Error, From: "2026-07-01",
		Summary: "A statement of whether we collect, use or sell personal data to train large language models.",
		When:    "Connecticut's law applies", Section: "ai-training",
		Data: []string{"us_states.llm_training"}, Check: checkLLM},
	{ID: "USST-LAST-UPDATED", Citation: "4 CCR 904-3 Rule 6.03(A)(8); Minn. Stat. §325M.16, subd. 1(a)(8); Mont. Code Ann. §30-14-2812 (as amended by SB 297)", Severity: diag.Error,
		Summary: "The date the notice was last updated.", Section: "top",
		Data: []string{"releases"}},
	{ID: "USST-CHANGES", Citation: "4 CCR 904-3 Rule 6.04; N.J. Stat. Ann. §56:8-166.6(a)(6); Minn. Stat. §325M.16, subd. 1(e)", Severity: diag.Error,
		Summary: "How we notify consumers of material changes to the notice, and its effective date.", Section: "changes",
		Data: []string{"changes.notification"}},
	{ID: "USST-RETENTION", Citation: "Minn. Stat. §325M.16, subd. 1(a)(7)", Severity: diag.Error, From: "2025-07-31",
		Summary: "Our retention policies for personal data.", Section: "retention",
		Data: []string{"retention", "categories.retention"}},
	{ID: "USST-FORM", Citation: "Minn. Stat. §325M.16, subd. 1(c)-(d); Mont. Code Ann. §30-14-2812 (as amended by SB 297)", Severity: diag.Error, From: "2025-07-31",
		Summary: "The notice is available in every language in which we provide the service, and is accessible to and usable by people with disabilities (the team's sign-off).",
		When:    "the law of Minnesota or Montana applies", Section: "top",
		Data: []string{"reviews"}, Check: onlyIn([]string{"MN", "MT"}, j.Attested("USST-FORM", "the US state notice is available in every language we provide the service in, and accessible to people with disabilities"))},
	{ID: "OR-646A.578-2-GEO", Citation: "ORS 646A.578(2) (as amended by HB 2008 (2025))", Severity: diag.Error, From: "2026-01-01",
		Summary: "Precise geolocation data is never sold where Oregon's law applies.",
		When:    "Oregon's law applies and a sold purpose uses precise geolocation data", Section: "sale-advertising-profiling",
		Data: []string{"purposes.us_sale", "categories.us_sensitive"}, Check: checkOregonGeo},
	{ID: "TX-541.102-b", Citation: "Tex. Bus. & Com. Code §541.102(b)", Severity: diag.Error, From: "2024-07-01",
		Summary: "If we sell sensitive data and Texas's law applies: \"NOTICE: We may sell your sensitive personal data.\", in the same place and manner as the notice.", Section: "scope",
		Data: []string{"purposes.us_sale", "categories.us_sensitive"}},
	{ID: "TX-541.102-c", Citation: "Tex. Bus. & Com. Code §541.102(c)", Severity: diag.Error, From: "2024-07-01",
		Summary: "If we sell biometric data and Texas's law applies: \"NOTICE: We may sell your biometric personal data.\", in the same place and manner as the notice.", Section: "scope",
		Data: []string{"purposes.us_sale", "categories.us_sensitive"}},
}

// applyingWith returns the applying states whose law passes keep.
func applyingWith(c *j.Context, keep func(*Law) bool) []*Law { return filter(Applying(c), keep) }

// filter returns the laws of ls that pass keep.
func filter(ls []*Law, keep func(*Law) bool) []*Law {
	var out []*Law
	for _, l := range ls {
		if keep(l) {
			out = append(out, l)
		}
	}
	return out
}

// lawNames are the states of ls, by name.
func lawNames(ls []*Law) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Name
	}
	return out
}

// names names the states of ls in a diagnostic: "Colorado and Texas".
func names(ls []*Law) string { return j.Join(lawNames(ls), "and") }

// theLaws names the laws of ls as a sentence's subject ("Maryland's law",
// "the laws of Colorado and Texas") and picks the verb that agrees with it.
func theLaws(ls []*Law, one, many string) string {
	if len(ls) == 1 {
		return ls[0].Name + "'s law " + one
	}
	return "the laws of " + names(ls) + " " + many
}

func checkScope(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	if f == nil {
		return
	}
	counted := false
	for _, st := range f.States {
		if st != nil && st.Consumers > 0 {
			counted = true
		}
	}
	if counted && f.Measures == nil {
		r.Missing("us_states.measures", "add measures: (year, revenue_usd, revenue_from_sale_percent, small_business)",
			"consumer counts are given, but not the measures the state thresholds also look at")
	}
	if counted && f.Measures == nil {
		return
	}
	seen := map[string]int{}
	for i, st := range f.States {
		if st == nil {
			continue
		}
		if first, ok := seen[st.State]; ok {
			d := r.Missing(model.Index("us_states.states", i)+".state", "give each state once: merge this entry into the first",
				"%s is listed twice in us_states.states (first at us_states.states[%d]); the first entry is the one judged", st.State, first)
			if c.Project.Source != nil {
				d.Related = append(d.Related, c.Project.Source.Pos(model.Index("us_states.states", first)))
			}
			continue
		}
		seen[st.State] = i
	}
	for _, s := range Scopes(c) {
		if s.Index < 0 {
			continue
		}
		path := model.Index("us_states.states", s.Index)
		switch {
		case s.Applies == "" && len(s.Missing) > 0:
			r.Missing("us_states.measures", "add "+strings.Join(s.Missing, " and ")+" to measures:",
				"%s's threshold looks at %s, which us_states.measures does not give, so the data does not say whether its law applies on %s", s.Law.Name, strings.Join(s.Missing, " and "), c.Date)
		case s.Applies == "":
			r.Missing(path, "add consumers: (the count for "+fmt.Sprint(yearOf(f))+") or applies: yes or no",
				"the data does not say whether %s's law (%s) applies to us on %s", s.Law.Name, s.Law.Law, c.Date)
		case s.Derived != "" && s.Declared != "" && s.Derived != s.Declared:
			r.Missing(path+".applies", "set applies: "+string(s.Derived)+", or correct the count",
				"us_states says %s's law %s, but the counts say it %s on %s: %s", s.Law.Name, verb(s.Declared), verb(s.Derived), c.Date, s.Why)
		}
	}
}

func yearOf(f *Facts) int {
	if f.Measures != nil {
		return f.Measures.Year
	}
	return 0
}

func verb(a model.Answer) string {
	if a.IsYes() {
		return "applies"
	}
	return "does not apply"
}

func checkContact(c *j.Context, r *j.Report) {
	ct := c.Project.Organization.PrivacyContact
	if ct != nil && (ct.Email != "" || ct.WebForm != "") {
		return
	}
	r.Missing("organization.privacy_contact", "add email: or web_form: to privacy_contact: (an address someone reads)",
		"the US state privacy laws require an actively monitored email address or online form for consumers to contact us")
}

// purposeFields are the purposes' answers of Colorado's table, each with
// the organisation-wide answer it must agree with.
var purposeFields = []struct {
	key, whole, words string
	of                func(*PurposeFacts) model.Answer
	all               func(*Facts) model.Answer
}{
	{"us_sale", "sells", "sells personal data", func(p *PurposeFacts) model.Answer { return p.USSale }, func(f *Facts) model.Answer { return f.Sells }},
	{"us_targeted_advertising", "targeted_advertising", "is targeted advertising", func(p *PurposeFacts) model.Answer { return p.USTargetedAdvertising }, func(f *Facts) model.Answer { return f.TargetedAdvertising }},
	{"us_profiling", "profiling", "profiles consumers for significant decisions", func(p *PurposeFacts) model.Answer { return p.USProfiling }, func(f *Facts) model.Answer { return f.Profiling }},
}

func checkSalePurposes(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	if f == nil {
		return
	}
	for _, pf := range purposeFields {
		whole := pf.all(f)
		some := false
		for i, pu := range c.Project.Purposes {
			a := pf.of(Purpose(pu))
			some = some || a.IsYes()
			if a.IsYes() && whole.IsNo() {
				r.Missing(model.Index("purposes", i)+"."+pf.key, "set "+pf.key+": no, or "+pf.whole+": yes in us_states",
					"purpose %q %s, but us_states.%s is no", pu.ID, pf.words, pf.whole)
			}
		}
		if whole.IsYes() && !some {
			r.Missing("us_states."+pf.whole, "set "+pf.key+": yes on the purposes that do it",
				"us_states.%s is yes, but no purpose says it %s (%s), so the notice cannot say for what", pf.whole, pf.words, pf.key)
		}
	}
}

func checkMatrix(c *j.Context, r *j.Report) {
	if applies(c, "CO") == nil {
		return
	}
	pus, at := covered(c.Project)
	for k, pu := range pus {
		i := at[k]
		pf := Purpose(pu)
		var missing []string
		for _, f := range purposeFields {
			if !f.of(pf).Known() {
				missing = append(missing, f.key)
			}
		}
		if len(missing) > 0 {
			r.Missing(model.Index("purposes", i), "add "+strings.Join(missing, ", ")+" (yes or no) to purpose "+j.Quote(pu.ID),
				"Colorado's law applies, and its rules ask, purpose by purpose, whether the purpose sells personal data, is targeted advertising or profiles consumers; purpose %q does not say (%s)", pu.ID, strings.Join(missing, ", "))
		}
	}
}

func checkSensitive(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	consent := applyingWith(c, func(l *Law) bool { return l.SensitiveRule != "opt_out" && len(sensitiveCategories(c, l)) > 0 })
	if len(consent) > 0 && f.SensitiveConsent == "" {
		r.Missing("us_states.sensitive_consent", "add sensitive_consent: (how consumers give and withdraw consent before we process their sensitive data)",
			"we process data that %s as sensitive, only with the consumer's consent (or where strictly necessary), so the notice must say how consent is obtained", theLaws(consent, "treats", "treat"))
	}
}

// sold returns the categories of the purposes that sell personal data.
func sold(p *model.Project) []*model.Category {
	var out []*model.Category
	eachSold(p, func(_ int, _ *model.Purpose, cat *model.Category) {
		if !slices.Contains(out, cat) {
			out = append(out, cat)
		}
	})
	return out
}

// eachSold calls fn for each category of each purpose that sells personal
// data (purpose i of the data).
func eachSold(p *model.Project, fn func(i int, pu *model.Purpose, cat *model.Category)) {
	for i, pu := range p.Purposes {
		if !Purpose(pu).USSale.IsYes() {
			continue
		}
		for _, id := range pu.Categories {
			if cat := j.Category(p, id); cat != nil {
				fn(i, pu, cat)
			}
		}
	}
}

func checkMarylandSale(c *j.Context, r *j.Report) {
	md := applies(c, "MD")
	if md == nil {
		return
	}
	eachSold(c.Project, func(i int, pu *model.Purpose, cat *model.Category) {
		if k := slices.IndexFunc(Category(cat).USSensitive, func(k string) bool { return md.Counts(k, c.Date) }); k >= 0 {
			r.Missing(model.Index("purposes", i)+".us_sale", "stop selling it: set us_sale: no, or take "+j.Quote(cat.ID)+" out of the purpose",
				"purpose %q sells %q, which holds sensitive data under Maryland's law (%s), and Maryland prohibits selling sensitive data (%s)", pu.ID, cat.ID, kindWords[Category(cat).USSensitive[k]], md.Law)
		}
	})
}

func checkUOOM(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	if !f.Sells.IsYes() && !f.TargetedAdvertising.IsYes() {
		return
	}
	states := applyingWith(c, func(l *Law) bool { return l.OptOutSignalOn(c.Date) })
	if len(states) == 0 {
		return
	}
	gpc := c.Project.Cookies.GlobalPrivacyControl
	if gpc == nil || !gpc.Honored.IsYes() {
		r.Missing("cookies.global_privacy_control.honored", "honour the Global Privacy Control and set honored: yes",
			"%s us to honour universal opt-out mechanisms such as the Global Privacy Control on %s", theLaws(states, "requires", "require"), c.Date)
	}
	if f.UniversalOptOut == "" {
		r.Missing("us_states.universal_opt_out", "add universal_opt_out: (what the signal opts the consumer out of, and for which browser, device or account)",
			"%s us to honour universal opt-out mechanisms, and the notice must say how we process them", theLaws(states, "requires", "require"))
	}
}

func checkMinors(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	var do []string
	if f.Sells.IsYes() {
		do = append(do, "sale")
	}
	if f.TargetedAdvertising.IsYes() {
		do = append(do, "targeted_advertising")
	}
	if f.Profiling.IsYes() {
		do = append(do, "profiling")
	}
	if len(do) == 0 {
		return
	}
	// Each law once, in the reference's order: those that prohibit what we
	// do for teenagers, and those that allow it with consent.
	var prohibited, consent, protect []*Law
	var ages []string
	for _, l := range Applying(c) {
		for _, m := range l.MinorsOn(c.Date) {
			if !slices.ContainsFunc(m.Covers, func(cv string) bool { return slices.Contains(do, cv) }) {
				continue
			}
			if !slices.Contains(protect, l) {
				protect = append(protect, l)
			}
			if m.Rule == "prohibited" && !slices.Contains(prohibited, l) {
				prohibited = append(prohibited, l)
				ages = append(ages, fmt.Sprintf("%s under %d", l.Name, m.Under))
			} else if m.Rule == "consent" && !slices.Contains(consent, l) {
				consent = append(consent, l)
			}
		}
	}
	if len(protect) == 0 {
		return
	}
	switch {
	case !f.TeensSoldOrTargeted.Known():
		r.Missing("us_states.teens_sold_or_targeted", "answer yes or no",
			"%s teenagers' data from what we do with personal data (sale, targeted advertising or profiling), so the notice must say whether we do it to consumers we know to be teenagers", theLaws(protect, "protects", "protect"))
	case f.TeensSoldOrTargeted.IsYes() && len(prohibited) > 0:
		r.Missing("us_states.teens_sold_or_targeted", "stop it for consumers you know to be under the age the law protects ("+strings.Join(ages, "; ")+")",
			"%s it for consumers we know to be teenagers, even with their consent", theLaws(prohibited, "prohibits", "prohibit"))
	case f.TeensSoldOrTargeted.IsYes() && f.TeensConsent == "":
		r.Missing("us_states.teens_consent", "add teens_consent: (how teenagers opt in first)",
			"we sell teenagers' data or use it for targeted advertising or profiling, which %s only with their consent", theLaws(consent, "allows", "allow"))
	}
}

func checkAssumedNames(c *j.Context, r *j.Report) {
	if applies(c, "OR") == nil {
		return
	}
	f := Of(c.Project)
	switch {
	case !f.UsesAssumedNames.Known():
		r.Missing("us_states.uses_assumed_names", "answer yes or no, and list the names in assumed_names: if yes",
			"Oregon's law applies, and the notice must identify us including any business name we registered or assumed")
	case f.UsesAssumedNames.IsYes() && len(f.AssumedNames) == 0:
		r.Missing("us_states.assumed_names", "list the names in assumed_names:",
			"us_states.uses_assumed_names is yes, but no assumed name is given")
	}
}

func checkLLM(c *j.Context, r *j.Report) {
	ct := applies(c, "CT")
	if ct == nil || ct.SpecificOn("CT-LLM", c.Date) == nil {
		return
	}
	if !Of(c.Project).LLMTraining.Known() {
		r.Missing("us_states.llm_training", "answer yes or no",
			"Connecticut's law applies, and from 2026-07-01 the notice must say whether we collect, use or sell personal data to train large language models")
	}
}

// onlyIn runs check when the law of one of the states applies.
func onlyIn(states []string, check func(*j.Context, *j.Report)) func(*j.Context, *j.Report) {
	return func(c *j.Context, r *j.Report) {
		for _, s := range states {
			if applies(c, s) != nil {
				check(c, r)
				return
			}
		}
	}
}

func checkOregonGeo(c *j.Context, r *j.Report) {
	if applies(c, "OR") == nil {
		return
	}
	eachSold(c.Project, func(i int, pu *model.Purpose, cat *model.Category) {
		if slices.Contains(Category(cat).USSensitive, "precise_geolocation") {
			r.Missing(model.Index("purposes", i)+".us_sale", "stop selling it: set us_sale: no, or take "+j.Quote(cat.ID)+" out of the purpose",
				"purpose %q sells %q, which holds precise geolocation data, and Oregon prohibits selling precise geolocation data from 2026-01-01", pu.ID, cat.ID)
		}
	})
}

func checkConsumers(c *j.Context, r *j.Report) {
	if pus, _ := covered(c.Project); len(pus) == 0 {
		r.Missing("subjects", "mark only the groups we deal with in a business or employment role us_consumer: no",
			"every group of people is marked us_consumer: no, so no purpose concerns consumers and the US state notice would have nothing to say")
	}
}

func checkMeasuresYear(c *j.Context, r *j.Report) {
	f := Of(c.Project)
	if f.Measures == nil {
		return
	}
	t, ok := c.Date.Time()
	if !ok {
		return
	}
	if want := t.Year() - 1; f.Measures.Year < want {
		r.Missing("us_states.measures.year", fmt.Sprintf("count the consumers of %d and set year: %d", want, want),
			"the consumer counts are for %d, but the state laws look at the calendar year before the notice's date (%d for a notice taking effect on %s)", f.Measures.Year, want, c.Date)
	}
}

func checkAppeal(c *j.Context, r *j.Report) {
	if Of(c.Project).Appeal != "" || c.Project.Rights.Appeal != "" {
		return
	}
	r.Missing("us_states.appeal", "add appeal: to us_states: (or to rights:) saying how to appeal, and that someone not involved in the decision reviews it",
		"the US state privacy laws require the notice to say how consumers appeal a refusal of their request")
}
