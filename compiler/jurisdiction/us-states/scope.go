package usstates

import (
	"fmt"
	"strings"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Scope is whether one state's law applies to the organisation on a date,
// and why.
type Scope struct {
	Law *Law
	// Index is the position of the state in us_states.states, or -1 when
	// it is not listed.
	Index int
	// Derived is what the measures say (empty when they cannot decide);
	// Declared is the data's answer; Applies is the outcome: the derived
	// answer when there is one, else the declared one.
	Derived, Declared, Applies model.Answer
	// Why says how the outcome was reached, in a sentence fragment; Missing
	// names the measures a threshold needs that the data does not give.
	Why     string
	Missing []string
}

// Scopes judges every state law in force on c's date. A state listed twice
// is judged on its first entry (checkScope reports the second).
func Scopes(c *j.Context) []*Scope {
	f := Of(c.Project)
	var out []*Scope
	for _, l := range Laws(c) {
		s := &Scope{Law: l, Index: -1}
		var st *State
		if f != nil {
			for i, x := range f.States {
				if x != nil && x.State == l.Code && st == nil {
					st, s.Index = x, i
				}
			}
		}
		if st == nil {
			s.Derived, s.Applies = model.No, model.No
			s.Why = "we have no consumers in " + l.Name + " (it is not listed in us_states.states)"
			out = append(out, s)
			continue
		}
		s.Declared = st.Applies
		s.Derived, s.Why, s.Missing = derive(c, f, l, st)
		switch {
		case s.Derived != "":
			s.Applies = s.Derived
		case s.Declared != "":
			s.Applies = s.Declared
			s.Why = "our answer (us_states.states[" + fmt.Sprint(s.Index) + "].applies)"
			if st.Why != "" {
				s.Why += ": " + strings.TrimSpace(string(st.Why))
			}
		case len(s.Missing) > 0:
			s.Why = "the measures do not give " + strings.Join(s.Missing, " or ") + ", which its threshold needs"
		default:
			s.Why = "no count for " + l.Name + " and no applies: answer"
		}
		out = append(out, s)
	}
	return out
}

// Applying returns the states whose law applies on c's date.
func Applying(c *j.Context) []*Law {
	var out []*Law
	for _, s := range Scopes(c) {
		if s.Applies.IsYes() {
			out = append(out, s.Law)
		}
	}
	return out
}

// applies returns the law of the state code when it applies on c's date.
func applies(c *j.Context, code string) *Law {
	for _, l := range Applying(c) {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// given reports whether the data writes the measure at key (a figure left
// out is not zero). Where positions are not known (a released version's
// snapshot, which leaves out zero values), every figure counts as given.
func given(c *j.Context, key string) bool {
	src := c.Project.Source
	return src == nil || !src.Has("us_states.measures") || src.Has("us_states.measures."+key)
}

// derive compares the measures with l's threshold on c's date. It returns
// "" when the data cannot decide: no measures, a state with no count, or a
// figure the threshold needs that is not given (named in missing).
func derive(c *j.Context, f *Facts, l *Law, st *State) (answer model.Answer, why string, missing []string) {
	t := l.ThresholdOn(c.Date)
	m := f.Measures
	if t == nil || m == nil || st.Consumers+st.PaymentOnly == 0 {
		return "", "", nil
	}
	if t.SmallBusinessExempt.IsYes() && m.SmallBusiness.IsYes() {
		return model.No, "we are a small business as the SBA defines it, which " + t.Citation + " leaves out", nil
	}
	if t.RevenueOverUSD > 0 || t.RevenueAtLeastUSD > 0 {
		if !given(c, "revenue_usd") {
			return "", "", []string{"revenue_usd"}
		}
		if t.RevenueOverUSD > 0 && m.RevenueUSD <= t.RevenueOverUSD {
			return model.No, "our revenue of " + usd(m.RevenueUSD) + " is not over " + usd(t.RevenueOverUSD) + " (" + t.Citation + ")", nil
		}
		if t.RevenueAtLeastUSD > 0 && m.RevenueUSD < t.RevenueAtLeastUSD {
			return model.No, "our revenue of " + usd(m.RevenueUSD) + " is less than " + usd(t.RevenueAtLeastUSD) + " (" + t.Citation + ")", nil
		}
	}
	var missed []string
	for _, ts := range t.Tests {
		n := st.Consumers
		if !ts.ExcludingPaymentOnly.IsYes() {
			n += st.PaymentOnly
		}
		if (ts.SaleRevenueOverPercent > 0 || ts.SaleRevenueAtLeastPercent > 0) && !given(c, "revenue_from_sale_percent") {
			missing = append(missing, "revenue_from_sale_percent")
			continue
		}
		ok, what := meets(c, f, l, n, ts)
		counted := count(n) + " consumers in " + l.Name + " in " + fmt.Sprint(m.Year)
		if ok {
			return model.Yes, counted + ": " + what + " (" + t.Citation + ")", nil
		}
		missed = append(missed, what)
	}
	if len(missing) > 0 {
		return "", "", missing[:1]
	}
	n := count(st.Consumers+st.PaymentOnly) + " consumers in " + l.Name + " in " + fmt.Sprint(m.Year)
	return model.No, n + ": not " + strings.Join(missed, ", nor ") + " (" + t.Citation + ")", nil
}

// meets reports whether one test holds for n consumers, and words it.
func meets(c *j.Context, f *Facts, l *Law, n int, ts *Test) (bool, string) {
	ok := true
	var words []string
	if ts.ConsumersAtLeast > 0 {
		ok = ok && n >= ts.ConsumersAtLeast
		words = append(words, "at least "+count(ts.ConsumersAtLeast)+" consumers")
	}
	if ts.SaleRevenueOverPercent > 0 {
		ok = ok && f.Measures.RevenueFromSalePercent > ts.SaleRevenueOverPercent
		words = append(words, fmt.Sprintf("over %d%% of revenue from selling personal data", ts.SaleRevenueOverPercent))
	}
	if ts.SaleRevenueAtLeastPercent > 0 {
		ok = ok && f.Measures.RevenueFromSalePercent >= ts.SaleRevenueAtLeastPercent
		words = append(words, fmt.Sprintf("%d%% or more of revenue from selling personal data", ts.SaleRevenueAtLeastPercent))
	}
	if ts.SaleRevenueAny.IsYes() {
		ok = ok && (f.Measures.RevenueFromSalePercent > 0 || f.Sells.IsYes())
		words = append(words, "revenue or a discount from selling personal data")
	}
	if ts.SensitiveData.IsYes() {
		ok = ok && len(sensitiveCategories(c, l)) > 0
		words = append(words, "processing consumers' sensitive data")
	}
	if ts.Sells.IsYes() {
		ok = ok && f.Sells.IsYes()
		words = append(words, "selling personal data")
	}
	if ts.NotSmallBusiness.IsYes() {
		ok = ok && f.Measures.SmallBusiness.IsNo()
		words = append(words, "not a small business")
	}
	if len(words) == 0 {
		words = append(words, "consumers there")
	}
	return ok, strings.Join(words, " and ")
}

// sensitiveCategories returns the categories of consumers' data holding
// data l counts as sensitive on c's date (employees' and business
// contacts' data is outside these laws).
func sensitiveCategories(c *j.Context, l *Law) []*model.Category {
	var out []*model.Category
	for _, cat := range coveredCategories(c.Project) {
		for _, k := range Category(cat).USSensitive {
			if l.Counts(k, c.Date) {
				out = append(out, cat)
				break
			}
		}
	}
	return out
}

func usd(v int) string { return "$" + j.Thousands(int64(v)) }

func count(v int) string { return j.Thousands(int64(v)) }
