// Package scaledata writes large data sets in the sample company's style, for
// benchmarks and the scale script (scripts/scale.sh): the sample's data with
// its processors, purposes and categories cloned to the sizes asked for.
//
// Clones are copies of the sample's own items, in order and then again,
// each with its id and name numbered, so a data set of any size checks as
// cleanly as the sample and reads like it. Output is deterministic: the
// same options give byte-identical files.
package scaledata

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/disclose-dev/disclose/internal/sampletest"
)

// Options are the sizes of the data set.
type Options struct {
	// Processors, Purposes and Categories are the numbers of items of
	// each section; 0 keeps the sample's.
	Processors, Purposes, Categories int
	// PerFile splits each of the three sections into files of at most
	// this many items (data/processors/0001.yaml, ...); 0 writes each in
	// one file, as the sample does.
	PerFile int
	// Revision, when above 0, changes the data as the revision-th
	// release of the data set would: the organisation's description
	// starts "(Revision N.)", so the notices that quote it have something
	// new to release.
	Revision int
}

// sections are the cloned sections: the sample file holding each, and the
// section's key.
var sections = []struct{ file, key string }{
	{"processors.yaml", "processors"},
	{"purposes.yaml", "purposes"},
	{"categories.yaml", "categories"},
}

// Files returns the data set's files, by path under the project root
// (data/...). The data set is English only (the sample's translations are
// left out): its clones have no translations, and the scale targets are
// those of one language.
func Files(o Options) (map[string][]byte, error) {
	out := map[string][]byte{}
	for p, f := range sampletest.English() {
		out[p] = f.Data
	}
	for _, s := range sections {
		n := map[string]int{"processors": o.Processors, "purposes": o.Purposes, "categories": o.Categories}[s.key]
		name := "data/" + s.file
		if n == 0 && o.PerFile == 0 {
			continue
		}
		if err := clone(out, name, s.key, n, o.PerFile); err != nil {
			return nil, err
		}
	}
	if o.Revision > 0 {
		if err := revise(out, o.Revision); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Write writes the data set under root (root/data/...), replacing what data/
// held.
func Write(root string, o Options) error {
	files, err := Files(o)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(root, "data")); err != nil {
		return err
	}
	for p, b := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// section is one list section of a sample file, cut into its parts.
type section struct {
	before []byte   // the file up to and including the "key:" line
	items  [][]byte // each "  - id:" item, with the blank lines after it
	after  []byte   // the rest of the file, from the next top-level key
}

// cut finds the list section key in src.
func cut(src []byte, key string) (*section, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	start := -1
	for i, l := range lines {
		if string(bytes.TrimRight(l, "\n")) == key+":" {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("scaledata: no %s: section in the sample", key)
	}
	s := &section{before: bytes.Join(lines[:start+1], nil)}
	var cur []byte
	i := start + 1
	for ; i < len(lines); i++ {
		l := lines[i]
		if len(l) > 0 && l[0] != ' ' && l[0] != '\n' && l[0] != '#' {
			break // the next top-level key
		}
		if bytes.HasPrefix(l, []byte("  - id: ")) {
			if cur != nil {
				s.items = append(s.items, cur)
			}
			cur = nil
		}
		cur = append(cur, l...)
	}
	if cur != nil {
		s.items = append(s.items, cur)
	}
	s.after = bytes.Join(lines[i:], nil)
	if len(s.items) == 0 {
		return nil, fmt.Errorf("scaledata: the sample's %s: section has no items", key)
	}
	return s, nil
}

// clone replaces the section key of the file name with n items (the
// sample's count when n is 0), written in files of perFile items each when
// perFile is above 0.
func clone(files map[string][]byte, name, key string, n, perFile int) error {
	s, err := cut(files[name], key)
	if err != nil {
		return err
	}
	if n == 0 {
		n = len(s.items)
	}
	items := make([][]byte, n)
	for i := range items {
		items[i] = numbered(s.items[i%len(s.items)], i/len(s.items))
	}
	if perFile <= 0 {
		files[name] = join(s.before, items, s.after)
		return nil
	}
	// The file keeps its other sections; the items move to a folder of
	// their own, one file per perFile items.
	rest := bytes.TrimRight(s.after, "\n")
	if len(rest) > 0 {
		files[name] = append(bytes.TrimSuffix(s.before, []byte(key+":\n")), append(rest, '\n')...)
	} else {
		delete(files, name)
	}
	dir := "data/" + key
	for part, i := 1, 0; i < n; part, i = part+1, i+perFile {
		j := min(i+perFile, n)
		head := fmt.Sprintf("# yaml-language-server: $schema=https://disclose.dev/schema/v1/disclose.schema.json\n#\n# %s %d to %d of %d.\n\n%s:\n", key, i+1, j, n, key)
		files[path.Join(dir, fmt.Sprintf("%04d.yaml", part))] = join([]byte(head), items[i:j], nil)
	}
	return nil
}

// join writes before, the items and after, the last item's trailing blank
// lines trimmed to one line end when after is empty.
func join(before []byte, items [][]byte, after []byte) []byte {
	var b bytes.Buffer
	b.Write(before)
	for _, it := range items {
		b.Write(it)
	}
	if len(after) == 0 {
		out := bytes.TrimRight(b.Bytes(), "\n")
		return append(out, '\n')
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
		b.WriteByte('\n')
	}
	b.Write(after)
	return b.Bytes()
}

// numbered returns the item with its id and name numbered by round: the
// sample's own item for round 0.
func numbered(item []byte, round int) []byte {
	if round == 0 {
		return item
	}
	lines := strings.SplitAfter(string(item), "\n")
	named := false
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = strings.TrimRight(l, "\n") + fmt.Sprintf("-%d\n", round)
		case !named && strings.HasPrefix(l, "    name: "):
			named = true
			lines[i] = strings.TrimRight(l, "\n") + fmt.Sprintf(" %d\n", round)
		}
	}
	return []byte(strings.Join(lines, ""))
}

// revise changes the data as its revision-th release would.
func revise(files map[string][]byte, revision int) error {
	org := "data/organization.yaml"
	b := files[org]
	at := []byte("\n  description: >-\n    ")
	i := bytes.Index(b, at)
	if i < 0 {
		return fmt.Errorf("scaledata: no organization description in the sample")
	}
	i += len(at)
	files[org] = append(b[:i:i], append([]byte(fmt.Sprintf("(Revision %d.) ", revision)), b[i:]...)...)
	return nil
}
