package load

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/model"
)

// maxNodes bounds the values decoded from one file, aliases expanded, so an
// alias bomb fails fast with bounded memory: about twice the values of
// 5,000 processors in the sample's style in one file (225,000).
const maxNodes = 400_000

// maxText bounds the bytes of text decoded from one file, aliases expanded:
// four times the largest file, so no alias multiplies the work of the later
// stages, which read every text.
const maxText = 4 * MaxFileSize

// maxTotalNodes and maxTotalText bound the same for all files together, so
// many small files of aliases cannot add up to what one file may not hold.
const (
	maxTotalNodes = 4 * maxNodes
	maxTotalText  = 4 * maxText
)

// budget counts what has been decoded against the limits above.
type budget struct {
	nodes int
	// text counts the bytes of text decoded, aliases expanded.
	text int
}

// maxDepth bounds nesting in one file.
const maxDepth = 48

var (
	answerType = reflect.TypeOf(model.Answer(""))
	posType    = reflect.TypeOf(diag.Pos{})
)

// decoder decodes one file's YAML syntax tree into model values, recording
// positions and reporting every problem it can, then moving on.
type decoder struct {
	file    string
	lines   *lineIndex // the source parsed
	anchors map[string]ast.Node
	// src records the values' positions: a layer of the file's own, or
	// the project's source map.
	src positions
	// eff collects what else decoding finds: diagnostics, broken and
	// aliased paths (see effects).
	eff *effects
	// spent counts what this file decoded, total what all files did.
	spent budget
	total *budget
	over  bool // a budget is spent: stop quietly after one report
	// escapes remembers the double-quoted scalars checked for escapes
	// (aliases decode one scalar many times) and their problem, if any.
	escapes map[*token.Token]*diag.Diagnostic
	// alias is the alias being expanded, if any: the values it copies are
	// blamed on it, with the anchor's value as a related position.
	alias ast.Node
	tags  map[*ast.TagNode]bool // tags reported already
	// tagged is set once a tag is reported: an alias in one section may
	// copy a tag of another, reported once, so such a file's sections are
	// not decoded apart (see fragment.dirty).
	tagged bool
	// dash is the "-" of the block list item about to be decoded.
	dash *token.Token
	// exts are the rule packs' extensions of the model's types.
	exts model.Extensions
}

// pos returns the position of n: where its first character is. A block
// mapping starts at its first key.
func (d *decoder) pos(n ast.Node) diag.Pos {
	switch v := n.(type) {
	case nil:
		return diag.Pos{File: d.file}
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 && v.Values[0].Key != nil {
			n = v.Values[0].Key
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			n = v.Key
		}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return diag.Pos{File: d.file}
	}
	return d.lines.clamp(diag.Pos{File: d.file, Line: tk.Position.Line, Col: tk.Position.Column})
}

// at returns the position to blame for n: its own, or the alias being
// expanded, which is where the value n belongs to appears in the data.
func (d *decoder) at(n ast.Node) diag.Pos {
	if d.alias != nil {
		return d.pos(d.alias)
	}
	return d.pos(n)
}

// errorf reports an error at n (under an alias, at the alias, with n's
// position as related).
func (d *decoder) errorf(n ast.Node, path, format string, args ...any) *diag.Diagnostic {
	dg := d.eff.diags.Add(d.at(n), path, format, args...)
	if p := d.pos(n); p != dg.Pos {
		dg.Related = append(dg.Related, p)
	}
	return dg
}

// fail reports an error at n and marks path as broken, so validation does
// not report the value again.
func (d *decoder) fail(n ast.Node, path, format string, args ...any) *diag.Diagnostic {
	d.eff.broken = append(d.eff.broken, path)
	return d.errorf(n, path, format, args...)
}

// set records the positions of the value at path and its key; under an
// alias, both are the alias's.
func (d *decoder) set(path string, value, key diag.Pos) {
	if d.alias != nil {
		d.eff.aliased = append(d.eff.aliased, aliasAt{path, value})
		value = d.pos(d.alias)
		if key.IsValid() {
			key = value
		}
	}
	d.src.Set(path, value, key)
}

// resolve strips anchors and aliases, returning the node that holds the
// value and the first alias followed, if any. It reports tags (not part of
// the data format) and unknown aliases.
func (d *decoder) resolve(n ast.Node, path string) (ast.Node, ast.Node, bool) {
	var alias ast.Node
	for i := 0; i < 32; i++ {
		switch v := n.(type) {
		case *ast.TagNode:
			d.tag(v, path)
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			name := v.Value.GetToken().Value
			target, ok := d.anchors[name]
			if !ok {
				d.fail(v, path, "alias *%s refers to no anchor &%s defined in this file", name, name)
				return nil, nil, false
			}
			if alias == nil {
				alias = v
			}
			n = target
		default:
			if n == nil {
				n = &ast.NullNode{BaseNode: &ast.BaseNode{}}
			}
			return n, alias, true
		}
	}
	d.fail(n, path, "aliases refer to each other in a loop")
	return nil, nil, false
}

// tag reports a YAML tag (!!str, !!binary, !custom) once.
func (d *decoder) tag(t *ast.TagNode, path string) {
	if d.tags[t] {
		return
	}
	d.tags[t] = true
	d.tagged = true
	name := t.GetToken().Value
	dg := d.errorf(t, path, "YAML tag %s is not allowed: tags are not part of the data format", name)
	dg.Hint = "remove the tag"
	if _, scalar := t.Value.(ast.ScalarNode); scalar {
		dg.Hint += "; put the value in quotes if it must be read as text"
	}
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// count charges one node against the budgets.
func (d *decoder) count(n ast.Node, path string) bool {
	d.spent.nodes++
	d.total.nodes++
	switch {
	case d.spent.nodes > maxNodes:
		d.overBudget(n, path, fmt.Sprintf("file holds more than %d values once aliases are expanded; split it or remove the aliases", maxNodes))
		return false
	case d.total.nodes > maxTotalNodes:
		d.overBudget(n, path, fmt.Sprintf("the data files hold more than %d values in all once aliases are expanded; remove the aliases", maxTotalNodes))
		return false
	}
	return true
}

// countText charges the bytes of a text value against the budgets: an
// alias can copy a long text many times.
func (d *decoder) countText(n ast.Node, path, text string) bool {
	d.spent.text += len(text)
	d.total.text += len(text)
	switch {
	case d.spent.text > maxText:
		d.overBudget(n, path, fmt.Sprintf("file holds more than %d MiB of text once aliases are expanded; split it or remove the aliases", maxText>>20))
		return false
	case d.total.text > maxTotalText:
		d.overBudget(n, path, fmt.Sprintf("the data files hold more than %d MiB of text in all once aliases are expanded; remove the aliases", maxTotalText>>20))
		return false
	}
	return true
}

// overBudget reports, once, that the file is over a budget, and stops
// decoding it.
func (d *decoder) overBudget(n ast.Node, path, msg string) {
	if d.over {
		return
	}
	d.over = true
	d.errorf(n, path, "%s", msg)
	// What was not decoded is not missing: do not report it.
	section, _, _ := strings.Cut(path, ".")
	section, _, _ = strings.Cut(section, "[")
	d.eff.broken = append(d.eff.broken, section)
}

// decode stores node n into v (a settable value), describing it as path.
func (d *decoder) decode(n ast.Node, v reflect.Value, path string, depth int) {
	dash := d.dash
	d.dash = nil
	if d.over || !d.count(n, path) {
		return
	}
	if depth > maxDepth {
		d.fail(n, path, "values are nested more than %d levels deep", maxDepth)
		return
	}
	use := n
	n, alias, ok := d.resolve(n, path)
	if !ok {
		return
	}
	if alias != nil && d.alias == nil {
		d.eff.aliased = append(d.eff.aliased, aliasAt{path, d.pos(n)})
		d.alias = alias
		defer func() { d.alias = nil }()
	}
	if isNull(n) {
		if strings.HasSuffix(path, "]") { // a list item
			d.fail(d.nullAt(use, n, dash), path, "empty list item: write a value or remove the item")
		}
		// An empty value: leave the zero value; required checks report it.
		return
	}
	t := v.Type()
	switch {
	case t == answerType:
		d.decodeAnswer(n, v, path)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		if _, ok := n.(*ast.MappingNode); !ok {
			d.mismatch(n, path, "a mapping (key: value lines)")
			return
		}
		p := reflect.New(t.Elem())
		d.decodeStruct(n.(*ast.MappingNode), p.Elem(), path, depth)
		v.Set(p)
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		m, ok := n.(*ast.MappingNode)
		if !ok {
			d.mismatch(n, path, "a mapping (key: value lines)")
			return
		}
		d.decodeMap(m, v, path, depth)
	case t.Kind() == reflect.Slice:
		seq, ok := n.(*ast.SequenceNode)
		if !ok {
			d.mismatch(n, path, "a list")
			return
		}
		// A list section split across files continues the list the
		// earlier files began (see loader.decodeTop), grown as append
		// grows a slice, so many files cost no more than one; any other
		// list is empty here.
		base := v.Len()
		if base == 0 {
			v.Set(reflect.MakeSlice(t, 0, len(seq.Values)))
		} else {
			v.Grow(len(seq.Values))
		}
		s := v
		for i, item := range seq.Values {
			if d.over {
				break
			}
			ipath := model.Index(path, base+i)
			d.set(ipath, d.pos(item), diag.Pos{})
			e := reflect.New(t.Elem()).Elem()
			if !seq.IsFlowStyle && i < len(seq.Entries) && seq.Entries[i].Value == item {
				d.dash = seq.Entries[i].Start
			}
			d.decode(item, e, ipath, depth+1)
			s = reflect.Append(s, e)
		}
		v.Set(s)
	case t.Kind() == reflect.String:
		text, ok := scalarText(n)
		if !ok {
			d.mismatch(n, path, "text")
			return
		}
		if !d.countText(n, path, text) || !d.checkText(n, path, text) {
			return
		}
		v.SetString(text)
	case t.Kind() == reflect.Int:
		in, ok := n.(*ast.IntegerNode)
		if !ok {
			d.mismatch(n, path, "a whole number")
			return
		}
		var i int64
		switch x := in.Value.(type) {
		case int64:
			i = x
		case uint64:
			i = int64(x)
			if x > 1<<31 {
				i = -1 << 40 // out of range below
			}
		}
		if i < -1<<31 || i > 1<<31 {
			d.fail(n, path, "number %s is out of range", in.GetToken().Value)
			return
		}
		v.SetInt(i)
	case t.Kind() == reflect.Bool:
		b, ok := n.(*ast.BoolNode)
		if !ok {
			d.mismatch(n, path, "true or false")
			return
		}
		v.SetBool(b.Value)
	default:
		panic(fmt.Sprintf("load: model type %s at %s is not decodable", t, path))
	}
}

func (d *decoder) decodeAnswer(n ast.Node, v reflect.Value, path string) {
	switch s := n.(type) {
	case *ast.BoolNode:
		if s.Value {
			v.SetString(string(model.Yes))
		} else {
			v.SetString(string(model.No))
		}
		return
	case *ast.StringNode:
		// The spellings YAML 1.1 gives for booleans; the JSON Schema lists
		// the same ones.
		switch s.Value {
		case "yes", "Yes", "YES":
			v.SetString(string(model.Yes))
			return
		case "no", "No", "NO":
			v.SetString(string(model.No))
			return
		}
		d.fail(n, path, "expected yes or no, found %q", s.Value)
		return
	}
	d.mismatch(n, path, "yes or no")
}

// decodeStruct decodes a mapping into the struct v, reporting unknown and
// duplicate keys.
func (d *decoder) decodeStruct(m *ast.MappingNode, v reflect.Value, path string, depth int) {
	st := fieldsOf(v.Type(), d.exts)
	pos := d.at(m)
	if f, ok := v.Type().FieldByName("Pos"); ok && f.Type == posType {
		v.FieldByIndex(f.Index).Set(reflect.ValueOf(pos))
	}
	addExtensions(v, d.exts, pos)
	d.entries(m, path, func(key, kpath string, keyNode ast.Node, mv *ast.MappingValueNode) {
		f, ok := st.fields[key]
		if !ok {
			d.unknownKey(keyNode, path, key, st)
			return
		}
		d.set(kpath, d.valuePos(mv), d.pos(keyNode))
		d.decode(mv.Value, fieldValue(v, f), kpath, depth+1)
	})
}

// entries calls fn for each entry of the mapping m at path, once per key:
// a key written twice is reported with both positions, and the second is
// not decoded.
func (d *decoder) entries(m *ast.MappingNode, path string, fn func(key, kpath string, keyNode ast.Node, mv *ast.MappingValueNode)) {
	seen := keySet{few: make([]keyAt, 0, min(len(m.Values), maxFew))}
	for _, mv := range m.Values {
		key, keyNode, ok := d.key(mv, path)
		if !ok {
			continue
		}
		kpath := model.Field(path, key)
		if first := seen.add(key, keyNode); first != nil {
			dg := d.errorf(keyNode, kpath, "key %q is defined twice in the same mapping", key)
			dg.Related = append(dg.Related, d.pos(first))
			continue
		}
		fn(key, kpath, keyNode, mv)
	}
}

// keySet holds the keys of a mapping seen so far: in a slice while there
// are few (a model item has a few dozen at most), in a map beyond, so the
// thousands of small mappings of a large data set allocate little and a
// mapping of many keys is still linear.
type keySet struct {
	few  []keyAt
	many map[string]ast.Node
}

// maxFew is the most keys a keySet holds in its slice.
const maxFew = 32

type keyAt struct {
	key  string
	node ast.Node
}

// add records key, written at node, and returns where it was written
// first if it was seen already.
func (s *keySet) add(key string, node ast.Node) ast.Node {
	if s.many != nil {
		if first, ok := s.many[key]; ok {
			return first
		}
		s.many[key] = node
		return nil
	}
	for _, k := range s.few {
		if k.key == key {
			return k.node
		}
	}
	if len(s.few) < maxFew {
		s.few = append(s.few, keyAt{key, node})
		return nil
	}
	s.many = make(map[string]ast.Node, 2*len(s.few))
	for _, k := range s.few {
		s.many[k.key] = k.node
	}
	s.many[key] = node
	s.few = nil
	return nil
}

// addExtensions gives the struct v (an item of the core model) a zero value
// of each extension declared on its type, so the extension's validation
// rules run even when the data gives none of its keys.
func addExtensions(v reflect.Value, exts model.Extensions, pos diag.Pos) {
	es := exts.Of(v.Type())
	if len(es) == 0 {
		return
	}
	f := v.FieldByName("Ext")
	if !f.IsValid() {
		panic(fmt.Sprintf("load: %s is extended but has no Ext field", v.Type()))
	}
	if f.IsNil() {
		f.Set(reflect.ValueOf(model.Ext{}))
	}
	e := f.Interface().(model.Ext)
	for _, x := range es {
		if _, ok := e[x.Pack]; ok {
			continue
		}
		p := reflect.New(x.Type)
		if pf, ok := x.Type.FieldByName("Pos"); ok && pf.Type == posType {
			p.Elem().FieldByIndex(pf.Index).Set(reflect.ValueOf(pos))
		}
		e[x.Pack] = p.Interface()
	}
}

// fieldValue returns the field of the struct v that f decodes into: v's
// own, or its extension's.
func fieldValue(v reflect.Value, f field) reflect.Value {
	if f.ext == nil {
		return v.FieldByIndex(f.index)
	}
	e := v.FieldByName("Ext").Interface().(model.Ext)
	return reflect.ValueOf(e[f.ext.Pack]).Elem().FieldByIndex(f.index)
}

// decodeMap decodes a mapping with keys of the data's choosing (notices:,
// keyed by pack id; package check judges the keys) into the map v.
func (d *decoder) decodeMap(m *ast.MappingNode, v reflect.Value, path string, depth int) {
	out := reflect.MakeMapWithSize(v.Type(), len(m.Values))
	d.entries(m, path, func(key, kpath string, keyNode ast.Node, mv *ast.MappingValueNode) {
		d.set(kpath, d.valuePos(mv), d.pos(keyNode))
		if n, _, ok := d.resolve(mv.Value, kpath); ok && isNull(n) {
			d.fail(keyNode, kpath, "empty value for %q: write its settings or remove the key", key)
			return
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.decode(mv.Value, e, kpath, depth+1)
		out.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
	})
	v.Set(out)
}

// valuePos is where a key's value starts: the value itself for scalars, the
// key for block collections (whose own token is their first entry).
func (d *decoder) valuePos(mv *ast.MappingValueNode) diag.Pos {
	switch mv.Value.(type) {
	case *ast.MappingNode, *ast.SequenceNode:
		if mv.Value.GetToken().Position.Line != mv.Key.GetToken().Position.Line {
			return d.pos(mv.Key)
		}
	case *ast.NullNode:
		return d.pos(mv.Key)
	}
	return d.pos(mv.Value)
}

// key returns a mapping entry's key as text.
func (d *decoder) key(mv *ast.MappingValueNode, path string) (string, ast.Node, bool) {
	var k ast.Node = mv.Key
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	if t, ok := k.(*ast.TagNode); ok {
		d.tag(t, path)
		k = t.Value
	}
	if _, ok := k.(*ast.MergeKeyNode); ok {
		d.fail(k, path, "merge keys (<<) are not supported; write the keys out")
		return "", nil, false
	}
	text, ok := scalarText(k)
	if !ok {
		d.fail(k, path, "a key must be plain text")
		return "", nil, false
	}
	return text, k, true
}

func (d *decoder) unknownKey(n ast.Node, path, key string, st *structInfo) {
	// The diagnostic's path ends with the key, so the message need not
	// say where it is.
	msg := fmt.Sprintf("unknown key %q", key)
	if s := st.suggest(key); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
		d.eff.broken = append(d.eff.broken, model.Field(path, s))
	}
	dg := d.errorf(n, model.Field(path, key), "%s", msg)
	dg.Hint = st.hint
}

func (d *decoder) mismatch(n ast.Node, path, want string) {
	d.fail(n, path, "expected %s, found %s", want, describe(n))
}

// nullAt returns the node to blame for the empty list item n, written use:
// the "-" of a block list item written without a tag or alias.
func (d *decoder) nullAt(use, n ast.Node, dash *token.Token) ast.Node {
	if use == n && dash != nil {
		return &ast.NullNode{BaseNode: &ast.BaseNode{}, Token: dash}
	}
	return use
}

// describe names a node's kind in plain words.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case *ast.MappingNode:
		return "a mapping (key: value lines)"
	case *ast.SequenceNode:
		return "a list"
	case *ast.BoolNode:
		return fmt.Sprintf("%s", v.GetToken().Value)
	case *ast.IntegerNode, *ast.FloatNode:
		return "the number " + v.GetToken().Value
	case *ast.StringNode:
		return fmt.Sprintf("the text %q", clip(v.Value))
	case *ast.LiteralNode:
		return "a block of text"
	case *ast.NullNode:
		return "nothing"
	}
	return "a value of another kind"
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// scalarText returns the text of a scalar node: strings, block literals and
// numbers (kept as written, so postal codes and phone numbers survive).
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode:
		return v.GetToken().Value, true
	}
	return "", false
}

type field struct {
	index []int
	// ext is the extension the key belongs to, nil for the type's own.
	ext *model.Extension
}

// structInfo is what decoding needs to know about a model struct type:
// its YAML keys, sorted, and the hint listing them.
type structInfo struct {
	fields map[string]field
	names  []string // sorted
	hint   string
	// lengths, counts and ascii describe each name, lower-cased: its
	// number of characters, how often each ASCII character occurs in it,
	// and whether it is all ASCII.
	lengths []int
	counts  [][128]int32
	ascii   []bool
}

// structInfos caches structInfo by type and extensions: each unknown key of
// a wide mapping would otherwise list and sort the keys again.
var structInfos sync.Map // infoKey -> *structInfo

type infoKey struct {
	t    reflect.Type
	exts string // the extensions' packs and types, in order
}

// fieldsOf describes a struct type's YAML keys, its own and those the
// extensions add.
func fieldsOf(t reflect.Type, exts model.Extensions) *structInfo {
	key := infoKey{t: t}
	for _, e := range exts.Of(t) {
		key.exts += e.Pack + " " + e.Type.PkgPath() + "." + e.Type.Name() + ";"
	}
	if st, ok := structInfos.Load(key); ok {
		return st.(*structInfo)
	}
	st := &structInfo{fields: map[string]field{}}
	for _, k := range exts.Keys(t) {
		if _, dup := st.fields[k.Name]; dup {
			panic(fmt.Sprintf("load: key %q of %s is declared twice (by a rule pack's extension)", k.Name, t))
		}
		st.fields[k.Name] = field{index: k.Field.Index, ext: k.Ext}
		st.names = append(st.names, k.Name)
	}
	sort.Strings(st.names)
	for _, name := range st.names {
		lower := strings.ToLower(name)
		counts, ascii := letterCounts(lower)
		st.lengths = append(st.lengths, utf8.RuneCountInString(lower))
		st.counts = append(st.counts, counts)
		st.ascii = append(st.ascii, ascii)
	}
	st.hint = "allowed keys: " + strings.Join(st.names, ", ")
	structInfos.Store(key, st)
	return st
}

// suggest returns the key closest to the unknown key, as diag.Suggest does,
// comparing it only with the keys that could be close enough for a likely
// typo (diag.Suggest allows about one edit in three characters), so a
// mapping of thousands of unknown keys costs little. Two lower bounds of the
// edit distance rule keys out: the difference in length, and, for ASCII
// names, the characters one has and the other lacks (an edit adds or removes
// at most one on each side; a transposition none).
func (st *structInfo) suggest(key string) string {
	lower := strings.ToLower(key)
	n := utf8.RuneCountInString(lower)
	limit := diag.SuggestLimit(key)
	counts, ascii := letterCounts(lower)
	var near []string
	for i, name := range st.names {
		if d := n - st.lengths[i]; d < -limit || d > limit {
			continue
		}
		if ascii && st.ascii[i] && bagDistance(&counts, &st.counts[i]) > limit {
			continue
		}
		near = append(near, name)
	}
	if len(near) == 0 {
		return ""
	}
	return diag.Suggest(key, near)
}

// letterCounts counts the characters of an ASCII string; ok is false for
// other strings.
func letterCounts(s string) (counts [128]int32, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 128 {
			return counts, false
		}
		counts[s[i]]++
	}
	return counts, true
}

// bagDistance is the larger of the numbers of characters a has and b lacks
// and b has and a lacks, counted with repetition.
func bagDistance(a, b *[128]int32) int {
	var more, fewer int32
	for c := range a {
		if d := a[c] - b[c]; d > 0 {
			more += d
		} else {
			fewer -= d
		}
	}
	return int(max(more, fewer))
}
