package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// dest is where an anchor's heading is: its page (from 1) and the top of
// the heading in millimetres from the top of the page.
type dest struct {
	page int
	y    float64
}

// finishing is what finish needs besides fpdf's output.
type finishing struct {
	tags  *tagger
	dests map[string]dest
	lang  string
	pageH float64 // page height, in points
}

// finish makes fpdf's output a tagged PDF: it rewrites the file with the
// structure tree (StructTreeRoot, the elements, ParentTree), each page's
// /StructParents and /Tabs /S, the link annotations as objects of their
// own (with /StructParent, /Contents and their real targets), each page's
// content behind an artifact opening (what fpdf writes before the header
// callback), and in the catalog /MarkInfo, /Lang and /ViewerPreferences
// with /DisplayDocTitle. fpdf's other objects are copied as they are. The
// page contents must be uncompressed; they are compressed here.
func finish(src []byte, fin *finishing) ([]byte, error) {
	rd, err := readXref(src)
	if err != nil {
		return nil, err
	}
	pagesObj, _, err := rd.object(1)
	if err != nil {
		return nil, err
	}
	pages, _ := pagesObj.(*pdfDict)
	if pages == nil {
		return nil, errSyntax
	}
	kids, _ := pages.get("Kids").(pdfArray)
	pageRefs := make([]pdfRef, len(kids))
	for i, k := range kids {
		ref, ok := k.(pdfRef)
		if !ok {
			return nil, errSyntax
		}
		pageRefs[i] = ref
	}
	replaced := map[int][]byte{}
	next := rd.size
	newObj := func() int { next++; return next - 1 }
	var added [][]byte // objects rd.size, rd.size+1, ...
	put := func(n int, body []byte) {
		if n >= rd.size {
			for len(added) <= n-rd.size {
				added = append(added, nil)
			}
			added[n-rd.size] = body
			return
		}
		replaced[n] = body
	}
	var buf bytes.Buffer
	// The objects encode writes share one buffer, never reset: each is a
	// slice of it, which writing more leaves as it is.
	var objs bytes.Buffer
	objs.Grow(len(src) / 2)
	encode := func(v any) []byte {
		start := objs.Len()
		writeObj(&objs, v)
		return objs.Bytes()[start:objs.Len():objs.Len()]
	}
	var z bytes.Buffer // a page's contents compressed

	t := fin.tags
	for len(t.pages) < len(pageRefs) {
		t.pages = append(t.pages, nil)
	}
	// The parent tree's keys: each page's, then each annotation's.
	annotParents := []*elem{}
	for i, ref := range pageRefs {
		obj, _, err := rd.object(int(ref))
		if err != nil {
			return nil, err
		}
		page, _ := obj.(*pdfDict)
		if page == nil {
			return nil, errSyntax
		}
		contents, ok := page.get("Contents").(pdfRef)
		if !ok {
			return nil, errSyntax
		}
		cobj, data, err := rd.object(int(contents))
		if err != nil {
			return nil, err
		}
		if cd, _ := cobj.(*pdfDict); cd == nil || data == nil || cd.get("Filter") != nil {
			return nil, errSyntax
		}
		z.Reset()
		if err := deflateTo(&z, []byte("/Artifact BMC\n"), data); err != nil { // as fpdf compresses pages
			return nil, err
		}
		start := objs.Len()
		fmt.Fprintf(&objs, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
		objs.Write(z.Bytes())
		objs.WriteString("\nendstream")
		put(int(contents), objs.Bytes()[start:objs.Len():objs.Len()])

		var annots pdfArray
		if a, ok := page.get("Annots").(pdfArray); ok {
			for _, x := range a {
				an, _ := x.(*pdfDict)
				if an == nil {
					return nil, errSyntax
				}
				action, _ := an.get("A").(*pdfDict)
				if action == nil {
					return nil, errSyntax
				}
				name, _ := action.get("URI").(pdfStr)
				num, ok := strings.CutPrefix(string(name), "disclose-link-")
				n, err := strconv.Atoi(num)
				if !ok || err != nil || n < 1 || n > len(t.links) {
					return nil, fmt.Errorf("pdf: a link annotation the renderer did not make: %q", name)
				}
				lk := t.links[n-1]
				obj := newObj()
				out := dict("Type", pdfName("Annot"), "Subtype", pdfName("Link"), "Rect", an.get("Rect"),
					"Border", pdfArray{0, 0, 0}, "F", 4, "P", ref)
				if d, ok := fin.dests[lk.anchor]; ok && lk.anchor != "" && d.page >= 1 && d.page <= len(pageRefs) {
					out.set("Dest", pdfArray{pageRefs[d.page-1], pdfName("XYZ"), 0, fin.pageH - d.y*fpdfK, pdfNull{}})
				} else {
					out.set("A", dict("S", pdfName("URI"), "URI", pdfStr(lk.uri)))
				}
				out.set("Contents", lk.elem.alt)
				out.set("StructParent", len(pageRefs)+len(annotParents))
				annotParents = append(annotParents, lk.elem)
				lk.elem.kids = append(lk.elem.kids, kid{page: i + 1, annot: obj})
				put(obj, encode(out))
				annots = append(annots, pdfRef(obj))
			}
		}
		if annots != nil {
			page.set("Annots", annots)
		}
		page.set("StructParents", i)
		page.set("Tabs", pdfName("S"))
		put(int(ref), encode(page))
	}

	// The structure elements, numbered in reading order.
	treeRoot := newObj()
	var number func(e *elem)
	number = func(e *elem) {
		e.obj = newObj()
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	// The elements are written as writeObj writes their dictionaries
	// (Type, S, P, Pg, K, Alt, ActualText, A), straight into objs.
	ref := func(n int) {
		objs.Write(strconv.AppendInt(objs.AvailableBuffer(), int64(n), 10))
		objs.WriteString(" 0 R")
	}
	num := func(n int) { objs.Write(strconv.AppendInt(objs.AvailableBuffer(), int64(n), 10)) }
	var write func(e *elem, parent int)
	write = func(e *elem, parent int) {
		start := objs.Len()
		objs.WriteString("<</Type /StructElem /S /")
		objs.WriteString(e.role)
		objs.WriteString(" /P ")
		ref(parent)
		objs.WriteByte(' ')
		if e.page > 0 {
			objs.WriteString("/Pg ")
			ref(int(pageRefs[e.page-1]))
			objs.WriteByte(' ')
		}
		if len(e.kids) > 0 {
			objs.WriteString("/K ")
			if len(e.kids) > 1 {
				objs.WriteByte('[')
			}
			for i, c := range e.kids {
				if i > 0 {
					objs.WriteByte(' ')
				}
				switch {
				case c.elem != nil:
					ref(c.elem.obj)
				case c.annot > 0:
					objs.WriteString("<</Type /OBJR /Obj ")
					ref(c.annot)
					objs.WriteString(" /Pg ")
					ref(int(pageRefs[c.page-1]))
					objs.WriteString(" >>")
				case c.page == e.page:
					num(c.mcid)
				default:
					objs.WriteString("<</Type /MCR /Pg ")
					ref(int(pageRefs[c.page-1]))
					objs.WriteString(" /MCID ")
					num(c.mcid)
					objs.WriteString(" >>")
				}
			}
			if len(e.kids) > 1 {
				objs.WriteByte(']')
			}
			objs.WriteByte(' ')
		}
		if e.alt != "" {
			objs.WriteString("/Alt ")
			writeText(&objs, e.alt)
			objs.WriteByte(' ')
		}
		if e.actual != "" {
			objs.WriteString("/ActualText ")
			writeText(&objs, e.actual)
			objs.WriteByte(' ')
		}
		if e.scope != "" {
			objs.WriteString("/A <</O /Table /Scope /")
			objs.WriteString(e.scope)
			objs.WriteString(" >> ")
		}
		objs.WriteString(">>")
		put(e.obj, objs.Bytes()[start:objs.Len():objs.Len()])
		for _, c := range e.kids {
			if c.elem != nil {
				write(c.elem, e.obj)
			}
		}
	}
	write(t.root, treeRoot)
	parentTree := newObj()
	var nums pdfArray
	for i, mcids := range t.pages[:len(pageRefs)] {
		refs := make(pdfArray, len(mcids))
		for j, e := range mcids {
			refs[j] = pdfRef(e.obj)
		}
		nums = append(nums, i, refs)
	}
	for i, e := range annotParents {
		nums = append(nums, len(pageRefs)+i, pdfRef(e.obj))
	}
	put(parentTree, encode(dict("Nums", nums)))
	put(treeRoot, encode(dict("Type", pdfName("StructTreeRoot"), "K", pdfRef(t.root.obj),
		"ParentTree", pdfRef(parentTree), "ParentTreeNextKey", len(pageRefs)+len(annotParents))))

	catObj, _, err := rd.object(int(rd.root))
	if err != nil {
		return nil, err
	}
	cat, _ := catObj.(*pdfDict)
	if cat == nil {
		return nil, errSyntax
	}
	if err := nameSubsets(rd, pageRefs[0], put, encode); err != nil {
		return nil, err
	}
	if outlines, ok := cat.get("Outlines").(pdfRef); ok {
		if err := fixOutlines(rd, int(outlines), put, encode); err != nil {
			return nil, err
		}
	}
	cat.set("Lang", fin.lang)
	cat.set("MarkInfo", dict("Marked", pdfBool(true)))
	cat.set("StructTreeRoot", pdfRef(treeRoot))
	cat.set("ViewerPreferences", dict("DisplayDocTitle", pdfBool(true)))
	put(int(rd.root), encode(cat))

	// The file: fpdf's objects in its order, replaced where changed, then
	// the new ones.
	var out bytes.Buffer
	out.Grow(len(src) + len(src)/8)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, next)
	for _, n := range rd.order {
		offsets[n] = out.Len()
		if body, ok := replaced[n]; ok {
			fmt.Fprintf(&out, "%d 0 obj\n", n)
			out.Write(body)
			out.WriteString("\nendobj\n")
			continue
		}
		out.Write(src[rd.offsets[n]:rd.end[n]])
	}
	// The new objects (structure elements, annotations, the tree's root
	// and parent tree: no streams) go into object streams, and the file
	// gets a cross-reference stream (PDF 32000-1 §7.5.7, §7.5.8).
	type entry struct{ kind, a, b int } // 1: offset; 2: object stream, index
	entries := make([]entry, next)
	for n := 1; n < rd.size; n++ {
		entries[n] = entry{1, offsets[n], 0}
	}
	for from := 0; from < len(added); from += objStmSize {
		chunk := added[from:min(from+objStmSize, len(added))]
		stm := next
		next++
		var head, body bytes.Buffer
		for i, b := range chunk {
			n := rd.size + from + i
			entries[n] = entry{2, stm, i}
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.Write(b)
			body.WriteByte('\n')
		}
		z.Reset()
		if err := deflateTo(&z, head.Bytes(), body.Bytes()); err != nil {
			return nil, err
		}
		data := z.Bytes()
		entries = append(entries, entry{1, out.Len(), 0})
		fmt.Fprintf(&out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", stm, len(chunk), head.Len(), len(data))
		out.Write(data)
		out.WriteString("\nendstream\nendobj\n")
	}
	id := md5.Sum(out.Bytes())
	xref := out.Len()
	xn := next
	next++
	entries = append(entries, entry{1, xref, 0})
	rows := make([]byte, 0, 7*next)
	for n, e := range entries {
		if n == 0 {
			rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff) // the head of the free list
			continue
		}
		rows = append(rows, byte(e.kind), byte(e.a>>24), byte(e.a>>16), byte(e.a>>8), byte(e.a), byte(e.b>>8), byte(e.b))
	}
	z.Reset()
	if err := deflateTo(&z, rows); err != nil {
		return nil, err
	}
	data := z.Bytes()
	trailer := dict("Type", pdfName("XRef"), "Size", next, "W", pdfArray{1, 4, 2}, "Root", rd.root, "Info", rd.info,
		"ID", pdfArray{pdfStr(id[:]), pdfStr(id[:])}, "Filter", pdfName("FlateDecode"), "Length", len(data))
	fmt.Fprintf(&out, "%d 0 obj\n", xn)
	buf.Reset()
	writeObj(&buf, trailer)
	out.Write(buf.Bytes())
	out.WriteString("\nstream\n")
	out.Write(data)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// objStmSize is the most objects one object stream holds (its indices
// are written in two bytes).
const objStmSize = 1000

// zlibWriters are compressors for deflate: making one costs more than
// compressing a page (about 1 MB of state), and Reset makes it as new. A
// few are kept, for PDFs typeset at the same time; unlike a sync.Pool's,
// they outlive garbage collections, which typesetting makes many of.
var zlibWriters = make(chan *zlib.Writer, 8)

// deflateTo writes to z the parts, one after the other, compressed as
// the page contents are (as one stream: how the input is split does not
// change the output).
func deflateTo(z *bytes.Buffer, parts ...[]byte) error {
	var zw *zlib.Writer
	select {
	case zw = <-zlibWriters:
	default:
		zw, _ = zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level
	}
	defer func() {
		zw.Reset(io.Discard) // not holding on to z
		select {
		case zlibWriters <- zw:
		default:
		}
	}()
	zw.Reset(z)
	for _, b := range parts {
		_, _ = zw.Write(b) // a bytes.Buffer does not fail
	}
	return zw.Close()
}

// fixOutlines gives the outline items the /Count the PDF format asks
// for: fpdf writes 0 for every item, which is wrong for those with
// children (PDF 32000-1 §12.3.3). Items with children are closed, as
// viewers showed fpdf's, with minus the number of their children; the
// others have none; the root counts the items shown, the top level.
func fixOutlines(rd *xrefReader, root int, put func(int, []byte), encode func(any) []byte) error {
	// items visits the chain of items from first, and returns how many.
	var items func(first any, depth int) (int, error)
	items = func(first any, depth int) (int, error) {
		n := 0
		for ref, ok := first.(pdfRef); ok; ref, ok = first.(pdfRef) {
			if n++; n > rd.size || depth > rd.size {
				return 0, errSyntax // a loop
			}
			obj, _, err := rd.object(int(ref))
			if err != nil {
				return 0, err
			}
			item, _ := obj.(*pdfDict)
			if item == nil {
				return 0, errSyntax
			}
			kids, err := items(item.get("First"), depth+1)
			if err != nil {
				return 0, err
			}
			if kids > 0 {
				item.set("Count", -kids)
			} else {
				item.del("Count")
			}
			put(int(ref), encode(item))
			first = item.get("Next")
		}
		return n, nil
	}
	obj, _, err := rd.object(root)
	if err != nil {
		return err
	}
	d, _ := obj.(*pdfDict)
	if d == nil {
		return errSyntax
	}
	n, err := items(d.get("First"), 0)
	if err != nil {
		return err
	}
	d.set("Count", n)
	put(root, encode(d))
	return nil
}

// faceNames are the PostScript names of the faces fpdf calls
// utf8dejavu{,B,I,BI}.
var faceNames = map[string]string{
	"utf8dejavu": "DejaVuSans", "utf8dejavuB": "DejaVuSans-Bold",
	"utf8dejavuI": "DejaVuSans-Oblique", "utf8dejavuBI": "DejaVuSans-BoldOblique",
}

// nameSubsets names the embedded fonts as the subsets they are (PDF
// 32000-1 §9.6.4): fpdf embeds only the glyphs used but names the font
// "utf8dejavu"; each becomes "TAG+DejaVuSans...", its tag six capital
// letters from a hash of the embedded font program, in the Type0 font,
// its CIDFont and its descriptor.
func nameSubsets(rd *xrefReader, page pdfRef, put func(int, []byte), encode func(any) []byte) error {
	dictOf := func(ref any) (*pdfDict, error) {
		r, ok := ref.(pdfRef)
		if !ok {
			return nil, errSyntax
		}
		obj, _, err := rd.object(int(r))
		if err != nil {
			return nil, err
		}
		d, _ := obj.(*pdfDict)
		if d == nil {
			return nil, errSyntax
		}
		return d, nil
	}
	pg, err := dictOf(page)
	if err != nil {
		return err
	}
	res, err := dictOf(pg.get("Resources"))
	if err != nil {
		return err
	}
	fonts, _ := res.get("Font").(*pdfDict)
	if fonts == nil {
		return nil
	}
	for _, ref := range fonts.vals {
		t0, err := dictOf(ref)
		if err != nil {
			return err
		}
		base, _ := t0.get("BaseFont").(pdfName)
		ps, ok := faceNames[string(base)]
		if !ok {
			return fmt.Errorf("pdf: a font the renderer did not embed: %q", base)
		}
		descendants, _ := t0.get("DescendantFonts").(pdfArray)
		if len(descendants) != 1 {
			return errSyntax
		}
		cid, err := dictOf(descendants[0])
		if err != nil {
			return err
		}
		desc, err := dictOf(cid.get("FontDescriptor"))
		if err != nil {
			return err
		}
		file, ok := desc.get("FontFile2").(pdfRef)
		if !ok {
			return errSyntax
		}
		_, program, err := rd.object(int(file))
		if err != nil || program == nil {
			return errSyntax
		}
		sum := md5.Sum(program)
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		name := pdfName(string(tag) + "+" + ps)
		t0.set("BaseFont", name)
		cid.set("BaseFont", name)
		desc.set("FontName", name)
		put(int(ref.(pdfRef)), encode(t0))
		put(int(descendants[0].(pdfRef)), encode(cid))
		put(int(cid.get("FontDescriptor").(pdfRef)), encode(desc))
	}
	return nil
}

// fpdfK is fpdf's scale: points per millimetre.
const fpdfK = 72 / 25.4

// xrefReader reads the objects of fpdf's output through its cross-reference
// table.
type xrefReader struct {
	src        []byte
	size       int
	offsets    []int
	end        []int // where each object's bytes end
	order      []int // object numbers in file order
	root, info pdfRef
}

func readXref(src []byte) (*xrefReader, error) {
	at := bytes.LastIndex(src, []byte("startxref"))
	if at < 0 {
		return nil, errSyntax
	}
	l := &lexer{b: src, pos: at + len("startxref")}
	l.skip()
	xo, err := strconv.Atoi(l.word())
	if err != nil || xo < 0 || xo >= len(src) {
		return nil, errSyntax
	}
	l.pos = xo
	if l.word() != "xref" {
		return nil, errSyntax
	}
	l.skip()
	if l.word() != "0" {
		return nil, errSyntax
	}
	l.skip()
	size, err := strconv.Atoi(l.word())
	if err != nil || size < 2 {
		return nil, errSyntax
	}
	rd := &xrefReader{src: src, size: size, offsets: make([]int, size), end: make([]int, size)}
	for n := 0; n < size; n++ {
		l.skip()
		off, err := strconv.Atoi(l.word())
		l.skip()
		l.word()
		l.skip()
		kind := l.word()
		if err != nil || n > 0 && (kind != "n" || off <= 0 || off >= xo) {
			return nil, errSyntax
		}
		rd.offsets[n] = off
	}
	l.skip()
	if l.word() != "trailer" {
		return nil, errSyntax
	}
	tr, err := l.object()
	if err != nil {
		return nil, err
	}
	trailer, _ := tr.(*pdfDict)
	if trailer == nil {
		return nil, errSyntax
	}
	rd.root, _ = trailer.get("Root").(pdfRef)
	rd.info, _ = trailer.get("Info").(pdfRef)
	if rd.root == 0 || rd.info == 0 {
		return nil, errSyntax
	}
	for n := 1; n < size; n++ {
		rd.order = append(rd.order, n)
	}
	slices.SortFunc(rd.order, func(a, b int) int { return rd.offsets[a] - rd.offsets[b] })
	for i, n := range rd.order {
		if i+1 < len(rd.order) {
			rd.end[n] = rd.offsets[rd.order[i+1]]
		} else {
			rd.end[n] = xo
		}
	}
	return rd, nil
}

// object reads object n: its value, and its stream's data if it has one.
func (rd *xrefReader) object(n int) (any, []byte, error) {
	if n <= 0 || n >= rd.size {
		return nil, nil, errSyntax
	}
	l := &lexer{b: rd.src[:rd.end[n]], pos: rd.offsets[n]}
	if l.word() != strconv.Itoa(n) {
		return nil, nil, errSyntax
	}
	l.skip()
	l.word()
	l.skip()
	if l.word() != "obj" {
		return nil, nil, errSyntax
	}
	v, err := l.object()
	if err != nil {
		return nil, nil, err
	}
	l.skip()
	if l.word() != "stream" {
		return v, nil, nil
	}
	d, _ := v.(*pdfDict)
	length, _ := d.get("Length").(pdfNum)
	size, err := strconv.Atoi(string(length))
	if d == nil || err != nil {
		return nil, nil, errSyntax
	}
	if l.pos < len(l.b) && l.b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(l.b) && l.b[l.pos] == '\n' {
		l.pos++
	}
	if size < 0 || l.pos+size > len(l.b) {
		return nil, nil, errSyntax
	}
	return v, l.b[l.pos : l.pos+size], nil
}
