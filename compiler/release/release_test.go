package release_test

import (
	"strings"
	"testing"

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
