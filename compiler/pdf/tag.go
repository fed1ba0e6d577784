package pdf

import (
	"fmt"

	"github.com/disclose-dev/disclose/compiler/pdf/internal/fpdf"
)

// Tagging (PDF/UA-1, ISO 14289-1): fpdf has no tagging API, so the
// renderer builds the structure tree itself while it draws, and marks
// every piece of the page streams: each element's content is a marked
// content sequence with an MCID (BDC ... EMC), everything else (running
// header and footer, page numbers, rules, table borders, backgrounds,
// repeated header rows) an artifact. finish then writes the tree and the
// catalog entries into fpdf's output.
//
// The invariant that keeps every operator inside marked content: on a
// page, exactly one sequence is open at any time, either the content of
// an element (t.mc) or an artifact (t.mc nil). The header callback opens
// the page (closing the artifact finish puts around what fpdf writes
// before it, and reopening t.mc's content with a new MCID when a page
// breaks inside an element), the footer callback closes it.

// elem is a structure element.
type elem struct {
	role   string
	parent *elem
	kids   []kid
	alt    string // alternate text (/Alt), for links
	actual string // replacement text (/ActualText), for a redline's marks
	scope  string // a header cell's scope: "Column" or "Row"
	link   int    // a Link's number in tagger.links, from 1
	page   int    // the page of its first content, from 1; 0 before any
	obj    int    // its object number, while finishing
}

// kid is a child of an element: an element, marked content (MCID mcid
// on page page), or, with annot set, a link annotation (object number
// annot, on page page).
type kid struct {
	elem              *elem
	page, mcid, annot int
}

// link is a link annotation's target: a web, mail or telephone address,
// or an anchor of the notice.
type link struct {
	elem   *elem
	uri    string
	anchor string
}

type tagger struct {
	f     *fpdf.Fpdf
	root  *elem
	stack []*elem
	mc    *elem     // the element whose content is open; nil for an artifact
	pages [][]*elem // per page, the element of each MCID
	links []link
}

func newTagger(f *fpdf.Fpdf) *tagger {
	root := &elem{role: "Document"}
	return &tagger{f: f, root: root, stack: []*elem{root}}
}

func (t *tagger) top() *elem { return t.stack[len(t.stack)-1] }

// add returns a new element, the last child of parent.
func (t *tagger) add(parent *elem, role string) *elem {
	e := &elem{role: role, parent: parent}
	parent.kids = append(parent.kids, kid{elem: e})
	return e
}

// open adds an element to the one on top of the stack and pushes it.
func (t *tagger) open(role string) *elem {
	e := t.add(t.top(), role)
	t.stack = append(t.stack, e)
	return e
}

// close pops the element on top of the stack; when its content (or its
// children's) is open, what is drawn next is an artifact until content is
// marked again.
func (t *tagger) close() {
	e := t.top()
	t.stack = t.stack[:len(t.stack)-1]
	for m := t.mc; m != nil; m = m.parent {
		if m == e {
			t.artifact()
			return
		}
	}
}

// content marks what is drawn next as content of the element on top of
// the stack.
func (t *tagger) content() { t.mark(t.top()) }

// mark marks what is drawn next as content of e.
func (t *tagger) mark(e *elem) {
	if t.mc == e {
		return
	}
	t.f.RawWriteStr("EMC")
	t.begin(e)
}

// begin opens a marked content sequence of e on the current page.
func (t *tagger) begin(e *elem) {
	page := t.f.PageNo()
	for len(t.pages) < page {
		t.pages = append(t.pages, nil)
	}
	mcid := len(t.pages[page-1])
	t.pages[page-1] = append(t.pages[page-1], e)
	e.kids = append(e.kids, kid{page: page, mcid: mcid})
	if e.page == 0 {
		e.page = page
	}
	t.f.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", e.role, mcid))
	t.mc = e
}

// artifact marks what is drawn next as an artifact.
func (t *tagger) artifact() {
	if t.mc == nil {
		return
	}
	t.f.RawWriteStr("EMC\n/Artifact BMC")
	t.mc = nil
}

// pageStart is called first by the header callback: it closes the
// artifact around fpdf's page set-up and returns with nothing open; the
// header is drawn, then resume reopens what was open.
func (t *tagger) pageStart() { t.f.RawWriteStr("EMC") }

// resume reopens, after the header, what was open when the page broke.
func (t *tagger) resume() {
	if e := t.mc; e != nil {
		t.begin(e)
		return
	}
	t.f.RawWriteStr("/Artifact BMC")
}

// pageEnd is called first by the footer callback: it closes what is open.
func (t *tagger) pageEnd() { t.f.RawWriteStr("EMC") }

// pagination writes an artifact of the given subtype (Header, Footer)
// around draw.
func (t *tagger) pagination(subtype string, draw func()) {
	t.f.RawWriteStr("/Artifact <</Type /Pagination /Subtype /" + subtype + ">> BDC")
	draw()
	t.f.RawWriteStr("EMC")
}

// newLink adds a Link element to the element on top of the stack, for a
// link to uri (or to the anchor of this notice), with alternate text alt,
// and pushes it. Its annotations are named by the link's number.
func (t *tagger) newLink(uri, anchor, alt string) (*elem, string) {
	e := t.open("Link")
	e.alt = alt
	t.links = append(t.links, link{elem: e, uri: uri, anchor: anchor})
	e.link = len(t.links)
	return e, linkName(e.link)
}

func linkName(n int) string { return fmt.Sprintf("disclose-link-%d", n) }
