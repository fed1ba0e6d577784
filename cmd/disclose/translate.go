package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/translate"
)

func newTranslateCmd(g *globals) *cobra.Command {
	var write bool
	cmd := &cobra.Command{
		Use:   "translate LANGUAGE",
		Short: "Report, or write, the translations a language's notices need",
		Long: `Translate says how far the team's own words (prose sections, names,
descriptions, examples) are translated into LANGUAGE (de, fr) for the notices
published in it (notices.ID.languages): how many texts have a current
translation, how many are stale (the English changed since they were
translated) and how many are missing.

With --write it updates data/translations/LANGUAGE.yaml, keeping every
current translation as it is, putting the English as it now reads above each
stale one (with the source hash to set once it is translated again), and
adding each missing text with its English and todo: true, which is never
published: translate the text, then remove the todo line. Translations of
texts the notices no longer publish are kept at the end, for reuse.

The sentences disclose writes itself come from the rule packs' message
catalogues (compiler/jurisdiction/PACK/messages/LANGUAGE.yaml), not from
this file.

Exit status: 0 when every text has a current translation (or after --write),
1 when some are stale or missing, 2 when the data cannot be read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := locale.Parse(args[0])
			if err != nil {
				return err
			}
			if locale.Is(lang, "en") {
				return fmt.Errorf("English is the language the data is written in: name another language (%s)", strings.Join(slices.DeleteFunc(locale.Supported(), func(c string) bool { return c == "en" }), ", "))
			}
			src, opts, err := g.input(cmd, "translating")
			if err != nil {
				return err
			}
			units, file, diags := compiler.TranslationTexts(src.fsys, src.dir, opts, lang)
			if diags.HasErrors() {
				p := &diag.Printer{Format: diag.Text}
				if err := p.Print(cmd.ErrOrStderr(), diags); err != nil {
					return err
				}
				fmt.Fprintln(cmd.ErrOrStderr(), "disclose: the data has errors: fix them first (disclose check)")
				return exitError{exitProblem}
			}
			code := locale.Code(lang)
			rel := path.Join(src.dir, load.TranslationsDir, code+".yaml")
			out, st := translate.Write(code, units, file)
			if len(units) == 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "no notice is published in %s: list %s in notices.ID.languages\n", locale.English(lang), code)
				return nil
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d texts to translate: %d current, %d stale, %d missing", rel, len(units), st.Current, st.Stale, st.Missing)
			if st.Names > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "; %d names shown as written", st.Names)
			}
			if st.Unused > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "; %d translations no notice publishes", st.Unused)
			}
			fmt.Fprintln(cmd.OutOrStdout())
			if write {
				if src.embedded {
					return fmt.Errorf("--write cannot write into the built-in sample")
				}
				name := filepath.Join(g.dir, filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					return err
				}
				if err := writeFileAtomic(name, out); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", rel)
				return nil
			}
			if st.Stale+st.Missing > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: %d texts need translating (disclose translate %s --write adds them to %s)\n", st.Stale+st.Missing, code, rel)
				return exitError{exitProblem}
			}
			return nil
		},
	}
	g.asOfFlag(cmd)
	cmd.Flags().BoolVar(&write, "write", false, "update data/translations/LANGUAGE.yaml: add the missing texts (todo: true), mark the stale ones")
	return cmd
}
