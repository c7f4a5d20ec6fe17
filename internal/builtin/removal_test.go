package builtin

import (
	"testing"

	"github.com/upward-lint/upward/internal/lint"
)

// TestRemovalFixes checks that removing a hedge leaves whole sentences in
// every context: after a greeting, a label, a bracket or an emoji, inside
// a clause, at the start, as a sentence or a paragraph of its own; and
// that a BOM and CRLF line endings survive.
func TestRemovalFixes(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Hi Dana, sorry to bother you, but the build is green.\n", "Hi Dana, the build is green.\n"},
		{"Note: sorry to bother you, but the build is green.\n", "Note: the build is green.\n"},
		{"**Update:** Sorry to bother you, but the build is green.\n", "**Update:** The build is green.\n"},
		{"The build (sorry to bother you, but it matters) is green.\n", "The build (it matters) is green.\n"},
		{"🚀 sorry to bother you, but the build is green.\n", "🚀 the build is green.\n"},
		{"sorry to bother you, but the build is green.\n", "the build is green.\n"},
		{"Sorry to bother you, but the build is green.\n", "The build is green.\n"},
		{"The report, I hope that's ok, is ready.\n", "The report is ready.\n"},
		{"We should cache the results, does that make sense?\n", "We should cache the results.\n"},
		{"Can we ship on Friday, if that makes sense?\n", "Can we ship on Friday?\n"},
		{"We could cache it if that makes sense and ship on Friday.\n", "We could cache it and ship on Friday.\n"},
		{"The build is green (sorry to bother you).\n", "The build is green.\n"},
		{"The build (sorry to bother you) is green.\n", "The build is green.\n"},
		{"The plan (could you maybe) needs review.\n", "The plan (could you) needs review.\n"},
		{"The report is ready and I know you're busy, but the build is green.\n", "The report is ready and the build is green.\n"},
		{"Sorry to bother you, but iOS 18 is out.\n", "iOS 18 is out.\n"},
		{"**Sorry to bother you**, but the report is ready.\n", "The report is ready.\n"},
		{"The build is green. Just checking in. Tests pass.\n", "The build is green. Tests pass.\n"},
		{"The build is green.\nJust checking in.\nTests pass.\n", "The build is green.\nTests pass.\n"},
		{"- Just checking in.\n  The build is green.\n", "- The build is green.\n"},
		{"Apologies in advance for the long doc.\n\nThe build is green.\n", "The build is green.\n"},
		{"The build is green.\n\nSorry for the long message.\n", "The build is green.\n"},
		{"Just checking in on the budget.\n", "Any update on the budget?\n"},
		{"Hi Dana, just checking in on the contract; the deadline is Friday.\n", "Hi Dana, any update on the contract? The deadline is Friday.\n"},
		{"Just checking in with you about the PR I sent on Tuesday.\n", "Any update about the PR I sent on Tuesday?\n"},
		{"I just wanted to say thanks.\n", "Thanks.\n"},
		{"Hi Dana, I was wondering if you could review it.\n", "Hi Dana, could you review it?\n"},
		{"Hi Dana, sorry for the delay.\n", "Hi Dana, thank you for your patience.\n"},
		{"\ufeffSorry to bother you, but the report is ready.\r\nDana owns the pager.\r\n", "\ufeffThe report is ready.\r\nDana owns the pager.\r\n"},
		{"The build is green.\r\nJust checking in.\r\nTests pass.\r\n", "The build is green.\r\nTests pass.\r\n"},
	}
	for _, tc := range tests {
		doc, fs := run(t, "hedging", tc.text)
		got, n, err := lint.FixAll(doc.Text, fs)
		if err != nil || n != 1 || got != tc.want {
			t.Errorf("fix of %q:\n got %q (%d fixed, %v)\nwant %q", tc.text, got, n, err, tc.want)
		}
	}
	// No fix where none is safe: a fragment, a bare label, a person.
	for _, text := range []string{
		"Sorry for the delay in replying, the numbers are in.\n",
		"Note: just checking in.\n",
		"Just checking in on you.\n",
		"Apologies in advance for the long doc.\n",
		"- Just checking in.\n",
		"Michael correct me if I'm wrong but we don't have that in place, right?\n",
	} {
		doc, fs := run(t, "hedging", text)
		if len(fs) != 1 {
			t.Errorf("%q: %d findings, want 1", text, len(fs))
			continue
		}
		if got, n, _ := lint.FixAll(doc.Text, fs); n != 0 {
			t.Errorf("%q: fixed to %q, want no fix", text, got)
		}
	}
}
