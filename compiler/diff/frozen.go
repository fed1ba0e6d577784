package diff

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// FrozenFormat is the version of Frozen's encoding and of what it holds:
// raise it whenever For, Redline or the encoding would give another
// result for the same versions, so every stored comparison is computed
// again once.
const FrozenFormat = 1

// Snapshot names a released version as the ledger does: the SHA-256 of its
// frozen notice (notice.json) and data (data.json), and the date it was
// released, which a build shows as its last update.
type Snapshot struct {
	Notice, Data, Released string
}

// Pair is two versions of a notice, the older first; the first version of
// a notice has no older one (a zero Old).
type Pair struct{ Old, New Snapshot }

// Key returns the pair's key: the hex SHA-256 of FrozenFormat and both
// snapshots. Two pairs with the same key have the same comparison.
func (p Pair) Key() string {
	h := sha256.New()
	fmt.Fprintf(h, "disclose frozen comparison %d\n", FrozenFormat)
	for _, s := range []Snapshot{p.Old, p.New} {
		for _, f := range []string{s.Notice, s.Data, s.Released} {
			fmt.Fprintf(h, "%d:%s\n", len(f), f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Frozen is the comparison of two released versions of a notice, as a
// build shows it: the changes of the facts behind the notice (For) and the
// redline of its reading text (Redline). Frozen versions never change, so
// it is computed once (at release, or on the first build that needs it),
// stored by its pair's Key, and read back by every later build:
//
//	key := diff.Pair{Old: old, New: new}.Key()
//	f, err := diff.DecodeFrozen(stored, key) // stored under key, if any
//	if err != nil {                          // none, or from another format
//		f = diff.Compare(key, cs, oldDoc, newDoc, render.Plain(oldDoc), render.Plain(newDoc))
//		stored, _ = f.Encode() // and store it under key
//	}
//
// Its encoding keeps all of each change (the fields For reads and the ones
// a build reads), so a build from the stored comparison is byte-identical
// to one that computes it.
type Frozen struct {
	Key     string
	Changes []change.Change
	Redline []Op
}

// Compare compares two versions of a notice: the changes cs of their data
// that concern them (For), and the redline of their reading texts.
func Compare(key string, cs []change.Change, old, new *notice.Document, oldText, newText string) *Frozen {
	return &Frozen{Key: key, Changes: For(cs, old, new), Redline: Redline(oldText, newText)}
}

// frozenJSON is Frozen as stored.
type frozenJSON struct {
	Format  int          `json:"format"`
	Key     string       `json:"key"`
	Changes []changeJSON `json:"changes"`
	Redline []opJSON     `json:"redline"`
}

// changeJSON is all of a change.Change, including what its own encoding
// leaves out.
type changeJSON struct {
	Area     string        `json:"area"`
	Sentence string        `json:"sentence"`
	Material bool          `json:"material"`
	Reason   change.Reason `json:"reason"`
	Paths    []string      `json:"paths,omitempty"`
	OldPaths []string      `json:"old_paths,omitempty"`
	Names    []string      `json:"names,omitempty"`
	OldNames []string      `json:"old_names,omitempty"`
	Order    change.Order  `json:"order"`
	Pack     string        `json:"pack,omitempty"`
}

// opJSON is an Op as stored: its kind as "=", "+" or "-", and its text.
type opJSON [2]string

var opKinds = [...]string{Equal: "=", Insert: "+", Delete: "-"}

// Encode returns the comparison as stored (JSON).
func (f *Frozen) Encode() ([]byte, error) {
	out := frozenJSON{Format: FrozenFormat, Key: f.Key, Changes: []changeJSON{}, Redline: []opJSON{}}
	for _, c := range f.Changes {
		out.Changes = append(out.Changes, changeJSON{c.Area, c.Sentence, c.Material, c.Reason, c.Paths, c.OldPaths, c.Names, c.OldNames, c.Order, c.Pack})
	}
	for _, op := range f.Redline {
		if op.Kind < 0 || int(op.Kind) >= len(opKinds) {
			return nil, fmt.Errorf("redline operation of kind %d", op.Kind)
		}
		out.Redline = append(out.Redline, opJSON{opKinds[op.Kind], op.Text})
	}
	return json.Marshal(out)
}

// DecodeFrozen reads a stored comparison back; it fails for one stored in
// another format or under another key, which is then to be computed again.
func DecodeFrozen(b []byte, key string) (*Frozen, error) {
	var in frozenJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("stored comparison: %w", err)
	}
	if in.Format != FrozenFormat {
		return nil, fmt.Errorf("stored comparison: format %d, want %d", in.Format, FrozenFormat)
	}
	if in.Key != key {
		return nil, fmt.Errorf("stored comparison: key %s, want %s", in.Key, key)
	}
	f := &Frozen{Key: in.Key}
	for _, c := range in.Changes {
		f.Changes = append(f.Changes, change.Change{Area: c.Area, Sentence: c.Sentence, Material: c.Material, Reason: c.Reason, Paths: c.Paths, OldPaths: c.OldPaths, Names: c.Names, OldNames: c.OldNames, Order: c.Order, Pack: c.Pack})
	}
	for _, op := range in.Redline {
		k := strings.Index("=+-", op[0])
		if len(op[0]) != 1 || k < 0 {
			return nil, fmt.Errorf("stored comparison: redline operation %q", op[0])
		}
		f.Redline = append(f.Redline, Op{Kind: OpKind(k), Text: op[1]})
	}
	return f, nil
}
