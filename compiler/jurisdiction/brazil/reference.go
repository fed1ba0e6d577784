package brazil

import (
	"embed"
	"io/fs"
	"reflect"
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The pack's dated legal reference data (reference/*.yaml): the rules of
// the legal-requirements reference its law asks for, the ANPD's adequacy
// decisions, the Art. 33 transfer tools and the ANPD's contact, each list
// with the date it was last checked and its sources.
//
//go:embed reference/*.yaml
var referenceFS embed.FS

// ReferenceData implements jurisdiction.ReferenceHolder: the folder
// "reference" of the returned file system.
func (*Pack) ReferenceData() fs.FS { return referenceFS }

// ReferenceSections are the sections of the pack's reference data.
type ReferenceSections struct {
	// The rules of the legal-requirements reference the pack's law asks for.
	RequiredRules *j.RequiredRules `yaml:"required_rules" validate:"required"`
	// The ANPD's adequacy decisions (LGPD Art. 33 I and Art. 34).
	Adequacy *Adequacy `yaml:"anpd_adequacy" validate:"required"`
	// The transfer mechanisms of LGPD Art. 33 and the dates they can be
	// relied on.
	TransferTools *Tools `yaml:"lgpd_transfer_tools" validate:"required"`
	// The national authority (ANPD), to which people may petition (Art. 18
	// §1).
	Authority *Authority `yaml:"anpd_authority" validate:"required"`
}

// Adequacy lists the ANPD's adequacy decisions.
type Adequacy struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against its sources.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The decisions.
	Decisions []*AdequacyDecision `yaml:"decisions" validate:"required,min=1,dive"`
}

// AdequacyDecision is one adequacy decision of the ANPD.
type AdequacyDecision struct {
	Pos diag.Pos `yaml:"-"`
	// Who it recognises, in words, e.g. "the European Union".
	Name string `yaml:"name" validate:"required"`
	// The instrument, e.g. "Resolution CD/ANPD No. 32/2026".
	Instrument string `yaml:"instrument" validate:"required"`
	// The countries it covers, as ISO 3166-1 alpha-2 codes.
	Countries []string `yaml:"countries" validate:"required,min=1,dive,country"`
	// First day it applies.
	From model.Date `yaml:"from" validate:"required,date"`
	// Last day it applied, if it ended.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
}

// Tools lists the transfer mechanisms of LGPD Art. 33.
type Tools struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The tools.
	Tools []*Tool `yaml:"tools" validate:"required,min=1,dive"`
}

// Tool is one transfer mechanism (a value of transfers[].lgpd_mechanism)
// and when it can be relied on.
type Tool struct {
	Pos diag.Pos `yaml:"-"`
	// The value used in the data, e.g. anpd_scc.
	ID string `yaml:"id" validate:"required"`
	// How the notice names it.
	Name string `yaml:"name" validate:"required"`
	// The provision it rests on, e.g. "LGPD Art. 33, II, b".
	Basis string `yaml:"basis" validate:"required"`
	// Whether people may ask for the full text of the clauses (Resolution
	// CD/ANPD 19/2024: within 15 days of a request).
	Copy model.Answer `yaml:"copy" validate:"required"`
	// First day it can be relied on.
	From model.Date `yaml:"from" validate:"omitempty,date"`
	// Last day it could be relied on, if it ended.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// Why it ended.
	Ended string `yaml:"ended" validate:"required_with=Until"`
}

// Authority is the national data protection authority.
type Authority struct {
	Pos diag.Pos `yaml:"-"`
	// The date it was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// Its name, as the notice gives it.
	Name string `yaml:"name" validate:"required"`
	// Its website, where people petition it (Art. 18 §1).
	URL string `yaml:"url" validate:"required,http_url"`
}

// referenceExtension declares the pack's reference data.
var referenceExtension = &model.Extension{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{}), Doc: doc}

// references returns the pack's reference data as loaded for c.
func references(c *j.Context) *ReferenceSections {
	if c == nil || c.Reference == nil {
		return nil
	}
	return model.ExtOf[ReferenceSections](c.Reference.Ext, ID)
}

// AdequacyOf returns the ANPD adequacy decision in force for country on
// c.Date, or nil.
func AdequacyOf(c *j.Context, country string) *AdequacyDecision {
	r := references(c)
	if r == nil || r.Adequacy == nil {
		return nil
	}
	var found *AdequacyDecision
	for _, d := range r.Adequacy.Decisions {
		if d != nil && slices.Contains(d.Countries, country) && c.InForce(d.From, d.Until) {
			found = d
		}
	}
	return found
}

// ToolOf returns the reference entry of a transfer mechanism, or nil.
func ToolOf(c *j.Context, id string) *Tool {
	r := references(c)
	if r == nil || r.TransferTools == nil {
		return nil
	}
	for _, t := range r.TransferTools.Tools {
		if t != nil && t.ID == id {
			return t
		}
	}
	return nil
}

// authority returns the ANPD's reference entry, or nil.
func authority(c *j.Context) *Authority {
	if r := references(c); r != nil {
		return r.Authority
	}
	return nil
}
