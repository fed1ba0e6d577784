package eu

import (
	"fmt"
	"slices"
	"strings"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

type builder struct {
	c      *j.Context
	p      *model.Project
	eu, uk bool
	ch     bool // Swiss data protection law applies (FADP)
}

// revised reports whether the notice is of a day the revised FADP is in
// force (from 1 September 2023); before it, the 1992 Act applied.
func (b *builder) revised() bool { return b.c.Date >= CHDate }

func (b *builder) controller() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "controller", Title: string(c.T("controller.title", nil))}
	o := b.p.Organization
	s.Use("organization.entities")
	var rows [][]notice.Text
	for i, e := range o.Entities {
		if e.Role == "processor" {
			continue
		}
		s.Use(model.Index("organization.entities", i))
		role := c.T("controller.role.controller", nil)
		if e.Role == "joint_controller" {
			role = c.T("controller.role.joint", nil)
		}
		desc := notice.Inline(string(e.Description))
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(e.LegalName)), role, j.Address(b.c, e.Address), desc})
	}
	s.P(c.T("controller.intro", nil))
	head := []string{string(c.T("controller.head.company", nil)), string(c.T("controller.head.role", nil)),
		string(c.T("controller.head.address", nil)), string(c.T("controller.head.does", nil))}
	if allocated(o) {
		head = append(head, string(c.T("controller.head.responsible-for", nil)))
		k := 0
		for _, e := range o.Entities {
			if e.Role == "processor" {
				continue
			}
			rows[k] = append(rows[k], notice.Sentence(c.List(j.Names(b.p.Purposes, Entity(e).Decides,
				func(p *model.Purpose) string { return p.ID }, func(p *model.Purpose) string { return p.Name }), locale.And)))
			k++
		}
	}
	s.Add(&notice.Table{Caption: string(c.T("controller.caption", nil)), Head: head, Rows: rows})
	for i, e := range o.Entities {
		if e.Role == "joint_controller" && e.JointArrangement != "" {
			s.Use(model.Index("organization.entities", i) + ".joint_arrangement")
			s.P(c.T("controller.joint", locale.Data{"Arrangement": notice.Inline(string(e.JointArrangement))}))
		}
	}
	s.Use("organization.privacy_contact")
	s.P(c.T("controller.contact", locale.Data{"Contact": j.ContactLine(b.c, o.PrivacyContact)}))
	if rep := Org(o).Representatives; rep != nil {
		if rep.EU != nil && b.eu {
			s.Use("organization.representatives.eu")
			d := locale.Data{"Contact": j.ContactLine(b.c, rep.EU)}
			if o.EstablishedInEU.IsNo() {
				s.P(c.T("controller.rep.eu.not-established", d))
			} else {
				s.P(c.T("controller.rep.eu", d))
			}
		}
		if rep.UK != nil && b.uk {
			s.Use("organization.representatives.uk")
			d := locale.Data{"Contact": j.ContactLine(b.c, rep.UK)}
			if o.EstablishedInUK.IsNo() {
				s.P(c.T("controller.rep.uk.not-established", d))
			} else {
				s.P(c.T("controller.rep.uk", d))
			}
		}
		if rep.CH != nil && b.ch && b.revised() {
			s.Use("organization.representatives.ch", "organization.registered_in_ch")
			d := locale.Data{"Contact": j.ContactLine(b.c, rep.CH)}
			if Org(o).RegisteredInCH.IsNo() {
				s.P(c.T("controller.rep.ch.registered-abroad", d))
			} else {
				s.P(c.T("controller.rep.ch", d))
			}
		}
	}
	if dpo := Org(o).DPO; dpo != nil {
		eu := dpo.EU != nil && dpo.EU.Appointed.IsYes() && b.eu
		uk := dpo.UK != nil && dpo.UK.Appointed.IsYes() && b.uk
		switch {
		case eu && uk && b.sameContact(dpo.EU.Contact, dpo.UK.Contact):
			s.Use("organization.dpo")
			s.P(c.T("controller.dpo.eu-uk", locale.Data{"Contact": j.ContactWays(b.c, dpo.EU.Contact)}))
		default:
			if eu {
				s.Use("organization.dpo.eu")
				s.P(c.T("controller.dpo.eu", locale.Data{"Contact": j.ContactWays(b.c, dpo.EU.Contact)}))
			}
			if uk {
				s.Use("organization.dpo.uk")
				s.P(c.T("controller.dpo.uk", locale.Data{"Contact": j.ContactWays(b.c, dpo.UK.Contact)}))
			}
		}
		if dpo.CH != nil && dpo.CH.Appointed.IsYes() && dpo.CH.Contact != nil && b.ch && b.revised() {
			s.Use("organization.dpo.ch")
			s.P(c.T("controller.dpo.ch", locale.Data{"Contact": j.ContactWays(b.c, dpo.CH.Contact)}))
		}
	}
	return s
}

// allocated reports whether the controllers say which purposes each
// decides on.
func allocated(o *model.Organization) bool {
	for _, e := range o.Entities {
		if e.Role != "processor" && len(Entity(e).Decides) > 0 {
			return true
		}
	}
	return false
}

func (b *builder) sameContact(x, y *model.Contact) bool {
	return x != nil && y != nil && j.ContactLine(b.c, x) == j.ContactLine(b.c, y)
}

// glance compares the EU, UK and Swiss regimes side by side where they
// differ, when two or more apply. Its anchor stays eu-and-uk, the one it
// had before Switzerland joined, so links to it keep working.
func (b *builder) glance() *notice.Section {
	n := 0
	for _, on := range []bool{b.eu, b.uk, b.ch} {
		if on {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	if b.ch {
		return b.glance3()
	}
	c := b.c
	s := &notice.Section{ID: "eu-and-uk", Title: string(c.T("glance.title", nil))}
	s.P(c.T("glance.intro", nil))
	o := b.p.Organization
	var repEU, repUK *model.Contact
	if Org(o).Representatives != nil {
		repEU, repUK = Org(o).Representatives.EU, Org(o).Representatives.UK
	}
	var dpoEU, dpoUK *DPO
	if Org(o).DPO != nil {
		dpoEU, dpoUK = Org(o).DPO.EU, Org(o).DPO.UK
	}
	saEU := c.T("glance.sa.eu", nil)
	if sa := Org(o).SupervisoryAuthorities; sa != nil && sa.EU != nil {
		saEU = notice.Plain(sa.EU.Name)
	}
	saUK := c.T("glance.sa.uk", nil)
	if sa := Org(o).SupervisoryAuthorities; sa != nil && sa.UK != nil {
		saUK = notice.Plain(sa.UK.Name)
	}
	var toolsEU, toolsUK []notice.Text
	for _, t := range b.p.Transfers {
		if tool := Tool(b.c, "eu", Transfer(t).Mechanism); tool != nil && !slices.Contains(toolsEU, notice.Plain(tool.Name)) {
			toolsEU = append(toolsEU, notice.Plain(tool.Name))
		}
		if tool := Tool(b.c, "uk", Transfer(t).UKMechanism); tool != nil && !slices.Contains(toolsUK, notice.Plain(tool.Name)) {
			toolsUK = append(toolsUK, notice.Plain(tool.Name))
		}
	}
	complaints := c.T("glance.complaints", nil)
	ukComplaints := complaints
	if Org(o).Complaints != nil {
		ukComplaints = c.N("glance.complaints.uk", ackDays(Org(o).Complaints), nil)
	}
	s.Use("organization.representatives", "organization.dpo", "organization.supervisory_authorities", "transfers", "organization.complaints")
	topics := b.glanceTopics()
	s.Add(&notice.Table{Caption: string(c.T("glance.caption", nil)),
		Head: []string{string(c.T("glance.head.topic", nil)), string(c.T("glance.head.eu", nil)), string(c.T("glance.head.uk", nil))},
		Rows: [][]notice.Text{
			{topics[0], saEU, saUK},
			{topics[1], b.representative(repEU, o.EstablishedInEU.IsYes()), b.representative(repUK, o.EstablishedInUK.IsYes())},
			{topics[2], b.dpoCell(dpoEU), b.dpoCell(dpoUK)},
			{topics[3], notice.Sentence(c.List(toolsEU, locale.And)), notice.Sentence(c.List(toolsUK, locale.And))},
			{topics[4], complaints, ukComplaints},
		}})
	return s
}

// glanceTopics are the first cells of the rows of the at-a-glance tables,
// in bold: supervisory authority, representative, data protection officer,
// transfer tools, complaints.
func (b *builder) glanceTopics() []notice.Text {
	c := b.c
	return []notice.Text{notice.Strong(c.T("glance.topic.sa", nil)), notice.Strong(c.T("glance.topic.rep", nil)),
		notice.Strong(c.T("glance.topic.dpo", nil)), notice.Strong(c.T("glance.topic.tools", nil)),
		notice.Strong(c.T("glance.topic.complaints", nil))}
}

// representative is a regime's Art. 27 representative in the at-a-glance
// tables: not needed where the organisation is established, else the one
// appointed.
func (b *builder) representative(ct *model.Contact, established bool) notice.Text {
	switch {
	case established:
		return b.c.T("glance.rep.established", nil)
	case ct != nil:
		return notice.Plain(ct.Name)
	}
	return b.c.T("glance.none", nil)
}

// dpoCell is a regime's data protection officer in the at-a-glance tables.
func (b *builder) dpoCell(d *DPO) notice.Text {
	if d == nil || !d.Appointed.IsYes() || d.Contact == nil {
		return b.c.T("glance.none", nil)
	}
	return b.contactShort(d.Contact)
}

func ackDays(c *Complaints) int {
	if c.AcknowledgeDays > 0 {
		return c.AcknowledgeDays
	}
	return 30
}

func (b *builder) contactShort(ct *model.Contact) notice.Text {
	switch {
	case ct.Email != "":
		return notice.Mail(ct.Email)
	case ct.WebForm != "":
		return notice.Web(ct.WebForm)
	case ct.Address != nil:
		return j.Address(b.c, ct.Address)
	}
	return notice.Plain(ct.Name)
}

func (b *builder) purposes() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "purposes-and-legal-bases", Title: string(c.T("purposes.title", nil))}
	s.P(c.T("purposes.intro", nil))
	var rows [][]notice.Text
	ukDiffers := false
	for i, pu := range b.p.Purposes {
		path := model.Index("purposes", i)
		s.Use(path)
		var bases []notice.Text
		for _, lb := range Purpose(pu).LegalBases {
			bases = append(bases, b.legalBasis(lb))
		}
		basis := c.List(bases, locale.And)
		if b.uk && len(Purpose(pu).UKLegalBases) > 0 && !slices.Equal(Purpose(pu).UKLegalBases, Purpose(pu).LegalBases) {
			ukDiffers = true
			var uk []notice.Text
			for _, lb := range Purpose(pu).UKLegalBases {
				uk = append(uk, b.legalBasis(lb))
			}
			d := locale.Data{"EU": basis, "UK": c.List(uk, locale.And)}
			if Purpose(pu).RecognisedInterest != "" {
				d["Condition"] = b.rliCondition(Purpose(pu).RecognisedInterest)
				basis = c.T("purposes.basis.eu-uk-rli", d)
			} else {
				basis = c.T("purposes.basis.eu-uk", d)
			}
		}
		if Purpose(pu).Art9Condition != "" {
			basis = c.T("purposes.basis.art9", locale.Data{"Basis": basis, "Condition": b.art9(Purpose(pu).Art9Condition)})
		}
		li := c.T("purposes.no-interest", nil)
		if Purpose(pu).LegitimateInterest != "" {
			li = notice.Inline(string(Purpose(pu).LegitimateInterest))
		}
		rec := notice.Sentence(c.List(j.RecipientNames(b.c, pu.Recipients), locale.And))
		if rec == "" {
			rec = c.T("purposes.own-staff", nil)
		}
		rows = append(rows, []notice.Text{
			c.T("purposes.purpose", locale.Data{"Purpose": notice.Strong(notice.Plain(pu.Name)), "Description": notice.Inline(string(pu.Description))}),
			notice.Sentence(c.List(j.CategoryNames(b.c, pu.Categories), locale.And)),
			notice.Sentence(basis), li, rec,
		})
	}
	s.Add(&notice.Table{Caption: string(c.T("purposes.caption", nil)),
		Head: []string{string(c.T("purposes.head.purpose", nil)), string(c.T("purposes.head.information", nil)), string(c.T("purposes.head.basis", nil)),
			string(c.T("purposes.head.interests", nil)), string(c.T("purposes.head.recipients", nil))}, Rows: rows})
	if ukDiffers {
		s.P(c.T("purposes.uk-differs", nil))
	}
	if b.ch {
		if b.revised() {
			s.P(c.T("purposes.ch", nil))
		} else {
			s.P(c.T("purposes.ch-1992", nil))
		}
	}
	s.P(c.T("purposes.balancing", nil))
	return s
}

// rliCondition names the condition of a recognised legitimate interest
// (UK GDPR Annex 1), as it reads mid-sentence; "" for one it does not know.
func (b *builder) rliCondition(id string) notice.Text {
	c := b.c
	switch id {
	case "public_task_request":
		return c.T("rli.public-task-request", nil)
	case "national_security":
		return c.T("rli.national-security", nil)
	case "emergencies":
		return c.T("rli.emergencies", nil)
	case "crime":
		return c.T("rli.crime", nil)
	case "safeguarding":
		return c.T("rli.safeguarding", nil)
	case "democratic_engagement":
		return c.T("rli.democratic-engagement", nil)
	}
	return ""
}

// art9 names a GDPR Art. 9(2) condition as it reads mid-sentence; "" for
// one it does not know.
func (b *builder) art9(id string) notice.Text {
	c := b.c
	switch id {
	case "explicit_consent":
		return c.T("art9.explicit-consent", nil)
	case "employment":
		return c.T("art9.employment", nil)
	case "vital_interests":
		return c.T("art9.vital-interests", nil)
	case "not_for_profit":
		return c.T("art9.not-for-profit", nil)
	case "made_public":
		return c.T("art9.made-public", nil)
	case "legal_claims":
		return c.T("art9.legal-claims", nil)
	case "substantial_public_interest":
		return c.T("art9.substantial-public-interest", nil)
	case "health_care":
		return c.T("art9.health-care", nil)
	case "public_health":
		return c.T("art9.public-health", nil)
	case "archiving_research":
		return c.T("art9.archiving-research", nil)
	}
	return ""
}

func (b *builder) special() *notice.Section {
	c := b.c
	var items []notice.Text
	s := &notice.Section{ID: "special-categories", Title: string(c.T("special.title", nil))}
	for i, pu := range b.p.Purposes {
		a9, a10 := special(b.p, pu.Categories)
		if len(a9) == 0 && len(a10) == 0 {
			continue
		}
		s.Use(model.Index("purposes", i))
		d := locale.Data{"Purpose": notice.Strong(notice.Plain(pu.Name))}
		var t notice.Text
		switch {
		case len(a9) > 0 && len(a10) > 0:
			d["Condition"], d["Basis"] = b.art9(Purpose(pu).Art9Condition), notice.Sentence(notice.Inline(string(Purpose(pu).Art10Basis)))
			t = c.T("special.art9-art10", d)
		case len(a9) > 0:
			d["Condition"] = b.art9(Purpose(pu).Art9Condition)
			t = c.T("special.art9", d)
		default:
			d["Basis"] = notice.Sentence(notice.Inline(string(Purpose(pu).Art10Basis)))
			t = c.T("special.art10", d)
		}
		// Without an Art. 10 basis the sentence ends at its colon.
		items = append(items, trimEnd(t))
	}
	if len(items) == 0 {
		return nil
	}
	s.P(c.T("special.intro", nil))
	s.Add(&notice.List{Items: items})
	return s
}

func (b *builder) provision() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "providing-data", Title: string(c.T("provision.title", nil))}
	var items []notice.Text
	for i, cat := range b.p.Categories {
		if cat.Provision == "" || cat.Provision == "voluntary" {
			continue
		}
		s.Use(model.Index("categories", i))
		var why notice.Text
		switch cat.Provision {
		case "statutory":
			why = c.T("provision.why.statutory", nil)
		case "contractual":
			why = b.whoseContract(s, cat)
		case "precontractual":
			why = c.T("provision.why.precontractual", nil)
		}
		items = append(items, c.T("provision.item", locale.Data{"Category": notice.Strong(notice.Plain(cat.Name)), "Why": why,
			"Consequence": notice.Sentence(notice.Inline(string(cat.Consequence)))}))
	}
	if len(items) == 0 {
		s.P(c.T("provision.voluntary", nil))
		return s
	}
	s.P(c.T("provision.intro", nil))
	s.Add(&notice.List{Items: items})
	s.P(c.T("provision.rest", nil))
	return s
}

// informedWhen says when people whose data comes from a source are given
// this notice (GDPR Art. 14(3)); "" for a value it does not know.
func (b *builder) informedWhen(when string) notice.Text {
	c := b.c
	switch when {
	case "at_collection":
		return c.T("indirect.informed.at-collection", nil)
	case "first_communication":
		return c.T("indirect.informed.first-communication", nil)
	case "one_month":
		return c.T("indirect.informed.one-month", nil)
	case "first_disclosure":
		return c.T("indirect.informed.first-disclosure", nil)
	}
	return ""
}

// whoseContract says whose contract requires a category's data, from the
// people it concerns (subjects[].contract): the staff of a business
// customer are not party to its contract and are not personally obliged
// to give the data (Art. 13(2)(e)).
func (b *builder) whoseContract(s *notice.Section, cat *model.Category) notice.Text {
	party, staff := false, false
	for _, id := range cat.Subjects {
		for k, sub := range b.p.Subjects {
			if sub == nil || sub.ID != id {
				continue
			}
			s.Use(model.Index("subjects", k) + ".contract")
			switch Subject(sub).Contract {
			case "party", "pre_contract":
				party = true
			case "none":
				staff = true
			default:
				party, staff = true, true // not said: both readings stay open
			}
		}
	}
	switch {
	case staff && !party:
		return b.c.T("provision.why.organisation", nil)
	case party && !staff:
		return b.c.T("provision.why.you", nil)
	}
	return b.c.T("provision.why.you-or-organisation", nil)
}

func (b *builder) indirect() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "other-sources", Title: string(c.T("indirect.title", nil))}
	var items []notice.Text
	for i, src := range b.p.Sources {
		if src.Kind != "third_party" && src.Kind != "public" {
			continue
		}
		s.Use(model.Index("sources", i))
		var cats []notice.Text
		for _, cat := range b.p.Categories {
			if slices.Contains(cat.Sources, src.ID) {
				cats = append(cats, notice.Plain(j.LowerFirstIn(b.c, cat.Name)))
			}
		}
		pub := c.T("indirect.not-public", nil)
		if src.PubliclyAccessible.IsYes() {
			pub = c.T("indirect.public", nil)
		}
		d := locale.Data{"Source": notice.Strong(notice.Plain(src.Name)), "Access": pub}
		t := c.T("indirect.source", d)
		if src.Description != "" {
			d["Description"] = notice.Inline(string(src.Description))
			t = c.T("indirect.source.described", d)
		}
		if len(cats) > 0 {
			t = notice.Join(notice.Sentence(t), c.T("indirect.what", locale.Data{"Categories": c.List(cats, locale.And)}))
		}
		if f := Source(src); f.Informed == "exempt" {
			// Without an exemption text the sentence ends at its colon.
			ex := c.T("indirect.exempt", locale.Data{"Exemption": notice.Sentence(notice.Inline(string(f.Exemption)))})
			t = notice.Join(notice.Sentence(t), trimEnd(ex))
			// The article is found in the team's own (English) words.
			english := f.Exemption
			if srcs := c.Source().Sources; i < len(srcs) {
				english = Source(srcs[i]).Exemption
			}
			if art := swissExemption(string(english)); art != "" && b.ch && b.revised() {
				t = notice.Join(t, c.T("indirect.exempt.ch", locale.Data{"Article": art}))
			}
		} else if w := b.informedWhen(f.Informed); w != "" {
			t = notice.Join(notice.Sentence(t), w)
		}
		items = append(items, t)
	}
	if len(items) == 0 {
		return nil
	}
	s.P(c.T("indirect.intro", nil))
	s.Add(&notice.List{Items: items})
	return s
}

// gdprRole says a recipient's role under the GDPR, as it reads in the
// recipients table (before its first letter is upper-cased); "" for a role
// it does not know.
func (b *builder) gdprRole(role string) notice.Text {
	c := b.c
	switch role {
	case "processor":
		return c.T("recipients.role.processor", nil)
	case "controller":
		return c.T("recipients.role.controller", nil)
	case "joint_controller":
		return c.T("recipients.role.joint", nil)
	}
	return ""
}

func (b *builder) recipients() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "recipients", Title: string(c.T("recipients.title", nil))}
	var rows [][]notice.Text
	for i, r := range b.p.Recipients {
		s.Use(model.Index("recipients", i))
		where := notice.Text("")
		if len(r.Countries) > 0 {
			where = upper(j.Countries(b.c, r.Countries))
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(r.Name)), notice.Inline(string(r.Description)),
			notice.Sentence(b.gdprRole(Recipient(r).GDPRRole)), where})
	}
	s.Add(&notice.Table{Caption: string(c.T("recipients.caption", nil)), Head: []string{string(c.T("recipients.head.recipient", nil)),
		string(c.T("recipients.head.who", nil)), string(c.T("recipients.head.role", nil)), string(c.T("recipients.head.where", nil))}, Rows: rows})
	for _, r := range b.p.Recipients {
		if f := Recipient(r); f.GDPRRole == "joint_controller" && f.JointArrangement != "" {
			s.P(c.T("recipients.joint", locale.Data{"Recipient": notice.Plain(j.LowerFirstIn(b.c, r.Name)), "Arrangement": notice.Inline(string(f.JointArrangement))}))
		}
	}
	if len(b.p.Processors) > 0 && b.c.PublishesIn(s, "subprocessors") {
		s.Use("processors")
		s.P(c.T("recipients.subprocessors", locale.Data{"List": notice.NoticeLink(c.T("recipients.subprocessors.link", nil), "subprocessors", "")}))
	}
	return s
}

func (b *builder) transfers() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "international-transfers", Title: string(c.T("transfers.title", nil))}
	if len(b.p.Transfers) == 0 {
		if b.ch {
			s.P(c.T("transfers.none.ch", nil))
			return s
		}
		s.P(c.T("transfers.none", nil))
		return s
	}
	if b.ch {
		s.P(c.T("transfers.intro.ch", nil))
	} else {
		s.P(c.T("transfers.intro", nil))
	}
	head := []string{string(c.T("transfers.head.where", nil)), string(c.T("transfers.head.what", nil)), string(c.T("transfers.head.eu", nil))}
	if b.uk {
		head = append(head, string(c.T("transfers.head.uk", nil)))
	}
	if b.ch {
		head = append(head, string(c.T("transfers.head.ch", nil)))
	}
	// With three regimes, the copy goes into the second column: a sixth
	// column would leave each too narrow to read (or to print an address).
	if !b.ch {
		head = append(head, string(c.T("transfers.head.copy", nil)))
	}
	var rows [][]notice.Text
	for i, t := range b.p.Transfers {
		s.Use(model.Index("transfers", i))
		what := notice.Inline(string(t.Description))
		if what == "" {
			what = notice.Sentence(c.List(j.RecipientNames(b.c, t.Recipients), locale.And))
		}
		eu := c.T("transfers.not-eu.uk-only", nil)
		if b.ch && Transfer(t).CHMechanism != "" {
			eu = c.T("transfers.not-eu", nil)
		}
		if Transfer(t).Mechanism != "" {
			eu = b.tool("eu", Transfer(t).Mechanism, t)
		}
		row := []notice.Text{upper(j.Countries(b.c, t.Destinations)), what, eu}
		if b.uk {
			uk := c.T("transfers.not-uk", nil)
			if Transfer(t).UKMechanism != "" {
				uk = b.tool("uk", Transfer(t).UKMechanism, t)
			}
			row = append(row, uk)
		}
		if b.ch {
			sw := c.T("transfers.not-ch", nil)
			if Transfer(t).CHMechanism != "" {
				sw = b.tool("ch", Transfer(t).CHMechanism, t)
			}
			row = append(row, sw)
		}
		cp := notice.Inline(string(Transfer(t).SafeguardsCopy))
		switch {
		case b.ch && cp != "":
			row[1] = notice.Join(row[1], b.copyLabel(t), cp)
		case b.ch:
		case cp == "":
			row = append(row, c.T("transfers.no-copy", nil))
		default:
			row = append(row, cp)
		}
		if Transfer(t).RiskStatement != "" {
			row[1] = notice.Join(row[1], trimEnd(c.T("transfers.risks", locale.Data{"Risks": notice.Inline(string(Transfer(t).RiskStatement))})))
		}
		if Transfer(t).CompellingInterest != "" {
			row[1] = notice.Join(row[1], trimEnd(c.T("transfers.compelling", locale.Data{"Interests": notice.Inline(string(Transfer(t).CompellingInterest))})))
		}
		rows = append(rows, row)
	}
	s.Add(&notice.Table{Caption: string(c.T("transfers.caption", nil)), Head: head, Rows: rows})
	return s
}

func (b *builder) tool(regime, id string, t *model.Transfer) notice.Text {
	c := b.c
	tool := Tool(b.c, regime, id)
	if tool == nil {
		return notice.Plain(id)
	}
	name := notice.Sentence(c.T("transfers.tool", locale.Data{"Tool": notice.Plain(notice.UpperFirst(tool.Name)), "Basis": notice.Plain(tool.Basis)}))
	if id == "SCC_2021_914" && len(Transfer(t).SCCModules) > 0 {
		var mods []notice.Text
		for _, m := range Transfer(t).SCCModules {
			mods = append(mods, c.T("transfers.scc.module", locale.Data{"Number": c.Format().Number(int64(m)), "Module": b.sccModule(m)}))
		}
		name = notice.Join(name, c.T("transfers.scc.use", locale.Data{"Modules": c.List(mods, locale.And)}))
	}
	if id == "ADEQUACY" || id == "UK_ADEQUACY_REGS" {
		var decs []notice.Text
		for _, d := range t.Destinations {
			// One instrument may cover several destinations (the UK's
			// regulations for every EEA state): name it once.
			if dec := Adequacy(b.c, regime, d); dec != nil && !slices.Contains(decs, notice.Plain(dec.Instrument)) {
				decs = append(decs, notice.Plain(dec.Instrument))
			}
		}
		if len(decs) > 0 {
			name = notice.Join(name, notice.Sentence(c.List(decs, locale.And)))
		}
	}
	return name
}

// sccModule names a module of the 2021 standard contractual clauses; ""
// for one it does not know.
func (b *builder) sccModule(m int) notice.Text {
	c := b.c
	switch m {
	case 1:
		return c.T("transfers.scc.module-1", nil)
	case 2:
		return c.T("transfers.scc.module-2", nil)
	case 3:
		return c.T("transfers.scc.module-3", nil)
	case 4:
		return c.T("transfers.scc.module-4", nil)
	}
	return ""
}

// trimEnd drops the spaces a message ends with when its last placeholder
// is empty, as notice.Join drops an empty part.
func trimEnd(t notice.Text) notice.Text { return notice.Text(strings.TrimRight(string(t), " ")) }

func upper(t notice.Text) notice.Text { return notice.Text(notice.UpperFirst(string(t))) }

func (b *builder) retention() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "retention", Title: string(c.T("retention.title", nil))}
	s.Use("retention")
	s.P(c.T("retention.intro", nil), j.RetentionEnd(b.c, b.p.Retention))
	var rows [][]notice.Text
	for i, cat := range b.p.Categories {
		s.Use(model.Index("categories", i) + ".retention")
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(cat.Name)), j.Retention(b.c, j.RetentionRule(b.p, cat.Retention))})
	}
	s.Add(&notice.Table{Caption: string(c.T("retention.caption", nil)),
		Head: []string{string(c.T("retention.head.information", nil)), string(c.T("retention.head.period", nil))}, Rows: rows})
	var items []notice.Text
	for i, pu := range b.p.Purposes {
		if pu.Retention == "" {
			continue
		}
		s.Use(model.Index("purposes", i) + ".retention")
		if r := j.RetentionRule(b.p, pu.Retention); r != nil {
			items = append(items, c.T("retention.purpose", locale.Data{"Purpose": notice.Strong(notice.Plain(pu.Name)),
				"Rule": notice.Plain(j.LowerFirstIn(b.c, r.Name)), "Period": notice.Sentence(j.Retention(b.c, r))}))
		}
	}
	if len(items) > 0 {
		s.P(c.T("retention.purposes", nil))
		s.Add(&notice.List{Items: items})
	}
	return s
}

// euRights are the rights of GDPR Arts. 15-21 the notice lists, in its
// order, by the ids of rights.offered.
var euRights = []string{"access", "correction", "deletion", "restriction", "portability", "objection"}

// euRight is the list item of a right: its name and article, and text,
// what it lets people do; the organisation's own description of the right
// (rights.offered) replaces the notice's when given.
func (b *builder) euRight(id string, text notice.Text, own bool) notice.Text {
	c := b.c
	switch id {
	case "access":
		if !own {
			text = c.T("rights.access.text", nil)
		}
		return c.T("rights.access", locale.Data{"Text": text})
	case "correction":
		if !own {
			text = c.T("rights.correction.text", nil)
		}
		return c.T("rights.correction", locale.Data{"Text": text})
	case "deletion":
		if !own {
			text = c.T("rights.deletion.text", nil)
		}
		return c.T("rights.deletion", locale.Data{"Text": text})
	case "restriction":
		if !own {
			text = c.T("rights.restriction.text", nil)
		}
		return c.T("rights.restriction", locale.Data{"Text": text})
	case "portability":
		if !own {
			text = c.T("rights.portability.text", nil)
		}
		return c.T("rights.portability", locale.Data{"Text": text})
	case "objection":
		if !own {
			text = c.T("rights.objection.text", nil)
		}
		return c.T("rights.objection", locale.Data{"Text": text})
	}
	return text
}

func (b *builder) rights() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "your-rights", Title: string(c.T("rights.title", nil))}
	rt := b.p.Rights
	defer b.swissRights(s)
	switch {
	case b.uk && b.eu:
		s.P(c.T("rights.intro.eu-uk", nil))
	case b.uk:
		s.P(c.T("rights.intro.uk", nil))
	default:
		s.P(c.T("rights.intro", nil))
	}
	var items []notice.Text
	for _, r := range euRights {
		var text notice.Text
		own := false
		for _, o := range rt.Offered {
			if o.Right == r && o.Description != "" {
				text, own = notice.Sentence(notice.Inline(string(o.Description))), true
			}
		}
		items = append(items, b.euRight(r, text, own))
	}
	if ids := consentPurposes(b.p); len(ids) > 0 {
		s.Use("rights.consent_withdrawal")
		items = append(items, c.T("rights.withdraw", locale.Data{"Text": notice.Inline(string(rt.ConsentWithdrawal))}))
	}
	s.Add(&notice.List{Items: items})
	if b.p.Cookies != nil && b.p.Cookies.SettingsURL != "" {
		s.Use("cookies.settings_url")
		s.P(c.T("rights.cookies", locale.Data{"Settings": notice.Link(c.T("rights.cookies.link", nil), b.p.Cookies.SettingsURL)}))
	}
	s.Use("rights.request_methods", "rights.verification")
	s.P(c.T("rights.free", nil))
	s.Add(&notice.List{Items: j.RequestMethods(b.c, rt.RequestMethods)})
	s.Add(&notice.Prose{Markdown: string(rt.Verification)})
	if b.ch && b.revised() {
		s.P(c.T("rights.answer.ch", locale.Data{"Link": notice.Link(c.T("rights-ch.title", nil), "#your-rights-switzerland")}))
	} else {
		s.P(c.T("rights.answer", nil))
	}

	obj := s.Sub("right-to-object", string(c.T("rights.object.title", nil)))
	var li, dm []notice.Text
	for i, pu := range b.p.Purposes {
		if pu.DirectMarketing {
			obj.Use(model.Index("purposes", i) + ".direct_marketing")
			dm = append(dm, notice.Plain(pu.Name))
		} else if slices.Contains(Purpose(pu).LegalBases, "legitimate_interests") || slices.Contains(Purpose(pu).LegalBases, "public_task") {
			obj.Use(model.Index("purposes", i) + ".legal_bases")
			li = append(li, notice.Plain(pu.Name))
		}
	}
	aside := &notice.Aside{Title: string(c.T("rights.object.aside", nil))}
	if len(li) > 0 {
		aside.Blocks = append(aside.Blocks,
			&notice.Paragraph{Text: c.T("rights.object.interests", nil)},
			&notice.List{Items: li})
	}
	if len(dm) > 0 {
		aside.Blocks = append(aside.Blocks,
			&notice.Paragraph{Text: c.T("rights.object.marketing", nil)},
			&notice.List{Items: dm})
	}
	if len(aside.Blocks) == 0 {
		aside.Blocks = append(aside.Blocks, &notice.Paragraph{Text: c.T("rights.object.none", nil)})
	}
	aside.Blocks = append(aside.Blocks, &notice.Paragraph{Text: c.T("rights.object.how", nil)})
	obj.Add(aside)
	return s
}

// cookiesUK names the cookies set in the UK without consent under a PECR
// Schedule A1 exception, and how to object to them (UK-PECR-COOKIES).
func (b *builder) cookiesUK() *notice.Section {
	ck := b.p.Cookies
	if ck == nil || !b.uk || b.c.Date < rliDate {
		return nil
	}
	c := b.c
	s := &notice.Section{ID: "cookies-uk", Title: string(c.T("cookies-uk.title", nil))}
	var items []notice.Text
	for i, it := range ck.Items {
		ex := Cookie(it).UKException
		if ex == "" {
			continue
		}
		s.Use(model.Index("cookies.items", i))
		var why notice.Text
		switch ex {
		case "statistics":
			why = c.T("cookies-uk.why.statistics", nil)
		case "appearance":
			why = c.T("cookies-uk.why.appearance", nil)
		}
		items = append(items, c.T("cookies-uk.item", locale.Data{"Cookie": notice.Strong(notice.Plain(it.Name)), "Provider": notice.Plain(it.Provider), "Why": why}))
	}
	if len(items) == 0 {
		return nil
	}
	s.Use("cookies.uk_objection")
	s.P(c.T("cookies-uk.intro", nil))
	s.Add(&notice.List{Items: items})
	s.Add(&notice.Prose{Markdown: string(c.T("cookies-uk.object", locale.Data{"Objection": string(Cookies(ck).UKObjection)}))})
	return s
}

// children says how consent is handled for children below the age of
// digital consent, when a service is directed to children.
func (b *builder) children() *notice.Section {
	ch := b.p.Children
	if ch == nil || !ch.DirectedToChildren.IsYes() {
		return nil
	}
	c := b.c
	s := &notice.Section{ID: "children", Title: string(c.T("children.title", nil))}
	s.Use("children.directed_to_children", "children.parental_consent")
	switch {
	case b.uk && b.eu:
		s.P(c.T("children.consent.eu-uk", nil))
	case b.uk:
		s.P(c.T("children.consent.uk", nil))
	default:
		s.P(c.T("children.consent", nil))
	}
	if pc := Children(ch).ParentalConsent; pc != "" {
		s.Add(&notice.Prose{Markdown: string(pc)})
	}
	return s
}

// profiling describes the profiling that decides nothing of legal or
// similar significance (Art. 4(4)), with its logic: the right to object
// applies to it (Art. 21(1)-(2)).
func (b *builder) profiling(s *notice.Section, ad *model.AutomatedDecisions) {
	if !ad.Profiling.IsYes() {
		return
	}
	var items []notice.Text
	for _, d := range ad.Decisions {
		if d == nil || d.Art22.IsYes() {
			continue
		}
		t := notice.Sentence(notice.Inline(string(d.Description)))
		if d.Logic != "" {
			t = notice.Join(t, trimEnd(b.c.T("profiling.logic", locale.Data{"Logic": notice.Sentence(notice.Inline(string(d.Logic)))})))
		}
		if d.Significance != "" {
			t = notice.Join(t, notice.Sentence(notice.Inline(string(d.Significance))))
		}
		items = append(items, t)
	}
	if len(items) == 0 {
		return
	}
	c := b.c
	s.P(c.T("profiling.intro", nil))
	s.Add(&notice.List{Items: items})
	s.P(c.T("profiling.object", locale.Data{"Link": notice.Link(c.T("rights.object.title", nil), "#right-to-object")}))
}

func (b *builder) automated() *notice.Section {
	ad := b.p.AutomatedDecisions
	c := b.c
	s := &notice.Section{ID: "automated-decisions", Title: string(c.T("automated.title", nil))}
	s.Use("automated_decisions")
	var art22 []*model.Decision
	for _, d := range ad.Decisions {
		if d.Art22.IsYes() {
			art22 = append(art22, d)
		}
	}
	defer b.profiling(s, ad)
	if len(art22) == 0 {
		s.P(c.T("automated.none", nil))
		return s
	}
	s.P(c.T("automated.intro", nil))
	for i, d := range art22 {
		sub := s.Sub(fmt.Sprintf("automated-decision-%s", d.ID), strings.TrimSuffix(firstSentence(string(d.Description)), "."))
		_ = i
		sub.Add(&notice.Definitions{Items: []notice.Definition{
			{Term: c.T("automated.what", nil), Text: notice.Inline(string(d.Description))},
			{Term: c.T("automated.how", nil), Text: notice.Inline(string(d.Logic))},
			{Term: c.T("automated.means", nil), Text: notice.Inline(string(d.Significance))},
			{Term: c.T("automated.consequences", nil), Text: notice.Inline(string(d.Consequences))},
		}})
		if d.Safeguards != "" {
			sub.P(c.T("automated.safeguards", locale.Data{"Safeguards": notice.Inline(string(d.Safeguards))}))
		}
		if b.ch && b.revised() {
			sub.P(c.T("automated.ch", nil))
		}
	}
	return s
}

func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

func (b *builder) complaints() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "complaints", Title: string(c.T("complaints.title", nil))}
	o := b.p.Organization
	if Org(o).Complaints != nil {
		s.Use("organization.complaints")
		s.Add(&notice.Prose{Markdown: string(Org(o).Complaints.Channel)})
	}
	s.Use("organization.supervisory_authorities")
	sa := Org(o).SupervisoryAuthorities
	if b.eu {
		switch {
		case sa != nil && sa.EU != nil && needsThe(sa.EU.Name):
			s.P(c.T("complaints.eu.lead.the", locale.Data{"Authority": j.ContactLine(b.c, sa.EU)}))
		case sa != nil && sa.EU != nil:
			s.P(c.T("complaints.eu.lead", locale.Data{"Authority": j.ContactLine(b.c, sa.EU)}))
		default:
			s.P(c.T("complaints.eu", locale.Data{"Link": notice.Web("https://www.edpb.europa.eu/about-edpb/about-edpb/members_en")}))
		}
	}
	if b.uk && sa != nil && sa.UK != nil {
		if needsThe(sa.UK.Name) {
			s.P(c.T("complaints.uk.the", locale.Data{"Authority": j.ContactLine(b.c, sa.UK)}))
		} else {
			s.P(c.T("complaints.uk", locale.Data{"Authority": j.ContactLine(b.c, sa.UK)}))
		}
	}
	if a := FDPIC(b.c); b.ch && a != nil {
		if !b.revised() {
			// The 1992 Act's Art. 29: the FDPIC looked into processing in
			// the private sector only where it could breach the privacy of
			// a larger number of people, and made recommendations.
			d := locale.Data{"Authority": notice.Strong(notice.Plain(a.Name)), "Contact": b.fdpicLine(a)}
			if needsThe(a.Name) {
				s.P(c.T("complaints.ch-1992.the", d))
			} else {
				s.P(c.T("complaints.ch-1992", d))
			}
			return s
		}
		// A report (Art. 49(1)) is not a complaint with the rights of a
		// party: the FDPIC tells the person what it did (Art. 49(4)), and
		// claims against us go to the civil courts (Art. 32).
		d := locale.Data{"Authority": notice.Strong(notice.Plain(a.Name)), "Contact": b.fdpicLine(a)}
		the := needsThe(a.Name)
		switch {
		case a.WebForm != "" && the:
			d["Form"] = notice.Link(c.T("complaints.ch.form", nil), a.WebForm)
			s.P(c.T("complaints.ch.form.the", d))
		case a.WebForm != "":
			d["Form"] = notice.Link(c.T("complaints.ch.form", nil), a.WebForm)
			s.P(c.T("complaints.ch.form.named", d))
		case the:
			s.P(c.T("complaints.ch.the", d))
		default:
			s.P(c.T("complaints.ch", d))
		}
	}
	return s
}

// swissExemption returns the paragraph of FADP Art. 20 that matches the
// GDPR Art. 14(5) exemption an exemption text cites, or "" when it cites
// none this table knows or already cites the FADP: (a) the person already
// has the information, Art. 20(1)(a); (b) impossible, Art. 20(2)(a), or a
// disproportionate effort, Art. 20(2)(b); (c) obtaining or disclosure laid
// down by law, Art. 20(1)(b); (d) professional secrecy, Art. 20(1)(c).
// (Source: FADP Art. 20, prighter.com/resources/laws/swiss-fadp/fadp/articles/article-20.)
func swissExemption(text string) string {
	if strings.Contains(text, "FADP") {
		return ""
	}
	switch {
	case strings.Contains(text, "14(5)(a)"):
		return "20(1)(a)"
	case strings.Contains(text, "14(5)(b)") && strings.Contains(text, "disproportionate"):
		return "20(2)(b)"
	case strings.Contains(text, "14(5)(b)") && (strings.Contains(text, "impossible") || strings.Contains(text, "not possible")):
		return "20(2)(a)"
	case strings.Contains(text, "14(5)(c)"):
		return "20(1)(b)"
	case strings.Contains(text, "14(5)(d)"):
		return "20(1)(c)"
	}
	return ""
}

// fdpicLine is the FDPIC's contact line without its name and report form,
// which the sentence gives.
func (b *builder) fdpicLine(a *model.Contact) notice.Text {
	plain := *a
	plain.Name, plain.WebForm = "", ""
	return j.ContactLine(b.c, &plain)
}

// copyLabel heads the copy of a transfer's safeguards when Switzerland has
// a column of its own: the copy is the GDPR's (Art. 13(1)(f)), and the FADP
// asks only for the guarantee to be named (Art. 19(4)), so the label says
// which regimes' safeguards it is a copy of, and a Swiss reader is not sent
// to, say, the Data Privacy Framework List for a transfer that relies on
// the Swiss clauses.
func (b *builder) copyLabel(t *model.Transfer) notice.Text {
	eu, uk := b.eu && Transfer(t).Mechanism != "", b.uk && Transfer(t).UKMechanism != ""
	switch {
	case eu && uk:
		return b.c.T("transfers.copy.eu-uk", nil)
	case eu:
		return b.c.T("transfers.copy.eu", nil)
	case uk:
		return b.c.T("transfers.copy.uk", nil)
	}
	return b.c.T("transfers.copy", nil)
}

// needsThe reports whether an authority's name needs "the" before it in
// an English sentence (the messages that say it come in two forms, with
// "the" and without).
func needsThe(name string) bool {
	return name != "" && !strings.HasPrefix(name, "The ") && !strings.HasPrefix(name, "the ")
}

func (b *builder) changes() *notice.Section { return j.ChangesSection(b.c) }

func (b *builder) contact() *notice.Section {
	c := b.c
	s := j.ContactSection(b.c, c.T("contact.lead", nil))
	policy := notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["global"], string(c.T("contact.global.title", nil)))), "global", "")
	s.P(c.T("contact.global", locale.Data{"Policy": policy}))
	return s
}

// legalBasis names a GDPR Art. 6(1) basis as it reads mid-sentence.
func (b *builder) legalBasis(basis string) notice.Text {
	c := b.c
	switch basis {
	case "consent":
		return c.T("basis.consent", nil)
	case "contract":
		return c.T("basis.contract", nil)
	case "legal_obligation":
		return c.T("basis.legal-obligation", nil)
	case "vital_interests":
		return c.T("basis.vital-interests", nil)
	case "public_task":
		return c.T("basis.public-task", nil)
	case "legitimate_interests":
		return c.T("basis.legitimate-interests", nil)
	case "recognised_legitimate_interest":
		return c.T("basis.recognised-legitimate-interest", nil)
	}
	return notice.Plain(basis)
}

// glance3 is the at-a-glance table with Switzerland beside the EU and the
// UK (or beside whichever of them applies).
func (b *builder) glance3() *notice.Section {
	o := b.p.Organization
	f := Org(o)
	c := b.c
	type regime struct {
		head         string
		sa, rep, dpo notice.Text
		tools        []notice.Text
		complaints   notice.Text
		mechanism    func(*TransferFacts) string
		id           string
	}
	var regimes []*regime
	appointed := func(d *DPO, on bool) bool { return on && d != nil && d.Appointed.IsYes() && d.Contact != nil }
	reps := f.Representatives
	if reps == nil {
		reps = &Representatives{}
	}
	dpos := f.DPO
	if dpos == nil {
		dpos = &DPOs{}
	}
	sa := f.SupervisoryAuthorities
	if sa == nil {
		sa = &Authorities{}
	}
	complaints := c.T("glance.complaints", nil)
	if b.eu {
		r := &regime{id: "eu", head: string(c.T("glance.head.eu", nil)), sa: c.T("glance.sa.eu", nil),
			rep: b.representative(reps.EU, o.EstablishedInEU.IsYes()), dpo: b.dpoCell(dpos.EU), complaints: complaints,
			mechanism: func(t *TransferFacts) string { return t.Mechanism }}
		if sa.EU != nil {
			r.sa = notice.Plain(sa.EU.Name)
		}
		regimes = append(regimes, r)
	}
	if b.uk {
		r := &regime{id: "uk", head: string(c.T("glance.head.uk", nil)), sa: c.T("glance.sa.uk", nil),
			rep: b.representative(reps.UK, o.EstablishedInUK.IsYes()), dpo: b.dpoCell(dpos.UK), complaints: complaints,
			mechanism: func(t *TransferFacts) string { return t.UKMechanism }}
		if sa.UK != nil {
			r.sa = notice.Plain(sa.UK.Name)
		}
		if f.Complaints != nil {
			r.complaints = c.N("glance.complaints.uk", ackDays(f.Complaints), nil)
		}
		regimes = append(regimes, r)
	}
	chr := &regime{id: "ch", head: string(c.T("glance.head.ch", nil)), sa: c.T("glance.sa.ch", nil),
		dpo: b.dpoCell(dpos.CH), complaints: c.T("glance.complaints.ch", nil),
		mechanism: func(t *TransferFacts) string { return t.CHMechanism }}
	if !b.revised() {
		// Under the 1992 Act the FDPIC looked only into processing that
		// could breach the privacy of a larger number of people (Art. 29).
		chr.head = string(c.T("glance.head.ch-1992", nil))
		chr.complaints = c.T("glance.complaints.ch-1992", nil)
	}
	// Without a Swiss data protection advisor (voluntary, FADP Art. 10),
	// Swiss readers are sent to the group's DPO, whom the rest of the
	// notice names.
	if !appointed(dpos.CH, b.revised()) {
		var group *DPO
		for _, d := range []struct {
			dpo *DPO
			on  bool
		}{{dpos.EU, b.eu}, {dpos.UK, b.uk}} {
			if group == nil && appointed(d.dpo, d.on) {
				group = d.dpo
			}
		}
		if group != nil {
			d := locale.Data{"Contact": b.contactShort(group.Contact)}
			if b.revised() {
				chr.dpo = c.T("glance.dpo.ch-group", d)
			} else {
				chr.dpo = c.T("glance.dpo.ch-group-1992", d)
			}
		}
	}
	if a := FDPIC(b.c); a != nil {
		chr.sa = notice.Plain(a.Name)
	}
	switch {
	case !b.revised():
		chr.rep = c.T("glance.rep.ch-1992", nil)
	case f.RegisteredInCH.IsYes():
		chr.rep = c.T("glance.rep.ch-registered", nil)
	case reps.CH != nil:
		chr.rep = notice.Plain(reps.CH.Name)
	case f.CHLargeScaleHighRisk.IsNo():
		// The notice does not grade its own processing (large-scale,
		// high-risk): it says only that the law does not require one.
		chr.rep = c.T("glance.rep.ch-not-required", nil)
	default:
		chr.rep = c.T("glance.none", nil)
	}
	regimes = append(regimes, chr)
	for _, t := range b.p.Transfers {
		for _, r := range regimes {
			if tool := Tool(b.c, r.id, r.mechanism(Transfer(t))); tool != nil && !slices.Contains(r.tools, notice.Plain(tool.Name)) {
				r.tools = append(r.tools, notice.Plain(tool.Name))
			}
		}
	}
	// Switzerland is beside the EU and the UK, or beside one of them.
	var title, intro, caption notice.Text
	switch {
	case b.eu && b.uk:
		title, intro, caption = c.T("glance3.title.eu-uk-ch", nil), c.T("glance3.intro.eu-uk-ch", nil), c.T("glance3.caption.eu-uk-ch", nil)
	case b.eu:
		title, intro, caption = c.T("glance3.title.eu-ch", nil), c.T("glance3.intro.eu-ch", nil), c.T("glance3.caption.eu-ch", nil)
	default:
		title, intro, caption = c.T("glance3.title.uk-ch", nil), c.T("glance3.intro.uk-ch", nil), c.T("glance3.caption.uk-ch", nil)
	}
	s := &notice.Section{ID: "eu-and-uk", Title: string(title)}
	s.P(intro)
	s.Use("organization.representatives", "organization.dpo", "organization.supervisory_authorities", "transfers", "organization.complaints",
		"organization.registered_in_ch", "organization.ch_large_scale_high_risk")
	head := []string{string(c.T("glance.head.topic", nil))}
	var rows [][]notice.Text
	for _, t := range b.glanceTopics() {
		rows = append(rows, []notice.Text{t})
	}
	for _, r := range regimes {
		head = append(head, r.head)
		rows[0] = append(rows[0], r.sa)
		rows[1] = append(rows[1], r.rep)
		rows[2] = append(rows[2], r.dpo)
		rows[3] = append(rows[3], notice.Sentence(c.List(r.tools, locale.And)))
		rows[4] = append(rows[4], r.complaints)
	}
	s.Add(&notice.Table{Caption: string(caption), Head: head, Rows: rows})
	return s
}

// swissRights says the rights of people in Switzerland: under the revised
// FADP, access (Art. 25), portability (Art. 28), the claims of Art. 32 and
// the review of automated decisions (Art. 21); under the 1992 Act, access
// (Art. 8) and correction (Art. 5(2)).
func (b *builder) swissRights(s *notice.Section) {
	if !b.ch {
		return
	}
	c := b.c
	sub := s.Sub("your-rights-switzerland", string(c.T("rights-ch.title", nil)))
	sub.Use("rights.request_methods")
	if !b.revised() {
		sub.P(c.T("rights-ch.1992", nil))
		return
	}
	sub.Use("automated_decisions.decisions")
	// Art. 21: the right is said as it stands for us: conditional when we
	// take such decisions (each is described above), a plain statement when
	// we take none.
	automated := c.T("rights-ch.automated.none", nil)
	if ad := b.p.AutomatedDecisions; ad != nil && slices.ContainsFunc(ad.Decisions, func(d *model.Decision) bool { return d != nil && d.Art22.IsYes() }) {
		automated = c.T("rights-ch.automated", locale.Data{"Link": notice.Link(c.T("automated.title", nil), "#automated-decisions")})
	}
	sub.P(c.T("rights-ch.intro", nil))
	sub.Add(&notice.List{Items: []notice.Text{
		c.T("rights-ch.access", nil),
		c.T("rights-ch.portability", nil),
		c.T("rights-ch.claims", nil),
		automated,
	}})
	sub.P(c.T("rights-ch.how", nil))
}

// summary is the supplement's key points: who is responsible, the legal
// bases, the rights and where to use them, the right to object (set apart,
// Art. 21(4)), transfers outside Europe, how long data is kept; and the
// ways to make a request and to reach the data protection officer.
func (b *builder) summary() *notice.Section {
	c := b.c
	var s j.Summary
	var names []notice.Text
	var paths []string
	for i, e := range b.p.Organization.Entities {
		if e.Role == "processor" {
			continue
		}
		paths = append(paths, model.Index("organization.entities", i)+".legal_name", model.Index("organization.entities", i)+".role")
		names = append(names, notice.Plain(e.LegalName))
	}
	if len(names) > 0 {
		s.Point(string(c.T("summary.controller.label", nil)),
			c.N("summary.controller", len(names), locale.Data{"Controllers": c.List(names, locale.And)}), "controller", paths...)
	}
	var lists [][]string
	paths = nil
	for i, pu := range b.p.Purposes {
		paths = append(paths, model.Index("purposes", i)+".legal_bases")
		lists = append(lists, Purpose(pu).LegalBases)
	}
	if bases := j.ByUse(lists...); len(bases) > 0 {
		var ts []notice.Text
		for _, lb := range bases {
			ts = append(ts, b.legalBasis(lb))
		}
		s.Point(string(c.T("summary.bases.label", nil)), c.T("summary.bases", locale.Data{"Bases": c.List(ts, locale.And)}), "purposes-and-legal-bases", paths...)
	}
	codes := []string{"access", "correction", "deletion", "restriction", "portability"}
	rpaths := []string{"rights.offered"}
	if len(consentPurposes(b.p)) > 0 {
		codes = append(codes, "withdraw_consent")
		rpaths = append(rpaths, "rights.consent_withdrawal")
	}
	s.Rights(b.c, "your-rights", j.RightVerbs(b.c, append(codes, "complain")...), rpaths...)
	object := c.T("summary.object", nil)
	if slices.ContainsFunc(b.p.Purposes, func(pu *model.Purpose) bool { return pu.DirectMarketing }) {
		object = c.T("summary.object.marketing", nil)
	}
	var dm []string
	for i := range b.p.Purposes {
		dm = append(dm, model.Index("purposes", i)+".direct_marketing", model.Index("purposes", i)+".legal_bases")
	}
	if slices.ContainsFunc(b.p.Purposes, func(pu *model.Purpose) bool {
		return pu.DirectMarketing || slices.Contains(Purpose(pu).LegalBases, "legitimate_interests") || slices.Contains(Purpose(pu).LegalBases, "public_task")
	}) {
		s.Point(string(c.T("summary.object.label", nil)), object, "right-to-object", dm...)
	}
	b.transfersPoint(&s)
	s.Kept(b.c, "retention", nil)
	if o := Org(b.p.Organization); o != nil && o.DPO != nil && o.DPO.EU != nil && o.DPO.EU.Appointed.IsYes() && o.DPO.EU.Contact != nil {
		if e := o.DPO.EU.Contact.Email; e != "" {
			s.Act(string(c.T("summary.dpo.act", nil)), "mailto:"+e, "organization.dpo.eu.appointed", "organization.dpo.eu.contact.email")
		}
	}
	return s.Section(b.c)
}

// transfersPoint says where data goes outside Europe on the notice's date,
// and where it will go from a later day: a transfer whose processors all
// start later (processors[].added) starts with the first of them.
func (b *builder) transfersPoint(s *j.Summary) {
	var reach j.Reach
	var paths []string
	for i, t := range b.p.Transfers {
		paths = append(paths, model.Index("transfers", i)+".destinations")
		var start model.Date
		for k, pr := range b.p.Processors {
			if pr == nil || pr.Transfer != t.ID {
				continue
			}
			paths = append(paths, model.Index("processors", k)+".transfer", model.Index("processors", k)+".added")
			if j.Started(b.c, pr) {
				start = ""
				break
			}
			if start == "" || pr.Added < start {
				start = pr.Added
			}
		}
		for _, d := range t.Destinations {
			if InEEA(b.c, d) || d == "GB" || d == "CH" {
				continue
			}
			reach.Add(d, start)
		}
	}
	now, later := reach.Countries(b.c)
	c := b.c
	var t notice.Text
	switch {
	case len(now) == 0 && len(later) == 0 && b.ch:
		t = c.T("summary.transfers.stays.ch", nil)
	case len(now) == 0 && len(later) == 0:
		t = c.T("summary.transfers.stays", nil)
	case len(now) == 0 && b.ch:
		t = c.T("summary.transfers.stays-until.ch", locale.Data{"Later": j.LaterOnly(b.c, later)})
	case len(now) == 0:
		t = c.T("summary.transfers.stays-until", locale.Data{"Later": j.LaterOnly(b.c, later)})
	default:
		t = c.T("summary.transfers.goes", locale.Data{"Countries": j.Countries(b.c, now), "Later": j.Later(b.c, later)})
	}
	if len(b.p.Transfers) > 0 {
		t += " " + c.T("summary.transfers.ground", nil)
	}
	s.Point(string(c.T("summary.transfers.label", nil)), t, "international-transfers", append(paths, "transfers")...)
}
