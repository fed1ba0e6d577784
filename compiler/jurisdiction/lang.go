package jurisdiction

import (
	"embed"
	"io/fs"
	"sync"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// MessageHolder is implemented by a pack that writes its sentences from a
// message catalogue: YAML files in the folder "messages" of the returned
// file system, one per language (en.yaml, the source; de.yaml, fr.yaml,
// ...). The facade loads them with the shared wording's (this package's
// own messages/, SharedMessages) into one catalogue per pack
// (Context.Catalogues).
type MessageHolder interface {
	MessageData() fs.FS
}

// sharedMessages are the shared wording's messages (words.go, summary.go):
// every pack's catalogue holds them.
//
//go:embed messages/*.yaml
var sharedMessages embed.FS

// SharedMessages is the file system whose folder "messages" holds the
// shared wording's catalogue, one file per language.
func SharedMessages() fs.FS { return sharedMessages }

// sharedCatalogue is the shared wording's catalogue alone: a Context used
// outside Compile (the records of processing, a test) writes the shared
// wording's messages from it.
var sharedCatalogue = sync.OnceValue(func() *locale.Catalogue {
	files, _ := load.Messages(sharedMessages, "messages", "compiler/jurisdiction/messages")
	cat, _ := locale.New("core", files...)
	return cat
})

// outside holds the printer of a Context used outside Compile: the shared
// wording's messages in the context's language.
type outside struct{ printer *locale.Printer }

func (c *Context) outside() outside { return outside{sharedCatalogue().Printer(c.lang())} }

// English reports whether the notice is written in English.
func (c *Context) English() bool { return locale.Is(c.lang(), "en") }

// lang is the language the notice is written in.
func (c *Context) lang() language.Tag {
	if c.Language == (language.Tag{}) {
		return locale.Source
	}
	return c.Language
}

// Lang is the language the notice is written in.
func (c *Context) Lang() language.Tag { return c.lang() }

// T writes the pack's message id in the notice's language, its
// placeholders filled from data (inline Markdown, written as it is). A
// message the catalogue cannot give is written as nothing and reported by
// Compile, naming the message, so the notice is not published.
func (c *Context) T(id string, data locale.Data) notice.Text {
	if c.printer == nil {
		return notice.Text(c.outside().printer.T(id, data))
	}
	return notice.Text(c.printer.T(id, data))
}

// N writes the pack's message id in the plural form the language's CLDR
// rules give n; its Count placeholder is n, formatted for the language.
func (c *Context) N(id string, n int, data locale.Data) notice.Text {
	if c.printer == nil {
		return notice.Text(c.outside().printer.N(id, n, data))
	}
	return notice.Text(c.printer.N(id, n, data))
}

// Format is the notice language's formats of dates, numbers, lists and
// country names.
func (c *Context) Format() *locale.Format {
	if c.printer != nil {
		return c.printer.Format
	}
	return locale.FormatOf(c.lang())
}

// Day writes a day in the notice's language ("4 January 2027").
func (c *Context) Day(d model.Date) notice.Text { return notice.Text(c.Format().Date(d)) }

// List joins texts as the notice's language writes a list ("a, b and c").
func (c *Context) List(items []notice.Text, conj locale.Conj) notice.Text {
	ss := make([]string, len(items))
	for i, it := range items {
		ss[i] = string(it)
	}
	return notice.Text(c.Format().List(ss, conj))
}

// Source is the project as the team wrote it, in English: the one Project
// was translated from, or Project itself.
func (c *Context) Source() *model.Project {
	if c.Original != nil {
		return c.Original
	}
	return c.Project
}

// Labelled writes a text after its label, as the language punctuates it:
// "**Customers**: people who ..." (French sets a narrow no-break space
// before the colon).
func (c *Context) Labelled(label, text notice.Text) notice.Text {
	return c.T("labelled", locale.Data{"Label": label, "Text": text})
}
