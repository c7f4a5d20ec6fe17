package builtin

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// TestDatedFixes: with the document's day known, vague-timing and
// missing-update-cadence offer real dates after their placeholder fix.
func TestDatedFixes(t *testing.T) {
	thu := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	opts := phrasesOnly
	opts.Dates = lint.Dates{Base: thu, Today: thu}
	apply := func(text string, fx lint.Fix) string {
		out, err := lint.ApplyEdits(text, fx.Edits)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tc := range []struct {
		rule, text string
		locale     string
		want       []string // the text after each fix, in order
	}{
		{"vague-timing", "I'll send it soon.", "", []string{
			"I'll send it by [Friday].",
			"I'll send it by end of today.",
			"I'll send it by tomorrow (Fri 4 Dec).",
			"I'll send it by Friday 11 Dec.",
			"I'll send it by Monday 14 Dec.",
		}},
		{"vague-timing", "Let's sit down and go through the rota in the near future.", "", []string{
			"Let's sit down and go through the rota on [Friday].",
			"Let's sit down and go through the rota today.",
			"Let's sit down and go through the rota tomorrow (Fri 4 Dec).",
			"Let's sit down and go through the rota on Friday 11 Dec.",
			"Let's sit down and go through the rota on Monday 14 Dec.",
		}},
		{"vague-timing", "ASAP, we will ship the fix.", "", []string{
			"By [Friday], we will ship the fix.",
			"By end of today, we will ship the fix.",
			"By tomorrow (Fri 4 Dec), we will ship the fix.",
			"By Friday 11 Dec, we will ship the fix.",
			"By Monday 14 Dec, we will ship the fix.",
		}},
		{"vague-timing", "I'll keep you posted.", "en-US", []string{
			"I'll send you an update by [Friday].",
			"I'll send you an update by end of today.",
			"I'll send you an update by tomorrow (Fri, Dec 4).",
			"I'll send you an update by Friday, Dec 11.",
			"I'll send you an update by Monday, Dec 14.",
		}},
		{"vague-timing", "Big news coming. Stay tuned.", "iso", []string{
			"Big news coming. Stay tuned. Next update: [date].",
			"Big news coming. Stay tuned. Next update: 2026-12-11.",
		}},
		{"missing-update-cadence", "# Status report\n\nShipped the importer.\n", "", []string{
			"# Status report\n\nShipped the importer.\n\nNext update: [date]\n",
			"# Status report\n\nShipped the importer.\n\nNext update: Fri 11 Dec\n",
		}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			o := opts
			o.Dates.Locale = tc.locale
			doc := document.Parse(tc.text, document.Options{})
			fs := lint.Run(doc, []*lint.Rule{rule(t, tc.rule)}, o)
			if len(fs) != 1 {
				t.Fatalf("findings %+v, want one", fs)
			}
			var got []string
			for i, fx := range fs[0].Fixes {
				got = append(got, apply(tc.text, fx))
				if i > 0 && (!fx.NeedsInput || fx.Preferred) {
					t.Errorf("dated fix %q: NeedsInput %v, Preferred %v; want a choice that --fix never makes", fx.Title, fx.NeedsInput, fx.Preferred)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("texts after each fix:\n%q\nwant\n%q", got, tc.want)
			}
			if fixed, n, _ := lint.FixAll(tc.text, fs); n != 0 || fixed != tc.text {
				t.Errorf("fix-all applied a date: %q", fixed)
			}
		})
	}
	// Titles say what the fix writes.
	doc := document.Parse("I'll send it soon.", document.Options{})
	fs := lint.Run(doc, []*lint.Rule{rule(t, "vague-timing")}, opts)
	var titles []string
	for _, fx := range fs[0].Fixes {
		titles = append(titles, fx.Title)
	}
	if want := `Say "by tomorrow (Fri 4 Dec)"`; !slices.Contains(titles, want) {
		t.Errorf("titles %q lack %q", titles, want)
	}
	// Without a day (the zero Dates), only the placeholder.
	fs = lint.Run(doc, []*lint.Rule{rule(t, "vague-timing")}, phrasesOnly)
	if len(fs[0].Fixes) != 1 || !strings.Contains(fs[0].Fixes[0].Edits[0].NewText, "[Friday]") {
		t.Errorf("fixes without a day: %+v", fs[0].Fixes)
	}
}
