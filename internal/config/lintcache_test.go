package config

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSessionSameAsText checks that a Session gives Text's findings over a
// run of small edits to long documents, which it serves mostly from cache.
func TestSessionSameAsText(t *testing.T) {
	base := string(lines5000(t))
	texts := map[string]string{
		"long.md": base,
		// Directives in one piece silence findings in later ones.
		"directives.md": "# Notes\n\n<!-- upward-disable hedging -->\n\n" + base[:len(base)/2] + "\n\n<!-- upward-enable hedging -->\n\n# Later\n\nI just think maybe we could try it.\n\n" + base[len(base)/2:],
		"status.md":     "---\ntype: status\n---\n\n" + base[:len(base)/3],
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for name, text := range texts {
		var s LintCache
		pieces := 0
		for edit := range 25 {
			cfg := Default()
			gotDoc, got, err := lintCacheText(&s, name, []byte(text), cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, want, _ := lintText(name, []byte(text), cfg)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, edit %d: session gives %d findings, Text %d", name, edit, len(got), len(want))
			}
			pieces = max(pieces, len(gotDoc.Parts()))
			at := runeStart(text, rng.IntN(len(text)))
			const marks = "#-*` \nx.!?"
			switch rng.IntN(4) {
			case 0:
				_, n := utf8.DecodeRuneInString(text[at:])
				text = text[:at] + text[at+n:]
			case 1:
				// A sentence that rules flag.
				text = text[:at] + "\n\nSorry, I just think this might be a problem.\n\n" + text[at:]
			default:
				text = text[:at] + string(marks[rng.IntN(len(marks))]) + text[at:]
			}
		}
		if pieces < 10 {
			t.Errorf("%s: at most %d pieces: the session cached nothing", name, pieces)
		}
	}
}

// TestSessionLinkDefinitions checks that a LintCache follows a link reference
// definition added and removed in another part: it turns "[bother]" into a
// link, whose text the rules then read differently.
func TestSessionLinkDefinitions(t *testing.T) {
	filler := strings.Repeat("The build ran on Tuesday and the numbers look fine to everyone.\n\n", 60)
	v1 := "# A\n\nSorry to [bother] you, but the report is ready.\n\n" + filler + "# B\n\n" + filler
	v2 := v1 + "\n[bother]: https://example.com\n"
	var s LintCache
	cfg := Default()
	for i, v := range []string{v1, v2, v1} {
		doc, got, _ := lintCacheText(&s, "x.md", []byte(v), cfg)
		_, want, _ := lintText("x.md", []byte(v), cfg)
		// v2 has a definition: it is parsed and linted whole (see
		// document.Parts).
		if i != 1 && len(doc.Parts()) < 2 {
			t.Fatalf("v%d: %d pieces: the session cached nothing", i+1, len(doc.Parts()))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("v%d: session gives %d findings, Text %d", i+1, len(got), len(want))
		}
	}
}

// BenchmarkSessionEdit5000Lines is the editor's re-lint: a one-character
// edit to a 5,000-line document, then a lint through a Session.
func BenchmarkSessionEdit5000Lines(b *testing.B) {
	text := lines5000(b)
	cfg := Default()
	var s LintCache
	lintCacheText(&s, "long.md", text, cfg)
	rng := rand.New(rand.NewPCG(5, 6))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		at := runeStart(string(text), rng.IntN(len(text)))
		text = append(text[:at:at], append([]byte{'x'}, text[at:]...)...)
		if _, _, err := lintCacheText(&s, "long.md", text, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// runeStart moves at back to the start of the rune holding it.
func runeStart(text string, at int) int {
	for at > 0 && !utf8.RuneStart(text[at]) {
		at--
	}
	return at
}
