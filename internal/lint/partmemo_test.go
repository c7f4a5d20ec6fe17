package lint

import (
	"slices"
	"testing"

	"github.com/upward-lint/upward/internal/document"
)

// TestPartMemoKeepsPartsAcrossRuns checks that a PartMemo hands a part's
// value to the next run over a document with a part of the same text, at
// any offset, computes it for a changed part, and keeps only what the
// last run used.
func TestPartMemoKeepsPartsAcrossRuns(t *testing.T) {
	type key struct{}
	var computed []string
	var values []any
	kept := false
	rule := &Rule{ID: "r", Run: func(p *Pass) {
		kept = p.KeepsParts()
		values = values[:0]
		for i, part := range p.Doc.Parts() {
			values = append(values, p.PartMemo(key{}, i, func() any {
				s := p.Doc.Text[part.Span.Start:part.Span.End]
				computed = append(computed, s)
				return &s
			}))
		}
	}}
	var m PartMemo
	run := func(text string) []any {
		t.Helper()
		computed = nil
		doc := document.Parse(text, document.Options{Format: document.Markdown})
		if len(doc.Parts()) < 2 {
			t.Fatalf("%q: %d parts", text, len(doc.Parts()))
		}
		Run(doc, []*Rule{rule}, Options{Parts: &m})
		if !kept {
			t.Errorf("KeepsParts is false with Options.Parts set")
		}
		return append([]any(nil), values...)
	}
	v1 := run("# A\n\nOne.\n\nTwo.\n\nOne.\n\nEnd.\n")
	if len(computed) != 4 || v1[1] != v1[3] {
		t.Fatalf("first run computed %q (values %v); want each distinct part once", computed, v1)
	}
	v2 := run("# A\n\nOne more.\n\nTwo.\n\nThree.\n\nEnd.\n")
	if !slices.Equal(computed, []string{"One more.\n\n", "Three.\n\n"}) || v2[0] != v1[0] || v2[2] != v1[2] || v2[4] != v1[4] {
		t.Errorf("after an edit computed %q; want only the edited parts", computed)
	}
	// The second run did not use "One.\n\n": it was dropped.
	run("# A\n\nOne.\n\nTwo.\n\nOne.\n\nEnd.\n")
	if len(computed) != 1 || computed[0] != "One.\n\n" {
		t.Errorf("third run computed %q; want the part the second run dropped", computed)
	}
	// Without a PartMemo a run computes every time.
	computed = nil
	Run(document.Parse("# A\n\nOne.\n", document.Options{Format: document.Markdown}), []*Rule{rule}, Options{})
	if len(computed) != 2 || kept {
		t.Errorf("without a PartMemo computed %q (KeepsParts %v); want both parts", computed, kept)
	}
}
