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

// crisis is rules/crisis.toml as the rule's code uses it (see bind).
var crisis = bind("crisis", func(b *binder) (f crisisFile) {
	f.groups.alarm, f.groups.mitigation = b.group("alarm"), b.lazyGroup("mitigation")
	b.lazyGroup("negation") // "not a disaster": only shadows what it contains (see longest)
	f.msg = b.message("default")
	f.repl.fallback = b.replacement("fallback")
	f.model = modelText{b.message("model"), b.replacement("model")}
	f.fix.doom = b.fixList("doom")
	f.fix.leadIns = b.fixList("lead_ins")
	f.fix.places, f.fix.events = wordSet(b.fixList("places")...), wordSet(b.fixList("events")...)
	f.fix.plans, f.fix.addresses = wordSet(b.fixList("plans")...), wordSet(b.fixList("addresses")...)
	f.fix.idioms = slices.Clone(b.fixList("idioms"))
	slices.SortStableFunc(f.fix.idioms, func(a, b string) int { return len(b) - len(a) })
	f.fix.alarmWords = make(map[string]bool)
	for _, w := range b.fixList("alarm_words") {
		f.fix.alarmWords[w] = true
	}
	for _, p := range b.phrases("alarm") {
		for _, w := range strings.Fields(strings.ToLower(p)) {
			f.fix.alarmWords[w] = true
		}
	}
	return f
})

type crisisFile struct {
	// An alarm makes a finding; a mitigation in the unit clears it.
	groups struct{ alarm, mitigation *phraseGroup }
	msg    string
	repl   struct{ fallback string }
	model  modelText
	// fix holds what only the rewrites use (see tidyAnswer).
	fix struct {
		doom, leadIns []string
		// idioms each read as one alarm word (see idiomAlarm).
		idioms []string
		// alarmWords carry alarm and no fact (see alarmClause).
		alarmWords map[string]bool
		// places and events are head nouns of a subject that an alarm is
		// about, not caused by (see blamelessSubject); plans are those of
		// a subject that may carry the impact (see processHead).
		places, events, plans map[string]bool
		// addresses open a chat line as a word of address (see splitAddress).
		addresses map[string]bool
	}
}

// crisisRule flags alarm raised without impact or mitigation.
func crisisRule() *lint.Rule {
	r, rf := mustLoad("crisis")
	ps := compileGroups(rf)
	g := &crisis.groups
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, g.alarm, func(v blockView, hs []hit) {
			if !groupIs(hs, g.alarm) {
				return
			}
			hs = ps.withLazy(v.b, hs)
			for _, bi := range unitBlocks(v.doc, v.idx) {
				if bi != v.idx {
					hs = append(hs, ps.findAll(v.at(bi))...)
				}
			}
			if groupIs(hs, g.mitigation) {
				return
			}
			for si, sh := range v.bySentence(hs) {
				sent := v.b.Sentences[si]
				var alarms []hit
				for _, h := range longest(sh) {
					if h.group != g.alarm || v.quoted(h.span) || negated(v, sent, h) || compound(v.doc.Text, h.span) {
						continue
					}
					alarms = append(alarms, h)
				}
				if len(alarms) > 0 {
					p.Report(lint.Finding{Span: alarms[0].span, Message: crisis.msg,
						Fixes: finishCrisis(v, alarms[0].span, tidyAnswers(v, dropSameFixes(v, absorbEcho(v, crisisFixes(v, rf, sent, alarms)))))})
				}
			}
		})
	}
	// A model hit needs no mitigation in the unit, like a phrase hit.
	learnedRule(r, crisis.model, func(v blockView) bool {
		for _, bi := range unitBlocks(v.doc, v.idx) {
			if groupIs(ps.findAll(v.at(bi)), g.mitigation) {
				return false
			}
		}
		return true
	})
	// The model's finding names no alarm phrase: the alarm clause or the
	// predicate of a named subject is replaced where there is one, and
	// impact and a mitigation otherwise go after the alarm.
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix {
		span = afterGreeting(v, span)
		if run, last := alarmRun(v, span); run != trimSentence(v, span) {
			if f, ok := crisisReplaceClauses(v, run); ok {
				return finishCrisis(v, run, tidyAnswers(v, dropSameFixes(v, absorbEcho(v, []lint.Fix{f, crisisAppend(v, last, false, run.End)}))))
			}
		}
		if f, ok := crisisReplaceClauses(v, span); ok {
			return finishCrisis(v, span, tidyAnswers(v, dropSameFixes(v, absorbEcho(v, []lint.Fix{f, crisisAppend(v, span, false, -1)}))))
		}
		if text, ok := subjectAlarm(v, trimSentence(v, span), nil); ok {
			f := rewriteFix("Replace the alarm with impact and a mitigation", trimSentence(v, span), text)
			f.Preferred = true
			return finishCrisis(v, span, tidyAnswers(v, dropSameFixes(v, absorbEcho(v, []lint.Fix{f, crisisAppend(v, span, false, -1)}))))
		}
		return finishCrisis(v, span, tidyAnswers(v, []lint.Fix{crisisAppend(v, span, true, -1)}))
	})
	return r
}

// negated reports whether the alarm word follows a negation ("not a
// disaster", "no crisis", "to avoid a meltdown").
func negated(v blockView, sent document.Span, h hit) bool {
	before := lastWords(v.masked(document.Span{Start: sent.Start, End: h.span.Start}), 3)
	for i := len(before) - 1; i >= 0; i-- {
		switch strings.Trim(before[i], ",;:") {
		case "not", "no", "isn't", "wasn't", "avoid", "prevent", "averted", "never", "without":
			return true
		}
	}
	return false
}

// finishCrisis is the last step of every crisis fix: a question of the
// writer's that a rewrite carries over keeps its question mark (see
// questionsKept), other sentences of alarm alone go (see alarmAloneGoes),
// and minutes get the minutes' voice (see minuteVoice). alarm is the
// span of the alarm the finding is about.
func finishCrisis(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	return minuteVoice(v, questionsKept(v, alarmAloneGoes(v, alarm, causeNotSubject(subjectLine(v, alarm, alarmSubject(v, alarm, labelledAlarm(v, alarm, noDanglingVerb(v, fs))))))))
}

// causeNotSubject rewrites, in every edit of fs, a subject said to put
// "[what]" at risk into what is at risk: reviewers read "Production puts
// [what] at risk" or "This season puts [what] at risk" as blaming it.
// "Boss, the lab today puts [what] at risk by [when]" → "Boss, [what has
// gone wrong] puts the lab at risk today"; "This season puts…" → "This
// season, [what has gone wrong] puts [what] at risk by [when]"; "The
// situation in gate area B puts…" → "The situation in gate area B: [what
// has gone wrong] puts…". A pronoun stays, but after a label ("Summer
// opening: it puts…") it goes.
func causeNotSubject(fs []lint.Fix) []lint.Fix {
	for i := range fs {
		edits := slices.Clone(fs[i].Edits)
		for j, e := range edits {
			edits[j].NewText = causeSubjectRE().ReplaceAllStringFunc(e.NewText, func(m string) string {
				g := causeSubjectRE().FindStringSubmatch(m)
				open, addr, x := g[1], g[2], strings.TrimSpace(g[3])
				x = strings.TrimSuffix(strings.TrimSuffix(x, ", it"), ", this")
				label := strings.HasSuffix(strings.TrimSpace(open), ":")
				what := "[What has gone wrong]"
				if label || addr != "" {
					what = "[what has gone wrong]"
				}
				if strings.Contains(x, ",") || parse(x).HasFiniteVerb() {
					return m // "prod db is throwing deadlocks, this puts…": a clause, not a subject
				}
				lx := strings.ToLower(x)
				switch lx {
				case "it", "this", "that", "we", "they", "everything", "things", "all":
					if label {
						return open + addr + what + " puts [what] at risk by [when]"
					}
					return m
				}
				when := timePhraseRE().FindString(x)
				np := strings.TrimSpace(strings.Replace(x, when, "", 1))
				if np == "" || strings.EqualFold(np, "this") || strings.EqualFold(np, "the") {
					t := when
					if open == "" || strings.HasSuffix(open, "\n") || strings.HasSuffix(strings.TrimSpace(open), ".") {
						t = upperFirst(t)
					}
					return open + addr + t + ", [what has gone wrong] puts [what] at risk by [when]"
				}
				if situationHeadRE().MatchString(np) {
					return open + addr + upperFirst(np) + ": [what has gone wrong] puts [what] at risk by [when]"
				}
				if ps := parse(np); len(ps.Tokens) > 0 && !strings.HasPrefix(ps.Tokens[0].Tag, "NNP") {
					np = lowerFirst(np)
				}
				out := open + addr + what + " puts " + np + " at risk"
				if when != "" {
					out += " " + strings.ToLower(when)
				}
				return out
			})
			edits[j].NewText = chatAddressRE().ReplaceAllString(edits[j].NewText, "$1") // "In the loading bay lads, [what…" → "In the loading bay, [what…"
			edits[j].NewText = riskTailRE().ReplaceAllStringFunc(edits[j].NewText, func(m string) string {
				// "…at risk by [when], really everything is going wrong since
				// the morning." and "… unless a miracle happens.": alarm after
				// the impact goes.
				g := riskTailRE().FindStringSubmatch(m)
				tail := strings.TrimSpace(strings.TrimLeft(g[2], ", "))
				if clauseProbs(tail)[model.Vent] >= alarmTailP || strings.HasPrefix(strings.ToLower(tail), "unless a miracle") {
					return g[1] + "."
				}
				if strings.HasPrefix(g[2], ",") && parse(tail).HasFiniteVerb() {
					return g[1] + ". " + upperFirst(tail) + "." // no comma splice: "…at risk. No one trusts the numbers."
				}
				return m
			})
		}
		fs[i].Edits = edits
	}
	return fs
}

var (
	// causeSubjectRE: a subject said to put "[what]" at risk, after the
	// start of a text, a line or a sentence, or a label, with a word of
	// address before it ("Boss, ").
	causeSubjectRE = lazyRE(`(^|\n|[.!?:]\s+)((?:[A-Z][a-z]+, )?)([^.!?:\n\[\]]{2,80}?) (?:puts|put|is putting|are putting|has put|have put|will put) \[what\] at risk by \[when\]`)
	// riskTailRE: a clause after the impact a fix put in, to the full stop.
	riskTailRE = lazyRE(`(at risk(?: by \[when\]| today| tonight| right now)?)((?:,| unless| and) [^.\[\]\n]{3,90})\.`)
	// situationHeadRE: a subject that names a state of things, not a thing
	// ("the situation in gate area B", "Housekeeping status for summer").
	situationHeadRE = lazyRE(`(?i)\b(?:situation|status|state|position|mood|picture)\b`)
)

// alarmSubject puts first, where the only fix appends impact and a
// mitigation after a chat line of alarm that the other shapes did not
// read ("the SSI data for Crewe is a dumpster fire 🔥🔥🔥", "conform is a
// hot mess rn 😬", "we are SO screwed tonight lads"), one that replaces
// it: what is in trouble is what is at risk ("[What has gone wrong] puts
// the SSI data for Crewe at risk."); with no such subject, the time the
// line names opens the impact ("Tonight, [what has gone wrong] puts
// [what] at risk by [when]."). The predicate must hold the alarm phrase
// or read as alarm to the clause model, and no fact.
func alarmSubject(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	if len(fs) == 0 {
		return fs
	}
	for si := len(v.b.Sentences) - 1; si >= 0; si-- {
		s := v.b.Sentences[si]
		if s.Start >= alarm.End || s.End <= alarm.Start {
			continue // a model's finding may span sentences: the last that reads goes
		}
		sent := trimSentence(v, s)
		text, pred, ok := alarmSubjectText(v, alarm, sent)
		if !ok {
			continue
		}
		if fs[0].Title != "Add impact and a mitigation" && !keepsText(v, fs[0], pred) {
			return fs // the first fix already replaced the alarm its own way
		}
		return replacementFirst(v, rewriteFix("Replace the alarm with impact and a mitigation", sent, text+" To contain it, I propose [mitigation]."), pred, fs)
	}
	return alarmAfterSubject(v, alarm, fs)
}

// replacementFirst puts the replacement f, preferred, before fs, and
// titles a fix of fs that keeps the alarm predicate pred for what it
// does.
func replacementFirst(v blockView, f lint.Fix, pred string, fs []lint.Fix) []lint.Fix {
	f.Preferred = true
	for i := range fs {
		fs[i].Preferred = false
		if fs[i].Title == f.Title && keepsText(v, fs[i], pred) {
			fs[i].Title = "Add impact and a mitigation"
		}
	}
	return append([]lint.Fix{f}, fs...)
}

// alarmAfterSubject is alarmSubject for an alarm said alone after the
// sentence that names what is in trouble ("The Saturday supplement is a
// total disaster. We're sunk."): that sentence is replaced and the alarm
// goes with it.
func alarmAfterSubject(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	si := v.sentenceAt(alarm.Start)
	if si < 1 || v.sentenceAt(max(alarm.Start, alarm.End-1)) != si {
		return fs
	}
	cur, prev := trimSentence(v, v.b.Sentences[si]), trimSentence(v, v.b.Sentences[si-1])
	if c := strings.TrimRight(plainSentence(v, v.b.Sentences[si]), ".!?… "); !alarmClause(c) && !doomedClause(c) && !ventClause(c) && !alarmOnlyClause(c) {
		return fs
	}
	text, pred, ok := alarmSubjectText(v, alarm, prev)
	if !ok || strings.Contains(v.doc.Text[prev.End:cur.Start], "\n") {
		return fs
	}
	return replacementFirst(v, rewriteFix("Replace the alarm with impact and a mitigation", document.Span{Start: prev.Start, End: cur.End}, text+" To contain it, I propose [mitigation]."), pred, fs)
}

// alarmWordsOnly reports whether predicate p holds an alarm and nothing
// but alarm words, emphasis and the small words of alarm idioms ("a house
// of cards about to come down", "collapsing around us").
func alarmWordsOnly(p string) bool {
	toks := parse(idiomAlarm(p)).Tokens
	if alarmOnly(toks) {
		return true
	}
	alarm := false
	for _, t := range toks {
		w := strings.Trim(t.Lower, ",.!?")
		switch {
		case w == "":
		case crisis.fix.alarmWords[w] && (grammar.IsNoun(t.Tag) || grammar.IsAdj(t.Tag) || grammar.IsVerb(t.Tag)),
			alarmFiller[w] && strings.HasSuffix(w, "ing") && w != "going": // "collapsing", "imploding"
			alarm = true
		case crisis.fix.alarmWords[w] || intensifiers[w] || alarmFiller[w] || stretched(w):
		default:
			return false
		}
	}
	return alarm
}

// subjectLine keeps an email's subject line a subject: no fix puts
// impact and a mitigation into it ("Subject: Canary Wharf — total
// meltdown. This puts…"). Where the alarm is the subject's, the fix that
// comes first drops it from the subject ("Subject: Canary Wharf") and
// replaces the alarm of the body, where a sentence there names what is in
// trouble (see alarmSubjectText).
func subjectLine(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	var line document.Span
	for _, s := range v.b.Sentences {
		if t := trimSentence(v, s); hasPrefixFold(v.doc.Text[t.Start:t.End], "subject:") {
			line = t
			break
		}
	}
	if line.End == 0 {
		return fs
	}
	fs = slices.DeleteFunc(fs, func(f lint.Fix) bool {
		// The template put into the subject line, or a rewrite of it.
		text, ok := fixedBlock(v, f)
		subj, _, _ := strings.Cut(text[line.Start-v.b.Span.Start:], "\n")
		return ok && strings.Contains(subj, "[")
	})
	m := subjectAlarmRE().FindStringSubmatch(v.doc.Text[line.Start:line.End])
	if m == nil {
		return fs
	}
	if rest := strings.TrimSpace(m[2]); !alarmClause(rest) && !doomedClause(rest) && !alarmWordsOnly(strings.ToLower(rest)) {
		return fs
	}
	drop := lint.Edit{Span: line, NewText: m[1]}
	if alarm.Start < line.Start || alarm.Start >= line.End {
		// The body's alarm: the first fix takes the subject's too.
		if len(fs) > 0 && !slices.ContainsFunc(fs[0].Edits, func(e lint.Edit) bool { return e.Span.Start <= line.End && e.Span.End >= line.Start }) {
			fs[0].Edits = append([]lint.Edit{drop}, fs[0].Edits...)
		}
		return fs
	}
	f := lint.Fix{Title: "Drop the alarm from the subject line", Edits: []lint.Edit{drop}, Rewrites: true}
	for _, s := range v.b.Sentences {
		t := trimSentence(v, s)
		if t.Start <= line.End {
			continue
		}
		if text, _, ok := alarmSubjectText(v, alarm, t); ok {
			f.Title = "Replace the alarm with impact and a mitigation"
			f.Edits = append(f.Edits, lint.Edit{Span: t, NewText: text + " To contain it, I propose [mitigation]."})
			f.NeedsInput = true
			break
		}
	}
	f.Preferred = true
	for i := range fs {
		fs[i].Preferred = false
	}
	return append([]lint.Fix{f}, fs...)
}

// placeLeadRE: a place after a time ("at Canary Wharf", "in the lab").
var placeLeadRE = lazyRE(`^(?:at|in|on) (?:the )?[\p{L}0-9]`)

// subjectAlarmRE: a subject line, its topic and what follows a dash or a
// colon ("Subject: Canary Wharf — total meltdown").
var subjectAlarmRE = lazyRE(`(?i)^(subject:\s*.+?)\s*(?:\s[—–-]\s|:\s)\s*(.+)$`)

// doomedClause reports whether c is the writer's doom alone (see
// doomClause), naming nothing at risk ("we are well and truly cooked",
// not "we're doomed for the inspection").
func doomedClause(c string) bool {
	at, ok := doomClause(doomTimeRE().ReplaceAllString(strings.TrimRight(c, ".!?… "), ""))
	return ok && at == ""
}

// doomTimeRE: when a doom is said to hold ("we're doomed this year", "it's
// over for the quarter"), which leaves it doom alone.
var doomTimeRE = lazyRE(`(?i)\s+(?:for|this|on|in)\s+(?:the\s+|this\s+)?(?:quarter|year|month|week|season|contract|project|milestone)$`)

// keepsText reports whether the paragraph fixed by f still holds text
// (case aside): "Gallery is absolute carnage tonight. This puts [what] at
// risk…" keeps the alarm "absolute carnage".
func keepsText(v blockView, f lint.Fix, text string) bool {
	fixed, ok := fixedBlock(v, f)
	text = strings.ToLower(strings.TrimSpace(text))
	return ok && text != "" && strings.Contains(strings.ToLower(fixed), text)
}

// fixedBlock returns the text of v's block after fix f, false where f
// edits outside it.
func fixedBlock(v blockView, f lint.Fix) (string, bool) {
	lo, hi := v.b.Span.Start, v.b.Span.End
	rel := make([]lint.Edit, 0, len(f.Edits))
	for _, e := range f.Edits {
		if e.Span.Start < lo || e.Span.End > hi {
			return "", false
		}
		rel = append(rel, lint.Edit{Span: document.Span{Start: e.Span.Start - lo, End: e.Span.End - lo}, NewText: e.NewText})
	}
	fixed, err := lint.ApplyEdits(v.doc.Text[lo:hi], rel)
	return fixed, err == nil
}

// alarmSubjectText is alarmSubject's impact for the sentence sent, and
// the predicate of alarm it replaces.
func alarmSubjectText(v blockView, alarm, sent document.Span) (text, pred string, ok bool) {
	src := v.doc.Text[sent.Start:sent.End]
	body := strings.TrimSpace(emojiRunRE().ReplaceAllString(src, " "))
	body = strings.TrimRight(chatTailRE().ReplaceAllString(strings.TrimRight(body, ".!? "), ""), ".!? ")
	if loc := shoutLeadRE().FindStringIndex(body); loc != nil && loc[1] < len(body) && body[loc[1]] >= 'a' && body[loc[1]] <= 'z' {
		body = body[loc[1]:] // "ABORT ABORT the Moorside job …"
	}
	if pieces := chatStopRE().Split(body, -1); len(pieces) > 1 {
		// "guys this is bad. like really really bad. the inspectorate visit
		// tomorrow is going to be a bloodbath": one chat sentence; the
		// last piece names what is in trouble, the others only alarm.
		for _, p := range pieces[:len(pieces)-1] {
			if t := strings.TrimSpace(p); t != "" && !ventClause(t) && !alarmMass(t) {
				return "", "", false
			}
		}
		body = strings.TrimSpace(pieces[len(pieces)-1])
	}
	m := alarmCopulaRE().FindStringSubmatch(body)
	if m == nil {
		m = alarmContractedRE().FindStringSubmatch(body)
	}
	if m == nil {
		return "", "", false
	}
	subj, pred := m[1], m[2]
	if cs := clauses(pred); len(cs) > 1 {
		// "is big disaster, it is the end for us I think": clauses of
		// alarm or feeling after the predicate go with it.
		for _, c := range cs[1:] {
			if t := strings.TrimRight(pred[c.start:c.end], ",;:.!?… "); t != "" && !alarmClause(t) && !ventClause(t) && !alarmOnlyClause(t) && !feelingClause(t) && !doomedClause(t) {
				return "", "", false
			}
		}
		pred = strings.TrimRight(pred[cs[0].start:cs[0].end], ",;:.!?… ")
	}
	if i := strings.Index(pred, " and "); i > 0 {
		// "is on fire and I don't see how we come back from it": a
		// clause of alarm or doom joined by "and" goes with it.
		if t := pred[i+len(" and "):]; alarmClause(t) || ventClause(t) || alarmOnlyClause(t) || doomedClause(t) {
			pred = pred[:i]
		}
	}
	alarmPred := pred
	subj = feelingLeadRE().ReplaceAllString(stripLeadIns(subj), "") // "I am afraid the Friday rota", "I think the migration project"
	lp := strings.ToLower(pred)
	phrase := ""
	if alarm.Start >= sent.Start && alarm.End <= sent.End {
		phrase = strings.ToLower(v.doc.Text[alarm.Start:alarm.End])
	}
	alarmed := phrase != "" && strings.Contains(lp, phrase)
	// A tail that says for whom or ahead of what ("an unmitigated disaster
	// for the Manchester centre", "in full meltdown mode ahead of the
	// LAN") is kept after the impact, and may name names.
	tail := ""
	if tm := forTailRE().FindStringSubmatchIndex(pred); tm != nil && !strings.EqualFold(strings.TrimSpace(pred[tm[2]:tm[3]]), "across the board") &&
		!slices.ContainsFunc(parse(pred[tm[2]:tm[3]]).Tokens, func(t grammar.Token) bool { return grammar.IsNoun(t.Tag) && crisis.fix.alarmWords[t.Lower] }) {
		tail = strings.TrimSpace(pred[tm[2]:tm[3]])
		lp = strings.TrimSpace(strings.TrimSuffix(lp, strings.ToLower(pred[tm[0]:])))
	}
	lp = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(lp, "across the board")), ",")
	wordsAlone := !alarmed && lp != "" && alarmWordsOnly(strings.TrimSpace(timePhraseRE().ReplaceAllString(lp, " ")))
	if hardFact(lp) || !alarmed && !wordsAlone && !ventClause(lp) && !alarmMass(lp) {
		return "", "", false
	}
	left := lp
	if alarmed {
		left = strings.TrimSpace(strings.Replace(lp, phrase, "", 1))
	}
	place := ""
	if pm := placeTailRE().FindStringSubmatch(left); pm != nil && !wordsAlone && !strings.Contains(pm[1], "  ") {
		place, left = pm[1], strings.TrimSpace(left[:len(left)-len(pm[0])])
	}
	if alarmed && left != "" {
		// What the predicate says besides the alarm must be nothing but
		// its emphasis or a time: "in total meltdown after the outage"
		// keeps "after the outage", so this shape is not for it.
		for _, w := range strings.Fields(timePhraseRE().ReplaceAllString(left, " ")) {
			if w = strings.Trim(w, ",.!?"); !alarmFiller[w] && !intensifiers[w] && !crisis.fix.alarmWords[w] && !stretched(w) {
				return "", "", false
			}
		}
	}
	if loc := timePhraseRE().FindStringIndex(subj); loc != nil && loc[0] == 0 && loc[1] < len(subj) {
		// "This weekend at Canary Wharf was an absolute disaster": a time
		// is not what is at risk; the place stays with what went wrong.
		if rest := strings.TrimSpace(subj[loc[1]:]); placeLeadRE().MatchString(rest) {
			return upperFirst(strings.ToLower(subj[:loc[1]])) + ", [what has gone wrong] " + rest + " puts [what] at risk by [when].", alarmPred, true
		}
	}
	if strings.ContainsAny(subj, ":") || strings.Contains(subj, "  ") {
		return "", "", false // a label (see labelledAlarm), or emoji between words
	}
	if sm := situationRE().FindStringSubmatch(subj); sm != nil && sm[1] != "" {
		// "The situation in the shop floor is very very bad": the place
		// stays, the state of things is no thing at risk.
		what := "[what has gone wrong] " + strings.TrimSpace(sm[1])
		if when := timePhraseRE().FindString(sm[1]); when != "" {
			what = "[what has gone wrong] " + strings.Join(strings.Fields(strings.Replace(sm[1], when, "", 1)), " ")
			return upperFirst(strings.ToLower(when)) + ", " + what + " puts [what] at risk by [when].", alarmPred, true
		}
		return "[W" + what[2:] + " puts [what] at risk by [when].", alarmPred, true
	}
	if f := strings.ToLower(firstWord(subj)); f == "yeah" || f == "yes" || f == "ok" || f == "okay" || f == "well" || timePhraseRE().MatchString(f) && !strings.EqualFold(timePhraseRE().FindString(subj), subj) {
		return "", "", false // "yeah this", "Today at the Westgate branch"
	}
	when := timePhraseRE().FindString(body)
	if rnRE().MatchString(src) {
		when = "right now"
	}
	what := "[what has gone wrong]"
	if place != "" {
		what += " " + place // "[what has gone wrong] in the cold store"
	}
	switch ls := strings.ToLower(subj); {
	case ls == "it" || ls == "this" || ls == "that" || ls == "everything" || ls == "things" || ls == "we" || ls == "i" || ls == "they" || ls == "it's" || ls == "its":
		risk := " puts [what] at risk by [when]."
		if tail != "" {
			risk = " puts [what] at risk " + tail + "."
		}
		if when == "" && place == "" && tail == "" {
			return "", "", false
		}
		if when == "" {
			return "[W" + what[2:] + risk, alarmPred, true
		}
		return upperFirst(strings.ToLower(when)) + ", " + what + risk, alarmPred, true
	case timePhraseRE().MatchString(subj) && strings.EqualFold(timePhraseRE().FindString(subj), subj):
		return upperFirst(strings.ToLower(subj)) + ", " + what + " puts [what] at risk by [when].", alarmPred, true
	}
	if len(strings.Fields(subj)) > 8 || place != "" {
		return "", "", false
	}
	if core := strings.TrimSpace(strings.Replace(subj, when, "", 1)); core != "" {
		ps := parse(core)
		if n := len(ps.Tokens); n > 1 && (ps.Tokens[n-1].Tag == "VBP" || ps.Tokens[n-1].Tag == "VB") && grammar.IsNoun(ps.Tokens[n-2].Tag) {
			ps = parse(core + " is") // "the special collections move": a noun the tagger read as a verb
			ps.Tokens = ps.Tokens[:n]
		}
		if c, ok := ps.NounPhraseAt(0); !(ok && c.Start == 0 && c.End == len(ps.Tokens)) && ps.HasFiniteVerb() {
			return "", "", false // a clause, not what is in trouble
		}
	}
	np := subj
	if ps := parse(subj); len(ps.Tokens) > 0 && (ps.Tokens[0].Tag == "DT" || ps.Tokens[0].Tag == "PRP$" || !strings.HasPrefix(ps.Tokens[0].Tag, "NNP") && !(len(ps.Tokens) > 1 && startsUpper(ps.Tokens[1].Text))) {
		np = lowerFirst(subj) // "Product launch event" → "product launch event"; "Support", "Project Bastion" stay
	}
	risk := " at risk."
	if tail != "" {
		risk = " at risk " + tail + "."
	}
	if i := strings.Index(strings.ToLower(np), " "+strings.ToLower(when)); when != "" && i > 0 && i+1+len(when) == len(np) {
		np = np[:i] // "the baby room this morning" → "This morning, … puts the baby room at risk"
	}
	if when != "" && !strings.Contains(strings.ToLower(np), strings.ToLower(when)) {
		return upperFirst(strings.ToLower(when)) + ", [what has gone wrong] puts " + np + risk, alarmPred, true
	}
	return "[What has gone wrong] puts " + np + risk, alarmPred, true
}

// notTopic are labels that name no topic ("Heads up: …").
var notTopic = wordSet("heads up", "update", "fyi", "note", "status", "ps", "re", "quick one", "urgent", "important",
	"warning", "alert", "help", "sos", "honestly", "seriously", "real talk", "so", "ok", "okay", "guys", "team", "all")

// headlineFiller are the words besides the alarm that a headline's rest
// may hold: "it's chaos out there", "we are doomed".
var headlineFiller = wordSet("it's", "it’s", "it", "is", "are", "was", "we", "we're", "we’re", "out", "there", "here",
	"this", "that", "everything", "things", "all", "one", "looking", "look", "looks", "heading", "for", "straight", "into", "a", "like")

// alarmFiller are the words an alarm's predicate may hold besides the
// alarm phrase: articles, emphasis, and the words of "in", "on", "a".
var alarmFiller = wordSet("start", "finish", "about", "come", "blow", "happen", "waiting", "around", "us", "mode", "unfolding", "looming", "impending", "ongoing", "epic", "slow-motion", "melting", "burning", "sinking", "drowning", "dying", "collapsing", "imploding", "exploding",
	"from", "top", "bottom", "a", "an", "the", "in", "on", "at", "absolute", "absolutely", "total", "totally", "complete",
	"completely", "utter", "utterly", "such", "so", "real", "really", "proper", "full", "fully", "now", "already",
	"officially", "basically", "literally", "just", "right", "again", "still", "going", "to", "be", "up", "down", "of", "rn")

var (
	// chatAddressRE: a chat word of address left before the impact.
	chatAddressRE = lazyRE(`\s+(?:lads|guys|folks|lol|rn)(,\s+\[what has gone wrong\])`)
	// chatStopRE: a full stop inside a chat sentence, before lower case.
	chatStopRE = lazyRE(`[.!?]+\s+`)
	// forTailRE: what an alarm predicate ends on that says for whom or
	// ahead of what ("for the site", "ahead of the LAN").
	forTailRE = lazyRE(`(?i)\s((?:for|ahead of|across|with) (?:the |our |this |its |their )?[\p{L}0-9][\p{L}0-9 '’-]{1,40})$`)
	// situationRE: a subject that names a state of things and where it is
	// ("the situation at Dover desk today").
	situationRE = lazyRE(`(?i)^(?:the )?(?:current |overall )?(?:situation|state of (?:things|play)|picture)((?:\s+(?:in|at|on|with)\s+.+)?)$`)
	// feelingLeadRE: how sure or afraid the writer is, before the subject.
	feelingLeadRE = lazyRE(`(?i)^(?:(?:honestly,? )?(?:it )?feels like|i feel like|i think|i fear|i feel|i believe|i guess|i am afraid|i'm afraid|i’m afraid|i reckon)(?:,\s*|\s+)`)
	// rnRE: chat's "right now".
	rnRE = lazyRE(`(?i)\brn\b`)
	// placeTailRE: where the alarm is, at the end of its predicate ("in the
	// cold store", "at Dock 4", "in dispensary").
	placeTailRE = lazyRE(`(?:^|\s)((?:in|at|on|down at|over at) (?:the |our )?[a-z][a-z0-9 -]{2,30})$`)
	// alarmCopulaRE: a subject, a form of "be", and what it is said to be
	// ("the SSI data for Crewe is a dumpster fire").
	// A verb group may hold an aside ("is, in short, a catastrophe"); a
	// contracted "'s" is tried only where no other verb is
	// (alarmContractedRE), since it is more often a possessive.
	alarmCopulaRE = lazyRE(`^(?i:honestly,? |tbh,? |ok so |so |guys,? |lads,? )*(.{2,60}?)` +
		`(?: can only be (?:described|characteri[sz]ed) as| has reached a point that can only be described as` +
		`| (?:is|are) (?:going to|gonna|shaping up to) be| will be| (?:is|are) heading (?:for|into)| (?:now )?faces| represents?` +
		`| (?:is|are) going| (?:has|have|had)(?:,[^,]{2,40},)? been| (?:has|have) (?:completely |totally |well and truly )?gone| has turned into| is turning into` +
		`| (?:feels|feel|looks|look|seems) like| is| are| was| were)(?:,[^,]{2,40},)?\s+(.+)$`)
	alarmContractedRE = lazyRE(`^(?i:honestly,? |tbh,? |ok so |so |guys,? |lads,? )*(.{2,60}?)(?:'s|’s|'re|’re)\s+(.+)$`)
	// chatTailRE: chat words that end a line of alarm ("lads", "lol", "rn").
	chatTailRE = lazyRE(`(?i)(?:[\s,]+(?:lads|guys|folks|lol|lmao|tbh|rn|fr|ngl|smh|ffs|omg|boss))+$`)
	// shoutLeadRE: a shouted interjection before the line ("ABORT ABORT",
	// "HELP", "OMG").
	shoutLeadRE = lazyRE(`^(?:[A-Z]{2,}[!.,]*\s+)+`)
)

// labelledAlarm puts first, where the only fix appends impact and a
// mitigation after a headline of alarm ("Print side: DUMPSTER FIRE 🔥🔥🔥",
// "Ground floor pour at Millbrook — we are basically sunk", "new PMS
// rollout = dumpster fire"), one that keeps the headline's topic and
// replaces the alarm: "Print side: [what has gone wrong] puts [what] at
// risk by [when]. To contain it, I propose [mitigation]." The alarm part
// must hold no fact (number, name, date) and read as alarm to the clause
// model or hold the alarm phrase.
func labelledAlarm(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	if len(fs) == 0 {
		return fs
	}
	si := v.sentenceAt(alarm.Start)
	if si < 0 {
		return fs
	}
	sent := trimSentence(v, v.b.Sentences[si])
	src := v.doc.Text[sent.Start:sent.End]
	m := alarmHeadlineRE().FindStringSubmatchIndex(src)
	if m == nil {
		return fs
	}
	label, rest := src[m[2]:m[3]], src[m[4]:m[5]]
	if first, _, _ := strings.Cut(strings.TrimRight(rest, ".!?… "), ","); fs[0].Title != "Add impact and a mitigation" && !keepsText(v, fs[0], first) {
		return fs // the first fix already replaced the alarm
	}
	restStart := sent.Start + m[4]
	inRest := alarm.Start >= restStart && alarm.End <= sent.End
	plainRest := strings.TrimSpace(emojiRunRE().ReplaceAllString(unshout(rest), " "))
	if strings.ToUpper(rest) == rest {
		plainRest = strings.ToLower(plainRest) // "DUMPSTER FIRE": shouted, no acronym
	}
	alarmAlone := func(c string) bool {
		c = strings.TrimRight(c, ".!?… ")
		return ventClause(c) || alarmClause(c) || doomedClause(c) || alarmOnly(parse(idiomAlarm(c)).Tokens)
	}
	restAlarm := true // "situation is critical, all is collapsing": each clause alarm alone
	for _, c := range clauses(plainRest) {
		restAlarm = restAlarm && alarmAlone(plainRest[c.start:c.end])
	}
	if hardFact(plainRest) || parse(label).HasFiniteVerb() && len(strings.Fields(label)) > 3 || !inRest && !restAlarm || notTopic[strings.ToLower(strings.TrimSpace(label))] {
		return fs
	}
	when := timePhraseRE().FindString(plainRest)
	if inRest {
		// Besides the alarm, the rest may hold only emphasis, a time or
		// "it's … out there": "this flu season is going to be an absolute
		// catastrophe" names what is at risk, and is not for this shape.
		left := strings.Replace(strings.ToLower(plainRest), strings.ToLower(v.doc.Text[alarm.Start:alarm.End]), "", 1)
		for _, w := range strings.Fields(timePhraseRE().ReplaceAllString(left, " ")) {
			if w = strings.Trim(w, ",.!?"); w != "" && !alarmFiller[w] && !headlineFiller[w] && !ventClause(left) && !restAlarm {
				return fs
			}
		}
	}
	if strings.ToUpper(label) == label && strings.ToLower(label) != label {
		label = unshoutLabel(label) // "T1 RAMP" → "T1 ramp", "US TOUR" → "US tour"
	}
	lead := ""
	if when != "" {
		lead = strings.ToLower(when) + ", " // "Hornsea: today, [what has gone wrong] puts…"
	}
	text := upperFirst(strings.TrimSpace(label)) + ": " + lead + "[what has gone wrong] puts [what] at risk by [when]. To contain it, I propose [mitigation]."
	f := rewriteFix("Replace the alarm with impact and a mitigation", sent, text)
	f.Preferred = true
	for i := range fs {
		fs[i].Preferred = false
	}
	return append([]lint.Fix{f}, fs...)
}

// alarmHeadlineRE: a topic, then a colon, a spaced dash or "=", then the
// alarm ("Print side: DUMPSTER FIRE", "new PMS rollout = dumpster fire").
var alarmHeadlineRE = lazyRE(`^(?:[-*+]\s+)?([^\n]{2,60})\s*(?::|=|\s—|\s–|\s-)\s+([^:=—–\n]+)$`)

// alarmAloneGoes takes out of each fix's result the writer's clauses
// that only raise alarm, as the clause model reads them (see ventClause),
// outside the alarm phrase the finding is about: "Nobody can save it
// anymore.", "…, really everything is going wrong since the morning" or
// "Send help." would contradict the mitigation the fix proposes. A
// question, a greeting and a sign-off stay. The fix becomes one edit over
// the block.
func alarmAloneGoes(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	var gone []string
	// A model's finding may span the paragraph: then every clause of alarm
	// is the block's, and one the fix kept goes too.
	spans := v.sentenceAt(alarm.Start) != v.sentenceAt(max(alarm.Start, alarm.End-1))
	for _, s := range v.b.Sentences {
		plain := plainSentence(v, s)
		if plain == "" || strings.HasSuffix(plain, "?") || signOff(plain) || greetingLine(plain) || hasPrefixFold(plain, "subject:") {
			continue
		}
		t := trimSentence(v, s)
		src := v.doc.Text[t.Start:t.End]
		for _, c := range clauses(src) {
			if !spans && t.Start+c.start < alarm.End && t.Start+c.end > alarm.Start {
				continue
			}
			if text := strings.TrimRight(src[c.start:c.end], ",;:.!?… "); text != "" && (ventClause(text) || alarmOnlyClause(text) || alarmClause(text) || doomedClause(text)) {
				gone = append(gone, text)
			}
		}
	}
	if len(gone) == 0 {
		return fs
	}
	for i, f := range fs {
		lo, hi := v.b.Span.Start, v.b.Span.End
		for _, e := range f.Edits {
			lo, hi = min(lo, e.Span.Start), max(hi, e.Span.End)
		}
		rel := make([]lint.Edit, len(f.Edits))
		for k, e := range f.Edits {
			rel[k] = lint.Edit{Span: document.Span{Start: e.Span.Start - lo, End: e.Span.End - lo}, NewText: e.NewText}
		}
		text, err := lint.ApplyEdits(v.doc.Text[lo:hi], rel)
		if err != nil {
			continue
		}
		changed := false
		for _, g := range gone {
			if t, ok := withoutPiece(text, g); ok {
				text, changed = t, true
			} else if t, ok := withoutPiece(text, upperFirst(g)); ok {
				text, changed = t, true // "send help 😭" that the fix began a sentence with
			}
		}
		if changed && strings.Contains(text, "[") && !danglingVerbRE().MatchString(text) {
			fs[i].Edits = []lint.Edit{{Span: document.Span{Start: lo, End: hi}, NewText: text}}
		}
	}
	return fs
}

// withoutPiece removes the one occurrence of piece from text and mends
// the punctuation and capitals around the gap; false where piece is not
// in text exactly once.
func withoutPiece(text, piece string) (string, bool) {
	if strings.Count(text, piece) != 1 {
		return text, false
	}
	k := strings.Index(text, piece)
	before, after := text[:k], text[k+len(piece):]
	after = strings.TrimLeft(after, ",;:!?… ")
	if strings.HasPrefix(after, ".") {
		after = strings.TrimLeft(after[1:], ".")
		if b := strings.TrimRight(before, ",;:—–- "); b != "" && !strings.ContainsAny(b[len(b)-1:], ".!?\n") {
			before = b + "."
		}
	}
	before = strings.TrimRight(before, " ")
	switch {
	case before == "" || strings.HasSuffix(before, "\n"):
		after = upperFirst(strings.TrimLeft(after, " .!?"))
	case strings.ContainsAny(before[len(before)-1:], ".!?"):
		after = upperFirst(after)
		if after != "" && !strings.HasPrefix(after, "\n") {
			before += " "
		}
	case strings.HasSuffix(before, ","):
		if after == "" || strings.HasPrefix(after, "\n") {
			before = strings.TrimSuffix(before, ",") + "."
		} else {
			before += " "
		}
	default:
		if after != "" && !strings.HasPrefix(after, "\n") {
			before += " "
		}
	}
	out := before + after
	for strings.Contains(out, "  ") {
		out = strings.ReplaceAll(out, "  ", " ")
	}
	return strings.TrimRight(strings.ReplaceAll(out, " \n", "\n"), " "), true
}

// noDanglingVerb drops a fix that would leave a sentence ending on its
// verb ("The northern distribution network is."), where another fix
// remains; the next becomes the preferred one.
func noDanglingVerb(v blockView, fs []lint.Fix) []lint.Fix {
	out := slices.DeleteFunc(slices.Clone(fs), func(f lint.Fix) bool {
		return slices.ContainsFunc(f.Edits, func(e lint.Edit) bool { return danglingVerbRE().MatchString(e.NewText) })
	})
	if len(out) == len(fs) {
		return fs
	}
	if len(out) == 0 {
		// Only the broken one: the impact goes after the writer's words,
		// as they are, instead.
		e := fs[0].Edits[len(fs[0].Edits)-1]
		si := v.sentenceAt(max(e.Span.Start, e.Span.End-1))
		if si < 0 {
			return fs
		}
		return []lint.Fix{{Title: "Add impact and a mitigation", Edits: []lint.Edit{appendAfter(v, v.b.Sentences[si], " "+crisis.repl.fallback)}, NeedsInput: true, Preferred: true}}
	}
	for i := range out {
		out[i].Preferred = i == 0
	}
	return out
}

// danglingVerbRE: a sentence that ends on a form of "be" or "have",
// perhaps with an aside after it ("The serialisation programme is, in
// short.", "The harvesting season has, by any measure.").
var danglingVerbRE = lazyRE(`\b(?:is|are|was|were|be|been|has|have|had)(?:, [^.!?,\[\]]{1,30})?[.!]`)

// questionsKept gives back its question mark to the writer's question
// that a rewrite moved after the mitigation and ended with a full stop
// ("… can we talk at 9 tomorrow?" → "… To contain it, I propose
// [mitigation]. Can we talk at 9 tomorrow?").
func questionsKept(v blockView, fs []lint.Fix) []lint.Fix {
	for i := range fs {
		for j, e := range fs[i].Edits {
			orig := strings.TrimSpace(v.doc.Text[e.Span.Start:e.Span.End])
			if !strings.HasSuffix(orig, "?") || !strings.HasSuffix(e.NewText, ".") {
				continue
			}
			k := strings.LastIndex(e.NewText[:len(e.NewText)-1], ". ")
			last := e.NewText[k+2 : len(e.NewText)-1]
			if k < 0 || !questionLeadRE().MatchString(last) || !strings.Contains(strings.ToLower(orig), strings.ToLower(last)) {
				continue
			}
			edits := slices.Clone(fs[i].Edits)
			edits[j].NewText = e.NewText[:len(e.NewText)-1] + "?"
			fs[i].Edits = edits
		}
	}
	return fs
}

// questionLeadRE: a sentence that opens as a question.
var questionLeadRE = lazyRE(`(?i)^(?:can|could|would|will|shall|should|do|does|did|is|are|may|any chance)\b`)

// unshoutLabel puts a shouted label in lower case but for its first
// letter and its short acronyms and codes ("US", "T1", "HR").
func unshoutLabel(label string) string {
	ws := strings.Fields(label)
	for i, w := range ws {
		if len(w) > 2 && strings.IndexFunc(w, unicode.IsDigit) < 0 {
			ws[i] = strings.ToLower(w)
		}
	}
	return upperFirst(strings.Join(ws, " "))
}
