package site_test

import (
	"os"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/site"
)

// countingStore counts the data snapshots read.
type countingStore struct {
	dirStore
	data *atomic.Int64
}

func (s countingStore) Data(v *release.Version) ([]byte, error) {
	s.data.Add(1)
	return s.dirStore.Data(v)
}

// The comparisons of frozen versions are made once: a second Notices with
// the same cache reads no data snapshot, and gives the same changes and
// redlines as Notices without a cache.
func TestHistoryKeptOnce(t *testing.T) {
	repo := os.DirFS("../..")
	l, err := release.Read(repo, release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	want, err := site.Notices(nil, l, dirStore{repo}, "2026-11-23", false, compiler.Changes, "")
	if err != nil {
		t.Fatal(err)
	}
	for run, wantReads := range []func(int64) bool{func(n int64) bool { return n > 0 }, func(n int64) bool { return n == 0 }} {
		var reads atomic.Int64
		got, err := site.Notices(nil, l, countingStore{dirStore{repo}, &reads}, "2026-11-23", false, compiler.Changes, cache)
		if err != nil {
			t.Fatal(err)
		}
		if !wantReads(reads.Load()) {
			t.Errorf("run %d read %d data snapshots", run, reads.Load())
		}
		compared := 0
		for i, n := range got {
			for j, v := range n.Versions {
				w := want[i].Versions[j]
				if !reflect.DeepEqual(v.Changes, w.Changes) || !reflect.DeepEqual(v.Redline, w.Redline) {
					t.Errorf("run %d: %s %s: the kept comparison differs from a new one", run, n.ID, v.Version)
				}
				if v.Previous != nil {
					compared++
				}
			}
		}
		if compared < 10 {
			t.Fatalf("only %d comparisons", compared)
		}
	}
}
