// Package site publishes compiled notices as a static website: it writes a
// Hugo project (generated pages, the default theme, and the project's own
// content/, layouts/ and themes/ on top), runs Hugo, checks every internal
// link and anchor of the result, and only then swaps it into the output
// folder, so a failed build leaves the previous site untouched.
//
// It is the only package that knows Hugo's file layout.
package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/internal/regular"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// Options configure a build.
type Options struct {
	// Out is the output folder, e.g. "public". It is replaced as a whole.
	Out string
	// ProjectDir is the project root; its content/, layouts/, static/ and
	// themes/ folders, where present, are laid over the default theme.
	ProjectDir string
	// Theme is the default theme's files (layouts/, static/), used unless
	// the project has a themes/disclose folder of its own.
	Theme fs.FS
	// Hugo is the command that runs Hugo, e.g. {"go", "tool",
	// "-modfile=tools/hugo/go.mod", "hugo"}.
	Hugo []string
	// HugoDir is the folder Hugo is started in (for "go tool -modfile",
	// the module's folder); default: ProjectDir.
	HugoDir string
	// BaseURL is the site's address, used for the sitemap and canonical
	// links; default: the organisation's website.
	BaseURL string
	// Env is the environment Hugo runs with; nil means the current one.
	Env []string
	// CacheDir keeps what one build can give the next, each by the hash of
	// what it depends on: rendered PDFs (pdf/), so unchanged notices are not
	// typeset again (the site's PDFs are hard links to them where the two
	// folders share a file system); the Hugo binary "go tool" resolved
	// (hugo/), so go tool is asked once per pinned version; the comparisons
	// of frozen versions (history/, HistoryCache); and, per output folder
	// (site/out-*), the Hugo project of the last build, which the next
	// rewrites only where it changed, and the site it replaced, into whose
	// folders the next build's Hugo writes. Empty keeps nothing.
	CacheDir string
	// NoPDF leaves the PDFs out, links and all.
	NoPDF bool
	// PDFOnRequest links every PDF but typesets none: a server typesets
	// each when it is asked for, with PDF (the live preview, which rebuilds
	// on every save).
	PDFOnRequest bool
	// LockWait is how long a build waits for another build into the same
	// output folder to finish; zero refuses at once, naming the other
	// build's process.
	LockWait time.Duration
	// KeepSource, when set, is a folder the build leaves the Hugo project
	// it generated in (pages, data, theme, PDFs), replacing the one an
	// earlier build kept there: running Hugo on it alone builds the same
	// site, which is how theme authors and benchmarks see what disclose
	// gave Hugo. A folder that exists and is not one kept before is
	// refused.
	KeepSource string
	// Live, when set, builds into the Live's folder instead of Out, again
	// and again, rendering only what changed since its last build (see
	// Live): the live preview. Out, LockWait and KeepSource are then
	// unused, and PDFOnRequest or NoPDF must be set.
	Live *Live
}

// Input is what the site shows.
type Input struct {
	Project *model.Project
	// Audiences say whom each notice is for, by notice id, on the home page
	// (the rule packs know: compiler.Audiences).
	Audiences map[string]string
	// Labels are the notices' short names in the navigation, by notice id
	// (compiler.Labels); a notice without one is named by its title.
	Labels map[string]string
	// LabelsIn are those short names in other languages, by language code
	// and notice id (compiler.LabelsIn); a notice without one in a
	// language is named by its title in it.
	LabelsIn map[string]map[string]string
	// Notices are the notices (and the sub-processor list), in the order
	// the site lists them.
	Notices []*Notice
	// LedgerHead is the head of the release ledger's hash chain
	// ((*release.Ledger).Head), published in notices.json and in every
	// Atom feed so anyone who saved it can detect a rewritten history;
	// empty when nothing was released.
	LedgerHead string
	// DataTables returns the tables of a version of notice id that are
	// published as data files too (the packs know: compiler.DataTables);
	// nil publishes none.
	DataTables func(id string, doc *notice.Document) []notice.DataTable
	// Files are published as they are, by slash path from the site's root
	// (the facade gives the data files' JSON Schema, at
	// schema/v1/disclose.schema.json, so editors can fetch it from the
	// site). A path that leaves the site or that the site writes itself is
	// an error.
	Files map[string][]byte
	// Messages is the site's own message catalogue (compiler.SiteCatalogue):
	// the theme's words and the sentences the site writes, in the languages
	// besides English; nil writes every page's own words in English.
	Messages *locale.Catalogue

	// langs are each notice's other languages, derived by prepare.
	langs map[*Notice][]*Notice
	// history is the folder keeping the comparisons of their versions
	// (HistoryCache), set by Build.
	history string
}

// Notice is everything the site shows of one notice.
type Notice struct {
	ID string
	// Current is shown at /ID/: the version in force, or, for a notice never
	// released, the compiled draft.
	Current *Page
	// Upcoming is the next version, announced with a banner on Current.
	Upcoming *Page
	// Versions are every released version, oldest first, each at
	// /ID/VERSION/ with its own PDF; listed at /ID/versions/.
	Versions []*Page
	// Draft, when set, is the unreleased draft at /ID/draft/.
	Draft *Page
	// Pending is set when no version is in force yet: Current is the first,
	// which takes effect later.
	Pending bool
	// Preview is set when Current is the draft shown for review (disclose
	// serve).
	Preview bool
	// lang is the language of a notice the site derived from the English
	// one's Translations (see prepare); empty for English.
	lang string
}

// Page is one version of a notice.
type Page struct {
	Doc *notice.Document
	// Version is the version id; empty for a draft.
	Version  string
	Released model.Date
	Summary  string
	// Until is the day a released version stops being in force (the next
	// version's effective date, release.InForceUntil), empty while no later
	// version is released. A version whose Until is not after its
	// effective date was never in force.
	Until model.Date
	// Previous is the version before this one; Changes and Redline compare
	// this one with it.
	Previous *Page
	Changes  []change.Change
	Redline  []diff.Op
	// blocks is Redline laid out (diff.Blocks), when Notices made or kept
	// it.
	blocks []diff.Block
}

// layout is the page's redline laid out in blocks, made once.
func (pg *Page) layout() []diff.Block {
	if pg.blocks == nil {
		pg.blocks = diff.Blocks(pg.Redline)
	}
	return pg.blocks
}

// NeverInForce reports whether a released version was replaced by a later
// one of the same effective date before it took effect.
func (pg *Page) NeverInForce() bool { return pg.Until != "" && pg.Until <= pg.Doc.Effective }

// Error is a build failure: the output folder was left as it was.
type Error struct {
	Stage string // "prepare", "hugo", "links" or "publish"
	Err   error
	// Diags are the broken links found, for Stage "links".
	Diags diag.List
	// Output is Hugo's output, for Stage "hugo".
	Output string
}

func (e *Error) Error() string {
	switch {
	case e.Stage == "links":
		return fmt.Sprintf("the built site has %d broken internal links; %s left unchanged", len(e.Diags), "the output folder is")
	case e.Stage == "pdf" && len(e.Diags) > 0:
		return fmt.Sprintf("%d characters cannot be shown in the PDF font", len(e.Diags))
	case e.Output != "":
		return fmt.Sprintf("%s: %v\n%s", e.Stage, e.Err, strings.TrimSpace(e.Output))
	}
	return fmt.Sprintf("%s: %v", e.Stage, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Build builds the site into opts.Out. On any error the previous contents of
// opts.Out are untouched and the returned error is an *Error. The new site
// replaces the old one in one atomic step (see exchange), so opts.Out holds
// a complete site at every instant, even if the build is killed. One build
// at a time writes a given folder: another one holding it makes Build wait
// up to opts.LockWait, then fail (stage "prepare") naming its process; the
// leftovers of killed builds into the folder are removed first.
func Build(ctx context.Context, in *Input, opts Options) error {
	if len(opts.Hugo) == 0 {
		return &Error{Stage: "prepare", Err: errors.New("no Hugo command given")}
	}
	if opts.Live != nil {
		return opts.Live.build(ctx, in, opts)
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	if err := safeOut(out, opts.ProjectDir); err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	unlock, err := lockOut(ctx, out, opts.LockWait)
	if err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	defer unlock()
	if err := removeLeftovers(out); err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	// Everything the build writes is in one folder beside the output: the
	// swap stays on one file system, and a killed build's leftovers are
	// found and removed by the next one.
	work, err := os.MkdirTemp(parent, workPrefix(out))
	if err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	defer os.RemoveAll(work)
	// With a cache, the last build into out left this one its Hugo project
	// (kept/src), changed only where it differs, and the site it replaced
	// (kept/spare), whose folders Hugo builds into once its files are
	// removed: making files and folders is most of what a build costs
	// besides Hugo. Both are used under out's lock.
	src, spare := filepath.Join(work, "src"), ""
	if c := opts.cache("site"); c != "" {
		// Absolute: Hugo runs in its own folder (Options.HugoDir), where a
		// path relative to ours names nothing.
		kept, err := filepath.Abs(filepath.Join(c, outKey(out)))
		if err != nil {
			return &Error{Stage: "prepare", Err: err}
		}
		src, spare = filepath.Join(kept, "src"), filepath.Join(kept, "spare")
	}
	// The spare site's files are removed while the pages are made.
	tmp := filepath.Join(work, "site")
	reusing := make(chan bool, 1)
	go func() { reusing <- spare != "" && reuseSite(spare, tmp) }()
	reuse := sync.OnceValue(func() bool { return <-reusing })
	defer reuse() // before the work folder is removed
	in.history = HistoryCache(opts)
	files, redlines, err := projectFiles(in, opts)
	if err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	project := tree{dir: src}
	if _, _, err := project.sync(files); err != nil {
		return &Error{Stage: "prepare", Err: err}
	}
	var onRequest []string
	if opts.PDFOnRequest {
		for _, j := range pdfJobs(in, redlines, opts) {
			onRequest = append(onRequest, j.rel)
		}
	}
	reused := reuse()
	if !reused {
		if err := os.Mkdir(tmp, 0o755); err != nil {
			return &Error{Stage: "prepare", Err: err}
		}
	}
	pdfs, err := hugoAndPDFs(ctx, src, tmp, work, in, redlines, opts)
	if err != nil && reused && ctx.Err() == nil && retry(err) {
		// A folder of the last site may stand where this one has a file:
		// once more, into a new folder.
		if err := os.RemoveAll(tmp); err != nil {
			return &Error{Stage: "prepare", Err: err}
		}
		if err := os.Mkdir(tmp, 0o755); err != nil {
			return &Error{Stage: "prepare", Err: err}
		}
		reused = false
		pdfs, err = hugoAndPDFs(ctx, src, tmp, work, in, redlines, opts)
	}
	if err != nil {
		return err
	}
	if reused {
		if err := pruneEmpty(tmp); err != nil {
			return &Error{Stage: "publish", Err: err}
		}
	}
	if opts.KeepSource != "" {
		if err := keepSource(files, tmp, pdfs, opts.KeepSource); err != nil {
			return &Error{Stage: "publish", Err: err}
		}
	}
	if diags := CheckLinks(os.DirFS(tmp), basePath(siteURL(in, opts)), onRequest...); len(diags) > 0 {
		return &Error{Stage: "links", Err: errors.New("broken internal links"), Diags: diags}
	}
	if err := normalise(tmp); err != nil {
		return &Error{Stage: "publish", Err: err}
	}
	if err := swap(tmp, out); err != nil {
		return &Error{Stage: "publish", Err: err}
	}
	if spare != "" {
		// The site replaced is the next build's folders; where it cannot
		// be kept it goes with the work folder.
		_ = os.Rename(tmp, spare)
	}
	return nil
}

// hugoAndPDFs has Hugo build the pages of the project src into site while the
// PDFs are typeset (or taken from the cache) straight into it: neither
// waits for the other, and the first to fail stops the other; Hugo's
// failure is the one told. It returns the PDFs' slash paths; scratch is
// Hugo's (see hugoCmd).
func hugoAndPDFs(ctx context.Context, src, site, scratch string, in *Input, redlines map[string]*redlinePDF, opts Options) ([]string, error) {
	both, stop := context.WithCancel(ctx)
	defer stop()
	hugoDone := make(chan error, 1)
	go func() {
		err := runHugo(both, src, site, scratch, opts)
		if err != nil {
			stop()
		}
		hugoDone <- err
	}()
	var pdfs []string
	var pdfErr error
	if !opts.NoPDF && !opts.PDFOnRequest {
		if pdfs, pdfErr = writePDFs(both, site, in, redlines, opts); pdfErr != nil {
			stop()
		}
	}
	hugoErr := <-hugoDone
	switch {
	case pdfErr != nil && !errors.Is(pdfErr, context.Canceled):
		return nil, pdfErr // Hugo was stopped for it
	case hugoErr != nil:
		return nil, hugoErr
	case pdfErr != nil:
		return nil, pdfErr
	}
	return pdfs, nil
}

// retry says whether a failure of hugoAndPDFs into a reused site folder may
// be the folder's: any but characters the PDF font lacks.
func retry(err error) bool {
	var e *Error
	return errors.As(err, &e) && (e.Stage == "hugo" || e.Stage == "pdf" && len(e.Diags) == 0)
}

// outKey names the output folder out in the cache.
func outKey(out string) string {
	h := sha256.Sum256([]byte(out))
	return "out-" + hex.EncodeToString(h[:8])
}

// reuseSite moves the site a build kept at spare to site and removes its
// files, keeping its folders; false when there is none or it cannot be
// used (then it is gone, and site does not exist).
func reuseSite(spare, site string) bool {
	if err := os.Rename(spare, site); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			_ = os.RemoveAll(spare) // on another file system, say
		}
		return false
	}
	if clearFiles(site) != nil {
		_ = os.RemoveAll(site)
		return false
	}
	return true
}

// Marker is the file every built site holds, so a later build knows the
// folder it replaces is a site it built, not someone's files.
const Marker = ".disclose-site"

// safeOut refuses output folders a build must never replace: the project
// itself, a folder holding it, a folder inside its data, a file, or a
// folder of other files.
func safeOut(out, project string) error {
	if project != "" {
		proj, err := filepath.Abs(project)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, proj)
		if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return fmt.Errorf("the output folder %s holds the project; choose a folder inside it, such as public", out)
		}
		if rel, err := filepath.Rel(filepath.Join(proj, "data"), out); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Errorf("the output folder %s is inside the data folder", out)
		}
	}
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the output folder %s is a symbolic link; give the folder it points to", out)
	case !info.IsDir():
		return fmt.Errorf("the output %s is a file, not a folder", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("%s holds files disclose did not build; empty it or choose another output folder", out)
	}
	return nil
}

// swap replaces out by dir in one atomic step (see exchange), after
// marking dir as a built site; the old site ends up in dir's folder.
func swap(dir, out string) error {
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte("built by disclose; the next build replaces this folder\n"), 0o644); err != nil {
		return err
	}
	return exchange(dir, out)
}

// normalise gives every file 0644 and every folder 0755, whatever the umask,
// so the site is readable by the web server and identical across machines.
func normalise(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
}

// runHugo runs Hugo once on the project src into dst; scratch is the
// folder of its cache and temporary files (see hugoCmd).
func runHugo(ctx context.Context, src, dst, scratch string, opts Options) error {
	cmd, err := hugoCmd(ctx, src, dst, scratch, opts)
	if err != nil {
		return err
	}
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := run(cmd); err != nil {
		return &Error{Stage: "hugo", Err: err, Output: hugoMessage(output.String(), src, scratch)}
	}
	return nil
}

// hugoMessage names the files of Hugo's output as the project knows them,
// not by the folders of the build (the project src, then the others).
func hugoMessage(msg string, dirs ...string) string {
	for _, d := range dirs {
		msg = strings.ReplaceAll(msg, d+string(filepath.Separator), "")
	}
	return msg
}

// hugoCmd is the command that runs Hugo on the project src into dst, with
// its cache and temporary files in the folder scratch (cache/, tmp/);
// extra are more flags (--watch).
func hugoCmd(ctx context.Context, src, dst, scratch string, opts Options, extra ...string) (*exec.Cmd, error) {
	dir := opts.ProjectDir
	if opts.HugoDir != "" {
		dir = opts.HugoDir
	}
	env := opts.Env
	if env == nil {
		env = os.Environ()
	}
	// Hugo reads HUGO_* variables as configuration: the build must depend on
	// the project alone.
	env = slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(strings.ToUpper(kv), "HUGO") })
	// Temporary files of Hugo and go tool go to the build's work folder, so
	// a killed build leaves none in $TMPDIR: the next build removes them.
	tmp := filepath.Join(scratch, "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, &Error{Stage: "prepare", Err: err}
	}
	env = append(env, "TMPDIR="+tmp, "GOTMPDIR="+tmp)
	hugo := resolveCached(ctx, opts.Hugo, dir, env, opts.cache("hugo"))
	args := append(slices.Clone(hugo[1:]),
		"--source", src, "--destination", dst, "--cacheDir", filepath.Join(scratch, "cache"),
		"--environment", "production", "--noBuildLock", "--panicOnWarning", "--logLevel", "warn")
	cmd := exec.CommandContext(ctx, hugo[0], append(args, extra...)...)
	cmd.Dir = dir
	cmd.Env = env
	return cmd, nil
}

// run runs cmd as a child that dies with the build (see hugoProcess). The
// goroutine stays on one thread meanwhile: Linux sends the death signal
// when the thread that started the child ends, not only the process.
func run(cmd *exec.Cmd) error {
	hugoProcess(cmd)
	cmd.WaitDelay = 2 * time.Second
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return cmd.Run()
}

// ResolveHugo turns "go tool [flags] hugo" into the Hugo binary go tool
// builds and caches (go tool -n), so Hugo is the build's own child and dies
// with it: started through go tool, Hugo is go's child and would outlive a
// killed build. Any other command, or a go tool that cannot say, is
// returned as it is. env is the environment go runs with (nil: the current one).
func ResolveHugo(ctx context.Context, hugo []string, dir string, env []string) []string {
	if len(hugo) < 3 || filepath.Base(hugo[0]) != "go" || hugo[1] != "tool" {
		return hugo
	}
	q := exec.CommandContext(ctx, hugo[0], append([]string{"tool", "-n"}, hugo[2:]...)...)
	q.Dir, q.Env = dir, env
	var out bytes.Buffer
	q.Stdout = &out
	if err := run(q); err != nil {
		return hugo
	}
	bin := strings.TrimSpace(out.String())
	if info, err := os.Stat(bin); err != nil || info.IsDir() || !filepath.IsAbs(bin) {
		return hugo
	}
	return []string{bin}
}

// cache is the folder of CacheDir for one kind of thing, or "".
func (o Options) cache(kind string) string {
	if o.CacheDir == "" {
		return ""
	}
	return filepath.Join(o.CacheDir, kind)
}

// HistoryCache is the folder of opts.CacheDir that keeps the comparisons
// of frozen versions, for Notices.
func HistoryCache(opts Options) string { return opts.cache("history") }

// resolveCached is ResolveHugo, remembered in the folder cache by what
// decides the binary: the go command (its path, size and time) and the
// pinned module's go.mod and go.sum. A remembered binary that is gone (go
// trims its cache) is resolved again.
func resolveCached(ctx context.Context, hugo []string, dir string, env []string, cache string) []string {
	if cache == "" || len(hugo) < 3 || filepath.Base(hugo[0]) != "go" || hugo[1] != "tool" {
		return ResolveHugo(ctx, hugo, dir, env)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q\n", hugo)
	if goBin, err := exec.LookPath(hugo[0]); err == nil {
		if info, err := os.Stat(goBin); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", goBin, info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, a := range hugo {
		if mod, ok := strings.CutPrefix(a, "-modfile="); ok {
			if !filepath.IsAbs(mod) {
				mod = filepath.Join(dir, mod)
			}
			for _, f := range []string{mod, strings.TrimSuffix(mod, ".mod") + ".sum"} {
				b, err := os.ReadFile(f)
				if err != nil {
					return ResolveHugo(ctx, hugo, dir, env)
				}
				fmt.Fprintf(h, "%d\n", len(b))
				h.Write(b)
			}
		}
	}
	key := filepath.Join(cache, hex.EncodeToString(h.Sum(nil))[:32])
	if b, err := os.ReadFile(key); err == nil {
		bin := strings.TrimSpace(string(b))
		if info, err := os.Stat(bin); err == nil && !info.IsDir() && filepath.IsAbs(bin) {
			return []string{bin}
		}
	}
	out := ResolveHugo(ctx, hugo, dir, env)
	if len(out) == 1 {
		keep(cache, filepath.Base(key), []byte(out[0]+"\n"))
	}
	return out
}

// keptMarker marks a folder KeepSource wrote, so a later build may replace
// it and never replaces anything else.
const keptMarker = ".disclose-hugo-source"

// keepSource writes the generated Hugo project (files, by slash path)
// into dir, with the PDFs (slash paths under the site root) the build
// typeset into the site folder site as static files, replacing what an
// earlier build kept there, through a folder beside dir and a rename.
func keepSource(files map[string][]byte, site string, pdfs []string, dir string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			return fmt.Errorf("--keep-hugo-source %s is a file", dir)
		}
		if _, err := os.Stat(filepath.Join(dir, keptMarker)); err != nil {
			if ents, _ := os.ReadDir(dir); len(ents) > 0 {
				return fmt.Errorf("--keep-hugo-source %s holds other files: give a new folder, or one an earlier build kept", dir)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	next, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(next)
	for name, b := range files {
		if err := writeFile(filepath.Join(next, filepath.FromSlash(name)), b); err != nil {
			return err
		}
	}
	// The PDFs are copied, not linked to the cache's: the kept folder is
	// someone's to change.
	for _, rel := range pdfs {
		b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(next, "static", filepath.FromSlash(rel)), b); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(next, keptMarker), []byte("Kept by disclose build --keep-hugo-source: run hugo --source on this folder to build the same site.\n"), 0o644); err != nil {
		return err
	}
	old := next + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	defer os.RemoveAll(old)
	return os.Rename(next, dir)
}

// noticeURL is the relative link from one notice page to another: every page
// sits one folder below the site root.
func noticeURL(id string) string { return "../" + id + "/" }

// siteURL is the site's address, ending in a slash.
func siteURL(in *Input, opts Options) string {
	u := opts.BaseURL
	if u == "" && in.Project != nil && in.Project.Organization != nil {
		u = in.Project.Organization.Website
	}
	return strings.TrimSuffix(u, "/") + "/"
}

// basePath is the path part of a site address: "/" or "/privacy/".
func basePath(siteURL string) string {
	if u, err := url.Parse(siteURL); err == nil && u.Path != "" {
		return strings.TrimSuffix(u.Path, "/") + "/"
	}
	return "/"
}

// projectFiles is the Hugo project of the site, by slash path: the default
// theme (unless the project has its own), the project's content/, layouts/,
// static/ and themes/ on top, and the generated pages and files over both.
func projectFiles(in *Input, opts Options) (map[string][]byte, map[string]*redlinePDF, error) {
	p := in.Project
	files := map[string][]byte{}
	redlines := map[string]*redlinePDF{}
	baseURL := siteURL(in, opts)
	// The notices, for the header and the home page: each with its
	// version in force, its upcoming one, its changes and its feed; and
	// every feed, which every page links in its head.
	var nav, feeds, optOuts []map[string]any
	for _, n := range in.Notices {
		if n.Current == nil {
			continue
		}
		entry := map[string]any{"id": n.ID, "title": n.Current.Doc.Title, "url": n.ID + "/",
			"audience": in.Audiences[n.ID], "effective": render.LongDate(n.Current.Doc.Effective), "version": n.Current.Version}
		if l := in.Labels[n.ID]; l != "" {
			entry["short"] = l
		}
		if n.Pending {
			entry["pending"] = true
		}
		if u := n.Upcoming; u != nil {
			entry["upcoming"] = map[string]string{"version": u.Version, "effective": render.LongDate(u.Doc.Effective),
				"iso": string(u.Doc.Effective), "url": n.ID + "/" + u.Version + "/"}
		}
		if slices.ContainsFunc(n.Versions, func(v *Page) bool { return v.Previous != nil }) {
			entry["changes"] = n.ID + "/changes/"
		}
		if hasFeed(n) {
			entry["feed"] = n.ID + "/feed.xml"
			feeds = append(feeds, map[string]any{"title": n.Current.Doc.Title + ": changes (Atom)", "url": n.ID + "/feed.xml"})
		}
		nav = append(nav, entry)
		// The opt-out links the notices in force give are on every page,
		// once each (a law may ask for them on the site's pages, as the
		// CCPA regulations do on a business's homepage, §7013, §7026).
		if s := n.Current.Doc.Summary; s != nil {
			for _, b := range s.Blocks {
				if a, ok := b.(*notice.Actions); ok {
					for _, it := range a.Items {
						if it.Kind == notice.ActionOptOut && !slices.ContainsFunc(optOuts, func(m map[string]any) bool { return m["url"] == it.URL }) {
							optOuts = append(optOuts, map[string]any{"label": it.Label, "url": it.URL})
						}
					}
				}
			}
		}
	}
	email := ""
	if pc := p.Organization.PrivacyContact; pc != nil {
		email = pc.Email
	}
	config := map[string]any{
		"baseURL":                baseURL,
		"title":                  p.Organization.Name + " privacy",
		"locale":                 "en",
		"defaultContentLanguage": "en",
		"theme":                  "disclose",
		"disableKinds":           []string{"taxonomy", "term", "rss"},
		"enableRobotsTXT":        true,
		"enableGitInfo":          false,
		// Pages are dated by their notices' effective dates, some in the
		// future; Hugo must build them whatever its clock says.
		"buildFuture":  true,
		"buildExpired": true,
		"timeZone":     "UTC",
		"markup": map[string]any{
			"goldmark": map[string]any{
				"parser":   map[string]any{"attribute": map[string]any{"block": true, "title": true}, "autoHeadingID": false},
				"renderer": map[string]any{"unsafe": false},
			},
		},
		"sitemap": map[string]any{"changeFreq": "monthly"},
		"params":  map[string]any{"organization": p.Organization.Name, "email": email, "nav": nav, "feeds": feeds, "optOuts": optOuts},
	}
	cfg, err := json.MarshalIndent(config, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	files["hugo.json"] = cfg

	home := fmt.Sprintf("This is where %s explains how it handles personal data. Start with the notice for where you live.\n",
		notice.Plain(p.Organization.Name))
	files["content/_index.md"] = page(map[string]any{"title": "Privacy at " + p.Organization.Name}, noShortcodes([]byte(home)))
	files[bracesShortcodeFile] = []byte(`{{- "{{" -}}`)
	// Each notice's pages and files, made on every core, then laid in the
	// notices' order.
	type part struct {
		files    map[string][]byte
		redlines map[string]*redlinePDF
		changes  bool
	}
	every := in.published()
	parts := make([]part, len(every))
	err = parallel(len(every), func(i int) error {
		n := every[i]
		own := in.noticePages(n, p.Organization.Name, opts.NoPDF, baseURL)
		cf, rd := in.changePages(n, opts.NoPDF, baseURL)
		maps.Copy(own, cf)
		for _, t := range targets(n) {
			if t.kind == "draft" {
				continue
			}
			for _, e := range in.tableExports(n.ID, t.page.Doc) {
				c, err := e.csvFile()
				if err != nil {
					return err
				}
				j, err := e.jsonFile(n.ID, t.page)
				if err != nil {
					return err
				}
				own["static/"+t.dir+"/"+e.name+".csv"], own["static/"+t.dir+"/"+e.name+".json"] = c, j
			}
		}
		fd, err := in.feed(n, baseURL, p.Organization.Name, in.LedgerHead)
		if err != nil {
			return err
		}
		if fd != nil {
			own["static/"+n.dir()+"/feed.xml"] = fd
		}
		parts[i] = part{own, rd, len(cf) > 0}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	hasChanges := false
	for _, pt := range parts {
		maps.Copy(files, pt.files)
		maps.Copy(redlines, pt.redlines)
		hasChanges = hasChanges || pt.changes
	}
	if hasChanges {
		files["content/changes/index.md"] = whatChanged(in.Notices)
	}
	// The theme's words in each language the site publishes.
	var langs []string
	for _, n := range every {
		if n.lang != "" && !slices.Contains(langs, n.lang) {
			langs = append(langs, n.lang)
		}
	}
	slices.Sort(langs)
	for _, lang := range langs {
		// A language's folder holds its notices and is no page itself
		// (Hugo would make one of a folder without _index.md).
		files["content/"+lang+"/_index.md"] = page(map[string]any{"title": lang,
			"build": map[string]any{"render": "never", "list": "never"}, "sitemap": map[string]any{"disable": true}}, nil)
	}
	labels, err := in.themeData(langs)
	if err != nil {
		return nil, nil, err
	}
	maps.Copy(files, labels)
	js, err := noticesJSON(in, baseURL)
	if err != nil {
		return nil, nil, err
	}
	files["static/notices.json"] = js
	for name, b := range in.Files {
		if !fs.ValidPath(name) || name == "." {
			return nil, nil, fmt.Errorf("site: cannot publish a file at %q", name)
		}
		if _, taken := files["static/"+name]; taken {
			return nil, nil, fmt.Errorf("site: %s is a file the site writes itself", name)
		}
		files["static/"+name] = b
	}

	// The default theme, unless the project has its own, then the project's
	// folders on top.
	if info, err := os.Stat(filepath.Join(opts.ProjectDir, "themes", "disclose")); err == nil && info.IsDir() {
		opts.Theme = nil
	}
	for name := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		if _, err := os.Stat(filepath.Join(opts.ProjectDir, filepath.FromSlash(name))); err == nil {
			return nil, nil, fmt.Errorf("%s would be replaced by the generated page; rename or remove it", name)
		}
	}
	all := map[string][]byte{}
	if opts.Theme != nil {
		if err := copyFS(opts.Theme, "the default theme", "themes/disclose", all); err != nil {
			return nil, nil, err
		}
	}
	for _, sub := range []string{"content", "layouts", "static", "themes"} {
		from := filepath.Join(opts.ProjectDir, sub)
		if info, err := os.Stat(from); err == nil && info.IsDir() {
			if err := copyFS(os.DirFS(from), sub, sub, all); err != nil {
				return nil, nil, err
			}
		}
	}
	maps.Copy(all, files)
	return all, redlines, nil
}

// bracesShortcode is the one shortcode generated content uses: it writes
// "{{". Hugo expands shortcodes ({{< >}}, {{% %}}) in content files before
// the Markdown is rendered, even in code spans, so no "{{" from the data
// may reach it; each becomes a call of this shortcode, whose output Hugo
// inserts as it is, wherever it stands (text, code, headings, tables, link
// targets).
const (
	bracesShortcode     = "disclose-braces"
	bracesShortcodeFile = "layouts/_shortcodes/" + bracesShortcode + ".html"
	bracesShortcodeCall = "{{< " + bracesShortcode + " >}}"
)

// noShortcodes replaces every "{{" of a generated content file with
// bracesShortcodeCall: the notices are text, never templates.
func noShortcodes(md []byte) []byte {
	return bytes.ReplaceAll(md, []byte("{{"), []byte(bracesShortcodeCall))
}

// page returns a content file: JSON front matter, then the Markdown.
// The front matter is json.MarshalIndent(fm, "", "  "), each value
// marshalled on its own: a string (a redline's HTML is most of a site's
// bytes) needs no indenting, which would read it once more.
func page(fm map[string]any, md []byte) []byte {
	var out bytes.Buffer
	out.WriteByte('{')
	for i, k := range slices.Sorted(maps.Keys(fm)) {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteString("\n  ")
		key, _ := json.Marshal(k) // strings, maps and slices of them: cannot fail
		out.Write(key)
		out.WriteString(": ")
		var v []byte
		if s, ok := fm[k].(string); ok {
			v, _ = json.Marshal(s)
		} else {
			v, _ = json.MarshalIndent(fm[k], "  ", "  ")
		}
		out.Write(v)
	}
	if len(fm) > 0 {
		out.WriteByte('\n')
	}
	out.WriteString("}\n\n")
	out.Write(md)
	return out.Bytes()
}

// copyFS reads the tree of fsys (the project folder named by label, for
// messages) into files, each under the slash path prefix, skipping
// dotfiles. Symbolic links to files are followed; only regular files are
// read, so a named pipe can never block the build.
func copyFS(fsys fs.FS, label, prefix string, files map[string][]byte) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		name := label + "/" + path
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, path)
			if err != nil {
				return fmt.Errorf("%s: a symbolic link that leads nowhere: %w", name, err)
			}
			if info.IsDir() {
				return fmt.Errorf("%s is a symbolic link to a folder, which is not followed; copy the folder instead", name)
			}
		}
		data, err := regular.ReadFile(fsys, path)
		var re *regular.Error
		if errors.As(err, &re) {
			return fmt.Errorf("%s is a %s, not a regular file", name, re.Kind)
		}
		if err != nil {
			return err
		}
		files[prefix+"/"+path] = data
		return nil
	})
}
