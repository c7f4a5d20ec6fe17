package document

import (
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
// without punctuation when the next line looks like a list item.
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
			if hard || blankLineAfter(t, i) || (!endsWithPunct(t[from:i]) && listLikeAt(t, i+1)) {
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
