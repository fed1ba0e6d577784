package compiler

import (
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// describe completes the diagnostics of every stage for people who think
// of the data by its items, not its indexes: each names the item its path
// is in (model.Project.Describe: purpose "security", "Keep the service
// secure"), unless the stage named the item already, and a missing
// required value that a law asks for gets the rule that asks: the
// requirement in force on opts.Date whose data (Requirement.Data) names
// the value's schema path (purposes.description), in a rule pack that may
// apply (mayApply: a pack whose Applies, judged on the data as loaded,
// says no lends no rule). When several do, the first in this order wins: a
// requirement whose severity is higher (an error before a warning), then
// the order of the rule packs (DefaultJurisdictions, or
// opts.Jurisdictions) and of the requirements in each. Only the packs know
// the law: no rule is named here.
func describe(p *model.Project, diags diag.List, opts *Options) {
	var rules map[string]*jurisdiction.Requirement
	for _, d := range diags {
		if d.Path == "" {
			continue
		}
		desc := p.Describe(d.Path)
		if d.Item == "" {
			// Named here, after the fact: only the message's words say
			// whether it names the item (diag.Diagnostic.ReadNaming).
			d.About(desc.Item.Label(), desc.Item.Name).ReadNaming(desc.Item.Kind, desc.Item.ID)
		}
		if !d.Missing || d.Rule != nil {
			continue
		}
		if rules == nil {
			rules = rulesByData(p, diags, opts)
		}
		if q := rules[desc.Schema]; q != nil {
			d.Rule = q.Rule()
		}
	}
}

// rulesByData returns, by schema path, the requirement in force on
// opts.Date that reads it, chosen as describe says.
func rulesByData(p *model.Project, diags diag.List, opts *Options) map[string]*jurisdiction.Requirement {
	var date model.Date
	if opts != nil { // opts.jurisdictions() too takes a nil opts
		date = opts.Date
	}
	ref, _ := Reference()
	c := &jurisdiction.Context{Project: p, Reference: ref, Date: date}
	out := map[string]*jurisdiction.Requirement{}
	for _, j := range opts.jurisdictions() {
		if !mayApply(c, j, diags) {
			continue
		}
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

// mayApply reports whether pack j may apply to the data of c, which diags
// are about: false only when its applicability can be judged and Applies
// says no. It can be judged when the pack names the data its Applies reads
// (jurisdiction.Applicability) and no error of diags is in that data (or
// in a section holding it, or in a file as a whole): otherwise the data
// Applies would read may be missing or wrong, and every pack may apply.
func mayApply(c *jurisdiction.Context, j jurisdiction.Jurisdiction, diags diag.List) bool {
	a, ok := j.(jurisdiction.Applicability)
	if !ok || c.Project == nil {
		return true
	}
	from := a.AppliesFrom()
	for _, d := range diags {
		if d.Severity != diag.Error {
			continue
		}
		if d.Path == "" {
			return true
		}
		at := c.Project.Describe(d.Path).Schema
		for _, f := range from {
			if within(at, f) || within(f, at) {
				return true
			}
		}
	}
	applies, _ := j.Applies(c)
	return applies
}

// within reports whether schema path a is b or a value inside it.
func within(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".")
}
