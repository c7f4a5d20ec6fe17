package builtin

import (
	"github.com/upward-lint/upward/internal/document"
)

// ActionItem is an action item of a document, as action-item-owner finds
// it: in an "Action items" section, a checkbox in meeting notes, or a line
// that starts with "Action:".
type ActionItem struct {
	// Span is its prose (after any "Action:" label's start).
	Span document.Span
	// Owner and Due say whether it names an owner and a due date.
	Owner, Due bool

	start    int  // where an owner goes: after the label
	labelled bool // it starts with a label such as "Action:"
}

// Outline is what a document holds that its summary counts.
type Outline struct {
	ActionItems []ActionItem
	// Decisions counts the items of "Decisions" sections and the decision
	// lines elsewhere ("Decision: …", "We agreed to …"), as
	// missing-decisions finds them.
	Decisions int
}

// decisionsOf counts the decisions of doc as missing-decisions finds them.
var decisionsOf func(doc *document.Document) int

func init() {
	decisionsOf = func(doc *document.Document) int {
		compileDocRules()
		h, l, n := missingDecisions.pats.headings, missingDecisions.pats.lines, missingDecisions.pats.negations
		return countDecisions(doc, &docStructure{blocks: newDocBlocks(doc, 0, len(doc.Blocks))}, h, l, n)
	}
}

// countDecisions counts the decisions of doc: each top-level item or
// paragraph of a section whose heading (or stand-in such as
// "**Decisions:**") matches headings, and each other block with a decision
// line (lines, not negated).
func countDecisions(doc *document.Document, ds *docStructure, headings, lines, negations *docPatterns) int {
	n := 0
	head := make([]bool, len(doc.Blocks))
	pseudo := false // after a stand-in heading, until its list ends
	for i := range doc.Blocks {
		b, db := &doc.Blocks[i], ds.blocks[i]
		if b.Kind == document.Heading {
			head[i] = db.ok && headings.matchAnyFound(db.norm, db.found)
			pseudo = false
			continue
		}
		if !db.ok {
			continue
		}
		if b.Kind == document.Paragraph && b.Parent < 0 {
			if isPseudoHeading(db.norm, headings, db.found) {
				pseudo = true
				continue
			}
			pseudo = false
		}
		inSection := b.Section >= 0 && head[b.Section] || pseudo && b.Kind != document.Paragraph
		switch {
		case inSection && b.Parent < 0:
			n++
		case inSection:
			// A sub-item belongs to its decision.
		case sectionPresent(doc, i, db, false, headings, lines, negations):
			n++
		}
	}
	return n
}

// DocumentOutline works out doc's action items and decisions with the
// patterns of the built-in document rules, whatever the config says of
// those rules.
func DocumentOutline(doc *document.Document) Outline {
	return Outline{ActionItems: actionItemsOf(doc), Decisions: decisionsOf(doc)}
}
