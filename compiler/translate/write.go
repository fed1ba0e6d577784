package translate

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/disclose-dev/disclose/compiler/locale"
)

// Status counts a language's translations against the texts to translate.
type Status struct {
	Current, Stale, Missing, Unused int
	// Names are the names with no translation, shown as written.
	Names int
}

// Write makes the translations file of language lang: every text of units
// (those the language's notices publish, in data order) with its
// translation from old (nil: none yet). A current translation is kept as
// it is; a stale one keeps its text and old source, with the English as
// it is now and its new source in a comment above it, for the translator
// to redo; a missing one is written with the English as its text and
// todo: true, never used until translated. Translations of texts the data
// no longer has are kept at the end, under a comment, for the translator
// to reuse or remove. It returns the file and the counts.
func Write(lang string, units []*Unit, old *File) ([]byte, Status) {
	var st Status
	byKey := map[string]*Text{}
	fallback := false
	if old != nil {
		fallback = old.Fallback
		for _, t := range old.Texts {
			if byKey[t.Key] == nil {
				byKey[t.Key] = t
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# The team's own words in %s, for the notices published in it.\n", langName(lang))
	b.WriteString("# Each text names what it translates and the hash of the English it was\n")
	b.WriteString("# made from (source). When the English changes, disclose check reports the\n")
	b.WriteString("# translation stale until it is translated again; todo: true marks a text\n")
	b.WriteString("# not translated yet (its English is shown here). disclose translate " + lang + "\n")
	b.WriteString("# --write updates this file.\n")
	fmt.Fprintf(&b, "language: %s\n", lang)
	if fallback {
		b.WriteString("fallback: true\n")
	}
	b.WriteString("texts:\n")
	done := map[string]bool{}
	for _, u := range units {
		done[u.Key] = true
		t := byKey[u.Key]
		switch {
		case t != nil && !t.Todo && t.Source == u.Hash() && t.List == u.List:
			st.Current++
			entry(&b, u.Key, t.Source, t.Text, t.List, false)
		case t != nil && !t.Todo:
			st.Stale++
			b.WriteString("  # stale: the English changed since this was translated. It now reads:\n")
			for _, e := range u.English {
				for _, line := range strings.Split(e, "\n") {
					b.WriteString("  #   " + line + "\n")
				}
			}
			fmt.Fprintf(&b, "  # translate it again and set source: %s\n", u.Hash())
			entry(&b, u.Key, t.Source, t.Text, t.List, false)
		case u.Optional:
			// A name may stay as written: no todo for it (a translation of
			// it, once added, is kept).
			st.Names++
		default:
			st.Missing++
			entry(&b, u.Key, u.Hash(), u.English, u.List, true)
		}
	}
	first := true
	if old != nil {
		for _, t := range old.Texts {
			if done[t.Key] || byKey[t.Key] != t {
				continue
			}
			if first {
				b.WriteString("  # Translations of texts the notices no longer publish (the text was\n")
				b.WriteString("  # removed, or its item's id changed): reuse or remove them.\n")
				first = false
			}
			st.Unused++
			entry(&b, t.Key, t.Source, t.Text, t.List, t.Todo)
		}
	}
	return []byte(b.String()), st
}

func entry(b *strings.Builder, key, source string, text []string, list, todo bool) {
	fmt.Fprintf(b, "  %s:\n", scalar(key, "  "))
	fmt.Fprintf(b, "    source: %s\n", source)
	if todo {
		b.WriteString("    todo: true\n")
	}
	if list {
		b.WriteString("    items:\n")
		for _, t := range text {
			fmt.Fprintf(b, "      - %s\n", scalar(t, "        "))
		}
		return
	}
	fmt.Fprintf(b, "    text: %s\n", scalar(text[0], "      "))
}

// scalar writes s as a YAML scalar: a literal block (|-) for text of
// several lines that one keeps exactly, else a double-quoted string (the
// JSON form is valid YAML), plain when nothing in it could be read as
// YAML syntax.
func scalar(s, indent string) string {
	if strings.Contains(s, "\n") && !strings.HasPrefix(s, " ") && !strings.HasSuffix(s, "\n") && !strings.ContainsAny(s, "\t\r") && !trailingSpace(s) {
		return "|-\n" + indent + strings.ReplaceAll(s, "\n", "\n"+indent)
	}
	if plain(s) {
		return s
	}
	q, _ := json.Marshal(s)
	return strings.ReplaceAll(string(q), `\u0026`, "&")
}

func trailingSpace(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l != strings.TrimRight(l, " ") {
			return true
		}
	}
	return false
}

// plain reports whether s reads back as itself written plain: letters,
// digits, spaces and harmless punctuation, not starting with what YAML
// reads as an indicator, nor a word it reads as another type.
func plain(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`0123456789.+") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == '"' || r == '\\' || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return false
		}
	}
	return true
}

func langName(code string) string {
	if t, err := locale.Parse(code); err == nil {
		return locale.English(t)
	}
	return code
}
