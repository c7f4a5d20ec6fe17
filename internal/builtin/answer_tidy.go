package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// tidyAnswer makes a fix that adds a way forward (a recommendation, a
// proposal, a mitigation) agree with the rest of its paragraph: a sentence
// that says there is no way forward ("I'm not sure what the best approach
// is.", "There's no coming back from this.", the [fix] list "doom" of
// rules/crisis.toml and "helpless" of rules/open-question.toml) goes, and
// so does an open question after the added text ("Any ideas?", "How
// should we handle this?"): the answer is given, and "Does that work for
// you?" or the proposal asks for the reply. Only sentences with no fact
// left once those phrases are out go; every fact stays.
//
//	The vendor missed the deadline. I see no way back. → The vendor missed the deadline. This puts … To contain it, I propose [mitigation].
func tidyAnswer(v blockView, f lint.Fix) lint.Fix { return tidyAnswerOf(v, f, false) }

// tidyAnswerOf is tidyAnswer; with keepAsks an invitation after the added
// text ("Ideas welcome.") stays, as minutes record it.
func tidyAnswerOf(v blockView, f lint.Fix, keepAsks bool) lint.Fix {
	if len(f.Edits) == 0 || len(v.b.Sentences) < 2 {
		return f
	}
	first, last := f.Edits[0].Span.Start, f.Edits[0].Span.End
	for _, e := range f.Edits {
		first, last = min(first, e.Span.Start), max(last, e.Span.End)
	}
	if first < v.b.Span.Start || last > v.b.Span.End {
		return f
	}
	ss := v.b.Sentences
	var dels []document.Span
	for k, s := range ss {
		t := trimSentence(v, s)
		if t.End <= t.Start || t.Start < last && t.End > first {
			continue // the fix's own sentence
		}
		if !(contradicts(v, t) || t.Start >= last && openAfter(v, t) && !(keepAsks && isAsk(v.masked(t)))) {
			continue
		}
		var d document.Span
		switch {
		case k > 0:
			d = document.Span{Start: trimSentence(v, ss[k-1]).End, End: t.End}
		case k+1 < len(ss):
			d = document.Span{Start: t.Start, End: ss[k+1].Start}
		default:
			continue
		}
		dels = append(dels, d)
	}
	if len(dels) == 0 {
		return f
	}
	edits := slices.Clone(f.Edits)
	for _, d := range dels {
		merged, clash := false, false
		for i, e := range edits {
			switch {
			case e.Span.End == d.Start && e.Span.Start < d.Start || e.Span.End == d.Start && e.Span.Start == e.Span.End:
				edits[i].Span.End = d.End // an insertion or a rewrite just before: one edit
				merged = true
			case d.End == e.Span.Start && e.Span.Start == e.Span.End:
				edits[i].Span.Start = d.Start // an insertion just after: one edit
				merged = true
			case d.Start < e.Span.End && e.Span.Start < d.End:
				clash = true
			}
			if merged || clash {
				break
			}
		}
		if clash {
			continue
		}
		if !merged {
			edits = append(edits, lint.Edit{Span: d})
		}
	}
	// Merged deletions may now overlap one another: keep them apart.
	slices.SortFunc(edits, func(a, b lint.Edit) int { return a.Span.Start - b.Span.Start })
	out := edits[:0]
	for _, e := range edits {
		if n := len(out); n > 0 && e.Span.Start < out[n-1].Span.End {
			if e.NewText != "" {
				return f
			}
			out[n-1].Span.End = max(out[n-1].Span.End, e.Span.End)
			continue
		}
		out = append(out, e)
	}
	f.Edits = out
	return f
}

// contradicts reports whether the sentence at t only says there is no way
// forward: a doom or helpless phrase, and no fact once the phrases are out.
func contradicts(v blockView, t document.Span) bool {
	low := strings.ToLower(strings.ReplaceAll(v.masked(t), "’", "'"))
	if isQuestion(low) {
		return false
	}
	rest, found := low, false
	for _, l := range [][]string{crisis.fix.doom, openQuestion.fix.helpless} {
		for _, p := range l {
			for i := indexWord(rest, p, 0); i >= 0; i = indexWord(rest, p, 0) {
				rest, found = rest[:i]+rest[i+len(p):], true
			}
		}
	}
	return found && !hasFact(rest)
}

// openAfter reports whether the sentence at t only hands the matter over:
// an ask of the [fix] list "asks" ("Any ideas?", "Thoughts?"), or an open
// question of the open-question rule with no fact beyond its phrase ("How
// should we handle this?").
func openAfter(v blockView, t document.Span) bool {
	m := v.masked(t)
	if isAsk(m) {
		return true
	}
	if !isQuestion(m) {
		return false
	}
	g := &openQuestion.groups
	rest, found := []byte(m), false
	for _, h := range v.scan.hits[v.idx] {
		if (h.group == g.question || h.group == g.statement) && h.span.Start >= t.Start && h.span.End <= t.End {
			found = true
			for i := h.span.Start; i < h.span.End; i++ {
				rest[i-t.Start] = ' '
			}
		}
	}
	return found && !hasFact(string(rest))
}

// tidyAnswers applies tidyAnswer to each fix.
func tidyAnswers(v blockView, fs []lint.Fix) []lint.Fix {
	for i := range fs {
		fs[i] = tidyAnswer(v, fs[i])
	}
	return fs
}

// tidyAnswersKeepAsks applies tidyAnswerOf to each fix, keeping
// invitations.
func tidyAnswersKeepAsks(v blockView, fs []lint.Fix) []lint.Fix {
	for i := range fs {
		fs[i] = tidyAnswerOf(v, fs[i], true)
	}
	return fs
}
