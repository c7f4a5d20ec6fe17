package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
)

// doc is a document open in the editor: its text may have unsaved edits.
// Its fields are guarded by Server.mu, except mu and cache.
type doc struct {
	uri  protocol.DocumentURI
	path string // file path; "" when the URI is not a file
	// format is what the document is linted as: the editor's language
	// ID decides, else the extension (see lintFormat).
	format document.Format
	// isConfig marks an open .upward.toml: it is not linted, its text is
	// the config for the files below it.
	isConfig bool

	version int32
	text    string
	// broken is set when an edit could not be applied: the server no
	// longer knows the editor's text, so it stops linting until a change
	// sends the whole text again.
	broken bool
	closed bool
	cancel context.CancelFunc // cancels the pending lint
	res    *result            // the lint of the newest version linted
	// cache keeps what the document's lints can reuse; it is nil until
	// the first lint, and used under mu.
	cache *config.LintCache

	// mu serialises linting this document and publishing its
	// diagnostics, so that a burst of changes does not pile up lints of
	// superseded versions and a version's diagnostics never follow a
	// newer version's. It is taken before Server.mu.
	mu sync.Mutex
}

// lintFormat returns the format a document is linted as, and false for a
// document the server ignores.
func lintFormat(languageID, path string) (document.Format, bool) {
	switch strings.ToLower(languageID) {
	case "markdown", "md", "gfm":
		return document.Markdown, true
	case "plaintext", "text", "plain text", "txt":
		return document.PlainText, true
	}
	return document.FormatOf(path)
}

// uriPath returns the file path of a file: URI; false for another scheme
// or a malformed URI ("file:///100%.md"), which uri.Filename would panic
// on.
func uriPath(u protocol.DocumentURI) (string, bool) {
	if !strings.HasPrefix(string(u), "file:") {
		return "", false
	}
	if pu, err := url.ParseRequestURI(string(u)); err != nil || pu.Scheme != uri.FileScheme {
		return "", false
	}
	p := uri.URI(u).Filename()
	if p == "" {
		return "", false
	}
	return p, true
}

func isConfigPath(path string) bool { return path != "" && filepath.Base(path) == config.FileName }

func (s *Server) didOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) {
	td := p.TextDocument
	path, _ := uriPath(td.URI)
	d := &doc{uri: td.URI, path: path, version: td.Version, text: td.Text}
	if isConfigPath(path) {
		d.isConfig = true
	} else {
		f, ok := lintFormat(string(td.LanguageID), path)
		if !ok {
			s.log.Debug("ignoring document", zap.String("uri", string(td.URI)), zap.String("languageId", string(td.LanguageID)))
			return
		}
		d.format = f
	}
	s.mu.Lock()
	if old := s.docs[td.URI]; old != nil {
		old.closed = true
		if old.cancel != nil {
			old.cancel()
		}
	}
	s.docs[td.URI] = d
	if d.isConfig {
		s.setConfigBufferLocked(path, &d.text)
	} else {
		s.scheduleLocked(d, 0)
	}
	s.mu.Unlock()
	if d.isConfig {
		s.reloadConfig(ctx, path, false)
	}
}

// change is one entry of didChange's contentChanges, decoded from the raw
// message: protocol v0.12's type cannot tell a full change (no range) from
// an insertion at the start of the text.
type change struct {
	Range *protocol.Range `json:"range"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []change                                 `json:"contentChanges"`
}

func (s *Server) didChange(ctx context.Context, p *didChangeParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		s.log.Warn("didChange for a document that is not open", zap.String("uri", string(p.TextDocument.URI)))
		return
	}
	if v := p.TextDocument.Version; v < d.version {
		// Versions only grow: a lower one is a change the editor sent
		// before the newest, or a client bug. The newest text stays.
		cur := d.version
		s.mu.Unlock()
		s.log.Warn("ignoring a change with a stale version", zap.String("uri", string(p.TextDocument.URI)),
			zap.Int32("version", v), zap.Int32("current", cur))
		return
	}
	wasBroken := d.broken
	var known *document.Document
	if d.res != nil {
		known = d.res.doc
	}
	text, err := s.applyChanges(d.text, d.broken, p.ContentChanges, known)
	d.version = p.TextDocument.Version
	if err != nil {
		d.broken = true
	} else {
		d.text, d.broken = text, false
	}
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
	d.res = nil
	isConfig, path := d.isConfig, d.path
	if !d.broken {
		if isConfig {
			s.setConfigBufferLocked(path, &d.text)
		} else {
			s.scheduleLocked(d, s.debounce)
		}
	}
	version, gen := d.version, s.gen
	s.mu.Unlock()

	switch {
	case err != nil:
		s.log.Error("could not apply an edit", zap.String("uri", string(p.TextDocument.URI)), zap.Error(err))
		if !wasBroken {
			s.showMessage(ctx, protocol.MessageTypeError,
				"upward: could not apply an edit to %s (%v). Its diagnostics are paused until the editor sends its whole text again; reopen the file to resume.",
				displayName(d), err)
			if !isConfig {
				s.publish(ctx, d, version, gen, []protocol.Diagnostic{})
			}
		}
	case isConfig:
		s.reloadConfig(ctx, path, false)
	}
}

// applyChanges applies content changes in order to text. A change with no
// range replaces the whole text, and is the only kind that applies to a
// broken document. An edit outside the text is an error. known, when it is
// the lint of text, lends its line table to the first edit, so a keystroke
// does not rebuild it.
func (s *Server) applyChanges(text string, broken bool, changes []change, known *document.Document) (string, error) {
	for i, c := range changes {
		if c.Range == nil {
			text, broken = c.Text, false
			continue
		}
		if broken {
			return "", fmt.Errorf("change %d edits a document whose text is unknown", i+1)
		}
		var m *document.Mapper
		if i == 0 && known != nil && len(known.Text) == len(text) && known.Text == text {
			m = known.Mapper()
		} else {
			m = document.NewMapper(text)
		}
		sp, err := s.enc.span(m, *c.Range)
		if err != nil {
			return "", fmt.Errorf("change %d, range %d:%d-%d:%d: %w", i+1,
				c.Range.Start.Line, c.Range.Start.Character, c.Range.End.Line, c.Range.End.Character, err)
		}
		text = text[:sp.Start] + c.Text + text[sp.End:]
	}
	if broken {
		return "", fmt.Errorf("no change sends the whole text")
	}
	return text, nil
}

func displayName(d *doc) string {
	if d.path != "" {
		return d.path
	}
	return string(d.uri)
}

func (s *Server) didSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) {
	path, ok := uriPath(p.TextDocument.URI)
	if ok && isConfigPath(path) {
		s.reloadConfig(ctx, path, true)
	}
}

func (s *Server) didClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		s.log.Debug("didClose for a document that is not open", zap.String("uri", string(p.TextDocument.URI)))
		return
	}
	delete(s.docs, p.TextDocument.URI)
	s.noteClosedLocked(len(d.text))
	d.closed = true
	if d.cancel != nil {
		d.cancel()
	}
	if d.isConfig {
		s.setConfigBufferLocked(d.path, nil)
	}
	s.mu.Unlock()
	if d.isConfig {
		s.reloadConfig(ctx, d.path, false)
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}}); err != nil {
		s.log.Warn("publishing diagnostics", zap.Error(err))
	}
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
