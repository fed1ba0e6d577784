package records_test

import (
	"bytes"
	"encoding/csv"
	encodingcsv "encoding/csv"
	"encoding/json"
	"github.com/disclose-dev/disclose/internal/sampletest"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu"
	"github.com/disclose-dev/disclose/compiler/jurisdiction/eu/records"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/internal/golden"
)

// root is the repository root: the sample company's project.
const root = "../../../.."

// day is the sample's as-of day (the notices' goldens use it too).
const day model.Date = "2027-01-04"

func opts() *compiler.Options { return &compiler.Options{Date: day} }

// sample compiles the sample's record.
func sample(t *testing.T) (*records.Record, diag.List) {
	t.Helper()
	rec, diags := compiler.Records(os.DirFS(root), "data", opts())
	if rec == nil {
		t.Fatalf("no record of the sample: %v", diags)
	}
	return rec, diags
}

// own returns the record's own diagnostics (its rules').
func own(diags diag.List) diag.List {
	var out diag.List
	for _, d := range diags {
		if d.Rule != nil && strings.HasPrefix(d.Rule.ID, "ROPA-") {
			out = append(out, d)
		}
	}
	return out
}

func diagText(l diag.List) []byte {
	var b bytes.Buffer
	for _, d := range l {
		b.WriteString(d.Error())
		if d.Rule != nil && d.Rule.Citation != "" {
			b.WriteString(" (" + d.Rule.Citation + ")")
		}
		b.WriteString("\n")
		if d.Hint != "" {
			b.WriteString("\thint: " + d.Hint + "\n")
		}
	}
	return b.Bytes()
}

// The sample's record in its three forms, and what its rules say of it.
func TestSampleRecord(t *testing.T) {
	rec, diags := sample(t)
	if diags.HasErrors() {
		t.Errorf("the sample's record has errors:\n%s", diagText(diags))
	}
	golden.File(t, "testdata/sample.diag", diagText(own(diags)))
	js, err := rec.JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "testdata/sample.json", js)
	var b bytes.Buffer
	if err := rec.CSV(&b); err != nil {
		t.Fatal(err)
	}
	golden.File(t, "testdata/sample.csv", b.Bytes())
	golden.File(t, "testdata/sample.txt", []byte(render.Plain(rec.Document())))

	// The CSV reads back as RFC 4180: a header and one row per activity,
	// each of the same width, lines ending in CRLF.
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(rec.Activities)+1 {
		t.Errorf("CSV has %d rows, want a header and %d activities", len(rows), len(rec.Activities))
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(b.Bytes(), []byte("\r\n"), nil), []byte("\n")) {
		t.Error("CSV lines do not all end in CRLF")
	}
	// The JSON reads back into the same record.
	var back records.Record
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := back.JSON()
	if !bytes.Equal(again, js) {
		t.Error("the JSON does not read back into the same record")
	}
	// Two builds are byte-identical.
	rec2, _ := sample(t)
	js2, _ := rec2.JSON()
	if !bytes.Equal(js, js2) {
		t.Error("two builds of the sample's record differ")
	}
}

// The record does not depend on the order of what the data gives as sets
// (the countries of recipients, processors, transfers and systems), but
// for the hash of the data it was made from, nor on
// anything that changes between builds (map order, which Go changes from
// one iteration to the next): builds of the sample with those lists
// shuffled, several times over, give the same JSON, CSV and document.
func TestRecordIgnoresSetOrder(t *testing.T) {
	proj, diags := compiler.Check(os.DirFS(root), "data", opts())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	write := func() string {
		rec, _ := compiler.RecordsOf(proj, nil, opts())
		rec.Source.DataSHA256 = "" // the data's hash: its order is the data's
		js, err := rec.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rec.CSV(&b); err != nil {
			t.Fatal(err)
		}
		return string(js) + b.String() + render.Plain(rec.Document())
	}
	want := write()
	rng := rand.New(rand.NewPCG(17, 30))
	var sets [][]string
	for _, rc := range proj.Recipients {
		sets = append(sets, rc.Countries)
	}
	for _, pr := range proj.Processors {
		sets = append(sets, pr.Locations)
	}
	for _, tr := range proj.Transfers {
		sets = append(sets, tr.Destinations)
	}
	for _, sys := range records.Of(proj).Systems {
		sets = append(sets, sys.Locations)
	}
	shuffled := 0
	for _, set := range sets {
		if len(set) > 1 {
			shuffled++
		}
	}
	if shuffled < 5 {
		t.Fatalf("only %d lists of several countries to shuffle", shuffled)
	}
	for range 8 {
		for _, set := range sets {
			rng.Shuffle(len(set), func(i, k int) { set[i], set[k] = set[k], set[i] })
		}
		if got := write(); got != want {
			g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("the record changed with the order of a set of countries: line %d\n got: %s\nwant: %s", i+1, g[i], w[i])
				}
			}
			t.Fatal("the record changed with the order of a set of countries")
		}
	}
}

// Every cell of the CSV goes through the formula guard (csvcell.Text,
// tested on its own): a value starting =, +, -, @ or a tab is kept text,
// and so is a cell of several values whose first starts a formula; a later
// value does not, since a spreadsheet evaluates a cell from its start.
func TestCSVNeutralisesFormulas(t *testing.T) {
	rec := &records.Record{Activities: []*records.Activity{{ID: "@a", Purpose: `=HYPERLINK("http://x")`, Description: "+1 call",
		LegalBases: []string{"-1", "consent"}, UKLegalBases: []string{"	Tab"},
		Subjects:   []*records.Named{{ID: "s", Name: "=cmd|' /C calc'!A0"}, {ID: "t", Name: "@everyone"}},
		Categories: []*records.Category{{ID: "c", Name: "Contact", Retention: "2 years"}, {ID: "d", Name: "=Second", Retention: "1 year"}}}}}
	var b bytes.Buffer
	if err := rec.CSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]string{}
	for k, h := range rows[0] {
		col[h] = rows[1][k]
	}
	for h, want := range map[string]string{
		"Activity":              "'@a",
		"Purpose":               `'=HYPERLINK("http://x")`,
		"Description":           "'+1 call",
		"Legal bases (EU GDPR)": "'-1\nconsent",
		"Legal bases (UK GDPR)": "'\tTab",
		"Data subjects":         "'=cmd|' /C calc'!A0\n@everyone",
		"Personal data":         "Contact\n=Second",
	} {
		if col[h] != want {
			t.Errorf("%s: %q, want %q", h, col[h], want)
		}
	}
}

// The PDF of the record is tagged, valid and deterministic, and reads as
// the document does.
func TestSampleRecordPDF(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to read the PDF back: %v", tool, err)
		}
	}
	rec, _ := sample(t)
	doc := rec.Document()
	b, unsupported, err := pdf.Render(doc, pdf.Options{Language: "en-GB"})
	if err != nil {
		t.Fatal(err)
	}
	if len(unsupported) > 0 {
		t.Errorf("the PDF could not typeset: %v", unsupported)
	}
	b2, _, err := pdf.Render(rec.Document(), pdf.Options{Language: "en-GB"})
	if err != nil || !bytes.Equal(b, b2) {
		t.Error("two renderings of the record's PDF differ")
	}
	file := filepath.Join(t.TempDir(), "record.pdf")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexpLine(string(info), "Tagged:", "yes") {
		t.Errorf("the PDF is not tagged:\n%s", info)
	}
	tree, err := exec.Command("pdfinfo", "-struct-text", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{"H1", "H2", "H3", "Table", "TH", "TD", "L", "LI"} {
		if !bytes.Contains(tree, []byte(role)) {
			t.Errorf("the structure tree has no %s element", role)
		}
	}
	txt, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(txt)), " ")
	want := []string{rec.Title, rec.Source.DataSHA256, "Technical and organisational security measures"}
	for _, a := range rec.Activities {
		want = append(want, a.Purpose)
	}
	for _, s := range rec.Security.Systems {
		want = append(want, s.Name)
	}
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
}

func regexpLine(out, key, value string) bool {
	for _, l := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && k+":" == key && strings.TrimSpace(v) == value {
			return true
		}
	}
	return false
}

// Every section of the record's document is traced: data paths the data
// has, and rules the reference data defines.
func TestDocumentIsTraced(t *testing.T) {
	proj, diags := compiler.Check(os.DirFS(root), "data", opts())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	rec, _ := compiler.RecordsOf(proj, nil, opts())
	ids := ruleIDs(t)
	rec.Document().Walk(func(s *notice.Section, _ int) {
		if len(s.Trace.Paths) == 0 && len(s.Trace.Rules) == 0 {
			t.Errorf("section %s has no trace", s.ID)
		}
		if len(s.Trace.Rules) == 0 {
			t.Errorf("section %s names no rule of the record", s.ID)
		}
		for _, r := range s.Trace.Rules {
			if !slices.Contains(ids, r) {
				t.Errorf("section %s traces rule %s, which reference/rules.yaml does not define", s.ID, r)
			}
		}
		for _, p := range s.Trace.Paths {
			if !proj.Source.Has(p) {
				t.Errorf("section %s traces %s, which the data does not have", s.ID, p)
			}
		}
	})
}

func ruleIDs(t *testing.T) []string {
	t.Helper()
	ref, diags := load.Reference(records.ReferenceData(), "reference", records.ReferenceExtension)
	if len(diags) > 0 {
		t.Fatalf("the record's reference data: %v", diags)
	}
	var ids []string
	for _, r := range records.Rules(ref) {
		ids = append(ids, r.ID)
	}
	if len(ids) == 0 {
		t.Fatal("no rules in reference/rules.yaml")
	}
	return ids
}

// sampleFS is the sample's data folder in memory, English only, with
// edits: each file by name is given to its edit, which returns the new
// content ("" removes the file).
func sampleFS(t *testing.T, edits map[string]func(string) string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	files, err := filepath.Glob(filepath.Join(root, "data", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample data: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "data/" + filepath.Base(f)
		if name == "data/notices.yaml" {
			// English only: without its translations (sampletest).
			b = sampletest.EnglishNotices(b)
		}
		s := string(b)
		if e, ok := edits[filepath.Base(f)]; ok {
			s = e(s)
			if s == "" {
				continue
			}
		}
		m[name] = &fstest.MapFile{Data: []byte(s)}
	}
	for name := range edits {
		if _, ok := m["data/"+name]; !ok && name != "records.yaml" {
			if _, err := os.Stat(filepath.Join(root, "data", name)); err != nil {
				t.Fatalf("no sample file %s to edit", name)
			}
		}
	}
	return m
}

// replace returns an edit replacing old by new, which must be there.
func replace(t *testing.T, old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("the sample no longer has %q", old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// A failing case for every rule of the record with a severity: the data
// changed so the record lacks what the rule asks, the notices still check
// and publish, and the record's rules report it, at the place to fix.
func TestEveryRuleHasAFailingCase(t *testing.T) {
	cases := []struct {
		name  string
		edits map[string]func(string) string
		rule  string
		path  string // the diagnostic's path
		file  string // the file it is positioned in
		item  string // the item it names, kind and id
	}{
		{"no records section", map[string]func(string) string{"records.yaml": func(string) string { return "" }},
			"ROPA-30-1", "", "", ""},
		{"joint controllers without contacts", map[string]func(string) string{"records.yaml": func(s string) string {
			i := strings.Index(s, "\n  joint_controllers:")
			if i < 0 {
				t.Fatal("the sample's record has no joint_controllers")
			}
			return s[:i+1]
		}}, "ROPA-30-1-a", "records.joint_controllers", "data/records.yaml", `recipient "advertising-partners"`},
		{"a joint controller without a way to reach it", map[string]func(string) string{"records.yaml": replace(t,
			"          url: https://www.linkedin.com/legal/privacy-policy\n          address:\n            street: [\"Wilton Plaza\", \"Wilton Place\"]\n            city: Dublin 2\n            country: IE\n", "")},
			"ROPA-30-1-a", "records.joint_controllers[0].contacts[1]", "data/records.yaml", `contact "LinkedIn Ireland Unlimited Company"`},
		{"a purpose concerning no one", map[string]func(string) string{
			"categories.yaml": func(s string) string {
				return regexpRemoveLines(s, "    subjects: [")
			}}, "ROPA-30-1-c", "purposes[16].subjects", "data/purposes.yaml", `purpose "legal-compliance"`},
		{"a processor whose recipient the purpose does not name", map[string]func(string) string{
			"processors.yaml": replace(t, "purposes: [manage-accounts, respond-requests, security, business-management, billing-payments]",
				"purposes: [manage-accounts, respond-requests, security, business-management, billing-payments, business-transfers]")},
			"ROPA-30-1-d", "processors[0].purposes[5]", "data/processors.yaml", `processor "aws"`},
		{"a compelling-interests transfer without documentation", map[string]func(string) string{
			"recipients.yaml": replace(t, "    mechanism: ART49_1_E\n",
				"    mechanism: ART49_1_COMPELLING_LI\n    compelling_interest: >-\n      Defending a claim brought against us in the United States, which we\n      cannot do without giving the court the records of the account concerned.\n    safeguards_copy: Email privacy@helpwise.example for a copy.\n")},
			"ROPA-30-1-e", "transfers[7]", "data/recipients.yaml", `transfer "us-legal-claims"`},
		{"a retention rule without a period", nil, "ROPA-30-1-f", "retention[12].criteria", "data/categories.yaml", `retention "legal-records"`},
		{"a system without measures", map[string]func(string) string{"records.yaml": replace(t,
			"      measures:\n        - Applications visible only to the hiring team of the role and to people operations\n        - Unsuccessful applications deleted automatically when their period ends\n", "")},
			"ROPA-30-1-g", "records.systems[10].measures", "data/records.yaml", `system "recruiting"`},
		{"a purpose held in no system", map[string]func(string) string{"records.yaml": replace(t, "      purposes: [office-security]\n", "")},
			"ROPA-30-1-g", "records.systems", "data/records.yaml", `purpose "office-security"`},
		{"no keeper of the record", map[string]func(string) string{"records.yaml": replace(t,
			"  owner:\n    name: Helpwise Data Protection Officer\n    email: dpo@helpwise.example\n    address:\n      street: [\"Helpwise Ltd\", \"41 Clerkenwell Road\", \"Third Floor\"]\n      city: London\n      postal_code: EC1M 5RN\n      country: GB\n", "")},
			"ROPA-30-4", "records.owner", "data/records.yaml", ""},
	}
	covered := map[string]bool{}
	ref, _ := load.Reference(records.ReferenceData(), "reference", records.ReferenceExtension)
	severity := map[string]string{}
	for _, r := range records.Rules(ref) {
		severity[r.ID] = r.Severity
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sampleFS(t, tc.edits)
			// The notices do not wait for the record.
			if _, diags := compiler.Check(fsys, "data", opts()); diags.HasErrors() {
				t.Fatalf("the notices no longer check:\n%s", diagText(diags))
			}
			rec, diags := compiler.Records(fsys, "data", opts())
			if rec == nil {
				t.Fatal("no record")
			}
			var found *diag.Diagnostic
			for _, d := range own(diags) {
				if d.Rule.ID == tc.rule && d.Path == tc.path {
					found = d
				}
			}
			if found == nil {
				t.Fatalf("no %s at %q; the record's rules say:\n%s", tc.rule, tc.path, diagText(own(diags)))
			}
			covered[tc.rule] = true
			if tc.file != "" && found.Pos.File != tc.file {
				t.Errorf("%s is positioned in %s, want %s", tc.rule, found.Pos, tc.file)
			}
			if found.Hint == "" || found.Rule.Citation == "" || !strings.Contains(found.Rule.Citation, "Art. 30") {
				t.Errorf("%s has no hint or citation: %+v", tc.rule, found)
			}
			want := diag.Error
			if severity[tc.rule] == "warning" {
				want = diag.Warning
			}
			if found.Severity != want {
				t.Errorf("%s is a %s, want %s", tc.rule, found.Severity, want)
			}
			// The line names its item once, by kind, id and name, before
			// the path.
			line := found.Error()
			if found.Item != tc.item {
				t.Errorf("%s names item %q, want %q", line, found.Item, tc.item)
			}
			if found.Item != "" && (strings.Count(line, found.Item) != 1 || !strings.Contains(line, ": "+found.Item)) {
				t.Errorf("%s does not name %s once, before the path", line, found.Item)
			}
			if n := found.ItemName; n != "" && strings.Count(line, n) != 1 {
				t.Errorf("%s names %q more than once", line, n)
			}
		})
	}
	for id, sev := range severity {
		if sev != "" && !covered[id] {
			t.Errorf("rule %s (%s) has no failing case", id, sev)
		}
	}
}

func regexpRemoveLines(s, prefix string) string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// The record and the EU notice agree: every purpose, recipient, transfer
// and retention period the notice publishes is in the record, in the same
// words.
func TestRecordAgreesWithTheEUNotice(t *testing.T) {
	proj, docs, diags := compiler.Compile(os.DirFS(root), "data", opts())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var doc *notice.Document
	for _, d := range docs {
		if d.ID == eu.ID {
			doc = d
		}
	}
	if doc == nil {
		t.Fatal("the sample has no EU notice")
	}
	rec, _ := compiler.RecordsOf(proj, nil, opts())
	table := func(id string) *notice.Table {
		s := doc.Section(id)
		if s == nil {
			t.Fatalf("the EU notice has no section %s", id)
		}
		for _, b := range s.Blocks {
			if tb, ok := b.(*notice.Table); ok {
				return tb
			}
		}
		t.Fatalf("section %s has no table", id)
		return nil
	}
	cell := notice.InlineText

	var purposes []string
	for _, a := range rec.Activities {
		purposes = append(purposes, a.Purpose)
	}
	for _, row := range table("purposes-and-legal-bases").Rows {
		name, _, _ := strings.Cut(cell(row[0]), ": ")
		if !slices.Contains(purposes, name) {
			t.Errorf("the notice's purpose %q is not an activity of the record", cell(row[0]))
		}
	}
	if n := len(table("purposes-and-legal-bases").Rows); n != len(rec.Activities) {
		t.Errorf("the notice has %d purposes, the record %d activities", n, len(rec.Activities))
	}

	recipients := map[string]bool{}
	for _, a := range rec.Activities {
		for _, r := range a.Recipients {
			recipients[r.Name] = true
		}
	}
	for _, row := range table("recipients").Rows {
		if !recipients[cell(row[0])] {
			t.Errorf("the notice's recipient %q is a recipient of no activity in the record", cell(row[0]))
		}
	}

	transfers := table("international-transfers")
	if len(transfers.Rows) != len(rec.Transfers) {
		t.Errorf("the notice lists %d transfers, the record %d", len(transfers.Rows), len(rec.Transfers))
	}
	for i, row := range transfers.Rows {
		if i >= len(rec.Transfers) {
			break
		}
		x := rec.Transfers[i]
		where := strings.ToLower(cell(row[0]))
		for _, c := range x.Countries {
			if !strings.Contains(where, strings.ToLower(c)) {
				t.Errorf("transfer %s: the notice's %q lacks %s", x.ID, cell(row[0]), c)
			}
		}
		if x.SafeguardEU != "" {
			tool, _, _ := strings.Cut(x.SafeguardEU, ", module")
			if !strings.Contains(cell(row[2]), tool) {
				t.Errorf("transfer %s: the notice's EU safeguard %q is not the record's %q", x.ID, cell(row[2]), tool)
			}
		}
		if len(row) > 3 && x.SafeguardUK != "" && !strings.Contains(cell(row[3]), x.SafeguardUK) {
			t.Errorf("transfer %s: the notice's UK safeguard %q is not the record's %q", x.ID, cell(row[3]), x.SafeguardUK)
		}
	}

	limits := map[string]string{}
	for _, r := range rec.Retention {
		limits[r.Name] = r.Limit
	}
	for _, row := range table("retention").Rows {
		if got := limits[cell(row[0])]; got != cell(row[1]) {
			t.Errorf("retention of %q: the notice says %q, the record %q", cell(row[0]), cell(row[1]), got)
		}
	}
	// A purpose with its own period: the record gives that period for
	// each category of the activity.
	for _, pu := range proj.Purposes {
		if pu.Retention == "" {
			continue
		}
		for _, a := range rec.Activities {
			if a.ID != pu.ID {
				continue
			}
			for _, c := range a.Categories {
				if c.RetentionRule != pu.Retention {
					t.Errorf("activity %s keeps %s under %s, but the purpose's own rule is %s", a.ID, c.ID, c.RetentionRule, pu.Retention)
				}
				if !strings.Contains(render.Plain(doc), c.Retention) {
					t.Errorf("activity %s: the notice does not give the period %q", a.ID, c.Retention)
				}
			}
		}
	}
}

// The README's table of the record's rules is generated from
// reference/rules.yaml.
func TestREADMERulesTable(t *testing.T) {
	path := filepath.Join(root, "README.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- BEGIN RECORD RULES: generated by go test ./compiler/jurisdiction/eu/records -update; do not edit -->\n", "<!-- END RECORD RULES -->"
	s := string(b)
	i, k := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || k < i {
		t.Fatal("README.md has no RECORD RULES markers")
	}
	ref, diags := load.Reference(records.ReferenceData(), "reference", records.ReferenceExtension)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := s[:i+len(begin)] + "\n" + records.RulesTable(ref) + "\n" + s[k:]
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Errorf("README.md's table of the record's rules is stale (run go test ./compiler/jurisdiction/eu/records -update):\n%s", golden.Diff([]byte(s), []byte(want)))
	}
}

// Each controller of the group has its own record: the activities it
// decides, every activity in exactly one controller's record (the sample
// names who decides each purpose), and nothing else.
func TestForController(t *testing.T) {
	rec, _ := sample(t)
	before, _ := rec.JSON()
	seen := map[string]int{}
	for _, c := range rec.Controllers {
		one := rec.ForController(c.ID)
		if one == nil || len(one.Controllers) != 1 || one.Controllers[0].ID != c.ID {
			t.Fatalf("no record of controller %s", c.ID)
		}
		if len(one.Activities) == 0 {
			t.Errorf("controller %s decides no activity", c.ID)
		}
		for _, a := range one.Activities {
			seen[a.ID]++
			if !slices.Contains(a.Controllers, c.Name) {
				t.Errorf("controller %s's record has activity %s, which it does not decide", c.ID, a.ID)
			}
		}
		ids := map[string]bool{}
		for _, a := range one.Activities {
			ids[a.ID] = true
		}
		for _, x := range one.Transfers {
			for _, a := range x.Activities {
				if !ids[a] {
					t.Errorf("controller %s: transfer %s names activity %s of another controller", c.ID, x.ID, a)
				}
			}
		}
		for _, s := range one.Security.Systems {
			for _, a := range s.Activities {
				if !ids[a] {
					t.Errorf("controller %s: system %s names activity %s of another controller", c.ID, s.ID, a)
				}
			}
		}
		var b bytes.Buffer
		if err := one.CSV(&b); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range rec.Activities {
		if seen[a.ID] != 1 {
			t.Errorf("activity %s is in %d controllers' records, want 1", a.ID, seen[a.ID])
		}
	}
	if rec.ForController("no-such-entity") != nil {
		t.Error("a record for an entity that is not a controller")
	}
	after, _ := rec.JSON()
	if !bytes.Equal(before, after) {
		t.Error("ForController changed the whole record")
	}
}

// Taking a purpose out of every system is reported once, as that purpose
// held in no system; taking a system's measures away is reported once, at
// that system; taking a recipient off a purpose changes that activity's
// recipients only.
func TestOneChangeOneFinding(t *testing.T) {
	proj, diags := compiler.Check(os.DirFS(root), "data", opts())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	own := records.Of(proj)
	if own == nil || len(own.Systems) == 0 {
		t.Fatal("the sample has no systems")
	}
	findings := func() diag.List {
		_, d := compiler.RecordsOf(proj, nil, opts())
		var out diag.List
		for _, x := range d {
			if x.Rule != nil && x.Rule.ID == "ROPA-30-1-g" {
				out = append(out, x)
			}
		}
		return out
	}
	if n := len(findings()); n != 0 {
		t.Fatalf("the sample has %d ROPA-30-1-g findings", n)
	}
	for _, pu := range proj.Purposes {
		saved := make([][]string, len(own.Systems))
		for i, s := range own.Systems {
			saved[i] = s.Purposes
			s.Purposes = slices.DeleteFunc(slices.Clone(s.Purposes), func(id string) bool { return id == pu.ID })
		}
		got := findings()
		for i, s := range own.Systems {
			s.Purposes = saved[i]
		}
		// A system left serving nothing is a finding of its own.
		var about []*diag.Diagnostic
		for _, d := range got {
			if d.Item == `purpose "`+pu.ID+`"` {
				about = append(about, d)
			}
		}
		if len(about) != 1 || about[0].Path != "records.systems" {
			t.Errorf("purpose %s held in no system: %v", pu.ID, got)
		}
	}
	for i, s := range own.Systems {
		saved := s.Measures
		s.Measures = nil
		got := findings()
		s.Measures = saved
		if len(got) != 1 || got[0].Path != model.Index("records.systems", i)+".measures" {
			t.Errorf("system %s without measures: %v", s.ID, got)
		}
	}
	base, _ := compiler.RecordsOf(proj, nil, opts())
	for _, pu := range proj.Purposes {
		for k, rc := range pu.Recipients {
			saved := pu.Recipients
			pu.Recipients = slices.Delete(slices.Clone(saved), k, k+1)
			rec, _ := compiler.RecordsOf(proj, nil, opts())
			pu.Recipients = saved
			for n, a := range rec.Activities {
				was := base.Activities[n]
				if a.ID != pu.ID {
					if !slices.EqualFunc(a.Recipients, was.Recipients, func(x, y *records.Recipient) bool { return x.ID == y.ID }) {
						t.Errorf("taking %s off %s changed the recipients of %s", rc, pu.ID, a.ID)
					}
					continue
				}
				if len(a.Recipients) != len(was.Recipients)-1 || slices.ContainsFunc(a.Recipients, func(x *records.Recipient) bool { return x.ID == rc }) {
					t.Errorf("taking %s off %s: the activity's recipients are %v", rc, pu.ID, a.Recipients)
				}
			}
		}
	}
}

// A country is a third country under the regime whose data goes there:
// an EEA country never is one under the EU GDPR, the UK never under the UK
// GDPR; the sample's EEA sub-processors are third countries for UK data
// only.
func TestThirdCountriesPerRegime(t *testing.T) {
	rec, _ := sample(t)
	eea := []string{"France", "Germany", "Ireland", "Netherlands"}
	ukOnly := 0
	for _, a := range rec.Activities {
		for _, rc := range a.Recipients {
			for _, c := range rc.ThirdCountriesEU {
				if slices.Contains(eea, c) {
					t.Errorf("activity %s, recipient %s: %s, in the EEA, is listed as a third country under the EU GDPR", a.ID, rc.ID, c)
				}
			}
			if slices.Contains(rc.ThirdCountriesUK, "United Kingdom") {
				t.Errorf("activity %s, recipient %s: the UK is listed as a third country under the UK GDPR", a.ID, rc.ID)
			}
			for _, c := range rc.ThirdCountriesUK {
				if slices.Contains(eea, c) {
					ukOnly++
				}
			}
		}
	}
	if ukOnly == 0 {
		t.Error("no EEA country is a third country for UK data: the sample's EEA sub-processors are")
	}
}

// The DPO's review: a time limit shared by all of an activity's data is
// said once, not on every row; the notices' security statement (written to
// the people the data is about) is not the record's description of the
// measures; a UK transfer on a derogation the data does not name says so;
// a transfer of every activity says "All activities".
func TestRecordReadsAsARecord(t *testing.T) {
	rec, _ := sample(t)
	doc := rec.Document()
	once, perRow := 0, 0
	for _, sec := range doc.Section("activities").Sections {
		var defs *notice.Definitions
		var table *notice.Table
		for _, b := range sec.Blocks {
			switch b := b.(type) {
			case *notice.Definitions:
				defs = b
			case *notice.Table:
				table = b
			}
		}
		if defs == nil || table == nil {
			t.Fatalf("%s: no definitions or no table", sec.ID)
		}
		said := slices.ContainsFunc(defs.Items, func(d notice.Definition) bool { return d.Term == "Time limit for erasure" })
		switch len(table.Head) {
		case 2:
			once++
			if !said {
				t.Errorf("%s: the table has no time limits and the activity gives none", sec.ID)
			}
		case 3:
			perRow++
			same := len(table.Rows) > 1
			for _, r := range table.Rows {
				same = same && r[2] == table.Rows[0][2]
			}
			if same || said {
				t.Errorf("%s: one time limit for all its data is written on every row", sec.ID)
			}
		}
	}
	if once == 0 || perRow == 0 {
		t.Errorf("the sample has %d activities with one time limit and %d with several; want both", once, perRow)
	}
	text := render.Plain(doc)
	if rec.Security.Statement == "" || strings.Contains(text, rec.Security.Statement) {
		t.Error("the notices' security statement is (or is not in the sample to be left) in the record's document")
	}
	var unnamed []string
	for _, x := range rec.Transfers {
		if x.UKDerogationUnnamed {
			unnamed = append(unnamed, x.ID)
		}
	}
	if !slices.Equal(unnamed, []string{"us-legal-claims"}) || !slices.ContainsFunc(rec.Notes, func(n string) bool {
		return strings.Contains(n, "us-legal-claims") && strings.Contains(n, "UK GDPR Art. 49")
	}) {
		t.Errorf("UK derogations not named: %v; notes %q", unnamed, rec.Notes)
	}
	if !strings.Contains(text, "All activities except ") {
		t.Error("the transfers table lists every activity one by one")
	}
	// Each category of personal data is described (Art. 30(1)(c)): what
	// it includes, from its examples.
	if !strings.Contains(text, "Account information — company name; your name and user ID") {
		t.Error("the record does not say what a category of personal data includes")
	}
	// UK bases are given only where they differ: the same bases are said
	// to be both regimes', never left blank.
	if !strings.Contains(text, "Legal bases (EU and UK GDPR)") {
		t.Error("an activity whose UK bases are the EU ones shows no UK bases")
	}
	var csv bytes.Buffer
	if err := rec.CSV(&csv); err != nil {
		t.Fatal(err)
	}
	rows, err := encodingcsv.NewReader(&csv).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	eu, uk := slices.Index(rows[0], "Legal bases (EU GDPR)"), slices.Index(rows[0], "Legal bases (UK GDPR)")
	for _, row := range rows[1:] {
		if eu < 0 || uk < 0 || row[eu] != "" && row[uk] == "" {
			t.Errorf("the CSV leaves the UK bases empty where they are the EU ones: %q", row[:min(3, len(row))])
		}
	}
	if !slices.ContainsFunc(rec.Notes, func(n string) bool {
		return strings.HasPrefix(n, "Scope: this record covers the processing the privacy notices describe")
	}) {
		t.Errorf("the record does not say what it covers: %q", rec.Notes)
	}
}

// A transfer belongs to an activity only when a processor that serves the
// purpose makes it (where the recipient category's processors are named):
// the CCTV of the London office (no processor) goes nowhere, and the
// support partner in India carries only the two purposes it serves. A
// transfer not yet started says when it starts.
func TestTransfersFollowTheProcessors(t *testing.T) {
	rec, _ := sample(t)
	acts := map[string]*records.Activity{}
	for _, a := range rec.Activities {
		acts[a.ID] = a
	}
	india := false
	for _, tr := range rec.Transfers {
		if tr.ID == "india-scc" {
			india = true
			if !slices.Equal(tr.Activities, []string{"respond-requests", "manage-accounts"}) {
				t.Errorf("the India transfer carries %v, want the two purposes Meridian serves", tr.Activities)
			}
		}
	}
	if !india {
		t.Fatal("the sample has no india-scc transfer: the test checks nothing")
	}
	if a := acts["office-security"]; a == nil || slices.Contains(a.Transfers, "india-scc") {
		t.Errorf("office security: %+v", a)
	}
	early, _ := compiler.Records(os.DirFS(root), "data", &compiler.Options{Date: "2026-12-02"})
	for _, tr := range early.Transfers {
		if tr.ID == "india-scc" && tr.From != "2027-01-04" {
			t.Errorf("the India transfer, before its processor starts: from %q, want 2027-01-04", tr.From)
		}
		if tr.ID != "india-scc" && tr.From != "" {
			t.Errorf("%s: from %q, though its processors have started", tr.ID, tr.From)
		}
	}
	if !strings.Contains(render.Plain(early.Document()), "India (from 4 January 2027)") {
		t.Error("the record's transfers table does not say when the India transfer starts")
	}
}
