// Package csvcell keeps the cells of the CSV files disclose writes (the
// site's data tables, the record of processing activities) text when a
// spreadsheet opens them.
//
// A spreadsheet (Excel, LibreOffice Calc, Google Sheets) runs a cell that
// starts with =, +, - or @ as a formula, and some trim spaces, tabs and line
// breaks before they look; a tab, carriage return or NUL at the start does
// the same. OWASP's advice (ASVS 1.2.10, "CSV and Formula Injection") is to
// escape such a cell with a leading single quote, which the spreadsheet
// reads as "text" and does not show. Only the start of a cell counts: a
// cell of several lines (values one a line) is one cell, and a spreadsheet
// evaluates it from its first character only.
package csvcell

import "strings"

// Text returns s as a cell that a spreadsheet reads as text: s itself, or,
// when s would start a formula, s after a single quote.
func Text(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune("\t\r\x00", rune(s[0])) {
		return "'" + s
	}
	if t := strings.TrimLeft(s, " \t\r\n"); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}
