package jurisdiction

import (
	"reflect"
	"slices"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// RequiredRules lists the rules of the project's legal-requirements
// reference that a pack's law asks for, as a section (required_rules:) of
// the pack's reference data: what its requirements must implement, so the
// rules still missing can be counted and named.
type RequiredRules struct {
	Pos diag.Pos `yaml:"-"`
	// The date the list was last checked against the reference.
	AsOf model.Date `yaml:"as_of" validate:"required,date"`
	// The law the rules come from, as the README's coverage table names it
	// ("US state privacy laws"); a rule may name its own (RuleRef.Law).
	Law string `yaml:"law"`
	// The rules, by id.
	Rules []*RuleRef `yaml:"rules" validate:"required,min=1,dive"`
}

// RuleRef names one rule of the reference.
type RuleRef struct {
	Pos diag.Pos `yaml:"-"`
	// The rule id, e.g. GDPR-13-1-a.
	ID string `yaml:"id" validate:"required"`
	// Its legal source, as the reference cites it.
	Citation string `yaml:"citation" validate:"required"`
	// The law it comes from, when not the list's.
	Law string `yaml:"law"`
}

// LawOf returns the law the rule id of the list comes from (its own, else
// the list's), or "".
func (r *RequiredRules) LawOf(id string) string {
	if r == nil {
		return ""
	}
	for _, x := range r.Rules {
		if x != nil && x.ID == id && x.Law != "" {
			return x.Law
		}
	}
	return r.Law
}

// RequiredOf returns the rules pack's reference data says its law asks for
// (a *RequiredRules field of its extension of model.Reference), or nil.
func RequiredOf(ref *model.Reference, pack string) *RequiredRules {
	if ref == nil {
		return nil
	}
	x := reflect.ValueOf(ref.Ext[pack])
	if x.Kind() != reflect.Pointer || x.IsNil() || x.Elem().Kind() != reflect.Struct {
		return nil
	}
	for i := 0; i < x.Elem().NumField(); i++ {
		if r, ok := x.Elem().Field(i).Interface().(*RequiredRules); ok {
			return r
		}
	}
	return nil
}

// Coverage counts a pack's BLOCK rules against its reference list.
type Coverage struct {
	// Required is the number of rules the reference lists for the pack.
	Required int
	// Checked are the listed rules a requirement checks against the data;
	// Attested those checked by the team's sign-off alone (reviews[]: form
	// and placement no data can show), a subset of Checked; Disclosed those
	// the notice discloses from data the model requires (no check of their
	// own); Missing those no pack implements.
	Checked, Attested, Disclosed []string
	Missing                      []string
}

// CoverageOf compares the rules a pack's reference data lists with the
// BLOCK requirements of every registered pack (a rule may be implemented by
// another pack: the global policy's CalOPPA rules, say).
func CoverageOf(req *RequiredRules, packs []Jurisdiction) Coverage {
	impl := map[string]*Requirement{}
	for _, j := range packs {
		for _, q := range j.Requirements() {
			if q.Severity == diag.Error {
				impl[q.ID] = q
				for _, id := range q.Covers {
					impl[id] = q
				}
			}
		}
	}
	var c Coverage
	if req == nil {
		return c
	}
	for _, r := range req.Rules {
		c.Required++
		switch q, ok := impl[r.ID]; {
		case !ok:
			c.Missing = append(c.Missing, r.ID)
		case q.Checks() || q.AtRelease:
			c.Checked = append(c.Checked, r.ID)
			if slices.Equal(q.Data, []string{"reviews"}) {
				c.Attested = append(c.Attested, r.ID)
			}
		default:
			c.Disclosed = append(c.Disclosed, r.ID)
		}
	}
	return c
}

// RequiredSection is the reference data of a pack that ships no other
// facts: its required_rules: section (the eu pack's has its dated lists
// beside it).
type RequiredSection struct {
	// The rules of the legal-requirements reference the pack's law asks for.
	RequiredRules *RequiredRules `yaml:"required_rules" validate:"required"`
}

// Attested returns the check of a rule no data can prove (the notices'
// form or placement): the team's sign-off of it (reviews[] naming the rule,
// model.Review), made on or before the notices' date and at most 12
// months before it.
func Attested(ruleID, what string) func(c *Context, r *Report) {
	return func(c *Context, r *Report) {
		var latest *model.Review
		at := -1
		for i, rv := range c.Project.Reviews {
			if rv != nil && rv.Rule == ruleID && rv.ReviewedAt.Valid() && rv.ReviewedAt <= c.Date && (latest == nil || rv.ReviewedAt > latest.ReviewedAt) {
				latest, at = rv, i
			}
		}
		hint := "add to reviews: an entry with rule: " + ruleID + ", reviewed_by:, reviewed_at: and what: (" + what + ")"
		switch {
		case latest == nil:
			r.Missing("reviews", hint, "no one has signed off %s: %s; no data can show it, so the team's review is required", ruleID, what)
		case latest.ReviewedAt.DaysUntil(c.Date) > 365:
			r.Missing(model.Index("reviews", at)+".reviewed_at", "review it again and update reviewed_at:",
				"the sign-off of %s is from %s, more than 12 months before %s", ruleID, latest.ReviewedAt, c.Date)
		}
	}
}

// RequiredExtension declares a pack's reference data when it holds only its
// required_rules: section (RequiredSection).
func RequiredExtension(pack string) *model.Extension {
	return &model.Extension{Pack: pack, On: reflect.TypeOf(model.Reference{}), Type: reflect.TypeOf(RequiredSection{})}
}
