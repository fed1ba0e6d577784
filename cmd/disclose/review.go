package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/compiler/review"
	"github.com/disclose-dev/disclose/internal/github"
)

// reviewMarker is the hidden line that finds the review comment on a pull
// request again, so there is only ever one, updated in place.
const reviewMarker = "<!-- disclose-review -->"

// maxComment keeps a comment under GitHub's limit of 65,536 characters.
const maxComment = 60000

// reviewComment is the pull-request comment: the review (compiler/review),
// or the data's errors when it does not compile, and on GitHub the
// sign-off.
type reviewComment struct {
	review.Result
	// Errors are the data's errors, when it does not compile: then there
	// is nothing else to say.
	Errors diag.List
	// SignOff is the sign-off's state on GitHub (nil outside GitHub).
	SignOff *signOffState
	// LabelRemoved is whether this run took the approval label off, since
	// a push came after it.
	LabelRemoved bool
	// fit is how the comment was cut to GitHub's size limit.
	fit fit
	// Commit is the commit reviewed (on GitHub).
	Commit string
}

// fit says what a comment leaves out to stay within GitHub's size limit:
// the excerpts, and the change rows after the first rows (0: none).
type fit struct {
	noExcerpts bool
	rows       int
}

// signOffState is a sign-off's answer and the policy it was judged by.
type signOffState struct {
	github.SignOff
	Policy github.Policy
}

// markdown writes the review as a pull-request comment, cut as r.fit
// says.
func (r *reviewComment) markdown(w io.Writer) {
	fmt.Fprintf(w, "%s\n## Privacy review\n\n", reviewMarker)
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "**The data has %s**, so no notice was compiled and nothing else can be reviewed. The check's annotations show each problem on its line:\n\n", diag.Summary(r.Errors))
		shown := 0
		for _, d := range r.Errors {
			if d.Severity != diag.Error {
				continue
			}
			if shown == 10 {
				fmt.Fprintf(w, "- and %d more\n", r.Errors.Count(diag.Error)-10)
				break
			}
			shown++
			fmt.Fprintf(w, "- %s: %s\n", mdText(d.Pos.String()), mdText(d.Message))
		}
		fmt.Fprintln(w)
		r.footer(w)
		return
	}
	material, minor := r.Material(), len(r.Changes)-r.Material()
	texts := r.Reworded()
	switch {
	case material > 0:
		fmt.Fprintf(w, "**%s** for readers", count(material, "material change"))
		if minor > 0 {
			fmt.Fprintf(w, ", and %s", count(minor, "minor change"))
		}
		they := "they take"
		if material == 1 {
			they = "it takes"
		}
		fmt.Fprintf(w, ". Counsel must sign off before this merges, and the release must give readers notice before %s effect.\n\n", they)
	case minor > 0:
		fmt.Fprintf(w, "%s for readers, none material: no sign-off needed.\n\n", count(minor, "minor change"))
	case texts > 0:
		fmt.Fprintf(w, "The wording of %s changes; no fact behind them changed.\n\n", count(texts, "notice"))
	case len(r.Main) > 0:
		fmt.Fprintf(w, "This pull request itself changes nothing for readers: no sign-off needed.\n\n")
	default:
		fmt.Fprintf(w, "No change for readers: the notices read the same and no fact behind them changed.\n\n")
	}
	var released []string
	for _, nd := range r.Notices {
		for _, v := range nd.Released {
			released = append(released, fmt.Sprintf("%s version %s, in force from %s (released %s)", mdText(nd.Title), v.ID, v.Effective, v.Released))
		}
	}
	if len(released) > 0 {
		fmt.Fprintf(w, "This pull request releases %s: the changes below are those since the versions it started from.\n\n", strings.Join(released, "; "))
	}
	rows := r.fit.rows
	for _, t := range []struct {
		heading, intro string
		changes        []review.Change
	}{
		{"", "", r.Changes},
		{"### Already on main, not yet released", "Merged with pull requests signed off there: they need no sign-off here, and the next release publishes them with this pull request's changes.", r.Main},
	} {
		if len(t.changes) == 0 {
			continue
		}
		if t.heading != "" {
			fmt.Fprintf(w, "%s\n\n%s\n\n", t.heading, t.intro)
		}
		fmt.Fprintf(w, "| | Change | Notices | Why |\n|---|---|---|---|\n")
		for i, c := range t.changes {
			if r.fit.rows > 0 && i == rows {
				fmt.Fprintf(w, "\nAnd %s, left out to fit GitHub's comment limit: the job summary lists every change, and `disclose review` prints them.\n", count(len(t.changes)-i, "more change"))
				break
			}
			label := "minor"
			if c.Material {
				label = "**material**"
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", label, mdText(c.Sentence), mdText(strings.Join(c.Notices, ", ")), mdText(string(c.Reason)))
		}
		fmt.Fprintln(w)
	}
	r.release(w)
	if r.SignOff != nil {
		r.signOff(w)
	}
	if !r.fit.noExcerpts {
		r.excerpts(w)
	} else if r.TextChanged() {
		fmt.Fprintf(w, "Redline excerpts are left out to fit GitHub's comment limit: the job summary and the preview's redline show them.\n\n")
	}
	r.footer(w)
}

// release writes what a release of the changes needs: the notice periods
// and the earliest day it can take effect, by the rule disclose release
// enforces (release.Assess).
func (r *reviewComment) release(w io.Writer) {
	if r.Earliest == "" || r.Releases {
		return // nothing to release, or the pull request released it
	}
	if len(r.Periods) == 0 && len(r.First) == 0 && r.Refused == nil && r.Earliest == r.AsOf {
		return // a release can take effect on its day: nothing to plan
	}
	fmt.Fprintf(w, "### Release\n\n")
	if len(r.Periods) > 0 {
		fmt.Fprintf(w, "Readers must be told of a material change before it takes effect:\n\n| Notice | Material changes | Notice period |\n|---|---|---|\n")
		for _, p := range r.Periods {
			fmt.Fprintf(w, "| %s (`%s`) | %d | %s |\n", mdText(p.Title), p.Notice, p.Material, count(p.Days, "day"))
		}
		fmt.Fprintln(w)
	}
	for _, t := range r.First {
		fmt.Fprintf(w, "- %s is released for the first time: its first version may take effect on the day it is released.\n", mdText(t))
	}
	if len(r.First) > 0 {
		fmt.Fprintln(w)
	}
	if r.Refused != nil {
		fmt.Fprintf(w, "**A release cannot go ahead as the data stands.** Released on %s and taking effect on %s, the earliest day the notice periods allow, `disclose release` would refuse it: %s\n\n", r.AsOf, r.Earliest, mdText(r.Refused.Error()))
		return
	}
	fmt.Fprintf(w, "If released on %s, the release can take effect on %s at the earliest", r.AsOf, r.Earliest)
	if d := r.AsOf.DaysUntil(r.Earliest); d > 0 {
		fmt.Fprintf(w, " (%s later)", count(d, "day"))
	}
	fmt.Fprintf(w, ": `disclose release --effective %s`.", r.Earliest)
	if len(r.Periods) > 0 {
		fmt.Fprintf(w, " Each day the release waits moves that date by a day.")
	}
	fmt.Fprintf(w, "\n\n")
}

// signOff writes the sign-off's state. It mentions (@) only the people
// the policy names; others are named as code, so a comment updated on every
// push does not notify them.
func (r *reviewComment) signOff(w io.Writer) {
	s, p := r.SignOff, r.SignOff.Policy
	fmt.Fprintf(w, "### Sign-off\n\n")
	if r.LabelRemoved {
		fmt.Fprintf(w, "The label `%s` was removed by the push of %s: apply it again after reading the new changes.\n\n", mdText(p.Label), short(r.Commit))
	}
	switch {
	case r.Material() == 0 && len(r.Main) > 0:
		fmt.Fprintf(w, "No material change of this pull request's own: no sign-off needed.\n\n")
	case r.Material() == 0:
		fmt.Fprintf(w, "No material change: no sign-off needed.\n\n")
		return
	case s.OK && s.How == "labelled":
		fmt.Fprintf(w, "Signed off: %s (%s) applied the label `%s`.\n\n", login(s.By), mdText(s.Role), mdText(p.Label))
	case s.OK:
		fmt.Fprintf(w, "Signed off: %s (%s) approved commit %s.\n\n", login(s.By), mdText(s.Role), short(r.Commit))
	default:
		var who []string
		if len(p.Roles) > 0 {
			who = append(who, "a reviewer with the role "+orList(p.Roles))
		}
		for _, u := range p.Users {
			who = append(who, "@"+u)
		}
		fmt.Fprintf(w, "**Waiting for sign-off.** %s must approve this pull request at its latest commit (%s)", capital(orList(who)), short(r.Commit))
		if p.Label != "" {
			fmt.Fprintf(w, ", or apply the label `%s`", mdText(p.Label))
		}
		fmt.Fprintf(w, ".\n")
		for _, x := range s.Requested {
			fmt.Fprintf(w, "- %s requested changes.\n", login(x))
		}
		for _, x := range s.Stale {
			fmt.Fprintf(w, "- %s approved an earlier commit: a push since needs a new approval.\n", login(x))
		}
		for _, x := range s.Unqualified {
			fmt.Fprintf(w, "- %s cannot sign off", login(x))
			if len(p.Roles) > 0 {
				fmt.Fprintf(w, " (the approver roles are %s)", mdText(strings.Join(p.Roles, ", ")))
			}
			fmt.Fprintf(w, ".\n")
		}
		fmt.Fprintln(w)
	}
}

// login writes "login (what)" as a code span and its note, so it mentions
// no one.
func login(x string) string {
	name, note, _ := strings.Cut(x, " ")
	if note != "" {
		note = " " + mdText(note)
	}
	return "`" + strings.ReplaceAll(name, "`", "") + "`" + note
}

// excerpts writes, per notice, the changed passages of its text.
func (r *reviewComment) excerpts(w io.Writer) {
	first := true
	for _, nd := range r.Notices {
		if !nd.TextChanged {
			continue
		}
		if first {
			fmt.Fprintf(w, "### What readers will see\n\n")
			first = false
		}
		to := nd.To
		if to == "draft" {
			to = "this pull request"
		}
		fmt.Fprintf(w, "<details><summary><b>%s</b> (<code>%s</code>), %s → %s: %s inserted, %s deleted, in %s</summary>\n\n",
			htmlText(nd.Title), nd.Notice, htmlText(nd.From), htmlText(to), diff.Words(nd.Inserted), diff.Words(nd.Deleted), count(len(nd.Excerpts), "section"))
		for i, ex := range nd.Excerpts {
			if i == 8 {
				fmt.Fprintf(w, "And %s more; the preview's redline shows every change.\n\n", count(len(nd.Excerpts)-8, "section"))
				break
			}
			title := ex.Title
			if title == "" {
				title = "Opening"
			}
			path := append(slices.Clone(ex.Within), title)
			fmt.Fprintf(w, "**%s** (%s)\n\n", mdText(strings.Join(path, " › ")), count(ex.Edits, "change"))
			for _, p := range ex.Passages {
				where := ""
				if p.Places > 1 {
					where = fmt.Sprintf(" (in %d places)", p.Places)
				}
				fmt.Fprintf(w, "> %s%s\n\n", passageMarkdown(p), where)
			}
			if ex.More > 0 {
				fmt.Fprintf(w, "And %s in this section.\n\n", count(ex.More, "more changed passage"))
			}
		}
		fmt.Fprintf(w, "</details>\n\n")
	}
}

func (r *reviewComment) footer(w io.Writer) {
	fmt.Fprintf(w, "<sub>disclose %s", toolVersion())
	if r.Commit != "" {
		fmt.Fprintf(w, " at %s", short(r.Commit))
	}
	fmt.Fprintf(w, ", as of %s. This comment is updated on every push.</sub>\n", r.AsOf)
}

// comment returns the review as a comment within GitHub's size limit
// (maxComment characters): whole if it fits, else without the excerpts,
// else with fewer change rows, material ones first.
func (r *reviewComment) comment() string {
	var b strings.Builder
	for _, f := range []fit{{}, {noExcerpts: true}, {noExcerpts: true, rows: 150}, {noExcerpts: true, rows: 20}} {
		b.Reset()
		r.fit = f
		r.markdown(&b)
		if utf8.RuneCountInString(b.String()) <= maxComment {
			break
		}
	}
	r.fit = fit{}
	return b.String()
}

// full returns the whole review, for the job summary (up to 1 MiB).
func (r *reviewComment) full() string {
	var b strings.Builder
	r.markdown(&b)
	return b.String()
}

// passageMarkdown writes a redline passage with <ins> and <del>, which
// GitHub shows underlined and struck through.
func passageMarkdown(p diff.Passage) string {
	var b strings.Builder
	if p.Before {
		b.WriteString("… ")
	}
	for _, op := range p.Ops {
		switch {
		case op.Kind == diff.Equal && op.Text == "":
			b.WriteString(" … ")
		case op.Kind == diff.Equal:
			b.WriteString(mdText(op.Text))
		case op.Kind == diff.Insert:
			b.WriteString(marked("ins", op.Text))
		case op.Kind == diff.Delete:
			b.WriteString(marked("del", op.Text))
		}
	}
	if p.After {
		b.WriteString(" …")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// marked wraps text in tag, keeping its outer spaces outside the tag.
func marked(tag, text string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return text
	}
	i := strings.Index(text, t)
	return text[:i] + "<" + tag + ">" + mdText(t) + "</" + tag + ">" + text[i+len(t):]
}

// mdText escapes text for GitHub Markdown (and its table cells), keeping
// its spaces. The data's text never mentions anyone or links an issue
// (neutral).
func mdText(s string) string {
	var b strings.Builder
	for _, r := range neutral(s) {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
			continue
		case strings.ContainsRune("\\`*_[]<>|#&~!$", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// htmlText escapes text inside an HTML element of a comment, mentions and
// references neutralised as in mdText.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(neutral(s))
}

// neutral puts a zero-width space after each @ that GitHub would read as
// a mention ("@legal", "@acme/legal": not after a letter or digit, so an
// email address stays whole) and each # it would read as a reference
// ("#12", "acme/privacy#12", "GH-12"): a backslash does not stop either.
func neutral(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		b.WriteRune(r)
		next := i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1]))
		prevWord := i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1]) || strings.ContainsRune("._-", rs[i-1]))
		gh := r == '-' && i >= 2 && strings.EqualFold(string(rs[i-2:i]), "GH")
		if r == '@' && next && !prevWord || (r == '#' || gh) && next && unicode.IsDigit(rs[i+1]) {
			b.WriteRune('\u200b')
		}
	}
	return b.String()
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func orList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

// mainTree compiles the base branch in dir (its data/, and bl, the ledger
// of its releases/), for the comparison of the pull request with main's
// draft. Base data that does not compile gives nil (it is said on
// stderr): every change is then the pull request's to sign off, as
// without --base; so does a base branch with no data yet.
func mainTree(cmd *cobra.Command, g *globals, dir string, bl *release.Ledger, opts *compiler.Options) (*review.Tree, error) {
	gb := &globals{dir: dir, data: g.data}
	if _, err := os.Stat(filepath.Join(dir, g.data)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil // main has no data yet: every change is this pull request's
	}
	src, err := gb.open(cmd)
	if err != nil {
		return nil, fmt.Errorf("--base: %w", err)
	}
	bproj, bdocs, diags := compiler.Compile(src.fsys, src.dir, opts)
	if diags.HasErrors() {
		fmt.Fprintf(cmd.ErrOrStderr(), "disclose: --base: the base branch's data has %s: every change is reviewed as this pull request's\n", diag.Summary(diags))
		return nil, nil
	}
	bsnap, err := release.Snapshot(bproj)
	if err != nil {
		return nil, err
	}
	return &review.Tree{Ledger: bl, Store: release.Store{FS: os.DirFS(dir)}, Docs: bdocs, Snapshot: bsnap}, nil
}

// permissionHint adds to an API refusal the permissions the job needs.
func permissionHint(err error, perms string) error {
	if github.Forbidden(err) {
		return fmt.Errorf("%w (give the job the permissions %s)", err, perms)
	}
	return err
}

func newReviewCmd(g *globals) *cobra.Command {
	var from, out, baseLedger, baseDir, status string
	var onGitHub bool
	var policy github.Policy
	cmd := &cobra.Command{
		Use:   "review [--from VERSION] [-o FILE] [--github [--approver-role ROLE]... [--approver LOGIN]... [--approval-label LABEL] [--status CONTEXT]]",
		Short: "Review a pull request: what changes for readers, and whether counsel signed off",
		Long: `Review compares the notices compiled from data/ with their latest released
versions and writes what changes for readers, as a pull-request comment in
Markdown: each change once, with the notices it affects, material changes
first; the notice periods the material changes need and the earliest day a
release can take effect; and a short redline excerpt of each changed section.

Without --github it prints the comment, so you can read it before you push.

--base FOLDER holds the base branch's data/ and releases/ (the workflow
extracts them from HEAD^1 with git archive): the changes that need sign-off
are then the pull request's own, against main's data, and main's unreleased
ones are listed apart; a pull request that changes the data and releases it
is reviewed against the versions main had released, and the comment names
the versions it releases. --base-ledger FILE gives main's ledger alone.

With --github (in a GitHub Actions job run on pull_request and
pull_request_review events; any other event is refused, since on
pull_request_target the checkout is the base branch) it also:
  - adds the whole review to the job's summary, then posts the comment on
    the pull request, or updates the one it posted before (one comment per
    pull request, whatever the number of pushes), cut to GitHub's size
    limit;
  - judges the sign-off: when a change is material, it is signed off when a
    reviewer whose repository role is one of --approver-role (or whose login
    is one of --approver) approves the pull request at its latest commit, or
    applies --approval-label. A push after the approval needs a new one, and
    a push removes the label; the label counts only when the last person who
    applied it could sign off and is not the pull request's author, and
    never on a pull request from a fork;
  - with --status CONTEXT, sets that commit status on the pull request's
    head (success, or failure while a material change waits), and exits 0
    while waiting: require the status CONTEXT in the branch's rules. Every
    run replaces the status, whichever event started it, where a failed job
    of an earlier run would stay beside the passing one.
It reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_STEP_SUMMARY and the
token in GITHUB_TOKEN (or GH_TOKEN); the job needs the permissions contents:
read, pull-requests: write, issues: write (the label), checks: read (when
the latest commit arrived, which a label must follow) and (with --status)
statuses: write.
On a pull request from a fork, whose token is read-only (also on a re-run),
the comment goes to the job summary and the job's exit carries the verdict;
the status is never set, so such a pull request merges only once a
maintainer pushes its branch into the repository.

Exit status: 0 when nothing material is waiting for sign-off (or --status
carries the verdict), 1 when the data has errors or (with --github) a
material change is not signed off, 2 when the review could not run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			stderr := cmd.ErrOrStderr()
			var env github.Env
			var pr *github.PullRequest
			if onGitHub {
				var err error
				if env, err = github.FromEnv(os.Getenv); err != nil {
					return err
				}
				if pr, err = github.ReadEvent(env.EventPath); err != nil {
					return err
				}
				if len(policy.Roles) == 0 && len(policy.Users) == 0 {
					return fmt.Errorf("--github needs who can sign off: --approver-role ROLE or --approver LOGIN")
				}
			} else if len(policy.Roles)+len(policy.Users) > 0 || policy.Label != "" || status != "" {
				return fmt.Errorf("--approver-role, --approver, --approval-label and --status need --github")
			}
			var c *github.Client
			labelRemoved := false
			judged := false // the status carries this run's verdict
			if pr != nil {
				c = github.NewClient(env)
				// Pending first, so a run that fails before its verdict
				// leaves no earlier success standing on the head; a run
				// that fails after it says so (error).
				if status != "" {
					err := c.SetStatus(cmd.Context(), pr.Head, github.Status{State: "pending", Context: status, Description: "Judging the sign-off", TargetURL: env.RunURL()})
					switch {
					case pr.Fork && github.Forbidden(err):
					case err != nil:
						return permissionHint(err, "statuses: write")
					default:
						defer func() {
							if !judged {
								_ = c.SetStatus(context.WithoutCancel(cmd.Context()), pr.Head, github.Status{State: "error", Context: status, Description: "The review could not run: see the job's log", TargetURL: env.RunURL()})
							}
						}()
					}
				}
				// A push withdraws the label as it withdraws an approval:
				// first, before anything else can fail or be cancelled (a
				// label applied before the push never counts anyway).
				if pr.Action == "synchronize" && policy.Label != "" && !pr.Fork && slices.ContainsFunc(pr.Labels, func(l string) bool { return strings.EqualFold(l, policy.Label) }) {
					if err := c.RemoveLabel(cmd.Context(), pr.Number, policy.Label); err != nil {
						fmt.Fprintf(cmd.OutOrStdout(), "::warning title=Privacy sign-off::The label %s could not be removed after the push (%v; give the job issues: write): it does not count for this commit all the same.\n", policy.Label, err)
					} else {
						labelRemoved = true
					}
				}
			}
			src, opts, err := g.input(cmd, "reviewing")
			if err != nil {
				return err
			}
			proj, docs, diags := compiler.Compile(src.fsys, src.dir, opts)
			r := &reviewComment{Result: review.Result{AsOf: opts.Date}}
			if diags.HasErrors() {
				r.Errors = diags
			} else {
				var base *release.Ledger
				switch {
				case baseDir != "" && baseLedger == "":
					// main's releases/ (none yet: an empty ledger).
					if base, err = release.Read(os.DirFS(baseDir), release.Dir); err != nil {
						return fmt.Errorf("--base: %w", err)
					}
				case baseLedger != "":
					b, err := os.ReadFile(baseLedger)
					switch {
					case errors.Is(err, fs.ErrNotExist) || err == nil && len(b) == 0:
						base = &release.Ledger{} // nothing released before
					case err != nil:
						return err
					default:
						if base, err = release.Parse(baseLedger, b); err != nil {
							return err
						}
					}
				}
				ledger, _, err := g.releases()
				if err != nil {
					return err
				}
				snapshot, err := release.Snapshot(proj)
				if err != nil {
					return err
				}
				in := review.Input{
					AsOf:    opts.Date,
					Head:    review.Tree{Ledger: ledger, Store: release.Store{FS: os.DirFS(g.dir)}, Docs: docs, Snapshot: snapshot},
					From:    from,
					Base:    base,
					Compare: compiler.Changes,
				}
				ropts := *opts
				ropts.LastUpdated = opts.Date
				in.Release = releaseRequest(g, proj, docs, &ropts)
				if baseDir != "" {
					if in.Main, err = mainTree(cmd, g, baseDir, base, opts); err != nil {
						return err
					}
				}
				res, err := review.Review(in)
				if err != nil {
					return err
				}
				r.Result = *res
			}
			if pr != nil {
				r.Commit = pr.Head
				r.LabelRemoved = labelRemoved
				r.SignOff = &signOffState{Policy: policy}
				if r.Material() > 0 {
					s, err := c.SignedOff(cmd.Context(), pr, policy)
					if err != nil {
						return permissionHint(err, "pull-requests: write, issues: write and checks: read")
					}
					r.SignOff.SignOff = s
				}
			}
			body := r.comment()
			if out != "" {
				if err := os.WriteFile(out, []byte(body), 0o644); err != nil {
					return err
				}
			} else if pr == nil {
				fmt.Fprint(cmd.OutOrStdout(), body)
			}
			waiting := r.SignOff != nil && r.Material() > 0 && !r.SignOff.OK
			if pr != nil {
				// The summary first: the review is readable even when the
				// API fails.
				if err := env.AppendSummary(r.full()); err != nil {
					return err
				}
				// The status, the gate, before the comment, its explanation.
				if status != "" {
					st := github.Status{State: "success", Context: status, TargetURL: env.RunURL()}
					switch {
					case len(r.Errors) > 0:
						st.State, st.Description = "failure", "The data has "+diag.Summary(r.Errors)
					case waiting:
						st.State, st.Description = "failure", count(r.Material(), "material change")+" waiting for counsel's sign-off"
					case r.Material() > 0:
						st.Description = count(r.Material(), "material change") + ", signed off by " + r.SignOff.By
					default:
						st.Description = "No material change"
					}
					err := c.SetStatus(cmd.Context(), pr.Head, st)
					judged = err == nil
					switch {
					case pr.Fork && github.Forbidden(err):
						fmt.Fprintf(cmd.OutOrStdout(), "::warning title=Privacy sign-off::A pull request from a fork gets a read-only token, even on a re-run, which cannot set the status %s: this job's result says whether it is signed off; to merge, a maintainer pushes its branch into this repository, where the review runs with the status.\n", status)
						status = "" // the job's own result carries the verdict
					case err != nil:
						return permissionHint(err, "statuses: write")
					default:
						fmt.Fprintf(stderr, "disclose: status %s: %s (%s)\n", status, st.State, st.Description)
					}
				}
				create := len(r.Changes) > 0 || len(r.Errors) > 0 || len(r.Periods) > 0 || r.Refused != nil || r.TextChanged()
				what, err := c.Upsert(cmd.Context(), pr.Number, reviewMarker, body, create)
				switch {
				case pr.Fork && github.Forbidden(err):
					fmt.Fprintf(cmd.OutOrStdout(), "::warning title=Privacy review::A pull request from a fork gets a read-only token, which cannot comment: the review is in the job summary.\n")
				case err != nil:
					return permissionHint(err, "pull-requests: write")
				default:
					fmt.Fprintf(stderr, "disclose: review comment %s on pull request #%d\n", what, pr.Number)
				}
			}
			switch {
			case len(r.Errors) > 0:
				fmt.Fprintf(stderr, "disclose: the data has %s; run disclose check\n", diag.Summary(r.Errors))
				return exitError{exitProblem}
			case waiting && status != "":
				// The status carries the verdict; a failing job would
				// linger beside it when a later run signs off.
				fmt.Fprintf(cmd.OutOrStdout(), "::notice title=Privacy sign-off needed::%s waiting for sign-off: the status %s fails until then (see the review comment)\n", count(r.Material(), "material change"), status)
			case waiting:
				fmt.Fprintf(cmd.OutOrStdout(), "::error title=Privacy sign-off needed::%s waiting for sign-off (see the review comment)\n", count(r.Material(), "material change"))
				return exitError{exitProblem}
			case r.Material() > 0:
				fmt.Fprintf(stderr, "disclose: %s", count(r.Material(), "material change"))
				if r.SignOff != nil {
					fmt.Fprintf(stderr, ", signed off by %s\n", r.SignOff.By)
				} else {
					fmt.Fprintf(stderr, ": a pull request needs counsel's sign-off\n")
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the `version` to compare from (default: each notice's latest released version)")
	cmd.Flags().StringVar(&baseLedger, "base-ledger", "", "the release ledger the pull request started from (`file`; empty or missing: nothing was released): versions the pull request releases itself are reviewed too")
	cmd.Flags().StringVar(&baseDir, "base", "", "a `folder` holding the base branch's data/ and releases/ (the workflow extracts them from HEAD^1): the changes main already carries, not yet released, are marked and need no sign-off here; implies --base-ledger FOLDER/releases/ledger.json")
	cmd.Flags().StringVarP(&out, "out", "o", "", "also write the comment to this `file`")
	cmd.Flags().StringVar(&status, "status", "", "with --github: also set the commit status `context` (such as privacy/sign-off) on the pull request's head, and let the status, not the job's exit, say whether it is signed off")
	cmd.Flags().BoolVar(&onGitHub, "github", false, "in a GitHub Actions job: post the comment and judge the sign-off")
	cmd.Flags().StringSliceVar(&policy.Roles, "approver-role", nil, "a repository `role` whose approval signs off material changes (admin, maintain, write, or a custom role); repeatable")
	cmd.Flags().StringSliceVar(&policy.Users, "approver", nil, "a GitHub `login` whose approval signs off material changes; repeatable")
	cmd.Flags().StringVar(&policy.Label, "approval-label", "", "a `label` that signs off material changes when applied by an approver")
	g.asOfFlag(cmd)
	return cmd
}
