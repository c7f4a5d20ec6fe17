package builtin

import (
	"regexp"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// complaint is rules/complaint.toml as the rule's code uses it (see bind).
var complaint = bind("complaint", func(b *binder) (c complaintFile) {
	g := &c.groups
	g.burnout, g.uninformed, g.opener, g.vent = b.group("burnout"), b.group("uninformed"), b.group("opener"), b.group("vent")
	g.again, g.sarcasm, g.ask = b.group("again"), b.group("sarcasm"), b.lazyGroup("ask")
	g.problem, g.alarm = b.groupIn("problem-only", "problem"), b.groupIn("crisis", "alarm")
	c.triggers = []*phraseGroup{g.burnout, g.uninformed, g.opener, g.vent}
	c.msg.burnout, c.msg.uninformed, c.msg.opener, c.msg.vent = b.message("burnout"), b.message("uninformed"), b.message("opener"), b.message("default")
	c.repl.burnout, c.repl.vent = b.replacement("burnout"), b.replacement("default")
	c.repl.uninformed, c.repl.uninformedAbout = b.replacement("uninformed"), b.replacement("uninformed-about")
	c.model = modelText{b.message("model"), b.replacement("model")}
	c.fix.ventCues, c.fix.ventAdverbs, c.fix.ventLeads = b.fixList("vent_cues"), b.fixList("vent_adverbs"), b.fixList("vent_leads")
	c.fix.factPhrases, c.fix.brokenWords = b.fixList("fact_phrases"), b.fixList("broken_words")
	c.fix.verdictFrames, c.fix.toldPlainly = b.fixList("verdict_frames"), b.fixList("told_plainly")
	c.fix.proposals, c.fix.repeatVerbs, c.fix.tailPointers = b.fixList("proposals"), b.fixList("repeat_verbs"), b.fixList("tail_pointers")
	c.fix.ownActions, c.fix.workloadWords = b.fixList("own_actions"), b.fixList("workload_words")
	c.fix.restWords, c.fix.plainJabs, c.fix.sameVerbs = b.fixList("rest_words"), b.fixList("plain_jabs"), b.fixList("same_verbs")
	c.fix.noTime = b.fixList("no_time")
	c.fix.ventNouns = map[string]bool{}
	for _, w := range b.fixList("vent_nouns") {
		c.fix.ventNouns[w] = true
	}
	return c
})

type complaintFile struct {
	groups struct {
		// burnout, uninformed, opener and vent make a finding; again
		// ("Again.") and sarcasm ("Thanks for that.") become vents (see
		// bareAgain, confirmSarcasm); an ask in the block excuses burnout
		// and vents.
		burnout, uninformed, opener, vent, again, sarcasm, ask *phraseGroup
		// Other rules' groups that confirm sarcasm.
		problem, alarm *phraseGroup
	}
	triggers []*phraseGroup // the groups that make a finding
	msg      struct{ burnout, uninformed, opener, vent string }
	repl     struct{ burnout, uninformed, uninformedAbout, vent string }
	model    modelText
	// fix holds what only the vent-free rewrite uses (see ventless): the
	// cues of a clause that vents, the adverbs a kept clause loses, the
	// leads of sarcasm a clause loses, and the phrases that look like a
	// cue but state a fact ("the only one who knows"); facts with a
	// broken word ask for a fix, others for a way forward.
	// verdictFrames are the verdicts of "it's <verdict> that …" frames.
	// toldPlainly are "phrase => plain words" pairs for not being told.
	// proposals open a sentence in which the writer makes their own
	// request or proposal ("Need a yes/no at …", "Maybe we can …").
	// ownActions lead an action the writer or the meeting already set;
	// workloadWords mark facts about the amount of work.
	// repeatVerbs are "gerund => participle" pairs of a repeat count
	// ("Third year asking." → "This is the third year I've asked.").
	// tailPointers point a sentence back at the complaint before it
	// ("like that", "since"), so it goes before the request. restWords
	// mark facts of days worked without a break (see restAsks).
	// plainJabs are "jab => plain words" pairs for a kept sentence.
	// sameVerbs are "participle => base" pairs of what all but the writer
	// had (see sameAsks). noTime are the conditions of a promise that
	// say time is short ("… whenever I get a spare evening"). ventNouns
	// carry only feeling (see lostFacts).
	fix struct {
		ventCues, ventAdverbs, ventLeads, factPhrases, brokenWords, verdictFrames, toldPlainly, proposals, ownActions, workloadWords, repeatVerbs, tailPointers, restWords, plainJabs, sameVerbs, noTime []string
		ventNouns                                                                                                                                                                                        map[string]bool
	}
}

// complaintRule flags venting, blame for being left out and grievance
// openers, and rewrites them as requests.
func complaintRule() *lint.Rule {
	r, rf := mustLoad("complaint")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, complaint.groups.vent, func(v blockView, hs []hit) { complaintBlock(p, ps, rf, v, hs) })
	}
	learnedRule(r, complaint.model, nil)
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix {
		core, moved := factCore(v, span)
		cands, asWritten := ventCandidates(rf, v, trimSentence(v, core), nil, nil)
		_ = moved
		_ = asWritten
		// With no vent left to take out, the sentence as written and a
		// request built from its facts ("[a fix]", "with IT") still beat
		// the model's own empty "Could we [change] so that [outcome]?".
		cover := ventCover(v, trimSentence(v, core))
		return complaintFixes(v, cover, keepCounts(v, cover, cleanFirst(cands)))
	})
	return r
}

// complaintBlock reports the complaints of one block: per sentence, the
// longest trigger phrase decides which kind.
func complaintBlock(p *lint.Pass, ps *phraseSet, rf *ruleFile, v blockView, hs []hit) {
	g := &complaint.groups
	if groupIs(hs, g.again) {
		hs = append(hs, bareAgain(v)...)
	}
	if groupIs(hs, g.sarcasm) {
		hs = confirmSarcasm(v, hs)
	}
	if !groupIs(hs, complaint.triggers...) {
		return
	}
	hs = ps.withLazy(v.b, hs)
	asks := groupIs(hs, g.ask)
	per := v.bySentence(hs)
	for si := 0; si < len(per); si++ {
		h, ok := firstOf(longest(per[si]), complaint.triggers...)
		if !ok || v.quoted(h.span) {
			continue
		}
		switch h.group {
		case g.burnout:
			if !asks {
				si = reportBurnout(p, rf, v, per, si)
			}
		case g.uninformed:
			span := trimSentence(v, v.b.Sentences[si])
			p.Report(lint.Finding{Span: span, Message: complaint.msg.uninformed, Fixes: loopInFixes(v, rf, h, span)})
		case g.opener:
			reportOpener(p, rf, v, v.b.Sentences[si], h)
		default:
			if !asks || h.group == extraGroup {
				reportVent(p, rf, v, v.b.Sentences[si], h)
			}
		}
	}
}

// reportBurnout reports one finding for the run of venting sentences from
// sentence si on, and returns the index of the run's last sentence.
func reportBurnout(p *lint.Pass, rf *ruleFile, v blockView, per [][]hit, si int) int {
	last := si
	for last+1 < len(per) && groupIs(per[last+1], complaint.groups.burnout) {
		last++
	}
	span := document.Span{Start: v.b.Sentences[si].Start, End: trimSentence(v, v.b.Sentences[last]).End}
	_, body, _ := sentenceParts(v.src(span))
	cands := cleanFirst(complaintRewrites(rf, body, complaint.groups.burnout))
	if last+1 < len(v.b.Sentences) && hasFact(v.masked(v.b.Sentences[last+1])) {
		// "I'm drowning. Three rush jobs landed on me today …": the cause
		// follows, and a break is not what would help.
		slices.SortStableFunc(cands, func(a, b candidate) int {
			return boolRank(a.title == "Ask for a break") - boolRank(b.title == "Ask for a break")
		})
	}
	fixSpan, cands := askLast(v, span, cands)
	if h, ok := firstOf(per[si], complaint.groups.burnout); ok {
		cands = topicKept(v, span, h.span.Start, cands)
	}
	p.Report(lint.Finding{Span: span, Message: complaint.msg.burnout, Fixes: finishFixes(v, fixSpan, cands)})
	return last
}

// boolRank is 1 for true, 0 for false.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reportOpener reports a grievance opener ("As usual, …") that starts its
// sentence, with a fix that drops it.
func reportOpener(p *lint.Pass, rf *ruleFile, v blockView, sent document.Span, h hit) {
	if strings.TrimSpace(stripSpeaker(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))) != "" {
		return
	}
	if !grievanceOpener(strings.ToLower(v.src(h.span)), strings.ToLower(firstWord(v.masked(document.Span{Start: h.span.End, End: sent.End})))) {
		return
	}
	phr := strings.TrimRight(v.src(h.span), " ,")
	f := lint.Finding{Span: document.Span{Start: h.span.Start, End: h.span.Start + len(phr)},
		Message: strings.ReplaceAll(complaint.msg.opener, "{phrase}", phr)}
	if e, ok := removeWords(v, sent, f.Span.Start, f.Span.End, false); ok {
		f.Fixes = []lint.Fix{removal("Drop \""+phr+"\"", e)}
		span := trimSentence(v, sent)
		if e.Span.Start >= span.Start && e.Span.End <= span.End {
			src := v.src(span)
			after := src[:e.Span.Start-span.Start] + e.NewText + src[e.Span.End-span.Start:]
			if stillComplains(after) || strongComplaintText(after) || !offersWayForward(after) {
				// "Yet again, the WMS went down, and once again nobody from
				// IT picked up": without the opener it still complains, so
				// the facts and a request come first; and a grievance
				// without its opener is still one without a way forward
				// ("The editorial team has been asked to absorb a schedule
				// change made without any consultation").
				if cands, _ := ventCandidates(rf, v, sent, nil, nil); len(cands) > 0 && !stillComplains(cands[0].text) {
					fs := complaintFixes(v, ventCover(v, span), cands[:1])
					f.Fixes[0].Preferred = false
					f.Fixes = append(fs, f.Fixes...)
				}
			}
			si := v.sentenceAt(sent.Start)
			way := offersWayForward(after) || si >= 0 && proposesElsewhere(v, si, si)
			if plain := plainLine(after, src); f.Fixes[0].Title == "Drop \""+phr+"\"" && plain != "" && plain != strings.TrimSpace(after) && (!stillComplains(plain) || !way) {
				title := "State the facts"
				if !way {
					// "I was the only one still there at 7pm signing off
					// dockets": a grievance still, so it asks for a change.
					title, plain = "State the facts and ask for a change", plain+" Could we agree [a way forward] by [date]?"
				}
				// Where no request fits or the writer's own step stands ("I've
				// asked Frances to put a sign-up sheet up"), the grievance is
				// still said plainly: "I'm tired of the same three people
				// doing all the storytimes" → "The same three people have
				// been doing…"; "…, as per usual." goes.
				fix := rewriteFix(title, span, plain)
				fix.Preferred = true
				f.Fixes[0].Preferred = false
				f.Fixes = append([]lint.Fix{fix}, f.Fixes...)
			}
		}
	}
	p.Report(f)
}

// reportVent reports a vent phrase, with the sentence rewritten as a
// request; a sentence that only vents ("It's ridiculous.") is rewritten
// with the sentence of facts beside it (see factCore), and the rewrite
// replaces the vent-only sentences around it too (see ventCover).
func reportVent(p *lint.Pass, rf *ruleFile, v blockView, sent document.Span, h hit) {
	core, moved := factCore(v, sent)
	var cands []candidate
	if moved {
		cands, _ = ventCandidates(rf, v, core, nil, nil)
	} else {
		cands, _ = ventCandidates(rf, v, sent, &h, h.group)
	}
	cover := ventCover(v, trimSentence(v, core))
	p.Report(lint.Finding{Span: h.span, Message: complaint.msg.vent, Fixes: complaintFixes(v, cover, keepCounts(v, cover, cleanFirst(cands)))})
}

// ventCandidates returns the rewrites of a complaint sentence, ranked: a
// rewrite by what is complained of (complaintRewrites), else its facts
// without the vents and a request (ventlessRequest, ventRewrites). h is
// the vent phrase in sent, nil for none or the model. asWritten reports
// that the last rewrite is the sentence as written with a request after
// it (nothing found to take out).
func ventCandidates(rf *ruleFile, v blockView, sent document.Span, h *hit, group *phraseGroup) (cands []candidate, asWritten bool) {
	span := trimSentence(v, sent)
	_, body, _ := sentenceParts(v.src(span))
	addr, body := addressee(body)
	said, body := reportedLead(body)
	defer func() { cands = reported(said, cands) }()
	if f, ok := doneWithFact(stripOpeners(body)); ok {
		body = f // "I give up with the new ERP, every morning …": what it is about stays
	}
	note := ""
	if rest, n, ok := raisedBefore(body); ok {
		// "As I mentioned in my last three emails, the form still needs a
		// wet signature": the facts, then "I've raised this in my last
		// three emails." — the count stays, the jab goes.
		body, note = rest, n
	}
	defer func() {
		cands = withNote(note, cands)
		if askAfter(v, sent) {
			// "… Can the invoices go on the 28 June payment run?": the
			// writer asks already; a second request only competes with theirs.
			for i, c := range cands {
				if j := strings.Index(c.text, " Could "); j > 0 && !stillComplains(c.text[:j]) {
					cands[i] = factsCandidate(c.text[:j])
				}
			}
		}
		if planAfter(v, sent) {
			// "… From Monday: FOH briefing at 16:30 daily.": the writer has
			// set the way forward; a request for one only repeats it.
			for i, c := range cands {
				if c.title != ventFactsTitle || stillComplains(c.text) {
					continue
				}
				if j := strings.Index(c.text, " Could we agree ["); j > 0 {
					cands[i] = factsCandidate(c.text[:j])
				}
			}
		}
		for i, c := range cands {
			cands[i].text = withoutChatSo(fittingAsk(c.text))
		}
		cands = greet(addr, cands)
	}()
	cands = complaintRewrites(rf, body, group)
	if len(cands) > 0 {
		return cands, false
	}
	if rest, ok := cutNotThat(body); ok && !stillComplains(rest) && clause(stripLabel(rest)) && !endsInParticle(rest) {
		// "Safety log updated for week 14 (not that anyone reads these)":
		// the aside was the only grievance, and no request fits a report.
		return []candidate{{"Drop the aside", finish(upperFirst(rest))}}, false
	}
	stmt, phrase := v.src(span), ""
	if h != nil {
		stmt, phrase = statement(v, sent, *h), v.src(h.span)
		if noticeRE().MatchString(phrase) || consultRE().MatchString(phrase) {
			stmt = v.src(span) // the cause stays, said plainly (see ventRewrites)
		}
	}
	asIs := stmt == v.src(span) // no phrase came out
	if note != "" {
		stmt = body
	} else if addr != "" {
		lead, b, mark := sentenceParts(stmt)
		if rest, ok := strings.CutPrefix(b, addr); ok {
			stmt = lead + rest + mark
		} else {
			stmt = lead + body + mark
		}
	}
	c, ventFree := whyRequest(body)
	if !ventFree {
		c, ventFree = whoRequest(body)
	}
	if !ventFree {
		c, ventFree = pointRequest(body)
	}
	if !ventFree {
		c, ventFree = ventlessRequest(body)
	}
	if (!ventFree || stillComplains(c.text)) && asIs {
		// No phrase came out cleanly: the facts without sarcasm and verdicts.
		if l, ok := looseRequest(body); ok && (!ventFree || !stillComplains(l.text)) {
			c, ventFree = l, true
		}
	}
	if ventFree {
		cands = append(cands, c)
	}
	vs := ventRewrites(rf, stmt, phrase)
	if ventFree {
		// The facts without the vents are stated already; the same with
		// the vent left in is no alternative.
		vs = slices.DeleteFunc(vs, func(c candidate) bool { return c.title == ventFactsTitle })
	}
	cands = append(cands, vs...)
	return cands, len(vs) > 0 && h == nil && note == "" && vs[len(vs)-1].title == ventFactsTitle
}

var (
	// planLeadRE: a sentence that sets a new way of working: "From
	// Monday: FOH briefing at 16:30 daily".
	planLeadRE = lazyRE(`(?i)^(?:from|starting|as of) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next week|now on|\d)`)
	// planTimeRE: a step the writer sets someone, with a time: "QA:
	// re-label plan on my desk by 2pm today".
	planTimeRE = lazyRE(`(?i)^[\w&' ]{1,20}: .*\b(?:by|at) (?:\d{1,2}(?::\d{2})?\s?(?:am|pm)?\b|noon|midday|eod|close of play|(?:monday|tuesday|wednesday|thursday|friday)\b)`)
)

// plainSentence is the text of sentence s without its list marker or
// surrounding space.
func plainSentence(v blockView, s document.Span) string {
	return strings.TrimSpace(stripListMarker(v.src(trimSentence(v, s))))
}

// sentencesAfter returns the plain text of the sentences after sent in its
// block.
func sentencesAfter(v blockView, sent document.Span) []string {
	si := v.sentenceAt(sent.Start)
	if si < 0 {
		return nil
	}
	var out []string
	for _, s := range v.b.Sentences[si+1:] {
		t := plainSentence(v, s)
		if signOff(t) {
			break
		}
		out = append(out, t)
	}
	return out
}

// planAfter reports whether a sentence after sent in its block sets the
// way forward itself: a new way of working from a date, or a step set
// for someone with a time. The writer's own coping ("I'll redo tables 3
// and 4 tonight") is no such plan: the request still helps.
func planAfter(v blockView, sent document.Span) bool {
	for _, t := range sentencesAfter(v, sent) {
		if strings.HasSuffix(t, "?") || isVent(t) {
			continue
		}
		if planLeadRE().MatchString(t) || planTimeRE().MatchString(t) {
			return true
		}
	}
	return false
}

// grievanceOpener reports whether an opener followed by the word next
// reads as a grievance. "As always, thanks to…" is warmth; "Frankly,"
// vents only before a verdict ("Frankly, this is…"); "Of course," only
// before "nobody"/"no one".
func grievanceOpener(opener, next string) bool {
	switch {
	case strings.HasPrefix(opener, "frankly"):
		switch next {
		case "this", "that", "it's", "it’s", "i'm", "i’m", "nobody", "no", "we're", "we’re", "they", "i've", "i’ve":
			return true
		}
		return false
	case strings.HasPrefix(opener, "of course"):
		return next == "nobody" || next == "no"
	}
	switch next {
	case "thanks", "thank", "happy", "glad", "great", "good", "feel", "please", "huge", "big":
		return false
	}
	return true
}

// confirmSarcasm turns sarcasm ("Thanks for that.") into a vent when the
// block also holds another grievance or a stated problem, and drops it
// otherwise: alone, "Thanks for that." is thanks.
func confirmSarcasm(v blockView, hs []hit) []hit {
	g := &complaint.groups
	ok := groupIs(hs, complaint.triggers...)
	for _, h := range v.scan.hits[v.idx] {
		if ok {
			break
		}
		ok = h.group == g.problem || h.group == g.alarm
	}
	out := hs[:0:0]
	for _, h := range hs {
		if h.group == g.sarcasm {
			if !ok {
				continue
			}
			h.group = g.vent
		}
		out = append(out, h)
	}
	return out
}

// bareAgain returns a vent hit for each sentence that is nothing but
// "Again." or "Again?!": exasperation at a repeat, not information.
func bareAgain(v blockView) []hit {
	var out []hit
	for _, s := range v.b.Sentences {
		t := strings.TrimSpace(stripListMarker(v.masked(s)))
		w := strings.TrimRight(t, ".!?…")
		if len(w) < len(t) && strings.EqualFold(w, "again") {
			start := s.Start + strings.Index(v.masked(s), w)
			out = append(out, hit{span: document.Span{Start: start, End: start + len(t)}, group: complaint.groups.vent})
		}
	}
	return out
}

// stripListMarker drops a leading bullet ("- ", "* ", "+ ").
func stripListMarker(s string) string {
	t := strings.TrimLeft(s, " \t")
	if len(t) > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return t[2:]
	}
	return t
}

// pastChange matches "<subject> <verb>" at the end of what nobody told
// the writer, for verbs that mean a date moved or a thing changed.
var (
	movedRE   = lazyRE(`^(.+?)\s+(?:was |got |had |has |have |were )?(?:moved|slipped|shifted|rescheduled|postponed|pushed|delayed|brought forward)(?: again| back| out| up| forward| in)*(?:\s+(?:to|until|till|from|by|into|onto|on|for|past)\b.*)?$`)
	changedRE = lazyRE(`^(.+?)\s+(?:was |got |had |has |have |were )?changed(?: again)?(?:\s+(?:to|from|into|on|for)\b.*)?$`)
	passiveRE = lazyRE(`^(.+?)\s+(was|were)\s+(\w+ed)$`)
)

// loopInFixes rewrites "Nobody told me X." as a request to be looped in:
// "Could you loop me in when the launch date changes?" where X is a
// change of its subject alone; where X says more ("the client demo moved
// to Tuesday"), its facts first as a statement: "The client demo moved to
// Tuesday. Could you loop me in on changes like this next time?".
func loopInFixes(v blockView, rf *ruleFile, h hit, span document.Span) []lint.Fix {
	const title = "Ask to be looped in"
	phrase := strings.ToLower(v.src(h.span))
	if before := v.src(document.Span{Start: span.Start, End: max(span.Start, h.span.Start)}); hasFact(stripLabel(before)) {
		// "the freelance budget got cut by 30% and I only found out when
		// accounts mentioned it": the facts before the phrase stay.
		_, body, _ := sentenceParts(v.src(span))
		if c, ok := toldPlainly(body); ok {
			return complaintFixes(v, span, []candidate{c})
		}
	}
	rest := strings.TrimSpace(v.doc.Text[h.span.End:max(span.End, h.span.End)])
	rest = strings.TrimRight(rest, ".!?")
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	rest = strings.TrimRight(stripVentAdverbs(rest), " ,") // "the audit moved to Tuesday, as usual"
	full := rest
	rest = trimClause(rest, 1)
	// What the clause cut off says of how the writer heard ("; I found out
	// from the invite at 8:50") stays, said plainly, before the request.
	tail := ""
	if t := strings.TrimSpace(strings.TrimLeft(full[len(rest):], " ,;:.—–-")); t != "" {
		t = plainTold(stripConjunction(t))
		for _, w := range []string{"although ", "even though ", "though ", "whereas ", "while "} {
			// "… although I prepared 70% of the evidence": the contrast is
			// the fact, said as one.
			if hasPrefixFold(t, w) {
				t = t[len(w):]
				break
			}
		}
		if l := strings.ToLower(t); strings.HasPrefix(l, "found out ") || strings.HasPrefix(l, "heard ") {
			t = "I " + t
		}
		if hasFact(t) && !stillComplains(t) && clause(t) {
			tail = finish(upperFirst(capitalI(t)))
		}
	}
	var cands []candidate
	add := func(text string) {
		text = finish(text)
		switch j := strings.Index(text, " Could "); {
		case tail == "":
		case strings.HasPrefix(text, "Could "):
			text = tail + " " + text
		case j > 0:
			text = text[:j] + " " + tail + text[j:]
		}
		cands = append(cands, candidate{title, text})
	}
	if includedRE().MatchString(phrase) {
		src := v.src(span)
		switch m := leftOutEndRE().FindStringIndex(src); {
		case rest != "":
			add("Could you include me in " + rest + " next time?")
		case m != nil && hasFact(src[:m[0]]):
			// "… decided on a call I wasn't invited to." keeps what was decided.
			_, body, _ := sentenceParts(src[:m[0]] + " without me")
			add(stripOpeners(body) + ". Could you include me next time?")
		default:
			add("Could you include me next time?")
		}
		return complaintFixes(v, span, cands)
	}
	if hasSuffixFold(phrase, "from") && strings.Contains(rest, " that ") {
		// "I found out from the lab Slack that the booking priorities were
		// changed": the source and the change both stay.
		_, body, _ := sentenceParts(v.src(span))
		if g, rest, ok := strings.Cut(body, "\n"); ok && greetingLine(strings.TrimSpace(g)) {
			body = strings.TrimSpace(rest) // "Hi Dr. Okafor,\nI found out from …": the greeting stays (see plainStatements)
		}
		if c, ok := toldPlainly(body); ok {
			return complaintFixes(v, span, []candidate{c})
		}
	}
	if hasSuffixFold(phrase, "from") {
		// "I found out from a customer that X": what changed is X.
		if i := strings.Index(rest, " that "); i >= 0 {
			rest = rest[i+len(" that "):]
		} else if rest != "" {
			add("Could you loop me in directly next time, so I don't hear it from " + rest + " first?")
			return complaintFixes(v, span, cands)
		}
	}
	rest = strings.TrimPrefix(rest, "that ")
	if about, ok := strings.CutPrefix(rest, "about "); ok && about != "" {
		add(strings.ReplaceAll(complaint.repl.uninformedAbout, "{what}", about))
		return complaintFixes(v, span, cands)
	}
	var what, subject string
	switch {
	case rest == "":
		what = "[this changes]"
	case movedRE().MatchString(rest):
		// "the freeze moved to the 12th" → "the freeze date changes"; a
		// date or deadline changes by itself.
		subject = movedRE().FindStringSubmatch(rest)[1]
		what = subject + " date changes"
		if l := strings.ToLower(what); strings.HasSuffix(l, " date date changes") || strings.HasSuffix(l, " deadline date changes") {
			what = strings.TrimSuffix(what, " date changes") + " changes"
		}
	case changedRE().MatchString(rest):
		subject = changedRE().FindStringSubmatch(rest)[1]
		what = subject + " changes"
		if ps := parse(subject); len(ps.Tokens) > 0 && ps.Tokens[len(ps.Tokens)-1].Tag == "NNS" {
			what = subject + " change" // "the booking priorities change"
		}
	case passiveRE().MatchString(rest):
		m := passiveRE().FindStringSubmatch(rest)
		be := "is"
		if m[2] == "were" {
			be = "are"
		}
		subject = m[1]
		what = m[1] + " " + be + " " + m[3]
	}
	loop := strings.ReplaceAll(complaint.repl.uninformed, "{what}", what)
	switch {
	case what == "" || subject != "" && hasFact(strings.TrimPrefix(rest, subject)):
		// The change says more than its subject: keep it as a statement.
		add(upperFirst(rest) + ". Could you loop me in on changes like this next time?")
		if what != "" {
			add(loop)
		}
	default:
		add(loop)
	}
	return complaintFixes(v, span, cands)
}

// leftOutEndRE matches being left out at the end of a sentence: "… a
// call I wasn't invited to."
var leftOutEndRE = lazyRE(`(?i)\s+(?:I|we) (?:wasn't|was not|weren't|were not) (?:invited to|included in)[.!?]*$`)

// includedRE matches being left out of a meeting or a decision.
var includedRE = lazyRE(`(?:wasn't|was not|weren't|were not) (?:invited to|included in)|left (?:me |us )?(?:off|out)(?: of)?$|i was left (?:off|out)`)

// addresseeRE: a greeting or the name of whom a message is for, before a
// comma: "Hi Sofia, ", "Good morning Ma'am Grace, ", "James, ", "Team, ".
var addresseeRE = lazyRE(`^((?:(?i:hi|hey|hello|dear|morning|good morning|good afternoon|good evening|evening|thanks|thank you)\s+)?((?:[\p{Lu}][\p{L}'’.-]*)(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2}),\s+)(\S.*)$`)

// addressee splits off the greeting or addressee a complaint opens with,
// which its rewrite keeps (see greet): "James, overtime we seem to …" →
// "James, ", "overtime we seem to …". A capitalised word that is a vent
// lead, an opener or a common sentence adverb ("Honestly,", "Great,") is
// no addressee.
func addressee(body string) (string, string) {
	m := addresseeRE().FindStringSubmatch(body)
	if m == nil {
		return "", body
	}
	for _, w := range strings.Fields(strings.ToLower(m[2])) {
		w = strings.Trim(w, "'’.")
		if commonStart[w] || strings.HasSuffix(w, "ly") || slices.Contains(openerWords, w) || slices.Contains(complaint.fix.ventLeads, w) {
			return "", body
		}
		switch w {
		case "i", "i'm", "i've", "we", "so", "yes", "no", "ok", "okay", "right", "also", "again", "anyway", "sorry", "please",
			"update", "note", "fyi", "ps", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
			"friday", "saturday", "sunday", "cool", "whatever", "yeah", "yep", "nope", "hmm", "ugh", "oh", "ah", "well":
			return "", body
		}
	}
	if !hasFact(m[3]) || isVent(m[2]) {
		return "", body
	}
	// Every word of the name a proper noun ("Ma'am" aside), as the tagger reads it.
	greeting := len(strings.Fields(m[1])) > len(strings.Fields(m[2]))
	if greeting {
		return m[1], m[3] // "Good morning Ma'am Grace, …"
	}
	toks := parse(body).Tokens
	n := len(strings.Fields(m[1])) - len(strings.Fields(m[2]))
	for _, t := range toks[n:min(n+len(strings.Fields(m[2])), len(toks))] {
		if t.Tag != "NNP" && t.Tag != "NNPS" && !(greeting && grammar.IsNoun(t.Tag)) && !partyNouns[t.Lower] &&
			t.Lower != "everyone" && t.Lower != "folks" && t.Lower != "all" {
			return "", body
		}
	}
	return m[1], m[3]
}

// greet puts the addressee back before each rewrite: "James, " + "Could
// we …" → "James, could we …".
func greet(addr string, cands []candidate) []candidate {
	if addr == "" {
		return cands
	}
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		if !strings.HasPrefix(c.text, addr) {
			out[i].text = addr + lowerFirst(c.text)
		}
	}
	return out
}

// toldPlainly states a sentence about not being told with the phrase
// said plainly (see the rule's told_plainly) and its vents out, and asks
// to be looped in, or consulted where the writer was not asked: "the
// country director rewrote it without telling me and submitted it under my
// name, I only found out when the donor replied" → "… rewrote it without
// letting me know and submitted it under my name, I found out when the
// donor replied. Could you loop me in on changes like this next time?"
func toldPlainly(body string) (candidate, bool) {
	out, asked := body, false
	for _, pair := range complaint.fix.toldPlainly {
		from, to, ok := strings.Cut(pair, " => ")
		if !ok {
			continue
		}
		for {
			i := strings.Index(strings.ToLower(strings.ReplaceAll(out, "’", "'")), from)
			if i < 0 || i > 0 && out[i-1] != ' ' {
				break
			}
			out = out[:i] + to + out[i+len(from):]
			asked = asked || strings.Contains(to, "asked") || strings.Contains(to, "input")
		}
	}
	if out == body {
		return candidate{}, false
	}
	if f, ok := looseStatement(out); ok {
		out = f
	} else if f, _, _, ok := ventless(out); ok {
		out = f
	}
	out = strings.TrimRight(trimTail(strings.TrimSpace(out)), " ,;:—-?!.")
	if stillComplains(out) || !hasFact(out) || !clause(stripLabel(out)) {
		return candidate{}, false
	}
	ask := " Could you loop me in on changes like this next time?"
	if asked {
		ask = " Could you check with me before decisions like this?"
	}
	return candidate{"Ask to be looped in", finish(upperFirst(capitalI(out))) + ask}, true
}

// stripLabel drops a short label before ": " ("Agenda item from me: …").
func stripLabel(s string) string {
	if i := strings.Index(s, ": "); i > 0 && i < 40 && labelLike(s[:i]) {
		return s[i+2:]
	}
	return s
}

// countRE: a sentence that counts a repeat: "Third time this year.", "This
// is the fourth time since March.", "For the 5th time this sprint."
var countRE = lazyRE(`(?i)^(?:(?:this is|that's|that is|it's|it is) )?(?:(?:for )?the )?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th|6th|7th|8th|9th|10th) (?:time|week|month|year|day) (?:in a row|running|(this|since|in) ([\w ]{1,30}))$`)

// countWords are the counts of the ordinals a count sentence uses.
var countWords = map[string]string{"second": "twice", "2nd": "twice", "third": "three times", "3rd": "three times",
	"fourth": "four times", "4th": "four times", "fifth": "five times", "5th": "five times", "sixth": "six times",
	"6th": "six times", "seventh": "seven times", "7th": "seven times", "eighth": "eight times", "8th": "eight times",
	"ninth": "nine times", "9th": "nine times", "tenth": "ten times", "10th": "ten times"}

// plainCount restates a count sentence without the grievance its
// ordinal carries: "Third time this year" → "This has happened three times
// this year."
func plainCount(s string) (string, bool) {
	if c, ok := repeatCount(strings.TrimRight(s, ".!?… ")); ok {
		return c + ".", true // "Fourth month asking" → "This is the fourth month I've asked."
	}
	m := countRE().FindStringSubmatch(strings.TrimSpace(strings.TrimRight(s, ".!?… ")))
	if m == nil || m[2] == "" {
		return "", false
	}
	return "This has happened " + countWords[strings.ToLower(m[1])] + " " + strings.ToLower(m[2]) + " " + m[3] + ".", true
}

// keepCounts keeps, in each rewrite, the counts of the sentences its
// span covers ("Third time this year."), said plainly after the
// rewrite's statement, so that how often it happened is not lost.
func keepCounts(v blockView, cover document.Span, cands []candidate) []candidate {
	var counts []string
	for _, s := range v.b.Sentences {
		if s.Start < cover.Start || s.End > cover.End+1 {
			continue
		}
		_, body, _ := sentenceParts(strings.TrimSpace(v.src(trimSentence(v, s))))
		if c, ok := plainCount(body); ok {
			counts = append(counts, c)
		} else if m := countOpenerRE().FindStringSubmatch(body); m != nil {
			// "For the third time this month, housekeeping heard…": the
			// opener goes, its count stays.
			counts = append(counts, "This is the "+strings.ToLower(m[1])+" time"+strings.ToLower(m[2])+".")
			for i := range cands {
				for _, re := range []*regexp.Regexp{leftTimeRE(), countOpenerRE()} {
					if loc := re.FindStringIndex(cands[i].text); loc != nil {
						t := cands[i].text
						cands[i].text = t[:loc[0]] + upperFirst(strings.TrimLeft(t[loc[1]:], " "))
					}
				}
			}
		}
	}
	if len(counts) == 0 {
		return cands
	}
	add := strings.Join(counts, " ")
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		if strings.Contains(c.text, add) {
			continue
		}
		if j := strings.Index(c.text, " Could "); j > 0 {
			out[i].text = c.text[:j] + " " + add + c.text[j:]
		} else {
			out[i].text = c.text + " " + add
		}
	}
	return out
}

// raisedBeforeRE: "As I mentioned in my last three emails, …", "As I said
// twice last week, …", "As previously mentioned (several times), …", "As
// per my last three emails, …".
var raisedBeforeRE = lazyRE(`(?i)^(?:(?:as|like) (?:i(?:'ve|’ve| have)? (?:already )?(?:mentioned|said|pointed out|flagged|raised|noted|explained|highlighted)|previously mentioned|previously flagged|per)|per) (.+?),\s*(\S.*)$`)

// raisedBeforeWhen: the part of a raisedBeforeRE lead that says when or how
// often: "in my last three emails", "twice last week", "(several times)".
var raisedBeforeWhen = lazyRE(`(?i)^\(?((?:in|at|on|during|since) [^()]+|(?:my|the) (?:last|previous) [^()]+(?: \(and [^()]+\))?|twice[^()]*|(?:several|many|multiple|a few|two|three|four|five|\d+) times[^()]*|repeatedly|more than once)\)?$`)

// raisedBefore splits off a lead that says the writer raised this before,
// and restates how often as a fact: "As I mentioned in my last three
// emails, X" → X, "I've raised this in my last three emails."
func raisedBefore(body string) (rest, note string, ok bool) {
	m := raisedBeforeRE().FindStringSubmatch(strings.TrimSpace(body))
	if m == nil || !hasFact(m[2]) {
		return body, "", false
	}
	w := raisedBeforeWhen().FindStringSubmatch(strings.TrimSpace(m[1]))
	if w == nil {
		return body, "", false
	}
	when := strings.TrimSpace(w[1])
	if l := strings.ToLower(when); strings.HasPrefix(l, "my last ") || strings.HasPrefix(l, "the last ") || strings.HasPrefix(l, "my previous ") {
		when = "in " + when
	}
	verb := "I've raised this "
	if regexpLastWeek().MatchString(when) {
		verb = "I raised this "
	}
	return m[2], verb + when + ".", true
}

// regexpLastWeek: a time in the past that takes the simple past.
var regexpLastWeek = lazyRE(`(?i)\b(?:last (?:week|month|friday|monday|tuesday|wednesday|thursday|year|sprint)|yesterday|ago)\b`)

// withNote puts a note after each rewrite's statement, before its
// request.
func withNote(note string, cands []candidate) []candidate {
	if note == "" {
		return cands
	}
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		switch j := strings.Index(c.text, " Could "); {
		case strings.HasPrefix(c.text, "Could "):
			out[i].text = note + " " + c.text
		case j > 0:
			out[i].text = c.text[:j] + " " + note + c.text[j:]
		default:
			out[i].text = c.text + " " + note
		}
	}
	return out
}

// reportedLeadRE: notes that report what the writer said: "Told her I'm
// done covering …", "Said I'm sick of hearing …".
var reportedLeadRE = lazyRE(`(?i)^((?:told|warned|reminded) (?:her|him|them|[\p{Lu}]\w+)|said|mentioned|explained|flagged|raised|admitted)(?: that)? ((?:i|i'm|i’m|i've|i’ve|we|we're|we’re|we've|we’ve)\b.+)$`)

// reportedLead splits off the lead of reported speech in notes ("Told
// her", "Said"), which the rewrite keeps (see reported).
func reportedLead(body string) (string, string) {
	if m := reportedLeadRE().FindStringSubmatch(strings.TrimSpace(body)); m != nil && hasFact(m[2]) && !strings.EqualFold(m[1], "told you") {
		return m[1], m[2]
	}
	return "", body
}

// reported puts a reported-speech lead back before each rewrite's
// statement: "Told her" + "I've been covering …" → "Told her I've been
// covering …". A rewrite that is only a request keeps no lead.
func reported(lead string, cands []candidate) []candidate {
	if lead == "" {
		return cands
	}
	out := make([]candidate, len(cands))
	for i, c := range cands {
		out[i] = c
		if !requestLead(c.text) {
			out[i].text = lead + " " + lowerFirst(c.text)
		}
	}
	return out
}

var (
	// toldLateRE: facts of not being told in time, said plainly.
	toldLateRE = lazyRE(`(?i)\b(?:(?:wasn't|weren't|isn't|aren't|am not|'m not) (?:told|informed|warned)|there was no notice|without notice|I heard (?:about|from)|I found out)\b`)
	// notAskedRE: facts of not being asked before a decision.
	notAskedRE = lazyRE(`(?i)\b(?:(?:wasn't|weren't|isn't|aren't|am not|'m not) (?:asked|consulted)|there was no consultation|without (?:our|my) input)\b`)
	// raisedRE2: facts of an ask made again.
	raisedAgainRE = lazyRE(`(?i)\bI(?:'ve| have)? (?:raised this|asked|chased)\b.*\b(?:times|twice|repeatedly|more than once)\b|\bI(?:'ve| have)? raised this\b`)
	// genericAskRE: the general request a rewrite ends with.
	genericAskRE = lazyRE(`^(.*\S) Could we agree \[(?:a way forward|a fix)\] by \[date\]\?$`)
)

// fittingAsk replaces the general request after a complaint's facts with
// the one its facts call for: a loop-in where the writer heard late, a
// request to be consulted where they were not asked, an escalation with a
// date where they asked again and again.
func fittingAsk(text string) string {
	m := genericAskRE().FindStringSubmatch(text)
	if m == nil {
		return text
	}
	facts := m[1]
	me := regexpFirstPerson().MatchString(facts)
	switch {
	case raisedAgainRE().MatchString(facts):
		return facts + " " + answerAsk
	case notAskedRE().MatchString(facts) && me:
		return facts + " Could you check with me before decisions like this?"
	case notAskedRE().MatchString(facts):
		return facts + " Could we agree that decisions like this are checked with us first?"
	case toldLateRE().MatchString(facts) && me:
		return facts + " Could you loop me in earlier on changes like this?"
	case toldLateRE().MatchString(facts):
		return facts + " Could we agree how changes like this are passed on in time?"
	}
	return text
}

// regexpFirstPerson: the writer as the one not told or asked.
var regexpFirstPerson = lazyRE(`(?i)\b(?:I wasn't|I'm not|I am not|I heard|I found out)\b`)

// askAfter reports whether a sentence after sent in its block is the
// writer's own request: "Can the invoices go on the 28 June payment run?"
func askAfter(v blockView, sent document.Span) bool {
	for _, t := range sentencesAfter(v, sent) {
		if strings.HasSuffix(t, "?") && requestLead(stripLabel(t)) && hasFact(t) && !strings.Contains(strings.ToLower(t), "why") {
			return true
		}
	}
	return false
}

// endsInParticle reports whether a text ends with a word that reads as
// cut off when it stands last ("the Q2 numbers are in"), which the
// rewrite evaluation counts as a dangling word.
func endsInParticle(s string) bool {
	_, w := cutLastWord(strings.TrimRight(s, ".!? "))
	switch strings.ToLower(w) {
	case "in", "on", "up", "out", "off", "to", "of", "for", "with", "at", "by":
		return true
	}
	return false
}

// withoutChatSo drops the "So" that chat opened a grievance with ("lol so
// the terminal team changed the lanes…"), where what follows is a clause
// of its own.
func withoutChatSo(t string) string {
	w, rest, ok := strings.Cut(t, " ")
	if !ok || w != "So" || !startsClause(rest) {
		return t
	}
	return upperFirst(rest)
}

// startsClause reports whether t opens with a subject and its verb.
func startsClause(t string) bool {
	s := parse(t)
	np, ok := s.NounPhraseAt(0)
	return ok && np.Start == 0 && np.End < len(s.Tokens) && grammar.IsFinite(s.Tokens[np.End].Tag)
}

var (
	// countOpenerRE: a count that opens a grievance or a line of a
	// rewrite ("For the third time this month, …").
	countOpenerRE = lazyRE(`(?mi)^for the (second|third|fourth|fifth|sixth|nth|umpteenth|\d+(?:st|nd|rd|th)) time((?: (?:this|in a|in the last) (?:month|week|year|quarter|contract|sprint|term|season|row))?),`)
	// leftTimeRE: the time an opener's count left behind at the start of
	// a line ("This month, housekeeping heard…").
	leftTimeRE = lazyRE(`(?m)^(?:This|this) (?:month|week|year|quarter|contract|sprint|term|season), `)
)
