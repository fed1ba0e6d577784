package site

import (
	"errors"
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// exchange puts the folder dir at out in one atomic step: when out exists,
// renameat2(RENAME_EXCHANGE) swaps the two folders, so out holds the old
// site or the new one at every instant and the old one ends up at dir; when
// it does not, a rename that refuses to replace anything creates it. File
// systems without RENAME_EXCHANGE fall back to two renames (renameTwice).
func exchange(dir, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, dir, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOENT) {
		if _, serr := os.Lstat(out); errors.Is(serr, os.ErrNotExist) {
			err = unix.Renameat2(unix.AT_FDCWD, dir, unix.AT_FDCWD, out, unix.RENAME_NOREPLACE)
		}
	}
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return renameTwice(dir, out)
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: dir, New: out, Err: err}
	}
	return nil
}

// hugoProcess makes Hugo the leader of its own process group, so a
// cancelled build kills it and everything it started, and has the kernel
// kill it when the build dies (even by kill -9).
func hugoProcess(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// lockFile opens and locks the lock file at path without waiting (an
// exclusive flock, which the kernel releases when the holder dies, however
// it dies); busy reports that another build holds it. A lock file removed
// by its holder between open and flock is opened again.
func lockFile(path string) (f *os.File, busy bool, err error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, false, err
		}
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if errors.Is(err, unix.EWOULDBLOCK) {
			return f, true, nil
		}
		if err != nil {
			f.Close()
			return nil, false, err
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return f, false, nil
		}
		f.Close() // the previous holder removed it: lock the new one
	}
}

// staleLockHint is empty: an flock is released by the kernel when its holder
// dies, so a busy lock always has a live holder, and removing the file would
// let a third build run beside it.
func staleLockHint(string) string { return "" }
