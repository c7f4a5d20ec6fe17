package lint

import (
	"slices"
	"sort"
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// filterDirectives drops findings silenced by inline directives.
// upward-disable silences from the end of the comment until a matching
// upward-enable (or the end of the document); upward-disable-next-line
// silences findings that start on the line after the comment's last line.
//
// Each finding costs a binary search, not a walk over every directive: a
// long document can hold thousands of both.
func filterDirectives(doc *document.Document, fs []Finding) []Finding {
	if len(doc.Directives) == 0 || len(fs) == 0 {
		return fs
	}
	lines := newLineStarts(doc.Text)
	// The disable-next-line directives by the start of the line they
	// silence.
	nextLine := map[int][]document.Directive{}
	for _, d := range doc.Directives {
		if d.Kind == document.DisableNextLine {
			l := lines.next(d.Span.End)
			nextLine[l] = append(nextLine[l], d)
		}
	}
	// Per rule, its disables and enables in document order.
	type toggle struct {
		end int
		off bool
	}
	toggles := map[string][]toggle{}
	out := fs[:0]
	for _, f := range fs {
		ts, ok := toggles[f.RuleID]
		if !ok {
			for _, d := range doc.Directives {
				if (d.Kind == document.Disable || d.Kind == document.Enable) && names(d, f.RuleID) {
					ts = append(ts, toggle{d.Span.End, d.Kind == document.Disable})
				}
			}
			slices.SortStableFunc(ts, func(a, b toggle) int { return a.end - b.end })
			toggles[f.RuleID] = ts
		}
		// The last toggle that ends before the finding decides.
		k := sort.Search(len(ts), func(i int) bool { return ts[i].end > f.Span.Start }) - 1
		off := k >= 0 && ts[k].off
		for _, d := range nextLine[lines.start(f.Span.Start)] {
			off = off || names(d, f.RuleID)
		}
		if !off {
			out = append(out, f)
		}
	}
	return out
}

func names(d document.Directive, id string) bool {
	return len(d.Rules) == 0 || slices.Contains(d.Rules, id)
}

// lineStarts holds the offsets of a text's newlines.
type lineStarts struct {
	n        int   // the text's length
	newlines []int // offsets of '\n', in order
}

func newLineStarts(text string) lineStarts {
	ls := lineStarts{n: len(text)}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return ls
		}
		ls.newlines = append(ls.newlines, i+j)
		i += j + 1
	}
}

// start returns the offset of the start of the line holding off.
func (ls lineStarts) start(off int) int {
	off = min(off, ls.n)
	k := sort.SearchInts(ls.newlines, off) // the first newline at or after off
	if k == 0 {
		return 0
	}
	return ls.newlines[k-1] + 1
}

// next returns the offset of the start of the line after the one holding
// off, or the text's length + 1 when there is none.
func (ls lineStarts) next(off int) int {
	if off > ls.n {
		return ls.n + 1
	}
	k := sort.SearchInts(ls.newlines, off)
	if k == len(ls.newlines) {
		return ls.n + 1
	}
	return ls.newlines[k] + 1
}
