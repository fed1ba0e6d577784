package compiler_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/site"
)

// A snapshot decodes back into the typed model, the packs' keys into their
// extensions, and snapshots again to the same bytes: the sample's data and
// every data.json ever released (which diffs compare as typed data).
func TestSnapshotsRoundTrip(t *testing.T) {
	proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	sample, err := release.Snapshot(proj)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "releases", "*", "*", "data.json"))
	if len(files) < 8 {
		t.Fatalf("found %d released snapshots", len(files))
	}
	snaps := map[string][]byte{"sample": sample}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		snaps[f] = b
	}
	for name, b := range snaps {
		p, err := release.Decode(b, compiler.Extensions())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		again, err := release.Snapshot(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, b) {
			t.Errorf("%s: snapshot of the decoded snapshot differs", name)
		}
		if name == "sample" {
			// The decoded snapshot holds what the loaded data holds.
			if cs := compiler.ChangesOf(proj, p, nil); len(cs) != 0 {
				t.Errorf("the decoded sample differs from the loaded one: %v", cs)
			}
		}
	}
}

// A key neither the model nor a pack declares is an error naming it, never
// dropped, so no change hides behind a misspelling.
func TestSnapshotUnknownKey(t *testing.T) {
	for src, want := range map[string]string{
		`{"purposes": [{"id": "a", "legal_base": ["consent"]}]}`: `purposes[0]: unknown key "legal_base"`,
		`{"california": {"sels": "yes"}}`:                        `california: unknown key "sels"`,
		`{"children": {"minimum_age": "16"}}`:                    `children.minimum_age: unexpected string`,
	} {
		_, err := release.Decode([]byte(src), compiler.Extensions())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", src, err, want)
		}
		if _, err := compiler.Changes([]byte(src), []byte("{}")); err == nil {
			t.Errorf("%s: Changes accepted it", src)
		}
	}
}

// BenchmarkSampleHistory assembles what the site shows of every notice of
// the sample's history: each version's changes against the one before,
// for every notice (the notices of one release share their snapshot).
func BenchmarkSampleHistory(b *testing.B) {
	project := os.DirFS("..")
	l, err := release.Read(project, release.Dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name    string
		compare func() change.Compare
	}{
		{"one comparer per build", func() change.Compare { return compiler.NewComparer().Changes }},
		{"each pair on its own", func() change.Compare { return compiler.Changes }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := site.Notices(nil, l, release.Store{FS: project}, "2026-11-23", false, bc.compare(), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
