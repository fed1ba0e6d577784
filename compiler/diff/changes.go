package diff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/notice"
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

// material reports whether changes for reason are material. Every Reason
// has a row in Rules (a test checks it), so there is no fallback to guess.
func material(reason Reason) bool {
	for _, r := range Rules {
		if r.Reason == reason {
			return r.Material
		}
	}
	panic("diff: reason without a row in Rules: " + string(reason))
}

// Options say how to name things in sentences.
type Options struct {
	// ToolName names a transfer tool (regime "eu" or "uk", mechanism id);
	// nil shows the id.
	ToolName func(regime, id string) string
	// CountryName names a country code; nil shows the code.
	CountryName func(code string) string
}

type snapshot = map[string]any

// Changes compares two data snapshots (release data.json files) and returns
// the changes, in a fixed order: by area, then as the items appear. Each
// change carries the data paths it concerns (see For).
func Changes(oldJSON, newJSON []byte, opts Options) ([]Change, error) {
	var a, b snapshot
	if err := json.Unmarshal(oldJSON, &a); err != nil {
		return nil, fmt.Errorf("old snapshot: %w", err)
	}
	if err := json.Unmarshal(newJSON, &b); err != nil {
		return nil, fmt.Errorf("new snapshot: %w", err)
	}
	d := &differ{a: a, b: b, opts: opts}
	d.purposes()
	d.categories()
	d.retention()
	d.recipients()
	d.processors()
	d.transfers()
	d.rights()
	d.sale()
	d.children()
	d.automated()
	d.contact()
	d.sections()
	return d.out, nil
}

type differ struct {
	a, b snapshot
	opts Options
	out  []Change
}

// at says which data a change concerns: paths in the new snapshot, and in
// the old one.
type at struct{ new, old []string }

func both(path string) at { return at{[]string{path}, []string{path}} }

func (d *differ) add(where at, area string, reason Reason, format string, args ...any) {
	d.out = append(d.out, Change{Area: area, Sentence: fmt.Sprintf(format, args...), Material: material(reason), Reason: reason,
		Paths: where.new, OldPaths: where.old, Names: itemNames(d.b, where.new), OldNames: itemNames(d.a, where.old)})
}

// itemNames returns the name of the item a change is about, when its first
// path is a whole collection entry (purposes[3], not purposes[3].categories
// or the recipients a transfer reaches).
func itemNames(s snapshot, paths []string) []string {
	if len(paths) == 0 {
		return nil
	}
	key, rest, ok := strings.Cut(paths[0], "[")
	if !ok || strings.Contains(key, ".") || !strings.HasSuffix(rest, "]") {
		return nil
	}
	i, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	l, _ := s[key].([]any)
	if err != nil || i < 0 || i >= len(l) {
		return nil
	}
	if name := str(l[i], "name"); name != "" {
		return []string{name}
	}
	return nil
}

// get follows a dotted path through maps.
func get(m any, path string) any {
	for _, k := range strings.Split(path, ".") {
		mm, ok := m.(map[string]any)
		if !ok {
			return nil
		}
		m = mm[k]
	}
	return m
}

func str(m any, path string) string {
	s, _ := get(m, path).(string)
	return s
}

func list(m any, path string) []any {
	l, _ := get(m, path).([]any)
	return l
}

func strs(m any, path string) []string {
	var out []string
	for _, x := range list(m, path) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// item is an element of a collection, with its data path.
type item struct {
	path string // collection[index]
	m    map[string]any
}

// byID indexes a collection by id, keeping the order.
func byID(s snapshot, collection string) (map[string]item, []string) {
	m := map[string]item{}
	var order []string
	for i, it := range list(s, collection) {
		mm, ok := it.(map[string]any)
		if !ok {
			continue
		}
		id, _ := mm["id"].(string)
		if _, dup := m[id]; dup {
			continue
		}
		m[id] = item{fmt.Sprintf("%s[%d]", collection, i), mm}
		order = append(order, id)
	}
	return m, order
}

// compare calls added, removed and changed for the items of a collection.
func (d *differ) compare(collection string, added, removed func(item), changed func(old, new item)) {
	am, aorder := byID(d.a, collection)
	bm, border := byID(d.b, collection)
	for _, id := range border {
		if old, ok := am[id]; ok {
			if changed != nil && !reflect.DeepEqual(old.m, bm[id].m) {
				changed(old, bm[id])
			}
		} else if added != nil {
			added(bm[id])
		}
	}
	for _, id := range aorder {
		if _, ok := bm[id]; !ok && removed != nil {
			removed(am[id])
		}
	}
}

// field returns the paths of a field of an item in both snapshots.
func field(o, n item, f string) at {
	return at{[]string{n.path + "." + f}, []string{o.path + "." + f}}
}

func name(m map[string]any) string {
	if n := str(m, "name"); n != "" {
		return n
	}
	return str(m, "id")
}

// quoted names an item inside a sentence, its case as written.
func quoted(m map[string]any) string { return "“" + name(m) + "”" }

// names returns the names of the items of collection with the given ids,
// as written in the data.
func (d *differ) names(s snapshot, collection string, ids []string) []string {
	m, _ := byID(s, collection)
	var out []string
	for _, id := range ids {
		if it, ok := m[id]; ok {
			out = append(out, name(it.m))
		} else {
			out = append(out, id)
		}
	}
	return out
}

func series(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

var basisNames = map[string]string{
	"consent": "consent", "contract": "a contract", "legal_obligation": "a legal obligation",
	"vital_interests": "vital interests", "public_task": "a public task", "legitimate_interests": "legitimate interests",
	"recognised_legitimate_interest": "a recognised legitimate interest",
}

func bases(ids []string) string {
	var out []string
	for _, id := range ids {
		if n, ok := basisNames[id]; ok {
			out = append(out, n)
		} else {
			out = append(out, id)
		}
	}
	return series(out)
}

func (d *differ) purposes() {
	d.compare("purposes",
		func(p item) {
			d.add(at{new: []string{p.path}}, "purpose", NewPurpose, "New purpose: %s (%s).", name(p.m), bases(strs(p.m, "legal_bases")))
		},
		func(p item) {
			d.add(at{old: []string{p.path}}, "purpose", Removed, "Purpose removed: %s.", name(p.m))
		},
		func(o, n item) {
			if ob, nb := strs(o.m, "legal_bases"), strs(n.m, "legal_bases"); !slices.Equal(ob, nb) {
				d.add(field(o, n, "legal_bases"), "purpose", LegalBasisChanged, "The purpose %s now relies on %s instead of %s.", quoted(n.m), bases(nb), bases(ob))
			}
			if more := minus(strs(n.m, "categories"), strs(o.m, "categories")); len(more) > 0 {
				d.add(field(o, n, "categories"), "purpose", MorePurposes, "The purpose %s now also uses: %s.", quoted(n.m), series(d.names(d.b, "categories", more)))
			}
			if more := minus(strs(n.m, "recipients"), strs(o.m, "recipients")); len(more) > 0 {
				d.add(field(o, n, "recipients"), "purpose", NewRecipient, "For the purpose %s, personal data now also goes to: %s.", quoted(n.m), series(d.names(d.b, "recipients", more)))
			}
			if str(o.m, "legitimate_interest") != str(n.m, "legitimate_interest") && slices.Contains(strs(n.m, "legal_bases"), "legitimate_interests") && str(o.m, "legitimate_interest") != "" {
				d.add(field(o, n, "legitimate_interest"), "purpose", WordingChanged, "The legitimate interest behind the purpose %s is described differently.", quoted(n.m))
			}
			if str(o.m, "description") != str(n.m, "description") {
				d.add(field(o, n, "description"), "purpose", WordingChanged, "The description of the purpose %s changed.", quoted(n.m))
			}
		})
}

func (d *differ) categories() {
	d.compare("categories",
		func(c item) {
			d.add(at{new: []string{c.path}}, "category", NewCategory, "New category of personal data: %s.", name(c.m))
		},
		func(c item) {
			d.add(at{old: []string{c.path}}, "category", Removed, "Category of personal data removed: %s.", name(c.m))
		},
		func(o, n item) {
			if str(o.m, "retention") != str(n.m, "retention") {
				d.retentionChange(field(o, n, "retention"), quoted(n.m), d.retentionText(d.a, str(o.m, "retention")), d.retentionText(d.b, str(n.m, "retention")),
					d.days(d.a, str(o.m, "retention")), d.days(d.b, str(n.m, "retention")))
			}
			if more := minus(strs(n.m, "sources"), strs(o.m, "sources")); len(more) > 0 {
				d.add(field(o, n, "sources"), "category", NewCategory, "New sources of %s: %s.", quoted(n.m), series(d.names(d.b, "sources", more)))
			}
		})
}

func (d *differ) retentionText(s snapshot, id string) string {
	m, _ := byID(s, "retention")
	r, ok := m[id]
	if !ok {
		return id
	}
	if p := str(r.m, "period"); p != "" {
		return p
	}
	return "as set by our criteria"
}

// days returns the approximate length of a retention rule's period, or -1.
func (d *differ) days(s snapshot, id string) int {
	m, _ := byID(s, "retention")
	var n int
	var unit string
	if _, err := fmt.Sscanf(str(m[id].m, "period"), "%d %s", &n, &unit); err != nil {
		return -1
	}
	switch strings.TrimSuffix(unit, "s") {
	case "week":
		n *= 7
	case "month":
		n *= 30
	case "year":
		n *= 365
	}
	return n
}

func (d *differ) retentionChange(where at, what, old, new string, oldDays, newDays int) {
	reason := LongerRetention
	if oldDays >= 0 && newDays >= 0 && newDays <= oldDays {
		reason = ShorterRetention
	}
	d.add(where, "retention", reason, "Retention of %s: %s → %s.", what, old, new)
}

// users returns the paths of the items of collections in s whose field
// refers to id (categories[2].retention for retention rule id).
func users(s snapshot, id string, refs ...string) []string {
	var out []string
	for _, ref := range refs {
		collection, f, _ := strings.Cut(ref, ".")
		for i, it := range list(s, collection) {
			v := get(it, f)
			if v == id || slices.Contains(strs(it, f), id) {
				out = append(out, fmt.Sprintf("%s[%d].%s", collection, i, f))
			}
		}
	}
	return out
}

func (d *differ) retention() {
	d.compare("retention", nil, nil, func(o, n item) {
		id := str(n.m, "id")
		where := at{append([]string{n.path}, users(d.b, id, "categories.retention", "purposes.retention")...),
			append([]string{o.path}, users(d.a, id, "categories.retention", "purposes.retention")...)}
		if str(o.m, "period") != str(n.m, "period") || str(o.m, "from") != str(n.m, "from") {
			d.retentionChange(where, quoted(n.m), d.retentionText(d.a, id), d.retentionText(d.b, id), d.days(d.a, id), d.days(d.b, id))
		} else if str(o.m, "criteria") != str(n.m, "criteria") {
			d.add(where, "retention", WordingChanged, "The criteria for keeping %s are described differently.", quoted(n.m))
		}
	})
}

func (d *differ) recipients() {
	d.compare("recipients",
		func(r item) {
			d.add(at{new: []string{r.path}}, "recipient", NewRecipient, "New recipient: %s.", name(r.m))
		},
		func(r item) {
			d.add(at{old: []string{r.path}}, "recipient", Removed, "Recipient removed: %s.", name(r.m))
		},
		func(o, n item) {
			if more := minus(strs(n.m, "categories"), strs(o.m, "categories")); len(more) > 0 {
				d.add(field(o, n, "categories"), "recipient", NewRecipient, "More personal data now goes to %s: %s.", quoted(n.m), series(d.names(d.b, "categories", more)))
			}
		})
}

func (d *differ) country(code string) string {
	if d.opts.CountryName != nil {
		return d.opts.CountryName(code)
	}
	return code
}

func (d *differ) countries(codes []string) string {
	var out []string
	for _, c := range codes {
		out = append(out, d.country(c))
	}
	return series(out)
}

func (d *differ) tool(regime, id string) string {
	if d.opts.ToolName != nil {
		if n := d.opts.ToolName(regime, id); n != "" {
			return n
		}
	}
	return id
}

// safeguard names the EU transfer tool of a processor's transfer.
func (d *differ) safeguard(s snapshot, transfer string) string {
	m, _ := byID(s, "transfers")
	if t, ok := m[transfer]; ok {
		return d.tool("eu", str(t.m, "mechanism"))
	}
	return ""
}

func where(p map[string]any) []string {
	return uniq(append([]string{str(p, "country")}, strs(p, "locations")...))
}

func (d *differ) processors() {
	newTransfers, _ := byID(d.b, "transfers")
	d.compare("processors",
		func(p item) {
			s := fmt.Sprintf("New sub-processor: %s", name(p.m))
			if svc := str(p.m, "service"); svc != "" {
				s += " (" + svc + ")"
			}
			if w := where(p.m); len(w) > 0 {
				s += ", in " + d.countries(w)
			}
			if sg := d.safeguard(d.b, str(p.m, "transfer")); sg != "" {
				s += ", relying on " + sg
			}
			if added := str(p.m, "added"); added != "" {
				s += ", from " + added
			}
			d.add(at{new: []string{p.path}}, "processor", NewSubprocessor, "%s.", s)
		},
		func(p item) {
			d.add(at{old: []string{p.path}}, "processor", Removed, "Sub-processor removed: %s.", name(p.m))
		},
		func(o, n item) {
			if more := minus(where(n.m), where(o.m)); len(more) > 0 {
				d.add(at{[]string{n.path + ".country", n.path + ".locations"}, []string{o.path + ".country", o.path + ".locations"}},
					"processor", NewDestination, "%s now processes personal data in %s.", name(n.m), d.countries(more))
			}
			// A processor moved to another existing transfer. When its old
			// transfer was replaced, the replacement is reported once,
			// under transfers.
			ot, nt := str(o.m, "transfer"), str(n.m, "transfer")
			if _, kept := newTransfers[ot]; kept && ot != nt {
				if so, sn := d.safeguard(d.a, ot), d.safeguard(d.b, nt); so != sn && so != "" && sn != "" {
					d.add(field(o, n, "transfer"), "processor", SafeguardReplaced, "Transfers to %s now rely on %s instead of %s.", name(n.m), sn, so)
				}
			}
		})
}

func uniq(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// regimes are the two transfer regimes a transfer names a tool for.
var regimes = []struct{ key, id, from string }{
	{"mechanism", "eu", "the European Economic Area"},
	{"uk_mechanism", "uk", "the United Kingdom"},
}

// reached returns the destination countries of the transfers in s.
func reached(s snapshot) []string {
	var out []string
	for _, t := range list(s, "transfers") {
		out = append(out, strs(t, "destinations")...)
	}
	return uniq(out)
}

// toolPaths returns the paths a change of transfer t's tools concerns: its
// mechanisms and the processors that rely on it (the sub-processor list
// names each one's safeguard).
func toolPaths(s snapshot, t item) []string {
	return append([]string{t.path + ".mechanism", t.path + ".uk_mechanism"}, users(s, str(t.m, "id"), "processors.transfer")...)
}

// transfers reports the transfers of personal data abroad. A transfer
// that another replaces (a removed transfer and an added one to the same
// country, say the Privacy Shield and the Data Privacy Framework) is one
// change naming both tools; a country reached for the first time is a new
// destination; a country no longer reached, a removed destination.
func (d *differ) transfers() {
	oldReach, newReach := reached(d.a), reached(d.b)
	am, aorder := byID(d.a, "transfers")
	bm, border := byID(d.b, "transfers")
	var added, removed []item
	for _, id := range border {
		if _, ok := am[id]; !ok {
			added = append(added, bm[id])
		}
	}
	for _, id := range aorder {
		if _, ok := bm[id]; !ok {
			removed = append(removed, am[id])
		}
	}
	replaced := map[string]bool{} // removed transfers' paths that a new one replaces
	for _, t := range added {
		dests := strs(t.m, "destinations")
		if fresh := minus(dests, oldReach); len(fresh) > 0 {
			d.add(at{new: []string{t.path + ".destinations"}}, "transfer", NewDestination, "Personal data now goes to %s, relying on %s.",
				d.countries(fresh), d.tool("eu", str(t.m, "mechanism")))
		}
		known := minus(dests, minus(dests, oldReach))
		if len(known) == 0 {
			continue
		}
		// The removed transfers to the same countries are what it replaces.
		var old []item
		for _, r := range removed {
			if len(minus(known, strs(r.m, "destinations"))) < len(known) {
				old = append(old, r)
				replaced[r.path] = true
			}
		}
		if len(old) == 0 {
			d.add(at{new: toolPaths(d.b, t)}, "transfer", SafeguardAddedOrRemoved,
				"Transfers of data to %s may now also rely on %s.", d.toWhom(d.b, t.m, known), d.tool("eu", str(t.m, "mechanism")))
			continue
		}
		for _, r := range old {
			d.replacement(at{toolPaths(d.b, t), toolPaths(d.a, r)}, r.m, t.m, known)
		}
	}
	for _, r := range removed {
		dests := strs(r.m, "destinations")
		if gone := minus(dests, newReach); len(gone) > 0 {
			d.add(at{old: []string{r.path + ".destinations"}}, "transfer", DestinationRemoved, "Personal data no longer goes to %s.", d.countries(gone))
		}
		if kept := minus(dests, minus(dests, newReach)); len(kept) > 0 && !replaced[r.path] {
			d.add(at{old: toolPaths(d.a, r)}, "transfer", SafeguardAddedOrRemoved,
				"Transfers of data to %s no longer rely on %s.", d.toWhom(d.a, r.m, kept), d.tool("eu", str(r.m, "mechanism")))
		}
	}
	d.compare("transfers", nil, nil, func(o, n item) {
		if more := minus(strs(n.m, "destinations"), strs(o.m, "destinations")); len(more) > 0 {
			if fresh := minus(more, oldReach); len(fresh) > 0 {
				d.add(field(o, n, "destinations"), "transfer", NewDestination, "Personal data now goes to %s, relying on %s.",
					d.countries(fresh), d.tool("eu", str(n.m, "mechanism")))
			}
		}
		if gone := minus(minus(strs(o.m, "destinations"), strs(n.m, "destinations")), newReach); len(gone) > 0 {
			d.add(field(o, n, "destinations"), "transfer", DestinationRemoved, "Personal data no longer goes to %s.", d.countries(gone))
		}
		d.replacement(at{toolPaths(d.b, n), toolPaths(d.a, o)}, o.m, n.m, strs(n.m, "destinations"))
	})
}

// toWhom says where the data of a transfer goes: "the United States
// (recipients: Service providers)".
func (d *differ) toWhom(s snapshot, t map[string]any, countries []string) string {
	to := d.countries(countries)
	if rs := d.names(s, "recipients", strs(t, "recipients")); len(rs) > 0 {
		to += " (recipients: " + series(rs) + ")"
	}
	return to
}

// replacement reports, for each regime, a transfer tool that the new
// transfer n relies on instead of the old transfer o's.
func (d *differ) replacement(where at, o, n map[string]any, countries []string) {
	for _, rg := range regimes {
		om, nm := str(o, rg.key), str(n, rg.key)
		if om == nm || om == "" || nm == "" {
			continue
		}
		d.add(where, "transfer", SafeguardReplaced, "Transfers of data from %s to %s now rely on %s instead of %s.",
			rg.from, d.toWhom(d.b, n, countries), d.tool(rg.id, nm), d.tool(rg.id, om))
	}
}

func (d *differ) rights() {
	var o, n []string
	for _, r := range list(d.a, "rights.offered") {
		o = append(o, str(r, "right"))
	}
	for _, r := range list(d.b, "rights.offered") {
		n = append(n, str(r, "right"))
	}
	for _, r := range minus(n, o) {
		d.add(both("rights.offered"), "right", RightsChanged, "New right offered: %s.", strings.ReplaceAll(r, "_", " "))
	}
	for _, r := range minus(o, n) {
		d.add(both("rights.offered"), "right", RightsChanged, "Right no longer offered everywhere: %s.", strings.ReplaceAll(r, "_", " "))
	}
	methods := func(s snapshot) []string {
		var out []string
		for _, m := range list(s, "rights.request_methods") {
			out = append(out, strings.ReplaceAll(str(m, "type"), "_", " ")+" "+str(m, "value"))
		}
		return out
	}
	for _, m := range minus(methods(d.b), methods(d.a)) {
		d.add(both("rights.request_methods"), "request method", RightsChanged, "New way to make a request: %s.", m)
	}
	for _, m := range minus(methods(d.a), methods(d.b)) {
		d.add(both("rights.request_methods"), "request method", RightsChanged, "Request method removed: %s.", m)
	}
}

func (d *differ) sale() {
	for _, f := range []struct{ key, now, not string }{
		{"sells", "We now sell personal information.", "We no longer sell personal information."},
		{"shares", "We now share personal information for targeted advertising.", "We no longer share personal information for targeted advertising."},
	} {
		path := "california." + f.key
		o, n := str(d.a, path), str(d.b, path)
		switch {
		case o != "yes" && n == "yes":
			d.add(both(path), "sale", NewSaleOrSharing, "%s", f.now)
		case o == "yes" && n != "yes" && n != "":
			d.add(both(path), "sale", Removed, "%s", f.not)
		}
	}
}

func (d *differ) children() {
	o, n := get(d.a, "children.minimum_age"), get(d.b, "children.minimum_age")
	if o != nil && n != nil && o != n {
		d.add(both("children.minimum_age"), "children", WordingChanged, "Our services are now for people aged %v and over (before: %v).", n, o)
	}
	if str(d.a, "children.directed_to_children") != "yes" && str(d.b, "children.directed_to_children") == "yes" {
		d.add(both("children.directed_to_children"), "children", DirectedToChildren, "Some of our services are now directed to children.")
	}
}

func (d *differ) automated() {
	o, n := str(d.a, "automated_decisions.solely_automated"), str(d.b, "automated_decisions.solely_automated")
	if o != "yes" && n == "yes" {
		d.add(both("automated_decisions.solely_automated"), "automated decisions", NewAutomatedDecisions, "We now make decisions about people by automated means.")
	}
}

func (d *differ) contact() {
	for _, f := range []struct{ path, added, changed string }{
		{"organization.privacy_contact", "We now give a privacy contact.", "Our privacy contact details changed."},
		{"organization.dpo", "We now have a Data Protection Officer.", "Our Data Protection Officer's contact details changed."},
		{"organization.representatives", "We now name representatives in Europe.", "Our representatives' details changed."},
		{"organization.complaints", "You can now complain to us directly, and we say how.", "How to complain to us changed."},
	} {
		o, n := get(d.a, f.path), get(d.b, f.path)
		switch {
		case o == nil && n != nil:
			d.add(both(f.path), "contact", ContactChanged, "%s", f.added)
		case o != nil && n != nil && !reflect.DeepEqual(o, n):
			d.add(both(f.path), "contact", ContactChanged, "%s", f.changed)
		}
	}
	if o, n := get(d.a, "organization.dpf"), get(d.b, "organization.dpf"); o == nil && n != nil {
		d.add(both("organization.dpf"), "transfer", SafeguardAddedOrRemoved, "We are now certified under the EU-U.S. Data Privacy Framework.")
	}
}

func (d *differ) sections() {
	d.compare("sections",
		func(s item) {
			d.add(at{new: []string{s.path}}, "section", WordingChanged, "New section: %s.", str(s.m, "title"))
		},
		func(s item) {
			d.add(at{old: []string{s.path}}, "section", WordingChanged, "Section removed: %s.", str(s.m, "title"))
		},
		func(o, n item) {
			d.add(at{[]string{n.path}, []string{o.path}}, "section", WordingChanged, "The section “%s” was reworded.", str(n.m, "title"))
		})
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

// For keeps the changes that a notice's text concerns: those whose data
// paths a section of the new version uses (notice.Section.Trace), or, for
// what was removed or changed, a section of the old version. Either
// document may be nil (a notice first published, or withdrawn). A path is
// used by a section that traces it, a value inside it (processors[2] is
// used by a section tracing processors[2].country) or a value around it
// (transfers[0].mechanism by one tracing transfers).
func For(cs []Change, old, new *notice.Document) []Change {
	oldUsed, newUsed := traced(old), traced(new)
	oldText, newText := lowerText(old), lowerText(new)
	var out []Change
	for _, c := range cs {
		if usesAny(newUsed, c.Paths) || usesAny(oldUsed, c.OldPaths) || names(newText, c.Names) || names(oldText, c.OldNames) {
			out = append(out, c)
		}
	}
	return out
}

// lowerText is the text of a notice's sections, lower-cased, for finding
// the names of items in it.
func lowerText(doc *notice.Document) string {
	if doc == nil {
		return ""
	}
	var b strings.Builder
	var block func(notice.Block)
	block = func(bl notice.Block) {
		switch bl := bl.(type) {
		case *notice.Paragraph:
			b.WriteString(string(bl.Text) + "\n")
		case *notice.List:
			for _, it := range bl.Items {
				b.WriteString(string(it) + "\n")
			}
		case *notice.Definitions:
			for _, it := range bl.Items {
				b.WriteString(string(it.Term) + " " + string(it.Text) + "\n")
			}
		case *notice.Table:
			b.WriteString(bl.Caption + "\n" + strings.Join(bl.Head, "\n") + "\n")
			for _, row := range bl.Rows {
				for _, c := range row {
					b.WriteString(string(c) + "\n")
				}
			}
		case *notice.Prose:
			b.WriteString(bl.Markdown + "\n")
		case *notice.Aside:
			b.WriteString(bl.Title + "\n")
			for _, c := range bl.Blocks {
				block(c)
			}
		}
	}
	doc.Walk(func(s *notice.Section, _ int) {
		b.WriteString(s.Title + "\n")
		for _, bl := range s.Blocks {
			block(bl)
		}
	})
	return strings.ToLower(b.String())
}

// names reports whether text (lower-cased) names any of names, as written
// in the data or as escaped for Markdown, as whole words: "Ads" is not named
// by "downloads".
func names(text string, names []string) bool {
	for _, n := range names {
		if n == "" {
			continue
		}
		if containsWords(text, strings.ToLower(n)) || containsWords(text, strings.ToLower(string(notice.Plain(n)))) {
			return true
		}
	}
	return false
}

// containsWords reports whether text contains sub with no letter or digit
// touching it on either side.
func containsWords(text, sub string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(sub):])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		from = i + 1
	}
}

func wordRune(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// traced returns every data path the sections of doc use.
func traced(doc *notice.Document) []string {
	if doc == nil {
		return nil
	}
	var out []string
	doc.Walk(func(s *notice.Section, _ int) { out = append(out, s.Trace.Paths...) })
	return out
}

func usesAny(used, paths []string) bool {
	for _, p := range paths {
		for _, u := range used {
			if p == u || inside(p, u) || inside(u, p) {
				return true
			}
		}
	}
	return false
}

// inside reports whether path p is a value inside the value at root.
func inside(p, root string) bool {
	return len(p) > len(root) && strings.HasPrefix(p, root) && (p[len(root)] == '.' || p[len(root)] == '[')
}

// Words counts words for a sentence: "1 word", "2 words".
func Words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", n)
}
