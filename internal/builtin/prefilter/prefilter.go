// Package prefilter works out, from a regular expression's syntax, what
// every match of it contains and which bytes a match can start with, so a
// linter can rule a text out without running the regexp (as Vale's
// regex.Compile does with the required literals of a pattern).
//
// The literals are compared with text folded by Lower: a text the regexp
// matches always contains, once folded, one literal of each set.
package prefilter

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Info is what Analyze finds out about a pattern.
type Info struct {
	// Sets are sets of literals of two bytes or more, folded as Lower
	// folds text, such that every match, folded, contains one literal of
	// each set. None means no literal is known to be required.
	Sets [][]string
	// First is a bitmap of the bytes a match can start with (byte c is
	// bit c%64 of First[c/64]); it is meaningful only if FirstKnown,
	// which also means that a match is never empty.
	First      [4]uint64
	FirstKnown bool
}

// Analyze parses pattern (Perl syntax, as regexp.Compile does) and works
// out its Info.
func Analyze(pattern string) (Info, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return Info{}, err
	}
	info := Info{Sets: requiredSets(re)}
	var set [256]bool
	if nullable := firstBytes(re, &set); !nullable {
		info.FirstKnown = true
		for c, ok := range set {
			if ok {
				info.First[c/64] |= 1 << (c % 64)
			}
		}
	}
	return info, nil
}

// MightMatch reports whether a text whose Lower form is lower can hold a
// match: whether it contains a literal of each of the sets.
func (info *Info) MightMatch(lower string) bool {
	for _, set := range info.Sets {
		ok := false
		for _, l := range set {
			if strings.Contains(lower, l) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// CanStart reports whether a match can start with byte c: always, unless
// FirstKnown.
func (info *Info) CanStart(c byte) bool {
	return !info.FirstKnown || info.First[c/64]&(1<<(c%64)) != 0
}

// firstBytes adds to set the bytes a match of re can start with and
// reports whether re can match the empty string (or starts with something
// it cannot follow, such as a non-ASCII class); then set means nothing.
func firstBytes(re *syntax.Regexp, set *[256]bool) (nullable bool) {
	fold := re.Flags&syntax.FoldCase != 0
	addRune := func(r rune) bool {
		if r >= 0x80 {
			// Any lead byte of a multi-byte rune; U+FFFD also matches an
			// invalid byte.
			lo := 0xC0
			if r == utf8.RuneError {
				lo = 0x80
			}
			for c := lo; c < 0x100; c++ {
				set[c] = true
			}
			return true
		}
		set[r] = true
		if fold {
			if 'a' <= r && r <= 'z' {
				set[r-'a'+'A'] = true
			} else if 'A' <= r && r <= 'Z' {
				set[r-'A'+'a'] = true
			}
		}
		return true
	}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		if fold && r < 0x80 {
			// Fold to every case, including non-ASCII ones (K, S).
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addRune(f)
			}
		}
		addRune(r)
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo <= utf8.RuneError && utf8.RuneError <= hi {
				addRune(utf8.RuneError)
			}
			if hi >= 0x80 {
				addRune(0x80)
				hi = 0x7f
			}
			for r := lo; r <= hi; r++ {
				set[r] = true
			}
		}
		return false
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		for c := range set {
			set[c] = c != '\n' || re.Op == syntax.OpAnyChar
		}
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpRepeat:
		n := firstBytes(re.Sub[0], set)
		return n || re.Min == 0
	case syntax.OpStar, syntax.OpQuest:
		firstBytes(re.Sub[0], set)
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstBytes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if firstBytes(sub, set) {
				nullable = true
			}
		}
		return nullable
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true // zero width: what follows decides
	}
	return true // end anchors and anything else: give up
}

// requiredSets returns sets of folded literals such that every match of
// re contains one literal of each set. Sets holding a literal shorter than
// two bytes are dropped (they filter nothing).
func requiredSets(re *syntax.Regexp) [][]string {
	var out [][]string
	for _, set := range required(re) {
		ok := len(set) > 0
		for _, l := range set {
			ok = ok && len(l) >= 2
		}
		if ok {
			out = append(out, set)
		}
	}
	return out
}

// required returns the literal sets of re (see requiredSets), before
// dropping short ones.
func required(re *syntax.Regexp) [][]string {
	if ex, ok := exact(re); ok {
		return [][]string{ex}
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// Runs of exactly-known parts join into longer literals; every
		// part's sets are required.
		var out [][]string
		var run []string
		flush := func() {
			if run != nil {
				out = append(out, run)
			}
			run = nil
		}
		for _, s := range re.Sub {
			if ex, ok := exact(s); ok {
				if run == nil {
					run = ex
				} else if len(run)*len(ex) <= 64 {
					run = cross(run, ex)
				} else {
					flush()
					run = ex
				}
				continue
			}
			flush()
			out = append(out, required(s)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		// One literal of any branch: take each branch's longest set.
		var all []string
		for _, s := range re.Sub {
			best := bestSet(required(s))
			if best == nil {
				return nil
			}
			all = append(all, best...)
		}
		return [][]string{dedupe(all)}
	}
	return nil
}

// bestSet picks the set whose shortest literal is longest.
func bestSet(sets [][]string) []string {
	var best []string
	bestLen := 0
	for _, set := range sets {
		short := -1
		for _, l := range set {
			if short < 0 || len(l) < short {
				short = len(l)
			}
		}
		if short > bestLen {
			best, bestLen = set, short
		}
	}
	return best
}

// exact returns every string re matches when that is a small finite set of
// literals (folded as Lower folds text), e.g. "a(ction|i)" → ["action", "ai"].
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		b := make([]rune, len(re.Rune))
		for i, r := range re.Rune {
			f, ok := foldRune(r, re.Flags&syntax.FoldCase != 0)
			if !ok {
				return nil, false
			}
			b[i] = f
		}
		return []string{string(b)}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		ex, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return append(ex, ""), true
	case syntax.OpCharClass:
		// A small class such as [Ssſ] (from case folding) or [-–—]: the
		// class lists every rune it matches, so each folds on its own.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				f, ok := foldRune(r, false)
				if !ok || len(out) >= 8 {
					return nil, false
				}
				out = append(out, string(f))
			}
		}
		out = dedupe(out)
		return out, len(out) > 0 && len(out) <= 4
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			ex, ok := exact(s)
			if !ok || len(out)*len(ex) > 64 {
				return nil, false
			}
			out = cross(out, ex)
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			ex, ok := exact(s)
			if !ok || len(out)+len(ex) > 64 {
				return nil, false
			}
			out = append(out, ex...)
		}
		return dedupe(out), true
	}
	return nil, false
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

// dedupe drops repeats from ss, which is short, keeping the first of
// each, in place.
func dedupe(ss []string) []string {
	out := ss[:0]
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// foldRune folds r, a rune of a literal, as Lower folds text. With
// foldCase the literal matches every case of r: ok is false if Lower
// does not fold them all to one rune.
func foldRune(r rune, foldCase bool) (f rune, ok bool) {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A', true
	case r == kelvin:
		return 'k', true
	case r == longS:
		return 's', true
	case r < utf8.RuneSelf:
		return r, true
	case r == utf8.RuneError:
		return 0, false // it also matches an invalid byte
	case foldCase && unicode.SimpleFold(r) != r:
		return 0, false
	}
	return r, true
}

// The two non-ASCII runes that (?i) matches to ASCII letters.
const (
	kelvin = '\u212A' // K, folds to k
	longS  = '\u017F' // ſ, folds to s
)

// Lower folds s for comparing with the literals of Info.Sets: ASCII
// letters to lower case, and the Kelvin sign and long s, which (?i)
// matches to k and s, to those. Other runes stay as they are.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' ||
			c == 0xC5 && strings.HasPrefix(s[i:], string(longS)) || c == 0xE2 && strings.HasPrefix(s[i:], string(kelvin)) {
			return string(AppendLower(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// AppendLower appends Lower(s) to dst.
func AppendLower(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	b := dst[n:]
	special := false
	for j, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[j] = c + 'a' - 'A'
		case c == 0xC5 || c == 0xE2:
			special = true
		}
	}
	if !special || !strings.Contains(s, string(kelvin)) && !strings.Contains(s, string(longS)) {
		return dst
	}
	// Fold the two runes that change length.
	w := 0
	for j := 0; j < len(b); {
		switch {
		case b[j] == 0xC5 && j+1 < len(b) && b[j+1] == 0xBF:
			b[w] = 's'
			j += 2
		case b[j] == 0xE2 && j+2 < len(b) && b[j+1] == 0x84 && b[j+2] == 0xAA:
			b[w] = 'k'
			j += 3
		default:
			b[w] = b[j]
			j++
		}
		w++
	}
	return dst[:n+w]
}
