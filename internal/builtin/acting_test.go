package builtin

import "testing"

func TestActing(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Dana is asking Ops for more disk.", true},
		{"Dana is having trouble with it.", false},
		{"The build is failing.", false},
		{"I'm rolling back the deploy.", true},
		{"We're seeing errors.", false},
		{"I've added an alert.", true},
		{"We have scaled the pool.", true},
		{"I have concerns about it.", false},
		{"Nobody is fixing it.", false},
		{"Ana will move it to Monday.", true},
		{"It is not working.", false},
	} {
		if got := acting(c.text); got != c.want {
			t.Errorf("acting(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
