package builtin

import (
	"regexp"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// The five document rules: four that look for a missing part of a status
// report or meeting notes, and action-item-owner, which checks each action
// item. Their phrase patterns live in rules/<id>.toml.

func documentRules() []*lint.Rule {
	owner, actionSections := actionItemOwner()
	return []*lint.Rule{
		missingSection("missing-next-steps", sectionSpec{
			openTasks: true,
			fix: func(doc *document.Document) lint.Edit {
				return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Next steps", "- [next step]")...)
			},
		}),
		missingSection("missing-update-cadence", sectionSpec{
			fix: func(doc *document.Document) lint.Edit {
				return insertBlock(doc.Text, len(doc.Text), "Next update: [date]")
			},
		}),
		missingSection("missing-decisions", sectionSpec{
			fix: func(doc *document.Document) lint.Edit {
				// Before the action items, as a sibling of their section;
				// else at the end.
				at, level := endInsertion(doc), sectionLevel(doc)
				if h := firstHeadingMatching(doc, actionSections); h >= 0 && !isFirstHeading(doc, h) {
					at, level = docLineStart(doc.Text, doc.Blocks[h].Span.Start), doc.Blocks[h].Level
				}
				return insertBlock(doc.Text, at, sectionLines(doc, level, "Decisions", "- [decision]")...)
			},
		}),
		missingSection("missing-action-items", sectionSpec{
			anyTasks:  true,
			lineStart: true,
			fix: func(doc *document.Document) lint.Edit {
				return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Action items", "- [ ] [owner]: [task] (due [date])")...)
			},
		}),
		owner,
	}
}

// sectionSpec is what differs between the missing-section rules.
type sectionSpec struct {
	// openTasks: an unticked task item counts as the thing looked for;
	// anyTasks: any task item does.
	openTasks, anyTasks bool
	// lineStart: line patterns must match at the start of a block's prose
	// (they are labels such as "Action:"), not anywhere in it.
	lineStart bool
	// fix builds the insertion for a document that lacks the section.
	fix func(*document.Document) lint.Edit
}

// missingSection builds a rule that reports a document with no heading
// matching phrases.headings and no block matching phrases.lines (unless
// negated by phrases.negations just before the match).
func missingSection(id string, spec sectionSpec) *lint.Rule {
	r, rf := mustLoad(id)
	headings := docCompile(id, "headings", "(?i)", rf.Phrases["headings"])
	lines := docCompile(id, "lines", "(?i)", rf.Phrases["lines"])
	negations := docCompile(id, "negations", "(?i)", rf.Phrases["negations"])
	msg, title := rf.Messages["missing"], rf.Messages["fix"]
	r.Run = func(p *lint.Pass) {
		doc := p.Doc
		extra := docExtraPatterns(p.Extra)
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind == document.TaskItem && (spec.anyTasks || spec.openTasks && !b.Checked) {
				return
			}
			_, t, _, ok := proseText(doc, i)
			if !ok {
				continue
			}
			t = docNormalize(t)
			if b.Kind == document.Heading {
				if headings.matchAny(t) || extra.matchAny(t) {
					return
				}
				continue
			}
			if extra.matchAny(t) || isPseudoHeading(t, headings) {
				return
			}
			if spec.lineStart {
				// Labels start a line of the block; they are short.
				for _, ls := range lineStarts(t) {
					head := t[ls:min(len(t), ls+80)]
					found := lines.present(docLower(head))
					for k, re := range lines.re {
						if lines.may(k, found) {
							if loc := re.FindStringIndex(head); loc != nil && loc[0] == 0 {
								return
							}
						}
					}
				}
				continue
			}
			// Match sentence by sentence, and only sentences that pass the
			// prefilter: the regexps never scan the whole block.
			sents := blockSentences(doc, i, t)
			sentFound := make([][]bool, len(sents))
			for j, s := range sents {
				sentFound[j] = lines.present(docLower(s))
			}
			for k, re := range lines.re {
				for j, s := range sents {
					if !lines.may(k, sentFound[j]) {
						continue
					}
					for _, loc := range re.FindAllStringIndex(s, -1) {
						// Negations look at the few words just before the match.
						if !negations.matchAny(s[max(0, loc[0]-negationWindow):loc[0]]) {
							return
						}
					}
				}
			}
		}
		p.Report(lint.Finding{
			Span:    titleSpan(doc),
			Message: msg,
			Fixes: []lint.Fix{{
				Title: title, Edits: []lint.Edit{spec.fix(doc)}, NeedsInput: true, Preferred: true,
			}},
		})
	}
	return r
}

// blockSentences returns the normalized masked text of each sentence of
// block i's own prose, or t (its normalized prose) if it has no sentences.
func blockSentences(doc *document.Document, i int, t string) []string {
	b := &doc.Blocks[i]
	sp, ok := proseSpan(doc, i)
	var out []string
	for _, s := range b.Sentences {
		if !ok || s.End <= sp.Start || s.Start >= sp.End {
			continue
		}
		start, end := max(s.Start, sp.Start)-b.Span.Start, min(s.End, sp.End)-b.Span.Start
		out = append(out, docNormalize(b.Text[start:end]))
	}
	if len(out) == 0 {
		out = []string{t}
	}
	return out
}

// isPseudoHeading reports whether t, the prose of a paragraph or list
// item, stands in for a heading: a heading phrase alone, or a few words
// starting with one and ending in a colon ("* Decisions", "**Action items
// for next week:**"). "Name resolution", "Joyee next steps" or "todos all
// addressed" are not headings.
func isPseudoHeading(t string, headings *docPatterns) bool {
	t = strings.TrimSpace(t)
	colon := strings.HasSuffix(t, ":")
	t = strings.TrimRight(t, ": ")
	if t == "" || len(strings.Fields(t)) > 4 || strings.ContainsAny(t, ".!?") {
		return false
	}
	found := headings.present(docLower(t))
	for k, re := range headings.re {
		if headings.may(k, found) {
			// The phrase must be all of it, or start a "…:" label.
			if loc := re.FindStringIndex(t); loc != nil && loc[0] == 0 && (colon || loc[1] == len(t)) {
				return true
			}
		}
	}
	return false
}

// lineStarts returns the offsets in t where a line's text starts.
func lineStarts(t string) []int {
	starts := []int{0}
	for i := 0; i < len(t); i++ {
		if t[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(t) && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r') {
			j++
		}
		if j < len(t) {
			starts = append(starts, j)
		}
	}
	return starts
}

// negationWindow is how many bytes before a match the negation patterns
// see: enough for the five words they look at.
const negationWindow = 60

// docExtraPatterns turns the phrases a config adds to a rule into
// case-insensitive literal matchers.
func docExtraPatterns(extra []string) *docPatterns {
	var res []*regexp.Regexp
	for _, e := range extra {
		if e = strings.TrimSpace(e); e != "" {
			res = append(res, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(e)))
		}
	}
	return newDocPatterns(res)
}

// firstHeadingMatching returns the index of the first heading whose prose
// matches one of res, or -1.
func firstHeadingMatching(doc *document.Document, res *docPatterns) int {
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind != document.Heading {
			continue
		}
		if _, t, _, ok := proseText(doc, i); ok && res.matchAny(docNormalize(t)) {
			return i
		}
	}
	return -1
}

// actionItemOwner builds the rule that checks each action item for an owner
// and a due date. It also returns the patterns of action-item section
// headings in meeting notes, before which missing-decisions inserts.
func actionItemOwner() (*lint.Rule, *docPatterns) {
	const id = "action-item-owner"
	r, rf := mustLoad(id)
	meeting := docCompile(id, "meeting_sections", "(?i)", rf.Phrases["meeting_sections"])
	status := docCompile(id, "status_sections", "(?i)", rf.Phrases["status_sections"])
	labels := docCompile(id, "labels", "(?i)", rf.Phrases["labels"])
	owners := docCompile(id, "owner", "", rf.Phrases["owner"])
	dues := docCompile(id, "due", "(?i)", rf.Phrases["due"])
	notNames := map[string]bool{}
	for _, w := range rf.Phrases["notnames"] {
		notNames[strings.ToLower(w)] = true
	}
	m := rf.Messages
	r.Run = func(p *lint.Pass) {
		doc := p.Doc
		sections := meeting
		if doc.Kind == document.KindStatus {
			sections = status
		}
		// actionHead[h] is set for headings of action-item sections and
		// the headings nested under them.
		actionHead := make([]bool, len(doc.Blocks))
		var stack []int // enclosing headings, outermost first
		for h := range doc.Blocks {
			hb := &doc.Blocks[h]
			if hb.Kind != document.Heading {
				continue
			}
			for len(stack) > 0 && doc.Blocks[stack[len(stack)-1]].Level >= hb.Level {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 && actionHead[stack[len(stack)-1]] {
				actionHead[h] = true
			} else if _, t, _, ok := proseText(doc, h); ok && sections.matchAny(docNormalize(t)) {
				actionHead[h] = true
			}
			stack = append(stack, h)
		}
		isItem := make([]bool, len(doc.Blocks))
		// pseudo marks list items that stand in for an action-items
		// heading ("* Action items"); afterPseudo is set after such a
		// paragraph ("**Action items:**") until the list that follows ends.
		pseudo := make([]bool, len(doc.Blocks))
		afterPseudo := false
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind == document.Heading || b.Kind == document.TableCell {
				afterPseudo = false
				continue
			}
			if b.Parent >= 0 && isItem[b.Parent] {
				continue // a sub-bullet of an action item is part of it
			}
			sp, t, start, ok := proseText(doc, i)
			if !ok {
				continue
			}
			if isPseudoHeading(docNormalize(t), sections) {
				pseudo[i] = true
				afterPseudo = b.Kind == document.Paragraph
				continue
			}
			if b.Kind == document.Paragraph && b.Parent < 0 {
				afterPseudo = false
			}
			if b.Checked {
				continue
			}
			// The task text starts after an "Action:" label, if a line of
			// the block starts with one; the finding covers that line on.
			labelled := false
		label:
			for _, ls := range lineStarts(t) {
				for _, re := range labels.re {
					if loc := re.FindStringIndex(t[ls:min(len(t), ls+80)]); loc != nil && loc[0] == 0 {
						labelled = true
						sp.Start = start + ls
						t = t[ls+loc[1]:]
						start += ls + loc[1]
						break label
					}
				}
			}
			t = docNormalize(t)
			inSection := b.Kind != document.Paragraph &&
				(b.Section >= 0 && actionHead[b.Section] || b.Parent >= 0 && pseudo[b.Parent] || b.Parent < 0 && afterPseudo)
			item := labelled || inSection || b.Kind == document.TaskItem && doc.Kind != document.KindStatus
			if !item {
				continue
			}
			isItem[i] = true
			hasOwner := hasOwner(owners, notNames, t)
			hasDue := dues.matchAny(t) || inSection && sectionDue(doc, i, dues)
			if hasOwner && hasDue {
				continue
			}
			var fix lint.Fix
			var msg string
			// "Action: [owner] to update …" reads better than "Action: [owner]: …".
			ownerText := "[owner]: "
			if labelled {
				ownerText = "[owner] to "
			}
			end := dueInsertion(doc.Text, sp)
			switch {
			case !hasOwner && !hasDue && end <= start:
				// A bare label ("Action:"): fill in the whole skeleton.
				msg = m["both"]
				sep := ""
				if start > 0 && !docIsSpace(doc.Text[start-1]) {
					sep = " "
				}
				fix = lint.Fix{Title: m["fix"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: sep + ownerText + "[task] (due [date])"},
				}}
			case !hasOwner && !hasDue:
				msg = m["both"]
				fix = lint.Fix{Title: m["fix"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: ownerText},
					{Span: document.Span{Start: end, End: end}, NewText: " (due [date])"},
				}}
			case !hasOwner:
				msg = m["owner"]
				fix = lint.Fix{Title: m["fixowner"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: ownerText},
				}}
			default:
				msg = m["due"]
				fix = lint.Fix{Title: m["fixdue"], Edits: []lint.Edit{
					{Span: document.Span{Start: end, End: end}, NewText: " (due [date])"},
				}}
			}
			fix.NeedsInput, fix.Preferred = true, true
			p.Report(lint.Finding{Span: sp, Message: msg, Fixes: []lint.Fix{fix}})
		}
	}
	return r, meeting
}

// ownerWord matches the words of an owner match.
var ownerWord = regexp.MustCompile(`[A-Za-z]+`)

// hasOwner reports whether the task text t names an owner: a match of one
// of owners whose first word (after "maybe", "perhaps") is not in notNames
// (lower-case).
func hasOwner(owners *docPatterns, notNames map[string]bool, t string) bool {
	found := owners.present(docLower(t))
	for k, re := range owners.re {
		if !owners.may(k, found) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(t, -1) {
			first := ""
			for _, w := range ownerWord.FindAllString(t[loc[0]:loc[1]], -1) {
				if w = strings.ToLower(w); w != "maybe" && w != "perhaps" && w != "probably" {
					first = w
					break
				}
			}
			if first != "" && notNames[first] {
				continue
			}
			return true
		}
	}
	return false
}

// sectionDue reports whether the heading of the action-item section of
// block i, or a paragraph of that section before block i, gives a due date
// for all its items ("Before the next meeting:").
func sectionDue(doc *document.Document, i int, dues *docPatterns) bool {
	h := doc.Blocks[i].Section
	if h < 0 {
		return false
	}
	for k := h; k < i; k++ {
		if k != h && (doc.Blocks[k].Section != h || doc.Blocks[k].Kind != document.Paragraph) {
			continue
		}
		if _, t, _, ok := proseText(doc, k); ok && dues.matchAny(docNormalize(t)) {
			return true
		}
	}
	return false
}

// dueInsertion is where " (due [date])" goes: at the end of the item's
// prose, before a final full stop.
func dueInsertion(text string, sp document.Span) int {
	end := sp.End
	if end-1 > sp.Start && text[end-1] == '.' && text[end-2] != '.' {
		end--
	}
	return end
}
