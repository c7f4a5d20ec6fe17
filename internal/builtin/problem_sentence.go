// Problem sentences: what makes a sentence state a problem at hand, and
// what makes a problem word something else (a question's topic, a
// condition, a name, a count going down).

package builtin

import (
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
)

var boldLabelRE = lazyRE(`^[\w][\w /&-]{0,30}:\*\*\s+`)

// afterLabel drops a bold label the sentence was split after ("**Risk:**
// the key expired") from the span when a hit follows the label; a hit only
// in the label keeps the whole span.
func afterLabel(v blockView, span document.Span, hs []hit) document.Span {
	if !strings.HasSuffix(v.doc.Text[:span.Start], "**") {
		return span
	}
	m := boldLabelRE().FindStringIndex(v.src(span))
	if m == nil || m[1] >= span.End-span.Start {
		return span
	}
	for _, h := range hs {
		if h.span.Start >= span.Start+m[1] {
			return document.Span{Start: span.Start + m[1], End: span.End}
		}
	}
	return span
}

// compound reports whether a span is part of a hyphenated compound
// ("disaster-recovery").
func compound(text string, s document.Span) bool {
	return s.End < len(text) && text[s.End] == '-' || s.Start > 0 && text[s.Start-1] == '-'
}

// hypothetical reports whether a span follows "can be", "could be" or
// "might be": a general claim ("compile time can be an existential
// crisis"), not a problem at hand.
func hypothetical(v blockView, s document.Span) bool {
	si := v.sentenceAt(s.Start)
	if si < 0 {
		return false
	}
	f := lastWords(v.masked(document.Span{Start: v.b.Sentences[si].Start, End: s.Start}), 4)
	for i := len(f) - 1; i > 0 && i >= len(f)-3; i-- {
		if f[i] == "be" {
			switch f[i-1] {
			case "can", "could", "might", "may":
				return true
			}
		}
	}
	return false
}

// askedAbout reports whether a problem phrase is only the topic of an open
// question before it in the sentence ("what you want me to do about the
// overrun"): the open-question rule reports it.
func askedAbout(v blockView, sent document.Span, p hit) bool {
	q := isQuestion(v.masked(sent))
	for _, h := range v.scanIn(sent) {
		if !sent.Contains(h.span) || h.span.End > p.span.Start {
			continue
		}
		if openQuestionHit(h, q) {
			return true
		}
	}
	return false
}

// openAsk reports whether a sentence hands the problem to the reader with
// an open question ("What do you suggest?", "not sure what the best
// approach is, ideas welcome"): its "suggest" or "ideas" offer no way
// forward.
func openAsk(v blockView, sent document.Span) bool {
	q := isQuestion(v.masked(sent))
	for _, h := range v.scanIn(sent) {
		if sent.Contains(h.span) && openQuestionHit(h, q) {
			return true
		}
	}
	return false
}

// openQuestionHit reports whether h is an open-question phrase that asks:
// an open statement, or, in a question (q), a question phrase longer than
// "thoughts".
func openQuestionHit(h hit, q bool) bool {
	g := &problemOnly.groups
	return h.group == g.statement || h.group == g.question && q && h.span.Len() > len("thoughts")
}

// inComplaint reports whether a span lies inside a complaint phrase: the
// complaint rule reports it ("nobody seems to care").
func inComplaint(v blockView, s document.Span) bool {
	for _, h := range v.scan.hits[v.idx] {
		if h.group.rule == "complaint" && h.span.Contains(s) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether one of the last n words of s negates what
// follows.
func negatedBefore(s string, n int) bool {
	f := lastWords(s, n)
	for i := len(f) - 1; i >= 0; i-- {
		if strings.ContainsAny(f[i][len(f[i])-1:], ",;:") {
			break // a clause mark ends the negation: "can't tell it's flaky, should add"
		}
		w := strings.Trim(f[i], ",;:()\"'*")
		switch w {
		case "not", "no", "nobody", "none", "never", "without", "nothing", "neither", "nor":
			return true
		}
		if strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
		if strings.ContainsAny(f[i], ",;:") && i < len(f)-1 {
			break
		}
	}
	return false
}

// problemSentence reports whether a sentence states a problem: it has a
// problem word that is not negated, and it is not a question or a record
// of a discussion.
func problemSentence(v blockView, sent document.Span, hs []hit) bool {
	if isQuestion(v.masked(sent)) || groupIs(hs, problemOnly.groups.notproblem) || len(strings.Fields(v.masked(sent))) <= 2 {
		return false
	}
	if groupIs(hs, problemOnly.groups.neutral) && !leadIn(v, hs) {
		return false
	}
	for _, h := range longest(hs) {
		if h.group != problemOnly.groups.problem || v.quoted(h.span) || inComplaint(v, h.span) || askedAbout(v, sent, h) || titleCased(v.doc.Text, h.span) {
			continue
		}
		before := v.masked(document.Span{Start: sent.Start, End: h.span.Start})
		after := v.masked(document.Span{Start: h.span.Start, End: sent.End})
		if negatedBefore(before, 3) || wouldBefore(before) || inCondition(before, after) || improving(after, v.src(h.span)) {
			continue
		}
		return true
	}
	if groupIs(hs, problemOnly.groups.measure) && shortfall(v.masked(sent)) {
		return true
	}
	if groupIs(hs, problemOnly.groups.loss) && (partLostRE().MatchString(v.masked(sent)) || clashRE().MatchString(v.masked(sent))) {
		return true
	}
	return groupIs(hs, problemOnly.groups.metric) && metricShortfall(v.masked(sent))
}

// wouldBefore reports whether a problem word follows "would" within two
// words: a consequence avoided or imagined ("so they would just crash"),
// not a problem at hand ("wouldn't start" is one).
func wouldBefore(before string) bool {
	w1 := strings.ToLower(lastWord(before))
	if w1 == "would" {
		return true
	}
	rest := strings.TrimRightFunc(before, unicode.IsSpace)
	rest = rest[:len(rest)-len(w1)]
	return len(w1) > 0 && strings.ToLower(lastWord(rest)) == "would"
}

// inCondition reports whether a problem word is in an "if" or "unless"
// clause that a comma closes: "if they still have no colour, we delete
// them" states no problem. before is the sentence up to the word and
// after the rest from it. Without the comma the clause's end is unknown
// ("if the auth service goes down again we're doomed").
func inCondition(before, after string) bool {
	l := strings.ToLower(before[max(0, len(before)-conditionWindow):])
	i := max(strings.LastIndex(l, "if "), strings.LastIndex(l, "unless "))
	if i < 0 || i > 0 && isWordByte(l[i-1]) {
		return false
	}
	return !strings.ContainsAny(l[i:], ",;:") && strings.Contains(after, ",")
}

// conditionWindow is how far before a problem word inCondition looks for
// "if": no condition is longer, and a bound keeps a huge sentence linear.
const conditionWindow = 200

// improving reports whether a problem word is a count that is going down:
// "complaints are down 30%", "outages fell to one", "errors are down by
// half". s runs from the problem word to the end of its sentence, and word
// is the problem word itself.
func improving(s, word string) bool {
	l := strings.ToLower(s[:min(len(s), len(word)+improvingWindow)])
	if hasSuffixFold(word, "down") {
		// "are down 30%": the metric sense of an outage word.
		rest := strings.TrimLeft(l[len(word):], " ")
		return strings.HasPrefix(rest, "by ") || len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9'
	}
	return improvingRE.match(l, l)
}

// improvingWindow bounds what improving reads after the problem word: the
// falling verb comes within five words.
const improvingWindow = 120

var improvingRE = newPattern(`^[\w'’-]+(?:[ ,]+[\w'’-]+){0,4}?[ ,]+(?:(?:is|are|was|were|has|have|has been|have been) )?(?:down (?:by )?\d+|down to|dropped|fell|decreased|declined|halved|shrank|went down)\b`)

// leadIn reports whether every neutral phrase ("update on", "summary")
// only introduces the sentence before a colon that a problem follows:
// "Quick update on the roster: we're short two nurses".
func leadIn(v blockView, hs []hit) bool {
	last := -1
	for _, h := range hs {
		if h.group == problemOnly.groups.neutral && h.span.End > last {
			last = h.span.End
		}
	}
	for _, h := range hs {
		if h.group != problemOnly.groups.problem || h.span.Start < last {
			continue
		}
		if strings.Contains(v.masked(document.Span{Start: last, End: h.span.Start}), ": ") {
			return true
		}
	}
	return false
}

// titleCased reports whether a capitalised problem word is followed by
// another capitalised word: part of a name or title ("Broken Calculator"),
// not a problem; but not a label ending in a colon.
func titleCased(text string, s document.Span) bool {
	if s.Len() == 0 || text[s.Start] < 'A' || text[s.Start] > 'Z' {
		return false
	}
	if !strings.HasPrefix(text[s.End:], " ") {
		return false
	}
	rest := text[s.End+1:]
	if len(rest) < 2 || rest[0] < 'A' || rest[0] > 'Z' || rest[1] < 'a' || rest[1] > 'z' {
		return false
	}
	// A run of capitalised words ending in a colon is a label that states
	// the problem ("**Missing Features:** no streaming").
	for _, w := range strings.Fields(rest) {
		w = strings.TrimRight(w, "*_")
		if strings.HasSuffix(w, ":") {
			return false
		}
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			break
		}
	}
	return true
}

var (
	// partLostRE matches part of a group gone: "two of the three
	// participants cancelled", "half of our reviewers are out".
	partLostRE = lazyRE(`(?i)\b(?:\d+|two|three|four|five|half|most|all|both) of (?:the|our|my|their) (?:[\w'-]+ ){0,5}?(?:are out|will be out|were out|(?:are|will be|is) (?:on leave|unavailable|off sick|out sick)|cancell?ed|canceled|quit|left|declined|dropped out|no-showed)\b`)
	// clashRE matches a resource ending before the work needs it.
	clashRE = lazyRE(`(?i)\b(?:expires?|lapses|runs out|ends|shuts off|(?:gets|is) switched off|goes away|sunsets)\b[^.;]{0,60}\bbut\b[^.;]{0,60}\b(?:needs?|requires?|will take|still needs?) (?:another|more|at least|\d+|two|three|four|five|six|seven|eight|nine|ten)\b`)
)
