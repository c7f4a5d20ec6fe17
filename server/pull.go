package server

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/regfile"
)

// LSP 3.17's pull diagnostics, which protocol v0.12 predates. When the
// client announces textDocument.diagnostic, the server declares a
// diagnosticProvider, answers textDocument/diagnostic and
// workspace/diagnostic, and publishes no diagnostics for documents (those
// of a broken .upward.toml are still pushed). Every report carries a
// result ID, a hash of the text with the config generation (and the
// version of an open document, which the diagnostics' data name), so a
// pull that names the ID of the current report is answered "unchanged".
const (
	methodDocumentDiagnostic  = "textDocument/diagnostic"
	methodWorkspaceDiagnostic = "workspace/diagnostic"
	methodDiagnosticRefresh   = "workspace/diagnostic/refresh"
)

type diagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// diagnosticProviderLocked is the diagnosticProvider capability: set only
// for clients that pull. s.mu must be held.
func (s *Server) diagnosticProviderLocked() *diagnosticOptions {
	if !s.caps.pullDiagnostics {
		return nil
	}
	return &diagnosticOptions{Identifier: "upward", WorkspaceDiagnostics: true}
}

type documentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	PreviousResultID string                          `json:"previousResultId"`
}

type fullReport struct {
	Kind     string                `json:"kind"` // "full"
	ResultID string                `json:"resultId"`
	Items    []protocol.Diagnostic `json:"items"`
}

type unchangedReport struct {
	Kind     string `json:"kind"` // "unchanged"
	ResultID string `json:"resultId"`
}

type workspaceDiagnosticParams struct {
	PreviousResultIDs []struct {
		URI   protocol.DocumentURI `json:"uri"`
		Value string               `json:"value"`
	} `json:"previousResultIds"`
}

type workspaceFullReport struct {
	Kind     string                `json:"kind"` // "full"
	URI      protocol.DocumentURI  `json:"uri"`
	Version  *int32                `json:"version"` // null for a file not open
	ResultID string                `json:"resultId"`
	Items    []protocol.Diagnostic `json:"items"`
}

type workspaceUnchangedReport struct {
	Kind     string               `json:"kind"` // "unchanged"
	URI      protocol.DocumentURI `json:"uri"`
	Version  *int32               `json:"version"`
	ResultID string               `json:"resultId"`
}

type workspaceDiagnosticResult struct {
	Items []any `json:"items"` // workspaceFullReport or workspaceUnchangedReport
}

// documentDiagnostic answers textDocument/diagnostic.
func (s *Server) documentDiagnostic(ctx context.Context, p *documentDiagnosticParams) (any, error) {
	if p.TextDocument.URI == "" {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: %s wants a textDocument", methodDocumentDiagnostic)
	}
	id, _, items := s.report(ctx, p.TextDocument.URI)
	if id == p.PreviousResultID {
		return unchangedReport{Kind: "unchanged", ResultID: id}, nil
	}
	return fullReport{Kind: "full", ResultID: id, Items: items}, nil
}

// workspaceDiagnostic answers workspace/diagnostic.
func (s *Server) workspaceDiagnostic(ctx context.Context, p *workspaceDiagnosticParams) (any, error) {
	prev := map[protocol.DocumentURI]string{}
	for _, r := range p.PreviousResultIDs {
		prev[r.URI] = r.Value
	}
	res := workspaceDiagnosticResult{Items: []any{}}
	files := s.workspaceFiles(ctx)
	s.forgetPulled(files)
	for _, u := range files {
		if ctx.Err() != nil {
			return nil, protocol.ErrRequestCancelled
		}
		id, version, items := s.report(ctx, u)
		if id == "" {
			continue
		}
		if prev[u] == id {
			res.Items = append(res.Items, workspaceUnchangedReport{Kind: "unchanged", URI: u, Version: version, ResultID: id})
			continue
		}
		if items == nil {
			items = []protocol.Diagnostic{}
		}
		res.Items = append(res.Items, workspaceFullReport{Kind: "full", URI: u, Version: version, ResultID: id, Items: items})
	}
	return res, nil
}

// report returns the diagnostics of u and their result ID: from the lint
// of its current version when it is open, else from the file on disk. The
// ID is "" for a document the server does not lint (not Markdown or text,
// ignored by the config, gone); its report is then empty.
func (s *Server) report(ctx context.Context, u protocol.DocumentURI) (id string, version *int32, items []protocol.Diagnostic) {
	s.awaitSettings(ctx)
	s.mu.Lock()
	d := s.docs[u]
	gen := s.gen
	s.mu.Unlock()
	if d != nil && !d.isConfig {
		r := s.current(d)
		if r == nil {
			return "", nil, []protocol.Diagnostic{}
		}
		text := ""
		if r.doc != nil {
			text = r.doc.Text
		}
		v := r.version
		return resultID(text, r.gen, v), &v, r.diags
	}
	path, ok := uriPath(u)
	if !ok {
		return "", nil, []protocol.Diagnostic{}
	}
	f, ok := lintFormat("", path)
	if !ok {
		return "", nil, []protocol.Diagnostic{}
	}
	data, _, err := regfile.ReadFile(path, s.maxSize) // regular files up to --max-size, as `upward lint` reads
	if err != nil {
		s.log.Debug("pull: not read", zap.String("path", path), zap.Error(err))
		return "", nil, []protocol.Diagnostic{}
	}
	text := string(data)
	s.mu.Lock()
	probe := &doc{uri: u, path: path, format: f}
	cfg := s.configForLocked(probe)
	enc := s.enc
	s.mu.Unlock()
	if cfg.Ignored(path) {
		return "", nil, []protocol.Diagnostic{}
	}
	id = resultID(text, gen, -1)
	s.mu.Lock()
	if c, ok := s.pulled[u]; ok && c.id == id {
		s.mu.Unlock()
		return id, nil, c.items
	}
	s.mu.Unlock()
	r := s.lint(probe, 0, text, cfg, enc)
	for i := range r.diags {
		r.diags[i].Data = nil // no version for a code action to name
	}
	s.mu.Lock()
	if s.pulled == nil {
		s.pulled = map[protocol.DocumentURI]pulledFile{}
	}
	s.pulled[u] = pulledFile{id: id, items: r.diags}
	s.mu.Unlock()
	return id, nil, r.diags
}

// forgetPulled drops the kept reports of files no longer in the
// workspace.
func (s *Server) forgetPulled(files []protocol.DocumentURI) {
	keep := make(map[protocol.DocumentURI]bool, len(files))
	for _, u := range files {
		keep[u] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for u := range s.pulled {
		if !keep[u] {
			delete(s.pulled, u)
		}
	}
}

// awaitSettings waits, as a scheduled lint does, until the first settings
// are known, so that the first pull already honours them (and its result
// ID is not stale at once).
func (s *Server) awaitSettings(ctx context.Context) {
	select {
	case <-s.settingsReady:
	case <-ctx.Done():
	case <-time.After(2 * time.Second):
		s.markSettingsReady()
	}
}

// pulledFile is the last report of a file linted from disk for a pull.
type pulledFile struct {
	id    string
	items []protocol.Diagnostic
}

// resultID identifies a report: the text, the config generation it was
// linted at, and the version (-1 for a file on disk).
func resultID(text string, gen int, version int32) string {
	h := fnv.New64a()
	h.Write([]byte(text))
	return fmt.Sprintf("%016x-%d-%d", h.Sum64(), gen, version)
}

// workspaceFiles lists the Markdown and text files of the workspace
// folders, as `upward lint` walks a folder: skipping hidden folders and
// files, node_modules, and what the config's ignore globs name; plus the
// open documents outside the folders.
func (s *Server) workspaceFiles(ctx context.Context) []protocol.DocumentURI {
	s.mu.Lock()
	folders := append([]string(nil), s.folders...)
	var open []protocol.DocumentURI
	for u, d := range s.docs {
		if !d.isConfig {
			open = append(open, u)
		}
	}
	s.mu.Unlock()
	seen := map[protocol.DocumentURI]bool{}
	var out []protocol.DocumentURI
	ignored := func(path string) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		cfg := s.configForLocked(&doc{path: path})
		return cfg.Ignored(path)
	}
	for _, root := range folders {
		err := filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				if de != nil && de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := de.Name()
			if de.IsDir() {
				if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || ignored(path)) {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || !de.Type().IsRegular() {
				return nil
			}
			if _, ok := lintFormat("", path); !ok || name == config.FileName {
				return nil
			}
			u := protocol.DocumentURI(uri.File(path))
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
			return nil
		})
		if err != nil && ctx.Err() == nil {
			s.log.Warn("walking the workspace", zap.String("folder", root), zap.Error(err))
		}
	}
	for _, u := range open {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// refreshPulled asks a client that pulls diagnostics to pull again, after
// a change of config or settings.
func (s *Server) refreshPulled(ctx context.Context) {
	s.mu.Lock()
	ok := s.caps.pullDiagnostics && s.caps.diagnosticRefresh
	s.mu.Unlock()
	if !ok {
		return
	}
	if _, err := s.call(ctx, methodDiagnosticRefresh, nil, nil); err != nil {
		s.log.Debug(methodDiagnosticRefresh, zap.Error(err))
	}
}
