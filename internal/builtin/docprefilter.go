package builtin

import (
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/builtin/rulefile"
)

// docPatterns is a group of patterns with a shared literal scan: one scan
// of the lower-cased text (prefilter.Lower) finds which of the group's
// literals occur, and only the patterns whose literals all occur run their
// regexp. The document rules' groups share one literal table (docTable),
// so one scan of a block serves every group of every rule (see docStruct).
type docPatterns struct {
	re []*pattern
	// reqs[k] lists, for pattern k, sets of literal indices: a match
	// contains one literal of every set. Empty means always run.
	reqs [][][]int
	// table holds the literals; lits is its list as of building.
	table *litTable
	lits  []string
}

// matchStart returns the end of pattern k's match at the very start of s,
// or -1 (see pattern.matchStart).
func (ps *docPatterns) matchStart(k int, s string) int { return ps.re[k].matchStart(s) }

// litTable is a set of literals with a fast multi-literal scan. Literals
// of two or three bytes are found through a bitmap of their first two
// bytes; longer ones through a hashed bitmap of their first four, which
// lets through few positions that do not start one.
type litTable struct {
	mu    sync.RWMutex
	size  int // the number of literals expected, if known
	lits  []string
	index map[string]int
	// short lists the short literals by their first two bytes, in the
	// order of those pairs; pairs is a bitmap of the pairs and ranks[w]
	// the number of pairs in pairs[:w], so that the literals of a pair
	// are at short[t.rank(pair)] with no 128 KB table to fill.
	short [][]int32
	pairs [1 << 16 / 64]uint64
	ranks [1 << 16 / 64]uint16
	// long lists the long literals by their first four bytes; quads is a
	// bitmap of those, hashed.
	long  map[uint32][]int32
	quads [1 << 16 / 64]uint64
}

// docTable is the literal table of the built-in document rules' patterns,
// sized for the about 370 literals they have.
var docTable = &litTable{size: docTableSize}

const docTableSize = 400

func quadHash(w uint32) uint32 { return (w * 0x9E3779B1) >> 16 }

func quadAt(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (t *litTable) add(l string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.index == nil {
		t.index = make(map[string]int, t.size)
		t.long = make(map[uint32][]int32, t.size)
		t.lits = make([]string, 0, t.size)
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
	k := t.rank(pair)
	if t.pairs[pair/64]&(1<<(pair%64)) == 0 {
		t.short = slices.Insert(t.short, k, nil)
		t.pairs[pair/64] |= 1 << (pair % 64)
		for w := pair/64 + 1; w < uint16(len(t.ranks)); w++ {
			t.ranks[w]++
		}
	}
	t.short[k] = append(t.short[k], int32(id))
	return id
}

// rank returns the number of pairs in t.pairs below pair: the index in
// t.short of pair's literals, if it has any.
func (t *litTable) rank(pair uint16) int {
	w := pair / 64
	return int(t.ranks[w]) + bits.OnesCount64(t.pairs[w]&(1<<(pair%64)-1))
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
			check(t.short[t.rank(pair)], i)
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

// newDocPatterns builds the prefilter for res, patterns known only at run
// time, with a literal table of its own.
func newDocPatterns(res []*regexp.Regexp) *docPatterns {
	ps := make([]*pattern, len(res))
	for i, re := range res {
		ps[i] = &pattern{src: re.String(), compiled: re}
		ps[i].compileOnce.Do(func() {}) // compiled already
	}
	return newDocPatternsIn(&litTable{}, ps)
}

// docCompile returns the patterns of one phrase group of a rule, with the
// group's flags (rulefile.GroupPrefix) and their prefilters. It parses
// them; they compile when their prefilter first lets a text through, and a
// bad one in the embedded data, a programming error, panics then.
func docCompile(id, group string, pats []string) *docPatterns {
	return docCompileIn(docTable, id, group, pats)
}

// docCompileIn is docCompile with the literals added to table.
func docCompileIn(table *litTable, id, group string, pats []string) *docPatterns {
	prefix, ok := rulefile.GroupPrefix(group)
	if !ok {
		panic(fmt.Sprintf("rules/%s.toml: phrases.%s is a word list, not patterns", id, group))
	}
	where := "rules/" + id + ".toml: phrases." + group
	all := make([]pattern, len(pats))
	ps := make([]*pattern, len(pats))
	for i, p := range pats {
		all[i].src, all[i].where = prefix+p, where
		ps[i] = &all[i]
	}
	return newDocPatternsIn(table, ps)
}

// newDocPatternsIn builds the prefilter for ps, adding its literals to
// table.
func newDocPatternsIn(table *litTable, ps []*pattern) *docPatterns {
	g := &docPatterns{re: ps, reqs: make([][][]int, len(ps)), table: table}
	nSets, nLits := 0, 0
	for _, p := range ps {
		for _, set := range p.filter().Sets {
			nSets++
			nLits += len(set)
		}
	}
	sets, ids := make([][]int, 0, nSets), make([]int, 0, nLits)
	for k, p := range ps {
		info := p.filter()
		for _, set := range info.Sets {
			start := len(ids)
			for _, l := range set {
				ids = append(ids, table.add(l))
			}
			sets = append(sets, ids[start:len(ids):len(ids)])
		}
		if n := len(info.Sets); n > 0 {
			g.reqs[k] = sets[len(sets)-n : len(sets) : len(sets)]
		}
	}
	table.mu.RLock()
	g.lits = table.lits
	table.mu.RUnlock()
	return g
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

// mayText reports whether pattern k can match a text whose Lower form is
// lower; for a few patterns it is cheaper than present.
func (ps *docPatterns) mayText(k int, lower string) bool { return ps.re[k].may(lower) }

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
	return ps.matchAnyFound(s, ps.present(prefilter.Lower(s)))
}

// matchAnyFound is matchAny for a text whose literals (or a superset of
// them, from a text that contains it) are known; found must come from
// ps.table.
func (ps *docPatterns) matchAnyFound(s string, found litSet) bool {
	if ps == nil {
		return false
	}
	for k, re := range ps.re {
		if ps.may(k, found) && re.re().MatchString(s) {
			return true
		}
	}
	return false
}
