package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func complaintRule() *lint.Rule {
	r, rf := mustLoad("complaint")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, "vent", func(v blockView, hs []hit) {
			if groupIs(hs, "again") {
				hs = append(hs, bareAgain(v)...)
			}
			if groupIs(hs, "sarcasm") {
				hs = confirmSarcasm(v, hs)
			}
			if !groupIs(hs, "burnout", "uninformed", "opener", "vent") {
				return
			}
			hs = ps.withLazy(v.b, hs)
			asks := groupIs(hs, "ask")
			per := v.bySentence(hs)
			for si := 0; si < len(per); si++ {
				sent := v.b.Sentences[si]
				h, ok := firstOf(longest(per[si]), "burnout", "uninformed", "opener", "vent")
				if !ok || v.quoted(h.span) {
					continue
				}
				switch h.group {
				case "burnout":
					if asks {
						continue
					}
					// One finding for a run of venting sentences.
					last := si
					for last+1 < len(per) && groupIs(per[last+1], "burnout") {
						last++
					}
					span := document.Span{Start: sent.Start, End: trimSentence(v, v.b.Sentences[last]).End}
					_, body, _ := sentenceParts(v.src(span))
					p.Report(lint.Finding{Span: span, Message: message(rf, "burnout"),
						Fixes: rewriteFixes(v, span, complaintRewrites(rf, body, "burnout"))})
					si = last
				case "uninformed":
					span := trimSentence(v, sent)
					p.Report(lint.Finding{Span: span, Message: message(rf, "uninformed"),
						Fixes: loopInFixes(v, rf, h, span)})
				case "opener":
					if strings.TrimSpace(stripSpeaker(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))) != "" {
						continue
					}
					if !grievanceOpener(strings.ToLower(v.src(h.span)), strings.ToLower(firstWord(v.masked(document.Span{Start: h.span.End, End: sent.End})))) {
						continue
					}
					phr := strings.TrimRight(v.src(h.span), " ,")
					f := lint.Finding{Span: document.Span{Start: h.span.Start, End: h.span.Start + len(phr)},
						Message: strings.ReplaceAll(message(rf, "opener"), "{phrase}", phr)}
					if e, ok := removeWords(v, sent, f.Span.Start, f.Span.End, false); ok {
						f.Fixes = []lint.Fix{removal("Drop \""+phr+"\"", e)}
					}
					p.Report(f)
				default:
					if asks && h.group != "extra" {
						continue
					}
					span := trimSentence(v, sent)
					_, body, _ := sentenceParts(v.src(span))
					cands := complaintRewrites(rf, body, h.group)
					if len(cands) == 0 {
						if c, ok := ventlessRequest(body); ok {
							cands = append(cands, c)
						}
						cands = append(cands, ventRewrites(rf, statement(v, sent, h), v.src(h.span))...)
					}
					p.Report(lint.Finding{Span: h.span, Message: message(rf, "default"), Fixes: rewriteFixes(v, span, cands)})
				}
			}
		})
	}
	learnedRule(r, rf, nil)
	withModelRewrites(r, func(v blockView, span document.Span) []lint.Fix {
		_, body, _ := sentenceParts(v.src(span))
		cands := complaintRewrites(rf, body, "")
		if c, ok := ventlessRequest(body); ok {
			cands = append(cands, c)
		}
		return rewriteFixes(v, span, cands)
	})
	return r
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
	ok := groupIs(hs, "burnout", "uninformed", "opener", "vent")
	for _, h := range v.scan.hits[v.idx] {
		if ok {
			break
		}
		ok = h.rule == "problem-only" && h.group == "problem" || h.rule == "crisis" && h.group == "alarm"
	}
	out := hs[:0:0]
	for _, h := range hs {
		if h.group == "sarcasm" {
			if !ok {
				continue
			}
			h.group = "vent"
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
			out = append(out, hit{span: document.Span{Start: start, End: start + len(t)}, group: "vent"})
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
	rest := strings.TrimSpace(v.doc.Text[h.span.End:max(span.End, h.span.End)])
	rest = strings.TrimRight(rest, ".!?")
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	rest = trimClause(rest, 1)
	var cands []candidate
	add := func(text string) { cands = append(cands, candidate{title, finish(text)}) }
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
		return rewriteFixes(v, span, cands)
	}
	if hasSuffixFold(phrase, "from") {
		// "I found out from a customer that X": what changed is X.
		if i := strings.Index(rest, " that "); i >= 0 {
			rest = rest[i+len(" that "):]
		} else if rest != "" {
			add("Could you loop me in directly next time, so I don't hear it from " + rest + " first?")
			return rewriteFixes(v, span, cands)
		}
	}
	rest = strings.TrimPrefix(rest, "that ")
	if about, ok := strings.CutPrefix(rest, "about "); ok && about != "" {
		add(strings.ReplaceAll(rf.Replacements["uninformed-about"], "{what}", about))
		return rewriteFixes(v, span, cands)
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
	case passiveRE().MatchString(rest):
		m := passiveRE().FindStringSubmatch(rest)
		be := "is"
		if m[2] == "were" {
			be = "are"
		}
		subject = m[1]
		what = m[1] + " " + be + " " + m[3]
	}
	loop := strings.ReplaceAll(rf.Replacements["uninformed"], "{what}", what)
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
	return rewriteFixes(v, span, cands)
}

// leftOutEndRE matches being left out at the end of a sentence: "… a
// call I wasn't invited to."
var leftOutEndRE = lazyRE(`(?i)\s+(?:I|we) (?:wasn't|was not|weren't|were not) (?:invited to|included in)[.!?]*$`)

// includedRE matches being left out of a meeting or a decision.
var includedRE = lazyRE(`(?:wasn't|was not|weren't|were not) (?:invited to|included in)|left (?:me |us )?(?:off|out)(?: of)?$|i was left (?:off|out)`)
