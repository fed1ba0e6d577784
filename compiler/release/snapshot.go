package release

import (
	"encoding/json"
	"reflect"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Snapshot returns the data of p in a normalised form: the YAML keys and
// values the team wrote, without positions or file layout, keys sorted, so
// two snapshots differ only where the data does.
func Snapshot(p *model.Project) ([]byte, error) {
	if p == nil {
		return []byte("{}\n"), nil
	}
	b, err := json.MarshalIndent(plainValue(reflect.ValueOf(p)), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// plainValue converts a model value to maps, slices and scalars keyed by
// YAML name, dropping empty values.
func plainValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return plainValue(v.Elem())
	case reflect.Struct:
		m := map[string]any{}
		fields := func(v reflect.Value) {
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				name := tags.YAMLName(t.Field(i))
				if name == "" {
					continue
				}
				if x := plainValue(v.Field(i)); !empty(x) {
					m[name] = x
				}
			}
		}
		fields(v)
		// The rule packs' keys sit beside the item's own, as in the data.
		_, exts := model.ExtValues(v)
		for _, x := range exts {
			fields(x)
		}
		return m
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			if x := plainValue(v.MapIndex(k)); !empty(x) {
				m[k.String()] = x
			}
		}
		return m
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = plainValue(v.Index(i))
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		return v.Int()
	case reflect.Bool:
		return v.Bool()
	}
	return nil
}

func empty(x any) bool {
	switch x := x.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case int64:
		return x == 0
	case bool:
		return !x
	case map[string]any:
		return len(x) == 0
	}
	return false
}
