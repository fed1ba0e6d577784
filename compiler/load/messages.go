package load

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
)

// catalogueFile is a message catalogue file as it is written:
//
//	language: de
//	messages:
//	  about.title:
//	    hash: 5c1f0e9a2b7d4c3e8f6a1b2c
//	    text: Über diese Datenschutzerklärung
type catalogueFile struct {
	// Language of the messages, a BCP 47 code ("en", "de", "fr").
	Language string `yaml:"language" validate:"required"`
	// Messages by id.
	Messages map[string]*catalogueEntry `yaml:"messages" validate:"dive"`
}

type catalogueEntry struct {
	Pos diag.Pos `yaml:"-"`
	// Text of the message (CLDR's "other" plural form).
	Text string `yaml:"text" validate:"required"`
	// Plural forms besides other, for a message that depends on a count.
	Zero string `yaml:"zero"`
	One  string `yaml:"one"`
	Two  string `yaml:"two"`
	Few  string `yaml:"few"`
	Many string `yaml:"many"`
	// Hash, in a translation, of the English message it was made from.
	Hash string `yaml:"hash"`
	// Description of the message, for translators.
	Description string `yaml:"description"`
}

// Messages reads a rule pack's message catalogue: every .yaml file under
// dir of fsys, one language each, strictly and with positions, as Load
// reads data. Positions name the files under the folder as instead of dir
// (the folder in the source tree: compiler/jurisdiction/eu/messages), so a
// problem points at the file a translator edits; as "" keeps dir. The
// files are returned in name order, their messages in file order;
// locale.New makes the catalogue of them.
func Messages(fsys fs.FS, dir, as string) ([]*locale.File, diag.List) {
	var files []*locale.File
	ds := eachFile(fsys, dir, "messages", false, func(name string, cf *catalogueFile) {
		f := &locale.File{Path: name, Language: cf.Language, Pos: diag.Pos{File: name, Line: 1, Col: 1}}
		for id, e := range cf.Messages {
			f.Messages = append(f.Messages, &locale.Message{Pos: e.Pos, ID: id, Description: e.Description, Hash: e.Hash,
				Zero: e.Zero, One: e.One, Two: e.Two, Few: e.Few, Many: e.Many, Other: e.Text})
		}
		sort.Slice(f.Messages, func(i, j int) bool { return f.Messages[i].Pos.Compare(f.Messages[j].Pos) < 0 })
		files = append(files, f)
	})
	if as != "" && as != dir {
		rename := func(p *diag.Pos) {
			if rest, ok := strings.CutPrefix(p.File, dir+"/"); ok {
				p.File = as + "/" + rest
			}
		}
		for _, d := range ds {
			rename(&d.Pos)
			for i := range d.Related {
				rename(&d.Related[i])
			}
		}
		for _, f := range files {
			rename(&f.Pos)
			f.Path = f.Pos.File
			for _, m := range f.Messages {
				rename(&m.Pos)
			}
		}
	}
	ds.Sort()
	return files, ds
}

// eachFile decodes every data file in the folder dir of fsys (not its
// subfolders; names starting with a dot skipped) into a new T, strictly and
// with positions, as Load reads data, in name order, and gives fn each that
// decoded without an error. what names the files in a diagnostic; a folder
// that does not exist is an error unless missingOK.
func eachFile[T any](fsys fs.FS, dir, what string, missingOK bool, fn func(name string, v *T)) diag.List {
	var ds diag.List
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if _, statErr := fs.Stat(fsys, dir); statErr != nil && missingOK {
			return nil
		}
		ds.Add(diag.Pos{File: dir}, "", "cannot read the %s: %s", what, plainError(err))
		return ds
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && isData(e.Name()) && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(names)
	for _, name := range names {
		v := new(T)
		fds, _ := loadInto(fsys, name, v, model.NewSourceMap(diag.Pos{File: name}), nil, nil)
		ds.Append(fds...)
		if !fds.HasErrors() {
			fn(name, v)
		}
	}
	return ds
}
