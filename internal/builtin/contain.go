package builtin

import (
	"slices"
	"sort"

	"github.com/upward-lint/upward/internal/document"
)

// byStartLongest orders spans by start, the longest first among those
// that start together: the order of hits throughout the sentence rules.
func byStartLongest(a, b document.Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	return b.End - a.End
}

// containers answers, in O(log n) per question, whether a span lies inside
// a longer one of a set: what longest and insideProblem ask of every hit,
// which a block of thousands of hits would otherwise make quadratic.
type containers struct {
	starts []int // the spans' starts, in order
	// maxEnd[k] is the furthest end among the first k+1 spans, and
	// maxStart[k] the least start among those reaching it.
	maxEnd, maxStart []int
}

func newContainers(spans []document.Span) containers {
	ss := slices.Clone(spans)
	slices.SortFunc(ss, byStartLongest)
	c := containers{starts: make([]int, len(ss)), maxEnd: make([]int, len(ss)), maxStart: make([]int, len(ss))}
	end, start := -1, 0
	for k, s := range ss {
		if s.End > end {
			end, start = s.End, s.Start
		}
		c.starts[k], c.maxEnd[k], c.maxStart[k] = s.Start, end, start
	}
	return c
}

// inside reports whether some span of the set contains s and is longer.
func (c containers) inside(s document.Span) bool {
	k := sort.SearchInts(c.starts, s.Start+1) - 1 // the last span starting at or before s
	if k < 0 {
		return false
	}
	return c.maxEnd[k] > s.End || (c.maxEnd[k] == s.End && c.maxStart[k] < s.Start)
}

// overlapping answers, in O(log n) per question, whether a span shares a
// byte with any span of a set.
type overlapping struct {
	starts []int // the spans' starts, in order
	maxEnd []int // maxEnd[k] is the furthest end among the first k+1 spans
}

func newOverlapping(spans []document.Span) overlapping {
	ss := slices.Clone(spans)
	slices.SortFunc(ss, func(a, b document.Span) int { return a.Start - b.Start })
	o := overlapping{starts: make([]int, len(ss)), maxEnd: make([]int, len(ss))}
	end := -1
	for k, s := range ss {
		end = max(end, s.End)
		o.starts[k], o.maxEnd[k] = s.Start, end
	}
	return o
}

// overlaps reports whether some span of the set overlaps s (see
// document.Span.Overlaps).
func (o overlapping) overlaps(s document.Span) bool {
	k := sort.SearchInts(o.starts, s.End) - 1 // the last span starting before s ends
	return k >= 0 && o.maxEnd[k] > s.Start
}

// scanIn returns the block's scan hits that start inside s (the scan keeps
// them ordered by start).
func (v blockView) scanIn(s document.Span) []hit {
	hs := v.scan.hits[v.idx]
	cmp := func(h hit, off int) int { return h.span.Start - off }
	i, _ := slices.BinarySearchFunc(hs, s.Start, cmp)
	j, _ := slices.BinarySearchFunc(hs[i:], s.End, cmp)
	return hs[i : i+j]
}

// covering answers, in O(log n) per question, whether a span lies inside
// (or on) a span of a set: whether a phrase is inside a quotation, in a
// block with many of them.
type covering struct {
	starts []int // the spans' starts, in order
	maxEnd []int // maxEnd[k] is the furthest end among the first k+1 spans
}

func newCovering(spans []document.Span) covering {
	o := newOverlapping(spans)
	return covering(o)
}

// covers reports whether some span of the set contains s (see
// document.Span.Contains).
func (c covering) covers(s document.Span) bool {
	k := sort.SearchInts(c.starts, s.Start+1) - 1 // the last span starting at or before s
	return k >= 0 && c.maxEnd[k] >= s.End
}
