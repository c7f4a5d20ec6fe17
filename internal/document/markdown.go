package document

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	goldtext "github.com/yuin/goldmark/text"
)

var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough)).Parser()
})

// parseMarkdown fills d.Blocks, d.Directives, d.FrontMatter, d.Title and
// d.parts from d.Text as CommonMark with GFM tables, task lists and
// strikethrough.
func parseMarkdown(d *Document) {
	src, _ := markdownSource(d)
	r := parseRegion(d.Text, src, 0, nil)
	d.Blocks, d.Directives = r.blocks, r.directives
	if !hasRefDefs(d.Text) {
		// A link reference definition changes how links anywhere read:
		// such a document is never spliced (see Reparse).
		d.parts = r.parts
	}
	setTitle(d)
}

func setTitle(d *Document) {
	for i := range d.Blocks {
		if d.Blocks[i].Kind == Heading {
			d.Title = strings.Join(strings.Fields(d.Blocks[i].Text), " ")
			return
		}
	}
}

// region is the parse of text from start on: blocks with offsets into
// text but Parent and Section indexes into blocks, and its parts.
type region struct {
	blocks     []Block
	directives []Directive
	parts      []Part
	// stop is the index in stops of the part start where the walk
	// stopped, or -1.
	stop int
}

// parseRegion parses src, the source (see markdownSource) of text from
// start on, which is 0 or the start of a top-level part (see Part). It
// walks goldmark's top-level blocks until one starts a part at an offset
// in stops.
func parseRegion(text string, src []byte, start int, stops []int) region {
	mask := blankMask(text[start : start+len(src)])
	w := &mdWalker{d: &Document{}, text: text, base: start, section: -1, mask: mask}
	r := region{stop: -1}
	var starts []int
	for n := mdParser().Parse(goldtext.NewReader(src)).FirstChild(); n != nil; n = n.NextSibling() {
		if at, ok := partStart(text, start, n); ok && (len(starts) == 0 || at > starts[len(starts)-1]) {
			if i := slices.Index(stops, at); i >= 0 {
				r.stop = i
				break
			}
			starts = append(starts, at)
		} else if len(starts) == 0 {
			starts = append(starts, start)
		}
		w.block(n)
	}
	normalizeBlocks(w.d)
	finishBlocks(w.d.Blocks, text, mask, start, w.breaks, true)
	r.blocks, r.directives = w.d.Blocks, w.d.Directives
	r.parts = make([]Part, len(starts))
	b := 0
	for i, s := range starts {
		end := start + len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if r.stop >= 0 && i+1 == len(starts) {
			end = stops[r.stop]
		}
		first := b
		for b < len(r.blocks) && r.blocks[b].Span.Start < end {
			b++
		}
		r.parts[i] = Part{Span: Span{s, end}, First: first, End: b}
	}
	if len(starts) > 0 {
		r.parts[0].Span.Start = start
	}
	return r
}

// partStart returns the start of the line where the top-level block n
// opens, if a part may start there: goldmark opened n on that line, after
// a blank line, so every block before it was closed and the parse from
// there on does not depend on the text before.
func partStart(text string, base int, n ast.Node) (int, bool) {
	pos := n.Pos()
	if pos < 0 {
		return 0, false
	}
	at := base + pos
	ls := strings.LastIndexByte(text[:at], '\n') + 1
	if ls == 0 {
		return 0, true
	}
	prev := strings.LastIndexByte(text[:ls-1], '\n') + 1
	return ls, strings.TrimSpace(text[prev:ls-1]) == ""
}

// normalizeBlocks puts blocks in source order and drops any that overlap
// an earlier one, remapping Parent and Section. goldmark's tree is not
// always in source order (a table can be split out of a paragraph ahead
// of a heading made from the same lines).
func normalizeBlocks(d *Document) {
	bs := d.Blocks
	ok := true
	for i := 1; i < len(bs) && ok; i++ {
		ok = bs[i].Span.Start >= bs[i-1].Span.End
	}
	if !slices.IsSortedFunc(d.Directives, func(a, b Directive) int { return a.Span.Start - b.Span.Start }) {
		slices.SortStableFunc(d.Directives, func(a, b Directive) int { return a.Span.Start - b.Span.Start })
	}
	if ok {
		return
	}
	order := make([]int, len(bs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return bs[a].Span.Start - bs[b].Span.Start })
	newIndex := make([]int, len(bs))
	out := make([]Block, 0, len(bs))
	end := 0
	for _, o := range order {
		newIndex[o] = -1
		if bs[o].Span.Start < end {
			continue
		}
		end = bs[o].Span.End
		newIndex[o] = len(out)
		out = append(out, bs[o])
	}
	section := -1
	for i := range out {
		b := &out[i]
		if b.Parent >= 0 {
			if p := newIndex[b.Parent]; p >= 0 && p < i {
				b.Parent = p
			} else {
				b.Parent = -1
			}
		}
		b.Section = section
		if b.Kind == Heading {
			section = i
		}
	}
	d.Blocks = out
}

type mdWalker struct {
	d       *Document
	text    string
	base    int   // offset in text of the source goldmark parsed, and of mask
	depth   int   // list nesting
	quote   int   // block quote nesting
	parents []int // enclosing list items' block indexes (-1: an item with no block)
	section int
	mask    []byte // the prose mask of the parsed source
	breaks  []int  // offsets where hard line breaks' text ends
}

func (w *mdWalker) parent() int {
	if len(w.parents) == 0 {
		return -1
	}
	return w.parents[len(w.parents)-1]
}

func (w *mdWalker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		first, last, ok := w.lineRange(n)
		if !ok {
			return
		}
		start := w.atxStart(first)
		idx := w.emit(n, Heading, Span{start, w.trimEnd(first, last)}, n.Level)
		w.section = idx
	case *ast.Paragraph, *ast.TextBlock:
		first, last, ok := w.lineRange(n)
		if !ok {
			return
		}
		w.emit(n, Paragraph, Span{first, w.trimEnd(first, last)}, 0)
	case *ast.List:
		w.depth++
		w.children(n)
		w.depth--
	case *ast.ListItem:
		w.listItem(n)
	case *ast.Blockquote:
		w.quote++
		w.children(n)
		w.quote--
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if first, last, ok := w.lineRange(cell); ok {
					w.emit(cell, TableCell, Span{first, w.trimEnd(first, last)}, 0)
				}
			}
		}
	case *ast.HTMLBlock:
		lines := n.Lines()
		if lines.Len() > 0 {
			end := lines.At(lines.Len() - 1).Stop
			if n.HasClosure() {
				end = max(end, n.ClosureLine.Stop)
			}
			w.directives(w.base+lines.At(0).Start, w.base+end)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	default:
		w.children(n)
	}
}

func (w *mdWalker) listItem(n *ast.ListItem) {
	first := n.FirstChild()
	switch first.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if s, last, ok := w.lineRange(first); ok {
			idx := w.emit(first, ListItem, Span{w.markerStart(s), w.trimEnd(s, last)}, w.depth)
			w.parents = append(w.parents, idx)
			for c := first.NextSibling(); c != nil; c = c.NextSibling() {
				w.block(c)
			}
			w.parents = w.parents[:len(w.parents)-1]
			return
		}
	}
	w.parents = append(w.parents, w.parent())
	w.children(n)
	w.parents = w.parents[:len(w.parents)-1]
}

// lineRange returns the start of a block's first line and the end of its
// last.
func (w *mdWalker) lineRange(n ast.Node) (start, end int, ok bool) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return 0, 0, false
	}
	return w.base + lines.At(0).Start, w.base + lines.At(lines.Len()-1).Stop, true
}

func (w *mdWalker) trimEnd(start, end int) int {
	end = min(end, len(w.text))
	for end > start && strings.IndexByte(" \t\r\n", w.text[end-1]) >= 0 {
		end--
	}
	return end
}

// atxStart moves the start of a heading's text back over "# " to include
// the ATX marker; a setext heading keeps its start.
func (w *mdWalker) atxStart(pos int) int {
	i := pos
	for i > 0 && (w.text[i-1] == ' ' || w.text[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && w.text[j-1] == '#' {
		j--
	}
	if j < i && (j == 0 || strings.IndexByte(" \t\n>", w.text[j-1]) >= 0 || j == len(bom) && strings.HasPrefix(w.text, bom)) {
		return j
	}
	return pos
}

// markerStart moves the start of a list item's text back over the list
// marker ("- ", "* ", "+ ", "1. ", "1) ") on the same line.
func (w *mdWalker) markerStart(pos int) int {
	i := pos
	for i > 0 && (w.text[i-1] == ' ' || w.text[i-1] == '\t') {
		i--
	}
	if i == 0 {
		return pos
	}
	switch c := w.text[i-1]; {
	case c == '-' || c == '*' || c == '+':
		return i - 1
	case c == '.' || c == ')':
		j := i - 1
		for j > 0 && i-1-j < 9 && w.text[j-1] >= '0' && w.text[j-1] <= '9' {
			j--
		}
		if j < i-1 {
			return j
		}
	}
	return pos
}

// emit appends a block whose prose is the inline content of n.
func (w *mdWalker) emit(n ast.Node, kind BlockKind, span Span, level int) int {
	if span.End < span.Start {
		span.End = span.Start
	}
	b := Block{Kind: kind, Span: span, Level: level, Parent: w.parent(), Section: w.section, Quoted: w.quote > 0}
	w.inline(n, span, &b)
	w.d.Blocks = append(w.d.Blocks, b)
	return len(w.d.Blocks) - 1
}

// inline copies the prose of n's inline children into mask.
func (w *mdWalker) inline(n ast.Node, span Span, b *Block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s, e := max(w.base+c.Segment.Start, span.Start), min(w.base+c.Segment.Stop, span.End)
			if s < e {
				copy(w.mask[s-w.base:e-w.base], w.text[s:e])
			}
			if c.HardLineBreak() {
				w.breaks = append(w.breaks, w.base+c.Segment.Stop)
			}
		case *ast.RawHTML:
			if c.Segments != nil && c.Segments.Len() > 0 {
				w.directives(w.base+c.Segments.At(0).Start, w.base+c.Segments.At(c.Segments.Len()-1).Stop)
			}
		case *east.TaskCheckBox:
			if b.Kind == ListItem {
				b.Kind = TaskItem
				b.Checked = c.IsChecked
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.Image, *ast.String:
		default:
			w.inline(c, span, b)
		}
	}
}

// maskEscapes blanks the backslash of a Markdown escape ("\*") and any
// "*" left over from emphasis that did not close.
func maskEscapes(mask []byte) {
	for i := 0; i < len(mask); i++ {
		switch mask[i] {
		case '\\':
			if i+1 < len(mask) && isASCIIPunct(mask[i+1]) {
				mask[i] = ' '
				i++
			}
		case '*':
			mask[i] = ' '
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// directives records the upward directives in the HTML comments of
// w.text[start:end].
func (w *mdWalker) directives(start, end int) {
	end = min(end, len(w.text))
	for start < end {
		i := strings.Index(w.text[start:end], "<!--")
		if i < 0 {
			return
		}
		open := start + i
		j := strings.Index(w.text[open+4:end], "-->")
		if j < 0 {
			return
		}
		close := open + 4 + j + 3
		if dir, ok := parseDirective(w.text[open+4 : close-3]); ok {
			dir.Span = Span{open, close}
			w.d.Directives = append(w.d.Directives, dir)
		}
		start = close
	}
}

// maxNesting bounds the block quotes and list markers that may open one
// line. goldmark's time grows with the square of nesting depth; no real
// document nests this deep.
const maxNesting = 32

// limitNesting blanks the container markers beyond maxNesting at the start
// of each line, so the overflow parses as indented text of the deepest
// container instead of taking quadratic time. Offsets do not change.
func limitNesting(src []byte) {
	for off := 0; off < len(src); {
		depth, i := 0, off
		for i < len(src) {
			c := src[i]
			n := 0
			switch {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '>':
				n = 1
			case (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
				n = 1
			case c >= '0' && c <= '9':
				j := i
				for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
					j++
				}
				if j+1 < len(src) && (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t') {
					n = j + 1 - i
				}
			}
			if n == 0 {
				break
			}
			depth++
			if depth > maxNesting {
				for k := i; k < i+n; k++ {
					src[k] = ' '
				}
			}
			i += n
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return
		}
		off = i + nl + 1
	}
}

// markdownSource reads d's front matter into d and returns the bytes
// goldmark parses: the text with the front matter blanked (line breaks
// kept, so offsets hold) and over-deep container nesting flattened, plus
// the front matter's span.
func markdownSource(d *Document) ([]byte, Span) {
	src := []byte(d.Text)
	if strings.HasPrefix(d.Text, bom) {
		copy(src, "   ") // so that goldmark sees "# Title" on the first line
	}
	fm, keys := frontMatter(d.Text)
	if fm.Len() > 0 {
		d.FrontMatterSpan, d.FrontMatter = fm, keys
		for i := fm.Start; i < fm.End; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
	}
	limitNesting(src)
	return src, fm
}
