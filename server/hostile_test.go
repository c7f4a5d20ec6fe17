package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
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

// TestDocumentSizeLimit: a document over the size limit gets one
// diagnostic that says so instead of a lint; under it again, it is linted.
func TestDocumentSizeLimit(t *testing.T) {
	s := start(t, setup{opts: Options{MaxSize: 64 << 10}})
	big := strings.Repeat(hedge, (100<<10)/len(hedge))
	u := docURI("big.md")
	s.open(u, "markdown", 1, big)
	p := s.awaitVersion(u, 1)
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "does not lint documents over 64.0 KB; this one is 100.0 KB") {
		t.Fatalf("over the limit: %d diagnostics, first %q", len(p.Diagnostics), p.Diagnostics[0].Message)
	}
	if as := s.codeActions(u, rng(0, 0, 0, 5), nil); len(as) != 0 {
		t.Errorf("%d code actions on a document not linted", len(as))
	}
	s.changeFull(u, 2, hedge)
	if p := s.awaitVersion(u, 2); !hasCode(p.Diagnostics, "hedging") {
		t.Errorf("under the limit: %s", diagSummary(p.Diagnostics))
	}
}

// TestDefaultSizeLimit: without --max-size the limit is the CLI's, 16 MB.
func TestDefaultSizeLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("17 MB document")
	}
	s := start(t, setup{})
	u := docURI("huge.md")
	s.open(u, "markdown", 1, strings.Repeat(hedge, (17<<20)/len(hedge)+1))
	p := s.awaitVersion(u, 1)
	if len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "over 16.0 MB") {
		t.Fatalf("17 MB: %d diagnostics, first %q", len(p.Diagnostics), p.Diagnostics[0].Message)
	}
}

// TestDiagnosticsCap: a document with more findings than maxDiagnostics
// publishes the first ones and one diagnostic counting the rest.
func TestDiagnosticsCap(t *testing.T) {
	s := start(t, setup{})
	u := docURI("many.md")
	const n = maxDiagnostics + 500
	s.open(u, "plaintext", 1, strings.Repeat(hedge, n))
	p := s.awaitVersion(u, 1)
	if len(p.Diagnostics) != maxDiagnostics+1 {
		t.Fatalf("%d diagnostics, want %d", len(p.Diagnostics), maxDiagnostics+1)
	}
	last := p.Diagnostics[maxDiagnostics]
	var more int
	if _, err := fmt.Sscanf(last.Message, "upward: %d more findings from here on are not shown", &more); err != nil || more < 500 {
		t.Errorf("last diagnostic %q (%v), want it to count the 500 or more left out", last.Message, err)
	}
	if last.Range.Start.Line != maxDiagnostics || p.Diagnostics[maxDiagnostics-1].Range.Start.Line != maxDiagnostics-1 {
		t.Errorf("the summary is at line %d after a finding at line %d", last.Range.Start.Line, p.Diagnostics[maxDiagnostics-1].Range.Start.Line)
	}
	// Fix-all fixes what is shown; the next lint shows the rest.
	as := s.codeActions(u, rng(0, 0, 0, 0), nil, kindFixAll)
	a := findAction(t, as, fmt.Sprintf("Apply all %d upward fixes that need no input", maxDiagnostics))
	if len(a.Diagnostics) != maxDiagnostics {
		t.Errorf("fix-all names %d diagnostics", len(a.Diagnostics))
	}
}

// TestDiagnosticsCapWithDirectives: warnings about misspelt directives
// count toward maxDiagnostics and are kept first, with their quick fix;
// findings fill the rest and the summary counts what is left out.
func TestDiagnosticsCapWithDirectives(t *testing.T) {
	s := start(t, setup{})
	u := docURI("many-directives.md")
	const dirs, n = 3, maxDiagnostics + 10
	text := strings.Repeat("<!-- upward-disable-next-line vague-timng -->\n\n", dirs) + strings.Repeat(hedge+"\n", n)
	s.open(u, "markdown", 1, text)
	p := s.awaitVersion(u, 1)
	if len(p.Diagnostics) != maxDiagnostics+1 {
		t.Fatalf("%d diagnostics, want %d", len(p.Diagnostics), maxDiagnostics+1)
	}
	var warns, hedges int
	for _, d := range p.Diagnostics[:maxDiagnostics] {
		switch {
		case strings.Contains(d.Message, `unknown rule "vague-timng"`):
			warns++
		case d.Code == "hedging":
			hedges++
		}
	}
	if warns != dirs || hedges != maxDiagnostics-dirs {
		t.Errorf("%d directive warnings and %d hedging findings, want %d and %d", warns, hedges, dirs, maxDiagnostics-dirs)
	}
	var more int
	if _, err := fmt.Sscanf(p.Diagnostics[maxDiagnostics].Message, "upward: %d more findings", &more); err != nil || more != n-(maxDiagnostics-dirs) {
		t.Errorf("summary %q (%v), want it to count %d", p.Diagnostics[maxDiagnostics].Message, err, n-(maxDiagnostics-dirs))
	}
	as := s.codeActions(u, rng(0, 31, 0, 31), nil, protocol.QuickFix)
	findAction(t, as, `Change to "vague-timing"`)
}

// TestInvalidParamsNewRoutes: the routes of code lens, executeCommand and
// pull diagnostics answer InvalidParams for params of the wrong shape.
func TestInvalidParamsNewRoutes(t *testing.T) {
	c := startRaw(t, Options{})
	c.initialize()
	for i, method := range []string{"textDocument/codeLens", "workspace/executeCommand", "textDocument/diagnostic", "workspace/diagnostic"} {
		c.sendJSON(map[string]any{"jsonrpc": "2.0", "id": 30 + i, "method": method, "params": []int{1}})
		if m := c.response(fmt.Sprint(30 + i)); errorCode(t, m) != -32602 {
			t.Errorf("%s with an array: %v", method, m)
		}
	}
	c.sendJSON(hoverRequest(40))
	if m := c.response("40"); m["error"] != nil {
		t.Errorf("hover after bad params: %v", m)
	}
}

func TestMaxSizeFlag(t *testing.T) {
	o, err := ParseFlags([]string{"--max-size", "1MB"})
	if err != nil || o.MaxSize != 1<<20 {
		t.Errorf("--max-size 1MB: %+v, %v", o, err)
	}
	if _, err := ParseFlags([]string{"--max-size", "lots"}); err == nil || !strings.Contains(err.Error(), "--max-size") {
		t.Errorf("--max-size lots: %v", err)
	}
}

// TestLogFileMode: the log can quote document text, so a new log file is
// readable by its owner only.
func TestLogFileMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "upward.log")
	Run(context.Background(), strings.NewReader(""), io.Discard, Options{LogFile: p})
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o600 {
		t.Errorf("log file mode %v, want 0600", m)
	}
}

// TestNonRegularConfigFiles: a workspace's .upward.toml that is a symlink
// to /dev/zero or a FIFO is reported and not read; the documents below it
// are linted with the defaults and the server goes on answering.
func TestNonRegularConfigFiles(t *testing.T) {
	zeroDir, fifoDir := t.TempDir(), t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(zeroDir, ".upward.toml")); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(filepath.Join(fifoDir, ".upward.toml"), 0o644); err != nil {
		t.Skip(err)
	}
	s := start(t, setup{folders: []string{zeroDir, fifoDir}})
	// The two folders' configs load in either order.
	want := map[string]bool{"(a character device)": true, "(a named pipe)": true}
	for len(want) > 0 {
		s.awaitMessage(func(m *protocol.ShowMessageParams) bool {
			for w := range want {
				if m.Type == protocol.MessageTypeError && strings.Contains(m.Message, "not a regular file "+w) {
					delete(want, w)
					return true
				}
			}
			return false
		})
	}
	for _, dir := range []string{zeroDir, fifoDir} {
		u := protocol.DocumentURI(uri.File(filepath.Join(dir, "a.md")))
		s.open(u, "markdown", 1, hedge)
		if p := s.awaitVersion(u, 1); !hasCode(p.Diagnostics, "hedging") {
			t.Errorf("%s: %s", dir, diagSummary(p.Diagnostics))
		}
	}
}

// TestMemoryReturnedAfterClose: the memory of closed documents goes back
// to the operating system soon after, not minutes later.
func TestMemoryReturnedAfterClose(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's shadow memory hides what is returned")
	}
	s := start(t, setup{})
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString("The build is green and the cache is warm. I'll send the report soon.\n\n")
	}
	const n = 2000
	uris := make([]protocol.DocumentURI, n)
	for i := range uris {
		uris[i] = docURI(fmt.Sprintf("mem/d%04d.md", i))
		s.open(uris[i], "markdown", 1, fmt.Sprintf("# Note %d\n\n%s", i, b.String()))
	}
	for _, u := range uris {
		s.awaitVersion(u, 1)
	}
	var open runtime.MemStats
	runtime.ReadMemStats(&open)
	for _, u := range uris {
		s.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}})
	}
	// Retained: heap memory the process holds but does not use.
	retained := func(m *runtime.MemStats) uint64 { return m.HeapIdle - m.HeapReleased }
	var m runtime.MemStats
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		s.drain(100 * time.Millisecond)
		runtime.ReadMemStats(&m)
		if retained(&m) < 32<<20 && m.HeapInuse < open.HeapInuse/2 {
			return
		}
	}
	t.Errorf("%d documents closed %v ago: heap in use %d MB (%d MB open), %d MB idle kept from the OS",
		n, waitFor, m.HeapInuse>>20, open.HeapInuse>>20, retained(&m)>>20)
}
