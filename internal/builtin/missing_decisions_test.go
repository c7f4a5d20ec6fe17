package builtin

import "testing"

func TestMissingDecisionsFixtures(t *testing.T) { runDocFixtures(t, "missing-decisions") }

func TestMissingDecisionsWordings(t *testing.T) {
	checkWordings(t, "missing-decisions", []wording{
		{"# Meeting notes\n\n- Talked about X.\n\n## Outcomes\n\n- Ship X.\n", false},
		{"# Meeting notes\n\n- Talked about X.\n\n## Agreed\n\n- Ship X.\n", false},
		{"# Meeting notes\n\n- X: we will go with option B.\n", false},
		{"# Meeting notes\n\n- X: the group resolved to ship on Friday.\n", false},
		{"# Meeting notes\n\n- X: motion carried, 5 to 2.\n", false},
		{"# Meeting notes\n\n- X: we decided to wait for v2.\n", false},
		{"# Meeting notes\n\n- X: no decision yet; we need more data.\n- Y: not agreed, revisit next week.\n", true},
		{"# Meeting notes\n\n- X: agreement from the group to move forward.\n", false},
		{"# Meeting notes\n\n- The council discussed and accepted PEP 701.\n", false},
		{"# Meeting notes\n\n- Submission made, waiting to hear if accepted.\n- Sponsor agreements were discussed.\n", true},
		{"# Meeting notes\n\n- X: we need to reach consensus before Friday.\n", true},
		{"# Meeting notes\n\n- Discussed the approved options for the budget.\n- Talked about the decision-making process.\n", true},
	})
}
