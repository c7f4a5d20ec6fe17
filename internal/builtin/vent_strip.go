package builtin

import (
	"strings"
	"unicode"
)

// A vent is often one clause of a sentence that also states a fact:
// "printer in the staffroom has been broken for 3 weeks and apparently
// nobody in IT cares". ventless keeps the clauses that state facts, drops
// those that vent, blame or mock (a clause with a vent cue), and asks for
// a change with whoever the vent named:
//
//	→ "Printer in the staffroom has been broken for 3 weeks. Could we agree [a fix] with IT by [date]?"
//
// Where every clause vents, the subject of the first is kept as the
// topic: "this hiring freeze is going to kill us and leadership doesn't
// even care" → "This hiring freeze [is affecting what]. Could we agree [a
// way forward] with leadership by [date]?"

// ventless returns the facts of body without its vents, with a request,
// or "" when nothing of it is left to keep.
func ventless(body string) (facts, party string, ok bool) {
	clauses, seps := splitClauses(body)
	var kept []string
	anyVent := false
	for i, c := range clauses {
		c = stripVentAdverbs(c)
		if isVent(c) {
			anyVent = true
			if p, named := partyOf(c); named && party == "" && p != "them" {
				party = p
			}
			continue
		}
		c = strings.TrimRight(stripVentAdverbs(c), "?!")
		if !hasVerb(c) || len(strings.Fields(c)) < 3 {
			continue
		}
		if len(kept) > 0 {
			c = seps[i] + c
		}
		kept = append(kept, c)
	}
	if !anyVent {
		return "", "", false
	}
	if len(kept) == 0 {
		// Every clause vents: keep the first one's subject as the topic,
		// where it names a thing, not people.
		s := parse(clauses[0])
		c, _, ok := s.Subject(0)
		if !ok || c.Start != 0 || s.Tokens[c.Start].Tag == "PRP" || s.Tokens[c.Start].Tag == "EX" || partyLike(s, c) {
			return "", "", false
		}
		np := s.Of(c)
		if isVent(np) || len(strings.Fields(np)) > 6 || strings.EqualFold(np, "this") || strings.EqualFold(np, "that") {
			return "", "", false
		}
		return upperFirst(lowerNP(s, c)) + " [" + be(s, c) + " affecting what]", party, true
	}
	if party == "" {
		if p, named := partyOf(kept[0]); named && p != "them" {
			party = p
		}
	}
	out := strings.Join(kept, "")
	out = strings.TrimRight(strings.TrimSpace(out), " ,;:—-")
	return upperFirst(out), party, true
}

// hasVerb reports whether a clause has a verb of its own.
func hasVerb(c string) bool {
	for _, t := range parse(c).Tokens {
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
	}
	return false
}

// isVent reports whether a clause has a vent cue.
func isVent(c string) bool {
	l := " " + strings.ToLower(strings.ReplaceAll(c, "’", "'")) + " "
	for _, w := range complaint.fix.ventCues {
		if strings.Contains(l, w) {
			return true
		}
	}
	// Shouting: "NOW they want it".
	for _, w := range strings.Fields(c) {
		if len(w) >= 3 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLower) < 0 && strings.IndexFunc(w, unicode.IsLetter) >= 0 && !acronymish(w) {
			return true
		}
	}
	t := strings.TrimSpace(c)
	return strings.HasSuffix(t, "?") && (questionLead(firstWord(t)) || strings.HasPrefix(strings.ToLower(t), "why"))
}

// acronymish reports whether an all-caps word reads as an acronym (SEN,
// NVR, CI), not as shouting.
func acronymish(w string) bool {
	w = strings.Trim(w, ".,;:!?()\"'")
	switch w {
	case "NOW", "AGAIN", "ALWAYS", "NEVER", "EVERY", "STILL", "WHY", "NOBODY":
		return false
	}
	return len(w) <= 4
}

// stripVentAdverbs drops the adverbs that carry feeling from a kept clause.
func stripVentAdverbs(c string) string {
	for _, a := range complaint.fix.ventAdverbs {
		for {
			i := strings.Index(strings.ToLower(c), a)
			if i < 0 || i > 0 && c[i-1] != ' ' && a[0] != ' ' {
				break
			}
			c = c[:i] + c[i+len(a):]
		}
	}
	return strings.Join(strings.Fields(c), " ")
}

// splitClauses cuts a sentence body at its clause breaks; seps[i] is what
// came before clause i (the break, as written).
func splitClauses(body string) (clauses, seps []string) {
	breaks := []string{". ", "! ", "? ", "; ", " — ", " – ", " - ", ", and ", ", but ", " and ", " but ", ", so ", ", which ", ", ", " because ", ": "}
	rest, sep := body, ""
	for rest != "" {
		cut, blen := len(rest), 0
		lo := strings.ToLower(rest)
		for _, b := range breaks {
			if i := strings.Index(lo, b); i >= 0 && i < cut {
				cut, blen = i, len(b)
			}
		}
		clauses = append(clauses, strings.TrimSpace(rest[:cut]))
		seps = append(seps, sep)
		if cut == len(rest) {
			break
		}
		sep = rest[cut : cut+blen]
		if strings.TrimSpace(sep) == "," || strings.HasPrefix(sep, ", ") {
			sep = ", "
		}
		rest = rest[cut+blen:]
	}
	return clauses, seps
}

// ventlessRequest is the rewrite of a vent as its facts and a request.
func ventlessRequest(body string) (candidate, bool) {
	facts, party, ok := ventless(body)
	if !ok {
		return candidate{}, false
	}
	ask := "Could we agree [a fix] by [date]?"
	if strings.HasSuffix(facts, " affecting what]") {
		ask = "Could we agree [a way forward] by [date]?"
	}
	if party != "" {
		ask = strings.Replace(ask, "] by", "] with "+party+" by", 1)
	}
	return candidate{"State the facts and ask for a change", finish(facts) + " " + ask}, true
}
