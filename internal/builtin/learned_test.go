package builtin

import (
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

// withModel makes the sentence rules use m for the rest of the test.
func withModel(t *testing.T, m *model.Model) {
	t.Helper()
	old := loadModel
	loadModel = func() (*model.Model, error) { return m, nil }
	t.Cleanup(func() { loadModel = old })
}

// handModel returns a model that scores text of rule id at margin +8
// (and everything else at -8 for every rule), fires at 0 at every
// sensitivity and vetoes below veto (if not nil).
func handModel(id, text string, veto *float64) *model.Model {
	m := model.New(12)
	r := model.RuleIndex(id)
	for i := range m.Bias {
		m.Bias[i] = -8
	}
	m.Nudge(text, r, 64)
	zero := 0.0
	m.Thresholds = map[string][model.NumRules]*float64{}
	for _, s := range []string{"balanced", "precise", "thorough"} {
		var th [model.NumRules]*float64
		for i := range th {
			th[i] = &zero
		}
		m.Thresholds[s] = th
	}
	if veto != nil {
		m.Veto[r] = veto
	}
	m.Prepare()
	return m
}

func runRule(t *testing.T, id, text string, opts lint.Options) []lint.Finding {
	t.Helper()
	doc := document.Parse(text, document.Options{})
	return lint.Run(doc, []*lint.Rule{rule(t, id)}, opts)
}

func TestModelOnlyHit(t *testing.T) {
	text := "Wonderful, a fourth template change this quarter for the analysts."
	withModel(t, handModel("complaint", text, nil))
	fs := runRule(t, "complaint", text+"\n", lint.Options{})
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
	}
	f := fs[0]
	if got := text; f.Span != (document.Span{Start: 0, End: len(got)}) {
		t.Errorf("span %+v, want the sentence", f.Span)
	}
	if !strings.HasPrefix(f.Why, "learned model") || !strings.Contains(f.Why, "strongest words:") {
		t.Errorf("why = %q", f.Why)
	}
	// The first fix states the facts without the sarcasm; the second
	// inserts a request after the sentence and keeps every word.
	if len(f.Fixes) != 2 || !f.Fixes[0].NeedsInput || !f.Fixes[0].Preferred {
		t.Fatalf("fixes %+v", f.Fixes)
	}
	got, err := lint.ApplyEdits(text+"\n", f.Fixes[0].Edits)
	if err != nil || !strings.HasPrefix(got, "A fourth template change this quarter for the analysts. Could we agree [a way forward] by [date]?") {
		t.Errorf("first fix gives %q (%v)", got, err)
	}
	got, err = lint.ApplyEdits(text+"\n", f.Fixes[1].Edits)
	if err != nil || !strings.HasPrefix(got, text+" Could we [change]") {
		t.Errorf("second fix gives %q (%v)", got, err)
	}
	// Off: phrases alone, and they find nothing here.
	if fs := runRule(t, "complaint", text+"\n", lint.Options{Model: lint.ModelOptions{Off: true}}); len(fs) != 0 {
		t.Errorf("model off: %d findings", len(fs))
	}
}

func TestModelSkipsQuotedAndReportedSpeech(t *testing.T) {
	text := "Wonderful, a fourth template change this quarter for the analysts."
	withModel(t, handModel("complaint", text, nil))
	if fs := runRule(t, "complaint", "> "+text+"\n", lint.Options{}); len(fs) != 0 {
		t.Errorf("block quote: %d findings", len(fs))
	}
}

func TestModelDefersToPhraseGuards(t *testing.T) {
	// "disaster" is a crisis phrase; the mitigation in the sentence keeps
	// the phrase rule quiet, and the model must not overrule it.
	text := "The outage is a disaster for the EU customers; we'll fail over to the backup region tonight."
	withModel(t, handModel("crisis", text, nil))
	if fs := runRule(t, "crisis", text+"\n", lint.Options{}); len(fs) != 0 {
		t.Errorf("got %d findings: %+v", len(fs), fs)
	}
}

func TestModelProblemOnlyWayForward(t *testing.T) {
	problem := "The supplier shipped the wrong valves for line 4."
	withModel(t, handModel("problem-only", problem, nil))
	if fs := runRule(t, "problem-only", problem+"\n", lint.Options{}); len(fs) != 1 {
		t.Fatalf("bare problem: %d findings, want 1", len(fs))
	}
	// The same problem with a proposal in the same paragraph is no hit.
	with := problem + " I propose we return them and order from the backup vendor today.\n"
	if fs := runRule(t, "problem-only", with, lint.Options{}); len(fs) != 0 {
		t.Errorf("with a proposal: %d findings: %+v", len(fs), fs)
	}
}

func TestModelVeto(t *testing.T) {
	// A phrase hit ("ASAP") in a block the model scores as clearly neutral
	// is dropped; without the veto it stands.
	text := "I'll send the revised deck ASAP."
	if fs := runRule(t, "vague-timing", text+"\n", lint.Options{Model: lint.ModelOptions{Off: true}}); len(fs) != 1 {
		t.Fatalf("phrases alone: %d findings, want 1", len(fs))
	}
	veto := -100.0
	m := handModel("vague-timing", "unrelated words entirely", &veto)
	withModel(t, m)
	if fs := runRule(t, "vague-timing", text+"\n", lint.Options{}); len(fs) != 1 {
		t.Fatalf("veto below -100: %d findings, want 1", len(fs))
	}
	veto = 0 // the text scores -8: below the veto
	m.Prepare()
	if fs := runRule(t, "vague-timing", text+"\n", lint.Options{}); len(fs) != 0 {
		t.Errorf("vetoed: %d findings, want 0", len(fs))
	}
}

func TestPhraseHitsSayWhy(t *testing.T) {
	fs := runRule(t, "vague-timing", "I'll send the revised deck ASAP.\n", lint.Options{Model: lint.ModelOptions{Off: true}})
	if len(fs) != 1 || fs[0].Why != `phrase "asap"` {
		t.Fatalf("findings %+v", fs)
	}
}

func TestModelAlone(t *testing.T) {
	text := "I'll send the revised deck ASAP."
	m := handModel("complaint", "unrelated words entirely", nil)
	withModel(t, m)
	if fs := runRule(t, "vague-timing", text+"\n", lint.Options{Model: lint.ModelOptions{Alone: true}}); len(fs) != 0 {
		t.Errorf("model alone: the phrase hit must not count: %+v", fs)
	}
}

// TestExamplesWithModel checks each documented example of a sentence rule
// with the embedded model on, as users run it: the model may add no
// finding to a documented non-hit and veto no documented hit.
func TestExamplesWithModel(t *testing.T) {
	for _, r := range sentenceRules() {
		for _, e := range r.Examples {
			doc := document.Parse(e.Text+"\n", document.Options{})
			fs := lint.Run(doc, []*lint.Rule{r}, lint.Options{})
			if got := len(fs) > 0; got != e.Hit {
				t.Errorf("%s example %q: fired %v, want %v (%v)", r.ID, e.Text, got, e.Hit, fs)
			}
		}
	}
}

func TestModelPartsCanBeMeasuredApart(t *testing.T) {
	text := "I'll send the revised deck ASAP."
	veto := 0.0
	withModel(t, handModel("vague-timing", "unrelated words entirely", &veto))
	if fs := runRule(t, "vague-timing", text+"\n", lint.Options{Model: lint.ModelOptions{NoVeto: true}}); len(fs) != 1 {
		t.Errorf("NoVeto: %d findings, want the phrase hit", len(fs))
	}
	other := "Wonderful, a fourth template change this quarter for the analysts."
	withModel(t, handModel("complaint", other, nil))
	if fs := runRule(t, "complaint", other+"\n", lint.Options{Model: lint.ModelOptions{NoAdd: true}}); len(fs) != 0 {
		t.Errorf("NoAdd: %d findings, want none", len(fs))
	}
}

func TestModelSkipsTinyBlocks(t *testing.T) {
	withModel(t, handModel("complaint", "Another item.", nil))
	if fs := runRule(t, "complaint", "- Another item.\n", lint.Options{}); len(fs) != 0 {
		t.Errorf("two words: %d findings, want none", len(fs))
	}
	withModel(t, handModel("complaint", "Another reorg, just wonderful.", nil))
	if fs := runRule(t, "complaint", "- Another reorg, just wonderful.\n", lint.Options{}); len(fs) != 1 {
		t.Errorf("four words: %d findings, want 1", len(fs))
	}
	// A table cell is data, not prose the model learned from.
	withModel(t, handModel("crisis", "Total database projects processed", nil))
	if fs := runRule(t, "crisis", "| a | b |\n|---|---|\n| Total database projects processed | 5 |\n", lint.Options{}); len(fs) != 0 {
		t.Errorf("table cell: %d findings, want none", len(fs))
	}
}
