package pdf

import "sync"

// ForgetFonts makes the next PDF read and parse the fonts again, with none
// of the subsets earlier PDFs embedded: the first PDF of a process. Not
// for use while PDFs are typeset.
func ForgetFonts() { loadFaces = sync.OnceValues(readFaces) }
