package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/migrate"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/schema"
)

// releases returns the project's ledger and the file system and folder it
// lives in.
func (g *globals) releases() (*release.Ledger, string, error) {
	dir := filepath.Join(g.dir, release.Dir)
	l, err := release.Read(os.DirFS(g.dir), release.Dir)
	if err != nil {
		return nil, dir, err
	}
	return l, dir, nil
}

func newReleaseCmd(g *globals) *cobra.Command {
	var effective, releasedOn, summary string
	var force []string
	cmd := &cobra.Command{
		Use:   "release --effective YYYY-MM-DD [--summary TEXT] [--notice NOTICE]...",
		Short: "Freeze the notices that changed as new versions",
		Long: `Release compiles every notice as of its effective date and freezes each one
whose text changed since its last release (and any named with --notice) as a
new version in releases/: the notice exactly as published (notice.json and
notice.md) and a snapshot of the data (data.json), recorded in
releases/ledger.json with each file's SHA-256. Commit releases/ with the data.

A released version never changes: later changes to the data, the compiler's
wording or the templates only ever make new versions. The release date is
--released (else SOURCE_DATE_EPOCH, else today); it is the version's "last
updated" date. The notices are compiled as of --effective.

Versions are named by their effective date. A second release of the same
notice with the same effective date is named DATE-2 (then DATE-3, ...) and
replaces the earlier one from that date; the archive keeps both.

Release refuses when the data has errors under the law in force on the
effective date, when nothing changed, and when the effective date comes
before the latest version of a notice being released.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			eff, err := parseDay("--effective", effective)
			if err != nil {
				return err
			}
			src, err := g.open(cmd)
			if err != nil {
				return err
			}
			if src.embedded {
				return errors.New("release works on a project's own data, not the built-in sample")
			}
			released, err := buildDate("--released", releasedOn, os.Getenv("SOURCE_DATE_EPOCH"), time.Now())
			if err != nil {
				return err
			}
			if err := publishable("--summary", summary); err != nil {
				return err
			}
			if released > eff {
				return fmt.Errorf("--released %s is after --effective %s: a version is released before (or on) the day it takes effect", released, effective)
			}
			ropts := &compiler.Options{Date: eff, LastUpdated: released}
			proj, docs, diags := compiler.Compile(src.fsys, src.dir, ropts)
			if len(diags) > 0 {
				p := &diag.Printer{Format: diag.Text}
				if err := p.Print(cmd.ErrOrStderr(), diags); err != nil {
					return err
				}
			}
			if diags.HasErrors() {
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: not released: the data has errors as of %s\n", effective)
				return exitError{exitProblem}
			}
			l, dir, err := g.releases()
			if err != nil {
				return err
			}
			// A new version is chained to the history: never to one that
			// was changed.
			if vd := compiler.VerifyReleases(cmd.Context(), g.dir, l); vd.HasErrors() {
				p := &diag.Printer{Format: diag.Text}
				if err := p.Print(cmd.ErrOrStderr(), vd); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: not released: released versions were changed (see disclose verify)\n")
				return exitError{exitProblem}
			}
			req := releaseRequest(g, proj, docs, ropts)
			req.Effective, req.Summary, req.Force = eff, summary, force
			added, files, err := release.Plan(l, req)
			if err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: not released: %v\n", err)
				return exitError{exitProblem}
			}
			// Frozen files first, the ledger last: an interrupted release
			// leaves files the ledger does not list, which verify reports.
			names := make([]string, 0, len(files))
			for name := range files {
				if name != release.LedgerFile {
					names = append(names, name)
				}
			}
			sort.Strings(names)
			for _, name := range append(names, release.LedgerFile) {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return err
				}
				if err := writeFileAtomic(path, files[name]); err != nil {
					return err
				}
			}
			for _, v := range added {
				fmt.Fprintf(cmd.OutOrStdout(), "released %s version %s, effective %s\n", v.Notice, v.ID, v.Effective)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&effective, "effective", "", "the `date` (YYYY-MM-DD) the new versions take effect (required)")
	cmd.Flags().StringVar(&releasedOn, "released", "", "the `day` (YYYY-MM-DD) of release, the versions' \"last updated\" date (default: $SOURCE_DATE_EPOCH, else today)")
	cmd.Flags().StringVar(&summary, "summary", "", "what changed, in a sentence, for the archive")
	cmd.Flags().StringArrayVar(&force, "notice", nil, "release this `notice` even if its text did not change (repeatable)")
	_ = cmd.MarkFlagRequired("effective")
	return cmd
}

func newVerifyCmd(g *globals) *cobra.Command {
	var head string
	cmd := &cobra.Command{
		Use:   "verify [--head HASH]",
		Short: "Check that released history is exactly as released",
		Long: `Verify checks the release ledger, releases/ledger.json, and every frozen file:

  - the ledger is a hash chain: each version's entry commits to all its fields
    (notice, version, effective and release dates, summary), its files' SHA-256
    and the entry before it, so an edited, removed or reordered entry is found;
  - every frozen file matches its SHA-256; files the ledger does not list are
    reported;
  - where the project is a git repository, releases/ only ever grew: no frozen
    file or ledger entry was changed or removed by a later commit.

--head HASH checks that the history still contains a head published earlier
(notices.json and every feed carry it as ledger_head): a history rewritten
since then no longer does.

A ledger written before the chain existed is reported until it is upgraded once
with disclose migrate. make test, make publish and every build run verify.

Exit status: 0 when the history is intact (warnings allowed), 1 when it is not,
2 when verify could not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := g.project(cmd); err != nil {
				return err
			}
			l, _, err := g.releases()
			if err != nil {
				return err
			}
			diags := compiler.VerifyReleases(cmd.Context(), g.dir, l)
			if head != "" {
				diags.Append(release.VerifyHead(l, release.Dir, head)...)
				diags.Sort()
			}
			p := &diag.Printer{Format: diag.Text}
			if err := p.Print(cmd.OutOrStdout(), diags); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d versions: %s\n", release.Dir, len(l.Versions), diag.Summary(diags))
			if h := l.Head(); h != "" && !diags.HasErrors() {
				fmt.Fprintf(cmd.ErrOrStderr(), "ledger head: %s\n", h)
			}
			if diags.HasErrors() {
				return exitError{exitProblem}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&head, "head", "", "a ledger head `HASH` published earlier, which the history must still contain")
	return cmd
}

func newMigrateCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Upgrade a project written by an earlier disclose",
		Long: `Migrate brings a project's files up to the format this disclose writes,
changing nothing else. Today that is:

  - The data files' schema modelines. A data file written by an earlier
    disclose starts with a comment naming a local copy of the JSON Schema
    (# yaml-language-server: $schema=../schema/disclose.schema.json); it now
    names the schema published at its stable, versioned URL
    (` + schema.ID + `), so editors
    validate without a local copy. Only that line changes. check warns about a
    modeline that names another schema.

  - The release ledger: a ledger written before it was a hash chain is
    rewritten once as one. Every frozen file is first checked against the old
    ledger (a tampered history is never chained: restore it from version
    control first); then only releases/ledger.json is rewritten: every entry
    keeps its fields exactly, the entries are put in release order (by release
    date, then notice, then version) and each gets the hash of the entry before
    it and its own. No frozen file changes, so every released version renders
    exactly as before.

Commit the migration on its own:

  disclose migrate
  git add data releases/ledger.json && git commit -m "disclose migrate"

Running it again says there is nothing to migrate.

Exit status: 0 when migrated or already current, 1 when refused, 2 when it
could not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := g.project(cmd); err != nil {
				return err
			}
			l, dir, err := g.releases()
			if err != nil {
				return err
			}
			files, _, err := migrate.Modelines(os.DirFS(g.dir), g.data, schema.ID)
			if err != nil {
				return err
			}
			chain := len(l.Versions) > 0 && l.Format != release.Format
			if len(files) == 0 && !chain {
				fmt.Fprintf(cmd.ErrOrStderr(), "nothing to migrate: the project is in the current format\n")
				return nil
			}
			var ledger []byte
			if chain {
				var diags diag.List
				ledger, diags = release.Migrate(os.DirFS(g.dir), release.Dir, l)
				p := &diag.Printer{Format: diag.Text}
				if err := p.Print(cmd.ErrOrStderr(), diags); err != nil {
					return err
				}
				if ledger == nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "disclose: not migrated; nothing was changed\n")
					return exitError{exitProblem}
				}
			}
			names := make([]string, 0, len(files))
			for name := range files {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if err := writeFileAtomic(filepath.Join(g.dir, filepath.FromSlash(name)), files[name]); err != nil {
					return err
				}
			}
			if len(names) > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "migrated the schema modeline of %d data files to %s\n", len(names), schema.ID)
			}
			if chain {
				if err := writeFileAtomic(filepath.Join(dir, release.LedgerFile), ledger); err != nil {
					return err
				}
				// Migrate chained l in place: it is the ledger just written.
				fmt.Fprintf(cmd.OutOrStdout(), "migrated %s: %d versions chained; ledger head %s\n", filepath.Join(release.Dir, release.LedgerFile), len(l.Versions), l.Head())
			}
			return nil
		},
	}
}

// project checks that the command runs in a project (one with a data
// folder) and not on the built-in sample: releases belong to a project.
func (g *globals) project(cmd *cobra.Command) error {
	src, err := g.open(cmd)
	if err != nil {
		return err
	}
	if src.embedded {
		return fmt.Errorf("%s works on a project's releases/, not on the built-in sample", cmd.Name())
	}
	return nil
}

// publishable refuses text given on the command line that a notice could
// not publish: control and invisible characters, and characters the PDF
// font cannot draw (the summary is shown on the site and in the PDFs).
func publishable(flag, s string) error {
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if r == '\n' || r == '\t' || check.Invisible(r) || !pdf.Drawable(r) {
			return fmt.Errorf("%s: the character U+%04X cannot be published; write the text with printable characters", flag, r)
		}
	}
	return nil
}

// releaseRequest is the release of docs, compiled from proj with opts, on
// opts.LastUpdated, as disclose release makes it and disclose review
// assesses it: the frozen files from releases/, the changes that readers
// of each notice are told of (diff.For), and the rule packs' notice
// periods and checks.
func releaseRequest(g *globals, proj *model.Project, docs []*notice.Document, opts *compiler.Options) release.Request {
	st := release.Store{FS: os.DirFS(g.dir)}
	return release.Request{
		Released:   opts.LastUpdated,
		Notices:    docs,
		Markdown:   compiler.FrozenMarkdown,
		Project:    proj,
		Load:       st.Notice,
		LoadData:   st.Data,
		Changes:    compiler.Changes,
		Relevant:   diff.For,
		NoticeDays: compiler.NoticeDays(compiler.Facts(proj, opts)),
		Checks:     compiler.ReleaseChecks(proj, opts),
	}
}
