// Package model defines the privacy programme's facts as the legal team writes
// them in data/*.yaml: the organisation, data categories, purposes, recipients,
// processors, transfers, retention, rights, cookies and the jurisdiction flags.
//
// The types carry their YAML names and validation rules in struct tags; the
// loader (package load) fills them from YAML with positions, and the JSON Schema
// (package schema) and the data-file reference are generated from them and from
// the doc comments below, so every field is documented once, here.
//
// Field tags used besides yaml and validate:
//
//	ref:"categories"  the value (or each element) is the id of an item in that
//	                  collection; see Project.Collections.
package model

import "github.com/disclose-dev/disclose/compiler/diag"

// Project is the whole data set: every file under data/, merged. Each
// top-level key may appear in one file only; which file is up to the team.
type Project struct {
	// The organisation publishing the notices: its legal entities, contacts,
	// data protection officers, representatives and supervisory authorities.
	Organization *Organization `yaml:"organization" validate:"required"`
	// Settings of each published notice: titles and change-notice periods.
	Notices *Notices `yaml:"notices" validate:"required"`
	// The groups of people whose personal data is processed (customers,
	// prospects, website visitors, job applicants, ...).
	Subjects []*Subject `yaml:"subjects" validate:"required,min=1,dive"`
	// Where personal data comes from: the person themself, their device, or
	// other parties. Sources other than the person trigger GDPR Art. 14.
	Sources []*Source `yaml:"sources" validate:"required,min=1,dive"`
	// The categories of personal data collected.
	Categories []*Category `yaml:"categories" validate:"required,min=1,dive"`
	// How long personal data is kept: retention rules referenced by categories
	// and purposes.
	Retention []*Retention `yaml:"retention" validate:"required,min=1,dive"`
	// Why personal data is used, each purpose with its legal basis.
	Purposes []*Purpose `yaml:"purposes" validate:"required,min=1,dive"`
	// Categories of recipients personal data is disclosed to.
	Recipients []*Recipient `yaml:"recipients" validate:"dive"`
	// Named processors (sub-processors): the vendors that process personal
	// data on the organisation's behalf.
	Processors []*Processor `yaml:"processors" validate:"dive"`
	// International transfers and the safeguards they rely on.
	Transfers []*Transfer `yaml:"transfers" validate:"dive"`
	// Privacy rights offered and how to exercise them.
	Rights *Rights `yaml:"rights" validate:"required"`
	// Cookies and similar tracking technologies, and how browser signals
	// (Do Not Track, Global Privacy Control) are handled.
	Cookies *Cookies `yaml:"cookies" validate:"required"`
	// California (CCPA/CPRA, Shine the Light, CalOPPA) facts.
	California *California `yaml:"california"`
	// Children's data.
	Children *Children `yaml:"children" validate:"required"`
	// How personal data is protected.
	Security *Security `yaml:"security" validate:"required"`
	// Automated decision-making and profiling.
	AutomatedDecisions *AutomatedDecisions `yaml:"automated_decisions" validate:"required"`
	// How changes to the notices and to the processor list are announced.
	Changes *Changes `yaml:"changes" validate:"required"`
	// The team's own prose sections, in its own words, placed in the notices
	// it names.
	Sections []*Section `yaml:"sections" validate:"dive"`

	// Source maps data paths to their positions in the data files.
	Source *SourceMap `yaml:"-"`
}

// Organization is the business that publishes the notices.
type Organization struct {
	Pos diag.Pos `yaml:"-"`
	// The name used for the organisation in the notices' text, e.g. "Helpwise".
	Name string `yaml:"name" validate:"required"`
	// The main website, e.g. https://www.example.com.
	Website string `yaml:"website" validate:"required,http_url"`
	// What the organisation does and whom its services are for, in a sentence
	// or two (used in the notices' scope section).
	Description Markdown `yaml:"description" validate:"required"`
	// The legal entities in the group that process personal data; at least one
	// controller.
	Entities []*Entity `yaml:"entities" validate:"required,min=1,dive"`
	// Where people send privacy questions and requests.
	PrivacyContact *Contact `yaml:"privacy_contact" validate:"required"`
	// Whether any entity is established in the EU or EEA (GDPR Art. 3(1)).
	EstablishedInEU Answer `yaml:"established_in_eu" validate:"required"`
	// Whether any entity is established in the United Kingdom.
	EstablishedInUK Answer `yaml:"established_in_uk" validate:"required"`
	// Whether the organisation offers goods or services to, or monitors, people
	// in the EU (GDPR Art. 3(2)).
	TargetsEU Answer `yaml:"targets_eu" validate:"required"`
	// Whether the organisation offers goods or services to, or monitors, people
	// in the United Kingdom (UK GDPR Art. 3(2)).
	TargetsUK Answer `yaml:"targets_uk" validate:"required"`
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
}

// Entity is one legal entity of the organisation.
type Entity struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this entity elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Registered legal name, e.g. "Helpwise, Inc.".
	LegalName string `yaml:"legal_name" validate:"required"`
	// The entity's role for the processing the notices describe.
	Role string `yaml:"role" validate:"required,oneof=controller joint_controller processor"`
	// Registered or principal address.
	Address *Address `yaml:"address" validate:"required"`
	// Company registration number and register, e.g. "Company No. 01234567 (England and Wales)".
	Registration string `yaml:"registration"`
	// Contact email of the entity.
	Email string `yaml:"email" validate:"omitempty,email"`
	// Contact telephone number of the entity.
	Phone string `yaml:"phone" validate:"omitempty,phone"`
	// Contact web form of the entity.
	WebForm string `yaml:"web_form" validate:"omitempty,http_url"`
	// What this entity does in the group, e.g. "UK subsidiary providing sales and support in Europe".
	Description Markdown `yaml:"description"`
	// For joint controllers: the essence of the arrangement (GDPR Art. 26(2)).
	JointArrangement Markdown `yaml:"joint_arrangement"`
}

// Address is a postal address.
type Address struct {
	Pos diag.Pos `yaml:"-"`
	// Street lines, first to last, e.g. ["2021 E 5th St", "Suite 190"].
	Street []string `yaml:"street" validate:"required,min=1,dive,required"`
	// City or town.
	City string `yaml:"city" validate:"required"`
	// State, county or province, if used in addresses there.
	Region string `yaml:"region"`
	// Postal or ZIP code.
	PostalCode string `yaml:"postal_code"`
	// Country as an ISO 3166-1 alpha-2 code, e.g. US, GB, IE.
	Country string `yaml:"country" validate:"required,country"`
}

// Contact is a way to reach a person, team or body.
type Contact struct {
	Pos diag.Pos `yaml:"-"`
	// Name of the person, team or body, e.g. "Privacy Office".
	Name string `yaml:"name"`
	// Email address.
	Email string `yaml:"email" validate:"omitempty,email"`
	// Telephone number, in international format where possible.
	Phone string `yaml:"phone" validate:"omitempty,phone"`
	// Toll-free telephone number (required for California requests unless
	// exclusively online).
	TollFreePhone string `yaml:"toll_free_phone" validate:"omitempty,phone"`
	// Web form for requests.
	WebForm string `yaml:"web_form" validate:"omitempty,http_url"`
	// Website.
	URL string `yaml:"url" validate:"omitempty,http_url"`
	// Postal address.
	Address *Address `yaml:"address"`
}

// DPOs are the data protection officers, per regime.
type DPOs struct {
	Pos diag.Pos `yaml:"-"`
	// Data protection officer for the EU (GDPR Arts. 37-39).
	EU *DPO `yaml:"eu"`
	// Data protection officer for the UK (UK GDPR Arts. 37-39).
	UK *DPO `yaml:"uk"`
}

// DPO is a data protection officer.
type DPO struct {
	Pos diag.Pos `yaml:"-"`
	// Whether a DPO is appointed, whether required by law or voluntarily.
	Appointed Answer `yaml:"appointed" validate:"required"`
	// Whether the appointment is mandatory under Art. 37(1) or national law.
	Mandatory Answer `yaml:"mandatory"`
	// How to reach the DPO (a name is not required).
	Contact *Contact `yaml:"contact" validate:"required_if=Appointed yes"`
}

// Representatives are the Art. 27 representatives.
type Representatives struct {
	Pos diag.Pos `yaml:"-"`
	// Representative in the EU (GDPR Art. 27).
	EU *Contact `yaml:"eu"`
	// Representative in the United Kingdom (UK GDPR Art. 27).
	UK *Contact `yaml:"uk"`
}

// Authorities are the supervisory authorities named in the notices.
type Authorities struct {
	Pos diag.Pos `yaml:"-"`
	// Lead supervisory authority in the EU, if there is one; otherwise people
	// are sent to the authority where they live.
	EU *Contact `yaml:"eu"`
	// The UK supervisory authority (the Information Commissioner's Office).
	UK *Contact `yaml:"uk"`
}

// DPF describes certification under the EU-U.S. Data Privacy Framework.
type DPF struct {
	Pos diag.Pos `yaml:"-"`
	// Whether an entity is certified under the Data Privacy Framework.
	Certified Answer `yaml:"certified" validate:"required"`
	// The certified entity.
	Entity string `yaml:"entity" validate:"required_if=Certified yes,omitempty,id" ref:"organization.entities"`
	// The frameworks certified to.
	Frameworks []string `yaml:"frameworks" validate:"required_if=Certified yes,dive,oneof=eu_us uk_extension swiss_us"`
	// The body with investigatory and enforcement powers, e.g. "Federal Trade Commission".
	Enforcement string `yaml:"enforcement" validate:"required_if=Certified yes"`
	// The independent dispute-resolution provider, e.g. TRUSTe.
	DisputeResolution *Contact `yaml:"dispute_resolution" validate:"required_if=Certified yes"`
	// The certification's entry on the Data Privacy Framework List.
	ListURL string `yaml:"list_url" validate:"omitempty,http_url"`
}

// Complaints is the organisation's own complaints process.
type Complaints struct {
	Pos diag.Pos `yaml:"-"`
	// Where to send a complaint (a web form, email or address), in words.
	Channel Markdown `yaml:"channel" validate:"required"`
	// Days within which a complaint is acknowledged (UK: at most 30).
	AcknowledgeDays int `yaml:"acknowledge_days" validate:"omitempty,min=1,max=30"`
}

// Notices holds the settings of each published notice.
type Notices struct {
	Pos diag.Pos `yaml:"-"`
	// The global privacy policy.
	Global *NoticeSettings `yaml:"global" validate:"required"`
	// The European supplement (EU GDPR and UK GDPR).
	EU *NoticeSettings `yaml:"eu"`
	// The California notice (CCPA/CPRA).
	California *NoticeSettings `yaml:"california"`
}

// NoticeSettings configures one notice.
type NoticeSettings struct {
	Pos diag.Pos `yaml:"-"`
	// Title shown on the page and in the PDF.
	Title string `yaml:"title" validate:"required"`
	// Short introduction shown under the title.
	Intro Markdown `yaml:"intro"`
	// Days between releasing a material change and its effective date
	// (default 30).
	MaterialChangeNoticeDays int `yaml:"material_change_notice_days" validate:"omitempty,min=0,max=365"`
}

// Subject is a group of people whose personal data is processed.
type Subject struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this group elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Customers".
	Name string `yaml:"name" validate:"required"`
	// Who belongs to the group.
	Description Markdown `yaml:"description" validate:"required"`
}

// Source is where personal data comes from.
type Source struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this source elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name or nature of the source, e.g. "Data enrichment providers such as ZoomInfo".
	Name string `yaml:"name" validate:"required"`
	// Kind of source: the person themself, their device (collected
	// automatically), another party, or a public source. Anything but
	// data_subject and automatic is indirect collection (GDPR Art. 14).
	Kind string `yaml:"kind" validate:"required,oneof=data_subject automatic third_party public"`
	// More about the source: the type of organisation, industry or sector, and
	// where it is held (WP260).
	Description Markdown `yaml:"description"`
	// Whether the source is publicly accessible (GDPR Art. 14(2)(f)).
	PubliclyAccessible Answer `yaml:"publicly_accessible" validate:"required"`
}

// Category is a category of personal data.
type Category struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this category elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Contact information".
	Name string `yaml:"name" validate:"required"`
	// What the category covers.
	Description Markdown `yaml:"description"`
	// Examples of the data, e.g. ["name", "email address", "job title"].
	Examples []string `yaml:"examples" validate:"required,min=1,dive,required"`
	// The groups of people this data is about.
	Subjects []string `yaml:"subjects" validate:"dive,id" ref:"subjects"`
	// Where the data comes from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,id" ref:"sources"`
	// Special categories under GDPR Art. 9, or criminal-offence data under
	// Art. 10, that this category contains; empty when none.
	Special []string `yaml:"special" validate:"dive,oneof=racial_or_ethnic_origin political_opinions religious_or_philosophical_beliefs trade_union_membership genetic biometric health sex_life_or_orientation criminal_offences"`
	// The California statutory categories (Civ. Code §1798.140(v)(1)(A)-(L)),
	// by letter.
	CCPACategories []string `yaml:"ccpa_categories" validate:"dive,oneof=A B C D E F G H I J K L"`
	// California sensitive personal information subtypes (§1798.140(ae)), L1-L10.
	CCPASensitive []string `yaml:"ccpa_sensitive" validate:"dive,oneof=L1 L2 L3 L4 L5 L6 L7 L8 L9 L10"`
	// Whether providing the data is a statutory requirement, a contractual
	// requirement, needed to enter a contract, or voluntary (GDPR Art. 13(2)(e)).
	Provision string `yaml:"provision" validate:"omitempty,oneof=statutory contractual precontractual voluntary"`
	// What happens if the person does not provide the data.
	Consequence Markdown `yaml:"consequence"`
	// How long the data is kept.
	Retention string `yaml:"retention" validate:"required,id" ref:"retention"`
	// Whether this category was sold in the preceding 12 months (CCPA).
	Sold Answer `yaml:"sold"`
	// Whether this category was shared for cross-context behavioural
	// advertising in the preceding 12 months (CCPA).
	Shared Answer `yaml:"shared"`
}

// Retention is a rule for how long data is kept.
type Retention struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this rule elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// What the rule covers, e.g. "Support tickets".
	Name string `yaml:"name" validate:"required"`
	// Fixed period, e.g. "24 months", "7 years", "30 days".
	Period Period `yaml:"period" validate:"required_without=Criteria,omitempty,period"`
	// The event the period runs from, e.g. "the end of your subscription".
	From string `yaml:"from" validate:"required_with=Period"`
	// The criteria used to set the period when no fixed period can be given.
	// "As long as necessary" alone is not enough (WP260).
	Criteria Markdown `yaml:"criteria" validate:"required_without=Period"`
}

// Purpose is a reason personal data is used.
type Purpose struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this purpose elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Short name, e.g. "Provide and support the service".
	Name string `yaml:"name" validate:"required"`
	// What is done with the data, in plain words.
	Description Markdown `yaml:"description" validate:"required"`
	// The groups of people concerned.
	Subjects []string `yaml:"subjects" validate:"dive,id" ref:"subjects"`
	// The categories of personal data used.
	Categories []string `yaml:"categories" validate:"required,min=1,dive,id" ref:"categories"`
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
	LegitimateInterest Markdown `yaml:"legitimate_interest"`
	// The Art. 9(2) condition, when special categories are used.
	Art9Condition string `yaml:"art9_condition" validate:"omitempty,oneof=explicit_consent employment vital_interests not_for_profit made_public legal_claims substantial_public_interest health_care public_health archiving_research"`
	// The law authorising the use of criminal-offence data (GDPR Art. 10).
	Art10Basis Markdown `yaml:"art10_basis"`
	// To whom the data is disclosed for this purpose.
	Recipients []string `yaml:"recipients" validate:"dive,id" ref:"recipients"`
	// How long the data is kept for this purpose, when it differs from the
	// categories' own rules.
	Retention string `yaml:"retention" validate:"omitempty,id" ref:"retention"`
	// California business or commercial purposes (Civ. Code §1798.140(e)).
	BusinessPurposes []string `yaml:"business_purposes" validate:"dive,oneof=auditing security debugging short_term_use performing_services advertising_and_marketing internal_research quality_and_safety commercial"`
	// Whether this purpose involves selling personal data (CCPA).
	Sells Answer `yaml:"sells"`
	// Whether this purpose involves sharing personal data for cross-context
	// behavioural advertising (CCPA).
	Shares Answer `yaml:"shares"`
	// Whether this purpose is direct marketing (the right to object is then
	// absolute, GDPR Art. 21(2)-(3)).
	DirectMarketing bool `yaml:"direct_marketing"`
	// Automated decisions made for this purpose.
	AutomatedDecisions []string `yaml:"automated_decisions" validate:"dive,id" ref:"automated_decisions.decisions"`
	// Date the purpose was or will be first used; a new purpose must be
	// published before it (GDPR Art. 13(3)).
	FirstUsed Date `yaml:"first_used" validate:"omitempty,date"`
}

// Recipient is a category of recipients, or a named recipient.
type Recipient struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this recipient elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Service providers" or "Professional advisers".
	Name string `yaml:"name" validate:"required"`
	// Who they are and why they receive data.
	Description Markdown `yaml:"description" validate:"required"`
	// Kind of recipient. service_provider and contractor are CCPA service
	// providers and contractors; third_party, advertising_partner and
	// event_partner are CCPA third parties.
	Kind string `yaml:"kind" validate:"required,oneof=affiliate service_provider contractor third_party advertising_partner event_partner professional_adviser authority business_transfer"`
	// Role under the GDPR.
	GDPRRole string `yaml:"gdpr_role" validate:"required,oneof=processor controller joint_controller"`
	// The categories of personal data disclosed to them.
	Categories []string `yaml:"categories" validate:"required,min=1,dive,id" ref:"categories"`
	// Countries where they are located, as ISO 3166-1 alpha-2 codes.
	Countries []string `yaml:"countries" validate:"dive,country"`
	// Whether personal data is sold to them (CCPA).
	Sold Answer `yaml:"sold"`
	// Whether personal data is shared with them for cross-context behavioural
	// advertising (CCPA).
	Shared Answer `yaml:"shared"`
}

// Processor is a named processor (sub-processor).
type Processor struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this processor elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name as people know it, e.g. "Stripe".
	Name string `yaml:"name" validate:"required"`
	// The contracting legal entity, e.g. "Stripe, Inc.".
	LegalName string `yaml:"legal_name"`
	// What they do for the organisation, e.g. "Payment processing".
	Service string `yaml:"service" validate:"required"`
	// The recipient category they belong to.
	Recipient string `yaml:"recipient" validate:"required,id" ref:"recipients"`
	// The purposes they serve.
	Purposes []string `yaml:"purposes" validate:"required,min=1,dive,id" ref:"purposes"`
	// The categories of personal data they process.
	Categories []string `yaml:"categories" validate:"required,min=1,dive,id" ref:"categories"`
	// Country of the contracting entity, as an ISO 3166-1 alpha-2 code.
	Country string `yaml:"country" validate:"required,country"`
	// Countries where the data is processed, when not only Country.
	Locations []string `yaml:"locations" validate:"dive,country"`
	// Address of the contracting entity (EDPB Opinion 22/2024).
	Address *Address `yaml:"address"`
	// Contact for data protection matters.
	Contact *Contact `yaml:"contact"`
	// Website.
	Website string `yaml:"website" validate:"omitempty,http_url"`
	// The transfer that covers data sent to them, if they are outside the EEA.
	Transfer string `yaml:"transfer" validate:"omitempty,id" ref:"transfers"`
	// Whether they are on the Data Privacy Framework List.
	DPFCertified Answer `yaml:"dpf_certified"`
	// Whether their certification includes the UK Extension to the EU-U.S.
	// Data Privacy Framework (the UK-U.S. "data bridge").
	DPFUKExtension Answer `yaml:"dpf_uk_extension"`
	// Date they were or will be first used.
	Added Date `yaml:"added" validate:"omitempty,date"`
	// Date customers were notified of them (GDPR Art. 28(2)).
	NoticeSent Date `yaml:"notice_sent" validate:"omitempty,date"`
}

// Transfer is a transfer of personal data to a country outside the EEA or UK.
type Transfer struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this transfer elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Destination countries, as ISO 3166-1 alpha-2 codes.
	Destinations []string `yaml:"destinations" validate:"required,min=1,dive,country"`
	// The recipients the data goes to.
	Recipients []string `yaml:"recipients" validate:"dive,id" ref:"recipients"`
	// What is transferred and why, in a sentence.
	Description Markdown `yaml:"description"`
	// Transfer tool for EU data (GDPR Arts. 45-49), as in the legal
	// reference's mechanism list.
	Mechanism string `yaml:"mechanism" validate:"required,oneof=ADEQUACY EU_US_DPF SCC_2021_914 SCC_SA_ADOPTED BCR CODE_OF_CONDUCT CERTIFICATION PUBLIC_BODY_INSTRUMENT AUTHORISED_CLAUSES ADMIN_ARRANGEMENT ART49_1_A ART49_1_B ART49_1_C ART49_1_D ART49_1_E ART49_1_F ART49_1_G ART49_1_COMPELLING_LI PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// SCC modules used with SCC_2021_914: 1 controller to controller, 2
	// controller to processor, 3 processor to processor, 4 processor to
	// controller.
	SCCModules []int `yaml:"scc_modules" validate:"required_if=Mechanism SCC_2021_914,dive,min=1,max=4"`
	// Transfer tool for UK data (UK GDPR Arts. 45A-49).
	UKMechanism string `yaml:"uk_mechanism" validate:"omitempty,oneof=UK_ADEQUACY_REGS UK_IDTA UK_ADDENDUM UK_BCR UK_ART49 PRIVACY_SHIELD SCC_2010_87 SCC_2004_915"`
	// Where to get a copy of the safeguards, or how to request one
	// (GDPR Art. 13(1)(f)).
	SafeguardsCopy Markdown `yaml:"safeguards_copy"`
	// For ART49_1_A: the risks of the transfer the person was told about.
	RiskStatement Markdown `yaml:"risk_statement"`
	// For ART49_1_COMPELLING_LI: the compelling legitimate interests.
	CompellingInterest Markdown `yaml:"compelling_interest"`
}

// Rights says which privacy rights are offered and how to exercise them.
type Rights struct {
	Pos diag.Pos `yaml:"-"`
	// Rights offered to everyone, whatever the law where they live. The
	// jurisdiction notices add the rights their law grants.
	Offered []*Right `yaml:"offered" validate:"required,min=1,dive"`
	// How to make a request.
	RequestMethods []*RequestMethod `yaml:"request_methods" validate:"required,min=1,dive"`
	// How identity is verified before a request is fulfilled.
	Verification Markdown `yaml:"verification" validate:"required"`
	// How someone may make a request on another person's behalf.
	AuthorizedAgents Markdown `yaml:"authorized_agents" validate:"required"`
	// How to appeal a refused request.
	Appeal Markdown `yaml:"appeal"`
	// How quickly requests are answered.
	ResponseTime Markdown `yaml:"response_time"`
	// How to withdraw consent; required when any purpose relies on consent.
	ConsentWithdrawal Markdown `yaml:"consent_withdrawal"`
	// The commitment not to discriminate against people who exercise their
	// rights.
	NonDiscrimination Markdown `yaml:"non_discrimination"`
}

// Right is one right offered.
type Right struct {
	Pos diag.Pos `yaml:"-"`
	// Which right.
	Right string `yaml:"right" validate:"required,oneof=access correction deletion portability restriction objection withdraw_consent opt_out_marketing opt_out_sale_sharing limit_sensitive appeal complain"`
	// How the organisation describes it, when the standard wording is not enough.
	Description Markdown `yaml:"description"`
}

// RequestMethod is one way to make a privacy request.
type RequestMethod struct {
	Pos diag.Pos `yaml:"-"`
	// Kind of method.
	Type string `yaml:"type" validate:"required,oneof=email web_form toll_free_phone phone postal in_app in_person"`
	// The address, number or link; for postal, the address in one line.
	Value string `yaml:"value" validate:"required"`
	// A note shown with the method, e.g. "Monday to Friday, 9am-5pm Pacific".
	Note string `yaml:"note"`
}

// Cookies describes cookies and similar technologies.
type Cookies struct {
	Pos diag.Pos `yaml:"-"`
	// What cookies and similar technologies are used for, in general.
	Summary Markdown `yaml:"summary" validate:"required"`
	// The separate cookie policy, if any.
	PolicyURL string `yaml:"policy_url" validate:"omitempty,http_url"`
	// Where people change their cookie preferences.
	SettingsURL string `yaml:"settings_url" validate:"omitempty,http_url"`
	// How Do Not Track browser signals are handled (CalOPPA §22575(b)(5)).
	DoNotTrack *Signal `yaml:"do_not_track" validate:"required"`
	// How Global Privacy Control and other opt-out preference signals are
	// handled (CCPA regs §7025).
	GlobalPrivacyControl *Signal `yaml:"global_privacy_control" validate:"required"`
	// Whether third parties may collect information about people's online
	// activities over time and across sites (CalOPPA §22575(b)(6)).
	ThirdPartyTracking Answer `yaml:"third_party_tracking" validate:"required"`
	// The cookies and trackers used.
	Items []*Cookie `yaml:"items" validate:"dive"`
	// Industry and platform opt-out tools for interest-based advertising.
	OptOutTools []*Link `yaml:"opt_out_tools" validate:"dive"`
}

// Signal says how a browser privacy signal is handled.
type Signal struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the signal is honoured.
	Honored Answer `yaml:"honored" validate:"required"`
	// What happens when the signal is received.
	Description Markdown `yaml:"description"`
	// Whether the site shows people that their signal was honoured, e.g.
	// "Opt-Out Request Honored" (CCPA regs §7025(c)(6), from 2026).
	ShowsStatus Answer `yaml:"shows_status"`
}

// Cookie is one cookie or similar tracker.
type Cookie struct {
	Pos diag.Pos `yaml:"-"`
	// Name of the cookie or tracker, e.g. "_ga".
	Name string `yaml:"name" validate:"required"`
	// Who sets it, e.g. "Google Analytics".
	Provider string `yaml:"provider" validate:"required"`
	// Whether it is set by the organisation (first) or by someone else (third).
	Party string `yaml:"party" validate:"required,oneof=first third"`
	// What kind of cookie it is.
	Class string `yaml:"class" validate:"required,oneof=strictly_necessary functional analytics advertising"`
	// What it is used for.
	Purpose string `yaml:"purpose" validate:"required"`
	// How long it lasts: "session" or a period such as "13 months".
	Duration Period `yaml:"duration" validate:"required,duration"`
	// Whether it is used for cross-context behavioural advertising (CCPA "sharing").
	CrossContextAdvertising Answer `yaml:"cross_context_advertising" validate:"required"`
}

// Link is a named link.
type Link struct {
	Pos diag.Pos `yaml:"-"`
	// Text of the link.
	Name string `yaml:"name" validate:"required"`
	// Target of the link.
	URL string `yaml:"url" validate:"required,http_url"`
}

// California holds the facts the California notice needs.
type California struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the organisation is a "business" under Civ. Code §1798.140(d).
	Business Answer `yaml:"business" validate:"required"`
	// Whether personal information is sold.
	Sells Answer `yaml:"sells" validate:"required"`
	// Whether personal information is shared for cross-context behavioural
	// advertising.
	Shares Answer `yaml:"shares" validate:"required"`
	// Whether personal information of consumers under 16 is sold or shared
	// with actual knowledge of their age.
	SellsOrSharesUnder16 Answer `yaml:"sells_or_shares_under_16" validate:"required"`
	// Whether sensitive personal information is used or disclosed beyond the
	// purposes permitted by regs §7027(m).
	SensitiveBeyondPermitted Answer `yaml:"sensitive_beyond_permitted" validate:"required"`
	// Whether the business operates exclusively online and has a direct
	// relationship with consumers (then an email address is enough for
	// requests, §1798.130(a)(1)(A)).
	ExclusivelyOnline Answer `yaml:"exclusively_online" validate:"required"`
	// Links required when selling, sharing or using sensitive personal
	// information beyond permitted purposes.
	Links *CaliforniaLinks `yaml:"links"`
	// Whether financial incentives are offered for personal information (§7016).
	FinancialIncentives Answer `yaml:"financial_incentives" validate:"required"`
	// The incentives, when financial_incentives is yes.
	Incentives []*Incentive `yaml:"incentives" validate:"required_if=FinancialIncentives yes,dive"`
	// Request metrics for businesses handling the data of 10 million or more
	// Californians a year (§7102).
	Metrics *Metrics `yaml:"metrics"`
	// Shine the Light (Civ. Code §1798.83).
	ShineTheLight *ShineTheLight `yaml:"shine_the_light"`
	// The commitment about de-identified information (§1798.140(m)).
	Deidentified Markdown `yaml:"deidentified"`
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

// Incentive is a financial incentive (regs §7016).
type Incentive struct {
	Pos diag.Pos `yaml:"-"`
	// Name of the programme.
	Name string `yaml:"name" validate:"required"`
	// Its material terms, categories of personal information involved, how to
	// opt in and withdraw, and how its value is calculated.
	Description Markdown `yaml:"description" validate:"required"`
}

// Metrics are the request metrics of regs §7102.
type Metrics struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the business must publish them.
	Required Answer `yaml:"required" validate:"required"`
	// Link to the published metrics.
	URL string `yaml:"url" validate:"required_if=Required yes,omitempty,http_url"`
}

// ShineTheLight covers Civ. Code §1798.83.
type ShineTheLight struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the business has 20 or more employees (below that, the law does
	// not apply).
	EmployeesAtLeast20 Answer `yaml:"employees_20_or_more" validate:"required"`
	// Whether personal information is disclosed to third parties for their
	// own direct marketing.
	DisclosesForDirectMarketing Answer `yaml:"discloses_for_direct_marketing" validate:"required"`
	// The alternative of §1798.83(c)(2): such disclosures happen only when
	// the customer opts in, or customers may opt out free of charge.
	Choice string `yaml:"choice" validate:"omitempty,oneof=opt_in opt_out"`
	// Where customers send a request for the list of disclosures (a mailing
	// address, email address, or toll-free telephone or fax number).
	Contact *Contact `yaml:"contact"`
}

// Children covers children's data.
type Children struct {
	Pos diag.Pos `yaml:"-"`
	// Minimum age of people the services are for; data of younger children is
	// not knowingly collected.
	MinimumAge int `yaml:"minimum_age" validate:"required,min=13,max=21"`
	// Whether any service is directed to children.
	DirectedToChildren Answer `yaml:"directed_to_children" validate:"required"`
	// Whether the organisation has actual knowledge of processing data of
	// people under 16.
	ActualKnowledgeUnder16 Answer `yaml:"actual_knowledge_under_16" validate:"required"`
	// What happens when data of a child is found.
	Statement Markdown `yaml:"statement"`
}

// Security describes how personal data is protected.
type Security struct {
	Pos diag.Pos `yaml:"-"`
	// The security statement.
	Statement Markdown `yaml:"statement" validate:"required"`
	// Notable measures, e.g. "Encryption in transit (TLS 1.2+)".
	Measures []string `yaml:"measures" validate:"dive,required"`
	// A page with more detail.
	URL string `yaml:"url" validate:"omitempty,http_url"`
}

// AutomatedDecisions covers automated decision-making and profiling.
type AutomatedDecisions struct {
	Pos diag.Pos `yaml:"-"`
	// Whether decisions based solely on automated processing with legal or
	// similarly significant effects are made (GDPR Art. 22).
	SolelyAutomated Answer `yaml:"solely_automated" validate:"required"`
	// Whether people are profiled.
	Profiling Answer `yaml:"profiling" validate:"required"`
	// The automated decisions made.
	Decisions []*Decision `yaml:"decisions" validate:"required_if=SolelyAutomated yes,dive"`
}

// Decision is an automated decision.
type Decision struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this decision elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// What is decided.
	Description Markdown `yaml:"description" validate:"required"`
	// Whether GDPR Art. 22 applies (solely automated, legal or similarly
	// significant effects).
	Art22 Answer `yaml:"art22" validate:"required"`
	// Meaningful information about the logic involved.
	Logic Markdown `yaml:"logic"`
	// Its significance for the person.
	Significance Markdown `yaml:"significance"`
	// Its envisaged consequences.
	Consequences Markdown `yaml:"consequences"`
	// The safeguards: how to obtain human intervention, make representations
	// and contest the decision (UK GDPR Arts. 22A-22D).
	Safeguards Markdown `yaml:"safeguards"`
}

// Changes says how changes are announced.
type Changes struct {
	Pos diag.Pos `yaml:"-"`
	// How people are told about changes to the notices.
	Notification Markdown `yaml:"notification" validate:"required"`
	// Whether customers give general or specific authorisation for new
	// sub-processors (GDPR Art. 28(2)).
	SubprocessorAuthorisation string `yaml:"subprocessor_authorisation" validate:"omitempty,oneof=general specific"`
	// Days of notice before a new sub-processor is used.
	SubprocessorNoticeDays int `yaml:"subprocessor_notice_days" validate:"omitempty,min=0,max=365"`
	// How customers object to a new sub-processor.
	SubprocessorObjection Markdown `yaml:"subprocessor_objection"`
	// Where customers subscribe to sub-processor changes.
	SubprocessorSubscribeURL string `yaml:"subprocessor_subscribe_url" validate:"omitempty,http_url"`
}

// Section is one of the team's own prose sections.
type Section struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier, also the section's anchor in the page.
	ID string `yaml:"id" validate:"required,id"`
	// Heading.
	Title string `yaml:"title" validate:"required"`
	// Text.
	Body Markdown `yaml:"body" validate:"required"`
	// The notices it appears in: ids of the rule packs' notices (global,
	// eu, california, ...; "disclose --help" lists them).
	Notices []string `yaml:"notices" validate:"required,min=1"`
	// Where it goes: the id of the section it follows ("top" to put it
	// first). By default it goes before the notice's closing sections
	// (changes and contact). "disclose explain NOTICE" lists the ids.
	After string `yaml:"after" validate:"omitempty,id"`
}
