package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitSentences splits a block's masked text into sentence spans (offsets
// base+i). A sentence ends at . ! ? or … (with any closing quotes or
// brackets) followed by white space and a character that is not a
// lower-case letter, unless the period ends a known abbreviation or an
// initial; at a blank line; at a hard line break (breaks holds the
// absolute offsets where hard-broken lines' text ends); and at a line end
// without punctuation when the next line starts a new thought (see
// newThought): a list item, a label, or a capitalised line after one that
// did not break mid-phrase, in a block that is not wrapped prose.
func splitSentences(t string, base int, breaks []int) []Span {
	return appendSentences(nil, t, base, breaks)
}

// maxSentence is the longest run, in bytes, kept as one sentence: a longer
// one ends at the next space. Real sentences stay far below it (the
// longest in the shared corpus is 879 bytes); a pasted log or word list
// without full stops would otherwise be one sentence, and rules that look
// back over the sentence from each phrase would take quadratic time.
const maxSentence = 2000

// appendSentences is splitSentences appending to out.
func appendSentences(out []Span, t string, base int, breaks []int) []Span {
	from := 0
	emit := func(end int) {
		s, e := from, end
		for s < e && (isSpaceByte(t[s]) || t[s] == ',' || t[s] == ';' || t[s] == ':') {
			s++
		}
		for e > s && isSpaceByte(t[e-1]) {
			e--
		}
		if s < e && hasAlnum(t[s:e]) {
			out = append(out, Span{base + s, base + e})
		}
		from = end
	}
	bi := 0
	line := 0     // start of the current line
	wrapped := -1 // whether the block is wrapped prose; -1: not yet known
	for i := 0; i < len(t); i++ {
		c := t[i]
		if i-from >= maxSentence && isSpaceByte(c) {
			emit(i) // not prose but a dump: keep the rules' work per sentence bounded
			continue
		}
		var j int
		switch {
		case c == '.' || c == '!' || c == '?':
			j = i + 1
		case c == 0xE2 && strings.HasPrefix(t[i:], "…"):
			j = i + len("…")
		case c == '\n':
			hard := false
			for bi < len(breaks) && breaks[bi]-base <= i {
				if breaks[bi]-base >= from {
					hard = true
				}
				bi++
			}
			prev, full := t[max(from, line):i], t[line:i]
			line = i + 1
			if hard || blankLineAfter(t, i) || greetingLineRE.MatchString(strings.TrimSpace(full)) {
				emit(i) // a greeting line is a sentence of its own ("Hi Jonathan,")
				continue
			}
			if endsWithPunct(t[from:i]) {
				continue
			}
			if listLikeAt(t, i+1) {
				emit(i)
				continue
			}
			if wrapped < 0 {
				wrapped = 0
				if wrappedProse(t) {
					wrapped = 1
				}
			}
			if newThought(prev, t[i+1:], wrapped == 1 || longLine(full)) {
				emit(i)
			}
			continue
		default:
			continue
		}
		for j < len(t) && (t[j] == '.' || t[j] == '!' || t[j] == '?' || strings.HasPrefix(t[j:], "…")) {
			if t[j] == 0xE2 {
				j += len("…")
			} else {
				j++
			}
		}
		j = skipClosers(t, j)
		if j >= len(t) || !isSpaceByte(t[j]) {
			i = j - 1
			continue
		}
		k := j
		for k < len(t) && isSpaceByte(t[k]) {
			k++
		}
		if k == len(t) {
			break
		}
		next, _ := utf8.DecodeRuneInString(t[k:])
		single := c == '.' && (i+1 == len(t) || t[i+1] != '.')
		if !startsSentence(next) || single && abbrevBefore(t, i, next) {
			i = j - 1
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(t))
	return out
}

// greetingLineRE matches a line that only greets: "Hi Jonathan,", "Dear
// Mr Holt,", "Gemma,", "Hello all".
var greetingLineRE = regexp.MustCompile(`^(?i:hi|hey|hello|hiya|heya|dear|morning|good morning|good afternoon|good evening)(?: (?:all|team|everyone|folks|guys|both|[\p{Lu}][\p{L}'’.-]*)){0,3},?$|^[\p{Lu}][\p{L}'’.-]{1,20}(?: [\p{Lu}][\p{L}'’.-]{1,20})?,$`)

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return true
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// skipClosers moves j over closing quotes and brackets.
func skipClosers(t string, j int) int {
	for j < len(t) {
		switch {
		case t[j] == ')' || t[j] == ']' || t[j] == '"' || t[j] == '\'':
			j++
		case strings.HasPrefix(t[j:], "”"), strings.HasPrefix(t[j:], "’"):
			j += len("”")
		case strings.HasPrefix(t[j:], "»"):
			j += len("»")
		default:
			return j
		}
	}
	return j
}

// startsSentence reports whether r can open a new sentence: anything but a
// lower-case letter or punctuation that continues one.
func startsSentence(r rune) bool {
	if unicode.IsLower(r) {
		return false
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '%':
		return false
	}
	return true
}

// blankLineAfter reports whether the newline at i is followed by a line
// holding only white space.
func blankLineAfter(t string, i int) bool {
	for k := i + 1; k < len(t); k++ {
		switch t[k] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return false
}

// endsWithPunct reports whether s, trimmed, ends with punctuation that
// ends or continues a sentence across a line break.
func endsWithPunct(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ',', ';', ':', '-', '(', '"', '\'':
		return true
	}
	return false
}

// listLikeAt reports whether the line starting at i opens like a list item.
func listLikeAt(t string, i int) bool {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	n, _, _ := listMarker(t[i:min(len(t), i+16)])
	return n > 0
}

// abbrevs are words that end in a period without ending a sentence.
var abbrevs = map[string]bool{
	"e.g": true, "eg": true, "i.e": true, "ie": true, "vs": true, "v": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true, "a.m": true, "p.m": true,
	"u.s": true, "u.k": true, "e.u": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"approx": true, "cf": true, "fig": true, "al": true, "dept": true, "est": true, "viz": true,
	"resp": true, "ca": true, "mt": true, "ave": true, "gen": true, "gov": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true, "vol": true,
	"pp": true, "ph.d": true, "n.b": true, "p.s": true, "a.k.a": true,
}

// AbbrevAt reports whether the period at byte i of t ends an abbreviation
// or an initial ("St. Luke's", "Dr. Okafor", "J. Smith"), not a sentence,
// as the sentence splitter reads it.
func AbbrevAt(t string, i int) bool {
	if i < 0 || i >= len(t) || t[i] != '.' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[i+1:], " "))
	return abbrevBefore(t, i, next)
}

// abbrevBefore reports whether the period at i ends an abbreviation or an
// initial. "etc." ends a sentence when a capitalized word follows.
func abbrevBefore(t string, i int, next rune) bool {
	s := i
	for s > 0 {
		c := t[s-1]
		if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			s--
			continue
		}
		break
	}
	if s > 0 && t[s-1] >= utf8.RuneSelf {
		return false // part of a longer non-ASCII word
	}
	w := strings.TrimLeft(t[s:i], ".")
	if w == "" {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "J. Smith"
	}
	lw := strings.ToLower(w)
	if lw == "etc" {
		return !unicode.IsUpper(next)
	}
	switch w {
	case "No", "Nos", "vol", "Vol", "pp":
		return unicode.IsDigit(next)
	case "no", "nos":
		return false
	}
	return abbrevs[lw]
}

// newThought reports whether the line next, after a line ending in prev
// with no punctuation, starts a new thought rather than continuing the
// sentence: it opens with a label ("Dana:", "Update:", "Sara - "), or it
// opens with a capital letter, a digit or a symbol such as an emoji, prev
// does not end mid-phrase (on "the", "to", "and", ...) and the line is
// not wrapped (wrapped: a long line, or a block of wrapped prose; see
// wrappedProse), where a line ends wherever the width ran out. Notes written a fact a line ("Dana owns the pager" /
// "Nobody told me the freeze moved.") are split; "postponed to" / "3.11
// by its author." is not.
func newThought(prev, next string, wrapped bool) bool {
	next = strings.TrimLeft(next, " \t")
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsUpper(r) && labelRE.MatchString(next) {
		return true
	}
	if wrapped || !(unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsSymbol(r)) {
		return false
	}
	prev = strings.TrimRight(prev, " \t\r")
	last, _ := utf8.DecodeLastRuneInString(prev)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) && last != ')' && last != '%' {
		return false // "&", "/", "+", a quote: mid-phrase
	}
	w := prev[strings.LastIndexAny(prev, " \t")+1:]
	return !midPhrase[strings.ToLower(w)]
}

// labelRE matches a line that opens with a label or a speaker: up to four
// words and a colon, or a name and a dash.
var labelRE = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{N}'’&/-]*(?: [\p{L}\p{N}'’&/-]+){0,3}:(?:\s|$)|^[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*)? [-–—] `)

// midPhrase are words a phrase does not end on: a line that ends with one
// runs on into the next.
var midPhrase = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the this that these those my our your their its his her
		to of in on at by for from with without into onto over under about after before between
		through during until till since via per than as like
		and or but nor so yet because although though while if unless whether
		is are was were be been being am has have had do does did will would shall should
		can could may might must not no
		which who whom whose what where when how why
		very more most less least each every all some any both either neither
		next last new also just only even still
		i we you he she they it me us him them`) {
		midPhrase[w] = true
	}
}

// longLine reports whether a line is as long as lines wrapped at a fixed
// width usually are: 72 characters or more, indentation included.
func longLine(l string) bool {
	return utf8.RuneCountInString(strings.TrimRight(l, " \t\r")) >= 72
}

// wrappedProse reports whether the block t is prose wrapped at a fixed
// width: three lines or more, the longest at least 60 characters, and
// most lines but the last so full that the next line's first word would
// not have fitted on them.
func wrappedProse(t string) bool {
	lines := strings.Split(t, "\n")
	if len(lines) < 3 {
		return false
	}
	width := make([]int, len(lines))
	w := 0
	for i, l := range lines {
		width[i] = utf8.RuneCountInString(strings.TrimRight(l, " \t\r"))
		w = max(w, width[i])
	}
	if w < 60 {
		return false
	}
	full := 0
	for i := 0; i+1 < len(lines); i++ {
		next := strings.TrimLeft(lines[i+1], " \t")
		word := next
		if j := strings.IndexAny(next, " \t"); j >= 0 {
			word = next[:j]
		}
		if width[i]+1+utf8.RuneCountInString(word) > w-4 {
			full++
		}
	}
	return 4*full >= 3*(len(lines)-1)
}
