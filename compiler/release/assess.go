package release

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// A Need is what a release asks of one notice: whether it adds a version
// of it, and the notice its readers must be given first. Plan refuses a
// release that does not meet the needs, and Assess says what they are
// before anyone runs it (the pull-request review), by the same rule.
type Need struct {
	Notice string
	// Last is the notice's latest version; nil when it was never released:
	// its first version may take effect on the day it is released.
	Last *Version
	// Changed is whether a release adds a version: the notice's text
	// differs from Last's, the notice is new, or it is forced.
	Changed bool
	// Material are the material changes since Last that readers of the
	// notice are told of (Request.Relevant), which need Days' notice.
	Material []change.Change
	Days     int
}

// NotBefore is the first day a release made on released may take effect
// for this notice: versions take effect in order, and material changes
// after their notice period.
func (n *Need) NotBefore(released model.Date) model.Date {
	day := released
	if n.Last != nil {
		day = max(day, n.Last.Effective)
	}
	if n.Changed && len(n.Material) > 0 {
		day = max(day, released.AddDays(n.Days))
	}
	return day
}

// An Assessment is what a release made on Request.Released would do.
type Assessment struct {
	// Needs are the needs of every notice of the request, in its order.
	Needs []Need
	// Earliest is the first effective day Plan accepts; zero when no
	// notice would change.
	Earliest model.Date
	// Refused is why Plan would refuse even Earliest (a rule pack's check
	// of the release, such as a purpose first used before that day); nil
	// when it accepts it.
	Refused error
}

// Assess works out, without releasing anything, what a release of
// req.Notices made on req.Released needs: the notices it would add a
// version of, the notice periods of their material changes, and the
// earliest day it can take effect (req.Effective is not used).
func Assess(l *Ledger, req Request) (*Assessment, error) {
	if !req.Released.Valid() {
		return nil, fmt.Errorf("dates must be YYYY-MM-DD")
	}
	// Assess only reads: a legacy ledger (not yet migrated) is assessed
	// as it stands, each frozen file still held to its hash as it is read.
	if err := l.usable(); err != nil && l.Format == Format {
		return nil, err
	}
	snapshot, err := Snapshot(req.Project)
	if err != nil {
		return nil, err
	}
	r := newReader(req)
	needs, err := r.needs(l, &req, snapshot)
	if err != nil {
		return nil, err
	}
	a := &Assessment{Needs: needs}
	changed := false
	for i := range needs {
		if needs[i].Changed {
			changed = true
		}
		a.Earliest = max(a.Earliest, needs[i].NotBefore(req.Released))
	}
	if !changed {
		a.Earliest = ""
		return a, nil
	}
	a.Refused, err = r.checks(l, &req, a.Earliest)
	return a, err
}

// reader reads the frozen data of versions once, for the notice periods
// and for the packs' checks.
type reader struct {
	req    Request
	loaded map[*Version][]byte
}

func newReader(req Request) *reader { return &reader{req: req, loaded: map[*Version][]byte{}} }

func (r *reader) data(v *Version) ([]byte, error) {
	if b, ok := r.loaded[v]; ok {
		return b, nil
	}
	b, err := r.req.LoadData(v)
	if err == nil {
		r.loaded[v] = b
	}
	return b, err
}

// needs is the need of every notice of req, in its order.
func (r *reader) needs(l *Ledger, req *Request, snapshot []byte) ([]Need, error) {
	var out []Need
	for _, d := range req.Notices {
		n := Need{Notice: d.ID, Changed: true}
		past := l.Of(d.ID)
		if len(past) == 0 {
			out = append(out, n)
			continue
		}
		n.Last = past[len(past)-1]
		prev, err := req.Load(n.Last)
		if err != nil {
			return nil, err
		}
		n.Changed = !SameText(prev, d) || slices.Contains(req.Force, d.ID)
		if n.Changed && req.LoadData != nil {
			cs, err := r.relevant(n.Last, prev, d, snapshot)
			if err != nil {
				return nil, err
			}
			if n.Material = change.Material(cs); len(n.Material) > 0 {
				n.Days = noticeDays(req, d.ID)
			}
		}
		out = append(out, n)
	}
	return out, nil
}

// relevant returns the changes from last (its notice prev) to the notice
// d, compiled from the data snapshot, that d's readers are told of: as the
// caller compared them (Request.Compared), or compared here.
func (r *reader) relevant(last *Version, prev, d *notice.Document, snapshot []byte) ([]change.Change, error) {
	if r.req.Compared != nil {
		if cs, ok := r.req.Compared(last, d); ok {
			return cs, nil
		}
	}
	old, err := r.data(last)
	if err != nil {
		return nil, err
	}
	if r.req.Changes == nil {
		return nil, fmt.Errorf("release: no way to compare versions (Request.Changes)")
	}
	cs, err := r.req.Changes(old, snapshot)
	if err != nil {
		return nil, err
	}
	if r.req.Relevant != nil {
		cs = r.req.Relevant(cs, prev, d)
	}
	return cs, nil
}

// checks runs the rule packs' checks of a release taking effect on
// effective, each against its notice's latest version. The refusal is
// the first check's answer that is not nil; err is a frozen file that
// could not be read.
func (r *reader) checks(l *Ledger, req *Request, effective model.Date) (refused, err error) {
	for _, id := range sortedKeys(req.Checks) {
		var last []byte
		if past := l.Of(id); len(past) > 0 && req.LoadData != nil {
			if last, err = r.data(past[len(past)-1]); err != nil {
				return nil, err
			}
		}
		if refused = req.Checks[id](req.Released, effective, last); refused != nil {
			return refused, nil
		}
	}
	return nil, nil
}

// SameText reports whether two versions of a notice read the same in
// every language: the same languages, each with the same text. A release
// adds a version exactly when they do not.
func SameText(a, b *notice.Document) bool {
	if !bytes.Equal(Text(a), Text(b)) || len(a.Translations) != len(b.Translations) {
		return false
	}
	for i, t := range a.Translations {
		if u := b.Translations[i]; t.Language != u.Language || !bytes.Equal(Text(t), Text(u)) {
			return false
		}
	}
	return true
}
