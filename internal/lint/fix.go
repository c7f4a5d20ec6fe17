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
	slices.SortStableFunc(es, cmpEdit)
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

// FixAll gathers the first automatic fix (see Fix.Automatic) of each finding and
// applies them together, skipping any fix that would overlap one already
// taken. It returns the new text and how many findings were fixed.
func FixAll(text string, fs []Finding) (string, int, error) {
	edits, fixed := PickFixes(len(text), fs)
	out, err := ApplyEdits(text, edits)
	return out, len(fixed), err
}

// PickFixes chooses what FixAll applies to a text of textLen bytes: each
// finding's first automatic fix (see Fix.Automatic) whose edits are in range
// and overlap neither each other nor an edit already chosen (as
// ApplyEdits defines overlap). It returns the chosen edits, sorted, and
// the indexes of the findings fixed.
func PickFixes(textLen int, fs []Finding) ([]Edit, []int) {
	var taken []Edit // sorted by cmpEdit, pairwise apart
	var fixed []int
	for i, f := range fs {
		for _, fx := range f.Fixes {
			if !fx.Automatic() || !fits(textLen, taken, fx.Edits) {
				continue
			}
			for _, e := range fx.Edits {
				k, _ := slices.BinarySearchFunc(taken, e, cmpEdit)
				taken = slices.Insert(taken, k, e)
			}
			fixed = append(fixed, i)
			break
		}
	}
	return taken, fixed
}

func cmpEdit(a, b Edit) int {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start - b.Span.Start
	}
	return a.Span.End - b.Span.End
}

// overlap reports whether two edits share a byte or both insert at the
// same offset.
func overlap(a, b Edit) bool {
	if a.Span.Start < b.Span.End && b.Span.Start < a.Span.End {
		return true
	}
	return a.Span.Start == b.Span.Start && a.Span.Len() == 0 && b.Span.Len() == 0
}

// fits reports whether es can join taken: each in range, and apart from
// each other and from taken's. taken being sorted and apart, only the
// neighbours of an edit's place in it can overlap the edit.
func fits(textLen int, taken, es []Edit) bool {
	for i, e := range es {
		if e.Span.Start < 0 || e.Span.End > textLen || e.Span.Start > e.Span.End {
			return false
		}
		for _, o := range es[:i] {
			if overlap(e, o) {
				return false
			}
		}
		k, _ := slices.BinarySearchFunc(taken, e, cmpEdit)
		if k > 0 && overlap(e, taken[k-1]) || k < len(taken) && overlap(e, taken[k]) {
			return false
		}
	}
	return true
}
