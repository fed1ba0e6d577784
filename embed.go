// Package disclose holds what the disclose tool embeds: the sample company's
// data files (what --sample reads), and the default site theme.
package disclose

import (
	"embed"
	"io/fs"
)

// Sample is the sample company's data: everything under data/ (files whose
// names start with a dot or an underscore are left out, as go:embed does).
//
//go:embed data
var Sample embed.FS

//go:embed all:themes/disclose
var themeFS embed.FS

// Theme is the default site theme (layouts/ and static/), the files of
// themes/disclose.
var Theme = mustSub(themeFS, "themes/disclose")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the directory is embedded above: cannot happen
	}
	return sub
}
