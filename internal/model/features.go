// Package model is the learned side of the sentence rules: a logistic
// regression per rule over hashed word 1–2-grams and character 3–5-grams,
// trained by cmd/upward-train on the labelled corpus in testdata/train and
// embedded in the binary.
//
// All six rules are scored in one pass over the text: each feature is
// hashed once into a bucket that holds the weights of every rule side by
// side, so scoring a sentence touches one cache line per feature and
// allocates nothing.
package model

// NumRules is the number of sentence rules the model scores.
const NumRules = 6

// Rules are the rule IDs of the weight columns, in order.
var Rules = [NumRules]string{"problem-only", "complaint", "open-question", "hedging", "vague-timing", "crisis"}

// RuleIndex returns the column of a rule ID, or -1.
func RuleIndex(id string) int {
	for i, r := range Rules {
		if r == id {
			return i
		}
	}
	return -1
}

const (
	maxToken = 48 // bytes of a token that count; the rest are cut
	minGram  = 3
	maxGram  = 5

	seedWord   = 0x9e3779b97f4a7c15
	seedBigram = 0xc2b2ae3d27d4eb4f
	seedChar   = 0x165667b19e3779f9
	seedStart  = 0x27d4eb2f165667c5
)

// token is one normalised word of a text: its bytes and where it came from.
type token struct {
	start, end int // source byte offsets
	hash       uint64
}

// fnv64 is FNV-1a over b, started from seed.
func fnv64(seed uint64, b []byte) uint64 {
	h := seed ^ 0xcbf29ce484222325
	for _, c := range b {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	return h
}

// mix combines two hashes (for bigrams).
func mix(a, b uint64) uint64 {
	h := a*0xff51afd7ed558ccd ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// norm maps a source byte to its normalised form and says what it is:
// a word byte, a punctuation token of its own, or a separator.
func norm(c byte) (byte, int) {
	switch {
	case c >= 'a' && c <= 'z':
		return c, wordByte
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A', wordByte
	case c >= '0' && c <= '9':
		return '0', wordByte
	case c == '\'':
		return c, wordByte
	case c >= 0x80:
		return c, wordByte
	case c == '?' || c == '!' || c == ':':
		return c, punctByte
	}
	return ' ', sepByte
}

const (
	sepByte = iota
	wordByte
	punctByte
)

// walk calls fn with the hash of every feature of text, in order, and
// with the index of the token it belongs to (bigrams belong to their
// second token). It returns the number of features. toks, if not nil,
// receives the tokens.
//
// Curly apostrophes (U+2019) count as '\”; a word's bytes beyond
// maxToken are cut; digits all read as '0', so "14%" and "23%" share
// features.
func walk(text string, fn func(h uint64, tok int), toks *[]token) int {
	var buf [maxToken + 2]byte
	n := 0
	prev := uint64(seedStart)
	ti := 0
	emitTok := func(start, end int, w []byte) {
		hw := fnv64(seedWord, w)
		fn(hw, ti)
		fn(mix(prev, hw), ti)
		n += 2
		prev = hw
		if toks != nil {
			*toks = append(*toks, token{start: start, end: end, hash: hw})
		}
		ti++
	}
	i := 0
	for i < len(text) {
		c := text[i]
		// U+2019 RIGHT SINGLE QUOTATION MARK is E2 80 99.
		if c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x98) {
			c = '\''
		}
		b, kind := norm(c)
		switch kind {
		case punctByte:
			buf[0] = b
			emitTok(i, i+1, buf[:1])
			i++
			continue
		case sepByte:
			i++
			continue
		}
		// A word: bytes of kind wordByte (a curly apostrophe counts as one).
		start := i
		buf[0] = '<'
		k := 1
		for i < len(text) {
			c := text[i]
			step := 1
			if c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x98) {
				c, step = '\'', 3
			}
			b, kind := norm(c)
			if kind != wordByte {
				break
			}
			if k <= maxToken {
				buf[k] = b
				k++
			}
			i += step
		}
		buf[k] = '>'
		word := buf[1:k]
		// A lone apostrophe (a closing quote) is no word.
		if len(word) == 1 && word[0] == '\'' {
			continue
		}
		// Character n-grams of "<word>".
		g := buf[:k+1]
		for s := 0; s+minGram <= len(g); s++ {
			h := uint64(seedChar ^ 0xcbf29ce484222325)
			for j := s; j < len(g) && j < s+maxGram; j++ {
				h ^= uint64(g[j])
				h *= 0x100000001b3
				if j-s+1 >= minGram {
					fn(h, ti)
					n++
				}
			}
		}
		emitTok(start, i, word)
	}
	return n
}
