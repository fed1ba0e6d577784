package usstates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
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
	doc := j.NewDocument(c, ID, "US State Privacy Notice", p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.scope(), b.personalData(), b.sensitive(), b.thirdParties(), b.sale(), b.optOutSignals(),
		b.retention(), b.minors(), b.aiTraining(), b.rights(), b.appeal(), j.ChangesSection(c),
		j.ContactSection(c, "If you have questions about this notice or our privacy practices, contact us:"),
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

// stateNames names the states of ls in the notice's text.
func stateNames(ls []*Law) notice.Text { return notice.Series(notice.Plains(lawNames(ls)), "and") }

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
	s := &notice.Section{ID: "scope", Title: "Who this notice is for"}
	b.use(s)
	for _, t := range b.banners(s) {
		s.Add(&notice.Aside{Title: "Notice", Blocks: []notice.Block{&notice.Paragraph{Text: t}}})
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
		s.P("The data does not yet say which state privacy laws apply to us.")
	} else {
		s.P(notice.Sentence("This notice is for consumers who live in " + stateNames(b.laws) +
			". It explains how " + notice.Series(ents, "and") + " (\"" + notice.Plain(b.p.Organization.Name) + "\", \"we\") process your personal data, and the rights your state's privacy law gives you"))
	}
	if b.has("OR") != nil {
		s.Use("us_states.uses_assumed_names", "us_states.assumed_names")
		if b.f.UsesAssumedNames.IsYes() && len(b.f.AssumedNames) > 0 {
			s.P("We also do business as " + notice.Series(notice.Plains(b.f.AssumedNames), "and") + ".")
		} else if b.f.UsesAssumedNames.IsNo() {
			s.P("We do business only under these legal names.")
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
	s.P("These laws protect \"consumers\": residents of the state acting for themselves or their household. This notice covers the personal data of " + notice.Series(in, "and") + ".")
	if len(out) > 0 {
		s.P("It does not cover personal data about you in a business or employment role, as one of our " + notice.Series(out, "or") +
			": these laws do not cover it. Our " + notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["global"], "Privacy Policy")), "global", "") + " describes how we handle it.")
	}
	var rows [][]notice.Text
	for _, l := range b.laws {
		rows = append(rows, []notice.Text{notice.Plain(l.Name), notice.Plain(l.Law) + " (" + notice.Plain(l.Citation) + ")", notice.Plain(usDate(l.From))})
	}
	s.Add(&notice.Table{Caption: "The state laws this notice covers", Head: []string{"State", "Law", "In effect since"}, Rows: rows})
	if b.c.PublishesIn(s, "california") {
		s.P("If you live in California, our " + notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["california"], "California Privacy Notice")), "california", "") +
			" describes your rights under the California Consumer Privacy Act instead.")
	}
	s.P("This notice supplements our " + notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["global"], "Privacy Policy")), "global", "") + ", which describes our practices in full.")
	return s
}

func yesNo(a model.Answer) notice.Text {
	switch {
	case a.IsYes():
		return "Yes"
	case a.IsNo():
		return "No"
	}
	return "Not stated"
}

func (b *builder) personalData() *notice.Section {
	s := &notice.Section{ID: "personal-data", Title: "Personal data we process and why"}
	b.use(s)
	s.Use("categories")
	b.useCovered(s)
	pus := b.d.purposes
	s.P("We process these categories of personal data about consumers:")
	var items []notice.Text
	for _, cat := range b.d.cats {
		items = append(items, notice.Strong(notice.Plain(cat.Name))+": "+notice.Inline(strings.TrimSpace(string(cat.Description))))
	}
	s.Add(&notice.List{Items: items})
	useEach(s, "purposes", len(b.p.Purposes), "name", "categories", "us_sale", "us_targeted_advertising", "us_profiling")
	s.P("For each purpose, the table shows the personal data we use for it and whether we sell that data, use it for targeted advertising or use it for profiling in furtherance of decisions that produce legal or similarly significant effects concerning you:")
	var rows [][]notice.Text
	for _, pu := range pus {
		pf := Purpose(pu)
		if len(b.d.only(pu.Categories)) == 0 {
			continue // it uses no consumer's data
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(pu.Name)), notice.Series(j.CategoryNames(b.c, b.d.only(pu.Categories)), "and"),
			yesNo(pf.USSale), yesNo(pf.USTargetedAdvertising), yesNo(pf.USProfiling)})
	}
	s.Add(&notice.Table{Caption: "Purposes, the personal data each uses, and sale, targeted advertising and profiling",
		Head: []string{"Purpose", "Personal data", "Sold", "Targeted advertising", "Profiling"}, Rows: rows})
	return s
}

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

func (b *builder) sensitive() *notice.Section {
	s := &notice.Section{ID: "sensitive-data", Title: "Sensitive data"}
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
				words = append(words, notice.Text(kindWords[k]))
			}
		}
		if len(where) == 0 {
			continue
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(cat.Name)), notice.Series(words, "and"), stateNames(where)})
	}
	if len(rows) == 0 {
		s.P("We do not process sensitive data about consumers, as the laws of these states define it (including the personal data of a known child).")
		return s
	}
	s.P("Each state defines sensitive data in its own words. We process these categories of personal data that hold sensitive data under the laws of the states shown:")
	s.Add(&notice.Table{Caption: "Sensitive data, by state", Head: []string{"Personal data", "What is sensitive", "Sensitive under the laws of"}, Rows: rows})
	s.Use("us_states.sensitive_consent")
	if b.f.SensitiveConsent != "" {
		s.P("Where a state's law requires your consent before we process your sensitive data, we ask for it first:")
		s.Add(&notice.Prose{Markdown: string(b.f.SensitiveConsent)})
	}
	if b.f.SensitiveInferences != "" && b.has("CO") != nil {
		s.Use("us_states.sensitive_inferences")
		s.P("**Sensitive data inferences.** We make inferences that reveal sensitive data, and delete them within 24 hours:")
		s.Add(&notice.Prose{Markdown: string(b.f.SensitiveInferences)})
	}
	if md := b.where(func(l *Law) bool { return l.SensitiveRule == "strictly_necessary" }); len(md) > 0 {
		s.P(notice.Sentence(notice.Text(theLaws(md, "allows", "allow")) + " sensitive data to be collected and processed only where it is strictly necessary to provide or maintain the product or service you asked for, and never to be sold"))
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
	s := &notice.Section{ID: "third-parties", Title: "Personal data we share with third parties"}
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
			notice.Series(j.CategoryNames(b.c, b.d.only(r.Categories)), "and")})
	}
	if len(rows) == 0 {
		s.P("We do not share personal data with third parties. We disclose it only to our processors, who handle it on our behalf under contract, and to our affiliates.")
		return s
	}
	s.P("We share personal data with these categories of third parties, who may process it as described:")
	s.Add(&notice.Table{Caption: "Third parties and the personal data we share with them",
		Head: []string{"Third parties", "Who they are and how they may process it", "Personal data shared"}, Rows: rows})
	s.P("Processors (service providers) that handle personal data only on our instructions, and our affiliates, are not third parties under the state laws.")
	if l := b.where(func(l *Law) bool { return slices.Contains(l.RightsOn(b.c.Date), "third_parties_list") }); len(l) > 0 {
		s.P(notice.Sentence("If you live in " + stateNames(l) + ", you may ask us for a list of the specific third parties to which we have disclosed your personal data (or personal data in general): see " + notice.Link("How to exercise your rights", "#exercise")))
	}
	return s
}

func (b *builder) sale() *notice.Section {
	s := &notice.Section{ID: "sale-advertising-profiling", Title: "Sale, targeted advertising and profiling"}
	b.use(s)
	s.Use("us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "us_states.opt_out_url")
	useEach(s, "purposes", len(b.p.Purposes), "name", "categories", "us_sale", "us_targeted_advertising", "us_profiling")
	b.useCovered(s)
	for _, pf := range []struct {
		on   model.Answer
		of   func(*PurposeFacts) model.Answer
		yes  string
		no   string
		what string
	}{
		{b.f.Sells, func(p *PurposeFacts) model.Answer { return p.USSale }, "We sell personal data", "We do not sell personal data.", ""},
		{b.f.TargetedAdvertising, func(p *PurposeFacts) model.Answer { return p.USTargetedAdvertising }, "We process personal data for targeted advertising (showing you ads based on your activity over time across other companies' websites and apps)", "We do not process personal data for targeted advertising.", ""},
		{b.f.Profiling, func(p *PurposeFacts) model.Answer { return p.USProfiling }, "We use personal data for profiling in furtherance of decisions that produce legal or similarly significant effects concerning you", "We do not use personal data for profiling in furtherance of decisions that produce legal or similarly significant effects concerning you.", ""},
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
			s.P(notice.Sentence(notice.Text(pf.yes) + ", for " + j.PurposeLabels(b.c, purs) + ", using " + notice.Series(j.CategoryNames(b.c, cats), "and")))
		case pf.on.IsNo():
			s.P(notice.Text(pf.no))
		}
	}
	if b.f.Sells.IsYes() && b.where(func(l *Law) bool { return l.SpecificOn("RI-6-48.1-3-a-2", b.c.Date) != nil }) != nil {
		var recs []notice.Text
		useEach(s, "purposes", len(b.p.Purposes), "recipients")
		for _, pu := range b.p.Purposes {
			if Purpose(pu).USSale.IsYes() {
				for _, t := range j.RecipientNames(b.c, pu.Recipients) {
					if !slices.Contains(recs, t) {
						recs = append(recs, t)
					}
				}
			}
		}
		if len(recs) > 0 {
			s.P("We sell, or may sell, personal data to " + notice.Series(recs, "and") + ".")
		}
	}
	s.Use("us_states.opt_out_covers_sale")
	if b.f.Sells.IsNo() && b.f.TargetedAdvertising.IsYes() && b.f.OptOutCoversSale.IsYes() && b.advertisingThirdParties(s) {
		s.P("Because some state laws may treat the disclosure of this information to our advertising partners as a sale, we treat a request to opt out of targeted advertising, including a universal opt-out signal, as a request to opt out of any sale of your personal data too.")
	}
	if (b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes() || b.f.Profiling.IsYes()) && b.f.OptOutURL != "" {
		var what, label []notice.Text
		if b.f.Sells.IsYes() {
			what, label = append(what, "the sale of your personal data"), append(label, "sale")
		}
		if b.f.TargetedAdvertising.IsYes() {
			what, label = append(what, "targeted advertising"), append(label, "targeted advertising")
		}
		if b.f.Profiling.IsYes() {
			what, label = append(what, "profiling in furtherance of decisions that produce legal or similarly significant effects"), append(label, "profiling")
		}
		s.Add(&notice.Aside{Title: "Your right to opt out", Blocks: []notice.Block{&notice.Paragraph{Text: notice.Sentence(
			"You may opt out of " + notice.Series(what, "and") + " at any time: " + notice.Link("Opt out of "+notice.Series(label, "and"), b.f.OptOutURL) +
				". You can also use any of the ways to make a request in " + notice.Link("How to exercise your rights", "#exercise"))}}})
	}
	return s
}

func (b *builder) optOutSignals() *notice.Section {
	if !b.f.Sells.IsYes() && !b.f.TargetedAdvertising.IsYes() {
		return nil
	}
	s := &notice.Section{ID: "universal-opt-out", Title: "Universal opt-out mechanisms"}
	b.use(s)
	s.Use("us_states.sells", "us_states.targeted_advertising", "cookies.global_privacy_control.honored", "us_states.universal_opt_out")
	gpc := b.p.Cookies.GlobalPrivacyControl
	var rows [][]notice.Text
	for _, l := range b.laws {
		if l.UniversalOptOut != nil {
			rows = append(rows, []notice.Text{notice.Plain(l.Name), notice.Plain(usDate(l.UniversalOptOut.From))})
		}
	}
	if gpc == nil || !gpc.Honored.IsYes() {
		s.P("We do not yet respond to universal opt-out mechanisms such as the Global Privacy Control. To opt out, use the ways described above.")
		return s
	}
	s.P("We honour universal opt-out mechanisms, such as the Global Privacy Control (GPC), as a valid request to opt out of the sale of your personal data and of targeted advertising.")
	if b.f.UniversalOptOut != "" {
		s.Add(&notice.Prose{Markdown: string(b.f.UniversalOptOut)})
	}
	if len(rows) > 0 {
		s.P("These states' laws provide for universal opt-out mechanisms, from the dates shown:")
		s.Add(&notice.Table{Caption: "Universal opt-out mechanisms, by state", Head: []string{"State", "Required from"}, Rows: rows})
	}
	return s
}

func (b *builder) minors() *notice.Section {
	s := &notice.Section{ID: "minors", Title: "Children's and teenagers' data"}
	b.use(s)
	ch := b.p.Children
	s.Use("children.minimum_age", "children.directed_to_children", "children.actual_knowledge_under_16")
	if ch.DirectedToChildren.IsNo() {
		s.P(notice.Sentence(notice.Text(fmt.Sprintf("Our services are not directed to children, and are not meant for anyone under %d", ch.MinimumAge))))
	}
	if ch.ActualKnowledgeUnder16.IsNo() {
		s.P("We do not knowingly process the personal data of children under 13 (which the state laws treat as sensitive data and allow only with a parent's consent under the Children's Online Privacy Protection Act), or of consumers we know to be under 16.")
	}
	var protect []*Law
	for _, l := range b.laws {
		if len(l.MinorsOn(b.c.Date)) > 0 {
			protect = append(protect, l)
		}
	}
	if len(protect) == 0 {
		return s
	}
	s.Use("us_states.teens_sold_or_targeted", "us_states.teens_consent", "us_states.sells", "us_states.targeted_advertising", "us_states.profiling")
	var rows [][]notice.Text
	for _, l := range protect {
		for _, m := range l.MinorsOn(b.c.Date) {
			rule := "Only with the teenager's consent"
			if m.Rule == "prohibited" {
				rule = "Not allowed"
			}
			var covers []notice.Text
			for _, cv := range m.Covers {
				covers = append(covers, notice.Text(activityWords[cv]))
			}
			rows = append(rows, []notice.Text{notice.Plain(l.Name), notice.Text(fmt.Sprintf("13 to %d", m.Under-1)), notice.Series(covers, "and"), notice.Text(rule)})
		}
	}
	switch {
	case b.f.TeensSoldOrTargeted.IsNo():
		s.P("We do not sell, or use for targeted advertising or profiling, the personal data of consumers we know (or, where the law says so, should know) to be teenagers, or whose age we wilfully disregard. The laws of these states protect it:")
	case b.f.TeensSoldOrTargeted.IsYes() && b.f.TeensConsent != "":
		s.P("We sell the personal data of consumers we know to be teenagers, or use it for targeted advertising or profiling, only with the consent these states' laws require:")
		s.Add(&notice.Prose{Markdown: string(b.f.TeensConsent)})
	default:
		s.P("The laws of these states protect teenagers' personal data:")
	}
	s.Add(&notice.Table{Caption: "Protections for teenagers' data, by state", Head: []string{"State", "Ages", "Covers", "Rule"}, Rows: rows})
	return s
}

func (b *builder) aiTraining() *notice.Section {
	ct := b.where(func(l *Law) bool { return l.SpecificOn("CT-LLM", b.c.Date) != nil })
	if len(ct) == 0 || !b.f.LLMTraining.Known() {
		return nil
	}
	s := &notice.Section{ID: "ai-training", Title: "Training large language models"}
	b.use(s)
	s.Use("us_states.llm_training")
	s.Satisfies("CT-LLM")
	if b.f.LLMTraining.IsYes() {
		s.P("We collect, use or sell personal data to train large language models.")
	} else {
		s.P("We do not collect, use or sell personal data to train large language models.")
	}
	return s
}

var rightWords = map[string]string{
	"confirm_access":               "**Access.** Confirm whether we process your personal data, and get access to it.",
	"correct":                      "**Correction.** Correct inaccuracies in your personal data, taking into account its nature and the purposes of processing.",
	"delete":                       "**Deletion.** Delete personal data you provided or that we obtained about you.",
	"portability":                  "**Portability.** Get a copy of your personal data in a portable and, where technically feasible, readily usable format.",
	"opt_out_sale":                 "**Opt out of sale.** Opt out of the sale of your personal data.",
	"opt_out_targeted_advertising": "**Opt out of targeted advertising.** Opt out of the processing of your personal data for targeted advertising.",
	"opt_out_profiling":            "**Opt out of profiling.** Opt out of profiling in furtherance of decisions that produce legal or similarly significant effects concerning you.",
	"third_parties_list":           "**List of third parties.** Get a list of the specific third parties to which we have disclosed personal data.",
	"third_parties_sold_list":      "**Third parties we sold to.** Get a list of the third parties to which we have sold your personal data.",
	"portability_provided":         "**Portability (the data you provided).** Get a copy of the personal data you provided to us, in a portable and readily usable format.",
	"third_party_categories_list":  "**Categories of third parties.** Get a list of the categories of third parties to which we have disclosed your personal data.",
	"question_profiling":           "**Question a profiling decision.** Question the result of profiling that produced a legal or similarly significant effect, be told the reasons for it, review the personal data used, and have it corrected and the decision reviewed.",
	"appeal":                       "**Appeal.** Appeal our decision on your request.",
}

var rightOrder = []string{"confirm_access", "correct", "delete", "portability", "portability_provided", "opt_out_sale", "opt_out_targeted_advertising", "opt_out_profiling", "third_parties_list", "third_parties_sold_list", "third_party_categories_list", "question_profiling", "appeal"}

func (b *builder) rights() *notice.Section {
	s := &notice.Section{ID: "your-rights", Title: "Your rights"}
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
		t := notice.Text(rightWords[id])
		if common[id] < len(b.laws) {
			var in []*Law
			for _, l := range b.laws {
				if slices.Contains(l.RightsOn(b.c.Date), id) {
					in = append(in, l)
				}
			}
			t = notice.Join(t, "(Residents of "+stateNames(in)+".)")
		}
		items = append(items, t)
		all = append(all, notice.Text(id))
	}
	s.P("If you live in any of these states, you have the rights below under your state's law; where only some of the states give a right, they are named:")
	s.Add(&notice.List{Items: items})
	s.Use("rights.non_discrimination")
	if nd := b.p.Rights.NonDiscrimination; nd != "" {
		s.Add(&notice.Prose{Markdown: string(nd)})
	} else {
		s.P("The laws of these states do not allow us to discriminate against you for exercising these rights, for example by denying you our services or charging you a different price.")
	}
	var rows [][]notice.Text
	for _, l := range b.laws {
		appeal := notice.Text(fmt.Sprintf("%d days", l.AppealDays))
		if l.AppealDays == 0 {
			appeal = "No right to appeal under this law"
		}
		rows = append(rows, []notice.Text{notice.Plain(l.Name), notice.Text(fmt.Sprintf("%d days", l.ResponseDays)), appeal})
	}
	s.P("Each state's law sets the time we have to answer a request and to decide an appeal; where the law permits, we may extend it once, and will tell you why within the first period:")
	s.Add(&notice.Table{Caption: "Time limits under each state's law, before any extension", Head: []string{"State", "To answer your request", "To decide your appeal"}, Rows: rows})

	ex := s.Sub("exercise", "How to exercise your rights")
	ex.Use("rights.request_methods", "rights.verification", "rights.authorized_agents", "rights.response_time")
	rt := b.p.Rights
	ex.P("To make a request, contact us by any of these methods:")
	ex.Add(&notice.List{Items: j.RequestMethods(b.c, rt.RequestMethods)})
	ex.Add(&notice.Prose{Markdown: string(rt.Verification)})
	ex.Use("us_states.sells", "us_states.targeted_advertising", "us_states.profiling")
	if b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes() || b.f.Profiling.IsYes() {
		ex.P("These laws do not let us require you to verify your identity to opt out of sale, targeted advertising or profiling: we may refuse an opt-out request only if we have a good-faith, reasonable and documented belief that it is fraudulent.")
	}
	ex.Add(&notice.Prose{Markdown: string(rt.AuthorizedAgents)})
	ex.Use("us_states.response_time", "rights.consent_withdrawal")
	if t := b.f.ResponseTime; t != "" {
		ex.Add(&notice.Prose{Markdown: string(t)})
	} else if rt.ResponseTime != "" {
		ex.Add(&notice.Prose{Markdown: string(rt.ResponseTime)})
	}
	if rt.ConsentWithdrawal != "" {
		ex.P("**Withdrawing consent.** Where we rely on your consent, you may revoke it:")
		ex.Add(&notice.Prose{Markdown: string(rt.ConsentWithdrawal)})
	}
	return s
}

func (b *builder) appeal() *notice.Section {
	s := &notice.Section{ID: "appeal", Title: "How to appeal our decision"}
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
			name := notice.Plain(l.Name + " Attorney General")
			if l.AGContactURL != "" {
				name = notice.Link(name, l.AGContactURL)
			}
			ag = append(ag, name)
		}
	}
	if len(ag) > 0 {
		s.P("If we deny your appeal, we will tell you how to contact your state's Attorney General to submit a complaint: " + notice.Series(ag, "and") + ".")
	}
	return s
}

func (b *builder) retention() *notice.Section {
	s := &notice.Section{ID: "retention", Title: "How long we keep personal data"}
	s.Use("retention")
	useEach(s, "categories", len(b.p.Categories), "name", "retention")
	b.useCovered(s)
	s.P("We keep each category of personal data for as long as shown below, and then delete or de-identify it:")
	var rows [][]notice.Text
	for _, cat := range b.d.cats {
		rt := j.RetentionRule(b.p, cat.Retention)
		if rt == nil {
			continue
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(cat.Name)), j.Retention(b.c, rt)})
	}
	s.Add(&notice.Table{Caption: "How long we keep each category of personal data", Head: []string{"Personal data", "How long we keep it"}, Rows: rows})
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

// activityWords name what the teen rules cover.
var activityWords = map[string]string{"sale": "sale", "targeted_advertising": "targeted advertising", "profiling": "profiling"}

// texasBanners are Texas's prescribed notices (Tex. Bus. & Com. Code
// §541.102(b)-(c)), by the reference item that holds their words, and the
// kind of sold data that calls for each ("" for any sensitive data).
var texasBanners = []struct{ id, kind string }{{"TX-541.102-b", ""}, {"TX-541.102-c", "biometric"}}

// usDate writes a day as US readers write it: "July 1, 2024".
func usDate(d model.Date) string { return d.Format("January 2, 2006") }

// rightVerbs say what each state right lets a consumer do, for the
// summary.
// Those of the core rights are their codes (jurisdiction.RightVerb).
var rightVerbs = map[string]notice.Text{
	"confirm_access":               "access",
	"correct":                      "correction",
	"delete":                       "deletion",
	"portability":                  "portability",
	"portability_provided":         "portability",
	"opt_out_sale":                 "opt out of its sale",
	"opt_out_targeted_advertising": "opt out of targeted advertising",
	"opt_out_profiling":            "opt out of profiling",
}

// rightVerb is what the state right id lets a consumer do, for the
// summary: rightVerbs, in the core's words for a core right.
func (b *builder) rightVerb(id string) notice.Text {
	switch v := rightVerbs[id]; v {
	case "access", "correction", "deletion", "portability":
		return j.RightVerb(b.c, string(v))
	default:
		return v
	}
}

// summary is the notice's key points: what we collect, sale, targeted
// advertising and profiling and how to opt out, the rights and where to
// use them, who receives the data, how long it is kept, children and
// teenagers; and the ways to make a request and to opt out.
func (b *builder) summary() *notice.Section {
	s := j.Summary{TollFree: true}
	covered := b.coveredPaths()
	if len(b.laws) > 0 {
		var in []notice.Text
		for _, sub := range b.p.Subjects {
			if consumers(b.p, sub.ID) {
				in = append(in, notice.Plain(j.LowerFirstIn(b.c, sub.Name)))
			}
		}
		t := notice.Sentence("This notice is for consumers who live in " + stateNames(b.laws) + ": residents acting for themselves or their household, which for us means " + notice.Series(in, "and"))
		if len(in) < len(b.p.Subjects) {
			t += " It does not cover personal data about you in a business or employment role."
		}
		s.Point("Who this notice is for", t, "scope", covered...)
	}
	s.Collected(b.c, "personal-data", func(c *model.Category) bool { return b.d.ids[c.ID] }, covered...)
	var done, not, labels []notice.Text
	for _, f := range []struct {
		on          model.Answer
		what, label notice.Text
	}{{b.f.Sells, "sell personal data", "sale"}, {b.f.TargetedAdvertising, "process personal data for targeted advertising", "targeted advertising"},
		{b.f.Profiling, "use personal data for profiling in furtherance of decisions that produce legal or similarly significant effects concerning you", "profiling"}} {
		switch {
		case f.on.IsYes():
			done, labels = append(done, f.what), append(labels, f.label)
		case f.on.IsNo():
			not = append(not, f.what)
		}
	}
	var sale notice.Text
	if len(done) > 0 {
		sale = notice.Sentence("We " + notice.Series(done, "and"))
	}
	if len(not) > 0 {
		sale = notice.Join(sale, notice.Sentence("We do not "+notice.Series(not, "or")))
	}
	if len(done) > 0 && b.f.OptOutURL != "" {
		way := "on our " + notice.Link("opt-out page", b.f.OptOutURL)
		if gpc := b.p.Cookies.GlobalPrivacyControl; gpc != nil && gpc.Honored.IsYes() && (b.f.Sells.IsYes() || b.f.TargetedAdvertising.IsYes()) {
			way += " or with a Global Privacy Control signal"
		}
		sale = notice.Join(sale, "You can opt out at any time "+way+".")
	}
	s.Point("Sale, targeted advertising and profiling", sale, "sale-advertising-profiling",
		"us_states.sells", "us_states.targeted_advertising", "us_states.profiling", "us_states.opt_out_url", "cookies.global_privacy_control.honored")
	common := map[string]bool{}
	for _, l := range b.laws {
		for _, r := range l.RightsOn(b.c.Date) {
			common[r] = true
		}
	}
	var verbs []notice.Text
	for _, id := range rightOrder {
		if v := b.rightVerb(id); common[id] && v != "" && !slices.Contains(verbs, v) {
			verbs = append(verbs, v)
		}
	}
	s.Rights(b.c, "your-rights", verbs)
	if common["appeal"] {
		s.Point("Appeals", "If we turn down your request, you can appeal. If we deny your appeal, you can contact your state's Attorney General.", "appeal", "rights.appeal", "us_states.appeal")
	}
	rpaths := slices.Clone(covered)
	for i := range b.p.Recipients {
		rpaths = append(rpaths, model.Index("recipients", i)+".kind", model.Index("recipients", i)+".name")
	}
	for i := range b.p.Purposes {
		rpaths = append(rpaths, model.Index("purposes", i)+".recipients")
	}
	s.Recipients(b.c, "third-parties", "We share personal data with these categories of third parties:", func(r *model.Recipient) bool {
		return thirdParty(r.Kind) && slices.ContainsFunc(b.d.purposes, func(pu *model.Purpose) bool { return slices.Contains(pu.Recipients, r.ID) })
	}, "", rpaths...)
	s.Kept(b.c, "retention", func(c *model.Category) bool { return b.d.ids[c.ID] }, covered...)
	ch := b.p.Children
	var minors notice.Text
	if ch.DirectedToChildren.IsNo() {
		minors = notice.Text(fmt.Sprintf("Our services are not directed to children, and are not meant for anyone under %d.", ch.MinimumAge))
	}
	if b.f.TeensSoldOrTargeted.IsNo() {
		minors = notice.Join(minors, "We do not sell, or use for targeted advertising or profiling, the personal data of consumers we know (or, where the law says so, should know) to be teenagers.")
	}
	s.Point("Children and teenagers", minors, "minors", "children.minimum_age", "children.directed_to_children", "us_states.teens_sold_or_targeted")
	if len(done) > 0 {
		s.OptOut("Opt out of "+string(notice.Series(labels, "and")), b.f.OptOutURL, "us_states.opt_out_url")
	}
	return s.Section(b.c)
}
