package release_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

// Versions of one effective date sort by their sequence number, not as text,
// and the latest of them is in force from that date.
func TestVersionOrder(t *testing.T) {
	l := &release.Ledger{Versions: []*release.Version{
		{Notice: "eu", ID: "2026-01-01-10", Effective: "2026-01-01"},
		{Notice: "eu", ID: "2026-01-01", Effective: "2026-01-01"},
		{Notice: "eu", ID: "2026-01-01-2", Effective: "2026-01-01"},
		{Notice: "eu", ID: "2027-01-01", Effective: "2027-01-01"},
		{Notice: "global", ID: "2025-01-01", Effective: "2025-01-01"},
	}}
	var ids []string
	for _, v := range l.Of("eu") {
		ids = append(ids, v.ID)
	}
	if got := strings.Join(ids, " "); got != "2026-01-01 2026-01-01-2 2026-01-01-10 2027-01-01" {
		t.Errorf("order: %s", got)
	}
	in, up := l.Resolve("eu", "2026-06-01")
	if in.ID != "2026-01-01-10" || up.ID != "2027-01-01" {
		t.Errorf("resolve: %s, %s", in.ID, up.ID)
	}
	if in, up := l.Resolve("eu", "2025-06-01"); in != nil || up.ID != "2026-01-01-10" { // the latest of the same effective date replaces the others
		t.Errorf("before the first: %v, %v", in, up)
	}
	// The ledger is stored in release order (the chain's), not sorted.
	enc := string(l.Encode())
	if strings.Index(enc, `"2026-01-01-10"`) > strings.Index(enc, `"2026-01-01-2"`) || strings.Index(enc, `"eu"`) > strings.Index(enc, `"global"`) {
		t.Errorf("ledger not in release order:\n%s", enc)
	}
}

func TestSnapshotIsNormalised(t *testing.T) {
	a, err := release.Snapshot(nil)
	if err != nil || string(a) != "{}\n" {
		t.Errorf("empty snapshot: %q %v", a, err)
	}
}

// InForceUntil and Resolve agree on every day: the version Resolve finds in
// force is the one whose interval holds the day, for many random histories
// (same-day replacements and releases out of date order included).
func TestInForceUntilAgreesWithResolve(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 16))
	day := func(n int) model.Date { return model.Date("2027-01-01").AddDays(n) }
	for trial := 0; trial < 500; trial++ {
		l := &release.Ledger{}
		seen := map[model.Date]int{}
		for i := 0; i < 1+r.IntN(6); i++ {
			e := day(r.IntN(10))
			seen[e]++
			id := string(e)
			if seen[e] > 1 {
				id = fmt.Sprintf("%s-%d", e, seen[e])
			}
			l.Versions = append(l.Versions, &release.Version{Notice: "n", ID: id, Effective: e})
		}
		var effs []model.Date
		for _, v := range l.Of("n") {
			effs = append(effs, v.Effective)
		}
		until := release.InForceUntil(effs)
		for d := -1; d <= 11; d++ {
			inForce, _ := l.Resolve("n", day(d))
			var want *release.Version
			for i, v := range l.Of("n") {
				if effs[i] <= day(d) && (until[i] == "" || day(d) < until[i]) {
					if want != nil {
						t.Fatalf("%v: two versions in force on %s", effs, day(d))
					}
					want = v
				}
			}
			if inForce != want {
				t.Fatalf("effective %v, until %v, day %s: Resolve gives %v, intervals %v", effs, until, day(d), inForce, want)
			}
		}
	}
}
