package server

import (
	"context"
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

// modKind says what a modification does to a document.
type modKind int

const (
	modOpen modKind = iota
	modChange
	modClose
)

// modification is one didOpen, didChange or didClose.
type modification struct {
	kind modKind
	uri  protocol.DocumentURI
	// version is the document's new version (open and change).
	version int32
	// languageID and text are the document's language and text (open).
	languageID, text string
	// changes are the edits of a change, in order; unreadable is set
	// instead when they could not be decoded.
	changes    []change
	unreadable error
}

// didModify is the one path of document changes, like gopls'
// didModifyFiles: it applies an open, change or close to the open
// documents, then schedules the lint of what changed, withdraws the
// diagnostics of what closed or fell out of sync, and reloads the config
// when the document is an .upward.toml.
func (s *Server) didModify(ctx context.Context, m modification) {
	s.mu.Lock()
	d := s.docs[m.uri]
	var editErr error
	wasBroken := false
	switch m.kind {
	case modOpen:
		path, _ := uriPath(m.uri)
		nd := &doc{uri: m.uri, path: path, version: m.version, text: m.text, isConfig: isConfigPath(path)}
		if !nd.isConfig {
			f, ok := lintFormat(m.languageID, path)
			if !ok {
				s.mu.Unlock()
				s.log.Debug("ignoring document", zap.String("uri", string(m.uri)), zap.String("languageId", m.languageID))
				return
			}
			nd.format = f
		}
		if d != nil {
			d.closed = true
			if d.cancel != nil {
				d.cancel()
			}
		}
		d = nd
		s.docs[m.uri] = d
	case modChange:
		if d == nil {
			s.mu.Unlock()
			s.log.Warn("didChange for a document that is not open", zap.String("uri", string(m.uri)))
			return
		}
		if m.unreadable == nil && m.version < d.version {
			// Versions only grow: a lower one is a change the editor sent
			// before the newest, or a client bug. The newest text stays.
			cur := d.version
			s.mu.Unlock()
			s.log.Warn("ignoring a change with a stale version", zap.String("uri", string(m.uri)),
				zap.Int32("version", m.version), zap.Int32("current", cur))
			return
		}
		wasBroken = d.broken
		editErr = m.unreadable
		if editErr == nil {
			var known *document.Document
			if d.res != nil {
				known = d.res.doc
			}
			var text string
			if text, editErr = s.applyChanges(d.text, d.broken, m.changes, known); editErr == nil {
				d.text = text
			}
			d.version = m.version
		}
		d.broken = editErr != nil
		d.res = nil
	case modClose:
		if d == nil {
			s.mu.Unlock()
			s.log.Debug("didClose for a document that is not open", zap.String("uri", string(m.uri)))
			return
		}
		delete(s.docs, m.uri)
		s.noteClosedLocked(len(d.text))
		d.closed = true
	}
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
	switch {
	case d.isConfig && d.closed:
		s.setConfigBufferLocked(d.path, nil)
	case d.isConfig && !d.broken:
		s.setConfigBufferLocked(d.path, &d.text)
	case !d.isConfig && !d.closed && !d.broken:
		delay := s.debounce
		if m.kind == modOpen {
			delay = 0
		}
		s.scheduleLocked(d, delay)
	}
	version, gen := d.version, s.gen
	s.mu.Unlock()

	switch {
	case editErr != nil:
		s.log.Error("could not apply an edit", zap.String("uri", string(m.uri)), zap.Error(editErr))
		if wasBroken {
			return
		}
		s.showMessage(ctx, protocol.MessageTypeError,
			"upward: could not apply an edit to %s (%v). Its diagnostics are paused until the editor sends its whole text again; reopen the file to resume.",
			displayName(d), editErr)
		if !d.isConfig {
			s.publish(ctx, d, version, gen, []protocol.Diagnostic{})
		}
	case d.isConfig:
		s.reloadConfig(ctx, d.path, false)
	case d.closed:
		d.mu.Lock()
		defer d.mu.Unlock()
		if err := s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}}); err != nil {
			s.log.Warn("publishing diagnostics", zap.Error(err))
		}
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
