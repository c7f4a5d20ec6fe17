package builtin

import (
	"github.com/upward-lint/upward/internal/document"
	"slices"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/phrase"
)

// A complaint's first rewrite must not keep the complaint: a rewrite
// whose statement (what it says before its request) still has a vent cue
// of the rule (see isVent) or one of the rule's trigger phrases reads,
// to the person it is for, as the same grievance with a question added.
// Such a rewrite is offered only after one that states the facts
// plainly.

// complaintTriggers matches the phrases that make a complaint finding.
var complaintTriggers = sync.OnceValue(func() *phrase.Matcher {
	g := &complaint.groups
	return groupMatcher("complaint", nil, g.burnout, g.uninformed, g.opener, g.vent)
})

// stillComplains reports whether a rewrite still vents: a sentence of it
// other than its request has a vent cue or a trigger phrase.
func stillComplains(text string) bool {
	for _, s := range splitSentences(text) {
		if strings.HasSuffix(s, "?") && requestLead(s) {
			continue
		}
		if isVent(s) || len(complaintTriggers().FindAll(s, nil)) > 0 {
			return true
		}
	}
	return false
}

// requestLead reports whether a sentence opens as a request: "Could we…",
// "Can you…", "How do…".
func requestLead(s string) bool {
	switch strings.ToLower(firstWord(s)) {
	case "could", "can", "would", "will", "how", "shall":
		return true
	}
	return false
}

// splitSentences cuts a rewrite at its sentence ends.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if strings.ContainsRune(".!?", rune(text[i])) && (i+1 == len(text) || text[i+1] == ' ') && !document.AbbrevAt(text, i) {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// cleanFirst moves the rewrites that still complain after those that do
// not, keeping the order within each.
func cleanFirst(cands []candidate) []candidate {
	out := slices.Clone(cands)
	slices.SortStableFunc(out, func(a, b candidate) int {
		ca, cb := stillComplains(a.text), stillComplains(b.text)
		switch {
		case ca == cb:
			return 0
		case cb:
			return -1
		}
		return 1
	})
	return out
}

var (
	// verdictRE: a clause that only passes a verdict on its subject: "this
	// approval process is ridiculous", "the whole rate case process is a
	// farce".
	verdictRE = lazyRE(`(?i)^(.+?) (?:is|are|was|were|has been|have been|seems|looks) (?:so |just |completely |utterly |totally |frankly |honestly |such |an? |absolutely |beyond |a bit |pretty )*(?:ridiculous|absurd|joke|farce|mess|shambles|circus|unacceptable|insane|crazy|madness|nonsense|pointless|useless|laughable|embarrassing|dumpster fire|train ?wreck|nightmare|disaster|shitshow|clown show|a waste of [\w' ]+)$`)
	// foundOutLoveRE: "love finding out about the tariff change from a customer tweet".
	foundOutLoveRE = lazyRE(`(?i)^(?:(?:i |just |really |so )*(?:love|adore|enjoy)(?:d)?|great|nice|fun|always fun) (?:finding out|hearing|learning) about (.+?) from (.+)$`)
)

// looseStatement is the facts of a complaint that ventless could not take
// apart: the sentence without its sarcastic openers ("Funny how",
// "Great,", "As I've said before,"), its emphasis ("AGAIN", "still") and
// the clauses that only pass a verdict and name nothing ("fantastic.",
// "Genius move, whoever said yes."). A clause that names a fact is kept
// even where it has a milder cue ("… gets blamed for …"), so that no
// name or number is lost. ok is false when nothing was taken out or no
// statement is left.
func looseStatement(body string) (string, bool) {
	if m := foundOutLoveRE().FindStringSubmatch(strings.TrimSpace(body)); m != nil {
		return "I heard about " + m[1] + " from " + trimClause(m[2], 1), true
	}
	if t, ok := heardLate(strings.TrimSpace(body)); ok {
		return t, true
	}
	if t, ok := thanksAsFact(strings.TrimSpace(body)); ok {
		return t, true
	}
	label := ""
	if i := strings.Index(body, ": "); i > 0 && i < 40 && labelLike(body[:i]) && !isVent(body[:i]) {
		label, body = body[:i+2], body[i+2:]
	} else {
		label, body = dashLabel(body) // "Training – …" is no fragment to drop
	}
	body, changed := stripVentLead(stripConjunction(strings.TrimSpace(body)))
	clauses, seps := splitClauses(body)
	var kept []string
	verdict := "" // the subject of a verdict, kept as the label of what follows
	for i, c := range clauses {
		orig := c
		if a := stripVentAdverbs(c); a != strings.Join(strings.Fields(c), " ") {
			changed, c = true, a
		}
		c, lead := stripVentLead(c)
		changed = changed || lead
		c = strings.TrimRight(unquoteScare(c), "?!.… ")
		if m := verdictRE().FindStringSubmatch(c); m != nil && i+1 < len(clauses) && !isVent(m[1]) && hasFact(m[1]) {
			// "This approval process is ridiculous: three sign-offs …"
			// → "This approval process: three sign-offs …"
			changed, verdict = true, m[1]
			kept = append(kept, strings.TrimLeft(seps[i], " ,")+m[1])
			if i+1 < len(seps) {
				seps[i+1] = ": "
			}
			continue
		}
		if isVent(c) && (!hasFact(c) || len(strings.Fields(c)) <= 3 || len(kept) > 0) ||
			!hasFact(c) && len(strings.Fields(c)) <= 3 || len(kept) > 0 && strings.ContainsAny(seps[i], ".!?\n") && ventSentence(c) {
			changed = true // "fantastic", "Genius move", "whoever said yes"
			continue
		}
		if strings.HasPrefix(strings.ToLower(c), "because ") && isVent(orig) {
			changed = true // "because of course it did"
			continue
		}
		if len(kept) > 0 {
			c = rejoin(seps[i], c)
		}
		kept = append(kept, c)
	}
	out := strings.TrimRight(strings.TrimSpace(strings.Join(kept, "")), " ,;:—-")
	if verdict != "" && len(kept) == 1 {
		// Only the verdict's subject is left: "the whole rate case process".
		w, rest, _ := strings.Cut(out, " ")
		switch strings.ToLower(w) {
		case "the", "this", "that", "these", "those", "our", "my":
			out = strings.ToLower(w) + " " + rest
		}
		return label + "I'm concerned about " + out + ": [why]", true
	}
	if !changed || len(strings.Fields(out)) < 3 {
		return "", false
	}
	if danglingAtEnd(out) || !statementLike(out) {
		return "", false
	}
	return label + upperFirst(capitalI(out)), true
}

// looseRequest is the rewrite of a complaint as its loose statement (see
// looseStatement) and a request about it.
func looseRequest(body string) (candidate, bool) {
	s, ok := looseStatement(body)
	if !ok {
		return candidate{}, false
	}
	if heardLateRE().MatchString(s) {
		return candidate{"Ask to be told earlier", finish(s) + " Could you loop me in earlier on changes like this?"}, true
	}
	ask := "Could we agree " + fixOrWay(s)
	if p, named := partyIn(s); named && askParty(p, s) && !strings.Contains(s, "I'm concerned about ") {
		ask += " with " + p
	}
	return candidate{ventFactsTitle, finish(s) + " " + ask + " by [date]?"}, true
}

// statementLike reports whether a text left after the vents came out
// states a fact: it names something, and it is no rhetorical question or
// jab ("What's even the point …", "Whoever said yes").
func statementLike(s string) bool {
	switch strings.ToLower(strings.Trim(firstWord(stripLabel(s)), ",.")) {
	case "what's", "what", "why", "how", "who", "where", "whoever", "guess":
		return false
	case "even", "when", "whenever", "although", "though", "unless", "whereas", "because", "if", "while":
		return false // a subordinate clause whose main clause went: "Even when the problem is …"
	}
	if toks := parse(stripLabel(s)).Tokens; len(toks) > 0 && (toks[0].Tag == "VBZ" || toks[0].Tag == "VBP") &&
		!strings.EqualFold(toks[0].Text, "I") {
		return false // "Means something different to …": its subject went with a vent
	}
	return hasFact(s)
}

// whyRE: a protest asked as a question: "why does every escalation land
// on my desk", "why am I expected to cover three bays with one HCA".
// plainWhy puts a protest question into the shape the rewrites read:
// the auxiliary a non-native writer leaves out goes back in ("why is
// always me who stay" → "why is it always me who stays", "why the
// facility always cancel my runs" → "why does the facility always cancel
// my runs"), and a question of contrast states its condition ("why do we
// even have a CAPA system if quality closes everything without asking
// us" → "quality closes everything without asking us", ok true: a fact,
// no longer a question).
func plainWhy(b string) (out string, stated bool) {
	b = neverContrastRE().ReplaceAllString(strings.TrimSpace(b), ", not $1") // "always mine and never the ones from Chen group"
	if m := notSureWhyRE().FindStringSubmatch(b); m != nil {
		// "not sure why I bother writing these handover docs when nobody
		// reads them": the condition, with what "them" stands for.
		if n := botherWhenRE().FindStringSubmatch(m[1]); n != nil && len(strings.Fields(n[2])) >= 3 {
			y := strings.TrimRight(n[2], "?!. ")
			for _, p := range []string{" them", " it"} {
				if strings.HasSuffix(y, p) && hasFact(n[1]) {
					y = strings.TrimSuffix(y, p) + " " + n[1]
				}
			}
			return y, true
		}
		if statementLike(m[1]) && hasVerb(m[1]) {
			return strings.TrimRight(m[1], "?!. "), true // "not sure why legal gets to sit on contracts …"
		}
	}
	if m := whyAlwaysWhoRE().FindStringSubmatch(b); m != nil && hasVerb(m[2]) {
		// "why is always my cell who gets the rush jobs" (the order a
		// non-native writer keeps) → "my cell usually gets the rush jobs"
		return m[1] + " usually " + statedMarks(m[2]), true
	}
	if m := whyEveryTimeRE().FindStringSubmatch(b); m != nil && hasVerb(m[3]) && statementLike(m[3]) {
		rest := statedMarks(m[3])
		w, tail, _ := strings.Cut(rest, " ")
		v, _, _ := strings.Cut(tail, " ")
		switch {
		case m[2] != "":
			// "why every time the new rota come out I have the sunday
			// night" → "Every time the new rota come out, I have the
			// sunday night"
			return strings.TrimSuffix(m[1], ",") + ", " + rest, true
		case (strings.EqualFold(w, "i") || strings.EqualFold(w, "we")) && !copulas[strings.ToLower(v)] && !futureVerbGroup[strings.ToLower(v)]:
			// "I don't understand why always I get the night shift" → "I
			// always get the night shift" ("why always I am the one…" and
			// "why always my shift must…" have shapes of their own)
			return w + " always " + tail, true
		}
	}
	if m := whyIfRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) && hasVerb(m[1]) {
		return strings.TrimRight(m[1], "?!. "), true
	}
	if m := whyMeRE().FindStringSubmatch(b); m != nil {
		task := m[3]
		if w, rest, ok := strings.Cut(task, " "); ok && grammar.IsVerb(grammar.ParseAfter("they ", w).Tokens[0].Tag) {
			task = thirdPerson(w) + " " + rest
		}
		return m[1] + " it always " + m[2] + " who " + task, false
	}
	if m := whySubjAuxRE().FindStringSubmatch(b); m != nil {
		// "why I am always the one doing the redlines" → "why am I always
		// the one doing the redlines": the order a non-native writer keeps.
		return m[1] + " " + m[3] + " " + m[2] + " " + m[4], false
	}
	if m := whyNoAuxRE().FindStringSubmatch(b); m != nil && !strings.EqualFold(m[2], "not") {
		return strings.TrimSpace(m[1] + " does " + m[2] + " " + m[3] + " " + m[4]), false
	}
	return b, false
}

// statedMarks ends the question marks of a protest said as a fact:
// inside, "??" before more chat becomes a full stop ("the Airbus line??
// every week same story" → "the Airbus line. Every week same story"); at
// the end it goes.
func statedMarks(s string) string {
	s = strings.TrimRight(s, "?!. ")
	return innerMarksRE().ReplaceAllStringFunc(s, func(m string) string {
		return ". " + strings.ToUpper(m[len(m)-1:])
	})
}

var (
	// innerMarksRE: question or exclamation marks before more text.
	innerMarksRE = lazyRE(`[?!]+\s+[a-z]`)
	// whyAlwaysWhoRE: "why is always <whose team> who <does what>".
	whyAlwaysWhoRE = lazyRE(`(?i)^(?:but |so |and )?why (?:is|are) always ((?:my|our|the|this) [\w'’ -]{1,30}?) (?:who|that) (.+)$`)
	// whyEveryTimeRE: "why every time <when> <clause>", "I don't
	// understand why always <clause>": a clause in the order of a
	// statement after "why" and "always" or "every time".
	whyEveryTimeRE = lazyRE(`(?i)^(?:(?:i|we) (?:don'?t|don’t|do not|cannot|can'?t|can’t) understand |not sure )?why (always|(every time|each time|whenever) [^,?]+?,?) ((?:i|we|my|our|they)\b.+)$`)
	// neverContrastRE: the other half of an "always … and never …" contrast.
	neverContrastRE = lazyRE(`,? and never ((?:the|my|our|their|his|her|those|these|any) )`)
	// nobodyRE: the subject "nobody" or "no one".
	nobodyRE = lazyRE(`(?i)\b(?:nobody|no one|no-one)\b`)
	// notSureWhyRE: "(I'm) not sure why X", a protest put as doubt.
	notSureWhyRE = lazyRE(`(?i)^(?:i'm |i’m |i am |honestly,? )?not sure why (.+)$`)
	// botherWhenRE: "I bother writing these docs when nobody reads them".
	botherWhenRE = lazyRE(`(?i)^(?:i|we) (?:even |still )?bother (?:\w+ing )?(.+?) (?:when|if) (.+)$`)
	// whyIfRE: "why do we even have X if Y", "why bother with X when Y".
	whyIfRE = lazyRE(`(?i)^why (?:do|does|did|are|is|should|would) [^?]*?\b(?:even|bother|still)\b[^?]*? (?:if|when) ([^?]+)[?!.]*$`)
	// whyMeRE: "why is always me who stay …" (the "it" left out).
	whyMeRE = lazyRE(`(?i)^(why is) (?:always )?(me|us) (?:always )?(?:who|that) (.+)$`)
	// whySubjAuxRE: "why I am always …", "why we are always …".
	whySubjAuxRE = lazyRE(`^([Ww]hy) (?:always )?(I|i|we|they|you|he|she|it) (am|are|is|do|does|have|has|must) (.+)$`)
	// whyNoAuxRE: "why the facility always cancel …" (the "does" left out).
	whyNoAuxRE = lazyRE(`^([Ww]hy) ((?:the|my|our|their|this|that|[A-Z][\w&+-]*)(?: [\w&+-]+){0,3}?) (always|never|keeps?|still|constantly) ?(.*)$`)
)

var whyRE = lazyRE(`(?i)^(?:but |so |and |honestly,? )?why (does|do|is|are|am) (.+)$`)

// whyAsFact states what a protest question takes for granted: "why does
// every escalation land on my desk?" → "Every escalation lands on my
// desk"; "why am I expected to cover three bays" → "I'm expected to cover
// three bays". ok is false where the question has no plain subject.
func whyAsFact(body string) (string, bool) {
	addr, body := addressedWhy(body)
	f, ok := whyAsFactOf(body)
	if ok && addr != "" {
		f = addr + ", " + capitalI(lowerFirst(f))
	}
	return f, ok
}

// addressedWhy splits a protest question addressed to someone ("chef why
// am i always the one on close", "Maria, why …") into the address
// ("Chef") and the question.
func addressedWhy(body string) (addr, rest string) {
	m := addressedWhyRE().FindStringSubmatch(strings.TrimSpace(body))
	if m == nil || notAddress[strings.ToLower(m[1])] || !startsUpper(m[1]) && strings.Contains(m[1], " ") {
		return "", body
	}
	return upperFirst(m[1]), m[2]
}

// notAddress are words before "why" that address no one.
var notAddress = map[string]bool{
	"but": true, "so": true, "and": true, "honestly": true, "seriously": true, "like": true, "ok": true,
	"okay": true, "lol": true, "ugh": true, "then": true, "also": true, "just": true, "really": true,
	"again": true, "anyway": true, "sorry": true, "hmm": true, "um": true, "also,": true, "because": true,
	"i": true, "we": true, "it": true, "this": true, "that": true, "frankly": true, "genuinely": true,
}

var addressedWhyRE = lazyRE(`^([A-Za-z][\w'’.-]*(?: [A-Z][\w'’.-]*)?),? ((?i:why)\b.+)$`)

func whyAsFactOf(body string) (string, bool) {
	b, stated := plainWhy(strings.TrimSpace(body))
	if !stated {
		b, stated = plainWhy(strings.TrimSpace(trimClause(body, 1)))
	}
	if stated {
		if t, _, ok := blameAsFact(b); ok && t != "" {
			b = t // "nobody on night shift reads these handover docs" → "… aren't being read"
		}
		// "Nobody on night shift reads these docs" states a fact here: the
		// protest was the question around it.
		if isVent(nobodyRE().ReplaceAllString(b, "someone")) || !statementLike(b) {
			return "", false
		}
		return upperFirst(capitalI(stripVentAdverbs(b))), true
	}
	m := whyRE().FindStringSubmatch(b)
	if m == nil {
		return "", false
	}
	rest := trimTail(stripVentAdverbs(strings.TrimRight(m[2], "?!. ")))
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, ", honestly"), " honestly")
	s := parse(rest)
	if m[1] == "does" {
		if head, not, ok := strings.Cut(rest, ", not "); ok {
			// "… cancel my runs, not the ones from Chen group": the
			// contrast goes back after the fact.
			f, ok := doesAsFact(parse(head), head)
			return f + ", not " + not, ok
		}
		return doesAsFact(s, rest)
	}
	c, ok := s.NounPhraseAt(0)
	if !ok || c.End >= len(s.Tokens) || isVent(s.Of(c)) {
		return "", false
	}
	subj := s.Of(c)
	tail := strings.TrimSpace(rest[len(subj):])
	switch l := strings.ToLower(subj); {
	case l == "it" || l == "this" || l == "that" || l == "nobody" || l == "no one" || l == "everyone":
		return "", false // "why is it always me who …" has its own shape
	case m[1] == "am" && l == "i":
		subj = "I'm"
		tail = strings.Replace(tail, "always ", "usually ", 1) // "why am I always the one on close"
	case m[1] == "is" || m[1] == "are":
		subj += " " + strings.ToLower(m[1])
	case m[1] == "do":
		if l != "i" && l != "we" && l != "they" && !grammar.IsNoun(s.Tokens[c.End-1].Tag) {
			return "", false
		}
	}
	out := strings.TrimSpace(subj + " " + tail)
	if !statementLike(out) || len(strings.Fields(out)) < 4 || strings.Contains(strings.ToLower(out), "bother") {
		return "", false
	}
	return upperFirst(capitalI(out)), true
}

// whyRequest is the rewrite of a protest question as the fact it takes
// for granted and a request about it.
func whyRequest(body string) (candidate, bool) {
	f, ok := whyAsFact(body)
	if !ok {
		return candidate{}, false
	}
	if strings.Contains(f, "I'm usually the one") {
		return candidate{"Ask to share the work", finish(f) + " " + shareAsk}, true
	}
	ask := "Could we agree " + fixOrWay(f)
	if p, named := partyIn(f); named && askParty(p, f) {
		ask += " with " + p
	}
	return candidate{ventFactsTitle, finish(f) + " " + ask + " by [date]?"}, true
}

// askParty reports whether a request about facts may name p as whom to
// agree it with: p reads as a party (goodParty), its head names a group
// or role ("the platform team", "legal", "the vendor"), not a person,
// place or word the tagger took for a name ("Priya", "Bristol", "Tired"),
// nor the writer's own side ("our team", "the team"), and the facts do not
// describe p as the one things happen to ("design gets blamed", "the whole
// comms team is burning out"). When unsure, the request names no one.
// heardVerbs say how a party came to know of something.
var heardVerbs = map[string]bool{"found": true, "heard": true, "learned": true, "learnt": true}

func askParty(p, facts string) bool {
	if !goodParty(p) {
		return false
	}
	l := strings.ToLower(p)
	switch {
	case l == "the team" || l == "team" || l == "them":
		return false
	case strings.HasPrefix(l, "our ") || strings.HasPrefix(l, "my ") || strings.HasPrefix(l, "a ") || strings.HasPrefix(l, "an ") ||
		strings.Contains(l, " whole ") || strings.HasPrefix(l, "new ") || strings.HasPrefix(l, "the new "):
		return false
	}
	_, head := cutLastWord(l)
	if head = strings.TrimSuffix(strings.TrimSuffix(head, "'s"), "’s"); !partyNouns[head] || head == "group" {
		return false // "the group [chat]" is seldom whom to agree it with
	}
	lf := strings.NewReplacer(",", "", " yet again", "", " once again", "", " again", "", " as usual", "").Replace(strings.ToLower(facts))
	if strings.Contains(strings.ToLower(facts), l+":") {
		return false // "Returns ops: warehouse changed the bin labelling": a label, the writer's own side
	}
	if i := strings.Index(lf, l+" "); i >= 0 {
		switch next := strings.Fields(lf[i+len(l):]); {
		case len(next) == 0:
		case next[0] == "is" || next[0] == "are" || next[0] == "was" || next[0] == "were" || next[0] == "gets" || next[0] == "got" ||
			next[0] == "isn't" || next[0] == "aren't" || next[0] == "wasn't" || next[0] == "weren't" ||
			next[0] == "get":
			return false // what happens to p, not what p does
		case (next[0] == "keeps" || next[0] == "keep") && len(next) > 1 && (next[1] == "getting" || next[1] == "being"):
			return false
		case (next[0] == "has" || next[0] == "have") && len(next) > 1 && next[1] == "been":
			return false
		case heardVerbs[next[0]] || next[0] == "only" && len(next) > 1 && heardVerbs[next[1]]:
			return false // "QA found out from a tweet": p was left out, not whom to agree it with
		}
	}
	return true
}

// goodParty reports whether a party found in a text reads as one: not
// "every time marketing", "that recruitment", "Third".
func goodParty(p string) bool {
	switch strings.ToLower(firstWord(p)) {
	case "every", "each", "when", "whenever", "that", "this", "third", "second", "fourth", "fifth", "another", "them",
		"all", "any", "some", "whole", "the whole":
		return false
	}
	return !commonStart[strings.ToLower(firstWord(p))]
}

// doesAsFact states "why does <subject> <verb> …" as "<subject> <verb>s
// …": the verb is the first word after the subject tagged a base verb, or
// after an adverb ("legal always sit"), or the last word of a noun phrase
// the tagger ran on ("every escalation land").
func doesAsFact(s grammar.Sentence, rest string) (string, bool) {
	words := strings.Fields(rest)
	if len(words) != len(s.Tokens) || len(words) < 3 {
		return "", false
	}
	v := -1
	for i := 1; i < len(words) && i <= 5 && v < 0; i++ {
		switch t := s.Tokens[i].Tag; {
		case (t == "VB" || t == "VBP") && (grammar.IsNoun(s.Tokens[i-1].Tag) || s.Tokens[i-1].Tag == "PRP"):
			v = i
		case t == "RB" && i+1 < len(words):
			v = i + 1
		}
	}
	if v < 0 {
		if c, ok := s.NounPhraseAt(0); ok && c.Len() >= 3 && c.End < len(words) && s.Tokens[c.End].Tag == "IN" && s.Tokens[c.End-1].Tag == "NN" {
			v = c.End - 1
		}
	}
	if v < 1 {
		return "", false
	}
	subj := strings.Join(words[:v], " ")
	if words[v-1] == strings.ToLower(words[v-1]) && s.Tokens[v-1].Tag == "RB" {
		subj = strings.Join(words[:v-1], " ")
		subj += " " + words[v-1]
	}
	switch strings.ToLower(words[0]) {
	case "nobody", "no", "it", "this", "that", "everyone", "anyone":
		return "", false
	}
	verb := thirdPerson(words[v])
	head := v - 1
	if s.Tokens[head].Tag == "RB" && head > 0 {
		head--
	}
	if pluralHead(s.Tokens[head]) || s.Tokens[head].Lower == "they" || s.Tokens[head].Lower == "we" {
		verb = words[v] // "the fitters always get the new PPE first"
	}
	out := subj + " " + verb + " " + strings.Join(words[v+1:], " ")
	out = strings.TrimSpace(out)
	if !statementLike(out) || isVent(out) {
		return "", false
	}
	return upperFirst(capitalI(out)), true
}

// whoRE: a protest asked as "who decided …?": "who signed off on running
// the new resin without a trial", "who approved this tower design".
var whoRE = lazyRE(`(?i)^(?:seriously,? |honestly,? |so |and )?who (decided to|decided that|decided|approved|signed off on|signed off|agreed to|agreed|thought it was a good idea to|thought) (.+?)[?!.]*$`)

// whoRequest asks to look again at a decision the writer protests: "who
// signed off on running the new resin without a trial? now we've got 2
// days of short shots" → "Now we've got 2 days of short shots. Could we
// look again at the sign-off on running the new resin without a trial?"
func whoRequest(body string) (candidate, bool) {
	first, rest, _ := strings.Cut(body, "?")
	m := whoRE().FindStringSubmatch(strings.TrimSpace(first))
	if m == nil {
		return whoDidRequest(first, rest)
	}
	what := strings.TrimSpace(trimClause(m[2], 1))
	if !hasFact(what) || isVent(what) {
		return candidate{}, false
	}
	var decision string
	switch v := strings.ToLower(m[1]); v {
	case "decided to", "agreed to", "thought it was a good idea to", "thought":
		decision = "the decision to " + strings.TrimPrefix(what, "to ")
	case "decided that", "decided", "agreed":
		decision = "the decision that " + what
		if grammar.IsVerb(parse("to " + what).Tokens[1].Tag) {
			decision = "the decision to " + what
		}
	case "approved":
		decision = "the approval of " + what
	case "signed off on", "signed off":
		decision = "the sign-off on " + what
	}
	facts := ""
	for _, s := range splitSentences(strings.TrimLeft(rest, "?! ")) {
		s = strings.TrimRight(s, ".!?")
		if hasFact(s) && !isVent(s) && !strings.HasPrefix(strings.ToLower(s), "how ") {
			facts += finish(upperFirst(capitalI(s))) + " "
		}
	}
	return candidate{"Ask to revisit the decision", facts + "Could we look again at " + decision + "?"}, true
}

// whoDidRE: a protest asked as "who <did> <what>?": "who orders 40 kg of
// salmon for a Tuesday".
var whoDidRE = lazyRE(`(?i)^(?:seriously,? |honestly,? |so |and )?who (\w+) (.+?)[?!.]*$`)

// whoDidRequest states what a "who did this?" protest reports, in the
// passive, the blame out: "who orders 40 kg of salmon for a Tuesday?" →
// "40 kg of salmon was ordered for a Tuesday." and a request.
func whoDidRequest(first, rest string) (candidate, bool) {
	m := whoDidRE().FindStringSubmatch(strings.TrimSpace(first))
	if m == nil {
		return candidate{}, false
	}
	verb := strings.ToLower(m[1])
	var pp string
	switch {
	case strings.HasSuffix(verb, "ed") && len(verb) > 4:
		pp = verb
	case strings.HasSuffix(verb, "s"):
		stem := strings.TrimSuffix(verb, "s")
		if p, ok := pastParticiple(stem); ok {
			pp = p
		} else if p, ok := pastParticiple(strings.TrimSuffix(stem, "e")); ok {
			pp = p
		}
	}
	if pp == "" {
		return candidate{}, false
	}
	s := parse(m[2])
	c, ok := s.NounPhraseAt(0)
	if !ok || c.Start != 0 || s.Tokens[0].Tag == "PRP" {
		return candidate{}, false
	}
	end := c.End
	if end+1 < len(s.Tokens) && s.Tokens[end].Lower == "of" {
		if c2, ok := s.NounPhraseAt(end + 1); ok {
			end = c2.End // "40 kg of salmon"
		}
	}
	words := strings.Fields(m[2])
	if len(words) != len(s.Tokens) {
		return candidate{}, false
	}
	obj, tail := strings.Join(words[:end], " "), strings.Join(words[end:], " ")
	be := "was"
	if end == c.End && plural(s, c) {
		be = "were"
	}
	fact := strings.TrimSpace(obj + " " + be + " " + pp + " " + tail)
	if !hasFact(obj) || isVent(fact) {
		return candidate{}, false
	}
	facts := ""
	for _, x := range splitSentences(strings.TrimLeft(rest, "?! ")) {
		x = strings.TrimRight(x, ".!?")
		if hasFact(x) && !isVent(x) {
			facts += finish(upperFirst(capitalI(x))) + " "
		}
	}
	return candidate{ventFactsTitle, finish(upperFirst(fact)) + " " + facts + "Could we agree " + fixOrWay(fact) + " by [date]?"}, true
}

var (
	// heardLateRE: a statement heardLate makes.
	heardLateRE = lazyRE(`^(?:I heard |I was copied |I was the last to hear )`)
	// thanksLateRE: "thanks for letting me know about the restructure two
	// weeks after everyone else", "thanks for cc'ing me on the thread three
	// days after the decision, super helpful".
	thanksLateRE = lazyRE(`(?i)^(?:thanks|thank you) (?:so much |again )?for (letting me know|telling me|the heads-up|cc'ing me|cc’ing me|ccing me|copying me|looping me in|including me) (?:about |on |in )?(.+?)(?:,? (?:super|very|really|so) helpful|,? (?:i guess|lol))?$`)
	// lastToKnowRE: "love being the last to know about changes to my own team".
	lastToKnowRE = lazyRE(`(?i)^(?:(?:i )?(?:just |really |so )?(?:love|adore|enjoy)|great|nice|always fun) being the last (?:one |person )?to (?:know|hear|find out) about (.+)$`)
	// loveFromRE: "love finding out from the client that our vendor quit".
	loveFromRE = lazyRE(`(?i)^(?:(?:i )?(?:just |really |so )?(?:love|adore|enjoy)|great|nice|always fun) (?:finding out|hearing|learning) from (.+?) that (.+)$`)
)

// heardLate states sarcasm about hearing late plainly: "thanks for
// letting me know about X two weeks after everyone else found out" → "I
// heard about X two weeks after everyone else found out".
func heardLate(body string) (string, bool) {
	body = strings.TrimRight(trimClause(body, 1), ".!? ")
	if m := thanksLateRE().FindStringSubmatch(body); m != nil && hasFact(m[2]) {
		switch v := strings.ToLower(m[1]); {
		case strings.HasPrefix(v, "cc") || strings.HasPrefix(v, "copying") || strings.HasPrefix(v, "looping") || strings.HasPrefix(v, "including"):
			return "I was copied on " + m[2], true
		default:
			return "I heard about " + m[2], true
		}
	}
	if m := lastToKnowRE().FindStringSubmatch(body); m != nil && hasFact(m[1]) {
		return "I was the last to hear about " + m[1], true
	}
	if m := loveFromRE().FindStringSubmatch(body); m != nil && hasFact(m[2]) {
		return "I heard from " + m[1] + " that " + m[2], true
	}
	return "", false
}

// thanksAsFact states sarcastic thanks for something done to the writer
// as what was done: "thanks for putting my name on the FDA response
// without asking me" → "Someone put my name on the FDA response without
// asking me"; "thanks IT for resetting my MFA without telling me" → "IT
// reset my MFA without telling me".
func thanksAsFact(body string) (string, bool) {
	m := thanksForRE().FindStringSubmatch(strings.TrimRight(body, ".!? "))
	if m == nil || !hasFact(m[3]) {
		return "", false
	}
	past, ok := pastOfGerund(m[2])
	if !ok {
		return "", false
	}
	if party := strings.TrimSpace(m[1]); party != "" {
		return upperFirst(party) + " " + past + " " + m[3], true
	}
	return "Someone " + past + " " + m[3], true
}

// pastOfGerund returns the past of a verb's -ing form ("putting" → "put",
// "resetting" → "reset", "moving" → "moved", "booking" → "booked").
func pastOfGerund(g string) (string, bool) {
	stem, ok := strings.CutSuffix(strings.ToLower(g), "ing")
	if !ok || len(stem) < 2 {
		return "", false
	}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] && !strings.ContainsRune("lsz", rune(stem[n-1])) {
		stem = stem[:n-1] // "putting" → "put", "resetting" → "reset"
	}
	for past, base := range irregularPast {
		if base == stem {
			return past, true // "telling" → "told"
		}
	}
	if p, ok := eDroppedPast[stem]; ok {
		return p, true
	}
	return stem + "ed", true // "moving" → "mov" + "ed", "booking" → "booked"
}

// eDroppedPast are the irregular pasts of verbs whose -ing form dropped
// an "e" ("making" → "mak" → "made"), and of "reset" and the like.
var eDroppedPast = map[string]string{"reset": "reset", "set": "set", "cut": "cut", "mak": "made", "tak": "took",
	"giv": "gave", "writ": "wrote", "leav": "left"}

var (
	// thanksForRE: sarcastic thanks for what someone did ("thanks (IT)
	// for resetting my MFA without telling me").
	thanksForRE = lazyRE(`(?i)^(?:so |oh |well )?(?:thanks|thank you|cheers)((?: (?:the )?[A-Z][\w&]*(?: [A-Z][\w&]*)?| (?:the )?[a-z]+ team)?),? for ([a-z]+ing) (.+?)$`)
	// supposedRE: "what am I supposed to do when facilities ignores every ticket I file".
	supposedRE = lazyRE(`(?i)^(?:seriously,? |honestly,? |so |and )?(?:what|how) (?:am i|are we|is anyone|is the team) (?:even )?(?:supposed|meant|expected) to (?:do|plan|work|cope)(?: anything)? (?:when|if|while|with) (.+)$`)
	// pointRE: "what's the point of doing the weekly report if no one reads it".
	pointRE = lazyRE(`(?i)^(?:honestly,? |seriously,? |so )?what(?:'s|’s| is) (?:even |really |actually )?the point (?:of|in) (.+?) (?:if|when) (.+)$`)
	// botherRE: "not sure why we even bother writing design docs if product ignores them anyway".
	botherRE = lazyRE(`(?i)^(?:i'm |i am )?(?:not sure|no idea|i don't know|i dont know|i don’t know|i wonder) why (?:we|i) (?:even |still )?bother (.+?) (?:if|when) (.+)$`)
)

// pointRequest states what a "what's the point of X if Y" protest
// reports, Y, with X named for its pronoun, and asks about it: "what's
// the point of doing the weekly report if no one reads it" → "The weekly
// report isn't being read."
func pointRequest(body string) (candidate, bool) {
	b := strings.TrimRight(trimClause(strings.TrimSpace(body), 1), "?!. ")
	if m := supposedRE().FindStringSubmatch(b); m != nil {
		// "what am I supposed to do when facilities ignores every ticket I
		// file" → "Facilities ignores every ticket I file."
		y := strings.TrimSpace(m[1])
		if f, _, ok := blameAsFact(y); ok && f != "" {
			y = f
		}
		if isVent(y) || !clause(y) || !hasFact(y) {
			return candidate{}, false
		}
		return candidate{ventFactsTitle, finish(upperFirst(capitalI(y))) + " Could we agree " + fixOrWay(y) + " by [date]?"}, true
	}
	m := pointRE().FindStringSubmatch(b)
	if m == nil {
		m = botherRE().FindStringSubmatch(b)
	}
	if m == nil {
		return candidate{}, false
	}
	x := m[1]
	if s := parse(x); len(s.Tokens) > 1 && s.Tokens[0].Tag == "VBG" {
		x = strings.TrimSpace(x[len(s.Tokens[0].Text):]) // "doing the weekly report" → "the weekly report"
		if len(s.Tokens) > 2 && (s.Tokens[1].Tag == "RP" || s.Tokens[1].Tag == "IN") && (s.Tokens[2].Tag == "DT" || s.Tokens[2].Tag == "PRP$") {
			x = strings.TrimSpace(x[len(s.Tokens[1].Text):]) // "filling in the weekly timesheet"
		}
	}
	if !hasFact(x) {
		return candidate{}, false
	}
	y := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(m[2]), " anyway"), ", anyway")
	for _, p := range []string{" them", " it", " these", " those"} {
		if strings.HasSuffix(y, p) {
			y = strings.TrimSuffix(y, p) + " " + x
			break
		}
	}
	if f, _, ok := blameAsFact(y); ok && f != "" {
		y = f
	}
	if isVent(y) || !clause(y) {
		return candidate{}, false
	}
	return candidate{ventFactsTitle, finish(upperFirst(capitalI(y))) + " Could we agree " + fixOrWay(y) + " by [date]?"}, true
}
