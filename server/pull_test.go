package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// pullCaps are the capabilities of a client that pulls diagnostics.
func pullCaps() map[string]any {
	caps := defaultCaps()
	caps["textDocument"].(map[string]any)["diagnostic"] = map[string]any{"dynamicRegistration": false}
	caps["workspace"].(map[string]any)["diagnostics"] = map[string]any{"refreshSupport": true}
	return caps
}

type pulledReport struct {
	Kind     string                `json:"kind"`
	URI      protocol.DocumentURI  `json:"uri"`
	Version  *int32                `json:"version"`
	ResultID string                `json:"resultId"`
	Items    []protocol.Diagnostic `json:"items"`
}

func (s *session) pull(u protocol.DocumentURI, prev string) pulledReport {
	s.t.Helper()
	var r pulledReport
	params := map[string]any{"textDocument": map[string]any{"uri": u}}
	if prev != "" {
		params["previousResultId"] = prev
	}
	if _, err := s.call("textDocument/diagnostic", params, &r); err != nil {
		s.t.Fatalf("textDocument/diagnostic: %v", err)
	}
	return r
}

func (s *session) pullWorkspace(prev map[protocol.DocumentURI]string) map[protocol.DocumentURI]pulledReport {
	s.t.Helper()
	var ids []map[string]any
	for u, v := range prev {
		ids = append(ids, map[string]any{"uri": u, "value": v})
	}
	var res struct {
		Items []pulledReport `json:"items"`
	}
	if _, err := s.call("workspace/diagnostic", map[string]any{"previousResultIds": ids}, &res); err != nil {
		s.t.Fatalf("workspace/diagnostic: %v", err)
	}
	out := map[protocol.DocumentURI]pulledReport{}
	for _, r := range res.Items {
		if _, dup := out[r.URI]; dup {
			s.t.Errorf("%s reported twice", r.URI)
		}
		out[r.URI] = r
	}
	return out
}

func TestPullDiagnostics(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".upward.toml")
	writeFile(t, cfgPath, "ignore = [\"drafts/**\"]\n")
	s := start(t, setup{noInit: true, folders: []string{dir}})
	var res struct {
		Capabilities struct {
			DiagnosticProvider *struct {
				InterFileDependencies bool `json:"interFileDependencies"`
				WorkspaceDiagnostics  bool `json:"workspaceDiagnostics"`
			} `json:"diagnosticProvider"`
		} `json:"capabilities"`
	}
	caps := pullCaps()
	params := map[string]any{"processId": nil, "capabilities": caps, "rootUri": string(uri.File(dir)),
		"workspaceFolders": []any{map[string]any{"uri": string(uri.File(dir)), "name": "w"}}}
	if _, err := s.conn.Call(s.ctx, "initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if dp := res.Capabilities.DiagnosticProvider; dp == nil || !dp.WorkspaceDiagnostics || dp.InterFileDependencies {
		t.Fatalf("diagnosticProvider = %+v, want workspace diagnostics without inter-file dependencies", dp)
	}
	if err := s.server.Initialized(s.ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}

	// An open document: nothing is pushed, everything is pulled.
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
	s.open(u, "markdown", 1, twoRules)
	r1 := s.pull(u, "")
	if r1.Kind != "full" || r1.ResultID == "" || !hasCode(r1.Items, "hedging") || !hasCode(r1.Items, "vague-timing") {
		t.Fatalf("first pull: %+v", r1)
	}
	if r2 := s.pull(u, r1.ResultID); r2.Kind != "unchanged" || r2.ResultID != r1.ResultID || r2.Items != nil {
		t.Errorf("pull with the current result ID: %+v, want unchanged", r2)
	}
	// The items carry code actions as pushed diagnostics do.
	hd := findCode(t, r1.Items, "hedging")
	findAction(t, s.codeActions(u, hd.Range, []protocol.Diagnostic{hd}), "Remove the hedge")

	// An edit changes the report.
	s.changeFull(u, 2, "I'll send the slides soon.\n")
	r3 := s.pull(u, r1.ResultID)
	if r3.Kind != "full" || r3.ResultID == r1.ResultID || hasCode(r3.Items, "hedging") || !hasCode(r3.Items, "vague-timing") {
		t.Errorf("after an edit: %+v", r3)
	}
	// So does a change of config, though the text is the same.
	writeFile(t, cfgPath, "ignore = [\"drafts/**\"]\n\n[rules.vague-timing]\nseverity = \"error\"\n")
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": uri.File(cfgPath), "type": 2}}})
	deadline := time.Now().Add(waitFor)
	var r4 pulledReport
	for {
		r4 = s.pull(u, r3.ResultID)
		if r4.Kind == "full" || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if r4.Kind != "full" || findCode(t, r4.Items, "vague-timing").Severity != protocol.DiagnosticSeverityError {
		t.Errorf("after the config changed: %+v", r4)
	}

	// Nothing was pushed for the document.
	s.drain(200 * time.Millisecond)
	if vs := s.versions(u); len(vs) != 0 {
		t.Errorf("pushed diagnostics for versions %v to a client that pulls", vs)
	}
}

func TestPullWorkspaceDiagnostics(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".upward.toml"), "ignore = [\"drafts/**\"]\n")
	writeFile(t, filepath.Join(dir, "a.md"), hedge)
	writeFile(t, filepath.Join(dir, "notes", "b.txt"), "I'll send it soon.\n")
	writeFile(t, filepath.Join(dir, "notes", "clean.md"), "Shipped the importer on Tuesday.\n")
	writeFile(t, filepath.Join(dir, "drafts", "c.md"), hedge)       // ignored by the config
	writeFile(t, filepath.Join(dir, ".hidden", "d.md"), hedge)      // hidden folder
	writeFile(t, filepath.Join(dir, "node_modules", "e.md"), hedge) // dependencies
	writeFile(t, filepath.Join(dir, "code.go"), "package x // soon\n")
	if err := os.WriteFile(filepath.Join(dir, "bad.md"), []byte("I'll send it \xff soon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t, setup{caps: pullCaps(), folders: []string{dir}})
	file := func(rel string) protocol.DocumentURI { return protocol.DocumentURI(uri.File(filepath.Join(dir, rel))) }

	// One file is open with unsaved text: its report is of that text.
	s.open(file("a.md"), "markdown", 3, "I'll send it soon.\n")

	got := s.pullWorkspace(nil)
	var names []string
	for u := range got {
		rel, _ := filepath.Rel(dir, u.Filename())
		names = append(names, filepath.ToSlash(rel))
	}
	slices.Sort(names)
	if want := []string{"a.md", "bad.md", "notes/b.txt", "notes/clean.md"}; !slices.Equal(names, want) {
		t.Fatalf("reported files %q, want %q", names, want)
	}
	a := got[file("a.md")]
	if a.Version == nil || *a.Version != 3 || hasCode(a.Items, "hedging") || !hasCode(a.Items, "vague-timing") {
		t.Errorf("open a.md: %+v, want version 3 and the buffer's findings", a)
	}
	if b := got[file("notes/b.txt")]; b.Kind != "full" || b.Version != nil || !hasCode(b.Items, "vague-timing") {
		t.Errorf("b.txt: %+v", b)
	}
	if c := got[file("notes/clean.md")]; c.Kind != "full" || c.Items == nil || len(c.Items) != 0 {
		t.Errorf("clean.md: %+v, want a full report with no items", c)
	}
	if bad := got[file("bad.md")]; len(bad.Items) != 1 || bad.Items[0].Severity != protocol.DiagnosticSeverityError {
		t.Errorf("bad.md (invalid UTF-8): %+v, want one error", bad)
	}

	// Again with the result IDs: all unchanged.
	prev := map[protocol.DocumentURI]string{}
	for u, r := range got {
		prev[u] = r.ResultID
	}
	for u, r := range s.pullWorkspace(prev) {
		if r.Kind != "unchanged" || r.ResultID != prev[u] || r.Items != nil {
			raw, _ := json.Marshal(r)
			t.Errorf("%s: %s, want unchanged", u, raw)
		}
	}
	// A file changed on disk is reported in full again.
	writeFile(t, filepath.Join(dir, "notes", "clean.md"), hedge)
	if c := s.pullWorkspace(prev)[file("notes/clean.md")]; c.Kind != "full" || !hasCode(c.Items, "hedging") {
		t.Errorf("clean.md after it changed: %+v", c)
	}
}

// TestPushWithoutPull: a client that does not announce pull support gets
// no diagnosticProvider and pushed diagnostics.
func TestPushWithoutPull(t *testing.T) {
	s := start(t, setup{noInit: true})
	var res struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	if _, err := s.conn.Call(s.ctx, "initialize", map[string]any{"processId": nil, "capabilities": defaultCaps()}, &res); err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Capabilities["diagnosticProvider"]; ok {
		t.Errorf("diagnosticProvider declared to a client that does not pull")
	}
	if _, ok := res.Capabilities["codeLensProvider"]; !ok {
		t.Errorf("no codeLensProvider")
	}
	if err := s.server.Initialized(s.ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	u := docURI("push.md")
	s.open(u, "markdown", 1, hedge)
	if p := s.awaitVersion(u, 1); !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("pushed %s", diagSummary(p.Diagnostics))
	}
}
