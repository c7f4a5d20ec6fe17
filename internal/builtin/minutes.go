package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// readsAsMinutes reports whether block bi of doc reads as minutes, where a
// rewrite speaks for the meeting, not in the first person ("Proposed
// mitigation: [mitigation]." rather than "I propose [mitigation]."). A
// block does when
//
//   - it (or the list item that holds it) is a numbered item with a topic
//     label: "2. Water treatment plant upgrade: …", "4.2 Section 106
//     receipts. …";
//   - it names an agenda item: "Item 7 – Timetabling …", "Summer fete
//     (item 4): …";
//   - a line or sentence of it opens with a word only minutes use ("AOB",
//     "Action:", "Agreed:", "Decision:", "Next meeting …", "Apologies:",
//     "Went well:", "Clerk's note") or it names a retro or a meeting
//     ("Sprint 44 retro, overall mood: …", "Next review 7 May.", "for
//     the record");
//   - the document is meeting notes (not 1:1 notes) and the block opens
//     with a topic label: "Budget: …".
//
// Crisis and problem-only use it for their way forward in minutes.
func readsAsMinutes(doc *document.Document, bi int) bool {
	if doc == nil || bi < 0 || bi >= len(doc.Blocks) {
		return false
	}
	b := &doc.Blocks[bi]
	raw := doc.Text[b.Span.Start:b.Span.End]
	if b.Parent >= 0 && b.Parent < len(doc.Blocks) {
		p := doc.Blocks[b.Parent].Span
		if p.Start <= b.Span.Start {
			raw = doc.Text[p.Start:b.Span.End]
		}
	}
	if numberedTopic(raw) || agendaItemRE().MatchString(raw) || minuteCueRE().MatchString(raw) {
		return true
	}
	if doc.Kind != document.KindMeetingNotes || oneToOneRE().MatchString(doc.Title) {
		return false
	}
	return topicLabelRE().MatchString(strings.TrimSpace(b.Text))
}

// minutes is readsAsMinutes of the block v shows.
func (v blockView) minutes() bool { return readsAsMinutes(v.doc, v.idx) }

// numberedTopic reports whether text opens as a numbered item whose
// first words are a topic label ("2. Water treatment plant upgrade: …",
// "3) Rota – …"). A topic closed by a full stop is one only without a
// verb: "4.2 Section 106 receipts. The …", not "1. The server is down."
// nor a version's news, "3.13 Beta 1 draws near (feature freeze).".
func numberedTopic(text string) bool {
	m := numberedTopicRE().FindStringSubmatch(text)
	if m == nil {
		return false
	}
	return m[2] != "." || len(strings.Fields(m[1])) <= 4 && !strings.ContainsAny(m[1], "()") && !parse(m[1]).HasFiniteVerb()
}

// numberedTopicRE: a numbered item and its topic, then what closes it.
var numberedTopicRE = lazyRE(`^\s*(?:[-*+]\s+)?\d{1,2}(?:\.\d{1,2})?[.)]?\s+([^\n.:;!?–—]{2,60}?)(:|\.|\s[–—-])\s`)

// agendaItemRE: "Item 3 – …", "(item 4)", "item 2 (my assessment)".
var agendaItemRE = lazyRE(`(?i)\bitem\s+\d{1,2}(?:\.\d{1,2})?\b`)

// minuteCueRE: words that open a line or sentence only in minutes, or
// name the meeting the notes record.
var minuteCueRE = lazyRE(`(?im)(?:^|[.!?]\s+|^\s*[-*+]\s+)(?:AOB\b|Actions?:|Agreed:|Decisions?:|Resolved:|Apologies:|Attendees:|Present:|Minutes\b|Went well:|Didn't go well:|Did not go well:|Next (?:meeting|review)\b|(?:Clerk|Secretary|Chair)'s note)|^[^\n.:]{0,40}\bretro\b[^\n.]{0,40}:|\bfor the record\b|\bminuted\b|\b(?:last|previous|this) meeting\b`)

// topicLabelRE: a block that opens with a short label and a colon.
var topicLabelRE = lazyRE(`^[^\n.:;!?]{2,50}:\s`)

// oneToOneRE: the title of 1:1 notes, where the writer speaks for
// themself.
var oneToOneRE = lazyRE(`(?i)\b1:1\b|\b1-1\b|one[- ]to[- ]one|\b1on1\b`)

// minuteVoice puts the mitigation of each fix in the minutes' impersonal
// voice where the block reads as minutes (see readsAsMinutes): "To contain
// it, I propose [mitigation]." → "Proposed mitigation: [mitigation]."
func minuteVoice(v blockView, fs []lint.Fix) []lint.Fix {
	if !v.minutes() {
		return fs
	}
	for i := range fs {
		edits := make([]lint.Edit, len(fs[i].Edits))
		for j, e := range fs[i].Edits {
			e.NewText = firstPersonMitigation.Replace(e.NewText)
			edits[j] = e
		}
		fs[i].Edits = edits
	}
	return fs
}

// firstPersonMitigation turns the mitigations the rewrites offer in the
// first person into the minutes' form.
var firstPersonMitigation = strings.NewReplacer(
	"To contain it, I propose [mitigation].", minuteMitigation,
	"Instead, I propose [mitigation].", minuteMitigation,
)

// minuteMitigation is the mitigation a rewrite offers in minutes.
const minuteMitigation = "Proposed mitigation: [mitigation]."
