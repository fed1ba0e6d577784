package site

import (
	"embed"
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/disclose-dev/disclose/compiler/locale"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/render"
	"golang.org/x/text/language"
)

// The site's own words (the theme's labels, the banners, the archive, the
// changes and redline pages, the feeds) are messages like a rule pack's:
// English here, the source (and what every page of an English notice
// says, so an English site never depends on a catalogue), and each other
// language from the site's catalogue, messages/LANG.yaml, which the facade
// reads with load.Messages into Input.Messages (compiler.SiteCatalogue):
// the site does not read YAML. messages/en.yaml holds the same English as
// english (a test holds them equal), with each message's description, for
// translators and for the hashes translations are checked against.

//go:embed messages/*.yaml
var messageFiles embed.FS

// Messages is the site's message catalogue files (messages/LANG.yaml).
func Messages() fs.FS { return messageFiles }

// message is an English message: its text (other) and, for a message that
// depends on a count, its singular (one).
type message struct{ one, other string }

// english is every message the site writes, in English. theme.* are the
// theme's labels (written to data/disclose/LANG.json for the templates).
var english = map[string]message{
	"theme.skip":           {other: "Skip to main content"},
	"theme.notices":        {other: "Notices"},
	"theme.notices-label":  {other: "Privacy notices"},
	"theme.languages":      {other: "Language"},
	"theme.version":        {other: "Version"},
	"theme.effective":      {other: "Effective"},
	"theme.last-updated":   {other: "Last updated"},
	"theme.download-pdf":   {other: "Download PDF"},
	"theme.all-versions":   {other: "All versions"},
	"theme.what-changed":   {other: "What changed in this version"},
	"theme.text-changes":   {other: "Changes to the text"},
	"theme.subscribe":      {other: "Subscribe to changes (Atom)"},
	"theme.as-csv":         {other: "as CSV"},
	"theme.as-json":        {other: "as JSON"},
	"theme.back-to-top":    {other: "Back to top"},
	"theme.on-this-page":   {other: "On this page"},
	"theme.section-link":   {other: "Link to section:"},
	"theme.choices":        {other: "Your privacy choices"},
	"theme.questions":      {other: "Questions about privacy:"},
	"theme.machine":        {other: "Machine-readable notices (JSON)"},
	"theme.redline-pdf":    {other: "Download the redline (PDF)"},
	"theme.first-change":   {other: "Go to the first change"},
	"theme.within":         {other: "in"},
	"theme.only-changed":   {other: "Showing only the sections with a change."},
	"theme.show-whole":     {other: "Show the whole text"},
	"theme.showing-whole":  {other: "Showing the whole text."},
	"theme.show-changed":   {other: "Show only the sections with a change"},
	"banner.draft":         {other: "This is an unreleased draft, shown for review. It is not in force."},
	"banner.preview":       {other: "Preview: this is the draft compiled from your data as it is now, not a released version."},
	"banner.pending":       {other: "This notice takes effect on {{.Date}}."},
	"banner.upcoming":      {other: "A new version of this notice takes effect on {{.Date}}."},
	"banner.read-new":      {other: "Read the new version"},
	"banner.never":         {other: "This version never took effect: a later version of the same date replaced it before {{.Date}}. It is kept as it was published."},
	"banner.read-in-force": {other: "Read the version in force"},
	"banner.first":         {other: "This is the first version of this notice. It takes effect on {{.Date}}."},
	"banner.read-address":  {other: "Read it at the notice's address"},
	"banner.current":       {other: "This is the version in force. Its permanent address is this page; the notice's address always shows the version in force."},
	"banner.later":         {other: "This version takes effect on {{.Date}}. Until then, the version in force applies."},
	"banner.superseded":    {other: "This version is no longer in force. It is kept as it was published."},
	"notice.contents":      {other: "Contents"},
	"notice.see":           {other: "See"},
	"notice.colon":         {other: ": "},
	// The PDFs' own words (pdf.Words), for a PDF in another language.
	"pdf.running":                {other: "Effective {{.Date}}"},
	"pdf.version":                {other: "Version: "},
	"pdf.draft":                  {other: "Draft of {{.Date}}"},
	"pdf.effective":              {other: "Effective: {{.Date}}"},
	"pdf.last-updated":           {other: "Last updated: {{.Date}}"},
	"pdf.online":                 {other: "Online: "},
	"pdf.page":                   {other: "Page {{.Page}} of {{.Pages}}"},
	"pdf.legend.lead":            {other: "How to read this document: "},
	"pdf.legend.inserted":        {other: "inserted text is underlined"},
	"pdf.legend.inserted-colour": {other: " (and green); "},
	"pdf.legend.deleted":         {other: "deleted text is struck through"},
	"pdf.legend.deleted-colour":  {other: " (and red)."},
	"notice.description":         {other: "{{.Title}} of {{.Org}}."},
	"archive.title":              {other: "{{.Title}}: all versions"},
	"archive.intro":              {other: "Every version of this notice, exactly as it was published. Each keeps its address and its PDF."},
	"archive.version":            {other: "Version"},
	"archive.effective":          {other: "Effective"},
	"archive.last-updated":       {other: "Last updated"},
	"archive.what-changed":       {other: "What changed"},
	"archive.status":             {other: "Status"},
	"archive.pdf":                {other: "PDF"},
	"archive.caption":            {other: "Versions"},
	"archive.not-in-force":       {other: "No longer in force"},
	"archive.never":              {other: "Never in force (replaced before it took effect)"},
	"archive.takes-effect":       {other: "Takes effect on {{.Date}}"},
	"archive.in-force":           {other: "In force"},
	"changes.title":              {other: "{{.Title}}: what changed"},
	"changes.intro":              {other: "What changed in each version of this notice, newest first, from the facts behind it. A **material** change is one we tell you about before it takes effect."},
	"changes.english":            {other: "The changes are described in English."},
	"changes.heading":            {other: "Version {{.Version}}, effective {{.Date}}"},
	"changes.none":               {other: "No change to the facts behind this notice; only its wording changed."},
	"changes.material":           {other: "Material"},
	"changes.minor":              {other: "Minor"},
	"changes.read":               {other: "Read version {{.Version}}"},
	"changes.see-text":           {other: "See the changes to its text"},
	"count.changes":              {one: "{{.Count}} change", other: "{{.Count}} changes"},
	"count.sections":             {one: "{{.Count}} section", other: "{{.Count}} sections"},
	"count.in":                   {other: "{{.Changes}} in {{.Sections}}"},
	"count.none":                 {other: "no change to the text"},
	"redline.title":              {other: "{{.Title}}: changes in version {{.Version}}"},
	"redline.title-changed":      {other: "{{.Title}}: changes in version {{.Version}}, changed sections only"},
	"redline.compared":           {other: "The text of version {{.Version}} (effective {{.Date}}) compared with version {{.Previous}} (effective {{.PreviousDate}})."},
	"redline.marks":              {other: "Inserted words are marked as inserted (underlined), deleted words as deleted (struck through)."},
	"redline.version":            {other: "Version {{.Version}}"},
	"redline.what-changed":       {other: "What changed"},
	"redline.before-first":       {other: "Before the first heading"},
	"feed.title":                 {other: "{{.Title}} of {{.Org}}"},
	"feed.entry":                 {other: "{{.Title}}: version {{.Version}}, effective {{.Date}}"},
	"feed.effective":             {other: "Takes effect on {{.Date}}."},
}

// MessageIDs lists the ids of the site's messages, sorted.
func MessageIDs() []string { return slices.Sorted(maps.Keys(english)) }

// EnglishMessage returns the English of message id: its singular (for a
// message that depends on a count) and its text.
func EnglishMessage(id string) (one, other string, ok bool) {
	m, ok := english[id]
	return m.one, m.other, ok
}

// templates are the English messages with placeholders, parsed once.
var templates = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for id, m := range english {
		for form, text := range map[string]string{"one": m.one, "other": m.other} {
			if strings.Contains(text, "{{") {
				out[id+"/"+form] = template.Must(template.New(id).Option("missingkey=error").Parse(text))
			}
		}
	}
	return out
}()

// words writes the site's messages in one language, for one goroutine.
type words struct {
	lang string          // "" for English
	p    *locale.Printer // nil for English, or without a catalogue
	f    *locale.Format
}

// words returns the writer of the site's messages in lang ("" English): a
// language without a catalogue (Input.Messages nil) is written in English.
func (in *Input) words(lang string) *words {
	w := &words{lang: lang}
	if lang == "" || in.Messages == nil {
		return w
	}
	if t, err := language.Parse(lang); err == nil {
		w.p, w.f = in.Messages.Printer(t), locale.FormatOf(t)
	}
	return w
}

// t writes message id with data.
func (w *words) t(id string, data locale.Data) string {
	if w.p != nil {
		return w.p.T(id, data)
	}
	return englishText(id, "other", english[id].other, data)
}

// n writes message id in the plural form count asks for; its Count
// placeholder is the count.
func (w *words) n(id string, count int, data locale.Data) string {
	if w.p != nil {
		return w.p.N(id, count, data)
	}
	d := locale.Data{"Count": strconv.Itoa(count)}
	maps.Copy(d, data)
	if m := english[id]; count == 1 && m.one != "" {
		return englishText(id, "one", m.one, d)
	}
	return englishText(id, "other", english[id].other, d)
}

func englishText(id, form, text string, data locale.Data) string {
	tm := templates[id+"/"+form]
	if tm == nil {
		return text
	}
	var b strings.Builder
	if err := tm.Execute(&b, map[string]any(data)); err != nil {
		panic("site: message " + id + ": " + err.Error()) // a placeholder the code does not give: a bug a test finds
	}
	return b.String()
}

// date writes a day as the language writes it ("5 November 2012", "5. November 2012").
func (w *words) date(d model.Date) string {
	if w.f == nil {
		return render.LongDate(d)
	}
	return w.f.Date(d)
}

// themeData returns the theme's labels in each language the site
// publishes (en always), as data/disclose/LANG.json files, which the
// templates read by the page's language.
func (in *Input) themeData(langs []string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, lang := range append([]string{""}, langs...) {
		w := in.words(lang)
		labels := map[string]string{}
		for id := range english {
			if key, ok := strings.CutPrefix(id, "theme."); ok {
				labels[strings.ReplaceAll(key, "-", "_")] = w.t(id, nil)
			}
		}
		b, err := json.MarshalIndent(labels, "", "  ")
		if err != nil {
			return nil, err
		}
		code := lang
		if code == "" {
			code = "en"
		}
		files["data/disclose/"+code+".json"] = append(b, '\n')
	}
	return files, nil
}
