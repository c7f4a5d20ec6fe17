package summary

import (
	"os"
	"testing"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
)

// phrasesOnly keeps the learned model out, so the counts are the phrases'.
var phrasesOnly = func() *config.Config {
	c, err := config.Parse("/x/.upward.toml", []byte("[model]\nenabled = false\n"))
	if err != nil {
		panic(err)
	}
	return c
}()

func summarise(t *testing.T, path, text string) Summary {
	t.Helper()
	doc, fs := phrasesOnly.Lint(path, document.Markdown, text)
	return Of(doc, fs)
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"status report", `---
type: status
---
# Status report

- The vendor's sandbox keeps timing out.
- The migration won't make the Q3 date because of the vendor's rate limits.
- I'll send the rollback plan soon.

## Action items

- [ ] Update the runbook
- [ ] Review the load test
- [ ] Dana: book the room (due Friday)
`, "Status report · 3 framing findings (2 problem-only, 1 vague-timing) · no next-update date · 2 action items without owner"},
		{"meeting notes", `# Meeting notes: platform sync

Attendees: Priya, Marco

## Decisions

- Ship on Monday.
  - Marco tells support.
- Keep the old API until March.

Decision: the freeze moves to the 12th.

## Action items

- [ ] Priya: write the release note (due Friday)
- [ ] Marco: update the runbook (due Monday)
- [ ] Review the dashboards
`, "Meeting notes · 3 decisions · 3 action items (2 with owner, 1 without) · no framing findings"},
		{"meeting notes with nothing", "# Meeting notes\n\nAttendees: Priya\n\n## Discussion\n\n- Talked about the roadmap.\n",
			"Meeting notes · no decisions · no action items · no framing findings"},
		{"a note of no kind", "# Note for Sam\n\nSorry to bother you, but the report is ready.\n",
			"Document · 1 framing finding (1 hedging)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summarise(t, "doc.md", tc.text).String(); got != tc.want {
				t.Errorf("summary\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestSummaryOfExamples pins the summaries of the README's examples.
func TestSummaryOfExamples(t *testing.T) {
	for path, want := range map[string]string{
		"../../testdata/examples/meeting-notes.md": "Meeting notes · no decisions · 2 action items (1 with owner, 1 without) · 6 framing findings (2 problem-only, 2 hedging, 1 open-question, 1 vague-timing)",
	} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := summarise(t, path, string(b)).String(); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", path, got, want)
		}
	}
}

// TestOutline counts action items with and without owners and due dates
// the way action-item-owner sees them.
func TestOutline(t *testing.T) {
	doc, _ := config.Default().Lint("n.md", document.Markdown, "# Minutes\n\nAttendees: A, B\n\n## Action items\n\n- [ ] @sam: ship it (due Friday)\n- [ ] write docs\n- [x] done already\n\nAction: Priya to update the plan\n")
	o := builtin.DocumentOutline(doc)
	var owner, due int
	for _, it := range o.ActionItems {
		if it.Owner {
			owner++
		}
		if it.Due {
			due++
		}
	}
	if len(o.ActionItems) != 3 || owner != 2 || due != 1 {
		t.Errorf("outline: %d items, %d with owner, %d with due date; want 3, 2, 1: %+v", len(o.ActionItems), owner, due, o.ActionItems)
	}
}

// TestRuleOffSaysNothing: a document rule turned off leaves its verdict
// out of the summary.
func TestRuleOffSaysNothing(t *testing.T) {
	const report = "# Status report\n\nShipped the importer. Next I'll port the exporter.\n"
	if got := summarise(t, "r.md", report).String(); got != "Status report · no framing findings · no next-update date" {
		t.Errorf("summary %q", got)
	}
	cfg, err := config.Parse("/x/.upward.toml", []byte("[rules.missing-update-cadence]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := cfg.Lint("r.md", document.Markdown, report)
	if got := Of(doc, fs).String(); got != "Status report · no framing findings" {
		t.Errorf("with the rule off: %q", got)
	}
}
