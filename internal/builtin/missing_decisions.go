package builtin

import (
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// missingDecisions reports meeting notes that record no decisions
// (rules/missing-decisions.toml). DocumentOutline counts decisions with
// its patterns (see countDecisions).
var missingDecisions = bind("missing-decisions", func(b *binder) *sectionRule {
	return bindSection(b, &sectionRule{
		headings:  b.patterns("headings"),
		lines:     b.patterns("lines"),
		negations: b.patterns("negations"),
		fix: func(doc *document.Document, ds *docStructure) lint.Edit {
			// Before the action items, as a sibling of their section;
			// else at the end.
			at, level := endInsertion(doc), sectionLevel(doc)
			if h := firstHeadingMatching(doc, ds, actionItemOwner.pats.meeting); h >= 0 && !isFirstHeading(doc, h) {
				at, level = docLineStart(doc, doc.Blocks[h].Span.Start), doc.Blocks[h].Level
			}
			return insertBlock(doc.Text, at, sectionLines(doc, level, "Decisions", "- [decision]")...)
		},
	})
})

// firstHeadingMatching returns the index of the first heading whose prose
// matches one of res, or -1.
func firstHeadingMatching(doc *document.Document, ds *docStructure, res *docPatterns) int {
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind != document.Heading {
			continue
		}
		if db := ds.blocks[i]; db.ok && res.matchAnyFound(db.norm, db.found) {
			return i
		}
	}
	return -1
}
