// Package california is the rule pack of the California privacy notice: the
// privacy policy of the California Consumer Privacy Act as amended by the
// CPRA (Civ. Code §1798.100 ff.) and the CPPA regulations (Cal. Code Regs.
// tit. 11 §7011), with Shine the Light (Civ. Code §1798.83).
package california

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// CCPADate is the day the CCPA took effect.
const CCPADate = "2020-01-01"

// Pack is the California rule pack.
type Pack struct{}

// New returns the California rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// ID is the pack's id, and its notice's.
const ID = "california"

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "California notice (CCPA/CPRA, Shine the Light)" }

// Audience says whom the notice is for, on the site's home page.
func (*Pack) Audience() string {
	return "California residents: your rights under the California Consumer Privacy Act."
}

// Applies implements jurisdiction.Jurisdiction: a "business" under the CCPA
// publishes the notice from 1 January 2020.
func (*Pack) Applies(c *j.Context) (bool, string) {
	ca := Of(c.Project)
	switch {
	case c.Date < CCPADate:
		return false, "the CCPA applies from 1 January 2020"
	case ca == nil:
		return false, "the data has no california: section"
	case !ca.Business.IsYes():
		return false, "california.business is no: the organisation is not a business under Civ. Code §1798.140(d)"
	}
	return true, "the organisation is a business under the CCPA"
}

// Requirements implements jurisdiction.Jurisdiction.
func (*Pack) Requirements() []*j.Requirement { return requirements }

// Statutory are the categories of personal information of Civ. Code
// §1798.140(v)(1), by letter, in the words the notice must use.
var Statutory = map[string]string{
	"A": "Identifiers",
	"B": "Personal information categories listed in the California Customer Records statute (Cal. Civ. Code §1798.80(e))",
	"C": "Characteristics of protected classifications under California or federal law",
	"D": "Commercial information",
	"E": "Biometric information",
	"F": "Internet or other electronic network activity information",
	"G": "Geolocation data",
	"H": "Audio, electronic, visual, thermal, olfactory, or similar information",
	"I": "Professional or employment-related information",
	"J": "Non-public education information",
	"K": "Inferences drawn from other personal information",
	"L": "Sensitive personal information",
}

// Sensitive are the subtypes of sensitive personal information of
// §1798.140(ae).
var Sensitive = map[string]string{
	"L1":  "Social security, driver's license, state identification card or passport number",
	"L2":  "Account log-in, financial account, debit card or credit card number in combination with any required security or access code, password or credentials",
	"L3":  "Precise geolocation",
	"L4":  "Racial or ethnic origin, citizenship or immigration status, religious or philosophical beliefs, or union membership",
	"L5":  "Contents of mail, email and text messages, unless we are the intended recipient",
	"L6":  "Genetic data",
	"L7":  "Neural data",
	"L8":  "Biometric information processed to uniquely identify you",
	"L9":  "Personal information about your health",
	"L10": "Personal information about your sex life or sexual orientation",
}

var requirements = []*j.Requirement{
	{ID: "CCR-7011-e-1-A", Citation: "11 CCR §7011(e)(1)(A); Civ. Code §1798.140(v)", Severity: diag.Error,
		Summary: "The categories of personal information collected in the last 12 months, in the statutory terms (A-L).",
		Section: "information-we-collect", Data: []string{"categories.ccpa_categories", "categories.ccpa_sensitive"},
		Each: j.ForEach(j.Each{In: "categories", Require: []string{"ccpa_categories"}, At: j.AtItem,
			Message: "category {id} does not say which California statutory categories (A-L) it falls under",
			Hint:    "add ccpa_categories: with the letters A-L of the statutory categories it falls under (for example [A, B])"}),
		Check: checkSensitiveCategory},
	{ID: "CCR-7011-e-1-B", Citation: "11 CCR §7011(e)(1)(B)", Severity: diag.Error,
		Summary: "The categories of sources.", Section: "information-we-collect", Data: []string{"categories.sources"}},
	{ID: "CCR-7011-e-1-C", Citation: "11 CCR §7011(e)(1)(C)", Severity: diag.Error,
		Summary: "The business or commercial purposes for collecting personal information.", Section: "information-we-collect",
		Data: []string{"purposes"}},
	{ID: "CCPA-1798.100-a-3", Citation: "Civ. Code §1798.100(a)(3)", Severity: diag.Error,
		Summary: "How long each category is kept, or the criteria.", Section: "information-we-collect", Data: []string{"categories.retention"}},
	{ID: "CCR-7011-e-1-D", Citation: "11 CCR §7011(e)(1)(D); Civ. Code §1798.115(c)", Severity: diag.Error,
		Summary: "Whether each category was sold or shared in the last 12 months, stated either way, and consistent with california.sells and california.shares.",
		Section: "sale-and-sharing", Data: []string{"categories.sold", "categories.shared", "california.sells", "california.shares"},
		Each: j.ForEach(
			j.Each{In: "categories", Require: []string{"sold"}, At: j.AtItem,
				Message: "category {id} does not say whether it was sold in the last 12 months; the California notice must state it either way",
				Hint:    "add sold: yes or sold: no"},
			j.Each{In: "categories", Require: []string{"shared"}, At: j.AtItem,
				Message: "category {id} does not say whether it was shared in the last 12 months; the California notice must state it either way",
				Hint:    "add shared: yes or shared: no"},
		),
		Check: checkSoldSharedConsistent},
	{ID: "CCR-7011-e-1-E", Citation: "11 CCR §7011(e)(1)(E)", Severity: diag.Error,
		Summary: "For categories sold or shared: the categories of third parties they went to.", When: "a category is sold or shared",
		Section: "sale-and-sharing", Data: []string{"recipients.sold", "recipients.shared"}, Check: checkThirdParties},
	{ID: "CCR-7011-e-1-F", Citation: "11 CCR §7011(e)(1)(F)", Severity: diag.Error,
		Summary: "The business or commercial purpose for selling or sharing.", When: "a category is sold or shared",
		Section: "sale-and-sharing", Data: []string{"purposes.sells", "purposes.shares"}, Check: checkSalePurposes},
	{ID: "CCR-7011-e-1-G", Citation: "11 CCR §7011(e)(1)(G)", Severity: diag.Error,
		Summary: "Whether the business has actual knowledge that it sells or shares personal information of consumers under 16.",
		Section: "sale-and-sharing", Data: []string{"california.sells_or_shares_under_16"}},
	{ID: "CCR-7011-e-1-H", Citation: "11 CCR §7011(e)(1)(H)-(J)", Severity: diag.Error,
		Summary: "The categories disclosed for a business purpose in the last 12 months, to which categories of recipients and why, or a statement that none were.",
		Section: "disclosures", Data: []string{"recipients"}},
	{ID: "CCR-7011-e-1-K", Citation: "11 CCR §7011(e)(1)(K); §7014(h)", Severity: diag.Error,
		Summary: "Whether sensitive personal information is used or disclosed beyond the purposes of §7027(m).",
		When:    "sensitive personal information is collected", Section: "sensitive-information",
		Data: []string{"california.sensitive_beyond_permitted"}},
	{ID: "CCR-7011-e-2", Citation: "11 CCR §7011(e)(2); Civ. Code §§1798.100-1798.125", Severity: diag.Error,
		Summary: "The rights to know, delete, correct, opt out of sale and sharing, limit sensitive personal information, and not to be discriminated or retaliated against.",
		Section: "your-rights"},
	{ID: "CCPA-1798.130-a-1", Citation: "Civ. Code §1798.130(a)(1); 11 CCR §7020", Severity: diag.Error,
		Summary: "At least two request methods including a toll-free number (an email address alone for a business that is exclusively online), and a web form where there is a website.",
		Section: "how-to-exercise", Data: []string{"rights.request_methods", "california.exclusively_online"}, Check: checkMethods},
	{ID: "CCR-7011-e-3-E", Citation: "11 CCR §7011(e)(3)(E)", Severity: diag.Error,
		Summary: "How requests are verified, including what the consumer must provide.", Section: "how-to-exercise",
		Data: []string{"rights.verification"}},
	{ID: "CCR-7011-e-3-H", Citation: "11 CCR §7011(e)(3)(H); §7063", Severity: diag.Error,
		Summary: "How an authorized agent can make a request.", Section: "how-to-exercise", Data: []string{"rights.authorized_agents"}},
	{ID: "CCPA-1798.135-a-1", Citation: "Civ. Code §1798.135(a)(1), (a)(3); 11 CCR §§7013, 7015", Severity: diag.Error,
		Summary: "A \"Do Not Sell or Share My Personal Information\" link, or the \"Your Privacy Choices\" alternative link.",
		Section: "opt-out", Data: []string{"california.links.do_not_sell_or_share", "california.links.privacy_choices"},
		Each: j.ForEach(j.Each{In: "california", Where: j.AnyOf(j.IsYes("sells"), j.IsYes("shares")),
			RequireAny: []string{"links.do_not_sell_or_share", "links.privacy_choices"},
			Message:    "personal information is sold or shared, so the notice must link to the \"Do Not Sell or Share My Personal Information\" page or use the \"Your Privacy Choices\" link",
			Hint:       "add links: do_not_sell_or_share: (the page of the \"Do Not Sell or Share My Personal Information\" link) or links: privacy_choices:"})},
	{ID: "CCPA-1798.135-a-2", Citation: "Civ. Code §1798.135(a)(2), (a)(3); 11 CCR §§7014, 7015", Severity: diag.Error,
		Summary: "A \"Limit the Use of My Sensitive Personal Information\" link, or the \"Your Privacy Choices\" alternative link.",
		Section: "sensitive-information", Data: []string{"california.links.limit_sensitive", "california.links.privacy_choices"},
		Each: j.ForEach(j.Each{In: "california", Where: j.IsYes("sensitive_beyond_permitted"),
			RequireAny: []string{"links.limit_sensitive", "links.privacy_choices"},
			Message:    "sensitive personal information is used beyond the purposes of §7027(m), so the notice must link to the \"Limit the Use of My Sensitive Personal Information\" page or use the \"Your Privacy Choices\" link",
			Hint:       "add links: limit_sensitive: (the page of the \"Limit the Use of My Sensitive Personal Information\" link) or links: privacy_choices:"})},
	{ID: "CCR-7025-b", Citation: "11 CCR §7025(b); §7011(e)(3)(F)", Severity: diag.Error,
		Summary: "Opt-out preference signals such as Global Privacy Control are honoured, and the notice says how they are processed.",
		When:    "personal information is sold or shared", Section: "opt-out",
		Data: []string{"cookies.global_privacy_control"}, Check: checkGPC},
	{ID: "CCR-7025-c-6", Citation: "11 CCR §7025(c)(6)", Severity: diag.Error, From: "2026-01-01",
		Summary: "The business shows whether it has processed a consumer's opt-out preference signal.",
		When:    "personal information is sold or shared", Section: "opt-out",
		Data: []string{"cookies.global_privacy_control.shows_status"}, Check: checkGPCStatus},
	{ID: "CCPA-1798.130-a-5", Citation: "Civ. Code §1798.130(a)(5); 11 CCR §7011(e)(4)", Severity: diag.Error, Drift: true,
		Summary: "The notice shows its last-updated date, which is at most 12 months before the date it is in force.",
		Section: "top", Check: checkFresh},
	{ID: "STL-1798.83-b", Citation: "Civ. Code §1798.83(b)(1), (c)(2)", Severity: diag.Error,
		Summary: "Shine the Light: a business with 20 or more employees that discloses personal information to third parties for their direct marketing gives a contact for requests, or says customers can opt in or out.",
		Section: "shine-the-light", Data: []string{"california.shine_the_light"},
		Each: j.ForEach(j.Each{In: "california.shine_the_light",
			Where:      j.All(j.IsYes("employees_20_or_more"), j.IsYes("discloses_for_direct_marketing")),
			RequireAny: append([]string{"choice"}, j.KeysOf("contact", j.ContactKeys)...),
			Message:    "personal information is disclosed to third parties for their direct marketing, so Shine the Light requests need a designated contact, unless customers opt in or can opt out",
			Hint:       "add contact: (a mailing address, email address or toll-free number for requests), or choice: opt_in or opt_out"})},
	{ID: "CCR-7011-e-3-J", Citation: "11 CCR §7011(e)(3)(J)", Severity: diag.Error,
		Summary: "A contact for questions about the notice.", Section: "contact", Data: []string{"organization.privacy_contact"}},
	{ID: "CCR-7003", Citation: "11 CCR §7003(a)-(d)", Severity: diag.Error, From: "2023-03-29",
		Summary: "The notice is easy to read and understand, readable on small screens, in the languages the business ordinarily uses with consumers, and accessible to consumers with disabilities (WCAG); its links are conspicuous.",
		When:    "always: signed off by the team (reviews[]), since no data can show it", Section: "top", Data: []string{"reviews"},
		Check: j.Attested("CCR-7003", "plain language, small-screen reading, the languages used with Californians, accessibility (WCAG 2.1 AA) and conspicuous links")},
	{ID: "CCR-7016-c", Citation: "11 CCR §7016(b)-(c); Civ. Code §1798.125(b)", Severity: diag.Error,
		Summary: "A notice of financial incentive for each incentive offered, readily available before consumers opt in.",
		Section: "financial-incentives", Data: []string{"california.incentives"},
		Each: j.ForEach(j.Each{In: "california", Where: j.IsYes("financial_incentives"), Require: []string{"incentives"},
			Message: "financial incentives are offered, so each needs its notice of financial incentive",
			Hint:    "add incentives: with each programme's name and its material terms, the categories of personal information involved, how to opt in and withdraw, and how its value is calculated"})},
	{ID: "CCR-7011-e-5", Citation: "11 CCR §7011(e)(5), §7102(a)", Severity: diag.Error,
		Summary: "A business subject to §7102 (personal information of 10 million or more consumers a year) gives its request metrics, or a link to them.",
		Section: "metrics", Data: []string{"california.metrics.url"},
		Each: j.ForEach(j.Each{In: "california.metrics", Where: j.IsYes("required"), Require: []string{"url"},
			Message: "the business must publish its request metrics (§7102), so the notice must give them or link to them",
			Hint:    "add url: with the page of last calendar year's request metrics"})},
}

// checkSensitiveCategory reports a category listing sensitive personal
// information without statutory category L. A category without
// ccpa_categories is reported by the requirement's declarative rule.
func checkSensitiveCategory(c *j.Context, r *j.Report) {
	for i, cat := range c.Project.Categories {
		if cat == nil || len(Category(cat).CCPACategories) == 0 {
			continue
		}
		if len(Category(cat).CCPASensitive) > 0 && !slices.Contains(Category(cat).CCPACategories, "L") {
			r.Missing(model.Index("categories", i)+".ccpa_categories", "add L to ccpa_categories",
				"category %q lists sensitive personal information (%s) but not statutory category L", cat.ID, strings.Join(Category(cat).CCPASensitive, ", "))
		}
	}
}

// checkSoldSharedConsistent reports california.sells and california.shares
// that disagree with the categories; a category that does not say is
// reported by the requirement's declarative rules.
func checkSoldSharedConsistent(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	anySold, anyShared := false, false
	for _, cat := range p.Categories {
		if cat == nil {
			continue
		}
		anySold = anySold || Category(cat).Sold.IsYes()
		anyShared = anyShared || Category(cat).Shared.IsYes()
	}
	if ca.Sells.IsNo() && anySold {
		r.Missing("california.sells", "set sells: yes, or correct the categories marked sold: yes",
			"california.sells is no, but some categories are marked as sold")
	}
	if ca.Sells.IsYes() && !anySold {
		r.Missing("california.sells", "mark the categories that are sold with sold: yes",
			"california.sells is yes, but no category is marked as sold")
	}
	if ca.Shares.IsNo() && anyShared {
		r.Missing("california.shares", "set shares: yes, or correct the categories marked shared: yes",
			"california.shares is no, but some categories are marked as shared")
	}
	if ca.Shares.IsYes() && !anyShared {
		r.Missing("california.shares", "mark the categories that are shared with shared: yes",
			"california.shares is yes, but no category is marked as shared")
	}
}

// thirdParty reports whether a recipient kind is a CCPA "third party".
func thirdParty(kind string) bool {
	switch kind {
	case "third_party", "advertising_partner", "event_partner", "business_transfer", "professional_adviser", "authority":
		return true
	}
	return false
}

func checkThirdParties(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	for _, f := range []struct {
		key string
		on  bool
		get func(*model.Recipient) model.Answer
	}{
		{"sold", ca.Sells.IsYes(), func(rc *model.Recipient) model.Answer { return Recipient(rc).Sold }},
		{"shared", ca.Shares.IsYes(), func(rc *model.Recipient) model.Answer { return Recipient(rc).Shared }},
	} {
		if !f.on {
			continue
		}
		if !slices.ContainsFunc(p.Recipients, func(rc *model.Recipient) bool { return rc != nil && f.get(rc).IsYes() }) {
			r.Missing("recipients", fmt.Sprintf("mark the recipients personal information is %s to with %s: yes", f.key, f.key),
				"personal information is %s, but no recipient is marked %s: yes; the notice must name the categories of third parties", f.key, f.key)
		}
	}
}

func checkSalePurposes(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	for _, f := range []struct {
		key string
		on  bool
		get func(*model.Purpose) model.Answer
	}{
		{"sells", ca.Sells.IsYes(), func(pu *model.Purpose) model.Answer { return Purpose(pu).Sells }},
		{"shares", ca.Shares.IsYes(), func(pu *model.Purpose) model.Answer { return Purpose(pu).Shares }},
	} {
		if !f.on {
			continue
		}
		if !slices.ContainsFunc(p.Purposes, func(pu *model.Purpose) bool { return pu != nil && f.get(pu).IsYes() }) {
			r.Missing("purposes", fmt.Sprintf("mark the purposes that involve it with %s: yes", f.key),
				"california.%s is yes, but no purpose is marked %s: yes; the notice must say why personal information is %s", f.key, f.key, pastTense(f.key))
		}
	}
}

func pastTense(key string) string {
	if key == "sells" {
		return "sold"
	}
	return "shared"
}

func checkMethods(c *j.Context, r *j.Report) {
	p := c.Project
	if p.Rights == nil {
		return
	}
	has := func(t string) bool {
		for _, m := range p.Rights.RequestMethods {
			if m != nil && m.Type == t {
				return true
			}
		}
		return false
	}
	if Of(p).ExclusivelyOnline.IsYes() {
		if !has("email") {
			r.Missing("rights.request_methods", "add a request method with type: email",
				"a business that operates exclusively online must offer at least an email address for requests")
		}
		return
	}
	if !has("toll_free_phone") || len(p.Rights.RequestMethods) < 2 {
		r.Missing("rights.request_methods", "add a request method with type: toll_free_phone, and at least one other method",
			"California requires at least two request methods including a toll-free telephone number (the business is not exclusively online)")
	}
	if p.Organization.Website != "" && !has("web_form") {
		r.Missing("rights.request_methods", "add a request method with type: web_form",
			"the business has a website, so it must offer a way to make requests through it (a web form)")
	}
}

func checkGPC(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	if !ca.Sells.IsYes() && !ca.Shares.IsYes() || p.Cookies == nil || p.Cookies.GlobalPrivacyControl == nil {
		return
	}
	gpc := p.Cookies.GlobalPrivacyControl
	if !gpc.Honored.IsYes() {
		r.Missing("cookies.global_privacy_control.honored", "honour Global Privacy Control and set honored: yes",
			"personal information is sold or shared, so opt-out preference signals such as Global Privacy Control must be honoured")
		return
	}
	if gpc.Description == "" {
		r.Missing("cookies.global_privacy_control", "add description: saying what the signal opts out of (browser, device, account) and how people can see it was honoured",
			"the notice must explain how Global Privacy Control signals are processed")
	}
}

func checkGPCStatus(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	if !ca.Sells.IsYes() && !ca.Shares.IsYes() || p.Cookies == nil || p.Cookies.GlobalPrivacyControl == nil {
		return
	}
	if !p.Cookies.GlobalPrivacyControl.ShowsStatus.IsYes() {
		r.Missing("cookies.global_privacy_control", "show on the site whether the signal was honoured (for example \"Opt-Out Request Honored\"), then set shows_status: yes",
			"from 1 January 2026 a business that sells or shares must show consumers whether their opt-out preference signal was processed")
	}
}

func checkFresh(c *j.Context, r *j.Report) {
	last := c.LastUpdated
	if rel, ok := c.Released[ID]; ok {
		last = rel
	}
	if last.DaysUntil(c.Date) > 365 {
		r.Missing("notices.california", "review the California notice, update it and publish the new version",
			"the California notice was last updated on %s, more than 12 months before %s; it must be updated at least once every 12 months",
			last, c.Date)
	}
}

// Extensions implements jurisdiction.Extender: the pack's own data.
func (*Pack) Extensions() model.Extensions { return extensions() }
