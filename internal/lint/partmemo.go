package lint

import "github.com/upward-lint/upward/internal/document"

// PartMemo keeps what rules work out for the parts of a Markdown document
// (see document.Part) from one run to the next, keyed by each part's
// text, so that a run over an edited document redoes only the parts the
// edit changed (see Options.Parts and Pass.PartMemo). A run keeps the
// values it used and drops the rest. The zero value is ready; runs with
// one PartMemo must not overlap.
type PartMemo struct {
	prev, cur map[partKey]any
}

// partKey identifies a value of a part: the rule's key, the part's text,
// and where the front matter lies, relative to the part's start and
// clamped to just outside it (all a block's front matter test reads).
type partKey struct {
	key  any
	text string
	fm   document.Span
}

// next starts a run: the values the last run used are the ones kept.
func (m *PartMemo) next() {
	m.prev, m.cur = m.cur, make(map[partKey]any, len(m.cur))
}

// get returns the value stored under key for part i of doc, from this
// run or the last, or computes it.
func (m *PartMemo) get(doc *document.Document, key any, i int, compute func() any) any {
	part := doc.Parts()[i]
	clamp := func(x int) int { return min(max(x-part.Span.Start, -1), part.Span.Len()+1) }
	k := partKey{key, doc.Text[part.Span.Start:part.Span.End], document.Span{Start: clamp(doc.FrontMatterSpan.Start), End: clamp(doc.FrontMatterSpan.End)}}
	if v, ok := m.cur[k]; ok {
		return v
	}
	v, ok := m.prev[k]
	if !ok {
		v = compute()
	}
	m.cur[k] = v
	return v
}
