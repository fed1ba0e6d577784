package compiler

import (
	"fmt"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
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
			if !q.Checks() {
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
	b.WriteString("| pack | BLOCK rules | checked against the data | disclosed from required data | missing |\n|---|---|---|---|---|\n")
	var all jurisdiction.Coverage
	var missing []string
	for _, j := range js {
		c := jurisdiction.CoverageOf(jurisdiction.RequiredOf(ref, j.ID()), js)
		fmt.Fprintf(&b, "| `%s` | %d | %d | %d | %d |\n", j.ID(), c.Required, len(c.Checked), len(c.Disclosed), len(c.Missing))
		all.Required += c.Required
		all.Checked = append(all.Checked, c.Checked...)
		all.Disclosed = append(all.Disclosed, c.Disclosed...)
		missing = append(missing, c.Missing...)
	}
	fmt.Fprintf(&b, "| all | %d | %d | %d | %d |\n\n", all.Required, len(all.Checked), len(all.Disclosed), len(missing))
	if len(missing) > 0 {
		b.WriteString("Missing: " + "`" + strings.Join(missing, "`, `") + "`.\n\n")
	}
	return b.String()
}
