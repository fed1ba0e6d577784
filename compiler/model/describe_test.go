package model_test

import (
	"reflect"
	"testing"

	"github.com/disclose-dev/disclose/compiler/model"
)

// A rule pack's section with a list of its own items, and a field it adds
// to purposes, as a pack declares them (model.Extension).
type toySections struct {
	Toy *toySection `yaml:"toy"`
}

type toySection struct {
	Records []*TransferRecord `yaml:"records"`
}

type TransferRecord struct {
	ID           string   `yaml:"id"`
	Destinations []string `yaml:"destinations"`
}

type toyPurpose struct {
	Bases []string `yaml:"toy_bases"`
}

func project() *model.Project {
	return &model.Project{
		Organization: &model.Organization{Name: "Tinydesk", Entities: []*model.Entity{
			{ID: "tinydesk-inc", LegalName: "Tinydesk, Inc.", Address: &model.Address{City: "Springfield"}},
		}},
		Notices: map[string]*model.NoticeSettings{"global": {Title: "Privacy Policy"}},
		Purposes: []*model.Purpose{
			{ID: "service", Name: "Provide the service", Categories: []string{"contact"}},
			{ID: "security", Name: "Keep the service secure", Categories: []string{"contact", "logs"},
				Ext: model.Ext{"toy": &toyPurpose{Bases: []string{"consent"}}}},
			{Name: "No id yet"},
		},
		Cookies:  &model.Cookies{Items: []*model.Cookie{{Name: "_ga"}}},
		Rights:   &model.Rights{RequestMethods: []*model.RequestMethod{{Type: "email"}}},
		Sections: []*model.Section{{ID: "about", Title: "About us"}},
		Ext: model.Ext{"toy": &toySections{Toy: &toySection{Records: []*TransferRecord{
			{ID: "br-us", Destinations: []string{"US"}},
		}}}},
	}
}

func TestDescribe(t *testing.T) {
	p := project()
	for _, c := range []struct {
		path   string
		item   model.Item
		schema string
	}{
		// Nested items: the innermost with an id names the path.
		{"purposes[1].categories[1]", model.Item{Kind: "purpose", ID: "security", Name: "Keep the service secure", Path: "purposes[1]"}, "purposes.categories"},
		{"purposes[1]", model.Item{Kind: "purpose", ID: "security", Name: "Keep the service secure", Path: "purposes[1]"}, "purposes"},
		{"organization.entities[0].address.city", model.Item{Kind: "entity", ID: "tinydesk-inc", Name: "Tinydesk, Inc.", Path: "organization.entities[0]"}, "organization.entities.address.city"},
		// A field a pack adds to a core item, and a pack's own items.
		{"purposes[1].toy_bases[0]", model.Item{Kind: "purpose", ID: "security", Name: "Keep the service secure", Path: "purposes[1]"}, "purposes.toy_bases"},
		{"toy.records[0].destinations[0]", model.Item{Kind: "transfer record", ID: "br-us", Path: "toy.records[0]"}, "toy.records.destinations"},
		// A missing field: the item holding it still names the path.
		{"purposes[0].description", model.Item{Kind: "purpose", ID: "service", Name: "Provide the service", Path: "purposes[0]"}, "purposes.description"},
		// An item with no id field is named by its name; a map's value by its key.
		{"cookies.items[0].class", model.Item{Kind: "cookie", ID: "_ga", Path: "cookies.items[0]"}, "cookies.items.class"},
		{"notices.global.title", model.Item{Kind: "notice settings", ID: "global", Name: "Privacy Policy", Path: "notices.global"}, "notices.title"},
		{"sections[0].body", model.Item{Kind: "section", ID: "about", Name: "About us", Path: "sections[0]"}, "sections.body"},
		// No item on the path has an id: none is named.
		{"rights.request_methods[0].type", model.Item{}, "rights.request_methods.type"},
		{"purposes[2].name", model.Item{}, "purposes.name"},
		{"organization.name", model.Item{}, "organization.name"},
		{"", model.Item{}, ""},
		// Out of range, or not in the data: the schema path only.
		{"purposes[9].categories[0]", model.Item{}, "purposes.categories"},
		{"toy.records[3].id", model.Item{}, "toy.records.id"},
		{"transfers[0].mechanism", model.Item{}, "transfers.mechanism"},
		{"nosuch.key[0].x", model.Item{}, "nosuch.key.x"},
	} {
		got := p.Describe(c.path)
		if got.Item != c.item || got.Schema != c.schema {
			t.Errorf("Describe(%q) = %+v, %q; want %+v, %q", c.path, got.Item, got.Schema, c.item, c.schema)
		}
	}
	var nilProject *model.Project
	if got := nilProject.Describe("purposes[0].name"); got.Item != (model.Item{}) || got.Schema != "purposes.name" {
		t.Errorf("nil project: %+v", got)
	}
	if got, want := p.Describe("purposes[1].categories[0]").Item.Label(), `purpose "security"`; got != want {
		t.Errorf("Label = %s, want %s", got, want)
	}
}

func TestKindOf(t *testing.T) {
	for typ, want := range map[reflect.Type]string{
		reflect.TypeOf(model.Purpose{}):        "purpose",
		reflect.TypeOf(model.RequestMethod{}):  "request method",
		reflect.TypeOf(model.NoticeSettings{}): "notice settings",
		reflect.TypeOf(TransferRecord{}):       "transfer record",
		reflect.TypeOf(struct{ DPO int }{}):    "",
	} {
		if got := model.KindOf(typ); got != want {
			t.Errorf("KindOf(%v) = %q, want %q", typ, got, want)
		}
	}
	type DPO struct{}
	type EUDPOContact struct{}
	if got := model.KindOf(reflect.TypeOf(DPO{})); got != "DPO" {
		t.Errorf("KindOf(DPO) = %q", got)
	}
	if got := model.KindOf(reflect.TypeOf(EUDPOContact{})); got != "EUDPO contact" {
		t.Errorf("KindOf(EUDPOContact) = %q", got)
	}
}
