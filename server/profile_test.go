package server

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestProfileSetting: the editor's "profile" setting sets severities, a
// document's front matter audience wins, and a bad name is a warning.
func TestProfileSetting(t *testing.T) {
	const body = "Sorry to bother you, but the vendor's sandbox is down. This is a disaster.\n"
	s := start(t, setup{settings: map[string]any{"upward": map[string]any{"profile": "exec", "model": map[string]any{"enabled": false}}}})
	u := docURI("profile.md")
	s.open(u, "markdown", 1, body)
	p := s.awaitVersion(u, 1)
	if sev := severityOf(t, p, "crisis"); sev != protocol.DiagnosticSeverityError {
		t.Errorf("exec: crisis %v, want error", sev)
	}
	s.changeFull(u, 2, "---\naudience: peer\n---\n"+body)
	p = s.awaitVersion(u, 2)
	if sev := severityOf(t, p, "hedging"); sev != protocol.DiagnosticSeverityHint {
		t.Errorf("front matter peer: hedging %v, want hint", sev)
	}
	if sev := severityOf(t, p, "crisis"); sev != protocol.DiagnosticSeverityInformation {
		t.Errorf("front matter peer: crisis %v, want info", sev)
	}

	// A bad profile is reported and ignored.
	s.rec.setSettings(map[string]any{"upward": map[string]any{"profile": "ceo"}})
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return strings.Contains(m.Message, "profile") })
	if m.Type != protocol.MessageTypeWarning || !strings.Contains(m.Message, `unknown profile "ceo"`) {
		t.Errorf("message %+v", m)
	}
}
