package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/grammar"
)

// indirectTopic turns an open question that names what it asks about into
// an indirect question that can lead a recommendation, keeping the
// question's own words: the question word (with its noun, "what line"),
// then the action as an infinitive where the one to act is the writer or
// the reader, or the clause in statement order where it is something
// else:
//
//	How do you want me to play this?            → On how to play this
//	Where do you think I should start?          → On where to start
//	What line should we take?                   → On what line to take
//	Any thoughts on how we respond?             → On how to respond
//	How should the flasks be split with Rossi?  → On how the flasks should be split with Rossi
//	How should I reply them?                    → On how to reply to them
//
// It returns "" when the question names nothing but the handover ("what
// should I do?", "what do you suggest?") or its shape is not one of these.
func indirectTopic(q string) string {
	q = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(q), "?!.… "))
	q = standpointRE().ReplaceAllString(q, "") // "… in my position"
	for _, sep := range []string{", ", "; ", " - ", " — ", " – "} {
		if i := strings.Index(q, sep); i > 0 {
			for _, t := range parse(q[i:]).Tokens {
				if indirectWH[t.Lower] {
					return "" // a second question: "how do we frame X, how do we bunch Y?"
				}
			}
			if rem := strings.Trim(q[i+len(sep):], " ?!.…"); sep != ", " && hasFact(rem) && !isAsk(rem) {
				break // "what to do about Mateo — he keeps skipping the briefing": a fact stays
			}
			q = q[:i] // "…, open to ideas", "… - ideas?"
		}
	}
	// A softener at the end is courtesy, not topic: "… when you get a
	// chance".
	for _, m := range softenerMatcher().FindAll(q, nil) {
		if strings.TrimSpace(q[m.End:]) == "" && m.Start > 0 {
			q = strings.TrimRight(q[:m.Start], " ,")
		}
	}
	s := parse(q)
	toks := s.Tokens
	for i := 1; i+1 < len(toks); i++ {
		if (toks[i].Lower == "and" || toks[i].Lower == "or") && (indirectWH[toks[i+1].Lower] || toks[i+1].Lower == "who") {
			// Two questions in one: "any thoughts on who should go and
			// what we say?". Both stay, as written, where a preposition
			// already makes them the topic; else none.
			for j, t := range toks[:i] {
				if indirectWH[t.Lower] || t.Lower == "who" || t.Lower == "whether" {
					if j > 0 && (toks[j-1].Lower == "on" || toks[j-1].Lower == "about" || toks[j-1].Lower == "re") {
						return "On " + q[t.Start:]
					}
					break
				}
			}
			return ""
		}
	}
	w := -1
	for i, t := range toks {
		if indirectWH[t.Lower] {
			w = i
			break
		}
	}
	if w < 0 {
		return ""
	}
	k := w + 1
	// The question word's own noun: "what line", "which vendor".
	if toks[w].Lower == "what" || toks[w].Lower == "which" {
		for k < len(toks) && (grammar.IsNoun(toks[k].Tag) || grammar.IsAdj(toks[k].Tag)) && !indirectAux[toks[k].Lower] && !indirectSubject[toks[k].Lower] {
			k++
		}
	}
	wh := strings.ToLower(q[toks[w].Start:toks[k-1].End])
	for k < len(toks) && toks[k].Tag == "RB" && toks[k].Lower != "not" && !indirectAux[toks[k].Lower] {
		k++ // "what exactly", "where even"
	}
	if k < len(toks) && toks[k].Lower == "to" {
		k++ // already indirect: "how to approach this"
	} else {
		aux := -1
		if k < len(toks) && indirectAux[toks[k].Lower] {
			aux = k
			k++
		} else if k+2 < len(toks) && k > w && toks[k].Tag == "PRP" && !indirectSubject[toks[k].Lower] && isModal(toks[k+1].Lower) {
			// Already in statement order, about someone else: "what she
			// can work on".
			return "On " + wh + " " + strings.TrimSpace(q[toks[k].Start:])
		}
		if k < len(toks) && !indirectSubject[toks[k].Lower] {
			// Something else acts: "how should the flasks be split …" → "how
			// the flasks should be split …".
			if aux < 0 || !isModal(toks[aux].Lower) {
				return ""
			}
			subj, ok := s.NounPhraseAt(k)
			if !ok || subj.Start != k {
				return ""
			}
			if subj.Len() >= 2 && (subj.End == len(toks) || toks[subj.End].Tag != "VB") && toks[subj.End-1].Text == toks[subj.End-1].Lower {
				subj.End-- // the verb read as the head of a compound: "the team prioritise"
			}
			if subj.End >= len(toks) || !hasFact(s.Of(subj)) {
				return ""
			}
			verb := toks[subj.End]
			if verb.Lower != "be" && verb.Tag != "VB" && verb.Tag != "VBP" && verb.Tag != "NN" {
				return ""
			}
			return "On " + wh + " " + q[toks[subj.Start].Start:toks[subj.End-1].End] + " " + toks[aux].Lower + " " + q[verb.Start:]
		}
		if k >= len(toks) {
			return ""
		}
		k++ // I, we, you
		for k < len(toks) && toks[k].Tag == "RB" && toks[k].Lower != "not" && toks[k].Lower != "n't" {
			k++ // "even", "exactly"
		}
		// The handover around the action: "want me to", "think we should",
		// "supposed to".
		for step := 0; step < 3 && k < len(toks); step++ {
			switch t := toks[k].Lower; {
			case t == "want" || t == "like" || t == "need" || t == "supposed" || t == "meant" || t == "expected" || t == "going":
				k++
				if k < len(toks) && (toks[k].Lower == "me" || toks[k].Lower == "us") {
					k++
				}
				if k < len(toks) && toks[k].Lower == "to" {
					k++
				} else {
					return ""
				}
			case t == "think" || t == "reckon":
				k++
				if k < len(toks) && indirectSubject[toks[k].Lower] && toks[k].Lower != "you" {
					k++
				}
				if k < len(toks) && isModal(toks[k].Lower) {
					k++
				}
			case isModal(t) && step == 0:
				k++
			}
		}
	}
	if k >= len(toks) {
		return ""
	}
	verb := toks[k]
	// The slot after "should I" or "to" holds a bare verb, which the tagger
	// often reads as a noun ("structure her first month", "staff the
	// matter").
	slot := verb.Tag == "VB" || verb.Tag == "VBP" && !strings.HasSuffix(verb.Lower, "s") || verb.Tag == "NN" && verb.Text == verb.Lower
	if !slot || verb.Lower == "be" || indirectAux[verb.Lower] && verb.Lower != "do" {
		return ""
	}
	rest := strings.TrimSpace(q[verb.Start:])
	if k+1 == len(toks) && wh != "what" && !strings.HasPrefix(wh, "what ") && !strings.HasPrefix(wh, "which") && !slices.Contains(intransitiveVerbs, verb.Lower) && !bareInfinitive[verb.Lower] {
		return "" // "how do you want us to handle?": the object is missing
	}
	switch verb.Lower {
	case "do", "have", "get", "go", "think", "want", "like", "suggest", "recommend", "advise":
		if !namesSomething(rest[len(verb.Text):]) {
			return "" // "what should I do", "where do we go from here": only the handover
		}
	}
	if k+1 < len(toks) {
		if p, ok := indirectPrep[verb.Lower]; ok && needsPreposition(verb.Lower, toks[k+1]) {
			// "reply them": the verb's own preposition, which the question
			// slipped.
			rest = q[verb.Start:verb.End] + " " + p + " " + strings.TrimSpace(q[verb.End:])
		}
	}
	return "On " + wh + " to " + rest
}

// indirectWH are the question words an indirect question keeps.
var indirectWH = map[string]bool{"how": true, "what": true, "where": true, "which": true, "when": true}

// indirectAux are the auxiliaries of a question's inversion.
var indirectAux = map[string]bool{
	"should": true, "shall": true, "can": true, "could": true, "would": true, "will": true, "must": true,
	"might": true, "do": true, "does": true, "did": true, "am": true, "are": true, "is": true, "'m": true, "'re": true,
}

// indirectSubject are the people whose action an infinitive can carry.
var indirectSubject = map[string]bool{"i": true, "we": true, "you": true, "u": true}

// isModal reports whether w is a modal verb (or "ought").
func isModal(w string) bool {
	switch w {
	case "should", "shall", "can", "could", "would", "will", "must", "might", "ought":
		return true
	}
	return false
}

// indirectPrep gives the preposition of the prepositional verbs that take
// "to" (see prepositionalVerbs).
var indirectPrep = map[string]string{
	"reply": "to", "respond": "to", "react": "to", "listen": "to", "talk": "to", "speak": "to",
	"apologise": "to", "apologize": "to", "object": "to",
}

// bareInfinitive are verbs that need no object after "how to" or "where
// to", besides intransitiveVerbs: "where to start".
var bareInfinitive = map[string]bool{"start": true, "begin": true, "prepare": true}

// namesSomething reports whether s has a noun, a number or a verb other
// than a form of "be", "have" or "do": "about the lease", "when nobody
// responds"; not "with that", "now", "from here".
func namesSomething(s string) bool {
	if hasFact(s) {
		return true
	}
	for _, t := range parse(s).Tokens {
		if strings.HasPrefix(t.Tag, "VB") {
			switch t.Lower {
			case "be", "is", "are", "was", "were", "been", "have", "has", "had", "do", "does", "did":
			default:
				return true
			}
		}
	}
	return false
}
