package compiler_test

import (
	"encoding/json"
	"fmt"
	"github.com/disclose-dev/disclose/internal/sampletest"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// A yes/no fact of the data, where it is written.
type fact struct {
	file   string // data file, slash-separated, in the project's fs
	path   string // data path, as traces write it: purposes[3].sells
	offset int    // byte offset of the value in the file
	value  string // yes, no, true or false
}

// facts lists every yes/no (and true/false) value in a project's data files.
func facts(t *testing.T, fsys fs.FS, dir string) []fact {
	t.Helper()
	var out []fact
	matches, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range matches {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseBytes(src, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		lines := lineOffsets(src)
		for _, d := range f.Docs {
			ast.Walk(visitor(func(n ast.Node) {
				mv, ok := n.(*ast.MappingValueNode)
				if !ok {
					return
				}
				tok := mv.Value.GetToken()
				if tok == nil {
					return
				}
				switch tok.Value {
				case "yes", "no", "true", "false":
				default:
					return
				}
				p := strings.TrimPrefix(mv.Value.GetPath(), "$.")
				off := lines[tok.Position.Line-1] + tok.Position.Column - 1
				if string(src[off:off+len(tok.Value)]) != tok.Value {
					t.Fatalf("%s:%d:%d: position of %q is off", name, tok.Position.Line, tok.Position.Column, tok.Value)
				}
				out = append(out, fact{file: name, path: p, offset: off, value: tok.Value})
			}), d)
		}
	}
	return out
}

type visitor func(ast.Node)

func (v visitor) Visit(n ast.Node) ast.Visitor { v(n); return v }

func lineOffsets(src []byte) []int {
	offs := []int{0}
	for i, c := range src {
		if c == '\n' {
			offs = append(offs, i+1)
		}
	}
	return offs
}

var flipped = map[string]string{"yes": "no", "no": "yes", "true": "false", "false": "true"}

// english is the sample with every notice in English only, for tests that
// edit the sample's English (see sampletest).
var english = sampletest.English()

// overlay copies a project's files into memory, with one file's bytes
// replaced.
func overlay(t *testing.T, fsys fs.FS, file string, src []byte) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m[file] = &fstest.MapFile{Data: src}
	return m
}

// sectionTexts returns each section's own content (not its subsections')
// and trace, by notice and section id; and each key point of a summary as
// a section of its own ("key-points:Label"), with the point's own trace,
// so a point says which facts it comes from, not only its section.
func sectionTexts(docs []*notice.Document) map[string]map[string]*notice.Section {
	out := map[string]map[string]*notice.Section{}
	for _, d := range docs {
		m := map[string]*notice.Section{}
		d.Walk(func(s *notice.Section, _ int) {
			m[s.ID] = s
			for _, b := range s.Blocks {
				if kp, ok := b.(*notice.KeyPoints); ok {
					for _, p := range kp.Points {
						m[s.ID+":"+p.Label] = &notice.Section{ID: s.ID + ":" + p.Label, Blocks: []notice.Block{&notice.Paragraph{Text: p.Text}}, Trace: p.Trace}
					}
				}
			}
		})
		out[d.ID] = m
	}
	return out
}

func blocksOf(t *testing.T, s *notice.Section) string {
	if s == nil {
		return ""
	}
	b, err := json.Marshal(s.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// covers reports whether a trace path names the fact at p, itself or an
// item or section that holds it.
func covers(trace, p string) bool {
	return trace == p || strings.HasPrefix(p, trace+".") || strings.HasPrefix(p, trace+"[")
}

func traced(s *notice.Section, p string) bool {
	if s == nil {
		return false
	}
	for _, t := range s.Trace.Paths {
		if covers(t, p) {
			return true
		}
	}
	return false
}

// Every yes/no fact of the sample and of every example is flipped, one at
// a time, and the data compiled again as of its date. Each flip either is
// refused (check reports the new data as wrong, which is itself the data
// speaking) or compiles, and then every section whose text changed must
// name the fact in its trace: a sentence that depends on a fact says so,
// and `disclose explain` shows it. Every compiled variant must also trace
// every section (TestEverySectionHasATrace for varied data), and a fact
// that changes nothing anywhere is listed, so dead facts are seen.
func TestFlippingAFactChangesOnlyWhatTracesIt(t *testing.T) {
	sets := []struct {
		name string
		fsys fs.FS
		day  model.Date
	}{{"sample", disclose.Sample, "2026-11-23"}}
	for dir, day := range map[string]model.Date{"desk-2012": "2012-11-05", "deskpro-2018": "2018-05-25", "onedesk-2020": "2020-12-12"} {
		sets = append(sets, struct {
			name string
			fsys fs.FS
			day  model.Date
		}{dir, os.DirFS(filepath.Join("..", "examples", dir)), day})
	}
	sort.Slice(sets, func(i, k int) bool { return sets[i].name < sets[k].name })
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			t.Parallel()
			opts := &compiler.Options{Date: set.day}
			_, base, baseDiags := compiler.Compile(set.fsys, "data", opts)
			if baseDiags.HasErrors() {
				t.Fatal(baseDiags)
			}
			// What decides whether a notice applies decides every section
			// of it: a pack's AppliesFrom facts trace its whole notice.
			scope := map[string][]string{}
			for _, j := range compiler.DefaultJurisdictions() {
				if a, ok := j.(jurisdiction.Applicability); ok {
					scope[j.ID()] = a.AppliesFrom()
				}
			}
			inScope := func(id, p string) bool {
				return slices.ContainsFunc(scope[id], func(t string) bool { return covers(t, p) })
			}
			for _, d := range base {
				for _, bad := range punctuation(string(render.Markdown(d, nil))) {
					t.Errorf("%s: %s", d.ID, bad)
				}
			}
			before := sectionTexts(base)
			fs := facts(t, set.fsys, "data")
			if len(fs) < 10 {
				t.Fatalf("only %d yes/no facts found", len(fs))
			}
			var compiled, refused int
			var dead []string
			for _, f := range fs {
				src, err := readAll(set.fsys, f.file)
				if err != nil {
					t.Fatal(err)
				}
				to := flipped[f.value]
				mod := append(append(append([]byte{}, src[:f.offset]...), to...), src[f.offset+len(f.value):]...)
				_, docs, diags := compiler.Compile(overlay(t, set.fsys, f.file, mod), "data", opts)
				if diags.HasErrors() {
					refused++
					continue
				}
				compiled++
				for _, d := range docs {
					for _, bad := range punctuation(string(render.Markdown(d, nil))) {
						t.Errorf("%s %s → %s: %s: %s", f.path, f.value, to, d.ID, bad)
					}
				}
				after := sectionTexts(docs)
				changed := len(after) != len(before)
				for id, secs := range after {
					old, ok := before[id]
					if !ok {
						continue // the notice is published only now: its pack's Applies says why
					}
					for sid, s := range secs {
						if len(s.Trace.Paths) == 0 && len(s.Trace.Rules) == 0 {
							t.Errorf("%s: %s → %s: %s#%s has no trace", f.path, f.value, to, id, sid)
						}
						if blocksOf(t, s) == blocksOf(t, old[sid]) {
							continue
						}
						changed = true
						if !traced(s, f.path) && !traced(old[sid], f.path) && !inScope(id, f.path) {
							t.Errorf("%s (%s) %s → %s changes %s#%s, whose trace does not name it (trace: %s)",
								f.path, f.file, f.value, to, id, sid, strings.Join(s.Trace.Paths, ", "))
						}
					}
					for sid, s := range old {
						if _, ok := secs[sid]; !ok {
							changed = true
							if !traced(s, f.path) && !inScope(id, f.path) {
								t.Errorf("%s (%s) %s → %s removes %s#%s, whose trace does not name it", f.path, f.file, f.value, to, id, sid)
							}
						}
					}
				}
				if !changed && diagText(diags) == diagText(baseDiags) {
					dead = append(dead, f.path)
				}
			}
			t.Logf("%d facts: %d flips compiled, %d refused by check; changing neither text nor diagnostics: %s",
				len(fs), compiled, refused, strings.Join(dead, ", "))
			if compiled == 0 {
				t.Fatal("no flip compiled")
			}
			if set.name != "sample" {
				return // an example's facts may be dead on its date (no European notice before 2018)
			}
			used := map[string]bool{}
			for _, p := range dead {
				key := itemIndex.ReplaceAllString(p, "[]")
				if _, ok := idleFacts[key]; !ok {
					t.Errorf("flipping %s changes neither a notice nor a diagnostic: a fact nothing reads", p)
				}
				used[key] = true
			}
			for key := range idleFacts {
				if !used[key] {
					t.Errorf("idleFacts lists %s, which is no longer idle: remove it", key)
				}
			}
		})
	}
}

func readAll(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

// diagText is a diagnostics list without positions, which a flip moves.
func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintf(&b, "%s %s %s\n", d.Rule, d.Path, d.Message)
	}
	return b.String()
}

// badPunctuation finds the joins of generated and team text that no editor
// would let through: a doubled full stop, a sentence that goes on after a
// comma with a capital ("reasons, We keep"), a space before a comma or a
// full stop, a doubled word space inside a sentence, an empty pair of
// brackets, and bold text ending in a space (which Markdown does not
// render as bold).
var badPunctuation = regexp.MustCompile(`[^.]\.\.($|[^.])|, (We|You|Our|If|This|These|The|It|They) [a-z]|[a-z] [,.;:] |[a-z,]  [a-z]|\(\)`)

// punctuation returns the lines of a rendered notice with bad punctuation,
// ignoring tables' separator rows.
func punctuation(md string) []string {
	var out []string
	for _, line := range strings.Split(md, "\n") {
		if m := badPunctuation.FindString(line); m != "" {
			out = append(out, fmt.Sprintf("%q in %q", m, clip(line, m)))
		}
		parts := strings.Split(line, "**")
		for i := 1; i < len(parts)-1; i += 2 {
			if b := parts[i]; b != strings.TrimSpace(b) {
				out = append(out, fmt.Sprintf("bold text with a space inside its markers %q in %q", "**"+b+"**", clip(line, b)))
			}
		}
	}
	return out
}

// clip returns about 80 characters of line around m.
func clip(line, m string) string {
	i := strings.Index(line, m)
	from, to := max(0, i-40), min(len(line), i+len(m)+40)
	return line[from:to]
}

// idleFacts are the sample's yes/no facts, by path with item indexes left
// out, that may change nothing when flipped alone, and why. An entry that
// is no longer idle fails, so the list stays true.
var idleFacts = map[string]string{
	"us_states.uses_assumed_names":                    "read only where Oregon's law applies, which it does not to the sample (38,000 consumers there)",
	"organization.targets_uk":                         "one of the facts that bring the UK GDPR into scope; established_in_uk holds",
	"organization.dpo.eu.mandatory":                   "says only whether an appointed DPO had to be appointed",
	"organization.dpo.uk.mandatory":                   "says only whether an appointed DPO had to be appointed",
	"california.exclusively_online":                   "relaxes the California request methods (§1798.130(a)(1)(A)), which the sample meets either way",
	"california.shine_the_light.employees_20_or_more": "Shine the Light applies from 20 employees, and the sample discloses nothing for direct marketing",
	"sources[].publicly_accessible":                   "told only of sources other than the person (Art. 14(2)(f)); the sample's own-data sources say no",
	"processors[].dpf_certified":                      "read by transfers on the Data Privacy Framework (XFER-3); the processors that say yes are covered by other tools",
}

var itemIndex = regexp.MustCompile(`\[\d+\]`)
