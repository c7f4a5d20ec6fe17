// Package grammar reads the shape of one English sentence for the quick-fix
// rewrites: its words with their parts of speech (Penn Treebank tags, from
// the averaged-perceptron tagger of github.com/jdkato/prose/v3), and the
// noun phrases a rewrite keeps: the subject, the thing complained of, the
// topic of a question.
//
// It is used only to build the fixes of findings, never to find them:
// a sentence costs some tens of microseconds, and the tagger's model
// (2 MB) is loaded on first use.
package grammar

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Token is one word or mark of a sentence.
type Token struct {
	// Text is the token as written; Start and End are its byte offsets in
	// the sentence.
	Text       string
	Start, End int
	// Lower is Text in lower case with straight apostrophes.
	Lower string
	// Tag is the Penn Treebank part of speech: NN, VBD, JJ, IN, ...
	Tag string
}

// Sentence is a tagged sentence.
type Sentence struct {
	Text   string
	Tokens []Token
}

var (
	loadOnce  sync.Once
	tagger    *tag.Tagger
	tokenizer *tokenize.Tokenizer
)

// lexicon fixes the tags the model gets wrong in the messages upward
// reads: chat abbreviations, sentence-initial names of teams.
var lexicon = tag.Lexicon{
	"pls": "UH", "plz": "UH", "asap": "RB", "fyi": "UH", "eod": "NN", "eow": "NN",
	"nobody": "NN", "noone": "NN", "everyone": "NN", "someone": "NN", "anyone": "NN",
}

func load() {
	loadOnce.Do(func() {
		t, err := tag.New(tag.WithLexicon(lexicon))
		if err != nil {
			// The model is embedded in the binary: failing to decode it is a
			// build error, not an input error.
			panic("grammar: loading the tagger: " + err.Error())
		}
		tagger, tokenizer = t, tokenize.New()
	})
}

// contractions are the clitics split off a word: "I've" -> "I" "'ve".
var contractions = []string{"n't", "'ve", "'ll", "'re", "'d", "'m", "'s"}

// Parse tokenises and tags one sentence.
func Parse(text string) Sentence {
	load()
	raw := tokenizer.Tokenize(text)
	toks := make([]Token, 0, len(raw)+4)
	for _, r := range raw {
		start := r.Start
		w := r.Text
		lower := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		// Split a clitic the tokenizer left on ("I've", "we’ll").
		for _, c := range contractions {
			if strings.HasSuffix(lower, c) && len(lower) > len(c) {
				cut := len(w) - len(c)
				if strings.HasSuffix(w, strings.ReplaceAll(c, "'", "’")) {
					cut = len(w) - len(strings.ReplaceAll(c, "'", "’"))
				}
				toks = append(toks, Token{Text: w[:cut], Start: start, End: start + cut, Lower: lower[:len(lower)-len(c)]})
				toks = append(toks, Token{Text: w[cut:], Start: start + cut, End: start + len(w), Lower: c})
				w = ""
				break
			}
		}
		if w != "" {
			toks = append(toks, Token{Text: w, Start: start, End: start + len(w), Lower: lower})
		}
	}
	words := make([]tag.Token, len(toks))
	for i, t := range toks {
		words[i] = tag.Token{Text: taggable(t)}
	}
	tagger.TagTokens(words)
	for i := range toks {
		toks[i].Tag = words[i].Tag
		fixTag(toks, i)
	}
	return Sentence{Text: text, Tokens: toks}
}

// taggable is the form of a token the tagger reads: straight apostrophes
// and quotes.
func taggable(t Token) string {
	s := t.Text
	if strings.ContainsAny(s, "’‘“”") {
		s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	}
	return s
}

// fixTag corrects the tagger where it is wrong in a way that matters here.
func fixTag(toks []Token, i int) {
	t := &toks[i]
	switch t.Lower {
	case "'m", "'re":
		t.Tag = "VBP"
	case "'ve":
		t.Tag = "VBP"
	case "'ll", "'d":
		t.Tag = "MD"
	case "n't":
		t.Tag = "RB"
	case "i":
		t.Tag = "PRP"
	case `"`, "“", "”", "'", "‘", "’":
		t.Tag = "''"
	}
	if t.Tag == "VB" && i > 0 && (toks[i-1].Tag == "TO" && toks[i-1].Lower == "to") && i > 1 && IsNoun(toks[i-2].Tag) {
		// "the migration to Postgres": a name after "to" following a noun.
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			t.Tag = "NNP"
		}
	}
}

// IsNoun reports whether a tag is a noun's.
func IsNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

// IsVerb reports whether a tag is a verb's.
func IsVerb(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// IsFinite reports whether a tag is a finite verb's: past, present or a
// modal ("went", "goes", "go" after a subject, "will").
func IsFinite(tag string) bool {
	return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD"
}

// HasFiniteVerb reports whether the sentence has a finite verb: whether it
// can stand as a clause of its own rather than a fragment.
func (s Sentence) HasFiniteVerb() bool {
	for _, t := range s.Tokens {
		if IsFinite(t.Tag) {
			return true
		}
	}
	return false
}

// IsAdj reports whether a tag is an adjective's.
func IsAdj(tag string) bool { return strings.HasPrefix(tag, "JJ") }

// Chunk is a run of tokens [Start, End) of a sentence.
type Chunk struct{ Start, End int }

// Len is the number of tokens.
func (c Chunk) Len() int { return c.End - c.Start }

// Of returns the text of the chunk as written, from its first token's start
// to its last token's end.
func (s Sentence) Of(c Chunk) string {
	if c.Len() <= 0 {
		return ""
	}
	return s.Text[s.Tokens[c.Start].Start:s.Tokens[c.End-1].End]
}

// Index returns the token that starts at or holds byte offset off, or
// len(Tokens).
func (s Sentence) Index(off int) int {
	for i, t := range s.Tokens {
		if t.End > off {
			return i
		}
	}
	return len(s.Tokens)
}

// NounPhrases returns the sentence's base noun phrases, in order: a
// determiner or possessive, numbers, adjectives and participles, then
// nouns; joined over "of" and possessives ("the end of the quarter", "the
// vendor's API limits"). Pronouns are phrases of their own.
func (s Sentence) NounPhrases() []Chunk {
	var out []Chunk
	toks := s.Tokens
	for i := 0; i < len(toks); {
		c, ok := s.nounPhraseAt(i)
		if !ok {
			i++
			continue
		}
		// Join "X of Y" and "X's Y".
		for c.End+1 < len(toks) && toks[c.End].Lower == "of" {
			d, ok := s.nounPhraseAt(c.End + 1)
			if !ok {
				break
			}
			c.End = d.End
		}
		out = append(out, c)
		i = c.End
	}
	return out
}

// NounPhraseAt returns the noun phrase that starts at token i.
func (s Sentence) NounPhraseAt(i int) (Chunk, bool) { return s.nounPhraseAt(i) }

func (s Sentence) nounPhraseAt(i int) (Chunk, bool) {
	toks := s.Tokens
	if i >= len(toks) {
		return Chunk{}, false
	}
	if toks[i].Tag == "PRP" || toks[i].Tag == "EX" {
		return Chunk{i, i + 1}, true
	}
	j := i
	det := false
	if toks[j].Tag == "DT" || toks[j].Tag == "PRP$" || toks[j].Tag == "PDT" || toks[j].Tag == "WP$" {
		j++
		det = true
	}
	head := -1
	for ; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.Tag == "CD" && head >= 0 && toks[head].Tag != "NNP" && toks[head].Tag != "NNPS":
			// "the agency three times": a count starts another phrase.
		case IsNoun(t.Tag) || t.Tag == "CD" || t.Tag == "FW":
			head = j
			continue
		case head < 0 && (IsAdj(t.Tag) || (t.Tag == "VBN" || t.Tag == "VBG" && det) && j+1 < len(toks) && (IsNoun(toks[j+1].Tag) || IsAdj(toks[j+1].Tag))):
			continue
		case t.Tag == "POS" && head >= 0:
			// "the vendor's API limits": go on after the possessive.
			head = -1
			continue
		case t.Tag == "''" && j+1 < len(toks) && (head < 0 && (IsAdj(toks[j+1].Tag) || IsNoun(toks[j+1].Tag)) || head >= 0 && head == j-1):
			// A quoted word inside the phrase: "the vendor's “quick fixes”".
			if head >= 0 && head == j-1 && !(IsAdj(toks[j+1].Tag) || IsNoun(toks[j+1].Tag)) {
				if quotedBefore(toks, i, j) {
					head = j // take the closing quote along
				}
				goto done
			}
			continue
		case (t.Text == "-" || t.Text == "&") && head >= 0:
			continue
		}
		break
	}
done:
	if head < 0 {
		if det && (toks[i].Lower == "this" || toks[i].Lower == "that" || toks[i].Lower == "these" || toks[i].Lower == "those") {
			return Chunk{i, i + 1}, true
		}
		return Chunk{}, false
	}
	return Chunk{i, head + 1}, true
}

// quotedBefore reports whether an opening quote lies in tokens [i, j).
func quotedBefore(toks []Token, i, j int) bool {
	n := 0
	for k := i; k < j; k++ {
		if toks[k].Tag == "''" {
			n++
		}
	}
	return n%2 == 1
}

// Subject returns the noun phrase before the sentence's first finite verb
// (from token from on), and the verb's index; ok is false when there is
// none.
func (s Sentence) Subject(from int) (np Chunk, verb int, ok bool) {
	toks := s.Tokens
	for i := from; i < len(toks); i++ {
		c, found := s.nounPhraseAt(i)
		if !found {
			if toks[i].Tag == "RB" || toks[i].Tag == "," || toks[i].Tag == "UH" {
				continue
			}
			return Chunk{}, 0, false
		}
		for c.End+1 < len(toks) && toks[c.End].Lower == "of" {
			d, ok := s.nounPhraseAt(c.End + 1)
			if !ok {
				break
			}
			c.End = d.End
		}
		v := c.End
		for v < len(toks) && toks[v].Tag == "RB" {
			v++
		}
		if v < len(toks) && (IsVerb(toks[v].Tag) && toks[v].Tag != "VBG" && toks[v].Tag != "VB" || toks[v].Lower == "'s" && toks[v].Tag == "VBZ") {
			return c, v, true
		}
		return Chunk{}, 0, false
	}
	return Chunk{}, 0, false
}

// Words returns the sentence's tokens' lower-case forms.
func (s Sentence) Words() []string {
	out := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = t.Lower
	}
	return out
}

// ParseAfter tags text as if it followed context ("to ", "I "): a clause
// cut from its sentence ("respond to Jordan's email") tags as the verb
// phrase it is, not as a headline. The result holds text's tokens only.
func ParseAfter(context, text string) Sentence {
	s := Parse(context + text)
	n := len(context)
	toks := make([]Token, 0, len(s.Tokens))
	for _, t := range s.Tokens {
		if t.Start < n {
			continue
		}
		t.Start -= n
		t.End -= n
		toks = append(toks, t)
	}
	return Sentence{Text: text, Tokens: toks}
}
