package notice_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/disclose-dev/disclose/compiler/notice"
)

// A web address in a plain value stays text: Hugo's Markdown (with
// autolinking, as the site's) makes no link of it, while a link written with
// Link keeps its text as written.
func TestPlainIsNeverAutolinked(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Linkify))
	for _, s := range []string{"Acme https://evil.example/x", "Acme www.evil.example", "HTTP://EVIL.EXAMPLE"} {
		var b bytes.Buffer
		if err := md.Convert([]byte(notice.Plain(s)), &b); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "<a ") || !strings.Contains(strings.ToLower(b.String()), strings.ToLower(strings.Fields(s)[len(strings.Fields(s))-1])) {
			t.Errorf("Plain(%q) renders as %q", s, b.String())
		}
	}
	if got := notice.Link(notice.Plain("www.example.com/x"), "https://www.example.com/x"); got != "[www.example.com/x](https://www.example.com/x)" {
		t.Errorf("Link text = %q", got)
	}
}
