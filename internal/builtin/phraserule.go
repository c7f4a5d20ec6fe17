package builtin

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/phrase"
)

// NewPhraseRule builds a custom sentence rule that flags every occurrence
// of any of phrases (case-insensitive, whole words; see package phrase) with
// message. Its fix replaces the phrase with replacement; the fix needs input
// when replacement has a [placeholder], and there is no fix when
// replacement is empty. Reported speech is flagged like any other text.
func NewPhraseRule(id, message string, phrases []string, replacement string, sev lint.Severity) (*lint.Rule, error) {
	if strings.TrimSpace(id) == "" {
		return nil, errors.New("custom rule: empty id")
	}
	if strings.TrimSpace(message) == "" {
		return nil, fmt.Errorf("custom rule %q: empty message", id)
	}
	var pats []phrase.Pattern
	var groups []*phraseGroup
	g := &phraseGroup{rule: id}
	for _, p := range phrases {
		if strings.TrimSpace(p) != "" {
			pats = append(pats, phrase.Pattern{Text: p})
			groups = append(groups, g)
		}
	}
	if len(pats) == 0 {
		return nil, fmt.Errorf("custom rule %q: no phrases", id)
	}
	m, err := phrase.Compile(pats)
	if err != nil {
		return nil, fmt.Errorf("custom rule %q: %w", id, err)
	}
	r := &lint.Rule{
		ID:       id,
		Title:    message,
		Doc:      message,
		Severity: sev,
		Scope:    lint.SentenceScope,
	}
	ps := &phraseSet{m: m, groups: groups}
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, nil, func(v blockView, hs []hit) {
			// Config extras come after the rule's own hits: restore the
			// order longest and the loop below rely on.
			slices.SortStableFunc(hs, func(a, b hit) int { return byStartLongest(a.span, b.span) })
			last := -1
			for _, h := range longest(hs) {
				if h.span.Start < last {
					continue
				}
				last = h.span.End
				f := lint.Finding{Span: h.span, Message: message}
				if replacement != "" {
					f.Fixes = []lint.Fix{replaceFix("Replace with \""+replacement+"\"", h.span, replacement)}
				}
				p.Report(f)
			}
		})
	}
	return r, nil
}
