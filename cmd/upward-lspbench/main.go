// Command upward-lspbench measures the upward language server as an editor sees
// it: it starts the real `upward lsp` binary and talks LSP to it over its
// stdin and stdout.
//
//	go run ./cmd/upward-lspbench [-bin upward] [-corpus DIR] [-edits 200]
//
// It reports:
//
//   - the latency from sending a one-character didChange to receiving the
//     publishDiagnostics for that version, p50 and p99 over -edits edits of
//     a 5,000-line Markdown document, with the default debounce (none);
//   - the time from the initialize request to the first diagnostics of a
//     1,000-line document;
//   - the memory (VmRSS and VmHWM from /proc/PID/status) of a server with
//     100 open 1,000-line documents.
//
// The documents are built from the Markdown files of the shared corpus,
// found by walking up from the current folder to shared/corpus (or given
// with -corpus); without it the benchmark skips. Without -bin it builds
// ./cmd/upward first.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/shareddata"
)

func main() {
	bin := flag.String("bin", "", "the upward binary (default: build ./cmd/upward)")
	corpus := flag.String("corpus", "", "folder of Markdown files (default: shared/corpus above the current folder)")
	edits := flag.Int("edits", 200, "number of one-character edits to time")
	flag.Parse()
	if err := run(*bin, *corpus, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "lspbench:", err)
		os.Exit(1)
	}
}

func run(bin, corpus string, edits int) error {
	if corpus == "" {
		if s := shareddata.Dir(); s != "" {
			corpus = filepath.Join(s, "corpus")
		}
		if corpus == "" {
			fmt.Println("lspbench: no shared/corpus above the current folder; skipping (use -corpus DIR)")
			return nil
		}
	}
	lines, err := corpusLines(corpus)
	if err != nil {
		return err
	}
	if len(lines) < 5000 {
		return fmt.Errorf("corpus %s has %d lines, need 5000", corpus, len(lines))
	}
	if bin == "" {
		dir, err := os.MkdirTemp("", "lspbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "upward")
		root := findUp("go.mod")
		if root == "" {
			return errors.New("not inside the upward module; use -bin")
		}
		build := exec.Command("go", "build", "-o", bin, "./cmd/upward")
		build.Dir = filepath.Dir(root)
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building upward: %w", err)
		}
	}
	fmt.Printf("corpus: %s (%d lines)\n", corpus, len(lines))

	doc5k := strings.Join(lines[:5000], "\n") + "\n"
	// The default debounce is 0; --debounce adds a delay, which would be
	// measured here as latency.
	if err := latency(bin, doc5k, edits); err != nil {
		return err
	}
	if err := firstDiagnostics(bin, strings.Join(lines[:1000], "\n")+"\n"); err != nil {
		return err
	}
	return memory(bin, lines)
}

// findUp returns the first path rel found in the current folder or above.
func findUp(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// corpusLines returns the lines of the corpus's Markdown files, in a fixed
// order.
func corpusLines(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		lines = append(lines, strings.Split(strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n"), "\n")...)
		lines = append(lines, "")
	}
	return lines, nil
}

// server is a running `upward lsp` with a client connected to it.
type server struct {
	cmd    *exec.Cmd
	conn   jsonrpc2.Conn
	ls     protocol.Server
	ctx    context.Context
	diags  chan *protocol.PublishDiagnosticsParams
	stderr *lockedWriter
}

func startServer(bin string, args ...string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"lsp", "--log-level", "error"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, diags: make(chan *protocol.PublishDiagnosticsParams, 1024), stderr: &lockedWriter{}}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	rwc := struct {
		io.Reader
		io.Writer
		io.Closer
	}{stdout, stdin, stdin}
	s.ctx, s.conn, s.ls = protocol.NewClient(context.Background(), &client{diags: s.diags}, jsonrpc2.NewStream(rwc), zap.NewNop())
	return s, nil
}

func (s *server) initialize() error {
	var res any
	_, err := s.conn.Call(s.ctx, "initialize", map[string]any{
		"processId":    os.Getpid(),
		"capabilities": map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}}},
	}, &res)
	if err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	return s.ls.Initialized(s.ctx, &protocol.InitializedParams{})
}

func (s *server) open(u protocol.DocumentURI, text string) error {
	return s.ls.DidOpen(s.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "markdown", Version: 1, Text: text,
	}})
}

// await waits for the diagnostics of version v of u.
func (s *server) await(u protocol.DocumentURI, v int32) (*protocol.PublishDiagnosticsParams, error) {
	timeout := time.After(60 * time.Second)
	for {
		select {
		case p := <-s.diags:
			if p.URI == u && int32(p.Version) == v {
				return p, nil
			}
		case <-timeout:
			return nil, fmt.Errorf("no diagnostics for %s v%d; server stderr: %s", u, v, s.stderr)
		}
	}
}

func (s *server) stop() {
	_ = s.ls.Shutdown(s.ctx)
	_ = s.ls.Exit(s.ctx)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
	_ = s.conn.Close()
}

func latency(bin, text string, n int) error {
	label := "default debounce"
	s, err := startServer(bin)
	if err != nil {
		return err
	}
	defer s.stop()
	if err := s.initialize(); err != nil {
		return err
	}
	u := protocol.DocumentURI(uri.File("/bench/5000-lines.md"))
	if err := s.open(u, text); err != nil {
		return err
	}
	p, err := s.await(u, 1)
	if err != nil {
		return err
	}
	findings := len(p.Diagnostics)
	lines := strings.Split(text, "\n")
	var took []time.Duration
	for i := 0; i < n; i++ {
		// Type one character at the start of a line spread over the
		// document, then delete it on the next edit.
		line := uint32((i / 2 * 97) % (len(lines) - 1))
		change := map[string]any{"range": rangeAt(line, 0, line, 0), "text": "x"}
		if i%2 == 1 {
			change = map[string]any{"range": rangeAt(line, 0, line, 1), "text": ""}
		}
		v := int32(i + 2)
		start := time.Now()
		err := s.conn.Notify(s.ctx, "textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": u, "version": v},
			"contentChanges": []any{change},
		})
		if err != nil {
			return err
		}
		if _, err := s.await(u, v); err != nil {
			return err
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	fmt.Printf("didChange → publishDiagnostics, 5000 lines (%d findings), %d edits, %s: p50 %s  p99 %s  max %s\n",
		findings, n, label, ms(pct(took, 50)), ms(pct(took, 99)), ms(took[len(took)-1]))
	return nil
}

func firstDiagnostics(bin, text string) error {
	spawn := time.Now()
	s, err := startServer(bin)
	if err != nil {
		return err
	}
	defer s.stop()
	start := time.Now()
	if err := s.initialize(); err != nil {
		return err
	}
	u := protocol.DocumentURI(uri.File("/bench/1000-lines.md"))
	if err := s.open(u, text); err != nil {
		return err
	}
	p, err := s.await(u, 1)
	if err != nil {
		return err
	}
	fmt.Printf("initialize → first diagnostics, 1000 lines (%d findings): %s (%s from starting the process)\n",
		len(p.Diagnostics), ms(time.Since(start)), ms(time.Since(spawn)))
	return nil
}

func memory(bin string, lines []string) error {
	s, err := startServer(bin)
	if err != nil {
		return err
	}
	defer s.stop()
	if err := s.initialize(); err != nil {
		return err
	}
	var us []protocol.DocumentURI
	for i := 0; i < 100; i++ {
		from := (i * 517) % (len(lines) - 1000)
		u := protocol.DocumentURI(uri.File(fmt.Sprintf("/bench/doc-%03d.md", i)))
		if err := s.open(u, strings.Join(lines[from:from+1000], "\n")+"\n"); err != nil {
			return err
		}
		us = append(us, u)
	}
	pending := map[protocol.DocumentURI]bool{}
	for _, u := range us {
		pending[u] = true
	}
	timeout := time.After(2 * time.Minute)
	for len(pending) > 0 {
		select {
		case p := <-s.diags:
			delete(pending, p.URI)
		case <-timeout:
			return fmt.Errorf("%d documents got no diagnostics", len(pending))
		}
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return err
	}
	var rss, hwm string
	for _, l := range strings.Split(string(status), "\n") {
		if f := strings.Fields(l); len(f) >= 2 {
			switch f[0] {
			case "VmRSS:":
				rss = f[1] + " kB"
			case "VmHWM:":
				hwm = f[1] + " kB"
			}
		}
	}
	fmt.Printf("memory with 100 open 1000-line documents: VmRSS %s, VmHWM (peak) %s\n", rss, hwm)
	return nil
}

func rangeAt(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	if i > 0 {
		i--
	}
	return sorted[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// client records publishDiagnostics and ignores everything else.
type client struct {
	diags chan *protocol.PublishDiagnosticsParams
}

func (c *client) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.diags <- p
	return nil
}
func (c *client) Progress(context.Context, *protocol.ProgressParams) error { return nil }
func (c *client) WorkDoneProgressCreate(context.Context, *protocol.WorkDoneProgressCreateParams) error {
	return nil
}
func (c *client) LogMessage(context.Context, *protocol.LogMessageParams) error   { return nil }
func (c *client) ShowMessage(context.Context, *protocol.ShowMessageParams) error { return nil }
func (c *client) ShowMessageRequest(context.Context, *protocol.ShowMessageRequestParams) (*protocol.MessageActionItem, error) {
	return nil, nil
}
func (c *client) Telemetry(context.Context, any) error { return nil }
func (c *client) RegisterCapability(context.Context, *protocol.RegistrationParams) error {
	return nil
}
func (c *client) UnregisterCapability(context.Context, *protocol.UnregistrationParams) error {
	return nil
}
func (c *client) ApplyEdit(context.Context, *protocol.ApplyWorkspaceEditParams) (bool, error) {
	return false, nil
}
func (c *client) Configuration(_ context.Context, p *protocol.ConfigurationParams) ([]any, error) {
	return make([]any, len(p.Items)), nil
}
func (c *client) WorkspaceFolders(context.Context) ([]protocol.WorkspaceFolder, error) {
	return nil, nil
}

// lockedWriter collects the server's stderr.
type lockedWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
