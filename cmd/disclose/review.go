package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/diff"
	"github.com/disclose-dev/disclose/compiler/model"
	"github.com/disclose-dev/disclose/compiler/release"
	"github.com/disclose-dev/disclose/internal/github"
)

// reviewMarker is the hidden line that finds the review comment on a pull
// request again, so there is only ever one, updated in place.
const reviewMarker = "<!-- disclose-review -->"

// maxComment keeps a comment under GitHub's limit of 65,536 characters.
const maxComment = 60000

// A review is what a pull request changes for the readers of the notices:
// each change once, with the notices it affects, material ones first.
type review struct {
	AsOf    model.Date
	Notices []noticeDiff
	Changes []reviewChange
	// Periods are the notice periods the material changes need, by notice;
	// First the notices a release would publish for the first time; and
	// Earliest the first day a release made on AsOf can take effect, or
	// Refused why even that day cannot (all from release.Assess, the rule
	// disclose release enforces).
	Periods  []period
	First    []string
	Earliest model.Date
	Refused  error
	// Releases is whether the pull request releases versions itself.
	Releases bool
	// Errors are the data's errors, when it does not compile: then there
	// is nothing else to say.
	Errors diag.List
	// SignOff is the sign-off's state on GitHub (nil outside GitHub).
	SignOff *signOffState
	// Commit is the commit reviewed (on GitHub).
	Commit string
}

// reviewChange is one change and the notices it affects.
type reviewChange struct {
	change.Change
	Notices []string // titles
}

// period is the notice a notice's readers get of its material changes.
type period struct {
	Notice, Title  string
	Days, Material int
}

// signOffState is a sign-off's answer and the policy it was judged by.
type signOffState struct {
	github.SignOff
	Policy github.Policy
}

// material returns the number of material changes.
func (r *review) material() int {
	n := 0
	for _, c := range r.Changes {
		if c.Material {
			n++
		}
	}
	return n
}

// newReview gathers the changes of every notice's diff, each change once.
func newReview(day model.Date, out []noticeDiff, a *release.Assessment) *review {
	r := &review{AsOf: day, Notices: out, Earliest: a.Earliest, Refused: a.Refused}
	titles := map[string]string{}
	for _, nd := range out {
		titles[nd.Notice] = nd.Title
		r.Releases = r.Releases || len(nd.Released) > 0
	}
	for _, n := range a.Needs {
		switch {
		case n.Changed && n.Last == nil:
			r.First = append(r.First, titles[n.Notice])
		case n.Changed && len(n.Material) > 0:
			r.Periods = append(r.Periods, period{Notice: n.Notice, Title: titles[n.Notice], Days: n.Days, Material: len(n.Material)})
		}
	}
	type key struct {
		area, sentence string
		reason         change.Reason
		material       bool
	}
	at := map[key]int{}
	for _, nd := range out {
		for _, c := range nd.Changes {
			k := key{c.Area, c.Sentence, c.Reason, c.Material}
			i, ok := at[k]
			if !ok {
				i = len(r.Changes)
				at[k] = i
				r.Changes = append(r.Changes, reviewChange{Change: c})
			}
			if !slices.Contains(r.Changes[i].Notices, nd.Title) {
				r.Changes[i].Notices = append(r.Changes[i].Notices, nd.Title)
			}
		}
	}
	slices.SortStableFunc(r.Changes, func(a, b reviewChange) int {
		switch {
		case a.Material == b.Material:
			return 0
		case a.Material:
			return -1
		}
		return 1
	})
	return r
}

// markdown writes the review as a pull-request comment; excerpts false
// leaves the redline excerpts out (for a comment that would be too long).
func (r *review) markdown(w io.Writer, excerpts bool) {
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
			fmt.Fprintf(w, "- `%s`: %s\n", d.Pos, mdText(d.Message))
		}
		fmt.Fprintln(w)
		r.footer(w)
		return
	}
	material, minor := r.material(), len(r.Changes)-r.material()
	texts := 0
	for _, nd := range r.Notices {
		if nd.TextChanged {
			texts++
		}
	}
	switch {
	case material > 0:
		fmt.Fprintf(w, "**%s** for readers", count(material, "material change"))
		if minor > 0 {
			fmt.Fprintf(w, ", and %s", count(minor, "minor change"))
		}
		fmt.Fprintf(w, ". Counsel must sign off before this merges, and the release must give readers notice before %s.\n\n", map[bool]string{true: "it takes effect", false: "they take effect"}[material == 1])
	case minor > 0:
		fmt.Fprintf(w, "%s for readers, none material: no sign-off or notice period needed.\n\n", count(minor, "minor change"))
	case texts > 0:
		fmt.Fprintf(w, "The wording of %s changes; no fact behind them changed.\n\n", count(texts, "notice"))
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
	if len(r.Changes) > 0 {
		fmt.Fprintf(w, "| | Change | Notices | Why |\n|---|---|---|---|\n")
		for _, c := range r.Changes {
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
	if excerpts {
		r.excerpts(w)
	}
	r.footer(w)
}

// release writes what a release of the changes needs: the notice periods
// and the earliest day it can take effect, by the rule disclose release
// enforces (release.Assess).
func (r *review) release(w io.Writer) {
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

// signOff writes the sign-off's state.
func (r *review) signOff(w io.Writer) {
	s, p := r.SignOff, r.SignOff.Policy
	fmt.Fprintf(w, "### Sign-off\n\n")
	switch {
	case r.material() == 0:
		fmt.Fprintf(w, "No material change: no sign-off needed.\n\n")
		return
	case s.OK && s.How == "labelled":
		fmt.Fprintf(w, "Signed off: @%s (%s) applied the label `%s`.\n\n", s.By, s.Role, p.Label)
	case s.OK:
		fmt.Fprintf(w, "Signed off: @%s (%s) approved commit %s.\n\n", s.By, s.Role, short(r.Commit))
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
			fmt.Fprintf(w, ", or apply the label `%s`", p.Label)
		}
		fmt.Fprintf(w, ".\n")
		for _, x := range s.Stale {
			fmt.Fprintf(w, "- @%s approved an earlier commit: a push since needs a new approval.\n", x)
		}
		for _, x := range s.Unqualified {
			fmt.Fprintf(w, "- @%s cannot sign off: the role is not one that can.\n", x)
		}
		fmt.Fprintln(w)
	}
}

// excerpts writes, per notice, the changed passages of its text.
func (r *review) excerpts(w io.Writer) {
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
			htmlText(nd.Title), nd.Notice, htmlText(nd.From), htmlText(to), diff.Words(nd.Inserted), diff.Words(nd.Deleted), count(len(nd.excerpts), "section"))
		for i, ex := range nd.excerpts {
			if i == 8 {
				fmt.Fprintf(w, "And %s more; the preview's redline shows every change.\n\n", count(len(nd.excerpts)-8, "section"))
				break
			}
			title := ex.Title
			if title == "" {
				title = "Opening"
			}
			path := append(slices.Clone(ex.Within), title)
			fmt.Fprintf(w, "**%s** (%s)\n\n", mdText(strings.Join(path, " › ")), count(ex.Edits, "change"))
			for _, p := range ex.Passages {
				fmt.Fprintf(w, "> %s\n\n", passageMarkdown(p))
			}
			if ex.More > 0 {
				fmt.Fprintf(w, "And %s in this section.\n\n", count(ex.More, "more changed passage"))
			}
		}
		fmt.Fprintf(w, "</details>\n\n")
	}
}

func (r *review) footer(w io.Writer) {
	fmt.Fprintf(w, "<sub>disclose %s", toolVersion())
	if r.Commit != "" {
		fmt.Fprintf(w, " at %s", short(r.Commit))
	}
	fmt.Fprintf(w, ", as of %s. This comment is updated on every push.</sub>\n", r.AsOf)
}

// comment returns the review as a comment within GitHub's size limit.
func (r *review) comment() string {
	var b strings.Builder
	r.markdown(&b, true)
	if b.Len() <= maxComment {
		return b.String()
	}
	b.Reset()
	r.markdown(&b, false)
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
// its spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
			continue
		case strings.ContainsRune("\\`*_[]<>|#&~!", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// htmlText escapes text inside an HTML element of a comment.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
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

func newReviewCmd(g *globals) *cobra.Command {
	var from, out, baseLedger string
	var onGitHub bool
	var policy github.Policy
	cmd := &cobra.Command{
		Use:   "review [--from VERSION] [--github [--approver-role ROLE]... [--approver LOGIN]... [--approval-label LABEL]]",
		Short: "Review a pull request: what changes for readers, and whether counsel signed off",
		Long: `Review compares the notices compiled from data/ with their latest released
versions and writes what changes for readers, as a pull-request comment in
Markdown: each change once, with the notices it affects, material changes
first; the notice periods the material changes need and the earliest day a
release can take effect; and a short redline excerpt of each changed section.

Without --github it prints the comment, so you can read it before you push.

--base-ledger FILE is the release ledger the pull request started from (the
workflow writes it with git show HEAD^1:releases/ledger.json): a pull request
that changes the data and releases it is then reviewed against the versions
it started from, and the comment names the versions it releases.

With --github (in a GitHub Actions job run on pull_request and
pull_request_review events) it also:
  - posts the comment on the pull request, or updates the one it posted
    before (one comment per pull request, whatever the number of pushes);
  - adds it to the job's summary;
  - judges the sign-off: when a change is material, the job fails until a
    reviewer whose repository role is one of --approver-role (or whose login
    is one of --approver) approves the pull request at its latest commit, or
    applies --approval-label. A push after the approval needs a new one; a
    label counts only when the last person who applied it could sign off.
    Make the job a required status check of the branch, and material changes
    cannot merge without counsel.
It reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL,
GITHUB_STEP_SUMMARY and the token in GITHUB_TOKEN (or GH_TOKEN); the job needs
the permissions contents: read and pull-requests: write. On a pull request
from a fork, whose token cannot comment, the comment goes to the job summary.

Exit status: 0 when nothing material is waiting for sign-off, 1 when the data
has errors or (with --github) a material change is not signed off, 2 when the
review could not run.`,
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
			} else if len(policy.Roles)+len(policy.Users) > 0 || policy.Label != "" {
				return fmt.Errorf("--approver-role, --approver and --approval-label need --github")
			}
			src, opts, err := g.input(cmd, "reviewing")
			if err != nil {
				return err
			}
			proj, docs, diags := compiler.Compile(src.fsys, src.dir, opts)
			r := &review{AsOf: opts.Date}
			if pr != nil {
				r.Commit = pr.Head
			}
			if diags.HasErrors() {
				r.Errors = diags
			} else {
				var base *release.Ledger
				if baseLedger != "" {
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
				nds, err := diffNotices(g, docs, proj, opts.Date, from, "draft", base)
				if err != nil {
					return err
				}
				l := base
				if l == nil {
					if l, _, err = g.releases(); err != nil {
						return err
					}
				}
				ropts := *opts
				ropts.LastUpdated = opts.Date
				a, err := release.Assess(l, releaseRequest(g, proj, docs, &ropts))
				if err != nil {
					return err
				}
				r = newReview(opts.Date, nds, a)
				if pr != nil {
					r.Commit = pr.Head
				}
			}
			if pr != nil && r.material() > 0 {
				c := github.NewClient(env)
				s, err := c.SignedOff(cmd.Context(), pr, policy)
				if err != nil {
					return err
				}
				r.SignOff = &signOffState{SignOff: s, Policy: policy}
			} else if pr != nil {
				r.SignOff = &signOffState{Policy: policy}
			}
			body := r.comment()
			if out != "" {
				if err := os.WriteFile(out, []byte(body), 0o644); err != nil {
					return err
				}
			} else if pr == nil {
				fmt.Fprint(cmd.OutOrStdout(), body)
			}
			if pr != nil {
				c := github.NewClient(env)
				create := len(r.Changes) > 0 || len(r.Errors) > 0 || len(r.Periods) > 0 || r.Refused != nil
				for _, nd := range r.Notices {
					create = create || nd.TextChanged
				}
				what, err := c.Upsert(cmd.Context(), pr.Number, reviewMarker, body, create)
				switch {
				case github.Forbidden(err):
					fmt.Fprintf(cmd.OutOrStdout(), "::warning title=Privacy review::The token cannot comment on this pull request (one from a fork?); the review is in the job summary.\n")
				case err != nil:
					return err
				default:
					fmt.Fprintf(stderr, "disclose: review comment %s on pull request #%d\n", what, pr.Number)
				}
				if err := env.AppendSummary(body); err != nil {
					return err
				}
			}
			switch {
			case len(r.Errors) > 0:
				fmt.Fprintf(stderr, "disclose: the data has %s; run disclose check\n", diag.Summary(r.Errors))
				return exitError{exitProblem}
			case r.SignOff != nil && r.material() > 0 && !r.SignOff.OK:
				fmt.Fprintf(cmd.OutOrStdout(), "::error title=Privacy sign-off needed::%s waiting for sign-off (see the review comment)\n", count(r.material(), "material change"))
				return exitError{exitProblem}
			case r.material() > 0:
				fmt.Fprintf(stderr, "disclose: %s", count(r.material(), "material change"))
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
	cmd.Flags().StringVarP(&out, "out", "o", "", "also write the comment to this `file`")
	cmd.Flags().BoolVar(&onGitHub, "github", false, "in a GitHub Actions job: post the comment and judge the sign-off")
	cmd.Flags().StringSliceVar(&policy.Roles, "approver-role", nil, "a repository `role` whose approval signs off material changes (admin, maintain, write, or a custom role); repeatable")
	cmd.Flags().StringSliceVar(&policy.Users, "approver", nil, "a GitHub `login` whose approval signs off material changes; repeatable")
	cmd.Flags().StringVar(&policy.Label, "approval-label", "", "a `label` that signs off material changes when applied by an approver")
	g.asOfFlag(cmd)
	return cmd
}
