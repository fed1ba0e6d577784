package records

import (
	"fmt"
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Check judges a loaded, cross-checked project by the record's rules
// (reference/rules.yaml) as of c.Date and returns what the record lacks,
// sorted, each diagnostic with its rule id, citation and hint. It never
// judges the notices: the facade runs it for the record only, so an
// incomplete record never blocks them. c.Reference must hold the record's
// reference data (ReferenceExtension).
func Check(c *j.Context) diag.List {
	k := &checker{c: c, p: c.Project, rules: map[string]*Rule{}}
	for _, r := range Rules(c.Reference) {
		k.rules[r.ID] = r
	}
	if len(k.rules) == 0 {
		k.diags.Add(c.Project.Source.Pos(""), "", "the record's rules are not loaded (records.ReferenceExtension)")
		return k.diags
	}
	if !c.Publishes(eu.ID) {
		d := k.diags.Add(c.Project.Source.Pos("organization"), "organization",
			"neither the EU GDPR nor the UK GDPR applies to the organisation as of %s, so no record of processing activities is required", c.Date)
		d.Severity = diag.Info
		return k.diags
	}
	k.section()
	k.jointControllers()
	k.subjects()
	k.recipients()
	k.transfers()
	k.retention()
	k.systems()
	k.owner()
	k.diags.Sort()
	return k.diags
}

type checker struct {
	c     *j.Context
	p     *model.Project
	rules map[string]*Rule
	diags diag.List
}

// report adds a diagnostic of rule id at the value at path (or its nearest
// written ancestor), with the rule's severity and citation. Its message
// does not name the item the path is in: the facade names it before the
// path (describe), once.
func (k *checker) report(id, path, hint, format string, args ...any) {
	k.reportOn("", "", id, path, hint, format, args...)
}

// reportOn is report for a finding about an item the path is not in (a
// purpose held in no system, at records.systems): kind "id" names it, and
// name is its name.
func (k *checker) reportOn(item, name, id, path, hint, format string, args ...any) {
	d := k.diags.Add(k.p.Source.Pos(path), path, format, args...)
	d.Item, d.ItemName = item, name
	d.Hint = hint
	if r := k.rules[id]; r != nil {
		d.Rule = &diag.Rule{ID: id, Citation: r.Citation}
		if r.Severity == "warning" {
			d.Severity = diag.Warning
		}
		return
	}
	d.Rule = &diag.Rule{ID: id}
}

// ROPA-30-1: the record's own facts are written.
func (k *checker) section() {
	if Of(k.p) == nil {
		k.report("ROPA-30-1", "", "add a file such as data/records.yaml with a records: section: who keeps the record (owner), and the systems that hold personal data with their purposes and security measures (systems)",
			"the data has no records: section, so the record of processing activities lacks the systems that hold personal data and their security measures")
	}
}

// ROPA-30-1-a: the joint controllers among the recipients are named, with
// their contact details; an appointed DPO can be reached.
func (k *checker) jointControllers() {
	own := Of(k.p)
	for i, rc := range k.p.Recipients {
		if eu.Recipient(rc).GDPRRole != "joint_controller" {
			continue
		}
		contacts := jointContacts(k.p, rc.ID)
		if len(contacts) == 0 {
			path := "records.joint_controllers"
			if own == nil {
				path = model.Index("recipients", i)
			}
			k.reportOn(model.Item{Kind: "recipient", ID: rc.ID}.Label(), rc.Name, "ROPA-30-1-a", path, fmt.Sprintf("add to records.joint_controllers an entry with recipient: %s and the name and contact details of each joint controller (contacts:)", rc.ID),
				"is a joint controller, but the record has no name or contact details for the companies in it")
			continue
		}
		for _, ct := range contacts {
			if ct.contact.Name == "" || !j.Reachable(ct.contact) {
				k.report("ROPA-30-1-a", ct.path, "give the joint controller's name and at least one of "+j.Join(j.ContactKeys, "or"),
					"a joint controller of recipient %q needs a name and a way to reach it", rc.ID)
			}
		}
	}
	if own == nil {
		return
	}
	for i, jc := range own.JointControllers {
		rc := j.Recipient(k.p, jc.Recipient)
		if rc != nil && eu.Recipient(rc).GDPRRole != "joint_controller" {
			path := model.Index("records.joint_controllers", i) + ".recipient"
			k.reportOn(model.Item{Kind: "recipient", ID: rc.ID}.Label(), rc.Name, "ROPA-30-1-a", path, "name a recipient whose GDPR role is joint_controller, or correct the recipient's role",
				"is not a joint controller (its GDPR role is %s), so the record does not list it as one", eu.Recipient(rc).GDPRRole)
		}
	}
}

// ROPA-30-1-c: every purpose concerns named groups of people.
func (k *checker) subjects() {
	for i, pu := range k.p.Purposes {
		if len(subjectsOf(k.p, pu)) == 0 {
			path := model.Index("purposes", i) + ".subjects"
			k.report("ROPA-30-1-c", path, fmt.Sprintf("add subjects: to purpose %s, or to the categories it uses", pu.ID),
				"names no group of people, and neither do its categories, so the record cannot describe its categories of data subjects")
		}
	}
}

// ROPA-30-1-d: a processor's recipient category is a recipient of every
// purpose it serves.
func (k *checker) recipients() {
	for i, pr := range k.p.Processors {
		for n, id := range pr.Purposes {
			pu := j.Lookup(k.p.Purposes, id, func(x *model.Purpose) string { return x.ID })
			if pu == nil || slices.Contains(pu.Recipients, pr.Recipient) {
				continue
			}
			path := model.Index(model.Index("processors", i)+".purposes", n)
			k.report("ROPA-30-1-d", path, fmt.Sprintf("add %s to the recipients of purpose %s, or take %s off processor %s's purposes", pr.Recipient, pu.ID, pu.ID, pr.ID),
				"serves purpose %q, but the purpose's recipients do not include its category %q, so the record would leave it out", pu.ID, pr.Recipient)
		}
	}
}

// ROPA-30-1-e: a transfer on compelling legitimate interests has its
// documentation of suitable safeguards.
func (k *checker) transfers() {
	own := Of(k.p)
	for i, t := range k.p.Transfers {
		if eu.Transfer(t).Mechanism != "ART49_1_COMPELLING_LI" {
			continue
		}
		documented := false
		if own != nil {
			for _, d := range own.TransferDocumentation {
				documented = documented || d.Transfer == t.ID && d.Safeguards != ""
			}
		}
		if !documented {
			k.report("ROPA-30-1-e", model.Index("transfers", i), fmt.Sprintf("add to records.transfer_documentation an entry with transfer: %s and the assessment and suitable safeguards (safeguards:)", t.ID),
				"relies on compelling legitimate interests (Art. 49(1), second subparagraph), but the record has no documentation of its suitable safeguards")
		}
	}
}

// ROPA-30-1-f: the retention rules in use give time limits where they can.
func (k *checker) retention() {
	used := map[string]bool{}
	for _, cat := range k.p.Categories {
		used[cat.Retention] = true
	}
	for _, pu := range k.p.Purposes {
		used[pu.Retention] = true
	}
	for i, r := range k.p.Retention {
		if used[r.ID] && r.Period == "" {
			k.report("ROPA-30-1-f", model.Index("retention", i)+".criteria", fmt.Sprintf("give retention rule %s a period (period: and from:) if one can be set; the criteria may stay beside it", r.ID),
				"gives criteria but no time limit for erasure")
		}
	}
}

// ROPA-30-1-g: every purpose is held in a system with security measures.
func (k *checker) systems() {
	own := Of(k.p)
	if own == nil {
		return // ROPA-30-1 says the whole section is missing
	}
	for _, pu := range k.p.Purposes {
		held := false
		for _, s := range own.Systems {
			held = held || slices.Contains(s.Purposes, pu.ID)
		}
		if !held {
			k.reportOn(model.Item{Kind: "purpose", ID: pu.ID}.Label(), pu.Name, "ROPA-30-1-g", "records.systems", fmt.Sprintf("add %s to the purposes of the systems that hold its data, or add the system", pu.ID),
				"is held in no system of the record, so the record cannot describe the security measures protecting its data")
		}
	}
	for i, s := range own.Systems {
		if len(s.Measures) == 0 {
			k.report("ROPA-30-1-g", model.Index("records.systems", i)+".measures", fmt.Sprintf("list system %s's technical and organisational security measures (measures:), e.g. encryption, access control, logging, backups", s.ID),
				"lists no security measures")
		}
		if len(s.Purposes) == 0 {
			k.report("ROPA-30-1-g", model.Index("records.systems", i)+".purposes", fmt.Sprintf("list the purposes whose data system %s holds (purposes:)", s.ID),
				"serves no purpose, so no activity of the record names its measures")
		}
	}
}

// ROPA-30-4: the record names who keeps it.
func (k *checker) owner() {
	own := Of(k.p)
	if own == nil {
		return
	}
	if own.Owner == nil || own.Owner.Name == "" || !j.Reachable(own.Owner) {
		k.report("ROPA-30-4", "records.owner", "add owner: with the name of the person or team who keeps the record and at least one of "+j.Join(j.ContactKeys, "or"),
			"the record does not say who keeps it and gives it to a supervisory authority on request")
	}
}
