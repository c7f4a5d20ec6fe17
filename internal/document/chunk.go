package document

import (
	"bytes"
)

// minChunk is the least text (in bytes) worth parsing on its own
// goroutine.
const minChunk = 32 << 10

// chunkBounds splits Markdown source into at most n pieces that goldmark
// parses to the same blocks separately as together, returning the piece
// boundaries (first 0, last len(src)). A piece starts only at an ATX
// heading in column 0 after a blank line, outside fenced code and the
// HTML blocks that can span blank lines (comments, <pre>, <script>, ...):
// such a line closes every open block.
//
// The scan tracks fences and those HTML blocks only at the top level. A
// fence or HTML opener inside a list item, block quote or other HTML block
// could be read either way, so at the first one the scan stops splitting.
// Text with link reference definitions is never split, since a reference
// may be used in another piece.
func chunkBounds(src []byte, n, min int) []int {
	if n < 2 || len(src) < 2*min || hasRefDefs(src) {
		return []int{0, len(src)}
	}
	return splitBounds(src, n, min)
}

// splitBounds is chunkBounds for text known to have no link reference
// definitions.
func splitBounds(src []byte, n, min int) []int {
	bounds := []int{0}
	if n < 2 || len(src) < 2*min {
		return append(bounds, len(src))
	}
	target := max(min, len(src)/n)
	var fence []byte // the open fence's marker run, or nil
	var htmlEnd []byte
	prevBlank := true
	container := false // inside a list item or block quote, as far as we know
	rawHTML := false   // inside an HTML block that ends at a blank line
	for off := 0; off < len(src); {
		end := len(src)
		next := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end, next = off+i, off+i+1
		}
		ls := off
		off = next
		line := src[ls:end]
		if len(line) == 0 {
			rawHTML, prevBlank = false, true
			continue
		}
		if isLetter(line[0]) {
			// Prose in column 0, the common case: it opens nothing and
			// only ends a raw HTML block or containers after a blank.
			if htmlEnd != nil {
				if containsFold(line, htmlEnd) {
					htmlEnd = nil
				}
			} else if fence == nil && prevBlank {
				container, rawHTML = false, false
			}
			prevBlank = false
			continue
		}
		trimmed, indent := trimIndent(line)
		blank := len(bytes.TrimSpace(line)) == 0
		inner := trimContainers(trimmed)
		opens := len(inner) != len(trimmed) // a quote or list marker opens the line
		if fence == nil && htmlEnd == nil && prevBlank && !blank && indent == 0 && !opens {
			container, rawHTML = false, false
		}
		if blank {
			rawHTML = false
		}
		if fence == nil && htmlEnd == nil && !container && prevBlank && atxLine(line) &&
			ls-bounds[len(bounds)-1] >= target && len(src)-ls >= min && len(bounds) < n {
			bounds = append(bounds, ls)
		}
		prevBlank = blank
		switch {
		case htmlEnd != nil:
			if containsFold(line, htmlEnd) {
				htmlEnd = nil
			}
		case fence != nil:
			if indent <= 3 && bytes.HasPrefix(trimmed, fence) && len(bytes.Trim(trimmed, string(fence[:1])+" \t\r")) == 0 {
				fence = nil
			}
		case fenceRun(inner) != nil || htmlBlockEnd(inner) != nil:
			f, e := fenceRun(inner), htmlBlockEnd(inner)
			switch {
			case len(inner) != len(trimmed):
				// Opened inside a list item or quote on this very line:
				// it ends when the container does, and a line in column 0
				// ends the container.
				container = true
				continue
			case indent > 3 && !container && !rawHTML:
				continue // indented code or a paragraph's continuation
			case indent == 0 && !rawHTML:
				container = false // not lazy text: it closes every container
			case container || rawHTML || indent > 3:
				return append(bounds, len(src)) // could be read either way
			}
			if f != nil && f[0] == '`' && bytes.IndexByte(inner[len(f):], '`') >= 0 {
				return append(bounds, len(src))
			}
			if f != nil {
				fence = f
			} else if !containsFold(trimmed[1:], e) {
				htmlEnd = e
			}
		case indent <= 3 && opens:
			container = true
		case indent <= 3 && len(trimmed) > 1 && trimmed[0] == '<' && (isLetter(trimmed[1]) || trimmed[1] == '/'):
			rawHTML = true
		}
	}
	return append(bounds, len(src))
}

// hasRefDefs reports whether src may hold a link reference definition: a
// line with "]:" that, or the line before which, opens with "[".
func hasRefDefs(src []byte) bool {
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte("]:"))
		if i < 0 {
			return false
		}
		at := off + i
		ls := bytes.LastIndexByte(src[:at], '\n') + 1
		if opensBracket(src[ls:at]) {
			return true
		}
		if ls > 0 {
			ps := bytes.LastIndexByte(src[:ls-1], '\n') + 1
			if opensBracket(src[ps : ls-1]) {
				return true
			}
		}
		off = at + 2
	}
}

func opensBracket(line []byte) bool {
	inner := trimContainers(bytes.TrimLeft(line, " \t"))
	return len(inner) > 0 && inner[0] == '['
}

// trimContainers strips the block quote and list markers that open s.
func trimContainers(s []byte) []byte {
	for {
		t := bytes.TrimLeft(s, " \t")
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

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// atxLine reports whether line is an ATX heading starting in column 0.
func atxLine(line []byte) bool {
	i := 0
	for i < len(line) && i < 7 && line[i] == '#' {
		i++
	}
	return i >= 1 && i <= 6 && (i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r')
}

func trimIndent(line []byte) ([]byte, int) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		if line[i] == '\t' {
			return line[i:], 4
		}
		i++
	}
	return line[i:], i
}

// fenceRun returns the ``` or ~~~ run that opens a fenced code block, or nil.
func fenceRun(s []byte) []byte {
	if len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return nil
	}
	i := 0
	for i < len(s) && s[i] == s[0] {
		i++
	}
	if i < 3 {
		return nil
	}
	return s[:i]
}

// htmlBlockEnd returns the end marker of an HTML block of CommonMark types
// 1 to 5, which blank lines do not end, if s starts one.
func htmlBlockEnd(s []byte) []byte {
	if len(s) < 2 || s[0] != '<' {
		return nil
	}
	switch {
	case bytes.HasPrefix(s, []byte("<!--")):
		return []byte("-->")
	case bytes.HasPrefix(s, []byte("<?")):
		return []byte("?>")
	case bytes.HasPrefix(s, []byte("<![CDATA[")):
		return []byte("]]>")
	case s[1] == '!':
		return []byte(">")
	}
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if len(s) > len(tag) && bytes.EqualFold(s[1:1+len(tag)], []byte(tag)) {
			return []byte("</" + tag + ">")
		}
	}
	return nil
}

func containsFold(s, sub []byte) bool {
	if len(sub) == 0 {
		return true
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
