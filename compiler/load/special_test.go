package load_test

import (
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
)

// A named pipe, a socket or a device named like a data file is reported at
// its name and never opened (opening a named pipe blocks until something
// writes to it), whether it is in the data folder or a symbolic link leads
// to it. The load must finish: on a timeout the test fails instead of
// hanging.
func TestSpecialFilesAreNotOpened(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(data, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.yaml", "security:\n  statement: Fine.\n")
	if err := syscall.Mkfifo(filepath.Join(data, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("pipe.yaml", filepath.Join(data, "to-pipe.yml")); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", filepath.Join(data, "socket.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	// A pipe not named like a data file is not the loader's business.
	if err := syscall.Mkfifo(filepath.Join(data, "notes.fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	done := make(chan diag.List, 1)
	var security bool
	go func() {
		proj, diags := load.Load(root.FS(), "data")
		security = proj.Security != nil && proj.Security.Statement == "Fine."
		done <- diags
	}()
	var diags diag.List
	select {
	case diags = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Load hangs on a named pipe")
	}
	want := map[string]string{
		"data/pipe.yaml":   "is a named pipe, not a regular file",
		"data/socket.yaml": "is a socket, not a regular file",
		"data/to-pipe.yml": "symbolic link points to a named pipe (data/pipe.yaml), not a regular file",
	}
	for _, d := range diags {
		if d.Pos.File == "data/notes.fifo" {
			t.Errorf("reported a file that is not data: %v", d)
		}
		if w, ok := want[d.Pos.File]; ok && strings.Contains(d.Message, w) {
			delete(want, d.Pos.File)
		}
	}
	for file, w := range want {
		t.Errorf("no diagnostic at %s saying %q in:\n%v", file, w, diags)
	}
	if !security {
		t.Error("the regular file beside the pipe was not read")
	}
}

// Every kind of file that is not a regular file is named in plain words.
func TestSpecialFileKinds(t *testing.T) {
	_, diags := load.Load(fstest.MapFS{
		"data/a.yaml": {Data: []byte("security:\n  statement: S\n")},
		"data/c.yaml": {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"data/d.yaml": {Mode: fs.ModeDevice},
		"data/i.yaml": {Mode: fs.ModeIrregular},
		"data/p.yaml": {Mode: fs.ModeNamedPipe},
	}, "data")
	for file, w := range map[string]string{
		"data/c.yaml": "is a character device, not a regular file",
		"data/d.yaml": "is a device, not a regular file",
		"data/i.yaml": "is a special file, not a regular file",
		"data/p.yaml": "is a named pipe, not a regular file",
	} {
		found := false
		for _, d := range diags {
			if d.Pos.File == file && strings.Contains(d.Message, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no diagnostic at %s saying %q in:\n%v", file, w, diags)
		}
	}
}
