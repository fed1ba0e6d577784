package jurisdiction

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"

	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Wording shared by the packs: how addresses, contacts, periods and
// countries read in a notice.

// Address formats a postal address on one line, its country named in the
// notice's language.
func Address(c *Context, a *model.Address) notice.Text {
	if a == nil {
		return ""
	}
	parts := slices.Clone(a.Street)
	city := a.City
	if a.Region != "" {
		city += ", " + a.Region
	}
	if a.PostalCode != "" {
		city += " " + a.PostalCode
	}
	parts = append(parts, city, c.Format().Country(a.Country))
	return notice.Plain(strings.Join(parts, ", "))
}

// ContactItems lists the ways to reach a contact, one item each.
func ContactItems(c *Context, ct *model.Contact) []notice.Text {
	if ct == nil {
		return nil
	}
	var items []notice.Text
	if ct.Email != "" {
		items = append(items, c.T("contact.email", locale.Data{"Email": notice.Mail(ct.Email)}))
	}
	if ct.WebForm != "" {
		items = append(items, c.T("contact.web-form", locale.Data{"Form": notice.Web(ct.WebForm)}))
	}
	if ct.TollFreePhone != "" {
		items = append(items, c.T("contact.toll-free-phone", locale.Data{"Phone": notice.Tel(ct.TollFreePhone)}))
	}
	if ct.Phone != "" {
		items = append(items, c.T("contact.phone", locale.Data{"Phone": notice.Tel(ct.Phone)}))
	}
	if ct.Address != nil {
		// A letter needs its addressee: the contact's name heads the
		// address.
		to := Address(c, ct.Address)
		if ct.Name != "" {
			to = notice.Plain(ct.Name) + ", " + to
		}
		items = append(items, c.T("contact.post", locale.Data{"Address": to}))
	}
	if ct.URL != "" {
		items = append(items, c.T("contact.website", locale.Data{"Website": notice.Web(ct.URL)}))
	}
	return items
}

// ContactLine describes a contact in one line: its name and the ways to
// reach it.
func ContactLine(c *Context, ct *model.Contact) notice.Text {
	if ct == nil {
		return ""
	}
	var parts []notice.Text
	if ct.Email != "" {
		parts = append(parts, notice.Mail(ct.Email))
	}
	if ct.WebForm != "" {
		parts = append(parts, notice.Web(ct.WebForm))
	}
	if ct.TollFreePhone != "" {
		parts = append(parts, c.T("contact.toll-free", locale.Data{"Phone": notice.Tel(ct.TollFreePhone)}))
	}
	if ct.Phone != "" {
		parts = append(parts, notice.Tel(ct.Phone))
	}
	if ct.Address != nil {
		parts = append(parts, Address(c, ct.Address))
	}
	if ct.URL != "" {
		parts = append(parts, notice.Web(ct.URL))
	}
	line := notice.Text(strings.Join(textStrings(parts), "; "))
	if ct.Name != "" {
		if line == "" {
			return notice.Strong(notice.Plain(ct.Name))
		}
		return c.T("contact.line", locale.Data{"Name": notice.Strong(notice.Plain(ct.Name)), "Ways": line})
	}
	return line
}

// ContactWays is ContactLine without the contact's name.
func ContactWays(c *Context, ct *model.Contact) notice.Text {
	if ct == nil {
		return ""
	}
	nameless := *ct
	nameless.Name = ""
	return ContactLine(c, &nameless)
}

// ContactKeys are the keys of a contact of which one makes it reachable
// (Reachable), for declarative rules that ask for a way to reach someone
// (RequireAny: KeysOf("representatives.eu", ContactKeys)).
var ContactKeys = []string{"email", "web_form", "phone", "toll_free_phone", "address", "url"}

// KeysOf returns keys as keys of the object at prefix.
func KeysOf(prefix string, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = prefix + "." + k
	}
	return out
}

// Reachable reports whether ct gives any way to reach it.
func Reachable(ct *model.Contact) bool {
	return ct != nil && (ct.Email != "" || ct.WebForm != "" || ct.Phone != "" ||
		ct.TollFreePhone != "" || ct.Address != nil || ct.URL != "")
}

func textStrings(ts []notice.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

// Retention describes a retention rule: "24 months from the end of your
// subscription", or its criteria.
func Retention(c *Context, r *model.Retention) notice.Text {
	if r == nil {
		return ""
	}
	if r.Period != "" {
		t := Period(c, r.Period)
		if r.From != "" {
			t = c.T("retention.from", locale.Data{"Period": t, "From": notice.Plain(r.From)})
		}
		if r.Criteria != "" {
			t = c.T("retention.criteria", locale.Data{"Period": t, "Criteria": notice.Sentence(notice.Inline(string(r.Criteria)))})
		}
		return t
	}
	return notice.Inline(string(r.Criteria))
}

// Period writes a period ("24 months"): in English as the data gives it,
// in another language by its count and unit (model.ParsePeriod).
func Period(c *Context, p model.Period) notice.Text {
	if c.English() {
		return notice.Plain(string(p))
	}
	n, unit, err := model.ParsePeriod(string(p))
	if err != nil {
		return notice.Plain(string(p))
	}
	switch unit {
	case "day":
		return c.N("period.days", n, nil)
	case "week":
		return c.N("period.weeks", n, nil)
	case "month":
		return c.N("period.months", n, nil)
	default:
		return c.N("period.years", n, nil)
	}
}

// RetentionEnd says what happens to data when its retention periods end,
// when every rule of rs says the same: "we delete it", "we make it
// anonymous", "we delete it or make it anonymous"; "" when a rule does not
// say or they differ.
func RetentionEnd(c *Context, rs []*model.Retention) notice.Text {
	end := ""
	for _, r := range rs {
		if r == nil {
			continue
		}
		if r.End == "" || end != "" && r.End != end {
			return ""
		}
		end = r.End
	}
	switch end {
	case "delete":
		return c.T("retention.end.delete", nil)
	case "anonymise":
		return c.T("retention.end.anonymise", nil)
	case "delete_or_anonymise":
		return c.T("retention.end.delete-or-anonymise", nil)
	}
	return ""
}

// Countries names countries by their codes, in the notice's language:
// "the United States and India".
func Countries(c *Context, codes []string) notice.Text {
	return c.List(countryPhrases(c, codes), locale.And)
}

// countryPhrases are the countries' names as they read in a sentence.
func countryPhrases(c *Context, codes []string) []notice.Text {
	out := make([]notice.Text, len(codes))
	for i, code := range codes {
		out[i] = notice.Plain(CountryPhrase(c, code))
	}
	return out
}

// SortCountries sorts country codes by the countries' names in the
// notice's language, stably: in English by code points, as always; in
// another language by its collation ("Österreich" beside "Oman").
func SortCountries(c *Context, codes []string) {
	if c.English() {
		slices.SortStableFunc(codes, func(a, b string) int { return strings.Compare(model.CountryName(a), model.CountryName(b)) })
		return
	}
	f := c.Format()
	col := collate.New(c.lang())
	slices.SortStableFunc(codes, func(a, b string) int { return col.CompareString(f.Country(a), f.Country(b)) })
}

// CountryPhrase is a country's name as it reads in a sentence of the
// notice: in English with its article ("the United Kingdom", "India"), in
// another language its CLDR name, with no article (the sentence's message
// gives any).
func CountryPhrase(c *Context, code string) string {
	if !c.English() {
		return c.Format().Country(code)
	}
	return CountryInEnglish(code)
}

// CountryInEnglish is a country's name as it reads in an English sentence
// ("the United Kingdom", "India"): for diagnostics and change reports,
// which are written in English.
func CountryInEnglish(code string) string {
	n := model.CountryName(code)
	switch code {
	case "US", "GB", "NL", "AE", "CZ", "PH", "BS", "GM", "KY", "FO", "MV", "DO", "CF", "VA":
		if !strings.HasPrefix(n, "the ") {
			return "the " + n
		}
	}
	return n
}

// Lookup returns the item of a collection with the given id, or nil.
func Lookup[T any](items []*T, id string, idOf func(*T) string) *T {
	for _, it := range items {
		if it != nil && idOf(it) == id {
			return it
		}
	}
	return nil
}

// Category returns the category with the given id, or nil.
func Category(p *model.Project, id string) *model.Category {
	return Lookup(p.Categories, id, func(c *model.Category) string { return c.ID })
}

// RetentionRule returns the retention rule with the given id, or nil.
func RetentionRule(p *model.Project, id string) *model.Retention {
	return Lookup(p.Retention, id, func(r *model.Retention) string { return r.ID })
}

// Recipient returns the recipient with the given id, or nil.
func Recipient(p *model.Project, id string) *model.Recipient {
	return Lookup(p.Recipients, id, func(r *model.Recipient) string { return r.ID })
}

// Source returns the source with the given id, or nil.
func Source(p *model.Project, id string) *model.Source {
	return Lookup(p.Sources, id, func(s *model.Source) string { return s.ID })
}

// Transfer returns the transfer with the given id, or nil.
func Transfer(p *model.Project, id string) *model.Transfer {
	return Lookup(p.Transfers, id, func(t *model.Transfer) string { return t.ID })
}

// Names returns the names of the items with the given ids, in order,
// skipping unknown ids.
func Names[T any](items []*T, ids []string, idOf, nameOf func(*T) string) []notice.Text {
	find := func(id string) *T { return Lookup(items, id, idOf) }
	if len(ids) > 8 {
		// Many ids: index the items once (the first of an id wins, as in
		// Lookup), not a scan per id.
		byID := make(map[string]*T, len(items))
		for _, it := range items {
			if it != nil {
				if _, ok := byID[idOf(it)]; !ok {
					byID[idOf(it)] = it
				}
			}
		}
		find = func(id string) *T { return byID[id] }
	}
	var out []notice.Text
	for _, id := range ids {
		if it := find(id); it != nil {
			out = append(out, notice.Plain(nameOf(it)))
		}
	}
	return out
}

// CategoryNames returns the names of the categories with the given ids,
// as they read mid-sentence (LowerFirstIn).
func CategoryNames(c *Context, ids []string) []notice.Text {
	return Names(c.Project.Categories, ids, func(cat *model.Category) string { return cat.ID },
		func(cat *model.Category) string { return LowerFirstIn(c, cat.Name) })
}

// RecipientNames returns the names of the recipients with the given ids,
// as they read mid-sentence (LowerFirstIn).
func RecipientNames(c *Context, ids []string) []notice.Text {
	return Names(c.Project.Recipients, ids, func(r *model.Recipient) string { return r.ID },
		func(r *model.Recipient) string { return LowerFirstIn(c, r.Name) })
}

// lowerFirst lower-cases the first letter of a name used mid-sentence,
// unless the name starts with an acronym or a proper noun (two capitals).
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	if properWord(s) {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

// properWord reports whether the first word of s keeps its capital in the
// middle of a sentence: a proper adjective or place ("European payment
// methods", "Irish entity"), a country name, or a word with a digit or a
// second capital (an acronym or a brand such as "iOS" or "HubSpot").
func properWord(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})
	if end < 0 {
		end = len(s)
	}
	w := s[:end]
	for _, r := range w[1:] {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	// A capital on the next word marks a two-word name: "Google Analytics
	// identifiers", "Apple Pay details", "Microsoft Teams recordings" (a
	// capital further on, as in "Use generative AI", does not).
	if next := strings.TrimLeftFunc(s[end:], unicode.IsSpace); next != "" {
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsUpper(r) {
			return true
		}
	}
	if properWords[w] {
		return true
	}
	return model.StartsWithCountry(s)
}

// properWords are adjectives and names, beyond country names, that name a
// people, place or language, so they keep their capital mid-sentence.
var properWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`European American British English Scottish Welsh Irish Northern
		Californian Canadian Mexican Brazilian Argentine Chilean Colombian Peruvian Latin
		German French Dutch Belgian Luxembourgish Swiss Austrian Italian Spanish Portuguese Greek
		Maltese Cypriot Danish Swedish Norwegian Finnish Icelandic Nordic Scandinavian Baltic
		Estonian Latvian Lithuanian Polish Czech Slovak Slovenian Croatian Hungarian Romanian
		Bulgarian Serbian Ukrainian Russian Turkish Israeli Arab Arabic Emirati Saudi Indian
		Pakistani Chinese Japanese Korean Taiwanese Singaporean Malaysian Indonesian Thai
		Vietnamese Filipino Australian Zealand African Nigerian Kenyan Egyptian Asian Pacific
		Atlantic Mediterranean Christmas Monday Tuesday Wednesday Thursday Friday Saturday
		Sunday January February March April May June July August September October November
		December Christian Catholic Protestant Orthodox Jewish Muslim Islamic Hindu Buddhist Sikh
		Québec Quebec Ontario Alberta Bavarian Catalan Basque Flemish Walloon Silicon`) {
		m[w] = true
	}
	return m
}()

// UpperFirst upper-cases the first letter of s.
func UpperFirst(s string) string { return notice.UpperFirst(s) }

// LowerFirstIn lower-cases the first letter of a name used mid-sentence
// (see lowerFirst), and also keeps the capital of a name that
// starts with a name the project gives: its organisation's, an entity's or
// a processor's ("Zendesk tickets" when Zendesk is a processor). In
// English and French; in German a name keeps its capital (nouns have one).
func LowerFirstIn(c *Context, s string) string {
	if locale.Is(c.lang(), "de") {
		return s
	}
	p := c.Project
	first := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		first = s[:i]
	}
	if p != nil && first != "" && brandsOf(p)[first] {
		return s
	}
	return lowerFirst(s)
}

// brands remembers the brand words of the project last asked about: a
// notice asks for each name it writes, and a project may have thousands of
// processors.
var brands struct {
	sync.Mutex
	p          *model.Project
	processors int
	words      map[string]bool
}

// forgetBrands drops the brand words remembered of p, so a project changed
// in place (the same pointer) is asked again: each pack's Check and Compile
// starts with it. (The set would be better held by the Context, built once
// per Context; LowerFirstIn is given the project, not the Context, by its
// callers.)
func forgetBrands(p *model.Project) {
	brands.Lock()
	defer brands.Unlock()
	if brands.p == p {
		brands.p = nil
	}
}

// brandsOf is brandWords of p as a set, made once per project.
func brandsOf(p *model.Project) map[string]bool {
	brands.Lock()
	defer brands.Unlock()
	if brands.p != p || brands.processors != len(p.Processors) {
		set := map[string]bool{}
		for _, w := range brandWords(p) {
			set[w] = true
		}
		brands.p, brands.processors, brands.words = p, len(p.Processors), set
	}
	return brands.words
}

// brandWords are the first words of the names the project gives its
// organisation, entities and processors.
func brandWords(p *model.Project) []string {
	var names []string
	if o := p.Organization; o != nil {
		names = append(names, o.Name)
		for _, e := range o.Entities {
			if e != nil {
				names = append(names, e.LegalName)
			}
		}
	}
	for _, pr := range p.Processors {
		if pr != nil {
			names = append(names, pr.Name, pr.LegalName)
		}
	}
	var out []string
	for _, n := range names {
		if f := strings.Fields(n); len(f) > 0 {
			out = append(out, strings.TrimRight(f[0], ",.;:"))
		}
	}
	return out
}

// RequestMethod describes one way to make a request.
func RequestMethod(c *Context, m *model.RequestMethod) notice.Text {
	var t notice.Text
	switch m.Type {
	case "email":
		t = c.T("request.email", locale.Data{"Email": notice.Mail(m.Value)})
	case "web_form":
		t = c.T("request.web-form", locale.Data{"Form": notice.Web(m.Value)})
	case "toll_free_phone":
		t = c.T("request.toll-free-phone", locale.Data{"Phone": notice.Tel(m.Value)})
	case "phone":
		t = c.T("request.phone", locale.Data{"Phone": notice.Tel(m.Value)})
	case "postal":
		t = c.T("request.postal", locale.Data{"Address": notice.Plain(m.Value)})
	case "in_app":
		t = c.T("request.in-app", locale.Data{"Where": notice.Plain(m.Value)})
	case "in_person":
		t = c.T("request.in-person", locale.Data{"Where": notice.Plain(m.Value)})
	}
	if m.Note != "" {
		t = c.T("request.note", locale.Data{"Method": t, "Note": notice.Plain(strings.TrimSuffix(m.Note, "."))})
	}
	return t
}

// Title returns the title a notice's settings give it, or def.
func Title(ns *model.NoticeSettings, def string) string {
	if ns != nil && ns.Title != "" {
		return ns.Title
	}
	return def
}

// NewDocument starts the notice id with the title and introduction of its
// settings (def is the title when none is set) and the context's dates.
func NewDocument(c *Context, id, def string, settings *model.NoticeSettings) *notice.Document {
	doc := &notice.Document{ID: id, Title: Title(settings, def), Organization: c.Project.Organization.Name,
		Effective: c.Date, LastUpdated: c.LastUpdated}
	if settings != nil && settings.Intro != "" {
		doc.Intro = append(doc.Intro, &notice.Prose{Markdown: string(settings.Intro)})
	}
	return doc
}

// Sections returns the non-nil sections, in order: builders return nil for
// a section the data does not call for.
func Sections(ss ...*notice.Section) []*notice.Section {
	return slices.DeleteFunc(ss, func(s *notice.Section) bool { return s == nil })
}

// RequestMethods lists how to make a request, one item per method.
func RequestMethods(c *Context, ms []*model.RequestMethod) []notice.Text {
	var items []notice.Text
	for _, m := range ms {
		items = append(items, RequestMethod(c, m))
	}
	return items
}

// PurposeLabels names purposes as labels, "the purpose “Show you ads”" or
// "the purposes “A” and “B”", so that a sentence reads the same whatever
// the grammar of the names: a verb phrase ("Show you ads") or a noun
// phrase ("Mergers and acquisitions"). names are the purposes' names as
// notice text.
func PurposeLabels(c *Context, names []notice.Text) notice.Text {
	if len(names) == 0 {
		return ""
	}
	quoted := make([]notice.Text, len(names))
	for i, n := range names {
		quoted[i] = c.T("purpose.quoted", locale.Data{"Name": n})
	}
	return c.N("purpose.labels", len(quoted), locale.Data{"Names": c.List(quoted, locale.And)})
}

// Entity returns the company of the group with the given id, or nil.
func Entity(p *model.Project, id string) *model.Entity {
	if p == nil || p.Organization == nil {
		return nil
	}
	return Lookup(p.Organization.Entities, id, func(e *model.Entity) string { return e.ID })
}

// PublishedTexts returns the team's own words that the notices may print:
// every Markdown value of the data (model.Texts) but the team's sign-offs
// (reviews[]), which are records, not notice text.
func PublishedTexts(p *model.Project) []model.Text {
	var out []model.Text
	for _, t := range model.Texts(p) {
		if !strings.HasPrefix(t.Path, "reviews") {
			out = append(out, t)
		}
	}
	return out
}

// KindWord finds, in what a category's examples say it holds, one kind of
// sensitive data of a law (a GDPR special category, a California
// sensitive-information subtype).
type KindWord struct {
	Re   *regexp.Regexp
	Kind string
}

// Unclassified returns the first example, by index, that names a kind of
// words the category's classification have does not list, and that kind;
// -1 when every example agrees with it. A pack states its law's kinds.
func Unclassified(examples []string, words []KindWord, have []string) (int, string) {
	// The kinds listed already cannot be reported: look only for the
	// others (regular expressions cost far more than the list).
	var missing [16]KindWord
	look := missing[:0]
	for _, w := range words {
		if !slices.Contains(have, w.Kind) {
			look = append(look, w)
		}
	}
	for k, ex := range examples {
		for _, w := range look {
			if w.Re.MatchString(ex) {
				return k, w.Kind
			}
		}
	}
	return -1, ""
}

// Thousands writes a whole number with commas between its thousands:
// 26625000 is "26,625,000", for diagnostics (a notice writes numbers with
// Context.Format().Number, in its language).
func Thousands(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r != '-' && s[i-1] != '-' && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// JoinSemi joins texts with semicolons, for a table cell listing items
// that themselves contain commas.
func JoinSemi(ts []notice.Text) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return strings.Join(out, "; ")
}

// CountriesInEnglish names countries in English ("the United States and
// India"), for diagnostics.
func CountriesInEnglish(codes []string) string {
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = CountryInEnglish(code)
	}
	return Join(out, "and")
}
