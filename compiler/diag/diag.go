// Package diag holds source positions and the sorted diagnostic lists that
// every stage of the compiler returns.
//
// A Diagnostic says what was found and what was expected in one short line,
// blames a position in a data file and a data path
// (purposes[3].categories[1]), names the item of the data it is about
// (purpose "security", "Keep the service secure"), and may carry the legal
// rule it enforces. Printing is kept apart from the values: see Printer.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Pos is a position in a data file. Line and Col are 1-based; Col counts
// characters (runes), not bytes. The zero Pos means "no position".
type Pos struct {
	File string `json:"file,omitempty"` // slash-separated, relative to the project root
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// String formats p as file:line:col, file:line or file.
func (p Pos) String() string {
	switch {
	case !p.IsValid():
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, line and column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(
		strings.Compare(p.File, q.File),
		cmp.Compare(p.Line, q.Line),
		cmp.Compare(p.Col, q.Col),
	)
}

// Severity says what a diagnostic does to publishing.
type Severity int

const (
	// Error blocks publishing.
	Error Severity = iota
	// Warning is a form or quality finding a machine cannot fully prove (LINT).
	Warning
	// Info is a suggestion (INFO).
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText encodes s as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Rule names the legal requirement a diagnostic enforces, with its citation,
// as listed in the legal-requirements reference (for example GDPR-13-1-d,
// "GDPR Art. 13(1)(d)").
type Rule struct {
	ID       string `json:"id"`
	Citation string `json:"citation,omitempty"`
}

// Diagnostic is one problem found in the data.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	// Path is the data path of the offending value, for example
	// "purposes[3].categories[1]". Empty for problems with a whole file.
	Path string `json:"path,omitempty"`
	// Item names the item of the data the path is in, by its kind and id:
	// purpose "security" (the innermost item on the path with an id;
	// model.Project.Describe). Empty when no item on the path has one.
	Item string `json:"item,omitempty"`
	// ItemName is that item's name, when it has one besides its id
	// ("Keep the service secure").
	ItemName string `json:"item_name,omitempty"`
	// Opening is the length in bytes of the words Message opens with that
	// name Item (purpose "security" has no ...: its kind and id, and its
	// name in brackets if they give it), which the one-line form leaves to
	// the subject, so the line names the item once; 0 when the message
	// does not open with them. Whoever names the item says so (OpensWith).
	Opening int `json:"-"`
	// Mentions is whether Message names Item (its kind and id) further on,
	// after its Opening words: when it does not open with them, the
	// subject then gives only ItemName.
	Mentions bool `json:"-"`
	// Message says what was found and what was expected, in plain English.
	Message string `json:"message"`
	// Rule is the legal rule broken, if any.
	Rule *Rule `json:"rule,omitempty"`
	// Hint says how to fix it; optional.
	Hint string `json:"hint,omitempty"`
	// Related are other positions worth showing, such as the first definition
	// of a duplicate.
	Related []Pos `json:"related,omitempty"`
	// Missing marks a required value the data does not give (a missing
	// field or section, an empty list or text), which the facade gives the
	// rule that reads it.
	Missing bool `json:"-"`
}

// Subject says what d is about, as its one-line form writes it before the
// message (Said): the item named by its kind, id and name, at the path,
//
//	purpose "security" ("Keep the service secure") at purposes[7].categories[1]
//
// the same when the message opens with words naming the item (Opening:
// purpose "security" has no ..., or Brazilian transfer "br-us" ... for
// transfer record "br-us"; Said then leaves them out, so the line names
// the item once); only the item's name at the path when the message names
// the whole item (kind and id) further on (Mentions: the group has 2
// controllers, and entity "helpwise-ltd" does not ...),
//
//	"Helpwise Ltd" at organization.entities[1].decides
//
// and the path alone when no item on it has an id (or the item the
// message names has no name).
func (d *Diagnostic) Subject() string {
	who, _ := d.parts()
	switch {
	case who == "":
		return d.Path
	case d.Path == "":
		return who
	}
	return who + " at " + d.Path
}

// Said is d's message as the one-line form writes it after the subject:
// the message without its Opening words, which name d's item, as the
// subject does (purpose "security" has no ... gives has no ...).
func (d *Diagnostic) Said() string {
	_, said := d.parts()
	return said
}

// parts returns who d is about, as Subject writes it before the path, and
// the message as Said returns it, from d's fields alone.
func (d *Diagnostic) parts() (who, said string) {
	switch {
	case d.Item == "":
		return "", d.Message
	case d.Opening > 0 && d.Opening < len(d.Message):
		return d.fullItem(), strings.TrimPrefix(d.Message[d.Opening:], " ")
	case !d.Mentions:
		return d.fullItem(), d.Message
	case d.ItemName == "":
		return "", d.Message
	}
	return strconv.Quote(d.ItemName), d.Message
}

// fullItem names d's item by its kind, id and name.
func (d *Diagnostic) fullItem() string {
	if d.ItemName != "" {
		return d.Item + " (" + strconv.Quote(d.ItemName) + ")"
	}
	return d.Item
}

// About names the item d is about (Item: its kind and id, purpose
// "security"; ItemName its name, or ""), for its maker to call, and
// returns d.
func (d *Diagnostic) About(item, name string) *Diagnostic {
	d.Item, d.ItemName = item, name
	return d
}

// OpensWith says that d's message opens with words, which name its item
// (purpose "security", or Brazilian transfer "br-us" for transfer record
// "br-us"), and returns d: the one-line form leaves them to the subject.
// Words the message does not open with (followed by a space and more)
// leave Opening unset.
func (d *Diagnostic) OpensWith(words string) *Diagnostic {
	if words != "" && strings.HasPrefix(d.Message, words+" ") && len(d.Message) > len(words)+1 {
		d.Opening = len(words)
	}
	return d
}

// ReadNaming sets Opening and Mentions by reading d's message, for an item
// named after the fact, from the path (kind, id; the facade's describe),
// by someone other than the maker of the message, who alone knows how it
// names the item. It reads the words as the stages write them today: the
// message opens with the item when it opens with its id alone ("Our
// Customers" is not a valid id), or after at most two words, one a word
// of its kind or "id" (purpose "security" ..., Brazilian transfer "br-us"
// for transfer record "br-us", retention rule "x" for retention "x", id
// "x" is already used; not unknown category "billing" for purpose
// "billing", nor sub-processor "x", another word, for processor "x"),
// then, if given, its name in brackets; it mentions the item when it names
// the item's kind and id anywhere else. A maker that names its item
// (About, OpensWith) needs none of this. It returns d.
func (d *Diagnostic) ReadNaming(kind, id string) *Diagnostic {
	d.Opening, d.Mentions = 0, false
	if kind == "" || id == "" {
		return d
	}
	if n, ok := d.opening(kind, strconv.Quote(id)); ok {
		d.Opening = n
	}
	d.Mentions = strings.Contains(d.Message[d.Opening:], kind+" "+strconv.Quote(id))
	return d
}

// opening returns the length of the words d's message opens with that
// name its item (kind, and id quoted), as ReadNaming reads them, and
// whether it opens so with something left after them.
func (d *Diagnostic) opening(kind, id string) (int, bool) {
	at := strings.IndexByte(d.Message, '"')
	if at < 0 || !strings.HasPrefix(d.Message[at:], id) {
		return 0, false
	}
	// The id alone, or after at most two words, one of them a word of the
	// kind or "id".
	words := strings.Fields(d.Message[:at])
	kinds := append(strings.Fields(kind), "id")
	if len(words) > 2 || len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(kinds, w) }) {
		return 0, false
	}
	rest := d.Message[at+len(id):]
	if d.ItemName != "" {
		for _, named := range []string{" (" + d.ItemName + ")", " (" + strconv.Quote(d.ItemName) + ")"} {
			rest = strings.TrimPrefix(rest, named)
		}
	}
	if r, ok := strings.CutPrefix(rest, " "); ok && r != "" {
		return len(d.Message) - len(rest), true
	}
	return 0, false
}

// Error formats d on one line: file:line:col: severity: subject: message
// [RULE], the subject being the item and the path (Subject), the message
// as Said gives it.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if s := d.Subject(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(d.Said())
	if d.Rule != nil {
		b.WriteString(" [")
		b.WriteString(d.Rule.ID)
		b.WriteString("]")
	}
	return b.String()
}

// List is a list of diagnostics. The zero List is empty and ready to use.
type List []*Diagnostic

// Add appends an error at pos.
func (l *List) Add(pos Pos, path, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Pos: pos, Severity: Error, Path: path, Message: fmt.Sprintf(format, args...)}
	*l = append(*l, d)
	return d
}

// Append appends diagnostics.
func (l *List) Append(ds ...*Diagnostic) { *l = append(*l, ds...) }

// Sort orders the list by position, then severity, path and message, and
// drops exact duplicates.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b *Diagnostic) int {
		return cmp.Or(
			a.Pos.Compare(b.Pos),
			cmp.Compare(a.Severity, b.Severity),
			strings.Compare(a.Path, b.Path),
			strings.Compare(a.Message, b.Message),
		)
	})
	*l = slices.CompactFunc(*l, func(a, b *Diagnostic) bool {
		return a.Pos == b.Pos && a.Severity == b.Severity && a.Path == b.Path &&
			a.Message == b.Message && ruleID(a) == ruleID(b)
	})
}

func ruleID(d *Diagnostic) string {
	if d.Rule == nil {
		return ""
	}
	return d.Rule.ID
}

// HasErrors reports whether any diagnostic is an Error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns the number of diagnostics of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Err returns l as an error if it holds any Error, and nil otherwise.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error returns the first error and a count of the rest.
func (l List) Error() string {
	var first *Diagnostic
	for _, d := range l {
		if d.Severity == Error {
			first = d
			break
		}
	}
	switch n := l.Count(Error); {
	case n == 0:
		return "no errors"
	case n == 1:
		return first.Error()
	default:
		return fmt.Sprintf("%s (and %d more errors)", first.Error(), n-1)
	}
}
