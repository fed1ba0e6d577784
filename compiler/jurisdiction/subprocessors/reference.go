package subprocessors

import (
	"embed"
	"io/fs"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
)

// The pack's reference data (reference/*.yaml): the rules of the legal
// requirements reference its law asks for.
//
//go:embed reference/*.yaml
var referenceFS embed.FS

// ReferenceData implements jurisdiction.ReferenceHolder: the folder
// "reference" of the returned file system.
func (*Pack) ReferenceData() fs.FS { return referenceFS }

// referenceExtension declares the pack's reference data.
var referenceExtension = j.RequiredExtension(ID)
