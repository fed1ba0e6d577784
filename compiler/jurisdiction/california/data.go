package california

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// The California facts are this pack's own data: the california: section
// and the CCPA fields of categories, purposes and recipients. The loader
// decodes them beside the core keys (model.Extension), so the data files
// read as before; only this package knows their types.

// Sections are the top-level sections this pack adds to the data files.
type Sections struct {
	// California (CCPA/CPRA, Shine the Light, CalOPPA) facts.
	California *California `yaml:"california"`
}

// CategoryFacts are the CCPA facts of a category of personal data.
type CategoryFacts struct {
	// The California statutory categories (Civ. Code §1798.140(v)(1)(A)-(L)),
	// by letter:
	//   - A: identifiers
	//   - B: personal information categories listed in the California
	//     Customer Records statute (Cal. Civ. Code §1798.80(e))
	//   - C: characteristics of protected classifications under California
	//     or federal law
	//   - D: commercial information
	//   - E: biometric information
	//   - F: internet or other electronic network activity information
	//   - G: geolocation data
	//   - H: audio, electronic, visual, thermal, olfactory, or similar
	//     information
	//   - I: professional or employment-related information
	//   - J: non-public education information
	//   - K: inferences drawn from other personal information
	//   - L: sensitive personal information
	CCPACategories []string `yaml:"ccpa_categories" validate:"dive,oneof=A B C D E F G H I J K L"`
	// California sensitive personal information subtypes (§1798.140(ae)):
	//   - L1: social security, driver's license, state identification card
	//     or passport number
	//   - L2: account log-in, financial account, debit card or credit card
	//     number with any required security or access code, password or
	//     credentials
	//   - L3: precise geolocation
	//   - L4: racial or ethnic origin, citizenship or immigration status,
	//     religious or philosophical beliefs, or union membership
	//   - L5: contents of mail, email and text messages, unless the business
	//     is the intended recipient
	//   - L6: genetic data
	//   - L7: neural data
	//   - L8: biometric information processed to uniquely identify a consumer
	//   - L9: personal information about a consumer's health
	//   - L10: personal information about a consumer's sex life or sexual
	//     orientation
	CCPASensitive []string `yaml:"ccpa_sensitive" validate:"dive,oneof=L1 L2 L3 L4 L5 L6 L7 L8 L9 L10"`
	// What of the category is sensitive, in words, when it is less than the
	// whole statutory subtype: "citizenship or immigration status (your
	// right to work)", not every element of L4. The notice then names it,
	// and the subtype it falls under.
	SensitiveWhat string `yaml:"sensitive_what"`
	// Whether this category was sold in the preceding 12 months (CCPA).
	Sold model.Answer `yaml:"sold"`
	// Whether this category was shared for cross-context behavioural
	// advertising in the preceding 12 months (CCPA).
	Shared model.Answer `yaml:"shared"`
}

// PurposeFacts are the CCPA facts of a purpose.
type PurposeFacts struct {
	// California business or commercial purposes (Civ. Code §1798.140(e)):
	//   - auditing: auditing related to interactions with consumers (e)(1)
	//   - security: helping to ensure security and integrity (e)(2)
	//   - debugging: debugging to identify and repair errors (e)(3)
	//   - short_term_use: short-term, transient use, such as non-personalised
	//     advertising shown as part of a current interaction (e)(4)
	//   - performing_services: performing services on behalf of the business
	//     (e)(5)
	//   - advertising_and_marketing: providing advertising and marketing
	//     services, except cross-context behavioural advertising (e)(6)
	//   - internal_research: internal research for technological development
	//     and demonstration (e)(7)
	//   - quality_and_safety: verifying or maintaining the quality or safety
	//     of a service or device, and improving it (e)(8)
	//   - commercial: a commercial purpose, to advance the business's
	//     commercial or economic interests
	BusinessPurposes []string `yaml:"business_purposes" validate:"dive,oneof=auditing security debugging short_term_use performing_services advertising_and_marketing internal_research quality_and_safety commercial"`
	// Whether this purpose involves selling personal data (CCPA).
	Sells model.Answer `yaml:"sells"`
	// Whether this purpose involves sharing personal data for cross-context
	// behavioural advertising (CCPA).
	Shares model.Answer `yaml:"shares"`
}

// RecipientFacts are the CCPA facts of a recipient.
type RecipientFacts struct {
	// Whether personal data is sold to them (CCPA).
	Sold model.Answer `yaml:"sold"`
	// Whether personal data is shared with them for cross-context behavioural
	// advertising (CCPA).
	Shared model.Answer `yaml:"shared"`
}

// California holds the facts the California notice needs.
type California struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the organisation is a "business" under Civ. Code §1798.140(d)
	// (before 2023, §1798.140(c)), so that it publishes the California
	// notice. With measures, the pack derives the answer for the notice's
	// date, and a business: that disagrees is an error; without them it is
	// the answer; one of the two is required. "business: no" needs none of
	// the other California facts.
	Business model.Answer `yaml:"business" validate:"required_without=Measures"`
	// The organisation's measures against the thresholds of the "business"
	// definition, from which the pack derives whether it is one on the
	// notice's date (the thresholds are dated reference data).
	Measures *Measures `yaml:"measures"`
	// Whether personal information is sold; required when the notice is
	// published.
	Sells model.Answer `yaml:"sells"`
	// Whether personal information is shared for cross-context behavioural
	// advertising; required when the notice is published from 2023 (the
	// CPRA).
	Shares model.Answer `yaml:"shares"`
	// Whether personal information of consumers under 16 is sold or shared
	// with actual knowledge of their age; required when the notice is
	// published.
	SellsOrSharesUnder16 model.Answer `yaml:"sells_or_shares_under_16"`
	// How consumers under 16 opt in to the sale or sharing of their personal
	// information: the affirmative authorisation of a parent or guardian for
	// a child under 13 (regs §7070) and the consumer's own opt-in at 13 to 15
	// (§7071); required when sells_or_shares_under_16 is yes (§7072(a),
	// §7011(e)(3)(I)).
	UnderSixteenOptIn model.Markdown `yaml:"under_16_opt_in"`
	// Whether sensitive personal information is used or disclosed beyond the
	// purposes permitted by regs §7027(m); required when the notice is
	// published from 2023 (the CPRA).
	SensitiveBeyondPermitted model.Answer `yaml:"sensitive_beyond_permitted"`
	// Whether the business operates exclusively online and has a direct
	// relationship with consumers (then an email address is enough for
	// requests, §1798.130(a)(1)(A)); required when the notice is published.
	ExclusivelyOnline model.Answer `yaml:"exclusively_online"`
	// Whether a request to know can cover personal information collected
	// before the 12 months preceding it, back to 1 January 2022 (Civ. Code
	// §1798.130(a)(2)(B); from 2026 the request method must offer it when
	// personal information is kept longer than 12 months).
	KnowBefore12Months model.Answer `yaml:"know_before_12_months"`
	// Links required when selling, sharing or using sensitive personal
	// information beyond permitted purposes.
	Links *CaliforniaLinks `yaml:"links"`
	// Whether financial incentives are offered for personal information
	// (§7016); required when the notice is published.
	FinancialIncentives model.Answer `yaml:"financial_incentives"`
	// The incentives, when financial_incentives is yes.
	Incentives []*Incentive `yaml:"incentives" validate:"dive"`
	// Request metrics for businesses handling the data of 10 million or more
	// Californians a year (§7102).
	Metrics *Metrics `yaml:"metrics"`
	// Shine the Light (Civ. Code §1798.83).
	ShineTheLight *ShineTheLight `yaml:"shine_the_light"`
	// The commitment about de-identified information (§1798.140(m)).
	Deidentified model.Markdown `yaml:"deidentified"`
	// Whether the business offers a mobile app; from 2026 the privacy policy
	// must then be accessible within the app (regs §7011 as amended), which
	// the team signs off (reviews[], rule CCR-2026-PP).
	Apps model.Answer `yaml:"apps"`
}

// Measures are the organisation's figures for the thresholds of the
// "business" definition (Civ. Code §1798.140(d)(1)(A)-(C); before 2023,
// §1798.140(c)(1)(A)-(C)). Any figure over its threshold makes the
// organisation a business; all three under theirs make it not one. Count
// each as the law of the notice's date does.
type Measures struct {
	Pos diag.Pos `yaml:"-"`
	// Annual gross revenue in the preceding calendar year, worldwide, in
	// thousands of US dollars (26625 for $26,625,000).
	RevenueUSDThousands int `yaml:"gross_revenue_usd_thousands" validate:"min=0"`
	// The number of consumers or households (before 2023: consumers,
	// households or devices) whose personal information the organisation
	// buys, sells or shares (before 2023: buys, receives for a commercial
	// purpose, sells or shares for a commercial purpose) in a year.
	Consumers int `yaml:"consumers_bought_sold_shared" validate:"min=0"`
	// The percentage of annual revenue derived from selling (from 2023:
	// selling or sharing) consumers' personal information.
	PercentFromSelling int `yaml:"percent_revenue_from_selling" validate:"min=0,max=100"`
}

// CaliforniaLinks are the opt-out links of Civ. Code §1798.135.
type CaliforniaLinks struct {
	Pos diag.Pos `yaml:"-"`
	// The "Do Not Sell or Share My Personal Information" page.
	DoNotSellOrShare string `yaml:"do_not_sell_or_share" validate:"omitempty,http_url"`
	// The "Limit the Use of My Sensitive Personal Information" page.
	LimitSensitive string `yaml:"limit_sensitive" validate:"omitempty,http_url"`
	// The alternative opt-out link (§7015).
	PrivacyChoices *PrivacyChoices `yaml:"privacy_choices"`
}

// PrivacyChoices is the alternative opt-out link of regs §7015.
type PrivacyChoices struct {
	Pos diag.Pos `yaml:"-"`
	// Exactly "Your Privacy Choices" or "Your California Privacy Choices".
	Title string `yaml:"title" validate:"required,oneof='Your Privacy Choices' 'Your California Privacy Choices'"`
	// The page.
	URL string `yaml:"url" validate:"required,http_url"`
}

// Incentive is a financial incentive (regs §7016): its notice of financial
// incentive, item by item of §7016(d).
type Incentive struct {
	Pos diag.Pos `yaml:"-"`
	// Name of the programme.
	Name string `yaml:"name" validate:"required"`
	// A succinct summary of the incentive or price or service difference
	// (§7016(d)(1)).
	Summary model.Markdown `yaml:"summary"`
	// Its material terms (§7016(d)(2)).
	Description model.Markdown `yaml:"description" validate:"required"`
	// The categories of personal information it involves, by id
	// (§7016(d)(2)).
	Categories []string `yaml:"categories" validate:"dive,id" ref:"categories"`
	// How consumers opt in (§7016(d)(3)).
	OptIn model.Markdown `yaml:"opt_in"`
	// How consumers withdraw, which they may do at any time (§7016(d)(4)).
	Withdraw model.Markdown `yaml:"withdraw"`
	// A good-faith estimate of the value of the consumer's data that forms
	// the basis of the incentive (§7016(d)(5)(A)).
	ValueEstimate model.Markdown `yaml:"value_estimate"`
	// How that value is calculated (§7016(d)(5)(B), §7081).
	ValuationMethod model.Markdown `yaml:"valuation_method"`
}

// Metrics are the request metrics of regs §7102.
type Metrics struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the business must publish them.
	Required model.Answer `yaml:"required" validate:"required"`
	// Link to the published metrics.
	URL string `yaml:"url" validate:"omitempty,http_url"`
	// The calendar year the published metrics cover; by 1 July of each year
	// they must cover the previous one (§7102(a)(2)).
	Year int `yaml:"year" validate:"omitempty,min=2019,max=9999"`
}

// ShineTheLight covers Civ. Code §1798.83.
type ShineTheLight struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the business has 20 or more employees (below that, the law does
	// not apply).
	EmployeesAtLeast20 model.Answer `yaml:"employees_20_or_more" validate:"required"`
	// Whether personal information is disclosed to third parties for their
	// own direct marketing.
	DisclosesForDirectMarketing model.Answer `yaml:"discloses_for_direct_marketing" validate:"required"`
	// The alternative of §1798.83(c)(2):
	//   - opt_in: such disclosures happen only when the customer opts in
	//   - opt_out: customers may opt out of them free of charge
	Choice string `yaml:"choice" validate:"omitempty,oneof=opt_in opt_out"`
	// Where customers send a request for the list of disclosures (a mailing
	// address, email address, or toll-free telephone or fax number).
	Contact *model.Contact `yaml:"contact"`
}

// SignalFacts are the CCPA facts of an opt-out preference signal
// (cookies.global_privacy_control).
type SignalFacts struct {
	// What the signal opts out (regs §7025(c)(1), §7011(e)(3)(F)):
	//   - browser: the browser that sends it
	//   - device: the device that sends it
	//   - account: the consumer's account, when known
	//   - offline: offline sales and sharing
	Scope []string `yaml:"scope" validate:"dive,oneof=browser device account offline"`
	// Whether the signal is processed in a frictionless manner (regs
	// §7025(f)); then the opt-out links are not required (§7025(e)).
	Frictionless model.Answer `yaml:"frictionless"`
	// How consumers can turn the signal on for it to be processed in a
	// frictionless manner; required when frictionless is yes (regs
	// §7011(e)(3)(G)).
	HowToUse model.Markdown `yaml:"how_to_use"`
}

// DecisionFacts are the CCPA facts of an automated decision: the use of
// automated decision-making technology (ADMT) for a significant decision
// (regs §§7200, 7220-7221, from 2027).
type DecisionFacts struct {
	// The significant decision the technology is used for (regs §7001):
	//   - financial_lending: financial or lending services
	//   - housing: housing
	//   - education: education enrolment or opportunities
	//   - employment: employment or independent-contracting opportunities or
	//     compensation
	//   - healthcare: healthcare services
	//   - none: it makes no significant decision
	SignificantDecision string `yaml:"significant_decision" validate:"omitempty,oneof=financial_lending housing education employment healthcare none"`
	// The specific purpose of the technology, in plain language; "to make a
	// significant decision about you" is not enough (§7220(c)(1)).
	SpecificPurpose model.Markdown `yaml:"specific_purpose"`
	// How consumers opt out of the technology (§7220(c)(2)).
	OptOut model.Markdown `yaml:"opt_out"`
	// The exception to the right to opt out relied on instead (§7221(b)):
	//   - human_appeal: consumers can appeal the decision to a qualified
	//     human reviewer (§7221(b)(1))
	//   - security_fraud_safety: used only to prevent, detect and
	//     investigate security incidents, resist fraud and illegal actions,
	//     and ensure physical safety
	//   - admission_acceptance_hiring: used only for admission, acceptance or
	//     hiring decisions
	//   - allocation_assignment_compensation: used only for the allocation or
	//     assignment of work and compensation
	Exception string `yaml:"exception" validate:"omitempty,oneof=human_appeal security_fraud_safety admission_acceptance_hiring allocation_assignment_compensation"`
	// How consumers appeal the decision to a qualified human reviewer;
	// required with the human_appeal exception (§7221(b)(1)).
	Appeal model.Markdown `yaml:"appeal"`
}

// extensions declares the pack's data.
func extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(Sections{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Category{}), Type: reflect.TypeOf(CategoryFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(PurposeFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Recipient{}), Type: reflect.TypeOf(RecipientFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Signal{}), Type: reflect.TypeOf(SignalFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Decision{}), Type: reflect.TypeOf(DecisionFacts{}), Doc: doc},
		referenceExtension,
	}
}

func doc(key string) string { return docs[key] }

// Of returns the project's California facts (its california: section), or
// nil when the data has none.
func Of(p *model.Project) *California {
	if s := model.ExtOf[Sections](p.Ext, ID); s != nil {
		return s.California
	}
	return nil
}

// Category returns the CCPA facts of a category (zero when it has none).
func Category(c *model.Category) *CategoryFacts { return model.ExtOrZero[CategoryFacts](c.Ext, ID) }

// Purpose returns the CCPA facts of a purpose (zero when it has none).
func Purpose(p *model.Purpose) *PurposeFacts { return model.ExtOrZero[PurposeFacts](p.Ext, ID) }

// Recipient returns the CCPA facts of a recipient (zero when it has none).
func Recipient(r *model.Recipient) *RecipientFacts {
	return model.ExtOrZero[RecipientFacts](r.Ext, ID)
}

// Signal returns the CCPA facts of an opt-out preference signal (zero when
// it has none, or is nil).
func Signal(s *model.Signal) *SignalFacts {
	if s == nil {
		return &SignalFacts{}
	}
	return model.ExtOrZero[SignalFacts](s.Ext, ID)
}

// Decision returns the CCPA facts of an automated decision (zero when it
// has none).
func Decision(d *model.Decision) *DecisionFacts { return model.ExtOrZero[DecisionFacts](d.Ext, ID) }
