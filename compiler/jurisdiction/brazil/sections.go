package brazil

import (
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/subprocessors"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Compile implements jurisdiction.Jurisdiction: the Brazilian notice, item
// by item of LGPD Art. 9, with the Art. 18 rights cited expressly.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p, br: Of(p)}
	doc := j.NewDocument(c, ID, string(c.T("notice.title", nil)), p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.scope(), b.controller(), b.encarregado(), b.purposes(), b.legalBases(), b.conditions(),
		b.sharing(), b.transfers(), b.automated(), b.children(), b.rights(), b.changes(), b.contact(),
	)
	return doc, nil
}

type builder struct {
	c  *j.Context
	p  *model.Project
	br *Brazil
}

func (b *builder) scope() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "scope", Title: string(c.T("scope.title", nil))}
	s.Use("brazil.applies", "brazil.grounds", "organization.name", "organization.description")
	s.P(c.T("scope.intro", locale.Data{"Org": notice.Plain(b.p.Organization.Name)}))
	var why []notice.Text
	for _, g := range b.br.Grounds {
		switch g {
		case "processing_in_brazil":
			why = append(why, c.T("scope.ground.processing-in-brazil", nil))
		case "offers_to_brazil":
			why = append(why, c.T("scope.ground.offers-to-brazil", nil))
		case "collected_in_brazil":
			why = append(why, c.T("scope.ground.collected-in-brazil", nil))
		}
	}
	if len(why) > 0 {
		s.P(c.T("scope.applies-because", locale.Data{"Grounds": c.List(why, locale.And)}))
	}
	s.P(notice.Inline(string(b.p.Organization.Description)))
	if f := model.ExtOf[subprocessors.OrganizationFacts](b.p.Organization.Ext, subprocessors.ID); f != nil && f.ProcessorForCustomers.IsYes() {
		s.Use("organization.processor_for_customers")
		s.P(c.T("scope.operator", nil))
	}
	return s
}

func (b *builder) controller() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "controller", Title: string(c.T("controller.title", nil))}
	s.Use("brazil.controller", "organization.privacy_contact")
	if e := controllerEntity(b.p); e != nil {
		for i, x := range b.p.Organization.Entities {
			if x == e {
				s.Use(model.Index("organization.entities", i))
			}
		}
		d := locale.Data{"Controller": notice.Strong(notice.Plain(e.LegalName)), "Address": j.Address(b.c, e.Address)}
		if e.Registration != "" {
			d["Registration"] = notice.Plain(e.Registration)
			s.P(c.T("controller.is.registered", d))
		} else {
			s.P(c.T("controller.is", d))
		}
		var ways []notice.Text
		if e.Email != "" {
			ways = append(ways, c.T("contact.email", locale.Data{"Email": notice.Mail(e.Email)}))
		}
		if e.Phone != "" {
			ways = append(ways, c.T("contact.phone", locale.Data{"Phone": notice.Tel(e.Phone)}))
		}
		if e.WebForm != "" {
			ways = append(ways, c.T("contact.web-form", locale.Data{"Form": notice.Web(e.WebForm)}))
		}
		if len(ways) > 0 {
			s.P(c.T("controller.reach", locale.Data{"Controller": notice.Plain(e.LegalName)}))
			s.Add(&notice.List{Items: ways})
		}
	}
	s.P(c.T("controller.privacy-team", nil))
	s.Add(&notice.List{Items: j.ContactItems(b.c, fromBrazil(b.p.Organization.PrivacyContact))})
	return s
}

func (b *builder) encarregado() *notice.Section {
	e := b.br.Encarregado
	if e == nil {
		return nil
	}
	c := b.c
	s := &notice.Section{ID: "encarregado", Title: string(c.T("encarregado.title", nil))}
	s.Use("brazil.encarregado")
	s.P(c.T("encarregado.appointed", locale.Data{"Name": notice.Strong(notice.Plain(e.Name))}))
	s.Add(&notice.List{Items: j.ContactItems(b.c, fromBrazil(withoutName(e)))})
	return s
}

// fromBrazil is a contact as the Brazilian notice gives it: a number that
// is free to call only from the country it belongs to is an international
// call from Brazil, so it is given as a telephone number, without the
// claim that it is toll-free (LGPD Art. 18, §5 and Art. 6, IV: requests
// cost the data subject nothing).
func fromBrazil(ct *model.Contact) *model.Contact {
	if ct == nil || ct.TollFreePhone == "" {
		return ct
	}
	c := *ct
	if c.Phone == "" {
		c.Phone = c.TollFreePhone
	}
	c.TollFreePhone = ""
	return &c
}

// withoutName is a contact without its name, for a list that follows it.
func withoutName(ct *model.Contact) *model.Contact {
	c := *ct
	c.Name = ""
	return &c
}

func (b *builder) purposes() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "purposes", Title: string(c.T("purposes.title", nil))}
	s.P(c.T("purposes.intro", nil))
	var rows [][]notice.Text
	for i, pu := range b.p.Purposes {
		if pu == nil {
			continue
		}
		s.Use(model.Index("purposes", i))
		var sources []notice.Text
		var keep []notice.Text
		for _, id := range pu.Categories {
			cat := j.Category(b.p, id)
			if cat == nil {
				continue
			}
			for k, x := range b.p.Categories {
				if x == cat {
					s.Use(model.Index("categories", k))
				}
			}
			for _, sid := range cat.Sources {
				if src := j.Source(b.p, sid); src != nil {
					if t := notice.Plain(j.LowerFirstIn(b.c, src.Name)); !slices.Contains(sources, t) {
						sources = append(sources, t)
					}
				}
			}
			if pu.Retention == "" {
				if r := j.RetentionRule(b.p, cat.Retention); r != nil {
					if t := c.T("purposes.kept.category", locale.Data{"Category": notice.Strong(notice.Plain(cat.Name)), "Period": j.Retention(b.c, b.retention(s, r))}); !slices.Contains(keep, t) {
						keep = append(keep, t)
					}
				}
			}
		}
		if r := j.RetentionRule(b.p, pu.Retention); r != nil {
			keep = []notice.Text{j.Retention(b.c, b.retention(s, r))}
		}
		for k, r := range b.p.Retention {
			if r != nil && (r.ID == pu.Retention || pu.Retention == "" && usesRetention(b.p, pu, r.ID)) {
				s.Use(model.Index("retention", k))
			}
		}
		rows = append(rows, []notice.Text{
			c.Labelled(notice.Strong(notice.Plain(pu.Name)), notice.Inline(string(PurposeText(pu)))),
			notice.Sentence(c.List(j.CategoryNames(b.c, pu.Categories), locale.And)),
			notice.Sentence(c.List(sources, locale.And)),
			notice.Text(j.JoinSemi(keep)),
		})
	}
	s.Add(&notice.Table{Caption: string(c.T("purposes.table.caption", nil)), Head: []string{string(c.T("purposes.table.purpose", nil)),
		string(c.T("purposes.table.data", nil)), string(c.T("purposes.table.source", nil)), string(c.T("purposes.table.kept", nil))}, Rows: rows})
	if end := j.RetentionEnd(b.c, b.p.Retention); end != "" {
		s.Use("retention")
		s.P(end)
	}
	return s
}

// retention returns a retention rule with its criteria in the Brazilian
// notice's words (brazil.retention), recording them in s's trace.
func (b *builder) retention(s *notice.Section, r *model.Retention) *model.Retention {
	for i, t := range b.br.Retention {
		if t != nil && t.Retention == r.ID {
			s.Use(model.Index("brazil.retention", i))
			c := *r
			c.Criteria = t.Criteria
			return &c
		}
	}
	return r
}

// usesRetention reports whether one of a purpose's categories is kept
// under the retention rule id.
func usesRetention(p *model.Project, pu *model.Purpose, id string) bool {
	for _, cid := range pu.Categories {
		if cat := j.Category(p, cid); cat != nil && cat.Retention == id {
			return true
		}
	}
	return false
}

// basis names a basis of Art. 7 in the notice ("" for a key it does not
// know).
func (b *builder) basis(id string) notice.Text {
	c := b.c
	switch id {
	case "consent":
		return c.T("basis.consent", nil)
	case "legal_obligation":
		return c.T("basis.legal-obligation", nil)
	case "public_policy":
		return c.T("basis.public-policy", nil)
	case "research":
		return c.T("basis.research", nil)
	case "contract":
		return c.T("basis.contract", nil)
	case "exercise_of_rights":
		return c.T("basis.exercise-of-rights", nil)
	case "protection_of_life":
		return c.T("basis.protection-of-life", nil)
	case "health":
		return c.T("basis.health", nil)
	case "legitimate_interest":
		return c.T("basis.legitimate-interest", nil)
	case "credit_protection":
		return c.T("basis.credit-protection", nil)
	}
	return ""
}

// sensitiveBasis names a basis of Art. 11 (under the keys of Art. 7) in
// the notice ("" for a key it does not know).
func (b *builder) sensitiveBasis(id string) notice.Text {
	c := b.c
	switch id {
	case "consent":
		return c.T("sensitive-basis.consent", nil)
	case "legal_obligation":
		return c.T("sensitive-basis.legal-obligation", nil)
	case "public_policy":
		return c.T("sensitive-basis.public-policy", nil)
	case "research":
		return c.T("sensitive-basis.research", nil)
	case "exercise_of_rights":
		return c.T("sensitive-basis.exercise-of-rights", nil)
	case "protection_of_life":
		return c.T("sensitive-basis.protection-of-life", nil)
	case "health":
		return c.T("sensitive-basis.health", nil)
	case "fraud_prevention":
		return c.T("sensitive-basis.fraud-prevention", nil)
	}
	return ""
}

// words names the bases ids with name, leaving out the keys it does not
// know.
func words(ids []string, name func(string) notice.Text) []notice.Text {
	var out []notice.Text
	for _, id := range ids {
		if w := name(id); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// stop ends a sentence the catalogue ends with a value and a full stop
// ("... is {{.Name}}.") as notice.Sentence would: a value that ends with
// its own punctuation ("etc.") takes no second stop.
func stop(t notice.Text) notice.Text {
	if n := len(t); n >= 2 && t[n-1] == '.' && strings.ContainsRune(".!?:", rune(t[n-2])) {
		return t[:n-1]
	}
	return t
}

func (b *builder) legalBases() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "legal-bases", Title: string(c.T("legal-bases.title", nil))}
	s.P(c.T("legal-bases.intro", nil))
	var items, refusals []notice.Text
	for i, pu := range b.p.Purposes {
		if pu == nil {
			continue
		}
		s.Use(model.Index("purposes", i))
		f := Purpose(pu)
		d := locale.Data{"Purpose": notice.Strong(notice.Plain(pu.Name)), "Bases": c.List(words(f.LGPDBases, b.basis), locale.And)}
		t := c.T("legal-bases.item", d)
		if len(words(f.LGPDBases, b.basis)) == 0 {
			// No basis: a rule reports it, and the notice is not
			// published; the item reads as its label alone.
			t = notice.Sentence(c.Labelled(d["Purpose"].(notice.Text), ""))
		}
		if len(f.LGPDSensitiveBases) > 0 {
			d["Sensitive"] = c.List(words(f.LGPDSensitiveBases, b.sensitiveBasis), locale.And)
			t = c.T("legal-bases.item.sensitive", d)
		}
		// The interest may be the eu pack's text: trace the value read, so
		// a change of it is this notice's too (diff.For).
		s.Use(model.Index("purposes", i)+".lgpd_interest", model.Index("purposes", i)+".legitimate_interest")
		if slices.Contains(f.LGPDBases, "legitimate_interest") && Interest(pu) != "" {
			t = notice.Join(t, c.T("legal-bases.interest", locale.Data{"Interest": notice.Sentence(notice.Inline(string(Interest(pu))))}))
		}
		items = append(items, t)
		if consentBased(pu) && f.LGPDRefusal != "" {
			refusals = append(refusals, c.Labelled(notice.Strong(notice.Plain(pu.Name)), notice.Inline(string(f.LGPDRefusal))))
		}
	}
	s.Add(&notice.List{Items: items})
	if slices.ContainsFunc(b.p.Purposes, func(pu *model.Purpose) bool {
		return pu != nil && slices.Contains(Purpose(pu).LGPDBases, "legitimate_interest")
	}) {
		s.P(c.T("legal-bases.legitimate-interest", nil))
	}
	if len(refusals) > 0 {
		s.P(c.T("legal-bases.refusal", nil))
		s.Add(&notice.List{Items: refusals})
	}
	if !b.anySensitive() {
		s.Use("categories")
		s.P(c.T("legal-bases.no-sensitive", nil))
	}
	return s
}

// anySensitive reports whether a category holds sensitive personal data.
func (b *builder) anySensitive() bool {
	return slices.ContainsFunc(b.p.Categories, func(cat *model.Category) bool { return cat != nil && len(Sensitive(cat)) > 0 })
}

func (b *builder) conditions() *notice.Section {
	c := b.c
	var items []notice.Text
	s := &notice.Section{ID: "conditions", Title: string(c.T("conditions.title", nil))}
	for i, cat := range b.p.Categories {
		if cat == nil {
			continue
		}
		var what notice.Text
		switch cat.Provision {
		case "statutory":
			what = c.T("conditions.why.statutory", nil)
		case "contractual":
			what = c.T("conditions.why.contractual", nil)
		case "precontractual":
			what = c.T("conditions.why.precontractual", nil)
		default:
			continue
		}
		s.Use(model.Index("categories", i))
		d := locale.Data{"Category": notice.Strong(notice.Plain(cat.Name)), "Why": what}
		if cat.Consequence != "" {
			d["Consequence"] = notice.Inline(string(cat.Consequence))
			items = append(items, c.T("conditions.item.consequence", d))
		} else {
			items = append(items, c.T("conditions.item", d))
		}
	}
	if len(items) == 0 {
		return nil
	}
	aside := &notice.Aside{Title: string(c.T("conditions.aside.title", nil)), Blocks: []notice.Block{
		&notice.Paragraph{Text: c.T("conditions.lead", nil)},
		&notice.List{Items: items},
		&notice.Paragraph{Text: c.T("conditions.rights", locale.Data{"Rights": b.rightsLink()})},
	}}
	s.Add(aside)
	return s
}

// rightsLink is a link to the section on rights, "Your rights".
func (b *builder) rightsLink() notice.Text {
	return notice.Link(b.c.T("link.your-rights", nil), "#your-rights")
}

// role says what a kind of agent is responsible for ("" for a role it
// does not know).
func (b *builder) role(role string) notice.Text {
	switch role {
	case "operator":
		return b.c.T("sharing.role.operator", nil)
	case "controller":
		return b.c.T("sharing.role.controller", nil)
	}
	return ""
}

func (b *builder) sharing() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "sharing", Title: string(c.T("sharing.title", nil))}
	s.Use("brazil.controller")
	s.P(c.T("sharing.intro", nil))
	var rows [][]notice.Text
	for i, rc := range b.p.Recipients {
		if rc == nil {
			continue
		}
		s.Use(model.Index("recipients", i))
		var why []notice.Text
		for k, pu := range b.p.Purposes {
			if pu != nil && slices.Contains(pu.Recipients, rc.ID) {
				s.Use(model.Index("purposes", k))
				why = append(why, notice.Plain(pu.Name))
			}
		}
		rows = append(rows, []notice.Text{
			c.Labelled(notice.Strong(notice.Plain(rc.Name)), notice.Inline(string(RecipientText(rc)))),
			b.role(Role(rc)),
			notice.Sentence(c.List(j.CategoryNames(b.c, rc.Categories), locale.And)),
			notice.Text(j.JoinSemi(why)),
		})
	}
	s.Add(&notice.Table{Caption: string(c.T("sharing.table.caption", nil)), Head: []string{string(c.T("sharing.table.recipient", nil)),
		string(c.T("sharing.table.responsibility", nil)), string(c.T("sharing.table.data", nil)), string(c.T("sharing.table.purposes", nil))}, Rows: rows})
	s.P(c.T("sharing.ask", nil))
	return s
}

func (b *builder) transfers() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "transfers", Title: string(c.T("transfers.title", nil))}
	if Own(b.p) {
		s.Use("brazil.transfers")
	} else {
		for i, t := range b.p.Transfers {
			if t != nil {
				s.Use(model.Index("transfers", i))
			}
		}
	}
	var rows [][]notice.Text
	copyable := false
	for _, rec := range Transfers(b.p) {
		tool := ToolOf(b.c, rec.Mechanism)
		if tool == nil {
			continue
		}
		s.Use(rec.Path)
		var who []notice.Text
		var purposes, categories []string
		for _, id := range rec.Recipients {
			for k, rc := range b.p.Recipients {
				if rc == nil || rc.ID != id {
					continue
				}
				s.Use(model.Index("recipients", k))
				who = append(who, notice.Plain(j.LowerFirstIn(b.c, rc.Name)))
				ps, cs := b.transferred(s, rec, rc)
				purposes, categories = unionOf(purposes, ps), unionOf(categories, cs)
			}
		}
		var why []notice.Text
		for k, pu := range b.p.Purposes {
			if pu != nil && slices.Contains(purposes, pu.ID) {
				s.Use(model.Index("purposes", k))
				why = append(why, notice.Plain(pu.Name))
			}
		}
		var what []notice.Text
		for _, cat := range b.p.Categories {
			if cat != nil && slices.Contains(categories, cat.ID) {
				what = append(what, notice.Plain(j.LowerFirstIn(b.c, cat.Name)))
			}
		}
		where := j.Countries(b.c, rec.Destinations)
		if from := b.startsAfter(s, rec); from != "" {
			where = c.T("transfers.where.from", locale.Data{"Countries": where, "Day": c.Day(from)})
		}
		d := locale.Data{"Mechanism": notice.Plain(j.UpperFirst(tool.Name)), "Basis": notice.Plain(tool.Basis)}
		basis := c.T("transfers.mechanism", d)
		if rec.Mechanism == "anpd_adequacy" {
			var ds []notice.Text
			for _, d := range rec.Destinations {
				if dec := AdequacyOf(b.c, d); dec != nil && !slices.Contains(ds, notice.Plain(dec.Instrument)) {
					ds = append(ds, notice.Plain(dec.Instrument))
				}
			}
			if len(ds) > 0 {
				d["Decisions"] = c.List(ds, locale.And)
				basis = c.T("transfers.mechanism.adequacy", d)
			}
		}
		rows = append(rows, []notice.Text{
			notice.Text(j.UpperFirst(string(where))),
			notice.Text(j.UpperFirst(string(c.List(who, locale.And)))),
			notice.Text(j.JoinSemi(why)),
			notice.Text(j.UpperFirst(string(notice.Sentence(c.List(what, locale.And))))),
			basis,
		})
		copyable = copyable || tool.Copy.IsYes()
	}
	if len(rows) == 0 {
		s.P(c.T("transfers.none", nil))
		return s
	}
	s.Use("brazil.controller")
	e := controllerEntity(b.p)
	if e != nil && e.Address != nil && e.Address.Country != "BR" {
		s.P(c.T("transfers.intro.collected-abroad", locale.Data{"Controller": notice.Strong(notice.Plain(e.LegalName)), "Country": j.Countries(b.c, []string{e.Address.Country})}))
	} else {
		s.P(c.T("transfers.intro", nil))
	}
	s.Add(&notice.Table{Caption: string(c.T("transfers.table.caption", nil)),
		Head: []string{string(c.T("transfers.table.destination", nil)), string(c.T("transfers.table.recipients", nil)), string(c.T("transfers.table.purposes", nil)),
			string(c.T("transfers.table.data", nil)), string(c.T("transfers.table.mechanism", nil))}, Rows: rows})
	d := locale.Data{
		"Controller": notice.Link(c.T("controller.title", nil), "#controller"), "Sharing": notice.Link(c.T("link.sharing", nil), "#sharing"),
		"Purposes": notice.Link(c.T("purposes.title", nil), "#purposes"), "Rights": b.rightsLink(),
	}
	if e != nil {
		d["Name"] = notice.Plain(e.LegalName)
		s.P(c.T("transfers.responsible.controller", d))
	} else {
		s.P(c.T("transfers.responsible", d))
	}
	if copyable {
		s.P(c.T("transfers.clauses", nil))
	}
	return s
}

// transferred returns the purposes and categories of data a transfer
// carries to recipient rc: those of rc's processors located in the
// transfer's destinations when it has any there (the vendors the data
// actually goes to), else those of every purpose that shares data with rc
// and rc's categories. It records the processors in s's trace.
func (b *builder) transferred(s *notice.Section, rec Record, rc *model.Recipient) (purposes, categories []string) {
	for i, pr := range b.p.Processors {
		if pr == nil || pr.Recipient != rc.ID || !slices.ContainsFunc(append([]string{pr.Country}, pr.Locations...), func(cc string) bool { return slices.Contains(rec.Destinations, cc) }) {
			continue
		}
		s.Use(model.Index("processors", i))
		purposes, categories = unionOf(purposes, pr.Purposes), unionOf(categories, pr.Categories)
	}
	if len(purposes) > 0 {
		return purposes, categories
	}
	for _, pu := range b.p.Purposes {
		if pu != nil && slices.Contains(pu.Recipients, rc.ID) {
			purposes = append(purposes, pu.ID)
		}
	}
	return purposes, rc.Categories
}

func (b *builder) automated() *notice.Section {
	ad := b.p.AutomatedDecisions
	c := b.c
	s := &notice.Section{ID: "automated-decisions", Title: string(c.T("automated.title", nil))}
	s.Use("automated_decisions")
	var items []notice.Text
	for i, d := range ad.Decisions {
		if d == nil || !Decision(d).LGPDArt20.IsYes() {
			continue
		}
		s.Use(model.Index("automated_decisions.decisions", i))
		t := notice.Inline(string(d.Description))
		if d.Logic != "" {
			t = c.T("automated.item.logic", locale.Data{"Decision": t, "Logic": notice.Inline(string(d.Logic))})
		}
		items = append(items, t)
	}
	if len(items) == 0 {
		s.P(c.T("automated.none", nil))
		return s
	}
	s.P(c.T("automated.intro", nil))
	s.Add(&notice.List{Items: items})
	return s
}

func (b *builder) children() *notice.Section {
	ch := b.p.Children
	c := b.c
	s := &notice.Section{ID: "children", Title: string(c.T("children.title", nil))}
	s.Use("children")
	s.P(c.T("children.best-interest", nil))
	if ch.DirectedToChildren.IsYes() {
		s.Use("brazil.parental_consent", "brazil.children_data")
		s.P(c.T("children.consent", nil))
		if b.br.ParentalConsent != "" {
			s.Add(&notice.Prose{Markdown: string(b.br.ParentalConsent)})
		}
		if b.br.ChildrenData != "" {
			s.P(c.T("children.data", nil))
			s.Add(&notice.Prose{Markdown: string(b.br.ChildrenData)})
		}
		s.P(c.T("children.guardians", locale.Data{"Rights": b.rightsLink()}))
	} else {
		s.P(c.T("children.not-directed", locale.Data{"Age": c.Format().Number(int64(ch.MinimumAge))}))
	}
	if st := b.br.ChildrenStatement; st != "" {
		s.Use("brazil.children_statement")
		s.Add(&notice.Prose{Markdown: string(st)})
	} else if ch.Statement != "" {
		s.Add(&notice.Prose{Markdown: string(ch.Statement)})
	}
	return s
}

func (b *builder) rights() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "your-rights", Title: string(c.T("rights.title", nil))}
	s.Use("rights.request_methods", "rights.consent_withdrawal", "rights.verification")
	s.P(c.T("rights.intro", nil))
	s.Add(&notice.List{Ordered: true, Items: []notice.Text{
		c.T("rights.confirmation", nil),
		c.T("rights.access", nil),
		c.T("rights.correction", nil),
		c.T("rights.anonymisation", nil),
		c.T("rights.portability", nil),
		c.T("rights.deletion", nil),
		c.T("rights.sharing", nil),
		c.T("rights.refusal", nil),
		c.T("rights.revocation", nil),
	}})
	s.P(c.T("rights.oppose", nil))
	s.Use("rights.authorized_agents")
	s.P(c.T("rights.representative", nil))
	if a := b.p.Rights.AuthorizedAgents; a != "" {
		s.Add(&notice.Prose{Markdown: string(a)})
	}
	if a := authority(b.c); a != nil {
		s.P(c.T("rights.petition.authority", locale.Data{"Authority": notice.Plain(a.Name), "Website": notice.Web(a.URL)}))
	} else {
		s.P(c.T("rights.petition", nil))
	}
	methods := b.p.Rights.RequestMethods
	if len(b.br.RequestMethods) > 0 {
		s.Use("brazil.request_methods")
		methods = b.br.RequestMethods
	}
	s.P(c.T("rights.how", nil))
	s.Add(&notice.List{Items: j.RequestMethods(b.c, methods)})
	s.P(c.T("rights.confirm", nil))
	s.P(c.T("rights.cannot-act", nil))
	verification := b.p.Rights.Verification
	if v := b.br.Verification; v != "" {
		s.Use("brazil.verification")
		verification = v
	}
	if verification != "" {
		s.Add(&notice.Prose{Markdown: string(verification)})
	}
	if w := revocation(b.p); w != "" && slices.ContainsFunc(b.p.Purposes, func(pu *model.Purpose) bool { return pu != nil && consentBased(pu) }) {
		if b.br.ConsentWithdrawal != "" {
			s.Use("brazil.consent_withdrawal")
		}
		for i, pu := range b.p.Purposes {
			if pu != nil && consentBased(pu) {
				s.Use(model.Index("purposes", i))
			}
		}
		s.P(c.T("rights.revoke", nil))
		s.Add(&notice.Prose{Markdown: string(w)})
		s.P(c.T("rights.revoke.after", nil))
	}
	return s
}

func (b *builder) changes() *notice.Section {
	s := j.ChangesSection(b.c)
	s.P(b.c.T("changes.lgpd", nil))
	return s
}

func (b *builder) contact() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "contact", Title: string(c.T("closing.contact.title", nil))}
	s.Use("organization.privacy_contact", "brazil.encarregado")
	s.P(c.T("contact.lead", nil))
	items := []notice.Text{j.ContactLine(b.c, fromBrazil(b.p.Organization.PrivacyContact))}
	if e := b.br.Encarregado; e != nil {
		items = append(items, c.T("contact.encarregado", locale.Data{"Contact": j.ContactLine(b.c, e)}))
	}
	s.Add(&notice.List{Items: items})
	return s
}

// startsAfter returns the day a transfer starts when it has not started on
// the notice's date: every processor it covers is first used after it (the
// earliest of their days); "" otherwise. A core transfer covers the
// processors that name it; a Brazilian record, those of its recipients
// with a country among its destinations, and it has started when one of
// its recipients is not a processor's. It records the processors it reads
// in s's trace.
func (b *builder) startsAfter(s *notice.Section, rec Record) model.Date {
	var first model.Date
	n := 0
	for i, pr := range b.p.Processors {
		if pr == nil {
			continue
		}
		if rec.Core != nil {
			if pr.Transfer != rec.ID {
				continue
			}
		} else if !slices.Contains(rec.Recipients, pr.Recipient) || !slices.ContainsFunc(append([]string{pr.Country}, pr.Locations...), func(cc string) bool { return slices.Contains(rec.Destinations, cc) }) {
			continue
		}
		s.Use(model.Index("processors", i))
		n++
		if !pr.Added.Valid() || pr.Added <= b.c.Date {
			return ""
		}
		if first == "" || pr.Added < first {
			first = pr.Added
		}
	}
	if n == 0 {
		return ""
	}
	if rec.Core == nil {
		for _, id := range rec.Recipients {
			if !slices.ContainsFunc(b.p.Processors, func(pr *model.Processor) bool { return pr != nil && pr.Recipient == id }) {
				return ""
			}
		}
	}
	return first
}

// unionOf is a with b's items it lacks, in order.
func unionOf(a, b []string) []string { return change.Uniq(append(a, b...)) }

// summary is the notice's key points: the encarregado, the legal bases,
// the rights and where to use them, international transfers, how long data
// is kept, children; and the ways to make a request.
func (b *builder) summary() *notice.Section {
	c := b.c
	var s j.Summary
	if e := controllerEntity(b.p); e != nil {
		cpaths := []string{"brazil.controller"}
		for i, x := range b.p.Organization.Entities {
			if x == e {
				cpaths = append(cpaths, model.Index("organization.entities", i))
			}
		}
		s.Point(string(c.T("summary.controller.label", nil)), c.T("summary.controller", locale.Data{"Controller": notice.Plain(e.LegalName)}), "controller", cpaths...)
	}
	if e := b.br.Encarregado; e != nil {
		d := locale.Data{"Name": notice.Plain(e.Name)}
		t := stop(c.T("summary.encarregado", d))
		if e.Email != "" {
			d["Email"] = notice.Mail(e.Email)
			t = c.T("summary.encarregado.email", d)
		}
		s.Point(string(c.T("summary.encarregado.label", nil)), t, "encarregado", "brazil.encarregado")
	}
	var lists [][]string
	var paths []string
	for i, pu := range b.p.Purposes {
		paths = append(paths, model.Index("purposes", i)+".lgpd_bases")
		lists = append(lists, Purpose(pu).LGPDBases)
	}
	if bases := j.ByUse(lists...); len(bases) > 0 {
		s.Point(string(c.T("summary.bases.label", nil)), c.T("summary.bases", locale.Data{"Bases": c.List(words(bases, b.basis), locale.And)}), "legal-bases", paths...)
	}
	if len(b.br.RequestMethods) > 0 {
		s.Methods, s.MethodsPath = b.br.RequestMethods, "brazil.request_methods"
	}
	petition := c.T("summary.right.petition", nil)
	if a := authority(b.c); a != nil {
		petition = c.T("summary.right.petition.authority", locale.Data{"Authority": notice.Plain(a.Name)})
	}
	s.Rights(b.c, "your-rights", []notice.Text{
		c.T("summary.right.access", nil), c.T("summary.right.correction", nil),
		c.T("summary.right.anonymisation", nil),
		c.T("summary.right.deletion", nil), c.T("summary.right.portability", nil), c.T("summary.right.sharing", nil),
		c.T("summary.right.revocation", nil), c.T("summary.right.opposition", nil),
		c.T("summary.right.review", nil), petition,
	}, "brazil.request_methods")
	if e := b.br.Encarregado; e != nil && e.Email != "" {
		s.Act(string(c.T("summary.encarregado.act", nil)), "mailto:"+e.Email, "brazil.encarregado.email")
	}
	var reach j.Reach
	paths = nil
	scratch := &notice.Section{} // startsAfter records the processors it reads
	for _, rec := range Transfers(b.p) {
		paths = append(paths, rec.Path+".destinations")
		start := b.startsAfter(scratch, rec)
		for _, d := range rec.Destinations {
			reach.Add(d, start)
		}
	}
	paths = append(paths, scratch.Trace.Paths...)
	dest, later := reach.Countries(b.c)
	if len(dest) > 0 || len(later) > 0 {
		t := c.T("summary.transfers", locale.Data{"Countries": j.Countries(b.c, dest), "Later": j.Later(b.c, later)})
		if len(dest) == 0 {
			t = c.T("summary.transfers.later", locale.Data{"Later": j.LaterOnly(b.c, later)})
		}
		s.Point(string(c.T("summary.transfers.label", nil)), t, "transfers", append(paths, "brazil.transfers", "transfers")...)
	}
	s.Kept(b.c, "purposes", nil)
	s.Children(b.c, "children")
	return s.Section(b.c)
}
