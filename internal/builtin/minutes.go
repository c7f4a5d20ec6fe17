package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// Minutes record what a meeting found and decided; a rewrite that speaks
// in the first person ("I propose …") reads as the minute-taker's own
// opinion slipped into the record. minutesItem is the one test of a
// block that reads as an item of minutes, for the rewrites that must
// speak impersonally there.

var (
	// numberedTopicRE: a numbered item that opens with its topic: "5.
	// Staffing: …", "2) Kitchen – …", "4.2 Section 106 receipts. The …".
	numberedTopicRE = lazyRE(`^[ \t]*\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+([\p{Lu}][^\n:.?!–—]{0,40}?)(:|[ \t][–—-]|\.)[ \t]`)
	// agendaItemRE: "Item 6 – Pitch hire: …", "Agenda item 3: …".
	agendaItemRE = lazyRE(`(?i)^[ \t]*(?:[-*+][ \t]+)?(?:agenda[ \t]+)?item[ \t]+\d{1,2}[a-z]?\b`)
	// topicLineRE: a line that opens with a short topic label: "Staffing:
	// …", "- Kitchen: …".
	topicLineRE = lazyRE(`^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?[\p{Lu}][\p{L}\p{N}&/'’ -]{0,30}:[ \t]`)
)

// minutesItem reports whether block b of doc reads as an item of
// minutes: a numbered item that opens with its topic ("5. Staffing: …"),
// an agenda item ("Item 6 – Pitch hire: …"), or, in meeting notes, a
// line that opens with a topic label ("Kitchen: …").
func minutesItem(doc *document.Document, b *document.Block) bool {
	src := doc.Text[b.Span.Start:b.Span.End]
	if agendaItemRE().MatchString(src) {
		return true
	}
	if m := numberedTopicRE().FindStringSubmatch(src); m != nil {
		// A topic closed by a full stop is a heading only without a verb:
		// "3. Fundraising. The appeal…", not "1. The server is down.".
		// "3.13 Beta 1 draws near (feature freeze)." is a version's news.
		return m[2] != "." || len(strings.Fields(m[1])) <= 4 && !strings.ContainsAny(m[1], "()") && !parse(m[1]).HasFiniteVerb()
	}
	return doc.Kind == document.KindMeetingNotes && topicLineRE().MatchString(src)
}
