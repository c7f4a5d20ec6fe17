package config

import (
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/lint"
)

// fixTexts returns the new texts of a finding's fixes of rule.
func fixTexts(fs []lint.Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if f.RuleID != rule {
			continue
		}
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				out = append(out, e.NewText)
			}
		}
	}
	return out
}

func hasText(texts []string, want string) bool {
	for _, t := range texts {
		if strings.Contains(t, want) {
			return true
		}
	}
	return false
}

// TestDates: the rewrites count from the document's own date (front
// matter, file name), else today, and a session notices when the date
// changes though the sentence does not.
func TestDates(t *testing.T) {
	t.Setenv("UPWARD_TODAY", "2026-12-03") // a Thursday
	const body = "# Notes\n\nI'll send it soon.\n"
	cfg, err := Parse("/p/.upward.toml", []byte(`locale = "en-GB"`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path, text, want string }{
		{"today", "notes/a.md", body, "by tomorrow (Fri 4 Dec)"},
		{"front matter", "notes/a.md", "---\ndate: 2026-12-30\n---\n" + body, "by tomorrow (Thu 31 Dec)"},
		{"year end", "notes/a.md", "---\ndate: 2026-12-31\n---\n" + body, "by tomorrow (Fri 1 Jan 2027)"},
		{"file name", "notes/2026-11-27-week.md", body, "by Monday 30 Nov"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, fs := lintString(tc.path, tc.text, cfg)
			if got := fixTexts(fs, "vague-timing"); !hasText(got, tc.want) {
				t.Errorf("fixes %q lack %q", got, tc.want)
			}
		})
	}

	// A session re-uses the sentence findings of unchanged pieces, but not
	// across a change of the document's date.
	var s LintCache
	para := strings.Repeat("Shipped the importer and closed the bugs.\n\n", 800)
	doc1 := "---\ndate: 2026-12-03\n---\n# Notes\n\n" + para + "# Plans\n\n" + para + "I'll send it soon.\n"
	doc2 := strings.Replace(doc1, "2026-12-03", "2026-12-10", 1)
	d, fs := s.Lint(cfg, "a.md", formatOf("a.md"), doc1)
	if len(d.Parts()) < 2 {
		t.Fatalf("the test document is one piece; it must be several to test the memo")
	}
	if got := fixTexts(fs, "vague-timing"); !hasText(got, "(Fri 4 Dec)") {
		t.Fatalf("first version: %q", got)
	}
	_, fs = s.Lint(cfg, "a.md", formatOf("a.md"), doc2)
	if got := fixTexts(fs, "vague-timing"); !hasText(got, "(Fri 11 Dec)") || hasText(got, "(Fri 4 Dec)") {
		t.Errorf("after the date moved a week: %q", got)
	}
}
