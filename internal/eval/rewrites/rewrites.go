// Package rewrites measures the quick-fix rewrites of the sentence rules
// over labelled items: for every correct finding (a rule that fires on an
// item labelled with it), each of its fixes is applied alone and scored.
//
//   - Fact retention: the share of the writer's facts in the finding's
//     sentences that the fixed text keeps. Facts are numbers, capitalised
//     names and content words; the words of the phrases that made the
//     finding (its Why: the matched phrases, or the learned model's
//     strongest words) are not facts, nor, for a fix that only removes or
//     replaces the flagged phrase (not lint.Fix.Rewrites), the words it
//     replaces. For crisis, the alarm phrase takes along its own
//     modifiers, by one closed grammatical rule (alarmModifiersStart):
//     the adjectives and adverbs directly before the alarm word ("a total
//     disaster", "absolute meltdown"), never a noun, name or number, and
//     nothing after the alarm ("of epic proportions" stays counted).
//   - Broken-text signals in the fixed sentences: doubled punctuation or
//     spaces, a space before punctuation, a sentence that starts in lower
//     case, a word repeated, a sentence left without its final mark, a
//     dangling word ("by [Friday] a bit.", "… to the.").
//   - Placeholders: how many [placeholders] the fix adds.
//   - Re-lint: the fixed text no longer draws the rule where the fix
//     applied.
package rewrites

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/eval"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

// Scored is one fix of one correct finding, scored.
type Scored struct {
	ItemID, Rule, Register string
	// Start is where the finding starts in the item's text.
	Start int
	// Rank is the fix's place among the finding's fixes, from 0; -1 for a
	// finding with no fix (nothing else is set but the item's text).
	Rank  int
	Title string
	// Model is set when the learned model alone made the finding.
	Model bool
	// Original and Fixed are the finding's sentences before and after the
	// fix.
	Original, Fixed string
	// Text and FixedText are the whole item before and after.
	Text, FixedText string
	// Facts are the writer's facts in Original; Lost those not in Fixed.
	Facts, Lost []string
	// Signals are the broken-text signals found in Fixed.
	Signals []string
	// Placeholders counts the fix's [placeholders].
	Placeholders int
	// Clean is set when re-linting the fixed text finds no finding of the
	// rule where the fix applied.
	Clean bool
}

// Retention is the share of facts kept, 1 when there were none.
func (s Scored) Retention() float64 {
	if len(s.Facts) == 0 {
		return 1
	}
	return float64(len(s.Facts)-len(s.Lost)) / float64(len(s.Facts))
}

// Score lints each item with rules and opts and scores every fix of each
// correct sentence-rule finding.
func Score(items []model.Item, rules []*lint.Rule, opts lint.Options) []Scored {
	var out []Scored
	for _, it := range items {
		doc := document.Parse(it.Text, eval.ItemOptions(it.Source))
		for _, f := range lint.Run(doc, rules, opts) {
			if !slices.Contains(it.Labels, f.RuleID) || !slices.Contains(model.Rules[:], f.RuleID) {
				continue
			}
			if len(f.Fixes) == 0 {
				out = append(out, Scored{ItemID: it.ID, Rule: f.RuleID, Register: it.Register, Start: f.Span.Start, Rank: -1,
					Model: strings.HasPrefix(f.Why, "learned model"), Text: doc.Text})
			}
			for rank, fx := range f.Fixes {
				s := scoreFix(doc, f, fx, rules, opts)
				s.ItemID, s.Rule, s.Register, s.Start, s.Rank = it.ID, f.RuleID, it.Register, f.Span.Start, rank
				out = append(out, s)
			}
		}
	}
	return out
}

func scoreFix(doc *document.Document, f lint.Finding, fx lint.Fix, rules []*lint.Rule, opts lint.Options) Scored {
	text := doc.Text
	s := Scored{Title: fx.Title, Model: strings.HasPrefix(f.Why, "learned model"), Text: text}
	fixed, err := lint.ApplyEdits(text, fx.Edits)
	if err != nil {
		s.Signals = append(s.Signals, "edits do not apply")
		return s
	}
	s.FixedText = fixed
	// The region: the sentences the finding and the edits touch, and
	// where it lies in the fixed text.
	lo, hi := f.Span.Start, f.Span.End
	for _, e := range fx.Edits {
		lo, hi = min(lo, e.Span.Start), max(hi, e.Span.End)
	}
	lo, hi = sentenceBounds(doc, lo, hi)
	nhi := shift(fx.Edits, hi)
	s.Original, s.Fixed = strings.TrimSpace(text[lo:hi]), strings.TrimSpace(fixed[lo:nhi])

	// Facts outside the framing phrases (and, for a removal or a phrase
	// replacement, outside what it replaces).
	skip := framing(text, f)
	if !fx.Rewrites {
		for _, e := range fx.Edits {
			skip = append(skip, e.Span)
		}
	}
	kept := map[string]bool{}
	for _, w := range words(s.Fixed) {
		kept[strings.ToLower(w.text)] = true
	}
	for _, w := range words(text[lo:hi]) {
		span := document.Span{Start: lo + w.start, End: lo + w.start + len(w.text)}
		if !fact(w) || slices.ContainsFunc(skip, span.Overlaps) {
			continue
		}
		s.Facts = append(s.Facts, w.text)
		if !kept[strings.ToLower(w.text)] {
			s.Lost = append(s.Lost, w.text)
		}
	}
	for _, e := range fx.Edits {
		s.Placeholders += len(placeholderRE.FindAllString(e.NewText, -1))
	}
	s.Signals = append(s.Signals, Signals(strings.TrimSpace(text[lo:hi]), s.Fixed)...)

	// Re-lint: no finding of the rule overlaps where the fix applied, or
	// the finding's own place.
	fdoc := document.Parse(fixed, document.Options{URI: doc.URI, Format: doc.Format})
	region := document.Span{Start: shift(fx.Edits, f.Span.Start), End: max(shift(fx.Edits, f.Span.End), shift(fx.Edits, f.Span.Start)+1)}
	for _, e := range fx.Edits {
		ns := shift(fx.Edits, e.Span.Start)
		region.Start = min(region.Start, ns)
		region.End = max(region.End, ns+len(e.NewText))
	}
	s.Clean = true
	for _, g := range lint.Run(fdoc, rules, opts) {
		if g.RuleID == f.RuleID && (g.Span.Overlaps(region) || g.Span.Len() == 0 && region.Start <= g.Span.Start && g.Span.Start < region.End) {
			s.Clean = false
		}
	}
	return s
}

// shift maps an offset of the original text to the fixed text: edits
// that end at or before it move it by the length they add; inside an edit
// it maps to the edit's start.
func shift(edits []lint.Edit, off int) int {
	d := 0
	for _, e := range edits {
		switch {
		case e.Span.End <= off:
			d += len(e.NewText) - e.Span.Len()
		case e.Span.Start < off:
			// Inside an edit: its start.
			return e.Span.Start + d
		}
	}
	return off + d
}

// sentenceBounds widens [lo, hi) to the sentences of doc it touches.
func sentenceBounds(doc *document.Document, lo, hi int) (int, int) {
	nlo, nhi := lo, hi
	for _, b := range doc.Blocks {
		if b.Span.End < lo || b.Span.Start > hi {
			continue
		}
		for _, ss := range b.Sentences {
			if ss.Start <= hi && ss.End >= lo && (ss.Overlaps(document.Span{Start: lo, End: max(hi, lo+1)}) || ss.End == lo) {
				nlo, nhi = min(nlo, ss.Start), max(nhi, ss.End)
			}
		}
	}
	return nlo, nhi
}

// whyPhraseRE finds the quoted phrases of a finding's Why: `phrase "a",
// "b"`.
var whyPhraseRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// framing returns the spans of the phrases that made the finding (for the
// learned model, its strongest words), found in its span (or, when absent
// there, in the text around it).
func framing(text string, f lint.Finding) []document.Span {
	if !strings.HasPrefix(f.Why, "phrase ") && !strings.HasPrefix(f.Why, "learned model") {
		return nil
	}
	lower := strings.ToLower(text)
	var out []document.Span
	for _, m := range whyPhraseRE.FindAllStringSubmatch(f.Why, -1) {
		p := strings.ToLower(m[1])
		p = strings.ReplaceAll(p, `\"`, `"`)
		if p == "" {
			continue
		}
		// Search near the finding first.
		from := max(0, f.Span.Start-200)
		to := min(len(text), f.Span.End+200)
		if i := indexWords(lower[from:to], p); i >= 0 {
			sp := document.Span{Start: from + i, End: from + i + len(p)}
			if f.RuleID == "crisis" {
				sp.Start = alarmModifiersStart(text, sp)
			}
			out = append(out, sp)
		}
	}
	return out
}

// alarmModifiersStart widens an alarm phrase of a crisis finding at sp to
// the modifiers inside the alarm expression, and returns where they start.
// The rule is grammatical and closed: the adjectives and adverbs (by their
// part-of-speech tags, JJ* and RB*) that stand directly before the alarm
// word in its own phrase, with no determiner, noun, name, number,
// punctuation or negation between ("a total disaster", "absolute
// meltdown", "a full-blown crisis", "sooo screwed"), intensify the alarm
// and go with it; nothing else does (no list of words). Modifiers after
// the alarm ("of epic proportions", "waiting to happen") are not covered,
// nor are nouns before it ("a PR catastrophe": PR stays a fact). Classifying
// adjectives ("a financial disaster") are adjectives too: the rule counts
// them as framing.
func alarmModifiersStart(text string, sp document.Span) int {
	// The clause up to the alarm: from the last sentence mark or line
	// break before it.
	sent := document.Span{Start: strings.LastIndexAny(text[:sp.Start], ".!?\n") + 1, End: sp.End}
	src := text[sent.Start:sp.End]
	lead := len(src) - len(strings.TrimLeft(src, " \t"))
	sent.Start += lead
	src = src[lead:]
	toks := grammar.Parse(src).Tokens
	i := len(toks)
	for i > 0 && toks[i-1].Start >= sp.Start-sent.Start {
		i-- // the alarm's own tokens
	}
	// The words before the alarm that may be its modifiers: up to three,
	// back to a determiner, pronoun, verb, preposition, conjunction or
	// punctuation.
	j := i
	for j > 0 && i-j < 3 && toks[j-1].Tag != "DT" && toks[j-1].Tag != "PRP$" && toks[j-1].Tag != "PRP" && !strings.HasPrefix(toks[j-1].Tag, "VB") &&
		toks[j-1].Tag != "IN" && toks[j-1].Tag != "CC" && toks[j-1].Tag != "MD" && wordRE.MatchString(toks[j-1].Text) &&
		toks[j-1].End <= nextStart(toks, j, sp.Start-sent.Start) && strings.TrimSpace(src[toks[j-1].End:nextStart(toks, j, sp.Start-sent.Start)]) == "" {
		j--
	}
	if j == i {
		return sp.Start
	}
	// Tag them where only a modifier or a noun can stand, after "it was
	// a", in lower case: a headline's "Absolute meltdown" or "absolute
	// chaos" tags as nouns on its own, "a PR catastrophe" keeps its noun.
	from := toks[j].Start
	mods := grammar.ParseAfter("it was a ", strings.ToLower(src[from:])).Tokens
	start := sp.Start
	for k := len(mods) - 1; k >= 0; k-- {
		t := mods[k]
		if from+t.Start >= sp.Start-sent.Start {
			continue // the alarm's own tokens
		}
		orig := src[from+t.Start : from+t.End]
		r, _ := utf8.DecodeRuneInString(orig)
		if !grammar.IsAdj(t.Tag) && !strings.HasPrefix(t.Tag, "RB") || t.Lower == "not" || t.Lower == "n't" || t.Lower == "never" ||
			strings.IndexFunc(orig, unicode.IsDigit) >= 0 || unicode.IsUpper(r) && from+t.Start > 0 {
			break // a number or a name stays a fact: "the Q3 disaster"
		}
		start = sent.Start + from + t.Start
	}
	return start
}

// indexWords finds phrase p in s, matching white space loosely.
func indexWords(s, p string) int {
	parts := strings.Fields(p)
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	re, err := regexp.Compile(strings.Join(parts, `\s+`))
	if err != nil {
		return -1
	}
	if loc := re.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

type word struct {
	text  string
	start int
	first bool // the first word of its sentence
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’_.-]*[\p{L}\p{N}]|[\p{L}\p{N}]`)

// words splits s into words, marking those that start a sentence.
func words(s string) []word {
	var out []word
	for _, m := range wordRE.FindAllStringIndex(s, -1) {
		w := strings.TrimRight(s[m[0]:m[1]], ".")
		before := strings.TrimRightFunc(s[:m[0]], func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("*_\"“‘([-#>", r)
		})
		first := before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, ":")
		out = append(out, word{text: w, start: m[0], first: first})
	}
	return out
}

// nextStart is where token j starts, or end after the last token.
func nextStart(toks []grammar.Token, j, end int) int {
	if j < len(toks) {
		return toks[j].Start
	}
	return end
}

// fact reports whether a word is one of the writer's facts: a number, a
// capitalised name (not just a capitalised first word), or a content word.
func fact(w word) bool {
	t := w.text
	if strings.IndexFunc(t, unicode.IsDigit) >= 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	l := strings.ToLower(t)
	if unicode.IsUpper(r) && !w.first && !stopwords[l] && t != "I" {
		return true
	}
	if utf8.RuneCountInString(t) < 3 || stopwords[l] || strings.ContainsAny(l, "'’") {
		return false
	}
	return true
}

var placeholderRE = regexp.MustCompile(`\[[^\]\[]+\](?:[^(]|$)`)

// Broken-text signals.
var (
	doubledPunctRE = regexp.MustCompile(`[,;:]\s*[.,;:!?]|[.!?]\s*[,;:]|[^.]\.\s*\.(?:[^.]|$)|[!?]\s+[.!?]`)
	doubledSpaceRE = regexp.MustCompile(`\S  +\S`)
	spaceBeforeRE  = regexp.MustCompile(`\S\s+[,.;:!?](?:\s|$)`)
	repeatedRE     = regexp.MustCompile(`(?i)\b([a-z]+) ([a-z]+)\b`)
	// danglingRE finds a vague tail left after a placeholder, and a
	// function word left before a sentence's end.
	danglingTailRE = regexp.MustCompile(`(?i)\]\s*(?:-?ish|a bit|a little|or so|or thereabouts|or later|at some point|if possible|hopefully|anyway)\b`)
	danglingEndRE  = regexp.MustCompile(`(?i)\b(?:the|a|an|to|of|and|or|but|with|for|by|from|in|on|at|that|so|because|is|are|my|our|your)[.!?]`)
)

// phrasalVerbs take a particle that may end a sentence ("go in", "log on").
var phrasalVerbs = map[string]bool{"go": true, "went": true, "gone": true, "come": true, "came": true, "log": true,
	"logged": true, "sign": true, "signed": true, "hand": true, "handed": true, "send": true, "sent": true, "get": true,
	"got": true, "put": true, "fill": true, "filled": true, "kick": true, "kicked": true, "drop": true, "dropped": true,
	"pop": true, "popped": true, "stop": true, "stopped": true, "pass": true, "passed": true, "move": true, "moved": true}

// danglingEnd reports whether a function word ends a sentence of s, but
// not a verb that ends an embedded question ("nobody knows where it is.",
// "that's what they are.").
func danglingEnd(s string) bool {
	for _, m := range danglingEndRE.FindAllStringIndex(s, -1) {
		w := strings.ToLower(strings.TrimRight(s[m[0]:m[1]], ".!?"))
		if w == "in" || w == "on" || w == "by" {
			// A particle of a phrasal verb: "did the order go in?"
			if f := strings.Fields(strings.ToLower(s[:m[0]])); len(f) > 0 && phrasalVerbs[strings.Trim(f[len(f)-1], ",;:")] {
				continue
			}
		}
		if w == "is" || w == "are" {
			f := strings.Fields(strings.ToLower(s[:m[0]]))
			if len(f) >= 2 {
				switch strings.Trim(f[len(f)-2], ",;:") {
				case "where", "what", "who", "how", "which", "whatever", "wherever":
					continue
				}
			}
		}
		return true
	}
	return false
}

// Signals returns the broken-text signals the fixed text shows and the
// original did not.
func Signals(original, fixed string) []string {
	var out []string
	check := func(name string, found func(string) bool) {
		if found(fixed) && !found(original) {
			out = append(out, name)
		}
	}
	check("doubled punctuation", doubledPunctRE.MatchString)
	check("doubled space", doubledSpaceRE.MatchString)
	check("space before punctuation", func(s string) bool {
		for _, m := range spaceBeforeRE.FindAllStringIndex(s, -1) {
			// A dash or an emoticon is not a word before punctuation.
			if !strings.ContainsAny(s[m[0]:m[0]+1], "-–—:;)") {
				return true
			}
		}
		return false
	})
	check("lower-case start", lowerStart)
	check("repeated word", func(s string) bool {
		for _, m := range repeatedRE.FindAllStringSubmatch(s, -1) {
			if strings.EqualFold(m[1], m[2]) && !strings.EqualFold(m[1], "that") && !strings.EqualFold(m[1], "had") {
				return true
			}
		}
		// FindAll does not overlap: check pairs shifted by one word too.
		f := strings.Fields(strings.ToLower(s))
		for i := 1; i < len(f); i++ {
			if f[i] == f[i-1] && f[i] != "that" && f[i] != "had" && wordRE.MatchString(f[i]) && strings.Trim(f[i], ".,;:!?") == f[i] {
				return true
			}
		}
		return false
	})
	check("no final mark", func(s string) bool {
		t := strings.TrimRight(s, " *_)\"”’")
		r, _ := utf8.DecodeLastRuneInString(t)
		return t != "" && !strings.ContainsRune(".!?…:", r) && !endsWithSymbol(t)
	})
	check("dangling word", func(s string) bool { return danglingTailRE.MatchString(s) || danglingEnd(s) })
	return out
}

// endsWithSymbol reports whether s ends with something that is not a
// letter, digit or bracket (a link, an emoji, a code span): no final mark
// expected.
func endsWithSymbol(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ']'
}

// lowerStart reports whether a sentence of s starts with a lower-case
// letter: at its start or after a sentence's end mark.
func lowerStart(s string) bool {
	prev := '.'
	for i, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("*_\"“‘(#>-", r) {
			continue
		}
		if prev == '.' || prev == '?' || prev == '!' {
			if unicode.IsLower(r) && !startsWithLowerWord(s[i:]) && (i == 0 || i >= 2 && unicode.IsSpace(rune(s[i-1]))) {
				return true
			}
		}
		prev = r
	}
	return false
}

// startsWithLowerWord reports whether s starts with a word written in
// lower case by convention ("iOS", "e.g.", "etc.") or a code-like token.
func startsWithLowerWord(s string) bool {
	w := strings.Fields(s)[0]
	if strings.IndexFunc(w, unicode.IsUpper) > 0 || strings.ContainsAny(w, "./_`@") && len(w) > 2 {
		return true
	}
	return false
}

// Figures are the totals of one rule (or of all).
type Figures struct {
	// Findings are the correct findings, NoFix those with no fix at all.
	Findings, NoFix   int
	Fixes             int
	Keep80, NoSignal  int
	Clean             int
	Placeholders      int
	Retention         float64
	SignalCount       map[string]int
	LostWords         map[string]int
	FirstOnly         bool
	ModelFindings     int
	findingsWithFixes map[string]bool
}

// Summarise totals scored fixes per rule; first keeps only each finding's
// first fix.
func Summarise(ss []Scored, first bool) map[string]*Figures {
	return SummariseIf(ss, first, func(Scored) bool { return true })
}

// SummariseIf is Summarise over the scored fixes keep accepts.
func SummariseIf(ss []Scored, first bool, keep func(Scored) bool) map[string]*Figures {
	out := map[string]*Figures{}
	get := func(rule string) *Figures {
		f := out[rule]
		if f == nil {
			f = &Figures{SignalCount: map[string]int{}, LostWords: map[string]int{}, FirstOnly: first, findingsWithFixes: map[string]bool{}}
			out[rule] = f
		}
		return f
	}
	for _, s := range ss {
		if first && s.Rank > 0 || !keep(s) {
			continue
		}
		for _, rule := range []string{s.Rule, "all"} {
			f := get(rule)
			key := fmt.Sprintf("%s/%s/%d", s.ItemID, s.Rule, s.Start)
			if !f.findingsWithFixes[key] {
				f.findingsWithFixes[key] = true
				f.Findings++
				if s.Model {
					f.ModelFindings++
				}
			}
			if s.Rank < 0 {
				f.NoFix++
				continue
			}
			f.Fixes++
			f.Retention += s.Retention()
			if s.Retention() >= 0.8 {
				f.Keep80++
			}
			if len(s.Signals) == 0 {
				f.NoSignal++
			}
			for _, sg := range s.Signals {
				f.SignalCount[sg]++
			}
			if s.Clean {
				f.Clean++
			}
			f.Placeholders += s.Placeholders
			for _, w := range s.Lost {
				f.LostWords[strings.ToLower(w)]++
			}
		}
	}
	return out
}

// Write prints one table of figures per rule.
func Write(w io.Writer, title string, figs map[string]*Figures) {
	fmt.Fprintln(w, title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tfindings\tby model\tno fix\tfixes\tkeep ≥80% facts\tmean retention\tno broken signal\tplaceholders/fix\tre-lint clean\t")
	for _, rule := range append(model.Rules[:], "all") {
		f := figs[rule]
		if f == nil {
			fmt.Fprintf(tw, "%s\t0\t0\t0\t0\t-\t-\t-\t-\t-\t\n", rule)
			continue
		}
		n := float64(max(f.Fixes, 1))
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.0f%%\t%.2f\t%.0f%%\t%.2f\t%.0f%%\t\n", rule, f.Findings, f.ModelFindings, f.NoFix, f.Fixes,
			100*float64(f.Keep80)/n, f.Retention/n, 100*float64(f.NoSignal)/n, float64(f.Placeholders)/n, 100*float64(f.Clean)/n)
	}
	tw.Flush()
	for _, rule := range append(model.Rules[:], "all") {
		f := figs[rule]
		if f == nil || len(f.SignalCount) == 0 {
			continue
		}
		var parts []string
		for k, v := range f.SignalCount {
			parts = append(parts, fmt.Sprintf("%s %d", k, v))
		}
		slices.Sort(parts)
		fmt.Fprintf(w, "  %s signals: %s\n", rule, strings.Join(parts, ", "))
	}
}

// stopwords are function words and the commonest verbs: not facts.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor so yet for of to in on at by from with without into onto
		about above after again against all am any are as be been before being below between both can could did do
		does doing down during each few further had has have having he her here hers herself him himself his how i if
		is it its itself just me more most my myself no not now off once only other our ours ourselves out over own
		same she should some such than that their theirs them themselves then there these they this those through too
		under until up very was we were what when where which while who whom why will would you your yours yourself
		yourselves also still already ever never really quite maybe perhaps again let lets get got gets getting
		make made makes going go goes went gone one ones thing things something anything everything nothing
		way much many lot lots bit okay ok yes well even though although because since via per etc
		i'm i've i'll i'd we're we've we'll it's that's there's can't won't don't doesn't didn't isn't aren't
		wasn't weren't hasn't haven't hadn't couldn't wouldn't shouldn't honestly frankly seriously basically
		actually literally really usual usually anyway`) {
		stopwords[w] = true
	}
}
