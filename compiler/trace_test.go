package compiler_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Every section a pack writes says where its text comes from: the data it
// uses or the rule that requires it (notice.Trace), in the sample and in
// every example as of its own date, so `disclose explain` can show it and
// no section is published from nothing.
func TestEverySectionHasATrace(t *testing.T) {
	sets := []struct {
		name string
		dir  string
		day  model.Date
	}{{"sample", "", "2026-11-23"}}
	for dir, day := range map[string]model.Date{"desk-2012": "2012-11-05", "deskpro-2018": "2018-05-25", "onedesk-2020": "2020-12-12"} {
		sets = append(sets, struct {
			name string
			dir  string
			day  model.Date
		}{dir, filepath.Join("..", "examples", dir), day})
	}
	for _, set := range sets {
		var fsys fs.FS = disclose.Sample
		if set.dir != "" {
			fsys = os.DirFS(set.dir)
		}
		_, docs, diags := compiler.Compile(fsys, "data", &compiler.Options{Date: set.day})
		if diags.HasErrors() {
			t.Fatalf("%s: %v", set.name, diags)
		}
		if len(docs) == 0 {
			t.Fatalf("%s: no notices", set.name)
		}
		for _, d := range docs {
			d.Walk(func(s *notice.Section, _ int) {
				if len(s.Trace.Paths) == 0 && len(s.Trace.Rules) == 0 {
					t.Errorf("%s: %s#%s (%s) has no trace", set.name, d.ID, s.ID, s.Title)
				}
			})
		}
	}
}
