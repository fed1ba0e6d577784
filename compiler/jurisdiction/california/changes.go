package california

import (
	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ChangeNames implements jurisdiction.ChangeReporter: the California facts
// add nothing to the sentences of other changes.
func (*Pack) ChangeNames(*j.Context, *change.Names) {}

// Changes implements jurisdiction.ChangeReporter: starting or stopping to
// sell or share personal information.
func (*Pack) Changes(old, new *model.Project, _ *change.Names) []change.Change {
	var out change.List
	o, n := Of(old), Of(new)
	answers := func(ca *California) (sells, shares model.Answer) {
		if ca == nil {
			return "", ""
		}
		return ca.Sells, ca.Shares
	}
	os, osh := answers(o)
	ns, nsh := answers(n)
	for _, f := range []struct {
		key       string
		old, new  model.Answer
		now, none string
	}{
		{"sells", os, ns, "We now sell personal information.", "We no longer sell personal information."},
		{"shares", osh, nsh, "We now share personal information for targeted advertising.", "We no longer share personal information for targeted advertising."},
	} {
		path := ID + "." + f.key
		at := change.At{New: []string{path}, Old: []string{path}}
		switch {
		case !f.old.IsYes() && f.new.IsYes():
			out.Add(change.Order{Part: change.Choices}, at, "sale", change.NewSaleOrSharing, "%s", f.now)
		case f.old.IsYes() && !f.new.IsYes() && f.new != "":
			out.Add(change.Order{Part: change.Choices}, at, "sale", change.Removed, "%s", f.none)
		}
	}
	return out
}
