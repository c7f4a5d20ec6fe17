package builtin

import (
	"testing"

	"github.com/upward-lint/upward/internal/document"
)

func TestMinutesItem(t *testing.T) {
	for text, want := range map[string]bool{
		"5. Staffing: two nurses are on leave.":                    true,
		"2) Fleet – two vans failed their MOT.":                    true,
		"Item 6 – Pitch hire: Riverside FC asked to hire pitch 2.": true,
		"Agenda item 3: the budget is 20% over.":                   true,
		"4.2 Section 106 receipts. The contribution is overdue.":   true,
		"3. Fundraising. The appeal closed short of target.":       true,
		"1. The server is down again.":                             false,
		"3.13 Beta 1 draws near (feature freeze). Bugs are open.":  false,
		"Kitchen: the dishwasher is broken.":                       false, // not in notes
		"The vendor missed the deadline again.":                    false,
		"Hi Sam, 5. is the number of vans we are short this week.": false,
	} {
		doc := document.Parse(text, document.Options{Format: document.Markdown})
		if len(doc.Blocks) == 0 {
			t.Fatalf("%q: no block", text)
		}
		if got := minutesItem(doc, &doc.Blocks[0]); got != want {
			t.Errorf("minutesItem(%q) = %v, want %v", text, got, want)
		}
	}
	doc := document.Parse("Kitchen: the dishwasher is broken.", document.Options{Format: document.Markdown, KindHint: document.KindMeetingNotes})
	if !minutesItem(doc, &doc.Blocks[0]) {
		t.Errorf("a topic line in meeting notes is an item of minutes")
	}
}
