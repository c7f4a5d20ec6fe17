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

// docPatterns is a group of patterns with a cheap prefilter. For each
// pattern it knows literals a match must contain (all of several sets, one
// literal of each set), found from the regexp's syntax (see package
// prefilter; for the built-in patterns, by go generate). One scan of the
// lower-cased text finds which literals occur, and only the patterns whose
// literals all occur run their regexp, which compiles when it first runs.
// The built-in groups share one literal table (docTable), so one scan of a
// block serves every group of every document rule (see docStruct).
type docPatterns struct {
	re []*docRE
	// reqs[k] lists, for pattern k, sets of literal indices: a match
	// contains one literal of every set. Empty means always run.
	reqs [][][]int
	// table holds the literals; lits is its list as of building.
	table *litTable
	lits  []string
}

// docRE is a pattern of a docPatterns. It compiles on first use, as does
// its copy anchored at the start of the text (see matchStart).
type docRE struct {
	prefix, pat string // the pattern is prefix+pat
	id, group   string // where it comes from, for the panic of a bad one
	info        *prefilter.Info

	once       sync.Once
	re         *regexp.Regexp
	anchorOnce sync.Once
	anchored   *regexp.Regexp
}

// regexp returns the compiled pattern; a bad pattern in the embedded
// data is a programming error.
func (d *docRE) regexp() *regexp.Regexp {
	d.once.Do(func() {
		re, err := regexp.Compile(d.prefix + d.pat)
		if err != nil {
			panic(fmt.Sprintf("rules/%s.toml: phrases.%s: %v", d.id, d.group, err))
		}
		d.re = re
	})
	return d.re
}

// String returns the source text of the pattern.
func (d *docRE) String() string { return d.prefix + d.pat }

// MatchString is regexp.Regexp.MatchString.
func (d *docRE) MatchString(s string) bool { return d.regexp().MatchString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (d *docRE) FindStringIndex(s string) []int { return d.regexp().FindStringIndex(s) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (d *docRE) FindAllStringIndex(s string, n int) [][]int {
	return d.regexp().FindAllStringIndex(s, n)
}

// matchStart returns the end of pattern k's match at the very start of s,
// or -1: where re.FindStringIndex(s) would report a match at 0. An anchored
// regexp gives up at the first byte instead of scanning all of s, and is
// not run at all when s starts with a byte no match starts with.
func (ps *docPatterns) matchStart(k int, s string) int {
	d := ps.re[k]
	if d.info.FirstKnown && (s == "" || !d.info.CanStart(s[0])) {
		return -1
	}
	d.anchorOnce.Do(func() {
		d.anchored = regexp.MustCompile(`^(?:` + d.String() + `)`)
	})
	if loc := d.anchored.FindStringIndex(s); loc != nil {
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

// docTable is the literal table of the built-in document rules' patterns.
var docTable = &litTable{size: docPrefilterLiterals}

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
	ds := make([]docRE, len(res))
	for i, re := range res {
		d := &ds[i]
		d.pat, d.re = re.String(), re
		d.once.Do(func() {}) // compiled already
		info, err := prefilter.Analyze(d.pat)
		if err != nil {
			info = prefilter.Info{} // no prefilter: always run
		}
		d.info = &info
	}
	return newDocPatternsIn(&litTable{}, ds)
}

// docCompile returns the patterns of one phrase group of a rule, with
// their prefilters, which go generate worked out (docprefilter_gen.go),
// and the group's flags (rulefile.GroupPrefix). The patterns compile on
// first use; a bad pattern in the embedded data is a programming error.
func docCompile(id, group string, pats []string) *docPatterns {
	return docCompileIn(docTable, id, group, pats)
}

// docCompileIn is docCompile with the literals added to table.
func docCompileIn(table *litTable, id, group string, pats []string) *docPatterns {
	prefix, ok := rulefile.GroupPrefix(group)
	if !ok {
		panic(fmt.Sprintf("rules/%s.toml: phrases.%s is a word list, not patterns", id, group))
	}
	gen := genDocPrefilter(id, group, prefix, pats)
	if gen == nil && len(pats) > 0 {
		docPrefilterMissed.Lock()
		docPrefilterMissed.groups = append(docPrefilterMissed.groups, fmt.Sprintf("rules/%s.toml: phrases.%s (prefix %q)", id, group, prefix))
		docPrefilterMissed.Unlock()
	}
	ds := make([]docRE, len(pats))
	for i, p := range pats {
		d := &ds[i]
		d.prefix, d.pat, d.id, d.group = prefix, p, id, group
		if gen != nil {
			d.info = &gen.pats[i].info
			continue
		}
		// The generated data is stale (TestDocPrefiltersGenerated fails):
		// check and analyse the pattern now.
		d.regexp()
		info, _ := prefilter.Analyze(d.String())
		d.info = &info
	}
	return newDocPatternsIn(table, ds)
}

// docPrefilterMissed lists the phrase groups docCompile found no generated
// prefilter for, for TestDocPrefiltersGenerated.
var docPrefilterMissed struct {
	sync.Mutex
	groups []string
}

// genDocPrefilter returns the generated prefilter of a phrase group, or
// nil if there is none for these patterns.
func genDocPrefilter(id, group, prefix string, pats []string) *docGroupPrefilter {
	i, ok := slices.BinarySearchFunc(docPrefilterData[:], [2]string{id, group}, func(g docGroupPrefilter, key [2]string) int {
		if c := strings.Compare(g.id, key[0]); c != 0 {
			return c
		}
		return strings.Compare(g.group, key[1])
	})
	if !ok {
		return nil
	}
	g := &docPrefilterData[i]
	if g.prefix != prefix || len(g.pats) != len(pats) {
		return nil
	}
	for k, p := range pats {
		if g.pats[k].pat != p {
			return nil
		}
	}
	return g
}

// newDocPatternsIn builds the prefilter for ds, whose infos are set,
// adding its literals to table.
func newDocPatternsIn(table *litTable, ds []docRE) *docPatterns {
	ps := &docPatterns{re: make([]*docRE, len(ds)), reqs: make([][][]int, len(ds)), table: table}
	nSets, nLits := 0, 0
	for k := range ds {
		for _, set := range ds[k].info.Sets {
			nSets++
			nLits += len(set)
		}
	}
	sets, ids := make([][]int, 0, nSets), make([]int, 0, nLits)
	for k := range ds {
		d := &ds[k]
		ps.re[k] = d
		for _, set := range d.info.Sets {
			start := len(ids)
			for _, l := range set {
				ids = append(ids, table.add(l))
			}
			sets = append(sets, ids[start:len(ids):len(ids)])
		}
		if n := len(d.info.Sets); n > 0 {
			ps.reqs[k] = sets[len(sets)-n : len(sets) : len(sets)]
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

// docGroupPrefilter is the prefilter of one phrase group of a document
// rule, worked out by go generate (docprefilter_gen.go) for docCompile.
type docGroupPrefilter struct {
	id, group, prefix string
	pats              []docPatPrefilter
}

// docPatPrefilter is the prefilter of one pattern: pat is the phrase as
// in the rule file, without the group's prefix.
type docPatPrefilter struct {
	pat  string
	info prefilter.Info
}
