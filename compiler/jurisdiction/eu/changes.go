package eu

import (
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ChangeNames implements jurisdiction.ChangeReporter: transfer tools are
// named as the notices name them (the reference data), a new purpose is
// described with its legal bases, a new sub-processor with the EU transfer
// tool its transfer relies on.
func (*Pack) ChangeNames(c *j.Context, n *change.Names) {
	n.Tool = func(regime, id string) string {
		t := Tool(c, regime, id)
		if t == nil {
			return id
		}
		// Changes are told without a date (the context has none), so a
		// tool is named by its first wording. The Swiss tools' first
		// wordings are the 1992 Act's, which no change since Switzerland
		// joined the supplement concerns: name them as the revised FADP
		// does. (The UK's first wording stays: released changelogs use it.)
		if regime == "ch" && c.Date == "" {
			t = t.On(CHDate)
		}
		return t.Name
	}
	n.Basis = func(p *model.Purpose) string { return bases(Purpose(p).LegalBases) }
	n.Safeguard = func(p *model.Project, transfer string) string { return safeguard(n, p, transfer) }
}

var basisNames = map[string]string{
	"consent": "consent", "contract": "a contract", "legal_obligation": "a legal obligation",
	"vital_interests": "vital interests", "public_task": "a public task", "legitimate_interests": "legitimate interests",
	"recognised_legitimate_interest": "a recognised legitimate interest",
}

func bases(ids []string) string {
	var out []string
	for _, id := range ids {
		if n, ok := basisNames[id]; ok {
			out = append(out, n)
		} else {
			out = append(out, id)
		}
	}
	return change.Series(out)
}

func findTransfer(p *model.Project, id string) *model.Transfer {
	for _, t := range p.Transfers {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// safeguard names the EU transfer tool of a transfer of p.
func safeguard(n *change.Names, p *model.Project, transfer string) string {
	if t := findTransfer(p, transfer); t != nil {
		return n.ToolName("eu", Transfer(t).Mechanism)
	}
	return ""
}

// The steps of this pack's changes to a purpose, among the core's
// (diff.StepCategories and the others).
const (
	stepBases              = 0
	stepLegitimateInterest = 30
)

// Changes implements jurisdiction.ChangeReporter: legal bases, legitimate
// interests, transfers and their tools, and the GDPR contacts.
func (*Pack) Changes(old, new *model.Project, n *change.Names) []change.Change {
	d := &differ{a: old, b: new, n: n}
	d.purposes()
	d.processors()
	d.transfers()
	d.contacts()
	return d.out
}

type differ struct {
	a, b *model.Project
	n    *change.Names
	out  change.List
}

func field[T any](o, n change.Item[T], f string) change.At {
	return change.At{New: []string{n.Path + "." + f}, Old: []string{o.Path + "." + f}}
}

func (d *differ) purposes() {
	change.Match("purposes", d.a.Purposes, d.b.Purposes, func(p *model.Purpose) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Purpose]) {
			of, nf := Purpose(o.V), Purpose(n.V)
			q := change.Quoted(change.NameOr(n.V.Name, n.V.ID))
			at := func(step int) change.Order { return change.Order{Part: change.Purposes, Item: n.Index, Step: step} }
			if !slices.Equal(of.LegalBases, nf.LegalBases) {
				d.out.Add(at(stepBases), field(o, n, "legal_bases"), "purpose", change.LegalBasisChanged, "The purpose %s now relies on %s instead of %s.", q, bases(nf.LegalBases), bases(of.LegalBases))
			}
			if of.LegitimateInterest != nf.LegitimateInterest && slices.Contains(nf.LegalBases, "legitimate_interests") && of.LegitimateInterest != "" {
				d.out.Add(at(stepLegitimateInterest), field(o, n, "legitimate_interest"), "purpose", change.WordingChanged, "The legitimate interest behind the purpose %s is described differently.", q)
			}
		})
}

// processors reports a processor moved to another existing transfer. When
// its old transfer was replaced, the replacement is reported once, under
// transfers.
func (d *differ) processors() {
	change.Match("processors", d.a.Processors, d.b.Processors, func(p *model.Processor) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Processor]) {
			ot, nt := o.V.Transfer, n.V.Transfer
			if findTransfer(d.b, ot) == nil || ot == nt {
				return
			}
			if so, sn := safeguard(d.n, d.a, ot), safeguard(d.n, d.b, nt); so != sn && so != "" && sn != "" {
				d.out.Add(change.Order{Part: change.Processors, Item: n.Index, Step: 1}, field(o, n, "transfer"), "processor", change.SafeguardReplaced,
					"Transfers to %s now rely on %s instead of %s.", change.NameOr(n.V.Name, n.V.ID), sn, so)
			}
		})
}

// regimes are the transfer regimes a transfer names a tool for.
var regimes = []struct {
	id, from, key string
	tool          func(*TransferFacts) string
}{
	{"eu", "the European Economic Area", "mechanism", func(t *TransferFacts) string { return t.Mechanism }},
	{"uk", "the United Kingdom", "uk_mechanism", func(t *TransferFacts) string { return t.UKMechanism }},
	{"ch", "Switzerland", "ch_mechanism", func(t *TransferFacts) string { return t.CHMechanism }},
}

// ToolPaths returns the data paths of the transfer tools of the transfer
// at path for the regimes given by id (eu, uk, ch): what a section that
// states those regimes' tools traces, so that it reports their changes and
// no other regime's (diff.For).
func ToolPaths(path string, ids ...string) []string {
	var out []string
	for _, rg := range regimes {
		if slices.Contains(ids, rg.id) {
			out = append(out, path+"."+rg.key)
		}
	}
	return out
}

// only keeps, of a change's paths, those that are not another regime's
// tool: a replacement of the Swiss tool concerns ch_mechanism alone.
func only(at change.At, id string) change.At {
	keep := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			other := false
			for _, rg := range regimes {
				if rg.id != id && strings.HasSuffix(p, "."+rg.key) {
					other = true
				}
			}
			if !other {
				out = append(out, p)
			}
		}
		return out
	}
	return change.At{New: keep(at.New), Old: keep(at.Old)}
}

// reached returns the destination countries of the transfers of p.
func reached(p *model.Project) []string {
	var out []string
	for _, t := range p.Transfers {
		out = append(out, t.Destinations...)
	}
	return change.Uniq(out)
}

type transfer = change.Item[*model.Transfer]

// toolPaths returns the paths a change of transfer t's tools concerns: its
// mechanisms and the processors that rely on it (the sub-processor list
// names each one's safeguard).
func toolPaths(p *model.Project, t transfer) []string {
	out := []string{t.Path + ".mechanism", t.Path + ".uk_mechanism", t.Path + ".ch_mechanism"}
	for i, pr := range p.Processors {
		if pr.Transfer == t.V.ID {
			out = append(out, model.Index("processors", i)+".transfer")
		}
	}
	return out
}

// tool names a transfer's tool: its EU one, or, for a transfer of no EU
// data, its UK one and its Swiss one, each said for whose data.
func (d *differ) tool(t *model.Transfer) string {
	f := Transfer(t)
	if f.Mechanism != "" {
		return d.n.ToolName("eu", f.Mechanism)
	}
	var out []string
	if f.UKMechanism != "" {
		out = append(out, d.n.ToolName("uk", f.UKMechanism)+" (for UK data)")
	}
	if f.CHMechanism != "" {
		out = append(out, d.n.ToolName("ch", f.CHMechanism)+" (for data from Switzerland)")
	}
	return change.Series(out)
}

func (d *differ) add(at change.At, reason change.Reason, format string, args ...any) {
	// Every transfer change has the same place: they are listed in the
	// order found.
	d.out.Add(change.Order{Part: change.Transfers}, at, "transfer", reason, format, args...)
}

// transfers reports the transfers of personal data abroad. A transfer
// that another replaces (a removed transfer and an added one to the same
// country, say the Privacy Shield and the Data Privacy Framework) is one
// change naming both tools; a country reached for the first time is a new
// destination; a country no longer reached, a removed destination.
func (d *differ) transfers() {
	id := func(t *model.Transfer) string { return t.ID }
	oldReach, newReach := reached(d.a), reached(d.b)
	var added, removed []transfer
	change.Match("transfers", d.a.Transfers, d.b.Transfers, id,
		func(t transfer) { added = append(added, t) },
		func(t transfer) { removed = append(removed, t) }, nil)
	replaced := map[string]bool{} // removed transfers' paths that a new one replaces
	for _, t := range added {
		dests := t.V.Destinations
		if fresh := change.Minus(dests, oldReach); len(fresh) > 0 {
			d.add(change.At{New: []string{t.Path + ".destinations"}}, change.NewDestination, "Personal data now goes to %s, relying on %s.",
				d.n.Countries(fresh), d.tool(t.V))
		}
		known := change.Minus(dests, change.Minus(dests, oldReach))
		if len(known) == 0 {
			continue
		}
		// The removed transfers to the same countries are what it replaces.
		var old []transfer
		for _, r := range removed {
			if len(change.Minus(known, r.V.Destinations)) < len(known) {
				old = append(old, r)
				replaced[r.Path] = true
			}
		}
		if len(old) == 0 {
			d.add(change.At{New: toolPaths(d.b, t)}, change.SafeguardAddedOrRemoved,
				"Transfers of data to %s may now also rely on %s.", d.toWhom(d.b, t.V, known), d.tool(t.V))
			continue
		}
		for _, r := range old {
			d.replacement(change.At{New: toolPaths(d.b, t), Old: toolPaths(d.a, r)}, r.V, t.V, known)
		}
	}
	for _, r := range removed {
		dests := r.V.Destinations
		if gone := change.Minus(dests, newReach); len(gone) > 0 {
			d.add(change.At{Old: []string{r.Path + ".destinations"}}, change.DestinationRemoved, "Personal data no longer goes to %s.", d.n.Countries(gone))
		}
		if kept := change.Minus(dests, change.Minus(dests, newReach)); len(kept) > 0 && !replaced[r.Path] {
			d.add(change.At{Old: toolPaths(d.a, r)}, change.SafeguardAddedOrRemoved,
				"Transfers of data to %s no longer rely on %s.", d.toWhom(d.a, r.V, kept), d.tool(r.V))
		}
	}
	change.Match("transfers", d.a.Transfers, d.b.Transfers, id, nil, nil, func(o, n transfer) {
		if more := change.Minus(n.V.Destinations, o.V.Destinations); len(more) > 0 {
			if fresh := change.Minus(more, oldReach); len(fresh) > 0 {
				d.add(field(o, n, "destinations"), change.NewDestination, "Personal data now goes to %s, relying on %s.",
					d.n.Countries(fresh), d.tool(n.V))
			}
		}
		if gone := change.Minus(change.Minus(o.V.Destinations, n.V.Destinations), newReach); len(gone) > 0 {
			d.add(field(o, n, "destinations"), change.DestinationRemoved, "Personal data no longer goes to %s.", d.n.Countries(gone))
		}
		d.replacement(change.At{New: toolPaths(d.b, n), Old: toolPaths(d.a, o)}, o.V, n.V, n.V.Destinations)
	})
}

// toWhom says where the data of a transfer goes: "the United States
// (recipients: Service providers)".
func (d *differ) toWhom(p *model.Project, t *model.Transfer, countries []string) string {
	to := d.n.Countries(countries)
	var rs []string
	for _, id := range t.Recipients {
		name := id
		for _, r := range p.Recipients {
			if r.ID == id {
				name = change.NameOr(r.Name, id)
				break
			}
		}
		rs = append(rs, name)
	}
	if len(rs) > 0 {
		to += " (recipients: " + change.Series(rs) + ")"
	}
	return to
}

// replacement reports, for each regime, a transfer tool that the new
// transfer n relies on instead of the old transfer o's.
func (d *differ) replacement(at change.At, o, n *model.Transfer, countries []string) {
	for _, rg := range regimes {
		om, nm := rg.tool(Transfer(o)), rg.tool(Transfer(n))
		if om == nm || om == "" || nm == "" {
			continue
		}
		d.add(only(at, rg.id), change.SafeguardReplaced, "Transfers of data from %s to %s now rely on %s instead of %s.",
			rg.from, d.toWhom(d.b, n, countries), d.n.ToolName(rg.id, nm), d.n.ToolName(rg.id, om))
	}
}

// contacts reports the GDPR contacts that appeared or changed, after the
// privacy contact (diff.StepPrivacyContact).
func (d *differ) contacts() {
	var oa, na *OrganizationFacts
	if d.a.Organization != nil {
		oa = Org(d.a.Organization)
	} else {
		oa = &OrganizationFacts{}
	}
	if d.b.Organization != nil {
		na = Org(d.b.Organization)
	} else {
		na = &OrganizationFacts{}
	}
	for i, f := range []struct {
		path, added, changed string
		old, new             any
		absent               func(any) bool
	}{
		{"organization.dpo", "We now have a Data Protection Officer.", "Our Data Protection Officer's contact details changed.", oa.DPO, na.DPO, func(x any) bool { return x.(*DPOs) == nil }},
		{"organization.representatives", "We now name representatives in Europe.", "Our representatives' details changed.", oa.Representatives, na.Representatives, func(x any) bool { return x.(*Representatives) == nil }},
		{"organization.complaints", "You can now complain to us directly, and we say how.", "How to complain to us changed.", oa.Complaints, na.Complaints, func(x any) bool { return x.(*Complaints) == nil }},
	} {
		at := change.Order{Part: change.Contacts, Step: i + 1}
		both := change.At{New: []string{f.path}, Old: []string{f.path}}
		switch {
		case f.absent(f.old) && !f.absent(f.new):
			d.out.Add(at, both, "contact", change.ContactChanged, "%s", f.added)
		case !f.absent(f.old) && !f.absent(f.new) && !change.Same(f.old, f.new):
			d.out.Add(at, both, "contact", change.ContactChanged, "%s", f.changed)
		}
	}
	if oa.DPF == nil && na.DPF != nil {
		path := "organization.dpf"
		d.out.Add(change.Order{Part: change.Contacts, Step: 4}, change.At{New: []string{path}, Old: []string{path}}, "transfer", change.SafeguardAddedOrRemoved,
			"We are now certified under the EU-U.S. Data Privacy Framework.")
	}
}
