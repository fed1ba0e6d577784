package usstates

import (
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p, f: Of(p), laws: Applying(c), d: consumerDataOf(p)}
	if b.f == nil {
		b.f = &Facts{}
	}
	doc := j.NewDocument(c, ID, string(c.T("notice.title", nil)), p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.scope(), b.personalData(), b.sensitive(), b.thirdParties(), b.sale(), b.optOutSignals(),
		b.retention(), b.minors(), b.aiTraining(), b.rights(), b.appeal(), j.ChangesSection(c),
		j.ContactSection(c, c.T("contact.lead", nil)),
	)
	return doc, nil
}

type builder struct {
	c    *j.Context
	p    *model.Project
	f    *Facts
	laws []*Law
	d    *consumerData
}

// use traces what decides which states apply: every section's words depend
// on it.
func (b *builder) use(s *notice.Section) { s.Use(b.c.AppliesFrom[ID]...) }

// useCovered traces what decides which purposes and categories the notice
// covers: which groups are consumers, and whom each purpose concerns.
func (b *builder) useCovered(s *notice.Section) { s.Use(b.coveredPaths()...) }

// coveredPaths are the data that decide which purposes and categories the
// notice covers (useCovered).
func (b *builder) coveredPaths() []string {
	var out []string
	for i := range b.p.Subjects {
		out = append(out, model.Index("subjects", i)+".us_consumer")
	}
	for i := range b.p.Purposes {
		out = append(out, model.Index("purposes", i)+".subjects", model.Index("purposes", i)+".categories")
	}
	for i := range b.p.Categories {
		out = append(out, model.Index("categories", i)+".subjects")
	}
	return out
}

// useEach traces the keys of every item of the collection in (its data
// path) with n items.
func useEach(s *notice.Section, in string, n int, keys ...string) {
	for i := 0; i < n; i++ {
		for _, k := range keys {
			s.Use(model.Index(in, i) + "." + k)
		}
	}
}

// where returns the notice's laws that pass keep.
func (b *builder) where(keep func(*Law) bool) []*Law { return filter(b.laws, keep) }

// has returns the notice's law of the state code, or nil.
func (b *builder) has(code string) *Law {
	if ls := b.where(func(l *Law) bool { return l.Code == code }); len(ls) > 0 {
		return ls[0]
	}
	return nil
}

// states names the states of ls in the notice's text: "Colorado and Texas".
func (b *builder) states(ls []*Law) notice.Text {
	return b.c.List(notice.Plains(lawNames(ls)), locale.And)
}

// day writes a day in the notice's language; in English as US readers
// write it ("July 1, 2024"), which locale.Format (British English) does not.
func (b *builder) day(d model.Date) notice.Text {
	if b.c.English() {
		return notice.Plain(d.Format("January 2, 2006"))
	}
	return b.c.Day(d)
}

// policy is a link to the global privacy policy, by its title.
func (b *builder) policy() notice.Text {
	return notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["global"], string(b.c.T("notice.global.title", nil)))), "global", "")
}

// stop ends a sentence the catalogue ends with a value and a full stop
// ("using {{.Categories}}.") as notice.Sentence would: a value that ends
// with its own punctuation ("etc.") takes no second stop.
func stop(t notice.Text) notice.Text {
	if n := len(t); n >= 2 && t[n-1] == '.' && strings.ContainsRune(".!?:", rune(t[n-2])) {
		return t[:n-1]
	}
	return t
}

// banners returns Texas's prescribed notices that the data calls for: sold
// categories holding sensitive (or biometric) data.
func (b *builder) banners(s *notice.Section) []notice.Text {
	tx := b.has("TX")
	if tx == nil {
		return nil
	}
	useEach(s, "purposes", len(b.p.Purposes), "us_sale", "categories")
	useEach(s, "categories", len(b.p.Categories), "us_sensitive")
	var out []notice.Text
	for _, want := range texasBanners {
		sp := tx.SpecificOn(want.id, b.c.Date)
		if sp == nil || sp.Text == "" {
			continue
		}
		hit := false
		for _, cat := range sold(b.p) {
			for _, k := range Category(cat).USSensitive {
				if want.kind == "" && tx.Counts(k, b.c.Date) || k == want.kind {
					hit = true
				}
			}
		}
		if hit {
			s.Satisfies(want.id)
			out = append(out, notice.Strong(notice.Plain(sp.Text)))
		}
	}
	return out
}

func (b *builder) scope() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "scope", Title: string(c.T("scope.title", nil))}
	b.use(s)
	for _, t := range b.banners(s) {
		s.Add(&notice.Aside{Title: string(c.T("scope.banner.title", nil)), Blocks: []notice.Block{&notice.Paragraph{Text: t}}})
	}
	s.Use("organization.entities")
	var ents []notice.Text
	for _, e := range b.p.Organization.Entities {
		if e.Role == "controller" || e.Role == "joint_controller" {
			ents = append(ents, notice.Plain(e.LegalName))
		}
	}
	if len(b.laws) == 0 {
		// Only while the data leaves a state unanswered (USST-SCOPE
		// blocks publishing it).
		s.P(c.T("scope.unknown", nil))
	} else {
		s.P(c.T("scope.intro", locale.Data{"States": b.states(b.laws), "Entities": c.List(ents, locale.And), "Org": notice.Plain(b.p.Organization.Name)}))
	}
	if b.has("OR") != nil {
		s.Use("us_states.uses_assumed_names", "us_states.assumed_names")
		if b.f.UsesAssumedNames.IsYes() && len(b.f.AssumedNames) > 0 {
			s.P(c.T("scope.assumed-names", locale.Data{"Names": c.List(notice.Plains(b.f.AssumedNames), locale.And)}))
		} else if b.f.UsesAssumedNames.IsNo() {
			s.P(c.T("scope.legal-names-only", nil))
		}
	}
	s.Use("subjects")
	useEach(s, "subjects", len(b.p.Subjects), "us_consumer")
	var in, out []notice.Text
	for _, sub := range b.p.Subjects {
		if consumers(b.p, sub.ID) {
			in = append(in, notice.Plain(j.LowerFirstIn(b.c, sub.Name)))
		} else {
			out = append(out, notice.Plain(j.LowerFirstIn(b.c, sub.Name)))
		}
	}
	s.P(c.T("scope.consumers", locale.Data{"Subjects": c.List(in, locale.And)}))
	if len(out) > 0 {
		s.P(c.T("scope.not-consumers", locale.Data{"Subjects": c.List(out, locale.Or), "Policy": b.policy()}))
	}
	var rows [][]notice.Text
	for _, l := range b.laws {
		rows = append(rows, []notice.Text{notice.Plain(l.Name), c.T("scope.table.law-cited", locale.Data{"Law": notice.Plain(l.Law), "Citation": notice.Plain(l.Citation)}), b.day(l.From)})
	}
	s.Add(&notice.Table{Caption: string(c.T("scope.table.caption", nil)),
		Head: []string{string(c.T("scope.table.state", nil)), string(c.T("scope.table.law", nil)), string(c.T("scope.table.from", nil))}, Rows: rows})
	if c.PublishesIn(s, "california") {
		ca := notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["california"], string(c.T("notice.california.title", nil)))), "california", "")
		s.P(c.T("scope.california", locale.Data{"Notice": ca}))
	}
	s.P(c.T("scope.supplements", locale.Data{"Policy": b.policy()}))
	return s
}

// yesNo is a cell of the table of purposes: whether the purpose does it.
func (b *builder) yesNo(a model.Answer) notice.Text {
	switch {
	case a.IsYes():
		return b.c.T("personal.table.yes", nil)
	case a.IsNo():
		return b.c.T("personal.table.no", nil)
	}
	return b.c.T("personal.table.not-stated", nil)
}

func (b *builder) personalData() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "personal-data", Title: string(c.T("personal.title", nil))}
	b.use(s)
	s.Use("categories")
	b.useCovered(s)
	pus := b.d.purposes
	s.P(c.T("personal.intro", nil))
	var items []notice.Text
	for _, cat := range b.d.cats {
		items = append(items, c.Labelled(notice.Strong(notice.Plain(cat.Name)), notice.Inline(strings.TrimSpace(string(cat.Description)))))
	}
	s.Add(&notice.List{Items: items})
	useEach(s, "purposes", len(b.p.Purposes), "name", "categories", "us_sale", "us_targeted_advertising", "us_profiling")
	s.P(c.T("personal.purposes", nil))
	var rows [][]notice.Text
	for _, pu := range pus {
		pf := Purpose(pu)
		if len(b.d.only(pu.Categories)) == 0 {
			continue // it uses no consumer's data
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(pu.Name)), c.List(j.CategoryNames(c, b.d.only(pu.Categories)), locale.And),
			b.yesNo(pf.USSale), b.yesNo(pf.USTargetedAdvertising), b.yesNo(pf.USProfiling)})
	}
	s.Add(&notice.Table{Caption: string(c.T("personal.table.caption", nil)),
		Head: []string{string(c.T("personal.table.purpose", nil)), string(c.T("personal.table.data", nil)), string(c.T("personal.table.sold", nil)),
			string(c.T("personal.table.targeted-advertising", nil)), string(c.T("personal.table.profiling", nil))}, Rows: rows})
	return s
}

// kindWords name the kinds of sensitive data in diagnostics (the notice
// names them from its catalogue: kind).
var kindWords = map[string]string{
	"racial_ethnic_origin":    "racial or ethnic origin",
	"national_origin":         "national origin",
	"religious_beliefs":       "religious beliefs",
	"health_diagnosis":        "a mental or physical health condition or diagnosis",
	"consumer_health":         "consumer health data",
	"sex_life":                "sex life",
	"sexual_orientation":      "sexual orientation",
	"gender_identity":         "status as transgender or non-binary",
	"citizenship_immigration": "citizenship or immigration status",
	"genetic":                 "genetic data",
	"biometric":               "biometric data used to identify a person",
	"child":                   "personal data of a known child",
	"precise_geolocation":     "precise geolocation data",
	"crime_victim":            "status as a victim of a crime",
	"financial_account":       "financial account or card numbers with the code that gives access",
	"government_id":           "government-issued identification numbers",
	"neural":                  "neural data",
	"union_membership":        "union membership",
	"pregnancy":               "pregnancy",
	"biological":              "biological data (including neural data) used to identify a person",
}

// kind names a kind of sensitive data in the notice.
func (b *builder) kind(k string) notice.Text {
	c := b.c
	switch k {
	case "racial_ethnic_origin":
		return c.T("sensitive.kind.racial-ethnic-origin", nil)
	case "national_origin":
		return c.T("sensitive.kind.national-origin", nil)
	case "religious_beliefs":
		return c.T("sensitive.kind.religious-beliefs", nil)
	case "health_diagnosis":
		return c.T("sensitive.kind.health-diagnosis", nil)
	case "consumer_health":
		return c.T("sensitive.kind.consumer-health", nil)
	case "sex_life":
		return c.T("sensitive.kind.sex-life", nil)
	case "sexual_orientation":
		return c.T("sensitive.kind.sexual-orientation", nil)
	case "gender_identity":
		return c.T("sensitive.kind.gender-identity", nil)
	case "citizenship_immigration":
		return c.T("sensitive.kind.citizenship-immigration", nil)
	case "genetic":
		return c.T("sensitive.kind.genetic", nil)
	case "biometric":
		return c.T("sensitive.kind.biometric", nil)
	case "child":
		return c.T("sensitive.kind.child", nil)
	case "precise_geolocation":
		return c.T("sensitive.kind.precise-geolocation", nil)
	case "crime_victim":
		return c.T("sensitive.kind.crime-victim", nil)
	case "financial_account":
		return c.T("sensitive.kind.financial-account", nil)
	case "government_id":
		return c.T("sensitive.kind.government-id", nil)
	case "neural":
		return c.T("sensitive.kind.neural", nil)
	case "union_membership":
		return c.T("sensitive.kind.union-membership", nil)
	case "pregnancy":
		return c.T("sensitive.kind.pregnancy", nil)
	case "biological":
		return c.T("sensitive.kind.biological", nil)
	}
	return ""
}

func (b *builder) sensitive() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "sensitive-data", Title: string(c.T("sensitive.title", nil))}
	b.use(s)
	useEach(s, "categories", len(b.p.Categories), "us_sensitive")
	b.useCovered(s)
	var rows [][]notice.Text
	for _, cat := range b.d.cats {
		kinds := Category(cat).USSensitive
		if len(kinds) == 0 {
			continue
		}
		var where []*Law
		for _, l := range b.laws {
			if slices.ContainsFunc(kinds, func(k string) bool { return l.Counts(k, b.c.Date) }) {
				where = append(where, l)
			}
		}
		// Only the kinds some of those states count.
		var words []notice.Text
		for _, k := range kinds {
			if slices.ContainsFunc(where, func(l *Law) bool { return l.Counts(k, b.c.Date) }) {
				words = append(words, b.kind(k))
			}
		}
		if len(where) == 0 {
			continue
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(cat.Name)), c.List(words, locale.And), b.states(where)})
	}
	if len(rows) == 0 {
		s.P(c.T("sensitive.none", nil))
		return s
	}
	s.P(c.T("sensitive.intro", nil))
	s.Add(&notice.Table{Caption: string(c.T("sensitive.table.caption", nil)),
		Head: []string{string(c.T("sensitive.table.data", nil)), string(c.T("sensitive.table.what", nil)), string(c.T("sensitive.table.states", nil))}, Rows: rows})
	s.Use("us_states.sensitive_consent")
	if b.f.SensitiveConsent != "" {
		s.P(c.T("sensitive.consent", nil))
		s.Add(&notice.Prose{Markdown: string(b.f.SensitiveConsent)})
	}
	if b.f.SensitiveInferences != "" && b.has("CO") != nil {
		s.Use("us_states.sensitive_inferences")
		s.P(c.T("sensitive.inferences", nil))
		s.Add(&notice.Prose{Markdown: string(b.f.SensitiveInferences)})
	}
	if md := b.where(func(l *Law) bool { return l.SensitiveRule == "strictly_necessary" }); len(md) > 0 {
		s.P(c.N("sensitive.strictly-necessary", len(md), locale.Data{"States": b.states(md)}))
	}
	return s
}

// thirdParty reports whether a recipient kind is a third party under the
// state laws: not a processor (service provider, contractor) nor an
// affiliate.
func thirdParty(kind string) bool {
	return kind != "service_provider" && kind != "contractor" && kind != "affiliate"
}

func (b *builder) thirdParties() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "third-parties", Title: string(c.T("third-parties.title", nil))}
	b.use(s)
	useEach(s, "recipients", len(b.p.Recipients), "kind", "categories", "name", "description")
	useEach(s, "purposes", len(b.p.Purposes), "recipients")
	b.useCovered(s)
	pus := b.d.purposes
	var rows [][]notice.Text
	for i, r := range b.p.Recipients {
		if !thirdParty(r.Kind) || !slices.ContainsFunc(pus, func(pu *model.Purpose) bool { return slices.Contains(pu.Recipients, r.ID) }) {
			continue
		}
		desc := r.Description
		s.Use(model.Index("recipients", i) + ".us_description")
		if d := Recipient(r).USDescription; d != "" {
			desc = d
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(r.Name)), notice.Inline(strings.TrimSpace(string(desc))),
			c.List(j.CategoryNames(c, b.d.only(r.Categories)), locale.And)})
	}
	if len(rows) == 0 {
		s.P(c.T("third-parties.none", nil))
		return s
	}
	s.P(c.T("third-parties.intro", nil))
	s.Add(&notice.Table{Caption: string(c.T("third-parties.table.caption", nil)),
		Head: []string{string(c.T("third-parties.table.who", nil)), string(c.T("third-parties.table.what", nil)), string(c.T("third-parties.table.data", nil))}, Rows: rows})
	s.P(c.T("third-parties.not-third-parties", nil))
	if l := b.where(func(l *Law) bool { return slices.Contains(l.RightsOn(c.Date), "third_parties_list") }); len(l) > 0 {
		s.P(c.T("third-parties.list", locale.Data{"States": b.states(l), "Exercise": b.exercise()}))
	}
	return s
}

func (b *builder) sale() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "sale-advertising-profiling", Title: string(c.T("sale.title", nil))}
	b.use(s)
	s.Use("us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "us_states.opt_out_url")
	useEach(s, "purposes", len(b.p.Purposes), "name", "categories", "us_sale", "us_targeted_advertising", "us_profiling")
	b.useCovered(s)
	for _, pf := range []struct {
		on  model.Answer
		of  func(*PurposeFacts) model.Answer
		yes func(locale.Data) notice.Text
		no  func() notice.Text
	}{
		{b.f.Sells, func(p *PurposeFacts) model.Answer { return p.USSale },
			func(d locale.Data) notice.Text { return c.T("sale.sells", d) }, func() notice.Text { return c.T("sale.not-sold", nil) }},
		{b.f.TargetedAdvertising, func(p *PurposeFacts) model.Answer { return p.USTargetedAdvertising },
			func(d locale.Data) notice.Text { return c.T("sale.targeted-advertising", d) }, func() notice.Text { return c.T("sale.no-targeted-advertising", nil) }},
		{b.f.Profiling, func(p *PurposeFacts) model.Answer { return p.USProfiling },
			func(d locale.Data) notice.Text { return c.T("sale.profiling", d) }, func() notice.Text { return c.T("sale.no-profiling", nil) }},
	} {
		switch {
		case pf.on.IsYes():
			var purs []notice.Text
			var cats []string
			pus := b.d.purposes
			for _, pu := range pus {
				if pf.of(Purpose(pu)).IsYes() {
					purs = append(purs, notice.Plain(pu.Name))
					for _, id := range b.d.only(pu.Categories) {
						if !slices.Contains(cats, id) {
							cats = append(cats, id)
						}
					}
				}
			}
			s.P(stop(pf.yes(locale.Data{"Purposes": j.PurposeLabels(c, purs), "Categories": c.List(j.CategoryNames(c, cats), locale.And)})))
		case pf.on.IsNo():
			s.P(pf.no())
		}
	}
	if b.f.Sells.IsYes() && b.where(func(l *Law) bool { return l.SpecificOn("RI-6-48.1-3-a-2", c.Date) != nil }) != nil {
		var recs []notice.Text
		useEach(s, "purposes", len(b.p.Purposes), "recipients")
		for _, pu := range b.p.Purposes {
			if Purpose(pu).USSale.IsYes() {
				for _, t := range j.RecipientNames(c, pu.Recipients) {
					if !slices.Contains(recs, t) {
						recs = append(recs, t)
					}
				}
			}
		}
		if len(recs) > 0 {
			s.P(c.T("sale.sold-to", locale.Data{"Recipients": c.List(recs, locale.And)}))
		}
	}
	s.Use("us_states.opt_out_covers_sale")
	if b.f.Sells.IsNo() && b.f.TargetedAdvertising.IsYes() && b.f.OptOutCoversSale.IsYes() && b.advertisingThirdParties(s) {
		s.P(c.T("sale.opt-out-covers-sale", nil))
	}
	if (b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes() || b.f.Profiling.IsYes()) && b.f.OptOutURL != "" {
		var what []notice.Text
		if b.f.Sells.IsYes() {
			what = append(what, c.T("sale.opt-out.what.sale", nil))
		}
		if b.f.TargetedAdvertising.IsYes() {
			what = append(what, c.T("sale.opt-out.what.targeted-advertising", nil))
		}
		if b.f.Profiling.IsYes() {
			what = append(what, c.T("sale.opt-out.what.profiling", nil))
		}
		t := c.T("sale.opt-out", locale.Data{"What": c.List(what, locale.And), "Link": notice.Link(b.optOutLabel(), b.f.OptOutURL), "Exercise": b.exercise()})
		s.Add(&notice.Aside{Title: string(c.T("sale.opt-out.title", nil)), Blocks: []notice.Block{&notice.Paragraph{Text: t}}})
	}
	return s
}

// exercise is a link to the part "How to exercise your rights".
func (b *builder) exercise() notice.Text {
	return notice.Link(b.c.T("exercise.title", nil), "#exercise")
}

// optOutLabel is the text of the link to the opt-out page: "Opt out of
// sale and targeted advertising", naming what we do.
func (b *builder) optOutLabel() notice.Text {
	c := b.c
	var label []notice.Text
	if b.f.Sells.IsYes() {
		label = append(label, c.T("opt-out.label.sale", nil))
	}
	if b.f.TargetedAdvertising.IsYes() {
		label = append(label, c.T("opt-out.label.targeted-advertising", nil))
	}
	if b.f.Profiling.IsYes() {
		label = append(label, c.T("opt-out.label.profiling", nil))
	}
	return c.T("opt-out.link", locale.Data{"What": c.List(label, locale.And)})
}

func (b *builder) optOutSignals() *notice.Section {
	if !b.f.Sells.IsYes() && !b.f.TargetedAdvertising.IsYes() {
		return nil
	}
	c := b.c
	s := &notice.Section{ID: "universal-opt-out", Title: string(c.T("signals.title", nil))}
	b.use(s)
	s.Use("us_states.sells", "us_states.targeted_advertising", "cookies.global_privacy_control.honored", "us_states.universal_opt_out")
	gpc := b.p.Cookies.GlobalPrivacyControl
	var rows [][]notice.Text
	for _, l := range b.laws {
		if l.UniversalOptOut != nil {
			rows = append(rows, []notice.Text{notice.Plain(l.Name), b.day(l.UniversalOptOut.From)})
		}
	}
	if gpc == nil || !gpc.Honored.IsYes() {
		s.P(c.T("signals.not-honoured", nil))
		return s
	}
	s.P(c.T("signals.honoured", nil))
	if b.f.UniversalOptOut != "" {
		s.Add(&notice.Prose{Markdown: string(b.f.UniversalOptOut)})
	}
	if len(rows) > 0 {
		s.P(c.T("signals.states", nil))
		s.Add(&notice.Table{Caption: string(c.T("signals.table.caption", nil)),
			Head: []string{string(c.T("signals.table.state", nil)), string(c.T("signals.table.from", nil))}, Rows: rows})
	}
	return s
}

func (b *builder) minors() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "minors", Title: string(c.T("minors.title", nil))}
	b.use(s)
	ch := b.p.Children
	s.Use("children.minimum_age", "children.directed_to_children", "children.actual_knowledge_under_16")
	if ch.DirectedToChildren.IsNo() {
		s.P(c.T("minors.not-directed", locale.Data{"Age": c.Format().Number(int64(ch.MinimumAge))}))
	}
	if ch.ActualKnowledgeUnder16.IsNo() {
		s.P(c.T("minors.no-knowledge", nil))
	}
	var protect []*Law
	for _, l := range b.laws {
		if len(l.MinorsOn(c.Date)) > 0 {
			protect = append(protect, l)
		}
	}
	if len(protect) == 0 {
		return s
	}
	s.Use("us_states.teens_sold_or_targeted", "us_states.teens_consent", "us_states.sells", "us_states.targeted_advertising", "us_states.profiling")
	var rows [][]notice.Text
	for _, l := range protect {
		for _, m := range l.MinorsOn(c.Date) {
			rule := c.T("minors.rule.consent", nil)
			if m.Rule == "prohibited" {
				rule = c.T("minors.rule.prohibited", nil)
			}
			var covers []notice.Text
			for _, cv := range m.Covers {
				covers = append(covers, b.activity(cv))
			}
			ages := c.T("minors.ages", locale.Data{"Oldest": c.Format().Number(int64(m.Under - 1))})
			rows = append(rows, []notice.Text{notice.Plain(l.Name), ages, c.List(covers, locale.And), rule})
		}
	}
	switch {
	case b.f.TeensSoldOrTargeted.IsNo():
		s.P(c.T("minors.teens-not-sold", nil))
	case b.f.TeensSoldOrTargeted.IsYes() && b.f.TeensConsent != "":
		s.P(c.T("minors.teens-consent", nil))
		s.Add(&notice.Prose{Markdown: string(b.f.TeensConsent)})
	default:
		s.P(c.T("minors.teens-protected", nil))
	}
	s.Add(&notice.Table{Caption: string(c.T("minors.table.caption", nil)),
		Head: []string{string(c.T("minors.table.state", nil)), string(c.T("minors.table.ages", nil)), string(c.T("minors.table.covers", nil)), string(c.T("minors.table.rule", nil))}, Rows: rows})
	return s
}

func (b *builder) aiTraining() *notice.Section {
	ct := b.where(func(l *Law) bool { return l.SpecificOn("CT-LLM", b.c.Date) != nil })
	if len(ct) == 0 || !b.f.LLMTraining.Known() {
		return nil
	}
	c := b.c
	s := &notice.Section{ID: "ai-training", Title: string(c.T("ai.title", nil))}
	b.use(s)
	s.Use("us_states.llm_training")
	s.Satisfies("CT-LLM")
	if b.f.LLMTraining.IsYes() {
		s.P(c.T("ai.yes", nil))
	} else {
		s.P(c.T("ai.no", nil))
	}
	return s
}

// right is what a state right lets a consumer do, as the list of rights
// reads it.
func (b *builder) right(id string) notice.Text {
	c := b.c
	switch id {
	case "confirm_access":
		return c.T("rights.confirm-access", nil)
	case "correct":
		return c.T("rights.correct", nil)
	case "delete":
		return c.T("rights.delete", nil)
	case "portability":
		return c.T("rights.portability", nil)
	case "opt_out_sale":
		return c.T("rights.opt-out-sale", nil)
	case "opt_out_targeted_advertising":
		return c.T("rights.opt-out-targeted-advertising", nil)
	case "opt_out_profiling":
		return c.T("rights.opt-out-profiling", nil)
	case "third_parties_list":
		return c.T("rights.third-parties-list", nil)
	case "third_parties_sold_list":
		return c.T("rights.third-parties-sold-list", nil)
	case "portability_provided":
		return c.T("rights.portability-provided", nil)
	case "third_party_categories_list":
		return c.T("rights.third-party-categories-list", nil)
	case "question_profiling":
		return c.T("rights.question-profiling", nil)
	case "appeal":
		return c.T("rights.appeal", nil)
	}
	return ""
}

var rightOrder = []string{"confirm_access", "correct", "delete", "portability", "portability_provided", "opt_out_sale", "opt_out_targeted_advertising", "opt_out_profiling", "third_parties_list", "third_parties_sold_list", "third_party_categories_list", "question_profiling", "appeal"}

func (b *builder) rights() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "your-rights", Title: string(c.T("rights.title", nil))}
	b.use(s)
	common := map[string]int{}
	for _, l := range b.laws {
		for _, r := range l.RightsOn(b.c.Date) {
			common[r]++
		}
	}
	var all, items []notice.Text
	for _, id := range rightOrder {
		if common[id] == 0 {
			continue
		}
		t := b.right(id)
		if common[id] < len(b.laws) {
			var in []*Law
			for _, l := range b.laws {
				if slices.Contains(l.RightsOn(b.c.Date), id) {
					in = append(in, l)
				}
			}
			t = notice.Join(t, c.T("rights.residents", locale.Data{"States": b.states(in)}))
		}
		items = append(items, t)
		all = append(all, notice.Text(id))
	}
	s.P(c.T("rights.intro", nil))
	s.Add(&notice.List{Items: items})
	s.Use("rights.non_discrimination")
	if nd := b.p.Rights.NonDiscrimination; nd != "" {
		s.Add(&notice.Prose{Markdown: string(nd)})
	} else {
		s.P(c.T("rights.non-discrimination", nil))
	}
	var rows [][]notice.Text
	for _, l := range b.laws {
		appeal := c.N("rights.table.days", l.AppealDays, nil)
		if l.AppealDays == 0 {
			appeal = c.T("rights.table.no-appeal", nil)
		}
		rows = append(rows, []notice.Text{notice.Plain(l.Name), c.N("rights.table.days", l.ResponseDays, nil), appeal})
	}
	s.P(c.T("rights.time-limits", nil))
	s.Add(&notice.Table{Caption: string(c.T("rights.table.caption", nil)),
		Head: []string{string(c.T("rights.table.state", nil)), string(c.T("rights.table.answer", nil)), string(c.T("rights.table.appeal", nil))}, Rows: rows})

	ex := s.Sub("exercise", string(c.T("exercise.title", nil)))
	ex.Use("rights.request_methods", "rights.verification", "rights.authorized_agents", "rights.response_time")
	rt := b.p.Rights
	ex.P(c.T("exercise.methods", nil))
	ex.Add(&notice.List{Items: j.RequestMethods(c, rt.RequestMethods)})
	ex.Add(&notice.Prose{Markdown: string(rt.Verification)})
	ex.Use("us_states.sells", "us_states.targeted_advertising", "us_states.profiling")
	if b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes() || b.f.Profiling.IsYes() {
		ex.P(c.T("exercise.opt-out-unverified", nil))
	}
	ex.Add(&notice.Prose{Markdown: string(rt.AuthorizedAgents)})
	ex.Use("us_states.response_time", "rights.consent_withdrawal")
	if t := b.f.ResponseTime; t != "" {
		ex.Add(&notice.Prose{Markdown: string(t)})
	} else if rt.ResponseTime != "" {
		ex.Add(&notice.Prose{Markdown: string(rt.ResponseTime)})
	}
	if rt.ConsentWithdrawal != "" {
		ex.P(c.T("exercise.withdraw-consent", nil))
		ex.Add(&notice.Prose{Markdown: string(rt.ConsentWithdrawal)})
	}
	return s
}

func (b *builder) appeal() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "appeal", Title: string(c.T("appeal.title", nil))}
	b.use(s)
	s.Use("rights.appeal", "us_states.appeal")
	if b.f.Appeal != "" {
		s.Add(&notice.Prose{Markdown: string(b.f.Appeal)})
	} else if b.p.Rights.Appeal != "" {
		s.Add(&notice.Prose{Markdown: string(b.p.Rights.Appeal)})
	}
	var ag []notice.Text
	for _, l := range b.laws {
		if l.AppealToAG.IsYes() {
			name := c.T("appeal.attorney-general", locale.Data{"State": notice.Plain(l.Name)})
			if l.AGContactURL != "" {
				name = notice.Link(name, l.AGContactURL)
			}
			ag = append(ag, name)
		}
	}
	if len(ag) > 0 {
		s.P(c.T("appeal.complaint", locale.Data{"Contacts": c.List(ag, locale.And)}))
	}
	return s
}

func (b *builder) retention() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "retention", Title: string(c.T("retention.title", nil))}
	s.Use("retention")
	useEach(s, "categories", len(b.p.Categories), "name", "retention")
	b.useCovered(s)
	s.P(c.T("retention.intro", nil))
	var rows [][]notice.Text
	for _, cat := range b.d.cats {
		rt := j.RetentionRule(b.p, cat.Retention)
		if rt == nil {
			continue
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(cat.Name)), j.Retention(c, rt)})
	}
	s.Add(&notice.Table{Caption: string(c.T("retention.table.caption", nil)),
		Head: []string{string(c.T("retention.table.data", nil)), string(c.T("retention.table.period", nil))}, Rows: rows})
	return s
}

// advertisingThirdParties reports whether a targeted-advertising purpose
// discloses data to third parties (advertising partners, say), and traces
// what decides it.
func (b *builder) advertisingThirdParties(s *notice.Section) bool {
	useEach(s, "purposes", len(b.p.Purposes), "us_targeted_advertising", "recipients")
	for _, pu := range b.p.Purposes {
		if !Purpose(pu).USTargetedAdvertising.IsYes() {
			continue
		}
		for _, id := range pu.Recipients {
			if r := j.Recipient(b.p, id); r != nil && thirdParty(r.Kind) {
				return true
			}
		}
	}
	return false
}

// activity names what a teen rule covers (a cell of the table of
// protections for teenagers).
func (b *builder) activity(id string) notice.Text {
	switch id {
	case "sale":
		return b.c.T("minors.covers.sale", nil)
	case "targeted_advertising":
		return b.c.T("minors.covers.targeted-advertising", nil)
	case "profiling":
		return b.c.T("minors.covers.profiling", nil)
	}
	return ""
}

// texasBanners are Texas's prescribed notices (Tex. Bus. & Com. Code
// §541.102(b)-(c)), by the reference item that holds their words, and the
// kind of sold data that calls for each ("" for any sensitive data).
var texasBanners = []struct{ id, kind string }{{"TX-541.102-b", ""}, {"TX-541.102-c", "biometric"}}

// rightVerb is what the state right id lets a consumer do, for the
// summary: in the core's words for a core right (jurisdiction.RightVerb),
// "" for a right the summary does not name.
func (b *builder) rightVerb(id string) notice.Text {
	c := b.c
	switch id {
	case "confirm_access":
		return j.RightVerb(c, "access")
	case "correct":
		return j.RightVerb(c, "correction")
	case "delete":
		return j.RightVerb(c, "deletion")
	case "portability", "portability_provided":
		return j.RightVerb(c, "portability")
	case "opt_out_sale":
		return c.T("summary.rights.opt-out-sale", nil)
	case "opt_out_targeted_advertising":
		return c.T("summary.rights.opt-out-targeted-advertising", nil)
	case "opt_out_profiling":
		return c.T("summary.rights.opt-out-profiling", nil)
	}
	return ""
}

// summary is the notice's key points: what we collect, sale, targeted
// advertising and profiling and how to opt out, the rights and where to
// use them, who receives the data, how long it is kept, children and
// teenagers; and the ways to make a request and to opt out.
func (b *builder) summary() *notice.Section {
	c := b.c
	s := j.Summary{TollFree: true}
	covered := b.coveredPaths()
	if len(b.laws) > 0 {
		var in []notice.Text
		for _, sub := range b.p.Subjects {
			if consumers(b.p, sub.ID) {
				in = append(in, notice.Plain(j.LowerFirstIn(b.c, sub.Name)))
			}
		}
		t := stop(c.T("summary.scope", locale.Data{"States": b.states(b.laws), "Subjects": c.List(in, locale.And)}))
		if len(in) < len(b.p.Subjects) {
			t = notice.Join(t, c.T("summary.scope.not-all", nil))
		}
		s.Point(string(c.T("summary.scope.label", nil)), t, "scope", covered...)
	}
	s.Collected(c, "personal-data", func(c *model.Category) bool { return b.d.ids[c.ID] }, covered...)
	var done, not []notice.Text
	for _, f := range []struct {
		on   model.Answer
		what notice.Text
	}{{b.f.Sells, c.T("summary.sale.activity.sell", nil)}, {b.f.TargetedAdvertising, c.T("summary.sale.activity.targeted-advertising", nil)},
		{b.f.Profiling, c.T("summary.sale.activity.profiling", nil)}} {
		switch {
		case f.on.IsYes():
			done = append(done, f.what)
		case f.on.IsNo():
			not = append(not, f.what)
		}
	}
	var sale notice.Text
	if len(done) > 0 {
		sale = c.T("summary.sale.do", locale.Data{"Activities": c.List(done, locale.And)})
	}
	if len(not) > 0 {
		sale = notice.Join(sale, c.T("summary.sale.do-not", locale.Data{"Activities": c.List(not, locale.Or)}))
	}
	if len(done) > 0 && b.f.OptOutURL != "" {
		page := notice.Link(c.T("summary.sale.opt-out.page", nil), b.f.OptOutURL)
		if gpc := b.p.Cookies.GlobalPrivacyControl; gpc != nil && gpc.Honored.IsYes() && (b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes()) {
			sale = notice.Join(sale, c.T("summary.sale.opt-out-or-gpc", locale.Data{"Page": page}))
		} else {
			sale = notice.Join(sale, c.T("summary.sale.opt-out", locale.Data{"Page": page}))
		}
	}
	s.Point(string(c.T("summary.sale.label", nil)), sale, "sale-advertising-profiling",
		"us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "us_states.opt_out_url", "cookies.global_privacy_control.honored")
	common := map[string]bool{}
	for _, l := range b.laws {
		for _, r := range l.RightsOn(c.Date) {
			common[r] = true
		}
	}
	var verbs []notice.Text
	for _, id := range rightOrder {
		if v := b.rightVerb(id); common[id] && v != "" && !slices.Contains(verbs, v) {
			verbs = append(verbs, v)
		}
	}
	s.Rights(c, "your-rights", verbs)
	if common["appeal"] {
		s.Point(string(c.T("summary.appeal.label", nil)), c.T("summary.appeal", nil), "appeal", "rights.appeal", "us_states.appeal")
	}
	rpaths := slices.Clone(covered)
	for i := range b.p.Recipients {
		rpaths = append(rpaths, model.Index("recipients", i)+".kind", model.Index("recipients", i)+".name")
	}
	for i := range b.p.Purposes {
		rpaths = append(rpaths, model.Index("purposes", i)+".recipients")
	}
	s.Recipients(c, "third-parties", c.T("summary.recipients.lead", nil), func(r *model.Recipient) bool {
		return thirdParty(r.Kind) && slices.ContainsFunc(b.d.purposes, func(pu *model.Purpose) bool { return slices.Contains(pu.Recipients, r.ID) })
	}, "", rpaths...)
	s.Kept(c, "retention", func(c *model.Category) bool { return b.d.ids[c.ID] }, covered...)
	ch := b.p.Children
	var minors notice.Text
	if ch.DirectedToChildren.IsNo() {
		minors = c.T("summary.minors.not-directed", locale.Data{"Age": c.Format().Number(int64(ch.MinimumAge))})
	}
	if b.f.TeensSoldOrTargeted.IsNo() {
		minors = notice.Join(minors, c.T("summary.minors.teens", nil))
	}
	s.Point(string(c.T("summary.minors.label", nil)), minors, "minors", "children.minimum_age", "children.directed_to_children", "us_states.teens_sold_or_targeted")
	if len(done) > 0 {
		s.OptOut(string(b.optOutLabel()), b.f.OptOutURL, "us_states.opt_out_url")
	}
	return s.Section(c)
}
