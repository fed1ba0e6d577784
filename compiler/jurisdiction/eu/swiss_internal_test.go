package eu

import "testing"

// An exemption text that cites a GDPR Art. 14(5) ground gets the matching
// paragraph of FADP Art. 20; one that cites none, or already the FADP, none.
func TestSwissExemption(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Telling everyone would take a disproportionate effort (GDPR Art. 14(5)(b)).", "20(2)(b)"},
		{"It is impossible to reach them (Art. 14(5)(b)).", "20(2)(a)"},
		{"They already have the information (GDPR Art. 14(5)(a)).", "20(1)(a)"},
		{"The law requires us to obtain it (GDPR Art. 14(5)(c)).", "20(1)(b)"},
		{"Professional secrecy (GDPR Art. 14(5)(d)).", "20(1)(c)"},
		{"It would seriously impair the research (GDPR Art. 14(5)(b)).", ""},
		{"A disproportionate effort (GDPR Art. 14(5)(b); FADP Art. 20(2)(b)).", ""},
		{"We publish this notice instead.", ""},
	} {
		if got := swissExemption(tc.text); got != tc.want {
			t.Errorf("swissExemption(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
