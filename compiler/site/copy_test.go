//go:build unix

package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The project's own folders are copied following links to files, and a
// named pipe among them is an error naming it, never a read that blocks.
func TestCopyFSRegularFilesOnly(t *testing.T) {
	from := t.TempDir()
	if err := os.WriteFile(filepath.Join(from, "a.md"), []byte("A"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.md", filepath.Join(from, "link.md")); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	if err := copyFS(os.DirFS(from), "content", "content", files); err != nil {
		t.Fatalf("copy: %v", err)
	}
	if b, ok := files["content/link.md"]; !ok || string(b) != "A" {
		t.Errorf("the link was not followed: %q, %v", b, ok)
	}
	if err := syscall.Mkfifo(filepath.Join(from, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- copyFS(os.DirFS(from), "content", "content", map[string][]byte{}) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "content/pipe.md is a named pipe, not a regular file") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("copying a named pipe blocked")
	}
}
