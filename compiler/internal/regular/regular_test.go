//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestReadFileRefusesNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("pipe.json", filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, name := range []string{"pipe.json", "link.json"} {
			_, err := ReadFile(os.DirFS(dir), name)
			var re *Error
			if !errors.As(err, &re) || re.Kind != "named pipe" {
				t.Errorf("%s: err = %v, want a named-pipe error", name, err)
			}
		}
		if _, err := ReadFile(os.DirFS(dir), "."); err == nil {
			t.Error("read a folder")
		}
		if b, err := ReadFile(os.DirFS(dir), "ok.json"); err != nil || string(b) != "{}" {
			t.Errorf("ok.json: %q, %v", b, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFile blocked on a named pipe")
	}
}
