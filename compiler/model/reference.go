package model

import "github.com/disclose-dev/disclose/compiler/diag"

// Reference is the legal reference data the jurisdiction rule packs check the
// project against: facts that change over time, such as adequacy decisions
// and transfer tools that were struck down or replaced. Every list is dated
// (as_of) and names its sources. disclose ships it in compiler/reference/;
// it is loaded and validated like the project's own data.
type Reference struct {
	// Countries of the European Economic Area and when they were members.
	EEA *Membership `yaml:"eea" validate:"required"`
	// Adequacy decisions, per regime.
	Adequacy *AdequacyLists `yaml:"adequacy" validate:"required"`
	// Transfer tools and the dates they can be relied on.
	TransferTools *TransferTools `yaml:"transfer_tools" validate:"required"`

	// Source maps data paths to their positions in the reference files.
	Source *SourceMap `yaml:"-"`
}

// Membership lists the members of a group of countries over time.
type Membership struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf Date `yaml:"as_of" validate:"required,date"`
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
	From Date `yaml:"from" validate:"omitempty,date"`
	// Last day of membership, if it ended.
	Until Date `yaml:"until" validate:"omitempty,date"`
}

// AdequacyLists are the adequacy decisions of the EU and the UK.
type AdequacyLists struct {
	Pos diag.Pos `yaml:"-"`
	// European Commission decisions under GDPR Art. 45 (and Directive
	// 95/46/EC Art. 25(6) before it).
	EU *AdequacyList `yaml:"eu" validate:"required"`
	// UK adequacy regulations (UK GDPR Art. 45A, DPA 2018 s. 17A).
	UK *AdequacyList `yaml:"uk" validate:"required"`
}

// AdequacyList is one regime's adequacy decisions.
type AdequacyList struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against its sources.
	AsOf Date `yaml:"as_of" validate:"required,date"`
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
	From Date `yaml:"from" validate:"required,date"`
	// Last day it applied, if it ended or expires.
	Until Date `yaml:"until" validate:"omitempty,date"`
	// Who it covers when not everyone in the country, e.g. "commercial
	// organisations subject to PIPEDA".
	Scope string `yaml:"scope"`
	// The certification the recipient needs for the decision to cover it:
	// dpf (the EU-U.S. Data Privacy Framework, or the Privacy Shield or Safe
	// Harbour before it) or dpf_uk_extension (the UK Extension).
	Requires string `yaml:"requires" validate:"omitempty,oneof=dpf dpf_uk_extension"`
}

// TransferTools lists the transfer tools of each regime.
type TransferTools struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The tools.
	Tools []*TransferTool `yaml:"tools" validate:"required,min=1,dive"`
}

// TransferTool is one transfer tool (a value of transfers[].mechanism or
// transfers[].uk_mechanism) and when it can be relied on.
type TransferTool struct {
	Pos diag.Pos `yaml:"-"`
	// The mechanism value used in the data, e.g. SCC_2021_914.
	ID string `yaml:"id" validate:"required"`
	// The regime it serves: eu or uk.
	Regime string `yaml:"regime" validate:"required,oneof=eu uk"`
	// How the notices name it, e.g. "the European Commission's Standard
	// Contractual Clauses".
	Name string `yaml:"name" validate:"required"`
	// The provision it rests on, e.g. "GDPR Art. 46(2)(c)".
	Basis string `yaml:"basis" validate:"required"`
	// Whether the notice must say where to get a copy (GDPR Art. 13(1)(f)).
	Copy Answer `yaml:"copy" validate:"required"`
	// First day it can be relied on.
	From Date `yaml:"from" validate:"omitempty,date"`
	// Last day it could be relied on, if it ended.
	Until Date `yaml:"until" validate:"omitempty,date"`
	// Why it ended, e.g. "invalidated by the Court of Justice in Schrems II".
	Ended string `yaml:"ended" validate:"required_with=Until"`
}
