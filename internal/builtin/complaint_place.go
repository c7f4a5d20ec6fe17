package builtin

import (
	"slices"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

// Where a complaint rewrite's request goes. A request added after the
// rewritten sentence must not split the complaint from the facts that go
// on with it in the paragraph or list item ("Housekeeping gets the blame
// for aircon faults. Could we …? Rooms 508 and 512 last week."), nor
// leave a tail after it ("… Could we …? 3 nights in a row now"): the
// facts that follow move before the request, which ends the item. Where
// the writer makes a request or proposal of their own in the item ("Need
// a yes/no at the 2 July board.", "Maybe we can log them separately."),
// the rewrite adds none: the facts are stated and theirs stands.

// complaintFixes is rewriteFixes for a complaint rewrite of span, with its
// request placed at the end of the item (see askLast).
func complaintFixes(v blockView, span document.Span, cands []candidate) []lint.Fix {
	if si := v.sentenceAt(span.Start); si > 0 {
		// "Super. Another fire drill in the stock count, as usual.": the
		// sarcasm before goes with the complaint.
		if prev := v.b.Sentences[si-1]; bareVent(strings.TrimRight(plainSentence(v, prev), ".!?… ")) {
			span.Start = trimSentence(v, prev).Start
		}
	}
	span, cands = askLast(v, span, cands)
	return finishFixes(v, span, cands)
}

// finishFixes turns a complaint's placed rewrites of span (see askLast)
// into fixes: the facts lose what only vents, the request fits the facts
// or gives way to the writer's own, and a sentence of venting alone may
// simply go (see withDrop).
func finishFixes(v blockView, span document.Span, cands []candidate) []lint.Fix {
	cands = factsKept(v.src(span), plainStatements(v.src(span), questionMarks(ownAskStands(sameAsks(restAsks(factsOnly(cands)))))))
	return withDrop(v, span, rewriteFixes(v, span, cands), cands)
}

// questionMarks gives back its question mark to a request of the writer's
// that the rewrite keeps as a sentence ("Can Jess take them on Tuesdays.").
func questionMarks(cands []candidate) []candidate {
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		ss, changed := splitSentences(c.text), false
		for j, s := range ss {
			if strings.HasSuffix(s, ".") && canSomeoneRE().MatchString(s) && !strings.Contains(s[:len(s)-1], ".") {
				ss[j], changed = s[:len(s)-1]+"?", true
			}
		}
		if changed && !strings.Contains(c.text, "\n") {
			out[i].text = strings.Join(ss, " ")
		}
	}
	return out
}

// factsOnly drops the sentences of venting or alarm alone from the facts
// each rewrite states before its request (see dropVentSentences).
func factsOnly(cands []candidate) []candidate {
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		k := askStart(c.text)
		if k <= 0 {
			continue
		}
		f := strings.TrimSpace(c.text[:k])
		if d := dropVentSentences(f); d != f {
			f = d
			out[i].text = f + " " + c.text[k:]
		}
		if c.text[k:] == answerAsk && !answerRE().MatchString(f) {
			// "The autoclave logbook still isn't being filled in. I've
			// raised this …": what is wanted is the fix, not an answer.
			out[i].text = f + " " + resolvedAsk
		}
		if lastToHearRE().MatchString(f) && strings.Contains(c.text[k:], "[a way forward]") {
			out[i] = candidate{"Ask to be told earlier", f + " Could you loop me in earlier on changes like this?"}
			continue
		}
		if m := heardFromRE().FindStringSubmatch(f); m != nil && strings.Contains(c.text[k:], "[a way forward]") {
			// "QA found out about the branch change from a tweet": what
			// would help is hearing first, not a way forward in general.
			ask := "Could we make sure " + lowerNPStart(m[1]) + " hears about changes like this first?"
			if strings.EqualFold(m[1], "I") {
				ask = "Could you loop me in on changes like this next time?"
			} else if strings.EqualFold(m[1], "we") {
				ask = "Could you loop us in on changes like this next time?"
			}
			out[i] = candidate{"Ask to be told first", f + " " + ask}
		}
	}
	return out
}

const (
	answerAsk   = "Could you help me get an answer by [date]?"
	resolvedAsk = "Could you help me get this resolved by [date]?"
)

// answerRE: facts about something asked that wants an answer.
var answerRE = lazyRE(`(?i)\b(?:answer|answers|reply|replies|replied|respond|response|responses|decision|decide|sign-?off|approv\w*|feedback|question|questions|confirm\w*|access|budget|quote|invoice|number|numbers|data|figures)\b`)

// selfVerdictRE: the writer's verdict on what happened, "I find this
// disrespectful", "I think that's unfair".
var selfVerdictRE = lazyRE(`(?i)^i (?:find|found|think|thought|feel|felt) (?:this|that|it)(?:'s| is| was)? (?:\w+ ){0,2}\w+$`)

// includeMeRE: the request to be included in something.
var includeMeRE = lazyRE(`^Could you include me in (.+) next time\?$`)

// lastToHearRE: "I'm the last to hear about a reorg".
var lastToHearRE = lazyRE(`(?i)\b(?:I'm|I am|I’m|I was|I'm always|I am always) (?:always |usually |the )*(?:last|last one|last person) to (?:hear|know|find out|be told)\b`)

// heardFromRE: a party that heard of a change second-hand ("QA found out
// about the build branch change from a tweet", "front desk found out from
// the guests"), at the start of a sentence.
var heardFromRE = lazyRE(`(?:^|[.!?]\s+|\band\s+)((?:the |our )?[A-Za-z][\w&-]*(?: [a-z][\w-]*)?) (?:only )?(?:found out|heard|learned|learnt)\b[^.!?]*\bfrom\b`)

// lowerNPStart lowers "The" or "Our" that starts a noun phrase moved into
// a sentence, keeping names ("QA").
func lowerNPStart(np string) string {
	for _, d := range []string{"The ", "Our "} {
		if strings.HasPrefix(np, d) {
			return strings.ToLower(d[:1]) + np[1:]
		}
	}
	return np
}

// dropTitle is the fix that removes a venting sentence with no facts
// where the writer's own request stands elsewhere in the item (see askLast).
const dropTitle = "Drop the venting"

// withDrop puts first the removal of span when a candidate asks for it:
// a sentence of venting alone ("Honestly I'm fried."), where the request
// that would replace it is the writer's own already.
func withDrop(v blockView, span document.Span, fixes []lint.Fix, cands []candidate) []lint.Fix {
	if !slices.ContainsFunc(cands, func(c candidate) bool { return c.title == dropTitle }) {
		return fixes
	}
	lo, hi := v.sentenceAt(span.Start), v.sentenceAt(max(span.Start, span.End-1))
	if lo < 0 || lo != hi {
		return fixes
	}
	e, ok := removeSentence(v, v.b.Sentences[lo])
	if !ok {
		return fixes
	}
	for i := range fixes {
		fixes[i].Preferred = false
	}
	return append([]lint.Fix{{Title: dropTitle, Edits: []lint.Edit{e}, Rewrites: true, Preferred: true}}, fixes...)
}

// ownAskStands drops the request a rewrite adds where the facts it keeps
// already carry the writer's own request, proposal or action ("… pls cc
// me on field visit planning from now on", "Action: Ade to book a night
// caterer from 14 Nov."): theirs stands, and a second reads as nagging.
func ownAskStands(cands []candidate) []candidate {
	out := make([]candidate, 0, len(cands))
	seen := map[string]bool{}
	for _, c := range cands {
		if k := askStart(c.text); k > 0 && offersWayForward(c.text[:k]) {
			c = factsCandidate(c.text[:k])
		}
		if !seen[c.text] {
			seen[c.text] = true
			out = append(out, c)
		}
	}
	return out
}

// factsCandidate is the facts of a rewrite without our request, where
// the writer's own request or step stands for it, said plainly: "I'm fed
// up with learning about X from Y" → "I've been learning about X from Y".
func factsCandidate(facts string) candidate {
	lines := strings.Split(strings.TrimSpace(facts), "\n")
	for i, l := range lines {
		greet := ""
		if j := strings.Index(l, ", "); j > 0 && greetingRE().MatchString(l[:j+1]) {
			greet, l = l[:j+2], l[j+2:] // "Dear committee, I'm fed up…", a greeting run into the line
		}
		if p := plainLine(l, l); p != "" && !greetingLine(l) {
			lines[i] = greet + p
		}
	}
	return candidate{"State the facts", strings.Join(lines, "\n")}
}

// offersWayForward reports whether text has, at the start of one of its
// sentences or clauses, a request or proposal of the writer's ("pls …",
// "kindly …", "could we …", "I suggest …"), an action item ("Action: …",
// "Jo to check with HR by the 20th", "Helen agreed to draft one") or a
// named owner on it (see ownerOnIt). What the writer did or is doing is a
// fact of the complaint ("I wrote the spec", "we're redoing the
// estimates"), not a way forward. A repeated ask ("asked three times") is the
// grievance, not a way forward.
func offersWayForward(text string) bool {
	if m := askedToRE().FindStringIndex(text); m != nil && !repeatedAskRE().MatchString(text[m[0]:]) {
		return true
	}
	if canSomeoneRE().MatchString(text) {
		return true // "can Jess take the wholesaler calls on tues?", "could ops copy me on audit emails"
	}
	lead := strings.ToLower(strings.TrimLeft(text, "-*+>#_ \t"))
	for _, a := range complaint.fix.ownActions {
		if strings.HasPrefix(lead, a) && strings.ContainsAny(a, ":-") {
			return true // "Proposal: audit rotation …", a label of its own
		}
	}
	for _, piece := range clausePiecesRE().Split(text, -1) {
		p := strings.TrimSpace(piece)
		if p == "" {
			continue
		}
		l := strings.ToLower(p)
		if repeatedAskRE().MatchString(l) {
			continue
		}
		if opensWith(p, complaint.fix.proposals) && hasFact(p) || opensWith(p, complaint.fix.ownActions) ||
			actionItemRE().MatchString(p) && parse(p).Tokens[0].Tag == "NNP" || ownerOnIt(p) ||
			ownPlan(p) || roleActionItem(p) || iWantRE().MatchString(p) || ownWayClause(p) {
			return true
		}
	}
	return false
}

var (
	// clausePiecesRE splits a text where a sentence or a clause of its own
	// may start.
	clausePiecesRE = lazyRE(`[.!?;:]+(?:\s+|$)|\n+|\s[-–—]\s|,\s+(?:and\s+|so\s+)?`)
	// askedToRE: a request the writer made of someone named ("Asked Prof.
	// Greene to co-sign the letter").
	askedToRE = lazyRE(`\b[Aa]sked (?:[A-Z][\w.]*\s+){1,3}to [a-z]+`)
	// canSomeoneRE: a request that someone do something, opening a
	// sentence or clause: "can Jess take …", "could ops copy me on …".
	canSomeoneRE = lazyRE(`(?:^|[.!?;:]\s+|,\s+)(?i:can|could|would|will)\s+(?:[A-Z][\w-]*|ops|hr|finance|legal|someone|somebody|they|he|she|we|you|u|i|(?:the|our|your) (?:[a-z-]+ ){0,2}[a-z-]+|(?:[a-z-]+ ){0,2}[a-z-]+(?:\s+please)?\s+(?:be|get|send|copy|cc|add|take|cover|check|join|share|swap|give|let|sign|review|approve|look)\b)\s+(?:please\s+)?[a-z]+\b`)
	// actionItemRE: "Jo to check with HR", "Helen agreed to draft one", "Ade will book".
	actionItemRE = lazyRE(`^[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:to|agreed to|has agreed to|offered to|has offered to|promised to|is going to) [a-z]+`)
	// iWantRE: the writer's own request inside a clause ("For the next
	// appointment I want a named contact on their side").
	iWantRE = lazyRE(`\b(?:I (?:really )?(?:want|need|'d like|’d like|would like|'d ask|’d ask|am asking for|ask that)|and would like|and I'd like|and I’d like)\s+(?:a|an|the|someone|somebody|more|some|another|our|my|help|cover|us|them|him|her)\b`)
	// ownPlanRE: the writer's own next step on the grievance, said at the
	// start of a clause ("I will ask Piotr to show me", "going to ask Dom to
	// approve it", "will send them the new checklist").
	ownPlanRE = lazyRE(`(?i)^(?:so |anyway,? |ok,? |then |and |but |tomorrow |today |monday |next week )*(?:(?:i|we)(?:'ll|’ll| will| am going to|'m going to|’m going to| are going to|'re going to|’re going to| plan to| intend to| am planning to|'m planning to)|will|going to|gonna|planning to)(?: also| then| now| just| probably)? (?:ask|raise|log|flag|escalate|email|message|send|book|report|file|submit|draft|propose|suggest|put in|talk to|speak to|speak with|talk with|chase|check with|contact|follow up|set up|bring (?:it|this) up|take (?:it|this) up|call|ring|phone|ping|write to|write up|write|make|share|sort out|prepare|put together|meet|book|arrange|schedule|set up)\b`)
	// ownNowRE: a step the writer is taking from a time on ("putting an
	// 8:15 reminder in their calendar from tomorrow", "meeting their
	// supervisor 14:00 Wed").
	ownNowRE = lazyRE(`(?i)^(?:so |anyway,? |and )*(?:i'm |i’m |i am |we're |we’re |we are )?(?:putting|setting up|sending|booking|asking|raising|logging|escalating|drafting|adding|switching|pointing|moving|calling|emailing|meeting|taking it up|talking to|speaking to|asking for|requesting)\b.*\b(?:from (?:tomorrow|today|now on|monday|tuesday|wednesday|thursday|friday|next \w+|the \d+\w*)|tomorrow|next week|this afternoon|later today|mon|tue|tues|wed|thu|thurs|fri|monday|tuesday|wednesday|thursday|friday|\d{1,2}[:.]\d{2})\b`)
	// datedPlanRE: any step the writer will take, with when ("Going to
	// quarantine that test today", "I'll bring the numbers to Wednesday's
	// meeting").
	datedPlanRE = lazyRE(`(?i)^(?:so |anyway,? |ok,? |and |but )*(?:(?:i|we)(?:'ll|’ll| will| am going to|'m going to|’m going to| are going to|'re going to|’re going to)|will|going to|gonna)(?: also| then| now| just)? [a-z]+\b.*\b(?:today|tonight|tomorrow|this (?:week|afternoon|morning|evening)|next week|first thing|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|by \d|on the \d|at \d)`)
	// dependsRE: an action that waits on the grievance or is done in spite
	// of it ("I'll send the run of show once the client stops changing
	// it", "I'll fix the rota myself then"): not a way forward.
	dependsRE = lazyRE(`(?i)\b(?:when|whenever|once|until|if|unless|as soon as|myself|again|eventually|at some point|since nobody)\b`)
	// ownDoneRE: a step the writer has taken on the grievance ("Logged it
	// with HSE as an improvement suggestion on 4 Nov", "sent screenshots to
	// Leah in the app team this morning", "I've raised it with IT").
	ownDoneRE = lazyRE(`(?i)^(?:so |anyway,? |ok,? |and |but )*(?:(?:i|we)(?:'ve|’ve| have)? (?:already |just )?)?(?:raised|logged|flagged|escalated|reported|filed|submitted|drafted|proposed|suggested|put in|booked|arranged|scheduled|set up|already asked|asked for quotes|put up|put a|put an|introduced|made (?:it|them|this|that|the [\w-]+) (?:read-only|private|locked|mandatory|optional|visible)|locked|restricted|password-protected|switched|(?:sent|forwarded|shared)(?: [\w-]+){0,3} (?:to|with) (?:(?-i:[A-Z])|the \w+ team\b))`)
	// repeatedAskRE: an ask made before, the grievance itself.
	repeatedAskRE = lazyRE(`\b(?:times|again|twice|repeatedly|still|every time|no answer|no reply|no response|nothing|my last|several|multiple)\b`)
)

// ownPlan reports whether clause p is the writer's own next step on the
// grievance, planned or taken (see ownPlanRE and ownDoneRE); a step taken
// that went nowhere ("sent it twice, no reply") is the grievance.
func ownPlan(p string) bool {
	p = strings.TrimLeft(p, "-*+>#_ \t")
	if dependsRE().MatchString(p) {
		return false
	}
	if ownPlanRE().MatchString(p) || ownNowRE().MatchString(p) || datedPlanRE().MatchString(p) {
		return true
	}
	m := ownDoneRE().FindStringIndex(p)
	return m != nil && !strings.HasPrefix(p[m[1]:], " that ") && !repeatedAskRE().MatchString(strings.ToLower(p)) && !raisedWhenRE().MatchString(p)
}

// raisedWhenRE: a step said with when it was taken before, the grievance
// of a repeated ask ("I've raised this in my last three emails", "at the
// last three staff meetings", "on monday AND tuesday").
var raisedWhenRE = lazyRE(`(?i)\b(?:raised|flagged|reported|escalated) (?:this|it|that)\s+(?:in|at|on|every|since|before|during|twice|three|several|multiple)\b`)

// roleActionItem reports whether clause p is an action item whose owner is
// a role or initials rather than a name ("Sports editor to join the 10:30
// conference from Monday", "AH to draft a rotating pattern by 14 Feb").
func roleActionItem(p string) bool {
	m := roleActionRE().FindStringSubmatch(strings.TrimLeft(p, "-*+>#_ \t"))
	if m == nil {
		return false
	}
	s := parse(m[1] + " to " + m[2])
	for _, t := range s.Tokens[:len(strings.Fields(m[1]))] {
		if !strings.HasPrefix(t.Tag, "NN") {
			return false
		}
	}
	return true
}

// roleActionRE: "<owner of up to three words> to <verb>", the owner
// capitalised.
var roleActionRE = lazyRE(`^([A-Z][\w&.'’-]*(?: [\w&.'’-]+){0,2}) to ([a-z]+) \S`)

// restAsk asks for time off where the facts are of days worked without
// one.
const restAsk = "Could we look at the rota together and find me [a day off] before [date]?"

// restAsks turns a request to agree priorities into one for a day off
// where the facts before it are of days without one ("11 days straight
// since 1 June and the next day off on the rota is 22 June"; see the
// rule's rest_words): priorities are not what would help.
func restAsks(cands []candidate) []candidate {
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		facts, ok := strings.CutSuffix(c.text, prioritiesAsk)
		if !ok {
			continue
		}
		l := " " + strings.ToLower(facts) + " "
		for _, w := range complaint.fix.restWords {
			if strings.Contains(l, w) {
				out[i] = candidate{"Ask for time off", facts + restAsk}
				break
			}
		}
	}
	return out
}

// askLast returns the span a complaint's rewrites replace and the
// rewrites: without their added request where the writer proposes
// something in the same item, else widened over the sentences of facts
// after span in its item, which go before the request.
func askLast(v blockView, span document.Span, cands []candidate) (document.Span, []candidate) {
	ss := v.b.Sentences
	lo, hi := v.sentenceAt(span.Start), v.sentenceAt(max(span.Start, span.End-1))
	if lo < 0 || hi < 0 || len(cands) == 0 {
		return span, cands
	}
	if proposesElsewhere(v, lo, hi) {
		out := make([]candidate, 0, len(cands)+1)
		for _, c := range cands {
			switch k := askStart(c.text); {
			case k > 0:
				// Without its "How do [these dates] work?", the break is the
				// writer's need; their own request says when.
				claim, _, _ := strings.Cut(complaint.repl.burnout, ".") // "A break … would help me recharge"
				f := strings.Replace(strings.TrimSpace(c.text[:k]), claim, "I need a break", 1)
				f = strings.Replace(f, lowerFirst(claim), "I need a break", 1)
				ask := c.text[k:]
				c = factsCandidate(f)
				if m := includeMeRE().FindStringSubmatch(ask); m != nil {
					c.text += " I wasn't included in " + m[1] + "." // what the request was about stays a fact
				}
			case k == 0 && lo == hi && (!hasFact(stripOpeners(plainSentence(v, ss[lo]))) || pureVent(strings.TrimRight(plainSentence(v, ss[lo]), ".!?… "))):
				// Nothing but the vent and our request: the vent goes, and
				// the writer's own request stands for ours.
				if len(out) == 0 || out[0].title != dropTitle {
					out = append([]candidate{{dropTitle, ""}}, out...)
				}
				continue
			case k == 0:
				// Our request alone, where the writer's stands: the facts
				// of the sentence, said plainly, instead.
				// A protest question is the fact it implies (see
				// plainSentenceText).
				c = candidate{"State the facts", plainLine(plainSentenceText(plainSentence(v, ss[lo])), plainSentence(v, ss[lo]))}
				if t := strings.TrimSpace(c.text); t == "" || strings.HasPrefix(strings.ToLower(t), "why ") {
					continue // nothing plain to say, or still the protest
				}
			}
			out = append(out, c)
		}
		for _, s := range ss[hi+1:] {
			// "I find this disrespectful.": venting alone after it goes too.
			if t := strings.TrimRight(plainSentence(v, s), ".!?… "); t == "" || signOff(t) || !ventAlone(t) && !pureVent(t) && !ventClause(t) {
				break
			}
			span.End = trimSentence(v, s).End
		}
		return span, out
	}
	asks := false
	for _, c := range cands {
		asks = asks || askStart(c.text) >= 0
	}
	end := unitEnd(v, ss[hi])
	if !asks || end.End <= span.End {
		return span, cands
	}
	var tail []string
	consulted := false
	last := span.End
	for _, s := range ss[hi+1:] {
		if s.Start >= end.End || signOff(plainSentence(v, s)) {
			break
		}
		if t := strings.TrimRight(plainSentence(v, s), ".!?… "); pureVent(t) || ventClause(t) {
			last = trimSentence(v, s).End // "I'm honestly running on empty.": feeling alone goes with this one
			continue
		}
		if hasComplaint(v, s) {
			if ventAlone(strings.TrimRight(plainSentence(v, s), ".!?… ")) {
				last = trimSentence(v, s).End // "I am not a spare part": venting alone goes with this one
				continue
			}
			break // a complaint of its own has its own finding
		}
		src := v.src(trimSentence(v, s))
		if tailVerdictRE().MatchString(strings.TrimSpace(src)) && !strings.ContainsAny(src, "0123456789") {
			break // "It's a slow-motion car crash.": a verdict, not a fact to keep
		}
		if !goesOn(v.src(span)+" "+strings.Join(tail, " "), src) {
			break // "Release 4.2 is now live.": news of its own, after the request
		}
		if consultedRE().MatchString(src) {
			// "Decisions like that keep getting made without anyone asking
			// the people who run the samples": the grievance, said plainly.
			tail, consulted = append(tail, "I haven't been consulted on decisions like this."), true
		} else if t := tailFact(src); t != "" {
			tail = append(tail, t)
		}
		last = trimSentence(v, s).End
	}
	if len(tail) == 0 {
		span.End = last // sentences of venting alone go with the complaint
		return span, cands
	}
	add := strings.Join(tail, " ")
	out := make([]candidate, len(cands))
	for i, c := range cands {
		if k := askStart(c.text); consulted && k >= 0 && strings.Contains(c.text[k:], "loop me in") {
			c.text = c.text[:k] + consultAsk // not being asked, not being told, is the point
		}
		switch k := askStart(c.text); {
		case k < 0:
			out[i] = candidate{c.title, c.text + " " + add}
		case k == 0:
			out[i] = candidate{c.title, add + " " + c.text}
		default:
			out[i] = candidate{c.title, strings.TrimSpace(c.text[:k]) + " " + add + " " + strings.TrimSpace(c.text[k:])}
		}
	}
	span.End = last
	return span, out
}

// askStart returns where the request that ends a rewrite starts ("Could
// we …?", "Can you …?"), or -1 for none.
func askStart(text string) int {
	if !strings.HasSuffix(text, "?") {
		return -1
	}
	k := -1
	for _, w := range []string{"Could ", "Can ", "Would ", "How do "} {
		if strings.HasPrefix(text, w) {
			k = max(k, 0)
		}
		if j := strings.LastIndex(text, " "+w); j >= 0 {
			k = max(k, j+1)
		}
	}
	if k > 0 && !strings.ContainsAny(text[k-2:k], ".!?") {
		return -1 // "…, could we …" inside a sentence of the writer's
	}
	return k
}

// proposesElsewhere reports whether a sentence outside lo..hi makes the
// writer's own request or proposal (see offersWayForward): in the block,
// or in the next paragraph or list item of the same section, where notes
// put the ask that goes with a grievance ("- Asked for 14th–16th off;
// Steph to confirm by Weds.").
func proposesElsewhere(v blockView, lo, hi int) bool {
	ways := func(w blockView, skip func(int) bool) bool {
		for j, s := range w.b.Sentences {
			if skip(j) {
				continue
			}
			t := plainSentence(w, s)
			if t != "" && !strings.Contains(strings.ToLower(t), "why") && offersWayForward(t) {
				return true
			}
		}
		return false
	}
	if ways(v, func(j int) bool { return j >= lo && j <= hi }) {
		return true
	}
	if n := v.idx + 1; n < len(v.doc.Blocks) {
		next := &v.doc.Blocks[n]
		if next.Kind != document.Heading && next.Section == v.b.Section && !next.Quoted {
			return ways(blockView{doc: v.doc, idx: n, b: next, scan: v.scan}, func(int) bool { return false })
		}
	}
	return false
}

// tailFact is a sentence that goes on with a complaint's facts, as it
// goes before the request: capitalised, with a final mark, without the
// emphasis of a vent ("literally", "even" after a verb: "nobody has even
// acknowledged" → "nobody has acknowledged"). It is "" for a sentence
// that still only complains.
func tailFact(src string) string {
	t := strings.TrimSpace(src)
	lead, body, mark := sentenceParts(t)
	if body == "" {
		return ""
	}
	body = plainJabs(dropEven(stripVentAdverbs(body)))
	if c, ok := repeatCount(body); ok {
		body, mark = c, "."
	}
	if _, alarm := alarmPredicate(body); alarm && !hardFact(body) || contradictsText(body) || selfVerdictRE().MatchString(body) && !hardFact(body) {
		return "" // "this school is falling apart", "I don't know what more I can do": no fact
	}
	if ventOnly := ventSentence(body); isVent(body) || ventOnly {
		if f, ok := looseStatement(body); ok && !stillComplains(f) {
			body, mark = strings.TrimRight(f, ".!? "), "."
		} else if ventOnly || !hasFact(body) || !hasVerb(body) {
			return "" // "love being the last to know", "I give up arguing"
		}
	}
	if mark == "" || mark == "?" && !isQuestion(t) && !canSomeoneRE().MatchString(t) {
		mark = "."
	}
	return lead + upperFirst(capitalI(body)) + mark
}

// dropEven drops an "even" of emphasis after an auxiliary or a negation:
// "has even acknowledged", "didn't even reply".
func dropEven(s string) string {
	ws := strings.Fields(s)
	out := ws[:0:0]
	for i, w := range ws {
		if strings.EqualFold(w, "even") && i > 0 && i+1 < len(ws) {
			p := strings.ToLower(ws[i-1])
			if strings.HasSuffix(p, "n't") || strings.HasSuffix(p, "n’t") || p == "not" || p == "never" {
				continue
			}
			switch p {
			case "has", "have", "had", "did", "does", "do", "will", "would", "could", "can":
				continue
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// hasComplaint reports whether a complaint phrase (other than an ask) is
// in the sentence s of the block.
func hasComplaint(v blockView, s document.Span) bool {
	for _, h := range v.scan.hits[v.idx] {
		if h.group.rule == "complaint" && h.group != complaint.groups.ask && s.Start <= h.span.Start && h.span.End <= s.End {
			return true
		}
	}
	return false
}

// capSentences capitalises a sentence that the writer started in lower
// case inside a text ("after 8pm. every night" → "after 8pm. Every night").
func capSentences(s string) string {
	b := []byte(s)
	for i := 2; i < len(b); i++ {
		if b[i-1] == ' ' && strings.ContainsRune(".!?", rune(b[i-2])) && b[i] >= 'a' && b[i] <= 'z' {
			if i >= 3 && b[i-2] == '.' && (b[i-3] >= 'a' && b[i-3] <= 'z') && i >= 4 && b[i-4] == '.' {
				continue // "e.g. the", "i.e. we"
			}
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// repeatRE: a repeat counted as a jab: "Third year asking", "4th week
// chasing this", "second time in a row asking".
var repeatRE = lazyRE(`(?i)^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) (time|week|month|year|day|sprint|quarter|meeting|email|request)(?: in a row| running)? ([a-z]+ing(?: up)?)\b(.*)$`)

// repeatCount says a repeat counted as a jab plainly: "Third year
// asking" → "This is the third year I've asked" (see the rule's
// repeat_verbs).
func repeatCount(body string) (string, bool) {
	m := repeatRE().FindStringSubmatch(strings.TrimSpace(body))
	if m == nil {
		return "", false
	}
	for _, pair := range complaint.fix.repeatVerbs {
		g, pp, ok := strings.Cut(pair, " => ")
		if ok && strings.EqualFold(m[3], g) {
			if m[4] != "" {
				pp, _, _ = strings.Cut(pp, " ") // "chasing IT" → "chased IT"
			}
			return "This is the " + strings.ToLower(m[1]) + " " + strings.ToLower(m[2]) + " I've " + pp + m[4], true
		}
	}
	return "", false
}

// consultAsk asks to be consulted before a decision, where the complaint
// is of decisions made without asking.
const consultAsk = "Could you check with me before decisions like this are made?"

// consultedRE: decisions made without asking the writer: "… without
// anyone asking the people who run the samples", "… without consulting us".
var consultedRE = lazyRE(`(?i)\bwithout (?:anyone |anybody |somebody |someone )?(?:asking|checking with|consulting|involving|talking to)\b`)

// goesOn reports whether the sentence next, after a complaint's text,
// goes on with its facts: it names no fact of its own (a fragment: "3
// nights in a row now"), points back ("like that", "since"; see the
// rule's tail_pointers), or shares a noun or a number with it. A sentence
// of other news ("Release 4.2 is now live for 100% of users.") does not.
func goesOn(text, next string) bool {
	verb := false
	for _, t := range parse(next).Tokens {
		verb = verb || strings.HasPrefix(t.Tag, "VB") && t.Tag != "VBG"
	}
	return !verb || sharesFacts(text, next) || hardFact(next) && len(splitSentences(text)) <= 2 && !strings.HasSuffix(strings.TrimSpace(next), "?")
}

// sharesFacts reports whether next points back at text (see the rule's
// tail_pointers) or shares a noun or a number with it.
func sharesFacts(text, next string) bool {
	ns := parse(next)
	for _, t := range ns.Tokens {
		for _, w := range complaint.fix.tailPointers {
			if t.Lower == w {
				return true
			}
		}
	}
	have := map[string]bool{}
	for _, t := range parse(text).Tokens {
		if strings.HasPrefix(t.Tag, "NN") || t.Tag == "CD" {
			have[strings.TrimSuffix(t.Lower, "s")] = true
		}
	}
	for _, t := range ns.Tokens {
		if (strings.HasPrefix(t.Tag, "NN") || t.Tag == "CD") && have[strings.TrimSuffix(t.Lower, "s")] {
			return true
		}
	}
	return false
}

// topicKept keeps, before each rewrite, the topic the writer put before
// the complaint phrase at start behind a dash or a colon ("My points:
// wedding season – I'm running on empty" keeps "My points: wedding
// season – ").
func topicKept(v blockView, span document.Span, start int, cands []candidate) []candidate {
	if start <= span.Start {
		return cands
	}
	lead, _, _ := sentenceParts(v.src(span))
	pre := strings.TrimPrefix(v.src(document.Span{Start: span.Start, End: start}), lead)
	t := strings.TrimSpace(pre)
	dash := strings.HasSuffix(t, "–") || strings.HasSuffix(t, "—") || strings.HasSuffix(t, " -")
	if !dash && !strings.HasSuffix(t, ":") || len(strings.Fields(t)) < 2 || isVent(t) {
		return cands
	}
	out := make([]candidate, len(cands))
	for i, c := range cands {
		text := c.text
		if f := firstWord(text); dash && f != "I" && f != "I'm" && f != "I've" && !(len(f) > 1 && acronymish(f)) {
			text = lowerFirst(text)
		}
		out[i] = candidate{c.title, strings.TrimRight(pre, " ") + " " + text}
	}
	return out
}

// plainJabs says a jab of a kept sentence plainly (see the rule's
// plain_jabs): "with zero help from maintenance" → "without help from
// maintenance".
func plainJabs(s string) string {
	for _, pair := range complaint.fix.plainJabs {
		from, to, ok := strings.Cut(pair, " => ")
		if !ok {
			continue
		}
		if i := strings.Index(strings.ToLower(s), from); i >= 0 && (i == 0 || s[i-1] == ' ') {
			s = s[:i] + to + s[i+len(from):]
		}
	}
	return s
}

// exceptMeRE: all but the writer had something: "everyone in the team has
// done the GIS course except me", "the rest of the desk got the new
// laptops apart from me".
var exceptMeRE = lazyRE(`(?i)\b((?:everyone|everybody|all|the rest|every other)\b[^.;]*?) (?:(has|have|had) (been on|been to|been given|been sent on|been sent to|[a-z]+)|(got|[a-z]+ed)) ((?:the|a|an|their|new|[a-z]+'s) [^.;]+?),? (?:except|apart from|but|other than|bar|besides) (?:for )?me\b`)

// sameWhenRE: when the others had it, at the end of what they had.
var sameWhenRE = lazyRE(`(?i) (?:(?:back )?in (?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|q\d)|(?:last|this) \w+(?: \w+)?|since \w+|during \w+|years? ago|months? ago|weeks? ago)$`)

// sameAsks builds the request of a rewrite that asks for "[a way
// forward]" from what all but the writer had ("everyone … has done the
// GIS course except me" → "Could I do the GIS course by [date]?"; the
// verbs are the rule's same_verbs).
func sameAsks(cands []candidate) []candidate {
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		k := askStart(c.text)
		if k <= 0 || !strings.Contains(c.text[k:], "[a way forward]") {
			continue
		}
		facts := c.text[:k]
		loc := exceptMeRE().FindStringSubmatchIndex(facts)
		if loc == nil {
			continue
		}
		g := func(n int) string {
			if loc[2*n] < 0 {
				return ""
			}
			return facts[loc[2*n]:loc[2*n+1]]
		}
		subj, aux, done, obj := g(1), g(2), g(3)+g(4), sameWhenRE().ReplaceAllString(g(5), "") // "the new radios in spring": the when is theirs
		for _, pair := range complaint.fix.sameVerbs {
			pp, do, ok := strings.Cut(pair, " => ")
			if !ok || !strings.EqualFold(done, pp) {
				continue
			}
			// "Everyone in the team has done the GIS course except me" →
			// "I haven't done the GIS course yet; everyone else in the team has."
			if aux == "" {
				aux = "did"
			}
			if w, rest, _ := strings.Cut(subj, " "); strings.EqualFold(w, "everyone") || strings.EqualFold(w, "everybody") {
				// "everyone in the team" → "the rest of the team" ("everyone
				// else" reads as the protest again)
				subj = "the others"
				rest = strings.TrimPrefix(rest, "else ")
				if _, np, ok := strings.Cut(rest, " "); ok && np != "" {
					subj = "the rest of " + np // "in the team" → "the team"
				}
			}
			said := "I haven't " + strings.ToLower(done) + " " + lowerFirst(obj) + " yet; " + lowerFirst(subj) + " " + strings.ToLower(aux) + strings.TrimPrefix(g(5), obj)
			if loc[0] == 0 || strings.HasSuffix(strings.TrimRight(facts[:loc[0]], " "), ".") {
				said = upperFirst(said)
			}
			facts = facts[:loc[0]] + said + facts[loc[1]:]
			out[i] = candidate{"Ask for the same", facts + "Could I " + do + " " + lowerFirst(obj) + " by [date]?"}
			break
		}
	}
	return out
}

// tailVerdictRE: a sentence that only passes a verdict on what came
// before it: "It's a slow-motion car crash.", "That's a joke."
var tailVerdictRE = lazyRE(`(?i)^(?:it's|it’s|it is|this is|that's|that’s|that is|what a|such a)\s+(?:(?:a|an|such a|like a|just a|an absolute|a complete|a total)\s+)?[\w' -]+[.!]*$`)

// ventAlone reports whether a sentence beside a complaint is venting alone,
// to go with it: no hard fact, and a strong complaint or a verdict (see
// ventSentence), a word or two of sarcasm (bareVent), a sentence that
// says there is no way forward (contradictsText), a vent cue with no
// fact, or the writer's own verdict ("I find this disrespectful").
func ventAlone(t string) bool {
	return !hardFact(t) && (ventSentence(t) || bareVent(t) || contradictsText(t) || isVent(t) && !hasFact(t) || selfVerdictRE().MatchString(t))
}

// ventSentence reports whether a sentence after a complaint only vents:
// it names no hard fact (see hardFact) and either the complaint model
// reads it as a strong complaint ("love being the last to know", "the
// others always find some excuse") or it is a verdict on "this" or "it"
// ("This is not fair.", "It's a joke").
func ventSentence(body string) bool {
	if hardFact(body) {
		return false
	}
	if m := thisVerdictRE().FindStringSubmatch(strings.TrimSpace(body)); m != nil && slices.Contains(complaint.fix.verdictFrames, strings.ToLower(m[1])) {
		return true
	}
	return strongComplaintText(body)
}

// strongComplaintText reports whether the complaint model reads text as a
// strong complaint (see strongComplaint): "I'm the last to hear about a
// reorg that affects my own team", with or without "Once again".
func strongComplaintText(text string) bool {
	score, ok := complaintScore(text)
	return ok && score >= strongComplaint
}

// complaintScore returns the complaint model's margin for text; ok is
// false where the model did not load.
func complaintScore(text string) (float32, bool) {
	m, err := loadModel()
	if err != nil || m == nil {
		return 0, false
	}
	return m.Score(text)[complaintIndex], true
}

// strongComplaint is the complaint model's margin above which a sentence
// with no hard fact reads as venting alone: every fact sentence of a
// complaint tried scored below 1.6, the sarcasm after one above 3.
const strongComplaint = 2.5

var complaintIndex = model.RuleIndex("complaint")

// thisVerdictRE: "This is not fair", "it's a joke", "That was ridiculous".
var thisVerdictRE = lazyRE(`(?i)^(?:this|that|it)(?:'s|’s| is| was| feels| seems)(?: so| really| just| totally| frankly| honestly| simply)? (.+?)[.!]*$`)

// hardFact reports whether s names a number, a date or a name: a
// capitalised word other than its first word or "I".
func hardFact(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	for i, w := range strings.Fields(s) {
		w = strings.Trim(w, `"'“”‘’(),.;:!?`)
		if dayOrMonth[strings.ToLower(w)] {
			return true // "on a sunday"
		}
		if i > 0 && w != "" && w != "I" && !strings.HasPrefix(w, "I'") && !strings.HasPrefix(w, "I’") && startsUpper(w) &&
			(len(w) <= 4 || strings.IndexFunc(w[1:], unicode.IsLower) >= 0) {
			return true // a name or an acronym, not a shouted "NEVER"
		}
	}
	return false
}

// dayOrMonth holds the names of days and months, in lower case.
var dayOrMonth = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true,
}
