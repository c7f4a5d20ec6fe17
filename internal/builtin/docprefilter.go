package builtin

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
)

// docPatterns is a group of compiled patterns with a cheap prefilter. For
// each pattern it knows literals a match must contain (all of several sets,
// one literal of each set), found from the regexp's syntax. One scan of the
// lower-cased text finds which literals occur, and only the patterns whose
// literals all occur run their regexp. The built-in groups share one
// literal table (docTable), so one scan of a block serves every group of
// every document rule (see docStruct).
type docPatterns struct {
	re []*regexp.Regexp
	// reqs[k] lists, for pattern k, sets of literal indices: a match
	// contains one literal of every set. Empty means always run.
	reqs [][][]int
	// table holds the literals; lits is its list as of building.
	table *litTable
	lits  []string
	// anchored are the patterns anchored at the start of the text, built
	// on first use (see matchStart).
	anchorOnce sync.Once
	anchored   []*regexp.Regexp
	// first[k] holds the bytes a match of pattern k can start with, or
	// nil if that is not known.
	first []*[256]bool
}

// matchStart returns the end of pattern k's match at the very start of s,
// or -1: where re.FindStringIndex(s) would report a match at 0. An anchored
// regexp gives up at the first byte instead of scanning all of s.
func (ps *docPatterns) matchStart(k int, s string) int {
	ps.anchorOnce.Do(func() {
		ps.anchored = make([]*regexp.Regexp, len(ps.re))
		ps.first = make([]*[256]bool, len(ps.re))
		for i, re := range ps.re {
			ps.anchored[i] = regexp.MustCompile(`^(?:` + re.String() + `)`)
			if sre, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
				var set [256]bool
				if nullable := firstBytes(sre.Simplify(), &set); !nullable {
					ps.first[i] = &set
				}
			}
		}
	})
	if f := ps.first[k]; f != nil && (s == "" || !f[s[0]]) {
		return -1
	}
	if loc := ps.anchored[k].FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return -1
}

// litTable is a set of literals with a fast multi-literal scan. Literals
// of two or three bytes are found through a bitmap of their first two
// bytes; longer ones through a hashed bitmap of their first four, which
// lets through few positions that do not start one.
type litTable struct {
	mu    sync.RWMutex
	lits  []string
	index map[string]int
	// short lists the short literals by their first two bytes, at
	// slot[pair]-1; pairs is a bitmap of those pairs.
	short [][]int32
	slot  *[1 << 16]uint16
	pairs [1 << 16 / 64]uint64
	// long lists the long literals by their first four bytes; quads is a
	// bitmap of those, hashed.
	long  map[uint32][]int32
	quads [1 << 16 / 64]uint64
}

// docTable is the literal table of the built-in document rules' patterns.
var docTable = &litTable{}

func quadHash(w uint32) uint32 { return (w * 0x9E3779B1) >> 16 }

func quadAt(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (t *litTable) add(l string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.index == nil {
		t.index = map[string]int{}
		t.long = map[uint32][]int32{}
	}
	id, ok := t.index[l]
	if ok {
		return id
	}
	id = len(t.lits)
	t.index[l] = id
	t.lits = append(t.lits, l)
	if len(l) >= 4 {
		w := quadAt(l, 0)
		t.long[w] = append(t.long[w], int32(id))
		h := quadHash(w)
		t.quads[h/64] |= 1 << (h % 64)
		return id
	}
	pair := uint16(l[0])<<8 | uint16(l[1])
	if t.slot == nil {
		t.slot = new([1 << 16]uint16)
	}
	if t.slot[pair] == 0 {
		t.short = append(t.short, nil)
		t.slot[pair] = uint16(len(t.short))
	}
	k := t.slot[pair] - 1
	t.short[k] = append(t.short[k], int32(id))
	t.pairs[pair/64] |= 1 << (pair % 64)
	return id
}

// litSet is the set of a table's literals found in a text. Literals added
// to the table after the scan count as found, so a set never rejects.
type litSet struct {
	bits []uint64
	n    int // literals in the table at scan time
}

func (s litSet) has(id int) bool {
	return id >= s.n || s.bits[id/64]&(1<<(id%64)) != 0
}

// scan reports which literals occur in lower.
func (t *litTable) scan(lower string) litSet {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.scanLocked(lower, nil)
}

// scanLocked is scan with t.mu held; bits is reused if large enough.
func (t *litTable) scanLocked(lower string, bits []uint64) litSet {
	n := len(t.lits)
	w := (n + 63) / 64
	if cap(bits) >= w {
		bits = bits[:w]
		clear(bits)
	} else {
		bits = make([]uint64, w)
	}
	check := func(ids []int32, i int) {
		for _, id := range ids {
			if bits[id/64]&(1<<(id%64)) == 0 && strings.HasPrefix(lower[i:], t.lits[id]) {
				bits[id/64] |= 1 << (id % 64)
			}
		}
	}
	for i := 0; i+1 < len(lower); i++ {
		if pair := uint16(lower[i])<<8 | uint16(lower[i+1]); t.pairs[pair/64]&(1<<(pair%64)) != 0 {
			check(t.short[t.slot[pair]-1], i)
		}
		if i+4 <= len(lower) {
			q := quadAt(lower, i)
			if h := quadHash(q); t.quads[h/64]&(1<<(h%64)) != 0 {
				check(t.long[q], i)
			}
		}
	}
	return litSet{bits: bits, n: n}
}

// newDocPatterns builds the prefilter for res with a literal table of its
// own.
func newDocPatterns(res []*regexp.Regexp) *docPatterns {
	return newDocPatternsIn(&litTable{}, res)
}

// newDocPatternsIn builds the prefilter for res, adding its literals to
// table.
func newDocPatternsIn(table *litTable, res []*regexp.Regexp) *docPatterns {
	ps := &docPatterns{re: res, reqs: make([][][]int, len(res)), table: table}
	for k, re := range res {
		sre, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			continue
		}
		for _, set := range requiredSets(sre.Simplify()) {
			var ids []int
			for _, l := range set {
				ids = append(ids, table.add(l))
			}
			ps.reqs[k] = append(ps.reqs[k], ids)
		}
	}
	table.mu.RLock()
	ps.lits = table.lits
	table.mu.RUnlock()
	return ps
}

// present reports which literals occur in lower.
func (ps *docPatterns) present(lower string) litSet {
	return ps.table.scan(lower)
}

// may reports whether pattern k can match a text whose literals are found.
func (ps *docPatterns) may(k int, found litSet) bool {
	for _, set := range ps.reqs[k] {
		ok := false
		for _, id := range set {
			if found.has(id) {
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

// mayText reports whether pattern k can match a text whose lower-cased
// form is lower; for a few patterns it is cheaper than present.
func (ps *docPatterns) mayText(k int, lower string) bool {
	for _, set := range ps.reqs[k] {
		ok := false
		for _, id := range set {
			if strings.Contains(lower, ps.lits[id]) {
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

// mayAny reports whether any pattern can match a text whose literals are
// found.
func (ps *docPatterns) mayAny(found litSet) bool {
	if ps == nil {
		return false
	}
	for k := range ps.re {
		if ps.may(k, found) {
			return true
		}
	}
	return false
}

// matchAny reports whether one of the patterns matches s.
func (ps *docPatterns) matchAny(s string) bool {
	if ps == nil || len(ps.re) == 0 {
		return false
	}
	return ps.matchAnyFound(s, ps.present(docLower(s)))
}

// matchAnyFound is matchAny for a text whose literals (or a superset of
// them, from a text that contains it) are known; found must come from
// ps.table.
func (ps *docPatterns) matchAnyFound(s string, found litSet) bool {
	if ps == nil {
		return false
	}
	for k, re := range ps.re {
		if ps.may(k, found) && re.MatchString(s) {
			return true
		}
	}
	return false
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
