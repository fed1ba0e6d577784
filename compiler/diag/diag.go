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
// the same when the message begins by naming the item (purpose "security"
// has no ..., or Brazilian transfer "br-us" ... for transfer record
// "br-us"; Said then leaves that out, so the line names the item once);
// only the item's name at the path when the message names the whole item
// (kind and id) further on (the group has 2 controllers, and entity
// "helpwise-ltd" does not ...),
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
// the message without its opening words when they name d's item (its kind
// and id, and the name in brackets if they give it), which the subject
// names (purpose "security" has no ... gives has no ...).
func (d *Diagnostic) Said() string {
	_, said := d.parts()
	return said
}

// parts returns who d is about, as Subject writes it before the path, and
// the message as Said returns it.
func (d *Diagnostic) parts() (who, said string) {
	full := d.Item
	if d.Item != "" && d.ItemName != "" {
		full += " (" + strconv.Quote(d.ItemName) + ")"
	}
	if d.Item == "" {
		return "", d.Message
	}
	if rest, ok := d.opening(); ok {
		return full, rest
	}
	if !strings.Contains(d.Message, d.Item) {
		return full, d.Message
	}
	if d.ItemName == "" {
		return "", d.Message
	}
	return strconv.Quote(d.ItemName), d.Message
}

// opening returns d's message without its opening words when they name
// d's item: its kind and id (purpose "security"), its id alone ("Our
// Customers" is not a valid id), or its id after at most two words, one a
// word of its kind or "id" (Brazilian transfer "br-us" for transfer record
// "br-us", retention rule "x" for retention "x", id "x" is already used;
// not unknown category "billing" for purpose "billing", nor sub-processor
// "x", another word, for processor "x"),
// then, if given, its name in brackets. It reports false when the message
// does not open so, or when nothing would be left of it.
func (d *Diagnostic) opening() (string, bool) {
	q := strings.IndexByte(d.Item, '"')
	if q <= 0 {
		return "", false
	}
	kind, id := strings.TrimSpace(d.Item[:q]), d.Item[q:]
	at := strings.IndexByte(d.Message, '"')
	if at < 0 || !strings.HasPrefix(d.Message[at:], id) {
		return "", false
	}
	// The id alone, or after at most two words, one of them a word of the
	// kind or "id".
	words := strings.Fields(d.Message[:at])
	kinds := append(strings.Fields(kind), "id")
	if len(words) > 2 || len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(kinds, w) }) {
		return "", false
	}
	rest := d.Message[at+len(id):]
	if d.ItemName != "" {
		for _, named := range []string{" (" + d.ItemName + ")", " (" + strconv.Quote(d.ItemName) + ")"} {
			rest = strings.TrimPrefix(rest, named)
		}
	}
	if r, ok := strings.CutPrefix(rest, " "); ok && r != "" {
		return r, true
	}
	return "", false
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
