package builtin

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/phrase"
)

// A sentence's hedges go together: a reader still hears a hedge in "Hope
// that's ok: the tracker is up to date." after "Just a quick note," went.
// So every hedging finding of a sentence offers one fix that removes all
// the hedges of its sentence, one after another, each with the mending of
// removeWords, until none is left or one cannot go cleanly; the result is
// a single edit of the sentence.
//
// Besides the rule's phrases, it removes softeners that are not findings
// of their own but read as hedges beside one (the [fix] lists of
// rules/hedging.toml, hedging.fix.softeners): a lone
// "sorry", "no stress", "only if that's okay", "not sure it's my place".

// softenerMatcher finds the rule's hedges and softeners.
var softenerMatcher = sync.OnceValue(func() *phrase.Matcher {
	var gs []*phraseGroup
	for _, g := range sortedHandles(groupHandles("hedging")) {
		if g != hedging.groups.apology {
			gs = append(gs, g)
		}
	}
	return groupMatcher("hedging", hedging.fix.softeners, gs...)
})

// interruptLeadRE matches an apology for intruding; interruptTailRE the
// object or time it names, which goes with it: "sorry to interrupt your
// holiday", "sorry to bother you on a sunday", "sorry to ask so late".
var (
	interruptLeadRE = lazyRE(`(?i)^(?:so |really |i'm |i am )*(?:sorry|apologies) (?:to|for) (?:bother|bothering|interrupt|interrupting|disturb|disturbing|bug|bugging|pester|pestering|message|messaging|ping|pinging|email|emailing|ask|asking)\b(?: you)?$`)
	interruptTailRE = lazyRE(`(?i)^(?:(?: (?:on|during|over|in) (?:a |the |your )?(?:weekend|sunday|saturday|monday|tuesday|wednesday|thursday|friday|evening|night|holiday|holidays|leave|break|vacation|day off|time off|lunch|lunch break)| your (?:weekend|sunday|saturday|evening|night|holiday|holidays|leave|break|vacation|day off|time off|lunch|lunch break|afternoon|morning)| (?:so|this) (?:late|early)| at (?:this hour|the weekend|night))\b)?(?: ?\([!?.]+\))?(?:\.{2,}|…|[.!]+)?`)
)

// maxHedgeSteps bounds the removals of one sentence.
const maxHedgeSteps = 8

// maxStripWhole is the most sentences a block may have for its hedges to
// be stripped with the whole block in view, and for the paragraph-wide
// fix to be offered (see hedgeFixes).
const maxStripWhole = 12

// stripHedges returns the fix that removes every hedge of the sentences
// sis of the block (see above), or false when none can go. A sentence
// left as a statement loses the question mark of uptalk ("the new queue
// works well?").
//
// A block of more than maxStripWhole sentences (a long plain-text run, a
// pasted log) is edited through a window of the sentences sis span
// rather than as a whole, so that the work stays proportional to those
// sentences, not to the block.
func stripHedges(v blockView, sis ...int) (lint.Fix, bool) {
	if len(sis) == 0 {
		return lint.Fix{}, false
	}
	sis = slices.Clone(sis)
	slices.Sort(sis)
	lo, hi := 0, len(v.b.Sentences)
	bs, be := v.b.Span.Start, v.b.Span.End
	if len(v.b.Sentences) > maxStripWhole {
		lo, hi = sis[0], sis[len(sis)-1]+1
		bs, be = v.b.Sentences[lo].Start, v.b.Sentences[hi-1].End
	}
	orig := v.doc.Text[bs:be]
	st := &localBlock{src: orig, masked: v.b.Text[bs-v.b.Span.Start : be-v.b.Span.Start]}
	for _, s := range v.b.Sentences[lo:hi] {
		st.sents = append(st.sents, document.Span{Start: s.Start - bs, End: s.End - bs})
	}
	for _, q := range v.b.Quotations {
		if q.Start >= bs && q.End <= be {
			st.quotes = append(st.quotes, document.Span{Start: q.Start - bs, End: q.End - bs})
		}
	}
	steps, title := 0, ""
	for k := len(sis) - 1; k >= 0; k-- { // from the last: a removed sentence moves none before it
		si := sis[k] - lo
		n, t := st.strip(v, si)
		if n > 0 && title == "" {
			title = t
		}
		steps += n
	}
	if steps == 0 || st.src == orig {
		return lint.Fix{}, false
	}
	if steps > 1 {
		title = "Remove the hedges"
	}
	src := st.src
	p := 0
	for p < len(orig) && p < len(src) && orig[p] == src[p] {
		p++
	}
	q := 0
	for q < len(orig)-p && q < len(src)-p && orig[len(orig)-1-q] == src[len(src)-1-q] {
		q++
	}
	// Keep whole UTF-8 sequences in the edit.
	for p > 0 && p < len(orig) && orig[p]&0xC0 == 0x80 {
		p--
	}
	for q > 0 && orig[len(orig)-q]&0xC0 == 0x80 {
		q--
	}
	e := lint.Edit{Span: document.Span{Start: bs + p, End: bs + len(orig) - q}, NewText: src[p : len(src)-q]}
	return lint.Fix{Title: title, Edits: []lint.Edit{e}, Preferred: true}, true
}

// localBlock is a copy of a block's text being edited.
type localBlock struct {
	src, masked   string
	sents, quotes []document.Span
}

// view returns a view of the copy as a document of one block.
func (st *localBlock) view(v blockView) blockView {
	doc := &document.Document{Text: st.src, Format: v.doc.Format}
	b := *v.b
	b.Span, b.Text, b.Sentences, b.Quotations, b.Parent = document.Span{End: len(st.src)}, st.masked, slices.Clone(st.sents), st.quotes, -1
	if v.b.Parent >= 0 || v.b.Kind != document.Paragraph {
		b.Kind = document.ListItem // no whole-paragraph removal in the copy
	}
	doc.Blocks = []document.Block{b}
	return blockView{doc: doc, b: &doc.Blocks[0]}
}

// strip removes the hedges of sentence si, one at a time, and returns
// how many went and the title of the first removal.
func (st *localBlock) strip(v blockView, si int) (steps int, title string) {
	tried := map[string]bool{}
	wasUpper := si < len(st.sents) && startsUpper(st.src[st.sents[si].Start:st.sents[si].End])
	handles := groupHandles("hedging")
	// phrases removes the rule's hedges and softeners found by their
	// words, and reports whether the sentence went whole.
	phrases := func() bool {
		for steps < maxHedgeSteps && si < len(st.sents) {
			lv := st.view(v)
			sent := st.sents[si]
			var hs []hit
			m := softenerMatcher()
			for _, x := range m.FindAll(st.masked, nil) {
				sp := document.Span{Start: x.Start, End: x.End}
				if sp.Start >= sent.Start && sp.End <= sent.End && interruptLeadRE().MatchString(st.masked[sp.Start:sp.End]) {
					if t := interruptTailRE().FindStringIndex(st.masked[sp.End:sent.End]); t != nil {
						end := sp.End + t[1] // "sorry to bother you on a sunday", "sorry to interrupt your holiday"
						if strings.Trim(st.masked[end:sent.End], " \t\n") == "" {
							end = sp.End + len(strings.TrimRight(st.masked[sp.End:end], ".!…")) // the sentence's own mark stays
						}
						sp.End = end
					}
					for again := true; again; {
						again = false
						for _, w := range []string{"so ", "really ", "very ", "i'm ", "i am "} {
							if b := strings.ToLower(st.masked[sent.Start:sp.Start]); strings.HasSuffix(b, w) && (len(b) == len(w) || !isWordByte(b[len(b)-len(w)-1])) {
								sp.Start -= len(w) // "so sorry to bother you"
								again = true
							}
						}
					}
				}
				if sp.Start >= sent.Start && sp.End <= sent.End && !lv.quoted(sp) {
					hs = append(hs, hit{span: sp, group: handles[m.Patterns()[x.Pattern].Group]})
				}
			}
			slices.SortStableFunc(hs, func(a, b hit) int { return byStartLongest(a.span, b.span) })
			if len(st.sents) > 1 && onlyHedges(st.masked, sent, hs) {
				// "No rush at all, sorry!": the sentence goes whole.
				if e, ok := removeSentence(lv, sent); ok {
					if steps == 0 {
						title = "Remove the hedge"
					}
					st.apply([]lint.Edit{e})
					steps++
					return true
				}
			}
			done := false
			for _, h := range longest(hs) {
				key := st.src[h.span.Start:h.span.End] + "\x00" + h.group.name
				if tried[key] || reportedHedge(lv, sent, h) {
					continue
				}
				if g := strings.TrimRight(st.masked[sent.Start:h.span.Start], ", \t\r\n"); strings.Trim(st.masked[h.span.End:sent.End], ".!?… \t") == "" &&
					bareGreetingRE().MatchString(strings.TrimSpace(g)) {
					// "hi, sorry to bug you on a saturday. the printer…":
					// the greeting opens the next sentence.
					saved := *st
					st.apply([]lint.Edit{{Span: document.Span{Start: h.span.Start, End: sent.End}}})
					if st.greetingOnly(si) {
						if steps == 0 {
							title = "Remove the hedge"
						}
						steps++
						return true
					}
					*st = saved
				}
				fx, ok := hedgeFix(lv, h, sent)
				if !ok || len(fx.Edits) == 0 || fx.NeedsInput {
					tried[key] = true
					continue
				}
				n, saved := len(st.sents), *st
				before := st.masked[st.sents[si].Start:st.sents[si].End]
				st.apply(fx.Edits)
				if len(st.sents) == n && st.greetingOnly(si) {
					// "hey, sorry to bother you on a sunday... the caterer
					// cancelled.": the greeting opens the next sentence.
					if steps == 0 {
						title = fx.Title
					}
					steps++
					return true
				}
				if len(st.sents) == n && (len(strings.Fields(st.masked[st.sents[si].Start:st.sents[si].End])) < 2 ||
					badStart(st.masked[st.sents[si].Start:st.sents[si].End]) ||
					lostVerb(before, st.masked[st.sents[si].Start:st.sents[si].End])) {
					*st = saved // "Sorry to ask so late." must not leave "Late.", nor "And I hope…" be left
					tried[key] = true
					continue
				}
				if steps == 0 {
					title = fx.Title
				}
				steps++
				if len(st.sents) != n {
					return true // the sentence went whole
				}
				done = true
				clear(tried) // what failed beside this hedge may go now: "…if that's alright? sorry"
				break
			}
			if !done {
				break
			}
		}
		return false
	}
	if si < len(st.sents) && len(st.sents) > 1 && st.roughApology(v, si) {
		return 1, "Remove the hedge"
	}
	if phrases() {
		return steps, title
	}
	if si < len(st.sents) {
		n := len(st.sents)
		if k := st.shapes(v, si); k > 0 {
			if steps == 0 {
				title = "Remove the hedge"
			}
			steps += k
			if len(st.sents) != n {
				return steps, title
			}
			// "fingers crossed, I just wanted to say that…": a hedge the
			// shape held in place may go now.
			clear(tried)
			if phrases() {
				return steps, title
			}
		}
	}
	if si < len(st.sents) && st.direct(si) {
		if steps == 0 {
			title = "Ask directly"
		}
		steps++
	}
	if steps > 0 && si < len(st.sents) {
		st.tidy(si)
	}
	if steps > 0 && si < len(st.sents) && st.writingAct(v, si) {
		return steps + 1, title
	}
	if steps > 0 && si < len(st.sents) {
		st.statement(si)
		if wasUpper {
			st.upper(si)
		}
	}
	return steps, title
}

// doubleSoftRE matches a modal softened again by a degree word: "might
// be a bit (too) warm"; greetCouldRE a greeting before "could you".
var (
	doubleSoftRE = lazyRE(`(?i)\b(might|may|could) be (?:a bit|a little|slightly|somewhat) ((?:too |more |less )?[a-z]+)\b`)
	greetCouldRE = lazyRE(`(?i)^((?:hi|hey|heyy+|hello|hiya|heya|morning|yo)[,!]+ +)(c)ould you\b`)
)

// tidy takes out what the removals left that still reads as a hedge:
// a degree word after a modal ("I think the room might be a bit too warm"
// → "…might be too warm"), and the "could" of a request after a
// greeting, which a chat reads as tentative ("hey, could you sign…" →
// "hey, can you sign…").
func (st *localBlock) tidy(si int) {
	t, clean := st.sentText(si)
	if !clean {
		return
	}
	s := st.sents[si].Start
	if m := doubleSoftRE().FindStringSubmatchIndex(t); m != nil && !strings.EqualFold(t[m[4]:m[5]], "of") {
		st.apply([]lint.Edit{{Span: document.Span{Start: s + m[0], End: s + m[1]}, NewText: t[m[2]:m[3]] + " be " + t[m[4]:m[5]]}})
		t, _ = st.sentText(si)
	}
	if m := greetCouldRE().FindStringSubmatchIndex(t); m != nil {
		can := "can"
		if t[m[4]:m[5]] == "C" {
			can = "Can"
		}
		st.apply([]lint.Edit{{Span: document.Span{Start: s + m[4], End: s + m[4] + len("could")}, NewText: can}})
	}
}

// bareGreetingRE matches a greeting alone, perhaps with a name: "hey",
// "Hi Dana".
var bareGreetingRE = lazyRE(`(?i)^(?:hi|hey|heyy+|hello|hiya|heya|morning|good morning|afternoon|yo|dear)(?: [A-Z][a-z]+)?$`)

// greetingOnly joins sentence si to the next where a removal left it
// only a greeting ("hey, ..."), as "hey, " + the next sentence, and
// reports whether it did.
func (st *localBlock) greetingOnly(si int) bool {
	if si+1 >= len(st.sents) {
		return false
	}
	s, next := st.sents[si], st.sents[si+1]
	t := strings.TrimSpace(st.src[s.Start:s.End])
	if t != strings.TrimSpace(st.masked[s.Start:s.End]) {
		return false
	}
	g := strings.TrimRight(t, ",.!?… ")
	if !bareGreetingRE().MatchString(g) {
		return false // not "Thank you for your patience."
	}
	nt := st.src[next.Start:next.End]
	if toks := parse(nt).Tokens; len(toks) > 0 && toks[0].Text != "I" && !mixedCase(toks[0].Text) && (toks[0].Tag != "NNP" || questionLead(toks[0].Text)) {
		nt = lowerFirst(nt) // "Could" may be tagged as a name
	}
	lead := strings.Index(st.src[s.Start:s.End], g)
	joint := ", "
	if strings.Contains(st.src[s.Start+lead+len(g):next.Start], "\n") {
		// "Dear Michael,\nSorry to disturb you. I want…": a greeting on a
		// line of its own keeps it.
		joint, nt = ",\n", upperFirst(strings.TrimSpace(st.src[next.Start:next.End]))
	}
	st.apply([]lint.Edit{{Span: document.Span{Start: s.Start + lead, End: next.End}, NewText: g + joint + nt}})
	return true
}

// writingActRE matches a sentence left saying only that the writer writes:
// "I'm writing.", "I am reaching out."
// "Me emailing you directly." is what "I hope you don't mind" leaves.
var writingActRE = lazyRE(`(?i)^(?:i'm|i’m|i am|me|my) (?:writing|reaching out|messaging|emailing|contacting you|getting in touch|asking|bringing this up)(?: (?:to you|you|directly|about this|about it|here|like this|out of the blue|so late|again))*[.!]*$`)

// writingAct removes sentence si where the removals left it saying only
// that the writer writes ("Dr Mensah, I hope it's okay that I'm writing."
// → "Dr Mensah, I'm writing."): a name it addressed joins the next
// sentence ("Dr Mensah, the revised figures…"). It reports whether it did.
func (st *localBlock) writingAct(v blockView, si int) bool {
	t, clean := st.sentText(si)
	if !clean {
		return false
	}
	s := st.sents[si]
	lead, body := "", strings.TrimSpace(t)
	nl := false
	if i := strings.Index(body, ","); i >= 0 && (vocative(body[:i+1]) || greetingRE().MatchString(body[:i+1])) {
		if r := body[i+1:]; strings.HasPrefix(r, " ") {
			lead, body = body[:i+2], body[i+2:]
		} else if t := strings.TrimLeft(r, " \t"); strings.HasPrefix(t, "\n") {
			// "Hi Fiona,\nI'm emailing about this.": the greeting keeps
			// its line, and the next sentence opens the one after.
			nl, body = true, strings.TrimSpace(t)
		}
	}
	if !writingActRE().MatchString(body) || si+1 >= len(st.sents) {
		return false
	}
	next := st.sents[si+1]
	nt := st.src[next.Start:next.End]
	if nl {
		start := s.Start + strings.Index(st.src[s.Start:s.End], body)
		st.apply([]lint.Edit{{Span: document.Span{Start: start, End: next.Start}}})
		return true
	}
	if lead == "" {
		st.apply([]lint.Edit{{Span: document.Span{Start: s.Start, End: next.Start}}})
		return true
	}
	// "Dr Mensah, " + "the revised figures…"
	first := nt
	if toks := parse(nt).Tokens; len(toks) > 0 && toks[0].Tag != "NNP" && toks[0].Text != "I" && !mixedCase(toks[0].Text) {
		first = lowerFirst(nt)
	}
	start := s.Start + strings.Index(st.src[s.Start:s.End], lead) + len(lead)
	st.apply([]lint.Edit{{Span: document.Span{Start: start, End: next.End}, NewText: first}})
	return true
}

// lostVerb reports whether a removal left a sentence that had a finite
// verb as a phrase that hung on the removed clause (a preposition, a
// gerund, a conjunction first): "I hope I'm not overstepping by adding
// the breakdown below." must not become "By adding the breakdown below."
func lostVerb(before, after string) bool {
	a := parse(firstClause(strings.TrimSpace(after)))
	if len(a.Tokens) == 0 || a.HasFiniteVerb() || !parse(before).HasFiniteVerb() {
		return false
	}
	switch a.Tokens[0].Tag {
	case "IN", "TO", "VBG", "CC", "WDT", "WRB":
		return true // a phrase that hung on the removed clause
	}
	return false
}

// onlyHedges reports whether every letter and digit of sentence sent lies
// inside one of the hits.
func onlyHedges(masked string, sent document.Span, hs []hit) bool {
	if len(hs) == 0 || slices.ContainsFunc(hs, func(h hit) bool { return h.group == hedging.groups.delay }) {
		return false // an apology for the wait becomes thanks (see delayFix)
	}
	for i, r := range masked[sent.Start:sent.End] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		at := sent.Start + i
		if !slices.ContainsFunc(hs, func(h hit) bool { return h.span.Start <= at && at < h.span.End }) {
			return false
		}
	}
	return true
}

// badStart reports whether a sentence left by a removal opens with what
// joined it to removed words: a conjunction, "that", a mark.
func badStart(t string) bool {
	t = strings.TrimSpace(firstClause(strings.TrimSpace(t)))
	if m := bangGreetingRE().FindStringIndex(t); m != nil {
		t = t[m[1]:] // "hey! but could you…"
	}
	if t == "" {
		return false
	}
	if strings.ContainsRune(",;:?!.", rune(t[0])) {
		return true
	}
	switch strings.ToLower(firstWord(t)) {
	case "and", "but", "that", "or":
		return true
	}
	return false
}

// direct turns sentence si into the direct question or statement it
// stood for (see directSentence), and reports whether it did.
func (st *localBlock) direct(si int) bool {
	s := st.sents[si]
	raw := st.src[s.Start:s.End]
	if raw != st.masked[s.Start:s.End] {
		return false // markup inside
	}
	t := strings.TrimRight(raw, " \t\r\n")
	lead := len(t) - len(strings.TrimLeft(t, " \t"))
	out, ok := directSentence(t[lead:])
	if !ok {
		// "deck is done-ish? just wondering if you want the appendix
		// too": a run-on after a question mark the splitter passed.
		for _, sep := range []string{"? ", "! "} {
			if i := strings.LastIndex(t[lead:], sep); i > 0 {
				head, tail := t[lead:lead+i+len(sep)], t[lead+i+len(sep):]
				if q, ok2 := directSentence(tail); ok2 {
					out, ok = head+q, true
					break
				}
			}
		}
	}
	if !ok || out == t[lead:] {
		return false
	}
	if again, ok := directSentence(out); ok { // "Wanted to check, is it ok if I…?"
		out = again
	}
	st.apply([]lint.Edit{{Span: document.Span{Start: s.Start + lead, End: s.Start + len(t)}, NewText: out}})
	return true
}

// upper gives sentence si back the capital it started with, where the
// removals left it opening in lower case.
func (st *localBlock) upper(si int) {
	s := st.sents[si]
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(st.src[i:])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) || st.src[i] != st.masked[i] {
				return
			}
			i += n
			continue
		}
		if unicode.IsLower(r) && !mixedCase(st.src[i:s.End]) {
			st.apply([]lint.Edit{{Span: document.Span{Start: i, End: i + n}, NewText: string(unicode.ToUpper(r))}})
		}
		return
	}
}

// statement ends sentence si with a full stop where it ends with a
// question mark but does not open as a question: the uptalk of a hedged
// statement ("the new queue seems to work well?").
func (st *localBlock) statement(si int) {
	s := st.sents[si]
	t := strings.TrimRight(st.src[s.Start:s.End], " \t\r\n")
	next := "" // "… directly? it's in your inbox too": a run-on the splitter passed
	if q := strings.IndexByte(t, '?'); q > 0 && !strings.HasSuffix(t, "?") && strings.Count(t, "?") == 1 && q+2 < len(t) && t[q+1] == ' ' && t[q+2] >= 'a' && t[q+2] <= 'z' {
		t, next = t[:q+1], t[q+2:q+3]
	}
	if !strings.HasSuffix(t, "?") || strings.HasSuffix(t, "??") || strings.Count(t, "?") > 1 || questionLead(firstWord(firstClause(t))) {
		return
	}
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(",;:—–(", r) }) {
		part = strings.TrimPrefix(strings.TrimSpace(part), "but ")
		if questionLead(firstWord(part)) {
			return
		}
	}
	lo := strings.ToLower(t)
	if invertedRE().MatchString(lo) {
		return // "wher do we keep the NDAs?": a question with a misspelt lead
	}
	for _, w := range []string{" or ", "what ", "what's ", "how ", "why ", "when ", "where ", "who ", "which ", "could you", "can you", "would you", "do you", "did you", "any "} {
		if strings.Contains(lo, w) {
			return
		}
	}
	i := s.Start + len(t) - 1
	if next != "" {
		st.apply([]lint.Edit{{Span: document.Span{Start: i, End: i + 3}, NewText: ". " + strings.ToUpper(next)}})
		return
	}
	st.apply([]lint.Edit{{Span: document.Span{Start: i, End: i + 1}, NewText: "."}})
}

// invertedRE matches an auxiliary before its subject pronoun, as in a
// question: "do we", "should i", "would it".
var invertedRE = lazyRE(`\b(?:do|does|did|can|could|should|shall|would|will|is|are|was|were|have|has|may|might)\s+(?:i|we|you|they|he|she|it)\b`)

// firstClause returns the start of a sentence after a greeting or a
// label: "Hi, would it be…" -> "would it be…".
func firstClause(t string) string {
	if i := strings.Index(t, ", "); i >= 0 && greetingRE().MatchString(t[:i+1]) {
		return t[i+2:]
	}
	if i := strings.Index(t, ": "); i >= 0 && i < 30 {
		return t[i+2:]
	}
	return t
}

// apply applies edits (in block offsets, not overlapping) to the copy.
func (st *localBlock) apply(edits []lint.Edit) {
	st.src, st.masked, st.sents, st.quotes = applyLocal(st.src, st.masked, st.sents, st.quotes, edits)
}

// applyLocal applies edits (in block offsets, not overlapping) to a
// block's source and masked text, moving the sentence and quotation spans
// after them.
func applyLocal(src, masked string, sents, quotes []document.Span, edits []lint.Edit) (string, string, []document.Span, []document.Span) {
	es := slices.Clone(edits)
	slices.SortFunc(es, func(a, b lint.Edit) int { return b.Span.Start - a.Span.Start })
	move := func(ss []document.Span, e lint.Edit, d int) []document.Span {
		out := ss[:0:0]
		for _, s := range ss {
			switch {
			case s.Start >= e.Span.End:
				s.Start += d
				s.End += d
			case s.End <= e.Span.Start:
			case s.Start <= e.Span.Start && s.End >= e.Span.End:
				s.End += d
			case s.Start >= e.Span.Start && s.End <= e.Span.End:
				continue // removed with the edit
			default:
				s.Start = min(s.Start, e.Span.Start)
				s.End = max(s.End+d, e.Span.Start+len(e.NewText))
			}
			out = append(out, s)
		}
		return out
	}
	for _, e := range es {
		d := len(e.NewText) - e.Span.Len()
		src = src[:e.Span.Start] + e.NewText + src[e.Span.End:]
		masked = masked[:e.Span.Start] + strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			if r == '*' || r == '_' || r == '`' {
				return ' '
			}
			return r
		}, e.NewText) + masked[e.Span.End:]
		sents = move(sents, e, d)
		quotes = move(quotes, e, d)
	}
	return src, masked, sents, quotes
}

// groupMatcher compiles one matcher over the phrases of the groups gs of
// rules/<id>.toml, each pattern named by its group, plus the extra phrases
// given for a group (such as the [fix] lists only rewrites use). The
// rewrites use it to look for a rule's phrases in text they wrote, which
// the shared scan of the document does not see.
func groupMatcher(id string, extra map[*phraseGroup][]string, gs ...*phraseGroup) *phrase.Matcher {
	_, rf := mustLoad(id)
	var pats []phrase.Pattern
	for _, g := range gs {
		for _, p := range rf.Phrases[g.name] {
			pats = append(pats, phrase.Pattern{Text: p, Group: g.name})
		}
		for _, p := range extra[g] {
			pats = append(pats, phrase.Pattern{Text: p, Group: g.name})
		}
	}
	return phrase.MustCompile(pats)
}

// roughApologyRE matches a sentence that only apologises for the state of
// the writing itself, with the reason it went out so: "Apologies if these
// notes are a bit rough, I just wanted to get them out the same day."
var roughApologyRE = lazyRE(`(?i)^(?:(?:i'm |i am )?(?:so |really )?(?:sorry|apologies)) (?:if|that|for) (?:these|the|my|our|this) (?:notes|minutes|summary|write-?up|message|email|update)(?: (?:are|is|look|looks|being))? (?:a bit |a little |rather |quite |very |so )?(?:rough|messy|scrappy|brief|short|long|rushed)(?:[,;]? (?:but |as )?(?:i|we) (?:just |only )?wanted to (?:get|send) (?:them|it|these|this) out\b[^.!?]*)?[.!…]*$`)

// roughApology removes sentence si where it is such an apology.
func (st *localBlock) roughApology(v blockView, si int) bool {
	return st.removeWhole(v, si, func(t string) bool { return roughApologyRE().MatchString(strings.TrimSpace(t)) })
}

// removeWhole removes sentence si, where its text is clean and is, the
// test says, a hedge as a whole.
func (st *localBlock) removeWhole(v blockView, si int, is func(t string) bool) bool {
	t, clean := st.sentText(si)
	if !clean || !is(t) {
		return false
	}
	e, ok := removeSentence(st.view(v), st.sents[si])
	if !ok {
		return false
	}
	st.apply([]lint.Edit{e})
	return true
}
