package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/shareddata"
)

// corpusDir is the shared corpus folder, or "" (the benchmarks then skip).
func corpusDir() string {
	if s := shareddata.Dir(); s != "" {
		return filepath.Join(s, "corpus")
	}
	return ""
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
		if err == nil && !d.IsDir() && lintedExt(p) {
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
