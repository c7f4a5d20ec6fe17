package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// wordRule fires on any block containing word.
func wordRule(id, word string) *lint.Rule {
	return &lint.Rule{ID: id, Scope: lint.SentenceScope, Run: func(p *lint.Pass) {
		for _, b := range p.Doc.Blocks {
			if i := strings.Index(b.Text, word); i >= 0 {
				p.Report(lint.Finding{Span: document.Span{Start: b.Span.Start + i, End: b.Span.Start + i + len(word)}, Message: word})
			}
		}
	}}
}

func TestScoreSentencesSynthetic(t *testing.T) {
	items := []SentenceItem{
		{ID: "1", Source: "a.md", Text: "- alpha here", Labels: []string{"a"}},        // a: TP
		{ID: "2", Source: "a.md", Text: "- alpha again", Labels: nil},                 // a: FP
		{ID: "3", Source: "a.md", Text: "nothing", Labels: []string{"a", "b"}},        // a: FN, b: FN
		{ID: "4", Source: "a.md", Text: "beta and alpha", Labels: []string{"a", "b"}}, // a: TP, b: TP
		{ID: "5", Source: "a.txt", Text: "beta", Labels: []string{"b"}},               // b: TP (plain text)
	}
	rep := ScoreSentences(items, []*lint.Rule{wordRule("a", "alpha"), wordRule("b", "beta")}, lint.Options{})
	want := map[string]Counts{"a": {TP: 2, FP: 1, FN: 1}, "b": {TP: 2, FP: 0, FN: 1}}
	for id, w := range want {
		if got := *rep.Counts[id]; got != w {
			t.Errorf("%s: got %+v, want %+v", id, got, w)
		}
	}
	m := rep.Micro()
	if m != (Counts{TP: 4, FP: 1, FN: 2}) {
		t.Errorf("micro = %+v", m)
	}
	if p, r := m.Precision(), m.Recall(); p != 0.8 || r != 4.0/6 {
		t.Errorf("micro P/R = %v/%v", p, r)
	}
	if f := (Counts{TP: 1, FP: 1, FN: 1}).F1(); f != 0.5 {
		t.Errorf("F1 = %v", f)
	}
	if (Counts{}).Precision() != 0 || (Counts{}).F1() != 0 {
		t.Error("empty counts should score 0")
	}
	var buf bytes.Buffer
	rep.Write(&buf, true)
	out := buf.String()
	for _, s := range []string{"micro-average", "FP a 2: - alpha again", "FN b 3: nothing", "0.67"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
}

// TestBuiltinRulesOnSyntheticSet scores the real sentence rules on a few
// hand-written items, one hit and one near miss per rule.
func TestBuiltinRulesOnSyntheticSet(t *testing.T) {
	items := []SentenceItem{
		{ID: "p1", Source: "x.md", Text: "- The deploy is blocked and staging is broken.", Labels: []string{"problem-only"}},
		{ID: "p0", Source: "x.md", Text: "- The deploy is blocked; I'm asking Ops for access.", Labels: nil},
		{ID: "c1", Source: "x.md", Text: "Nobody told me the launch moved.", Labels: []string{"complaint"}},
		{ID: "c0", Source: "x.md", Text: "Could we move the review to Friday?", Labels: nil},
		{ID: "o1", Source: "x.md", Text: "What should I do?", Labels: []string{"open-question"}},
		{ID: "o0", Source: "x.md", Text: "Should we ship Friday or wait for the fix?", Labels: nil},
		{ID: "h1", Source: "x.md", Text: "Sorry to bother you, but the report is ready.", Labels: []string{"hedging"}},
		{ID: "h0", Source: "x.md", Text: "I'm not sure the vendor ships on Friday.", Labels: nil},
		{ID: "v1", Source: "x.md", Text: "I'll send it soon.", Labels: []string{"vague-timing"}},
		{ID: "v0", Source: "x.md", Text: "I'll send it tomorrow at 10.", Labels: nil},
		// An alarm states a problem too: labellers tag both rules.
		{ID: "k1", Source: "x.md", Text: "Everything is on fire.", Labels: []string{"crisis", "problem-only"}},
		{ID: "k0", Source: "x.md", Text: "It was not a disaster; two builds failed and are fixed.", Labels: nil},
	}
	rep := ScoreSentences(items, builtin.All(), lint.Options{Model: lint.ModelOptions{Off: true}})
	if len(rep.Rules) != 6 {
		t.Fatalf("scored %d sentence rules, want 6: %v", len(rep.Rules), rep.Rules)
	}
	for _, id := range rep.Rules {
		want := Counts{TP: 1}
		if id == "problem-only" {
			want.TP = 2 // p1 and k1
		}
		if c := *rep.Counts[id]; c != want {
			t.Errorf("%s: %+v, want %+v", id, c, want)
		}
	}
}

// TestDevSetParses reads the real development set when it is present.
func TestDevSetParses(t *testing.T) {
	shared, err := FindShared(".")
	if err != nil {
		t.Skip("no shared dev set:", err)
	}
	sents, err := ReadJSONL[SentenceItem](filepath.Join(shared, "eval", "dev-sentences.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) < 100 {
		t.Fatalf("only %d sentence items", len(sents))
	}
	for _, it := range sents {
		if it.ID == "" || it.Text == "" || it.Source == "" {
			t.Errorf("incomplete item %+v", it)
		}
	}
	docs, err := ReadJSONL[DocumentItem](filepath.Join(shared, "eval", "dev-documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ScoreDocuments(shared, docs, builtin.All())
	if err != nil {
		t.Fatal(err)
	}
	if rep.KindTotal != len(docs) || len(rep.Rules) != 5 {
		t.Errorf("scored %d documents and %d rules", rep.KindTotal, len(rep.Rules))
	}
}

func TestReadJSONLError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(p, []byte("{\"id\": \"1\"}\n{oops\n"), 0o644)
	if _, err := ReadJSONL[SentenceItem](p); err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
}

func TestFindSharedMissing(t *testing.T) {
	if _, err := FindShared(t.TempDir()); err == nil {
		t.Error("no error outside a module")
	}
}

// TestSyntheticItemsParseAsMarkdown checks items with source "synthetic"
// are parsed as Markdown with no URI, and others by their file's extension.
func TestSyntheticItemsParseAsMarkdown(t *testing.T) {
	if o := ItemOptions(Synthetic); o.Format != document.Markdown || o.URI != "" {
		t.Errorf("synthetic options = %+v, want Markdown with no URI", o)
	}
	if o := ItemOptions("notes/a.txt"); o.Format != document.PlainText || o.URI != "notes/a.txt" {
		t.Errorf("a.txt options = %+v, want plain text with its URI", o)
	}
	doc := document.Parse("- alpha here", ItemOptions(Synthetic))
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != document.ListItem {
		t.Errorf("synthetic \"- alpha here\" parsed as %+v, want a list item", doc.Blocks)
	}
}
