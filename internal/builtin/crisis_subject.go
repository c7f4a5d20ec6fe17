package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
)

// subjectAlarm rewrites a crisis sentence whose alarm is the predicate of
// a named subject, in whatever words ("the Kinsey account is imploding",
// "the holiday queue is going to be a massacre", "front of house is coming
// apart at the seams tonight"): the subject stays and the predicate, which
// names no number, date or name, becomes the impact ("The Kinsey account
// is putting [what] at risk by [when]."). It is false where the subject is
// no noun phrase with a noun, an alarm of hs is not in the predicate (with
// no hs, the model's finding, the sentence is taken as the alarm), or the
// predicate carries a fact.
func subjectAlarm(v blockView, span document.Span, hs []hit) (string, bool) {
	text, _, ok := subjectAlarmShape(v, span, hs)
	return text, ok
}

// subjectAlarmShape is subjectAlarm, and also reports whether the subject
// is a place or an event (see blamelessSubject), which the rewrite does
// not cast as the cause.
func subjectAlarmShape(v blockView, span document.Span, hs []hit) (string, bool, bool) {
	src := v.src(span)
	lead, body, _ := sentenceParts(src)
	body = strings.TrimRight(body, ".!?… ")
	core := stripLeadIns(body)
	if i := strings.Index(core, " but "); i >= 0 && len(strings.Fields(core[:i])) <= 10 && !hardFact(core[:i]) {
		core = stripLeadIns(core[i+len(" but "):]) // "sorry to dump this on you but …"
	}
	for _, p := range []string{"I think ", "i think ", "I feel ", "i feel "} {
		core = strings.TrimPrefix(core, p)
	}
	addr, core := splitAddress(core)
	if addr != "" {
		addr += ", " // "Bhai SOC is in meltdown" → "Bhai, SOC: …"
	}
	off := len(lead) + strings.Index(body, core) // where core starts in src
	s := parse(core)
	np, ok := s.NounPhraseAt(0)
	if !ok || np.Start != 0 || np.End >= len(s.Tokens) {
		return "", false, false
	}
	for np.End < len(s.Tokens) && s.Tokens[np.End].Tag == "CD" {
		np.End++ // "milestone 4", "Robot cell 7"
	}
	for np.End+1 < len(s.Tokens) && s.Tokens[np.End].Tag == "IN" {
		// "the vibe in the studio", "front of house": the subject takes its
		// prepositional phrase.
		pp, ok := s.NounPhraseAt(np.End + 1)
		if !ok {
			break
		}
		np.End = pp.End
	}
	for k := np.Start + 1; k+1 < np.End; k++ {
		if likeVerbs[s.Tokens[k].Lower] && s.Tokens[k+1].Lower == "like" {
			np.End = k // "the whole sales team feels like it's falling apart": the tagger reads "feels" as a noun
			break
		}
	}
	for np.End+1 < len(s.Tokens) && (s.Tokens[np.End].Tag == "VBP" || s.Tokens[np.End].Tag == "VB") &&
		(grammar.IsFinite(s.Tokens[np.End+1].Tag) || s.Tokens[np.End+1].Tag == "MD") {
		np.End++ // "the Leeds claims archive is": a verb before the verb is the noun the tagger missed
	}
	if np.End >= len(s.Tokens) {
		return "", false, false
	}
	noun := false
	for _, t := range s.Tokens[np.Start:np.End] {
		noun = noun || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "NNP" || t.Tag == "NNPS"
	}
	switch strings.ToLower(s.Of(np)) {
	case "it", "this", "that", "everything", "things", "all", "i":
		return "", false, false
	}
	verb := s.Tokens[np.End]
	if !strings.HasPrefix(verb.Tag, "VB") && verb.Tag != "MD" && !likeVerbs[verb.Lower] || !noun && !strings.EqualFold(s.Of(np), "we") {
		return "", false, false
	}
	pred := core[verb.Start:]
	end := len(pred)
	if i := strings.IndexAny(pred, ",;:—–(.!?"); i >= 0 {
		end = i
	}
	if i := strings.Index(pred, " and "); i >= 0 && i < end && !strings.HasSuffix(pred[:i], "ly") {
		end = i // not "completely and utterly"
	}
	after := ""
	if end < len(pred) && strings.ContainsRune(".!?", rune(pred[end])) {
		// "milestone 4 is a dumpster fire lol. anyway standup moved …":
		// what chat ran on with is news of its own, after the mitigation.
		after = " " + strings.TrimSpace(strings.TrimLeft(pred[end:], ".!? "))
		if !strings.ContainsAny(after[len(after)-1:], ".!?") {
			after += "."
		}
		after = " " + upperFirst(strings.TrimSpace(after))
	}
	clause, rest := pred[:end], strings.TrimSpace(strings.TrimLeft(pred[end:], ",;:—–( "))
	if after != "" {
		rest = ""
	}
	inPred := len(hs) == 0 // the model's finding: the sentence is the alarm
	for _, h := range hs {
		a, b := h.span.Start-span.Start-off, h.span.End-span.Start-off
		if a >= verb.Start && a < verb.Start+len(clause) {
			inPred = true
			// What follows the alarm in its clause is a fact to keep ("…
			// meltdown after the outage"), unless it only says when, which
			// the rewrite keeps (see blamelessSubject, timeFirst).
			if tail := strings.ToLower(strings.TrimSpace(core[min(b, verb.Start+len(clause)) : verb.Start+len(clause)])); tail != "" && !idleTail[tail] && !timeOnly(tail) {
				return "", false, false
			}
		}
	}
	if len(hs) == 0 && factAfterNoun(parse(clause)) {
		return "", false, false // "is an existential threat to the project"
	}
	if !inPred || hardFact(clause) || len(strings.Fields(clause)) > 10 {
		return "", false, false
	}
	lv := " " + strings.ToLower(clause) + " "
	puts := "puts"
	switch {
	case strings.Contains(lv, " will ") || strings.Contains(lv, " going to ") || strings.Contains(lv, " gonna "):
		puts = "will put"
	case strings.HasPrefix(lv, " was ") || strings.HasPrefix(lv, " were ") || strings.HasPrefix(lv, " has ") || strings.HasPrefix(lv, " have ") || strings.HasPrefix(lv, " had "):
		puts = "has put"
	case strings.HasPrefix(lv, " is ") && strings.Contains(lv, "ing ") || strings.HasSuffix(strings.TrimSpace(lv), "ing"):
		puts = "is putting"
	}
	subj := upperFirst(core[s.Tokens[np.Start].Start:s.Tokens[np.End-1].End])
	plural := false
	if r := parse(rest); rest != "" && !hardFact(rest) && len(r.Tokens) > 1 {
		// "The Figma file is a nightmare and the dev handoff is going to be
		// a train wreck": both subjects stay, the second alarm goes too.
		// Not a clause of facts after "we": "we are so doomed today, the
		// queue is out the door" is no "we and the queue".
		_, alarmed := alarmPredicate(rest)
		alarmed = alarmed || hasAlarmHit(v, span, hs, rest)
		switch strings.ToLower(r.Tokens[0].Lower) {
		case "everything", "everything's", "it", "it's", "this", "that", "things", "nothing", "all":
			alarmed = false // "Release is total catastrophe, everything is broken": no second subject
		}
		if np2, ok := r.NounPhraseAt(0); ok && alarmed && !strings.EqualFold(subj, "we") && np2.Start == 0 && np2.End < len(r.Tokens) && grammar.IsVerb(r.Tokens[np2.End].Tag) && grammar.IsNoun(r.Tokens[np2.End-1].Tag) {
			subj += " and " + lowerFirst(r.Of(np2))
			plural, rest = true, ""
		}
	}
	if t := s.Tokens[np.End-1].Tag; t == "NNS" || t == "NNPS" || plural {
		puts = map[string]string{"puts": "put", "is putting": "are putting", "has put": "have put", "will put": "will put"}[puts]
	}
	out := subj + " " + puts + " [what] at risk by [when]"
	blameless := false
	at, doom := doomClause(strings.TrimPrefix(rest, "and "))
	if doom && at == "" {
		rest = "" // "…, and we're past the point of saving it": the mitigation would contradict it
	}
	if doom && at != "" && !strings.EqualFold(subj, "we") {
		// "The install of the Maya room is a catastrophe, we are doomed
		// for the opening" names what is at risk.
		out, rest = subj+" "+puts+" "+at+" at risk by [when]", ""
	} else if shape, ok := blamelessSubject(s, np, subj, clause, rest, strings.Contains(lead, ":")); ok && !plural {
		out, blameless = shape, true
	} else {
		out = timeFirst(clause, out, !strings.HasPrefix(s.Tokens[0].Tag, "NNP") || s.Tokens[0].Lower == "i")
	}
	if strings.EqualFold(subj, "we") {
		out = timeFirst(clause, "We risk [what] by [when]", true)
	}
	first := ""
	if rest != "" && hardFact(rest) && !hasAlarmHit(v, span, hs, rest) && !spentTail(", "+rest) {
		out += ", " + rest
	} else if strings.EqualFold(subj, "we") && rest != "" && !doom && !strings.ContainsAny(rest, ",;:.!?") && !conjoined(strings.Fields(rest)[0]) && stripLeadIns(rest) == rest && parse(rest).HasFiniteVerb() && hasFact(rest) && !hasAlarmHit(v, span, hs, rest) && !spentTail(", "+rest) && !alarmClause(rest) {
		// "we are so doomed today lol, waiting room is wall to wall": the
		// fact goes first, as a sentence of its own.
		first = upperFirst(rest) + ". "
	}
	if addr != "" {
		out = lowerFirst(out) // "Boss, the warehouse tonight: …", "Bhai, [what has gone wrong] puts…"
		if strings.HasPrefix(s.Tokens[0].Tag, "NNP") && !strings.HasPrefix(out, "[") {
			out = upperFirst(out)
		}
	}
	if first != "" {
		if addr != "" {
			first = addr + ", " + lowerFirst(first)
			addr = ""
		}
		out = upperFirst(out)
	}
	return lead + addr + first + out + ". To contain it, I propose [mitigation]." + after, blameless, true
}

// likeVerbs open "feels like it's…", "seems like…": with the alarm after
// them they are replaced as a whole.
var likeVerbs = map[string]bool{"feels": true, "feel": true, "felt": true, "seems": true, "seem": true, "seemed": true,
	"looks": true, "look": true, "looked": true, "sounds": true}

// hasAlarmHit reports whether text, a part of span's source, holds one of
// the alarm hits hs.
func hasAlarmHit(v blockView, span document.Span, hs []hit, text string) bool {
	src := v.src(span)
	at := strings.Index(src, text)
	if at < 0 {
		return false
	}
	for _, h := range hs {
		if a := h.span.Start - span.Start; a >= at && a < at+len(text) {
			return true
		}
	}
	return false
}

// timeOnly reports whether tail, the words after an alarm, only says
// when ("this morning", "right now lol").
func timeOnly(tail string) bool {
	m := timePhraseRE().FindStringIndex(tail)
	if m == nil {
		return false
	}
	rest := strings.TrimSpace(tail[:m[0]] + " " + tail[m[1]:])
	return rest == "" || idleTail[rest]
}

// timeFirst puts the time that clause (an alarm's predicate) gives before
// impact, the rewrite of a subject that is no place or event: "checkout
// is on fire right now" → "Right now, checkout puts [what] at risk by
// [when]". lower is set where the subject that opens impact is no name.
func timeFirst(clause, impact string, lower bool) string {
	when := timePhraseRE().FindString(clause)
	if when == "" {
		return impact
	}
	if lower {
		impact = lowerFirst(impact)
	}
	return upperFirst(strings.ToLower(when)) + ", " + impact
}

// idleTail are the words after an alarm that add nothing to keep.
var idleTail = map[string]bool{"today": true, "tonight": true, "right now": true, "rn": true, "lol": true, "atm": true,
	"at the moment": true, "this week": true, "here": true, "over here": true, "out here": true, "now": true}

// factAfterNoun reports whether a predicate goes on after its first noun
// with a preposition: "an existential threat to the project" names what
// is threatened.
func factAfterNoun(s grammar.Sentence) bool {
	noun := false
	for _, t := range s.Tokens {
		if noun && t.Tag == "IN" {
			return true
		}
		noun = noun || grammar.IsNoun(t.Tag)
	}
	return false
}

// doomedFor returns what is at risk where clause c, beside an alarm, is
// the writer's doom over it: "we are doomed for the opening" → "the
// opening".
func doomedFor(c string) (string, bool) {
	m := doomedForRE().FindStringSubmatch(strings.TrimSpace(c))
	if m == nil || hardFact(m[1]) && strings.ContainsAny(m[1], ",;") {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// doomClause reports whether clause c, beside an alarm, is only the
// writer's doom, which a mitigation would contradict, with what it names
// as at risk where it names it: "I think we're finished for this season"
// → "this season"; "we're past the point of saving it", "it's hopeless".
// A feeling that leads it ("I think", "honestly") goes with it.
func doomClause(c string) (string, bool) {
	c = stripLeadIns(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(c), ".!?…")))
	for _, f := range []string{"i think ", "i fear ", "i reckon ", "i guess ", "i suspect ", "i'm afraid ", "i am afraid ", "i feel like "} {
		if len(c) > len(f) && strings.EqualFold(c[:len(f)], f) {
			c = stripLeadIns(c[len(f):])
			break
		}
	}
	if c == "" || strings.ContainsAny(c, ",;:.!?") {
		return "", false
	}
	if at, ok := doomedFor(c); ok {
		return at, true
	}
	return "", alarmClause(c) || contradictsText(c)
}

var doomedForRE = lazyRE(`^(?i:we|i)(?:'re|'m| are| am)\s+(?i:so\s+|totally\s+|completely\s+|absolutely\s+)?(?i:doomed|screwed|sunk|toast|cooked|finished|done)\s+(?i:for|on)\s+((?i:the|our|this|my)\s+[^,;.!?]{2,40}?)(?:\s+(?i:tbh|ngl|lol|lmao|honestly|frankly))?[\s\p{So}\p{Sk}]*$`)

// blamelessSubject rewrites a subject that is a place, a site, a team or
// an event, which "X is putting [what] at risk" would cast as the cause.
// A place is where the trouble is, as a label with its time kept: "omg
// reception is like a war zone this morning" → "Reception this morning:
// [what has gone wrong] puts [what] at risk by [when]". An event is what
// is at risk: "the gala is going to be a bloodbath" → "[What has gone
// wrong] puts the gala at risk". Whether a subject is a place is a matter
// of grammar (see placeLike): any noun phrase that is not a process, a
// plan, a project or a deadline, or one that is but whose predicate says
// what state it is in ("the whole production is falling apart"). A
// process, plan or project is what is at risk too, as an event is: "the
// data migration is a mess" → "[What has gone wrong] puts the data
// migration at risk" (reviewers read "the Saturday edition puts [what] at
// risk" as blaming the edition). Other subjects stay the subject, with
// the time put first: "Right now, checkout puts…".
//
// rest is what the sentence says after the alarm's clause.
//
// After a label (inLabel: "Winter: the whole surgery is in meltdown") a
// place is named inside the sentence, since a second label would stack
// colons: "Winter: [what has gone wrong] with the whole surgery puts…".
func blamelessSubject(s grammar.Sentence, np grammar.Chunk, subj, clause, rest string, inLabel bool) (string, bool) {
	head := s.Tokens[headIndex(s, np)].Lower
	when := timePhraseRE().FindString(clause)
	lower := subj
	if s.Tokens[np.Start].Tag == "DT" || s.Tokens[np.Start].Tag == "PRP$" || !strings.HasPrefix(s.Tokens[np.Start].Tag, "NNP") {
		lower = lowerFirst(subj)
	}
	switch {
	case processHead(s, np) && !crisis.fix.events[head] && !crisis.fix.places[head] && !statePredicate(clause) && !timeNoun(head) && !dayWord(head):
		if strings.TrimSpace(rest) != "" {
			return "", false // "…, no one trusts the numbers": the rest of the sentence is the writer's
		}
		if when != "" && !strings.Contains(strings.ToLower(lower), strings.ToLower(when)) {
			return upperFirst(strings.ToLower(when)) + ", [what has gone wrong] puts " + lower + " at risk", true
		}
		return "[What has gone wrong] puts " + lower + " at risk", true
	case crisis.fix.events[head] && !crisis.fix.places[head]:
		np := lower
		if lw := strings.ToLower(when); lw == "right now" || lw == "at the moment" {
			// Not "puts the Kessler wedding right now at risk".
			return upperFirst(lw) + ", [what has gone wrong] puts " + np + " at risk", true
		}
		if when != "" && !strings.Contains(strings.ToLower(np), strings.ToLower(when)) {
			np += " " + strings.ToLower(when)
		}
		return "[What has gone wrong] puts " + np + " at risk", true
	case crisis.fix.places[head] || placeLike(s, np, clause):
		if inLabel {
			out := "[what has gone wrong] with " + lower + " puts [what] at risk by [when]"
			if when != "" && !strings.Contains(strings.ToLower(subj), strings.ToLower(when)) {
				out = upperFirst(strings.ToLower(when)) + ", " + out
			}
			return out, true
		}
		label := wholeRE().ReplaceAllString(subj, "$1") // "The whole service:" reads as a heading of the whole
		if when != "" && !strings.Contains(strings.ToLower(subj), strings.ToLower(when)) {
			label += " " + strings.ToLower(when)
		}
		return label + ": [what has gone wrong] puts [what] at risk by [when]", true
	}
	return "", false
}

// wholeRE: "whole" or "entire" after an article, which a label drops.
var wholeRE = lazyRE(`(?i)^((?:the|our|my|this) )(?:whole|entire) `)

// placeLike reports whether the subject np of a clause whose predicate is
// clause (an alarm) reads as a place, a site, a unit or a team: a noun
// phrase whose head is no process, plan, project or deadline (see
// processHead), nor a stretch of time; or one that is, but whose
// predicate says what state it is in rather than what it is ("is falling
// apart", "is in meltdown", "is on its knees"), since "puts [what] at
// risk" in its place loses what is happening.
func placeLike(s grammar.Sentence, np grammar.Chunk, clause string) bool {
	h := s.Tokens[headIndex(s, np)]
	if !grammar.IsNoun(h.Tag) && h.Tag != "CD" || timeNoun(h.Lower) || dayWord(h.Lower) {
		return false
	}
	switch h.Lower {
	case "it", "this", "that", "everything", "things", "thing", "all", "i", "we", "they", "you", "situation", "state", "mood", "vibe", "vibes":
		return false
	}
	return !processHead(s, np) || statePredicate(clause)
}

// headIndex returns the index of the head noun of noun phrase np: its
// last word, or the last before a preposition that attaches a phrase to
// it ("front of house", "the install of the Maya room").
func headIndex(s grammar.Sentence, np grammar.Chunk) int {
	for k := np.Start + 1; k < np.End; k++ {
		switch s.Tokens[k].Lower {
		case "of", "in", "at", "on", "for", "from", "across", "with":
			return k - 1
		}
	}
	return np.End - 1
}

// processHead reports whether noun phrase np names a process, a plan, a
// project or a deadline: its head is a nominalisation ("the migration",
// "the onboarding", "the recruitment", "the approval") or one of the
// [fix] list "plans" ("the timetable", "this job", "the Kinsey account");
// a name takes the common nouns before it ("Project Atlas").
func processHead(s grammar.Sentence, np grammar.Chunk) bool {
	end := headIndex(s, np) + 1
	process := func(w string) bool {
		w = strings.Trim(w, "'’")
		if crisis.fix.plans[w] {
			return true
		}
		if len(w) < 6 {
			return false
		}
		for _, suf := range []string{"tion", "tions", "sion", "ment", "ments", "ance", "ence", "sis", "ing", "val", "sal", "wal", "ness", "ity"} {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
		return false
	}
	h := s.Tokens[end-1]
	if process(h.Lower) {
		return true
	}
	if strings.HasPrefix(h.Tag, "NNP") || h.Tag == "CD" { // "Project Atlas", "Sprint 12"
		for _, t := range s.Tokens[np.Start : end-1] {
			if grammar.IsNoun(t.Tag) && process(t.Lower) {
				return true
			}
		}
	}
	return false
}

// statePredicate reports whether clause, an alarm's predicate (with or
// without its subject), says what state the subject is in ("is falling
// apart", "is in total meltdown", "is on its knees", "is heading for
// catastrophe", "feels like it's falling apart") rather than what it is
// ("is a total mess", "is a catastrophe", "is toast").
func statePredicate(clause string) bool {
	toks := parse(clause).Tokens
	k := slices.IndexFunc(toks, func(t grammar.Token) bool { return copulas[t.Lower] || grammar.IsFinite(t.Tag) })
	if k < 0 {
		return false
	}
	if !copulas[toks[k].Lower] && toks[k].Lower != "has" && toks[k].Lower != "have" && !futureVerbGroup[toks[k].Lower] {
		return true // a verb of its own: "the floor collapsed"
	}
	for i := k + 1; i < len(toks); i++ {
		t := toks[i]
		switch {
		case copulas[t.Lower] && t.Lower != "going" || futureVerbGroup[t.Lower] && t.Lower != "going" || t.Lower == "been" || t.Lower == "be":
			continue
		case t.Lower == "going" || t.Lower == "gonna":
			continue // "is going to be"
		case t.Lower == "into" && (toks[i-1].Lower == "turned" || toks[i-1].Lower == "turning"):
			continue // "turned into an absolute disaster"
		case t.Tag == "RB" && t.Lower != "upside" || t.Lower == "a" || t.Lower == "an":
			continue
		}
		if t.Tag == "VBG" {
			// "falling apart", "going under", "heading for disaster"; not
			// "imploding", which says what the subject does.
			return i+1 < len(toks) && (toks[i+1].Tag == "RP" || toks[i+1].Tag == "IN" || toks[i+1].Tag == "RB")
		}
		return t.Tag == "IN" || t.Tag == "RP" || t.Tag == "TO" || t.Lower == "upside"
	}
	return false
}

// timePhraseRE finds when an alarm holds: it stays in the rewrite.
var timePhraseRE = lazyRE(`(?i)\b(?:every (?:night|day|morning|evening|shift|week|weekend)|this (?:morning|afternoon|evening|week|weekend|month|quarter|term|year|winter|summer|spring|autumn|season|sprint|shift|fortnight)|today|tonight|tomorrow|right now|at the moment)\b`)

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[strings.ToLower(w)] = true
	}
	return m
}
