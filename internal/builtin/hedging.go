package builtin

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// hedging is rules/hedging.toml as the rule's code uses it (see bind).
var hedging = bind("hedging", func(b *binder) (f hedgingFile) {
	g := &f.groups
	g.apology = b.lazyGroup("apology")
	g.filler, g.maybe, g.wonder, g.delay = b.group("filler"), b.group("maybe"), b.group("wonder"), b.group("delay")
	g.opener = b.group("opener")
	// Every group that can be reported has its own message.
	f.msg = map[*phraseGroup]string{extraGroup: b.message(extraGroup.name)}
	for _, pg := range b.groups() {
		if !pg.lazy {
			f.msg[pg] = b.message(pg.name)
		}
	}
	f.repl.delay = b.replacement("delay")
	f.fix.softeners = map[*phraseGroup][]string{}
	for _, pg := range []*phraseGroup{g.filler, g.maybe, g.opener} {
		f.fix.softeners[pg] = b.fixList(pg.name + "_softeners")
	}
	f.fix.checkIns = b.fixList("check_ins")
	f.fix.pastBase = map[string]string{}
	for _, pair := range b.fixList("irregular_past") {
		if past, base, ok := strings.Cut(pair, " "); ok {
			f.fix.pastBase[past] = base
		}
	}
	f.model = modelText{msg: b.message("model")} // no model fix
	return f
})

type hedgingFile struct {
	groups struct {
		// An apology is left to the phrases (see learnedRule's gate);
		// filler, maybe, wonder and delay have fixes of their own.
		apology, filler, maybe, wonder, delay *phraseGroup
		opener                                *phraseGroup
	}
	// fix holds what only the hedge removal uses: the softeners it takes
	// out with a hedge of a group (see stripHedges).
	// pastBase maps a past verb to its base form where baseOfPast's
	// spelling rules do not give it (see askToDo).
	fix struct {
		softeners map[*phraseGroup][]string
		pastBase  map[string]string
		checkIns  []string // see checkInFix
	}
	msg   map[*phraseGroup]string // by reported group, extraGroup included
	repl  struct{ delay string }
	model modelText
}

// strandsSubject reports whether fix fx leaves a subject without its
// verb where it removed a hedge ("I'm not sure if this is useful, but
// I've put together…" → "I'm but I've put together…").
func strandsSubject(v blockView, fx lint.Fix) bool {
	out, err := lint.ApplyEdits(v.doc.Text, fx.Edits)
	if err != nil || len(fx.Edits) == 0 {
		return false
	}
	at := fx.Edits[0].Span.Start
	lo, hi := max(at-40, 0), min(at+40, len(out))
	for lo > 0 && !utf8.RuneStart(out[lo]) {
		lo--
	}
	for hi < len(out) && !utf8.RuneStart(out[hi]) {
		hi++
	}
	return strandedRE().MatchString(out[lo:hi])
}

// strandedRE: a subject and "be" run straight into a conjunction.
var strandedRE = lazyRE(`(?i)\b(?:I'm|I’m|I am|it's|it’s|that's|that’s)\s+(?:but|and|so|because)\b`)

// hedgingRule flags apology, permission-seeking and filler that undercut
// the writer's message.
func hedgingRule() *lint.Rule {
	r, rf := mustLoad("hedging")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, nil, func(v blockView, hs []hit) {
			last := -1
			fixes := hedgeFixes(v)
			for _, h := range longest(hs) {
				if h.span.Start < last || v.quoted(h.span) {
					continue
				}
				si := v.sentenceOf(h.span)
				if si < 0 || reportedHedge(v, v.b.Sentences[si], h) {
					continue
				}
				last = h.span.End
				f := lint.Finding{Span: h.span, Message: hedging.msg[h.group]}
				f.Fixes = slices.DeleteFunc(fixes(si, h.span), func(fx lint.Fix) bool { return strandsSubject(v, fx) })
				if len(f.Fixes) == 0 {
					if fx, ok := hedgeFix(v, h, v.b.Sentences[si]); ok && !leavesBadStart(v, v.b.Sentences[si], fx) && !strandsSubject(v, fx) {
						f.Fixes = []lint.Fix{fx}
					}
				}
				p.Report(f)
			}
		})
	}
	// An apology is the phrases' call (see the apology group).
	learnedRule(r, hedging.model, func(v blockView) bool { return !groupIs(ps.findAll(v), hedging.groups.apology) })
	// The model's findings get the removal of the softeners in their
	// sentence, where there are any.
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix {
		if si := v.sentenceAt(span.Start); si >= 0 {
			return hedgeFixes(v)(si, span)
		}
		return nil
	})
	return r
}

// hedgeFixes returns, for a block, the function that gives the fixes of
// a hedge at span in sentence si: the removal of every hedge of the
// block, where other sentences have some too ("Hi, is it ok if I join?
// Totally fine if not!"), offered first but never applied unseen, since
// it edits beyond the finding's sentence; then the removal of every hedge
// of the sentence. A fix that leaves span in place is not offered.
func hedgeFixes(v blockView) func(si int, span document.Span) []lint.Fix {
	var all []int
	for i := range v.b.Sentences {
		all = append(all, i)
	}
	var block *lint.Fix
	return func(si int, span document.Span) []lint.Fix {
		in := func(fx lint.Fix) bool {
			e := fx.Edits
			return len(e) == 1 && e[0].Span.Start <= span.End && span.Start <= e[0].Span.End
		}
		var out []lint.Fix
		if len(all) > 1 && len(all) <= maxStripWhole {
			if block == nil {
				fx, _ := stripHedges(v, all...)
				block = &fx
			}
			if in(*block) {
				b := *block
				b.Title, b.Rewrites = "Remove the hedges in this paragraph", true
				out = append(out, b)
			}
		}
		if fx, ok := stripHedges(v, si); ok && in(fx) {
			if len(out) == 1 && out[0].Edits[0] == fx.Edits[0] {
				out[0].Title, out[0].Rewrites = fx.Title, false
			} else {
				fx.Preferred = len(out) == 0
				out = append(out, fx)
			}
		}
		return out
	}
}

// leavesBadStart reports whether fix fx, applied to sentence sent, leaves
// it opening with a conjunction or a mark (see badStart), or without the
// finite verb it had (see lostVerb).
func leavesBadStart(v blockView, sent document.Span, fx lint.Fix) bool {
	if len(fx.Edits) != 1 || fx.Edits[0].Span.Start < sent.Start || fx.Edits[0].Span.End > sent.End {
		return false
	}
	e := fx.Edits[0]
	t := v.doc.Text
	after := t[sent.Start:e.Span.Start] + e.NewText + t[e.Span.End:sent.End]
	return badStart(after) || lostVerb(t[sent.Start:sent.End], after)
}

// longest drops hits that lie inside a longer hit, keeping the order of
// the rest.
func longest(hs []hit) []hit {
	if len(hs) < 2 {
		return hs
	}
	spans := make([]document.Span, len(hs))
	for i, h := range hs {
		spans[i] = h.span
	}
	c := newContainers(spans)
	out := make([]hit, 0, len(hs))
	for _, h := range hs {
		if !c.inside(h.span) {
			out = append(out, h)
		}
	}
	return out
}

// hedgeFix removes the hedge and mends the rest of the sentence (see
// removeWords), or turns it into what it stood for: a direct request for
// musing ("I was wondering if you could…"), thanks for an apology for the
// wait, a request for an update for "just checking in on X".
func hedgeFix(v blockView, h hit, sent document.Span) (lint.Fix, bool) {
	text := v.doc.Text
	lead := strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))
	upper := startsUpper(text[h.span.Start:h.span.End])
	g := &hedging.groups
	switch h.group {
	case g.filler, g.maybe:
		// Drop the word "just" or "maybe" ("possibly", "sort of").
		words := []string{"just"}
		if h.group == g.maybe {
			words = []string{"maybe", "possibly", "sort of", "hopefully", "kinda", "kind of"}
		}
		word, i := "", -1
		for _, w := range words {
			if i = wordIndex(strings.ToLower(text[h.span.Start:h.span.End]), w); i >= 0 {
				word = w
				break
			}
		}
		if i < 0 {
			return lint.Fix{}, false
		}
		ws, we := h.span.Start+i, h.span.Start+i+len(word)
		if strings.HasSuffix(text[sent.Start:ws], ", ") && strings.HasPrefix(text[we:], ",") {
			// "I think, maybe, the quote is ready": the word and its commas.
			return removal("Remove \""+word+"\"", lint.Edit{Span: document.Span{Start: ws - 2, End: we + 1}}), true
		}
		e, ok := removeWords(v, sent, ws, we, true)
		return removal("Remove \""+word+"\"", e), ok
	case g.wonder:
		// "I was wondering if you could review it." → "Could you review it?"
		rest := strings.TrimSpace(text[h.span.End:sent.End])
		m := wonderRE().FindStringSubmatch(rest)
		if m == nil || !(lead == "" || startLike(lead) || greetingRE().MatchString(lead)) {
			return lint.Fix{}, false
		}
		could := "Could"
		if lead != "" && !upper || greetingRE().MatchString(lead) {
			could = "could"
		}
		return replaceFix("Ask directly", document.Span{Start: h.span.Start, End: trimSentence(v, sent).End}, could+" "+m[1]+" "+m[2]+"?"), true
	case g.delay:
		return delayFix(v, h, sent, lead, upper)
	}
	if fx, ok := checkInFix(v, h, sent, lead, upper); ok {
		return fx, true
	}
	if e, ok := hedgeTail(v, sent, h.span, lead); ok {
		// "Thanks to Kamil for covering, not sure if this is the right
		// place to put it": the hedge ends the sentence with its object.
		if ed, ok := removeEnding(v, sent, h.span.Start, e, lead); ok {
			return removal("Remove the hedge", ed), true
		}
	}
	// opener, doubt, tag, extra: remove the hedge and the joint after it.
	s, end := widenHedge(v, sent, h.span, lead)
	e, ok := removeWords(v, sent, s, end, false)
	return removal("Remove the hedge", e), ok
}

// widenHedge returns the span of a hedge that opens its sentence widened
// to what would be left dangling without it: "I'm (really)" before an
// apology ("I'm really sorry to ask, …"); a short tail up to the hedge's
// joint ("Sorry to bug you on a Friday, but …", "Not sure if I'm allowed
// to do this, but …"), where it names nothing (no digits, no names); the
// marks of a question it ended ("does that make sense? idk …"); an "and"
// that would open the sentence ("Apologies for the long email and I hope
// …").
func widenHedge(v blockView, sent document.Span, h document.Span, lead string) (int, int) {
	text := v.doc.Text
	s, e := h.Start, h.End
	if lead != "" && interjectionRE().MatchString(lead) {
		// "argh sorry, i know you're swamped – …": the groan goes with
		// the apology.
		s, lead = sent.Start, ""
	}
	if m := subjectIRE().FindStringIndex(lead); m != nil && (hasPrefixFold(text[s:e], "hope ") || hasPrefixFold(text[s:e], "hoping ")) {
		// "I hope it's ok that…": the hedge's own subject goes with it.
		for s > sent.Start && text[s-1] == ' ' {
			s--
		}
		s -= m[1] - m[0]
		lead = strings.TrimSpace(lead[:m[0]])
	}
	if m := imSorryRE().FindStringIndex(lead); m != nil && hasPrefixFold(text[s:e], "sorry") {
		for s > sent.Start && text[s-1] == ' ' {
			s--
		}
		s -= m[1] - m[0]
		lead = ""
	}
	if !(lead == "" || startLike(lead) || greetingRE().MatchString(lead) || bangGreetingRE().MatchString(lead+" ")) {
		return s, e
	}
	rest := v.masked(document.Span{Start: e, End: sent.End})
	switch {
	case strings.HasPrefix(rest, "? ") || strings.HasPrefix(rest, "! "):
		k := strings.IndexByte(rest, ' ')
		return s, e + k
	case hasPrefixFold(rest, " and "):
		return s, e + len(" and")
	}
	cut := -1
	for _, j := range []string{", but ", " but ", "!! ", "! ", ", "} {
		if i := strings.Index(rest, j); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 || !strings.HasPrefix(rest, " ") {
		return s, e
	}
	piece := strings.Fields(rest[:cut])
	if len(piece) == 0 || len(piece) > 6 {
		return s, e
	}
	switch strings.ToLower(piece[0]) {
	case "about", "re", "regarding", "with", "and", "but", "so", "because", "as", "since":
		// "with the Q3 numbers" names what the message is about; "with
		// this" only points at it.
		if p := strings.ToLower(strings.Join(piece[1:], " ")); p != "this" && p != "that" && p != "it" && p != "all this" {
			return s, e
		}
	}
	for i, w := range piece {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 || i > 0 && startsUpper(w) && w != "I" && !weekdayRE().MatchString(w) {
			return s, e
		}
	}
	if p := strings.Join(piece, " "); !softens(p) {
		// "i just wanted to let you know the plasmid preps are done, 12
		// constructs…": a clause with a subject of its own is the news.
		if ps := parse(p); len(ps.Tokens) > 0 && ps.HasFiniteVerb() {
			switch t := ps.Tokens[0].Tag; {
			case t == "DT", t == "PRP$", grammar.IsNoun(t):
				return s, e
			}
		}
	}
	return s, e + cut
}

var (
	interjectionRE = lazyRE(`(?i)^(?:(?:argh+|ugh+|oof|ah+|oh+|eek|gah|agh+|ack|oops|whoops|eep|phew)[,!.]*\s*)+$`)
	subjectIRE     = lazyRE(`(?:^|\b)(?:I|i)(?: (?:really|do|truly|just|am|'m))?$`)
	imSorryRE      = lazyRE(`(?i)(?:^|\b)I(?:'m|’m| am)(?: really| so| very| truly)?$`)
	weekdayRE      = lazyRE(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)$`)
)

// hedgeTail returns where the words after hedge h end its sentence (before
// the final marks), where the hedge is a clause joined to the sentence by
// a comma or a dash (lead is what stands before it) and the words after
// it are only its own short object: "…, not sure if this is the right
// place to put it", "…, sorry if this is the wrong thread". Not where
// they name anything (a number, a name) or make a clause of their own.
func hedgeTail(v blockView, sent document.Span, h document.Span, lead string) (int, bool) {
	if !hasAlnum(lead) || !(strings.HasSuffix(lead, ",") || strings.HasSuffix(lead, "–") || strings.HasSuffix(lead, "—") || strings.HasSuffix(lead, " -")) {
		return 0, false
	}
	end := trimSentence(v, sent).End
	rest := v.masked(document.Span{Start: h.End, End: end})
	kept := strings.TrimRight(rest, " .!?…")
	words := strings.Fields(kept)
	if len(words) == 0 || len(words) > 6 || !strings.HasPrefix(rest, " ") || strings.ContainsAny(kept, ",;:()") {
		return 0, false
	}
	for _, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 || startsUpper(w) {
			return 0, false
		}
	}
	if parse(kept).HasFiniteVerb() || parse(v.masked(document.Span{Start: sent.Start, End: h.Start})).Tokens == nil {
		return 0, false
	}
	return h.End + len(kept), true
}

// removal is a fix of one removal edit.
func removal(title string, e lint.Edit) lint.Fix {
	return lint.Fix{Title: title, Edits: []lint.Edit{e}, Preferred: true}
}

// wordIndex returns the index of word in s as a whole word, or -1.
func wordIndex(s, word string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return -1
		}
		i += off
		if (i == 0 || !isWordByte(s[i-1])) && (i+len(word) == len(s) || !isWordByte(s[i+len(word)])) {
			return i
		}
		off = i + 1
	}
}

// delayFix thanks the reader instead of apologising for the wait: the
// apology is replaced where it stands alone or before a joint ("Sorry for
// the delay, the numbers are in."); "sorry for the delay in replying"
// has no fix, since thanks would not fit its rest.
func delayFix(v blockView, h hit, sent document.Span, lead string, upper bool) (lint.Fix, bool) {
	const title = "Thank the reader instead"
	text := v.doc.Text
	thanks := hedging.repl.delay
	if !upper || lead != "" && !startLike(lead) {
		thanks = lowerFirst(thanks)
	}
	rest := strings.TrimLeft(v.masked(document.Span{Start: h.span.End, End: sent.End}), " ")
	switch {
	case rest == "" || strings.Trim(rest, "!.") == "" || strings.HasPrefix(rest, "for a while"):
		if lead == "" {
			// Replace the apology sentence, keeping its final mark.
			end := trimSentence(v, sent).End
			mark := "."
			if strings.HasSuffix(text[h.span.End:end], "!") {
				mark = "!"
			}
			return replaceFix(title, document.Span{Start: h.span.Start, End: end}, thanks+mark), true
		}
		if strings.HasPrefix(rest, "for a while") {
			return lint.Fix{}, false
		}
	case !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ";") && !strings.HasPrefix(rest, "—") &&
		!strings.HasPrefix(rest, "- ") && !strings.HasPrefix(rest, "!") && !strings.HasPrefix(rest, ":"):
		return lint.Fix{}, false
	}
	return replaceFix(title, h.span, thanks), true
}

// checkInRE matches what follows "just checking in" when it names what
// the writer wants news of: "on the budget", "with you about the PR".
var checkInRE = lazyRE(`^(?i:again )?(?i:with (?:you|y'all|everyone|the team) )?(?i:on|about|regarding|re:?) (\S.*)$`)

// checkInFix turns "Just checking in on X." into the request it stands
// for, "Any update on X?", keeping X as written. A clause after X ("; the
// deadline is Friday") becomes a sentence of its own. There is none for
// people ("checking in on you").
func checkInFix(v blockView, h hit, sent document.Span, lead string, upper bool) (lint.Fix, bool) {
	text := v.doc.Text
	if !slices.Contains(hedging.fix.checkIns, strings.ToLower(strings.Join(strings.Fields(v.masked(h.span)), " "))) {
		return lint.Fix{}, false
	}
	if !(lead == "" || startLike(lead) || strings.HasSuffix(lead, ",")) {
		return lint.Fix{}, false
	}
	end := trimSentence(v, sent).End
	rest := v.masked(document.Span{Start: h.span.End, End: end})
	sp := len(rest) - len(strings.TrimLeft(rest, " "))
	m := checkInRE().FindStringSubmatchIndex(rest[sp:])
	if m == nil {
		return lint.Fix{}, false
	}
	what := rest[sp+m[2]:]
	if strings.Contains(rest, "?") {
		return checkInAsk(v, h, sent, lead, h.span.End+sp+m[2], what)
	}
	switch strings.ToLower(strings.TrimRight(firstWord(what), ".!")) {
	case "you", "him", "her", "them", "me", "us", "everyone", "everybody", "y'all":
		return lint.Fix{}, false
	}
	prep := strings.Fields(rest[sp : sp+m[2]])
	on := prep[len(prep)-1]
	any := "Any update"
	ownLine := strings.Contains(text[sent.Start:h.span.Start], "\n") // "Hi Linda,\nJust checking in…"
	if !upper || lead != "" && !startLike(lead) && !ownLine {
		any = "any update"
	}
	if w, clause, ok := strings.Cut(what, " "); ok && (strings.EqualFold(w, "whether") || strings.EqualFold(w, "if")) && !strings.ContainsAny(clause, ",;:—–?") {
		// "checking in on whether the order went in" → "Did the order go in?"
		if q, ok := invertClause(strings.TrimRight(clause, ".! ")); ok {
			if any == "Any update" {
				q = upperFirst(q)
			}
			return lint.Fix{Title: "Ask for an update", Edits: []lint.Edit{{Span: document.Span{Start: h.span.Start, End: end}, NewText: q + "?"}}, Preferred: true}, true
		}
	}
	// Replace "just checking in" (and "with you") up to the space before "on".
	edits := []lint.Edit{{Span: document.Span{Start: h.span.Start, End: h.span.End + sp + m[2] - 1 - len(on) - 1}, NewText: any}}
	// The question ends where X does: at a clause break, or at the end.
	whatStart := h.span.End + sp + m[2]
	stop := end
	for _, br := range []string{"; ", " — ", " – ", " - ", ": "} {
		if i := strings.Index(what, br); i >= 0 && whatStart+i < stop {
			stop = whatStart + i
		}
	}
	if stop < end {
		k := stop
		for k < end && (text[k] == ' ' || strings.IndexByte(";:-", text[k]) >= 0 || strings.HasPrefix(text[k:], "—") || strings.HasPrefix(text[k:], "–")) {
			if text[k] >= utf8.RuneSelf {
				k += len("—")
			} else {
				k++
			}
		}
		r, n := utf8.DecodeRuneInString(text[k:])
		edits = append(edits, lint.Edit{Span: document.Span{Start: stop, End: k + n}, NewText: "? " + string(unicode.ToUpper(r))})
		return lint.Fix{Title: "Ask for an update", Edits: edits, Preferred: true}, true
	}
	last := strings.TrimRight(text[whatStart:end], ".!")
	e := whatStart + len(last)
	edits = append(edits, lint.Edit{Span: document.Span{Start: e, End: end}, NewText: "?"})
	return lint.Fix{Title: "Ask for an update", Edits: edits, Preferred: true}, true
}

// checkInAsk mends "just checking in on X - did Y?", where the writer
// asks the question themselves: the check-in goes and the topic it
// carried leads the question, "On X: did Y?" (the topic would be lost
// with the hedge, and an "Any update on X?" before it would ask twice).
// whatStart is where X starts in the text, what the rest of the
// sentence from there (masked). Only at the start of the sentence or
// after a greeting and its comma.
func checkInAsk(v blockView, h hit, sent document.Span, lead string, whatStart int, what string) (lint.Fix, bool) {
	if lead != "" && !strings.HasSuffix(lead, ",") && !startLike(lead) {
		return lint.Fix{}, false
	}
	brk, at := "", -1
	for _, br := range []string{", ", "; ", " — ", " – ", " - ", ": "} {
		if i := strings.Index(what, br); i > 0 && (at < 0 || i < at) {
			brk, at = br, i
		}
	}
	if at < 0 {
		return lint.Fix{}, false
	}
	topic, ask := what[:at], strings.TrimSpace(what[at+len(brk):])
	if strings.ContainsAny(topic, "?!.") || !hasFact(topic) || !strings.HasSuffix(ask, "?") || strings.Count(ask, "?") > 1 || !questionLead(ask) {
		return lint.Fix{}, false
	}
	text := v.doc.Text
	// The preposition is the last word before X: "with you on" → "on".
	p := whatStart - 1
	for p > h.span.End && text[p-1] != ' ' {
		p--
	}
	prep := text[p : whatStart-1]
	if lead == "" || startLike(lead) {
		prep = upperFirst(prep) // a sentence's start, whatever the case of the chat
	}
	if l := strings.ToLower(ask); strings.HasPrefix(l, "any update") || strings.HasPrefix(l, "any news") || strings.HasPrefix(l, "any word") {
		// "… on the backhaul quote, any update whenever you get a
		// chance?": the question is the one the check-in stood for.
		any := "Any update "
		if !(lead == "" || startLike(lead) || strings.Contains(v.doc.Text[sent.Start:h.span.Start], "\n")) {
			any = "any update "
		}
		end := whatStart + len(strings.TrimRight(v.masked(document.Span{Start: whatStart, End: trimSentence(v, sent).End}), " ?!.…"))
		return lint.Fix{Title: "Ask for an update", Edits: []lint.Edit{{Span: document.Span{Start: h.span.Start, End: end}, NewText: any + strings.ToLower(prep) + " " + text[whatStart:whatStart+at]}}, Preferred: true}, true
	}
	edits := []lint.Edit{{Span: document.Span{Start: h.span.Start, End: whatStart - 1}, NewText: prep}}
	if brk != ", " && brk != ": " {
		// "… for saturday - did …" → "… for saturday: did …".
		edits = append(edits, lint.Edit{Span: document.Span{Start: whatStart + at, End: whatStart + at + len(brk)}, NewText: ": "})
	}
	return lint.Fix{Title: "Remove the hedge", Edits: edits, Preferred: true}, true
}

var wonderRE = lazyRE(`^(?:maybe |perhaps )?(you|we) (?:could|can|would|might) ([^\n]+?)[.?!]*$`)
