package server

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
)

// configs is the server's layer over the config resolver: the editor's
// text of config files. It is guarded by Server.mu.
type configs struct {
	res *config.Resolver
	// buffer is the editor's text of each open config file, which takes
	// the place of the file on disk.
	buffer map[string]string
	// applied is the text of a config file after an edit the server had
	// the editor apply (an allow or disable action), which may not be
	// saved yet; it takes the place of the file on disk until the editor
	// opens, saves or changes the file.
	applied map[string]string
}

func newConfigs() configs {
	return configs{res: config.NewResolver(nil), buffer: map[string]string{}, applied: map[string]string{}}
}

// configForLocked returns the config for d: the nearest .upward.toml above
// it (for a document without a path, the first workspace folder's), with
// the editor settings laid over it. s.mu must be held.
func (s *Server) configForLocked(d *doc) *config.Config {
	dir := ""
	switch {
	case d.path != "":
		dir = filepath.Dir(d.path)
	case len(s.folders) > 0:
		dir = s.folders[0]
	default:
		return s.settings.apply(config.Default())
	}
	return s.settings.apply(s.resolveLocked(dir).Config)
}

// resolveLocked returns the config for the files in dir, and reports the
// file's error when loading it found a new one. s.mu must be held.
func (s *Server) resolveLocked(dir string) config.Resolved {
	rv := s.cfgs.res.Resolve(dir)
	if rv.Changed {
		s.logLoad(rv)
		s.goSession(func(ctx context.Context) { s.reportConfig(ctx, rv.Path, true) })
	}
	return rv
}

func (s *Server) logLoad(rv config.Resolved) {
	if rv.Err != nil {
		s.log.Warn("config file does not load; keeping the last good one", zap.Error(rv.Err))
	} else {
		s.log.Info("loaded config", zap.String("path", rv.Path))
	}
}

// overlayLocked hands the resolver the editor's text of the config file at
// path: its buffer, else the text of an applied edit, else none.
func (s *Server) overlayLocked(path string) {
	if t, ok := s.cfgs.buffer[path]; ok {
		s.cfgs.res.SetOverlay(path, &t)
	} else if t, ok := s.cfgs.applied[path]; ok {
		s.cfgs.res.SetOverlay(path, &t)
	} else {
		s.cfgs.res.SetOverlay(path, nil)
	}
}

// setConfigBufferLocked records the editor's text of the config file at
// path (nil when the editor closes it).
func (s *Server) setConfigBufferLocked(path string, text *string) {
	if text != nil {
		s.cfgs.buffer[path] = *text
	} else {
		delete(s.cfgs.buffer, path)
	}
	delete(s.cfgs.applied, path)
	s.overlayLocked(path)
}

// dropAppliedLocked forgets the text of an applied edit to the config file
// at path: the editor's buffer or the file on disk says what it is now.
// s.mu must be held.
func (s *Server) dropAppliedLocked(path string) {
	if _, ok := s.cfgs.applied[path]; ok {
		delete(s.cfgs.applied, path)
		s.overlayLocked(path)
	}
}

// reloadConfig reloads the config file at path and re-lints the open
// documents. A file that does not load gets a diagnostic at the error and,
// when loud, a message; linting goes on with the last good version.
func (s *Server) reloadConfig(ctx context.Context, path string, loud bool) {
	s.mu.Lock()
	s.dropAppliedLocked(path)
	rv := s.cfgs.res.Reload(path)
	if rv.Err == nil {
		// A text that does not load leaves the last good config in use:
		// nothing to re-lint (a config buffer fails on most keystrokes).
		s.relintAllLocked()
	}
	s.mu.Unlock()
	s.logLoad(rv)
	if rv.Changed || loud {
		s.reportConfig(ctx, path, loud)
	}
}

// configFilesChanged handles watched-file events: the resolver looks for
// config files again and reloads changed ones; the open documents are
// re-linted.
func (s *Server) configFilesChanged(ctx context.Context, changes []*protocol.FileEvent) {
	var report []string
	s.mu.Lock()
	relint := false
	for _, c := range changes {
		if c == nil {
			continue
		}
		path, ok := uriPath(protocol.DocumentURI(c.URI))
		if !ok || !isConfigPath(path) {
			continue
		}
		relint = true
		s.dropAppliedLocked(path)
		if rv := s.cfgs.res.Invalidate(path); rv.Changed {
			report = append(report, path)
		}
	}
	if relint {
		s.relintAllLocked()
	}
	s.mu.Unlock()
	for _, p := range report {
		s.reportConfig(ctx, p, true)
	}
}

// loadFolderConfig loads the config of a workspace folder, so that a broken
// one is reported as soon as the session starts.
func (s *Server) loadFolderConfig(ctx context.Context, dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resolveLocked(dir)
}

// reportConfig publishes the diagnostics of the config file at path: one
// at the line of its error, or none. With loud, an error is also shown as
// a message.
func (s *Server) reportConfig(ctx context.Context, path string, loud bool) {
	s.mu.Lock()
	err := s.cfgs.res.Err(path)
	var text *string
	if t, ok := s.cfgs.buffer[path]; ok {
		text = &t
	}
	enc := s.enc
	s.mu.Unlock()
	diags := []protocol.Diagnostic{}
	if err != nil {
		if text == nil {
			if b, rerr := config.ReadFile(path); rerr == nil {
				t := string(b)
				text = &t
			}
		}
		line := 0
		var ce *config.Error
		if errors.As(err, &ce) && ce.Line > 0 {
			line = ce.Line - 1
		}
		var rng protocol.Range
		if text != nil {
			rng = lineRange(enc, document.NewMapper(*text), line)
		} else {
			rng = protocol.Range{Start: protocol.Position{Line: uint32(line)}, End: protocol.Position{Line: uint32(line)}}
		}
		msg := err.Error()
		if ce != nil {
			msg = ce.Msg
		}
		diags = append(diags, protocol.Diagnostic{
			Range:    rng,
			Severity: protocol.DiagnosticSeverityError,
			Source:   "upward",
			Message:  msg + " (upward keeps using the last version of this file that loaded)",
		})
		if loud {
			s.showMessage(ctx, protocol.MessageTypeError, "upward: %v; linting goes on with the last good config", err)
		}
	}
	perr := s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: uri.File(path), Diagnostics: diags})
	if perr != nil {
		s.log.Warn("publishing config diagnostics", zap.Error(perr))
	}
}

// lineRange returns the range of a line's text (all of the text's last
// line when line is past the end).
func lineRange(enc encoding, m *document.Mapper, line int) protocol.Range {
	if n := m.LineCount(); line >= n {
		line = n - 1
	}
	start := m.ClampPositionOffset(line, 0)
	end := m.ClampPositionOffset(line, 1<<30)
	r, err := enc.rangeOf(m, document.Span{Start: start, End: end})
	if err != nil {
		return protocol.Range{Start: protocol.Position{Line: uint32(line)}, End: protocol.Position{Line: uint32(line)}}
	}
	return r
}

// pullSettings asks the client for the "upward" settings section.
// The result is decoded with encoding/json (see stream).
func (s *Server) pullSettings(ctx context.Context) {
	var raw json.RawMessage
	_, err := s.call(ctx, protocol.MethodWorkspaceConfiguration, &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: "upward"}}}, &raw)
	if err != nil {
		s.log.Warn("workspace/configuration", zap.Error(err))
		return
	}
	var res []json.RawMessage
	if err := json.Unmarshal(raw, &res); err != nil {
		s.log.Warn("workspace/configuration result", zap.Error(err))
		return
	}
	if len(res) == 0 {
		return
	}
	s.setSettings(ctx, res[0])
}

// setSettings replaces the editor settings and re-lints.
func (s *Server) setSettings(ctx context.Context, raw json.RawMessage) {
	s.mu.Lock()
	st, warnings, err := parseSettings(raw, s.knownRuleLocked)
	if err == nil {
		s.settings = st
		s.relintAllLocked()
	}
	s.mu.Unlock()
	s.log.Info("settings", zap.ByteString("raw", raw))
	if err != nil {
		s.showMessage(ctx, protocol.MessageTypeError, "upward: %v", err)
	}
	if len(warnings) > 0 {
		s.showMessage(ctx, protocol.MessageTypeWarning, "upward: %s", strings.Join(warnings, "; "))
	}
}

// noteSettingsProblems logs problems found in settings given while s.mu is
// held, and shows them once the session can talk to the client.
func (s *Server) noteSettingsProblems(warnings []string, err error) {
	if err != nil {
		s.showMessageAsync(protocol.MessageTypeError, "upward: %v", err)
	}
	if len(warnings) > 0 {
		s.showMessageAsync(protocol.MessageTypeWarning, "upward: %s", strings.Join(warnings, "; "))
	}
}

// knownRuleLocked reports whether id is a built-in rule or a custom rule
// of a loaded config. s.mu must be held.
func (s *Server) knownRuleLocked(id string) bool {
	if slices.Contains(builtin.IDs, id) {
		return true
	}
	for _, cfg := range s.cfgs.res.Configs() {
		for _, c := range cfg.Custom() {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}
