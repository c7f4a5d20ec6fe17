package server

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// codeAction offers, for the findings under the requested range (or named
// by the request's diagnostics): each of their fixes, "Disable RULE on this
// line", "Disable RULE in this file" and the project-wide "Allow …" and
// "Disable RULE in this project" (see projectActions); for a misspelt rule in a directive
// under the range, the rule it was meant to name; and for the whole
// document a source.fixAll.upward action that applies every automatic fix
// (see lint.Fix.Automatic): rewrites are offered one by one, never in bulk.
// All come from the findings linted with the document's current version;
// their edits carry that version so the client refuses them if stale.
func (s *Server) codeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	actions := []protocol.CodeAction{}
	s.mu.Lock()
	docChanges := s.caps.documentChanges
	s.mu.Unlock()
	d, r := s.linted(ctx, p.TextDocument.URI)
	if r == nil {
		return actions, nil
	}
	m := r.doc.Mapper()
	sel, err := r.enc.span(m, p.Range)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: code action range: %v", err)
	}
	want := kindFilter(p.Context.Only)
	ed := editor{uri: d.uri, res: r, docChanges: docChanges}

	if want(kindQuickFix) {
		picked := r.under(sel, p.Context.Diagnostics)
		for _, i := range picked {
			f, dg := r.findings[i], r.diags[i]
			for _, fx := range f.Fixes {
				a, err := ed.action(fx.Title, kindQuickFix, fx.Edits, dg)
				if err != nil {
					s.log.Error("fix outside the text", zap.String("rule", f.RuleID), zap.Error(err))
					continue
				}
				a.IsPreferred = fx.Preferred
				actions = append(actions, a)
			}
		}
		for j, dp := range r.directives {
			if dp.Suggest == "" || !(dp.Span.Overlaps(sel) || sel.Len() == 0 && dp.Span.Start <= sel.Start && sel.Start <= dp.Span.End) {
				continue
			}
			dg := r.diags[len(r.findings)+j]
			a, err := ed.action(fmt.Sprintf("Change to %q", dp.Suggest), kindQuickFix, []lint.Edit{{Span: dp.Span, NewText: dp.Suggest}}, dg)
			if err == nil {
				a.IsPreferred = true
				actions = append(actions, a)
			}
		}
		type lineKey struct {
			rule string
			line int
		}
		lines := map[lineKey]bool{}
		files := map[string]bool{}
		project := map[string]bool{}
		for _, i := range picked {
			f, dg := r.findings[i], r.diags[i]
			lk := lineKey{f.RuleID, int(dg.Range.Start.Line)}
			if e, ok := disableLineEdit(r.doc, f); ok && !lines[lk] {
				lines[lk] = true
				if a, err := ed.action(fmt.Sprintf("Disable %s on this line", f.RuleID), kindQuickFix, []lint.Edit{e}, dg); err == nil {
					actions = append(actions, a)
				}
			}
			if !files[f.RuleID] {
				files[f.RuleID] = true
				if a, err := ed.action(fmt.Sprintf("Disable %s in this file", f.RuleID), kindQuickFix, []lint.Edit{disableFileEdit(r.doc, f.RuleID)}, dg); err == nil {
					actions = append(actions, a)
				}
			}
			actions = append(actions, s.projectActions(d, r, f, dg, project)...)
		}
	}
	if want(kindFixAll) {
		edits, fixed := lint.PickFixes(len(r.doc.Text), r.findings)
		if len(fixed) > 0 {
			title := fmt.Sprintf("Apply all %d upward fixes that need no input", len(fixed))
			if len(fixed) == 1 {
				title = "Apply the upward fix that needs no input"
			}
			a, err := ed.action(title, kindFixAll, edits)
			if err == nil {
				for _, i := range fixed {
					a.Diagnostics = append(a.Diagnostics, r.diags[i])
				}
				actions = append(actions, a)
			}
		}
	}
	return actions, nil
}

// under returns the indexes of the findings that overlap sel (an empty sel
// counts when it touches the finding), plus those the client's diagnostics
// name through their data for this version: a client may ask for the
// actions of a line's diagnostics with only the cursor position as range.
func (r *result) under(sel document.Span, named []protocol.Diagnostic) []int {
	var out []int
	for i, f := range r.findings {
		if f.Span.Overlaps(sel) || (sel.Len() == 0 && f.Span.Start <= sel.Start && sel.Start <= f.Span.End) ||
			(f.Span.Len() == 0 && sel.Start <= f.Span.Start && f.Span.Start <= sel.End) {
			out = append(out, i)
		}
	}
	for _, dg := range named {
		if dg.Source != "upward" {
			continue
		}
		v, i, ok := dataKey(dg.Data)
		if ok && v == r.version && i >= 0 && i < len(r.findings) && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// dataKey reads a diagnostic's data as decoded from JSON.
func dataKey(data any) (version int32, index int, ok bool) {
	m, isMap := data.(map[string]any)
	if !isMap {
		return 0, 0, false
	}
	v, ok1 := number(m["version"])
	i, ok2 := number(m["index"])
	return int32(v), int(i), ok1 && ok2
}

func number(x any) (int64, bool) {
	switch n := x.(type) {
	case float64:
		return int64(n), n == float64(int64(n))
	case int64:
		return n, true
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case uint64:
		return int64(n), true
	}
	return 0, false
}

// kindFilter returns whether an action kind was asked for: every kind when
// only is empty, else the kinds in only and their sub-kinds.
func kindFilter(only []protocol.CodeActionKind) func(protocol.CodeActionKind) bool {
	return func(k protocol.CodeActionKind) bool {
		if len(only) == 0 {
			return true
		}
		for _, o := range only {
			if k == o || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
}

// editor builds code actions whose edits apply to one linted version.
type editor struct {
	uri        protocol.DocumentURI
	res        *result
	docChanges bool
}

func (e editor) action(title string, kind protocol.CodeActionKind, edits []lint.Edit, diags ...protocol.Diagnostic) (protocol.CodeAction, error) {
	m := e.res.doc.Mapper()
	tes := make([]protocol.TextEdit, 0, len(edits))
	for _, ed := range edits {
		rng, err := e.res.enc.rangeOf(m, ed.Span)
		if err != nil {
			return protocol.CodeAction{}, err
		}
		tes = append(tes, protocol.TextEdit{Range: rng, NewText: ed.NewText})
	}
	we := &protocol.WorkspaceEdit{}
	if e.docChanges {
		v := e.res.version
		we.DocumentChanges = []protocol.TextDocumentEdit{{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: e.uri},
				Version:                &v,
			},
			Edits: tes,
		}}
	} else {
		we.Changes = map[protocol.DocumentURI][]protocol.TextEdit{e.uri: tes}
	}
	return protocol.CodeAction{Title: title, Kind: kind, Diagnostics: diags, Edit: we}, nil
}

// disableLineEdit returns the edit that puts an
// upward-disable-next-line directive for f's rule on the line before f:
// on a line of its own, or, in Markdown where a new line would split a
// paragraph or a list, as an HTML comment at the end of the line before.
// There is none for a finding in a table.
func disableLineEdit(doc *document.Document, f lint.Finding) (lint.Edit, bool) {
	text, m := doc.Text, doc.Mapper()
	line := m.Line(f.Span.Start)
	ls := m.LineStart(line)
	indent := leadingSpace(text[ls:])
	nl := newline(text, ls)
	if doc.Format == document.PlainText {
		return lint.Edit{Span: document.Span{Start: ls, End: ls}, NewText: indent + "upward-disable-next-line " + f.RuleID + nl}, true
	}
	comment := "<!-- upward-disable-next-line " + f.RuleID + " -->"
	if b := blockAt(doc, f.Span.Start); b != nil && b.Kind == document.TableCell {
		return lint.Edit{}, false
	}
	if ls > 0 {
		prevEnd := ls - 1 // the '\n' ending the line before
		if prevEnd > 0 && text[prevEnd-1] == '\r' {
			prevEnd--
		}
		prevStart := m.LineStart(line - 1)
		if strings.TrimSpace(text[prevStart:prevEnd]) != "" {
			if b := blockAt(doc, prevEnd-1); b != nil && (b.Kind == document.Paragraph || b.Kind == document.ListItem || b.Kind == document.TaskItem) {
				return lint.Edit{Span: document.Span{Start: prevEnd, End: prevEnd}, NewText: " " + comment}, true
			}
		}
	}
	return lint.Edit{Span: document.Span{Start: ls, End: ls}, NewText: indent + comment + nl}, true
}

// disableFileEdit returns the edit that puts an upward-disable directive
// for rule at the top of the document, after any front matter.
func disableFileEdit(doc *document.Document, rule string) lint.Edit {
	text := doc.Text
	at := 0
	if fm := doc.FrontMatterSpan; fm.End > 0 {
		at = fm.End
		if at < len(text) && text[at-1] != '\n' {
			if i := strings.IndexByte(text[at:], '\n'); i >= 0 {
				at += i + 1
			} else {
				at = len(text)
			}
		}
	}
	nl := newline(text, at)
	line := "<!-- upward-disable " + rule + " -->"
	if doc.Format == document.PlainText {
		line = "upward-disable " + rule
	}
	if at == len(text) && at > 0 && text[at-1] != '\n' {
		line = nl + line
	}
	newText := line + nl
	if rest := text[at:]; rest != "" && !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(rest, "\r\n") {
		newText += nl
	}
	return lint.Edit{Span: document.Span{Start: at, End: at}, NewText: newText}
}

// blockAt returns the block whose span holds off, or nil.
func blockAt(doc *document.Document, off int) *document.Block {
	i, _ := slices.BinarySearchFunc(doc.Blocks, off, func(b document.Block, off int) int {
		switch {
		case b.Span.End <= off:
			return -1
		case b.Span.Start > off:
			return 1
		}
		return 0
	})
	// Blocks do not overlap and are in order; check the neighbours the
	// search may land next to.
	for _, j := range []int{i, i - 1} {
		if j >= 0 && j < len(doc.Blocks) {
			b := &doc.Blocks[j]
			if b.Span.Start <= off && off < b.Span.End {
				return b
			}
		}
	}
	return nil
}

func leadingSpace(line string) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return line[:i]
}

// newline returns the line ending the text uses around off.
func newline(text string, off int) string {
	if i := strings.IndexByte(text[off:], '\n'); i > 0 && text[off+i-1] == '\r' {
		return "\r\n"
	}
	if i := strings.LastIndexByte(text[:off], '\n'); i > 0 && text[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
