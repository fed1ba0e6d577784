package csvcell_test

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/internal/csvcell"
)

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "",
		"=1+1":                   "'=1+1",
		`=HYPERLINK("http://x")`: `'=HYPERLINK("http://x")`,
		"+44 20 7946 0000":       "'+44 20 7946 0000",
		"-5":                     "'-5",
		"@SUM(A1:A2)":            "'@SUM(A1:A2)",
		"\t=1":                   "'\t=1",
		"\tplain":                "'\tplain",
		"\r\n=1":                 "'\r\n=1",
		"\x00x":                  "'\x00x",
		" =1+1":                  "' =1+1",
		"  @x":                   "'  @x",
		"=first\nsecond":         "'=first\nsecond",
		"first\n=second":         "first\n=second", // only the start of a cell is evaluated
		"Helpwise, Inc.":         "Helpwise, Inc.",
		"a-b = c":                "a-b = c",
		"'quoted":                "'quoted",
		"   ":                    "   ",
	} {
		if got := csvcell.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}
