package builtin

import "testing"

func TestHedgingFixtures(t *testing.T) { runFixtures(t, "hedging") }
