package load

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// Each data file is decoded on its own, in parallel with the others, into a
// fragment: its sections' values, in a root of its own, and what decoding
// found besides (effects). The fragments are then applied to the project in
// path order, which is where the files meet: a section defined by two files,
// a list section continued from an earlier file (its items numbered on), the
// limits on all files together. Applying a fragment gives exactly what
// decoding the file into the project after the files before it gives, so a
// fragment depends on nothing but the file's name and content and the
// extensions, and a Cache can keep it for the next load.

// effects is what decoding finds besides the values and their positions,
// in the order found: diagnostics, the paths whose problems are reported
// already (loader.broken) and the paths decoded under an alias
// (loader.aliased).
type effects struct {
	diags   diag.List
	broken  []string
	aliased []aliasAt
}

// aliasAt is a path decoded under an alias, and the position of the value
// in the anchor it copies.
type aliasAt struct {
	path string
	at   diag.Pos
}

// fragment is a data file read and decoded apart from the others.
type fragment struct {
	name string
	// src is the file's content (nil when it could not be read), kept in
	// the source map for quoting.
	src []byte
	// over is set when the files up to this one exceed maxTotalSize: it
	// is not read.
	over bool
	// cacheable is set when the fragment depends only on name, src and
	// the extensions: the file was read, whole.
	cacheable bool
	// dirty is set when the file's sections cannot be applied one by one
	// as decoded apart: a budget was spent (decoding stopped, what follows
	// depends on what came before) or a tag was reported (once, perhaps
	// in a section that applying drops). apply decodes such a file again
	// into the project itself.
	dirty bool
	// root is a new value of the root's type holding the sections the
	// file defines, and layer their positions, the items of a list
	// numbered from 0.
	root  reflect.Value
	layer *model.SourceLayer
	// entries are the file's top-level entries, in order; the first holds
	// the effects of the file as a whole.
	entries []entry
}

// entry is one top-level entry of a data file: a section, or only the
// effects of an entry that is not one (an unknown key, a key written twice)
// or of the file as a whole.
type entry struct {
	section string // "" when not a section
	field   field
	list    bool // the section is a list
	keyPos  diag.Pos
	valPos  diag.Pos
	eff     effects
	spent   budget // what decoding the section counted
}

// decodeFragment decodes the parsed data file p apart from the other
// files, into a new value of type rootType (a struct), with exts.
func decodeFragment(p *parsed, rootType reflect.Type, exts model.Extensions) *fragment {
	f := &fragment{name: p.name, src: p.src, over: p.over, cacheable: p.src != nil}
	if p.over {
		return f
	}
	f.entries = []entry{{}}
	whole := &f.entries[0].eff
	if p.problem != nil {
		whole.diags.Append(p.problem)
		if p.guess {
			whole.broken = guessSections(p.src)
		}
		return f
	}
	// A file in the sample's style has about 1.2 values a line.
	lines := bytes.Count(p.text, []byte("\n"))
	f.layer = model.NewSourceLayer(p.name, lines+lines/4)
	d, m := fileBody(p, whole, f.layer, exts, &budget{})
	if m == nil {
		return f
	}
	root := reflect.New(rootType).Elem()
	addExtensions(root, exts, diag.Pos{})
	f.root = root
	st := fieldsOf(rootType, exts)
	var e *entry
	var before budget
	begin := func() {
		// One entry per value, reported ones too: what they report is
		// the entry's effect.
		f.entries = append(f.entries, entry{})
		e = &f.entries[len(f.entries)-1]
		d.eff, before = &e.eff, d.spent
	}
	d.sections(m, st, begin, func(key string, keyNode ast.Node, mv *ast.MappingValueNode, fd field) {
		fv := fieldValue(root, fd)
		e.section, e.field, e.list = key, fd, fv.Kind() == reflect.Slice
		e.keyPos, e.valPos = d.pos(keyNode), d.valuePos(mv)
		d.decode(mv.Value, fv, key, 1)
		e.spent = budget{nodes: d.spent.nodes - before.nodes, text: d.spent.text - before.text}
	})
	f.dirty = d.over || d.tagged
	return f
}

// positions records the positions of values: a *model.SourceLayer or a
// *model.SourceMap.
type positions interface {
	Set(path string, value, key diag.Pos)
}

// fileBody checks the file as a whole (one document, a mapping of
// sections), reporting into eff, and returns a decoder for it and its
// top-level mapping; nil when there is nothing to decode.
func fileBody(p *parsed, eff *effects, at positions, exts model.Extensions, total *budget) (*decoder, *ast.MappingNode) {
	name, src, docs := p.name, p.text, p.docs
	switch {
	case len(docs) == 0:
		eff.diags.Add(diag.Pos{File: name, Line: 1, Col: 1}, "", "file is empty: expected sections such as organization: or purposes:")
		return nil, nil
	case len(docs) > 1:
		d := &decoder{file: name, lines: &lineIndex{src: src}}
		eff.diags.Add(d.pos(docs[1].Body), "", "file holds %d YAML documents; a data file holds one (remove the --- separators)", len(docs))
		return nil, nil
	}
	body := docs[0].Body
	d := &decoder{
		file:    name,
		exts:    exts,
		lines:   &lineIndex{src: src},
		eff:     eff,
		src:     at,
		anchors: anchors(body),
		tags:    map[*ast.TagNode]bool{},
		total:   total,
	}
	body, _, ok := d.resolve(body, "")
	if !ok {
		return nil, nil
	}
	m, ok := body.(*ast.MappingNode)
	switch {
	case isNull(body) || ok && len(m.Values) == 0:
		d.errorf(body, "", "file defines no sections: expected sections such as organization: or purposes:")
		return nil, nil
	case !ok:
		d.errorf(body, "", "a data file must be a mapping of sections (organization:, purposes:, ...), found %s", describe(body))
		return nil, nil
	}
	return d, m
}

// apply adds the fragment f to the project, after the files before it: as
// decoding the file into the project at this point would.
func (l *loader) apply(f *fragment) {
	if f.over {
		// One diagnostic, at the first file not read, for all of them.
		if l.skipped++; l.skipped == 1 {
			l.firstSkipped = f.name
		}
		return
	}
	if f.src != nil {
		l.src.Files[f.name] = f.src
	}
	if f.dirty || l.overTotal(f) {
		l.decodeInPlace(f)
		return
	}
	root := reflect.ValueOf(l.root).Elem()
	for i := range f.entries {
		e := &f.entries[i]
		if e.section == "" {
			l.replay(f.name, &e.eff, "", 0)
			continue
		}
		fv := fieldValue(root, e.field)
		from := fieldValue(f.root, e.field)
		if first, dup := l.defined[e.section]; dup {
			if !e.list {
				dg := l.diags.Add(e.keyPos, e.section, "section %q is already defined in %s; only list sections, such as processors:, may be split across files", e.section, first.File)
				dg.Related = append(dg.Related, first)
				continue
			}
			// A list continued from an earlier file: its items follow
			// those already read, numbered on, as if the files were one.
			l.budget.add(e.spent)
			base := fv.Len()
			l.replay(f.name, &e.eff, e.section, base)
			switch {
			case from.IsNil(): // not a list: the earlier items stay
				continue
			case base == 0:
				fv.Set(cloneSlice(from))
			default:
				fv.Set(reflect.AppendSlice(fv, from))
			}
			l.src.AddLayer(e.section, base, from.Len(), f.layer)
			continue
		}
		l.defined[e.section] = e.keyPos
		l.src.Set(e.section, e.valPos, e.keyPos)
		l.budget.add(e.spent)
		l.replay(f.name, &e.eff, "", 0)
		n := -1
		if e.list {
			from = cloneSlice(from)
			n = from.Len()
		}
		l.src.AddLayer(e.section, 0, n, f.layer)
		fv.Set(from)
	}
}

// overTotal reports whether the fragment's values, added to those of the
// files before it, would exceed the limits of all files together: the
// file must then be decoded in place, to stop where the limit is reached.
func (l *loader) overTotal(f *fragment) bool {
	n := l.budget
	for i := range f.entries {
		n.add(f.entries[i].spent)
	}
	return n.nodes > maxTotalNodes || n.text > maxTotalText
}

func (b *budget) add(o budget) { b.nodes, b.text = b.nodes+o.nodes, b.text+o.text }

// cloneSlice returns a copy of the slice s (nil stays nil), so the project
// never shares a backing array with a fragment a Cache keeps.
func cloneSlice(s reflect.Value) reflect.Value {
	if s.IsNil() {
		return s
	}
	c := reflect.MakeSlice(s.Type(), s.Len(), s.Len())
	reflect.Copy(c, s)
	return c
}

// replay applies the effects of decoding file: its items of the list
// section numbered from base on (the fragment numbers them from 0).
// Diagnostics are copied, since later stages fill in their items.
func (l *loader) replay(file string, e *effects, section string, base int) {
	path := func(p string) string { return p }
	if base != 0 {
		path = func(p string) string { return renumber(p, section, base) }
	}
	for _, dg := range e.diags {
		c := *dg
		c.Path = path(c.Path)
		c.Related = append([]diag.Pos(nil), dg.Related...)
		l.diags = append(l.diags, &c)
	}
	if len(e.broken) > 0 {
		broken := l.brokenIn(file)
		for _, p := range e.broken {
			broken[path(p)] = true
		}
	}
	for _, a := range e.aliased {
		l.aliased[path(a.path)] = a.at
	}
}

// renumber adds base to the index of the item of the list section that
// path (section[i]...) is in; other paths are returned as they are.
func renumber(path, section string, base int) string {
	rest, ok := strings.CutPrefix(path, section+"[")
	if !ok {
		return path
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return path
	}
	i, err := strconv.Atoi(rest[:end])
	if err != nil {
		return path
	}
	return section + "[" + strconv.Itoa(base+i) + rest[end:]
}

// decodeInPlace parses the file of f again and decodes it straight into
// the project, after the files before it, with the limits of all files
// together: for a fragment whose sections cannot be applied one by one.
func (l *loader) decodeInPlace(f *fragment) {
	p := parseSource(f.name, f.src)
	whole := &effects{}
	defer l.replay(f.name, whole, "", 0)
	if p.problem != nil { // not so: it decoded before
		whole.diags.Append(p.problem)
		return
	}
	d, m := fileBody(p, whole, l.src, l.exts, &l.budget)
	if m == nil {
		return
	}
	l.decodeTop(d, m)
}

// decodeTop decodes a file's top-level sections into the shared project.
func (l *loader) decodeTop(d *decoder, m *ast.MappingNode) {
	v := reflect.ValueOf(l.root).Elem()
	d.sections(m, fieldsOf(v.Type(), l.exts), nil, func(key string, keyNode ast.Node, mv *ast.MappingValueNode, f field) {
		fv := fieldValue(v, f)
		if first, dup := l.defined[key]; dup {
			if fv.Kind() != reflect.Slice {
				dg := d.errorf(keyNode, key, "section %q is already defined in %s; only list sections, such as processors:, may be split across files", key, first.File)
				dg.Related = append(dg.Related, first)
				return
			}
			// A list continued from an earlier file: its items follow
			// those already read, numbered on, as if the files were one.
			d.decode(mv.Value, fv, key, 1)
			return
		}
		l.defined[key] = d.pos(keyNode)
		d.set(key, d.valuePos(mv), d.pos(keyNode))
		d.decode(mv.Value, fv, key, 1)
	})
}

// sections calls fn for each top-level section of a file's mapping m that
// the root type st has, with its key and field, after reporting a key
// given twice in the file and one the root does not have. begin, when set,
// is called before each value, reported or not.
func (d *decoder) sections(m *ast.MappingNode, st *structInfo, begin func(), fn func(key string, keyNode ast.Node, mv *ast.MappingValueNode, f field)) {
	seen := map[string]ast.Node{}
	for _, mv := range m.Values {
		if begin != nil {
			begin()
		}
		key, keyNode, ok := d.key(mv, "")
		if !ok {
			continue
		}
		if first, dup := seen[key]; dup {
			dg := d.errorf(keyNode, key, "section %q is defined twice in this file", key)
			dg.Related = append(dg.Related, d.pos(first))
			continue
		}
		seen[key] = keyNode
		f, ok := st.fields[key]
		if !ok {
			d.unknownKey(keyNode, "", key, st)
			continue
		}
		fn(key, keyNode, mv, f)
	}
}
