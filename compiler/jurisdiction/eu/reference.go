package eu

import (
	"embed"
	"io/fs"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// The pack's dated legal reference data lives in reference/: the members of
// the European Economic Area, the EU and UK adequacy decisions and the
// transfer tools, each list with the date it was last checked and its
// sources. It is loaded like the project's data (positioned, validated)
// into the pack's extension of model.Reference.
//
//go:embed reference/*.yaml
var referenceFS embed.FS

// ReferenceData implements jurisdiction.ReferenceHolder: the folder
// "reference" of the returned file system.
func (*Pack) ReferenceData() fs.FS { return referenceFS }

// ReferenceSections are the sections of the pack's reference files.
type ReferenceSections struct {
	// Countries of the European Economic Area and when they were members.
	EEA *Membership `yaml:"eea" validate:"required"`
	// Adequacy decisions, per regime.
	Adequacy *AdequacyLists `yaml:"adequacy" validate:"required"`
	// Transfer tools and the dates they can be relied on.
	TransferTools *TransferTools `yaml:"transfer_tools" validate:"required"`
	// The U.S. self-certification frameworks and their dates.
	Frameworks *Frameworks `yaml:"frameworks" validate:"required"`
	// The Swiss supervisory authority, named in the notices.
	Authorities *ReferenceAuthorities `yaml:"authorities" validate:"required"`
	// Repealed provisions the team's prose may still cite.
	Repealed *Repealed `yaml:"repealed" validate:"required"`
	// The rules of the legal-requirements reference the pack's law asks for.
	RequiredRules *j.RequiredRules `yaml:"required_rules" validate:"required"`
}

// ReferenceAuthorities are the supervisory authorities whose contact details
// are the law's, not the organisation's.
type ReferenceAuthorities struct {
	Pos diag.Pos `yaml:"-"`
	// The date the details were last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The Federal Data Protection and Information Commissioner (FDPIC),
	// Switzerland's supervisory authority (FADP Art. 4).
	CH *model.Contact `yaml:"ch" validate:"required"`
}

// Frameworks lists the U.S. self-certification frameworks (Safe Harbor,
// Privacy Shield, Data Privacy Framework) over time.
type Frameworks struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The frameworks.
	List []*Framework `yaml:"list" validate:"required,min=1,dive"`
}

// Framework is one U.S. self-certification framework.
type Framework struct {
	Pos diag.Pos `yaml:"-"`
	// The value used in organization.dpf.frameworks, e.g. eu_us.
	ID string `yaml:"id" validate:"required"`
	// How the notices name it.
	Name string `yaml:"name" validate:"required"`
	// First day a certification under it could be relied on.
	From model.Date `yaml:"from" validate:"required,date"`
	// Last such day, if it ended.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// Why it ended.
	Ended string `yaml:"ended" validate:"required_with=Until"`
	// The public list of certified organisations ("Privacy Shield List"),
	// and its address.
	List    string `yaml:"list" validate:"required"`
	ListURL string `yaml:"list_url" validate:"required,http_url"`
}

// Repealed lists repealed or replaced provisions.
type Repealed struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The provisions.
	List []*Provision `yaml:"list" validate:"required,min=1,dive"`
}

// Provision is a repealed provision.
type Provision struct {
	Pos diag.Pos `yaml:"-"`
	// How to name it, e.g. "section 17A of the Data Protection Act 2018".
	Name string `yaml:"name" validate:"required"`
	// The last day it was in force.
	Until model.Date `yaml:"until" validate:"required,date"`
	// What replaced it.
	ReplacedBy string `yaml:"replaced_by" validate:"required"`
	// How prose cites it, matched as whole words, case-insensitively.
	AlsoKnownAs []string `yaml:"also_known_as" validate:"required,min=1,dive,required"`
}

// FrameworkOf returns the framework with the given id, or nil.
func FrameworkOf(c *j.Context, id string) *Framework {
	r := references(c)
	if r == nil || r.Frameworks == nil {
		return nil
	}
	for _, f := range r.Frameworks.List {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// FrameworkNames names the frameworks of an organisation's certification:
// "the EU-U.S. Data Privacy Framework and the UK Extension to it".
func FrameworkNames(c *j.Context, ids []string) notice.Text {
	var out []notice.Text
	for _, id := range ids {
		if f := FrameworkOf(c, id); f != nil {
			out = append(out, notice.Plain(f.Name))
		}
	}
	return c.List(out, locale.And)
}

// Membership lists the members of a group of countries over time.
type Membership struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The members.
	Members []*Member `yaml:"members" validate:"required,min=1,dive"`
}

// Member is one member country.
type Member struct {
	Pos diag.Pos `yaml:"-"`
	// ISO 3166-1 alpha-2 code.
	Country string `yaml:"country" validate:"required,country"`
	// First day of membership, when it matters (empty: before 2000).
	From model.Date `yaml:"from" validate:"omitempty,date"`
	// Last day of membership, if it ended.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
}

// AdequacyLists are the adequacy decisions of the EU, the UK and Switzerland.
type AdequacyLists struct {
	Pos diag.Pos `yaml:"-"`
	// European Commission decisions under GDPR Art. 45 (and Directive
	// 95/46/EC Art. 25(6) before it).
	EU *AdequacyList `yaml:"eu" validate:"required"`
	// UK adequacy regulations (DPA 2018 s. 17A; from 5 February 2026,
	// regulations approving transfers under UK GDPR Art. 45A).
	UK *AdequacyList `yaml:"uk" validate:"required"`
	// The countries Switzerland recognises as giving adequate protection:
	// from 1 September 2023 the Federal Council's binding list (FADP Art.
	// 16(1), DPO Annex 1); before it, the FDPIC's published list (Art. 7
	// of the 1993 Ordinance), which guided the exporter's own assessment.
	CH *AdequacyList `yaml:"ch" validate:"required"`
}

// AdequacyList is one regime's adequacy decisions.
type AdequacyList struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against its sources.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The decisions.
	Decisions []*AdequacyDecision `yaml:"decisions" validate:"required,min=1,dive"`
}

// AdequacyDecision is one adequacy decision.
type AdequacyDecision struct {
	Pos diag.Pos `yaml:"-"`
	// The country, as an ISO 3166-1 alpha-2 code.
	Country string `yaml:"country" validate:"required,country"`
	// The instrument, e.g. "Commission Implementing Decision (EU) 2019/419".
	Instrument string `yaml:"instrument" validate:"required"`
	// First day it applies.
	From model.Date `yaml:"from" validate:"required,date"`
	// Last day it applied, if it ended or expires.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// Who it covers when not everyone in the country, e.g. "commercial
	// organisations subject to PIPEDA".
	Scope string `yaml:"scope"`
	// The certification the recipient needs for the decision to cover it:
	// dpf (the EU-U.S. Data Privacy Framework, or the Privacy Shield or Safe
	// Harbour before it), dpf_uk_extension (the UK Extension) or dpf_swiss
	// (the Swiss-U.S. Data Privacy Framework, or the Swiss-U.S. Privacy
	// Shield before it).
	Requires string `yaml:"requires" validate:"omitempty,oneof=dpf dpf_uk_extension dpf_swiss"`
}

// TransferTools lists the transfer tools of each regime.
type TransferTools struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The tools.
	Tools []*TransferTool `yaml:"tools" validate:"required,min=1,dive"`
}

// TransferTool is one transfer tool (a value of transfers[].mechanism,
// transfers[].uk_mechanism or transfers[].ch_mechanism) and when it can be
// relied on.
type TransferTool struct {
	Pos diag.Pos `yaml:"-"`
	// The mechanism value used in the data, e.g. SCC_2021_914.
	ID string `yaml:"id" validate:"required"`
	// The regime it serves: eu, uk or ch.
	Regime string `yaml:"regime" validate:"required,oneof=eu uk ch"`
	// How the notices name it, e.g. "the European Commission's Standard
	// Contractual Clauses".
	Name string `yaml:"name" validate:"required"`
	// The provision it rests on, e.g. "GDPR Art. 46(2)(c)".
	Basis string `yaml:"basis" validate:"required"`
	// Whether the notice must say where to get a copy (GDPR Art. 13(1)(f)).
	Copy model.Answer `yaml:"copy" validate:"required"`
	// First day it can be relied on.
	From model.Date `yaml:"from" validate:"omitempty,date"`
	// Last day it could be relied on, if it ended.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// Why it ended, e.g. "invalidated by the Court of Justice in Schrems II".
	Ended string `yaml:"ended" validate:"required_with=Until"`
	// Other names the team's prose may use for it ("Privacy Shield",
	// "2010/87/EU"), so prose naming an ended tool is found.
	AlsoKnownAs []string `yaml:"also_known_as" validate:"dive,required"`
	// Later wording of the same tool, when the law renamed it or moved its
	// basis without ending it (the UK's adequacy regulations became
	// regulations approving transfers under Art. 45A on 5 February 2026):
	// a notice of a date names the tool as the latest wording in force then.
	Wording []*ToolWording `yaml:"wording" validate:"dive"`
}

// ToolWording is how the notices name a transfer tool from a date.
type ToolWording struct {
	Pos diag.Pos `yaml:"-"`
	// First day of this wording.
	From model.Date `yaml:"from" validate:"required,date"`
	// The name from that day.
	Name string `yaml:"name" validate:"required"`
	// The provision it rests on from that day.
	Basis string `yaml:"basis" validate:"required"`
	// Where the change is made, e.g. "Data (Use and Access) Act 2025 Sch. 7".
	Source string `yaml:"source" validate:"required"`
}

// On returns the tool as the notices of day d name it: t itself, or a copy
// with the name and basis of its latest wording in force on d.
func (t *TransferTool) On(d model.Date) *TransferTool {
	var w *ToolWording
	for _, x := range t.Wording {
		if x.From <= d && (w == nil || x.From > w.From) {
			w = x
		}
	}
	if w == nil {
		return t
	}
	c := *t
	c.Name, c.Basis = w.Name, w.Basis
	return &c
}

// references returns the pack's reference data as loaded for c.
func references(c *j.Context) *ReferenceSections {
	if c == nil || c.Reference == nil {
		return nil
	}
	return model.ExtOf[ReferenceSections](c.Reference.Ext, ID)
}

// Tool returns the reference entry of a transfer tool for a regime (eu, uk
// or ch), or nil.
func Tool(c *j.Context, regime, id string) *TransferTool {
	r := references(c)
	if r == nil || r.TransferTools == nil {
		return nil
	}
	for _, t := range r.TransferTools.Tools {
		if t.Regime == regime && t.ID == id {
			return t.On(c.Date)
		}
	}
	return nil
}

// FDPIC returns the Swiss supervisory authority's contact details from the
// reference data, or nil.
func FDPIC(c *j.Context) *model.Contact {
	r := references(c)
	if r == nil || r.Authorities == nil {
		return nil
	}
	return r.Authorities.CH
}

// InEEA reports whether country was in the European Economic Area on c.Date.
func InEEA(c *j.Context, country string) bool {
	r := references(c)
	if r == nil || r.EEA == nil {
		return false
	}
	for _, m := range r.EEA.Members {
		if m.Country == country && c.InForce(m.From, m.Until) {
			return true
		}
	}
	return false
}

// Adequacy returns the adequacy decision of the regime (eu, uk or ch) in
// force for country on c.Date, or nil.
func Adequacy(c *j.Context, regime, country string) *AdequacyDecision {
	r := references(c)
	if r == nil || r.Adequacy == nil {
		return nil
	}
	list := r.Adequacy.EU
	switch regime {
	case "uk":
		list = r.Adequacy.UK
	case "ch":
		list = r.Adequacy.CH
	}
	if list == nil {
		return nil
	}
	var found *AdequacyDecision
	for _, d := range list.Decisions {
		if d.Country == country && c.InForce(d.From, d.Until) {
			found = d // the latest listed wins where decisions overlap
		}
	}
	return found
}
