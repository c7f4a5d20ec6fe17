package builtin

import "testing"

func TestProblemOnlyFixtures(t *testing.T) { runFixtures(t, "problem-only") }
