package site_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler/site"
)

// TestMain lets the test binary act as a build when the kill test starts
// it again with DISCLOSE_SITE_TEST_BUILD set to the output folder.
func TestMain(m *testing.M) {
	if out := os.Getenv("DISCLOSE_SITE_TEST_BUILD"); out != "" {
		os.Exit(helperBuild(out))
	}
	os.Exit(m.Run())
}

// helperBuild builds a small site into out with the Hugo command line in
// DISCLOSE_SITE_TEST_HUGO, run in DISCLOSE_SITE_TEST_HUGODIR, and the cache
// in DISCLOSE_SITE_TEST_CACHE.
func helperBuild(out string) int {
	err := site.Build(context.Background(), &site.Input{Project: minimalProject()}, site.Options{
		Out: out, ProjectDir: filepath.Dir(out), Theme: disclose.Theme, NoPDF: true, CacheDir: os.Getenv("DISCLOSE_SITE_TEST_CACHE"),
		Hugo: strings.Fields(os.Getenv("DISCLOSE_SITE_TEST_HUGO")), HugoDir: os.Getenv("DISCLOSE_SITE_TEST_HUGODIR"),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// hugoBinary is the Hugo binary go tool built, so the builds the test
// starts skip go tool's start-up.
func hugoBinary(t *testing.T) string {
	t.Helper()
	args, dir := hugo(t)
	cmd := exec.Command(args[0], append([]string{"tool", "-n"}, args[2:]...)...)
	cmd.Dir = dir
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("go tool -n: %v", err)
	}
	return strings.TrimSpace(string(b))
}

// processesUnder returns the processes whose command line mentions dir.
func processesUnder(dir string) []string {
	var found []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(b, []byte(dir)) {
			found = append(found, e.Name()+": "+string(bytes.ReplaceAll(b, []byte{0}, []byte{' '})))
		}
	}
	return found
}

// Builds killed with SIGKILL at random moments never leave the output
// folder missing or half-built, leave no Hugo running, and the next build
// removes what they left (and uses what they left in the cache: the Hugo
// project, the replaced site).
func TestKilledBuildsLeaveACompleteSite(t *testing.T) {
	bin := hugoBinary(t)
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	goTool, goToolDir := hugo(t)
	build := 0
	start := func() *exec.Cmd {
		// Every third build runs Hugo through go tool, as disclose does.
		build++
		hugoCmd, hugoDir := bin, ""
		if build%3 == 0 {
			hugoCmd, hugoDir = strings.Join(goTool, " "), goToolDir
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "DISCLOSE_SITE_TEST_BUILD="+out, "DISCLOSE_SITE_TEST_HUGO="+hugoCmd, "DISCLOSE_SITE_TEST_HUGODIR="+hugoDir, "TMPDIR="+tmp,
			"DISCLOSE_SITE_TEST_CACHE="+filepath.Join(dir, "cache"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if t.Failed() && stderr.Len() > 0 {
				t.Logf("build %d: %s", cmd.Process.Pid, stderr.String())
			}
		})
		return cmd
	}
	if err := start().Wait(); err != nil {
		t.Fatalf("first build: %v", err)
	}

	// From now on, out must hold a complete site at every instant.
	var stop atomic.Bool
	var missing atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			_, err1 := os.Stat(filepath.Join(out, "index.html"))
			_, err2 := os.Stat(filepath.Join(out, site.Marker))
			if err1 != nil || err2 != nil {
				missing.Add(1)
			}
		}
	}()
	killed := 0
	for i := range 6 {
		cmd := start()
		wait := rand.IntN(600) + i*20
		if build%3 == 0 {
			wait += 900 // go tool's start-up
		}
		time.Sleep(time.Duration(wait) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			killed++
		}
		_ = cmd.Wait()
		deadline := time.Now().Add(2 * time.Second)
		for len(processesUnder(dir)) > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if ps := processesUnder(dir); len(ps) > 0 {
			t.Fatalf("a killed build left processes running:\n%s", strings.Join(ps, "\n"))
		}
	}
	stop.Store(true)
	wg.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("the output folder was missing or incomplete %d times", n)
	}
	t.Logf("%d builds killed", killed)

	// The next build cleans up after them.
	if err := start().Wait(); err != nil {
		t.Fatalf("last build: %v", err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "cache public tmp" {
		t.Errorf("left beside the output: %v", names)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in $TMPDIR: %v", left)
	}
	// What the killed builds left in the cache changed nothing.
	fresh := filepath.Join(t.TempDir(), "public")
	t.Setenv("DISCLOSE_SITE_TEST_HUGO", bin)
	t.Setenv("DISCLOSE_SITE_TEST_HUGODIR", "")
	t.Setenv("DISCLOSE_SITE_TEST_CACHE", "")
	if code := helperBuild(fresh); code != 0 {
		t.Fatal("a build without the cache failed")
	}
	if got, want := readSite(t, out), readSite(t, fresh); !reflect.DeepEqual(got, want) {
		t.Errorf("the last build differs from a build without the cache:\n%v\n%v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
}

// Two builds into the same folder at once: one builds, the other refuses,
// naming the process that holds the folder.
func TestConcurrentBuildsIntoOneFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A Hugo that takes its time and writes a page.
	slow := []string{"sh", "-c", `while [ $# -gt 0 ]; do [ "$1" = --destination ] && d=$2; shift; done; sleep 0.5; echo '<p>ok</p>' > "$d/index.html"`, "hugo"}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = site.Build(context.Background(), &site.Input{Project: minimalProject()}, site.Options{
				Out: out, ProjectDir: dir, Hugo: slow, NoPDF: true,
			})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		var se *site.Error
		switch {
		case err == nil:
			ok++
		case errors.As(err, &se) && se.Stage == "prepare" && strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getpid())):
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d builds succeeded, want exactly 1: %v", ok, errs)
	}
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !strings.Contains(string(b), "ok") {
		t.Errorf("no site built: %v", err)
	}

	// With LockWait, the second build waits for the first and both build.
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = site.Build(context.Background(), &site.Input{Project: minimalProject()}, site.Options{
				Out: out, ProjectDir: dir, Hugo: slow, NoPDF: true, LockWait: 10 * time.Second,
			})
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Errorf("builds that wait: %v", errs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

// A cancelled build stops at once and kills Hugo and everything Hugo
// started (its process group), not only the process it started.
func TestCancelledBuildKillsHugosProcessGroup(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A "Hugo" whose child (named by the test folder) outlives it unless
	// the whole group is killed.
	hang := []string{"sh", "-c", `sh -c 'sleep 30; :' child "$0"; :`, dir}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := site.Build(ctx, &site.Input{Project: minimalProject()}, site.Options{Out: out, ProjectDir: dir, Hugo: hang, NoPDF: true})
	if err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the cancelled build took %v to stop", d)
	}
	deadline := time.Now().Add(2 * time.Second)
	for len(processesUnder(dir)) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if ps := processesUnder(dir); len(ps) > 0 {
		t.Errorf("left running:\n%s", strings.Join(ps, "\n"))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left beside the output: %v", entries)
	}
}
