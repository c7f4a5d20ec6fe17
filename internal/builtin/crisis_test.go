package builtin

import "testing"

func TestCrisisFixtures(t *testing.T) { runFixtures(t, "crisis") }
