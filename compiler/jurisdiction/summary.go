package jurisdiction

import (
	"slices"
	"sort"
	"strings"

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

	points  []notice.KeyPoint
	actions []notice.Action
	paths   []string
}

// Point adds a key point: label names its subject, text states it,
// section is the anchor of the section with the detail and paths the data
// it comes from. An empty text adds nothing.
func (s *Summary) Point(label string, text notice.Text, section string, paths ...string) {
	if text == "" {
		return
	}
	s.points = append(s.points, notice.KeyPoint{Label: label, Text: text, Section: section, Trace: notice.Trace{Paths: uniq(paths)}})
}

// Act adds a way to act; the first added is the primary one. An empty URL
// adds nothing.
func (s *Summary) Act(label, url string, paths ...string) {
	if url == "" {
		return
	}
	s.actions = append(s.actions, notice.Action{Label: label, URL: url, Primary: len(s.actions) == 0})
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
	if len(s.actions) > 0 {
		sec.Add(&notice.Actions{Items: s.actions})
	}
	return sec
}

func uniq(paths []string) []string {
	var out []string
	for _, p := range paths {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// summaryNamed is how many names a point lists before "and N more".
const summaryNamed = 4

// Collected adds the point "what we collect", naming the categories of
// personal data for which keep returns true (all of them when keep is
// nil), the first few by name. also are the data that decide keep.
func (s *Summary) Collected(p *model.Project, section string, keep func(*model.Category) bool, also ...string) {
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

// Recipients adds the point "who receives it": the recipients named (all
// when keep is nil) and the countries their processors work in. extra, a
// sentence, follows (how transfers are protected, under a pack's law).
func (s *Summary) Recipients(p *model.Project, section string, keep func(*model.Recipient) bool, extra notice.Text, extraPaths ...string) {
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
	t := "We share personal data with " + more(names, "kinds of recipients") + "."
	var countries []string
	for i, pr := range p.Processors {
		if !kept[pr.Recipient] {
			continue
		}
		where := append([]string{pr.Country}, pr.Locations...)
		paths = append(paths, model.Index("processors", i)+".country", model.Index("processors", i)+".locations", model.Index("processors", i)+".recipient")
		for _, c := range where {
			if !slices.Contains(countries, c) {
				countries = append(countries, c)
			}
		}
	}
	if len(countries) > 0 {
		SortCountries(countries)
		var cs []notice.Text
		for _, c := range countries {
			cs = append(cs, notice.Plain(CountryPhrase(c)))
		}
		t += " Our service providers process it in " + more(cs, "countries") + "."
	}
	s.Point("Who receives it", notice.Join(notice.Text(t), extra), section, append(paths, extraPaths...)...)
}

// Kept adds the point "how long we keep it": the retention rules of the
// categories for which keep returns true (all when nil), the ones the most
// categories use first, the first few with their periods. also are the
// data that decide keep.
func (s *Summary) Kept(p *model.Project, section string, keep func(*model.Category) bool, also ...string) {
	uses := map[string]int{}
	paths := slices.Clone(also)
	for i, c := range p.Categories {
		if keep != nil && !keep(c) {
			continue
		}
		uses[c.Retention]++
		paths = append(paths, model.Index("categories", i)+".retention")
	}
	type rule struct {
		i int
		r *model.Retention
	}
	var rules []rule
	for i, r := range p.Retention {
		if uses[r.ID] > 0 {
			rules = append(rules, rule{i, r})
		}
	}
	if len(rules) == 0 {
		return
	}
	sort.SliceStable(rules, func(a, b int) bool { return uses[rules[a].r.ID] > uses[rules[b].r.ID] })
	const shown = 3
	var items []notice.Text
	for _, r := range rules[:min(shown, len(rules))] {
		paths = append(paths, model.Index("retention", r.i))
		items = append(items, notice.Plain(LowerFirstIn(p, r.r.Name))+" "+briefRetention(r.r))
	}
	if n := len(rules) - shown; n > 0 {
		items = append(items, "other data as the "+notice.Text(Thousands(int64(n)))+" further rules say")
	}
	s.Point("How long we keep it", notice.Sentence("We keep "+notice.Text(strings.Join(textStrings(items), "; "))), section, paths...)
}

// briefRetention is a retention rule's period and the event it runs from
// ("for 24 months from ..."), or its criteria when it has no fixed period.
func briefRetention(r *model.Retention) notice.Text {
	if r.Period == "" {
		return notice.Inline(lowerFirst(strings.TrimSuffix(strings.TrimSpace(string(r.Criteria)), ".")))
	}
	t := "for " + notice.Plain(string(r.Period))
	if r.From != "" {
		t += " from " + notice.Plain(r.From)
	}
	return t
}

// Children adds the point on children's data, from the same facts as the
// notices' children sections.
func (s *Summary) Children(p *model.Project, section string) {
	ch := p.Children
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
	"portability":          "take it with you",
	"restriction":          "restrict how we use it",
	"objection":            "object to how we use it",
	"withdraw_consent":     "withdraw your consent",
	"opt_out_marketing":    "opt out of marketing",
	"opt_out_sale_sharing": "opt out of its sale or sharing",
	"limit_sensitive":      "limit how we use sensitive data",
	"complain":             "complain to a regulator",
}

// RightVerb says what a right (a model.Right code) lets a person do, as a
// verb phrase for the summary ("delete it"); "" for an unknown code and for
// the appeal, which a pack words under its own law.
func RightVerb(code string) notice.Text { return notice.Text(rightVerbs[code]) }

// Rights adds the point "your rights": what the rights let a person do
// (verb phrases, RightVerb for the core rights), in the order given, and
// the one place to use them, the first request method; paths are where
// the pack's rights come from. It also adds the request methods as the
// notice's ways to act, the web form first.
func (s *Summary) Rights(p *model.Project, section string, verbs []notice.Text, paths ...string) {
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
		label, url := methodAction(m)
		s.Act(label, url, at)
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
func methodAction(m *model.RequestMethod) (label, url string) {
	switch m.Type {
	case "web_form":
		return "Make a privacy request", m.Value
	case "email":
		return "Email " + m.Value, "mailto:" + m.Value
	case "toll_free_phone":
		return "Call " + m.Value + " (toll-free)", notice.TelURL(m.Value)
	case "phone":
		return "Call " + m.Value, notice.TelURL(m.Value)
	}
	return "", ""
}
