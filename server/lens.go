package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/summary"
)

// codeLens returns one lens on the document's title line: its summary
// (see package summary), "Status report · 3 framing findings (2
// problem-only, 1 vague-timing) · no next-update date · …". Choosing it
// runs upward.showFindings, which lists the findings.
func (s *Server) codeLens(ctx context.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	d, r := s.linted(ctx, p.TextDocument.URI)
	if r == nil {
		return []protocol.CodeLens{}, nil
	}
	sum := summary.Of(r.doc, r.findings)
	rng, err := r.enc.rangeOf(r.doc.Mapper(), titleLine(r.doc))
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "upward: code lens: %v", err)
	}
	return []protocol.CodeLens{{
		Range: rng,
		Command: &protocol.Command{
			Title:     sum.String(),
			Command:   cmdShowFindings,
			Arguments: []any{d.uri},
		},
	}}, nil
}

// titleLine is the span of the document's title line: the first line of
// its first block (a heading, or the first line of plain text), else the
// line after any front matter.
func titleLine(doc *document.Document) document.Span {
	text := doc.Text
	at := doc.FrontMatterSpan.End
	if len(doc.Blocks) > 0 {
		at = doc.Blocks[0].Span.Start
	}
	at = min(at, len(text))
	at = strings.LastIndexByte(text[:at], '\n') + 1
	end := strings.IndexByte(text[at:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += at
	}
	if end > at && text[end-1] == '\r' {
		end--
	}
	return document.Span{Start: at, End: end}
}

// listedFinding is one finding as upward.showFindings returns it.
type listedFinding struct {
	URI      protocol.DocumentURI `json:"uri"`
	Range    protocol.Range       `json:"range"`
	Rule     string               `json:"rule"`
	Severity string               `json:"severity"`
	Message  string               `json:"message"`
}

// showFindings lists the findings of an open document: in a message
// (one line each, under the summary) and as the command's result.
func (s *Server) showFindings(ctx context.Context, u protocol.DocumentURI) (any, error) {
	d, r := s.linted(ctx, u)
	if r == nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "upward: %s is not an open document upward lints", u)
	}
	out := []listedFinding{}
	var b strings.Builder
	b.WriteString(displayName(d) + ": " + summary.Of(r.doc, r.findings).String())
	for i, f := range r.findings {
		dg := r.diags[i]
		out = append(out, listedFinding{URI: d.uri, Range: dg.Range, Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message})
		fmt.Fprintf(&b, "\n%d:%d %s [%s]", dg.Range.Start.Line+1, dg.Range.Start.Character+1, f.Message, f.RuleID)
	}
	if len(r.findings) == 0 {
		b.WriteString("\nNo findings.")
	}
	s.showMessage(ctx, protocol.MessageTypeInfo, "%s", b.String())
	return out, nil
}

// refreshLenses asks the client to ask again for code lenses, after a
// change that may change every document's summary (the config).
func (s *Server) refreshLenses(ctx context.Context) {
	s.mu.Lock()
	ok := s.caps.codeLensRefresh
	s.mu.Unlock()
	if !ok {
		return
	}
	if _, err := s.call(ctx, "workspace/codeLens/refresh", nil, nil); err != nil {
		s.log.Debug("workspace/codeLens/refresh", zap.Error(err))
	}
}
