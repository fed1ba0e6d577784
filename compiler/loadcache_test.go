package compiler_test

import (
	"bytes"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/internal/scaledata"
)

// Compiling through a load cache (the live preview) gives what compiling
// from scratch gives, project, notices and diagnostics, after a file
// changed and after it broke.
func TestCompileWithLoadCache(t *testing.T) {
	files, err := scaledata.Files(scaledata.Options{Processors: 40, PerFile: 10})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for p, b := range files {
		fsys[p] = &fstest.MapFile{Data: b}
	}
	name := "data/processors/0002.yaml"
	cached := &compiler.Options{Date: "2027-01-04", LoadCache: &load.Cache{}}
	for i, edit := range []func([]byte) []byte{
		func(b []byte) []byte { return b },
		func(b []byte) []byte { return bytes.Replace(b, []byte("name: "), []byte("name: Renamed "), 1) },
		func(b []byte) []byte { return bytes.Replace(b, []byte("country: "), []byte("country: XX"), 1) },
		func(b []byte) []byte { return append(b, "  - [\n"...) },
		func(b []byte) []byte { return files[name] },
	} {
		fsys[name] = &fstest.MapFile{Data: edit(fsys[name].Data)}
		proj, docs, diags := compiler.Compile(fsys, "data", cached)
		wantProj, wantDocs, wantDiags := compiler.Compile(fsys, "data", &compiler.Options{Date: "2027-01-04"})
		if !reflect.DeepEqual(proj, wantProj) || !reflect.DeepEqual(docs, wantDocs) || !reflect.DeepEqual(values(diags), values(wantDiags)) {
			t.Errorf("edit %d: compiling through the cache differs:\n%s\nfrom scratch:\n%s", i, diags, wantDiags)
		}
		if i == 1 && (len(docs) == 0 || diags.HasErrors()) {
			t.Fatalf("edit %d compiles no notices: %s", i, diags)
		}
	}
}

func values(l diag.List) []diag.Diagnostic {
	out := make([]diag.Diagnostic, len(l))
	for i, d := range l {
		out[i] = *d
	}
	return out
}
