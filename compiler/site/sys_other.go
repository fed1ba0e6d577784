//go:build !linux

package site

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
)

// exchange puts the folder dir at out. This portable fallback (every system
// but Linux) renames twice: between the two renames, out is briefly missing,
// and a build killed there leaves the old site in a folder beside it, which
// the next build removes. Linux swaps the folders atomically.
func exchange(dir, out string) error { return renameTwice(dir, out) }

// hugoProcess: outside Linux, Hugo is killed through exec.CommandContext
// when the build is cancelled, but survives a build killed outright.
func hugoProcess(*exec.Cmd) {}

// lockFile: outside Linux, the lock is the lock file itself, created
// exclusively; busy reports that it exists. A build killed outright leaves
// it behind, and the next build refuses until it is removed (the message
// says so). Linux uses flock, which dies with its holder.
func lockFile(path string) (f *os.File, busy bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		f, err = os.Open(path)
		return f, err == nil, err
	}
	return f, false, err
}

// staleLockHint names the lock file: here the lock is the file itself, which
// a build killed outright leaves behind.
func staleLockHint(path string) string {
	return " (if no build is running, remove " + path + ")"
}
