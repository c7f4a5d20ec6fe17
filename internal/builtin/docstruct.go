package builtin

import (
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// Helpers shared by the document rules: where a block's prose is, where a
// finding points, and where and how to insert a missing section.

var docNormalizer = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-")

// docNormalize replaces typographic apostrophes, quotes and dashes with
// ASCII ones so patterns need not spell out both. It is for matching only:
// offsets into the result do not map back to the source.
func docNormalize(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 { // all the replaced runes start with 0xE2
		return s
	}
	return docNormalizer.Replace(s)
}

func docIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// ownEnd returns the end of block i's own text: the start of the first
// later block (a nested list or paragraph) that begins inside its span.
func ownEnd(doc *document.Document, i int) int {
	b := &doc.Blocks[i]
	if i+1 < len(doc.Blocks) {
		if c := &doc.Blocks[i+1]; c.Span.Start > b.Span.Start && c.Span.Start < b.Span.End {
			return c.Span.Start
		}
	}
	return b.Span.End
}

// proseSpan returns the span of block i's own prose: from its first to its
// last unmasked character, widened over markup glued to it ("**", "](url)"),
// and without a task box or heading hashes. ok is false when the block has
// no prose.
func proseSpan(doc *document.Document, i int) (document.Span, bool) {
	b := &doc.Blocks[i]
	if doc.FrontMatterSpan.Len() > 0 && doc.FrontMatterSpan.Overlaps(b.Span) {
		return document.Span{}, false // never prose, whatever a parser says
	}
	end := ownEnd(doc, i) - b.Span.Start
	if end > len(b.Text) {
		end = len(b.Text)
	}
	masked := b.Text[:end]
	s, e := 0, len(masked)
	for s < e && docIsSpace(masked[s]) {
		s++
	}
	if b.Kind == document.Heading {
		for s < e && masked[s] == '#' {
			s++
		}
		for s < e && docIsSpace(masked[s]) {
			s++
		}
	}
	if b.Kind == document.TaskItem && e-s >= 3 && masked[s] == '[' && masked[s+2] == ']' {
		s += 3
		for s < e && docIsSpace(masked[s]) {
			s++
		}
	}
	return widen(doc, i, s, e)
}

// widen trims block i's masked text [s, e) of surrounding space (and a
// heading's closing hashes) and widens the result over markup glued to the
// prose, returning it as a document span.
func widen(doc *document.Document, i, s, e int) (document.Span, bool) {
	b := &doc.Blocks[i]
	masked := b.Text
	raw := doc.Text[b.Span.Start:b.Span.End]
	for e > s && docIsSpace(masked[e-1]) {
		e--
	}
	if b.Kind == document.Heading {
		for e > s && masked[e-1] == '#' {
			e--
		}
		for e > s && docIsSpace(masked[e-1]) {
			e--
		}
	}
	if s >= e {
		return document.Span{}, false
	}
	for s > 0 && !docIsSpace(raw[s-1]) && masked[s-1] == ' ' && !isListMarker(raw, s-1) {
		s--
	}
	for e < len(raw) && !docIsSpace(raw[e]) && masked[e] == ' ' && !strings.HasPrefix(raw[e:], "<!--") {
		e++
	}
	return document.Span{Start: b.Span.Start + s, End: b.Span.Start + e}, true
}

// isListMarker reports whether raw[i] belongs to a list, quote or heading
// marker (which is followed by a space, so it never touches prose; this
// guards the case of markup directly after a marker).
func isListMarker(raw string, i int) bool {
	switch raw[i] {
	case '-', '+', '>', '#':
		return i+1 >= len(raw) || docIsSpace(raw[i+1])
	}
	return false
}

// proseText returns the span of block i's prose and its masked text,
// without the leading masked markup, and the document offset of that text.
func proseText(doc *document.Document, i int) (sp document.Span, text string, at int, ok bool) {
	sp, ok = proseSpan(doc, i)
	if !ok {
		return sp, "", 0, false
	}
	b := &doc.Blocks[i]
	text = b.Text[sp.Start-b.Span.Start : sp.End-b.Span.Start]
	trimmed := strings.TrimLeft(text, " \t")
	return sp, trimmed, sp.Start + len(text) - len(trimmed), true
}

// titleSpan is where a missing-section finding points: the prose of the
// document's first block if it is a heading, or else of its first line.
func titleSpan(doc *document.Document) document.Span {
	for i := range doc.Blocks {
		sp, ok := proseSpan(doc, i)
		if !ok {
			continue
		}
		b := &doc.Blocks[i]
		s, e := sp.Start-b.Span.Start, sp.End-b.Span.Start
		if j := strings.IndexAny(b.Text[s:e], "\r\n"); j >= 0 {
			if sp2, ok := widen(doc, i, s, s+j); ok {
				return sp2
			}
		}
		return sp
	}
	// No prose at all: an empty span after any front matter.
	return document.Span{Start: doc.FrontMatterSpan.End, End: doc.FrontMatterSpan.End}
}

// docNewline returns the document's line ending: "\r\n" when its first line
// ends so, else "\n".
func docNewline(text string) string {
	if i := strings.IndexByte(text, '\n'); i > 0 && text[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// sectionLevel is the heading level for an inserted section: one below a
// title that stands alone at its level, or the level of the headings that
// sit beside the first heading; 2 with no headings.
func sectionLevel(doc *document.Document) int {
	first := -1
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == document.Heading {
			first = i
			break
		}
	}
	if first < 0 {
		return 2
	}
	lvl := doc.Blocks[first].Level
	for i := first + 1; i < len(doc.Blocks); i++ {
		if b := &doc.Blocks[i]; b.Kind == document.Heading && b.Level <= lvl {
			return b.Level
		}
	}
	if lvl >= 6 {
		return 6
	}
	return lvl + 1
}

// docLineStart returns the offset of the start of the line holding off,
// an offset into doc.Text.
func docLineStart(doc *document.Document, off int) int {
	_, col, _ := doc.Mapper().OffsetLineCol8(off)
	return off - col
}

// trailingBreaks counts the line breaks that end s, ignoring spaces and tabs
// between them.
func trailingBreaks(s string) int {
	n := 0
	for {
		t := strings.TrimRight(s, " \t")
		switch {
		case strings.HasSuffix(t, "\n"):
			s = strings.TrimSuffix(strings.TrimSuffix(t, "\n"), "\r")
			n++
		default:
			return n
		}
	}
}

// insertBlock returns an edit that inserts lines (joined with the document's
// line ending) as a block of their own at offset at, which is the end of the
// text or the start of a line, with a blank line before and after.
func insertBlock(text string, at int, lines ...string) lint.Edit {
	nl := docNewline(text)
	var b strings.Builder
	if at > 0 {
		for n := trailingBreaks(text[:at]); n < 2; n++ {
			b.WriteString(nl)
		}
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString(nl)
	}
	if strings.TrimSpace(text[at:]) != "" {
		b.WriteString(nl)
	}
	return lint.Edit{Span: document.Span{Start: at, End: at}, NewText: b.String()}
}

// sectionLines returns the lines of a section skeleton: a heading at the
// given level (a "Title:" line in plain text), a blank line, then the body.
func sectionLines(doc *document.Document, level int, title string, body ...string) []string {
	var head string
	if doc.Format == document.PlainText {
		head = title + ":"
	} else {
		head = strings.Repeat("#", level) + " " + title
	}
	return append([]string{head, ""}, body...)
}

// trailingSection matches headings of sections that belong at the end of a
// document, after any inserted section.
var trailingSection = lazyRE(`(?i)^(notes?|links?|references?|resources|appendix|appendices|attachments?|footnotes|further reading|see also|next meeting|upcoming meetings?|recording|sources?)\b`)

// endInsertion is the offset where a section goes "at the end": before a
// run of trailing "Notes"/"Links"-like sections at or above the inserted
// section's level, or else at the end of the text.
func endInsertion(doc *document.Document) int {
	lvl := sectionLevel(doc)
	at := len(doc.Text)
	for i := len(doc.Blocks) - 1; i >= 0; i-- {
		b := &doc.Blocks[i]
		if b.Kind != document.Heading || b.Level > lvl {
			continue
		}
		_, t, _, ok := proseText(doc, i)
		if !ok || !trailingSection().MatchString(docNormalize(t)) || isFirstHeading(doc, i) {
			break
		}
		at = docLineStart(doc, b.Span.Start)
	}
	return at
}

// isFirstHeading reports whether block i is the document's first heading.
func isFirstHeading(doc *document.Document, i int) bool {
	for k := 0; k < i; k++ {
		if doc.Blocks[k].Kind == document.Heading {
			return false
		}
	}
	return true
}

// docBlock is what the document rules read of one block, worked out once
// per document.
type docBlock struct {
	ok bool // the block has prose
	// sp, text and start are proseText's results, with offsets relative
	// to the block's start (see docStructure.prose); norm is text
	// normalized (docNormalize).
	sp    document.Span
	text  string
	start int
	norm  string
	// found are docTable's literals in the lower-cased norm.
	found litSet
	// lines are the offsets in text where a line's text starts.
	lines []int

	mu    sync.Mutex
	facts []factValue // see docStructure.fact
}

type factValue struct {
	f *blockFact
	v int64
}

// A blockFact is a property of a block that a document rule reads and
// that depends only on the block's source and masked text, its kind and
// where its own text ends (never on offsets, front matter or other
// blocks), so it is kept with the docBlock.
type blockFact struct {
	of func(doc *document.Document, i int, db *docBlock) int64
}

// newBlockFact returns the fact that of works out for block i of doc (db
// is its docBlock).
func newBlockFact(of func(doc *document.Document, i int, db *docBlock) int64) *blockFact {
	return &blockFact{of}
}

// fact returns fact f of block i, working it out on first use.
func (ds *docStructure) fact(doc *document.Document, i int, f *blockFact) int64 {
	db := ds.blocks[i]
	db.mu.Lock()
	for _, fv := range db.facts {
		if fv.f == f {
			db.mu.Unlock()
			return fv.v
		}
	}
	db.mu.Unlock()
	v := f.of(doc, i, db)
	db.mu.Lock()
	if db.facts == nil {
		db.facts = make([]factValue, 0, 8) // a rule reads a few facts
	}
	db.facts = append(db.facts, factValue{f, v})
	db.mu.Unlock()
	return v
}

// docStructure is the shared view of one document the five document rules
// read, so each block is trimmed, normalized and scanned for literals once
// per document, not once per rule.
type docStructure struct {
	blocks []*docBlock // shared with other versions of the document: read only
}

// prose returns the span of block i's prose and the offset of its text,
// in the document (see proseText).
func (ds *docStructure) prose(doc *document.Document, i int) (document.Span, int) {
	db, base := ds.blocks[i], doc.Blocks[i].Span.Start
	return document.Span{Start: db.sp.Start + base, End: db.sp.End + base}, db.start + base
}

// docStructKey is the lint.Pass.Memo key of a run's docStructure, and
// the lint.Pass.PartMemo key of a part's docBlocks.
type docStructKey struct{}

// docStruct returns the shared structure of the pass's document: the five
// document rules run over one document one after another (see lint.Run)
// and share it. When the run keeps values per part for the next version
// of the document (an editor's buffer), the docBlocks of a Markdown
// document are worked out per part: a docBlock depends only on its block,
// and no block reaches past its part.
func docStruct(p *lint.Pass) *docStructure {
	return p.Memo(docStructKey{}, func() any {
		doc := p.Doc
		parts := doc.Parts()
		if !p.KeepsParts() || len(parts) == 0 || parts[len(parts)-1].End != len(doc.Blocks) {
			return &docStructure{blocks: newDocBlocks(doc, 0, len(doc.Blocks))}
		}
		blocks := make([]*docBlock, 0, len(doc.Blocks))
		for i, part := range parts {
			blocks = append(blocks, p.PartMemo(docStructKey{}, i, func() any {
				return newDocBlocks(doc, part.First, part.End)
			}).([]*docBlock)...)
		}
		return &docStructure{blocks: blocks}
	}).(*docStructure)
}

// newDocBlocks works out the docBlocks of blocks [first, end) of doc.
func newDocBlocks(doc *document.Document, first, end int) []*docBlock {
	out := make([]*docBlock, end-first)
	// The lower-cased prose of every block, in one string.
	var lower []byte
	ends := make([]int, len(out))
	for k := range out {
		i := first + k
		db := &docBlock{}
		out[k] = db
		sp, t, start, ok := proseText(doc, i)
		if ok {
			b := &doc.Blocks[i]
			db.ok, db.text, db.norm, db.lines = true, t, docNormalize(t), lineStarts(t)
			db.sp = document.Span{Start: sp.Start - b.Span.Start, End: sp.End - b.Span.Start}
			db.start = start - b.Span.Start
			lower = prefilter.AppendLower(lower, db.norm)
		}
		ends[k] = len(lower)
	}
	all := string(lower)
	docTable.mu.RLock()
	defer docTable.mu.RUnlock()
	at := 0
	for k, db := range out {
		if db.ok {
			db.found = docTable.scanLocked(all[at:ends[k]], nil)
		}
		at = ends[k]
	}
	return out
}
