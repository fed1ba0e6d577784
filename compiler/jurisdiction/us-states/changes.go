package usstates

import (
	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ChangeNames implements jurisdiction.ChangeReporter.
func (*Pack) ChangeNames(*j.Context, *change.Names) {}

// Changes implements jurisdiction.ChangeReporter: the changes of the pack's
// data that readers are told about. A new sale, targeted advertising,
// profiling or large-language-model training is material; ending one is
// not.
func (*Pack) Changes(old, new *model.Project, _ *change.Names) []change.Change {
	var out change.List
	o, n := Of(old), Of(new)
	if o == nil {
		o = &Facts{}
	}
	if n == nil {
		return out
	}
	for _, f := range []struct {
		key       string
		old, new  model.Answer
		now, none string
	}{
		{"sells", o.Sells, n.Sells, "We now sell personal data.", "We no longer sell personal data."},
		{"targeted_advertising", o.TargetedAdvertising, n.TargetedAdvertising, "We now process personal data for targeted advertising.", "We no longer process personal data for targeted advertising."},
		{"profiling", o.Profiling, n.Profiling, "We now profile consumers in furtherance of decisions with legal or similarly significant effects.", "We no longer profile consumers in furtherance of decisions with legal or similarly significant effects."},
		{"llm_training", o.LLMTraining, n.LLMTraining, "We now collect, use or sell personal data to train large language models.", "We no longer collect, use or sell personal data to train large language models."},
	} {
		path := "us_states." + f.key
		at := change.At{New: []string{path}, Old: []string{path}}
		switch {
		case !f.old.IsYes() && f.new.IsYes():
			out.Add(change.Order{Part: change.Choices}, at, "sale", change.NewSaleOrSharing, "%s", f.now)
		case f.old.IsYes() && f.new.IsNo():
			out.Add(change.Order{Part: change.Choices}, at, "sale", change.Removed, "%s", f.none)
		}
	}
	return out
}
