package jurisdiction

import (
	"reflect"
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
)

// A named condition tests what it names and says it in the law's words,
// negated too; its keys are checked like any condition's.
func TestNamedCondition(t *testing.T) {
	c := Named("the UK GDPR applies", "the UK GDPR does not apply", IsYes("established_in_uk"))
	o := reflect.ValueOf(model.Organization{EstablishedInUK: model.Yes})
	if !c.holds(o) || Not(c).holds(o) {
		t.Error("does not hold of an organisation established in the UK")
	}
	if c.holds(reflect.ValueOf(model.Organization{EstablishedInUK: model.No})) {
		t.Error("holds of an organisation not established in the UK")
	}
	w := &wording{}
	if got := c.phrase(w, false); got != "the UK GDPR applies" {
		t.Errorf("phrase %q", got)
	}
	if got := Not(c).phrase(w, false); got != "the UK GDPR does not apply" {
		t.Errorf("negated phrase %q", got)
	}
	if err := Named("x", "not x", IsYes("established_in_ukk")).check(reflect.TypeOf(model.Organization{}), nil); err == nil {
		t.Error("a misspelt key inside a named condition passes its check")
	}
}
