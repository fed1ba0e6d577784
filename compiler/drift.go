package compiler

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
)

// JudgeReleased judges the released versions of each notice that readers
// are shown on day, the version in force and the upcoming one, against
// the law of the date they are read on (the version in force on day, the
// upcoming one on its effective date): only the requirements whose answer
// can change with the date alone (jurisdiction.Requirement.Drift: a
// framework invalidated, an adequacy decision lapsed, clauses repealed, a
// California notice over 12 months old). A version lawful when it was
// released may not be lawful today; each finding is positioned at the
// version's frozen data.json, says which version it is about, and names
// its item in that version's data.
func JudgeReleased(project fs.FS, l *release.Ledger, day model.Date, opts *Options) diag.List {
	return judgeReleased(project, l, day, opts, NewComparer())
}

func judgeReleased(project fs.FS, l *release.Ledger, day model.Date, opts *Options, cmp *Comparer) diag.List {
	ref, _ := Reference()
	store := release.Store{FS: project}
	var out diag.List
	for _, j := range opts.jurisdictions() {
		id := j.ID()
		// An update counts when it is released, even if it takes effect
		// later (as Publish counts it).
		var released model.Date
		for _, v := range l.Of(id) {
			if v.Released <= day && v.Released > released {
				released = v.Released
			}
		}
		inForce, upcoming := l.Resolve(id, day)
		for _, v := range []*release.Version{inForce, upcoming} {
			if v == nil {
				continue
			}
			data, err := store.Data(v)
			file := path.Join(release.Dir, v.Folder(), "data.json")
			if err != nil {
				out.Add(diag.Pos{File: file}, "", "cannot read the data of %s version %s: %v", id, v.ID, err)
				continue
			}
			decoded, err := cmp.Decode(data)
			if err != nil {
				out.Add(diag.Pos{File: file}, "", "cannot read the data of %s version %s: %v", id, v.ID, err)
				continue
			}
			p := *decoded // the comparer's copy is shared: give this one its own positions
			p.Source = model.NewSourceMap(diag.Pos{File: file})
			when, what := day, "in force"
			if v == upcoming {
				when, what = v.Effective, "upcoming"
			}
			last := v.Released
			if released > last {
				last = released
			}
			c := &jurisdiction.Context{Project: &p, Reference: ref, Date: when, LastUpdated: last,
				Released: map[string]model.Date{id: last}, Notices: []string{id}}
			found := jurisdiction.CheckDrift(c, j)
			// Each finding names its item, as check's do, from the
			// version's own data; the version comes before the message,
			// which leaves out the words naming the item (Said).
			describe(&p, found, opts)
			for _, d := range found {
				d.Pos = diag.Pos{File: file}
				d.Message = fmt.Sprintf("released version %s of the %s notice (%s, judged as of %s): %s", v.ID, id, what, when, d.Said())
				d.Opening = 0 // the message opens with the version now
				if d.Hint != "" {
					d.Hint += "; then release a new version"
				} else {
					d.Hint = "fix the data and release a new version"
				}
				out.Append(d)
			}
		}
	}
	out.Sort()
	return out
}
