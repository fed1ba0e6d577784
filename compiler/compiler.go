// Package compiler turns a privacy programme's data files into published
// privacy notices. It is a facade over the stages, each its own package:
//
//	load   YAML files -> model.Project, with positions      (package load)
//	check  cross-references and rule packs -> diagnostics    (package check)
//
// Later stages (compile, render, publish) are added in the same shape: one
// package each, fed by the one before.
package compiler

import (
	"io/fs"

	"github.com/disclose-dev/disclose/compiler/check"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Check loads the data folder dir of fsys (rooted at the project root) and
// checks it. It returns the project, partial when the data is broken, and
// every diagnostic of both stages, sorted; the data is publishable when the
// list has no errors.
func Check(fsys fs.FS, dir string) (*model.Project, diag.List) {
	proj, diags := load.Load(fsys, dir)
	diags.Append(check.Check(proj)...)
	diags.Sort()
	return proj, diags
}
