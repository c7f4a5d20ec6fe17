package server

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/lint"
)

// hover explains the findings under the cursor: the rule, the principle
// behind it and where it comes from, and the catalogue's before/after
// example.
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
		parts = append(parts, explain(f, ruleByID(r, f.RuleID), markdown))
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

// explain renders one finding's hover text.
func explain(f lint.Finding, rule *lint.Rule, markdown bool) string {
	var b strings.Builder
	title := ""
	if rule != nil {
		title = rule.Title
	}
	if markdown {
		fmt.Fprintf(&b, "**%s**", f.RuleID)
		if title != "" {
			fmt.Fprintf(&b, ": %s", title)
		}
		fmt.Fprintf(&b, "\n\n%s", f.Message)
		if f.Why != "" {
			fmt.Fprintf(&b, "\n\n*Flagged by:* %s", f.Why)
		}
	} else {
		fmt.Fprintf(&b, "%s", f.RuleID)
		if title != "" {
			fmt.Fprintf(&b, ": %s", title)
		}
		fmt.Fprintf(&b, "\n%s", f.Message)
		if f.Why != "" {
			fmt.Fprintf(&b, "\nFlagged by: %s", f.Why)
		}
	}
	if rule == nil {
		return b.String()
	}
	if rule.Principle != "" {
		src := ""
		if rule.Source != "" {
			src = " (" + rule.Source + ")"
		}
		if markdown {
			fmt.Fprintf(&b, "\n\n*Principle:* %s%s", rule.Principle, src)
		} else {
			fmt.Fprintf(&b, "\nPrinciple: %s%s", rule.Principle, src)
		}
	}
	if rule.Before != "" && rule.After != "" {
		if markdown {
			fmt.Fprintf(&b, "\n\n*Before:*\n%s\n\n*After:*\n%s", quote(rule.Before), quote(rule.After))
		} else {
			fmt.Fprintf(&b, "\nBefore: %s\nAfter: %s", oneLine(rule.Before), oneLine(rule.After))
		}
	}
	if builtin.Lookup(f.RuleID) != nil {
		if markdown {
			fmt.Fprintf(&b, "\n\n[More about %s](%s)", f.RuleID, RuleURL(f.RuleID))
		} else {
			fmt.Fprintf(&b, "\nMore: %s", RuleURL(f.RuleID))
		}
	}
	return b.String()
}

// quote renders text as a Markdown block quote.
func quote(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }
