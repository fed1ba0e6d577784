package global

import (
	"fmt"
	"slices"
	"strings"

	"github.com/disclose-dev/disclose/compiler/change"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/subprocessors"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

type builder struct {
	c *j.Context
	p *model.Project
}

func (b *builder) org() notice.Text { return notice.Plain(b.p.Organization.Name) }

func (b *builder) about() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "about", Title: string(c.T("about.title", nil))}
	o := b.p.Organization
	s.Use("organization.description", "organization.entities", "subjects")
	s.Add(&notice.Prose{Markdown: string(o.Description)})
	var ents []notice.Text
	for _, e := range o.Entities {
		if e.Role == "controller" || e.Role == "joint_controller" {
			ents = append(ents, notice.Plain(e.LegalName))
		}
	}
	if len(ents) == 0 {
		ents = []notice.Text{b.org()}
	}
	s.P(c.T("about.we", locale.Data{"Org": b.org(), "Entities": c.List(ents, locale.And)}))
	var groups []notice.Text
	for _, sub := range b.p.Subjects {
		groups = append(groups, c.Labelled(notice.Strong(notice.Plain(sub.Name)), notice.Inline(string(sub.Description))))
	}
	if len(groups) > 0 {
		s.P(c.T("about.groups", nil))
		s.Add(&notice.List{Items: groups})
	}
	link := func(id string, def notice.Text) notice.Text {
		s.Use(model.Field(model.Field("notices", id), "title"))
		return notice.NoticeLink(notice.Plain(j.Title(b.p.Notices[id], string(def))), id, "")
	}
	var more []notice.Text
	if c.PublishesIn(s, "eu") {
		where := c.T("about.where.eea-uk", nil)
		s.Use("organization.registered_in_ch", "organization.targets_ch")
		if eu.CoversSwitzerland(b.p) {
			where = c.T("about.where.eea-uk-ch", nil)
		}
		more = append(more, c.T("about.eu", locale.Data{"Where": where, "Notice": link("eu", c.T("about.notice.eu", nil))}))
	}
	if c.PublishesIn(s, "california") {
		more = append(more, c.T("about.california", locale.Data{"Notice": link("california", c.T("about.notice.california", nil))}))
	}
	if c.PublishesIn(s, "us-states") {
		more = append(more, c.T("about.us-states", locale.Data{"Notice": link("us-states", c.T("about.notice.us-states", nil))}))
	}
	if c.PublishesIn(s, "brazil") {
		more = append(more, c.T("about.brazil", locale.Data{"Notice": link("brazil", c.T("about.notice.brazil", nil))}))
	}
	for _, m := range more {
		s.P(m)
	}
	return s
}

// sourceKinds are the kinds of source, in the order the policy describes
// the information they give.
var sourceKinds = []string{"data_subject", "automatic", "third_party", "public"}

// sourceKind is the heading of the information a kind of source gives and
// the lead of its list.
func (b *builder) sourceKind(kind string) (title, lead notice.Text) {
	c := b.c
	switch kind {
	case "data_subject":
		return c.T("collect.data-subject.title", nil), c.T("collect.data-subject.lead", nil)
	case "automatic":
		return c.T("collect.automatic.title", nil), c.T("collect.automatic.lead", nil)
	case "third_party":
		return c.T("collect.third-party.title", nil), c.T("collect.third-party.lead", nil)
	case "public":
		return c.T("collect.public.title", nil), c.T("collect.public.lead", nil)
	}
	return "", ""
}

// describedAbove says that a kind of source also gives categories
// described under an earlier heading: "We may also get ... automatically",
// or, when no list of its own comes before (only), "We get ...".
func (b *builder) describedAbove(kind string, cats notice.Text, only bool) notice.Text {
	c, d := b.c, locale.Data{"Categories": cats}
	switch {
	case kind == "automatic" && only:
		return c.T("collect.automatic.only", d)
	case kind == "automatic":
		return c.T("collect.automatic.also", d)
	case kind == "third_party" && only:
		return c.T("collect.third-party.only", d)
	case kind == "third_party":
		return c.T("collect.third-party.also", d)
	case kind == "public" && only:
		return c.T("collect.public.only", d)
	case kind == "public":
		return c.T("collect.public.also", d)
	}
	// The people's own information comes first: none of it is described
	// above.
	return ""
}

// categoryItem is a kind of information in the list of a source: its
// name, examples and whether European or California law holds it special.
func (b *builder) categoryItem(cat *model.Category) notice.Text {
	c := b.c
	d := locale.Data{"Category": notice.Strong(notice.Plain(cat.Name)), "Examples": c.List(notice.Plains(cat.Examples), locale.And)}
	switch special, ca := len(cat.Special) > 0, len(california.Category(cat).CCPASensitive) > 0; {
	case special && ca:
		return c.T("collect.item.special-and-sensitive-ca", d)
	case special:
		return c.T("collect.item.special", d)
	case ca:
		return c.T("collect.item.sensitive-ca", d)
	}
	return stop(c.T("collect.item", d))
}

// stop ends a sentence the catalogue ends with a value and a full stop
// ("such as {{.Examples}}.") as notice.Sentence would: a value that ends
// with its own punctuation ("etc.") takes no second stop.
func stop(t notice.Text) notice.Text {
	if n := len(t); n >= 2 && t[n-1] == '.' && strings.ContainsRune(".!?:", rune(t[n-2])) {
		return t[:n-1]
	}
	return t
}

func (b *builder) collect() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "information-we-collect", Title: string(c.T("collect.title", nil))}
	s.P(c.T("collect.intro", nil))
	described := map[string]bool{}
	for _, kind := range sourceKinds {
		var items, again []notice.Text
		var paths []string
		for i, cat := range b.p.Categories {
			if !b.categoryFrom(cat, kind) {
				continue
			}
			if described[cat.ID] {
				again = append(again, notice.Plain(j.LowerFirstIn(b.c, cat.Name)))
				continue
			}
			described[cat.ID] = true
			paths = append(paths, model.Index("categories", i))
			items = append(items, b.categoryItem(cat))
		}
		if len(items) == 0 && len(again) == 0 {
			continue
		}
		title, lead := b.sourceKind(kind)
		sub := s.Sub("collect-"+strings.ReplaceAll(kind, "_", "-"), string(title))
		sub.Use(paths...)
		if len(items) > 0 {
			sub.P(lead)
			sub.Add(&notice.List{Items: items})
		}
		if len(again) > 0 {
			sub.P(b.describedAbove(kind, c.List(again, locale.And), len(items) == 0))
		}
		if kind == "third_party" || kind == "public" {
			var srcs []notice.Text
			for i, src := range b.p.Sources {
				if src.Kind != kind {
					continue
				}
				sub.Use(model.Index("sources", i))
				t := notice.Strong(notice.Plain(src.Name))
				if src.Description != "" {
					t = b.c.Labelled(t, notice.Inline(string(src.Description)))
				}
				srcs = append(srcs, notice.Sentence(t))
			}
			if len(srcs) > 0 {
				sub.P(c.T("collect.sources", nil))
				sub.Add(&notice.List{Items: srcs})
			}
		}
	}
	return s
}

func (b *builder) categoryFrom(cat *model.Category, kind string) bool {
	for _, id := range cat.Sources {
		if src := j.Source(b.p, id); src != nil && src.Kind == kind {
			return true
		}
	}
	return false
}

func (b *builder) use() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "how-we-use", Title: string(c.T("use.title", nil))}
	s.P(c.T("use.intro", nil))
	var rows [][]notice.Text
	for i, pu := range b.p.Purposes {
		s.Use(model.Index("purposes", i))
		rows = append(rows, []notice.Text{
			notice.Strong(notice.Plain(pu.Name)),
			notice.Inline(string(pu.Description)),
			notice.Sentence(c.List(j.CategoryNames(b.c, pu.Categories), locale.And)),
		})
	}
	s.Add(&notice.Table{Caption: string(c.T("use.table.caption", nil)),
		Head: []string{string(c.T("use.table.purpose", nil)), string(c.T("use.table.what", nil)), string(c.T("use.table.information", nil))}, Rows: rows})
	if c.PublishesIn(s, "eu") {
		s.P(c.T("use.eu", locale.Data{"Notice": notice.NoticeLink(c.T("use.eu.link", nil), "eu", "purposes-and-legal-bases")}))
	}
	return s
}

func (b *builder) sharing() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "sharing", Title: string(c.T("sharing.title", nil))}
	s.P(c.T("sharing.intro", nil))
	var items []notice.Text
	for i, r := range b.p.Recipients {
		s.Use(model.Index("recipients", i))
		items = append(items, b.c.Labelled(notice.Strong(notice.Plain(r.Name)), notice.Inline(string(r.Description))))
	}
	s.Add(&notice.List{Items: items})
	// The processors of customers' data are named on the sub-processor
	// list, when it is published; the policy names the others itself.
	var listed int
	var others []notice.Text
	for i, pr := range b.p.Processors {
		// Whether it is listed is the sub-processor pack's data: trace it,
		// so a processor leaving the list is this section's change too.
		s.Use(model.Index("processors", i) + ".customer_data")
		if c.PublishesIn(s, subprocessors.ID) && subprocessors.Listed(pr) {
			listed++
			continue
		}
		where := append([]string{pr.Country}, pr.Locations...)
		others = append(others, c.T("sharing.processor", locale.Data{"Name": notice.Strong(notice.Plain(pr.Name)),
			"Service": notice.Plain(pr.Service), "Countries": j.Countries(b.c, change.Uniq(where))}))
	}
	if len(b.p.Processors) > 0 {
		s.Use("processors")
	}
	list := notice.NoticeLink(c.T("sharing.list.link", nil), "subprocessors", "")
	switch {
	case listed > 0 && len(others) == 0:
		// The count as the English has always written it (no thousands
		// separator): Count overrides N's formatted number.
		s.P(c.N("sharing.listed", listed, locale.Data{"Count": fmt.Sprint(listed), "List": list}))
	case listed > 0:
		s.P(c.T("sharing.listed-and-others", locale.Data{"List": list}))
		s.P(c.T("sharing.others", nil))
		s.Add(&notice.List{Items: others})
	case len(others) > 0:
		s.P(c.T("sharing.processors", nil))
		s.Add(&notice.List{Items: others})
	}
	return s
}

func (b *builder) sale() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "sale-and-sharing", Title: string(c.T("sale.title", nil))}
	sells, shares := false, false
	for i, pu := range b.p.Purposes {
		s.Use(model.Index("purposes", i)+".sells", model.Index("purposes", i)+".shares")
		sells = sells || california.Purpose(pu).Sells.IsYes()
		shares = shares || california.Purpose(pu).Shares.IsYes()
	}
	if ca := california.Of(b.p); ca != nil {
		s.Use("california.sells", "california.shares")
		sells = sells || ca.Sells.IsYes()
		shares = shares || ca.Shares.IsYes()
	}
	switch {
	case sells:
		s.P(c.T("sale.sells", nil))
	case b.notSoldIn12Months(s):
		s.P(c.T("sale.not-sold-12-months", nil))
	default:
		s.P(c.T("sale.not-sold", nil))
	}
	if shares {
		var ps []notice.Text
		for _, pu := range b.p.Purposes {
			if california.Purpose(pu).Shares.IsYes() {
				ps = append(ps, notice.Plain(pu.Name))
			}
		}
		s.P(c.T("sale.shares", nil))
		if len(ps) > 0 {
			s.P(c.T("sale.shares.purposes", locale.Data{"Purposes": j.PurposeLabels(b.c, ps)}))
		}
		s.P(b.optOutWays(s), c.T("sale.cookies", locale.Data{"Settings": notice.Link(c.T("sale.cookies.link", nil), "#cookies")}))
	} else {
		s.P(c.T("sale.not-shared", nil))
	}
	return s
}

// notSoldIn12Months reports whether the data says, category by category,
// that none was sold in the last 12 months: a fact about the past that
// only the categories' sold: answers give (a purpose's sells: is about
// today).
func (b *builder) notSoldIn12Months(s *notice.Section) bool {
	if len(b.p.Categories) == 0 {
		return false
	}
	for i, cat := range b.p.Categories {
		if !california.Category(cat).Sold.IsNo() {
			return false
		}
		s.Use(model.Index("categories", i) + ".sold")
	}
	return true
}

// optOutWays says how to opt out of sharing, naming only the ways the data
// says exist: the opt-out page and, when it is honoured, the Global
// Privacy Control signal.
func (b *builder) optOutWays(s *notice.Section) notice.Text {
	c := b.c
	var page, gpc bool
	d := locale.Data{}
	if l := california.Of(b.p); l != nil && l.Links != nil && l.Links.DoNotSellOrShare != "" {
		s.Use("california.links.do_not_sell_or_share")
		page, d["Page"] = true, notice.Link(c.T("link.do-not-sell-or-share", nil), l.Links.DoNotSellOrShare)
	}
	s.Use("cookies.global_privacy_control.honored")
	if g := b.p.Cookies.GlobalPrivacyControl; g != nil && g.Honored.IsYes() {
		gpc, d["Signals"] = true, notice.Link(c.T("signals.title", nil), "#browser-signals")
	}
	switch {
	case page && gpc:
		return c.T("sale.opt-out.page-or-gpc", d)
	case page:
		return c.T("sale.opt-out.page", d)
	case gpc:
		return c.T("sale.opt-out.gpc", d)
	}
	s.Use("rights.request_methods")
	return c.T("sale.opt-out.request", locale.Data{"Request": notice.Link(c.T("rights.request.title", nil), "#making-a-request")})
}

// right is a right's name and what it lets people do, as the list of
// rights reads them.
func (b *builder) right(code string) (name, text notice.Text) {
	c := b.c
	switch code {
	case "access":
		return c.T("rights.access.name", nil), c.T("rights.access.text", nil)
	case "correction":
		return c.T("rights.correction.name", nil), c.T("rights.correction.text", nil)
	case "deletion":
		return c.T("rights.deletion.name", nil), c.T("rights.deletion.text", nil)
	case "portability":
		return c.T("rights.portability.name", nil), c.T("rights.portability.text", nil)
	case "restriction":
		return c.T("rights.restriction.name", nil), c.T("rights.restriction.text", nil)
	case "objection":
		return c.T("rights.objection.name", nil), c.T("rights.objection.text", nil)
	case "withdraw_consent":
		return c.T("rights.withdraw-consent.name", nil), c.T("rights.withdraw-consent.text", nil)
	case "opt_out_marketing":
		return c.T("rights.opt-out-marketing.name", nil), c.T("rights.opt-out-marketing.text", nil)
	case "opt_out_sale_sharing":
		return c.T("rights.opt-out-sale-sharing.name", nil), c.T("rights.opt-out-sale-sharing.text", nil)
	case "limit_sensitive":
		return c.T("rights.limit-sensitive.name", nil), c.T("rights.limit-sensitive.text", nil)
	case "appeal":
		return c.T("rights.appeal.name", nil), c.T("rights.appeal.text", nil)
	case "complain":
		return c.T("rights.complain.name", nil), c.T("rights.complain.text", nil)
	}
	return "", ""
}

func (b *builder) rights() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "your-rights", Title: string(c.T("rights.title", nil))}
	rt := b.p.Rights
	s.Use("rights")
	s.P(c.T("rights.intro", nil))
	var items []notice.Text
	for _, r := range rt.Offered {
		name, text := b.right(r.Right)
		if r.Description != "" {
			text = notice.Inline(string(r.Description))
		}
		items = append(items, notice.Join(notice.Strong(name)+":", text))
	}
	s.Add(&notice.List{Items: items})
	var links []notice.Text
	if c.PublishesIn(s, "eu") {
		links = append(links, notice.NoticeLink(c.T("rights.more.eu", nil), "eu", "your-rights"))
	}
	if c.PublishesIn(s, "california") {
		links = append(links, notice.NoticeLink(c.T("rights.more.california", nil), "california", "your-rights"))
	}
	if c.PublishesIn(s, "us-states") {
		links = append(links, notice.NoticeLink(c.T("rights.more.us-states", nil), "us-states", "your-rights"))
	}
	if c.PublishesIn(s, "brazil") {
		links = append(links, notice.NoticeLink(c.T("rights.more.brazil", nil), "brazil", "your-rights"))
	}
	if len(links) > 0 {
		s.P(c.T("rights.more", locale.Data{"Notices": c.List(links, locale.And)}))
	}
	how := s.Sub("making-a-request", string(c.T("rights.request.title", nil)))
	how.Use("rights.request_methods", "rights.verification", "rights.authorized_agents")
	how.P(c.T("rights.request.intro", nil))
	how.Add(&notice.List{Items: j.RequestMethods(b.c, rt.RequestMethods)})
	how.Add(&notice.Prose{Markdown: string(rt.Verification)})
	how.Add(&notice.Prose{Markdown: string(rt.AuthorizedAgents)})
	withdraw := rt.ConsentWithdrawal
	if slices.ContainsFunc(rt.Offered, func(r *model.Right) bool { return r.Right == "withdraw_consent" }) {
		withdraw = "" // said in the list of rights already
	}
	for _, f := range []struct {
		path string
		md   model.Markdown
	}{{"rights.response_time", rt.ResponseTime}, {"rights.appeal", rt.Appeal}, {"rights.consent_withdrawal", withdraw}, {"rights.non_discrimination", rt.NonDiscrimination}} {
		if f.md != "" {
			how.Use(f.path)
			how.Add(&notice.Prose{Markdown: string(f.md)})
		}
	}
	return s
}

// cookieClass names a class of cookie in the table of cookies.
func (b *builder) cookieClass(class string) notice.Text {
	c := b.c
	switch class {
	case "strictly_necessary":
		return c.T("cookies.class.strictly-necessary", nil)
	case "functional":
		return c.T("cookies.class.functional", nil)
	case "analytics":
		return c.T("cookies.class.analytics", nil)
	case "advertising":
		return c.T("cookies.class.advertising", nil)
	}
	return ""
}

func (b *builder) cookies() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "cookies", Title: string(c.T("cookies.title", nil))}
	ck := b.p.Cookies
	s.Use("cookies.summary")
	s.Add(&notice.Prose{Markdown: string(ck.Summary)})
	if len(ck.Items) > 0 {
		s.Use("cookies.items")
		var rows [][]notice.Text
		for _, it := range ck.Items {
			party := c.T("cookies.party.us", nil)
			if it.Party == "third" {
				party = c.T("cookies.party.third", nil)
			}
			rows = append(rows, []notice.Text{notice.Plain(it.Name), notice.Plain(it.Provider), party,
				b.cookieClass(it.Class), notice.Plain(it.Purpose), notice.Plain(string(it.Duration))})
		}
		s.Add(&notice.Table{Caption: string(c.T("cookies.table.caption", nil)),
			Head: []string{string(c.T("cookies.table.name", nil)), string(c.T("cookies.table.provider", nil)), string(c.T("cookies.table.set-by", nil)),
				string(c.T("cookies.table.type", nil)), string(c.T("cookies.table.purpose", nil)), string(c.T("cookies.table.lasts", nil))},
			Rows: rows})
	}
	if ck.SettingsURL != "" {
		s.Use("cookies.settings_url")
		s.P(c.T("cookies.settings", locale.Data{"Settings": notice.Link(c.T("cookies.settings.link", nil), ck.SettingsURL)}),
			c.T("cookies.browser", nil))
	}
	if ck.PolicyURL != "" {
		s.Use("cookies.policy_url")
		s.P(c.T("cookies.policy", locale.Data{"Policy": notice.Link(c.T("cookies.policy.link", nil), ck.PolicyURL)}))
	}
	if len(ck.OptOutTools) > 0 {
		s.Use("cookies.opt_out_tools")
		var items []notice.Text
		for _, l := range ck.OptOutTools {
			items = append(items, notice.Link(notice.Plain(l.Name), l.URL))
		}
		s.P(c.T("cookies.tools", nil))
		s.Add(&notice.List{Items: items})
	}
	return s
}

func (b *builder) signals() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "browser-signals", Title: string(c.T("signals.title", nil))}
	ck := b.p.Cookies
	s.Use("cookies.do_not_track", "cookies.global_privacy_control", "cookies.third_party_tracking")
	dnt, label := ck.DoNotTrack, notice.Strong(c.T("signals.dnt.label", nil))
	if dnt.Honored.IsYes() {
		s.P(label, c.T("signals.dnt.honored", nil), notice.Inline(string(dnt.Description)))
	} else {
		s.P(label, c.T("signals.dnt.not-honored", nil), notice.Inline(string(dnt.Description)))
	}
	gpc, label := ck.GlobalPrivacyControl, notice.Strong(c.T("signals.gpc.label", nil))
	switch {
	case gpc.Honored.IsYes() && gpc.Description != "":
		s.P(label, notice.Inline(string(gpc.Description)))
	case gpc.Honored.IsYes():
		s.P(label, c.T("signals.gpc.honored", nil))
	default:
		s.P(label, c.T("signals.gpc.not-honored", nil), notice.Inline(string(gpc.Description)))
	}
	label = notice.Strong(c.T("signals.tracking.label", nil))
	if ck.ThirdPartyTracking.IsYes() {
		s.P(label, c.T("signals.tracking.allowed", locale.Data{"Cookies": notice.Link(c.T("cookies.title", nil), "#cookies")}))
	} else {
		s.P(label, c.T("signals.tracking.not-allowed", nil))
	}
	return s
}

func (b *builder) security() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "security", Title: string(c.T("security.title", nil))}
	sec := b.p.Security
	s.Use("security")
	s.Add(&notice.Prose{Markdown: string(sec.Statement)})
	if len(sec.Measures) > 0 {
		s.P(c.T("security.measures", nil))
		s.Add(&notice.List{Items: notice.Plains(sec.Measures)})
	}
	if sec.URL != "" {
		s.P(c.T("security.more", locale.Data{"Page": notice.Link(c.T("security.more.link", nil), sec.URL)}))
	}
	return s
}

func (b *builder) transfers() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "international-transfers", Title: string(c.T("transfers.title", nil))}
	countries := map[string]bool{}
	for _, e := range b.p.Organization.Entities {
		if e.Address != nil {
			countries[e.Address.Country] = true
		}
	}
	var later []notice.Text
	for i, pr := range b.p.Processors {
		s.Use(model.Index("processors", i)+".country", model.Index("processors", i)+".added")
		if pr.Added.Valid() && pr.Added > c.Date {
			// Not in use yet: say when it starts, not that it is so.
			later = append(later, c.T("transfers.later.item", locale.Data{"Processor": notice.Plain(pr.Name),
				"Countries": j.Countries(b.c, append([]string{pr.Country}, pr.Locations...)), "Day": c.Day(pr.Added)}))
			continue
		}
		countries[pr.Country] = true
		for _, l := range pr.Locations {
			countries[l] = true
		}
	}
	codes := make([]string, 0, len(countries))
	for code := range countries {
		codes = append(codes, code)
	}
	j.SortCountries(b.c, codes)
	s.P(c.T("transfers.where", locale.Data{"Countries": j.Countries(b.c, codes)}))
	if len(later) > 0 {
		s.P(c.T("transfers.later", locale.Data{"Processors": c.List(later, locale.And)}))
	}
	if len(b.p.Transfers) > 0 {
		s.Use("transfers")
		for i := range b.p.Transfers {
			// The tools are the eu pack's data: a change of one is this
			// section's only where it is traced (diff.For).
			s.Use(eu.ToolPaths(model.Index("transfers", i), "eu", "uk")...)
		}
		if items := b.toolsByDestination("eu"); len(items) > 0 {
			s.P(c.T("transfers.eu.safeguards", nil))
			s.Add(&notice.List{Items: items})
		}
		if items := b.toolsByDestination("uk"); len(items) > 0 {
			s.P(c.T("transfers.uk.safeguards", nil))
			s.Add(&notice.List{Items: items})
		}
	}
	if dpf := eu.Org(b.p.Organization).DPF; dpf != nil && dpf.Certified.IsYes() {
		s.Use("organization.dpf")
		// The list of the framework named first, unless the data gives the
		// certification's own entry.
		list, url := c.T("transfers.dpf.list", nil), dpf.ListURL
		if f := eu.FrameworkOf(c, dpf.Frameworks[0]); f != nil {
			list = notice.Plain(f.List)
			if url == "" {
				url = f.ListURL
			}
		}
		var frameworks []notice.Text
		for _, id := range dpf.Frameworks {
			if f := eu.FrameworkOf(c, id); f != nil {
				frameworks = append(frameworks, notice.Plain(f.Name))
			}
		}
		// Sentence: the entity's name begins it (and a name the data gives
		// in lower case is capitalised, as it always was).
		s.P(notice.Sentence(c.T("transfers.dpf", locale.Data{"Entity": entityName(b.p, dpf.Entity),
			"Frameworks": c.List(frameworks, locale.And), "List": notice.Link(list, url)})))
	}
	if c.PublishesIn(s, "eu") {
		s.P(c.T("transfers.eu", locale.Data{"Notice": notice.NoticeLink(c.T("transfers.eu.link", nil), "eu", "international-transfers")}))
	}
	return s
}

// toolsByDestination lists, per destination country, the transfer tools a
// regime's data relies on.
func (b *builder) toolsByDestination(regime string) []notice.Text {
	var dests []string
	tools := map[string][]notice.Text{}
	for _, t := range b.p.Transfers {
		mech := eu.Transfer(t).Mechanism
		if regime == "uk" {
			mech = eu.Transfer(t).UKMechanism
		}
		if mech == "" {
			continue
		}
		name := notice.Plain(mech)
		if tool := eu.Tool(b.c, regime, mech); tool != nil {
			name = notice.Plain(tool.Name)
		}
		for _, d := range t.Destinations {
			if _, ok := tools[d]; !ok {
				dests = append(dests, d)
			}
			if !slices.Contains(tools[d], name) {
				tools[d] = append(tools[d], name)
			}
		}
	}
	j.SortCountries(b.c, dests)
	var items []notice.Text
	for _, d := range dests {
		items = append(items, stop(b.c.T("transfers.tools.item", locale.Data{"Country": notice.Text(j.UpperFirst(j.CountryPhrase(b.c, d))),
			"Tools": b.c.List(tools[d], locale.Or)})))
	}
	return items
}

func (b *builder) retention() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "retention", Title: string(c.T("retention.title", nil))}
	s.P(c.T("retention.intro", nil), j.RetentionEnd(b.c, b.p.Retention))
	var rows [][]notice.Text
	for i, r := range b.p.Retention {
		s.Use(model.Index("retention", i))
		rows = append(rows, []notice.Text{notice.Plain(r.Name), j.Retention(b.c, r)})
	}
	s.Add(&notice.Table{Caption: string(c.T("retention.table.caption", nil)),
		Head: []string{string(c.T("retention.table.information", nil)), string(c.T("retention.table.period", nil))}, Rows: rows})
	return s
}

func (b *builder) children() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "children", Title: string(c.T("children.title", nil))}
	ch := b.p.Children
	s.Use("children")
	age := locale.Data{"Age": c.Format().Number(int64(ch.MinimumAge))}
	switch {
	case ch.DirectedToChildren.IsYes():
		s.P(c.T("children.directed", nil))
	case !strings.Contains(string(ch.Statement), fmt.Sprint(ch.MinimumAge)):
		// The team's statement, when it gives the age, says this already.
		s.P(c.T("children.not-directed", age))
	}
	if ch.ActualKnowledgeUnder16.IsYes() && !ch.DirectedToChildren.IsYes() && ch.MinimumAge < 16 {
		s.P(c.T("children.under-16", age))
	}
	if ch.Statement != "" {
		s.Add(&notice.Prose{Markdown: string(ch.Statement)})
	}
	return s
}

func (b *builder) automated() *notice.Section {
	ad := b.p.AutomatedDecisions
	c := b.c
	s := &notice.Section{ID: "automated-decisions", Title: string(c.T("automated.title", nil))}
	s.Use("automated_decisions")
	if ad.SolelyAutomated.IsYes() {
		s.P(c.T("automated.solely", nil))
		var items []notice.Text
		for _, d := range ad.Decisions {
			items = append(items, notice.Inline(string(d.Description)))
		}
		s.Add(&notice.List{Items: items})
	} else {
		s.P(c.T("automated.not-solely", nil))
	}
	if ad.Profiling.IsYes() {
		var items []notice.Text
		for _, d := range ad.Decisions {
			if d != nil && !d.Art22.IsYes() {
				items = append(items, notice.Inline(string(d.Description)))
			}
		}
		s.P(c.T("automated.profiling", nil))
		s.Add(&notice.List{Items: items})
		if slices.ContainsFunc(b.p.Rights.Offered, func(r *model.Right) bool { return r.Right == "objection" }) {
			s.Use("rights.offered")
			s.P(c.T("automated.object", locale.Data{"Rights": notice.Link(c.T("rights.title", nil), "#your-rights")}))
		}
	} else {
		s.P(c.T("automated.no-profiling", nil))
	}
	return s
}

func (b *builder) changes() *notice.Section {
	s := &notice.Section{ID: "changes", Title: string(b.c.T("changes.title", nil))}
	s.Use("changes.notification")
	s.Add(&notice.Prose{Markdown: string(b.p.Changes.Notification)})
	return s
}

func (b *builder) contact() *notice.Section {
	c := b.c
	s := &notice.Section{ID: "contact", Title: string(c.T("contact.title", nil))}
	o := b.p.Organization
	s.Use("organization.privacy_contact", "organization.entities")
	s.P(c.T("contact.intro", nil))
	s.Add(&notice.List{Items: j.ContactItems(b.c, o.PrivacyContact)})
	var rows [][]notice.Text
	for i, e := range o.Entities {
		s.Use(model.Index("organization.entities", i))
		reg := notice.Plain(e.Registration)
		rows = append(rows, []notice.Text{notice.Plain(e.LegalName), j.Address(b.c, e.Address), reg})
	}
	s.P(c.T("contact.companies", nil))
	s.Add(&notice.Table{Caption: string(c.T("contact.table.caption", nil)),
		Head: []string{string(c.T("contact.table.company", nil)), string(c.T("contact.table.address", nil)), string(c.T("contact.table.registration", nil))},
		Rows: rows})
	if dpo := eu.Org(o).DPO; dpo != nil && dpo.EU != nil && dpo.EU.Appointed.IsYes() && j.Reachable(dpo.EU.Contact) {
		s.Use("organization.dpo")
		s.P(c.T("contact.dpo", locale.Data{"Contact": j.ContactWays(b.c, dpo.EU.Contact)}))
	}
	return s
}

func entityName(p *model.Project, id string) notice.Text {
	for _, e := range p.Organization.Entities {
		if e.ID == id {
			return notice.Plain(e.LegalName)
		}
	}
	return notice.Plain(p.Organization.Name)
}

// summary is the policy's key points: what we collect, sale and sharing,
// rights and where to use them, who receives data, how long it is kept,
// children; and the ways to make a request and to opt out.
func (b *builder) summary() *notice.Section {
	var s j.Summary
	s.Collected(b.c, "information-we-collect", nil)
	b.salePoint(&s)
	var verbs []notice.Text
	for _, r := range b.p.Rights.Offered {
		verbs = append(verbs, j.RightVerb(b.c, r.Right))
	}
	s.Rights(b.c, "your-rights", verbs, "rights.offered")
	s.Recipients(b.c, "sharing", b.c.T("summary.recipients.lead", nil), nil, "")
	s.Kept(b.c, "retention", nil)
	s.Children(b.c, "children")
	if sold, shared := b.sellsOrShares(); sold || shared {
		if l := california.Of(b.p); l != nil && l.Links != nil {
			s.OptOut(string(b.c.T("link.do-not-sell-or-share", nil)), l.Links.DoNotSellOrShare, "california.links.do_not_sell_or_share")
		}
	}
	return s.Section(b.c)
}

// sellsOrShares says whether the data sells or shares personal information,
// as the sale section reads it.
func (b *builder) sellsOrShares() (sold, shared bool) {
	sold, _ = sells(b.p)
	shared, _ = shares(b.p)
	return sold, shared
}

// salePoint is the key point on sale and sharing, from the facts the sale
// section reads.
func (b *builder) salePoint(s *j.Summary) {
	paths := []string{"california.sells", "california.shares", "cookies.global_privacy_control.honored"}
	for i := range b.p.Purposes {
		paths = append(paths, model.Index("purposes", i)+".sells", model.Index("purposes", i)+".shares")
	}
	sold, shared := b.sellsOrShares()
	c := b.c
	var t notice.Text
	switch {
	case sold && shared:
		t = c.T("summary.sale.sells-and-shares", nil)
	case sold:
		t = c.T("summary.sale.sells", nil)
	case shared:
		t = c.T("summary.sale.shares", nil)
	default:
		t = c.T("summary.sale.neither", nil)
	}
	if sold || shared {
		// How to opt out, in the words of the sale section.
		var ways notice.Section
		t += " " + b.optOutWays(&ways)
		paths = append(paths, ways.Trace.Paths...)
	}
	s.Point(string(c.T("summary.sale.label", nil)), t, "sale-and-sharing", paths...)
}
