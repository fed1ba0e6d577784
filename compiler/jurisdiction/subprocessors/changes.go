package subprocessors

import (
	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ChangeNames implements jurisdiction.ChangeReporter: the pack's data adds
// nothing to the sentences of other changes.
func (*Pack) ChangeNames(*j.Context, *change.Names) {}

// Changes implements jurisdiction.ChangeReporter: a processor that starts
// or stops processing customers' data joins or leaves the sub-processor
// list (joining is a new sub-processor for customers, who must be told).
func (*Pack) Changes(old, new *model.Project, _ *change.Names) []change.Change {
	var out change.List
	change.Match("processors", old.Processors, new.Processors, func(p *model.Processor) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Processor]) {
			was, is := Listed(o.V), Listed(n.V)
			if was == is {
				return
			}
			at := change.At{New: []string{n.Path + ".customer_data"}, Old: []string{o.Path + ".customer_data"}}
			ord := change.Order{Part: change.Processors, Item: n.Index, Step: 2}
			name := change.NameOr(n.V.Name, n.V.ID)
			if is {
				out.Add(ord, at, "processor", change.NewSubprocessor, "%s is now on our sub-processor list: it processes our business customers' data for them.", name)
			} else {
				out.Add(ord, at, "processor", change.Removed, "%s is no longer on our sub-processor list: it works only for our own purposes.", name)
			}
		})
	return out
}
