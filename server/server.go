package server

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/version"
)

// state is where a session is in the LSP lifecycle.
type state int

const (
	stateNew         state = iota // before initialize
	stateInitialized              // after initialize
	stateShutdown                 // after shutdown, waiting for exit
)

// Server holds the server-side state of one LSP session: one client on one
// connection, from initialize to exit. Its method table is route.
type Server struct {
	log    *zap.Logger
	client protocol.Client
	notify func(ctx context.Context, method string, params any) error // raw notifications
	// call makes a raw request of the client.
	call     func(ctx context.Context, method string, params, result any) (jsonrpc2.ID, error)
	inflight sync.WaitGroup // messages read and not yet replied to
	debounce time.Duration
	maxSize  int64 // see Options.MaxSize
	// hook and afterLint are test hooks (see Options).
	hook      func(ctx context.Context, method string)
	afterLint func(uri string, version int32)

	// ctx is cancelled when the session ends; background goroutines run
	// under it, and bg counts them.
	ctx     context.Context
	cancel  context.CancelFunc
	bgMu    sync.Mutex // guards stopped and additions to bg
	stopped bool
	bg      sync.WaitGroup

	exitOnce sync.Once
	exited   chan struct{} // closed on exit

	// settingsReady is closed once the first settings are known, so that
	// the first diagnostics already honour them.
	settingsReady     chan struct{}
	settingsReadyOnce sync.Once

	mu       sync.Mutex // guards the fields below and every doc's fields but pubMu
	state    state
	exitCode int
	enc      encoding
	caps     clientCaps
	folders  []string // workspace folder paths
	docs     map[protocol.DocumentURI]*doc
	cfgs     configs
	settings settings
	// gen counts changes of config files and settings; a lint made
	// before the latest change is stale.
	gen int
	// closed counts the text of the documents closed since the memory
	// they used was last returned to the operating system; release does
	// that releaseDelay after the last of a burst of closes.
	closed  int64
	release *time.Timer
	// pulled keeps the last report of each file workspace/diagnostic
	// linted from disk (see report).
	pulled map[protocol.DocumentURI]pulledFile
}

// Memory freed by closing documents is returned to the operating system
// (debug.FreeOSMemory) once at least releaseMin bytes of text were closed,
// releaseDelay after the last close. Without it the Go runtime keeps the
// freed heap for minutes: after 10,000 documents were closed the process
// stayed at its peak.
const (
	releaseMin   = 1 << 20
	releaseDelay = time.Second
)

// newServer returns a server that talks to client.
func newServer(client protocol.Client, log *zap.Logger, debounce time.Duration) *Server {
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{
		log:           log,
		client:        client,
		debounce:      debounce,
		ctx:           ctx,
		cancel:        cancel,
		exited:        make(chan struct{}),
		settingsReady: make(chan struct{}),
		exitCode:      1,
		docs:          map[protocol.DocumentURI]*doc{},
		cfgs:          newConfigs(),
	}
}

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	configuration     bool // workspace/configuration
	watchedFilesDyn   bool // dynamic registration of didChangeWatchedFiles
	documentChanges   bool // versioned WorkspaceEdit.documentChanges
	markdownHover     bool
	codeActionLiteral bool
	applyEdit         bool // workspace/applyEdit
	createFiles       bool // CreateFile in WorkspaceEdit.documentChanges
	// pullDiagnostics: the client pulls diagnostics (textDocument/diagnostic)
	// and the server publishes none for documents; diagnosticRefresh: it
	// takes workspace/diagnostic/refresh.
	pullDiagnostics, diagnosticRefresh bool
	codeLensRefresh                    bool // workspace/codeLens/refresh
}

// initParams is the part of InitializeParams the server reads. It is
// decoded from the raw message because protocol v0.12 lacks LSP 3.17's
// general.positionEncodings, and decoding only what is needed keeps an
// odd capability elsewhere from failing initialize.
type initParams struct {
	ProcessID             *int64                     `json:"processId"`
	RootURI               string                     `json:"rootUri"`
	RootPath              string                     `json:"rootPath"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	ClientInfo            *protocol.ClientInfo       `json:"clientInfo"`
	Capabilities          struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Workspace struct {
			Configuration bool `json:"configuration"`
			ApplyEdit     bool `json:"applyEdit"`
			WorkspaceEdit struct {
				DocumentChanges    bool     `json:"documentChanges"`
				ResourceOperations []string `json:"resourceOperations"`
			} `json:"workspaceEdit"`
			Diagnostics struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"diagnostics"`
			CodeLens struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"codeLens"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
		TextDocument struct {
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
			CodeAction struct {
				CodeActionLiteralSupport json.RawMessage `json:"codeActionLiteralSupport"`
			} `json:"codeAction"`
			Diagnostic json.RawMessage `json:"diagnostic"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

// initResult is InitializeResult plus LSP 3.17's positionEncoding.
type initResult struct {
	Capabilities serverCaps           `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

type serverCaps struct {
	protocol.ServerCapabilities
	PositionEncoding string `json:"positionEncoding,omitempty"`
	// DiagnosticProvider is LSP 3.17's, for clients that pull diagnostics.
	DiagnosticProvider *diagnosticOptions `json:"diagnosticProvider,omitempty"`
}

// Code action kinds the server offers.
const (
	kindQuickFix = protocol.QuickFix
	kindFixAll   = protocol.CodeActionKind("source.fixAll.upward")
)

// initialize handles the initialize request.
func (s *Server) initialize(p *initParams) (*initResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != stateNew {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "initialize was already called")
	}
	s.state = stateInitialized
	c := p.Capabilities
	s.enc = chooseEncoding(c.General.PositionEncodings)
	s.caps = clientCaps{
		configuration:     c.Workspace.Configuration,
		watchedFilesDyn:   c.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		documentChanges:   c.Workspace.WorkspaceEdit.DocumentChanges,
		codeActionLiteral: len(c.TextDocument.CodeAction.CodeActionLiteralSupport) > 0 && string(c.TextDocument.CodeAction.CodeActionLiteralSupport) != "null",
		applyEdit:         c.Workspace.ApplyEdit,
		createFiles:       slices.Contains(c.Workspace.WorkspaceEdit.ResourceOperations, "create") && c.Workspace.WorkspaceEdit.DocumentChanges,
		pullDiagnostics:   len(c.TextDocument.Diagnostic) > 0 && string(c.TextDocument.Diagnostic) != "null",
		diagnosticRefresh: c.Workspace.Diagnostics.RefreshSupport,
		codeLensRefresh:   c.Workspace.CodeLens.RefreshSupport,
	}
	for _, f := range c.TextDocument.Hover.ContentFormat {
		if f == string(protocol.Markdown) {
			s.caps.markdownHover = true
		}
	}
	if len(c.TextDocument.Hover.ContentFormat) == 0 {
		s.caps.markdownHover = true
	}
	for _, f := range p.WorkspaceFolders {
		if path, ok := uriPath(protocol.DocumentURI(f.URI)); ok {
			s.folders = append(s.folders, path)
		}
	}
	if len(s.folders) == 0 {
		if path, ok := uriPath(protocol.DocumentURI(p.RootURI)); ok {
			s.folders = append(s.folders, path)
		} else if p.RootPath != "" {
			s.folders = append(s.folders, p.RootPath)
		}
	}
	if len(p.InitializationOptions) > 0 {
		st, warnings, err := parseSettings(p.InitializationOptions, s.knownRuleLocked)
		s.noteSettingsProblems(warnings, err)
		if err == nil {
			s.settings = st
		}
	}
	if !c.Workspace.Configuration {
		// No settings will come but these.
		s.markSettingsReady()
	}
	client := "unknown client"
	if p.ClientInfo != nil {
		client = p.ClientInfo.Name + " " + p.ClientInfo.Version
	}
	s.log.Info("initialize", zap.String("client", client), zap.Stringer("positionEncoding", s.enc),
		zap.Strings("folders", s.folders))

	caps := protocol.ServerCapabilities{
		TextDocumentSync: protocol.TextDocumentSyncOptions{
			OpenClose: true,
			Change:    protocol.TextDocumentSyncKindIncremental,
			Save:      &protocol.SaveOptions{},
		},
		HoverProvider:          true,
		CodeLensProvider:       &protocol.CodeLensOptions{},
		ExecuteCommandProvider: &protocol.ExecuteCommandOptions{Commands: commands},
		Workspace: &protocol.ServerCapabilitiesWorkspace{
			WorkspaceFolders: &protocol.ServerCapabilitiesWorkspaceFolders{Supported: true, ChangeNotifications: true},
		},
	}
	if s.caps.codeActionLiteral {
		caps.CodeActionProvider = protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{kindQuickFix, kindFixAll}}
	} else {
		caps.CodeActionProvider = true
	}
	res := &initResult{
		Capabilities: serverCaps{ServerCapabilities: caps, PositionEncoding: s.enc.String(), DiagnosticProvider: s.diagnosticProviderLocked()},
		ServerInfo:   &protocol.ServerInfo{Name: "upward", Version: version.Short()},
	}
	return res, nil
}

// initialized starts the work that needs the client: pulling settings,
// watching config files, loading the workspace folders' configs.
func (s *Server) initialized() {
	s.mu.Lock()
	pull, watch, folders := s.caps.configuration, s.caps.watchedFilesDyn, s.folders
	s.mu.Unlock()
	if watch {
		s.goSession(s.registerWatchers)
	}
	s.goSession(func(ctx context.Context) {
		for _, f := range folders {
			s.loadFolderConfig(ctx, f)
		}
		if pull {
			s.pullSettings(ctx)
		}
		s.markSettingsReady()
	})
}

// configurationParams is DidChangeConfigurationParams with the settings
// kept raw, to be read by parseSettings.
type configurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

// didChangeConfiguration pulls the settings again when the client supports
// workspace/configuration, and takes them from the notification otherwise.
func (s *Server) didChangeConfiguration(ctx context.Context, p *configurationParams) {
	s.mu.Lock()
	pull := s.caps.configuration
	s.mu.Unlock()
	if pull {
		s.goSession(s.pullSettings)
		return
	}
	s.setSettings(ctx, p.Settings)
}

func (s *Server) didChangeWorkspaceFolders(ctx context.Context, p *protocol.DidChangeWorkspaceFoldersParams) {
	s.mu.Lock()
	for _, f := range p.Event.Removed {
		if path, ok := uriPath(protocol.DocumentURI(f.URI)); ok {
			if i := slices.Index(s.folders, path); i >= 0 {
				s.folders = slices.Delete(s.folders, i, i+1)
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
}

func (s *Server) markSettingsReady() {
	s.settingsReadyOnce.Do(func() { close(s.settingsReady) })
}

// goSession runs f in a goroutine that the end of the session cancels and
// waits for; after the end it does nothing.
func (s *Server) goSession(f func(ctx context.Context)) {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.stopped {
		return
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("internal error", zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			}
		}()
		f(s.ctx)
	}()
}

func (s *Server) registerWatchers(ctx context.Context) {
	err := s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:     "upward-config-watcher",
		Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
			{GlobPattern: "**/.upward.toml"},
		}},
	}}})
	if err != nil {
		s.log.Warn("registering the config file watcher", zap.Error(err))
	}
}

// shutdown handles the shutdown request.
func (s *Server) shutdown() {
	s.mu.Lock()
	s.state = stateShutdown
	s.exitCode = 0
	for _, d := range s.docs {
		if d.cancel != nil {
			d.cancel()
		}
	}
	s.mu.Unlock()
	s.log.Info("shutdown")
}

// exit handles the exit notification: the session ends.
func (s *Server) exit() {
	s.exitOnce.Do(func() {
		s.log.Info("exit")
		close(s.exited)
	})
}

// stop ends the session's background work and waits for it.
func (s *Server) stop() {
	s.bgMu.Lock()
	s.stopped = true
	s.bgMu.Unlock()
	s.mu.Lock()
	if s.release != nil {
		s.release.Stop()
	}
	s.mu.Unlock()
	s.cancel()
	s.markSettingsReady()
	s.bg.Wait()
}

// noteClosedLocked counts the text of a closed document and arranges for
// the memory of a burst of closes to be returned. s.mu must be held.
func (s *Server) noteClosedLocked(n int) {
	s.closed += int64(n)
	if s.closed < releaseMin {
		return
	}
	if s.release != nil {
		s.release.Reset(releaseDelay)
		return
	}
	s.release = time.AfterFunc(releaseDelay, func() {
		s.goSession(func(context.Context) {
			s.mu.Lock()
			s.closed = 0
			s.mu.Unlock()
			debug.FreeOSMemory()
			s.log.Debug("returned the memory of closed documents")
		})
	})
}

// showMessage shows a message to the user, logging it too.
func (s *Server) showMessage(ctx context.Context, typ protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	switch typ {
	case protocol.MessageTypeError:
		s.log.Error(msg)
	case protocol.MessageTypeWarning:
		s.log.Warn(msg)
	default:
		s.log.Info(msg)
	}
	if err := s.client.ShowMessage(ctx, &protocol.ShowMessageParams{Type: typ, Message: msg}); err != nil {
		s.log.Debug("showMessage", zap.Error(err))
	}
}

// showMessageAsync is showMessage from a goroutine of its own, for callers
// that hold s.mu.
func (s *Server) showMessageAsync(typ protocol.MessageType, format string, args ...any) {
	s.goSession(func(ctx context.Context) { s.showMessage(ctx, typ, format, args...) })
}
