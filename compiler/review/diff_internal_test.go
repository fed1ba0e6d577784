package review

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// A pull request that rewords only the German text changes the text, as a
// release would version it (release.SameText), redline or not.
func TestTranslationOnlyChangeIsAChange(t *testing.T) {
	doc := func(de string) *notice.Document {
		s := &notice.Section{ID: "about", Title: "About"}
		s.P("Rights.")
		d := &notice.Document{ID: "eu", Title: "Notice", Sections: []*notice.Section{s}}
		g := &notice.Section{ID: "about", Title: "Über"}
		g.P(notice.Text(de))
		d.Translations = []*notice.Document{{ID: "eu", Title: "Hinweise", Language: "de", Sections: []*notice.Section{g}}}
		return d
	}
	none := func(a, b []byte) ([]change.Change, error) { return nil, nil }
	for _, redline := range []bool{false, true} {
		var same, changed NoticeDiff
		if err := same.compare(doc("Rechte."), nil, doc("Rechte."), nil, none, redline); err != nil || same.TextChanged {
			t.Errorf("redline %v: the same texts changed (%v)", redline, err)
		}
		if err := changed.compare(doc("Rechte."), nil, doc("Die Rechte."), nil, none, redline); err != nil || !changed.TextChanged {
			t.Errorf("redline %v: a German change is not a change (%v)", redline, err)
		}
	}
}
