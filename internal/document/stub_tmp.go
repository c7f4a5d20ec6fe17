package document

// TEMPORARY stubs so the tree builds; the document helper replaces this file.

import "strings"

func normalizeKindName(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-")
}

// Mapper converts byte offsets to line/column positions.
type Mapper struct{}
