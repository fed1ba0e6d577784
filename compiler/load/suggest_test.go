package load

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The decoder's suggestions skip keys that cannot be close, and find what
// diag.Suggest finds over all the keys: for every edit of every key of every
// model struct, and for random keys.
func TestSuggestMatchesDiagSuggest(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("abcdefghijklmnopqrstuvwxyz_ABZ09-éİß😀")
	edit := func(s string) string {
		r := []rune(s)
		switch i := rng.Intn(len(r) + 1); rng.Intn(4) {
		case 0:
			r = append(r[:i], append([]rune{alphabet[rng.Intn(len(alphabet))]}, r[i:]...)...)
		case 1:
			if i < len(r) {
				r = append(r[:i], r[i+1:]...)
			}
		case 2:
			if i < len(r) {
				r[i] = alphabet[rng.Intn(len(alphabet))]
			}
		case 3:
			if i+1 < len(r) {
				r[i], r[i+1] = r[i+1], r[i]
			}
		}
		return string(r)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	checked := 0
	walk = func(tp reflect.Type) {
		for tp.Kind() == reflect.Pointer || tp.Kind() == reflect.Slice {
			tp = tp.Elem()
		}
		if tp.Kind() != reflect.Struct || seen[tp] || tp == posType {
			return
		}
		seen[tp] = true
		st := fieldsOf(tp, nil)
		for _, name := range st.names {
			for range 30 {
				key := name
				for range rng.Intn(4) + 1 {
					key = edit(key)
				}
				if got, want := st.suggest(key), diag.Suggest(key, st.names); got != want {
					t.Errorf("%s: suggest(%q) = %q, diag.Suggest = %q", tp, key, got, want)
				}
				checked++
			}
		}
		for i := 0; i < tp.NumField(); i++ {
			walk(tp.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(model.Project{}))
	walk(reflect.TypeOf(model.Reference{}))
	if checked < 1000 {
		t.Fatalf("checked only %d keys", checked)
	}
}
