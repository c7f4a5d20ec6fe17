package lint

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// Options tune a run; the zero value runs every rule at its default severity.
type Options struct {
	// Disabled rule IDs are not run.
	Disabled map[string]bool
	// Severity overrides a rule's default severity.
	Severity map[string]Severity
	// Extra and Allow add or allow phrases per rule ID (see Pass).
	Extra, Allow map[string][]string
	// Model is how the sentence rules use the learned model.
	Model ModelOptions
}

// ModelOptions say how the sentence rules use the learned model beside
// their phrases. The zero value is the default: the model on, at balanced
// sensitivity.
type ModelOptions struct {
	// Off turns the model off: phrases alone decide.
	Off bool
	// Sensitivity is "precise", "balanced" or "thorough"; "" is balanced.
	Sensitivity string
	// Alone turns the phrases off: the model alone decides. NoVeto keeps
	// every phrase hit; NoAdd adds no finding of the model's own. The
	// three are for measuring each part (upward-eval -frozen).
	Alone, NoVeto, NoAdd bool
}

// Run runs rules over doc and returns the findings, sorted by position then
// rule ID, with inline directives applied. Document rules run only on
// documents of their kinds.
func Run(doc *document.Document, rules []*Rule, opts Options) []Finding {
	var out []Finding
	memo := map[any]any{}
	for _, r := range rules {
		if opts.Disabled[r.ID] || !applies(r, doc) {
			continue
		}
		sev := r.Severity
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		p := &Pass{Rule: r, Doc: doc, Extra: opts.Extra[r.ID], Allow: opts.Allow[r.ID], Model: opts.Model, memo: memo}
		p.report = func(f Finding) {
			f.RuleID = r.ID
			f.Severity = sev
			if allowed(doc.Text, f.Span, p.Allow) {
				return
			}
			out = append(out, f)
		}
		r.Run(p)
	}
	out = filterDirectives(doc, out)
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End - b.Span.End
		}
		return strings.Compare(a.RuleID, b.RuleID)
	})
	return out
}

func applies(r *Rule, doc *document.Document) bool {
	if r.Scope == DocumentScope && doc.Cancelled {
		return false // notes of a meeting that did not take place
	}
	if len(r.Kinds) == 0 {
		return true
	}
	return slices.Contains(r.Kinds, doc.Kind)
}

// allowed reports whether the flagged text contains an allowed phrase, or
// an allowed phrase in the text overlaps it (allow "soon-ish" keeps a "soon"
// finding inside "soon-ish" quiet). Matching ignores case.
func allowed(text string, s document.Span, allow []string) bool {
	if len(allow) == 0 || s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	t := strings.ToLower(text[s.Start:s.End])
	for _, a := range allow {
		if a == "" {
			continue
		}
		if strings.Contains(t, strings.ToLower(a)) {
			return true
		}
		for i := max(0, s.Start-len(a)+1); i < s.End && i+len(a) <= len(text); i++ {
			if strings.EqualFold(text[i:i+len(a)], a) {
				return true
			}
		}
	}
	return false
}
