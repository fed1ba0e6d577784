package global

import (
	"embed"
	"io/fs"

	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
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

// Extensions implements jurisdiction.Extender: the pack's reference data.
func (*Pack) Extensions() model.Extensions { return model.Extensions{referenceExtension} }
