package builtin

import (
	"slices"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
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

// plainStatements is the last pass over every complaint rewrite of the
// text orig: in the facts it states before its request, a sentence of
// venting alone goes (see ventAlone) and one that opens with a vent loses
// it (see stripVentLead: "it's ridiculous that a 10-minute job needs 3
// approvals" → "A 10-minute job needs 3 approvals"); a greeting line of
// orig that the rewrite lost comes back ("Hi Jonas,"). A rewrite that only
// repeats orig is dropped, and one left with nothing becomes the removal
// of the vent (see withDrop).
func plainStatements(orig string, cands []candidate) []candidate {
	greeting := ""
	if first, _, ok := strings.Cut(strings.TrimSpace(orig), "\n"); ok && greetingLine(strings.TrimSpace(first)) {
		greeting = strings.TrimSpace(first)
	}
	out := make([]candidate, 0, len(cands))
	for _, c := range cands {
		if c.title == dropTitle {
			out = append(out, c)
			continue
		}
		facts, ask := c.text, ""
		if k := askStart(c.text); k >= 0 {
			facts, ask = strings.TrimSpace(c.text[:k]), c.text[k:]
		}
		lines := strings.Split(facts, "\n")
		if !wrapped(lines) {
			for i, l := range lines {
				lines[i] = plainLine(l)
			}
		}
		facts = strings.TrimSpace(strings.Join(slices.DeleteFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "" }), "\n"))
		if greeting != "" && !strings.HasPrefix(facts, greeting) && !strings.HasPrefix(ask, greeting) {
			facts = strings.TrimSpace(greeting + "\n" + facts)
		}
		if ss := splitSentences(facts); ask != "" && len(ss) > 0 && strings.HasSuffix(ss[len(ss)-1], "?") && requestLeadRE().MatchString(ss[len(ss)-1]) {
			ask = "" // the facts end in a request of their own ("Could the asset team read the job sheets …?")
		}
		if greeting != "" {
			if g, rest, ok := strings.Cut(facts, "\n"); ok && g == greeting && startsUpper(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(orig), greeting))) {
				facts = g + "\n" + upperFirst(rest) // "Dear Fatima,\nFreelancers on the regional desk …"
			}
		}
		if own := ownAskIn(orig); own != "" && !keeps(facts+" "+ask, own) {
			// "… doesnt turn up?? can Jess take the wholesaler calls on tues
			// and thurs": the writer's own request stands for ours.
			if strings.TrimSpace(facts) == "" {
				continue // nothing of the facts but our request
			}
			c.title, facts, ask = "State the facts", strings.TrimSpace(facts)+" "+own, ""
		}
		text := oneRequest(orig, strings.TrimSpace(facts+" "+ask))
		switch {
		case text == "" || text == greeting:
			if !slices.ContainsFunc(out, func(c candidate) bool { return c.title == dropTitle }) {
				out = append([]candidate{{dropTitle, ""}}, out...)
			}
		case text != strings.TrimSpace(orig):
			out = append(out, candidate{c.title, text})
		}
	}
	return out
}

// factsKept puts first, where the first rewrite of orig loses its facts
// (see lostFacts and weighty) and a plain restatement of orig loses fewer
// (see restated), that restatement with the same request: "Rachel, I'm
// fed up with the regional call running 40 minutes over every Tuesday
// while I've got a store to run" must not become "Rachel, I've got a
// store to run."
func factsKept(orig string, cands []candidate) []candidate {
	if len(cands) == 0 {
		return cands
	}
	lead, _, _ := sentenceParts(orig)
	orig = orig[len(lead):]
	if cands[0].title == dropTitle {
		// Dropping the text drops its facts too: "The desk cut my council
		// piece at 6pm without telling me, as usual." is said plainly instead.
		if weighty(lostFacts(orig, ""), orig) {
			if r := restated(orig, ""); r != "" && r != strings.TrimSpace(orig) {
				return append([]candidate{{"State the facts", r}}, cands...)
			}
		}
		return cands
	}
	lost := lostFacts(orig, cands[0].text)
	if len(lost) < 2 && !weighty(lost, orig) {
		return cands
	}
	if strings.Contains(cands[0].text, "[these dates]") {
		return cands // a break asked for stands on its own
	}
	ask, facts := "", cands[0].text
	if k := askStart(cands[0].text); k >= 0 {
		ask, facts = cands[0].text[k:], strings.TrimSpace(cands[0].text[:k])
	}
	if before, after := missingSentences(orig, cands[0].text); (before != "" || after != "") && facts != "" {
		// "Doing crunch weekends … is more than I can sustain." keeps its
		// shape; "I've worked 11 of the last 13 Saturdays." comes back.
		back := strings.TrimSpace(before + " " + after)
		var rest []string
		for _, f := range splitSentences(facts) {
			if !keeps(back, f) {
				rest = append(rest, f) // "The auditor asked for it." is in "The freezer log was misplaced and the auditor asked for it."
			}
		}
		body := strings.TrimSpace(before + " " + strings.Join(rest, " ") + " " + after)
		r := strings.TrimSpace(body + " " + ask)
		if !weighty(lostFacts(orig, r), orig) {
			return append([]candidate{{cands[0].title, r}}, cands[1:]...)
		}
	}
	if !weighty(lost, orig) {
		return cands
	}
	r := restated(orig, ask)
	if r == "" || r == strings.TrimSpace(orig) || len(lostFacts(orig, r)) >= len(lost) {
		return cands
	}
	title := "State the facts"
	if ask != "" && strings.HasSuffix(r, ask) {
		title = "State the facts and ask for a change"
	}
	return append([]candidate{{title, r}}, cands...)
}

// missingSentences returns the sentences of orig whose facts text lost
// nearly all of (see lostIn), each said plainly (see
// plainSentenceText), or "".
func missingSentences(orig, text string) (before, after string) {
	have := wordsOf(text)
	var pre, post []string
	kept := false // a sentence of orig that text keeps came before
	for _, line := range strings.Split(orig, "\n") {
		for _, s := range splitSentences(line) {
			if greetingLine(s) {
				continue
			}
			lost, all := lostIn(s, have), lostIn(s, nil)
			if len(all) == 0 || loveLeadRE().MatchString(s) || rhetoricalRE().MatchString(s) {
				continue
			}
			if 4*len(lost) < 3*len(all) || len(lost) < 2 && !weighty(lost, s) {
				kept = true
				continue
			}
			t := plainLine(plainSentenceText(s))
			if t == "" || pureVent(t) || !weighty(lost, s) && (isVent(t) || stillComplains(t)) {
				continue
			}
			t = capitalI(upperFirst(plainLine(t)))
			if kept {
				post = append(post, t)
			} else {
				pre = append(pre, t)
			}
		}
	}
	return strings.Join(pre, " "), strings.Join(post, " ")
}

// wordsOf is the set of words of text, in lower case, each also without
// a final "s".
func wordsOf(text string) map[string]bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, `"'“”‘’(),.;:!?*`)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		have[w], have[strings.TrimSuffix(w, "s")] = true, true
	}
	return have
}

// restated is orig said plainly, sentence by sentence, losing nothing
// but venting: what plainLine strips, shouting, vent adverbs and chat
// markers go, a protest question becomes the fact it implies where it
// can (see usualOne and whyAsFact); then ask, unless the writer asks or
// acts already (see offersWayForward and ownAskIn).
func restated(orig, ask string) string {
	lines := strings.Split(strings.TrimSpace(orig), "\n")
	if wrapped(lines) {
		return ""
	}
	for i, l := range lines {
		if i == 0 && len(lines) > 1 && greetingLine(strings.TrimSpace(l)) {
			continue
		}
		var ss []string
		for _, s := range splitSentences(l) {
			ss = append(ss, plainSentenceText(s))
		}
		lines[i] = plainLine(strings.Join(ss, " "))
	}
	out := strings.TrimSpace(strings.Join(slices.DeleteFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "" }), "\n"))
	if out == "" {
		return ""
	}
	if ask != "" && !offersWayForward(out) && ownAskIn(orig) == "" {
		out += " " + ask
	}
	return out
}

// plainSentenceText is one sentence s of restated without its shouting,
// vent adverbs and chat markers, a protest question as its fact.
func plainSentenceText(s string) string {
	lead := ""
	if m := inlineLabelRE().FindString(s); m != "" && len(m) < len(s) {
		lead, s = m, s[len(m):]
	}
	_, body, mark := sentenceParts(s)
	if addr, rest := addressee(body); strings.HasSuffix(addr, ", ") && parse(addr).Tokens[0].Tag == "NNP" {
		lead, body = lead+addr, rest
	}
	body = chatMarkerRE().ReplaceAllString(unshout(body), " ")
	if f, ok := doneWithFact(strings.TrimSpace(body)); ok {
		body = f
	} else if f, ok := fedUpOfFact(strings.TrimSpace(body)); ok {
		body = f
	}
	body = strings.Trim(cutVent(stripVentAdverbs(body)), ",;: ")
	if i := strings.Index(body, " but "); i > 0 && isVent(body[i+len(" but "):]) && !hardFact(body[i+len(" but "):]) {
		body = body[:i] // "I told them about the portal many times but they never listen"
	}
	if bareVent(body) {
		return ""
	}
	if m := whyAlwaysThatRE().FindStringSubmatch(strings.TrimRight(body, "?!. ")); m != nil && hasVerb(m[2]) {
		// "Why is it always Registry that gets the blame when …" →
		// "Registry usually gets the blame when …"
		body, mark = upperFirst(m[1])+" usually "+m[2], "."
	} else if strings.HasPrefix(strings.ToLower(body), "why ") {
		if u, ok := usualOne(body); ok {
			body, mark = u, "."
			if k := askStart(body); k > 0 {
				body = strings.TrimSpace(body[:k])
			}
			body = strings.TrimRight(body, ".")
		} else if f, ok := whyAsFact(body); ok {
			body, mark = f, "."
		}
	}
	if rhetoricalRE().MatchString(body) {
		return "" // "what am i supposed to prep in 12 hrs": the protest goes
	}
	if m := verdictNounRE().FindStringSubmatch(body); m != nil {
		if strings.TrimSpace(m[2]) == "" {
			return ""
		}
		// "payroll this month is a dumpster fire and finance keeps pointing
		// at us" → "Payroll this month: finance keeps pointing at us"
		body = upperFirst(m[1]) + ": " + lowerFirst(strings.TrimSpace(m[2]))
	}
	if strings.TrimSpace(body) == "" {
		return ""
	}
	if mark == "" {
		mark = "."
	}
	if strings.Trim(mark, "?") == "" && strings.Contains(mark, "?") && len(mark) > 1 {
		mark = "?"
	}
	body = capitalI(strings.TrimSpace(body))
	if strings.HasSuffix(lead, ", ") {
		body = lowerFirst(body) // "Rachel, the regional call …"
	} else {
		body = upperFirst(body)
	}
	return lead + body + mark
}

// verdictNounRE: "<what> is a dumpster fire[, and <fact>]".
var verdictNounRE = lazyRE(`(?i)^((?:the |this |that |our |my )?[\w' -]{2,40}?) (?:is|are|was|has been|have been) (?:(?:a|an|such a|like a|an absolute|a complete|a total|a total and utter|an utter|just a|basically a) )?(?:dumpster fire|farce|joke|circus|shambles|mess|nightmare|disaster|train ?wreck|clown show|shit ?show|car crash|fiasco)(?: from start to finish)?[,;.]?(?:\s*(?:and|but)\s+|\s+)?(.*)$`)

var (
	// learnedThatRE: "great to learn from the investor deck that <news>".
	learnedThatRE = lazyRE(`(?i)^(?:oh )?(?:great|nice|lovely|good|cool|wonderful|fantastic|brilliant|fun|glad) to (?:learn|hear|find out|discover|read|see) ((?:from|in|on|via) [^,]{2,60}? )that (.+)$`)
	// sarcasmFrameRE: "oh good, <news>", "cool cool cool, so <news>".
	sarcasmFrameRE = lazyRE(`(?i)^(?:oh )?(?:good|great|cool|nice|lovely|wonderful|fantastic|brilliant|perfect|super|awesome|amazing|excellent)(?:,? (?:cool|great))*[,!.]+\s+(?:so\s+)?(.+)$`)
	// feelingTailRE: a clause of feeling after the facts (", so it stings
	// to be the last to know", "and I've got nothing left").
	feelingTailRE = lazyRE(`(?i),?\s+(?:(?:so|and|but)\s+(?:it|that|this)\s+(?:really\s+)?(?:stings|hurts|sucks|is (?:frustrating|demoralising|demoralizing|demotivating|exhausting|infuriating|annoying|upsetting|not ok|not okay))|and\s+(?:i(?:'ve|’ve| have)\s+(?:got\s+)?nothing left|i'm|i’m|i am)\s+(?:fried|exhausted|burnt out|burned out|done|running on empty)|and\s+i(?:'ve|’ve| have) got nothing left)\b[^.!?]*$`)
	// commaThatRE: a comma left before "that" where an aside went ("from
	// the venue coordinator, that the kickoff moved").
	commaThatRE = lazyRE(`(\w), that `)
	// isTheTimeRE: "is the third time this year", its subject left out.
	isTheTimeRE = lazyRE(`(?i)^(is) the (?:\w+ )?time\b`)
	// whyAlwaysMustRE: "why always my team must stay after shift".
	whyAlwaysMustRE = lazyRE(`(?i)^why (?:always|every time) ((?:my|our|the|this) [\w' -]{1,30}?) (?:must|has to|have to|need to|needs to) (.+)$`)
	// niceIfRE: "it would be nice if, for once, <who> <did what>".
	niceIfRE = lazyRE(`(?i)^it would be (?:nice|great|good|lovely|helpful|refreshing) if,?(?: for once,?| just once,?| ever,?)? (.+)$`)
)

// presentOf returns the base form of a past verb in a wish ("read",
// "checked", "told"), for a request.
func presentOf(v string) (string, bool) {
	l := strings.ToLower(v)
	if b, ok := irregularPast[l]; ok {
		return b, true
	}
	if strings.HasSuffix(l, "ed") && len(l) > 4 {
		return grammarBaseOfEd(l), true
	}
	return "", false
}

// irregularPast maps the past of common verbs to their base form.
var irregularPast = map[string]string{"read": "read", "told": "tell", "sent": "send", "gave": "give", "kept": "keep",
	"took": "take", "let": "let", "came": "come", "got": "get", "did": "do", "made": "make", "put": "put", "thought": "think",
	"brought": "bring", "wrote": "write", "spoke": "speak", "met": "meet", "knew": "know", "saw": "see"}

// grammarBaseOfEd strips "-ed" from a regular past: "checked" → "check",
// "copied" → "copy", "planned" → "plan", "shared" → "share".
func grammarBaseOfEd(l string) string {
	stem := l[:len(l)-2]
	switch {
	case strings.HasSuffix(stem, "i"):
		return stem[:len(stem)-1] + "y"
	case len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && !strings.ContainsRune("lsz", rune(stem[len(stem)-1])):
		return stem[:len(stem)-1]
	case grammar.IsVerb(grammar.ParseAfter("to ", stem).Tokens[0].Tag) && !strings.ContainsRune("aeiou", rune(stem[len(stem)-1])) && !strings.HasSuffix(stem, "v") && !strings.HasSuffix(stem, "at"):
		return stem
	}
	return stem + "e"
}

// whoThatLeftRE: "<who> that <does what>" with no verb of its own.
var whoThatLeftRE = lazyRE(`^((?:The |Our |My )?[A-Z][\w&'’-]*(?: [\w&'’-]+){0,2}?) (?:that|who) ((?:gets|has to|ends up|takes|picks up|pays|covers|loses)\b.+)$`)

// whyAlwaysThatRE: "why is it always <who> that <does what>".
var whyAlwaysThatRE = lazyRE(`(?i)^why is it (?:always|usually|every time) ((?:the |our |my )?(?-i:[A-Z])[\w&'’-]*(?: [\w&'’-]+){0,2}?) (?:that|who) ((?:gets|has|is|does|ends up|takes|picks up|pays|covers|loses)\b.+)$`)

// chatMarkerRE: emoji and chat words that carry only feeling.
var chatMarkerRE = lazyRE(`(?i)(?:^|\s)(?:lol|lmao|smh|ugh+,?|fml|tbh,?|ffs|sigh|whatever|man,|oh great,|great,|wow,|anyway,?)(?:\s|$)|[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}]\s*`)

// lostFacts returns the words of facts in orig that text does not keep:
// numbers, names, and nouns other than those that only vent.
func lostFacts(orig, text string) []string {
	have := wordsOf(text)
	var lost []string
	for _, s := range splitSentences(orig) {
		if loveLeadRE().MatchString(s) {
			continue // "love finding things out at 5am": said to sting
		}
		lost = append(lost, lostIn(s, have)...)
	}
	return lost
}

// loveLeadRE: sarcasm that is all feeling ("love finding things out at
// 5am", "thanks for that").
var loveLeadRE = lazyRE(`(?i)^(?:love|loving|thanks|thank you)\b`)

// rhetoricalRE: a protest question ("what am i supposed to prep in 12
// hrs", "how am I meant to get anyone home today?").
var rhetoricalRE = lazyRE(`(?i)^(?:so |and |but )?(?:what|how|when|who) (?:am i|are we|is anyone|is anybody|is one|are you|is she|is he) (?:even )?(?:supposed|meant|expected|going) to\b`)

// lostIn is lostFacts for one sentence of the original.
func lostIn(orig string, have map[string]bool) []string {
	var lost []string
	toks := parse(orig).Tokens
	for i, t := range toks {
		w := strings.Trim(t.Lower, `"'“”‘’(),.;:!?*`)
		if w == "" || complaint.fix.ventNouns[w] || !(strings.HasPrefix(t.Tag, "NN") || t.Tag == "CD") || len(w) < 3 && t.Tag != "CD" || unshout(t.Text) != t.Text {
			continue
		}
		if (i == 0 || strings.ContainsAny(toks[i-1].Text, ".!?:\n") || strings.Contains(orig[toks[i-1].End:t.Start], "\n")) && !strings.ContainsAny(w, "0123456789") {
			continue // a sentence's first word: "Super.", "Per my last two emails"
		}
		if t.Tag == "NN" && i+1 < len(toks) && toks[i+1].Tag == "VBG" && grammar.IsVerb(grammar.ParseAfter("to ", w).Tokens[0].Tag) {
			continue // "keep" read as a noun in "Calls like that keep being made"
		}
		if !have[w] && !have[strings.TrimSuffix(w, "s")] {
			lost = append(lost, t.Text)
		}
	}
	return lost
}

// weighty reports whether facts lost from orig matter: a number, a name
// or a day, or three words or more and half of them.
func weighty(lost []string, orig string) bool {
	for _, w := range lost {
		if hardFact("x " + w) {
			return true
		}
	}
	return len(lost) >= 3 && 3*len(lost) >= len(lostFacts(orig, ""))
}

// greetingLine reports whether a line only greets ("Hi Jonas,", "Dear
// Fatima,", "Jon,"): a greeting (see greetingRE) or a name alone.
func greetingLine(l string) bool {
	return greetingRE().MatchString(l) || nameLineRE().MatchString(l)
}

// wrapped reports whether lines are a sentence wrapped over lines: one
// before the last ends without a mark.
func wrapped(lines []string) bool {
	for _, l := range lines[:len(lines)-1] {
		if t := strings.TrimSpace(l); t != "" && !strings.ContainsAny(t[len(t)-1:], ".!?,:") {
			return true
		}
	}
	return false
}

// oneRequest drops from text a request of ours where text keeps the
// writer's own from orig ("Could you loop me in earlier on changes like
// this? Could store managers be added to the policy distribution list?").
func oneRequest(orig, text string) string {
	if i := strings.LastIndex(text, "\n"); i >= 0 {
		return text[:i+1] + oneRequest(orig, text[i+1:])
	}
	ss := splitSentences(text)
	own, ours := false, -1
	for i, s := range ss {
		if !strings.HasSuffix(s, "?") || !requestLeadRE().MatchString(s) {
			continue
		}
		if strings.Contains(strings.ToLower(orig), strings.ToLower(strings.TrimRight(s, "?"))) || canSomeoneRE().MatchString(s) && keeps(orig, s) {
			own = true
		} else {
			ours = i
		}
	}
	if !own || ours < 0 {
		return text
	}
	return strings.Join(slices.Delete(ss, ours, ours+1), " ")
}

// requestLeadRE: a sentence that opens as a request.
var requestLeadRE = lazyRE(`^(?:Could|Can|Would|Will) `)

// ownAskIn returns the writer's own request in text, a sentence or a
// clause after the first that asks someone to act ("can Jess take the
// calls on Tuesdays?", "pls cc me on audit emails"), finished as a
// sentence; "" for none.
func ownAskIn(text string) string {
	pieces := ownAskSplitRE().Split(strings.TrimSpace(text), -1)
	for _, p := range pieces[1:] {
		p = strings.TrimSpace(p)
		if len(strings.Fields(p)) < 4 || repeatedAskRE().MatchString(strings.ToLower(p)) {
			continue
		}
		if canSomeoneRE().MatchString(p) || opensWith(p, []string{"please", "pls", "plz", "kindly"}) {
			p = upperFirst(strings.TrimRight(p, ".!? "))
			if canSomeoneRE().MatchString(p) {
				return p + "?"
			}
			return p + "."
		}
	}
	return ""
}

// ownAskSplitRE splits a text where a sentence may start, including a
// chat sentence after "??" or "!!" that starts in lower case.
var ownAskSplitRE = lazyRE(`[.!?]+\s+|\n+|\s*[\x{1F300}-\x{1FAFF}\x{2600}-\x{27BF}]+\s*`)

// keeps reports whether text keeps every content word of piece (words of
// four letters or more).
func keeps(text, piece string) bool {
	l := strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(piece)) {
		w = strings.Trim(w, `"'“”‘’(),.;:!?`)
		if len(w) >= 4 && !strings.Contains(l, w) {
			return false
		}
	}
	return true
}

// plainLine is plainStatements for one line of a rewrite's facts.
func plainLine(line string) string {
	ss := splitSentences(line)
	var kept []string
	for _, s := range ss {
		lead := ""
		if m := inlineLabelRE().FindString(s); m != "" && len(m) < len(s) {
			lead, s = m, s[len(m):]
		}
		_, body, mark := sentenceParts(s)
		if pureVent(body) {
			continue
		}
		if m := feelingThatRE().FindStringSubmatch(body); m != nil && hasVerb(m[1]) {
			// "Still fuming that Price & Myers sat on our comments" →
			// "Price & Myers sat on our comments"
			body = upperFirst(m[1])
		}
		if m := learnedThatRE().FindStringSubmatch(body); m != nil && hasVerb(m[2]) {
			// "Great to learn from the investor deck that we're shipping in
			// Q2" → "I learned from the investor deck that we're shipping in Q2"
			body = "I learned " + m[1] + "that " + m[2]
		} else if m := sarcasmFrameRE().FindStringSubmatch(body); m != nil && hasVerb(m[1]) && len(strings.Fields(m[1])) >= 3 {
			// "oh good, the eTMF is down again" → "The eTMF is down again"
			body = upperFirst(m[1])
		}
		body = feelingTailRE().ReplaceAllString(body, "")
		body = strings.NewReplacer(",,", ",", ", ,", ",", " ,", ",").Replace(body)
		body = commaThatRE().ReplaceAllString(body, "$1 that ")
		if m := isTheTimeRE().FindStringSubmatch(body); m != nil {
			body = "It's" + body[len(m[1]):] // "is the third time this year": the "it" a writer left out
		}
		if m := whyAlwaysMustRE().FindStringSubmatch(body); m != nil {
			// "Why always my team must stay after shift" → "My team always has to stay after shift"
			has := "has to"
			if ps := parse(m[1]); len(ps.Tokens) > 0 && ps.Tokens[len(ps.Tokens)-1].Tag == "NNS" {
				has = "have to"
			}
			body, mark = upperFirst(m[1])+" always "+has+" "+m[2], "."
		}
		if m := niceIfRE().FindStringSubmatch(body); m != nil {
			// "It would be nice if, for once, the asset team read the job
			// sheets" → "Could the asset team read the job sheets?"
			ps := parse(m[1])
			if c, ok := ps.NounPhraseAt(0); ok && c.End < len(ps.Tokens) {
				if v, ok := presentOf(ps.Tokens[c.End].Text); ok {
					body, mark = "Could "+lowerNPStart(m[1][:ps.Tokens[c.End-1].End])+" "+v+m[1][ps.Tokens[c.End].End:], "?"
				}
			}
		}
		if m := whoThatLeftRE().FindStringSubmatch(body); m != nil && !strings.Contains(m[2], " is ") {
			// "Registry that gets the blame when …", what is left of "why is
			// it always Registry that gets the blame when …"
			body = m[1] + " usually " + m[2]
		}
		if f, ok := doneWithFact(body); ok {
			body = f
		} else if f, ok := fedUpOfFact(body); ok {
			body = f
		} else if m := niceToHearRE().FindStringSubmatch(body); m != nil {
			// "It would have been nice to hear about it before a customer
			// showed us" → "I heard about it only when a customer showed us"
			body = "I heard about " + m[1] + " only when " + m[2]
		}
		if b, ok := stripVentLead(body); ok && hasVerb(b) && len(strings.Fields(b)) >= 3 {
			if lead != "" && !startsUpper(body) {
				b = lowerFirst(b)
			} else {
				b = upperFirst(b)
			}
			body = b
		}
		if !strings.Contains(mark, "?") {
			b := strings.Trim(stripVentAdverbs(body), ",;: ") // a request keeps its "again"
			for _, c := range []string{" and", " or", " but"} {
				b = strings.TrimSuffix(b, c) // "… for the scrap report and again"
			}
			if startsUpper(body) {
				b = upperFirst(b)
			}
			body = b
		}
		if body == "" {
			continue
		}
		if mark == "" && len(ss) > 1 {
			mark = "."
		}
		if len(kept) > 0 && lead == "" {
			body = upperFirst(body) // "… for B shift. Every single monday I walk in …"
		}
		kept = append(kept, lead+body+mark)
	}
	return strings.Join(kept, " ")
}

// pureVent reports whether a sentence of a rewrite's facts vents and
// states nothing: no hard fact, and a vent cue with no fact (see isVent),
// the writer's verdict or feeling ("I find this disrespectful", "This is
// really demotivating for me", "I'm honestly running on empty") or a
// verdict on "this" ("That is not fair and staff are fed up").
func pureVent(body string) bool {
	if hardFact(body) {
		return false
	}
	b := strings.TrimSpace(body)
	if m := thisVerdictRE().FindStringSubmatch(b); m != nil {
		for _, f := range complaint.fix.verdictFrames {
			if strings.HasPrefix(strings.ToLower(m[1]), f) {
				return true
			}
		}
	}
	return isVent(b) && !hasFact(b) || selfVerdictRE().MatchString(b) || feelingRE().MatchString(b) || notTheirRE().MatchString(b)
}

// notTheirRE: the jab that the writer is not someone's help ("I'm a
// backend dev, not their intern").
var notTheirRE = lazyRE(`(?i)\bnot (?:their|his|her|your|everyone's|everyone’s|the team's|the team’s|anyone's|anyone’s) (?:personal )?(?:intern|secretary|pa|assistant|babysitter|slave|dogsbody|maid|mum|mom|mother|nanny|servant|butler|minion|errand \w+|punching bag|skivvy|cleaner)\b`)

// doneWithRE: "I give up with the new ERP, <clause>", "I'm so done with
// this CMS, <clause>".
var doneWithRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? |ugh,? )*i(?:'m|’m| am)?(?: so| really| honestly| completely| totally)* (?:give up|gave up|done|fed up|sick|tired|over it) (?:with|of|on) ([^,;:]{2,40}), (.+)$`)

// doneWithFact keeps what a feeling of being done with something is
// about, and the fact after it: "I give up with the new ERP, every
// morning I lose half an hour" → "With the new ERP, every morning I lose
// half an hour"; "I give up on the rota app, it logs me out every 10
// minutes" → "The rota app logs me out every 10 minutes".
func doneWithFact(s string) (string, bool) {
	m := doneWithRE().FindStringSubmatch(s)
	if m == nil || !hasVerb(m[2]) || strings.HasPrefix(strings.ToLower(m[1]), "getting ") || strings.HasPrefix(strings.ToLower(m[1]), "trying ") {
		return s, false
	}
	np, rest := strings.TrimSpace(m[1]), m[2]
	for _, p := range []string{"it ", "they "} {
		if strings.HasPrefix(strings.ToLower(rest), p) && !strings.HasPrefix(strings.ToLower(rest), p+"'") {
			return upperFirst(np) + " " + rest[len(p):], true
		}
	}
	return "With " + lowerNPStart(np) + ", " + rest, true
}

// fedUpOfRE: "I'm fed up with <what keeps happening>".
var fedUpOfRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? |i'll be honest,? |i’ll be honest,? |to be honest,? )*(?:(i'm|i’m|i am|im|we're|we’re|we are)\s+)?(?:(?:so|really|honestly|frankly|completely|totally|just|getting)\s+)*(?:fed up|sick and tired|sick|tired|done)\s+(?:with|of|to)\s+(.+)$`)

// fedUpOfFact states what the writer is fed up with as what has been
// happening: "I'm fed up with the regional call running 40 minutes over
// every Tuesday" → "The regional call has been running 40 minutes over
// every Tuesday"; "so done with chasing estates" → "I've been chasing
// estates".
func fedUpOfFact(s string) (string, bool) {
	m := fedUpOfRE().FindStringSubmatch(s)
	if m == nil {
		return s, false
	}
	who, rest := "I've", m[2]
	if m[1] == "" && !strings.HasPrefix(strings.ToLower(rest), "be the one ") && parse(rest).Tokens[0].Tag != "VBG" {
		return s, false // "Sick of it": no one said, no task
	}
	if l := strings.ToLower(m[1]); strings.HasPrefix(l, "we") {
		who = "We've"
	}
	if l := strings.ToLower(rest); strings.HasPrefix(l, "be the one ") {
		// "I am really tired to be the one who always takes the calls"
		return "I'm usually the one " + rest[len("be the one "):], true
	}
	ps := parse(rest)
	if len(ps.Tokens) < 2 {
		return s, false
	}
	if t := ps.Tokens[0]; t.Tag == "VB" || t.Tag == "VBP" {
		// "tired to repeat always the same things" (to for of)
		return strings.TrimSuffix(who, "'ve") + " have to " + rest, true
	}
	if ps.Tokens[0].Tag == "VBG" && ps.Tokens[0].Lower != "being" {
		return who + " been " + rest, true
	}
	c, ok := ps.NounPhraseAt(0)
	if !ok || c.End >= len(ps.Tokens) || ps.Tokens[c.End].Tag != "VBG" || ps.Tokens[0].Tag == "PRP" {
		return s, false
	}
	np := rest[:ps.Tokens[c.End-1].End]
	has := "has been"
	if plural(ps, c) || strings.HasSuffix(np, "s") && !strings.HasSuffix(np, "ss") {
		has = "have been"
	}
	return upperFirst(lowerNPStart(np)) + " " + has + " " + rest[ps.Tokens[c.End].Start:], true
}

// niceToHearRE: "it would have been nice to hear about it before <what
// told the writer>".
var niceToHearRE = lazyRE(`(?i)^(?:it )?would(?: have|'ve)? been nice to (?:hear|know|be told|find out|learn) (?:about )?(it|this|that|the \w+(?: \w+)?) before (.+)$`)

// feelingThatRE: the writer's feeling about the clause after it.
var feelingThatRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? )*(?:i'm |i’m |i am |i was |i feel |we're |we’re |we are )?(?:still |so |really |honestly |pretty |quite |a bit |very )*(?:fuming|furious|livid|annoyed|frustrated|gutted|upset|angry|irritated|disappointed|sad|shocked|stunned|fed up|sick|tired|disgusted|appalled|baffled|amazed) (?:that|to see that|to hear that|to find out that|to learn that) (.+)$`)

// feelingRE: a sentence of the writer's feeling alone.
var feelingRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? |and |but |so )*(?:i'm|i’m|i am|i feel|feeling|i'm feeling|this is|that's|that is|it's|it is)(?: so| really| honestly| completely| totally| just| pretty| quite| very| absolutely| kind of| a bit)* (?:done|exhausted|running on empty|fed up|burnt out|burned out|fried|over it|demotivated|demoralised|demoralized|demotivating|demoralising|demoralizing|exhausting|soul-destroying|disrespectful|insulting|upset|furious|fuming|livid|gutted|at the end of my tether|at my wits' end|losing my mind|not ok|not okay|had enough(?: of it| of this)?)[.!]*$|^(?:and |but )?(?:this|it|that) (?:always|keeps|just keeps) happen(?:s|ing)(?: (?:again|here|to us|with us|all the time))?[.!]*$|^(?:that's|that is|this is|it's|it is) not (?:how|what|ok|okay|acceptable|right|fair|professional)\b[^0-9]*$|^(?:it )?would(?: have|'ve|’ve)? been nice to\b[^0-9]*$|^i(?:'ve|’ve| have) had enough(?: of (?:it|this|that))?[.!]*$`)

var (
	// nameLineRE: a line that is a name and a comma ("Jon,", "Ms Novak,").
	nameLineRE = lazyRE(`^[\p{Lu}][\p{L}'’.-]{1,20}(?: [\p{Lu}][\p{L}'’.-]{1,20})?,$`)
	// inlineLabelRE: a list marker and a topic label before a sentence
	// ("- Permit-to-work portal: ", "3. Rota: ").
	inlineLabelRE = lazyRE(`^(?:[-*+]\s+)?(?:\d+[.)]\s+)?(?:[\p{L}][\p{L}\p{N} &/'’()-]{0,40}:\s+)?`)
)

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
			c = candidate{"State the facts", strings.TrimSpace(c.text[:k])}
		}
		if !seen[c.text] {
			seen[c.text] = true
			out = append(out, c)
		}
	}
	return out
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
			ownPlan(p) || roleActionItem(p) || iWantRE().MatchString(p) {
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
	ownDoneRE = lazyRE(`(?i)^(?:so |anyway,? |ok,? |and |but )*(?:(?:i|we)(?:'ve|’ve| have)? (?:already |just )?)?(?:raised|logged|flagged|escalated|reported|filed|submitted|drafted|proposed|suggested|put in|booked|arranged|scheduled|set up|already asked|asked for quotes|put up|put a|put an|introduced|(?:sent|forwarded|shared)(?: [\w-]+){0,3} (?:to|with) (?:(?-i:[A-Z])|the \w+ team\b))`)
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
				if m := includeMeRE().FindStringSubmatch(c.text[k:]); m != nil {
					f += " I wasn't included in " + m[1] + "." // what the request was about stays a fact
				}
				c = candidate{"State the facts", f}
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
				c = candidate{"State the facts", plainLine(plainSentence(v, ss[lo]))}
			}
			out = append(out, c)
		}
		for _, s := range ss[hi+1:] {
			// "I find this disrespectful.": venting alone after it goes too.
			if t := strings.TrimRight(plainSentence(v, s), ".!?… "); t == "" || !ventAlone(t) && !pureVent(t) {
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
		if s.Start >= end.End {
			break
		}
		if t := strings.TrimRight(plainSentence(v, s), ".!?… "); pureVent(t) {
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
