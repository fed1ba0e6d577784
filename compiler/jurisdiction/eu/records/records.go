// Package records compiles the controller's record of processing activities
// (GDPR Art. 30(1), UK GDPR Art. 30(1)) from the data the notices are
// compiled from, so the record and the notices never disagree: one activity
// per purpose, with its data subjects, personal data, recipients, transfers
// and their safeguards, retention and the security measures of the systems
// that hold its data. The record's own facts (the systems and their
// measures, the joint controllers' contact details, who keeps the record)
// are the records: section (Extensions), judged by the record's rules
// (Check), never by the notices'. It lives beside the eu pack because
// Art. 30 is GDPR law and it reads that pack's facts (representatives,
// DPOs, legal bases, transfer tools) through the pack's accessors.
//
// Build returns the record IR (Record); its writers give CSV, JSON and a
// notice.Document that compiler/pdf typesets.
package records

import (
	"slices"
	"strings"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Record is the controller's record of processing activities. Every text is
// reading text (the team's Markdown rendered plain); lists keep the data's
// order, countries are sorted by name.
type Record struct {
	// Title of the record.
	Title string `json:"title"`
	// The organisation's name, as in the notices.
	Organization string `json:"organization"`
	// The data it was made from.
	Source Source `json:"source"`
	// Who keeps the record (Art. 30(4)); nil when the data does not say.
	Owner *Party `json:"owner,omitempty"`
	// Whether the data asks for the record to be published on the site
	// (records.publish: yes).
	Publish bool `json:"publish"`
	// The controllers (entities whose role is controller), with their
	// contact details (Art. 30(1)(a)).
	Controllers []*Party `json:"controllers"`
	// The joint controllers: entities whose role is joint_controller, and the
	// joint controllers among the recipients.
	JointControllers []*Party `json:"joint_controllers"`
	// The representatives (Art. 27; EU and UK).
	Representatives []*Party `json:"representatives"`
	// The data protection officers (Arts. 37-39; EU and UK).
	DPOs []*Party `json:"data_protection_officers"`
	// One activity per purpose, in the data's order.
	Activities []*Activity `json:"activities"`
	// Every transfer to a third country, with its safeguards.
	Transfers []*Transfer `json:"transfers"`
	// The time limits for erasure, per category of personal data.
	Retention []*Retention `json:"retention"`
	// The technical and organisational security measures.
	Security Security `json:"security"`
	// How to read the record, and what it cannot show from the data
	// (a UK transfer on a derogation the data does not name).
	Notes []string `json:"notes,omitempty"`
}

// Source is the version and date of the data a record was made from.
type Source struct {
	// The day the record speaks as of (the notices' as-of day).
	AsOf model.Date `json:"as_of"`
	// SHA-256 (hex) of the data's normalised snapshot (release.Snapshot),
	// the same bytes a release freezes as data.json.
	DataSHA256 string `json:"data_sha256"`
	// The head of the release ledger, when there is one.
	LedgerHead string `json:"ledger_head,omitempty"`
	// The version of each notice in force on AsOf.
	Versions []*Version `json:"versions,omitempty"`
}

// Version is a released version of a notice.
type Version struct {
	Notice    string     `json:"notice"`
	Version   string     `json:"version"`
	Effective model.Date `json:"effective"`
}

// Party is a controller, joint controller, representative, DPO or the
// record's keeper, with its contact details.
type Party struct {
	// The role, e.g. "Controller", "EU representative (GDPR Art. 27)".
	Role string `json:"role"`
	// The id of the entity or recipient it comes from, if any.
	ID      string `json:"id,omitempty"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Email   string `json:"email,omitempty"`
	Phone   string `json:"phone,omitempty"`
	WebForm string `json:"web_form,omitempty"`
	URL     string `json:"url,omitempty"`
	// For a joint controller: the essence of the arrangement (Art. 26(2)).
	Arrangement string `json:"arrangement,omitempty"`
	// The purposes it decides (controllers of a group), by id.
	Purposes []string `json:"purposes,omitempty"`
	// path is the data path it is read from, for the document's trace.
	path string
	// entity says it is a company of the group (not a recipient).
	entity bool
	// with is whom the arrangement is with: the entity, or the recipient
	// category.
	with string
}

// Activity is one processing activity: a purpose.
type Activity struct {
	// The purpose's id and name.
	ID      string `json:"id"`
	Purpose string `json:"purpose"`
	// What is done with the data.
	Description string `json:"description"`
	// The controllers deciding it, by legal name.
	Controllers []string `json:"controllers"`
	// The joint controllers for part of it, by name.
	JointControllers []string `json:"joint_controllers,omitempty"`
	// Its legal bases under the EU GDPR and, when they differ, the UK GDPR
	// (not asked by Art. 30(1), but kept with the record by most
	// authorities' templates).
	LegalBases   []string `json:"legal_bases,omitempty"`
	UKLegalBases []string `json:"uk_legal_bases,omitempty"`
	// The categories of data subjects (Art. 30(1)(c)).
	Subjects []*Named `json:"data_subjects"`
	// The categories of personal data, each with its time limit for
	// erasure in this activity (Art. 30(1)(c) and (f)).
	Categories []*Category `json:"personal_data"`
	// The categories of recipients (Art. 30(1)(d)).
	Recipients []*Recipient `json:"recipients"`
	// The transfers to third countries (Art. 30(1)(e)), by id.
	Transfers []string `json:"transfers,omitempty"`
	// The systems holding its data (Art. 30(1)(g)), by id.
	Systems []string `json:"systems"`

	index int // the purpose's index, for the trace
}

// Named is an item of the data by id and name.
type Named struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Category is a category of personal data in an activity.
type Category struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// What it includes (categories[].examples): with the name, the
	// description of the category Art. 30(1)(c) asks for.
	Examples []string `json:"examples,omitempty"`
	// Special categories (Art. 9) or criminal-offence data (Art. 10).
	Special []string `json:"special,omitempty"`
	// The retention rule applying to it in the activity, by id, and its
	// time limit in words.
	RetentionRule string `json:"retention_rule"`
	Retention     string `json:"retention"`
}

// Recipient is a category of recipients.
type Recipient struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Its role under the GDPR (processor, controller, joint_controller).
	Role string `json:"role,omitempty"`
	// Countries where they are, by name.
	Countries []string `json:"countries,omitempty"`
	// The third countries the data goes to them in, by name, under the EU
	// GDPR (outside the EEA) and under the UK GDPR (outside the UK): the
	// destinations of the transfers of each regime's data that name them.
	// A country in the EEA is a third country under the UK GDPR only.
	ThirdCountriesEU []string `json:"third_countries_eu,omitempty"`
	ThirdCountriesUK []string `json:"third_countries_uk,omitempty"`
}

// Transfer is a transfer to third countries and its safeguards.
type Transfer struct {
	ID string `json:"id"`
	// The destination countries, by name, and their ISO codes.
	Countries []string `json:"countries"`
	Codes     []string `json:"country_codes"`
	// Of those, the third countries under the EU GDPR (outside the EEA,
	// for a transfer of EU data) and under the UK GDPR (outside the UK,
	// for a transfer of UK data), by ISO code.
	ThirdEU []string `json:"third_countries_eu,omitempty"`
	ThirdUK []string `json:"third_countries_uk,omitempty"`
	// The recipients.
	Recipients []*Named `json:"recipients"`
	// The safeguard for EU data (Arts. 45-49) and for UK data (UK GDPR Arts.
	// 45A-49); empty when the transfer carries none of that data.
	SafeguardEU string `json:"safeguard_eu,omitempty"`
	SafeguardUK string `json:"safeguard_uk,omitempty"`
	// For a transfer on compelling legitimate interests (Art. 49(1) second
	// subparagraph): the documentation of suitable safeguards.
	Documentation string `json:"documentation,omitempty"`
	// The activities whose data it carries, by purpose id.
	Activities []string `json:"activities"`
	// The UK safeguard is a derogation of UK GDPR Art. 49 that the data
	// does not name (Notes says so).
	UKDerogationUnnamed bool `json:"uk_derogation_unnamed,omitempty"`
	// From is the day the transfer starts, when it has not started on the
	// record's day (every processor making it starts later).
	From model.Date `json:"from,omitempty"`

	index int
}

// Retention is the time limit for erasure of a category of personal data.
type Retention struct {
	Category string `json:"category"`
	Name     string `json:"name"`
	// What the category includes (categories[].examples).
	Examples []string `json:"examples,omitempty"`
	Rule     string   `json:"rule"`
	Limit    string   `json:"limit"`
}

// Security is the general description of the security measures.
type Security struct {
	// The security statement of the notices, in their words (to the people
	// the data is about): notice text, not a description of the measures,
	// so the record's document leaves it out.
	Statement string `json:"statement"`
	// The measures that apply throughout (security.measures and
	// records.measures).
	Measures []string `json:"measures"`
	// The systems holding personal data and their own measures.
	Systems []*SystemRecord `json:"systems"`
}

// SystemRecord is a system holding personal data, as the record gives it.
type SystemRecord struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Locations   []string `json:"locations,omitempty"`
	Processors  []string `json:"processors,omitempty"`
	Activities  []string `json:"activities"`
	Measures    []string `json:"measures"`

	index int
}

// Build compiles the record of a checked project as of c.Date, from src (the
// data's version, which the caller computes). It never fails: what the
// record lacks is reported by Check, and the record leaves it empty.
func Build(c *j.Context, src Source) *Record {
	p := c.Project
	r := &Record{Title: "Record of processing activities", Organization: p.Organization.Name, Source: src}
	own := Of(p)
	if own != nil {
		r.Publish = own.Publish.IsYes()
		if own.Owner != nil {
			r.Owner = party("Keeper of the record (Art. 30(4))", "", own.Owner, "records.owner")
		}
	}
	r.parties(c)
	for i, t := range p.Transfers {
		tr := transfer(c, i, t, own)
		tr.From = startsAfter(p, t, c.Date)
		r.Transfers = append(r.Transfers, tr)
	}
	for i, pu := range p.Purposes {
		r.Activities = append(r.Activities, r.activity(c, i, pu, own))
	}
	for _, t := range r.Transfers {
		for _, a := range r.Activities {
			if slices.Contains(a.Transfers, t.ID) {
				t.Activities = append(t.Activities, a.ID)
			}
		}
	}
	for _, cat := range p.Categories {
		rule := j.RetentionRule(p, cat.Retention)
		r.Retention = append(r.Retention, &Retention{Category: cat.ID, Name: cat.Name, Examples: slices.Clone(cat.Examples), Rule: cat.Retention, Limit: text(j.Retention(english, rule))})
	}
	r.Security = security(p, own, r.Activities)
	r.Notes = append(r.Notes, "Scope: this record covers the processing the privacy notices describe, one activity per purpose. Processing they do not describe (of staff and contractors, or background checks of candidates, say) is not in it and must be recorded with it.")
	r.Notes = append(r.Notes, "Purposes, their descriptions and the time limits for erasure are in the words of the privacy notices, which speak to the people the data is about (\"you\").")
	for _, t := range r.Transfers {
		if t.From != "" {
			r.Notes = append(r.Notes, "Transfer "+t.ID+" has not started on the record's day: it starts on "+string(t.From)+", when the processors making it start (processors[].added).")
		}
	}
	for i, t := range p.Transfers {
		if eu.Transfer(t).UKMechanism == ukDerogation {
			r.Notes = append(r.Notes, "Transfer "+t.ID+" of UK data rests on a derogation for specific situations (UK GDPR Art. 49), and the data does not say which one: the record cannot name it, so keep it with the documentation of the transfer.")
			r.Transfers[i].UKDerogationUnnamed = true
		}
	}
	return r
}

// ukDerogation is the eu pack's one code for every derogation of UK GDPR
// Art. 49, which therefore does not say which applies.
const ukDerogation = "UK_ART49"

// parties lists the controllers, joint controllers, representatives and
// DPOs.
func (r *Record) parties(c *j.Context) {
	p := c.Project
	org := p.Organization
	for i, e := range org.Entities {
		path := model.Index("organization.entities", i)
		ct := &model.Contact{Name: e.LegalName, Email: e.Email, Phone: e.Phone, WebForm: e.WebForm, Address: e.Address}
		switch e.Role {
		case "controller":
			pt := party("Controller", e.ID, ct, path)
			pt.Purposes = slices.Clone(eu.Entity(e).Decides)
			r.Controllers = append(r.Controllers, pt)
		case "joint_controller":
			pt := party("Joint controller", e.ID, ct, path)
			pt.Purposes, pt.entity, pt.with = slices.Clone(eu.Entity(e).Decides), true, e.LegalName
			pt.Arrangement = text(notice.Inline(string(e.JointArrangement)))
			r.JointControllers = append(r.JointControllers, pt)
		}
	}
	for i, rc := range p.Recipients {
		f := eu.Recipient(rc)
		if f.GDPRRole != "joint_controller" {
			continue
		}
		path := model.Index("recipients", i)
		contacts := jointContacts(p, rc.ID)
		if len(contacts) == 0 {
			pt := &Party{Role: "Joint controllers (" + rc.Name + ")", ID: rc.ID, Name: rc.Name, path: path, with: j.LowerFirstIn(&j.Context{Project: p}, rc.Name)}
			pt.Arrangement = text(notice.Inline(string(f.JointArrangement)))
			r.JointControllers = append(r.JointControllers, pt)
			continue
		}
		for _, jc := range contacts {
			pt := party("Joint controller ("+rc.Name+")", rc.ID, jc.contact, jc.path)
			pt.with = j.LowerFirstIn(&j.Context{Project: p}, rc.Name)
			pt.Arrangement = text(notice.Inline(string(f.JointArrangement)))
			r.JointControllers = append(r.JointControllers, pt)
		}
	}
	g := eu.Org(org)
	if rp := g.Representatives; rp != nil {
		if rp.EU != nil {
			r.Representatives = append(r.Representatives, party("EU representative (GDPR Art. 27)", "", rp.EU, "organization.representatives.eu"))
		}
		if rp.UK != nil {
			r.Representatives = append(r.Representatives, party("UK representative (UK GDPR Art. 27)", "", rp.UK, "organization.representatives.uk"))
		}
	}
	if d := g.DPO; d != nil {
		if d.EU != nil && d.EU.Appointed.IsYes() {
			r.DPOs = append(r.DPOs, party("Data protection officer (GDPR Art. 37)", "", orEmpty(d.EU.Contact), "organization.dpo.eu"))
		}
		if d.UK != nil && d.UK.Appointed.IsYes() {
			r.DPOs = append(r.DPOs, party("Data protection officer (UK GDPR Art. 37)", "", orEmpty(d.UK.Contact), "organization.dpo.uk"))
		}
	}
}

type located struct {
	contact *model.Contact
	path    string
}

// jointContacts returns the contacts the record's data gives for the joint
// controllers of a recipient category.
func jointContacts(p *model.Project, recipient string) []located {
	own := Of(p)
	if own == nil {
		return nil
	}
	var out []located
	for i, jc := range own.JointControllers {
		if jc.Recipient != recipient {
			continue
		}
		for k, ct := range jc.Contacts {
			out = append(out, located{ct, model.Index(model.Index("records.joint_controllers", i)+".contacts", k)})
		}
	}
	return out
}

func orEmpty(ct *model.Contact) *model.Contact {
	if ct == nil {
		return &model.Contact{}
	}
	return ct
}

func party(role, id string, ct *model.Contact, path string) *Party {
	return &Party{Role: role, ID: id, Name: ct.Name, Address: text(j.Address(english, ct.Address)), Email: ct.Email,
		Phone: firstOf(ct.Phone, ct.TollFreePhone), WebForm: ct.WebForm, URL: ct.URL, path: path}
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// activity compiles the activity of purpose pu, the i-th.
func (r *Record) activity(c *j.Context, i int, pu *model.Purpose, own *Records) *Activity {
	p := c.Project
	a := &Activity{ID: pu.ID, Purpose: pu.Name, Description: text(notice.Inline(string(pu.Description))), index: i}
	for _, ct := range r.Controllers {
		if slices.Contains(ct.Purposes, pu.ID) {
			a.Controllers = append(a.Controllers, ct.Name)
		}
	}
	if a.Controllers == nil {
		// No entity says which purposes it decides: every controller does.
		for _, ct := range r.Controllers {
			if len(ct.Purposes) == 0 {
				a.Controllers = append(a.Controllers, ct.Name)
			}
		}
	}
	for _, jc := range r.JointControllers {
		if jc.entity && (len(jc.Purposes) == 0 || slices.Contains(jc.Purposes, pu.ID)) || !jc.entity && slices.Contains(pu.Recipients, jc.ID) {
			a.JointControllers = append(a.JointControllers, jc.Name)
		}
	}
	f := eu.Purpose(pu)
	for _, b := range f.LegalBases {
		a.LegalBases = append(a.LegalBases, basisName(b))
	}
	for _, b := range f.UKLegalBases {
		a.UKLegalBases = append(a.UKLegalBases, basisName(b))
	}
	for _, id := range subjectsOf(p, pu) {
		if s := j.Lookup(p.Subjects, id, func(s *model.Subject) string { return s.ID }); s != nil {
			a.Subjects = append(a.Subjects, &Named{ID: s.ID, Name: s.Name})
		}
	}
	for _, id := range pu.Categories {
		cat := j.Category(p, id)
		if cat == nil {
			continue
		}
		rule := cat.Retention
		if pu.Retention != "" {
			rule = pu.Retention
		}
		a.Categories = append(a.Categories, &Category{ID: cat.ID, Name: cat.Name, Examples: slices.Clone(cat.Examples), Special: slices.Clone(cat.Special),
			RetentionRule: rule, Retention: text(j.Retention(english, j.RetentionRule(p, rule)))})
	}
	for _, t := range r.Transfers {
		if carries(p, p.Transfers[t.index], pu) {
			a.Transfers = append(a.Transfers, t.ID)
		}
	}
	for _, id := range pu.Recipients {
		rc := j.Recipient(p, id)
		if rc == nil {
			continue
		}
		e := &Recipient{ID: rc.ID, Name: rc.Name, Role: eu.Recipient(rc).GDPRRole, Countries: countryNames(rc.Countries)}
		thirdEU, thirdUK := thirdOf(r.Transfers, func(t *Transfer) bool {
			return slices.Contains(a.Transfers, t.ID) && slices.Contains(p.Transfers[t.index].Recipients, rc.ID)
		})
		e.ThirdCountriesEU, e.ThirdCountriesUK = countryNames(thirdEU), countryNames(thirdUK)
		a.Recipients = append(a.Recipients, e)
	}
	if own != nil {
		for _, s := range own.Systems {
			if slices.Contains(s.Purposes, pu.ID) {
				a.Systems = append(a.Systems, s.ID)
			}
		}
	}
	return a
}

// carries reports whether transfer t carries the data of purpose pu: it
// reaches a recipient category the purpose discloses to and, where that
// category's processors are named (processors[].recipient), one of them
// that serves the purpose (processors[].purposes) makes the transfer (its
// transfer, or, when it names none, a destination where it is). A
// category whose processors are not named is judged as a whole.
func carries(p *model.Project, t *model.Transfer, pu *model.Purpose) bool {
	for _, rid := range t.Recipients {
		if !slices.Contains(pu.Recipients, rid) {
			continue
		}
		named := false
		for _, pr := range p.Processors {
			if pr == nil || pr.Recipient != rid {
				continue
			}
			named = true
			if !slices.Contains(pr.Purposes, pu.ID) {
				continue
			}
			if pr.Transfer == t.ID || pr.Transfer == "" && slices.ContainsFunc(append([]string{pr.Country}, pr.Locations...), func(c string) bool { return slices.Contains(t.Destinations, c) }) {
				return true
			}
		}
		if !named {
			return true
		}
	}
	return false
}

// startsAfter is the day a transfer starts, when every processor named as
// making it starts after day (processors[].added): the record lists a
// transfer that "will be" made (Art. 30(1)(d), (e)) and says when.
func startsAfter(p *model.Project, t *model.Transfer, day model.Date) model.Date {
	var first model.Date
	for _, pr := range p.Processors {
		if pr == nil || pr.Transfer != t.ID {
			continue
		}
		if !pr.Added.Valid() || pr.Added <= day {
			return ""
		}
		if first == "" || pr.Added < first {
			first = pr.Added
		}
	}
	return first
}

// subjectsOf returns the groups of people a purpose concerns: its own, or
// else those of its categories, in order.
func subjectsOf(p *model.Project, pu *model.Purpose) []string {
	if len(pu.Subjects) > 0 {
		return pu.Subjects
	}
	var out []string
	for _, id := range pu.Categories {
		if cat := j.Category(p, id); cat != nil {
			for _, s := range cat.Subjects {
				if !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// transfer compiles the i-th transfer.
func transfer(c *j.Context, i int, t *model.Transfer, own *Records) *Transfer {
	codes := slices.Clone(t.Destinations)
	j.SortCountries(english, codes)
	out := &Transfer{ID: t.ID, Codes: codes, Countries: countryNames(codes), index: i}
	for _, id := range t.Recipients {
		if rc := j.Recipient(c.Project, id); rc != nil {
			out.Recipients = append(out.Recipients, &Named{ID: rc.ID, Name: rc.Name})
		}
	}
	f := eu.Transfer(t)
	if f.Mechanism != "" {
		out.SafeguardEU = tool(c, "eu", f.Mechanism, f.SCCModules)
		for _, code := range codes {
			if !eu.InEEA(c, code) {
				out.ThirdEU = append(out.ThirdEU, code)
			}
		}
	}
	if f.UKMechanism != "" {
		out.SafeguardUK = tool(c, "uk", f.UKMechanism, nil)
		for _, code := range codes {
			if code != "GB" {
				out.ThirdUK = append(out.ThirdUK, code)
			}
		}
	}
	if own != nil {
		for _, d := range own.TransferDocumentation {
			if d.Transfer == t.ID {
				out.Documentation = text(notice.Inline(string(d.Safeguards)))
			}
		}
	}
	return out
}

// tool names a transfer tool as the reference data does on c.Date, with
// the provision it rests on.
func tool(c *j.Context, regime, id string, modules []int) string {
	t := eu.Tool(c, regime, id)
	if t == nil {
		return id
	}
	s := j.UpperFirst(t.Name) + " (" + t.Basis + ")"
	if len(modules) > 0 {
		var ms []string
		for _, m := range modules {
			ms = append(ms, sccModules[m])
		}
		s += ", " + pluralModule(len(ms)) + " " + strings.Join(ms, ", ")
	}
	return s
}

func pluralModule(n int) string {
	if n == 1 {
		return "module"
	}
	return "modules"
}

var sccModules = map[int]string{1: "1 (controller to controller)", 2: "2 (controller to processor)", 3: "3 (processor to processor)", 4: "4 (processor to controller)"}

var basisNames = map[string]string{
	"consent":                        "Consent (Art. 6(1)(a))",
	"contract":                       "Contract (Art. 6(1)(b))",
	"legal_obligation":               "Legal obligation (Art. 6(1)(c))",
	"vital_interests":                "Vital interests (Art. 6(1)(d))",
	"public_task":                    "Public task (Art. 6(1)(e))",
	"legitimate_interests":           "Legitimate interests (Art. 6(1)(f))",
	"recognised_legitimate_interest": "Recognised legitimate interest (UK GDPR Art. 6(1)(ea))",
}

func basisName(id string) string {
	if n, ok := basisNames[id]; ok {
		return n
	}
	return id
}

// security compiles the security measures: the notices' statement and
// measures, the record's own general measures and each system's.
func security(p *model.Project, own *Records, acts []*Activity) Security {
	var s Security
	if p.Security != nil {
		s.Statement = text(notice.Inline(string(p.Security.Statement)))
		s.Measures = append(s.Measures, p.Security.Measures...)
	}
	if own == nil {
		return s
	}
	s.Measures = append(s.Measures, own.Measures...)
	for i, sys := range own.Systems {
		e := &SystemRecord{ID: sys.ID, Name: sys.Name, Description: text(notice.Inline(string(sys.Description))),
			Locations: countryNames(sortedCountries(sys.Locations)), Measures: slices.Clone(sys.Measures), index: i}
		for _, id := range sys.Processors {
			if pr := j.Lookup(p.Processors, id, func(x *model.Processor) string { return x.ID }); pr != nil {
				e.Processors = append(e.Processors, pr.Name)
			}
		}
		for _, a := range acts {
			if slices.Contains(a.Systems, sys.ID) {
				e.Activities = append(e.Activities, a.ID)
			}
		}
		s.Systems = append(s.Systems, e)
	}
	return s
}

func sortedCountries(codes []string) []string {
	c := slices.Clone(codes)
	j.SortCountries(english, c)
	return c
}

func countryNames(codes []string) []string {
	var out []string
	for _, c := range sortedCountries(codes) {
		out = append(out, model.CountryName(c))
	}
	return out
}

// text is inline Markdown as reading text.
func text(t notice.Text) string { return notice.InlineText(t) }

// thirdOf returns the third countries, under the EU GDPR and under the UK
// GDPR, of the transfers keep accepts: ISO codes, each once, in the
// notices' order of countries.
func thirdOf(ts []*Transfer, keep func(*Transfer) bool) (eu, uk []string) {
	for _, t := range ts {
		if !keep(t) {
			continue
		}
		for _, c := range t.ThirdEU {
			if !slices.Contains(eu, c) {
				eu = append(eu, c)
			}
		}
		for _, c := range t.ThirdUK {
			if !slices.Contains(uk, c) {
				uk = append(uk, c)
			}
		}
	}
	j.SortCountries(english, eu)
	j.SortCountries(english, uk)
	return eu, uk
}

// thirdCountries says in which third countries, and under which regime, a
// recipient receives data: "United States (EU and UK GDPR); France (UK GDPR
// only)"; "" for none.
func thirdCountries(eu, uk []string) string {
	var both, euOnly, ukOnly []string
	for _, c := range eu {
		if slices.Contains(uk, c) {
			both = append(both, c)
		} else {
			euOnly = append(euOnly, c)
		}
	}
	for _, c := range uk {
		if !slices.Contains(eu, c) {
			ukOnly = append(ukOnly, c)
		}
	}
	var parts []string
	for _, g := range []struct {
		names []string
		label string
	}{{both, "EU and UK GDPR"}, {euOnly, "EU GDPR only"}, {ukOnly, "UK GDPR only"}} {
		if len(g.names) > 0 {
			parts = append(parts, strings.Join(g.names, ", ")+" ("+g.label+")")
		}
	}
	return strings.Join(parts, "; ")
}

// english is the context the record writes the shared wording in: a
// record is kept in English.
var english = &j.Context{}
