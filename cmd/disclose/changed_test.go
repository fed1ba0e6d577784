package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
)

func TestReadChanged(t *testing.T) {
	write := func(s string) string {
		p := filepath.Join(t.TempDir(), "changed.diff")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c, err := readChanged(write(`diff --git a/data/a.yaml b/data/a.yaml
--- a/data/a.yaml
+++ b/data/a.yaml
@@ -3 +3 @@ purposes:
-x
+y
@@ -10,0 +11,2 @@
+z
+w
@@ -20,2 +21,0 @@
-gone
-gone
diff --git a/data/old.yaml b/data/old.yaml
--- a/data/old.yaml
+++ /dev/null
@@ -1,3 +0,0 @@
-a
`))
	if err != nil {
		t.Fatal(err)
	}
	if want := (changedLines{"data/a.yaml": {{3, 3}, {11, 12}}}); !reflect.DeepEqual(c, want) {
		t.Errorf("readChanged = %v, want %v", c, want)
	}
	ds := diag.List{
		{Pos: diag.Pos{File: "data/a.yaml", Line: 2}},
		{Pos: diag.Pos{File: "data/a.yaml", Line: 12}},
		{Pos: diag.Pos{File: "data/b.yaml", Line: 3}},
		{Pos: diag.Pos{File: "data/a.yaml", Line: 3}},
	}
	got := changedFirst(ds, c)
	if got[0] != ds[1] || got[1] != ds[3] || got[2] != ds[0] || got[3] != ds[2] {
		t.Errorf("changedFirst order: %v", got)
	}
	if empty, err := readChanged(write("")); err != nil || len(empty) != 0 {
		t.Errorf("an empty diff: %v, %v", empty, err)
	}
	if _, err := readChanged(write("+++ b/x.yaml\n@@ -1 +one @@\n")); err == nil {
		t.Error("a bad hunk header was read")
	}
}
