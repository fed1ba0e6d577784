package jurisdiction

import (
	"slices"
	"sort"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/locale"

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

func (s *Summary) term(c *Context) notice.Text {
	if s.Term == "" {
		return c.T("summary.term", nil)
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
func (s *Summary) Section(c *Context) *notice.Section {
	if len(s.points) == 0 {
		return nil
	}
	sec := &notice.Section{ID: SummaryID, Title: string(c.T("summary.title", nil))}
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
	for i, cat := range p.Categories {
		if keep != nil && !keep(cat) {
			continue
		}
		paths = append(paths, model.Index("categories", i))
		names = append(names, notice.Plain(LowerFirstIn(c, cat.Name)))
	}
	if len(names) == 0 {
		return
	}
	s.Point(string(c.T("summary.collected.label", nil)), notice.Sentence(c.T("summary.collected", locale.Data{"Kinds": more(c, names, moreKinds)})), section, paths...)
}

// What more counts: kinds of information, of recipients, countries.
const (
	moreKinds = iota
	moreRecipients
	moreCountries
)

// more lists the first summaryNamed names and counts the rest: "a, b, c,
// d and 3 other kinds of information".
func more(c *Context, names []notice.Text, others int) notice.Text {
	if len(names) <= summaryNamed+1 {
		return c.List(names, locale.And)
	}
	n := len(names) - summaryNamed
	var rest notice.Text
	switch others {
	case moreKinds:
		rest = c.N("summary.more.kinds", n, nil)
	case moreRecipients:
		rest = c.N("summary.more.recipients", n, nil)
	default:
		rest = c.N("summary.more.countries", n, nil)
	}
	return c.List(append(slices.Clone(names[:summaryNamed]), rest), locale.And)
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
		names = append(names, notice.Plain(LowerFirstIn(c, r.Name)))
	}
	if len(names) == 0 {
		return
	}
	t := c.T("summary.recipients", locale.Data{"Lead": lead, "Recipients": more(c, names, moreRecipients)})
	now, later := ProcessorCountries(c, func(pr *model.Processor) bool { return kept[pr.Recipient] })
	for i := range p.Processors {
		paths = append(paths, model.Index("processors", i)+".country", model.Index("processors", i)+".locations",
			model.Index("processors", i)+".recipient", model.Index("processors", i)+".added")
	}
	switch {
	case len(now) > 0 && len(later) > 0:
		t = notice.Join(t, c.T("summary.recipients.countries-later", locale.Data{"Countries": more(c, countryPhrases(c, now), moreCountries), "Later": LaterOnly(c, later)}))
	case len(now) > 0:
		t = notice.Join(t, c.T("summary.recipients.countries", locale.Data{"Countries": more(c, countryPhrases(c, now), moreCountries)}))
	case len(later) > 0:
		t = notice.Join(t, c.T("summary.recipients.later", locale.Data{"Later": LaterOnly(c, later)}))
	}
	s.Point(string(c.T("summary.recipients.label", nil)), notice.Join(t, extra), section, append(paths, extraPaths...)...)
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
	return r.Countries(c)
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
func (r *Reach) Countries(c *Context) (now []string, later map[string]model.Date) {
	later = map[string]model.Date{}
	for cc, d := range r.later {
		if !slices.Contains(r.now, cc) {
			later[cc] = d
		}
	}
	now = slices.Clone(r.now)
	SortCountries(c, now)
	return now, later
}

// Started reports whether a processor is in use on c's date: it gives no
// start day (processors[].added) or one not after the date.
func Started(c *Context, pr *model.Processor) bool { return !pr.Added.Valid() || pr.Added <= c.Date }

// Later words the countries first used after the notice's date, by day,
// after the ones used now: " (and, from 4 January 2027, India)", to follow
// a list of countries; "" for none.
func Later(c *Context, later map[string]model.Date) notice.Text {
	if len(later) == 0 {
		return ""
	}
	return c.T("countries.and-later", locale.Data{"Later": LaterOnly(c, later)})
}

// LaterOnly words the countries first used after the notice's date, by
// day: "from 4 January 2027, India".
func LaterOnly(c *Context, later map[string]model.Date) notice.Text {
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
		SortCountries(c, byDay[d])
		parts = append(parts, c.T("countries.from-day", locale.Data{"Day": c.Day(d), "Countries": Countries(c, byDay[d])}))
	}
	return c.List(parts, locale.And)
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
		t = c.T("summary.kept.criteria", locale.Data{"Term": s.term(c)})
	case short == long:
		t = c.T("summary.kept.one", locale.Data{"Term": s.term(c), "Period": Period(c, longest.Period)})
	default:
		t = c.T("summary.kept.range", locale.Data{"Term": s.term(c), "Shortest": Period(c, shortest.Period), "Longest": Period(c, longest.Period)})
	}
	if shortest != nil && criteria {
		t = notice.Join(t, c.T("summary.kept.some-criteria", nil))
	}
	s.Point(string(c.T("summary.kept.label", nil)), t, section, paths...)
}

// Children adds the point on children's data, from the same facts as the
// notices' children sections.
func (s *Summary) Children(c *Context, section string) {
	ch := c.Project.Children
	if ch == nil {
		return
	}
	var t notice.Text
	if ch.DirectedToChildren.IsYes() {
		t = c.T("summary.children.directed", nil)
	} else {
		t = c.T("summary.children.not-directed", locale.Data{"Age": notice.Plain(c.Format().Number(int64(ch.MinimumAge)))})
	}
	s.Point(string(c.T("summary.children.label", nil)), t, section, "children.minimum_age", "children.directed_to_children")
}

// RightVerb says what a right (a model.Right code) lets a person do, as a
// verb phrase for the summary ("delete it"); "" for an unknown code.
func RightVerb(c *Context, code string) notice.Text {
	switch code {
	case "access":
		return c.T("right.access", nil)
	case "correction":
		return c.T("right.correction", nil)
	case "deletion":
		return c.T("right.deletion", nil)
	case "portability":
		return c.T("right.portability", nil)
	case "restriction":
		return c.T("right.restriction", nil)
	case "objection":
		return c.T("right.objection", nil)
	case "withdraw_consent":
		return c.T("right.withdraw-consent", nil)
	case "opt_out_marketing":
		return c.T("right.opt-out-marketing", nil)
	case "opt_out_sale_sharing":
		return c.T("right.opt-out-sale-sharing", nil)
	case "limit_sensitive":
		return c.T("right.limit-sensitive", nil)
	case "appeal":
		return c.T("right.appeal-decision", nil)
	case "complain":
		return c.T("right.complain", nil)
	}
	return ""
}

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
	t := c.T("summary.rights", locale.Data{"Verbs": c.List(verbs, locale.And)})
	methods, at := slices.Clone(p.Rights.RequestMethods), "rights.request_methods"
	if s.Methods != nil {
		methods, at = slices.Clone(s.Methods), s.MethodsPath
	}
	order := map[string]int{"web_form": 0, "in_app": 1, "email": 2, "toll_free_phone": 3, "phone": 4}
	sort.SliceStable(methods, func(a, b int) bool { return rank(order, methods[a].Type) < rank(order, methods[b].Type) })
	if len(methods) > 0 {
		t = notice.Join(t, requestAt(c, methods[0]))
	}
	s.Point(string(c.T("summary.rights.label", nil)), t, section, append(paths, at)...)
	for _, m := range methods {
		if label, url := methodAction(c, m, s.TollFree); url != "" {
			s.requests = append(s.requests, notice.Action{Label: label, URL: url, Kind: notice.ActionRequest})
		}
	}
}

// RightVerbs returns the verb phrases of the core rights codes.
func RightVerbs(c *Context, codes ...string) []notice.Text {
	out := make([]notice.Text, len(codes))
	for i, code := range codes {
		out[i] = RightVerb(c, code)
	}
	return out
}

func rank(order map[string]int, t string) int {
	if r, ok := order[t]; ok {
		return r
	}
	return len(order)
}

// requestAt says where to make a request: "Make any request by email to
// ..."; "" for a method the summary does not name (post, in person).
func requestAt(c *Context, m *model.RequestMethod) notice.Text {
	switch m.Type {
	case "web_form":
		return c.T("summary.rights.request.web-form", locale.Data{"Form": notice.Link(c.T("summary.rights.online-form", nil), m.Value)})
	case "email":
		return c.T("summary.rights.request.email", locale.Data{"Email": notice.Mail(m.Value)})
	case "toll_free_phone", "phone":
		return c.T("summary.rights.request.phone", locale.Data{"Phone": notice.Tel(m.Value)})
	case "in_app":
		return c.T("summary.rights.request.in-app", locale.Data{"Where": notice.Plain(m.Value)})
	}
	return ""
}

// methodAction is the call to action of a request method: its label and
// address; "" for a method with no address to follow (post, in person).
func methodAction(c *Context, m *model.RequestMethod, tollFree bool) (label, url string) {
	switch m.Type {
	case "web_form":
		return string(c.T("action.request", nil)), m.Value
	case "email":
		return string(c.T("action.email", locale.Data{"Email": m.Value})), "mailto:" + m.Value
	case "toll_free_phone":
		if tollFree {
			return string(c.T("action.call-toll-free", locale.Data{"Phone": m.Value})), notice.TelURL(m.Value)
		}
		return string(c.T("action.call", locale.Data{"Phone": m.Value})), notice.TelURL(m.Value)
	case "phone":
		return string(c.T("action.call", locale.Data{"Phone": m.Value})), notice.TelURL(m.Value)
	}
	return "", ""
}
