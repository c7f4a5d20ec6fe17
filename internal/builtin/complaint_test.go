package builtin

import "testing"

func TestComplaintFixtures(t *testing.T) { runFixtures(t, "complaint") }

func TestGrievanceOpener(t *testing.T) {
	for _, c := range []struct {
		opener, next string
		want         bool
	}{
		{"as usual,", "the", true},
		{"as always,", "thanks", false},
		{"frankly,", "this", true},
		{"frankly,", "i", false},
		{"of course,", "nobody", true},
		{"of course,", "the", false},
	} {
		if got := grievanceOpener(c.opener, c.next); got != c.want {
			t.Errorf("grievanceOpener(%q, %q) = %v, want %v", c.opener, c.next, got, c.want)
		}
	}
}
