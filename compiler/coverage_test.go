package compiler_test

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
)

// Every pack ships the list of reference rules its law asks for, it loads
// without problems, and no pack implements a BLOCK rule the lists do not
// name (a typo in a rule id would otherwise escape the count).
func TestRequiredRulesListed(t *testing.T) {
	ref, diags := compiler.Reference()
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	listed := map[string]bool{}
	for _, j := range compiler.DefaultJurisdictions() {
		req := jurisdiction.RequiredOf(ref, j.ID())
		if req == nil || len(req.Rules) == 0 {
			t.Errorf("%s: no required_rules in its reference data", j.ID())
			continue
		}
		for _, r := range req.Rules {
			if listed[r.ID] {
				t.Errorf("%s: %s is listed twice", j.ID(), r.ID)
			}
			listed[r.ID] = true
		}
	}
	for _, j := range compiler.DefaultJurisdictions() {
		for _, q := range j.Requirements() {
			if q.Severity.String() == "error" && !listed[q.ID] && !extraRules[q.ID] {
				t.Errorf("%s: BLOCK rule %s is not in any pack's required_rules", j.ID(), q.ID)
			}
		}
	}
}

// extraRules are BLOCK rules of the packs that the reference lists under
// another severity or not at all (the packs' own, stricter reading).
var extraRules = map[string]bool{
	// Chapter V, which the reference states in its transfer table and
	// general rule (Art. 44) rather than as numbered rows.
	"GDPR-44": true, "GDPR-45": true, "XFER-2": true, "XFER-3": true,
	// The onward transfer of customers' data to a sub-processor abroad
	// (Arts. 28(4), 44 and 46), which the reference's sub-processor rows
	// leave to the transfer table.
	"SUBP-28-4": true,
}
