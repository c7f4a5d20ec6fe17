package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// textFormat prints "path:line:col: severity: message [rule-id]", columns
// counted in characters. With colour it also shows the source line with
// the finding underlined and the first fix's title.
type textFormat struct {
	color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
)

func (t *textFormat) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

func sevColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiRed
	case lint.Warning:
		return ansiYellow
	case lint.Info:
		return ansiBlue
	}
	return ansiCyan
}

func (t *textFormat) begin(io.Writer) error { return nil }
func (t *textFormat) sep() string           { return "" }

func (t *textFormat) file(buf *bytes.Buffer, path string, doc *document.Document, fs []lint.Finding) {
	m := doc.Mapper()
	for _, f := range fs {
		line, col, _ := m.OffsetLineColRune(f.Span.Start)
		fmt.Fprintf(buf, "%s %s %s %s\n",
			t.paint(ansiBold, fmt.Sprintf("%s:%d:%d:", path, line, col)),
			t.paint(ansiBold+sevColor(f.Severity), f.Severity.String()+":"),
			f.Message,
			t.paint(ansiDim, "["+f.RuleID+"]"))
		if t.color { // the source line goes with colour (see the type)
			t.snippet(buf, doc.Text, f, line)
		}
	}
}

// snippet prints the finding's first line with a caret underline:
//
//	3 | Sorry to bother you, but the report is ready.
//	  | ^^^^^^^^^^^^^^^^^^^^^^^^
//	  = fix: Drop the apology
func (t *textFormat) snippet(buf *bytes.Buffer, text string, f lint.Finding, line int) {
	start := strings.LastIndexByte(text[:f.Span.Start], '\n') + 1
	end := strings.IndexByte(text[f.Span.Start:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += f.Span.Start
	}
	src := strings.TrimRight(text[start:end], "\r")
	gutter := fmt.Sprint(line)
	pad := strings.Repeat(" ", len(gutter))
	fmt.Fprintf(buf, " %s %s %s\n", t.paint(ansiBlue, gutter), t.paint(ansiBlue, "|"), src)
	// Keep tabs under tabs so the carets line up.
	var lead strings.Builder
	for _, r := range text[start:f.Span.Start] {
		if r == '\t' {
			lead.WriteByte('\t')
		} else {
			lead.WriteByte(' ')
		}
	}
	spanEnd := min(f.Span.End, start+len(src))
	n := max(1, utf8.RuneCountInString(text[f.Span.Start:max(spanEnd, f.Span.Start)]))
	fmt.Fprintf(buf, " %s %s %s%s\n", pad, t.paint(ansiBlue, "|"), lead.String(), t.paint(ansiBold+sevColor(f.Severity), strings.Repeat("^", n)))
	if len(f.Fixes) > 0 {
		fx := f.Fixes[0]
		fmt.Fprintf(buf, " %s %s %s", pad, t.paint(ansiBlue, "="), t.paint(ansiBold, "fix:"))
		fmt.Fprintf(buf, " %s", fx.Title)
		if after, ok := fixedLine(text, start, end, fx); ok {
			fmt.Fprintf(buf, ": %s", t.paint(ansiCyan, after))
		}
		fmt.Fprintln(buf)
	}
	fmt.Fprintln(buf)
}

// fixedLine returns the source line [start, end) with fx applied, when all
// of fx's edits fall inside it.
func fixedLine(text string, start, end int, fx lint.Fix) (string, bool) {
	line := text[start:end]
	var edits []lint.Edit
	for _, e := range fx.Edits {
		if e.Span.Start < start || e.Span.End > end {
			return "", false
		}
		edits = append(edits, lint.Edit{Span: document.Span{Start: e.Span.Start - start, End: e.Span.End - start}, NewText: e.NewText})
	}
	out, err := lint.ApplyEdits(line, edits)
	if err != nil {
		return "", false
	}
	return strings.TrimSpace(out), true
}

func (t *textFormat) end(io.Writer, summary) error { return nil }
