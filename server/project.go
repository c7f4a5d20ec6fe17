package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/configedit"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// The commands the server runs for workspace/executeCommand.
const (
	// cmdAllow adds a phrase to a rule's allow list in the project's
	// .upward.toml; cmdDisable turns a rule off there. Both take one
	// projectArgs.
	cmdAllow   = "upward.allow"
	cmdDisable = "upward.disable"
	// cmdShowFindings lists a document's findings (the summary lens's
	// command); it takes the document's URI.
	cmdShowFindings = "upward.showFindings"
)

var commands = []string{cmdAllow, cmdDisable, cmdShowFindings}

// errRequestFailed is LSP's RequestFailed error code.
const errRequestFailed jsonrpc2.Code = -32803

// projectArgs are the arguments of upward.allow and upward.disable: the
// document the action came from (its nearest .upward.toml is edited), the
// rule, and for upward.allow the phrase.
type projectArgs struct {
	URI    protocol.DocumentURI `json:"uri"`
	Rule   string               `json:"rule"`
	Phrase string               `json:"phrase,omitempty"`
}

// maxAllowPhrase is the longest flagged text (in bytes, white space folded)
// offered as a phrase to allow; a longer one is a sentence, not a phrase.
const maxAllowPhrase = 80

// projectActions returns the actions that change the project's config for
// finding f: "Allow "<phrase>" in this project" (for a sentence rule) and
// "Disable RULE in this project". They run as commands, which edit the
// nearest .upward.toml through workspace/applyEdit when chosen. seen
// records the actions already offered for this request.
func (s *Server) projectActions(d *doc, r *result, f lint.Finding, dg protocol.Diagnostic, seen map[string]bool) []protocol.CodeAction {
	s.mu.Lock()
	ok := s.caps.applyEdit
	s.mu.Unlock()
	if !ok {
		return nil
	}
	var out []protocol.CodeAction
	add := func(title, cmd string, args projectArgs) {
		if seen[title] {
			return
		}
		seen[title] = true
		out = append(out, protocol.CodeAction{
			Title: title, Kind: kindQuickFix, Diagnostics: []protocol.Diagnostic{dg},
			Command: &protocol.Command{Title: title, Command: cmd, Arguments: []any{args}},
		})
	}
	if phrase := allowPhrase(r.doc.Text, f); phrase != "" && sentenceRule(r.cfg, f.RuleID) {
		add(fmt.Sprintf("Allow %q in this project", phrase), cmdAllow, projectArgs{URI: d.uri, Rule: f.RuleID, Phrase: phrase})
	}
	add(fmt.Sprintf("Disable %s in this project", f.RuleID), cmdDisable, projectArgs{URI: d.uri, Rule: f.RuleID})
	return out
}

// allowPhrase is the phrase "Allow" offers for f: its text with white
// space folded, or "" when that is empty or too long to be a phrase.
func allowPhrase(text string, f lint.Finding) string {
	if f.Span.Start < 0 || f.Span.End > len(text) || f.Span.Len() == 0 {
		return ""
	}
	p := strings.Join(strings.Fields(text[f.Span.Start:f.Span.End]), " ")
	if p == "" || len(p) > maxAllowPhrase {
		return ""
	}
	return p
}

// sentenceRule reports whether id is a rule of cfg that looks at
// sentences: allowing a phrase means nothing to a document rule.
func sentenceRule(cfg *config.Config, id string) bool {
	for _, r := range cfg.Rules() {
		if r.ID == id {
			return r.Scope == lint.SentenceScope
		}
	}
	return false
}

// executeCommand runs a command of the server.
func (s *Server) executeCommand(ctx context.Context, p *protocol.ExecuteCommandParams) (any, error) {
	switch p.Command {
	case cmdAllow, cmdDisable:
		var a projectArgs
		if err := commandArg(p.Arguments, &a); err != nil || a.Rule == "" || (p.Command == cmdAllow && a.Phrase == "") {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: %s wants {uri, rule, phrase}: %v", p.Command, err)
		}
		return nil, s.editProjectConfig(ctx, p.Command == cmdDisable, a)
	case cmdShowFindings:
		var u protocol.DocumentURI
		if err := commandArg(p.Arguments, &u); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: %s wants a document URI: %v", p.Command, err)
		}
		return s.showFindings(ctx, u)
	}
	return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: unknown command %q (want one of %s)", p.Command, strings.Join(commands, ", "))
}

// commandArg decodes a command's first argument into v.
func commandArg(args []any, v any) error {
	if len(args) == 0 {
		return errors.New("no argument")
	}
	raw, err := json.Marshal(args[0])
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// editProjectConfig adds a.Phrase to a.Rule's allow list (or turns the rule
// off) in the .upward.toml nearest to a.URI, creating one at the root of
// the workspace folder when there is none. It checks the file and works out
// the edit, and has the client apply it (workspace/applyEdit); once
// applied, the server lints with the new text. A file that
// does not load is not edited: the error says why, on screen too.
func (s *Server) editProjectConfig(ctx context.Context, disable bool, a projectArgs) error {
	fail := func(format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		s.showMessage(ctx, protocol.MessageTypeError, "upward: %s", msg)
		return jsonrpc2.Errorf(errRequestFailed, "upward: %s", msg)
	}
	docPath, _ := uriPath(a.URI)
	s.mu.Lock()
	target := s.projectConfigPathLocked(docPath)
	text, version, exists, err := s.configTextLocked(target)
	docChanges, create, enc := s.caps.documentChanges, s.caps.createFiles, s.enc
	s.mu.Unlock()
	if target == "" {
		return fail("no folder to put .upward.toml in for %s", a.URI)
	}
	if err != nil {
		return fail("%s was not changed: %v", target, err)
	}
	cfg, err := config.Parse(target, []byte(text))
	if err != nil {
		return fail("%v: the file does not load, so it was not changed; fix it first", err)
	}
	if !slices.ContainsFunc(cfg.Rules(), func(r *lint.Rule) bool { return r.ID == a.Rule }) {
		return fail("%s was not changed: unknown rule %q", target, a.Rule)
	}
	var out, what string
	var changed bool
	if disable {
		out, changed, err = configedit.Disable(text, a.Rule)
		what = "disabled " + a.Rule
	} else {
		out, changed, err = configedit.Allow(text, a.Rule, a.Phrase)
		what = fmt.Sprintf("allowed %q for %s", a.Phrase, a.Rule)
	}
	if err != nil {
		return fail("%s was not changed: %v", target, err)
	}
	if !changed {
		s.showMessage(ctx, protocol.MessageTypeInfo, "upward: %s already in %s", what, target)
		return nil
	}
	if _, err := config.Parse(target, []byte(out)); err != nil {
		return fail("%s was not changed: the edit would not load: %v", target, err)
	}

	u := uri.File(target)
	var we workspaceEdit
	if !exists {
		insert := []protocol.TextEdit{{NewText: out}}
		if create {
			cf := createFile{Kind: "create", URI: u}
			cf.Options.IgnoreIfExists = true
			we.DocumentChanges = []any{cf, textDocumentEdit{TextDocument: versionedID{URI: u}, Edits: insert}}
		} else {
			// Clients that cannot create files (Neovim, eglot) open a
			// buffer for the missing file and insert into it.
			we.Changes = map[protocol.DocumentURI][]protocol.TextEdit{u: insert}
		}
	} else {
		start, end, newText := configedit.Edit(text, out)
		rng, err := enc.rangeOf(document.NewMapper(text), document.Span{Start: start, End: end})
		if err != nil {
			return fail("%s was not changed: %v", target, err)
		}
		edits := []protocol.TextEdit{{Range: rng, NewText: newText}}
		if docChanges {
			we.DocumentChanges = []any{textDocumentEdit{TextDocument: versionedID{URI: u, Version: version}, Edits: edits}}
		} else {
			we.Changes = map[protocol.DocumentURI][]protocol.TextEdit{u: edits}
		}
	}
	// The edit goes out before the reply, and the reply waits for the
	// editor's answer, as gopls does: eglot (and jsonrpc.el) handle a
	// request that arrives with the reply to theirs only when more
	// output comes.
	var raw json.RawMessage
	_, err = s.call(ctx, protocol.MethodWorkspaceApplyEdit, applyEditParams{Label: "upward: " + what, Edit: we}, &raw)
	if err != nil {
		return fail("%s was not changed: %v", target, err)
	}
	if applied, why := applyResult(raw); !applied {
		if why == "" {
			why = "the editor did not apply the edit"
		}
		s.showMessage(ctx, protocol.MessageTypeWarning, "upward: %s was not changed: %s", target, why)
		return nil
	}
	s.configApplied(ctx, target, out)
	s.showMessage(ctx, protocol.MessageTypeInfo, "upward: %s in %s (save the file to keep it)", what, target)
	return nil
}

// applyResult reads the answer to workspace/applyEdit: {"applied": …,
// "failureReason": …}, or a bare boolean as some clients send.
func applyResult(raw json.RawMessage) (applied bool, why string) {
	var res struct {
		Applied       bool   `json:"applied"`
		FailureReason string `json:"failureReason"`
	}
	if json.Unmarshal(raw, &res) == nil {
		return res.Applied, res.FailureReason
	}
	_ = json.Unmarshal(raw, &applied)
	return applied, ""
}

// applyEditParams, workspaceEdit, createFile, textDocumentEdit and
// versionedID are the LSP types of workspace/applyEdit, written here
// because protocol v0.12's WorkspaceEdit holds no file operations and
// drops a null version.
type applyEditParams struct {
	Label string        `json:"label,omitempty"`
	Edit  workspaceEdit `json:"edit"`
}

type workspaceEdit struct {
	Changes         map[protocol.DocumentURI][]protocol.TextEdit `json:"changes,omitempty"`
	DocumentChanges []any                                        `json:"documentChanges,omitempty"`
}

type createFile struct {
	Kind    string               `json:"kind"`
	URI     protocol.DocumentURI `json:"uri"`
	Options struct {
		// A file that appeared meanwhile is kept, never truncated.
		IgnoreIfExists bool `json:"ignoreIfExists"`
	} `json:"options"`
}

type textDocumentEdit struct {
	TextDocument versionedID         `json:"textDocument"`
	Edits        []protocol.TextEdit `json:"edits"`
}

type versionedID struct {
	URI     protocol.DocumentURI `json:"uri"`
	Version *int32               `json:"version"` // null: the file as on disk
}

// projectConfigPathLocked returns the .upward.toml that applies to the
// document at docPath (a document without a path: the first workspace
// folder's), or where one would go: at the root of the workspace folder
// holding the document, else in the document's folder. s.mu must be held.
func (s *Server) projectConfigPathLocked(docPath string) string {
	dir := ""
	switch {
	case docPath != "":
		dir = filepath.Dir(docPath)
	case len(s.folders) > 0:
		dir = s.folders[0]
	default:
		return ""
	}
	if p := s.cfgs.res.Nearest(dir); p != "" {
		return p
	}
	root := ""
	for _, f := range s.folders {
		if within(dir, f) && len(f) > len(root) {
			root = f
		}
	}
	if root == "" {
		root = dir
	}
	return filepath.Join(root, config.FileName)
}

// within reports whether dir is folder or below it.
func within(dir, folder string) bool {
	return dir == folder || strings.HasPrefix(dir, strings.TrimSuffix(folder, string(filepath.Separator))+string(filepath.Separator))
}

// configTextLocked returns the text of the config file at path as the
// editor has it: the open buffer (and its version), else the text of an
// edit the editor applied, else the file on disk; exists is false for a
// file that is nowhere yet. s.mu must be held.
func (s *Server) configTextLocked(path string) (text string, version *int32, exists bool, err error) {
	for _, d := range s.docs {
		if d.isConfig && d.path == path && !d.closed {
			v := d.version
			return d.text, &v, true, nil
		}
	}
	if t, ok := s.cfgs.applied[path]; ok {
		return t, nil, true, nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil, false, nil
	case err != nil:
		return "", nil, false, errors.New(readReason(err))
	}
	return string(data), nil, true, nil
}

func readReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// configApplied records text as the editor's text of the config file at
// path, after the editor applied an edit to it, and re-lints and publishes
// the open documents with it. The text stands for the file until the editor opens,
// saves or changes the file (see dropAppliedLocked).
func (s *Server) configApplied(ctx context.Context, path, text string) {
	s.mu.Lock()
	s.cfgs.applied[path] = text
	s.overlayLocked(path)
	s.logLoad(s.cfgs.res.Reload(path))
	s.gen++
	s.mu.Unlock()
	s.reportConfig(ctx, path, false)
	s.publishOpen(ctx)
	s.goSession(s.refreshLenses)
	s.goSession(s.refreshPulled)
	s.log.Info("config edited", zap.String("path", path))
}

// publishOpen lints the open documents with the current config and
// publishes their diagnostics before it returns. A command that changes
// the config calls it before replying: jsonrpc.el (eglot) leaves a message
// that arrives right after a reply unread until more output comes.
func (s *Server) publishOpen(ctx context.Context) {
	s.mu.Lock()
	var docs []*doc
	for _, d := range s.docs {
		if !d.isConfig && !d.broken && !d.closed {
			docs = append(docs, d)
		}
	}
	s.mu.Unlock()
	for _, d := range docs {
		if r := s.current(d); r != nil {
			s.publish(ctx, d, r.version, r.gen, r.diags)
		}
	}
}
