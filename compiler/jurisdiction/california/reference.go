package california

import (
	"embed"
	"io/fs"
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The pack's reference data (reference/*.yaml): the rules of the legal
// requirements reference its law asks for, and the dated thresholds of the
// "business" definition.
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
	// The thresholds of the definition of a "business", over time.
	BusinessThresholds *Thresholds `yaml:"business_thresholds" validate:"required"`
}

// Thresholds lists the thresholds of the "business" definition over time.
type Thresholds struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the facts come from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The thresholds, one entry per period.
	List []*Threshold `yaml:"list" validate:"required,min=1,dive"`
}

// Threshold is the "business" definition of one period: an organisation
// that meets any of its three thresholds is a business.
type Threshold struct {
	Pos diag.Pos `yaml:"-"`
	// First day it applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// Last day it applied; empty while it applies.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// The provision, such as "Civ. Code §1798.140(d)(1)".
	Citation string `yaml:"citation" validate:"required"`
	// Annual gross revenue (in the preceding calendar year) above which an
	// organisation is a business, in US dollars.
	RevenueOverUSD int `yaml:"revenue_over_usd" validate:"required,min=1"`
	// The number of consumers (and households, or devices) whose personal
	// information it buys, sells or shares in a year from which it is one.
	ConsumersAtLeast int `yaml:"consumers_at_least" validate:"required,min=1"`
	// What is counted toward that number, in words.
	Counted string `yaml:"counted" validate:"required"`
	// The percentage of annual revenue from selling (or sharing) personal
	// information from which it is one.
	PercentFromSellingAtLeast int `yaml:"percent_from_selling_at_least" validate:"required,min=1,max=100"`
	// What the revenue comes from, in words: selling, or selling or
	// sharing.
	Selling string `yaml:"selling" validate:"required"`
}

// referenceExtension declares the pack's reference data.
var referenceExtension = &model.Extension{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{}), Doc: doc}

// ThresholdOn returns the "business" thresholds in force on c's date, or
// nil before the CCPA or without the reference data.
func ThresholdOn(c *j.Context) *Threshold {
	if c == nil || c.Reference == nil {
		return nil
	}
	r := model.ExtOf[ReferenceSections](c.Reference.Ext, ID)
	if r == nil || r.BusinessThresholds == nil {
		return nil
	}
	for _, t := range r.BusinessThresholds.List {
		if t != nil && c.InForce(t.From, t.Until) {
			return t
		}
	}
	return nil
}
