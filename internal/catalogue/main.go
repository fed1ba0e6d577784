// Command catalogue updates a rule pack's translation catalogue from its
// English one, for translators of disclose's own sentences:
//
//	go run ./internal/catalogue -lang de compiler/jurisdiction/eu/messages
//
// It rewrites LANG.yaml in the folder with the English file's messages in
// its order: a current translation as it is; a stale one (its hash is not
// the English's) with the English as it now reads and the hash to set in a
// comment above it; a missing one commented out, with the English as its
// text and the hash, to translate and uncomment. Translations of messages
// the English no longer has are dropped, and listed. go test ./compiler
// (TestCataloguesClean) then reports what is still stale.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/load"
	"github.com/disclose-dev/disclose/compiler/locale"
)

func main() {
	lang := flag.String("lang", "", "the language to update (de, fr)")
	flag.Parse()
	if *lang == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: catalogue -lang LANG FOLDER")
		os.Exit(2)
	}
	if err := run(*lang, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "catalogue:", err)
		os.Exit(1)
	}
}

func run(lang, dir string) error {
	if _, err := locale.Parse(lang); err != nil {
		return err
	}
	files, ds := load.Messages(os.DirFS(dir), ".", dir)
	if ds.HasErrors() {
		return fmt.Errorf("%v", diag.List(ds))
	}
	var en, old *locale.File
	for _, f := range files {
		switch f.Language {
		case "en":
			en = f
		case lang:
			old = f
		}
	}
	if en == nil {
		return fmt.Errorf("%s has no en.yaml", dir)
	}
	have := map[string]*locale.Message{}
	if old != nil {
		for _, m := range old.Messages {
			have[m.ID] = m
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s translation of the messages in en.yaml (go run ./internal/catalogue -lang %s %s).\n", englishName(lang), lang, dir)
	b.WriteString("# Each message gives the hash of the English it translates: when the English\n")
	b.WriteString("# changes, the translation is stale and is not published until translated again.\n")
	fmt.Fprintf(&b, "language: %s\nmessages:\n", lang)
	var current, stale, missing int
	for _, m := range en.Messages {
		want := locale.Hash(m.Source())
		t := have[m.ID]
		delete(have, m.ID)
		switch {
		case t != nil && t.Hash == want:
			current++
			write(&b, "", m.ID, t.Hash, t)
		case t != nil:
			stale++
			b.WriteString("  # stale: the English now reads:\n")
			write(&b, "  #   ", m.ID, want, m)
			write(&b, "", m.ID, t.Hash, t)
		default:
			missing++
			b.WriteString("  # not translated yet:\n")
			write(&b, "  # ", m.ID, want, m)
		}
	}
	for id := range have {
		fmt.Fprintf(os.Stderr, "dropped %s: the English no longer has it\n", id)
	}
	name := filepath.Join(dir, lang+".yaml")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d current, %d stale, %d not translated\n", name, current, stale, missing)
	return nil
}

func write(b *strings.Builder, prefix, id, hash string, m *locale.Message) {
	p := func(format string, args ...any) { b.WriteString(prefix + fmt.Sprintf(format, args...) + "\n") }
	p("  %s:", id)
	p("    hash: %s", hash)
	if m.Description != "" {
		p("    description: %s", quote(m.Description))
	}
	for _, f := range []struct{ name, text string }{{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"text", m.Other}} {
		if f.text != "" {
			p("    %s: %s", f.name, quote(f.text))
		}
	}
}

// quote writes s as a single-quoted YAML scalar (” for a quote), which
// reads back exactly for text on one line.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func englishName(code string) string {
	t, _ := locale.Parse(code)
	return locale.English(t)
}
