package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
)

// noticeDiff is what changed in one notice between two versions.
type noticeDiff struct {
	Notice   string          `json:"notice"`
	Title    string          `json:"title"`
	From     string          `json:"from"`
	To       string          `json:"to"`
	Changes  []change.Change `json:"changes"`
	Material int             `json:"material"`
	// TextChanged reports whether the notice's text changed at all.
	TextChanged bool `json:"text_changed"`
	Inserted    int  `json:"words_inserted"`
	Deleted     int  `json:"words_deleted"`
	// Released are the versions released since the base ledger (review
	// --base-ledger): those the pull request adds.
	Released []*release.Version `json:"-"`
	// excerpts are the text's changes by section, for a review.
	excerpts []diff.Excerpt
}

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
			out, err := diffNotices(g, l, docs, snapshot, from, to, nil)
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

// diffNotices compares, for every notice compiled (docs) or released, two
// versions of l: from and to name versions, "" the latest released one and
// "draft" the notices compiled from the data (docs, and its data snapshot).
//
// base, when given, is the ledger the pull request started from: "" then
// means each notice's latest version in base, and the versions the pull
// request released itself are listed in Released, so a pull request that
// changes the data and releases it is reviewed against what it started from.
func diffNotices(g *globals, l *release.Ledger, docs []*notice.Document, snapshot []byte, from, to string, base *release.Ledger) ([]noticeDiff, error) {
	st := release.Store{FS: os.DirFS(g.dir)}
	// side returns a notice's text and data at a version ("" means
	// the version in force, "draft" the compiled data).
	side := func(id, version string) (doc *notice.Document, data []byte, name string, err error) {
		if version == "draft" {
			for _, d := range docs {
				if d.ID == id {
					return d, snapshot, "draft", nil
				}
			}
			return nil, nil, "draft", nil
		}
		var v *release.Version
		switch {
		case version == "" && base != nil:
			// The latest version the pull request started from: its files
			// are in the tree, since history only grows.
			if all := base.Of(id); len(all) > 0 {
				for _, x := range l.Of(id) {
					if x.ID == all[len(all)-1].ID {
						v = x
					}
				}
				if v == nil {
					return nil, nil, "", fmt.Errorf("the base ledger's %s version %s is not in %s: was released history rewritten?", id, all[len(all)-1].ID, release.Dir)
				}
			}
		case version == "":
			// The latest release (the version in force, or the
			// upcoming one already announced), which the draft builds
			// on.
			if all := l.Of(id); len(all) > 0 {
				v = all[len(all)-1]
			}
		default:
			for _, x := range l.Of(id) {
				if x.ID == version {
					v = x
				}
			}
		}
		if v == nil {
			return nil, nil, version, nil
		}
		doc, err = st.Notice(v)
		if err != nil {
			return nil, nil, "", err
		}
		data, err = st.Data(v)
		return doc, data, v.ID, err
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	for _, id := range l.Notices() {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	toVersion := to
	if toVersion == "" {
		toVersion = "draft"
	}
	var out []noticeDiff
	for _, id := range ids {
		a, adata, aname, err := side(id, from)
		if err != nil {
			return nil, err
		}
		b, bdata, bname, err := side(id, toVersion)
		if err != nil {
			return nil, err
		}
		if a == nil && b == nil {
			continue
		}
		nd := noticeDiff{Notice: id, From: aname, To: bname}
		if base != nil {
			for _, v := range l.Of(id) {
				if !slices.ContainsFunc(base.Of(id), func(b *release.Version) bool { return b.ID == v.ID }) {
					nd.Released = append(nd.Released, v)
				}
			}
		}
		if aname == "" {
			nd.From = "nothing released"
		}
		if err := nd.compare(a, adata, b, bdata); err != nil {
			return nil, err
		}
		out = append(out, nd)
	}
	return out, nil
}

func printDiff(w io.Writer, out []noticeDiff, format string) error {
	switch format {
	case "json":
		if out == nil {
			out = []noticeDiff{}
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

// compare fills nd with what changes from one side (a notice and its data
// snapshot; nil when the side has none) to the other: the changes its
// readers are told of, and the text's.
func (nd *noticeDiff) compare(a *notice.Document, adata []byte, b *notice.Document, bdata []byte) error {
	var aText, bText string
	if a != nil {
		nd.Title, aText = a.Title, render.Plain(a)
	}
	if b != nil {
		nd.Title, bText = b.Title, render.Plain(b)
	}
	if adata == nil {
		adata = []byte("{}")
	}
	if bdata == nil {
		bdata = []byte("{}")
	}
	cs, err := compiler.Changes(adata, bdata)
	if err != nil {
		return err
	}
	nd.Changes = diff.For(cs, a, b)
	nd.Material = len(change.Material(nd.Changes))
	ops := diff.Redline(aText, bText)
	for _, op := range ops {
		n := len(strings.Fields(op.Text))
		switch op.Kind {
		case diff.Insert:
			nd.Inserted += n
			nd.TextChanged = true
		case diff.Delete:
			nd.Deleted += n
			nd.TextChanged = true
		}
	}
	if nd.TextChanged {
		nd.excerpts = diff.Excerpts(diff.Blocks(ops), diff.ExcerptOptions{})
	}
	return nil
}
