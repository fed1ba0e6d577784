package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
	"github.com/disclose-dev/disclose/compiler/pdf"
)

func newRecordsCmd(g *globals) *cobra.Command {
	var format, out, controller, paper string
	cmd := &cobra.Command{
		Use:   records.ID + " [--format csv|json|pdf] [-o FILE] [--controller ENTITY] [--paper a4|letter]",
		Short: "Write the record of processing activities (GDPR Art. 30)",
		Long: `Records compiles the controller's record of processing activities (GDPR
Art. 30(1), UK GDPR Art. 30(1)) from the same data as the notices, so the two
never disagree: one activity per purpose, with the controllers, joint
controllers, representatives and DPOs, the categories of data subjects and of
personal data, the recipients (and their third countries), the transfers with
their safeguards, the time limits for erasure and the security measures of
the systems that hold the data. It says which data it was made from: the
as-of day, the SHA-256 of the data snapshot, the release ledger's head and the
notice versions in force.

  disclose records --format pdf -o record.pdf     for the DPO's file or an authority
  disclose records --format csv -o record.csv     one row per activity (the default format)
  disclose records --format json -o record.json   for tools
  disclose records --controller helpwise-ltd --format pdf -o ltd.pdf

--format defaults to the extension of -o (.csv, .json, .pdf), else csv; a PDF
is written only to a file. --controller keeps one controller's own record
(each controller keeps its own, Art. 30(1)).

What the record lacks (its own rules, ROPA-*, never the notices') is printed
as disclose check prints problems, with the rule and citation.

Exit status: 0 when the record is complete (warnings allowed); 1 when the data
has errors (nothing is written) or the record lacks what Art. 30(1) requires
(the record is still written, so the gaps can be read); 2 when it could not
run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				switch strings.ToLower(filepath.Ext(out)) {
				case ".json":
					format = "json"
				case ".pdf":
					format = "pdf"
				default:
					format = "csv"
				}
			}
			if format != "csv" && format != "json" && format != "pdf" {
				return fmt.Errorf("--format %q: use csv, json or pdf", format)
			}
			if format == "pdf" && out == "" {
				return fmt.Errorf("--format pdf needs -o FILE: a PDF is not written to the terminal")
			}
			src, opts, err := g.input(cmd, "recording")
			if err != nil {
				return err
			}
			rec, diags := compiler.Records(src.fsys, src.dir, opts)
			// Printed as check prints them, each with its line quoted.
			p := &diag.Printer{Format: diag.Text, Source: func(file string) ([]byte, bool) {
				b, err := fs.ReadFile(src.fsys, file)
				return b, err == nil
			}}
			if err := p.Print(cmd.ErrOrStderr(), diags); err != nil {
				return err
			}
			if rec == nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; no record written\n", src.dir, diag.Summary(diags))
				return exitError{exitProblem}
			}
			if controller != "" {
				var ids []string
				for _, c := range rec.Controllers {
					ids = append(ids, c.ID)
				}
				if rec = rec.ForController(controller); rec == nil {
					return fmt.Errorf("--controller %q: not a controller in the data (controllers: %s)", controller, strings.Join(ids, ", "))
				}
			}
			var b []byte
			switch format {
			case "json":
				if b, err = rec.JSON(); err != nil {
					return err
				}
			case "csv":
				var buf bytes.Buffer
				if err := rec.CSV(&buf); err != nil {
					return err
				}
				b = buf.Bytes()
			case "pdf":
				var unsupported []pdf.Unsupported
				b, unsupported, err = pdf.Render(rec.Document(), pdf.Options{Language: "en-GB", Paper: paper, Version: "data " + rec.Source.DataSHA256[:12]})
				if err != nil {
					return err
				}
				for _, u := range unsupported {
					fmt.Fprintf(cmd.ErrOrStderr(), "disclose: warning: the PDF cannot draw %q (%d times, in %s: %q)\n", u.Char, u.Count, u.Section, u.Context)
				}
			}
			if out == "" {
				_, err = cmd.OutOrStdout().Write(b)
			} else {
				err = writeFileAtomic(out, b)
			}
			if err != nil {
				return err
			}
			if out != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%s, %d activities)\n", out, format, len(rec.Activities))
			}
			if diags.HasErrors() {
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: the record lacks what Art. 30(1) requires: %s\n", diag.Summary(diags))
				return exitError{exitProblem}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "output `format`: csv, json or pdf (default: from -o's extension, else csv)")
	cmd.Flags().StringVarP(&out, "out", "o", "", "write the record to this `file` (default: standard output; required for pdf)")
	cmd.Flags().StringVar(&controller, "controller", "", "only this controller's own record: an `entity` id")
	cmd.Flags().StringVar(&paper, "paper", "a4", "the PDF's paper `size`: a4 or letter")
	g.asOfFlag(cmd)
	return cmd
}
