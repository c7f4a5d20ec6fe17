package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
)

// Reported speech in minutes (the catalogue's Conventions): what minutes
// tell of someone else ("Matteo just wanted to flag…", "Tom asked what we
// should do") is not the writer's framing, so hedging and open-question
// leave it alone. Speaker lines ("Matteo: can we solve this?") record the
// speaker's own words and are still read as written.

// reportedHedge reports whether a hedge is told of someone else: it is a
// predicate ("just wanted to flag", "just asking") whose subject, just
// before it, is a third party ("Matteo just wanted to flag", "she was
// just checking in"). A hedge that is a clause of its own ("correct me if
// I'm wrong", "sorry to bother you") after a name is that person's line.
func reportedHedge(v blockView, sent document.Span, h hit) bool {
	switch strings.ToLower(firstWord(v.masked(h.span))) {
	case "just", "wanted", "was", "is":
		return thirdPartyBefore(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))
	}
	return false
}

// thirdPartyBefore reports whether the text before a phrase ends with a
// third party as the subject of the phrase, perhaps with an auxiliary or
// an adverb between: "Matteo", "Tom is", "she was also".
func thirdPartyBefore(before string) bool {
	ws := strings.Fields(before)
	for len(ws) > 0 && subjectFillers[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return false
	}
	return thirdParty(ws[len(ws)-1])
}

// subjectFillers may stand between a subject and what it did.
var subjectFillers = map[string]bool{
	"is": true, "was": true, "has": true, "had": true, "are": true, "were": true, "also": true, "then": true,
	"still": true, "only": true, "really": true, "later": true, "again": true, "just": true,
}

// thirdParty reports whether a word, a subject, names someone other than
// the writer: a third-person pronoun, an @handle, or a capitalised name
// (not "I", and not a capitalised adverb, greeting or label).
func thirdParty(w string) bool {
	if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, ";") {
		return false // "Matteo, just wanted to…" addresses Matteo; "Matteo:" is his own line
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	lw := strings.ToLower(w)
	switch lw {
	case "he", "she", "they", "someone", "somebody", "everyone", "everybody", "people", "folks", "others", "nobody":
		return true
	}
	if strings.HasPrefix(w, "@") && len(w) > 1 {
		return true
	}
	if w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !notNames[lw] && strings.IndexFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.'
	}) < 0
}

// notNames are words written with a capital at the start of a sentence
// that name nobody.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`also and but so then now hi hey hello dear note update again anyway
		yes no well today tomorrow yesterday still honestly really just plus ok okay sorry thanks fyi ps
		quick sure oh ah actually basically btw otherwise meanwhile finally first second third lastly
		overall here there this that it we you also however team all sadly unfortunately fortunately
		luckily hopefully obviously clearly frankly personally instead besides therefore thus hence
		perhaps maybe please kindly reminder heads edit context summary status question action
		done noted help urgent classic typical whatever sorted fixed agreed nothing everything nobody
		everyone seriously wow ugh sigh lol fine chaos disaster carnage mayhem nightmare doom risk
		blocker blockers next actions
		decision todo nb risk risks problem issue blocker background goal next who what when where why how which if while because since though although as`) {
		notNames[w] = true
	}
}

// reportedQuestion reports whether an open question is told of someone
// else: it follows a reporting verb ("Tom asked what we should do", "she
// wanted to know how to proceed", "asked the group who should own it")
// whose subject is not the writer, or a third party as its subject ("Tom
// is not sure how to proceed").
func reportedQuestion(v blockView, sent document.Span, h hit) bool {
	before := v.masked(document.Span{Start: sent.Start, End: h.span.Start})
	ws := strings.Fields(before)
	// Back over an object: "asked us", "asked the group".
	for k := 0; k < 3 && len(ws) > 0 && askObjects[strings.ToLower(ws[len(ws)-1])]; k++ {
		ws = ws[:len(ws)-1]
	}
	n := len(ws)
	verb := 0 // words of the reporting verb at the end of ws
	if n > 0 && reportingVerbs[strings.ToLower(strings.TrimRight(ws[n-1], ":,"))] {
		verb = 1
	} else if n > 2 && strings.EqualFold(ws[n-2], "to") && strings.EqualFold(strings.TrimRight(ws[n-1], ":,"), "know") {
		verb = 3 // "wanted to know"
	}
	if verb == 0 {
		switch strings.ToLower(firstWord(v.masked(h.span))) {
		case "i", "i'm", "i’m", "we", "let", "tell", "what", "how", "who", "where", "which", "any", "ideas", "thoughts":
			return false
		}
		return thirdPartyBefore(before)
	}
	ws = ws[:n-verb]
	for len(ws) > 0 && subjectFillers[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return true // "Asked what we should do": the minutes' record of an act
	}
	switch strings.ToLower(ws[len(ws)-1]) {
	case "i", "we":
		return false
	}
	return true
}

// reportingVerbs introduce a reported question.
var reportingVerbs = map[string]bool{
	"asked": true, "asks": true, "asking": true, "wondered": true, "wonders": true, "inquired": true,
	"enquired": true, "queried": true, "questioned": true, "raised": true,
}

// askObjects are whom a question is asked of.
var askObjects = map[string]bool{
	"us": true, "me": true, "him": true, "her": true, "them": true, "everyone": true, "everybody": true,
	"the": true, "group": true, "team": true, "room": true, "tsc": true, "council": true, "committee": true,
}
