package load_test

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/disclose-dev/disclose/compiler/load"
)

// Input shapes the YAML parser used to take quadratic time on, each of n
// entries, within every limit for n up to 99,999.
var shapes = []struct {
	name string
	gen  func(n int) []byte
}{
	// One mapping of n unknown keys: one diagnostic each.
	{"wide mapping", func(n int) []byte { return repeat("", "k%06d: v\n", n) }},
	// One mapping holding the same key n times.
	{"duplicate keys", func(n int) []byte { return repeat("organization:\n", "  name: Example %d\n", n) }},
	// Keys and list items with no value (the parser inserts a null for each).
	{"empty values", func(n int) []byte { return repeat("security:\n  measures:\n", "    - x%d:\n", n) }},
}

func repeat(head, format string, n int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, format, i)
	}
	return []byte(b.String())
}

func loadBytes(src []byte) {
	load.Load(fstest.MapFS{"data/a.yaml": {Data: src}}, "data")
}

// BenchmarkWideMapping loads one mapping of 100,000 keys (top-level, so the
// file stays within the line limit), each unknown.
func BenchmarkWideMapping(b *testing.B) {
	src := shapes[0].gen(100_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		loadBytes(src)
	}
}

// BenchmarkDuplicateKeys loads one mapping holding the same key 50,000 times.
func BenchmarkDuplicateKeys(b *testing.B) {
	src := shapes[1].gen(50_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		loadBytes(src)
	}
}

// BenchmarkEmptyValues loads 50,000 list items that are mappings with one
// key and no value.
func BenchmarkEmptyValues(b *testing.B) {
	src := shapes[2].gen(50_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		loadBytes(src)
	}
}

// allocated returns the bytes allocated while loading src.
func allocated(src []byte) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	loadBytes(src)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// cpuTime returns the least processor time (user and system) this process
// spent in two loads of src, with the garbage collector off, so neither
// other processes nor collections blur the comparison.
func cpuTime(src []byte) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := time.Duration(1<<63 - 1)
	for range 2 {
		runtime.GC()
		start := rusage()
		loadBytes(src)
		best = min(best, rusage()-start)
	}
	runtime.GC()
	return best
}

func rusage() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Loading grows linearly with the number of entries: four times the
// entries (20,000 and 80,000) cost at most six times the memory and eight times the processor
// time (quadratic growth is sixteen times). Memory is counted; time is only
// compared with itself, measured in the same run, never against a clock.
func TestLoadScalesLinearly(t *testing.T) {
	for _, s := range shapes {
		small, large := s.gen(20_000), s.gen(80_000)
		mem := float64(allocated(large)) / float64(allocated(small))
		cpu := float64(cpuTime(large)) / float64(cpuTime(small))
		if mem > 6 || cpu > 8 {
			t.Errorf("%s: 4x the entries take %.1fx the memory and %.1fx the time", s.name, mem, cpu)
		}
	}
}
