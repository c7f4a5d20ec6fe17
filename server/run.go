// Package server is the upward language server: it speaks the Language
// Server Protocol over a byte stream (stdio for `upward lsp`), lints open
// Markdown and plain-text documents as they change and offers quick fixes.
package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/regfile"
)

// Options configure a server run.
type Options struct {
	// Logger receives the server's log. When nil, Run builds one from
	// LogFile and LogLevel. It must never write to the LSP output stream.
	Logger *zap.Logger
	// LogFile is where the log goes when Logger is nil; "" means Stderr.
	// A new log file is created readable by its owner only (0600).
	LogFile string
	// LogLevel is debug, info, warn or error; "" means info.
	LogLevel string
	// Stderr is the log destination when Logger is nil and LogFile is "";
	// nil means os.Stderr.
	Stderr io.Writer
	// Debounce is the delay between a change and the lint it triggers;
	// zero (the default) or less lints at once. Lints of a document run one
	// at a time, and a lint whose version has been superseded when it
	// finishes is neither published nor followed by lints of the versions
	// in between, so a burst of edits faster than a lint publishes only the
	// newest version. A 5,000-line document lints in a few milliseconds
	// after an edit; a delay is for slower machines or huge documents.
	Debounce time.Duration
	// MaxSize is the largest document linted, in bytes; a larger one gets
	// one diagnostic saying so. Zero means regfile.DefaultMaxSize.
	MaxSize int64

	// hook, when set (by tests), is called before each message is handled.
	hook func(ctx context.Context, method string)
	// afterLint, when set (by tests), is called between linting a version
	// and publishing its diagnostics.
	afterLint func(uri string, version int32)
}

// ParseFlags parses the arguments of `upward lsp`:
//
//	--log-file FILE      write the log to FILE instead of stderr
//	--log-level LEVEL    debug, info, warn or error (default info)
//	--debounce DURATION  delay before linting after a change (default 0: lint at once)
//	--max-size SIZE      do not lint documents larger than SIZE (default 16MB)
//	--stdio              accepted and ignored (stdio is the only transport)
func ParseFlags(args []string) (Options, error) {
	var o Options
	fs := flag.NewFlagSet("upward lsp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.LogFile, "log-file", "", "write the log to `FILE` instead of stderr")
	fs.StringVar(&o.LogLevel, "log-level", "info", "log `LEVEL`: debug, info, warn or error")
	fs.DurationVar(&o.Debounce, "debounce", 0, "delay before linting after a change")
	maxSize := fs.String("max-size", "", "do not lint documents larger than `SIZE`")
	fs.Bool("stdio", true, "use stdio (the only transport)")
	fs.String("clientProcessId", "", "ignored")
	if err := fs.Parse(args); err != nil {
		return Options{}, err
	}
	if fs.NArg() > 0 {
		return Options{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if _, err := parseLevel(o.LogLevel); err != nil {
		return Options{}, err
	}
	if *maxSize != "" {
		n, err := regfile.ParseSize(*maxSize)
		if err != nil {
			return Options{}, fmt.Errorf("--max-size: %v", err)
		}
		o.MaxSize = n
	}
	return o, nil
}

func parseLevel(s string) (zapcore.Level, error) {
	switch s {
	case "debug":
		return zapcore.DebugLevel, nil
	case "info", "":
		return zapcore.InfoLevel, nil
	case "warn", "warning":
		return zapcore.WarnLevel, nil
	case "error":
		return zapcore.ErrorLevel, nil
	}
	return 0, fmt.Errorf("unknown log level %q (want debug, info, warn or error)", s)
}

// logger builds the logger Options describe; close flushes and closes it.
func (o Options) logger() (l *zap.Logger, close func(), err error) {
	if o.Logger != nil {
		return o.Logger, func() { _ = o.Logger.Sync() }, nil
	}
	level, err := parseLevel(o.LogLevel)
	if err != nil {
		return nil, nil, err
	}
	var w zapcore.WriteSyncer
	closeFile := func() {}
	switch {
	case o.LogFile != "":
		// Only its owner may read it: the log can quote document text.
		f, err := os.OpenFile(o.LogFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("log file: %w", err)
		}
		w = zapcore.Lock(f)
		closeFile = func() { _ = f.Close() }
	case o.Stderr != nil:
		w = zapcore.Lock(zapcore.AddSync(o.Stderr))
	default:
		w = zapcore.Lock(os.Stderr)
	}
	enc := zap.NewDevelopmentEncoderConfig()
	core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), w, level)
	l = zap.New(core).Named("upward")
	return l, func() { _ = l.Sync(); closeFile() }, nil
}

// Run serves one LSP session on in/out until the client sends exit or the
// stream ends. It returns the process exit code: 0 after shutdown and exit,
// 1 on exit without shutdown, on the end of the input without exit, or on
// a bad option. Nothing but LSP messages is written to out.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts Options) int {
	log, closeLog, err := opts.logger()
	if err != nil {
		w := opts.Stderr
		if w == nil {
			w = os.Stderr
		}
		fmt.Fprintf(w, "upward lsp: %v\n", err)
		return 1
	}
	defer closeLog()
	st := newStream(in, out, log)
	var srv *Server
	st.atEOF = func() { srv.drain() }
	return serve(ctx, st, opts, log, func(s *Server) { srv = s })
}

// drain waits, at most eofGrace, until every message read so far has been
// answered.
func (s *Server) drain() {
	drained := make(chan struct{})
	go func() { s.inflight.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-time.After(eofGrace):
	}
}

// eofGrace is the longest the server keeps answering the messages it had
// already read when its input ended without an exit notification.
const eofGrace = 2 * time.Second

// serve runs a session on a stream.
func serve(ctx context.Context, st jsonrpc2.Stream, opts Options, log *zap.Logger, started ...func(*Server)) int {
	conn := jsonrpc2.NewConn(st)
	client := protocol.ClientDispatcher(conn, log.Named("client"))
	s := newServer(client, log, opts.Debounce)
	if s.maxSize = opts.MaxSize; s.maxSize <= 0 {
		s.maxSize = regfile.DefaultMaxSize
	}
	s.notify = conn.Notify
	s.call = conn.Call
	s.hook = opts.hook
	s.afterLint = opts.afterLint
	for _, f := range started {
		f(s)
	}
	// Load and compile the rules while the client is still starting up,
	// so the first diagnostics don't wait for it.
	s.goSession(func(context.Context) { warmUp() })
	conn.Go(ctx, s.handler())
	log.Info("serving", zap.Duration("debounce", opts.Debounce))

	code := 1
	select {
	case <-s.exited:
		// Messages read before exit (a piped session sends them all at
		// once) still get their replies before the connection closes.
		s.drain()
		s.mu.Lock()
		code = s.exitCode
		s.mu.Unlock()
	case <-conn.Done():
		if err := conn.Err(); err != nil && !errors.Is(err, io.EOF) {
			log.Error("connection failed", zap.Error(err))
		} else {
			log.Info("input closed without exit")
		}
	case <-ctx.Done():
		log.Info("stopped", zap.Error(ctx.Err()))
	}
	_ = conn.Close()
	s.stop()
	return code
}

// warmUp lints a small text once, which loads the rules and builds what
// they build lazily.
func warmUp() {
	const sample = "# Weekly update\n\nSorry to bother you, but I'll send the report soon. What should I do?\n\n- [ ] review the draft\n"
	config.Default().Lint("warm-up.md", document.Markdown, sample)
}
