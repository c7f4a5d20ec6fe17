package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func problemOnlyRule() *lint.Rule {
	r, rf := mustLoad("problem-only")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, "problem", func(v blockView, hs []hit) {
			// An alarm ("we're doomed", "a complete mess") states a problem
			// too: the crisis rule asks for impact, this one for a way forward.
			for _, h := range v.scan.hits[v.idx] {
				if h.rule == "crisis" && h.group == "alarm" && !hypothetical(v, h.span) && !compound(v.doc.Text, h.span) {
					hs = append(hs, hit{span: h.span, group: "problem"})
				}
			}
			// A ticked task item ("- [x] backlog cleared") reports the
			// problem as done.
			if v.b.Checked || !groupIs(hs, "problem", "measure", "metric", "loss") {
				return
			}
			hs = ps.withLazy(v.b, hs)
			if wayForward(v, ps, hs) {
				return
			}
			per := v.bySentence(hs)
			for si, sh := range per {
				sent := v.b.Sentences[si]
				if !problemSentence(v, sent, sh) {
					continue
				}
				span := afterLabel(v, trimSentence(v, sent), sh)
				p.Report(lint.Finding{Span: span, Message: message(rf, "default"), Fixes: problemFixes(v, rf, span)})
				break
			}
		})
	}
	// A model hit needs a problem with no way forward, like a phrase hit.
	learnedRule(r, rf, func(v blockView) bool {
		return !v.b.Checked && !wayForward(v, ps, ps.findAll(v))
	})
	return r
}

// becauseRE matches "This won't work because of X." and its kin.
// "The migration won't make the Q3 date because of X" names what is at
// risk: the date.
var becauseRE = lazyRE(`^(This|That|It|The [\w' -]{1,40}?|Our [\w' -]{1,40}?) (?:won't|will not|doesn't|does not|can't|cannot|isn't going to) (?:(?:work|happen|ship|scale)(?: out)?|(?:make|hit|meet) ((?:the|our|its|this|that) [\w' -]{1,40}?)),? (?:because of|due to) (.+?)[.!]?$`)

// becauseClauseRE matches "<subject> can't <verb phrase> because <clause>".
var becauseClauseRE = lazyRE(`^((?:We|I|They|The [\w' -]{1,40}?|Our [\w' -]{1,40}?|[A-Z][\w-]+)) (?:can't|can’t|cannot|won't|won’t|couldn't|aren't able to|isn't able to) ([^,;:]{3,80}?),? (?:because|since|as) ((?:the|our|we|they|it|this|[A-Z])[^;:]{3,120}?)[.!]?$`)

// problemFixes offers a rewrite that keeps the writer's words, then the
// general "I propose" follow-up.
func problemFixes(v blockView, rf *ruleFile, span document.Span) []lint.Fix {
	var fixes []lint.Fix
	src := v.src(span)
	if m := becauseRE().FindStringSubmatch(src); m != nil && !strings.Contains(src, "\n") {
		subj := m[1]
		if m[2] != "" {
			subj = m[2] // the date or target at risk
		}
		if subj == "This" || subj == "That" || subj == "It" {
			subj = strings.ToLower(subj)
		} else {
			subj = lowerFirst(subj)
		}
		text := strings.NewReplacer(
			"{cause}", upperFirst(m[3]),
			"{subject}", subj,
			"{hint}", hintFor(rf, m[3], "change the approach"),
		).Replace(rf.Replacements["because"])
		fixes = append(fixes, rewriteFix("Reframe as a way forward", span, text))
	}
	if m := becauseClauseRE().FindStringSubmatch(src); m != nil && len(fixes) == 0 && !strings.Contains(src, "\n") {
		// "We can't launch in Canada because the French translations aren't
		// done." → "The French translations aren't done. If we [next step],
		// we can launch in Canada by [date]."
		subj := m[1]
		if subj != "I" {
			subj = lowerFirst(subj)
		}
		text := upperFirst(m[3]) + ". If we [next step], " + subj + " can " + m[2] + " by [date]."
		fixes = append(fixes, rewriteFix("Reframe as a way forward", span, text))
	}
	f := lint.Fix{
		Title:      "Add a next step",
		Edits:      []lint.Edit{appendAfter(v, span, rf.Replacements["default"])},
		NeedsInput: true,
		Preferred:  len(fixes) == 0,
	}
	return append(fixes, f)
}
