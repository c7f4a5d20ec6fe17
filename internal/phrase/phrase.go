// Package phrase finds many phrases in prose in one pass.
//
// Phrases are compiled into one token trie. Text is split into tokens (words
// and single punctuation marks); a phrase matches a run of tokens separated
// only by white space, line breaks included. Matching is case-insensitive,
// respects word boundaries and treats straight and curly apostrophes alike.
//
// A phrase word may end in "*" to match any word with that prefix
// ("mitigat*" matches "mitigation"), and the word "{word}" matches any one
// word. A phrase may not start with "{word}".
package phrase

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Pattern is one phrase and the group it belongs to.
type Pattern struct {
	Text  string
	Group string
}

// Match is one occurrence of a pattern: the byte range [Start, End) of the
// text and the index of the pattern in the list given to Compile.
type Match struct {
	Start, End int
	Pattern    int
}

// Matcher finds all compiled phrases in a text. It is safe for concurrent use.
type Matcher struct {
	patterns []Pattern
	// vocab maps the hash of a whole lower-cased word to its symbol.
	vocab map[uint64]int32
	// prefix maps the hash of a word prefix to its symbol; prefixLens is the
	// set of prefix lengths in bytes (bit i set for length i, i < 64).
	prefix     map[uint64]int32
	prefixLens uint64
	// edges maps node<<32|symbol to the child node.
	edges map[uint64]int32
	// out lists the patterns that end at each node.
	out [][]int32
	// wild is the child for "{word}", or 0.
	wild []int32
	// hasKids is set for nodes with children.
	hasKids []bool
	// filter has bit h%filterBits set for the hash h of every vocabulary
	// word, so most words of a text skip the map lookup.
	filter [filterBits / 64]uint64
}

const filterBits = 1 << 16

func (m *Matcher) mayHave(h uint64) bool {
	b := (h ^ h>>29) % filterBits
	return m.filter[b/64]&(1<<(b%64)) != 0
}

const wildSym = -2

// Compile builds a Matcher for the given patterns.
func Compile(pats []Pattern) (*Matcher, error) {
	m := &Matcher{
		patterns: pats,
		vocab:    make(map[uint64]int32, len(pats)),
		prefix:   map[uint64]int32{},
		edges:    make(map[uint64]int32, 2*len(pats)),
		out:      make([][]int32, 1, 2*len(pats)),
		wild:     make([]int32, 1, 2*len(pats)),
	}
	nsym := int32(0)
	sym := func(tab map[uint64]int32, h uint64) int32 {
		if s, ok := tab[h]; ok {
			return s
		}
		nsym++
		tab[h] = nsym
		return nsym
	}
	// The token and word buffers are reused: compiling the sentence rules'
	// 1,500 phrases is on the path to a first lint.
	var toks []token
	var buf []byte
	// word returns token t of p lower-cased, with curly apostrophes folded
	// to straight ones; it is valid until the next call.
	word := func(p string, t token) []byte {
		buf = lowerFold(p[t.start:t.end], buf[:0])
		return buf
	}
	for i, p := range pats {
		toks = tokenize(p.Text, toks[:0])
		if len(toks) == 0 {
			return nil, fmt.Errorf("phrase %q has no words", p.Text)
		}
		node := int32(0)
		for j := 0; j < len(toks); j++ {
			t := toks[j]
			w := word(p.Text, t)
			var s int32
			switch {
			case string(w) == "{" && j+2 < len(toks) && string(word(p.Text, toks[j+1])) == "word" && p.Text[toks[j+2].start:toks[j+2].end] == "}":
				if j == 0 {
					return nil, fmt.Errorf("phrase %q starts with {word}", p.Text)
				}
				s = wildSym
				j += 2
			case t.word && j+1 < len(toks) && toks[j+1].start == t.end && p.Text[toks[j+1].start:toks[j+1].end] == "*":
				if len(w) >= 64 {
					return nil, fmt.Errorf("phrase %q: prefix too long", p.Text)
				}
				s = sym(m.prefix, fnvBytes(w))
				m.prefixLens |= 1 << uint(len(w))
				j++
			default:
				s = sym(m.vocab, fnvBytes(w))
			}
			node = m.child(node, s)
		}
		m.out[node] = append(m.out[node], int32(i))
	}
	for h := range m.vocab {
		b := (h ^ h>>29) % filterBits
		m.filter[b/64] |= 1 << (b % 64)
	}
	m.hasKids = make([]bool, len(m.out))
	for k := range m.edges {
		m.hasKids[k>>32] = true
	}
	for n, c := range m.wild {
		if c != 0 {
			m.hasKids[n] = true
		}
	}
	return m, nil
}

// MustCompile is Compile for phrase lists known to be valid.
func MustCompile(pats []Pattern) *Matcher {
	m, err := Compile(pats)
	if err != nil {
		panic(err)
	}
	return m
}

// Patterns returns the compiled patterns, in order.
func (m *Matcher) Patterns() []Pattern { return m.patterns }

func (m *Matcher) child(node, s int32) int32 {
	if s == wildSym {
		if c := m.wild[node]; c != 0 {
			return c
		}
	} else if c, ok := m.edges[uint64(node)<<32|uint64(uint32(s))]; ok {
		return c
	}
	c := int32(len(m.out))
	m.out = append(m.out, nil)
	m.wild = append(m.wild, 0)
	if s == wildSym {
		m.wild[node] = c
	} else {
		m.edges[uint64(node)<<32|uint64(uint32(s))] = c
	}
	return c
}

type token struct {
	start, end int
	word       bool
}

// token kinds while scanning
func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits s into words (letters and digits, with inner apostrophes)
// and single non-space marks.
func tokenize(s string, dst []token) []token {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case !isWordRune(rune(c)):
				dst = append(dst, token{i, i + 1, false})
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if !isWordRune(r) {
				dst = append(dst, token{i, i + n, false})
				i += n
				continue
			}
		}
		start := i
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) {
				i += n
				continue
			}
			if isApos(r) && i+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if isWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		dst = append(dst, token{start, i, true})
	}
	return dst
}

// state is a partial match: a trie node reached from a phrase that starts
// at byte start.
type state struct {
	node  int32
	start int
}

// FindAll returns every match in text, appending to dst. Matches come in the
// order their last token is reached; within that, shorter first.
func (m *Matcher) FindAll(text string, dst []Match) []Match {
	var buf1, buf2 [16]state
	active, next := buf1[:0], buf2[:0]
	var syms [4]int32
	i := 0
	for i < len(text) {
		c := text[i]
		start := i
		word := false
		h := uint64(fnvOffset)
		n := 0
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			if !asciiWord[c] {
				h = fnvByte(h, c)
				i++
			} else {
				word = true
			}
		} else {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += sz
				continue
			}
			if !isWordRune(r) {
				h = fnvRune(h, r)
				i += sz
			} else {
				word = true
			}
		}
		if word {
			// Scan one word, hashing its folded bytes and checking prefixes.
			l := 0
			for i < len(text) {
				c := text[i]
				if c < utf8.RuneSelf {
					if asciiWord[c] {
						if 'A' <= c && c <= 'Z' {
							c += 'a' - 'A'
						}
						h = fnvByte(h, c)
						i++
						l++
					} else if c == '\'' && i+1 < len(text) && startsWord(text[i+1:]) {
						h = fnvByte(h, '\'')
						i++
						l++
					} else {
						break
					}
				} else {
					r, sz := utf8.DecodeRuneInString(text[i:])
					if isWordRune(r) {
						h = fnvRune(h, unicode.ToLower(r))
						l += utf8.RuneLen(unicode.ToLower(r))
					} else if (r == '\u2019' || r == '\u2018') && i+sz < len(text) && startsWord(text[i+sz:]) {
						h = fnvByte(h, '\'')
						l++
					} else {
						break
					}
					i += sz
				}
				if m.prefixLens != 0 && l < 64 && m.prefixLens&(1<<uint(l)) != 0 && n < len(syms) {
					if s, ok := m.prefix[h]; ok {
						syms[n] = s
						n++
					}
				}
			}
		}
		if m.mayHave(h) && n < len(syms) {
			if s, ok := m.vocab[h]; ok {
				syms[n] = s
				n++
			}
		}
		end := i
		if n == 0 && len(active) == 0 {
			continue
		}
		next = next[:0]
		for _, st := range active {
			next, dst = m.step(st.node, st.start, end, syms[:n], word, next, dst)
		}
		next, dst = m.step(0, start, end, syms[:n], false, next, dst)
		active, next = next, active
	}
	return dst
}

// step advances one partial match over a token with the given symbols.
func (m *Matcher) step(node int32, start, end int, syms []int32, word bool, next []state, dst []Match) ([]state, []Match) {
	adv := func(c int32) {
		for _, p := range m.out[c] {
			dst = append(dst, Match{Start: start, End: end, Pattern: int(p)})
		}
		if m.hasKids[c] {
			next = append(next, state{c, start})
		}
	}
	for _, s := range syms {
		if c, ok := m.edges[uint64(node)<<32|uint64(uint32(s))]; ok {
			adv(c)
		}
	}
	if word {
		if c := m.wild[node]; c != 0 {
			adv(c)
		}
	}
	return next, dst
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return fnvByte(h, byte(r))
	}
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range b[:n] {
		h = fnvByte(h, c)
	}
	return h
}

func fnvBytes(s []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range s {
		h = fnvByte(h, c)
	}
	return h
}

var asciiSpace, asciiWord [utf8.RuneSelf]bool

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		asciiWord[c] = isWordRune(rune(c))
	}
	for _, c := range " \t\n\r\f\v" {
		asciiSpace[c] = true
	}
}

// lowerFold appends the lower-cased form of w, with curly apostrophes
// folded, to dst.
func lowerFold(w string, dst []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '\u2019' || r == '\u2018' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}
