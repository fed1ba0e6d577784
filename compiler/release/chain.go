package release

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Format is the format of a chained ledger, written in its "format" field.
// A ledger without the field is a legacy ledger, from before the chain.
const Format = 2

// Genesis is the Prev of a ledger's first entry: 64 zeros.
var Genesis = strings.Repeat("0", 64)

// Canonical returns the encoding of v that its Hash is the SHA-256 of. It
// is text, one field a line, each value written as its length in bytes, a
// colon and its UTF-8 bytes (so no value can spill into the next):
//
//	disclose-ledger-entry 2
//	prev 64:<prev>
//	notice <n>:<notice>
//	version <n>:<version>
//	effective <n>:<effective>
//	released <n>:<released>
//	summary <n>:<summary>
//	files <count>
//	file <n>:<path> <n>:<sha256>
//
// with one "file" line per frozen file, sorted by path (byte order), and
// every line ending in "\n". An empty value is written "0:".
func (v *Version) Canonical() []byte {
	var b bytes.Buffer
	field := func(name, value string) {
		fmt.Fprintf(&b, "%s %d:%s\n", name, len(value), value)
	}
	fmt.Fprintf(&b, "disclose-ledger-entry %d\n", Format)
	field("prev", v.Prev)
	field("notice", v.Notice)
	field("version", v.ID)
	field("effective", string(v.Effective))
	field("released", string(v.Released))
	field("summary", v.Summary)
	fmt.Fprintf(&b, "files %d\n", len(v.Files))
	for _, p := range sortedKeys(v.Files) {
		fmt.Fprintf(&b, "file %d:%s %d:%s\n", len(p), p, len(v.Files[p]), v.Files[p])
	}
	return b.Bytes()
}

// Sum returns the hash v should carry: the SHA-256 of Canonical, in hex.
func (v *Version) Sum() string { return hash(v.Canonical()) }

// Head returns the hash of the ledger's last entry, which commits to the
// whole chain: a site publishes it so that anyone who saved it can later
// tell whether the history up to it was rewritten (VerifyHead). It is empty
// for an empty or legacy ledger.
func (l *Ledger) Head() string {
	if l.Format != Format || len(l.Versions) == 0 {
		return ""
	}
	return l.Versions[len(l.Versions)-1].Hash
}

// append adds v at the end of the chain.
func (l *Ledger) append(v *Version) {
	v.Prev = Genesis
	if n := len(l.Versions); n > 0 {
		v.Prev = l.Versions[n-1].Hash
	}
	v.Hash = v.Sum()
	l.Versions = append(l.Versions, v)
}

// usable says why Plan may not append to l: a legacy ledger or a broken
// chain.
func (l *Ledger) usable() error {
	if len(l.Versions) == 0 {
		return nil
	}
	if l.Format != Format {
		return errors.New("the ledger is in the legacy format, without a hash chain: run disclose migrate once, commit, then release")
	}
	prev := Genesis
	for _, v := range l.Versions {
		if v.Prev != prev || v.Hash != v.Sum() {
			return fmt.Errorf("the ledger's hash chain is broken at %s version %s: run disclose verify", v.Notice, v.ID)
		}
		prev = v.Hash
	}
	return nil
}

// ErrChained is returned by Upgrade for a ledger that is already chained.
var ErrChained = errors.New("the ledger is already chained")

// Upgrade turns a legacy ledger into a chained one, in place: it orders the
// entries by released date, then notice, then version (effective date and
// sequence number: the best-known release order, since a legacy ledger was
// stored sorted by notice) and chains them. No field of any entry changes,
// and no frozen file is touched. It refuses an already chained ledger
// (ErrChained) and one that lists a version twice.
func (l *Ledger) Upgrade() error {
	if l.Format == Format {
		return ErrChained
	}
	seen := map[string]bool{}
	for _, v := range l.Versions {
		k := v.Notice + "/" + v.ID
		if seen[k] {
			return fmt.Errorf("the ledger lists %s version %s twice", v.Notice, v.ID)
		}
		seen[k] = true
	}
	versions := slices.Clone(l.Versions)
	slices.SortStableFunc(versions, func(a, b *Version) int {
		return cmp.Or(cmp.Compare(a.Released, b.Released), compare(a, b))
	})
	l.Format, l.Versions = Format, nil
	for _, v := range versions {
		l.append(v)
	}
	return nil
}

// Migrate upgrades the legacy ledger l of dir in fsys (see Upgrade) after
// checking that every frozen file is exactly as the ledger records it (a
// tampered history is never chained), and returns the new ledger file's
// content. On any problem it returns nil and the diagnostics (the frozen
// files' problems, or one saying why not); l is then unchanged.
func Migrate(fsys fs.FS, dir string, l *Ledger) ([]byte, diag.List) {
	name := path.Join(dir, LedgerFile)
	var diags diag.List
	if l.Format == Format {
		diags.Add(diag.Pos{File: name}, "", "the ledger is already chained (format %d): there is nothing to migrate", Format)
		return nil, diags
	}
	files, diags := verifyFiles(fsys, dir, l)
	diags.Append(checkEntries(files, dir, l)...)
	if diags.HasErrors() {
		diags.Add(diag.Pos{File: name}, "", "not migrated: the released files do not match the ledger").Hint = "restore releases/ from version control, then migrate"
		diags.Sort()
		return nil, diags
	}
	up := &Ledger{Format: l.Format, Versions: slices.Clone(l.Versions)}
	if err := up.Upgrade(); err != nil {
		diags.Add(diag.Pos{File: name}, "", "not migrated: %v", err)
		return nil, diags
	}
	*l = *up
	return l.Encode(), diags
}

// checkChain reports, at the entry, every entry whose hash does not match
// its fields and every link that does not match the entry before it, and
// versions listed twice.
func checkChain(l *Ledger, name string) diag.List {
	var diags diag.List
	if l.Format != Format {
		diags.Add(diag.Pos{File: name}, "", "the ledger is in the legacy format, without a hash chain, so its entries are not protected").Hint =
			"run disclose migrate once and commit the result: it chains the entries without changing them"
		return diags
	}
	byHash := map[string]int{}
	for i, v := range l.Versions {
		if v.Hash != "" {
			byHash[v.Hash] = i
		}
	}
	for i, v := range l.Versions {
		what := fmt.Sprintf("%s version %s", v.Notice, v.ID)
		if v.Hash == "" {
			diags.Add(v.at(name, "hash"), entryPath(i, "hash"), "the entry for %s has no hash", what)
		} else if sum := v.Sum(); v.Hash != sum {
			diags.Add(v.at(name, "hash"), entryPath(i, "hash"), "the entry for %s was changed after its release: its fields no longer match its hash (notice, version, effective, released, summary, files and prev are hashed)", what).Hint =
				"restore releases/ledger.json from version control; a released version never changes: release a new one"
		}
		want, before := Genesis, "the start of the chain"
		if i > 0 {
			p := l.Versions[i-1]
			want, before = p.Hash, fmt.Sprintf("the entry before it (%s version %s)", p.Notice, p.ID)
		}
		if v.Prev == want {
			continue
		}
		pos, p := v.at(name, "prev"), entryPath(i, "prev")
		switch j, ok := byHash[v.Prev]; {
		case v.Prev == "":
			diags.Add(pos, p, "the entry for %s has no prev", what)
		case v.Prev == Genesis:
			diags.Add(pos, p, "the entry for %s was the first of the chain, but is now at place %d: entries were inserted before it or reordered", what, i+1)
		case !ok:
			diags.Add(pos, p, "the entry for %s does not follow %s: the entry it followed was removed, or edited and its hash rewritten", what, before)
		case j > i:
			q := l.Versions[j]
			diags.Add(pos, p, "the entry for %s followed %s version %s, which now comes after it: entries were reordered", what, q.Notice, q.ID)
		default:
			q := l.Versions[j]
			diags.Add(pos, p, "the entry for %s followed %s version %s, but %s comes between them: entries were inserted or reordered", what, q.Notice, q.ID, before)
		}
	}
	return diags
}

// checkEntries reports entries inconsistent with their own names and
// frozen files: a version listed twice, a name that is not its effective
// date, files outside its folder, and a frozen notice of another notice or
// effective date. These name the field that was edited, where the chain
// can only tell that one was.
func checkEntries(verified map[string][]byte, dir string, l *Ledger) diag.List {
	name := path.Join(dir, LedgerFile)
	var diags diag.List
	seen := map[string]int{}
	for i, v := range l.Versions {
		what := fmt.Sprintf("%s version %s", v.Notice, v.ID)
		k := v.Notice + "/" + v.ID
		if j, ok := seen[k]; ok {
			diags.Add(v.at(name, "version"), entryPath(i, "version"), "%s is listed twice (also versions[%d])", what, j)
		}
		seen[k] = i
		if v.ID != string(v.Effective) && !(strings.HasPrefix(v.ID, string(v.Effective)+"-") && seq(v.ID) >= 2) {
			diags.Add(v.at(name, "effective"), entryPath(i, "effective"), "%s has the effective date %s, but a version is named by its effective date", what, v.Effective).Hint =
				"restore releases/ledger.json from version control: moving a version's effective date changes when it is in force"
		}
		if len(v.Files) == 0 {
			diags.Add(v.at(name, "files"), entryPath(i, "files"), "%s lists no frozen files", what)
		}
		for _, p := range sortedKeys(v.Files) {
			if (path.Dir(p) != v.Folder() && !isSnapshot(p, v.Files[p])) || !fs.ValidPath(p) {
				diags.Add(v.at(name, "files/"+p), entryPath(i, "files"), "%s lists the file %s, outside its folder %s/", what, p, v.Folder())
			}
		}
		p := path.Join(v.Folder(), "notice.json")
		want, ok := v.Files[p]
		if !ok {
			diags.Add(v.at(name, "files"), entryPath(i, "files"), "%s does not list its frozen notice %s", what, p)
			continue
		}
		b, ok := verified[path.Join(dir, p)]
		if !ok || want == "" {
			continue // missing or edited: reported by verifyFiles
		}
		var frozen struct {
			ID        string     `json:"id"`
			Effective model.Date `json:"effective"`
		}
		if json.Unmarshal(b, &frozen) != nil {
			diags.Add(diag.Pos{File: path.Join(dir, p)}, "", "the frozen notice of %s is not valid JSON", what)
			continue
		}
		if frozen.ID != v.Notice {
			diags.Add(v.at(name, "notice"), entryPath(i, "notice"), "%s names the notice %q, but its frozen notice is %q", what, v.Notice, frozen.ID)
		}
		if frozen.Effective != v.Effective {
			diags.Add(v.at(name, "effective"), entryPath(i, "effective"), "%s has the effective date %s, but its frozen notice takes effect on %s", what, v.Effective, frozen.Effective).Hint =
				"restore releases/ledger.json from version control: moving a version's effective date changes when it is in force"
		}
		// Each language's frozen notice is the same notice, in its language,
		// on the same day.
		for _, lang := range v.Languages() {
			p := path.Join(v.Folder(), NoticeFile(lang))
			b, ok := verified[path.Join(dir, p)]
			if !ok {
				continue // missing or edited: reported by verifyFiles
			}
			var t struct {
				ID        string     `json:"id"`
				Language  string     `json:"language"`
				Effective model.Date `json:"effective"`
			}
			if json.Unmarshal(b, &t) != nil || t.ID != v.Notice || t.Language != lang || t.Effective != v.Effective {
				diags.Add(diag.Pos{File: path.Join(dir, p)}, "", "the frozen %s notice of %s is not the %s notice of %s in force on %s", lang, what, v.Notice, lang, v.Effective)
			}
		}
	}
	return diags
}

// VerifyHead checks that head, a ledger head saved earlier (from a
// published notices.json or feed), is the hash of an entry of l: the
// history up to it is then exactly as it was when it was published (given
// that Verify finds the chain intact). It reports an error at the ledger
// when it is not.
func VerifyHead(l *Ledger, dir, head string) diag.List {
	name := path.Join(dir, LedgerFile)
	var diags diag.List
	head = strings.ToLower(strings.TrimSpace(head))
	if b, err := hex.DecodeString(head); err != nil || len(b) != sha256.Size {
		diags.Add(diag.Pos{File: name}, "", "the saved head %q is not a SHA-256 in hex (64 characters 0-9, a-f)", head)
		return diags
	}
	if l.Format != Format {
		diags.Add(diag.Pos{File: name}, "", "the ledger is in the legacy format: it has no head to compare with the saved head")
		return diags
	}
	for i, v := range l.Versions {
		if v.Hash == head {
			if v.Sum() != head {
				diags.Add(v.at(name, "hash"), entryPath(i, "hash"), "the saved head is the entry for %s version %s, but that entry no longer matches its hash", v.Notice, v.ID)
			}
			return diags
		}
	}
	diags.Add(diag.Pos{File: name}, "", "the saved head %s is not in the ledger: the history up to it was rewritten (an entry was edited, removed or reordered)", head[:12]).Hint =
		"compare releases/ with the version control history and with the published site that showed this head"
	return diags
}

func entryPath(i int, field string) string { return fmt.Sprintf("versions[%d].%s", i, field) }

// at returns where field of v is in the ledger file name: its value, else
// the entry, else the file.
func (v *Version) at(name, field string) diag.Pos {
	if p, ok := v.pos[field]; ok {
		return p
	}
	if p, ok := v.pos[""]; ok {
		return p
	}
	return diag.Pos{File: name}
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// positions records where each entry of l and its fields are in the ledger
// file b (already decoded into l, so b is valid JSON). It gives up quietly
// on anything unexpected: positions are a help, not a check.
func positions(name string, b []byte, l *Ledger) {
	lines := []int{0}
	for i, c := range b {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	at := func(off int64) diag.Pos {
		o := int(off)
		for o < len(b) && strings.IndexByte(" \t\r\n:,", b[o]) >= 0 {
			o++
		}
		ln, _ := slices.BinarySearch(lines, o+1)
		start := lines[ln-1]
		return diag.Pos{File: name, Line: ln, Col: utf8.RuneCount(b[start:o]) + 1}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	delim := func(want json.Delim) bool {
		t, err := dec.Token()
		return err == nil && t == want
	}
	key := func() (string, bool) {
		t, err := dec.Token()
		s, ok := t.(string)
		return s, err == nil && ok
	}
	skip := func() bool {
		var raw json.RawMessage
		return dec.Decode(&raw) == nil
	}
	if !delim('{') {
		return
	}
	for dec.More() {
		k, ok := key()
		if !ok {
			return
		}
		if k != "versions" {
			if !skip() {
				return
			}
			continue
		}
		if !delim('[') {
			return
		}
		for i := 0; dec.More(); i++ {
			if i >= len(l.Versions) {
				return
			}
			v := l.Versions[i]
			v.pos = map[string]diag.Pos{"": at(dec.InputOffset())}
			if !delim('{') {
				return
			}
			for dec.More() {
				k, ok := key()
				if !ok {
					return
				}
				v.pos[k] = at(dec.InputOffset())
				if k != "files" {
					if !skip() {
						return
					}
					continue
				}
				if !delim('{') {
					return
				}
				for dec.More() {
					p, ok := key()
					if !ok {
						return
					}
					v.pos["files/"+p] = at(dec.InputOffset())
					if !skip() {
						return
					}
				}
				if !delim('}') {
					return
				}
			}
			if !delim('}') {
				return
			}
		}
		if !delim(']') {
			return
		}
	}
}
