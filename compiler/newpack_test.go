package compiler_test

import (
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	j "github.com/disclose-dev/disclose/compiler/jurisdiction"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/compiler/schema"
)

// A toy pack, the smallest version of ARCHITECTURE.md's "Adding a
// jurisdiction" (whose worked example is the real Brazil pack,
// compiler/jurisdiction/brazil): a pack that brings its own data (an
// example: section and a field of every purpose), a requirement stated as
// data, its notice and the changes of its data, and that nothing outside it
// knows. It is written here, in a test, so the claim cannot drift from what
// the compiler accepts: the test registers it with the one line a real pack
// needs and runs it through load, check, the rules, compile, render, the
// JSON Schema, snapshots and diff.

type examplePack struct{}

const exampleID = "example"

func (examplePack) ID() string   { return exampleID }
func (examplePack) Name() string { return "Example Act (a toy pack)" }
func (examplePack) Applies(c *j.Context) (bool, string) {
	if exampleFacts(c.Project) == nil {
		return false, "the data has no example: section"
	}
	return true, "the data has an example: section"
}

// The pack's own data, beside the core keys in the data files.
type exampleSections struct {
	// Facts for the example notice.
	Example *exampleFactsT `yaml:"example"`
}

type exampleFactsT struct {
	Pos diag.Pos `yaml:"-"`
	// The person in charge of data protection under the Example Act.
	Officer *model.Contact `yaml:"officer" validate:"required"`
}

type examplePurpose struct {
	// Legal bases under the Example Act.
	ExampleBases []string `yaml:"example_bases" validate:"dive,oneof=consent legal_obligation contract legitimate_interest"`
}

func (examplePack) Extensions() model.Extensions {
	return model.Extensions{
		{Pack: exampleID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(exampleSections{})},
		{Pack: exampleID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(examplePurpose{})},
	}
}

func exampleFacts(p *model.Project) *exampleFactsT {
	if s := model.ExtOf[exampleSections](p.Ext, exampleID); s != nil {
		return s.Example
	}
	return nil
}

func exampleBases(p *model.Purpose) []string {
	if f := model.ExtOf[examplePurpose](p.Ext, exampleID); f != nil {
		return f.ExampleBases
	}
	return nil
}

func (examplePack) Requirements() []*j.Requirement {
	return []*j.Requirement{
		{ID: "EX-1", Citation: "Example Act s. 1", Severity: diag.Error,
			Summary: "The purpose of each processing and its legal basis.", Section: "purposes",
			Data: []string{"purposes.example_bases"},
			Each: j.ForEach(j.Each{In: "purposes", Require: []string{"example_bases"}, At: j.AtItem,
				Message: "purpose {id} gives no legal basis under the Example Act",
				Hint:    "add example_bases: to purpose {id}"})},
	}
}

func (examplePack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	doc := j.NewDocument(c, exampleID, "Example Notice", p.Notices[exampleID])
	s := &notice.Section{ID: "purposes", Title: "Purposes and legal bases"}
	var items []notice.Text
	for i, pu := range p.Purposes {
		items = append(items, notice.Plain(pu.Name)+": "+notice.Plain(strings.Join(exampleBases(pu), ", ")))
		s.Use(model.Index("purposes", i) + ".example_bases")
	}
	s.Blocks = append(s.Blocks, &notice.List{Items: items})
	enc := &notice.Section{ID: "officer", Title: "Our officer"}
	enc.Blocks = append(enc.Blocks, &notice.Paragraph{Text: j.ContactLine(c, exampleFacts(p).Officer)})
	enc.Use("example.officer")
	doc.Sections = j.Sections(s, enc)
	return doc, nil
}

func (examplePack) ChangeNames(*j.Context, *change.Names) {}

func (examplePack) Changes(old, new *model.Project, _ *change.Names) []change.Change {
	var out change.List
	change.Match("purposes", old.Purposes, new.Purposes, func(p *model.Purpose) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Purpose]) {
			if !change.Same(exampleBases(o.V), exampleBases(n.V)) {
				out.Add(change.Order{Part: change.Purposes, Item: n.Index, Step: 5},
					change.At{New: []string{n.Path + ".example_bases"}, Old: []string{o.Path + ".example_bases"}},
					"purpose", change.LegalBasisChanged, "The purpose %s now relies on %s under the Example Act.",
					change.Quoted(n.V.Name), change.Series(exampleBases(n.V)))
			}
		})
	return out
}

// exampleData is the sample with the pack's data: an example: section and
// example_bases on every purpose but those in missing.
func exampleData(t *testing.T, missing ...string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(disclose.Sample, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(disclose.Sample, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	purposes := string(m["data/purposes.yaml"].Data)
	purposes = regexp.MustCompile(`(?m)^  - id: (\S+)$`).ReplaceAllStringFunc(purposes, func(line string) string {
		for _, id := range missing {
			if strings.HasSuffix(line, " "+id) {
				return line
			}
		}
		return line + "\n    example_bases: [contract]"
	})
	m["data/purposes.yaml"].Data = []byte(purposes)
	m["data/example.yaml"] = &fstest.MapFile{Data: []byte("example:\n  officer:\n    name: Ana Souza\n    email: officer@helpwise.example\n")}
	return m
}

func TestANewPackIsAPackageAndOneLine(t *testing.T) {
	opts := &compiler.Options{Date: day, Jurisdictions: append(compiler.DefaultJurisdictions(), examplePack{})} // the one line

	// Its data loads beside the core keys, its notice compiles.
	proj, docs, diags := compiler.Compile(exampleData(t), "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var doc *notice.Document
	for _, d := range docs {
		if d.ID == exampleID {
			doc = d
		}
	}
	if doc == nil {
		t.Fatal("no example notice")
	}
	md := string(render.Markdown(doc, nil))
	for _, want := range []string{"# Example Notice", "Respond to your questions and requests: contract", "Ana Souza"} {
		if !strings.Contains(md, want) {
			t.Errorf("the notice lacks %q:\n%s", want, md)
		}
	}

	// Its requirement, stated as data, blocks at the purpose that lacks
	// the pack's field, with its rule id and the condition in words.
	_, _, diags = compiler.Compile(exampleData(t, "security"), "data", opts)
	var got []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			got = append(got, d.Path+": "+d.Message+" ["+d.Rule.ID+"]")
		}
	}
	if want := `purposes[3]: purpose "security" gives no legal basis under the Example Act [EX-1]`; strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if q := (examplePack{}).Requirements()[0]; q.Condition() != "for each purpose" || !strings.HasSuffix(q.Defined().File, "compiler/newpack_test.go") {
		t.Errorf("condition %q, defined at %v", q.Condition(), q.Defined())
	}

	// A wrong value of its field is a positioned load error.
	bad := exampleData(t).(fstest.MapFS)
	bad["data/purposes.yaml"].Data = []byte(strings.Replace(string(bad["data/purposes.yaml"].Data), "example_bases: [contract]", "example_bases: [contrato]", 1))
	_, _, diags = compiler.Compile(bad, "data", opts)
	if !strings.Contains(diags.Error(), `"contrato" is not an allowed value for example_bases`) {
		t.Errorf("bad value: %v", diags)
	}

	// The JSON Schema and the data reference document its keys.
	sopts := schema.Options{}
	for _, jj := range opts.Jurisdictions {
		if e, ok := jj.(j.Extender); ok {
			sopts.Extensions = append(sopts.Extensions, e.Extensions()...)
		}
		sopts.Notices = append(sopts.Notices, jj.ID())
	}
	if ref := schema.Reference(sopts); !strings.Contains(ref, "`example_bases`") || !strings.Contains(ref, "`example`") {
		t.Error("the data reference lacks the pack's keys")
	}

	// Its data is snapshotted beside the core keys, and its changes are
	// reported with the core's.
	snap, err := release.Snapshot(proj)
	if err != nil || !strings.Contains(string(snap), `"example_bases"`) {
		t.Fatalf("snapshot: %v", err)
	}
	changed := exampleData(t).(fstest.MapFS)
	changed["data/purposes.yaml"].Data = []byte(strings.Replace(string(changed["data/purposes.yaml"].Data), "example_bases: [contract]", "example_bases: [consent]", 1))
	proj2, _, diags := compiler.Compile(changed, "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var sentences []string
	for _, c := range compiler.ChangesOf(proj, proj2, opts) {
		sentences = append(sentences, c.Sentence)
	}
	if want := "The purpose “Respond to your questions and requests” now relies on consent under the Example Act."; strings.Join(sentences, "|") != want {
		t.Errorf("changes: %q, want %q", sentences, want)
	}
}
