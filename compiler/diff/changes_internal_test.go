package diff

import "testing"

// A change is kept for a notice that names its item as a whole word, not
// for one that merely contains the letters.
func TestNamesAreWholeWords(t *testing.T) {
	text := "you can download your data from our inbox; the laws of california apply. see also aws."
	for name, want := range map[string]bool{"Ads": false, "Box": false, "Law": false, "AWS": true, "California": true, "Download your data": true, "": false} {
		if got := names(text, []string{name}); got != want {
			t.Errorf("names(%q) = %v, want %v", name, got, want)
		}
	}
}

// Every reason has exactly one row in the materiality table: materiality is
// never guessed.
func TestEveryReasonHasARule(t *testing.T) {
	reasons := []Reason{NewPurpose, MorePurposes, NewCategory, NewRecipient, NewSubprocessor, NewDestination,
		NewSaleOrSharing, LongerRetention, LegalBasisChanged, NewAutomatedDecisions, DirectedToChildren, Removed,
		DestinationRemoved, SafeguardReplaced, SafeguardAddedOrRemoved, ShorterRetention, RightsChanged,
		ContactChanged, WordingChanged}
	rows := map[Reason]int{}
	for _, r := range Rules {
		rows[r.Reason]++
	}
	for _, r := range reasons {
		if rows[r] != 1 {
			t.Errorf("reason %q has %d rows in Rules, want 1", r, rows[r])
		}
	}
	if len(Rules) != len(reasons) {
		t.Errorf("Rules has %d rows for %d reasons", len(Rules), len(reasons))
	}
	defer func() {
		if recover() == nil {
			t.Error("material of a reason without a row did not panic")
		}
	}()
	material(Reason("made up"))
}
