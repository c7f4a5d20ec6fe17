package builtin

import (
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// crisisReplaceClauses replaces the alarm of a flagged sentence where it
// is a clause that carries no fact (see alarmClause) by the impact
// sentence, and keeps every clause with a fact before it:
//
//	we are so cooked lmao → This puts [what] at risk by [when]. To contain it, I propose [mitigation].
//	year 8 are feral today, it's apocalyptic → year 8 are feral today. This puts [what] at risk by [when]. …
//
// Lead-ins that only add feeling ("sorry to be dramatic but", "honestly")
// go with the alarm. Only the sentence is edited, so a closing sentence
// after it ("Updates to follow.") stays last. A clause split off that has
// no finite verb would be a fragment: then there is no such rewrite.
func crisisReplaceClauses(v blockView, sent document.Span) (lint.Fix, bool) {
	span := trimSentence(v, sent)
	src := v.src(span)
	lead, body, _ := sentenceParts(src)
	if strings.TrimSpace(body) == "" {
		return lint.Fix{}, false
	}
	var kept []string
	replaced := false
	for _, c := range alarmClauses(body) {
		c = stripLeadIns(c)
		if c == "" {
			continue
		}
		if alarmClause(c) {
			replaced = true
			continue
		}
		kept = append(kept, c)
	}
	if !replaced {
		return lint.Fix{}, false
	}
	const impact = "This puts [what] at risk by [when]. To contain it, I propose [mitigation]."
	if end := unitEnd(v, span); len(kept) == 0 && lead == "" && end.Start > span.Start {
		// The facts come after the alarm: the impact follows them.
		del := span
		for del.End < len(v.doc.Text) && v.doc.Text[del.End] == ' ' {
			del.End++
		}
		return lint.Fix{
			Title:      "Replace the alarm with impact and a mitigation",
			Edits:      []lint.Edit{{Span: del}, appendAfter(v, end, " "+impact)},
			NeedsInput: true,
			Preferred:  true,
		}, true
	}
	var out strings.Builder
	out.WriteString(lead)
	if len(kept) > 0 {
		k := strings.Join(kept, ", ")
		if !parse(k).HasFiniteVerb() {
			return lint.Fix{}, false
		}
		out.WriteString(k)
		out.WriteString(". ")
	}
	out.WriteString(impact)
	text := out.String()
	if len(kept) > 0 {
		text = lead + upperFirst(strings.TrimPrefix(text, lead))
	}
	return rewriteFix("Replace the alarm with impact and a mitigation", span, text), true
}

// alarmClauses splits a sentence body at commas, semicolons and dashes.
func alarmClauses(body string) []string {
	f := func(r rune) bool { return r == ',' || r == ';' || r == '—' || r == '–' }
	var out []string
	for _, p := range strings.FieldsFunc(strings.ReplaceAll(body, " - ", " — "), f) {
		p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), ".!?…"))
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// stripLeadIns drops the feeling-only lead-ins of the [fix] list
// "lead_ins" from the start of a clause.
func stripLeadIns(c string) string {
	for again := true; again; {
		again = false
		lc := strings.ToLower(c)
		for _, l := range crisis.fix.leadIns {
			if strings.HasPrefix(lc, l) && (len(lc) == len(l) || !isWordByte(lc[len(l)])) {
				c = strings.TrimSpace(c[len(l):])
				again = true
				break
			}
		}
	}
	return c
}

// alarmClause reports whether a clause is alarm alone: it holds a word of
// an alarm, and no number, name or noun beyond the alarm words.
func alarmClause(c string) bool {
	s := parse(c)
	alarm := false
	for i, t := range s.Tokens {
		if t.Tag == "CD" || strings.IndexFunc(t.Text, unicode.IsDigit) >= 0 || timeWords[t.Lower] {
			return false
		}
		if crisis.fix.alarmWords[t.Lower] {
			alarm = true
			continue
		}
		// "broken on staging": what follows a preposition is a fact.
		if i > 0 && s.Tokens[i-1].Tag == "IN" && t.Tag != "DT" && t.Tag != "PRP" && t.Tag != "PRP$" && unicode.IsLetter([]rune(t.Text)[0]) {
			return false
		}
		if t.Tag == "NNP" || t.Tag == "NNPS" {
			if i > 0 || t.Lower == "i" {
				return false
			}
		}
		if grammar.IsNoun(t.Tag) && t.Lower != "i" {
			return false
		}
		if t.Text != "" && unicode.IsUpper([]rune(t.Text)[0]) && i > 0 && t.Text != "I" {
			return false
		}
	}
	return alarm
}

// timeWords are the days, months and relative days a writer may leave in
// lower case ("and it's only tuesday"): facts, whatever their tag.
var timeWords = func() map[string]bool {
	m := map[string]bool{"today": true, "tonight": true, "tomorrow": true, "yesterday": true, "weekend": true}
	for _, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
		"january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		m[w] = true
	}
	return m
}()
