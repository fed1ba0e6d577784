package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler/schema"
)

//go:embed all:scaffold
var scaffold embed.FS

// toolsMod is tools/disclose/go.mod: disclose pinned at version, or, for a
// version no go.mod can name (a development build), unpinned until the
// first make resolves the latest release (go mod tidy) and pins it.
func toolsMod(version string) []byte {
	var b strings.Builder
	b.WriteString("// disclose, pinned: the Makefile builds this version into bin/ and every\n")
	b.WriteString("// workflow uses it. Dependabot (.github/dependabot.yml) proposes updates.\n")
	b.WriteString("module privacy.local/tools/disclose\n\ngo 1.26\n\ntool github.com/disclose-dev/disclose/cmd/disclose\n")
	if pinnable(version) {
		b.WriteString("\nrequire github.com/disclose-dev/disclose " + version + "\n")
	}
	return []byte(b.String())
}

// scaffoldFiles returns every file disclose init writes, by slash path,
// with disclose pinned at version.
func scaffoldFiles(version string) (map[string][]byte, error) {
	files := map[string][]byte{}
	add := func(fsys fs.FS, root, prefix string, rename func(string) string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			files[path.Join(prefix, rename(rel))] = b
			return nil
		})
	}
	// Names embed cannot hold: dotfiles, and go.mod files, which would make
	// the scaffold a module of its own.
	dot := func(p string) string {
		for _, n := range []string{"gitignore", "github"} {
			if p == n || strings.HasPrefix(p, n+"/") {
				return "." + p
			}
		}
		return strings.TrimSuffix(p, ".txt")
	}
	same := func(p string) string { return p }
	if err := add(scaffold, "scaffold", "", dot); err != nil {
		return nil, err
	}
	if err := add(disclose.Theme, ".", "themes/disclose", same); err != nil {
		return nil, err
	}
	files["tools/disclose/go.mod"] = toolsMod(version)
	return files, nil
}

func newInitCmd(g *globals) *cobra.Command {
	version := toolVersion()
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new project: starter data, theme, Makefile and CI workflow",
		Long: `Init writes a new disclose project into DIR (default: the current folder):
commented starter data files in data/ (each points at the JSON Schema, so
editors complete keys and flag mistakes: the schema's published address,
` + schema.ID + `), the
default theme in themes/disclose, Hugo pinned in tools/hugo and disclose in
tools/disclose (this disclose's version, or --disclose-version), a Makefile
that builds the pinned disclose, and GitHub files: a workflow that publishes
the site on merge and daily, one that reviews pull requests (check
annotations, one comment with what changes for readers, and a sign-off
status for material changes), and a Dependabot file that keeps the pins
current. Both workflows run the same pinned disclose.

It never overwrites: if any of those files exists, it writes nothing and says
which. Then:

  disclose check      see what your notices still need
  disclose serve      preview them while you edit
  disclose build      build the website into public/`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := g.dir
			if len(args) == 1 {
				dir = filepath.Join(g.dir, args[0])
				if filepath.IsAbs(args[0]) {
					dir = args[0]
				}
			}
			if !pinnable(version) && cmd.Flags().Changed("disclose-version") {
				return fmt.Errorf("--disclose-version %q: give a release such as v1.4.0", version)
			}
			files, err := scaffoldFiles(version)
			if err != nil {
				return err
			}
			names := make([]string, 0, len(files))
			for n := range files {
				names = append(names, n)
			}
			sort.Strings(names)
			var exist []string
			for _, n := range names {
				if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n))); err == nil {
					exist = append(exist, n)
				}
			}
			if len(exist) > 0 {
				if len(exist) > 5 {
					exist = append(exist[:5], fmt.Sprintf("and %d more", len(exist)-5))
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "disclose: %s already has %s; nothing was written\n", dir, strings.Join(exist, ", "))
				return exitError{exitProblem}
			}
			for _, n := range names {
				p := filepath.Join(dir, filepath.FromSlash(n))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(p, files[n], 0o644); err != nil {
					return err
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Created a disclose project in %s (%d files).\n", dir, len(names))
			if pinnable(version) {
				fmt.Fprintf(cmd.OutOrStdout(), "disclose is pinned at %s in tools/disclose/go.mod.\n", version)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "This disclose (%s) is not a release, so tools/disclose/go.mod pins none yet: the first make pins the latest.\n", version)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Next: edit data/*.yaml, then run make check, make preview and make site; commit tools/disclose/go.sum after the first.\n")
			return nil
		},
	}
	cmd.Flags().StringVar(&version, "disclose-version", version, "the disclose `version` to pin in tools/disclose/go.mod (default: this one's, when it is a release)")
	return cmd
}
