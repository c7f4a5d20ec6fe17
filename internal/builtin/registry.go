// Package builtin holds the built-in rules: their matchers and rewrites in
// Go, their phrase data and documentation in rules/*.toml.
package builtin

import (
	"sync"

	"github.com/upward-lint/upward/internal/lint"
)

// IDs are the stable catalogue rule IDs, sentence rules first.
var IDs = []string{
	"problem-only", "complaint", "open-question", "hedging", "vague-timing", "crisis",
	"missing-next-steps", "missing-update-cadence", "missing-decisions", "missing-action-items", "action-item-owner",
}

var (
	allOnce sync.Once
	all     []*lint.Rule
)

// All returns the built-in rules in catalogue order. The slice is shared:
// do not modify it.
func All() []*lint.Rule {
	allOnce.Do(func() {
		// The document rules compile their patterns on their first run
		// (see compileDocRules), so building them costs little.
		all = append(sentenceRules(), documentRules()...)
	})
	return all
}

// Lookup returns the built-in rule with the given ID, or nil.
func Lookup(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
