package translate_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/translate"
)

// Write's file reads back (load.Translations) as exactly the translations
// written, for every text of the sample and for texts made to look like
// YAML syntax.
func TestWriteReadsBack(t *testing.T) {
	units := translate.Units(sample(t))
	odd := []string{"yes", "- a", "a: b", "# x", "x #y", "\"q\"", "'s", "1.5", "a\nb", " lead", "trail ", "tab\tx", "a\n\nb\n", "{x}", "[x]", "*x", "&x", "!x", "%x", "@x", "`x`", "x:", "ünï€ode", "a\\b", "null", "~", "-", "x\n- y"}
	for i, o := range odd {
		u := *units[i%len(units)]
		u.Key = "odd[" + strconv.Itoa(i) + "].text"
		u.English, u.List = []string{o}, false
		if i%3 == 0 {
			u.English, u.List = []string{"x", o}, true
		}
		units = append(units, &u)
	}
	// Translated: the odd texts as they are, the others with "DE ".
	old := german(units)
	for i := range odd {
		k := len(units) - len(odd) + i
		old.Texts[k].Text = append([]string(nil), units[k].English...)
	}
	stale := old.Texts[1]
	stale.Source = "0123456789abcdef01234567"
	missing := old.Texts[2]
	old.Texts = append(old.Texts[:2], old.Texts[3:]...)
	b, st := translate.Write("de", units, old)
	if st.Current != len(units)-2 || st.Stale != 1 || st.Missing != 1 {
		t.Errorf("status %+v", st)
	}
	files, ds := load.Translations(fstest.MapFS{"data/translations/de.yaml": {Data: b}}, "data")
	if len(ds) > 0 || len(files) != 1 {
		t.Fatalf("%v\n%s", ds, b)
	}
	got := map[string]*translate.Text{}
	for _, tx := range files[0].Texts {
		got[tx.Key] = tx
	}
	for _, want := range old.Texts {
		g := got[want.Key]
		if g == nil || !reflect.DeepEqual(g.Text, want.Text) || g.Source != want.Source || g.List != want.List || g.Todo {
			t.Errorf("%s: read back %+v, wrote %+v", want.Key, g, want)
		}
	}
	if g := got[missing.Key]; g == nil || !g.Todo || g.Source != units[2].Hash() || !reflect.DeepEqual(g.Text, units[2].English) {
		t.Errorf("missing: %+v", g)
	}
	if !strings.Contains(string(b), "set source: "+units[1].Hash()) {
		t.Error("the stale text's new source is not given")
	}
	// A todo is not used: the text is reported missing.
	_, ads := translate.Apply(sample(t), files[0], nil)
	found := false
	for _, d := range ads {
		found = found || strings.Contains(d.Message, missing.Key+" has no German translation yet (todo: true")
	}
	if !found {
		t.Errorf("todo used: %v", ads)
	}
}
