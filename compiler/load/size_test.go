package load_test

import (
	"fmt"
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/internal/scaledata"
)

// sizes are the data sets of the scaling table: processors, with a fifth as
// many purposes and categories, as in issue 18's large data set (5,000
// processors, 1,000 purposes, 1,000 categories).
var sizes = []int{50, 500, 5000}

// scaleSet returns the data set of n processors, n/5 purposes and n/5
// categories (at least the sample's), split in files of perFile items (0:
// one file per section), and its size in bytes.
func scaleSet(tb testing.TB, n, perFile int) (fstest.MapFS, int) {
	tb.Helper()
	files, err := scaledata.Files(scaledata.Options{Processors: n, Purposes: max(n/5, 19), Categories: max(n/5, 11), PerFile: perFile})
	if err != nil {
		tb.Fatal(err)
	}
	total := 0
	for _, b := range files {
		total += len(b)
	}
	return mapFS(files), total
}

// BenchmarkLoadScale loads the data sets of the scaling table, written one
// file per section and split in files of 500 items, and reports, per byte of
// YAML, the bytes allocated while loading and the bytes the loaded project
// keeps (the model, its source map and the files' text, which diagnostics
// quote), and the processor time of a load. Run with -benchtime=3x: one run
// shows whether loading is linear.
func BenchmarkLoadScale(b *testing.B) {
	exts := compiler.Extensions()
	for _, perFile := range []int{0, 500} {
		for _, n := range sizes {
			fsys, size := scaleSet(b, n, perFile)
			layout := "one-file"
			if perFile > 0 {
				layout = fmt.Sprintf("split-%d", perFile)
			}
			b.Run(fmt.Sprintf("%s/processors=%d", layout, n), func(b *testing.B) {
				b.SetBytes(int64(size))
				var before, after runtime.MemStats
				var alloc, kept uint64
				var cpu time.Duration
				for b.Loop() {
					runtime.GC()
					runtime.ReadMemStats(&before)
					start := rusage()
					proj, diags := load.Load(fsys, "data", exts...)
					cpu += rusage() - start
					runtime.ReadMemStats(&after)
					alloc = after.TotalAlloc - before.TotalAlloc
					runtime.GC()
					runtime.ReadMemStats(&after)
					kept = after.HeapAlloc - before.HeapAlloc
					if len(diags) > 0 {
						b.Fatalf("%d processors: %v", n, diags)
					}
					runtime.KeepAlive(proj)
				}
				// Processor time (all threads, the collector's too) is
				// what a busy machine does not blur.
				b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(alloc)/float64(size), "alloc-B/yaml-B")
				b.ReportMetric(float64(kept)/float64(size), "kept-B/yaml-B")
			})
		}
	}
}

// 5,000 processors, 1,000 purposes and 1,000 categories written in the
// sample's style load without a problem, each section in one file (3.7 MB
// and 134,000 lines of processors) as well as split across files, and the
// memory allocated grows with the data: per byte of YAML, the set of 5,000
// allocates at most 1.5 times what the set of 500 does. (Linear growth
// still varies per byte: a slice grown by doubling allocates between one
// and two times its final size, depending on where the size falls between
// powers of two; growth quadratic in the data would be 10 times. Each set
// is loaded once before it is measured, so what a first load sets up once
// for the process counts for neither.)
func TestLargeDataLoads(t *testing.T) {
	exts := compiler.Extensions()
	perByte := func(fsys fstest.MapFS, size int) float64 {
		load.Load(fsys, "data", exts...) // what a first load sets up once
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		proj, diags := load.Load(fsys, "data", exts...)
		runtime.ReadMemStats(&after)
		if len(diags) > 0 {
			t.Errorf("%v", diags)
		}
		if n := len(proj.Processors); (n != 500 && n != 5000) || len(proj.Purposes) != n/5 || len(proj.Categories) != n/5 {
			t.Errorf("loaded %d processors, %d purposes, %d categories", n, len(proj.Purposes), len(proj.Categories))
		}
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(size)
	}
	for _, perFile := range []int{0, 1000} {
		small := perByte(scaleSet(t, 500, perFile))
		large := perByte(scaleSet(t, 5000, perFile))
		if large > 1.5*small {
			t.Errorf("%d items per file: 500 processors allocate %.0f bytes per byte of YAML, 5,000 %.0f", perFile, small, large)
		}
	}
}
