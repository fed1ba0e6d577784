// Package disclose holds what the disclose tool embeds: the sample company's
// data files, the default data set every command uses when a project has no
// data/ folder of its own.
package disclose

import "embed"

// Sample is the sample company's data: everything under data/ (files whose
// names start with a dot or an underscore are left out, as go:embed does).
//
//go:embed data
var Sample embed.FS
