package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// problemOnly is rules/problem-only.toml as the rule's code uses it (see
// bind).
var problemOnly = bind("problem-only", func(b *binder) (f problemOnlyFile) {
	g := &f.groups
	g.problem, g.measure, g.metric, g.loss = b.group("problem"), b.group("measure"), b.group("metric"), b.group("loss")
	g.forward, g.imperative = b.lazyGroup("forward"), b.lazyGroup("imperative")
	g.notproblem, g.neutral = b.lazyGroup("notproblem"), b.lazyGroup("neutral")
	b.lazyGroup("sense") // "makes sense": only shadows what it contains (see longest)
	g.alarm = b.groupIn("crisis", "alarm")
	g.question, g.statement = b.groupIn("open-question", "question"), b.groupIn("open-question", "statement")
	f.triggers = []*phraseGroup{g.problem, g.measure, g.metric, g.loss}
	f.msg = b.message("default")
	f.repl.because, f.repl.next, f.repl.minutes = b.replacement("because"), b.replacement("default"), b.replacement("minutes")
	f.model = modelText{b.message("model"), b.replacement("model")}
	f.fix.asks, f.fix.topicShifts = b.fixList("asks"), b.fixList("topic_shifts")
	return f
})

type problemOnlyFile struct {
	groups struct {
		// problem, measure, metric and loss state a problem (measure,
		// metric and loss only with a shortfall); forward and imperative
		// offer a way forward; notproblem and neutral clear a sentence.
		problem, measure, metric, loss, forward, imperative, notproblem, neutral *phraseGroup
		// Other rules' groups: an alarm states a problem too; an open
		// question about a problem is that rule's to report.
		alarm, question, statement *phraseGroup
	}
	triggers []*phraseGroup // the groups that can make a finding
	msg      string
	// next is the next step added after a problem; minutes its
	// impersonal form in an item of minutes (see readsAsMinutes).
	repl  struct{ because, next, minutes string }
	model modelText
	// fix holds the openers that end the facts an appended next step
	// follows (see unitEnd).
	fix struct{ asks, topicShifts []string }
}

// problemOnlyRule flags a problem stated with no way forward and offers a
// next step.
func problemOnlyRule() *lint.Rule {
	r, rf := mustLoad("problem-only")
	ps := compileGroups(rf)
	g := &problemOnly.groups
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, g.problem, func(v blockView, hs []hit) {
			// An alarm ("we're doomed", "a complete mess") states a problem
			// too: the crisis rule asks for impact, this one for a way forward.
			for _, h := range v.scan.hits[v.idx] {
				if h.group == g.alarm && !hypothetical(v, h.span) && !compound(v.doc.Text, h.span) {
					hs = append(hs, hit{span: h.span, group: g.problem})
				}
			}
			// A ticked task item ("- [x] backlog cleared") reports the
			// problem as done.
			if v.b.Checked || !groupIs(hs, problemOnly.triggers...) {
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
				p.Report(lint.Finding{Span: span, Message: problemOnly.msg, Fixes: tidyAnswers(v, problemFixes(v, rf, span))})
				break
			}
		})
	}
	// A model hit needs a problem with no way forward, like a phrase hit.
	learnedRule(r, problemOnly.model, func(v blockView) bool {
		return !v.b.Checked && !wayForward(v, ps, ps.findAll(v))
	})
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix { return tidyAnswers(v, problemFixes(v, rf, span)) })
	return r
}

// becauseRE matches "This won't work because of X." and its kin.
// "The migration won't make the Q3 date because of X" names what is at
// risk: the date.
var becauseRE = lazyRE(`^(This|That|It|The [\w' -]{1,40}?|Our [\w' -]{1,40}?) (?:won't|will not|doesn't|does not|can't|cannot|isn't going to) (?:(?:work|happen|ship|scale)(?: out)?|(?:make|hit|meet) ((?:the|our|its|this|that) [\w' -]{1,40}?)),? (?:because of|due to) (.+?)[.!]?$`)

// becauseClauseRE matches "<subject> can't <verb phrase> because <clause>".
var becauseClauseRE = lazyRE(`^((?:We|I|They|The [\w' -]{1,40}?|Our [\w' -]{1,40}?|[A-Z][\w-]+)) (?:can't|can’t|cannot|won't|won’t|couldn't|aren't able to|isn't able to) ([^,;:]{3,80}?),? (?:because|since|as) ((?:the|our|we|they|it|this|[A-Z])[^;:]{3,120}?)[.!]?$`)

// handoverEnd returns the edit that ends sentence span before a bare
// handover that closes it after a comma ("…, what do u want me to do"),
// with a full stop.
func handoverEnd(v blockView, span document.Span) (lint.Edit, bool) {
	sp := trimSentence(v, span)
	src := v.src(sp)
	body := strings.TrimRight(src, " ?!.…")
	i := strings.LastIndex(body, ", ")
	if i <= 0 || !bareHandover(strings.ToLower(strings.TrimSpace(body[i+2:]))) || !parse(body[:i]).HasFiniteVerb() {
		return lint.Edit{}, false
	}
	return lint.Edit{Span: document.Span{Start: sp.Start + i, End: sp.End}, NewText: "."}, true
}

// certainCause reports whether cause, the clause after "because", "since"
// or "as" in sentence src, is certainly a cause: a clause with a finite
// verb (not "since Monday", "since the March freeze"); after "as", one
// that states a state ("as the budget is frozen", not the manner of "as
// the contract says").
func certainCause(src, cause string) bool {
	s := parse(cause)
	if !s.HasFiniteVerb() {
		return false
	}
	conj := strings.TrimSpace(src[:max(0, strings.LastIndex(src, cause))])
	if !strings.HasSuffix(strings.ToLower(conj), " as") {
		return true
	}
	for _, t := range s.Tokens {
		switch strings.ReplaceAll(t.Lower, "’", "'") {
		case "is", "are", "was", "were", "'s", "'re", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "has", "have", "'ve", "not", "n't", "no":
			return true
		}
	}
	return false
}

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
		).Replace(problemOnly.repl.because)
		fixes = append(fixes, rewriteFix("Reframe as a way forward", span, text))
	}
	if m := becauseClauseRE().FindStringSubmatch(src); m != nil && len(fixes) == 0 && !strings.Contains(src, "\n") && certainCause(src, m[3]) {
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
	next := problemOnly.repl.next
	if v.minutes() {
		// "5. Staffing: two nurses are on leave…": minutes record, so
		// the next step is proposed, not "I propose".
		next = problemOnly.repl.minutes
	}
	f := lint.Fix{
		Title:      "Add a next step",
		Edits:      []lint.Edit{appendAfter(v, unitEnd(v, span), next)},
		NeedsInput: true,
		Preferred:  len(fixes) == 0,
	}
	if e, ok := handoverEnd(v, span); ok && unitEnd(v, span) == span {
		// "…legal still hasn't replied, what do u want me to do": the
		// next step takes the handover's place.
		e.NewText += next
		f.Edits = []lint.Edit{e}
	}
	return append(fixes, f)
}
