package lint

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// filterDirectives drops findings silenced by inline directives.
// upward-disable silences from the end of the comment until a matching
// upward-enable (or the end of the document); upward-disable-next-line
// silences findings that start on the line after the comment's last line.
func filterDirectives(doc *document.Document, fs []Finding) []Finding {
	if len(doc.Directives) == 0 || len(fs) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !silenced(doc, f) {
			out = append(out, f)
		}
	}
	return out
}

func names(d document.Directive, id string) bool {
	return len(d.Rules) == 0 || slices.Contains(d.Rules, id)
}

func silenced(doc *document.Document, f Finding) bool {
	off := false
	for _, d := range doc.Directives {
		if !names(d, f.RuleID) {
			continue
		}
		switch d.Kind {
		case document.Disable:
			if d.Span.End <= f.Span.Start {
				off = true
			}
		case document.Enable:
			if d.Span.End <= f.Span.Start {
				off = false
			}
		case document.DisableNextLine:
			if nextLine(doc.Text, d.Span.End) == lineStart(doc.Text, f.Span.Start) {
				return true
			}
		}
	}
	return off
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(text string, off int) int {
	if off > len(text) {
		off = len(text)
	}
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// nextLine returns the offset of the start of the line after the one
// holding off, or len(text)+1 when there is none.
func nextLine(text string, off int) int {
	if off > len(text) {
		return len(text) + 1
	}
	i := strings.IndexByte(text[off:], '\n')
	if i < 0 {
		return len(text) + 1
	}
	return off + i + 1
}
