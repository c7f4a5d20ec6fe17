package server

import (
	"context"
	"encoding/json"
	"runtime/debug"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// standard routes the methods other than the lifecycle, initialize and
// didChange (which dispatch handles itself) to the protocol.Server methods
// and the pull-diagnostics methods. Params are decoded with encoding/json; params that do not decode answer
// InvalidParams. Every other request gets MethodNotFound.
var standard = map[string]route{
	protocol.MethodTextDocumentDidOpen:                notification((*Server).DidOpen),
	protocol.MethodTextDocumentDidClose:               notification((*Server).DidClose),
	protocol.MethodTextDocumentDidSave:                notification((*Server).DidSave),
	protocol.MethodTextDocumentCodeAction:             request((*Server).CodeAction),
	protocol.MethodTextDocumentHover:                  request((*Server).Hover),
	protocol.MethodTextDocumentCodeLens:               request((*Server).CodeLens),
	protocol.MethodWorkspaceExecuteCommand:            request((*Server).ExecuteCommand),
	methodDocumentDiagnostic:                          pull(methodDocumentDiagnostic),
	methodWorkspaceDiagnostic:                         pull(methodWorkspaceDiagnostic),
	protocol.MethodWorkspaceDidChangeConfiguration:    notification((*Server).didChangeConfiguration),
	protocol.MethodWorkspaceDidChangeWatchedFiles:     notification((*Server).DidChangeWatchedFiles),
	protocol.MethodWorkspaceDidChangeWorkspaceFolders: notification((*Server).DidChangeWorkspaceFolders),
	protocol.MethodSetTrace:                           notification((*Server).SetTrace),
}

// pull routes a pull-diagnostics method (LSP 3.17, which the protocol
// package predates) to pullDiagnostic, which decodes its own params.
func pull(method string) route {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (any, error) {
		return s.pullDiagnostic(ctx, method, raw)
	}
}

// route handles one method: it decodes the raw params and calls the server.
type route func(s *Server, ctx context.Context, params json.RawMessage) (any, error)

func request[P, R any](f func(*Server, context.Context, *P) (R, error)) route {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		return f(s, ctx, &p)
	}
}

func notification[P any](f func(*Server, context.Context, *P) error) route {
	return func(s *Server, ctx context.Context, raw json.RawMessage) (any, error) {
		var p P
		if err := decodeParams(raw, &p); err != nil {
			return nil, err
		}
		return nil, f(s, ctx, &p)
	}
}

// decodeParams decodes params into v; a value of the wrong shape is an
// InvalidParams error.
func decodeParams(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: invalid params: %v", err)
	}
	return nil
}

// handler returns the connection's handler. Messages are handled one at a
// time in arrival order (a request may answer later), $/cancelRequest
// cancels a request that is waiting or running, and dispatch does the rest.
func (s *Server) handler() jsonrpc2.Handler {
	inner, canceller := jsonrpc2.CancelHandler(jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(s.dispatch)))
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodCancelRequest {
			// protocol.CancelHandler decodes the id as interface{} and so
			// never matches a numeric id; decode it here.
			var p struct {
				ID json.RawMessage `json:"id"`
			}
			var n int32
			var str string
			switch {
			case json.Unmarshal(req.Params(), &p) != nil:
				s.log.Warn("malformed $/cancelRequest", zap.ByteString("params", req.Params()))
			case json.Unmarshal(p.ID, &n) == nil:
				canceller(jsonrpc2.NewNumberID(n))
			case json.Unmarshal(p.ID, &str) == nil:
				canceller(jsonrpc2.NewStringID(str))
			default:
				s.log.Warn("malformed $/cancelRequest id", zap.ByteString("id", p.ID))
			}
			return nil
		}
		s.inflight.Add(1)
		var done sync.Once
		cancellable := func(ctx context.Context, result any, err error) error {
			defer done.Do(s.inflight.Done)
			if ctx.Err() != nil && err == nil {
				result, err = nil, protocol.ErrRequestCancelled
			}
			return reply(context.WithoutCancel(ctx), result, err)
		}
		return inner(ctx, cancellable, req)
	}
}

// dispatch handles one message. It always replies exactly once (a no-op
// for notifications) and turns a panic into an InternalError reply.
func (s *Server) dispatch(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
	method := req.Method()
	_, isCall := req.(*jsonrpc2.Call)
	replied := false
	once := func(ctx context.Context, result any, err error) error {
		replied = true
		if err != nil && !isCall {
			// A notification gets no reply: the log is the only trace.
			s.log.Warn("notification not handled", zap.String("method", method), zap.Error(err))
		}
		return reply(ctx, result, err)
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("internal error", zap.String("method", method), zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			if !replied {
				err = once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "upward: internal error in %s: %v", method, r))
			}
		}
	}()
	select {
	case <-s.exited:
		// The session is over; the stream is closed or closing.
		return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "upward: %s after exit", method))
	default:
	}
	if s.hook != nil {
		s.hook(ctx, method)
	}
	if ctx.Err() != nil {
		return once(ctx, nil, protocol.ErrRequestCancelled)
	}

	s.mu.Lock()
	st := s.state
	s.mu.Unlock()
	switch {
	case method == protocol.MethodExit:
		s.exit()
		return once(ctx, nil, nil)
	case st == stateNew && method != protocol.MethodInitialize:
		if isCall {
			return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "upward: %s before initialize", method))
		}
		s.log.Warn("dropping notification before initialize", zap.String("method", method))
		return once(ctx, nil, nil)
	case st == stateShutdown:
		if isCall {
			return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "upward: %s after shutdown", method))
		}
		s.log.Debug("dropping notification after shutdown", zap.String("method", method))
		return once(ctx, nil, nil)
	}

	switch method {
	case protocol.MethodInitialize:
		var p initParams
		if err := decodeLenient(req.Params(), &p); err != nil {
			return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: initialize params: %v", err))
		}
		res, err := s.initialize(&p)
		if err == nil && !p.Capabilities.Workspace.Configuration {
			s.markSettingsReady()
		}
		return once(ctx, res, err)
	case protocol.MethodInitialized:
		s.initialized()
		return once(ctx, nil, nil)
	case protocol.MethodShutdown:
		s.shutdown()
		return once(ctx, nil, nil)
	case protocol.MethodTextDocumentDidChange:
		var p didChangeParams
		if err := json.Unmarshal(req.Params(), &p); err != nil {
			s.log.Error("malformed didChange; the document may now be out of sync", zap.Error(err))
			var probe struct {
				TextDocument struct {
					URI protocol.DocumentURI `json:"uri"`
				} `json:"textDocument"`
			}
			_ = decodeLenient(req.Params(), &probe)
			s.markBroken(ctx, probe.TextDocument.URI, err)
			return once(ctx, nil, nil)
		}
		s.didChange(ctx, &p)
		return once(ctx, nil, nil)
	}
	handle, ok := standard[method]
	if !ok {
		if isCall {
			return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "upward: method %q not found", method))
		}
		s.log.Debug("ignoring notification", zap.String("method", method))
		return once(ctx, nil, nil)
	}
	res, err := handle(s, ctx, req.Params())
	return once(ctx, res, err)
}

// markBroken marks a document whose change could not be decoded as out of
// sync, like an edit that does not apply.
func (s *Server) markBroken(ctx context.Context, u protocol.DocumentURI, err error) {
	s.mu.Lock()
	d := s.docs[u]
	if d == nil || d.broken {
		s.mu.Unlock()
		return
	}
	d.broken = true
	if d.cancel != nil {
		d.cancel()
	}
	s.mu.Unlock()
	s.showMessage(ctx, protocol.MessageTypeError,
		"upward: could not read a change to %s (%v). Its diagnostics are paused until the editor sends its whole text again; reopen the file to resume.",
		displayName(d), err)
}

// notImplemented is the error of the protocol.Server methods upward does
// not provide.
func notImplemented(method string) error {
	return jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "upward: method %q not found", method)
}
