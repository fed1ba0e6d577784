package compiler_test

import (
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/release"
)

// GDPR-13-3 is judged at release, against the version before: a purpose
// the last release did not have may not have been used before this one.
func TestNewPurposeToldBeforeUse(t *testing.T) {
	proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	before := *proj
	before.Purposes = proj.Purposes[:len(proj.Purposes)-1] // the last release had no such purpose
	last, err := release.Snapshot(&before)
	if err != nil {
		t.Fatal(err)
	}
	check := compiler.ReleaseChecks(proj, sampleOpts)["eu"]
	if check == nil {
		t.Fatal("the eu pack has no release check")
	}
	added := proj.Purposes[len(proj.Purposes)-1]
	added.FirstUsed = "2026-11-01"
	if err := check("2026-11-23", last); err == nil || !strings.Contains(err.Error(), "new purpose "+added.ID+" was first used on 2026-11-01, before this release on 2026-11-23") || !strings.Contains(err.Error(), "GDPR-13-3") {
		t.Errorf("a purpose used before its release: %v", err)
	}
	added.FirstUsed = "2026-12-01"
	if err := check("2026-11-23", last); err != nil {
		t.Errorf("a purpose that starts after its release: %v", err)
	}
	added.FirstUsed = "2026-11-01"
	if err := check("2026-11-23", nil); err != nil {
		t.Errorf("the first release: %v", err)
	}
}
