package builtin

import "github.com/upward-lint/upward/internal/builtin/prefilter"

// guard is newPattern; lits are ignored (the prefilter comes from the
// pattern's syntax). It goes with the call sites' literals.
func guard(src string, lits ...string) *pattern { return newPattern(src) }

// guardLower is prefilter.Lower.
func guardLower(s string) string { return prefilter.Lower(s) }
