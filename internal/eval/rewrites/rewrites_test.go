package rewrites

import (
	"slices"
	"testing"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

func TestSignals(t *testing.T) {
	for _, c := range []struct{ orig, fixed, want string }{
		{"Will send it when things calm down a bit.", "Will send it by [Friday] a bit.", "dangling word"},
		{"The build is green.", "The build is green..", "doubled punctuation"},
		{"Sorry, the build is green.", "the build is green.", "lower-case start"},
		{"The cluster is down.", "The cluster is down. To move this forward, I propose [next step]", "no final mark"},
		{"We ship it.", "We ship ship it.", "repeated word"},
	} {
		if got := Signals(c.orig, c.fixed); !slices.Contains(got, c.want) {
			t.Errorf("Signals(%q) = %v, want %s", c.fixed, got, c.want)
		}
	}
	if got := Signals("The report is ready.", "The report is ready."); len(got) != 0 {
		t.Errorf("an unchanged sentence shows %v", got)
	}
	// A verb that ends an embedded question is not left dangling; one
	// after a subject alone is.
	if got := Signals("Pallet 9 is lost and nobody knows where it is", "Pallet 9 is lost and nobody knows where it is. To move this forward, I propose [next step]."); len(got) != 0 {
		t.Errorf("an embedded question's verb shows %v", got)
	}
	if got := Signals("just checking in on whether the order went in", "did the order go in?"); len(got) != 0 {
		t.Errorf("a phrasal verb's particle shows %v", got)
	}
	if got := Signals("The van is late.", "The van is. I propose [next step]."); !slices.Contains(got, "dangling word") {
		t.Errorf("a verb left without its complement shows %v", got)
	}
}

func TestScore(t *testing.T) {
	items := []model.Item{
		{ID: "a", Source: "synthetic", Text: "Why do I always have to chase finance for PO numbers?", Labels: []string{"complaint"}},
		{ID: "b", Source: "synthetic", Text: "I'll send it soon.", Labels: []string{"vague-timing"}},
		{ID: "c", Source: "synthetic", Text: "I'll send it soon.", Labels: nil},
	}
	ss := Score(items, builtin.All(), lint.Options{Model: lint.ModelOptions{Off: true}})
	var a, b *Scored
	for i := range ss {
		switch {
		case ss[i].ItemID == "c":
			t.Errorf("scored a finding on an item not labelled with its rule: %+v", ss[i])
		case ss[i].ItemID == "a" && ss[i].Rank == 0:
			a = &ss[i]
		case ss[i].ItemID == "b" && ss[i].Rank == 0:
			b = &ss[i]
		}
	}
	if a == nil || b == nil {
		t.Fatalf("missing scores: %+v", ss)
	}
	// "why do I always have to" made the finding: its words are not facts.
	if a.Retention() != 1 || !a.Clean || len(a.Signals) != 0 || slices.Contains(a.Facts, "always") {
		t.Errorf("complaint: %+v", *a)
	}
	if b.Placeholders != 1 || b.Fixed != "I'll send it by [Friday]." || !b.Clean {
		t.Errorf("vague-timing: %+v", *b)
	}
	f := Summarise(ss, true)
	if f["complaint"].Findings != 1 || f["all"].Findings != 2 {
		t.Errorf("summary: complaint %+v, all %+v", *f["complaint"], *f["all"])
	}
}

func TestFramingModelWords(t *testing.T) {
	text := "launch is thursday. this is apocalyptic"
	f := lint.Finding{Span: document.Span{Start: 20, End: len(text)},
		Why: `learned model (76% likely at real-world prevalence), strongest words: "apocalyptic"`}
	got := framing(text, f)
	if len(got) != 1 || text[got[0].Start:got[0].End] != "apocalyptic" {
		t.Errorf("framing of a model finding = %v, want the span of its strongest word", got)
	}
	f.Why = "because"
	if got := framing(text, f); got != nil {
		t.Errorf("framing with no phrase or model words = %v, want none", got)
	}
}

// TestAlarmModifiers checks the closed rule for a crisis alarm's own
// modifiers: adjectives and adverbs right before the alarm are framing;
// names, numbers, nouns and words after the alarm stay facts.
func TestAlarmModifiers(t *testing.T) {
	for _, c := range []struct{ text, phrase, want string }{
		{"Absolute meltdown in the yard.", "meltdown", "Absolute meltdown"},
		{"the queue is on fire. absolute chaos", "chaos", "absolute chaos"},
		{"The Hartwell account is a total catastrophe.", "catastrophe", "total catastrophe"},
		{"this is a full-blown disaster", "disaster", "full-blown disaster"},
		{"This is going to be a PR catastrophe", "catastrophe", "catastrophe"},
		{"the Q3 disaster", "disaster", "disaster"},
		{"the budget disaster", "disaster", "disaster"},
		{"it's a disaster of epic proportions", "disaster", "disaster"},
		{"it's not a total disaster", "disaster", "total disaster"},
	} {
		i := indexWords(c.text, c.phrase)
		sp := document.Span{Start: i, End: i + len(c.phrase)}
		if got := c.text[alarmModifiersStart(c.text, sp):sp.End]; got != c.want {
			t.Errorf("%q: alarm expression %q, want %q", c.text, got, c.want)
		}
	}
}
