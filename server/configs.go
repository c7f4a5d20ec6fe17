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

// configs caches .upward.toml files. It is guarded by Server.mu.
type configs struct {
	nearest map[string]string      // folder → path of the nearest config, "" for none
	files   map[string]*configFile // config path → its state
}

func newConfigs() configs {
	return configs{nearest: map[string]string{}, files: map[string]*configFile{}}
}

// configFile is one .upward.toml.
type configFile struct {
	path   string
	loaded bool
	// good is the last version of the file that loaded; nil until one did,
	// and the default config is used meanwhile.
	good *config.Config
	// err is why the file's current text does not load, or nil.
	err error
	// buffer is the editor's text of the file while it is open, which
	// takes the place of the file on disk.
	buffer *string
	// applied is the text after an edit the server had the editor apply
	// (an allow or disable action), which may not be saved yet; it takes
	// the place of the file on disk until the editor opens, saves or
	// changes the file.
	applied *string
	// eff is good with the settings laid over it, for settings gen effGen.
	eff    *config.Config
	effGen int
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
	}
	var f *configFile
	if dir != "" {
		f = s.configFileLocked(s.nearestLocked(dir))
	}
	if f == nil {
		return s.settings.apply(config.Default())
	}
	if f.eff == nil || f.effGen != s.gen {
		f.eff, f.effGen = s.settings.apply(f.good), s.gen
	}
	return f.eff
}

// nearestLocked returns the path of the config file that applies to the
// files in dir, or "".
func (s *Server) nearestLocked(dir string) string {
	if p, ok := s.cfgs.nearest[dir]; ok {
		return p
	}
	p, err := config.Find(dir)
	if err != nil {
		s.log.Warn("looking for a config file", zap.String("dir", dir), zap.Error(err))
	}
	p = s.nearerAppliedLocked(dir, p)
	s.cfgs.nearest[dir] = p
	return p
}

// configFileLocked returns the state of the config file at path, loading
// it on first use; nil for path "".
func (s *Server) configFileLocked(path string) *configFile {
	if path == "" {
		return nil
	}
	f := s.cfgs.files[path]
	if f == nil {
		f = &configFile{path: path}
		s.cfgs.files[path] = f
	}
	if !f.loaded {
		if changed := s.loadLocked(f); changed {
			s.goSession(func(ctx context.Context) { s.reportConfig(ctx, path, true) })
		}
	}
	return f
}

// loadLocked (re)loads f from its buffer or from disk and reports whether
// its error changed.
func (s *Server) loadLocked(f *configFile) (errChanged bool) {
	var c *config.Config
	var err error
	switch {
	case f.buffer != nil:
		c, err = config.Parse(f.path, []byte(*f.buffer))
	case f.applied != nil:
		c, err = config.Parse(f.path, []byte(*f.applied))
	default:
		c, err = config.Load(f.path)
	}
	prev := f.err
	f.loaded = true
	if err != nil {
		f.err = err
		s.log.Warn("config file does not load; keeping the last good one", zap.Error(err))
	} else {
		f.good, f.err = c, nil
		s.log.Info("loaded config", zap.String("path", f.path))
	}
	f.eff = nil
	return errString(prev) != errString(err)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// setConfigBufferLocked records the editor's text of the config file at
// path (nil when the editor closes it).
func (s *Server) setConfigBufferLocked(path string, text *string) {
	f := s.cfgs.files[path]
	if f == nil {
		f = &configFile{path: path}
		s.cfgs.files[path] = f
	}
	if text != nil {
		t := *text
		text = &t
	}
	s.dropAppliedLocked(path)
	f.buffer = text
	f.loaded = false
}

// reloadConfig reloads the config file at path and re-lints the open
// documents. A file that does not load gets a diagnostic at the error and,
// when loud, a message; linting goes on with the last good version.
func (s *Server) reloadConfig(ctx context.Context, path string, loud bool) {
	s.mu.Lock()
	f := s.cfgs.files[path]
	if f == nil {
		f = &configFile{path: path}
		s.cfgs.files[path] = f
	}
	s.dropAppliedLocked(path)
	changed := s.loadLocked(f)
	if f.err == nil {
		// A text that does not load leaves the last good config in use:
		// nothing to re-lint (a config buffer fails on most keystrokes).
		s.relintAllLocked()
	}
	s.mu.Unlock()
	if changed || loud {
		s.reportConfig(ctx, path, loud)
	}
}

// configFilesChanged handles watched-file events: it drops the cached
// lookups when config files appear or disappear, reloads changed ones and
// re-lints the open documents.
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
		if c.Type == protocol.FileChangeTypeCreated || c.Type == protocol.FileChangeTypeDeleted {
			clear(s.cfgs.nearest)
		}
		s.dropAppliedLocked(path)
		f := s.cfgs.files[path]
		if f == nil || f.buffer != nil {
			// Not in use yet, or the editor's text takes its place.
			continue
		}
		if c.Type == protocol.FileChangeTypeDeleted {
			delete(s.cfgs.files, path)
			if f.err != nil {
				report = append(report, path) // clears its diagnostic
			}
			continue
		}
		if s.loadLocked(f) {
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
	s.configFileLocked(s.nearestLocked(dir))
}

// reportConfig publishes the diagnostics of the config file at path: one
// at the line of its error, or none. With loud, an error is also shown as
// a message.
func (s *Server) reportConfig(ctx context.Context, path string, loud bool) {
	s.mu.Lock()
	var err error
	var text *string
	if f := s.cfgs.files[path]; f != nil {
		err = f.err
		if f.buffer != nil {
			t := *f.buffer
			text = &t
		}
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
	for _, f := range s.cfgs.files {
		for _, c := range f.good.Custom() {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}
