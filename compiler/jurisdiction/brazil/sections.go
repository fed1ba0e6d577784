package brazil

import (
	"slices"
	"strconv"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/subprocessors"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Compile implements jurisdiction.Jurisdiction: the Brazilian notice, item
// by item of LGPD Art. 9, with the Art. 18 rights cited expressly.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p, br: Of(p)}
	doc := j.NewDocument(c, ID, "Brazil Privacy Notice (LGPD)", p.Notices[ID])
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
	s := &notice.Section{ID: "scope", Title: "About this notice"}
	s.Use("brazil.applies", "brazil.grounds", "organization.name", "organization.description")
	s.P(notice.Plain(b.p.Organization.Name) + " processes personal data of people in Brazil, so the Brazilian General Data Protection Law (Lei Geral de Proteção de Dados Pessoais, Lei 13.709/2018, the LGPD) applies to it. This notice gives you the information Article 9 of the LGPD entitles you to: why and how we process your data and for how long, who we are and how to reach us, whom we share your data with, what each of us is responsible for, and your rights under Article 18.")
	var why []notice.Text
	for _, g := range b.br.Grounds {
		switch g {
		case "processing_in_brazil":
			why = append(why, "we process personal data in Brazil (Art. 3, I)")
		case "offers_to_brazil":
			why = append(why, "we offer our services to people in Brazil (Art. 3, II)")
		case "collected_in_brazil":
			why = append(why, "we collect personal data from people while they are in Brazil (Art. 3, III)")
		}
	}
	if len(why) > 0 {
		s.P(notice.Sentence("The LGPD applies because " + notice.Series(why, "and")))
	}
	s.P(notice.Inline(string(b.p.Organization.Description)))
	if f := model.ExtOf[subprocessors.OrganizationFacts](b.p.Organization.Ext, subprocessors.ID); f != nil && f.ProcessorForCustomers.IsYes() {
		s.Use("organization.processor_for_customers")
		s.P("This notice does not cover the personal data that businesses using our services put into them. For that data we act as an operator (operador), on the instructions of the business, which is its controller: please contact that business. If you contact us, we will tell you which business to contact, where we can (LGPD Art. 18, §4, I).")
	}
	return s
}

func (b *builder) controller() *notice.Section {
	s := &notice.Section{ID: "controller", Title: "Who is responsible for your data"}
	s.Use("brazil.controller", "organization.privacy_contact")
	if e := controllerEntity(b.p); e != nil {
		for i, x := range b.p.Organization.Entities {
			if x == e {
				s.Use(model.Index("organization.entities", i))
			}
		}
		id := notice.Strong(notice.Plain(e.LegalName)) + ", " + j.Address(b.c, e.Address)
		if e.Registration != "" {
			id += " (" + notice.Plain(e.Registration) + ")"
		}
		s.P("The controller (controlador) of your personal data, which decides how and why it is processed, is " + id + ".")
		var ways []notice.Text
		if e.Email != "" {
			ways = append(ways, "Email: "+notice.Mail(e.Email))
		}
		if e.Phone != "" {
			ways = append(ways, "Telephone: "+notice.Tel(e.Phone))
		}
		if e.WebForm != "" {
			ways = append(ways, "Online form: "+notice.Web(e.WebForm))
		}
		if len(ways) > 0 {
			s.P("You can reach " + notice.Plain(e.LegalName) + " at:")
			s.Add(&notice.List{Items: ways})
		}
	}
	s.P("For any question about this notice or your data, contact our privacy team:")
	s.Add(&notice.List{Items: j.ContactItems(b.c, fromBrazil(b.p.Organization.PrivacyContact))})
	return s
}

func (b *builder) encarregado() *notice.Section {
	e := b.br.Encarregado
	if e == nil {
		return nil
	}
	s := &notice.Section{ID: "encarregado", Title: "Our encarregado (data protection officer)"}
	s.Use("brazil.encarregado")
	name := notice.Plain(e.Name)
	s.P("We have appointed " + notice.Strong(name) + " as our encarregado pelo tratamento de dados pessoais, the person in charge of our processing of personal data (LGPD Art. 41). The encarregado receives your complaints and communications and those of the national authority, answers them and acts on them. You can reach them at:")
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
	s := &notice.Section{ID: "purposes", Title: "Why we process your data, how, and for how long"}
	s.P("For each purpose below, the table gives the data we use, where it comes from and how long we keep it (LGPD Art. 9, I and II).")
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
					if t := notice.Strong(notice.Plain(cat.Name)) + ": " + j.Retention(b.c, b.retention(s, r)); !slices.Contains(keep, t) {
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
			notice.Strong(notice.Plain(pu.Name)) + ": " + notice.Inline(string(PurposeText(pu))),
			notice.Sentence(notice.Series(j.CategoryNames(b.c, pu.Categories), "and")),
			notice.Sentence(notice.Series(sources, "and")),
			notice.Text(j.JoinSemi(keep)),
		})
	}
	s.Add(&notice.Table{Caption: "Purposes, data, sources and retention", Head: []string{"Purpose", "Data we use", "Where it comes from", "How long we keep it"}, Rows: rows})
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

// basisWords name the bases of Art. 7 (and of Art. 11, under the same
// keys) in the notice.
var basisWords = map[string]string{
	"consent":             "your consent (Art. 7, I)",
	"legal_obligation":    "compliance with a legal or regulatory obligation (Art. 7, II)",
	"public_policy":       "the carrying out of public policies (Art. 7, III)",
	"research":            "studies by a research body (Art. 7, IV)",
	"contract":            "the performance of a contract, or of preliminary procedures for one, to which you are a party, at your request (Art. 7, V)",
	"exercise_of_rights":  "the regular exercise of rights in judicial, administrative or arbitration proceedings (Art. 7, VI)",
	"protection_of_life":  "the protection of your or another person's life or physical safety (Art. 7, VII)",
	"health":              "the protection of health, by health professionals, health services or health authorities (Art. 7, VIII)",
	"legitimate_interest": "our legitimate interests or those of a third party (Art. 7, IX)",
	"credit_protection":   "the protection of credit (Art. 7, X)",
}

var sensitiveBasisWords = map[string]string{
	"consent":            "your specific and highlighted consent, for specific purposes (Art. 11, I)",
	"legal_obligation":   "compliance with a legal or regulatory obligation (Art. 11, II, a)",
	"public_policy":      "the carrying out of public policies (Art. 11, II, b)",
	"research":           "studies by a research body (Art. 11, II, c)",
	"exercise_of_rights": "the regular exercise of rights, including in a contract and in judicial, administrative or arbitration proceedings (Art. 11, II, d)",
	"protection_of_life": "the protection of your or another person's life or physical safety (Art. 11, II, e)",
	"health":             "the protection of health, by health professionals, health services or health authorities (Art. 11, II, f)",
	"fraud_prevention":   "preventing fraud and keeping you safe when you are identified and authenticated in electronic systems (Art. 11, II, g)",
}

func words(ids []string, m map[string]string) []notice.Text {
	var out []notice.Text
	for _, id := range ids {
		if w, ok := m[id]; ok {
			out = append(out, notice.Text(w))
		}
	}
	return out
}

func (b *builder) legalBases() *notice.Section {
	s := &notice.Section{ID: "legal-bases", Title: "Legal bases"}
	s.P("We process your personal data only on the legal bases of Article 7 of the LGPD, and sensitive personal data only on those of Article 11:")
	var items, refusals []notice.Text
	for i, pu := range b.p.Purposes {
		if pu == nil {
			continue
		}
		s.Use(model.Index("purposes", i))
		f := Purpose(pu)
		t := notice.Strong(notice.Plain(pu.Name)) + ": " + notice.Series(words(f.LGPDBases, basisWords), "and")
		if len(f.LGPDSensitiveBases) > 0 {
			t += "; for sensitive personal data, " + notice.Series(words(f.LGPDSensitiveBases, sensitiveBasisWords), "and")
		}
		t = notice.Sentence(t)
		// The interest may be the eu pack's text: trace the value read, so
		// a change of it is this notice's too (diff.For).
		s.Use(model.Index("purposes", i)+".lgpd_interest", model.Index("purposes", i)+".legitimate_interest")
		if slices.Contains(f.LGPDBases, "legitimate_interest") && Interest(pu) != "" {
			t += " Our legitimate interest: " + notice.Sentence(notice.Inline(string(Interest(pu))))
		}
		items = append(items, t)
		if consentBased(pu) && f.LGPDRefusal != "" {
			refusals = append(refusals, notice.Strong(notice.Plain(pu.Name))+": "+notice.Inline(string(f.LGPDRefusal)))
		}
	}
	s.Add(&notice.List{Items: items})
	if slices.ContainsFunc(b.p.Purposes, func(pu *model.Purpose) bool {
		return pu != nil && slices.Contains(Purpose(pu).LGPDBases, "legitimate_interest")
	}) {
		s.P("We rely on legitimate interests only for legitimate purposes in concrete situations, never where your fundamental rights and freedoms prevail, and then process only the data strictly necessary for the purpose (LGPD Art. 10). You can ask us for a summary of the assessment we made for each of these uses, and you can oppose any of them (Art. 10, §2; Art. 18, §2).")
	}
	if len(refusals) > 0 {
		s.P("Where we ask for your consent, you may refuse it (Art. 18, VIII). If you do:")
		s.Add(&notice.List{Items: refusals})
	}
	if !b.anySensitive() {
		s.Use("categories")
		s.P("We do not ask for sensitive personal data (LGPD Art. 5, II: racial or ethnic origin, religious conviction, political opinion, trade union or religious, philosophical or political membership, health or sex life, genetic or biometric data). If you choose to give us some anyway, for example in a message or a document you send us, we use it only where Article 11 allows.")
	}
	return s
}

// anySensitive reports whether a category holds sensitive personal data.
func (b *builder) anySensitive() bool {
	return slices.ContainsFunc(b.p.Categories, func(cat *model.Category) bool { return cat != nil && len(Sensitive(cat)) > 0 })
}

func (b *builder) conditions() *notice.Section {
	var items []notice.Text
	s := &notice.Section{ID: "conditions", Title: "Data you must give us"}
	for i, cat := range b.p.Categories {
		if cat == nil {
			continue
		}
		var what notice.Text
		switch cat.Provision {
		case "statutory":
			what = "the law requires it"
		case "contractual":
			what = "it is a condition of the service"
		case "precontractual":
			what = "we need it to enter into a contract with you"
		default:
			continue
		}
		s.Use(model.Index("categories", i))
		t := notice.Strong(notice.Plain(cat.Name)) + " (" + what + ")"
		if cat.Consequence != "" {
			t += ": " + notice.Inline(string(cat.Consequence))
		}
		items = append(items, t)
	}
	if len(items) == 0 {
		return nil
	}
	aside := &notice.Aside{Title: "Processing that is a condition of our service (LGPD Art. 9, §3)", Blocks: []notice.Block{
		&notice.Paragraph{Text: "Giving us the data below is a condition of our service or of entering into a contract with us:"},
		&notice.List{Items: items},
		&notice.Paragraph{Text: "You can still exercise all your rights under Article 18 of the LGPD, by the means in " + notice.Link("Your rights", "#your-rights") + "."},
	}}
	s.Add(aside)
	return s
}

// roleWords say what each kind of agent is responsible for.
var roleWords = map[string]notice.Text{
	"operator":   "Operator (operador): processes the data on our behalf and only on our instructions, and must keep it secure; we remain responsible for the processing",
	"controller": "Controller (controlador): decides for itself how it uses the data and answers for that use; this does not limit our own responsibility to you",
}

func (b *builder) sharing() *notice.Section {
	s := &notice.Section{ID: "sharing", Title: "Whom we share your data with, and who is responsible for what"}
	s.Use("brazil.controller")
	s.P("As controller, we are responsible for the processing this notice describes, and answer to you and to the national authority for it (LGPD Arts. 37 to 42). We share personal data with the recipients below, for the purposes shown (shared use, Art. 9, V), and each is responsible as the table says (Art. 9, VI):")
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
			notice.Strong(notice.Plain(rc.Name)) + ": " + notice.Inline(string(RecipientText(rc))),
			roleWords[Role(rc)],
			notice.Sentence(notice.Series(j.CategoryNames(b.c, rc.Categories), "and")),
			notice.Text(j.JoinSemi(why)),
		})
	}
	s.Add(&notice.Table{Caption: "Recipients, their responsibilities, the data and the purposes", Head: []string{"Recipient", "Responsibility", "Data", "Purposes"}, Rows: rows})
	s.P("You may ask us which public and private entities we have shared your data with (Art. 18, VII).")
	return s
}

func (b *builder) transfers() *notice.Section {
	s := &notice.Section{ID: "transfers", Title: "International transfers"}
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
			where += " (from " + notice.Plain(dayWords(from)) + ")"
		}
		basis := notice.Plain(j.UpperFirst(tool.Name)) + " (" + notice.Plain(tool.Basis) + ")"
		if rec.Mechanism == "anpd_adequacy" {
			var ds []notice.Text
			for _, d := range rec.Destinations {
				if dec := AdequacyOf(b.c, d); dec != nil && !slices.Contains(ds, notice.Plain(dec.Instrument)) {
					ds = append(ds, notice.Plain(dec.Instrument))
				}
			}
			if len(ds) > 0 {
				basis += ", " + notice.Series(ds, "and")
			}
		}
		rows = append(rows, []notice.Text{
			notice.Text(j.UpperFirst(string(where))),
			notice.Text(j.UpperFirst(string(notice.Series(who, "and")))),
			notice.Text(j.JoinSemi(why)),
			notice.Text(j.UpperFirst(string(notice.Sentence(notice.Series(what, "and"))))),
			basis,
		})
		copyable = copyable || tool.Copy.IsYes()
	}
	if len(rows) == 0 {
		s.P("We do not transfer personal data of people in Brazil to other countries.")
		return s
	}
	s.Use("brazil.controller")
	e := controllerEntity(b.p)
	if e != nil && e.Address != nil && e.Address.Country != "BR" {
		s.P(notice.Strong(notice.Plain(e.LegalName)) + " collects your personal data directly from you, from " + j.Countries(b.c, []string{e.Address.Country}) + "; that is not a transfer. Your personal data is transferred outside Brazil to the recipients below, each transfer relying on one of the mechanisms of Article 33 of the LGPD (Resolution CD/ANPD 19/2024):")
	} else {
		s.P("Your personal data may be transferred outside Brazil to the recipients below, each transfer relying on one of the mechanisms of Article 33 of the LGPD (Resolution CD/ANPD 19/2024):")
	}
	s.Add(&notice.Table{Caption: "International transfers: where, to whom, for what, which data and on which mechanism",
		Head: []string{"Destination", "Recipients", "Purposes", "Data", "Mechanism"}, Rows: rows})
	responsible := notice.Text("We are responsible for these transfers")
	if e != nil {
		responsible = notice.Plain(e.LegalName) + " is responsible for these transfers"
	}
	s.P(responsible + " (contact details in " + notice.Link("Who is responsible for your data", "#controller") + "), and you can ask our encarregado about them. Each recipient is responsible as " + notice.Link("Whom we share your data with", "#sharing") + " says, and the data is kept only as long as " + notice.Link("Why we process your data, how, and for how long", "#purposes") + " says. You can exercise your rights about transferred data as " + notice.Link("Your rights", "#your-rights") + " explains, including petitioning the national authority.")
	if copyable {
		s.P("Where we rely on contractual clauses, you may ask us for their full text, subject to commercial and industrial secrets; we will send it within 15 days of your request, as Resolution CD/ANPD 19/2024 requires.")
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

// union returns a with the items of b it lacks appended.

func (b *builder) automated() *notice.Section {
	ad := b.p.AutomatedDecisions
	s := &notice.Section{ID: "automated-decisions", Title: "Automated decisions"}
	s.Use("automated_decisions")
	var items []notice.Text
	for i, d := range ad.Decisions {
		if d == nil || !Decision(d).LGPDArt20.IsYes() {
			continue
		}
		s.Use(model.Index("automated_decisions.decisions", i))
		t := notice.Inline(string(d.Description))
		if d.Logic != "" {
			t += " Criteria and procedures: " + notice.Inline(string(d.Logic))
		}
		items = append(items, t)
	}
	if len(items) == 0 {
		s.P("We do not take decisions about you solely on the basis of automated processing of your personal data that affect your interests.")
		return s
	}
	s.P("We take the decisions below solely on the basis of automated processing of personal data, and they can affect your interests, including by defining your personal, professional or consumer profile. You may ask us to review any of them (LGPD Art. 20), and ask for clear and adequate information on the criteria and procedures used (Art. 20, §1), subject to our commercial and industrial secrets:")
	s.Add(&notice.List{Items: items})
	return s
}

func (b *builder) children() *notice.Section {
	ch := b.p.Children
	s := &notice.Section{ID: "children", Title: "Children and adolescents"}
	s.Use("children")
	s.P("We process the personal data of children and adolescents only in their best interest (LGPD Art. 14).")
	if ch.DirectedToChildren.IsYes() {
		s.Use("brazil.parental_consent", "brazil.children_data")
		s.P("We process the personal data of children (under 12) only with the specific and highlighted consent of at least one parent or legal guardian (Art. 14, §1).")
		if b.br.ParentalConsent != "" {
			s.Add(&notice.Prose{Markdown: string(b.br.ParentalConsent)})
		}
		if b.br.ChildrenData != "" {
			s.P("The data we collect from children and how we use it (Art. 14, §2):")
			s.Add(&notice.Prose{Markdown: string(b.br.ChildrenData)})
		}
		s.P("Parents and guardians exercise the child's rights under Article 18 by the means in " + notice.Link("Your rights", "#your-rights") + ".")
	} else {
		s.P(notice.Sentence(notice.Text("Our services are not directed to children, and are meant for people aged " + strconv.Itoa(ch.MinimumAge) + " or over")))
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
	s := &notice.Section{ID: "your-rights", Title: "Your rights under Article 18 of the LGPD"}
	s.Use("rights.request_methods", "rights.consent_withdrawal", "rights.verification")
	s.P("Under Article 18 of the LGPD you may obtain from us, at any time and on request, in relation to your personal data we process:")
	s.Add(&notice.List{Ordered: true, Items: []notice.Text{
		"confirmation that we process it (Art. 18, I);",
		"access to it (Art. 18, II);",
		"correction of incomplete, inaccurate or out-of-date data (Art. 18, III);",
		"anonymisation, blocking or deletion of data that is unnecessary or excessive, or processed in breach of the LGPD (Art. 18, IV);",
		"portability of your data to another provider of a service or product, on your express request, under the national authority's rules and subject to commercial and industrial secrets (Art. 18, V);",
		"deletion of the data we process with your consent, except where Article 16 lets us keep it (Art. 18, VI);",
		"information on the public and private entities with which we have shared your data (Art. 18, VII);",
		"information on the possibility of not giving consent and on the consequences of refusing (Art. 18, VIII); and",
		"revocation of your consent (Art. 18, IX; Art. 8, §5).",
	}})
	s.P("You may also oppose processing based on one of the cases where consent is not required, if it does not comply with the LGPD (Art. 18, §2), and ask for the review of decisions taken solely on the basis of automated processing (Art. 20).")
	s.Use("rights.authorized_agents")
	s.P("You may exercise your rights yourself or through a legally appointed representative (Art. 18, §3).")
	if a := b.p.Rights.AuthorizedAgents; a != "" {
		s.Add(&notice.Prose{Markdown: string(a)})
	}
	petition := notice.Text("You have the right to petition the national authority about your data against us (Art. 18, §1).")
	if a := authority(b.c); a != nil {
		petition = "You have the right to petition the national authority, " + notice.Plain(a.Name) + ", about your data against us (Art. 18, §1): " + notice.Web(a.URL) + "."
	}
	s.P(petition + " The national authority takes up a petition once you have first complained to us and we have not resolved it in the time its rules set (Art. 55-J, V), so please contact us first. You may also bring your petition before consumer protection bodies, such as a Procon (Art. 18, §8).")
	methods := b.p.Rights.RequestMethods
	if len(b.br.RequestMethods) > 0 {
		s.Use("brazil.request_methods")
		methods = b.br.RequestMethods
	}
	s.P("To exercise your rights, contact us or our encarregado; making a request is free of charge (Art. 18, §5):")
	s.Add(&notice.List{Items: j.RequestMethods(b.c, methods)})
	s.P("We confirm whether we process your data, or give you access to it, at once in a simplified form, or, within 15 days of your request, in a clear and complete statement showing where the data came from, whether we hold any record, the criteria used and the purpose of the processing (Art. 19, I and II). You choose whether to receive it electronically or in print (Art. 19, §2). Where we process your data on your consent or under a contract with you, you may ask for a complete electronic copy of it (Art. 19, §3).")
	s.P("If we cannot act on a request at once, we tell you either that we are not the agent processing your data, and who is, where we can, or the reasons of fact or law that prevent us from acting on it at once (Art. 18, §4).")
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
		s.P("How to revoke your consent:")
		s.Add(&notice.Prose{Markdown: string(w)})
		s.P("Revoking your consent does not affect what we did with it before, but you may also ask us to delete the data we processed with your consent (Art. 8, §5; Art. 18, VI), except where Article 16 lets us keep it.")
	}
	return s
}

func (b *builder) changes() *notice.Section {
	s := j.ChangesSection(b.c)
	s.P("If we change the purpose, form or duration of the processing, the controller, or whom we share your data with, we tell you, highlighting what changed (LGPD Art. 8, §6). Where we process your data with your consent, we tell you before a change of purpose that is not compatible with it, and you may revoke your consent if you disagree (Art. 9, §2).")
	return s
}

func (b *builder) contact() *notice.Section {
	s := &notice.Section{ID: "contact", Title: "Contact us"}
	s.Use("organization.privacy_contact", "brazil.encarregado")
	s.P("Questions about this notice or your data:")
	items := []notice.Text{j.ContactLine(b.c, fromBrazil(b.p.Organization.PrivacyContact))}
	if e := b.br.Encarregado; e != nil {
		items = append(items, "Our encarregado: "+j.ContactLine(b.c, e))
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

// dayWords writes a day as the notice does, "4 January 2027".
func dayWords(d model.Date) string { return d.Long() }

// unionOf is a with b's items it lacks, in order.
func unionOf(a, b []string) []string { return change.Uniq(append(a, b...)) }

// summary is the notice's key points: the encarregado, the legal bases,
// the rights and where to use them, international transfers, how long data
// is kept, children; and the ways to make a request.
func (b *builder) summary() *notice.Section {
	var s j.Summary
	if e := controllerEntity(b.p); e != nil {
		cpaths := []string{"brazil.controller"}
		for i, x := range b.p.Organization.Entities {
			if x == e {
				cpaths = append(cpaths, model.Index("organization.entities", i))
			}
		}
		s.Point("Who is responsible", notice.Plain(e.LegalName)+" is the controller (controlador) of your personal data.", "controller", cpaths...)
	}
	if e := b.br.Encarregado; e != nil {
		t := "Our encarregado (data protection officer) is " + notice.Plain(e.Name)
		if e.Email != "" {
			t += "; you can write to them at " + notice.Mail(e.Email)
		}
		s.Point("Our encarregado", notice.Sentence(t), "encarregado", "brazil.encarregado")
	}
	var lists [][]string
	var paths []string
	for i, pu := range b.p.Purposes {
		paths = append(paths, model.Index("purposes", i)+".lgpd_bases")
		lists = append(lists, Purpose(pu).LGPDBases)
	}
	if bases := j.ByUse(lists...); len(bases) > 0 {
		s.Point("Legal bases", "Depending on the purpose, we rely on these legal bases of Article 7 of the LGPD: "+notice.Series(words(bases, basisWords), "and")+".", "legal-bases", paths...)
	}
	if len(b.br.RequestMethods) > 0 {
		s.Methods, s.MethodsPath = b.br.RequestMethods, "brazil.request_methods"
	}
	petition := notice.Text("petition the national authority, after first complaining to us")
	if a := authority(b.c); a != nil {
		petition = "petition the national authority, " + notice.Plain(a.Name) + ", after first complaining to us"
	}
	s.Rights(b.c, "your-rights", []notice.Text{
		"ask us to confirm whether we process your data and give you access to it", "correct it",
		"have unnecessary, excessive or unlawfully processed data anonymised, blocked or deleted",
		"have data we process with your consent deleted", "take it to another provider", "learn whom we share it with",
		"revoke your consent", "oppose processing that does not comply with the LGPD",
		"ask for a review of decisions taken solely by automated means", petition,
	}, "brazil.request_methods")
	if e := b.br.Encarregado; e != nil && e.Email != "" {
		s.Act("Email our encarregado", "mailto:"+e.Email, "brazil.encarregado.email")
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
		t := "Some of your personal data goes to recipients in " + j.Countries(b.c, dest) + j.Later(b.c, later)
		if len(dest) == 0 {
			t = "Some of your personal data will go to recipients abroad (" + j.LaterOnly(b.c, later) + ")"
		}
		s.Point("International transfers", t+", each transfer relying on one of the mechanisms of Article 33 of the LGPD.", "transfers", append(paths, "brazil.transfers", "transfers")...)
	}
	s.Kept(b.c, "purposes", nil)
	s.Children(b.c, "children")
	return s.Section(b.c)
}
