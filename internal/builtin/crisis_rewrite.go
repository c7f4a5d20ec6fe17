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

// copulas carry an alarm as a predicate.
var copulas = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "'s": true, "'re": true, "been": true, "be": true,
	"become": true, "becomes": true, "looks": true, "look": true, "seems": true, "feels": true, "turned": true,
	"am": true, "'m": true, "falls": true, "fall": true, "went": true, "gone": true, "going": true,
}

// crisisFixes returns the rewrites of a sentence whose alarms are hs.
func crisisFixes(v blockView, rf *ruleFile, sent document.Span, hs []hit) []lint.Fix {
	span := trimSentence(v, sent)
	src := v.src(span)
	const mitigation = " To contain it, I propose [mitigation]."
	var fixes []lint.Fix
	if text, ok := replaceAlarms(src, span.Start, hs); ok {
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
		fixes = append(fixes, rewriteFix("State the impact and a mitigation", span, lead+body+mark+mitigation))
	}
	add := lint.Fix{
		Title:      "Add impact and a mitigation",
		Edits:      []lint.Edit{appendAfter(v, sent, " "+crisis.repl.fallback)},
		NeedsInput: true,
		Preferred:  len(fixes) == 0,
	}
	return append(fixes, add)
}

// replaceAlarms returns the sentence src (starting at document offset
// base) with each alarm of hs replaced by a statement of impact.
func replaceAlarms(src string, base int, hs []hit) (string, bool) {
	s := parse(src)
	type repl struct {
		start, end int
		text       string
	}
	var rs []repl
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
			return "", false
		}
		rs = append(rs, repl(r))
		first = false
	}
	if len(rs) == 0 {
		return "", false
	}
	slices.SortFunc(rs, func(x, y repl) int { return x.start - y.start })
	var out strings.Builder
	last := 0
	for _, r := range rs {
		if r.start < last {
			return "", false
		}
		out.WriteString(src[last:r.start])
		out.WriteString(r.text)
		last = r.end
	}
	out.WriteString(src[last:])
	return strings.Join(strings.Fields(out.String()), " "), true
}

type alarmRepl struct {
	start, end int
	text       string
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
			from := toks[i].Start
			// Take "it's" / "it is" before it along.
			if i >= 2 && (toks[i-1].Lower == "'s" || toks[i-1].Lower == "is") && toks[i-2].Lower == "it" {
				from = toks[i-2].Start
			}
			return alarmRepl{from, toks[k].End, capAt(src, from, "we are running out of time to")}, true
		}
		from := toks[i].Start
		if i >= 2 && (toks[i-1].Lower == "'s" || toks[i-1].Lower == "is") && toks[i-2].Lower == "it" {
			from = toks[i-2].Start
		}
		end := b
		if k > j {
			end = toks[k-1].End
		}
		return alarmRepl{from, end, capAt(src, from, "the window to act has closed")}, true
	}
	// The alarm holds its own subject: "we're sunk", "everything is broken".
	if j > i+1 && copulas[toks[i+1].Lower] {
		switch toks[i].Lower {
		case "we", "i":
			verb := "we risk [what] by [when]"
			if toks[i].Lower == "i" {
				verb = "I am at risk of [what] by [when]"
			}
			return alarmRepl{toks[i].Start, b, capAt(src, toks[i].Start, verb)}, true
		case "everything", "nothing", "it", "this", "all":
			what := "[what] is at risk by [when]"
			if capAt(src, toks[i].Start, "x") == "X" {
				what = "[What] is at risk by [when]"
			}
			return alarmRepl{toks[i].Start, b, what}, true
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
			return alarmRepl{toks[from].Start, b, capAt(src, toks[from].Start, "a risk to [what] by [when]")}, true
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
			return alarmRepl{toks[subj].Start, b, what}, true
		case "we", "i", "they", "you":
			verb := "risk [what] by [when]"
			if sw == "i" {
				verb = "am at risk of [what] by [when]"
			}
			if !first {
				verb = "risk more"
			}
			return alarmRepl{lead, b, sep + verb}, true
		}
		if plural(s, grammar.Chunk{Start: subj, End: subj + 1}) || toks[cop].Lower == "be" {
			impact = strings.Replace(impact, "puts", "put", 1) // "is going to be a train wreck" → "is going to put…"
		}
		return alarmRepl{lead, b, sep + impact}, true
	}
	// An adjective before a noun: "a catastrophic failure" → "a serious failure".
	if j < len(toks) && j == i+1 && grammar.IsAdj(toks[i].Tag) && grammar.IsNoun(toks[j].Tag) {
		return alarmRepl{toks[i].Start, b, "serious"}, true
	}
	// A headline or a noun phrase: "Total meltdown on outbound.", "Volunteer numbers: catastrophic".
	from := toks[start].Start
	if !first {
		// A second alarm after a joint goes with it: "…, total chaos".
		lo := strings.TrimRight(src[:from], " ")
		for _, j := range []string{",", ";", " and", " —", " -"} {
			if strings.HasSuffix(lo, j) {
				return alarmRepl{len(lo) - len(j), b, ""}, true
			}
		}
		return alarmRepl{from, b, "serious trouble"}, true
	}
	return alarmRepl{from, b, capAt(src, from, "a risk to [what] by [when]")}, true
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
