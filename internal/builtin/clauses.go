package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/model"
)

// span is a clause of a text, as byte offsets into it.
type span struct{ start, end int }

// clauses cuts text into the clauses the clause model reads (see
// internal/model.ClauseModel): at line breaks and sentence ends, at ";",
// at a spaced dash, after an emoji, and at a comma outside brackets and
// quotes where the part before has two words or more and the part after
// three or more ("love how X, fantastic, really great timing" keeps
// "fantastic" with what it follows). Spans exclude surrounding spaces.
func clauses(text string) []span {
	var hard []span
	start := 0
	cut := func(end, next int) {
		hard = appendTrimmed(hard, text, start, end)
		start = next
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			cut(i, i+1)
		case strings.ContainsRune(".!?", r) && !document.AbbrevAt(text, i) && !listNumberAt(text, i):
			j := i
			for j < len(text) && strings.ContainsRune(".!?", rune(text[j])) {
				j++
			}
			if j == len(text) || text[j] == ' ' || text[j] == '\n' {
				cut(j, j)
			}
			i = j
			continue
		case r == ';':
			cut(i+1, i+1)
		case (r == '—' || r == '–' || r == '-') && i > 0 && text[i-1] == ' ' && i+size < len(text) && text[i+size] == ' ':
			cut(i, i+size)
		case isEmojiRune(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isEmojiRune(r2) && r2 != '\u200d' && r2 != '\ufe0f' {
					break
				}
				j += s2
			}
			cut(j, j)
			i = j
			continue
		}
		i += size
	}
	hard = appendTrimmed(hard, text, start, len(text))
	var out []span
	for _, h := range hard {
		out = append(out, commaClauses(text, h)...)
	}
	return out
}

// commaClauses cuts the span h of text at its commas (see clauses).
func commaClauses(text string, h span) []span {
	var commas []int
	depth, quoted := 0, false
	for i := h.start; i < h.end; i++ {
		switch text[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '"':
			quoted = !quoted
		case ',':
			if depth == 0 && !quoted && i+1 < h.end && text[i+1] == ' ' {
				commas = append(commas, i)
			}
		}
	}
	var out []span
	start := h.start
	for k, c := range commas {
		next := h.end
		if k+1 < len(commas) {
			next = commas[k+1]
		}
		if len(strings.Fields(text[start:c])) >= 2 && len(strings.Fields(text[c+1:next])) >= 3 {
			out = appendTrimmed(out, text, start, c+1)
			start = c + 1
		}
	}
	return appendTrimmed(out, text, start, h.end)
}

func appendTrimmed(out []span, text string, start, end int) []span {
	for start < end && unicode.IsSpace(rune(text[start])) {
		start++
	}
	for end > start && unicode.IsSpace(rune(text[end-1])) {
		end--
	}
	if end > start {
		out = append(out, span{start, end})
	}
	return out
}

// isEmojiRune reports whether r is a pictograph or emoticon: the runes
// of the class emoji.
func isEmojiRune(r rune) bool {
	return r >= emojiLo && r <= emojiHi || r >= symbolLo && r <= symbolHi
}

// listNumberAt reports whether the mark at i ends a list number at the
// start of a line ("4. Pricing: …").
func listNumberAt(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] >= '0' && text[j-1] <= '9' {
		j--
	}
	return j < i && (j == 0 || text[j-1] == '\n')
}

// clauseProbs returns the clause model's probability of each class for
// the clause c; all zero if the embedded model does not decode (then no
// clause is dropped or taken for an ask on its word; a test checks it
// decodes).
func clauseProbs(c string) [model.NumClauseClasses]float64 {
	m, err := model.DefaultClauseModel()
	if err != nil {
		return [model.NumClauseClasses]float64{}
	}
	return m.Probs(c)
}

// Clause-model probabilities at which a rewrite acts, chosen by cross-
// validation on testdata/clauses for precision (see cmd/upward-train
// -clauses): a fact dropped as venting is the worse mistake.
const (
	// ventDropP: a clause of the writer's that only vents, and holds no
	// hard fact, goes (precision 0.93 out of fold).
	ventDropP = 0.8
	// alarmSureP: a clause of alarm goes even with a number in it ("worst
	// I have seen in 20 years"), or a clause reads as alarm or a fact
	// wrapped in it (vent and mixed together).
	alarmSureP = 0.85
	// alarmTailP: a clause after the impact a crisis fix put in goes.
	alarmTailP = 0.6
	// ventBesideP: a sentence beside a complaint that only vents goes with
	// the complaint's rewrite (precision 0.89 out of fold, with no hard
	// fact on top; see besideVent).
	ventBesideP = 0.7
	// ownWayP: a clause stands as the writer's own request.
	ownWayP = 0.7
)

// ventClause reports whether the clause model reads c as venting alone
// and c carries no hard fact (a number, a name, a date).
func ventClause(c string) bool {
	return !hardFact(c) && clauseProbs(c)[model.Vent] >= ventDropP
}

// besideVent reports whether the clause model reads sentence c, beside a
// complaint, as venting ("I am honestly tired of being the last person
// anyone thinks to tell", "It's draining and it feels like nobody
// notices"), and c carries no hard fact.
func besideVent(c string) bool {
	return !hardFact(c) && clauseProbs(c)[model.Vent] >= ventBesideP
}

// alarmOnlyClause reports whether the clause model is sure that c only
// raises alarm, though it holds a number: "worst I have seen in 20
// years", "I never see like this in 12 years" exaggerate.
func alarmOnlyClause(c string) bool {
	return clauseProbs(c)[model.Vent] >= alarmSureP
}

// alarmMass reports whether the clause model reads c as alarm or a fact
// wrapped in alarm, with little doubt.
func alarmMass(c string) bool {
	p := clauseProbs(c)
	return p[model.Vent]+p[model.Mixed] >= alarmSureP
}

// ownWayClause reports whether the clause model reads c as the writer's
// own request or proposal. A step taken or planned is left to the
// patterns of offersWayForward: "Next: Xbox pass starts Mon 14th" is a
// plan, but no way forward on the grievance.
func ownWayClause(c string) bool {
	l := strings.ToLower(strings.TrimSpace(c))
	claim, _, _ := strings.Cut(strings.ToLower(complaint.repl.burnout), ".")
	if len(strings.Fields(l)) < 3 || !hasVerb(c) || strings.HasSuffix(l, "?") && strings.Contains(l, "why") ||
		strings.Contains(l, claim) || strings.Contains(strings.ToLower(complaint.repl.burnout), l) {
		return false // a label, a protest, or the break a burnout rewrite asks for
	}
	return clauseProbs(c)[model.Ask] >= ownWayP
}

// withoutVentClauses drops from a sentence body the clauses that only
// vent (see ventClause) and that the writer wrote as they stand in orig
// (the model read writers' clauses, not our restatements: "I usually get
// the worst dock slots" is the fact a protest implied), keeping the
// separators between the clauses that stay; "" when nothing stays.
func withoutVentClauses(body, orig string) string {
	lorig := strings.ToLower(emphaticDotsRE().ReplaceAllString(orig, "$1 $2 $3"))
	cs := clauses(body)
	if len(cs) == 0 {
		return body
	}
	var b strings.Builder
	dropped := false
	prev := -1
	for i, c := range cs {
		if t := strings.ToLower(strings.Trim(body[c.start:c.end], ",;:.!?—–- ")); t != "" && strings.Contains(lorig, t) && ventClause(body[c.start:c.end]) {
			dropped = true
			continue
		}
		switch {
		case prev == i-1 && prev >= 0:
			b.WriteString(body[cs[prev].end:c.start])
		case b.Len() > 0:
			b.WriteString(" ")
		}
		b.WriteString(body[c.start:c.end])
		prev = i
	}
	if !dropped {
		return body
	}
	out := strings.TrimRight(strings.TrimSpace(b.String()), ",;:—–- ")
	if out != "" && startsUpper(body) {
		out = upperFirst(out)
	}
	return out
}
