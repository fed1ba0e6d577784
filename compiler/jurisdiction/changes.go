package jurisdiction

import (
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ChangeReporter is implemented by a pack that owns data (Extender) whose
// changes readers are told about: it finds the changes of its own data
// between two versions of a project, placed among the core model's
// (change.Order), and names what its data adds to the sentences of the
// core changes (a purpose's legal bases, a transfer's safeguard), reading
// its reference data from c (only c.Reference is set).
type ChangeReporter interface {
	ChangeNames(c *Context, n *change.Names)
	Changes(old, new *model.Project, n *change.Names) []change.Change
}
