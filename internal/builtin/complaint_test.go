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

func TestCleanFirst(t *testing.T) {
	kept := candidate{"Add a request", "The demo moved again, which is ridiculous. Could we [change] so that [outcome]?"}
	clean := candidate{"State the facts and ask for a change", "The demo moved to Tuesday. Could we agree [a way forward] by [date]?"}
	other := candidate{"Ask to be looped in", "Could you loop me in when the demo moves?"}
	if stillComplains(clean.text) || stillComplains(other.text) {
		t.Fatalf("a plain statement and request count as a complaint")
	}
	if !stillComplains(kept.text) {
		t.Fatalf("%q does not count as a complaint", kept.text)
	}
	got := cleanFirst([]candidate{kept, clean, other})
	if got[0] != clean || got[1] != other || got[2] != kept {
		t.Errorf("cleanFirst = %v, want the clean rewrites first, in their order", got)
	}
}
