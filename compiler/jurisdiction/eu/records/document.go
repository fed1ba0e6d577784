package records

import (
	"slices"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Document returns the record as a notice document, for compiler/pdf (and
// the site, when the record is published): its sections' traces name the
// data paths they read and the rules (reference/rules.yaml) they meet, as
// a notice's do.
func (r *Record) Document() *notice.Document {
	d := &notice.Document{ID: ID, Title: r.Title, Organization: r.Organization, Effective: r.Source.AsOf, LastUpdated: r.Source.AsOf}
	d.Intro = []notice.Block{&notice.Paragraph{Text: notice.Plain("The record of processing activities of " + r.Organization +
		" under Article 30(1) of the EU GDPR and of the UK GDPR, compiled from the data its privacy notices are compiled from, as of " + r.Source.AsOf.Long() + ".")}}
	d.Sections = []*notice.Section{r.about(), r.contacts(), r.activities(), r.transfers(), r.retention(), r.security()}
	return d
}

func plain(ss []string, sep string) notice.Text { return notice.Plain(strings.Join(ss, sep)) }

func (r *Record) about() *notice.Section {
	s := &notice.Section{ID: "about", Title: "About this record"}
	s.Satisfies("ROPA-30-1")
	items := []notice.Definition{
		{Term: "Data as of", Text: notice.Plain(r.Source.AsOf.Long())},
		{Term: "Data snapshot (SHA-256)", Text: notice.Plain(r.Source.DataSHA256)},
	}
	if r.Source.LedgerHead != "" {
		items = append(items, notice.Definition{Term: "Release ledger head", Text: notice.Plain(r.Source.LedgerHead)})
	}
	if len(r.Source.Versions) > 0 {
		var vs []string
		for _, v := range r.Source.Versions {
			vs = append(vs, v.Notice+" "+v.Version+" (in force from "+v.Effective.Long()+")")
		}
		items = append(items, notice.Definition{Term: "Notice versions in force", Text: plain(vs, "; ")})
	}
	// Art. 30(1) is each controller's record: say whose this is.
	var names []string
	for _, c := range r.Controllers {
		names = append(names, c.Name)
	}
	scope := "The controller's record (Art. 30(1)): " + strings.Join(names, ", ") + "."
	if len(names) > 1 {
		scope = "The records of " + strconv.Itoa(len(names)) + " controllers together (Art. 30(1)): " + strings.Join(names, ", ") +
			". Each activity names the controllers deciding it; disclose records --controller ENTITY writes one controller's own record."
	}
	items = append(items, notice.Definition{Term: "Whose record", Text: notice.Plain(scope +
		" The record a processor keeps of processing on behalf of controllers (Art. 30(2)) is not part of it.")})
	if r.Owner != nil {
		s.Use(r.Owner.path)
		s.Satisfies("ROPA-30-4")
		items = append(items, notice.Definition{Term: "Kept by", Text: notice.Plain(r.Owner.line())})
	}
	for _, n := range r.Notes {
		items = append(items, notice.Definition{Term: "Reading this record", Text: notice.Plain(n)})
	}
	s.Add(&notice.Definitions{Items: items})
	return s
}

func (r *Record) contacts() *notice.Section {
	s := &notice.Section{ID: "controllers", Title: "Controllers, representatives and data protection officers"}
	s.Satisfies("ROPA-30-1-a")
	var rows [][]notice.Text
	var arrangements []notice.Text
	seen := map[string]bool{}
	add := func(ps []*Party) {
		for _, p := range ps {
			s.Use(p.path)
			rows = append(rows, []notice.Text{notice.Plain(p.Role), notice.Strong(notice.Plain(p.Name)), p.links()})
			if p.Arrangement != "" && !seen[p.ID+p.Arrangement] {
				seen[p.ID+p.Arrangement] = true
				arrangements = append(arrangements, notice.Strong(notice.Plain("Joint arrangement with "+p.with+" (Art. 26(2))."))+" "+notice.Plain(p.Arrangement))
			}
		}
	}
	add(r.Controllers)
	add(r.JointControllers)
	add(r.Representatives)
	add(r.DPOs)
	s.Add(&notice.Table{Caption: "Controllers and contacts", Head: []string{"Role", "Name", "Contact details"}, Rows: rows})
	for _, a := range arrangements {
		s.P(a)
	}
	return s
}

func (r *Record) activities() *notice.Section {
	s := &notice.Section{ID: "activities", Title: "Processing activities"}
	s.Satisfies("ROPA-30-1-b")
	s.Use("purposes")
	s.P(notice.Plain("One activity per purpose: its data subjects and personal data, recipients, transfers, time limits for erasure and the systems holding its data."))
	for _, a := range r.Activities {
		sub := s.Sub("activity-"+a.ID, a.Purpose)
		path := model.Index("purposes", a.index)
		sub.Use(path)
		sub.Satisfies("ROPA-30-1-b", "ROPA-30-1-c", "ROPA-30-1-d", "ROPA-30-1-e", "ROPA-30-1-f", "ROPA-30-1-g")
		items := []notice.Definition{{Term: "Purpose", Text: notice.Plain(a.Description)}}
		if len(a.Controllers) > 0 {
			items = append(items, notice.Definition{Term: "Controllers", Text: plain(a.Controllers, "; ")})
		}
		if len(a.JointControllers) > 0 {
			items = append(items, notice.Definition{Term: "Joint controllers", Text: plain(a.JointControllers, "; ")})
		}
		switch {
		case len(a.LegalBases) > 0 && len(a.UKLegalBases) == 0:
			// The data gives UK bases only where they differ.
			items = append(items, notice.Definition{Term: "Legal bases (EU and UK GDPR)", Text: plain(a.LegalBases, "; ")})
		case len(a.LegalBases) > 0:
			items = append(items, notice.Definition{Term: "Legal bases (EU GDPR)", Text: plain(a.LegalBases, "; ")})
		}
		if len(a.UKLegalBases) > 0 {
			items = append(items, notice.Definition{Term: "Legal bases (UK GDPR)", Text: plain(a.UKLegalBases, "; ")})
		}
		var subjects []string
		for _, x := range a.Subjects {
			subjects = append(subjects, x.Name)
		}
		items = append(items, notice.Definition{Term: "Data subjects", Text: plain(subjects, "; ")})
		var recipients []string
		for _, rc := range a.Recipients {
			line := rc.Name
			if third := thirdCountries(rc.ThirdCountriesEU, rc.ThirdCountriesUK); third != "" {
				line += " (in third countries: " + third + ")"
			}
			recipients = append(recipients, line)
		}
		if len(recipients) == 0 {
			recipients = []string{"None"}
		}
		items = append(items, notice.Definition{Term: "Recipients", Text: plain(recipients, "; ")})
		thirdEU, thirdUK := thirdOf(r.Transfers, func(t *Transfer) bool {
			if !slices.Contains(a.Transfers, t.ID) {
				return false
			}
			sub.Use(model.Index("transfers", t.index))
			return true
		})
		if third := thirdCountries(countryNames(thirdEU), countryNames(thirdUK)); third != "" {
			items = append(items, notice.Definition{Term: "Third countries", Text: notice.Plain(third + " (their safeguards are in " + transfersTitle + ")")})
		}
		var systems []string
		for _, sys := range r.Security.Systems {
			if slices.Contains(a.Systems, sys.ID) {
				sub.Use(model.Index("records.systems", sys.index) + ".purposes")
				systems = append(systems, sys.Name)
			}
		}
		if len(systems) > 0 {
			items = append(items, notice.Definition{Term: "Systems", Text: plain(systems, "; ")})
		}
		// One time limit for all the activity's data (its purpose's own
		// rule, say) is said once, not on every row.
		limit, one := a.oneLimit()
		if one {
			items = append(items, notice.Definition{Term: "Time limit for erasure", Text: notice.Plain(limit + " (for all its personal data)")})
		}
		sub.Add(&notice.Definitions{Items: items})
		var rows [][]notice.Text
		head := []string{"Personal data", "Special categories", "Time limit for erasure"}
		if one {
			head = head[:2]
		}
		for _, c := range a.Categories {
			special := "None"
			if len(c.Special) > 0 {
				special = strings.Join(c.Special, ", ")
			}
			row := []notice.Text{notice.Strong(notice.Plain(c.Name)), notice.Plain(special), notice.Plain(c.Retention)}
			rows = append(rows, row[:len(head)])
		}
		sub.Add(&notice.Table{Caption: "Personal data of " + a.Purpose, Head: head, Rows: rows})
	}
	return s
}

const transfersTitle = "Transfers to third countries"

func (r *Record) transfers() *notice.Section {
	s := &notice.Section{ID: "transfers", Title: transfersTitle}
	s.Satisfies("ROPA-30-1-e")
	if len(r.Transfers) == 0 {
		s.Use("transfers")
		s.P(notice.Plain("No personal data is transferred to a third country or an international organisation."))
		return s
	}
	names := map[string]string{}
	for _, a := range r.Activities {
		names[a.ID] = a.Purpose
	}
	var rows [][]notice.Text
	for _, t := range r.Transfers {
		s.Use(model.Index("transfers", t.index))
		eu, uk := t.SafeguardEU, t.SafeguardUK
		if eu == "" {
			eu = "Not a transfer of EU data"
		}
		if uk == "" {
			uk = "Not a transfer of UK data"
		}
		if t.UKDerogationUnnamed {
			uk += "; which derogation, the data does not say"
		}
		if t.Documentation != "" {
			eu += ". Documentation of suitable safeguards: " + t.Documentation
		}
		acts := r.activityList(t.Activities, names)
		var to []string
		for _, rc := range t.Recipients {
			to = append(to, rc.Name)
		}
		where := notice.Strong(plain(t.Countries, ", "))
		if t.From != "" {
			where += " " + notice.Plain("(from "+t.From.Long()+")")
		}
		rows = append(rows, []notice.Text{where, plain(to, "; "), notice.Plain(eu), notice.Plain(uk), plain(acts, "; ")})
	}
	s.Add(&notice.Table{Caption: "Transfers and their safeguards", Head: []string{"Where", "Recipients", "Safeguard (EU)", "Safeguard (UK)", "Activities"}, Rows: rows})
	return s
}

func (r *Record) retention() *notice.Section {
	s := &notice.Section{ID: "retention", Title: "Categories of personal data and time limits for erasure"}
	s.Satisfies("ROPA-30-1-c", "ROPA-30-1-f")
	s.Use("retention")
	var rows [][]notice.Text
	for i, x := range r.Retention {
		s.Use(model.Index("categories", i)+".examples", model.Index("categories", i)+".retention")
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(x.Name)), plain(x.Examples, "; "), notice.Plain(x.Limit)})
	}
	s.Add(&notice.Table{Caption: "Categories of personal data: what each includes, and its time limit for erasure", Head: []string{"Personal data", "What it includes", "Time limit for erasure"}, Rows: rows})
	s.P(notice.Plain("These are the limits of each category's own retention rule. Where a purpose has a retention rule of its own, that rule's limit applies, in place of these, to the data used for that purpose: its activity above gives it."))
	return s
}

func (r *Record) security() *notice.Section {
	s := &notice.Section{ID: "security", Title: "Technical and organisational security measures"}
	s.Satisfies("ROPA-30-1-g")
	s.Use("security")
	// The notices' security statement speaks to the people the data is
	// about; the record describes the measures themselves.
	if len(r.Security.Measures) > 0 {
		s.Use("records.measures")
		s.P(notice.Plain("Throughout the organisation:"))
		s.Add(&notice.List{Items: notice.Plains(r.Security.Measures)})
	}
	if len(r.Security.Systems) == 0 {
		return s
	}
	names := map[string]string{}
	for _, a := range r.Activities {
		names[a.ID] = a.Purpose
	}
	var rows [][]notice.Text
	for _, sys := range r.Security.Systems {
		s.Use(model.Index("records.systems", sys.index))
		var acts []string
		for _, id := range sys.Activities {
			acts = append(acts, names[id])
		}
		what := notice.Strong(notice.Plain(sys.Name))
		if sys.Description != "" {
			what += " " + notice.Plain(sys.Description)
		}
		where := strings.Join(sys.Locations, ", ")
		if len(sys.Processors) > 0 {
			where += " (run by " + strings.Join(sys.Processors, ", ") + ")"
		}
		rows = append(rows, []notice.Text{what, notice.Plain(where), plain(acts, "; "), plain(sys.Measures, "; ")})
	}
	s.Add(&notice.Table{Caption: "Systems holding personal data and their measures", Head: []string{"System", "Where", "Activities", "Measures"}, Rows: rows})
	return s
}

// links are a party's contact details, the addresses as links.
func (p *Party) links() notice.Text {
	var parts []string
	add := func(t notice.Text) {
		if t != "" {
			parts = append(parts, string(t))
		}
	}
	if p.Address != "" {
		add(notice.Plain(p.Address))
	}
	if p.Email != "" {
		add(notice.Mail(p.Email))
	}
	if p.Phone != "" {
		add(notice.Tel(p.Phone))
	}
	if p.WebForm != "" {
		add(notice.Web(p.WebForm))
	}
	if p.URL != "" {
		add(notice.Web(p.URL))
	}
	return notice.Text(strings.Join(parts, "; "))
}

// oneLimit returns the time limit for erasure of all of a's personal data,
// when there is one limit for all of it.
func (a *Activity) oneLimit() (string, bool) {
	if len(a.Categories) == 0 {
		return "", false
	}
	for _, c := range a.Categories[1:] {
		if c.Retention != a.Categories[0].Retention {
			return "", false
		}
	}
	return a.Categories[0].Retention, true
}

// activityList names the activities of ids (names gives their names), the
// list kept short when it covers most of the record: "All activities", or
// "All activities except" the few it does not cover.
func (r *Record) activityList(ids []string, names map[string]string) []string {
	var in, out []string
	for _, a := range r.Activities {
		if slices.Contains(ids, a.ID) {
			in = append(in, names[a.ID])
		} else {
			out = append(out, names[a.ID])
		}
	}
	switch {
	case len(out) == 0 && len(in) > 1:
		return []string{"All activities"}
	case len(in) > 2*len(out) && len(in) > 3:
		return []string{"All activities except " + strings.Join(out, "; ")}
	}
	return in
}
