// Package prefilter works out, from a regular expression's syntax, what
// every match of it contains and which bytes a match can start with, so a
// linter can rule a text out without running the regexp.
//
// The document rules' patterns are analysed when their Go is generated
// (internal/builtin/gen); patterns known only at run time (from a config)
// are analysed then.
package prefilter

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// Info is what Analyze finds out about a pattern.
type Info struct {
	// Sets are sets of lower-case literals of two bytes or more such that
	// every match contains one literal of each set. None means no
	// literal is known to be required.
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
	re = re.Simplify()
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
			// Any lead byte of a multi-byte rune.
			for c := 0xC0; c < 0x100; c++ {
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

// requiredSets returns sets of lower-case literals such that every match of
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
		return [][]string{all}
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
// literals (lower-cased), e.g. "a(ction|i)" → ["action", "ai"].
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
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
		// A small class such as [Ss] (from case folding) or [-–—].
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) >= 4 {
					return nil, false
				}
				out = append(out, strings.ToLower(string(r)))
			}
		}
		return dedupe(out), len(out) > 0
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

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
