package release_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disclose-dev/disclose/compiler/diag"
	"github.com/disclose-dev/disclose/compiler/release"
)

// gitRepo makes a git repository in a new folder and returns the project
// folder sub/ inside it (a project need not be the repository's root).
func gitRepo(t *testing.T) (repo, project string) {
	t.Helper()
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	repo = t.TempDir()
	gitIn(t, repo, "init", "-q")
	gitIn(t, repo, "config", "user.name", "Test")
	gitIn(t, repo, "config", "user.email", "test@example.com")
	gitIn(t, repo, "config", "commit.gpgsign", "false")
	project = filepath.Join(repo, "sub")
	if err := os.MkdirAll(project, 0o755); err != nil {
		t.Fatal(err)
	}
	return repo, project
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// commitAll commits everything and returns the commit, short.
func commitAll(t *testing.T, repo, message string) string {
	t.Helper()
	gitIn(t, repo, "add", "-A")
	gitIn(t, repo, "commit", "-q", "--allow-empty", "-m", message)
	return gitIn(t, repo, "rev-parse", "HEAD")[:12]
}

func history(t *testing.T, project string) diag.List {
	t.Helper()
	return release.VerifyHistory(context.Background(), project, readLedger(t, project))
}

func errorsOf(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// A history that only grew passes, committed or not, and so does the
// commit that migrates a legacy ledger.
func TestHistoryCleanGrowth(t *testing.T) {
	repo, project := gitRepo(t)
	if err := os.WriteFile(filepath.Join(project, "README"), []byte("a project\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commitAll(t, repo, "before any release")
	writeHistory(t, project, fixtureSteps[:1])
	commitAll(t, repo, "first release")
	// The second release on a branch, merged after an unrelated change.
	main := gitIn(t, repo, "branch", "--show-current")
	gitIn(t, repo, "checkout", "-q", "-b", "second")
	writeHistory(t, project, fixtureSteps[1:2])
	commitAll(t, repo, "second release")
	gitIn(t, repo, "checkout", "-q", main)
	if err := os.WriteFile(filepath.Join(project, "README"), []byte("a project, edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commitAll(t, repo, "a commit that leaves releases/ alone")
	gitIn(t, repo, "merge", "-q", "--no-ff", "-m", "merge the second release", "second")
	writeHistory(t, project, fixtureSteps[2:])
	if diags := history(t, project); len(diags) > 0 {
		t.Errorf("an uncommitted release:\n%s", text(diags))
	}
	commitAll(t, repo, "third release")
	if diags := history(t, project); len(diags) > 0 {
		t.Errorf("a history that only grew:\n%s", text(diags))
	}
}

func TestHistoryMigration(t *testing.T) {
	repo, project := gitRepo(t)
	writeHistory(t, project, fixtureSteps[:2])
	legacy(t, project)
	commitAll(t, repo, "legacy history")
	// The legacy era: a release (legacy ledgers were sorted by notice, so
	// new entries came in between) and a rewrite that was never undone.
	dir2, _ := fixture(t)
	legacy(t, dir2)
	copyTree(t, filepath.Join(dir2, "releases"), filepath.Join(project, "releases"))
	commitAll(t, repo, "legacy release")
	name := "eu/2026-01-01/notice.md"
	b := []byte("# eu notice\n\nRewritten in the legacy days.\n")
	writeFile(t, filepath.Join(project, "releases", filepath.FromSlash(name)), b)
	l := readLedger(t, project)
	for _, v := range l.Versions {
		if _, ok := v.Files[name]; ok {
			v.Files[name] = sum(b)
		}
	}
	writeLedger(t, project, l, false)
	rewrite := commitAll(t, repo, "legacy rewrite")

	b, diags := release.Migrate(os.DirFS(project), release.Dir, readLedger(t, project))
	if b == nil {
		t.Fatalf("migrate: %s", text(diags))
	}
	writeFile(t, filepath.Join(project, "releases", "ledger.json"), b)
	diags = history(t, project)
	if len(errorsOf(diags)) > 0 {
		t.Errorf("an uncommitted migration:\n%s", text(diags))
	}
	commitAll(t, repo, "migrate")
	diags = history(t, project)
	if len(errorsOf(diags)) > 0 || len(diags) != 1 {
		t.Fatalf("the migration commit:\n%s", text(diags))
	}
	if want := "releases/ledger.json: warning: commit " + rewrite + " rewrote released history (before the ledger was chained): released file of eu version 2026-01-01 was changed in commit " + rewrite + " (and 1 more change)"; text(diags) != want+"\n" {
		t.Errorf("the legacy rewrite:\n%s\nwant\n%s", text(diags), want)
	}
	// After the migration, going back to the legacy format is an error.
	legacy(t, project)
	downgrade := commitAll(t, repo, "downgrade")
	if want := "releases/ledger.json: error: the chained ledger was turned back into the legacy format in commit " + downgrade; !strings.Contains(text(history(t, project)), want) {
		t.Errorf("lacks %q:\n%s", want, text(history(t, project)))
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	if err := os.RemoveAll(to); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// Rewrites that Verify cannot see, because the ledger was rewritten to
// match, are seen in the git history: committed or in the working tree.
func TestHistoryCatchesRewrites(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, project string, l *release.Ledger)
		want   []string // %s is the commit
	}{
		{"frozen file changed, ledger rechained", func(t *testing.T, project string, l *release.Ledger) {
			name := "eu/2026-01-01/notice.md"
			b := []byte("# eu notice\n\nNo rights at all.\n")
			writeFile(t, filepath.Join(project, "releases", filepath.FromSlash(name)), b)
			l.Versions[1].Files[name] = sum(b)
			writeLedger(t, project, l, true)
		}, []string{
			"releases/eu/2026-01-01/notice.md: error: released file of eu version 2026-01-01 was changed %s",
			"releases/ledger.json:18:5: error: versions[1]: the ledger entry for eu version 2026-01-01 was changed %s: its files changed",
		}},
		{"last version removed", func(t *testing.T, project string, l *release.Ledger) {
			l.Versions = l.Versions[:4]
			writeLedger(t, project, l, false)
			if err := os.RemoveAll(filepath.Join(project, "releases", "global", "2027-01-01")); err != nil {
				t.Fatal(err)
			}
		}, []string{
			"releases/global/2027-01-01/notice.json: error: released file of global version 2027-01-01 was removed %s",
			"releases/ledger.json: error: the ledger entry for global version 2027-01-01 was removed %s",
		}},
		{"last summary edited, rechained", func(t *testing.T, project string, l *release.Ledger) {
			l.Versions[4].Summary = "Nothing to see."
			writeLedger(t, project, l, true)
		}, []string{
			"error: versions[4]: the ledger entry for global version 2027-01-01 was changed %s: its summary changed",
		}},
		{"effective date moved, rechained", func(t *testing.T, project string, l *release.Ledger) {
			l.Versions[2].Effective = "2026-05-01"
			writeLedger(t, project, l, true)
		}, []string{
			"error: versions[2]: the ledger entry for eu version 2026-06-01 was changed %s: its effective date changed",
		}},
		{"entries reordered, rechained", func(t *testing.T, project string, l *release.Ledger) {
			l.Versions[2], l.Versions[3] = l.Versions[3], l.Versions[2]
			writeLedger(t, project, l, true)
		}, []string{
			"error: versions[3]: the ledger entry for eu version 2026-06-01 was changed %s: its prev changed",
		}},
		{"ledger deleted with the releases", func(t *testing.T, project string, l *release.Ledger) {
			if err := os.RemoveAll(filepath.Join(project, "releases")); err != nil {
				t.Fatal(err)
			}
		}, []string{
			"releases/eu/2026-06-01/notice.md: error: released file of eu version 2026-06-01 was removed %s",
			"releases/ledger.json: error: the ledger entry for eu version 2026-01-01 was removed %s",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			repo, project := gitRepo(t)
			writeHistory(t, project, fixtureSteps)
			commitAll(t, repo, "releases")
			tc.tamper(t, project, readLedger(t, project))
			check := func(where string) {
				t.Helper()
				diags := history(t, project)
				for _, w := range tc.want {
					if w := strings.ReplaceAll(w, "%s", where); !strings.Contains(text(diags), w) {
						t.Errorf("lacks %q:\n%s", w, text(diags))
					}
				}
			}
			check("in the working tree (not committed)")
			c := commitAll(t, repo, "rewrite")
			check("in commit " + c)
		})
	}
}

// A rewrite that a later commit undid is a warning: the record is again as
// released, and the history says that it was not for a while. The commit
// that restored it rewrote nothing and is not blamed.
func TestHistoryUndone(t *testing.T) {
	repo, project := gitRepo(t)
	writeHistory(t, project, fixtureSteps)
	commitAll(t, repo, "releases")
	name := filepath.Join(project, "releases", "eu", "2026-06-01", "notice.md")
	orig, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, name, []byte("edited by mistake\n"))
	mistake := commitAll(t, repo, "oops")
	if diags := errorsOf(history(t, project)); len(diags) != 1 {
		t.Errorf("the mistake:\n%s", text(diags))
	}
	writeFile(t, name, orig)
	fix := commitAll(t, repo, "restore")
	diags := history(t, project)
	if len(errorsOf(diags)) > 0 || diags.Count(diag.Warning) != 1 {
		t.Fatalf("the restored file:\n%s", text(diags))
	}
	if want := "warning: commit " + mistake + " rewrote released history (later undone"; !strings.Contains(text(diags), want) {
		t.Errorf("lacks %q:\n%s", want, text(diags))
	}
	if strings.Contains(text(diags), fix) {
		t.Errorf("blames the restoring commit %s:\n%s", fix, text(diags))
	}
}

// Without git, or outside a repository, the check says so and is skipped.
func TestHistoryWithoutGit(t *testing.T) {
	dir, l := fixture(t)
	diags := release.VerifyHistory(context.Background(), dir, l)
	if len(diags) != 1 || diags[0].Severity != diag.Info || !strings.Contains(diags[0].Message, "not in a git repository") {
		t.Errorf("outside a repository:\n%s", text(diags))
	}
	t.Setenv("PATH", t.TempDir())
	diags = release.VerifyHistory(context.Background(), dir, l)
	if len(diags) != 1 || diags[0].Severity != diag.Info || !strings.Contains(diags[0].Message, "git is not installed") {
		t.Errorf("without git:\n%s", text(diags))
	}
}

// A repository without commits is not checked, with a note.
func TestHistoryNoCommits(t *testing.T) {
	_, project := gitRepo(t)
	_, l := fixture(t)
	diags := release.VerifyHistory(context.Background(), project, l)
	if len(diags) != 1 || diags[0].Severity != diag.Info || !strings.Contains(diags[0].Message, "no commits yet") {
		t.Errorf("no commits:\n%s", text(diags))
	}
}

// A merge is compared with each of its parents: one that drops a release
// made on a branch rewrote the history.
func TestHistoryMergeDroppingRelease(t *testing.T) {
	repo, project := gitRepo(t)
	writeHistory(t, project, fixtureSteps[:2])
	commitAll(t, repo, "two releases")
	main := gitIn(t, repo, "branch", "--show-current")
	gitIn(t, repo, "checkout", "-q", "-b", "third")
	writeHistory(t, project, fixtureSteps[2:])
	commitAll(t, repo, "third release")
	gitIn(t, repo, "checkout", "-q", main)
	gitIn(t, repo, "merge", "-q", "-s", "ours", "-m", "merge, keeping ours", "third")
	merge := gitIn(t, repo, "rev-parse", "HEAD")[:12]
	got := text(history(t, project))
	for _, want := range []string{
		"releases/eu/2027-01-01/notice.json: error: released file of eu version 2027-01-01 was removed in commit " + merge,
		"releases/ledger.json: error: the ledger entry for global version 2027-01-01 was removed in commit " + merge,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}
