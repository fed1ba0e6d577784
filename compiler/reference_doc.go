package compiler

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
)

// RulesReference returns the Markdown table of every requirement of every
// default jurisdiction, generated from the packs themselves so the README's
// list of implemented rules cannot drift from the code.
func RulesReference() string {
	var b strings.Builder
	b.WriteString(coverageTable())
	for _, j := range DefaultJurisdictions() {
		fmt.Fprintf(&b, "#### %s (`%s`)\n\n", j.Name(), j.ID())
		if len(j.Requirements()) == 0 {
			b.WriteString("No requirements of its own yet: what it shows is required by the data model.\n\n")
			continue
		}
		b.WriteString("| rule | citation | severity | applies | in force | disclosed in |\n|---|---|---|---|---|---|\n")
		for _, q := range j.Requirements() {
			sev := map[diag.Severity]string{diag.Error: "BLOCK", diag.Warning: "LINT", diag.Info: "INFO"}[q.Severity]
			when := q.Condition(Extensions()...)
			if when == "" {
				when = "always"
			}
			force := "always"
			switch {
			case q.From != "" && q.Until != "":
				force = string(q.From) + " to " + string(q.Until)
			case q.From != "":
				force = "from " + string(q.From)
			case q.Until != "":
				force = "until " + string(q.Until)
			}
			sec := "`#" + q.Section + "`"
			if q.Section == "top" {
				sec = "title block"
			}
			checked := ""
			switch {
			case q.AtRelease:
				checked = " (checked at release)"
			case !q.Checks():
				checked = " (structural)"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s%s | %s | %s | %s |\n", q.ID, esc(q.Citation), sev, checked, esc(when), force, sec)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func esc(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// coverageTable counts, per pack, the BLOCK rules of the legal-requirements
// reference its law asks for (its reference data's required_rules):
// checked against the data, disclosed from data the model requires (the
// notice states them whenever it is published), and missing.
func coverageTable() string {
	ref, _ := Reference()
	js := DefaultJurisdictions()
	var b strings.Builder
	b.WriteString("Coverage of the BLOCK rules of the legal-requirements reference, per rule pack (each pack lists the rules its law asks for in its `reference/rules.yaml`):\n\n")
	head := "| %s | BLOCK rules | checked against the data | of them, by the team's sign-off | derived statements (disclosed from required data) | missing |\n|---|---|---|---|---|---|\n"
	fmt.Fprintf(&b, head, "pack")
	row := func(name string, c jurisdiction.Coverage) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", name, c.Required, len(c.Checked), len(c.Attested), len(c.Disclosed), len(c.Missing))
	}
	var all jurisdiction.Coverage
	byRegime := map[string]*jurisdiction.Coverage{}
	add := func(regime string, f func(*jurisdiction.Coverage) *[]string, id string) {
		if byRegime[regime] == nil {
			byRegime[regime] = &jurisdiction.Coverage{}
		}
		byRegime[regime].Required++
		*f(byRegime[regime]) = append(*f(byRegime[regime]), id)
	}
	for _, j := range js {
		req := jurisdiction.RequiredOf(ref, j.ID())
		regimeOf := func(id string) string { return regimeOf(id, req) }
		c := jurisdiction.CoverageOf(req, js)
		row("`"+j.ID()+"`", c)
		all.Required += c.Required
		all.Checked = append(all.Checked, c.Checked...)
		all.Attested = append(all.Attested, c.Attested...)
		all.Disclosed = append(all.Disclosed, c.Disclosed...)
		all.Missing = append(all.Missing, c.Missing...)
		for _, id := range c.Checked {
			add(regimeOf(id), func(c *jurisdiction.Coverage) *[]string { return &c.Checked }, id)
			if slices.Contains(c.Attested, id) {
				byRegime[regimeOf(id)].Attested = append(byRegime[regimeOf(id)].Attested, id)
			}
		}
		for _, id := range c.Disclosed {
			add(regimeOf(id), func(c *jurisdiction.Coverage) *[]string { return &c.Disclosed }, id)
		}
		for _, id := range c.Missing {
			add(regimeOf(id), func(c *jurisdiction.Coverage) *[]string { return &c.Missing }, id)
		}
	}
	row("all", all)
	b.WriteString("\nThe same rules by the law they come from:\n\n")
	fmt.Fprintf(&b, head, "law")
	seen := map[string]bool{}
	for _, r := range append(packLaws(ref, js), struct{ prefix, name string }{"", "other"}) {
		if c := byRegime[r.name]; c != nil && !seen[r.name] {
			seen[r.name] = true
			row(r.name, *c)
		}
	}
	b.WriteString("\n")
	if len(all.Missing) > 0 {
		b.WriteString("Missing: " + "`" + strings.Join(all.Missing, "`, `") + "`.\n\n")
	}
	return b.String()
}

// regimeOf names the law of rule id as the pack's list says (its
// required_rules: law:, or the rule's own), else "other": only a pack
// knows its law.
func regimeOf(id string, req *jurisdiction.RequiredRules) string {
	if law := req.LawOf(id); law != "" {
		return law
	}
	return "other"
}

// packLaws are the laws the packs' lists name, in the registry's order.
func packLaws(ref *model.Reference, js []jurisdiction.Jurisdiction) []struct{ prefix, name string } {
	var out []struct{ prefix, name string }
	for _, j := range js {
		req := jurisdiction.RequiredOf(ref, j.ID())
		if req == nil {
			continue
		}
		for _, law := range append([]string{req.Law}, lawsOf(req)...) {
			if law != "" && !slices.ContainsFunc(out, func(r struct{ prefix, name string }) bool { return r.name == law }) {
				out = append(out, struct{ prefix, name string }{"", law})
			}
		}
	}
	return out
}

func lawsOf(req *jurisdiction.RequiredRules) []string {
	var out []string
	for _, r := range req.Rules {
		if r != nil && r.Law != "" {
			out = append(out, r.Law)
		}
	}
	return out
}
