package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
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
	return minuteVoice(v, questionsKept(v, alarmAloneGoes(v, alarm, noDanglingVerb(v, fs))))
}

// alarmAloneGoes takes out of each fix's result the writer's clauses
// that only raise alarm, as the clause model reads them (see ventClause),
// outside the alarm phrase the finding is about: "Nobody can save it
// anymore.", "…, really everything is going wrong since the morning" or
// "Send help." would contradict the mitigation the fix proposes. A
// question, a greeting and a sign-off stay. The fix becomes one edit over
// the block.
func alarmAloneGoes(v blockView, alarm document.Span, fs []lint.Fix) []lint.Fix {
	var gone []string
	for _, s := range v.b.Sentences {
		plain := plainSentence(v, s)
		if plain == "" || strings.HasSuffix(plain, "?") || signOff(plain) || greetingLine(plain) {
			continue
		}
		t := trimSentence(v, s)
		src := v.doc.Text[t.Start:t.End]
		for _, c := range clauses(src) {
			if t.Start+c.start < alarm.End && t.Start+c.end > alarm.Start {
				continue
			}
			if text := strings.TrimRight(src[c.start:c.end], ",;:.!?… "); text != "" && ventClause(text) {
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
		if b := strings.TrimRight(before, ",;:— –- "); b != "" && !strings.ContainsAny(b[len(b)-1:], ".!?\n") {
			before = b + "."
		}
	}
	before = strings.TrimRight(before, " ")
	switch {
	case before == "" || strings.HasSuffix(before, "\n"):
		after = upperFirst(after)
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

// danglingVerbRE: a sentence that ends on a form of "be", perhaps with an
// aside after it ("The serialisation programme is, in short.").
var danglingVerbRE = lazyRE(`\b(?:is|are|was|were|be|been)(?:, (?:in short|in a word|frankly|honestly|to be honest|to put it mildly|quite frankly|sadly|simply put|put simply|basically|really|i think|i'm afraid|i’m afraid))?[.!]`)

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
