package builtin

import "testing"

func TestOpenQuestionFixtures(t *testing.T) { runFixtures(t, "open-question") }
