package jurisdiction_test

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/global"
)

// TestDeclaredKeysExist walks the requirements of every registered pack
// (global and subprocessors among them) and fails when a declarative rule
// names a key that is not a field of its items, their own or an
// extension's of a registered pack: a misspelt key would otherwise make a
// condition silently false.
func TestDeclaredKeysExist(t *testing.T) {
	exts := compiler.Extensions()
	for _, j := range compiler.DefaultJurisdictions() {
		for _, q := range j.Requirements() {
			if err := q.Validate(exts); err != nil {
				t.Errorf("%s: %v", j.ID(), err)
			}
			for _, e := range q.Each {
				if !e.Defined.IsValid() || strings.HasPrefix(e.Defined.File, "/") || !strings.HasPrefix(e.Defined.File, "compiler/jurisdiction/"+j.ID()+"/") {
					t.Errorf("%s: %s: Defined = %v, want a repository-relative position in the pack's own package (use jurisdiction.ForEach)", j.ID(), q.ID, e.Defined)
				}
			}
		}
	}
}

// The global pack's conditions are generated from its declarative rules.
func TestGlobalConditions(t *testing.T) {
	want := map[string]string{
		"GLB-03":            "",
		"GLB-08":            "when processors is not empty",
		"GLB-09":            "for each purpose, when california.sells is not given; for each purpose, when california.shares is not given (shares only from 2023-01-01)",
		"CALOPPA-22575-b-5": "when cookies.do_not_track.honored is yes",
		"GLB-16":            "when children.directed_to_children is yes",
		"GLB-14":            "data leaves the country it was collected in", // structural, in words
	}
	for _, q := range global.New().Requirements() {
		w, ok := want[q.ID]
		if !ok {
			continue
		}
		if got := q.Condition(); got != w {
			t.Errorf("%s: Condition() = %q, want %q", q.ID, got, w)
		}
		if len(q.Each) > 0 && (q.When != "" || q.Check != nil) {
			t.Errorf("%s: a declarative rule states its condition once, without When or Check", q.ID)
		}
		delete(want, q.ID)
	}
	for id := range want {
		t.Errorf("global has no requirement %s", id)
	}
}
