package compiler_test

import (
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
)

func sentences(cs []change.Change) string {
	var out []string
	for _, c := range cs {
		m := "minor"
		if c.Material {
			m = "MATERIAL"
		}
		out = append(out, m+" "+c.Sentence+" ("+string(c.Reason)+")")
	}
	return strings.Join(out, "\n")
}

// Replacing one transfer by another to the same country (the Privacy
// Shield by the Data Privacy Framework, under a new transfer id) is one
// minor change naming both tools; a country reached for the first time is
// still a material new destination; one no longer reached is reported.
func TestTransferReplaced(t *testing.T) {
	old := `{"transfers": [
		{"id": "us-ps", "destinations": ["US"], "mechanism": "PRIVACY_SHIELD", "recipients": ["sp"]},
		{"id": "uk", "destinations": ["GB"], "mechanism": "SCC_2021_914"}],
		"recipients": [{"id": "sp", "name": "Service providers"}],
		"processors": [{"id": "aws", "name": "AWS", "country": "US", "transfer": "us-ps"}]}`
	new := `{"transfers": [
		{"id": "us-dpf", "destinations": ["US"], "mechanism": "EU_US_DPF", "recipients": ["sp"]},
		{"id": "in", "destinations": ["IN"], "mechanism": "SCC_2021_914"}],
		"recipients": [{"id": "sp", "name": "Service providers"}],
		"processors": [{"id": "aws", "name": "AWS", "country": "US", "transfer": "us-dpf"}]}`
	cs, err := compiler.Changes([]byte(old), []byte(new))
	if err != nil {
		t.Fatal(err)
	}
	want := `minor Transfers of data from the European Economic Area to the United States (recipients: Service providers) now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield. (transfer safeguard replaced)
MATERIAL Personal data now goes to India, relying on the European Commission's Standard Contractual Clauses. (new destination country)
minor Personal data no longer goes to the United Kingdom. (destination country removed)`
	// The order: by transfer as they appear, added before removed.
	got := sentences(cs)
	for _, line := range strings.Split(want, "\n") {
		if !strings.Contains(got, line) {
			t.Errorf("missing %q in:\n%s", line, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 3 {
		t.Errorf("%d changes:\n%s", n, got)
	}
}

// A change belongs to a notice whose text uses its data: the section
// traces of the new version (or of the old one, for what was removed).
func TestForTraces(t *testing.T) {
	old := `{"purposes": [{"id": "a", "name": "Answer questions"}, {"id": "b", "name": "Billing"}],
		"transfers": [{"id": "t", "destinations": ["US"], "mechanism": "PRIVACY_SHIELD"}],
		"processors": [{"id": "p", "name": "Stripe", "country": "US", "transfer": "t"}]}`
	new := `{"purposes": [{"id": "a", "name": "Answer questions"}, {"id": "c", "name": "Use European AI", "legal_bases": ["consent"]}],
		"transfers": [{"id": "t", "destinations": ["US"], "mechanism": "EU_US_DPF"}],
		"processors": [{"id": "p", "name": "Stripe", "country": "US", "transfer": "t"}]}`
	cs, err := compiler.Changes([]byte(old), []byte(new))
	if err != nil {
		t.Fatal(err)
	}
	// The European notice's sections, and another notice's (the transfer
	// tools are the eu pack's data).
	docOf := func(id string, paths ...string) *notice.Document {
		s := &notice.Section{ID: "s", Title: "S"}
		s.Use(paths...)
		return &notice.Document{ID: id, Sections: []*notice.Section{{ID: "top", Title: "Top", Sections: []*notice.Section{s}}}}
	}
	doc := func(paths ...string) *notice.Document { return docOf("eu", paths...) }
	global := func(paths ...string) *notice.Document { return docOf("global", paths...) }
	for _, c := range []struct {
		name     string
		old, new *notice.Document
		want     string
	}{
		{"every purpose", doc("purposes"), doc("purposes"), "New purpose: Use European AI (consent).|Purpose removed: Billing."},
		{"the new purpose only", nil, doc("purposes[1].name"), "New purpose: Use European AI (consent)."},
		{"the removed purpose, in the old version", doc("purposes[1]"), doc("purposes[0]"), "Purpose removed: Billing."},
		{"transfers", doc("transfers"), doc("transfers[0]"), "Transfers of data from the European Economic Area to the United States now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield."},
		{"a processor's safeguard", doc("processors[0]"), doc("processors[0]"), "Transfers of data from the European Economic Area to the United States now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield."},
		{"another notice tracing transfers whole (a version frozen before it traced tools)", global("transfers"), global("transfers"), "Transfers of data from the European Economic Area to the United States now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield."},
		{"another notice tracing the transfers' destinations, not their tools", global("transfers", "transfers[0].destinations"), global("transfers", "transfers[0].destinations"), ""},
		{"another notice tracing the tool", global("transfers[0].mechanism"), global("transfers[0].mechanism"), "Transfers of data from the European Economic Area to the United States now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield."},
		{"another notice tracing the EU and UK tools, the Swiss one changing", global("transfers[0].mechanism", "transfers[0].uk_mechanism"), global("transfers[0].mechanism", "transfers[0].uk_mechanism"), "Transfers of data from the European Economic Area to the United States now rely on the EU-U.S. Data Privacy Framework instead of the EU-U.S. Privacy Shield."},
		{"recipients and categories only", doc("recipients[0]", "categories"), doc("recipients[0]", "categories"), ""},
		{"no notice", nil, nil, ""},
	} {
		var got []string
		for _, ch := range diff.For(cs, c.old, c.new) {
			got = append(got, ch.Sentence)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s: got %q, want %q", c.name, strings.Join(got, "|"), c.want)
		}
	}
}

// Names from the data keep their case, whatever their place in the
// sentence.
func TestNamesKeepCase(t *testing.T) {
	old := `{"categories": [{"id": "c", "name": "IP address", "retention": "r"}], "retention": [{"id": "r", "name": "Logs", "period": "12 months"}],
		"purposes": [{"id": "p", "name": "EU billing", "categories": []}], "recipients": [{"id": "x", "name": "Stripe"}]}`
	new := `{"categories": [{"id": "c", "name": "IP address", "retention": "r"}], "retention": [{"id": "r", "name": "Logs", "period": "24 months"}],
		"purposes": [{"id": "p", "name": "EU billing", "categories": ["c"], "description": "new"}],
		"recipients": [{"id": "x", "name": "Stripe"}],
		"processors": [{"id": "m", "name": "Mollie", "service": "European payment methods", "country": "NL"}]}`
	cs, err := compiler.Changes([]byte(old), []byte(new))
	if err != nil {
		t.Fatal(err)
	}
	got := sentences(cs)
	for _, want := range []string{"“EU billing” now also uses: IP address.", "Retention of “Logs”: 12 months → 24 months.", "The description of the purpose “EU billing” changed.", "Mollie (European payment methods)"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	for _, bad := range []string{"eU", "iP", "european", "logs"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q in:\n%s", bad, got)
		}
	}
}

func TestWords(t *testing.T) {
	for n, want := range map[int]string{0: "0 words", 1: "1 word", 2: "2 words", 21: "21 words"} {
		if got := diff.Words(n); got != want {
			t.Errorf("Words(%d) = %q, want %q", n, got, want)
		}
	}
}

// A change of one regime's transfer tool belongs to a notice that states
// that regime's tools, not to one that states only the others'.
func TestForTracesOneRegimesTool(t *testing.T) {
	old := `{"transfers": [{"id": "t", "destinations": ["US"], "mechanism": "SCC_2021_914", "scc_modules": [2], "ch_mechanism": "CH_SCC"}]}`
	new := `{"transfers": [{"id": "t", "destinations": ["US"], "mechanism": "SCC_2021_914", "scc_modules": [2], "ch_mechanism": "CH_ART17_CONSENT"}]}`
	cs, err := compiler.Changes([]byte(old), []byte(new))
	if err != nil {
		t.Fatal(err)
	}
	doc := func(id string, paths ...string) *notice.Document {
		s := &notice.Section{ID: "s", Title: "S"}
		s.Use(paths...)
		return &notice.Document{ID: id, Sections: []*notice.Section{s}}
	}
	if got := diff.For(cs, doc("global", "transfers", "transfers[0].mechanism", "transfers[0].uk_mechanism"), doc("global", "transfers", "transfers[0].mechanism", "transfers[0].uk_mechanism")); len(got) != 0 {
		t.Errorf("the global policy, which states the EU and UK tools, reports %v", sentencesOf(got))
	}
	if got := diff.For(cs, doc("eu", "transfers[0]"), doc("eu", "transfers[0]")); len(got) != 1 || !strings.Contains(got[0].Sentence, "Switzerland") {
		t.Errorf("the European supplement reports %v, want the Swiss tool's change", sentencesOf(got))
	}
}

func sentencesOf(cs []change.Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Sentence)
	}
	return out
}
