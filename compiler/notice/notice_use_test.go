package notice_test

import (
	"slices"
	"testing"

	"github.com/disclose-dev/disclose/compiler/notice"
)

// Use drops duplicates, also after Trace.Paths was set some other way.
func TestUseAfterPathsReplaced(t *testing.T) {
	s := &notice.Section{}
	s.Use("a", "b", "a")
	if !slices.Equal(s.Trace.Paths, []string{"a", "b"}) {
		t.Fatalf("Use: %v", s.Trace.Paths)
	}
	s.Trace.Paths = []string{"b", "c"}
	s.Use("a", "b", "c")
	if !slices.Equal(s.Trace.Paths, []string{"b", "c", "a"}) {
		t.Errorf("Use after Trace.Paths was replaced: %v", s.Trace.Paths)
	}
}
