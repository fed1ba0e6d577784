package scaledata_test

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/internal/scaledata"
)

// ids lists the "  - id:" lines of the files whose paths start with prefix,
// in path order.
func ids(files map[string][]byte, prefix string) []string {
	var out []string
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		for _, l := range strings.Split(string(files[p]), "\n") {
			if id, ok := strings.CutPrefix(l, "  - id: "); ok {
				out = append(out, id)
			}
		}
	}
	return out
}

// The sizes asked for are written, every id once, the same items whether
// in one file or split, and the same bytes every time.
func TestFiles(t *testing.T) {
	one, err := scaledata.Files(scaledata.Options{Processors: 45, Purposes: 30, Categories: 25})
	if err != nil {
		t.Fatal(err)
	}
	split, err := scaledata.Files(scaledata.Options{Processors: 45, Purposes: 30, Categories: 25, PerFile: 10})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := scaledata.Files(scaledata.Options{Processors: 45, Purposes: 30, Categories: 25, PerFile: 10})
	if !maps.EqualFunc(split, again, bytes.Equal) {
		t.Error("two runs wrote different files")
	}
	for _, c := range []struct {
		file, dir string
		n         int
	}{{"data/processors.yaml", "data/processors/", 45}, {"data/purposes.yaml", "data/purposes/", 30}, {"data/categories.yaml", "data/categories/", 25}} {
		got := ids(one, c.file)
		if c.file == "data/categories.yaml" {
			got = got[:min(len(got), c.n)] // the retention: ids follow
		}
		if len(got) != c.n || len(slices.Compact(slices.Sorted(slices.Values(got)))) != c.n {
			t.Errorf("%s: %d ids, want %d distinct", c.file, len(got), c.n)
		}
		parts := ids(split, c.dir)
		if !slices.Equal(parts, got) {
			t.Errorf("%s split: ids %v, want %v", c.dir, parts, got)
		}
		if want := (c.n + 9) / 10; len(ids(split, c.dir+"0")) != c.n || split[c.dir+fmt.Sprintf("%04d.yaml", want)] == nil {
			t.Errorf("%s: want %d files of at most 10 items", c.dir, want)
		}
	}
	if _, ok := split["data/processors.yaml"]; ok {
		t.Error("data/processors.yaml still written when split (it holds only processors:)")
	}
	if !bytes.Contains(split["data/categories.yaml"], []byte("\nretention:\n")) {
		t.Error("the split categories.yaml lost its retention: section")
	}
	rev, _ := scaledata.Files(scaledata.Options{Revision: 3})
	if !bytes.Contains(rev["data/organization.yaml"], []byte("(Revision 3.) ")) {
		t.Error("revision 3 does not change the organisation's description")
	}
}
