// Package golden compares test output with golden files and rewrites them
// when tests run with -update:
//
//	go test ./... -update
//
// Every test package of the module imports it, so the flag is defined
// wherever "go test ./... -update" runs.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Updating reports whether golden files are being rewritten.
func Updating() bool { return *update }

// File compares got with the golden file path, or rewrites the file under
// -update.
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale (run go test -update and review the diff):\n%s", path, Diff(want, got))
	}
}

// Section compares got with the section name of the txtar archive at path,
// or rewrites that section under -update.
func Section(t testing.TB, path string, ar *txtar.Archive, name string, got []byte) {
	t.Helper()
	for i := range ar.Files {
		f := &ar.Files[i]
		if f.Name != name {
			continue
		}
		if *update {
			f.Data = got
			if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s: section %q is stale (run go test -update and review the diff):\n%s", path, name, Diff(f.Data, got))
		}
		return
	}
	if *update {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: got})
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: no %q section (run go test -update to create it)", path, name)
}

// Diff returns a short line diff of want and got: the lines only one side
// has, marked - and +, in order.
func Diff(want, got []byte) string {
	wl := bytes.Split(want, []byte("\n"))
	gl := bytes.Split(got, []byte("\n"))
	// Longest common subsequence, fine for golden-sized inputs.
	n, m := len(wl), len(gl)
	if n*m > 4_000_000 {
		return "--- want\n" + string(want) + "\n+++ got\n" + string(got)
	}
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if bytes.Equal(wl[i], gl[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b bytes.Buffer
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && bytes.Equal(wl[i], gl[j]):
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			b.WriteString("+ " + string(gl[j]) + "\n")
			j++
		default:
			b.WriteString("- " + string(wl[i]) + "\n")
			i++
		}
	}
	return b.String()
}
