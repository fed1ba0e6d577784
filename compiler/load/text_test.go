package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/load"
)

// Escapes in double-quoted text that name no character are errors at the
// escape, never a silent U+FFFD. A surrogate pair written as two escapes is
// one character.
func TestEscapesThatNameNoCharacter(t *testing.T) {
	for _, c := range []struct{ value, at, msg string }{
		{`"ab\uDC00"`, "data/a.yaml:2:17", `escape \uDC00 is half of a UTF-16 surrogate pair`},
		{`"\uD800"`, "data/a.yaml:2:15", `first half of a UTF-16 surrogate pair and must be followed by the second half`},
		{`"\uD800\u0041"`, "data/a.yaml:2:15", `first half of a UTF-16 surrogate pair`},
		{`"x \U00110000"`, "data/a.yaml:2:17", `escape \U00110000 is beyond the last Unicode character, U+10FFFF`},
		{`"\UFFFFFFFF"`, "data/a.yaml:2:15", `escape \UFFFFFFFF is beyond the last Unicode character`},
		{`"\u00zz"`, "data/a.yaml:2:15", `escape \u00zz needs 4 hexadecimal digits`},
		{"\"one\n    two \\e \\uDFFF\"", "data/a.yaml:3:12", `escape \uDFFF is half of a UTF-16 surrogate pair`},
	} {
		diags := load1(t, "security:\n  statement: "+c.value+"\n  measures: [TLS]\n")
		d := find(diags, "security.statement")
		if d == nil {
			for _, x := range diags {
				if x.Pos.File == "data/a.yaml" {
					d = x
				}
			}
		}
		if d == nil || d.Pos.String() != c.at || !strings.Contains(d.Message, c.msg) {
			t.Errorf("%q: got %v, want %s: ...%s...", c.value, d, c.at, c.msg)
		}
	}
	for value, want := range map[string]string{
		`"\uD83D\uDE00 \U0001F984 \u00e9"`: "😀 🦄 é",
		`"a\\uDC00 \t"`:                    `a\uDC00 ` + "\t",
		`'\uDC00'`:                         `\uDC00`,
		`"e\u0301 \U0010FFFD"`:             "e\u0301 \U0010FFFD",
		"\uFFFD \U0001F600":                "\uFFFD \U0001F600",
	} {
		proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte("security:\n  statement: " + value + "\n  measures: [TLS]\n")}}, "data")
		if d := find(diags, "security.statement"); d != nil || proj.Security == nil || string(proj.Security.Statement) != want {
			t.Errorf("%s: got %+v (%v), want %q", value, proj.Security, d, want)
		}
	}
}

// A bad escape in an anchor is blamed on each alias that copies it, with
// the escape as a related position.
func TestBadEscapeThroughAlias(t *testing.T) {
	diags := load1(t, "x: &t \"\\uDC00\"\nsecurity:\n  statement: *t\n  measures: [TLS]\n")
	d := find(diags, "security.statement")
	if d == nil || d.Pos.String() != "data/a.yaml:3:14" || len(d.Related) != 1 || d.Related[0].String() != "data/a.yaml:1:8" {
		t.Fatalf("got %v (related %v), want data/a.yaml:3:14 related data/a.yaml:1:8", d, d.Related)
	}
}

// A file of exactly the most lines allowed is read; one more line is not.
func TestLineLimitIsInclusive(t *testing.T) {
	lines := "security:\n  statement: S\n  measures:\n" + strings.Repeat("    - TLS\n", 200_000-3)
	if d := find(load1(t, lines), ""); d != nil && strings.Contains(d.Message, "lines") {
		t.Errorf("a file of 200,000 lines is refused: %v", d)
	}
	found := false
	for _, d := range load1(t, lines+"    - TLS\n") {
		if strings.Contains(d.Message, "more than 200000 lines") {
			found = true
		}
	}
	if !found {
		t.Error("a file of 200,001 lines is read")
	}
}
