package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/disclose-dev/disclose/compiler/change"
	"github.com/disclose-dev/disclose/compiler/review"
)

// Data text never mentions anyone or links an issue in the comment, and
// an email address stays whole.
func TestReviewTextMentionsNoOne(t *testing.T) {
	for in, want := range map[string]string{
		"Google Workspace @octocat":     "Google Workspace @\u200boctocat",
		"@acme/legal, see #12":          "@\u200bacme/legal, see \\#\u200b12",
		"acme/privacy#7":                "acme/privacy\\#\u200b7",
		"privacy@helpwise.example":      "privacy@helpwise.example",
		"(@legal)":                      "(@\u200blegal)",
		"a # heading and @ alone":       "a \\# heading and @ alone",
		"see GH-12, $5-$10":             "see GH-\u200b12, \\$5-\\$10",
		"**bold** [link](x) <b>|</b> ~": "\\*\\*bold\\*\\* \\[link\\](x) \\<b\\>\\|\\</b\\> \\~",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := htmlText("<b>@team</b> & #3"); got != "&lt;b&gt;@\u200bteam&lt;/b&gt; &amp; #\u200b3" {
		t.Errorf("htmlText: %q", got)
	}
}

// A review too long for one comment drops the excerpts, then change rows,
// and says so; it is measured in characters.
func TestReviewCommentFitsGitHub(t *testing.T) {
	r := &reviewComment{Result: review.Result{AsOf: "2027-01-04"}}
	for i := range 2000 {
		r.Changes = append(r.Changes, review.Change{Change: change.Change{Sentence: fmt.Sprintf("Retention of “Category %d” (with a long name, ünïcödé): 12 months → 36 months.", i), Material: i%2 == 0, Reason: "longer retention"}, Notices: []string{"Privacy Policy", "Supplemental European Privacy Notice"}})
	}
	r.Notices = []review.NoticeDiff{{Notice: "global", Title: "Privacy Policy", TextChanged: true}}
	full, c := r.full(), r.comment()
	if utf8.RuneCountInString(full) <= maxComment {
		t.Fatalf("the test review is only %d characters", utf8.RuneCountInString(full))
	}
	if n := utf8.RuneCountInString(c); n > maxComment {
		t.Errorf("the comment has %d characters, over %d", n, maxComment)
	}
	for _, s := range []string{"more changes, left out to fit GitHub's comment limit", "Redline excerpts are left out to fit GitHub's comment limit", "<sub>disclose"} {
		if !strings.Contains(c, s) {
			t.Errorf("the cut comment does not say %q", s)
		}
	}
	if !strings.Contains(full, "Category 1999") || strings.Contains(full, "left out") {
		t.Error("the job summary's review is not whole")
	}
}
