package builtin

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// docPatterns is a group of compiled patterns with a cheap prefilter. For
// each pattern it knows literals a match must contain (all of several sets,
// one literal of each set), found from the regexp's syntax. One scan of the
// lower-cased text finds which literals occur, and only the patterns whose
// literals all occur run their regexp. This keeps the document rules close
// to one pass over the text even with dozens of patterns.
type docPatterns struct {
	re []*regexp.Regexp
	// reqs[k] lists, for pattern k, sets of literal indices: a match
	// contains one literal of every set. Empty means always run.
	reqs [][][]int
	lits []string
	// byFirst lists the literals by first byte; pairs is a bitmap of the
	// first two bytes of every literal, checked first.
	byFirst [256][]int
	pairs   [1 << 16 / 64]uint64
}

// newDocPatterns builds the prefilter for res.
func newDocPatterns(res []*regexp.Regexp) *docPatterns {
	ps := &docPatterns{re: res, reqs: make([][][]int, len(res))}
	index := map[string]int{}
	for k, re := range res {
		sre, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			continue
		}
		for _, set := range requiredSets(sre.Simplify()) {
			var ids []int
			for _, l := range set {
				id, ok := index[l]
				if !ok {
					id = len(ps.lits)
					index[l] = id
					ps.lits = append(ps.lits, l)
					pair := uint16(l[0])<<8 | uint16(l[1])
					ps.byFirst[l[0]] = append(ps.byFirst[l[0]], id)
					ps.pairs[pair/64] |= 1 << (pair % 64)
				}
				ids = append(ids, id)
			}
			ps.reqs[k] = append(ps.reqs[k], ids)
		}
	}
	return ps
}

// present reports which literals occur in lower.
func (ps *docPatterns) present(lower string) []bool {
	found := make([]bool, len(ps.lits))
	for i := 0; i+1 < len(lower); i++ {
		pair := uint16(lower[i])<<8 | uint16(lower[i+1])
		if ps.pairs[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		for _, id := range ps.byFirst[lower[i]] {
			if !found[id] && strings.HasPrefix(lower[i:], ps.lits[id]) {
				found[id] = true
			}
		}
	}
	return found
}

// may reports whether pattern k can match a text whose literals are found.
func (ps *docPatterns) may(k int, found []bool) bool {
	for _, set := range ps.reqs[k] {
		ok := false
		for _, id := range set {
			if found[id] {
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

// matchAny reports whether one of the patterns matches s.
func (ps *docPatterns) matchAny(s string) bool {
	if ps == nil || len(ps.re) == 0 {
		return false
	}
	found := ps.present(docLower(s))
	for k, re := range ps.re {
		if ps.may(k, found) && re.MatchString(s) {
			return true
		}
	}
	return false
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
