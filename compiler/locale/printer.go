package locale

import (
	"errors"
	"fmt"
	"sort"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// Data is the values a message's placeholders read, by name: inline
// Markdown, written as it is.
type Data map[string]any

// Printer writes one pack's messages in one language, and the language's
// dates, numbers, lists and country names (Format). A message the
// language's catalogue lacks, or has only a stale translation of, is never
// printed in the wrong language: the printer writes nothing for it and
// remembers it, and Problems reports each once, naming the message. A
// Printer is used by one goroutine.
type Printer struct {
	*Format
	lang     language.Tag // the language asked for (Format may be English's)
	cat      *Catalogue
	loc      *i18n.Localizer
	problems map[string]*diag.Diagnostic
}

// parser executes templates strictly: a placeholder the data does not
// give is an error, never "<no value>".
var parser = &template.TextParser{Option: "missingkey=error"}

// Printer returns a printer of the catalogue's messages in language t.
func (c *Catalogue) Printer(t language.Tag) *Printer {
	return &Printer{Format: FormatOf(t), lang: t, cat: c, loc: i18n.NewLocalizer(c.bundle, t.String()), problems: map[string]*diag.Diagnostic{}}
}

// T writes message id with data.
func (p *Printer) T(id string, data Data) string { return p.print(id, nil, data) }

// N writes message id in the plural form CLDR's rules give n in the
// printer's language; the message's Count placeholder is n, formatted for
// the language (Number).
func (p *Printer) N(id string, n int, data Data) string {
	d := Data{"Count": p.Number(int64(n))}
	for k, v := range data {
		d[k] = v
	}
	return p.print(id, n, d)
}

func (p *Printer) print(id string, count any, data Data) string {
	home := p.cat.home[id]
	folder := "folder " + home // the key of a folder's problem
	if p.problems[id] != nil || p.problems[folder] != nil {
		return ""
	}
	switch {
	case p.cat.source[id] == nil:
		p.problem(id, id, "the %s pack writes message %q, which its English catalogue does not have", p.cat.pack, id)
		return ""
	case p.cat.stale[p.lang][id]:
		p.problem(id, id, "the %s translation of message %q of the %s pack is stale, so it is not published", English(p.lang), id, p.cat.pack)
		return ""
	}
	f := p.file(home)
	if f == nil {
		// No catalogue at all in this language: one problem for the
		// folder, not one for each of its messages.
		p.problem(folder, id, "the %s pack cannot write in %s: %s has no %s catalogue (%s/%s.yaml), which the pack's first message %q needs", p.cat.pack, English(p.lang), home, English(p.lang), home, Code(p.lang), id)
		p.problems[folder].Path = ""
		return ""
	}
	s, tag, err := p.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: map[string]any(data), PluralCount: count, TemplateParser: parser})
	var nf *i18n.MessageNotFoundErr
	switch {
	case errors.As(err, &nf) || (err == nil && !sameBase(tag, p.lang)):
		p.problem(id, id, "message %q of the %s pack has no %s translation: %s does not have it", id, p.cat.pack, English(p.lang), f.Path)
		return ""
	case err != nil:
		p.problem(id, id, "message %q of the %s pack cannot be written: %v", id, p.cat.pack, err)
		return ""
	}
	return s
}

func sameBase(a, b language.Tag) bool {
	x, _ := a.Base()
	y, _ := b.Base()
	return x == y
}

// file is the catalogue file of the printer's language in the folder home:
// the file of the same language ("fr" for a printer of "fr-CH", as go-i18n
// matches), or nil.
func (p *Printer) file(home string) *File {
	if f := p.cat.files[home][p.lang]; f != nil {
		return f
	}
	for t, f := range p.cat.files[home] {
		if sameBase(t, p.lang) {
			return f
		}
	}
	return nil
}

// problem records, under key, the problem of message id, at the file of
// the printer's language beside the message's English (else the English).
func (p *Printer) problem(key, id, format string, args ...any) {
	var pos diag.Pos
	if m := p.cat.source[id]; m != nil {
		pos = m.Pos
		if f := p.file(p.cat.home[id]); f != nil {
			pos = f.Pos
		}
	}
	p.problems[key] = &diag.Diagnostic{Pos: pos, Severity: diag.Error, Path: id, Message: fmt.Sprintf(format, args...)}
}

// Problems lists the messages the printer could not write, each once, by
// id.
func (p *Printer) Problems() diag.List {
	ids := make([]string, 0, len(p.problems))
	for id := range p.problems {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var l diag.List
	for _, id := range ids {
		l = append(l, p.problems[id])
	}
	return l
}
