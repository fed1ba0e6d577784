package site_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/disclose-dev/disclose/compiler/site"
)

// openCounter counts the files opened, by name.
type openCounter struct {
	fs.FS
	opened map[string]int
}

func (o openCounter) Open(name string) (fs.File, error) {
	o.opened[name]++
	return o.FS.Open(name)
}

// A LinkCache reads only the pages that changed, keeps the ids of those
// that did not, and still checks every page's links against the site as
// it is now; it gives what CheckLinks gives.
func TestLinkCacheReadsOnlyChangedPages(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	mfs := fstest.MapFS{
		"index.html":    {Data: []byte(`<a href="eu/#rights">rights</a> <a href="eu/#gone">gone</a>`), ModTime: t0},
		"eu/index.html": {Data: []byte(`<h2 id="rights">Rights</h2><h2 id="gone">Gone</h2>`), ModTime: t0},
		"us/index.html": {Data: []byte(`<p id="x">US</p>`), ModTime: t0},
	}
	site1 := openCounter{mfs, map[string]int{}}
	var c site.LinkCache
	if d := c.Check(site1, "/"); len(d) > 0 {
		t.Fatalf("first check: %v", d)
	}
	// eu loses an anchor index.html links to; us gains a broken link.
	mfs["eu/index.html"] = &fstest.MapFile{Data: []byte(`<h2 id="rights">Rights</h2>`), ModTime: t0.Add(time.Second)}
	mfs["us/index.html"] = &fstest.MapFile{Data: []byte(`<p id="x">US</p><a href="../nowhere/">n</a>`), ModTime: t0.Add(time.Second)}
	site2 := openCounter{mfs, map[string]int{}}
	got := c.Check(site2, "/")
	var msgs []string
	for _, d := range got {
		msgs = append(msgs, d.Pos.String()+": "+d.Message)
	}
	want := []string{
		`index.html:1: link "eu/#gone": eu/index.html has no element with id "gone"`,
		`us/index.html:1: link "../nowhere/" leads to nowhere/index.html, which the site does not have`,
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if site2.opened["index.html"] != 0 {
		t.Errorf("the unchanged page was read again (%d times)", site2.opened["index.html"])
	}
	if site2.opened["eu/index.html"] == 0 || site2.opened["us/index.html"] == 0 {
		t.Errorf("a changed page was not read: %v", site2.opened)
	}
	full := site.CheckLinks(mfs, "/")
	if len(full) != len(got) {
		t.Errorf("CheckLinks found %d, the cache %d", len(full), len(got))
	}
	// A page that is gone no longer has ids.
	delete(mfs, "eu/index.html")
	if d := c.Check(mfs, "/"); len(d) != 3 {
		t.Errorf("after removing eu: %v", d)
	}
}
