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
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Regular files only: a link's target is not the team's file to
		// rewrite here.
		if d.Type().IsRegular() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	out := map[string][]byte{}
	var stale []Stale
	for _, name := range names {
		b, err := regular.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		changed := false
		for _, m := range modeline.FindAllSubmatchIndex(b, -1) {
			if named := string(b[m[2]:m[3]]); named != url {
				stale = append(stale, Stale{File: path.Clean(name), Line: 1 + bytes.Count(b[:m[0]], []byte("\n")), Names: named})
				changed = true
			}
		}
		if !changed {
			continue
		}
		out[name] = modeline.ReplaceAllFunc(b, func(line []byte) []byte {
			cr := ""
			if bytes.HasSuffix(line, []byte("\r")) {
				cr = "\r"
			}
			return []byte(Modeline(url) + cr)
		})
	}
	return out, stale, nil
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
