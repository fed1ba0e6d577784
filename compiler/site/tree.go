package site

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// tree is a folder kept holding a set of files, by slash path: each sync
// writes only the files whose bytes changed and removes the others, so
// the Hugo project of one build (or one save of the live preview) is the
// last one's with what changed. On this kind of machine creating a file or
// a folder costs far more than reading one, which is why a build keeps its
// Hugo project (see Build) and the live preview its own (Live).
type tree struct {
	dir string
	// held is what dir holds; nil: not known, read from the disk by the
	// next sync.
	held map[string][]byte
}

// sync makes the folder hold files and nothing else, and returns the slash
// paths written and removed, each sorted. Files no longer there are
// removed first, with the folders they leave empty (an empty folder of
// static/ would be published), so a file may take the place of a folder.
// When what the folder holds is not known, a file of the same size is read
// and compared, one at a time, so a large project is not held twice.
func (t *tree) sync(files map[string][]byte) (changed, removed []string, err error) {
	held := t.held
	t.held = nil // until the folder is known again
	var sizes map[string]int64
	if held == nil {
		if sizes, err = listTree(t.dir); err != nil {
			return nil, nil, err
		}
	}
	var before []string
	if held != nil {
		before = slices.Sorted(maps.Keys(held))
	} else {
		before = slices.Sorted(maps.Keys(sizes))
	}
	for _, name := range before {
		if _, ok := files[name]; ok {
			continue
		}
		if err := removeFile(t.dir, name); err != nil {
			return nil, nil, err
		}
		removed = append(removed, name)
	}
	same := func(name string, data []byte) bool {
		if held != nil {
			old, ok := held[name]
			return ok && bytes.Equal(old, data)
		}
		if size, ok := sizes[name]; !ok || size != int64(len(data)) {
			return false
		}
		b, err := os.ReadFile(filepath.Join(t.dir, filepath.FromSlash(name)))
		return err == nil && bytes.Equal(b, data)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if same(name, files[name]) {
			continue
		}
		if err := writeFile(filepath.Join(t.dir, filepath.FromSlash(name)), files[name]); err != nil {
			return nil, nil, err
		}
		changed = append(changed, name)
	}
	t.held = maps.Clone(files)
	return changed, removed, nil
}

// put writes one file of the tree.
func (t *tree) put(name string, data []byte) error {
	held := t.held
	t.held = nil // the disk is what it is: listed again on error
	if err := writeFile(filepath.Join(t.dir, filepath.FromSlash(name)), data); err != nil {
		return err
	}
	if held == nil {
		return nil
	}
	held[name] = data
	t.held = held
	return nil
}

// listTree returns the sizes of the regular files under dir, by slash
// path, removing anything else (a symbolic link, a named pipe) and every
// empty folder; a folder that does not exist holds nothing.
func listTree(dir string) (map[string]int64, error) {
	sizes := map[string]int64{}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return sizes, nil
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return os.Remove(p)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sizes[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := pruneEmpty(dir); err != nil {
		return nil, err
	}
	return sizes, nil
}

// removeFile removes the file name (a slash path) of the folder dir, then
// each folder above it that it leaves empty, up to dir.
func removeFile(dir, name string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for p = filepath.Dir(p); p != dir && len(p) > len(dir); p = filepath.Dir(p) {
		if os.Remove(p) != nil { // not empty (or gone): the folders above are not empty either
			break
		}
	}
	return nil
}

// clearFiles removes every file under dir and keeps its folders: a site
// folder emptied so Hugo can build into it without making them again.
func clearFiles(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Remove(p)
	})
}

// pruneEmpty removes every empty folder below dir (dir itself stays).
func pruneEmpty(dir string) error {
	_, err := prune(dir, false)
	return err
}

func prune(dir string, remove bool) (gone bool, err error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	left := len(ents)
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		gone, err := prune(filepath.Join(dir, e.Name()), true)
		if err != nil {
			return false, err
		}
		if gone {
			left--
		}
	}
	if left > 0 || !remove {
		return false, nil
	}
	return true, os.Remove(dir)
}

// writeFile writes data at path, making the folders above it.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// placeFile puts a copy of the file from at to, as a hard link when both
// are on one file system (the PDFs of the cache, which a build never
// changes in place: a new one replaces the old by a rename, see keep), and
// by copying the bytes otherwise.
func placeFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if os.Link(from, to) == nil {
		return nil
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// parallel calls f(0) to f(n-1) on every core and returns the error of the
// first i whose call failed; every call is made.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = f(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
