package github

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	env := map[string]string{"GITHUB_EVENT_PATH": "/e.json", "GITHUB_REPOSITORY": "acme/privacy", "GH_TOKEN": "t"}
	e, err := FromEnv(func(k string) string { return env[k] })
	if err != nil || e.Token != "t" || e.API != "https://api.github.com" {
		t.Errorf("FromEnv = %+v, %v", e, err)
	}
	for _, c := range []struct {
		unset, want string
	}{
		{"GITHUB_EVENT_PATH", "GITHUB_EVENT_PATH not set"},
		{"GH_TOKEN", "no token"},
	} {
		v := env[c.unset]
		delete(env, c.unset)
		if _, err := FromEnv(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("without %s: %v, want %q", c.unset, err, c.want)
		}
		env[c.unset] = v
	}
	env["GITHUB_EVENT_NAME"] = "pull_request_target"
	if _, err := FromEnv(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "checkout is the base branch") {
		t.Errorf("pull_request_target: %v", err)
	}
	env["GITHUB_EVENT_NAME"] = "pull_request"
	env["GITHUB_REPOSITORY"] = "privacy"
	if _, err := FromEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("a repository without an owner was accepted")
	}
}

func TestReadEvent(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "event.json")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pr, err := ReadEvent(write(`{"action":"synchronize","pull_request":{"number":7,"user":{"login":"author"},"head":{"sha":"abc","repo":{"full_name":"fork/privacy"}},"base":{"ref":"main","repo":{"full_name":"acme/privacy"}},"labels":[{"name":"privacy-approved"}]}}`))
	if err != nil || pr.Number != 7 || pr.Head != "abc" || !pr.Fork || len(pr.Labels) != 1 || pr.Author != "author" || pr.Action != "synchronize" {
		t.Errorf("ReadEvent = %+v, %v", pr, err)
	}
	for _, bad := range []string{`{"push":{}}`, `not json`, `{"pull_request":{"number":7}}`} {
		if _, err := ReadEvent(write(bad)); err == nil {
			t.Errorf("ReadEvent(%s) succeeded", bad)
		}
	}
	if _, err := ReadEvent(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing event file was read")
	}
}

func TestNextLink(t *testing.T) {
	h := `<https://api.github.com/repos/a/b/issues/1/comments?page=2>; rel="next", <https://api.github.com/repos/a/b/issues/1/comments?page=5>; rel="last"`
	if got := nextLink(h); got != "https://api.github.com/repos/a/b/issues/1/comments?page=2" {
		t.Errorf("nextLink = %q", got)
	}
	if got := nextLink(`<https://x/?page=1>; rel="prev"`); got != "" {
		t.Errorf("nextLink of a last page = %q", got)
	}
}

// Reads are retried after server errors and rate limits, as long as
// GitHub asks; writes and other refusals are not; next-page links stay on
// the API's host.
func TestRetries(t *testing.T) {
	for _, c := range []struct {
		code   int
		header map[string]string
		wait   time.Duration
		again  bool
	}{
		{502, nil, time.Second, true},
		{429, map[string]string{"Retry-After": "7"}, 7 * time.Second, true},
		{403, map[string]string{"Retry-After": "3"}, 3 * time.Second, true},
		{403, map[string]string{"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "0"}, 0, true},
		{403, map[string]string{"Retry-After": "3600"}, maxWait, true},
		{403, nil, 0, false},
		{404, nil, 0, false},
	} {
		h := http.Header{}
		for k, v := range c.header {
			h.Set(k, v)
		}
		if d, again := retryAfter(c.code, h, 0); d != c.wait || again != c.again {
			t.Errorf("retryAfter(%d, %v) = %v, %v; want %v, %v", c.code, c.header, d, again, c.wait, c.again)
		}
	}
	fails := 2
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls[r.Method]++
		if fails > 0 {
			fails--
			http.Error(w, `{"message":"busy"}`, http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Link", `<https://elsewhere.example/repos/a/b/x?page=2>; rel="next"`)
		_, _ = w.Write([]byte(`[]`))
	}))
	defer srv.Close()
	var waited []time.Duration
	c := &Client{Env: Env{API: srv.URL, Repository: "a/b", Token: "t"}, HTTP: srv.Client(), Wait: func(_ context.Context, d time.Duration) error {
		waited = append(waited, d)
		return nil
	}}
	_, err := all[struct{}](context.Background(), c, "/x")
	if err == nil || !strings.Contains(err.Error(), "leads off") {
		t.Errorf("a next link to another host: %v", err)
	}
	if calls["GET"] != 3 || len(waited) != 2 {
		t.Errorf("%d GETs, %d waits; want 3 and 2", calls["GET"], len(waited))
	}
	// A status is set again after a server error; a new comment is not
	// posted twice.
	fails = 1
	if err := c.SetStatus(context.Background(), "abc", Status{State: "success", Context: "x"}); err != nil || calls["POST"] != 2 {
		t.Errorf("a status after a server error: %v, %d POSTs", err, calls["POST"])
	}
	fails = 1
	if _, err := c.do(context.Background(), http.MethodPost, "/issues/1/comments", map[string]string{"body": "x"}, nil); err == nil || calls["POST"] != 3 {
		t.Errorf("a new comment was retried or passed: %v, %d POSTs", err, calls["POST"])
	}
	// A next link that changes the scheme is refused too.
	if _, err := c.do(context.Background(), http.MethodGet, strings.Replace(srv.URL, "http://", "https://", 1)+"/repos/a/b/x", nil, nil); err == nil || !strings.Contains(err.Error(), "leads off") {
		t.Errorf("a link to https on the API's http host: %v", err)
	}
}
