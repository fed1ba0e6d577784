// Package release freezes compiled notices as versions: a legal record of
// what was published and when. A release writes, for each notice whose text
// changed, the compiled notice exactly as published (notice.json, the text
// every later page and PDF of the version is built from), its Markdown
// (notice.md) and a normalised snapshot of the data it was compiled from
// (in snapshots/, named by its hash and stored once, whatever the number
// of versions made from the same data; versions released before snapshots
// were shared have their own data.json), and records them in a ledger with
// each file's SHA-256.
//
// The ledger is a hash chain: each entry commits to every one of its fields,
// its files' hashes and the entry before it, so editing, removing or
// reordering an entry breaks Verify (Version.Canonical is what is hashed),
// the head (Ledger.Head) can be published and checked later (VerifyHead),
// and VerifyHistory checks with git that releases/ only ever grew.
//
// Versions are named by their effective date ("2026-01-15"); a second
// version of the same notice with the same effective date is "2026-01-15-2",
// and so on, and the latest of them is the one in force from that date.
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
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// Dir is the folder of a project that holds its releases.
const Dir = "releases"

// LedgerFile is the ledger's name within Dir.
const LedgerFile = "ledger.json"

// Ledger lists every version ever released, in the order they were
// released (the order of the hash chain; see Of for a notice's versions by
// effective date).
type Ledger struct {
	// Format is the ledger's format: Format (2) for a chained ledger; 0 (the
	// field absent) for a legacy ledger written before the chain, which
	// Verify rejects and Migrate upgrades.
	Format   int        `json:"format,omitempty"`
	Versions []*Version `json:"versions"`
}

// Version is one released version of one notice.
type Version struct {
	Notice    string     `json:"notice"`
	ID        string     `json:"version"`
	Effective model.Date `json:"effective"`
	Released  model.Date `json:"released"`
	Summary   string     `json:"summary,omitempty"`
	// Files maps each frozen file (path within Dir) to its SHA-256.
	Files map[string]string `json:"files"`
	// Prev is the Hash of the entry before this one in the ledger, or
	// Genesis for the first.
	Prev string `json:"prev,omitempty"`
	// Hash is the SHA-256 of the entry's canonical encoding (Canonical),
	// which covers every field above.
	Hash string `json:"hash,omitempty"`

	// pos holds where the entry ("") and its fields (by JSON key, and
	// "files/PATH" for a file's hash) are in the ledger file, when read.
	pos map[string]diag.Pos
}

// Folder is the folder of v's files within Dir.
func (v *Version) Folder() string { return path.Join(v.Notice, v.ID) }

// SnapshotDir is the folder within Dir of the data snapshots versions
// share: each stored once, named by its SHA-256, whatever the number of
// notices and releases made from the same data.
const SnapshotDir = "snapshots"

// snapshotPath is where a snapshot with SHA-256 h is stored.
func snapshotPath(h string) string { return path.Join(SnapshotDir, h+".json") }

// isSnapshot reports whether p, listed with hash h, is a shared snapshot.
func isSnapshot(p, h string) bool { return p == snapshotPath(h) && len(h) == 64 }

// DataFile is the path within Dir of v's data snapshot: the shared one
// (SnapshotDir) it lists, or, for a version released before snapshots
// were shared, its own data.json.
func (v *Version) DataFile() string {
	for p, h := range v.Files {
		if isSnapshot(p, h) {
			return p
		}
	}
	return path.Join(v.Folder(), "data.json")
}

// Read reads the ledger in dir of fsys; a missing ledger is an empty one,
// in the current format. A legacy ledger is read as it is (Format 0), for
// Migrate; Verify reports it.
func Read(fsys fs.FS, dir string) (*Ledger, error) {
	name := path.Join(dir, LedgerFile)
	b, err := regular.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return &Ledger{Format: Format}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(name, b)
}

// Parse decodes a ledger file's content; name is its path from the project
// root, for the positions Verify reports.
func Parse(name string, b []byte) (*Ledger, error) {
	var l Ledger
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: more than one JSON value", name)
	}
	if l.Format != 0 && l.Format != Format {
		return nil, fmt.Errorf("%s: ledger format %d is not one this disclose reads (it reads format %d); update disclose", name, l.Format, Format)
	}
	for i, v := range l.Versions {
		if v == nil {
			return nil, fmt.Errorf("%s: versions[%d] is null", name, i)
		}
	}
	positions(name, b, &l)
	return &l, nil
}

// Encode returns the ledger as it is stored: the versions in the order they
// were released (the chain's order), indented.
func (l *Ledger) Encode() []byte {
	b, _ := json.MarshalIndent(l, "", "  ") // plain data: cannot fail
	return append(b, '\n')
}

func compare(a, b *Version) int {
	return cmp.Or(cmp.Compare(a.Notice, b.Notice), cmp.Compare(a.Effective, b.Effective), cmp.Compare(seq(a.ID), seq(b.ID)))
}

// seq is the position of a version among those of its effective date.
func seq(id string) int {
	n := 1
	if len(id) > 11 && id[10] == '-' {
		fmt.Sscanf(id[11:], "%d", &n)
	}
	return n
}

// Of returns the versions of a notice, oldest first.
func (l *Ledger) Of(noticeID string) []*Version {
	var out []*Version
	for _, v := range l.Versions {
		if v.Notice == noticeID {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, compare)
	return out
}

// Notices returns the ids of the notices with versions, sorted.
func (l *Ledger) Notices() []string {
	var out []string
	for _, v := range l.Versions {
		if !slices.Contains(out, v.Notice) {
			out = append(out, v.Notice)
		}
	}
	sort.Strings(out)
	return out
}

// Resolve returns the version of a notice in force on day (the latest whose
// effective date is not after it) and the next upcoming one (the earliest
// effective after it); either may be nil. Of two versions with the same
// effective date the later one replaces the earlier (DATE-2 replaces DATE).
func (l *Ledger) Resolve(noticeID string, day model.Date) (inForce, upcoming *Version) {
	for _, v := range l.Of(noticeID) {
		switch {
		case v.Effective <= day:
			inForce = v
		case upcoming == nil || v.Effective == upcoming.Effective:
			upcoming = v
		}
	}
	return inForce, upcoming
}

// InForceUntil returns, for the versions of one notice in the order
// Ledger.Of gives them, with the given effective dates, the day each stops
// being in force under Resolve's rule: the earliest effective date of a
// version after it, "" when none (it is in force from its effective date
// on). A version whose day is not after its own effective date was never
// in force: a version of the same date replaced it before it took effect. Version i is in force
// on day d exactly when effective[i] <= d and (until[i] == "" or d <
// until[i]).
func InForceUntil(effective []model.Date) []model.Date {
	until := make([]model.Date, len(effective))
	var next model.Date
	for i := len(effective) - 1; i >= 0; i-- {
		until[i] = next
		if next == "" || effective[i] < next {
			next = effective[i]
		}
	}
	return until
}

// Text is what a compiled notice says, for telling whether it changed:
// its title and its body as Markdown, without its dates.
func Text(d *notice.Document) []byte {
	var b bytes.Buffer
	b.WriteString(d.Title + "\n\n")
	b.Write(render.Markdown(d, &render.Options{Body: true}))
	return b.Bytes()
}

// Request asks for a release.
type Request struct {
	// Effective is the date the new versions take effect.
	Effective model.Date
	// Released is the date of the release.
	Released model.Date
	// Summary says what changed, for the archive.
	Summary string
	// Notices are compiled as of Effective, with Released as their
	// last-updated date.
	Notices []*notice.Document
	// Force lists notices to release even when their text did not change.
	Force []string
	// Markdown renders a notice, in any of its languages, as the frozen
	// notice.md (compiler.FrozenMarkdown: the words around the text and the
	// dates in the notice's language); nil renders render.Markdown(d, nil).
	Markdown func(d *notice.Document) []byte
	// Project is the data the notices were compiled from.
	Project *model.Project
	// Load reads the frozen notice of a version; LoadData its data.json.
	Load     func(v *Version) (*notice.Document, error)
	LoadData func(v *Version) ([]byte, error)
	// Changes compares the data of two versions (compiler.Changes), to find
	// the material changes that need a notice period.
	Changes change.Compare
	// Relevant keeps, of the changes since a notice's last version, those
	// its readers are told of (diff.For: the changes its text uses); nil
	// keeps every change. Only these need the notice period.
	Relevant func(cs []change.Change, old, new *notice.Document) []change.Change
	// Compared, when set, gives the changes from last to the notice d that
	// its readers are told of, when the caller has compared them already
	// (by Changes and Relevant, on the same versions and data: the pull
	// request's review, which has diffed every notice), so they are not
	// compared twice; ok false when it has not, and Changes compares them.
	Compared func(last *Version, d *notice.Document) (cs []change.Change, ok bool)
	// NoticeDays are the days of notice each notice gives of a material
	// change, by notice id (compiler.NoticeDays asks the rule packs); a
	// notice not listed gets DefaultNoticeDays.
	NoticeDays map[string]int
	// NoticeDays and Checks come from the rule packs; a caller that leaves
	// them unset gets DefaultNoticeDays for every notice and no pack checks.
	//
	// Checks are what the rule packs' laws say of a release, by notice id
	// (compiler.ReleaseChecks): each is given the release date and the data
	// snapshot of the notice's latest released version (nil before the
	// first) and returns why the release must not go ahead.
	Checks map[string]func(released, effective model.Date, lastData []byte) error
}

// DefaultNoticeDays is the notice period of material changes when a notice
// sets none (notices.NOTICE.material_change_notice_days).
const DefaultNoticeDays = 30

// markdown is the frozen Markdown of d, in its language.
func (req *Request) markdown(d *notice.Document) []byte {
	if req.Markdown != nil {
		return req.Markdown(d)
	}
	return render.Markdown(d, nil)
}

// noticeDays returns the notice period of material changes to a notice:
// the days its rule pack gives (Request.NoticeDays), else the default.
func noticeDays(req *Request, id string) int {
	if n := req.NoticeDays[id]; n > 0 {
		return n
	}
	return DefaultNoticeDays
}

// Plan works out a release: the new versions (added to l) and the files to
// write, by path within Dir. It refuses, with an error saying why, when no
// notice changed, when a forced notice does not exist, or when the
// effective date comes before a notice's latest version, and when l is a
// legacy ledger (run Migrate first) or its chain is broken (run Verify).
// The new versions are appended to the chain in the order of req.Notices.
// Frozen files of earlier versions are never touched.
//
// A notice whose changes since its last version are material (see
// change.Rules; only those its readers are told of, Request.Relevant) must take effect at least its notice period after the release
// date, and a new sub-processor must be announced (processors[].notice_sent,
// else the release date) at least changes.subprocessor_notice_days before
// it is first used (GDPR Art. 28(2)).
func Plan(l *Ledger, req Request) ([]*Version, map[string][]byte, error) {
	if !req.Effective.Valid() || !req.Released.Valid() {
		return nil, nil, fmt.Errorf("dates must be YYYY-MM-DD")
	}
	if err := l.usable(); err != nil {
		return nil, nil, err
	}
	for _, f := range req.Force {
		if !slices.ContainsFunc(req.Notices, func(d *notice.Document) bool { return d.ID == f }) {
			return nil, nil, fmt.Errorf("--notice %s: this project publishes no such notice", f)
		}
	}
	snapshot, err := Snapshot(req.Project)
	if err != nil {
		return nil, nil, err
	}
	r := newReader(req)
	needs, err := r.needs(l, &req, snapshot)
	if err != nil {
		return nil, nil, err
	}
	files := map[string][]byte{}
	var added []*Version
	var unchanged []string
	for i, d := range req.Notices {
		n := &needs[i]
		if last := n.Last; last != nil && req.Effective < last.Effective {
			return nil, nil, fmt.Errorf("%s: the effective date %s comes before %s, when version %s took effect; versions take effect in order",
				d.ID, req.Effective, last.Effective, last.ID)
		}
		if !n.Changed {
			unchanged = append(unchanged, d.ID)
			continue
		}
		if m := n.Material; len(m) > 0 {
			if got := req.Released.DaysUntil(req.Effective); got < n.Days {
				return nil, nil, fmt.Errorf("%s: %d material changes since version %s (first: %s) need %d days' notice, but %s is %d days after the release date %s",
					d.ID, len(m), n.Last.ID, m[0].Sentence, n.Days, req.Effective, got, req.Released)
			}
		}
		past := l.Of(d.ID)
		id := string(req.Effective)
		for k := 2; slices.ContainsFunc(past, func(v *Version) bool { return v.ID == id }); k++ {
			id = fmt.Sprintf("%s-%d", req.Effective, k)
		}
		if d.Effective != "" && d.Effective != req.Effective {
			return nil, nil, fmt.Errorf("%s: the notice was compiled as of %s, not the effective date %s", d.ID, d.Effective, req.Effective)
		}
		v := &Version{Notice: d.ID, ID: id, Effective: req.Effective, Released: req.Released, Summary: req.Summary, Files: map[string]string{}}
		doc, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return nil, nil, err
		}
		frozen := map[string][]byte{
			NoticeFile(""):        append(doc, '\n'),
			noticeFile("", ".md"): req.markdown(d),
		}
		// Every language of the notice, frozen in the same version.
		for _, t := range d.Translations {
			tj, err := json.MarshalIndent(t, "", "  ")
			if err != nil {
				return nil, nil, err
			}
			frozen[NoticeFile(t.Language)] = append(tj, '\n')
			frozen[noticeFile(t.Language, ".md")] = req.markdown(t)
		}
		for name, data := range frozen {
			p := path.Join(v.Folder(), name)
			files[p] = data
			v.Files[p] = hash(data)
		}
		// The data once, shared by every version made from it.
		h := hash(snapshot)
		files[snapshotPath(h)] = snapshot
		v.Files[snapshotPath(h)] = h
		added = append(added, v)
	}
	if refused, err := r.checks(l, &req, req.Effective); err != nil {
		return nil, nil, err
	} else if refused != nil {
		return nil, nil, refused
	}
	if len(added) == 0 {
		return nil, nil, fmt.Errorf("nothing to release: %s did not change since the last release (name one with --notice to release it anyway)", join(unchanged))
	}
	l.Format = Format
	for _, v := range added {
		l.append(v)
	}
	files[LedgerFile] = l.Encode()
	return added, files, nil
}

func join(ids []string) string {
	switch len(ids) {
	case 0:
		return "no notice"
	case 1:
		return "the " + ids[0] + " notice"
	}
	return "the notices " + fmt.Sprint(ids)
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// NoticeFile is the name of a version's frozen notice in a language:
// notice.json for English (lang ""), notice.de.json for German.
func NoticeFile(lang string) string { return noticeFile(lang, ".json") }

// noticeFile is the name of a version's frozen notice in a language, in
// the form ext names (".json", ".md").
func noticeFile(lang, ext string) string {
	if lang == "" || lang == "en" {
		return "notice" + ext
	}
	return "notice." + lang + ext
}

// Languages lists the languages besides English a version froze the
// notice in (its notice.LANG.json files), by code, sorted.
func (v *Version) Languages() []string {
	var out []string
	for p := range v.Files {
		if path.Dir(p) != v.Folder() {
			continue
		}
		name := path.Base(p)
		if lang, ok := strings.CutPrefix(name, "notice."); ok {
			if lang, ok = strings.CutSuffix(lang, ".json"); ok && lang != "" && !strings.Contains(lang, ".") {
				out = append(out, lang)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Load reads the frozen notice of v from dir of fsys, checking its hash,
// with its other languages (Languages) as its Translations.
func Load(fsys fs.FS, dir string, v *Version) (*notice.Document, error) {
	d, err := loadFrozen(fsys, dir, v, "")
	if err != nil {
		return nil, err
	}
	for _, lang := range v.Languages() {
		t, err := loadFrozen(fsys, dir, v, lang)
		if err != nil {
			return nil, err
		}
		d.Translations = append(d.Translations, t)
	}
	return d, nil
}

func loadFrozen(fsys fs.FS, dir string, v *Version, lang string) (*notice.Document, error) {
	p := path.Join(v.Folder(), NoticeFile(lang))
	b, err := regular.ReadFile(fsys, path.Join(dir, p))
	if err != nil {
		return nil, err
	}
	if want, ok := v.Files[p]; !ok || hash(b) != want {
		return nil, fmt.Errorf("%s: the frozen notice was changed after its release (run disclose verify)", path.Join(dir, p))
	}
	var d notice.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path.Join(dir, p), err)
	}
	return &d, nil
}

// Verify checks the releases of dir in fsys against the ledger l: that the
// ledger is chained and its chain intact (each entry matches its hash and
// follows the entry before it), that each entry agrees with its name and
// its frozen notice, and that every frozen file is exactly as released. It
// reports every problem: at the ledger entry's field, or at the file for a
// frozen file edited, missing or not in the ledger. It cannot see an edit
// of the last entry that also rewrote its hash: VerifyHead (against a
// published head) and VerifyHistory (against git) can.
func Verify(fsys fs.FS, dir string, l *Ledger) diag.List {
	diags := checkChain(l, path.Join(dir, LedgerFile))
	files, fd := verifyFiles(fsys, dir, l)
	diags.Append(fd...)
	diags.Append(checkEntries(files, dir, l)...)
	diags.Sort()
	return diags
}

// verifyFiles recomputes every hash in the ledger and reports, at the file,
// every frozen file edited, missing or not in the ledger. It returns the
// content of the files that match their hash, by path within fsys, so
// later checks read nothing again.
func verifyFiles(fsys fs.FS, dir string, l *Ledger) (map[string][]byte, diag.List) {
	var diags diag.List
	verified := map[string][]byte{}
	known := map[string]bool{LedgerFile: true}
	for _, v := range l.Versions {
		for _, p := range sortedKeys(v.Files) {
			full := path.Join(dir, p)
			if known[p] && isSnapshot(p, v.Files[p]) {
				continue // a shared snapshot is read and hashed once
			}
			known[p] = true
			b, err := regular.ReadFile(fsys, full)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				diags.Add(diag.Pos{File: full}, "", "frozen file of %s version %s is missing", v.Notice, v.ID).Hint = "restore it from version control: released files never change"
			case err != nil:
				diags.Add(diag.Pos{File: full}, "", "cannot read: %v", err)
			case hash(b) != v.Files[p]:
				diags.Add(diag.Pos{File: full}, "", "frozen file of %s version %s was edited after its release (SHA-256 %s, ledger %s)", v.Notice, v.ID, hash(b)[:12], short(v.Files[p])).Hint = "restore it from version control; to change a notice, release a new version"
			default:
				verified[full] = b
			}
		}
	}
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel := p[len(dir)+1:]
		if !known[rel] {
			diags.Add(diag.Pos{File: p}, "", "file is not part of any release in the ledger").Hint = "remove it: only disclose release writes into " + dir + "/"
		}
		return nil
	})
	return verified, diags
}

// short abbreviates a hash for a message.
func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// LoadData reads the frozen data snapshot of v, checking its hash.
func LoadData(fsys fs.FS, dir string, v *Version) ([]byte, error) {
	p := v.DataFile()
	b, err := regular.ReadFile(fsys, path.Join(dir, p))
	if err != nil {
		return nil, err
	}
	if want, ok := v.Files[p]; !ok || hash(b) != want {
		return nil, fmt.Errorf("%s: the frozen data was changed after its release (run disclose verify)", path.Join(dir, p))
	}
	return b, nil
}

// Store reads released versions from the releases folder (Dir) of a
// project's file system: each version's frozen notice and data snapshot.
type Store struct{ FS fs.FS }

// Notice reads v's frozen notice.
func (s Store) Notice(v *Version) (*notice.Document, error) { return Load(s.FS, Dir, v) }

// Data reads v's frozen data snapshot.
func (s Store) Data(v *Version) ([]byte, error) { return LoadData(s.FS, Dir, v) }
