package server

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/regfile"
)

// result is the lint of one version of a document. Code actions and hover
// use the findings and fixes computed here; nothing is matched again.
type result struct {
	version  int32
	gen      int                // Server.gen when linted
	doc      *document.Document // nil when the text could not be linted
	findings []lint.Finding
	// directives are the names in inline directives that are no rule's
	// ID (misspelt, so they silence nothing).
	directives []lint.DirectiveProblem
	// diags[i] is the published form of findings[i]; after the findings
	// come the warnings about directives, one per directives[j]. When
	// they were cut at maxDiagnostics, one more diagnostic at the end
	// says how many were left out.
	diags []protocol.Diagnostic
	cfg   *config.Config
	enc   encoding
}

// maxDiagnostics is the most diagnostics published for one document,
// findings and directive warnings together, then one that counts the
// rest. Directive warnings come first (a document has few, and a misspelt
// directive explains findings it fails to silence); findings fill the
// rest, the first ones in the text. Code actions and hover see the same
// findings, so fix-all fixes the ones shown and the next lint shows the
// next ones.
const maxDiagnostics = 1000

// diagData is Diagnostic.data: which finding of which version the
// diagnostic shows, so that a code action request can name it exactly.
type diagData struct {
	Version int32 `json:"version"`
	Index   int   `json:"index"`
}

// scheduleLocked arranges for d's current version to be linted and
// published after delay, cancelling the lint of any older version. s.mu
// must be held.
func (s *Server) scheduleLocked(d *doc, delay time.Duration) {
	if d.cancel != nil {
		d.cancel()
	}
	ctx, cancel := context.WithCancel(s.ctx)
	d.cancel = cancel
	version := d.version
	s.goSession(func(context.Context) {
		defer cancel()
		if delay > 0 {
			t := time.NewTimer(delay)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return
			}
		}
		select {
		case <-s.settingsReady:
		case <-ctx.Done():
			return
		case <-time.After(2 * time.Second):
			// Settings that come later re-lint (setSettings); later lints
			// need not wait too.
			s.log.Warn("no settings from the client yet; linting without them")
			s.markSettingsReady()
		}
		r := s.resultFor(d, version)
		if r == nil || ctx.Err() != nil {
			return
		}
		if s.afterLint != nil {
			s.afterLint(string(d.uri), version)
		}
		s.publish(ctx, d, r.version, r.gen, r.diags)
	})
}

// resultFor returns the lint of version of d, linting it if that has not
// been done yet; it returns nil when d is closed, broken or at another
// version.
func (s *Server) resultFor(d *doc, version int32) *result {
	s.mu.Lock()
	if d.closed || d.broken || d.isConfig || d.version != version {
		s.mu.Unlock()
		return nil
	}
	if r := d.res; r != nil && r.version == version && r.gen == s.gen {
		s.mu.Unlock()
		return r
	}
	s.mu.Unlock()

	// One lint at a time per document: on a large document, a burst of
	// changes must not pile up lints of versions already superseded.
	d.mu.Lock()
	defer d.mu.Unlock()
	s.mu.Lock()
	if d.closed || d.broken || d.version != version {
		s.mu.Unlock()
		return nil
	}
	if r := d.res; r != nil && r.version == version && r.gen == s.gen {
		s.mu.Unlock()
		return r
	}
	text, enc, gen := d.text, s.enc, s.gen
	cfg := s.configForLocked(d)
	s.mu.Unlock()

	r := s.lint(d, version, text, cfg, enc)
	r.gen = gen

	s.mu.Lock()
	defer s.mu.Unlock()
	if d.version != version || d.closed || s.gen != gen {
		// Stale: a newer lint has been scheduled.
		return nil
	}
	d.res = r
	return r
}

// current returns the lint of d's current version (see resultFor), or nil
// when d is closed or broken, or changed again while it was linted (the
// request is then about a superseded version).
func (s *Server) current(d *doc) *result {
	s.mu.Lock()
	v := d.version
	s.mu.Unlock()
	return s.resultFor(d, v)
}

// linted returns the open document uri and the lint of its current
// version, for requests about it; r is nil when the document is not open,
// cannot be linted, or ctx is done.
func (s *Server) linted(ctx context.Context, uri protocol.DocumentURI) (d *doc, r *result) {
	s.mu.Lock()
	d = s.docs[uri]
	s.mu.Unlock()
	if d == nil {
		return nil, nil
	}
	r = s.current(d)
	if r == nil || r.doc == nil || ctx.Err() != nil {
		return d, nil
	}
	return d, r
}

// lint lints one version of a document.
func (s *Server) lint(d *doc, version int32, text string, cfg *config.Config, enc encoding) (r *result) {
	r = &result{version: version, cfg: cfg, enc: enc, diags: []protocol.Diagnostic{}}
	if d.path != "" && cfg.Ignored(d.path) {
		s.log.Debug("ignored by config", zap.String("path", d.path))
		return r
	}
	start := time.Now()
	if int64(len(text)) > s.maxSize {
		r.diags = append(r.diags, protocol.Diagnostic{
			Severity: protocol.DiagnosticSeverityError,
			Source:   "upward",
			Message: fmt.Sprintf("upward does not lint documents over %s; this one is %s (upward lsp --max-size raises the limit)",
				regfile.FormatSize(s.maxSize), regfile.FormatSize(int64(len(text)))),
		})
		return r
	}
	if err := document.ValidateString(text); err != nil {
		r.diags = append(r.diags, protocol.Diagnostic{
			Severity: protocol.DiagnosticSeverityError,
			Source:   "upward",
			Message:  "upward cannot lint this document: " + err.Error(),
		})
		return r
	}
	var (
		doc      *document.Document
		findings []lint.Finding
	)
	defer func() {
		if p := recover(); p != nil {
			// A bug in a rule: say so on the document, keep serving.
			s.log.Error("internal error linting", zap.String("uri", string(d.uri)), zap.Any("panic", p), zap.ByteString("stack", debug.Stack()))
			d.cache = nil // it may hold a half-built state
			r.doc, r.findings = nil, nil
			r.diags = []protocol.Diagnostic{{
				Severity: protocol.DiagnosticSeverityError,
				Source:   "upward",
				Message:  fmt.Sprintf("upward hit an internal error linting this document (please report it): %v", p),
			}}
		}
	}()
	if d.cache == nil {
		// A text linted once (a document opened, not edited) needs no
		// cache: only the second lint starts one.
		doc, findings = cfg.Lint(d.path, d.format, text)
		d.cache = &config.LintCache{}
	} else {
		doc, findings = d.cache.Lint(cfg, d.path, d.format, text)
	}
	r.doc = doc
	m := doc.Mapper()
	dirs := lint.CheckDirectives(doc, cfg.Rules())
	more, moreAt := 0, len(text)
	if len(dirs) > maxDiagnostics {
		more, moreAt = len(dirs)-maxDiagnostics, dirs[maxDiagnostics].Span.Start
		dirs = dirs[:maxDiagnostics]
	}
	if room := maxDiagnostics - len(dirs); len(findings) > room {
		// A copy, so that the findings left out can be collected.
		more += len(findings) - room
		moreAt = min(moreAt, findings[room].Span.Start)
		findings = slices.Clone(findings[:room])
	}
	for _, f := range findings {
		rng, err := enc.rangeOf(m, f.Span)
		if err != nil {
			s.log.Error("finding outside the text", zap.String("rule", f.RuleID), zap.Int("start", f.Span.Start), zap.Int("end", f.Span.End), zap.Error(err))
			continue
		}
		dg := protocol.Diagnostic{
			Range:    rng,
			Severity: severity(f.Severity),
			Code:     f.RuleID,
			Source:   "upward",
			Message:  f.Message,
			Data:     diagData{Version: version, Index: len(r.findings)},
		}
		if rule := builtin.Lookup(f.RuleID); rule != nil && rule.URL != "" {
			dg.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(rule.URL)}
		}
		r.findings = append(r.findings, f)
		r.diags = append(r.diags, dg)
	}
	for _, p := range dirs {
		rng, err := enc.rangeOf(m, p.Span)
		if err != nil {
			continue
		}
		r.directives = append(r.directives, p)
		r.diags = append(r.diags, protocol.Diagnostic{
			Range:    rng,
			Severity: protocol.DiagnosticSeverityWarning,
			Source:   "upward",
			Message:  p.Message(),
		})
	}
	if more > 0 {
		rng, _ := enc.rangeOf(m, document.Span{Start: moreAt, End: moreAt})
		r.diags = append(r.diags, protocol.Diagnostic{
			Range:    rng,
			Severity: protocol.DiagnosticSeverityInformation,
			Source:   "upward",
			Message:  fmt.Sprintf("upward: %d more findings from here on are not shown (a document gets at most %d diagnostics, directive warnings included)", more, maxDiagnostics),
		})
	}
	s.log.Debug("linted", zap.String("uri", string(d.uri)), zap.Int32("version", version),
		zap.Int("findings", len(r.findings)), zap.Duration("took", time.Since(start)))
	return r
}

func severity(s lint.Severity) protocol.DiagnosticSeverity {
	switch s {
	case lint.Error:
		return protocol.DiagnosticSeverityError
	case lint.Warning:
		return protocol.DiagnosticSeverityWarning
	case lint.Info:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityHint
}

// publish sends diags for version of d made at config generation gen,
// unless d has moved on to another version or closed, or the config has
// changed since, or the client pulls diagnostics (see pull.go).
// Publishing for a document is serialised, so a version's diagnostics
// never follow a newer version's.
func (s *Server) publish(ctx context.Context, d *doc, version int32, gen int, diags []protocol.Diagnostic) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s.mu.Lock()
	ok := !d.closed && d.version == version && s.gen == gen && !s.caps.pullDiagnostics
	s.mu.Unlock()
	if !ok {
		return
	}
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	// protocol.PublishDiagnosticsParams drops a version of 0 (omitempty),
	// and Neovim opens documents at version 0.
	err := s.notify(ctx, protocol.MethodTextDocumentPublishDiagnostics, publishParams{
		URI:         d.uri,
		Version:     version,
		Diagnostics: diags,
	})
	if err != nil && ctx.Err() == nil {
		s.log.Warn("publishing diagnostics", zap.Error(err))
	}
}

// relintAllLocked schedules a lint of every open document, after a change
// of config or settings. s.mu must be held.
func (s *Server) relintAllLocked() {
	s.gen++
	if s.caps.pullDiagnostics {
		s.goSession(s.refreshPulled)
	}
	for _, d := range s.docs {
		if d.isConfig || d.broken || d.closed {
			continue
		}
		s.scheduleLocked(d, s.debounce)
	}
}

// publishParams is protocol.PublishDiagnosticsParams with the version always
// sent.
type publishParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     int32                 `json:"version"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}
