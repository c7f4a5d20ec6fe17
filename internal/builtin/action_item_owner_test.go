package builtin

import "testing"

func TestActionItemOwnerFixtures(t *testing.T) { runDocFixtures(t, "action-item-owner") }

func TestActionItemOwnerWordings(t *testing.T) {
	checkWordings(t, "action-item-owner", []wording{
		{"# Meeting notes\n\n## Action items\n\n- Y by Friday\n", true},
		{"# Meeting notes\n\n## Action items\n\n- Ana: Y\n", true},
		{"# Meeting notes\n\n## Action items\n\n- Ana: Y by Friday\n", false},
		{"# Meeting notes\n\n## Action items\n\n- Y (owner: Ana, due 3/14)\n", false},
		{"# Meeting notes\n\n## Action items\n\n- Ana & Bob: Y before the release\n", false},
		{"# Meeting notes\n\n## Action items\n\n- [ ] @ana Y EOW\n", false},
		{"# Meeting notes\n\n## Action items\n\n- Y - Ana - next meeting\n", false},
		{"# Meeting notes\n\n## Discussion\n\n- Y by Friday\n", false},
		{"# Weekly update\n\n## Next week\n\n- Y\n- [ ] Z\n", false},
		{"# Meeting notes\n\n## Action items\n\nBefore the next meeting:\n\n- collect the numbers (mw)\n- draft a proposal (maybe eddyb/niko?)\n", false},
		{"# Meeting notes\n\n## Action items\n\nBefore the next meeting:\n\n- collect the numbers (?)\n", true},
		{"# Meeting notes\n\n## Action items\n\n- port the parser (v2) by Friday\n", true},
		{"# Meeting notes\n\n## Action items\n\n- port the parser (optional) by Friday\n", true},
	})
}
