package document

import (
	"strings"
)

// parsePlain splits plain text into blocks: paragraphs separated by blank
// lines; lines starting with "- ", "* ", "+ ", "• ", "1. " or "1) " are list
// items ("- [ ] " task items) and continue on the lines that follow until a
// blank line; "# Title" lines, "Title" underlined with === or ---, a short
// label line ending in ":" ("Action items:") and a first line standing
// alone that names a document kind ("Weekly update") are headings.
// Directive lines are not prose.
func parsePlain(d *Document) {
	p := plainParser{d: d, text: d.Text, section: -1, cur: -1, mask: []byte(d.Text)}
	t := d.Text
	for off := 0; off < len(t); {
		end := len(t)
		next := len(t)
		if i := strings.IndexByte(t[off:], '\n'); i >= 0 {
			end, next = off+i, off+i+1
		}
		p.line(off, end)
		off = next
	}
	p.flush()
	finishBlocks(d.Blocks, d.Text, p.mask, 0, nil, false)
	if len(d.Blocks) > 0 {
		line, _, _ := strings.Cut(strings.TrimSpace(d.Blocks[0].Text), "\n")
		if looksLikeTitle(line) {
			d.Title = strings.Join(strings.Fields(line), " ")
		}
	}
}

// looksLikeTitle reports whether the first line of a plain-text document
// reads as a title rather than prose: short, and not ending as a sentence
// does. "Weekly update - March 3" is a title; "Sorry, the report is
// ready." is not.
func looksLikeTitle(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(strings.Fields(line)) > 12 {
		return false
	}
	switch line[len(line)-1] {
	case '.', '?', '!', ',', ';':
		return false
	}
	return true
}

type plainBlock struct {
	kind    BlockKind
	start   int
	end     int
	level   int
	checked bool
	parent  int
	lines   int
	indent  int
	masks   []Span
}

type listLevel struct{ indent, block int }

type plainParser struct {
	d         *Document
	text      string
	section   int
	cur       int // index into pending, or -1
	pending   plainBlock
	stack     []listLevel
	prevBlank bool
	mask      []byte // the prose mask of the whole text
}

func (p *plainParser) line(start, end int) {
	line := p.text[start:end]
	content := strings.TrimRight(line, " \t\r")
	trimmed := strings.TrimLeft(content, " \t")
	indent := len(content) - len(trimmed)
	if trimmed == "" {
		p.flush()
		p.prevBlank = true
		return
	}
	blank := p.prevBlank
	p.prevBlank = false
	cstart, cend := start+indent, start+len(content)
	if dir, ok := plainDirective(trimmed); ok {
		p.flush()
		dir.Span = Span{cstart, cend}
		p.d.Directives = append(p.d.Directives, dir)
		return
	}
	if u := underline(trimmed); u > 0 && p.cur >= 0 && p.pending.kind == Paragraph && p.pending.lines == 1 && !blank {
		p.pending.kind, p.pending.level = Heading, u
		p.flush()
		return
	}
	if isRule(trimmed) {
		p.flush()
		return
	}
	if n := atxLevel(trimmed); n > 0 {
		p.flush()
		p.stack = p.stack[:0]
		p.pending = plainBlock{kind: Heading, start: cstart, end: cend, level: n, parent: -1, lines: 1,
			masks: []Span{{cstart, cstart + n}}}
		p.cur = 0
		p.flush()
		return
	}
	if mlen, task, checked := listMarker(trimmed); mlen > 0 {
		p.flush()
		for len(p.stack) > 0 && p.stack[len(p.stack)-1].indent >= indent {
			p.stack = p.stack[:len(p.stack)-1]
		}
		parent := -1
		if len(p.stack) > 0 {
			parent = p.stack[len(p.stack)-1].block
		}
		kind := ListItem
		if task {
			kind = TaskItem
		}
		p.pending = plainBlock{kind: kind, start: cstart, end: cend, level: len(p.stack) + 1, checked: checked,
			parent: parent, lines: 1, indent: indent, masks: []Span{{cstart, cstart + mlen}}}
		p.cur = 0
		p.stack = append(p.stack, listLevel{indent, len(p.d.Blocks)})
		return
	}
	if p.cur >= 0 && !blank {
		p.pending.end = cend
		p.pending.lines++
		return
	}
	p.flush()
	parent := -1
	if indent > 0 && len(p.stack) > 0 {
		parent = p.stack[len(p.stack)-1].block
	} else {
		p.stack = p.stack[:0]
	}
	p.pending = plainBlock{kind: Paragraph, start: cstart, end: cend, parent: parent, lines: 1, indent: indent}
	p.cur = 0
}

func (p *plainParser) flush() {
	if p.cur < 0 {
		return
	}
	p.cur = -1
	pb := p.pending
	text := p.text[pb.start:pb.end]
	if pb.kind == Paragraph && pb.lines == 1 {
		words := len(strings.Fields(text))
		last := text[len(text)-1]
		switch {
		case last == ':' && words <= 6:
			pb.kind, pb.level = Heading, 2
		case len(p.d.Blocks) == 0 && words <= 12 && strings.IndexByte(".!?,;:", last) < 0:
			if _, ok := titleKind(normCue(text), false); ok {
				pb.kind, pb.level = Heading, 1
			}
		}
	}
	for _, m := range pb.masks {
		for i := max(m.Start, pb.start); i < min(m.End, pb.end); i++ {
			p.mask[i] = ' '
		}
	}
	b := Block{Kind: pb.kind, Span: Span{pb.start, pb.end}, Level: pb.level, Checked: pb.checked,
		Parent: pb.parent, Section: p.section}
	p.d.Blocks = append(p.d.Blocks, b)
	if b.Kind == Heading {
		p.section = len(p.d.Blocks) - 1
		p.stack = p.stack[:0]
	}
}

// listMarker returns the length of the list marker (and task box) that
// opens s, or 0.
func listMarker(s string) (n int, task, checked bool) {
	switch {
	case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "+ "):
		n = 2
	case strings.HasPrefix(s, "• "):
		n = len("• ")
	default:
		i := 0
		for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || s[i+1] != ' ' {
			return 0, false, false
		}
		n = i + 2
	}
	for n < len(s) && s[n] == ' ' {
		n++
	}
	r := s[n:]
	if len(r) >= 3 && r[0] == '[' && r[2] == ']' && (len(r) == 3 || r[3] == ' ') && strings.IndexByte(" xX", r[1]) >= 0 {
		n += 3
		for n < len(s) && s[n] == ' ' {
			n++
		}
		return n, true, r[1] != ' '
	}
	return n, false, false
}

// underline returns 1 for a line of "=" and 2 for a line of "-" (at least
// three), else 0.
func underline(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch strings.Trim(s, string(s[0])) {
	case "":
		switch s[0] {
		case '=':
			return 1
		case '-':
			return 2
		}
	}
	return 0
}

// isRule reports whether s is a separator line: three or more of one of
// "-=*_~#".
func isRule(s string) bool {
	return len(s) >= 3 && strings.IndexByte("-=*_~#", s[0]) >= 0 && strings.Trim(s, string(s[0])) == ""
}

// atxLevel returns the heading level of a "# Title" line, or 0.
func atxLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}
