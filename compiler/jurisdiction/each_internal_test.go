package jurisdiction

import (
	"reflect"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// testFacts are the fields a pretend pack adds to a purpose, so the
// evaluator is shown to find keys held in a model.Ext extension.
type testFacts struct {
	LegalBases         []string     `yaml:"legal_bases"`
	LegitimateInterest string       `yaml:"legitimate_interest"`
	Sells              model.Answer `yaml:"sells"`
}

// testSections is a top-level section the pretend pack adds to the project.
type testSections struct {
	Extra *model.Contact `yaml:"extra"`
}

var testExtensions = model.Extensions{
	{Pack: "test", On: reflect.TypeFor[model.Purpose](), Type: reflect.TypeFor[testFacts]()},
	{Pack: "test", On: reflect.TypeFor[model.Project](), Type: reflect.TypeFor[testSections]()},
}

func facts(f testFacts) model.Ext { return model.Ext{"test": &f} }

// testProject is a small project built in Go: four purposes (one nil, one
// without the pack's facts), processors but no recipients, a privacy
// contact with neither email nor web form.
func testProject() *model.Project {
	src := model.NewSourceMap(diag.Pos{File: "data"})
	src.Set("purposes", diag.Pos{File: "data/purposes.yaml", Line: 1, Col: 11}, diag.Pos{File: "data/purposes.yaml", Line: 1, Col: 1})
	for i := range 4 {
		src.Set(model.Index("purposes", i), diag.Pos{File: "data/purposes.yaml", Line: 2 + 10*i, Col: 5}, diag.Pos{})
	}
	src.Set("purposes[1].legal_bases", diag.Pos{File: "data/purposes.yaml", Line: 14, Col: 18}, diag.Pos{File: "data/purposes.yaml", Line: 14, Col: 5})
	return &model.Project{
		Organization: &model.Organization{Name: "Acme", PrivacyContact: &model.Contact{Name: "Privacy team"}},
		Purposes: []*model.Purpose{
			{ID: "security", Ext: facts(testFacts{LegalBases: []string{"legitimate_interests"}, LegitimateInterest: "keeping the service secure", Sells: model.No})},
			{ID: "analytics", Ext: facts(testFacts{LegalBases: []string{"consent", "legitimate_interests"}})},
			nil,
			{ID: "billing"},
		},
		Processors: []*model.Processor{{ID: "cloud"}},
		Cookies:    &model.Cookies{DoNotTrack: &model.Signal{Honored: model.Yes}},
		Source:     src,
	}
}

// testPack is a pack of the requirements given, applying to every project.
type testPack []*Requirement

func (testPack) ID() string                                     { return "test" }
func (testPack) Name() string                                   { return "Test" }
func (testPack) Applies(*Context) (bool, string)                { return true, "always" }
func (p testPack) Requirements() []*Requirement                 { return p }
func (testPack) Compile(*Context) (*notice.Document, diag.List) { return nil, nil }

func run(t *testing.T, c *Context, es ...*Each) []string {
	t.Helper()
	q := &Requirement{ID: "TEST-1", Citation: "Test Act s. 1", Severity: diag.Error, Each: es}
	var out []string
	for _, d := range Check(c, testPack{q}) {
		s := d.Error()
		if d.Hint != "" {
			s += " hint: " + d.Hint
		}
		for _, r := range d.Related {
			s += " see " + r.String()
		}
		out = append(out, s)
	}
	return out
}

func TestEachReports(t *testing.T) {
	day := model.Date("2026-11-23")
	for _, tc := range []struct {
		name string
		each Each
		want []string
	}{
		{"a key held in an extension, reported at the key",
			Each{In: "purposes", Where: Includes("legal_bases", "legitimate_interests"), Require: []string{"legitimate_interest"},
				Message: "purpose {id} relies on legitimate interests but does not say what the interest is",
				Hint:    "add legitimate_interest: to purpose {id}"},
			[]string{`data/purposes.yaml:12:5: error: purposes[1].legitimate_interest: purpose "analytics" relies on legitimate interests but does not say what the interest is [TEST-1] hint: add legitimate_interest: to purpose "analytics"`}},
		{"reported at the item",
			Each{In: "purposes", Where: Includes("legal_bases", "legitimate_interests"), Require: []string{"legitimate_interest"}, At: AtItem,
				Message: "purpose {id} names no interest"},
			[]string{`data/purposes.yaml:12:5: error: purposes[1]: purpose "analytics" names no interest [TEST-1]`}},
		{"every item, an item without the extension holding the zero value",
			Each{In: "purposes", Require: []string{"sells"}, At: AtItem, Message: "purpose {id} does not say whether it sells"},
			[]string{
				`data/purposes.yaml:12:5: error: purposes[1]: purpose "analytics" does not say whether it sells [TEST-1]`,
				`data/purposes.yaml:32:5: error: purposes[3]: purpose "billing" does not say whether it sells [TEST-1]`,
			}},
		{"not, any and all",
			Each{In: "purposes", Where: All(Not(IsNo("sells")), AnyOf(Is("id", "billing"), Includes("legal_bases", "consent"))),
				Require: []string{"legitimate_interest"}, At: AtItem, Message: "purpose {id}"},
			[]string{
				`data/purposes.yaml:12:5: error: purposes[1]: purpose "analytics" [TEST-1]`,
				`data/purposes.yaml:32:5: error: purposes[3]: purpose "billing" [TEST-1]`,
			}},
		{"one of several keys, on one object",
			Each{In: "organization.privacy_contact", RequireAny: []string{"email", "web_form"}, Message: "the privacy contact {name} has no email address or web form"},
			[]string{`data: error: organization.privacy_contact: the privacy contact "Privacy team" has no email address or web form [TEST-1]`}},
		{"one of several keys, given",
			Each{In: "organization.privacy_contact", RequireAny: []string{"email", "name"}, Message: "unreachable"},
			nil},
		{"the project itself",
			Each{Where: Given("processors"), Require: []string{"recipients"}, Message: "processors but no recipients"},
			[]string{`data: error: recipients: processors but no recipients [TEST-1]`}},
		{"an object by a dotted path",
			Each{In: "cookies.do_not_track", Where: IsYes("honored"), Require: []string{"description"}, At: AtItem, Message: "no description"},
			[]string{`data: error: cookies.do_not_track: no description [TEST-1]`}},
		{"an absent object is not checked",
			Each{In: "children", Require: []string{"statement"}, Message: "no statement"},
			nil},
		{"a condition on the project, held in an extension",
			Each{In: "purposes", If: NotGiven("extra"), Where: Is("id", "billing"), Require: []string{"legal_bases"}, Message: "purpose {id}: no legal bases"},
			[]string{`data/purposes.yaml:32:5: error: purposes[3].legal_bases: purpose "billing": no legal bases [TEST-1]`}},
		{"not in force yet",
			Each{In: "purposes", Require: []string{"sells"}, From: "2027-01-01", Message: "not yet"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Context{Project: testProject(), Date: day}
			got := run(t, c, &tc.each)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestEachConditionOnProjectExtension(t *testing.T) {
	p := testProject()
	p.Ext = model.Ext{"test": &testSections{Extra: &model.Contact{Name: "x"}}}
	c := &Context{Project: p, Date: model.Date("2026-01-01")}
	if got := run(t, c, &Each{In: "purposes", If: NotGiven("extra"), Require: []string{"legal_bases"}, Message: "m"}); got != nil {
		t.Errorf("the project gives extra, so nothing is checked; got %q", got)
	}
}

func TestForEachRecordsDefinition(t *testing.T) {
	es := ForEach(Each{In: "purposes", Require: []string{"sells"}, At: AtItem, Message: "purpose {id}"})
	if got := es[0].Defined; got.File != "compiler/jurisdiction/each_internal_test.go" || got.Line == 0 {
		t.Fatalf("Defined = %v, want this file, repository-relative", got)
	}
	c := &Context{Project: testProject(), Date: model.Date("2026-01-01")}
	if got := run(t, c, es...); len(got) == 0 || strings.Contains(got[0], " see ") {
		t.Errorf("without ShowDefinitions, no Related position: %q", got)
	}
	c.ShowDefinitions = true
	got := run(t, c, es...)
	if len(got) == 0 || !strings.HasSuffix(got[0], " see "+es[0].Defined.String()) {
		t.Errorf("with ShowDefinitions, the definition is Related: %q", got)
	}
	q := &Requirement{Each: es}
	if q.Defined() != es[0].Defined || (&Requirement{}).Defined().IsValid() {
		t.Errorf("Requirement.Defined = %v", q.Defined())
	}
}

func TestCondition(t *testing.T) {
	for _, tc := range []struct {
		q    Requirement
		want string
	}{
		{Requirement{When: "the UK GDPR applies"}, "the UK GDPR applies"},
		{Requirement{}, ""},
		{Requirement{Each: []*Each{{In: "purposes", Where: AnyOf(Includes("legal_bases", "legitimate_interests"), Includes("uk_legal_bases", "legitimate_interests"))}}},
			"for each purpose whose legal_bases include legitimate_interests or uk_legal_bases include legitimate_interests"},
		{Requirement{Each: []*Each{{In: "organization.entities", Where: Is("role", "joint_controller")}}},
			"for each entity whose role is joint_controller"},
		{Requirement{Each: []*Each{{In: "cookies.items", Where: Not(Is("class", "strictly_necessary"))}}},
			"for each cookie whose class is not strictly_necessary"},
		{Requirement{Each: []*Each{{In: "automated_decisions.decisions", Noun: "automated decision", Where: IsYes("art22")}}},
			"for each automated decision whose art22 is yes"},
		{Requirement{Each: []*Each{{In: "rights.request_methods"}}}, "for each request method"},
		{Requirement{Each: []*Each{{In: "categories", Where: Not(AnyOf(Given("sources"), Given("provision")))}}},
			"for each category whose sources is empty and provision is not given"},
		{Requirement{Each: []*Each{{In: "organization", Where: All(IsNo("established_in_eu"), IsYes("targets_eu"))}}},
			"when organization.established_in_eu is no and organization.targets_eu is yes"},
		{Requirement{Each: []*Each{{In: "organization", Where: AnyOf(Given("website"), All(IsNo("targets_eu"), IsNo("targets_uk")))}}},
			"when organization.website is given or (organization.targets_eu is no and organization.targets_uk is no)"},
		{Requirement{Each: []*Each{{In: "organization", Where: All(IsYes("targets_eu"), All(IsYes("targets_uk"), Not(AnyOf(IsNo("established_in_eu"), IsNo("established_in_uk")))))}}},
			"when organization.targets_eu is yes and organization.targets_uk is yes and organization.established_in_eu is not no and organization.established_in_uk is not no"},
		{Requirement{Each: []*Each{{Where: Given("processors")}}}, "when processors is not empty"},
		{Requirement{Each: []*Each{{In: "organization.privacy_contact", RequireAny: []string{"email", "web_form"}}}}, ""},
		{Requirement{Each: []*Each{{In: "children", Where: Given("statement")}}, When: "the service is online"},
			"when children.statement is given; the service is online"},
		{Requirement{Each: []*Each{
			{In: "purposes", If: NotGiven("california"), Require: []string{"sells"}},
			{In: "purposes", If: NotGiven("california"), Require: []string{"shares"}, From: "2023-01-01"},
		}}, "for each purpose, when california is not given (shares only from 2023-01-01)"},
		{Requirement{Each: []*Each{{In: "cookies.global_privacy_control", Require: []string{"shows_status"}, From: "2026-01-01"}}},
			"shows_status only from 2026-01-01"},
		{Requirement{Each: []*Each{{In: "cookies.global_privacy_control", If: AnyOf(IsYes("california.sells"), IsYes("california.shares")), Where: Given("honored")}}},
			"when (california.sells is yes or california.shares is yes) and cookies.global_privacy_control.honored is answered"},
	} {
		if got := tc.q.Condition(); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := Each{In: "purposes", Where: Includes("legal_bases", "consent"), Require: []string{"legitimate_interest"}, Message: "purpose {id}"}
	if err := ok.Validate(testExtensions); err != nil {
		t.Errorf("keys of an extension: %v", err)
	}
	if err := ok.Validate(nil); err == nil || !strings.Contains(err.Error(), "no key legal_bases") {
		t.Errorf("without the extension, legal_bases is unknown: %v", err)
	}
	for _, tc := range []struct {
		each Each
		want string
	}{
		{Each{In: "purpose", Require: []string{"id"}, Message: "m"}, "has no key purpose"},
		{Each{In: "organization.name", Require: []string{"id"}, Message: "m"}, "not an object"},
		{Each{In: "purposes", Where: Is("legal_basis", "consent"), Require: []string{"id"}, Message: "m"}, "where: legal_basis: model.Purpose has no key legal_basis"},
		{Each{In: "purposes", Where: Is("categories", "x"), Require: []string{"id"}, Message: "m"}, "not text"},
		{Each{In: "purposes", Where: IsYes("id"), Require: []string{"id"}, Message: "m"}, "not a yes/no answer"},
		{Each{In: "purposes", Where: Includes("id", "x"), Require: []string{"id"}, Message: "m"}, "not a list of text"},
		{Each{In: "purposes", Where: All(), Require: []string{"id"}, Message: "m"}, "empty All"},
		{Each{In: "purposes", If: Given("purpose"), Require: []string{"id"}, Message: "m"}, "if: purpose"},
		{Each{In: "purposes", Require: []string{"legitimate_intrest"}, Message: "m"}, "require: legitimate_intrest"},
		{Each{In: "purposes", RequireAny: []string{"id", "nme"}, Message: "m"}, "require: nme"},
		{Each{In: "purposes", Message: "m"}, "requires nothing"},
		{Each{In: "purposes", Require: []string{"id"}, Message: "purpose {identifier}"}, "message: identifier"},
		{Each{In: "purposes", Require: []string{"id"}}, "no message"},
	} {
		err := tc.each.Validate(testExtensions)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want an error with %q", tc.each, err, tc.want)
		}
	}
	q := &Requirement{ID: "TEST-1", Each: ForEach(Each{In: "purposes", Require: []string{"nope"}, Message: "m"})}
	if err := q.Validate(nil); err == nil || !strings.HasPrefix(err.Error(), "TEST-1: rule 1 (compiler/jurisdiction/each_internal_test.go:") {
		t.Errorf("Requirement.Validate names the rule and where it is defined: %v", err)
	}
}

func TestChecks(t *testing.T) {
	if (&Requirement{}).Checks() || !(&Requirement{Each: []*Each{{}}}).Checks() || !(&Requirement{Check: func(*Context, *Report) {}}).Checks() {
		t.Error("Checks: a requirement checks the data when it has Each or Check")
	}
}
