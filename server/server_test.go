package server

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/version"
)

const hedge = "Sorry to bother you, but the report is ready.\n"

func TestLifecycle(t *testing.T) {
	t.Run("request before initialize", func(t *testing.T) {
		s := start(t, setup{noInit: true})
		code, err := s.call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": docURI("a.md")}, "position": map[string]any{"line": 0, "character": 0},
		}, nil)
		if code != jsonrpc2.ServerNotInitialized {
			t.Fatalf("hover before initialize: code %d (%v), want ServerNotInitialized", code, err)
		}
		res := s.initialize(setup{})
		if res.ServerInfo.Name != "upward" || res.ServerInfo.Version != version.Short() {
			t.Errorf("serverInfo = %+v, want upward %s (what upward version says)", res.ServerInfo, version.Short())
		}
		if code, _ := s.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); code != jsonrpc2.InvalidRequest {
			t.Errorf("second initialize: code %d, want InvalidRequest", code)
		}
		if got := s.shutdownExit(); got != 0 {
			t.Errorf("exit code after shutdown = %d, want 0", got)
		}
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		s := start(t, setup{})
		if err := s.server.Exit(s.ctx); err != nil {
			t.Fatal(err)
		}
		if got := s.exitCode(); got != 1 {
			t.Errorf("exit code without shutdown = %d, want 1", got)
		}
	})
	t.Run("input closed without exit", func(t *testing.T) {
		s := start(t, setup{})
		_ = s.conn.Close()
		if got := s.exitCode(); got != 1 {
			t.Errorf("exit code when the input ends = %d, want 1", got)
		}
	})
	t.Run("unknown method and requests after shutdown", func(t *testing.T) {
		s := start(t, setup{})
		if code, _ := s.call("textDocument/completion", map[string]any{}, nil); code != jsonrpc2.MethodNotFound {
			t.Errorf("completion: code %d, want MethodNotFound", code)
		}
		if code, _ := s.call("upward/nonsense", nil, nil); code != jsonrpc2.MethodNotFound {
			t.Errorf("custom method: code %d, want MethodNotFound", code)
		}
		s.notify("$/someNotification", map[string]any{}) // ignored
		if err := s.server.Shutdown(s.ctx); err != nil {
			t.Fatal(err)
		}
		code, _ := s.call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": docURI("a.md")}, "position": map[string]any{"line": 0, "character": 0},
		}, nil)
		if code != jsonrpc2.InvalidRequest {
			t.Errorf("hover after shutdown: code %d, want InvalidRequest", code)
		}
		if err := s.server.Exit(s.ctx); err != nil {
			t.Fatal(err)
		}
		if got := s.exitCode(); got != 0 {
			t.Errorf("exit code = %d, want 0", got)
		}
	})
}

func TestInitializeCapabilities(t *testing.T) {
	s := start(t, setup{noInit: true})
	res := s.initialize(setup{})
	if res.Capabilities.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding = %q, want utf-16 when the client offers none", res.Capabilities.PositionEncoding)
	}
	var sync struct {
		OpenClose bool `json:"openClose"`
		Change    int  `json:"change"`
	}
	if err := json.Unmarshal(res.Capabilities.TextDocumentSync, &sync); err != nil || !sync.OpenClose || sync.Change != 2 {
		t.Errorf("textDocumentSync = %s, want openClose and incremental (2)", res.Capabilities.TextDocumentSync)
	}
	if !res.Capabilities.HoverProvider {
		t.Error("no hoverProvider")
	}
	var ca struct {
		CodeActionKinds []string `json:"codeActionKinds"`
	}
	if err := json.Unmarshal(res.Capabilities.CodeActionProvider, &ca); err != nil ||
		strings.Join(ca.CodeActionKinds, ",") != "quickfix,source.fixAll.upward" {
		t.Errorf("codeActionProvider = %s", res.Capabilities.CodeActionProvider)
	}

	s8 := start(t, setup{noInit: true})
	res8 := s8.initialize(setup{caps: map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-32", "utf-8", "utf-16"}}}})
	if res8.Capabilities.PositionEncoding != "utf-8" {
		t.Errorf("positionEncoding = %q, want utf-8 when offered", res8.Capabilities.PositionEncoding)
	}
}

func TestOpenChangeFix(t *testing.T) {
	s := start(t, setup{})
	u := docURI("report.md")
	text := "# Status\n\n" + hedge
	s.open(u, "markdown", 1, text)
	p := s.awaitVersion(u, 1)
	d := findCode(t, p.Diagnostics, "hedging")
	if d.Source != "upward" || d.Severity == 0 || d.CodeDescription == nil ||
		!strings.HasSuffix(string(d.CodeDescription.Href), "/rules/hedging.toml") || d.Message == "" {
		t.Errorf("hedging diagnostic = %+v", d)
	}
	if d.Range != rng(2, 0, 2, 19) {
		t.Errorf("hedging range = %+v, want 2:0-2:19 (\"Sorry to bother you\")", d.Range)
	}

	// An incremental change: append a sentence at the end of line 2.
	s.changeRange(u, 2, rng(2, 45, 2, 45), " I'll send the slides soon.")
	text = "# Status\n\nSorry to bother you, but the report is ready. I'll send the slides soon.\n"
	p = s.awaitVersion(u, 2)
	if !hasCode(p.Diagnostics, "hedging") || !hasCode(p.Diagnostics, "vague-timing") {
		t.Fatalf("v2 diagnostics = %s, want hedging and vague-timing", diagSummary(p.Diagnostics))
	}
	vt := findCode(t, p.Diagnostics, "vague-timing")
	if at := uint32(strings.Index(text, "soon") - len("# Status\n\n")); vt.Range != rng(2, at, 2, at+4) {
		t.Errorf("vague-timing range = %+v, want 2:%d-2:%d", vt.Range, at, at+4)
	}

	// The quick fix for hedging, from a code action on its range.
	hd := findCode(t, p.Diagnostics, "hedging")
	as := s.codeActions(u, hd.Range, []protocol.Diagnostic{hd})
	fix := findAction(t, as, "Remove the hedge")
	if !fix.IsPreferred || fix.Kind != protocol.QuickFix || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != "hedging" {
		t.Errorf("fix action = %+v", fix)
	}
	text = s.apply(t, text, 2, fix)
	if want := "# Status\n\nThe report is ready. I'll send the slides soon.\n"; text != want {
		t.Fatalf("after the fix:\n%q\nwant\n%q", text, want)
	}
	s.changeFull(u, 3, text)
	p = s.awaitVersion(u, 3)
	if hasCode(p.Diagnostics, "hedging") || !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("v3 diagnostics = %s, want vague-timing only", diagSummary(p.Diagnostics))
	}
	// A stale edit names its version, so the editor refuses it.
	if v := *fix.Edit.DocumentChanges[0].TextDocument.Version; v != 2 {
		t.Errorf("fix edit version = %d, want 2", v)
	}
	s.drain(100 * time.Millisecond)
	assertMonotonic(t, s.versions(u))

	// Closing clears the diagnostics.
	if err := s.server.DidClose(s.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		t.Fatal(err)
	}
	p = s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return p.Version == 0 })
	if len(p.Diagnostics) != 0 {
		t.Errorf("after close: %s, want none", diagSummary(p.Diagnostics))
	}
	if got := s.shutdownExit(); got != 0 {
		t.Errorf("exit code = %d", got)
	}
}

// assertMonotonic checks that diagnostics never went back to an older
// version.
func assertMonotonic(t *testing.T, vs []int32) {
	t.Helper()
	for i := 1; i < len(vs); i++ {
		if vs[i] < vs[i-1] {
			t.Fatalf("diagnostics for version %d published after version %d: %v", vs[i], vs[i-1], vs)
		}
	}
}

func TestBurstPublishesNewestOnly(t *testing.T) {
	// A debounce far longer than the burst takes to send makes "only the
	// newest version" deterministic.
	s := start(t, setup{opts: Options{Debounce: 300 * time.Millisecond}})
	u := docURI("burst.md")
	s.open(u, "markdown", 1, "")
	s.awaitVersion(u, 1)
	text := ""
	for v := int32(2); v <= 21; v++ {
		s.changeRange(u, v, rng(0, uint32(len(text)), 0, uint32(len(text))), "x")
		text += "x"
	}
	s.changeRange(u, 22, rng(0, 0, 0, 20), "I'll send it soon.")
	p := s.awaitVersion(u, 22)
	if !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("v22 = %s", diagSummary(p.Diagnostics))
	}
	s.drain(400 * time.Millisecond)
	if vs := s.versions(u); len(vs) != 2 || vs[0] != 1 || vs[1] != 22 {
		t.Errorf("published versions %v, want [1 22]", vs)
	}
}

func TestBurstWithoutDebounceNeverGoesBack(t *testing.T) {
	s := start(t, setup{})
	u := docURI("burst0.md")
	s.open(u, "markdown", 1, hedge)
	for v := int32(2); v <= 41; v++ {
		s.changeRange(u, v, rng(1, 0, 1, 0), "I'll send it soon. ")
	}
	s.awaitVersion(u, 41)
	s.drain(200 * time.Millisecond)
	vs := s.versions(u)
	assertMonotonic(t, vs)
	if vs[len(vs)-1] != 41 {
		t.Errorf("last published version %d, want 41", vs[len(vs)-1])
	}
}

func TestStaleLintIsNotPublished(t *testing.T) {
	// Version 2 is linted, then held back until version 3 has been
	// published: its diagnostics must then be dropped.
	hold := make(chan struct{})
	held := make(chan struct{})
	opts := Options{afterLint: func(uri string, v int32) {
		if v == 2 {
			close(held)
			<-hold
		}
	}}
	s := start(t, setup{opts: opts})
	u := docURI("stale.md")
	s.open(u, "markdown", 1, hedge)
	s.awaitVersion(u, 1)
	s.changeFull(u, 2, "I'll send it soon.\n")
	<-held
	s.changeFull(u, 3, hedge)
	s.awaitVersion(u, 3)
	close(hold)
	s.drain(200 * time.Millisecond)
	if vs := s.versions(u); containsVersion(vs, 2) {
		t.Errorf("published versions %v: version 2 went out after version 3", vs)
	}
}
