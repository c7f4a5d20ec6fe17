package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	docsummary "github.com/upward-lint/upward/internal/summary"
)

// textFormat prints "path:line:col: severity: message [rule-id]", columns
// counted in characters. With colour it also shows the source line with
// the finding underlined and the first fix's title.
type textFormat struct {
	color bool
	// summary adds "path: <summary>" after each file's findings.
	summary bool
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

func (t *textFormat) file(w io.Writer, path string, doc *document.Document, fs []lint.Finding) error {
	m := doc.Mapper()
	bw := errWriter{w: w}
	for _, f := range fs {
		line, col, _ := m.OffsetLineColRune(f.Span.Start)
		fmt.Fprintf(&bw, "%s %s %s %s\n",
			t.paint(ansiBold, fmt.Sprintf("%s:%d:%d:", quoteName(path), line, col)),
			t.paint(ansiBold+sevColor(f.Severity), f.Severity.String()+":"),
			f.Message,
			t.paint(ansiDim, "["+f.RuleID+"]"))
		if t.color { // the source line goes with colour (see the type)
			t.snippet(&bw, doc.Text, f, line)
		}
		if bw.err != nil {
			return bw.err
		}
	}
	if t.summary {
		fmt.Fprintf(&bw, "%s %s\n", t.paint(ansiBold, quoteName(path)+":"), docsummary.Of(doc, fs))
	}
	return bw.err
}

// errWriter keeps the first write error, so that a run of writes needs one
// check.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	var n int
	n, e.err = e.w.Write(p)
	return n, e.err
}

// snippetWidth is the most characters of a source line a snippet shows; a
// longer line is cut to a window around the finding, marked with "…", as
// rustc and ruff print them.
const snippetWidth = 100

// snippet prints the finding's first line with a caret underline:
//
//	3 | Sorry to bother you, but the report is ready.
//	  | ^^^^^^^^^^^^^^^^^^^^^^^^
//	  = fix: Drop the apology
//
// The line after the fix is shown when the line is short enough to print
// whole.
func (t *textFormat) snippet(w io.Writer, text string, f lint.Finding, line int) {
	start := strings.LastIndexByte(text[:f.Span.Start], '\n') + 1
	end := strings.IndexByte(text[f.Span.Start:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += f.Span.Start
	}
	src := strings.TrimRight(text[start:end], "\r")
	at := min(f.Span.Start-start, len(src)) // the finding's start in src
	from, to := snippetWindow(src, at)
	shown := src[from:to]
	var lead strings.Builder
	if from > 0 {
		shown = "…" + shown
		lead.WriteByte(' ')
	}
	if to < len(src) {
		shown += "…"
	}
	gutter := fmt.Sprint(line)
	pad := strings.Repeat(" ", len(gutter))
	fmt.Fprintf(w, " %s %s %s\n", t.paint(ansiBlue, gutter), t.paint(ansiBlue, "|"), shown)
	// Keep tabs under tabs so the carets line up.
	for _, r := range src[from:at] {
		if r == '\t' {
			lead.WriteByte('\t')
		} else {
			lead.WriteByte(' ')
		}
	}
	n := max(1, utf8.RuneCountInString(src[at:max(min(f.Span.End-start, to), at)]))
	fmt.Fprintf(w, " %s %s %s%s\n", pad, t.paint(ansiBlue, "|"), lead.String(), t.paint(ansiBold+sevColor(f.Severity), strings.Repeat("^", n)))
	if len(f.Fixes) > 0 {
		fx := f.Fixes[0]
		fmt.Fprintf(w, " %s %s %s", pad, t.paint(ansiBlue, "="), t.paint(ansiBold, "fix:"))
		fmt.Fprintf(w, " %s", fx.Title)
		if from == 0 && to == len(src) {
			if after, ok := fixedLine(text, start, end, fx); ok && utf8.RuneCountInString(after) <= snippetWidth {
				fmt.Fprintf(w, ": %s", t.paint(ansiCyan, after))
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// snippetWindow returns the byte range of line to show for a finding that
// starts at byte s of it: all of a line of at most snippetWidth
// characters, else snippetWidth characters from a little before s (or the
// line's last snippetWidth characters).
func snippetWindow(line string, s int) (from, to int) {
	if utf8.RuneCountInString(line) <= snippetWidth {
		return 0, len(line)
	}
	const before = 20 // characters of context before the finding
	from = s
	for i := 0; i < before && from > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	if utf8.RuneCountInString(line[from:]) <= snippetWidth {
		from = len(line)
		for i := 0; i < snippetWidth; i++ {
			_, size := utf8.DecodeLastRuneInString(line[:from])
			from -= size
		}
		return from, len(line)
	}
	to = from
	for i := 0; i < snippetWidth; i++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	return from, to
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
