// Package rules holds the data and documentation of the built-in rules, one
// <rule-id>.toml file per rule: the source of truth for them. The linter
// does not read these files when it runs; go generate ./internal/builtin
// turns them into Go, and a test there checks the two agree.
package rules

import "embed"

// FS holds every <rule-id>.toml file, for the generator and that test.
//
//go:embed *.toml
var FS embed.FS
