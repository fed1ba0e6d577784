package brazil

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// The LGPD facts are this pack's own data: the brazil: section, the Art. 7
// and Art. 11 bases of purposes, the consequences of refusing consent, the
// LGPD role of recipients, the Art. 33 mechanism of transfers and whether
// an automated decision falls under Art. 20. The loader decodes them beside
// the core keys (model.Extension); only this package knows their types.

// Sections are the top-level sections this pack adds to the data files.
type Sections struct {
	// Brazil (LGPD, Lei 13.709/2018) facts.
	Brazil *Brazil `yaml:"brazil"`
}

// Brazil holds the facts the Brazilian notice needs beyond the core model.
type Brazil struct {
	Pos diag.Pos `yaml:"-"`
	// Whether the LGPD applies to the organisation's processing (Art. 3),
	// so that it publishes the Brazilian notice. "applies: no" needs none of
	// the other facts.
	Applies model.Answer `yaml:"applies" validate:"required"`
	// Why it applies, by Art. 3:
	//   - processing_in_brazil: the processing is carried out in Brazil (I)
	//   - offers_to_brazil: it offers or supplies goods or services to people
	//     in Brazil, or processes the data of people located there (II)
	//   - collected_in_brazil: the data was collected in Brazil (III)
	Grounds []string `yaml:"grounds" validate:"dive,oneof=processing_in_brazil offers_to_brazil collected_in_brazil"`
	// The company of the group that is the controller (controlador, Art. 5
	// VI) of the data of people in Brazil, by entity id (Art. 9 III-IV).
	Controller string `yaml:"controller" validate:"omitempty,id" ref:"organization.entities"`
	// The person in charge of the processing of personal data (encarregado,
	// Art. 5 VIII and Art. 41): a name and a way to reach them, published
	// on the website (Art. 41 §1).
	Encarregado *model.Contact `yaml:"encarregado"`
	// For a service directed to children (children.directed_to_children):
	// how the specific and highlighted consent of at least one parent or
	// legal guardian is obtained, and how the organisation checks it was
	// given by them (Art. 14 §1 and §5).
	ParentalConsent model.Markdown `yaml:"parental_consent"`
	// For a service directed to children: the types of data collected from
	// children and how they are used (Art. 14 §2).
	ChildrenData model.Markdown `yaml:"children_data"`
	// The international transfers of the data of people in Brazil, each
	// with its own Art. 33 mechanism. When given, the Brazilian notice and
	// LGPD-33 read these records only, and the core transfers (grouped by
	// the EU's tools) may carry no lgpd_mechanism or lgpd_transfer.
	// Without them, the core transfers' lgpd_mechanism is used. The
	// controller collecting data directly from people in Brazil is not a
	// transfer (Resolution CD/ANPD 19/2024: international collection), so
	// no record names it.
	Transfers []*TransferRecord `yaml:"transfers" validate:"dive"`
	// The ways to make a request that the Brazilian notice lists, when they
	// differ from rights.request_methods (for example without a channel
	// for another country, or a number that is free to call only from
	// elsewhere: Art. 18 §5 asks that requests cost nothing).
	RequestMethods []*model.RequestMethod `yaml:"request_methods" validate:"dive"`
	// How to revoke consent, in the Brazilian notice's words (Art. 8 §5:
	// at any time, by a free and facilitated procedure); without it,
	// rights.consent_withdrawal.
	ConsentWithdrawal model.Markdown `yaml:"consent_withdrawal"`
	// How a request is verified, in the Brazilian notice's words; without
	// it, rights.verification.
	Verification model.Markdown `yaml:"verification"`
	// What the Brazilian notice says of children's data beyond Art. 14,
	// in its words; without it, children.statement.
	ChildrenStatement model.Markdown `yaml:"children_statement"`
	// Retention criteria in the Brazilian notice's words, by retention rule
	// (for example the Brazilian limitation periods instead of another
	// country's).
	Retention []*RetentionText `yaml:"retention" validate:"dive"`
}

// TransferRecord is one international transfer of the data of people in
// Brazil (LGPD Art. 33), as the Brazilian notice states it.
type TransferRecord struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier of the record (prefix it br- so that it reads apart from
	// the core transfers' ids).
	ID string `yaml:"id" validate:"required,id"`
	// Destination countries, as ISO 3166-1 alpha-2 codes.
	Destinations []string `yaml:"destinations" validate:"required,min=1,dive,country"`
	// The recipients the data goes to in those countries.
	Recipients []string `yaml:"recipients" validate:"required,min=1,dive,id" ref:"recipients"`
	// The mechanism of LGPD Art. 33 the transfer relies on, as
	// transfers[].lgpd_mechanism:
	//   - anpd_adequacy: an adequacy decision of the ANPD (LGPD Art. 33, I and
	//     Art. 34)
	//   - specific_clauses: specific contractual clauses for the transfer
	//     approved by the ANPD (Art. 33, II, a)
	//   - anpd_scc: the standard contractual clauses approved by the ANPD
	//     (Art. 33, II, b; Resolution CD/ANPD 19/2024, Annex II)
	//   - global_corporate_rules: global corporate rules approved by the ANPD
	//     (Art. 33, II, c)
	//   - seals_codes: seals, certificates and codes of conduct regularly
	//     issued (Art. 33, II, d)
	//   - legal_cooperation: international legal cooperation between public
	//     intelligence, investigation and prosecution bodies (Art. 33, III)
	//   - protection_of_life: the need to protect the life or physical safety
	//     of the person or another (Art. 33, IV)
	//   - anpd_authorisation: an authorisation of the ANPD (Art. 33, V)
	//   - cooperation_agreement: a commitment in an international
	//     cooperation agreement (Art. 33, VI)
	//   - public_policy: the carrying out of a public policy or a legal duty
	//     of a public service (Art. 33, VII)
	//   - specific_consent: the person's specific and highlighted consent to
	//     the transfer (Art. 33, VIII)
	//   - legal_obligation: compliance with a legal or regulatory obligation
	//     (Art. 33, IX with Art. 7, II)
	//   - contract: the performance of a contract with the person (Art. 33,
	//     IX with Art. 7, V)
	//   - exercise_of_rights: the regular exercise of rights in judicial,
	//     administrative or arbitration proceedings (Art. 33, IX with Art. 7,
	//     VI)
	//   - contract_clauses_transition: contractual clauses in force before
	//     the ANPD's standard clauses, relied on until 23 August 2025
	Mechanism string `yaml:"mechanism" validate:"omitempty,oneof=anpd_adequacy specific_clauses anpd_scc global_corporate_rules seals_codes legal_cooperation protection_of_life anpd_authorisation cooperation_agreement public_policy specific_consent legal_obligation contract exercise_of_rights contract_clauses_transition"`
	// What is transferred and why, in a sentence (for the team; the notice
	// lists destinations, recipients, purposes, data and mechanism).
	Description model.Markdown `yaml:"description"`
}

// RetentionText is a retention rule's criteria in the Brazilian notice.
type RetentionText struct {
	Pos diag.Pos `yaml:"-"`
	// The retention rule, by id.
	Retention string `yaml:"retention" validate:"required,id" ref:"retention"`
	// How the period is set, in the Brazilian notice's words.
	Criteria model.Markdown `yaml:"criteria" validate:"required"`
}

// PurposeFacts are the LGPD facts of a purpose.
type PurposeFacts struct {
	// Legal bases under LGPD Art. 7:
	//   - consent: the person's consent (I)
	//   - legal_obligation: compliance with a legal or regulatory obligation
	//     (II)
	//   - public_policy: the carrying out of public policies by the public
	//     administration (III)
	//   - research: studies by a research body (IV)
	//   - contract: the performance of a contract, or preliminary steps, at
	//     the person's request (V)
	//   - exercise_of_rights: the regular exercise of rights in judicial,
	//     administrative or arbitration proceedings (VI)
	//   - protection_of_life: the protection of the life or physical safety
	//     of the person or another (VII)
	//   - health: the protection of health, by health professionals, services
	//     or authorities (VIII)
	//   - legitimate_interest: our legitimate interests or a third party's
	//     (IX)
	//   - credit_protection: the protection of credit (X)
	LGPDBases []string `yaml:"lgpd_bases" validate:"dive,oneof=consent legal_obligation public_policy research contract exercise_of_rights protection_of_life health legitimate_interest credit_protection"`
	// For a purpose that uses sensitive personal data (Art. 5 II: the
	// categories whose special: lists one of its kinds), the bases under
	// LGPD Art. 11:
	//   - consent: the person's specific and highlighted consent (I)
	//   - legal_obligation: compliance with a legal or regulatory obligation
	//     (II, a)
	//   - public_policy: the carrying out of public policies by the public
	//     administration (II, b)
	//   - research: studies by a research body (II, c)
	//   - exercise_of_rights: the regular exercise of rights, including in a
	//     contract and in judicial, administrative or arbitration proceedings
	//     (II, d)
	//   - protection_of_life: the protection of the life or physical safety
	//     of the person or another (II, e)
	//   - health: the protection of health, by health professionals, services
	//     or authorities (II, f)
	//   - fraud_prevention: fraud prevention and the person's security in
	//     identification and authentication in electronic systems (II, g)
	LGPDSensitiveBases []string `yaml:"lgpd_sensitive_bases" validate:"dive,oneof=consent legal_obligation public_policy research exercise_of_rights protection_of_life health fraud_prevention"`
	// For a purpose relying on legitimate interests: the interest pursued,
	// in the concrete situation (LGPD Art. 10, caput and §2: transparency of
	// processing based on legitimate interest). When not given, the GDPR
	// legitimate_interest of the purpose is used.
	LGPDInterest model.Markdown `yaml:"lgpd_interest"`
	// For a purpose relying on consent: what happens if the person does not
	// give it (LGPD Art. 18 VIII: information on the possibility of not
	// giving consent and on the consequences of refusing).
	LGPDRefusal model.Markdown `yaml:"lgpd_refusal"`
	// The purpose's description in the Brazilian notice, where the shared
	// wording speaks of another country's law; without it, description.
	LGPDDescription model.Markdown `yaml:"lgpd_description"`
}

// RecipientFacts are the LGPD facts of a recipient.
type RecipientFacts struct {
	// The recipient's role under the LGPD, which says what it is
	// responsible for (Art. 9 VI, Arts. 37-42). Required for affiliates; for
	// other kinds it defaults from kind (service providers and contractors
	// are operators, the others controllers):
	//   - operator: operador, processing on our behalf and on our
	//     instructions
	//   - controller: controlador, deciding for itself
	LGPDRole string `yaml:"lgpd_role" validate:"omitempty,oneof=operator controller"`
	// Who they are and how they may process the data, in the Brazilian
	// notice's words, where the shared wording speaks of another country's
	// law; without it, description.
	LGPDDescription model.Markdown `yaml:"lgpd_description"`
}

// TransferFacts are the LGPD facts of an international transfer.
type TransferFacts struct {
	// Whether the transfer carries personal data under the LGPD (of people
	// in Brazil, or collected there). No for a transfer of other data only,
	// such as UK data going to the EEA; when not given, it is taken as yes.
	LGPDTransfer model.Answer `yaml:"lgpd_transfer"`
	// The mechanism of LGPD Art. 33 the transfer relies on (the reference
	// data's LGPD transfer tools):
	//   - anpd_adequacy: an adequacy decision of the ANPD (LGPD Art. 33, I and
	//     Art. 34)
	//   - specific_clauses: specific contractual clauses for the transfer
	//     approved by the ANPD (Art. 33, II, a)
	//   - anpd_scc: the standard contractual clauses approved by the ANPD
	//     (Art. 33, II, b; Resolution CD/ANPD 19/2024, Annex II)
	//   - global_corporate_rules: global corporate rules approved by the ANPD
	//     (Art. 33, II, c)
	//   - seals_codes: seals, certificates and codes of conduct regularly
	//     issued (Art. 33, II, d)
	//   - legal_cooperation: international legal cooperation between public
	//     intelligence, investigation and prosecution bodies (Art. 33, III)
	//   - protection_of_life: the need to protect the life or physical safety
	//     of the person or another (Art. 33, IV)
	//   - anpd_authorisation: an authorisation of the ANPD (Art. 33, V)
	//   - cooperation_agreement: a commitment in an international
	//     cooperation agreement (Art. 33, VI)
	//   - public_policy: the carrying out of a public policy or a legal duty
	//     of a public service (Art. 33, VII)
	//   - specific_consent: the person's specific and highlighted consent to
	//     the transfer (Art. 33, VIII)
	//   - legal_obligation: compliance with a legal or regulatory obligation
	//     (Art. 33, IX with Art. 7, II)
	//   - contract: the performance of a contract with the person (Art. 33,
	//     IX with Art. 7, V)
	//   - exercise_of_rights: the regular exercise of rights in judicial,
	//     administrative or arbitration proceedings (Art. 33, IX with Art. 7,
	//     VI)
	//   - contract_clauses_transition: contractual clauses in force before
	//     the ANPD's standard clauses, relied on until 23 August 2025
	LGPDMechanism string `yaml:"lgpd_mechanism" validate:"omitempty,oneof=anpd_adequacy specific_clauses anpd_scc global_corporate_rules seals_codes legal_cooperation protection_of_life anpd_authorisation cooperation_agreement public_policy specific_consent legal_obligation contract exercise_of_rights contract_clauses_transition"`
}

// DecisionFacts are the LGPD facts of an automated decision.
type DecisionFacts struct {
	// Whether the decision is taken solely on the basis of automated
	// processing and affects the person's interests, including decisions
	// that define their personal, professional, consumer or credit profile
	// or aspects of their personality: then they may ask for its review
	// (LGPD Art. 20). Broader than GDPR Art. 22: no legal or similarly
	// significant effect is needed.
	LGPDArt20 model.Answer `yaml:"lgpd_art20"`
}

// extensions declares the pack's data.
func extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(Sections{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(PurposeFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Recipient{}), Type: reflect.TypeOf(RecipientFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Transfer{}), Type: reflect.TypeOf(TransferFacts{}), Doc: doc},
		{Pack: ID, On: reflect.TypeOf(model.Decision{}), Type: reflect.TypeOf(DecisionFacts{}), Doc: doc},
		referenceExtension,
	}
}

func doc(key string) string { return docs[key] }

// Of returns the project's LGPD facts (its brazil: section), or nil when
// the data has none.
func Of(p *model.Project) *Brazil {
	if p == nil {
		return nil
	}
	if s := model.ExtOf[Sections](p.Ext, ID); s != nil {
		return s.Brazil
	}
	return nil
}

// Purpose returns the LGPD facts of a purpose (zero when it has none).
func Purpose(p *model.Purpose) *PurposeFacts { return model.ExtOrZero[PurposeFacts](p.Ext, ID) }

// Recipient returns the LGPD facts of a recipient (zero when it has none).
func Recipient(r *model.Recipient) *RecipientFacts {
	return model.ExtOrZero[RecipientFacts](r.Ext, ID)
}

// Transfer returns the LGPD facts of a transfer (zero when it has none).
func Transfer(t *model.Transfer) *TransferFacts { return model.ExtOrZero[TransferFacts](t.Ext, ID) }

// Decision returns the LGPD facts of an automated decision (zero when it
// has none).
func Decision(d *model.Decision) *DecisionFacts { return model.ExtOrZero[DecisionFacts](d.Ext, ID) }

// Role returns a recipient's role under the LGPD: its lgpd_role, or the
// role its kind implies (operator for service providers and contractors,
// controller for the others; "" for an affiliate that does not say).
func Role(r *model.Recipient) string {
	if role := Recipient(r).LGPDRole; role != "" {
		return role
	}
	switch r.Kind {
	case "service_provider", "contractor":
		return "operator"
	case "affiliate":
		return ""
	}
	return "controller"
}

// Carries reports whether a transfer carries personal data under the LGPD
// (lgpd_transfer is not no).
func Carries(t *model.Transfer) bool { return !Transfer(t).LGPDTransfer.IsNo() }

// Own reports whether the data gives Brazil's own transfer records
// (brazil.transfers), which then replace the core transfers' LGPD facts.
func Own(p *model.Project) bool {
	b := Of(p)
	return b != nil && len(b.Transfers) > 0
}

// Transfers returns the transfers of the data of people in Brazil, one
// record each, with the data path of the record: brazil.transfers when the
// data gives them, else the core transfers that carry LGPD data.
func Transfers(p *model.Project) []Record {
	var out []Record
	if Own(p) {
		for i, t := range Of(p).Transfers {
			if t != nil {
				out = append(out, Record{TransferRecord: t, Path: model.Index("brazil.transfers", i), MechanismKey: "mechanism"})
			}
		}
		return out
	}
	for i, t := range p.Transfers {
		if t == nil || !Carries(t) {
			continue
		}
		out = append(out, Record{
			TransferRecord: &TransferRecord{Pos: t.Pos, ID: t.ID, Destinations: t.Destinations, Recipients: t.Recipients, Mechanism: Transfer(t).LGPDMechanism, Description: t.Description},
			Path:           model.Index("transfers", i), MechanismKey: "lgpd_mechanism", Core: t,
		})
	}
	return out
}

// Record is a transfer of the data of people in Brazil, from either list.
type Record struct {
	*TransferRecord
	// The record's data path: brazil.transfers[i] or transfers[i].
	Path string
	// The key of its mechanism: mechanism or lgpd_mechanism.
	MechanismKey string
	// The core transfer, for a record read from transfers:; nil otherwise.
	Core *model.Transfer
}

// PurposeText returns a purpose's description in the Brazilian notice.
func PurposeText(pu *model.Purpose) model.Markdown {
	if d := Purpose(pu).LGPDDescription; d != "" {
		return d
	}
	return pu.Description
}

// RecipientText returns a recipient's description in the Brazilian notice.
func RecipientText(r *model.Recipient) model.Markdown {
	if d := Recipient(r).LGPDDescription; d != "" {
		return d
	}
	return r.Description
}
