package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuildSample is disclose build of the sample with its releases,
// warm (the PDF and Hugo caches kept between runs), in process: with
// -cpuprofile it shows where a build's time goes besides Hugo. make
// bench-build compares whole processes with bare Hugo.
func BenchmarkBuildSample(b *testing.B) {
	dir := b.TempDir()
	for _, d := range []string{"data", "releases", "tools/hugo"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			b.Fatal(err)
		}
	}
	build := func() {
		var out, errb bytes.Buffer
		if code := run([]string{"-C", dir, "build", "--as-of", "2027-01-04"}, &out, &errb); code != 0 {
			b.Fatalf("build: exit %d\n%s", code, errb.String())
		}
	}
	build()
	b.ResetTimer()
	for range b.N {
		build()
	}
}

// BenchmarkBuildAtScale is a warm disclose build of the project in
// $DISCLOSE_SCALE_PROJECT (data/ and releases/, as scripts/scale.sh keeps
// them), in place, for profiling: skipped without it.
func BenchmarkBuildAtScale(b *testing.B) {
	dir := os.Getenv("DISCLOSE_SCALE_PROJECT")
	if dir == "" {
		b.Skip("DISCLOSE_SCALE_PROJECT names no project")
	}
	build := func() {
		var out, errb bytes.Buffer
		if code := run([]string{"-C", dir, "build", "--as-of", "2027-01-04"}, &out, &errb); code != 0 {
			b.Fatalf("build: exit %d\n%s", code, errb.String())
		}
	}
	build()
	b.ResetTimer()
	for range b.N {
		build()
	}
}
