package builtin

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
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

// hasForward reports whether the block offers a way forward: a forward
// phrase that is not negated ("no one will look at it", "no proposed
// solution yet") and not reported speech.
func hasForward(v blockView, hs []hit) bool {
	var problems *containers
	for _, h := range hs {
		if h.group != "forward" || v.quoted(h.span) {
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
		if h.group == "problem" && c.Contains(h.span) {
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
		if h.group == "problem" {
			spans = append(spans, h.span)
		}
	}
	return newContainers(spans)
}

// askedAbout reports whether a problem phrase is only the topic of an open
// question before it in the sentence ("what you want me to do about the
// overrun"): the open-question rule reports it.
func askedAbout(v blockView, sent document.Span, p hit) bool {
	q := isQuestion(v.masked(sent))
	for _, h := range v.scanIn(sent) {
		if h.rule != "open-question" || !sent.Contains(h.span) || h.span.End > p.span.Start {
			continue
		}
		if h.group == "statement" || h.group == "question" && q && h.span.Len() > len("thoughts") {
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
		if h.rule != "open-question" || !sent.Contains(h.span) {
			continue
		}
		if h.group == "statement" || h.group == "question" && q && h.span.Len() > len("thoughts") {
			return true
		}
	}
	return false
}

// inComplaint reports whether a span lies inside a complaint phrase: the
// complaint rule reports it ("nobody seems to care").
func inComplaint(v blockView, s document.Span) bool {
	for _, h := range v.scan.hits[v.idx] {
		if h.rule == "complaint" && h.span.Contains(s) {
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

// actionItem reports whether a sentence starts with an imperative verb
// ("Run the tests to find regressions"): a next step, not a problem.
func actionItem(v blockView, sent document.Span, hs []hit) bool {
	for _, h := range hs {
		if h.group != "imperative" || strings.TrimSpace(stripSpeaker(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))) != "" {
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

// problemSentence reports whether a sentence states a problem: it has a
// problem word that is not negated, and it is not a question or a record
// of a discussion.
func problemSentence(v blockView, sent document.Span, hs []hit) bool {
	if isQuestion(v.masked(sent)) || groupIs(hs, "notproblem") || len(strings.Fields(v.masked(sent))) <= 2 {
		return false
	}
	if groupIs(hs, "neutral") && !leadIn(v, hs) {
		return false
	}
	for _, h := range longest(hs) {
		if h.group != "problem" || v.quoted(h.span) || inComplaint(v, h.span) || askedAbout(v, sent, h) || titleCased(v.doc.Text, h.span) {
			continue
		}
		before := v.masked(document.Span{Start: sent.Start, End: h.span.Start})
		after := v.masked(document.Span{Start: h.span.Start, End: sent.End})
		if negatedBefore(before, 3) || wouldBefore(before) || inCondition(before, after) || improving(after, v.src(h.span)) {
			continue
		}
		return true
	}
	if groupIs(hs, "measure") && shortfall(v.masked(sent)) {
		return true
	}
	if groupIs(hs, "loss") && (partLostRE().MatchString(v.masked(sent)) || clashRE().MatchString(v.masked(sent))) {
		return true
	}
	return groupIs(hs, "metric") && metricShortfall(v.masked(sent))
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
		if h.group == "neutral" && h.span.End > last {
			last = h.span.End
		}
	}
	for _, h := range hs {
		if h.group != "problem" || h.span.Start < last {
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

// Metric patterns: a number that should stay low going up, one that should
// stay high going down, a figure against a target, a budget or capacity
// overrun, and "only N%".
var (
	badMetric  = `(?:churn|attrition|latency|p9\d|error rate|errors|failure rate|defect rate|rejects|backlog|costs?|spend|freight|prices|turnaround|(?:first-)?response time|wait times?|queue|downtime|overtime|cancellations|complaints|refunds|incidents|escalations|no-shows|absences|outages|defects)`
	goodMetric = `(?:accuracy|coverage|conversion|deflection|CTR|click-through(?: rate)?|open rate|revenue|margins?|retention|uptime|throughput|bookings|sign-?ups|adoption|velocity|NPS|CSAT|win rate|yield|utili[sz]ation|attendance|engagement|sales)`
	num        = `(?:under |over |about |~|\$)?(\d[\d,]*(?:\.\d+)?)`
	badUpRE    = newPattern(`(?i)\b` + badMetric + `\b[^.;!?]{0,50}?\b(?:doubled|tripled|quadrupled|spiked|jumped|surged|soared|ballooned|climbed|rose|grew|increased|went up|(?:is|are|was|were) up|hit|crossed|exceeded|up \d|up from|(?:at )?(?:twice|three times|double) (?:last|the|our|its))`)
	goodDownRE = newPattern(`(?i)\b` + goodMetric + `\b[^.;!?]{0,50}?\b(?:dropped|fell|declined|decreased|slipped|sank|plunged|plummeted|tanked|halved|went down|(?:is|are|was|were) down|down \d)`)
	badFromRE  = newPattern(`(?i)\b` + badMetric + `\b[^.;!?]{0,50}?\bfrom ` + num + `\S* to ` + num)
	goodFromRE = newPattern(`(?i)\b` + goodMetric + `\b[^.;!?]{0,50}?\bfrom ` + num + `\S* to ` + num)
	targetRE   = newPattern(`(?i)(?:` + num + `[ -]?([a-z]+|%)? )?(?:against|vs\.?|versus) (?:an? |the |our )?[$~]?(\d[\d,]*(?:\.\d+)?)[\w.,$%~-]*(?: \w+)? (?:target|goal|SLA|plan|forecast|quota|commit(?:ment)?)\b`)
	overRE     = newPattern(`(?i)\b(?:1\d\d|[2-9]\d\d)% of (?:the |our |its |their )?(?:\w+ )?(?:budget|plan|forecast|allocation|quota|capacity)\b|\b(?:9\d|100)% (?:\w+ )?(?:capacity|full|utili[sz]ed)\b|\bover capacity\b|\bat (?:9\d|100)% (?:disk|memory|CPU|storage)\b`)
	// onlyOfRE matches an implicit shortfall: "covers only 9 of the 12
	// hires", "only two of five replied".
	onlyOfRE = newPattern(`(?i)\bonly (?:(?:covers?|has|have|had|got|gets|reached|signed|answered) )?(?:\d+|one|two|three|four|five|six|seven|eight|half) (?:of|out of) (?:the |our |my |their )?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b`)
	onlyRE   = newPattern(`^\s*(?:[-*+] |\d+\. )?[Oo]nly (?:\d+(?:\.\d+)?%|\d+ of|one of|two of|three of|half of) `)
)

// metricShortfall reports whether s measures something going the wrong
// way. The rule calls it only where a "metric" phrase was found.
func metricShortfall(s string) bool {
	l := prefilter.Lower(s)
	if badUpRE.match(s, l) || goodDownRE.match(s, l) || overRE.match(s, l) || onlyRE.match(s, l) || onlyOf(s, l) {
		return true
	}
	if targetRE.may(l) {
		for _, m := range targetRE.re().FindAllStringSubmatch(s, -1) {
			if m[1] == "" {
				return true // no figure to compare: "coverage is poor against the target"
			}
			got, want := numberAt(m[1]), numberAt(m[3])
			switch strings.ToLower(m[2]) {
			case "ms", "s", "sec", "secs", "seconds", "minutes", "mins", "hours", "hrs", "h", "days", "weeks", "months":
				if got > want { // time taken: more is worse
					return true
				}
			default:
				if got < want {
					return true
				}
			}
		}
	}
	if !badFromRE.may(l) && !goodFromRE.may(l) {
		return false
	}
	if m := badFromRE.re().FindStringSubmatch(s); m != nil && numberAt(m[2]) > numberAt(m[1]) {
		return true
	}
	m := goodFromRE.re().FindStringSubmatch(s)
	return m != nil && numberAt(m[2]) < numberAt(m[1])
}

// onlyOf reports an implicit shortfall ("only two of five replied"), but
// not a rare bad event ("errors in only 2 of 40 runs"). l is prefilter.Lower(s).
func onlyOf(s, l string) bool {
	if !onlyOfRE.may(l) {
		return false
	}
	for _, m := range onlyOfRE.re().FindAllStringIndex(s, -1) {
		if !hasSuffixFold(s[:m[0]], "in ") {
			return true
		}
	}
	return false
}

func numberAt(s string) float64 {
	f, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return f
}

// shortfall reports whether s measures a shortfall: "20% over", "3 weeks
// behind", "two days late"; not a comparison with the past ("20% over
// last year"). The rule calls it only where a "measure" phrase was found.
func shortfall(s string) bool {
	for _, m := range shortfallRE().FindAllStringIndex(s, -1) {
		switch strings.ToLower(firstWord(s[m[1]:])) {
		case "last", "previous", "prior", "the":
			continue
		}
		return true
	}
	return false
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var shortfallRE = lazyRE(`(?i)\b(?:\d+(?:\.\d+)?\s?%\s(?:over|behind|short|under target)|\d+(?:\.\d+)?\s?%\s(?:under|below) (?:target|plan|forecast|goal|quota|budget)|\d+(?:\.\d+)?\s?%\sabove budget|(?:\d+|a|one|two|three|four|five|six|several|a few|many) (?:days?|weeks?|months?|sprints?) (?:late|behind|overdue|behind schedule))\b`)

// partyRE matches a block or a wait with a named party: "blocked by
// Matteo", "waiting on the board".
var partyRE = lazyRE(`\b([Bb]locked|[Hh]eld up|[Ww]aiting) (by|on|for) (the )?[A-Z][\w-]*`)

func namedParty(text string) bool {
	if containsAny(strings.ToLower(text), "blocked ", "waiting ", "held up ") && partyRE().MatchString(text) {
		return true
	}
	return acting(text)
}

// actingRE matches the writer acting on it now: "I'm asking Ops",
// "we're rolling back". (A named owner, "Dana is asking Ops", is found by
// namedActing.)
var actingRE = lazyRE(`\b(?:I'm|I am|I’m|[Ww]e're|[Ww]e are|[Ww]e’re) (?:now |currently |already )?(\w+ing)\b`)

// ownerWillRE matches a named owner's commitment: "Dana will move it".
var ownerWillRE = lazyRE(`\b([A-Z][a-z]+) (?:will|is going to|is about to) (\w+)\b`)

// notCommitments are verbs after "X will" that predict rather than act.
var notCommitments = map[string]bool{
	"be": true, "not": true, "never": true, "have": true, "break": true, "fail": true, "need": true,
	"cause": true, "get": true, "become": true, "stop": true, "lose": true, "miss": true, "slip": true,
	"take": true, "likely": true, "probably": true, "still": true,
}

// notOwners are capitalised words that start a sentence but name no one.
var notOwners = map[string]bool{
	"The": true, "This": true, "That": true, "It": true, "There": true, "What": true, "Which": true,
	"Everything": true, "Nothing": true, "Something": true, "Everyone": true, "Nobody": true, "Who": true,
	"Here": true, "Where": true, "Its": true, "One": true, "Each": true, "Our": true, "Their": true,
}

// notActing are -ing words after "I'm" that describe the problem, not an
// action on it.
var notActing = map[string]bool{
	"having": true, "struggling": true, "seeing": true, "getting": true, "hitting": true, "running": true,
	"facing": true, "missing": true, "losing": true, "failing": true, "lacking": true, "waiting": false,
	"being": true, "going": true, "feeling": true, "finding": true, "spending": true, "drowning": true,
	"crashing": true, "breaking": true, "blocking": true, "slipping": true, "stalling": true, "hanging": true,
	"leaking": true, "timing": true, "throwing": true, "causing": true, "becoming": true, "starting": true,
	"growing": true, "taking": true, "making": true, "holding": true, "stuck": true, "lagging": true,
}

// remedies are verbs that, after "I", "we", "I've" or "we have", report a
// remedy already done: "I've added 200 GB", "we rolled back", "I restarted it".
var remedies = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`added fixed set switched moved changed opened filed asked reverted rolled
		patched updated increased bumped raised restarted reran re-ran retried rebooted cleared disabled
		enabled pinned scheduled booked created written reached pinged contacted escalated merged deployed
		shipped started began wrote migrated drafted proposed replaced removed freed allocated requested
		flagged documented scaled resized given placed ordered rebooked rescheduled rerouted reassigned
		swapped restored resolved recovered resent re-sent reissued refunded repaired`) {
		remedies[w] = true
	}
}

// askedAgainRE matches a repeated ask, a grievance rather than a remedy:
// "asked three times", "asked again".
var askedAgainRE = lazyRE(`^asked (?:\w+ )?(?:\w+ times|again|repeatedly)\b`)

// writerDid reports whether text has the writer reporting a remedy done.
func writerDid(text string) bool {
	for _, subj := range []string{"I ", "I've ", "I’ve ", "we ", "We ", "we've ", "We've ", "we’ve ", "We’ve "} {
		for off := 0; ; {
			i := strings.Index(text[off:], subj)
			if i < 0 {
				break
			}
			i += off
			off = i + len(subj)
			if i > 0 && isWordByte(text[i-1]) {
				continue
			}
			switch strings.ToLower(lastWord(text[:i])) {
			case "if", "when", "once", "unless", "before", "after", "until", "since", "whether":
				continue // "if we started a program": not done
			}
			rest := text[off:]
			for _, w := range []string{"have ", "already ", "now ", "just ", "then "} {
				rest = strings.TrimPrefix(rest, w)
			}
			k := 0
			for k < len(rest) && (isWordByte(rest[k]) || rest[k] == '-') {
				k++
			}
			if remedies[rest[:k]] && !askedAgainRE().MatchString(rest) {
				return true
			}
		}
	}
	return false
}

func acting(text string) bool {
	if writerDid(text) {
		return true
	}
	if strings.Contains(text, " will ") || strings.Contains(text, " going to ") || strings.Contains(text, " about to ") {
		for _, m := range ownerWillRE().FindAllStringSubmatchIndex(text, -1) {
			if !notOwners[text[m[2]:m[3]]] && !notCommitments[strings.ToLower(text[m[4]:m[5]])] {
				return true
			}
		}
	}
	if namedActing(text) || othersActing(text) {
		return true
	}
	if !containsAny(text, "I'm", "I am", "I’m", "e're", "e are", "e’re") {
		return false
	}
	for _, m := range actingRE().FindAllStringSubmatchIndex(text, -1) {
		if !notActing[strings.ToLower(text[m[2]:m[3]])] && !negatedBefore(text[:m[0]], 3) {
			return true
		}
	}
	return false
}

// othersActing reports whether someone the sentence names is acting on it
// now: "approval from Security (Ahmed), who's reviewing it today".
func othersActing(text string) bool {
	if !strings.Contains(text, "who") {
		return false
	}
	for _, m := range whoActingRE().FindAllStringSubmatchIndex(text, -1) {
		if !notActing[strings.ToLower(text[m[2]:m[3]])] {
			return true
		}
	}
	return false
}

var whoActingRE = lazyRE(`\bwho(?:'s|’s| is| are) (?:now |currently |already )?(\w+ing)\b`)

// namedActing reports whether a named person is acting on it now: "Dana
// is asking Ops", "Ana is currently rewriting it".
func namedActing(text string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], " is ")
		if i < 0 {
			return false
		}
		i += off
		off = i + len(" is ")
		// The name: [A-Z][a-z]+ right before, at a word boundary.
		j := i
		for j > 0 && text[j-1] >= 'a' && text[j-1] <= 'z' {
			j--
		}
		if j == i || j == 0 || text[j-1] < 'A' || text[j-1] > 'Z' {
			continue
		}
		j--
		if j > 0 && isWordByte(text[j-1]) || notOwners[text[j:i]] {
			continue
		}
		rest := text[off:]
		for _, adv := range []string{"now ", "currently ", "already "} {
			rest = strings.TrimPrefix(rest, adv)
		}
		k := 0
		for k < len(rest) && isWordByte(rest[k]) {
			k++
		}
		verb := rest[:k]
		if k < len(rest) && rest[k] >= 0x80 || !strings.HasSuffix(verb, "ing") || len(verb) <= 3 {
			continue
		}
		if !notActing[strings.ToLower(verb)] && !negatedBefore(text[:j], 3) {
			return true
		}
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
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
