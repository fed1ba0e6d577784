package load_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

func load1(t *testing.T, src string) diag.List {
	t.Helper()
	_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(src)}}, "data")
	return diags
}

func find(diags diag.List, path string) *diag.Diagnostic {
	for _, d := range diags {
		if d.Path == path {
			return d
		}
	}
	return nil
}

// Columns count characters, not bytes, so carets line up under accented and
// non-Latin names.
func TestColumnsCountCharacters(t *testing.T) {
	diags := load1(t, "transfers:\n  - id: t\n    description: Łódź\n    destinations: [ÜÜ, Ελ, XX]\n    mechanism: ADEQUACY\n")
	for _, c := range []struct {
		path string
		col  int
	}{
		{"transfers[0].destinations[0]", 20},
		{"transfers[0].destinations[1]", 24},
		{"transfers[0].destinations[2]", 28},
	} {
		d := find(diags, c.path)
		if d == nil {
			t.Fatalf("no diagnostic for %s in:\n%v", c.path, diags)
		}
		if d.Pos.Line != 4 || d.Pos.Col != c.col {
			t.Errorf("%s at %d:%d, want 4:%d", c.path, d.Pos.Line, d.Pos.Col, c.col)
		}
	}
}

// A missing field is blamed on the mapping that should hold it.
func TestMissingFieldBlamesParent(t *testing.T) {
	diags := load1(t, "security:\n  measures: [TLS]\n")
	d := find(diags, "security.statement")
	if d == nil {
		t.Fatalf("no diagnostic for security.statement in:\n%v", diags)
	}
	if got := d.Pos.String(); got != "data/a.yaml:1:1" {
		t.Errorf("blamed %s, want data/a.yaml:1:1 (the security: key)", got)
	}
}

func TestAnswersAcceptYesNoAndBooleans(t *testing.T) {
	proj, _ := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"children:\n  minimum_age: 16\n  directed_to_children: false\n  actual_knowledge_under_16: No\n")}}, "data")
	c := proj.Children
	if c == nil || c.DirectedToChildren != "no" || c.ActualKnowledgeUnder16 != "no" || c.MinimumAge != 16 {
		t.Fatalf("decoded %+v", c)
	}
}

// Numbers written where text is expected are kept as written (postal codes,
// phone numbers), leading zeros included.
func TestNumbersAsText(t *testing.T) {
	proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"organization:\n  entities:\n    - id: a\n      address:\n        street: [1 Main St]\n        city: Boston\n        postal_code: 02134\n        country: US\n")}}, "data")
	if d := find(diags, "organization.entities[0].address.postal_code"); d != nil {
		t.Fatalf("postal code rejected: %v", d)
	}
	if got := proj.Organization.Entities[0].Address.PostalCode; got != "02134" {
		t.Errorf("postal code %q, want 02134", got)
	}
}

// A huge broken file reports at most MaxPerFile problems, then counts the rest.
func TestDiagnosticsCappedPerFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("sections:\n")
	const n = 250
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: Bad %d\n    title: T\n    body: B\n    notices: [global]\n", i)
	}
	_, diags := load.Load(fstest.MapFS{
		"data/a.yaml": {Data: []byte(b.String())},
		"data/b.yaml": {Data: []byte("security: [x]\n")},
	}, "data")
	perFile := map[string]int{}
	for _, d := range diags {
		perFile[d.Pos.File]++
	}
	if perFile["data/a.yaml"] != load.MaxPerFile+1 {
		t.Fatalf("data/a.yaml has %d diagnostics, want %d", perFile["data/a.yaml"], load.MaxPerFile+1)
	}
	if perFile["data/b.yaml"] != 1 {
		t.Errorf("the other file lost its diagnostic: %d", perFile["data/b.yaml"])
	}
	var last *diag.Diagnostic
	for _, d := range diags {
		if d.Pos.File == "data/a.yaml" {
			last = d
		}
	}
	want := fmt.Sprintf("%d more problems in this file not shown", n-load.MaxPerFile)
	if !strings.HasPrefix(last.Message, want) || last.Severity != diag.Error {
		t.Errorf("last diagnostic of data/a.yaml is %v, want %q", last, want)
	}
}

// Symbolic links are followed hop by hop: a chain that leaves the data
// folder at any hop is refused, and so is a loop.
func TestSymlinkChains(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	fsys := fstest.MapFS{
		"outside.yaml":          {Data: []byte("sections: []\n")},
		"data/a.yaml":           link("sub/b.yaml"),
		"data/sub/b.yaml":       link("../../outside.yaml"),
		"data/sub/c.yaml":       link("../d.yaml"),
		"data/d.yaml":           link("real/e.yml"),
		"data/real/e.yml":       {Data: []byte("security:\n  statement: Fine.\n")},
		"data/loop.yaml":        link("loop2.yaml"),
		"data/loop2.yaml":       link("loop.yaml"),
		"data/viadir/f.yaml":    link("../linkdir/x.yaml"),
		"data/linkdir":          link("../elsewhere"),
		"elsewhere/x.yaml":      {Data: []byte("sections: []\n")},
		"data/abs.yaml":         link("/etc/passwd"),
		"data/z-dangling.yaml":  link("nothing.yaml"),
		"data/z-folder.yaml":    link("real"),
		"data/z-up-and-in.yaml": link("../data/real/e.yml"),
	}
	proj, diags := load.Load(fsys, "data")
	wantErr := map[string]string{
		"data/a.yaml":          "through data/sub/b.yaml, which points to ../../outside.yaml",
		"data/sub/b.yaml":      "points outside data/ (to ../../outside.yaml)",
		"data/loop.yaml":       "more than 8 links",
		"data/loop2.yaml":      "more than 8 links",
		"data/viadir/f.yaml":   "through data/linkdir, which points to ../elsewhere",
		"data/abs.yaml":        "points outside data/ (to /etc/passwd)",
		"data/z-dangling.yaml": "missing file",
		"data/z-folder.yaml":   "folders are not followed",
	}
	for file, want := range wantErr {
		found := false
		for _, d := range diags {
			if d.Pos.File == file && strings.Contains(d.Message, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no diagnostic for %s saying %q in:\n%v", file, want, diags)
		}
	}
	// The links that stay inside are read (security is then defined three
	// times: once in each file that leads to data/real/e.yml).
	if proj.Security == nil || proj.Security.Statement != "Fine." {
		t.Errorf("links inside data/ were not read: %+v", proj.Security)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "outside") && (d.Pos.File == "data/sub/c.yaml" || d.Pos.File == "data/d.yaml" || d.Pos.File == "data/z-up-and-in.yaml") {
			t.Errorf("link inside data/ refused: %v", d)
		}
	}
}

// A block mapping's position is its first key's, not the key's colon.
func TestBlockMappingPosition(t *testing.T) {
	proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"sections:\n  - id: about\n    title: About\n")}}, "data")
	if got := proj.Source.Pos("sections[0]").String(); got != "data/a.yaml:2:5" {
		t.Errorf("sections[0] at %s, want data/a.yaml:2:5 (the id key)", got)
	}
	if len(proj.Sections) != 1 || proj.Sections[0].Pos.String() != "data/a.yaml:2:5" {
		t.Errorf("section Pos %v, want data/a.yaml:2:5", proj.Sections)
	}
	d := find(diags, "sections[0].body")
	if d == nil || d.Pos.String() != "data/a.yaml:2:5" {
		t.Errorf("missing body blamed at %v, want data/a.yaml:2:5", d)
	}
}

// Problems with a value written as an alias point at the alias, with the
// anchor's value as a related position.
func TestAliasPositions(t *testing.T) {
	diags := load1(t, "sections:\n  - id: &x Not An Id\n    title: &n [x]\n    body: B\n    notices: [global]\n  - id: *x\n    title: *n\n    body: B\n    notices: [global]\n")
	for _, c := range []struct{ path, at, related string }{
		{"sections[1].id", "data/a.yaml:6:9", "data/a.yaml:2:12"},
		{"sections[1].title", "data/a.yaml:7:12", "data/a.yaml:3:15"},
	} {
		d := find(diags, c.path)
		if d == nil {
			t.Fatalf("no diagnostic for %s in:\n%v", c.path, diags)
		}
		if d.Pos.String() != c.at || len(d.Related) != 1 || d.Related[0].String() != c.related {
			t.Errorf("%s at %s (related %v), want %s (related %s)", c.path, d.Pos, d.Related, c.at, c.related)
		}
	}
}

// Null list items and YAML tags are errors at the item and the tag.
func TestNullItemsAndTags(t *testing.T) {
	diags := load1(t, "security:\n  statement: !!str S\n  measures:\n    - TLS\n    - ~\n    -\n")
	for path, at := range map[string]string{
		"security.statement":   "data/a.yaml:2:14",
		"security.measures[1]": "data/a.yaml:5:5",
		"security.measures[2]": "data/a.yaml:6:5",
	} {
		d := find(diags, path)
		if d == nil || d.Pos.String() != at {
			t.Errorf("%s: got %v, want an error at %s", path, d, at)
		}
	}
}

// A broken mark in one file never silences another file's problems.
func TestBrokenMarksPerFile(t *testing.T) {
	_, diags := load.Load(fstest.MapFS{
		"data/a.yaml": {Data: []byte("security:\n  statement: S\n  measures: [Bad\n")},
		"data/b.yaml": {Data: []byte("security:\n  measures: [TLS]\n")},
		"data/c.yaml": {Data: []byte("security: x\n")},
	}, "data")
	if d := find(diags, "security.statement"); d == nil || d.Pos.File != "data/b.yaml" {
		t.Errorf("missing statement in data/b.yaml not reported: %v", diags)
	}
}

// Data files with upper-case extensions are read; empty mappings are reported.
func TestExtensionsAndEmptyFiles(t *testing.T) {
	proj, diags := load.Load(fstest.MapFS{
		"data/a.YAML": {Data: []byte("security:\n  statement: S\n")},
		"data/b.Yml":  {Data: []byte("{}\n")},
		"data/c.txt":  {Data: []byte("not data")},
	}, "data")
	if proj.Security == nil {
		t.Error("data/a.YAML was not read")
	}
	found := false
	for _, d := range diags {
		if d.Pos.File == "data/b.Yml" && strings.Contains(d.Message, "defines no sections") {
			found = true
		}
		if d.Pos.File == "data/c.txt" {
			t.Errorf("read a .txt file: %v", d)
		}
	}
	if !found {
		t.Errorf("empty mapping in data/b.Yml not reported:\n%v", diags)
	}
}

// Syntax errors read as plain English at the right place.
func TestSyntaxErrorsInPlainEnglish(t *testing.T) {
	for _, c := range []struct{ src, at, msg string }{
		{"security:\n  statement: \"open\n", "data/a.yaml:2:14", "unclosed double quote"},
		{"security:\n  statement: 'open\n", "data/a.yaml:2:14", "unclosed single quote"},
		{"security:\n  statement: a: b\n", "data/a.yaml:2:15", `unexpected ":" in a value`},
		{"security:\n  statement: a\n    measures: [x]\n", "data/a.yaml:3:5", `unexpected "key: value" here`},
		{"security:\n  statement: a\n measures: [x]\n", "data/a.yaml:3:2", "check the indentation"},
		{"security:\n  measures: [x\n", "data/a.yaml:2:13", `unclosed "["`},
		{"security\n  statement: a\n", "data/a.yaml:1:1", `expected "key: value"`},
	} {
		var got *diag.Diagnostic
		for _, d := range load1(t, c.src) {
			if d.Pos.File == "data/a.yaml" {
				got = d
			}
		}
		if got == nil || got.Pos.String() != c.at || !strings.Contains(got.Message, c.msg) {
			t.Errorf("%q: got %v, want %s: ...%s...", c.src, got, c.at, c.msg)
		}
	}
}

// Answers accept the spellings the JSON Schema lists, and no others, so an
// editor and the checker agree.
func TestAnswerSpellingsMatchTheSchema(t *testing.T) {
	for in, want := range map[string]string{"yes": "yes", "Yes": "yes", "YES": "yes", "NO": "no", "true": "yes", "yEs": "", "y": "", "on": ""} {
		proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
			"children:\n  minimum_age: 16\n  directed_to_children: " + in + "\n")}}, "data")
		got := string(proj.Children.DirectedToChildren)
		if got != want {
			t.Errorf("%q decoded as %q, want %q", in, got, want)
		}
		if want == "" && find(diags, "children.directed_to_children") == nil {
			t.Errorf("%q: no diagnostic", in)
		}
	}
}

// A required number written as 0 says so, rather than "must not be empty".
func TestZeroNumberMessage(t *testing.T) {
	_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(
		"children:\n  minimum_age: 0\n  directed_to_children: no\n")}}, "data")
	d := find(diags, "children.minimum_age")
	if d == nil || d.Message != `"minimum_age" must not be 0` {
		t.Fatalf("got %v", d)
	}
}

// An alias fan-out that stays within the model's shape (a section list whose
// items each expand a long list) reaches the value budget and stops with one
// diagnostic instead of decoding millions of values.
func TestAliasFanOutHitsTheBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("x: &s {id: s, title: T, body: B, notices: [")
	for i := 0; i < 1000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("global")
	}
	b.WriteString("]}\n")
	// The anchor sits under an unknown key (reported once); the aliases
	// expand it 1000 times, a million values in all.
	src := "anchor: " + b.String()[len("x: "):] + "sections: [" + strings.Repeat("*s, ", 999) + "*s]\n"
	_, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(src)}}, "data")
	budget := 0
	for _, d := range diags {
		if strings.Contains(d.Message, "values once aliases are expanded") {
			budget++
		}
	}
	if budget != 1 {
		t.Fatalf("want one budget diagnostic, got %d in:\n%v", budget, diags)
	}
}

// Aliases of a long text stop at the text budget, with one diagnostic, so
// no stage after the loader reads the text a hundred thousand times.
func TestAliasTextHitsTheBudget(t *testing.T) {
	src := "x: &a \"" + strings.Repeat("w", 1<<20) + "\"\nsecurity:\n  statement: S\n  measures: [" + strings.Repeat("*a, ", 99_999) + "*a]\n"
	proj, diags := load.Load(fstest.MapFS{"data/a.yaml": {Data: []byte(src)}}, "data")
	var budget []*diag.Diagnostic
	for _, d := range diags {
		if strings.Contains(d.Message, "MiB of text once aliases are expanded") {
			budget = append(budget, d)
		}
	}
	if len(budget) != 1 || budget[0].Pos.String() != "data/a.yaml:4:74" {
		t.Fatalf("want one budget diagnostic at data/a.yaml:4:74, got %v", budget)
	}
	if n := len(proj.Security.Measures); n > 16 {
		t.Errorf("decoded %d copies of the text", n)
	}
}

// The limits hold for all files together: many files, each within the
// limits of one, cannot add up to more than the data set may hold.
func TestBudgetsAcrossFiles(t *testing.T) {
	t.Run("size", func(t *testing.T) {
		// Files the prescan refuses at once (a NUL byte), 4 MiB each.
		big := make([]byte, load.MaxFileSize)
		fsys := fstest.MapFS{}
		for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
			fsys["data/"+name+".yaml"] = &fstest.MapFile{Data: big}
		}
		_, diags := load.Load(fsys, "data")
		var over []string
		for _, d := range diags {
			if strings.Contains(d.Message, "MiB in all") {
				over = append(over, d.Pos.String())
			}
		}
		if strings.Join(over, " ") != "data/i.yaml" {
			t.Errorf("total size reported at %v, want data/i.yaml only", over)
		}
		if d := find(diags, "organization"); d != nil {
			t.Errorf("a section a file not read might define is reported missing: %v", d)
		}
		// Two files past the limit: one diagnostic for both.
		fsys["data/j.yaml"] = &fstest.MapFile{Data: big}
		_, diags = load.Load(fsys, "data")
		want := "the data files hold more than 32 MiB in all; this file and the 1 after it are not loaded"
		if d := diags[len(diags)-1]; d.Pos.String() != "data/i.yaml" || d.Message != want {
			t.Errorf("got %s: %s, want data/i.yaml: %s", d.Pos, d.Message, want)
		}
	})
	t.Run("text", func(t *testing.T) {
		// 15 aliases of a text of 1 MiB: within one file's budget.
		src := "x: &a \"" + strings.Repeat("w", 1<<20) + "\"\nsections:\n" + strings.Repeat("  - {id: s, title: T, body: *a, notices: [global]}\n", 15)
		fsys := fstest.MapFS{}
		for _, name := range []string{"a", "b", "c", "d", "e"} {
			fsys["data/"+name+".yaml"] = &fstest.MapFile{Data: []byte(src)}
		}
		_, diags := load.Load(fsys, "data")
		var over []string
		for _, d := range diags {
			if strings.Contains(d.Message, "of text") {
				over = append(over, d.Pos.File+": "+d.Message)
			}
		}
		want := "data/e.yaml: the data files hold more than 64 MiB of text in all once aliases are expanded; remove the aliases"
		if strings.Join(over, "\n") != want {
			t.Errorf("got:\n%s\nwant:\n%s", strings.Join(over, "\n"), want)
		}
	})
}
