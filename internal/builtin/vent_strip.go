package builtin

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
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

// ventless returns the facts of body without its vents, whoever the vents
// named (party), and the request that fits them (ask; "" for the general
// one), or ok false when nothing of it is left to keep.
func ventless(body string) (facts, party, ask string, ok bool) {
	label := ""
	if i := strings.Index(body, ": "); i > 0 && i < 40 && labelLike(body[:i]) {
		label, body = body[:i+2], body[i+2:] // "Core banking upgrade: …" stays
	} else {
		label, body = dashLabel(body)
	}
	body, anyVent := stripVentLead(stripConjunction(body))
	clauses, seps := splitClauses(body)
	var kept []string
	verdictLabel := false // the label is the subject of a verdict that went
	for i, c := range clauses {
		if u := unshout(c); u != c {
			anyVent, c = true, u // "they NEVER answer the phone" → "they never answer the phone"
		}
		if a := stripVentAdverbs(c); a != strings.Join(strings.Fields(c), " ") {
			// "down AGAIN", "still hasn't": repetition is a vent, "just" is not.
			anyVent = anyVent || repeatAdverbRE().MatchString(c)
			c = a
		}
		c, lead := stripVentLead(c)
		anyVent = anyVent || lead
		if j := plainJabs(c); j != c {
			anyVent, c = true, j // "I give up on getting a straight answer" → "I haven't been able to get …"
		}
		if t, p, ok := niceOfAsFact(c); ok {
			// "nice of the department to schedule X" → "the department has scheduled X".
			anyVent, c = true, t
			if party == "" {
				party = p
			}
		} else if m := pronounNeverRE().FindStringSubmatch(c); m != nil && hardFact(m[3]) && hasFact(m[3]) {
			// "they NEVER answer the phone at the pharmacy on a sunday" →
			// "they don't answer the phone at the pharmacy on a sunday": the
			// when is the fact.
			not := " don't "
			if l := strings.ToLower(m[1]); l == "he" || l == "she" || l == "it" {
				not = " doesn't "
			}
			anyVent, c = true, m[1]+not+m[2]+m[3]
		} else if t, ok := neverAsFact(c); ok {
			// "my own work never moves" → "my own work doesn't move"
			anyVent, c = true, t
		} else if t, a, ok := blameAsFact(c); ok {
			// "nobody cleans up their docker images" → "docker images
			// aren't being cleaned up"; "nobody wants to own it" → an owner.
			anyVent = true
			if a != "" && ask == "" {
				ask = a
			}
			if p, named := partyIn(c); named && party == "" && goodParty(p) {
				party = p // "nobody from IT answered …": IT
			}
			if t == "" {
				continue
			}
			c = t
		} else if m := verdictRE().FindStringSubmatch(strings.TrimRight(c, "?!.… ")); m != nil && len(kept) == 0 && i+1 < len(clauses) &&
			hasFact(m[1]) && !isVent(m[1]) && !partyLike(parse(m[1]), grammar.Chunk{Start: 0, End: len(parse(m[1]).Tokens)}) && topicLike(m[1]) {
			// "The new size guide is a trainwreck and I'm the one fielding
			// every angry customer": the verdict goes, its subject labels
			// what follows ("The new size guide: I'm the one …").
			anyVent = true
			if label == "" {
				label, verdictLabel = upperFirst(m[1])+": ", true
			}
			continue
		} else if t, ok := contrastHalf(c, kept); ok {
			// "only ever phones me when something's gone wrong and never
			// when it's gone right": the other half of the contrast is the
			// point, said plainly ("…, not when it's gone right").
			anyVent, c, seps[i] = true, t, ", "
		} else if len(kept) > 0 && strings.ContainsAny(seps[i], ".!?\n") && ventSentence(c) {
			anyVent = true // "… from a tweet. love being the last to know"
			continue
		} else if isVent(c) && !factBeside(c) || scareQuoted(c, true) {
			anyVent = true
			if p, named := partyIn(c); named && party == "" {
				party = p
			}
			continue
		}
		c = strings.TrimRight(plainJabs(stripVentAdverbs(unquoteScare(c))), "?!")
		if len(strings.Fields(c)) < 3 {
			if l := strings.ToLower(seps[i]); len(kept) > 0 && c != "" && (l == " and " || l == ", and " || l == " or ") && !hasVerb(c) {
				kept[len(kept)-1] += seps[i] + c // "me down as both scrub and runner"
			}
			continue
		}
		if danglingAtEnd(c) {
			return "", "", "", false // "I would appreciate it if": what follows it went
		}
		if !hasVerb(c) && !(hasFact(c) && (len(kept) > 0 || i+1 < len(clauses) && nounFirst(c))) {
			// A fragment, unless it names a fact beside what is kept: "…
			// but not for a second coordinator", "QA environment down;
			// third time this sprint", "…, six months after go-live".
			continue
		}
		if len(kept) > 0 {
			c = rejoin(seps[i], c)
		} else if seps[i] == " because " || seps[i] == ", so " {
			continue // the cause of a vent alone: "… because nobody …" kept above
		}
		kept = append(kept, c)
	}
	if !anyVent {
		return "", "", "", false
	}
	if len(kept) == 0 {
		// Every clause vents: keep the first one's topic, a thing the
		// writer is concerned about, not people.
		np, ok := ventTopic(clauses[0])
		if !ok || !onlyFactIs(clauses, np) || subordinate(body) {
			return "", "", "", false
		}
		return "I'm concerned about " + np + ": [why]", party, "Could we agree [a way forward] by [date]?", true
	}
	if party == "" {
		if p, named := partyOf(kept[0]); named && p != "them" {
			party = p
		}
	}
	out := strings.Join(kept, "")
	out = strings.TrimRight(strings.TrimSpace(trimTail(out)), " ,;:—-")
	if rest, ok := strings.CutPrefix(out, "that "); ok && clause(rest) {
		out = rest // "It's disappointing that the committee overruled us"
	}
	out = capitalI(resolveOne(out, clauses))
	if verdictLabel {
		return label + lowerFirst(out), party, ask, true
	}
	return label + upperFirst(out), party, ask, true
}

// danglingEnd are words a kept clause cannot end with: what they
// introduce was cut.
var danglingEnd = map[string]bool{"if": true, "when": true, "that": true, "because": true, "as": true, "than": true,
	"whether": true, "to": true, "of": true, "for": true, "with": true, "the": true, "a": true}

// danglingAtEnd reports whether a clause ends with a word whose object
// was cut ("I would appreciate it if"); a preposition stranded after its
// verb ("a meeting none of us were invited to", "what we asked for") is
// the writer's own and stays.
func danglingAtEnd(c string) bool {
	before, w := cutLastWord(c)
	l := strings.ToLower(w)
	if !danglingEnd[l] {
		return false
	}
	switch l {
	case "to", "of", "for", "with":
		if toks := parse(before).Tokens; len(toks) > 0 && grammar.IsVerb(toks[len(toks)-1].Tag) {
			return false
		}
	}
	return true
}

// subordinate reports whether a text has a subordinate clause of time or
// condition ("… whenever I'm not stuck …"): a vent of that shape says
// more than its topic.
func subordinate(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch w {
		case "when", "whenever", "until", "if", "unless", "because", "since", "before", "after", "while":
			return true
		}
	}
	return false
}

// onlyFactIs reports whether the clauses name no fact but the topic np and
// the people they blame: only then may the topic alone stand for them.
func onlyFactIs(clauses []string, np string) bool {
	for _, c := range clauses {
		toks := parse(c).Tokens
		for i, t := range toks {
			if !grammar.IsNoun(t.Tag) && t.Tag != "CD" || strings.Contains(np, t.Text) || nonFactNouns[t.Lower] || partyNouns[t.Lower] || anaphoric(toks, i) {
				continue
			}
			if t.Tag == "CD" && t.Lower == "one" || t.Lower == "nobody" || t.Lower == "everyone" {
				continue
			}
			return false
		}
	}
	return true
}

// ventTopic returns the thing a clause of pure vent is about: its
// subject ("this hiring freeze is going to kill us"), or where the writer
// is the subject, the thing after the verb ("I'm being set up to fail
// with this territory").
func ventTopic(c string) (string, bool) {
	s := parse(c)
	sub, _, ok := s.Subject(0)
	if !ok || sub.Start != 0 {
		return "", false
	}
	if t := s.Tokens[sub.Start]; t.Tag == "PRP" || t.Tag == "EX" {
		if t.Lower != "i" && t.Lower != "we" {
			return "", false
		}
		sub, ok = grammar.Chunk{}, false
		for _, np := range s.NounPhrases() {
			if np.Start > 1 && s.Tokens[np.Start].Tag != "PRP" && !partyLike(s, np) {
				sub, ok = np, true
				break
			}
		}
		if !ok {
			return "", false
		}
	} else if partyLike(s, sub) {
		return "", false
	}
	np := lowerNP(s, sub)
	if isVent(np) || len(strings.Fields(np)) > 6 || strings.EqualFold(np, "this") || strings.EqualFold(np, "that") || strings.EqualFold(np, "it") || complaint.fix.ventNouns[strings.ToLower(np)] {
		return "", false
	}
	return np, true
}

// stripVentLead drops what opens a clause as sarcasm or protest and
// carries no fact ("funny how", "can't believe", "told you", "sorry to
// moan but"), and reports whether it did.
func stripVentLead(c string) (string, bool) {
	stripped := false
	if rest, ok := cutNotThat(c); ok {
		c, stripped = rest, true
	}
	for again := true; again; {
		again = false
		if rest, ok := cutVerdictFrame(c); ok {
			c, stripped, again = rest, true, true
			continue
		}
		if m := shouldNotHaveRE().FindStringSubmatch(c); m != nil {
			// "I should not have to find out from the customer that …" →
			// "I heard from the customer that …"
			c, stripped = plainTold("I had to "+m[1]), true
			continue
		}
		l := strings.ToLower(strings.ReplaceAll(c, "’", "'"))
		for _, w := range complaint.fix.ventLeads {
			if strings.HasPrefix(l, w) && len(l) > len(w) && strings.ContainsRune(" ,:—-", rune(l[len(w)])) {
				c = strings.TrimLeft(c[len(w):], " ,:—-")
				stripped, again = true, true
				break
			}
		}
	}
	return c, stripped
}

var (
	// nobodyDoesRE: "nobody (ever) cleans up their docker images".
	nobodyDoesRE = lazyRE(`(?i)^(?:nobody|no one|no-one)(?: ever| really)? (\w+?)(?:es|s)( up| out| back| off)? ((?:the|their|our|my|his|her|its|any|these|those) .+)$`)
	// nobodyOwnsRE: "nobody wants to own it", "no one will take ownership of the returns process".
	nobodyOwnsRE = lazyRE(`(?i)^(?:nobody|no one|no-one) (?:wants to|will|is willing to|seems to want to|is going to) (?:own|take ownership of|take on|pick up) (.+)$`)
)

// blameAsFact rewrites a clause that blames nobody-in-particular as the
// fact it implies: "nobody cleans up their docker images" → "docker
// images aren't being cleaned up"; "nobody wants to own it" → no fact, and
// the ask to agree an owner.
func blameAsFact(c string) (fact, ask string, ok bool) {
	if f, ok := nobodyToldAsFact(c); ok {
		return f, "", true
	}
	if m := nobodyListenedRE().FindStringSubmatch(strings.TrimSpace(c)); m != nil && strings.TrimSpace(m[2]) != "" {
		// "nobody listened to QA" → "QA wasn't listened to"
		be := map[bool]string{true: "wasn't", false: "isn't"}[strings.HasSuffix(strings.ToLower(m[1]), "ed")]
		return m[2] + " " + be + " listened to" + m[3], "", true
	}
	if m := nobodyOwnsRE().FindStringSubmatch(c); m != nil {
		what := strings.TrimSpace(m[1])
		return "", "Could we agree an owner for " + what + " by [date]?", true
	}
	if m := nobodyDidRE().FindStringSubmatch(c); m != nil {
		// "nobody from IT answered the hotline" → "the hotline wasn't answered"
		obj := m[2]
		s := parse(obj)
		if np, has := s.NounPhraseAt(0); has && np.End == len(s.Tokens) && hasFact(obj) {
			aux := "wasn't"
			if plural(s, np) {
				aux = "weren't"
			}
			return obj + " " + aux + " " + strings.ToLower(m[1]), "", true
		}
	}
	m := nobodyDoesRE().FindStringSubmatch(c)
	if m == nil {
		return "", "", false
	}
	verb := strings.ToLower(m[1])
	if strings.HasSuffix(strings.ToLower(c[len(c)-len(m[3])-len(m[2])-len(m[1])-3:]), "es") && strings.HasSuffix(verb, "s") {
		return "", "", false
	}
	pp, ok := pastParticiple(verb)
	if !ok {
		return "", "", false
	}
	obj := m[3]
	for _, d := range []string{"their ", "our ", "my ", "his ", "her ", "its ", "any "} {
		if strings.HasPrefix(strings.ToLower(obj), d) {
			obj = obj[len(d):]
		}
	}
	s := parse(obj)
	np, has := s.NounPhraseAt(0)
	if !has || np.End != len(s.Tokens) {
		return "", "", false
	}
	aux := "isn't"
	if plural(s, np) {
		aux = "aren't"
	}
	return obj + " " + aux + " being " + pp + m[2], "", true
}

// pastParticiple returns the past participle of a regular verb's stem
// as cut from "-s"/"-es" ("clean" → "cleaned", "updat" → "updated"): the
// verbs a blame clause uses; ok is false for a verb it does not know.
func pastParticiple(stem string) (string, bool) {
	switch stem {
	case "clean", "answer", "check", "review", "test", "monitor", "follow", "fix", "own", "watch", "triag", "updat",
		"chas", "fill", "maintain", "document", "replac", "restock", "empty", "process", "action", "escalat", "respond to",
		"clear", "sort", "track", "label", "return", "report", "order", "book", "sign", "approv", "archiv", "read",
		"schedul", "mov", "cancel", "chang", "announc", "decid", "assign", "add", "cut", "shift", "push":
	default:
		return "", false
	}
	switch {
	case stem == "read":
		return "read", true
	case stem == "empty":
		return "emptied", true
	case strings.HasSuffix(stem, "e"):
		return stem + "d", true
	case stem == "cut":
		return "cut", true
	case stem == "triag" || stem == "updat" || stem == "chas" || stem == "replac" || stem == "escalat" || stem == "approv" || stem == "archiv" ||
		stem == "schedul" || stem == "mov" || stem == "chang" || stem == "announc" || stem == "decid":
		return stem + "ed", true
	}
	return stem + "ed", true
}

// scareQuoted reports whether a clause puts a few words of its own in
// scare quotes: "maintenance is 'looking into it'"; atEnd asks for a
// quote that ends the clause (sarcasm about what someone says), not one
// in the middle ("the fourth round of 'final' mockups").
func scareQuoted(c string, atEnd bool) bool {
	m := scareRE().FindStringSubmatchIndex(c)
	if m == nil {
		return false
	}
	return !atEnd || strings.TrimSpace(strings.Trim(c[m[1]:], " .!?,")) == ""
}

// scareRE matches a few lower-case words in quotes.
var scareRE = lazyRE(`(?:^|\s)['‘"“]([a-z][a-z' ]{0,40}?)['’"”](?:\s|[.,!?]|$)`)

// unquoteScare drops scare quotes from a clause: a single word goes with
// its quotes ("'final' mockups" → "mockups"), longer ones keep their words.
func unquoteScare(c string) string {
	for i := 0; i < 4; i++ {
		m := scareRE().FindStringSubmatchIndex(c)
		if m == nil {
			return c
		}
		inner := c[m[2]:m[3]]
		qs := m[2] - 1 // the opening quote
		for qs > 0 && c[qs]&0xC0 == 0x80 {
			qs--
		}
		qe := m[3]
		_, n := utf8.DecodeRuneInString(c[qe:])
		qe += n
		if strings.TrimSpace(c[:qs]) == "" && !strings.Contains(inner, " ") {
			return c // a quoted word that opens the clause is its subject: "'urgent' means …"
		}
		if strings.Contains(inner, " ") || scareVerb(c, inner) || !modifies(c[qe:]) {
			// "the system 'optimised' the routes": the verb stays.
			c = c[:qs] + inner + c[qe:]
		} else {
			c = strings.Join(strings.Fields(c[:qs]+c[qe:]), " ")
		}
	}
	return c
}

// partyIn returns the first noun phrase of a clause that names people
// ("nobody in IT cares" → "IT", "management has forgotten about us").
func partyIn(c string) (string, bool) {
	if p, named := partyOf(c); named && p != "them" {
		return p, true
	}
	if m := nobodyFromRE().FindStringSubmatch(c); m != nil {
		return m[1], true // "nobody in IT cares", "no one from the vendor team replied"
	}
	s := parse(c)
	for _, np := range s.NounPhrases() {
		if s.Tokens[np.Start].Tag == "PRP" || np.Len() > 4 || np.End < len(s.Tokens) && grammar.IsNoun(s.Tokens[np.End].Tag) {
			continue // a pronoun, too long for a name, or "the procurement [portal]"
		}
		switch s.Tokens[np.Start].Lower {
		case "nobody", "no", "everyone", "everybody", "someone", "anyone":
			continue
		}
		if partyLike(s, np) && np.End < len(s.Tokens) && (grammar.IsVerb(s.Tokens[np.End].Tag) || s.Tokens[np.End].Tag == "WDT" || s.Tokens[np.End].Tag == "WP") {
			return lowerNP(s, np), true // the subject of a blame: "nobody in IT cares", "management has forgotten"
		}
	}
	return "", false
}

// hasVerb reports whether a clause has a verb of its own.
func hasVerb(c string) bool {
	toks := parse(c).Tokens
	for i, t := range toks {
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
		// "a 10-minute job needs 3 approvals": the tagger reads "needs" as
		// a plural noun after a noun; said after "it", it is a verb.
		if t.Tag == "NNS" && i > 0 && i+1 < len(toks) && strings.HasPrefix(toks[i-1].Tag, "NN") &&
			slices.Contains([]string{"DT", "CD", "JJ", "PRP$", "PRP", "RB"}, toks[i+1].Tag) &&
			grammar.ParseAfter("it ", t.Text).Tokens[0].Tag == "VBZ" {
			return true
		}
	}
	return false
}

// isVent reports whether a clause has a vent cue.
func isVent(c string) bool {
	l := " " + strings.ToLower(strings.ReplaceAll(c, "’", "'")) + " "
	for _, w := range complaint.fix.factPhrases {
		l = strings.ReplaceAll(l, w, " ")
	}
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

// unshout lowers the shouted words of c that are not acronyms ("they
// NEVER answer", "down AGAIN").
func unshout(c string) string {
	ws := strings.Fields(c)
	changed := false
	for i, w := range ws {
		if len(w) >= 3 && strings.ToUpper(w) == w && strings.IndexFunc(w, unicode.IsLower) < 0 && strings.IndexFunc(w, unicode.IsLetter) >= 0 && !acronymish(w) && strings.IndexFunc(w, unicode.IsDigit) < 0 {
			ws[i], changed = strings.ToLower(w), true
		}
	}
	if !changed {
		return c
	}
	return strings.Join(ws, " ")
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
	c = youKnowRE().ReplaceAllString(c, " ") // "instead of, you know, a human"
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

// rejoin puts clause c back after the clause before it, with its separator
// sep; a sentence's full stop starts a new capitalised sentence.
func rejoin(sep, c string) string {
	if t := strings.TrimSpace(sep); t == "." || t == "!" || t == "?" {
		return ". " + upperFirst(c)
	}
	return sep + c
}

// splitClauses cuts a sentence body at its clause breaks; seps[i] is what
// came before clause i (the break, as written).
func splitClauses(body string) (clauses, seps []string) {
	breaks := []string{". ", "! ", "? ", "; ", " 🙃 ", " 🙄 ", " — ", " – ", " - ", ", and ", ", but ", " and ", " but ", ", so ", ", which ", ", ", " because ", ": "}
	rest, sep := body, ""
	for rest != "" {
		cut, blen := len(rest), 0
		lo := strings.ToLower(rest)
		for _, b := range breaks {
			i := strings.Index(lo, b)
			for i >= 0 && b == ". " && document.AbbrevAt(rest, i) {
				// "the study coordinator at St. Luke's": no break
				j := strings.Index(lo[i+len(b):], b)
				if j < 0 {
					i = -1
					break
				}
				i += len(b) + j
			}
			if i >= 0 && i < cut {
				cut, blen = i, len(b)
			}
		}
		clauses = append(clauses, strings.TrimSpace(rest[:cut]))
		seps = append(seps, sep)
		if cut == len(rest) {
			break
		}
		sep = rest[cut : cut+blen]
		if l := strings.ToLower(sep); strings.TrimSpace(sep) == "," || strings.HasPrefix(sep, ", ") && !strings.HasPrefix(l, ", and") && !strings.HasPrefix(l, ", but") && l != ", which " {
			sep = ", " // ", and", ", but" and ", which" join what is kept as written
		}
		rest = rest[cut+blen:]
	}
	return clauses, seps
}

// capitalI writes the pronoun "i" of chat as "I".
func capitalI(s string) string {
	return iRE().ReplaceAllStringFunc(s, func(m string) string { return strings.Replace(m, "i", "I", 1) })
}

// iRE matches a lower-case pronoun "i" ("i'm", "i've", "i").
var iRE = lazyRE(`\bi(?:'m|’m|'ve|’ve|'d|’d|'ll|’ll)?\b`)

// resolveOne names the thing a kept "the … one" points back to when the
// clause that named it was dropped: "the volunteer coordinator gets a new
// laptop and i'm still on the 2014 one" → "the 2014 laptop".
func resolveOne(kept string, clauses []string) string {
	m := theOneRE2().FindStringIndex(kept)
	if m == nil {
		return kept
	}
	for _, c := range clauses {
		if strings.Contains(kept, c) {
			continue
		}
		if n := newThingRE().FindStringSubmatch(c); n != nil {
			return kept[:m[1]-len("one")] + n[1] + kept[m[1]:]
		}
	}
	return kept
}

var (
	// theOneRE2: "the 2014 one", "the old one".
	theOneRE2 = lazyRE(`\bthe (?:\w+ ){1,2}one\b`)
	// newThingRE: "a new laptop", "new chairs".
	newThingRE = lazyRE(`\bnew (\w+)\b`)
)

// ventlessRequest is the rewrite of a vent as its facts and a request.
func ventlessRequest(body string) (candidate, bool) {
	facts, party, ask, ok := ventless(body)
	if !ok || !statementLike(strings.TrimPrefix(facts, "I'm concerned about ")) {
		return candidate{}, false
	}
	if ask == "" {
		ask = "Could we agree " + fixOrWay(facts) + " by [date]?"
	}
	if party != "" && askParty(party, facts) && strings.HasPrefix(ask, "Could we agree [") {
		ask = strings.Replace(ask, "] by", "] with "+party+" by", 1)
	}
	return candidate{ventFactsTitle, finish(facts) + " " + ask}, true
}

// A complaint's rewrite replaces, with its own sentence, the sentences
// beside it in its paragraph or list item that only vent and state no
// fact ("It's ridiculous.", "I'm so done with this system.", "Every
// month."): left after a request, they undo it. A sentence with a fact
// (a number, a name, a thing not already named) is never covered.

// ventCover widens core, the sentences a complaint rewrite replaces, over
// the vent-only sentences beside it in its block.
func ventCover(v blockView, core document.Span) document.Span {
	ss := v.b.Sentences
	lo, hi := v.sentenceAt(core.Start), v.sentenceAt(max(core.Start, core.End-1))
	if lo < 0 || hi < 0 {
		return core
	}
	for lo > 0 && ventOnly(v, ss[lo-1]) {
		lo--
	}
	for hi+1 < len(ss) && ventOnly(v, ss[hi+1]) {
		hi++
	}
	out := core
	if lo < v.sentenceAt(core.Start) {
		out.Start = ss[lo].Start + len(v.src(ss[lo])) - len(strings.TrimLeft(v.src(ss[lo]), " \t"))
	}
	if e := trimSentence(v, ss[hi]); e.End > out.End {
		out.End = e.End
	}
	return out
}

// factCore returns the sentence a complaint's rewrite is built from: sent
// itself, or, where sent only vents ("It's ridiculous."), the sentence
// before it (or else after it) in its block that states what the vent is
// about. ok is false when sent is its own core.
func factCore(v blockView, sent document.Span) (document.Span, bool) {
	if !ventOnly(v, sent) {
		return sent, false
	}
	ss := v.b.Sentences
	si := v.sentenceAt(sent.Start)
	if si < 0 {
		return sent, false
	}
	for _, j := range []int{si - 1, si + 1} {
		if j < 0 || j >= len(ss) || ventOnly(v, ss[j]) {
			continue
		}
		t := strings.TrimSpace(v.masked(ss[j]))
		if strings.HasSuffix(t, "?") && !strings.Contains(strings.ToLower(t), "why ") && !whoRE().MatchString(t) || opensWith(t, problemOnly.fix.asks) || !hasFact(t) {
			continue
		}
		return trimSentence(v, ss[j]), true
	}
	return sent, false
}

// ventOnly reports whether a sentence of the block vents (a vent cue, or
// a complaint phrase in it) and states no fact.
func ventOnly(v blockView, s document.Span) bool {
	_, body, _ := sentenceParts(plainSentence(v, s))
	if body == "" {
		return false
	}
	if _, ok := repeatCount(body); ok || emphasisOnly(body) {
		return true // "Again.", "Fourth week asking." (its count is kept: see keepCounts)
	}
	vent := isVent(body) && !strings.HasSuffix(strings.TrimSpace(v.src(trimSentence(v, s))), "?") || strings.HasPrefix(strings.ToLower(body), "why")
	if !vent {
		for _, h := range v.scan.hits[v.idx] {
			if h.group.rule == "complaint" && h.group != complaint.groups.ask && s.Start <= h.span.Start && h.span.End <= s.End {
				vent = true
				break
			}
		}
	}
	return vent && !namesFact(body) || besideVent(body) && nounsElsewhere(v, s, body)
}

// nounsElsewhere reports whether every noun of body, the text of sentence
// s, is named in another sentence of the block too: "Honestly I've
// stopped expecting the telephony vendor to read my emails" is the only
// place the vendor is named.
func nounsElsewhere(v blockView, s document.Span, body string) bool {
	rest := strings.ToLower(v.doc.Text[v.b.Span.Start:s.Start] + " " + v.doc.Text[s.End:v.b.Span.End])
	for _, t := range parse(body).Tokens {
		if grammar.IsNoun(t.Tag) && !nonFactNouns[t.Lower] && t.Lower != "i" && !strings.Contains(rest, strings.TrimSuffix(t.Lower, "s")) {
			return false
		}
	}
	return true
}

// emphasisOnly reports whether a sentence is only emphasis of a repeat:
// "Every month.", "Again.", "Every single time."
func emphasisOnly(body string) bool {
	ws := strings.Fields(strings.ToLower(strings.Trim(body, " .!?…")))
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		switch strings.Trim(w, ",") {
		case "every", "single", "each", "time", "day", "week", "month", "year", "sprint", "again", "still", "always",
			"yet", "once", "more", "typical", "classic", "seriously", "unbelievable", "great", "wow", "ugh", "sigh":
		default:
			return false
		}
	}
	return true
}

// namesFact reports whether a vent sentence states a fact of its own: a
// number, a name, or a noun that is not a pointer back ("this system")
// or a word of feeling.
func namesFact(s string) bool {
	toks := parse(s).Tokens
	for i, t := range toks {
		switch {
		case t.Tag == "CD" && t.Lower != "one":
			return true
		case grammar.IsNoun(t.Tag):
			if nonFactNouns[t.Lower] || i == 0 && (t.Tag == "NNP" || t.Tag == "NNPS") || anaphoric(toks, i) {
				continue
			}
			if t.Text == strings.ToUpper(t.Text) && !acronymish(t.Text) {
				continue // shouting
			}
			return true
		}
	}
	return false
}

// anaphoric reports whether the noun at i is in a noun phrase that points
// back ("this system", "that whole process").
func anaphoric(toks []grammar.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch {
		case toks[j].Lower == "this" || toks[j].Lower == "that" || toks[j].Lower == "these" || toks[j].Lower == "those" || toks[j].Lower == "such":
			return true
		case grammar.IsAdj(toks[j].Tag) || toks[j].Tag == "RB" || grammar.IsNoun(toks[j].Tag) || toks[j].Lower == "whole":
			continue
		}
		return false
	}
	return false
}

// nonFactNouns are nouns of vents that name nothing the reader needs:
// "Thanks for the heads-up, I guess.", "What a joke."
var nonFactNouns = map[string]bool{"heads-up": true, "thanks": true, "joke": true, "record": true, "thing": true, "things": true,
	"way": true, "lot": true, "time": true, "times": true, "one": true, "point": true, "mess": true, "nightmare": true,
	"lol": true, "god": true, "life": true, "world": true, "deal": true, "fun": true, "us": true, "nothing": true, "everything": true,
	"person": true, "people": true, "mind": true, "readers": true, "stuff": true, "story": true, "anyone": true,
	"anybody": true, "everyone": true, "everybody": true, "nobody": true, "somebody": true, "someone": true, "notices": true}

// fixOrWay is what a request after the facts asks to agree: "[a fix]"
// for something broken, late or missing, "[a way forward]" otherwise.
func fixOrWay(facts string) string {
	l := " " + strings.ToLower(strings.ReplaceAll(facts, "’", "'")) + " "
	if sharedWorkRE().MatchString(l) {
		return "how this is shared out" // "I always get the night shift when…"
	}
	for _, w := range complaint.fix.brokenWords {
		if strings.Contains(l, w) {
			return "[a fix]"
		}
	}
	return "[a way forward]"
}

// sharedWorkRE: the writer or their team always given the same work.
var sharedWorkRE = lazyRE(`\b(?:(?:i|we|my [a-z]+|our [a-z]+) (?:usually|always) |every time [^,]{3,60}, (?:i|we) )(?:get|gets|have|has|end up|ends up|cover|covers|do|does|take|takes|pick up|picks up)\b`)

// niceOfRE: "nice of the department to schedule the safety training …".
var niceOfRE = lazyRE(`(?i)^(?:how |so |very |really )?(?:nice|kind|thoughtful|great|good) of ((?:the |our |my )?[\w ]{2,30}?) to (\w+) (.+)$`)

// niceOfAsFact states what sarcastic thanks report: "nice of the
// department to schedule the safety training in the middle of our beam
// time" → "the department has scheduled the safety training in the middle
// of our beam time", with the department as the party.
func niceOfAsFact(c string) (fact, party string, ok bool) {
	m := niceOfRE().FindStringSubmatch(c)
	if m == nil {
		return "", "", false
	}
	ps := parse(m[1])
	np, has := ps.NounPhraseAt(0)
	if !has || np.End != len(ps.Tokens) || ps.Tokens[0].Tag == "PRP" {
		return "", "", false
	}
	pp, known := pastParticiple(strings.TrimSuffix(strings.ToLower(m[2]), "e"))
	if !known {
		pp, known = irregularParticiple[strings.ToLower(m[2])]
	}
	if !known {
		return "", "", false
	}
	return m[1] + " " + hasHave(ps, np) + " " + pp + " " + m[3], lowerNP(ps, np), true
}

// irregularParticiple holds the participles of irregular verbs of
// sarcastic thanks ("nice of them to put …").
var irregularParticiple = map[string]string{"put": "put", "set": "set", "give": "given", "take": "taken", "send": "sent",
	"make": "made", "leave": "left", "choose": "chosen", "tell": "told", "forget": "forgotten", "drop": "dropped", "plan": "planned",
	"let": "let"}

// hasHave is "has" or "have" for a noun phrase.
func hasHave(s grammar.Sentence, c grammar.Chunk) string {
	if plural(s, c) {
		return "have"
	}
	return "has"
}

// nounFirst reports whether a fragment opens with what it names ("QA
// environment down", "three PMs on leave"), not with a preposition or an
// adverb ("in my last three emails", "twice last week").
func nounFirst(c string) bool {
	toks := parse(c).Tokens
	if len(toks) == 0 {
		return false
	}
	t := toks[0].Tag
	return grammar.IsNoun(t) || t == "CD" || t == "DT" || t == "PRP$" || grammar.IsAdj(t)
}

// repeatAdverbRE: the adverbs of repetition a kept clause loses.
var repeatAdverbRE = lazyRE(`(?i)\b(?:again|still)\b`)

// stripConjunction drops a joining word that opens a sentence and says
// nothing of its own: "So engineering decided …", "And the new HRIS …".
func stripConjunction(s string) string {
	for _, w := range []string{"so ", "and ", "but ", "well, ", "ok so ", "okay so "} {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) {
			return s[len(w):]
		}
	}
	return s
}

// labelLike reports whether what comes before ": " labels the line
// ("Benefits portal", "Marking load", "Core banking upgrade"): no verb,
// or a few words that open with a capital and do not start with "I" or
// "we".
func labelLike(s string) bool {
	if !hasVerb(s) {
		return true
	}
	f := strings.Fields(s)
	r, _ := utf8.DecodeRuneInString(s)
	return len(f) <= 3 && unicode.IsUpper(r) && f[0] != "I" && !strings.EqualFold(f[0], "we") && !isVent(s)
}

// scareVerb reports whether a scare-quoted word is the verb of its
// clause, which cannot go.
func scareVerb(c, w string) bool {
	for _, t := range parse(strings.NewReplacer("'", " ", "‘", " ", "’", " ", "\"", " ", "“", " ", "”", " ").Replace(c)).Tokens {
		if t.Text == w {
			return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "VBN" && strings.HasSuffix(w, "ed")
		}
	}
	return false
}

// nobodyFromRE: "nobody in IT", "no one from the platform team".
var nobodyFromRE = lazyRE(`(?i:\b(?:nobody|no one|no-one) (?:in|from|at|on)) ((?:the )?[A-Z][\w&]*(?: [A-Z][\w&]*)?|(?i:the )?[a-z]+ team)\b`)

// nobodyDidRE: "nobody (from IT) answered the hotline".
var nobodyDidRE = lazyRE(`(?i)^(?:nobody|no one|no-one)(?: (?:in|from|at|on) [\w& ]{1,30}?)?(?: ever)? (answered|returned|reviewed|updated|checked|signed|approved|fixed|read|replied to|picked up|cleaned|restocked|emptied|logged|booked|ordered|tested) ((?:the|our|my|their|that|this|any) .+)$`)

// modifies reports whether the text after a scare-quoted word opens with
// the noun it modifies ("the 'quick' migration"), so that the word can go;
// "closed as 'stale' by a bot" keeps it.
func modifies(after string) bool {
	toks := parse(strings.TrimLeft(after, " ")).Tokens
	return len(toks) > 0 && (grammar.IsNoun(toks[0].Tag) || grammar.IsAdj(toks[0].Tag))
}

// verdictFrameRE: "it's (so/really/…) <words> that ", the verdict checked
// against the rule's verdict frames.
// unfairOnRE: "it's not fair on the night team, who cover every Sunday".
var unfairOnRE = lazyRE(`(?i)^(?:and |but |so )?it(?:'s|’s| is| was) (?:just |really |so |simply )?(?:not fair|unfair) (?:on|to|for) ([\w' -]{2,40}?),? (?:who|that) (.+)$`)

var verdictFrameRE = lazyRE(`(?i)^(?:and |but |so )?it(?:'s|’s|s| is| was) (?:(?:so|really|very|incredibly|honestly|just|a bit|pretty|quite|frankly|absolutely|kind of|completely|totally|utterly|simply|frankly,?|bloody|rather|deeply) )*([\w' ]{2,20}?),?(?: (?:though|but|if) hardly surprising,?)? that (.+)$`)

// cutVerdictFrame drops a frame that only passes a verdict on the clause
// after it: "it is ridiculous that head office sent …" → "head office sent
// …". ok is false when c has no such frame or what follows is no clause.
func cutVerdictFrame(c string) (string, bool) {
	if m := unfairOnRE().FindStringSubmatch(strings.TrimSpace(c)); m != nil && hasVerb(m[2]) {
		// "It is not fair on the enumerators who are using their own
		// money" → "the enumerators are using their own money"
		return m[1] + " " + m[2], true
	}
	m := verdictFrameRE().FindStringSubmatch(strings.TrimSpace(c))
	if m == nil || !slices.Contains(complaint.fix.verdictFrames, strings.ToLower(m[1])) || !hasVerb(m[2]) {
		return c, false
	}
	return m[2], true
}

// shouldNotHaveRE: "I should not have to …", "we shouldn't have to …".
var shouldNotHaveRE = lazyRE(`(?i)^i (?:should not|shouldn't|shouldn’t|should never) have to (\w.+)$`)

// plainTold says the phrases of not being told in s plainly (see the
// rule's told_plainly): "I had to find out from X" → "I heard from X".
func plainTold(s string) string {
	for _, pair := range complaint.fix.toldPlainly {
		from, to, ok := strings.Cut(pair, " => ")
		if !ok {
			continue
		}
		if i := strings.Index(strings.ToLower(strings.ReplaceAll(s, "’", "'")), from); i >= 0 && (i == 0 || s[i-1] == ' ') {
			s = s[:i] + to + s[i+len(from):]
		}
	}
	return s
}

// nobodyToldRE: "nobody (ever) tells facilities anything until the day
// before", "no one asked the floor staff before changing the break
// schedule", "nobody bothered to tell the kitchen about the extra guests".
var nobodyToldRE = lazyRE(`(?i)^(?:nobody|no one|no-one)((?: (?:in|from|at|on) [\w&]+(?: [\w&]+)?)?)(?: ever| really| even)? (?:(?:bothers|bothered|thought|remembered) to |bothered )?(telling|asking|informing|warning|consulting|mentioning|tells|told|tell|asks|asked|ask|consults|consulted|consult|informs|informed|inform|warns|warned|warn|thanks|thanked|invites|invited|invite|includes|included|include|mention|mentioned|mentions) (.+)$`)

// toldParticiples are the participles of nobodyToldRE's verbs.
var toldParticiples = map[string]string{"tell": "told", "mention": "mentioned", "ask": "asked", "consult": "consulted", "inform": "informed",
	"warn": "warned", "thank": "thanked", "invite": "invited", "include": "included"}

// nobodyToldAsFact states who was not told, asked or thanked: "nobody
// tells facilities anything until the day before" → "facilities isn't
// told anything until the day before"; "nobody bothered to tell the
// kitchen about the extra 20 guests" → "the kitchen wasn't told about the
// extra 20 guests".
func nobodyToldAsFact(c string) (string, bool) {
	m := nobodyToldRE().FindStringSubmatch(strings.TrimSpace(c))
	if m == nil || hasVerb(m[1]) {
		return "", false // "nobody from housekeeping was asked": no one did the asking
	}
	m = m[1:]
	verb := strings.ToLower(m[1])
	past := strings.HasSuffix(verb, "ed") || verb == "told" || strings.Contains(strings.ToLower(c), "bothered ") ||
		strings.Contains(strings.ToLower(c), "thought to") || strings.Contains(strings.ToLower(c), "remembered to")
	stem := strings.TrimSuffix(strings.TrimSuffix(verb, "ed"), "s")
	if strings.HasSuffix(verb, "ing") {
		stem = strings.TrimSuffix(verb, "ing") // "nobody bothered telling deck crew"
	}
	if verb == "told" {
		stem = "tell"
	}
	if stem == "includ" || stem == "invit" {
		stem += "e"
	}
	pp, known := toldParticiples[stem]
	if !known {
		return "", false
	}
	obj, rest := m[2], ""
	switch l := strings.ToLower(firstWord(obj)); l {
	case "before", "beforehand", "first", "it", "this", "that", "anyone", "anybody":
		// "no one asked before allocating", "nobody thought to mention it":
		// who was not asked is not named; the missing step is.
		tail := strings.TrimSpace(strings.TrimPrefix(obj, firstWord(obj)))
		if l == "before" {
			tail = strings.TrimSpace(obj)
		}
		what := "there was no notice"
		if stem == "ask" || stem == "consult" {
			what = "there was no consultation"
		}
		return strings.TrimSpace(what + " " + tail), true
	}
	if stem == "mention" {
		return "", false // "nobody mentioned the crews were short": what, not whom
	}
	if l := strings.ToLower(firstWord(obj)); l == "me" || l == "us" {
		obj, rest = obj[:2], obj[2:]
	} else {
		s := parse(obj)
		np, ok := s.NounPhraseAt(0)
		words := strings.Fields(obj)
		if !ok || np.Start != 0 || len(words) != len(s.Tokens) || s.Tokens[0].Tag == "PRP" || s.Tokens[0].Tag == "WP" {
			return "", false
		}
		end := np.End
		for end > 1 && (s.Tokens[end-1].Lower == "anything" || s.Tokens[end-1].Lower == "everything" || s.Tokens[end-1].Lower == "nothing") {
			end-- // "facilities anything": the object is "facilities"
		}
		obj, rest = strings.Join(words[:end], " "), " "+strings.Join(words[end:], " ")
		rest = strings.TrimRight(rest, " ")
	}
	var be string
	switch l := strings.ToLower(obj); {
	case l == "me":
		obj, be = "I", map[bool]string{true: "wasn't", false: "am not"}[past]
	case l == "us":
		obj, be = "we", map[bool]string{true: "weren't", false: "aren't"}[past]
	default:
		switch l {
		case "anyone", "anybody", "everyone", "them", "him", "her", "it", "this", "that", "any", "a":
			return "", false
		}
		s := parse(obj)
		np, ok := s.NounPhraseAt(0)
		if !ok {
			return "", false
		}
		pl := plural(s, np) || pluralHead(s.Tokens[np.End-1]) || strings.HasSuffix(strings.ToLower(obj), "staff") || strings.HasSuffix(strings.ToLower(obj), "nights")
		switch {
		case past && pl:
			be = "weren't"
		case past:
			be = "wasn't"
		case pl:
			be = "aren't"
		default:
			be = "isn't"
		}
	}
	out := strings.TrimSpace(obj + " " + be + " " + pp + rest)
	if obj == "I" && be == "am not" {
		out = "I'm not " + pp + rest
	}
	if isVent(out) {
		return "", false
	}
	return out, true
}

var (
	// notThatLeadRE: "not that anyone reads the status reports, but …".
	notThatLeadRE = lazyRE(`(?i)^not that (?:anyone|anybody|it|they|you|people|management)\b[^,]*?,? but (\S.*)$`)
	// notThatTailRE: "… (not that anyone reads these)", "…, not that it bothers anyone".
	notThatTailRE = lazyRE(`(?i)^(.*\S)\s*(?:\(not that [^)]*\)|[,;—–-]\s*not that (?:anyone|anybody|it|they|you|people)\b.*)$`)
)

// cutNotThat drops a "not that anyone reads these" aside, which only
// vents: "not that anyone reads the status reports but the Q2 numbers are
// in" → "the Q2 numbers are in".
func cutNotThat(c string) (string, bool) {
	if m := notThatLeadRE().FindStringSubmatch(strings.TrimSpace(c)); m != nil {
		return m[1], true
	}
	if m := notThatTailRE().FindStringSubmatch(strings.TrimSpace(c)); m != nil && hasFact(m[1]) {
		return strings.TrimRight(m[1], " ,;:—–-"), true
	}
	return c, false
}

// topicLike reports whether a verdict's subject names a thing: a noun
// phrase of a few words, not a pronoun ("it", "this").
func topicLike(np string) bool {
	s := parse(np)
	if len(s.Tokens) == 0 || len(s.Tokens) > 6 || s.Tokens[0].Tag == "PRP" {
		return false
	}
	c, ok := s.NounPhraseAt(0)
	return ok && c.End == len(s.Tokens)
}

// nobodyListenedRE: "nobody listened to QA", "no one listens to the night team".
var nobodyListenedRE = lazyRE(`(?i)^(?:nobody|no one|no-one)(?: ever| really)? (listened|listens) to ((?:the |our )?[\p{Lu}][\w&]*|(?:the|our) [\w' -]+?(?:team|staff|nurses|crew|crews|shift|desk))(\b.*)$`)

// pronounNeverRE: "they never answer the phone …".
var pronounNeverRE = lazyRE(`(?i)^(they|he|she|it|we|you) (?:ever |just |literally )?never (?:ever |even )?(\w+)(.*)$`)

// neverClauseRE: "<subject> never <verb> …".
var neverClauseRE = lazyRE(`(?i)^((?:my|our|the|this|that|his|her|their) [\w' -]{1,30}?) (?:ever )?never (?:even |actually )?(\w+)(.*)$`)

// neverAsFact states a "never" clause about a thing, not a party, as a
// plain negative: "my own work never moves" → "my own work doesn't move";
// "the lift never worked" → "the lift didn't work". A party that never
// does something ("the infra team never answers") is asked to (see
// ventRewrites).
func neverAsFact(c string) (string, bool) {
	m := neverClauseRE().FindStringSubmatch(strings.TrimSpace(c))
	if m == nil || isVent(m[1]) {
		return "", false
	}
	s := parse(m[1])
	if ctx := parse(m[1] + " " + m[2]).Tokens; len(s.Tokens) < 2 || len(ctx) != len(s.Tokens)+1 || !grammar.IsNoun(ctx[len(s.Tokens)-1].Tag) {
		return "", false // the subject, read with its verb, ends in a noun
	}
	np := grammar.Chunk{Start: 0, End: len(s.Tokens)}
	if partyLike(s, np) {
		return "", false
	}
	// The verb's form by its ending: the tagger often reads "moves" after
	// a noun as a plural noun.
	verb := strings.ToLower(m[2])
	tag := "VBP"
	switch _, irregular := pastBase[verb]; {
	case irregular || strings.HasSuffix(verb, "ed"):
		tag = "VBD"
	case strings.HasSuffix(verb, "s") && !strings.HasSuffix(verb, "ss"):
		tag = "VBZ"
	}
	if t := parse("it " + verb).Tokens; len(t) < 2 || !grammar.IsVerb(t[1].Tag) {
		return "", false
	}
	aux := "doesn't"
	switch {
	case tag == "VBD":
		aux = "didn't"
	case tag == "VBP" || plural(s, np):
		aux = "don't"
	}
	out := m[1] + " " + aux + " " + baseVerb(verb) + m[3]
	if tag == "VBD" {
		base, known := pastBase[verb]
		if !known && !strings.HasSuffix(verb, "ed") {
			return "", false
		}
		if !known {
			base = strings.TrimSuffix(verb, "ed")
		}
		out = m[1] + " " + aux + " " + base + m[3]
	}
	if isVent(out) {
		return "", false
	}
	return out, true
}

// pastBase holds the base forms of irregular past verbs of "never" clauses.
var pastBase = map[string]string{"came": "come", "went": "go", "got": "get", "arrived": "arrive", "worked": "work",
	"moved": "move", "turned": "turn", "showed": "show", "happened": "happen"}

// youKnowRE: the aside "you know" with its commas.
var youKnowRE = lazyRE(`(?i),?\s*\byou know\b,?\s*`)

// contrastHalf returns the second half of an "only … and never …"
// contrast with its "never" said as "not", where kept (the clauses kept
// before it) says "only" and "never" is the half's only vent.
func contrastHalf(c string, kept []string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(c), "never ")
	if !ok || len(kept) == 0 || !strings.Contains(" "+strings.ToLower(strings.Join(kept, " "))+" ", " only ") || isVent(rest) {
		return "", false
	}
	return "not " + rest, true
}

// dashLabel cuts a topic of a few words the writer put before a dash
// ("Training – everyone on the ward …"), which a rewrite keeps as written.
func dashLabel(body string) (label, rest string) {
	for _, d := range []string{" – ", " — ", " - "} {
		if i := strings.Index(body, d); i > 0 && i < 30 && len(strings.Fields(body[:i])) <= 3 && labelLike(body[:i]) && !isVent(body[:i]) {
			return body[:i+len(d)], body[i+len(d):]
		}
	}
	return "", body
}

// factBeside reports whether a clause with a vent cue in it is mostly a
// fact the rewrite keeps: it names a number, date or name, has a verb,
// and the complaint model reads it as mild ("the MIS fell over on
// deadline day with nobody from IT around").
func factBeside(c string) bool {
	if !hardFact(c) || !hasVerb(c) {
		return false
	}
	score, ok := complaintScore(c)
	return ok && score < mildComplaint
}

// mildComplaint is the complaint model's margin below which a clause with
// a hard fact is kept though it has a vent cue.
const mildComplaint = 1.0
