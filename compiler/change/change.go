// Package change defines what a change between two versions of a project's
// data is: a sentence a visitor understands, whether people must be told in
// advance (its Reason, judged by the materiality table Rules), and the data
// it concerns. Package diff finds the changes of the core model; each rule
// pack finds those of its own data (jurisdiction.ChangeReporter), with the
// same types, so a pack's law never leaks into diff.
package change

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/disclose-dev/disclose/compiler/internal/tags"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Change is one change between two versions of the data, as a sentence a
// visitor understands.
type Change struct {
	// Area is what changed: processor, purpose, category, recipient,
	// transfer, retention, right, request method, sale, children, contact,
	// section or notice.
	Area string `json:"area"`
	// Sentence says what changed. Names from the data keep their case.
	Sentence string `json:"sentence"`
	// Material is true for a change people must be told about in advance.
	Material bool `json:"material"`
	// Reason says why the change is material or minor (see Rules).
	Reason Reason `json:"reason"`
	// Paths are the data paths the change concerns in the new snapshot
	// (purposes[3], transfers[1].mechanism), and OldPaths those in the old
	// one: For keeps a change for a notice whose text uses one of them.
	Paths    []string `json:"-"`
	OldPaths []string `json:"-"`
	// Names and OldNames are the names of the items at Paths and OldPaths
	// (a purpose's, a processor's): For also keeps a change for a notice
	// whose text names one of them, which covers versions frozen by a rule
	// pack that named an item without tracing it.
	Names    []string `json:"-"`
	OldNames []string `json:"-"`
	// Order places the change among the others (see Sort).
	Order Order `json:"-"`
	// Pack is the rule pack whose own data changed (the facade sets it for
	// the changes a pack reports); empty for changes of the core model. A
	// pack's change concerns another pack's notice only where that notice's
	// text traces the changed value itself (diff.For).
	Pack string `json:"-"`
}

// Reason says why a change is material or minor: one of the constants
// below, each with its row in Rules. A change's materiality is decided by
// its Reason, never by matching text.
type Reason string

// The reasons a change can have.
const (
	NewPurpose              Reason = "new purpose"
	MorePurposes            Reason = "data used for more purposes"
	NewCategory             Reason = "new category of personal data"
	NewRecipient            Reason = "new recipient"
	NewSubprocessor         Reason = "new sub-processor"
	NewDestination          Reason = "new destination country"
	NewSaleOrSharing        Reason = "new sale or sharing"
	LongerRetention         Reason = "longer retention"
	LegalBasisChanged       Reason = "legal basis changed"
	NewAutomatedDecisions   Reason = "new automated decision-making"
	DirectedToChildren      Reason = "service directed to children"
	Removed                 Reason = "purpose, category, recipient or processor removed"
	DestinationRemoved      Reason = "destination country removed"
	SafeguardReplaced       Reason = "transfer safeguard replaced"
	SafeguardAddedOrRemoved Reason = "transfer safeguard added or removed"
	ShorterRetention        Reason = "shorter retention"
	RightsChanged           Reason = "rights or request methods changed"
	ContactChanged          Reason = "contact details changed"
	WordingChanged          Reason = "wording changed"
)

// Rules is the materiality rule table: each reason, and whether changes
// for it are material. The README shows it; a test checks that every
// Reason has exactly one row.
var Rules = []struct {
	Reason   Reason
	Material bool
}{
	{NewPurpose, true},
	{MorePurposes, true},
	{NewCategory, true},
	{NewRecipient, true},
	{NewSubprocessor, true},
	{NewDestination, true},
	{NewSaleOrSharing, true},
	{LongerRetention, true},
	{LegalBasisChanged, true},
	{NewAutomatedDecisions, true},
	{DirectedToChildren, true},
	{Removed, false},
	{DestinationRemoved, false},
	{SafeguardReplaced, false},
	{SafeguardAddedOrRemoved, false},
	{ShorterRetention, false},
	{RightsChanged, false},
	{ContactChanged, false},
	{WordingChanged, false},
}

// IsMaterial reports whether changes for reason are material. Every
// Reason has a row in Rules (a test checks it), so there is no fallback to
// guess.
func IsMaterial(reason Reason) bool {
	for _, r := range Rules {
		if r.Reason == reason {
			return r.Material
		}
	}
	panic("change: reason without a row in Rules: " + string(reason))
}

// Order places a change in the list of a version's changes: by the part
// of the data it concerns (Part), then for a collection's items the new or
// changed ones in the new version's order before the removed ones in the
// old's (Removed, Item), then by Step within an item. Changes with equal
// orders keep the order they were found in (diff's first, then each
// pack's, in registry order).
type Order struct {
	Part    Part
	Removed bool
	Item    int
	Step    int
}

// Part is a part of the data, in the order changes are listed.
type Part int

// The parts, in order.
const (
	Purposes Part = iota
	Categories
	Retention
	Recipients
	Processors
	Transfers
	Rights
	Choices // sale, sharing and other opt-outs
	Children
	Automated
	Contacts
	Sections
)

// Sort orders cs by their Order, keeping the order of equal ones.
func Sort(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int {
		x, y := a.Order, b.Order
		switch {
		case x.Part != y.Part:
			return int(x.Part) - int(y.Part)
		case x.Removed != y.Removed:
			if x.Removed {
				return 1
			}
			return -1
		case x.Item != y.Item:
			return x.Item - y.Item
		}
		return x.Step - y.Step
	})
}

// Names say how to name things in change sentences. The facade fills
// Country and Tool from the reference data, and each pack the words of its
// own data (jurisdiction.ChangeReporter's Names).
type Names struct {
	// Country names a country code ("the United States"); nil shows the code.
	Country func(code string) string
	// Tool names a transfer tool (its regime and id); nil or "" shows the id.
	Tool func(regime, id string) string
	// Basis names the legal bases of a purpose, for the sentence of a new
	// purpose ("consent and a contract"); nil or "" leaves them out.
	Basis func(p *model.Purpose) string
	// Safeguard names what a transfer of p relies on, for the sentence of
	// a new sub-processor; nil or "" leaves it out.
	Safeguard func(p *model.Project, transfer string) string
}

// CountryName names a country code.
func (n *Names) CountryName(code string) string {
	if n != nil && n.Country != nil {
		return n.Country(code)
	}
	return code
}

// Countries names country codes as a series: "the United States and India".
func (n *Names) Countries(codes []string) string {
	var out []string
	for _, c := range codes {
		out = append(out, n.CountryName(c))
	}
	return Series(out)
}

// ToolName names a transfer tool.
func (n *Names) ToolName(regime, id string) string {
	if n != nil && n.Tool != nil {
		if s := n.Tool(regime, id); s != "" {
			return s
		}
	}
	return id
}

// Compare returns the changes between two data snapshots (release
// data.json files); compiler.Changes is the one the stages are given.
type Compare func(oldData, newData []byte) ([]Change, error)

// Series joins items as "A, B and C".
func Series(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	s := items[0]
	for _, x := range items[1 : len(items)-1] {
		s += ", " + x
	}
	return s + " and " + items[len(items)-1]
}

// Summary counts changes: "3 changes, 2 material".
func Summary(cs []Change) string {
	m := 0
	for _, c := range cs {
		if c.Material {
			m++
		}
	}
	word := "changes"
	if len(cs) == 1 {
		word = "change"
	}
	return fmt.Sprintf("%d %s, %d material", len(cs), word, m)
}

// Material returns the material changes.
func Material(cs []Change) []Change {
	var out []Change
	for _, c := range cs {
		if c.Material {
			out = append(out, c)
		}
	}
	return out
}

// At says which data a change concerns: its paths in the new version and in
// the old, and the names of the items at the first of them when that is a
// whole item of a collection (purposes[3], not purposes[3].categories).
type At struct {
	New, Old         []string
	NewName, OldName string
}

// List collects the changes found, in the order found.
type List []Change

// Add appends a change.
func (l *List) Add(o Order, at At, area string, reason Reason, format string, args ...any) {
	c := Change{Area: area, Sentence: fmt.Sprintf(format, args...), Material: IsMaterial(reason), Reason: reason,
		Paths: at.New, OldPaths: at.Old, Order: o}
	if at.NewName != "" {
		c.Names = []string{at.NewName}
	}
	if at.OldName != "" {
		c.OldNames = []string{at.OldName}
	}
	*l = append(*l, c)
}

// Item is an element of a collection, with its index and data path.
type Item[T any] struct {
	Index int
	Path  string
	V     T
}

// ByID indexes a collection by id (the first of a duplicated id wins),
// keeping the order.
func ByID[T any](collection string, list []T, id func(T) string) (map[string]Item[T], []string) {
	m := map[string]Item[T]{}
	var order []string
	for i, x := range list {
		k := id(x)
		if _, dup := m[k]; dup {
			continue
		}
		m[k] = Item[T]{i, model.Index(collection, i), x}
		order = append(order, k)
	}
	return m, order
}

// Match pairs the items of two versions of a collection by id: changed for
// each item in both and added for each new one, in the new order, then
// removed for each gone one, in the old order. Any function may be nil.
func Match[T any](collection string, old, new []T, id func(T) string, added, removed func(Item[T]), changed func(o, n Item[T])) {
	am, aorder := ByID(collection, old, id)
	bm, border := ByID(collection, new, id)
	for _, k := range border {
		if o, ok := am[k]; ok {
			if changed != nil {
				changed(o, bm[k])
			}
		} else if added != nil {
			added(bm[k])
		}
	}
	for _, k := range aorder {
		if _, ok := bm[k]; !ok && removed != nil {
			removed(am[k])
		}
	}
}

// Minus returns the elements of a not in b.
func Minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// Uniq returns xs without empty strings and repeats.
func Uniq(xs []string) []string {
	var out []string
	seen := make(map[string]bool, len(xs))
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Quoted names an item inside a sentence, its case as written.
func Quoted(name string) string { return "“" + name + "”" }

// NameOr returns name, or id when name is empty.
func NameOr(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

// Same reports whether two values of the model hold the same data: the
// same YAML values, theirs and their extensions', positions aside.
func Same(a, b any) bool { return equalValue(reflect.ValueOf(a), reflect.ValueOf(b)) }

func equalValue(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValue(a.Elem(), b.Elem())
	case reflect.Struct:
		t := a.Type()
		for i := 0; i < t.NumField(); i++ {
			if tags.YAMLName(t.Field(i)) != "" && !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		ap, av := model.ExtValues(a)
		bp, bv := model.ExtValues(b)
		if !slices.Equal(ap, bp) {
			return false
		}
		for i := range av {
			if !equalValue(av[i], bv[i]) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !equalValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}
