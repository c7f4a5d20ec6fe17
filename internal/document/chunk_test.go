package document

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunkBounds(t *testing.T) {
	src := "# A\n\ntext\n\n```\n\n# not a heading\n```\n\n<!--\n\n# in comment\n-->\n\n# B\n\n- item\n# C\n\n  # D\n\n# E\n"
	got := chunkBounds([]byte(src), 10, 1)
	var starts []string
	for _, b := range got[1 : len(got)-1] {
		line, _, _ := strings.Cut(src[b:], "\n")
		starts = append(starts, line)
	}
	if want := []string{"# B", "# E"}; !reflect.DeepEqual(starts, want) {
		t.Errorf("chunks start at %q, want %q", starts, want)
	}
	for _, def := range []string{"[r]: http://x", "> - [r]:\n  http://x", "[long\nlabel]: /u"} {
		if got := chunkBounds([]byte(src+"\n"+def+"\n"), 10, 1); len(got) != 2 {
			t.Errorf("text with reference definition %q split: %v", def, got)
		}
	}
	if got := chunkBounds([]byte(src+"\nSee [x]: not a definition.\n"), 10, 1); len(got) == 2 {
		t.Errorf("text without reference definitions not split")
	}
}

// sameParse asserts that parsing in pieces gives what one parse gives.
func sameParse(t *testing.T, s string) {
	t.Helper()
	seq := &Document{Text: s}
	parseMarkdownChunked(seq, 1, 1)
	par := &Document{Text: s}
	parseMarkdownChunked(par, 4, 1)
	if !reflect.DeepEqual(seq.Blocks, par.Blocks) || !reflect.DeepEqual(seq.Directives, par.Directives) || seq.Title != par.Title {
		for i := range min(len(seq.Blocks), len(par.Blocks)) {
			if !reflect.DeepEqual(seq.Blocks[i], par.Blocks[i]) {
				t.Fatalf("%q: block %d differs:\n seq %+v\n par %+v", s, i, seq.Blocks[i], par.Blocks[i])
			}
		}
		t.Fatalf("%q: chunked parse differs: %d vs %d blocks, directives %v vs %v, title %q vs %q",
			s, len(seq.Blocks), len(par.Blocks), seq.Directives, par.Directives, seq.Title, par.Title)
	}
}

func TestChunkedParseTricky(t *testing.T) {
	for _, s := range []string{
		"<script>\n\n# A\n</script>\n\n# B\n", "~~~\n\n# A\n~~~~\n\n# B\n", "```\n\n# A\n``\n\n# B\n",
		"   ```\n\n# A\n```\n\n# B\n", "<!-->\n\n# A\n\n# B\n", "<?php\n\n# A\n?>\n\n# B\n",
		"<!DOCTYPE\n\n# A\n>\n\n# B\n", "- a\n\n  ```\n\n# B\n\n# C\n", "> ```\n\n# A\n\n# B\n",
		"<div>\n\n# A\n</div>\n\n# B\n", "1. x\n   <!--\n\n# A\n-->\n\n# B\n", "``` `\n\n# A\n```\n\n# B\n",
		"<textarea>\n\n# A\n</textarea>\n\n# B\n", "<PRE>\n\n# A\n</pre>\n\n# B\n", "  <!--\n\n# A\n-->\n\n# B\n",
		"Title\n\n#\n\n# B\n===\n\n#\tC\n", "- a\n\n#\n  b\n\n# c\n", "*a\n\n# b*\n\n# c\n",
		"<![CDATA[\n\n# A\n]]>\n\n# B\n", "\t```\n\n# A\n```\n\n# B\n",
		"<div>\n```\n</div>\n\n# A\n\n```\n\n# B\n```\n\n# C\n",
		"- a\n  ```\n\nfoo\n\n```\n\n# B\n```\n\n# C\n", "- a\n  ```\n  x\n```\n\n# B\n\n# C\n",
		"<div>\n<!--\n\n```\n\n# A\n-->\n```\n\n# B\n\n```\n\n# C\n```\n",
		"para\n<span>\n```\n\n# A\n```\n\n# B\n", "> a\n```\n\n# A\n```\n\n# B\n",
	} {
		sameParse(t, s)
	}
}

func TestChunkedParseCorpus(t *testing.T) {
	files := corpusFiles(t)
	big := bigDocument(t, 3000, false)
	sameParse(t, big)
	for _, p := range files[:min(40, len(files))] {
		sameParse(t, readFile(t, p))
	}
}

func FuzzChunkedParse(f *testing.F) {
	for _, s := range []string{
		"# A\n\ntext\n\n# B\n\n- x\n  - y\n\n## C\n| a |\n|---|\n| b |\n",
		"# A\n\n```\n\n# B\n```\n\n# C\n<!-- upward-disable -->\n\n# D\n",
		"> q\n\n# A\n\n<pre>\n\n# B\n</pre>\n\n# C\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameParse(t, s)
	})
}

func TestChunkBoundsSplitsRealText(t *testing.T) {
	big := []byte(bigDocument(t, 5000, true))
	got := chunkBounds(big, 2, minChunk)
	if len(got) != 3 {
		t.Fatalf("5000-line corpus text split into %d pieces, want 2: %v", len(got)-1, got)
	}
	if r := float64(got[1]) / float64(len(big)); r < 0.3 || r > 0.7 {
		t.Errorf("unbalanced split at %.2f of the text", r)
	}
}

// FuzzChunkedStructure assembles documents from block-level fragments
// (the constructs chunkBounds must reason about) and checks that parsing
// in pieces changes nothing.
func FuzzChunkedStructure(f *testing.F) {
	frags := []string{
		"\n", "# H\n", "## H2\n", "text\n", "- item\n", "  - nested\n", "  cont\n", "    indented\n",
		"> quote\n", "```\n", "~~~\n", "````\n", "  ```\n", "    ```\n", "- ```\n", "> ```\n", "``` `x`\n",
		"<!--\n", "-->\n", "<!-- x -->\n", "<div>\n", "</div>\n", "<pre>\n", "</pre>\n", "<span>\n",
		"1. one\n", "   ```\n", "<?x\n", "?>\n", "| a |\n", "|---|\n", "===\n", "---\n", "\t```\n",
		"- <!--\n", "  <!--\n", "[x]: /u\n", "#\n",
	}
	f.Add([]byte{1, 0, 9, 0, 1, 0, 9, 0, 1})
	f.Add([]byte{20, 9, 0, 1, 0, 24, 0, 1, 0, 9, 0, 1})
	f.Add([]byte{4, 12, 0, 1, 0, 9, 0, 1, 9, 0, 1})
	f.Fuzz(func(t *testing.T, picks []byte) {
		var sb strings.Builder
		for _, p := range picks {
			sb.WriteString(frags[int(p)%len(frags)])
		}
		sameParse(t, sb.String())
	})
}
