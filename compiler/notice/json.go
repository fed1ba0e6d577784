package notice

import (
	"encoding/json"
	"fmt"

	"github.com/disclose-dev/disclose/compiler/model"
)

// The JSON form of a Document is what a release freezes: the compiled
// notice exactly as published, so later changes to the compiler's wording
// or the site's templates never change a released version's text.

type jsonBlock struct {
	Type        string       `json:"type"`
	Text        Text         `json:"text,omitempty"`
	Ordered     bool         `json:"ordered,omitempty"`
	Items       []Text       `json:"items,omitempty"`
	Caption     string       `json:"caption,omitempty"`
	Head        []string     `json:"head,omitempty"`
	Rows        [][]Text     `json:"rows,omitempty"`
	Definitions []Definition `json:"definitions,omitempty"`
	Markdown    string       `json:"markdown,omitempty"`
	Title       string       `json:"title,omitempty"`
	Blocks      []jsonBlock  `json:"blocks,omitempty"`
	Points      []KeyPoint   `json:"points,omitempty"`
	Actions     []Action     `json:"actions,omitempty"`
}

type jsonSection struct {
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Blocks   []jsonBlock   `json:"blocks,omitempty"`
	Sections []jsonSection `json:"sections,omitempty"`
	Trace    Trace         `json:"trace"`
}

type jsonDocument struct {
	ID           string        `json:"id"`
	Title        string        `json:"title"`
	Language     string        `json:"language,omitempty"`
	Organization string        `json:"organization"`
	Effective    model.Date    `json:"effective"`
	LastUpdated  model.Date    `json:"last_updated"`
	Intro        []jsonBlock   `json:"intro,omitempty"`
	Summary      *jsonSection  `json:"summary,omitempty"`
	Sections     []jsonSection `json:"sections"`
}

func toJSONBlocks(bs []Block) []jsonBlock {
	var out []jsonBlock
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			out = append(out, jsonBlock{Type: "paragraph", Text: b.Text})
		case *List:
			out = append(out, jsonBlock{Type: "list", Ordered: b.Ordered, Items: b.Items})
		case *Table:
			out = append(out, jsonBlock{Type: "table", Caption: b.Caption, Head: b.Head, Rows: b.Rows})
		case *Definitions:
			out = append(out, jsonBlock{Type: "definitions", Definitions: b.Items})
		case *Prose:
			out = append(out, jsonBlock{Type: "prose", Markdown: b.Markdown})
		case *Aside:
			out = append(out, jsonBlock{Type: "aside", Title: b.Title, Blocks: toJSONBlocks(b.Blocks)})
		case *KeyPoints:
			out = append(out, jsonBlock{Type: "key_points", Points: b.Points})
		case *Actions:
			out = append(out, jsonBlock{Type: "actions", Actions: b.Items})
		}
	}
	return out
}

func fromJSONBlocks(js []jsonBlock) ([]Block, error) {
	var out []Block
	for _, j := range js {
		switch j.Type {
		case "paragraph":
			out = append(out, &Paragraph{Text: j.Text})
		case "list":
			out = append(out, &List{Ordered: j.Ordered, Items: j.Items})
		case "table":
			out = append(out, &Table{Caption: j.Caption, Head: j.Head, Rows: j.Rows})
		case "definitions":
			out = append(out, &Definitions{Items: j.Definitions})
		case "prose":
			out = append(out, &Prose{Markdown: j.Markdown})
		case "aside":
			inner, err := fromJSONBlocks(j.Blocks)
			if err != nil {
				return nil, err
			}
			out = append(out, &Aside{Title: j.Title, Blocks: inner})
		case "key_points":
			out = append(out, &KeyPoints{Points: j.Points})
		case "actions":
			out = append(out, &Actions{Items: j.Actions})
		default:
			return nil, fmt.Errorf("unknown block type %q", j.Type)
		}
	}
	return out, nil
}

func toJSONSections(ss []*Section) []jsonSection {
	out := []jsonSection{}
	for _, s := range ss {
		out = append(out, jsonSection{ID: s.ID, Title: s.Title, Blocks: toJSONBlocks(s.Blocks), Sections: toJSONSections(s.Sections), Trace: s.Trace})
	}
	return out
}

func fromJSONSections(js []jsonSection) ([]*Section, error) {
	var out []*Section
	for _, j := range js {
		blocks, err := fromJSONBlocks(j.Blocks)
		if err != nil {
			return nil, err
		}
		subs, err := fromJSONSections(j.Sections)
		if err != nil {
			return nil, err
		}
		out = append(out, &Section{ID: j.ID, Title: j.Title, Blocks: blocks, Sections: subs, Trace: j.Trace})
	}
	return out, nil
}

// MarshalJSON encodes d, with each block tagged by its type.
func (d *Document) MarshalJSON() ([]byte, error) {
	var summary *jsonSection
	if d.Summary != nil {
		summary = &toJSONSections([]*Section{d.Summary})[0]
	}
	return json.Marshal(jsonDocument{ID: d.ID, Title: d.Title, Language: d.Language, Organization: d.Organization, Effective: d.Effective,
		LastUpdated: d.LastUpdated, Intro: toJSONBlocks(d.Intro), Summary: summary, Sections: toJSONSections(d.Sections)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (d *Document) UnmarshalJSON(b []byte) error {
	var j jsonDocument
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	intro, err := fromJSONBlocks(j.Intro)
	if err != nil {
		return err
	}
	sections, err := fromJSONSections(j.Sections)
	if err != nil {
		return err
	}
	var summary *Section
	if j.Summary != nil {
		ss, err := fromJSONSections([]jsonSection{*j.Summary})
		if err != nil {
			return err
		}
		summary = ss[0]
	}
	*d = Document{ID: j.ID, Title: j.Title, Language: j.Language, Organization: j.Organization, Effective: j.Effective,
		LastUpdated: j.LastUpdated, Intro: intro, Summary: summary, Sections: sections}
	return nil
}
