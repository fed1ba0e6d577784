package subprocessors

import (
	"fmt"
	"strings"

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
func (*Pack) Changes(old, new *model.Project, names *change.Names) []change.Change {
	var out change.List
	change.Match("processors", old.Processors, new.Processors, func(p *model.Processor) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Processor]) {
			was, is := Listed(o.V), Listed(n.V)
			if was, is := onwardOf(old, o.V, names), onwardOf(new, n.V, names); Listed(o.V) && Listed(n.V) && was != is {
				ord := change.Order{Part: change.Processors, Item: n.Index, Step: 3}
				at := change.At{New: []string{n.Path + ".onward"}, Old: []string{o.Path + ".onward"}}
				name := change.NameOr(n.V.Name, n.V.ID)
				switch {
				case was == "":
					out.Add(ord, at, "processor", change.SafeguardAddedOrRemoved, "Our business customers' data sent to our sub-processor %s now relies on %s.", name, is)
				case is == "":
					out.Add(ord, at, "processor", change.SafeguardAddedOrRemoved, "Our business customers' data sent to our sub-processor %s no longer relies on %s.", name, was)
				default:
					out.Add(ord, at, "processor", change.SafeguardReplaced, "Our business customers' data sent to our sub-processor %s now relies on %s instead of %s.", name, is, was)
				}
			}
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

// onwardOf names a sub-processor's onward-transfer safeguard, for a change
// sentence: "the European Commission's Standard Contractual Clauses, module
// 3, exported by Helpwise, Inc.", or "" when it gives none.
func onwardOf(p *model.Project, pr *model.Processor, names *change.Names) string {
	on := Processor(pr).Onward
	if on == nil {
		return ""
	}
	t := names.ToolName("eu", on.Mechanism)
	if on.SCCModule > 0 {
		t += fmt.Sprintf(", module %d", on.SCCModule)
	}
	if on.UKMechanism != "" {
		t += " (for UK data, " + names.ToolName("uk", on.UKMechanism) + ")"
	}
	if e := j.Entity(p, on.Exporter); e != nil {
		t += ", exported by " + e.LegalName
	}
	return strings.TrimSuffix(t, ".") // the sentence ends it
}
