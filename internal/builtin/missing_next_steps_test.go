package builtin

import "testing"

func TestMissingNextStepsFixtures(t *testing.T) { runDocFixtures(t, "missing-next-steps") }

func TestMissingNextStepsWordings(t *testing.T) {
	checkWordings(t, "missing-next-steps", []wording{
		{"# Weekly update\n\n- Shipped X.\n\n## Next steps\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Coming up\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Upcoming\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Todo\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Goals for next week\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Plans\n\n- Y\n", false},
		{"# Weekly update\n\n- Shipped X.\n\n## Looking ahead\n\n- Y\n", false},
		{"# Weekly update\n\nShipped X. Tomorrow I'll start on Y.\n", false},
		{"# Weekly update\n\nShipped X. We're planning to roll it out on Monday.\n", false},
		{"# Weekly update\n\nShipped X. The plan is to roll it out on Monday.\n", false},
		{"# Weekly update\n\nShipped X.\n\nNext, I'm porting Y.\n", false},
		{"# Weekly update\n\n- Shipped X.\n- Reviewed the plans of the search team.\n- Fixed the flaky test.\n", true},
		{"# Status report\n\nLast week we discussed the roadmap and closed two bugs.\n", true},
	})
}
