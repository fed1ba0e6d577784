package subprocessors

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// ChangeTerms are the pack's own data: the terms on which customers are told
// of new sub-processors, written in changes: beside the core keys.
type ChangeTerms struct {
	// Whether customers give general or specific authorisation for new
	// sub-processors (GDPR Art. 28(2)).
	SubprocessorAuthorisation string `yaml:"subprocessor_authorisation" validate:"omitempty,oneof=general specific"`
	// Days of notice before a new sub-processor is used.
	SubprocessorNoticeDays int `yaml:"subprocessor_notice_days" validate:"omitempty,min=0,max=365"`
	// How customers object to a new sub-processor.
	SubprocessorObjection model.Markdown `yaml:"subprocessor_objection"`
	// Where customers subscribe to sub-processor changes.
	SubprocessorSubscribeURL string `yaml:"subprocessor_subscribe_url" validate:"omitempty,http_url"`
}

// Extensions implements jurisdiction.Extender: the pack's own data.
func (*Pack) Extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Changes{}), Type: reflect.TypeOf(ChangeTerms{}), Doc: func(k string) string { return docs[k] }},
	}
}

// Terms returns the project's sub-processor change terms (zero when it
// gives none).
func Terms(p *model.Project) *ChangeTerms {
	if p != nil && p.Changes != nil {
		if t := model.ExtOf[ChangeTerms](p.Changes.Ext, ID); t != nil {
			return t
		}
	}
	return &ChangeTerms{}
}
