package server

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// awaitEdit waits for the server's workspace/applyEdit.
func (s *session) awaitEdit() *protocol.ApplyWorkspaceEditParams {
	s.t.Helper()
	select {
	case e := <-s.rec.edits:
		return e
	case <-time.After(waitFor):
		s.t.Fatal("no workspace/applyEdit")
		return nil
	}
}

// noEdit checks that no workspace/applyEdit comes within d.
func (s *session) noEdit(d time.Duration) {
	s.t.Helper()
	select {
	case e := <-s.rec.edits:
		s.t.Fatalf("unexpected workspace/applyEdit %+v", e)
	case <-time.After(d):
	}
}

// runAction executes a code action's command as an editor does.
func (s *session) runAction(a protocol.CodeAction) error {
	s.t.Helper()
	if a.Command == nil {
		s.t.Fatalf("action %q has no command", a.Title)
	}
	_, err := s.server.ExecuteCommand(s.ctx, &protocol.ExecuteCommandParams{Command: a.Command.Command, Arguments: a.Command.Arguments})
	return err
}

// editOf returns the edits of the one document a workspace edit changes.
func editOf(t *testing.T, we protocol.WorkspaceEdit) (protocol.DocumentURI, *int32, []protocol.TextEdit) {
	t.Helper()
	if len(we.DocumentChanges) == 1 && len(we.Changes) == 0 {
		dc := we.DocumentChanges[0]
		return dc.TextDocument.URI, dc.TextDocument.Version, dc.Edits
	}
	if len(we.Changes) == 1 && len(we.DocumentChanges) == 0 {
		for u, es := range we.Changes {
			return u, nil, es
		}
	}
	t.Fatalf("want an edit of one document, got %+v", we)
	return "", nil, nil
}

const teamConfig = `# Team settings: keep this comment.
[rules.vague-timing]
severity = "error"   # we care about dates
allow = [
  "soon-ish",
]

# Kinds by path.
[kinds]
status-report = ["reports/**"]
`

func TestAllowInProject(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	writeFile(t, cfgPath, teamConfig)
	s := start(t, setup{folders: []string{dir}})
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "notes", "a.md")))
	const text = "Sorry to bother you, but I'll send it soon.\n"
	s.open(u, "markdown", 1, text)
	vt := findCode(t, s.awaitVersion(u, 1).Diagnostics, "vague-timing")

	as := s.codeActions(u, vt.Range, []protocol.Diagnostic{vt}, protocol.QuickFix)
	allow := findAction(t, as, `Allow "soon" in this project`)
	findAction(t, as, "Disable vague-timing in this project")
	if allow.Edit != nil || allow.Command == nil || allow.Command.Command != "upward.allow" {
		t.Fatalf("allow action %+v: want a command and no edit", allow)
	}
	if err := s.runAction(allow); err != nil {
		t.Fatal(err)
	}
	e := s.awaitEdit()
	eu, version, edits := editOf(t, e.Edit)
	if eu != protocol.DocumentURI(uri.File(cfgPath)) || version != nil {
		t.Errorf("edit of %s version %v, want %s as on disk (null version)", eu, version, cfgPath)
	}
	got := applyTextEdits(t, s.enc, teamConfig, edits)
	want := strings.Replace(teamConfig, "  \"soon-ish\",\n", "  \"soon-ish\",\n  \"soon\",\n", 1)
	if got != want {
		t.Errorf("config after the edit:\n%s\nwant\n%s", got, want)
	}
	// The server lints with the edited config at once, saved or not.
	p := s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return !hasCode(p.Diagnostics, "vague-timing") })
	if !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("hedging gone too: %s", diagSummary(p.Diagnostics))
	}
	s.awaitMessage(func(m *protocol.ShowMessageParams) bool {
		return strings.Contains(m.Message, `allowed "soon" for vague-timing`) && strings.Contains(m.Message, "save")
	})

	// A second action works from the edited text, not the file on disk.
	hd := findCode(t, p.Diagnostics, "hedging")
	dis := findAction(t, s.codeActions(u, hd.Range, nil), "Disable hedging in this project")
	if err := s.runAction(dis); err != nil {
		t.Fatal(err)
	}
	_, _, edits = editOf(t, s.awaitEdit().Edit)
	got2 := applyTextEdits(t, s.enc, got, edits)
	if want2 := strings.Replace(want, "]\n\n# Kinds", "]\n\n[rules.hedging]\nenabled = false\n\n# Kinds", 1); got2 != want2 {
		t.Errorf("after disabling hedging:\n%s", got2)
	}
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	// Saving the file (the watcher reports it) makes the disk the truth again.
	writeFile(t, cfgPath, got2)
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": uri.File(cfgPath), "type": 2}}})
	s.changeFull(u, 2, text+"\n")
	if p := s.awaitVersion(u, 2); len(p.Diagnostics) != 0 {
		t.Errorf("after saving: %s", diagSummary(p.Diagnostics))
	}
}

// TestAllowCreatesConfig: with no .upward.toml, the action creates one at
// the root of the workspace folder, and documents in other folders below
// it use it at once.
func TestAllowCreatesConfig(t *testing.T) {
	for _, create := range []bool{false, true} {
		t.Run(map[bool]string{false: "buffer", true: "CreateFile"}[create], func(t *testing.T) {
			dir := t.TempDir()
			su := setup{folders: []string{dir}}
			if create {
				caps := defaultCaps()
				caps["workspace"].(map[string]any)["workspaceEdit"] = map[string]any{"documentChanges": true, "resourceOperations": []string{"create"}}
				su.caps = caps
			}
			s := start(t, su)
			u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a", "a.md")))
			u2 := protocol.DocumentURI(uri.File(filepath.Join(dir, "b", "c", "b.md")))
			s.open(u, "markdown", 1, hedge)
			s.open(u2, "markdown", 1, hedge)
			hd := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
			s.awaitVersion(u2, 1)
			a := findAction(t, s.codeActions(u, hd.Range, nil), `Allow "Sorry to bother you" in this project`)
			if err := s.runAction(a); err != nil {
				t.Fatal(err)
			}
			e := s.awaitEdit()
			cfgURI := protocol.DocumentURI(uri.File(filepath.Join(dir, ".upward.toml")))
			var edits []protocol.TextEdit
			if create {
				// protocol's typed WorkspaceEdit reads the CreateFile as an
				// empty document edit; the insertion follows it.
				if n := len(e.Edit.DocumentChanges); n != 2 || e.Edit.DocumentChanges[1].TextDocument.URI != cfgURI {
					t.Fatalf("want CreateFile then an edit of %s, got %+v", cfgURI, e.Edit)
				}
				edits = e.Edit.DocumentChanges[1].Edits
			} else {
				var eu protocol.DocumentURI
				eu, _, edits = editOf(t, e.Edit)
				if eu != cfgURI {
					t.Errorf("edit of %s, want %s", eu, cfgURI)
				}
			}
			if got := applyTextEdits(t, s.enc, "", edits); got != "[rules.hedging]\nallow = [\"Sorry to bother you\"]\n" {
				t.Errorf("new config %q", got)
			}
			for _, d := range []protocol.DocumentURI{u, u2} {
				s.awaitDiags(d, func(p *protocol.PublishDiagnosticsParams) bool { return !hasCode(p.Diagnostics, "hedging") })
			}
			if _, err := os.Stat(filepath.Join(dir, ".upward.toml")); !os.IsNotExist(err) {
				t.Errorf("the server wrote the file itself: %v", err)
			}
		})
	}
}

func TestAllowRefusesBrokenConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	const broken = "# keep me\n[rules.hedging\nenabled = false\n"
	writeFile(t, cfgPath, broken)
	s := start(t, setup{folders: []string{dir}})
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, hedge)
	hd := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	a := findAction(t, s.codeActions(u, hd.Range, nil), `Allow "Sorry to bother you" in this project`)
	err := s.runAction(a)
	var je *jsonrpc2.Error
	if err == nil || !errors.As(err, &je) || !strings.Contains(err.Error(), "does not load, so it was not changed") {
		t.Fatalf("executeCommand on a broken config: %v; want an error saying it does not load", err)
	}
	s.awaitMessage(func(m *protocol.ShowMessageParams) bool {
		return m.Type == protocol.MessageTypeError && strings.Contains(m.Message, "not changed") && strings.Contains(m.Message, ".upward.toml:2:")
	})
	s.noEdit(300 * time.Millisecond)
	if b, _ := os.ReadFile(cfgPath); string(b) != broken {
		t.Errorf("broken config rewritten: %q", b)
	}
}

// TestAllowOpenConfig: an open, unsaved config buffer is what gets edited,
// at its version.
func TestAllowOpenConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	writeFile(t, cfgPath, "")
	s := start(t, setup{folders: []string{dir}})
	cfgURI := protocol.DocumentURI(uri.File(cfgPath))
	const buffer = "# unsaved\n[rules.crisis]\nseverity = \"hint\"\n"
	s.open(cfgURI, "toml", 7, buffer)
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, hedge)
	hd := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	if err := s.runAction(findAction(t, s.codeActions(u, hd.Range, nil), "Disable hedging in this project")); err != nil {
		t.Fatal(err)
	}
	eu, version, edits := editOf(t, s.awaitEdit().Edit)
	if eu != cfgURI || version == nil || *version != 7 {
		t.Fatalf("edit of %s at version %v, want the open buffer at 7", eu, version)
	}
	got := applyTextEdits(t, s.enc, buffer, edits)
	if want := buffer + "\n[rules.hedging]\nenabled = false\n"; got != want {
		t.Errorf("buffer after the edit %q, want %q", got, want)
	}
	// The editor then sends the change, as it does for any edit.
	s.changeFull(cfgURI, 8, got)
	s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return !hasCode(p.Diagnostics, "hedging") })
}

func TestAllowRefusedByEditor(t *testing.T) {
	dir := t.TempDir()
	s := start(t, setup{folders: []string{dir}})
	s.rec.mu.Lock()
	s.rec.refuseEdits = true
	s.rec.mu.Unlock()
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, hedge)
	hd := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	if err := s.runAction(findAction(t, s.codeActions(u, hd.Range, nil), "Disable hedging in this project")); err != nil {
		t.Fatal(err)
	}
	s.awaitEdit()
	s.awaitMessage(func(m *protocol.ShowMessageParams) bool {
		return m.Type == protocol.MessageTypeWarning && strings.Contains(m.Message, "not changed")
	})
	s.changeFull(u, 2, hedge+"\n")
	if p := s.awaitVersion(u, 2); !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("hedging gone though the editor refused the edit")
	}
}

// TestNoProjectActionsWithoutApplyEdit: a client that cannot apply
// workspace edits is not offered actions it cannot carry out.
func TestNoProjectActionsWithoutApplyEdit(t *testing.T) {
	caps := defaultCaps()
	delete(caps["workspace"].(map[string]any), "applyEdit")
	s := start(t, setup{caps: caps})
	u := docURI("noapply.md")
	s.open(u, "markdown", 1, hedge)
	hd := findCode(t, s.awaitVersion(u, 1).Diagnostics, "hedging")
	for _, a := range s.codeActions(u, hd.Range, nil) {
		if strings.HasSuffix(a.Title, "in this project") {
			t.Errorf("offered %q", a.Title)
		}
	}
	// And a bad command is an error, not a crash.
	if _, err := s.server.ExecuteCommand(s.ctx, &protocol.ExecuteCommandParams{Command: "upward.allow", Arguments: []any{"nonsense"}}); err == nil {
		t.Error("upward.allow with a bad argument succeeded")
	}
	if _, err := s.server.ExecuteCommand(s.ctx, &protocol.ExecuteCommandParams{Command: "upward.nothing"}); err == nil {
		t.Error("an unknown command succeeded")
	}
}
