package builtin

import (
	"slices"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// crisisReplaceClauses replaces the alarm of a flagged sentence where it
// is a clause that carries no fact (see alarmClause) by the impact
// sentence, and keeps every clause with a fact before it:
//
//	we are so cooked lmao → This puts [what] at risk by [when]. To contain it, I propose [mitigation].
//	year 8 are feral today, it's apocalyptic → year 8 are feral today. This puts [what] at risk by [when]. …
//
// Lead-ins that only add feeling ("sorry to be dramatic but", "honestly")
// go with the alarm. Only the sentence is edited, so a closing sentence
// after it ("Updates to follow.") stays last. A clause split off that has
// no finite verb would be a fragment: then there is no such rewrite.
func crisisReplaceClauses(v blockView, sent document.Span) (lint.Fix, bool) {
	span := trimSentence(v, sent)
	src := v.src(span)
	lead, body, _ := sentenceParts(src)
	if strings.TrimSpace(body) == "" {
		return lint.Fix{}, false
	}
	var kept []alarmPart
	replaced, stated, label := false, false, ""
	statedAt := -1              // the kept clause that states the impact
	doomAt, doomed := "", false // a doom clause went, and what it names as at risk (see doomClause)
	causeText := ""             // the alarm's subject as the cause ("the audit prep puts [what] at risk by [when]")
	parts := alarmClauses(body)
	keptAt := -1 // the part the last kept clause came from
	for i, c := range parts {
		if len(kept) > 0 && keptAt < i-1 && strings.ContainsAny(parts[i-1].next, ".!?") {
			// A clause that went ended a sentence: the kept clause before
			// it ends one too ("X is chaos, we are sinking. i send Y" → "X
			// puts … at risk. I send Y").
			kept[len(kept)-1].next = parts[i-1].next
		}
		c.text = stripLeadIns(c.text)
		if c.text == "" {
			continue
		}
		if i == 0 && (c.next == ": " || strings.TrimSpace(c.next) == "=") && len(parts) > 1 && (!parse(c.text).HasFiniteVerb() || whLabel(c.text)) && alarmClause(nextClause(parts[1:])) {
			label = c.text // "Everything else: utter shambles."
			continue
		}
		if subj, ok := timedAlarm(c.text); ok && i == len(parts)-1 && !stated && (i == 0 || strings.ContainsAny(parts[i-1].next, ".!?")) {
			// "This week has been a disaster." → "This week put [what] at
			// risk. To contain it, …": the time is the subject; so in a
			// sentence of its own after others ("release branch gets cut
			// at 5. this whole sprint is a dumpster fire").
			c.text, stated, replaced = subj, true, true
			statedAt, kept, keptAt = len(kept), append(kept, c), i
			continue
		}
		if _, _, timed := alarmPredicateOf(c.text); alarmClause(c.text) || timed {
			replaced = true
			continue
		}
		if at, ok := doomClause(c.text); ok && i > 0 {
			// "…, and I think we're finished for this season": the
			// writer's doom goes; what it names is what is at risk.
			doomed = true
			if at != "" && doomAt == "" {
				doomAt = at
			}
			continue
		}
		addr, rest := "", c.text
		if i == 0 {
			addr, rest = splitAddress(c.text) // "Ma'am its a total mess here at Rose Wing tonight"
		}
		if pp, ok := alarmHeadline(rest); ok && !stated && (i == 0 || !conjoined(parts[i-1].next)) {
			if len(kept) > 0 && keptAlarm(kept[len(kept)-1].text) {
				// "Client launch event is total disaster, everything is
				// falling apart here at the venue": the first alarm
				// would stay beside the impact.
				return lint.Fix{}, false
			}
			// Not after "and": "22 trailers booked in tonight and it's
			// carnage on the dock" leans on the clause before it.
			// "Absolute meltdown in the yard." → "In the yard, [what has
			// gone wrong] puts [what] at risk by [when].": where it is goes
			// first, not between "[what]" and "at risk".
			c.text, stated, replaced = upperFirst(pp)+", [what has gone wrong] puts [what] at risk by [when]", true, true
			if addr != "" {
				c.text = addr + ", " + pp + ", [what has gone wrong] puts [what] at risk by [when]"
			}
			statedAt, kept, keptAt = len(kept), append(kept, c), i
			continue
		}
		if idleWords(c.text) {
			continue // "…, really."
		}
		if i > 0 && echoClause("and "+c.text) {
			continue // "…, and everyone knows it": it only points back at the alarm
		}
		if i > 0 && conjoined(parts[i-1].next) && alarmClause(stripLeadIns(parts[i-1].text)) {
			// "this is a disaster and it's only tuesday": the clause leans
			// on the alarm; the sentence stays whole.
			return lint.Fix{}, false
		}
		if i == 0 && c.next == ": " && !parse(c.text).HasFiniteVerb() {
			label = c.text // "Tower B cladding package: omg total chaos."
			continue
		}
		if feelingClause(c.text) || isAsk(c.text) || bareHandover(strings.ToLower(c.text)) || contradictsText(c.text) {
			continue // "…, I am sure.", "ideas?", "where do I even start?", "no clue how we recover"
		}
		addr = ""
		if i == 0 {
			addr, c.text = splitAddress(c.text) // "Bhai SOC is in total meltdown today"
		}
		if subj, ok := alarmPredicate(c.text); ok && !stated {
			// "the whole release is a mess": its subject carries the impact.
			puts := " puts"
			if ps := parse(subj); len(ps.Tokens) > 0 && (ps.Tokens[len(ps.Tokens)-1].Tag == "NNS" || ps.Tokens[len(ps.Tokens)-1].Tag == "NNPS") {
				puts = " put" // "the conference logistics put…"
			}
			orig := c.text
			c.text, stated, replaced = subj+puts+" [what] at risk by [when]", true, true
			causeText = c.text
			if ps := parse(subj); len(ps.Tokens) > 0 {
				if shape, ok := blamelessSubject(ps, grammar.Chunk{Start: 0, End: len(ps.Tokens)}, subj, strings.TrimSpace(strings.TrimPrefix(orig, subj)), "", label != "" || strings.Contains(lead, ":") || i > 0 && strings.Contains(parts[i-1].next, ":")); ok {
					c.text = shape // a place or an event is not the cause
				} else {
					// "the timetable is a dumpster fire this term" → "This
					// term, the timetable puts…"
					c.text = timeFirst(strings.TrimPrefix(orig, subj), c.text, ps.Tokens[0].Tag != "NNP" && ps.Tokens[0].Tag != "NNPS")
				}
			}
			statedAt = len(kept)
		}
		if addr != "" {
			c.text = addr + ", " + strings.Replace(c.text, "[What", "[what", 1)
		}
		kept, keptAt = append(kept, c), i
	}
	if !replaced {
		return lint.Fix{}, false
	}

	if doomed && doomAt != "" {
		// Only into the impact that replaced the alarm: "This puts the
		// inspection at risk" after a kept alarm would point at it.
		if statedAt >= 0 && strings.Count(kept[statedAt].text, "[what] at risk") == 0 && causeText != "" {
			kept[statedAt].text = causeText // what the doom names is at risk, the subject its cause
		}
		if statedAt < 0 || strings.Count(kept[statedAt].text, "[what] at risk") != 1 {
			return lint.Fix{}, false
		}
		kept[statedAt].text = strings.Replace(kept[statedAt].text, "[what] at risk", doomAt+" at risk", 1)
	}
	impact := "This puts [what] at risk by [when]. To contain it, I propose [mitigation]."
	if stated {
		impact = "To contain it, I propose [mitigation]."
	} else if np, ok := scheduledSubject(v, sent); ok && len(kept) == 0 && lead == "" && label == "" {
		// "The board pack is due on 12 May. Complete chaos." → "The board
		// pack is due on 12 May. [What has gone wrong] puts the board pack
		// at risk. …": what is due is what is at risk, and what puts it
		// there is for the writer to say ("This puts the board pack at
		// risk" would point at the date).
		impact = atRiskBy(np)
	} else if len(kept) == 1 && label == "" {
		// The same within one sentence: "the stock take is tomorrow.
		// total chaos."
		if np, ok := scheduledSubjectOf(kept[0].text); ok {
			impact = atRiskBy(np)
		}
	}
	// From the span's last sentence: a run of alarms (see alarmRun) spans
	// more than one.
	if end := unitEnd(v, document.Span{Start: span.End - 1, End: span.End}); len(kept) == 0 && lead == "" && label == "" && end.Start >= span.End {
		// The facts come after the alarm: the impact follows them.
		del := span
		for del.End < len(v.doc.Text) && v.doc.Text[del.End] == ' ' {
			del.End++
		}
		return lint.Fix{
			Title:      "Replace the alarm with impact and a mitigation",
			Edits:      []lint.Edit{{Span: del}, appendAfter(v, end, " "+impact)},
			NeedsInput: true,
			Preferred:  true,
		}, true
	}
	var out strings.Builder
	out.WriteString(lead)
	if label != "" || len(kept) == 0 && strings.HasSuffix(strings.TrimSpace(lead), ":") {
		if label != "" {
			out.WriteString(label + ": ")
		}
		if len(kept) == 0 {
			// "Overall: This puts…" would point at nothing.
			out.WriteString("[what] is at risk by [when]. To contain it, I propose [mitigation].")
			return rewriteFix("Replace the alarm with impact and a mitigation", span, out.String()), true
		}
	}
	if len(kept) == 1 && label == "" && subjectLike(kept[0].text) {
		// "migrating 3 monoliths this quarter lmao we're cooked": what the
		// alarm is about is the subject of the impact.
		return rewriteFix("Replace the alarm with impact and a mitigation", span,
			lead+upperFirst(kept[0].text)+" puts [what] at risk by [when]. To contain it, I propose [mitigation]."), true
	}
	if len(kept) > 0 {
		var k strings.Builder
		for i, c := range kept {
			t := c.text
			if i > 0 && strings.ContainsAny(strings.TrimSpace(kept[i-1].join()), ".!?") {
				t = upperFirst(t) // a sentence of its own
			} else if i > 0 {
				t = strings.Replace(t, "[What", "[what", 1) // "Julien, [what has gone wrong] puts…"
			}
			k.WriteString(t)
			if i+1 < len(kept) && i == statedAt && kept[i].join() == ", " && onTheWay(kept[i+1].text) {
				kept[i].next = ". " // "…, I am going there now" after the impact: a sentence of its own
			}
			if i+1 < len(kept) {
				j := kept[i].join()
				if i == statedAt && strings.ContainsAny(strings.TrimSpace(j), ".!?") {
					// The mitigation goes right after the impact, before
					// a sentence of other news ("… puts [what] at risk by
					// [when]. To contain it, I propose [mitigation]. Call
					// with Anneli at 3…").
					j = strings.TrimSpace(j) + " " + strings.TrimSuffix(impact, ".") + strings.TrimSpace(j) + " "
					impact = ""
				}
				k.WriteString(j)
			}
		}
		if !parse(k.String()).HasFiniteVerb() && !conjoined(kept[len(kept)-1].next) {
			// A fragment, unless "and we…" joined it as a clause the
			// tagger misread ("year end audit kicks off monday and we…").
			return lint.Fix{}, false
		}
		out.WriteString(upperFirst(k.String()))
		out.WriteString(". ")
	}
	out.WriteString(impact)
	text := strings.TrimSpace(out.String())
	if impact == "" {
		text = strings.TrimRight(text, ".") + "." // the mitigation went in after the impact
	}
	if len(kept) > 0 && label == "" {
		text = lead + upperFirst(strings.TrimPrefix(text, lead))
	}
	return rewriteFix("Replace the alarm with impact and a mitigation", span, text), true
}

// subjectLike reports whether clause c can be the subject of "puts [what]
// at risk": no finite verb, a fact, and a gerund first ("migrating 3
// monoliths this quarter") or a whole noun phrase with a determiner or a
// possessive ("the Q3 close").
func subjectLike(c string) bool {
	s := parse(c)
	if len(s.Tokens) < 2 || s.HasFiniteVerb() || !hasFact(c) {
		return false
	}
	if s.Tokens[0].Tag != "VBG" {
		// A noun phrase, whole: not "year end audit kicks off monday",
		// which the tagger may read as nouns.
		if np, ok := s.NounPhraseAt(0); !ok || np.Start != 0 || np.End != len(s.Tokens) || s.Tokens[0].Tag != "DT" && s.Tokens[0].Tag != "PRP$" {
			return false
		}
	}
	for _, t := range s.Tokens {
		if t.Tag == "RP" || t.Tag == "VBZ" || t.Tag == "VBD" {
			return false
		}
		if t.Tag == "IN" && t.Lower != "of" && t.Lower != "for" && t.Lower != "on" && t.Lower != "in" {
			return false // "between us", "because of…"
		}
	}
	return true
}

// idiomAlarm returns clause c with each alarm idiom of the [fix] list
// "idioms" in it put as the one alarm word "chaos" ("the whole surgery is
// on its knees" → "the whole surgery is chaos"), so that the clause reads
// as alarm alone or as an alarm predicate. What comes before an idiom
// keeps its offsets.
func idiomAlarm(c string) string {
	low := strings.ToLower(strings.ReplaceAll(c, "’", "'"))
	if len(low) != len(c) {
		return c // offsets would shift
	}
	for _, p := range crisis.fix.idioms {
		for i := indexWord(low, p, 0); i >= 0; i = indexWord(low, p, 0) {
			low = low[:i] + "chaos" + low[i+len(p):]
			c = c[:i] + "chaos" + c[i+len(p):]
		}
	}
	return c
}

// alarmPredicate returns the subject of clause c where the rest of it is
// a copula and an alarm ("the whole release is a mess" → "the whole
// release"): a noun phrase with a noun, then only intensifiers and alarm
// words.
func alarmPredicate(c string) (string, bool) {
	subj, ok, _ := alarmPredicateOf(c)
	return subj, ok
}

// alarmPredicateOf is alarmPredicate, and also reports a predicate whose
// subject is a stretch of time ("this whole sprint is a dumpster fire"):
// that clause is alarm alone, since the time cannot carry the impact.
func alarmPredicateOf(c string) (string, bool, bool) {
	c = idiomAlarm(c)
	s := parse(c)
	for k, t := range s.Tokens {
		if !copulas[t.Lower] {
			continue
		}
		if k == 0 || !hasFact(c[:s.Tokens[k-1].End]) && !(k == 1 && acronym(s.Tokens[0].Text)) {
			return "", false, false
		}
		if np, ok := s.NounPhraseAt(0); !alarmOnly(s.Tokens[k+1:]) || !ok || np.Start != 0 || np.End != k {
			return "", false, false
		}
		if timeNoun(s.Tokens[k-1].Lower) && !slices.ContainsFunc(s.Tokens[:k-1], func(t grammar.Token) bool {
			return grammar.IsNoun(t.Tag) && !timeNoun(t.Lower)
		}) {
			// Not "this morning puts [what] at risk"; but a time after
			// the head noun only says when: "the whole surgical list
			// today".
			return "", false, true
		}
		return strings.TrimSpace(c[:s.Tokens[k-1].End]), true, false
	}
	return "", false, false
}

// acronym reports whether w is a name in capitals ("SOC", "HR").
func acronym(w string) bool {
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLetter) >= 0 && strings.IndexFunc(w, unicode.IsDigit) < 0
}

// alarmOnly reports whether toks hold an alarm word and nothing but alarm
// words, intensifiers and when ("a total disaster today", "sooo bad",
// "heading for catastrophe this winter").
func alarmOnly(toks []grammar.Token) bool {
	alarm := false
	for i, u := range toks {
		switch {
		case crisis.fix.alarmWords[u.Lower]:
			alarm = true
		case alarm && (u.Lower == "this" || u.Lower == "all") && i+1 < len(toks) && timeNoun(toks[i+1].Lower):
		case alarm && i > 0 && timeNoun(u.Lower) && (toks[i-1].Lower == "this" || toks[i-1].Lower == "all"):
		case intensifiers[u.Lower] || stretched(u.Lower) || dayWord(u.Lower) || u.Lower == "tbh" || u.Lower == "ngl":
		default:
			return false
		}
	}
	return alarm
}

// timedAlarm returns the impact clause for clause c where c is a stretch
// of time and a copula before alarm words only ("this week has been a
// disaster" → "This week has put [what] at risk"; "the sprint was a
// mess" → "The sprint put…"; "today is chaos" → "Today is putting…").
func timedAlarm(c string) (string, bool) {
	c = idiomAlarm(c)
	s := parse(strings.TrimRight(c, ".!?… "))
	for k, t := range s.Tokens {
		if !copulas[t.Lower] {
			continue
		}
		j := k
		if j > 0 && (s.Tokens[j-1].Lower == "has" || s.Tokens[j-1].Lower == "had" || s.Tokens[j-1].Lower == "have") {
			j--
		}
		if j == 0 || j > 4 || !timeNoun(s.Tokens[j-1].Lower) && !dayWord(s.Tokens[j-1].Lower) {
			return "", false
		}
		for _, u := range s.Tokens[:j-1] {
			switch u.Lower {
			case "this", "last", "the", "past", "whole", "entire", "today's", "my", "our":
			default:
				return "", false
			}
		}
		if !alarmOnly(s.Tokens[k+1:]) {
			return "", false
		}
		subj := upperFirst(strings.TrimSpace(c[:s.Tokens[j-1].End]))
		switch t.Lower {
		case "been":
			if j == k {
				return "", false // "this week been a mess"
			}
			return subj + " " + s.Tokens[j].Lower + " put [what] at risk", true // "has put"
		case "was", "were":
			return subj + " put [what] at risk", true
		case "is", "'s":
			return subj + " is putting [what] at risk", true
		}
		return "", false
	}
	return "", false
}

// dayWord reports whether w names a single day seen from today.
func dayWord(w string) bool { return w == "today" || w == "yesterday" || w == "tonight" }

// timeNoun reports whether w names a stretch of time, which cannot carry
// "puts [what] at risk".
func timeNoun(w string) bool {
	switch w {
	case "morning", "afternoon", "evening", "night", "day", "week", "weekend", "fortnight", "month", "quarter", "year", "shift", "term", "sprint", "season",
		"winter", "summer", "spring", "autumn":
		return true
	}
	return timeWords[w]
}

// contradictsText reports whether clause c only says there is no way
// forward (the "doom" and "helpless" [fix] lists, with no fact left).
func contradictsText(c string) bool {
	low := strings.ToLower(strings.ReplaceAll(c, "’", "'"))
	rest, found := low, false
	for _, l := range [][]string{crisis.fix.doom, openQuestion.fix.helpless, openQuestion.fix.helplessStates} {
		for _, p := range l {
			if i := indexWord(rest, p, 0); i >= 0 {
				rest, found = rest[:i]+rest[i+len(p):], true
			}
		}
	}
	return found && !hasFact(rest)
}

// alarmHeadline returns the place of a headline alarm, where clause c is
// only intensifiers and alarm words, then one prepositional phrase of
// place ("Absolute meltdown in the yard" → "in the yard").
//
// So also where the clause only says it is the alarm ("its a total mess
// here at Rose Wing tonight"), and where a time ends it in place of the
// phrase ("total chaos this week" → "this week").
func alarmHeadline(c string) (string, bool) {
	c = idiomAlarm(c)
	if m := itIsRE().FindStringIndex(c); m != nil {
		c = c[m[1]:]
	}
	s := parse(c)
	alarm := false
	for k, t := range s.Tokens {
		if alarm && k > 0 {
			if when := strings.TrimSpace(c[t.Start:]); timePhraseRE().FindString(when) == when {
				return when, true
			}
		}
		switch {
		case t.Tag == "IN" && alarm && k > 0 && (t.Lower == "in" || t.Lower == "on" || t.Lower == "at" || t.Lower == "across"):
			pp := strings.TrimSpace(c[t.Start:])
			np, ok := s.NounPhraseAt(k + 1)
			if !ok || np.End != len(s.Tokens) || parse(pp).HasFiniteVerb() {
				return "", false
			}
			for _, u := range s.Tokens[np.Start:np.End] {
				if grammar.IsNoun(u.Tag) && crisis.fix.alarmWords[u.Lower] {
					return "", false // the phrase is the alarm itself: "on fire today", "in meltdown mode"
				}
			}
			return pp, true
		case t.Tag == "IN":
			return "", false
		case t.Tag == "PRP" || grammar.IsFinite(t.Tag) && !crisis.fix.alarmWords[t.Lower] || t.Lower == "no" || t.Lower == "not" || t.Lower == "never":
			// A clause of someone's ("we are in freefall") or a negation
			// ("no end in sight"), not a headline, though its words come
			// from the alarm phrases ("we are toast", "the end of the
			// world").
			return "", false
		case crisis.fix.alarmWords[t.Lower]:
			alarm = alarm || grammar.IsNoun(t.Tag) || grammar.IsAdj(t.Tag) || t.Tag == "VBG" || t.Tag == "VBN"
		case intensifiers[t.Lower]:
		default:
			return "", false
		}
	}
	return "", false
}

// whLabel reports whether c is a topic label that opens with a question
// word ("Where we are on ep 5", "How the launch looks"): a label though it
// has a finite verb.
func whLabel(c string) bool {
	w, _, _ := strings.Cut(strings.ToLower(c), " ")
	switch w {
	case "where", "what", "how", "why", "who", "when":
		return !strings.HasSuffix(strings.TrimSpace(c), "?")
	}
	return false
}

// nextClause returns the first of parts that is more than lead-ins
// ("honestly, we're on the Titanic" → "we're on the Titanic"), without
// them.
func nextClause(parts []alarmPart) string {
	for _, p := range parts {
		if t := stripLeadIns(p.text); t != "" {
			return t
		}
	}
	return ""
}

// itIsRE: what opens a clause that only says it is the alarm ("it's",
// "its", "this is", "it's going to be").
var itIsRE = lazyRE(`^(?i)(?:it'?s|it’s|it is|this is|that'?s|that is|it was|this was)(?:\s+(?:going to|gonna) be)?\s+`)

// idleWords reports whether clause c is only adverbs and interjections:
// "really", "honestly though".
func idleWords(c string) bool {
	toks := parse(c).Tokens
	if len(toks) == 0 || len(toks) > 3 {
		return false
	}
	for _, t := range toks {
		if t.Tag != "RB" && t.Tag != "UH" {
			return false
		}
	}
	return true
}

// conjoined reports whether joint j is a conjunction before a subject.
func conjoined(j string) bool {
	w := strings.ToLower(strings.TrimSpace(j))
	return w == "and" || w == "but" || w == "so" || strings.HasPrefix(w, "and ") || strings.HasPrefix(w, "but ") || strings.HasPrefix(w, "so ")
}

// An alarmPart is a clause of a sentence body and the separator after it.
type alarmPart struct{ text, next string }

// join returns what joins the clause to a kept clause after it: its own
// separator where that is a mark, a comma where it was a word ("and").
func (c alarmPart) join() string {
	switch strings.TrimSpace(c.next) {
	case ".", "!", "?", ";", ":":
		return strings.TrimSpace(c.next) + " "
	case "—", "–":
		return " " + strings.TrimSpace(c.next) + " "
	}
	if conjoined(c.next) {
		return " " + strings.Fields(c.next)[0] + " " // "…at risk by [when] and everyone…"
	}
	return ", "
}

// clauseJointRE matches where a sentence body splits into clauses: a mark
// (a comma, semicolon, dash, colon, or a full stop that the sentence
// splitter passed over: "launch is thursday. this is apocalyptic"; an
// equals sign of notes, read as a colon: "Remediation project = sinking
// ship"); "and"
// or "but" before a pronoun subject ("…kicks off monday and we are
// screwed"); a chat interjection ("… lmao we're cooked").
var clauseJointRE = lazyRE(`(?i)\s*[,;]\s+|\s+[—–-]\s+|[—–]|:\s+|\s+=\s+|[.!?]+\s+|\s+(?:and|but|so)\s+(?:honestly\s+|frankly\s+)?((?:we|i|it|it's|its|this|that|everything|things|they|everyone|everybody|nobody|no one)\b)|\s+(?:lmao|lol|omg|smh|ugh)\s+`)

// alarmClauses splits a sentence body into clauses (see clauseJointRE).
func alarmClauses(body string) []alarmPart {
	var out []alarmPart
	at := 0
	for _, m := range clauseJointRE().FindAllStringSubmatchIndex(body, -1) {
		if m[2] >= 0 {
			m[1] = m[2] // the subject after "and" opens the next clause
		}
		if m[0] == 0 {
			at = m[1]
			continue
		}
		if p := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(body[at:m[0]]), ".!?…")); p != "" {
			out = append(out, alarmPart{p, body[m[0]:m[1]]})
		}
		at = m[1]
	}
	if p := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(body[at:]), ".!?…")); p != "" {
		out = append(out, alarmPart{p, ""})
	}
	return out
}

// feelingClause reports whether a clause only says how sure or afraid the
// writer is: "I am sure", "I fear", "I'm afraid", "I can feel it".
func feelingClause(c string) bool {
	toks := parse(c).Tokens
	if len(toks) == 0 || len(toks) > 4 || toks[0].Lower != "i" {
		return false
	}
	for _, t := range toks[1:] {
		if grammar.IsNoun(t.Tag) || t.Tag == "CD" {
			return false
		}
		switch t.Lower {
		case "sure", "afraid", "fear", "think", "reckon", "suspect", "bet", "guess", "feel", "know", "sense", "tell":
			return true
		}
	}
	return false
}

// stripLeadIns drops the feeling-only lead-ins of the [fix] list
// "lead_ins" from the start of a clause.
func stripLeadIns(c string) string {
	for again := true; again; {
		again = false
		lc := strings.ToLower(c)
		for _, l := range crisis.fix.leadIns {
			if strings.HasPrefix(lc, l) && (len(lc) == len(l) || !isWordByte(lc[len(l)])) {
				c = strings.TrimSpace(c[len(l):])
				again = true
				break
			}
		}
	}
	return c
}

// alarmClause reports whether a clause is alarm alone: it holds a word of
// an alarm, and no number, name or noun beyond the alarm words.
//
// A noun in the subject, before the clause's verb, is a fact unless it is
// itself an alarm word, even capitalised at the start ("Month end is a
// disaster": "end" is an alarm word only in "the end of the world").
func alarmClause(c string) bool {
	if onTheWay(c) {
		return false
	}
	c = idiomAlarm(c)
	if doomClauseRE().MatchString(strings.TrimSpace(c)) {
		return true
	}
	s := parse(c)
	alarm := false
	verb := slices.IndexFunc(s.Tokens, func(t grammar.Token) bool { return grammar.IsFinite(t.Tag) || copulas[t.Lower] })
	for i, t := range s.Tokens {
		if t.Tag == "CD" || strings.IndexFunc(t.Text, unicode.IsDigit) >= 0 || timeWords[t.Lower] || ragStatus(t.Text) {
			return false
		}
		if i < verb && grammar.IsNoun(t.Tag) && !crisis.fix.alarmWords[t.Lower] && t.Lower != "i" {
			return false
		}
		if i < verb && crisis.fix.alarmWords[t.Lower] && grammar.IsNoun(t.Tag) && i > 0 {
			// A head with a word of its own before it: "Month end", "the
			// project end"; not "the wheels", "total chaos", "all hell".
			if p := s.Tokens[i-1]; p.Tag != "DT" && p.Tag != "PRP$" && p.Lower != "whole" && p.Lower != "entire" && !intensifiers[p.Lower] && !crisis.fix.alarmWords[p.Lower] {
				return false
			}
		}
		if crisis.fix.alarmWords[t.Lower] {
			alarm = true
			continue
		}
		if stretched(t.Lower) {
			continue // "sooo", "reallyyy": an intensifier
		}
		// "broken on staging": what follows a preposition is a fact.
		if i > 0 && s.Tokens[i-1].Tag == "IN" && t.Tag != "DT" && t.Tag != "PRP" && t.Tag != "PRP$" && unicode.IsLetter([]rune(t.Text)[0]) {
			return false
		}
		if t.Tag == "NNP" || t.Tag == "NNPS" {
			if i > 0 || t.Lower == "i" {
				return false
			}
		}
		if grammar.IsNoun(t.Tag) && t.Lower != "i" {
			return false
		}
		if t.Text != "" && unicode.IsUpper([]rune(t.Text)[0]) && i > 0 && t.Text != "I" {
			return false
		}
	}
	return alarm
}

// keptAlarm reports whether clause c is a subject, a copula and alarm
// words alone ("Client launch event is total disaster"), which no rewrite
// may keep.
func keptAlarm(c string) bool {
	if onTheWay(c) {
		return false
	}
	toks := parse(idiomAlarm(c)).Tokens
	for k, t := range toks {
		if copulas[t.Lower] {
			return k > 0 && alarmOnly(toks[k+1:]) && slices.ContainsFunc(toks[k+1:], func(u grammar.Token) bool {
				return crisis.fix.alarmWords[u.Lower] && (grammar.IsNoun(u.Tag) || grammar.IsAdj(u.Tag))
			})
		}
	}
	return false
}

// ragStatus reports whether w is a status colour in capitals ("RED",
// "AMBER"): the status a report gives, a fact, not alarm.
func ragStatus(w string) bool {
	switch w {
	case "RED", "AMBER", "GREEN", "YELLOW":
		return true
	}
	return false
}

// onTheWay reports whether clause c says the writer is on the way to the
// trouble ("I am heading there now", "I am going down now to see", "I'll
// go over at 3"): news to keep, though its words ("heading", "going down",
// "now") come from the alarm phrases.
func onTheWay(c string) bool {
	toks := parse(c).Tokens
	if len(toks) < 3 || toks[0].Lower != "i" && toks[0].Lower != "im" {
		return false
	}
	moving := false
	for i, t := range toks[1:] {
		if t.Lower == "not" || t.Lower == "n't" || t.Lower == "never" {
			return false
		}
		if t.Lower == "to" && i > 0 && toks[i].Lower == "going" {
			return false // "I'm going to lose it": the future, not a way
		}
		switch t.Lower {
		case "heading", "going", "coming", "driving", "walking", "popping", "running", "go", "head", "come", "drive", "walk", "pop", "off", "on":
			moving = moving || i < 4
		case "there", "here", "over", "now", "straight", "back", "in":
			if moving {
				return true
			}
		case "to":
			if moving && i+2 < len(toks) && toks[i+2].Tag == "VB" {
				return true // "going down to see"
			}
		}
	}
	return false
}

// doomClauseRE: a clause of the writer's doom or dismay that names
// nothing ("we're done for", "we are lost", "I'm finished", "it's bad",
// "things are grim"): alarm alone, though its words are no alarm phrase.
var doomClauseRE = lazyRE(`^(?i)(?:(?:we|i)(?:'re|'m|’re|’m| are| am)|(?:it|this|things|that)(?:'s|’s| is| are))(?:\s+(?:so|totally|completely|absolutely|well and truly|officially|basically|really|very|just|properly|pretty))*\s+(?:done for|lost|finished|doomed|toast|sunk|screwed|cooked|dead|goners|bad|awful|terrible|horrible|grim|dire|hopeless)[\s.!…]*$`)

// spentClause reports whether clause c adds nothing once an alarm beside
// it is replaced: a lead-in alone ("I am telling you", "mark my words"),
// idle words, a feeling ("I am sure"), another alarm ("we're done for",
// "by God it's bad") or an echo ("and everyone knows it").
func spentClause(c string) bool {
	t := stripLeadIns(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(c), ".!?…")))
	return t == "" || idleWords(t) || feelingClause(t) || alarmClause(t) || echoClause("and "+t)
}

// spentTail reports whether rest, the words after a replaced alarm in its
// sentence, is one or more clauses each spent (see spentClause): ", we're
// done for.", ", I am telling you."
func spentTail(rest string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ".!?…"))
	c, ok := strings.CutPrefix(t, ",")
	if !ok {
		c, ok = strings.CutPrefix(t, ";")
	}
	if !ok || strings.TrimSpace(c) == "" || strings.ContainsAny(c, ".!?") {
		return false
	}
	for _, p := range alarmClauses(strings.TrimSpace(c)) {
		if !spentClause(p.text) {
			return false
		}
	}
	return true
}

// splitAddress splits a word of address off clause c where it opens a
// chat line with no comma ("Bhai SOC is in total meltdown", "Boss the
// warehouse is…"): the [fix] list "addresses", before a subject (not a
// verb: "team is a mess" is no address).
func splitAddress(c string) (addr, rest string) {
	w, r, ok := strings.Cut(strings.TrimSpace(c), " ")
	if !ok || !crisis.fix.addresses[strings.ToLower(strings.ReplaceAll(w, "’", "'"))] {
		return "", c
	}
	s := parse(r)
	if len(s.Tokens) < 2 || grammar.IsVerb(s.Tokens[0].Tag) || s.Tokens[0].Tag == "MD" || copulas[s.Tokens[0].Lower] || s.Tokens[0].Tag == "PRP" {
		return "", c
	}
	return w, strings.TrimSpace(r)
}

// stretched reports whether a word repeats a letter three times in a
// row, as chat stretches an intensifier ("sooo").
func stretched(w string) bool {
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] && unicode.IsLetter(rune(w[i])) {
			return true
		}
	}
	return false
}

// timeWords are the days, months and relative days a writer may leave in
// lower case ("and it's only tuesday"): facts, whatever their tag.
var timeWords = func() map[string]bool {
	m := map[string]bool{"today": true, "tonight": true, "tomorrow": true, "yesterday": true, "weekend": true}
	for _, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
		"january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		m[w] = true
	}
	return m
}()

// atRiskBy is the impact on np, due at a date, with what puts it at risk
// left for the writer.
func atRiskBy(np string) string {
	return "[What has gone wrong] puts " + np + " at risk. To contain it, I propose [mitigation]."
}

// scheduledSubject returns the subject of the sentence before sent in its
// block where that sentence only says when something is due ("Launch is
// thursday.", "Jo – Black Friday is nine days out."): a noun phrase, "is"
// or "are", then a day, a date or a number. A bare common noun takes
// "the" ("the launch"); a name stays as written.
func scheduledSubject(v blockView, sent document.Span) (string, bool) {
	si := v.sentenceAt(sent.Start)
	if si < 1 {
		return "", false
	}
	return scheduledSubjectOf(v.src(trimSentence(v, v.b.Sentences[si-1])))
}

// scheduledSubjectOf is scheduledSubject of the sentence or clause t.
func scheduledSubjectOf(t string) (string, bool) {
	t = strings.TrimRight(t, ".! ")
	for _, sep := range []string{" – ", " — ", " - ", ", "} {
		if i := strings.Index(t, sep); i >= 0 && len(strings.Fields(t[:i])) <= 2 {
			t = t[i+len(sep):] // a greeting: "Jo – …", "Hi Sam, …"
			break
		}
	}
	s := parse(t)
	toks := s.Tokens
	k := slices.IndexFunc(toks, func(u grammar.Token) bool { return u.Lower == "is" || u.Lower == "are" || u.Lower == "'s" })
	if k < 1 || k+1 >= len(toks) {
		return "", false
	}
	np, ok := s.NounPhraseAt(0)
	if !ok || np.Start != 0 || np.End != k || !grammar.IsNoun(toks[k-1].Tag) || timeNoun(toks[k-1].Lower) {
		return "", false
	}
	dated := false
	for _, u := range toks[k+1:] {
		if (grammar.IsNoun(u.Tag) || u.Tag == "JJ") && crisis.fix.alarmWords[u.Lower] {
			return "", false // "the floor is a war zone today": the alarm, not a date
		}
		switch {
		case u.Tag == "CD" || timeWords[u.Lower]:
			dated = true
		case u.Tag == "RP" || u.Lower == "upside" || u.Lower == "down" || u.Lower == "apart":
			return "", false // "the hub is upside down tonight": a state, not a date
		case u.Tag == "NN" || u.Tag == "NNS" || u.Tag == "NNP" || u.Tag == "IN" || u.Tag == "DT" || u.Tag == "RB" || u.Tag == "JJ" || u.Tag == "RP":
		default:
			return "", false // another verb: more than a date
		}
	}
	if !dated {
		return "", false
	}
	subj := t[toks[0].Start:toks[k-1].End]
	switch {
	case toks[0].Tag == "NNP" || toks[0].Tag == "NNPS":
		if k == 1 {
			return "", false // "Launch is thursday.": a name, or a capital that only starts the sentence
		}
		return subj, true
	case toks[0].Tag == "DT" || toks[0].Tag == "PRP$":
		return lowerFirst(subj), true
	case grammar.IsNoun(toks[0].Tag):
		return "the " + lowerFirst(subj), true
	}
	return "", false
}

// alarmRun returns sent, trimmed, grown over the sentences next to it in
// its block that are alarm alone (see pureAlarm): "Hartwell Court:
// nightmare. Absolute meltdown." is one run, whichever of its alarms was
// found, so that a rewrite replaces both and leaves neither behind. The
// sentence before may carry a label ("Hartwell Court:"); one after may
// not. The run is sent alone unless sent is alarm alone itself or its
// alarm is a clause the rewrite replaces (see crisisReplaceClauses): "We
// are in freefall. No idea how we come back from this." is no run. last
// is the run's last sentence.
func alarmRun(v blockView, sent document.Span) (run, last document.Span) {
	run, last = trimSentence(v, sent), sent
	si := v.sentenceAt(sent.Start)
	if si < 0 {
		return run, last
	}
	ss := v.b.Sentences
	lo, hi := si, si
	for lo > 0 && pureAlarm(plainSentence(v, ss[lo-1]), true) && pureAlarm(plainSentence(v, ss[lo]), false) {
		lo--
	}
	for hi+1 < len(ss) && pureAlarm(plainSentence(v, ss[hi+1]), false) {
		hi++
	}
	if lo == si && hi == si {
		return run, last
	}
	if _, ok := crisisReplaceClauses(v, sent); !ok && !pureAlarm(plainSentence(v, sent), true) {
		return trimSentence(v, sent), sent
	}
	first := trimSentence(v, ss[lo])
	if s := v.src(first); strings.TrimSpace(stripListMarker(s)) != strings.TrimSpace(s) {
		// Keep a list marker out of the run ("- Hartwell Court: …").
		first.Start += strings.Index(s, strings.TrimSpace(stripListMarker(s)))
	}
	return document.Span{Start: first.Start, End: trimSentence(v, ss[hi]).End}, ss[hi]
}

// pureAlarm reports whether sentence t is alarm alone: each of its
// clauses, lead-ins and idle words aside, is an alarm clause (see
// alarmClause) — "Absolute meltdown.", "Nightmare!", "we're toast lol" —
// after a topic label only where label is set ("Hartwell Court:
// nightmare.").
func pureAlarm(t string, label bool) bool {
	lead, body, mark := sentenceParts(t)
	if lead != "" && !label || strings.Contains(mark, "?") {
		return false // a question is the writer's own turn (see writersOwnTurn)
	}
	parts := alarmClauses(body)
	alarm := false
	for i, c := range parts {
		c.text = stripLeadIns(c.text)
		switch {
		case c.text == "" || idleWords(c.text):
		case label && lead == "" && i == 0 && c.next == ": " && len(parts) > 1 && !parse(c.text).HasFiniteVerb():
		case alarmClause(c.text):
			alarm = true
		default:
			return false
		}
	}
	return alarm
}
