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

// The worked example of ARCHITECTURE.md's "Adding a jurisdiction": a pack
// that brings its own data (a brazil: section and a field of every
// purpose), a requirement stated as data, its notice and the changes of its
// data, and that nothing outside it knows. It is written here, not in
// compiler/jurisdiction/brazil, so the example cannot drift from what the
// compiler accepts: the test registers it with the one line a real pack
// needs and runs it through load, check, the rules, compile, render, the
// JSON Schema, snapshots and diff.

type brazilPack struct{}

const brazilID = "brazil"

func (brazilPack) ID() string   { return brazilID }
func (brazilPack) Name() string { return "Brazil (LGPD)" }
func (brazilPack) Applies(c *j.Context) (bool, string) {
	if brazilFacts(c.Project) == nil {
		return false, "the data has no brazil: section"
	}
	return true, "the data has a brazil: section"
}

// The pack's own data, beside the core keys in the data files.
type brazilSections struct {
	// Facts for the Brazilian notice (LGPD).
	Brazil *brazilFactsT `yaml:"brazil"`
}

type brazilFactsT struct {
	Pos diag.Pos `yaml:"-"`
	// The person in charge of data processing (encarregado, LGPD Art. 41).
	Encarregado *model.Contact `yaml:"encarregado" validate:"required"`
}

type brazilPurpose struct {
	// Legal bases under LGPD Art. 7.
	LGPDBases []string `yaml:"lgpd_bases" validate:"dive,oneof=consent legal_obligation contract credit_protection legitimate_interest"`
}

func (brazilPack) Extensions() model.Extensions {
	return model.Extensions{
		{Pack: brazilID, On: reflect.TypeOf(model.Project{}), Type: reflect.TypeOf(brazilSections{})},
		{Pack: brazilID, On: reflect.TypeOf(model.Purpose{}), Type: reflect.TypeOf(brazilPurpose{})},
	}
}

func brazilFacts(p *model.Project) *brazilFactsT {
	if s := model.ExtOf[brazilSections](p.Ext, brazilID); s != nil {
		return s.Brazil
	}
	return nil
}

func lgpdBases(p *model.Purpose) []string {
	if f := model.ExtOf[brazilPurpose](p.Ext, brazilID); f != nil {
		return f.LGPDBases
	}
	return nil
}

func (brazilPack) Requirements() []*j.Requirement {
	return []*j.Requirement{
		{ID: "LGPD-9-II", Citation: "LGPD Art. 9(I), Art. 7", Severity: diag.Error,
			Summary: "The purpose of each processing and its legal basis.", Section: "purposes",
			Data: []string{"purposes.lgpd_bases"},
			Each: j.ForEach(j.Each{In: "purposes", Require: []string{"lgpd_bases"}, At: j.AtItem,
				Message: "purpose {id} gives no legal basis under the LGPD",
				Hint:    "add lgpd_bases: to purpose {id}"})},
	}
}

func (brazilPack) Compile(c *j.Context) (*notice.Document, diag.List) {
	p := c.Project
	doc := j.NewDocument(c, brazilID, "Aviso de Privacidade", p.Notices[brazilID])
	s := &notice.Section{ID: "purposes", Title: "Purposes and legal bases"}
	var items []notice.Text
	for i, pu := range p.Purposes {
		items = append(items, notice.Plain(pu.Name)+": "+notice.Plain(strings.Join(lgpdBases(pu), ", ")))
		s.Use(model.Index("purposes", i) + ".lgpd_bases")
	}
	s.Blocks = append(s.Blocks, &notice.List{Items: items})
	enc := &notice.Section{ID: "encarregado", Title: "Encarregado"}
	enc.Blocks = append(enc.Blocks, &notice.Paragraph{Text: j.ContactLine(brazilFacts(p).Encarregado)})
	enc.Use("brazil.encarregado")
	doc.Sections = j.Sections(s, enc)
	return doc, nil
}

func (brazilPack) ChangeNames(*j.Context, *change.Names) {}

func (brazilPack) Changes(old, new *model.Project, _ *change.Names) []change.Change {
	var out change.List
	change.Match("purposes", old.Purposes, new.Purposes, func(p *model.Purpose) string { return p.ID }, nil, nil,
		func(o, n change.Item[*model.Purpose]) {
			if !change.Same(lgpdBases(o.V), lgpdBases(n.V)) {
				out.Add(change.Order{Part: change.Purposes, Item: n.Index, Step: 5},
					change.At{New: []string{n.Path + ".lgpd_bases"}, Old: []string{o.Path + ".lgpd_bases"}},
					"purpose", change.LegalBasisChanged, "The purpose %s now relies on %s under the LGPD.",
					change.Quoted(n.V.Name), change.Series(lgpdBases(n.V)))
			}
		})
	return out
}

// brazilData is the sample with the pack's data: a brazil: section and
// lgpd_bases on every purpose but those in missing.
func brazilData(t *testing.T, missing ...string) fs.FS {
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
		return line + "\n    lgpd_bases: [contract]"
	})
	m["data/purposes.yaml"].Data = []byte(purposes)
	m["data/brazil.yaml"] = &fstest.MapFile{Data: []byte("brazil:\n  encarregado:\n    name: Ana Souza\n    email: encarregado@helpwise.example\n")}
	return m
}

func TestANewPackIsAPackageAndOneLine(t *testing.T) {
	opts := &compiler.Options{Date: day, Jurisdictions: append(compiler.DefaultJurisdictions(), brazilPack{})} // the one line

	// Its data loads beside the core keys, its notice compiles.
	proj, docs, diags := compiler.Compile(brazilData(t), "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var doc *notice.Document
	for _, d := range docs {
		if d.ID == brazilID {
			doc = d
		}
	}
	if doc == nil {
		t.Fatal("no brazil notice")
	}
	md := string(render.Markdown(doc, nil))
	for _, want := range []string{"# Aviso de Privacidade", "Respond to your questions and requests: contract", "Ana Souza"} {
		if !strings.Contains(md, want) {
			t.Errorf("the notice lacks %q:\n%s", want, md)
		}
	}

	// Its requirement, stated as data, blocks at the purpose that lacks
	// the pack's field, with its rule id and the condition in words.
	_, _, diags = compiler.Compile(brazilData(t, "security"), "data", opts)
	var got []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			got = append(got, d.Path+": "+d.Message+" ["+d.Rule.ID+"]")
		}
	}
	if want := `purposes[3]: purpose "security" gives no legal basis under the LGPD [LGPD-9-II]`; strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if q := (brazilPack{}).Requirements()[0]; q.Condition() != "for each purpose" || !strings.HasSuffix(q.Defined().File, "compiler/newpack_test.go") {
		t.Errorf("condition %q, defined at %v", q.Condition(), q.Defined())
	}

	// A wrong value of its field is a positioned load error.
	bad := brazilData(t).(fstest.MapFS)
	bad["data/purposes.yaml"].Data = []byte(strings.Replace(string(bad["data/purposes.yaml"].Data), "lgpd_bases: [contract]", "lgpd_bases: [contrato]", 1))
	_, _, diags = compiler.Compile(bad, "data", opts)
	if !strings.Contains(diags.Error(), `"contrato" is not an allowed value for lgpd_bases`) {
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
	if ref := schema.Reference(sopts); !strings.Contains(ref, "`lgpd_bases`") || !strings.Contains(ref, "`brazil`") {
		t.Error("the data reference lacks the pack's keys")
	}

	// Its data is snapshotted beside the core keys, and its changes are
	// reported with the core's.
	snap, err := release.Snapshot(proj)
	if err != nil || !strings.Contains(string(snap), `"lgpd_bases"`) {
		t.Fatalf("snapshot: %v", err)
	}
	changed := brazilData(t).(fstest.MapFS)
	changed["data/purposes.yaml"].Data = []byte(strings.Replace(string(changed["data/purposes.yaml"].Data), "lgpd_bases: [contract]", "lgpd_bases: [consent]", 1))
	proj2, _, diags := compiler.Compile(changed, "data", opts)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var sentences []string
	for _, c := range compiler.ChangesOf(proj, proj2, opts) {
		sentences = append(sentences, c.Sentence)
	}
	if want := "The purpose “Respond to your questions and requests” now relies on consent under the LGPD."; strings.Join(sentences, "|") != want {
		t.Errorf("changes: %q, want %q", sentences, want)
	}
}
