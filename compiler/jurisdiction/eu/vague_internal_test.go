package eu

import "testing"

// Criteria that set no period are refused whatever the wording around
// them; criteria that name the event or the law deciding it are not.
func TestVagueRetention(t *testing.T) {
	for s, want := range map[string]bool{
		"As long as necessary.": true,
		"  as long as   necessary for the purposes described in this policy. ": true,
		"Indefinitely": true,
		"As long as necessary to fulfil the purposes described in this policy.": true,
		"We keep it forever.":                                                    true,
		"for as long as we need it":                                              true,
		"As long as permitted by law.":                                           true,
		"Until you close your account, then 30 days.":                            false,
		"As long as necessary to comply with the Companies Act 2006 (six years)": false,
		"For the life of your account, plus 90 days for backups.":                false,
	} {
		if got := vagueRetention(s); got != want {
			t.Errorf("vagueRetention(%q) = %v, want %v", s, got, want)
		}
	}
}

// A legitimate interest made of the basis's own words names none.
func TestRestatesBasis(t *testing.T) {
	for s, want := range map[string]bool{
		"Our legitimate interests.":                   true,
		"Legitimate business interests pursued by us": true,
		"Art. 6(1)(f) GDPR":                           true,
		"":                                            true,
		"Keeping our service and our customers' data secure": false,
		"Telling customers about features they already use":  false,
		"Our legitimate interest in preventing fraud":        false,
	} {
		if got := restatesBasis(s); got != want {
			t.Errorf("restatesBasis(%q) = %v, want %v", s, got, want)
		}
	}
}

// A sentence asking for a payment is refused unless it says the request is
// free or the fee is only for manifestly unfounded or excessive requests.
func TestFeeSentences(t *testing.T) {
	for s, want := range map[string]bool{
		"Copies of your data cost $10 per request.":                                        true,
		"We charge an administrative fee for each request.":                                true,
		"Requests are free of charge.":                                                     false,
		"We do not charge for requests.":                                                   false,
		"We may charge a reasonable fee for manifestly unfounded or excessive requests.":   false,
		"We answer within one month.":                                                      false,
		"You will not have to pay for a request.":                                          false,
		"We may charge a reasonable fee based on administrative costs for further copies.": false,
		"We check your payment information before we answer.":                              false,
	} {
		bad := feeRE.MatchString(paymentDataRE.ReplaceAllString(s, "")) && !freeRE.MatchString(s) && !excessiveRE.MatchString(s)
		if bad != want {
			t.Errorf("%q: refused %v, want %v", s, bad, want)
		}
	}
}
