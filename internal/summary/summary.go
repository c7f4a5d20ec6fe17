// Package summary scores a document as a whole: what kind it is, how many
// framing findings it has and of which rules, whether it says when the next
// update comes and what happens next, and how its action items and
// decisions stand. The editor shows it as a code lens on the title line and
// `upward lint --summary` prints it:
//
//	Status report · 3 framing findings (2 problem-only, 1 vague-timing) · no next-update date · 2 action items without owner
//	Meeting notes · 2 decisions · 5 action items (3 with owner, 2 without) · no framing findings
package summary

import (
	"fmt"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// Summary is the whole-document view of one lint.
type Summary struct {
	Kind document.Kind `json:"-"`
	// KindName is "status-report", "meeting-notes" or "none".
	KindName string `json:"kind"`
	// Framing counts the findings of sentence rules (built-in and
	// custom) by rule, most first.
	Framing      []RuleCount `json:"framing"`
	FramingTotal int         `json:"framingTotal"`
	// The document rules' verdicts, as reported (a rule turned off says
	// nothing).
	NoNextUpdate  bool `json:"noNextUpdate,omitempty"`
	NoNextSteps   bool `json:"noNextSteps,omitempty"`
	NoDecisions   bool `json:"noDecisions,omitempty"`
	NoActionItems bool `json:"noActionItems,omitempty"`
	// Decisions counts decisions (meeting notes only).
	Decisions int `json:"decisions"`
	// ActionItems counts action items; Unowned those with no owner,
	// Undated those with no due date.
	ActionItems int `json:"actionItems"`
	Unowned     int `json:"unowned"`
	Undated     int `json:"undated"`
	// Text is String().
	Text string `json:"text"`
}

// RuleCount is how many findings one rule has.
type RuleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// Of summarises doc from its findings and its outline (see
// builtin.DocumentOutline).
func Of(doc *document.Document, findings []lint.Finding) Summary {
	s := Summary{Kind: doc.Kind, KindName: doc.Kind.String()}
	counts := map[string]int{}
	for _, f := range findings {
		r := builtin.Lookup(f.RuleID)
		switch {
		case r == nil || r.Scope == lint.SentenceScope: // custom rules are phrase rules
			counts[f.RuleID]++
			s.FramingTotal++
		case f.RuleID == "missing-update-cadence":
			s.NoNextUpdate = true
		case f.RuleID == "missing-next-steps":
			s.NoNextSteps = true
		case f.RuleID == "missing-decisions":
			s.NoDecisions = true
		case f.RuleID == "missing-action-items":
			s.NoActionItems = true
		}
	}
	for id, n := range counts {
		s.Framing = append(s.Framing, RuleCount{id, n})
	}
	order := func(id string) int {
		if i := slices.Index(builtin.IDs, id); i >= 0 {
			return i
		}
		return len(builtin.IDs)
	}
	slices.SortFunc(s.Framing, func(a, b RuleCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if oa, ob := order(a.Rule), order(b.Rule); oa != ob {
			return oa - ob
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	if doc.Kind != document.KindNone && !doc.Cancelled {
		o := builtin.DocumentOutline(doc)
		s.ActionItems = len(o.ActionItems)
		for _, it := range o.ActionItems {
			if !it.Owner {
				s.Unowned++
			}
			if !it.Due {
				s.Undated++
			}
		}
		if doc.Kind == document.KindMeetingNotes {
			s.Decisions = o.Decisions
		}
	}
	s.Text = s.String()
	return s
}

// String is the one-line summary.
func (s Summary) String() string {
	var parts []string
	switch s.Kind {
	case document.KindStatus:
		parts = append(parts, "Status report")
	case document.KindMeetingNotes:
		parts = append(parts, "Meeting notes")
	default:
		parts = append(parts, "Document")
	}
	if s.Kind == document.KindMeetingNotes {
		switch {
		case s.Decisions > 0:
			parts = append(parts, count(s.Decisions, "decision"))
		case s.NoDecisions:
			parts = append(parts, "no decisions")
		}
		switch {
		case s.ActionItems > 0 && s.Unowned == 0:
			parts = append(parts, count(s.ActionItems, "action item")+" (all with owner)")
		case s.ActionItems > 0:
			parts = append(parts, fmt.Sprintf("%s (%d with owner, %d without)", count(s.ActionItems, "action item"), s.ActionItems-s.Unowned, s.Unowned))
		case s.NoActionItems:
			parts = append(parts, "no action items")
		}
	}
	if s.FramingTotal == 0 {
		parts = append(parts, "no framing findings")
	} else {
		var by []string
		for _, rc := range s.Framing {
			by = append(by, fmt.Sprintf("%d %s", rc.Count, rc.Rule))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", count(s.FramingTotal, "framing finding"), strings.Join(by, ", ")))
	}
	if s.NoNextUpdate {
		parts = append(parts, "no next-update date")
	}
	if s.NoNextSteps {
		parts = append(parts, "no next steps")
	}
	if s.Kind == document.KindStatus && s.Unowned > 0 {
		parts = append(parts, count(s.Unowned, "action item")+" without owner")
	}
	return strings.Join(parts, " · ")
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
