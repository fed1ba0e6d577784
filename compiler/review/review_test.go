package review_test

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/review"
)

const day model.Date = "2027-01-04"

// edited is the sample's data with each edit (file, old, new) made once.
func edited(t *testing.T, edits ...[3]string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(disclose.Sample, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		f := m["data/"+e[0]]
		if f == nil || !strings.Contains(string(f.Data), e[1]) {
			t.Fatalf("data/%s does not hold %q", e[0], e[1])
		}
		f.Data = []byte(strings.Replace(string(f.Data), e[1], e[2], 1))
	}
	return m
}

// tree compiles data as of day, beside the sample's releases.
func tree(t *testing.T, data fs.FS, l *release.Ledger) (*review.Tree, *model.Project, *compiler.Options) {
	t.Helper()
	opts := &compiler.Options{Date: day}
	proj, docs, diags := compiler.Compile(data, "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	snap, err := release.Snapshot(proj)
	if err != nil {
		t.Fatal(err)
	}
	return &review.Tree{Ledger: l, Store: release.Store{FS: os.DirFS("../..")}, Docs: docs, Snapshot: snap}, proj, opts
}

func input(t *testing.T, data fs.FS) review.Input {
	t.Helper()
	l, err := release.Read(os.DirFS("../.."), release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	head, proj, opts := tree(t, data, l)
	ropts := *opts
	ropts.LastUpdated = day
	return review.Input{
		AsOf:    day,
		Head:    *head,
		Compare: compiler.Changes,
		Release: release.Request{
			Released:   day,
			Notices:    head.Docs,
			Project:    proj,
			Load:       head.Store.Notice,
			LoadData:   head.Store.Data,
			Changes:    compiler.Changes,
			Relevant:   diff.For,
			NoticeDays: compiler.NoticeDays(compiler.Facts(proj, &ropts)),
			Checks:     compiler.ReleaseChecks(proj, &ropts),
		},
	}
}

// The review compares each notice with its latest release once: the
// release's assessment takes the changes the diffs found, and comes to
// what it would on its own.
func TestReviewComparesOnce(t *testing.T) {
	in := input(t, edited(t,
		[3]string{"categories.yaml", "period: 12 months", "period: 36 months"},
		[3]string{"organization.yaml", "email: privacy@helpwise.example", "email: privacy-team@helpwise.example"}))
	compares, assessCompares := 0, 0
	cmp := in.Compare
	in.Compare = func(a, b []byte) ([]change.Change, error) { compares++; return cmp(a, b) }
	in.Release.Changes = func(a, b []byte) ([]change.Change, error) { assessCompares++; return cmp(a, b) }
	r, err := review.Review(in)
	if err != nil {
		t.Fatal(err)
	}
	if compares != len(r.Notices) || assessCompares != 0 {
		t.Errorf("%d comparisons for %d notices, and the assessment made %d more", compares, len(r.Notices), assessCompares)
	}
	alone, err := release.Assess(in.Head.Ledger, in.Release)
	if err != nil {
		t.Fatal(err)
	}
	if assessCompares == 0 {
		t.Fatal("the assessment on its own compared nothing")
	}
	if r.Earliest != alone.Earliest || r.Earliest != day.AddDays(30) {
		t.Errorf("the review's earliest day is %s, the assessment's alone %s", r.Earliest, alone.Earliest)
	}
	periods := 0
	for _, n := range alone.Needs {
		if n.Changed && n.Last != nil && len(n.Material) > 0 {
			periods++
			if !slices.ContainsFunc(r.Periods, func(p review.Period) bool {
				return p.Notice == n.Notice && p.Days == n.Days && p.Material == len(n.Material)
			}) {
				t.Errorf("%s: the review's periods %+v lack %d material changes, %d days", n.Notice, r.Periods, len(n.Material), n.Days)
			}
		}
	}
	if periods == 0 || periods != len(r.Periods) {
		t.Errorf("the review has %d notice periods, the assessment %d", len(r.Periods), periods)
	}
	if r.Material() == 0 || !r.TextChanged() {
		t.Errorf("no material change or no text changed: %+v", r.Changes)
	}
	for _, nd := range r.Notices {
		if nd.TextChanged && (len(nd.Excerpts) == 0 || nd.Inserted == 0) {
			t.Errorf("%s: its text changed, but it has no redline", nd.Notice)
		}
	}
}

// Against main's draft, the pull request's own changes are those since
// main's draft; main's unreleased ones are listed apart; neither side
// makes a redline, which nothing reads.
func TestReviewAgainstMain(t *testing.T) {
	retention := [3]string{"categories.yaml", "period: 12 months", "period: 36 months"}
	email := [3]string{"organization.yaml", "email: privacy@helpwise.example", "email: privacy-team@helpwise.example"}
	in := input(t, edited(t, retention, email))
	main, _, _ := tree(t, edited(t, retention), in.Head.Ledger)
	in.Base, in.Main = in.Head.Ledger, main
	r, err := review.Review(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Material() != 0 || len(r.Main) == 0 || !r.Main[0].Material {
		t.Errorf("main's longer retention is not main's alone: own %+v, main %+v", r.Changes, r.Main)
	}
	if r.Reworded() == 0 {
		t.Error("the new email address changes no notice's wording")
	}
	for _, nd := range r.Own {
		if nd.Inserted+nd.Deleted > 0 || nd.Excerpts != nil {
			t.Errorf("%s: a redline against main", nd.Notice)
		}
	}
	for _, nd := range r.Notices {
		if nd.TextChanged && len(nd.Excerpts) == 0 {
			t.Errorf("%s: its text changed since its release, but it has no excerpt", nd.Notice)
		}
	}
}
