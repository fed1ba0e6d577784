package load_test

import (
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/load"
	"strings"
	"testing"
	"time"
)

func TestZZBomb(t *testing.T) {
	src := "x: &a \"" + strings.Repeat("w", 1<<20) + "\"\nsecurity:\n  statement: S\n  measures: [" + strings.Repeat("*a, ", 100000) + "*a]\n"
	start := time.Now()
	_, diags := loadOnce([]byte(src))
	t.Logf("%d bytes, %v, %d diags", len(src), time.Since(start), len(diags))
	for _, d := range diags[:min(3, len(diags))] {
		t.Log(d)
	}
}

func loadOnce(src []byte) (any, []string) {
	_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: src}}, "data")
	var out []string
	for _, d := range diags {
		out = append(out, d.Error())
	}
	return nil, out
}
