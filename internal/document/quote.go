package document

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// appendQuotations appends to out the spans (offsets base+i, marks
// included) of the text in t inside "…", “…”, ‘…’ or '…' used as
// quotation marks. An apostrophe (don't, it's, Chris') opens nothing, and
// an unclosed mark quotes nothing.
func appendQuotations(out []Span, t string, base int) []Span {
	first := len(out)
	dq, sq, cdq, csq := -1, -1, -1, -1
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '"' && c != '\'' && c != 0xE2 {
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if r != '"' && r != '\'' && r != '“' && r != '”' && r != '‘' && r != '’' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		var next rune
		if i+n < len(t) {
			next, _ = utf8.DecodeRuneInString(t[i+n:])
		}
		opens := i == 0 || !isWordRune(prev)
		closes := i+n == len(t) || !isWordRune(next)
		switch r {
		case '"':
			if dq >= 0 && i > 0 && !unicode.IsSpace(prev) && closes {
				out = append(out, Span{base + dq, base + i + n})
				dq = -1
			} else if opens && next != 0 && !unicode.IsSpace(next) {
				dq = i
			}
		case '\'':
			if sq >= 0 && i > 0 && !unicode.IsSpace(prev) && closes {
				out = append(out, Span{base + sq, base + i + n})
				sq = -1
			} else if opens && isWordRune(next) {
				sq = i
			}
		case '“':
			cdq = i
		case '”':
			if cdq >= 0 {
				out = append(out, Span{base + cdq, base + i + n})
				cdq = -1
			}
		case '‘':
			if opens {
				csq = i
			}
		case '’':
			if csq >= 0 && closes {
				out = append(out, Span{base + csq, base + i + n})
				csq = -1
			}
		}
		i += n - 1
	}
	if len(out)-first > 1 {
		slices.SortFunc(out[first:], func(a, b Span) int { return a.Start - b.Start })
	}
	return out
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
