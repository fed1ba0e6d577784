package compiler_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/render"
)

// Every version frozen under releases/, whatever disclose wrote it, still
// loads and renders byte for byte as it was released: its notice.json
// renders to its notice.md, and its data snapshot decodes into today's
// model (strictly: an unknown key would be an error).
func TestFrozenReleasesRenderAsReleased(t *testing.T) {
	fsys := os.DirFS("..")
	l, err := release.Read(fsys, "releases")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Versions) < 30 {
		t.Fatalf("%d released versions, want the sample's whole history", len(l.Versions))
	}
	for _, v := range l.Versions {
		doc, err := release.Load(fsys, "releases", v)
		if err != nil {
			t.Errorf("%s: %v", v.Folder(), err)
			continue
		}
		frozen, err := fs.ReadFile(fsys, path.Join("releases", v.Folder(), "notice.md"))
		if err != nil {
			t.Errorf("%s: %v", v.Folder(), err)
			continue
		}
		if got := render.Markdown(doc, nil); !bytes.Equal(got, frozen) {
			t.Errorf("%s: notice.json no longer renders to its frozen notice.md", v.Folder())
		}
		data, err := release.LoadData(fsys, "releases", v)
		if err != nil {
			t.Errorf("%s: %v", v.Folder(), err)
			continue
		}
		if _, err := release.Decode(data, compiler.Extensions()); err != nil {
			t.Errorf("%s: the data snapshot no longer decodes: %v", v.Folder(), err)
		}
	}
}
