package records

import (
	"embed"
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// The record's reference data (reference/rules.yaml): the points of Art.
// 30(1) in the official wording, with their citations and sources, and the
// rules this package judges the data by.
//
//go:embed reference/*.yaml
var referenceFS embed.FS

// ReferenceData returns the record's reference data: the folder
// "reference" of the returned file system, whose sections
// ReferenceExtension declares.
func ReferenceData() fs.FS { return referenceFS }

// ReferenceExtension declares the record's reference data, loaded as
// load.Reference loads the packs'.
var ReferenceExtension = &model.Extension{Pack: ID, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(ReferenceSections{}), Doc: doc}

// ReferenceSections are the sections of the record's reference data.
type ReferenceSections struct {
	// The points of Art. 30(1) and the record's rules.
	Rules *RuleSet `yaml:"record_rules" validate:"required"`
}

// RuleSet is the list of the record's rules.
type RuleSet struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against its sources.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// Where the wording comes from.
	Sources []*SourceRef `yaml:"sources" validate:"required,min=1,dive"`
	// The rules, by id.
	Rules []*Rule `yaml:"rules" validate:"required,min=1,dive"`
}

// SourceRef is a source of the reference data.
type SourceRef struct {
	Pos diag.Pos `yaml:"-"`
	// What it is.
	Name string `yaml:"name" validate:"required"`
	// Where it is published.
	URL string `yaml:"url" validate:"required,http_url"`
}

// Rule is a point of Art. 30 and, when it has a severity, the check of the
// data the record makes for it.
type Rule struct {
	Pos diag.Pos `yaml:"-"`
	// The rule's id, e.g. ROPA-30-1-g.
	ID string `yaml:"id" validate:"required"`
	// The provisions, e.g. "GDPR Art. 30(1)(g); UK GDPR Art. 30(1)(g)".
	Citation string `yaml:"citation" validate:"required"`
	// The words of the law.
	Text string `yaml:"text" validate:"required"`
	// error (what Art. 30(1) requires) or warning (a "where possible" point
	// the data meets only in part); empty for a point the core model always
	// meets.
	Severity string `yaml:"severity" validate:"omitempty,oneof=error warning"`
	// What the check asks of the data, in a sentence.
	Summary string `yaml:"summary" validate:"required"`
}

// rules returns the record's rules as loaded into ref, or nil.
func rules(ref *model.Reference) *RuleSet {
	if ref == nil {
		return nil
	}
	if s := model.ExtOf[ReferenceSections](ref.Ext, ID); s != nil {
		return s.Rules
	}
	return nil
}

// Rules returns the record's rules as loaded into ref (nil when they are
// not), for the README's table and for the document's citations.
func Rules(ref *model.Reference) []*Rule {
	if s := rules(ref); s != nil {
		return s.Rules
	}
	return nil
}

// RulesTable returns the record's rules as loaded into ref as a Markdown
// table, for the README: each rule's id, citation, severity, what it asks
// of the data, and the words of the law; then the sources of the wording.
func RulesTable(ref *model.Reference) string {
	set := rules(ref)
	if set == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("| rule | citation | severity | what the data must give | the law says |\n|---|---|---|---|---|\n")
	cell := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`) }
	for _, r := range set.Rules {
		sev := r.Severity
		if sev == "" {
			sev = "(always met by the core data)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, cell(r.Citation), sev, cell(r.Summary), cell("“"+r.Text+"”"))
	}
	var srcs []string
	for _, s := range set.Sources {
		srcs = append(srcs, "["+s.Name+"]("+s.URL+")")
	}
	fmt.Fprintf(&b, "\nSources (checked %s): %s.\n", set.AsOf.Long(), strings.Join(srcs, "; "))
	return b.String()
}
