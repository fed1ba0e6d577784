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
// the project lists processors.
func (*Pack) Applies(c *j.Context) (bool, string) {
	if len(c.Project.Processors) == 0 {
		return false, "the project lists no processors"
	}
	return true, "the project lists the processors it uses"
}

// Requirements implements jurisdiction.Jurisdiction. The list's contents
// are required by the model (each processor's name, service, location and
// safeguard); its notice period by release.
func (*Pack) Requirements() []*j.Requirement { return nil }

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
	}
	s.Add(&notice.Table{Caption: "Sub-processors", Head: []string{"Sub-processor", "Service", "Purposes", "Where", "Transfer safeguard"}, Rows: rows})
	if len(planned) > 0 {
		s.P("We have announced these new sub-processors, which we will use only from the date shown: " + notice.Series(planned, "and") + ".")
	}
	doc.Sections = append(doc.Sections, s)
	if ch := Terms(p); ch.SubprocessorNoticeDays > 0 || ch.SubprocessorObjection != "" || ch.SubprocessorSubscribeURL != "" {
		cs := &notice.Section{ID: "changes", Title: "Changes to this list"}
		cs.Use("changes")
		if ch.SubprocessorNoticeDays > 0 {
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
