package jurisdiction

import (
	"reflect"
	"slices"
	"testing"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// ContactKeys are the fields Reachable counts: a contact giving only one of
// them is reachable, giving only another field is not.
func TestContactKeysAreReachable(t *testing.T) {
	ct := reflect.TypeFor[model.Contact]()
	for i := range ct.NumField() {
		f := ct.Field(i)
		key := tags.YAMLName(f)
		if key == "" {
			continue
		}
		c := &model.Contact{}
		v := reflect.ValueOf(c).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Pointer:
			v.Set(reflect.New(f.Type.Elem()))
		case reflect.Map:
			continue // Ext: the facts packs add, no way to reach anyone
		default:
			t.Fatalf("model.Contact.%s: unexpected kind %s", f.Name, v.Kind())
		}
		if got, want := slices.Contains(ContactKeys, key), Reachable(c); got != want {
			t.Errorf("%s: in ContactKeys = %v, but a contact with only %s is reachable = %v", key, got, key, want)
		}
	}
}
