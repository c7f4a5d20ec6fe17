package builtin

import "testing"

func TestHedgingFixtures(t *testing.T) { runFixtures(t, "hedging") }

func TestBaseOfPast(t *testing.T) {
	for past, want := range map[string]string{
		"swapped": "swap", "moved": "move", "applied": "apply", "asked": "ask", "joined": "join",
		"took": "take", "shared": "share", "booked": "book", "called": "", "waited": "wait", "hoped": "", "raced": "",
	} {
		got, ok := baseOfPast(past)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("baseOfPast(%q) = %q, %v; want %q", past, got, ok, want)
		}
	}
}
