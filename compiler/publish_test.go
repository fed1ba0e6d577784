package compiler_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/site"
)

// Publish refuses, before any Hugo runs, a changed history (ErrHistory)
// and data with errors (ErrData), returning every diagnostic and leaving
// the output folder alone.
func TestPublishRefuses(t *testing.T) {
	project := t.TempDir()
	if err := os.MkdirAll(filepath.Join(project, "releases"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(project, "public")
	opts := compiler.PublishOptions{Data: disclose.Sample, DataDir: "data", ProjectDir: project, Date: sampleOpts.Date,
		Site: site.Options{Out: out, Hugo: []string{"false"}}}

	// A legacy ledger is a history that cannot be trusted.
	b, err := os.ReadFile("../releases/ledger.json")
	if err != nil {
		t.Fatal(err)
	}
	legacy := strings.Replace(string(b), `"format": 2,`, "", 1)
	if err := os.WriteFile(filepath.Join(project, "releases", "ledger.json"), []byte(legacy), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := compiler.Publish(context.Background(), opts)
	if !errors.Is(err, compiler.ErrHistory) || !res.Diags.HasErrors() {
		t.Errorf("a changed history: err %v, diags %v", err, res.Diags)
	}
	os.RemoveAll(filepath.Join(project, "releases"))

	broken := fstest.MapFS{"data/organization.yaml": {Data: []byte("organization:\n  name: [\n")}}
	opts.Data = broken
	res, err = compiler.Publish(context.Background(), opts)
	if !errors.Is(err, compiler.ErrData) || !res.Diags.HasErrors() || res.Project == nil {
		t.Errorf("broken data: err %v, diags %v", err, res.Diags)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused publish wrote the output folder")
	}
}
