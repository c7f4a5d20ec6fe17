package lint

import (
	"fmt"
	"slices"
	"strings"
)

// ApplyEdits applies non-overlapping edits to text. Edits are given against
// the same original text, in any order; two edits overlap when their spans
// share a byte, or when both insert at the same offset. An edit out of range
// or an overlap is an error and text is returned unchanged.
func ApplyEdits(text string, edits []Edit) (string, error) {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, func(a, b Edit) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	})
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for i, e := range es {
		if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.Start > e.Span.End {
			return text, fmt.Errorf("edit [%d,%d) out of range for text of %d bytes", e.Span.Start, e.Span.End, len(text))
		}
		if e.Span.Start < last || (i > 0 && e.Span.Start == es[i-1].Span.Start && e.Span.Start == es[i-1].Span.End && e.Span.Start == e.Span.End) {
			return text, fmt.Errorf("overlapping edits at byte %d", e.Span.Start)
		}
		b.WriteString(text[last:e.Span.Start])
		b.WriteString(e.NewText)
		last = e.Span.End
	}
	b.WriteString(text[last:])
	return b.String(), nil
}

// FixAll gathers the first fix that needs no input from each finding and
// applies them together, skipping any fix that would overlap one already
// taken. It returns the new text and how many findings were fixed.
func FixAll(text string, fs []Finding) (string, int, error) {
	var taken []Edit
	n := 0
	for _, f := range fs {
		for _, fx := range f.Fixes {
			if fx.NeedsInput {
				continue
			}
			trial := append(slices.Clone(taken), fx.Edits...)
			if _, err := ApplyEdits(text, trial); err != nil {
				continue
			}
			taken = trial
			n++
			break
		}
	}
	out, err := ApplyEdits(text, taken)
	return out, n, err
}
