package builtin

import "github.com/upward-lint/upward/internal/lint"

// TEMPORARY: replaced by the document-rules work.
func documentRules() []*lint.Rule { return nil }
