package builtin

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// openQuestion is rules/open-question.toml as the rule's code uses it
// (see bind).
var openQuestion = bind("open-question", func(b *binder) (f openQuestionFile) {
	g := &f.groups
	g.question, g.statement = b.group("question"), b.group("statement")
	g.options, g.answer = b.lazyGroup("options"), b.lazyGroup("answer")
	f.msg = b.message("default")
	f.repl.recommend, f.repl.own = b.replacement("default"), b.replacement("own")
	f.model = modelText{b.message("model"), b.replacement("model")}
	f.fix.helpless, f.fix.asks, f.fix.exasperated = b.fixList("helpless"), b.fixList("asks"), b.fixList("exasperated")
	f.fix.courtesyNouns, f.fix.helplessStates = b.fixList("courtesy_nouns"), b.fixList("helpless_states")
	return f
})

type openQuestionFile struct {
	groups struct {
		// A question or an open statement makes a finding; options in
		// the unit or a later answer clear it.
		question, statement, options, answer *phraseGroup
	}
	msg   string
	repl  struct{ recommend, own string }
	model modelText
	// fix holds what only the rewrites use (see helplessFix).
	fix struct {
		helpless, asks, exasperated, courtesyNouns, helplessStates []string
	}
}

// isOpen reports whether h is an open question or statement.
func (f *openQuestionFile) isOpen(h hit) bool {
	return h.group == f.groups.question || h.group == f.groups.statement
}

// openQuestionRule flags a problem handed over as an open question and
// offers a recommendation.
func openQuestionRule() *lint.Rule {
	r, rf := mustLoad("open-question")
	ps := compileGroups(rf)
	g := &openQuestion.groups
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, g.statement, func(v blockView, hs []hit) {
			if !groupIs(hs, g.question, g.statement) {
				return
			}
			hs = ps.withLazy(v.b, hs)
			// Options or a recommendation anywhere in the unit answer it.
			for _, bi := range unitBlocks(v.doc, v.idx) {
				if bi != v.idx {
					hs = append(hs, ps.findAll(v.at(bi))...)
				}
			}
			if offersOptions(hs) {
				return
			}
			prevSI, prevFixes := -2, []lint.Fix(nil)
			for si, sh := range v.bySentence(hs) {
				sent := v.b.Sentences[si]
				stext := v.masked(sent)
				h, ok := hit{}, false
				for _, c := range longest(sh) {
					if openQuestion.isOpen(c) && !reportedQuestion(v, sent, c) {
						h, ok = c, true
						break
					}
				}
				if !ok || v.quoted(h.span) || answered(v, hs, si, h) {
					continue
				}
				if h.group == g.question {
					// "Ideas?" and "Thoughts?" count only as the whole question.
					if w := strings.ToLower(v.src(h.span)); (w == "ideas" || w == "thoughts") && !bareWordQuestion(v, sent, h) {
						continue
					}
					if !isQuestion(stext) || strings.Contains(strings.ToLower(questionPart(v, sent, h)), " or ") {
						continue
					}
				}
				fixes := openFixes(v, h, sent)
				if v.minutes() {
					fixes = minuteProposals(v, sent, tidyAnswersKeepAsks(v, fixes))
				} else {
					fixes = tidyAnswers(v, handoverBefore(v, sent, fixes))
				}
				if prevSI == si-1 && isAsk(stext) && len(prevFixes) > 0 {
					// "What should I do? Open to ideas!": the ask's fix is its
					// question's, which takes the ask away with it.
					fixes = slices.Clone(prevFixes)
				}
				prevSI, prevFixes = si, fixes
				p.Report(lint.Finding{Span: trimSentence(v, sent), Message: openQuestion.msg, Fixes: fixes})
			}
		})
	}
	learnedRule(r, openQuestion.model, nil)
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix {
		if f, ok := helplessFix(v, span); ok {
			return tidyAnswers(v, []lint.Fix{f})
		}
		if f, ok := exasperatedFix(v, span); ok {
			return tidyAnswers(v, []lint.Fix{f})
		}
		return nil
	})
	return r
}

// answered reports whether the open question h of sentence si is answered
// later in the same item: a commitment, decision or reply (an "answer"
// phrase) after a clause break in its own sentence, in a later sentence
// that is not a question, or in an item nested under it; or a later
// sentence that opens with a speaker's line ("Dana: …", "A: …"). hs are
// the rule's phrases in the unit.
func answered(v blockView, hs []hit, si int, h hit) bool {
	ss := v.b.Sentences
	for _, a := range hs {
		if a.group != openQuestion.groups.answer || a.span.Start < h.span.End || v.quoted(a.span) {
			continue
		}
		if strings.EqualFold(v.src(a.span), "will") {
			switch strings.ToLower(firstWord(v.doc.Text[a.span.End:min(a.span.End+20, len(v.doc.Text))])) {
			case "not", "never", "no":
				continue // "the vendor will not ship": the problem, not an answer
			}
		}
		if a.span.Start >= v.b.Span.End {
			return true // in a nested item
		}
		ai := v.sentenceAt(a.span.Start)
		if ai < 0 || isQuestion(v.masked(ss[ai])) {
			continue
		}
		if ai > si {
			return true
		}
		between := v.masked(document.Span{Start: h.span.End, End: a.span.Start})
		if strings.ContainsAny(between, ";:—–") || strings.Contains(between, ", so ") || strings.Contains(between, " - ") {
			return true
		}
	}
	for _, s := range ss[si+1:] {
		t := strings.TrimSpace(v.masked(s))
		if speakerRE().MatchString(t) && !isQuestion(t) && !notNames[strings.ToLower(strings.TrimRight(firstWord(t), ":"))] ||
			hasPrefixFold(v.src(h.span), "who ") && nameOnlyRE().MatchString(t) && !notNames[strings.ToLower(strings.TrimRight(t, ".!"))] {
			return true
		}
	}
	return false
}

// speakerRE matches a sentence that opens with a speaker's name or an
// answer label: "Dana: …", "Joe - …", "A: …".
var speakerRE = lazyRE(`^(?:A|Answer|[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)?)(?::| [-–—]) `)

// nameOnlyRE matches a reply to "who should…?" that is only a name:
// "Dana.", "Ben and Robin."
var nameOnlyRE = lazyRE(`^@?[\p{Lu}][\p{L}'’-]*(?:(?: and | & |, | )@?[\p{Lu}][\p{L}'’-]*){0,2}[.!]?$`)

// offersOptions reports whether an options phrase stands apart from every
// open question: "should we" in "What should we do?" or "How should we…?"
// offers nothing.
func offersOptions(hs []hit) bool {
	var questions []document.Span
	for _, q := range hs {
		if openQuestion.isOpen(q) {
			questions = append(questions, q.span)
		}
	}
	var asked *overlapping
	for _, o := range hs {
		if o.group != openQuestion.groups.options {
			continue
		}
		if asked == nil {
			a := newOverlapping(questions)
			asked = &a
		}
		if !asked.overlaps(o.span) {
			return true
		}
	}
	return false
}

// bareWordQuestion reports whether the hit is the sentence's only word
// ("Thoughts?").
func bareWordQuestion(v blockView, sent document.Span, h hit) bool {
	return strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start})) == "" &&
		strings.Trim(v.masked(document.Span{Start: h.span.End, End: sent.End}), " ?!") == ""
}

// questionPart is the sentence from the hit to its end.
func questionPart(v blockView, sent document.Span, h hit) string {
	return v.masked(document.Span{Start: h.span.Start, End: sent.End})
}

// openFixes replaces the open question with a recommendation that keeps
// its topic: "How should I respond to Jordan's email?" → "To respond to
// Jordan's email, I recommend [option A] over [option B] because [reason].
// Does that work for you?"; "What should I do about the Henderson
// account?" → "For the Henderson account, I recommend …". A second fix
// keeps the question as written and answers it with a recommendation.
// Facts before the question in its sentence stay ("X stalled, not sure
// what to do" → "X stalled. I recommend …").
func openFixes(v blockView, h hit, sent document.Span) []lint.Fix {
	const title = "Recommend an option"
	repl := openQuestion.repl.recommend
	if f, ok := helplessFix(v, sent); ok {
		return []lint.Fix{f} // an answer after the helpless clause would contradict it
	}
	span := trimSentence(v, sent)
	if f, ok := adviceFix(v, h, sent); ok {
		return []lint.Fix{f}
	}
	before := v.doc.Text[sent.Start:h.span.Start]
	lead := strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))
	for _, w := range politeLeads {
		// "… mid-year. Please what do I do?": the "please" goes with the
		// question it softened.
		t := strings.TrimRight(before, " ,")
		if n := len(t) - len(w); n >= 0 && strings.EqualFold(t[n:], w) && (n == 0 || !isWordByte(t[n-1])) && (n == 0 || !slices.Contains(questionStarts, w)) {
			before = before[:n]
			lead = strings.TrimSpace(lead[:max(0, len(lead)-len(strings.TrimSpace(v.doc.Text[sent.Start+n:h.span.Start])))])
			break
		}
	}
	rest := strings.TrimSpace(v.src(document.Span{Start: h.span.End, End: max(span.End, h.span.End)}))
	if loc := standpointRE().FindStringIndex(strings.TrimRight(rest, "?!.… ")); loc != nil {
		rest = rest[:loc[0]] // "… in my position?" names no fact
	}
	topic := questionTopic(rest)
	if q := strings.ToLower(strings.TrimRight(strings.TrimSpace(v.src(document.Span{Start: h.span.Start, End: max(span.End, h.span.End)})), "?!. ")); topic == "" && bareHandover(q) {
		topic = handoverTopic(q) // "How do we want to respond?" → "To respond, …"
	}
	if ind := indirectTopic(v.src(document.Span{Start: h.span.Start, End: max(span.End, h.span.End)})); strings.HasPrefix(ind, "On what") && strings.HasPrefix(topic, "To ") {
		// "What do you want me to say to the parents?": "what" is the
		// object, which "To say to the parents" would lose.
		topic = ind
	}
	if strings.HasPrefix(topic, "To ") && approachVerbRE().MatchString(v.src(h.span)) && !slices.Contains([]string{"approach", "handle", "tackle", "manage", "deal", "play"}, strings.ToLower(firstWord(topic[len("To "):]))) {
		// "how should we approach winter working for the January pours?":
		// the verb was the phrase's; what is left is what it acts on.
		topic = "For " + topic[len("To "):]
	}
	if phr := strings.ToLower(strings.TrimSpace(v.src(h.span))); strings.HasPrefix(topic, "For ") && modalEndRE().MatchString(phr) && strings.HasPrefix(strings.ToLower(strings.TrimSpace(rest)), strings.ToLower(topic[len("For "):])) {
		// "How should the team respond?": after "how should" comes a
		// subject and its verb, not a topic ("For the team respond").
		if ts := parse(topic[len("For "):]).Tokens; len(ts) > 1 {
			if t := grammar.ParseAfter("they ", ts[len(ts)-1].Text).Tokens; len(t) > 0 && (t[0].Tag == "VB" || t[0].Tag == "VBP") {
				topic = ""
			}
		}
	}
	if strings.HasPrefix(topic, "To ") && whoQuestionRE().MatchString(strings.ToLower(v.src(h.span))) {
		topic = "" // "Who should we put forward?": the one to name is the option, not a task ("To put forward")
	}
	if topic == "" && strings.Trim(rest, "?!.… ") != "" {
		// "Where do you think I should start?" → "On where to start, …";
		// not where the phrase is the whole question ("How should we
		// proceed?").
		topic = indirectTopic(v.src(document.Span{Start: h.span.Start, End: max(span.End, h.span.End)}))
	}
	if genericTopic(topic) && hasFact(v.doc.Text[v.b.Span.Start:h.span.Start]) && !hasFact(rest) {
		topic = "" // "On what our approach should be here," names nothing the sentence before did not
	}
	withTopic := repl
	if topic != "" {
		withTopic = topic + ", " + lowerFirst(repl)
	} else if ownActionRE().MatchString(v.src(document.Span{Start: h.span.Start, End: max(span.End, h.span.End)})) && writerSpokeBefore(v, h.span.Start) {
		// "Sous chef asked me to cover pastry. I'm keen. What should I
		// do?": a question about the writer's own plan, after they said
		// where they stand, gets what they would like to do.
		withTopic = openQuestion.repl.own
	}
	answer := lint.Fix{
		Title:      "Answer it with a recommendation",
		Edits:      []lint.Edit{appendAfter(v, sent, " "+openQuestion.model.fix)},
		NeedsInput: true,
	}
	var fixes []lint.Fix
	greet := ""
	if g, ok := courtesyLead(lead); ok {
		// "Hi, I hope it's alright to ask: what would you like me to do
		// with X?" → "Hi, for X, I recommend …": the courtesy goes with
		// the question it asked leave for.
		greet, lead = g, ""
		if greet != "" {
			withTopic = lowerFirst(withTopic)
		}
	}
	labelAt, label := -1, ""
	if m := questionLabelRE().FindStringSubmatchIndex(strings.TrimRight(v.masked(document.Span{Start: sent.Start, End: h.span.Start}), " ")); m != nil && greet == "" {
		labelAt = sent.Start + m[2]
		if m[4] >= 0 {
			label = v.doc.Text[sent.Start+m[4] : sent.Start+m[5]]
		}
	}
	switch {
	case labelAt >= 0:
		// "Question for the committee: how should we respond?": the label
		// announced the question and goes with it; whom it was for is who
		// the recommendation asks.
		fixes = append(fixes, rewriteFix(title, document.Span{Start: labelAt, End: span.End}, askOf(upperFirst(withTopic), label)))
	case strings.HasSuffix(lead, ":"):
		// "Matteo: what should we do?" keeps the speaker.
		fixes = append(fixes, rewriteFix(title, document.Span{Start: h.span.Start, End: span.End}, upperFirst(withTopic)))
	case lead != "":
		// Keep the facts before the question: "X stalled, not sure what to do"
		// becomes "X stalled. I recommend …".
		if i := strings.LastIndexAny(before, ",;—–-.?!"); i >= 0 && strings.TrimSpace(before[i+runeLenAt(before, i):]) == "" {
			if strings.ContainsRune(".?!", rune(before[i])) {
				// "…can't do 180 plated. what now??": a question of its own.
				fixes = append(fixes, rewriteFix(title, document.Span{Start: sent.Start + i + 1, End: span.End}, " "+upperFirst(withTopic)))
			} else if k, ok := idleClause(before[:i]); ok {
				// "your call, what do we do?", "What is your opinion, what
				// should I do?": a clause that states nothing goes with the
				// question (a full stop would leave a fragment or a question
				// ending on one).
				if k == 0 {
					fixes = append(fixes, rewriteFix(title, span, upperFirst(withTopic)))
				} else {
					fixes = append(fixes, rewriteFix(title, document.Span{Start: sent.Start + k, End: span.End}, upperFirst(withTopic)))
				}
			} else if topicClause(before[:i]) {
				// "For the Christmas rota, how should I decide …?" → "For
				// the Christmas rota, to decide …, I recommend …".
				fixes = append(fixes, rewriteFix(title, document.Span{Start: sent.Start + i, End: span.End}, ", "+lowerFirst(withTopic)))
			} else {
				j := i
				for j > 0 && before[j-1] == ' ' {
					j-- // "…no phenotype - any guidance?"
				}
				fixes = append(fixes, rewriteFix(title, document.Span{Start: sent.Start + j, End: span.End}, ". "+upperFirst(withTopic)))
			}
		} else {
			e := appendAfter(v, sent, " "+repl)
			return []lint.Fix{{Title: title, Edits: []lint.Edit{e}, NeedsInput: true, Preferred: true}}
		}
	case greet != "" && (topic != "" || !hasFact(rest)):
		fixes = append(fixes, rewriteFix(title, span, greet+withTopic))
	case topic != "" || !hasFact(rest):
		fixes = append(fixes, rewriteFix(title, span, upperFirst(withTopic)))
	}
	if len(fixes) == 0 || hasFact(rest) && topic == "" {
		// The question names more than a topic: keep it, and answer it.
		answer.Preferred = true
		return append([]lint.Fix{answer}, fixes...)
	}
	fixes[0].Preferred = true
	return append(fixes, answer)
}

// politeLeads are words right before an open question that go with it:
// a softener ("Please what do I do?"), or, opening the sentence, the
// start of the question itself ("Got any ideas for us?"; see
// questionStarts), longest first.
var politeLeads = []string{"please", "pls", "plz", "kindly", "so", "have you got", "has anyone got", "anyone got", "you got", "got"}

// questionStarts are the politeLeads that go with the question only
// where they open the sentence ("Got any ideas?", not "the quote we got,
// any ideas?").
var questionStarts = []string{"have you got", "has anyone got", "anyone got", "you got", "got"}

// questionLabelRE matches a label that announces an open question at the
// end of the words before it: "Open question for the GM:", "Question to
// Sam –", "Q:", "Decision needed:", "For discussion:". Group 1 is the
// label, group 2 whom it is for.
var questionLabelRE = lazyRE(`(?i)(?:^|[:.!?]\s+)((?:(?:an?|one|another|the|my|our|open|quick|final|key|main|big|last|outstanding|remaining)\s+)*(?:question|questions|q|qn|query|decision(?:\s+(?:needed|required|point|to make))?|ask|discussion point|for (?:discussion|decision)|to (?:discuss|decide))(?:\s+(?:for|to|from)\s+([^\n:;,.!?–—-]{1,40}?))?)\s*(?::|\s[–—-])$`)

// askOf makes the recommendation r ask the people a question label named
// ("for the committee", "to Sam"): "Does that work for the committee?",
// "Does that work for you, Sam?". For the writer ("from me") or no one it
// is r as it is.
func askOf(r, who string) string {
	const ask = "Does that work for you?"
	w := strings.TrimSpace(who)
	if w == "" || !strings.HasSuffix(r, ask) || hasVerb(w) && len(strings.Fields(w)) > 2 {
		return r // "the board is therefore": no party, a clause
	}
	switch strings.ToLower(w) {
	case "me", "us", "myself", "you", "all", "everyone", "everybody", "the team", "the group":
		return r
	}
	if startsUpper(w) && !strings.HasPrefix(w, "The ") {
		return strings.TrimSuffix(r, "?") + ", " + w + "?"
	}
	return strings.TrimSuffix(r, "you?") + lowerFirst(w) + "?"
}

// writerSpokeBefore reports whether a sentence before offset at in its
// block has the writer as its subject ("I am interested.", "i'm keen tbh.").
func writerSpokeBefore(v blockView, at int) bool {
	before := v.doc.Text[v.b.Span.Start:at]
	return writerSentenceRE().MatchString(strings.ReplaceAll(before, "’", "'"))
}

var (
	// modalEndRE: a question phrase that ends on its auxiliary ("how
	// should", "what do"), so a subject follows it.
	modalEndRE = lazyRE(`^(?:how|what|where|when|why|which)\s+(?:should|shall|do|does|did|can|could|will|would|must)$`)
	// whoQuestionRE: a question about whom ("who should we", "whom do").
	whoQuestionRE = lazyRE(`^(?:who|whom)\b`)
	// writerSentenceRE: a sentence whose subject is the writer.
	writerSentenceRE = lazyRE(`(?i)(?:^|[.!?]\s+|^[-*•]\s+)(?:I|I'm|I am|I'd|I've|I was)\s`)
	// ownActionRE: a question about what the writer should do ("what
	// should I do", "what I should do", "do you want me to").
	ownActionRE = lazyRE(`(?i)\b(?:(?:should|shall|do|can|could|must) i|i (?:should|shall|ought to)|want me to|like me to)\b`)
	// howToRE: "on how to get the board deck done", "what to do about X".
	topicLeadRE = lazyRE(`(?i)^(?:(?:on|about|regarding|re:?) )?(?:what (?:we|I|you) (?:should|could|want to|would like to|need to) (?:be )?do(?:ing)?|what to do|how (?:we|I) (?:should|could|can) (?:handle|approach|deal with|tackle)|how to handle|how to deal with|how to approach|how to|be doing|(?:want|would like|need) (?:me |us )?to)\s+`)
	// subjectLeadRE: "I respond to", "we handle": the question's subject and modal.
	subjectLeadRE = lazyRE(`(?i)^(?:(?:should|could|can|do|would|shall|will) )?(?:I|we|you|me|us)(?: (?:should|could|can|would|to))?\s+`)
)

// questionTopic returns what a recommendation keeps of an open question's
// rest (the words after its phrase): "To respond to Jordan's email" for
// "respond to Jordan's email?", "For the hiring plan" for "on the hiring
// plan?"; "" when the rest names nothing.
func questionTopic(rest string) string {
	r := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "?.!…"))
	r = standpointRE().ReplaceAllString(r, "")
	for i := 0; i < 3; i++ {
		r2 := subjectLeadRE().ReplaceAllString(r, "")
		r2 = topicLeadRE().ReplaceAllString(r2, "")
		if r2 == r {
			break
		}
		r = r2
	}
	if i := strings.Index(r, ", "); i > 0 {
		r = r[:i] // "the Leeds warehouse lease, open to ideas"
	}
	whole := r
	r = strings.TrimRight(trimDangling(r), " ,")
	if !hasFact(r) || strings.ContainsAny(r, "?") {
		return ""
	}
	if toks := parse(r).Tokens; len(toks) > 0 && (toks[len(toks)-1].Tag == "IN" || toks[len(toks)-1].Tag == "TO") {
		// "deal with that": the pronoun trimDangling took is the object.
		if _, w := cutLastWord(whole); !objectPronoun[strings.ToLower(w)] || !strings.HasPrefix(whole, r) {
			return ""
		}
		r = whole
	}
	s := grammar.ParseAfter("I ", r)
	if len(s.Tokens) == 0 {
		return ""
	}
	first := s.Tokens[0]
	if first.Lower == "be" || (first.Lower == "have" || first.Lower == "get") && len(s.Tokens) > 1 && s.Tokens[1].Tag == "VBN" {
		return "" // "be made before …": a passive with its subject cut off
	}
	switch {
	case first.Tag == "IN" || first.Lower == "re" || first.Lower == "re:":
		np := strings.TrimSpace(r[len(first.Text):])
		if c, ok := parse(np).NounPhraseAt(0); ok && c.Start == 0 {
			return "For " + np
		}
	case first.Tag == "VB" || first.Tag == "VBP" && !strings.HasSuffix(first.Lower, "s"):
		if first.Lower == "play" || first.Lower == "go" || first.Lower == "take" {
			// "how do you want me to play this?": an idiom, not a task;
			// what it is about may still be the topic.
			np := strings.TrimSpace(r[len(first.Text):])
			if c, ok := parse(np).NounPhraseAt(0); ok && c.Start == 0 && c.End == len(parse(np).Tokens) && hasFact(np) {
				return "For " + np
			}
			return ""
		}
		if len(s.Tokens) > 1 && needsPreposition(first.Lower, s.Tokens[1]) {
			return "" // "reply the client": a slip the topic would repeat
		}
		return "To " + r
	case first.Tag == "DT" || first.Tag == "PRP$" || grammar.IsNoun(first.Tag) && first.Tag != "NNS" || first.Tag == "JJ":
		if c, ok := s.NounPhraseAt(0); ok && c.End == len(s.Tokens) {
			return "For " + r
		}
	}
	return ""
}

// standpointRE matches an idiom at the end of a question that names whose
// view it asks for, not what it is about: "(what would you do) in my
// position", "in my shoes", "if you were me".
var standpointRE = lazyRE(`(?i)(?:^|\s+)(?:(?:in|from) (?:my|your|our) (?:position|shoes|place|situation|boots)|if you were (?:me|us|in my shoes))$`)

// objectPronoun holds the pronouns that may end a question's topic as its
// object ("how do we deal with that?").
var objectPronoun = map[string]bool{"it": true, "this": true, "that": true, "them": true, "these": true, "those": true, "him": true, "her": true}

// idleClause reports whether the last clause of lead (the words before the
// comma that joins it to an open question) states nothing a reader needs:
// no finite verb and no noun but those that name the message ("your
// call", "sorry, newbie question"), or a question of its own ("What is
// your opinion"). It returns where that clause starts in lead.
func idleClause(lead string) (int, bool) {
	k := strings.LastIndexAny(lead, ".?!;:")
	start := k + 1
	c := strings.TrimSpace(lead[start:])
	if c == "" {
		return 0, false
	}
	ps := parse(c)
	for _, t := range ps.Tokens {
		if t.Tag == "CD" || t.Tag == "NNP" || t.Tag == "NNPS" {
			return 0, false // a name or a number: "Priya, …", "3 vans short, …"
		}
	}
	w, _, _ := strings.Cut(strings.ReplaceAll(firstWord(c), "’", "'"), "'") // "What's"
	if !questionLead(w) {
		for _, t := range ps.Tokens {
			if grammar.IsNoun(t.Tag) && !slices.Contains(openQuestion.fix.courtesyNouns, t.Lower) {
				return 0, false // "For the all-hands next month, …": what it is about
			}
		}
		if ps.HasFiniteVerb() && !helplessState(c) {
			return 0, false // "we're late again": a fact
		}
	}
	for start < len(lead) && lead[start] == ' ' {
		start++
	}
	return start, true
}

// helplessState reports whether clause c says the writer is lost (the
// [fix] list "helpless_states"): "I'm lost here", "honestly no clue".
func helplessState(c string) bool {
	low := " " + strings.ToLower(strings.ReplaceAll(c, "’", "'")) + " "
	for _, w := range openQuestion.fix.helplessStates {
		if indexWord(low, w, 0) >= 0 {
			return true
		}
	}
	return false
}

// topicClause reports whether the last clause of lead is a prepositional
// phrase that names the question's topic: "For the Christmas rota", "On
// the Leeds lease".
func topicClause(lead string) bool {
	c := strings.TrimSpace(lead[strings.LastIndexAny(lead, ".?!;:")+1:])
	ps := parse(c)
	return len(ps.Tokens) > 1 && ps.Tokens[0].Tag == "IN" && !ps.HasFiniteVerb() && hasFact(c)
}

// courtesyLead reports whether the words before an open question are only
// a greeting and courtesy: hedges and softeners of the hedging rule ("I
// hope it's alright to ask:", "Whenever you have a minute,", "sorry if
// I'm overstepping but"), "I wondered" and their joints. It returns the
// greeting, as written with its comma and space ("Hi, "), or "".
func courtesyLead(lead string) (string, bool) {
	if lead == "" {
		return "", false
	}
	greet, rest := "", lead
	if i := strings.Index(lead, ", "); i >= 0 && greetingRE().MatchString(lead[:i+1]) {
		greet, rest = lead[:i+2], lead[i+2:]
	}
	b := []byte(rest)
	for _, m := range softenerMatcher().FindAll(rest, nil) {
		for i := m.Start; i < m.End; i++ {
			b[i] = ' '
		}
	}
	for _, w := range strings.Fields(strings.ToLower(string(b))) {
		switch strings.Trim(w, ",;:—–-.!") {
		case "", "but", "so", "and", "i", "wondered", "was", "wondering", "just", "um", "erm", "ok", "okay":
			continue
		}
		return "", false
	}
	return greet, strings.TrimSpace(string(b)) != strings.TrimSpace(rest) || greet != ""
}

// bareHandover reports whether clause c is a question that hands the
// matter over and names nothing: a question word or auxiliary first, then
// only pronouns, verbs and particles ("what do u want me to do", "how
// should we play it").
func bareHandover(c string) bool {
	// Chat spellings of "do you" and "you" name nothing either.
	c = strings.NewReplacer("d'you", "do you", "d’you", "do you", " u ", " you ", " ya ", " you ").Replace(" " + c + " ")
	c = strings.TrimSpace(c)
	w, _, _ := strings.Cut(firstWord(c), "'")
	if !questionLead(w) || w == "any" || hasFact(c) {
		return false
	}
	for _, t := range parse(c).Tokens {
		if t.Tag == "CD" || grammar.IsAdj(t.Tag) && len(t.Text) > 1 { // chat "u" reads as an adjective
			return false // "is it 3 or 4", "is it ready"
		}
	}
	return true
}

// handoverTopic returns the action a bare handover asks about, as the
// lead of a recommendation: "To respond" for "how do you want to
// respond", "To handle it" for "how do you want us to handle it"; "" where
// the only verb is a handover's own ("what should I do", "what do you
// think").
func handoverTopic(c string) string {
	toks := parse(c).Tokens
	for j := 1; j < len(toks); j++ {
		t := toks[j]
		if t.Tag != "VB" || slices.Contains(handoverVerbs, t.Lower) {
			continue
		}
		if p := toks[j-1]; p.Tag != "TO" && p.Tag != "MD" && p.Tag != "PRP" {
			continue
		}
		rest := toks[j+1:]
		if len(rest) == 0 && !slices.Contains(intransitiveVerbs, t.Lower) {
			return "" // "how do you want us to handle?": the object is missing
		}
		if len(rest) > 2 || len(rest) > 0 && !objectPronoun[rest[len(rest)-1].Lower] && rest[0].Tag != "TO" && rest[0].Tag != "IN" {
			return ""
		}
		if len(rest) > 0 && needsPreposition(t.Lower, rest[0]) {
			return "" // "how should I reply them?": the writer's slip is no topic
		}
		return "To " + strings.TrimSpace(c[t.Start:])
	}
	return ""
}

// intransitiveVerbs may end a handover's topic with no object ("To
// respond, I recommend …").
var intransitiveVerbs = []string{"respond", "reply", "react", "proceed", "answer", "prioritise", "prioritize", "escalate", "decide", "push back"}

// prepositionalVerbs take what they act on only after a preposition
// ("reply to them", "react to it"): one followed straight by its object is
// a slip in the writer's grammar, which a "To …" topic would repeat.
var prepositionalVerbs = []string{"reply", "respond", "react", "proceed", "listen", "talk", "speak", "apologise", "apologize", "complain", "wait", "object"}

// needsPreposition reports whether verb, one of prepositionalVerbs, is
// followed by next with no preposition between them.
func needsPreposition(verb string, next grammar.Token) bool {
	return slices.Contains(prepositionalVerbs, verb) && next.Tag != "TO" && next.Tag != "IN" && next.Tag != "RB" && next.Tag != "RP"
}

// handoverVerbs are the verbs of a handover itself.
var handoverVerbs = []string{"do", "want", "like", "think", "suggest", "reckon", "advise", "recommend", "be", "go", "proceed", "say", "tell", "start", "begin", "play", "take"}

// exasperatedFix puts a recommendation in place of an exasperated open
// question that ends the sentence at span (the [fix] list "exasperated"),
// keeping the facts before it: "the client's feedback has 40 new
// comments. what exactly do you want me to do with that" → "the client's
// feedback has 40 new comments. I recommend …".
func exasperatedFix(v blockView, span document.Span) (lint.Fix, bool) {
	src := v.src(span)
	body := strings.TrimRight(src, " ?!.…")
	cut := 0
	for _, sep := range []string{". ", "? ", "! ", ", ", "; ", " — ", " – ", " - "} {
		if i := strings.LastIndex(body, sep); i >= 0 && i+len(sep) > cut {
			cut = i + len(sep)
		}
	}
	last := strings.TrimSpace(strings.ToLower(strings.ReplaceAll(body[cut:], "’", "'")))
	if !slices.Contains(openQuestion.fix.exasperated, last) && !bareHandover(last) {
		return lint.Fix{}, false
	}
	rec := upperFirst(openQuestion.repl.recommend)
	if t := handoverTopic(last); t != "" {
		rec = t + ", " + openQuestion.repl.recommend
	} else if t := indirectTopic(body[cut:]); t != "" {
		rec = t + ", " + openQuestion.repl.recommend
	}
	if cut == 0 {
		return rewriteFix("Recommend an option", span, rec), true
	}
	lead := strings.TrimRight(src[:cut], " ")
	if strings.HasSuffix(lead, ",") || strings.HasSuffix(lead, ";") || strings.HasSuffix(lead, "—") || strings.HasSuffix(lead, "–") || strings.HasSuffix(lead, "-") {
		lead = strings.TrimRight(strings.TrimRight(lead, ",;—–-"), " ") + "."
	}
	return rewriteFix("Recommend an option", span, lead+" "+rec), true
}

// runeLenAt is the length in bytes of the character at s[i]: a dash
// ("–", "—") is more than one.
func runeLenAt(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// approachVerbRE matches an open question whose phrase ends on a verb of
// handling ("how should we approach", "how do we deal with"): its topic
// is what the verb acts on, "For X", not "To X".
var approachVerbRE = lazyRE(`(?i)\b(?:approach|handle|tackle|manage|deal with|play)$`)

// A question that asks for personal advice ("What would you do in my
// place?", "What should I focus on?" after "I'm torn" or "not sure")
// is not answered by a recommendation to the reader: the writer has not
// decided, and says so. adviceFix puts in its place the options the
// writer weighs and the way they lean, and asks for the reader's view:
//
//	Honestly I'm torn. What would you do in my place?
//	→ Honestly I'm torn. I'm weighing [option A] against [option B]; I lean towards [option] because [reason]. What's your view?
//
// Only where the question is a sentence of its own and the block is not
// minutes.
const adviceShape = "I'm weighing [option A] against [option B]; I lean towards [option] because [reason]. What's your view?"

func adviceFix(v blockView, h hit, sent document.Span) (lint.Fix, bool) {
	span := trimSentence(v, sent)
	if v.minutes() || strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start})) != "" {
		return lint.Fix{}, false
	}
	q := strings.TrimRight(strings.TrimSpace(v.src(span)), "?!. ")
	if !strings.HasSuffix(strings.TrimSpace(v.src(span)), "?") {
		return lint.Fix{}, false
	}
	standpoint := standpointRE().MatchString(q)
	if !standpoint {
		if !ownActionRE().MatchString(q) || !undecidedRE().MatchString(v.doc.Text[v.b.Span.Start:span.Start]) {
			return lint.Fix{}, false
		}
		if hasFact(strings.TrimSpace(v.masked(document.Span{Start: h.span.End, End: span.End}))) {
			return lint.Fix{}, false // "what should I say to the parents?": a topic of its own
		}
	}
	return lint.Fix{Title: "Weigh the options", Edits: []lint.Edit{{Span: span, NewText: adviceShape}}, NeedsInput: true, Preferred: true, Rewrites: true}, true
}

// undecidedRE: the writer says they have not decided.
var undecidedRE = lazyRE(`(?i)\b(?:i'm|i am|im) (?:honestly |really |a bit |quite |so |still )?(?:torn|undecided|in two minds|(?:unsure|not sure) (?:in which|which|whether|where|what direction))\b|\bcan't decide\b|\bcannot decide\b`)

// handoverBefore takes into an ask's fix ("Ideas welcome." → "I recommend
// …") a bare handover question just before it that the rule does not
// flag ("What do we want to do?"): left before the recommendation, it
// would still hand the matter over.
func handoverBefore(v blockView, sent document.Span, fs []lint.Fix) []lint.Fix {
	si := v.sentenceAt(sent.Start)
	if si <= 0 || !isAsk(v.masked(sent)) || len(fs) == 0 || len(fs[0].Edits) != 1 {
		return fs
	}
	prev := trimSentence(v, v.b.Sentences[si-1])
	q := strings.TrimSpace(v.masked(prev))
	if !strings.HasSuffix(q, "?") || !bareHandover(strings.ToLower(strings.TrimRight(q, "?!. "))) {
		return fs
	}
	e := fs[0].Edits[0]
	if e.Span.Start != trimSentence(v, sent).Start {
		return fs
	}
	fs[0].Edits = []lint.Edit{{Span: document.Span{Start: prev.Start, End: e.Span.End}, NewText: e.NewText}}
	return fs
}

// minuteProposals puts the recommendations of fs in the minutes' voice:
// no one is asked "Does that work for you?", the proposal is impersonal,
// and an invitation after it ("Ideas welcome.") stays. A bare handover
// question before a flagged invitation ("What do we want to do? Ideas
// welcome.") is what the proposal replaces.
//
//	How do we want to respond? Ideas welcome. → Proposed: [option A] rather than [option B], because [reason]. Ideas welcome.
func minuteProposals(v blockView, sent document.Span, fs []lint.Fix) []lint.Fix {
	si := v.sentenceAt(sent.Start)
	for i := range fs {
		edits := slices.Clone(fs[i].Edits)
		for j, e := range edits {
			t := e.NewText
			if !strings.Contains(t, recommendCore) {
				continue
			}
			// A named addressee stays ("Does that work for the committee?",
			// "Does that work for you, DM?" → "Does that work for DM?");
			// a bare "you" names no one in minutes.
			t = youNamedRE().ReplaceAllString(t, "Does that work for $1?")
			t = strings.Replace(t, " Does that work for you?", "", 1)
			t = strings.Replace(t, "Does that work for you?", "", 1)
			t = pronounTopicRE().ReplaceAllString(t, "")
			afterColon := strings.HasSuffix(strings.TrimRight(v.doc.Text[v.b.Span.Start:e.Span.Start], " "), ":")
			switch {
			case strings.Contains(t, ", i recommend ") || strings.Contains(t, ", I recommend "):
				t = strings.Replace(t, ", I recommend [option A] over [option B] because [reason].", ", the proposal is [option A] rather than [option B], because [reason].", 1)
				t = strings.Replace(t, ", i recommend [option A] over [option B] because [reason].", ", the proposal is [option A] rather than [option B], because [reason].", 1)
				if afterColon {
					t = lowerFirst(t)
				}
			case afterColon && strings.HasPrefix(strings.ToLower(t), "i recommend"):
				t = "the proposal is [option A] rather than [option B], because [reason]." + t[len(recommendCore):]
			default:
				t = strings.Replace(t, recommendCore, "Proposed: [option A] rather than [option B], because [reason].", 1)
			}
			edits[j].NewText = strings.TrimRight(t, " ")
			if si > 0 && isAsk(v.masked(sent)) && e.Span.Start == trimSentence(v, sent).Start {
				// "What do we want to do? Ideas welcome.": the question goes,
				// the invitation stays.
				prev := trimSentence(v, v.b.Sentences[si-1])
				if q := strings.TrimSpace(v.masked(prev)); strings.HasSuffix(q, "?") && bareHandover(strings.ToLower(strings.TrimRight(q, "?!. "))) {
					edits[j].Span = prev
				}
			}
		}
		fs[i].Edits = edits
	}
	return fs
}

// recommendCore is the recommendation of the default replacement.
const recommendCore = "I recommend [option A] over [option B] because [reason]."

var (
	// youNamedRE: the closing question put to a named reader.
	youNamedRE = lazyRE(`Does that work for you, ([^?]{1,40})\?`)
	// pronounTopicRE: a topic that names only a pronoun ("To approach this, ").
	pronounTopicRE = lazyRE(`^(?:To|to) (?:approach|handle|tackle|manage|deal with) (?:this|it|that), `)
)

// genericTopic reports whether topic, an "On …" lead, names nothing but
// the asking, which after a sentence of facts needs no lead ("On what our approach should be here", "On what to say to
// them"): every word of it is a question word, a pronoun or a word of
// approach.
func genericTopic(topic string) bool {
	if !strings.HasPrefix(topic, "On ") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(topic[len("On "):])) {
		if !genericTopicWords[strings.Trim(w, ",.?!")] {
			return false
		}
	}
	return true
}

var genericTopicWords = wordSet("what", "how", "where", "which", "to", "our", "my", "the", "approach", "should", "be", "here",
	"say", "tell", "do", "this", "that", "it", "them", "him", "her", "us", "we", "i", "you", "proceed", "handle", "play",
	"respond", "reply", "now", "next", "best", "way", "move", "forward", "go", "from")
