package builtin

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// Hedge shapes: after the phrase lists have done their work, what is left
// of a hedge is removed by its shape rather than its words, so that
// hedges the lists do not know go too:
//   - a leading clause joined by "but" that softens and names nothing
//     ("prob a dumb idea but", "I might be totally wrong here, but");
//   - a trailing clause or sentence that only softens ("…, sorry if that's
//     obvious", "Only if you have time.", "Happy to leave it if not.").
//
// A removal that would leave a fragment (no finite verb, or a start on
// "me", a conjunction or a mark) is undone.

// softenWords are the words that make a clause before "but" a hedge.
var softenWords = []string{"sorry", "apologies", "apologise", "apologize", "probably", "prob", "dumb", "silly",
	"just", "maybe", "not sure", "might", "stupid", "obvious", "overstep", "overstepping", "bother", "ping",
	"bug", "wrong", "idk", "no idea if", "could be", "feel free", "ignore", "random", "tangent", "annoying", "a pain",
	"presumptuous", "off base", "oversensitive", "toes", "forgive", "intrusion", "basic", "feel bad", "my place", "my call",
	"thought of this", "thought of that", "don't know if", "not sure if", "useful at all", "obvious",
	"wasn't sure", "was not sure", "not really sure", "how to say this", "ok to ask", "okay to ask", "alright to ask",
	"no rush", "no stress", "no pressure"}

// tailSoftenerRE matches a clause or sentence that only softens.
var tailSoftenerRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:i'?m |i am |so |really |very )*(?:sorry|apologies)(?: if| for| about| (?:it's|they're|this is|that's) | it is |$)|if (?:that|this) (?:makes sense|is ok|is okay|is alright|works|helps)|no (?:worries|stress|rush|pressure)(?: if not| at all)?|only if you(?:'ve| have) (?:the )?time|(?:i'?m )?happy to (?:leave|drop|park) (?:it|this)(?: if not)?|just (?:my|a) (?:two|2) cents|just a thought|just an idea|feel free to ignore|ignore (?:me|this) if|(?:(?:and |so )?fingers crossed|hopefully|(?:just )?(?:wondering|checking|asking|curious))$|only if (?:it|that|this)(?:'s| is) (?:ok|okay|alright|fine|not stepping on (?:anyone's|any) toes)(?: (?:obviously|of course))?$|(?:i )?hope (?:that|this|it)(?:'s| is) (?:ok|okay|alright|fine)(?: x+| and (?:sorry|apologies) (?:if|for) .*)?$|does (?:that|this|it) make sense to (?:raise|ask|bring up|mention)(?: (?:this|it))?(?: here)?$|(?:can|could|may) i ask (?:you )?(?:a|an) (?:(?:possibly|probably|maybe|really|very|quick|dumb|silly|stupid|basic|naive|obvious)[ -]?)+question$)`)
})

// leadLabelRE matches a lead that only belittles the question after it
// ("ok dumb question, ", "quick silly q: ") or only hopes ("fingers
// crossed, ").
var leadLabelRE = lazyRE(`(?i)^(?:(?:fingers crossed|touch wood)[,:!—-]* +|(?:(?:a |one )?(?:quick|small|tiny|little) (?:favour|favor|ask|one)[,:!—-]* +)|(?:(?:ok|okay|um|umm|so|hmm|right|sorry)[,!]? )?(?:(?:a|another) )?(?:(?:possibly|probably|maybe|really|very|quick|dumb|silly|stupid|basic|naive|random|obvious)[ -])+(?:question|q|qn)[,:!—-]* +)`)

// commonOpeners are capitalised first words that name nothing.
var commonOpeners = map[string]bool{"hi": true, "hey": true, "ok": true, "okay": true, "um": true, "hmm": true,
	"not": true, "i": true, "this": true, "it": true, "soz": true, "sorry": true, "apologies": true, "rly": true}

// hedgeNamesFact reports whether s names something: a digit, or a capitalised
// word other than the first and "I".
func hedgeNamesFact(s string) bool {
	for i, w := range strings.Fields(s) {
		w = strings.Trim(w, "\"'“”‘’()*_,.;:!?")
		if w == "" {
			continue
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return true
			}
		}
		if i == 0 {
			if p := grammar.Parse(s).Tokens; len(p) > 0 && p[0].Tag == "NNP" && !slices.Contains(softenWords, p[0].Lower) && !commonOpeners[p[0].Lower] {
				return true // a name addressed: "Michael correct me if I'm wrong but …"
			}
			continue
		}
		r := []rune(w)[0]
		if unicode.IsUpper(r) && w != "I" && !strings.EqualFold(w, "ok") && !strings.HasPrefix(w, "I'") && !strings.HasPrefix(w, "I’") {
			return true
		}
	}
	return false
}

// softens reports whether clause c carries a softener word.
func softens(c string) bool {
	lo := " " + strings.ToLower(strings.NewReplacer("’", "'", ",", " ", ".", " ").Replace(c)) + " "
	for _, w := range softenWords {
		if strings.Contains(lo, " "+w+" ") {
			return true
		}
	}
	return false
}

// fragment reports whether sentence t, left by a removal, is not one a
// person would write: no finite verb, or an opening on "me", a
// conjunction or a mark.
func fragment(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || badStart(t) {
		return true
	}
	switch strings.ToLower(firstWord(firstClause(t))) {
	case "me", "so":
		return true
	case "who", "what", "which", "how", "when", "where", "why":
		if strings.HasSuffix(t, "?") && len(strings.Fields(t)) >= 3 {
			return false // "who signs off the lease?": the tagger may miss its verb
		}
	}
	return !grammar.Parse(t).HasFiniteVerb()
}

// labelled reports whether t opens with a short label and a colon, as a
// status line does ("Curriculum review: done").
func labelled(t string) bool {
	t = strings.TrimSpace(t)
	i := strings.Index(t, ": ")
	return i > 0 && len(strings.Fields(t[:i])) <= 4 && strings.TrimSpace(t[i+2:]) != ""
}

// shapes removes the hedge shapes of sentence si (see above) and reports
// how many went.
func (st *localBlock) shapes(v blockView, si int) int {
	n := 0
	if st.tailShape(si) { // first: a lead is judged on what the tail leaves
		n++
	}
	if st.leadShape(si) {
		n++
	}
	if st.ishShape(si) {
		n++
	}
	if n == 0 && len(st.sents) > 1 && st.softenerSentence(v, si) {
		n++
	}
	return n
}

// sentText returns sentence si's source, trimmed at the end, and whether
// it has no markup.
func (st *localBlock) sentText(si int) (string, bool) {
	s := st.sents[si]
	raw := st.src[s.Start:s.End]
	return strings.TrimRight(raw, " \t\r\n"), raw == st.masked[s.Start:s.End]
}

// try applies edit e to sentence si and keeps it unless it leaves a
// fragment.
func (st *localBlock) try(si int, e lint.Edit) bool {
	saved := *st
	st.apply([]lint.Edit{e})
	if si >= len(st.sents) {
		*st = saved
		return false
	}
	// A labelled status line ("Review: hopefully done, fingers crossed")
	// needs no verb; a sentence must not become a fragment.
	t, _ := st.sentText(si)
	if fragment(t) && (badStart(t) || !labelled(t)) {
		*st = saved
		return false
	}
	return true
}

// leadShape removes a leading "…, but" clause that softens and names
// nothing: "prob a dumb idea but the demo is ready."
func (st *localBlock) leadShape(si int) bool {
	t, clean := st.sentText(si)
	if !clean {
		return false
	}
	lead := len(t) - len(strings.TrimLeft(t, " \t"))
	from := lead + (len(t[lead:]) - len(firstClause(t[lead:])))
	body := t[from:]
	lo := strings.ToLower(body)
	s := st.sents[si].Start
	// "ok dumb question, how do I…": a label that only belittles the
	// question goes with its comma.
	if m := leadLabelRE().FindStringIndex(body); m != nil {
		if st.try(si, lint.Edit{Span: document.Span{Start: s + from, End: s + from + m[1]}}) {
			return true
		}
	}
	// The joint: "but", or a colon or dash that hands over to the message
	// ("Apologies in advance if this is a dumb question: is the freeze
	// still on?").
	for _, j := range []string{" but ", ": ", " — ", " - "} {
		// Each occurrence, first to last: "I'm sure this is obvious to
		// everyone but me, but the draft is attached".
		for k := 0; k < len(lo); {
			i := strings.Index(lo[k:], j)
			if i < 0 {
				break
			}
			i += k
			k = i + len(j)
			clause := strings.TrimRight(body[:i], ",;— ")
			if len(strings.Fields(clause)) > 16 || !softens(clause) || hedgeNamesFact(clause) {
				continue
			}
			if st.try(si, lint.Edit{Span: document.Span{Start: s + from, End: s + from + i + len(j)}}) {
				return true
			}
		}
	}
	return false
}

// tailShape removes a trailing clause that only softens: "…, sorry if
// that's obvious."
func (st *localBlock) tailShape(si int) bool {
	t, clean := st.sentText(si)
	if !clean {
		return false
	}
	end := strings.TrimRight(t, ".!?… 🙏🙂😅🙈")
	for _, sep := range []string{", ", " — ", " - ", "; ", "? ", "! "} {
		i := strings.LastIndex(end, sep)
		if i < 0 {
			continue
		}
		tail := end[i+len(sep):]
		if len(strings.Fields(tail)) > 12 || hedgeNamesFact(tail) || !tailSoftenerRE().MatchString(tail) {
			continue
		}
		s := st.sents[si].Start
		mark := t[len(end):]
		if sep == "? " || sep == "! " {
			i++ // the mark stays: "…my timetable? no stress if not!"
			mark = ""
		} else if mark == "" || !strings.ContainsAny(mark[:1], ".!?") {
			mark = "."
		} else {
			mark = mark[:1]
		}
		return st.try(si, lint.Edit{Span: document.Span{Start: s + i, End: s + len(t)}, NewText: mark})
	}
	return false
}

// softenerSentence removes sentence si where it is only a softener:
// "Only if you have time."
func (st *localBlock) softenerSentence(v blockView, si int) bool {
	return st.removeWhole(v, si, func(t string) bool {
		body := strings.TrimSpace(strings.TrimRight(t, ".!?… 🙏🙂😅🙈"))
		return len(strings.Fields(body)) <= 9 && !hedgeNamesFact(body) && tailSoftenerRE().MatchString(body)
	})
}

// ishRE matches a state word hedged with "-ish": "done-ish", "soon-ish".
var ishRE = lazyRE(`(?i)\b(done|ready|finished|complete|sorted|working|soon|ok|okay|fine)[- ]?ish\b`)

// ishShape says what a "-ish" hedged ("done-ish" → "mostly done"; a time
// word loses it: "soon-ish" → "soon").
func (st *localBlock) ishShape(si int) bool {
	t, clean := st.sentText(si)
	if !clean {
		return false
	}
	m := ishRE().FindStringSubmatchIndex(t)
	if m == nil {
		return false
	}
	w := t[m[2]:m[3]]
	out := "mostly " + w
	if strings.EqualFold(w, "soon") {
		out = w
	}
	if m[0] == 0 && startsUpper(w) {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	s := st.sents[si].Start
	st.apply([]lint.Edit{{Span: document.Span{Start: s + m[0], End: s + m[1]}, NewText: out}}) // a word for a word: no fragment
	return true
}
