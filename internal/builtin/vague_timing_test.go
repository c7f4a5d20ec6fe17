package builtin

import "testing"

func TestVagueTimingFixtures(t *testing.T) { runFixtures(t, "vague-timing") }
