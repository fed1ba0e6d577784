package load_test

import (
	"testing"
	"time"
)

func TestZZTimes(t *testing.T) {
	for _, s := range shapes {
		for _, n := range []int{10000, 40000} {
			src := s.gen(n)
			start := time.Now()
			loadBytes(src)
			t.Logf("%s %d: %v", s.name, n, time.Since(start))
			t.Logf("  bytes %d cpu %v", allocated(src), cpuTime(src))
		}
	}
}
