package server

import (
	"os"
	"strings"
	"testing"

	"slices"
	"time"

	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
)

// corpusDoc returns the first n lines of the shared corpus's Markdown
// files, or skips.
func corpusDoc(b testing.TB, n int) string {
	files := shareddata.CorpusFiles()
	if len(files) == 0 {
		b.Skip("no shared/corpus")
	}
	var lines []string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines = append(lines, strings.Split(strings.TrimRight(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n")...)
		lines = append(lines, "")
		if len(lines) >= n {
			break
		}
	}
	return strings.Join(lines[:n], "\n") + "\n"
}

// BenchmarkDidChange5000 times, in process, a one-character didChange on
// a 5,000-line document until the publishDiagnostics for its version,
// without debounce; it reports p50 and p99. The engine's share is
// BenchmarkCheckText5000. For the real binary over stdio, see
// cmd/upward-lspbench.
func BenchmarkDidChange5000(b *testing.B) {
	text := corpusDoc(b, 5000)
	s := start(b, setup{})
	u := docURI("bench.md")
	s.open(u, "markdown", 1, text)
	s.awaitVersion(u, 1)
	var took []time.Duration
	v := int32(1)
	for b.Loop() {
		v++
		// Type a character at the start of a line, then delete it.
		line := uint32(int(v) / 2 * 97 % 4999)
		start := time.Now()
		if v%2 == 0 {
			s.changeRange(u, v, rng(line, 0, line, 0), "x")
		} else {
			s.changeRange(u, v, rng(line, 0, line, 1), "")
		}
		s.awaitDiags(u, func(p *protocol.PublishDiagnosticsParams) bool { return int32(p.Version) == v })
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[(len(took)*99+99)/100-1].Microseconds())/1000, "p99-ms")
}

func BenchmarkCheckText5000(b *testing.B) {
	text := corpusDoc(b, 5000)
	for b.Loop() {
		if document.ValidateString(text) == nil {
			config.Default().Lint("a.md", document.Markdown, text)
		}
	}
}

func BenchmarkParse5000(b *testing.B) {
	text := corpusDoc(b, 5000)
	for b.Loop() {
		document.Parse(text, document.Options{Format: document.Markdown})
	}
}

func BenchmarkRules5000(b *testing.B) {
	text := corpusDoc(b, 5000)
	doc := document.Parse(text, document.Options{Format: document.Markdown})
	for _, r := range builtin.All() {
		b.Run(r.ID, func(b *testing.B) {
			for b.Loop() {
				lint.Run(doc, []*lint.Rule{r}, lint.Options{})
			}
		})
	}
}
