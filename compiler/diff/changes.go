package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Changes compares two versions of a project's core data (the model's own
// fields; each rule pack compares its own, jurisdiction.ChangeReporter) and
// returns the changes, each with its place in the list (change.Order) and
// the data paths it concerns (see For). names may be nil.
func Changes(old, new *model.Project, names *change.Names) []change.Change {
	if old == nil {
		old = &model.Project{}
	}
	if new == nil {
		new = &model.Project{}
	}
	d := &differ{a: old, b: new, n: names}
	d.purposes()
	d.categories()
	d.retention()
	d.recipients()
	d.processors()
	d.rights()
	d.children()
	d.automated()
	d.contact()
	d.sections()
	return d.out
}

type differ struct {
	a, b *model.Project
	n    *change.Names
	out  change.List
}

func purposeID(p *model.Purpose) string     { return p.ID }
func categoryID(c *model.Category) string   { return c.ID }
func retentionID(r *model.Retention) string { return r.ID }
func recipientID(r *model.Recipient) string { return r.ID }
func processorID(p *model.Processor) string { return p.ID }
func sectionID(s *model.Section) string     { return s.ID }

// item says a change concerns a whole item.
func item[T any](it change.Item[T], name string, removed bool) change.At {
	if removed {
		return change.At{Old: []string{it.Path}, OldName: name}
	}
	return change.At{New: []string{it.Path}, NewName: name}
}

// field says a change concerns a field of an item in both versions.
func field[T any](o, n change.Item[T], f string) change.At {
	return change.At{New: []string{n.Path + "." + f}, Old: []string{o.Path + "." + f}}
}

func both(path string) change.At { return change.At{New: []string{path}, Old: []string{path}} }

// names returns the names of the items of a collection with the given ids,
// as written in the data.
func namesOf[T any](list []T, id func(T) string, name func(T) string, ids []string) []string {
	var out []string
	for _, want := range ids {
		found := want
		for _, x := range list {
			if id(x) == want {
				found = change.NameOr(name(x), want)
				break
			}
		}
		out = append(out, found)
	}
	return out
}

func purposeName(p *model.Purpose) string     { return change.NameOr(p.Name, p.ID) }
func categoryName(c *model.Category) string   { return change.NameOr(c.Name, c.ID) }
func retentionName(r *model.Retention) string { return change.NameOr(r.Name, r.ID) }
func recipientName(r *model.Recipient) string { return change.NameOr(r.Name, r.ID) }
func processorName(p *model.Processor) string { return change.NameOr(p.Name, p.ID) }
func sourceName(s *model.Source) string       { return change.NameOr(s.Name, s.ID) }
func sourceID(s *model.Source) string         { return s.ID }

func (d *differ) purposes() {
	at := func(i int, removed bool, step int) change.Order {
		return change.Order{Part: change.Purposes, Removed: removed, Item: i, Step: step}
	}
	change.Match("purposes", d.a.Purposes, d.b.Purposes, purposeID,
		func(p change.Item[*model.Purpose]) {
			s := purposeName(p.V)
			if d.n != nil && d.n.Basis != nil {
				if b := d.n.Basis(p.V); b != "" {
					s += " (" + b + ")"
				}
			}
			d.out.Add(at(p.Index, false, 0), item(p, p.V.Name, false), "purpose", change.NewPurpose, "New purpose: %s.", s)
		},
		func(p change.Item[*model.Purpose]) {
			d.out.Add(at(p.Index, true, 0), item(p, p.V.Name, true), "purpose", change.Removed, "Purpose removed: %s.", purposeName(p.V))
		},
		func(o, n change.Item[*model.Purpose]) {
			q := change.Quoted(purposeName(n.V))
			if more := change.Minus(n.V.Categories, o.V.Categories); len(more) > 0 {
				d.out.Add(at(n.Index, false, StepCategories), field(o, n, "categories"), "purpose", change.MorePurposes, "The purpose %s now also uses: %s.", q,
					change.Series(namesOf(d.b.Categories, categoryID, categoryName, more)))
			}
			if more := change.Minus(n.V.Recipients, o.V.Recipients); len(more) > 0 {
				d.out.Add(at(n.Index, false, StepRecipients), field(o, n, "recipients"), "purpose", change.NewRecipient, "For the purpose %s, personal data now also goes to: %s.", q,
					change.Series(namesOf(d.b.Recipients, recipientID, recipientName, more)))
			}
			if o.V.Description != n.V.Description {
				d.out.Add(at(n.Index, false, StepDescription), field(o, n, "description"), "purpose", change.WordingChanged, "The description of the purpose %s changed.", q)
			}
		})
}

// The steps of a changed purpose's changes: a pack's changes to a purpose
// take the steps between (the eu pack's legal bases come first, its
// legitimate interest after the recipients).
const (
	StepCategories  = 10
	StepRecipients  = 20
	StepDescription = 40
)

func (d *differ) categories() {
	at := func(i int, removed bool, step int) change.Order {
		return change.Order{Part: change.Categories, Removed: removed, Item: i, Step: step}
	}
	change.Match("categories", d.a.Categories, d.b.Categories, categoryID,
		func(c change.Item[*model.Category]) {
			d.out.Add(at(c.Index, false, 0), item(c, c.V.Name, false), "category", change.NewCategory, "New category of personal data: %s.", categoryName(c.V))
		},
		func(c change.Item[*model.Category]) {
			d.out.Add(at(c.Index, true, 0), item(c, c.V.Name, true), "category", change.Removed, "Category of personal data removed: %s.", categoryName(c.V))
		},
		func(o, n change.Item[*model.Category]) {
			if o.V.Retention != n.V.Retention {
				d.retentionChange(at(n.Index, false, 0), field(o, n, "retention"), change.Quoted(categoryName(n.V)),
					retentionText(d.a, o.V.Retention), retentionText(d.b, n.V.Retention), days(d.a, o.V.Retention), days(d.b, n.V.Retention))
			}
			if more := change.Minus(n.V.Sources, o.V.Sources); len(more) > 0 {
				d.out.Add(at(n.Index, false, 1), field(o, n, "sources"), "category", change.NewCategory, "New sources of %s: %s.", change.Quoted(categoryName(n.V)),
					change.Series(namesOf(d.b.Sources, sourceID, sourceName, more)))
			}
		})
}

func findRetention(p *model.Project, id string) *model.Retention {
	for _, r := range p.Retention {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func retentionText(p *model.Project, id string) string {
	r := findRetention(p, id)
	if r == nil {
		return id
	}
	if r.Period != "" {
		return string(r.Period)
	}
	return "as set by our criteria"
}

// days returns the approximate length of a retention rule's period, or -1.
func days(p *model.Project, id string) int {
	var period string
	if r := findRetention(p, id); r != nil {
		period = string(r.Period)
	}
	var n int
	var unit string
	if _, err := fmt.Sscanf(period, "%d %s", &n, &unit); err != nil {
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

func (d *differ) retentionChange(o change.Order, where change.At, what, old, new string, oldDays, newDays int) {
	reason := change.LongerRetention
	if oldDays >= 0 && newDays >= 0 && newDays <= oldDays {
		reason = change.ShorterRetention
	}
	d.out.Add(o, where, "retention", reason, "Retention of %s: %s → %s.", what, old, new)
}

// users returns the paths of the categories' and purposes' retention
// fields that name retention rule id.
func users(p *model.Project, id string) []string {
	var out []string
	for i, c := range p.Categories {
		if c.Retention == id {
			out = append(out, model.Index("categories", i)+".retention")
		}
	}
	for i, pu := range p.Purposes {
		if pu.Retention == id {
			out = append(out, model.Index("purposes", i)+".retention")
		}
	}
	return out
}

func (d *differ) retention() {
	change.Match("retention", d.a.Retention, d.b.Retention, retentionID, nil, nil, func(o, n change.Item[*model.Retention]) {
		id := n.V.ID
		where := change.At{New: append([]string{n.Path}, users(d.b, id)...), Old: append([]string{o.Path}, users(d.a, id)...), NewName: n.V.Name, OldName: o.V.Name}
		ord := change.Order{Part: change.Retention, Item: n.Index}
		q := change.Quoted(retentionName(n.V))
		if o.V.Period != n.V.Period || o.V.From != n.V.From {
			d.retentionChange(ord, where, q, retentionText(d.a, id), retentionText(d.b, id), days(d.a, id), days(d.b, id))
		} else if o.V.Criteria != n.V.Criteria {
			d.out.Add(ord, where, "retention", change.WordingChanged, "The criteria for keeping %s are described differently.", q)
		}
	})
}

func (d *differ) recipients() {
	at := func(i int, removed bool) change.Order {
		return change.Order{Part: change.Recipients, Removed: removed, Item: i}
	}
	change.Match("recipients", d.a.Recipients, d.b.Recipients, recipientID,
		func(r change.Item[*model.Recipient]) {
			d.out.Add(at(r.Index, false), item(r, r.V.Name, false), "recipient", change.NewRecipient, "New recipient: %s.", recipientName(r.V))
		},
		func(r change.Item[*model.Recipient]) {
			d.out.Add(at(r.Index, true), item(r, r.V.Name, true), "recipient", change.Removed, "Recipient removed: %s.", recipientName(r.V))
		},
		func(o, n change.Item[*model.Recipient]) {
			if more := change.Minus(n.V.Categories, o.V.Categories); len(more) > 0 {
				d.out.Add(at(n.Index, false), field(o, n, "categories"), "recipient", change.NewRecipient, "More personal data now goes to %s: %s.", change.Quoted(recipientName(n.V)),
					change.Series(namesOf(d.b.Categories, categoryID, categoryName, more)))
			}
		})
}

// Where returns the countries a processor processes personal data in.
func Where(p *model.Processor) []string {
	return change.Uniq(append([]string{p.Country}, p.Locations...))
}

func (d *differ) processors() {
	at := func(i int, removed bool) change.Order {
		return change.Order{Part: change.Processors, Removed: removed, Item: i}
	}
	change.Match("processors", d.a.Processors, d.b.Processors, processorID,
		func(p change.Item[*model.Processor]) {
			s := fmt.Sprintf("New sub-processor: %s", processorName(p.V))
			if p.V.Service != "" {
				s += " (" + p.V.Service + ")"
			}
			if w := Where(p.V); len(w) > 0 {
				s += ", in " + d.n.Countries(w)
			}
			if d.n != nil && d.n.Safeguard != nil {
				if sg := d.n.Safeguard(d.b, p.V.Transfer); sg != "" {
					s += ", relying on " + sg
				}
			}
			if p.V.Added != "" {
				s += ", from " + string(p.V.Added)
			}
			d.out.Add(at(p.Index, false), item(p, p.V.Name, false), "processor", change.NewSubprocessor, "%s.", s)
		},
		func(p change.Item[*model.Processor]) {
			d.out.Add(at(p.Index, true), item(p, p.V.Name, true), "processor", change.Removed, "Sub-processor removed: %s.", processorName(p.V))
		},
		func(o, n change.Item[*model.Processor]) {
			if more := change.Minus(Where(n.V), Where(o.V)); len(more) > 0 {
				d.out.Add(at(n.Index, false), change.At{New: []string{n.Path + ".country", n.Path + ".locations"}, Old: []string{o.Path + ".country", o.Path + ".locations"}},
					"processor", change.NewDestination, "%s now processes personal data in %s.", processorName(n.V), d.n.Countries(more))
			}
		})
}

func (d *differ) rights() {
	at := change.Order{Part: change.Rights}
	var o, n []string
	if d.a.Rights != nil {
		for _, r := range d.a.Rights.Offered {
			o = append(o, r.Right)
		}
	}
	if d.b.Rights != nil {
		for _, r := range d.b.Rights.Offered {
			n = append(n, r.Right)
		}
	}
	for _, r := range change.Minus(n, o) {
		d.out.Add(at, both("rights.offered"), "right", change.RightsChanged, "New right offered: %s.", strings.ReplaceAll(r, "_", " "))
	}
	for _, r := range change.Minus(o, n) {
		d.out.Add(at, both("rights.offered"), "right", change.RightsChanged, "Right no longer offered everywhere: %s.", strings.ReplaceAll(r, "_", " "))
	}
	methods := func(p *model.Project) []string {
		var out []string
		if p.Rights != nil {
			for _, m := range p.Rights.RequestMethods {
				out = append(out, strings.ReplaceAll(m.Type, "_", " ")+" "+m.Value)
			}
		}
		return out
	}
	for _, m := range change.Minus(methods(d.b), methods(d.a)) {
		d.out.Add(at, both("rights.request_methods"), "request method", change.RightsChanged, "New way to make a request: %s.", m)
	}
	for _, m := range change.Minus(methods(d.a), methods(d.b)) {
		d.out.Add(at, both("rights.request_methods"), "request method", change.RightsChanged, "Request method removed: %s.", m)
	}
}

func (d *differ) children() {
	at := change.Order{Part: change.Children}
	o, n := d.a.Children, d.b.Children
	if o != nil && n != nil && o.MinimumAge != 0 && n.MinimumAge != 0 && o.MinimumAge != n.MinimumAge {
		d.out.Add(at, both("children.minimum_age"), "children", change.WordingChanged, "Our services are now for people aged %v and over (before: %v).", n.MinimumAge, o.MinimumAge)
	}
	if (o == nil || !o.DirectedToChildren.IsYes()) && n != nil && n.DirectedToChildren.IsYes() {
		d.out.Add(at, both("children.directed_to_children"), "children", change.DirectedToChildren, "Some of our services are now directed to children.")
	}
}

func (d *differ) automated() {
	o, n := d.a.AutomatedDecisions, d.b.AutomatedDecisions
	if (o == nil || !o.SolelyAutomated.IsYes()) && n != nil && n.SolelyAutomated.IsYes() {
		d.out.Add(change.Order{Part: change.Automated}, both("automated_decisions.solely_automated"), "automated decisions", change.NewAutomatedDecisions, "We now make decisions about people by automated means.")
	}
}

// StepPrivacyContact is the step of the privacy contact's changes among
// the contacts (a pack's contacts, such as the eu pack's DPO, follow it).
const StepPrivacyContact = 0

func (d *differ) contact() {
	var o, n *model.Contact
	if d.a.Organization != nil {
		o = d.a.Organization.PrivacyContact
	}
	if d.b.Organization != nil {
		n = d.b.Organization.PrivacyContact
	}
	at := change.Order{Part: change.Contacts, Step: StepPrivacyContact}
	switch {
	case o == nil && n != nil:
		d.out.Add(at, both("organization.privacy_contact"), "contact", change.ContactChanged, "We now give a privacy contact.")
	case o != nil && n != nil && !change.Same(o, n):
		d.out.Add(at, both("organization.privacy_contact"), "contact", change.ContactChanged, "Our privacy contact details changed.")
	}
}

func (d *differ) sections() {
	at := func(i int, removed bool) change.Order {
		return change.Order{Part: change.Sections, Removed: removed, Item: i}
	}
	change.Match("sections", d.a.Sections, d.b.Sections, sectionID,
		func(s change.Item[*model.Section]) {
			d.out.Add(at(s.Index, false), change.At{New: []string{s.Path}}, "section", change.WordingChanged, "New section: %s.", s.V.Title)
		},
		func(s change.Item[*model.Section]) {
			d.out.Add(at(s.Index, true), change.At{Old: []string{s.Path}}, "section", change.WordingChanged, "Section removed: %s.", s.V.Title)
		},
		func(o, n change.Item[*model.Section]) {
			if !change.Same(o.V, n.V) {
				d.out.Add(at(n.Index, false), change.At{New: []string{n.Path}, Old: []string{o.Path}}, "section", change.WordingChanged, "The section “%s” was reworded.", n.V.Title)
			}
		})
}

// For keeps the changes that a notice's text concerns: those whose data
// paths a section of the new version uses (notice.Section.Trace), or, for
// what was removed or changed, a section of the old version. Either
// document may be nil (a notice first published, or withdrawn). A path is
// used by a section that traces it, a value inside it (processors[2] is
// used by a section tracing processors[2].country) or a value around it
// (transfers[0].mechanism by one tracing transfers).
//
// A change a rule pack reports (Change.Pack) is the pack's notice's; another
// notice has it through a path of the core model as above (a transfer's
// destinations), but through a path of a pack's own key only when its text
// traces that value, or a value inside it: the global policy tracing
// transfers[0] does not state the LGPD tool at transfers[0].lgpd_mechanism.
func For(cs []change.Change, old, new *notice.Document) []change.Change {
	oldUsed, newUsed := traced(old), traced(new)
	oldText, newText := lowerText(old), lowerText(new)
	id := ""
	for _, d := range []*notice.Document{new, old} {
		if d != nil && id == "" {
			id = d.ID
		}
	}
	var out []change.Change
	for _, c := range cs {
		if c.Pack != "" && c.Pack != id {
			if usesOwn(sectionTraces(new), c.Paths) || usesOwn(sectionTraces(old), c.OldPaths) {
				out = append(out, c)
			}
			continue
		}
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

// usesOwn reports whether a section of a notice uses one of paths: a core
// model key as usesAny says; any other key (a rule pack's) by tracing it or
// a value inside it, or by tracing a value around it that the section
// traces as a whole (no value inside it traced): a version frozen when its pack traced
// "transfers" whole states every transfer's tools, one tracing
// transfers[0].mechanism states only that.
func usesOwn(sections [][]string, paths []string) bool {
	for _, used := range sections {
		for _, p := range paths {
			if coreKeys[leaf(p)] && usesAny(used, []string{p}) || usesItself(used, []string{p}) {
				return true
			}
			for _, u := range used {
				if inside(p, u) && !slices.ContainsFunc(used, func(v string) bool { return inside(v, u) }) {
					return true
				}
			}
		}
	}
	return false
}

// sectionTraces are the traces of each section of doc.
func sectionTraces(doc *notice.Document) [][]string {
	if doc == nil {
		return nil
	}
	var out [][]string
	doc.Walk(func(s *notice.Section, _ int) { out = append(out, s.Trace.Paths) })
	return out
}

// leaf is the last key of a data path: transfers[0].destinations is
// "destinations", purposes[2] is "purposes".
func leaf(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		p = p[i+1:]
	}
	if i := strings.IndexByte(p, '['); i >= 0 {
		p = p[:i]
	}
	return p
}

// coreKeys are the YAML keys of the core model's types (the packs' keys
// beside them are not among them).
var coreKeys = func() map[string]bool {
	keys := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
				keys[name] = true
				visit(f.Type)
			}
		}
	}
	visit(reflect.TypeOf(model.Project{}))
	return keys
}()

// usesItself reports whether used traces one of paths or a value inside
// one.
func usesItself(used, paths []string) bool {
	for _, p := range paths {
		for _, u := range used {
			if p == u || inside(u, p) {
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
