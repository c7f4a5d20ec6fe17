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
					p.Report(lint.Finding{Span: span, Message: message(rf, "burnout"),
						Fixes: []lint.Fix{rewriteFix("Ask for what would help", span, rf.Replacements["burnout"])}})
					si = last
				case "uninformed":
					span := trimSentence(v, sent)
					p.Report(lint.Finding{Span: span, Message: message(rf, "uninformed"),
						Fixes: []lint.Fix{loopInFix(v, rf, h, span)}})
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
					p.Report(lint.Finding{Span: h.span, Message: message(rf, "default"),
						Fixes: []lint.Fix{rewriteFix("Rewrite as a request", span, rf.Replacements["default"])}})
				}
			}
		})
	}
	learnedRule(r, rf, nil)
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

// loopInFix rewrites "Nobody told me X." as "Could you loop me in when X?".
func loopInFix(v blockView, rf *ruleFile, h hit, span document.Span) lint.Fix {
	const title = "Ask to be looped in"
	rest := strings.TrimSpace(v.doc.Text[h.span.End:max(span.End, h.span.End)])
	rest = strings.TrimRight(rest, ".!?")
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	if hasSuffixFold(v.src(h.span), "from") {
		// "I found out from a customer that X": what changed is X.
		if i := strings.Index(rest, " that "); i >= 0 {
			rest = rest[i+len(" that "):]
		}
	}
	rest = strings.TrimPrefix(rest, "that ")
	if about, ok := strings.CutPrefix(rest, "about "); ok && about != "" {
		return rewriteFix(title, span, strings.ReplaceAll(rf.Replacements["uninformed-about"], "{what}", about))
	}
	what := ""
	switch {
	case rest == "":
		what = "[this changes]"
	case movedRE().MatchString(rest):
		// "the freeze moved to the 12th" → "the freeze date changes"; a
		// date or deadline changes by itself.
		what = movedRE().FindStringSubmatch(rest)[1] + " date changes"
		if l := strings.ToLower(what); strings.HasSuffix(l, " date date changes") || strings.HasSuffix(l, " deadline date changes") {
			what = strings.TrimSuffix(what, " date changes") + " changes"
		}
	case changedRE().MatchString(rest):
		what = changedRE().ReplaceAllString(rest, "$1 changes")
	case passiveRE().MatchString(rest):
		m := passiveRE().FindStringSubmatch(rest)
		be := "is"
		if m[2] == "were" {
			be = "are"
		}
		what = m[1] + " " + be + " " + m[3]
	default:
		what = "[" + rest + "]"
	}
	return rewriteFix(title, span, strings.ReplaceAll(rf.Replacements["uninformed"], "{what}", what))
}
