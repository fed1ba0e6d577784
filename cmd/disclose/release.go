package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
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
	var effective, summary string
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
--date (else SOURCE_DATE_EPOCH, else today); it is the version's "last updated"
date.

Versions are named by their effective date. A second release of the same
notice with the same effective date is named DATE-2 (then DATE-3, ...) and
replaces the earlier one from that date; the archive keeps both.

Release refuses when the data has errors under the law in force on the
effective date, when nothing changed, and when the effective date comes
before the latest version of a notice being released.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			eff, err := time.Parse(time.DateOnly, effective)
			if err != nil {
				return fmt.Errorf("--effective %q: write the date as YYYY-MM-DD", effective)
			}
			src, err := g.open(cmd)
			if err != nil {
				return err
			}
			if src.embedded {
				return fmt.Errorf("no %s folder here: release works on a project's own data", g.data)
			}
			opts, err := g.options()
			if err != nil {
				return err
			}
			released := opts.Date
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
			if sp := compiler.Subprocessors(proj, ropts); sp != nil {
				docs = append(docs, sp)
			}
			l, dir, err := g.releases()
			if err != nil {
				return err
			}
			added, files, err := release.Plan(l, release.Request{
				Effective: effective, Released: released.Format(time.DateOnly), Summary: summary,
				Notices: docs, Force: force, Project: proj,
				Load: func(v *release.Version) (*notice.Document, error) {
					return release.Load(os.DirFS(g.dir), release.Dir, v)
				},
				LoadData: func(v *release.Version) ([]byte, error) { return release.LoadData(os.DirFS(g.dir), release.Dir, v) },
				Diff:     compiler.DiffOptions(),
			})
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
	cmd.Flags().StringVar(&summary, "summary", "", "what changed, in a sentence, for the archive")
	cmd.Flags().StringArrayVar(&force, "notice", nil, "release this `notice` even if its text did not change (repeatable)")
	_ = cmd.MarkFlagRequired("effective")
	return cmd
}

func newVerifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check that released versions are exactly as released",
		Long: `Verify recomputes the SHA-256 of every file in releases/ and compares it with
the ledger: a frozen file that was edited, deleted or added after its release
is reported, and the exit status is 1. make test and the CI publish path run it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, _, err := g.releases()
			if err != nil {
				return err
			}
			diags := release.Verify(os.DirFS(g.dir), release.Dir, l)
			p := &diag.Printer{Format: diag.Text}
			if err := p.Print(cmd.OutOrStdout(), diags); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d versions: %s\n", release.Dir, len(l.Versions), diag.Summary(diags))
			if diags.HasErrors() {
				return exitError{exitProblem}
			}
			return nil
		},
	}
}
