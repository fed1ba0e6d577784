package compiler_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/internal/golden"
)

// boundaries are the days the law changes for the packs: every
// requirement's first day and the day after its last, and the first days of
// the packs' laws, sorted.
func boundaries() []model.Date {
	set := map[model.Date]bool{"2012-01-01": true, "2018-05-25": true, "2020-01-01": true, "2021-01-01": true}
	for _, j := range compiler.DefaultJurisdictions() {
		for _, q := range j.Requirements() {
			if q.From != "" {
				set[q.From] = true
			}
			if q.Until != "" {
				set[q.Until.AddDays(1)] = true
			}
			for _, e := range q.Each {
				if e.From != "" {
					set[e.From] = true
				}
			}
		}
	}
	var out []model.Date
	for d := range set {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

// The calendar: the sample compiled as of every day the law changes, and
// the day before it. For each day, testdata/calendar.golden records what
// changed from the day before: the requirements that came into or went out
// of force, the rules that report on the sample (whose data is of 2026, so
// on early days the rules of later law are what it fails), the notices
// published and the sections each gained or lost. A change to a rule's
// dates, a pack's Applies or a section's condition shows here as a diff to
// review.
func TestCalendar(t *testing.T) {
	var out strings.Builder
	var prevRules, prevFiring, prevCited []string
	prevSections := map[string][]string{}
	for _, b := range boundaries() {
		for _, d := range []model.Date{b.AddDays(-1), b} {
			proj, diags := compiler.Check(disclose.Sample, "data", &compiler.Options{Date: d})
			if proj == nil {
				t.Fatalf("%s: no project: %v", d, diags)
			}
			var rules, firing, cited []string
			for _, j := range compiler.DefaultJurisdictions() {
				for _, q := range j.Requirements() {
					if (q.From == "" || q.From <= d) && (q.Until == "" || d <= q.Until) {
						rules = append(rules, j.ID()+":"+q.ID)
						cited = append(cited, j.ID()+":"+q.ID+" ("+q.Citation+")")
					}
				}
			}
			for _, dg := range diags {
				if dg.Rule != nil && !slices.Contains(firing, dg.Rule.ID) {
					firing = append(firing, dg.Rule.ID)
				}
			}
			docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: d})
			sections := map[string][]string{}
			for _, doc := range docs {
				doc.Walk(func(s *notice.Section, _ int) { sections[doc.ID] = append(sections[doc.ID], s.ID) })
			}
			slices.Sort(rules)
			slices.Sort(firing)
			var lines []string
			if added, removed := setDiff(prevRules, rules); len(added)+len(removed) > 0 {
				lines = append(lines, delta("in force", added, removed))
			}
			// A rule still in force under a new citation: the law that
			// states it changed (a dated twin of the requirement).
			if added, _ := setDiff(prevCited, cited); len(added) > 0 && prevCited != nil {
				var moved []string
				for _, a := range added {
					id, _, _ := strings.Cut(a, " (")
					if slices.Contains(prevRules, id) {
						moved = append(moved, a)
					}
				}
				if len(moved) > 0 {
					lines = append(lines, "cited anew: "+strings.Join(moved, ", "))
				}
			}
			if added, removed := setDiff(prevFiring, firing); len(added)+len(removed) > 0 {
				lines = append(lines, delta("reporting on the sample", added, removed))
			}
			var ids []string
			for id := range sections {
				ids = append(ids, id)
			}
			for id := range prevSections {
				if _, ok := sections[id]; !ok {
					ids = append(ids, id)
				}
			}
			slices.Sort(ids)
			for _, id := range slices.Compact(ids) {
				switch added, removed := setDiff(prevSections[id], sections[id]); {
				case prevSections[id] == nil:
					lines = append(lines, fmt.Sprintf("notice %s published: %s", id, strings.Join(sections[id], ", ")))
				case sections[id] == nil:
					lines = append(lines, fmt.Sprintf("notice %s no longer published", id))
				case len(added)+len(removed) > 0:
					lines = append(lines, delta("notice "+id+" sections", added, removed))
				}
			}
			if len(lines) > 0 {
				fmt.Fprintf(&out, "## %s\n", d)
				for _, l := range lines {
					fmt.Fprintf(&out, "- %s\n", l)
				}
				out.WriteString("\n")
			}
			prevRules, prevFiring, prevSections, prevCited = rules, firing, sections, cited
		}
	}
	golden.File(t, "testdata/calendar.golden", []byte(out.String()))
}

func setDiff(old, cur []string) (added, removed []string) {
	for _, x := range cur {
		if !slices.Contains(old, x) {
			added = append(added, x)
		}
	}
	for _, x := range old {
		if !slices.Contains(cur, x) {
			removed = append(removed, x)
		}
	}
	return added, removed
}

func delta(what string, added, removed []string) string {
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "+ "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "- "+strings.Join(removed, ", "))
	}
	return what + ": " + strings.Join(parts, "; ")
}

// The California notice of a day says only what the law of that day asks,
// in its words: on every boundary day and the day before it, the sample,
// edited to sell as well as share, to use sensitive personal information
// beyond the permitted purposes and to process the signal in a frictionless
// manner (so that every dated sentence has a chance to appear), is compiled
// and its text and the citations of the rules in force are checked against
// the law of the day: no sharing, correction, limit or retention before the
// CPRA (2023-01-01); no §999 regulation before 2020-08-14 or after
// 2023-03-28; no §70xx regulation before 2023-03-29.
func TestCaliforniaSaysTheLawOfItsDay(t *testing.T) {
	const (
		ccpa, agRegs, cpra, cppaRegs, admt = california.CCPADate, california.AGRegsDate, california.CPRADate, california.CPPARegsDate, california.ADMTDate
	)
	type claim struct {
		from, until model.Date // inclusive; empty for open
		text        string
		present     bool
	}
	claims := []claim{
		{"", cpra.AddDays(-1), "Do Not Sell or Share", false},
		{"", cpra.AddDays(-1), "Right to correct", false},
		{"", cpra.AddDays(-1), "Right to limit", false},
		{"", cpra.AddDays(-1), "Limit the Use of My Sensitive Personal Information", false},
		{"", cpra.AddDays(-1), "| Retention |", false},
		{"", cpra.AddDays(-1), "opt out of sale and sharing", false},
		{"", cpra.AddDays(-1), "Sensitive personal information", false},
		{"", cpra.AddDays(-1), "back to 1 January 2022", false},
		{"", cpra.AddDays(-1), "employees, job applicants or contractors", false},
		{"", cpra.AddDays(-1), "Do Not Sell My Personal Information", true},
		{"", cpra.AddDays(-1), "Right to opt out of sale.", true},
		{cpra, "", "Do Not Sell My Personal Information", false},
		{cpra, "", "Do Not Sell or Share My Personal Information", true},
		{cpra, "", "Right to correct", true},
		{cpra, "", "Right to limit", true},
		{cpra, "", "| Retention |", true},
		{"", agRegs.AddDays(-1), "10 business days", false},
		{agRegs, "", "10 business days", true},
		{"", cppaRegs.AddDays(-1), "§70", false},
		{"", cppaRegs.AddDays(-1), "frictionless", false},
		{"", cppaRegs.AddDays(-1), "pseudonymous", false},
		{cpra, cppaRegs.AddDays(-1), "Civil Code §1798.121(a)", true},
		{cppaRegs, "", "11 CCR §7027(m)", true},
		{cppaRegs, "", "11 CCR §7025(f)", true},
		{"", "", "§999", false},
		{"", admt.AddDays(-1), "Automated decision-making technology", false},
	}
	base, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if base == nil {
		t.Fatalf("no project: %v", diags)
	}
	for _, b := range boundaries() {
		for _, d := range []model.Date{b.AddDays(-1), b} {
			if d < ccpa {
				continue
			}
			proj, _ := compiler.Check(disclose.Sample, "data", sampleOpts)
			ca := california.Of(proj)
			ca.Sells, ca.SensitiveBeyondPermitted = model.Yes, model.Yes
			ca.Links.LimitSensitive = "https://helpwise.example/privacy/limit"
			california.Category(proj.Categories[0]).Sold = model.Yes
			california.Recipient(proj.Recipients[0]).Sold = model.Yes
			california.Purpose(proj.Purposes[0]).Sells = model.Yes
			gpc := california.Signal(proj.Cookies.GlobalPrivacyControl)
			gpc.Frictionless, gpc.HowToUse = model.Yes, "Turn on Global Privacy Control in your browser."
			docs, _ := compiler.CompileProject(proj, &compiler.Options{Date: d})
			var text string
			for _, doc := range docs {
				if doc.ID == california.ID {
					text = string(render.Markdown(doc, nil))
				}
			}
			if text == "" {
				t.Errorf("%s: no California notice", d)
				continue
			}
			for _, c := range claims {
				if c.from != "" && d < c.from || c.until != "" && d > c.until {
					continue
				}
				if strings.Contains(text, c.text) != c.present {
					t.Errorf("%s: California notice contains %q = %v, want %v (law in force from %s to %s)", d, c.text, !c.present, c.present, c.from, c.until)
				}
			}
			// The citations of the rules in force: the statute alone
			// before the first regulations, then §999, then §70xx.
			for _, q := range california.New().Requirements() {
				if q.From != "" && d < q.From || q.Until != "" && d > q.Until {
					continue
				}
				switch {
				case d < agRegs && strings.Contains(q.Citation, "CCR"):
					t.Errorf("%s: %s cites %q before any regulation took effect (%s)", d, q.ID, q.Citation, agRegs)
				case d < cppaRegs && strings.Contains(q.Citation, "§70"):
					t.Errorf("%s: %s cites %q before the CPPA's regulations took effect (%s)", d, q.ID, q.Citation, cppaRegs)
				case d >= cppaRegs && strings.Contains(q.Citation, "§999"):
					t.Errorf("%s: %s cites %q after the §999 regulations were replaced", d, q.ID, q.Citation)
				}
			}
		}
	}
}
