package jurisdiction

import (
	"github.com/disclose-dev/disclose/compiler/notice"
)

// ChangesSection is the closing "Changes to this notice" section most
// notices share: how people are told of changes, in the team's words.
func ChangesSection(c *Context) *notice.Section {
	p := c.Project
	s := &notice.Section{ID: "changes", Title: string(c.T("closing.changes.title", nil))}
	s.Use("changes.notification")
	s.Add(&notice.Prose{Markdown: string(p.Changes.Notification)})
	return s
}

// ContactSection is the closing "Contact us" section: lead, then every way
// to reach the privacy contact.
func ContactSection(c *Context, lead notice.Text) *notice.Section {
	s := &notice.Section{ID: "contact", Title: string(c.T("closing.contact.title", nil))}
	s.Use("organization.privacy_contact")
	s.P(lead)
	s.Add(&notice.List{Items: ContactItems(c, c.Project.Organization.PrivacyContact)})
	return s
}
