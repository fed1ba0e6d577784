package eu

import (
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Switzerland in the European supplement: the revised Federal Act on Data
// Protection (FADP, SR 235.1), in force from CHDate, and before it the Act
// of 19 June 1992 (the same SR number), whose duty to inform covered only
// sensitive personal data and personality profiles (its Art. 14, from
// 1 January 2008). Transfers abroad are checked under both.
//
// Sources (see reference/*.yaml for the dated lists and their addresses):
// the FADP in the federal English translation as reproduced article by
// article at prighter.com/resources/laws/swiss-fadp (Arts. 4, 14, 19, 21,
// 28) and lawbrary.ch/law/art/DSG-v2023.09-en-art-25 (Art. 25); the FDPIC's
// pages on the representative (Art. 14: the four conditions are
// cumulative) and the data protection advisor (Art. 10: voluntary, its
// contact published and notified for the Art. 23(4) exemption); the 1992
// Act's Art. 14 as in force on 1 March 2019
// (lawbrary.ch/law/art/DSG-v2019.03-de-art-14: wording of the Act of 19
// March 2010, in force 1 December 2010; before it the same duty was Art. 7a,
// inserted by the amendment of 24 March 2006).

// CHDate is the first day of the revised FADP (and of the DPO, SR 235.11);
// ch1992Date the first day of the 1992 Act's duty to inform about
// sensitive data and personality profiles (the amendment of 24 March 2006).
const (
	CHDate     = "2023-09-01"
	ch1992Date = "2008-01-01"
)

// ch reports whether Swiss data protection law concerns the organisation:
// it has its registered office in Switzerland, or offers goods or services
// to or monitors people there.
func ch(c *j.Context) bool { return CoversSwitzerland(c.Project) }

// CoversSwitzerland reports whether the European supplement of p covers
// people in Switzerland (organization.registered_in_ch or targets_ch is
// yes): for another pack's sentence that points Swiss readers to it. Both
// facts are among the pack's AppliesFrom paths, so a section that asks
// Context.PublishesIn(s, "eu") already traces them.
func CoversSwitzerland(p *model.Project) bool {
	return p != nil && p.Organization != nil && (Org(p.Organization).RegisteredInCH.IsYes() || Org(p.Organization).TargetsCH.IsYes())
}

// chApplies says ch in words (organization.registered_in_ch or targets_ch
// is yes): the condition of every Swiss requirement, in explain and the
// README (When of those that compute or are structural, chFADP's name in
// the declarative ones).
const chApplies = "Swiss data protection law applies"

// chFADP is ch as a condition on the data, for declarative rules.
var chFADP = j.Named(chApplies, "Swiss data protection law does not apply",
	j.AnyOf(j.IsYes("organization.registered_in_ch"), j.IsYes("organization.targets_ch")))

// chRepresented is FADP Art. 14(1): a private controller with its
// registered office abroad whose processing of the data of people in
// Switzerland is connected with offering them goods or services or
// monitoring them (a), large-scale (b), regular (c) and high-risk (d).
// With registered_in_ch no, chFADP holds only through targets_ch (a).
var chRepresented = j.All(chFADP, j.IsNo("organization.registered_in_ch"),
	j.IsYes("organization.ch_large_scale_high_risk"))

const (
	chRepMessage = "the organisation has its registered office abroad and processes the data of people in Switzerland regularly, on a large scale and with a high risk, so it must name its Swiss representative and publish the representative's name and address"
	chRepHint    = "add representatives: ch: with the representative's name and postal address (FADP Art. 14(3))"
)

var swissRequirements = []*j.Requirement{
	{ID: "CH-FADP-19-2-a", Citation: "FADP Art. 19(1), 19(2)(a)", Severity: diag.Error, From: CHDate,
		Summary: "For people in Switzerland: the controller's identity and contact details.",
		When:    chApplies, Section: "controller", Data: []string{"organization.entities", "organization.privacy_contact"}},
	{ID: "CH-FADP-19-2-b", Citation: "FADP Art. 19(2)(b)", Severity: diag.Error, From: CHDate,
		Summary: "For people in Switzerland: the purpose of the processing.",
		When:    chApplies, Section: "purposes-and-legal-bases", Data: []string{"purposes"}},
	{ID: "CH-FADP-19-2-c", Citation: "FADP Art. 19(2)(c)", Severity: diag.Error, From: CHDate,
		Summary: "For people in Switzerland: the recipients or categories of recipients personal data is disclosed to.",
		When:    chApplies, Section: "recipients", Data: []string{"recipients", "processors"}},
	{ID: "CH-FADP-19-3", Citation: "FADP Art. 19(3), 19(5)", Severity: diag.Error, From: CHDate,
		Summary: "For data not collected from the person: the categories of personal data processed.",
		When:    chApplies, Section: "purposes-and-legal-bases", Data: []string{"categories"}},
	{ID: "CH-FADP-19-4", Citation: "FADP Art. 19(4), 16(2), 17", Severity: diag.Error, From: CHDate,
		Summary: "For data disclosed abroad: the countries of destination and the guarantee (Art. 16(2)) or exception (Art. 17) relied on: each recipient located in a country outside Switzerland is among the recipients of a transfer to that country that names a Swiss tool (ch_mechanism), and each processor's countries outside Switzerland are destinations of its own transfer, or of one to its recipient category, that names one.",
		When:    chApplies, Section: "international-transfers",
		Data:  []string{"transfers.ch_mechanism", "transfers.destinations", "transfers.recipients", "processors.country", "processors.locations", "processors.transfer", "recipients.countries"},
		Check: checkSwissTransfers},
	{ID: "CH-FADP-16", Citation: "FADP Art. 16(1)-(3), 17; Art. 6 of the FADP of 1992", Severity: diag.Error, Drift: true,
		Summary: "Each Swiss transfer tool can be relied on on the notice's date (not the Swiss-U.S. Privacy Shield after 7 September 2020, not the earlier EU clauses after 31 December 2022, the Swiss-U.S. Data Privacy Framework only from 15 September 2024); CH_ADEQUACY only to countries on the Swiss list then (the United States only through the Data Privacy Framework); CH_US_DPF only to the United States, to processors certified under it (dpf_swiss) and to our affiliates only when we are certified under it.",
		When:    "a transfer gives ch_mechanism and " + chApplies, Section: "international-transfers",
		Data: []string{"transfers.ch_mechanism", "organization.dpf.frameworks", "processors.dpf_swiss"}, Check: checkSwissTools},
	{ID: "CH-FADP-14", Citation: "FADP Art. 14(1)-(3), 15", Severity: diag.Error, From: CHDate,
		Summary: "The name and address of the Swiss representative of a private controller with its registered office abroad whose processing of the data of people in Switzerland is connected with offering them goods or services or monitoring them, and is large-scale, regular and high-risk.",
		Section: "controller", Data: []string{"organization.representatives.ch"},
		Each: j.ForEach(
			j.Each{In: "organization", If: chRepresented, Require: []string{"representatives.ch"}, At: j.AtItem,
				Message: chRepMessage, Hint: chRepHint},
			j.Each{In: "organization.representatives.ch", If: chRepresented, Require: []string{"name", "address"},
				Message: chRepMessage, Hint: chRepHint},
		)},
	{ID: "CH-FADP-10", Citation: "FADP Art. 10(3)(d), 23(4)", Severity: diag.Error, From: CHDate,
		Summary: "Where a data protection advisor is appointed, their contact details (published, so that the controller may consult the advisor instead of the FDPIC).",
		Section: "controller", Data: []string{"organization.dpo.ch"},
		Each: j.ForEach(j.Each{In: "organization.dpo.ch", Noun: "data protection advisor", If: chFADP, Where: j.IsYes("appointed"),
			Require: []string{"contact"}, At: j.AtItem,
			Message: "a Swiss data protection advisor is appointed, so the notice must give their contact details",
			Hint:    "add contact: with the advisor's email address, web form or postal address to dpo: ch:"})},
	{ID: "CH-FADP-21", Citation: "FADP Art. 21(1)-(2)", Severity: diag.Error, From: CHDate,
		Summary: "Each decision based exclusively on automated processing with a legal consequence or a considerable adverse effect, and the right to state one's position and to have it reviewed by a natural person.",
		When:    chApplies, Section: "automated-decisions", Data: []string{"automated_decisions.decisions"}},
	{ID: "CH-FADP-25", Citation: "FADP Art. 19(2), 25, 28, 32", Severity: diag.Error, From: CHDate,
		Summary: "The information people in Switzerland need to exercise their rights: access (free of charge, within 30 days), data portability, correction, and the claims to stop processing or disclosure, to deletion and to a note of objection, and how to make a request.",
		When:    chApplies, Section: "your-rights", Data: []string{"rights.request_methods"}},
	{ID: "CH-FDPIC", Citation: "FADP Art. 4, 49(1), (4)", Severity: diag.Info,
		Summary: "The FDPIC, Switzerland's supervisory authority, to whom people can report a breach of the data protection rules (its details are reference data).",
		When:    chApplies, Section: "complaints"},
	{ID: "CH-FADP1992-14", Citation: "Art. 14(1)-(3) of the FADP of 1992 (Art. 7a from 1 January 2008, Art. 14 from 1 December 2010)", Severity: diag.Error,
		From: ch1992Date, Until: "2023-08-31",
		Summary: "Under the 1992 Act, when sensitive personal data or personality profiles are collected: the controller of the data file, the purpose of the processing and the categories of recipients.",
		When:    chApplies, Section: "controller", Data: []string{"organization.entities", "purposes", "recipients"}},
}

// checkSwissTransfers reports, when Swiss law applies, a recipient or
// processor located in a country outside Switzerland that no transfer with
// a Swiss tool (ch_mechanism) reaches for it: the notice could not name the
// country and the guarantee or exception for data from Switzerland that
// goes to that recipient (FADP Art. 19(4)). It compares recipient and
// country together: a Swiss transfer to Ireland for our service providers
// says nothing of advertising partners there. A recipient is reached by a
// transfer that lists it and the country; a processor by its own transfer
// (processors[].transfer) or by one that lists its recipient category; a
// transfer that lists no recipients reaches every recipient there. A
// transfer without ch_mechanism carries no data from Switzerland. A pair
// outside the EEA (or the UK) that no transfer reaches at all is
// GDPR-13-1-f's to report, once.
func checkSwissTransfers(c *j.Context, r *j.Report) {
	if !ch(c) {
		return
	}
	p := c.Project
	gdpr := eu(c) || uk(c)
	// reached reports whether a transfer (one with a Swiss tool, when
	// swiss) goes to country cc for recipient rid, or is transfer own.
	reached := func(rid, own, cc string, swiss bool) bool {
		for _, t := range p.Transfers {
			if t == nil || (swiss && Transfer(t).CHMechanism == "") || !slices.Contains(t.Destinations, cc) {
				continue
			}
			if len(t.Recipients) == 0 || slices.Contains(t.Recipients, rid) || (own != "" && t.ID == own) {
				return true
			}
		}
		return false
	}
	report := func(path, who, rid, own string, countries []string) {
		var missing []string
		for _, cc := range countries {
			if cc == "" || cc == "CH" || slices.Contains(missing, cc) || reached(rid, own, cc, true) ||
				(gdpr && !domestic(c, cc) && !reached(rid, own, cc, false)) {
				continue
			}
			missing = append(missing, cc)
		}
		if len(missing) == 0 {
			return
		}
		hint := "add " + j.Quote(rid) + " to the recipients of a transfer to " + names(missing) + " that gives ch_mechanism:, or add such a transfer"
		if own != "" {
			hint = "give its transfer " + j.Quote(own) + " ch_mechanism: and " + names(missing) + " among its destinations, or " + hint
		}
		r.Missing(path, hint,
			"%s is located in %s, outside Switzerland, but no transfer with a Swiss tool (ch_mechanism) goes there for it, so the notice cannot name the country and the guarantee for data from Switzerland", who, names(missing))
	}
	for i, pr := range p.Processors {
		if pr != nil {
			report(model.Index("processors", i), "processor "+j.Quote(pr.ID), pr.Recipient, pr.Transfer, append([]string{pr.Country}, pr.Locations...))
		}
	}
	for i, rc := range p.Recipients {
		if rc != nil {
			report(model.Index("recipients", i)+".countries", "recipient "+j.Quote(rc.ID), rc.ID, "", rc.Countries)
		}
	}
}

// checkSwissTools reports a Swiss transfer tool that cannot be relied on on
// c.Date, adequacy claimed for a country Switzerland does not recognise,
// and the Swiss-U.S. Data Privacy Framework used beyond its reach.
func checkSwissTools(c *j.Context, r *j.Report) {
	if !ch(c) {
		return
	}
	p := c.Project
	for i, t := range p.Transfers {
		if t == nil || Transfer(t).CHMechanism == "" {
			continue
		}
		path := model.Index("transfers", i)
		id := Transfer(t).CHMechanism
		if toolNotInForce(c, r, "ch", id, path+".ch_mechanism") {
			continue
		}
		switch id {
		case "CH_ADEQUACY":
			for k, d := range t.Destinations {
				dpath := model.Index(path+".destinations", k)
				if d == "CH" {
					continue
				}
				dec := Adequacy(c, "ch", d)
				switch {
				case dec == nil:
					r.Missing(dpath, "use CH_SCC (the EU clauses with the Swiss amendments) or another Swiss tool, or check the Swiss list in compiler/jurisdiction/eu/reference/adequacy.yaml",
						"%s is not on Switzerland's list of countries with adequate protection on %s", j.CountryInEnglish(d), c.Date)
				case dec.Requires != "":
					r.Missing(dpath, "use CH_US_DPF for recipients certified under the Swiss-U.S. Data Privacy Framework, or CH_SCC",
						"Switzerland recognises %s as adequate only for organisations certified under a framework (%s); name the framework instead of CH_ADEQUACY",
						j.CountryInEnglish(d), dec.Instrument)
				}
			}
		case "CH_US_DPF", "CH_PRIVACY_SHIELD":
			for k, d := range t.Destinations {
				if d != "US" {
					r.Missing(model.Index(path+".destinations", k), "list only US here, and use another transfer for other countries",
						"the Swiss-U.S. frameworks cover only transfers to the United States, not %s", j.CountryInEnglish(d))
				}
			}
			fw := "swiss_us"
			if id == "CH_PRIVACY_SHIELD" {
				fw = "privacy_shield_swiss_us"
			}
			for pi, pr := range p.Processors {
				if pr != nil && pr.Transfer == t.ID && id == "CH_US_DPF" && !Processor(pr).DPFSwiss.IsYes() {
					r.Missing(model.Index("processors", pi), "check the Data Privacy Framework List: set dpf_swiss: yes if the processor's listing includes the Swiss-U.S. Data Privacy Framework, otherwise use a transfer on CH_SCC",
						"processor %q is sent data from Switzerland under the Swiss-U.S. Data Privacy Framework (transfer %q) but is not marked as certified under it", pr.ID, t.ID)
				}
			}
			for _, rid := range t.Recipients {
				rc := j.Recipient(p, rid)
				if rc == nil || rc.Kind != "affiliate" {
					continue
				}
				d := Org(p.Organization).DPF
				if d == nil || !d.Certified.IsYes() || !slices.Contains(d.Frameworks, fw) {
					r.Missing(path+".ch_mechanism", "certify the U.S. entity under the Swiss-U.S. framework (organization.dpf.frameworks: "+fw+") or use CH_SCC for transfers within the group",
						"transfer %q sends data from Switzerland to our affiliates under %s, but organization.dpf does not certify an entity under %s", t.ID, id, fw)
				}
				break
			}
		}
	}
}
