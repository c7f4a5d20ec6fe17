package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	docsummary "github.com/upward-lint/upward/internal/summary"
)

// formatter renders results on the output stream, in order: begin, file
// for each file linted (writing finding by finding, so that a file with
// many findings is never held whole), sep between files that wrote
// something, and end; json and sarif thus stream one document.
type formatter interface {
	begin(w io.Writer) error
	file(w io.Writer, path string, doc *document.Document, fs []lint.Finding) error
	sep() string
	end(w io.Writer, s summary) error
}

type summary struct {
	files, total, failing int
	errors                []string
}

// line is the summary line printed on stderr after every run (unless
// --quiet): "3 problems in 2 files", with the files that could not be
// linted.
func (s summary) line() string {
	msg := fmt.Sprintf("%d %s in %d %s", s.total, plural(s.total, "problem"), s.files, plural(s.files, "file"))
	if s.total == 0 {
		msg = fmt.Sprintf("no problems in %d %s", s.files, plural(s.files, "file"))
	}
	if n := len(s.errors); n > 0 {
		msg += fmt.Sprintf(", %d %s", n, plural(n, "error"))
	}
	return msg
}

func newFormatter(lf *lintFlags, e *env, cfg *config.Config) formatter {
	switch lf.format {
	case "json":
		return jsonFormat{summary: lf.summary}
	case "sarif":
		return &sarifFormat{cfg: cfg}
	case "github":
		return githubFormat{}
	}
	color := lf.color == "always" || (lf.color == "auto" && e.tty && os.Getenv("NO_COLOR") == "")
	return &textFormat{color: color, summary: lf.summary}
}

// position is a 0-based line and UTF-16 column, as in LSP.
type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type rangeJSON struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

func lspRange(m *document.Mapper, s document.Span) rangeJSON {
	sl, sc, el, ec, err := m.OffsetRange(s)
	if err != nil {
		// Spans come from the engine and are in range; keep output valid anyway.
		sl, sc, _ = m.OffsetPosition(0)
		el, ec = sl, sc
	}
	return rangeJSON{position{sl, sc}, position{el, ec}}
}

// JSON: {"files": [{"path", "diagnostics": [...], "summary"}]}, one file
// per line; "summary" (a docsummary.Summary) only with --summary.

type jsonFormat struct {
	summary bool // add each file's summary (--summary)
}

type jsonDiag struct {
	Rule     string    `json:"rule"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	Range    rangeJSON `json:"range"`
	Fixes    []jsonFix `json:"fixes"`
	// Why says what made the text a hit (see lint.Finding.Why).
	Why string `json:"why,omitempty"`
}

type jsonFix struct {
	Title      string     `json:"title"`
	Edits      []jsonEdit `json:"edits"`
	NeedsInput bool       `json:"needsInput"`
	// Rewrites: the fix replaces the writer's words; --fix never applies it.
	Rewrites  bool `json:"rewrites,omitempty"`
	Preferred bool `json:"preferred,omitempty"`
}

type jsonEdit struct {
	Range   rangeJSON `json:"range"`
	NewText string    `json:"newText"`
}

func (jsonFormat) begin(w io.Writer) error {
	_, err := io.WriteString(w, "{\"files\": [\n")
	return err
}

// file writes {"path": ..., "diagnostics": [...], "summary": ...}, one
// diagnostic at a time.
func (j jsonFormat) file(w io.Writer, path string, doc *document.Document, fs []lint.Finding) error {
	m := doc.Mapper()
	enc := newCompactEncoder(w)
	if _, err := io.WriteString(w, `{"path":`); err != nil {
		return err
	}
	if err := enc.encode(path); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"diagnostics":[`); err != nil {
		return err
	}
	for i, f := range fs {
		d := jsonDiag{Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message, Range: lspRange(m, f.Span), Fixes: make([]jsonFix, 0, len(f.Fixes)), Why: f.Why}
		for _, fx := range f.Fixes {
			jfx := jsonFix{Title: fx.Title, NeedsInput: fx.NeedsInput, Rewrites: fx.Rewrites, Preferred: fx.Preferred, Edits: make([]jsonEdit, 0, len(fx.Edits))}
			for _, ed := range fx.Edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{Range: lspRange(m, ed.Span), NewText: ed.NewText})
			}
			d.Fixes = append(d.Fixes, jfx)
		}
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		if err := enc.encode(d); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "]"); err != nil {
		return err
	}
	if j.summary {
		if _, err := io.WriteString(w, `,"summary":`); err != nil {
			return err
		}
		if err := enc.encode(docsummary.Of(doc, fs)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "}")
	return err
}

// compactEncoder writes values as JSON without HTML escaping and without
// the newline json.Encoder ends each with.
type compactEncoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

func newCompactEncoder(w io.Writer) *compactEncoder {
	c := &compactEncoder{w: w}
	c.enc = json.NewEncoder(&c.buf)
	c.enc.SetEscapeHTML(false)
	return c
}

func (c *compactEncoder) encode(v any) error {
	c.buf.Reset()
	if err := c.enc.Encode(v); err != nil {
		return err
	}
	_, err := c.w.Write(bytes.TrimSuffix(c.buf.Bytes(), []byte("\n")))
	return err
}

func (jsonFormat) sep() string { return ",\n" }

func (jsonFormat) end(w io.Writer, _ summary) error {
	_, err := io.WriteString(w, "\n]}\n")
	return err
}

// GitHub workflow commands.

type githubFormat struct{}

func (githubFormat) begin(io.Writer) error { return nil }
func (githubFormat) sep() string           { return "" }
func (githubFormat) end(io.Writer, summary) error {
	return nil
}

func (githubFormat) file(w io.Writer, path string, doc *document.Document, fs []lint.Finding) error {
	m := doc.Mapper()
	p := filepath.ToSlash(path)
	for _, f := range fs {
		level := "notice"
		switch f.Severity {
		case lint.Error:
			level = "error"
		case lint.Warning:
			level = "warning"
		}
		sl, sc, _ := m.OffsetLineColRune(f.Span.Start)
		el, ec, _ := m.OffsetLineColRune(f.Span.End)
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, ghProperty(p), sl, sc, el, ec, ghProperty(f.RuleID), ghData(f.Message)); err != nil {
			return err
		}
	}
	return nil
}

// ghData and ghProperty escape a workflow command's message and property
// values: the runner decodes %25, %0D, %0A, %3A and %2C. Other control
// characters are percent-encoded too, which the runner leaves as is, so
// that none reaches the log raw.
func ghData(s string) string {
	return ghEscape(s, false)
}

func ghProperty(s string) string {
	return ghEscape(s, true)
}

func ghEscape(s string, property bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '%' || (property && (r == ':' || r == ',')) || (r == utf8.RuneError && size == 1) || !unicode.IsPrint(r):
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// fileURI is the SARIF artifact URI of a path: relative paths stay relative.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
