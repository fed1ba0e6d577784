package compiler_test

import (
	"slices"

	"github.com/disclose-dev/disclose/compiler/jurisdiction/brazil"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The Brazil pack's rule cases: each removes or changes the data one LGPD
// requirement needs, in a fresh copy of the sample. The LGPD asks for facts
// other laws ask for too (a controller, the consequence of not giving data,
// how to revoke consent), so some of the other packs' cases name an LGPD
// rule beside their own.
func init() {
	ruleCases = append(ruleCases, []ruleCase{
		{"the LGPD applies, but the data does not say why", "LGPD-3", "", func(p *model.Project) {
			brazil.Of(p).Grounds = nil
		}},
		{"no controller named for people in Brazil", "LGPD-9-III", "", func(p *model.Project) {
			brazil.Of(p).Controller = ""
		}},
		{"a processor named as the controller", "LGPD-9-III", "", func(p *model.Project) {
			p.Organization.Entities[0].Role = "processor"
			p.Organization.Entities[1].Role = "controller"
			brazil.Of(p).Controller = p.Organization.Entities[0].ID
		}},
		{"a recipient no purpose shares data with", "LGPD-9-V", "", func(p *model.Project) {
			for _, pu := range p.Purposes {
				pu.Recipients = slicesWithout(pu.Recipients, "event-partners")
			}
		}},
		{"a group company silent on its LGPD role", "LGPD-9-VI", "", func(p *model.Project) {
			brazil.Recipient(recipient(p, "affiliates")).LGPDRole = ""
		}},
		{"a consent-based purpose silent on refusing consent", "LGPD-18-VIII", "", func(p *model.Project) {
			brazil.Purpose(purpose(p, "testimonials")).LGPDRefusal = ""
		}},
		// Consent under the LGPD only: the GDPR bases are legitimate
		// interests, so only the LGPD asks how to revoke it.
		{"consent without how to revoke it", "LGPD-18-IX", "", func(p *model.Project) {
			for _, pu := range p.Purposes {
				f := eu.Purpose(pu)
				if !slices.Contains(f.LegalBases, "consent") {
					continue
				}
				f.LegalBases = slices.DeleteFunc(f.LegalBases, func(b string) bool { return b == "consent" || b == "legitimate_interests" })
				f.LegalBases = append(f.LegalBases, "legitimate_interests")
				if f.LegitimateInterest == "" {
					f.LegitimateInterest = "Promoting Helpwise to the businesses that visit our websites, in a way people can refuse."
				}
			}
			p.Rights.ConsentWithdrawal = ""
			brazil.Of(p).ConsentWithdrawal = ""
		}},
		// Data from partners only: the GDPR's Art. 13(2)(e) covers data
		// collected from the person, the LGPD's Art. 9 §3 any processing
		// that is a condition of the service.
		{"data required for the service without the consequence of not giving it", "LGPD-9-P3", "", func(p *model.Project) {
			category(p, "other-sources").Provision = "contractual"
		}},
		// Legitimate interests under the LGPD only: the GDPR basis is
		// consent, so only the LGPD asks which interest.
		{"legitimate interests without the interest", "LGPD-10-P2", "", func(p *model.Project) {
			brazil.Purpose(purpose(p, "testimonials")).LGPDBases = []string{"consent", "legitimate_interest"}
		}},
		{"a purpose without an LGPD basis", "LGPD-7", "", func(p *model.Project) {
			brazil.Purpose(purpose(p, "security")).LGPDBases = nil
		}},
		{"health data without an Art. 11 basis", "LGPD-11", "", func(p *model.Project) {
			// The GDPR's Art. 9 condition is given, the LGPD's Art. 11 basis not.
			category(p, "job-application").Special = []string{"health"}
			eu.Purpose(purpose(p, "recruitment")).Art9Condition = "employment"
			eu.Purpose(purpose(p, "legal-compliance")).Art9Condition = "legal_claims"
		}},
		{"criminal-offence data is not sensitive under the LGPD, biometric data is", "LGPD-11", "", func(p *model.Project) {
			category(p, "cctv").Special = []string{"criminal_offences"}
			category(p, "recordings").Special = []string{"biometric"}
			eu.Purpose(purpose(p, "office-security")).Art10Basis = "Section 10 and Schedule 1 of the Data Protection Act 2018."
			for _, id := range []string{"sales-call-coaching", "testimonials"} {
				eu.Purpose(purpose(p, id)).Art9Condition = "explicit_consent"
			}
			eu.Purpose(purpose(p, "legal-compliance")).Art9Condition = "legal_claims"
			eu.Purpose(purpose(p, "legal-compliance")).Art10Basis = "Section 10 and Schedule 1 of the Data Protection Act 2018."
		}},
		{"an automated decision silent on Art. 20", "LGPD-20", "", func(p *model.Project) {
			brazil.Decision(p.AutomatedDecisions.Decisions[1]).LGPDArt20 = ""
		}},
		{"a reviewable automated decision without its criteria", "LGPD-20", "", func(p *model.Project) {
			p.AutomatedDecisions.Decisions[0].Logic = ""
		}},
		{"no encarregado", "LGPD-41", "", func(p *model.Project) {
			brazil.Of(p).Encarregado = nil
		}},
		{"an encarregado without a name", "LGPD-41", "", func(p *model.Project) {
			brazil.Of(p).Encarregado.Name = ""
		}},
		{"an encarregado without a way to reach them", "LGPD-41", "", func(p *model.Project) {
			brazil.Of(p).Encarregado = &model.Contact{Name: "Mariana Costa Ribeiro"}
		}},
		{"a service for children without parental consent", "LGPD-14-1", "", func(p *model.Project) {
			forChildren(p)
			brazil.Of(p).ChildrenData = "Children's first names and the games they play, to save their progress."
		}},
		{"a service for children without the data collected from them", "LGPD-14-2", "", func(p *model.Project) {
			forChildren(p)
			brazil.Of(p).ParentalConsent = "A parent confirms by email, and we check the address before the account opens."
		}},
		{"a Brazilian transfer without its Art. 33 mechanism", "LGPD-33", "", func(p *model.Project) {
			brazilTransfer(p, "br-us-operators").Mechanism = ""
		}},
		// Old data, without Brazil's own records: the core transfers carry
		// the LGPD facts, and one that carries LGPD data needs a mechanism.
		// The EU's grouping puts courts in the United Kingdom on the
		// ANPD's clauses with everyone else there, which LGPD-33-AUTH
		// refuses: why Brazil has its own records.
		{"without Brazil's own records, a transfer without its Art. 33 mechanism", "LGPD-33 LGPD-33-AUTH", "", func(p *model.Project) {
			brazil.Of(p).Transfers = nil
			for _, t := range p.Transfers {
				if !brazil.Transfer(t).LGPDTransfer.IsNo() {
					brazil.Transfer(t).LGPDMechanism = "anpd_scc"
				}
			}
			brazil.Transfer(transfer(p, "us-legal-claims")).LGPDMechanism = "exercise_of_rights"
			brazil.Transfer(transfer(p, "uk-to-eea")).LGPDTransfer = model.No
			for _, t := range p.Transfers {
				if slices.Contains(t.Destinations, "IE") || slices.Contains(t.Destinations, "DE") {
					brazil.Transfer(t).LGPDTransfer = model.Yes
					brazil.Transfer(t).LGPDMechanism = "anpd_adequacy"
				}
			}
			brazil.Transfer(transfer(p, "us-scc")).LGPDMechanism = ""
		}},
		{"a core transfer still giving its LGPD mechanism beside Brazil's own records", "LGPD-33", "", func(p *model.Project) {
			brazil.Transfer(transfer(p, "us-dpf")).LGPDMechanism = "anpd_scc"
		}},
		{"the ANPD's standard clauses before Resolution 19/2024", "LGPD-33", "2024-08-22", func(p *model.Project) {}},
		{"other clauses after the deadline to incorporate the ANPD's", "LGPD-33", "", func(p *model.Project) {
			brazilTransfer(p, "br-us-operators").Mechanism = "contract_clauses_transition"
		}},
		{"ANPD adequacy claimed for the United Kingdom", "LGPD-33", "", func(p *model.Project) {
			brazilTransfer(p, "br-gb").Mechanism = "anpd_adequacy"
		}},
		{"ANPD adequacy for the EEA before Resolution 32/2026", "LGPD-33", "2026-01-26", func(p *model.Project) {}},
		{"a country where a recipient holds Brazilian data without a transfer", "LGPD-33-COVER", "", func(p *model.Project) {
			b := brazil.Of(p)
			b.Transfers = slices.DeleteFunc(b.Transfers, func(t *brazil.TransferRecord) bool { return t.ID == "br-eea" })
		}},
		{"a processor's location without a transfer", "LGPD-33-COVER GDPR-13-1-f", "", func(p *model.Project) {
			for _, pr := range p.Processors {
				if pr.ID == "aws" {
					pr.Locations = append(pr.Locations, "JP")
				}
			}
		}},
		{"courts and regulators on the ANPD's standard clauses", "LGPD-33-AUTH", "", func(p *model.Project) {
			brazilTransfer(p, "br-gb").Recipients = append(brazilTransfer(p, "br-gb").Recipients, "authorities")
		}},
	}...)
}

func slicesWithout(list []string, x string) []string {
	var out []string
	for _, s := range list {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}

// brazilTransfer returns Brazil's own transfer record id.
func brazilTransfer(p *model.Project, id string) *brazil.TransferRecord {
	for _, t := range brazil.Of(p).Transfers {
		if t.ID == id {
			return t
		}
	}
	panic("no Brazilian transfer " + id)
}
