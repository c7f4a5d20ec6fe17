package builtin

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/lint/linttest"
)

var sentenceRuleIDs = []string{"problem-only", "complaint", "open-question", "hedging", "vague-timing", "crisis"}

// rule returns the built-in rule with the given ID (see Lookup).
func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	r := Lookup(id)
	if r == nil {
		t.Fatalf("no built-in rule %q", id)
	}
	return r
}

// phrasesOnly runs the sentence rules with the learned model off: the
// fixtures and cue tables of each rule pin down what its phrases do. The
// model's part is tested in learned_test.go and measured by
// `go run ./cmd/upward-train -dev` and upward-eval -frozen.
var phrasesOnly = lint.Options{Model: lint.ModelOptions{Off: true}}

// runFixtures runs one sentence rule alone over its fixtures,
// testdata/rules/<id>/, with the model off; each rule's _test.go calls it.
// The fixtures under testdata/rules/<id>/model/ run with the model on, as
// users run it: they pin down the rewrites of findings that only the
// model makes, and every finding in them must be one (see
// checkModelOnly). Update the goldens with:
// go test ./internal/builtin -run Fixtures -update
func runFixtures(t *testing.T, id string) {
	dir := filepath.Join("..", "..", "testdata", "rules", id)
	files, err := linttest.Fixtures(dir)
	if err != nil {
		t.Fatal(err)
	}
	modelDir := filepath.Join(dir, "model") + string(filepath.Separator)
	var phrases, model []string
	for _, f := range files {
		if strings.HasPrefix(f, modelDir) {
			model = append(model, f)
		} else {
			phrases = append(phrases, f)
		}
	}
	linttest.RunFilesWith(t, dir, phrases, phrasesOnly, rule(t, id))
	if len(model) > 0 {
		linttest.RunFilesWith(t, dir, model, lint.Options{}, rule(t, id))
		checkModelOnly(t, id, model)
	}
}

// checkModelOnly fails for a finding of rule id in the files that the
// learned model did not make alone: such a fixture would test the phrases
// again, not the model's rewrites.
func checkModelOnly(t *testing.T, id string, files []string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		format, _ := document.FormatOf(f)
		if format != document.Markdown {
			t.Errorf("%s: model fixtures are Markdown", f)
			continue
		}
		doc := document.Parse(string(data), document.Options{URI: f, Format: format})
		for _, fd := range lint.Run(doc, []*lint.Rule{rule(t, id)}, lint.Options{}) {
			if !strings.HasPrefix(fd.Why, "learned model") {
				t.Errorf("%s: %q is a finding of %s's phrases (%s), not of the model alone", f, doc.Text[fd.Span.Start:fd.Span.End], id, fd.Why)
			}
		}
	}
}

func TestSentenceRulesInCatalogueOrder(t *testing.T) {
	rs := sentenceRules()
	if len(rs) != len(sentenceRuleIDs) {
		t.Fatalf("got %d sentence rules, want %d", len(rs), len(sentenceRuleIDs))
	}
	for i, r := range rs {
		if r.ID != sentenceRuleIDs[i] || r.ID != IDs[i] {
			t.Errorf("rule %d is %q, want %q", i, r.ID, sentenceRuleIDs[i])
		}
		if r.Scope != lint.SentenceScope || r.Run == nil {
			t.Errorf("%s: scope %v, run set %v", r.ID, r.Scope, r.Run != nil)
		}
	}
}

// TestBuiltinRulesDocumented checks every built-in rule carries its
// documentation: title, doc, principle, source, hit and non-hit examples,
// and a before/after rewrite.
func TestBuiltinRulesDocumented(t *testing.T) {
	for _, r := range All() {
		var hits, misses int
		for _, e := range r.Examples {
			if e.Hit {
				hits++
			} else {
				misses++
			}
		}
		for what, ok := range map[string]bool{
			"title": r.Title != "", "doc": r.Doc != "", "principle": r.Principle != "", "source": r.Source != "",
			"hit example": hits > 0, "non-hit example": misses > 0, "before": r.Before != "", "after": r.After != "",
		} {
			if !ok {
				t.Errorf("%s: no %s", r.ID, what)
			}
		}
	}
}

// run lints text (Markdown) with one rule.
func run(t *testing.T, id, text string) (*document.Document, []lint.Finding) {
	t.Helper()
	doc := document.Parse(text, document.Options{})
	return doc, lint.Run(doc, []*lint.Rule{rule(t, id)}, phrasesOnly)
}

// TestCatalogueRewrites checks that the catalogue's rewrite examples come
// out exactly as written there, through each finding's first fix.
func TestCatalogueRewrites(t *testing.T) {
	tests := []struct {
		rule, before, after string
		needsInput          bool
	}{
		{"problem-only", "This won't work because of the vendor's API limits.",
			"The vendor's API limits will make this difficult. If we [batch the calls], it has a better chance of success.", true},
		{"complaint", "I can't keep doing this. I'm exhausted.",
			"A break in the next couple of months would help me recharge. How do [these dates] work?", true},
		{"complaint", "Nobody told me the launch moved.", "Could you loop me in when the launch date changes?", false},
		{"open-question", "What should I do?", "I recommend [option A] over [option B] because [reason]. Does that work for you?", true},
		{"hedging", "Sorry to bother you, but the report is ready.", "The report is ready.", false},
		{"vague-timing", "I'll send it soon.", "I'll send it by [Friday].", true},
	}
	for _, tc := range tests {
		doc, fs := run(t, tc.rule, tc.before)
		if len(fs) != 1 {
			t.Errorf("%s on %q: %d findings, want 1", tc.rule, tc.before, len(fs))
			continue
		}
		if len(fs[0].Fixes) == 0 {
			t.Errorf("%s on %q: no fix", tc.rule, tc.before)
			continue
		}
		fx := fs[0].Fixes[0]
		got, err := lint.ApplyEdits(doc.Text, fx.Edits)
		if err != nil || got != tc.after {
			t.Errorf("%s on %q: fix gives %q (err %v), want %q", tc.rule, tc.before, got, err, tc.after)
		}
		if fx.NeedsInput != tc.needsInput {
			t.Errorf("%s on %q: NeedsInput = %v, want %v", tc.rule, tc.before, fx.NeedsInput, tc.needsInput)
		}
		// The catalogue's example must also be the rule's documented rewrite.
		r := rule(t, tc.rule)
		if r.Before == tc.before && r.After != tc.after {
			t.Errorf("%s: documented after %q, want %q", tc.rule, r.After, tc.after)
		}
	}
}

// TestFindings checks exact flagged text and fixed text on more wordings.
func TestFindings(t *testing.T) {
	tests := []struct {
		rule, text string
		want       string // flagged text; "" means no finding
		fixed      string // text after the first fix; "" skips the check
	}{
		{"problem-only", "The deploy is blocked.", "The deploy is blocked.", "The deploy is blocked. To move this forward, I propose [next step]."},
		{"problem-only", "The deploy is blocked. I'll ask Ops for access today.", "", ""},
		{"problem-only", "- The tests fail on ARM.\n  - I'm bisecting the change.\n", "", ""},
		{"problem-only", "The migration doesn't scale because of the row locks.", "The migration doesn't scale because of the row locks.",
			"The row locks will make the migration difficult. If we [change the approach], it has a better chance of success."},
		{"problem-only", "Is the deploy blocked?", "", ""},
		{"problem-only", "Discussed the release blockers for 3.11.", "", ""},
		{"problem-only", "Security release delayed from Tuesday to Thursday.", "", ""},
		{"problem-only", "[Crash when saving large files · Issue #12](https://example.com/12)", "", ""},
		{"complaint", "Nobody told me that the API was deprecated.", "Nobody told me that the API was deprecated.", "Could you loop me in when the API is deprecated?"},
		{"complaint", "Nobody told me the plan changed.", "Nobody told me the plan changed.", "Could you loop me in when the plan changes?"},
		{"complaint", "As usual, the build broke.", "As usual", "The build broke. Could we agree [a way forward] by [date]?"},
		{"complaint", "I'm exhausted, could we move the review to Friday?", "", ""},
		{"open-question", "Any ideas?", "Any ideas?", ""},
		{"open-question", "Any ideas? Maybe we could ship on Friday.", "", ""},
		{"open-question", "How should we handle this: ship now or wait?", "", ""},
		{"hedging", "I just wanted to let you know that the report is ready.", "I just wanted to let you know that", "The report is ready."},
		{"hedging", "Does that make sense?", "Does that make sense", ""},
		{"hedging", "We should cache it, if that makes sense.", "if that makes sense", "We should cache it."},
		{"hedging", "Matteo just wanted to flag the travel budget.", "", ""}, // reported speech
		{"hedging", "I just wanted to flag the travel budget.", "just wanted to", "I wanted to flag the travel budget."},
		{"hedging", "I'm sorry the build broke; the revert is in.", "", ""},
		{"vague-timing", "In the coming months we hope to publish guidelines.", "In the coming months", "By [Friday] we hope to publish guidelines."},
		{"vague-timing", "I'll keep you posted.", "keep you posted", "I'll send you an update by [Friday]."},
		{"vague-timing", "Stay tuned for more!", "Stay tuned", "Stay tuned for more! Next update: [date]."},
		{"vague-timing", "I'll send it soon, by Friday.", "", ""},
		{"vague-timing", "Once they are eventually ported, the shell will need updates.", "", ""},
		{"vague-timing", "Probably not going to do that anytime soon.", "", ""},
		{"crisis", "The launch is a disaster.", "disaster", "[What has gone wrong] puts the launch at risk. To contain it, I propose [mitigation]."},
		{"crisis", "This is a disaster.", "disaster", "This puts [what] at risk by [when]. To contain it, I propose [mitigation]."},
		{"crisis", "The vendor missed the cutover. This is a disaster.", "disaster", "The vendor missed the cutover. This puts [what] at risk by [when]. To contain it, I propose [mitigation]."},
		{"crisis", "The launch is a disaster; the rollback is running now.", "", ""},
	}
	for _, tc := range tests {
		doc, fs := run(t, tc.rule, tc.text)
		if tc.want == "" {
			for _, f := range fs {
				t.Errorf("%s on %q: unexpected finding %q", tc.rule, tc.text, doc.Text[f.Span.Start:f.Span.End])
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%s on %q: %d findings, want 1", tc.rule, tc.text, len(fs))
			continue
		}
		if got := doc.Text[fs[0].Span.Start:fs[0].Span.End]; got != tc.want {
			t.Errorf("%s on %q: flagged %q, want %q", tc.rule, tc.text, got, tc.want)
		}
		if fs[0].Message == "" || strings.Contains(fs[0].Message, "{") {
			t.Errorf("%s on %q: bad message %q", tc.rule, tc.text, fs[0].Message)
		}
		if tc.fixed == "" {
			continue
		}
		if len(fs[0].Fixes) == 0 {
			t.Errorf("%s on %q: no fix", tc.rule, tc.text)
			continue
		}
		got, err := lint.ApplyEdits(doc.Text, fs[0].Fixes[0].Edits)
		if err != nil || got != tc.fixed {
			t.Errorf("%s on %q: fix gives %q (err %v), want %q", tc.rule, tc.text, got, err, tc.fixed)
		}
	}
}

// TestExtraPhrases checks that phrases added in the config trigger the rule
// (with the model off: it rightly reads "kaput" as alarm without help).
func TestExtraPhrases(t *testing.T) {
	text := "The rollout is kaput.\n"
	off := lint.ModelOptions{Off: true}
	for _, id := range []string{"problem-only", "complaint", "hedging", "crisis", "open-question", "vague-timing"} {
		doc := document.Parse(text, document.Options{})
		rs := []*lint.Rule{rule(t, id)}
		if fs := lint.Run(doc, rs, lint.Options{Model: off}); len(fs) != 0 {
			t.Fatalf("%s: fired without the extra phrase", id)
		}
		fs := lint.Run(doc, rs, lint.Options{Model: off, Extra: map[string][]string{id: {"kaput"}}})
		if id == "vague-timing" || id == "open-question" {
			// These still need their context: no promise, no open question here.
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%s: %d findings with extra phrase, want 1", id, len(fs))
		}
	}
	doc := document.Parse("I'll do it by and by.\n", document.Options{})
	fs := lint.Run(doc, []*lint.Rule{rule(t, "vague-timing")}, lint.Options{Extra: map[string][]string{"vague-timing": {"by and by"}}})
	if len(fs) != 1 || doc.Text[fs[0].Span.Start:fs[0].Span.End] != "by and by" {
		t.Errorf("vague-timing extra phrase: %v", fs)
	}
}

func TestNewPhraseRule(t *testing.T) {
	r, err := NewPhraseRule("no-synergy", "Say what you mean.", []string{"synergy", "circle back"}, "follow up", lint.Info)
	if err != nil {
		t.Fatal(err)
	}
	doc := document.Parse("We'll circle\nback on the Synergy plan. `synergy` in code is fine.\n", document.Options{})
	fs := lint.Run(doc, []*lint.Rule{r}, lint.Options{})
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2: %v", len(fs), fs)
	}
	if got := doc.Text[fs[0].Span.Start:fs[0].Span.End]; got != "circle\nback" {
		t.Errorf("first finding %q", got)
	}
	if fs[1].Severity != lint.Info || fs[1].RuleID != "no-synergy" || fs[1].Message != "Say what you mean." {
		t.Errorf("finding %+v", fs[1])
	}
	out, n, err := lint.FixAll(doc.Text, fs)
	if err != nil || n != 2 || out != "We'll follow up on the follow up plan. `synergy` in code is fine.\n" {
		t.Errorf("FixAll = %q, %d, %v", out, n, err)
	}

	r2, _ := NewPhraseRule("ph", "Fill it in.", []string{"TBD"}, "[date]", lint.Warning)
	fs = lint.Run(document.Parse("Ships TBD.", document.Options{}), []*lint.Rule{r2}, lint.Options{})
	if len(fs) != 1 || !fs[0].Fixes[0].NeedsInput {
		t.Errorf("placeholder replacement: %+v", fs)
	}
	r3, _ := NewPhraseRule("nofix", "No.", []string{"TBD"}, "", lint.Warning)
	fs = lint.Run(document.Parse("Ships TBD.", document.Options{}), []*lint.Rule{r3}, lint.Options{})
	if len(fs) != 1 || len(fs[0].Fixes) != 0 {
		t.Errorf("empty replacement: %+v", fs)
	}
	for _, bad := range [][]string{nil, {"  "}, {"{word} x"}} {
		if _, err := NewPhraseRule("x", "m", bad, "", lint.Warning); err == nil {
			t.Errorf("NewPhraseRule(%q): no error", bad)
		}
	}
	if _, err := NewPhraseRule("", "m", []string{"a"}, "", lint.Warning); err == nil {
		t.Error("empty id: no error")
	}
}

// TestParallelRunsKeepTheirOwnScan lints many documents in parallel and
// checks each run gets its own findings: the phrase scan is shared only
// between the rules of one run.
func TestParallelRunsKeepTheirOwnScan(t *testing.T) {
	texts := []string{
		"I'll send it soon.\n", "Sorry to bother you, but the report is ready.\n", "What should I do?\n",
		"The migration is a total mess.\n", "Nobody told me the launch moved.\n", "The deploy is blocked.\n",
	}
	// An alarm states a problem too: problem-only co-reports it.
	want := []string{"vague-timing", "hedging", "open-question", "problem-only crisis", "complaint", "problem-only"}
	rules := sentenceRules()
	done := make(chan error, 60)
	for i := 0; i < 60; i++ {
		go func(i int) {
			k := i % len(texts)
			doc := document.Parse(texts[k], document.Options{})
			fs := lint.Run(doc, rules, lint.Options{})
			var ids []string
			for _, f := range fs {
				ids = append(ids, f.RuleID)
			}
			if got := strings.Join(ids, " "); got != want[k] {
				done <- fmt.Errorf("%q: got %v, want %s", texts[k], fs, want[k])
				return
			}
			done <- nil
		}(i)
	}
	for i := 0; i < 60; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestLongestMatchesNaive checks longest against the plain quadratic
// definition over random sets of hits, ties and nesting included.
func TestLongestMatchesNaive(t *testing.T) {
	naive := func(hs []hit) []hit {
		var out []hit
		for _, h := range hs {
			inside := false
			for _, o := range hs {
				if o.span.Contains(h.span) && o.span.Len() > h.span.Len() {
					inside = true
				}
			}
			if !inside {
				out = append(out, h)
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	groups := []*phraseGroup{{name: "a"}, {name: "b"}, {name: "c"}}
	for range 2000 {
		hs := make([]hit, rng.IntN(12))
		for i := range hs {
			s := rng.IntN(20)
			hs[i] = hit{span: document.Span{Start: s, End: s + rng.IntN(6)}, group: groups[rng.IntN(3)]}
		}
		if got, want := longest(hs), naive(hs); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("longest(%v) = %v, want %v", hs, got, want)
		}
	}
}

// TestSentenceAt checks the binary search against a scan, at every offset.
func TestSentenceAt(t *testing.T) {
	doc := document.Parse("One two. Three four!  Five?\n\nSix.", document.Options{Format: document.Markdown})
	for bi := range doc.Blocks {
		v := blockView{doc: doc, b: &doc.Blocks[bi], idx: bi}
		for off := -1; off <= len(doc.Text); off++ {
			want := -1
			for i, s := range v.b.Sentences {
				if s.Start <= off && off < s.End {
					want = i
					break
				}
			}
			if got := v.sentenceAt(off); got != want {
				t.Errorf("block %d: sentenceAt(%d) = %d, want %d", bi, off, got, want)
			}
		}
	}
}

// TestFirstLastWord checks firstWord, lastWord and lastWords against strings.Fields, on random
// strings of words, punctuation and ASCII and Unicode spaces.
func TestFirstLastWord(t *testing.T) {
	parts := []string{"a", "Bé", "(x)", ",", ";", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "word:", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		f := strings.Fields(s)
		wantFirst, wantLast := "", ""
		if len(f) > 0 {
			wantFirst, wantLast = strings.Trim(f[0], ",;:()"), strings.Trim(f[len(f)-1], ",;:()")
		}
		if got := firstWord(s); got != wantFirst {
			t.Fatalf("firstWord(%q) = %q, want %q", s, got, wantFirst)
		}
		if got := lastWord(s); got != wantLast {
			t.Fatalf("lastWord(%q) = %q, want %q", s, got, wantLast)
		}
		lf := strings.Fields(strings.ToLower(s))
		for n := range 4 {
			want := lf[max(0, len(lf)-n):]
			if got := lastWords(s, n); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("lastWords(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// TestSpanIndexes checks containers and overlapping against the plain
// definitions, over random sets of spans.
func TestSpanIndexes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	span := func() document.Span {
		s := rng.IntN(20)
		return document.Span{Start: s, End: s + rng.IntN(6)}
	}
	for range 3000 {
		set := make([]document.Span, rng.IntN(8))
		for i := range set {
			set[i] = span()
		}
		c, o, cv := newContainers(set), newOverlapping(set), newCovering(set)
		for range 5 {
			q := span()
			in, over, covered := false, false, false
			for _, s := range set {
				in = in || s.Contains(q) && s.Len() > q.Len()
				over = over || s.Overlaps(q)
				covered = covered || s.Contains(q)
			}
			if got := cv.covers(q); got != covered {
				t.Fatalf("covering(%v).covers(%v) = %v, want %v", set, q, got, covered)
			}
			if got := c.inside(q); got != in {
				t.Fatalf("containers(%v).inside(%v) = %v, want %v", set, q, got, in)
			}
			if got := o.overlaps(q); got != over {
				t.Fatalf("overlapping(%v).overlaps(%v) = %v, want %v", set, q, got, over)
			}
		}
	}
}
