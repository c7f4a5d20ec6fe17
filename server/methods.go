package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// The protocol.Server methods upward provides. Handlers stay thin: each
// hands its params to the unexported method that does the work.

var _ protocol.Server = (*Server)(nil)

// Initialize implements protocol.Server for in-process callers. The wire
// handler decodes initialize itself (see initParams), so that it can read
// LSP 3.17's position encodings, which the typed params lack.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	var p initParams
	if err := decodeLenient(raw, &p); err != nil {
		return nil, err
	}
	res, err := s.initialize(&p)
	if err != nil {
		return nil, err
	}
	if !p.Capabilities.Workspace.Configuration {
		s.markSettingsReady()
	}
	return &protocol.InitializeResult{Capabilities: res.Capabilities.ServerCapabilities, ServerInfo: res.ServerInfo}, nil
}

// Initialized implements protocol.Server.
func (s *Server) Initialized(context.Context, *protocol.InitializedParams) error {
	s.initialized()
	return nil
}

// Shutdown implements protocol.Server.
func (s *Server) Shutdown(context.Context) error {
	s.shutdown()
	return nil
}

// Exit implements protocol.Server.
func (s *Server) Exit(context.Context) error {
	s.exit()
	return nil
}

// SetTrace implements protocol.Server; the log level is set by flag.
func (s *Server) SetTrace(_ context.Context, p *protocol.SetTraceParams) error {
	s.log.Debug("setTrace", zap.String("value", string(p.Value)))
	return nil
}

// DidOpen implements protocol.Server.
func (s *Server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.didOpen(ctx, p)
	return nil
}

// DidChange implements protocol.Server for in-process callers. Because
// protocol v0.12's TextDocumentContentChangeEvent cannot tell a full change
// from an insertion at 0:0, a change with a zero range and no range length
// is taken as the whole text. Wire messages are decoded exactly by the
// handler instead.
func (s *Server) DidChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) error {
	dp := &didChangeParams{TextDocument: p.TextDocument}
	for _, c := range p.ContentChanges {
		ch := change{Text: c.Text}
		if c.Range != (protocol.Range{}) || c.RangeLength != 0 {
			r := c.Range
			ch.Range = &r
		}
		dp.ContentChanges = append(dp.ContentChanges, ch)
	}
	s.didChange(ctx, dp)
	return nil
}

// DidSave implements protocol.Server.
func (s *Server) DidSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	s.didSave(ctx, p)
	return nil
}

// DidClose implements protocol.Server.
func (s *Server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.didClose(ctx, p)
	return nil
}

// DidChangeConfiguration implements protocol.Server: the settings are
// pulled again when the client supports workspace/configuration, and
// taken from the notification otherwise.
func (s *Server) DidChangeConfiguration(ctx context.Context, p *protocol.DidChangeConfigurationParams) error {
	raw, err := json.Marshal(p.Settings)
	if err != nil {
		return err
	}
	return s.didChangeConfiguration(ctx, &configurationParams{Settings: raw})
}

// configurationParams is DidChangeConfigurationParams with the settings
// kept raw, to be read by parseSettings.
type configurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

func (s *Server) didChangeConfiguration(ctx context.Context, p *configurationParams) error {
	s.mu.Lock()
	pull := s.caps.configuration
	s.mu.Unlock()
	if pull {
		s.goSession(s.pullSettings)
		return nil
	}
	s.setSettings(ctx, p.Settings)
	return nil
}

// DidChangeWatchedFiles implements protocol.Server.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	s.configFilesChanged(ctx, p.Changes)
	return nil
}

// DidChangeWorkspaceFolders implements protocol.Server.
func (s *Server) DidChangeWorkspaceFolders(ctx context.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
	s.mu.Lock()
	for _, f := range p.Event.Removed {
		if path, ok := uriPath(protocol.DocumentURI(f.URI)); ok {
			for i, have := range s.folders {
				if have == path {
					s.folders = append(s.folders[:i], s.folders[i+1:]...)
					break
				}
			}
		}
	}
	var added []string
	for _, f := range p.Event.Added {
		if path, ok := uriPath(protocol.DocumentURI(f.URI)); ok {
			s.folders = append(s.folders, path)
			added = append(added, path)
		}
	}
	s.relintAllLocked()
	s.mu.Unlock()
	for _, f := range added {
		s.loadFolderConfig(ctx, f)
	}
	return nil
}

// CodeAction implements protocol.Server.
func (s *Server) CodeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	return s.codeAction(ctx, p)
}

// Hover implements protocol.Server.
func (s *Server) Hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	return s.hover(ctx, p)
}

// Request implements protocol.Server for methods outside the protocol.
func (s *Server) Request(_ context.Context, method string, _ any) (any, error) {
	return nil, notImplemented(method)
}
