package california

import (
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The days the California law changed. Sources (checked with the search
// tool, 2026-12-02):
//
//   - CCPADate: the CCPA took effect on 1 January 2020, the statute alone
//     (ropesdataphiles.com/2020/06/california-ag-submits-final-proposed-ccpa-
//     regulations-...: "The core provisions of the CCPA became operational on
//     January 1, 2020"; bytebacklaw.com/2020/08/ccpa-final-regulations-
//     approved-and-effective-immediately/).
//   - AGRegsDate: the Attorney General's regulations, 11 CCR §§999.300-
//     999.337, approved by the OAL and effective on 14 August 2020
//     (mofo.com/resources/insights/200817-ccpa-regulations-approved.html;
//     oag.ca.gov/privacy/ccpa/regs-package-oal: "The regulations went into
//     effect on August 14, 2020"). Before that day there were no
//     regulations.
//   - CPRADate: the CPRA's amendments took effect on 1 January 2023: the
//     rights to correct and to limit the use of sensitive personal
//     information, sharing for cross-context behavioural advertising, the
//     "Do Not Sell or Share" link, the retention disclosure of
//     §1798.100(a)(3) (bairdholm.com/blog/cpra-takes-effect-january-1/;
//     gtlaw-dataprivacydish.com/2020/11/what-additional-rights-does-the-
//     cpra-grant-to-california-consumers/). The §999 regulations stayed in
//     force until the CPPA's replaced them.
//   - CPPARegsDate: the CPPA's regulations, renumbered §7000 ff., approved by
//     the OAL and effective on 29 March 2023 (dwt.com/blogs/privacy--
//     security-law-blog/2023/04/california-ccpa-data-privacy-rules: "became
//     effective as of March 29, 2023"; privacyworld.blog/2023/03/out-like-a-
//     lion-revised-ccpa-regulations-and-new-iowa-privacy-law/).
//   - Regs2026Date: the CPPA's amendments of the regulations, approved on 22
//     September 2025, effective on 1 January 2026; the ADMT rules from 1
//     January 2027 (cppa.ca.gov/regulations/ccpa_updates.html; mondaq.com
//     /unitedstates/new-technology/1682362).
const (
	CCPADate     model.Date = "2020-01-01"
	AGRegsDate   model.Date = "2020-08-14"
	CPRADate     model.Date = "2023-01-01"
	CPPARegsDate model.Date = "2023-03-29"
	Regs2026Date model.Date = "2026-01-01"
	ADMTDate     model.Date = "2027-01-01"
)

// era is a requirement as the law of an earlier period stated it: the same
// rule id, in force from..until, with the citation (and, where the rule
// itself differed, the summary and declarative rules) of that law.
type era struct {
	from, until model.Date
	citation    string
	summary     string    // empty: the requirement's own
	each        []*j.Each // nil: the requirement's own
	noEach      bool      // the rule had no declarative check then
}

// history returns qs with, before each requirement that has eras, its
// dated twins: one requirement per era, with the same id. The requirement
// itself is in force from the day after the last era.
func history(qs []*j.Requirement, eras map[string][]era) []*j.Requirement {
	var out []*j.Requirement
	for _, q := range qs {
		es := eras[q.ID]
		for _, e := range es {
			t := *q
			t.From, t.Until, t.Citation = e.from, e.until, e.citation
			if e.summary != "" {
				t.Summary = e.summary
			}
			switch {
			case e.noEach:
				t.Each = nil
			case e.each != nil:
				t.Each = e.each
			}
			out = append(out, &t)
		}
		if len(es) > 0 {
			q.From = es[len(es)-1].until.AddDays(1)
		}
		out = append(out, q)
	}
	return out
}

// The citations of the CCPA before the CPRA: the privacy policy of
// Civ. Code §1798.130(a)(5) and, from 14 August 2020, 11 CCR §999.308.
const (
	regs999PP = "11 CCR §999.308(c)"
)

// cpra reports whether the CPRA's amendments are in force on c's date.
func cpra(c *j.Context) bool { return c.Date >= CPRADate }

// cppaRegs reports whether the CPPA's regulations (§7000 ff.) are in force
// on c's date.
func cppaRegs(c *j.Context) bool { return c.Date >= CPPARegsDate }

// agRegs reports whether any CCPA regulations (§999 or §7000 ff.) are in
// force on c's date.
func agRegs(c *j.Context) bool { return c.Date >= AGRegsDate }

// The day before each change.
const (
	beforeAGRegs   model.Date = "2020-08-13"
	beforeCPRA     model.Date = "2022-12-31"
	beforeCPPARegs model.Date = "2023-03-28"
)

// statuteThenRegs999 are the eras of a rule the CCPA's statute stated from
// 2020 (statute) and the §999 regulations from 14 August 2020 (regs), until
// the §7000 regulations replaced them.
func statuteThenRegs999(statute, regs string) []era {
	return []era{{from: CCPADate, until: beforeAGRegs, citation: statute},
		{from: AGRegsDate, until: beforeCPPARegs, citation: statute + "; " + regs}}
}

// regs999 is the era of a rule only the §999 regulations stated, from 14
// August 2020 until the §7000 regulations replaced them.
func regs999(citation string) []era {
	return []era{{from: AGRegsDate, until: beforeCPPARegs, citation: citation}}
}

// eras are the California rules as the law before the §7000 regulations
// stated them, by rule id: the statute alone (1 January to 13 August 2020),
// then with the Attorney General's §999 regulations (14 August 2020 to 28
// March 2023, the CPRA's amendments of the statute taking effect on 1
// January 2023). The §999 section numbers are those of the regulations as
// approved (oag.ca.gov/privacy/ccpa, the final text §§999.300-999.337:
// privacy policy §999.308, notice at collection §999.305, notice of right
// to opt out §999.306, notice of financial incentive §999.307, methods of
// requests §999.312, opt-out requests and user-enabled global privacy
// controls §999.315, metrics §999.317(g), verification §999.323,
// authorized agents §999.326, minors §§999.330-999.332, the value of data
// §999.337); their paragraphs are cited no finer than the sources showed.
var eras = map[string][]era{
	"CCR-7011-e-1-A": statuteThenRegs999("Civ. Code §1798.110(c)(1), §1798.130(a)(5)(B)", regs999PP+"(1)"),
	"CCR-7011-e-1-B": statuteThenRegs999("Civ. Code §1798.110(c)(2), §1798.130(a)(5)(B)", regs999PP+"(1)"),
	"CCR-7011-e-1-C": statuteThenRegs999("Civ. Code §1798.110(c)(3), §1798.130(a)(5)(B)", regs999PP+"(1)"),
	"CCR-7011-e-1-D": statuteThenRegs999("Civ. Code §1798.115(c)(1), §1798.130(a)(5)(C)", regs999PP+"(1)"),
	"CCR-7011-e-1-E": statuteThenRegs999("Civ. Code §1798.110(c)(4), §1798.130(a)(5)(B)", regs999PP+"(1)"),
	"CCR-7011-e-1-F": statuteThenRegs999("Civ. Code §1798.110(c)(3), §1798.130(a)(5)(B)", regs999PP+"(1)"),
	"CCR-7011-e-1-G": regs999(regs999PP + "; §999.332(a)"),
	"CCR-7011-e-1-H": statuteThenRegs999("Civ. Code §1798.115(c)(2), §1798.130(a)(5)(C)", regs999PP+"(1)"),
	"CCR-7011-e-1-K": {{from: CPRADate, until: beforeCPPARegs, citation: "Civ. Code §1798.121(a), §1798.130(a)(5)"}},
	"CCR-7011-e-2": {
		{from: CCPADate, until: beforeAGRegs, citation: "Civ. Code §1798.130(a)(5)(A); §§1798.100-1798.125",
			summary: "The rights to know, delete, opt out of sale, and not to be discriminated against."},
		{from: AGRegsDate, until: beforeCPRA, citation: "Civ. Code §1798.130(a)(5)(A); §§1798.100-1798.125; " + regs999PP,
			summary: "The rights to know, delete, opt out of sale, and not to be discriminated against."},
		{from: CPRADate, until: beforeCPPARegs, citation: "Civ. Code §1798.130(a)(5)(A); §§1798.100-1798.125 as amended by the CPRA; " + regs999PP},
	},
	"CCPA-1798.130-a-1": statuteThenRegs999("Civ. Code §1798.130(a)(1)", "11 CCR §999.312"),
	"CCR-7011-e-3-E":    regs999(regs999PP + "; §999.323"),
	"CCR-7011-e-3-H":    regs999(regs999PP + "; §999.326"),
	"CCPA-1798.135-a-1": {
		{from: CCPADate, until: beforeAGRegs, citation: "Civ. Code §1798.135(a)(1)", summary: doNotSellSummary, each: doNotSellRule},
		{from: AGRegsDate, until: beforeCPRA, citation: "Civ. Code §1798.135(a)(1); 11 CCR §§999.306, 999.315", summary: doNotSellSummary, each: doNotSellRule},
		{from: CPRADate, until: beforeCPPARegs, citation: "Civ. Code §1798.135(a)(1) as amended by the CPRA; 11 CCR §§999.306, 999.315",
			summary: "A \"Do Not Sell or Share My Personal Information\" link.", each: doNotSellOrShareRule},
	},
	"CCPA-1798.135-a-2": {{from: CPRADate, until: beforeCPPARegs, citation: "Civ. Code §1798.135(a)(2)",
		summary: "A \"Limit the Use of My Sensitive Personal Information\" link.", each: limitRule}},
	"CCR-7025-b":        regs999("11 CCR §999.315"),
	"CCPA-1798.130-a-5": statuteThenRegs999("Civ. Code §1798.130(a)(5)", regs999PP),
	"CCR-7011-e-3-J":    regs999(regs999PP),
	"CCR-7016-c":        statuteThenRegs999("Civ. Code §1798.125(b)", "11 CCR §999.307(a)"),
	"CCR-7011-e-5":      regs999("11 CCR §999.317(g)"),
	"CCR-7011-e-3-I":    regs999(regs999PP + "; §§999.330-999.332"),
	"CCR-7016-d-1":      regs999("11 CCR §999.307(b)(1)"),
	"CCR-7016-d-2":      regs999("11 CCR §999.307(b)(2)"),
	"CCR-7016-d-3":      regs999("11 CCR §999.307(b)(3)"),
	"CCR-7016-d-4":      regs999("11 CCR §999.307(b)(4)"),
	"CCR-7016-d-5":      regs999("11 CCR §999.307(b)(5); §999.337"),
	"CCR-7102-a-2":      regs999("11 CCR §999.317(g)(2)"),
}

// The opt-out and limit links before the §7000 regulations: the CCPA's
// "Do Not Sell My Personal Information" link for a business that sells
// (§1798.135(a)(1) as first enacted); from 2023 the CPRA's "Do Not Sell or
// Share" and "Limit" links, without the "Your Privacy Choices" alternative
// (§7015) or frictionless signals (§7025), which came with the §7000
// regulations. The link's first words: ccpa-info.com/does-a-business-need-
// to-post-a-do-not-sell-link-if-it-does-not-sell-personal-information/ and
// clarip.com/data-privacy/do-not-sell-my-personal-information/ (a "clear and
// conspicuous link ... titled 'Do Not Sell My Personal Information'", from
// 1 January 2020).
const doNotSellSummary = "A \"Do Not Sell My Personal Information\" link."

var (
	doNotSellRule = j.ForEach(j.Each{In: "california", Where: j.IsYes("sells"), RequireAny: []string{"links.do_not_sell_or_share"},
		Message: "personal information is sold, so the notice must link to the \"Do Not Sell My Personal Information\" page",
		Hint:    "add links: do_not_sell_or_share: (the page of the \"Do Not Sell My Personal Information\" link)"})
	doNotSellOrShareRule = j.ForEach(j.Each{In: "california", Where: j.AnyOf(j.IsYes("sells"), j.IsYes("shares")), RequireAny: []string{"links.do_not_sell_or_share"},
		Message: "personal information is sold or shared, so the notice must link to the \"Do Not Sell or Share My Personal Information\" page",
		Hint:    "add links: do_not_sell_or_share: (the page of the \"Do Not Sell or Share My Personal Information\" link)"})
	limitRule = j.ForEach(j.Each{In: "california", Where: j.IsYes("sensitive_beyond_permitted"), RequireAny: []string{"links.limit_sensitive"},
		Message: "sensitive personal information is used beyond the purposes the law permits, so the notice must link to the \"Limit the Use of My Sensitive Personal Information\" page",
		Hint:    "add links: limit_sensitive: (the page of the \"Limit the Use of My Sensitive Personal Information\" link)"})
)
