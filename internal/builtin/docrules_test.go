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

// runDocFixtures runs one document rule alone over its fixtures,
// testdata/rules/<id>/; each rule's _test.go calls it.
// Update the goldens with: go test ./internal/builtin -run Fixtures -update
func runDocFixtures(t *testing.T, id string) {
	linttest.Run(t, "../../testdata/rules/"+id, rule(t, id))
}

// A wording is a small document and whether a document rule reports it.
type wording struct {
	text string
	fire bool
}

// checkWordings checks many wordings of present and missing sections, one
// small document each, against document rule id.
func checkWordings(t *testing.T, id string, tests []wording) {
	t.Helper()
	for _, tc := range tests {
		doc := document.Parse(tc.text, document.Options{})
		fs := lint.Run(doc, []*lint.Rule{rule(t, id)}, lint.Options{})
		if got := len(fs) > 0; got != tc.fire {
			t.Errorf("%s on %q (kind %v): fired=%v, want %v", id, tc.text, doc.Kind, got, tc.fire)
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
