// Package brazil is the rule pack of the Brazilian privacy notice: the
// information the Lei Geral de Proteção de Dados Pessoais (LGPD, Lei
// 13.709/2018) gives people a right to (Art. 9, with the Art. 18 rights),
// the legal bases of Arts. 7 and 11, the encarregado (Art. 41), children's
// data (Art. 14), automated decisions (Art. 20) and international transfers
// (Art. 33, with the ANPD's Resolution CD/ANPD 19/2024 and its adequacy
// decisions as dated reference data). Its wording is English: the pack's
// own sentences are in its message catalogue, messages/en.yaml, written
// through the jurisdiction.Context (c.T, c.List, c.Day) with the shared
// wording's (addresses, contacts, periods). The notice also prints texts
// from the data: the descriptions of purposes and recipients (lgpd_description, or
// the shared description), lgpd_interest, lgpd_refusal, the brazil:
// section's request methods, verification, consent revocation, children's
// statement and retention criteria (or the shared rights:, children: and
// retention: texts), the organisation's description, categories' names,
// consequences and retention, automated decisions and
// changes.notification. A translation must translate both.
package brazil

import (
	"strings"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
)

// ID is the pack's id, and its notice's.
const ID = "brazil"

// Pack is the Brazil (LGPD) rule pack.
type Pack struct{}

// New returns the Brazil (LGPD) rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "Brazil (LGPD)" }

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "Brazil" }

// Audience says whom the notice is for, on the site's home page.
func (*Pack) Audience() string {
	return "People in Brazil: your rights under the Lei Geral de Proteção de Dados (LGPD)."
}

// Applies implements jurisdiction.Jurisdiction: the notice is published
// when the data's brazil: section says the LGPD applies (Art. 3), from the
// day its provisions on processing came into force. Without the section
// the pack is silent, as for a project with nothing in Brazil.
func (*Pack) Applies(c *j.Context) (bool, string) {
	b := Of(c.Project)
	switch {
	case c.Date < lgpdDate:
		return false, "the LGPD applies from 18 September 2020"
	case b == nil:
		return false, "the data has no brazil: section, so it does not say that the LGPD applies"
	case !b.Applies.IsYes():
		return false, "brazil.applies is no: the LGPD does not apply to the organisation's processing (Art. 3)"
	}
	why := make([]string, 0, len(b.Grounds))
	for _, g := range b.Grounds {
		why = append(why, groundWords[g])
	}
	if len(why) == 0 {
		return true, "brazil.applies is yes: the LGPD applies (Art. 3)"
	}
	return true, "the LGPD applies (Art. 3): " + strings.Join(why, "; ")
}

// groundWords say the grounds of Art. 3 in words.
var groundWords = map[string]string{
	"processing_in_brazil": "the processing is carried out in Brazil (Art. 3, I)",
	"offers_to_brazil":     "it offers or supplies goods or services to, or processes the data of, people in Brazil (Art. 3, II)",
	"collected_in_brazil":  "the data is collected in Brazil (Art. 3, III)",
}

// AppliesFrom implements jurisdiction.Applicability.
func (*Pack) AppliesFrom() []string { return []string{"brazil.applies"} }

// Requirements implements jurisdiction.Jurisdiction.
func (*Pack) Requirements() []*j.Requirement { return requirements }
