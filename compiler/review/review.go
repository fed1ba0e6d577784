// Package review works out what a pull request changes for the readers of
// a project's notices: every notice's diff from its latest release to the
// draft (Diff, which disclose diff prints too), each change once with the
// notices it affects, material ones first, what a release of them made on
// the day needs (release.Assess, the rule release.Plan refuses by), the
// redline excerpts of each changed section and, against the base branch's
// draft, which changes are the pull request's own and which main carries
// already.
//
// It compiles nothing and knows no law: the caller gives it the notices
// compiled from each side's data, the comparison of two data snapshots
// (compiler.Changes, which asks the rule packs) and the release request
// (its notice periods and checks from the packs). It never prints:
// cmd/disclose writes the comment and talks to GitHub.
package review

import (
	"slices"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
)

// Input is what a review compares.
type Input struct {
	// AsOf is the day of the review, on which the release it advises on
	// would be made.
	AsOf model.Date
	// Head is the pull request's tree: its ledger, frozen files and draft.
	Head Tree
	// From is the version to compare each notice from ("": its latest
	// released version).
	From string
	// Base is the ledger the pull request started from (main's), nil when
	// not known: the versions the pull request releases itself are then
	// reviewed too (Diff's base), and the release is assessed against it.
	Base *release.Ledger
	// Main is the base branch's tree (its ledger Base, its frozen files and
	// its draft), nil when not given or when its data does not compile:
	// then every change is the pull request's own.
	Main *Tree
	// Compare compares two data snapshots (compiler.Changes).
	Compare change.Compare
	// Release is the request a release of the draft made on AsOf would
	// make (Released AsOf, Notices Head.Docs), with the rule packs' notice
	// periods and checks. Assess judges it; its Compared is set here.
	Release release.Request
}

// Result is what a pull request changes for readers, and what a release
// of it needs.
type Result struct {
	AsOf    model.Date
	Notices []NoticeDiff
	// Changes are the changes that need sign-off, each once with the
	// notices it affects, material ones first: every notice's (Notices),
	// or with Main the pull request's own (Own).
	Changes []Change
	// Main are the changes main carries, merged and not yet released
	// (Input.Main): listed, not judged; Own the diffs of the pull request's
	// own changes, against main's draft (their changes, and whether each
	// notice's text changes; no redline).
	Main []Change
	Own  []NoticeDiff
	// Periods are the notice periods the material changes need, by notice;
	// First the titles of the notices a release would publish for the first
	// time; and Earliest the first day a release made on AsOf can take
	// effect (zero: nothing to release), or Refused why even that day
	// cannot (all from release.Assess, the rule disclose release enforces).
	Periods  []Period
	First    []string
	Earliest model.Date
	Refused  error
	// Releases is whether the pull request releases versions itself.
	Releases bool
}

// Change is one change and the notices it affects.
type Change struct {
	change.Change
	Notices []string // titles
}

// Period is the notice a notice's readers get of its material changes.
type Period struct {
	Notice, Title  string
	Days, Material int
}

// Review compares the pull request's draft with the versions it started
// from (and with main's draft, given Input.Main) and assesses its release.
// The error is a frozen file that could not be read, released history that
// was rewritten, or a comparison's; there is no partial result.
func Review(in Input) (*Result, error) {
	nds, err := diffs(&in.Head, in.From, Draft, in.Base, in.Compare, true)
	if err != nil {
		return nil, err
	}
	l := in.Base
	if l == nil {
		l = in.Head.Ledger
	}
	req := in.Release
	req.Compared = compared(nds)
	a, err := release.Assess(l, req)
	if err != nil {
		return nil, err
	}
	var own, main []NoticeDiff
	if in.Main != nil {
		if own, main, err = against(in.Main, &in.Head, in.Compare); err != nil {
			return nil, err
		}
	}
	r := &Result{AsOf: in.AsOf, Notices: nds, Earliest: a.Earliest, Refused: a.Refused}
	titles := map[string]string{}
	for _, nd := range nds {
		titles[nd.Notice] = nd.Title
		r.Releases = r.Releases || len(nd.Released) > 0
	}
	for _, n := range a.Needs {
		switch {
		case n.Changed && n.Last == nil:
			r.First = append(r.First, titles[n.Notice])
		case n.Changed && len(n.Material) > 0:
			r.Periods = append(r.Periods, Period{Notice: n.Notice, Title: titles[n.Notice], Days: n.Days, Material: len(n.Material)})
		}
	}
	if in.Main != nil {
		r.Changes, r.Main, r.Own = merged(own), merged(main), own
	} else {
		r.Changes = merged(nds)
	}
	return r, nil
}

// compared gives release.Assess the changes the diffs nds found from a
// notice's version to its draft, so it does not compare them again.
func compared(nds []NoticeDiff) func(*release.Version, *notice.Document) ([]change.Change, bool) {
	return func(last *release.Version, d *notice.Document) ([]change.Change, bool) {
		for _, nd := range nds {
			if nd.Notice == last.Notice && nd.From == last.ID && nd.draft != nil && nd.draft == d {
				return nd.Changes, true
			}
		}
		return nil, false
	}
}

// against compares the pull request's draft (head) with main's: its own
// changes (main's draft to the pull request's) and main's unreleased ones
// (main's releases to its draft). Only their changes and whether each text
// changes are read: no redline is made.
func against(main, head *Tree, compare change.Compare) (own, unreleased []NoticeDiff, err error) {
	unreleased, err = diffs(main, "", Draft, nil, compare, false)
	if err != nil {
		return nil, nil, err
	}
	byID := func(ds []*notice.Document, id string) *notice.Document {
		for _, d := range ds {
			if d.ID == id {
				return d
			}
		}
		return nil
	}
	var ids []string
	for _, d := range append(slices.Clone(head.Docs), main.Docs...) {
		if !slices.Contains(ids, d.ID) {
			ids = append(ids, d.ID)
		}
	}
	for _, id := range ids {
		nd := NoticeDiff{Notice: id, From: "main", To: Draft}
		if err := nd.compare(byID(main.Docs, id), main.Snapshot, byID(head.Docs, id), head.Snapshot, compare, false); err != nil {
			return nil, nil, err
		}
		own = append(own, nd)
	}
	return own, unreleased, nil
}

// changeKey is what makes two notices' changes the same change.
type changeKey struct {
	area, sentence string
	reason         change.Reason
	material       bool
}

func keyOf(c change.Change) changeKey { return changeKey{c.Area, c.Sentence, c.Reason, c.Material} }

// merged is the changes of the notices' diffs, each change once with the
// notices it affects, material ones first.
func merged(nds []NoticeDiff) []Change {
	var out []Change
	at := map[changeKey]int{}
	for _, nd := range nds {
		for _, c := range nd.Changes {
			k := keyOf(c)
			i, ok := at[k]
			if !ok {
				i = len(out)
				at[k] = i
				out = append(out, Change{Change: c})
			}
			if !slices.Contains(out[i].Notices, nd.Title) {
				out[i].Notices = append(out[i].Notices, nd.Title)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		switch {
		case a.Material == b.Material:
			return 0
		case a.Material:
			return -1
		}
		return 1
	})
	return out
}

// Material returns the number of material changes the pull request makes
// (those main carries already are not its own).
func (r *Result) Material() int {
	n := 0
	for _, c := range r.Changes {
		if c.Material {
			n++
		}
	}
	return n
}

// TextChanged is whether any notice's text changes.
func (r *Result) TextChanged() bool {
	for _, nd := range r.Notices {
		if nd.TextChanged {
			return true
		}
	}
	return false
}

// Reworded returns the number of notices whose wording the pull request
// itself changes (Own, with Main).
func (r *Result) Reworded() int {
	own := r.Notices
	if r.Own != nil {
		own = r.Own
	}
	n := 0
	for _, nd := range own {
		if nd.TextChanged {
			n++
		}
	}
	return n
}
