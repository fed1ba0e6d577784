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

// Project is the whole data set: every file under data/, merged. A
// section that is a list (processors:, purposes:, ...) may be split across files, its items
// read in the order of the files' paths; any other section is written in one file.
// Which file is up to the team.
type Project struct {
	// The organisation publishing the notices: its legal entities, contacts,
	// data protection officers, representatives and supervisory authorities.
	Organization *Organization `yaml:"organization" validate:"required"`
	// Settings of each published notice, by the id of its rule pack
	// (global, eu, california, ...; "disclose --help" lists them): titles
	// and change-notice periods.
	Notices map[string]*NoticeSettings `yaml:"notices" validate:"required,dive"`
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
	// The team's sign-offs of what no data can prove: a rule about the
	// notices' form or placement (plain language, accessibility, a
	// conspicuous link), who checked it, when, and what they found.
	Reviews []*Review `yaml:"reviews" validate:"dive"`

	// Ext holds the sections rule packs add (the california pack's
	// california:).
	Ext Ext `yaml:"-"`

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

	// Ext holds the facts rule packs add (the eu pack's data protection
	// officers and representatives).
	Ext Ext `yaml:"-"`
}

// Entity is one legal entity of the organisation.
type Entity struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this entity elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Registered legal name, e.g. "Helpwise, Inc.".
	LegalName string `yaml:"legal_name" validate:"required"`
	// The entity's role for the processing the notices describe:
	//   - controller: decides why and how the personal data is processed
	//   - joint_controller: decides it together with another controller
	//     (GDPR Art. 26)
	//   - processor: processes it on behalf of a controller
	Role string `yaml:"role" validate:"required,oneof=controller joint_controller processor"`
	// Registered or principal address.
	Address *Address `yaml:"address" validate:"required"`
	// Company registration number and register, e.g. "Company No. 01234567 (England and Wales)".
	Registration string `yaml:"registration" i18n:"name"`
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Name of the person, team or body, e.g. "Privacy Office".
	Name string `yaml:"name" i18n:"name"`
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

// NoticeSettings configures one notice.
type NoticeSettings struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Title shown on the page and in the PDF.
	Title string `yaml:"title" validate:"required" i18n:"text"`
	// Short introduction shown under the title.
	Intro Markdown `yaml:"intro"`
	// Days between releasing a material change and its effective date
	// (default 30).
	MaterialChangeNoticeDays int `yaml:"material_change_notice_days" validate:"omitempty,min=0,max=365"`
	// Page size of the notice's PDFs (the notice and its redlines):
	//   - a4: A4 (the default)
	//   - letter: US Letter
	Paper string `yaml:"paper" validate:"omitempty,oneof=a4 letter"`
	// Languages the notice is published in, as BCP 47 codes: en (English,
	// the language the data is written in, always published) and any of
	// de, fr. Each other language's notice is written from the pack's
	// message catalogue and the team's translations in
	// data/translations/LANG.yaml (default: en only).
	Languages []string `yaml:"languages" validate:"dive,required"`
}

// Subject is a group of people whose personal data is processed.
type Subject struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this group elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Customers".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// Who belongs to the group.
	Description Markdown `yaml:"description" validate:"required"`
}

// Source is where personal data comes from.
type Source struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this source elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name or nature of the source, e.g. "Data enrichment providers such as ZoomInfo".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// Kind of source. Anything but data_subject and automatic is indirect
	// collection (GDPR Art. 14):
	//   - data_subject: the person themself
	//   - automatic: their device, collected automatically as they use the
	//     service
	//   - third_party: another party
	//   - public: a publicly available source
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this category elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Contact information".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// What the category covers.
	Description Markdown `yaml:"description"`
	// Examples of the data, e.g. ["name", "email address", "job title"].
	Examples []string `yaml:"examples" validate:"required,min=1,dive,required" i18n:"text"`
	// The groups of people this data is about.
	Subjects []string `yaml:"subjects" validate:"dive,id" ref:"subjects"`
	// Where the data comes from.
	Sources []string `yaml:"sources" validate:"required,min=1,dive,id" ref:"sources"`
	// Special categories under GDPR Art. 9, or criminal-offence data under
	// Art. 10, that this category contains; empty when none:
	//   - racial_or_ethnic_origin: racial or ethnic origin (Art. 9(1))
	//   - political_opinions: political opinions (Art. 9(1))
	//   - religious_or_philosophical_beliefs: religious or philosophical
	//     beliefs (Art. 9(1))
	//   - trade_union_membership: trade union membership (Art. 9(1))
	//   - genetic: genetic data (Art. 9(1))
	//   - biometric: biometric data used to identify a person (Art. 9(1))
	//   - health: data concerning health (Art. 9(1))
	//   - sex_life_or_orientation: data concerning a person's sex life or
	//     sexual orientation (Art. 9(1))
	//   - criminal_offences: personal data relating to criminal convictions
	//     and offences (Art. 10)
	Special []string `yaml:"special" validate:"dive,oneof=racial_or_ethnic_origin political_opinions religious_or_philosophical_beliefs trade_union_membership genetic biometric health sex_life_or_orientation criminal_offences"`
	// Whether providing the data is required, and by what (GDPR Art.
	// 13(2)(e)):
	//   - statutory: a requirement of law
	//   - contractual: a requirement of a contract
	//   - precontractual: needed to enter into a contract
	//   - voluntary: not required
	Provision string `yaml:"provision" validate:"omitempty,oneof=statutory contractual precontractual voluntary"`
	// What happens if the person does not provide the data.
	Consequence Markdown `yaml:"consequence"`
	// How long the data is kept.
	Retention string `yaml:"retention" validate:"required,id" ref:"retention"`
}

// Retention is a rule for how long data is kept.
type Retention struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this rule elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// What the rule covers, e.g. "Support tickets".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// Fixed period, e.g. "24 months", "7 years", "30 days".
	Period Period `yaml:"period" validate:"required_without=Criteria,omitempty,period"`
	// The event the period runs from, e.g. "the end of your subscription".
	From string `yaml:"from" validate:"required_with=Period" i18n:"text"`
	// The criteria used to set the period when no fixed period can be given.
	// "As long as necessary" alone is not enough (WP260).
	Criteria Markdown `yaml:"criteria" validate:"required_without=Period"`
	// What happens to the data when the period ends. When every rule says,
	// the notices say it too:
	//   - delete: it is deleted
	//   - anonymise: it is anonymised, so that it no longer identifies
	//     anyone
	//   - delete_or_anonymise: it is deleted or anonymised
	End string `yaml:"end" validate:"omitempty,oneof=delete anonymise delete_or_anonymise"`
}

// Purpose is a reason personal data is used.
type Purpose struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this purpose elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Short name, e.g. "Provide and support the service".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// What is done with the data, in plain words.
	Description Markdown `yaml:"description" validate:"required"`
	// The groups of people concerned.
	Subjects []string `yaml:"subjects" validate:"dive,id" ref:"subjects"`
	// The categories of personal data used.
	Categories []string `yaml:"categories" validate:"required,min=1,dive,id" ref:"categories"`
	// To whom the data is disclosed for this purpose.
	Recipients []string `yaml:"recipients" validate:"dive,id" ref:"recipients"`
	// How long the data is kept for this purpose, when it differs from the
	// categories' own rules.
	Retention string `yaml:"retention" validate:"omitempty,id" ref:"retention"`
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this recipient elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Service providers" or "Professional advisers".
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// Who they are and why they receive data.
	Description Markdown `yaml:"description" validate:"required"`
	// Kind of recipient:
	//   - affiliate: a company of the same group
	//   - service_provider: a vendor processing data on our behalf (a CCPA
	//     service provider)
	//   - contractor: a person we make the data available to for a business
	//     purpose under a written contract (a CCPA contractor)
	//   - third_party: another business (a CCPA third party)
	//   - advertising_partner: an advertising or marketing partner (a CCPA
	//     third party)
	//   - event_partner: a co-host or sponsor of an event (a CCPA third
	//     party)
	//   - professional_adviser: lawyers, auditors, insurers and other
	//     advisers
	//   - authority: public authorities, courts and regulators
	//   - business_transfer: a buyer or successor in a merger, acquisition or
	//     sale of assets
	Kind string `yaml:"kind" validate:"required,oneof=affiliate service_provider contractor third_party advertising_partner event_partner professional_adviser authority business_transfer"`
	// The categories of personal data disclosed to them.
	Categories []string `yaml:"categories" validate:"required,min=1,dive,id" ref:"categories"`
	// Countries where they are located, as ISO 3166-1 alpha-2 codes.
	Countries []string `yaml:"countries" validate:"dive,country"`
}

// Processor is a named processor (sub-processor).
type Processor struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this processor elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Name as people know it, e.g. "Stripe".
	Name string `yaml:"name" validate:"required"`
	// The contracting legal entity, e.g. "Stripe, Inc.".
	LegalName string `yaml:"legal_name"`
	// What they do for the organisation, e.g. "Payment processing".
	Service string `yaml:"service" validate:"required" i18n:"text"`
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier used to refer to this transfer elsewhere in the data.
	ID string `yaml:"id" validate:"required,id"`
	// Destination countries, as ISO 3166-1 alpha-2 codes.
	Destinations []string `yaml:"destinations" validate:"required,min=1,dive,country"`
	// The recipients the data goes to.
	Recipients []string `yaml:"recipients" validate:"dive,id" ref:"recipients"`
	// What is transferred and why, in a sentence.
	Description Markdown `yaml:"description"`
}

// Rights says which privacy rights are offered and how to exercise them.
type Rights struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Which right:
	//   - access: to know about and get a copy of one's personal data
	//   - correction: to have inaccurate data corrected
	//   - deletion: to have data deleted
	//   - portability: to receive data in a portable format and have it
	//     transmitted to another organisation
	//   - restriction: to have processing restricted
	//   - objection: to object to processing
	//   - withdraw_consent: to withdraw consent at any time
	//   - opt_out_marketing: to opt out of direct marketing
	//   - opt_out_sale_sharing: to opt out of the sale or sharing of personal
	//     information
	//   - limit_sensitive: to limit the use of sensitive personal information
	//   - appeal: to appeal a refused request
	//   - complain: to complain to a supervisory authority
	Right string `yaml:"right" validate:"required,oneof=access correction deletion portability restriction objection withdraw_consent opt_out_marketing opt_out_sale_sharing limit_sensitive appeal complain"`
	// How the organisation describes it, when the standard wording is not enough.
	Description Markdown `yaml:"description"`
}

// RequestMethod is one way to make a privacy request.
type RequestMethod struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Kind of method:
	//   - email: an email address
	//   - web_form: a web form
	//   - toll_free_phone: a toll-free telephone number
	//   - phone: a telephone number
	//   - postal: a postal address
	//   - in_app: a setting or form in the app
	//   - in_person: in person, at an address
	Type string `yaml:"type" validate:"required,oneof=email web_form toll_free_phone phone postal in_app in_person"`
	// The address, number or link; for postal, the address in one line.
	Value string `yaml:"value" validate:"required"`
	// A note shown with the method, e.g. "Monday to Friday, 9am-5pm Pacific".
	Note string `yaml:"note" i18n:"text"`
}

// Cookies describes cookies and similar technologies.
type Cookies struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Name of the cookie or tracker, e.g. "_ga".
	Name string `yaml:"name" validate:"required"`
	// Who sets it, e.g. "Google Analytics".
	Provider string `yaml:"provider" validate:"required"`
	// Who sets it:
	//   - first: the organisation
	//   - third: someone else
	Party string `yaml:"party" validate:"required,oneof=first third"`
	// What kind of cookie it is:
	//   - strictly_necessary: needed for the service people asked for
	//   - functional: remembers choices to improve the service
	//   - analytics: measures how the service is used
	//   - advertising: used for advertising and its measurement
	Class string `yaml:"class" validate:"required,oneof=strictly_necessary functional analytics advertising"`
	// What it is used for.
	Purpose string `yaml:"purpose" validate:"required" i18n:"text"`
	// How long it lasts: "session" or a period such as "13 months".
	Duration Period `yaml:"duration" validate:"required,duration"`
	// Whether it is used for cross-context behavioural advertising (CCPA "sharing").
	CrossContextAdvertising Answer `yaml:"cross_context_advertising" validate:"required"`
}

// Link is a named link.
type Link struct {
	Pos diag.Pos `yaml:"-"`
	// Text of the link.
	Name string `yaml:"name" validate:"required" i18n:"text"`
	// Target of the link.
	URL string `yaml:"url" validate:"required,http_url"`
}

// Children covers children's data.
type Children struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// The security statement.
	Statement Markdown `yaml:"statement" validate:"required"`
	// Notable measures, e.g. "Encryption in transit (TLS 1.2+)".
	Measures []string `yaml:"measures" validate:"dive,required" i18n:"text"`
	// A page with more detail.
	URL string `yaml:"url" validate:"omitempty,http_url"`
}

// AutomatedDecisions covers automated decision-making and profiling.
type AutomatedDecisions struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
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
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// How people are told about changes to the notices.
	Notification Markdown `yaml:"notification" validate:"required"`
}

// Review is the team's sign-off of a rule no data can prove.
type Review struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// The rule reviewed, by its id (the README's rules table lists them),
	// e.g. CCR-7003.
	Rule string `yaml:"rule" validate:"required"`
	// Who reviewed it: a name and role, e.g. "Dana Reyes, Privacy Counsel".
	ReviewedBy string `yaml:"reviewed_by" validate:"required"`
	// When they reviewed it; a review older than 12 months no longer counts.
	ReviewedAt Date `yaml:"reviewed_at" validate:"required,date"`
	// What was reviewed and found, e.g. "the notice pages and PDFs meet
	// WCAG 2.1 AA (axe-core run and a screen-reader check)".
	What Markdown `yaml:"what" validate:"required"`
}

// Section is one of the team's own prose sections.
type Section struct {
	Pos diag.Pos `yaml:"-"`
	Ext Ext      `yaml:"-"` // the facts rule packs add (see Ext)
	// Identifier, also the section's anchor in the page.
	ID string `yaml:"id" validate:"required,id"`
	// Heading.
	Title string `yaml:"title" validate:"required" i18n:"text"`
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
