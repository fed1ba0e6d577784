package usstates

import (
	"embed"
	"io/fs"
	"reflect"
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The pack's reference data (reference/*.yaml): the rules of the legal
// requirements reference its law asks for, and the dated facts of every
// state law: when it took effect, whom it applies to, what it counts as
// sensitive, the rights it gives and its own notice items.
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
	// The comprehensive state privacy laws.
	States *StateLaws `yaml:"states" validate:"required"`
}

// StateLaws lists the state laws.
type StateLaws struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against its sources.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// The laws, one per state.
	List []*Law `yaml:"list" validate:"required,min=1,dive"`
}

// Law is one state's comprehensive consumer privacy law.
type Law struct {
	Pos diag.Pos `yaml:"-"`
	// The state's two-letter postal code.
	Code string `yaml:"code" validate:"required,len=2,uppercase"`
	// The state's name.
	Name string `yaml:"name" validate:"required"`
	// The law's short title, e.g. "Virginia Consumer Data Protection Act".
	Law string `yaml:"law" validate:"required"`
	// Where the law is codified.
	Citation string `yaml:"citation" validate:"required"`
	// The provision on the privacy notice.
	NoticeCitation string `yaml:"notice_citation" validate:"required"`
	// The day the law's duties took effect.
	From model.Date `yaml:"from" validate:"required,date"`
	// The sources the entry was checked against.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,http_url"`
	// The applicability thresholds over time.
	Thresholds []*Threshold `yaml:"thresholds" validate:"required,min=1,dive"`
	// What the law counts as sensitive data, over time.
	Sensitive []*SensitiveList `yaml:"sensitive" validate:"required,min=1,dive"`
	// What the law asks before sensitive data is processed: consent
	// (opt-in), opt_out (notice and a chance to opt out) or
	// strictly_necessary (only where strictly necessary, never sold).
	SensitiveRule string `yaml:"sensitive_rule" validate:"required,oneof=consent opt_out strictly_necessary"`
	// The consumer rights the law gives, over time.
	Rights []*RightsList `yaml:"rights" validate:"required,min=1,dive"`
	// Days the controller has to answer a request, before any extension.
	ResponseDays int `yaml:"response_days" validate:"required,min=1"`
	// Days the controller has to decide an appeal; 0 when the law gives no
	// right to appeal (Utah).
	AppealDays int `yaml:"appeal_days" validate:"min=0"`
	// Whether a consumer whose appeal is denied must be told how to
	// complain to the state's Attorney General.
	AppealToAG model.Answer `yaml:"appeal_to_ag" validate:"required"`
	// The Attorney General's consumer complaint page.
	AGContactURL string `yaml:"ag_contact_url" validate:"omitempty,http_url"`
	// When controllers must honour universal opt-out mechanisms; nil when
	// the law does not require it.
	UniversalOptOut *Dated `yaml:"universal_opt_out"`
	// Rules for known minors' data beyond children under 13.
	Minors []*Minors `yaml:"minors" validate:"dive"`
	// The law's own notice items.
	Specific []*Specific `yaml:"specific" validate:"dive"`
}

// Threshold is the applicability test of one period: a controller that
// meets any of its tests (and its revenue condition) is covered.
type Threshold struct {
	Pos diag.Pos `yaml:"-"`
	// First day it applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// Last day it applied; empty while it applies.
	Until model.Date `yaml:"until" validate:"omitempty,date"`
	// The provision.
	Citation string `yaml:"citation" validate:"required"`
	// Annual gross revenue above which alone a controller can be covered
	// (Tennessee: "exceeding"); 0 for none.
	RevenueOverUSD int `yaml:"revenue_over_usd" validate:"min=0"`
	// Annual gross revenue from which alone a controller can be covered
	// (Utah: "or more"); 0 for none.
	RevenueAtLeastUSD int `yaml:"revenue_at_least_usd" validate:"min=0"`
	// Whether small businesses as the SBA defines them are out of scope.
	SmallBusinessExempt model.Answer `yaml:"small_business_exempt" validate:"required"`
	// The alternative tests.
	Tests []*Test `yaml:"tests" validate:"required,min=1,dive"`
}

// Test is one way of meeting a threshold: every condition it gives holds.
type Test struct {
	Pos diag.Pos `yaml:"-"`
	// Consumers of the state whose data was controlled or processed in the
	// year, at least; 0 asks only that there be some.
	ConsumersAtLeast int `yaml:"consumers_at_least" validate:"min=0"`
	// Whether data processed only to complete a payment is left out of the
	// count.
	ExcludingPaymentOnly model.Answer `yaml:"excluding_payment_only"`
	// More than this percentage of gross revenue came from selling personal
	// data.
	SaleRevenueOverPercent int `yaml:"sale_revenue_over_percent" validate:"min=0,max=100"`
	// At least this percentage of gross revenue came from selling personal
	// data (Oregon: "25 percent or more").
	SaleRevenueAtLeastPercent int `yaml:"sale_revenue_at_least_percent" validate:"min=0,max=100"`
	// Any revenue or discount came from selling personal data.
	SaleRevenueAny model.Answer `yaml:"sale_revenue_any"`
	// Any sensitive data (as the state defines it) is processed.
	SensitiveData model.Answer `yaml:"sensitive_data"`
	// Personal data is sold (offered for sale).
	Sells model.Answer `yaml:"sells"`
	// The controller is not a small business as the SBA defines it.
	NotSmallBusiness model.Answer `yaml:"not_small_business"`
}

// SensitiveList is what a state counts as sensitive data from a date.
type SensitiveList struct {
	Pos diag.Pos `yaml:"-"`
	// First day the list applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// The provision defining sensitive data.
	Citation string `yaml:"citation" validate:"required"`
	// The kinds (the vocabulary of categories' us_sensitive).
	Kinds []string `yaml:"kinds" validate:"required,min=1,dive,oneof=racial_ethnic_origin national_origin religious_beliefs health_diagnosis consumer_health sex_life sexual_orientation gender_identity citizenship_immigration genetic biometric child precise_geolocation crime_victim financial_account government_id biological neural union_membership pregnancy"`
}

// RightsList is the consumer rights a state gives from a date.
type RightsList struct {
	Pos diag.Pos `yaml:"-"`
	// First day the list applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// The rights, by id.
	List []string `yaml:"list" validate:"required,min=1,dive,oneof=confirm_access correct delete portability portability_provided opt_out_sale opt_out_targeted_advertising opt_out_profiling appeal third_parties_list third_parties_sold_list third_party_categories_list question_profiling"`
}

// Dated is a duty from a date.
type Dated struct {
	Pos diag.Pos `yaml:"-"`
	// First day of the duty.
	From model.Date `yaml:"from" validate:"required,date"`
	// The provision.
	Citation string `yaml:"citation" validate:"required"`
}

// Minors is a state's rule for known minors' data.
type Minors struct {
	Pos diag.Pos `yaml:"-"`
	// First day the rule applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// The ages below which (from 13) it applies.
	Under int `yaml:"under" validate:"required,min=14,max=19"`
	// consent (opt-in first) or prohibited.
	Rule string `yaml:"rule" validate:"required,oneof=consent prohibited"`
	// What it covers.
	Covers []string `yaml:"covers" validate:"required,min=1,dive,oneof=sale targeted_advertising profiling"`
	// The provision.
	Citation string `yaml:"citation" validate:"required"`
}

// Specific is one of a state's own notice items.
type Specific struct {
	Pos diag.Pos `yaml:"-"`
	// The rule id.
	ID string `yaml:"id" validate:"required"`
	// First day it applied.
	From model.Date `yaml:"from" validate:"required,date"`
	// The provision.
	Citation string `yaml:"citation" validate:"required"`
	// The words the law prescribes, when it does.
	Text string `yaml:"text"`
	// When it applies, in a short condition id, for readers of the
	// reference data; the requirement named by By decides it from the data.
	When string `yaml:"when"`
	// What it asks, in a sentence.
	Summary string `yaml:"summary" validate:"required"`
	// The requirement of this pack that makes the disclosure, or
	// not_notice for a duty outside the notice (a processing rule).
	By string `yaml:"by" validate:"required"`
}

// referenceExtension declares the pack's reference data.
var referenceExtension = &model.Extension{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{}), Doc: doc}

// Laws returns the state laws of the reference data in force on c's date,
// in the reference's order (nil without the reference data).
func Laws(c *j.Context) []*Law {
	if c == nil || c.Reference == nil {
		return nil
	}
	r := model.ExtOf[ReferenceSections](c.Reference.Ext, ID)
	if r == nil || r.States == nil {
		return nil
	}
	var out []*Law
	for _, l := range r.States.List {
		if l != nil && l.From <= c.Date {
			out = append(out, l)
		}
	}
	return out
}

// latestOn returns the entry of items in force on d: the one with the
// latest from on or before d, unless its until (when it has one) is before
// d. Reference lists are dated this way: a later entry replaces an earlier.
func latestOn[T any](items []*T, d model.Date, from, until func(*T) model.Date) *T {
	var out *T
	for _, x := range items {
		if x != nil && from(x) <= d && (out == nil || from(x) > from(out)) {
			out = x
		}
	}
	if out != nil && until != nil && until(out) != "" && until(out) < d {
		return nil
	}
	return out
}

// ThresholdOn returns l's threshold in force on d, or nil.
func (l *Law) ThresholdOn(d model.Date) *Threshold {
	return latestOn(l.Thresholds, d, func(t *Threshold) model.Date { return t.From }, func(t *Threshold) model.Date { return t.Until })
}

// SensitiveOn returns the kinds l counts as sensitive on d.
func (l *Law) SensitiveOn(d model.Date) *SensitiveList {
	return latestOn(l.Sensitive, d, func(s *SensitiveList) model.Date { return s.From }, nil)
}

// Counts reports whether l counts kind as sensitive on d.
func (l *Law) Counts(kind string, d model.Date) bool {
	s := l.SensitiveOn(d)
	return s != nil && slices.Contains(s.Kinds, kind)
}

// RightsOn returns the rights l gives on d.
func (l *Law) RightsOn(d model.Date) []string {
	if r := latestOn(l.Rights, d, func(r *RightsList) model.Date { return r.From }, nil); r != nil {
		return r.List
	}
	return nil
}

// MinorsOn returns l's rules for minors in force on d: those of the latest
// date on or before d (a later set replaces the earlier one whole).
func (l *Law) MinorsOn(d model.Date) []*Minors {
	latest := latestOn(l.Minors, d, func(m *Minors) model.Date { return m.From }, nil)
	var out []*Minors
	for _, m := range l.Minors {
		if m != nil && latest != nil && m.From == latest.From {
			out = append(out, m)
		}
	}
	return out
}

// SpecificOn returns l's own notice item id in force on d (its latest
// version), or nil.
func (l *Law) SpecificOn(id string, d model.Date) *Specific {
	var of []*Specific
	for _, s := range l.Specific {
		if s != nil && s.ID == id {
			of = append(of, s)
		}
	}
	return latestOn(of, d, func(s *Specific) model.Date { return s.From }, nil)
}

// OptOutSignalOn reports whether l requires honouring universal opt-out
// mechanisms on d.
func (l *Law) OptOutSignalOn(d model.Date) bool {
	return l.UniversalOptOut != nil && l.UniversalOptOut.From <= d
}
