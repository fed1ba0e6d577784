package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
)

// A Tree is one side of a comparison: a project's released versions (its
// ledger, and the store of their frozen files) and its draft (the notices
// compiled from its data, and the data's snapshot, release.Snapshot).
type Tree struct {
	Ledger   *release.Ledger
	Store    release.Store
	Docs     []*notice.Document
	Snapshot []byte
}

// NoticeDiff is what changed in one notice between two versions.
type NoticeDiff struct {
	Notice   string          `json:"notice"`
	Title    string          `json:"title"`
	From     string          `json:"from"`
	To       string          `json:"to"`
	Changes  []change.Change `json:"changes"`
	Material int             `json:"material"`
	// TextChanged reports whether the notice's text changed at all.
	TextChanged bool `json:"text_changed"`
	// Inserted and Deleted count the words of the text's redline.
	Inserted int `json:"words_inserted"`
	Deleted  int `json:"words_deleted"`
	// Released are the versions released since the base ledger (Diff's
	// base): those the pull request adds.
	Released []*release.Version `json:"-"`
	// Excerpts are the text's changes by section (diff.Excerpts), for a
	// pull-request comment.
	Excerpts []diff.Excerpt `json:"-"`

	// draft is the compiled notice compared to, when To is the draft.
	draft *notice.Document
}

// Draft names the draft as a version: the notices compiled from the data.
const Draft = "draft"

// Diff compares, for every notice of t compiled (t.Docs) or released, two
// versions: from and to name versions of t.Ledger, "" (from) each
// notice's latest released one and Draft (to: also "") the draft. compare
// compares two data snapshots (compiler.Changes, which asks the rule
// packs for the changes of their data).
//
// base, when given, is the ledger the pull request started from: from ""
// then means each notice's latest version in base, and the versions the
// pull request released itself are listed in Released, so a pull request
// that changes the data and releases it is reviewed against what it
// started from.
//
// A notice with no version on either side is left out. The error is a
// frozen file that could not be read, a version of base missing from
// t.Ledger, or compare's.
func Diff(t *Tree, from, to string, base *release.Ledger, compare change.Compare) ([]NoticeDiff, error) {
	return diffs(t, from, to, base, compare, true)
}

// diffs is Diff, with the texts' redlines (the words inserted and deleted,
// the excerpts) only when redline is set.
func diffs(t *Tree, from, to string, base *release.Ledger, compare change.Compare, redline bool) ([]NoticeDiff, error) {
	l := t.Ledger
	// side returns a notice's text and data at a version ("" means the
	// latest release, Draft the compiled data).
	side := func(id, version string) (doc *notice.Document, data []byte, name string, err error) {
		if version == Draft {
			for _, d := range t.Docs {
				if d.ID == id {
					return d, t.Snapshot, Draft, nil
				}
			}
			return nil, nil, Draft, nil
		}
		var v *release.Version
		switch {
		case version == "" && base != nil:
			// The latest version the pull request started from: its files
			// are in the tree, since history only grows.
			if all := base.Of(id); len(all) > 0 {
				for _, x := range l.Of(id) {
					if x.ID == all[len(all)-1].ID {
						v = x
					}
				}
				if v == nil {
					return nil, nil, "", fmt.Errorf("the base ledger's %s version %s is not in %s: was released history rewritten?", id, all[len(all)-1].ID, release.Dir)
				}
			}
		case version == "":
			// The latest release (the version in force, or the upcoming
			// one already announced), which the draft builds on.
			if all := l.Of(id); len(all) > 0 {
				v = all[len(all)-1]
			}
		default:
			for _, x := range l.Of(id) {
				if x.ID == version {
					v = x
				}
			}
		}
		if v == nil {
			return nil, nil, version, nil
		}
		doc, err = t.Store.Notice(v)
		if err != nil {
			return nil, nil, "", err
		}
		data, err = t.Store.Data(v)
		return doc, data, v.ID, err
	}
	var ids []string
	for _, d := range t.Docs {
		ids = append(ids, d.ID)
	}
	for _, id := range l.Notices() {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if to == "" {
		to = Draft
	}
	var out []NoticeDiff
	for _, id := range ids {
		a, adata, aname, err := side(id, from)
		if err != nil {
			return nil, err
		}
		b, bdata, bname, err := side(id, to)
		if err != nil {
			return nil, err
		}
		if a == nil && b == nil {
			continue
		}
		nd := NoticeDiff{Notice: id, From: aname, To: bname}
		if base != nil {
			for _, v := range l.Of(id) {
				if !slices.ContainsFunc(base.Of(id), func(b *release.Version) bool { return b.ID == v.ID }) {
					nd.Released = append(nd.Released, v)
				}
			}
		}
		if aname == "" {
			nd.From = "nothing released"
		}
		if bname == Draft {
			nd.draft = b
		}
		if err := nd.compare(a, adata, b, bdata, compare, redline); err != nil {
			return nil, err
		}
		out = append(out, nd)
	}
	return out, nil
}

// compare fills nd with what changes from one side (a notice and its data
// snapshot; nil when the side has none) to the other: the changes its
// readers are told of (diff.For), whether its text changed, and, with
// redline, the text's redline (the words inserted and deleted, and the
// excerpts).
func (nd *NoticeDiff) compare(a *notice.Document, adata []byte, b *notice.Document, bdata []byte, compare change.Compare, redline bool) error {
	var aText, bText string
	if a != nil {
		nd.Title, aText = a.Title, render.Plain(a)
	}
	if b != nil {
		nd.Title, bText = b.Title, render.Plain(b)
	}
	if adata == nil {
		adata = []byte("{}")
	}
	if bdata == nil {
		bdata = []byte("{}")
	}
	cs, err := compare(adata, bdata)
	if err != nil {
		return err
	}
	nd.Changes = diff.For(cs, a, b)
	nd.Material = len(change.Material(nd.Changes))
	// A change of another language's text alone is a change of the text,
	// by the rule a release adds a version by (release.SameText).
	translated := a != nil && b != nil && aText == bText && !release.SameText(a, b)
	if !redline {
		// A redline has an insertion or a deletion exactly when the texts
		// differ (diff.Redline).
		nd.TextChanged = aText != bText || translated
		return nil
	}
	ops := diff.Redline(aText, bText)
	for _, op := range ops {
		n := len(strings.Fields(op.Text))
		switch op.Kind {
		case diff.Insert:
			nd.Inserted += n
			nd.TextChanged = true
		case diff.Delete:
			nd.Deleted += n
			nd.TextChanged = true
		}
	}
	if nd.TextChanged {
		nd.Excerpts = diff.Excerpts(diff.Blocks(ops), diff.ExcerptOptions{})
	}
	nd.TextChanged = nd.TextChanged || translated
	return nil
}
