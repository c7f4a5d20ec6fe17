package builtin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// BenchmarkDocumentRules runs the five document rules over a 5,000-line
// meeting-notes document built from the shared corpus: "cold" forgets the
// per-block memo first (a document seen for the first time, as in `upward
// lint`), "warm" keeps it (an editor re-linting after a small edit).
func BenchmarkDocumentRules(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/*/*.md")
	if len(files) == 0 {
		b.Skip("no shared/corpus")
	}
	var sb strings.Builder
	for i := 0; strings.Count(sb.String(), "\n") < 5000; i++ {
		t, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	doc := document.Parse(text, document.Options{Format: document.Markdown, KindHint: document.KindMeetingNotes})
	var rules []*lint.Rule
	for _, r := range All() {
		if r.Scope == lint.DocumentScope {
			rules = append(rules, r)
		}
	}
	for _, cold := range []bool{true, false} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if cold {
					blockMemo.Lock()
					blockMemo.cur, blockMemo.old = nil, nil
					blockMemo.Unlock()
				}
				d := *doc // a new document, so docStruct misses
				lint.Run(&d, rules, lint.Options{})
			}
		})
	}
}
