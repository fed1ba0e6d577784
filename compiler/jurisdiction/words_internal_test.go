package jurisdiction

import (
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
)

// Names keep their capital when their first word is a proper adjective, a
// country, an acronym or a brand; ordinary words are lower-cased
// mid-sentence.
func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"European payment methods":         "European payment methods",
		"Payment processors":               "payment processors",
		"United States customs":            "United States customs",
		"New customers":                    "new customers",
		"Irish tax authorities":            "Irish tax authorities",
		"EU representatives":               "EU representatives",
		"HubSpot users":                    "HubSpot users",
		"Providing the service":            "providing the service",
		"Ireland-based staff":              "Ireland-based staff",
		"A":                                "A",
		"Google Analytics identifiers":     "Google Analytics identifiers",
		"Apple Pay details":                "Apple Pay details",
		"Christian beliefs":                "Christian beliefs",
		"Québec residents":                 "Québec residents",
		"Use generative AI to improve":     "use generative AI to improve",
		"Sign-in providers such as Google": "sign-in providers such as Google",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// A name that starts with a name the project gives (its organisation, an
// entity, a processor) keeps its capital.
func TestLowerFirstInKeepsTheProjectsNames(t *testing.T) {
	p := &model.Project{
		Organization: &model.Organization{Name: "Helpwise", Entities: []*model.Entity{{LegalName: "Helpwise Ltd"}}},
		Processors:   []*model.Processor{{Name: "Zendesk"}},
	}
	for in, want := range map[string]string{
		"Zendesk tickets":          "Zendesk tickets",
		"Helpwise group companies": "Helpwise group companies",
		"Service providers":        "service providers",
	} {
		if got := LowerFirstIn(&Context{Project: p}, in); got != want {
			t.Errorf("LowerFirstIn(%q) = %q, want %q", in, got, want)
		}
	}
}
