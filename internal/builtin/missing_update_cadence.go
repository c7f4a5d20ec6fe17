package builtin

import (
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// missingUpdateCadence reports a status report that does not say when the
// next update comes (rules/missing-update-cadence.toml). A title or series
// such as "Weekly update" says it, and so does a front matter key such as
// next_update.
var missingUpdateCadence = bind("missing-update-cadence", func(b *binder) *sectionRule {
	return bindSection(b, &sectionRule{
		lines:  b.patterns("lines"),
		titles: &titleCues{titles: b.patterns("titles"), frontMatterKeys: b.words("front_matter_keys")},
		fix: func(doc *document.Document, _ *docStructure) lint.Edit {
			return insertBlock(doc.Text, len(doc.Text), "Next update: [date]")
		},
	})
})
