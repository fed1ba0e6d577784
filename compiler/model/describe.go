package model

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Item is an item of the data a path leads through, as Describe finds it:
// the innermost item of a list (or value of a map) that the data names by
// an id (a map's value by its key) or, for a type without one, by its
// name.
type Item struct {
	// Kind is what the item is, from its type's name: "purpose", "entity",
	// "transfer record".
	Kind string
	// ID is the item's id; for a type with no id field (a cookie), its
	// name.
	ID string
	// Name is the item's name (its name, title or legal name), when it has
	// one besides the id.
	Name string
	// Path is the item's data path, such as "purposes[7]".
	Path string
}

// Label names the item by its kind and id: purpose "security".
func (it Item) Label() string {
	if it.ID == "" {
		return ""
	}
	return it.Kind + " " + strconv.Quote(it.ID)
}

// Description is what Describe says of a data path.
type Description struct {
	// Item is the innermost item on the path named by an id; its zero
	// value when there is none.
	Item Item
	// Schema is the path without list indexes and map keys
	// ("purposes.categories" for "purposes[3].categories[0]"), as
	// requirements name the data they read (jurisdiction.Requirement.Data).
	Schema string
}

// Describe says what the data path names in p: the innermost item on the
// path that has an id (or, for a type with no id field, a name), and the
// path's schema path. It walks the loaded values by their YAML keys, the
// rule packs' fields and sections (Ext) too; where the path leaves the
// data (an index out of range, a value not written), the rest counts for
// the schema path only. Describe works on a partial project (p as load
// returns it for broken data) and on a nil one.
func (p *Project) Describe(path string) Description {
	var d Description
	segs := splitPath(path)
	var schema []string
	v := reflect.Value{}
	if p != nil {
		v = reflect.ValueOf(p).Elem()
	}
	at := ""
	for _, s := range segs {
		v = deref(v)
		switch {
		case s.index >= 0:
			at = Index(at, s.index)
			if v.IsValid() && v.Kind() == reflect.Slice && s.index < v.Len() {
				v = v.Index(s.index)
				if it, ok := itemOf(deref(v), at, ""); ok {
					d.Item = it
				}
			} else {
				v = reflect.Value{}
			}
		case v.IsValid() && v.Kind() == reflect.Map:
			// A map's key (notices.global): not part of the schema path.
			at = Field(at, s.key)
			mv := v.MapIndex(reflect.ValueOf(s.key).Convert(v.Type().Key()))
			v = mv
			if mv.IsValid() {
				if it, ok := itemOf(deref(mv), at, s.key); ok {
					d.Item = it
				}
			}
		default:
			at = Field(at, s.key)
			schema = append(schema, s.key)
			v = fieldByKey(v, s.key)
		}
	}
	d.Schema = strings.Join(schema, ".")
	return d
}

// segment is one step of a data path: a key, or an index (key empty).
type segment struct {
	key   string
	index int
}

// splitPath splits "a.b[2].c" into a, b, [2], c.
func splitPath(path string) []segment {
	var out []segment
	for path != "" {
		switch path[0] {
		case '.':
			path = path[1:]
			continue
		case '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return append(out, segment{key: path, index: -1})
			}
			n, err := strconv.Atoi(path[1:end])
			if err != nil {
				// A map key written in brackets.
				out = append(out, segment{key: path[1:end], index: -1})
			} else {
				out = append(out, segment{index: n})
			}
			path = path[end+1:]
			continue
		}
		end := strings.IndexAny(path, ".[")
		if end < 0 {
			end = len(path)
		}
		out = append(out, segment{key: path[:end], index: -1})
		path = path[end:]
	}
	return out
}

func deref(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// fieldByKey returns the field of struct v whose YAML key is key, its own
// or a rule pack's (Fields); the invalid Value when there is none.
func fieldByKey(v reflect.Value, key string) reflect.Value {
	if !v.IsValid() || v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	var out reflect.Value
	Fields(v, "", func(name string, _ reflect.StructField, fv reflect.Value) {
		if name == key && !out.IsValid() {
			out = fv
		}
	})
	return out
}

// itemOf returns the item v (a struct at path) is, when it has an id (or,
// lacking an id field, its key in a map, or else a name) that is not
// empty.
func itemOf(v reflect.Value, path, key string) (Item, bool) {
	if !v.IsValid() || v.Kind() != reflect.Struct {
		return Item{}, false
	}
	it := Item{Kind: KindOf(v.Type()), Path: path}
	str := func(name string) (string, bool) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.String {
			return "", false
		}
		return strings.TrimSpace(f.String()), true
	}
	id, hasID := str("ID")
	if !hasID && key != "" {
		id, hasID = key, true
	}
	var name string
	for _, n := range []string{"Name", "Title", "LegalName"} {
		if s, ok := str(n); ok && s != "" {
			name = s
			break
		}
	}
	switch {
	case hasID && id != "":
		it.ID = id
		if name != id {
			it.Name = name
		}
	case !hasID && name != "":
		it.ID = name
	default:
		return Item{}, false
	}
	return it, true
}

// KindOf says what a value of struct type t is, in words, from its name:
// Purpose is "purpose", TransferRecord "transfer record", DPO "DPO".
func KindOf(t reflect.Type) string {
	name := t.Name()
	var words []string
	start := 0
	runes := []rune(name)
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || unicode.IsUpper(runes[i]) && (unicode.IsLower(runes[i-1]) ||
			i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1])) {
			words = append(words, string(runes[start:i]))
			start = i
		}
	}
	for i, w := range words {
		if r, n := utf8.DecodeRuneInString(w); n < len(w) && unicode.IsUpper(r) {
			if r2, _ := utf8.DecodeRuneInString(w[n:]); unicode.IsUpper(r2) {
				continue // an acronym: DPO
			}
		}
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, " ")
}
