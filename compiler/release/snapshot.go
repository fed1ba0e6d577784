package release

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"

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
		// A key written with empty settings is kept, as list items are.
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			if x := plainValue(v.MapIndex(k)); x != nil {
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

// Decode reads a data snapshot (a release's data.json, as Snapshot writes
// it) back into the model, with the rule packs' keys in their extensions,
// so versions are compared as typed data. A key neither the model nor an
// extension declares is an error, never silently dropped: each snapshot
// ever released must decode (a test decodes the sample's whole history).
func Decode(data []byte, exts model.Extensions) (*model.Project, error) {
	var x any
	if err := json.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	p := &model.Project{}
	if err := decodeValue(reflect.ValueOf(p).Elem(), x, "", exts); err != nil {
		return nil, err
	}
	return p, nil
}

func decodeValue(v reflect.Value, x any, path string, exts model.Extensions) error {
	if x == nil {
		return nil
	}
	mismatch := func() error { return fmt.Errorf("%s: unexpected %T in snapshot", pathOr(path), x) }
	switch v.Kind() {
	case reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		if err := decodeValue(e.Elem(), x, path, exts); err != nil {
			return err
		}
		v.Set(e)
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			return mismatch()
		}
		keys := map[string]model.Key{}
		for _, k := range exts.Keys(v.Type()) {
			keys[k.Name] = k
		}
		var ext model.Ext
		if es := exts.Of(v.Type()); len(es) > 0 {
			ext = model.Ext{}
			for _, e := range es {
				ext[e.Pack] = reflect.New(e.Type).Interface()
			}
			v.FieldByName("Ext").Set(reflect.ValueOf(ext))
		}
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, name := range names {
			k, ok := keys[name]
			if !ok {
				return fmt.Errorf("%s: unknown key %q in snapshot", pathOr(path), name)
			}
			f := v
			if k.Ext != nil {
				f = reflect.ValueOf(ext[k.Ext.Pack]).Elem()
			}
			if err := decodeValue(f.FieldByIndex(k.Field.Index), m[name], model.Field(path, name), exts); err != nil {
				return err
			}
		}
	case reflect.Map:
		m, ok := x.(map[string]any)
		if !ok {
			return mismatch()
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		for k, item := range m {
			e := reflect.New(v.Type().Elem()).Elem()
			if err := decodeValue(e, item, model.Field(path, k), exts); err != nil {
				return err
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
		v.Set(out)
	case reflect.Slice:
		l, ok := x.([]any)
		if !ok {
			return mismatch()
		}
		s := reflect.MakeSlice(v.Type(), len(l), len(l))
		for i, item := range l {
			if err := decodeValue(s.Index(i), item, model.Index(path, i), exts); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.String:
		s, ok := x.(string)
		if !ok {
			return mismatch()
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		n, ok := x.(float64)
		if !ok {
			return mismatch()
		}
		v.SetInt(int64(n))
	case reflect.Bool:
		b, ok := x.(bool)
		if !ok {
			return mismatch()
		}
		v.SetBool(b)
	default:
		return mismatch()
	}
	return nil
}

func pathOr(path string) string {
	if path == "" {
		return "snapshot"
	}
	return path
}
