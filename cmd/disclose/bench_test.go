package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/disclose-dev/disclose/internal/scaledata"
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

// BenchmarkBuildAtScale is a warm disclose build of 5,000 processors and
// 1,000 purposes and categories (internal/scaledata), or of the project in
// $DISCLOSE_SCALE_PROJECT (data/ and releases/, as scripts/scale.sh keeps
// them, built in place), for profiling.
func BenchmarkBuildAtScale(b *testing.B) {
	dir := os.Getenv("DISCLOSE_SCALE_PROJECT")
	if dir == "" {
		dir = scaleProject(b)
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

// scaleProject writes 5,000 processors and 1,000 purposes and categories
// into a new project with the pinned Hugo.
func scaleProject(b *testing.B) string {
	dir := b.TempDir()
	if err := scaledata.Write(dir, scaledata.Options{Processors: 5000, Purposes: 1000, Categories: 1000, PerFile: 500}); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "tools/hugo"), os.DirFS("../../tools/hugo")); err != nil {
		b.Fatal(err)
	}
	return dir
}
