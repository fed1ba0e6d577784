// Package tags reads the model's struct tags (yaml, validate, ref) the same
// way for every package that walks the model by reflection.
package tags

import (
	"reflect"
	"strconv"
	"strings"
)

// YAMLName returns the YAML key of a struct field, or "" if it has none.
func YAMLName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// Rules are a field's validate rules, split at "dive" into the rules for
// the field itself and those for its items.
type Rules struct {
	Self, Items []string
}

// Validate parses a field's validate tag.
func Validate(f reflect.StructField) Rules {
	var r Rules
	tag := f.Tag.Get("validate")
	if tag == "" {
		return r
	}
	parts := strings.Split(tag, ",")
	for i, p := range parts {
		if p == "dive" {
			r.Items = parts[i+1:]
			return r
		}
		r.Self = append(r.Self, p)
	}
	return r
}

// Has reports whether rules hold the rule name (with or without a parameter).
func Has(rules []string, name string) bool {
	_, ok := Param(rules, name)
	return ok
}

// Param returns the parameter of rule name ("min=1" -> "1").
func Param(rules []string, name string) (string, bool) {
	for _, r := range rules {
		k, v, _ := strings.Cut(r, "=")
		if k == name {
			return v, true
		}
	}
	return "", false
}

// Int returns the integer parameter of rule name.
func Int(rules []string, name string) (int, bool) {
	v, ok := Param(rules, name)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// OneOf splits a oneof parameter into its values, honouring 'quoted values'.
func OneOf(param string) []string {
	var out []string
	for param = strings.TrimSpace(param); param != ""; param = strings.TrimSpace(param) {
		if param[0] == '\'' {
			end := strings.IndexByte(param[1:], '\'')
			if end < 0 {
				out = append(out, param[1:])
				break
			}
			out = append(out, param[1:end+1])
			param = param[end+2:]
			continue
		}
		word, rest, _ := strings.Cut(param, " ")
		out = append(out, word)
		param = rest
	}
	return out
}
