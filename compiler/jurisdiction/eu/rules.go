package eu

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// requirements are the supplement's: the GDPR's and the UK GDPR's, with
// the Art. 14 rules each Art. 13 one also makes (art14), then
// Switzerland's (swiss.go).
var requirements = append(withArt14(gdprRequirements), swissRequirements...)

var gdprRequirements = []*j.Requirement{
	{ID: "GDPR-13-1-a", Citation: "GDPR Art. 13(1)(a), 14(1)(a)", Severity: diag.Error,
		Summary: "The identity and contact details of the controller; with more than one, which decides what.", Section: "controller",
		Data:  []string{"organization.entities", "organization.entities.decides", "organization.privacy_contact"},
		Check: func(c *j.Context, r *j.Report) { checkController(c, r); checkControllersAllocated(c, r) }},
	{ID: "GDPR-27", Citation: "GDPR Art. 27(1)", Severity: diag.Error,
		Summary: "The EU representative of a controller not established in the EU that offers services to or monitors people there.",
		Section: "controller", Data: []string{"organization.representatives.eu"},
		// No representative is reported at the organisation; one that gives
		// no email, phone, web form, website or address, at itself.
		Each: j.ForEach(
			j.Each{In: "organization", If: euRepresented, Require: []string{"representatives.eu"}, At: j.AtItem,
				Message: euRepMessage, Hint: euRepHint},
			j.Each{In: "organization.representatives.eu", If: euRepresented, RequireAny: j.ContactKeys,
				Message: euRepMessage, Hint: euRepHint},
		)},
	{ID: "UK-27", Citation: "UK GDPR Art. 27", Severity: diag.Error, From: UKDate,
		Summary: "The UK representative of a controller not established in the UK that offers services to or monitors people there.",
		Section: "controller", Data: []string{"organization.representatives.uk"},
		Each: j.ForEach(
			j.Each{In: "organization", If: ukRepresented, Require: []string{"representatives.uk"}, At: j.AtItem,
				Message: ukRepMessage, Hint: ukRepHint},
			j.Each{In: "organization.representatives.uk", If: ukRepresented, RequireAny: j.ContactKeys,
				Message: ukRepMessage, Hint: ukRepHint},
		)},
	{ID: "GDPR-13-1-b", Citation: "GDPR Art. 13(1)(b), 14(1)(b), 37(7)", Severity: diag.Error,
		Summary: "The contact details of the data protection officer, where one is appointed (and one must be where Art. 37(1) requires it).",
		When:    "dpo.eu is given", Section: "controller", Data: []string{"organization.dpo.eu"},
		Check: func(c *j.Context, r *j.Report) { checkDPO(c, r, "eu") }},
	{ID: "UK-DPO", Citation: "UK GDPR Arts. 13(1)(b), 37-39", Severity: diag.Error, From: UKDate,
		Summary: "The contact details of the UK data protection officer, where one is appointed.",
		When:    "dpo.uk is given", Section: "controller", Data: []string{"organization.dpo.uk"},
		Check: func(c *j.Context, r *j.Report) { checkDPO(c, r, "uk") }},
	{ID: "GDPR-26-2", Citation: "GDPR Art. 26(2)", Severity: diag.Error,
		Summary: "The essence of the arrangement between joint controllers.",
		Section: "controller", Data: []string{"organization.entities.joint_arrangement", "recipients.joint_arrangement"},
		// Every joint controller: an entity of the group, or a recipient
		// outside it (an advertising partner whose pixel the site embeds
		// jointly controls the collection, CJEU C-40/17 Fashion ID).
		Each: j.ForEach(
			j.Each{In: "organization.entities", Where: j.Is("role", "joint_controller"), Require: []string{"joint_arrangement"}, At: j.AtItem,
				Message: "entity {id} is a joint controller, so the notice must give the essence of the joint-controller arrangement",
				Hint:    "add joint_arrangement: summarising who does what under the arrangement"},
			j.Each{In: "recipients", Where: j.Is("gdpr_role", "joint_controller"), Require: []string{"joint_arrangement"}, At: j.AtItem,
				Message: "recipient {id} is a joint controller with us, so the notice must give the essence of the joint-controller arrangement",
				Hint:    "add joint_arrangement: to recipient {id}, summarising what each of you is responsible for (for example who answers requests)"},
		)},
	{ID: "GDPR-13-1-c", Citation: "GDPR Art. 13(1)(c), 14(1)(c), 9(2)", Severity: diag.Error, Covers: []string{"GLB-07"},
		Summary: "Each purpose with its legal basis, and the Art. 9 condition (or Art. 10 authority) for special-category or criminal-offence data.",
		Section: "purposes-and-legal-bases", Data: []string{"purposes.legal_bases", "purposes.art9_condition", "purposes.art10_basis", "subjects.contract"},
		When: "always; a contract basis also needs people who are party to the contract or asking to enter one (Art. 6(1)(b)), and a UK recognised legitimate interest exists only from 5 February 2026",
		Check: func(c *j.Context, r *j.Report) {
			checkSpecial(c, r)
			checkSpecialClassified(c, r)
			checkContractParties(c, r)
			checkRecognisedInterestInForce(c, r)
		}},
	{ID: "GDPR-13-1-d", Citation: "GDPR Art. 13(1)(d), 14(2)(b)", Severity: diag.Error,
		Summary: "The specific legitimate interest of each purpose that relies on legitimate interests.",
		Section: "purposes-and-legal-bases", Data: []string{"purposes.legitimate_interest"},
		Each: j.ForEach(j.Each{In: "purposes",
			Where:   j.AnyOf(j.Includes("legal_bases", "legitimate_interests"), j.Includes("uk_legal_bases", "legitimate_interests")),
			Require: []string{"legitimate_interest"}, At: j.AtItem,
			Message: "purpose {id} relies on legitimate interests but does not say what the interest is",
			Hint:    "add legitimate_interest: saying what the interest is, for example \"keeping our service secure\""}),
		// An interest that only restates the basis names none (WP260:
		// "the specific interest in question must be identified").
		When: "a legitimate interest that only restates the basis", Check: checkInterestNamed},
	{ID: "UK-RLI", Citation: "UK GDPR Art. 6(1)(ea), Annex 1 (DUAA 2025 s. 70)", Severity: diag.Error, From: rliDate,
		Summary: "For a purpose relying on a recognised legitimate interest, the Annex 1 condition.",
		Section: "purposes-and-legal-bases", Data: []string{"purposes.recognised_interest"},
		Each: j.ForEach(j.Each{In: "purposes", If: ukGDPR, Where: j.Includes("uk_legal_bases", "recognised_legitimate_interest"),
			Require: []string{"recognised_interest"}, At: j.AtItem,
			Message: "purpose {id} relies on a recognised legitimate interest in the UK but does not say which Annex 1 condition",
			Hint:    "add recognised_interest: (public_task_request, national_security, emergencies, crime, safeguarding or democratic_engagement)"})},
	{ID: "GDPR-13-1-e", Citation: "GDPR Art. 13(1)(e), 14(1)(e)", Severity: diag.Error,
		Summary: "The recipients or categories of recipients.", Section: "recipients",
		Data: []string{"recipients", "processors"}},
	{ID: "GDPR-13-1-f", Citation: "GDPR Art. 13(1)(f), 14(1)(f)", Severity: diag.Error,
		Summary: "Every transfer outside the EEA: each processor outside the EEA names the transfer that covers it, and every recipient located outside it is among the recipients of a transfer to each of its countries.",
		When:    "a processor or recipient is located outside the EEA", Section: "international-transfers",
		Data: []string{"processors.transfer", "recipients.countries", "transfers"}, Check: checkTransferCoverage},
	{ID: "GDPR-44", Citation: "GDPR Art. 44; CJEU C-311/18 (Schrems II)", Severity: diag.Error, Drift: true,
		Summary: "Each transfer rests on a transfer tool that can be relied on on the notice's effective date (not the EU-U.S. Privacy Shield after 16 July 2020, not the repealed 2004/2010 clauses after 27 December 2022).",
		Section: "international-transfers", Data: []string{"transfers.mechanism", "organization.dpf.frameworks"}, Check: checkToolInForce},
	{ID: "XFER-PROSE", Citation: "GDPR Art. 44; CJEU C-362/14 (Schrems I), C-311/18 (Schrems II)", Severity: diag.Warning,
		Summary: "The team's own words name no transfer instrument that cannot be relied on on the notice's date (the Safe Harbor, the Privacy Shield, the repealed clauses).",
		When:    "a prose section or a transfer's text names an ended instrument", Section: "international-transfers",
		Data:  []string{"sections.body", "transfers.description", "transfers.safeguards_copy"},
		Check: checkProseInstruments},
	{ID: "GDPR-45", Citation: "GDPR Art. 45(1), (9)", Severity: diag.Error, Drift: true,
		Summary: "A transfer on ADEQUACY goes only to countries with an adequacy decision in force on the notice's effective date (the United States only through the Data Privacy Framework).",
		When:    "a transfer's mechanism is ADEQUACY", Section: "international-transfers",
		Data: []string{"transfers.destinations"}, Check: checkAdequacy},
	{ID: "XFER-2", Citation: "GDPR Art. 13(1)(f), 46", Severity: diag.Error,
		Summary: "Where to get a copy of the safeguards for transfers under Arts. 46, 47 or 49(1) second subparagraph.",
		When:    "a transfer uses SCCs, BCRs or another Art. 46 tool", Section: "international-transfers",
		Data: []string{"transfers.safeguards_copy"}, Check: checkCopy},
	{ID: "XFER-3", Citation: "GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795", Severity: diag.Error,
		Summary: "A transfer on the EU-U.S. Data Privacy Framework goes only to the United States, to recipients certified under it.",
		When:    "a transfer's mechanism is EU_US_DPF", Section: "international-transfers",
		Data: []string{"processors.dpf_certified", "organization.dpf"}, Check: checkDPF},
	{ID: "UK-XFER-MECH", Citation: "UK GDPR Arts. 45A, 46; DPA 2018 s. 119A", Severity: diag.Error, Drift: true, From: UKDate, Covers: []string{"UK-13-1-f"},
		Summary: "Each transfer of UK data names a UK transfer tool in force (UK adequacy regulations, the IDTA, the UK Addendum, UK BCRs), not the legacy EU clauses after 21 March 2024; UK adequacy for the United States needs the UK Extension.",
		When:    "the UK GDPR applies", Section: "international-transfers",
		Data: []string{"transfers.uk_mechanism", "processors.dpf_uk_extension"}, Check: checkUKTransfers},
	{ID: "GDPR-49-1-a", Citation: "GDPR Art. 49(1)(a); EDPB Guidelines 2/2018", Severity: diag.Error,
		Summary: "The risks of a transfer made on explicit consent.",
		Section: "international-transfers", Data: []string{"transfers.risk_statement"},
		Each: j.ForEach(j.Each{In: "transfers", Where: j.Is("mechanism", "ART49_1_A"), Require: []string{"risk_statement"}, At: j.AtItem,
			Message: "transfer {id} relies on explicit consent, so the notice must explain the risks of the transfer",
			Hint:    "add risk_statement: explaining that the destination has no adequacy decision or safeguards and what that means"})},
	{ID: "GDPR-49-1-2", Citation: "GDPR Art. 49(1) second subparagraph", Severity: diag.Error,
		Summary: "The compelling legitimate interests behind a transfer made on them.",
		Section: "international-transfers", Data: []string{"transfers.compelling_interest"},
		Each: j.ForEach(j.Each{In: "transfers", Where: j.Is("mechanism", "ART49_1_COMPELLING_LI"), Require: []string{"compelling_interest"}, At: j.AtItem,
			Message: "transfer {id} relies on compelling legitimate interests, so the notice must state them",
			Hint:    "add compelling_interest: describing the compelling legitimate interests pursued"})},
	{ID: "GDPR-13-2-a", Citation: "GDPR Art. 13(2)(a), 14(2)(a); WP260", Severity: diag.Error,
		Summary: "The storage period, or the criteria used to set it: \"as long as necessary\" alone is not enough.",
		Section: "retention", Data: []string{"retention.criteria"}, Check: checkRetentionCriteria},
	{ID: "GDPR-13-2-b", Citation: "GDPR Art. 13(2)(b), 14(2)(c)", Severity: diag.Error,
		Summary: "The rights of access, rectification, erasure, restriction, objection and portability, and how to exercise them.",
		Section: "your-rights", Data: []string{"rights.request_methods"}},
	{ID: "GDPR-12-5", Citation: "GDPR Art. 12(5); UK GDPR Art. 12(5)", Severity: diag.Error,
		Summary: "The information and the exercise of rights are free of charge; a fee only for manifestly unfounded or excessive requests.",
		When:    "the rights' text asks for a payment", Section: "your-rights",
		Data:  []string{"rights.offered.description", "rights.verification", "rights.response_time", "rights.appeal", "rights.authorized_agents", "rights.request_methods.note"},
		Check: checkFreeOfCharge},
	{ID: "GDPR-21-4", Citation: "GDPR Art. 21(4)", Severity: diag.Error,
		Summary: "The right to object, presented clearly and separately from other information.",
		Section: "right-to-object", Data: []string{"purposes.legal_bases", "purposes.direct_marketing"}},
	{ID: "GDPR-13-2-c", Citation: "GDPR Art. 13(2)(c), 14(2)(d), 7(3)", Severity: diag.Error, Covers: []string{"GDPR-7-3"},
		Summary: "The right to withdraw consent at any time, as easily as it was given, and how.", When: "a purpose relies on consent",
		Section: "your-rights", Data: []string{"rights.consent_withdrawal"}, Check: checkConsent},
	{ID: "GDPR-13-2-d", Citation: "GDPR Art. 13(2)(d), 14(2)(e)", Severity: diag.Error,
		Summary: "The right to complain to a supervisory authority.", Section: "complaints",
		Data: []string{"organization.supervisory_authorities.eu"}},
	{ID: "UK-SA", Citation: "UK GDPR Art. 13(2)(d); DPA 2018", Severity: diag.Error, From: UKDate,
		Summary: "The UK supervisory authority and its contact details.",
		Section: "complaints", Data: []string{"organization.supervisory_authorities.uk"},
		Each: j.ForEach(j.Each{In: "organization", If: ukGDPR, RequireAny: j.KeysOf("supervisory_authorities.uk", j.ContactKeys),
			Message: "the UK GDPR applies but the UK supervisory authority and its contact details are not given",
			Hint:    "add supervisory_authorities: uk: with the Information Commissioner's Office's name, website and address"})},
	{ID: "UK-COMPLAINTS", Citation: "DPA 2018 s. 164A (DUAA 2025 s. 103)", Severity: diag.Error, From: "2026-06-19",
		Summary: "How to complain to the organisation itself.",
		Section: "complaints", Data: []string{"organization.complaints"},
		Each: j.ForEach(j.Each{In: "organization", If: ukGDPR, Require: []string{"complaints"}, At: j.AtItem,
			Message: "from 19 June 2026 UK notices must say how to complain to the organisation itself",
			Hint:    "add complaints: with channel: (how to complain to you) and acknowledge_days: (at most 30)"})},
	{ID: "GDPR-13-2-e", Citation: "GDPR Art. 13(2)(e)", Severity: diag.Error,
		Summary: "Whether providing data is a statutory or contractual requirement, and what happens if it is not provided.",
		When:    "data collected from the person is required by law or contract", Section: "providing-data",
		Data: []string{"categories.provision", "categories.consequence"}, Check: checkProvision},
	{ID: "GDPR-14-1-d", Citation: "GDPR Art. 14(1)(d), 14(2)(f)", Severity: diag.Error,
		Summary: "For data not obtained from the person: the categories and the sources, and whether those are publicly accessible.",
		When:    "a category comes from a third-party or public source", Section: "other-sources",
		Data: []string{"categories.sources", "sources"}},
	{ID: "GDPR-14-3", Citation: "GDPR Art. 14(3)(a)-(c), 14(5)(b)", Severity: diag.Error,
		Summary: "For data not obtained from the person: when they are given the information (within a month, at the first communication, or before the first disclosure), or the Art. 14(5) exemption relied on.",
		Section: "other-sources", Data: []string{"sources.informed", "sources.exemption"},
		Each: j.ForEach(
			j.Each{In: "sources", Where: j.AnyOf(j.Is("kind", "third_party"), j.Is("kind", "public")), Require: []string{"informed"}, At: j.AtItem,
				Message: "source {id} gives us data not obtained from the person, so the notice must say when they are told (Art. 14(3))",
				Hint:    "add informed: at_collection, first_communication, one_month, first_disclosure, or exempt (with exemption:)"},
			j.Each{In: "sources", Where: j.Is("informed", "exempt"), Require: []string{"exemption"}, At: j.AtItem,
				Message: "source {id} relies on an exemption from informing people (Art. 14(5)), so the notice must say which and why",
				Hint:    "add exemption: naming the Art. 14(5) ground (for example disproportionate effort) and how the information is made public instead"},
		)},
	{ID: "GDPR-8", Citation: "GDPR Art. 8(1)-(2); UK GDPR Art. 8 (age 13)", Severity: diag.Error,
		Summary: "For services directed to children that rely on consent: how the consent of the holder of parental responsibility is obtained and checked below the age of digital consent.",
		When:    "a service is directed to children and a purpose relies on consent", Section: "children",
		Data: []string{"children.parental_consent"}, Check: checkParentalConsent},
	{ID: "UK-CHILD", Citation: "DPA 2018 s. 9; ICO Age Appropriate Design Code, standard 4 (Transparency)", Severity: diag.Error, From: UKDate,
		Summary: "For services directed to children in the UK: the age of digital consent (13), and privacy information children can understand, signed off by the team (reviews[]).",
		When:    "a service is directed to children and the UK GDPR applies", Section: "children", Data: []string{"reviews"},
		Check: func(c *j.Context, r *j.Report) {
			if ch := c.Project.Children; ch != nil && ch.DirectedToChildren.IsYes() && uk(c) {
				j.Attested("UK-CHILD", "the privacy information for children is written so that children can understand it, as standard 4 of the ICO Age Appropriate Design Code expects")(c, r)
			}
		}},
	{ID: "UK-PECR-COOKIES", Citation: "PECR reg. 6 and Sch. A1 paras. 5-6 (Data (Use and Access) Act 2025 s. 112, Sch. 12)", Severity: diag.Error, From: UKDate,
		Summary: "Cookies set in the UK without consent under the statistics or appearance exceptions are named, with a simple, free means to object.",
		When:    "a cookie has a uk_exception and the UK GDPR applies (an exception that exists only from 2026-02-05)", Section: "cookies-uk",
		Data: []string{"cookies.items.uk_exception", "cookies.uk_objection"}, Check: checkUKCookieExceptions},
	{ID: "GDPR-13-3", Citation: "GDPR Art. 13(3), 14(4); UK GDPR Art. 13(3), 14(4)", Severity: diag.Error, AtRelease: true, Covers: []string{"GDPR-14-4"},
		Summary: "A purpose new since the last version is published before the processing for it starts: its version takes effect on the purpose's first_used day at the latest (on the release day, when it is already in use).",
		When:    "on release, for a purpose not in the version released before", Section: "purposes-and-legal-bases",
		Data: []string{"purposes.first_used"}},
	{ID: "GDPR-13-2-f", Citation: "GDPR Art. 13(2)(f), 14(2)(g), 22", Severity: diag.Error,
		Summary: "For automated decisions with legal or similarly significant effects: the logic involved, the significance and the envisaged consequences.",
		When:    "a decision has art22: yes", Section: "automated-decisions",
		Data: []string{"automated_decisions.decisions"}, Check: checkADM},
	{ID: "UK-ADM", Citation: "UK GDPR Arts. 22A-22D (DUAA 2025 s. 80)", Severity: diag.Error, From: "2026-02-05",
		Summary: "For significant automated decisions: the safeguards (making representations, human intervention, contesting the decision).",
		Section: "automated-decisions", Data: []string{"automated_decisions.decisions.safeguards"},
		Each: j.ForEach(j.Each{In: "automated_decisions.decisions", Noun: "automated decision", If: ukGDPR, Where: j.IsYes("art22"),
			Require: []string{"safeguards"}, At: j.AtItem,
			Message: "automated decision {id} has significant effects, so UK notices must describe its safeguards",
			Hint:    "add safeguards: saying how to make representations, obtain human intervention and contest the decision"})},
	{ID: "EPRIV-5-3", Citation: "Directive 2002/58/EC Art. 5(3); PECR reg. 6", Severity: diag.Error,
		Summary: "Where cookies other than strictly necessary ones are used, where people give and withdraw consent to them.",
		When:    "a cookie is not strictly necessary", Section: "your-rights",
		Data: []string{"cookies.settings_url"}, Check: checkCookieConsent},
}

// An organisation not established in the EU (or the UK) that offers
// services to or monitors people there names its representative (Art. 27).
var (
	euRepresented = j.All(j.IsNo("organization.established_in_eu"), j.IsYes("organization.targets_eu"))
	ukRepresented = j.All(j.IsNo("organization.established_in_uk"), j.IsYes("organization.targets_uk"))
)

const (
	euRepMessage = "the organisation is not established in the EU but offers services to or monitors people there, so it must name its EU representative"
	euRepHint    = "add representatives: eu: with the representative's name and an email address, telephone number or postal address"
	ukRepMessage = "the organisation is not established in the UK but offers services to or monitors people there, so it must name its UK representative"
	ukRepHint    = "add representatives: uk: with the representative's name and an email address, telephone number or postal address"
)

func checkController(c *j.Context, r *j.Report) {
	o := c.Project.Organization
	if o == nil {
		return
	}
	for _, e := range o.Entities {
		if e != nil && (e.Role == "controller" || e.Role == "joint_controller") {
			return
		}
	}
	r.Missing("organization.entities", "set role: controller on the entity that decides how the data described is used",
		"no entity is a controller: the European notice must name the controller")
}

// checkControllersAllocated reports a group of two or more controllers that
// does not say which decides what: people could not tell whom a purpose's
// processing is the responsibility of (Art. 13(1)(a)).
func checkControllersAllocated(c *j.Context, r *j.Report) {
	o := c.Project.Organization
	if o == nil {
		return
	}
	var ctrl []int
	for i, e := range o.Entities {
		if e != nil && (e.Role == "controller" || e.Role == "joint_controller") {
			ctrl = append(ctrl, i)
		}
	}
	if len(ctrl) < 2 {
		return
	}
	for _, i := range ctrl {
		e := o.Entities[i]
		if len(Entity(e).Decides) == 0 {
			r.Missing(model.Index("organization.entities", i)+".decides",
				"add decides: with the ids of the purposes this company decides on",
				"the group has %d controllers, so the notice must say which purposes each decides on, and entity %q does not", len(ctrl), e.ID)
		}
	}
}

func checkDPO(c *j.Context, r *j.Report, regime string) {
	o := c.Project.Organization
	if Org(o).DPO == nil {
		return
	}
	d, path := Org(o).DPO.EU, "organization.dpo.eu"
	if regime == "uk" {
		if !uk(c) {
			return
		}
		d, path = Org(o).DPO.UK, "organization.dpo.uk"
	} else if !eu(c) {
		return
	}
	if d == nil {
		return
	}
	if d.Mandatory.IsYes() && d.Appointed.IsNo() {
		r.Missing(path+".appointed", "appoint a data protection officer and set appointed: yes with their contact",
			"a data protection officer is mandatory here but none is appointed")
		return
	}
	if d.Appointed.IsYes() && d.Contact == nil {
		r.Missing(path, "add contact: with the DPO's email address, web form or postal address (a name is not required)",
			"a data protection officer is appointed, so the notice must give their contact details")
		return
	}
	if d.Appointed.IsYes() && d.Contact != nil && d.Contact.Email == "" && d.Contact.WebForm == "" && d.Contact.Address == nil {
		r.Missing(path+".contact", "add email:, web_form: or address: to the DPO's contact (a name alone is not enough)",
			"the data protection officer's contact has no email address, web form or postal address")
	}
}

// special returns the Art. 9 and Art. 10 kinds of data among ids.
func special(p *model.Project, ids []string) (art9, art10 []string) {
	for _, id := range ids {
		cat := j.Category(p, id)
		if cat == nil {
			continue
		}
		for _, s := range cat.Special {
			if s == "criminal_offences" {
				art10 = append(art10, cat.ID)
			} else if !slices.Contains(art9, cat.ID) {
				art9 = append(art9, cat.ID)
			}
		}
	}
	return art9, art10
}

func checkSpecial(c *j.Context, r *j.Report) {
	for i, pu := range c.Project.Purposes {
		if pu == nil {
			continue
		}
		art9, art10 := special(c.Project, pu.Categories)
		path := model.Index("purposes", i)
		if len(art9) > 0 && Purpose(pu).Art9Condition == "" {
			r.Missing(path, "add art9_condition: (for example explicit_consent or employment) to purpose "+j.Quote(pu.ID),
				"purpose %q uses special-category data (%s) but names no Art. 9(2) condition", pu.ID, strings.Join(art9, ", "))
		}
		if len(art10) > 0 && Purpose(pu).Art10Basis == "" {
			r.Missing(path, "add art10_basis: naming the law that authorises it to purpose "+j.Quote(pu.ID),
				"purpose %q uses criminal-offence data (%s) but names no authority under Art. 10", pu.ID, strings.Join(art10, ", "))
		}
	}
}

// domestic reports whether data may go to country without a transfer tool:
// within the EEA when the EU GDPR applies, within the UK when only the UK
// GDPR does.
func domestic(c *j.Context, country string) bool {
	if eu(c) {
		return InEEA(c, country)
	}
	return country == "GB"
}

func checkTransferCoverage(c *j.Context, r *j.Report) {
	checkProcessorTransfers(c, r)
	checkRecipientTransfers(c, r)
	checkRoutineDerogations(c, r)
}

// checkRoutineDerogations reports a processor whose transfer rests on an
// Art. 49 derogation: a service provider's processing is regular and
// repeated, and the derogations serve only occasional transfers, never
// routine ones (EDPB Guidelines 2/2018, section 1; recital 111).
func checkRoutineDerogations(c *j.Context, r *j.Report) {
	p := c.Project
	for i, pr := range p.Processors {
		if pr == nil || pr.Transfer == "" {
			continue
		}
		k := slices.IndexFunc(p.Transfers, func(t *model.Transfer) bool { return t != nil && t.ID == pr.Transfer })
		if k < 0 {
			continue
		}
		f := Transfer(p.Transfers[k])
		for _, m := range []struct{ regime, mech, key string }{{"eu", f.Mechanism, "mechanism"}, {"uk", f.UKMechanism, "uk_mechanism"}, {"ch", f.CHMechanism, "ch_mechanism"}} {
			if !strings.HasPrefix(m.mech, "ART49") && m.mech != "UK_ART49" && !strings.HasPrefix(m.mech, "CH_ART17") {
				continue
			}
			d := r.Missing(model.Index("processors", i)+".transfer",
				"rely on a transfer tool for regular transfers (standard contractual clauses, the IDTA or Addendum, binding corporate rules, or an adequacy decision)",
				"processor %q works for us regularly, but its transfer %q rests on a derogation (%s), which covers only occasional transfers (EDPB Guidelines 2/2018)",
				pr.ID, pr.Transfer, m.mech)
			if p.Source != nil {
				d.Related = append(d.Related, p.Source.Pos(model.Index("transfers", k)+"."+m.key))
			}
		}
	}
}

// area names where data moves freely: the EEA, or the United Kingdom when
// only the UK GDPR applies.
func area(c *j.Context) string {
	if !eu(c) {
		return "the United Kingdom"
	}
	return "the EEA"
}

// checkRecipientTransfers reports a recipient located in a country outside
// the EEA (or the UK) that no transfer to that country lists among its
// recipients: data disclosed to it there is a transfer with no safeguard
// the notice can name.
func checkRecipientTransfers(c *j.Context, r *j.Report) {
	for i, rc := range c.Project.Recipients {
		if rc == nil {
			continue
		}
		var uncovered []string
		for _, cc := range rc.Countries {
			if cc == "" || domestic(c, cc) || slices.Contains(uncovered, cc) {
				continue
			}
			covered := false
			for _, t := range c.Project.Transfers {
				if t != nil && slices.Contains(t.Recipients, rc.ID) && slices.Contains(t.Destinations, cc) {
					covered = true
					break
				}
			}
			if !covered {
				uncovered = append(uncovered, cc)
			}
		}
		if len(uncovered) > 0 {
			r.Missing(model.Index("recipients", i)+".countries",
				"add "+j.Quote(rc.ID)+" to the recipients of a transfer (under transfers:) to "+names(uncovered)+", or add such a transfer",
				"recipient %q is located in %s, outside %s, but no transfer to there lists it among its recipients, so the notice cannot name the safeguard",
				rc.ID, names(uncovered), area(c))
		}
	}
}

func checkProcessorTransfers(c *j.Context, r *j.Report) {
	area := area(c)
	for i, pr := range c.Project.Processors {
		if pr == nil {
			continue
		}
		var outside []string
		for _, cc := range append([]string{pr.Country}, pr.Locations...) {
			if cc != "" && !domestic(c, cc) && !slices.Contains(outside, cc) {
				outside = append(outside, cc)
			}
		}
		if len(outside) == 0 {
			continue
		}
		path := model.Index("processors", i)
		if pr.Transfer == "" {
			r.Missing(path, "add transfer: naming the transfer (under transfers:) that covers it",
				"processor %q is in %s, outside %s, but names no transfer and safeguard", pr.ID, names(outside), area)
			continue
		}
		t := j.Transfer(c.Project, pr.Transfer)
		if t == nil {
			continue // a dangling reference, reported by check
		}
		var uncovered []string
		for _, cc := range outside {
			if !slices.Contains(t.Destinations, cc) {
				uncovered = append(uncovered, cc)
			}
		}
		if len(uncovered) > 0 {
			r.Missing(path+".transfer", "name a transfer whose destinations include "+names(uncovered)+", or add the country to transfer "+j.Quote(t.ID),
				"processor %q processes data in %s, but its transfer %q covers only %s", pr.ID, names(uncovered), t.ID, names(t.Destinations))
		}
	}
}

func names(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = j.CountryInEnglish(c)
	}
	return j.Join(out, "and")
}

// checkFrameworksInForce reports an organisation's self-certification under
// a framework that cannot be relied on on the notice's date: the Safe Harbor
// and the Privacy Shield after they were invalidated, or the Data Privacy
// Framework before it existed. Past certifications can be expressed, so a
// notice of their time can be reproduced; a notice of a later date cannot
// present them.
func checkFrameworksInForce(c *j.Context, r *j.Report) {
	d := Org(c.Project.Organization).DPF
	if d == nil || !d.Certified.IsYes() {
		return
	}
	for k, id := range d.Frameworks {
		f := FrameworkOf(c, id)
		if f == nil || c.InForce(f.From, f.Until) {
			continue
		}
		path := model.Index("organization.dpf.frameworks", k)
		if f.Until != "" && c.Date > f.Until {
			r.Missing(path, "remove it, and name the frameworks or transfer tools relied on now",
				"the organisation's certification under %s cannot be relied on for a notice effective %s: %s", f.Name, c.Date, f.Ended)
		} else {
			r.Missing(path, "remove it from a notice of this date",
				"%s exists only from %s, after this notice's effective date %s", f.Name, f.From, c.Date)
		}
	}
}

func checkToolInForce(c *j.Context, r *j.Report) {
	checkFrameworksInForce(c, r)
	for i, t := range c.Project.Transfers {
		if t == nil || Transfer(t).Mechanism == "" {
			continue
		}
		toolNotInForce(c, r, "eu", Transfer(t).Mechanism, model.Index("transfers", i)+".mechanism")
	}
}

// toolNotInForce reports a transfer tool that cannot be relied on on c.Date.
func toolNotInForce(c *j.Context, r *j.Report, regime, id, path string) bool {
	tool := Tool(c, regime, id)
	if tool == nil {
		law := map[string]string{"eu": "EU GDPR", "uk": "UK GDPR", "ch": "Swiss FADP"}[regime]
		r.Missing(path, "use a transfer tool of the "+law, "%s is not a transfer tool under the %s", id, law)
		return true
	}
	if c.InForce(tool.From, tool.Until) {
		return false
	}
	day := string(c.Date)
	var d *diag.Diagnostic
	if tool.Until != "" && c.Date > tool.Until {
		d = r.Missing(path, "", "%s (%s) cannot be relied on for a notice effective %s: %s", id, tool.Name, day, tool.Ended)
	} else {
		d = r.Missing(path, "", "%s (%s) is available only from %s, after this notice's effective date %s", id, tool.Name, tool.From, day)
	}
	switch regime {
	case "uk":
		d.Hint = "use a UK tool in force on " + day + ": UK_IDTA, UK_ADDENDUM (with the 2021 SCCs), UK_BCR or UK_ADEQUACY_REGS"
	case "ch":
		var alts []string
		for _, t := range []string{"CH_SCC", "CH_US_DPF", "CH_SCC_2010", "CH_BCR"} {
			if alt := Tool(c, "ch", t); t != id && alt != nil && c.InForce(alt.From, alt.Until) {
				alts = append(alts, t)
			}
		}
		d.Hint = "use a Swiss transfer tool in force on " + day + ", such as " + j.Join(alts, "or")
	default:
		var alts []string
		for _, t := range []string{"SCC_2021_914", "EU_US_DPF", "SCC_2010_87", "BCR"} {
			if alt := Tool(c, "eu", t); t != id && alt != nil && c.InForce(alt.From, alt.Until) {
				alts = append(alts, t)
			}
		}
		d.Hint = "use a transfer tool in force on " + day + ", such as " + j.Join(alts, "or")
	}
	return true
}

func checkAdequacy(c *j.Context, r *j.Report) {
	for i, t := range c.Project.Transfers {
		if t == nil || Transfer(t).Mechanism != "ADEQUACY" {
			continue
		}
		for k, dest := range t.Destinations {
			path := model.Index(model.Index("transfers", i)+".destinations", k)
			adequacyFor(c, r, "eu", dest, path)
		}
	}
}

// adequacyFor reports dest when the regime has no adequacy decision for it in
// force on c.Date, or one that covers only certified recipients.
func adequacyFor(c *j.Context, r *j.Report, regime, dest, path string) {
	if regime == "eu" && InEEA(c, dest) {
		return // not a transfer at all
	}
	dec := Adequacy(c, regime, dest)
	who := "the European Commission"
	if regime == "uk" {
		who = "the UK"
	}
	switch {
	case dec == nil:
		hint := "use SCC_2021_914, or check the EU adequacy list in compiler/jurisdiction/eu/reference/adequacy.yaml"
		if regime == "uk" {
			hint = "use UK_IDTA or UK_ADDENDUM, or check the UK adequacy list in compiler/jurisdiction/eu/reference/adequacy.yaml"
		}
		r.Missing(path, hint,
			"%s has no adequacy decision of %s in force on %s", j.CountryInEnglish(dest), who, c.Date)
	case dec.Requires != "" && regime == "eu":
		r.Missing(path, "use EU_US_DPF for certified recipients, or SCC_2021_914",
			"adequacy for %s covers only organisations certified under %s; name the framework instead of ADEQUACY",
			j.CountryInEnglish(dest), dec.Instrument)
	}
}

func checkCopy(c *j.Context, r *j.Report) {
	for i, t := range c.Project.Transfers {
		if t == nil || Transfer(t).SafeguardsCopy != "" {
			continue
		}
		for _, m := range []struct{ regime, id string }{{"eu", Transfer(t).Mechanism}, {"uk", Transfer(t).UKMechanism}} {
			if tool := Tool(c, m.regime, m.id); tool != nil && tool.Copy.IsYes() {
				r.Missing(model.Index("transfers", i), "add safeguards_copy: with a link to the safeguards or how to ask for a copy",
					"transfer %q relies on %s but does not say where to get a copy of the safeguards", t.ID, tool.Name)
				break
			}
		}
	}
}

func checkDPF(c *j.Context, r *j.Report) {
	p := c.Project
	for i, t := range p.Transfers {
		if t == nil || Transfer(t).Mechanism != "EU_US_DPF" {
			continue
		}
		path := model.Index("transfers", i)
		for k, d := range t.Destinations {
			if d != "US" {
				r.Missing(model.Index(path+".destinations", k), "list only US here, and use another transfer for other countries",
					"the EU-U.S. Data Privacy Framework covers only transfers to the United States, not %s", j.CountryInEnglish(d))
			}
		}
		for pi, pr := range p.Processors {
			if pr != nil && pr.Transfer == t.ID && !pr.DPFCertified.IsYes() {
				r.Missing(model.Index("processors", pi), "check the Data Privacy Framework List: set dpf_certified: yes if the processor is listed, otherwise use a transfer on SCC_2021_914",
					"processor %q is sent data under the Data Privacy Framework (transfer %q) but is not marked as certified", pr.ID, t.ID)
			}
		}
		for _, rid := range t.Recipients {
			rc := j.Recipient(p, rid)
			if rc == nil || rc.Kind != "affiliate" {
				continue
			}
			d := Org(p.Organization).DPF
			if d == nil || !d.Certified.IsYes() || !slices.Contains(d.Frameworks, "eu_us") {
				r.Missing(path, "certify the U.S. entity under the EU-U.S. DPF (organization.dpf) or use SCC_2021_914 for transfers within the group",
					"transfer %q sends data to our affiliates under the Data Privacy Framework, but organization.dpf does not certify an entity under eu_us", t.ID)
			}
		}
	}
}

func checkUKTransfers(c *j.Context, r *j.Report) {
	if !uk(c) {
		return
	}
	p := c.Project
	for i, t := range p.Transfers {
		if t == nil {
			continue
		}
		path := model.Index("transfers", i)
		if Transfer(t).UKMechanism == "" {
			if allIn(t.Destinations, func(d string) bool { return d == "GB" }) {
				continue // data from the EEA to the UK: not a UK transfer
			}
			r.Missing(path, "add uk_mechanism: (UK_IDTA, UK_ADDENDUM, UK_BCR, UK_ADEQUACY_REGS or UK_ART49)",
				"transfer %q names no transfer tool for personal data from the United Kingdom", t.ID)
			continue
		}
		if toolNotInForce(c, r, "uk", Transfer(t).UKMechanism, path+".uk_mechanism") {
			continue
		}
		if Transfer(t).UKMechanism != "UK_ADEQUACY_REGS" {
			continue
		}
		for k, d := range t.Destinations {
			dpath := model.Index(path+".destinations", k)
			dec := Adequacy(c, "uk", d)
			if dec == nil {
				r.Missing(dpath, "use UK_IDTA or UK_ADDENDUM", "%s has no UK adequacy regulations in force on %s", j.CountryInEnglish(d), c.Date)
				continue
			}
			if dec.Requires != "dpf_uk_extension" {
				continue
			}
			for pi, pr := range p.Processors {
				if pr != nil && pr.Transfer == t.ID && !pr.DPFUKExtension.IsYes() {
					r.Missing(model.Index("processors", pi), "set dpf_uk_extension: yes if the processor's listing includes the UK Extension, otherwise use a transfer on UK_ADDENDUM",
						"UK adequacy for the United States covers only organisations certified under the UK Extension, and processor %q is not marked as certified under it", pr.ID)
				}
			}
		}
	}
}

func allIn(list []string, f func(string) bool) bool {
	for _, s := range list {
		if !f(s) {
			return false
		}
	}
	return len(list) > 0
}

func checkRetentionCriteria(c *j.Context, r *j.Report) {
	for i, rt := range c.Project.Retention {
		if rt == nil || rt.Period != "" {
			continue
		}
		if vagueRetention(string(rt.Criteria)) {
			r.Missing(model.Index("retention", i)+".criteria", "say what decides the period, for example \"until you close your account, then 30 days\"",
				"retention rule %q says only %s, which does not tell people how long", rt.ID, j.Quote(string(rt.Criteria)))
		}
	}
}

// vagueRetention reports whether retention criteria say no more than "as
// long as necessary" or "indefinitely" (WP260: neither is a period or the
// criteria that set one), whatever purpose clause follows.
func vagueRetention(criteria string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(criteria), " "))
	s = strings.TrimRight(s, ".;:! ")
	s = strings.TrimPrefix(s, "we keep it ")
	s = strings.TrimPrefix(s, "we keep your data ")
	s = strings.TrimPrefix(s, "we keep personal data ")
	s = strings.TrimPrefix(s, "for ")
	for _, suffix := range vagueSuffixes {
		s = strings.TrimSuffix(s, suffix)
	}
	return slices.Contains(vagueCriteria, strings.TrimSpace(s))
}

// vagueCriteria are criteria that set no period.
var vagueCriteria = []string{
	"as long as necessary", "as long as needed", "as long as required", "as long as required by law", "as long as we need it", "as long as we need to",
	"as long as we need", "as long as is necessary", "as long as permitted by law", "as long as the law allows",
	"as long as reasonably necessary", "as long as appropriate", "as long as useful",
	"indefinitely", "forever", "permanently", "without limit", "without time limit", "until no longer needed",
	"until we no longer need it", "a reasonable period", "a reasonable time",
}

// vagueSuffixes are purpose clauses that add no criterion to a vague one.
var vagueSuffixes = []string{
	" to fulfil the purposes described in this notice", " to fulfil the purposes described in this policy", " to fulfil the purposes",
	" to fulfill the purposes", " for the purposes described in this notice", " for the purposes described in this policy", " for the purposes described above",
	" for the purposes set out in this notice", " for the purposes set out in this policy", " for the purposes set out above",
	" for the purposes for which it was collected", " for the purposes we collected it for", " for the purposes described",
	" for the purposes", " for our purposes", " for business purposes",
}

// consentPurposes returns the ids of purposes relying on consent.
func consentPurposes(p *model.Project) []string {
	var ids []string
	for _, pu := range p.Purposes {
		if pu != nil && (slices.Contains(Purpose(pu).LegalBases, "consent") || Purpose(pu).Art9Condition == "explicit_consent") {
			ids = append(ids, pu.ID)
		}
	}
	return ids
}

func checkConsent(c *j.Context, r *j.Report) {
	rt := c.Project.Rights
	if rt == nil || rt.ConsentWithdrawal != "" {
		return
	}
	if ids := consentPurposes(c.Project); len(ids) > 0 {
		r.Missing("rights", "add consent_withdrawal: saying how to withdraw consent (as easily as it was given)",
			"purposes rely on consent (%s) but the data does not say how to withdraw it", strings.Join(ids, ", "))
	}
}

// direct reports whether cat is collected from the person themself.
func direct(p *model.Project, cat *model.Category) bool {
	for _, id := range cat.Sources {
		if s := j.Source(p, id); s != nil && (s.Kind == "data_subject" || s.Kind == "automatic") {
			return true
		}
	}
	return false
}

func checkProvision(c *j.Context, r *j.Report) {
	for i, cat := range c.Project.Categories {
		if cat == nil || !direct(c.Project, cat) {
			continue
		}
		path := model.Index("categories", i)
		switch cat.Provision {
		case "":
			if fromPerson(c.Project, cat) {
				r.Missing(path, "add provision: statutory, contractual, precontractual or voluntary",
					"category %q is collected from people directly but does not say whether they must provide it", cat.ID)
			}
		case "statutory", "contractual", "precontractual":
			if cat.Consequence == "" {
				r.Missing(path, "add consequence: saying what happens if the person does not provide it",
					"category %q is a %s requirement but does not say what happens if it is not provided", cat.ID, cat.Provision)
			}
		}
	}
}

// fromPerson reports whether cat is given by the person (not only collected
// automatically from their device).
func fromPerson(p *model.Project, cat *model.Category) bool {
	for _, id := range cat.Sources {
		if s := j.Source(p, id); s != nil && s.Kind == "data_subject" {
			return true
		}
	}
	return false
}

func checkADM(c *j.Context, r *j.Report) {
	ad := c.Project.AutomatedDecisions
	if ad == nil {
		return
	}
	for i, d := range ad.Decisions {
		if d == nil || !d.Art22.IsYes() {
			continue
		}
		var missing []string
		if d.Logic == "" {
			missing = append(missing, "logic")
		}
		if d.Significance == "" {
			missing = append(missing, "significance")
		}
		if d.Consequences == "" {
			missing = append(missing, "consequences")
		}
		if len(missing) > 0 {
			r.Missing(model.Index("automated_decisions.decisions", i), "add "+strings.Join(missing, ":, ")+": to the decision",
				"automated decision %q has legal or similarly significant effects, so the notice must explain its %s", d.ID, j.Join(missing, "and"))
		}
	}
}

func checkCookieConsent(c *j.Context, r *j.Report) {
	ck := c.Project.Cookies
	if ck == nil || ck.SettingsURL != "" {
		return
	}
	for _, it := range ck.Items {
		if it != nil && it.Class != "strictly_necessary" {
			r.Missing("cookies", "add settings_url: with the page where people accept, refuse and withdraw consent to cookies",
				"%s cookies such as %q need consent, but the data gives no page to give or withdraw it", it.Class, it.Name)
			return
		}
	}
}

// checkInterestNamed reports a legitimate interest that names no interest:
// text made only of the basis's own words ("our legitimate business
// interests").
func checkInterestNamed(c *j.Context, r *j.Report) {
	for i, pu := range c.Project.Purposes {
		if pu == nil {
			continue
		}
		f := Purpose(pu)
		if f.LegitimateInterest == "" || !restatesBasis(string(f.LegitimateInterest)) {
			continue
		}
		r.Missing(model.Index("purposes", i)+".legitimate_interest",
			"say what the interest is, for example \"preventing fraud against our customers\" or \"telling customers about features they use\"",
			"the legitimate interest of purpose %q, %s, restates the legal basis and names no interest", pu.ID, j.Quote(string(f.LegitimateInterest)))
	}
}

// restatesBasis reports whether text says no more than "legitimate
// interests": every word is the basis's own or a word that adds nothing.
func restatesBasis(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r >= 0x80)
	})
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		if !basisWords[w] {
			return false
		}
	}
	return true
}

var basisWords = map[string]bool{
	"our": true, "the": true, "a": true, "an": true, "of": true, "in": true, "for": true, "and": true, "to": true,
	"we": true, "have": true, "has": true, "its": true, "their": true, "us": true, "is": true, "are": true, "based": true, "on": true,
	"legitimate": true, "interest": true, "interests": true, "business": true, "commercial": true, "company's": true,
	"pursued": true, "pursue": true, "by": true, "purposes": true, "purpose": true, "legal": true, "basis": true, "art": true, "article": true,
	"6": true, "1": true, "f": true, "gdpr": true, "reasonable": true, "necessary": true, "as": true, "described": true, "above": true,
}

// art14 are the Art. 14 rules (data not obtained from the person) each
// requirement makes as well: the notice is one for both articles, and its
// citations say so.
var art14 = map[string][]string{
	"GDPR-13-1-a": {"GDPR-14-1-a"}, "GDPR-13-1-b": {"GDPR-14-1-b", "GDPR-37-7"}, "GDPR-13-1-c": {"GDPR-14-1-c"},
	"GDPR-13-1-d": {"GDPR-14-2-b"}, "GDPR-13-1-e": {"GDPR-14-1-e"}, "GDPR-13-1-f": {"GDPR-14-1-f"},
	"GDPR-13-2-a": {"GDPR-14-2-a"}, "GDPR-13-2-b": {"GDPR-14-2-c"}, "GDPR-13-2-c": {"GDPR-14-2-d"},
	"GDPR-13-2-d": {"GDPR-14-2-e"}, "GDPR-14-1-d": {"GDPR-14-2-f"}, "GDPR-13-2-f": {"GDPR-14-2-g"},
}

// withArt14 adds to each requirement the Art. 14 rules it makes too.
func withArt14(qs []*j.Requirement) []*j.Requirement {
	for _, q := range qs {
		q.Covers = append(q.Covers, art14[q.ID]...)
	}
	return qs
}

var (
	feeRE = regexp.MustCompile(`(?i)\b(fees?|charges?|charged|pay|paid|payment|costs?)\b`)
	// freeRE and excessiveRE are what makes a sentence naming a payment
	// lawful: it says the request is free, or a fee is only for the
	// manifestly unfounded or excessive requests Art. 12(5)(a) allows.
	freeRE = regexp.MustCompile(`(?i)\b(free|no (fee|charge|cost)s?|without (a |any )?(fee|charge|cost)|at no (cost|charge)|(do|will|does|shall) not charge|(don't|won't|never) charge|(not|never|won't|don't) (have to |need to )?pay)\b`)
	// excessiveRE: a fee Art. 12(5)(a) allows, or the reasonable fee for
	// further copies Art. 15(3) allows; paymentDataRE: payment as a kind of
	// data, not a price.
	excessiveRE   = regexp.MustCompile(`(?i)manifestly unfounded|excessive|further cop(y|ies)|additional cop(y|ies)|administrative costs`)
	paymentDataRE = regexp.MustCompile(`(?i)\bpayment (information|details|data|card|method)s?\b`)
	sentenceRE    = regexp.MustCompile(`[^.!?]+[.!?]*`)
)

// checkFreeOfCharge reports a sentence of the rights' text that asks for a
// payment without saying the request is free, or that the fee is only for
// manifestly unfounded or excessive requests (GDPR Art. 12(5)).
func checkFreeOfCharge(c *j.Context, r *j.Report) {
	rt := c.Project.Rights
	if rt == nil {
		return
	}
	texts := []struct {
		path, text string
	}{
		{"rights.verification", string(rt.Verification)}, {"rights.response_time", string(rt.ResponseTime)},
		{"rights.appeal", string(rt.Appeal)}, {"rights.authorized_agents", string(rt.AuthorizedAgents)},
	}
	for i, o := range rt.Offered {
		if o != nil {
			texts = append(texts, struct{ path, text string }{model.Index("rights.offered", i) + ".description", string(o.Description)})
		}
	}
	for i, m := range rt.RequestMethods {
		if m != nil {
			texts = append(texts, struct{ path, text string }{model.Index("rights.request_methods", i) + ".note", m.Note})
		}
	}
	for _, t := range texts {
		for _, sentence := range sentenceRE.FindAllString(t.text, -1) {
			if feeRE.MatchString(paymentDataRE.ReplaceAllString(sentence, "")) && !freeRE.MatchString(sentence) && !excessiveRE.MatchString(sentence) {
				r.Missing(t.path, "make requests free of charge, or say a fee applies only to manifestly unfounded or excessive requests",
					"the text asks people to pay to exercise their rights: %s", j.Quote(strings.TrimSpace(sentence)))
				break
			}
		}
	}
}

// checkProseInstruments reports the team's own text that names a transfer
// instrument ended before the notice's date: a section, or a transfer's
// description or copy wording, still promising the Privacy Shield.
func checkProseInstruments(c *j.Context, r *j.Report) {
	refs := references(c)
	if refs == nil || refs.TransferTools == nil {
		return
	}
	type text struct{ path, s string }
	var texts []text
	for _, t := range j.PublishedTexts(c.Project) {
		texts = append(texts, text{t.Path, string(t.Text)})
	}
	if refs.Repealed != nil {
		for _, pr := range refs.Repealed.List {
			if c.Date <= pr.Until {
				continue
			}
			res := make([]*regexp.Regexp, len(pr.AlsoKnownAs))
			for k, n := range pr.AlsoKnownAs {
				res[k] = regexp.MustCompile(`(?i)` + wholeWords(n))
			}
			for _, t := range texts {
				lower := strings.ToLower(t.s)
				for k, n := range pr.AlsoKnownAs {
					if strings.Contains(lower, strings.ToLower(n)) && res[k].MatchString(t.s) {
						r.Missing(t.path, "cite what applies now: "+pr.ReplacedBy,
							"the text cites %s (%s), which was repealed or replaced after %s", j.Quote(n), pr.Name, pr.Until)
						break
					}
				}
			}
		}
	}
	seen := map[string]bool{} // one report per text and instrument
	for _, tool := range refs.TransferTools.Tools {
		if tool.Until == "" || tool.Until >= c.Date {
			continue
		}
		names := append([]string{strings.TrimPrefix(tool.Name, "the ")}, tool.AlsoKnownAs...)
		res := make([]*regexp.Regexp, len(names))
		for k, n := range names {
			res[k] = properName(n)
		}
		for _, t := range texts {
			for k, n := range names {
				if n == "" || seen[t.path+" "+tool.ID] || !presentsAsCurrent(t.s, n, res[k]) {
					continue
				}
				seen[t.path+" "+tool.ID] = true
				r.Missing(t.path, "say what the transfer relies on now, or, to tell its history, say that "+j.Quote(n)+" ended",
					"the text names %s (%s), which cannot be relied on after %s: %s", j.Quote(n), tool.Name, tool.Until, tool.Ended)
			}
		}
	}
}

// checkContractParties reports a purpose relying on a contract (Art.
// 6(1)(b)) whose people are, every one of them, said to be neither party to
// a contract with us nor asking to enter one: the staff of a business
// customer, for example, whose employer is the party (EDPB Guidelines
// 2/2019, paras. 26-27). Groups that do not say are not judged.
func checkContractParties(c *j.Context, r *j.Report) {
	p := c.Project
	unknown := map[int][]string{} // subjects[k] -> the contract purposes concerning it
	defer func() {
		// Unknown: the basis cannot be judged. Say so once per group, as a
		// warning: only the team knows who is party to its contracts.
		for k := range p.Subjects {
			if ids := unknown[k]; len(ids) > 0 {
				d := r.Missing(model.Index("subjects", k), "add contract: party, pre_contract or none to the group",
					"group %q does not say whether its people are party to a contract with us, so the contract basis (Art. 6(1)(b)) of %s cannot be judged",
					p.Subjects[k].ID, j.Join(ids, "and"))
				d.Severity = diag.Warning
			}
		}
	}()
	for i, pu := range p.Purposes {
		if pu == nil || len(pu.Subjects) == 0 {
			continue
		}
		f := Purpose(pu)
		if !slices.Contains(f.LegalBases, "contract") && !slices.Contains(f.UKLegalBases, "contract") {
			continue
		}
		var names, at []string
		allStaff := true
		for _, id := range pu.Subjects {
			k := slices.IndexFunc(p.Subjects, func(s *model.Subject) bool { return s != nil && s.ID == id })
			if k < 0 {
				allStaff = false
				continue
			}
			switch Subject(p.Subjects[k]).Contract {
			case "none":
				names = append(names, id)
				at = append(at, model.Index("subjects", k)+".contract")
			case "":
				if !slices.Contains(unknown[k], pu.ID) {
					unknown[k] = append(unknown[k], pu.ID)
				}
				allStaff = false
			default:
				allStaff = false
			}
		}
		if !allStaff || len(names) == 0 {
			continue
		}
		d := r.Missing(model.Index("purposes", i)+".legal_bases",
			"rely on another basis (often legitimate_interests, with the interest named), or correct contract: of the groups if they are party to a contract with us",
			"purpose %q relies on a contract (Art. 6(1)(b)), but none of the people it concerns is party to a contract with us or asking to enter one: %s (contract: none)",
			pu.ID, strings.Join(names, ", "))
		for _, a := range at {
			if p.Source != nil {
				d.Related = append(d.Related, p.Source.Pos(a))
			}
		}
	}
}

// consentPurposesAny reports whether a purpose relies on consent.
func consentPurposesAny(p *model.Project) bool {
	return slices.ContainsFunc(p.Purposes, func(pu *model.Purpose) bool {
		return pu != nil && (slices.Contains(Purpose(pu).LegalBases, "consent") || slices.Contains(Purpose(pu).UKLegalBases, "consent"))
	})
}

func checkParentalConsent(c *j.Context, r *j.Report) {
	ch := c.Project.Children
	if ch == nil || !ch.DirectedToChildren.IsYes() || !consentPurposesAny(c.Project) || Children(ch).ParentalConsent != "" {
		return
	}
	r.Missing("children.parental_consent",
		"add parental_consent: saying how the consent of a parent or guardian is obtained and checked for children under the age of digital consent",
		"a service is directed to children and some purposes rely on consent, so the notice must say how consent is given for children below the age of digital consent (16 in the EU unless a Member State sets a lower age, 13 in the UK)")
}

// checkUKCookieExceptions reports cookies set in the UK without consent
// under a PECR Schedule A1 exception when people are not told how to object,
// and an exception claimed by a cookie whose class it cannot cover.
func checkUKCookieExceptions(c *j.Context, r *j.Report) {
	ck := c.Project.Cookies
	if ck == nil || !uk(c) {
		return
	}
	var any bool
	for i, it := range ck.Items {
		if it == nil {
			continue
		}
		ex := Cookie(it).UKException
		if ex == "" {
			continue
		}
		any = true
		if c.Date < rliDate {
			r.Missing(model.Index("cookies.items", i)+".uk_exception", "ask for consent to the cookie in the UK, or make the notice take effect on or after 5 February 2026",
				"cookie %q relies on the UK %s exception to consent, which exists only from 5 February 2026 (PECR Sch. A1), but the notice takes effect on %s", it.Name, ex, c.Date)
			continue
		}
		want := map[string]string{"statistics": "analytics", "appearance": "functional"}[ex]
		if it.Class != want {
			r.Missing(model.Index("cookies.items", i)+".uk_exception",
				fmt.Sprintf("remove uk_exception:, or correct class: to %s if that is all the cookie does", want),
				"cookie %q claims the UK %s exception to consent, which covers only %s cookies, but its class is %s", it.Name, ex, want, it.Class)
		}
	}
	if any && Cookies(ck).UKObjection == "" {
		r.Missing("cookies.uk_objection",
			"add uk_objection: saying how people object, simply and free of charge (for example a switch in the cookie settings)",
			"some cookies are set in the UK without consent under the statistics or appearance exceptions, so people must be told how to object to them")
	}
}

// rliDate is the day recognised legitimate interests became a UK basis
// (Data (Use and Access) Act 2025 s. 70, commenced 5 February 2026), and
// the day most of its Part 5 came into force with it (the cookie
// exceptions of PECR Sch. A1, the UK's new transfer provisions).
const rliDate = "2026-02-05"

// checkRecognisedInterestInForce reports a recognised legitimate interest
// relied on in a notice that takes effect before the basis existed.
func checkRecognisedInterestInForce(c *j.Context, r *j.Report) {
	if c.Date >= rliDate || !uk(c) {
		return
	}
	for i, pu := range c.Project.Purposes {
		if pu != nil && slices.Contains(Purpose(pu).UKLegalBases, "recognised_legitimate_interest") {
			r.Missing(model.Index("purposes", i)+".uk_legal_bases",
				"rely on a basis in force on the notice's date, or make the notice take effect on or after 5 February 2026",
				"purpose %q relies on a recognised legitimate interest, a UK basis only from 5 February 2026 (Data (Use and Access) Act 2025 s. 70), but the notice takes effect on %s",
				pu.ID, c.Date)
		}
	}
}

// specialWords find, in the examples of what a category holds, the kinds of
// special-category (Art. 9) and criminal-offence (Art. 10) data, so that a
// category is classified by what it contains, not only by what it says.
var specialWords = []j.KindWord{
	{Re: regexp.MustCompile(`(?i)\b(health (data|information|record|condition|status)|medical|disabilit|diagnos(is|es|ed)\b|sick(ness)? (leave|note))`), Kind: "health"},
	{Re: regexp.MustCompile(`(?i)\b(racial|ethnic)`), Kind: "racial_or_ethnic_origin"},
	{Re: regexp.MustCompile(`(?i)\b(religio|philosophical belief)`), Kind: "religious_or_philosophical_beliefs"},
	{Re: regexp.MustCompile(`(?i)\b(trade union|union membership)`), Kind: "trade_union_membership"},
	{Re: regexp.MustCompile(`(?i)\bpolitical (opinion|view|affiliation)`), Kind: "political_opinions"},
	{Re: regexp.MustCompile(`(?i)\b(genetic|dna)\b`), Kind: "genetic"},
	{Re: regexp.MustCompile(`(?i)\b(biometric|face recognition|facial recognition|voiceprint|fingerprints? (scan|data|template|reader))`), Kind: "biometric"},
	{Re: regexp.MustCompile(`(?i)\b(sexual orientation|sex life)`), Kind: "sex_life_or_orientation"},
	{Re: regexp.MustCompile(`(?i)\b(criminal|conviction|offences?\b|offenses?\b|background check)`), Kind: "criminal_offences"},
}

// checkSpecialClassified reports an example of what a category holds that
// names special-category or criminal-offence data the category does not
// list under special: the notice would give no Art. 9 condition or Art. 10
// authority for it.
func checkSpecialClassified(c *j.Context, r *j.Report) {
	for i, cat := range c.Project.Categories {
		if cat == nil {
			continue
		}
		if k, kind := j.Unclassified(cat.Examples, specialWords, cat.Special); k >= 0 {
			r.Missing(model.Index(model.Index("categories", i)+".examples", k),
				fmt.Sprintf("add %s to the category's special:, with the purposes' art9_condition or art10_basis, or reword the example if it holds no such data", kind),
				"category %q holds %q, which is %s data (GDPR Arts. 9-10), but its special: does not list %s", cat.ID, cat.Examples[k], strings.ReplaceAll(kind, "_", " "), kind)
		}
	}
}

// toldAsHistory finds the words of a sentence that tells an instrument's
// end rather than relying on it ("the Privacy Shield, which the Court of
// Justice invalidated in 2020").
var toldAsHistory = regexp.MustCompile(`(?i)\b(invalidat|ended|no longer|replaced|struck down|repealed|superseded|until 20\d\d|before 20\d\d)`)

// wholeWords is the pattern of s as whole words.
func wholeWords(s string) string { return `(^|[^\pL\pN])` + regexp.QuoteMeta(s) + `($|[^\pL\pN])` }

// properName matches n as a proper name: case and whole words kept (the
// "safe harbor" of another law is not the Safe Harbor framework).
func properName(n string) *regexp.Regexp { return regexp.MustCompile(wholeWords(n)) }

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// presentsAsCurrent reports whether text names the instrument n (matched
// by re, its properName) in a sentence that does not tell of its end.
func presentsAsCurrent(text, n string, re *regexp.Regexp) bool {
	if !strings.Contains(text, n) {
		return false
	}
	for _, sentence := range sentenceEnd.Split(text, -1) {
		if re.MatchString(sentence) && !toldAsHistory.MatchString(sentence) {
			return true
		}
	}
	return false
}
