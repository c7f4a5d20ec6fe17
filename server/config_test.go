package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const twoRules = "Sorry to bother you, but the report is ready. I'll send the slides soon.\n"

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func severityOf(t *testing.T, p *protocol.PublishDiagnosticsParams, code string) protocol.DiagnosticSeverity {
	t.Helper()
	return findCode(t, p.Diagnostics, code).Severity
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	cfgURI := protocol.DocumentURI(uri.File(cfgPath))
	writeFile(t, cfgPath, "[rules.hedging]\nenabled = false\n")
	s := start(t, setup{folders: []string{dir}})

	// The config applies to files below its folder.
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "notes", "week.md")))
	s.open(u, "markdown", 1, twoRules)
	p := s.awaitVersion(u, 1)
	if hasCode(p.Diagnostics, "hedging") || !hasCode(p.Diagnostics, "vague-timing") {
		t.Fatalf("with hedging off: %s", diagSummary(p.Diagnostics))
	}

	// Changing the file on disk re-lints the open documents.
	writeFile(t, cfgPath, "[rules.vague-timing]\nseverity = \"error\"\n")
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	p = s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return hasCode(p.Diagnostics, "hedging") })
	if sev := severityOf(t, p, "vague-timing"); sev != protocol.DiagnosticSeverityError {
		t.Errorf("vague-timing severity %v, want Error", sev)
	}

	// A broken config: a diagnostic at its line, a message, and linting
	// goes on with the last good config.
	writeFile(t, cfgPath, "# comment\n[rules.vague-timing]\nseverty = \"hint\"\n")
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeError })
	if !strings.Contains(m.Message, ".upward.toml") || !strings.Contains(m.Message, "severty") {
		t.Errorf("message %q should name the file and the key", m.Message)
	}
	cp := s.awaitDiags(cfgURI, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if d := cp.Diagnostics[0]; d.Range.Start.Line != 2 || d.Range.End.Character != uint32(len("severty = \"hint\"")) || d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("config diagnostic %+v, want line 2 (0-based), whole line", d)
	}
	s.changeFull(u, 2, twoRules+"\n")
	p = s.awaitVersion(u, 2)
	if sev := severityOf(t, p, "vague-timing"); sev != protocol.DiagnosticSeverityError || !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("after the config broke, the last good config should apply: %s, vague-timing %v", diagSummary(p.Diagnostics), sev)
	}

	// Fixing it clears the config diagnostic.
	writeFile(t, cfgPath, "[rules.vague-timing]\nseverity = \"hint\"\n")
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	s.awaitDiags(cfgURI, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool {
		return hasCode(p.Diagnostics, "vague-timing") && severityOf(t, p, "vague-timing") == protocol.DiagnosticSeverityHint
	})

	// Deleting it falls back to the defaults.
	if err := os.Remove(cfgPath); err != nil {
		t.Fatal(err)
	}
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 3}}})
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool {
		return hasCode(p.Diagnostics, "vague-timing") && severityOf(t, p, "vague-timing") != protocol.DiagnosticSeverityHint
	})

	s.rec.mu.Lock()
	regs := s.rec.regs
	s.rec.mu.Unlock()
	if len(regs) != 1 || regs[0].Method != "workspace/didChangeWatchedFiles" {
		t.Errorf("registrations %+v, want a watcher for config files", regs)
	}
}

func TestConfigBrokenAtStart(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	writeFile(t, cfgPath, "[rules.hedgin]\nenabled = false\n")
	s := start(t, setup{folders: []string{dir}})
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeError })
	if !strings.Contains(m.Message, "hedgin") {
		t.Errorf("message %q", m.Message)
	}
	cp := s.awaitDiags(protocol.DocumentURI(uri.File(cfgPath)), func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if cp.Diagnostics[0].Range.Start.Line != 0 {
		t.Errorf("config diagnostic on line %d, want 0", cp.Diagnostics[0].Range.Start.Line)
	}
	// With no good version yet, the defaults apply.
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, twoRules)
	if p := s.awaitVersion(u, 1); !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("defaults should apply: %s", diagSummary(p.Diagnostics))
	}
}

func TestConfigEditedInEditor(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	cfgURI := protocol.DocumentURI(uri.File(cfgPath))
	writeFile(t, cfgPath, "")
	s := start(t, setup{folders: []string{dir}})
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, twoRules)
	if p := s.awaitVersion(u, 1); !hasCode(p.Diagnostics, "hedging") {
		t.Fatalf("v1: %s", diagSummary(p.Diagnostics))
	}
	// Opening the config and typing into it: a half-typed config is
	// reported on the config file only.
	s.open(cfgURI, "toml", 1, "")
	s.changeRange(cfgURI, 2, rng(0, 0, 0, 0), "[rules.hedging\n")
	cp := s.awaitDiags(cfgURI, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if cp.Diagnostics[0].Range.Start.Line != 0 {
		t.Errorf("config diagnostic at line %d", cp.Diagnostics[0].Range.Start.Line)
	}
	// Finishing the edit applies it to the open documents, unsaved.
	s.changeFull(cfgURI, 3, "[rules.hedging]\nenabled = false\n")
	s.awaitDiags(cfgURI, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool {
		return !hasCode(p.Diagnostics, "hedging") && hasCode(p.Diagnostics, "vague-timing")
	})
	// Closing it unsaved goes back to the file on disk.
	if err := s.server.DidClose(s.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: cfgURI}}); err != nil {
		t.Fatal(err)
	}
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return hasCode(p.Diagnostics, "hedging") })
	// Saving a broken file shows a message.
	writeFile(t, cfgPath, "[rules.hedging]\nenabled = maybe\n")
	if err := s.server.DidSave(s.ctx, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: cfgURI}}); err != nil {
		t.Fatal(err)
	}
	s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeError })
}

func TestSettings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".upward.toml"), "[rules.vague-timing]\nenabled = false\n[rules.hedging]\nseverity = \"error\"\n")
	s := start(t, setup{folders: []string{dir}, settings: map[string]any{"rules": map[string]any{"hedging": false}}})
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, twoRules)
	// The very first diagnostics honour the settings: hedging is off by
	// setting, vague-timing off by the file.
	if p := s.awaitVersion(u, 1); len(p.Diagnostics) != 0 {
		t.Fatalf("v1 = %s, want nothing", diagSummary(p.Diagnostics))
	}
	// New settings: a severity turns a rule the file disabled back on; a
	// rule the settings no longer name follows the file again.
	s.rec.setSettings(map[string]any{"upward": map[string]any{"rules": map[string]any{"vague-timing": "hint"}}})
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	p := s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 2 })
	if severityOf(t, p, "vague-timing") != protocol.DiagnosticSeverityHint || severityOf(t, p, "hedging") != protocol.DiagnosticSeverityError {
		t.Errorf("after settings change: %+v", p.Diagnostics)
	}
	// An unknown rule is reported, the rest applied.
	s.rec.setSettings(map[string]any{"rules": map[string]any{"hedgng": false, "hedging": map[string]any{"severity": "info"}}})
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeWarning })
	if !strings.Contains(m.Message, "hedgng") {
		t.Errorf("message %q", m.Message)
	}
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool {
		return hasCode(p.Diagnostics, "hedging") && severityOf(t, p, "hedging") == protocol.DiagnosticSeverityInformation
	})
}

func TestSettingsPushed(t *testing.T) {
	// A client without workspace/configuration sends the settings in the
	// notification, or in initializationOptions.
	caps := map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}}
	s := start(t, setup{caps: caps, initOpts: map[string]any{"rules": map[string]any{"vague-timing": "off"}}})
	u := docURI("pushed.md")
	s.open(u, "markdown", 1, twoRules)
	if p := s.awaitVersion(u, 1); hasCode(p.Diagnostics, "vague-timing") || !hasCode(p.Diagnostics, "hedging") {
		t.Fatalf("initializationOptions not applied: %s", diagSummary(p.Diagnostics))
	}
	s.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"upward": map[string]any{"rules": map[string]any{"hedging": "off"}}}})
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool {
		return !hasCode(p.Diagnostics, "hedging") && hasCode(p.Diagnostics, "vague-timing")
	})
	s.rec.mu.Lock()
	calls := s.rec.cfgCalls
	s.rec.mu.Unlock()
	if calls != 0 {
		t.Errorf("workspace/configuration called %d times on a client without it", calls)
	}
}

func TestParseSettings(t *testing.T) {
	known := func(id string) bool { return id == "hedging" || id == "crisis" }
	st, warns, err := parseSettings([]byte(`{"rules": {"hedging": "warning", "crisis": {"enabled": false, "severity": "hint"}, "nope": true}}`), known)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "nope") {
		t.Errorf("warnings %q", warns)
	}
	if _, ok := st.enabled["hedging"]; ok || st.severity["hedging"].String() != "warning" {
		t.Errorf("hedging: %+v", st)
	}
	if st.enabled["crisis"] || st.severity["crisis"].String() != "hint" {
		t.Errorf("crisis: %+v", st)
	}
	for _, bad := range []string{`{"rules": {"hedging": 3}}`, `{"rules": {"hedging": "loud"}}`, `{"rules": {"hedging": {"enable": true}}}`} {
		_, warns, err := parseSettings([]byte(bad), known)
		if err != nil || len(warns) != 1 {
			t.Errorf("%s: warnings %q, err %v; want one warning", bad, warns, err)
		}
	}
	st2, warns2, err := parseSettings([]byte(`{"model": {"enabled": false, "sensitivity": "thorough"}}`), known)
	if err != nil || len(warns2) != 0 || st2.modelOn == nil || *st2.modelOn || st2.sensitivity != "thorough" {
		t.Errorf("model settings: %+v %v %v", st2, warns2, err)
	}
	if m := st2.apply(nil).Options().Model; !m.Off || m.Sensitivity != "thorough" {
		t.Errorf("applied model settings: %+v", m)
	}
	for _, bad := range []string{`{"model": {"sensitivity": "wild"}}`, `{"model": {"enabeld": true}}`, `{"model": 3}`} {
		if _, w, err := parseSettings([]byte(bad), known); err != nil || len(w) != 1 {
			t.Errorf("%s: warnings %v, err %v; want one warning", bad, w, err)
		}
	}
	if _, _, err := parseSettings([]byte(`{"rules": [1]}`), known); err == nil {
		t.Error("rules as a list: want an error")
	}
	if st, _, err := parseSettings([]byte(`null`), known); err != nil || !st.empty() {
		t.Errorf("null settings: %+v %v", st, err)
	}
}
