package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/grammar"
	"unicode"
	"unicode/utf8"
)

// An indirect request is a hedge of its own: "I wanted to ask if I could
// lead the audit" and "wondering if you'd had a chance to look at it" say
// what the writer meant to ask instead of asking it. Once the other
// hedges of a sentence went, directSentence turns such a sentence into
// the question it stood for ("Could I lead the audit?", "Have you had a
// chance to look at it?"), and an announcement of news into the news
// ("Wanted to say, the cobot faulted again" → "The cobot faulted again").
// Where the embedded clause does not invert cleanly (no pronoun subject
// and auxiliary it knows), the sentence stays as it is.

var (
	// indirectAskRE: "I (just) wanted to (quickly) ask/check (with you) if …".
	indirectAskRE = lazyRE(`(?i)^(?:(?:i |i'm |i am |i was )?(?:just )?(?:wanted|want|was wanting|wanting|'d like|would like) to (?:quickly |just )?(?:ask|check|see|double[- ]check|check in and see|touch base and see|follow up and see)(?: with you)?|(?:just )?checking(?: in)?(?: to see)?),? (?:if|whether|that),? (.+?)[?.!]*$`)
	// wonderingRE: "(I was / I'm) (just) (sort of) wondering (if|whether) …", "I wondered if …".
	wonderingRE = lazyRE(`(?i)^(?:i was |i'm |i am |was |i )?(?:just )?(?:sort of )?(?:wondering|wondered),? (?:if|whether),? (.+?)[?.!]*$`)
	// askThenQuestionRE: "Wanted to check, is it alright …?": the preamble before a question.
	askThenQuestionRE = lazyRE(`(?i)^(?:i )?(?:just )?wanted to (?:quickly )?(?:ask|check|double[- ]check)\s*[,:—–-]+\s*(.+\?)$`)
	// askAboutRE: "(I wanted to ask,) (if it is ok,) about taking X": an
	// ask about what the writer means to do.
	askAboutRE = lazyRE(`(?i)^((?:i )?(?:just |only )?(?:wanted|want|would like|'d like) to (?:quickly )?ask,? )?((?:if|if it's|if it is) [^,]{2,40}, )?(?:about|regarding) ([a-z]+ing) (.+?)[?.!]*$`)
	// whetherLeftRE: "(if it's no trouble,) whether I could X": the
	// indirect question an ask left once its lead went.
	whetherLeftRE = lazyRE(`(?i)^(?:if [^,]{2,40}, )?whether,? (.+?)[?.!]*$`)
	// announceRE: "(I) wanted to say, X", "I wanted to mention that X",
	// "I wanted to say, and sorry if this is overstepping, that X",
	// "I want to let you know X", "wanted to share that X", "I want to
	// inform that X", "I wanted to tell that X" (a learner's "tell").
	announceRE = lazyRE(`(?i)^(?:i )?(?:just |only )?(?:wanted|want) to (?:quickly )?(?:(?:say|mention|flag|let you know|inform(?: you)?|tell you|update you)(?:,(?: and)? [^,]{2,50},)?(?:,| that)?|share(?: with you)?(?:,| that)|tell that) (.+)$`)
	// shareRE: "I wanted to share the draft policy." → "Here's the draft policy."
	shareRE = lazyRE(`(?i)^(?:i )?(?:just )?(?:wanted to|thought i'd) (?:quickly )?share ((?:the|my|our|a|an) .+)$`)
	// leadAdverbRE: what may stand between "if" and the subject; it moves to the end.
	leadAdverbRE = lazyRE(`(?i)^(at some point|sometime|some time|maybe|perhaps|possibly|by any chance|when you (?:have|get) a (?:moment|minute|sec|second|chance)),? `)
	// nounClauseRE: a short noun phrase as subject, an auxiliary and the rest.
	nounClauseRE = lazyRE(`(?i)^((?:the|my|our|your|this|that|these|those|his|her|their) (?:[\w'-]+ ){0,3}?)(is|are|was|were|has|have|will|can|could|would|should|might|may)(?: maybe| possibly)? (\w.+)$`)
	// permissionRE: "Is it okay if I take Friday off?", "would it be alright to
	// bring it up again?": permission asked for what the writer means to do.
	permissionRE = lazyRE(`(?i)^(?:(?:is it|would it(?: maybe| possibly)? be|will it be|would that be|(?:i'm |i am )?hoping it's|(?:i )?hope it's)(?: at all)? (?:ok|okay|alright|all right|fine|possible) (?:if i|for me to|to)|(?:would|do) you mind(?: terribly| at all)? if i) (.+?)[?.!]*$`)
	// pastClauseRE: a pronoun subject, a past verb and the rest.
	pastClauseRE = lazyRE(`(?i)^(you|they|he|she|we|i) ([a-z]+) (\w.+)$`)
	// softLeadRE: "if it's alright, that X", "sorry if this is overstepping,
	// that X": a softener, then the clause it softened.
	softLeadRE = lazyRE(`(?i)^((?:and )?(?:sorry )?if [^,]{3,40}), that (.+?)([.!?]*)$`)
	// bangGreetingRE: a greeting that ends with exclamation marks: "hiya! ".
	bangGreetingRE = lazyRE(`(?i)^(?:hi|hey|hello|hiya|heya|morning|yo)(?: [A-Z][a-z]+)?!+ `)
	// clauseRE: a pronoun subject, an auxiliary and the rest.
	clauseRE = lazyRE(`(?i)^(i|we|you|it|there|they|he|she)(?:(['’](?:m|s|re|d|ve|ll))| (could|can|would|will|should|might|may|is|are|am|was|were|have|has|had|do|does|did))(?: maybe| possibly)? (.+)$`)
)

// directSentence returns sentence t (its text, with any greeting or label
// before it) as a direct question or statement, or false.
func directSentence(t string) (string, bool) {
	body := strings.TrimSpace(t)
	prefix := ""
	if i := strings.Index(body, ","); i >= 0 && (greetingRE().MatchString(body[:i+1]) || vocative(body[:i+1]) && nameOnly(body[:i])) && len(body) > i+1 && (body[i+1] == ' ' || body[i+1] == '\n') {
		// "Hi Dana, …", "Sir, …", "Dear Michael,\n…"
		j := i + 1
		for j < len(body) && (body[j] == ' ' || body[j] == '\n') {
			j++
		}
		prefix, body = body[:j], body[j:]
	} else if m := bangGreetingRE().FindStringIndex(body); m != nil {
		prefix, body = body[:m[1]], body[m[1]:]
	} else if i := strings.Index(body, ": "); i >= 0 && i < 30 && len(strings.Fields(body[:i])) <= 3 && !parse(body[:i]).HasFiniteVerb() {
		prefix, body = body[:i+2], body[i+2:]
	}
	// After a greeting the sentence goes on in lower case ("hey, could
	// I…"); otherwise it keeps the case it started with.
	upper := startsUpper(body) && !strings.HasSuffix(prefix, ", ") || strings.HasSuffix(prefix, "\n")
	if m := bangGreetingRE().FindString(prefix); m != "" {
		upper = startsUpper(prefix)
	}
	recase := func(s string) string {
		if upper {
			return upperFirst(s)
		}
		return lowerFirst(s)
	}
	if m := askAboutRE().FindStringSubmatch(body); m != nil && (m[1] != "" || m[2] != "") {
		// "I wanted to ask, if it is ok, about taking the CAMS exam" →
		// "Could I take the CAMS exam?"
		if v, ok := baseOfGerund(m[3]); ok {
			return prefix + recase("could I "+v+" "+m[4]) + "?", true
		}
		return "", false
	}
	if m := whetherLeftRE().FindStringSubmatch(body); m != nil {
		// "Whether I could take the course in October": what an ask left
		// once its lead went ("I wanted to ask, if it's no trouble, whether…").
		if q, ok := invertClause(m[1]); ok {
			return prefix + recase(q) + "?", true
		}
		return "", false
	}
	if m := indirectAskRE().FindStringSubmatch(body); m != nil {
		if q, ok := invertClause(m[1]); ok {
			return prefix + recase(q) + "?", true
		}
		return "", false
	}
	if m := wonderingRE().FindStringSubmatch(body); m != nil {
		if q, ok := invertClause(m[1]); ok {
			return prefix + recase(q) + "?", true
		}
		return "", false
	}
	if m := softLeadRE().FindStringSubmatch(body); m != nil && (!hasFact(m[1]) || strings.Contains(strings.ToLower(m[1]), "sorry if")) && len(strings.Fields(m[1])) <= 7 && clauseRE().MatchString(m[2]) {
		// "If it's alright, that I'd quite like more responsibility": what
		// an announcement left after its softener.
		mark := m[3]
		if mark == "" || mark == "?" {
			mark = "." // a statement, not the uptalk it had
		}
		return prefix + recase(m[2]) + mark, true
	}
	if m := permissionRE().FindStringSubmatch(body); m != nil {
		if q, ok := askToDo(m[1]); ok {
			return prefix + recase(q) + "?", true
		}
		return "", false
	}
	if m := askThenQuestionRE().FindStringSubmatch(body); m != nil && questionLead(m[1]) {
		return prefix + recase(m[1]), true
	}
	if m := announceRE().FindStringSubmatch(body); m != nil {
		news := m[1]
		if i := strings.Index(news, ", that "); i >= 0 && tailSoftenerRE().MatchString(news[:i]) || i >= 0 && strings.HasPrefix(strings.ToLower(news), "if ") {
			news = news[i+len(", that "):] // "if it's alright, that I'd like more responsibility"
		}
		if clauseRE().MatchString(news) || hasFiniteVerb(firstWords(news, 7)) || subjectClause(news) {
			if toks := parse(news).Tokens; !upper && len(toks) > 0 && (toks[0].Tag == "NNP" || toks[0].Text == "I" || mixedCase(toks[0].Text)) {
				return prefix + news, true // "Hi all, Priya starts on Monday."
			}
			return prefix + recase(news), true
		}
	}
	if m := shareRE().FindStringSubmatch(body); m != nil && !strings.Contains(m[1], ",") {
		return prefix + recase("here's "+m[1]), true
	}
	return "", false
}

// invertPlain turns a clause with no auxiliary into a question with "do"
// or "did": "you want the appendix too" → "do you want the appendix
// too", "the Henley contract got signed" → "did the Henley contract get
// signed". The subject is a pronoun or a noun phrase with a determiner or
// a possessive; the verb is the tagger's present or past, with a certain
// base form.
func invertPlain(c string) (string, bool) {
	s := parse(c)
	if len(s.Tokens) < 3 || strings.ContainsAny(c, "?;") {
		return "", false
	}
	k := 1
	if t := s.Tokens[0]; t.Tag == "DT" || t.Tag == "PRP$" {
		for k < len(s.Tokens) && k < 5 && (grammar.IsNoun(s.Tokens[k].Tag) || grammar.IsAdj(s.Tokens[k].Tag)) {
			k++
		}
		if k == 1 {
			return "", false
		}
	} else if t.Tag != "PRP" || t.Lower == "it" {
		return "", false
	}
	if k >= len(s.Tokens) {
		return "", false
	}
	v := s.Tokens[k]
	subj := strings.TrimSpace(c[:v.Start])
	if s.Tokens[0].Tag == "PRP" {
		subj = strings.ToLower(subj)
		if subj == "i" {
			subj = "I"
		}
	} else {
		subj = lowerFirst(subj)
	}
	rest := strings.TrimRight(c[v.End:], " ,")
	switch {
	case v.Tag == "VBD":
		base, ok := baseOfPast(v.Lower)
		if !ok {
			return "", false
		}
		return "did " + subj + " " + base + rest, true
	case v.Tag == "VBP" && s.Tokens[0].Tag == "PRP" && subj != "he" && subj != "she":
		return "do " + subj + " " + v.Lower + rest, true
	}
	return "", false
}

// askToDo returns "can I" and what the writer asked permission to do,
// where that opens on a verb in its base form ("take Friday off"); a
// verb in the past ("if I moved my 1:1") has no base form to borrow, and
// a clause with a question or a choice of its own stays as it is.
func askToDo(rest string) (string, bool) {
	rest = strings.TrimRight(rest, " ,")
	if rest == "" || strings.ContainsAny(rest, "?;") || strings.Contains(rest, ", if") || strings.Contains(rest, ", whether") {
		return "", false
	}
	toks := grammar.Parse("I " + rest).Tokens
	if len(toks) < 2 {
		return "", false
	}
	switch v := toks[1]; {
	case v.Tag == "VBD" || strings.HasSuffix(v.Lower, "ed"):
		// "if I moved my 1:1" → "can I move my 1:1"
		base, ok := baseOfPast(v.Lower)
		if !ok || !strings.HasPrefix(rest, v.Text) {
			return "", false
		}
		rest = base + rest[len(v.Text):]
	case v.Tag == "VB", v.Tag == "VBP", v.Tag == "NN", v.Tag == "NNS", v.Tag == "JJ": // the tagger reads "I book" as a noun
	default:
		return "", false
	}
	if r, _ := utf8.DecodeLastRuneInString(rest); !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' {
		return "", false
	}
	return "can I " + rest, true
}

// baseOfPast returns the base form of past verb w, from the [fix] table
// of irregular and ambiguous verbs or, for a regular verb, from its
// spelling where that leaves no doubt: "-ied" ("applied" → "apply"), a
// doubled consonant ("swapped" → "swap"), "-ved" ("moved" → "move"), a
// stem that ends in two consonants ("asked") or in a vowel pair and a
// consonant ("joined"). Any other spelling ("hoped", "raced") could
// take an "e" or not, so it gives false.
func baseOfPast(w string) (string, bool) {
	if b, ok := hedging.fix.pastBase[w]; ok {
		return b, true
	}
	stem, ok := strings.CutSuffix(w, "ed")
	if !ok || len(stem) < 3 {
		return "", false
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	n := len(stem)
	last, prev := stem[n-1], stem[n-2]
	switch {
	case strings.HasSuffix(w, "ied"):
		return w[:len(w)-3] + "y", true
	case last == prev && !vowel(last) && strings.IndexByte("lsfz", last) < 0:
		return stem[:n-1], true
	case last == 'v':
		return stem + "e", true
	case strings.IndexByte("scgvzy", last) >= 0 || vowel(last):
		return "", false
	case !vowel(prev) && last != prev:
		return stem, true
	case vowel(prev) && vowel(stem[n-3]):
		return stem, true
	}
	return "", false
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	for i, w := range f[:min(n, len(f))] {
		if strings.ContainsAny(w, ",;") || i > 0 && (w == "that" || w == "which" || w == "who") {
			return strings.Join(f[:i+1], " ")
		}
	}
	return strings.Join(f[:min(n, len(f))], " ")
}

// hasFiniteVerb reports, roughly, whether s reads as a clause: a word
// that is a common finite verb or a contraction of one.
func hasFiniteVerb(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, ",;:.!?")
		switch w {
		case "is", "are", "was", "were", "has", "have", "had", "will", "won't", "can't", "isn't", "aren't", "wasn't",
			"faulted", "failed", "closed", "broke", "went", "moved", "finished", "landed", "shipped", "passed", "needs":
			return true
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'ve") || strings.HasSuffix(w, "'re") {
			return true
		}
	}
	return false
}

// invertClause turns an embedded clause into a question without its
// mark: "I could lead the audit" → "could I lead the audit", "you'd had
// a chance to look" → "have you had a chance to look", "there's any news"
// → "is there any news". A leading "at some point" moves to the end.
func invertClause(c string) (string, bool) {
	c = strings.TrimSpace(c)
	tail := ""
	if m := leadAdverbRE().FindStringSubmatch(c); m != nil {
		c = c[len(m[0]):]
		if a := strings.ToLower(m[1]); a != "maybe" && a != "perhaps" && a != "possibly" && !strings.HasPrefix(a, "when") {
			tail = " " + a
		}
	}
	c = strings.ReplaceAll(c, "’", "'")
	if m := nounClauseRE().FindStringSubmatch(c); m != nil && !strings.ContainsAny(m[3], "?;") {
		// "the contract is signed" → "is the contract signed"
		return strings.ToLower(m[2]) + " " + lowerFirst(strings.TrimSpace(m[1])) + " " + strings.TrimRight(m[3], " ,") + tail, true
	}
	m := clauseRE().FindStringSubmatch(c)
	if m == nil {
		if q, ok := invertPlain(c); ok {
			return q + tail, true
		}
		// "you got my email" → "did you get my email"
		if p := pastClauseRE().FindStringSubmatch(c); p != nil && !strings.ContainsAny(p[3], "?;") {
			if base, ok := baseOfPast(strings.ToLower(p[2])); ok {
				subj := strings.ToLower(p[1])
				if subj == "i" {
					subj = "I"
				}
				return "did " + subj + " " + base + " " + strings.TrimRight(p[3], " ,") + tail, true
			}
		}
		return "", false
	}
	if strings.ContainsAny(m[4], "?;") || strings.Contains(m[4], ", whether") || strings.Contains(m[4], ", if") {
		return "", false
	}
	subj, contr, aux, rest := m[1], strings.ToLower(m[2]), strings.ToLower(m[3]), m[4]
	if subj != "I" {
		subj = strings.ToLower(subj)
	}
	if i := strings.ToLower(subj); i == "i" {
		subj = "I"
	}
	switch contr {
	case "'m":
		aux = "am"
	case "'s":
		aux = "is"
	case "'re":
		aux = "are"
	case "'ve":
		aux = "have"
	case "'ll":
		aux = "will"
	case "'d":
		if w := strings.ToLower(firstWord(rest)); w == "had" || w == "been" || strings.HasSuffix(w, "ed") && w != "need" {
			aux = "have" // "you'd had a chance" → "have you had a chance"
		} else {
			aux = "would"
		}
	}
	if aux == "had" {
		if w := strings.ToLower(firstWord(rest)); strings.HasSuffix(w, "ed") || w == "been" || w == "seen" || w == "got" {
			aux = "have" // "you had looked" → "have you looked"
		} else {
			aux, rest = "have", "had "+rest // "you had a chance" → "have you had a chance"
		}
	}
	switch aux {
	case "am", "is", "are", "was", "were", "have", "has", "do", "does", "did",
		"could", "can", "would", "will", "should", "might", "may":
	default:
		return "", false
	}
	if aux == "am" && subj != "I" || aux == "is" && (subj == "I" || subj == "you" || subj == "we" || subj == "they") {
		return "", false
	}
	rest = strings.TrimRight(rest, " ,")
	if r, _ := utf8.DecodeLastRuneInString(rest); !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' && r != '"' {
		return "", false
	}
	return aux + " " + subj + " " + rest + tail, true
}

// subjectClause reports whether s opens with a subject (a name, a
// determiner, a pronoun, a number) and has a finite verb: the news an
// announcement led up to ("Priya starts on Monday").
func subjectClause(s string) bool {
	p := parse(s)
	if len(p.Tokens) < 2 {
		return false
	}
	switch p.Tokens[0].Tag {
	case "NNP", "NNPS", "DT", "PRP$", "PRP", "CD":
		return p.HasFiniteVerb()
	}
	return false
}

// nameOnly reports whether s has no verb, adverb or conjunction: a name
// ("Sir", "Dr Mensah"), not "Wondered" or "Honestly".
func nameOnly(s string) bool {
	for _, t := range parse(s).Tokens {
		if strings.HasPrefix(t.Tag, "VB") || strings.HasPrefix(t.Tag, "RB") || t.Tag == "IN" || t.Tag == "CC" || t.Tag == "UH" {
			return false
		}
	}
	return true
}

// baseOfGerund returns the base form of a verb in -ing ("taking" →
// "take", "attending" → "attend", "getting" → "get"), or false.
func baseOfGerund(w string) (string, bool) {
	l := strings.ToLower(w)
	if !strings.HasSuffix(l, "ing") || len(l) < 5 {
		return "", false
	}
	st := l[:len(l)-3]
	n := len(st)
	if n >= 2 && st[n-1] == st[n-2] && !strings.ContainsRune("aeiouslz", rune(st[n-1])) {
		return st[:n-1], true // "getting", "planning"
	}
	groups := 0
	for i := 0; i < n; i++ {
		if strings.IndexByte("aeiouy", st[i]) >= 0 && (i == 0 || strings.IndexByte("aeiouy", st[i-1]) < 0) {
			groups++
		}
	}
	if strings.HasSuffix(st, "v") || groups == 1 && monoSilentE().MatchString(st) {
		return st + "e", true // "taking", "giving", "using"
	}
	return st, true
}

// monoSilentE matches a stem of one syllable that drops an "e" before
// "-ing": a single vowel, then a single consonant ("tak", "writ", "us").
var monoSilentE = lazyRE(`(?:^|[^aeiou])[aeiou][bcdgkmnprstz]$`)
