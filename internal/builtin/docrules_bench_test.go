package builtin

import (
	"os"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
)

// BenchmarkDocumentRules runs the five document rules over a 5,000-line
// meeting-notes document built from the shared corpus, as parsed by
// document.Parse: what both `upward lint` and an editor's re-lint pay.
func BenchmarkDocumentRules(b *testing.B) {
	files := shareddata.CorpusFiles()
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
	opts := document.Options{Format: document.Markdown, KindHint: document.KindMeetingNotes}
	cold := document.Parse(text, opts)
	var rules []*lint.Rule
	for _, r := range All() {
		if r.Scope == lint.DocumentScope {
			rules = append(rules, r)
		}
	}
	for name, doc := range map[string]*document.Document{"cold": cold} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				d := *doc // a new document, so docStruct misses
				lint.Run(&d, rules, lint.Options{})
			}
		})
	}
}
