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
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/schema"
)

//go:embed all:scaffold
var scaffold embed.FS

// scaffoldFiles returns every file disclose init writes, by slash path.
func scaffoldFiles() (map[string][]byte, error) {
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
	js, err := schema.JSON(compiler.SchemaOptions())
	if err != nil {
		return nil, err
	}
	files["schema/disclose.schema.json"] = js
	return files, nil
}

func newInitCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new project: starter data, theme, Makefile and CI workflow",
		Long: `Init writes a new disclose project into DIR (default: the current folder):
commented starter data files in data/ (each points at the JSON Schema, so
editors complete keys and flag mistakes), schema/disclose.schema.json, the
default theme in themes/disclose, Hugo pinned in tools/hugo, a Makefile and a
GitHub Actions workflow that publishes the site on merge.

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
			files, err := scaffoldFiles()
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
			fmt.Fprintf(cmd.OutOrStdout(), "Created a disclose project in %s (%d files).\nNext: edit data/*.yaml, then run disclose check, disclose serve and disclose build.\n", dir, len(names))
			return nil
		},
	}
}
