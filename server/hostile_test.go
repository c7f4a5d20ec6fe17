package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

func hoverRequest(id any) map[string]any {
	return map[string]any{"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///nowhere.md"}, "position": map[string]any{"line": 0, "character": 0},
	}}
}

func (c *rawClient) initialize() {
	c.t.Helper()
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	if m := c.response(`"init"`); m["result"] == nil {
		c.t.Fatalf("initialize: %v", m)
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}})
}

// TestFramingErrorsResync: a Content-Length 10 bytes short and one 10 bytes
// long do not desynchronise the stream: every later request is answered.
func TestFramingErrorsResync(t *testing.T) {
	log := &syncWriter{w: &bytes.Buffer{}}
	c := startRaw(t, Options{Stderr: log})
	c.initialize()

	short, _ := json.Marshal(hoverRequest("short"))
	c.send(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(short)-10, short))
	long, _ := json.Marshal(hoverRequest("long"))
	c.send(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(long)+10, long))
	const n = 100
	for i := range n {
		c.sendJSON(hoverRequest(i))
	}
	for i := range n {
		if m := c.response(fmt.Sprint(i)); m["error"] != nil {
			t.Errorf("request %d: %v", i, m)
		}
	}
	// The truncated body is not JSON: a ParseError. The long frame held a
	// whole message, which is answered; the bytes after it started the next.
	if m := c.response("null"); errorCode(t, m) != -32700 {
		t.Errorf("short frame: %v", m)
	}
	if m := c.response(`"long"`); m["error"] != nil {
		t.Errorf("long frame: %v", m)
	}
	for _, want := range []string{"not an LSP message", "Content-Length was longer than the message"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, log.String())
		}
	}
}

// TestJunkBetweenMessages: bytes that are no message, a header line too
// long to be one and a header sent before Content-Length are skipped.
func TestJunkBetweenMessages(t *testing.T) {
	c := startRaw(t, Options{})
	c.initialize()
	c.send("garbage without a newline")
	c.sendJSON(hoverRequest(1))
	c.send("Content-Length: 5\r\nX-Long: " + strings.Repeat("x", 100<<10) + "\r\n\r\n")
	c.sendJSON(hoverRequest(2))
	body, _ := json.Marshal(hoverRequest(3))
	c.send(fmt.Sprintf("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body))
	for _, id := range []string{"1", "2", "3"} {
		if m := c.response(id); m["error"] != nil {
			t.Errorf("request %s: %v", id, m)
		}
	}
}

// TestDeeplyNestedSettings: settings nested 100,000 deep are refused at
// once and the server goes on answering; 5,000 deep they are read (and
// hold no upward settings).
func TestDeeplyNestedSettings(t *testing.T) {
	c := startRaw(t, Options{})
	c.initialize()
	for i, depth := range []int{100_000, 5_000} {
		settings := strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth)
		c.send(framed(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":` + settings + `}}`))
		c.sendJSON(hoverRequest(i))
		if m := c.response(fmt.Sprint(i)); m["error"] != nil {
			t.Errorf("depth %d: the next request got %v", depth, m)
		}
	}
	if m := c.response("null"); errorCode(t, m) != -32700 {
		t.Errorf("settings 100,000 deep: %v", m)
	}
}

func framed(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// TestInvalidParams: params of the wrong shape answer InvalidParams
// (-32602), and the server goes on.
func TestInvalidParams(t *testing.T) {
	c := startRaw(t, Options{})
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": []int{1, 2}})
	if m := c.response("1"); errorCode(t, m) != -32602 {
		t.Errorf("initialize with an array: %v", m)
	}
	c.initialize()
	for i, params := range []any{
		[]int{1},
		map[string]any{"textDocument": 5, "position": map[string]any{"line": 0, "character": 0}},
		map[string]any{"textDocument": map[string]any{"uri": "file:///a.md"}, "position": map[string]any{"line": -1, "character": 0}},
	} {
		c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 10 + i, "method": "textDocument/hover", "params": params})
		if m := c.response(fmt.Sprint(10 + i)); errorCode(t, m) != -32602 {
			t.Errorf("hover params %v: %v", params, m)
		}
	}
	c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 20, "method": "textDocument/codeAction", "params": map[string]any{"range": "all"}})
	if m := c.response("20"); errorCode(t, m) != -32602 {
		t.Errorf("codeAction: %v", m)
	}
	c.sendJSON(hoverRequest(21))
	if m := c.response("21"); m["error"] != nil {
		t.Errorf("hover after bad params: %v", m)
	}
}

// TestStaleVersionIgnored: a change with a version lower than the
// document's is not applied or published; the newest text stays.
func TestStaleVersionIgnored(t *testing.T) {
	s := start(t, setup{})
	u := docURI("stale.md")
	s.open(u, "markdown", 10, hedge)
	if p := s.awaitVersion(u, 10); !hasCode(p.Diagnostics, "hedging") {
		t.Fatalf("v10: %s", diagSummary(p.Diagnostics))
	}
	s.changeFull(u, 1, "I'll send it soon.\n")
	s.changeFull(u, -5, "I'll send it soon.\n")
	// An edit against v10's text still applies at v11.
	s.changeRange(u, 11, rng(0, 0, 0, 0), "Quick note. ")
	p := s.awaitVersion(u, 11)
	if !hasCode(p.Diagnostics, "hedging") || hasCode(p.Diagnostics, "vague-timing") {
		t.Errorf("v11: %s", diagSummary(p.Diagnostics))
	}
	s.drain(50 * time.Millisecond)
	for _, v := range s.versions(u) {
		if v != 10 && v != 11 {
			t.Errorf("published version %d; want only 10 and 11 (%v)", v, s.versions(u))
		}
	}
	as := s.codeActions(u, rng(0, 0, 0, 40), nil, protocol.QuickFix)
	if len(as) == 0 {
		t.Error("no code actions on the newest text")
	}
}
