// Package github is the little of GitHub's REST API and Actions runner that
// disclose review needs: the pull request an Actions run is for (from the
// event file the runner writes), the pull request's comments (to keep one
// comment, updated in place), its reviews and labels, and the repository
// role of the people who gave them (to decide whether counsel signed off).
//
// It knows nothing of notices: it moves text and answers questions.
package github

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Env is what the Actions runner tells a step about its run, from the
// environment variables GitHub sets (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
// GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_STEP_SUMMARY) and the token the
// workflow passes (GITHUB_TOKEN, or GH_TOKEN as the gh command reads it).
type Env struct {
	EventName, EventPath, Repository, API, Summary, Token string
	// Server and RunID (GITHUB_SERVER_URL, GITHUB_RUN_ID) locate the run,
	// which a commit status links to.
	Server, RunID string
}

// Events are the events a review runs on: a pull request's own, whose
// checkout is the pull request's merge commit. On pull_request_target the
// checkout is the base branch, so a review would judge the wrong data.
var Events = []string{"pull_request", "pull_request_review"}

// RunURL is the address of the run's page, or "" when the runner does not
// say.
func (e Env) RunURL() string {
	if e.Server == "" || e.RunID == "" {
		return ""
	}
	return strings.TrimSuffix(e.Server, "/") + "/" + e.Repository + "/actions/runs/" + e.RunID
}

// FromEnv reads Env from the environment by getenv (os.Getenv).
func FromEnv(getenv func(string) string) (Env, error) {
	e := Env{
		EventName:  getenv("GITHUB_EVENT_NAME"),
		EventPath:  getenv("GITHUB_EVENT_PATH"),
		Repository: getenv("GITHUB_REPOSITORY"),
		API:        getenv("GITHUB_API_URL"),
		Summary:    getenv("GITHUB_STEP_SUMMARY"),
		Token:      getenv("GITHUB_TOKEN"),
		Server:     getenv("GITHUB_SERVER_URL"),
		RunID:      getenv("GITHUB_RUN_ID"),
	}
	if e.Token == "" {
		e.Token = getenv("GH_TOKEN")
	}
	if e.API == "" {
		e.API = "https://api.github.com"
	}
	var missing []string
	for _, v := range []struct{ name, val string }{
		{"GITHUB_EVENT_PATH", e.EventPath}, {"GITHUB_REPOSITORY", e.Repository},
	} {
		if v.val == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return e, fmt.Errorf("not in a GitHub Actions run: %s not set", strings.Join(missing, " and "))
	}
	if e.Token == "" {
		return e, errors.New("no token: pass GITHUB_TOKEN: ${{ github.token }} in the step's env")
	}
	if !strings.Contains(e.Repository, "/") {
		return e, fmt.Errorf("GITHUB_REPOSITORY %q is not owner/name", e.Repository)
	}
	if e.EventName != "" && !slices.Contains(Events, e.EventName) {
		return e, fmt.Errorf("GITHUB_EVENT_NAME is %s: run the review on %s only (on pull_request_target the checkout is the base branch, so the review would judge main's data, not the pull request's)", e.EventName, strings.Join(Events, " and "))
	}
	return e, nil
}

// PullRequest is the pull request an event is about.
type PullRequest struct {
	Number int
	// Head is the commit the pull request would merge; Base the branch it
	// merges into.
	Head, Base string
	Labels     []string
	// Author is the login of who opened the pull request.
	Author string
	// Action is the event's activity: "synchronize" for a push,
	// "submitted" for a review, ...
	Action string
	// Fork is true for a pull request from another repository, whose
	// token cannot write comments, statuses or labels.
	Fork bool
}

// ReadEvent reads the pull request from the event file of a pull_request
// or pull_request_review event.
func ReadEvent(path string) (*PullRequest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ev struct {
		Action      string `json:"action"`
		PullRequest *struct {
			Number int  `json:"number"`
			User   user `json:"user"`
			Head   struct {
				SHA  string `json:"sha"`
				Repo *struct {
					FullName string `json:"full_name"`
				} `json:"repo"`
			} `json:"head"`
			Base struct {
				Ref  string `json:"ref"`
				Repo struct {
					FullName string `json:"full_name"`
				} `json:"repo"`
			} `json:"base"`
			Labels []struct {
				Name string `json:"name"`
			} `json:"labels"`
		} `json:"pull_request"`
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	p := ev.PullRequest
	if p == nil || p.Number == 0 || p.Head.SHA == "" {
		return nil, fmt.Errorf("%s: not a pull request event (run on pull_request and pull_request_review)", path)
	}
	pr := &PullRequest{Number: p.Number, Head: p.Head.SHA, Base: p.Base.Ref, Author: p.User.Login, Action: ev.Action}
	pr.Fork = p.Head.Repo == nil || p.Head.Repo.FullName != p.Base.Repo.FullName
	for _, l := range p.Labels {
		pr.Labels = append(pr.Labels, l.Name)
	}
	return pr, nil
}

// Client calls GitHub's REST API for one repository.
type Client struct {
	Env  Env
	HTTP *http.Client
	// Wait waits before a retry (time.Sleep unless a test sets it); it
	// returns early with the context's error.
	Wait func(ctx context.Context, d time.Duration) error
}

// NewClient returns a client for env's repository.
func NewClient(env Env) *Client {
	return &Client{Env: env, HTTP: &http.Client{Timeout: 30 * time.Second}, Wait: wait}
}

func wait(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retries is how many times a read is retried after a server error or a
// rate limit, and maxWait the longest wait for one.
const (
	retries = 3
	maxWait = time.Minute
)

// StatusError is an answer of the API other than success.
type StatusError struct {
	Method, Path string
	Code         int
	Message      string
}

func (e *StatusError) Error() string {
	msg := ""
	if e.Message != "" {
		msg = ": " + e.Message
	}
	return fmt.Sprintf("GitHub API %s %s: %d %s%s", e.Method, e.Path, e.Code, http.StatusText(e.Code), msg)
}

// Forbidden reports whether err is the API refusing the token (as it
// refuses a pull request from a fork a comment).
func Forbidden(err error) bool {
	var se *StatusError
	return errors.As(err, &se) && (se.Code == http.StatusForbidden || se.Code == http.StatusUnauthorized)
}

// do sends one request for path (under /repos/OWNER/NAME unless it is a
// URL on the API's own host, as next-page links are), decodes the JSON
// answer into out and returns the next page's URL from the Link header.
// A request that can be sent twice (all but a new comment) that meets a
// server error or a rate limit is tried again, after the wait GitHub asks
// for (Retry-After), up to retries times.
func (c *Client) do(ctx context.Context, method, path string, in, out any) (next string, err error) {
	u := path
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		api, err1 := url.Parse(c.Env.API)
		got, err2 := url.Parse(path)
		if err1 != nil || err2 != nil || got.Host != api.Host || got.Scheme != api.Scheme || got.User != nil {
			return "", fmt.Errorf("GitHub API: a next-page link leads off %s: %s", c.Env.API, path)
		}
	} else {
		u = strings.TrimSuffix(c.Env.API, "/") + "/repos/" + c.Env.Repository + path
	}
	var payload []byte
	if in != nil {
		if payload, err = json.Marshal(in); err != nil {
			return "", err
		}
	}
	shown := path
	if pu, err := url.Parse(u); err == nil {
		shown = pu.Path
	}
	for attempt := 0; ; attempt++ {
		b, header, code, err := c.send(ctx, method, u, payload)
		if err != nil {
			return "", err
		}
		if code/100 == 2 {
			if out != nil {
				if err := json.Unmarshal(b, out); err != nil {
					return "", fmt.Errorf("GitHub API %s %s: %v", method, shown, err)
				}
			}
			return nextLink(header.Get("Link")), nil
		}
		var m struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(b, &m)
		se := &StatusError{Method: method, Path: shown, Code: code, Message: m.Message}
		d, again := retryAfter(code, header, attempt)
		// Every request but a new comment gives the same result when
		// sent twice: a status replaces the context's, a PATCH or DELETE
		// sets what it sets.
		idempotent := method != http.MethodPost || strings.HasPrefix(path, "/statuses/")
		if !idempotent || !again || attempt == retries {
			return "", se
		}
		if err := c.Wait(ctx, d); err != nil {
			return "", err
		}
	}
}

// send makes one request and reads its answer.
func (c *Client) send(ctx context.Context, method, u string, payload []byte) ([]byte, http.Header, int, error) {
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, nil, 0, err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	req.Header.Set("Authorization", "Bearer "+c.Env.Token)
	req.Header.Set("User-Agent", "disclose-review")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	return b, resp.Header, resp.StatusCode, err
}

// retryAfter says whether an answer is worth trying again, and after how
// long: a server error, or a rate limit (429, or 403 with Retry-After or
// no requests left), waiting what GitHub asks (Retry-After, or until
// x-ratelimit-reset), else 1, 2, 4 seconds; never longer than maxWait.
func retryAfter(code int, h http.Header, attempt int) (time.Duration, bool) {
	limited := code == http.StatusTooManyRequests ||
		code == http.StatusForbidden && (h.Get("Retry-After") != "" || h.Get("X-Ratelimit-Remaining") == "0")
	if code/100 != 5 && !limited {
		return 0, false
	}
	d := time.Second << attempt
	if s, err := strconv.Atoi(h.Get("Retry-After")); err == nil && s >= 0 {
		d = time.Duration(s) * time.Second
	} else if r, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64); err == nil && limited {
		d = time.Until(time.Unix(r, 0))
	}
	return min(max(d, 0), maxWait), true
}

var linkNext = regexp.MustCompile(`<([^>]+)>;\s*rel="next"`)

func nextLink(h string) string {
	if m := linkNext.FindStringSubmatch(h); m != nil {
		return m[1]
	}
	return ""
}

// all gets every page of a list.
func all[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var out []T
	for page, next := 0, path+"?per_page=100"; next != ""; page++ {
		if page == 100 {
			return nil, fmt.Errorf("GitHub API %s: more than 100 pages", path)
		}
		var items []T
		n, err := c.do(ctx, http.MethodGet, next, nil, &items)
		if err != nil {
			return nil, err
		}
		out, next = append(out, items...), n
	}
	return out, nil
}

type user struct {
	Login string `json:"login"`
	Type  string `json:"type"`
}

// Comment is a comment on a pull request's conversation.
type Comment struct {
	ID   int64  `json:"id"`
	Body string `json:"body"`
	User user   `json:"user"`
}

// Upsert keeps one comment on the pull request: it updates the first
// comment a bot wrote whose body contains marker (the body must contain it
// too), or, with create, writes a new one. A person's comment that quotes
// the marker is never overwritten. It returns "created", "updated",
// "unchanged" or "not needed".
func (c *Client) Upsert(ctx context.Context, pr int, marker, body string, create bool) (string, error) {
	if !strings.Contains(body, marker) {
		return "", fmt.Errorf("the comment does not contain its marker %q", marker)
	}
	cs, err := all[Comment](ctx, c, "/issues/"+strconv.Itoa(pr)+"/comments")
	if err != nil {
		return "", err
	}
	for _, cm := range cs {
		if cm.User.Type == "Bot" && strings.Contains(cm.Body, marker) {
			if cm.Body == body {
				return "unchanged", nil
			}
			_, err := c.do(ctx, http.MethodPatch, "/issues/comments/"+strconv.FormatInt(cm.ID, 10), map[string]string{"body": body}, nil)
			return "updated", err
		}
	}
	if !create {
		return "not needed", nil
	}
	_, err = c.do(ctx, http.MethodPost, "/issues/"+strconv.Itoa(pr)+"/comments", map[string]string{"body": body}, nil)
	return "created", err
}

// Status is a commit status: a state (success, failure, pending or error)
// under a fixed context, which a branch's rules can require.
type Status struct {
	State       string `json:"state"`
	Context     string `json:"context"`
	Description string `json:"description,omitempty"`
	TargetURL   string `json:"target_url,omitempty"`
}

// SetStatus sets the status of commit sha under s.Context. GitHub counts
// the latest status of each context, whichever run set it, so a review run
// started by an approval replaces the verdict of the run a push started.
func (c *Client) SetStatus(ctx context.Context, sha string, s Status) error {
	if r := []rune(s.Description); len(r) > 140 {
		s.Description = string(r[:139]) + "…"
	}
	_, err := c.do(ctx, http.MethodPost, "/statuses/"+url.PathEscape(sha), s, nil)
	return err
}

// RemoveLabel takes label off the pull request; a label it does not carry
// is no error.
func (c *Client) RemoveLabel(ctx context.Context, pr int, label string) error {
	_, err := c.do(ctx, http.MethodDelete, "/issues/"+strconv.Itoa(pr)+"/labels/"+url.PathEscape(label), nil, nil)
	var se *StatusError
	if errors.As(err, &se) && se.Code == http.StatusNotFound {
		return nil
	}
	return err
}

// Policy says who can sign off material changes: reviewers whose
// repository role (the role_name GitHub gives: admin, maintain, write,
// triage, read or a custom role) is one of Roles, or whose login is one of
// Users, by approving the pull request's head commit, or by applying Label.
// Logins, roles and labels are compared as GitHub does, ignoring case.
type Policy struct {
	Roles, Users []string
	Label        string
}

// SignOff is the answer to whether a pull request is signed off.
type SignOff struct {
	OK bool
	// By is the login of who signed off and Role their role; How is
	// "approved" or "labelled".
	By, Role, How string
	// Stale are the approvals by people who could sign off given on an
	// earlier commit than the head, and Unqualified the approvals and
	// labels by people who cannot sign off, as "login (role)"; Requested
	// are the reviewers whose latest review asks for changes, as "login
	// (commit)".
	Stale, Unqualified, Requested []string
}

// SignedOff decides whether pr is signed off under p: a review whose
// latest state is an approval of pr's head commit by someone p allows, or
// pr's label p names applied (last) by someone p allows.
func (c *Client) SignedOff(ctx context.Context, pr *PullRequest, p Policy) (SignOff, error) {
	var s SignOff
	roles := map[string]string{}
	role := func(login string) (string, error) {
		if r, ok := roles[login]; ok {
			return r, nil
		}
		var perm struct {
			Permission string `json:"permission"`
			RoleName   string `json:"role_name"`
		}
		if _, err := c.do(ctx, http.MethodGet, "/collaborators/"+url.PathEscape(login)+"/permission", nil, &perm); err != nil {
			var se *StatusError
			if !errors.As(err, &se) || se.Code != http.StatusNotFound {
				return "", err
			}
		}
		r := perm.RoleName
		if r == "" {
			r = perm.Permission
		}
		if r == "" {
			r = "none"
		}
		roles[login] = r
		return r, nil
	}
	allowed := func(login, r string) bool {
		return containsFold(p.Users, login) || containsFold(p.Roles, r)
	}
	reviews, err := all[struct {
		User     user   `json:"user"`
		State    string `json:"state"`
		CommitID string `json:"commit_id"`
	}](ctx, c, "/pulls/"+strconv.Itoa(pr.Number)+"/reviews")
	if err != nil {
		return s, err
	}
	// The latest review that approves or asks for changes, per reviewer
	// (comments do not withdraw an approval; a dismissal does).
	type latest struct{ state, commit, login string }
	last := map[string]latest{}
	var order []string
	for _, r := range reviews {
		switch r.State {
		case "APPROVED", "CHANGES_REQUESTED", "DISMISSED":
			k := strings.ToLower(r.User.Login) // logins ignore case
			if _, ok := last[k]; !ok {
				order = append(order, k)
			}
			last[k] = latest{r.State, r.CommitID, r.User.Login}
		}
	}
	for _, k := range order {
		l := last[k]
		login := l.login
		if l.state == "CHANGES_REQUESTED" {
			s.Requested = append(s.Requested, login+" ("+l.commit[:min(7, len(l.commit))]+")")
		}
		if l.state != "APPROVED" {
			continue
		}
		r, err := role(login)
		if err != nil {
			return s, err
		}
		switch {
		case !allowed(login, r):
			s.Unqualified = append(s.Unqualified, login+" ("+r+")")
		case l.commit != pr.Head:
			s.Stale = append(s.Stale, login+" ("+r+")")
		case !s.OK:
			s.OK, s.By, s.Role, s.How = true, login, r, "approved"
		}
	}
	if s.OK || p.Label == "" {
		return s, nil
	}
	// The label's state from the pull request's events, not the event
	// payload, which a re-run replays: who applied it last, unless it was
	// removed since.
	events, err := all[struct {
		Event string `json:"event"`
		Actor user   `json:"actor"`
		Label struct {
			Name string `json:"name"`
		} `json:"label"`
		CreatedAt time.Time `json:"created_at"`
	}](ctx, c, "/issues/"+strconv.Itoa(pr.Number)+"/events")
	if err != nil {
		return s, err
	}
	by, at := "", time.Time{}
	for _, e := range events {
		if !strings.EqualFold(e.Label.Name, p.Label) {
			continue
		}
		switch e.Event {
		case "labeled":
			by, at = e.Actor.Login, e.CreatedAt
		case "unlabeled":
			by = ""
		}
	}
	if by == "" {
		return s, nil
	}
	// A label counts only for the commits it was given for: it must come
	// after the head commit arrived (GitHub's time for that, when its
	// first check suite was made; a commit's own dates are the author's).
	arrived, err := c.arrived(ctx, pr.Head)
	switch {
	case err != nil:
		s.Unqualified = append(s.Unqualified, by+" (label: when the latest commit arrived is not known: "+err.Error()+")")
		return s, nil
	case !at.After(arrived):
		s.Stale = append(s.Stale, by+" (label, applied before the latest push)")
		return s, nil
	}
	switch {
	case pr.Fork:
		// A push to a fork cannot take the label off (its token is read
		// only), so the label could outlive the commit it was given for.
		s.Unqualified = append(s.Unqualified, by+" (label, on a pull request from a fork: approve it instead)")
		return s, nil
	case strings.EqualFold(by, pr.Author):
		s.Unqualified = append(s.Unqualified, by+" (author, label)")
		return s, nil
	}
	r, err := role(by)
	if err != nil {
		return s, err
	}
	if !allowed(by, r) {
		s.Unqualified = append(s.Unqualified, by+" ("+r+", label)")
		return s, nil
	}
	s.OK, s.By, s.Role, s.How = true, by, r, "labelled"
	return s, nil
}

// arrived is when GitHub first saw commit sha: the creation of its
// earliest check suite (the job's token needs checks: read).
func (c *Client) arrived(ctx context.Context, sha string) (time.Time, error) {
	var out struct {
		Suites []struct {
			CreatedAt time.Time `json:"created_at"`
		} `json:"check_suites"`
	}
	if _, err := c.do(ctx, http.MethodGet, "/commits/"+url.PathEscape(sha)+"/check-suites?per_page=100", nil, &out); err != nil {
		return time.Time{}, err
	}
	var first time.Time
	for _, cs := range out.Suites {
		if first.IsZero() || cs.CreatedAt.Before(first) {
			first = cs.CreatedAt
		}
	}
	if first.IsZero() {
		return first, errors.New("the commit has no check suite yet")
	}
	return first, nil
}

// containsFold reports whether xs holds x, ignoring case.
func containsFold(xs []string, x string) bool {
	return slices.ContainsFunc(xs, func(y string) bool { return strings.EqualFold(x, y) })
}

// AppendSummary adds markdown to the run's job summary (GITHUB_STEP_SUMMARY),
// when the runner gives one.
func (e Env) AppendSummary(markdown string) error {
	if e.Summary == "" {
		return nil
	}
	f, err := os.OpenFile(e.Summary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, markdown)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
