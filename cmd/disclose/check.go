package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
)

func newCheckCmd(g *globals) *cobra.Command {
	var format, changed string
	var ruleSources bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the data files and report every problem",
		Long: `Check loads every data file, checks it, and runs the requirements of every
jurisdiction that applies (the global policy, the European supplement, the
California notice) as of --as-of, reporting every problem in every file:

  data/purposes.yaml:42:7: error: purpose "billing" ("Bill your organisation") at purposes[3].categories[1]: unknown category "payment" (did you mean "payments"?)

followed, in the text format, by the line with a caret under the problem, a hint
and the legal rule's citation. Each problem names the item it is about (its
kind, id and name) once, before its data path.

Formats:
  text    for people (the default)
  json    a JSON array of diagnostics, for tools
  github  GitHub Actions annotations, shown on the pull request

--changed FILE (with --format github) reads a unified diff of the pull
request (git diff -U0 BASE HEAD) and puts the problems on the lines it
changed first: GitHub shows a step's first ten error annotations on the pull
request. Every problem is also listed in the job's summary
($GITHUB_STEP_SUMMARY) when there is one.

--rule-sources adds, under each problem a rule stated as data reports, where
that rule is written in disclose's source ("see compiler/jurisdiction/...go:NN"),
for people writing or reviewing rule packs.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are
errors, 2 when the check could not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := diag.ParseFormat(format)
			if err != nil {
				return err
			}
			src, opts, err := g.input(cmd, "checking")
			if err != nil {
				return err
			}
			opts.RuleSources = ruleSources
			proj, diags := compiler.Check(src.fsys, src.dir, opts)
			if changed != "" {
				if f != diag.GitHub {
					return fmt.Errorf("--changed needs --format github")
				}
				c, err := readChanged(changed)
				if err != nil {
					return err
				}
				diags = changedFirst(diags, c)
			}
			p := &diag.Printer{Format: f, Source: proj.Source.File}
			if err := p.Print(cmd.OutOrStdout(), diags); err != nil {
				return err
			}
			if f == diag.GitHub {
				if err := checkSummary(os.Getenv("GITHUB_STEP_SUMMARY"), diags, proj.Source.File); err != nil {
					return err
				}
			}
			if f == diag.Text {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d files: %s\n", src.dir, len(proj.Source.Files), diag.Summary(diags))
			}
			if diags.HasErrors() {
				return exitError{exitProblem}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text, json or github")
	cmd.Flags().StringVar(&changed, "changed", "", "with --format github: a unified diff `file` of the pull request; problems on its changed lines come first")
	cmd.Flags().BoolVar(&ruleSources, "rule-sources", false, "show where each rule stated as data is written in disclose's source (for rule-pack authors)")
	g.asOfFlag(cmd)
	return cmd
}

// checkSummary writes every diagnostic to the job summary of a GitHub
// Actions step, in the text format, when the runner gives one: GitHub shows
// only a step's first ten error and ten warning annotations.
func checkSummary(path string, diags diag.List, source func(string) ([]byte, bool)) error {
	if path == "" {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## disclose check\n\n%s.\n\n", diag.Summary(diags))
	if len(diags) > 0 {
		b.WriteString("````\n")
		p := &diag.Printer{Format: diag.Text, Source: source}
		if err := p.Print(&b, diags); err != nil {
			return err
		}
		b.WriteString("````\n")
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
