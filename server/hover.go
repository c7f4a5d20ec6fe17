package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/lint"
)

// hover explains the findings under the cursor: each finding's rule,
// message and what made it a hit, then the rule's documentation (once per
// rule) as lint.Rule renders it.
func (s *Server) hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	s.mu.Lock()
	markdown := s.caps.markdownHover
	s.mu.Unlock()
	_, r := s.linted(ctx, p.TextDocument.URI)
	if r == nil {
		return nil, nil
	}
	off, err := r.enc.offset(r.doc.Mapper(), p.Position)
	if err != nil {
		return nil, nil
	}
	var parts []string
	var rng *protocol.Range
	seen := map[string]bool{}
	documented := map[*lint.Rule]bool{}
	for i, f := range r.findings {
		if !(f.Span.Start <= off && off < f.Span.End) && !(f.Span.Len() == 0 && off == f.Span.Start) {
			continue
		}
		if rng == nil {
			rr := r.diags[i].Range
			rng = &rr
		}
		key := f.RuleID + "\x00" + f.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		rule := ruleByID(r, f.RuleID)
		part := explain(f, rule, markdown)
		if rule != nil && !documented[rule] {
			documented[rule] = true
			doc := rule.Text()
			if markdown {
				doc = rule.Markdown()
			}
			if doc != "" {
				part += "\n\n" + doc
			}
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	sep := "\n\n---\n\n"
	kind := protocol.Markdown
	if !markdown {
		sep, kind = "\n\n", protocol.PlainText
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: kind, Value: strings.Join(parts, sep)}, Range: rng}, nil
}

func ruleByID(r *result, id string) *lint.Rule {
	for _, rule := range r.cfg.Rules() {
		if rule.ID == id {
			return rule
		}
	}
	return nil
}

// explain is the heading of one finding's hover: the rule, the message and
// what made the text a hit.
func explain(f lint.Finding, rule *lint.Rule, markdown bool) string {
	var b strings.Builder
	if markdown {
		fmt.Fprintf(&b, "**%s**", f.RuleID)
	} else {
		b.WriteString(f.RuleID)
	}
	if rule != nil && rule.Title != "" {
		fmt.Fprintf(&b, ": %s", rule.Title)
	}
	if markdown {
		fmt.Fprintf(&b, "\n\n%s", f.Message)
		if f.Why != "" {
			fmt.Fprintf(&b, "\n\n*Flagged by:* %s", f.Why)
		}
	} else {
		fmt.Fprintf(&b, "\n%s", f.Message)
		if f.Why != "" {
			fmt.Fprintf(&b, "\nFlagged by: %s", f.Why)
		}
	}
	return b.String()
}
