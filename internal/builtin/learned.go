package builtin

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

// How a sentence rule combines its phrases with the learned model
// (internal/model):
//
//   - A phrase hit stands, unless the model scores its block as clearly
//     neutral for the rule (the veto margin the trainer chose).
//   - Where the rule's phrases matched in a block, the phrase rule's
//     guards have decided (negation, mitigation, options offered, a real
//     apology...): the model adds nothing there.
//   - Where the rule's phrases found nothing in a block and the model's
//     score for the rule reaches the threshold of the configured
//     sensitivity, the finding spans the sentence the model scores highest,
//     and its fix inserts the rule's template with [placeholders] after
//     that sentence, keeping every word the writer wrote.
//   - The rule's own guards still apply to model hits: nothing in a block
//     quote (reported speech), and problem-only's way-forward check vetoes
//     a problem whose unit offers a proposal, next step or owner.
//
// Findings say why they fired (lint.Finding.Why): the phrases matched, or
// the model's strongest words.

// learnedRule wraps a sentence rule's phrase matcher with the model. gate,
// if not nil, says whether a model hit in the block may stand.
func learnedRule(r *lint.Rule, mt modelText, gate func(v blockView) bool) {
	phrases := r.Run
	ri := model.RuleIndex(r.ID)
	fixTitle, fixText := modelFixTitles[r.ID], mt.fix
	msg := mt.msg
	r.Run = func(p *lint.Pass) {
		m, err := loadModel()
		if p.Model.Off || err != nil || ri < 0 {
			m = nil // phrases alone
		}
		sens, _ := model.ParseSensitivity(p.Model.Sensitivity)
		if p.Model.Sensitivity == "" {
			sens = model.Balanced
		}
		var fs []lint.Finding
		if !p.Model.Alone || m == nil {
			fs = collect(p, phrases)
		}
		var scores []model.Scores
		if m != nil {
			scores = modelScores(p, m)
		}
		k := 0
		eachBlock(p, func(v blockView) {
			in := 0
			for ; k < len(fs) && fs[k].Span.Start < v.b.Span.End; k++ {
				f := fs[k]
				if f.Span.Start < v.b.Span.Start {
					p.Report(explained(p, f, -1)) // outside every block sentence rules read
					continue
				}
				in++
				if m != nil && !p.Model.NoVeto && m.Vetoes(ri, scores[v.idx][ri]) {
					continue
				}
				p.Report(explained(p, f, v.idx))
			}
			if m == nil || in > 0 || p.Model.NoAdd || v.b.Quoted || !m.Fires(ri, scores[v.idx][ri], sens) || matched(v, r.ID) || !modelReads(v.b) {
				return
			}
			if gate != nil && !gate(v) {
				return
			}
			si := bestSentence(m, v, ri)
			if si < 0 {
				return
			}
			span := trimSentence(v, v.b.Sentences[si])
			if span.Len() == 0 || v.quoted(span) {
				return
			}
			f := lint.Finding{Span: span, Message: msg, Why: modelWhy(m, v, span, ri, scores[v.idx][ri])}
			if fixText != "" && fixTitle != "" {
				f.Fixes = []lint.Fix{{
					Title:      fixTitle,
					Edits:      []lint.Edit{{Span: document.Span{Start: span.End, End: span.End}, NewText: " " + fixText}},
					NeedsInput: true,
					Preferred:  true,
				}}
			}
			p.Report(f)
		})
		for ; k < len(fs); k++ {
			p.Report(explained(p, fs[k], -1))
		}
	}
}

// collect returns the findings of the rule's phrases in document order.
func collect(p *lint.Pass, phrases func(*lint.Pass)) []lint.Finding {
	fs := p.Collect(phrases)
	slices.SortStableFunc(fs, func(a, b lint.Finding) int { return a.Span.Start - b.Span.Start })
	return fs
}

// minModelWords is the fewest words of a block the model flags on its
// own: on fewer, one n-gram decides ("Another item." read as sarcasm,
// "Total database projects" as alarm), and only 8 of the 3,300 labelled
// training items are that short.
const minModelWords = 4

// modelReads reports whether the model may flag block b on its own: a
// paragraph or list item, the kinds of text it learned from (not a table
// cell), of at least minModelWords words.
func modelReads(b *document.Block) bool {
	if b.Kind == document.TableCell {
		return false
	}
	n := 0
	for _, w := range strings.Fields(b.Text) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			if n++; n >= minModelWords {
				return true
			}
		}
	}
	return false
}

// matched reports whether any phrase of the rule matched in the block.
func matched(v blockView, rule string) bool {
	for _, h := range v.scan.hits[v.idx] {
		if h.group.rule == rule {
			return true
		}
	}
	return false
}

// loadModel returns the model the sentence rules use; tests swap it.
var loadModel = model.Default

// SetModel makes the sentence rules use m instead of the embedded model,
// for evaluation tools (cmd/upward-train -dev); nil restores the embedded
// one. It must not be called while rules run.
func SetModel(m *model.Model) {
	if m == nil {
		loadModel = model.Default
		return
	}
	loadModel = func() (*model.Model, error) { return m, nil }
}

// modelFixTitles name the fix of a model-only hit: the rule file's
// "model" replacement inserted after the flagged sentence, so that nothing
// the writer wrote is lost. Hedging has none: without a phrase there is
// nothing to take out.
var modelFixTitles = map[string]string{
	"problem-only":  "Add a next step",
	"complaint":     "Add a request",
	"open-question": "Add a recommendation",
	"vague-timing":  "Add a date",
	"crisis":        "Add impact and mitigation",
}

// modelKey is the lint.Pass.Memo key of a document's block scores.
type modelKey struct{}

// modelScores returns the model's scores of every block sentence rules
// read (zero for the others), computed once per run for all six rules.
func modelScores(p *lint.Pass, m *model.Model) []model.Scores {
	return p.Memo(modelKey{}, func() any {
		out := make([]model.Scores, len(p.Doc.Blocks))
		eachBlock(p, func(v blockView) { out[v.idx] = blockScore(m, v) })
		return out
	}).([]model.Scores)
}

// window is how many sentences of a long block are scored together: the
// model learned from paragraphs and list items of one to four sentences.
const window = 3

// blockScore scores a block as a whole, or, past four sentences, as the
// highest score of each run of three sentences.
func blockScore(m *model.Model, v blockView) model.Scores {
	ss := v.b.Sentences
	if len(ss) <= 4 {
		return m.Score(v.b.Text)
	}
	var best model.Scores
	for i := 0; i+window <= len(ss); i++ {
		s := m.Score(v.masked(document.Span{Start: ss[i].Start, End: ss[i+window-1].End}))
		for r := range best {
			if i == 0 || s[r] > best[r] {
				best[r] = s[r]
			}
		}
	}
	return best
}

// bestSentence returns the index of the block's sentence the model scores
// highest for rule ri.
func bestSentence(m *model.Model, v blockView, ri int) int {
	ss := v.b.Sentences
	if len(ss) == 1 {
		return 0
	}
	best, bi := float32(0), -1
	for i, s := range ss {
		if sc := m.Score(v.masked(s))[ri]; bi < 0 || sc > best {
			best, bi = sc, i
		}
	}
	return bi
}

// modelWhy explains a model hit by the words of the span that pushed the
// rule's score up the most.
func modelWhy(m *model.Model, v blockView, span document.Span, ri int, score float32) string {
	text := v.masked(span)
	var words []string
	for _, c := range m.Explain(text, ri, 3) {
		words = append(words, fmt.Sprintf("%q", text[c.Start:c.End]))
	}
	why := fmt.Sprintf("learned model (%.0f%% likely at real-world prevalence)", 100*m.Probability(ri, score))
	if len(words) > 0 {
		why += ", strongest words: " + strings.Join(words, ", ")
	}
	return why
}

// maxPhrase bounds the length of a phrase hit, in bytes (see explained).
const maxPhrase = 512

// explained fills in Why for a phrase hit of block bi (-1: unknown): the
// rule's phrases inside its span.
func explained(p *lint.Pass, f lint.Finding, bi int) lint.Finding {
	if f.Why != "" {
		return f
	}
	var phrases []string
	if bi >= 0 {
		hs := scanDoc(p).hits[bi]
		// Hits are in order of their start; a hit that holds the finding
		// starts at most maxPhrase bytes before it, so a binary search
		// keeps a block of thousands of findings linear.
		from, _ := slices.BinarySearchFunc(hs, f.Span.Start-maxPhrase, func(h hit, off int) int { return h.span.Start - off })
		for _, h := range hs[from:] {
			if h.span.Start >= f.Span.End && h.span.Start > f.Span.Start {
				break
			}
			if h.group.rule != p.Rule.ID || !(f.Span.Contains(h.span) || h.span.Contains(f.Span)) {
				continue
			}
			q := fmt.Sprintf("%q", strings.ToLower(strings.Join(strings.Fields(p.Doc.Text[h.span.Start:h.span.End]), " ")))
			if !slices.Contains(phrases, q) && len(phrases) < 3 {
				phrases = append(phrases, q)
			}
		}
	}
	if len(phrases) == 0 {
		f.Why = "phrase rules"
	} else {
		f.Why = "phrase " + strings.Join(phrases, ", ")
	}
	return f
}

// ModelText returns the text of a document as the model reads it: the
// masked prose of every block sentence rules read, one per line. The
// trainer reads each training item through it.
func ModelText(doc *document.Document) string {
	var b strings.Builder
	for i := range doc.Blocks {
		if !readable(doc, i) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(doc.Blocks[i].Text)
	}
	return b.String()
}
