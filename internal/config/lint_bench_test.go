package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
)

// corpusDir finds shared/corpus by walking up from the package folder; ""
// if there is none (the benchmarks then skip).
func corpusDir() string {
	if s := shareddata.Dir(); s != "" {
		return filepath.Join(s, "corpus")
	}
	return ""
}

type corpusFile struct {
	path string
	text []byte
}

func loadCorpus(tb testing.TB) []corpusFile {
	dir := corpusDir()
	if dir == "" {
		tb.Skip("no shared/corpus beside the repository")
	}
	var fs []corpusFile
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".md", ".markdown", ".txt", ".text":
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil {
			fs = append(fs, corpusFile{p, b})
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(fs) == 0 {
		tb.Skip("empty corpus")
	}
	return fs
}

// BenchmarkLintCorpus lints every corpus file once per iteration, one
// goroutine: the MB/s figure is single-core throughput.
func BenchmarkLintCorpus(b *testing.B) {
	fs := loadCorpus(b)
	cfg := Default()
	b.SetBytes(corpusBytes(fs))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range fs {
			if _, _, err := lintText(f.path, f.text, cfg); err != nil {
				b.Fatalf("%s: %v", f.path, err)
			}
		}
	}
}

// lines5000 builds a 5,000-line Markdown document from corpus files.
func lines5000(tb testing.TB) []byte {
	fs := loadCorpus(tb)
	var lines []string
	for len(lines) < 5000 {
		for _, f := range fs {
			if filepath.Ext(f.path) != ".md" {
				continue
			}
			lines = append(lines, strings.Split(strings.TrimRight(string(f.text), "\n"), "\n")...)
			lines = append(lines, "")
			if len(lines) >= 5000 {
				break
			}
		}
	}
	return []byte(strings.Join(lines[:5000], "\n") + "\n")
}

// BenchmarkLint5000Lines is the editor case: one long document re-linted.
func BenchmarkLint5000Lines(b *testing.B) {
	text := lines5000(b)
	cfg := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := lintText("long.md", text, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func corpusBytes(fs []corpusFile) int64 {
	var n int64
	for _, f := range fs {
		n += int64(len(f.text))
	}
	return n
}

// BenchmarkParseCorpus is the parsing share of BenchmarkLintCorpus.
func BenchmarkParseCorpus(b *testing.B) {
	fs := loadCorpus(b)
	b.SetBytes(corpusBytes(fs))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			document.Parse(string(f.text), document.Options{URI: f.path, Format: formatOf(f.path)})
		}
	}
}

// BenchmarkRulesCorpus is the matching share: every rule over documents
// parsed beforehand.
func BenchmarkRulesCorpus(b *testing.B) {
	fs := loadCorpus(b)
	docs := make([]*document.Document, len(fs))
	for i, f := range fs {
		docs[i] = document.Parse(string(f.text), document.Options{URI: f.path, Format: formatOf(f.path)})
	}
	cfg := Default()
	rules, opts := cfg.Rules(), cfg.Options()
	b.SetBytes(corpusBytes(fs))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			lint.Run(d, rules, opts)
		}
	}
}

// BenchmarkRule5000Lines times each rule alone over the 5,000-line
// document, parsed beforehand.
func BenchmarkRule5000Lines(b *testing.B) {
	text := lines5000(b)
	cfg := Default()
	doc := document.Parse(string(text), document.Options{URI: "long.md", Format: document.Markdown})
	var sentence, docRules []*lint.Rule
	for _, r := range cfg.Rules() {
		if r.Scope == lint.DocumentScope {
			docRules = append(docRules, r)
		} else {
			sentence = append(sentence, r)
		}
	}
	for name, rs := range map[string][]*lint.Rule{"sentence-rules": sentence, "document-rules": docRules} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				d := *doc
				lint.Run(&d, rs, lint.Options{})
			}
		})
	}
	for _, r := range cfg.Rules() {
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				// A fresh copy each time, so per-document caches miss.
				d := *doc
				lint.Run(&d, []*lint.Rule{r}, lint.Options{})
			}
		})
	}
}

// BenchmarkLintHugeParagraph lints one 1 MB paragraph in which every
// sentence trips a rule: the shape (a pasted log, a text with no blank
// lines) that made per-hit work over the whole block quadratic.
func BenchmarkLintHugeParagraph(b *testing.B) {
	sentences := []string{
		"Sorry, I just think maybe the release is late because the build is broken.",
		"We will fix it soon, probably next week or later.",
		"Why is this still broken?",
		"What should we do about the vendor?",
		"This is a total disaster and we are doomed.",
		"Nobody ever reviews my PRs.",
		"Complaints are down 30% this month.",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(sentences[i%len(sentences)])
		sb.WriteString("\n")
	}
	text := []byte(sb.String())
	cfg := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := lintText("huge.md", text, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
