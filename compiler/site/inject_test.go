package site_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/disclose-dev/disclose/internal/sampletest"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/site"
)

// hugo returns the Hugo pinned in tools/hugo/go.mod, run with go tool, and
// the folder to run it in.
func hugo(t *testing.T) ([]string, string) {
	t.Helper()
	mod, err := filepath.Abs("../../tools/hugo/go.mod")
	if err != nil {
		t.Fatal(err)
	}
	return []string{"go", "tool", "-modfile=" + mod, "hugo"}, filepath.Dir(mod)
}

// field is a string value of the loaded model: its data path and the YAML
// path that reaches it.
type field struct {
	path string // purposes[3].name
	yaml string // $.purposes[3].name
	// add is set for a field the data leaves out: it is planted as key
	// (a list of one when list is set) in the mapping at yaml.
	add  bool
	key  string
	list bool
	file string // the data file holding it, once found
}

// stringFields walks the model by reflection and returns every string
// field (strings, named string types such as model.Date and model.Markdown,
// and the items of string lists), by data path: those the data sets, and
// those it leaves out of a mapping it has.
func stringFields(p *model.Project) []field {
	var out []field
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Struct:
			// The item's own fields, then the rule packs' (model.Ext), whose
			// keys sit beside its own.
			_, exts := model.ExtValues(v)
			for _, sv := range append([]reflect.Value{v}, exts...) {
				t := sv.Type()
				for i := range t.NumField() {
					f := t.Field(i)
					name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
					if !f.IsExported() || name == "" || name == "-" {
						continue
					}
					fv := sv.Field(i)
					switch {
					case fv.Kind() == reflect.String && fv.String() == "":
						out = append(out, field{path: join(path, name), yaml: "$." + path, add: true, key: name})
					case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String && fv.Len() == 0:
						out = append(out, field{path: join(path, name) + "[0]", yaml: "$." + path, add: true, key: name, list: true})
					default:
						walk(fv, join(path, name))
					}
				}
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
			for _, k := range keys {
				walk(v.MapIndex(k), join(path, k.String()))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.String:
			if v.String() != "" {
				out = append(out, field{path: path, yaml: "$." + path})
			}
		}
	}
	walk(reflect.ValueOf(p), "")
	return out
}

// typeFields returns the path of every string field of the model's types,
// lists written as [].
func typeFields(t reflect.Type, path string, seen map[reflect.Type]bool, out *[]string) {
	switch t.Kind() {
	case reflect.Pointer:
		typeFields(t.Elem(), path, seen, out)
	case reflect.Slice:
		typeFields(t.Elem(), path+"[]", seen, out)
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for _, k := range compiler.Extensions().Keys(t) {
			typeFields(k.Field.Type, join(path, k.Name), seen, out)
		}
	case reflect.Map:
		typeFields(t.Elem(), path+".*", seen, out)
	case reflect.String:
		*out = append(*out, path)
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// payloads are planted in turn: a field whose check rejects one gets the
// next: markup, then shortcodes alone (for Markdown fields, where check
// rejects raw HTML), then a javascript: URL (for URL fields). Each holds a
// marker naming the field, zq<i>q, followed by what it shows and qz.
var payloads = []func(i int) string{
	func(i int) string {
		return fmt.Sprintf(`zq%dq {{< param title >}} {{%% param title %%}} <script>alert(%d)</script> <img src=x onerror=alert(%d)> [x](javascript:alert(%d)) &amp; ~~s~~ qz`, i, i, i, i)
	},
	func(i int) string { return fmt.Sprintf(`zq%dq {{< param title >}} {{%% param title %%}} qz`, i) },
	// A URL that runs, for fields that take a URL.
	func(i int) string { return fmt.Sprintf(`javascript:alert(%d)//zq%dqqz`, i, i) },
}

// plant returns the sample's files with payload level[i] planted in each
// field i that has a level below len(payloads).
func plant(t *testing.T, files map[string][]byte, fields []field, level map[int]int) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for name, b := range files {
		f, err := parser.ParseBytes(b, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		changed := false
		for i := range fields {
			fd := &fields[i]
			if level[i] >= len(payloads) || fd.file != "" && fd.file != name {
				continue
			}
			p, err := yaml.PathString(fd.yaml)
			if err != nil {
				t.Fatalf("%s: %v", fd.yaml, err)
			}
			if _, err := p.FilterFile(f); err != nil {
				continue // in another file
			}
			fd.file = name
			v, _ := json.Marshal(payloads[level[i]](i)) // a JSON string is a YAML double-quoted scalar
			switch {
			case fd.add && fd.list:
				err = p.MergeFromReader(f, strings.NewReader(fd.key+": ["+string(v)+"]"))
			case fd.add:
				err = p.MergeFromReader(f, strings.NewReader(fd.key+": "+string(v)))
			default:
				err = p.ReplaceWithReader(f, strings.NewReader(string(v)))
			}
			if err != nil {
				t.Fatalf("%s: %v", fd.path, err)
			}
			changed = true
		}
		data := b
		if changed {
			data = []byte(f.String())
		}
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}

// sampleFiles returns the sample's data files, by path (data/...), in
// English only: the test edits every English value, and the translations
// of each would go stale (sampletest).
func sampleFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for p, f := range sampletest.English() {
		files[p] = f.Data
	}
	return files
}

// under reports whether a diagnostic's path blames the field at path: the
// value itself or something inside it.
func under(diagPath, path string) bool {
	return diagPath == path || strings.HasPrefix(diagPath, path+".") || strings.HasPrefix(diagPath, path+"[")
}

// memStore serves released versions from memory.
type memStore map[*release.Version][2][]byte

func (s memStore) Notice(v *release.Version) (*notice.Document, error) {
	var d notice.Document
	return &d, json.Unmarshal(s[v][0], &d)
}

func (s memStore) Data(v *release.Version) ([]byte, error) { return s[v][1], nil }

// TestDataReachesThePageAsText plants a payload (shortcodes, a script, an
// onerror handler, a javascript: link, an entity, strikethrough) in every
// string field of the sample at once, lets check reject what it rejects
// (each rejection must be at the field's path; a rejected field gets the
// next, smaller payload), then builds the site with real Hugo, the planted
// data released as a version in force, an upcoming version and a draft, and
// checks every page, feed, the sitemap and notices.json: each planted value
// that is shown appears as text, and nothing executable and no expanded
// shortcode appears anywhere.
func TestDataReachesThePageAsText(t *testing.T) {
	day := model.Date("2026-11-23")
	opts := &compiler.Options{Date: day}
	files := sampleFiles(t)
	orig, _, diags := compiler.Compile(plant(t, files, nil, nil), "data", opts)
	if diags.HasErrors() {
		t.Fatalf("the sample does not compile:\n%v", diags)
	}
	fields := stringFields(orig)
	if len(fields) < 100 {
		t.Fatalf("only %d string fields found", len(fields))
	}

	// Plant, let check reject, and plant the next payload where it did,
	// until check accepts everything planted.
	level := map[int]int{}
	var proj *model.Project
	var docs []*notice.Document
	for round := 0; ; round++ {
		if round > 5*len(payloads) {
			t.Fatal("check keeps rejecting")
		}
		proj, docs, diags = compiler.Compile(plant(t, files, fields, level), "data", opts)
		if !diags.HasErrors() {
			break
		}
		// Each field blamed moves to its next payload (once a round: a
		// value can have several problems).
		bump := map[int]bool{}
		others := 0
		for _, d := range diags {
			if d.Severity.String() != "error" {
				continue
			}
			hit := false
			for i, f := range fields {
				// A field the data had left out may also be blamed on the
				// value holding it (a field required with another).
				if level[i] < len(payloads) && (under(d.Path, f.path) || f.add && d.Path != "" && under(f.path, d.Path)) {
					bump[i], hit = true, true
				}
			}
			if !hit {
				others++ // about a value planted before, or a reference to one
			}
		}
		if len(bump) == 0 {
			t.Fatalf("check rejects the planted data, but not at the planted fields' paths:\n%v", diags)
		}
		for i := range bump {
			level[i]++
		}
		t.Logf("round %d: %d fields rejected, %d other errors", round, len(bump), others)
	}
	var shown []int // planted fields
	rejected := 0
	for i := range fields {
		if level[i] < len(payloads) {
			shown = append(shown, i)
		} else {
			rejected++
		}
	}
	var typed []string
	typeFields(reflect.TypeOf(orig), "", map[reflect.Type]bool{}, &typed)
	covered := map[string]bool{}
	for _, f := range fields {
		covered[regexp.MustCompile(`\[\d+\]`).ReplaceAllString(f.path, "[]")] = true
	}
	var absent []string
	for _, p := range typed {
		if !covered[p] {
			absent = append(absent, p)
		}
	}
	t.Logf("%d of the model's %d string fields cannot be planted (the sample has no value holding them): %s", len(absent), len(typed), strings.Join(absent, ", "))
	t.Logf("%d string fields: %d planted, %d rejected by check at their path", len(fields), len(shown), rejected)

	// The planted data as the version in force (2026-01-01), after a
	// version without its last two processors (2025-01-01), so the
	// changelog and the feeds have planted changes to tell; then an
	// upcoming version (2026-12-15) and the drafts.
	before := *proj
	before.Processors = proj.Processors[:len(proj.Processors)-2]
	beforeDocs, more := compiler.CompileProject(&before, opts)
	if more.HasErrors() {
		t.Fatal(more)
	}
	beforeData, err := release.Snapshot(&before)
	if err != nil {
		t.Fatal(err)
	}
	data, err := release.Snapshot(proj)
	if err != nil {
		t.Fatal(err)
	}
	store := memStore{}
	l := &release.Ledger{}
	for _, set := range []struct {
		docs       []*notice.Document
		data       []byte
		id, effect string
	}{{beforeDocs, beforeData, "2025-01-01", "2025-01-01"}, {docs, data, "2026-01-01", "2026-01-01"}, {docs, data, "2026-12-15", "2026-12-15"}} {
		for _, d := range set.docs {
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			v := &release.Version{Notice: d.ID, ID: set.id, Effective: model.Date(set.effect), Released: model.Date(set.effect),
				Summary: payloads[1](-1)}
			l.Versions = append(l.Versions, v)
			store[v] = [2][]byte{b, set.data}
		}
	}
	notices, err := site.Notices(docs, l, store, "2026-11-23", true, compiler.Changes, "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	hugoCmd, hugoDir := hugo(t)
	err = site.Build(context.Background(), &site.Input{Project: proj, Notices: notices, LedgerHead: "abc123", DataTables: compiler.DataTables}, site.Options{
		Out: out, ProjectDir: dir, Theme: disclose.Theme, Hugo: hugoCmd, HugoDir: hugoDir, NoPDF: true,
		BaseURL: "https://acme.example/",
	})
	if err != nil {
		// Name the fields whose planted values check accepted but the build
		// could not publish: check must reject them at their path.
		msg := err.Error()
		var se *site.Error
		if errors.As(err, &se) {
			for _, d := range se.Diags {
				msg += "\n" + d.Error()
			}
			msg += "\n" + se.Output
		}
		var blame []string
		for _, m := range regexp.MustCompile(`zq(\d+)q`).FindAllStringSubmatch(msg, -1) {
			var i int
			fmt.Sscan(m[1], &i)
			if i < len(fields) && !slices.Contains(blame, fields[i].path) {
				blame = append(blame, fields[i].path)
			}
		}
		t.Fatalf("check accepts values the build cannot publish (%s): %v", strings.Join(blame, ", "), msg)
	}

	// Read every file of the site as text: HTML and XML as the browser or
	// feed reader shows them, notices.json decoded.
	var all strings.Builder
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		s := string(b)
		if m := runnable(s); m != "" && path.Ext(p) != ".json" && path.Ext(p) != ".csv" {
			t.Errorf("%s: %q appears as markup", rel, m)
		}
		// An expanded {{< param title >}} leaves the site's title between a
		// marker and the end of its payload; a consumed shortcode leaves
		// neither.
		switch path.Ext(p) {
		case ".html", ".xml":
			all.WriteString(html.UnescapeString(s))
		case ".json":
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s: %v", rel, err)
			}
			strs(v, &all)
		case ".csv":
			// Data, not markup; but no cell may start a spreadsheet
			// formula.
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Errorf("%s: %v", rel, err)
			}
			for _, r := range rows {
				for _, c := range r {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("%s: cell %q would start a spreadsheet formula", rel, c)
					}
					all.WriteString(c + "\n")
				}
			}
		}
		all.WriteString("\n\x00" + rel + "\x00\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	text := all.String()
	for _, sc := range []string{"{{< param title >}}", "{{% param title %}}"} {
		if !strings.Contains(text, sc) {
			t.Errorf("no %s shown as text", sc)
		}
	}
	// Every planted value that the site shows appears whole, as text.
	markerRE := regexp.MustCompile(`(?i)zq(-?\d+)q(.*?)qz`)
	seen := map[string]bool{}
	for _, m := range markerRE.FindAllStringSubmatch(text, -1) {
		seen[m[1]] = true
		var i int
		fmt.Sscan(m[1], &i)
		want := ""
		if i >= 0 {
			want = payloads[level[i]](i)
		} else {
			want = payloads[1](i)
		}
		_, want, _ = strings.Cut(want, "zq"+m[1]+"q")
		want = strings.TrimSuffix(want, "qz")
		if got := unescapeMarkdown(m[2]); !strings.EqualFold(got, want) {
			t.Errorf("field %s shows %q, want %q (%s)", label(fields, i), m[2], want, fileOf(text, m[0]))
		}
	}
	notShown := 0
	for _, i := range shown {
		if !seen[fmt.Sprint(i)] {
			notShown++
		}
	}
	t.Logf("%d planted fields shown on the site, %d not shown anywhere", len(shown)-notShown, notShown)
	if !seen["-1"] {
		t.Error("the version summaries are not shown")
	}
}

// unescapeMarkdown undoes Markdown backslash escapes, for the Markdown in
// notices.json.
func unescapeMarkdown(s string) string {
	return regexp.MustCompile(`\\([!-/:-@\[-`+"`"+`{-~])`).ReplaceAllString(s, "$1")
}

func label(fields []field, i int) string {
	if i < 0 || i >= len(fields) {
		return "summary"
	}
	return fields[i].path
}

// runnable returns the first markup in an HTML or XML file that could run:
// a script, image, frame, object, embed, SVG or MathML element, an event
// handler attribute, or a javascript:, vbscript: or data: link, in a real
// tag (escaped text has &lt; for <). Attribute values are read with their
// quotes, so a value that merely contains "onerror=" is no handler.
func runnable(s string) string {
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) || !letter(s[i+1]) {
			continue
		}
		j := i + 1
		for j < len(s) && !space(s[j]) && s[j] != '>' && s[j] != '/' {
			j++
		}
		switch name := strings.ToLower(s[i+1 : j]); name {
		case "script", "img", "iframe", "frame", "object", "embed", "svg", "math", "base", "form":
			return "<" + name
		}
		for j < len(s) && s[j] != '>' {
			if space(s[j]) || s[j] == '/' {
				j++
				continue
			}
			k := j
			for k < len(s) && !space(s[k]) && s[k] != '=' && s[k] != '>' && s[k] != '/' {
				k++
			}
			attr := strings.ToLower(s[j:k])
			val := ""
			j = k
			for j < len(s) && space(s[j]) {
				j++
			}
			if j < len(s) && s[j] == '=' {
				j++
				for j < len(s) && space(s[j]) {
					j++
				}
				if j < len(s) && (s[j] == '"' || s[j] == '\'') {
					q := s[j]
					k = strings.IndexByte(s[j+1:], q)
					if k < 0 {
						return "an unclosed attribute"
					}
					val, j = s[j+1:j+1+k], j+2+k
				} else {
					k = j
					for k < len(s) && !space(s[k]) && s[k] != '>' {
						k++
					}
					val, j = s[j:k], k
				}
			}
			if strings.HasPrefix(attr, "on") {
				return attr + "="
			}
			v := strings.ToLower(strings.Join(strings.Fields(html.UnescapeString(val)), ""))
			if attr == "href" || attr == "src" || attr == "action" || attr == "formaction" || attr == "xlink:href" {
				for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
					if strings.HasPrefix(v, scheme) {
						return attr + "=" + scheme
					}
				}
			}
		}
		i = j
	}
	return ""
}

// fileOf names the file of the site text holding s.
func fileOf(text, s string) string {
	rest := text[strings.Index(text, s):]
	_, name, _ := strings.Cut(rest, "\x00")
	name, _, _ = strings.Cut(name, "\x00")
	return name
}

// strs writes every string in a decoded JSON value, one a line.
func strs(v any, b *strings.Builder) {
	switch v := v.(type) {
	case string:
		b.WriteString(v + "\n")
	case []any:
		for _, x := range v {
			strs(x, b)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			strs(v[k], b)
		}
	}
}
