package compiler_test

import (
	"bytes"
	"io/fs"
	"testing"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/migrate"
	"github.com/disclose-dev/disclose/compiler/render"
	"github.com/disclose-dev/disclose/compiler/schema"
	_ "github.com/disclose-dev/disclose/internal/golden"
)

// The sample company, the embedded default, passes every check.
func TestSampleIsClean(t *testing.T) {
	proj, diags := compiler.Check(disclose.Sample, "data", sampleOpts)
	if len(diags) > 0 {
		var b bytes.Buffer
		p := diag.Printer{Source: proj.Source.File}
		_ = p.Print(&b, diags)
		t.Fatalf("the sample data has %s:\n%s", diag.Summary(diags), b.String())
	}
	if n := len(proj.Processors); n < 10 {
		t.Errorf("sample has %d processors, want at least 10", n)
	}
	countries := map[string]bool{}
	for _, p := range proj.Processors {
		countries[p.Country] = true
	}
	if len(countries) < 3 {
		t.Errorf("sample processors are in %d countries, want several", len(countries))
	}
}

// BenchmarkCheckSample measures loading and checking the whole sample.
func BenchmarkCheckSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := compiler.Check(disclose.Sample, "data", sampleOpts); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

// Every sample file names the JSON Schema so editors autocomplete and flag
// errors while typing.
func TestSampleFilesReferenceSchema(t *testing.T) {
	files, err := fs.Glob(disclose.Sample, "data/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample files: %v", err)
	}
	ref := migrate.Modeline(schema.ID) + "\n"
	for _, name := range files {
		b, err := fs.ReadFile(disclose.Sample, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(ref)) {
			t.Errorf("%s does not start with %q", name, ref)
		}
	}
}

// BenchmarkCompileSample measures loading, checking and compiling the sample
// into its notices (one per registered pack) and rendering them to Markdown.
func BenchmarkCompileSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, docs, diags := compiler.Compile(disclose.Sample, "data", sampleOpts)
		if diags.HasErrors() || len(docs) != len(compiler.DefaultJurisdictions()) {
			b.Fatal(diags)
		}
		for _, d := range docs {
			_ = render.Markdown(d, nil)
		}
	}
}
