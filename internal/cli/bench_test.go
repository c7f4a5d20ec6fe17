package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func corpusDir() string {
	d, _ := filepath.Abs(".")
	for {
		for _, c := range []string{filepath.Join(d, "shared", "corpus"), filepath.Join(d, "..", "shared", "corpus")} {
			if fi, err := os.Stat(c); err == nil && fi.IsDir() {
				return c
			}
		}
		p := filepath.Dir(d)
		if p == d {
			return ""
		}
		d = p
	}
}

// BenchmarkLintFolder runs `upward lint --format json` over the corpus
// folder: walking, reading, linting on every core, and writing JSON.
func BenchmarkLintFolder(b *testing.B) {
	dir := corpusDir()
	if dir == "" {
		b.Skip("no shared/corpus beside the repository")
	}
	var total int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && lintExts[strings.ToLower(filepath.Ext(p))] {
			if fi, err := d.Info(); err == nil {
				total += fi.Size()
			}
		}
		return nil
	})
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if code := Main([]string{"lint", "--format", "json", dir}, strings.NewReader(""), io.Discard, io.Discard); code > 1 {
			b.Fatalf("exit %d", code)
		}
	}
}
