package compiler_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
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
	var prevRules, prevFiring []string
	prevSections := map[string][]string{}
	for _, b := range boundaries() {
		for _, d := range []model.Date{b.AddDays(-1), b} {
			proj, diags := compiler.Check(disclose.Sample, "data", &compiler.Options{Date: d})
			if proj == nil {
				t.Fatalf("%s: no project: %v", d, diags)
			}
			var rules, firing []string
			for _, j := range compiler.DefaultJurisdictions() {
				for _, q := range j.Requirements() {
					if (q.From == "" || q.From <= d) && (q.Until == "" || d <= q.Until) {
						rules = append(rules, j.ID()+":"+q.ID)
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
			prevRules, prevFiring, prevSections = rules, firing, sections
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
