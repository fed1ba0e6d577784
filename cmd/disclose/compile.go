package main

import (
	"encoding/json"
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
	src, opts, err := g.input(cmd, "using")
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
	var format string
	cmd := &cobra.Command{
		Use:   "explain NOTICE [--format text|markdown|json]",
		Short: "Show the data and legal rules behind each section of a notice",
		Long: `Explain prints a traceability matrix for one notice (` + strings.Join(packIDs(), ", ") + `):
each section with the rules it discloses and the data paths, with
their file:line:col, that its statements come from; then every requirement of
the notice's rule pack, with its citation, whether it is in force on --as-of,
when it applies and the section that discloses it.

Use it to review a notice with counsel, and to find the section ids that
sections[].after accepts. --format markdown writes the matrix as tables, for
a review document or a pull-request comment; --format json for tools and a
DPO's file (the same fields as the text).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "markdown" && format != "json" {
				return fmt.Errorf("--format %q: use text, markdown or json", format)
			}
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
					return explain(cmd.OutOrStdout(), d, c, j, proj.Source, format)
				}
			}
			return fmt.Errorf("no rule pack for notice %q", d.ID)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output `format`: text, markdown or json")
	g.asOfFlag(cmd)
	return cmd
}

// explanation is a notice's traceability matrix, what explain prints in
// each format: why the notice is published, each section with the rules it
// discloses and the data it comes from (a summary's points each with their
// own), and every requirement of its rule pack.
type explanation struct {
	Notice        string          `json:"notice"`
	Title         string          `json:"title"`
	AsOf          model.Date      `json:"as_of"`
	Applies       string          `json:"applies"`
	Applicability []string        `json:"applicability,omitempty"`
	RulePack      string          `json:"rule_pack"`
	Sections      []explained     `json:"sections"`
	Requirements  []explainedRule `json:"requirements"`
}

type explained struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Depth  int             `json:"depth"`
	Rules  []string        `json:"rules,omitempty"`
	Points []explainedPart `json:"points,omitempty"`
	Data   []explainedData `json:"data,omitempty"`
}

type explainedPart struct {
	Label string          `json:"label"`
	Data  []explainedData `json:"data"`
}

type explainedData struct {
	Path string `json:"path"`
	At   string `json:"at"` // file:line:col
}

type explainedRule struct {
	ID       string   `json:"id"`
	Citation string   `json:"citation"`
	Severity string   `json:"severity"` // BLOCK, LINT or INFO
	State    string   `json:"state"`    // in force, not in force, not in force until DAY
	Summary  string   `json:"summary"`
	Applies  string   `json:"applies"`
	Section  string   `json:"section"` // #anchor, or "title block"
	Defined  string   `json:"defined,omitempty"`
	Data     []string `json:"data,omitempty"`
}

// explainOf builds the matrix of notice d of pack j.
func explainOf(d *notice.Document, c *jurisdiction.Context, j jurisdiction.Jurisdiction, src *model.SourceMap) explanation {
	_, why := j.Applies(c)
	e := explanation{Notice: d.ID, Title: d.Title, AsOf: c.Date, Applies: why, RulePack: j.Name(), Sections: []explained{}, Requirements: []explainedRule{}}
	if dj, ok := j.(jurisdiction.ApplicabilityDetailer); ok {
		e.Applicability = dj.ApplicabilityDetails(c)
	}
	at := func(p string) explainedData { return explainedData{Path: p, At: src.Pos(p).String()} }
	d.Walk(func(s *notice.Section, depth int) {
		x := explained{ID: s.ID, Title: s.Title, Depth: depth, Rules: s.Trace.Rules}
		inPoint := map[string]bool{}
		for _, b := range s.Blocks {
			kp, ok := b.(*notice.KeyPoints)
			if !ok {
				continue
			}
			for _, pt := range kp.Points {
				part := explainedPart{Label: pt.Label, Data: []explainedData{}}
				for _, p := range pt.Trace.Paths {
					inPoint[p] = true
					part.Data = append(part.Data, at(p))
				}
				x.Points = append(x.Points, part)
			}
		}
		for _, p := range s.Trace.Paths {
			if !inPoint[p] {
				x.Data = append(x.Data, at(p))
			}
		}
		e.Sections = append(e.Sections, x)
	})
	for _, r := range jurisdiction.Describe(c, j) {
		q := r.Requirement
		state := "in force"
		if !r.InForce {
			state = "not in force"
			if q.From != "" && c.Date < q.From {
				state += " until " + string(q.From)
			}
		}
		sec := "#" + q.Section
		if q.Section == "top" {
			sec = "title block"
		}
		when := q.Condition(compiler.Extensions()...)
		if when == "" {
			when = "always"
		}
		x := explainedRule{ID: q.ID, Citation: q.Citation, Severity: severityWord(q.Severity), State: state, Summary: q.Summary,
			Applies: when, Section: sec, Data: q.Data}
		if d := q.Defined(); d.IsValid() {
			x.Defined = d.String()
		}
		e.Requirements = append(e.Requirements, x)
	}
	return e
}

// explain prints the matrix of notice d in format: text (for a terminal),
// markdown (for a review or a pull-request comment) or json (for tools and
// a DPO's file).
func explain(w io.Writer, d *notice.Document, c *jurisdiction.Context, j jurisdiction.Jurisdiction, src *model.SourceMap, format string) error {
	e := explainOf(d, c, j, src)
	switch format {
	case "json":
		b, err := json.MarshalIndent(e, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "markdown":
		return explainMarkdown(w, e)
	}
	fmt.Fprintf(w, "%s (%s), as of %s: %s\n", e.Title, e.Notice, e.AsOf, e.Applies)
	if e.Applicability != nil {
		fmt.Fprintf(w, "\nApplicability\n")
		for _, line := range e.Applicability {
			fmt.Fprintf(w, "  %s\n", line)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "rule pack: %s\n\nSections\n", e.RulePack)
	for _, s := range e.Sections {
		fmt.Fprintf(w, "\n%s#%s  %s\n", strings.Repeat("  ", s.Depth-1), s.ID, s.Title)
		ind := strings.Repeat("  ", s.Depth)
		if len(s.Rules) > 0 {
			fmt.Fprintf(w, "%srules: %s\n", ind, strings.Join(s.Rules, ", "))
		}
		for _, pt := range s.Points {
			fmt.Fprintf(w, "%spoint: %s\n", ind, pt.Label)
			for _, p := range pt.Data {
				fmt.Fprintf(w, "%s  data:  %s  (%s)\n", ind, p.Path, p.At)
			}
		}
		for _, p := range s.Data {
			fmt.Fprintf(w, "%sdata:  %s  (%s)\n", ind, p.Path, p.At)
		}
	}
	fmt.Fprintf(w, "\nRequirements\n")
	if len(j.Requirements()) == 0 {
		fmt.Fprintf(w, "\nnone of its own yet: what it shows is required by the data model\n")
	}
	for _, q := range e.Requirements {
		fmt.Fprintf(w, "\n%s  %s  [%s, %s]\n", q.ID, q.Citation, q.Severity, q.State)
		fmt.Fprintf(w, "  %s\n", q.Summary)
		fmt.Fprintf(w, "  applies: %s; disclosed in: %s\n", q.Applies, q.Section)
		if q.Defined != "" {
			fmt.Fprintf(w, "  rule written at: %s\n", q.Defined)
		}
		if len(q.Data) > 0 {
			fmt.Fprintf(w, "  data: %s\n", strings.Join(q.Data, ", "))
		}
	}
	return nil
}

// explainMarkdown writes the matrix as Markdown: a table of the sections
// (each key point a row of its own) and one of the requirements, every
// cell escaped.
func explainMarkdown(w io.Writer, e explanation) error {
	cell := func(s string) string {
		return strings.NewReplacer("|", "\\|", "\n", " ", "\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "<", "&lt;", "[", "\\[").Replace(s)
	}
	data := func(ds []explainedData) string {
		var out []string
		for _, d := range ds {
			out = append(out, "`"+strings.ReplaceAll(d.Path, "`", "'")+"` ("+cell(d.At)+")")
		}
		return strings.Join(out, "<br>")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s (`%s`), as of %s\n\n%s\n\n", cell(e.Title), e.Notice, e.AsOf, cell(e.Applies))
	for _, l := range e.Applicability {
		fmt.Fprintf(&b, "- %s\n", cell(l))
	}
	if len(e.Applicability) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Rule pack: %s\n\n### Sections\n\n| Section | Rules | Data |\n|---|---|---|\n", cell(e.RulePack))
	for _, s := range e.Sections {
		fmt.Fprintf(&b, "| %s`#%s` %s | %s | %s |\n", strings.Repeat("&nbsp;&nbsp;", s.Depth-1), s.ID, cell(s.Title), strings.Join(s.Rules, ", "), data(s.Data))
		for _, pt := range s.Points {
			fmt.Fprintf(&b, "| %s• %s |  | %s |\n", strings.Repeat("&nbsp;&nbsp;", s.Depth), cell(pt.Label), data(pt.Data))
		}
	}
	b.WriteString("\n### Requirements\n\n| Rule | Citation | Severity | State | What it asks | Applies | Disclosed in |\n|---|---|---|---|---|---|---|\n")
	for _, q := range e.Requirements {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", q.ID, cell(q.Citation), q.Severity, q.State, cell(q.Summary), cell(q.Applies), cell(q.Section))
	}
	_, err := io.WriteString(w, b.String())
	return err
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
