// Package rules holds the data and documentation of the built-in rules, one
// <rule-id>.toml file per rule, embedded in the binary.
package rules

import "embed"

// FS holds every <rule-id>.toml file.
//
//go:embed *.toml
var FS embed.FS
