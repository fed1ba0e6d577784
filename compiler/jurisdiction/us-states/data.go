package usstates

import (
	"reflect"
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// The US state facts are this pack's own data: the us_states: section and
// the fields it adds to categories and purposes, decoded beside the core
// keys (model.Extension). Only this package knows their types.

// Sections are the top-level sections this pack adds to the data files.
type Sections struct {
	// Facts for the US state privacy notice (the comprehensive consumer
	// privacy laws of Virginia, Colorado, Connecticut and the other states;
	// California has its own notice).
	USStates *Facts `yaml:"us_states"`
}

// Facts are what the US state privacy notice needs beyond the core data.
type Facts struct {
	Pos diag.Pos `yaml:"-"`
	// The measures the state laws' thresholds are judged on, for the
	// calendar year before the notice's date.
	Measures *Measures `yaml:"measures"`
	// The states where we have consumers: for each, the number of its
	// residents whose personal data we controlled or processed in
	// measures.year, or our answer to whether its law applies to us (both:
	// the answer must agree with the count). A state not listed is one where
	// we have no consumers.
	States []*State `yaml:"states" validate:"dive"`
	// Whether we sell personal data: exchange it for money or other
	// valuable consideration, as the state laws define a sale.
	Sells model.Answer `yaml:"sells"`
	// Whether we process personal data for targeted advertising: ads based
	// on personal data obtained from a consumer's activity over time across
	// other companies' websites or online applications.
	TargetedAdvertising model.Answer `yaml:"targeted_advertising"`
	// Whether we profile consumers in furtherance of decisions that produce
	// legal or similarly significant effects (financial or lending services,
	// housing, insurance, education, criminal justice, employment, health
	// care, or access to essential goods or services).
	Profiling model.Answer `yaml:"profiling"`
	// Where consumers opt out of the sale of their personal data, targeted
	// advertising or profiling: a web page reached through a clear and
	// conspicuous link.
	OptOutURL string `yaml:"opt_out_url" validate:"omitempty,http_url"`
	// How we process a universal opt-out mechanism (such as the Global
	// Privacy Control): what the signal opts the consumer out of, and for
	// which browser, device or account.
	UniversalOptOut model.Markdown `yaml:"universal_opt_out"`
	// How we obtain a consumer's consent before we process their sensitive
	// data, and how they withdraw it.
	SensitiveConsent model.Markdown `yaml:"sensitive_consent"`
	// When we delete sensitive data inferences within 24 hours of making
	// them (Colorado Rule 6.10): what they are, and how long we keep them.
	SensitiveInferences model.Markdown `yaml:"sensitive_inferences"`
	// Whether we treat a request to opt out of targeted advertising
	// (including a universal opt-out signal) as a request to opt out of any
	// sale too: what a team that does not sell, but whose advertising
	// partners' use of data some state laws may call a sale, says it does.
	OptOutCoversSale model.Answer `yaml:"opt_out_covers_sale"`
	// Whether we know (or wilfully disregard) that consumers aged 13 to 17
	// use our services and still sell their data, or use it for targeted
	// advertising or profiling.
	TeensSoldOrTargeted model.Answer `yaml:"teens_sold_or_targeted"`
	// When teens_sold_or_targeted is yes: how we obtain the consent the
	// state laws require first.
	TeensConsent model.Markdown `yaml:"teens_consent"`
	// Whether the companies that control the data do business under any
	// name other than their legal names (registered or assumed business
	// names, Oregon).
	UsesAssumedNames model.Answer `yaml:"uses_assumed_names"`
	// The registered or assumed business names we use, when
	// uses_assumed_names is yes.
	AssumedNames []string `yaml:"assumed_names" validate:"dive,required"`
	// Whether we collect, use or sell personal data to train large language
	// models (Connecticut, from 2026-07-01).
	LLMTraining model.Answer `yaml:"llm_training"`
	// How consumers appeal our decision on their request, in this notice's
	// words (the US state laws' appeal, with the Attorney General); without
	// it the notice uses rights.appeal.
	Appeal model.Markdown `yaml:"appeal"`
	// How quickly we answer requests, in this notice's words; without it the
	// notice uses rights.response_time.
	ResponseTime model.Markdown `yaml:"response_time"`
}

// SubjectFacts are the US state facts of a group of people.
type SubjectFacts struct {
	// Whether the people of the group are consumers under the state laws:
	// residents acting for themselves or their household. Set no for groups
	// we deal with only in a business or employment role (customers' staff,
	// business contacts, job applicants), which the laws leave out; the
	// notice then covers only the other groups' data.
	USConsumer model.Answer `yaml:"us_consumer"`
}

// RecipientFacts are the US state facts of a recipient.
type RecipientFacts struct {
	// Who they are and how they may process the data, in this notice's
	// words; without it the notice uses the recipient's description.
	USDescription model.Markdown `yaml:"us_description"`
}

// Measures are the figures the applicability thresholds compare.
type Measures struct {
	Pos diag.Pos `yaml:"-"`
	// The calendar year the figures are for (the thresholds look at the
	// preceding calendar year).
	Year int `yaml:"year" validate:"required,min=2000,max=2100"`
	// Annual gross revenue in that year, in US dollars (Utah and Tennessee
	// apply only above a revenue threshold).
	RevenueUSD int `yaml:"revenue_usd" validate:"min=0"`
	// The percentage of gross revenue that came from selling personal data.
	RevenueFromSalePercent int `yaml:"revenue_from_sale_percent" validate:"min=0,max=100"`
	// Whether the organisation is a small business as the US Small Business
	// Administration defines it (Texas and Nebraska exempt small businesses).
	SmallBusiness model.Answer `yaml:"small_business" validate:"required"`
}

// State is what we know of one state.
type State struct {
	Pos diag.Pos `yaml:"-"`
	// The state, by its two-letter postal code (VA, CO, ...): any of the
	// fifty states or the District of Columbia; the notice covers those
	// whose comprehensive privacy law applies:
	//   - AL: Alabama
	//   - AK: Alaska
	//   - AZ: Arizona
	//   - AR: Arkansas
	//   - CA: California
	//   - CO: Colorado
	//   - CT: Connecticut
	//   - DE: Delaware
	//   - DC: the District of Columbia
	//   - FL: Florida
	//   - GA: Georgia
	//   - HI: Hawaii
	//   - ID: Idaho
	//   - IL: Illinois
	//   - IN: Indiana
	//   - IA: Iowa
	//   - KS: Kansas
	//   - KY: Kentucky
	//   - LA: Louisiana
	//   - ME: Maine
	//   - MD: Maryland
	//   - MA: Massachusetts
	//   - MI: Michigan
	//   - MN: Minnesota
	//   - MS: Mississippi
	//   - MO: Missouri
	//   - MT: Montana
	//   - NE: Nebraska
	//   - NV: Nevada
	//   - NH: New Hampshire
	//   - NJ: New Jersey
	//   - NM: New Mexico
	//   - NY: New York
	//   - NC: North Carolina
	//   - ND: North Dakota
	//   - OH: Ohio
	//   - OK: Oklahoma
	//   - OR: Oregon
	//   - PA: Pennsylvania
	//   - RI: Rhode Island
	//   - SC: South Carolina
	//   - SD: South Dakota
	//   - TN: Tennessee
	//   - TX: Texas
	//   - UT: Utah
	//   - VT: Vermont
	//   - VA: Virginia
	//   - WA: Washington
	//   - WV: West Virginia
	//   - WI: Wisconsin
	//   - WY: Wyoming
	State string `yaml:"state" validate:"required,oneof=AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"`
	// The number of the state's residents (acting as individuals, not in a
	// business or employment role) whose personal data we controlled or
	// processed in measures.year, not counting those whose data we processed
	// only to complete a payment (payment_only).
	Consumers int `yaml:"consumers" validate:"min=0"`
	// The number of further residents whose personal data we processed only
	// to complete a payment: the states that do not leave them out of their
	// thresholds (Virginia, Colorado, ...) add them to consumers.
	PaymentOnly int `yaml:"payment_only" validate:"min=0"`
	// Our answer to whether the state's law applies to us, where the count
	// does not decide it (or to record counsel's view; it must then agree).
	Applies model.Answer `yaml:"applies"`
	// Why, when applies is given without a count.
	Why model.Markdown `yaml:"why"`
}

// CategoryFacts are the US state facts of a category of personal data.
type CategoryFacts struct {
	// The kinds of sensitive data the category holds, in the vocabulary of
	// the state laws (each state counts its own list as sensitive: see the
	// pack's reference data):
	//   - racial_ethnic_origin: racial or ethnic origin
	//   - national_origin: national origin
	//   - religious_beliefs: religious beliefs
	//   - health_diagnosis: a mental or physical health condition or diagnosis
	//   - consumer_health: consumer health data
	//   - sex_life: sex life
	//   - sexual_orientation: sexual orientation
	//   - gender_identity: status as transgender or non-binary
	//   - citizenship_immigration: citizenship or immigration status
	//   - genetic: genetic data
	//   - biometric: biometric data used to identify a person
	//   - child: personal data of a known child
	//   - precise_geolocation: precise geolocation data
	//   - crime_victim: status as a victim of a crime
	//   - financial_account: financial account or card numbers with the code that gives access
	//   - government_id: government-issued identification numbers
	//   - biological: biological data (including neural data) used to identify a person
	//   - neural: neural data
	//   - union_membership: union membership
	//   - pregnancy: pregnancy
	USSensitive []string `yaml:"us_sensitive" validate:"dive,oneof=racial_ethnic_origin national_origin religious_beliefs health_diagnosis consumer_health sex_life sexual_orientation gender_identity citizenship_immigration genetic biometric child precise_geolocation crime_victim financial_account government_id biological neural union_membership pregnancy"`
}

// PurposeFacts are the US state facts of a purpose (Colorado's
// purpose-by-purpose disclosure).
type PurposeFacts struct {
	// Whether personal data used for this purpose is sold.
	USSale model.Answer `yaml:"us_sale"`
	// Whether this purpose is targeted advertising.
	USTargetedAdvertising model.Answer `yaml:"us_targeted_advertising"`
	// Whether this purpose profiles consumers in furtherance of decisions
	// that produce legal or similarly significant effects.
	USProfiling model.Answer `yaml:"us_profiling"`
}

// extensions declares the pack's data.
func extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(Sections{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Category{}), Type: reflect.TypeOf(CategoryFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(PurposeFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Subject{}), Type: reflect.TypeOf(SubjectFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Recipient{}), Type: reflect.TypeOf(RecipientFacts{}), Doc: doc},
		referenceExtension,
	}
}

func doc(key string) string { return docs[key] }

// Of returns the project's US state facts (its us_states: section), or nil.
func Of(p *model.Project) *Facts {
	if s := model.ExtOf[Sections](p.Ext, ID); s != nil {
		return s.USStates
	}
	return nil
}

// Category returns the US state facts of a category (zero when it has none).
func Category(c *model.Category) *CategoryFacts { return model.ExtOrZero[CategoryFacts](c.Ext, ID) }

// Purpose returns the US state facts of a purpose (zero when it has none).
func Purpose(p *model.Purpose) *PurposeFacts { return model.ExtOrZero[PurposeFacts](p.Ext, ID) }

// Subject returns the US state facts of a group (zero when it has none).
func Subject(s *model.Subject) *SubjectFacts { return model.ExtOrZero[SubjectFacts](s.Ext, ID) }

// Recipient returns the US state facts of a recipient (zero when it has
// none).
func Recipient(r *model.Recipient) *RecipientFacts { return model.ExtOrZero[RecipientFacts](r.Ext, ID) }

// consumers reports whether the group id holds consumers: every group not
// marked us_consumer: no.
func consumers(p *model.Project, id string) bool {
	s := j.Lookup(p.Subjects, id, func(s *model.Subject) string { return s.ID })
	return s == nil || !Subject(s).USConsumer.IsNo()
}

// covered returns the purposes that concern consumers (any of their groups
// does), with their indexes.
func covered(p *model.Project) (out []*model.Purpose, at []int) {
	for i, pu := range p.Purposes {
		if slices.ContainsFunc(pu.Subjects, func(id string) bool { return consumers(p, id) }) || len(pu.Subjects) == 0 {
			out, at = append(out, pu), append(at, i)
		}
	}
	return out, at
}

// coveredCategories returns the categories of consumers' data: used by a
// covered purpose, and about a group of consumers (or about no group in
// particular), in the data's order.
func coveredCategories(p *model.Project) []*model.Category {
	pus, _ := covered(p)
	used := map[string]bool{}
	for _, pu := range pus {
		for _, id := range pu.Categories {
			used[id] = true
		}
	}
	var out []*model.Category
	for _, cat := range p.Categories {
		if !used[cat.ID] {
			continue
		}
		if len(cat.Subjects) == 0 || slices.ContainsFunc(cat.Subjects, func(id string) bool { return consumers(p, id) }) {
			out = append(out, cat)
		}
	}
	return out
}

// consumerData is what the notice covers, worked out once: the purposes
// that concern consumers (with their indexes) and the categories of
// consumers' data.
type consumerData struct {
	purposes []*model.Purpose
	at       []int
	cats     []*model.Category
	ids      map[string]bool
}

func consumerDataOf(p *model.Project) *consumerData {
	d := &consumerData{cats: coveredCategories(p), ids: map[string]bool{}}
	d.purposes, d.at = covered(p)
	for _, cat := range d.cats {
		d.ids[cat.ID] = true
	}
	return d
}

// only returns the ids among ids of categories of consumers' data.
func (d *consumerData) only(ids []string) []string {
	var out []string
	for _, id := range ids {
		if d.ids[id] {
			out = append(out, id)
		}
	}
	return out
}
