package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/disclose-dev/disclose/internal/golden"
)

// TestCorpus runs every case in testdata/check: each is a txtar archive whose
// comment is the command line (after "disclose"), whose files are laid over
// the minimal valid project in testdata/base, and whose "want" section is the
// expected output: stdout, then "exit N". Run with -update to rewrite "want".
//
// Two file-name suffixes build what an archive cannot hold:
//
//	NAME.symlink  a symbolic link NAME whose target is the file's content
//	NAME.gen      a file NAME built from lines `COUNT "GO-QUOTED TEXT"`, each
//	              text repeated COUNT times (huge or deeply nested input)
//	NAME.fifo     a named pipe NAME (the content is ignored)
func TestCorpus(t *testing.T) {
	cases, err := filepath.Glob("../../testdata/check/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	// Rule packs apply the law in force on the notices' date: TestMain pins
	// it (SOURCE_DATE_EPOCH), so the goldens do not change with the calendar.
	if len(cases) < 25 {
		t.Fatalf("found %d corpus cases, want at least 25", len(cases))
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			copyDir(t, "../../testdata/base", dir)
			for _, f := range ar.Files {
				if f.Name == "want" {
					continue
				}
				writeCaseFile(t, dir, f)
			}
			args := strings.Fields(firstLine(ar.Comment))
			if len(args) == 0 {
				t.Fatal("archive comment must start with the command line, e.g. \"check\"")
			}
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"-C", dir}, args...), &stdout, &stderr)
			got := fmt.Sprintf("%sexit %d\n", stdout.String(), code)
			golden.Section(t, path, ar, "want", []byte(got))
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("stderr shows a panic:\n%s", stderr.String())
			}
		})
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

func writeCaseFile(t *testing.T, dir string, f txtar.File) {
	t.Helper()
	target := filepath.Join(dir, filepath.FromSlash(f.Name))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasSuffix(f.Name, ".symlink"):
		link := strings.TrimSuffix(target, ".symlink")
		if err := os.Symlink(strings.TrimSpace(string(f.Data)), link); err != nil {
			t.Fatal(err)
		}
	case strings.HasSuffix(f.Name, ".gen"):
		var b bytes.Buffer
		for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
			count, text, ok := strings.Cut(line, " ")
			n, err := strconv.Atoi(count)
			if !ok || err != nil {
				t.Fatalf("%s: bad generator line %q", f.Name, line)
			}
			s, err := strconv.Unquote(text)
			if err != nil {
				t.Fatalf("%s: bad generator text %q: %v", f.Name, text, err)
			}
			b.WriteString(strings.Repeat(s, n))
		}
		if err := os.WriteFile(strings.TrimSuffix(target, ".gen"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	case strings.HasSuffix(f.Name, ".fifo"):
		if err := syscall.Mkfifo(strings.TrimSuffix(target, ".fifo"), 0o644); err != nil {
			t.Fatal(err)
		}
	case strings.HasSuffix(f.Name, ".delete"):
		if err := os.Remove(strings.TrimSuffix(target, ".delete")); err != nil {
			t.Fatal(err)
		}
	default:
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
