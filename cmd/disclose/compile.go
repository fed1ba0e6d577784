package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/render"
)

// compiled checks and compiles the project, printing diagnostics to stderr.
// It returns the notices, or an exit error when the data has errors. edit,
// when set, adjusts the options first (build adds the release dates).
func compiled(cmd *cobra.Command, g *globals, stderr io.Writer, edit func(*compiler.Options)) ([]*notice.Document, *model.Project, *compiler.Options, error) {
	src, err := g.open(cmd)
	if err != nil {
		return nil, nil, nil, err
	}
	if src.embedded {
		fmt.Fprintf(stderr, "disclose: --sample: using the built-in sample company, not a project's data\n")
	}
	opts, err := g.options()
	if err != nil {
		return nil, nil, nil, err
	}
	if edit != nil {
		edit(opts)
	}
	proj, docs, diags := compiler.Compile(src.fsys, src.dir, opts)
	if len(diags) > 0 {
		p := &diag.Printer{Format: diag.Text, Source: proj.Source.File}
		if err := p.Print(stderr, diags); err != nil {
			return nil, nil, nil, err
		}
	}
	if diags.HasErrors() {
		fmt.Fprintf(stderr, "%s: %s; no notice compiled\n", src.dir, diag.Summary(diags))
		return nil, nil, nil, exitError{exitProblem}
	}
	return docs, proj, opts, nil
}

// pick returns the notice with the given id, or an error listing the ids.
func pick(docs []*notice.Document, id string) (*notice.Document, error) {
	var ids []string
	for _, d := range docs {
		if d.ID == id {
			return d, nil
		}
		ids = append(ids, d.ID)
	}
	return nil, fmt.Errorf("no notice %q: this project publishes %s", id, strings.Join(ids, ", "))
}

func newCompileCmd(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "compile [NOTICE]",
		Short: "Compile the notices to Markdown",
		Long: `Compile checks the data and, when it has no errors, compiles the notice of
every jurisdiction that applies:

` + packList() + `

With NOTICE, it prints that notice's Markdown. With --out DIR, it writes every
notice to DIR/NOTICE.md. The Markdown is what the site and the PDF are built
from; links between notices are written as /NOTICE/.

Exit status: 0 on success, 1 when the data has errors (nothing is written),
2 on bad usage.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && out == "" {
				return fmt.Errorf("name a notice to print (%s) or give --out DIR", strings.Join(packIDs(), ", "))
			}
			docs, _, _, err := compiled(cmd, g, cmd.ErrOrStderr(), nil)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				d, err := pick(docs, args[0])
				if err != nil {
					return err
				}
				if out == "" {
					_, err = cmd.OutOrStdout().Write(render.Markdown(d, nil))
					return err
				}
				docs = []*notice.Document{d}
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			for _, d := range docs {
				if err := writeFileAtomic(filepath.Join(out, d.ID+".md"), render.Markdown(d, nil)); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write every notice to `DIR`/NOTICE.md")
	g.asOfFlag(cmd)
	return cmd
}

// writeFileAtomic writes data to a temporary file beside name and renames it
// into place, so a reader never sees half a file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), name)
}

func newExplainCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain NOTICE",
		Short: "Show the data and legal rules behind each section of a notice",
		Long: `Explain prints a traceability matrix for one notice (` + strings.Join(packIDs(), ", ") + `):
each section with the rules it discloses and the data paths, with
their file:line:col, that its statements come from; then every requirement of
the notice's rule pack, with its citation, whether it is in force on --as-of,
when it applies and the section that discloses it.

Use it to review a notice with counsel, and to find the section ids that
sections[].after accepts.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, proj, opts, err := compiled(cmd, g, cmd.ErrOrStderr(), nil)
			if err != nil {
				return err
			}
			d, err := pick(docs, args[0])
			if err != nil {
				return err
			}
			c, js := compiler.Explain(proj, opts)
			for _, j := range js {
				if j.ID() == d.ID {
					return explain(cmd.OutOrStdout(), d, c, j, proj.Source)
				}
			}
			return fmt.Errorf("no rule pack for notice %q", d.ID)
		},
	}
	g.asOfFlag(cmd)
	return cmd
}

func explain(w io.Writer, d *notice.Document, c *jurisdiction.Context, j jurisdiction.Jurisdiction, src *model.SourceMap) error {
	_, why := j.Applies(c)
	fmt.Fprintf(w, "%s (%s), as of %s: %s\n", d.Title, d.ID, c.Date, why)
	if dj, ok := j.(jurisdiction.ApplicabilityDetailer); ok {
		fmt.Fprintf(w, "\nApplicability\n")
		for _, line := range dj.ApplicabilityDetails(c) {
			fmt.Fprintf(w, "  %s\n", line)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "rule pack: %s\n\nSections\n", j.Name())
	d.Walk(func(s *notice.Section, depth int) {
		fmt.Fprintf(w, "\n%s#%s  %s\n", strings.Repeat("  ", depth-1), s.ID, s.Title)
		ind := strings.Repeat("  ", depth)
		if len(s.Trace.Rules) > 0 {
			fmt.Fprintf(w, "%srules: %s\n", ind, strings.Join(s.Trace.Rules, ", "))
		}
		// A summary's points each say where they come from.
		inPoint := map[string]bool{}
		for _, b := range s.Blocks {
			kp, ok := b.(*notice.KeyPoints)
			if !ok {
				continue
			}
			for _, pt := range kp.Points {
				fmt.Fprintf(w, "%spoint: %s\n", ind, pt.Label)
				for _, p := range pt.Trace.Paths {
					inPoint[p] = true
					fmt.Fprintf(w, "%s  data:  %s  (%s)\n", ind, p, src.Pos(p))
				}
			}
		}
		for _, p := range s.Trace.Paths {
			if !inPoint[p] {
				fmt.Fprintf(w, "%sdata:  %s  (%s)\n", ind, p, src.Pos(p))
			}
		}
	})
	fmt.Fprintf(w, "\nRequirements\n")
	if len(j.Requirements()) == 0 {
		fmt.Fprintf(w, "\nnone of its own yet: what it shows is required by the data model\n")
	}
	for _, e := range jurisdiction.Describe(c, j) {
		q := e.Requirement
		state := "in force"
		if !e.InForce {
			state = "not in force"
			if q.From != "" && c.Date < q.From {
				state += " until " + string(q.From)
			}
		}
		sec := "#" + q.Section
		if q.Section == "top" {
			sec = "title block"
		}
		fmt.Fprintf(w, "\n%s  %s  [%s, %s]\n", q.ID, q.Citation, severityWord(q.Severity), state)
		fmt.Fprintf(w, "  %s\n", q.Summary)
		when := q.Condition(compiler.Extensions()...)
		if when == "" {
			when = "always"
		}
		fmt.Fprintf(w, "  applies: %s; disclosed in: %s\n", when, sec)
		if d := q.Defined(); d.IsValid() {
			fmt.Fprintf(w, "  rule written at: %s\n", d)
		}
		if len(q.Data) > 0 {
			fmt.Fprintf(w, "  data: %s\n", strings.Join(q.Data, ", "))
		}
	}
	return nil
}

func severityWord(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "BLOCK"
	case diag.Warning:
		return "LINT"
	}
	return "INFO"
}

// packIDs are the notice ids of the registered rule packs.
func packIDs() []string {
	var ids []string
	for _, j := range compiler.DefaultJurisdictions() {
		ids = append(ids, j.ID())
	}
	return ids
}

// packList lists the registered rule packs for help texts, one a line.
func packList() string {
	width := 0
	for _, id := range packIDs() {
		width = max(width, len(id))
	}
	var b strings.Builder
	for i, j := range compiler.DefaultJurisdictions() {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  %-*s  %s", width, j.ID(), j.Name())
	}
	return b.String()
}
