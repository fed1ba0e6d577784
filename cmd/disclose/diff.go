package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/review"
)

func newDiffCmd(g *globals) *cobra.Command {
	var from, to, format, failOn string
	cmd := &cobra.Command{
		Use:   "diff [--from VERSION] [--to VERSION|draft] [--format text|markdown|json] [--fail-on material]",
		Short: "Show what changed between two versions of each notice",
		Long: `Diff compares, for each notice, two versions: by default its latest released
version (the version in force on --as-of, or the upcoming one when one is
already announced) and the draft compiled from data/ as it is now, which is
what a pull request changes. It lists the changes to the facts behind each notice (new
processors, purposes, transfers, longer retention...), each marked material or
minor with the reason, and counts the words inserted and deleted in the text.

--from and --to name versions (the ids in releases/ledger.json, such as
2025-12-15) or "draft". The markdown format is ready to post as a pull request
comment; json is for tools.

With --fail-on material, diff exits 1 when any change is material, so CI can
require legal sign-off before merging. Otherwise it exits 0.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "markdown" && format != "json" {
				return fmt.Errorf("--format %q: use text, markdown or json", format)
			}
			if failOn != "" && failOn != "material" && failOn != "any" {
				return fmt.Errorf("--fail-on %q: use material or any", failOn)
			}
			docs, proj, _, err := compiled(cmd, g, cmd.ErrOrStderr(), nil)
			if err != nil {
				return err
			}
			l, _, err := g.releases()
			if err != nil {
				return err
			}
			snapshot, err := release.Snapshot(proj)
			if err != nil {
				return err
			}
			t := &review.Tree{Ledger: l, Store: release.Store{FS: os.DirFS(g.dir)}, Docs: docs, Snapshot: snapshot}
			out, err := review.Diff(t, from, to, nil, compiler.Changes)
			if err != nil {
				return err
			}
			if err := printDiff(cmd.OutOrStdout(), out, format); err != nil {
				return err
			}
			material, any := 0, 0
			for _, nd := range out {
				material += nd.Material
				if nd.TextChanged || len(nd.Changes) > 0 {
					any++
				}
			}
			if failOn == "material" && material > 0 || failOn == "any" && any > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: %d material changes: legal sign-off needed\n", material)
				return exitError{exitProblem}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the `version` to compare from (default: the latest released version)")
	cmd.Flags().StringVar(&to, "to", "draft", "the `version` to compare to, or draft")
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text, markdown or json")
	cmd.Flags().StringVar(&failOn, "fail-on", "", "exit 1 when a change of this `kind` is present: material or any")
	g.asOfFlag(cmd)
	return cmd
}

func printDiff(w io.Writer, out []review.NoticeDiff, format string) error {
	switch format {
	case "json":
		if out == nil {
			out = []review.NoticeDiff{}
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "markdown":
		total, material := 0, 0
		for _, nd := range out {
			total += len(nd.Changes)
			material += nd.Material
		}
		fmt.Fprintf(w, "## Privacy notice changes\n\n%d changes, **%d material**", total, material)
		if material > 0 {
			fmt.Fprintf(w, ": legal sign-off needed, and the release must give notice before they take effect")
		}
		fmt.Fprintf(w, ".\n\n")
		for _, nd := range out {
			fmt.Fprintf(w, "### %s (`%s`): %s → %s\n\n", nd.Title, nd.Notice, nd.From, nd.To)
			if !nd.TextChanged && len(nd.Changes) == 0 {
				fmt.Fprintf(w, "No change.\n\n")
				continue
			}
			fmt.Fprintf(w, "Text: %s inserted, %s deleted.\n\n", diff.Words(nd.Inserted), diff.Words(nd.Deleted))
			if len(nd.Changes) > 0 {
				fmt.Fprintf(w, "| | Change | Why |\n|---|---|---|\n")
				for _, c := range nd.Changes {
					label := "minor"
					if c.Material {
						label = "**material**"
					}
					fmt.Fprintf(w, "| %s | %s | %s |\n", label, strings.ReplaceAll(c.Sentence, "|", `\|`), c.Reason)
				}
				fmt.Fprintln(w)
			}
		}
		return nil
	}
	for _, nd := range out {
		fmt.Fprintf(w, "%s (%s): %s -> %s: ", nd.Notice, nd.Title, nd.From, nd.To)
		if !nd.TextChanged && len(nd.Changes) == 0 {
			fmt.Fprintf(w, "no change\n")
			continue
		}
		fmt.Fprintf(w, "%s; text: %s inserted, %s deleted\n", change.Summary(nd.Changes), diff.Words(nd.Inserted), diff.Words(nd.Deleted))
		for _, c := range nd.Changes {
			label := "minor   "
			if c.Material {
				label = "MATERIAL"
			}
			fmt.Fprintf(w, "  %s %s (%s)\n", label, c.Sentence, c.Reason)
		}
	}
	return nil
}
