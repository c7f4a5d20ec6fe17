package builtin

import (
	"slices"
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// A date contradicts what softened the vague time it replaces: "No rush
// at all", "whenever you get a sec", a second "ASAP". datedSentence puts
// the date in and takes those out of the sentence (the [fix] list
// "contradicts" of rules/vague-timing.toml), and a short sentence after it
// that held nothing else ("No rush at all, sorry!") goes too:
//
//	hey no rush but could you take a look at my promo case at some point?
//	→ hey could you take a look at my promo case by [Friday]?

// datedSentence returns the fix that replaces span of sentence sent by
// repl, a text with a date placeholder, and removes what contradicts the
// date. Where nothing does, the fix replaces span alone.
func datedSentence(v blockView, sent document.Span, title string, span document.Span, repl string) lint.Fix {
	ss := trimSentence(v, sent)
	if span.Start >= ss.Start && span.Start <= ss.End {
		repl = meetingDay(v.src(document.Span{Start: ss.Start, End: span.Start}), repl)
		repl = resumeDay(v.src(document.Span{Start: ss.Start, End: span.Start}), repl)
	}
	if span.Start < ss.Start || span.End > ss.End {
		return replaceFix(title, span, repl)
	}
	src := v.src(ss)
	text := src[:span.Start-ss.Start] + repl + src[span.End-ss.Start:]
	text, cut := dropContradictions(text, repl)
	edit := ss
	if next, ok := emptiedNext(v, sent); ok {
		edit.End = next.End
		cut = true
	}
	if !cut {
		return replaceFix(title, span, repl)
	}
	if r := firstLetter(src); unicode.IsUpper(r) {
		text = upperFirst(text)
	}
	return replaceFix(title, edit, text)
}

// meetingDay returns repl with "by [Friday]" as "on [Friday]" where the
// clause before it (before) asks for or promises a meeting ("let's chat
// about it by [Friday]" → "…on [Friday]"): see the [fix] list
// "meeting_verbs".
func meetingDay(before, repl string) string {
	i := strings.Index(repl, "by [Friday]")
	if i < 0 {
		return repl
	}
	low := strings.ToLower(strings.ReplaceAll(before, "’", "'"))
	if j := strings.LastIndexAny(low, ".;!?"); j >= 0 {
		low = low[j+1:] // the clause of the date only
	}
	for _, w := range vagueTiming.fix.meetingVerbs {
		if indexWord(low, w, 0) >= 0 {
			return repl[:i] + "on [Friday]" + repl[i+len("by [Friday]"):]
		}
	}
	return repl
}

// resumeDay returns repl with "by [Friday]" as "from [Friday]" where the
// verb just before it goes on with work already begun: "will continue
// once things calm down" → "will continue from [Friday]" (work does not
// continue "by" a day).
func resumeDay(before, repl string) string {
	i := strings.Index(repl, "by [Friday]")
	if i < 0 {
		return repl
	}
	switch strings.ToLower(lastWord(strings.TrimRight(before, " "))) {
	case "continue", "continues", "continuing", "resume", "resumes", "resuming", "restart", "restarts", "recommence", "carry on", "proceed", "proceeds":
		return repl[:i] + "from [Friday]" + repl[i+len("by [Friday]"):]
	}
	return repl
}

// dropContradictions removes from text each phrase of the "contradicts"
// list outside the replacement repl, with the joint after it.
func dropContradictions(text, repl string) (string, bool) {
	phrases := slices.Clone(vagueTiming.fix.contradicts)
	slices.SortStableFunc(phrases, func(a, b string) int { return len(b) - len(a) })
	cut := false
	for _, p := range phrases {
		for from := 0; ; {
			rs := strings.Index(text, repl)
			i := indexWord(strings.ToLower(text), p, from)
			if i < 0 {
				break
			}
			if rs >= 0 && i < rs+len(repl) && i+len(p) > rs {
				from = i + len(p)
				continue
			}
			text = cutWords(text, i, i+len(p))
			cut = true
			from = 0
		}
	}
	// A second vague time that opens a clause goes with the clause: "circle
	// back by [Friday] on the chargebacks once things settle down on our side".
	for _, o := range vagueTiming.fix.clauseOpeners {
		rs := strings.Index(text, repl)
		i := indexWord(strings.ToLower(text), o, 0)
		if i < 0 || rs >= 0 && i < rs+len(repl) {
			continue
		}
		end := len(text)
		if j := strings.IndexAny(text[i:], ",;:—–.?!"); j >= 0 {
			end = i + j
		}
		text = strings.TrimRight(text[:i], " ") + text[end:]
		cut = true
	}
	return text, cut
}

// indexWord returns the first whole-word index of p in lower-case s from
// from on, or -1.
func indexWord(s, p string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], p)
		if i < 0 {
			return -1
		}
		i += from
		if (i == 0 || !isWordByte(s[i-1])) && (i+len(p) == len(s) || !isWordByte(s[i+len(p)])) {
			return i
		}
		from = i + 1
	}
	return -1
}

// cutWords removes t[a:b] with its joint: "no rush, but could you" →
// "could you"; "the work ASAP." → "the work.".
func cutWords(t string, a, b int) string {
	before, rest := t[:a], t[b:]
	switch {
	case hasPrefixFold(rest, ", but "):
		rest = rest[len(", but "):]
	case hasPrefixFold(rest, " but "):
		rest = rest[len(" but "):]
	case strings.HasPrefix(rest, ", "):
		rest = rest[2:]
	case strings.HasPrefix(rest, " "):
		rest = rest[1:]
	default:
		before = strings.TrimRight(before, " ,;—–-")
	}
	if strings.TrimSpace(before) == "" {
		before = ""
	}
	return before + rest
}

// emptiedNext returns the span, from the end of sent on, of the next
// sentence of the block when it holds nothing but what contradicts a date
// and leftovers ("No rush at all, sorry!").
func emptiedNext(v blockView, sent document.Span) (document.Span, bool) {
	si := v.sentenceAt(sent.Start)
	if si < 0 || si+1 >= len(v.b.Sentences) {
		return document.Span{}, false
	}
	next := trimSentence(v, v.b.Sentences[si+1])
	t := " " + strings.ToLower(v.masked(next)) + " "
	t = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || r == '\'' || r == '’' {
			return r
		}
		return ' '
	}, t)
	t = " " + strings.Join(strings.Fields(t), " ") + " "
	any := false
	for _, list := range [][]string{vagueTiming.fix.contradicts, vagueTiming.fix.leftovers} {
		ps := slices.Clone(list)
		slices.SortStableFunc(ps, func(a, b string) int { return len(b) - len(a) })
		for _, p := range ps {
			if strings.Contains(t, " "+p+" ") {
				t = strings.ReplaceAll(t, " "+p+" ", " ")
				any = any || slices.Contains(vagueTiming.fix.contradicts, p)
			}
		}
	}
	if !any || strings.TrimSpace(t) != "" {
		return document.Span{}, false
	}
	return document.Span{Start: trimSentence(v, sent).End, End: next.End}, true
}

// vagueClauseEnd returns where the vague clause that runs from its opener
// to from in src ends: at a mark, or before the first word after it that
// is not one of the [fix] list "model_clause_words". It is false where a
// word outside the list comes before a mark that is not where the clause
// could end: after a time noun or the opener itself.
func vagueClauseEnd(src string, from int) (int, bool) {
	at := from
	for {
		rest := src[at:]
		trimmed := strings.TrimLeft(rest, " ")
		if trimmed == "" || strings.ContainsAny(trimmed[:1], ",;:—–.?!") {
			return at, true
		}
		w := trimmed
		if k := strings.IndexAny(w, " ,;:—–.?!"); k >= 0 {
			w = w[:k]
		}
		if !slices.Contains(vagueTiming.fix.clauseWords, strings.ToLower(strings.ReplaceAll(w, "’", "'"))) {
			prev := strings.ToLower(lastWord(src[from:at]))
			switch prev {
			case "sec", "second", "minute", "min", "moment", "chance", "mo", "tick", "time", "evening", "afternoon", "morning", "breather", "down", "bit", "suits", "works":
				return at, true // "whenever you get a sec could you…"
			}
			return 0, false
		}
		at += len(rest) - len(trimmed) + len(w)
	}
}

// upperFirstIf returns s with a capital first letter where orig starts
// with one.
func upperFirstIf(orig, s string) string {
	if unicode.IsUpper(firstLetter(orig)) {
		return upperFirst(s)
	}
	return s
}

// firstLetter returns the first letter of s, or 0.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return 0
}

// modelTimingFixes gives a finding of the learned model alone a date in
// its sentence: in place of a vague time the phrase list leaves to the
// model ("in a jiffy", "nearer the time"), or at the end of a promise or
// a request ("will get to it" → "will get to it by [Friday]"). Elsewhere
// the model's own fix stays, which adds "Expected by [date]." after it.
func modelTimingFixes(v blockView, span document.Span) []lint.Fix {
	si := v.sentenceAt(span.Start)
	if si < 0 {
		return nil
	}
	sent := v.b.Sentences[si]
	ss := trimSentence(v, sent)
	src := v.src(ss)
	low := strings.ToLower(v.masked(ss))
	repl := vagueTiming.repl.date
	phrases := slices.Clone(vagueTiming.fix.modelVague)
	slices.SortStableFunc(phrases, func(a, b string) int { return len(b) - len(a) })
	for _, p := range phrases {
		if i := indexWord(low, strings.ToLower(p), 0); i >= 0 {
			at := document.Span{Start: ss.Start + i, End: ss.Start + i + len(p)}
			r := repl
			if i == 0 {
				r = upperFirst(r)
			}
			return []lint.Fix{datedSentence(v, sent, "Give a date", at, r)}
		}
	}
	// A vague clause: "whenever you get a minute, would you…?", "will
	// send it whenever I get a sec".
	for _, o := range vagueTiming.fix.modelClauses {
		i := indexWord(low, o, 0)
		if i < 0 {
			continue
		}
		end, ok := vagueClauseEnd(src, i+len(o))
		if !ok {
			return nil // "whenever finance sends them over": a fact
		}
		if rest := strings.TrimLeft(src[end:], ",;:—– "); rest != "" && unicode.IsLetter(firstLetter(rest[:1]+" ")) {
			// The main clause follows: the vague clause goes with its
			// comma, and the date follows the request ("hi! if you ever
			// get a chance could you look at my memo" → "hi! could you
			// look at my memo by [Friday]").
			body := strings.TrimRight(rest, " .!?…")
			if q := strings.Index(body, "?"); q >= 0 {
				body = strings.TrimRight(body[:q], " ") // "…my draft? no rush"
			}
			if strings.ContainsAny(body, "\n") || endsInMarkup(body) {
				return nil
			}
			head := strings.TrimRight(src[:i], " ")
			text := upperFirstIf(src, body) + " " + repl + rest[len(body):]
			if head != "" {
				text = head + " " + body + " " + repl + rest[len(body):]
			}
			text, _ = dropContradictions(text, repl)
			text = strings.TrimRight(text, " ")
			return []lint.Fix{datedSentence(v, sent, "Give a date", ss, upperFirstIf(src, text))}
		}
		at := document.Span{Start: ss.Start + i, End: ss.Start + end}
		for at.Start > ss.Start && src[at.Start-ss.Start-1] == ' ' {
			at.Start--
		}
		return []lint.Fix{datedSentence(v, sent, "Give a date", at, " "+repl)}
	}
	promise := false
	for _, w := range []string{"will ", "i'll ", "we'll ", "i’ll ", "we’ll ", "going to ", "could you ", "can you ", "would you ", "please "} {
		if i := indexWord(low, strings.TrimSpace(w), 0); i >= 0 {
			promise = true
		}
	}
	if !promise || strings.Contains(low, " by ") {
		return nil
	}
	body := strings.TrimRight(src, " .!?…")
	if i := strings.Index(body, "?"); i >= 0 {
		body = strings.TrimRight(body[:i], " ") // "… data whenever you get a sec? no pressure"
	}
	if endsInMarkup(body) || strings.ContainsAny(body, "\n") {
		return nil
	}
	at := document.Span{Start: ss.Start + len(body), End: ss.Start + len(body)}
	return []lint.Fix{datedSentence(v, sent, "Give a date", at, " "+repl)}
}
