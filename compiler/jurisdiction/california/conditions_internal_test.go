package california

import (
	"testing"
)

// The conditions said in the README's rules table and by disclose explain
// are generated from the declarative rules.
func TestCaliforniaConditions(t *testing.T) {
	want := map[string]string{
		// The consistency of california.sells and shares with the
		// categories, recipients, purposes and cookies, statutory category L
		// for sensitive information, a signal scope without browser or
		// device and a purpose that only says a decision is significant
		// are checked in Go.
		"CCR-7011-e-1-A": "for each category",
		"CCR-7011-e-1-D": "for each category (shared only from 2023-01-01, shares only from 2023-01-01)",
		// The California facts the notice reads, required when it is
		// published (business: no needs none of them).
		"CCR-7011-e-1-G":    "always",
		"CCR-7011-e-1-K":    "always",
		"CCPA-1798.130-a-1": "always",
		"CCPA-1798.135-a-1": "when opt-out preference signals are not processed in a frictionless manner and (california.sells is yes or california.shares is yes)",
		"CCPA-1798.135-a-2": "when california.sensitive_beyond_permitted is yes",
		"STL-1798.83-b":     "when california.shine_the_light.employees_20_or_more is yes and california.shine_the_light.discloses_for_direct_marketing is yes",
		"CCR-7016-c":        "when california.financial_incentives is yes",
		"CCR-7011-e-5":      "when california.metrics.required is yes",
		"CCR-7011-e-3-I":    "when california.sells_or_shares_under_16 is yes",
		"CCR-7025-c-1":      "when personal information is sold or shared and cookies.global_privacy_control.honored is yes",
		"CCR-7011-e-3-G":    "when personal information is sold or shared and cookies.global_privacy_control.frictionless is yes",
		"CCR-7016-d-1":      "for each incentive, when california.financial_incentives is yes",
		"CCR-7016-d-2":      "for each incentive, when california.financial_incentives is yes",
		"CCR-7016-d-3":      "for each incentive, when california.financial_incentives is yes",
		"CCR-7016-d-4":      "for each incentive, when california.financial_incentives is yes",
		"CCR-7016-d-5":      "for each incentive, when california.financial_incentives is yes",
		"CCR-7220-a/b":      "for each automated decision",
		"CCR-7220-c":        "for each automated decision whose significant_decision is given and not none; for each automated decision whose significant_decision is given and not none and exception is human_appeal",
	}
	// The rules as the law of an earlier date stated them (eras), where
	// they differ from today's, by id and first day.
	earlier := map[string]string{
		"CCPA-1798.135-a-1@2020-01-01": "when california.sells is yes",
		"CCPA-1798.135-a-1@2020-08-14": "when california.sells is yes",
		"CCPA-1798.135-a-1@2023-01-01": "when california.sells is yes or california.shares is yes",
		"CCPA-1798.135-a-2@2023-01-01": "when california.sensitive_beyond_permitted is yes",
	}
	seen := map[string]bool{}
	for _, q := range requirements {
		w, ok := want[q.ID]
		if e, dated := earlier[q.ID+"@"+q.From.String()]; dated {
			w = e
			delete(earlier, q.ID+"@"+q.From.String())
		}
		if !ok {
			if len(q.Each) > 0 {
				t.Errorf("%s is declarative but its condition is not pinned here", q.ID)
			}
			continue
		}
		got := q.Condition(extensions()...)
		if got == "" {
			got = "always"
		}
		if got != w {
			t.Errorf("%s: Condition() = %q, want %q", q.ID, got, w)
		}
		if len(q.Each) == 0 || q.When != "" {
			t.Errorf("%s: a declarative rule states its condition once, without When", q.ID)
		}
		partly := q.ID == "CCR-7011-e-1-A" || q.ID == "CCPA-1798.130-a-1" || q.ID == "CCR-7011-e-1-D" || q.ID == "CCR-7025-c-1" || q.ID == "CCR-7220-c"
		if (q.Check != nil) != partly {
			t.Errorf("%s: Check = %v, want a Go check only for the rules that compute", q.ID, q.Check != nil)
		}
		seen[q.ID] = true
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("california has no requirement %s", id)
		}
	}
	for id := range earlier {
		t.Errorf("california has no earlier requirement %s", id)
	}
}
