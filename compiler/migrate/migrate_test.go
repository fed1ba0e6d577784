package migrate_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/migrate"
)

const url = "https://disclose.dev/schema/v1/disclose.schema.json"

func TestModelines(t *testing.T) {
	fsys := fstest.MapFS{
		"data/old.yaml":      {Data: []byte("# yaml-language-server: $schema=../schema/disclose.schema.json\n#\n# Our purposes.\npurposes: []\n")},
		"data/crlf.yaml":     {Data: []byte("#yaml-language-server:  $schema=https://example.com/disclose.schema.json\r\nx: 1\r\n")},
		"data/current.yaml":  {Data: []byte(migrate.Modeline(url) + "\nx: 1\n")},
		"data/none.yaml":     {Data: []byte("# no modeline\nx: 1\n")},
		"data/other.yaml":    {Data: []byte("# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\n")},
		"data/sub/deep.yml":  {Data: []byte("x: 1\n# yaml-language-server: $schema=../../schema/disclose.schema.json\n")},
		"data/notes.txt":     {Data: []byte("# yaml-language-server: $schema=../schema/disclose.schema.json\n")},
		"elsewhere/out.yaml": {Data: []byte("# yaml-language-server: $schema=../schema/disclose.schema.json\n")},
	}
	out, stale, err := migrate.Modelines(fsys, "data", url)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"data/old.yaml":     migrate.Modeline(url) + "\n#\n# Our purposes.\npurposes: []\n",
		"data/crlf.yaml":    migrate.Modeline(url) + "\r\nx: 1\r\n",
		"data/sub/deep.yml": "x: 1\n" + migrate.Modeline(url) + "\n",
	}
	if len(out) != len(want) {
		t.Errorf("rewrote %d files, want %d: %v", len(out), len(want), keys(out))
	}
	for name, w := range want {
		if got := string(out[name]); got != w {
			t.Errorf("%s:\n%q\nwant\n%q", name, got, w)
		}
	}
	if len(stale) != 3 || stale[0].File != "data/crlf.yaml" || stale[2].File != "data/sub/deep.yml" || stale[2].Line != 2 {
		t.Errorf("stale %+v", stale)
	}
	ds := migrate.Diagnostics(stale, url)
	if len(ds) != 3 || ds[0].Severity != diag.Warning || !strings.Contains(ds[0].Hint, "disclose migrate") || ds[1].Pos.String() != "data/old.yaml:1:1" {
		t.Errorf("diagnostics %v", ds)
	}
	// Migrated files are current: a second run changes nothing.
	for name, b := range out {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	if again, stale, err := migrate.Modelines(fsys, "data", url); err != nil || len(again) != 0 || len(stale) != 0 {
		t.Errorf("second run: %v %v %v", keys(again), stale, err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
