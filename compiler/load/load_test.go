package load_test

import (
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func load1(t *testing.T, src string) diag.List {
	t.Helper()
	_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(src)}}, "data")
	return diags
}

func find(diags diag.List, path string) *diag.Diagnostic {
	for _, d := range diags {
		if d.Path == path {
			return d
		}
	}
	return nil
}

// Columns count characters, not bytes, so carets line up under accented and
// non-Latin names.
func TestColumnsCountCharacters(t *testing.T) {
	diags := load1(t, "transfers:\n  - id: t\n    description: Łódź\n    destinations: [ÜÜ, Ελ, XX]\n    mechanism: ADEQUACY\n")
	for _, c := range []struct {
		path string
		col  int
	}{
		{"transfers[0].destinations[0]", 20},
		{"transfers[0].destinations[1]", 24},
		{"transfers[0].destinations[2]", 28},
	} {
		d := find(diags, c.path)
		if d == nil {
			t.Fatalf("no diagnostic for %s in:\n%v", c.path, diags)
		}
		if d.Pos.Line != 4 || d.Pos.Col != c.col {
			t.Errorf("%s at %d:%d, want 4:%d", c.path, d.Pos.Line, d.Pos.Col, c.col)
		}
	}
}

// A missing field is blamed on the mapping that should hold it.
func TestMissingFieldBlamesParent(t *testing.T) {
	diags := load1(t, "security:\n  measures: [TLS]\n")
	d := find(diags, "security.statement")
	if d == nil {
		t.Fatalf("no diagnostic for security.statement in:\n%v", diags)
	}
	if got := d.Pos.String(); got != "data/a.yaml:1:1" {
		t.Errorf("blamed %s, want data/a.yaml:1:1 (the security: key)", got)
	}
}

func TestAnswersAcceptYesNoAndBooleans(t *testing.T) {
	proj, _ := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"children:\n  minimum_age: 16\n  directed_to_children: false\n  actual_knowledge_under_16: No\n")}}, "data")
	c := proj.Children
	if c == nil || c.DirectedToChildren != "no" || c.ActualKnowledgeUnder16 != "no" || c.MinimumAge != 16 {
		t.Fatalf("decoded %+v", c)
	}
}

// Numbers written where text is expected are kept as written (postal codes,
// phone numbers), leading zeros included.
func TestNumbersAsText(t *testing.T) {
	proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"organization:\n  entities:\n    - id: a\n      address:\n        street: [1 Main St]\n        city: Boston\n        postal_code: 02134\n        country: US\n")}}, "data")
	if d := find(diags, "organization.entities[0].address.postal_code"); d != nil {
		t.Fatalf("postal code rejected: %v", d)
	}
	if got := proj.Organization.Entities[0].Address.PostalCode; got != "02134" {
		t.Errorf("postal code %q, want 02134", got)
	}
}
