// Package rulefile is the schema of the built-in rule files,
// rules/<rule-id>.toml: decoding one strictly and checking it.
//
// The built-in rules do not decode TOML at run time: go generate turns the
// files into Go (internal/builtin/rulefiles_gen.go, written by
// internal/builtin/gen), and a test keeps the two in step.
package rulefile

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// File is the schema of rules/<rule-id>.toml.
type File struct {
	ID        string   `toml:"id"`
	Title     string   `toml:"title"`
	Principle string   `toml:"principle"`
	Source    string   `toml:"source"`
	Severity  string   `toml:"severity"`
	Scope     string   `toml:"scope"` // "sentence" or "document"
	Kinds     []string `toml:"kinds"` // document kinds, for document rules
	Doc       string   `toml:"doc"`
	Before    string   `toml:"before"`
	After     string   `toml:"after"`
	// Messages are message templates keyed by sub-check.
	Messages map[string]string `toml:"messages"`
	// Phrases are phrase lists keyed by group name; what the groups mean is
	// up to the rule's Go code.
	Phrases map[string][]string `toml:"phrases"`
	// Replacements are rewrite templates keyed by phrase group or sub-check.
	Replacements map[string]string `toml:"replacements"`
	// Fix are word lists that only the rule's rewrites use, keyed by
	// name: never scanned for findings, so editing them cannot change
	// what the rule flags.
	Fix map[string][]string `toml:"fix"`
	// Hints pick a placeholder for a rewrite: the first hint one of whose
	// words occurs in the text gives its placeholder.
	Hints    []Hint    `toml:"hint"`
	Examples []Example `toml:"example"`
}

// Hint maps words in the text to a placeholder suggestion.
type Hint struct {
	When []string `toml:"when"`
	Text string   `toml:"text"`
}

// Example is a documented hit or near miss of the rule.
type Example struct {
	Text string `toml:"text"`
	Hit  bool   `toml:"hit"`
	Note string `toml:"note"`
}

// Decode decodes <id>.toml from fsys strictly (unknown keys are an error)
// and checks it (see File.Rule).
func Decode(fsys fs.FS, id string) (*File, error) {
	name := id + ".toml"
	var f File
	md, err := toml.DecodeFS(fsys, name, &f)
	if err != nil {
		return nil, fmt.Errorf("rules/%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("rules/%s: unknown keys: %s", name, strings.Join(keys, ", "))
	}
	if f.ID != id {
		return nil, fmt.Errorf("rules/%s: id is %q, want %q", name, f.ID, id)
	}
	if _, err := f.Rule(); err != nil {
		return nil, err
	}
	return &f, nil
}

// Rule checks the file's severity, scope and kinds and returns the rule
// with its documentation filled in; the caller sets Run.
func (f *File) Rule() (*lint.Rule, error) {
	name := f.ID + ".toml"
	sev, err := lint.ParseSeverity(f.Severity)
	if err != nil {
		return nil, fmt.Errorf("rules/%s: %w", name, err)
	}
	r := &lint.Rule{
		ID: f.ID, Title: f.Title, Principle: f.Principle, Source: f.Source,
		Doc: strings.TrimSpace(f.Doc), Before: f.Before, After: f.After, Severity: sev,
		URL: "https://github.com/upward-lint/upward/blob/main/rules/" + name,
	}
	switch f.Scope {
	case "sentence", "":
		r.Scope = lint.SentenceScope
	case "document":
		r.Scope = lint.DocumentScope
	default:
		return nil, fmt.Errorf("rules/%s: unknown scope %q (want sentence or document)", name, f.Scope)
	}
	for _, k := range f.Kinds {
		kind, ok := document.ParseKind(k)
		if !ok {
			return nil, fmt.Errorf("rules/%s: unknown kind %q", name, k)
		}
		r.Kinds = append(r.Kinds, kind)
	}
	for _, e := range f.Examples {
		r.Examples = append(r.Examples, lint.Example{Text: e.Text, Hit: e.Hit, Note: e.Note})
	}
	return r, nil
}

// GroupPrefix returns the flags the document rules compile the patterns of
// a phrase group with: case-insensitive, except for "owner" (names are
// capitalised). patterns is false for groups that are word lists, not
// patterns ("notnames", "front_matter_keys").
func GroupPrefix(group string) (prefix string, patterns bool) {
	switch group {
	case "notnames", "front_matter_keys":
		return "", false
	case "owner":
		return "", true
	}
	return "(?i)", true
}
