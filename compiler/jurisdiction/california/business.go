package california

import (
	"fmt"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Whether the California notice applies is answered by the data: by
// california.business, or by california.measures against the dated
// thresholds of the "business" definition (reference/business.yaml).

// measured says what california.measures show on c's date: yes when a
// figure given is over its threshold (why names it), no when all three are
// given and none is, empty when they do not decide (no measures, some
// figures missing, no thresholds).
func measured(c *j.Context, ca *California) (answer model.Answer, why string) {
	t := ThresholdOn(c)
	if ca == nil || ca.Measures == nil || t == nil {
		return "", ""
	}
	m := ca.Measures
	given := func(key string, v int) bool {
		path := "california.measures." + key
		if c.Project.Source != nil && c.Project.Source.Has("california.measures") {
			return c.Project.Source.Has(path)
		}
		return v != 0 // data without positions (a release snapshot) omits zeros
	}
	rev, cons, pct := given("gross_revenue_usd_thousands", m.RevenueUSDThousands), given("consumers_bought_sold_shared", m.Consumers), given("percent_revenue_from_selling", m.PercentFromSelling)
	revenue := int64(m.RevenueUSDThousands) * 1000
	switch {
	case rev && revenue > int64(t.RevenueOverUSD):
		return model.Yes, fmt.Sprintf("its annual gross revenue of %s is over %s (%s(A))", usd(revenue), usd(int64(t.RevenueOverUSD)), t.Citation)
	case cons && m.Consumers >= t.ConsumersAtLeast:
		return model.Yes, fmt.Sprintf("it buys, sells or shares the personal information of %s %s a year, %s or more (%s(B))", count(m.Consumers), t.Counted, count(t.ConsumersAtLeast), t.Citation)
	case pct && m.PercentFromSelling >= t.PercentFromSellingAtLeast:
		return model.Yes, fmt.Sprintf("it derives %d%% of its annual revenue from %s personal information, %d%% or more (%s(C))", m.PercentFromSelling, t.Selling, t.PercentFromSellingAtLeast, t.Citation)
	case rev && cons && pct:
		return model.No, fmt.Sprintf("it meets none of the thresholds of %s: annual gross revenue of %s (not over %s), the personal information of %s %s a year (fewer than %s), %d%% of its revenue from %s personal information (less than %d%%)",
			t.Citation, usd(revenue), usd(int64(t.RevenueOverUSD)), count(m.Consumers), t.Counted, count(t.ConsumersAtLeast), m.PercentFromSelling, t.Selling, t.PercentFromSellingAtLeast)
	}
	return "", ""
}

// usd formats whole dollars: $26,625,000.
func usd(v int64) string { return "$" + j.Thousands(v) }

func count(v int) string { return j.Thousands(int64(v)) }

// Applies implements jurisdiction.Jurisdiction: a "business" under the CCPA
// publishes the notice from 1 January 2020. The measures, when they decide,
// are the answer; a business: yes they contradict still publishes (so the
// contradiction is reported, CCPA-1798.140-d).
func (*Pack) Applies(c *j.Context) (bool, string) {
	ca := Of(c.Project)
	if c.Date < CCPADate {
		return false, "the CCPA applies from 1 January 2020"
	}
	if ca == nil {
		return false, "the data has no california: section"
	}
	derived, why := measured(c, ca)
	switch {
	case derived.IsYes():
		return true, "the organisation is a business under the CCPA: " + why
	case ca.Business.IsYes():
		return true, "california.business is yes: the organisation is a business under the CCPA (Civ. Code §1798.140(d))"
	case derived.IsNo():
		return false, "the organisation is not a business under the CCPA: " + why
	case ca.Business.IsNo():
		return false, "california.business is no: the organisation is not a business under the CCPA (Civ. Code §1798.140(d))"
	}
	return false, "the data does not say whether the organisation is a business under the CCPA"
}

// AppliesFrom implements jurisdiction.Applicability.
func (*Pack) AppliesFrom() []string { return []string{"california.business", "california.measures"} }

// businessAgrees is the requirement that california.business agrees with
// the measures, in the pack (it runs whenever either says yes, since the
// notice then applies).
var businessAgrees = &j.Requirement{ID: "CCPA-1798.140-d", Citation: "Civ. Code §1798.140(d)(1) (before 2023, §1798.140(c)(1))", Severity: diag.Error, From: CCPADate,
	Summary: "Whether the organisation is a \"business\", as california.business declares it, agrees with its measures against the thresholds in force on the notice's date (reference data).",
	When:    "california.business and california.measures are both given", Section: "top",
	Data:  []string{"california.business", "california.measures"},
	Check: checkBusinessAgrees}

func checkBusinessAgrees(c *j.Context, r *j.Report) {
	ca := Of(c.Project)
	derived, why := measured(c, ca)
	if derived == "" || ca.Business == "" || derived == ca.Business {
		return
	}
	fix := "set business: " + string(derived) + ", or correct california.measures"
	d := r.Missing("california.business", fix,
		"california.business is %s, but california.measures say it is %s on %s: %s", ca.Business, derived, c.Date, why)
	related(c, d, "california.measures")
}

// Answered is the requirement that the data answers whether the CCPA
// applies: a project dated on or after 1 January 2020 needs a california:
// section that says so (business:, or measures: that decide). It is not the
// California pack's, whose requirements run only when its notice applies:
// the global pack, which always applies, lists it.
var Answered = &j.Requirement{ID: "CCPA-1798.140-d", Citation: "Civ. Code §1798.140(d) (before 2023, §1798.140(c))", Severity: diag.Error, From: CCPADate,
	Summary: "The data says whether the organisation is a \"business\" under the CCPA, so whether it publishes the California notice: california.business, or california.measures that decide it.",
	When:    "always from 2020-01-01", Section: "about",
	Data:  []string{"california.business", "california.measures"},
	Check: checkAnswered}

func checkAnswered(c *j.Context, r *j.Report) {
	ca := Of(c.Project)
	if ca == nil {
		r.Missing("california", "add a california: section; if the CCPA does not apply, california: business: no",
			"the data does not say whether the CCPA applies: from %s a project must answer whether the organisation is a business under the California Consumer Privacy Act", CCPADate)
		return
	}
	if derived, _ := measured(c, ca); derived == "" && ca.Business == "" {
		r.Missing("california.business", "add business: yes or business: no, or all three measures: (gross_revenue_usd_thousands, consumers_bought_sold_shared, percent_revenue_from_selling)",
			"the california: section does not say whether the organisation is a business under the CCPA")
	}
}
