package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"

	"github.com/disclose-dev/disclose/compiler/internal/csvcell"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
)

// export is a table a notice publishes as data files too (notice.Table
// Name): NAME.csv and NAME.json beside the page of each version.
type export struct {
	name, title string
	table       *notice.Table
}

// tableExports returns the data tables of a version of notice id, as
// in.DataTables finds them; the first of a name wins.
func (in *Input) tableExports(id string, doc *notice.Document) []export {
	if in.DataTables == nil {
		return nil
	}
	var out []export
	seen := map[string]bool{}
	for _, t := range in.DataTables(id, doc) {
		if t.Table == nil || t.Name == "" || seen[t.Name] {
			continue
		}
		seen[t.Name] = true
		title := t.Title
		if title == "" {
			title = t.Name
		}
		out = append(out, export{name: t.Name, title: title, table: t.Table})
	}
	return out
}

// cells returns a table's rows as reading text, one string per column.
func (e export) cells() [][]string {
	rows := make([][]string, len(e.table.Rows))
	for i, r := range e.table.Rows {
		rows[i] = make([]string, len(e.table.Head))
		for k := range rows[i] {
			if k < len(r) {
				rows[i][k] = notice.InlineText(r[k])
			}

		}
	}
	return rows
}

// csvFile is the table as CSV (RFC 4180): a header row, then a row per
// table row, in reading text.
func (e export) csvFile() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(e.table.Head); err != nil {
		return nil, err
	}
	rows := e.cells()
	for _, r := range rows {
		for k, c := range r {
			r[k] = csvcell.Text(c) // a spreadsheet would run it as a formula
		}
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// exportJSON is the JSON form of a published table; the README documents
// it ("Machine-readable files").
type exportJSON struct {
	Notice    string     `json:"notice"`
	Version   string     `json:"version,omitempty"`
	Effective model.Date `json:"effective"`
	Title     string     `json:"title"`
	Columns   []string   `json:"columns"`
	Rows      [][]string `json:"rows"`
}

// jsonFile is the table as JSON: its columns, and each row's cells in
// their order, in reading text.
func (e export) jsonFile(noticeID string, pg *Page) ([]byte, error) {
	rows := e.cells()
	if rows == nil {
		rows = [][]string{}
	}
	b, err := json.MarshalIndent(exportJSON{Notice: noticeID, Version: pg.Version, Effective: pg.Doc.Effective,
		Title: e.title, Columns: e.table.Head, Rows: rows}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
