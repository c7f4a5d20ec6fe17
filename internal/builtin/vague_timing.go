package builtin

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// concreteRE finds dates and times the phrase list cannot: ISO dates,
// ordinals, clock times, "May 3", numeric dates, "through 2027".
var concreteRE = lazyRE(`(?i)\b(\d{4}-\d{2}-\d{2}|(?:in|by|through|until|till|before|during|early|mid|late|end of|Q[1-4]|H[12]) 20\d\d\b|\d{1,2}(st|nd|rd|th)\b|\d{1,2}(:\d\d)?\s?(am|pm)\b|\d{1,2}:\d\d|\d{1,2}/\d{1,2}\b|May\s+\d{1,2}\b|(by|on|at|until)\s+\d{1,2}\b)`)

// vagueTiming is rules/vague-timing.toml as the rule's code uses it (see
// bind).
var vagueTiming = bind("vague-timing", func(b *binder) (f vagueTimingFile) {
	g := &f.groups
	g.vague, g.asap, g.posted, g.tuned, g.deferred = b.group("vague"), b.group("asap"), b.group("posted"), b.group("tuned"), b.group("deferred")
	g.promise, g.weak, g.hypothetical = b.lazyGroup("promise"), b.lazyGroup("weak"), b.lazyGroup("hypothetical")
	g.imperative, g.concrete = b.lazyGroup("imperative"), b.lazyGroup("concrete")
	f.triggers = []*phraseGroup{g.vague, g.asap, g.posted, g.tuned, g.deferred}
	f.msg.vague, f.msg.posted, f.msg.tuned = b.message("default"), b.message("posted"), b.message("tuned")
	f.repl.date, f.repl.posted, f.repl.tuned = b.replacement("default"), b.replacement("posted"), b.replacement("tuned")
	f.model = modelText{b.message("model"), b.replacement("model")}
	f.fix.contradicts, f.fix.clauseOpeners = b.fixList("contradicts"), b.fixList("clause_openers")
	// A second vague time of more than one word beside the date contradicts
	// it too ("get back to you by [Friday] on the headcount in due course");
	// a single word ("later") may be the writer's other point in time.
	for _, p := range append(b.phrases("vague"), b.phrases("asap")...) {
		if strings.Contains(p, " ") && strings.Trim(strings.ToLower(p), "abcdefghijklmnopqrstuvwxyz '’-") == "" {
			f.fix.contradicts = append(f.fix.contradicts, strings.ToLower(p))
		}
	}
	f.fix.modelVague, f.fix.leftovers = b.fixList("model_vague"), b.fixList("leftovers")
	f.fix.modelClauses, f.fix.clauseWords = b.fixList("model_clause_vague"), b.fixList("model_clause_words")
	f.fix.meetingVerbs = b.fixList("meeting_verbs")
	return f
})

type vagueTimingFile struct {
	groups struct {
		// vague, asap, posted, tuned and deferred are vague about time;
		// promise, weak and hypothetical weigh a promise; an imperative
		// makes an ask; a concrete word pins the time down.
		vague, asap, posted, tuned, deferred              *phraseGroup
		promise, weak, hypothetical, imperative, concrete *phraseGroup
	}
	triggers []*phraseGroup // the groups that can make a finding
	msg      struct{ vague, posted, tuned string }
	// fix holds what only the rewrites use (see datedSentence).
	fix   struct{ contradicts, clauseOpeners, modelVague, leftovers, modelClauses, clauseWords, meetingVerbs []string }
	repl  struct{ date, posted, tuned string }
	model modelText
}

// vagueTimingRule flags promises and asks with no concrete time and offers
// a date.
func vagueTimingRule() *lint.Rule {
	r, rf := mustLoad("vague-timing")
	ps := compileGroups(rf)
	g := &vagueTiming.groups
	r.Run = func(p *lint.Pass) {
		extra := extraSet(p.Extra)
		eachBlock(p, func(v blockView) {
			hs := ps.find(v)
			if !groupIs(hs, vagueTiming.triggers...) && extra == nil {
				return
			}
			if extra != nil {
				for _, h := range extra.scan(v.b) {
					h.group = g.asap
					hs = append(hs, h)
				}
			}
			per := v.bySentence(ps.withLazy(v.b, hs))
			concrete := concreteFrom{v: v, per: per, known: make([]int8, len(per))}
			for si, sh := range per {
				sent := v.b.Sentences[si]
				if !groupIs(sh, vagueTiming.triggers...) || concrete.at(si) {
					continue
				}
				h, ok := vagueHit(v, sent, sh)
				if !ok || v.quoted(h.span) {
					continue
				}
				msg := vagueTiming.msg.vague
				switch h.group {
				case g.posted:
					msg = vagueTiming.msg.posted
				case g.tuned:
					msg = vagueTiming.msg.tuned
				}
				msg = strings.ReplaceAll(msg, "{phrase}", strings.Join(strings.Fields(v.src(h.span)), " "))
				p.Report(lint.Finding{Span: h.span, Message: msg, Fixes: withDates(p.Dates, timingFix(v, h, sent))})
			}
		})
	}
	learnedRule(r, vagueTiming.model, nil)
	withModelRewrites(r, modelTimingFixes)
	// Where a model finding's vague time got a date in its place, the
	// model's own fix (a date added after the sentence, the vague time
	// left in it) is not offered beside it: it would still read as vague.
	run := r.Run
	r.Run = func(p *lint.Pass) {
		for _, f := range p.Collect(run) {
			if strings.HasPrefix(f.Why, "learned model") && len(f.Fixes) > 1 && f.Fixes[0].Title == "Give a date" {
				f.Fixes = slices.DeleteFunc(f.Fixes, func(fx lint.Fix) bool { return fx.Title == modelFixTitles[r.ID] })
			}
			p.Report(f)
		}
	}
	return r
}

// concreteFrom answers whether sentence si or a later one in the block
// names a date, day, time or cadence: a vague word is then pinned down
// ("at some point … so we will decide by Feb"). It looks at each sentence
// once at most.
type concreteFrom struct {
	v     blockView
	per   [][]hit // the hits of each sentence
	known []int8  // per sentence: 0 not yet known, 1 yes, 2 no
}

func (c *concreteFrom) at(si int) bool {
	i := si
	for i < len(c.per) && c.known[i] == 0 && !c.in(i) {
		i++
	}
	var yes bool
	switch {
	case i == len(c.per):
	case c.known[i] != 0:
		yes = c.known[i] == 1
	default:
		yes, c.known[i] = true, 1
	}
	for j := si; j < i; j++ {
		c.known[j] = 2
		if yes {
			c.known[j] = 1
		}
	}
	return yes
}

// in reports whether sentence i itself names a date, day, time or cadence.
func (c *concreteFrom) in(i int) bool {
	for _, h := range c.per[i] {
		if h.group == vagueTiming.groups.concrete && concreteWord(c.v, h) && !insideVague(c.per[i], h) {
			return true
		}
	}
	t := c.v.masked(c.v.b.Sentences[i])
	return strings.ContainsAny(t, "0123456789") && concreteRE().MatchString(t)
}

// insideVague reports whether a concrete phrase is part of a vague one:
// "this year" in "later this year".
func insideVague(hs []hit, c hit) bool {
	for _, h := range hs {
		if h.group == vagueTiming.groups.vague && h.span.Contains(c.span) && h.span != c.span {
			return true
		}
	}
	return false
}

// concreteWord filters out short words that are dates only in some uses
// ("mar", "sat", "wed" must be capitalised) and hedged dates ("Friday-ish").
func concreteWord(v blockView, h hit) bool {
	if hasPrefixFold(v.doc.Text[h.span.End:], "-ish") {
		return false // "Friday-ish"
	}
	s := v.src(h.span)
	if len(s) <= 4 && !strings.Contains(s, " ") {
		switch strings.ToLower(s) {
		case "today", "eod", "eow", "eom", "cob", "q1", "q2", "q3", "q4", "h1", "h2":
			return true
		}
		return s[0] >= 'A' && s[0] <= 'Z'
	}
	return true
}

// vagueHit returns the vague phrase of a sentence that makes it a hit.
func vagueHit(v blockView, sent document.Span, hs []hit) (hit, bool) {
	g := &vagueTiming.groups
	var cand []hit
	var ask bool
	var imperative []hit
	for _, h := range hs {
		switch h.group {
		case g.vague, g.asap, g.posted, g.tuned, g.deferred:
			cand = append(cand, h)
		case g.promise:
			if strings.EqualFold(v.src(h.span), "please") {
				ask = true
			}
		case g.imperative:
			if strings.TrimSpace(stripSpeaker(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))) == "" {
				ask = true
				imperative = append(imperative, h)
			}
		}
	}
	text := v.doc.Text
	for _, h := range longest(cand) {
		// Cues count within the clause of the vague phrase.
		cl := clauseOf(v, sent, h)
		cue, weak, hypo := ask, false, false
		for _, c := range hs {
			if !cl.Contains(c.span) {
				continue
			}
			switch c.group {
			case g.promise:
				cue = true
			case g.weak:
				weak = true
			case g.hypothetical:
				hypo = true
			}
		}
		if eventBefore(v.masked(document.Span{Start: cl.Start, End: h.span.Start})) {
			continue
		}
		if h.group == vagueTiming.groups.deferred && !deferral(v, sent, cl, h, hs, imperative) {
			continue
		}
		if h.group == vagueTiming.groups.vague && hasPrefixFold(v.src(h.span), "down") && kickedDown(v.masked(document.Span{Start: sent.Start, End: h.span.Start})) {
			continue // "kick it down the road" is a complaint about delay, not a promise
		}
		if h.group == vagueTiming.groups.vague {
			// "as soon as they land": tied to an event.
			if hasSuffixFold(text[:h.span.Start], "as ") && hasPrefixFold(text[h.span.End:], " as") {
				continue
			}
			// "too soon to say", "still soon".
			prev := strings.ToLower(lastWord(v.masked(document.Span{Start: sent.Start, End: h.span.Start})))
			if prev == "too" || prev == "still" || prev == "so" || prev == "how" || prev == "not" || prev == "than" || prev == "or" || prev == "anytime" || prev == "until" {
				continue
			}
			// "eventually when …", "later once …".
			next := strings.ToLower(firstWord(v.masked(document.Span{Start: h.span.End, End: sent.End})))
			if next == "when" || next == "once" || next == "after" || next == "following" || next == "until" || next == "than" || next == "as" {
				continue
			}
			if !(cue || weak && !hypo) {
				continue
			}
			if !ask && prediction(v.masked(document.Span{Start: sent.Start, End: h.span.Start})) {
				continue
			}
		}
		return h, true
	}
	return hit{}, false
}

// prediction reports whether the words before a vague time predict what
// others or events will do rather than promise what the writer does: no
// first or second person, and a hedged forecast ("will likely be
// re-landed", "should probably land").
func prediction(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	hedged := false
	for _, w := range f {
		w = strings.Trim(w, ".,;:()\"'*")
		switch w {
		case "i", "i'll", "i’ll", "i'm", "i’m", "i've", "we", "we'll", "we’ll", "we're", "we’re", "we've", "us", "my", "our", "you", "you'll", "your", "let's":
			return false
		case "likely", "probably":
			hedged = true
		}
	}
	return hedged
}

// deferral reports whether a "follow up" or "circle back" hit promises to
// come back later: said as a promise in its clause ("I'll follow up",
// "Tobie to follow up", "then circle back"), not as a task heading a list
// item ("Follow up on the bug"), not a noun ("follow up question"), not
// with a party ("follow up with legal"), and not tied to an event ("circle
// back after the release").
func deferral(v blockView, sent, cl document.Span, h hit, hs, imperative []hit) bool {
	prev := strings.ToLower(lastWord(v.masked(document.Span{Start: cl.Start, End: h.span.Start})))
	switch prev {
	case "a", "the", "do", "some", "any", "no", "my", "our", "your", "their":
		return false // "will do follow up", "a follow up": a noun
	}
	cue := prev == "to" || prev == "then"
	for _, c := range hs {
		if cl.Contains(c.span) && c.group == vagueTiming.groups.promise {
			cue = true
		}
	}
	for _, c := range imperative {
		if !c.span.Overlaps(h.span) {
			cue = true
		}
	}
	if !cue {
		return false
	}
	rest := strings.Fields(strings.ToLower(v.masked(document.Span{Start: h.span.End, End: cl.End})))
	if len(rest) == 0 {
		return true
	}
	switch strings.Trim(rest[0], ".,;:()") {
	case "question", "questions", "item", "items", "meeting", "meetings", "call", "email", "issue", "task", "tasks", "session":
		return false
	case "with":
		if len(rest) < 2 {
			return true
		}
		switch strings.Trim(rest[1], ".,;:()") {
		case "a", "an", "more", "details", "numbers", "data", "results", "suggestion", "suggestions",
			"proposal", "options", "next", "update", "updates", "answers", "feedback", "findings":
		default:
			return false
		}
	}
	for i, w := range rest {
		if i >= 4 {
			break
		}
		switch strings.Trim(w, ".,;:()") {
		case "after", "once", "when", "until", "following", "before":
			return false
		}
	}
	return true
}

// kickedDown reports whether text ends in a form of "kick" within its last
// three words ("kicking that down [the road]").
func kickedDown(s string) bool {
	for _, w := range lastWords(s, 3) {
		if strings.HasPrefix(w, "kick") {
			return true
		}
	}
	return false
}

// eventBefore reports whether the clause before a vague word ties it to an
// event or makes it an embedded question ("once they are eventually
// ported", "how Sugar will eventually use it").
func eventBefore(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, "(\"'*") {
		case "when", "once", "after", "until", "if", "whenever", "unless", "how", "whether":
			return true
		}
	}
	return false
}

// clauseOf returns the clause of the sentence around h: the text between
// the nearest clause marks (, ; : — –) on either side.
func clauseOf(v blockView, sent document.Span, h hit) document.Span {
	t := v.masked(sent)
	lo, hi := h.span.Start-sent.Start, h.span.End-sent.Start
	if i := strings.LastIndexAny(t[:lo], ",;:—–"); i >= 0 {
		lo = i + 1
	} else {
		lo = 0
	}
	if i := strings.IndexAny(t[hi:], ",;:—–"); i >= 0 {
		hi += i
	} else {
		hi = len(t)
	}
	return document.Span{Start: sent.Start + lo, End: sent.Start + hi}
}

// stripSpeaker drops a leading "Name:" or "Name -" of meeting minutes.
func stripSpeaker(s string) string {
	t := strings.TrimSpace(s)
	for _, sep := range []string{":", " -", " –", ","} {
		if i := strings.Index(t, sep); i > 0 && i < 30 && !strings.Contains(t[:i], "  ") {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return t
}

// cutLastWord returns the last word of s (as strings.Fields splits it)
// and the text before it; word is "" when s has none.
func cutLastWord(s string) (before, word string) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	start := strings.LastIndexFunc(s, unicode.IsSpace)
	if start >= 0 {
		_, n := utf8.DecodeRuneInString(s[start:])
		start += n
	} else {
		start = 0
	}
	return s[:start], s[start:]
}

func lastWord(s string) string {
	_, w := cutLastWord(s)
	return strings.Trim(w, ",;:()")
}

// lastWords returns the last n words of s (as strings.Fields splits it),
// lower-cased, in order, reading only as far back as they go.
func lastWords(s string, n int) []string {
	var ws []string
	for len(ws) < n {
		var w string
		if s, w = cutLastWord(s); w == "" {
			break
		}
		ws = append(ws, strings.ToLower(w))
	}
	slices.Reverse(ws)
	return ws
}

func firstWord(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if start < 0 {
		return ""
	}
	s = s[start:]
	if end := strings.IndexFunc(s, unicode.IsSpace); end >= 0 {
		s = s[:end]
	}
	return strings.Trim(s, ",;:()")
}

// vagueTails are the modifiers that belong to a vague time after it:
// "when things calm down a bit", "next week or so", "Friday-ish".
var vagueTails = []string{" a bit", " a little", " or so", " or thereabouts", "-ish", " ish", " hopefully",
	" if possible", " if I can", " if we can", " at the latest", " or later", " or two", " at some point", " probably",
	" next week", " this week", " next month", " this month"}

// vagueHeads are words before a vague phrase that belong to it: "further
// down the line", "sometime in the coming weeks".
var vagueHeads = []string{"further ", "somewhere ", "sometime ", "some time "}

// vagueExtent returns the whole vague expression of hit h in its
// sentence: the phrase and the modifiers after it, without final
// punctuation the phrase took along ("whenever?").
func vagueExtent(v blockView, h hit, sent document.Span) document.Span {
	span := h.span
	text := v.doc.Text
	for {
		t := strings.TrimRight(text[span.Start:span.End], "?!.…")
		if len(t) == span.Len() || len(t) == 0 {
			break
		}
		span.End = span.Start + len(strings.TrimRight(t, " "))
	}
	end := trimSentence(v, sent).End
	for _, head := range vagueHeads {
		if s := span.Start - len(head); s >= sent.Start && strings.EqualFold(text[s:span.Start], head) && (s == 0 || !isWordByte(text[s-1])) {
			span.Start = s
			break
		}
	}
	for _, o := range vagueTiming.fix.clauseOpeners {
		if hasPrefixFold(text[span.Start:end], o+" ") {
			// "once things calm down on site": to the end of the clause.
			rest := text[span.End:end]
			if i := strings.IndexAny(rest, ",;:—–"); i >= 0 {
				rest = rest[:i]
			}
			span.End += len(strings.TrimRight(rest, " .!?…"))
			return span
		}
	}
	for grew := true; grew; {
		grew = false
		for _, tail := range vagueTails {
			if span.End+len(tail) <= end && strings.EqualFold(text[span.End:span.End+len(tail)], tail) &&
				(span.End+len(tail) == len(text) || !isWordByte(text[span.End+len(tail)])) {
				span.End += len(tail)
				grew = true
			}
		}
	}
	return span
}

// timingFix replaces the vague phrase, with the modifiers that go with
// it (see vagueExtent), by a dated placeholder; withDates adds the same
// with real dates.
func timingFix(v blockView, h hit, sent document.Span) lint.Fix {
	g := &vagueTiming.groups
	switch h.group {
	case g.tuned:
		end := trimSentence(v, sent).End
		return lint.Fix{
			Title:      "Name the date of the next update",
			Edits:      []lint.Edit{{Span: document.Span{Start: end, End: end}, NewText: vagueTiming.repl.tuned}},
			NeedsInput: true, Preferred: true,
		}
	case g.posted:
		repl := vagueTiming.repl.posted
		src := v.src(h.span)
		for _, p := range []string{"will ", "I'll ", "I’ll ", "we'll ", "we’ll ", "I will ", "we will "} {
			if hasPrefixFold(src, p) {
				repl = src[:len(p)] + repl // "Will keep you informed" → "Will send you an update…"
				break
			}
		}
		if h.span.Start == sent.Start {
			repl = upperFirst(repl)
		}
		return datedSentence(v, sent, "Give a date for the update", h.span, repl)
	case g.deferred:
		span := h.span
		if m := trailingVagueRE().FindStringIndex(v.doc.Text[span.End:trimSentence(v, sent).End]); m != nil {
			span.End += m[1] // "LM to follow up later" → "LM to follow up by [Friday]"
		}
		return datedSentence(v, sent, "Give a date", span, v.src(h.span)+" "+vagueTiming.repl.date)
	}
	span := vagueExtent(v, h, sent)
	repl := vagueTiming.repl.date
	switch strings.ToLower(lastWord(v.doc.Text[sent.Start:span.Start])) {
	case "by", "until", "before", "till":
		repl = strings.TrimPrefix(repl, "by ") // "come by sometime soon" → "come by [Friday]"
	}
	if span.Start == sent.Start {
		repl = upperFirst(repl)
	}
	return datedSentence(v, sent, "Give a date", span, repl)
}

// trailingVagueRE matches a vague time of one word right after a deferral
// ("follow up later"): the date replaces it rather than standing beside it.
var trailingVagueRE = lazyRE(`(?i)^ (?:later on|later|soon|eventually|sometime|someday|shortly|at some point)\b`)
