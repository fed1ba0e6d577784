package jurisdiction

import (
	"slices"
	"strconv"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Subprocessors compiles the sub-processor list business customers rely on
// under GDPR Art. 28(2) and EDPB Opinion 22/2024: each processor's name and
// contracting entity, service, purposes, locations and transfer safeguard,
// with processors not yet in use marked with their start date. It returns
// nil when the project lists no processors. Its dates are those of the
// version, like every notice's: effective c.Date, last updated
// c.LastUpdated (a processor's own dates are shown in the table, not as the
// list's).
func Subprocessors(c *Context) *notice.Document {
	p := c.Project
	if len(p.Processors) == 0 {
		return nil
	}
	doc := &notice.Document{ID: SubprocessorsID, Title: "Sub-processors", Organization: p.Organization.Name,
		Effective: Day(c.Date), LastUpdated: Day(c.LastUpdated)}
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
		if pr.Added != "" && string(pr.Added) > Day(c.Date) {
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
		if t := Transfer(p, pr.Transfer); t != nil {
			var tools []notice.Text
			if tool := c.Tool("eu", t.Mechanism); tool != nil {
				tools = append(tools, "EU: "+notice.Plain(tool.Name))
			}
			if tool := c.Tool("uk", t.UKMechanism); tool != nil {
				tools = append(tools, "UK: "+notice.Plain(tool.Name))
			}
			safeguard = notice.Series(tools, "and")
		}
		rows = append(rows, []notice.Text{name, notice.Plain(pr.Service), notice.Series(purposes, "and"),
			notice.Text(UpperFirst(string(Countries(uniq)))), safeguard})
	}
	s.Add(&notice.Table{Caption: "Sub-processors", Head: []string{"Sub-processor", "Service", "Purposes", "Where", "Transfer safeguard"}, Rows: rows})
	if len(planned) > 0 {
		s.P("We have announced these new sub-processors, which we will use only from the date shown: " + notice.Series(planned, "and") + ".")
	}
	doc.Sections = append(doc.Sections, s)
	if ch := p.Changes; ch != nil && (ch.SubprocessorNoticeDays > 0 || ch.SubprocessorObjection != "" || ch.SubprocessorSubscribeURL != "") {
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

// SubprocessorsID is the sub-processor list's id: its address and its
// versions' folder.
const SubprocessorsID = "subprocessors"
