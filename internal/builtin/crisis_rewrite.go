package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// The crisis rewrite keeps the writer's sentence and replaces only the
// alarm, with the intensifiers and the verb that carry it, by a statement
// of impact; a mitigation follows:
//
//	The migration to Postgres 16 is a total mess.
//	→ The migration to Postgres 16 puts [what] at risk by [when]. To contain it, I propose [mitigation].
//	hey, every customer API key just got invalidated. we're screwed
//	→ hey, every customer API key just got invalidated. we risk [what] by [when]. To contain it, I propose [mitigation].
//	Adult-care budget: we're sunk. → Adult-care budget: we risk [what] by [when]. …
//	Total meltdown on outbound. → A risk to [what] by [when] on outbound. …
//
// The second fix keeps every word and adds the impact and the mitigation
// after the sentence.

// intensifiers may come between a verb and an alarm: "is a total mess",
// "is basically on fire", "is nothing short of catastrophic".
var intensifiers = map[string]bool{
	"a": true, "an": true, "the": true, "total": true, "complete": true, "completely": true, "absolute": true,
	"absolutely": true, "utter": true, "utterly": true, "full-on": true, "full": true, "unmitigated": true,
	"basically": true, "so": true, "just": true, "really": true, "truly": true, "frankly": true, "such": true,
	"pure": true, "real": true, "right": true, "big": true, "huge": true, "massive": true, "full-blown": true,
	"nothing": true, "short": true, "of": true, "literally": true, "honestly": true, "totally": true, "bit": true,
	"kind": true, "sort": true, "now": true, "fast": true, "quickly": true, "slowly": true, "officially": true,
	"one": true, "becoming": true, "turning": true, "into": true, "an absolute": true, "entirely": true, "heading": true,
	"for": true, "in": true,
}

// futureVerbGroup are the words between a subject and "be" in "is going
// to be", "will be", "'ll be".
var futureVerbGroup = map[string]bool{
	"to": true, "going": true, "gonna": true, "is": true, "'s": true, "are": true, "'re": true, "will": true,
	"'ll": true, "would": true, "'d": true, "could": true, "might": true, "may": true, "must": true, "shall": true,
	"should": true, "can": true,
}

// copulas carry an alarm as a predicate.
var copulas = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "'s": true, "'re": true, "been": true, "be": true,
	"become": true, "becomes": true, "looks": true, "look": true, "seems": true, "feels": true, "turned": true,
	"am": true, "'m": true, "falls": true, "fall": true, "went": true, "gone": true, "going": true,
}

// crisisFixes returns the rewrites of a sentence whose alarms are hs. The
// replacement of the alarm is offered, first, only where its grammar is
// certain (see alarmRepl.certain): otherwise the sentence stays as written and
// impact and mitigation follow the paragraph's facts, which reviewers
// accept where a spliced replacement reads badly ("this puts [what] at
// risk by [when] of biblical proportions").
func crisisFixes(v blockView, rf *ruleFile, sent document.Span, hs []hit) []lint.Fix {
	sent = afterGreeting(v, sent)
	if lead, body, _ := sentenceParts(v.src(trimSentence(v, sent))); !strings.Contains(lead, ":") {
		if at, ok := doomedFor(stripLeadIns(body)); ok {
			// "we are so screwed for the Monday rollout": what the doom
			// names is what is at risk; what puts it there is for the
			// writer to say.
			f := rewriteFix("Replace the alarm with impact and a mitigation", trimSentence(v, sent), lead+atRiskBy(at))
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
	}
	if run, last := alarmRun(v, sent); run != trimSentence(v, sent) {
		// Pure alarm next to it goes with it (see alarmRun).
		if f, ok := crisisReplaceClauses(v, run); ok {
			return []lint.Fix{f, crisisAppend(v, last, false, run.End)}
		}
	} else if pureAlarm(plainSentence(v, sent), false) {
		// "It's completely chaos, we are doomed.": every clause is alarm,
		// and all of it goes; "we risk [what]" in place of one would keep
		// the other.
		if f, ok := crisisReplaceClauses(v, sent); ok {
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
	}
	span := trimSentence(v, sent)
	src := v.src(span)
	if idiomAlarm(src) != src {
		// An alarm idiom beside the phrase ("the entire ward is on its
		// knees, it's a disaster") would stay in "it puts [what] at
		// risk": the clauses go as a whole where they can.
		if f, ok := crisisReplaceClauses(v, sent); ok {
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
	}
	const mitigation = " To contain it, I propose [mitigation]."
	var fixes []lint.Fix
	certain := false
	if text, sure, ok := replaceAlarms(src, span.Start, hs); ok {
		_, body, mark := sentenceParts(text)
		if mark == "" || mark == "…" {
			mark = "."
		}
		if strings.ContainsAny(mark, "?!") {
			mark = "."
		}
		lead, _, _ := sentenceParts(text)
		// A sentence adverb that only adds feeling goes: "Honestly, the release…".
		if w, rest, ok := strings.Cut(body, " "); ok && strings.HasSuffix(w, "ly,") {
			body = upperFirst(rest)
		}
		// So does a chat interjection: "omg the payroll run…".
		if b := stripLeadIns(body); b != body && b != "" {
			body = b
			if startsUpper(text[len(lead):]) {
				body = upperFirst(body)
			}
		}
		// "This is a catastrophe." needs the sentence before it to say what "this" is.
		bare := hasPrefixFold(body, "this puts") || hasPrefixFold(body, "it puts") || hasPrefixFold(body, "that puts")
		certain = sure && (!bare || v.sentenceAt(sent.Start) > 0)
		body = feelingBeforeImpactRE().ReplaceAllString(body, "$1")
		mit := mitigation
		if i := strings.Index(strings.ToLower(body), windowClosed); i >= 0 && strings.TrimSpace(body[i+len(windowClosed):]) == "" {
			// "it's too late." → "the window to act has closed, so [what] is
			// at risk by [when]. Instead, …"
			body = strings.TrimSpace(body) + ", so [what] is at risk by [when]"
			mit = " Instead, I propose [mitigation]."
		} else if i := strings.Index(body, tooLateRepl); i >= 0 && !strings.ContainsAny(body[i+len(tooLateRepl):], ",;:") {
			// "it's too late to save this now" → "we can no longer save
			// this, so [what] is at risk by [when]. Instead, I propose …":
			// what can no longer be done stays so, with its impact and
			// what to do instead.
			rest := strings.TrimSuffix(strings.TrimSpace(body[i+len(tooLateRepl):]), " now")
			body = body[:i] + tooLateRepl + rest + ", so [what] is at risk by [when]"
			mit = " Instead, I propose [mitigation]."
		}
		fixes = append(fixes, rewriteFix("State the impact and a mitigation", span, lead+body+mark+mit))
		if text, blameless, ok := subjectAlarmShape(v, span, hs); certain && ok && blameless {
			// A place or an event is not the cause: "the gala is going to
			// be a total disaster" → "[What has gone wrong] puts the gala
			// at risk", not "the gala is going to put [what] at risk".
			f := rewriteFix("Replace the alarm with impact and a mitigation", span, text)
			f.Preferred = true
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
	}
	if !certain {
		// A replacement whose grammar is unsure is not offered at all.
		if f, ok := crisisReplaceClauses(v, sent); ok {
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
		if text, ok := subjectAlarm(v, span, hs); ok {
			f := rewriteFix("Replace the alarm with impact and a mitigation", span, text)
			f.Preferred = true
			return []lint.Fix{f, crisisAppend(v, sent, false, alarmEnd(hs))}
		}
		return []lint.Fix{crisisAppend(v, sent, true, alarmEnd(hs))}
	}
	return append(fixes, crisisAppend(v, sent, false, alarmEnd(hs)))
}

// afterGreeting returns sent without a greeting line that the sentence
// splitter left at its start ("Dear Mr. Kostas,\nThe Saturday wedding…"):
// the rewrite keeps the greeting and its line break as written.
func afterGreeting(v blockView, sent document.Span) document.Span {
	src := v.src(sent)
	i := strings.LastIndex(strings.TrimRight(src, " \t\r\n"), "\n")
	if i <= 0 || !crisisGreetingRE().MatchString(strings.TrimSpace(src[:i])) {
		return sent
	}
	j := i + 1
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
		j++
	}
	return document.Span{Start: sent.Start + j, End: sent.End}
}

// crisisGreetingRE: a line that only greets ("Dear Mr. Kostas,", "Hi Ana",
// "Good morning team!").
var crisisGreetingRE = lazyRE(`^(?i:dear|hi|hello|hey|hiya|morning|good morning|good afternoon|good evening|evening|afternoon|greetings)\b[^\n.!?]{0,40}(?:\.[^\n.!?]{0,30})?[,:!]?$`)

// tooLateRepl takes the place of "too late to": the writer's verdict
// stays, without the alarm (see crisisFixes).
const tooLateRepl = "can no longer "

// windowClosed takes the place of a bare "it's too late".
const windowClosed = "the window to act has closed"

// feelingBeforeImpactRE finds a feeling-only adverb left before the
// impact that replaced an alarm: "… and honestly we risk [what]".
// So is a feeling verb before it: "honestly feels like we risk [what]".
var feelingBeforeImpactRE = lazyRE(`(?i)\b(?:(?:honestly|frankly|tbh|ngl|lol|omg|lmao|seriously|literally),? (?:it )?(?:(?:feels|seems|looks) like )?|(?:it )?(?:feels|seems|looks) like )((?:we risk|this puts|it puts|that puts) )`)

// crisisAppend keeps the sentence and adds impact and a mitigation after
// the alarm, which ends at offset alarmEnd (-1 where unknown), and the
// sentences that go on with its facts (see sharesFacts): "This puts [what]
// at risk" points back at the alarm, not at other news the paragraph gives
// next ("Detailed figures are in Annex B.", "anyway standup moved to
// 10:30", which chat leaves in the same sentence).
func crisisAppend(v blockView, sent document.Span, preferred bool, alarmEnd int) lint.Fix {
	end := trimSentence(v, sent)
	text := v.src(end)
	var edit lint.Edit
	if a, b, ok := pieceBreak(text, alarmEnd-end.Start); ok {
		// The alarm's piece of a sentence chat ran together ends at the
		// first mark after the alarm.
		at := end.Start + a
		edit = lint.Edit{Span: document.Span{Start: at, End: at}, NewText: " " + crisis.repl.fallback}
		if text[a-1] == ',' {
			edit = lint.Edit{Span: document.Span{Start: at - 1, End: at}, NewText: ". " + crisis.repl.fallback}
		}
		if next := end.Start + b; v.doc.Text[next] >= 'a' && v.doc.Text[next] <= 'z' {
			// The next piece opens a sentence of its own once the
			// impact comes between: "… 😬 This puts … Will send you a
			// summary at 4", "… lol. This puts … Anyway standup at 10".
			up := lint.Edit{Span: document.Span{Start: next, End: next + 1}, NewText: strings.ToUpper(v.doc.Text[next : next+1])}
			return lint.Fix{Title: "Add impact and a mitigation", Edits: []lint.Edit{edit, up}, NeedsInput: true, Preferred: preferred}
		}
	} else {
		if si := v.sentenceAt(max(sent.Start, alarmEnd-1)); si >= 0 {
			end = trimSentence(v, v.b.Sentences[si])
			for _, s := range v.b.Sentences[si+1:] {
				next := plainSentence(v, s)
				if next == "" || signOff(next) || !sharesFacts(text, next) || writersOwnTurn(next) {
					break
				}
				end, text = trimSentence(v, s), text+" "+next
			}
		}
		edit = appendAfter(v, end, " "+crisis.repl.fallback)
		if si := v.sentenceAt(max(sent.Start, alarmEnd-1)); si >= 0 {
			if cut, ok := dropAlarmClauses(v, v.b.Sentences[si]); ok {
				// The alarm is a clause of its own ("…, we're screwed",
				// "…, total mess lol"): it goes, its facts stay.
				if cut.Span.End == edit.Span.Start {
					cut.NewText += strings.TrimLeft(edit.NewText, ".") // the cut sentence has its mark
					return lint.Fix{Title: "Add impact and a mitigation", Edits: []lint.Edit{cut}, NeedsInput: true, Preferred: preferred}
				}
				return lint.Fix{Title: "Add impact and a mitigation", Edits: []lint.Edit{cut, edit}, NeedsInput: true, Preferred: preferred}
			}
		}
	}
	return lint.Fix{
		Title:      "Add impact and a mitigation",
		Edits:      []lint.Edit{edit},
		NeedsInput: true,
		Preferred:  preferred,
	}
}

// dropAlarmClauses returns the edit that takes out of sentence sent its
// clauses that are alarm alone (see alarmClause), with the clauses of
// feeling and echo beside them: "The vendor pulled out, we're screwed." →
// "The vendor pulled out." It is false where no alarm clause is there
// (an alarm woven into a clause of facts stays), where nothing else is, or where what is left would be
// a fragment (no finite verb) or lean on the alarm ("and it's only
// tuesday").
func dropAlarmClauses(v blockView, sent document.Span) (lint.Edit, bool) {
	span := trimSentence(v, sent)
	lead, body, mark := sentenceParts(v.src(span))
	parts := alarmClauses(body)
	var kept []alarmPart
	dropped, alarm := false, false
	for i, c := range parts {
		t := stripLeadIns(c.text)
		switch {
		case t == "" || idleWords(t) || i > 0 && feelingClause(t):
			dropped = true // "…, honestly", "…, I am sure"
		case alarmClause(t):
			dropped, alarm = true, true
			if i+1 < len(parts) && conjoined(c.next) {
				return lint.Edit{}, false // "this is a disaster and it's only tuesday"
			}
		case i > 0 && echoClause("and "+t):
			dropped = true
		default:
			if i > 0 && alarmClause(stripLeadIns(parts[i-1].text)) && conjoined(parts[i-1].next) {
				return lint.Edit{}, false
			}
			kept = append(kept, c)
		}
	}
	if !alarm || !dropped || len(kept) == 0 || len(kept) == len(parts) {
		return lint.Edit{}, false
	}
	if strings.TrimSpace(kept[len(kept)-1].next) == ":" {
		return lint.Edit{}, false // a label with nothing left after it: "Where we are on ep 5:"
	}
	var k strings.Builder
	for i, c := range kept {
		k.WriteString(c.text)
		if i+1 < len(kept) {
			k.WriteString(c.join())
		}
	}
	text := k.String()
	if !parse(text).HasFiniteVerb() || strings.HasSuffix(text, ":") {
		return lint.Edit{}, false
	}
	if mark == "" || strings.ContainsAny(mark, "…") {
		mark = "."
	}
	if strings.Contains(mark, "?") {
		return lint.Edit{}, false
	}
	if startsUpper(body) {
		text = upperFirst(text)
	}
	return lint.Edit{Span: span, NewText: lead + text + strings.TrimSpace(mark)}, true
}

// writersOwnTurn reports whether sentence next, after an alarm, is the
// writer's own turn rather than more of the alarm's facts: it speaks to
// the reader ("if you want to go through it", "Will call you after 6"),
// opens with the writer as subject ("I'm in at 8 tomorrow", "I'll send
// the figures"), hands over an attachment ("Attached is the roster"), or
// asks. The impact goes before it, right after the
// alarm, so that "This puts…" points at the alarm.
func writersOwnTurn(next string) bool {
	if strings.HasSuffix(strings.TrimSpace(next), "?") {
		return true
	}
	if opensWith(next, []string{"attached", "please find", "see attached", "enclosed", "here is", "here's", "here are"}) {
		return true // "Attached is the driver roster for next week."
	}
	toks := parse(next).Tokens
	for i, t := range toks {
		switch t.Lower {
		case "you", "your", "yours", "u":
			return true
		case "i", "i'm", "i'll", "i've", "i'd", "im", "ill":
			if i == 0 || i == 1 && (toks[1].Lower == "'m" || toks[1].Lower == "'ll" || toks[1].Lower == "'ve" || toks[1].Lower == "'d") {
				return i == 0
			}
		}
	}
	return false
}

// alarmEnd returns where the last alarm of hs ends, or -1.
func alarmEnd(hs []hit) int {
	end := -1
	for _, h := range hs {
		end = max(end, h.span.End)
	}
	return end
}

// pieceBreak returns where the piece of text, a sentence chat ran
// together, that holds the alarm ending at offset alarmEnd (-1 where
// unknown) ends: a, after its mark, and b, where the next piece opens.
// A mark is a full stop, or emoji before the writer's own turn (see
// pieceBreakRE); where the alarm is unknown only emoji count.
func pieceBreak(text string, alarmEnd int) (a, b int, ok bool) {
	from := max(alarmEnd, 0)
	if from > len(text) {
		return 0, 0, false
	}
	for _, m := range pieceBreakRE().FindAllStringIndex(text[from:], -1) {
		a, b = from+m[0], from+m[1]
		if b >= len(text) {
			break
		}
		mark := strings.ContainsAny(text[a:b], ".!?")
		if strings.HasPrefix(text[a:b], ",") {
			// "Depot C is total meltdown this morning, I am going there
			// now": the writer's way there is news of its own.
			piece, _, _ := strings.Cut(text[b:], ". ")
			if alarmEnd >= 0 && onTheWay(strings.TrimRight(piece, ".!? ")) {
				return a + 1, b, true
			}
			continue
		}
		if mark && alarmEnd >= 0 || !mark && writersOwnTurn(text[b:]) {
			return a + len(strings.TrimRight(text[a:b], " \t\r\n")), b, true
		}
	}
	return 0, 0, false
}

// pieceBreakRE: where chat ends a piece of a run-on sentence, with a mark
// or with emoji ("gate 14 is a total zoo 😬 I'm over at stand 22"); after
// emoji only the writer's own turn is another piece (see writersOwnTurn):
// "on fire rn 🔥🔥 everything's going sideways" goes on with the alarm.
var pieceBreakRE = lazyRE(`[.!?]+\s+|[\p{So}\p{Sk}\x{FE0F}\x{200D}]+\s+|,\s+`)

// replaceAlarms returns the sentence src (starting at document offset
// base) with each alarm of hs replaced by a statement of impact, and
// whether the result is certain to read well: one alarm, replaced where
// its grammar is known (see alarmRepl.certain), with nothing after it but
// the end of the sentence or another clause (see clauseAfter).
func replaceAlarms(src string, base int, hs []hit) (text string, certain, ok bool) {
	s := parse(src)
	var rs []alarmRepl
	first := true
	for _, h := range hs {
		if h.group != crisis.groups.alarm {
			continue
		}
		a, b := h.span.Start-base, h.span.End-base
		if a < 0 || b > len(src) {
			continue
		}
		if len(rs) > 0 && a < rs[len(rs)-1].end {
			continue
		}
		r, ok := alarmReplacement(s, src, a, b, first)
		if !ok {
			return "", false, false
		}
		rs = append(rs, r)
		first = false
	}
	if len(rs) == 0 {
		return "", false, false
	}
	slices.SortFunc(rs, func(x, y alarmRepl) int { return x.start - y.start })
	at, doom := doomTail(src[rs[len(rs)-1].end:])
	if doom && at != "" {
		// "… and I think we're finished for this season": what the doom
		// names is what is at risk.
		rs[len(rs)-1].text = strings.Replace(rs[len(rs)-1].text, "[what]", at, 1)
	}
	if l := &rs[len(rs)-1]; doom || echoClause(src[l.end:]) || feelingTail(src[l.end:]) || spentTail(src[l.end:]) {
		// "… is a sinking ship and everyone on the team knows it": a
		// clause that only points back at the alarm goes with it; so does
		// a second alarm or the writer's insistence ("…, we're done for",
		// "…, I am telling you"), which the mitigation would contradict.
		tail := strings.TrimRight(src, " ")
		mark := len(tail)
		for mark > 0 && strings.ContainsRune(".!?…", rune(tail[mark-1])) {
			mark--
		}
		src = src[:l.end] + tail[mark:]
	}
	certain = len(rs) == 1 && rs[0].certain && (rs[0].whole || clauseAfter(src[rs[0].end:], rs[0].we))
	var out strings.Builder
	last := 0
	for _, r := range rs {
		if r.start < last {
			return "", false, false
		}
		out.WriteString(src[last:r.start])
		out.WriteString(r.text)
		last = r.end
	}
	out.WriteString(src[last:])
	return strings.Join(strings.Fields(out.String()), " "), certain, true
}

// An alarmRepl replaces src[start:end] by text. certain is set where the
// grammar is known: a whole predicate after a subject that names what is
// in trouble ("the data migration is a complete mess", "we're doomed");
// not a headline, an alarm of "I", "it" or "everything", or a
// prepositional alarm ("on fire"). we is set for "we risk [what]", which
// may keep a phrase after it ("…on the Henderson deadline").
type alarmRepl struct {
	start, end int
	text       string
	certain    bool
	we         bool
	// whole is set where the replacement takes the words after the
	// alarm along ("too late to" → "running out of time to").
	whole bool
}

// doomTail reports whether rest, the words after a replaced alarm, is
// only a clause of the writer's doom joined to it (" and we're past the
// point of saving it", ", I think we're finished for this season"), with
// what it names as at risk (see doomClause).
func doomTail(rest string) (string, bool) {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ".!?…"))
	for _, p := range []string{", and ", "and ", ", "} {
		if c, ok := strings.CutPrefix(t, p); ok {
			return doomClause(c)
		}
	}
	return "", false
}

// echoVerbs say that someone knows or sees what was said before: a clause
// of one of them whose object is "it" or "that" adds no fact.
var echoVerbs = map[string]bool{
	"know": true, "knows": true, "knew": true, "see": true, "sees": true, "saw": true, "feel": true, "feels": true,
	"felt": true, "sense": true, "senses": true, "realise": true, "realises": true, "realize": true, "realizes": true,
	"admit": true, "admits": true, "agree": true, "agrees": true, "say": true, "says": true, "said": true,
}

// feelingTail reports whether rest, the words after a replaced alarm, is
// only a clause that says how sure the writer is (", I can feel it", ",
// I am sure"): see feelingClause.
func feelingTail(rest string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ".!?…"))
	c, ok := strings.CutPrefix(t, ", ")
	return ok && !strings.ContainsAny(c, ",;:") && feelingClause(c)
}

// echoClause reports whether rest, the words after a replaced alarm, is a
// conjoined clause of everyone's that ends on one of echoVerbs and "it",
// "that" or "this" ("and everyone on the team knows it", ", we all see
// that").
func echoClause(rest string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ".!?…"))
	c, ok := strings.CutPrefix(t, "and ")
	if !ok {
		c, ok = strings.CutPrefix(t, ", and ")
	}
	if !ok {
		c, ok = strings.CutPrefix(t, ", ")
	}
	if !ok || strings.ContainsAny(c, ",;:") {
		return false
	}
	ws := strings.Fields(strings.ToLower(c))
	if len(ws) < 3 || len(ws) > 8 {
		return false
	}
	obj, verb := ws[len(ws)-1], ws[len(ws)-2]
	if obj != "it" && obj != "that" && obj != "this" || !echoVerbs[verb] {
		return false
	}
	// Only everyone's knowing adds nothing: "the client knows it" is a fact.
	for _, w := range ws[:len(ws)-2] {
		switch w {
		case "everyone", "everybody", "all", "anyone", "anybody", "we", "you":
			return true
		}
	}
	return false
}

// clauseAfter reports whether what follows a replaced alarm in its
// sentence is nothing, or another clause ("…, no one trusts the
// numbers", "… if the Series B slips"), not a modifier that dangled from
// the alarm ("… of biblical proportions", "… right now", "… from day
// one"). After "we risk [what] by [when]" a phrase on what is at risk may
// stay ("… on the Henderson deadline").
func clauseAfter(rest string, we bool) bool {
	t := strings.TrimSpace(rest)
	if strings.Trim(t, ".!?…") == "" {
		return true
	}
	if strings.Contains(t, ". ") || strings.Contains(t, "! ") || strings.Contains(t, "? ") {
		return false // another sentence rides along
	}
	for _, p := range []string{",", ";", "—", "–", "and ", "but ", "if ", "because ", "so ", "unless ", "when "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	if we {
		for _, p := range []string{"on ", "with ", "without "} {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
	}
	return false
}

// alarmReplacement says what replaces the alarm at [a, b) of the sentence:
// the alarm with the intensifiers and the verb before it.
func alarmReplacement(s grammar.Sentence, src string, a, b int, first bool) (alarmRepl, bool) {
	impact := "puts [what] at risk by [when]"
	if !first {
		impact = "puts more at risk"
	}
	phrase := strings.ToLower(src[a:b])
	toks := s.Tokens
	i := s.Index(a) // first token of the alarm
	j := i
	for j < len(toks) && toks[j].Start < b {
		j++
	}
	if j < len(toks) && toks[j].Lower == "mode" {
		b = toks[j].End // "in full crisis mode"
		j++
	}
	start := i
	for start > 0 && intensifiers[toks[start-1].Lower] && toks[start-1].Lower != "now" {
		start--
	}
	// "It's too late (now) to save the Friday launch".
	if strings.Contains(phrase, "too late") {
		k := j
		if k < len(toks) && toks[k].Lower == "now" {
			k++
		}
		if k < len(toks) && toks[k].Lower == "to" {
			// Take the subject and its verb along: "it's too late to" and
			// "we're too late to" → "we can no longer"; "I'm" → "I can".
			from, subj := toks[i].Start, "we"
			if i >= 2 && copulas[toks[i-1].Lower] && toks[i-2].Tag == "PRP" {
				from = toks[i-2].Start
				switch toks[i-2].Lower {
				case "i", "they", "you":
					subj = toks[i-2].Text
				}
			}
			return alarmRepl{from, toks[k].End, capAt(src, from, subj+" "+tooLateRepl), true, false, true}, true
		}
		from := toks[i].Start
		if i >= 2 && (toks[i-1].Lower == "'s" || toks[i-1].Lower == "is") && toks[i-2].Lower == "it" {
			from = toks[i-2].Start
		}
		end := b
		if k > j {
			end = toks[k-1].End
		}
		return alarmRepl{from, end, capAt(src, from, windowClosed), true, false, true}, true
	}
	// The alarm holds its own subject: "we're sunk", "everything is broken".
	if j > i+1 && copulas[toks[i+1].Lower] {
		switch toks[i].Lower {
		case "we", "i":
			verb := "we risk [what] by [when]"
			if toks[i].Lower == "i" {
				verb = "I am at risk of [what] by [when]"
			}
			we := toks[i].Lower == "we"
			return alarmRepl{toks[i].Start, b, capAt(src, toks[i].Start, verb), we && first, we, false}, true
		case "everything", "nothing", "it", "this", "all":
			what := "[what] is at risk by [when]"
			if capAt(src, toks[i].Start, "x") == "X" {
				what = "[What] is at risk by [when]"
			}
			return alarmRepl{toks[i].Start, b, what, false, false, false}, true
		}
	}
	if start > 0 && copulas[toks[start-1].Lower] {
		cop := start - 1
		// "has been", "have been", "has become".
		from := cop
		if from > 0 && (toks[from-1].Lower == "has" || toks[from-1].Lower == "have" || toks[from-1].Lower == "had") {
			from--
		}
		for from > 0 && (toks[from-1].Tag == "RB" && toks[from-1].Lower != "not") && toks[cop].Lower != "be" {
			from--
		}
		subj := from - 1
		if subj < 0 {
			// "Is a mess." with no subject: a headline.
			return alarmRepl{toks[from].Start, b, capAt(src, toks[from].Start, "a risk to [what] by [when]"), false, false, false}, true
		}
		sw := toks[subj].Lower
		lead := toks[from].Start
		sep := " "
		if strings.HasPrefix(toks[from].Lower, "'") {
			sep = " " // "it's" → "it puts"
		}
		switch sw {
		case "everything", "nothing", "all", "everything's":
			what := "[what] is at risk by [when]"
			if capAt(src, toks[subj].Start, "x") == "X" {
				what = "[What] is at risk by [when]"
			}
			return alarmRepl{toks[subj].Start, b, what, false, false, false}, true
		case "we", "i", "they", "you":
			verb := "risk [what] by [when]"
			if sw == "i" {
				verb = "am at risk of [what] by [when]"
			}
			if !first {
				verb = "risk more"
			}
			return alarmRepl{lead, b, sep + verb, sw != "i" && first, sw == "we", false}, true
		}
		if plural(s, grammar.Chunk{Start: subj, End: subj + 1}) || toks[cop].Lower == "be" {
			impact = strings.Replace(impact, "puts", "put", 1) // "is going to be a train wreck" → "is going to put…"
		}
		// "X is going to be a disaster", "X will be a nightmare": the
		// subject stands before the verb group.
		named := subj
		for toks[cop].Lower == "be" && named > 0 && futureVerbGroup[toks[named].Lower] {
			named--
		}
		// A place is no cause: "the floor puts [what] at risk" (see blamelessSubject).
		sure := first && !futureVerbGroup[toks[named].Lower] && namedSubject(s, named) && !prepositional(toks[i]) && !(crisis.fix.places[toks[named].Lower] && (named == 0 || toks[named-1].Tag != "IN" && toks[named-1].Tag != "DT" || named < 2 || toks[named-2].Tag != "IN"))
		if named != subj && toks[named].Tag == "PRP" || named != subj && toks[named].Tag == "DT" {
			sure = false // "It will put [what] at risk": what "it" is needs the sentence before
		}
		return alarmRepl{lead, b, sep + impact, sure, false, false}, true
	}
	// An adjective before a noun: "a catastrophic failure" → "a serious failure".
	if j < len(toks) && j == i+1 && grammar.IsAdj(toks[i].Tag) && grammar.IsNoun(toks[j].Tag) {
		return alarmRepl{toks[i].Start, b, "serious", true, false, false}, true
	}
	// A headline or a noun phrase: "Total meltdown on outbound.", "Volunteer numbers: catastrophic".
	from := toks[start].Start
	if !first {
		// A second alarm after a joint goes with it: "…, total chaos".
		lo := strings.TrimRight(src[:from], " ")
		for _, j := range []string{",", ";", " and", " —", " -"} {
			if strings.HasSuffix(lo, j) {
				return alarmRepl{len(lo) - len(j), b, "", false, false, false}, true
			}
		}
		return alarmRepl{from, b, "serious trouble", false, false, false}, true
	}
	return alarmRepl{from, b, capAt(src, from, "a risk to [what] by [when]"), false, false, false}, true
}

// namedSubject reports whether the noun phrase that ends at token subj
// names what is in trouble well enough to carry "puts [what] at risk":
// one with a determiner, a possessive or a number ("the data migration",
// "our payroll"), a name or a plural, or "this", "that", "it" (which need a
// sentence before them, see crisisFixes); not a bare noun ("Whole place").
func namedSubject(s grammar.Sentence, subj int) bool {
	toks := s.Tokens
	switch toks[subj].Lower {
	case "this", "that", "it":
		return true
	}
	nps := s.NounPhrases()
	k := -1
	for i, c := range nps {
		if c.End == subj+1 {
			k = i
		}
	}
	if k < 0 || !grammar.IsNoun(toks[subj].Tag) && toks[subj].Tag != "CD" || timeNoun(toks[subj].Lower) {
		return false // "this whole sprint puts [what] at risk" reads as if time itself did
	}
	// "The migration to Postgres 16": the head phrase comes before its
	// attachments.
	for k > 0 && nps[k].Start >= 2 && (toks[nps[k].Start-1].Tag == "IN" || toks[nps[k].Start-1].Tag == "TO") && nps[k-1].End == nps[k].Start-1 {
		k--
	}
	c := nps[k]
	for _, t := range toks[c.Start:c.End] {
		if t.Tag == "POS" {
			return true // a possessive determines it: "Tomorrow's shoot", "Dana's launch"
		}
	}
	switch toks[c.Start].Tag {
	case "DT", "PRP$", "CD", "PDT":
		return toks[c.Start].Lower != "whole"
	}
	h := toks[c.End-1]
	return h.Tag == "NNS" || h.Tag == "NNPS" || h.Tag == "NNP" && (c.Start > 0 || c.Len() > 1)
}

// prepositional reports whether an alarm opens with a preposition or a
// verb form ("on fire", "in flames", "falling apart"): "puts [what] at
// risk" in its place loses what is happening.
func prepositional(t grammar.Token) bool {
	return t.Tag == "IN" || t.Tag == "VBG" || t.Tag == "RP"
}

// capAt capitalises text when it starts the sentence src at offset at (or
// follows a label's colon there).
func capAt(src string, at int, text string) string {
	before := strings.TrimSpace(src[:at])
	if before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "**") {
		return upperFirst(text)
	}
	return text
}
