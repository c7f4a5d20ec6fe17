package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// actionItemOwner is rules/action-item-owner.toml as the rule's code uses
// it (see bind).
var actionItemOwner = bind("action-item-owner", func(b *binder) *actionItemOwnerFile {
	f := &actionItemOwnerFile{
		meeting:  b.patterns("meeting_sections"),
		status:   b.patterns("status_sections"),
		labels:   b.patterns("labels"),
		owners:   b.patterns("owner"),
		dues:     b.patterns("due"),
		notNames: b.words("notnames"),
	}
	f.msg.both, f.msg.owner, f.msg.due = b.message("both"), b.message("owner"), b.message("due")
	f.msg.fix, f.msg.fixOwner, f.msg.fixDue = b.message("fix"), b.message("fixowner"), b.message("fixdue")
	return f
})

type actionItemOwnerFile struct {
	// meeting and status match the headings of action-item sections in
	// meeting notes and in status reports; labels the label that makes a
	// line an action item ("Action:"); owners and dues an owner and a due
	// date in an item's text. notNames are the words that look like a
	// name in an owner match but are not.
	meeting, status, labels, owners, dues patternGroup
	notNames                              []string
	msg                                   struct{ both, owner, due, fix, fixOwner, fixDue string }

	pats actionItemPatterns // compiled (see compileDocRules)
}

type actionItemPatterns struct {
	meeting, status, labels, owners, dues *docPatterns
	notNames                              map[string]bool // lower-case
	// Facts of a block: whether it is a heading of, or stands in for a
	// heading of, an action-item section of meeting notes or a status
	// report; where its label ends (see labelAt); whether the task after
	// the label names an owner (1) and a due date (2).
	meetingHead, statusHead, meetingPseudo, statusPseudo, label, ownerDue *blockFact
}

func (f *actionItemOwnerFile) compile() {
	ps := &f.pats
	ps.meeting, ps.status, ps.labels = f.meeting.compile(), f.status.compile(), f.labels.compile()
	ps.owners, ps.dues = f.owners.compile(), f.dues.compile()
	ps.notNames = make(map[string]bool, len(f.notNames))
	for _, w := range f.notNames {
		ps.notNames[strings.ToLower(w)] = true
	}
	matches := func(g *docPatterns) *blockFact {
		return newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
			return b2i(g.matchAnyFound(db.norm, db.found))
		})
	}
	pseudo := func(g *docPatterns) *blockFact {
		return newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
			return b2i(isPseudoHeading(db.norm, g, db.found))
		})
	}
	ps.meetingHead, ps.statusHead = matches(ps.meeting), matches(ps.status)
	ps.meetingPseudo, ps.statusPseudo = pseudo(ps.meeting), pseudo(ps.status)
	ps.label = newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
		ls, end := labelAt(ps.labels, db)
		return int64(ls)<<32 | int64(end+1) // 0: no label
	})
	ps.ownerDue = newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
		t := db.text
		if ls, end := labelAt(ps.labels, db); end >= 0 {
			t = t[ls+end:]
		}
		t = docNormalize(t)
		v := int64(0)
		if ps.owners.mayAny(db.found) && hasOwner(ps.owners, ps.notNames, t) {
			v |= 1
		}
		if ps.dues.mayAny(db.found) && ps.dues.matchAny(t) {
			v |= 2
		}
		return v
	})
}

// actionItemOwnerRule builds the rule that checks each action item for an
// owner and a due date: one finding for an item that lacks either or both.
func actionItemOwnerRule() *lint.Rule {
	r, _ := mustLoad("action-item-owner")
	r.Run = func(p *lint.Pass) {
		compileDocRules()
		for _, it := range actionItemOwner.items(p.Doc, docStruct(p)) {
			if !it.Owner || !it.Due {
				p.Report(actionItemOwner.finding(p.Doc.Text, it))
			}
		}
	}
	return r
}

// actionItemsOf returns the action items of doc (see DocumentOutline).
func actionItemsOf(doc *document.Document) []ActionItem {
	compileDocRules()
	return actionItemOwner.items(doc, &docStructure{blocks: newDocBlocks(doc, 0, len(doc.Blocks))})
}

// items finds the action items of doc: the items of an action-item
// section, lines that start with a label ("Action:"), and task items of
// meeting notes. A ticked task item is done: not an action item. The
// sub-items of an action item are part of it.
func (f *actionItemOwnerFile) items(doc *document.Document, ds *docStructure) []ActionItem {
	var items []ActionItem
	sections := f.sections(doc, ds)
	isItem := make([]bool, len(doc.Blocks))
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if sections.ends(b) || b.Parent >= 0 && isItem[b.Parent] || !ds.blocks[i].ok {
			continue
		}
		if sections.standIn(doc, ds, i) || b.Checked {
			continue
		}
		if it, ok := f.item(doc, ds, i, sections.has(b)); ok {
			isItem[i] = true
			items = append(items, it)
		}
	}
	return items
}

// item returns block i as an action item, if it is one: the block is in
// an action-item section (inSection), or a line of it starts with a label,
// or it is a task item of meeting notes. The task text starts after the
// label; the item's span covers the label's line on.
func (f *actionItemOwnerFile) item(doc *document.Document, ds *docStructure, i int, inSection bool) (ActionItem, bool) {
	sp, start := ds.prose(doc, i)
	lab := ds.fact(doc, i, f.pats.label)
	ls, lend := int(lab>>32), int(lab&(1<<32-1))-1
	labelled := lend >= 0
	if labelled {
		sp.Start = start + ls
		start += ls + lend
	}
	task := doc.Blocks[i].Kind == document.TaskItem && doc.Kind != document.KindStatus
	if !labelled && !inSection && !task {
		return ActionItem{}, false
	}
	od := ds.fact(doc, i, f.pats.ownerDue)
	return ActionItem{
		Span: sp, Owner: od&1 != 0, Due: od&2 != 0 || inSection && sectionDue(doc, ds, i, f.pats.dues),
		start: start, labelled: labelled,
	}, true
}

// actionSections tracks, walking a document's blocks in order, which are
// in an action-item section: under a heading of one (or a heading nested
// in one), or under a stand-in for such a heading, a list item ("* Action
// items") or a paragraph ("**Action items:**").
type actionSections struct {
	pseudoFact *blockFact
	head       []bool // head[h]: heading h heads an action-item section, or is nested in one
	pseudo     []bool // pseudo[i]: list item i stands in for a heading
	// afterPseudo is set after a top-level paragraph that stands in for
	// a heading, until the list that follows ends.
	afterPseudo bool
}

// sections starts the walk over doc's blocks: the section headings of
// meeting notes, or of a status report, count.
func (f *actionItemOwnerFile) sections(doc *document.Document, ds *docStructure) *actionSections {
	headFact, pseudoFact := f.pats.meetingHead, f.pats.meetingPseudo
	if doc.Kind == document.KindStatus {
		headFact, pseudoFact = f.pats.statusHead, f.pats.statusPseudo
	}
	s := &actionSections{
		pseudoFact: pseudoFact,
		head:       make([]bool, len(doc.Blocks)),
		pseudo:     make([]bool, len(doc.Blocks)),
	}
	var stack []int // enclosing headings, outermost first
	for h := range doc.Blocks {
		hb := &doc.Blocks[h]
		if hb.Kind != document.Heading {
			continue
		}
		for len(stack) > 0 && doc.Blocks[stack[len(stack)-1]].Level >= hb.Level {
			stack = stack[:len(stack)-1]
		}
		nested := len(stack) > 0 && s.head[stack[len(stack)-1]]
		s.head[h] = nested || ds.blocks[h].ok && ds.fact(doc, h, headFact) != 0
		stack = append(stack, h)
	}
	return s
}

// ends reports whether b, the next block of the walk, is a heading or a
// table cell, which end the list after a stand-in paragraph.
func (s *actionSections) ends(b *document.Block) bool {
	if b.Kind == document.Heading || b.Kind == document.TableCell {
		s.afterPseudo = false
		return true
	}
	return false
}

// standIn reports whether block i, the next block of the walk, stands in
// for the heading of an action-item section. A top-level paragraph that
// does not ends the list after one that does.
func (s *actionSections) standIn(doc *document.Document, ds *docStructure, i int) bool {
	b := &doc.Blocks[i]
	if ds.fact(doc, i, s.pseudoFact) != 0 {
		s.pseudo[i] = true
		s.afterPseudo = b.Kind == document.Paragraph
		return true
	}
	if b.Kind == document.Paragraph && b.Parent < 0 {
		s.afterPseudo = false
	}
	return false
}

// has reports whether b, the block the walk is at, is in an action-item
// section: a list item under a section heading or under a stand-in.
func (s *actionSections) has(b *document.Block) bool {
	return b.Kind != document.Paragraph &&
		(b.Section >= 0 && s.head[b.Section] || b.Parent >= 0 && s.pseudo[b.Parent] || b.Parent < 0 && s.afterPseudo)
}

// finding reports item it, which lacks an owner, a due date or both, with
// a fix that adds "[owner]: " at the start of its task and " (due [date])"
// at its end; a bare label ("Action:") gets the whole skeleton.
func (f *actionItemOwnerFile) finding(text string, it ActionItem) lint.Finding {
	// "Action: [owner] to update …" reads better than "Action: [owner]: …".
	owner := "[owner]: "
	if it.labelled {
		owner = "[owner] to "
	}
	const due = " (due [date])"
	start, end := it.start, dueInsertion(text, it.Span)
	var msg string
	var fix lint.Fix
	switch {
	case !it.Owner && !it.Due && end <= start:
		sep := ""
		if start > 0 && !docIsSpace(text[start-1]) {
			sep = " "
		}
		msg, fix = f.msg.both, lint.Fix{Title: f.msg.fix, Edits: []lint.Edit{insertAt(start, sep+owner+"[task]"+due)}}
	case !it.Owner && !it.Due:
		msg, fix = f.msg.both, lint.Fix{Title: f.msg.fix, Edits: []lint.Edit{insertAt(start, owner), insertAt(end, due)}}
	case !it.Owner:
		msg, fix = f.msg.owner, lint.Fix{Title: f.msg.fixOwner, Edits: []lint.Edit{insertAt(start, owner)}}
	default:
		msg, fix = f.msg.due, lint.Fix{Title: f.msg.fixDue, Edits: []lint.Edit{insertAt(end, due)}}
	}
	fix.NeedsInput, fix.Preferred = true, true
	return lint.Finding{Span: it.Span, Message: msg, Fixes: []lint.Fix{fix}}
}

// insertAt is the edit that inserts s at offset at.
func insertAt(at int, s string) lint.Edit {
	return lint.Edit{Span: document.Span{Start: at, End: at}, NewText: s}
}

// labelAt returns where the "Action:"-like label that starts a line of
// the block's prose text starts and ends, as offsets of the line start and
// of the label's end from it; end is -1 if there is none.
func labelAt(labels *docPatterns, db *docBlock) (ls, end int) {
	t := db.text
	// The literal prefilter reads normalized text; t is not, so it only
	// rules labels out when t has no typographic marks.
	if !labels.mayAny(db.found) && strings.IndexByte(t, 0xE2) < 0 {
		return 0, -1
	}
	for _, ls := range db.lines {
		for k := range labels.re {
			if end := labels.matchStart(k, t[ls:min(len(t), ls+80)]); end >= 0 {
				return ls, end
			}
		}
	}
	return 0, -1
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// ownerWord matches the words of an owner match.
var ownerWord = lazyRE(`[A-Za-z]+`)

// hasOwner reports whether the task text t names an owner: a match of one
// of owners whose first word (after "maybe", "perhaps") is not in notNames
// (lower-case).
func hasOwner(owners *docPatterns, notNames map[string]bool, t string) bool {
	found := owners.present(prefilter.Lower(t))
	for k, re := range owners.re {
		if !owners.may(k, found) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(t, -1) {
			first := ""
			for _, w := range ownerWord().FindAllString(t[loc[0]:loc[1]], -1) {
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
func sectionDue(doc *document.Document, ds *docStructure, i int, dues *docPatterns) bool {
	h := doc.Blocks[i].Section
	if h < 0 {
		return false
	}
	for k := h; k < i; k++ {
		if k != h && (doc.Blocks[k].Section != h || doc.Blocks[k].Kind != document.Paragraph) {
			continue
		}
		if db := ds.blocks[k]; db.ok && dues.matchAnyFound(db.norm, db.found) {
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
