package release

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	hashpkg "hash"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
)

// VerifyHistory checks, with git, that the releases folder of the project
// in projectDir only ever grew: over every commit reachable from HEAD (and
// then from HEAD to the ledger l read from the working tree), no frozen file
// listed in a commit's ledger is changed or removed by a later commit, and
// every entry of a commit's ledger stays in later ledgers unchanged, in a
// chained ledger at the same place (a chained ledger only appends). One
// change of format is allowed: a legacy ledger becoming the chained form of
// the same entries (disclose migrate); going back to the legacy format is
// not.
//
// Each problem is reported at the file or the ledger entry, naming the
// commit. It is an error, except (as a warning, one per commit) when it
// happened before the ledger was chained, or when a later commit undid it
// (the file or entry is again exactly as first released). When git is not
// installed, projectDir is not in a git repository, or it has no commits,
// the check is skipped with a note (an Info diagnostic) saying so; a
// shallow clone is checked as far as it goes, with a note.
//
// git runs with ctx; its commands only read the object database (rev-parse,
// rev-list, cat-file, ls-tree), never the index or the working tree.
func VerifyHistory(ctx context.Context, projectDir string, l *Ledger) diag.List {
	name := path.Join(Dir, LedgerFile)
	var diags diag.List
	note := func(format string, args ...any) diag.List {
		d := diags.Add(diag.Pos{File: name}, "", format, args...)
		d.Severity = diag.Info
		diags.Sort()
		return diags
	}
	if _, err := exec.LookPath("git"); err != nil {
		return note("releases/ was not checked against the git history: git is not installed")
	}
	g := &git{ctx: ctx, dir: projectDir}
	out, err := g.run(nil, "rev-parse", "--show-prefix", "--is-shallow-repository", "--show-object-format")
	if err != nil {
		if ctx.Err() != nil {
			return note("releases/ was not checked against the git history: %v", ctx.Err())
		}
		return note("releases/ was not checked against the git history: %s", gitReason(err))
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 || lines[2] != "sha1" && lines[2] != "sha256" {
		return note("releases/ was not checked against the git history: unexpected answer from git rev-parse: %q", out)
	}
	prefix, shallow, format := lines[0], lines[1] == "true", lines[2]
	if _, err := g.run(nil, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); err != nil {
		return note("releases/ was not checked against the git history: the repository has no commits yet")
	}
	h, err := g.history(prefix + Dir)
	if err != nil {
		d := diags.Add(diag.Pos{File: name}, "", "cannot read the git history of releases/: %s", gitReason(err))
		d.Hint = "run git fsck, or check that git works in this folder"
		return diags
	}
	// The working tree's files, by the blob id git would give them.
	work := func(name string) (string, error) {
		b, err := regular.ReadFile(os.DirFS(projectDir), path.Join(Dir, name))
		if err != nil {
			return "", err
		}
		return blobID(format, b), nil
	}
	diags.Append(h.check(l, work)...)
	if shallow {
		note("the git history is shallow: commits before the oldest fetched one were not checked (fetch the whole history, for example actions/checkout with fetch-depth: 0)")
	}
	diags.Sort()
	return diags
}

// git runs git in a folder.
type git struct {
	ctx context.Context
	dir string
}

func (g *git) run(stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(g.ctx, "git", append([]string{"-c", "core.fsmonitor=false", "-c", "core.quotepath=false"}, args...)...)
	cmd.Dir = g.dir
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &gitError{args: args, err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return out, nil
}

type gitError struct {
	args   []string
	err    error
	stderr string
}

func (e *gitError) Error() string {
	if e.stderr != "" {
		return "git " + e.args[0] + ": " + e.stderr
	}
	return "git " + e.args[0] + ": " + e.err.Error()
}

// gitReason is git's own first line for a failure, without "fatal: ".
func gitReason(err error) string {
	var ge *gitError
	if errors.As(err, &ge) && ge.stderr != "" {
		first, _, _ := strings.Cut(ge.stderr, "\n")
		if strings.Contains(first, "not a git repository") {
			return "the project is not in a git repository"
		}
		return strings.TrimPrefix(first, "fatal: ")
	}
	return err.Error()
}

// commit is one commit and its parents, with the state of releases/ in it.
type commit struct {
	id      string
	parents []string
	tree    string // the releases/ tree, "" when absent
	state   *state
}

// state is releases/ in one commit: its files (path within Dir -> blob id)
// and its ledger (nil when it has none). For the working tree, files is nil
// and read returns a file's blob id (path within Dir).
type state struct {
	files  map[string]string
	read   func(name string) (string, error)
	ledger *Ledger
	// unreadable says why the ledger could not be read; ledger is then the
	// last readable one before it.
	unreadable string
}

// chained reports whether s has a chained ledger.
func (s *state) chained() bool { return s.ledger != nil && s.ledger.Format == Format }

type history struct {
	g       *git
	commits []*commit
	byID    map[string]*commit
	trees   map[string]*state
}

// history lists the commits reachable from HEAD, parents first, with the
// tree of dir (a path from the repository's root) in each.
func (g *git) history(dir string) (*history, error) {
	out, err := g.run(nil, "rev-list", "--reverse", "--topo-order", "--parents", "HEAD")
	if err != nil {
		return nil, err
	}
	h := &history{g: g, byID: map[string]*commit{}, trees: map[string]*state{}}
	var query bytes.Buffer
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		c := &commit{id: f[0], parents: f[1:]}
		h.commits = append(h.commits, c)
		h.byID[c.id] = c
		fmt.Fprintf(&query, "%s:%s\n", c.id, dir)
	}
	if len(h.commits) == 0 {
		return h, nil
	}
	out, err = g.run(query.Bytes(), "cat-file", "--batch-check")
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		if i >= len(h.commits) {
			return nil, errors.New("git cat-file: more answers than questions")
		}
		if f := strings.Fields(sc.Text()); len(f) == 3 && f[1] == "tree" {
			h.commits[i].tree = f[0]
		}
	}
	return h, sc.Err()
}

// load returns the state of a releases/ tree.
func (h *history) load(tree string) (*state, error) {
	if s, ok := h.trees[tree]; ok {
		return s, nil
	}
	s := &state{files: map[string]string{}}
	out, err := h.g.run(nil, "ls-tree", "-r", "-z", "--full-tree", tree)
	if err != nil {
		return nil, err
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, p, ok := strings.Cut(rec, "\t")
		if f := strings.Fields(meta); ok && len(f) == 3 && f[1] == "blob" {
			s.files[p] = f[2]
		}
	}
	if id, ok := s.files[LedgerFile]; ok {
		b, err := h.g.run(nil, "cat-file", "blob", id)
		if err != nil {
			return nil, err
		}
		if s.ledger, err = Parse(path.Join(Dir, LedgerFile), b); err != nil {
			s.unreadable = strings.TrimPrefix(err.Error(), path.Join(Dir, LedgerFile)+": ")
		}
	}
	h.trees[tree] = s
	return s, nil
}

// violation is one way a commit rewrote released history.
type violation struct {
	at      string // the commit, short, or "" for the working tree
	legacy  bool   // before the ledger was chained
	key     string // "file:PATH", "entry:NOTICE/VERSION" or "format"
	pos     diag.Pos
	path    string
	message string
}

// check walks the history and returns its violations as diagnostics.
func (h *history) check(work *Ledger, read func(string) (string, error)) diag.List {
	var diags diag.List
	name := path.Join(Dir, LedgerFile)
	var all []*violation
	original := map[string]any{} // key -> the file's blob or the entry as first released
	for _, c := range h.commits {
		c.state = &state{files: map[string]string{}}
		if c.tree != "" {
			s, err := h.load(c.tree)
			if err != nil {
				diags.Add(diag.Pos{File: name}, "", "cannot read releases/ in commit %s: %s", c.id[:12], gitReason(err))
				return diags
			}
			c.state = s
		}
		if c.state.unreadable != "" {
			// Compare later commits with the last ledger that could be read.
			s := *c.state
			s.ledger = nil
			if len(c.parents) > 0 {
				if p := h.byID[c.parents[0]]; p != nil && p.state != nil {
					s.ledger = p.state.ledger
				}
			}
			c.state = &s
			d := diags.Add(diag.Pos{File: name}, "", "the ledger in commit %s cannot be read (%s); later commits are compared with the last ledger before it", c.id[:12], c.state.unreadable)
			d.Severity = diag.Warning
		}
		for _, pid := range c.parents {
			p := h.byID[pid]
			if p == nil || p.state == nil || p.tree == c.tree && p.state.unreadable == c.state.unreadable {
				continue
			}
			all = append(all, compareStates(p.state, c.state, c.id[:12], work, original)...)
		}
	}
	var final *state
	if n := len(h.commits); n > 0 {
		final = h.commits[n-1].state // HEAD: rev-list lists it last
		all = append(all, compareStates(final, &state{ledger: work, read: read}, "", work, original)...)
	}
	// A violation is an error unless it came before the chain, or a later
	// commit undid it.
	warned := map[string][]*violation{}
	var order []string
	for _, v := range all {
		undone := v.at != "" && undoneAt(v.key, original[v.key], final, work)
		if !v.legacy && !undone {
			d := diags.Add(v.pos, v.path, "%s", v.message)
			d.Hint = "restore releases/ as it was released (git show COMMIT^:PATH); a released version never changes: release a new one"
			continue
		}
		k := v.at
		if undone && !v.legacy {
			k += " undone"
		}
		if _, ok := warned[k]; !ok {
			order = append(order, k)
		}
		warned[k] = append(warned[k], v)
	}
	for _, k := range order {
		vs := warned[k]
		at, undone := strings.CutSuffix(k, " undone")
		why, hint := "before the ledger was chained", "the old ledger format did not protect the history; disclose reports what git shows so that readers of the record know"
		if undone {
			why, hint = "later undone: the files and entries are again as first released", "nothing to restore; the history keeps the record that released versions were changed for a while"
		}
		who := "commit " + at
		if at == "" {
			who = "the working tree"
		}
		d := diags.Add(diag.Pos{File: name}, "", "%s rewrote released history (%s): %s%s", who, why, vs[0].message, more(len(vs)-1))
		d.Severity = diag.Warning
		d.Hint = hint
	}
	return diags
}

func more(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (and 1 more change)"
	}
	return fmt.Sprintf(" (and %d more changes)", n)
}

// compareStates returns the ways c rewrote what p had released; at names
// c's commit ("" for the working tree). It records in original each key's
// value before its first change.
func compareStates(p, c *state, at string, work *Ledger, original map[string]any) []*violation {
	if p.ledger == nil {
		return nil // nothing was released yet
	}
	where := "in commit " + at
	if at == "" {
		where = "in the working tree (not committed)"
	}
	legacy := !p.chained() && !c.chained()
	var out []*violation
	add := func(key string, orig any, pos diag.Pos, dataPath, format string, args ...any) {
		if _, ok := original[key]; !ok {
			original[key] = orig
		}
		out = append(out, &violation{at: at, legacy: legacy, key: key, pos: pos, path: dataPath, message: fmt.Sprintf(format, args...)})
	}
	name := path.Join(Dir, LedgerFile)
	entryPos := func(pv *Version) (diag.Pos, string) {
		for i, v := range work.Versions {
			if v.Notice == pv.Notice && v.ID == pv.ID {
				return v.at(name, ""), fmt.Sprintf("versions[%d]", i)
			}
		}
		return diag.Pos{File: name}, ""
	}
	// Frozen files, by blob id.
	for _, v := range p.ledger.Versions {
		for _, f := range sortedKeys(v.Files) {
			was, ok := p.files[f]
			if !ok {
				continue
			}
			removed, edited := false, false
			var now string
			if c.files != nil {
				var ok bool
				now, ok = c.files[f]
				removed, edited = !ok, ok && now != was
			} else if c.read != nil {
				var err error
				now, err = c.read(f)
				removed, edited = errors.Is(err, fs.ErrNotExist), err == nil && now != was
			}
			if edited && original["file:"+f] == now {
				continue // this commit restores the file as first released
			}
			pos := diag.Pos{File: path.Join(Dir, f)}
			switch {
			case removed:
				add("file:"+f, was, pos, "", "released file of %s version %s was removed %s", v.Notice, v.ID, where)
			case edited:
				add("file:"+f, was, pos, "", "released file of %s version %s was changed %s", v.Notice, v.ID, where)
			}
		}
	}
	// Ledger entries.
	if p.chained() && c.ledger != nil && !c.chained() {
		add("format", p.ledger, diag.Pos{File: name}, "", "the chained ledger was turned back into the legacy format %s", where)
	}
	byKey := map[string]int{}
	if c.ledger != nil {
		for i, v := range c.ledger.Versions {
			byKey[v.Notice+"/"+v.ID] = i
		}
	}
	strict := p.chained() && c.chained() // only appends, in order
	for i, pv := range p.ledger.Versions {
		key := "entry:" + pv.Notice + "/" + pv.ID
		pos, dataPath := entryPos(pv)
		j, ok := byKey[pv.Notice+"/"+pv.ID]
		if !ok {
			add(key, pv, pos, dataPath, "the ledger entry for %s version %s was removed %s", pv.Notice, pv.ID, where)
			continue
		}
		cv := c.ledger.Versions[j]
		if o, ok := original[key].(*Version); ok && len(changed(o, cv, strict)) == 0 && !(strict && i != j) {
			continue // this commit restores the entry as first released
		}
		if fields := changed(pv, cv, strict); len(fields) > 0 {
			add(key, pv, pos, dataPath, "the ledger entry for %s version %s was changed %s: its %s changed", pv.Notice, pv.ID, where, strings.Join(fields, ", "))
			continue
		}
		if strict && i != j {
			add(key, pv, pos, dataPath, "the ledger entry for %s version %s was moved %s, from place %d to %d: a chained ledger only appends", pv.Notice, pv.ID, where, i+1, j+1)
		}
	}
	return out
}

// changed names the fields in which c differs from p (prev and hash too
// when both are chained).
func changed(p, c *Version, chained bool) []string {
	var out []string
	for _, f := range []struct {
		name string
		a, b string
	}{
		{"notice", p.Notice, c.Notice}, {"effective date", string(p.Effective), string(c.Effective)}, {"release date", string(p.Released), string(c.Released)},
		{"summary", p.Summary, c.Summary},
	} {
		if f.a != f.b {
			out = append(out, f.name)
		}
	}
	if !maps.Equal(p.Files, c.Files) {
		out = append(out, "files")
	}
	if chained && p.Prev != c.Prev {
		out = append(out, "prev")
	}
	if chained && p.Hash != c.Hash && len(out) == 0 {
		out = append(out, "hash")
	}
	return out
}

// undoneAt reports whether the thing key names is, in the final state
// (HEAD's files, the working tree's ledger), again exactly what it was
// before its first change.
func undoneAt(key string, orig any, final *state, work *Ledger) bool {
	kind, k, _ := strings.Cut(key, ":")
	switch kind {
	case "file":
		was, _ := orig.(string)
		return final != nil && final.files != nil && final.files[k] == was
	case "entry":
		pv, _ := orig.(*Version)
		if pv == nil {
			return false
		}
		i := slices.IndexFunc(work.Versions, func(v *Version) bool { return v.Notice == pv.Notice && v.ID == pv.ID })
		if i < 0 {
			return false
		}
		wv := work.Versions[i]
		strict := pv.Hash != "" && work.Format == Format
		return len(changed(pv, wv, strict)) == 0 && (!strict || pv.Hash == wv.Hash)
	case "format":
		// Undone when every entry of the chain before the downgrade is
		// again in the chain, unchanged, at its place.
		pl, _ := orig.(*Ledger)
		if pl == nil || work.Format != Format || len(work.Versions) < len(pl.Versions) {
			return false
		}
		for i, v := range pl.Versions {
			if work.Versions[i].Hash != v.Hash {
				return false
			}
		}
		return true
	}
	return false
}

// blobID is the id git gives a file with content b.
func blobID(format string, b []byte) string {
	var h hashpkg.Hash
	if format == "sha256" {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}
