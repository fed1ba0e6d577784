package compiler

import (
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// describe completes the diagnostics of every stage for people who think
// of the data by its items, not its indexes: each names the item its path
// is in (model.Project.Describe: purpose "security", "Keep the service
// secure"), and a missing required value that a law asks for gets the rule
// that asks: the requirement in force on opts.Date whose data
// (Requirement.Data) names the value's schema path (purposes.description).
// When several do, the first in this order wins: a requirement whose
// severity is higher (an error before a warning), then the order of the
// rule packs (DefaultJurisdictions, or opts.Jurisdictions) and of the
// requirements in each. Only the packs know the law: no rule is named here.
func describe(p *model.Project, diags diag.List, opts *Options) {
	var rules map[string]*jurisdiction.Requirement
	for _, d := range diags {
		if d.Path == "" {
			continue
		}
		desc := p.Describe(d.Path)
		d.Item, d.ItemName = desc.Item.Label(), desc.Item.Name
		if !d.Missing || d.Rule != nil {
			continue
		}
		if rules == nil {
			rules = rulesByData(opts)
		}
		if q := rules[desc.Schema]; q != nil {
			d.Rule = q.Rule()
		}
	}
}

// rulesByData returns, by schema path, the requirement in force on
// opts.Date that reads it, chosen as describe says.
func rulesByData(opts *Options) map[string]*jurisdiction.Requirement {
	var date model.Date
	if opts != nil {
		date = opts.Date
	}
	c := &jurisdiction.Context{Date: date}
	out := map[string]*jurisdiction.Requirement{}
	for _, j := range opts.jurisdictions() {
		for _, q := range j.Requirements() {
			if !c.InForce(q.From, q.Until) {
				continue
			}
			for _, path := range q.Data {
				// Severity counts down: Error (0) is the highest.
				if old, ok := out[path]; !ok || q.Severity < old.Severity {
					out[path] = q
				}
			}
		}
	}
	return out
}
