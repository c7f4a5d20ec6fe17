package builtin

import "testing"

func TestMissingActionItemsFixtures(t *testing.T) { runDocFixtures(t, "missing-action-items") }

func TestMissingActionItemsWordings(t *testing.T) {
	checkWordings(t, "missing-action-items", []wording{
		{"# Meeting notes\n\n- Agreed X.\n\n## Action points\n\n- Ana: Y by Friday\n", false},
		{"# Meeting notes\n\n- Agreed X.\n\n## Next steps\n\n- Ana: Y by Friday\n", false},
		{"# Meeting notes\n\n- Agreed X.\n\n## To-dos\n\n- Ana: Y by Friday\n", false},
		{"# Meeting notes\n\n- Agreed X.\n- AI: Ana to do Y by Friday.\n", false},
		{"# Meeting notes\n\n- Agreed X.\n- **Action**: Ana to do Y by Friday.\n", false},
		{"# Meeting notes\n\n- Agreed X. Ana will do Y.\n- Action-oriented people were praised.\n", true},
	})
}
