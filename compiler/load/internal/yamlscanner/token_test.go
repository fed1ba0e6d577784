package yamlscanner

import (
	"testing"

	"github.com/goccy/go-yaml/token"
)

var values = []string{
	"", "a", "xyz", "Zz", "yes", "No", "on", "null", "Null", "NULL", "nULL", "~",
	"true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "fALSE",
	"inf", "Inf", "INF", "infinity", "Infinity", "nan", "NaN", ".inf", "-.Inf", ".nan",
	"i.nf", "n.an", "e5", "e.5", "E1", "a_1", "x.y.z", "0x1F", "0o17", "0b101", "017",
	"1_000", "+12", "-3", "1.5", ".5", "1e5", "_1", "2018-03-05", "98109-5210", "https://a.b",
}

// sameToken reports whether newToken gives the token token.New gives.
func sameToken(t *testing.T, v string) {
	t.Helper()
	pos := &token.Position{Line: 1, Column: 1}
	got, want := newToken(v, v, pos), token.New(v, v, pos)
	if got.Type != want.Type || got.CharacterType != want.CharacterType || got.Indicator != want.Indicator ||
		got.Value != want.Value || got.Origin != want.Origin || got.Position != want.Position {
		t.Errorf("%q: newToken gives %+v, token.New %+v", v, got, want)
	}
}

func TestNewTokenIsTokenNew(t *testing.T) {
	for _, v := range values {
		sameToken(t, v)
	}
}

func FuzzNewTokenIsTokenNew(f *testing.F) {
	for _, v := range values {
		f.Add(v)
	}
	f.Fuzz(sameToken)
}
