package california

import (
	"slices"
	"sort"
	"strconv"

	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Compile implements jurisdiction.Jurisdiction.
func (*Pack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	b := &builder{c: c, p: p, ca: Of(p)}
	doc := j.NewDocument(c, "california", "California Privacy Notice", p.Notices[ID])
	doc.Summary = b.summary()
	doc.Sections = j.Sections(
		b.collected(), b.sensitive(), b.sale(), b.disclosures(), b.rights(), b.exercise(), b.optOut(),
		b.incentives(), b.metrics(), b.deidentified(), b.shineTheLight(), b.changes(), b.contact(),
	)
	return doc, nil
}

type builder struct {
	c  *j.Context
	p  *model.Project
	ca *California
}

// statutory reports whether l is a statutory category of personal
// information on the notice's date: sensitive personal information (L)
// became one with the CPRA (§1798.140(v)(1)(L)); before it, the categories
// were A to K (§1798.140(o)(1)).
func (b *builder) statutory(l string) bool { return l != "L" || cpra(b.c) }

// letters returns the statutory letters used by the categories, in order.
func (b *builder) letters() []string {
	set := map[string]bool{}
	for _, cat := range b.p.Categories {
		for _, l := range Category(cat).CCPACategories {
			if b.statutory(l) {
				set[l] = true
			}
		}
	}
	var out []string
	for l := range set {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// in returns the categories that fall under statutory letter l.
func (b *builder) in(l string) []*model.Category {
	var out []*model.Category
	for _, cat := range b.p.Categories {
		if slices.Contains(Category(cat).CCPACategories, l) {
			out = append(out, cat)
		}
	}
	return out
}

func ids(cats []*model.Category) []string {
	out := make([]string, len(cats))
	for i, c := range cats {
		out[i] = c.ID
	}
	return out
}

func uniq(ts []notice.Text) []notice.Text {
	var out []notice.Text
	for _, t := range ts {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (b *builder) collected() *notice.Section {
	s := &notice.Section{ID: "information-we-collect", Title: "Personal information we collect, use and disclose"}
	// Sharing and the retention disclosure (§1798.100(a)(3)) came with the
	// CPRA.
	cpra := cpra(b.c)
	if cpra {
		s.P("In the last 12 months we have collected the categories of personal information below, in the terms the California Consumer Privacy Act uses. For each, the table shows examples, where we got it, why we use it, who we disclose it to, whether we sell or share it, and how long we keep it.")
	} else {
		s.P("In the last 12 months we have collected the categories of personal information below, in the terms the California Consumer Privacy Act uses. For each, the table shows examples, where we got it, why we use it, who we disclose it to and whether we sell it.")
	}
	var rows [][]notice.Text
	for _, l := range b.letters() {
		cats := b.in(l)
		var examples, sources, purposes, disclosed, shared, retention []notice.Text
		for _, cat := range cats {
			for i, k := range b.p.Categories {
				if k == cat {
					s.Use(model.Index("categories", i))
				}
			}
			ex := cat.Examples
			if len(ex) > 3 {
				ex = ex[:3]
			}
			examples = append(examples, notice.Plain(cat.Name)+" (such as "+notice.Series(notice.Plains(ex), "and")+")")
			for _, id := range cat.Sources {
				if src := j.Source(b.p, id); src != nil {
					sources = append(sources, sourcePhrase(b.c, src))
				}
			}
			if r := j.RetentionRule(b.p, cat.Retention); r != nil {
				retention = append(retention, notice.Strong(notice.Plain(cat.Name))+": "+j.Retention(b.c, r))
			}
		}
		for i, pu := range b.p.Purposes {
			if overlaps(pu.Categories, ids(cats)) {
				s.Use(model.Index("purposes", i))
				purposes = append(purposes, notice.Plain(j.LowerFirstIn(b.c, pu.Name)))
			}
		}
		for i, rc := range b.p.Recipients {
			if !overlaps(rc.Categories, ids(cats)) {
				continue
			}
			s.Use(model.Index("recipients", i))
			disclosed = append(disclosed, notice.Plain(j.LowerFirstIn(b.c, rc.Name)))
			if Recipient(rc).Sold.IsYes() || cpra && Recipient(rc).Shared.IsYes() {
				for _, cat := range cats {
					if slices.Contains(rc.Categories, cat.ID) && (Category(cat).Sold.IsYes() || cpra && Category(cat).Shared.IsYes()) {
						shared = append(shared, notice.Plain(j.LowerFirstIn(b.c, rc.Name)))
						break
					}
				}
			}
		}
		soldShared := notice.Text("Not sold or shared")
		if !cpra {
			soldShared = "Not sold"
		}
		if s := uniq(shared); len(s) > 0 {
			verb := notice.Text("Shared with ")
			if !cpra {
				verb = "Sold to "
			}
			soldShared = notice.Sentence(verb + notice.Series(s, "and"))
		}
		row := []notice.Text{
			notice.Strong(notice.Text(l+". ") + notice.Plain(Statutory[l])),
			notice.Text(j.JoinSemi(uniq(examples))),
			notice.Sentence(notice.Series(uniq(sources), "and")),
			notice.Sentence(notice.Series(uniq(purposes), "and")),
			notice.Sentence(notice.Series(uniq(disclosed), "and")),
			soldShared,
		}
		if cpra {
			row = append(row, notice.Text(j.JoinSemi(retention)))
		}
		rows = append(rows, row)
	}
	head := []string{"Category", "What it includes", "Sources", "Business or commercial purposes", "Disclosed to", "Sold to or shared with", "Retention"}
	if !cpra {
		head = []string{"Category", "What it includes", "Sources", "Business or commercial purposes", "Disclosed to", "Sold to"}
	}
	s.Add(&notice.Table{Caption: "Categories of personal information (last 12 months)", Head: head, Rows: rows})
	return s
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func sourcePhrase(c *j.Context, src *model.Source) notice.Text {
	switch src.Kind {
	case "data_subject":
		return "you"
	case "automatic":
		return "your device (automatically)"
	}
	return notice.Plain(j.LowerFirstIn(c, src.Name))
}

func (b *builder) sensitive() *notice.Section {
	var subtypes []notice.Text
	var paths []string
	for i, cat := range b.p.Categories {
		if len(Category(cat).CCPASensitive) == 0 {
			continue
		}
		var kinds []notice.Text
		for _, st := range Category(cat).CCPASensitive {
			kinds = append(kinds, "\u201c"+notice.Plain(Sensitive[st])+"\u201d")
		}
		if what := Category(cat).SensitiveWhat; what != "" {
			// Only what the category holds, not every element of the
			// subtype: the law's whole list would claim data not collected.
			subtypes = append(subtypes, notice.Strong(notice.Plain(cat.Name))+": "+notice.Plain(what)+", which the law counts as sensitive personal information")
		} else {
			subtypes = append(subtypes, notice.Strong(notice.Plain(cat.Name))+", which the law counts as "+notice.Series(kinds, "and"))
		}
		paths = append(paths, model.Index("categories", i)+".ccpa_sensitive", model.Index("categories", i)+".sensitive_what")
	}
	subtypes = uniq(subtypes)
	if len(subtypes) == 0 || !cpra(b.c) {
		return nil // sensitive personal information came with the CPRA
	}
	// The purposes permitted without the consumer's instruction: those of
	// §1798.121(a) until the §7000 regulations listed them (§7027(m)).
	permitted, permit, allow := notice.Text("Civil Code §1798.121(a)"), notice.Text("the law permits"), notice.Text("the law allows")
	if cppaRegs(b.c) {
		permitted, permit, allow = "11 CCR §7027(m)", "the regulations permit", "the regulations allow"
	}
	s := &notice.Section{ID: "sensitive-information", Title: "Sensitive personal information"}
	s.Use(paths...)
	s.Use("california.sensitive_beyond_permitted")
	s.P("We collect these kinds of sensitive personal information:")
	s.Add(&notice.List{Items: subtypes})
	if b.ca.SensitiveBeyondPermitted.IsYes() {
		s.Use("california.links", "rights.request_methods")
		how := "use any of the methods under " + notice.Link("How to exercise your rights", "#how-to-exercise")
		if link, ok := b.limitForm(); ok {
			how = "use our " + link + " form, or any of the other methods under " + notice.Link("How to exercise your rights", "#how-to-exercise")
		}
		s.P("We use or disclose sensitive personal information for purposes beyond those " + permit + " without your instruction (" + permitted + "). You have the right to limit our use of it to those permitted purposes. To exercise it, " + how + ".")
	} else if b.ca.SensitiveBeyondPermitted.IsNo() {
		s.P("We use and disclose sensitive personal information only for the purposes " + allow + " (" + permitted + "), such as providing the services you ask for and keeping our services and accounts secure, and not to infer characteristics about you. So the right to limit its use does not apply.")
	}
	return s
}

// limitForm returns the link to the interactive form of requests to limit,
// when the data gives one.
func (b *builder) limitForm() (notice.Text, bool) {
	l := b.ca.Links
	switch {
	case l != nil && l.LimitSensitive != "":
		return notice.Link("Limit the Use of My Sensitive Personal Information", l.LimitSensitive), true
	case l != nil && l.PrivacyChoices != nil && cppaRegs(b.c):
		return notice.Link(notice.Plain(l.PrivacyChoices.Title), l.PrivacyChoices.URL), true
	}
	return "", false
}

// optOutLink returns the link to the opt-out page, when the data gives one,
// in the words of the law of the notice's date: "Do Not Sell My Personal
// Information" (Civ. Code §1798.135(a)(1) as first enacted), "Do Not Sell or
// Share My Personal Information" from the CPRA, and the "Your Privacy
// Choices" alternative from the §7000 regulations (§7015).
func (b *builder) optOutLink() (notice.Text, bool) {
	label, url := b.optOutAction()
	if url == "" {
		return "", false
	}
	return notice.Link(notice.Plain(label), url), true
}

func (b *builder) sale() *notice.Section {
	cpra := cpra(b.c)
	s := &notice.Section{ID: "sale-and-sharing", Title: "Sale and sharing of personal information"}
	if !cpra {
		s.Title = "Sale of personal information" // sharing came with the CPRA
	}
	s.Use("california.sells", "california.shares", "california.sells_or_shares_under_16")
	for _, f := range []struct {
		verb string
		on   bool
		cat  func(*model.Category) bool
		rec  func(*model.Recipient) bool
		pur  func(*model.Purpose) bool
	}{
		{"sold", b.ca.Sells.IsYes(), func(c *model.Category) bool { return Category(c).Sold.IsYes() },
			func(r *model.Recipient) bool { return Recipient(r).Sold.IsYes() }, func(p *model.Purpose) bool { return Purpose(p).Sells.IsYes() }},
		{"shared", b.ca.Shares.IsYes(), func(c *model.Category) bool { return Category(c).Shared.IsYes() },
			func(r *model.Recipient) bool { return Recipient(r).Shared.IsYes() }, func(p *model.Purpose) bool { return Purpose(p).Shares.IsYes() }},
	} {
		if f.verb == "shared" && !cpra {
			continue
		}
		if !f.on {
			if f.verb == "sold" {
				s.P("We do not sell personal information, and we have not sold any in the last 12 months.")
			} else {
				s.P("We do not share personal information for cross-context behavioural advertising, and we have not shared any in the last 12 months.")
			}
			continue
		}
		var letters, recs, purs []notice.Text
		for i, cat := range b.p.Categories {
			if f.cat(cat) {
				s.Use(model.Index("categories", i) + "." + f.verb)
				for _, l := range Category(cat).CCPACategories {
					if b.statutory(l) {
						letters = append(letters, notice.Plain(j.LowerFirstIn(b.c, Statutory[l])))
					}
				}
			}
		}
		for i, r := range b.p.Recipients {
			if f.rec(r) {
				s.Use(model.Index("recipients", i) + "." + f.verb)
				recs = append(recs, notice.Plain(j.LowerFirstIn(b.c, r.Name)))
			}
		}
		for i, pu := range b.p.Purposes {
			if f.pur(pu) {
				s.Use(model.Index("purposes", i) + "." + map[string]string{"sold": "sells", "shared": "shares"}[f.verb])
				purs = append(purs, notice.Plain(pu.Name))
			}
		}
		lead := "In the last 12 months we have sold"
		if f.verb == "shared" {
			lead = "In the last 12 months we have \"shared\" (disclosed for cross-context behavioural advertising)"
		}
		s.P(notice.Sentence(notice.Join(notice.Text(lead), "these categories of personal information:",
			notice.Series(uniq(letters), "and")+", with", notice.Series(recs, "and")+", for", j.PurposeLabels(b.c, purs))))
		if f.verb == "shared" && b.p.Cookies != nil {
			var cookies []notice.Text
			for i, ck := range b.p.Cookies.Items {
				if ck == nil {
					continue
				}
				s.Use(model.Index("cookies.items", i) + ".cross_context_advertising")
				if ck.CrossContextAdvertising.IsYes() {
					cookies = append(cookies, notice.Strong(notice.Plain(ck.Name))+" ("+notice.Plain(ck.Provider)+")")
				}
			}
			if len(cookies) > 0 {
				s.P("We share it through these cookies and similar technologies: " + notice.Series(cookies, "and") + ".")
			}
		}
	}
	if sellsOrSharesOn(b.c, b.ca) {
		s.P("You can opt out at any time: see " + notice.Link("Your right to opt out", "#opt-out") + ".")
	}
	sellOrShare := notice.Text("sell or share")
	if !cpra {
		sellOrShare = "sell"
	}
	if b.ca.SellsOrSharesUnder16.IsYes() {
		s.P("We " + sellOrShare + " personal information of consumers we know to be under 16 only with their opt-in consent (for consumers aged 13 to 15) or the consent of their parent or guardian (under 13).")
		if b.ca.UnderSixteenOptIn != "" {
			s.Use("california.under_16_opt_in")
			s.Add(&notice.Prose{Markdown: "**How to opt in.** " + string(b.ca.UnderSixteenOptIn)})
		}
	} else if b.ca.SellsOrSharesUnder16.IsNo() {
		s.P("We do not " + sellOrShare + " the personal information of consumers we know to be under 16.")
	}
	return s
}

func (b *builder) disclosures() *notice.Section {
	s := &notice.Section{ID: "disclosures", Title: "Disclosures for a business purpose"}
	var rows [][]notice.Text
	for i, r := range b.p.Recipients {
		if r.Kind != "service_provider" && r.Kind != "contractor" && r.Kind != "affiliate" && !thirdParty(r.Kind) {
			continue
		}
		s.Use(model.Index("recipients", i))
		var letters []notice.Text
		for _, id := range r.Categories {
			if cat := j.Category(b.p, id); cat != nil {
				for _, l := range Category(cat).CCPACategories {
					if b.statutory(l) {
						letters = append(letters, notice.Text(l))
					}
				}
			}
		}
		letters = uniq(letters)
		slices.Sort(letters)
		var purs []notice.Text
		for k, pu := range b.p.Purposes {
			if !slices.Contains(pu.Recipients, r.ID) {
				continue
			}
			// Selling and sharing are not business purposes; they are
			// disclosed under sale and sharing.
			s.Use(model.Index("purposes", k)+".sells", model.Index("purposes", k)+".shares")
			if !Purpose(pu).Shares.IsYes() && !Purpose(pu).Sells.IsYes() {
				purs = append(purs, notice.Plain(pu.Name))
			}
		}
		if len(purs) == 0 {
			continue
		}
		rows = append(rows, []notice.Text{notice.Strong(notice.Plain(r.Name)), notice.Text(kindName[r.Kind]),
			notice.Series(letters, "and"), notice.Text(j.JoinSemi(purs))})
	}
	if len(rows) == 0 {
		s.P("In the last 12 months we have not disclosed personal information for a business purpose.")
		return s
	}
	s.P("In the last 12 months we have disclosed the categories of personal information below (by the letters in the table above) for business purposes, to these categories of recipients:")
	s.Add(&notice.Table{Caption: "Disclosures for a business purpose (last 12 months)",
		Head: []string{"Recipients", "Kind", "Categories", "Why"}, Rows: rows})
	return s
}

var kindName = map[string]notice.Text{
	"affiliate":            "Affiliate (part of our business)",
	"service_provider":     "Service provider",
	"contractor":           "Contractor",
	"third_party":          "Third party",
	"advertising_partner":  "Third party",
	"event_partner":        "Third party",
	"professional_adviser": "Third party",
	"authority":            "Third party",
	"business_transfer":    "Third party",
}

func (b *builder) rights() *notice.Section {
	s := &notice.Section{ID: "your-rights", Title: "Your California privacy rights"}
	s.Use("california.sells", "california.shares", "california.sensitive_beyond_permitted")
	s.P("If you are a California resident, you have these rights:")
	// Before the CPRA: no sharing, no right to correct or to limit, and no
	// protection of employees against retaliation (§1798.125(a)(1)(E)).
	if !cpra(b.c) {
		items := []notice.Text{
			"**Right to know.** You can ask us to tell you what personal information we have collected about you, the categories of sources, the purposes for collecting or selling it, the categories of third parties we disclose it to, and the specific pieces of personal information we hold about you, in a portable format.",
			"**Right to delete.** You can ask us to delete personal information we collected from you, subject to exceptions the law allows.",
		}
		if b.ca.Sells.IsYes() {
			items = append(items, "**Right to opt out of sale.** You can tell us not to sell your personal information: see "+notice.Link("Your right to opt out", "#opt-out")+".")
		}
		items = append(items, "**Right to non-discrimination.** "+b.nonDiscrimination(s, "We will not discriminate against you for exercising any of these rights, for example by denying you services or charging you a different price."))
		s.Add(&notice.List{Items: items})
		return s
	}
	items := []notice.Text{
		"**Right to know.** You can ask us to tell you what personal information we have collected about you, the categories of sources, the purposes for collecting, selling or sharing it, the categories of third parties we disclose it to, and the specific pieces of personal information we hold about you, in a portable format.",
		"**Right to delete.** You can ask us to delete personal information we collected from you, subject to exceptions the law allows.",
		"**Right to correct.** You can ask us to correct inaccurate personal information about you.",
	}
	if b.ca.Sells.IsYes() || b.ca.Shares.IsYes() {
		items = append(items, "**Right to opt out of sale and sharing.** You can tell us not to sell or share your personal information: see "+notice.Link("Your right to opt out", "#opt-out")+".")
	}
	if b.ca.SensitiveBeyondPermitted.IsYes() {
		items = append(items, "**Right to limit.** You can tell us to use your sensitive personal information only as needed to provide the goods and services you ask for.")
	}
	items = append(items, "**Right to non-discrimination.** "+b.nonDiscrimination(s, "We will not discriminate against you for exercising any of these rights, for example by denying you services or charging you a different price, and we will not retaliate against employees, job applicants or contractors who exercise them."))
	s.Add(&notice.List{Items: items})
	b.admt(s)
	return s
}

// nonDiscrimination returns the team's statement of non-discrimination, or
// def when the data gives none.
func (b *builder) nonDiscrimination(s *notice.Section, def notice.Text) notice.Text {
	if b.p.Rights.NonDiscrimination != "" {
		s.Use("rights.non_discrimination")
		return notice.Inline(string(b.p.Rights.NonDiscrimination))
	}
	return def
}

// significantDecisions names the significant decisions of §7001 in words.
var significantDecisions = map[string]notice.Text{
	"financial_lending": "financial or lending services",
	"housing":           "housing",
	"education":         "education enrolment or opportunities",
	"employment":        "employment or independent-contracting opportunities or compensation",
	"healthcare":        "healthcare services",
}

// exceptions name the exceptions to the right to opt out of ADMT of
// §7221(b).
var exceptions = map[string]notice.Text{
	"human_appeal":                       "you can appeal the decision to a qualified human reviewer",
	"security_fraud_safety":              "we use it only to prevent, detect and investigate security incidents, resist fraud and illegal actions, and ensure physical safety",
	"admission_acceptance_hiring":        "we use it only for admission, acceptance or hiring decisions, where the law allows this without an opt-out",
	"allocation_assignment_compensation": "we use it only for allocation or assignment of work and compensation, where the law allows this without an opt-out",
}

// admt adds to the rights section, from 1 January 2027, the pre-use notice
// of each automated decision-making technology that makes a significant
// decision (11 CCR §7220).
func (b *builder) admt(rights *notice.Section) {
	if b.c.Date < "2027-01-01" || b.p.AutomatedDecisions == nil {
		return
	}
	var items []notice.Text
	var paths []string
	for i, d := range b.p.AutomatedDecisions.Decisions {
		if d == nil {
			continue
		}
		f := Decision(d)
		path := model.Index("automated_decisions.decisions", i)
		paths = append(paths, path+".significant_decision")
		what, ok := significantDecisions[f.SignificantDecision]
		if !ok {
			continue
		}
		paths = append(paths, path)
		t := notice.Strong(notice.Sentence("Decisions about "+what)) + " " + notice.Inline(string(f.SpecificPurpose))
		switch {
		case f.OptOut != "":
			t += " **Your right to opt out.** " + notice.Inline(string(f.OptOut))
		case f.Exception == "human_appeal":
			t += " **Instead of an opt-out, " + exceptions[f.Exception] + ".** " + notice.Inline(string(f.Appeal))
		case exceptions[f.Exception] != "":
			t += " **No opt-out:** " + notice.Sentence(exceptions[f.Exception]) + " (11 CCR §7221(b))."
		}
		items = append(items, t)
	}
	rights.Use(paths...)
	if len(items) == 0 {
		return
	}
	s := rights.Sub("automated-decisions", "Automated decision-making technology")
	s.Use(paths...)
	s.Use("rights.request_methods")
	s.P("We use automated decision-making technology to make these significant decisions about consumers:")
	s.Add(&notice.List{Items: items})
	s.P("You have the right to access information about our use of this technology for decisions about you: ask us using any of the methods under " +
		notice.Link("How to exercise your rights", "#how-to-exercise") + ". We will not retaliate against you for exercising these rights.")
}

func (b *builder) exercise() *notice.Section {
	s := &notice.Section{ID: "how-to-exercise", Title: "How to exercise your rights"}
	rt := b.p.Rights
	s.Use("rights.request_methods", "rights.verification", "rights.authorized_agents")
	s.P("You, or someone you authorise, can make a request by any of these methods:")
	s.Add(&notice.List{Items: j.RequestMethods(b.c, rt.RequestMethods)})
	s.Add(&notice.Prose{Markdown: "**Verification.** " + string(rt.Verification)})
	s.Add(&notice.Prose{Markdown: "**Authorized agents.** " + string(rt.AuthorizedAgents)})
	// The 10 business days came with the regulations (§999.313(a), then
	// §7021(a)); the right to correct and requests to know beyond 12
	// months, back to 1 January 2022, with the CPRA (§1798.130(a)(2)(B)).
	switch {
	case cpra(b.c):
		s.Use("california.know_before_12_months")
		earlier := notice.Text(".")
		if b.ca.KnowBefore12Months.IsYes() {
			earlier = "; you can ask for personal information collected earlier, back to 1 January 2022."
		}
		s.P("We confirm receipt of a request to know, delete or correct within 10 business days and answer within 45 calendar days. If we need more time (up to 45 more days), we will tell you why. A request to know covers the 12 months before the request" + earlier)
	case agRegs(b.c):
		s.P("We confirm receipt of a request to know or delete within 10 business days and answer within 45 calendar days. If we need more time (up to 45 more days), we will tell you why. A request to know covers the 12 months before the request.")
	default:
		s.P("We answer a request to know or delete within 45 days. If we need more time (up to 45 more days), we will tell you why. A request to know covers the 12 months before the request.")
	}
	if rt.Appeal != "" {
		s.Use("rights.appeal")
		s.Add(&notice.Prose{Markdown: string(rt.Appeal)})
	}
	return s
}

func (b *builder) optOut() *notice.Section {
	if !sellsOrSharesOn(b.c, b.ca) {
		return nil
	}
	cpra, regs := cpra(b.c), cppaRegs(b.c)
	what := notice.Text("sale and sharing")
	if !cpra {
		what = "sale" // sharing came with the CPRA
	}
	s := &notice.Section{ID: "opt-out", Title: "Your right to opt out of " + string(what)}
	s.Use("california.sells", "california.shares", "california.links", "cookies.global_privacy_control")
	methods := "any of the methods under " + notice.Link("How to exercise your rights", "#how-to-exercise")
	if link, ok := b.optOutLink(); ok {
		s.P("You have the right to opt out of the " + what + " of your personal information. To opt out, use our " + link +
			" page, or " + methods + ". You do not need an account to opt out.")
	} else {
		s.P("You have the right to opt out of the " + what + " of your personal information. To opt out, use " + methods +
			", or send an opt-out preference signal (below). You do not need an account to opt out.")
	}
	gpc := b.p.Cookies.GlobalPrivacyControl
	t := "We treat a Global Privacy Control (GPC) signal sent by your browser as a valid request to opt out of " + what + " for that browser and, if you are signed in, for your account."
	if !gpc.Honored.IsYes() {
		t = "We do not currently respond to opt-out preference signals such as Global Privacy Control."
	}
	if gpc.Description != "" {
		t = notice.Inline(string(gpc.Description))
	}
	s.P("**Opt-out preference signals.** " + t)
	sig := Signal(gpc)
	if gpc.Honored.IsYes() && len(sig.Scope) > 0 {
		var where []notice.Text
		for _, k := range []string{"browser", "device", "account", "offline"} {
			if slices.Contains(sig.Scope, k) {
				where = append(where, scopeWords[k])
			}
		}
		s.P("We apply an opt-out preference signal to " + notice.Series(where, "and") + ".")
		if regs && (slices.Contains(sig.Scope, "browser") || slices.Contains(sig.Scope, "device")) {
			s.P("It also covers any profile we associate with that browser or device, including pseudonymous ones.")
		}
	}
	if regs && gpc.Honored.IsYes() && sig.Frictionless.IsYes() {
		s.P("We process opt-out preference signals in a frictionless manner (11 CCR §7025(f)).")
		if sig.HowToUse != "" {
			s.Add(&notice.Prose{Markdown: "**How to use the signal.** " + string(sig.HowToUse)})
		}
	}
	// The team's description, when it gives one, says how the status is
	// shown in its own words (the site's own message): a second, generic
	// wording would read as a different message.
	if gpc.ShowsStatus.IsYes() && gpc.Description == "" {
		s.P("When we detect the signal, our site shows that your opt-out request has been honoured.")
	}
	return s
}

// scopeWords say what an opt-out preference signal opts out, by scope.
var scopeWords = map[string]notice.Text{
	"browser": "the browser that sends it",
	"device":  "the device it is sent from",
	"account": "your account when we know who you are",
	"offline": "our offline sales and sharing",
}

func (b *builder) incentives() *notice.Section {
	if !b.ca.FinancialIncentives.IsYes() || len(b.ca.Incentives) == 0 {
		return nil
	}
	s := &notice.Section{ID: "financial-incentives", Title: "Notice of financial incentive"}
	s.Use("california.incentives")
	for _, in := range b.ca.Incentives {
		if in == nil {
			continue
		}
		s.P(notice.Strong(notice.Plain(in.Name)))
		prose := func(label string, md model.Markdown) {
			if md != "" {
				s.Add(&notice.Prose{Markdown: "**" + label + ".** " + string(md)})
			}
		}
		prose("Summary", in.Summary)
		prose("Material terms", in.Description)
		var cats []notice.Text
		for _, id := range in.Categories {
			if cat := j.Category(b.p, id); cat != nil {
				cats = append(cats, notice.Plain(j.LowerFirstIn(b.c, cat.Name)))
			}
		}
		if len(cats) > 0 {
			s.P("**Personal information involved.** " + notice.Sentence(notice.Series(cats, "and")))
		}
		prose("How to opt in", in.OptIn)
		if in.Withdraw != "" {
			s.Add(&notice.Prose{Markdown: "**Your right to withdraw.** You may withdraw at any time. " + string(in.Withdraw)})
		}
		prose("The value of your data", in.ValueEstimate)
		prose("How we calculate that value", in.ValuationMethod)
	}
	return s
}

func (b *builder) metrics() *notice.Section {
	if b.ca.Metrics == nil || !b.ca.Metrics.Required.IsYes() {
		return nil
	}
	s := &notice.Section{ID: "metrics", Title: "Request metrics"}
	s.Use("california.metrics")
	year := notice.Text("last year")
	if b.ca.Metrics.Year != 0 {
		year = notice.Text("in " + strconv.Itoa(b.ca.Metrics.Year))
	}
	s.P("We publish the number of California privacy requests we received, complied with and denied " + year + ", and how long we took to respond, on our " +
		notice.Link("request metrics page", b.ca.Metrics.URL) + ".")
	return s
}

func (b *builder) deidentified() *notice.Section {
	if b.ca.Deidentified == "" {
		return nil
	}
	s := &notice.Section{ID: "deidentified-information", Title: "De-identified information"}
	s.Use("california.deidentified")
	s.Add(&notice.Prose{Markdown: string(b.ca.Deidentified)})
	return s
}

func (b *builder) shineTheLight() *notice.Section {
	stl := b.ca.ShineTheLight
	if stl == nil {
		return nil
	}
	s := &notice.Section{ID: "shine-the-light", Title: "Shine the Light"}
	s.Use("california.shine_the_light")
	switch {
	case !stl.DisclosesForDirectMarketing.IsYes():
		s.P("California's \"Shine the Light\" law (Civil Code §1798.83) lets California customers ask which personal information a business disclosed to third parties for their own direct marketing. We do not disclose personal information to third parties for their own direct marketing purposes.")
	case stl.Choice == "opt_in":
		s.P("We disclose personal information to third parties for their own direct marketing only if you have opted in to it (Civil Code §1798.83(c)(2)).")
	case stl.Choice == "opt_out":
		s.P("We disclose personal information to third parties for their own direct marketing unless you opt out; you can opt out free of charge at any time using the methods under " +
			notice.Link("How to exercise your rights", "#how-to-exercise") + " (Civil Code §1798.83(c)(2)).")
	default:
		contact := stl.Contact
		if !j.Reachable(contact) {
			contact = b.p.Organization.PrivacyContact
		}
		s.P("California customers may ask us once a year, free of charge, for the categories of personal information we disclosed to third parties for their own direct marketing in the previous calendar year, and the names and addresses of those third parties. Send your request to " +
			j.ContactLine(b.c, contact) + ".")
	}
	return s
}

func (b *builder) changes() *notice.Section {
	s := &notice.Section{ID: "changes", Title: "Changes to this notice"}
	s.Use("changes.notification")
	s.P("We review and update this notice at least once every 12 months.")
	s.Add(&notice.Prose{Markdown: string(b.p.Changes.Notification)})
	return s
}

func (b *builder) contact() *notice.Section {
	s := j.ContactSection(b.c, "If you have questions about this notice or our privacy practices, contact us:")
	s.P("This notice supplements our " + notice.NoticeLink(notice.Plain(j.Title(b.p.Notices["global"], "Privacy Policy")), "global", "") + ".")
	if b.c.Date >= "2026-01-01" {
		// From 2026 a business with apps makes the policy accessible
		// within them (CCR-2026-PP, signed off in reviews[]).
		s.Use("california.apps")
		if b.ca.Apps.IsYes() {
			s.P("You can also read this notice in our mobile apps.")
		}
	}
	return s
}

// summary is the notice's key points: the categories collected, sale and
// sharing in the last 12 months and how to opt out, sensitive personal
// information, the rights and where to use them, who receives the
// information, how long it is kept, minors; and the ways to make a request
// and to opt out, as the law of the notice's date names them.
func (b *builder) summary() *notice.Section {
	s := j.Summary{TollFree: true, Term: "personal information"}
	cpra := cpra(b.c)
	var names []notice.Text
	var paths []string
	for i := range b.p.Categories {
		paths = append(paths, model.Index("categories", i)+".ccpa_categories")
	}
	for _, l := range b.letters() {
		names = append(names, notice.Plain(j.LowerFirstIn(b.c, Statutory[l])))
	}
	if len(names) > 0 {
		s.Point("What we collect", "In the last 12 months we collected these categories of personal information: "+notice.Series(names, "and")+".", "information-we-collect", paths...)
	}
	sale := notice.Text("We do not sell personal information, and we have not sold any in the last 12 months.")
	if b.ca.Sells.IsYes() {
		sale = "In the last 12 months we have sold some personal information" + b.to(func(r *model.Recipient) bool { return Recipient(r).Sold.IsYes() }) + "."
	}
	paths = []string{"california.sells", "california.shares"}
	for i := range b.p.Recipients {
		paths = append(paths, model.Index("recipients", i)+".sold", model.Index("recipients", i)+".shared")
	}
	if cpra {
		if b.ca.Shares.IsYes() {
			sale += " In the last 12 months we have \"shared\" some personal information" + b.to(func(r *model.Recipient) bool { return Recipient(r).Shared.IsYes() }) + " for cross-context behavioral advertising."
		} else {
			sale += " We do not share personal information for cross-context behavioral advertising."
		}
	}
	label, url := b.optOutAction()
	if sellsOrSharesOn(b.c, b.ca) {
		paths = append(paths, "california.links", "cookies.global_privacy_control.honored")
		way := notice.Text("by making a request")
		if url != "" {
			way = "on our " + notice.Link(notice.Plain(label), url) + " page"
		}
		if gpc := b.p.Cookies.GlobalPrivacyControl; gpc != nil && gpc.Honored.IsYes() {
			way += " or with a Global Privacy Control signal"
		}
		sale += " You can opt out at any time " + way + "."
	}
	s.Point("Sale and sharing", sale, "sale-and-sharing", paths...)
	if cpra && b.sensitive() != nil {
		t := notice.Text("We use sensitive personal information only for the purposes the law allows, such as providing our services and keeping accounts secure, so the right to limit its use does not apply.")
		if b.ca.SensitiveBeyondPermitted.IsYes() {
			t = "We use some sensitive personal information for purposes beyond those the law allows without your instruction. You can tell us to limit our use of it."
		}
		if !b.ca.SensitiveBeyondPermitted.IsNo() && !b.ca.SensitiveBeyondPermitted.IsYes() {
			t = ""
		}
		var sp []string
		for i := range b.p.Categories {
			sp = append(sp, model.Index("categories", i)+".ccpa_sensitive")
		}
		s.Point("Sensitive personal information", t, "sensitive-information", append(sp, "california.sensitive_beyond_permitted")...)
	}
	verbs := []notice.Text{"find out what personal information we collect, use and disclose, and get a copy of it", j.RightVerb(b.c, "deletion")}
	if cpra {
		verbs = append(verbs, j.RightVerb(b.c, "correction"))
	}
	if sellsOrSharesOn(b.c, b.ca) {
		verbs = append(verbs, j.RightVerb(b.c, "opt_out_sale_sharing"))
	}
	if cpra && b.ca.SensitiveBeyondPermitted.IsYes() {
		verbs = append(verbs, j.RightVerb(b.c, "limit_sensitive"))
	}
	s.Rights(b.c, "your-rights", verbs, "california.sells", "california.shares", "california.sensitive_beyond_permitted")
	s.Recipients(b.c, "disclosures", "We disclose personal information to", nil, "")
	if cpra {
		s.Kept(b.c, "information-we-collect", nil)
	}
	if b.ca.SellsOrSharesUnder16.IsNo() {
		word := notice.Text("sell or share")
		if !cpra {
			word = "sell"
		}
		s.Point("Minors", "We do not "+word+" the personal information of consumers we know to be under 16.", "sale-and-sharing", "california.sells_or_shares_under_16")
	}
	if sellsOrSharesOn(b.c, b.ca) {
		s.OptOut(label, url, "california.links")
	}
	if cpra && b.ca.SensitiveBeyondPermitted.IsYes() {
		if l := b.ca.Links; l != nil && l.LimitSensitive != "" {
			s.OptOut("Limit the Use of My Sensitive Personal Information", l.LimitSensitive, "california.links.limit_sensitive")
		}
	}
	return s.Section(b.c)
}

// to names the recipients that keep selects, for "... with advertising
// partners"; "" when none does.
func (b *builder) to(keep func(*model.Recipient) bool) notice.Text {
	var names []notice.Text
	for _, r := range b.p.Recipients {
		if keep(r) {
			names = append(names, notice.Plain(j.LowerFirstIn(b.c, r.Name)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " with " + notice.Series(names, "and")
}

// optOutAction is the opt-out link's label and address, in the words of
// the law of the notice's date (see optOutLink); "" when the data gives
// none.
func (b *builder) optOutAction() (label, url string) {
	l := b.ca.Links
	switch {
	case l != nil && l.DoNotSellOrShare != "" && !cpra(b.c):
		return "Do Not Sell My Personal Information", l.DoNotSellOrShare
	case l != nil && l.DoNotSellOrShare != "":
		return "Do Not Sell or Share My Personal Information", l.DoNotSellOrShare
	case l != nil && l.PrivacyChoices != nil && cppaRegs(b.c):
		return l.PrivacyChoices.Title, l.PrivacyChoices.URL
	}
	return "", ""
}
