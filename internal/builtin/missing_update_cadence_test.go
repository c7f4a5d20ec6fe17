package builtin

import "testing"

func TestMissingUpdateCadenceFixtures(t *testing.T) { runDocFixtures(t, "missing-update-cadence") }

func TestMissingUpdateCadenceWordings(t *testing.T) {
	checkWordings(t, "missing-update-cadence", []wording{
		{"# Weekly update\n\nShipped X. I'll start Y.\n\nNext update: Friday.\n", false},
		{"# Weekly update\n\nShipped X. I'll send the next update on Friday.\n", false},
		{"# Status report\n\nShipped X. I'll report back on Thursday.\n", false},
		{"# Status report\n\nShipped X. You'll get these updates every Friday.\n", false},
		{"# Status report\n\nShipped X. Talk to you next week!\n", false},
		{"# Status report\n\nShipped X. More in next week's report.\n", false},
		{"# Status report\n\nShipped X.\n\n_Weekly status update, posted every Monday._\n", false},
		{"# Status report\n\nShipped X. I'll start Y next week.\n", true},
		{"# Platform status\n\n**Reporting period:** 1-7 July\n\nShipped X. Weekly sync with mentors went well.\n", true},
		{"# Status report\n\nShipped X. The next release update of the SDK is out.\n", true},
		{"# Status report\n\nShipped X. The next step is on the vendor's side.\n", true},
		// A cadence in other words, in the title or in the front matter.
		{"# Status report\n\nShipped X.\n\nThese go out every second Tuesday; the next is on 9 June.\n", false},
		{"# Status report\n\nShipped X.\n\nNext sprint report: 3 June\n", false},
		{"# Status report\n\nShipped X.\n\nNext platform update – 3 June\n", false},
		{"# Status report\n\nShipped X.\n\nThe next one goes out on Friday.\n", false},
		{"# Status report\n\nShipped X.\n\nThis newsletter goes out every Monday.\n", false},
		{"# Status report\n\nShipped X.\n\nThese are posted every other Friday.\n", false},
		{"# Weekly update\n\nShipped X. I'll start Y next week.\n", false},
		{"# Week 7 update\n\n**Reporting period:** 1-7 July\n\nShipped X.\n", false},
		{"# Sprint 14 report\n\nShipped X.\n", false},
		{"# Monthly update: search\n\nShipped X.\n", false},
		{"---\ntype: status\nnext_update: 2024-06-14\n---\n# Search\n\nShipped X.\n", false},
		{"---\ntype: status\nseries: Search weekly\n---\n# Search\n\nShipped X.\n", false},
		{"# Status report\n\nThe review was postponed until next week.\n", true},
	})
}
