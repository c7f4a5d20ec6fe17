// Package shareddata finds the team's shared data — the corpus of real
// notes and the labelled evaluation sets — for tests, benchmarks and the
// evaluation tools. It lives in a folder named "shared" beside the module
// root (../shared from a clone; CI lays it out the same way).
package shareddata

import (
	"os"
	"path/filepath"
)

// From walks up from dir to the nearest go.mod and returns the "shared"
// folder beside that module root, or "" when there is none.
func From(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if fi, err := os.Stat(s); err == nil && fi.IsDir() {
				return s
			}
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Dir is From the current folder.
func Dir() string { return From(".") }

// CorpusFiles returns the corpus's Markdown documents
// (shared/corpus/<source>/*.md) in a fixed order, or nil when there is no
// shared folder.
func CorpusFiles() []string {
	s := Dir()
	if s == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(s, "corpus", "*", "*.md"))
	return files
}
