package global

import (
	"embed"
	"io/fs"
	"reflect"

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

// ReferenceSections are the sections of the pack's reference files.
type ReferenceSections struct {
	// The rules of the legal-requirements reference the pack's law asks for.
	RequiredRules *j.RequiredRules `yaml:"required_rules" validate:"required"`
}

// referenceExtension declares the pack's reference data.
var referenceExtension = &model.Extension{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{})}

// Extensions implements jurisdiction.Extender: the pack's reference data.
func (*Pack) Extensions() model.Extensions { return model.Extensions{referenceExtension} }
