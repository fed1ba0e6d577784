package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
)

func TestMessages(t *testing.T) {
	fsys := fstest.MapFS{
		"global/messages/en.yaml": {Data: []byte("language: en\nmessages:\n  about.title:\n    text: About this policy\n  n:\n    one: \"{{.Count}} processor\"\n    text: \"{{.Count}} processors\"\n    description: processors counted\n")},
		"global/messages/de.yaml": {Data: []byte("language: de\nmessages:\n  about.title:\n    hash: abc\n    text: Über diese Erklärung\n")},
	}
	files, ds := load.Messages(fsys, "global/messages", "")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if len(files) != 2 || files[0].Language != "de" || files[1].Language != "en" {
		t.Fatalf("files %+v", files)
	}
	en := files[1]
	if len(en.Messages) != 2 || en.Messages[0].ID != "about.title" || en.Messages[0].Pos.String() != "global/messages/en.yaml:4:5" ||
		en.Messages[1].One != "{{.Count}} processor" || en.Messages[1].Description != "processors counted" {
		for _, m := range en.Messages {
			t.Logf("%+v", *m)
		}
		t.Fatal("English messages")
	}
	if files[0].Messages[0].Hash != "abc" || files[0].Messages[0].Other != "Über diese Erklärung" {
		t.Fatalf("German %+v", *files[0].Messages[0])
	}
	if _, cds := locale.New("global", files...); !strings.Contains(cds.Error(), "stale") {
		t.Errorf("a wrong hash: %v", cds)
	}
}

func TestMessagesStrict(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"language: en\nmessages:\n  a:\n    txt: x\n", `unknown key "txt"`},
		{"language: en\nmessages:\n  a:\n    one: x\n", "text"},
		{"messages:\n  a:\n    text: x\n", "language"},
		{"language: en\nmessages: [a]\n", "messages"},
		{"language: en\nmessages: {a: x}\n", "messages.a"},
		{"language: en\nmessages:\n  a:\n    text: [x]\n", "text"},
	} {
		_, ds := load.Messages(fstest.MapFS{"m/en.yaml": {Data: []byte(tc.src)}}, "m", "src/m")
		if !strings.Contains(ds.Error(), tc.want) || !strings.Contains(ds.Error(), "src/m/en.yaml:") {
			t.Errorf("%q: %v, want %q", tc.src, ds, tc.want)
		}
	}
}
