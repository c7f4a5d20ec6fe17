package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// rawClient talks to Run over pipes byte by byte, to send what no real
// client library would.
type rawClient struct {
	t       *testing.T
	pending []map[string]json.RawMessage // messages read but not yet asked for
	in      *io.PipeWriter
	msgs    chan map[string]json.RawMessage
	code    chan int
	junk    chan error // non-LSP output on stdout
}

func startRaw(t *testing.T, opts Options) *rawClient {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	if opts.Logger == nil && opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	c := &rawClient{t: t, in: inW, msgs: make(chan map[string]json.RawMessage, 256), code: make(chan int, 1), junk: make(chan error, 1)}
	go func() {
		c.code <- Run(context.Background(), inR, outW, opts)
		outW.Close()
	}()
	go c.readFrames(outR)
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.code:
		case <-time.After(waitFor):
			t.Error("server did not stop")
		}
		select {
		case err := <-c.junk:
			t.Errorf("stdout: %v", err)
		default:
		}
	})
	return c
}

// readFrames parses the server's output strictly: nothing but
// Content-Length framed JSON objects may appear.
func (c *rawClient) readFrames(r io.Reader) {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if line != "" {
				c.junk <- fmt.Errorf("trailing bytes %q", line)
			}
			return
		}
		if !strings.HasPrefix(line, "Content-Length: ") || !strings.HasSuffix(line, "\r\n") {
			c.junk <- fmt.Errorf("not a header: %q", line)
			return
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(line, "Content-Length: "), "\r\n"))
		if err != nil {
			c.junk <- err
			return
		}
		if blank, _ := br.ReadString('\n'); blank != "\r\n" {
			c.junk <- fmt.Errorf("header not ended by a blank line: %q", blank)
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			c.junk <- err
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.junk <- fmt.Errorf("body %q: %v", body, err)
			return
		}
		c.msgs <- m
	}
}

func (c *rawClient) send(raw string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, raw); err != nil {
		c.t.Fatal(err)
	}
}

func (c *rawClient) sendJSON(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.send(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b))
}

// response waits for the response with the given raw id; responses
// may arrive in any order.
func (c *rawClient) response(id string) map[string]json.RawMessage {
	c.t.Helper()
	match := func(m map[string]json.RawMessage) bool {
		_, isCall := m["method"]
		return !isCall && string(m["id"]) == id
	}
	for i, m := range c.pending {
		if match(m) {
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			return m
		}
	}
	deadline := time.After(waitFor)
	for {
		select {
		case m := <-c.msgs:
			if match(m) {
				return m
			}
			c.pending = append(c.pending, m)
		case err := <-c.junk:
			c.t.Fatalf("stdout: %v", err)
		case <-deadline:
			c.t.Fatalf("no response with id %s", id)
		}
	}
}

func errorCode(t *testing.T, m map[string]json.RawMessage) int {
	t.Helper()
	var e struct {
		Code int `json:"code"`
	}
	if err := json.Unmarshal(m["error"], &e); err != nil {
		t.Fatalf("response %v has no error", m)
	}
	return e.Code
}

func TestMalformedInput(t *testing.T) {
	var logBuf bytes.Buffer
	log := &syncWriter{w: &logBuf}
	c := startRaw(t, Options{LogLevel: "debug", Stderr: log})
	// Not JSON: a ParseError with a null id.
	c.send("Content-Length: 9\r\n\r\n{garbage}")
	if m := c.response("null"); errorCode(t, m) != -32700 {
		t.Errorf("garbage: %v", m)
	}
	// JSON, but not JSON-RPC 2.0: InvalidRequest with the message's id.
	c.sendJSON(map[string]any{"jsonrpc": "1.0", "id": 7, "method": "initialize"})
	if m := c.response("7"); errorCode(t, m) != -32600 {
		t.Errorf("wrong version: %v", m)
	}
	// A header block without Content-Length, and one with a bad one, are
	// skipped; so are stray blank lines.
	c.send("Content-Type: application/json\r\n\r\n")
	c.send("Content-Length: lots\r\n\r\n\r\n")
	// The server still serves.
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	if m := c.response("1"); m["result"] == nil {
		t.Fatalf("initialize after junk: %v", m)
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
	// A notification with params of the wrong shape is dropped.
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": []int{1, 2}})
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": "nonsense"})
	// Malformed file URIs name no file; the server carries on.
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": map[string]any{
		"changes": []any{map[string]any{"uri": "file:///x/%zz/.upward.toml", "type": 2}}}})
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///notes/100%.md", "languageId": "markdown", "version": 1, "text": "Sorry to bother you, but the report is ready.\n"}}})
	if m := c.notification("textDocument/publishDiagnostics"); !strings.Contains(string(m["params"]), "hedging") {
		t.Errorf("document with a malformed URI: %s", m["params"])
	}
	// A request with bad params gets an error, not silence.
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": "h", "method": "textDocument/hover", "params": []int{1}})
	if m := c.response(`"h"`); m["error"] == nil {
		t.Errorf("hover with bad params: %v", m)
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
	if m := c.response("2"); m["error"] != nil {
		t.Fatalf("shutdown: %v", m)
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "exit"})
	select {
	case code := <-c.code:
		c.code <- code
		if code != 0 {
			t.Errorf("exit code %d", code)
		}
	case <-time.After(waitFor):
		t.Fatal("no exit")
	}
	if !strings.Contains(log.String(), "notification not handled") {
		t.Errorf("the log does not mention the dropped notification:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "malformed JSON") {
		t.Errorf("the log does not mention the malformed message:\n%s", log.String())
	}
}

// syncWriter makes a writer safe for the logger's concurrent use and the
// test's read.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprint(s.w)
}

func TestCancelRequest(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	opts := Options{hook: func(ctx context.Context, method string) {
		if method == "textDocument/hover" {
			once.Do(func() { <-release })
		}
	}}
	c := startRaw(t, opts)
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	c.response("1")
	hover := func(id any) map[string]any {
		return map[string]any{"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": map[string]any{
			"textDocument": map[string]any{"uri": "file:///nowhere.md"}, "position": map[string]any{"line": 0, "character": 0},
		}}
	}
	c.sendJSON(hover(5))     // blocks in the hook
	c.sendJSON(hover("six")) // waits behind it
	c.sendJSON(hover(7))     // waits too, and is not cancelled
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "$/cancelRequest", "params": map[string]any{"id": 5}})
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "$/cancelRequest", "params": map[string]any{"id": "six"}})
	time.Sleep(50 * time.Millisecond) // let the cancellations arrive before the release
	close(release)
	if m := c.response("5"); errorCode(t, m) != -32800 {
		t.Errorf("cancelled request 5: %v", m)
	}
	if m := c.response(`"six"`); errorCode(t, m) != -32800 {
		t.Errorf("cancelled request \"six\": %v", m)
	}
	if m := c.response("7"); m["error"] != nil {
		t.Errorf("request 7 was not cancelled but got %v", m)
	}
}

func TestEditOutOfRange(t *testing.T) {
	s := start(t, setup{})
	a, b := docURI("a.md"), docURI("b.md")
	s.open(a, "markdown", 1, hedge)
	s.open(b, "markdown", 1, hedge)
	s.awaitVersion(a, 1)
	s.awaitVersion(b, 1)

	s.changeRange(a, 2, rng(99, 0, 99, 3), "x")
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeError })
	if !strings.Contains(m.Message, "a.md") || !strings.Contains(m.Message, "line") {
		t.Errorf("message %q", m.Message)
	}
	// The stale diagnostics are withdrawn; the document is out of sync.
	if p := s.awaitVersion(a, 2); len(p.Diagnostics) != 0 {
		t.Errorf("broken document still has diagnostics: %s", diagSummary(p.Diagnostics))
	}
	s.changeRange(a, 3, rng(0, 0, 0, 0), "I'll send it soon. ")
	if as := s.codeActions(a, rng(0, 0, 0, 5), nil); len(as) != 0 {
		t.Errorf("code actions on a broken document: %d", len(as))
	}
	// Other documents are unaffected.
	s.changeFull(b, 2, "I'll send it soon.\n")
	if p := s.awaitVersion(b, 2); !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("b v2: %s", diagSummary(p.Diagnostics))
	}
	// A full change brings the document back.
	s.changeFull(a, 4, "I'll send it soon.\n")
	if p := s.awaitVersion(a, 4); !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("a v4: %s", diagSummary(p.Diagnostics))
	}
	s.drain(50 * time.Millisecond)
	if vs := s.versions(a); vs[len(vs)-1] != 4 || containsVersion(vs, 3) {
		t.Errorf("versions published for a: %v (none for the broken v3)", vs)
	}

	// A change for a document that is not open is logged and ignored.
	s.changeFull(docURI("never-opened.md"), 2, hedge)
	h, err := s.server.Hover(s.ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: a}, Position: protocol.Position{Line: 0, Character: 16},
	}})
	if err != nil || h == nil {
		t.Errorf("hover after the unknown change: %v, %v", h, err)
	}
}

func containsVersion(vs []int32, v int32) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

func TestIgnoredLanguages(t *testing.T) {
	s := start(t, setup{})
	goFile := docURI("main.go")
	s.open(goFile, "go", 1, "// Sorry to bother you, but the report is ready.\n")
	txt := docURI("notes")
	s.open(txt, "plaintext", 1, hedge)
	if p := s.awaitVersion(txt, 1); !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("plaintext without extension: %s", diagSummary(p.Diagnostics))
	}
	byExt := docURI("readme.markdown")
	s.open(byExt, "unknown-language", 1, hedge)
	s.awaitVersion(byExt, 1)
	s.drain(100 * time.Millisecond)
	if vs := s.versions(goFile); len(vs) != 0 {
		t.Errorf("a Go file got diagnostics: %v", vs)
	}
}

func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB document")
	}
	size := 10 << 20
	if raceEnabled {
		size = 1 << 20 // linting 10 MB takes about a minute under -race
	}
	s := start(t, setup{})
	s.wait = 3 * time.Minute
	var b strings.Builder
	para := "The build takes four minutes on the main branch, and the cache is warm.\n\n"
	for b.Len() < size {
		b.WriteString(para)
	}
	b.WriteString(hedge)
	big := docURI("big.md")
	s.open(big, "markdown", 1, b.String())
	small := docURI("small.md")
	s.open(small, "markdown", 1, hedge)
	s.awaitVersion(small, 1)
	p := s.awaitVersion(big, 1)
	d := findCode(t, p.Diagnostics, "hedging")
	if want := uint32(strings.Count(b.String(), "\n") - 1); d.Range.Start.Line != want {
		t.Errorf("hedge on line %d, want %d", d.Range.Start.Line, want)
	}
	// An edit at the end of a 10 MB document.
	s.changeRange(big, 2, rng(d.Range.Start.Line, 0, d.Range.Start.Line, 0), "I'll send it soon. ")
	if p := s.awaitVersion(big, 2); !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("v2: %s", diagSummary(p.Diagnostics))
	}
}

func TestParseFlags(t *testing.T) {
	o, err := ParseFlags([]string{"--log-file", "/tmp/x.log", "--log-level", "debug", "--stdio"})
	if err != nil || o.LogFile != "/tmp/x.log" || o.LogLevel != "debug" || o.Debounce != 0 {
		t.Errorf("ParseFlags = %+v, %v", o, err)
	}
	if o, err := ParseFlags([]string{"--debounce", "0"}); err != nil || o.Debounce != 0 {
		t.Errorf("--debounce 0: %+v %v", o, err)
	}
	if o, err := ParseFlags([]string{"--debounce", "250ms"}); err != nil || o.Debounce != 250*time.Millisecond {
		t.Errorf("--debounce 250ms: %+v %v", o, err)
	}
	for _, bad := range [][]string{{"--log-level", "loud"}, {"--nope"}, {"extra"}} {
		if _, err := ParseFlags(bad); err == nil {
			t.Errorf("ParseFlags(%q): want an error", bad)
		}
	}
	var stderr bytes.Buffer
	if code := Run(context.Background(), strings.NewReader(""), io.Discard, Options{LogFile: "/nonexistent/dir/x.log", Stderr: &stderr}); code != 1 || !strings.Contains(stderr.String(), "log file") {
		t.Errorf("unwritable log file: code %d, stderr %q", code, stderr.String())
	}
}

// TestPipedSession feeds a whole session on an input that ends right after
// exit, as a shell pipe does: every request read before the end is still
// answered, and the exit code reflects shutdown.
func TestPipedSession(t *testing.T) {
	frame := func(s string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(s), s) }
	in := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
		frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","method":"exit"}`)
	out := &syncWriter{w: &bytes.Buffer{}}
	code := Run(context.Background(), strings.NewReader(in), out, Options{Logger: zap.NewNop()})
	if code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	got := out.String()
	for _, want := range []string{`"capabilities"`, `"id":1`, `"id":2`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
}

// notification waits for the next notification of method, keeping others.
func (c *rawClient) notification(method string) map[string]json.RawMessage {
	c.t.Helper()
	deadline := time.After(waitFor)
	for {
		select {
		case m := <-c.msgs:
			if string(m["method"]) == strconv.Quote(method) {
				return m
			}
			c.pending = append(c.pending, m)
		case err := <-c.junk:
			c.t.Fatalf("stdout: %v", err)
		case <-deadline:
			c.t.Fatalf("no %s notification", method)
		}
	}
}

// TestVersionZeroAndEmptyList checks the wire form of published
// diagnostics: a document opened at version 0 (as Neovim opens them) gets
// "version":0, and closing it publishes "diagnostics":[], never null.
func TestVersionZeroAndEmptyList(t *testing.T) {
	c := startRaw(t, Options{})
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	c.response("1")
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
	uri := "file:///tmp/v0.md"
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 0, "text": "Sorry to bother you, but the report is ready.\n"}}})
	var p struct {
		Version     *int32            `json:"version"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	m := c.notification("textDocument/publishDiagnostics")
	if err := json.Unmarshal(m["params"], &p); err != nil || p.Version == nil || *p.Version != 0 || len(p.Diagnostics) == 0 {
		t.Fatalf("first publish = %s (err %v), want version 0 with diagnostics", m["params"], err)
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": map[string]any{"textDocument": map[string]any{"uri": uri}}})
	m = c.notification("textDocument/publishDiagnostics")
	if !strings.Contains(string(m["params"]), `"diagnostics":[]`) {
		t.Errorf("close published %s, want an empty list", m["params"])
	}
}

// TestUnknownMethods: an unknown request answers MethodNotFound and the
// server keeps answering; an unknown notification gets no reply at all.
func TestUnknownMethods(t *testing.T) {
	c := startRaw(t, Options{})
	c.initialize()
	for i, method := range []string{"textDocument/completion", "upward/nonsense", "$/unknownRequest"} {
		c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": i, "method": method, "params": map[string]any{}})
		if m := c.response(strconv.Itoa(i)); errorCode(t, m) != -32601 {
			t.Errorf("%s: %v, want MethodNotFound", method, m)
		}
		c.sendJSON(hoverRequest(100 + i))
		if m := c.response(strconv.Itoa(100 + i)); m["error"] != nil {
			t.Errorf("hover after %s: %v", method, m)
		}
	}
	for _, n := range []map[string]any{
		{"jsonrpc": "2.0", "method": "textDocument/didRename", "params": map[string]any{"x": 1}},
		{"jsonrpc": "2.0", "method": "$/unknownNotification"},
		{"jsonrpc": "2.0", "method": "upward/nonsense", "params": []int{1}},
	} {
		c.sendJSON(n)
	}
	// Messages are handled in order: everything the server writes before
	// the answer to the next request would be about the notifications.
	c.sendJSON(hoverRequest("after"))
	seen := c.pending
	c.pending = nil
	deadline := time.After(waitFor)
	for done := false; !done; {
		select {
		case m := <-c.msgs:
			seen = append(seen, m)
			done = string(m["id"]) == `"after"`
		case <-deadline:
			t.Fatal("no answer to the request after the unknown notifications")
		}
	}
	for _, m := range seen[:len(seen)-1] {
		if _, isCall := m["method"]; !isCall {
			t.Errorf("a reply to an unknown notification: %v", m)
		}
	}
	if m := seen[len(seen)-1]; m["error"] != nil {
		t.Errorf("hover after the unknown notifications: %v", m)
	}
}

// TestUnreadableChange: a didChange whose changes do not decode leaves
// the server not knowing the text, like an edit that does not apply: the
// document's diagnostics are withdrawn and paused until a full change.
func TestUnreadableChange(t *testing.T) {
	s := start(t, setup{})
	u := docURI("unreadable.md")
	s.open(u, "markdown", 1, hedge)
	if p := s.awaitVersion(u, 1); !hasCode(p.Diagnostics, "hedging") {
		t.Fatalf("v1: %s", diagSummary(p.Diagnostics))
	}
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": "nonsense",
	})
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return m.Type == protocol.MessageTypeError })
	if !strings.Contains(m.Message, "unreadable.md") {
		t.Errorf("message %q does not name the file", m.Message)
	}
	if p := s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 }); p.Version != 1 {
		t.Errorf("diagnostics withdrawn at version %d, want 1", p.Version)
	}
	s.changeRange(u, 3, rng(0, 0, 0, 0), "I'll send it soon. ")
	s.changeFull(u, 4, "I'll send it soon.\n")
	if p := s.awaitVersion(u, 4); !hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("v4: %s", diagSummary(p.Diagnostics))
	}
	s.drain(50 * time.Millisecond)
	if vs := s.versions(u); containsVersion(vs, 3) {
		t.Errorf("versions published: %v (none for v3, an edit of an unknown text)", vs)
	}
}
