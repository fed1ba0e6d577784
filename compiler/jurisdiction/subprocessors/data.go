package subprocessors

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../internal/docgen/gen

// ChangeTerms are the pack's own data: the terms on which customers are told
// of new sub-processors, written in changes: beside the core keys.
type ChangeTerms struct {
	// Whether customers authorise new sub-processors in general or one by
	// one (GDPR Art. 28(2)):
	//   - general: a general written authorisation; customers are told of
	//     each new sub-processor and may object
	//   - specific: a specific authorisation of each new sub-processor
	SubprocessorAuthorisation string `yaml:"subprocessor_authorisation" validate:"omitempty,oneof=general specific"`
	// Days of notice before a new sub-processor is used.
	SubprocessorNoticeDays int `yaml:"subprocessor_notice_days" validate:"omitempty,min=0,max=365"`
	// How customers object to a new sub-processor.
	SubprocessorObjection model.Markdown `yaml:"subprocessor_objection"`
	// Where customers subscribe to sub-processor changes.
	SubprocessorSubscribeURL string `yaml:"subprocessor_subscribe_url" validate:"omitempty,http_url"`
}

// OrganizationFacts say whether the organisation is a processor for its
// business customers.
type OrganizationFacts struct {
	// Whether the organisation processes personal data on behalf of
	// business customers, as their processor (GDPR Art. 28), and so
	// publishes its sub-processor list for them. When no, its processors
	// are recipients the privacy policy describes, and no sub-processor
	// list is published; when not stated, the list is published whenever
	// processors are listed.
	ProcessorForCustomers model.Answer `yaml:"processor_for_customers"`
}

// ProcessorFacts say whether a processor is a sub-processor of customers'
// data.
type ProcessorFacts struct {
	// Whether the processor processes personal data that the organisation
	// processes on behalf of its business customers (a sub-processor, on
	// the sub-processor list). When no, it works only for the
	// organisation's own purposes, and the privacy policy names it; when
	// not stated, it is listed.
	CustomerData model.Answer `yaml:"customer_data"`
	// For customers' data, which we process as their processor: the
	// safeguard of its transfer to this sub-processor, when it is outside
	// the EEA (an onward transfer, GDPR Arts. 28(4), 44 and 46). Not the
	// safeguard of our own data: with the Commission's clauses that is
	// module 2, with customers' data module 3 (processor to processor).
	Onward *Onward `yaml:"onward"`
	// The page where the sub-processor lists its own sub-processors, the
	// next links of the chain customers may ask about (EDPB Opinion
	// 22/2024, paras. 31-32).
	ListURL string `yaml:"list_url" validate:"omitempty,http_url"`
}

// Onward is the safeguard of the transfer of customers' data to a
// sub-processor.
type Onward struct {
	Pos diag.Pos `yaml:"-"`
	// The company of the group that transfers the data (the exporter), by
	// entity id.
	Exporter string `yaml:"exporter" validate:"required,id" ref:"organization.entities"`
	// Transfer tool for customers' EU data, as in transfers[].mechanism:
	//   - ADEQUACY: an adequacy decision of the European Commission (GDPR
	//     Art. 45)
	//   - EU_US_DPF: the EU-U.S. Data Privacy Framework
	//   - SCC_2021_914: the Standard Contractual Clauses of 2021 (Commission
	//     Implementing Decision (EU) 2021/914); give scc_module
	//   - BCR: binding corporate rules (GDPR Art. 47)
	//   - CODE_OF_CONDUCT: an approved code of conduct with binding
	//     commitments (Art. 46(2)(e))
	//   - CERTIFICATION: an approved certification mechanism with binding
	//     commitments (Art. 46(2)(f))
	Mechanism string `yaml:"mechanism" validate:"required,oneof=ADEQUACY EU_US_DPF SCC_2021_914 BCR CODE_OF_CONDUCT CERTIFICATION"`
	// SCC module, with SCC_2021_914: 3 (processor to processor).
	SCCModule int `yaml:"scc_module" validate:"required_if=Mechanism SCC_2021_914,omitempty,eq=3"`
	// Transfer tool for customers' UK data, as in transfers[].uk_mechanism:
	//   - UK_ADEQUACY_REGS: UK adequacy regulations (UK GDPR Art. 45A)
	//   - UK_IDTA: the UK International Data Transfer Agreement
	//   - UK_ADDENDUM: the UK Addendum to the European Commission's Standard
	//     Contractual Clauses
	//   - UK_BCR: binding corporate rules approved by the Information
	//     Commissioner
	UKMechanism string `yaml:"uk_mechanism" validate:"omitempty,oneof=UK_ADEQUACY_REGS UK_IDTA UK_ADDENDUM UK_BCR"`
}

// Extensions implements jurisdiction.Extender: the pack's own data.
func (*Pack) Extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Processor{}), Type: reflect.TypeOf(ProcessorFacts{}), Doc: func(k string) string { return docs[k] }},
		{Pack: ID, On: reflect.TypeOf(model.Organization{}), Type: reflect.TypeOf(OrganizationFacts{}), Doc: func(k string) string { return docs[k] }},
		{Pack: ID, On: reflect.TypeOf(model.Changes{}), Type: reflect.TypeOf(ChangeTerms{}), Doc: func(k string) string { return docs[k] }},
		referenceExtension,
	}
}

// Terms returns the project's sub-processor change terms (zero when it
// gives none).
func Terms(p *model.Project) *ChangeTerms {
	if p == nil || p.Changes == nil {
		return &ChangeTerms{}
	}
	return model.ExtOrZero[ChangeTerms](p.Changes.Ext, ID)
}

// Listed reports whether a processor is on the sub-processor list: it
// processes customers' data (processors[].customer_data is not no).
func Listed(pr *model.Processor) bool {
	f := model.ExtOf[ProcessorFacts](pr.Ext, ID)
	return f == nil || !f.CustomerData.IsNo()
}

// processorForCustomers is organization.processor_for_customers.
func processorForCustomers(p *model.Project) model.Answer {
	if p != nil && p.Organization != nil {
		if f := model.ExtOf[OrganizationFacts](p.Organization.Ext, ID); f != nil {
			return f.ProcessorForCustomers
		}
	}
	return ""
}

// Processor returns the pack's facts of a processor (zero when it has none).
func Processor(pr *model.Processor) *ProcessorFacts {
	return model.ExtOrZero[ProcessorFacts](pr.Ext, ID)
}
