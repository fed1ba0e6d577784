package compiler

import (
	"fmt"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// RulesReference returns the Markdown table of every requirement of every
// default jurisdiction, generated from the packs themselves so the README's
// list of implemented rules cannot drift from the code.
func RulesReference() string {
	var b strings.Builder
	for _, j := range DefaultJurisdictions() {
		fmt.Fprintf(&b, "#### %s (`%s`)\n\n", j.Name(), j.ID())
		if len(j.Requirements()) == 0 {
			b.WriteString("No requirements of its own yet: what it shows is required by the data model.\n\n")
			continue
		}
		b.WriteString("| rule | citation | severity | applies | in force | disclosed in |\n|---|---|---|---|---|---|\n")
		for _, q := range j.Requirements() {
			sev := map[diag.Severity]string{diag.Error: "BLOCK", diag.Warning: "LINT", diag.Info: "INFO"}[q.Severity]
			when := q.Condition()
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
