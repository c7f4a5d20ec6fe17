package builtin

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/lint/linttest"
)

// docRuleIDs are the document rules, each with fixtures in
// testdata/rules/<id>.
var docRuleIDs = []string{"missing-next-steps", "missing-update-cadence", "missing-decisions", "missing-action-items", "action-item-owner"}

// TestDocumentRuleFixtures runs each document rule alone over its fixtures.
// Update the goldens with: go test ./internal/builtin -run DocumentRuleFixtures -update
func TestDocumentRuleFixtures(t *testing.T) {
	for _, id := range docRuleIDs {
		t.Run(id, func(t *testing.T) {
			linttest.Run(t, "../../testdata/rules/"+id, rule(t, id))
		})
	}
}

// TestDocumentRuleWordings checks many wordings of present and missing
// sections, one small document each. fire says whether the rule reports.
func TestDocumentRuleWordings(t *testing.T) {
	tests := []struct {
		rule, text string
		fire       bool
	}{
		// missing-next-steps
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Next steps\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Coming up\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Upcoming\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Todo\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Goals for next week\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Plans\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n\n## Looking ahead\n\n- Y\n", false},
		{"missing-next-steps", "# Weekly update\n\nShipped X. Tomorrow I'll start on Y.\n", false},
		{"missing-next-steps", "# Weekly update\n\nShipped X. We're planning to roll it out on Monday.\n", false},
		{"missing-next-steps", "# Weekly update\n\nShipped X. The plan is to roll it out on Monday.\n", false},
		{"missing-next-steps", "# Weekly update\n\nShipped X.\n\nNext, I'm porting Y.\n", false},
		{"missing-next-steps", "# Weekly update\n\n- Shipped X.\n- Reviewed the plans of the search team.\n- Fixed the flaky test.\n", true},
		{"missing-next-steps", "# Status report\n\nLast week we discussed the roadmap and closed two bugs.\n", true},
		// missing-update-cadence
		{"missing-update-cadence", "# Weekly update\n\nShipped X. I'll start Y.\n\nNext update: Friday.\n", false},
		{"missing-update-cadence", "# Weekly update\n\nShipped X. I'll send the next update on Friday.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X. I'll report back on Thursday.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X. You'll get these updates every Friday.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X. Talk to you next week!\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X. More in next week's report.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\n_Weekly status update, posted every Monday._\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X. I'll start Y next week.\n", true},
		{"missing-update-cadence", "# Platform status\n\n**Reporting period:** 1-7 July\n\nShipped X. Weekly sync with mentors went well.\n", true},
		{"missing-update-cadence", "# Status report\n\nShipped X. The next release update of the SDK is out.\n", true},
		{"missing-update-cadence", "# Status report\n\nShipped X. The next step is on the vendor's side.\n", true},
		// A cadence in other words, in the title or in the front matter.
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nThese go out every second Tuesday; the next is on 9 June.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nNext sprint report: 3 June\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nNext platform update – 3 June\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nThe next one goes out on Friday.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nThis newsletter goes out every Monday.\n", false},
		{"missing-update-cadence", "# Status report\n\nShipped X.\n\nThese are posted every other Friday.\n", false},
		{"missing-update-cadence", "# Weekly update\n\nShipped X. I'll start Y next week.\n", false},
		{"missing-update-cadence", "# Week 7 update\n\n**Reporting period:** 1-7 July\n\nShipped X.\n", false},
		{"missing-update-cadence", "# Sprint 14 report\n\nShipped X.\n", false},
		{"missing-update-cadence", "# Monthly update: search\n\nShipped X.\n", false},
		{"missing-update-cadence", "---\ntype: status\nnext_update: 2024-06-14\n---\n# Search\n\nShipped X.\n", false},
		{"missing-update-cadence", "---\ntype: status\nseries: Search weekly\n---\n# Search\n\nShipped X.\n", false},
		{"missing-update-cadence", "# Status report\n\nThe review was postponed until next week.\n", true},
		// missing-decisions
		{"missing-decisions", "# Meeting notes\n\n- Talked about X.\n\n## Outcomes\n\n- Ship X.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- Talked about X.\n\n## Agreed\n\n- Ship X.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- X: we will go with option B.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- X: the group resolved to ship on Friday.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- X: motion carried, 5 to 2.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- X: we decided to wait for v2.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- X: no decision yet; we need more data.\n- Y: not agreed, revisit next week.\n", true},
		{"missing-decisions", "# Meeting notes\n\n- X: agreement from the group to move forward.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- The council discussed and accepted PEP 701.\n", false},
		{"missing-decisions", "# Meeting notes\n\n- Submission made, waiting to hear if accepted.\n- Sponsor agreements were discussed.\n", true},
		{"missing-decisions", "# Meeting notes\n\n- X: we need to reach consensus before Friday.\n", true},
		{"missing-decisions", "# Meeting notes\n\n- Discussed the approved options for the budget.\n- Talked about the decision-making process.\n", true},
		// missing-action-items
		{"missing-action-items", "# Meeting notes\n\n- Agreed X.\n\n## Action points\n\n- Ana: Y by Friday\n", false},
		{"missing-action-items", "# Meeting notes\n\n- Agreed X.\n\n## Next steps\n\n- Ana: Y by Friday\n", false},
		{"missing-action-items", "# Meeting notes\n\n- Agreed X.\n\n## To-dos\n\n- Ana: Y by Friday\n", false},
		{"missing-action-items", "# Meeting notes\n\n- Agreed X.\n- AI: Ana to do Y by Friday.\n", false},
		{"missing-action-items", "# Meeting notes\n\n- Agreed X.\n- **Action**: Ana to do Y by Friday.\n", false},
		{"missing-action-items", "# Meeting notes\n\n- Agreed X. Ana will do Y.\n- Action-oriented people were praised.\n", true},
		// action-item-owner
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Y by Friday\n", true},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Ana: Y\n", true},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Ana: Y by Friday\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Y (owner: Ana, due 3/14)\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Ana & Bob: Y before the release\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- [ ] @ana Y EOW\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- Y - Ana - next meeting\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Discussion\n\n- Y by Friday\n", false},
		{"action-item-owner", "# Weekly update\n\n## Next week\n\n- Y\n- [ ] Z\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\nBefore the next meeting:\n\n- collect the numbers (mw)\n- draft a proposal (maybe eddyb/niko?)\n", false},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\nBefore the next meeting:\n\n- collect the numbers (?)\n", true},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- port the parser (v2) by Friday\n", true},
		{"action-item-owner", "# Meeting notes\n\n## Action items\n\n- port the parser (optional) by Friday\n", true},
	}
	for _, tc := range tests {
		doc := document.Parse(tc.text, document.Options{})
		fs := lint.Run(doc, []*lint.Rule{rule(t, tc.rule)}, lint.Options{})
		if got := len(fs) > 0; got != tc.fire {
			t.Errorf("%s on %q (kind %v): fired=%v, want %v", tc.rule, tc.text, doc.Kind, got, tc.fire)
		}
	}
}

// TestDocumentRuleExamples checks that each documented example of a
// document rule behaves as documented, and that Before fires and After
// does not.
func TestDocumentRuleExamples(t *testing.T) {
	for _, r := range documentRules() {
		if len(r.Examples) < 2 || r.Doc == "" || r.Before == "" || r.After == "" {
			t.Errorf("%s: needs docs, a before/after and at least two examples", r.ID)
		}
		fires := func(text string) bool {
			return len(lint.Run(document.Parse(text, document.Options{}), []*lint.Rule{r}, lint.Options{})) > 0
		}
		for _, ex := range r.Examples {
			if got := fires(ex.Text); got != ex.Hit {
				t.Errorf("%s: example %q: fired=%v, documented hit=%v", r.ID, ex.Text, got, ex.Hit)
			}
		}
		if !fires(r.Before) {
			t.Errorf("%s: Before does not fire:\n%s", r.ID, r.Before)
		}
		if fires(r.After) {
			t.Errorf("%s: After still fires:\n%s", r.ID, r.After)
		}
	}
}

// TestDocumentRuleFixApplied checks that applying a missing-section rule's
// fix silences it: the inserted skeleton is what the rule looks for.
func TestDocumentRuleFixApplied(t *testing.T) {
	docs := map[string]string{
		"missing-next-steps":     "# Weekly update\n\n- Shipped X.\n\n## Links\n\n- x\n",
		"missing-update-cadence": "# Status update\n\n- Shipped X.",
		"missing-decisions":      "# Meeting notes\r\n\r\n- Talked about X.\r\n\r\n## Action items\r\n\r\n- Ana: Y by Friday\r\n",
		"missing-action-items":   "Meeting notes\n\nTalked about X.\n",
		"action-item-owner":      "# Meeting notes\n\n## Action items\n\n- Update the plan.\n- Ana: review\n- Draft it by Friday\n",
	}
	for id, text := range docs {
		r := rule(t, id)
		format := document.Markdown
		if !strings.HasPrefix(text, "#") {
			format = document.PlainText
		}
		run := func(text string) []lint.Finding {
			return lint.Run(document.Parse(text, document.Options{Format: format}), []*lint.Rule{r}, lint.Options{})
		}
		fs := run(text)
		if len(fs) == 0 {
			t.Errorf("%s: no finding on %q", id, text)
			continue
		}
		for _, f := range fs {
			if len(f.Fixes) == 0 || !f.Fixes[0].NeedsInput {
				t.Errorf("%s: want a fix that needs input, got %+v", id, f.Fixes)
				continue
			}
			fixed, err := lint.ApplyEdits(text, f.Fixes[0].Edits)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(text, "\r\n") && strings.Count(fixed, "\n") != strings.Count(fixed, "\r\n") {
				t.Errorf("%s: fix mixes line endings: %q", id, fixed)
			}
			if n := len(run(fixed)); n >= len(fs) {
				t.Errorf("%s: after the fix still %d findings:\n%s", id, n, fixed)
			}
		}
	}
}

// FuzzDocumentRules checks, on any text of either kind, that findings lie
// within the text and that every fix applies cleanly, keeps UTF-8 valid and
// only inserts.
func FuzzDocumentRules(f *testing.F) {
	for _, s := range []string{
		"", "# Weekly update\n", "---\ntype: status\n---\n", "Title\r\n=====\r\n\r\n- [ ] x\r\n",
		"# Meeting notes\n\n## Action items\n\n- Ana: x\n  - y\n\n```\nNext steps\n```\n",
		"# Notes\n\n* Action items\n  * a - Bob\n\n**Decisions:**\n\n- ship\n", "#\n\n-\n\n- [x]\n\n> Action: quoted\n",
		"# 1:1 😀\n\nAction: ✓ 𐐀 by Friday.\n",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	rules := documentRules()
	f.Fuzz(func(t *testing.T, text string, status bool) {
		if !utf8.ValidString(text) {
			return
		}
		hint := document.KindMeetingNotes
		if status {
			hint = document.KindStatus
		}
		doc := document.Parse(text, document.Options{KindHint: hint})
		for _, fd := range lint.Run(doc, rules, lint.Options{}) {
			if fd.Span.Start < 0 || fd.Span.End > len(text) || fd.Span.Start > fd.Span.End {
				t.Fatalf("%s: span %v out of range for %d bytes", fd.RuleID, fd.Span, len(text))
			}
			for _, fx := range fd.Fixes {
				out, err := lint.ApplyEdits(text, fx.Edits)
				if err != nil {
					t.Fatalf("%s: fix %q: %v", fd.RuleID, fx.Title, err)
				}
				if !utf8.ValidString(out) {
					t.Fatalf("%s: fix %q breaks UTF-8", fd.RuleID, fx.Title)
				}
				// Document-rule fixes only insert text.
				for _, e := range fx.Edits {
					if e.Span.Len() != 0 {
						t.Fatalf("%s: fix %q replaces text; document rules only insert", fd.RuleID, fx.Title)
					}
				}
				if n := len(out) - len(text); n != totalNew(fx.Edits) {
					t.Fatalf("%s: fix grew the text by %d, want %d", fd.RuleID, n, totalNew(fx.Edits))
				}
			}
		}
	})
}

func totalNew(es []lint.Edit) int {
	n := 0
	for _, e := range es {
		n += len(e.NewText)
	}
	return n
}

func TestLineStarts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"", []int{0}},
		{"  a", []int{0}}, // the first line keeps its indentation
		{"a\n  b\n\tc", []int{0, 4, 7}},
		{"a\r\n b\r\n", []int{0, 4}}, // a blank last line is no start
		{"a\n\nb", []int{0, 2, 3}},   // an empty line starts at its "\n"
		{"a\n \t\r", []int{0}},
	} {
		if got := lineStarts(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("lineStarts(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
