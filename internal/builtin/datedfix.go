package builtin

import (
	"fmt"
	"strings"

	"github.com/upward-lint/upward/internal/dates"
	"github.com/upward-lint/upward/internal/lint"
)

// withDates returns fx followed by its dated variants (see datedFixes).
func withDates(d lint.Dates, fx lint.Fix) []lint.Fix {
	return append([]lint.Fix{fx}, datedFixes(d, fx)...)
}

// datedFixes returns fx with its date placeholder filled in with real days
// counted from the document's day (see package dates): "by [Friday]"
// becomes "by end of today", "by tomorrow (Fri 4 Dec)", "by Friday 11 Dec"
// and "by Monday 14 Dec"; "[date]" becomes the next update's day ("Fri 11
// Dec"). There are none when the pass knows no day, or when fx has another
// placeholder too. They are choices only the writer can make, so they are
// marked NeedsInput: --fix and fix-all never pick one.
func datedFixes(d lint.Dates, fx lint.Fix) []lint.Fix {
	if d.Base.IsZero() || len(fx.Edits) != 1 {
		return nil
	}
	st, _ := dates.ParseStyle(d.Locale)
	today := d.Today
	if today.IsZero() {
		today = d.Base
	}
	e := fx.Edits[0]
	var out []lint.Fix
	fill := func(placeholder, with string) {
		i := strings.Index(e.NewText, placeholder)
		if i < 0 {
			return
		}
		text := e.NewText[:i] + with + e.NewText[i+len(placeholder):]
		if hasPlaceholder(text) {
			return
		}
		title := fmt.Sprintf("Say %q", with)
		if e.Span.Len() == 0 {
			title = fmt.Sprintf("Add %q", strings.TrimSpace(text))
		}
		out = append(out, lint.Fix{
			Title:      title,
			Edits:      []lint.Edit{{Span: e.Span, NewText: text}},
			NeedsInput: true,
		})
	}
	switch {
	case strings.Contains(e.NewText, "[date]"):
		fill("[date]", st.Short(dates.NextUpdate(d.Base), d.Base, today))
	case strings.Contains(e.NewText, "y [Friday]"):
		for _, dl := range dates.Deadlines(d.Base, today, st) {
			fill("by [Friday]", dl.Phrase)
			fill("By [Friday]", upperFirst(dl.Phrase))
		}
	case strings.Contains(e.NewText, "n [Friday]"):
		// A meeting is on a day: "on [Friday]" becomes "today", "tomorrow
		// (Fri 4 Dec)", "on Friday 11 Dec".
		for _, dl := range dates.Deadlines(d.Base, today, st) {
			day := strings.TrimPrefix(dl.Phrase, "by ")
			switch {
			case day == "end of today":
				day = "today"
			case strings.HasPrefix(day, "end of "):
				day = "on " + strings.TrimPrefix(day, "end of ")
			case !strings.HasPrefix(day, "tomorrow"):
				day = "on " + day
			}
			fill("on [Friday]", day)
			fill("On [Friday]", upperFirst(day))
		}
	}
	return out
}
