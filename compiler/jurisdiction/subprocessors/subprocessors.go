// Package subprocessors is the rule pack of the sub-processor list: the
// document business customers rely on under GDPR Art. 28(2) (prior notice of
// a new sub-processor, with the chance to object) and EDPB Opinion 22/2024.
// It is a notice like the others: compiled, checked, released, diffed and
// published through the same registry.
package subprocessors

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// ID is the sub-processor list's id: its address and its versions' folder.
const ID = "subprocessors"

// Pack is the sub-processor list's rule pack.
type Pack struct{}

// New returns the sub-processor list's rule pack.
func New() *Pack { return &Pack{} }

// ID implements jurisdiction.Jurisdiction.
func (*Pack) ID() string { return ID }

// Name implements jurisdiction.Jurisdiction.
func (*Pack) Name() string { return "Sub-processor list (GDPR Art. 28, EDPB Opinion 22/2024)" }

// Applies implements jurisdiction.Jurisdiction: the list is published when
// the project lists processors, unless the organisation says it is no
// processor for business customers.
func (*Pack) Applies(c *j.Context) (bool, string) {
	switch {
	case len(c.Project.Processors) == 0:
		return false, "the project lists no processors"
	case processorForCustomers(c.Project).IsNo():
		return false, "the organisation processes no personal data on behalf of business customers (organization.processor_for_customers: no)"
	}
	return true, "the project lists the processors it uses for its business customers' data"
}

// Requirements implements jurisdiction.Jurisdiction. Each processor's
// name, service and location are required by the model; the notice window
// of a new sub-processor is judged here against the as-of day, and by
// release against the version released before (CheckRelease).
func (*Pack) Requirements() []*j.Requirement { return requirements }

var requirements = []*j.Requirement{
	{ID: "SUBP-28-2-a", Citation: "GDPR Art. 28(2), first sentence; UK GDPR Art. 28(2)", Severity: diag.Error,
		Summary: "Whether customers gave prior specific or general written authorisation to engage sub-processors.",
		Section: "changes", Data: []string{"changes.subprocessor_authorisation"},
		Each: j.ForEach(j.Each{In: "changes", Require: []string{"subprocessor_authorisation"},
			Message: "the sub-processor list does not say whether customers gave specific or general written authorisation to engage sub-processors",
			Hint:    "add subprocessor_authorisation: general (or specific) under changes:, as your data processing agreement says"})},
	{ID: "SUBP-EDPB-22-2024", Citation: "EDPB Opinion 22/2024, paras. 25-32", Severity: diag.Error, From: "2024-10-07",
		Summary: "The identity of every sub-processor readily available: name, address and contact, with its country and service.",
		Section: "list", Data: []string{"processors.name", "processors.address", "processors.contact", "processors.country", "processors.service"},
		Each: j.ForEach(
			j.Each{In: "processors", Require: []string{"address"}, Noun: "sub-processor",
				Message: "sub-processor {id} has no address; customers must have each sub-processor's name, address and contact readily available",
				Hint:    "add address: to sub-processor {id} (its contracting entity's registered or business address)"},
			j.Each{In: "processors", Require: []string{"contact"}, Noun: "sub-processor",
				Message: "sub-processor {id} has no contact; customers must have each sub-processor's name, address and contact readily available",
				Hint:    "add contact: to sub-processor {id} (its data protection contact: a name, an email address or a web form)"},
		)},
	{ID: "SUBP-28-2-b", Citation: "GDPR Art. 28(2), second sentence; UK GDPR Art. 28(2)", Severity: diag.Error,
		Summary: "Under general authorisation, customers are told of a new sub-processor, with time to object, the agreed notice period before it is used.",
		When:    "a sub-processor not yet in use, or one with the date customers were told, under general authorisation with a notice period",
		Section: "changes", Data: []string{"processors.added", "processors.notice_sent", "changes.subprocessor_notice_days"},
		Check: checkNoticeWindow},
}

// checkNoticeWindow judges each sub-processor's notice window on the as-of
// day: customers were told on notice_sent, or, for one not yet in use that
// gives no such date, no earlier than the day this list is published.
func checkNoticeWindow(c *j.Context, r *j.Report) {
	t := Terms(c.Project)
	n := t.SubprocessorNoticeDays
	if n == 0 || t.SubprocessorAuthorisation == "specific" {
		return // no agreed period; under specific authorisation each one is authorised in advance
	}
	for i, pr := range c.Project.Processors {
		if !pr.Added.Valid() {
			continue
		}
		path := model.Index("processors", i)
		switch {
		case pr.NoticeSent.Valid():
			if got := days(pr.NoticeSent, pr.Added); got < n {
				r.Missing(path+".added", fmt.Sprintf("use %s from %s at the earliest, or tell customers earlier", pr.ID, pr.NoticeSent.AddDays(n)),
					"sub-processor %q is first used on %s, %d days after customers were told on %s; the notice period agreed with them is %d days (changes.subprocessor_notice_days)",
					pr.ID, pr.Added, got, pr.NoticeSent, n)
			}
		case pr.Added > c.Date:
			if got := days(c.Date, pr.Added); got < n {
				r.Missing(path+".added", fmt.Sprintf("add notice_sent: with the day customers were told, or use %s from %s at the earliest", pr.ID, c.Date.AddDays(n)),
					"sub-processor %q is to be used from %s, %d days after this list takes effect on %s, and the data does not say customers were told earlier; the notice period agreed with them is %d days",
					pr.ID, pr.Added, got, c.Date, n)
			}
		}
	}
}

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	return compile(c), nil
}

// Audience says whom the list is for, on the site's home page.
func (*Pack) Audience() string {
	return "Business customers: the service providers that process personal data for us."
}

// MaterialChangeNoticeDays is changes.subprocessor_notice_days: the notice
// customers get of a new sub-processor.
func (*Pack) MaterialChangeNoticeDays(p *model.Project) int {
	return Terms(p).SubprocessorNoticeDays
}

// CheckRelease implements jurisdiction.ReleaseChecker: a new sub-processor
// may be used only after customers had changes.subprocessor_notice_days to
// object (GDPR Art. 28(2)), counted from when they were told (notice_sent,
// else the release date).
func (*Pack) CheckRelease(p *model.Project, released model.Date, lastData []byte) error {
	if Terms(p).SubprocessorNoticeDays == 0 || lastData == nil {
		return nil // no notice period, or the first list: nothing was added to it
	}
	var snap struct {
		Processors []struct {
			ID string `json:"id"`
		} `json:"processors"`
	}
	if err := json.Unmarshal(lastData, &snap); err != nil {
		return err
	}
	known := map[string]bool{}
	for _, pr := range snap.Processors {
		known[pr.ID] = true
	}
	n := Terms(p).SubprocessorNoticeDays
	for _, pr := range p.Processors {
		if known[pr.ID] || pr.Added == "" {
			continue
		}
		announced := released
		if pr.NoticeSent.Valid() && pr.NoticeSent < announced {
			announced = pr.NoticeSent
		}
		if got := days(announced, pr.Added); got < n {
			return fmt.Errorf("new sub-processor %s is first used on %s, %d days after customers were told (%s); the notice period agreed with customers is %d days (changes.subprocessor_notice_days; prior information under GDPR Art. 28(2))",
				pr.ID, pr.Added, got, announced, n)
		}
	}
	return nil
}

// days is the number of days from one date to another (0 when either is
// not a date).
func days(from, to model.Date) int {
	if !from.Valid() || !to.Valid() {
		return 0
	}
	return from.DaysUntil(to)
}

// compile builds the sub-processor list business customers rely on
// under GDPR Art. 28(2) and EDPB Opinion 22/2024: each processor's name and
// contracting entity, service, purposes, locations and transfer safeguard,
// with processors not yet in use marked with their start date. It returns
// nil when the project lists no processors. Its dates are those of the
// version, like every notice's: effective c.Date, last updated
// c.LastUpdated (a processor's own dates are shown in the table, not as the
// list's).
func compile(c *j.Context) *notice.Document {
	p := c.Project
	if len(p.Processors) == 0 {
		return nil
	}
	doc := &notice.Document{ID: ID, Title: "Sub-processors", Organization: p.Organization.Name,
		Effective: c.Date, LastUpdated: c.LastUpdated}
	s := &notice.Section{ID: "list", Title: "Our sub-processors"}
	s.P(notice.Plain(p.Organization.Name) + " uses these service providers to process personal data on its behalf, including personal data it processes for its business customers.")
	var rows [][]notice.Text
	var planned []notice.Text
	var ids []notice.Definition // each one's address and contact (EDPB Opinion 22/2024)
	for i, pr := range p.Processors {
		s.Use(model.Index("processors", i))
		name := notice.Strong(notice.Plain(pr.Name))
		if pr.LegalName != "" && pr.LegalName != pr.Name {
			name += " (" + notice.Plain(pr.LegalName) + ")"
		}
		if pr.Added != "" && pr.Added > c.Date {
			planned = append(planned, notice.Plain(pr.Name)+" from "+notice.Plain(string(pr.Added)))
			name += ", from " + notice.Plain(string(pr.Added))
		}
		var purposes []notice.Text
		for _, id := range pr.Purposes {
			for j, pu := range p.Purposes {
				if pu.ID == id {
					s.Use(model.Index("purposes", j))
					purposes = append(purposes, notice.Plain(pu.Name))
				}
			}
		}
		where := append([]string{pr.Country}, pr.Locations...)
		var uniq []string
		for _, w := range where {
			if w != "" && !slices.Contains(uniq, w) {
				uniq = append(uniq, w)
			}
		}
		safeguard := notice.Text("None needed")
		if t := j.Transfer(p, pr.Transfer); t != nil {
			var tools []notice.Text
			if tool := eu.Tool(c, "eu", eu.Transfer(t).Mechanism); tool != nil {
				tools = append(tools, "EU: "+notice.Plain(tool.Name))
			}
			if tool := eu.Tool(c, "uk", eu.Transfer(t).UKMechanism); tool != nil {
				tools = append(tools, "UK: "+notice.Plain(tool.Name))
			}
			safeguard = notice.Series(tools, "and")
		}
		rows = append(rows, []notice.Text{name, notice.Plain(pr.Service), notice.Series(purposes, "and"),
			notice.Text(j.UpperFirst(string(j.Countries(uniq)))), safeguard})
		if id := identity(pr); id != "" {
			ids = append(ids, notice.Definition{Term: notice.Plain(pr.Name), Text: id})
		}
	}
	s.Add(&notice.Table{Caption: "Sub-processors", Head: []string{"Sub-processor", "Service", "Purposes", "Where", "Transfer safeguard"}, Rows: rows})
	if len(planned) > 0 {
		s.P("We will use these new sub-processors only from the date shown: " + notice.Series(planned, "and") + ".")
	}
	if len(ids) > 0 {
		s.P("Each sub-processor's address and data protection contact:")
		s.Add(&notice.Definitions{Items: ids})
	}
	doc.Sections = append(doc.Sections, s)
	if ch := Terms(p); ch.SubprocessorAuthorisation != "" || ch.SubprocessorNoticeDays > 0 || ch.SubprocessorObjection != "" || ch.SubprocessorSubscribeURL != "" {
		cs := &notice.Section{ID: "changes", Title: "Changes to this list"}
		cs.Use("changes")
		switch ch.SubprocessorAuthorisation {
		case "general":
			cs.P("Our customers have given us general written authorisation to engage sub-processors; we tell them of any intended addition or replacement, and they may object to it.")
		case "specific":
			cs.P("We engage a new sub-processor only with our customers' prior specific written authorisation.")
		}
		if ch.SubprocessorNoticeDays > 0 && ch.SubprocessorAuthorisation != "specific" {
			cs.P(notice.Sentence(notice.Text("We tell our customers about a new sub-processor at least " + strconv.Itoa(ch.SubprocessorNoticeDays) + " days before we start using it")))
		}
		if ch.SubprocessorSubscribeURL != "" {
			cs.P("To be told about changes, " + notice.Link("subscribe to updates", ch.SubprocessorSubscribeURL) + ".")
		}
		if ch.SubprocessorObjection != "" {
			cs.Add(&notice.Prose{Markdown: string(ch.SubprocessorObjection)})
		}
		doc.Sections = append(doc.Sections, cs)
	}
	return doc
}

// identity is a sub-processor's address and data protection contact, the
// identity EDPB Opinion 22/2024 says customers must have readily available.
func identity(pr *model.Processor) notice.Text {
	var parts []string
	if pr.Address != nil {
		parts = append(parts, string(j.Address(pr.Address)))
	}
	if ways := j.ContactWays(pr.Contact); ways != "" {
		if pr.Contact.Name != "" {
			ways = notice.Plain(pr.Contact.Name) + ": " + ways
		}
		parts = append(parts, string(ways))
	}
	return notice.Text(strings.Join(parts, "; "))
}
