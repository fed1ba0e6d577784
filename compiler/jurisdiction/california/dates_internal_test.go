package california

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Each rule's dated twins follow one another without gap or overlap, the
// last one ending the day before the requirement of today's law starts, and
// every era names a rule the pack has.
func TestCaliforniaErasFollowOneAnother(t *testing.T) {
	byID := map[string][]model.Date{} // from, until of each twin, in order
	for _, q := range requirements {
		byID[q.ID] = append(byID[q.ID], q.From, q.Until)
	}
	for id, es := range eras {
		spans, ok := byID[id]
		if !ok {
			t.Errorf("era of %s, which the pack does not have", id)
			continue
		}
		if len(spans) != 2*(len(es)+1) {
			t.Errorf("%s: %d requirements, want %d (its eras and today's)", id, len(spans)/2, len(es)+1)
			continue
		}
		for i := 0; i+2 < len(spans); i += 2 {
			if until, next := spans[i+1], spans[i+2]; until == "" || until.AddDays(1) != next {
				t.Errorf("%s: twin %d ends on %q but the next starts on %s", id, i/2+1, until, next)
			}
		}
		if spans[len(spans)-1] != "" {
			t.Errorf("%s: today's requirement ends on %s", id, spans[len(spans)-1])
		}
	}
	// A citation of the §999 regulations only while they were in force, of
	// the §7000 ones only from theirs.
	for _, q := range requirements {
		if strings.Contains(q.Citation, "§999") && (q.From < AGRegsDate || q.Until == "" || q.Until >= CPPARegsDate) {
			t.Errorf("%s (%s to %s) cites %s outside 2020-08-14 to 2023-03-28", q.ID, q.From, q.Until, q.Citation)
		}
		if strings.Contains(q.Citation, "§70") && q.From < CPPARegsDate {
			t.Errorf("%s (from %q) cites %s before 2023-03-29", q.ID, q.From, q.Citation)
		}
	}
}
