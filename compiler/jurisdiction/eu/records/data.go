package records

import (
	"reflect"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

//go:generate go run ../../../internal/docgen/gen

// The record's own data: the facts an Art. 30 record needs that no notice
// does, in a top-level section of its own. The loader decodes it beside the
// core sections (model.Extension); only this package knows its type. Its
// validation tags ask only for well-formed values: what Art. 30(1) asks the
// record to contain is judged by this package's rules (Check), so a project
// whose record is incomplete still checks and publishes its notices.

// Sections are the top-level sections the record adds to the data files.
type Sections struct {
	// The record of processing activities (GDPR Art. 30(1), UK GDPR Art.
	// 30(1)): the facts it needs beyond the notices' data. "disclose
	// records" compiles the record from this section and the notices' data.
	Records *Records `yaml:"records"`
}

// Records holds the facts of the record of processing activities that the
// notices do not need.
type Records struct {
	Pos diag.Pos `yaml:"-"`
	// Who keeps the record and gives it to a supervisory authority that
	// asks for it (Art. 30(4)): a name and a way to reach them.
	Owner *model.Contact `yaml:"owner"`
	// Whether the record is published on the site beside the notices: no
	// (the default) keeps it an internal document, given to a supervisory
	// authority on request (Art. 30(4)).
	Publish model.Answer `yaml:"publish"`
	// The systems that hold personal data, each with the purposes it serves
	// and its technical and organisational security measures (Art.
	// 30(1)(g), Art. 32(1)). Every purpose must be held in at least one.
	Systems []*System `yaml:"systems" validate:"dive"`
	// The contact details of the joint controllers among the recipients
	// (recipients whose GDPR role is joint_controller, Art. 26), which the
	// notices name only by category (Art. 30(1)(a)).
	JointControllers []*JointController `yaml:"joint_controllers" validate:"dive"`
	// For transfers on the compelling legitimate interests of the second
	// subparagraph of Art. 49(1) (mechanism ART49_1_COMPELLING_LI): the
	// documentation of the assessment and of the suitable safeguards
	// (Art. 30(1)(e), Art. 49(6)).
	TransferDocumentation []*TransferDocumentation `yaml:"transfer_documentation" validate:"dive"`
	// Organisational measures that apply to every system, beyond the
	// security statement's measures (security.measures), e.g. "Data
	// protection impact assessments before new high-risk processing".
	Measures []string `yaml:"measures" validate:"dive,required"`
}

// System is a system, application or store that holds personal data.
type System struct {
	Pos diag.Pos `yaml:"-"`
	// Identifier used to refer to this system.
	ID string `yaml:"id" validate:"required,id"`
	// Name, e.g. "Helpwise application (production)".
	Name string `yaml:"name" validate:"required"`
	// What the system is and what it holds.
	Description model.Markdown `yaml:"description"`
	// The purposes whose data the system holds.
	Purposes []string `yaml:"purposes" validate:"dive,id" ref:"purposes"`
	// The processors that run it for the organisation, if any.
	Processors []string `yaml:"processors" validate:"dive,id" ref:"processors"`
	// Countries where its data is stored, as ISO 3166-1 alpha-2 codes.
	Locations []string `yaml:"locations" validate:"dive,country"`
	// Its technical and organisational security measures, in general terms
	// (Art. 30(1)(g)), e.g. "Encryption at rest with AES-256".
	Measures []string `yaml:"measures" validate:"dive,required"`
}

// JointController is the contact details of joint controllers in a
// recipient category.
type JointController struct {
	Pos diag.Pos `yaml:"-"`
	// The recipient category (whose GDPR role is joint_controller).
	Recipient string `yaml:"recipient" validate:"required,id" ref:"recipients"`
	// Each joint controller in the category: its name and contact details.
	Contacts []*model.Contact `yaml:"contacts" validate:"dive"`
}

// TransferDocumentation documents a transfer on compelling legitimate
// interests (GDPR Art. 49(1), second subparagraph).
type TransferDocumentation struct {
	Pos diag.Pos `yaml:"-"`
	// The transfer, by id.
	Transfer string `yaml:"transfer" validate:"required,id" ref:"transfers"`
	// The assessment of the circumstances of the transfer and the suitable
	// safeguards it relies on (Art. 49(6)).
	Safeguards model.Markdown `yaml:"safeguards"`
}

// ID names the record's facts in model.Ext (the key of its top-level
// section).
const ID = "records"

// PublishPath is the data path of the setting that publishes the record on
// the site (records.publish).
const PublishPath = ID + ".publish"

// Files is where a site publishes the record of processing activities when
// the data says so (records.publish: yes), from the site's root; by default
// it is not published.
var Files = struct{ CSV, JSON, PDF string }{
	CSV:  ID + "/record-of-processing-activities.csv",
	JSON: ID + "/record-of-processing-activities.json",
	PDF:  ID + "/record-of-processing-activities.pdf",
}

// Extensions returns the record's own data, for the facade to register
// beside the rule packs' (load, check, the JSON Schema and the data
// reference treat it like theirs).
func Extensions() model.Extensions {
	return model.Extensions{
		{Pack: ID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(Sections{}), Doc: doc},
	}
}

func doc(key string) string { return docs[key] }

// Of returns the record's own data, or nil when the data has no records:
// section.
func Of(p *model.Project) *Records {
	if p == nil {
		return nil
	}
	if s := model.ExtOf[Sections](p.Ext, ID); s != nil {
		return s.Records
	}
	return nil
}
