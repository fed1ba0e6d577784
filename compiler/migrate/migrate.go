// Package migrate brings a project's data files up to the format this
// disclose reads and writes, as text: each change is the smallest edit that
// does it, so every other byte of the team's files (comments, order,
// quoting) stays as they wrote it.
//
// Today that is the JSON Schema modeline: the comment that tells editors
// (through yaml-language-server) where the data files' schema is, so they
// complete keys and flag mistakes while the team types. Projects written by
// an earlier disclose name a local copy (../schema/disclose.schema.json);
// this one names the schema published at a stable, versioned URL.
package migrate

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
)

// Modeline returns the modeline of a data file whose schema is at url.
func Modeline(url string) string { return "# yaml-language-server: $schema=" + url }

// modeline matches a yaml-language-server schema modeline naming a disclose
// schema (any path or URL whose last element is disclose.schema.json, or a
// versioned one under .../schema/vN/); group 1 is what it names.
var modeline = regexp.MustCompile(`(?m)^#[ \t]*yaml-language-server:[ \t]*\$schema=([^\s]*disclose\.schema\.json)[ \t]*\r?$`)

// Stale is a data file whose modeline names another schema than the
// current one.
type Stale struct {
	// File is the file's slash path (as diag.Pos names files); Line the
	// modeline's line, and Names what it names.
	File  string
	Line  int
	Names string
}

// Modelines finds the data files under dir whose disclose modeline names
// another schema than url, and returns each rewritten to name url, by slash
// path, with the stale lines found. Files without a disclose modeline are
// left alone: the team may use another way to give editors the schema.
func Modelines(fsys fs.FS, dir, url string) (map[string][]byte, []Stale, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Regular files only: a link's target is not the team's file to
		// rewrite here.
		if !d.Type().IsRegular() || !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") {
			return nil
		}
		b, err := regular.ReadFile(fsys, p)
		files[p] = b
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	stale := StaleIn(files, url)
	out := map[string][]byte{}
	for _, s := range stale {
		if _, done := out[s.File]; !done {
			out[s.File] = Rewrite(files[s.File], url)
		}
	}
	return out, stale, nil
}

// StaleIn returns the modelines of files (contents by slash path, as the
// loader keeps them in model.SourceMap.Files) that name another disclose
// schema than url, ordered by file and line.
func StaleIn(files map[string][]byte, url string) []Stale {
	var out []Stale
	for name, b := range files {
		for _, m := range modeline.FindAllSubmatchIndex(b, -1) {
			if named := string(b[m[2]:m[3]]); named != url {
				out = append(out, Stale{File: path.Clean(name), Line: 1 + bytes.Count(b[:m[0]], []byte("\n")), Names: named})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Rewrite returns b with every disclose modeline naming url, and only
// those lines changed.
func Rewrite(b []byte, url string) []byte {
	return modeline.ReplaceAllFunc(b, func(line []byte) []byte {
		cr := ""
		if bytes.HasSuffix(line, []byte("\r")) {
			cr = "\r"
		}
		return []byte(Modeline(url) + cr)
	})
}

// Diagnostics reports stale modelines as warnings: the files still load,
// but editors validate them against another schema, or none.
func Diagnostics(stale []Stale, url string) diag.List {
	var l diag.List
	for _, s := range stale {
		l.Append(&diag.Diagnostic{
			Pos:      diag.Pos{File: s.File, Line: s.Line, Col: 1},
			Severity: diag.Warning,
			Message:  "the modeline names the schema " + s.Names + ", not the one this disclose publishes (" + url + "), so editors check the file against another schema or none",
			Hint:     "run disclose migrate to rewrite the modelines",
		})
	}
	return l
}
