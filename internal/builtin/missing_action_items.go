package builtin

import (
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// missingActionItems reports meeting notes with no action items
// (rules/missing-action-items.toml). Any task item counts as one, and a
// line must start with a label ("Action:", "AI:") to count.
var missingActionItems = bind("missing-action-items", func(b *binder) *sectionRule {
	return bindSection(b, &sectionRule{
		headings:  b.patterns("headings"),
		lines:     b.patterns("lines"),
		anyTasks:  true,
		lineStart: true,
		fix: func(doc *document.Document, _ *docStructure) lint.Edit {
			return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Action items", "- [ ] [owner]: [task] (due [date])")...)
		},
	})
})
