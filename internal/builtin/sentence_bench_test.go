package builtin

import (
	"os"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
)

// BenchmarkSentenceRules runs the six sentence rules over parsed corpus
// documents (parsing excluded).
func BenchmarkSentenceRules(b *testing.B) {
	files := shareddata.CorpusFiles()
	if len(files) == 0 {
		b.Skip("corpus not found")
	}
	var docs []*document.Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		docs = append(docs, document.Parse(string(data), document.Options{URI: f}))
		size += len(data)
	}
	rules := sentenceRules()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			lint.Run(d, rules, lint.Options{})
		}
	}
}
