package diff_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diff"
)

// fill sets every field of v (a pointer to a struct), however deep, to a
// value other than its zero, from seed.
func fill(t *testing.T, v reflect.Value, seed string) {
	switch v.Kind() {
	case reflect.Pointer:
		fill(t, v.Elem(), seed)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, v.Field(i), seed+v.Type().Field(i).Name)
		}
	case reflect.String:
		v.SetString(seed)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(len(seed)))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		fill(t, s.Index(0), seed+"0")
		fill(t, s.Index(1), seed+"1")
		v.Set(s)
	default:
		t.Fatalf("fill: a field of kind %s", v.Kind())
	}
}

// A stored comparison reads back as it was, every field of every change
// included (a field added to change.Change and not stored fails here), and
// is refused under another key.
func TestFrozenRoundTrip(t *testing.T) {
	var c1, c2 change.Change
	fill(t, reflect.ValueOf(&c1), "a")
	fill(t, reflect.ValueOf(&c2), "b")
	ops := diff.Redline("# T\n\nWe keep data for 12 months.\n", "# T\n\nWe keep data for 36 months, “quoted”.\n")
	key := diff.Pair{New: diff.Snapshot{Notice: "n", Data: "d", Released: "2027-01-04"}}.Key()
	f := &diff.Frozen{Key: key, Changes: []change.Change{c1, c2}, Redline: ops}
	b, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err := diff.DecodeFrozen(b, key)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, f)
	}
	if _, err := diff.DecodeFrozen(b, strings.Repeat("0", 64)); err == nil {
		t.Error("a comparison read back under another key")
	}
	if _, err := diff.DecodeFrozen([]byte(strings.Replace(string(b), `"format":1`, `"format":0`, 1)), key); err == nil {
		t.Error("a comparison of another format read back")
	}
	if _, err := diff.DecodeFrozen([]byte(strings.Replace(string(b), `["=",`, `["*",`, 1)), key); err == nil {
		t.Error("an unknown redline operation read back")
	}
}

// A pair's key is the same for the same snapshots and differs when any of
// them differs, however the strings are cut.
func TestPairKey(t *testing.T) {
	base := diff.Pair{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}, New: diff.Snapshot{Notice: "n2", Data: "d2", Released: "r2"}}
	if base.Key() != base.Key() || len(base.Key()) != 64 {
		t.Fatalf("key %q", base.Key())
	}
	seen := map[string]bool{base.Key(): true}
	for _, p := range []diff.Pair{
		{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}, New: diff.Snapshot{Notice: "n2", Data: "d2", Released: "r3"}},
		{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}, New: diff.Snapshot{Notice: "n2", Data: "d3", Released: "r2"}},
		{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}, New: diff.Snapshot{Notice: "n3", Data: "d2", Released: "r2"}},
		{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r2"}, New: diff.Snapshot{Notice: "n2", Data: "d2", Released: "r2"}},
		{Old: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}, New: diff.Snapshot{Notice: "n2", Data: "d2r", Released: "2"}},
		{New: diff.Snapshot{Notice: "n2", Data: "d2", Released: "r2"}},
		{Old: diff.Snapshot{Notice: "n2", Data: "d2", Released: "r2"}, New: diff.Snapshot{Notice: "n1", Data: "d1", Released: "r1"}},
	} {
		if seen[p.Key()] {
			t.Errorf("pair %+v has the key of another", p)
		}
		seen[p.Key()] = true
	}
}
