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
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
	"github.com/disclose-dev/disclose/compiler/load/internal/yamlparser"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The limits below protect against hostile input (a file or a folder of
// files built to exhaust memory or time), not against honest large data: a
// list section can be split across files, and 5,000 processors written in
// the sample's style (3.7 MB, 134,000 lines, about 225,000 values) load from
// one file as well as from several. Parsing a file holds about 60 bytes per
// byte of it at once (the tokenizer's tokens and the syntax tree, freed when
// the file is decoded), and the loaded project keeps 10-15 bytes per byte
// of YAML (BenchmarkLoadScale), so the limit per file bounds the memory of
// parsing and the total limit that of the whole data set.

// MaxFileSize is the largest data file read: room for the 5,000 processors
// above in one file (about 250 MB to parse); larger lists are split across
// files.
const MaxFileSize = 4 << 20

// maxTotalSize bounds the bytes of all data files together: eight of the
// largest files, about six times the data set of 5,000 processors, 1,000
// purposes and 1,000 categories (5.7 MB).
const maxTotalSize = 8 * MaxFileSize

// MaxPerFile is the most diagnostics reported for one file; the rest are
// counted in one last diagnostic, so a badly broken file does not bury the
// others.
const MaxPerFile = 100

// maxHops bounds the symbolic links followed to reach one data file.
const maxHops = 8

// maxLines is the most lines a data file may have: the sample's style
// averages 28 bytes a line, so a file of MaxFileSize holds about 150,000;
// the bound keeps files of very short lines (each a few tokens, each token
// about 200 bytes of parser memory) from parsing into far more memory than
// their size suggests.
const maxLines = 200_000

// Load reads every .yaml and .yml file under dir (recursively, skipping
// names that start with a dot and editor backups ending in ~; extensions in
// any case) in fsys, which is rooted at the project root; file names in
// positions are fsys paths such as data/purposes.yaml.
//
// It always returns a project, partial when files are broken, and every
// diagnostic found, sorted, at most MaxPerFile for each file. Problems that
// depend on other files, such as dangling references, are left to package
// check.
//
// exts are the rule packs' extensions of the model (compiler.Extensions
// lists the registered packs'): their keys are read beside the model's own.
//
// To load the same folder again and again as files change, use a Cache.
func Load(fsys fs.FS, dir string, exts ...*model.Extension) (*model.Project, diag.List) {
	proj := &model.Project{}
	proj.Source = model.NewSourceMap(diag.Pos{File: path.Clean(dir)})
	diags, _ := loadInto(fsys, dir, proj, proj.Source, exts, nil)
	return proj, diags
}

// A Cache keeps what loading each data file gave, by the file's name and
// content, so that loading the same data folder again after some files
// changed (the live preview, after a save) parses and decodes only those:
// Cache.Load lists the folder and reads every file again, and uses what
// it kept for each file whose content is unchanged. It gives exactly the
// project and diagnostics Load gives.
//
// The projects one Cache gives share the values decoded from unchanged
// files: callers must not change a project a Cache gave (the stages after
// load do not). The zero Cache is ready to use; it is safe for concurrent
// use, its loads running one at a time. It keeps only the files of its
// last load.
type Cache struct {
	mu    sync.Mutex
	exts  model.Extensions
	files map[string]*fragment
}

// sameExtensions reports whether two lists declare the same fields: the
// same packs' types on the same model types, in order. The rule packs make
// their extensions anew for each pack value (compiler.Extensions), so the
// pointers differ from call to call while the fields are the same.
func sameExtensions(a, b model.Extensions) bool {
	return slices.EqualFunc(a, b, func(x, y *model.Extension) bool {
		return x == y || x != nil && y != nil && x.Pack == y.Pack && x.On == y.On && x.Type == y.Type
	})
}

// Load is Load, using and refreshing what the cache keeps.
func (c *Cache) Load(fsys fs.FS, dir string, exts ...*model.Extension) (*model.Project, diag.List) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !sameExtensions(c.exts, exts) { // what was kept was decoded with other fields
		c.exts, c.files = slices.Clone(exts), nil
	}
	proj := &model.Project{}
	proj.Source = model.NewSourceMap(diag.Pos{File: path.Clean(dir)})
	diags, files := loadInto(fsys, dir, proj, proj.Source, exts, c.files)
	c.files = files
	return proj, diags
}

// Reference reads the legal reference data (adequacy lists, transfer tools)
// under dir of fsys the same way Load reads a project: strictly, with
// positions, reporting every problem.
//
// exts are the sections the files hold: a rule pack's extension of
// model.Reference.
func Reference(fsys fs.FS, dir string, exts ...*model.Extension) (*model.Reference, diag.List) {
	ref := &model.Reference{}
	diags, _ := loadInto(fsys, dir, ref, model.NewSourceMap(diag.Pos{File: path.Clean(dir)}), exts, nil)
	return ref, diags
}

// loadInto decodes the files under dir into root, a pointer to a struct
// whose YAML fields are the top-level sections, recording positions in src.
// It uses the fragments of kept whose files are unchanged, and returns the
// fragments of the files it read, by name.
func loadInto(fsys fs.FS, dir string, root any, src *model.SourceMap, exts model.Extensions, kept map[string]*fragment) (diag.List, map[string]*fragment) {
	addExtensions(reflect.ValueOf(root).Elem(), exts, src.Root)
	_, project := root.(*model.Project)
	l := &loader{
		project: project,
		exts:    exts,
		fsys:    fsys,
		dir:     path.Clean(dir),
		root:    root,
		src:     src,
		defined: map[string]diag.Pos{},
		broken:  map[string]map[string]bool{},
		aliased: map[string]diag.Pos{},
	}
	files := l.list()
	used := l.readAll(files, kept)
	if l.skipped > 0 {
		msg := fmt.Sprintf("the data files hold more than %d MiB in all; this file is not loaded", maxTotalSize>>20)
		if l.skipped > 1 {
			msg = fmt.Sprintf("the data files hold more than %d MiB in all; this file and the %d after it are not loaded", maxTotalSize>>20, l.skipped-1)
		}
		l.diags.Add(diag.Pos{File: l.firstSkipped}, "", "%s", msg)
	}
	if len(files) == 0 && len(l.diags) == 0 {
		l.diags.Add(diag.Pos{File: l.dir}, "", "no data files (*.yaml) found in %s", l.dir)
	}
	if len(files) > 0 {
		l.validate()
	}
	l.diags.Sort()
	return capPerFile(l.diags, MaxPerFile), used
}

type loader struct {
	// project is set when loading a project's data folder, whose
	// translations folder is not data.
	project bool
	exts    model.Extensions
	fsys    fs.FS
	dir     string
	root    any // pointer to the struct being filled: *model.Project, *model.Reference
	src     *model.SourceMap
	diags   diag.List
	defined map[string]diag.Pos // top-level section -> where it is first defined
	// budget counts the values and text decoded from all files, aliases
	// expanded, against the limits for all files together (readAll judges
	// their total size).
	budget budget
	// skipped counts the files not read because the files before them
	// reached maxTotalSize, the first of them firstSkipped. The sections
	// they might define are not reported missing.
	skipped      int
	firstSkipped string
	// broken holds, by file, the paths whose problems are reported already,
	// so validation does not report them again: values that failed to
	// decode, fields a misspelt key was meant to be, and sections of files
	// that failed to parse. Keyed by file, so one broken file never hides
	// the problems of another.
	broken map[string]map[string]bool
	// aliased maps the paths of values written as an alias (*name) to the
	// position of the value in the anchor they copy; the value's own
	// position is the alias's.
	aliased map[string]diag.Pos
}

// brokenIn returns the set of broken paths of file.
func (l *loader) brokenIn(file string) map[string]bool {
	m := l.broken[file]
	if m == nil {
		m = map[string]bool{}
		l.broken[file] = m
	}
	return m
}

// dataFile is a data file to read: its name in diagnostics and, for a
// symbolic link, the file it leads to.
type dataFile struct{ name, real string }

// capPerFile keeps at most max diagnostics of each file of the sorted list
// l, replacing the rest by one diagnostic that counts them, as grave as the
// gravest it hides.
func capPerFile(l diag.List, max int) diag.List {
	seen := map[string]int{}
	more := map[string]*diag.Diagnostic{}
	out := l[:0:0]
	for _, d := range l {
		f := d.Pos.File
		seen[f]++
		if seen[f] <= max {
			out = append(out, d)
			continue
		}
		m := more[f]
		if m == nil {
			m = &diag.Diagnostic{Pos: d.Pos, Severity: d.Severity}
			more[f] = m
			out = append(out, m)
		}
		m.Severity = min(m.Severity, d.Severity)
		m.Message = fmt.Sprintf("%d more problems in this file not shown; fix the ones above and check again", seen[f]-max)
	}
	return out
}

// list returns the data files to read, sorted, reporting unreadable folders
// and links that leave the data folder.
func (l *loader) list() []dataFile {
	var files []dataFile
	err := fs.WalkDir(l.fsys, l.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == l.dir {
				return err
			}
			l.diags.Add(diag.Pos{File: p}, "", "cannot read: %s", plainError(err))
			return nil
		}
		base := d.Name()
		if d.IsDir() && l.project && p == path.Join(l.dir, TranslationsDir) {
			return fs.SkipDir // the translations are not data (Translations)
		}
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
			if real, ok := l.followLink(p); ok {
				files = append(files, dataFile{name: p, real: real})
			}
			return nil
		}
		if d.IsDir() || !isData(base) {
			return nil
		}
		if !d.Type().IsRegular() {
			// Opening a named pipe blocks until something writes to it.
			l.notRegular(p, d.Type())
			return nil
		}
		files = append(files, dataFile{name: p, real: p})
		return nil
	})
	if err != nil {
		l.diags.Add(diag.Pos{File: l.dir}, "", "cannot read the data folder: %s", plainError(err))
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files
}

// isData reports whether name is a data file's: *.yaml or *.yml, in any case.
func isData(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// inside reports whether the clean path p is the data folder or within it.
func (l *loader) inside(p string) bool {
	if p == ".." || strings.HasPrefix(p, "../") {
		return false
	}
	return l.dir == "." || p == l.dir || strings.HasPrefix(p, l.dir+"/")
}

// followLink resolves the symbolic link p hop by hop, following at most
// maxHops links (in the link's own target and in the folders it names), and
// returns the regular file it leads to. Every hop must stay inside the data
// folder; the first that leaves it is reported, and so are loops, dangling
// links and links to folders.
func (l *loader) followLink(p string) (string, bool) {
	fail := func(format string, args ...any) (string, bool) {
		l.diags.Add(diag.Pos{File: p}, "", format, args...)
		return "", false
	}
	if _, ok := l.fsys.(fs.ReadLinkFS); !ok {
		return fail("symbolic links cannot be followed here")
	}
	// resolved is a path free of links; todo holds the names still to walk
	// from it. Each link's target must name a path inside the data folder,
	// and so must the file reached.
	resolved := path.Dir(p)
	todo := []string{path.Base(p)}
	hops := 0
	var link, target string // the last link followed and its target
	for len(todo) > 0 {
		name := todo[0]
		todo = todo[1:]
		if name == "" || name == "." {
			continue
		}
		next := path.Join(resolved, name)
		info, err := fs.Lstat(l.fsys, next)
		if err != nil {
			if hops == 0 {
				return fail("cannot read: %s", plainError(err))
			}
			return fail("symbolic link points to a missing file (%s)", next)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			resolved = next
			continue
		}
		hops++
		if hops > maxHops {
			return fail("symbolic link leads through more than %d links (is there a loop?)", maxHops)
		}
		link = next
		target, err = fs.ReadLink(l.fsys, next)
		if err != nil {
			return fail("cannot read symbolic link %s: %s", next, plainError(err))
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\\`) || (len(target) > 1 && target[1] == ':') ||
			!l.inside(path.Join(path.Dir(next), target)) {
			return fail("%s", l.outside(p, link, target))
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	info, err := fs.Stat(l.fsys, resolved)
	switch {
	case !l.inside(resolved):
		return fail("%s", l.outside(p, link, target))
	case err != nil:
		return fail("symbolic link points to a missing file (%s)", resolved)
	case info.IsDir():
		return fail("symbolic links to folders are not followed")
	case !info.Mode().IsRegular():
		return fail("symbolic link points to a %s (%s), not a regular file; data files must be regular files", regular.Kind(info.Mode()), resolved)
	}
	return resolved, true
}

// outside describes the hop of the link chain starting at p that leaves the
// data folder: the link hop (p itself or a later one), pointing to target.
func (l *loader) outside(p, hop, target string) string {
	if hop == p {
		return fmt.Sprintf("symbolic link points outside %s/ (to %s); data files must live inside %s/", l.dir, target, l.dir)
	}
	return fmt.Sprintf("symbolic link leads outside %s/ (through %s, which points to %s); data files must live inside %s/", l.dir, hop, target, l.dir)
}

// notRegular reports a data file that is a named pipe, socket or device.
func (l *loader) notRegular(name string, m fs.FileMode) {
	l.diags.Add(diag.Pos{File: name}, "", "is a %s, not a regular file; data files must be regular files", regular.Kind(m))
}

// parsed is a data file read and parsed, not yet decoded: what readFile
// and parseSource found, for decodeFragment.
type parsed struct {
	name string
	// src is the file's content (nil when it could not be read), kept in
	// the source map for quoting.
	src []byte
	// problem is why the file cannot be decoded, if it cannot.
	problem *diag.Diagnostic
	// over is set when the files up to this one exceed maxTotalSize: it
	// is not read.
	over bool
	// guess is set when the file could not be parsed: the sections it
	// seems to define are not reported missing.
	guess bool
	// text is the source parsed (src without a byte order mark) and docs
	// its documents with a body.
	text []byte
	docs []*ast.DocumentNode
}

// readFile reads the data file name, whose content is that of the regular
// file real (name itself, or where its symbolic link leads), which had info
// (or err) when the files were listed. It never opens anything but a
// regular file: opening a named pipe would block. It reads only fsys, so
// files are read in parallel. When the files before it and it exceed the
// total size allowed (over), it is not read at all. The result is not
// parsed yet (see parseSource) unless it failed.
func readFile(fsys fs.FS, name, real string, info fs.FileInfo, err error, over bool) *parsed {
	p := &parsed{name: name, over: over}
	if over {
		return p
	}
	fail := func(format string, args ...any) *parsed {
		p.problem = &diag.Diagnostic{Pos: diag.Pos{File: name}, Message: fmt.Sprintf(format, args...)}
		return p
	}
	if err != nil {
		return fail("cannot read: %s", plainError(err))
	}
	if !info.Mode().IsRegular() { // replaced since it was listed: never open it
		return fail("is a %s, not a regular file; data files must be regular files", regular.Kind(info.Mode()))
	}
	if info.Size() > MaxFileSize {
		return fail("file is %d bytes; data files may be at most %d bytes (split it by concern)", info.Size(), MaxFileSize)
	}
	src, err := fs.ReadFile(fsys, real)
	if err != nil {
		return fail("cannot read: %s", plainError(err))
	}
	if len(src) > MaxFileSize { // the file grew while being read
		return fail("file is larger than %d bytes", MaxFileSize)
	}
	p.src = src
	return p
}

// parseSource parses the content src of the data file name.
func parseSource(name string, src []byte) *parsed {
	p := &parsed{name: name, src: src}
	if d := prescan(name, src); d != nil {
		p.problem, p.guess = d, true
		return p
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	f, err := yamlparser.ParseBytes(src, 0, yamlparser.AllowDuplicateMapKey())
	if err != nil {
		p.problem, p.guess = syntaxError(name, src, err), true
		return p
	}
	p.text = src
	for _, doc := range f.Docs {
		if doc.Body != nil {
			if _, isComment := doc.Body.(*ast.CommentGroupNode); !isComment {
				p.docs = append(p.docs, doc)
			}
		}
	}
	return p
}

// readAll reads, parses and decodes the files on two goroutines, each file
// apart from the others (decodeFragment), and applies them to the project
// in path order. A fragment of old whose file has the same content is used
// again instead; the fragments used are returned, by file name, for the
// next load. One file is parsed at a time while the one before is decoded,
// so at most two syntax trees are held (up to 60 bytes per byte of YAML
// each; two files parsed at once hold more while the collector lags, on a
// busy machine 30-50 MB more at 5,000 processors); a fragment holds no
// syntax tree.
func (l *loader) readAll(files []dataFile, old map[string]*fragment) map[string]*fragment {
	workers := min(runtime.GOMAXPROCS(0), 2)
	// The total size is judged here, in path order, from the files'
	// sizes, so which file crosses it does not depend on timing, and no
	// file past it is read.
	type job struct {
		info fs.FileInfo
		err  error
		over bool
	}
	jobs := make([]job, len(files))
	total := int64(0)
	for i, f := range files {
		info, err := fs.Stat(l.fsys, f.real)
		if err == nil {
			total += info.Size()
		}
		jobs[i] = job{info, err, total > maxTotalSize}
	}
	rootType := reflect.TypeOf(l.root).Elem()
	results := make([]chan *fragment, len(files))
	for i := range results {
		results[i] = make(chan *fragment, 1)
	}
	var next atomic.Int64
	var parsing sync.Mutex // one syntax tree built at a time
	for range min(workers, len(files)) {
		go func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				f, j := files[i], jobs[i]
				p := readFile(l.fsys, f.name, f.real, j.info, j.err, j.over)
				if p.src != nil {
					if fr := old[f.name]; fr != nil && bytes.Equal(fr.src, p.src) {
						results[i] <- fr
						continue
					}
					parsing.Lock()
					p = parseSource(p.name, p.src)
					parsing.Unlock()
				}
				results[i] <- decodeFragment(p, rootType, l.exts)
			}
		}()
	}
	used := map[string]*fragment{}
	for _, r := range results {
		fr := <-r
		l.apply(fr)
		if fr.cacheable {
			used[fr.name] = fr
		}
	}
	return used
}

// guessSections returns the sections a file that cannot be parsed seems
// to define (lines starting "name:"), so they are not also reported missing.
func guessSections(src []byte) []string {
	var names []string
	for _, line := range strings.Split(string(src), "\n") {
		if name, _, ok := strings.Cut(line, ":"); ok && name != "" && !strings.ContainsAny(name, " \t#-'\"") {
			names = append(names, name)
		}
	}
	return names
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
// that are not UTF-8, NUL bytes, lone carriage returns (line breaks to YAML,
// not to editors and positions), and nesting so deep it would make parsing
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
		if r == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			// YAML reads a lone CR as a line break; positions would disagree.
			return &diag.Diagnostic{Pos: at, Message: "line ends with a carriage return (CR) alone; save the file with LF or CR LF line endings"}
		}
		switch {
		case r == '\n':
			line, col = line+1, 0
			if line > maxLines && i+1 < len(src) { // a final newline starts no line
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

// syntaxError turns a YAML parser error into a diagnostic, in plain English
// where the parser's words are cryptic.
func syntaxError(name string, src []byte, err error) *diag.Diagnostic {
	d := &diag.Diagnostic{Pos: diag.Pos{File: name}, Message: "YAML syntax error: " + plainError(err)}
	var e interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if !errors.As(err, &e) {
		return d
	}
	if tk := e.GetToken(); tk != nil && tk.Position != nil {
		d.Pos.Line, d.Pos.Col = tk.Position.Line, tk.Position.Column
	}
	d.Message = "YAML syntax error: " + plainSyntax(e.GetMessage(), src, &d.Pos)
	d.Pos = (&lineIndex{src: src}).clamp(d.Pos)
	return d
}

// syntaxMessages translate the parser's messages, matched by prefix.
var syntaxMessages = []struct{ prefix, plain string }{
	{"could not find end character of double-quoted text", `unclosed double quote: the text starting here has no closing "`},
	{"could not find end character of single-quoted text", `unclosed single quote: the text starting here has no closing '`},
	{"sequence end token ']' not found", `unclosed "[": the list starting here has no closing "]"`},
	{"could not find flow mapping end token '}'", `unclosed "{": the mapping starting here has no closing "}"`},
	{"',' or ']' must be specified", `expected "," or "]" here: is the "]" of the list above missing?`},
	{"',' or '}' must be specified", `expected "," or "}" here: is the "}" of the mapping above missing?`},
	{"could not find '[' character corresponding to ']'", `"]" without an opening "["`},
	{"could not find '{' character corresponding to '}'", `"}" without an opening "{"`},
	{"value is not allowed in this context", "unexpected value here: check the indentation (the keys of one mapping must line up) and the brackets"},
	{"unexpected key name", `expected "key: value", found text without a ":"`},
	{"expected map key-value delimiter ':'", `expected ":" after the key`},
	{"could not find expected ':'", `expected ":" after the key`},
	{"non-map value is specified", `expected "key: value", found a list item: check the indentation`},
	{"block sequence entries are not allowed in this context", `a list item ("- ") cannot start here: write the list on its own lines, indented under its key`},
	{"map key definition includes an implicit line break", "a key must fit on one line"},
	{"found a tab character", "tab character; YAML is indented with spaces, not tabs"},
	{"not enough length for escaped UTF-16 surrogate pair", surrogatePair},
	{"found unexpected character after high surrogate", surrogatePair},
	{"found unexpected low surrogate after high surrogate", surrogatePair},
	{"not enough length for escaped UTF-16 character", `a \u escape needs four hexadecimal digits`},
	{"not enough length for escaped UTF-32 character", `a \U escape needs eight hexadecimal digits`},
}

// surrogatePair explains the parser's errors for a \uD800-\uDBFF escape.
const surrogatePair = `a \uD800-\uDBFF escape is the first half of a UTF-16 surrogate pair and must be followed by the second half, \uDC00-\uDFFF; better, write the character itself, or \U and its eight-digit code point`

// plainSyntax returns the parser's message msg in plain English, moving pos
// to the real problem where the parser blames the value before it.
func plainSyntax(msg string, src []byte, pos *diag.Pos) string {
	switch {
	case strings.Contains(msg, "'\t'"):
		return "tab character; YAML is indented with spaces, not tabs"
	case strings.HasPrefix(msg, "mapping value is not allowed in this context"):
		// The parser blames the value before the stray ":".
		line, col, ok := nextColon(src, pos.Line, pos.Col)
		switch {
		case !ok:
		case line == pos.Line:
			pos.Col = col
			return `unexpected ":" in a value: put text that contains ": " in quotes`
		default:
			pos.Line, pos.Col = line, indentOf(src, line)+1
			return `unexpected "key: value" here: it is indented under a value that cannot hold keys (check the indentation)`
		}
		return `unexpected ":": check the indentation, or put text that contains ": " in quotes`
	case strings.HasSuffix(msg, "is a reserved character"):
		return msg + " that cannot start a value: put the value in quotes"
	case strings.HasPrefix(msg, "found unknown escape character"):
		return msg + ` in double-quoted text: write \\ for a backslash, or use single quotes`
	}
	for _, m := range syntaxMessages {
		if strings.HasPrefix(msg, m.prefix) {
			return m.plain
		}
	}
	return msg
}

// lines returns src's lines.
func lines(src []byte) []string { return strings.Split(string(src), "\n") }

// nextColon finds the first ":" that ends a key (followed by a space or the
// end of the line) after line:col (1-based, col in characters), skipping the
// rest of a token and comments. It returns its line and column.
func nextColon(src []byte, line, col int) (int, int, bool) {
	ls := lines(src)
	for i := line - 1; i >= 0 && i < len(ls) && i < line+20; i++ {
		rs := []rune(strings.TrimRight(ls[i], "\r"))
		from := 0
		if i == line-1 {
			from = col // skip the blamed token's first character
		}
		for j := from; j < len(rs); j++ {
			if rs[j] == '#' && (j == 0 || rs[j-1] == ' ') {
				break
			}
			if rs[j] == ':' && (j+1 == len(rs) || rs[j+1] == ' ') {
				return i + 1, j + 1, true
			}
		}
	}
	return 0, 0, false
}

// indentOf returns the number of leading spaces of line (1-based).
func indentOf(src []byte, line int) int {
	ls := lines(src)
	if line < 1 || line > len(ls) {
		return 0
	}
	return len(ls[line-1]) - len(strings.TrimLeft(ls[line-1], " "))
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
