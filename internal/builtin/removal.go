package builtin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// A removal fix deletes the flagged words (a hedge, an apology, an opener,
// filler) and mends what is left so that it reads as the writer would have
// written it without them:
//
//   - the joint after the words goes with them: "Sorry to bother you, but
//     the build is green." becomes "The build is green.";
//   - what becomes the start of the sentence, or of the text after a label
//     ("Note:", "**Update:**"), an opening bracket or an emoji, takes the
//     case the removed words had there;
//   - a greeting keeps its comma ("Hi Dana, the build is green."), a
//     parenthetical loses both of its commas, and an emptied bracket goes;
//   - words that end a sentence take the punctuation before them along,
//     and a question tag leaves a statement that ends with a full stop;
//   - a sentence that was nothing but the words goes with the space or
//     line break beside it.
//
// Where no mending is safe (a fragment would be left, a label would be
// left with nothing after it, Markdown markup would be cut in half) there
// is no fix: the finding stands without one.

// removeWords returns the edit that removes the source text [s, e) from
// sentence sent of the block and mends what is left, or false. adverb says
// the words are a single adverb ("just", "maybe"), which can go from
// anywhere in a clause without a joint.
func removeWords(v blockView, sent document.Span, s, e int, adverb bool) (lint.Edit, bool) {
	text := v.doc.Text
	bs, be := v.b.Span.Start, v.b.Span.End
	if s < bs || e > be || s >= e {
		return lint.Edit{}, false
	}
	m := func(i int) byte { return v.b.Text[i-bs] } // masked byte at i
	markup := func(i int) bool { return m(i) == ' ' && !isSpaceByte(text[i]) }
	upper := startsUpper(text[s:e])

	// Emphasis around the words goes with them: "**Sorry to bother you**".
	for s > bs && e < be && markup(s-1) && markup(e) && text[s-1] == text[e] && strings.IndexByte("*_~", text[e]) >= 0 {
		s--
		e++
	}
	if !balancedMarkup(text, s, e, markup) {
		return lint.Edit{}, false
	}
	lead := ""
	if s > sent.Start {
		lead = strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: s}))
	}
	end := max(sent.End, e)
	joint := ""
	if !adverb {
		rest := v.masked(document.Span{Start: e, End: end})
		for _, j := range joints {
			if hasPrefixFold(rest, j) {
				joint = j
				break
			}
		}
	}
	r0 := e + len(joint)
	for r0 < end && isSpaceByte(text[r0]) {
		r0++
	}
	tail := strings.TrimSpace(v.masked(document.Span{Start: r0, End: end}))

	if e, ok := removeBracketed(v, sent, s, r0); ok {
		return e, true
	}
	if !hasAlnum(tail) {
		// The words end the sentence.
		if lead == "" {
			return removeSentence(v, sent)
		}
		return removeEnding(v, sent, s, e, lead)
	}
	if joint == "" && !adverb {
		switch strings.ToLower(firstWord(tail)) {
		case "for", "if", "to", "again", "whether", "with", "about", "on", "in", "that", "of":
			// "Apologies in advance for…", "Just checking in to see if…":
			// removing the words would leave a fragment.
			return lint.Edit{}, false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(lead)
	if !adverb && !strings.HasSuffix(lead, ",") && greetingRE().MatchString(lead+",") {
		// "hey so sorry, would you…": the greeting takes a comma.
		l := s
		for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
			l--
		}
		return lint.Edit{Span: document.Span{Start: l, End: r0}, NewText: ", "}, true
	}
	switch {
	case lead == "" || startLike(lead):
		return recased(v, s, r0, end, upper), true
	case last == ',':
		if joint == ", " && !greetingRE().MatchString(lead) && !vocative(lead) && !adverb {
			// A parenthetical: "The report, I hope that's ok, is ready."
			c := s - 1
			for c > sent.Start && text[c] != ',' {
				c--
			}
			return lint.Edit{Span: document.Span{Start: c, End: r0}, NewText: " "}, true
		}
		if joint == "" && !adverb && !greetingRE().MatchString(lead) {
			return lint.Edit{}, false
		}
		if strings.Contains(text[sent.Start:s], "\n") {
			// "Hi Craig,\nSorry to bother you, but the revised …": after a
			// greeting on its own line, the sentence starts with a capital.
			return recased(v, s, r0, end, true), true
		}
		return lint.Edit{Span: document.Span{Start: s, End: r0}}, true
	case adverb:
		if r, _ := utf8.DecodeRuneInString(tail); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			// "(could you maybe)": the space before it goes.
			l := s
			for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
				l--
			}
			return lint.Edit{Span: document.Span{Start: l, End: e}}, true
		}
		return lint.Edit{Span: document.Span{Start: s, End: r0}}, true
	}
	if clauseWords[strings.ToLower(lastWord(lead))] || lastWord(lead) == "that" {
		// "The report is ready and sorry to bother you, but the build is
		// green": the words and their joint go, the conjunction stays.
		return lint.Edit{Span: document.Span{Start: s, End: r0}}, true
	}
	if clauseVerbs[strings.ToLower(lastWord(lead))] {
		// "i know this is probably a stupid idea, but…": the verb would
		// be left without its clause.
		return lint.Edit{}, false
	}
	// Inside a clause: only where what follows can join what came before.
	if joint == "" && !clauseWords[strings.ToLower(firstWord(tail))] {
		return lint.Edit{}, false
	}
	l := s
	for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
		l--
	}
	switch {
	case joint == "":
		// "cache it if that makes sense and ship"
		return lint.Edit{Span: document.Span{Start: l, End: e}}, true
	case strings.HasPrefix(joint, ", ") || joint == "; ":
		// "cache it if that makes sense, and ship": the comma goes too.
		return lint.Edit{Span: document.Span{Start: l, End: e + 1}}, true
	}
	// "Michael correct me if I'm wrong but we don't…": the joint belongs
	// to the words, and without both the clause has no seam.
	return lint.Edit{}, false
}

// joints are what joins removed words to the rest of their sentence; they
// go with the words. Longest first.
var joints = []string{", but ", ", so ", ", and ", "!! but ", "! but ", "!! ", " but ", " so ", "! ", " - ", " — ", " – ", "; ", ": ", ", ", " that "}

// clauseVerbs take a clause: removed words after one would leave it
// without its object.
var clauseVerbs = map[string]bool{"know": true, "think": true, "feel": true, "guess": true, "say": true, "mean": true,
	"hope": true, "realise": true, "realize": true, "understand": true, "believe": true, "suppose": true, "appreciate": true}

// clauseWords can follow removed words inside a clause: "cache it if that
// makes sense and ship Friday".
var clauseWords = map[string]bool{"and": true, "but": true, "so": true, "then": true, "because": true, "or": true}

// recased removes [s, r0) and gives the first letter of what follows the
// case the removed words started with (only raising it: "I" and names
// keep theirs).
func recased(v blockView, s, r0, end int, upper bool) lint.Edit {
	text := v.doc.Text
	edit := lint.Edit{Span: document.Span{Start: s, End: r0}}
	if !upper {
		return edit
	}
	for i := r0; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if v.b.Text[i-v.b.Span.Start] == ' ' {
			i += n // markup: "**the build**"
			continue
		}
		if unicode.IsLower(r) && !mixedCase(text[i:end]) {
			edit.Span.End = i + n
			edit.NewText = text[r0:i] + string(unicode.ToUpper(r))
		}
		break
	}
	return edit
}

// removeBracketed removes words that fill a bracket, "The build (sorry
// to bother you) is green.", with the bracket and the space before it.
// r0 is where the text after the words (and their joint) resumes.
func removeBracketed(v blockView, sent document.Span, s, r0 int) (lint.Edit, bool) {
	text := v.doc.Text
	l := s
	for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
		l--
	}
	if l <= sent.Start || r0 >= len(text) {
		return lint.Edit{}, false
	}
	open, shut := text[l-1], text[r0]
	if !(open == '(' && shut == ')' || open == '[' && shut == ']') {
		return lint.Edit{}, false
	}
	l--
	for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
		l--
	}
	if l == sent.Start {
		// The bracket opens the sentence: the space after it goes instead.
		r := r0 + 1
		for r < sent.End && (text[r] == ' ' || text[r] == '\t') {
			r++
		}
		return lint.Edit{Span: document.Span{Start: l, End: r}}, true
	}
	return lint.Edit{Span: document.Span{Start: l, End: r0 + 1}}, true
}

// removeEnding removes words that end a sentence after lead ("The build is
// green, hope that's ok."), with the comma or dash before them, or with
// the bracket around them; a question tag's "?" becomes "." when what is
// left is not a question.
func removeEnding(v blockView, sent document.Span, s, e int, lead string) (lint.Edit, bool) {
	text := v.doc.Text
	if !hasAlnum(lead) || strings.HasSuffix(lead, ":") {
		return lint.Edit{}, false // a label or an emoji with nothing after it
	}
	if greetingRE().MatchString(lead) && strings.Contains(text[sent.Start:s], "\n") {
		// "Dear Sister Hannah,\nI am sorry to disturb you. I only wanted…":
		// the greeting keeps its comma and its line; the next sentence
		// moves up to where the removed words started.
		k := e
		for k < v.b.Span.End && strings.IndexByte(".?!", text[k]) >= 0 {
			k++
		}
		for k < v.b.Span.End && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= v.b.Span.End || !hasAlnum(text[k:min(k+2, v.b.Span.End)]) {
			return lint.Edit{}, false
		}
		return lint.Edit{Span: document.Span{Start: s, End: k}}, true
	}
	// Back over space and separators to the end of what is kept.
	l := s
	for l > sent.Start {
		switch {
		case strings.IndexByte(" \t\r\n,;-", text[l-1]) >= 0:
			l--
			continue
		case strings.HasSuffix(text[sent.Start:l], "—"), strings.HasSuffix(text[sent.Start:l], "–"):
			l -= len("—")
			continue
		}
		break
	}
	r := e
	for r < sent.End && (text[r] == ' ' || text[r] == '\t') {
		r++
	}
	if l > sent.Start && strings.IndexByte(".?!", text[l-1]) >= 0 {
		// "…to Friday? sorry!": the words' own marks go with them.
		for e < sent.End && strings.IndexByte(".?!", text[e]) >= 0 {
			e++
		}
		return lint.Edit{Span: document.Span{Start: l, End: e}}, true
	}
	if l > sent.Start && (text[l-1] == '(' || text[l-1] == '[') && r < sent.End && (text[r] == ')' || text[r] == ']') {
		// "The build is green (sorry to bother you)."
		l--
		for l > sent.Start && (text[l-1] == ' ' || text[l-1] == '\t') {
			l--
		}
		return lint.Edit{Span: document.Span{Start: l, End: r + 1}}, true
	}
	if r < sent.End && text[r] == '?' && !questionLead(lead) && !questionLead(lead[len(bangGreetingRE().FindString(lead)):]) && !askLead(lead) {
		return lint.Edit{Span: document.Span{Start: l, End: r + 1}, NewText: "."}, true
	}
	if l == sent.Start {
		return lint.Edit{}, false
	}
	return lint.Edit{Span: document.Span{Start: l, End: e}}, true
}

// askLead reports whether lead, after any greeting (on its line or
// before a comma), opens a verbless question: "Any update on the quote,
// sorry to chase?" keeps its question mark when the apology goes.
func askLead(lead string) bool {
	if i := strings.LastIndexByte(lead, '\n'); i >= 0 {
		lead = lead[i+1:]
	}
	l := strings.ToLower(firstClause(strings.TrimSpace(lead)))
	for _, p := range []string{"any update", "any news", "any word", "any chance", "any progress"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// removeSentence removes a sentence that is nothing but the flagged words
// (with any emphasis around it), with the space or line break before it,
// or, when it opens its line, the space after it. A block's only sentence
// stays: removing it would leave an empty list item or paragraph.
func removeSentence(v blockView, sent document.Span) (lint.Edit, bool) {
	text := v.doc.Text
	ss := v.b.Sentences
	i := v.sentenceAt(sent.Start)
	if i < 0 {
		return lint.Edit{}, false
	}
	if len(ss) == 1 {
		return removeParagraph(v)
	}
	s, e := sent.Start, trimSentence(v, sent).End
	bs, be := v.b.Span.Start, v.b.Span.End
	markup := func(k int) bool { return v.b.Text[k-bs] == ' ' && !isSpaceByte(text[k]) }
	for s > bs && e < be && markup(s-1) && markup(e) && text[s-1] == text[e] && strings.IndexByte("*_~", text[e]) >= 0 {
		s--
		e++
	}
	if !balancedMarkup(text, s, e, markup) {
		return lint.Edit{}, false
	}
	before := s // back over the space before, to the sentence before
	for i > 0 && before > ss[i-1].End && isSpaceByte(text[before-1]) {
		before--
	}
	after := e // on over the space after, to the sentence after
	for i+1 < len(ss) && after < ss[i+1].Start && isSpaceByte(text[after]) {
		after++
	}
	opensLine := i == 0 || strings.Contains(text[before:s], "\n")
	switch {
	case !opensLine:
		// "A. Just checking in. B." → "A. B."
		return lint.Edit{Span: document.Span{Start: before, End: e}}, true
	case i+1 < len(ss) && !strings.Contains(text[e:after], "\n"):
		// The next sentence moves up to where this one started.
		return lint.Edit{Span: document.Span{Start: s, End: after}}, true
	case i > 0:
		// The sentence fills its line: it goes with the line break before it.
		nl := before + strings.IndexByte(text[before:s], '\n')
		if nl > before && text[nl-1] == '\r' {
			nl--
		}
		return lint.Edit{Span: document.Span{Start: nl, End: e}}, true
	}
	// First in its block and alone on its line: the next line moves up.
	return lint.Edit{Span: document.Span{Start: s, End: after}}, true
}

// removeParagraph removes a top-level paragraph that is nothing but the
// flagged words, with the blank line after it (or, last in the text,
// before it). A list item, a quote, a table cell or a paragraph with
// markup or a comment beside its words stays.
func removeParagraph(v blockView) (lint.Edit, bool) {
	text := v.doc.Text
	b := v.b
	if b.Kind != document.Paragraph || b.Parent >= 0 || b.Quoted {
		return lint.Edit{}, false
	}
	src := text[b.Span.Start:b.Span.End]
	if strings.TrimSpace(src) != strings.TrimSpace(b.Text) {
		return lint.Edit{}, false
	}
	start := strings.LastIndexByte(text[:b.Span.Start], '\n') + 1
	if strings.TrimSpace(text[start:b.Span.Start]) != "" {
		return lint.Edit{}, false
	}
	end := b.Span.End
	for end < len(text) && isSpaceByte(text[end]) {
		end++
	}
	if end < len(text) {
		// Up to the next line with text, keeping its indentation.
		for end > b.Span.End && (text[end-1] == ' ' || text[end-1] == '\t') {
			end--
		}
		return lint.Edit{Span: document.Span{Start: start, End: end}}, true
	}
	// Last in the text: from the end of the text before it, keeping the
	// text's final line break.
	for start > 0 && isSpaceByte(text[start-1]) {
		start--
	}
	if start == 0 {
		return lint.Edit{}, false // nothing else in the text
	}
	return lint.Edit{Span: document.Span{Start: start, End: b.Span.End}}, true
}

// balancedMarkup reports whether the Markdown markup inside [s, e) is
// whole: emphasis marks in pairs, no half of a link or code span.
func balancedMarkup(text string, s, e int, markup func(int) bool) bool {
	count := map[byte]int{}
	for i := s; i < e; i++ {
		if markup(i) {
			count[text[i]]++
		}
	}
	for c, n := range count {
		if strings.IndexByte("*_~", c) < 0 || n%2 != 0 {
			return false
		}
	}
	return true
}

// startLike reports whether a lead before removed words leaves them at a
// start: after a label ("Note:"), an opening bracket or quote, a dash, or
// only symbols such as an emoji.
func startLike(lead string) bool {
	if !hasAlnum(lead) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(lead)
	return strings.ContainsRune(":([{\"'“‘«—–-", r) || bangGreetingRE().FindString(lead+" ") == lead+" " // "hi! no rush but…"
}

// mixedCase reports whether the word at the start of s has a capital
// after its first letter ("iOS", "eBay"): it keeps its case at the start
// of a sentence.
func mixedCase(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	for _, r := range s[n:] {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// startsUpper reports whether the first letter of s is upper case.
func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// hasAlnum reports whether s has a letter or a digit.
func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// questionLead reports whether a clause opens like a question ("Can we…",
// "What…"), after any greeting or label.
func questionLead(lead string) bool {
	if i := strings.LastIndexAny(lead, ",:"); i >= 0 && i < len(lead)-1 {
		lead = lead[i+1:]
	}
	for _, c := range []string{"but ", "and ", "so "} {
		if t := strings.TrimSpace(lead); len(t) > len(c) && strings.EqualFold(t[:len(c)], c) {
			lead = t[len(c):] // ", but would it be possible…"
		}
	}
	switch strings.ToLower(firstWord(lead)) {
	case "any", "can", "could", "would", "will", "should", "shall", "is", "are", "am", "was", "were", "do", "does", "did",
		"have", "has", "had", "may", "might", "what", "how", "why", "when", "where", "who", "which", "whose", "whom",
		"isn't", "aren't", "don't", "doesn't", "didn't", "won't", "can't", "shouldn't", "wouldn't", "couldn't":
		return true
	}
	return false
}

// greetingRE matches a greeting that ends with a comma: "Hi Dana,".
// vocative reports whether lead, the words before a removal, only
// addresses the reader by name: "Olga,", "Dr Mensah,".
func vocative(lead string) bool {
	f := strings.Fields(strings.TrimSuffix(lead, ","))
	if !strings.HasSuffix(lead, ",") || len(f) == 0 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if !startsUpper(w) || w == "I" || strings.HasPrefix(w, "I'") {
			return false
		}
	}
	return true
}

var greetingRE = lazyRE(`(?i)^(?:hi|hey|heyy+|hello|hiya|heya|dear|morning|good morning|good afternoon|afternoon|evening|good evening|thanks|thank you|team|all|folks|everyone|y'all|yo)\b(?:[^,.!?]|\b(?:dr|mr|mrs|ms|prof)\.){0,40},$`)
