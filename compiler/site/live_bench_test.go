package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	disclose "github.com/disclose-dev/disclose"
	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/site"
)

// BenchmarkLiveRebuild times the site part of a preview's rebuild after a
// save (one that every notice shows, one that one notice shows), the data
// compiled beforehand: site.Build as disclose build runs it (a fresh Hugo project,
// Hugo run once, every page's links checked, the swap) against site.Live
// as serve runs it (the files that changed, Hugo run once or in watch mode
// as it chooses, the changed pages' links), and Live forced into Hugo's
// watch mode. The data is the sample's, or that of the project folder
// $DISCLOSE_SCALE_DIR (such as internal/scaledata's 5,000 processors).
func BenchmarkLiveRebuild(b *testing.B) {
	var data fs.FS = disclose.Sample
	if dir := os.Getenv("DISCLOSE_SCALE_DIR"); dir != "" {
		data = os.DirFS(dir)
	}
	files := map[string][]byte{}
	if err := fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(data, p)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	compile := func(files map[string][]byte) *site.Input {
		fsys := fstest.MapFS{}
		for name, data := range files {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		proj, docs, diags := compiler.Compile(fsys, "data", &compiler.Options{Date: model.Date("2026-11-23")})
		if diags.HasErrors() {
			b.Fatalf("the data does not compile:\n%v", diags)
		}
		return &site.Input{Project: proj, Notices: site.PreviewNotices(docs)}
	}
	// Two saves: one renames a purpose, which every notice shows; the other
	// the first name in brazil.yaml (the Brazilian notice's officer), which
	// one notice shows.
	saves := map[string][]*site.Input{}
	for _, sv := range []struct{ name, file string }{{"purpose", "data/purposes.yaml"}, {"one-notice", "data/brazil.yaml"}} {
		was := files[sv.file]
		i := bytes.Index(was, []byte("name: "))
		if i < 0 {
			b.Fatalf("no name in %s", sv.file)
		}
		i += len("name: ")
		inputs := []*site.Input{compile(files)}
		files[sv.file] = append(append(append([]byte(nil), was[:i]...), "Really "...), was[i:]...)
		inputs = append(inputs, compile(files))
		files[sv.file] = was
		saves[sv.name] = inputs
	}
	mod, _ := filepath.Abs("../../tools/hugo/go.mod")
	hugoDir := filepath.Dir(mod)
	hugoCmd := site.ResolveHugo(context.Background(), []string{"go", "tool", "-modfile=" + mod, "hugo"}, hugoDir, nil)
	ctx := context.Background()
	run := func(b *testing.B, inputs []*site.Input, opts site.Options) {
		dir := b.TempDir()
		opts.ProjectDir, opts.Theme, opts.Hugo, opts.HugoDir, opts.PDFOnRequest = dir, disclose.Theme, hugoCmd, hugoDir, true
		if opts.Live == nil {
			opts.Out = filepath.Join(dir, "public")
		}
		for n := range 3 { // the first build, then Hugo's watch mode settled
			if err := site.Build(ctx, inputs[n%2], opts); err != nil {
				b.Fatal(err)
			}
		}
		n := 1
		for b.Loop() {
			if err := site.Build(ctx, inputs[n%2], opts); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	for _, save := range []string{"purpose", "one-notice"} {
		inputs := saves[save]
		b.Run(save+"/build", func(b *testing.B) { run(b, inputs, site.Options{}) })
		b.Run(save+"/live", func(b *testing.B) {
			live := site.NewLive(filepath.Join(b.TempDir(), "live"))
			defer live.Close()
			run(b, inputs, site.Options{Live: live})
		})
		b.Run(save+"/watch", func(b *testing.B) {
			live := site.NewLive(filepath.Join(b.TempDir(), "live"))
			live.WatchAfter = 0
			defer live.Close()
			run(b, inputs, site.Options{Live: live})
		})
	}
}
