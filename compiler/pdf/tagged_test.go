package pdf_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/notice"
	"github.com/disclose-dev/disclose/compiler/pdf"
	mdrender "github.com/disclose-dev/disclose/compiler/render"
)

// withSummary gives d a summary like the packs': key points (one linking
// the section with the detail) and the ways to act.
func withSummary(d *notice.Document) *notice.Document {
	detail := d.Sections[len(d.Sections)/2]
	d.Summary = &notice.Section{ID: "key-points", Title: "Key points"}
	d.Summary.Add(
		&notice.KeyPoints{Points: []notice.KeyPoint{
			{Label: "Your rights", Text: "You can ask for **a copy** of your data, or [ask us](mailto:privacy@helpwise.example) to delete it.", Section: detail.ID},
			{Label: "Selling", Text: "We do not sell your personal information."},
		}},
		&notice.Actions{Items: []notice.Action{
			{Label: "Make a privacy request", URL: "https://helpwise.example/privacy/request", Primary: true},
			{Label: "Email privacy@helpwise.example", URL: "mailto:privacy@helpwise.example"},
			{Label: "Read about your rights", URL: "#" + detail.ID},
		}})
	return d
}

// node is an element of the structure tree as pdfinfo -struct-text prints
// it: poppler reads the tree and the text of each element's marked
// content through its MCIDs.
type node struct {
	role  string
	attrs []string
	text  string // a text node's text
	kids  []*node
}

func structTree(t *testing.T, path string) *node {
	t.Helper()
	out := tool(t, "pdfinfo", "-struct-text", path)
	root := &node{role: "(root)"}
	type level struct {
		indent int
		n      *node
	}
	stack := []level{{-1, root}}
	var last *node
	for _, line := range strings.Split(out, "\n") {
		s := strings.TrimLeft(line, " ")
		if s == "" {
			continue
		}
		indent := len(line) - len(s)
		if strings.HasPrefix(s, "/") && last != nil { // an attribute of the element above
			last.attrs = append(last.attrs, s)
			continue
		}
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1].n
		n := &node{}
		switch {
		case strings.HasPrefix(s, `"`):
			n.role, n.text = "#text", strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
		case strings.HasPrefix(s, "Object "):
			n.role = "#object"
		default:
			n.role = strings.TrimSuffix(strings.Fields(s)[0], ":")
			last = n
		}
		parent.kids = append(parent.kids, n)
		stack = append(stack, level{indent, n})
	}
	return root
}

// textOf returns the text under n, squashed.
func textOf(n *node) string { return squash(rawText(n)) }

// rawText returns the text under n.
func rawText(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		b.WriteString(n.text)
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// inline reports whether an element is part of the text of a line.
func inline(n *node) bool { return n.role == "#text" || n.role == "Link" || n.role == "#object" }

// readingLines returns the structure tree read as render.Plain writes a
// notice: headings with one "#" per level, paragraphs, list items with
// "• ", table rows with their cells joined by " — ".
func readingLines(n *node, out *[]string) {
	switch n.role {
	case "H1", "H2", "H3", "H4", "H5", "H6":
		level, _ := strconv.Atoi(n.role[1:])
		*out = append(*out, strings.Repeat("#", level)+" "+textOf(n))
	case "P", "Caption":
		*out = append(*out, textOf(n))
	case "LI":
		var line strings.Builder
		var blocks []*node
		for _, k := range n.kids {
			if k.role != "LBody" {
				continue
			}
			for _, c := range k.kids {
				if inline(c) {
					line.WriteString(rawText(c))
				} else {
					blocks = append(blocks, c)
				}
			}
		}
		*out = append(*out, squash("• "+line.String()))
		for _, c := range blocks {
			readingLines(c, out)
		}
	case "TR":
		var cells []string
		for _, k := range n.kids {
			cells = append(cells, textOf(k))
		}
		*out = append(*out, strings.TrimRight(strings.Join(cells, " — "), " —"))
	default:
		for _, k := range n.kids {
			readingLines(k, out)
		}
	}
}

// TestStructureTreeIsTheNotice reads each sample notice's structure tree
// (with the key points and actions the packs compile) back (with the text of every element, from its marked content) and
// compares it with the notice IR, read as render.Plain reads it: every
// heading at its level, paragraph, list item, key point, action and table
// row with its cells, in order, after the title block.
func TestStructureTreeIsTheNotice(t *testing.T) {
	for _, d := range sample(t) {
		t.Run(d.ID, func(t *testing.T) {
			t.Parallel() // poppler takes seconds to read a notice's tree
			if d.Summary == nil {
				t.Fatal("the sample notice has no summary")
			}
			path := write(t, render(t, d))
			var got []string
			readingLines(structTree(t, path), &got)

			want := []string{d.Organization, "# " + d.Title, "Version: 2026-11",
				"Effective: " + mdrender.LongDate(d.Effective), "Last updated: " + mdrender.LongDate(d.LastUpdated),
				"Online: https://helpwise.example/" + d.ID + "/"}
			plain := strings.Split(mdrender.Plain(d), "\n")
			for _, l := range plain[1:] { // after "# Title"
				if l = squash(l); l != "" {
					want = append(want, strings.TrimRight(l, " —"))
				}
			}
			for i := range max(len(got), len(want)) {
				g, w := "(nothing)", "(nothing)"
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Fatalf("element %d of the structure tree:\n got %q\nwant %q", i, g, w)
				}
			}
		})
	}
}

// pdfJSON is a PDF as qpdf --json (version 2) gives it, streams decoded.
type pdfJSON struct {
	Pages []struct {
		Object   string   `json:"object"`
		Contents []string `json:"contents"`
	} `json:"pages"`
	QPDF [2]json.RawMessage `json:"qpdf"`
	objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
			Data string         `json:"data"`
		} `json:"stream"`
	}
}

func readJSON(t *testing.T, path string) *pdfJSON {
	t.Helper()
	out := tool(t, "qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path)
	var p pdfJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(p.QPDF[1], &p.objs); err != nil {
		t.Fatal(err)
	}
	return &p
}

// dict returns object ref's dictionary (a stream's dictionary for a
// stream).
func (p *pdfJSON) dict(t *testing.T, ref any) map[string]any {
	t.Helper()
	s, _ := ref.(string)
	o, ok := p.objs["obj:"+s]
	if !ok {
		if ref == nil {
			return nil
		}
		if d, ok := ref.(map[string]any); ok { // a direct dictionary
			return d
		}
		t.Fatalf("no object %v", ref)
	}
	if o.Stream != nil {
		return o.Stream.Dict
	}
	d, _ := o.Value.(map[string]any)
	return d
}

func (p *pdfJSON) data(t *testing.T, ref string) []byte {
	t.Helper()
	o := p.objs["obj:"+ref]
	if o.Stream == nil {
		t.Fatalf("%s is not a stream", ref)
	}
	b, err := base64.StdEncoding.DecodeString(o.Stream.Data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (p *pdfJSON) catalog(t *testing.T) map[string]any {
	t.Helper()
	trailer, _ := p.objs["trailer"].Value.(map[string]any)
	return p.dict(t, trailer["/Root"])
}

// op is an operator of a content stream with its operands.
type op struct {
	name     string
	operands []string
}

// tokenize splits a content stream into operators and operands
// (PDF 32000-1 §7.2, §7.8.2): strings, hexadecimal strings, names,
// numbers, arrays and dictionaries (their delimiters as operands).
func tokenize(t *testing.T, b []byte) []op {
	var ops []op
	var operands []string
	white := func(c byte) bool { return strings.IndexByte(" \t\r\n\f\x00", c) >= 0 }
	delim := func(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case white(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			start, depth := i, 0
			for ; i < len(b); i++ {
				if b[i] == '\\' {
					i++
					continue
				}
				if b[i] == '(' {
					depth++
				}
				if b[i] == ')' {
					if depth--; depth == 0 {
						i++
						break
					}
				}
			}
			operands = append(operands, string(b[start:i]))
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			operands = append(operands, string(b[i:i+2]))
			i += 2
		case c == '<':
			end := strings.IndexByte(string(b[i:]), '>')
			if end < 0 {
				t.Fatalf("unterminated hexadecimal string at %d", i)
			}
			operands = append(operands, string(b[i:i+end+1]))
			i += end + 1
		case c == '[' || c == ']':
			operands = append(operands, string(c))
			i++
		case c == '/':
			start := i
			for i++; i < len(b) && !white(b[i]) && !delim(b[i]); i++ {
			}
			operands = append(operands, string(b[start:i]))
		default:
			start := i
			for ; i < len(b) && !white(b[i]) && !delim(b[i]); i++ {
			}
			if i == start {
				t.Fatalf("unexpected %q at %d", c, i)
			}
			w := string(b[start:i])
			if _, err := strconv.ParseFloat(w, 64); err == nil || w == "true" || w == "false" || w == "null" {
				operands = append(operands, w)
				continue
			}
			ops = append(ops, op{w, operands})
			operands = nil
		}
	}
	if len(operands) > 0 {
		t.Errorf("operands without an operator at the end: %q", operands)
	}
	return ops
}

// mcidOf returns the MCID of a BDC's property list, or -1.
func mcidOf(operands []string) int {
	for i, o := range operands {
		if o == "/MCID" && i+1 < len(operands) {
			if n, err := strconv.Atoi(operands[i+1]); err == nil {
				return n
			}
		}
	}
	return -1
}

// checkTagged checks a tagged PDF: every operator of every page's content
// is inside exactly one marked content sequence, an artifact or content
// with an MCID; the MCIDs of a page count from 0, and the parent tree
// gives each the structure element whose /K holds it; every annotation
// is a link with /Contents and /StructParent, and its element holds it as
// an OBJR; every Link element has /Alt; header cells have a scope; the
// catalog has /MarkInfo, /Lang, /StructTreeRoot, /ViewerPreferences
// /DisplayDocTitle and XMP metadata with the title and the PDF/UA part;
// every page /StructParents and /Tabs /S. It returns the JSON.
func checkTagged(t *testing.T, path, title, lang string) *pdfJSON {
	t.Helper()
	p := readJSON(t, path)
	cat := p.catalog(t)
	if cat["/Lang"] != "u:"+lang {
		t.Errorf("/Lang %v, want %q", cat["/Lang"], lang)
	}
	if m, _ := cat["/MarkInfo"].(map[string]any); m["/Marked"] != true {
		t.Errorf("/MarkInfo %v", cat["/MarkInfo"])
	}
	if v, _ := cat["/ViewerPreferences"].(map[string]any); v["/DisplayDocTitle"] != true {
		t.Errorf("/ViewerPreferences %v", cat["/ViewerPreferences"])
	}
	meta, _ := cat["/Metadata"].(string)
	if meta == "" {
		t.Fatal("no XMP metadata")
	}
	xmp := string(p.data(t, meta))
	for _, want := range []string{`<rdf:li xml:lang="x-default">` + title + `</rdf:li>`, "<pdfuaid:part>1</pdfuaid:part>", "<rdf:li>" + lang + "</rdf:li>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP metadata lacks %q:\n%s", want, xmp)
		}
	}
	root := p.dict(t, cat["/StructTreeRoot"])
	if root["/Type"] != "/StructTreeRoot" {
		t.Fatalf("StructTreeRoot %v", root)
	}
	nums, _ := p.dict(t, root["/ParentTree"])["/Nums"].([]any)
	parents := map[int]any{}
	for i := 0; i+1 < len(nums); i += 2 {
		parents[int(nums[i].(float64))] = nums[i+1]
	}
	// holds reports whether element e's /K holds kid (an MCID on page, or
	// an OBJR of an annotation).
	holds := func(e map[string]any, page string, mcid int, annot string) bool {
		kids, ok := e["/K"].([]any)
		if !ok {
			kids = []any{e["/K"]}
		}
		for _, k := range kids {
			switch k := k.(type) {
			case float64:
				if annot == "" && int(k) == mcid && e["/Pg"] == page {
					return true
				}
			case map[string]any:
				if annot == "" && k["/Type"] == "/MCR" && k["/Pg"] == page && k["/MCID"] == float64(mcid) {
					return true
				}
				if annot != "" && k["/Type"] == "/OBJR" && k["/Obj"] == annot {
					return true
				}
			}
		}
		return false
	}
	for n, pg := range p.Pages {
		page := p.dict(t, pg.Object)
		if page["/Tabs"] != "/S" {
			t.Errorf("page %d: /Tabs %v", n+1, page["/Tabs"])
		}
		key, ok := page["/StructParents"].(float64)
		if !ok {
			t.Fatalf("page %d has no /StructParents", n+1)
		}
		elems, _ := parents[int(key)].([]any)
		var stack []string
		next := 0
		for _, c := range pg.Contents {
			for _, o := range tokenize(t, p.data(t, c)) {
				switch o.name {
				case "BMC", "BDC":
					if len(stack) > 0 {
						t.Fatalf("page %d: %s %q inside %s", n+1, o.name, o.operands, stack[0])
					}
					if len(o.operands) == 0 {
						t.Fatalf("page %d: %s without a tag", n+1, o.name)
					}
					tag := o.operands[0]
					if tag != "/Artifact" {
						mcid := mcidOf(o.operands)
						if mcid != next {
							t.Fatalf("page %d: %s with MCID %d, want %d", n+1, tag, mcid, next)
						}
						next++
						if mcid >= len(elems) {
							t.Fatalf("page %d: MCID %d is not in the parent tree", n+1, mcid)
						}
						e := p.dict(t, elems[mcid])
						if e["/S"] != tag || !holds(e, pg.Object, mcid, "") {
							t.Fatalf("page %d: MCID %d (%s) belongs to %v, which does not hold it", n+1, mcid, tag, e)
						}
					}
					stack = append(stack, tag)
				case "EMC":
					if len(stack) == 0 {
						t.Fatalf("page %d: EMC with nothing open", n+1)
					}
					stack = stack[:len(stack)-1]
				default:
					if len(stack) == 0 {
						t.Fatalf("page %d: %s %q outside marked content", n+1, o.name, o.operands)
					}
				}
			}
		}
		if len(stack) > 0 {
			t.Errorf("page %d ends inside %s", n+1, stack)
		}
		if next != len(elems) {
			t.Errorf("page %d: %d MCIDs, %d in the parent tree", n+1, next, len(elems))
		}
		annots, _ := page["/Annots"].([]any)
		for _, a := range annots {
			ref := a.(string)
			an := p.dict(t, ref)
			sp, ok := an["/StructParent"].(float64)
			if an["/Subtype"] != "/Link" || !ok || an["/Contents"] == nil || an["/Contents"] == "u:" {
				t.Errorf("page %d: annotation %s: %v", n+1, ref, an)
				continue
			}
			e := p.dict(t, parents[int(sp)])
			if e["/S"] != "/Link" || !holds(e, "", 0, ref) {
				t.Errorf("page %d: annotation %s's element %v does not hold it", n+1, ref, e)
			}
		}
	}
	// Every element: Link with /Alt, TH with a scope.
	var walk func(ref any, depth int)
	walk = func(ref any, depth int) {
		e := p.dict(t, ref)
		if e == nil || e["/Type"] == "/MCR" || e["/Type"] == "/OBJR" {
			return
		}
		switch e["/S"] {
		case "/Link":
			if alt, _ := e["/Alt"].(string); alt == "" || alt == "u:" {
				t.Errorf("Link without /Alt: %v", e)
			}
		case "/TH":
			if a, _ := e["/A"].(map[string]any); a["/O"] != "/Table" || (a["/Scope"] != "/Column" && a["/Scope"] != "/Row") {
				t.Errorf("TH without a scope: %v", e)
			}
		}
		kids, ok := e["/K"].([]any)
		if !ok {
			kids = []any{e["/K"]}
		}
		for _, k := range kids {
			if s, ok := k.(string); ok {
				walk(s, depth+1)
			}
		}
	}
	walk(root["/K"], 0)
	return p
}

// TestTaggedPDF checks the tagging of every sample notice (with key
// points and actions), the language option, and what poppler reports:
// a tagged file, every font embedded, as a named subset, with a
// ToUnicode map.
func TestTaggedPDF(t *testing.T) {
	for _, d := range sample(t) {
		t.Run(d.ID, func(t *testing.T) {
			d = withSummary(d)
			b, bad, err := pdf.Render(d, pdf.Options{Version: "2026-11", URL: "https://helpwise.example/" + d.ID + "/", Language: "en-GB"})
			if err != nil || len(bad) > 0 {
				t.Fatal(err, bad)
			}
			path := write(t, b)
			tool(t, "qpdf", "--check", path)
			p := checkTagged(t, path, d.Title, "en-GB")
			if info := tool(t, "pdfinfo", path); !strings.Contains(info, "Tagged:          yes") || !strings.Contains(info, "PDF version:     1.7") {
				t.Errorf("pdfinfo:\n%s", info)
			}
			fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:]
			if len(fonts) == 0 {
				t.Fatal("no fonts")
			}
			for _, line := range fonts {
				// name type encoding emb sub uni object ID; a subset is
				// named TAG+Name
				f := strings.Fields(line)
				if len(f) < 6 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("font not embedded with a ToUnicode map: %s", line)
				}
				if len(f) < 6 || f[len(f)-4] != "yes" || !strings.Contains(f[0], "+DejaVuSans") {
					t.Errorf("font not named as a subset of DejaVu Sans: %s", line)
				}
			}
			// The key point's "See ..." and the action to the same
			// section lead to the page of its heading.
			detail := d.Sections[len(d.Sections)/2]
			var dests int
			for _, pg := range p.Pages {
				annots, _ := p.dict(t, pg.Object)["/Annots"].([]any)
				for _, a := range annots {
					an := p.dict(t, a)
					dest, ok := an["/Dest"].([]any)
					if c := an["/Contents"]; !ok || c != "u:"+detail.Title && c != "u:Read about your rights" {
						continue
					}
					dests++
					for n, target := range p.Pages {
						if target.Object == dest[0] {
							text := squash(tool(t, "pdftotext", "-f", fmt.Sprint(n+1), "-l", fmt.Sprint(n+1), path, "-"))
							if !strings.Contains(text, squash(detail.Title)) {
								t.Errorf("an internal link leads to page %d, which lacks %q", n+1, detail.Title)
							}
						}
					}
				}
			}
			if dests < 2 {
				t.Errorf("%d internal links, want the key point's and the action's", dests)
			}
			// pdftotext reads the key points and the actions after the
			// introduction, before the first section.
			flat := squash(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			at := 0
			for _, want := range []string{"Key points", "Your rights: You can ask for a copy of your data, or ask us to delete it. See " + squash(detail.Title) + ".",
				"Selling: We do not sell your personal information.", "Make a privacy request", "Email privacy@helpwise.example", "Read about your rights", squash(d.Sections[0].Title)} {
				i := strings.Index(flat[at:], want)
				if i < 0 {
					t.Fatalf("text lacks %q after %q", want, flat[max(0, at-80):at])
				}
				at += i + len(want)
			}
		})
	}
}

// Without a language option the document's language is "en".
func TestDefaultLanguage(t *testing.T) {
	d := sample(t)[0]
	checkTagged(t, write(t, render(t, d)), d.Title, "en")
}

// The redline is tagged like a notice.
func TestTaggedRedline(t *testing.T) {
	_, b := sampleRedline(t)
	path := write(t, b)
	checkTagged(t, path, "Supplemental European Privacy Notice: changes in version 2025-12-15", "en")
	tree := structTree(t, path)
	var got []string
	readingLines(tree, &got)
	roles := map[string]int{}
	var count func(n *node)
	count = func(n *node) {
		roles[n.role]++
		for _, k := range n.kids {
			count(k)
		}
	}
	count(tree)
	for _, r := range []string{"H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Link"} {
		if roles[r] == 0 {
			t.Errorf("the redline has no %s element: %v", r, roles)
		}
	}
	// Inserted and deleted words are Span elements that say which, so a
	// screen reader tells them apart as the marks do on paper.
	spans := map[string]int{}
	for _, o := range readJSON(t, path).objs {
		d, _ := o.Value.(map[string]any)
		if d["/S"] != "/Span" {
			continue
		}
		actual, _ := d["/ActualText"].(string)
		switch {
		case strings.HasPrefix(actual, "u:[inserted: ") && strings.HasSuffix(actual, "]"):
			spans["inserted"]++
		case strings.HasPrefix(actual, "u:[deleted: ") && strings.HasSuffix(actual, "]"):
			spans["deleted"]++
		default:
			t.Errorf("a Span whose ActualText does not say what it marks: %v", d)
		}
	}
	if spans["inserted"] == 0 || spans["deleted"] == 0 {
		t.Errorf("marked spans: %v", spans)
	}
	legend := -1
	for i, l := range got {
		if strings.HasPrefix(l, "How to read this document: inserted text is underlined") {
			legend = i
			break
		}
	}
	if legend < 1 || got[legend-1] != "The text of version 2025-12-15 compared with version 2021-03-01." {
		t.Errorf("the legend is not after the introduction: %q", got[:min(len(got), 8)])
	}
}

// US Letter is an option; A4 the default; other sizes are refused.
func TestPaper(t *testing.T) {
	d := sample(t)[0]
	for paper, want := range map[string]string{"": "595.28 x 841.89 pts (A4)", "a4": "595.28 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)", "Letter": "612 x 792 pts (letter)"} {
		b, _, err := pdf.Render(d, pdf.Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		path := write(t, b)
		info := tool(t, "pdfinfo", "-f", "1", "-l", "100", path)
		pages := 0
		for _, line := range strings.Split(info, "\n") {
			if strings.HasPrefix(line, "Page ") && strings.Contains(line, " size:") {
				pages++
				if !strings.HasSuffix(line, want) {
					t.Errorf("paper %q: %s, want %s", paper, line, want)
				}
			}
		}
		if pages < 2 {
			t.Errorf("paper %q: %d pages", paper, pages)
		}
		if paper == "letter" {
			checkTagged(t, path, d.Title, "en")
		}
	}
	if _, _, err := pdf.Render(d, pdf.Options{Paper: "a5"}); err == nil {
		t.Error("paper a5: no error")
	}
}

// Links to other notices (notice:ID#anchor) lead to them with
// Options.NoticeURL, and are text without it.
func TestNoticeLinks(t *testing.T) {
	d := sample(t)[0] // the global policy links to the European notice
	uris := func(opts pdf.Options) []string {
		b, _, err := pdf.Render(d, opts)
		if err != nil {
			t.Fatal(err)
		}
		p := readJSON(t, write(t, b))
		var out []string
		for _, pg := range p.Pages {
			annots, _ := p.dict(t, pg.Object)["/Annots"].([]any)
			for _, a := range annots {
				if action, ok := p.dict(t, a)["/A"].(map[string]any); ok {
					u, _ := action["/URI"].(string)
					out = append(out, strings.TrimPrefix(u, "u:"))
				}
			}
		}
		return out
	}
	var eu int
	for _, u := range uris(pdf.Options{NoticeURL: func(id string) string { return "https://helpwise.example/" + id + "/" }}) {
		if strings.HasPrefix(u, "notice:") {
			t.Errorf("unresolved link %q", u)
		}
		if strings.HasPrefix(u, "https://helpwise.example/eu/") {
			eu++
		}
	}
	if eu == 0 {
		t.Error("no link to the European notice")
	}
	for _, u := range uris(pdf.Options{}) {
		if strings.HasPrefix(u, "notice:") || strings.HasPrefix(u, "https://helpwise.example/eu/") {
			t.Errorf("without NoticeURL, a link %q", u)
		}
	}
}
