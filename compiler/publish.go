package compiler

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/schema"
	"github.com/disclose-dev/disclose/compiler/site"
)

// PublishOptions say what Publish builds.
type PublishOptions struct {
	// Data is the file system holding the data folder DataDir (the
	// project's, or the built-in sample).
	Data    fs.FS
	DataDir string
	// ProjectDir is the project root: its releases/ (the ledger and frozen
	// versions) and its content/, layouts/, static/ and themes/ folders.
	ProjectDir string
	// Date is the day the site is built as of.
	Date model.Date
	// Drafts also publishes each notice's unreleased draft at /ID/draft/.
	Drafts bool
	// Preview shows each notice's draft at its address, marked as a
	// preview, without the archive of released versions, and typesets PDFs
	// only when asked for (site.PDF): the live preview, which rebuilds on
	// every save. A text with a stale or missing translation is shown in
	// English there, with a warning (Options.Preview).
	Preview bool
	// Site configures the site build: Out, Hugo, HugoDir, BaseURL, Theme,
	// CacheDir, Env, LockWait. Publish sets ProjectDir, Date and
	// PDFOnRequest itself.
	Site site.Options
	// FindHugo, when Site.Hugo is empty, finds the Hugo command and the
	// folder to start it in. It is called only once the history and the
	// data passed their checks, so a project without Hugo still hears what
	// is wrong with its data.
	FindHugo func() (args []string, dir string, err error)
	// LoadCache, when set, loads the data through it (load.Cache): the
	// live preview keeps one for its session, so a save re-parses only the
	// files that changed.
	LoadCache *load.Cache
}

// Published is what Publish built, or found wrong.
type Published struct {
	// Project is the loaded data, partial when it is broken.
	Project *model.Project
	// Notices are the notices the site shows (nil when nothing was built).
	Notices []*site.Notice
	// Documents is the number of documents compiled (the notices and the
	// sub-processor list).
	Documents int
	// Diags are the problems found: in the released history (Err is
	// ErrHistory) or in the data (ErrData); warnings otherwise.
	Diags diag.List
	// Site are the options the site was built with, and Input what it was
	// built from (for site.PDF).
	Site  site.Options
	Input *site.Input
}

// schemaJSON is the data files' JSON Schema, made once per process: every
// build publishes it, and it depends on the registered packs alone.
var schemaJSON = sync.OnceValues(func() ([]byte, error) { return schema.JSON(SchemaOptions()) })

// The reasons Publish builds nothing, besides a *site.Error from the site
// build itself (the output folder is then unchanged).
var (
	// ErrHistory: released versions were changed (see release.Verify).
	ErrHistory = errors.New("released versions were changed")
	// ErrData: the data has errors.
	ErrData = errors.New("the data has errors")
	// ErrDrift: a released version readers are shown no longer meets the
	// law of the day (JudgeReleased); release a new version.
	ErrDrift = errors.New("a released version no longer meets the law")
)

// Publish is the whole publish pipeline, the one entry point every build of
// the site goes through: it verifies the released history, checks and
// compiles the data as of opts.Date (with the release dates in force, so a
// notice that is too old stops the build), assembles what the site shows of
// each notice (the version in force, the upcoming one, every version with
// its changes and redline, the drafts) and builds the site with Hugo into
// opts.Site.Out, atomically. It never prints; the result carries every
// diagnostic.
func Publish(ctx context.Context, opts PublishOptions) (*Published, error) {
	res := &Published{}
	project := os.DirFS(opts.ProjectDir)
	l, err := release.Read(project, release.Dir)
	if err != nil {
		return res, err
	}
	// The history is verified while the data is compiled: both only read.
	verified := make(chan diag.List, 1)
	go func() { verified <- VerifyReleases(ctx, opts.ProjectDir, l) }()
	// A notice counts as updated when its latest version was released,
	// even if that version takes effect later.
	day := opts.Date
	copts := &Options{Date: day, Released: map[string]model.Date{}, LoadCache: opts.LoadCache, Preview: opts.Preview}
	for _, id := range l.Notices() {
		for _, v := range l.Of(id) {
			if v.Released.Valid() && v.Released <= day && v.Released > copts.Released[id] {
				copts.Released[id] = v.Released
			}
		}
	}
	proj, docs, diags := Compile(opts.Data, opts.DataDir, copts)
	if vd := <-verified; vd.HasErrors() {
		res.Diags = vd
		return res, ErrHistory
	}
	res.Project, res.Diags = proj, diags
	if diags.HasErrors() {
		return res, ErrData
	}
	cmp := NewComparer() // the versions' snapshots, decoded once for the whole build
	res.Documents = len(docs)
	var notices []*site.Notice
	if opts.Preview {
		notices = site.PreviewNotices(docs)
	} else {
		// The law may have moved under a published version: judged while
		// the site's versions are assembled (both only read).
		judged := make(chan diag.List, 1)
		go func() { judged <- judgeReleased(project, l, day, copts, cmp) }()
		notices, err = site.Notices(docs, l, release.Store{FS: project}, day, opts.Drafts, cmp.Changes, site.HistoryCache(opts.Site))
		drift := <-judged
		res.Diags = append(res.Diags, drift...)
		res.Diags.Sort()
		if drift.HasErrors() {
			return res, ErrDrift
		}
		if err != nil {
			return res, err
		}
	}
	sopts := opts.Site
	sopts.ProjectDir, sopts.PDFOnRequest = opts.ProjectDir, opts.Preview
	if len(sopts.Hugo) == 0 && opts.FindHugo != nil {
		if sopts.Hugo, sopts.HugoDir, err = opts.FindHugo(); err != nil {
			return res, err
		}
	}
	head := l.Head()
	if opts.Preview {
		head = ""
	}
	facts := Facts(proj, copts)
	// The data files' schema, at its stable address, so editors validate
	// against the site without a local copy; the record of processing
	// activities when the data says to publish it.
	js, err := schemaJSON()
	if err != nil {
		return res, err
	}
	files := map[string][]byte{schema.Path: js}
	if !opts.Preview {
		more, err := recordFiles(proj, project, copts, files)
		if err != nil {
			return res, err
		}
		res.Diags = append(res.Diags, more...)
		res.Diags.Sort()
	}
	messages, _ := SiteCatalogue() // its problems: TestSiteCatalogueClean
	in := &site.Input{Project: proj, Notices: notices, LedgerHead: head, Audiences: Audiences(facts), Labels: Labels(facts), LabelsIn: LabelsIn(proj, copts), DataTables: dataTables(copts), Files: files, Messages: messages}
	if err := site.Build(ctx, in, sopts); err != nil {
		return res, err
	}
	res.Notices, res.Site, res.Input = notices, sopts, in
	return res, nil
}

// VerifyReleases checks a project's released history: the ledger's chain
// and every frozen file (release.Verify) and, in a git repository, that
// releases/ only ever grew (release.VerifyHistory). Every command that
// relies on the history (verify, release, build, serve) runs it.
func VerifyReleases(ctx context.Context, projectDir string, l *release.Ledger) diag.List {
	diags := release.Verify(os.DirFS(projectDir), release.Dir, l)
	diags.Append(release.VerifyHistory(ctx, projectDir, l)...)
	diags.Sort()
	return diags
}
