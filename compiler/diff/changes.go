package diff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Change is one change between two versions of the data, as a sentence a
// visitor understands.
type Change struct {
	// Area is what changed: processor, purpose, category, recipient,
	// transfer, retention, right, request method, sale, children, contact,
	// section or notice.
	Area string `json:"area"`
	// Sentence says what changed.
	Sentence string `json:"sentence"`
	// Material is true for a change people must be told about in advance.
	Material bool `json:"material"`
	// Reason says why the change is material or minor (see Rules).
	Reason string `json:"reason"`
}

// Rules is the materiality rule table: each reason, and whether changes
// for it are material. The README shows it.
var Rules = []struct {
	Reason   string
	Material bool
}{
	{"new purpose", true},
	{"data used for more purposes", true},
	{"new category of personal data", true},
	{"new recipient", true},
	{"new sub-processor", true},
	{"new destination country", true},
	{"new sale or sharing", true},
	{"longer retention", true},
	{"legal basis changed", true},
	{"new automated decision-making", true},
	{"service directed to children", true},
	{"purpose, category, recipient or processor removed", false},
	{"transfer safeguard replaced", false},
	{"shorter retention", false},
	{"rights or request methods changed", false},
	{"contact details changed", false},
	{"wording changed", false},
}

func material(reason string) bool {
	for _, r := range Rules {
		if r.Reason == reason {
			return r.Material
		}
	}
	return false
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
// the changes, in a fixed order: by area, then as the items appear.
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

func (d *differ) add(area, reason, format string, args ...any) {
	d.out = append(d.out, Change{Area: area, Sentence: fmt.Sprintf(format, args...), Material: material(reason), Reason: reason})
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

// byID indexes a collection by id, keeping the order.
func byID(items []any) (map[string]map[string]any, []string) {
	m := map[string]map[string]any{}
	var order []string
	for _, it := range items {
		mm, ok := it.(map[string]any)
		if !ok {
			continue
		}
		id, _ := mm["id"].(string)
		m[id] = mm
		order = append(order, id)
	}
	return m, order
}

// compare calls added, removed and both for the items of a collection.
func (d *differ) compare(path string, added, removed func(map[string]any), both func(old, new map[string]any)) {
	am, aorder := byID(list(d.a, path))
	bm, border := byID(list(d.b, path))
	for _, id := range border {
		if old, ok := am[id]; ok {
			if both != nil && !reflect.DeepEqual(old, bm[id]) {
				both(old, bm[id])
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

func name(m map[string]any) string {
	if n := str(m, "name"); n != "" {
		return n
	}
	return str(m, "id")
}

// names returns the names of the items of collection with the given ids.
func (d *differ) names(s snapshot, collection string, ids []string) []string {
	m, _ := byID(list(s, collection))
	var out []string
	org := str(s, "organization.name")
	for _, id := range ids {
		if it, ok := m[id]; ok {
			n := name(it)
			if org == "" || !strings.HasPrefix(n, org) { // keep the company's own name capitalised
				n = lower(n)
			}
			out = append(out, n)
		} else {
			out = append(out, id)
		}
	}
	return out
}

func lower(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return string(s[0]-'A'+'a') + s[1:]
	}
	return s
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
		out = append(out, basisNames[id])
	}
	return series(out)
}

func (d *differ) purposes() {
	d.compare("purposes",
		func(p map[string]any) {
			d.add("purpose", "new purpose", "New purpose: %s (%s).", name(p), bases(strs(p, "legal_bases")))
		},
		func(p map[string]any) {
			d.add("purpose", "purpose, category, recipient or processor removed", "We no longer use personal data to %s.", lower(name(p)))
		},
		func(o, n map[string]any) {
			if ob, nb := strs(o, "legal_bases"), strs(n, "legal_bases"); !slices.Equal(ob, nb) {
				d.add("purpose", "legal basis changed", "%s now relies on %s instead of %s.", name(n), bases(nb), bases(ob))
			}
			if more := minus(strs(n, "categories"), strs(o, "categories")); len(more) > 0 {
				d.add("purpose", "data used for more purposes", "%s now also uses %s.", name(n), series(d.names(d.b, "categories", more)))
			}
			if more := minus(strs(n, "recipients"), strs(o, "recipients")); len(more) > 0 {
				d.add("purpose", "new recipient", "For %s, personal data now also goes to %s.", lower(name(n)), series(d.names(d.b, "recipients", more)))
			}
			if str(o, "legitimate_interest") != str(n, "legitimate_interest") && slices.Contains(strs(n, "legal_bases"), "legitimate_interests") && str(o, "legitimate_interest") != "" {
				d.add("purpose", "wording changed", "The legitimate interest behind %s is described differently.", lower(name(n)))
			}
			if str(o, "description") != str(n, "description") {
				d.add("purpose", "wording changed", "The description of %s changed.", lower(name(n)))
			}
		})
}

func (d *differ) categories() {
	d.compare("categories",
		func(c map[string]any) {
			d.add("category", "new category of personal data", "New category of personal data: %s.", name(c))
		},
		func(c map[string]any) {
			d.add("category", "purpose, category, recipient or processor removed", "We no longer collect %s.", lower(name(c)))
		},
		func(o, n map[string]any) {
			if str(o, "retention") != str(n, "retention") {
				d.retentionChange(name(n), d.retentionText(d.a, str(o, "retention")), d.retentionText(d.b, str(n, "retention")),
					d.days(d.a, str(o, "retention")), d.days(d.b, str(n, "retention")))
			}
			if more := minus(strs(n, "sources"), strs(o, "sources")); len(more) > 0 {
				d.add("category", "new category of personal data", "We now also get %s from %s.", lower(name(n)), series(d.names(d.b, "sources", more)))
			}
		})
}

func (d *differ) retentionText(s snapshot, id string) string {
	m, _ := byID(list(s, "retention"))
	r := m[id]
	if p := str(r, "period"); p != "" {
		return p
	}
	if r != nil {
		return "as set by our criteria"
	}
	return id
}

// days returns the approximate length of a retention rule's period, or -1.
func (d *differ) days(s snapshot, id string) int {
	m, _ := byID(list(s, "retention"))
	var n int
	var unit string
	if _, err := fmt.Sscanf(str(m[id], "period"), "%d %s", &n, &unit); err != nil {
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

func (d *differ) retentionChange(what, old, new string, oldDays, newDays int) {
	reason := "longer retention"
	if oldDays >= 0 && newDays >= 0 && newDays <= oldDays {
		reason = "shorter retention"
	}
	d.add("retention", reason, "Retention of %s: %s → %s.", lower(what), old, new)
}

func (d *differ) retention() {
	d.compare("retention", nil, nil, func(o, n map[string]any) {
		if str(o, "period") != str(n, "period") || str(o, "from") != str(n, "from") {
			d.retentionChange(name(n), d.retentionText(d.a, str(o, "id")), d.retentionText(d.b, str(n, "id")),
				d.days(d.a, str(o, "id")), d.days(d.b, str(n, "id")))
		} else if str(o, "criteria") != str(n, "criteria") {
			d.add("retention", "wording changed", "The criteria for keeping %s are described differently.", lower(name(n)))
		}
	})
}

func (d *differ) recipients() {
	d.compare("recipients",
		func(r map[string]any) { d.add("recipient", "new recipient", "New recipient: %s.", name(r)) },
		func(r map[string]any) {
			d.add("recipient", "purpose, category, recipient or processor removed", "We no longer disclose personal data to %s.", lower(name(r)))
		},
		func(o, n map[string]any) {
			if more := minus(strs(n, "categories"), strs(o, "categories")); len(more) > 0 {
				d.add("recipient", "new recipient", "%s now also receive %s.", name(n), series(d.names(d.b, "categories", more)))
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
	m, _ := byID(list(s, "transfers"))
	if t, ok := m[transfer]; ok {
		return d.tool("eu", str(t, "mechanism"))
	}
	return ""
}

func (d *differ) processors() {
	d.compare("processors",
		func(p map[string]any) {
			where := append([]string{str(p, "country")}, strs(p, "locations")...)
			parts := []string{name(p), lower(str(p, "service")), d.countries(uniq(where))}
			if sg := d.safeguard(d.b, str(p, "transfer")); sg != "" {
				parts = append(parts, sg)
			}
			s := "New sub-processor: " + strings.Join(parts, ", ")
			if added := str(p, "added"); added != "" {
				s += ", from " + added
			}
			d.add("processor", "new sub-processor", "%s.", s)
		},
		func(p map[string]any) {
			d.add("processor", "purpose, category, recipient or processor removed", "Sub-processor removed: %s.", name(p))
		},
		func(o, n map[string]any) {
			ow := uniq(append([]string{str(o, "country")}, strs(o, "locations")...))
			nw := uniq(append([]string{str(n, "country")}, strs(n, "locations")...))
			if more := minus(nw, ow); len(more) > 0 {
				d.add("processor", "new destination country", "%s now processes personal data in %s.", name(n), d.countries(more))
			}
			// A processor moved to another transfer; a change of the
			// transfer's own safeguard is reported once, under transfers.
			if so, sn := d.safeguard(d.a, str(o, "transfer")), d.safeguard(d.b, str(n, "transfer")); str(o, "transfer") != str(n, "transfer") && so != sn && so != "" && sn != "" {
				d.add("processor", "transfer safeguard replaced", "Transfers to %s now rely on %s instead of %s.", name(n), sn, so)
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

func (d *differ) transfers() {
	d.compare("transfers",
		func(t map[string]any) {
			d.add("transfer", "new destination country", "Personal data now goes to %s, relying on %s.",
				d.countries(strs(t, "destinations")), d.tool("eu", str(t, "mechanism")))
		},
		nil,
		func(o, n map[string]any) {
			if more := minus(strs(n, "destinations"), strs(o, "destinations")); len(more) > 0 {
				d.add("transfer", "new destination country", "Personal data now goes to %s, relying on %s.",
					d.countries(more), d.tool("eu", str(n, "mechanism")))
			}
			for _, regime := range []struct{ key, name string }{{"mechanism", "eu"}, {"uk_mechanism", "uk"}} {
				om, nm := str(o, regime.key), str(n, regime.key)
				if om != nm && om != "" && nm != "" {
					who := "the European Economic Area"
					if regime.name == "uk" {
						who = "the United Kingdom"
					}
					to := d.countries(strs(n, "destinations"))
					if rs := d.names(d.b, "recipients", strs(n, "recipients")); len(rs) > 0 {
						to = series(rs) + " in " + to
					}
					d.add("transfer", "transfer safeguard replaced", "Transfers of data from %s to %s now rely on %s instead of %s.",
						who, to, d.tool(regime.name, nm), d.tool(regime.name, om))
				}
			}
		})
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
		d.add("right", "rights or request methods changed", "New right offered: %s.", strings.ReplaceAll(r, "_", " "))
	}
	for _, r := range minus(o, n) {
		d.add("right", "rights or request methods changed", "Right no longer offered everywhere: %s.", strings.ReplaceAll(r, "_", " "))
	}
	methods := func(s snapshot) []string {
		var out []string
		for _, m := range list(s, "rights.request_methods") {
			out = append(out, strings.ReplaceAll(str(m, "type"), "_", " ")+" "+str(m, "value"))
		}
		return out
	}
	for _, m := range minus(methods(d.b), methods(d.a)) {
		d.add("request method", "rights or request methods changed", "New way to make a request: %s.", m)
	}
	for _, m := range minus(methods(d.a), methods(d.b)) {
		d.add("request method", "rights or request methods changed", "Request method removed: %s.", m)
	}
}

func (d *differ) sale() {
	for _, f := range []struct{ key, now, not string }{
		{"sells", "We now sell personal information.", "We no longer sell personal information."},
		{"shares", "We now share personal information for targeted advertising.", "We no longer share personal information for targeted advertising."},
	} {
		o, n := str(d.a, "california."+f.key), str(d.b, "california."+f.key)
		switch {
		case o != "yes" && n == "yes":
			d.add("sale", "new sale or sharing", "%s", f.now)
		case o == "yes" && n != "yes" && n != "":
			d.add("sale", "purpose, category, recipient or processor removed", "%s", f.not)
		}
	}
}

func (d *differ) children() {
	o, n := get(d.a, "children.minimum_age"), get(d.b, "children.minimum_age")
	if o != nil && n != nil && o != n {
		d.add("children", "wording changed", "Our services are now for people aged %v and over (before: %v).", n, o)
	}
	if str(d.a, "children.directed_to_children") != "yes" && str(d.b, "children.directed_to_children") == "yes" {
		d.add("children", "service directed to children", "Some of our services are now directed to children.")
	}
}

func (d *differ) automated() {
	o, n := str(d.a, "automated_decisions.solely_automated"), str(d.b, "automated_decisions.solely_automated")
	if o != "yes" && n == "yes" {
		d.add("automated decisions", "new automated decision-making", "We now make decisions about people by automated means.")
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
			d.add("contact", "contact details changed", "%s", f.added)
		case o != nil && n != nil && !reflect.DeepEqual(o, n):
			d.add("contact", "contact details changed", "%s", f.changed)
		}
	}
	if o, n := get(d.a, "organization.dpf"), get(d.b, "organization.dpf"); o == nil && n != nil {
		d.add("transfer", "transfer safeguard replaced", "We are now certified under the EU-U.S. Data Privacy Framework.")
	}
}

func (d *differ) sections() {
	d.compare("sections",
		func(s map[string]any) {
			d.add("section", "wording changed", "New section: %s.", str(s, "title"))
		},
		func(s map[string]any) {
			d.add("section", "wording changed", "Section removed: %s.", str(s, "title"))
		},
		func(o, n map[string]any) {
			d.add("section", "wording changed", "The section %q was reworded.", str(n, "title"))
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

// For keeps the changes a notice's readers are told about: the
// sub-processor list reports processors only; the California notice leaves
// them out (it names recipients by category); the others report all.
func For(noticeID string, cs []Change) []Change {
	var out []Change
	for _, c := range cs {
		switch {
		case noticeID == "subprocessors" && c.Area != "processor":
		case noticeID == "california" && c.Area == "processor":
		default:
			out = append(out, c)
		}
	}
	return out
}
