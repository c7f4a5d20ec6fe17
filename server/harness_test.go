package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// The tests drive the server in process through a real protocol client
// (jsonrpc2 + protocol.NewClient) over a net.Pipe, as an editor would.

const waitFor = 20 * time.Second

// recorder is the editor side: it records what the server sends.
type recorder struct {
	diags chan *protocol.PublishDiagnosticsParams
	msgs  chan *protocol.ShowMessageParams
	// edits receives workspace/applyEdit requests; refuseEdits makes the
	// editor answer that it did not apply them.
	edits       chan *protocol.ApplyWorkspaceEditParams
	refuseEdits bool

	mu       sync.Mutex
	settings any // the answer to workspace/configuration
	regs     []protocol.Registration
	cfgCalls int
}

func newRecorder() *recorder {
	return &recorder{
		diags: make(chan *protocol.PublishDiagnosticsParams, 4096),
		msgs:  make(chan *protocol.ShowMessageParams, 256),
		edits: make(chan *protocol.ApplyWorkspaceEditParams, 16),
	}
}

func (r *recorder) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	r.diags <- p
	return nil
}

func (r *recorder) ShowMessage(_ context.Context, p *protocol.ShowMessageParams) error {
	r.msgs <- p
	return nil
}

func (r *recorder) Configuration(_ context.Context, p *protocol.ConfigurationParams) ([]any, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cfgCalls++
	out := make([]any, len(p.Items))
	for i, it := range p.Items {
		if it.Section == "upward" {
			out[i] = r.settings
		}
	}
	return out, nil
}

func (r *recorder) RegisterCapability(_ context.Context, p *protocol.RegistrationParams) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.regs = append(r.regs, p.Registrations...)
	return nil
}

func (r *recorder) setSettings(v any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.settings = v
}

func (r *recorder) Progress(context.Context, *protocol.ProgressParams) error { return nil }
func (r *recorder) WorkDoneProgressCreate(context.Context, *protocol.WorkDoneProgressCreateParams) error {
	return nil
}
func (r *recorder) LogMessage(context.Context, *protocol.LogMessageParams) error { return nil }
func (r *recorder) ShowMessageRequest(context.Context, *protocol.ShowMessageRequestParams) (*protocol.MessageActionItem, error) {
	return nil, nil
}
func (r *recorder) Telemetry(context.Context, any) error { return nil }
func (r *recorder) UnregisterCapability(context.Context, *protocol.UnregistrationParams) error {
	return nil
}
func (r *recorder) ApplyEdit(_ context.Context, p *protocol.ApplyWorkspaceEditParams) (bool, error) {
	r.edits <- p
	r.mu.Lock()
	defer r.mu.Unlock()
	return !r.refuseEdits, nil
}
func (r *recorder) WorkspaceFolders(context.Context) ([]protocol.WorkspaceFolder, error) {
	return nil, nil
}

// session is one server run with a connected client.
type session struct {
	t      testing.TB
	ctx    context.Context
	conn   jsonrpc2.Conn
	server protocol.Server
	rec    *recorder
	code   chan int
	enc    encoding
	wait   time.Duration // how long to wait for a message

	// history of publishes per URI, in arrival order
	mu      sync.Mutex
	history map[protocol.DocumentURI][]*protocol.PublishDiagnosticsParams
}

// setup configures a session before it starts.
type setup struct {
	opts Options
	// caps is merged into the client capabilities sent with initialize.
	caps     map[string]any
	folders  []string
	settings any
	initOpts any
	noInit   bool
}

func defaultCaps() map[string]any {
	return map[string]any{
		"workspace": map[string]any{
			"configuration":         true,
			"applyEdit":             true,
			"workspaceEdit":         map[string]any{"documentChanges": true},
			"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true},
		},
		"textDocument": map[string]any{
			"hover":              map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"codeAction":         map[string]any{"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "source"}}}},
			"publishDiagnostics": map[string]any{"versionSupport": true, "dataSupport": true},
		},
	}
}

func start(t testing.TB, su setup) *session {
	t.Helper()
	if su.opts.Logger == nil {
		su.opts.Logger = zaptest.NewLogger(t, zaptest.Level(zapcore.WarnLevel))
	}
	ctx, cancel := context.WithCancel(context.Background())
	serverEnd, clientEnd := net.Pipe()
	s := &session{t: t, wait: waitFor, rec: newRecorder(), code: make(chan int, 1), history: map[protocol.DocumentURI][]*protocol.PublishDiagnosticsParams{}}
	s.rec.settings = su.settings
	go func() { s.code <- Run(ctx, serverEnd, serverEnd, su.opts) }()
	s.ctx, s.conn, s.server = protocol.NewClient(ctx, s.rec, jsonrpc2.NewStream(clientEnd), zap.NewNop())
	t.Cleanup(func() {
		_ = s.conn.Close()
		select {
		case <-s.code:
		case <-time.After(waitFor):
			t.Error("server did not stop")
		}
		cancel()
	})
	if su.noInit {
		return s
	}
	res := s.initialize(su)
	if res.Capabilities.PositionEncoding == "utf-8" {
		s.enc = utf8
	}
	if err := s.server.Initialized(s.ctx, &protocol.InitializedParams{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// initResultWire is the initialize result as the client sees it.
type initResultWire struct {
	Capabilities struct {
		PositionEncoding   string          `json:"positionEncoding"`
		TextDocumentSync   json.RawMessage `json:"textDocumentSync"`
		HoverProvider      bool            `json:"hoverProvider"`
		CodeActionProvider json.RawMessage `json:"codeActionProvider"`
	} `json:"capabilities"`
	ServerInfo struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"serverInfo"`
}

func (s *session) initialize(su setup) initResultWire {
	s.t.Helper()
	caps := defaultCaps()
	for k, v := range su.caps {
		caps[k] = v
	}
	params := map[string]any{"processId": nil, "capabilities": caps, "clientInfo": map[string]any{"name": "test"}}
	if len(su.folders) > 0 {
		var fs []map[string]any
		for _, f := range su.folders {
			fs = append(fs, map[string]any{"uri": string(uri.File(f)), "name": filepath.Base(f)})
		}
		params["workspaceFolders"] = fs
		params["rootUri"] = string(uri.File(su.folders[0]))
	}
	if su.initOpts != nil {
		params["initializationOptions"] = su.initOpts
	}
	var res initResultWire
	if _, err := s.conn.Call(s.ctx, "initialize", params, &res); err != nil {
		s.t.Fatalf("initialize: %v", err)
	}
	return res
}

// call makes a request with raw params and returns the error's code, or 0.
func (s *session) call(method string, params, result any) (jsonrpc2.Code, error) {
	_, err := s.conn.Call(s.ctx, method, params, result)
	var je *jsonrpc2.Error
	if errors.As(err, &je) {
		return je.Code, err
	}
	return 0, err
}

func (s *session) shutdownExit() int {
	s.t.Helper()
	if err := s.server.Shutdown(s.ctx); err != nil {
		s.t.Fatalf("shutdown: %v", err)
	}
	if err := s.server.Exit(s.ctx); err != nil {
		s.t.Fatalf("exit: %v", err)
	}
	return s.exitCode()
}

func (s *session) exitCode() int {
	s.t.Helper()
	select {
	case c := <-s.code:
		s.code <- c
		return c
	case <-time.After(waitFor):
		s.t.Fatal("server did not exit")
	}
	return -1
}

func docURI(name string) protocol.DocumentURI {
	return protocol.DocumentURI(uri.File(filepath.Join(os.TempDir(), "upward-test", name)))
}

func (s *session) open(u protocol.DocumentURI, lang string, version int32, text string) {
	s.t.Helper()
	err := s.server.DidOpen(s.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageIdentifier(lang), Version: version, Text: text,
	}})
	if err != nil {
		s.t.Fatal(err)
	}
}

// changeFull sends the whole new text.
func (s *session) changeFull(u protocol.DocumentURI, version int32, text string) {
	s.t.Helper()
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
}

// changeRange sends one incremental change.
func (s *session) changeRange(u protocol.DocumentURI, version int32, r protocol.Range, text string) {
	s.t.Helper()
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": version},
		"contentChanges": []any{map[string]any{"range": r, "text": text}},
	})
}

func (s *session) notify(method string, params any) {
	s.t.Helper()
	if err := s.conn.Notify(s.ctx, method, params); err != nil {
		s.t.Fatal(err)
	}
}

// awaitDiags waits until the latest publish for u (what the editor shows)
// satisfies ok, recording every publish in the history. Publishes for
// different documents may come in any order.
func (s *session) awaitDiags(u protocol.DocumentURI, ok func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	s.t.Helper()
	s.mu.Lock()
	h := s.history[u]
	s.mu.Unlock()
	if len(h) > 0 && ok(h[len(h)-1]) {
		return h[len(h)-1]
	}
	deadline := time.After(s.wait)
	for {
		select {
		case p := <-s.rec.diags:
			s.mu.Lock()
			s.history[p.URI] = append(s.history[p.URI], p)
			s.mu.Unlock()
			if p.URI == u && ok(p) {
				return p
			}
		case <-deadline:
			s.mu.Lock()
			h := s.history[u]
			s.mu.Unlock()
			var seen []string
			for _, p := range h {
				seen = append(seen, fmt.Sprintf("v%d:%s", p.Version, diagSummary(p.Diagnostics)))
			}
			s.t.Fatalf("no matching diagnostics for %s; saw %v", u, seen)
			return nil
		}
	}
}

// awaitVersion waits for the diagnostics of one version, which may have
// arrived already.
func (s *session) awaitVersion(u protocol.DocumentURI, v int32) *protocol.PublishDiagnosticsParams {
	s.t.Helper()
	s.mu.Lock()
	h := s.history[u]
	s.mu.Unlock()
	for i := len(h) - 1; i >= 0; i-- {
		if int32(h[i].Version) == v {
			return h[i]
		}
	}
	return s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return int32(p.Version) == v })
}

// drain records publishes that arrive within d.
func (s *session) drain(d time.Duration) {
	deadline := time.After(d)
	for {
		select {
		case p := <-s.rec.diags:
			s.mu.Lock()
			s.history[p.URI] = append(s.history[p.URI], p)
			s.mu.Unlock()
		case <-deadline:
			return
		}
	}
}

func (s *session) versions(u protocol.DocumentURI) []int32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var vs []int32
	for _, p := range s.history[u] {
		vs = append(vs, int32(p.Version))
	}
	return vs
}

func (s *session) awaitMessage(ok func(*protocol.ShowMessageParams) bool) *protocol.ShowMessageParams {
	s.t.Helper()
	deadline := time.After(waitFor)
	for {
		select {
		case m := <-s.rec.msgs:
			if ok(m) {
				return m
			}
		case <-deadline:
			s.t.Fatal("no matching window/showMessage")
			return nil
		}
	}
}

func diagSummary(ds []protocol.Diagnostic) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, fmt.Sprintf("%v@%d:%d", d.Code, d.Range.Start.Line, d.Range.Start.Character))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func codes(ds []protocol.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if c, ok := d.Code.(string); ok {
			out = append(out, c)
		}
	}
	return out
}

func hasCode(ds []protocol.Diagnostic, code string) bool { return slices.Contains(codes(ds), code) }

func findCode(t *testing.T, ds []protocol.Diagnostic, code string) protocol.Diagnostic {
	t.Helper()
	for _, d := range ds {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("no %s diagnostic in %s", code, diagSummary(ds))
	return protocol.Diagnostic{}
}

func (s *session) codeActions(u protocol.DocumentURI, r protocol.Range, diags []protocol.Diagnostic, only ...protocol.CodeActionKind) []protocol.CodeAction {
	s.t.Helper()
	as, err := s.server.CodeAction(s.ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        r,
		Context:      protocol.CodeActionContext{Diagnostics: diags, Only: only},
	})
	if err != nil {
		s.t.Fatalf("codeAction: %v", err)
	}
	return as
}

func findAction(t *testing.T, as []protocol.CodeAction, title string) protocol.CodeAction {
	t.Helper()
	var titles []string
	for _, a := range as {
		if a.Title == title {
			return a
		}
		titles = append(titles, a.Title)
	}
	t.Fatalf("no code action %q among %q", title, titles)
	return protocol.CodeAction{}
}

// apply applies a code action's edit to text, which must be the version
// the edit names, the way an editor does.
func (s *session) apply(t *testing.T, text string, version int32, a protocol.CodeAction) string {
	t.Helper()
	if a.Edit == nil || len(a.Edit.DocumentChanges) != 1 {
		t.Fatalf("action %q: want one versioned document edit, got %+v", a.Title, a.Edit)
	}
	dc := a.Edit.DocumentChanges[0]
	if dc.TextDocument.Version == nil || *dc.TextDocument.Version != version {
		t.Fatalf("action %q: edit is for version %v, the document is at %d", a.Title, dc.TextDocument.Version, version)
	}
	return applyTextEdits(t, s.enc, text, dc.Edits)
}

func applyTextEdits(t *testing.T, enc encoding, text string, tes []protocol.TextEdit) string {
	t.Helper()
	m := document.NewMapper(text)
	var edits []lint.Edit
	for _, te := range tes {
		sp, err := enc.span(m, te.Range)
		if err != nil {
			t.Fatalf("edit range %+v: %v", te.Range, err)
		}
		edits = append(edits, lint.Edit{Span: sp, NewText: te.NewText})
	}
	out, err := lint.ApplyEdits(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}
