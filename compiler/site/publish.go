package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The files a build keeps beside the output folder OUT, in its parent:
//
//	.OUT.lock          the lock, held while a build runs (flock on Linux)
//	.OUT.build-*       a running build's work folder: the Hugo project
//	                   (src/), Hugo's cache and the new site (site/)
//
// A build removes its work folder and the lock when it ends; a build that
// was killed leaves them, and the next build into OUT, holding the lock,
// removes every work folder it finds (and the .OUT.new-* and .OUT.old-*
// folders of older versions of disclose), since no other build can be
// running.

func lockName(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

func workPrefix(out string) string { return "." + filepath.Base(out) + ".build-" }

// lockOut takes the lock of the output folder out, waiting up to wait for
// another build to finish. It returns the function that releases it, or an
// error naming the process that holds it.
func lockOut(ctx context.Context, out string, wait time.Duration) (release func(), err error) {
	path := lockName(out)
	deadline := time.Now().Add(wait)
	for tries := 0; ; tries++ {
		f, busy, err := lockFile(path)
		if err != nil {
			return nil, err
		}
		if !busy {
			if err := f.Truncate(0); err == nil {
				_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			}
			return func() {
				_ = os.Remove(path) // before unlocking: see lockFile
				_ = f.Close()
			}, nil
		}
		b := make([]byte, 32)
		n, _ := f.ReadAt(b, 0)
		_ = f.Close()
		pid, perr := strconv.Atoi(strings.TrimSpace(string(b[:n])))
		if perr != nil && tries < 10 {
			// The holder writes its pid just after taking the lock.
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if time.Now().After(deadline) {
			who := "another process"
			if perr == nil {
				who = "process " + strconv.Itoa(pid)
			}
			return nil, fmt.Errorf("another build (%s) is building %s; wait for it to finish and build again%s", who, out, staleLockHint(path))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// removeLeftovers removes what killed builds into out left beside it. The
// caller holds out's lock, so none of them belongs to a running build.
func removeLeftovers(out string) error {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		for _, prefix := range []string{workPrefix(out), "." + base + ".new-", "." + base + ".old-"} {
			if strings.HasPrefix(name, prefix) && e.IsDir() {
				if err := os.RemoveAll(filepath.Join(parent, name)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// renameTwice replaces out by dir with two renames: the old folder is moved
// into the work folder holding dir (removed with it), then dir renamed into
// place. Between the two, out is missing: exchange uses it only where the
// system cannot swap two folders in one step.
func renameTwice(dir, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = dir + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(dir, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out) // put the old site back
		}
		return err
	}
	return nil
}
