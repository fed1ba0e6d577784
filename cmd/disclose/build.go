package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/site"
)

// hugoCommand returns the command that runs Hugo: $DISCLOSE_HUGO (a command
// line), else Hugo pinned in the project's tools/hugo/go.mod and run with
// "go tool", else that of the folder disclose was started from.
//
// It also returns the folder to start Hugo in: "go tool -modfile" must run
// inside the module the file describes.
func hugoCommand(projectDir string) (args []string, dir string, err error) {
	if env := strings.TrimSpace(os.Getenv("DISCLOSE_HUGO")); env != "" {
		args = strings.Fields(env)
		for _, a := range args {
			if mod, ok := strings.CutPrefix(a, "-modfile="); ok {
				dir = filepath.Dir(mod)
			}
		}
		return args, dir, nil
	}
	for _, d := range []string{projectDir, "."} {
		mod, err := filepath.Abs(filepath.Join(d, "tools", "hugo", "go.mod"))
		if err != nil {
			continue
		}
		if _, err := os.Stat(mod); err == nil {
			return []string{"go", "tool", "-modfile=" + mod, "hugo"}, filepath.Dir(mod), nil
		}
	}
	return nil, "", errors.New("cannot find Hugo: the project has no tools/hugo/go.mod pinning it (disclose init writes one), and DISCLOSE_HUGO is not set")
}

func newBuildCmd(g *globals) *cobra.Command {
	var out, baseURL, keep string
	var drafts bool
	cmd := &cobra.Command{
		Use:   "build [--out FOLDER] [--as-of DAY] [--drafts] [--base-url URL] [--keep-hugo-source FOLDER]",
		Short: "Build the website of the notices into public/",
		Long: `Build checks the data, compiles every notice and builds the website with Hugo:
a home page, a page per notice, the sub-processor list, notices.json, a
sitemap and robots.txt.

Each notice shows the released version in force on --as-of (else
SOURCE_DATE_EPOCH, else today), announces an upcoming version with a banner,
and keeps every version at /NOTICE/VERSION/ with its PDF and an archive at
/NOTICE/versions/. A notice never released shows the compiled data as it
stands. --drafts also publishes each unreleased draft at /NOTICE/draft/. The
build refuses when a released version was changed (see disclose verify). The project's own content/, layouts/, static/ and
themes/ folders are laid over the default theme.

The site is built in a new folder beside --out and checked (every internal link
and anchor must exist) before it replaces --out, so a failed build leaves the
previous site untouched. The same data and --as-of (or SOURCE_DATE_EPOCH) give a
byte-identical site.

Hugo is the version pinned in tools/hugo/go.mod, run with "go tool" (the
binary it resolves is remembered in .cache/hugo, by the pin); set
DISCLOSE_HUGO to another command line to override it.

--keep-hugo-source FOLDER keeps the Hugo project the build generated (pages,
data files, theme, PDFs) in FOLDER, replacing what an earlier build kept
there: "hugo --source FOLDER" alone then builds the same site. Theme authors
read it to see what disclose gives Hugo; make bench-build uses it to time
bare Hugo on exactly these pages.

Exit status: 0 when the site was built, 1 when the data has errors or the
build failed (the output folder is then unchanged), 2 on bad usage.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if baseURL != "" {
				u, err := url.Parse(baseURL)
				if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
					return fmt.Errorf("--base-url %q: give the site's address, such as https://example.com/privacy/", baseURL)
				}
				baseURL = strings.TrimSuffix(u.String(), "/") + "/"
			}
			if !filepath.IsAbs(out) {
				out = filepath.Join(g.dir, out)
			}
			if keep != "" && !filepath.IsAbs(keep) {
				keep = filepath.Join(g.dir, keep)
			}
			n, date, err := g.buildSite(cmd.Context(), cmd, buildSettings{out: out, baseURL: baseURL, drafts: drafts, keep: keep}, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: built %d notices as of %s\n", out, n, date)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "public", "output `folder`, relative to the project root")
	cmd.Flags().BoolVar(&drafts, "drafts", false, "also publish each notice's unreleased draft at /NOTICE/draft/, marked as a draft")
	cmd.Flags().StringVar(&keep, "keep-hugo-source", "", "also keep the generated Hugo project in this `folder` (relative to the project root), for theme authors and benchmarks")
	cmd.Flags().StringVar(&baseURL, "base-url", "", "the site's address, for the sitemap and canonical links (default: organization.website)")
	g.asOfFlag(cmd)
	return cmd
}

// buildSettings say what buildSite builds.
type buildSettings struct {
	out, baseURL string
	drafts       bool
	// keep is the folder to keep the generated Hugo project in.
	keep string
	// live, when set, builds the preview in its folder, in place, only
	// what changed (disclose serve).
	live *site.Live
	// preview shows each notice's draft at its address, marked as a
	// preview, and typesets its PDFs only when they are asked for
	// (disclose serve).
	preview bool
	// loads, when set, is the load cache of a serve session: a save
	// re-parses only the data files that changed.
	loads *load.Cache
	// hugo, when set, is the Hugo command to run (serve resolves it once).
	hugo    []string
	hugoDir string
	// built, when set, is given what a successful build was made from
	// (serve typesets its PDFs on request, with the build's words and
	// comparisons).
	built func(in *site.Input, opts site.Options)
}

// buildSite publishes the site with compiler.Publish and prints what it
// found to stderr. It returns the number of documents and the build date.
func (g *globals) buildSite(ctx context.Context, cmd *cobra.Command, set buildSettings, stderr io.Writer) (int, string, error) {
	src, err := g.open(cmd)
	if err != nil {
		return 0, "", err
	}
	if src.embedded {
		fmt.Fprintf(stderr, "disclose: --sample: using the built-in sample company, not a project's data\n")
	}
	opts, err := g.options()
	if err != nil {
		return 0, "", err
	}
	res, err := compiler.Publish(ctx, compiler.PublishOptions{
		Data: src.fsys, DataDir: src.dir, ProjectDir: g.dir, Date: opts.Date, Drafts: set.drafts, Preview: set.preview,
		Site: site.Options{Out: set.out, Theme: disclose.Theme, Hugo: set.hugo, HugoDir: set.hugoDir, BaseURL: set.baseURL,
			CacheDir: filepath.Join(g.dir, ".cache"), KeepSource: set.keep, Live: set.live},
		FindHugo:  func() ([]string, string, error) { return hugoCommand(g.dir) },
		LoadCache: set.loads,
	})
	if len(res.Diags) > 0 {
		p := &diag.Printer{Format: diag.Text}
		if res.Project != nil && res.Project.Source != nil {
			p.Source = res.Project.Source.File
		}
		if perr := p.Print(stderr, res.Diags); perr != nil {
			return 0, "", perr
		}
	}
	var se *site.Error
	switch {
	case errors.Is(err, compiler.ErrHistory):
		fmt.Fprintf(stderr, "disclose: build refused: released versions were changed (see disclose verify)\n")
		return 0, "", exitError{exitProblem}
	case errors.Is(err, compiler.ErrData):
		fmt.Fprintf(stderr, "%s: %s; no notice compiled\n", src.dir, diag.Summary(res.Diags))
		return 0, "", exitError{exitProblem}
	case errors.Is(err, compiler.ErrDrift):
		fmt.Fprintf(stderr, "disclose: build refused: a released version readers are shown no longer meets the law (above); release a new version\n")
		return 0, "", exitError{exitProblem}
	case errors.As(err, &se):
		if len(se.Diags) > 0 {
			p := &diag.Printer{Format: diag.Text}
			if perr := p.Print(stderr, se.Diags); perr != nil {
				return 0, "", perr
			}
		}
		if set.live != nil {
			fmt.Fprintf(stderr, "disclose: build failed: %v\n", se)
		} else {
			fmt.Fprintf(stderr, "disclose: build failed: %v\n%s is unchanged\n", se, set.out)
		}
		return 0, "", exitError{exitProblem}
	case err != nil:
		return 0, "", err
	}
	if set.built != nil {
		set.built(res.Input, res.Site)
	}
	return res.Documents, string(opts.Date), nil
}
