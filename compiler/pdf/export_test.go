package pdf

import "sync"

// Forget makes the next PDF typeset as the first of a process: the fonts
// read and parsed again, with none of the subsets earlier PDFs embedded,
// and no text kept parsed. Not for use while PDFs are typeset.
func Forget() {
	loadFaces = sync.OnceValues(readFaces)
	parsedRuns.Lock()
	parsedRuns.m = nil
	parsedRuns.Unlock()
}
