// Package disclose holds what the disclose tool embeds: the sample company's
// data files, the default data set every command uses when a project has no
// data/ folder of its own.
package disclose

import "embed"

// Sample is the sample company's data, at data/*.yaml.
//
//go:embed data/*.yaml
var Sample embed.FS
