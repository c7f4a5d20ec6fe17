package builtin

// The last pass over every complaint rewrite (see finishFixes): what only
// vents goes, what frames a fact with feeling is said plainly, the
// writer's own request or step stands for ours, and the writer's facts are
// checked against the text the rewrite replaces.

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/grammar"
)

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
		c.text = requestLast(c.text)
		facts, ask := c.text, ""
		if k := askStart(c.text); k >= 0 {
			facts, ask = strings.TrimSpace(c.text[:k]), c.text[k:]
		}
		lines := strings.Split(facts, "\n")
		if !wrapped(lines) {
			for i, l := range lines {
				lines[i] = plainLine(l, orig)
			}
		}
		facts = strings.TrimSpace(strings.Join(slices.DeleteFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "" }), "\n"))
		if g := strings.TrimSuffix(greeting, ","); greeting != "" && strings.HasPrefix(facts, g) {
			// "Hi Leandro\nI'm usually the one …", the greeting taken for an
			// address: the line as written.
			facts = greeting + "\n" + upperFirst(strings.TrimLeft(facts[len(g):], ",\n "))
		} else if greeting != "" && !strings.HasPrefix(ask, greeting) {
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
		text := doubleStopRE().ReplaceAllString(oneRequest(orig, strings.TrimSpace(facts+" "+ask)), "$1.$2")
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

// requestLast moves a request of ours that opens a rewrite after the
// facts that follow it: "Could we look at my priorities together and
// agree what can move? Third week in a row of chasing hiring managers."
// reads as nagging before the facts.
func requestLast(text string) string {
	if strings.Contains(text, "\n") {
		return text
	}
	ss := splitSentences(text)
	if len(ss) < 2 || !strings.HasSuffix(ss[0], "?") || !requestLeadRE().MatchString(ss[0]) {
		return text
	}
	for _, s := range ss[1:] {
		if strings.HasSuffix(s, "?") {
			return text
		}
	}
	switch strings.ToLower(firstWord(ss[1])) {
	case "this", "that", "it", "these", "those", "they", "which":
		return text // "This has happened three times this year." points back at the request
	}
	return strings.Join(append(ss[1:], ss[0]), " ")
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
	if cutLeft(cands[0].text, orig) {
		// "The pharmacists before the formulary change.": a cut left a
		// sentence without its verb; the text said plainly instead.
		ask := ""
		if k := askStart(cands[0].text); k >= 0 {
			ask = cands[0].text[k:]
		}
		if r := restated(orig, ask); r != "" && r != strings.TrimSpace(orig) && !cutLeft(r, orig) {
			return append([]candidate{{"State the facts", r}}, cands[1:]...)
		}
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
			t := plainLine(plainSentenceText(s), orig)
			if t == "" || pureVent(t) || !weighty(lost, s) && (isVent(t) || stillComplains(t)) {
				continue
			}
			t = capitalI(upperFirst(plainLine(t, orig)))
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

// cutLeft reports whether text has a sentence of five words or more,
// with no number, that opens with a determiner and is a fragment (see
// fragment): what a cut left of a clause.
func cutLeft(text, orig string) bool {
	lo := strings.ToLower(orig)
	for _, line := range strings.Split(text, "\n") {
		for _, s := range splitSentences(line) {
			_, body, _ := sentenceParts(strings.TrimLeft(s, "-*+ "))
			ps := parse(body)
			if len(ps.Tokens) < 5 || ps.Tokens[0].Tag != "DT" || strings.ContainsAny(body, "0123456789:") || !fragment(body) {
				continue
			}
			// A cut, where the writer's sentence had a verb around it.
			if i := strings.Index(lo, strings.ToLower(body)); i >= 0 {
				for _, o := range splitSentences(orig) {
					if strings.Contains(strings.ToLower(o), strings.ToLower(body)) && !fragment(o) {
						return true
					}
				}
			}
		}
	}
	return false
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
		lines[i] = plainLine(strings.Join(ss, " "), orig)
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

// literalAgainRE: "again" that says what is done twice, not that it
// happened before ("I have to do everything again").
var literalAgainRE = lazyRE(`(?i)\b(?:do|redo|start|enter|type|log in|fill in|re-enter|send|rebook|print|reprint|upload|submit)\b[^.,;]*\bagain$`)

var (
	// verdictTailRE: a verdict clause after the facts (", this is not fair",
	// ", really makes my week 🙃").
	verdictTailRE = lazyRE(`(?i),?\s+(?:this|that|it)(?:'s|’s| is) (?:not fair|unfair|ridiculous|a joke|crazy|insane|unacceptable|typical)\b[^.!?]*$`)
	// makesMyDayRE: sarcasm after the facts (", really makes my week 🙃").
	makesMyDayRE = lazyRE(`(?i),?\s+(?:really |that |which |this )?(?:makes|made) my (?:day|week|month|morning|evening)\b[.!]*`)
	// againLeadRE: "again," or "once again," before a clause.
	againLeadRE = lazyRE(`(?i)^(?:again|once again|yet again|once more),?\s+`)
	// feelingWithRE: "I'm running on empty with the backlog: <facts>".
	feelingWithRE = lazyRE(`(?i)^(?:honestly,? )?(?:i'm|i’m|i am) (?:running on empty|running on fumes|drowning|swamped|buried|exhausted|fried|burnt out|burned out|at breaking point|struggling) (?:with|from|because of|under) ([^:,]{3,50})[:,] (.+)$`)
	// verdictAdjRE: "the new gradebook is so annoying, <what it does>".
	verdictAdjRE = lazyRE(`(?i)^((?:the |this |our |my )?[\w' -]{2,40}?) (?:is|are) (?:so |really |very |just |honestly )?(?:annoying|frustrating|useless|terrible|awful|painful|a pain|unbearable|infuriating)[,;:] (.+)$`)
	// emojiJoinRE: an emoji between two sentences ("3 scans booked 🙃 I moved them").
	emojiJoinRE = lazyRE(`\s*` + emoji + `+\s+([A-Z])`)
	// emojiLowerRE: an emoji before a lower-case word (see emojiClauseBreak).
	emojiLowerRE = lazyRE(`\s*` + emoji + `+\s+([a-z])`)
	// conjCommaRE: a comma left after a conjunction where an adverb went ("and, with no explanation").
	conjCommaRE = lazyRE(`\b(and|but|or), `)
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

// emoji is the character class of the emoji chat puts between or after
// sentences (🙃, 🙄, 😬, ✅).
const emoji = "[" + string(rune(emojiLo)) + "-" + string(rune(emojiHi)) + string(rune(symbolLo)) + "-" + string(rune(symbolHi)) + "]"

// The rune ranges of emoji (see isEmojiRune): pictographs and emoticons,
// and the older symbols and dingbats.
const (
	emojiLo, emojiHi   = 0x1F300, 0x1FAFF
	symbolLo, symbolHi = 0x2600, 0x27BF
)

// chatMarkerRE: emoji and chat words that carry only feeling.
var chatMarkerRE = lazyRE(`(?i)(?:^|\s)(?:lol|lmao|smh|ugh+,?|fml|tbh,?|ffs|sigh|whatever|man,|oh great,|great,|wow,|anyway,?)(?:\s|$)|` + emoji + `\s*`)

// lostFacts returns the words of facts in orig that text does not keep:
// numbers, names, and nouns other than those that only vent.
//
// A clause of orig that only vents (see withoutVentClauses: "cool cool
// cool", "Starting to feel like nobody cares") holds no facts to keep.
func lostFacts(orig, text string) []string {
	have := wordsOf(text)
	var lost []string
	for _, s := range splitSentences(orig) {
		if loveLeadRE().MatchString(s) {
			continue // "love finding things out at 5am": said to sting
		}
		lost = append(lost, lostIn(withoutVentClauses(s, s), have)...)
	}
	return lost
}

// loveLeadRE: sarcasm that is all feeling ("love finding things out at
// 5am", "thanks for that").
var loveLeadRE = lazyRE(`(?i)^(?:love|loving|thanks|thank you)\b`)

// rhetoricalRE: a protest question ("what am i supposed to prep in 12
// hrs", "how am I meant to get anyone home today?").
var rhetoricalRE = lazyRE(`(?i)^(?:so |and |but )?(?:(?:what|how|when|who) (?:am i|are we|is anyone|is anybody|is one|are you|is she|is he) (?:even )?(?:supposed|meant|expected|going) to\b|who (?:even )?(?:needs|chose|picked|decided on|thought of|signed off on|approved)\b[^?]*(?:honestly|anyway|seriously)?)`)

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
// calls on Tuesdays?", "pls cc me on audit emails") or says what the
// writer did about it ("I've made it read-only"), finished as a sentence;
// "" for none.
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
		if ownDoneRE().MatchString(p) && !dependsRE().MatchString(p) {
			return upperFirst(strings.TrimRight(p, ".!? ")) + "." // a step the writer took: "I've made it read-only"
		}
	}
	return ""
}

// ownAskSplitRE splits a text where a sentence may start, including a
// chat sentence after "??" or "!!" that starts in lower case.
var ownAskSplitRE = lazyRE(`[.!?]+\s+|\n+|\s*` + emoji + `+\s*`)

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

// plainLine is plainStatements for one line of a rewrite's facts; orig
// is the writer's text the rewrite replaces.
func plainLine(line, orig string) string {
	line = emphaticDotsRE().ReplaceAllString(line, "$1 $2 $3")
	line = emphaticJoinRE().ReplaceAllString(line, "$1 $2.") // "… on the Avid server every single morning."
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
		body = makesMyDayRE().ReplaceAllString(body, "")
		body = butHeyRE().ReplaceAllString(body, "") // "…, but hey, who needs a comms team"
		if m := loveGettingRE().FindStringSubmatch(body); m != nil && len(strings.Fields(m[1])) >= 3 {
			body = "I got " + m[1] // "love getting a 'quick tweak' at 6pm" → "I got a 'quick tweak' at 6pm"
		}
		body = emojiJoinRE().ReplaceAllString(body, ". $1")
		body = emojiClauseBreak(body)
		body = feelingTailRE().ReplaceAllString(body, "")
		body = verdictTailRE().ReplaceAllString(body, "")
		if t, ok := nobodyToldAsFact(againLeadRE().ReplaceAllString(body, "")); ok && t != "" {
			body = upperFirst(t) // "Again, nobody consulted QA" → "QA wasn't consulted"
		}
		if m := feelingWithRE().FindStringSubmatch(body); m != nil && hasVerb(m[2]) {
			// "I'm running on empty with the deviation backlog: 38 open DVs" →
			// "The deviation backlog: 38 open DVs"
			body = upperFirst(m[1]) + ": " + m[2]
		}
		if m := verdictAdjRE().FindStringSubmatch(body); m != nil && hasVerb(m[2]) {
			// "The new gradebook is so annoying, every time I enter marks it
			// logs me out" → "The new gradebook: every time …"
			body = upperFirst(m[1]) + ": " + m[2]
		}
		body = conjCommaRE().ReplaceAllString(body, "$1 ")
		if ps := parse(body); len(ps.Tokens) > 1 && ps.Tokens[0].Tag == "PRP" && ps.Tokens[1].Tag == "IN" && lead == "" {
			continue // "It from production, …": what a cut left
		}
		body = strings.NewReplacer(",,", ",", ", ,", ",", " ,", ",").Replace(body)
		body = auxCommaRE().ReplaceAllString(body, "$1 $2")      // "has, been asked": what "yet again" left
		body = danglingWhichRE().ReplaceAllString(body, "")      // "…, which is frankly typical" less its verdict
		body = oneTwiceRE().ReplaceAllString(body, "the one $1") // "the one who ends up being the one who tells"
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
		if strings.HasPrefix(strings.ToLower(body), "why ") {
			// "Why always I am the one who clean the mash tun on friday":
			// the protest question as the fact it takes for granted.
			if u := plainSentenceText(body + "?"); u != "" && !strings.HasPrefix(strings.ToLower(u), "why") {
				_, body, mark = sentenceParts(u)
			}
		}
		if m := feelNobodyRE().FindStringSubmatch(body); m != nil && strings.Contains(strings.ToLower(orig), "feel") {
			// "I feel like nobody reads my show notes" is no accusation:
			// "I'm not sure anyone reads my show notes".
			body = "I'm not sure anyone " + m[1]
		}
		if m := whoKeepsRE().FindStringSubmatch(body); m != nil {
			// "who keeps renaming the shared bins" → "Someone keeps renaming
			// the shared bins"
			body, mark = "Someone "+strings.ToLower(m[1])+" "+m[2], "."
		}
		if rhetoricalRE().MatchString(body) && !hardFact(body) {
			continue // "Who chose this software honestly": the protest goes
		}
		if !strings.Contains(mark, "?") {
			keepAgain := literalAgainRE().MatchString(body) // "I have to do everything again" is what happens
			b := body
			if keepAgain {
				b = strings.TrimSuffix(b, b[strings.LastIndex(b, " "):])
			}
			b = strings.Trim(stripVentAdverbs(b), ",;: ") // a request keeps its "again"
			if keepAgain {
				b += " again"
			}
			for _, c := range []string{" and", " or", " but"} {
				b = strings.TrimSuffix(b, c) // "… for the scrap report and again"
			}
			if startsUpper(body) {
				b = upperFirst(b)
			}
			body = b
		}
		if body = withoutVentClauses(body, orig); body == "" {
			continue
		}
		if t := strings.TrimSpace(emojiRunRE().ReplaceAllString(body, " ")); t != "" {
			body = strings.Join(strings.Fields(t), " ") // "🙄🙄", "🙃": tone, not fact
		}
		if lead == "" && len(kept) > 0 && !strings.Contains(body, " ") {
			// "Morning.", what a cut left of "every. single. morning.": it
			// goes with the sentence before, as the writer stressed it.
			if m := emphaticDotsRE().FindStringSubmatch(orig); m != nil && strings.EqualFold(m[3], body) {
				prev := kept[len(kept)-1]
				t := strings.TrimRight(prev, ".!?")
				kept[len(kept)-1] = t + " every single " + strings.ToLower(body) + prev[len(t):]
				continue
			}
			if !hasVerb(body) && !hardFact(body) {
				continue
			}
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
var fedUpOfRE = lazyRE(`(?i)^(?:told [A-Z][\w'’-]* (?:that )?)?(?:honestly,? |frankly,? |tbh,? |i'll be honest,? |i’ll be honest,? |to be honest,? )*(?:(i'm|i’m|i am|im|we're|we’re|we are)\s+)?(?:(?:so|really|honestly|frankly|completely|totally|just|getting|very|quite|pretty|a bit)\s+)*(?:fed up|sick and tired|sick|tired|done)\s+(?:(?:with|of|to)\s+|(being\s))(.+)$`)

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
	who, rest := "I've", m[2]+m[3]
	if l := strings.ToLower(rest); strings.HasPrefix(l, "being the only ") || strings.HasPrefix(l, "being the designated ") || strings.HasPrefix(l, "being the one ") {
		// "told Priya I'm fed up being the only one who gets the rush
		// cases" → "I've been the only one who gets the rush cases"
		if strings.HasPrefix(l, "being the one ") {
			return "I'm usually the one " + rest[len("being the one "):], true
		}
		return "I've been " + rest[len("being "):], true
	}
	if m[1] == "" && !strings.HasPrefix(strings.ToLower(rest), "be the one ") && parse(rest).Tokens[0].Tag != "VBG" {
		return s, false // "Sick of it": no one said, no task
	}
	if l := strings.ToLower(m[1]); strings.HasPrefix(l, "we") {
		who = "We've"
	}
	if l := strings.ToLower(rest); strings.HasPrefix(l, "being ") && len(strings.Fields(rest)) >= 3 && !strings.HasPrefix(l, "being the ") && !strings.HasPrefix(l, "being told") {
		// "I am very tired of being moved to other wards every time they are
		// short" → "I've been moved to other wards every time they are short"
		return who + " been " + rest[len("being "):], true
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
var feelingThatRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? )*(?:i'm |i’m |i am |i was |i feel |we're |we’re |we are |it's |it’s |it is )?(?:still |so |really |honestly |frankly |pretty |quite |a bit |very |just |absolutely )*(?:fuming|furious|livid|annoyed|frustrated|gutted|upset|angry|irritated|disappointed|sad|shocked|stunned|fed up|sick|tired|disgusted|appalled|baffled|amazed|ridiculous|absurd|unbelievable|insane|crazy|outrageous|shocking|laughable|embarrassing|a joke) (?:that|to see that|to hear that|to find out that|to learn that) (.+)$`)

// feelingRE: a sentence of the writer's feeling alone.
var feelingRE = lazyRE(`(?i)^(?:honestly,? |frankly,? |tbh,? |and |but |so )*(?:i'm|i’m|i am|i feel|feeling|i'm feeling|this is|that's|that is|it's|it is)(?: so| really| honestly| completely| totally| just| pretty| quite| very| absolutely| kind of| a bit)* (?:done|exhausted|running on empty|fed up|burnt out|burned out|fried|over it|demotivated|demoralised|demoralized|demotivating|demoralising|demoralizing|exhausting|soul-destroying|disrespectful|insulting|upset|furious|fuming|livid|gutted|at the end of my tether|at my wits' end|losing my mind|not ok|not okay|had enough(?: of it| of this)?|running on fumes|on my last legs|knackered|shattered|drained|at breaking point)[.!]*$|^(?:again|yet again|once again|as usual|typical|classic|again and again)[.!]*$|^(?:and |but )?(?:this|it|that) (?:always|keeps|just keeps) happen(?:s|ing)(?: (?:again|here|to us|with us|all the time))?[.!]*$|^(?:that's|that is|this is|it's|it is) not (?:how|what|ok|okay|acceptable|right|fair|professional)\b[^0-9]*$|^(?:it )?would(?: have|'ve|’ve)? been nice to\b[^0-9]*$|^i(?:'ve|’ve| have) had enough(?: of (?:it|this|that))?[.!]*$`)

var (
	// auxCommaRE: an auxiliary and the verb it goes with, split by the
	// comma an aside left when it went.
	auxCommaRE = lazyRE(`\b(has|have|had|is|are|was|were|will|would|can|could|been|being)\s*,\s+(been|being|asked|left|told|given|made|expected|forced|put|sent|moved|changed|\w+ed)\b`)
	// doubleStopRE: a full stop doubled where a cut met one ("room.."),
	// not an ellipsis.
	doubleStopRE = lazyRE(`([^.])\.\.(\s|$)`)
	// butHeyRE: a shrug that ends a grievance ("…, but hey, who needs a
	// comms team", "but whatever").
	butHeyRE = lazyRE(`(?i),?\s+but (?:hey(?: ho)?|whatever|oh well)\b.*$`)
	// loveGettingRE: sarcasm about what the writer was given.
	loveGettingRE = lazyRE(`(?i)^(?:i |just |gotta |got to |don't you )?(?:love|adore) (?:getting|receiving|being sent|being given) (.+)$`)
	// emojiRunRE: emoji in the facts of a complaint.
	emojiRunRE = lazyRE(emoji + `+`)
	// feelNobodyRE: what is left of "I feel like nobody reads …" once the
	// feeling went.
	feelNobodyRE = lazyRE(`^(?:[Nn]obody|[Nn]o one|[Nn]o-one) (?:actually |really |ever )?(.+)$`)
	// danglingWhichRE: a relative clause a cut left without its
	// complement ("…without notice, which is").
	danglingWhichRE = lazyRE(`,?\s+(?:which|that|and that|and this|this) (?:is|was|are|were)\s*$`)
	// oneTwiceRE: "the one" said twice where a protest became a fact.
	oneTwiceRE = lazyRE(`\bthe one (?:who|that) (?:ends?|ended) up being the one (who|that)\b`)
	// whoKeepsRE: a protest question about someone unnamed ("who keeps
	// renaming the shared bins").
	whoKeepsRE = lazyRE(`(?i)^who (keeps|always|constantly|still) (.+)$`)
	// emphaticDotsRE: words stressed with a full stop each ("every.
	// single. morning.").
	emphaticDotsRE = lazyRE(`(?i)\b(every)\. (single)\. ([a-z]+)\b`)
	// emphaticJoinRE: "every single <time>" left as a sentence of its own,
	// which goes with the sentence before it.
	emphaticJoinRE = lazyRE(`(?i)([^.!?\s])[.!?]+\s+(every single [a-z]+)[.!?]*`)
	// nameLineRE: a line that is a name and a comma ("Jon,", "Ms Novak,").
	nameLineRE = lazyRE(`^[\p{Lu}][\p{L}'’.-]{1,20}(?: [\p{Lu}][\p{L}'’.-]{1,20})?,$`)
	// inlineLabelRE: a list marker and a topic label before a sentence
	// ("- Permit-to-work portal: ", "3. Rota: ").
	inlineLabelRE = lazyRE(`^(?:[-*+]\s+)?(?:\d+[.)]\s+)?(?:[\p{L}][\p{L}\p{N} &/'’()—–-]{0,40}:\s+)?`)
)

// emojiClauseBreak ends a sentence at an emoji that chat put between two
// clauses that each have a verb ("we heard about it from a customer 🙃
// templates are re-mapped" → "… from a customer. Templates are
// re-mapped"), so that taking the emoji out leaves no run-on.
func emojiClauseBreak(body string) string {
	for {
		m := emojiLowerRE().FindStringSubmatchIndex(body)
		if m == nil {
			return body
		}
		before, after := body[:m[0]], body[m[2]:]
		next, _, _ := strings.Cut(after, ". ")
		if !hasVerb(before) || !hasVerb(next) {
			return body
		}
		body = before + ". " + strings.ToUpper(body[m[2]:m[3]]) + body[m[3]:]
	}
}
