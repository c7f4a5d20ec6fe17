package server

import (
	"context"
	"encoding/json"
	"errors"
	"runtime/debug"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// handler returns the connection's handler. Messages are handled one at a
// time in arrival order (a request may answer later) by dispatch;
// $/cancelRequest alone is handled on arrival, so that it can cancel a
// request that is waiting or running.
func (s *Server) handler() jsonrpc2.Handler {
	inner, canceller := jsonrpc2.CancelHandler(jsonrpc2.AsyncHandler(jsonrpc2.ReplyHandler(s.dispatch)))
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() == protocol.MethodCancelRequest {
			// protocol.CancelHandler decodes the id as interface{} and so
			// never matches a numeric id; jsonrpc2.ID decodes both kinds.
			p, err := decode[struct {
				ID *jsonrpc2.ID `json:"id"`
			}](req.Params())
			if err != nil || p.ID == nil {
				s.log.Warn("malformed $/cancelRequest", zap.ByteString("params", req.Params()))
			} else {
				canceller(*p.ID)
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
	res, err := s.route(ctx, method, req.Params())
	if err == errUnknownMethod {
		if isCall {
			return once(ctx, nil, jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "upward: method %q not found", method))
		}
		s.log.Debug("ignoring notification", zap.String("method", method))
		return once(ctx, nil, nil)
	}
	return once(ctx, res, err)
}

// errUnknownMethod is route's answer for a method upward does not handle.
var errUnknownMethod = errors.New("unknown method")

// route is the server's method table: it decodes a message's params and
// calls the method that does the work. Params that do not decode answer
// InvalidParams; initialize reads its params leniently (see initParams),
// and a didChange that does not decode marks its document out of sync.
func (s *Server) route(ctx context.Context, method string, raw json.RawMessage) (any, error) {
	switch method {
	case protocol.MethodInitialize:
		var p initParams
		if err := decodeLenient(raw, &p); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: initialize params: %v", err)
		}
		return s.initialize(&p)
	case protocol.MethodInitialized:
		s.initialized()
	case protocol.MethodShutdown:
		s.shutdown()
	case protocol.MethodSetTrace:
		// The log level is set by flag.
	case protocol.MethodTextDocumentDidOpen:
		p, err := decode[protocol.DidOpenTextDocumentParams](raw)
		if err != nil {
			return nil, err
		}
		td := p.TextDocument
		s.didModify(ctx, modification{kind: modOpen, uri: td.URI, version: td.Version, languageID: string(td.LanguageID), text: td.Text})
	case protocol.MethodTextDocumentDidChange:
		p, err := decode[didChangeParams](raw)
		if err != nil {
			// Which document: read what can be read of the params.
			var probe didChangeParams
			_ = decodeLenient(raw, &probe)
			s.didModify(ctx, modification{kind: modChange, uri: probe.TextDocument.URI, unreadable: err})
			return nil, nil
		}
		s.didModify(ctx, modification{kind: modChange, uri: p.TextDocument.URI, version: p.TextDocument.Version, changes: p.ContentChanges})
	case protocol.MethodTextDocumentDidClose:
		p, err := decode[protocol.DidCloseTextDocumentParams](raw)
		if err != nil {
			return nil, err
		}
		s.didModify(ctx, modification{kind: modClose, uri: p.TextDocument.URI})
	case protocol.MethodTextDocumentDidSave:
		return notify(ctx, raw, s.didSave)
	case protocol.MethodTextDocumentCodeAction:
		return call(ctx, raw, s.codeAction)
	case protocol.MethodTextDocumentHover:
		return call(ctx, raw, s.hover)
	case protocol.MethodTextDocumentCodeLens:
		return call(ctx, raw, s.codeLens)
	case methodDocumentDiagnostic:
		return call(ctx, raw, s.documentDiagnostic)
	case methodWorkspaceDiagnostic:
		return call(ctx, raw, s.workspaceDiagnostic)
	case protocol.MethodWorkspaceExecuteCommand:
		return call(ctx, raw, s.executeCommand)
	case protocol.MethodWorkspaceDidChangeConfiguration:
		return notify(ctx, raw, s.didChangeConfiguration)
	case protocol.MethodWorkspaceDidChangeWatchedFiles:
		return notify(ctx, raw, func(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) {
			s.configFilesChanged(ctx, p.Changes)
		})
	case protocol.MethodWorkspaceDidChangeWorkspaceFolders:
		return notify(ctx, raw, s.didChangeWorkspaceFolders)
	default:
		return nil, errUnknownMethod
	}
	return nil, nil
}

// call decodes a request's params and calls f with them.
func call[P, R any](ctx context.Context, raw json.RawMessage, f func(context.Context, *P) (R, error)) (any, error) {
	p, err := decode[P](raw)
	if err != nil {
		return nil, err
	}
	return f(ctx, p)
}

// notify decodes a notification's params and calls f with them.
func notify[P any](ctx context.Context, raw json.RawMessage, f func(context.Context, *P)) (any, error) {
	p, err := decode[P](raw)
	if err != nil {
		return nil, err
	}
	f(ctx, p)
	return nil, nil
}

// decode decodes params into a new P; a value of the wrong shape is an
// InvalidParams error, and no params at all is the zero P.
func decode[P any](raw json.RawMessage) (*P, error) {
	var p P
	if len(raw) == 0 {
		return &p, nil
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: invalid params: %v", err)
	}
	return &p, nil
}

// decodeLenient decodes raw params into v, leaving fields of an
// unexpected type zero instead of failing; a value that is not an object
// at all is an error.
func decodeLenient(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	err := json.Unmarshal(raw, v)
	if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field != "" {
		return nil
	}
	return err
}
