package site

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// attrs finds what the regular expressions it replaced found, on random
// pages made of the characters that matter.
func TestAttrsMatchesTheRegexp(t *testing.T) {
	hrefRE := regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE := regexp.MustCompile(`\sid="([^"]*)"`)
	pieces := []string{" ", "\n", "\t", "=", `"`, "href", "src", "id", "xhref", "a", "<", ">", `="`, ` href="`, ` id="`, "é", "\v", "\f"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		page := []byte(b.String())
		for _, c := range []struct {
			re    *regexp.Regexp
			names []string
		}{{hrefRE, []string{"href", "src"}}, {idRE, []string{"id"}}} {
			var want, got [][2]int
			for _, m := range c.re.FindAllSubmatchIndex(page, -1) {
				want = append(want, [2]int{m[2], m[3]})
			}
			attrs(page, c.names, func(start, end int) { got = append(got, [2]int{start, end}) })
			if !slices.Equal(want, got) {
				t.Fatalf("%q, %v: attrs found %v, the regexp %v", page, c.names, got, want)
			}
		}
	}
}
