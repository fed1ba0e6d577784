package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/disclose-dev/disclose/internal/golden"
)

// workflow is the part of a GitHub Actions workflow file the tests run.
type workflow struct {
	Name        string            `yaml:"name"`
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Name        string            `yaml:"name"`
		Permissions map[string]string `yaml:"permissions"`
		Env         map[string]string `yaml:"env"`
		Steps       []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// types returns the activity types a workflow runs on for an event, and
// whether it runs on the event at all.
func (wf *workflow) types(event string) ([]string, bool) {
	ev, ok := wf.On[event]
	var out []string
	if m, isMap := ev.(map[string]any); isMap {
		if ts, isList := m["types"].([]any); isList {
			for _, x := range ts {
				out = append(out, fmt.Sprint(x))
			}
		}
	}
	return out, ok
}

// initProject runs disclose init into a new folder and returns it.
func initProject(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "privacy")
	if code, out, stderr := runIn(t, filepath.Dir(dir), append([]string{"init", "privacy"}, args...)...); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, stderr)
	}
	return dir
}

func readWorkflow(t *testing.T, path string) *workflow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &wf
}

// fakeGitHub is GitHub's REST API as disclose review uses it, for one
// repository and pull request, with the reviews, roles and label events a
// test sets. Comments, reviews and events come in two pages, as GitHub
// paginates them; a login with no role is not a collaborator (404).
type fakeGitHub struct {
	mu       sync.Mutex
	comments []map[string]any
	nextID   int
	reviews  []map[string]any
	roles    map[string]string
	events   []map[string]any
	statuses []map[string]any
	// forbid makes every write fail as for a pull request from a fork.
	forbid bool
	// flaky fails the next reads with a server error, as GitHub sometimes
	// does.
	flaky int
	calls []string
	// perms are the job's permissions (its workflow's permissions:): an
	// endpoint whose scope they do not grant answers 403, as GitHub does.
	perms map[string]string
}

// scope is the token permission an endpoint of the fake needs (GitHub's
// "Permissions required for GitHub Apps" / GITHUB_TOKEN tables), and
// whether it writes.
func scope(method, p string) (name string, write bool) {
	write = method != "GET"
	switch {
	case strings.HasPrefix(p, "/issues/7/comments"), strings.HasPrefix(p, "/issues/comments/"), strings.HasPrefix(p, "/pulls/"):
		return "pull-requests", write
	case strings.HasPrefix(p, "/issues/7/events"), strings.HasPrefix(p, "/issues/7/labels/"):
		return "issues", write
	case strings.HasPrefix(p, "/statuses/"):
		return "statuses", write
	case strings.HasSuffix(p, "/check-suites"):
		return "checks", write
	}
	return "metadata", write // always granted
}

func (f *fakeGitHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.Method+" "+r.URL.Path)
	if r.Header.Get("Authorization") != "Bearer test-token" {
		http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	const repo = "/repos/acme/privacy"
	p := strings.TrimPrefix(r.URL.Path, repo)
	if p == r.URL.Path {
		http.NotFound(w, r)
		return
	}
	answer := func(v any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	// paged answers a list in two pages: its first item, then the rest.
	paged := func(items []map[string]any) {
		if r.URL.Query().Get("page") == "" && len(items) > 1 {
			w.Header().Set("Link", `<http://`+r.Host+r.URL.Path+`?per_page=100&page=2>; rel="next"`)
			answer(items[:1])
			return
		}
		if r.URL.Query().Get("page") == "2" {
			items = items[1:]
		}
		if items == nil {
			items = []map[string]any{}
		}
		answer(items)
	}
	body := func() map[string]any {
		var in map[string]any
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &in)
		return in
	}
	if r.Method == "GET" && f.flaky > 0 {
		f.flaky--
		w.Header().Set("Retry-After", "0")
		http.Error(w, `{"message":"Server Error"}`, http.StatusBadGateway)
		return
	}
	if name, write := scope(r.Method, p); f.perms != nil && name != "metadata" {
		if got := f.perms[name]; got != "write" && (write || got != "read") {
			w.WriteHeader(http.StatusForbidden)
			answer(map[string]string{"message": "Resource not accessible by integration (" + name + ")"})
			return
		}
	}
	if r.Method != "GET" && f.forbid {
		w.WriteHeader(http.StatusForbidden)
		answer(map[string]string{"message": "Resource not accessible by integration"})
		return
	}
	switch {
	case r.Method == "GET" && p == "/issues/7/comments":
		// Someone else's comment first, and a person's comment that
		// quotes the marker, which must never be overwritten.
		paged(append([]map[string]any{
			{"id": 1, "body": "Looks good to me", "user": map[string]any{"login": "dana", "type": "User"}},
			{"id": 2, "body": "Quoting the bot: <!-- disclose-review -->", "user": map[string]any{"login": "dana", "type": "User"}},
		}, f.comments...))
	case r.Method == "POST" && p == "/issues/7/comments":
		f.nextID++
		f.comments = append(f.comments, map[string]any{"id": 100 + f.nextID, "body": body()["body"], "user": map[string]any{"login": "github-actions[bot]", "type": "Bot"}})
		w.WriteHeader(http.StatusCreated)
		answer(f.comments[len(f.comments)-1])
	case r.Method == "PATCH" && strings.HasPrefix(p, "/issues/comments/"):
		id, _ := strconv.Atoi(strings.TrimPrefix(p, "/issues/comments/"))
		for _, c := range f.comments {
			if c["id"] == id {
				c["body"] = body()["body"]
				answer(c)
				return
			}
		}
		http.NotFound(w, r)
	case r.Method == "POST" && p == "/statuses/"+headSHA:
		st := body()
		f.statuses = append(f.statuses, st)
		w.WriteHeader(http.StatusCreated)
		answer(st)
	case r.Method == "DELETE" && strings.HasPrefix(p, "/issues/7/labels/"):
		name := strings.TrimPrefix(p, "/issues/7/labels/")
		f.events = append(f.events, map[string]any{"event": "unlabeled", "actor": map[string]any{"login": "github-actions[bot]"}, "label": map[string]any{"name": name}, "created_at": "2026-11-23T12:00:00Z"})
		answer([]any{})
	case r.Method == "GET" && p == "/commits/"+headSHA+"/check-suites":
		answer(map[string]any{"total_count": 2, "check_suites": []map[string]any{{"created_at": "2026-11-23T10:05:00Z"}, {"created_at": headArrived}}})
	case r.Method == "GET" && p == "/pulls/7/reviews":
		paged(f.reviews)
	case r.Method == "GET" && p == "/issues/7/events":
		paged(f.events)
	case r.Method == "GET" && strings.HasPrefix(p, "/collaborators/") && strings.HasSuffix(p, "/permission"):
		login := strings.TrimSuffix(strings.TrimPrefix(p, "/collaborators/"), "/permission")
		role, ok := f.roles[strings.ToLower(login)]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			answer(map[string]string{"message": login + " is not a user"})
			return
		}
		answer(map[string]any{"permission": role, "role_name": role, "user": map[string]any{"login": login}})
	default:
		http.NotFound(w, r)
	}
}

// bodies returns the bodies of the comments disclose wrote.
func (f *fakeGitHub) bodies() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.comments {
		out = append(out, c["body"].(string))
	}
	return out
}

// status returns the state and description of the latest commit status.
func (f *fakeGitHub) status() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.statuses) == 0 {
		return ""
	}
	st := f.statuses[len(f.statuses)-1]
	return fmt.Sprintf("%s %s: %s", st["context"], st["state"], st["description"])
}

const headSHA = "0123456789abcdef0123456789abcdef01234567"

// headArrived is when the fake GitHub first saw the head commit.
const headArrived = "2026-11-23T10:00:00Z"

// pr is what an event file says of the pull request.
type pr struct {
	action string
	labels []string
	fork   bool
}

// event writes the event file of a pull request event.
func event(t *testing.T, dir, name string, e pr) string {
	t.Helper()
	var ls []map[string]string
	for _, l := range e.labels {
		ls = append(ls, map[string]string{"name": l})
	}
	head := "acme/privacy"
	if e.fork {
		head = "outsider/privacy"
	}
	ev := map[string]any{
		"action": "synchronize",
		"number": 7,
		"pull_request": map[string]any{
			"number": 7,
			"user":   map[string]any{"login": "author", "type": "User"},
			"head":   map[string]any{"sha": headSHA, "ref": "retention", "repo": map[string]any{"full_name": head}},
			"base":   map[string]any{"ref": "main", "repo": map[string]any{"full_name": "acme/privacy"}},
			"labels": ls,
		},
	}
	if name == "pull_request_review" {
		ev["action"] = "submitted"
		ev["review"] = map[string]any{"state": "approved", "user": map[string]any{"login": "counsel"}}
	}
	if e.action != "" {
		ev["action"] = e.action
	}
	b, _ := json.Marshal(ev)
	p := filepath.Join(dir, name+".json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// expr matches a workflow expression.
var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// runStep runs a workflow step's script as the runner does (bash
// --noprofile --norc -eo pipefail, in the workspace, with the variables
// GitHub sets and the step's env, its expressions evaluated from context),
// and returns its exit code, its output and the job summary it wrote.
func runStep(t *testing.T, workspace, script string, env map[string]string, context map[string]string, github map[string]string) (int, string, string) {
	t.Helper()
	if m := expr.FindString(script); m != "" {
		t.Fatalf("a run script uses the expression %s: pass it through env, so it is never spliced into the shell script", m)
	}
	tmp := t.TempDir()
	summary := filepath.Join(tmp, "summary.md")
	scriptFile := filepath.Join(tmp, "step.sh")
	if err := os.WriteFile(scriptFile, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile)
	cmd.Dir = workspace
	vars := map[string]string{
		"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace,
		"GITHUB_STEP_SUMMARY": summary, "GITHUB_OUTPUT": filepath.Join(tmp, "output"), "GITHUB_ENV": filepath.Join(tmp, "env"),
		"RUNNER_TEMP": tmp, "RUNNER_OS": "Linux",
	}
	for k, v := range github {
		vars[k] = v
	}
	for k, v := range env {
		vars[k] = expr.ReplaceAllStringFunc(v, func(m string) string {
			name := expr.FindStringSubmatch(m)[1]
			val, ok := context[name]
			if !ok {
				t.Fatalf("env %s: the test knows no value for the expression %s", k, m)
			}
			return val
		})
	}
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for _, k := range []string{"GOPATH", "GOCACHE", "GOMODCACHE", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN", "SOURCE_DATE_EPOCH"} {
		if v, ok := os.LookupEnv(k); ok {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("step: %v", err)
		}
		code = ee.ExitCode()
	}
	s, _ := os.ReadFile(summary)
	return code, out.String(), string(s)
}

// The pull-request workflow disclose init writes, step by step as the
// runner runs it, against a fake GitHub: the check's annotations, the one
// review comment updated in place, and the sign-off status through
// approvals, stale approvals, unqualified approvers, labels and forks.
func TestPullRequestWorkflowSteps(t *testing.T) {
	t.Parallel()
	dir := initProject(t, "--disclose-version", "v1.4.0")
	mod, _ := os.ReadFile(filepath.Join(dir, "tools/disclose/go.mod"))
	if !strings.Contains(string(mod), "\nrequire github.com/disclose-dev/disclose v1.4.0\n") || !strings.Contains(string(mod), "\ntool github.com/disclose-dev/disclose/cmd/disclose\n") {
		t.Fatalf("tools/disclose/go.mod does not pin v1.4.0:\n%s", mod)
	}
	// The Makefile builds the pinned disclose; this one is not published,
	// so the test points the pin at this work tree, as a replace would.
	root, _ := filepath.Abs("../..")
	pinned := string(mod) + "\nreplace github.com/disclose-dev/disclose => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "tools/disclose/go.mod"), []byte(pinned), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runIn(t, dir, "release", "--effective", "2026-11-23", "--released", "2026-11-23", "--summary", "First version"); code != 0 {
		t.Fatalf("release: exit %d\n%s%s", code, out, stderr)
	}
	// The checkout the runner makes of a pull request: the merge commit of
	// the pull request's branch into main (refs/pull/N/merge), whose first
	// parent is main.
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	// The first make, on the team's machine, writes tools/disclose/go.sum,
	// which they commit (README); in CI the pin is only checked.
	local := exec.Command("make", "-C", dir, "bin/disclose")
	local.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "CI=") })
	if out, err := local.CombinedOutput(); err != nil {
		t.Fatalf("make bin/disclose: %v\n%s", err, out)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "tools/disclose/go.sum")); err != nil || !strings.Contains(string(b), "github.com/spf13/cobra") {
		t.Errorf("make did not write tools/disclose/go.sum: %v", err)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	pullRequest := func(branch string, edits ...[2]string) {
		t.Helper()
		git("checkout", "-q", "-B", branch, "main")
		for _, e := range edits {
			edit(t, filepath.Join(dir, "data/processing.yaml"), e[0], e[1])
		}
		git("commit", "-q", "-am", branch)
		git("checkout", "-q", "--detach", "main")
		git("merge", "-q", "--no-ff", "-m", "Merge "+branch, branch)
	}
	// A pull request with two mistakes: a misspelt period on the line it
	// changed, and a renamed retention rule that the unchanged line of a
	// category still names.
	pullRequest("mistakes", [2]string{"period: 24 months", "period: 24 monthz"}, [2]string{"  - id: account\n", "  - id: acount\n"})

	api := &fakeGitHub{roles: map[string]string{"counsel": "maintain", "intern": "write", "owner": "admin", "author": "admin"}}
	srv := httptest.NewServer(api)
	defer srv.Close()
	checkWf := readWorkflow(t, filepath.Join(dir, ".github/workflows/check.yml"))
	if types, ok := checkWf.types("pull_request"); !ok || !slices.Equal(types, []string{"opened", "synchronize", "reopened"}) || len(checkWf.On) != 1 {
		t.Errorf("the check workflow runs on %v: want pushes only, so reviews and labels never re-run or cancel it", checkWf.On)
	}
	wf := readWorkflow(t, filepath.Join(dir, ".github/workflows/privacy-review.yml"))
	prTypes, ok := wf.types("pull_request")
	if !ok {
		t.Fatal("the review workflow does not run on pull_request")
	}
	if reviewTypes, _ := wf.types("pull_request_review"); !slices.Contains(reviewTypes, "submitted") || !slices.Contains(reviewTypes, "dismissed") || !slices.Contains(prTypes, "labeled") || !slices.Contains(prTypes, "unlabeled") || !slices.Contains(prTypes, "synchronize") {
		t.Errorf("the review workflow does not run again on pushes, reviews and labels: %+v", wf.On)
	}
	if len(wf.Permissions) != 0 {
		t.Errorf("workflow permissions %v, want none: each job names its own", wf.Permissions)
	}
	if perms := wf.Jobs["sign-off"].Permissions; !maps.Equal(perms, map[string]string{"contents": "read", "pull-requests": "write", "issues": "write", "checks": "read", "statuses": "write"}) {
		t.Errorf("sign-off permissions %v", perms)
	}
	// The fake grants the job what its workflow grants, no more.
	api.perms = wf.Jobs["sign-off"].Permissions
	tmp := t.TempDir()
	context := map[string]string{"github.token": "test-token", "secrets.GITHUB_TOKEN": "test-token"}
	// otherHead, when set, is a pull request head the checkout is not.
	otherHead := ""
	// job runs the steps of a job that have a script, in order, and returns
	// the last one's result.
	job := func(wf *workflow, name, eventName string, e pr) (int, string, string) {
		t.Helper()
		j, ok := wf.Jobs[name]
		if !ok {
			t.Fatalf("the workflow has no job %q", name)
		}
		gh := map[string]string{
			"GITHUB_EVENT_NAME": eventName, "GITHUB_EVENT_PATH": event(t, tmp, eventName, e),
			"GITHUB_REPOSITORY": "acme/privacy", "GITHUB_API_URL": srv.URL, "GITHUB_SHA": headSHA,
			"GITHUB_SERVER_URL": "https://github.example", "GITHUB_RUN_ID": "42",
		}
		// The pull request's head as the event names it: the merge
		// commit's second parent.
		head, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD^2").Output()
		if err != nil {
			t.Fatalf("the checkout is not a merge commit: %v", err)
		}
		context["github.event.pull_request.head.sha"] = strings.TrimSpace(string(head))
		if otherHead != "" {
			context["github.event.pull_request.head.sha"] = otherHead
		}
		code, out, summary := 0, "", ""
		for _, s := range j.Steps {
			if s.Run == "" {
				continue
			}
			env := map[string]string{}
			for k, v := range j.Env {
				env[k] = v
			}
			for k, v := range s.Env {
				env[k] = v
			}
			code, out, summary = runStep(t, dir, s.Run, env, context, gh)
			if code != 0 {
				break
			}
		}
		return code, out, summary
	}
	signOff := func(eventName string, e pr) (int, string, string) {
		t.Helper()
		return job(wf, "sign-off", eventName, e)
	}
	const waiting, signed = "privacy/sign-off failure: 1 material change waiting for counsel's sign-off", "privacy/sign-off success: 1 material change, signed off by "

	// The check: the problem on the changed line is annotated first, then
	// the one it caused on an unchanged line; every problem is in the job
	// summary.
	code, out, summary := job(checkWf, "check", "pull_request", pr{})
	period := regexp.MustCompile(`(?m)^::error file=data/processing\.yaml,line=32,col=\d+`).FindStringIndex(out)
	dangling := strings.Index(out, "::error file=data/processing.yaml,line=22,")
	if code == 0 || period == nil || dangling < 0 || period[0] > dangling {
		t.Errorf("check job on two mistakes: exit %d, want the changed line's annotation (line 32) before line 22's:\n%s", code, out)
	}
	if !strings.Contains(summary, "data/processing.yaml:22:") || !strings.Contains(summary, "data/processing.yaml:32:") {
		t.Errorf("the job summary does not list every problem:\n%s", summary)
	}
	if _, err := os.Stat(filepath.Join(dir, "bin/disclose")); err != nil {
		t.Fatalf("make did not build the pinned disclose into bin/: %v", err)
	}
	// The pull request fixed: a longer retention, and a clean check.
	pullRequest("retention", [2]string{"period: 24 months", "period: 36 months"})
	if code, out, _ := job(checkWf, "check", "pull_request", pr{}); code != 0 || strings.Contains(out, "::error") {
		t.Fatalf("check job on clean data: exit %d\n%s", code, out)
	}

	// A push with a material change: one comment, and the status fails
	// while the job passes (the status carries the verdict, so a later
	// run's success replaces it).
	code, out, summary = signOff("pull_request", pr{})
	if code != 0 || !strings.Contains(out, "::notice title=Privacy sign-off needed::") || api.status() != waiting {
		t.Errorf("sign-off with no approval: exit %d, status %q\n%s", code, api.status(), out)
	}
	if st := api.statuses[len(api.statuses)-1]; st["target_url"] != "https://github.example/acme/privacy/actions/runs/42" {
		t.Errorf("the status links %v, want the run", st["target_url"])
	}
	bodies := api.bodies()
	if len(bodies) != 1 {
		t.Fatalf("%d review comments, want 1", len(bodies))
	}
	golden.File(t, "testdata/review/waiting.md", []byte(bodies[0]))
	if summary != bodies[0] {
		t.Errorf("the job summary is not the comment:\n%s", summary)
	}
	// Another push: the same comment, not a second one, and the person's
	// comment quoting the marker is left alone.
	signOff("pull_request", pr{})
	if n := len(api.bodies()); n != 1 {
		t.Errorf("after a second push, %d review comments, want 1", n)
	}
	for _, c := range api.calls {
		if strings.HasSuffix(c, "/issues/comments/2") {
			t.Errorf("a person's comment was changed: %s", c)
		}
	}

	// Approvals that do not sign off: an earlier commit's, one by a role
	// that cannot, one by someone who is not a collaborator, and counsel's
	// request for changes.
	api.mu.Lock()
	api.reviews = []map[string]any{
		{"user": map[string]any{"login": "counsel"}, "state": "APPROVED", "commit_id": "fedcba9876543210fedcba9876543210fedcba98"},
		{"user": map[string]any{"login": "intern"}, "state": "APPROVED", "commit_id": headSHA},
		{"user": map[string]any{"login": "passerby"}, "state": "APPROVED", "commit_id": headSHA},
	}
	api.mu.Unlock()
	if code, out, _ := signOff("pull_request_review", pr{}); code != 0 || api.status() != waiting {
		t.Errorf("a stale approval and ones by a write role and a stranger: exit %d, status %q\n%s", code, api.status(), out)
	}
	golden.File(t, "testdata/review/not-signed.md", []byte(api.bodies()[0]))

	// counsel approves the head commit, then comments: signed off, and the
	// comment says so. The reads survive a server error.
	api.mu.Lock()
	api.flaky = 2
	api.reviews = append(api.reviews, map[string]any{"user": map[string]any{"login": "Counsel"}, "state": "APPROVED", "commit_id": headSHA},
		map[string]any{"user": map[string]any{"login": "counsel"}, "state": "COMMENTED", "commit_id": headSHA})
	api.mu.Unlock()
	if code, out, _ := signOff("pull_request_review", pr{}); code != 0 || api.status() != signed+"Counsel" {
		t.Errorf("approved by a maintainer at the head: exit %d, status %q\n%s", code, api.status(), out)
	}
	if b := api.bodies()[0]; !strings.Contains(b, "Signed off: `Counsel` (maintain) approved commit 0123456.") {
		t.Errorf("the comment does not say who signed off:\n%s", b)
	}
	// A run that cannot finish (GitHub failing every read) leaves no
	// success standing: pending first, then error.
	api.mu.Lock()
	api.flaky = 1000
	api.mu.Unlock()
	if code, out, _ := signOff("pull_request_review", pr{}); code == 0 || !strings.HasPrefix(api.status(), "privacy/sign-off error:") {
		t.Errorf("a run that fails: exit %d, status %q\n%s", code, api.status(), out)
	}
	api.mu.Lock()
	api.flaky = 0
	api.mu.Unlock()
	// A dismissal withdraws the approval; so does a later request for
	// changes.
	for _, state := range []string{"DISMISSED", "CHANGES_REQUESTED"} {
		api.mu.Lock()
		saved := slices.Clone(api.reviews)
		api.reviews = append(api.reviews, map[string]any{"user": map[string]any{"login": "counsel"}, "state": state, "commit_id": headSHA})
		api.mu.Unlock()
		if signOff("pull_request_review", pr{}); api.status() != waiting {
			t.Errorf("an approval followed by %s: status %q", state, api.status())
		}
		api.mu.Lock()
		api.reviews = saved
		api.mu.Unlock()
	}
	if b := api.bodies()[0]; !strings.Contains(b, "- `counsel` (0123456) requested changes.") {
		t.Errorf("the comment does not say counsel requested changes:\n%s", b)
	}
	api.mu.Lock()
	api.reviews = nil
	api.mu.Unlock()

	// The label: it signs off only when an approver, not the author,
	// applied it last, and it is not removed since.
	labelled := func(by string) map[string]any {
		return map[string]any{"event": "labeled", "actor": map[string]any{"login": by}, "label": map[string]any{"name": "Privacy-Approved"}, "created_at": "2026-11-23T11:00:00Z"}
	}
	for _, c := range []struct {
		name   string
		events []map[string]any
		want   string
		says   string
	}{
		{"by a write role", []map[string]any{labelled("intern")}, waiting, "- `intern` (write, label) cannot sign off (the approver roles are admin, maintain)."},
		{"by the author, an admin", []map[string]any{labelled("author")}, waiting, "- `author` (author, label) cannot sign off"},
		{"by an admin", []map[string]any{labelled("intern"), labelled("owner")}, signed + "owner", "Signed off: `owner` (admin) applied the label `privacy-approved`."},
		{"removed since", []map[string]any{labelled("owner"), {"event": "unlabeled", "actor": map[string]any{"login": "intern"}, "label": map[string]any{"name": "privacy-approved"}, "created_at": "2026-11-23T11:30:00Z"}}, waiting, "**Waiting for sign-off.**"},
		// Applied to an earlier commit: a push whose own run never
		// removed it (cancelled by a later edit's run) does not make it
		// count.
		{"before the latest push", []map[string]any{{"event": "labeled", "actor": map[string]any{"login": "owner"}, "label": map[string]any{"name": "privacy-approved"}, "created_at": "2026-11-23T09:59:00Z"}}, waiting, "- `owner` (label, applied before the latest push) approved an earlier commit"},
	} {
		api.mu.Lock()
		api.events = c.events
		api.mu.Unlock()
		if code, out, _ := signOff("pull_request", pr{action: "edited", labels: []string{"privacy-approved"}}); code != 0 || api.status() != c.want {
			t.Errorf("label %s: exit %d, status %q, want %q\n%s", c.name, code, api.status(), c.want, out)
		}
		if b := api.bodies()[0]; !strings.Contains(b, c.says) {
			t.Errorf("label %s: the comment does not say %q:\n%s", c.name, c.says, b)
		}
	}
	// A push after the label removes it, as it withdraws an approval.
	api.mu.Lock()
	api.events = []map[string]any{labelled("owner")}
	api.mu.Unlock()
	if code, out, _ := signOff("pull_request", pr{action: "synchronize", labels: []string{"privacy-approved"}}); code != 0 || api.status() != waiting || !slices.Contains(api.calls, "DELETE /repos/acme/privacy/issues/7/labels/privacy-approved") {
		t.Errorf("a push after the label: exit %d, status %q\n%s", code, api.status(), out)
	}
	if b := api.bodies()[0]; !strings.Contains(b, "The label `privacy-approved` was removed by the push of 0123456") {
		t.Errorf("the comment does not say the label was removed:\n%s", b)
	}

	// A fork's token can neither comment nor set a status, and its label
	// never counts: the review goes to the summary, with warnings, and the
	// job's exit carries the verdict.
	api.mu.Lock()
	api.comments, api.forbid, api.events = nil, true, []map[string]any{labelled("owner")}
	api.mu.Unlock()
	code, out, summary = signOff("pull_request", pr{action: "labeled", fork: true, labels: []string{"privacy-approved"}})
	if code == 0 || !strings.Contains(out, "::warning title=Privacy review::") || !strings.Contains(out, "::warning title=Privacy sign-off::") || !strings.Contains(summary, "Waiting for sign-off") {
		t.Errorf("a fork: exit %d\n%s\nsummary:\n%s", code, out, summary)
	}
	// The same refusal on the repository's own pull request is no fork:
	// it fails and names the permission.
	code, out, _ = signOff("pull_request", pr{})
	if code != exitUsage || !strings.Contains(out, "give the job the permissions statuses: write") {
		t.Errorf("a read-only token on an own pull request: exit %d\n%s", code, out)
	}
	// A checkout of the head commit itself (not refs/pull/N/merge) could
	// not tell main's data from the pull request's: refused.
	api.mu.Lock()
	api.forbid = false
	api.mu.Unlock()
	otherHead = "fedcba9876543210fedcba9876543210fedcba98"
	if code, out, _ := signOff("pull_request", pr{}); code == 0 || !strings.Contains(out, "The checkout is not the pull request's merge commit") {
		t.Errorf("a checkout that is not the merge commit: exit %d\n%s", code, out)
	}
	otherHead = ""
	// pull_request_target checks out the base branch: refused.
	if code, out, _ := signOff("pull_request_target", pr{}); code != exitUsage || !strings.Contains(out, "pull_request_target the checkout is the base branch") {
		t.Errorf("pull_request_target: exit %d\n%s", code, out)
	}

	// A pull request that changes the data and releases it in one go is
	// reviewed against the versions main had released: still material,
	// still waiting for sign-off, and the comment names the release.
	api.mu.Lock()
	api.comments, api.forbid, api.reviews, api.events = nil, false, nil, nil
	api.mu.Unlock()
	git("checkout", "-q", "-B", "release", "main")
	edit(t, filepath.Join(dir, "data/processing.yaml"), "period: 24 months", "period: 36 months")
	if code, out, stderr := runIn(t, dir, "release", "--effective", "2026-12-23", "--released", "2026-11-23", "--summary", "Longer retention"); code != 0 {
		t.Fatalf("release in the pull request: exit %d\n%s%s", code, out, stderr)
	}
	git("add", "-A", "data", "releases")
	git("commit", "-q", "-m", "release")
	git("checkout", "-q", "--detach", "main")
	git("merge", "-q", "--no-ff", "-m", "Merge release", "release")
	code, out, _ = signOff("pull_request", pr{})
	bodies = api.bodies()
	if code != 0 || api.status() != waiting || len(bodies) != 1 || !strings.Contains(bodies[0], "This pull request releases Privacy Policy version 2026-12-23, in force from 2026-12-23 (released 2026-11-23)") || !strings.Contains(bodies[0], "Retention of “Account data”: 24 months → 36 months.") {
		t.Errorf("a pull request that releases its own change: exit %d, status %q\n%s\n%s", code, api.status(), out, strings.Join(bodies, "\n---\n"))
	}
	// main carries a material change, merged and signed off but not yet
	// released: a later pull request that changes nothing for readers
	// passes, and the comment marks main's change.
	git("checkout", "-q", "main")
	edit(t, filepath.Join(dir, "data/processing.yaml"), "period: 24 months", "period: 36 months")
	git("commit", "-q", "-am", "a merged, signed-off change")
	git("checkout", "-q", "-B", "notes", "main")
	if err := os.WriteFile(filepath.Join(dir, "NOTES.md"), []byte("Meeting notes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "NOTES.md")
	git("commit", "-q", "-m", "notes")
	git("checkout", "-q", "--detach", "main")
	git("merge", "-q", "--no-ff", "-m", "Merge notes", "notes")
	api.mu.Lock()
	api.comments = nil
	api.mu.Unlock()
	code, out, _ = signOff("pull_request", pr{})
	bodies = api.bodies()
	if code != 0 || api.status() != "privacy/sign-off success: No material change" || len(bodies) != 1 || !strings.Contains(bodies[0], "### Already on main, not yet released") || !strings.Contains(bodies[0], "| **material** | Retention of “Account data”: 24 months → 36 months.") {
		t.Errorf("a pull request on top of main's unreleased change: exit %d, status %q\n%s\n%s", code, api.status(), out, strings.Join(bodies, "\n---\n"))
	}
	golden.File(t, "testdata/review/on-main.md", []byte(bodies[0]))

	for _, c := range api.calls {
		if strings.Contains(c, "/repos/") && !strings.HasPrefix(c, "GET ") && !strings.HasPrefix(c, "POST /repos/acme/privacy/issues/7/comments") && !strings.HasPrefix(c, "PATCH /repos/acme/privacy/issues/comments/") &&
			c != "POST /repos/acme/privacy/statuses/"+headSHA && c != "DELETE /repos/acme/privacy/issues/7/labels/privacy-approved" {
			t.Errorf("unexpected API call %s", c)
		}
	}

	// In CI the pin is checked, not resolved: a go.mod that go.sum does
	// not match fails the build with what to do.
	edit(t, filepath.Join(dir, "tools/disclose/go.mod"), "\nreplace ", "\nrequire golang.org/x/text v0.20.0\n\nreplace ")
	cmd := exec.Command("make", "-C", dir, "bin/disclose")
	cmd.Env = append(os.Environ(), "CI=true")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "go.mod and go.sum are not tidy") {
		t.Errorf("make in CI with an untidy pin: %v\n%s", err, out)
	}
}

// Both workflows of a project, and the repository's own, build disclose
// the same way: no step installs another (go install, @latest), and the
// Makefile targets they run use the pinned one.
func TestWorkflowsUseThePinnedDisclose(t *testing.T) {
	project := initProject(t, "--disclose-version", "v1.4.0")
	for _, c := range []struct{ dir, makefile string }{
		{"../../.github/workflows", "../../Makefile"},
		{filepath.Join(project, ".github/workflows"), filepath.Join(project, "Makefile")},
	} {
		files, _ := filepath.Glob(filepath.Join(c.dir, "*.yml"))
		if len(files) < 2 {
			t.Fatalf("%s: %d workflows, want publish and privacy review", c.dir, len(files))
		}
		for _, f := range files {
			wf := readWorkflow(t, f)
			for name, j := range wf.Jobs {
				for _, s := range j.Steps {
					if s.Run == "" {
						continue
					}
					if strings.Contains(s.Run, "go install") || strings.Contains(s.Run, "@latest") || strings.Contains(s.Run, "go run") {
						t.Errorf("%s: job %s installs disclose itself: %q", f, name, s.Run)
					}
					// disclose only through make; each make line names
					// targets the Makefile has.
					makes := 0
					for _, line := range strings.Split(s.Run, "\n") {
						words := strings.Fields(line)
						if len(words) == 0 {
							continue
						}
						if slices.Contains(words, "disclose") || slices.Contains(words, "bin/disclose") || slices.Contains(words, "./bin/disclose") {
							t.Errorf("%s: job %s runs disclose outside make: %q", f, name, line)
						}
						if words[0] != "make" {
							continue
						}
						makes++
						if len(words) < 3 || words[1] != "-f" || words[2] != "Makefile" {
							t.Errorf("%s: job %s runs %q: name the Makefile (make -f Makefile), so a GNUmakefile a change adds is never read", f, name, line)
						}
						for i, target := range words[1:] {
							if strings.Contains(target, "=") || strings.HasPrefix(target, "-") || i > 0 && words[i] == "-f" {
								continue
							}
							out, err := exec.Command("make", "-n", "-C", filepath.Dir(c.makefile), target).CombinedOutput()
							if err != nil {
								t.Errorf("%s: make -n %s: %v\n%s", f, target, err, out)
							}
						}
					}
					if makes == 0 {
						t.Errorf("%s: job %s runs %q, no Makefile target", f, name, s.Run)
					}
				}
			}
		}
	}
	out, _ := exec.Command("make", "-n", "-C", project, "check-github").CombinedOutput()
	if !strings.Contains(string(out), "go -C tools/disclose build -o ../../bin/disclose github.com/disclose-dev/disclose/cmd/disclose") || !strings.Contains(string(out), "bin/disclose check --format github") {
		t.Errorf("the scaffold's make check-github does not build and run the pinned disclose:\n%s", out)
	}
	// Dependabot keeps every pin current: each gomod folder it watches has
	// a go.mod in what init writes.
	files, err := scaffoldFiles("v1.4.0")
	if err != nil {
		t.Fatal(err)
	}
	var dep struct {
		Version int `yaml:"version"`
		Updates []struct {
			Ecosystem   string   `yaml:"package-ecosystem"`
			Directory   string   `yaml:"directory"`
			Directories []string `yaml:"directories"`
			Allow       []struct {
				Name string `yaml:"dependency-name"`
				Type string `yaml:"dependency-type"`
			} `yaml:"allow"`
		} `yaml:"updates"`
	}
	if err := yaml.Unmarshal(files[".github/dependabot.yml"], &dep); err != nil || dep.Version != 2 {
		t.Fatalf("dependabot.yml: version %d, %v", dep.Version, err)
	}
	var ecosystems []string
	// allowed: the module Dependabot may update in each gomod folder,
	// whatever its dependency type.
	allowed := map[string]string{}
	for _, u := range dep.Updates {
		ecosystems = append(ecosystems, u.Ecosystem)
		if u.Ecosystem != "gomod" {
			continue
		}
		for _, a := range u.Allow {
			if a.Type == "all" {
				allowed[u.Directory] = a.Name
			}
		}
	}
	if !slices.Contains(ecosystems, "github-actions") {
		t.Error("dependabot.yml does not update the workflows' actions")
	}
	// The tool requirement is "// indirect" after go mod tidy, which
	// Dependabot skips unless allowed with every dependency type.
	for dir, module := range map[string]string{"/tools/disclose": "github.com/disclose-dev/disclose", "/tools/hugo": "github.com/gohugoio/hugo"} {
		mod, ok := files[strings.TrimPrefix(dir, "/")+"/go.mod"]
		if !ok {
			t.Errorf("init writes no %s/go.mod", dir)
		}
		if allowed[dir] != module {
			t.Errorf("dependabot.yml does not allow %s (dependency-type: all) in %s: %v", module, dir, allowed)
		}
		if dir == "/tools/hugo" && !strings.Contains(string(mod), module+" ") {
			t.Errorf("%s/go.mod does not require %s", dir, module)
		}
	}
	if b, err := os.ReadFile(filepath.Join(project, ".github/CODEOWNERS")); err != nil || !strings.Contains(string(b), "/.github/ ") || !strings.Contains(string(b), "/tools/ ") {
		t.Errorf("init writes no CODEOWNERS that owns the gate: %v\n%s", err, b)
	}
}

// Every workflow file is valid against GitHub's workflow schema, as
// action-validator (SchemaStore's schema, with GitHub's own checks)
// reads it.
func TestWorkflowFilesValidate(t *testing.T) {
	t.Parallel()
	cli := "../../tests/workflows/node_modules/@action-validator/cli/cli.mjs"
	if _, err := os.Stat(cli); err != nil {
		t.Fatalf("action-validator is not installed (run make browser-setup): %v", err)
	}
	files, _ := filepath.Glob("../../.github/workflows/*.yml")
	more, _ := filepath.Glob(filepath.Join(initProject(t), ".github/workflows/*.yml"))
	files = append(files, more...)
	if len(files) < 6 {
		t.Fatalf("%d workflow files, want the repository's three and the three init writes", len(files))
	}
	for _, f := range files {
		out, err := exec.Command("node", cli, f).CombinedOutput()
		if err != nil {
			t.Errorf("%s is not a valid workflow: %v\n%s", f, err, out)
		}
	}
	// The validator does fail: a misspelt key.
	bad := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(bad, []byte("name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("node", cli, bad).CombinedOutput(); err == nil {
		t.Errorf("action-validator passed a workflow with a misspelt key:\n%s", out)
	}
}
