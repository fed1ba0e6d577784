package eu

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// The GDPR facts are this pack's own data: the legal bases and Art. 9/10
// conditions of purposes, the GDPR role of recipients, the EU, UK and Swiss
// transfer tools, whether the Swiss Federal Act on Data Protection applies, and the organisation's data protection officers,
// representatives, supervisory authorities, Data Privacy Framework
// certification and complaints process. The loader decodes them beside
// the core keys (model.Extension), so the data files read as before; only
// this package knows their types.

// OrganizationFacts are the GDPR facts of the organisation.
type OrganizationFacts struct {
	// Data protection officers, per regime.
	DPO *DPOs `yaml:"dpo"`
	// Representatives under GDPR Art. 27 and UK GDPR Art. 27.
	Representatives *Representatives `yaml:"representatives"`
	// Supervisory authorities people may complain to.
	SupervisoryAuthorities *Authorities `yaml:"supervisory_authorities"`
	// Participation in the EU-U.S. Data Privacy Framework and its extensions.
	DPF *DPF `yaml:"dpf"`
	// How people can complain to the organisation itself (UK DPA 2018 s. 164A).
	Complaints *Complaints `yaml:"complaints"`
	// Whether the organisation has its registered office or domicile in
	// Switzerland (FADP Art. 14(1)): a branch or other establishment there
	// is not enough.
	RegisteredInCH model.Answer `yaml:"registered_in_ch"`
	// Whether we offer goods or services to people in Switzerland or
	// monitor their behaviour there (FADP Art. 14(1)(a); the Act applies to
	// whatever has effects in Switzerland, Art. 3(1)). With
	// registered_in_ch, it brings Switzerland into the European supplement.
	TargetsCH model.Answer `yaml:"targets_ch"`
	// For an organisation registered abroad that targets Switzerland:
	// whether its processing of the data of people in Switzerland is on a
	// large scale, carried out regularly and poses a high risk to their
	// personality (FADP Art. 14(1)(b)-(d)). All three together require a
	// Swiss representative (representatives.ch); answer no when any one of
	// them is missing. The notice then says only that none is required
	// (FADP Art. 14), never the reasoning: record it beside the answer.
	CHLargeScaleHighRisk model.Answer `yaml:"ch_large_scale_high_risk"`
}

// PurposeFacts are the GDPR facts of a purpose.
type PurposeFacts struct {
	// Legal bases under GDPR Art. 6(1): consent (a), contract (b),
	// legal_obligation (c), vital_interests (d), public_task (e),
	// legitimate_interests (f).
	LegalBases []string `yaml:"legal_bases" validate:"required,min=1,dive,oneof=consent contract legal_obligation vital_interests public_task legitimate_interests"`
	// UK legal bases, when they differ from the EU ones; UK GDPR adds
	// recognised_legitimate_interest (Art. 6(1)(ea)).
	UKLegalBases []string `yaml:"uk_legal_bases" validate:"dive,oneof=consent contract legal_obligation vital_interests public_task legitimate_interests recognised_legitimate_interest"`
	// The UK GDPR Annex 1 condition, when a UK basis is
	// recognised_legitimate_interest (UK GDPR Art. 6(1)(ea)).
	RecognisedInterest string `yaml:"recognised_interest" validate:"omitempty,oneof=public_task_request national_security emergencies crime safeguarding democratic_engagement"`
	// The specific legitimate interest pursued, when a basis is
	// legitimate_interests (GDPR Art. 13(1)(d)).
	LegitimateInterest model.Markdown `yaml:"legitimate_interest"`
	// The Art. 9(2) condition, when special categories are used.
	Art9Condition string `yaml:"art9_condition" validate:"omitempty,oneof=explicit_consent employment vital_interests not_for_profit made_public legal_claims substantial_public_interest health_care public_health archiving_research"`
	// The law authorising the use of criminal-offence data (GDPR Art. 10).
	Art10Basis model.Markdown `yaml:"art10_basis"`
}

// RecipientFacts are the GDPR facts of a recipient.
type RecipientFacts struct {
	// For a joint controller: the essence of the arrangement with it, what
	// each is responsible for (GDPR Art. 26(2)).
	JointArrangement model.Markdown `yaml:"joint_arrangement"`
	// Role under the GDPR.
	GDPRRole string `yaml:"gdpr_role" validate:"required,oneof=processor controller joint_controller"`
}

// TransferFacts are the transfer tools a transfer relies on.
type TransferFacts struct {
	// Transfer tool for EU data (GDPR Arts. 45-49), as in the legal
	// reference's mechanism list; empty for a transfer of UK data only
	// (to the EEA, say), which then gives uk_mechanism.
	Mechanism string `yaml:"mechanism" validate:"required_without=UKMechanism,omitempty,oneof=ADEQUACY EU_US_DPF SCC_2021_914 SCC_SA_ADOPTED BCR CODE_OF_CONDUCT CERTIFICATION PUBLIC_BODY_INSTRUMENT AUTHORISED_CLAUSES ADMIN_ARRANGEMENT ART49_1_A ART49_1_B ART49_1_C ART49_1_D ART49_1_E ART49_1_F ART49_1_G ART49_1_COMPELLING_LI PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// SCC modules used with SCC_2021_914: 1 controller to controller, 2
	// controller to processor, 3 processor to processor, 4 processor to
	// controller.
	SCCModules []int `yaml:"scc_modules" validate:"required_if=Mechanism SCC_2021_914,dive,min=1,max=4"`
	// Transfer tool for UK data (UK GDPR Arts. 45A-49).
	UKMechanism string `yaml:"uk_mechanism" validate:"omitempty,oneof=UK_ADEQUACY_REGS UK_IDTA UK_ADDENDUM UK_BCR UK_ART49 PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// Transfer tool for data from Switzerland (FADP Arts. 16-17; before 1
	// September 2023, Art. 6 of the 1992 Act): CH_ADEQUACY (the Federal
	// Council's list, DPO Annex 1; before, the FDPIC's list), CH_US_DPF (the
	// Swiss-U.S. Data Privacy Framework), CH_SCC (the EU Standard Contractual
	// Clauses with the Swiss amendments, recognised by the FDPIC), CH_SCC_2010
	// (the older EU clauses), CH_CLAUSES (clauses communicated to the FDPIC),
	// CH_BCR (binding corporate rules), CH_CODE_OR_CERTIFICATION, an Art. 17
	// exception (CH_ART17_CONSENT, CH_ART17_CONTRACT, CH_ART17_PUBLIC_INTEREST,
	// CH_ART17_LEGAL_CLAIMS, CH_ART17_VITAL_INTERESTS, CH_ART17_MADE_PUBLIC),
	// or CH_PRIVACY_SHIELD (until 7 September 2020). Empty for a transfer
	// that carries no data from Switzerland; when Swiss law applies, every
	// recipient (and processor) located outside Switzerland must be reached,
	// in each of its countries, by a transfer that gives one and lists it
	// (for a processor: its own transfer, or one that lists its recipient
	// category).
	CHMechanism string `yaml:"ch_mechanism" validate:"omitempty,oneof=CH_ADEQUACY CH_US_DPF CH_SCC CH_SCC_2010 CH_CLAUSES CH_BCR CH_CODE_OR_CERTIFICATION CH_ART17_CONSENT CH_ART17_CONTRACT CH_ART17_PUBLIC_INTEREST CH_ART17_LEGAL_CLAIMS CH_ART17_VITAL_INTERESTS CH_ART17_MADE_PUBLIC CH_PRIVACY_SHIELD"`
	// Where to get a copy of the safeguards, or how to request one
	// (GDPR Art. 13(1)(f)).
	SafeguardsCopy model.Markdown `yaml:"safeguards_copy"`
	// For ART49_1_A: the risks of the transfer the person was told about.
	RiskStatement model.Markdown `yaml:"risk_statement"`
	// For ART49_1_COMPELLING_LI: the compelling legitimate interests.
	CompellingInterest model.Markdown `yaml:"compelling_interest"`
}

// ProcessorFacts are the Swiss facts of a processor.
type ProcessorFacts struct {
	// Whether the processor is on the Data Privacy Framework List for the
	// Swiss-U.S. Data Privacy Framework (needed for a transfer on
	// CH_US_DPF; dpf_certified and dpf_uk_extension say the EU and UK
	// parts).
	DPFSwiss model.Answer `yaml:"dpf_swiss"`
}

// EntityFacts are the GDPR facts of a company of the group.
type EntityFacts struct {
	// For a group with more than one controller: the purposes this company
	// decides on, so that people know who is responsible for what (GDPR Art.
	// 13(1)(a), 14(1)(a)). Two companies may each decide a purpose for
	// different people (each its own customers); companies that decide it
	// together for the same people are joint controllers (Art. 26).
	Decides []string `yaml:"decides" validate:"dive,id" ref:"purposes"`
}

// SubjectFacts are the GDPR facts of a group of people.
type SubjectFacts struct {
	// Whether the people of the group are party to a contract with us
	// (party), are asking to enter one, such as applicants or people
	// requesting a quote (pre_contract), or neither (none: for example the
	// staff of a business customer, whose employer is the party). A contract
	// basis (GDPR Art. 6(1)(b)) needs people who are one of the first two.
	Contract string `yaml:"contract" validate:"omitempty,oneof=party pre_contract none"`
}

// SourceFacts are the GDPR facts of a source of personal data.
type SourceFacts struct {
	// When people whose data comes from this source are given the notice
	// (GDPR Art. 14(3)): at_collection (when the data is collected, for
	// example on our sign-in page), first_communication (at the latest when we first
	// contact them), one_month (within a month of getting the data),
	// first_disclosure (at the latest when we first disclose it to another
	// recipient), or exempt (Art. 14(5), with exemption).
	Informed string `yaml:"informed" validate:"omitempty,oneof=at_collection first_communication one_month first_disclosure exempt"`
	// For informed: exempt, the Art. 14(5) exemption relied on and why (for
	// example that informing would be impossible or take disproportionate
	// effort, and how the notice is made public instead).
	Exemption model.Markdown `yaml:"exemption"`
}

// CookieFacts are the GDPR and PECR facts of a cookie.
type CookieFacts struct {
	// The UK exception to consent the cookie relies on, under PECR Schedule
	// A1 (inserted by the Data (Use and Access) Act 2025, in force 5 February
	// 2026): statistics (information for statistical purposes to improve the
	// service or website) or appearance (remembering how a user set the
	// appearance or functions of a website). Both need clear information and
	// a simple, free means to object (cookies.uk_objection).
	UKException string `yaml:"uk_exception" validate:"omitempty,oneof=statistics appearance"`
}

// CookiesFacts are the GDPR and PECR facts of the cookies section.
type CookiesFacts struct {
	// How people in the UK object, simply and free of charge, to the cookies
	// set under a PECR Schedule A1 exception (uk_exception).
	UKObjection model.Markdown `yaml:"uk_objection"`
}

// ChildrenFacts are the GDPR facts about children.
type ChildrenFacts struct {
	// For services directed to children that rely on consent: how the
	// consent of the holder of parental responsibility is obtained and
	// checked for children under the age of digital consent (GDPR Art. 8:
	// 16, or lower down to 13 where a Member State says so; UK: 13).
	ParentalConsent model.Markdown `yaml:"parental_consent"`
}

// DPOs are the data protection officers, per regime.
type DPOs struct {
	Pos diag.Pos `yaml:"-"`
	// Data protection officer for the EU (GDPR Arts. 37-39).
	EU *DPO `yaml:"eu"`
	// Data protection officer for the UK (UK GDPR Arts. 37-39).
	UK *DPO `yaml:"uk"`
	// Data protection advisor for Switzerland, if one is appointed (FADP
	// Art. 10; voluntary for private controllers).
	CH *DPO `yaml:"ch"`
}

// DPO is a data protection officer.
type DPO struct {
	Pos diag.Pos `yaml:"-"`
	// Whether a DPO is appointed, whether required by law or voluntarily.
	Appointed model.Answer `yaml:"appointed" validate:"required"`
	// Whether the appointment is mandatory under Art. 37(1) or national law.
	Mandatory model.Answer `yaml:"mandatory"`
	// How to reach the DPO (a name is not required).
	Contact *model.Contact `yaml:"contact"`
}

// Representatives are the Art. 27 representatives.
type Representatives struct {
	Pos diag.Pos `yaml:"-"`
	// Representative in the EU (GDPR Art. 27).
	EU *model.Contact `yaml:"eu"`
	// Representative in the United Kingdom (UK GDPR Art. 27).
	UK *model.Contact `yaml:"uk"`
	// Representative in Switzerland (FADP Arts. 14-15), with its name and
	// address, which must be published (Art. 14(3)).
	CH *model.Contact `yaml:"ch"`
}

// Authorities are the supervisory authorities named in the notices.
type Authorities struct {
	Pos diag.Pos `yaml:"-"`
	// Lead supervisory authority in the EU, if there is one; otherwise people
	// are sent to the authority where they live.
	EU *model.Contact `yaml:"eu"`
	// The UK supervisory authority (the Information Commissioner's Office).
	UK *model.Contact `yaml:"uk"`
}

// DPF describes certification under the EU-U.S. Data Privacy Framework.
type DPF struct {
	Pos diag.Pos `yaml:"-"`
	// Whether an entity is certified under the Data Privacy Framework.
	Certified model.Answer `yaml:"certified" validate:"required"`
	// The certified entity.
	Entity string `yaml:"entity" validate:"required_if=Certified yes,omitempty,id" ref:"organization.entities"`
	// The frameworks certified to: eu_us, uk_extension and swiss_us (the
	// Data Privacy Framework, from 2023), or, for a notice of an earlier
	// date, privacy_shield_eu_us, privacy_shield_swiss_us (2016-2020) or
	// safe_harbor_eu_us (2000-2015). The reference data holds their dates.
	Frameworks []string `yaml:"frameworks" validate:"required_if=Certified yes,dive,oneof=eu_us uk_extension swiss_us privacy_shield_eu_us privacy_shield_swiss_us safe_harbor_eu_us"`
	// The body with investigatory and enforcement powers, e.g. "Federal Trade Commission".
	Enforcement string `yaml:"enforcement" validate:"required_if=Certified yes"`
	// The independent dispute-resolution provider, e.g. TRUSTe.
	DisputeResolution *model.Contact `yaml:"dispute_resolution" validate:"required_if=Certified yes"`
	// The certification's entry on the Data Privacy Framework List.
	ListURL string `yaml:"list_url" validate:"omitempty,http_url"`
}

// Complaints is the organisation's own complaints process.
type Complaints struct {
	Pos diag.Pos `yaml:"-"`
	// Where to send a complaint (a web form, email or address), in words.
	Channel model.Markdown `yaml:"channel" validate:"required"`
	// Days within which a complaint is acknowledged (UK: at most 30).
	AcknowledgeDays int `yaml:"acknowledge_days" validate:"omitempty,min=1,max=30"`
}

// extensions declares the pack's data.
func extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Organization{}), Type: reflect.TypeOf(OrganizationFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(PurposeFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Recipient{}), Type: reflect.TypeOf(RecipientFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Transfer{}), Type: reflect.TypeOf(TransferFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Processor{}), Type: reflect.TypeOf(ProcessorFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Entity{}), Type: reflect.TypeOf(EntityFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Subject{}), Type: reflect.TypeOf(SubjectFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Source{}), Type: reflect.TypeOf(SourceFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Cookie{}), Type: reflect.TypeOf(CookieFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Cookies{}), Type: reflect.TypeOf(CookiesFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Children{}), Type: reflect.TypeOf(ChildrenFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{}), Doc: doc},
	}
}

func doc(key string) string { return docs[key] }

// Org returns the GDPR facts of the organisation (zero when it has none).
func Org(o *model.Organization) *OrganizationFacts {
	return model.ExtOrZero[OrganizationFacts](o.Ext, ID)
}

// Purpose returns the GDPR facts of a purpose (zero when it has none).
func Purpose(p *model.Purpose) *PurposeFacts { return model.ExtOrZero[PurposeFacts](p.Ext, ID) }

// Recipient returns the GDPR facts of a recipient (zero when it has none).
func Recipient(r *model.Recipient) *RecipientFacts {
	return model.ExtOrZero[RecipientFacts](r.Ext, ID)
}

// Transfer returns the transfer tools of a transfer (zero when it has none).
func Transfer(t *model.Transfer) *TransferFacts { return model.ExtOrZero[TransferFacts](t.Ext, ID) }

// Processor returns the Swiss facts of a processor (zero when it has none).
func Processor(p *model.Processor) *ProcessorFacts { return model.ExtOrZero[ProcessorFacts](p.Ext, ID) }

// Subject returns the GDPR facts of a group of people (zero when it has none).
func Subject(s *model.Subject) *SubjectFacts { return model.ExtOrZero[SubjectFacts](s.Ext, ID) }

// Source returns the GDPR facts of a source (zero when it has none).
func Source(s *model.Source) *SourceFacts { return model.ExtOrZero[SourceFacts](s.Ext, ID) }

// Cookie returns the GDPR facts of a cookie (zero when it has none).
func Cookie(c *model.Cookie) *CookieFacts { return model.ExtOrZero[CookieFacts](c.Ext, ID) }

// Cookies returns the GDPR facts of the cookies section (zero when it has none).
func Cookies(c *model.Cookies) *CookiesFacts { return model.ExtOrZero[CookiesFacts](c.Ext, ID) }

// Children returns the GDPR facts about children (zero when there are none).
func Children(c *model.Children) *ChildrenFacts { return model.ExtOrZero[ChildrenFacts](c.Ext, ID) }

// Entity returns the GDPR facts of a company of the group (zero when it has none).
func Entity(e *model.Entity) *EntityFacts { return model.ExtOrZero[EntityFacts](e.Ext, ID) }
