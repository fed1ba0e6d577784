package brazil

import (
	"slices"

	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Extensions implements jurisdiction.Extender: the pack's own data.
func (*Pack) Extensions() model.Extensions { return extensions() }

// ChangeNames implements jurisdiction.ChangeReporter: the pack names its
// transfer tools (regime "brazil") and leaves every other name as it was.
func (*Pack) ChangeNames(c *j.Context, n *change.Names) {
	prev := n.Tool
	n.Tool = func(regime, id string) string {
		if regime == ID {
			if t := ToolOf(c, id); t != nil {
				return t.Name
			}
			return id
		}
		if prev != nil {
			return prev(regime, id)
		}
		return ""
	}
}

// The steps of this pack's changes among the core's.
const (
	stepBases = 6
)

// Changes implements jurisdiction.ChangeReporter: the legal bases of a
// purpose under the LGPD, the mechanism of a transfer under Art. 33 (and
// Brazil's own transfer records, new, removed or on another mechanism), and
// the encarregado.
func (*Pack) Changes(old, new *model.Project, n *change.Names) []change.Change {
	var out change.List
	change.Match("purposes", old.Purposes, new.Purposes, func(p *model.Purpose) string { return p.ID }, nil, nil,
		func(o, m change.Item[*model.Purpose]) {
			was, is := Purpose(o.V).LGPDBases, Purpose(m.V).LGPDBases
			if len(was) == 0 || change.Same(was, is) {
				return // a purpose given its first LGPD bases is new to the notice, not changed
			}
			out.Add(change.Order{Part: change.Purposes, Item: m.Index, Step: stepBases},
				change.At{New: []string{m.Path + ".lgpd_bases"}, Old: []string{o.Path + ".lgpd_bases"}},
				"purpose", change.LegalBasisChanged, "Under the LGPD, the purpose %s now relies on %s.",
				change.Quoted(m.V.Name), change.Series(basisNames(is)))
		})
	change.Match("transfers", old.Transfers, new.Transfers, func(t *model.Transfer) string { return t.ID }, nil, nil,
		func(o, m change.Item[*model.Transfer]) {
			was, is := Transfer(o.V).LGPDMechanism, Transfer(m.V).LGPDMechanism
			if was == is || !Carries(m.V) || Own(new) {
				return // with Brazil's own records, the core transfers' LGPD facts are not the notice's
			}
			at := change.At{New: []string{m.Path + ".lgpd_mechanism"}, Old: []string{o.Path + ".lgpd_mechanism"}}
			ord := change.Order{Part: change.Transfers, Item: m.Index, Step: 5}
			to := n.Countries(m.V.Destinations)
			switch {
			case was == "":
				out.Add(ord, at, "transfer", change.SafeguardAddedOrRemoved, "Under the LGPD, our transfers to %s now rely on %s.", to, n.ToolName(ID, is))
			case is == "":
				out.Add(ord, at, "transfer", change.SafeguardAddedOrRemoved, "Under the LGPD, our transfers to %s no longer rely on %s.", to, n.ToolName(ID, was))
			default:
				out.Add(ord, at, "transfer", change.SafeguardReplaced, "Under the LGPD, our transfers to %s now rely on %s instead of %s.", to, n.ToolName(ID, is), n.ToolName(ID, was))
			}
		})
	ob, nb := Of(old), Of(new)
	if ob != nil && nb != nil {
		recordChanges(&out, ob.Transfers, nb.Transfers, n)
	}
	if ob != nil && nb != nil && ob.Encarregado != nil && nb.Encarregado != nil && !sameContact(ob.Encarregado, nb.Encarregado) {
		at := change.At{New: []string{"brazil.encarregado"}, Old: []string{"brazil.encarregado"}}
		out.Add(change.Order{Part: change.Contacts}, at, "contact", change.ContactChanged,
			"Our encarregado (LGPD Art. 41) is now %s.", change.NameOr(nb.Encarregado.Name, "reached by new contact details"))
	}
	return out
}

// recordChanges reports the changes of Brazil's own transfer records: a
// new one, one removed, a mechanism replaced.
func recordChanges(out *change.List, old, new []*TransferRecord, n *change.Names) {
	id := func(t *TransferRecord) string { return t.ID }
	ord := func(i int) change.Order { return change.Order{Part: change.Transfers, Item: i, Step: 5} }
	change.Match("brazil.transfers", old, new, id,
		func(m change.Item[*TransferRecord]) {
			out.Add(ord(m.Index), change.At{New: []string{m.Path}}, "transfer", change.NewDestination,
				"Under the LGPD, we now transfer personal data to %s, relying on %s.", n.Countries(m.V.Destinations), n.ToolName(ID, m.V.Mechanism))
		},
		func(o change.Item[*TransferRecord]) {
			out.Add(ord(o.Index), change.At{Old: []string{o.Path}}, "transfer", change.DestinationRemoved,
				"Under the LGPD, we no longer transfer personal data to %s as we did relying on %s.", n.Countries(o.V.Destinations), n.ToolName(ID, o.V.Mechanism))
		},
		func(o, m change.Item[*TransferRecord]) {
			if o.V.Mechanism == m.V.Mechanism || o.V.Mechanism == "" || m.V.Mechanism == "" {
				return
			}
			out.Add(ord(m.Index), change.At{New: []string{m.Path + ".mechanism"}, Old: []string{o.Path + ".mechanism"}}, "transfer", change.SafeguardReplaced,
				"Under the LGPD, our transfers to %s now rely on %s instead of %s.", n.Countries(m.V.Destinations), n.ToolName(ID, m.V.Mechanism), n.ToolName(ID, o.V.Mechanism))
		})
}

// basisNames names LGPD bases for a change sentence.
func basisNames(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if w, ok := changeBasis[id]; ok {
			out = append(out, w)
		} else {
			out = append(out, id)
		}
	}
	return out
}

var changeBasis = map[string]string{
	"consent": "consent", "legal_obligation": "a legal or regulatory obligation", "public_policy": "a public policy",
	"research": "studies by a research body", "contract": "a contract", "exercise_of_rights": "the regular exercise of rights",
	"protection_of_life": "the protection of life", "health": "the protection of health",
	"legitimate_interest": "legitimate interests", "credit_protection": "the protection of credit",
}

func sameContact(a, b *model.Contact) bool {
	return a.Name == b.Name && a.Email == b.Email && a.Phone == b.Phone && a.WebForm == b.WebForm && a.URL == b.URL &&
		a.TollFreePhone == b.TollFreePhone && slices.Equal(addressLines(a), addressLines(b))
}

func addressLines(c *model.Contact) []string {
	if c.Address == nil {
		return nil
	}
	return append(slices.Clone(c.Address.Street), c.Address.City, c.Address.Region, c.Address.PostalCode, c.Address.Country)
}
