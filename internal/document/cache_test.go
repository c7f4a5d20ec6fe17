package document

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
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
// Parse gives, for corpus documents and after random small edits, which
// the cache mostly serves from pieces parsed before.
func TestCacheParseSameAsParse(t *testing.T) {
	texts := []string{bigDocument(t, 3000, true), bigDocument(t, 3000, false), "---\ntitle: Weekly update\n---\n\n# A\n\ntext\n\n" + bigDocument(t, 1000, true)}
	for _, f := range corpusFiles(t)[:20] {
		texts = append(texts, readFile(t, f))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var c Cache
	for _, text := range texts {
		for edit := range 30 {
			opts := Options{URI: "x.md", Format: Markdown}
			got, want := c.Parse(text, opts), Parse(text, opts)
			if diff := sameDocument(got, want); diff != "" {
				t.Fatalf("edit %d: cached parse differs in %s", edit, diff)
			}
			if len(text) > 10*pieceMin && len(got.Pieces()) < 2 {
				t.Errorf("a %d-byte text was parsed in %d piece(s)", len(text), len(got.Pieces()))
			}
			for i, p := range got.Pieces() {
				pd := got.PieceDocument(i)
				if len(pd.Blocks) != p.End-p.First {
					t.Fatalf("piece %d: %d blocks, want %d", i, len(pd.Blocks), p.End-p.First)
				}
			}
			// A one-character edit somewhere, often a Markdown marker.
			at := rng.IntN(len(text) + 1)
			const marks = "#-*`>[]( \nx."
			ins := string(marks[rng.IntN(len(marks))])
			if rng.IntN(3) == 0 && at < len(text) {
				text = text[:at] + text[at+1:]
			} else {
				text = text[:at] + ins + text[at:]
			}
		}
	}
	if strings.Count(texts[0], "\n") < 3000 {
		t.Fatal("short test text")
	}
}

// TestCacheParseReferences checks a link whose reference is defined in
// another piece, and an edit to that definition.
func TestCacheParseReferences(t *testing.T) {
	filler := strings.Repeat("Some words that fill the piece out.\n\n", 3*pieceMin/36)
	text := "# A\n\nSee [the doc][d] for more.\n\n" + filler + "# B\n\n" + filler + "[d]: https://example.com\n"
	var c Cache
	for _, tt := range []string{text, strings.Replace(text, "[d]: https", "[e]: https", 1), text} {
		got, want := c.Parse(tt, Options{}), Parse(tt, Options{})
		if len(got.Pieces()) < 2 {
			t.Fatalf("%d pieces", len(got.Pieces()))
		}
		if diff := sameDocument(got, want); diff != "" {
			t.Fatalf("cached parse differs in %s", diff)
		}
	}
	if got := Parse(text, Options{}).Blocks[1].Text; !strings.Contains(got, "the doc") || strings.Contains(got, "[d]") {
		t.Errorf("the reference link was not masked: %q", got)
	}
}
