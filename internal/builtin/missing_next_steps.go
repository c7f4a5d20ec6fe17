package builtin

import (
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// missingNextSteps reports a status report that does not say what happens
// next (rules/missing-next-steps.toml). An open task counts as a next step.
var missingNextSteps = bind("missing-next-steps", func(b *binder) *sectionRule {
	return bindSection(b, &sectionRule{
		headings:  b.patterns("headings"),
		lines:     b.patterns("lines"),
		openTasks: true,
		fix: func(doc *document.Document, _ *docStructure) lint.Edit {
			return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Next steps", "- [next step]")...)
		},
	})
})
