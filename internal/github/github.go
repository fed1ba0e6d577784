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
	return e, nil
}

// PullRequest is the pull request an event is about.
type PullRequest struct {
	Number int
	// Head is the commit the pull request would merge; Base the branch it
	// merges into.
	Head, Base string
	Labels     []string
	// Fork is true for a pull request from another repository, whose
	// token cannot write comments.
	Fork bool
}

// ReadEvent reads the pull request from the event file of a pull_request,
// pull_request_target or pull_request_review event.
func ReadEvent(path string) (*PullRequest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ev struct {
		PullRequest *struct {
			Number int `json:"number"`
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
	pr := &PullRequest{Number: p.Number, Head: p.Head.SHA, Base: p.Base.Ref}
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
}

// NewClient returns a client for env's repository.
func NewClient(env Env) *Client {
	return &Client{Env: env, HTTP: &http.Client{Timeout: 30 * time.Second}}
}

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

// do sends one request for path (under /repos/OWNER/NAME unless it starts
// with /), decodes the JSON answer into out and returns the next page's
// URL from the Link header.
func (c *Client) do(ctx context.Context, method, path string, in, out any) (next string, err error) {
	u := path
	if !strings.HasPrefix(path, "http://") && !strings.HasPrefix(path, "https://") {
		u = strings.TrimSuffix(c.Env.API, "/") + "/repos/" + c.Env.Repository + path
	}
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return "", err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	req.Header.Set("Authorization", "Bearer "+c.Env.Token)
	req.Header.Set("User-Agent", "disclose-review")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return "", err
	}
	shown := path
	if pu, err := url.Parse(u); err == nil {
		shown = pu.Path
	}
	if resp.StatusCode/100 != 2 {
		var m struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(b, &m)
		return "", &StatusError{Method: method, Path: shown, Code: resp.StatusCode, Message: m.Message}
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return "", fmt.Errorf("GitHub API %s %s: %v", method, shown, err)
		}
	}
	return nextLink(resp.Header.Get("Link")), nil
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
}

// Comment is a comment on a pull request's conversation.
type Comment struct {
	ID   int64  `json:"id"`
	Body string `json:"body"`
	User user   `json:"user"`
}

// Upsert keeps one comment on the pull request: it updates the first
// comment whose body contains marker (the body must contain it too), or,
// with create, writes a new one. It returns "created", "updated",
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
		if strings.Contains(cm.Body, marker) {
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

// Policy says who can sign off material changes: reviewers whose
// repository role (the role_name GitHub gives: admin, maintain, write,
// triage, read or a custom role) is one of Roles, or whose login is one of
// Users, by approving the pull request's head commit, or by applying Label.
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
	// labels by people who cannot sign off, as "login (role)".
	Stale, Unqualified []string
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
		return slices.Contains(p.Users, login) || slices.Contains(p.Roles, r)
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
	type latest struct{ state, commit string }
	last := map[string]latest{}
	var order []string
	for _, r := range reviews {
		switch r.State {
		case "APPROVED", "CHANGES_REQUESTED", "DISMISSED":
			if _, ok := last[r.User.Login]; !ok {
				order = append(order, r.User.Login)
			}
			last[r.User.Login] = latest{r.State, r.CommitID}
		}
	}
	for _, login := range order {
		l := last[login]
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
	if s.OK || p.Label == "" || !slices.Contains(pr.Labels, p.Label) {
		return s, nil
	}
	events, err := all[struct {
		Event string `json:"event"`
		Actor user   `json:"actor"`
		Label struct {
			Name string `json:"name"`
		} `json:"label"`
	}](ctx, c, "/issues/"+strconv.Itoa(pr.Number)+"/events")
	if err != nil {
		return s, err
	}
	by := ""
	for _, e := range events {
		if e.Event == "labeled" && e.Label.Name == p.Label {
			by = e.Actor.Login
		}
	}
	if by == "" {
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
