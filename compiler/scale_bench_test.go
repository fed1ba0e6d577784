package compiler_test

import (
	"os"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
)

// BenchmarkCheckAtScale checks the data set in $DISCLOSE_SCALE_DATA (a
// project folder, as internal/scaledata writes one; scripts/scale.sh keeps
// them), for profiling check at size: go test ./compiler -run '^$' -bench
// CheckAtScale -cpuprofile cpu.out. Without it the benchmark is skipped.
func BenchmarkCheckAtScale(b *testing.B) {
	dir := os.Getenv("DISCLOSE_SCALE_DATA")
	if dir == "" {
		b.Skip("DISCLOSE_SCALE_DATA names no data set")
	}
	opts := &compiler.Options{Date: "2027-01-04"}
	for b.Loop() {
		if _, diags := compiler.Check(os.DirFS(dir), "data", opts); diags.HasErrors() {
			b.Fatalf("the data set has errors: %v", diags)
		}
	}
}
