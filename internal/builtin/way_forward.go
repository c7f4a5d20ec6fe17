// Way forward: what clears a problem-only block (a forward phrase, a
// named party acting, an action item).

package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// wayForward reports whether the block's unit (the block and the blocks
// nested in it) offers a way forward, which clears every problem in it: a
// forward phrase, a named party acting, or an action item. hs are the
// rule's phrases in the block, context groups included.
func wayForward(v blockView, ps *phraseSet, hs []hit) bool {
	if hasForward(v, hs) || namedParty(v.b.Text) {
		return true
	}
	for _, bi := range unitBlocks(v.doc, v.idx)[1:] {
		cv := v.at(bi)
		if hasForward(cv, ps.findAll(cv)) || namedParty(cv.b.Text) {
			return true
		}
	}
	for si, sh := range v.bySentence(hs) {
		if actionItem(v, v.b.Sentences[si], sh) {
			return true
		}
	}
	return false
}

// hasForward reports whether the block offers a way forward: a forward
// phrase that is not negated ("no one will look at it", "no proposed
// solution yet") and not reported speech.
func hasForward(v blockView, hs []hit) bool {
	var problems *containers
	for _, h := range hs {
		if h.group != problemOnly.groups.forward || v.quoted(h.span) {
			continue
		}
		if problems == nil {
			c := problemSpans(hs)
			problems = &c
		}
		if insideProblem(*problems, h) {
			continue
		}
		si := v.sentenceAt(h.span.Start)
		if si < 0 {
			continue
		}
		before := v.masked(document.Span{Start: v.b.Sentences[si].Start, End: h.span.Start})
		if strings.HasSuffix(before, "-") && !problemCompound(v, hs, h) {
			continue // "un-patched", "plus-addressed": part of a compound
		}
		if openAsk(v, v.b.Sentences[si]) {
			continue // "What do you suggest?" hands the problem up
		}
		if predicts(v, h, before) || unsureBefore(before) {
			continue
		}
		if !negatedBefore(before, 4) {
			return true
		}
	}
	return false
}

// unsureBefore reports whether a forward phrase is only wondered about:
// "not sure if anybody is looking at those".
func unsureBefore(before string) bool {
	l := strings.ToLower(before)
	if i := strings.LastIndexAny(l, ".;"); i >= 0 {
		l = l[i+1:]
	}
	return containsAny(l, "not sure if ", "not sure whether ", "unsure if ", "unsure whether ", "unclear if ",
		"unclear whether ", "don't know if ", "don't know whether ", "no idea if ", "no idea whether ")
}

// predicts reports whether a forward phrase predicts or reports what
// happens to the writer rather than what they do: "going to be a
// catastrophe", "the old tool gets switched off".
func predicts(v blockView, h hit, before string) bool {
	switch strings.ToLower(lastWord(before)) {
	case "gets", "get", "getting", "got":
		return true
	}
	if !strings.EqualFold(v.src(h.span), "going to") {
		return false
	}
	return notCommitments[strings.ToLower(firstWord(v.masked(document.Span{Start: h.span.End, End: v.b.Span.End})))]
}

// problemCompound reports whether a hyphenated compound holding a forward
// phrase also holds a problem ("perf-regression-triaged"): a label that
// records the problem handled.
func problemCompound(v blockView, hs []hit, f hit) bool {
	text := v.doc.Text
	lo, hi := f.span.Start, f.span.End
	for lo > 0 && (isWordByte(text[lo-1]) || text[lo-1] == '-') {
		lo--
	}
	for hi < len(text) && (isWordByte(text[hi]) || text[hi] == '-') {
		hi++
	}
	c := document.Span{Start: lo, End: hi}
	for _, h := range hs {
		if h.group == problemOnly.groups.problem && c.Contains(h.span) {
			return true
		}
	}
	return false
}

// insideProblem reports whether a forward phrase is part of a longer
// problem phrase: "going to" in "going to miss", "root cause" in "haven't
// found the root cause", "alternative" in "the only alternative".
func insideProblem(problems containers, f hit) bool { return problems.inside(f.span) }

// problemSpans indexes the problem phrases of hs for insideProblem.
func problemSpans(hs []hit) containers {
	var spans []document.Span
	for _, h := range hs {
		if h.group == problemOnly.groups.problem {
			spans = append(spans, h.span)
		}
	}
	return newContainers(spans)
}

// actionItem reports whether a sentence starts with an imperative verb
// ("Run the tests to find regressions"): a next step, not a problem.
func actionItem(v blockView, sent document.Span, hs []hit) bool {
	for _, h := range hs {
		if h.group != problemOnly.groups.imperative || strings.TrimSpace(stripSpeaker(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))) != "" {
			continue
		}
		// "Test suite fails", "Update is blocked": a noun, not a verb.
		switch strings.ToLower(firstWord(v.masked(document.Span{Start: h.span.End, End: sent.End}))) {
		case "is", "are", "was", "were", "has", "have", "had", "fails", "failed", "failing", "breaks", "broke",
			"crashes", "seems", "looks", "takes", "does", "doesn't", "can't", "cannot", "won't", "will", "should",
			"would", "could", "suite", "suites", "runs", "results", "coverage", "case", "cases", "files", "data",
			"reports", "of", "for", "from", "":
			continue
		}
		return true
	}
	return false
}
