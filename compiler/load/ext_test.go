package load_test

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
)

// A rule pack's own data, declared the way a pack declares it.
type testSections struct {
	Pack *testSection `yaml:"brazil"`
}

type testSection struct {
	Pos         diag.Pos     `yaml:"-"`
	Encarregado model.Answer `yaml:"encarregado" validate:"required"`
	Contact     string       `yaml:"contact" validate:"required_if=Encarregado yes,omitempty,email"`
}

type testPurpose struct {
	Bases []string `yaml:"lgpd_bases" validate:"required,min=1,dive,oneof=consent contract credit_protection"`
}

var testExts = model.Extensions{
	{Pack: "brazil", On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(testSections{})},
	{Pack: "brazil", On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(testPurpose{})},
}

func loadExt(t *testing.T, src string) (*model.Project, diag.List) {
	t.Helper()
	return load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(src)}}, "data", testExts...)
}

// A pack's keys are read beside the model's own: its top-level section and
// its fields of an item land in the item's Ext, under the pack's id.
func TestExtensionsDecode(t *testing.T) {
	p, diags := loadExt(t, "brazil:\n  encarregado: yes\n  contact: dpo@example.com\npurposes:\n  - id: a\n    lgpd_bases: [consent]\n")
	for _, d := range diags {
		if strings.Contains(d.Path, "brazil") || strings.Contains(d.Path, "lgpd") {
			t.Errorf("unexpected %v", d)
		}
	}
	s := model.ExtOf[testSections](p.Ext, "brazil")
	if s == nil || s.Pack == nil || !s.Pack.Encarregado.IsYes() || s.Pack.Contact != "dpo@example.com" {
		t.Fatalf("section not decoded: %+v", s)
	}
	if s.Pack.Pos.Line != 2 {
		t.Errorf("section at %v, want line 2", s.Pack.Pos)
	}
	pu := model.ExtOf[testPurpose](p.Purposes[0].Ext, "brazil")
	if pu == nil || len(pu.Bases) != 1 || pu.Bases[0] != "consent" {
		t.Fatalf("purpose field not decoded: %+v", pu)
	}
	if got := p.Source.Pos("purposes[0].lgpd_bases[0]"); got.Line != 6 {
		t.Errorf("lgpd_bases[0] at %v, want line 6", got)
	}
}

// A pack's validation rules run on its fields, positioned at the item,
// even when the item gives none of the pack's keys; a misspelt key is
// suggested from the pack's keys too; without the pack, its keys are
// unknown.
func TestExtensionsValidate(t *testing.T) {
	_, diags := loadExt(t, "brazil:\n  encarregado: yes\npurposes:\n  - id: a\n  - id: b\n    lgpd_base: [consent]\n  - id: c\n    lgpd_bases: [magic]\n")
	for _, want := range []struct{ path, msg string }{
		{"brazil.contact", `missing "contact", required when encarregado is yes`},
		{"purposes[0].lgpd_bases", `missing required field "lgpd_bases"`},
		{"purposes[1].lgpd_base", `did you mean "lgpd_bases"?`},
		{"purposes[2].lgpd_bases[0]", `"magic" is not an allowed value for lgpd_bases`},
	} {
		d := find(diags, want.path)
		if d == nil || !strings.Contains(d.Message, want.msg) {
			t.Errorf("%s: got %v, want %q in:\n%v", want.path, d, want.msg, diags)
		}
	}
	if d := find(diags, "purposes[1].lgpd_bases"); d != nil {
		t.Errorf("the misspelt key's field is reported missing too: %v", d)
	}
	if d := find(diags, "purposes[0].lgpd_bases"); d != nil && d.Pos.Line != 4 {
		t.Errorf("missing lgpd_bases blamed at %v, want line 4 (the item)", d.Pos)
	}
	_, diags = load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte("brazil:\n  encarregado: yes\n")}}, "data")
	if d := find(diags, "brazil"); d == nil || !strings.Contains(d.Message, `unknown key "brazil"`) {
		t.Errorf("without the pack: %v", diags)
	}
}

// notices: is keyed by pack id; each value is a notice's settings,
// validated, and a key written twice is reported.
func TestNoticeSettingsByPack(t *testing.T) {
	p, diags := loadExt(t, "notices:\n  global:\n    title: Privacy Policy\n  brazil:\n    intro: Olá\n  global:\n    title: Again\n")
	if d := find(diags, "notices.brazil.title"); d == nil || !strings.Contains(d.Message, `missing required field "title"`) || d.Pos.Line != 4 {
		t.Errorf("notices.brazil.title: %v in:\n%v", d, diags)
	}
	if d := find(diags, "notices.global"); d == nil || !strings.Contains(d.Message, "defined twice") {
		t.Errorf("duplicate notices.global: %v", diags)
	}
	if p.Notices["global"] == nil || p.Notices["global"].Title != "Privacy Policy" {
		t.Errorf("notices.global: %+v", p.Notices["global"])
	}
	_, diags = loadExt(t, "notices: [global]\n")
	if d := find(diags, "notices"); d == nil || !strings.Contains(d.Message, "mapping") {
		t.Errorf("notices as a list: %v", diags)
	}
}

// A notice's settings written empty are an error at the key, not a nil
// entry; a key starting with a digit keeps its path.
func TestNoticeSettingsEmptyAndDigitKeys(t *testing.T) {
	_, diags := loadExt(t, "notices:\n  global:\n    title: Privacy Policy\n  eu:\n  2fa:\n    intro: x\n")
	if d := find(diags, "notices.eu"); d == nil || !strings.Contains(d.Message, `empty value for "eu"`) || d.Pos.Line != 4 {
		t.Errorf("empty settings: %v in:\n%v", d, diags)
	}
	if d := find(diags, "notices.2fa.title"); d == nil || d.Pos.Line != 5 {
		t.Errorf("digit-leading key: %v in:\n%v", d, diags)
	}
}
