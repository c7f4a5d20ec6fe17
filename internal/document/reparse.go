package document

import (
	"strings"
)

// Part is a top-level part of a Markdown document: it starts where
// goldmark opened a top-level block after a blank line (the first part
// starts at 0), so the parse of the text from there on does not depend on
// the text before. Reparse re-parses only the parts an edit touched, and
// a part's blocks are all the blocks they refer to (Parent) are.
type Part struct {
	// Span is the part's extent in Document.Text; the parts cover it.
	Span Span
	// First and End delimit the part's blocks in Document.Blocks.
	First, End int
}

// Parts returns the parts of a Markdown document, or nil for plain text
// and for Markdown with link reference definitions (a definition changes
// how links read in every part).
func (d *Document) Parts() []Part { return d.parts }

// maxStops is how many later part starts Reparse tries as the end of the
// text it re-parses.
const maxStops = 4

// Reparse is Parse(text, opts) for a new version of prev's text: it
// re-parses only from the last part of prev that starts before the edit
// to the first part start after it where goldmark again opens a
// top-level block, and splices prev's blocks before and after, shifted
// to their new offsets. prev may be nil.
func Reparse(prev *Document, text string, opts Options) *Document {
	if prev == nil || prev.parts == nil || opts.Format != Markdown || hasRefDefs(text) {
		return Parse(text, opts)
	}
	d := &Document{URI: opts.URI, Format: opts.Format, Text: text, mapper: NewMapper(text)}
	ok := func() (ok bool) {
		defer func() {
			if r := recover(); r != nil {
				ok = false
			}
		}()
		return splice(d, prev)
	}()
	if !ok {
		return Parse(text, opts)
	}
	classify(d, opts.KindHint)
	return d
}

// splice fills d from prev and a parse of what changed; false when it
// cannot (an edit to the front matter or the first part).
func splice(d, prev *Document) bool {
	old, text := prev.Text, d.Text
	p := 0
	for p < len(old) && p < len(text) && old[p] == text[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(text)-p && old[len(old)-1-s] == text[len(text)-1-s] {
		s++
	}
	fm, keys := frontMatter(text)
	if fm != prev.FrontMatterSpan {
		return false
	}
	d.FrontMatterSpan, d.FrontMatter = fm, keys
	// The last part whose first line, newline included, the edit left
	// alone.
	first := -1
	for i := len(prev.parts) - 1; i > 0; i-- {
		if nl := strings.IndexByte(old[prev.parts[i].Span.Start:], '\n'); nl >= 0 && prev.parts[i].Span.Start+nl < p {
			first = i
			break
		}
	}
	if first < 0 {
		return false
	}
	start, delta := prev.parts[first].Span.Start, len(text)-len(old)
	// Part starts after the edit, with the blank line before them
	// unchanged: where the re-parse may stop.
	var stops, stopParts []int
	for j := first + 1; j < len(prev.parts) && len(stops) < maxStops; j++ {
		at := prev.parts[j].Span.Start
		if strings.LastIndexByte(old[:at-1], '\n')+1 >= len(old)-s {
			stops = append(stops, at+delta)
			stopParts = append(stopParts, j)
		}
	}
	end := len(text)
	if len(stops) > 0 {
		last := stops[len(stops)-1]
		end = last + strings.IndexByte(text[last:], '\n') + 1
		if end == last {
			end = len(text)
		}
	}
	r := parseRegion(text, regionSource(text, start, end), start, stops)
	if r.stop < 0 && end < len(text) {
		r = parseRegion(text, regionSource(text, start, len(text)), start, nil)
	}

	// Blocks before the region, from it, and after it, shifted.
	keep := prev.parts[first].First
	tail, tailPart := len(prev.Blocks), len(prev.parts)
	if r.stop >= 0 {
		tailPart = stopParts[r.stop]
		tail = prev.parts[tailPart].First
	}
	d.Blocks = make([]Block, 0, keep+len(r.blocks)+len(prev.Blocks)-tail)
	d.Blocks = append(d.Blocks, prev.Blocks[:keep]...)
	lastHeading := -1
	for i := keep - 1; i >= 0; i-- {
		if d.Blocks[i].Kind == Heading {
			lastHeading = i
			break
		}
	}
	lastHeading = appendBlocks(d, r.blocks, 0, 0, lastHeading)
	appendBlocks(d, prev.Blocks[tail:], tail, delta, lastHeading)

	for _, dir := range prev.Directives {
		if dir.Span.Start < start {
			d.Directives = append(d.Directives, dir)
		}
	}
	d.Directives = append(d.Directives, r.directives...)
	tailAt := len(old)
	if tailPart < len(prev.parts) {
		tailAt = prev.parts[tailPart].Span.Start
	}
	for _, dir := range prev.Directives {
		if dir.Span.Start >= tailAt {
			dir.Span.Start += delta
			dir.Span.End += delta
			d.Directives = append(d.Directives, dir)
		}
	}

	d.parts = make([]Part, 0, first+len(r.parts)+len(prev.parts)-tailPart)
	d.parts = append(d.parts, prev.parts[:first]...)
	for _, pt := range r.parts {
		pt.First += keep
		pt.End += keep
		d.parts = append(d.parts, pt)
	}
	for _, pt := range prev.parts[tailPart:] {
		pt.Span.Start += delta
		pt.Span.End += delta
		pt.First += keep + len(r.blocks) - tail
		pt.End += keep + len(r.blocks) - tail
		d.parts = append(d.parts, pt)
	}
	setTitle(d)
	return true
}

// regionSource is markdownSource for text[start:end], which lies after
// any front matter.
func regionSource(text string, start, end int) []byte {
	src := []byte(text[start:end])
	limitNesting(src)
	return src
}

// appendBlocks appends blocks to d: their indexes were counted from
// from, their offsets move by delta, and a block with no section among
// them falls under lastHeading (an index in d). It returns the index of
// the last heading in d.
func appendBlocks(d *Document, blocks []Block, from, delta, lastHeading int) int {
	off := len(d.Blocks) - from
	var sents, quotes []Span
	shift := func(out, in []Span) ([]Span, []Span) {
		if len(in) == 0 || delta == 0 {
			return out, in
		}
		n := len(out)
		for _, s := range in {
			out = append(out, Span{s.Start + delta, s.End + delta})
		}
		return out, out[n:len(out):len(out)]
	}
	for _, b := range blocks {
		b.Span.Start += delta
		b.Span.End += delta
		sents, b.Sentences = shift(sents, b.Sentences)
		quotes, b.Quotations = shift(quotes, b.Quotations)
		if b.Parent >= 0 {
			b.Parent += off
		}
		if b.Section >= from {
			b.Section += off
		} else {
			b.Section = lastHeading
		}
		if b.Kind == Heading {
			lastHeading = len(d.Blocks)
		}
		d.Blocks = append(d.Blocks, b)
	}
	return lastHeading
}

// hasRefDefs reports whether src may hold a link reference definition: a
// line with "]:" that, or the line before which, opens with "[".
func hasRefDefs(src string) bool {
	for off := 0; ; {
		i := strings.Index(src[off:], "]:")
		if i < 0 {
			return false
		}
		at := off + i
		ls := strings.LastIndexByte(src[:at], '\n') + 1
		if opensBracket(src[ls:at]) {
			return true
		}
		if ls > 0 {
			ps := strings.LastIndexByte(src[:ls-1], '\n') + 1
			if opensBracket(src[ps : ls-1]) {
				return true
			}
		}
		off = at + 2
	}
}

func opensBracket(line string) bool {
	inner := trimContainers(strings.TrimLeft(line, " \t"))
	return len(inner) > 0 && inner[0] == '['
}

// trimContainers strips the block quote and list markers that open s.
func trimContainers(s string) string {
	for {
		t := strings.TrimLeft(s, " \t")
		switch {
		case len(t) > 0 && t[0] == '>':
			s = t[1:]
			continue
		case len(t) > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t'):
			s = t[2:]
			continue
		case len(t) == 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+'):
			return t[1:]
		}
		i := 0
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
			s = t[i+1:]
			continue
		}
		if len(t) == len(s) {
			return s
		}
		return t
	}
}
