package lint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// Dates are what rules that propose a date count from; package check
	// fills in the document's day.
	Dates Dates
	// Profile is the configured audience profile ("exec", "manager",
	// "peer" or ""); package check lays its severities (see package
	// profile) under Severity, unless the document's front matter names
	// another audience.
	Profile string
	// Parts, when set, keeps values rules work out per part of the
	// document for later runs over versions of it (see Pass.PartMemo).
	Parts *PartMemo
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
	if opts.Parts != nil {
		opts.Parts.next()
	}
	for _, r := range rules {
		if opts.Disabled[r.ID] || !applies(r, doc) {
			continue
		}
		sev := r.Severity
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s
		}
		p := &Pass{Rule: r, Doc: doc, Extra: opts.Extra[r.ID], Allow: opts.Allow[r.ID], Model: opts.Model, Dates: opts.Dates, memo: memo, parts: opts.Parts}
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
	return sortFindings(filterDirectives(doc, out))
}

// Merge combines the findings of runs over parts of doc (see Run), with
// offsets into doc, as one Run over doc would give them: it drops those of
// allowed phrases (see Options.Allow) and those inline directives
// silence, and sorts them.
func Merge(doc *document.Document, opts Options, runs ...[]Finding) []Finding {
	var out []Finding
	for _, fs := range runs {
		for _, f := range fs {
			if !allowed(doc.Text, f.Span, opts.Allow[f.RuleID]) {
				out = append(out, f)
			}
		}
	}
	return sortFindings(filterDirectives(doc, out))
}

// sortFindings sorts fs by position, then rule ID.
func sortFindings(out []Finding) []Finding {
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
// finding inside "soon-ish" quiet). Matching ignores case, and a space in a
// phrase matches any run of white space, so a phrase allowed from one line
// still matches where a paragraph wraps it.
func allowed(text string, s document.Span, allow []string) bool {
	if len(allow) == 0 || s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	for _, a := range allow {
		a = strings.Join(strings.Fields(a), " ")
		if a == "" {
			continue
		}
		// A match overlapping the span starts about len(a) bytes before
		// it at most; wider white space in the text may push it further.
		for i := max(0, s.Start-4*len(a)-16); i < max(s.End, s.Start+1) && i < len(text); i++ {
			if !utf8.RuneStart(text[i]) {
				continue
			}
			if end, ok := matchFold(text, i, a); ok && end > s.Start {
				return true
			}
		}
	}
	return false
}

// matchFold reports whether phrase matches text at i, ignoring case, a
// space in phrase matching a run of white space; end is where the match
// ends.
func matchFold(text string, i int, phrase string) (end int, ok bool) {
	for j := 0; j < len(phrase); {
		if i >= len(text) {
			return 0, false
		}
		if phrase[j] == ' ' {
			if !isSpaceByte(text[i]) {
				return 0, false
			}
			for i < len(text) && isSpaceByte(text[i]) {
				i++
			}
			j++
			continue
		}
		rp, np := utf8.DecodeRuneInString(phrase[j:])
		rt, nt := utf8.DecodeRuneInString(text[i:])
		if rp != rt && unicode.ToLower(rp) != unicode.ToLower(rt) && unicode.ToUpper(rp) != unicode.ToUpper(rt) {
			return 0, false
		}
		i += nt
		j += np
	}
	return i, true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
