package builtin

import (
	"testing"

	"github.com/upward-lint/upward/internal/document"
)

func TestReadsAsMinutes(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"2. Water treatment plant upgrade: frankly a shambles. Programme attached.", true},
		{"4.2 Section 106 receipts. The contribution was not received.", true},
		{"Item 7 – Timetabling for September (clerk's note): honestly, this is a horror show.", true},
		{"Go-live readiness, item 2 (my assessment): it's too late to save this now.", true},
		{"2. Regulatory reporting: the wheels are coming off.\nNext review 7 May.", true},
		{"Sprint 44 retro, overall mood from me: catastrophe, top to bottom.", true},
		{"AOB: the fire drill moved again.", true},
		{"# Minutes of the board\n\nBudget: we're sunk.", true},
		{"# 1:1 notes, Sam\n\nHartwell Court: nightmare.", false},
		{"Hi Anita, today at the Westgate branch was a catastrophe.", false},
		{"- Hartwell Court: nightmare. Absolute meltdown.", false},
		{"goods in is a dumpster fire today", false},
		{"sprint 12 is a dumpster fire lol. anyway retro moved to 3pm tmrw", false},
		{"1. I'm in at 8 tomorrow", false},
		{"5. Staffing: two nurses are on leave.", true},
		{"2) Fleet – two vans failed their MOT.", true},
		{"Agenda item 3: the budget is 20% over.", true},
		{"3. Fundraising. The appeal closed short of target.", true},
		{"1. The server is down again.", false},
		{"3.13 Beta 1 draws near (feature freeze). Bugs are open.", false},
		{"Kitchen: the dishwasher is broken.", false},
		{"Hi Sam, 5. is the number of vans we are short this week.", false},
	} {
		doc := document.Parse(c.text, document.Options{Format: document.Markdown})
		bi := len(doc.Blocks) - 1
		if got := readsAsMinutes(doc, bi); got != c.want {
			t.Errorf("readsAsMinutes(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestTopicLineInMeetingNotes(t *testing.T) {
	doc := document.Parse("Kitchen: the dishwasher is broken.", document.Options{Format: document.Markdown, KindHint: document.KindMeetingNotes})
	if !readsAsMinutes(doc, 0) {
		t.Errorf("a topic line in meeting notes reads as minutes")
	}
}
