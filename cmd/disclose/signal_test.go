package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary builds the disclose command once per test binary run.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "disclose-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "disclose")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

// waitExit waits for cmd to end and returns its exit code and how long it
// took after since.
func waitExit(t *testing.T, cmd *exec.Cmd, since time.Time, limit time.Duration) (int, time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		took := time.Since(since)
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), took
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, took
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		t.Fatalf("still running %s after the signal", limit)
	}
	return 0, 0
}

// A build stuck in a Hugo that ignores SIGTERM still stops within a second of
// SIGTERM, leaves the output as it was, and leaves no Hugo behind.
func TestSignalStopsBuildWithinASecond(t *testing.T) {
	bin := binary(t)
	dir := sampleProject(t)
	started := filepath.Join(t.TempDir(), "hugo.pid")
	hugo := filepath.Join(t.TempDir(), "stubborn-hugo")
	script := "#!/bin/sh\ntrap '' TERM INT\necho $$ > " + started + "\nsleep 60\n"
	if err := os.WriteFile(hugo, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		os.Remove(started)
		cmd := exec.Command(bin, "-C", dir, "build", "--as-of", "2026-11-23")
		cmd.Env = append(os.Environ(), "DISCLOSE_HUGO="+hugo)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(60 * time.Second)
		for {
			if _, err := os.Stat(started); err == nil {
				break
			}
			if time.Now().After(deadline) {
				_ = cmd.Process.Kill()
				t.Fatal("Hugo never started")
			}
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // the pid file is written
		sent := time.Now()
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		code, took := waitExit(t, cmd, sent, 5*time.Second)
		want := map[syscall.Signal]int{syscall.SIGTERM: exitTerminated, syscall.SIGINT: exitInterrupt}[sig]
		if code != want {
			t.Errorf("%v: exit %d, want %d", sig, code, want)
		}
		if took > time.Second+200*time.Millisecond {
			t.Errorf("%v: stopped %s after the signal, want within a second", sig, took)
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
			t.Errorf("%v: a stopped first build left public/", sig)
		}
		b, _ := os.ReadFile(started)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if pid > 0 {
			alive := false
			for range 50 { // the kernel reaps it shortly after its parent dies
				if alive = syscall.Kill(pid, 0) == nil && !zombie(pid); !alive {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			if alive {
				_ = syscall.Kill(pid, syscall.SIGKILL)
				t.Errorf("%v: Hugo (pid %d) outlived the build", sig, pid)
			}
		}
	}
}

// zombie reports whether pid has exited and waits only to be reaped.
func zombie(pid int) bool {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return true
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "State:"); ok {
			return strings.Contains(v, "Z")
		}
	}
	return false
}

// The preview server stops on SIGTERM within a second.
func TestSignalStopsServe(t *testing.T) {
	bin := binary(t)
	dir := sampleProject(t)
	cmd := exec.Command(bin, "-C", dir, "serve", "--port", "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	serving := make(chan bool, 1)
	go func() {
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Serving the preview") {
				serving <- true
			}
		}
	}()
	select {
	case <-serving:
	case <-time.After(120 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("serve never started")
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code, took := waitExit(t, cmd, sent, 5*time.Second)
	if code != exitTerminated || took > time.Second+200*time.Millisecond {
		t.Errorf("exit %d after %s; want %d within a second", code, took, exitTerminated)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	if err := testEnv(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
