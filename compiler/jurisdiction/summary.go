package jurisdiction

import (
	"slices"
	"sort"

	"github.com/disclose-dev/disclose/compiler/change"

	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// SummaryID is the anchor of every notice's summary section.
const SummaryID = "key-points"

// Summary collects a notice's key points and its ways to act, each point
// with the data it comes from, for the summary section at the top of the
// notice (notice.Document.Summary). The points about facts no law owns
// (what is collected, who receives it, how long it is kept, children, how
// to make a request) are written here; a pack adds its law's own (sale and
// sharing, legal bases, transfers) with Point.
type Summary struct {
	// Methods, when set, are the request methods Rights offers instead of
	// the data's rights.request_methods (a pack's own list), written at
	// MethodsPath.
	Methods     []*model.RequestMethod
	MethodsPath string
	// TollFree labels a toll-free number so in the actions: only where the
	// notice's readers call from the number's own country.
	TollFree bool
	// Term is what the notice calls personal data ("personal information"
	// in a California notice); "personal data" when empty.
	Term notice.Text

	points   []notice.KeyPoint
	requests []notice.Action // the request methods, from Rights
	actions  []notice.Action // the pack's own: opt-outs, subscriptions
	paths    []string
}

func (s *Summary) term() notice.Text {
	if s.Term == "" {
		return "personal data"
	}
	return s.Term
}

// Point adds a key point: label names its subject, text states it,
// section is the anchor of the section with the detail and paths the data
// it comes from. An empty text adds nothing.
func (s *Summary) Point(label string, text notice.Text, section string, paths ...string) {
	if text == "" {
		return
	}
	s.points = append(s.points, notice.KeyPoint{Label: label, Text: text, Section: section, Trace: notice.Trace{Paths: change.Uniq(paths)}})
}

// Act adds a way to act of the pack's own (an opt-out link): the actions
// read the first request method (the primary action), then these, then the
// other request methods. An empty URL adds nothing.
func (s *Summary) Act(label, url string, paths ...string) { s.act("", label, url, paths) }

// OptOut adds an opt-out link a law requires (California's "Do Not Sell or
// Share My Personal Information"): an action of the notice, which the site
// also shows on every page.
func (s *Summary) OptOut(label, url string, paths ...string) {
	s.act(notice.ActionOptOut, label, url, paths)
}

func (s *Summary) act(kind, label, url string, paths []string) {
	if url == "" {
		return
	}
	s.actions = append(s.actions, notice.Action{Label: label, URL: url, Kind: kind})
	s.paths = append(s.paths, paths...)
}

// Section returns the summary section (nil without points): the key points,
// then the ways to act. Its trace is every point's and action's.
func (s *Summary) Section() *notice.Section {
	if len(s.points) == 0 {
		return nil
	}
	sec := &notice.Section{ID: SummaryID, Title: "Key points"}
	for _, p := range s.points {
		sec.Use(p.Trace.Paths...)
	}
	sec.Use(s.paths...)
	sec.Add(&notice.KeyPoints{Points: s.points})
	var acts []notice.Action
	if len(s.requests) > 0 {
		acts = append(append(append(acts, s.requests[0]), s.actions...), s.requests[1:]...)
	} else {
		acts = s.actions
	}
	if len(acts) > 0 {
		acts = slices.Clone(acts)
		acts[0].Primary = true
		sec.Add(&notice.Actions{Items: acts})
	}
	return sec
}

// ByUse returns the values of the lists, each once, the most used first
// (ties in the order they first appear): the legal bases of a notice's
// purposes, say.
func ByUse(lists ...[]string) []string {
	counts := map[string]int{}
	var out []string
	for _, l := range lists {
		for _, v := range l {
			if counts[v] == 0 {
				out = append(out, v)
			}
			counts[v]++
		}
	}
	slices.SortStableFunc(out, func(x, y string) int { return counts[y] - counts[x] })
	return out
}

// summaryNamed is how many names a point lists before "and N more".
const summaryNamed = 7

// Collected adds the point "what we collect", naming the categories of
// personal data for which keep returns true (all of them when keep is
// nil), the first few by name. also are the data that decide keep.
func (s *Summary) Collected(c *Context, section string, keep func(*model.Category) bool, also ...string) {
	p := c.Project
	var names []notice.Text
	paths := slices.Clone(also)
	for i, c := range p.Categories {
		if keep != nil && !keep(c) {
			continue
		}
		paths = append(paths, model.Index("categories", i))
		names = append(names, notice.Plain(LowerFirstIn(p, c.Name)))
	}
	if len(names) == 0 {
		return
	}
	s.Point("What we collect", notice.Sentence("We collect "+more(names, "kinds of information")), section, paths...)
}

// more lists the first summaryNamed names and counts the rest: "a, b, c,
// d and 3 other kinds of information".
func more(names []notice.Text, others string) notice.Text {
	if len(names) <= summaryNamed+1 {
		return notice.Series(names, "and")
	}
	rest := notice.Text(Thousands(int64(len(names)-summaryNamed)) + " other " + others)
	return notice.Series(append(slices.Clone(names[:summaryNamed]), rest), "and")
}

// Recipients adds the point "who receives it": lead ("We share personal
// data with") and the recipients for which keep returns true (all when
// keep is nil), then the countries their processors work in on the
// notice's date, and those where one starts later with its day. extra, a
// sentence, follows (how transfers are protected, under a pack's law).
func (s *Summary) Recipients(c *Context, section string, lead notice.Text, keep func(*model.Recipient) bool, extra notice.Text, extraPaths ...string) {
	p := c.Project
	var names []notice.Text
	var paths []string
	kept := map[string]bool{}
	for i, r := range p.Recipients {
		if keep != nil && !keep(r) {
			continue
		}
		kept[r.ID] = true
		paths = append(paths, model.Index("recipients", i)+".name")
		names = append(names, notice.Plain(LowerFirstIn(p, r.Name)))
	}
	if len(names) == 0 {
		return
	}
	t := lead + " " + more(names, "kinds of recipients") + "."
	now, later := ProcessorCountries(c, func(pr *model.Processor) bool { return kept[pr.Recipient] })
	for i := range p.Processors {
		paths = append(paths, model.Index("processors", i)+".country", model.Index("processors", i)+".locations",
			model.Index("processors", i)+".recipient", model.Index("processors", i)+".added")
	}
	switch {
	case len(now) > 0:
		t += " Our service providers process it in " + more(countryPhrases(now), "countries") + Later(later) + "."
	case len(later) > 0:
		t += " Our service providers start processing it later (" + LaterOnly(later) + ")."
	}
	s.Point("Who receives it", notice.Join(t, extra), section, append(paths, extraPaths...)...)
}

// ProcessorCountries returns the countries where the processors for which
// keep returns true work on c's date, sorted by name, and, for those that
// start later (processors[].added) in a country none of the others works
// in, the day each country is first used.
func ProcessorCountries(c *Context, keep func(*model.Processor) bool) (now []string, later map[string]model.Date) {
	var r Reach
	for _, pr := range c.Project.Processors {
		if pr == nil || !keep(pr) {
			continue
		}
		from := model.Date("")
		if !Started(c, pr) {
			from = pr.Added
		}
		for _, cc := range append([]string{pr.Country}, pr.Locations...) {
			r.Add(cc, from)
		}
	}
	return r.Countries()
}

// Reach collects the countries personal data goes to: now, or only from a
// later day.
type Reach struct {
	now   []string
	later map[string]model.Date
}

// Add records that data goes to country from the day from ("" for now);
// the earliest day of a country counts, and now before any day.
func (r *Reach) Add(country string, from model.Date) {
	switch {
	case country == "":
	case from != "":
		if r.later == nil {
			r.later = map[string]model.Date{}
		}
		if d, ok := r.later[country]; !ok || from < d {
			r.later[country] = from
		}
	case !slices.Contains(r.now, country):
		r.now = append(r.now, country)
	}
}

// Countries returns the countries reached now, sorted by name, and the
// others with the day each is first reached.
func (r *Reach) Countries() (now []string, later map[string]model.Date) {
	later = map[string]model.Date{}
	for cc, d := range r.later {
		if !slices.Contains(r.now, cc) {
			later[cc] = d
		}
	}
	now = slices.Clone(r.now)
	SortCountries(now)
	return now, later
}

// Started reports whether a processor is in use on c's date: it gives no
// start day (processors[].added) or one not after the date.
func Started(c *Context, pr *model.Processor) bool { return !pr.Added.Valid() || pr.Added <= c.Date }

// Later words the countries first used after the notice's date, by day,
// after the ones used now: " (and, from 4 January 2027, India)"; "" for
// none.
func Later(later map[string]model.Date) notice.Text {
	if len(later) == 0 {
		return ""
	}
	return " (and, " + LaterOnly(later) + ")"
}

// LaterOnly words the countries first used after the notice's date, by
// day: "from 4 January 2027, India".
func LaterOnly(later map[string]model.Date) notice.Text {
	byDay := map[model.Date][]string{}
	var days []model.Date
	for cc, d := range later {
		if _, ok := byDay[d]; !ok {
			days = append(days, d)
		}
		byDay[d] = append(byDay[d], cc)
	}
	slices.Sort(days)
	var parts []notice.Text
	for _, d := range days {
		SortCountries(byDay[d])
		parts = append(parts, "from "+notice.Text(d.Long())+", "+Countries(byDay[d]))
	}
	return notice.Series(parts, "and")
}

// Kept adds the point "how long we keep it": the range of the fixed
// periods of the retention rules of the categories for which keep returns
// true (all when nil), and whether some depend on criteria instead. also
// are the data that decide keep.
func (s *Summary) Kept(c *Context, section string, keep func(*model.Category) bool, also ...string) {
	p := c.Project
	used := map[string]bool{}
	paths := slices.Clone(also)
	for i, cat := range p.Categories {
		if keep != nil && !keep(cat) {
			continue
		}
		used[cat.Retention] = true
		paths = append(paths, model.Index("categories", i)+".retention")
	}
	var shortest, longest *model.Retention
	var short, long int
	criteria := false
	for i, r := range p.Retention {
		if !used[r.ID] {
			continue
		}
		paths = append(paths, model.Index("retention", i)+".period", model.Index("retention", i)+".criteria")
		d, ok := r.Period.Days()
		if !ok {
			criteria = true
			continue
		}
		if shortest == nil || d < short {
			shortest, short = r, d
		}
		if longest == nil || d > long {
			longest, long = r, d
		}
	}
	var t notice.Text
	switch {
	case shortest == nil && !criteria:
		return
	case shortest == nil:
		t = "How long we keep " + s.term() + " depends on criteria set out for each kind of data."
	case short == long:
		t = "We keep " + s.term() + " for " + notice.Plain(string(longest.Period)) + ", counted as set out for each kind of data."
	default:
		t = "We keep " + s.term() + " for between " + notice.Plain(string(shortest.Period)) + " and " + notice.Plain(string(longest.Period)) + ", depending on the kind of data."
	}
	if shortest != nil && criteria {
		t += " For some kinds, the period depends on criteria instead."
	}
	s.Point("How long we keep it", t, section, paths...)
}

// Children adds the point on children's data, from the same facts as the
// notices' children sections.
func (s *Summary) Children(c *Context, section string) {
	ch := c.Project.Children
	if ch == nil {
		return
	}
	t := notice.Text("Our services are not directed to children, and we do not knowingly collect personal data from anyone under " + notice.Plain(Thousands(int64(ch.MinimumAge))) + ".")
	if ch.DirectedToChildren.IsYes() {
		t = "Some of our services are directed to children."
	}
	s.Point("Children", t, section, "children.minimum_age", "children.directed_to_children")
}

// rightVerbs say what each right lets a person do, as a verb phrase.
var rightVerbs = map[string]string{
	"access":               "get a copy of your data",
	"correction":           "correct it",
	"deletion":             "delete it",
	"portability":          "take the data you gave us to another provider",
	"restriction":          "restrict how we use it",
	"objection":            "object to how we use it",
	"withdraw_consent":     "withdraw your consent",
	"opt_out_marketing":    "opt out of marketing",
	"opt_out_sale_sharing": "opt out of its sale or sharing",
	"limit_sensitive":      "limit how we use sensitive data",
	"appeal":               "appeal our decision on a request",
	"complain":             "complain to a data protection authority",
}

// RightVerb says what a right (a model.Right code) lets a person do, as a
// verb phrase for the summary ("delete it"); "" for an unknown code.
func RightVerb(code string) notice.Text { return notice.Text(rightVerbs[code]) }

// Rights adds the point "your rights": what the rights let a person do
// (verb phrases, RightVerb for the core rights), in the order given, and
// the one place to use them, the first request method; paths are where
// the pack's rights come from. It also adds the request methods as the
// notice's ways to act, the web form first.
func (s *Summary) Rights(c *Context, section string, verbs []notice.Text, paths ...string) {
	p := c.Project
	verbs = slices.DeleteFunc(slices.Clone(verbs), func(v notice.Text) bool { return v == "" })
	if len(verbs) == 0 || p.Rights == nil {
		return
	}
	t := "You can " + notice.Series(verbs, "and") + "."
	methods, at := slices.Clone(p.Rights.RequestMethods), "rights.request_methods"
	if s.Methods != nil {
		methods, at = slices.Clone(s.Methods), s.MethodsPath
	}
	order := map[string]int{"web_form": 0, "in_app": 1, "email": 2, "toll_free_phone": 3, "phone": 4}
	sort.SliceStable(methods, func(a, b int) bool { return rank(order, methods[a].Type) < rank(order, methods[b].Type) })
	if len(methods) > 0 {
		if how := methodPhrase(methods[0]); how != "" {
			t += " Make any request " + how + "."
		}
	}
	s.Point("Your rights", t, section, append(paths, at)...)
	for _, m := range methods {
		if label, url := methodAction(m, s.TollFree); url != "" {
			s.requests = append(s.requests, notice.Action{Label: label, URL: url, Kind: notice.ActionRequest})
		}
	}
}

// RightVerbs returns the verb phrases of the core rights codes.
func RightVerbs(codes ...string) []notice.Text {
	out := make([]notice.Text, len(codes))
	for i, c := range codes {
		out[i] = RightVerb(c)
	}
	return out
}

func rank(order map[string]int, t string) int {
	if r, ok := order[t]; ok {
		return r
	}
	return len(order)
}

// methodPhrase says where to make a request, for "Make any request ...".
func methodPhrase(m *model.RequestMethod) notice.Text {
	switch m.Type {
	case "web_form":
		return "with our " + notice.Link("online form", m.Value)
	case "email":
		return "by email to " + notice.Mail(m.Value)
	case "toll_free_phone", "phone":
		return "by calling " + notice.Tel(m.Value)
	case "in_app":
		return "in the app: " + notice.Plain(m.Value)
	}
	return ""
}

// methodAction is the call to action of a request method: its label and
// address; "" for a method with no address to follow (post, in person).
func methodAction(m *model.RequestMethod, tollFree bool) (label, url string) {
	switch m.Type {
	case "web_form":
		return "Make a privacy request", m.Value
	case "email":
		return "Email " + m.Value, "mailto:" + m.Value
	case "toll_free_phone":
		if tollFree {
			return "Call " + m.Value + " (toll-free)", notice.TelURL(m.Value)
		}
		return "Call " + m.Value, notice.TelURL(m.Value)
	case "phone":
		return "Call " + m.Value, notice.TelURL(m.Value)
	}
	return "", ""
}
