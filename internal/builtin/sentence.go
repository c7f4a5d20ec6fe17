package builtin

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/phrase"
)

// sentenceRules returns the six sentence rules of the catalogue, in order.
func sentenceRules() []*lint.Rule {
	return []*lint.Rule{
		problemOnlyRule(), complaintRule(), openQuestionRule(),
		hedgingRule(), vagueTimingRule(), crisisRule(),
	}
}

// phraseSet is a rule's phrase groups. The groups of all six sentence
// rules are compiled into one matcher, so each block is scanned once for
// all of them (see scanDoc); a phraseSet picks out its rule's hits.
type phraseSet struct {
	rule string
	// m scans for this set alone, groups giving each pattern's group; it
	// is set only for config phrases.
	m      *phrase.Matcher
	groups []*phraseGroup
	// lazy holds the rule's context groups (see phraseGroup.lazy).
	lazy       *phrase.Matcher
	lazyGroups []*phraseGroup
}

// compileGroups returns the phrase groups of a sentence rule's file.
func compileGroups(rf *ruleFile) *phraseSet {
	sentenceScanner() // fail early on a bad phrase
	ps := &phraseSet{rule: rf.ID}
	var pats []phrase.Pattern
	for _, g := range sortedHandles(groupHandles(rf.ID)) {
		if g.lazy {
			for _, p := range rf.Phrases[g.name] {
				pats = append(pats, phrase.Pattern{Text: p, Group: g.name})
				ps.lazyGroups = append(ps.lazyGroups, g)
			}
		}
	}
	if len(pats) > 0 {
		ps.lazy = phrase.MustCompile(pats)
	}
	return ps
}

// findAll returns all the set's phrases in the block, context groups
// included.
func (ps *phraseSet) findAll(v blockView) []hit { return ps.withLazy(v.b, ps.find(v)) }

// withLazy adds the rule's context-group phrases in the block to hs.
func (ps *phraseSet) withLazy(b *document.Block, hs []hit) []hit {
	if ps.lazy == nil {
		return hs
	}
	hs = append(hs, scanWith(ps.lazy, ps.lazyGroups, b)...)
	slices.SortStableFunc(hs, func(a, b hit) int { return byStartLongest(a.span, b.span) })
	return hs
}

// hit is a phrase found in a block, in document offsets.
type hit struct {
	span  document.Span
	group *phraseGroup
}

// scanner is the one matcher over every phrase group of the sentence rules.
type scanner struct {
	m     *phrase.Matcher
	group []*phraseGroup // per pattern
}

var (
	scannerOnce sync.Once
	theScanner  *scanner
)

func sentenceScanner() *scanner {
	scannerOnce.Do(func() {
		sc := &scanner{}
		var pats []phrase.Pattern
		for _, id := range IDs[:6] {
			_, rf := mustLoad(id)
			for _, g := range sortedHandles(groupHandles(id)) {
				if g.lazy {
					continue
				}
				for _, p := range rf.Phrases[g.name] {
					pats = append(pats, phrase.Pattern{Text: p, Group: g.name})
					sc.group = append(sc.group, g)
				}
			}
		}
		sc.m = phrase.MustCompile(pats)
		theScanner = sc
	})
	return theScanner
}

// docScan holds the phrases found in each block of one document.
type docScan struct {
	hits [][]hit
	// skip marks the blocks sentence rules do not read (see eachBlock).
	skip []bool

	mu     sync.Mutex
	quotes map[int]covering // by block: see quotations
}

// scanKey is the lint.Pass.Memo key of a run's docScan.
type scanKey struct{}

// scanDoc returns the phrase scan of the pass's document: the six rules run
// over one document one after another (see lint.Run) and share one scan.
func scanDoc(p *lint.Pass) *docScan {
	return p.Memo(scanKey{}, func() any { return newScan(p.Doc) }).(*docScan)
}

func newScan(doc *document.Document) *docScan {
	ds := &docScan{}
	sc := sentenceScanner()
	ds.hits = make([][]hit, len(doc.Blocks))
	ds.skip = make([]bool, len(doc.Blocks))
	var buf []phrase.Match
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if !readable(doc, i) {
			ds.skip[i] = true
			continue
		}
		buf = sc.m.FindAll(b.Text, buf[:0])
		if len(buf) == 0 {
			continue
		}
		hs := make([]hit, len(buf))
		for j, m := range buf {
			hs[j] = hit{
				span:  document.Span{Start: b.Span.Start + m.Start, End: b.Span.Start + m.End},
				group: sc.group[m.Pattern],
			}
		}
		slices.SortStableFunc(hs, func(a, b hit) int { return byStartLongest(a.span, b.span) })
		ds.hits[i] = hs
	}
	return ds
}

// readable reports whether sentence rules read block i: not a heading,
// not empty, not a link-only line.
func readable(doc *document.Document, i int) bool {
	b := &doc.Blocks[i]
	return b.Kind != document.Heading && len(b.Sentences) > 0 && !linkOnly(doc.Text[b.Span.Start:b.Span.End])
}

// find returns the set's phrases in the block, in document offsets,
// ordered by start, longest first.
func (ps *phraseSet) find(v blockView) []hit {
	if ps.m != nil {
		return ps.scan(v.b)
	}
	var out []hit
	for _, h := range v.scan.hits[v.idx] {
		if h.group.rule == ps.rule {
			out = append(out, h)
		}
	}
	return out
}

// scan runs the set's own matcher over a block.
func (ps *phraseSet) scan(b *document.Block) []hit { return scanWith(ps.m, ps.groups, b) }

// scanWith runs matcher m, whose patterns are of groups gs, over a block.
func scanWith(m *phrase.Matcher, gs []*phraseGroup, b *document.Block) []hit {
	ms := m.FindAll(b.Text, nil)
	out := make([]hit, len(ms))
	for i, mt := range ms {
		out[i] = hit{
			span:  document.Span{Start: b.Span.Start + mt.Start, End: b.Span.Start + mt.End},
			group: gs[mt.Pattern],
		}
	}
	slices.SortStableFunc(out, func(a, b hit) int { return byStartLongest(a.span, b.span) })
	return out
}

var extraCache sync.Map // joined phrases -> *phraseSet

// extraSet compiles config-added phrases (group "extra"); nil if none or
// invalid.
func extraSet(phrases []string) *phraseSet {
	if len(phrases) == 0 {
		return nil
	}
	key := strings.Join(phrases, "\x00")
	if v, ok := extraCache.Load(key); ok {
		return v.(*phraseSet)
	}
	var pats []phrase.Pattern
	var groups []*phraseGroup
	for _, p := range phrases {
		if strings.TrimSpace(p) != "" {
			pats = append(pats, phrase.Pattern{Text: p, Group: extraGroup.name})
			groups = append(groups, extraGroup)
		}
	}
	m, err := phrase.Compile(pats)
	var ps *phraseSet
	if err == nil && len(pats) > 0 {
		ps = &phraseSet{rule: "extra", m: m, groups: groups}
	}
	extraCache.Store(key, ps)
	return ps
}

// blockView is one prose block as a sentence rule sees it.
type blockView struct {
	doc  *document.Document
	idx  int
	b    *document.Block
	scan *docScan
}

// eachBlock calls fn for every block that sentence rules read: all blocks
// but headings, empty blocks and link-only lines.
func eachBlock(p *lint.Pass, fn func(v blockView)) {
	doc, ds := p.Doc, scanDoc(p)
	for i := range doc.Blocks {
		if !ds.skip[i] {
			fn(blockView{doc: doc, idx: i, b: &doc.Blocks[i], scan: ds})
		}
	}
}

// eachBlockHits calls fn for every block sentence rules read (see
// eachBlock) with the rule's phrases found in it, plus the config's extra
// phrases for the rule (Pass.Extra), which count as group as (nil: keep
// extraGroup, the group extraSet gives them).
func eachBlockHits(p *lint.Pass, ps *phraseSet, as *phraseGroup, fn func(v blockView, hs []hit)) {
	extra := extraSet(p.Extra)
	eachBlock(p, func(v blockView) {
		hs := ps.find(v)
		if extra != nil {
			for _, h := range extra.scan(v.b) {
				if as != nil {
					h.group = as
				}
				hs = append(hs, h)
			}
		}
		fn(v, hs)
	})
}

// at returns the view of another block of the same document.
func (v blockView) at(i int) blockView {
	return blockView{doc: v.doc, idx: i, b: &v.doc.Blocks[i], scan: v.scan}
}

// masked returns the masked prose text of a span inside the block.
func (v blockView) masked(s document.Span) string {
	lo, hi := s.Start-v.b.Span.Start, s.End-v.b.Span.Start
	if lo < 0 || hi > len(v.b.Text) || lo > hi {
		return ""
	}
	return v.b.Text[lo:hi]
}

// src returns the source text of a span.
func (v blockView) src(s document.Span) string { return v.doc.Text[s.Start:s.End] }

// sentenceAt returns the index of the sentence containing offset off, or -1.
func (v blockView) sentenceAt(off int) int {
	ss := v.b.Sentences
	i, _ := slices.BinarySearchFunc(ss, off, func(s document.Span, off int) int {
		if s.End <= off {
			return -1
		}
		return 1
	})
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	return -1
}

// quoted reports whether a span is reported speech: in a block quote or
// inside quotation marks.
func (v blockView) quoted(s document.Span) bool {
	if v.b.Quoted {
		return true
	}
	qs := v.b.Quotations
	if len(qs) > 16 && v.scan != nil {
		return v.scan.quotations(v.idx, qs).covers(s)
	}
	for _, q := range qs {
		if q.Contains(s) {
			return true
		}
	}
	return false
}

// quotations returns the index of block i's quotations qs, built on first
// use: a block of thousands of quotations would make quoted quadratic.
func (ds *docScan) quotations(i int, qs []document.Span) covering {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	c, ok := ds.quotes[i]
	if !ok {
		if ds.quotes == nil {
			ds.quotes = map[int]covering{}
		}
		c = newCovering(qs)
		ds.quotes[i] = c
	}
	return c
}

// sentenceOf returns the index of the sentence that holds all of span s,
// or -1: a phrase can straddle two sentences, on purpose ("still nothing.
// Typical.") or where a run too long to be one was cut (see document's
// maxSentence).
func (v blockView) sentenceOf(s document.Span) int {
	if i := v.sentenceAt(s.Start); i >= 0 && s.End <= v.b.Sentences[i].End {
		return i
	}
	return -1
}

// bySentence splits hits per sentence index, by where they start; hits
// outside every sentence are dropped. A hit may run past the end of its
// sentence (see sentenceOf).
func (v blockView) bySentence(hs []hit) [][]hit {
	out := make([][]hit, len(v.b.Sentences))
	for _, h := range hs {
		if i := v.sentenceAt(h.span.Start); i >= 0 {
			out[i] = append(out[i], h)
		}
	}
	return out
}

// unitBlocks returns the block and its nested blocks (child list items
// and their paragraphs): the "same paragraph or list item" of the catalogue.
func unitBlocks(doc *document.Document, idx int) []int {
	out := []int{idx}
	for i := idx + 1; i < len(doc.Blocks); i++ {
		if isDescendant(doc, i, idx) {
			out = append(out, i)
		} else if doc.Blocks[i].Span.Start >= doc.Blocks[idx].Span.End {
			break
		}
	}
	return out
}

func isDescendant(doc *document.Document, i, anc int) bool {
	for p := doc.Blocks[i].Parent; p >= 0 && p < len(doc.Blocks); p = doc.Blocks[p].Parent {
		if p == anc {
			return true
		}
		if p >= i {
			break
		}
	}
	return false
}

// groupIs reports whether a hit of hs is of one of the groups.
func groupIs(hs []hit, groups ...*phraseGroup) bool {
	for _, h := range hs {
		if slices.Contains(groups, h.group) {
			return true
		}
	}
	return false
}

// firstOf returns the first hit of hs of one of the groups.
func firstOf(hs []hit, groups ...*phraseGroup) (hit, bool) {
	for _, h := range hs {
		if slices.Contains(groups, h.group) {
			return h, true
		}
	}
	return hit{}, false
}

// isQuestion reports whether a sentence ends with a question mark.
func isQuestion(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ')' || r == '*' || r == '_' || r == '"' || r == '\u201d'
	})
	return strings.HasSuffix(s, "?")
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s unless it starts an acronym
// or is "I".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || s == "I" || strings.HasPrefix(s, "I ") || strings.HasPrefix(s, "I'") {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// hasPlaceholder reports whether text has a [placeholder].
func hasPlaceholder(text string) bool {
	i := strings.IndexByte(text, '[')
	return i >= 0 && strings.IndexByte(text[i:], ']') > 1
}

// replaceFix is a one-edit fix that keeps the writer's words: it removes
// or replaces only the flagged phrase, or inserts.
func replaceFix(title string, span document.Span, text string) lint.Fix {
	return lint.Fix{
		Title:      title,
		Edits:      []lint.Edit{{Span: span, NewText: text}},
		NeedsInput: hasPlaceholder(text),
		Preferred:  true,
	}
}

// rewriteFix is a one-edit fix that replaces the writer's sentence with
// new wording: offered in the editor, never applied unseen (see
// lint.Fix.Rewrites).
func rewriteFix(title string, span document.Span, text string) lint.Fix {
	f := replaceFix(title, span, text)
	f.Rewrites = true
	return f
}

// hintFor returns the placeholder of the first hint with a word in text,
// or def.
func hintFor(rf *ruleFile, text, def string) string {
	lt := strings.ToLower(text)
	for _, h := range rf.Hints {
		for _, w := range h.When {
			if strings.Contains(lt, strings.ToLower(w)) {
				return h.Text
			}
		}
	}
	return def
}

// trimSentence returns the sentence span without trailing white space, so
// a replacement or an insertion follows its final punctuation.
func trimSentence(v blockView, s document.Span) document.Span {
	t := v.src(s)
	t2 := strings.TrimRightFunc(t, unicode.IsSpace)
	return document.Span{Start: s.Start, End: s.Start + len(t2)}
}

// linkOnly reports whether a block is nothing but a Markdown link, such as
// an issue title in a list of references: quoted titles, not the writer's
// framing.
func linkOnly(src string) bool {
	t := strings.TrimSpace(src)
	t = strings.TrimLeft(t, "-*+ \t")
	if len(t) > 2 && t[0] >= '0' && t[0] <= '9' {
		if i := strings.IndexAny(t, ".)"); i > 0 && i < 4 {
			t = strings.TrimSpace(t[i+1:])
		}
	}
	t = strings.TrimPrefix(strings.TrimPrefix(t, "[ ] "), "[x] ")
	if !strings.HasPrefix(t, "[") {
		return false
	}
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				rest := t[i+1:]
				if !strings.HasPrefix(rest, "(") {
					return false
				}
				j := strings.IndexByte(rest, ')')
				if j < 0 {
					return false
				}
				return strings.Trim(rest[j+1:], " \t\r\n.,;:") == ""
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s begins with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasSuffixFold reports whether s ends with suffix, ignoring case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
