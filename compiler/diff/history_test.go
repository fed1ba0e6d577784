package diff_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// released reads the sample's released versions: per notice, its versions
// in order, each with its frozen notice and data snapshot.
type version struct {
	id   string
	doc  *notice.Document
	data []byte
}

func released(t *testing.T) map[string][]version {
	t.Helper()
	root := filepath.Join("..", "..", "releases")
	dirs, err := filepath.Glob(filepath.Join(root, "*", "*", "data.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no releases: %v", err)
	}
	sort.Strings(dirs)
	out := map[string][]version{}
	for _, p := range dirs {
		dir := filepath.Dir(p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "notice.json"))
		if err != nil {
			t.Fatal(err)
		}
		var doc notice.Document
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(filepath.Dir(dir))
		out[id] = append(out[id], version{filepath.Base(dir), &doc, data})
	}
	return out
}

func history(t *testing.T) string {
	var b strings.Builder
	rel := released(t)
	var ids []string
	for id := range rel {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		vs := rel[id]
		for i := 1; i < len(vs); i++ {
			cs, err := diff.Changes(vs[i-1].data, vs[i].data, compiler.DiffOptions())
			if err != nil {
				t.Fatal(err)
			}
			cs = diff.For(cs, vs[i-1].doc, vs[i].doc)
			fmt.Fprintf(&b, "## %s %s -> %s: %s\n", id, vs[i-1].id, vs[i].id, diff.Summary(cs))
			for _, c := range cs {
				fmt.Fprintf(&b, "- [%v] %s (%s)\n", map[bool]string{true: "material", false: "minor"}[c.Material], c.Sentence, c.Reason)
			}
		}
	}
	return b.String()
}

func TestTmpHistory(t *testing.T) { t.Log("\n" + history(t)) }
