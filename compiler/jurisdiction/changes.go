package jurisdiction

import (
	"encoding/json"
	"fmt"

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

// SnapshotIDs returns the ids of the items of a top-level list (purposes,
// processors) in a data snapshot (a release's data.json): what a released
// version held, for a pack's ReleaseChecker to tell what is new.
func SnapshotIDs(data []byte, list string) (map[string]bool, error) {
	var snap map[string]json.RawMessage
	if err := json.Unmarshal(data, &snap); err != nil {
		return nil, err
	}
	var items []struct {
		ID string `json:"id"`
	}
	if raw, ok := snap[list]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("%s: %w", list, err)
		}
	}
	ids := map[string]bool{}
	for _, it := range items {
		ids[it.ID] = true
	}
	return ids, nil
}
