package builtin

import "github.com/upward-lint/upward/internal/lint"

// TEMPORARY: replaced by the sentence-rules work.
func sentenceRules() []*lint.Rule { return nil }
