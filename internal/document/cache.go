package document

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// pieceMin is the least text (in bytes) a cached piece holds: small enough
// that an edit re-parses little, large enough that a piece is worth a map
// entry.
const pieceMin = 2 << 10

// Piece is a top-level part of a Markdown document that parses to the same
// blocks on its own as inside the document (see chunkBounds): every piece
// but the first starts at a top-level ATX heading.
type Piece struct {
	// Span is the piece's extent in Document.Text.
	Span Span
	// First and End delimit the piece's blocks in Document.Blocks.
	First, End int

	parsed *parsedPiece
}

// parsedPiece is a piece parsed on its own: blocks, sentences and
// directives with offsets into the piece, and Parent and Section indexes
// into blocks. It is shared between documents and never changed.
type parsedPiece struct {
	blocks     []Block
	directives []Directive
	defs       []parser.Reference // link reference definitions, when parsed alone
	used       uint64             // the Cache generation that last used it
	memo       sync.Map           // see Document.PieceMemo
}

type pieceKey struct {
	text string
	fm   int // end of front matter inside the piece (the first only)
	// refs lists the labels of the document's link reference
	// definitions when the piece was parsed knowing them; "" when parsed
	// alone.
	refs string
}

// Cache memoises the parse of Markdown documents piece by piece, so that
// re-parsing a document after a small edit parses only the pieces the
// edit touched. It suits one document edited over time (an editor
// buffer); it keeps the pieces of the last document parsed. A Cache is
// safe for concurrent use; the zero value is ready.
type Cache struct {
	mu     sync.Mutex
	pieces map[pieceKey]*parsedPiece
	gen    uint64
	// cues memoises normCue of headings, for kind detection.
	cues, oldCues map[string]string
}

// normCue is normCue, memoised: a document's headings change little from
// one version to the next. It keeps the headings of the last two
// documents.
func (c *Cache) normCue(s string) string {
	if v, ok := c.cues[s]; ok {
		return v
	}
	v, ok := c.oldCues[s]
	if !ok {
		v = normCue(s)
	}
	if c.cues == nil {
		c.cues = map[string]string{}
	}
	c.cues[strings.Clone(s)] = v
	return v
}

// Parse is Parse(text, opts), from cached pieces where it can: the
// result is the same. Documents it returns report their pieces (see
// Document.Pieces).
func (c *Cache) Parse(text string, opts Options) *Document {
	if opts.Format != Markdown {
		return Parse(text, opts)
	}
	d := &Document{URI: opts.URI, Format: opts.Format, Text: text, mapper: NewMapper(text)}
	ok := func() (ok bool) {
		defer func() {
			if r := recover(); r != nil {
				ok = false
			}
		}()
		c.parseMarkdown(d)
		return true
	}()
	if !ok {
		// Never lose the document to a parser bug: Parse falls back too.
		return Parse(text, opts)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.oldCues, c.cues = c.cues, nil
	classify(d, opts.KindHint, c.normCue)
	return d
}

// parseMarkdown fills d from cached and newly parsed pieces.
func (c *Cache) parseMarkdown(d *Document) {
	src, fm := markdownSource(d)
	bounds := splitBounds(src, len(src), pieceMin)
	n := len(bounds) - 1
	key := func(i int, refs string) pieceKey {
		return pieceKey{d.Text[bounds[i]:bounds[i+1]], max(0, fm.End-bounds[i]), refs}
	}

	c.mu.Lock()
	if c.pieces == nil {
		c.pieces = map[pieceKey]*parsedPiece{}
	}
	c.gen++
	gen := c.gen
	c.mu.Unlock()

	// Each piece on its own, which also gives its link reference
	// definitions.
	keys0 := make([]pieceKey, n)
	for i := range keys0 {
		keys0[i] = key(i, "")
	}
	parsed := c.resolve(gen, keys0, func(i int) *parsedPiece {
		return parsePiece(d.Text[bounds[i]:bounds[i+1]], src[bounds[i]:bounds[i+1]], nil)
	})
	// A reference defined in one piece may be used in another: parse the
	// pieces that may use one again, with every definition known.
	var refs []parser.Reference
	for _, p := range parsed {
		refs = append(refs, p.defs...)
	}
	if len(refs) > 0 {
		labels := make([]string, len(refs))
		for i, r := range refs {
			labels[i] = util.ToLinkReference(r.Label())
		}
		slices.Sort(labels)
		refsKey := strings.Join(slices.Compact(labels), "\x00") + "\x01"
		var again []int
		var keys1 []pieceKey
		for i := range n {
			if bytes.IndexByte(src[bounds[i]:bounds[i+1]], '[') >= 0 {
				again = append(again, i)
				keys1 = append(keys1, key(i, refsKey))
			}
		}
		reparsed := c.resolve(gen, keys1, func(j int) *parsedPiece {
			i := again[j]
			return parsePiece(d.Text[bounds[i]:bounds[i+1]], src[bounds[i]:bounds[i+1]], refs)
		})
		for j, i := range again {
			parsed[i] = reparsed[j]
		}
	}

	c.mu.Lock()
	// Keep only what this document uses.
	for k, p := range c.pieces {
		if p.used != gen {
			delete(c.pieces, k)
		}
	}
	c.mu.Unlock()

	assemble(d, bounds, parsed)
}

// resolve returns the pieces with the given keys, from the cache or parsed
// by parse(i) (concurrently when there are several), and caches them.
func (c *Cache) resolve(gen uint64, keys []pieceKey, parse func(i int) *parsedPiece) []*parsedPiece {
	out := make([]*parsedPiece, len(keys))
	var missing []int
	c.mu.Lock()
	for i, k := range keys {
		if p := c.pieces[k]; p != nil {
			p.used = gen
			out[i] = p
		} else {
			missing = append(missing, i)
		}
	}
	c.mu.Unlock()

	var wg sync.WaitGroup
	panics := make([]any, len(keys))
	for _, i := range missing {
		piece := func() {
			defer func() { panics[i] = recover() }()
			out[i] = parse(i)
		}
		if len(missing) > 1 && i != missing[len(missing)-1] {
			wg.Go(piece)
		} else {
			piece()
		}
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}

	c.mu.Lock()
	for _, i := range missing {
		out[i].used = gen
		k := keys[i]
		k.text = strings.Clone(k.text)
		c.pieces[k] = out[i]
	}
	c.mu.Unlock()
	return out
}

// parsePiece parses one piece of a document on its own: text is the
// piece's source and src the same with front matter and excess nesting
// blanked (see parseMarkdownChunked); refs are link reference definitions
// from elsewhere in the document.
func parsePiece(pieceText string, src []byte, refs []parser.Reference) *parsedPiece {
	mask := blankMask(pieceText)
	w := &mdWalker{d: &Document{Text: pieceText}, text: pieceText, section: -1, mask: mask}
	ctx := parser.NewContext()
	for _, r := range refs {
		ctx.AddReference(r)
	}
	w.block(mdParser().Parse(text.NewReader(src), parser.WithContext(ctx)))
	normalizeBlocks(w.d)
	finishBlocks(w.d, mask, w.breaks, true)
	p := &parsedPiece{blocks: w.d.Blocks, directives: w.d.Directives}
	if refs == nil {
		p.defs = ctx.References()
	}
	return p
}

// assemble fills d's blocks, directives, pieces and title from its pieces,
// shifting offsets and indexes.
func assemble(d *Document, bounds []int, parsed []*parsedPiece) {
	nb, ns, nq, nd := 0, 0, 0, 0
	for _, p := range parsed {
		nb += len(p.blocks)
		nd += len(p.directives)
		for i := range p.blocks {
			ns += len(p.blocks[i].Sentences)
			nq += len(p.blocks[i].Quotations)
		}
	}
	d.Blocks = make([]Block, 0, nb)
	if nd > 0 {
		d.Directives = make([]Directive, 0, nd)
	}
	d.pieces = make([]Piece, len(parsed))
	sents := make([]Span, 0, ns)
	quotes := make([]Span, 0, nq)
	shift := func(out, in []Span, by int) ([]Span, []Span) {
		if len(in) == 0 {
			return out, nil
		}
		n := len(out)
		for _, s := range in {
			out = append(out, Span{s.Start + by, s.End + by})
		}
		return out, out[n:len(out):len(out)]
	}
	lastHeading := -1
	for k, p := range parsed {
		base, off := bounds[k], len(d.Blocks)
		lastHeading = appendPiece(d, p.blocks, lastHeading, func(b *Block) {
			b.Span.Start += base
			b.Span.End += base
			sents, b.Sentences = shift(sents, b.Sentences, base)
			quotes, b.Quotations = shift(quotes, b.Quotations, base)
		})
		for _, dir := range p.directives {
			dir.Span.Start += base
			dir.Span.End += base
			d.Directives = append(d.Directives, dir)
		}
		d.pieces[k] = Piece{Span: Span{base, bounds[k+1]}, First: off, End: len(d.Blocks), parsed: p}
	}
	for i := range d.Blocks {
		if d.Blocks[i].Kind == Heading {
			d.Title = strings.Join(strings.Fields(d.Blocks[i].Text), " ")
			break
		}
	}
}

// Pieces returns the pieces of a document parsed through a Cache, or nil.
func (d *Document) Pieces() []Piece { return d.pieces }

// PieceMemo returns the value kept under key for piece i of d, calling
// build to make it on first use. The value lives as long as the parsed
// piece, which the Cache shares between versions of a document that
// contain the same piece: build must depend only on PieceDocument(i), and
// the value must not be changed once returned.
func (d *Document) PieceMemo(i int, key any, build func() any) any {
	m := &d.pieces[i].parsed.memo
	if v, ok := m.Load(key); ok {
		return v
	}
	v, _ := m.LoadOrStore(key, build())
	return v
}

// PieceDocument returns piece i of d as a document of its own: its text
// is the piece's text, its blocks are the piece's blocks with offsets into
// that text, and it has d's URI, format and kind but no directives or
// front matter. A block whose section heading lies in an earlier piece has
// Section -1 in it. The result shares memory with d's cache: do not
// change it.
func (d *Document) PieceDocument(i int) *Document {
	p := d.pieces[i]
	t := d.Text[p.Span.Start:p.Span.End]
	return &Document{
		URI: d.URI, Format: d.Format, Text: t, Kind: d.Kind, KindSource: d.KindSource,
		Blocks: p.parsed.blocks, mapper: NewMapper(t),
	}
}
