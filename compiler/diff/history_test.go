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
	"github.com/disclose-dev/disclose/compiler/change"
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
			cs, err := compiler.Changes(vs[i-1].data, vs[i].data)
			if err != nil {
				t.Fatal(err)
			}
			cs = diff.For(cs, vs[i-1].doc, vs[i].doc)
			fmt.Fprintf(&b, "## %s %s -> %s: %s\n", id, vs[i-1].id, vs[i].id, change.Summary(cs))
			for _, c := range cs {
				fmt.Fprintf(&b, "- [%v] %s (%s)\n", map[bool]string{true: "material", false: "minor"}[c.Material], c.Sentence, c.Reason)
			}
		}
	}
	return b.String()
}

// The sample's history: each notice's changelog lists only what its text
// uses (the California notice names no transfer tool, the sub-processor
// list only processors and their safeguards), a replaced transfer tool is
// one change naming both tools, and names keep their case.
func TestSampleHistory(t *testing.T) {
	h := history(t)
	for _, line := range strings.Split(h, "\n") {
		switch {
		case strings.HasPrefix(line, "## california") && strings.Contains(line, "transfer"):
			t.Errorf("California lists a transfer: %s", line)
		case strings.Contains(line, "(transfer safeguard replaced)") && !strings.Contains(line, " instead of "):
			t.Errorf("a replacement names one tool: %s", line)
		case strings.Contains(line, "european") || strings.Contains(line, "words inserted"):
			t.Errorf("case lost: %s", line)
		}
	}
	sections := strings.Split(h, "## ")
	for _, s := range sections {
		switch {
		case strings.HasPrefix(s, "california"):
			if strings.Contains(s, "Transfers of data") || strings.Contains(s, "sub-processor") {
				t.Errorf("California changelog:\n%s", s)
			}
		case strings.HasPrefix(s, "subprocessors"):
			for _, line := range strings.Split(strings.TrimSpace(s), "\n")[1:] {
				// The list names each sub-processor's purposes, so a new
				// purpose one of them serves is a change to its text too.
				if !strings.Contains(line, "sub-processor") && !strings.Contains(line, "Sub-processor") && !strings.Contains(line, "now rely on") && !strings.Contains(line, "New purpose: Use generative AI") {
					t.Errorf("sub-processor changelog lists %s", line)
				}
			}
		case strings.HasPrefix(s, "eu 2018-05-25"):
			if strings.Count(s, "Privacy Shield") != 1 || strings.Contains(s, "Personal data now goes to the United States") {
				t.Errorf("the Privacy Shield's replacement:\n%s", s)
			}
		}
	}
	if !strings.Contains(h, "New sub-processor: Mollie (European payment methods") {
		t.Errorf("the service's case:\n%s", h)
	}
}
