// Package subprocessors is the rule pack of the sub-processor list: the
// document business customers rely on under GDPR Art. 28(2) (prior notice of
// a new sub-processor, with the chance to object) and EDPB Opinion 22/2024.
// It is a notice like the others: compiled, checked, released, diffed and
// published through the same registry.
package subprocessors

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/locale"
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
	case len(listed(c.Project)) == 0:
		return false, "the project lists no processors of its customers' data"
	case processorForCustomers(c.Project).IsNo():
		return false, "the organisation processes no personal data on behalf of business customers (organization.processor_for_customers: no)"
	}
	return true, "the project lists the processors it uses for its business customers' data"
}

// AppliesFrom implements jurisdiction.Applicability.
func (*Pack) AppliesFrom() []string {
	return []string{"organization.processor_for_customers", "processors"}
}

// Requirements implements jurisdiction.Jurisdiction. Each processor's
// name, service and location are required by the model; the notice window
// of a new sub-processor is judged here against the as-of day, and by
// release against the version released before (CheckRelease).
func (*Pack) Requirements() []*j.Requirement { return requirements }

// onList holds for a processor on the sub-processor list.
var onList = j.Named("it processes customers' data", "it works only for our own purposes", j.Not(j.IsNo("customer_data")))

// listed returns the processors on the sub-processor list.
func listed(p *model.Project) []*model.Processor {
	var out []*model.Processor
	for _, pr := range p.Processors {
		if pr != nil && Listed(pr) {
			out = append(out, pr)
		}
	}
	return out
}

var requirements = []*j.Requirement{
	{ID: "SUBP-28-2-a", Citation: "GDPR Art. 28(2), first sentence; UK GDPR Art. 28(2)", Severity: diag.Error,
		Summary: "Whether customers gave prior specific or general written authorisation to engage sub-processors.",
		Section: "changes", Data: []string{"changes.subprocessor_authorisation"},
		Each: j.ForEach(j.Each{In: "changes", Require: []string{"subprocessor_authorisation"},
			Message: "the sub-processor list does not say whether customers gave specific or general written authorisation to engage sub-processors",
			Hint:    "add subprocessor_authorisation: general (or specific) under changes:, as your data processing agreement says"})},
	// An Art. 64(2) opinion interprets Art. 28 as it stood from the start:
	// the expectation is dated from the GDPR, not from the opinion.
	{ID: "SUBP-EDPB-22-2024", Citation: "GDPR Arts. 24(1), 28(1)-(2), as read by EDPB Opinion 22/2024, paras. 25-32", Severity: diag.Error, From: "2018-05-25",
		Summary: "The identity of every sub-processor readily available: name, address and contact person, with its country and service.",
		Section: "list", Data: []string{"processors.name", "processors.address", "processors.contact", "processors.country", "processors.service"},
		Each: j.ForEach(
			j.Each{In: "processors", Where: onList, Require: []string{"address"}, Noun: "sub-processor",
				Message: "sub-processor {id} has no address; the EDPB expects customers to have each sub-processor's name, address and contact person readily available",
				Hint:    "add address: to sub-processor {id} (its contracting entity's registered or business address)"},
			j.Each{In: "processors", Where: onList, Require: []string{"contact"}, Noun: "sub-processor",
				Message: "sub-processor {id} has no contact; the EDPB expects customers to have each sub-processor's name, address and contact person readily available",
				Hint:    "add contact: to sub-processor {id} (its data protection contact: a name with an email address or a web form)"},
		)},
	{ID: "SUBP-28-2-b", Citation: "GDPR Art. 28(2), second sentence; UK GDPR Art. 28(2)", Severity: diag.Error,
		Summary: "Under general authorisation, customers are told of a new sub-processor, with time to object, the agreed notice period before it is used.",
		// Under general authorisation the list promises notice and a right
		// to object: the period and the way to object must be stated.
		Each: j.ForEach(j.Each{In: "changes", Where: j.Is("subprocessor_authorisation", "general"),
			Require: []string{"subprocessor_notice_days", "subprocessor_objection"},
			Message: "customers gave general authorisation, so the list must say how long before a new sub-processor they are told and how they object",
			Hint:    "add subprocessor_notice_days: (the period your data processing agreement gives) and subprocessor_objection: (how customers object)"}),
		When:    "a sub-processor not yet in use, or one with the date customers were told",
		Section: "changes", Data: []string{"processors.added", "processors.notice_sent", "changes.subprocessor_notice_days", "changes.subprocessor_objection"},
		Check: checkNoticeWindow},
	{ID: "SUBP-28-4", Citation: "GDPR Arts. 28(4), 44, 46; Commission Implementing Decision (EU) 2021/914, module 3", Severity: diag.Error, From: "2018-05-25",
		Summary: "For each sub-processor outside the EEA without an adequacy decision that covers it: the safeguard of the onward transfer of customers' data, and the company of the group that exports it.",
		When:    "a sub-processor processes customers' data outside the EEA", Section: "list",
		Data: []string{"processors.onward", "processors.country", "processors.locations"}, Check: checkOnward},
}

// abroad returns the first country a processor processes in that needs a
// safeguard for EU data on c's date: outside the EEA and without an
// adequacy decision covering the processor (the United States' covers only
// certified recipients).
func abroad(c *j.Context, pr *model.Processor) string {
	for _, country := range append([]string{pr.Country}, pr.Locations...) {
		if country == "" || eu.InEEA(c, country) {
			continue
		}
		a := eu.Adequacy(c, "eu", country)
		if a == nil || a.Requires == "dpf" && !pr.DPFCertified.IsYes() {
			return country
		}
	}
	return ""
}

// checkOnward reports a sub-processor of customers' data abroad whose
// onward-transfer safeguard the list cannot name, or names wrongly: the
// controller's own transfer tools do not cover data we process as a
// processor (module 2 is controller to processor; here it is module 3).
func checkOnward(c *j.Context, r *j.Report) {
	for i, pr := range c.Project.Processors {
		if pr == nil || !Listed(pr) {
			continue
		}
		path := model.Index("processors", i)
		on := Processor(pr).Onward
		country := abroad(c, pr)
		switch {
		case on == nil && country != "":
			r.Missing(path+".onward",
				"add onward: with exporter: (the company of the group that sends customers' data), mechanism: (SCC_2021_914 with scc_module: 3, or EU_US_DPF for a certified recipient) and uk_mechanism:",
				"sub-processor %q processes customers' data in %s, so the list must name the safeguard of that onward transfer and its exporter", pr.ID, model.CountryName(country))
		case on != nil && on.Mechanism == "EU_US_DPF" && !pr.DPFCertified.IsYes():
			r.Missing(path+".onward.mechanism", "use SCC_2021_914 with scc_module: 3, or set dpf_certified: yes if it is certified",
				"sub-processor %q relies on the Data Privacy Framework for customers' data, but it is not certified under it (dpf_certified)", pr.ID)
		case on != nil && on.Mechanism == "ADEQUACY" && country != "":
			r.Missing(path+".onward.mechanism", "use SCC_2021_914 with scc_module: 3",
				"sub-processor %q relies on an adequacy decision for customers' data, but %s has none that covers it on %s", pr.ID, model.CountryName(country), c.Date)
		}
	}
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
		if !pr.Added.Valid() || !Listed(pr) {
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
			// Publishing the list is not telling customers (Art. 28(2):
			// "inform"; the subscription is theirs to take up).
			r.Missing(path, fmt.Sprintf("add notice_sent: with the day customers were told of %s; it must be at least %d days before %s", pr.ID, n, pr.Added),
				"sub-processor %q is to be used from %s, but the data does not say when customers were told of it; under general authorisation they must be told at least %d days before",
				pr.ID, pr.Added, n)
		}
	}
}

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	return compile(c), nil
}

// DataTables implements jurisdiction.DataTabler: the list's table, in
// every version (its first table, in the section "list"), is published as
// subprocessors.csv and subprocessors.json too.
func (*Pack) DataTables(doc *notice.Document) []notice.DataTable {
	if s := doc.Section("list"); s != nil {
		for _, b := range s.Blocks {
			if t, ok := b.(*notice.Table); ok {
				return []notice.DataTable{{Name: "subprocessors", Title: doc.Title, Table: t}}
			}
		}
	}
	return nil
}

// Label implements jurisdiction.Labeler: the notice in the site's navigation.
func (*Pack) Label() string { return "Sub-processors" }

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
func (*Pack) CheckRelease(p *model.Project, released, _ model.Date, lastData []byte) error {
	if Terms(p).SubprocessorNoticeDays == 0 || Terms(p).SubprocessorAuthorisation == "specific" || lastData == nil {
		return nil // no notice period, authorised one by one, or the first list: nothing was added to it
	}
	known, err := j.SnapshotIDs(lastData, "processors")
	if err != nil {
		return err
	}
	n := Terms(p).SubprocessorNoticeDays
	for _, pr := range p.Processors {
		if known[pr.ID] || !Listed(pr) {
			continue
		}
		if pr.Added == "" {
			return fmt.Errorf("new sub-processor %s has no start date (processors[].added): customers must be told %d days before it is used (changes.subprocessor_notice_days; prior information under GDPR Art. 28(2))",
				pr.ID, n)
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
	if len(listed(p)) == 0 {
		return nil
	}
	doc := &notice.Document{ID: ID, Title: string(c.T("notice.title", nil)), Organization: p.Organization.Name,
		Effective: c.Date, LastUpdated: c.LastUpdated}
	s := &notice.Section{ID: "list", Title: string(c.T("list.title", nil))}
	s.P(c.T("list.intro", locale.Data{"Org": notice.Plain(p.Organization.Name)}))
	var rows [][]notice.Text
	var planned []notice.Text
	var ids []notice.Definition // each one's address and contact (EDPB Opinion 22/2024)
	for i, pr := range p.Processors {
		if pr == nil || !Listed(pr) {
			continue
		}
		s.Use(model.Index("processors", i))
		name := notice.Strong(notice.Plain(pr.Name))
		if pr.LegalName != "" && pr.LegalName != pr.Name {
			name = c.T("list.name.legal", locale.Data{"Name": name, "LegalName": notice.Plain(pr.LegalName)})
		}
		if pr.Added != "" && pr.Added > c.Date {
			d := locale.Data{"Name": notice.Plain(pr.Name), "Added": notice.Plain(string(pr.Added))}
			when := c.T("list.planned", d)
			if pr.NoticeSent.Valid() {
				d["Sent"] = notice.Plain(string(pr.NoticeSent))
				when = c.T("list.planned.announced", d)
				if n := Terms(p).SubprocessorNoticeDays; n > 0 && Terms(p).SubprocessorAuthorisation == "general" {
					s.Use("changes.subprocessor_notice_days")
					d["Objections"] = notice.Plain(string(pr.NoticeSent.AddDays(n)))
					when = c.T("list.planned.objections", d)
				}
			}
			planned = append(planned, when)
			name = c.T("list.name.from", locale.Data{"Name": name, "Added": notice.Plain(string(pr.Added))})
		}
		where := append([]string{pr.Country}, pr.Locations...)
		var uniq []string
		for _, w := range where {
			if w != "" && !slices.Contains(uniq, w) {
				uniq = append(uniq, w)
			}
		}
		safeguard := onwardSafeguard(c, pr)
		rows = append(rows, []notice.Text{name, notice.Plain(pr.Service),
			notice.Text(j.UpperFirst(string(j.Countries(c, uniq)))), safeguard})
		if id := identity(c, pr); id != "" {
			ids = append(ids, notice.Definition{Term: notice.Plain(pr.Name), Text: id})
		}
	}
	s.Add(&notice.Table{Caption: string(c.T("list.table.caption", nil)), Head: []string{string(c.T("list.table.subprocessor", nil)),
		string(c.T("list.table.service", nil)), string(c.T("list.table.where", nil)), string(c.T("list.table.safeguard", nil))}, Rows: rows})
	if len(planned) > 0 {
		s.P(c.T("list.planned.lead", locale.Data{"Planned": c.List(planned, locale.And)}))
	}
	if len(ids) > 0 {
		s.P(c.T("list.identities", nil))
		s.Add(&notice.Definitions{Items: ids})
	}
	doc.Sections = append(doc.Sections, s)
	if ch := Terms(p); ch.SubprocessorAuthorisation != "" || ch.SubprocessorNoticeDays > 0 || ch.SubprocessorObjection != "" || ch.SubprocessorSubscribeURL != "" {
		cs := &notice.Section{ID: "changes", Title: string(c.T("changes.title", nil))}
		cs.Use("changes")
		switch ch.SubprocessorAuthorisation {
		case "general":
			cs.P(c.T("changes.general", nil))
		case "specific":
			cs.P(c.T("changes.specific", nil))
		}
		if ch.SubprocessorNoticeDays > 0 && ch.SubprocessorAuthorisation != "specific" {
			cs.P(c.T("changes.notice-days", locale.Data{"Days": c.Format().Number(int64(ch.SubprocessorNoticeDays))}))
		}
		if ch.SubprocessorSubscribeURL != "" {
			cs.P(c.T("changes.subscribe", locale.Data{"Subscribe": notice.Link(c.T("changes.subscribe.link", nil), ch.SubprocessorSubscribeURL)}))
		}
		if ch.SubprocessorObjection != "" {
			cs.Add(&notice.Prose{Markdown: string(ch.SubprocessorObjection)})
		}
		doc.Sections = append(doc.Sections, cs)
	}
	doc.Summary = summary(c)
	return doc
}

// summary is the list's key points: how many sub-processors are used on
// the list's date and where, the ones that start later, how customers are
// told of changes; and the way to subscribe.
func summary(c *j.Context) *notice.Section {
	p := c.Project
	var s j.Summary
	var paths []string
	var planned []notice.Text
	n := 0
	for i, pr := range p.Processors {
		paths = append(paths, model.Index("processors", i)+".customer_data", model.Index("processors", i)+".added")
		if pr == nil || !Listed(pr) {
			continue
		}
		paths = append(paths, model.Index("processors", i)+".country", model.Index("processors", i)+".locations")
		if !j.Started(c, pr) {
			planned = append(planned, c.T("summary.planned.item", locale.Data{"Name": notice.Plain(pr.Name),
				"Countries": j.Countries(c, change.Uniq(append([]string{pr.Country}, pr.Locations...))), "Day": c.Day(pr.Added)}))
			continue
		}
		n++
	}
	now, _ := j.ProcessorCountries(c, Listed)
	var t notice.Text
	if n > 0 {
		t = c.N("summary.list", n, locale.Data{"Countries": j.Countries(c, now)})
	}
	if len(planned) > 0 {
		t = notice.Join(t, c.T("summary.planned", locale.Data{"Planned": c.List(planned, locale.And)}))
	}
	s.Point(string(c.T("summary.list.label", nil)), t, "list", paths...)
	ch := Terms(p)
	var tc notice.Text
	days := locale.Data{"Days": c.Format().Number(int64(ch.SubprocessorNoticeDays))}
	switch {
	case ch.SubprocessorAuthorisation == "specific":
		tc = c.T("changes.specific", nil)
	case ch.SubprocessorNoticeDays > 0 && ch.SubprocessorAuthorisation == "general":
		tc = c.T("summary.changes.objections", days)
	case ch.SubprocessorNoticeDays > 0:
		tc = c.T("changes.notice-days", days)
	}
	s.Point(string(c.T("summary.changes.label", nil)), tc, "changes", "changes.subprocessor_authorisation", "changes.subprocessor_notice_days")
	s.Act(string(c.T("summary.subscribe", nil)), ch.SubprocessorSubscribeURL, "changes.subprocessor_subscribe_url")
	return s.Section(c)
}

// onwardSafeguard says how customers' data reaches a sub-processor lawfully:
// within the EEA or an adequate country, nothing more is needed; abroad, the
// onward transfer's tool and the company of the group that exports it.
func onwardSafeguard(c *j.Context, pr *model.Processor) notice.Text {
	on := Processor(pr).Onward
	if on == nil {
		if abroad(c, pr) == "" {
			return c.T("safeguard.none", nil)
		}
		return "" // check reports it
	}
	var tools []notice.Text
	if tool := eu.Tool(c, "eu", on.Mechanism); tool != nil {
		d := locale.Data{"Tool": notice.Plain(tool.Name)}
		if on.Mechanism == "SCC_2021_914" {
			tools = append(tools, c.T("safeguard.eu.module-3", d))
		} else {
			tools = append(tools, c.T("safeguard.eu", d))
		}
	}
	if tool := eu.Tool(c, "uk", on.UKMechanism); tool != nil {
		name := notice.Plain(tool.Name)
		if on.UKMechanism == "UK_ADEQUACY_REGS" && pr.DPFUKExtension.IsYes() {
			name = c.T("safeguard.uk-extension", nil)
		}
		tools = append(tools, c.T("safeguard.uk", locale.Data{"Tool": name}))
	}
	t := c.List(tools, locale.And)
	if e := j.Entity(c.Project, on.Exporter); e != nil {
		t = stop(notice.Sentence(c.T("safeguard.exported", locale.Data{"Safeguards": t, "Exporter": notice.Plain(e.LegalName)})))
	}
	return t
}

// identity is a sub-processor's address and data protection contact, the
// identity EDPB Opinion 22/2024 says customers must have readily available.
func identity(c *j.Context, pr *model.Processor) notice.Text {
	var parts []string
	if pr.Address != nil {
		parts = append(parts, string(j.Address(c, pr.Address)))
	}
	if ways := j.ContactWays(c, pr.Contact); ways != "" {
		if pr.Contact.Name != "" {
			ways = c.T("identity.contact", locale.Data{"Name": notice.Plain(pr.Contact.Name), "Ways": ways})
		}
		parts = append(parts, string(ways))
	}
	if u := Processor(pr).ListURL; u != "" {
		parts = append(parts, string(c.T("identity.list", locale.Data{"List": notice.Web(u)})))
	}
	return notice.Text(strings.Join(parts, "; "))
}

// stop ends a sentence the catalogue ends with a value and a full stop
// ("exported by {{.Exporter}}.") as notice.Sentence would: a value that
// ends with its own punctuation ("Inc.") takes no second stop.
func stop(t notice.Text) notice.Text {
	if n := len(t); n >= 2 && t[n-1] == '.' && strings.ContainsRune(".!?:", rune(t[n-2])) {
		return t[:n-1]
	}
	return t
}
