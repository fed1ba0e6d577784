package translate_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/translate"
)

func sample(t *testing.T) *model.Project {
	t.Helper()
	p, ds := compiler.Check(disclose.Sample, "data", &compiler.Options{Date: "2027-01-04"})
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return p
}

// german translates every unit: "DE " before each English text.
func german(units []*translate.Unit) *translate.File {
	f := &translate.File{Path: "data/translations/de.yaml", Pos: diag.Pos{File: "data/translations/de.yaml", Line: 1}, Language: "de"}
	for i, u := range units {
		t := &translate.Text{Pos: diag.Pos{File: f.Path, Line: 3 + i}, Key: u.Key, Source: u.Hash(), List: u.List}
		for _, e := range u.English {
			t.Text = append(t.Text, "DE "+e)
		}
		f.Texts = append(f.Texts, t)
	}
	return f
}

func TestUnits(t *testing.T) {
	units := translate.Units(sample(t))
	if len(units) < 20 {
		t.Fatalf("only %d units", len(units))
	}
	keys := map[string]bool{}
	var byID bool
	for _, u := range units {
		if keys[u.Key] {
			t.Errorf("key %s twice", u.Key)
		}
		keys[u.Key] = true
		if !u.Pos.IsValid() {
			t.Errorf("%s (%s) has no position", u.Key, u.Path)
		}
		byID = byID || strings.HasPrefix(u.Key, "purposes[") && !strings.HasPrefix(u.Key, "purposes[0")
	}
	if !byID {
		t.Errorf("purposes are not keyed by id: %v", keys)
	}
	for _, want := range []string{"organization.description"} {
		if !keys[want] {
			t.Errorf("no unit %s", want)
		}
	}
}

func TestApply(t *testing.T) {
	p := sample(t)
	before := translate.Units(p)
	units := translate.Units(p)
	res, ds := translate.Apply(p, german(units), nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	after := translate.Units(res.Project)
	if len(after) != len(units) {
		t.Fatalf("%d units after, %d before", len(after), len(units))
	}
	for i, u := range after {
		for k, e := range u.English {
			if want := "DE " + units[i].English[k]; e != want {
				t.Fatalf("%s: %q, want %q", u.Key, e, want)
			}
		}
	}
	// The project translated is not changed.
	if !reflect.DeepEqual(translate.Units(p), before) {
		t.Error("Apply changed the English project")
	}
	if len(res.English) > 0 {
		t.Errorf("shown in English: %v", res.English)
	}
}

func TestProblems(t *testing.T) {
	p := sample(t)
	units := translate.Units(p)
	for _, tc := range []struct {
		name     string
		edit     func(f *translate.File)
		want     string
		severity diag.Severity
	}{
		{"stale", func(f *translate.File) { f.Texts[0].Source = "0123456789abcdef01234567" }, "translation of " + units[0].Key + " is stale: the English changed since it was translated", diag.Error},
		{"missing", func(f *translate.File) { f.Texts = f.Texts[1:] }, units[0].Key + " has no German translation", diag.Error},
		{"missing, fallback", func(f *translate.File) { f.Texts = f.Texts[1:]; f.Fallback = true }, "the English is shown, marked as English", diag.Warning},
		{"unknown", func(f *translate.File) { f.Texts[0].Key += "x" }, "translates no text of the data", diag.Error},
		{"twice", func(f *translate.File) { f.Texts = append(f.Texts, f.Texts[0]) }, "is given twice", diag.Error},
		{"list as text", func(f *translate.File) {
			for _, t := range f.Texts {
				if t.List {
					t.List = false
					return
				}
			}
		}, "is a list: translate it as a list", diag.Error},
		{"language", func(f *translate.File) { f.Language = "xx-!!" }, "is not a language code", diag.Error},
	} {
		f := german(units)
		tc.edit(f)
		_, ds := translate.Apply(p, f, nil)
		found := false
		for _, d := range ds {
			if strings.Contains(d.Message, tc.want) && d.Severity == tc.severity && d.Pos.IsValid() {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %v, want %q (%s)", tc.name, ds, tc.want, tc.severity)
		}
	}
	// A stale translation is never put in the copy.
	f := german(units)
	f.Texts[0].Source = "0123456789abcdef01234567"
	f.Fallback = true
	res, _ := translate.Apply(p, f, nil)
	if got := translate.Units(res.Project)[0].English; !reflect.DeepEqual(got, units[0].English) {
		t.Errorf("stale translation used: %q", got)
	}
	if len(res.English) != 1 || res.English[0] != units[0].Key {
		t.Errorf("shown in English: %v", res.English)
	}
}

// Only the texts the notices publish need a translation, and a name
// (i18n:"name") may stay as written, or be translated.
func TestNeed(t *testing.T) {
	p := sample(t)
	units := translate.Units(p)
	var text, name *translate.Unit
	for _, u := range units {
		if u.Optional && name == nil {
			name = u
		}
		if !u.Optional && text == nil && u.Key != units[0].Key {
			text = u
		}
	}
	if text == nil || name == nil {
		t.Fatal("the sample has no name or no text to translate")
	}
	f := german(units)
	f.Texts = nil
	_, ds := translate.Apply(p, f, func(path string) bool { return path == text.Path || path == name.Path })
	if len(ds) != 1 || !strings.Contains(ds[0].Message, text.Key+" has no German translation") {
		t.Errorf("%v", ds)
	}
	f = german([]*translate.Unit{name})
	res, ds := translate.Apply(p, f, nil)
	for _, u := range translate.Units(res.Project) {
		if u.Key == name.Key && u.English[0] != "DE "+name.English[0] {
			t.Errorf("the name's translation is not used: %q", u.English)
		}
	}
	for _, d := range ds {
		if d.Path == name.Path {
			t.Errorf("a name: %v", d)
		}
	}
}
