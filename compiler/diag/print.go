package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Format selects how a Printer writes diagnostics.
type Format string

const (
	// Text is for people: one line per diagnostic, then the source line with a
	// caret, the hint and the rule's citation.
	Text Format = "text"
	// JSON is one JSON array of diagnostics, for tools.
	JSON Format = "json"
	// GitHub prints GitHub Actions workflow commands (::error file=...::), which
	// GitHub shows as annotations on the pull request.
	GitHub Format = "github"
)

// Formats lists the accepted formats, for help texts.
var Formats = []Format{Text, JSON, GitHub}

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want text, json or github)", s)
}

// A Printer writes diagnostics. Source, when set, returns the content of a
// file named in a Pos so the text format can quote the offending line.
type Printer struct {
	Format  Format
	Source  func(file string) ([]byte, bool)
	NoQuote bool // text format: print only the first line of each diagnostic

	lines map[string][]int // file -> offsets of line starts
	last  struct {         // the last line quoted, reused for its neighbours' diagnostics
		pos   Pos
		text  string
		runes []rune
	}
}

// Print writes l in p's format.
func (p *Printer) Print(w io.Writer, l List) error {
	switch p.Format {
	case JSON:
		out := l
		if out == nil {
			out = List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case GitHub:
		var b strings.Builder
		for _, d := range l {
			writeGitHub(&b, d)
		}
		_, err := io.WriteString(w, b.String())
		return err
	default:
		var b strings.Builder
		for _, d := range l {
			p.writeText(&b, d)
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
}

func (p *Printer) writeText(b *strings.Builder, d *Diagnostic) {
	b.WriteString(d.Error())
	b.WriteByte('\n')
	if p.NoQuote {
		return
	}
	if line, ok := p.line(d.Pos); ok {
		if p.last.runes == nil {
			p.last.runes = []rune(line)
		}
		line, col := window(line, p.last.runes, d.Pos.Col)
		num := fmt.Sprint(d.Pos.Line)
		pad := strings.Repeat(" ", len(num))
		fmt.Fprintf(b, " %s | %s\n", num, line)
		if col > 0 {
			fmt.Fprintf(b, " %s | %s^\n", pad, caretPrefix(line, col))
		}
	}
	for _, r := range d.Related {
		fmt.Fprintf(b, "    see %s\n", r)
	}
	if d.Hint != "" {
		// A hint of several lines (the allowed values, one a line) is
		// indented under its first.
		fmt.Fprintf(b, "    hint: %s\n", strings.ReplaceAll(d.Hint, "\n", "\n      "))
	}
	if d.Rule != nil && d.Rule.Citation != "" {
		fmt.Fprintf(b, "    rule: %s, %s\n", d.Rule.ID, d.Rule.Citation)
	}
}

// line returns the text of pos's line, with control characters made visible.
func (p *Printer) line(pos Pos) (string, bool) {
	if p.Source == nil || !pos.IsValid() || pos.Line < 1 {
		return "", false
	}
	if p.last.pos.File == pos.File && p.last.pos.Line == pos.Line && p.last.text != "" {
		return p.last.text, true
	}
	src, ok := p.Source(pos.File)
	if !ok {
		return "", false
	}
	starts, ok := p.lines[pos.File]
	if !ok {
		starts = []int{0}
		for i, c := range src {
			if c == '\n' {
				starts = append(starts, i+1)
			}
		}
		if p.lines == nil {
			p.lines = map[string][]int{}
		}
		p.lines[pos.File] = starts
	}
	if pos.Line > len(starts) {
		return "", false
	}
	src = src[starts[pos.Line-1]:]
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	s := strings.TrimSuffix(string(src), "\r")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	p.last.pos, p.last.text, p.last.runes = pos, s, nil
	return s, true
}

// window cuts a long line to about 120 characters around column col,
// marking the cuts with …, and returns the column's place in the cut line.
func window(line string, r []rune, col int) (string, int) {
	const width = 120
	if len(r) <= width {
		return line, col
	}
	start := max(0, min(col-1-width/2, len(r)-width))
	end := min(len(r), start+width)
	out := string(r[start:end])
	if col > 0 {
		col -= start
	}
	if start > 0 {
		out = "…" + out
		if col > 0 {
			col++
		}
	}
	if end < len(r) {
		out += "…"
	}
	return out, col
}

// caretPrefix returns blanks reaching column col of line, keeping tabs so the
// caret lines up in a terminal.
func caretPrefix(line string, col int) string {
	var b strings.Builder
	n := 1
	for _, r := range line {
		if n >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		n++
	}
	for ; n < col; n++ {
		b.WriteByte(' ')
	}
	return b.String()
}

func writeGitHub(b *strings.Builder, d *Diagnostic) {
	kind := "error"
	switch d.Severity {
	case Warning:
		kind = "warning"
	case Info:
		kind = "notice"
	}
	b.WriteString("::")
	b.WriteString(kind)
	var props []string
	if d.Pos.IsValid() {
		props = append(props, "file="+escapeProperty(d.Pos.File))
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		}
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
	}
	// The title: the rule and the item (GDPR-13-2-e: category "contact").
	var title []string
	if d.Rule != nil {
		title = append(title, d.Rule.ID)
	}
	if d.Item != "" {
		title = append(title, d.Item)
	}
	if len(title) > 0 {
		props = append(props, "title="+escapeProperty(strings.Join(title, ": ")))
	}
	if len(props) > 0 {
		b.WriteByte(' ')
		b.WriteString(strings.Join(props, ","))
	}
	b.WriteString("::")
	// The message: the one-line form's subject and message, then the hint
	// and the rule's citation on lines of their own (escaped, so the
	// annotation is still one workflow command, one line of output).
	msg := d.Said()
	if s := d.Subject(); s != "" {
		msg = s + ": " + msg
	}
	if d.Hint != "" {
		msg += "\n" + d.Hint
	}
	if d.Rule != nil && d.Rule.Citation != "" {
		msg += "\nrule: " + d.Rule.ID + ", " + d.Rule.Citation
	}
	b.WriteString(escapeData(msg))
	b.WriteByte('\n')
}

// escapeData and escapeProperty follow GitHub's rules for workflow command
// values (docs.github.com, "Workflow commands for GitHub Actions", and the
// Actions toolkit's command.ts): in the message, % and line breaks are
// percent-encoded; in a property, : and , too, since they separate the
// properties from each other and from the message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary returns "2 errors, 1 warning" style counts, or "no problems".
func Summary(l List) string {
	var parts []string
	for _, s := range []Severity{Error, Warning, Info} {
		n := l.Count(s)
		if n == 0 {
			continue
		}
		name := s.String()
		if s == Info {
			name = "suggestion"
		}
		if n != 1 {
			name += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, name))
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, ", ")
}
