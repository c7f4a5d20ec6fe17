package document

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/upward-lint/upward/internal/shareddata"
)

// corpusFiles returns the corpus's Markdown files, largest first.
func corpusFiles(tb testing.TB) []string {
	files := shareddata.CorpusFiles()
	if len(files) == 0 {
		tb.Skip("no corpus")
	}
	size := func(p string) int64 {
		fi, err := os.Stat(p)
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	slices.SortFunc(files, func(a, b string) int { return int(size(b) - size(a)) })
	return files
}

func readFile(tb testing.TB, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// bigDocument concatenates corpus files (from every source, largest
// first) until the text has at least lines lines. With noRefs it skips
// files with link reference definitions, which keep a text from being
// spliced by Reparse (see Parts).
func bigDocument(tb testing.TB, lines int, noRefs bool) string {
	var sb strings.Builder
	files := corpusFiles(tb)
	for i := 0; strings.Count(sb.String(), "\n") < lines; i++ {
		t := readFile(tb, files[i%len(files)])
		if noRefs && hasRefDefs(t) {
			continue
		}
		sb.WriteString(t)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func benchParse(b *testing.B, text string, f Format) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(text, Options{Format: f})
	}
}

func BenchmarkParse(b *testing.B) {
	largest := readFile(b, corpusFiles(b)[0])
	big := bigDocument(b, 5000, false)
	noRefs := bigDocument(b, 5000, true)
	b.Run("largest", func(b *testing.B) { benchParse(b, largest, Markdown) })
	b.Run("5000lines", func(b *testing.B) { benchParse(b, big, Markdown) })
	b.Run("5000lines-norefs", func(b *testing.B) { benchParse(b, noRefs, Markdown) })
	b.Run("5000lines-plain", func(b *testing.B) { benchParse(b, big, PlainText) })
}

func BenchmarkMapper(b *testing.B) {
	text := bigDocument(b, 5000, false)
	offs := make([]int, 0, 1000)
	for i := 0; i < len(text); i += len(text) / 1000 {
		for i < len(text) && text[i]&0xC0 == 0x80 {
			i++
		}
		offs = append(offs, i)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m := NewMapper(text)
		for _, o := range offs {
			l, c, _ := m.OffsetPosition(o)
			m.PositionOffset(l, c)
		}
	}
}

// BenchmarkGoldmark is the floor under BenchmarkParse/5000lines: goldmark's
// parse alone, on the same text.
func BenchmarkGoldmark(b *testing.B) {
	big := []byte(bigDocument(b, 5000, false))
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		mdParser().Parse(text.NewReader(big))
	}
}
