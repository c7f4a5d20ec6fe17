// Package lint is the rule engine: rules, findings, fixes and the driver that
// runs rules over a document.
package lint

import (
	"fmt"
	"time"

	"github.com/upward-lint/upward/internal/document"
)

// Severity is how serious a finding is. The zero value is Error; order is
// Error > Warning > Info > Hint.
type Severity int

const (
	Error Severity = iota
	Warning
	Info
	Hint
)

var severityNames = [...]string{"error", "warning", "info", "hint"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses "error", "warning", "info" or "hint".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or hint)", s)
}

// AtLeast reports whether s is as serious as or more serious than min.
func (s Severity) AtLeast(min Severity) bool { return s <= min }

// Scope says what a rule looks at.
type Scope int

const (
	// SentenceScope rules look at sentences and blocks.
	SentenceScope Scope = iota
	// DocumentScope rules look at the structure of a whole document of
	// certain kinds.
	DocumentScope
)

// Edit replaces the bytes of Span with NewText.
type Edit struct {
	Span    document.Span
	NewText string
}

// Fix is one way to resolve a finding. Its edits never overlap.
//
// A fix is applied without the writer looking at it (by `upward lint
// --fix` and the editor's fix-all) only when it is Automatic: it needs no
// input and it keeps every word the writer meant to keep. Removing the
// flagged words (a hedge, an apology, filler) and inserting new text keep
// them; replacing a sentence with new wording (a complaint rewritten as a
// request, an open question as a recommendation) may drop a fact the
// writer wrote beside the problem, so such a fix is only ever offered,
// as a quick fix the writer reads before accepting.
type Fix struct {
	// Title is a verb phrase for the editor: "Rewrite as a request".
	Title string
	Edits []Edit
	// NeedsInput is set when the new text has [placeholders] only the
	// writer can fill in.
	NeedsInput bool
	// Rewrites is set when the fix replaces the writer's own words beyond
	// the flagged phrase with new wording: the writer must read it before
	// it is applied.
	Rewrites bool
	// Preferred marks the fix an editor should offer first.
	Preferred bool
}

// Automatic reports whether the fix may be applied unseen, by `upward
// lint --fix` and fix-all: it needs no input and rewrites nothing.
func (f Fix) Automatic() bool { return !f.NeedsInput && !f.Rewrites }

// Finding is one problem found in a document.
type Finding struct {
	RuleID   string
	Span     document.Span
	Message  string
	Severity Severity
	Fixes    []Fix
	// Why says what made the text a hit: the phrase matched, or the words
	// the learned model weighed most.
	Why string
}

// Dates are what the rules that propose a date (vague-timing,
// missing-update-cadence) count from.
type Dates struct {
	// Base is the day the document speaks from: its date, else today
	// (see package dates). Zero: the rules offer placeholders only.
	Base time.Time
	// Today is the day of the lint.
	Today time.Time
	// Locale says how dates are written ("" is en-GB: "Fri 4 Dec"; see
	// dates.ParseStyle).
	Locale string
}

// Example is a documented hit or non-hit of a rule.
type Example struct {
	Text string
	Hit  bool
	Note string
}

// Rule is a small self-describing check, in the spirit of go/analysis's
// Analyzer: its documentation lives beside its matcher.
type Rule struct {
	// ID is the stable catalogue identifier, e.g. "problem-only".
	ID string
	// Title is a one-line summary.
	Title string
	// Principle is the managing-up principle the rule serves, and Source
	// where it comes from.
	Principle, Source string
	// Doc is the explanation, in Markdown.
	Doc string
	// URL is where the rule is documented: its rules/<id>.toml for a
	// built-in rule, "" for a custom one. Markdown and Text render all of
	// the rule's documentation.
	URL string
	// Examples are hits and near misses; Before and After show the rewrite.
	Examples      []Example
	Before, After string
	// Severity is the default severity.
	Severity Severity
	Scope    Scope
	// Kinds restricts a document rule to these document kinds; empty means
	// any document.
	Kinds []document.Kind
	// Run reports findings through the pass.
	Run func(*Pass)
}

// Pass is a rule's view of one run over one document.
type Pass struct {
	Rule *Rule
	Doc  *document.Document
	// Extra are phrases the config adds to this rule; Allow are phrases the
	// config says never to flag (case-insensitive).
	Extra, Allow []string
	// Model is how the sentence rules use the learned model.
	Model ModelOptions
	// Dates are what rules that propose a date count from.
	Dates  Dates
	report func(Finding)
	memo   map[any]any
	parts  *PartMemo
}

// Memo returns the value stored under key for this run over this document,
// computing it with compute the first time any rule asks. Rules use it to
// share work — one phrase scan, one outline of the document — the way
// go/analysis analyzers share results through Requires. Keys should be
// values of an unexported type, as with context keys.
func (p *Pass) Memo(key any, compute func() any) any {
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
}

// PartMemo returns the value stored under key for part i of the pass's
// document (see document.Part), computing it with compute when there is
// none. With Options.Parts set, the value is kept for later runs and
// handed to a run over any document with a part of the same text and the
// front matter in the same place in it: compute must read nothing else.
func (p *Pass) PartMemo(key any, i int, compute func() any) any {
	if p.parts == nil {
		return compute()
	}
	return p.parts.get(p.Doc, key, i, compute)
}

// KeepsParts reports whether the run keeps values per part (see
// PartMemo): without, a rule may as well work on the whole document.
func (p *Pass) KeepsParts() bool { return p.parts != nil }

// Collect runs fn on a pass like p whose findings are returned instead of
// reported: a rule that combines two matchers collects one before it
// reports.
func (p *Pass) Collect(fn func(*Pass)) []Finding {
	var out []Finding
	q := *p
	q.report = func(f Finding) { out = append(out, f) }
	fn(&q)
	return out
}

// Report records a finding. RuleID and Severity are filled in by the driver.
func (p *Pass) Report(f Finding) { p.report(f) }

// Reportf records a finding with a formatted message.
func (p *Pass) Reportf(span document.Span, fixes []Fix, format string, args ...any) {
	p.report(Finding{Span: span, Message: fmt.Sprintf(format, args...), Fixes: fixes})
}
