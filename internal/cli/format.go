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

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// formatter renders results. file is called from several goroutines at
// once and must only write to buf; begin, sep and end frame the per-file
// chunks on the output stream, so json and sarif stream one document.
type formatter interface {
	begin(w io.Writer) error
	file(buf *bytes.Buffer, path string, doc *document.Document, fs []lint.Finding)
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
		return jsonFormat{}
	case "sarif":
		return &sarifFormat{cfg: cfg}
	case "github":
		return githubFormat{}
	}
	color := lf.color == "always" || (lf.color == "auto" && e.tty && os.Getenv("NO_COLOR") == "")
	return &textFormat{color: color}
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

// JSON: {"files": [{"path", "diagnostics": [...]}]}, one file per line.

type jsonFormat struct{}

type jsonFile struct {
	Path        string     `json:"path"`
	Diagnostics []jsonDiag `json:"diagnostics"`
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

func (jsonFormat) file(buf *bytes.Buffer, path string, doc *document.Document, fs []lint.Finding) {
	m := doc.Mapper()
	jf := jsonFile{Path: path, Diagnostics: make([]jsonDiag, 0, len(fs))}
	for _, f := range fs {
		d := jsonDiag{Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message, Range: lspRange(m, f.Span), Fixes: make([]jsonFix, 0, len(f.Fixes)), Why: f.Why}
		for _, fx := range f.Fixes {
			jfx := jsonFix{Title: fx.Title, NeedsInput: fx.NeedsInput, Rewrites: fx.Rewrites, Preferred: fx.Preferred, Edits: make([]jsonEdit, 0, len(fx.Edits))}
			for _, ed := range fx.Edits {
				jfx.Edits = append(jfx.Edits, jsonEdit{Range: lspRange(m, ed.Span), NewText: ed.NewText})
			}
			d.Fixes = append(d.Fixes, jfx)
		}
		jf.Diagnostics = append(jf.Diagnostics, d)
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(jf)
	buf.Truncate(buf.Len() - 1) // Encode's newline; sep adds it back
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

func (githubFormat) file(buf *bytes.Buffer, path string, doc *document.Document, fs []lint.Finding) {
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
		fmt.Fprintf(buf, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, ghProperty(p), sl, sc, el, ec, ghProperty(f.RuleID), ghData(f.Message))
	}
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// fileURI is the SARIF artifact URI of a path: relative paths stay relative.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
