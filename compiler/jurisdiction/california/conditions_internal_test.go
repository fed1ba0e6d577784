package california

import (
	"testing"
)

// The conditions said in the README's rules table and by disclose explain
// are generated from the declarative rules.
func TestCaliforniaConditions(t *testing.T) {
	want := map[string]string{
		// The consistency of california.sells and shares with the
		// categories, and statutory category L for sensitive information,
		// are checked in Go.
		"CCR-7011-e-1-A":    "for each category",
		"CCR-7011-e-1-D":    "for each category",
		"CCPA-1798.135-a-1": "when california.sells is yes or california.shares is yes",
		"CCPA-1798.135-a-2": "when california.sensitive_beyond_permitted is yes",
		"STL-1798.83-b":     "when california.shine_the_light.employees_20_or_more is yes and california.shine_the_light.discloses_for_direct_marketing is yes",
		"CCR-7016-c":        "when california.financial_incentives is yes",
		"CCR-7011-e-5":      "when california.metrics.required is yes",
	}
	for _, q := range requirements {
		w, ok := want[q.ID]
		if !ok {
			if len(q.Each) > 0 {
				t.Errorf("%s is declarative but its condition is not pinned here", q.ID)
			}
			continue
		}
		if got := q.Condition(extensions()...); got != w {
			t.Errorf("%s: Condition() = %q, want %q", q.ID, got, w)
		}
		if len(q.Each) == 0 || q.When != "" {
			t.Errorf("%s: a declarative rule states its condition once, without When", q.ID)
		}
		if partly := q.ID == "CCR-7011-e-1-A" || q.ID == "CCR-7011-e-1-D"; (q.Check != nil) != partly {
			t.Errorf("%s: Check = %v, want a Go check only for the rules that compute", q.ID, q.Check != nil)
		}
		delete(want, q.ID)
	}
	for id := range want {
		t.Errorf("california has no requirement %s", id)
	}
}
