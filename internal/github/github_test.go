package github

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	pr, err := ReadEvent(write(`{"pull_request":{"number":7,"head":{"sha":"abc","repo":{"full_name":"fork/privacy"}},"base":{"ref":"main","repo":{"full_name":"acme/privacy"}},"labels":[{"name":"privacy-approved"}]}}`))
	if err != nil || pr.Number != 7 || pr.Head != "abc" || !pr.Fork || len(pr.Labels) != 1 {
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
