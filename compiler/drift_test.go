package compiler_test

import (
	"os"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/release"
)

// The released versions readers are shown are judged again against the
// law of the day: the sample's first European supplement relied on the
// Privacy Shield, lawful when it was released in 2018 and not after
// 16 July 2020, while its versions shown today are sound.
func TestReleasedVersionsJudgedAgain(t *testing.T) {
	project := os.DirFS("..")
	l, err := release.Read(project, release.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := compiler.JudgeReleased(project, l, "2019-06-01", nil); len(d) != 0 {
		t.Errorf("as of 2019-06-01, under the Privacy Shield: %v", d)
	}
	d := compiler.JudgeReleased(project, l, "2020-08-01", nil)
	if !d.HasErrors() || !strings.Contains(d.Error(), "released version 2018-05-25 of the eu notice (in force, judged as of 2020-08-01)") ||
		!strings.Contains(d.Error(), "PRIVACY_SHIELD") || d[0].Pos.File != "releases/eu/2018-05-25/data.json" {
		t.Errorf("as of 2020-08-01: %v", d)
	}
	for _, x := range d {
		if x.Path != "" && x.Item == "" {
			t.Errorf("%s does not name its item", x.Error())
		}
	}
	if len(d) > 0 && d[0].Item != `transfer "us-dpf"` {
		t.Errorf("the Privacy Shield finding names %q", d[0].Item)
	}
	if d := compiler.JudgeReleased(project, l, "2026-11-23", nil); len(d) != 0 {
		t.Errorf("the versions shown today: %v", d)
	}
}
