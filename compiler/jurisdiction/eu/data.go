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
	// Legal bases under GDPR Art. 6(1):
	//   - consent: the person's consent (Art. 6(1)(a))
	//   - contract: the performance of a contract with the person, or steps
	//     at their request before entering into one (Art. 6(1)(b))
	//   - legal_obligation: a legal obligation we are subject to (Art.
	//     6(1)(c))
	//   - vital_interests: the protection of someone's vital interests (Art.
	//     6(1)(d))
	//   - public_task: a task carried out in the public interest or in the
	//     exercise of official authority (Art. 6(1)(e))
	//   - legitimate_interests: the legitimate interests we or a third party
	//     pursue (Art. 6(1)(f))
	LegalBases []string `yaml:"legal_bases" validate:"required,min=1,dive,oneof=consent contract legal_obligation vital_interests public_task legitimate_interests"`
	// UK legal bases, when they differ from the EU ones:
	//   - consent: the person's consent (UK GDPR Art. 6(1)(a))
	//   - contract: the performance of a contract with the person, or steps
	//     at their request before entering into one (Art. 6(1)(b))
	//   - legal_obligation: a legal obligation we are subject to (Art.
	//     6(1)(c))
	//   - vital_interests: the protection of someone's vital interests (Art.
	//     6(1)(d))
	//   - public_task: a task carried out in the public interest or in the
	//     exercise of official authority (Art. 6(1)(e))
	//   - legitimate_interests: the legitimate interests we or a third party
	//     pursue (Art. 6(1)(f))
	//   - recognised_legitimate_interest: a recognised legitimate interest of
	//     UK GDPR Annex 1 (Art. 6(1)(ea))
	UKLegalBases []string `yaml:"uk_legal_bases" validate:"dive,oneof=consent contract legal_obligation vital_interests public_task legitimate_interests recognised_legitimate_interest"`
	// The UK GDPR Annex 1 condition, when a UK basis is
	// recognised_legitimate_interest (UK GDPR Art. 6(1)(ea)):
	//   - public_task_request: disclosure to a body that asks for the data
	//     for its public task (Annex 1 para. 1)
	//   - national_security: national security, public security and defence
	//     (para. 2)
	//   - emergencies: responding to an emergency (para. 3)
	//   - crime: detecting, investigating or preventing crime, or
	//     apprehending or prosecuting offenders (para. 4)
	//   - safeguarding: safeguarding vulnerable people (para. 5)
	//   - democratic_engagement: democratic engagement (para. 6)
	RecognisedInterest string `yaml:"recognised_interest" validate:"omitempty,oneof=public_task_request national_security emergencies crime safeguarding democratic_engagement"`
	// The specific legitimate interest pursued, when a basis is
	// legitimate_interests (GDPR Art. 13(1)(d)).
	LegitimateInterest model.Markdown `yaml:"legitimate_interest"`
	// The Art. 9(2) condition, when special categories are used:
	//   - explicit_consent: the person's explicit consent (Art. 9(2)(a))
	//   - employment: obligations and rights in employment and social
	//     security law (Art. 9(2)(b))
	//   - vital_interests: someone's vital interests when the person cannot
	//     consent (Art. 9(2)(c))
	//   - not_for_profit: the activities of a not-for-profit body, for its
	//     members (Art. 9(2)(d))
	//   - made_public: data the person has manifestly made public (Art.
	//     9(2)(e))
	//   - legal_claims: establishing, exercising or defending legal claims
	//     (Art. 9(2)(f))
	//   - substantial_public_interest: reasons of substantial public
	//     interest under law (Art. 9(2)(g))
	//   - health_care: preventive or occupational medicine, medical
	//     diagnosis, health or social care (Art. 9(2)(h))
	//   - public_health: reasons of public interest in public health (Art.
	//     9(2)(i))
	//   - archiving_research: archiving in the public interest, scientific
	//     or historical research or statistics (Art. 9(2)(j))
	Art9Condition string `yaml:"art9_condition" validate:"omitempty,oneof=explicit_consent employment vital_interests not_for_profit made_public legal_claims substantial_public_interest health_care public_health archiving_research"`
	// The law authorising the use of criminal-offence data (GDPR Art. 10).
	Art10Basis model.Markdown `yaml:"art10_basis"`
}

// RecipientFacts are the GDPR facts of a recipient.
type RecipientFacts struct {
	// For a joint controller: the essence of the arrangement with it, what
	// each is responsible for (GDPR Art. 26(2)).
	JointArrangement model.Markdown `yaml:"joint_arrangement"`
	// Role under the GDPR:
	//   - processor: processes the data on our behalf (GDPR Art. 28)
	//   - controller: decides for itself why and how it processes the data
	//   - joint_controller: decides that together with us (GDPR Art. 26)
	GDPRRole string `yaml:"gdpr_role" validate:"required,oneof=processor controller joint_controller"`
}

// TransferFacts are the transfer tools a transfer relies on.
type TransferFacts struct {
	// Transfer tool for EU data (GDPR Arts. 45-49), as in the legal
	// reference's mechanism list; empty for a transfer of UK data only
	// (to the EEA, say), which then gives uk_mechanism:
	//   - ADEQUACY: an adequacy decision of the European Commission (GDPR
	//     Art. 45)
	//   - EU_US_DPF: the EU-U.S. Data Privacy Framework (Commission
	//     Implementing Decision (EU) 2023/1795)
	//   - SCC_2021_914: the Standard Contractual Clauses of 2021 (Commission
	//     Implementing Decision (EU) 2021/914, GDPR Art. 46(2)(c)); give
	//     scc_modules
	//   - SCC_SA_ADOPTED: standard data protection clauses adopted by a
	//     supervisory authority (Art. 46(2)(d))
	//   - BCR: binding corporate rules approved by a supervisory authority
	//     (Arts. 46(2)(b) and 47)
	//   - CODE_OF_CONDUCT: an approved code of conduct with binding
	//     commitments (Art. 46(2)(e))
	//   - CERTIFICATION: an approved certification mechanism with binding
	//     commitments (Art. 46(2)(f))
	//   - PUBLIC_BODY_INSTRUMENT: a legally binding instrument between public
	//     authorities (Art. 46(2)(a))
	//   - AUTHORISED_CLAUSES: contractual clauses authorised by a supervisory
	//     authority (Art. 46(3)(a))
	//   - ADMIN_ARRANGEMENT: an administrative arrangement between public
	//     authorities, authorised by a supervisory authority (Art. 46(3)(b))
	//   - ART49_1_A: the person's explicit consent, after being told of the
	//     risks (Art. 49(1)(a)); give risk_statement
	//   - ART49_1_B: the need to perform a contract with the person (Art.
	//     49(1)(b))
	//   - ART49_1_C: the need to perform a contract made in the person's
	//     interest (Art. 49(1)(c))
	//   - ART49_1_D: important reasons of public interest (Art. 49(1)(d))
	//   - ART49_1_E: the need to establish, exercise or defend legal claims
	//     (Art. 49(1)(e))
	//   - ART49_1_F: the need to protect someone's vital interests (Art.
	//     49(1)(f))
	//   - ART49_1_G: a transfer from a public register (Art. 49(1)(g))
	//   - ART49_1_COMPELLING_LI: our compelling legitimate interests (Art.
	//     49(1), second subparagraph); give compelling_interest
	//   - PRIVACY_SHIELD: the EU-U.S. Privacy Shield (Decision (EU)
	//     2016/1250), invalidated on 16 July 2020: for notices of an
	//     earlier date only
	//   - SCC_2010_87: the 2010 Standard Contractual Clauses for processors
	//     (Decision 2010/87/EU), repealed: relied on until 27 December 2022
	//   - SCC_2004_915: the 2004 Standard Contractual Clauses for controllers
	//     (Decision 2004/915/EC), repealed: relied on until 27 December 2022
	Mechanism string `yaml:"mechanism" validate:"required_without=UKMechanism,omitempty,oneof=ADEQUACY EU_US_DPF SCC_2021_914 SCC_SA_ADOPTED BCR CODE_OF_CONDUCT CERTIFICATION PUBLIC_BODY_INSTRUMENT AUTHORISED_CLAUSES ADMIN_ARRANGEMENT ART49_1_A ART49_1_B ART49_1_C ART49_1_D ART49_1_E ART49_1_F ART49_1_G ART49_1_COMPELLING_LI PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// The modules of the Standard Contractual Clauses of 2021 used, with
	// SCC_2021_914:
	//   - 1: Module One, transfer controller to controller
	//   - 2: Module Two, transfer controller to processor
	//   - 3: Module Three, transfer processor to processor
	//   - 4: Module Four, transfer processor to controller
	SCCModules []int `yaml:"scc_modules" validate:"required_if=Mechanism SCC_2021_914,dive,min=1,max=4"`
	// Transfer tool for UK data (UK GDPR Arts. 45A-49):
	//   - UK_ADEQUACY_REGS: UK adequacy regulations (UK GDPR Art. 45; from 5
	//     February 2026, regulations approving transfers, Arts. 44A and 45A)
	//   - UK_IDTA: the UK International Data Transfer Agreement (UK GDPR Art.
	//     46)
	//   - UK_ADDENDUM: the UK Addendum to the European Commission's Standard
	//     Contractual Clauses (UK GDPR Art. 46)
	//   - UK_BCR: binding corporate rules approved by the Information
	//     Commissioner (UK GDPR Arts. 46 and 47)
	//   - UK_ART49: a derogation for specific situations (UK GDPR Art. 49)
	//   - PRIVACY_SHIELD: the EU-U.S. Privacy Shield, invalidated on 16 July
	//     2020: for notices of an earlier date only
	//   - SCC_2010_87: the 2010 Standard Contractual Clauses as they applied
	//     in the UK, relied on until 21 March 2024
	//   - SCC_2004_915: the 2004 Standard Contractual Clauses as they applied
	//     in the UK, relied on until 21 March 2024
	UKMechanism string `yaml:"uk_mechanism" validate:"omitempty,oneof=UK_ADEQUACY_REGS UK_IDTA UK_ADDENDUM UK_BCR UK_ART49 PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// Transfer tool for data from Switzerland (FADP Arts. 16-17; before 1
	// September 2023, Art. 6 of the 1992 Act). Empty for a transfer
	// that carries no data from Switzerland; when Swiss law applies, every
	// recipient (and processor) located outside Switzerland must be reached,
	// in each of its countries, by a transfer that gives one and lists it
	// (for a processor: its own transfer, or one that lists its recipient
	// category):
	//   - CH_ADEQUACY: the Federal Council's decision that the country gives
	//     adequate protection (FADP Art. 16(1), Data Protection Ordinance
	//     Annex 1; before 1 September 2023, the FDPIC's list)
	//   - CH_US_DPF: the Swiss-U.S. Data Privacy Framework (from 15 September
	//     2024)
	//   - CH_SCC: the European Commission's Standard Contractual Clauses with
	//     the amendments for Swiss law, recognised by the FDPIC (FADP Art.
	//     16(2)(d))
	//   - CH_SCC_2010: the European Commission's earlier Standard
	//     Contractual Clauses, recognised until 31 December 2022
	//   - CH_CLAUSES: data protection clauses in a contract, communicated to
	//     the FDPIC in advance (FADP Art. 16(2)(b))
	//   - CH_BCR: binding corporate rules (FADP Art. 16(2)(e))
	//   - CH_CODE_OR_CERTIFICATION: an approved code of conduct or a
	//     certification with binding commitments (FADP Art. 16(3))
	//   - CH_ART17_CONSENT: the person's express consent (FADP Art.
	//     17(1)(a))
	//   - CH_ART17_CONTRACT: the need to conclude or perform a contract with
	//     the person or in their interest (FADP Art. 17(1)(b))
	//   - CH_ART17_PUBLIC_INTEREST: an overriding public interest (FADP Art.
	//     17(1)(c)(1))
	//   - CH_ART17_LEGAL_CLAIMS: the need to establish, exercise or enforce
	//     legal claims before a court or another competent foreign authority
	//     (FADP Art. 17(1)(c)(2))
	//   - CH_ART17_VITAL_INTERESTS: the need to protect the life or physical
	//     integrity of the person or someone else (FADP Art. 17(1)(d))
	//   - CH_ART17_MADE_PUBLIC: data the person has made generally
	//     accessible without expressly prohibiting its processing (FADP Art.
	//     17(1)(e))
	//   - CH_PRIVACY_SHIELD: the Swiss-U.S. Privacy Shield, relied on until 7
	//     September 2020
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
	// Whether the people of the group are party to a contract with us. A
	// contract basis (GDPR Art. 6(1)(b)) needs people who are party or
	// pre_contract:
	//   - party: they are party to a contract with us
	//   - pre_contract: they are asking to enter one, such as applicants or
	//     people requesting a quote
	//   - none: neither, for example the staff of a business customer, whose
	//     employer is the party
	Contract string `yaml:"contract" validate:"omitempty,oneof=party pre_contract none"`
}

// SourceFacts are the GDPR facts of a source of personal data.
type SourceFacts struct {
	// When people whose data comes from this source are given the notice
	// (GDPR Art. 14(3)):
	//   - at_collection: when the data is collected, for example on our
	//     sign-in page
	//   - first_communication: at the latest when we first contact them
	//     (Art. 14(3)(b))
	//   - one_month: within a month of getting the data (Art. 14(3)(a))
	//   - first_disclosure: at the latest when we first disclose it to
	//     another recipient (Art. 14(3)(c))
	//   - exempt: not at all, under an exemption of Art. 14(5); give
	//     exemption
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
	// 2026). Both need clear information and a simple, free means to object
	// (cookies.uk_objection):
	//   - statistics: information for statistical purposes to improve the
	//     service or website
	//   - appearance: remembering how a user set the appearance or functions
	//     of a website
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
	// The frameworks certified to. The reference data holds their dates:
	//   - eu_us: the EU-U.S. Data Privacy Framework (from 10 July 2023)
	//   - uk_extension: the UK Extension to the EU-U.S. Data Privacy
	//     Framework (from 12 October 2023)
	//   - swiss_us: the Swiss-U.S. Data Privacy Framework (from 15 September
	//     2024)
	//   - privacy_shield_eu_us: the EU-U.S. Privacy Shield (2016-2020), for a
	//     notice of an earlier date
	//   - privacy_shield_swiss_us: the Swiss-U.S. Privacy Shield
	//     (2017-2020), for a notice of an earlier date
	//   - safe_harbor_eu_us: the U.S.-EU Safe Harbor framework (2000-2015),
	//     for a notice of an earlier date
	Frameworks []string `yaml:"frameworks" validate:"required_if=Certified yes,dive,oneof=eu_us uk_extension swiss_us privacy_shield_eu_us privacy_shield_swiss_us safe_harbor_eu_us"`
	// The body with investigatory and enforcement powers, e.g. "Federal Trade Commission".
	Enforcement string `yaml:"enforcement" validate:"required_if=Certified yes" i18n:"name"`
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
