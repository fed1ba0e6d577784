package diag_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func sample() diag.List {
	var l diag.List
	l.Add(diag.Pos{File: "data/b.yaml", Line: 3, Col: 5}, "purposes[0].legal_bases", "missing")
	d := l.Add(diag.Pos{File: "data/a.yaml", Line: 2, Col: 9}, "organization.name", "bad, really: %d%%", 100)
	d.Rule = &diag.Rule{ID: "GDPR-13-1-a", Citation: "GDPR Art. 13(1)(a)"}
	d.Hint = "write the legal name"
	l.Add(diag.Pos{File: "data/a.yaml", Line: 2, Col: 9}, "organization.name", "bad, really: %d%%", 100).Rule = d.Rule
	l.Append(&diag.Diagnostic{Pos: diag.Pos{File: "data/a.yaml", Line: 1}, Severity: diag.Warning, Message: "plain language?"})
	l.Sort()
	return l
}

func TestSortDropsDuplicates(t *testing.T) {
	l := sample()
	if len(l) != 3 {
		t.Fatalf("got %d diagnostics, want 3 (one duplicate dropped):\n%v", len(l), l)
	}
	want := []string{"data/a.yaml:1", "data/a.yaml:2:9", "data/b.yaml:3:5"}
	for i, d := range l {
		if d.Pos.String() != want[i] {
			t.Errorf("diagnostic %d at %s, want %s", i, d.Pos, want[i])
		}
	}
	if !l.HasErrors() || l.Err() == nil || l.Count(diag.Warning) != 1 {
		t.Errorf("counts wrong: %s", diag.Summary(l))
	}
	if got := diag.Summary(l); got != "2 errors, 1 warning" {
		t.Errorf("summary %q", got)
	}
	if (diag.List{}).Err() != nil {
		t.Error("empty list must have a nil Err")
	}
}

func TestTextFormat(t *testing.T) {
	src := map[string][]byte{"data/a.yaml": []byte("organization:\n  name:\tAcme\n")}
	p := diag.Printer{Source: func(f string) ([]byte, bool) { b, ok := src[f]; return b, ok }}
	var b bytes.Buffer
	if err := p.Print(&b, sample()); err != nil {
		t.Fatal(err)
	}
	want := "data/a.yaml:1: warning: plain language?\n" +
		" 1 | organization:\n" +
		"data/a.yaml:2:9: error: organization.name: bad, really: 100% [GDPR-13-1-a]\n" +
		" 2 |   name:\tAcme\n" +
		"   |        \t^\n" +
		"    hint: write the legal name\n" +
		"    rule: GDPR-13-1-a, GDPR Art. 13(1)(a)\n" +
		"data/b.yaml:3:5: error: purposes[0].legal_bases: missing\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestGitHubFormatEscapes(t *testing.T) {
	p := diag.Printer{Format: diag.GitHub}
	var b bytes.Buffer
	if err := p.Print(&b, sample()); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=data/a.yaml,line=1::plain language?\n" +
		"::error file=data/a.yaml,line=2,col=9,title=GDPR-13-1-a::organization.name: bad, really: 100%25%0Awrite the legal name%0Arule: GDPR-13-1-a, GDPR Art. 13(1)(a)\n" +
		"::error file=data/b.yaml,line=3,col=5::purposes[0].legal_bases: missing\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// read names each diagnostic's item after the fact, as the facade does
// for a stage that did not (ReadNaming, from the item's kind and id).
func read(l diag.List) diag.List {
	for _, d := range l {
		kind, id, _ := strings.Cut(d.Item, ` "`)
		d.ReadNaming(kind, strings.TrimSuffix(id, `"`))
	}
	return l
}

// The item a diagnostic is about is named once, by its kind, id and name
// before the path: a message that begins by naming it (with or without its
// name) is written without those words; a message that names the whole
// item (kind and id) further on leaves only the name before the path; a
// message quoting the same id for another item (a category "billing" in
// purpose "billing") names it in full. Here the item is named after the
// fact, and the message's words read (ReadNaming). GitHub annotations
// carry it in their title, escaped as a property (: and , too).
func TestItems(t *testing.T) {
	at := diag.Pos{File: "data/p.yaml", Line: 4, Col: 7}
	l := diag.List{
		{Pos: at, Path: "purposes[7].categories[1]", Item: `purpose "security"`, ItemName: "Keep the service secure",
			Message: `unknown category "payment"`},
		{Pos: at, Path: "purposes[7]", Item: `purpose "security"`, ItemName: "Keep it: secure, always",
			Message: `purpose "security" names no interest`, Rule: &diag.Rule{ID: "GDPR-13-1-d", Citation: "GDPR Art. 13(1)(d)"},
			Hint: "allowed values:\na: one\nb: two"},
		{Pos: at, Path: "transfers[0].mechanism", Item: `transfer "us"`, Message: "bad"},
	}
	more := diag.List{
		{Pos: at, Path: "purposes[3].categories[0]", Item: `purpose "billing"`, ItemName: "Bill your organisation",
			Message: `unknown category "billing"`},
		{Pos: at, Path: "retention[12].criteria", Item: `retention rule "legal-records"`, ItemName: "Records kept for legal reasons",
			Message: `retention rule "legal-records" (Records kept for legal reasons) gives criteria but no time limit`},
		{Pos: at, Path: "organization.entities[1].decides", Item: `entity "helpwise-ltd"`, ItemName: "Helpwise Ltd",
			Message: `the group has 2 controllers, and entity "helpwise-ltd" does not say which purposes it decides`},
		{Pos: at, Path: "transfers[1]", Item: `transfer "us-scc"`, Message: `the text names transfer "us-scc" twice`},
		{Pos: at, Path: "processors[2]", Item: `processor "aws"`, Message: `processor "aws"'s region is unknown`},
		{Pos: at, Path: "brazil.transfers[0].mechanism", Item: `transfer record "br-us"`, Message: `Brazilian transfer "br-us" does not say which mechanism`},
		{Pos: at, Path: "brazil.transfers[0]", Item: `transfer record "br-us"`, Message: `transfer "br-us" relies on clauses`},
		{Pos: at, Path: "purposes[3].categories[0]", Item: `purpose "billing"`, Message: `unknown category "billing" (did you mean "billings"?)`},
		{Pos: at, Path: "processors[16].added", Item: `processor "anthropic"`, ItemName: "Anthropic", Message: `sub-processor "anthropic" is first used late`},
		{Pos: at, Path: "subjects[0].id", Item: `subject "Our Customers"`, ItemName: "Customers", Message: `"Our Customers" is not a valid id`},
		{Pos: at, Path: "categories[1].id", Item: `category "contact"`, ItemName: "Payment information", Message: `id "contact" is already used by categories[0]`},
	}
	wantMore := []string{
		`data/p.yaml:4:7: error: purpose "billing" ("Bill your organisation") at purposes[3].categories[0]: unknown category "billing"`,
		`data/p.yaml:4:7: error: retention rule "legal-records" ("Records kept for legal reasons") at retention[12].criteria: gives criteria but no time limit`,
		`data/p.yaml:4:7: error: "Helpwise Ltd" at organization.entities[1].decides: the group has 2 controllers, and entity "helpwise-ltd" does not say which purposes it decides`,
		`data/p.yaml:4:7: error: transfers[1]: the text names transfer "us-scc" twice`,
		`data/p.yaml:4:7: error: processors[2]: processor "aws"'s region is unknown`,
		`data/p.yaml:4:7: error: transfer record "br-us" at brazil.transfers[0].mechanism: does not say which mechanism`,
		`data/p.yaml:4:7: error: transfer record "br-us" at brazil.transfers[0]: relies on clauses`,
		`data/p.yaml:4:7: error: purpose "billing" at purposes[3].categories[0]: unknown category "billing" (did you mean "billings"?)`,
		`data/p.yaml:4:7: error: "Anthropic" at processors[16].added: sub-processor "anthropic" is first used late`,
		`data/p.yaml:4:7: error: subject "Our Customers" ("Customers") at subjects[0].id: is not a valid id`,
		`data/p.yaml:4:7: error: category "contact" ("Payment information") at categories[1].id: is already used by categories[0]`,
	}
	for i, d := range read(more) {
		if got := d.Error(); got != wantMore[i] {
			t.Errorf("got  %s\nwant %s", got, wantMore[i])
		}
	}
	read(l)
	var text, gh bytes.Buffer
	if err := (&diag.Printer{}).Print(&text, l); err != nil {
		t.Fatal(err)
	}
	if err := (&diag.Printer{Format: diag.GitHub}).Print(&gh, l); err != nil {
		t.Fatal(err)
	}
	wantText := `data/p.yaml:4:7: error: purpose "security" ("Keep the service secure") at purposes[7].categories[1]: unknown category "payment"
data/p.yaml:4:7: error: purpose "security" ("Keep it: secure, always") at purposes[7]: names no interest [GDPR-13-1-d]
    hint: allowed values:
      a: one
      b: two
    rule: GDPR-13-1-d, GDPR Art. 13(1)(d)
data/p.yaml:4:7: error: transfer "us" at transfers[0].mechanism: bad
`
	wantGH := `::error file=data/p.yaml,line=4,col=7,title=purpose "security"::purpose "security" ("Keep the service secure") at purposes[7].categories[1]: unknown category "payment"
::error file=data/p.yaml,line=4,col=7,title=GDPR-13-1-d%3A purpose "security"::purpose "security" ("Keep it: secure, always") at purposes[7]: names no interest%0Aallowed values:%0Aa: one%0Ab: two%0Arule: GDPR-13-1-d, GDPR Art. 13(1)(d)
::error file=data/p.yaml,line=4,col=7,title=transfer "us"::transfer "us" at transfers[0].mechanism: bad
`
	if text.String() != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), wantText)
	}
	if gh.String() != wantGH {
		t.Errorf("github:\n%s\nwant:\n%s", gh.String(), wantGH)
	}
	var b bytes.Buffer
	if err := (&diag.Printer{Format: diag.JSON}).Print(&b, l[:1]); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got[0]["item"] != `purpose "security"` || got[0]["item_name"] != "Keep the service secure" || got[0]["path"] != "purposes[7].categories[1]" {
		t.Errorf("JSON lacks the item: %s", b.String())
	}
}

// A maker that names its item says how its message names it (About,
// OpensWith), and the one-line form follows it without reading the words:
// words the reading would not take for the item are left out when the
// maker says they name it, and a message that opens with the item's kind
// and id is written whole when the maker does not say so. The JSON form
// keeps the message whole.
func TestMakerNamesItem(t *testing.T) {
	at := diag.Pos{File: "data/p.yaml", Line: 4, Col: 7}
	var l diag.List
	l.Add(at, "processors[16].added", `sub-processor %q is first used late`, "anthropic").
		About(`processor "anthropic"`, "Anthropic").OpensWith(`sub-processor "anthropic"`)
	l.Add(at, "purposes[7]", `purpose "security" names no interest`).About(`purpose "security"`, "")
	l.Add(at, "purposes[7]", `purpose "security" names no interest`).About(`purpose "security"`, "").OpensWith(`purpose "billing"`)
	l.Add(at, "purposes[7]", `purpose "security"`).About(`purpose "security"`, "").OpensWith(`purpose "security"`)
	d := l.Add(at, "organization.entities[1].decides", `the group has 2 controllers, and entity "helpwise-ltd" does not say which`).About(`entity "helpwise-ltd"`, "Helpwise Ltd")
	d.Mentions = true
	want := []string{
		`data/p.yaml:4:7: error: processor "anthropic" ("Anthropic") at processors[16].added: is first used late`,
		`data/p.yaml:4:7: error: purpose "security" at purposes[7]: purpose "security" names no interest`,
		`data/p.yaml:4:7: error: purpose "security" at purposes[7]: purpose "security" names no interest`,
		`data/p.yaml:4:7: error: purpose "security" at purposes[7]: purpose "security"`,
		`data/p.yaml:4:7: error: "Helpwise Ltd" at organization.entities[1].decides: the group has 2 controllers, and entity "helpwise-ltd" does not say which`,
	}
	for i, d := range l {
		if got := d.Error(); got != want[i] {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
	var b bytes.Buffer
	if err := (&diag.Printer{Format: diag.JSON}).Print(&b, l[:1]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"message": "sub-processor \"anthropic\" is first used late"`) || strings.Contains(b.String(), "Opening") {
		t.Errorf("JSON:\n%s", b.String())
	}
}

// Properties escape what separates them (, and :) besides % and line
// breaks; the message escapes only % and line breaks.
func TestGitHubPropertyEscapes(t *testing.T) {
	l := diag.List{{Pos: diag.Pos{File: "data/a,b:c%.yaml", Line: 1}, Item: "cookie \"a,b:c%\r\n\"", Message: "m: a, b%\r\n"}}
	var b bytes.Buffer
	if err := (&diag.Printer{Format: diag.GitHub}).Print(&b, l); err != nil {
		t.Fatal(err)
	}
	want := "::error file=data/a%2Cb%3Ac%25.yaml,line=1,title=cookie \"a%2Cb%3Ac%25%0D%0A\"::cookie \"a,b:c%25%0D%0A\": m: a, b%25%0D%0A\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestJSONFormat(t *testing.T) {
	p := diag.Printer{Format: diag.JSON}
	var b bytes.Buffer
	if err := p.Print(&b, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("empty list printed %q (%v), want []", b.String(), err)
	}
	b.Reset()
	if err := p.Print(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1]["severity"] != "error" || got[1]["rule"].(map[string]any)["id"] != "GDPR-13-1-a" {
		t.Errorf("unexpected JSON: %s", b.String())
	}
}

func TestSuggest(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"legal_bassis", "legal_bases"},
		{"payment", "payments"},
		{"purpose", "purposes"},
		{"colour", ""},
		{"legal_bases", ""}, // an exact match needs no suggestion
	} {
		if got := diag.Suggest(c.name, []string{"legal_bases", "payments", "purposes", "name"}); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
