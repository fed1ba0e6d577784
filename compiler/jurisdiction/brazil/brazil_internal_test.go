package brazil

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
)

// reference loads the pack's reference data as the facade does.
func reference(t *testing.T) *model.Reference {
	t.Helper()
	ref, diags := load.Reference(referenceFS, "reference", referenceExtension)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return ref
}

// Every declarative rule names fields the model or the pack's data has.
func TestRulesNameRealFields(t *testing.T) {
	for _, q := range requirements {
		if err := q.Validate(extensions()); err != nil {
			t.Error(err)
		}
	}
}

// oneOf returns the values a field's validate tag accepts.
func oneOf(t reflect.Type, name string) []string {
	f, _ := t.FieldByName(name)
	var values []string
	for _, rule := range strings.Split(f.Tag.Get("validate"), ",") {
		if v, ok := strings.CutPrefix(rule, "oneof="); ok {
			values = strings.Fields(v)
		}
	}
	return values
}

// Every value transfers[].lgpd_mechanism accepts has its entry in the
// reference data, and every entry is a value it accepts; Brazil's own
// transfer records accept the same values.
func TestEveryMechanismIsReferenceData(t *testing.T) {
	values := oneOf(reflect.TypeFor[TransferFacts](), "LGPDMechanism")
	if own := oneOf(reflect.TypeFor[TransferRecord](), "Mechanism"); !slices.Equal(own, values) {
		t.Errorf("brazil.transfers[].mechanism accepts %v, transfers[].lgpd_mechanism %v", own, values)
	}
	c := &j.Context{Reference: reference(t), Date: "2026-11-23"}
	for _, v := range values {
		if ToolOf(c, v) == nil {
			t.Errorf("lgpd_mechanism %s has no entry in reference/transfer-tools.yaml", v)
		}
	}
	for _, tool := range references(c).TransferTools.Tools {
		if !slices.Contains(values, tool.ID) {
			t.Errorf("reference tool %s is not a value of lgpd_mechanism", tool.ID)
		}
	}
}

// The ANPD's adequacy decision covers the EEA from its publication, and
// nothing else.
func TestAdequacyIsDated(t *testing.T) {
	ref := reference(t)
	for _, tc := range []struct {
		date, country string
		want          bool
	}{
		{"2026-01-26", "DE", false},
		{"2026-01-27", "DE", true},
		{"2026-01-27", "NO", true},
		{"2026-11-23", "GB", false},
		{"2026-11-23", "US", false},
		{"2026-11-23", "CH", false},
	} {
		c := &j.Context{Reference: ref, Date: model.Date(tc.date)}
		if got := AdequacyOf(c, tc.country) != nil; got != tc.want {
			t.Errorf("%s on %s: adequate %v, want %v", tc.country, tc.date, got, tc.want)
		}
	}
}

// The standard clauses are available from the resolution's day; the
// transition ends on the deadline.
func TestToolsAreDated(t *testing.T) {
	c := &j.Context{Reference: reference(t)}
	scc, old := ToolOf(c, "anpd_scc"), ToolOf(c, "contract_clauses_transition")
	if scc.From != "2024-08-23" || old.Until != "2025-08-23" {
		t.Errorf("anpd_scc from %s, transition until %s; want 2024-08-23 and 2025-08-23", scc.From, old.Until)
	}
}

// A condition said in words reads in the law's terms.
func TestConditionsInWords(t *testing.T) {
	want := map[string]string{
		"LGPD-7":       "for each purpose",
		"LGPD-9-P3":    "for each category whose provision is statutory, contractual or precontractual",
		"LGPD-33":      "for each transfer whose lgpd_transfer is not no (it carries personal data under the LGPD), when brazil.transfers lists no record (the transfers carry the LGPD facts); for each Brazilian transfer",
		"LGPD-14-1":    "when children.directed_to_children is yes",
		"LGPD-18-VIII": "for each purpose whose lgpd_bases include consent or lgpd_sensitive_bases include consent",
	}
	for _, q := range requirements {
		if w, ok := want[q.ID]; ok {
			if got := q.Condition(extensions()...); got != w {
				t.Errorf("%s: condition %q, want %q", q.ID, got, w)
			}
		}
	}
}

// A recipient's role defaults from its kind; an affiliate must say.
func TestRoleFromKind(t *testing.T) {
	for kind, want := range map[string]string{"service_provider": "operator", "contractor": "operator", "affiliate": "", "authority": "controller", "advertising_partner": "controller"} {
		if got := Role(&model.Recipient{Kind: kind}); got != want {
			t.Errorf("%s: role %q, want %q", kind, got, want)
		}
	}
	r := &model.Recipient{Kind: "affiliate", Ext: model.Ext{ID: &RecipientFacts{LGPDRole: "controller"}}}
	if Role(r) != "controller" {
		t.Errorf("an affiliate's lgpd_role is not read")
	}
}

// The pack does not apply without its section, or when it says no, and
// says why either way.
func TestApplies(t *testing.T) {
	p := &model.Project{}
	if ok, why := New().Applies(&j.Context{Project: p}); ok || why == "" {
		t.Errorf("no section: applies %v (%q)", ok, why)
	}
	p.Ext = model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.No}}}
	if ok, _ := New().Applies(&j.Context{Project: p}); ok {
		t.Error("applies: no, yet the pack applies")
	}
	Of(p).Applies, Of(p).Grounds = model.Yes, []string{"offers_to_brazil"}
	if ok, why := New().Applies(&j.Context{Project: p, Date: "2020-09-18"}); !ok || !strings.Contains(why, "Art. 3, II") {
		t.Errorf("applies: yes: %v (%q)", ok, why)
	}
	if ok, _ := New().Applies(&j.Context{Project: p, Date: "2020-09-17"}); ok {
		t.Error("the pack applies before the LGPD was in force")
	}
}

// The pack reports the changes of its own data: a purpose's LGPD bases, a
// transfer's Art. 33 mechanism, the encarregado.
func TestChanges(t *testing.T) {
	mk := func(bases []string, mech, enc string) *model.Project {
		return &model.Project{
			Ext:       model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.Yes, Encarregado: &model.Contact{Name: enc, Email: "e@example.com"}}}},
			Purposes:  []*model.Purpose{{ID: "p", Name: "Run the service", Ext: model.Ext{ID: &PurposeFacts{LGPDBases: bases}}}},
			Transfers: []*model.Transfer{{ID: "t", Destinations: []string{"US"}, Ext: model.Ext{ID: &TransferFacts{LGPDMechanism: mech}}}},
		}
	}
	c := &j.Context{Reference: reference(t)}
	n := &change.Names{Country: func(code string) string { return j.CountryInEnglish(code) }}
	New().ChangeNames(c, n)
	got := New().Changes(mk([]string{"contract"}, "contract_clauses_transition", "Ana"), mk([]string{"consent"}, "anpd_scc", "Bia"), n)
	var sentences []string
	for _, ch := range got {
		sentences = append(sentences, string(ch.Reason)+": "+ch.Sentence)
	}
	want := []string{
		"legal basis changed: Under the LGPD, the purpose “Run the service” now relies on consent.",
		"transfer safeguard replaced: Under the LGPD, our transfers to the United States now rely on the standard contractual clauses approved by the ANPD instead of contractual clauses in force before the ANPD's standard clauses.",
		"contact details changed: Our encarregado (LGPD Art. 41) is now Bia.",
	}
	if !slices.Equal(sentences, want) {
		t.Errorf("changes:\n%s\nwant\n%s", strings.Join(sentences, "\n"), strings.Join(want, "\n"))
	}
	if len(New().Changes(mk([]string{"consent"}, "anpd_scc", "Bia"), mk([]string{"consent"}, "anpd_scc", "Bia"), n)) != 0 {
		t.Error("no change, yet changes reported")
	}
}

// Brazil's own transfer records report their changes: a new record, one
// removed, a mechanism replaced.
func TestRecordChanges(t *testing.T) {
	mk := func(recs ...*TransferRecord) *model.Project {
		return &model.Project{Ext: model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.Yes, Transfers: recs}}}}
	}
	c := &j.Context{Reference: reference(t)}
	n := &change.Names{Country: func(code string) string { return j.CountryInEnglish(code) }}
	New().ChangeNames(c, n)
	old := mk(&TransferRecord{ID: "br-us", Destinations: []string{"US"}, Mechanism: "contract_clauses_transition"},
		&TransferRecord{ID: "br-gb", Destinations: []string{"GB"}, Mechanism: "anpd_scc"})
	new := mk(&TransferRecord{ID: "br-us", Destinations: []string{"US"}, Mechanism: "anpd_scc"},
		&TransferRecord{ID: "br-eea", Destinations: []string{"IE"}, Mechanism: "anpd_adequacy"})
	var got []string
	for _, ch := range New().Changes(old, new, n) {
		got = append(got, string(ch.Reason)+": "+ch.Sentence)
	}
	want := []string{
		"transfer safeguard replaced: Under the LGPD, our transfers to the United States now rely on the standard contractual clauses approved by the ANPD instead of contractual clauses in force before the ANPD's standard clauses.",
		"new destination country: Under the LGPD, we now transfer personal data to Ireland, relying on an adequacy decision of the ANPD.",
		"destination country removed: Under the LGPD, we no longer transfer personal data to the United Kingdom as we did relying on the standard contractual clauses approved by the ANPD.",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("changes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Brazil's own records replace the core transfers' LGPD facts: the core
// transfers are read only without them, and then only those that carry
// LGPD data.
func TestTransfersFromEitherList(t *testing.T) {
	p := &model.Project{
		Ext: model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.Yes}}},
		Transfers: []*model.Transfer{
			{ID: "us", Destinations: []string{"US"}, Ext: model.Ext{ID: &TransferFacts{LGPDMechanism: "anpd_scc"}}},
			{ID: "uk", Destinations: []string{"GB"}, Ext: model.Ext{ID: &TransferFacts{LGPDTransfer: model.No}}},
		},
	}
	ids := func() (out []string) {
		for _, r := range Transfers(p) {
			out = append(out, r.ID+" "+r.Path+" "+r.MechanismKey+" "+r.Mechanism)
		}
		return out
	}
	if got, want := ids(), []string{"us transfers[0] lgpd_mechanism anpd_scc"}; !slices.Equal(got, want) {
		t.Errorf("without brazil.transfers: %v, want %v", got, want)
	}
	Of(p).Transfers = []*TransferRecord{{ID: "br-us", Destinations: []string{"US"}, Recipients: []string{"x"}, Mechanism: "anpd_scc"}}
	if got, want := ids(), []string{"br-us brazil.transfers[0] mechanism anpd_scc"}; !slices.Equal(got, want) {
		t.Errorf("with brazil.transfers: %v, want %v", got, want)
	}
}

// Coverage: a country where a recipient holds the data needs a transfer of
// that recipient there; Brazil and, for the group's
// companies, the controller's own country need none; a processor not yet
// in use needs none.
func TestCoverage(t *testing.T) {
	ref := reference(t)
	project := func(recs ...*TransferRecord) *model.Project {
		return &model.Project{
			Ext:          model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.Yes, Controller: "inc", Transfers: recs}}},
			Organization: &model.Organization{Entities: []*model.Entity{{ID: "inc", Role: "controller", Address: &model.Address{Country: "US"}}}},
			Recipients: []*model.Recipient{
				{ID: "group", Kind: "affiliate", Countries: []string{"BR", "US", "GB"}},
				{ID: "vendors", Kind: "service_provider", Countries: []string{"US"}},
			},
			Processors: []*model.Processor{
				{ID: "later", Recipient: "vendors", Country: "IN", Added: "2030-01-01"},
				{ID: "now", Recipient: "vendors", Country: "US", Locations: []string{"DE"}, Added: "2020-01-01"},
			},
		}
	}
	run := func(p *model.Project, date model.Date) []string {
		var out []string
		for _, d := range runRule(t, "LGPD-33-COVER", &j.Context{Project: p, Reference: ref, Date: date}) {
			out = append(out, d.Path)
		}
		return out
	}
	gb := &TransferRecord{ID: "br-gb", Destinations: []string{"GB"}, Recipients: []string{"group"}, Mechanism: "anpd_scc"}
	us := &TransferRecord{ID: "br-us", Destinations: []string{"US"}, Recipients: []string{"vendors"}, Mechanism: "anpd_scc"}
	de := &TransferRecord{ID: "br-de", Destinations: []string{"DE"}, Recipients: []string{"vendors"}, Mechanism: "anpd_adequacy"}
	for _, tc := range []struct {
		name string
		recs []*TransferRecord
		date model.Date
		want []string
	}{
		{"all covered (the processor in India is not yet in use)", []*TransferRecord{gb, us, de}, "2026-11-23", nil},
		{"no record for the group's UK company", []*TransferRecord{us, de}, "2026-11-23", []string{"recipients[0].countries"}},
		{"a processor's location", []*TransferRecord{gb, us}, "2026-11-23", []string{"processors[1]"}},
		{"a mechanism not yet in force is LGPD-33's to report", []*TransferRecord{gb, us, de}, "2024-08-22", nil},
		{"a record without its mechanism is LGPD-33's to report", []*TransferRecord{gb, us, {ID: "br-de", Destinations: []string{"DE"}, Recipients: []string{"vendors"}}}, "2026-11-23", nil},
		{"a record for another recipient", []*TransferRecord{gb, us, {ID: "br-de", Destinations: []string{"DE"}, Recipients: []string{"group"}, Mechanism: "anpd_adequacy"}}, "2026-11-23", []string{"processors[1]"}},
	} {
		if got := run(project(tc.recs...), tc.date); !slices.Equal(got, tc.want) {
			t.Errorf("%s: reported at %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Authorities: clauses, corporate rules and seals are refused for a
// recipient of kind authority, Art. 33 IX is not.
func TestAuthoritiesAdoptNoClauses(t *testing.T) {
	ref := reference(t)
	for mech, want := range map[string]int{"anpd_scc": 1, "specific_clauses": 1, "global_corporate_rules": 1, "seals_codes": 1, "exercise_of_rights": 0, "legal_obligation": 0, "legal_cooperation": 0} {
		p := &model.Project{
			Ext:        model.Ext{ID: &Sections{Brazil: &Brazil{Applies: model.Yes, Transfers: []*TransferRecord{{ID: "br", Destinations: []string{"GB"}, Recipients: []string{"vendors", "courts"}, Mechanism: mech}}}}},
			Recipients: []*model.Recipient{{ID: "vendors", Kind: "service_provider"}, {ID: "courts", Kind: "authority"}},
		}
		if got := len(runRule(t, "LGPD-33-AUTH", &j.Context{Project: p, Reference: ref, Date: "2026-11-23"})); got != want {
			t.Errorf("%s: %d diagnostics, want %d", mech, got, want)
		}
	}
}

// only is the pack with one of its requirements.
type only struct {
	*Pack
	q *j.Requirement
}

func (o only) Requirements() []*j.Requirement { return []*j.Requirement{o.q} }

// runRule runs the pack's requirement id alone on c.
func runRule(t *testing.T, id string, c *j.Context) diag.List {
	t.Helper()
	for _, q := range requirements {
		if q.ID == id {
			return j.Check(c, only{New(), q})
		}
	}
	t.Fatalf("no requirement %s", id)
	return nil
}
