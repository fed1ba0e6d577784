package usstates

import (
	"testing"
)

// The conditions said in the README's rules table and by disclose explain
// are generated from the declarative rules; the rules that compute (which
// states apply, and what follows from it) say theirs in When.
func TestUSStateConditions(t *testing.T) {
	want := map[string]string{
		// The answers always; the opt-out page when one of them is yes.
		"USST-SALE": "when us_states.sells is yes, us_states.targeted_advertising is yes or us_states.profiling is yes",
	}
	seen := map[string]bool{}
	for _, q := range requirements {
		if err := q.Validate(extensions()); err != nil {
			t.Error(err)
		}
		w, ok := want[q.ID]
		if !ok {
			if len(q.Each) > 0 {
				t.Errorf("%s is declarative but its condition is not pinned here", q.ID)
			}
			if q.Check != nil && q.When == "" && q.ID != "USST-CONTACT" && q.ID != "USST-CONSUMERS" {
				t.Errorf("%s computes in Go but says nowhere when it applies (When)", q.ID)
			}
			continue
		}
		if got := q.Condition(extensions()...); got != w {
			t.Errorf("%s: Condition() = %q, want %q", q.ID, got, w)
		}
		seen[q.ID] = true
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("us-states has no requirement %s", id)
		}
	}
}
