// Package jurisdiction defines rule packs: one value per jurisdiction that
// knows the disclosures its law requires (Requirements) and how to compile
// the notice that makes them (Compile).
//
// The packs themselves live in subpackages (global, eu, california) and are
// listed in one place, compiler.DefaultJurisdictions. Check runs every
// requirement in force on the notices' date; a notice with an error is not
// published. A requirement of the common shape is declared as data ("for
// each purpose whose legal_bases include legitimate_interests, require
// legitimate_interest": Each and Cond), so the words that say when it
// applies are generated from the rule that checks it (Condition).
package jurisdiction

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// Jurisdiction is a rule pack: the requirements of one law (or group of
// laws) and the notice that discloses them.
type Jurisdiction interface {
	// ID names the pack and its notice: global, eu, california.
	ID() string
	// Name describes the law it covers, e.g. "EU GDPR and UK GDPR".
	Name() string
	// Applies reports whether the project must publish this notice, and
	// says why in a sentence either way.
	Applies(c *Context) (bool, string)
	// Requirements lists the disclosures the law requires, each with the
	// check that reports what the data lacks.
	Requirements() []*Requirement
	// Compile builds the notice. It assumes the requirements were checked
	// and reports only problems of its own (such as a section placed after
	// a section that does not exist).
	Compile(c *Context) (*notice.Document, diag.List)
}

// Audiencer is implemented by a pack that says whom its notice is for, in a
// line the site's home page shows beside the notice.
type Audiencer interface {
	Audience() string
}

// Labeler is implemented by a pack that gives its notice a short name for
// the site's navigation ("Europe" for the European supplement); the title
// is used without one.
type Labeler interface {
	Label() string
}

// LabelerIn is implemented by a pack whose short name (Labeler) is in its
// message catalogue, so the navigation of a page in another language names
// the notice in that language: LabelIn writes it in the Context's language.
type LabelerIn interface {
	LabelIn(c *Context) string
}

// NoticePeriod is implemented by a pack whose notice period of material
// changes (the days between a release with a material change and its
// effective date) comes from elsewhere than the notice's own settings,
// notices.ID.material_change_notice_days, which the facade reads for every
// other pack; 0 means the default.
type NoticePeriod interface {
	MaterialChangeNoticeDays(p *model.Project) int
}

// Applicability is implemented by a pack whose Applies reads the data: it
// names the data paths Applies reads, so the sections of other notices that
// depend on whether this one is published trace them (Context.PublishesIn).
type Applicability interface {
	AppliesFrom() []string
}

// ApplicabilityDetailer is implemented by a pack whose Applies weighs
// several laws or thresholds: it says, one line each, how each was judged
// on c's date (disclose explain prints the lines under the notice's
// headline).
type ApplicabilityDetailer interface {
	ApplicabilityDetails(c *Context) []string
}

// DataTabler is implemented by a pack whose notice publishes tables as data
// files too (the sub-processor list as CSV and JSON): it finds them in any
// version of its notice, frozen ones included.
type DataTabler interface {
	DataTables(doc *notice.Document) []notice.DataTable
}

// ReleaseChecker is implemented by a pack whose law constrains when a
// release may take effect beyond the notice period of its changes: before
// any version is planned, it is given the project, the release date, the
// date the new versions take effect and the data snapshot (release
// data.json) of its notice's latest released version (nil before the
// first), and returns why the release must not go ahead.
type ReleaseChecker interface {
	CheckRelease(p *model.Project, released, effective model.Date, lastData []byte) error
}

// Context is what a pack sees: the project, the reference data and the
// dates the notice is compiled for.
type Context struct {
	Project   *model.Project
	Reference *model.Reference
	// Date is the date the notice takes effect: the release's effective
	// date, or the build date for a draft. Requirements in force on it apply;
	// reference data is read as of it.
	Date model.Date
	// LastUpdated is the date the notice was last changed (for a draft, the
	// build date).
	LastUpdated model.Date
	// Released holds, for a published site, the release date of each
	// notice's version in force, by notice ID; rules about how old a
	// published notice may be read it instead of LastUpdated.
	Released map[string]model.Date
	// Notices are the IDs of every notice published with this one, so a
	// notice can link to the others.
	Notices []string
	// AppliesFrom holds, by notice ID, the data paths the notice's pack
	// reads to decide whether it applies (Applicability).
	AppliesFrom map[string][]string
	// ShowDefinitions adds to each diagnostic of a declarative rule (Each)
	// the position of the rule's definition in the Go source, as a Related
	// position, so a diagnostic can point at the rule that made it.
	ShowDefinitions bool
	// Language is the language the notice is written in (the zero Tag is
	// English, locale.Source), and Catalogues the packs' message catalogues
	// by pack ID (compiler.Catalogues): a pack writes every sentence with
	// T and N, in Language, from its catalogue (lang.go).
	Language   language.Tag
	Catalogues map[string]*locale.Catalogue
	// InEnglish are the team's texts a notice in another Language shows in
	// English, having no current translation (translate.Result.English,
	// allowed by the translations file's fallback): the notice says so.
	InEnglish []string
	// Original is the project as the team wrote it, when Project is its
	// translation (Language is not English): a rule that reads the team's
	// words for what they say (an exemption's article) reads them here
	// (Source), never in a translation.
	Original *model.Project
	// printer writes the messages of the pack being compiled (Compile).
	printer *locale.Printer
}

// Publishes reports whether the notice id is published alongside.
func (c *Context) Publishes(id string) bool { return slices.Contains(c.Notices, id) }

// PublishesIn reports whether the notice id is published alongside, and
// records in s's trace the data that decides it (AppliesFrom): a sentence
// that links to another notice, or says what another notice covers,
// depends on that notice being published.
func (c *Context) PublishesIn(s *notice.Section, id string) bool {
	s.Use(c.AppliesFrom[id]...)
	return c.Publishes(id)
}

// InForce reports whether the dated fact from..until (either empty for
// open) holds on c.Date.
func (c *Context) InForce(from, until model.Date) bool {
	d := c.Date
	return (from == "" || from <= d) && (until == "" || d <= until)
}

// Requirement is one disclosure a law requires.
type Requirement struct {
	// ID is the rule ID from the legal-requirements reference, such as
	// GDPR-13-1-d.
	ID string
	// Citation is the legal source, such as "GDPR Art. 13(1)(d)".
	Citation string
	// Severity is diag.Error for a required disclosure (BLOCK), diag.Warning
	// for a form requirement a machine cannot prove (LINT), diag.Info for
	// guidance (INFO).
	Severity diag.Severity
	// Summary says what must be disclosed, in plain English.
	Summary string
	// When says when Check applies, in plain English; empty means always.
	// A declarative rule (Each) says its condition itself: see Condition.
	When string
	// Data lists the data (schema paths) it needs.
	Data []string
	// Section is the anchor of the notice section that discloses it.
	Section string
	// Drift says the requirement's answer can change with the date alone
	// (dated reference data, a deadline): the released versions in force
	// and upcoming are judged against it again on every build (CheckDrift),
	// so a team learns when the law moved under a published notice.
	Drift bool
	// AtRelease says the requirement is checked when a release is made, by
	// the pack's CheckRelease (ReleaseChecker), against the version
	// released before: what only a comparison of versions can show, such
	// as a purpose new since then.
	AtRelease bool
	// Covers are the ids of other rules of the legal-requirements
	// reference this requirement implements too (GDPR-13-1-c makes the
	// GDPR-14-1-c disclosure for data from other sources).
	Covers []string
	// From and Until bound the dates (YYYY-MM-DD, inclusive) on which the
	// rule is in force; empty means open.
	From, Until model.Date
	// Each are the requirement's declarative rules ("for each purpose whose
	// legal_bases include legitimate_interests, require
	// legitimate_interest"), declared with ForEach and run before Check.
	Each []*Each
	// Check reports what the data lacks that Each cannot say (rules that
	// compute); nil when there is nothing more to check. A requirement with
	// neither Each nor Check is structural: the notice always makes the
	// disclosure from data the model requires anyway.
	Check func(c *Context, r *Report)
}

// Rule returns the diagnostic rule reference of q.
func (q *Requirement) Rule() *diag.Rule { return &diag.Rule{ID: q.ID, Citation: q.Citation} }

// Checks reports whether q checks the data, by declarative rules or in Go;
// a requirement that does not is structural.
func (q *Requirement) Checks() bool { return len(q.Each) > 0 || q.Check != nil }

// Condition says when q applies, in plain English: the words generated from
// its declarative rules ("for each purpose whose legal_bases include
// legitimate_interests"), with the dates of a rule in force for only part
// of the requirement's ("(shares only from 2023-01-01)"), then When, joined
// by semicolons; empty means always. exts are the packs' extensions
// (compiler.Extensions), through which a rule's path may go
// ("california.metrics"): with them, a single object is told from a list.
func (q *Requirement) Condition(exts ...*model.Extension) string {
	var parts, dated []string
	add := func(list *[]string, s string) {
		if s != "" && !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, e := range q.Each {
		add(&parts, e.condition(exts))
		if e.From == "" && e.Until == "" {
			continue
		}
		keys := strings.Join(append(append([]string(nil), e.Require...), e.RequireAny...), " and ")
		switch {
		case e.From != "" && e.Until != "":
			add(&dated, keys+" only from "+e.From.String()+" to "+e.Until.String())
		case e.From.String() != "":
			add(&dated, keys+" only from "+e.From.String())
		default:
			add(&dated, keys+" only until "+e.Until.String())
		}
	}
	s := strings.Join(parts, "; ")
	if len(dated) > 0 {
		if s == "" {
			s = strings.Join(dated, ", ")
		} else {
			s += " (" + strings.Join(dated, ", ") + ")"
		}
	}
	if q.When != "" {
		if s != "" {
			s += "; "
		}
		s += q.When
	}
	return s
}

// Defined returns where q's declarative rules are written in the Go source
// (the first one's position, repository-relative), or the zero Pos when q
// has none.
func (q *Requirement) Defined() diag.Pos {
	if len(q.Each) == 0 {
		return diag.Pos{}
	}
	return q.Each[0].Defined
}

// Validate reports the first key of q's declarative rules that names no
// field of the model or of the extensions exts (see Each.Validate).
func (q *Requirement) Validate(exts model.Extensions) error {
	for i, e := range q.Each {
		if err := e.Validate(exts); err != nil {
			return fmt.Errorf("%s: rule %d (%s): %w", q.ID, i+1, e.Defined, err)
		}
	}
	return nil
}

// Report collects the diagnostics of one requirement's check.
type Report struct {
	req   *Requirement
	src   *model.SourceMap
	diags diag.List
}

// Missing reports that the data at path (or the field of path it names)
// lacks what the requirement needs. The message says what is missing and
// why; hint says what to add. The position is path's, or its nearest
// ancestor's when path itself is absent.
func (r *Report) Missing(path, hint, format string, args ...any) *diag.Diagnostic {
	d := &diag.Diagnostic{
		Pos:      r.pos(path),
		Severity: r.req.Severity,
		Path:     path,
		Message:  fmt.Sprintf(format, args...),
		Rule:     r.req.Rule(),
		Hint:     hint,
	}
	r.diags = append(r.diags, d)
	return d
}

func (r *Report) pos(path string) diag.Pos {
	if r.src == nil {
		return diag.Pos{}
	}
	return r.src.Pos(path)
}

// Check runs every requirement of j in force on c.Date (its declarative
// rules, then its Check) and returns what the data lacks, sorted. It runs
// nothing when j does not apply.
func Check(c *Context, j Jurisdiction) diag.List { return check(c, j, false) }

// CheckDrift runs only j's requirements whose answer can change with the
// date alone (Requirement.Drift), for judging a released version again.
func CheckDrift(c *Context, j Jurisdiction) diag.List { return check(c, j, true) }

func check(c *Context, j Jurisdiction, drift bool) diag.List {
	forgetBrands(c.Project) // the data may have changed since it was last judged
	if ok, _ := j.Applies(c); !ok {
		return nil
	}
	var all diag.List
	for _, q := range j.Requirements() {
		if !q.Checks() || !c.InForce(q.From, q.Until) || drift && !q.Drift {
			continue
		}
		r := &Report{req: q, src: c.Project.Source}
		for _, e := range q.Each {
			e.check(c, r)
		}
		if q.Check != nil {
			q.Check(c, r)
		}
		all.Append(r.diags...)
	}
	all.Sort()
	return all
}

// Explain describes the requirements of j as of c.Date: in force or not,
// applicable or not. It is the data behind "disclose explain".
type Explanation struct {
	Requirement *Requirement
	InForce     bool
}

// Describe returns j's requirements with whether each is in force on c.Date,
// in declaration order.
func Describe(c *Context, j Jurisdiction) []Explanation {
	var out []Explanation
	for _, q := range j.Requirements() {
		out = append(out, Explanation{Requirement: q, InForce: c.InForce(q.From, q.Until)})
	}
	return out
}

// Join formats a list of words for messages: "a, b or c".
func Join(items []string, conj string) string {
	t := make([]notice.Text, len(items))
	for i, s := range items {
		t[i] = notice.Text(s)
	}
	return string(notice.Series(t, conj))
}

// Quote returns s in double quotes, for messages.
func Quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `'`) + `"` }

// LabelIn returns j's short name in the Context's language (LabelerIn),
// from its catalogue; "" for a pack without one, or whose catalogue has no
// current translation of it (the navigation then names the notice by its
// title in the language). Like Compile, it binds c to j's catalogue while
// it runs: c must not be in use by another goroutine.
func LabelIn(c *Context, j Jurisdiction) string {
	l, ok := j.(LabelerIn)
	cat := c.Catalogues[j.ID()]
	if !ok || cat == nil {
		return ""
	}
	saved := c.printer
	c.printer = cat.Printer(c.lang())
	defer func() { c.printer = saved }()
	label := l.LabelIn(c)
	if len(c.printer.Problems()) > 0 {
		return ""
	}
	return label
}

// Compile compiles j's notice, places the team's own sections in it, and
// records in each section's trace the requirements it discloses. It returns
// nil when j does not apply.
func Compile(c *Context, j Jurisdiction) (*notice.Document, diag.List) {
	forgetBrands(c.Project) // the data may have changed since it was last compiled
	if ok, _ := j.Applies(c); !ok {
		return nil, nil
	}
	cat := c.Catalogues[j.ID()]
	if cat == nil {
		// Not among the catalogues (a pack outside the defaults): the
		// shared wording's alone; any other message is reported.
		cat = sharedCatalogue()
	}
	c.printer = cat.Printer(c.lang())
	defer func() { c.printer = nil }()
	doc, diags := j.Compile(c)
	if doc == nil {
		diags.Append(c.printer.Problems()...)
		return nil, diags
	}
	if !c.English() {
		doc.Language = locale.Code(c.lang())
		if len(c.InEnglish) > 0 {
			doc.Intro = append([]notice.Block{&notice.Aside{Title: string(c.T("fallback.title", nil)),
				Blocks: []notice.Block{&notice.Paragraph{Text: c.T("fallback.english", nil)}}}}, doc.Intro...)
		}
	}
	diags.Append(placeSections(c, doc)...)
	for _, q := range j.Requirements() {
		if !c.InForce(q.From, q.Until) {
			continue
		}
		if s := doc.Section(q.Section); s != nil {
			s.Satisfies(q.ID)
		}
	}
	// A message the catalogue cannot give in the notice's language is an
	// error: the notice is not published with a sentence missing.
	diags.Append(c.printer.Problems()...)
	diags.Sort()
	return doc, diags
}

// Closing are the anchors of the sections every notice ends with; the team's
// sections go before them unless they say otherwise.
var Closing = []string{"changes", "contact"}

// placeSections inserts the project's prose sections meant for doc, each
// after the section its "after" names, or before the closing sections.
func placeSections(c *Context, doc *notice.Document) diag.List {
	var diags diag.List
	for i, ps := range c.Project.Sections {
		if ps == nil || !slices.Contains(ps.Notices, doc.ID) {
			continue
		}
		path := model.Index("sections", i)
		s := &notice.Section{ID: ps.ID, Title: ps.Title}
		s.Add(&notice.Prose{Markdown: string(ps.Body)})
		s.Use(path)
		if doc.Section(ps.ID) != nil || ps.ID == "contents" {
			diags.Add(c.Project.Source.Pos(path+".id"), path+".id",
				"section id %q is already used by a section of the %s", ps.ID, doc.Title).Hint =
				"choose another id: it is the section's anchor, so it must be unique in the notice"
			continue
		}
		at := -1 // index in doc.Sections to insert at
		switch ps.After {
		case "":
			at = len(doc.Sections)
			for k, top := range doc.Sections {
				if slices.Contains(Closing, top.ID) {
					at = k
					break
				}
			}
		case "top":
			at = 0
		default:
			for k, top := range doc.Sections {
				if top.ID == ps.After {
					at = k + 1
				}
			}
			if at < 0 {
				ids := make([]string, 0, len(doc.Sections))
				for _, top := range doc.Sections {
					ids = append(ids, top.ID)
				}
				msg := fmt.Sprintf("the %s has no top-level section %q to place this section after", doc.Title, ps.After)
				if s := diag.Suggest(ps.After, ids); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				d := diags.Add(c.Project.Source.Pos(path+".after"), path+".after", "%s", msg)
				d.Hint = "use top, or one of: " + strings.Join(ids, ", ")
				continue
			}
		}
		doc.Sections = slices.Insert(doc.Sections, at, s)
	}
	return diags
}

// Extender is implemented by a pack that owns data of its own: sections of
// the data files and fields of the core model's items, decoded, validated,
// documented and snapshotted beside the core keys (see model.Extension).
type Extender interface {
	Extensions() model.Extensions
}

// ReferenceHolder is implemented by a pack that ships dated legal reference
// data (adequacy decisions, transfer tools): YAML files in the folder
// "reference" of the returned file system, whose sections the pack declares
// as an Extension of model.Reference. The facade loads them like the
// project's data, and the pack reads them from Context.Reference.
type ReferenceHolder interface {
	ReferenceData() fs.FS
}
