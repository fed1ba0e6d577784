// Package load reads the data files under data/ into a model.Project,
// keeping the position of every value, and reports every problem it finds in
// every file: YAML syntax, unknown and duplicate keys, wrong types, invalid
// values (dates, countries, emails, web addresses, enumerations) and missing
// required fields.
//
// Cross-references between files (a purpose naming a category) are checked
// by package check, which runs on load's result.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// MaxFileSize is the largest data file read.
const MaxFileSize = 4 << 20

// maxLines is the most lines a data file may have: far more than any real
// data set needs, few enough to parse quickly.
const maxLines = 100_000

// Load reads every .yaml and .yml file under dir (recursively, skipping
// names that start with a dot and editor backups ending in ~) in fsys, which
// is rooted at the project root; file names in positions are fsys paths such
// as data/purposes.yaml.
//
// It always returns a project, partial when files are broken, and every
// diagnostic found, sorted. Problems that depend on other files, such as
// dangling references, are left to package check.
func Load(fsys fs.FS, dir string) (*model.Project, diag.List) {
	l := &loader{
		fsys:    fsys,
		dir:     path.Clean(dir),
		proj:    &model.Project{},
		defined: map[string]diag.Pos{},
		broken:  map[string]bool{},
	}
	l.proj.Source = model.NewSourceMap(diag.Pos{File: l.dir})
	files := l.list()
	for _, name := range files {
		l.loadFile(name)
	}
	if len(files) == 0 && len(l.diags) == 0 {
		l.diags.Add(diag.Pos{File: l.dir}, "", "no data files (*.yaml) found in %s", l.dir)
	}
	if len(files) > 0 {
		l.validate()
	}
	l.diags.Sort()
	return l.proj, l.diags
}

type loader struct {
	fsys    fs.FS
	dir     string
	proj    *model.Project
	diags   diag.List
	defined map[string]diag.Pos // top-level section -> where it is defined
	// broken holds paths whose problems are reported already, so validation
	// does not report them again: values that failed to decode, fields a
	// misspelt key was meant to be, and sections of files that failed to parse.
	broken map[string]bool
}

// list returns the data files to read, sorted, reporting unreadable folders
// and links that leave the data folder.
func (l *loader) list() []string {
	var files []string
	err := fs.WalkDir(l.fsys, l.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == l.dir {
				return err
			}
			l.diags.Add(diag.Pos{File: p}, "", "cannot read: %s", plainError(err))
			return nil
		}
		base := d.Name()
		if p != l.dir && (strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if !isData(base) {
				return nil
			}
			if l.checkLink(p) {
				files = append(files, p)
			}
			return nil
		}
		if !d.IsDir() && isData(base) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		l.diags.Add(diag.Pos{File: l.dir}, "", "cannot read the data folder: %s", plainError(err))
	}
	sort.Strings(files)
	return files
}

func isData(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// checkLink reports whether the symbolic link p may be read: it must point
// to a file inside the data folder.
func (l *loader) checkLink(p string) bool {
	rl, ok := l.fsys.(fs.ReadLinkFS)
	if !ok {
		l.diags.Add(diag.Pos{File: p}, "", "symbolic links cannot be followed here")
		return false
	}
	target, err := rl.ReadLink(p)
	if err != nil {
		l.diags.Add(diag.Pos{File: p}, "", "cannot read symbolic link: %s", plainError(err))
		return false
	}
	resolved := path.Join(path.Dir(p), target)
	if path.IsAbs(target) || (resolved != l.dir && !strings.HasPrefix(resolved, l.dir+"/")) {
		l.diags.Add(diag.Pos{File: p}, "", "symbolic link points outside %s/ (to %s); data files must live inside %s/", l.dir, target, l.dir)
		return false
	}
	info, err := fs.Stat(l.fsys, p)
	if err != nil {
		l.diags.Add(diag.Pos{File: p}, "", "symbolic link points to a missing file (%s)", target)
		return false
	}
	if info.IsDir() {
		l.diags.Add(diag.Pos{File: p}, "", "symbolic links to folders are not followed")
		return false
	}
	return true
}

func (l *loader) loadFile(name string) {
	info, err := fs.Stat(l.fsys, name)
	if err != nil {
		l.diags.Add(diag.Pos{File: name}, "", "cannot read: %s", plainError(err))
		return
	}
	if info.Size() > MaxFileSize {
		l.diags.Add(diag.Pos{File: name}, "", "file is %d bytes; data files may be at most %d bytes (split it by concern)", info.Size(), MaxFileSize)
		return
	}
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.diags.Add(diag.Pos{File: name}, "", "cannot read: %s", plainError(err))
		return
	}
	if len(src) > MaxFileSize { // the file grew while being read
		l.diags.Add(diag.Pos{File: name}, "", "file is larger than %d bytes", MaxFileSize)
		return
	}
	l.proj.Source.Files[name] = src
	if d := prescan(name, src); d != nil {
		l.diags.Append(d)
		l.guessSections(src)
		return
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		l.diags.Append(syntaxError(name, err))
		l.guessSections(src)
		return
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc.Body != nil {
			if _, isComment := doc.Body.(*ast.CommentGroupNode); !isComment {
				docs = append(docs, doc)
			}
		}
	}
	switch {
	case len(docs) == 0:
		l.diags.Add(diag.Pos{File: name, Line: 1, Col: 1}, "", "file is empty: expected sections such as organization: or purposes:")
		return
	case len(docs) > 1:
		d := &decoder{file: name}
		l.diags.Add(d.pos(docs[1].Body), "", "file holds %d YAML documents; a data file holds one (remove the --- separators)", len(docs))
		return
	}
	body := docs[0].Body
	d := &decoder{file: name, diags: &l.diags, src: l.proj.Source, anchors: anchors(body), quiet: l.broken}
	body, ok := d.resolve(body, "")
	if !ok {
		return
	}
	m, ok := body.(*ast.MappingNode)
	if !ok {
		d.errorf(body, "", "a data file must be a mapping of sections (organization:, purposes:, ...), found %s", describe(body))
		return
	}
	l.decodeTop(d, m)
	for _, dg := range l.diags {
		if dg.Pos.File == name && dg.Path != "" {
			l.broken[dg.Path] = true
		}
	}
}

// guessSections marks the sections a file that cannot be parsed seems to
// define (lines starting "name:"), so they are not also reported missing.
func (l *loader) guessSections(src []byte) {
	for _, line := range strings.Split(string(src), "\n") {
		if name, _, ok := strings.Cut(line, ":"); ok && name != "" && !strings.ContainsAny(name, " \t#-'\"") {
			l.broken[name] = true
		}
	}
}

// decodeTop decodes a file's top-level sections into the shared project.
func (l *loader) decodeTop(d *decoder, m *ast.MappingNode) {
	v := reflect.ValueOf(l.proj).Elem()
	fields := fieldsOf(v.Type())
	seen := map[string]ast.Node{}
	for _, mv := range m.Values {
		key, keyNode, ok := d.key(mv, "")
		if !ok {
			continue
		}
		if first, dup := seen[key]; dup {
			d.errorf(keyNode, key, "section %q is defined twice in this file", key).Related = []diag.Pos{d.pos(first)}
			continue
		}
		seen[key] = keyNode
		f, ok := fields[key]
		if !ok {
			d.unknownKey(keyNode, "", key, fields)
			continue
		}
		if first, dup := l.defined[key]; dup {
			d.errorf(keyNode, key, "section %q is already defined in %s; each section lives in one file", key, first.File).
				Related = []diag.Pos{first}
			continue
		}
		l.defined[key] = d.pos(keyNode)
		l.proj.Source.Set(key, d.valuePos(mv), d.pos(keyNode))
		d.decode(mv.Value, v.FieldByIndex(f.index), key, 1)
	}
}

// anchors collects a document's anchors by name. A later anchor with the
// same name replaces an earlier one, as in YAML.
func anchors(n ast.Node) map[string]ast.Node {
	m := map[string]ast.Node{}
	for _, a := range ast.Filter(ast.AnchorType, n) {
		a := a.(*ast.AnchorNode)
		m[a.Name.GetToken().Value] = a.Value
	}
	return m
}

// prescan rejects what the YAML parser handles badly or not at all: bytes
// that are not UTF-8, NUL bytes, and nesting so deep it would make parsing
// slow.
func prescan(name string, src []byte) *diag.Diagnostic {
	line, col := 1, 1
	depth := 0
	quote := rune(0)
	comment := false
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		at := diag.Pos{File: name, Line: line, Col: col}
		if r == utf8.RuneError && size == 1 {
			return &diag.Diagnostic{Pos: at, Message: fmt.Sprintf("file is not valid UTF-8 text (byte 0x%02X); save it as UTF-8", src[i])}
		}
		if r == 0 {
			return &diag.Diagnostic{Pos: at, Message: "file contains a NUL byte; is it a text file?"}
		}
		switch {
		case r == '\n':
			line, col = line+1, 0
			if line > maxLines {
				return &diag.Diagnostic{Pos: diag.Pos{File: name, Line: line}, Message: fmt.Sprintf("file has more than %d lines; split it by concern", maxLines)}
			}
			comment = false
			if quote == '\'' || quote == '"' {
				break // quoted scalars may span lines
			}
			quote = 0
			// Indentation deeper than any real data file needs.
			spaces := 0
			for spaces < len(src)-i-1 && src[i+1+spaces] == ' ' {
				spaces++
			}
			if spaces > 4*maxDepth {
				return &diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: 1},
					Message: fmt.Sprintf("line is indented %d spaces; values may be nested at most %d levels deep", spaces, maxDepth)}
			}
		case comment:
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '#' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n'):
			comment = true
		case r == '"' || r == '\'':
			if i == 0 || strings.ContainsRune(" \t\n[{,:-", rune(src[i-1])) {
				quote = r
			}
		case r == '[' || r == '{':
			depth++
			if depth > maxDepth {
				return &diag.Diagnostic{Pos: at, Message: fmt.Sprintf("values are nested more than %d levels deep", maxDepth)}
			}
		case r == ']' || r == '}':
			if depth > 0 {
				depth--
			}
		}
		i += size
		col++
	}
	return nil
}

// syntaxError turns a YAML parser error into a diagnostic.
func syntaxError(name string, err error) *diag.Diagnostic {
	d := &diag.Diagnostic{Pos: diag.Pos{File: name}, Message: "YAML syntax error: " + plainError(err)}
	var e interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if !errors.As(err, &e) {
		return d
	}
	msg := e.GetMessage()
	if strings.Contains(msg, "'\t'") {
		msg = "tab character; YAML is indented with spaces, not tabs"
	}
	d.Message = "YAML syntax error: " + msg
	if tk := e.GetToken(); tk != nil && tk.Position != nil {
		d.Pos.Line, d.Pos.Col = tk.Position.Line, tk.Position.Column
	}
	return d
}

func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
