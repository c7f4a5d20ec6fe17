package document

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// sameDocument reports how a and b differ, or "".
func sameDocument(a, b *Document) string {
	if a.Title != b.Title || a.Kind != b.Kind || a.KindSource != b.KindSource || a.Cancelled != b.Cancelled || a.FrontMatterSpan != b.FrontMatterSpan {
		return "title, kind or front matter"
	}
	if !reflect.DeepEqual(a.FrontMatter, b.FrontMatter) && len(a.FrontMatter)+len(b.FrontMatter) > 0 {
		return "front matter keys"
	}
	if len(a.Blocks) != len(b.Blocks) {
		return "block count"
	}
	for i := range a.Blocks {
		x, y := a.Blocks[i], b.Blocks[i]
		if len(x.Sentences) == 0 {
			x.Sentences = nil
		}
		if len(y.Sentences) == 0 {
			y.Sentences = nil
		}
		if len(x.Quotations) == 0 {
			x.Quotations = nil
		}
		if len(y.Quotations) == 0 {
			y.Quotations = nil
		}
		if !reflect.DeepEqual(x, y) {
			return "block " + a.Text[x.Span.Start:x.Span.End]
		}
	}
	if len(a.Directives)+len(b.Directives) > 0 && !reflect.DeepEqual(a.Directives, b.Directives) {
		return "directives"
	}
	return ""
}

// TestCacheParseSameAsParse checks that parsing through a Cache gives what

// sameReparse asserts that re-parsing after changing before into after
// gives what one parse of after gives.
func sameReparse(t *testing.T, before, after string) {
	t.Helper()
	opts := Options{URI: "x.md", Format: Markdown}
	got, want := Reparse(Parse(before, opts), after, opts), Parse(after, opts)
	if diff := sameDocument(got, want); diff != "" {
		t.Fatalf("%q -> %q: spliced parse differs in %s", before, after, diff)
	}
	if !reflect.DeepEqual(got.Parts(), want.Parts()) {
		t.Fatalf("%q -> %q: parts %v, want %v", before, after, got.Parts(), want.Parts())
	}
}

// TestReparseSameAsParse checks that Reparse gives what Parse gives, for
// corpus documents and after random small edits, often to Markdown
// markers.
func TestReparseSameAsParse(t *testing.T) {
	texts := []string{bigDocument(t, 3000, true), bigDocument(t, 3000, false), "---\ntitle: Weekly update\n---\n\n# A\n\ntext\n\n" + bigDocument(t, 1000, true)}
	for _, f := range corpusFiles(t)[:20] {
		texts = append(texts, readFile(t, f))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	spliced := 0
	for _, text := range texts {
		opts := Options{URI: "x.md", Format: Markdown}
		prev := Parse(text, opts)
		for edit := range 30 {
			// A one-character edit somewhere, often a Markdown marker.
			at := rng.IntN(len(text) + 1)
			const marks = "#-*`>[]( \nx.<"
			ins := string(marks[rng.IntN(len(marks))])
			if rng.IntN(3) == 0 && at < len(text) {
				text = text[:at] + text[at+1:]
			} else {
				text = text[:at] + ins + text[at:]
			}
			got, want := Reparse(prev, text, opts), Parse(text, opts)
			if diff := sameDocument(got, want); diff != "" {
				t.Fatalf("edit %d: spliced parse differs in %s", edit, diff)
			}
			if !reflect.DeepEqual(got.Parts(), want.Parts()) {
				t.Fatalf("edit %d: parts differ", edit)
			}
			if len(got.Blocks) > 0 && len(prev.Blocks) > 0 && unsafe.StringData(got.Blocks[0].Text) == unsafe.StringData(prev.Blocks[0].Text) {
				spliced++
			}
			prev = got
		}
	}
	if spliced < 100 {
		t.Errorf("only %d of the re-parses spliced", spliced)
	}
}

// TestReparseReferences checks that a link reference definition, added or
// removed, reaches links anywhere.
func TestReparseReferences(t *testing.T) {
	filler := strings.Repeat("Some words that fill the part out.\n\n", 100)
	text := "# A\n\nSee [the doc][d] for more.\n\n" + filler + "# B\n\n" + filler + "[d]: https://example.com\n"
	for _, pair := range [][2]string{
		{text, strings.Replace(text, "[d]: https", "[e]: https", 1)},
		{strings.Replace(text, "[d]: https", "[e]: https", 1), text},
		{strings.Replace(text, "[d]: https://example.com\n", "", 1), text},
		{text, strings.Replace(text, "[d]: https://example.com\n", "", 1)},
	} {
		sameReparse(t, pair[0], pair[1])
	}
	if got := Parse(text, Options{}).Blocks[1].Text; !strings.Contains(got, "the doc") || strings.Contains(got, "[d]") {
		t.Errorf("the reference link was not masked: %q", got)
	}
}

// reparseEdits checks every one-byte insertion of marks and every
// one-byte deletion in s.
func reparseEdits(t *testing.T, s string) {
	t.Helper()
	for at := 0; at <= len(s); at++ {
		for _, m := range []string{"`", "\n", "#", "-", " ", ">", "<", "x", "~", "|"} {
			sameReparse(t, s, s[:at]+m+s[at:])
		}
		if at < len(s) {
			sameReparse(t, s, s[:at]+s[at+1:])
		}
	}
}

func TestReparseTricky(t *testing.T) {
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
		"a\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nb\n\n- x\n\n  y\n\nz\n\n    code\n\nw\n",
		"# T\n\n<!-- upward-disable hedging -->\n\na\n\n<!-- upward-enable -->\n\nb\n",
		"---\ntitle: x\n---\n\n# A\n\nb\n\nc\n",
	} {
		reparseEdits(t, s)
	}
}

func FuzzReparse(f *testing.F) {
	f.Add("# A\n\ntext\n\n# B\n\n- x\n  - y\n\n## C\n| a |\n|---|\n| b |\n", 10, "```")
	f.Add("# A\n\n```\n\n# B\n```\n\n# C\n<!-- upward-disable -->\n\n# D\n", 5, "\n")
	f.Add("> q\n\n# A\n\n<pre>\n\n# B\n</pre>\n\n# C\n", 3, "")
	f.Fuzz(func(t *testing.T, s string, at int, ins string) {
		if at < 0 || at > len(s) {
			return
		}
		del := min(len(ins)%3, len(s)-at)
		sameReparse(t, s, s[:at]+ins+s[at+del:])
	})
}

// FuzzReparseStructure assembles documents from block-level fragments and
// inserts or deletes one, checking that the splice changes nothing.
func FuzzReparseStructure(f *testing.F) {
	frags := []string{
		"\n", "# H\n", "## H2\n", "text\n", "- item\n", "  - nested\n", "  cont\n", "    indented\n",
		"> quote\n", "```\n", "~~~\n", "````\n", "  ```\n", "    ```\n", "- ```\n", "> ```\n", "``` `x`\n",
		"<!--\n", "-->\n", "<!-- x -->\n", "<div>\n", "</div>\n", "<pre>\n", "</pre>\n", "<span>\n",
		"1. one\n", "   ```\n", "<?x\n", "?>\n", "| a |\n", "|---|\n", "===\n", "---\n", "\t```\n",
		"- <!--\n", "  <!--\n", "[x]: /u\n", "#\n",
	}
	f.Add([]byte{1, 0, 9, 0, 1, 0, 9, 0, 1}, byte(3), byte(9))
	f.Add([]byte{20, 9, 0, 1, 0, 24, 0, 1, 0, 9, 0, 1}, byte(5), byte(0))
	f.Add([]byte{4, 12, 0, 1, 0, 9, 0, 1, 9, 0, 1}, byte(2), byte(200))
	f.Fuzz(func(t *testing.T, picks []byte, at, frag byte) {
		build := func(ps []byte) string {
			var sb strings.Builder
			for _, p := range ps {
				sb.WriteString(frags[int(p)%len(frags)])
			}
			return sb.String()
		}
		i := int(at) % (len(picks) + 1)
		var edited []byte
		if frag >= 128 && i < len(picks) {
			edited = append(slices.Clone(picks[:i]), picks[i+1:]...)
		} else {
			edited = append(append(slices.Clone(picks[:i]), frag), picks[i:]...)
		}
		sameReparse(t, build(picks), build(edited))
	})
}
