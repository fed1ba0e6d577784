// Package california is the rule pack of the California privacy notice: the
// privacy policy of the California Consumer Privacy Act as amended by the
// CPRA (Civ. Code §1798.100 ff.) and the CPPA regulations (Cal. Code Regs.
// tit. 11 §7011), with Shine the Light (Civ. Code §1798.83).
package california

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

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

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "California" }

// Audience says whom the notice is for, on the site's home page.
func (*Pack) Audience() string {
	return "California residents: your rights under the California Consumer Privacy Act."
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

var requirements = history([]*j.Requirement{
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
	{ID: "CCPA-1798.100-a-3", Citation: "Civ. Code §1798.100(a)(3)", Severity: diag.Error, From: CPRADate,
		Summary: "How long each category is kept, or the criteria.", Section: "information-we-collect", Data: []string{"categories.retention"}},
	{ID: "CCR-7011-e-1-D", Citation: "11 CCR §7011(e)(1)(D); Civ. Code §1798.115(c)", Severity: diag.Error,
		Summary: "Whether each category was sold or shared in the last 12 months, stated either way, and consistent with california.sells and california.shares, as the recipients and purposes marked sold or shared and the cookies used for cross-context behavioural advertising (\"sharing\") must be.",
		Section: "sale-and-sharing", Data: []string{"categories.sold", "categories.shared", "california.sells", "california.shares",
			"recipients.sold", "recipients.shared", "purposes.sells", "purposes.shares", "cookies.items.cross_context_advertising"},
		Each: j.ForEach(
			j.Each{In: "categories", Require: []string{"sold"}, At: j.AtItem,
				Message: "category {id} does not say whether it was sold in the last 12 months; the California notice must state it either way",
				Hint:    "add sold: yes or sold: no"},
			j.Each{In: "categories", Require: []string{"shared"}, At: j.AtItem, From: CPRADate,
				Message: "category {id} does not say whether it was shared in the last 12 months; the California notice must state it either way",
				Hint:    "add shared: yes or shared: no"},
			j.Each{In: "california", Require: []string{"sells"},
				Message: "the California notice must say whether the business sells personal information, either way",
				Hint:    "add sells: yes or sells: no"},
			j.Each{In: "california", Require: []string{"shares"}, From: CPRADate,
				Message: "the California notice must say whether the business shares personal information for cross-context behavioural advertising, either way",
				Hint:    "add shares: yes or shares: no"},
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
		Section: "sale-and-sharing", Data: []string{"california.sells_or_shares_under_16"},
		Each: j.ForEach(j.Each{In: "california", Require: []string{"sells_or_shares_under_16"},
			Message: "the California notice must say whether the business sells or shares the personal information of consumers it knows to be under 16",
			Hint:    "add sells_or_shares_under_16: yes or sells_or_shares_under_16: no"})},
	{ID: "CCR-7011-e-1-H", Citation: "11 CCR §7011(e)(1)(H)-(J)", Severity: diag.Error,
		Summary: "The categories disclosed for a business purpose in the last 12 months, to which categories of recipients and why, or a statement that none were.",
		Section: "disclosures", Data: []string{"recipients"}},
	{ID: "CCR-7011-e-1-K", Citation: "11 CCR §7011(e)(1)(K); §7014(h)", Severity: diag.Error,
		Summary: "Whether sensitive personal information is used or disclosed beyond the purposes of §7027(m).",
		Section: "sensitive-information",
		Data:    []string{"california.sensitive_beyond_permitted"},
		Each: j.ForEach(j.Each{In: "california", Require: []string{"sensitive_beyond_permitted"},
			Message: "the California notice must say whether sensitive personal information is used or disclosed beyond the permitted purposes",
			Hint:    "add sensitive_beyond_permitted: yes or sensitive_beyond_permitted: no"})},
	{ID: "CCR-7011-e-2", Citation: "11 CCR §7011(e)(2); Civ. Code §§1798.100-1798.125", Severity: diag.Error,
		Summary: "The rights to know, delete, correct, opt out of sale and sharing, limit sensitive personal information, and not to be discriminated or retaliated against.",
		Section: "your-rights"},
	{ID: "CCPA-1798.130-a-1", Citation: "Civ. Code §1798.130(a)(1); 11 CCR §7020", Severity: diag.Error,
		Summary: "At least two request methods including a toll-free number (an email address alone for a business that is exclusively online), and a web form where there is a website.",
		Section: "how-to-exercise", Data: []string{"rights.request_methods", "california.exclusively_online"},
		Each: j.ForEach(j.Each{In: "california", Require: []string{"exclusively_online"},
			Message: "the California notice needs to know whether the business operates exclusively online, which decides the request methods it must offer",
			Hint:    "add exclusively_online: yes or exclusively_online: no"}),
		Check: checkMethods},
	{ID: "CCR-7011-e-3-E", Citation: "11 CCR §7011(e)(3)(E)", Severity: diag.Error,
		Summary: "How requests are verified, including what the consumer must provide.", Section: "how-to-exercise",
		Data: []string{"rights.verification"}},
	{ID: "CCR-7011-e-3-H", Citation: "11 CCR §7011(e)(3)(H); §7063", Severity: diag.Error,
		Summary: "How an authorized agent can make a request.", Section: "how-to-exercise", Data: []string{"rights.authorized_agents"}},
	{ID: "CCPA-1798.135-a-1", Citation: "Civ. Code §1798.135(a)(1), (a)(3); 11 CCR §§7013, 7015", Severity: diag.Error,
		Summary: "A \"Do Not Sell or Share My Personal Information\" link, or the \"Your Privacy Choices\" alternative link, unless opt-out preference signals are processed in a frictionless manner (Civ. Code §1798.135(b); 11 CCR §7025(e)).",
		Section: "opt-out", Data: []string{"california.links.do_not_sell_or_share", "california.links.privacy_choices", "cookies.global_privacy_control.frictionless"},
		Each: j.ForEach(j.Each{In: "california", If: notFrictionless, Where: j.AnyOf(j.IsYes("sells"), j.IsYes("shares")),
			RequireAny: []string{"links.do_not_sell_or_share", "links.privacy_choices"},
			Message:    "personal information is sold or shared, so the notice must link to the \"Do Not Sell or Share My Personal Information\" page or use the \"Your Privacy Choices\" link (unless opt-out preference signals are processed in a frictionless manner)",
			Hint:       "add links: do_not_sell_or_share: (the page of the \"Do Not Sell or Share My Personal Information\" link) or links: privacy_choices:, or, if the signal is processed as §7025(f) requires, set cookies.global_privacy_control.frictionless: yes"})},
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
	{ID: "CCR-7025-c-6", Citation: "11 CCR §7025(c)(6)", Severity: diag.Error, From: Regs2026Date,
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
	{ID: "CCR-7003", Citation: "11 CCR §7003(a)-(d)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The notice is easy to read and understand, readable on small screens, in the languages the business ordinarily uses with consumers, and accessible to consumers with disabilities (WCAG); its links are conspicuous.",
		When:    "always: signed off by the team (reviews[]), since no data can show it", Section: "top", Data: []string{"reviews"},
		Check: j.Attested("CCR-7003", "plain language, small-screen reading, the languages used with Californians, accessibility (WCAG 2.1 AA) and conspicuous links")},
	{ID: "CCR-7016-c", Citation: "11 CCR §7016(b)-(c); Civ. Code §1798.125(b)", Severity: diag.Error,
		Summary: "A notice of financial incentive for each incentive offered, readily available before consumers opt in.",
		Section: "financial-incentives", Data: []string{"california.incentives"},
		Each: j.ForEach(j.Each{In: "california", Require: []string{"financial_incentives"},
			Message: "the California notice must say whether the business offers financial incentives for personal information",
			Hint:    "add financial_incentives: yes or financial_incentives: no"},
			j.Each{In: "california", Where: j.IsYes("financial_incentives"), Require: []string{"incentives"},
				Message: "financial incentives are offered, so each needs its notice of financial incentive",
				Hint:    "add incentives: with each programme's name and its material terms, the categories of personal information involved, how to opt in and withdraw, and how its value is calculated"})},
	{ID: "CCR-7011-e-5", Citation: "11 CCR §7011(e)(5), §7102(a)", Severity: diag.Error,
		Summary: "A business subject to §7102 (personal information of 10 million or more consumers a year) gives its request metrics, or a link to them.",
		Section: "metrics", Data: []string{"california.metrics.url"},
		Each: j.ForEach(j.Each{In: "california.metrics", Where: j.IsYes("required"), Require: []string{"url"},
			Message: "the business must publish its request metrics (§7102), so the notice must give them or link to them",
			Hint:    "add url: with the page of last calendar year's request metrics"})},
	// Consumers under 16. Sources: 11 CCR §7072(a), govt.westlaw.com/calregs
	// I2E003E70D45511ED8CB7A9089AB7E22E and advisori.com/cpra §7072 (the
	// privacy policy describes the §§7070-7071 processes); §7011(e)(3)(I),
	// online.flipbuilder.com/bzaa/mvgs page69; §7070 (parental
	// authorisation under 13), same deskbook page97.
	{ID: "CCR-7011-e-3-I", Citation: "11 CCR §7011(e)(3)(I), §§7070-7072", Severity: diag.Error, Covers: []string{"CCR-7070-7072"},
		Summary: "A business that sells or shares personal information of consumers it knows to be under 16 describes its opt-in processes: a parent's or guardian's affirmative authorisation under 13 (§7070), the consumer's own opt-in from 13 to 15 (§7071).",
		Section: "sale-and-sharing", Data: []string{"california.under_16_opt_in"},
		Each: j.ForEach(j.Each{In: "california", Where: j.IsYes("sells_or_shares_under_16"), Require: []string{"under_16_opt_in"},
			Message: "personal information of consumers under 16 is sold or shared, so the notice must describe how they opt in (a parent or guardian for a child under 13, the consumer at 13 to 15)",
			Hint:    "add under_16_opt_in: describing the §7070 process for parents or guardians of children under 13 and the §7071 opt-in for consumers aged 13 to 15"})},
	{ID: "CCPA-1798.120-c", Citation: "Civ. Code §1798.120(c)-(d)", Severity: diag.Error, From: CCPADate,
		Summary: "Selling or sharing the personal information of consumers under 16 (with actual knowledge of their age) is consistent with the other facts: it means the business sells or shares, and knows it processes the data of consumers under 16.",
		When:    "california.sells_or_shares_under_16 is yes", Section: "sale-and-sharing",
		Data:  []string{"california.sells_or_shares_under_16", "california.sells", "california.shares", "children.actual_knowledge_under_16"},
		Check: checkUnder16},
	// Opt-out preference signals. Source: 11 CCR §7025(b)-(e), Cornell
	// law.cornell.edu/regulations/california/11-CCR-7025 and
	// advisori.com/cpra §7025 ((c)(1): the browser or device and any
	// associated profile, and the consumer if known); (e): deskbook
	// online.flipbuilder.com/bzaa/mvgs page85 (frictionless processing
	// makes the links optional; the signal must be processed either way).
	// §7011(e)(3)(F)-(G): the same deskbook, page69.
	{ID: "CCR-7025-c-1", Citation: "11 CCR §7025(c)(1)-(5); §7011(e)(3)(F)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The notice says what an opt-out preference signal opts out: at least the browser or device that sends it, and the consumer's account or offline sales where they apply.",
		Section: "opt-out", Data: []string{"cookies.global_privacy_control.scope"},
		Each: j.ForEach(j.Each{In: "cookies.global_privacy_control", Noun: "opt-out preference signal", If: sellsOrShares, Where: j.IsYes("honored"), Require: []string{"scope"},
			Message: "personal information is sold or shared and Global Privacy Control is honoured, so the notice must say what the signal opts out (browser, device, account, offline)",
			Hint:    "add scope: with at least browser or device, for example [browser, device, account]"}),
		Check: checkGPCScope},
	{ID: "CCR-7025-e", Citation: "11 CCR §7025(e)-(g); Civ. Code §1798.135(b)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "Processing opt-out preference signals in a frictionless manner, which makes the opt-out links optional, requires honouring them.",
		Section: "opt-out", Data: []string{"cookies.global_privacy_control.frictionless", "cookies.global_privacy_control.honored"},
		Check: checkFrictionless},
	{ID: "CCR-7011-e-3-G", Citation: "11 CCR §7011(e)(3)(G)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "A business that processes opt-out preference signals in a frictionless manner says how consumers can use them for that.",
		Section: "opt-out", Data: []string{"cookies.global_privacy_control.how_to_use"},
		Each: j.ForEach(j.Each{In: "cookies.global_privacy_control", Noun: "opt-out preference signal", If: sellsOrShares, Where: j.IsYes("frictionless"), Require: []string{"how_to_use"},
			Message: "opt-out preference signals are processed in a frictionless manner, so the notice must say how consumers can turn the signal on for that",
			Hint:    "add how_to_use: (for example, which browsers and extensions send Global Privacy Control and where to turn it on)"})},
	// The notices of right to opt out and to limit, where the links lead.
	// Sources: §7013(e)(1) as quoted in the reference (lexis form summary);
	// §7014(e)-(f) deskbook online.flipbuilder.com/bzaa/mvgs page74.
	{ID: "CCR-7013-e-1", Citation: "11 CCR §7013(e)(1)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The notice of right to opt out is posted on the page the opt-out link leads to (or, if the link opts out at once, in the privacy policy).",
		When:    "personal information is sold or shared and the notice links to an opt-out page: signed off by the team (reviews[]), since the page is not generated",
		Section: "opt-out", Data: []string{"california.links", "reviews"},
		Check: onlyWhen(func(ca *California) bool {
			return (ca.Sells.IsYes() || ca.Shares.IsYes()) && ca.Links != nil && (ca.Links.DoNotSellOrShare != "" || ca.Links.PrivacyChoices != nil)
		}, j.Attested("CCR-7013-e-1", "the page the \"Do Not Sell or Share My Personal Information\" (or \"Your Privacy Choices\") link leads to shows the notice of right to opt out, with its form and the other methods"))},
	{ID: "CCR-7013-c", Citation: "11 CCR §7013(c)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The \"Do Not Sell or Share My Personal Information\" (or \"Your Privacy Choices\") link is conspicuous and in the header or footer of the home page.",
		When:    "personal information is sold or shared and the notice links to an opt-out page: signed off by the team (reviews[]), since the site's pages are not generated",
		Section: "opt-out", Data: []string{"california.links", "reviews"},
		Check: onlyWhen(func(ca *California) bool {
			return (ca.Sells.IsYes() || ca.Shares.IsYes()) && ca.Links != nil && (ca.Links.DoNotSellOrShare != "" || ca.Links.PrivacyChoices != nil)
		}, j.Attested("CCR-7013-c", "the opt-out link is in the header or footer of the home page, in a style that stands out"))},
	{ID: "CCR-2026-KNOW", Citation: "Civ. Code §1798.130(a)(2)(B); 11 CCR §§7020, 7024 (as amended, eff. 1 Jan 2026)", Severity: diag.Error, From: "2026-01-01",
		Summary: "When personal information is kept longer than 12 months, a request to know can cover what was collected earlier, back to 1 January 2022.",
		When:    "a retention rule keeps data longer than 12 months, or gives criteria instead of a period", Section: "how-to-exercise",
		Data: []string{"california.know_before_12_months", "retention"}, Check: checkKnowBefore12Months},
	{ID: "CCR-7014-e", Citation: "11 CCR §7014(e)(1)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The notice of right to limit is posted on the page the limit link leads to (or, if the link limits at once, in the privacy policy).",
		When:    "sensitive personal information is used beyond the purposes of §7027(m) and the notice links to a limit page: signed off by the team (reviews[]), since the page is not generated",
		Section: "sensitive-information", Data: []string{"california.links", "reviews"},
		Check: onlyWhen(func(ca *California) bool {
			return ca.SensitiveBeyondPermitted.IsYes() && ca.Links != nil && (ca.Links.LimitSensitive != "" || ca.Links.PrivacyChoices != nil)
		}, j.Attested("CCR-7014-e", "the page the \"Limit the Use of My Sensitive Personal Information\" (or \"Your Privacy Choices\") link leads to shows the notice of right to limit, with its form and the other methods"))},
	{ID: "CCR-7014-f", Citation: "11 CCR §7014(f); §7027(b)", Severity: diag.Error, From: CPPARegsDate, Covers: []string{"CCR-7027-b"},
		Summary: "The notice of right to limit gives the right, the interactive form (the limit link, which CCPA-1798.135-a-2 requires) and the other methods of making a request (the request methods, which CCPA-1798.130-a-1 requires: a toll-free number or an email address is never the link), so there are always two or more methods.",
		Section: "sensitive-information", Data: []string{"california.links.limit_sensitive", "california.links.privacy_choices", "rights.request_methods"}},
	// Financial incentives, item by item. Sources: §7016(d) as the
	// reference lists it; §7016(d)(5) and §7081's methods, retaillawbclp.com
	// (2020-09-24) and termageddon's summary; the statute,
	// ccpa.akarion.app/en/article/125 (§1798.125(b)).
	{ID: "CCR-7016-d-1", Citation: "11 CCR §7016(d)(1)", Severity: diag.Error,
		Summary: "A succinct summary of each financial incentive or price or service difference.", Section: "financial-incentives",
		Data: []string{"california.incentives.summary"},
		Each: j.ForEach(j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"summary"},
			Message: "incentive {name} has no succinct summary for its notice of financial incentive",
			Hint:    "add summary: with a sentence or two on what the incentive or price or service difference is"})},
	{ID: "CCR-7016-d-2", Citation: "11 CCR §7016(d)(2)", Severity: diag.Error,
		Summary: "The material terms of each incentive (description), including the categories of personal information it involves.", Section: "financial-incentives",
		Data: []string{"california.incentives.description", "california.incentives.categories"},
		Each: j.ForEach(j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"categories"},
			Message: "incentive {name} does not say which categories of personal information it involves",
			Hint:    "add categories: with the ids of the categories of personal information the incentive involves"})},
	{ID: "CCR-7016-d-3", Citation: "11 CCR §7016(d)(3)", Severity: diag.Error,
		Summary: "How to opt in to each incentive.", Section: "financial-incentives", Data: []string{"california.incentives.opt_in"},
		Each: j.ForEach(j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"opt_in"},
			Message: "incentive {name} does not say how consumers opt in",
			Hint:    "add opt_in: saying how consumers opt in to the incentive"})},
	{ID: "CCR-7016-d-4", Citation: "11 CCR §7016(d)(4)", Severity: diag.Error,
		Summary: "The right to withdraw from each incentive at any time, and how.", Section: "financial-incentives", Data: []string{"california.incentives.withdraw"},
		Each: j.ForEach(j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"withdraw"},
			Message: "incentive {name} does not say how consumers withdraw from it, which they may do at any time",
			Hint:    "add withdraw: saying how consumers withdraw from the incentive"})},
	{ID: "CCR-7016-d-5", Citation: "11 CCR §7016(d)(5)(A)-(B); §7081", Severity: diag.Error,
		Summary: "How each incentive is reasonably related to the value of the consumer's data: a good-faith estimate of that value and how it is calculated.", Section: "financial-incentives",
		Data: []string{"california.incentives.value_estimate", "california.incentives.valuation_method"},
		Each: j.ForEach(
			j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"value_estimate"},
				Message: "incentive {name} gives no good-faith estimate of the value of the consumer's data",
				Hint:    "add value_estimate: with the estimated value of the consumer's data that the incentive is based on"},
			j.Each{In: "california.incentives", Noun: "incentive", If: incentives, Require: []string{"valuation_method"},
				Message: "incentive {name} does not say how the value of the consumer's data is calculated",
				Hint:    "add valuation_method: describing the method (§7081: marginal, average or aggregate value, revenue, expenses, profit, or another reasonable method)"}),
	},
	// Metrics by 1 July. Source: 11 CCR §7102(a)(2), govt.westlaw.com/calregs
	// I9F73B630D45611ED852BC9A091C0DD8F ("Disclose, by July 1 of every
	// calendar year, the information compiled" for the previous calendar
	// year); deskbook page100.
	{ID: "CCR-7102-a-2", Citation: "11 CCR §7102(a)(1)-(2)", Severity: diag.Error, Drift: true,
		Summary: "The request metrics given cover the previous calendar year from 1 July of each year (before 1 July, the year before it).",
		When:    "california.metrics.required is yes and the metrics are linked", Section: "metrics",
		Data: []string{"california.metrics.year"}, Check: checkMetricsYear},
	// Form of the notice at collection and of the policy in apps: no data
	// shows it. Sources: §7012(b)-(c) as the reference gives it (Cornell
	// 11-CCR-7012); the 2026 amendment, butlersnow.com (reference §3.7,
	// [S]).
	{ID: "CCR-7012-c", Citation: "11 CCR §7012(b)-(c)", Severity: diag.Error, From: CPPARegsDate,
		Summary: "The notice at collection is readily available where personal information is collected: a conspicuous link on every page that collects it, next to forms, on the app's download page and in its settings, on paper forms.",
		When:    "always: signed off by the team (reviews[]), since no data can show it", Section: "top", Data: []string{"reviews"},
		Check: j.Attested("CCR-7012-c", "a conspicuous link to the notice at collection wherever personal information is collected: each page and form that collects it, the app's download page and settings, paper forms")},
	{ID: "CCR-2026-PP", Citation: "11 CCR §7011 (as amended, eff. 1 Jan 2026)", Severity: diag.Error, From: Regs2026Date,
		Summary: "The categories disclosed for a business purpose to service providers and contractors, tied to those recipients (the disclosures section lists every service provider, contractor, affiliate and third party with the statutory categories it received and why, or says none were); for a business with a mobile app, the policy is accessible within the app.",
		When:    "california.apps is yes: signed off by the team (reviews[])", Section: "disclosures", Data: []string{"recipients", "california.apps", "reviews"},
		Check: onlyWhen(func(ca *California) bool { return ca.Apps.IsYes() },
			j.Attested("CCR-2026-PP", "the privacy policy is accessible within the mobile apps (for example from their settings menu)"))},
	// Automated decision-making technology. Sources: the reference §3.15
	// ([S]: getprivisy.com/regulations/ccpa/7220, butlersnow, gtlaw) and
	// getprivisy.com §7220 ("A business that uses ADMT as set forth in
	// section 7200, subsection (a), must provide consumers with a Pre-use
	// Notice"); the §7221(b) exception names could not be checked against
	// a copy of the text.
	{ID: "CCR-7220-a/b", Citation: "11 CCR §7200(a)-(b), §7220(a)-(b)", Severity: diag.Error, From: ADMTDate,
		Summary: "Each automated decision says whether automated decision-making technology makes a significant decision (financial or lending services, housing, education, employment, healthcare), which calls for a pre-use notice.",
		Section: "your-rights", Data: []string{"automated_decisions.decisions.significant_decision"},
		Each: j.ForEach(j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Require: []string{"significant_decision"},
			Message: "automated decision {id} does not say whether it is a significant decision under the CCPA regulations (§7200(a))",
			Hint:    "add significant_decision: financial_lending, housing, education, employment, healthcare or none"})},
	{ID: "CCR-7220-c", Citation: "11 CCR §7220(c)(1)-(4); §7221(b)", Severity: diag.Error, From: ADMTDate,
		Summary: "For each significant decision: the specific purpose (not \"to make a significant decision about you\"), how to opt out or the §7221(b) exception relied on (with the appeal to a human reviewer for the human-appeal exception), the right to access and non-retaliation.",
		Section: "your-rights",
		Data:    []string{"automated_decisions.decisions.specific_purpose", "automated_decisions.decisions.opt_out", "automated_decisions.decisions.exception", "automated_decisions.decisions.appeal"},
		Each: j.ForEach(
			j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Where: significant, Require: []string{"specific_purpose"},
				Message: "automated decision {id} makes a significant decision, so its pre-use notice must give its specific purpose",
				Hint:    "add specific_purpose: saying in plain language what the technology is used for"},
			j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Where: significant, RequireAny: []string{"opt_out", "exception"},
				Message: "automated decision {id} makes a significant decision, so the notice must say how to opt out of it, or which exception to the right to opt out applies",
				Hint:    "add opt_out: (how consumers opt out), or exception: human_appeal, security_fraud_safety, admission_acceptance_hiring or allocation_assignment_compensation"},
			j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Where: j.All(significant, j.Is("exception", "human_appeal")), Require: []string{"appeal"},
				Message: "automated decision {id} relies on the human-appeal exception, so the notice must say how to appeal to a qualified human reviewer",
				Hint:    "add appeal: saying how consumers appeal the decision to a human reviewer who can overturn it"}),
		Check: checkSpecificPurpose},
	businessAgrees,
}, eras)

// Conditions of the pack's law, named once.
var (
	sellsOrShares = j.Named("personal information is sold or shared", "personal information is neither sold nor shared",
		j.AnyOf(j.IsYes("california.sells"), j.IsYes("california.shares")))
	notFrictionless = j.Named("opt-out preference signals are not processed in a frictionless manner", "opt-out preference signals are processed in a frictionless manner",
		j.Not(j.IsYes("cookies.global_privacy_control.frictionless")))
	incentives  = j.IsYes("california.financial_incentives")
	significant = j.Named("significant_decision is given and not none", "significant_decision is not given or none",
		j.All(j.Given("significant_decision"), j.Not(j.Is("significant_decision", "none"))))
)

// checkSensitiveCategory reports a category listing sensitive personal
// information without statutory category L. A category without
// ccpa_categories is reported by the requirement's declarative rule.
func checkSensitiveCategory(c *j.Context, r *j.Report) {
	if !cpra(c) {
		return // sensitive personal information came with the CPRA
	}
	for i, cat := range c.Project.Categories {
		if cat == nil || len(Category(cat).CCPACategories) == 0 {
			continue
		}
		if len(Category(cat).CCPASensitive) > 0 && !slices.Contains(Category(cat).CCPACategories, "L") {
			r.Missing(model.Index("categories", i)+".ccpa_categories", "add L to ccpa_categories",
				"category %q lists sensitive personal information (%s) but not statutory category L", cat.ID, strings.Join(Category(cat).CCPASensitive, ", "))
		}
		// Classified by what it holds, not only by what it says.
		words := sensitiveWords
		if c.Date < neuralDate {
			words = words[:len(words)-1] // neural data is sensitive only from 2025
		}
		if k, kind := j.Unclassified(cat.Examples, words, Category(cat).CCPASensitive); k >= 0 {
			r.Missing(model.Index(model.Index("categories", i)+".examples", k),
				fmt.Sprintf("add %s to the category's ccpa_sensitive: (and L to ccpa_categories:), or reword the example if it holds no such information", kind),
				"category %q holds %q, which is sensitive personal information (%s, Civ. Code §1798.140(ae)), but its ccpa_sensitive: does not list %s",
				cat.ID, cat.Examples[k], Sensitive[kind], kind)
		}
	}
}

// sensitiveWords find, in the examples of what a category holds, the
// kinds of sensitive personal information of Civ. Code §1798.140(ae).
var sensitiveWords = []j.KindWord{
	{Re: regexp.MustCompile(`(?i)\b(social security|driver'?s licen[cs]e|passport|state id)`), Kind: "L1"},
	{Re: regexp.MustCompile(`(?i)\b(log-?in|sign-?in|account)\b.*\bpassword|\bpassword\b.*\b(log-?in|sign-?in|account)\b|card number.*\b(cvv|security code|pin)\b`), Kind: "L2"},
	{Re: regexp.MustCompile(`(?i)\b(precise (geo)?location|gps)\b`), Kind: "L3"},
	{Re: regexp.MustCompile(`(?i)\b(racial|ethnic|citizenship|immigration|right[- ]to[- ]work|religio|philosophical belief|union membership|trade union)`), Kind: "L4"},
	// L5, the contents of mail, email and texts, is not looked for: it is
	// sensitive only when the business is not the intended recipient,
	// which an example cannot say.
	{Re: regexp.MustCompile(`(?i)\b(genetic|dna)\b`), Kind: "L6"},
	{Re: regexp.MustCompile(`(?i)\b(biometric|face recognition|facial recognition|voiceprint|fingerprints? (scan|data|template|reader))`), Kind: "L8"},
	{Re: regexp.MustCompile(`(?i)\b(health (data|information|record|condition|status)|medical|disabilit|diagnos(is|es|ed)\b)`), Kind: "L9"},
	{Re: regexp.MustCompile(`(?i)\b(sexual orientation|sex life)`), Kind: "L10"},
	// Last, so that notices of before 2025 can leave it out.
	{Re: regexp.MustCompile(`(?i)\bneural\b`), Kind: "L7"},
}

// neuralDate is the day neural data became sensitive personal information
// (SB 1223, Stats. 2024, ch. 887, amending Civ. Code §1798.140(ae)).
const neuralDate = "2025-01-01"

// checkSoldSharedConsistent reports california.sells and california.shares
// that disagree with the categories; a category that does not say is
// reported by the requirement's declarative rules.
func checkSoldSharedConsistent(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	shares := ca.Shares
	if !cpra(c) {
		shares = "" // sharing came with the CPRA
	}
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
	if shares.IsNo() && anyShared {
		r.Missing("california.shares", "set shares: yes, or correct the categories marked shared: yes",
			"california.shares is no, but some categories are marked as shared")
	}
	if shares.IsYes() && !anyShared {
		r.Missing("california.shares", "mark the categories that are shared with shared: yes",
			"california.shares is yes, but no category is marked as shared")
	}
	// What recipients, purposes and cookies are and do must agree with the
	// answers too: a recipient personal information is sold to means the
	// business sells it.
	for _, f := range []struct {
		fact, verb string
		no         bool
	}{{"sells", "sold", ca.Sells.IsNo()}, {"shares", "shared", shares.IsNo()}} {
		if !f.no {
			continue
		}
		for i, rc := range p.Recipients {
			if rc == nil {
				continue
			}
			a := Recipient(rc).Sold
			if f.fact == "shares" {
				a = Recipient(rc).Shared
			}
			if a.IsYes() {
				path := model.Index("recipients", i) + "." + f.verb
				d := r.Missing(path, fmt.Sprintf("set california.%s: yes, or %s: no here", f.fact, f.verb),
					"recipient %q is marked %s: yes, but california.%s is no", rc.ID, f.verb, f.fact)
				related(c, d, "california."+f.fact)
			}
		}
		for i, pu := range p.Purposes {
			if pu == nil {
				continue
			}
			a := Purpose(pu).Sells
			if f.fact == "shares" {
				a = Purpose(pu).Shares
			}
			if a.IsYes() {
				path := model.Index("purposes", i) + "." + f.fact
				d := r.Missing(path, fmt.Sprintf("set california.%s: yes, or %s: no here", f.fact, f.fact),
					"purpose %q is marked %s: yes, but california.%s is no", pu.ID, f.fact, f.fact)
				related(c, d, "california."+f.fact)
			}
		}
	}
	if shares.IsNo() && p.Cookies != nil {
		for i, ck := range p.Cookies.Items {
			if ck != nil && ck.CrossContextAdvertising.IsYes() {
				path := model.Index("cookies.items", i) + ".cross_context_advertising"
				d := r.Missing(path, "set california.shares: yes (and offer the opt-out), or stop using the cookie for cross-context behavioural advertising",
					"cookie %q is used for cross-context behavioural advertising, which the CCPA calls sharing, but california.shares is no", ck.Name)
				related(c, d, "california.shares")
			}
		}
	}
}

// sellsOrSharesOn reports whether the business sells, or (from the CPRA)
// shares, personal information.
func sellsOrSharesOn(c *j.Context, ca *California) bool {
	return ca.Sells.IsYes() || cpra(c) && ca.Shares.IsYes()
}

// soldOrShared says what the law of c's date calls giving personal
// information away: "sold", or from the CPRA "sold or shared".
func soldOrShared(c *j.Context) string {
	if cpra(c) {
		return "sold or shared"
	}
	return "sold"
}

// related adds the position of the data at path to d, when the data has it.
func related(c *j.Context, d *diag.Diagnostic, path string) {
	if c.Project.Source == nil {
		return
	}
	if pos := c.Project.Source.Pos(path); pos.IsValid() && pos != d.Pos {
		d.Related = append(d.Related, pos)
	}
}

// checkUnder16 reports sells_or_shares_under_16: yes that the other facts
// contradict: the business does not sell or share at all, or does not know
// it processes the data of consumers under 16.
func checkUnder16(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	if !ca.SellsOrSharesUnder16.IsYes() {
		return
	}
	if !sellsOrSharesOn(c, ca) {
		d := r.Missing("california.sells_or_shares_under_16", "set sells: yes or shares: yes, or sells_or_shares_under_16: no",
			"california.sells_or_shares_under_16 is yes, but california.sells and california.shares are both no")
		related(c, d, "california.sells")
		related(c, d, "california.shares")
	}
	if p.Children == nil || !p.Children.ActualKnowledgeUnder16.IsYes() {
		d := r.Missing("california.sells_or_shares_under_16", "set children.actual_knowledge_under_16: yes, or sells_or_shares_under_16: no",
			"california.sells_or_shares_under_16 is yes (personal information of consumers known to be under 16 is sold or shared), but children.actual_knowledge_under_16 is not yes")
		related(c, d, "children.actual_knowledge_under_16")
	}
}

// checkGPCScope reports a signal scope that reaches neither the browser nor
// the device that sends it; a missing scope is reported by the
// requirement's declarative rule.
func checkGPCScope(c *j.Context, r *j.Report) {
	p := c.Project
	ca := Of(p)
	if !sellsOrSharesOn(c, ca) || p.Cookies == nil || p.Cookies.GlobalPrivacyControl == nil || !p.Cookies.GlobalPrivacyControl.Honored.IsYes() {
		return
	}
	scope := Signal(p.Cookies.GlobalPrivacyControl).Scope
	if len(scope) > 0 && !slices.Contains(scope, "browser") && !slices.Contains(scope, "device") {
		r.Missing("cookies.global_privacy_control.scope", "add browser or device to scope",
			"an opt-out preference signal must opt out the browser or device that sends it (§7025(c)(1)), but scope gives only %s", strings.Join(scope, ", "))
	}
}

// checkFrictionless reports signals said to be processed in a frictionless
// manner but not honoured.
func checkFrictionless(c *j.Context, r *j.Report) {
	p := c.Project
	if p.Cookies == nil || p.Cookies.GlobalPrivacyControl == nil {
		return
	}
	gpc := p.Cookies.GlobalPrivacyControl
	if Signal(gpc).Frictionless.IsYes() && !gpc.Honored.IsYes() {
		d := r.Missing("cookies.global_privacy_control.frictionless", "set honored: yes, or frictionless: no",
			"the signal is said to be processed in a frictionless manner, but it is not honoured")
		related(c, d, "cookies.global_privacy_control.honored")
	}
}

// onlyWhen runs check only when cond holds of the California facts.
func onlyWhen(cond func(*California) bool, check func(*j.Context, *j.Report)) func(*j.Context, *j.Report) {
	return func(c *j.Context, r *j.Report) {
		if ca := Of(c.Project); ca != nil && cond(ca) {
			check(c, r)
		}
	}
}

// metricsDue returns the last calendar year whose metrics may still be the
// latest on day d: the previous year from 1 July, the one before until then
// (§7102(a)(2)).
func metricsDue(d model.Date) int {
	t, ok := d.Time()
	if !ok {
		return 0
	}
	if t.Month() >= 7 {
		return t.Year() - 1
	}
	return t.Year() - 2
}

func checkMetricsYear(c *j.Context, r *j.Report) {
	m := Of(c.Project).Metrics
	if m == nil || !m.Required.IsYes() || m.URL == "" {
		return
	}
	if m.Year == 0 {
		r.Missing("california.metrics", "add year: with the calendar year the linked metrics cover",
			"the notice links to request metrics but does not say which calendar year they cover")
		return
	}
	if due := metricsDue(c.Date); due != 0 && m.Year < due {
		r.Missing("california.metrics.year", fmt.Sprintf("publish the metrics of %d and set year: %d", m.Year+1, m.Year+1),
			"the request metrics cover %d; since %d-07-01 they must cover %d (by 1 July of each year, the previous calendar year)", m.Year, m.Year+2, m.Year+1)
	}
}

// checkSpecificPurpose reports a significant decision whose specific
// purpose only restates that it is one (§7220(c)(1)).
func checkSpecificPurpose(c *j.Context, r *j.Report) {
	ad := c.Project.AutomatedDecisions
	if ad == nil {
		return
	}
	for i, d := range ad.Decisions {
		if d == nil {
			continue
		}
		f := Decision(d)
		if f.SignificantDecision == "" || f.SignificantDecision == "none" || f.SpecificPurpose == "" {
			continue
		}
		if generic(string(f.SpecificPurpose)) {
			r.Missing(model.Index("automated_decisions.decisions", i)+".specific_purpose", "say what the technology is used for, specifically (for example \"to decide whether to approve your loan application and its interest rate\")",
				"automated decision %q gives as its purpose only that it makes a significant decision, which §7220(c)(1) says is not enough", d.ID)
		}
	}
}

// generic reports whether a purpose says no more than that a significant
// decision is made about the consumer.
func generic(s string) bool {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), ".!"))
	for _, g := range []string{"to make a significant decision about you", "to make a significant decision about the consumer", "make a significant decision about you", "making a significant decision about you", "a significant decision about you"} {
		if s == g {
			return true
		}
	}
	return false
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
		{"shared", cpra(c) && ca.Shares.IsYes(), func(rc *model.Recipient) model.Answer { return Recipient(rc).Shared }},
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
		{"shares", cpra(c) && ca.Shares.IsYes(), func(pu *model.Purpose) model.Answer { return Purpose(pu).Shares }},
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
	if !sellsOrSharesOn(c, ca) || p.Cookies == nil || p.Cookies.GlobalPrivacyControl == nil {
		return
	}
	gpc := p.Cookies.GlobalPrivacyControl
	if !gpc.Honored.IsYes() {
		r.Missing("cookies.global_privacy_control.honored", "honour Global Privacy Control and set honored: yes",
			"personal information is %s, so opt-out preference signals such as Global Privacy Control must be honoured", soldOrShared(c))
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

// alsoCovers are the rules of the legal-requirements reference that a
// requirement above implements beside its own: the same duty stated in the
// statute and in the regulations, or a part of the notice another rule
// already requires and checks. Every dated copy of the requirement covers
// them.
var alsoCovers = map[string][]string{
	// The table of categories: categories, sources, purposes, recipients,
	// sold or shared, retention (and so the notice at collection the
	// policy serves as, linked where data is collected: CCR-7012-c).
	"CCR-7011-e-1-A": {"CCPA-1798.110-c", "CCPA-1798.100-a-1", "CCR-7012-e-1", "CCR-7012-e-2", "CCR-7012-e-3", "CCR-7012-e-4", "CCR-7012-e-6"},
	"CCR-7011-e-1-K": {"CCPA-1798.100-a-2", "CCR-7014-h"},
	// Two lists of the last 12 months, stated either way.
	"CCR-7011-e-1-D": {"CCR-7013-g"},
	"CCR-7011-e-1-H": {"CCPA-1798.115-c", "CCR-7011-e-1-I", "CCR-7011-e-1-J"},
	// The notice of right to opt out, its link, the alternative link.
	"CCPA-1798.135-a-1": {"CCPA-1798.120-b", "CCPA-1798.135-a-3", "CCPA-1798.135-c-2", "CCR-7011-e-3-C", "CCR-7013-f", "CCR-7015", "CCR-7012-e-5"},
	// The notice of right to limit and its link.
	"CCPA-1798.135-a-2": {"CCPA-1798.121-a", "CCR-7011-e-3-D", "CCR-7014-c"},
	// Opt-out preference signals: honoured, how, where.
	"CCR-7025-b":   {"CCR-7026-a"},
	"CCR-7025-c-1": {"CCR-7011-e-3-F"},
	// Request methods, instructions and links.
	"CCPA-1798.130-a-1": {"CCR-7011-e-3-A", "CCR-7011-e-3-B", "CCR-7020"},
	"CCR-7011-e-3-E":    {"CCR-7060-7062"},
	"CCR-7011-e-3-H":    {"CCR-7063", "CCPA-1798.135-e"},
	"CCPA-1798.130-a-5": {"CCR-7011-e-4"},
	"CCR-7011-e-5":      {"CCR-7102-a-1"},
	"CCR-7016-c":        {"CCPA-1798.135-a-4"},
	"STL-1798.83-b":     {"STL-1798.83-a", "STL-1798.83-c-2"},
}

func init() {
	for _, q := range requirements {
		for _, id := range alsoCovers[q.ID] {
			if !slices.Contains(q.Covers, id) {
				q.Covers = append(q.Covers, id)
			}
		}
	}
}

// checkKnowBefore12Months reports a business that keeps personal
// information longer than 12 months but does not let a request to know
// reach back before them.
func checkKnowBefore12Months(c *j.Context, r *j.Report) {
	ca := Of(c.Project)
	if ca == nil || ca.KnowBefore12Months.IsYes() {
		return
	}
	for _, rt := range c.Project.Retention {
		if rt == nil {
			continue
		}
		days, ok := rt.Period.Days()
		if rt.Period != "" && ok && days <= 366 {
			continue
		}
		r.Missing("california.know_before_12_months",
			"let requests to know cover what was collected before the last 12 months, back to 1 January 2022, and set know_before_12_months: yes",
			"retention rule %q keeps personal information longer than 12 months (%s), so a request to know must be able to cover what was collected earlier, back to 1 January 2022",
			rt.ID, retentionWords(rt))
		return
	}
}

func retentionWords(rt *model.Retention) string {
	if rt.Period != "" {
		return string(rt.Period)
	}
	return "criteria, not a period"
}
