package site

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/notice"
)

// A published table's CSV keeps every cell as text: a cell a spreadsheet
// would run as a formula gets a leading apostrophe (OWASP's advice on CSV
// injection), Markdown is read as text, ragged rows are padded; its JSON
// has the cells as they read, without the apostrophes.
func TestTableExportFiles(t *testing.T) {
	e := export{name: "subprocessors", title: "Sub-processors", table: &notice.Table{
		Head: []string{"Name", "Where"},
		Rows: [][]notice.Text{
			{"=HYPERLINK(\"http://evil\")", "+1 555"},
			{"**Acme** (Acme, Inc.)", "-x"},
			{"@SUM(A1)", ""},
			{"Short row"},
		},
	}}
	b, err := e.csvFile()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Name", "Where"}, {`'=HYPERLINK("http://evil")`, "'+1 555"}, {"Acme (Acme, Inc.)", "'-x"}, {"'@SUM(A1)", ""}, {"Short row", ""}}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i, rows[i], want[i])
		}
	}
	if !strings.HasSuffix(string(b), "\r\n") {
		t.Error("CSV lines do not end in CRLF")
	}
	j, err := e.jsonFile("subprocessors", &Page{Doc: &notice.Document{Effective: "2027-01-04"}, Version: "2027-01-04"})
	if err != nil {
		t.Fatal(err)
	}
	var got exportJSON
	if err := json.Unmarshal(j, &got); err != nil {
		t.Fatal(err)
	}
	if got.Rows[0][0] != `=HYPERLINK("http://evil")` || got.Rows[3][1] != "" || got.Version != "2027-01-04" || len(got.Columns) != 2 {
		t.Errorf("JSON %+v", got)
	}
}
