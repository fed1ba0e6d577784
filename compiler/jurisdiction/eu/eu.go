// Package eu is the rule pack of the European supplement: the information
// GDPR Arts. 13 and 14 require, for the EU GDPR and the UK GDPR side by side
// where they differ (supervisory authority, representative, DPO, legal bases,
// transfer tools, complaints), with Switzerland's Federal Act on Data
// Protection beside them when the data says it applies (FADP Arts. 14, 19,
// 21 and the rights; the 1992 Act before 1 September 2023), and the
// transfer rules of GDPR Arts. 44-49 and FADP Arts. 16-17 checked against
// the dated adequacy lists and transfer tools of the reference data.
package eu

import (
	"fmt"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// GDPRDate is the day the GDPR began to apply; UKDate the first day of the
// UK GDPR (the end of the Brexit transition period).
const (
	GDPRDate = "2018-05-25"
	UKDate   = "2021-01-01"
)

// Pack is the European rule pack.
type Pack struct{}

// New returns the European rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// ID is the pack's id, and its notice's.
const ID = "eu"

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "European supplement (EU GDPR, UK GDPR and Swiss FADP)" }

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "Europe" }

// LabelIn implements jurisdiction.LabelerIn: the short name in the
// Context's language (Label is its English).
func (*Pack) LabelIn(c *j.Context) string { return string(c.T("notice.label", nil)) }

// Audience says whom the notice is for, on the site's home page.
func (*Pack) Audience() string {
	return "People in the European Economic Area and the United Kingdom, and in Switzerland: legal bases, transfers and your rights under the GDPR and the Swiss FADP."
}

// Applies implements jurisdiction.Jurisdiction: the supplement is needed when
// the organisation is established in, or offers services to or monitors
// people in, the EEA, the UK or Switzerland, from the day the GDPR applies.
func (*Pack) Applies(c *j.Context) (bool, string) {
	if c.Date < GDPRDate {
		return false, "the GDPR applies from 25 May 2018"
	}
	if eu(c) || uk(c) || ch(c) {
		return true, "the organisation is established in, or offers services to or monitors people in, Europe"
	}
	return false, "organization says it is neither established in nor targets the EEA, the UK or Switzerland"
}

// AppliesFrom implements jurisdiction.Applicability.
func (*Pack) AppliesFrom() []string {
	return []string{"organization.established_in_eu", "organization.targets_eu", "organization.established_in_uk", "organization.targets_uk",
		"organization.registered_in_ch", "organization.targets_ch"}
}

// eu reports whether the EU GDPR applies (Art. 3).
func eu(c *j.Context) bool {
	o := c.Project.Organization
	return o != nil && (o.EstablishedInEU.IsYes() || o.TargetsEU.IsYes())
}

// uk reports whether the UK GDPR applies on c.Date (before 2021 the UK was
// under the EU GDPR).
func uk(c *j.Context) bool {
	o := c.Project.Organization
	return o != nil && c.Date >= UKDate && (o.EstablishedInUK.IsYes() || o.TargetsUK.IsYes())
}

// ukGDPR is uk as a condition on the data, for declarative rules: the UK
// GDPR applies to an organisation established in or targeting the UK. Its
// date is the rules': every requirement that uses it is in force only from
// UKDate or later.
var ukGDPR = j.Named("the UK GDPR applies", "the UK GDPR does not apply",
	j.AnyOf(j.IsYes("organization.established_in_uk"), j.IsYes("organization.targets_uk")))

// Requirements implements jurisdiction.Jurisdiction.
func (*Pack) Requirements() []*j.Requirement { return requirements }

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p, uk: uk(c), eu: eu(c), ch: ch(c)}
	doc := j.NewDocument(c, "eu", string(c.T("notice.title", nil)), p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.controller(), b.glance(), b.purposes(), b.special(), b.provision(), b.indirect(), b.recipients(),
		b.transfers(), b.retention(), b.rights(), b.cookiesUK(), b.children(), b.automated(), b.complaints(), b.changes(), b.contact(),
	)
	return doc, nil
}

// Extensions implements jurisdiction.Extender: the pack's own data.
func (*Pack) Extensions() model.Extensions { return extensions() }

// CheckRelease implements jurisdiction.ReleaseChecker: GDPR Art. 13(3) and
// 14(4). A purpose new since the version last released must be published
// before the processing for it starts: the version that describes it may
// take effect on its first_used day at the latest, or, for a purpose
// already in use, on the day of release, which cures the delay; a later
// effective date leaves people uninformed while it is used. Publishing is
// never refused for being late, only for being later than it can be.
func (*Pack) CheckRelease(p *model.Project, released, effective model.Date, lastData []byte) error {
	if lastData == nil {
		return nil // the first notice: nothing was in use under an earlier one
	}
	known, err := j.SnapshotIDs(lastData, "purposes")
	if err != nil {
		return err
	}
	for _, pu := range p.Purposes {
		if pu == nil || known[pu.ID] || !pu.FirstUsed.Valid() {
			continue
		}
		latest := max(pu.FirstUsed, released)
		if effective > latest {
			return fmt.Errorf("new purpose %s is first used on %s, but this release takes effect on %s: the European notice must describe a new purpose before the processing for it starts (GDPR Art. 13(3), 14(4); rule GDPR-13-3). Make the release take effect on %s at the latest, or start the purpose later (purposes[].first_used)",
				pu.ID, pu.FirstUsed, effective, latest)
		}
	}
	return nil
}
