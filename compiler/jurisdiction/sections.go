package jurisdiction

import (
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// ChangesSection is the closing "Changes to this notice" section most
// notices share: how people are told of changes, in the team's words.
func ChangesSection(p *model.Project) *notice.Section {
	s := &notice.Section{ID: "changes", Title: "Changes to this notice"}
	s.Use("changes.notification")
	s.Add(&notice.Prose{Markdown: string(p.Changes.Notification)})
	return s
}

// ContactSection is the closing "Contact us" section: lead, then every way
// to reach the privacy contact.
func ContactSection(p *model.Project, lead notice.Text) *notice.Section {
	s := &notice.Section{ID: "contact", Title: "Contact us"}
	s.Use("organization.privacy_contact")
	s.P(lead)
	s.Add(&notice.List{Items: ContactItems(p.Organization.PrivacyContact)})
	return s
}
