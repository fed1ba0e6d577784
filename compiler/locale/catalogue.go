package locale

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// Message is one entry of a catalogue file: a sentence (or phrase) a pack
// writes, by its id, in one language. A message that depends on a count
// has the forms CLDR's plural rules give the language (One, Other, ...);
// any other has Other only.
type Message struct {
	Pos diag.Pos
	// ID names the message in the pack's code ("about.we").
	ID string
	// Description tells a translator what the message is for.
	Description string
	// Hash, in a translation, is the Hash of the English message it was made
	// from (Message.Source); empty in the English file.
	Hash string
	// The plural forms (CLDR: zero, one, two, few, many, other).
	Zero, One, Two, Few, Many, Other string
}

// Source is the text a translation of the message is made from: its forms
// in CLDR's order, each named, so any change to any form changes it.
func (m *Message) Source() string {
	var b strings.Builder
	for _, f := range m.forms() {
		if f.text != "" {
			fmt.Fprintf(&b, "%s\x00%s\x00", f.name, f.text)
		}
	}
	return b.String()
}

// form is one plural form of a message, by its CLDR name.
type form struct{ name, text string }

func (m *Message) forms() []form {
	return []form{
		{"zero", m.Zero}, {"one", m.One}, {"two", m.Two},
		{"few", m.Few}, {"many", m.Many}, {"other", m.Other},
	}
}

// plural reports whether the message has forms besides other.
func (m *Message) plural() bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}

// File is one catalogue file: one pack's messages in one language.
type File struct {
	// Path is the file's path as diagnostics name it.
	Path     string
	Language string
	Pos      diag.Pos
	Messages []*Message
}

// Catalogue is one pack's messages in English and in each language it has
// a translation for: its own and the shared wording's (a pack's catalogue
// is made from both folders' files). It is safe for concurrent use.
type Catalogue struct {
	pack   string
	all    []*File // the files it was made from
	bundle *i18n.Bundle
	source map[string]*Message
	// home is the folder of each message's English file, where its
	// translations belong.
	home map[string]string
	// files by folder and language, for diagnostics
	files map[string]map[language.Tag]*File
	// stale messages by language: their English changed since
	stale map[language.Tag]map[string]bool
}

// New makes a pack's catalogue from its files: in each folder (the pack's
// messages/, the shared wording's), one English file, the source, and any
// translations, a file per language. The diagnostics are the catalogue's
// own problems, at the files' positions: a message without text, an id
// given twice, a template that does not parse, a translation of a message
// the English files do not have (or in another folder's file), one whose
// placeholders are not the English one's, one missing a plural form its
// language needs, and a stale translation (its Hash is not the English
// text's: the English changed since it was translated), which is never
// printed.
func New(pack string, files ...*File) (*Catalogue, diag.List) {
	c := &Catalogue{pack: pack, all: files, bundle: i18n.NewBundle(Source), source: map[string]*Message{}, home: map[string]string{},
		files: map[string]map[language.Tag]*File{}, stale: map[language.Tag]map[string]bool{}}
	var ds diag.List
	var sources, translations []*File
	tags := map[*File]language.Tag{}
	for _, f := range files {
		t, err := Parse(f.Language)
		if err != nil {
			ds.Add(f.Pos, "language", "%s", err)
			continue
		}
		dir := path.Dir(f.Path)
		if c.files[dir] == nil {
			c.files[dir] = map[language.Tag]*File{}
		}
		if other, dup := c.files[dir][t]; dup {
			ds.Add(f.Pos, "language", "a second %s catalogue in %s (the first is %s)", English(t), dir, other.Path)
			continue
		}
		c.files[dir][t], tags[f] = f, t
		if Is(t, "en") {
			sources = append(sources, f)
		} else {
			translations = append(translations, f)
		}
	}
	if len(sources) == 0 {
		ds.Add(diag.Pos{}, "", "the %s pack has no English catalogue (messages/en.yaml): every translation is made from it", pack)
		ds.Sort()
		return c, ds
	}
	var msgs []*i18n.Message
	for _, src := range sources {
		for _, m := range c.checkFile(src, &ds) {
			if first := c.source[m.ID]; first != nil {
				d := ds.Add(m.Pos, m.ID, "message %q is given twice, here and in %s", m.ID, first.Pos.File)
				d.Related = []diag.Pos{first.Pos}
				continue
			}
			if need := neededForms(Source, m); m.plural() && len(need) > 0 {
				ds.Add(m.Pos, m.ID, "message %q lacks the plural forms %s, which English uses", m.ID, strings.Join(need, ", "))
				continue
			}
			c.source[m.ID], c.home[m.ID] = m, path.Dir(src.Path)
			msgs = append(msgs, toI18n(m))
		}
	}
	if err := c.bundle.AddMessages(Source, msgs...); err != nil {
		ds.Add(sources[0].Pos, "", "%s", err)
	}
	byLang := map[language.Tag][]*i18n.Message{}
	for _, f := range translations {
		t := tags[f]
		for _, m := range c.checkFile(f, &ds) {
			s := c.source[m.ID]
			if s == nil || c.home[m.ID] != path.Dir(f.Path) {
				d := ds.Add(m.Pos, m.ID, "message %q is not in the English catalogue beside it (%s/en.yaml): a translation translates an English message", m.ID, path.Dir(f.Path))
				d.Hint = "remove it, or correct its id"
				if s != nil {
					d.Hint = "move it to " + c.home[m.ID] + "/" + path.Base(f.Path) + ", beside its English"
				}
				continue
			}
			if want := Hash(s.Source()); m.Hash != want {
				d := ds.Add(m.Pos, m.ID, "the %s translation of message %q is stale: its English text changed since it was translated (hash %q, the English is now %q)", English(t), m.ID, m.Hash, want)
				d.Hint = fmt.Sprintf("translate the English again (%s) and set hash: %s", s.Pos, want)
				d.Related = []diag.Pos{s.Pos}
				if c.stale[t] == nil {
					c.stale[t] = map[string]bool{}
				}
				c.stale[t][m.ID] = true
				continue
			}
			if !c.sameFields(m, s, &ds, t) {
				continue
			}
			if s.plural() {
				if need := neededForms(t, m); len(need) > 0 {
					ds.Add(m.Pos, m.ID, "the %s translation of message %q lacks the plural forms %s, which %s uses", English(t), m.ID, strings.Join(need, ", "), English(t))
					continue
				}
			}
			byLang[t] = append(byLang[t], toI18n(m))
		}
	}
	for _, t := range slices.SortedFunc(maps.Keys(byLang), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) }) {
		if err := c.bundle.AddMessages(t, byLang[t]...); err != nil {
			ds.Add(diag.Pos{}, "", "%s", err)
		}
	}
	ds.Sort()
	return c, ds
}

// checkFile returns the file's messages that can be used, reporting the
// others.
func (c *Catalogue) checkFile(f *File, ds *diag.List) []*Message {
	seen := map[string]*Message{}
	var ok []*Message
	for _, m := range f.Messages {
		switch {
		case m.ID == "":
			ds.Add(m.Pos, "", "a message without an id")
			continue
		case seen[m.ID] != nil:
			d := ds.Add(m.Pos, m.ID, "message %q is given twice in %s", m.ID, f.Path)
			d.Related = []diag.Pos{seen[m.ID].Pos}
			continue
		case m.Other == "":
			ds.Add(m.Pos, m.ID, "message %q has no text (other)", m.ID)
			continue
		}
		seen[m.ID] = m
		bad := false
		for _, fm := range m.forms() {
			if fm.text == "" {
				continue
			}
			if _, err := fieldsOf(fm.text); err != nil {
				ds.Add(m.Pos, m.ID, "message %q (%s): %v", m.ID, fm.name, err)
				bad = true
			}
		}
		if !bad {
			ok = append(ok, m)
		}
	}
	return ok
}

// sameFields reports whether every form of the translation m uses only
// the placeholders the English s has, and every placeholder of the
// English's other form, so no value is dropped or invented.
func (c *Catalogue) sameFields(m, s *Message, ds *diag.List, t language.Tag) bool {
	want := map[string]bool{}
	for _, fm := range s.forms() {
		fs, _ := fieldsOf(fm.text)
		for _, f := range fs {
			want[f] = true
		}
	}
	ok := true
	used := map[string]bool{}
	for _, fm := range m.forms() {
		fs, _ := fieldsOf(fm.text)
		for _, f := range fs {
			used[f] = true
			if !want[f] {
				ds.Add(m.Pos, m.ID, "the %s translation of message %q uses {{.%s}}, which the English does not give", English(t), m.ID, f)
				ok = false
			}
		}
	}
	other, _ := fieldsOf(s.Other)
	for _, f := range other {
		if !used[f] && f != "Count" {
			ds.Add(m.Pos, m.ID, "the %s translation of message %q leaves out {{.%s}}, which the English writes", English(t), m.ID, f)
			ok = false
		}
	}
	return ok
}

// fieldsOf parses a message template and lists the fields it reads, sorted.
func fieldsOf(text string) ([]string, error) {
	t, err := template.New("").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("the template does not parse: %v", strings.TrimPrefix(err.Error(), "template: :"))
	}
	set := map[string]bool{}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			set[n.Ident[0]] = true
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	if t.Tree != nil {
		walk(t.Tree.Root)
	}
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out, nil
}

// neededForms lists the plural forms a language's CLDR cardinal rules
// give some whole number from 0 to 1,000,000 that the message lacks.
func neededForms(t language.Tag, m *Message) []string {
	var need []string
	for _, f := range m.forms() {
		if f.text == "" && formsUsed(t)[f.name] {
			need = append(need, f.name)
		}
	}
	return need
}

// formsUsed lists the plural forms the language's cardinal rules choose
// for some whole number (the counts a notice writes are whole: processors,
// days). The rules are go-i18n's own (CLDR's), asked through a probe
// message whose forms are their names, so the check and the printer never
// disagree.
func formsUsed(t language.Tag) map[string]bool {
	if v, ok := formsCache.Load(t); ok {
		return v.(map[string]bool)
	}
	b := i18n.NewBundle(t)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	b.MustAddMessages(t, probe)
	loc := i18n.NewLocalizer(b, t.String())
	used := map[string]bool{}
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 20, 21, 22, 100, 101, 1000, 1000000, 2000000} {
		s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
		if err != nil {
			continue
		}
		used[s] = true
	}
	formsCache.Store(t, used)
	return used
}

// formsCache holds formsUsed's answers: language.Tag -> map[string]bool.
var formsCache sync.Map

func toI18n(m *Message) *i18n.Message {
	return &i18n.Message{ID: m.ID, Hash: m.Hash, Description: m.Description,
		Zero: m.Zero, One: m.One, Two: m.Two, Few: m.Few, Many: m.Many, Other: m.Other}
}

// Files are the files the catalogue was made from, as given to New.
func (c *Catalogue) Files() []*File { return c.all }

// Pack is the pack the catalogue is of.
func (c *Catalogue) Pack() string { return c.pack }

// IDs lists the English catalogue's message ids, sorted.
func (c *Catalogue) IDs() []string {
	ids := make([]string, 0, len(c.source))
	for id := range c.source {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Languages lists the languages the catalogue has a file for, English
// first, then by code.
func (c *Catalogue) Languages() []language.Tag {
	set := map[language.Tag]bool{}
	for _, byLang := range c.files {
		for t := range byLang {
			set[t] = true
		}
	}
	var out []language.Tag
	for t := range set {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		bi, _ := out[i].Base()
		bj, _ := out[j].Base()
		if (bi.String() == "en") != (bj.String() == "en") {
			return bi.String() == "en"
		}
		return out[i].String() < out[j].String()
	})
	return out
}
