package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/disclose-dev/disclose/compiler/diag"
)

// changedLines are the lines a change touched, by file (slash path from the
// project root), as a unified diff of the new files (git diff -U0) says.
type changedLines map[string][][2]int // [first, last] line ranges

// readChanged reads a unified diff file. An empty file changes nothing.
func readChanged(path string) (changedLines, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := changedLines{}
	file := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i]
			}
			file = ""
			if name != "/dev/null" {
				file = strings.TrimPrefix(name, "b/")
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a,b +c,d @@: the new file's lines c to c+d-1 (d is 1
			// when left out; 0 for a pure deletion, which touches no line of
			// the new file).
			f := strings.Fields(line)
			if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
				return nil, fmt.Errorf("%s:%d: not a unified diff hunk header: %q", path, n, line)
			}
			start, count, ok := strings.Cut(f[2][1:], ",")
			c, err := strconv.Atoi(start)
			d := 1
			if err == nil && ok {
				d, err = strconv.Atoi(count)
			}
			if err != nil {
				return nil, fmt.Errorf("%s:%d: not a unified diff hunk header: %q", path, n, line)
			}
			if d > 0 {
				out[file] = append(out[file], [2]int{c, c + d - 1})
			}
		}
	}
	return out, sc.Err()
}

// touches reports whether the change touched p's line.
func (c changedLines) touches(p diag.Pos) bool {
	for _, r := range c[p.File] {
		if p.Line >= r[0] && p.Line <= r[1] {
			return true
		}
	}
	return false
}

// changedFirst puts the diagnostics on changed lines first, keeping the
// order within each part: GitHub shows only the first ten error annotations
// of a step, and those should be the ones the pull request made.
func changedFirst(l diag.List, c changedLines) diag.List {
	out := slices.Clone(l)
	slices.SortStableFunc(out, func(a, b *diag.Diagnostic) int {
		ta, tb := c.touches(a.Pos), c.touches(b.Pos)
		switch {
		case ta == tb:
			return 0
		case ta:
			return -1
		}
		return 1
	})
	return out
}
