package brazil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
)

// lgpdDate is the day the LGPD's provisions on processing came into force
// (Art. 65, II, as amended by Lei 14.010/2020 and Lei 14.058/2020: 18
// September 2020; its sanctions, Arts. 52-54, from 1 August 2021).
const lgpdDate model.Date = "2020-09-18"

// The requirements, with the LGPD's text (planalto.gov.br, L13709compilado;
// read in the reproductions named in reference/rules.yaml) in the comments.
var requirements = []*j.Requirement{
	// Art. 3: the Law applies when the processing is carried out in
	// Brazil (I), aims at offering or supplying goods or services to, or
	// processing the data of, individuals located there (II), or the data
	// was collected there (III).
	{ID: "LGPD-3", Citation: "LGPD Art. 3, I-III", Severity: diag.Error, From: lgpdDate,
		Summary: "Why the LGPD applies: processing carried out in Brazil, goods or services offered to people in Brazil, or data collected there.",
		Section: "scope", Data: []string{"brazil.applies", "brazil.grounds"},
		Each: j.ForEach(j.Each{In: "brazil", Require: []string{"grounds"},
			Message: "the LGPD applies, but the data does not say why (Art. 3)",
			Hint:    "add grounds: with processing_in_brazil, offers_to_brazil or collected_in_brazil"})},
	// Art. 9: the data subject has the right to facilitated access to
	// information on the processing, made available in a clear, adequate
	// and ostensive manner, on: I the specific purpose; II its form and
	// duration, subject to commercial and industrial secrets; III the
	// controller's identity; IV its contact information; V shared use of
	// data by the controller and its purpose; VI the responsibilities of
	// the agents that will carry out the processing; VII the data subject's
	// rights, with express mention of those of Art. 18.
	{ID: "LGPD-9-I", Citation: "LGPD Art. 9, I; Art. 6, I", Severity: diag.Error, From: lgpdDate,
		Summary: "The specific purpose of each processing.", Section: "purposes",
		Data: []string{"purposes.name", "purposes.description"}},
	{ID: "LGPD-9-II", Citation: "LGPD Art. 9, II", Severity: diag.Error, From: lgpdDate,
		Summary: "The form and duration of the processing: for each purpose, the data used, where it comes from and how long it is kept.",
		Section: "purposes", Data: []string{"purposes.categories", "purposes.retention", "categories.sources", "categories.retention", "retention"}},
	{ID: "LGPD-9-III", Citation: "LGPD Art. 9, III; Art. 5, VI", Severity: diag.Error, From: lgpdDate,
		Summary: "The identity of the controller of the data of people in Brazil: a company of the group that decides on the processing.",
		Section: "controller", Data: []string{"brazil.controller", "organization.entities"},
		Each: j.ForEach(j.Each{In: "brazil", Require: []string{"controller"},
			Message: "the Brazilian notice must name the controller of the data of people in Brazil (Art. 9, III)",
			Hint:    "add controller: with the id of the company of the group that decides on the processing (organization.entities)"}),
		Check: checkController},
	{ID: "LGPD-9-IV", Citation: "LGPD Art. 9, IV", Severity: diag.Error, From: lgpdDate,
		Summary: "The controller's contact information: its address and the privacy contact.", Section: "controller",
		Data: []string{"organization.entities.address", "organization.privacy_contact"}},
	{ID: "LGPD-9-V", Citation: "LGPD Art. 9, V; Art. 5, XVI; Art. 18, VII", Severity: diag.Error, From: lgpdDate,
		Summary: "Shared use of data: whom it is shared with, and for which purposes; every recipient is named by a purpose.",
		Section: "sharing", Data: []string{"recipients", "purposes.recipients"}, Check: checkSharedUse},
	{ID: "LGPD-9-VI", Citation: "LGPD Art. 9, VI; Art. 5, VI-VII, IX; Arts. 37-42", Severity: diag.Error, From: lgpdDate,
		Summary: "The responsibilities of the agents that process the data: the controller's, and each recipient's as an operator acting on the controller's instructions or as a controller of its own.",
		Section: "sharing", Data: []string{"recipients.lgpd_role", "recipients.kind"},
		Each: j.ForEach(j.Each{In: "recipients", Where: j.Is("kind", "affiliate"), Require: []string{"lgpd_role"},
			Message: "recipient {id} is a company of the group, so the Brazilian notice must say whether it acts as an operator on our instructions or as a controller (Art. 9, VI)",
			Hint:    "add lgpd_role: operator or lgpd_role: controller to recipient {id}"})},
	{ID: "LGPD-9-VII", Citation: "LGPD Art. 9, VII; Art. 18, I-IX, §§1-5 and §8; Art. 19", Severity: diag.Error, From: lgpdDate,
		Summary: "The data subject's rights, with express mention of those of Art. 18, and how to exercise them.",
		Section: "your-rights", Data: []string{"rights.request_methods", "rights.verification", "brazil.request_methods", "brazil.verification"}},
	// Art. 18, VIII-IX: information on the possibility of not giving
	// consent and on the consequences of refusing; revocation of consent
	// (Art. 8 §5: at any time, by express request, by a free and
	// facilitated procedure).
	{ID: "LGPD-18-VIII", Citation: "LGPD Art. 18, VIII; Art. 8", Severity: diag.Error, From: lgpdDate,
		Summary: "For each purpose based on consent: that people may refuse it, and the consequences of refusing.",
		Section: "legal-bases", Data: []string{"purposes.lgpd_refusal"},
		Each: j.ForEach(j.Each{In: "purposes", Where: j.AnyOf(j.Includes("lgpd_bases", "consent"), j.Includes("lgpd_sensitive_bases", "consent")),
			Require: []string{"lgpd_refusal"},
			Message: "purpose {id} relies on consent under the LGPD, so the notice must say what happens if people refuse it (Art. 18, VIII)",
			Hint:    "add lgpd_refusal: saying what happens if someone does not give consent (for example, that we do not set the cookies and the site works the same)"})},
	{ID: "LGPD-18-IX", Citation: "LGPD Art. 18, IX; Art. 8, §5", Severity: diag.Error, From: lgpdDate,
		Summary: "How to revoke consent, at any time, free of charge and by a facilitated procedure.",
		When:    "a purpose relies on consent under the LGPD", Section: "your-rights",
		Data: []string{"rights.consent_withdrawal", "brazil.consent_withdrawal"}, Check: checkRevocation},
	// Art. 9 §3: when the processing is a condition for supplying a
	// product or service or for exercising a right, the data subject is
	// informed of it with highlight, and of the means to exercise the
	// rights of Art. 18.
	{ID: "LGPD-9-P3", Citation: "LGPD Art. 9, §3", Severity: diag.Error, From: lgpdDate,
		Summary: "Where processing is a condition for supplying a product or service or for exercising a right: that fact, highlighted, what follows if the data is not given, and the means of exercising the Art. 18 rights.",
		Section: "conditions", Data: []string{"categories.provision", "categories.consequence"},
		Each: j.ForEach(j.Each{In: "categories", Where: required, Require: []string{"consequence"},
			Message: "people must give category {id} to get the service or exercise a right, so the Brazilian notice must say so with highlight, and what follows if they do not (Art. 9, §3)",
			Hint:    "add consequence: saying what happens if the data is not given"})},
	// Art. 7: the ten bases for processing personal data.
	{ID: "LGPD-7", Citation: "LGPD Art. 7, I-X", Severity: diag.Error, From: lgpdDate,
		Summary: "The legal basis of each purpose under Art. 7.", Section: "legal-bases",
		Data: []string{"purposes.lgpd_bases"},
		Each: j.ForEach(j.Each{In: "purposes", Require: []string{"lgpd_bases"}, At: j.AtItem,
			Message: "purpose {id} gives no legal basis under the LGPD (Art. 7)",
			Hint:    "add lgpd_bases: to purpose {id} (consent, legal_obligation, contract, exercise_of_rights, legitimate_interest, credit_protection, ...)"})},
	// Art. 10: legitimate interest grounds processing only for legitimate
	// purposes, from concrete situations; §2: the controller takes measures
	// to make processing based on it transparent.
	{ID: "LGPD-10-P2", Citation: "LGPD Art. 10, caput and §2", Severity: diag.Error, From: lgpdDate,
		Summary: "For each purpose based on legitimate interests: the interest pursued, in its concrete situation.",
		When:    "a purpose's lgpd_bases include legitimate_interest (the purpose's lgpd_interest, or else its GDPR legitimate_interest)", Section: "legal-bases",
		Data: []string{"purposes.lgpd_interest", "purposes.legitimate_interest"}, Check: checkInterest},
	// Art. 11 with Art. 5, II: sensitive personal data (racial or ethnic
	// origin, religious conviction, political opinion, membership of a
	// trade union or of a religious, philosophical or political
	// organisation, data on health or sex life, genetic or biometric data)
	// is processed only on the bases of Art. 11.
	{ID: "LGPD-11", Citation: "LGPD Art. 11, I-II; Art. 5, II", Severity: diag.Error, From: lgpdDate,
		Summary: "For each purpose that uses sensitive personal data, its basis under Art. 11 (specific and highlighted consent, or a case where the processing is indispensable).",
		When:    "a purpose uses a category whose special: lists a kind of sensitive personal data of Art. 5, II", Section: "legal-bases",
		Data: []string{"purposes.lgpd_sensitive_bases", "categories.special"}, Check: checkSensitive},
	// Art. 20: the right to ask for the review of decisions taken solely
	// on automated processing that affect the data subject's interests,
	// including profiling; §1: the criteria and procedures, on request.
	{ID: "LGPD-20", Citation: "LGPD Art. 20, caput and §1", Severity: diag.Error, From: lgpdDate,
		Summary: "For each automated decision, whether it is taken solely on automated processing and affects the person's interests (so that they may ask for its review), and, for those that are, the criteria and procedures used.",
		Section: "automated-decisions", Data: []string{"automated_decisions.decisions.lgpd_art20", "automated_decisions.decisions.logic"},
		Each: j.ForEach(
			j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Require: []string{"lgpd_art20"},
				Message: "automated decision {id} does not say whether it is taken solely on automated processing and affects people's interests, which gives them the right to its review (LGPD Art. 20)",
				Hint:    "add lgpd_art20: yes or lgpd_art20: no"},
			j.Each{In: "automated_decisions.decisions", Noun: "automated decision", Where: j.IsYes("lgpd_art20"), Require: []string{"logic"},
				Message: "automated decision {id} can be reviewed on request under LGPD Art. 20, so the notice must give the criteria and procedures it uses (§1)",
				Hint:    "add logic: describing the criteria and procedures of the decision"})},
	// Art. 41: the controller appoints the encarregado; §1: their identity
	// and contact information are disclosed publicly, clearly and
	// objectively, preferably on the controller's website.
	{ID: "LGPD-41", Citation: "LGPD Art. 41, caput and §1; Art. 5, VIII", Severity: diag.Error, From: lgpdDate,
		Summary: "The identity and contact information of the encarregado, published clearly and objectively, preferably on the website.",
		Section: "encarregado", Data: []string{"brazil.encarregado"},
		Check: checkEncarregado},
	// Art. 14: children's and adolescents' data in their best interest;
	// §1 children's data with the specific and highlighted consent of at
	// least one parent or legal guardian; §2 controllers keep public the
	// types of data collected, how they are used and how the Art. 18
	// rights are exercised; §5 reasonable efforts to check the consent.
	{ID: "LGPD-14-1", Citation: "LGPD Art. 14, §1 and §5", Severity: diag.Error, From: lgpdDate,
		Summary: "For a service directed to children: how the specific and highlighted consent of at least one parent or legal guardian is obtained, and how it is checked.",
		Section: "children", Data: []string{"brazil.parental_consent", "children.directed_to_children"},
		Each: j.ForEach(j.Each{In: "brazil", If: j.IsYes("children.directed_to_children"), Require: []string{"parental_consent"},
			Message: "the service is directed to children, so the Brazilian notice must say how a parent's or legal guardian's specific consent is obtained and checked (Art. 14, §1 and §5)",
			Hint:    "add parental_consent: describing how a parent or guardian consents and how we check it is them"})},
	{ID: "LGPD-14-2", Citation: "LGPD Art. 14, §2", Severity: diag.Error, From: lgpdDate,
		Summary: "For a service directed to children: the types of data collected from children, how they are used and how the Art. 18 rights are exercised, kept public.",
		Section: "children", Data: []string{"brazil.children_data", "children.directed_to_children"},
		Each: j.ForEach(j.Each{In: "brazil", If: j.IsYes("children.directed_to_children"), Require: []string{"children_data"},
			Message: "the service is directed to children, so the Brazilian notice must say which types of data are collected from them and how they are used (Art. 14, §2)",
			Hint:    "add children_data: with the types of data collected from children and how they are used"})},
	// Art. 33: international transfers only to an adequate country or
	// body (I), with the guarantees of II (specific clauses, standard
	// clauses, global corporate rules, seals, certificates and codes of
	// conduct), or in the cases of III-IX; the ANPD's Resolution CD/ANPD
	// 19/2024 regulates them and approves the standard clauses.
	{ID: "LGPD-33", Citation: "LGPD Art. 33, I-IX; Art. 34; Resolution CD/ANPD 19/2024", Severity: diag.Error, From: lgpdDate, Drift: true,
		Summary: "For each international transfer of data under the LGPD (Brazil's own records, brazil.transfers, when given; else the transfers that carry LGPD data): the mechanism of Art. 33 it relies on, in force on the notice's date (an ANPD adequacy decision covering every destination; the ANPD's standard contractual clauses, from 23 August 2024; other contractual clauses only until 23 August 2025).",
		Section: "transfers", Data: []string{"brazil.transfers", "transfers.lgpd_mechanism", "transfers.lgpd_transfer"},
		Each: j.ForEach(
			j.Each{In: "transfers", If: noOwnRecords, Where: carries, Require: []string{"lgpd_mechanism"},
				Message: "transfer {id} carries personal data under the LGPD but does not say which mechanism of Art. 33 it relies on",
				Hint:    "add lgpd_mechanism: (anpd_scc, anpd_adequacy, global_corporate_rules, specific_clauses, ...), or lgpd_transfer: no if it carries no data of people in Brazil"},
			j.Each{In: "brazil.transfers", Noun: "Brazilian transfer", Require: []string{"mechanism"},
				Message: "Brazilian transfer {id} does not say which mechanism of LGPD Art. 33 it relies on",
				Hint:    "add mechanism: (anpd_scc, anpd_adequacy, exercise_of_rights, legal_obligation, ...)"}),
		Check: checkTransfers},
	// Art. 33 with Res. 19/2024: every transfer of the data of people in
	// Brazil needs a mechanism, and the notice names each destination
	// country; a country where a recipient or processor holds that data
	// but no transfer goes is a transfer the notice does not disclose.
	{ID: "LGPD-33-COVER", Citation: "LGPD Art. 33; Resolution CD/ANPD 19/2024 (the destination country)", Severity: diag.Error, From: lgpdDate, Drift: true,
		Summary: "Every country other than Brazil where a recipient or a processor in use holds personal data of people in Brazil is the destination of a transfer of that recipient with a mechanism of Art. 33 (LGPD-33 asks for the mechanism and judges whether it is in force; the controller's own country is not, for the companies of the group: collecting data directly from people in Brazil is not a transfer).",
		Section: "transfers", Data: []string{"recipients.countries", "processors.country", "processors.locations", "brazil.transfers", "transfers"},
		Check: checkCoverage},
	// Art. 33: courts, regulators and law enforcement sign no contractual
	// clauses, corporate rules or seals (II); disclosures to them rest on
	// international legal cooperation (III) or on Art. 7 II or VI (IX).
	{ID: "LGPD-33-AUTH", Citation: "LGPD Art. 33, II, III and IX", Severity: diag.Error, From: lgpdDate,
		Summary: "A transfer to courts, regulators or law enforcement (recipients of kind authority) does not rely on contractual clauses, global corporate rules or seals and codes of conduct (Art. 33, II), which public bodies do not adopt.",
		Section: "transfers", Data: []string{"brazil.transfers", "transfers.lgpd_mechanism", "recipients.kind"},
		Check: checkAuthorities},
}

// Conditions of the pack's law, named once.
var (
	required = j.Named("provision is statutory, contractual or precontractual", "provision is voluntary or not given",
		j.AnyOf(j.Is("provision", "statutory"), j.Is("provision", "contractual"), j.Is("provision", "precontractual")))
	carries = j.Named("lgpd_transfer is not no (it carries personal data under the LGPD)", "lgpd_transfer is no (it carries no personal data under the LGPD)",
		j.Not(j.IsNo("lgpd_transfer")))
	noOwnRecords = j.Named("brazil.transfers lists no record (the transfers carry the LGPD facts)", "brazil.transfers lists Brazil's own transfer records",
		j.NotGiven("brazil.transfers"))
)

// controllerEntity returns the entity brazil.controller names, or nil.
func controllerEntity(p *model.Project) *model.Entity {
	if b := Of(p); b != nil {
		return j.Entity(p, b.Controller)
	}
	return nil
}

// checkController reports a controller that is not one: the entity named
// acts as a processor.
func checkController(c *j.Context, r *j.Report) {
	e := controllerEntity(c.Project)
	if e == nil || e.Role != "processor" {
		return
	}
	r.Missing("brazil.controller", "name a company of the group whose role is controller or joint_controller",
		"brazil.controller names %q, whose role is processor; the notice must identify the controller (Art. 9, III)", e.ID)
}

// checkSharedUse reports a recipient no purpose names: the notice could
// not say for what purpose data is shared with it (Art. 9, V).
func checkSharedUse(c *j.Context, r *j.Report) {
	p := c.Project
	for i, rc := range p.Recipients {
		if rc == nil {
			continue
		}
		if !slices.ContainsFunc(p.Purposes, func(pu *model.Purpose) bool { return pu != nil && slices.Contains(pu.Recipients, rc.ID) }) {
			r.Missing(model.Index("recipients", i), fmt.Sprintf("add %s to the recipients: of the purposes data is shared with it for", rc.ID),
				"recipient %q is named by no purpose, so the Brazilian notice cannot say for what purpose data is shared with it (Art. 9, V)", rc.ID)
		}
	}
}

// consentBased reports whether a purpose relies on consent under the LGPD.
func consentBased(pu *model.Purpose) bool {
	f := Purpose(pu)
	return slices.Contains(f.LGPDBases, "consent") || slices.Contains(f.LGPDSensitiveBases, "consent")
}

// revocation returns how to revoke consent, in the Brazilian notice:
// brazil.consent_withdrawal, or else rights.consent_withdrawal.
func revocation(p *model.Project) model.Markdown {
	if b := Of(p); b != nil && b.ConsentWithdrawal != "" {
		return b.ConsentWithdrawal
	}
	if p.Rights != nil {
		return p.Rights.ConsentWithdrawal
	}
	return ""
}

// checkRevocation reports consent-based processing without the way to
// revoke consent.
func checkRevocation(c *j.Context, r *j.Report) {
	p := c.Project
	if p.Rights == nil || revocation(p) != "" {
		return
	}
	var ids []string
	for _, pu := range p.Purposes {
		if pu != nil && consentBased(pu) {
			ids = append(ids, pu.ID)
		}
	}
	if len(ids) > 0 {
		r.Missing("rights.consent_withdrawal", "add consent_withdrawal: saying how people revoke their consent, free of charge",
			"purposes %s rely on consent under the LGPD, so the notice must say how to revoke it (Art. 18, IX; Art. 8, §5)", strings.Join(ids, ", "))
	}
}

// sensitiveKinds are the GDPR special categories (categories[].special)
// that are sensitive personal data under LGPD Art. 5, II, in its words.
// Criminal-offence data is not (it is special under GDPR Art. 10 only).
var sensitiveKinds = map[string]string{
	"racial_or_ethnic_origin":            "racial or ethnic origin",
	"political_opinions":                 "political opinion",
	"religious_or_philosophical_beliefs": "religious conviction or membership of a religious or philosophical organisation",
	"trade_union_membership":             "trade union membership",
	"genetic":                            "genetic data",
	"biometric":                          "biometric data",
	"health":                             "data on health",
	"sex_life_or_orientation":            "data on sex life",
}

// Sensitive returns the kinds of sensitive personal data (Art. 5, II) a
// category holds, in words.
func Sensitive(cat *model.Category) []string {
	var out []string
	for _, s := range cat.Special {
		if w, ok := sensitiveKinds[s]; ok {
			out = append(out, w)
		}
	}
	return out
}

// sensitiveCategories returns the ids of a purpose's categories that hold
// sensitive personal data.
func sensitiveCategories(p *model.Project, pu *model.Purpose) []string {
	var out []string
	for _, id := range pu.Categories {
		if cat := j.Category(p, id); cat != nil && len(Sensitive(cat)) > 0 {
			out = append(out, id)
		}
	}
	return out
}

// checkSensitive reports a purpose that uses sensitive personal data
// without an Art. 11 basis.
func checkSensitive(c *j.Context, r *j.Report) {
	p := c.Project
	for i, pu := range p.Purposes {
		if pu == nil || len(Purpose(pu).LGPDSensitiveBases) > 0 {
			continue
		}
		if cats := sensitiveCategories(p, pu); len(cats) > 0 {
			r.Missing(model.Index("purposes", i)+".lgpd_sensitive_bases",
				"add lgpd_sensitive_bases: (consent, legal_obligation, exercise_of_rights, protection_of_life, health, fraud_prevention, ...)",
				"purpose %q uses sensitive personal data (%s), so it needs a basis under LGPD Art. 11", pu.ID, strings.Join(cats, ", "))
		}
	}
}

// problem says why a transfer's mechanism cannot be relied on on c.Date
// (hint, message), or "" when it can or is not given.
func problem(c *j.Context, rec Record) (hint, msg string) {
	id := rec.Mechanism
	if id == "" {
		return "", ""
	}
	tool := ToolOf(c, id)
	switch {
	case tool == nil:
		return "use a mechanism of the pack's reference data (lgpd_transfer_tools)",
			fmt.Sprintf("transfer %q relies on %s, which the LGPD transfer tools do not list", rec.ID, id)
	case tool.From != "" && c.Date < tool.From:
		return "choose a mechanism available on " + c.Date.String(),
			fmt.Sprintf("transfer %q relies on %s, which can be relied on only from %s (%s)", rec.ID, tool.Name, tool.From, tool.Basis)
	case tool.Until != "" && c.Date > tool.Until:
		return "rely on another mechanism, such as anpd_scc (the ANPD's standard contractual clauses)",
			fmt.Sprintf("transfer %q relies on %s, which could be relied on only until %s: %s", rec.ID, tool.Name, tool.Until, tool.Ended)
	}
	if id != "anpd_adequacy" {
		return "", ""
	}
	var uncovered []string
	for _, d := range rec.Destinations {
		if AdequacyOf(c, d) == nil {
			uncovered = append(uncovered, j.CountryInEnglish(d))
		}
	}
	if len(uncovered) > 0 {
		return "rely on another mechanism of Art. 33 for these destinations, such as anpd_scc",
			fmt.Sprintf("transfer %q relies on an adequacy decision of the ANPD, but on %s none covers %s", rec.ID, c.Date, strings.Join(uncovered, ", "))
	}
	return "", ""
}

// checkTransfers reports a transfer whose mechanism cannot be relied on on
// the notice's date (a tool not yet or no longer available, or an adequacy
// decision that does not cover a destination), and, when the data gives
// Brazil's own transfer records, a core transfer that still gives LGPD
// facts the notice would not read.
func checkTransfers(c *j.Context, r *j.Report) {
	for _, rec := range Transfers(c.Project) {
		if hint, msg := problem(c, rec); msg != "" {
			r.Missing(rec.Path+"."+rec.MechanismKey, hint, "%s", msg)
		}
	}
	if !Own(c.Project) {
		return
	}
	for i, t := range c.Project.Transfers {
		if t == nil {
			continue
		}
		// lgpd_transfer: no stays true beside Brazil's own records; a
		// mechanism, or a yes, says the transfer carries LGPD data that
		// brazil.transfers should list.
		f := Transfer(t)
		report := func(key, value string) {
			r.Missing(model.Index("transfers", i)+"."+key, "remove "+key+": from transfer "+t.ID+" and list the transfer of the data of people in Brazil in brazil.transfers",
				"transfer %q gives %s: %s, but the Brazilian notice takes its transfers from brazil.transfers, so it would not read it", t.ID, key, value)
		}
		if f.LGPDMechanism != "" {
			report("lgpd_mechanism", f.LGPDMechanism)
		}
		if f.LGPDTransfer.IsYes() {
			report("lgpd_transfer", "yes")
		}
	}
}

// controllerCountry returns the country of the controller of the data of
// people in Brazil, or "".
func controllerCountry(p *model.Project) string {
	if e := controllerEntity(p); e != nil && e.Address != nil {
		return e.Address.Country
	}
	return ""
}

// covered reports whether a transfer of recipient id goes to country
// (that it gives a mechanism in force on the date is LGPD-33's to say, at
// the transfer).
func covered(recs []Record, id, country string) bool {
	return slices.ContainsFunc(recs, func(rec Record) bool {
		return slices.Contains(rec.Destinations, country) && slices.Contains(rec.Recipients, id)
	})
}

// uncovered returns the countries of countries (other than Brazil and,
// for a company of the group, the controller's own) to which no transfer
// of recipient rc goes. Without a controller
// (LGPD-9-III reports it), the group's companies are not judged.
func uncovered(c *j.Context, recs []Record, rc *model.Recipient, countries []string, skip func(string) bool) []string {
	home := controllerCountry(c.Project)
	if rc.Kind == "affiliate" && home == "" {
		return nil
	}
	var out []string
	for _, cc := range countries {
		if cc == "BR" || rc.Kind == "affiliate" && cc == home || skip(cc) || covered(recs, rc.ID, cc) {
			continue
		}
		if !slices.Contains(out, cc) {
			out = append(out, cc)
		}
	}
	return out
}

// checkCoverage reports a country where a recipient, or a processor in use
// on the notice's date, holds the data of people in Brazil that no
// transfer with a mechanism in force goes to (LGPD Art. 33).
func checkCoverage(c *j.Context, r *j.Report) {
	p := c.Project
	recs := Transfers(p)
	none := func(string) bool { return false }
	for i, rc := range p.Recipients {
		if rc == nil {
			continue
		}
		if miss := uncovered(c, recs, rc, rc.Countries, none); len(miss) > 0 {
			r.Missing(model.Index("recipients", i)+".countries",
				fmt.Sprintf("add a transfer of %s to these countries with its Art. 33 mechanism (in brazil.transfers, or lgpd_mechanism on a transfer)", rc.ID),
				"recipient %q holds data of people in Brazil in %s, but no transfer of the data of people in Brazil goes there, so the Brazilian notice does not disclose it or its mechanism of LGPD Art. 33", rc.ID, j.CountriesInEnglish(miss))
		}
	}
	for i, pr := range p.Processors {
		if pr == nil || pr.Added.Valid() && pr.Added > c.Date {
			continue
		}
		rc := j.Recipient(p, pr.Recipient)
		if rc == nil {
			continue
		}
		// The recipient's own countries are reported at the recipient.
		skip := func(cc string) bool { return slices.Contains(rc.Countries, cc) }
		if miss := uncovered(c, recs, rc, append([]string{pr.Country}, pr.Locations...), skip); len(miss) > 0 {
			r.Missing(model.Index("processors", i),
				fmt.Sprintf("add a transfer of %s to these countries with its Art. 33 mechanism, and add them to the countries of recipient %s", rc.ID, rc.ID),
				"processor %q holds data of people in Brazil in %s, but no transfer of %s goes there, so the Brazilian notice does not disclose it or its mechanism of LGPD Art. 33", pr.ID, j.CountriesInEnglish(miss), rc.ID)
		}
	}
}

// contractual are the mechanisms of Art. 33, II a public body does not
// adopt: contractual clauses, corporate rules, seals and codes.
var contractual = []string{"specific_clauses", "anpd_scc", "contract_clauses_transition", "global_corporate_rules", "seals_codes"}

// checkAuthorities reports a transfer to courts, regulators or law
// enforcement that relies on contractual clauses, corporate rules or seals.
func checkAuthorities(c *j.Context, r *j.Report) {
	p := c.Project
	for _, rec := range Transfers(p) {
		if !slices.Contains(contractual, rec.Mechanism) {
			continue
		}
		var ids []string
		for _, id := range rec.Recipients {
			if rc := j.Recipient(p, id); rc != nil && rc.Kind == "authority" {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			name := rec.Mechanism
			if t := ToolOf(c, rec.Mechanism); t != nil {
				name = t.Name
			}
			r.Missing(rec.Path+"."+rec.MechanismKey,
				"give "+strings.Join(ids, ", ")+" a transfer of its own on exercise_of_rights or legal_obligation (Art. 33, IX) or legal_cooperation (III)",
				"transfer %q relies on %s for %s, public bodies that adopt no clauses, corporate rules or seals (LGPD Art. 33, II)", rec.ID, name, strings.Join(ids, ", "))
		}
	}
}

// checkEncarregado reports an encarregado the notice cannot identify or
// give a way to reach (Art. 41, §1).
func checkEncarregado(c *j.Context, r *j.Report) {
	e := Of(c.Project).Encarregado
	switch {
	case e == nil:
		r.Missing("brazil.encarregado", "add encarregado: with name: and email: (or another way to reach them)",
			"the Brazilian notice must give the identity and contact information of the encarregado (Art. 41, §1)")
		return
	case e.Name == "":
		r.Missing("brazil.encarregado.name", "add name: to encarregado: (the person's name, or the company's and the person responsible)",
			"the encarregado has no name; Art. 41, §1 asks for their identity")
	}
	if !j.Reachable(e) {
		r.Missing("brazil.encarregado", "add email: (or web_form:, phone:, address:) to encarregado:",
			"the encarregado gives no way to reach them; Art. 41, §1 asks for their contact information")
	}
}

// Interest returns the legitimate interest a purpose pursues under the
// LGPD: its lgpd_interest, or else its GDPR legitimate_interest.
func Interest(pu *model.Purpose) model.Markdown {
	if t := Purpose(pu).LGPDInterest; t != "" {
		return t
	}
	return eu.Purpose(pu).LegitimateInterest
}

// checkInterest reports a purpose based on legitimate interests that does
// not say which (Art. 10, §2).
func checkInterest(c *j.Context, r *j.Report) {
	for i, pu := range c.Project.Purposes {
		if pu == nil || !slices.Contains(Purpose(pu).LGPDBases, "legitimate_interest") || Interest(pu) != "" {
			continue
		}
		r.Missing(model.Index("purposes", i)+".lgpd_interest", "add lgpd_interest: saying what the interest is and in what situation we pursue it",
			"purpose %q relies on legitimate interests under the LGPD, but does not say which; Art. 10, §2 asks for transparency about them", pu.ID)
	}
}
