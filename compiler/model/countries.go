package model

import (
	"slices"
	"strings"
	"sync"
)

// IsCountry reports whether code is an assigned ISO 3166-1 alpha-2 code
// (upper case), or XK (Kosovo, user-assigned but in common use).
func IsCountry(code string) bool {
	_, ok := countryNames[code]
	return ok
}

// CountryName returns the English short name of an ISO 3166-1 alpha-2 code,
// or the code itself when it is unknown.
func CountryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	return code
}

// commonCountryMistakes maps codes people write for a country to its ISO code.
var commonCountryMistakes = map[string]string{
	"UK": "GB", "EN": "GB", "ENG": "GB", "GBR": "GB", "USA": "US", "EL": "GR",
	"DEU": "DE", "FRA": "FR", "IRL": "IE", "CAN": "CA", "AUS": "AU", "IND": "IN",
}

// SuggestCountry returns the code s most likely means: its upper-case form,
// a common mistake (UK for GB) or a country's English name; "" if none.
func SuggestCountry(s string) string {
	up := strings.ToUpper(strings.TrimSpace(s))
	if IsCountry(up) {
		return up
	}
	if c, ok := commonCountryMistakes[up]; ok {
		return c
	}
	for code, name := range countryNames {
		if strings.EqualFold(name, s) {
			return code
		}
	}
	return ""
}

// CountryCodes returns every code IsCountry accepts, sorted.
func CountryCodes() []string {
	codes := make([]string, 0, len(countryNames))
	for c := range countryNames {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// StartsWithCountry reports whether s begins with a country's English name
// as a whole word ("United States", "Ireland"), so its capital stays.
func StartsWithCountry(s string) bool {
	if s == "" {
		return false
	}
	for _, name := range countriesByFirstByte()[s[0]] {
		if rest, ok := strings.CutPrefix(s, name); ok && (rest == "" || !isWordByte(rest[0])) {
			return true
		}
	}
	return false
}

// countriesByFirstByte holds the countries' English names by their first
// byte, so StartsWithCountry compares s with a few names, not all.
var countriesByFirstByte = sync.OnceValue(func() *[256][]string {
	var by [256][]string
	for _, name := range countryNames {
		if name != "" {
			by[name[0]] = append(by[name[0]], name)
		}
	}
	return &by
})

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
