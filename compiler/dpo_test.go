package compiler_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
)

// A defect is one mistake a data protection officer would reject in the
// sample's data, written as an edit of a data file: the first occurrence
// of old, after the line holding at (when given), becomes new.
type defect struct {
	name     string
	file     string
	at, old  string
	new      string
	drop     string // a key to delete, with its value's lines, after at (before old/new)
	rule     string // when given, the rule that must refuse it
	warnOnly bool   // reported, but as a warning (a judgement the team makes)
}

// dropKey deletes the first line starting with key at or after from, and
// the lines after it indented deeper (its value).
func dropKey(text string, from int, key string) (string, bool) {
	i := strings.Index(text[from:], "\n"+key)
	if i < 0 {
		return text, false
	}
	start := from + i + 1
	end := strings.Index(text[start:], "\n")
	if end < 0 {
		return text[:start], true
	}
	end += start + 1
	indent := len(key) - len(strings.TrimLeft(key, " "))
	for end < len(text) {
		next := strings.Index(text[end:], "\n")
		line := text[end:]
		if next >= 0 {
			line = text[end : end+next]
		}
		if strings.TrimSpace(line) != "" && len(line)-len(strings.TrimLeft(line, " ")) <= indent {
			break
		}
		if next < 0 {
			end = len(text)
			break
		}
		end += next + 1
	}
	return text[:start] + text[end:], true
}

var defects = []defect{
	{name: "retention 'as long as necessary'", file: "categories.yaml", at: "id: legal-records", drop: "    criteria:",
		old: "    end: delete_or_anonymise", new: "    criteria: As long as necessary.\n    end: delete_or_anonymise", rule: "GDPR-13-2-a"},
	{name: "a legitimate interest that only names the basis", file: "purposes.yaml", at: "id: security",
		old: "      Keeping our systems, our customers' accounts and the data in them safe\n      from fraud, attacks and misuse, and keeping our services reliable.",
		new: "      Our legitimate interests."},
	{name: "a processor moved to India with no transfer", file: "processors.yaml", at: "id: sentry", old: "    country: US\n", new: "    country: IN\n"},
	{name: "consent cookies without a settings page", file: "cookies.yaml", old: "  settings_url: https://helpwise.example/privacy/cookie-settings\n", new: ""},
	{name: "joint control without its arrangement", file: "recipients.yaml", drop: "    joint_arrangement:", rule: "GDPR-26-2"},
	{name: "a contract basis for prospects", file: "purposes.yaml", at: "id: respond-requests", old: "    legal_bases: [legitimate_interests]", new: "    legal_bases: [contract]"},
	{name: "health data in job applications, unclassified", file: "categories.yaml", at: "id: job-application",
		old: "      - right-to-work status\n", new: "      - right-to-work status\n      - health information for interview adjustments\n"},
	{name: "a purpose that sells while nothing is sold", file: "purposes.yaml", at: "id: respond-requests", old: "    sells: no", new: "    sells: yes"},
	{name: "sharing for advertising without honouring GPC", file: "cookies.yaml", at: "global_privacy_control:", old: "    honored: yes", new: "    honored: no"},
	{name: "the Data Privacy Framework for an uncertified recipient", file: "processors.yaml", at: "id: anthropic", old: "    transfer: us-scc", new: "    transfer: us-dpf"},
	{name: "UK data to India with no UK tool", file: "recipients.yaml", at: "id: india-scc", old: "    uk_mechanism: UK_IDTA\n", new: ""},
	{name: "a new sub-processor customers were not told of", file: "processors.yaml", at: "id: meridian-support", drop: "    notice_sent:", rule: "SUBP-28-2-b"},
	{name: "knowing of under-16s in a service for 16 and over", file: "california.yaml", old: "  actual_knowledge_under_16: no", new: "  actual_knowledge_under_16: yes"},
	{name: "a third-party source silent on when people are told", file: "subjects.yaml", at: "id: sso-providers", old: "    informed: at_collection\n", new: ""},
	{name: "two controllers, one not saying what it decides", file: "organization.yaml", at: "id: helpwise-ltd", drop: "      decides:", rule: "GDPR-13-1-a"},
	{name: "a Privacy Shield certification in 2026", file: "organization.yaml", at: "frameworks:", old: "eu_us", new: "privacy_shield_eu_us"},
	{name: "an advertising cookie classed as analytics", file: "cookies.yaml", at: "name: _fbp", old: "      class: advertising", new: "      class: analytics"},
	{name: "financial incentives with no notice", file: "california.yaml", old: "  financial_incentives: no", new: "  financial_incentives: yes"},
	{name: "a mandatory DPO not appointed", file: "organization.yaml", at: "  dpo:", old: "      appointed: yes\n      mandatory: no", new: "      appointed: no\n      mandatory: yes"},
	{name: "a sub-processor abroad without its onward safeguard", file: "processors.yaml", at: "id: anthropic", drop: "    onward:", rule: "SUBP-28-4"},
	{name: "a processor's regular transfers on a derogation", file: "processors.yaml", at: "id: meridian-support", old: "    transfer: india-scc", new: "    transfer: us-legal-claims"},
	{name: "no email or web form for the privacy team", file: "organization.yaml", at: "privacy_contact:",
		old: "    email: privacy@helpwise.example\n    toll_free_phone: +1 888 555 0142\n    web_form: https://helpwise.example/privacy/request\n", new: "    toll_free_phone: +1 888 555 0142\n"},
	{name: "prose denying the sharing the data makes", file: "notices.yaml", at: "id: employees-applicants",
		old: "      This policy explains", new: "      We never share your personal information for targeted advertising. This policy explains", warnOnly: true},
	{name: "prose citing a repealed section", file: "recipients.yaml", at: "id: india-scc",
		old: "      read and answer support requests.", new: "      read and answer support requests, as section 17A of the Data Protection Act 2018 allows.", warnOnly: true},
}

// The sample with one defect a DPO would reject, for each defect above:
// check must refuse it (an error, so nothing is published), or, for a
// judgement the data cannot settle, report it as a warning. None may
// publish silently. The rate is logged for the note.
func TestDPODefectsAreRefused(t *testing.T) {
	var refused, warned int
	for _, d := range defects {
		name := "data/" + d.file
		src, err := fs.ReadFile(english, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		from := 0
		if d.at != "" {
			from = strings.Index(text, d.at)
			if from < 0 {
				t.Fatalf("%s: %q not in %s", d.name, d.at, name)
			}
		}
		mod := text
		if d.drop != "" {
			var ok bool
			if mod, ok = dropKey(mod, from, d.drop); !ok {
				t.Fatalf("%s: no key %q in %s after %q", d.name, d.drop, name, d.at)
			}
		}
		if d.old != "" {
			i := strings.Index(mod[from:], d.old)
			if i < 0 {
				t.Fatalf("%s: %q not in %s after %q", d.name, d.old, name, d.at)
			}
			i += from
			mod = mod[:i] + d.new + mod[i+len(d.old):]
		}
		_, docs, diags := compiler.Compile(overlay(t, english, name, []byte(mod)), "data", &compiler.Options{Date: day})
		var warnings int
		for _, dg := range diags {
			if dg.Severity == diag.Warning {
				warnings++
			}
		}
		for _, dg := range diags {
			if dg.Severity == diag.Error && dg.Rule == nil && d.rule != "" {
				t.Errorf("%s: refused by the data's form, not by a rule: %s", d.name, dg.Error())
			}
		}
		if d.rule != "" && !slices.ContainsFunc(diags, func(dg *diag.Diagnostic) bool { return dg.Rule != nil && dg.Rule.ID == d.rule }) {
			t.Errorf("%s: %s did not report: %v", d.name, d.rule, diags)
		}
		switch {
		case diags.HasErrors() && !d.warnOnly:
			refused++
		case d.warnOnly && !diags.HasErrors() && warnings > 0 && len(docs) > 0:
			warned++
		case diags.HasErrors():
			t.Errorf("%s: refused, but the test expects only a warning: %v", d.name, diags)
		default:
			t.Errorf("%s: published without a word (%d notices, %d diagnostics)", d.name, len(docs), len(diags))
		}
	}
	t.Logf("%d realistic one-defect data sets: %d refused, %d reported as warnings, %d published silently",
		len(defects), refused, warned, len(defects)-refused-warned)
}
