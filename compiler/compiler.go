// Package compiler turns a privacy programme's data files into published
// privacy notices. It is a facade over the stages, each its own package:
//
//	load     YAML files -> model.Project, with positions        (package load)
//	check    ids and references between collections            (package check)
//	rules    each jurisdiction's requirements -> diagnostics    (package jurisdiction)
//	compile  model -> notice IR, one document per jurisdiction  (package jurisdiction)
//	render   notice IR -> Markdown                              (package render)
//
// The jurisdictions are values listed in DefaultJurisdictions; the legal
// reference data they read (adequacy lists, transfer tools) ships in
// reference/ and is loaded like the project's data.
package compiler

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/text/language"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/brazil"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/california"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/global"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/subprocessors"
	usstates "github.com/disclose-dev/disclose/compiler/jurisdiction/us-states"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/migrate"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/compiler/schema"
	"github.com/disclose-dev/disclose/compiler/site"
	"github.com/disclose-dev/disclose/compiler/translate"
)

// DefaultJurisdictions returns the rule packs disclose compiles, in the
// order their notices are listed. Adding a jurisdiction is a new package
// implementing jurisdiction.Jurisdiction and one line here.
func DefaultJurisdictions() []jurisdiction.Jurisdiction {
	return []jurisdiction.Jurisdiction{
		global.New(),
		eu.New(),
		california.New(),
		usstates.New(),
		brazil.New(),
		subprocessors.New(),
	}
}

// Reference returns the legal reference data the rule packs ship
// (jurisdiction.ReferenceHolder), each pack's loaded from its own files
// with its own sections, and the problems found loading it (none in a
// release: a test guards it).
var Reference = sync.OnceValues(func() (*model.Reference, diag.List) {
	ref := &model.Reference{Ext: model.Ext{}}
	var diags diag.List
	refType := reflect.TypeOf(model.Reference{})
	for _, j := range DefaultJurisdictions() {
		h, ok := j.(jurisdiction.ReferenceHolder)
		if !ok {
			continue
		}
		var exts model.Extensions
		if e, ok := j.(jurisdiction.Extender); ok {
			for _, x := range e.Extensions() {
				if x.On == refType {
					exts = append(exts, x)
				}
			}
		}
		one, d := load.Reference(h.ReferenceData(), "reference", exts...)
		diags.Append(d...)
		for id, x := range one.Ext {
			ref.Ext[id] = x
		}
	}
	diags.Sort()
	return ref, diags
})

// Catalogues returns each rule pack's message catalogue, by pack ID: the
// pack's own messages (jurisdiction.MessageHolder) with the shared
// wording's (jurisdiction.SharedMessages), and the problems found in them
// (none in a release: a test guards it). A pack that has no messages of its
// own gets the shared wording's alone.
var Catalogues = sync.OnceValues(func() (map[string]*locale.Catalogue, diag.List) {
	shared, diags := load.Messages(jurisdiction.SharedMessages(), "messages", "compiler/jurisdiction/messages")
	out := map[string]*locale.Catalogue{}
	for _, j := range DefaultJurisdictions() {
		files := slices.Clone(shared)
		if h, ok := j.(jurisdiction.MessageHolder); ok {
			own, d := load.Messages(h.MessageData(), "messages", "compiler/jurisdiction/"+j.ID()+"/messages")
			diags.Append(d...)
			files = append(files, own...)
		}
		cat, d := locale.New(j.ID(), files...)
		diags.Append(d...)
		out[j.ID()] = cat
	}
	diags.Sort()
	return out, diags
})

// FrozenMarkdown is a notice as a release freezes it in notice.md and
// notice.LANG.md (release.Request.Markdown): its Markdown, with the words
// around its text and its dates in the notice's language (the site's
// catalogue).
func FrozenMarkdown(d *notice.Document) []byte {
	var opts *render.Options
	if d.Language != "" {
		messages, _ := SiteCatalogue() // its problems: TestSiteCatalogueClean
		opts = site.MarkdownOptions(messages, d.Language)
	}
	return render.Markdown(d, opts)
}

// SiteCatalogue returns the site's own message catalogue (the theme's
// words and the sentences the site writes, compiler/site/messages), read
// here because only load reads YAML and the site stage does not import it,
// and the problems found in it (none in a release: a test guards it).
var SiteCatalogue = sync.OnceValues(func() (*locale.Catalogue, diag.List) {
	files, diags := load.Messages(site.Messages(), "messages", "compiler/site/messages")
	cat, d := locale.New("site", files...)
	diags.Append(d...)
	diags.Sort()
	return cat, diags
})

// Options configure checking and compiling.
type Options struct {
	// Date is the date the notices take effect: requirements in force on it
	// apply, and reference data is read as of it. It must be set: the
	// compiler never reads the clock.
	Date model.Date
	// LastUpdated is the date the notices were last changed; zero means Date.
	LastUpdated model.Date
	// Released holds the release date of each notice's version in force,
	// for checking a published site (see jurisdiction.Context.Released).
	Released map[string]model.Date
	// Jurisdictions are the rule packs to run; nil means
	// DefaultJurisdictions().
	Jurisdictions []jurisdiction.Jurisdiction
	// RuleSources adds to each diagnostic of a declarative rule where the
	// rule is written in disclose's source (jurisdiction.Context.ShowDefinitions),
	// for rule-pack authors.
	RuleSources bool
	// Language is the language the notices are written in (locale.Parse);
	// the zero Tag is English. A notice's other languages
	// (notices.ID.languages) are compiled into its Translations.
	Language language.Tag
	// Translations are the team's translations of its own words, a file
	// per language (load.Translations); Compile reads them from the data
	// folder's translations/ when nil.
	Translations []*translate.File
	// Catalogues are the packs' message catalogues; nil means Catalogues().
	Catalogues map[string]*locale.Catalogue
	// Preview compiles for the live preview: a text of the team's with no
	// current translation is shown in English, with the note a fallback
	// gives, and reported as a warning (as with fallback: true), so an
	// edit of the English shows at once while its translations catch up.
	// check, build and release leave it unset, and refuse such a text.
	Preview bool
	// LoadCache, when set, loads the data through it (load.Cache): each
	// call parses and decodes again only the data files whose content
	// changed since the last call with the same cache, for the live
	// preview. The results are the same; the projects returned share the
	// values of unchanged files, so callers must not change them.
	LoadCache *load.Cache
}

// jurisdictions are the rule packs to run: opts.Jurisdictions, else the
// default ones (o may be nil).
func (o *Options) jurisdictions() []jurisdiction.Jurisdiction {
	if o != nil && o.Jurisdictions != nil {
		return o.Jurisdictions
	}
	return DefaultJurisdictions()
}

func (o *Options) context(p *model.Project) (*jurisdiction.Context, []jurisdiction.Jurisdiction, diag.List) {
	var opts Options
	if o != nil {
		opts = *o
	}
	var diags diag.List
	if opts.Date.IsZero() {
		// The library never reads the clock: output depends only on its
		// inputs. The caller decides what "today" is.
		diags.Add(p.Source.Root, "", "no date given for the notices: set Options.Date")
	}
	if opts.LastUpdated.IsZero() {
		opts.LastUpdated = opts.Date
	}
	if opts.Jurisdictions == nil {
		opts.Jurisdictions = DefaultJurisdictions()
	}
	ref, refDiags := Reference()
	diags.Append(refDiags...)
	cats := opts.Catalogues
	if cats == nil {
		var catDiags diag.List
		cats, catDiags = Catalogues()
		diags.Append(catDiags...)
	}
	c := &jurisdiction.Context{Project: p, Reference: ref, Date: opts.Date, LastUpdated: opts.LastUpdated, Released: opts.Released,
		ShowDefinitions: opts.RuleSources, Language: opts.Language, Catalogues: cats}
	c.AppliesFrom = map[string][]string{}
	for _, j := range opts.Jurisdictions {
		if a, ok := j.(jurisdiction.Applicability); ok {
			c.AppliesFrom[j.ID()] = a.AppliesFrom()
		}
		if ok, _ := j.Applies(c); ok {
			c.Notices = append(c.Notices, j.ID())
		}
	}
	return c, opts.Jurisdictions, diags
}

// Check loads the data folder dir of fsys (rooted at the project root) and
// checks it: the data itself, every requirement of every jurisdiction that
// applies as of opts.Date, and that the notices compile. It returns the
// project, partial when the data is broken, and every diagnostic, sorted;
// the data is publishable when the list has no errors.
func Check(fsys fs.FS, dir string, opts *Options) (*model.Project, diag.List) {
	proj, _, diags := Compile(fsys, dir, opts)
	return proj, diags
}

// CheckRules runs the requirements of every jurisdiction that applies to a
// loaded, cross-checked project, as of opts.Date, and returns what the data
// lacks, sorted, each naming the item it is about (Diagnostic.Item).
func CheckRules(p *model.Project, opts *Options) diag.List {
	c, js, diags := opts.context(p)
	for _, j := range js {
		diags.Append(jurisdiction.Check(c, j)...)
	}
	diags.Sort()
	describe(p, diags, opts)
	return diags
}

// Compile loads, checks and compiles in one pass: load, cross-references,
// then (on data that loaded cleanly, since a requirement cannot be judged on
// half a data set) the rule packs, then the notices of every jurisdiction
// that applies, in the order of the jurisdictions. It returns the project
// (partial when the data is broken), the notices (nil when there is any
// error) and every diagnostic, sorted, each naming the item it is about
// and each missing value a law asks for giving the law's rule (describe).
func Compile(fsys fs.FS, dir string, opts *Options) (*model.Project, []*notice.Document, diag.List) {
	var proj *model.Project
	var diags diag.List
	if opts != nil && opts.LoadCache != nil {
		proj, diags = opts.LoadCache.Load(fsys, dir, opts.extensions()...)
	} else {
		proj, diags = load.Load(fsys, dir, opts.extensions()...)
	}
	if opts == nil || opts.Translations == nil {
		files, tds := load.Translations(fsys, dir)
		diags.Append(tds...)
		o := Options{}
		if opts != nil {
			o = *opts
		}
		o.Translations = files
		opts = &o
	}
	return compileLoaded(proj, diags, opts)
}

// compileLoaded is Compile after load: the stages only read the project,
// so those whose results may be needed run side by side.
func compileLoaded(proj *model.Project, diags diag.List, opts *Options) (*model.Project, []*notice.Document, diag.List) {
	// A data file whose modeline names another schema still loads; editors
	// check it against that schema, or none (disclose migrate fixes it).
	stale := make(chan diag.List, 1)
	go func() { stale <- migrate.Diagnostics(migrate.StaleIn(proj.Source.Files, schema.ID), schema.ID) }()
	packs := packIDs(opts)
	checked := check.Check(proj, &check.Options{Drawable: pdf.Drawable, Notices: packs, Packs: packs, Rules: ruleIDs(opts)})
	diags.Append(<-stale...)
	diags.Append(checked...)
	var docs []*notice.Document
	if !diags.HasErrors() {
		// Compiling also finds what only a compiled notice can show, such
		// as a prose section placed after a section the notice lacks. The
		// notices are compiled while the rules run, and kept only if the
		// rules find no error.
		type result struct {
			docs   []*notice.Document
			diags  diag.List
			panicv any
		}
		compiled := make(chan result, 1)
		go func() {
			var r result
			defer func() {
				r.panicv = recover()
				compiled <- r
			}()
			r.docs, r.diags = CompileProject(proj, opts)
		}()
		diags.Append(CheckRules(proj, opts)...)
		r := <-compiled
		if !diags.HasErrors() {
			if r.panicv != nil {
				panic(r.panicv) // as compiling after the rules would
			}
			docs = r.docs
			diags.Append(r.diags...)
		}
	}
	diags.Sort()
	describe(proj, diags, opts)
	if diags.HasErrors() {
		return proj, nil, diags
	}
	return proj, docs, diags
}

// NoticeFacts are what the site and the releases need to know of a notice,
// which only its rule pack knows: whom it is for, and the days of notice
// readers get of a material change (0: the default).
type NoticeFacts struct {
	Audience   string
	Label      string
	NoticeDays int
}

// Facts asks each rule pack for its notice's
// facts, by notice id. A pack answers through the optional interfaces
// jurisdiction.Audiencer and jurisdiction.NoticePeriod.
func Facts(p *model.Project, opts *Options) map[string]NoticeFacts {
	js := opts.jurisdictions()
	out := map[string]NoticeFacts{}
	for _, j := range js {
		var f NoticeFacts
		if a, ok := j.(jurisdiction.Audiencer); ok {
			f.Audience = a.Audience()
		}
		if l, ok := j.(jurisdiction.Labeler); ok {
			f.Label = l.Label()
		}
		if n, ok := j.(jurisdiction.NoticePeriod); ok {
			f.NoticeDays = n.MaterialChangeNoticeDays(p)
		} else if p != nil && p.Notices[j.ID()] != nil {
			// The default: the notice's own settings.
			f.NoticeDays = p.Notices[j.ID()].MaterialChangeNoticeDays
		}
		out[j.ID()] = f
	}
	return out
}

// ReleaseChecks returns, by notice id, what each rule pack's law says of a
// release (jurisdiction.ReleaseChecker), for release.Request.Checks.
func ReleaseChecks(p *model.Project, opts *Options) map[string]func(released, effective model.Date, lastData []byte) error {
	js := opts.jurisdictions()
	out := map[string]func(model.Date, model.Date, []byte) error{}
	for _, j := range js {
		if rc, ok := j.(jurisdiction.ReleaseChecker); ok {
			out[j.ID()] = func(released, effective model.Date, last []byte) error {
				return rc.CheckRelease(p, released, effective, last)
			}
		}
	}
	return out
}

// Audiences returns, by notice id, the line that says whom each notice is
// for (site.Input.Audiences).
func Audiences(facts map[string]NoticeFacts) map[string]string {
	out := map[string]string{}
	for id, f := range facts {
		out[id] = f.Audience
	}
	return out
}

// DataTables returns the tables of a version of notice id that its pack
// (one of the default packs) publishes as data files too
// (jurisdiction.DataTabler), for site.Input.DataTables.
func DataTables(id string, doc *notice.Document) []notice.DataTable { return dataTables(nil)(id, doc) }

// dataTables is DataTables for the packs of opts.
func dataTables(opts *Options) func(id string, doc *notice.Document) []notice.DataTable {
	js := opts.jurisdictions()
	return func(id string, doc *notice.Document) []notice.DataTable {
		for _, j := range js {
			if dt, ok := j.(jurisdiction.DataTabler); ok && j.ID() == id {
				return dt.DataTables(doc)
			}
		}
		return nil
	}
}

// Labels returns, by notice id, the short name of each notice in the site's
// navigation (site.Input.Labels).
func Labels(facts map[string]NoticeFacts) map[string]string {
	out := map[string]string{}
	for id, f := range facts {
		if f.Label != "" {
			out[id] = f.Label
		}
	}
	return out
}

// LabelsIn returns, by language code and notice id, the short name of each
// notice in the site's navigation in the languages its pack's catalogue
// has besides English (jurisdiction.LabelerIn; site.Input.LabelsIn).
func LabelsIn(p *model.Project, opts *Options) map[string]map[string]string {
	out := map[string]map[string]string{}
	contexts := map[language.Tag]*jurisdiction.Context{}
	var cats map[string]*locale.Catalogue
	if opts != nil {
		cats = opts.Catalogues
	}
	if cats == nil {
		cats, _ = Catalogues()
	}
	for _, j := range opts.jurisdictions() {
		cat := cats[j.ID()]
		if _, ok := j.(jurisdiction.LabelerIn); !ok || cat == nil {
			continue
		}
		for _, t := range cat.Languages() {
			if locale.Is(t, "en") {
				continue
			}
			lc := contexts[t]
			if lc == nil {
				o := Options{}
				if opts != nil {
					o = *opts
				}
				o.Language = t
				lc, _, _ = o.context(p)
				contexts[t] = lc
			}
			if lc == nil {
				continue
			}
			if l := jurisdiction.LabelIn(lc, j); l != "" {
				code := locale.Code(t)
				if out[code] == nil {
					out[code] = map[string]string{}
				}
				out[code][j.ID()] = l
			}
		}
	}
	return out
}

// NoticeDays returns, by notice id, each notice's days of notice of a
// material change (release.Request.NoticeDays).
func NoticeDays(facts map[string]NoticeFacts) map[string]int {
	out := map[string]int{}
	for id, f := range facts {
		out[id] = f.NoticeDays
	}
	return out
}

// Extensions returns the data the default rule packs add to the model
// (jurisdiction.Extender): their sections and fields, which load, check,
// the JSON Schema and the data reference treat like the model's own.
func Extensions() model.Extensions { return (*Options)(nil).extensions() }

func (o *Options) extensions() model.Extensions {
	var out model.Extensions
	for _, j := range o.jurisdictions() {
		if e, ok := j.(jurisdiction.Extender); ok {
			out = append(out, e.Extensions()...)
		}
	}
	// The record of processing activities' own section (Records).
	return append(out, records.Extensions()...)
}

// SchemaOptions returns what the default rule packs add to the JSON Schema
// and the data reference: their data and their notice ids.
func SchemaOptions() schema.Options {
	return schema.Options{Extensions: Extensions(), Notices: packIDs(nil)}
}

// ruleIDs returns the ids of the rule packs' requirements.
func ruleIDs(o *Options) []string {
	var ids []string
	for _, j := range o.jurisdictions() {
		for _, q := range j.Requirements() {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// packIDs returns the ids of the rule packs' notices.
func packIDs(o *Options) []string {
	js := o.jurisdictions()
	var ids []string
	for _, j := range js {
		ids = append(ids, j.ID())
	}
	return ids
}

// CompileProject compiles the notices of a checked project.
func CompileProject(p *model.Project, opts *Options) ([]*notice.Document, diag.List) {
	c, js, diags := opts.context(p)
	var docs []*notice.Document
	why := map[string]string{}
	for _, j := range js {
		_, why[j.ID()] = j.Applies(c)
		doc, ds := jurisdiction.Compile(c, j)
		diags.Append(ds...)
		if doc != nil {
			docs = append(docs, doc)
		}
	}
	diags.Append(jurisdiction.CheckLinks(c, docs)...)
	diags.Append(jurisdiction.UnpublishedSections(c, why)...)
	if opts == nil || opts.Language == (language.Tag{}) {
		diags.Append(compileTranslations(p, docs, opts)...)
	}
	diags.Sort()
	return docs, diags
}

// Explain returns the context a project is compiled in, for tools that
// describe the rule packs (disclose explain).
func Explain(p *model.Project, opts *Options) (*jurisdiction.Context, []jurisdiction.Jurisdiction) {
	c, js, _ := opts.context(p)
	return c, js
}

// Changes compares two data snapshots (release data.json files) as typed
// data: each is decoded into the model with the packs' extensions
// (release.Decode), the core model is compared by package diff and each
// pack's own data by the pack (jurisdiction.ChangeReporter), and the changes
// are listed in one order (change.Sort). Countries, and through the packs
// transfer tools, are named the way the notices name them. It is a
// change.Compare; a build that compares many versions uses one Comparer.
func Changes(oldData, newData []byte) ([]change.Change, error) {
	return NewComparer().Changes(oldData, newData)
}

// Comparer compares data snapshots as Changes does, remembering each
// snapshot it decodes and each pair it compares: the notices of one release
// share their snapshot, so a build that shows every notice's history
// decodes and compares each version once, not once per notice.
type Comparer struct {
	mu      sync.Mutex
	exts    model.Extensions
	decoded map[[32]byte]*model.Project
	pairs   map[[2][32]byte][]change.Change
}

// NewComparer returns a Comparer for the default rule packs.
func NewComparer() *Comparer {
	return &Comparer{exts: Extensions(), decoded: map[[32]byte]*model.Project{}, pairs: map[[2][32]byte][]change.Change{}}
}

// Changes is Changes, remembered (a change.Compare).
func (c *Comparer) Changes(oldData, newData []byte) ([]change.Change, error) {
	key := [2][32]byte{sha256.Sum256(oldData), sha256.Sum256(newData)}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cs, ok := c.pairs[key]; ok {
		return slices.Clone(cs), nil
	}
	a, err := c.decode(key[0], oldData)
	if err != nil {
		return nil, fmt.Errorf("old snapshot: %w", err)
	}
	b, err := c.decode(key[1], newData)
	if err != nil {
		return nil, fmt.Errorf("new snapshot: %w", err)
	}
	cs := ChangesOf(a, b, nil)
	c.pairs[key] = cs
	return slices.Clone(cs), nil
}

// Decode returns the typed project of a snapshot (release.Decode),
// remembered; callers must not change it.
func (c *Comparer) Decode(data []byte) (*model.Project, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.decode(sha256.Sum256(data), data)
}

func (c *Comparer) decode(sum [32]byte, data []byte) (*model.Project, error) {
	if p, ok := c.decoded[sum]; ok {
		return p, nil
	}
	p, err := release.Decode(data, c.exts)
	if err != nil {
		return nil, err
	}
	c.decoded[sum] = p
	return p, nil
}

// ChangesOf compares two versions of a project (see Changes); opts may be
// nil.
func ChangesOf(old, new *model.Project, opts *Options) []change.Change {
	ref, _ := Reference()
	c := &jurisdiction.Context{Reference: ref}
	names := &change.Names{Country: jurisdiction.CountryInEnglish}
	js := opts.jurisdictions()
	for _, j := range js {
		if r, ok := j.(jurisdiction.ChangeReporter); ok {
			r.ChangeNames(c, names)
		}
	}
	cs := diff.Changes(old, new, names)
	for _, j := range js {
		if r, ok := j.(jurisdiction.ChangeReporter); ok {
			for _, ch := range r.Changes(old, new, names) {
				ch.Pack = j.ID()
				cs = append(cs, ch)
			}
		}
	}
	change.Sort(cs)
	return cs
}
