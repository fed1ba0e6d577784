package compiler_test

import (
	"os"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/internal/scaledata"
)

// BenchmarkCheckAtScale checks 5,000 processors and 1,000 purposes and
// categories (internal/scaledata, 500 items a file), or the project folder
// $DISCLOSE_SCALE_DATA names (scripts/scale.sh keeps them), for profiling
// check at size: go test ./compiler -run '^$' -bench CheckAtScale
// -cpuprofile cpu.out.
func BenchmarkCheckAtScale(b *testing.B) {
	dir := os.Getenv("DISCLOSE_SCALE_DATA")
	if dir == "" {
		dir = b.TempDir()
		if err := scaledata.Write(dir, scaledata.Options{Processors: 5000, Purposes: 1000, Categories: 1000, PerFile: 500}); err != nil {
			b.Fatal(err)
		}
	}
	opts := &compiler.Options{Date: "2027-01-04"}
	for b.Loop() {
		if _, diags := compiler.Check(os.DirFS(dir), "data", opts); diags.HasErrors() {
			b.Fatalf("the data set has errors: %v", diags)
		}
	}
}
