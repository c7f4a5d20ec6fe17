package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func TestPositionEncodings(t *testing.T) {
	// "Shipped 🎉🎉. " is 14 UTF-16 code units and 18 bytes.
	const line = "Shipped 🎉🎉. Sorry to bother you, but the report is ready."
	for _, tc := range []struct {
		name   string
		caps   map[string]any
		at     uint32 // column of "Sorry"
		endCol uint32 // column of the end of the line
	}{
		{"utf-16", nil, 14, 14 + 45},
		{"utf-8", map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8"}}}, 18, 18 + 45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, setup{caps: tc.caps})
			if s.enc.String() != tc.name {
				t.Fatalf("negotiated %s, want %s", s.enc, tc.name)
			}
			u := docURI("emoji-" + tc.name + ".md")
			s.open(u, "markdown", 1, "Intro.\r\n\r\n"+line+"\r\n")
			d := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
			if d.Range != rng(2, tc.at, 2, tc.at+19) {
				t.Errorf("hedging range = %+v, want 2:%d-2:%d", d.Range, tc.at, tc.at+19)
			}
			// An incremental edit at the end of the emoji line, in the
			// negotiated unit.
			s.changeRange(u, 2, rng(2, tc.endCol, 2, tc.endCol), " I'll send it soon.")
			p := s.awaitVersion(u, 2)
			vt := findCode(t, p.Diagnostics, "vague-timing")
			soon := tc.endCol + uint32(len(" I'll send it "))
			if vt.Range != rng(2, soon, 2, soon+4) {
				t.Errorf("vague-timing range = %+v, want 2:%d-2:%d", vt.Range, soon, soon+4)
			}
			// The code action's edit, applied in the same unit, removes
			// the hedge and nothing else.
			hd := findCode(t, p.Diagnostics, "hedging")
			fix := findAction(t, s.codeActions(u, hd.Range, nil), "Remove the hedge")
			text := "Intro.\r\n\r\n" + line + " I'll send it soon.\r\n"
			got := s.apply(t, text, 2, fix)
			if want := "Intro.\r\n\r\nShipped 🎉🎉. The report is ready. I'll send it soon.\r\n"; got != want {
				t.Errorf("after fix: %q, want %q", got, want)
			}
		})
	}
}

func TestHover(t *testing.T) {
	s := start(t, setup{})
	u := docURI("hover.md")
	s.open(u, "markdown", 1, "Intro line.\n\n"+hedge)
	d := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	h, err := s.server.Hover(s.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 2, Character: 6},
	}})
	if err != nil || h == nil {
		t.Fatalf("hover: %v, %v", h, err)
	}
	rule := builtin.Lookup("hedging")
	v := h.Contents.Value
	if h.Contents.Kind != protocol.Markdown {
		t.Errorf("hover kind %q", h.Contents.Kind)
	}
	for _, want := range []string{"**hedging**", rule.Title, rule.Principle, "*Before:*\n> " + strings.TrimSpace(rule.Before), "*After:*\n> " + strings.TrimSpace(rule.After), "(" + rule.URL + ")", "*Flagged by:* phrase \"sorry to bother you"} {
		if want == "" || !strings.Contains(v, want) {
			t.Errorf("hover text lacks %q:\n%s", want, v)
		}
	}
	if h.Range == nil || *h.Range != d.Range {
		t.Errorf("hover range %v, want %v", h.Range, d.Range)
	}
	// Nothing to say away from findings.
	h, err = s.server.Hover(s.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 0, Character: 3},
	}})
	if err != nil || h != nil {
		t.Errorf("hover on clean text = %+v, %v; want null", h, err)
	}
}

func TestFixAll(t *testing.T) {
	s := start(t, setup{})
	u := docURI("fixall.md")
	text := "Sorry to bother you, but the report is ready. I'll send it soon.\n\nSorry to bother you, but the demo works.\n"
	s.open(u, "markdown", 1, text)
	p := s.awaitVersion(u, 1)
	_, findings := config.Default().Lint(u.Filename(), document.Markdown, text)
	want, n, err := lint.FixAll(text, findings)
	if err != nil || n < 2 {
		t.Fatalf("lint.FixAll fixed %d (%v); the test needs two fixes that need no input", n, err)
	}
	as := s.codeActions(u, rng(0, 0, 0, 0), nil, protocol.CodeActionKind("source.fixAll"))
	if len(as) != 1 {
		t.Fatalf("source.fixAll actions: %+v", as)
	}
	a := as[0]
	if a.Kind != "source.fixAll.upward" || len(a.Diagnostics) != n {
		t.Errorf("fix-all action: kind %q with %d diagnostics, want %d", a.Kind, len(a.Diagnostics), n)
	}
	if got := s.apply(t, text, 1, a); got != want {
		t.Errorf("fix all gave %q, lint.FixAll %q", got, want)
	}
	if strings.Contains(want, "[") {
		t.Errorf("fix all applied a fix with a placeholder: %q", want)
	}
	// Only quick fixes when only quickfix is asked for.
	d := findCode(t, p.Diagnostics, "vague-timing")
	for _, a := range s.codeActions(u, d.Range, nil, protocol.QuickFix) {
		if a.Kind != protocol.QuickFix {
			t.Errorf("asked for quickfix, got %q (%s)", a.Title, a.Kind)
		}
	}
}

func TestDisableActions(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text string
		title            string
		line             uint32 // line of the hedge
		want             string // text after the action
	}{
		{
			name: "first line", lang: "markdown", text: hedge, title: "Disable hedging on this line",
			want: "<!-- upward-disable-next-line hedging -->\n" + hedge,
		},
		{
			name: "inside a paragraph", lang: "markdown", text: "The demo went well.\n" + hedge, line: 1, title: "Disable hedging on this line",
			want: "The demo went well. <!-- upward-disable-next-line hedging -->\n" + hedge,
		},
		{
			name: "list item", lang: "markdown", text: "- The demo went well.\n- " + hedge, line: 1, title: "Disable hedging on this line",
			want: "- The demo went well. <!-- upward-disable-next-line hedging -->\n- " + hedge,
		},
		{
			name: "after a heading", lang: "markdown", text: "# Notes\n" + hedge, line: 1, title: "Disable hedging on this line",
			want: "# Notes\n<!-- upward-disable-next-line hedging -->\n" + hedge,
		},
		{
			name: "plain text", lang: "plaintext", text: "The demo went well.\n" + hedge, line: 1, title: "Disable hedging on this line",
			want: "The demo went well.\nupward-disable-next-line hedging\n" + hedge,
		},
		{
			name: "file", lang: "markdown", text: "---\ntitle: Notes\n---\n" + hedge, line: 3, title: "Disable hedging in this file",
			want: "---\ntitle: Notes\n---\n<!-- upward-disable hedging -->\n\n" + hedge,
		},
		{
			name: "file, plain text", lang: "plaintext", text: hedge, title: "Disable hedging in this file",
			want: "upward-disable hedging\n\n" + hedge,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, setup{})
			u := docURI("disable.x")
			s.open(u, tc.lang, 1, tc.text)
			d := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
			if d.Range.Start.Line != tc.line {
				t.Fatalf("hedge on line %d, want %d", d.Range.Start.Line, tc.line)
			}
			// The cursor alone inside the finding is enough.
			cursor := protocol.Range{Start: d.Range.Start, End: d.Range.Start}
			got := s.apply(t, tc.text, 1, findAction(t, s.codeActions(u, cursor, nil), tc.title))
			if got != tc.want {
				t.Fatalf("after %q:\n%q\nwant\n%q", tc.title, got, tc.want)
			}
			s.changeFull(u, 2, got)
			if p := s.awaitVersion(u, 2); hasCode(p.Diagnostics, "hedging") {
				t.Errorf("hedging still reported after %q: %s", tc.title, diagSummary(p.Diagnostics))
			}
		})
	}
}

func TestCodeActionNamedByDiagnosticData(t *testing.T) {
	// Neovim asks with the cursor position as range and the line's
	// diagnostics in the context; the data names the finding.
	s := start(t, setup{})
	u := docURI("named.md")
	s.open(u, "markdown", 1, hedge)
	d := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	away := rng(0, 40, 0, 40)
	if as := s.codeActions(u, away, nil, protocol.QuickFix); len(as) != 0 {
		t.Fatalf("actions away from the finding without diagnostics: %d", len(as))
	}
	as := s.codeActions(u, away, []protocol.Diagnostic{d}, protocol.QuickFix)
	findAction(t, as, "Remove the hedge")
}

func TestCodeActionWithoutDocumentChanges(t *testing.T) {
	caps := map[string]any{"workspace": map[string]any{"configuration": true}}
	s := start(t, setup{caps: caps})
	u := docURI("plain-edit.md")
	s.open(u, "markdown", 1, hedge)
	d := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	a := findAction(t, s.codeActions(u, d.Range, nil), "Remove the hedge")
	if a.Edit == nil || len(a.Edit.DocumentChanges) != 0 || len(a.Edit.Changes[u]) != 1 {
		t.Fatalf("edit %+v: want a plain changes map for a client without documentChanges", a.Edit)
	}
	if got := applyTextEdits(t, s.enc, hedge, a.Edit.Changes[u]); got != "The report is ready.\n" {
		t.Errorf("after the fix: %q", got)
	}
}

// TestDirectiveTypo: a misspelt rule in an inline directive silences
// nothing, so it is a warning on the name, with a quick fix to the rule it
// was meant to name.
func TestDirectiveTypo(t *testing.T) {
	const text = "<!-- upward-disable-next-line vague-timng -->\nI'll send it soon.\n"
	s := start(t, setup{})
	u := docURI("typo.md")
	s.open(u, "markdown", 1, text)
	p := s.awaitVersion(u, 1)
	if !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("the misspelt directive silenced vague-timing: %s", diagSummary(p.Diagnostics))
	}
	var warn *protocol.Diagnostic
	for i, d := range p.Diagnostics {
		if strings.Contains(d.Message, `unknown rule "vague-timng"`) {
			warn = &p.Diagnostics[i]
		}
	}
	if warn == nil {
		t.Fatalf("no warning about the misspelt rule: %s", diagSummary(p.Diagnostics))
	}
	if warn.Severity != protocol.DiagnosticSeverityWarning || warn.Source != "upward" || warn.Code != nil ||
		!strings.Contains(warn.Message, `did you mean "vague-timing"?`) {
		t.Errorf("warning %+v: want a warning from upward, no rule code, suggesting vague-timing", *warn)
	}
	if want := rng(0, 30, 0, 41); warn.Range != want {
		t.Errorf("warning at %+v, want the name at %+v", warn.Range, want)
	}
	// The cursor on the name offers the correction.
	cursor := protocol.Range{Start: warn.Range.Start, End: warn.Range.Start}
	got := s.apply(t, text, 1, findAction(t, s.codeActions(u, cursor, nil, protocol.QuickFix), `Change to "vague-timing"`))
	if want := strings.Replace(text, "vague-timng", "vague-timing", 1); got != want {
		t.Fatalf("after the fix: %q, want %q", got, want)
	}
	s.changeFull(u, 2, got)
	if p := s.awaitVersion(u, 2); len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %s, want nothing", diagSummary(p.Diagnostics))
	}
}
