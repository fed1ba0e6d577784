package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
	"github.com/disclose-dev/disclose/compiler/release"
)

// A comparison is what the site shows of a version against the one before
// it: the changes of its data that its readers are told of, and the
// redline of its text, laid out in blocks. Frozen versions never change,
// so the comparison of two of them is made once and kept (history), not
// made again by every build.
type comparison struct {
	Changes []change.Change
	Redline []diff.Op
	Blocks  []diff.Block
}

// history keeps comparisons of frozen versions in a folder, each under the
// hashes the ledger holds of the two versions' files and this build of
// disclose (whose wording of changes and redlines could differ).
type history struct{ dir string }

// key names the comparison of v with prev: their ledger entries' hashes
// (Version.Sum, which covers every field and file hash) and this build of
// disclose.
func (h history) key(prev, v *release.Version) string {
	s := sha256.Sum256([]byte(codeID() + "\n" + prev.Sum() + "\n" + v.Sum()))
	return hex.EncodeToString(s[:20])
}

// get returns the kept comparison of v with prev, if there is one.
func (h history) get(prev, v *release.Version) (*comparison, bool) {
	if !h.usable() {
		return nil, false
	}
	return h.getKey(h.key(prev, v))
}

// textKey names the comparison of two frozen texts by their JSON forms
// (a notice's other languages, whose versions the ledger does not name
// one by one) and this build of disclose.
func (h history) textKey(prev, doc []byte) string {
	a, b := sha256.Sum256(prev), sha256.Sum256(doc)
	s := sha256.Sum256([]byte(codeID() + "\ntext\n" + hex.EncodeToString(a[:]) + "\n" + hex.EncodeToString(b[:])))
	return hex.EncodeToString(s[:20])
}

// getKey returns the comparison kept under key, if there is one.
func (h history) getKey(key string) (*comparison, bool) {
	if !h.usable() {
		return nil, false
	}
	b, err := regular.ReadFile(os.DirFS(h.dir), key+".gob")
	if err != nil {
		return nil, false
	}
	var c comparison
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&c) != nil {
		return nil, false
	}
	return &c, true
}

// put keeps c; a cache that cannot be written only costs the next build
// the comparison.
func (h history) put(prev, v *release.Version, c *comparison) {
	if h.usable() {
		h.putKey(h.key(prev, v), c)
	}
}

// putKey keeps c under key.
func (h history) putKey(key string, c *comparison) {
	if !h.usable() {
		return
	}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(c) != nil {
		return
	}
	keep(h.dir, key+".gob", b.Bytes())
}

// keep writes b into the cache folder dir as name, whole or not at all:
// through a temporary file of its own, so two builds (or two jobs of one)
// never write the same file at once, and a reader never sees half of one.
// A cache that cannot be written only costs the next build the work again;
// keep reports whether it was kept.
func keep(dir, name string, b []byte) bool {
	if os.MkdirAll(dir, 0o755) != nil {
		return false
	}
	tmp, err := os.CreateTemp(dir, name+"-*.tmp")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr == nil && cerr == nil && os.Rename(tmp.Name(), filepath.Join(dir, name)) == nil {
		return true
	}
	_ = os.Remove(tmp.Name())
	return false
}

// codeID names this build of disclose: its module version and commit, and
// for a development build with local changes the executable itself (size
// and time), so a changed compiler never reads comparisons an earlier one
// kept.
var codeID = sync.OnceValue(func() string {
	id := "disclose-history-1"
	info, ok := debug.ReadBuildInfo()
	if ok {
		id += " " + info.Main.Path + "@" + info.Main.Version
		dirty, rev := true, ""
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		released := info.Main.Version != "" && info.Main.Version != "(devel)"
		// Built as a tool of another module (tools/disclose): disclose is
		// a dependency, named by its version and checksum.
		for _, d := range info.Deps {
			if d.Path == "github.com/disclose-dev/disclose" && d.Replace == nil && d.Sum != "" {
				return id + " " + d.Version + " " + d.Sum
			}
		}
		if rev != "" {
			id += " " + rev
		}
		if released || rev != "" && !dirty {
			return id
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("%s %s %d %d", id, exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	return "" // unknown: never kept (see history.usable)
})

// usable says whether comparisons can be kept: only when this build of
// disclose can be named.
func (h history) usable() bool { return h.dir != "" && codeID() != "" }
