package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// Answer is a yes/no fact the law requires to be stated either way ("we do
// not sell personal information"). It is never inferred from absence: the
// zero Answer means the data does not say, and rules that need it report so.
// In YAML it is written yes or no (true and false are accepted too).
type Answer string

// The two answers.
const (
	Yes Answer = "yes"
	No  Answer = "no"
)

// Known reports whether a is yes or no.
func (a Answer) Known() bool { return a == Yes || a == No }

// IsYes reports whether a is yes.
func (a Answer) IsYes() bool { return a == Yes }

// IsNo reports whether a is no.
func (a Answer) IsNo() bool { return a == No }

// Markdown is free text in Markdown (CommonMark with tables). Raw HTML is not
// allowed.
type Markdown string

// Date is a calendar day written YYYY-MM-DD: a date in the data files, and
// the one type for the days the stages work with (the day notices are
// compiled as of, a version's effective and release dates). Valid dates
// order as their text does; the zero Date is no date.
type Date string

// DateOf returns the day of t, in UTC.
func DateOf(t time.Time) Date { return Date(t.UTC().Format(time.DateOnly)) }

// Time returns d as midnight UTC; ok is false when d is empty or malformed.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// Valid reports whether d is a real calendar date.
func (d Date) Valid() bool { return ValidDate(string(d)) }

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d == "" }

// Long writes d as the notices do, "4 January 2027" (as written when it
// is not a valid day).
func (d Date) Long() string { return d.Format("2 January 2006") }

// Format writes d with a time layout ("2 January 2006" for "4 January
// 2027"), or as written when it is not a valid day.
func (d Date) Format(layout string) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return t.Format(layout)
}

// String returns d as written.
func (d Date) String() string { return string(d) }

// AddDays returns the day n days after d (before, for negative n); d must
// be valid.
func (d Date) AddDays(n int) Date {
	t, _ := d.Time()
	return DateOf(t.AddDate(0, 0, n))
}

// DaysUntil returns the days from d to e (negative when e is earlier); both
// must be valid.
func (d Date) DaysUntil(e Date) int {
	a, _ := d.Time()
	b, _ := e.Time()
	return int(b.Sub(a).Hours() / 24)
}

// ValidDate reports whether s is a real calendar date written YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == 10
}

// Period is a length of time written as a count and a unit: "30 days",
// "6 weeks", "24 months", "7 years" (or "1 year"). Cookie durations may also
// be "session".
type Period string

// Patterns of the model's text formats, shared by the validator and the JSON
// Schema so the two cannot drift apart.
const (
	IDPattern       = `^[a-z0-9][a-z0-9-]{0,62}$`
	PhonePattern    = `^\+?[0-9][0-9 ().\-]{5,24}[0-9]$`
	PeriodPattern   = `^([1-9][0-9]{0,3}) (day|week|month|year)s?$`
	DurationPattern = `^(session|[1-9][0-9]{0,3} (day|week|month|year)s?)$`
)

var periodRE = regexp.MustCompile(PeriodPattern)

// ParsePeriod returns the count and unit (day, week, month or year) of p.
func ParsePeriod(p string) (n int, unit string, err error) {
	m := periodRE.FindStringSubmatch(p)
	if m == nil {
		return 0, "", fmt.Errorf("%q is not a period such as \"30 days\", \"24 months\" or \"7 years\"", p)
	}
	n, _ = strconv.Atoi(m[1])
	if strings.HasSuffix(p, "s") != (n != 1) {
		if n == 1 {
			return 0, "", fmt.Errorf("%q: write \"1 %s\"", p, m[2])
		}
		return 0, "", fmt.Errorf("%q: write \"%d %ss\"", p, n, m[2])
	}
	return n, m[2], nil
}

// Days returns an approximate length of p in days (months as 30 days,
// years as 365), for comparing periods; ok is false when p is not a period.
func (p Period) Days() (days int, ok bool) {
	n, unit, err := ParsePeriod(string(p))
	if err != nil {
		return 0, false
	}
	per := map[string]int{"day": 1, "week": 7, "month": 30, "year": 365}[unit]
	return n * per, true
}

// SourceMap records where each value of the data came from, by data path
// ("purposes[3].categories[1]"). Paths use the YAML key names and 0-based
// indexes.
type SourceMap struct {
	// Root is the position used for values with no position at all, such as
	// a section missing from every file (the data directory).
	Root diag.Pos
	// Files holds the content of every file read, by name, for quoting
	// source lines in diagnostics.
	Files map[string][]byte
	// at holds each path's value and key positions, compactly: a large
	// data set has hundreds of thousands of paths.
	at    map[string]spot
	names []string         // the files of the positions, by number
	index map[string]int32 // names, numbered
	// layers hold the positions of whole sections, by section, recorded
	// apart (AddLayer).
	layers map[string][]layerAt
}

// spot is a value's position and its key's, the files numbered in
// SourceMap.names (key -1: no key).
type spot struct {
	file, line, col          int32
	keyFile, keyLine, keyCol int32
}

// A SourceLayer records the positions of values of one file, by data path,
// apart from a SourceMap: a loader records each file's on its own (in
// parallel, or once for many loads), then adds the layer to the map for
// the sections the file defines (SourceMap.AddLayer). A layer must not be
// changed once added.
type SourceLayer struct {
	file string
	at   map[string]layerSpot
}

// layerSpot is a value's position and its key's, in the layer's file
// (keyLine -1: no key; lines are never negative).
type layerSpot struct {
	line, col, keyLine, keyCol int32
}

// layerAt is a layer added for a section: for a list, its items from
// lo on, which the layer numbers from 0; n is their number, -1 when the
// section is not a list.
type layerAt struct {
	layer *SourceLayer
	lo, n int
}

// NewSourceLayer returns an empty layer of positions in file, with room
// for about n paths.
func NewSourceLayer(file string, n int) *SourceLayer {
	return &SourceLayer{file: file, at: make(map[string]layerSpot, n)}
}

// Set records the position of the value at path and of its key, as
// SourceMap.Set does; both are in the layer's file (their File is not
// kept).
func (l *SourceLayer) Set(path string, value, key diag.Pos) {
	sp := layerSpot{line: int32(value.Line), col: int32(value.Col), keyLine: -1}
	if key.IsValid() {
		sp.keyLine, sp.keyCol = int32(max(key.Line, 0)), int32(key.Col)
	} else if old, ok := l.at[path]; ok {
		sp.keyLine, sp.keyCol = old.keyLine, old.keyCol
	}
	l.at[path] = sp
}

// Len returns the number of paths in the layer.
func (l *SourceLayer) Len() int { return len(l.at) }

// AddLayer adds the positions layer holds of section: when the section is
// a list, of its items numbered from lo to lo+n-1 (the layer numbers them
// from 0), else (n < 0) of the whole section. The paths a layer gives must
// be recorded nowhere else.
func (s *SourceMap) AddLayer(section string, lo, n int, layer *SourceLayer) {
	if s.layers == nil {
		s.layers = map[string][]layerAt{}
	}
	s.layers[section] = append(s.layers[section], layerAt{layer, lo, max(n, -1)})
}

// NewSourceMap returns an empty source map whose fallback position is root.
func NewSourceMap(root diag.Pos) *SourceMap {
	return &SourceMap{Root: root, Files: map[string][]byte{}, at: map[string]spot{}, index: map[string]int32{}}
}

// File returns the content of the named file; it suits diag.Printer.Source.
func (s *SourceMap) File(name string) ([]byte, bool) {
	b, ok := s.Files[name]
	return b, ok
}

// number returns the number of the file name.
func (s *SourceMap) number(name string) int32 {
	if i, ok := s.index[name]; ok {
		return i
	}
	i := int32(len(s.names))
	s.names = append(s.names, name)
	s.index[name] = i
	return i
}

// Set records the position of the value at path and of its key (the zero Pos
// for sequence items and file roots).
func (s *SourceMap) Set(path string, value, key diag.Pos) {
	sp := spot{file: s.number(value.File), line: int32(value.Line), col: int32(value.Col), keyFile: -1}
	if key.IsValid() {
		sp.keyFile, sp.keyLine, sp.keyCol = s.number(key.File), int32(key.Line), int32(key.Col)
	} else if _, old, ok := s.lookup(path); ok {
		if k, ok := old.key(); ok {
			sp.keyFile, sp.keyLine, sp.keyCol = s.number(k.File), int32(k.Line), int32(k.Col)
		}
	}
	s.at[path] = sp
}

// found is a position found in a SourceMap.
type found struct {
	value  diag.Pos
	keyAt  diag.Pos
	hasKey bool
}

func (f found) key() (diag.Pos, bool) { return f.keyAt, f.hasKey }

// lookup finds the positions of path: recorded by Set, or in a layer.
func (s *SourceMap) lookup(path string) (diag.Pos, found, bool) {
	if sp, ok := s.at[path]; ok {
		f := found{value: diag.Pos{File: s.names[sp.file], Line: int(sp.line), Col: int(sp.col)}}
		if sp.keyFile >= 0 {
			f.keyAt, f.hasKey = diag.Pos{File: s.names[sp.keyFile], Line: int(sp.keyLine), Col: int(sp.keyCol)}, true
		}
		return f.value, f, true
	}
	if len(s.layers) == 0 {
		return diag.Pos{}, found{}, false
	}
	end := strings.IndexAny(path, ".[")
	if end < 0 {
		return diag.Pos{}, found{}, false
	}
	section, rest := path[:end], path[end:]
	for _, la := range s.layers[section] {
		local := path
		if la.n >= 0 {
			// An item of a list: numbered in the layer from 0.
			close := strings.IndexByte(rest, ']')
			if rest[0] != '[' || close < 0 {
				continue
			}
			i, err := strconv.Atoi(rest[1:close])
			if err != nil || i < la.lo || i >= la.lo+la.n {
				continue
			}
			if la.lo != 0 {
				local = section + "[" + strconv.Itoa(i-la.lo) + rest[close:]
			}
		}
		if sp, ok := la.layer.at[local]; ok {
			f := found{value: diag.Pos{File: la.layer.file, Line: int(sp.line), Col: int(sp.col)}}
			if sp.keyLine >= 0 {
				f.keyAt, f.hasKey = diag.Pos{File: la.layer.file, Line: int(sp.keyLine), Col: int(sp.keyCol)}, true
			}
			return f.value, f, true
		}
	}
	return diag.Pos{}, found{}, false
}

// Has reports whether path was written in the data.
func (s *SourceMap) Has(path string) bool {
	_, _, ok := s.lookup(path)
	return ok
}

// Pos returns the position of the value at path. When path was not written
// (a missing field), it returns the position of the nearest enclosing value
// that was, so a diagnostic still points at the place to add it.
func (s *SourceMap) Pos(path string) diag.Pos {
	if s == nil {
		return diag.Pos{}
	}
	for p := path; ; p = Parent(p) {
		if value, f, ok := s.lookup(p); ok {
			if p != path {
				if k, ok := f.key(); ok {
					return k
				}
			}
			return value
		}
		if p == "" {
			return s.Root
		}
	}
}

// KeyPos returns the position of the key of the value at path, or Pos(path)
// when it has none.
func (s *SourceMap) KeyPos(path string) diag.Pos {
	if _, f, ok := s.lookup(path); ok {
		if k, ok := f.key(); ok {
			return k
		}
	}
	return s.Pos(path)
}

// Parent returns the path enclosing path: "a.b[2].c" -> "a.b[2]" -> "a.b" ->
// "a" -> "".
func Parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Index returns path + "[i]".
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Field returns path + "." + name, or name at the root.
func Field(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
