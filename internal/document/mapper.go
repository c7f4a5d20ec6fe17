package document

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A Mapper converts between byte offsets into a text and line/column
// positions. It is the only place in upward that does so.
//
// Lines are separated by "\n"; a "\r" just before the "\n" belongs to the
// line ending, so it counts in no column and an offset between "\r" and
// "\n" maps to the end of the line. A lone "\r" elsewhere is an ordinary
// character. Lines are 0-based except in OffsetLineColRune.
//
// A Mapper is safe for concurrent use; its line table is built on first use.
type Mapper struct {
	text string

	once     sync.Once
	starts   []int  // starts[i] is the offset of the first byte of line i
	nonASCII []bool // nonASCII[i] is set when line i has a byte >= 0x80; nil if the text is all ASCII
}

// Errors returned by Mapper conversions.
var (
	ErrOffsetRange = errors.New("offset is out of range")
	ErrMidRune     = errors.New("offset is inside a multi-byte character")
	ErrLineRange   = errors.New("line is beyond end of file")
	ErrColumnRange = errors.New("column is beyond end of line")
	ErrMidChar     = errors.New("column is inside a character")
)

// NewMapper returns a Mapper for text.
func NewMapper(text string) *Mapper { return &Mapper{text: text} }

// Mapper returns the document's Mapper, creating it on first use.
func (d *Document) Mapper() *Mapper {
	if d.mapper == nil || d.mapper.text != d.Text {
		d.mapper = NewMapper(d.Text)
	}
	return d.mapper
}

func (m *Mapper) init() {
	m.once.Do(func() {
		t := m.text
		m.starts = LineStarts(t)
		if isASCII(t) {
			return
		}
		m.nonASCII = make([]bool, len(m.starts))
		for i := range m.starts {
			s, e := m.starts[i], len(t)
			if i+1 < len(m.starts) {
				e = m.starts[i+1]
			}
			m.nonASCII[i] = !isASCII(t[s:e])
		}
	})
}

// LineStarts returns the offset of the first byte of each line of text, as
// a Mapper counts lines: the line table of a text that needs no Mapper.
func LineStarts(text string) []int {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return starts
		}
		off += i + 1
		starts = append(starts, off)
	}
}

func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LineCount returns the number of lines; a text ending in "\n" has an empty
// last line.
func (m *Mapper) LineCount() int {
	m.init()
	return len(m.starts)
}

// Line returns the 0-based line holding the byte at off: the "\n" ending a
// line belongs to it. An offset outside the text is clamped to it; the
// text need not be valid UTF-8.
func (m *Mapper) Line(off int) int {
	m.init()
	off = max(0, min(off, len(m.text)))
	line, found := slices.BinarySearch(m.starts, off)
	if !found {
		line--
	}
	return line
}

// LineStart returns the offset of the first byte of a 0-based line: 0 for
// a line before the first, the text's length for one past the last.
func (m *Mapper) LineStart(line int) int {
	m.init()
	switch {
	case line < 0:
		return 0
	case line >= len(m.starts):
		return len(m.text)
	}
	return m.starts[line]
}

// lineBounds returns the start of line and the end of its content (before
// "\n" or "\r\n").
func (m *Mapper) lineBounds(line int) (start, end int) {
	start = m.starts[line]
	if line+1 < len(m.starts) {
		end = m.starts[line+1] - 1
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	} else {
		end = len(m.text)
	}
	return start, end
}

func (m *Mapper) ascii(line int) bool { return m.nonASCII == nil || !m.nonASCII[line] }

// lineOf returns the line holding a valid offset and clamps off to the end
// of that line's content.
func (m *Mapper) lineOf(off int) (line, start, end, clamped int, err error) {
	if off < 0 || off > len(m.text) {
		return 0, 0, 0, 0, fmt.Errorf("%w: %d not in [0, %d]", ErrOffsetRange, off, len(m.text))
	}
	if off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		return 0, 0, 0, 0, fmt.Errorf("%w: offset %d", ErrMidRune, off)
	}
	line = m.Line(off)
	start, end = m.lineBounds(line)
	return line, start, end, min(off, end), nil
}

// OffsetPosition converts a byte offset to a 0-based line and a 0-based
// column in UTF-16 code units (LSP's default encoding).
func (m *Mapper) OffsetPosition(off int) (line, col16 int, err error) {
	line, start, _, off, err := m.lineOf(off)
	if err != nil {
		return 0, 0, err
	}
	if m.ascii(line) {
		return line, off - start, nil
	}
	for _, r := range m.text[start:off] {
		col16++
		if r >= 0x10000 {
			col16++
		}
	}
	return line, col16, nil
}

// PositionOffset converts a 0-based line and UTF-16 column to a byte
// offset. It fails for a line beyond the end of the text, a column beyond
// the end of the line, or a column between the two halves of a surrogate
// pair.
func (m *Mapper) PositionOffset(line, col16 int) (int, error) {
	return m.positionOffset(line, col16, false)
}

// ClampPositionOffset is like PositionOffset but never fails: a line past
// the end maps to the end of the text, a column past the end of its line
// to the end of the line, and a column inside a character to its start.
func (m *Mapper) ClampPositionOffset(line, col16 int) int {
	off, _ := m.positionOffset(line, col16, true)
	return off
}

func (m *Mapper) positionOffset(line, col16 int, clamp bool) (int, error) {
	m.init()
	if line < 0 || col16 < 0 {
		if !clamp {
			return 0, fmt.Errorf("%w: negative position %d:%d", ErrLineRange, line, col16)
		}
		if line < 0 {
			return 0, nil
		}
		col16 = 0
	}
	if line >= len(m.starts) {
		if clamp {
			return len(m.text), nil
		}
		return 0, fmt.Errorf("%w: line %d, the text has %d lines", ErrLineRange, line, len(m.starts))
	}
	start, end := m.lineBounds(line)
	if m.ascii(line) {
		if start+col16 > end {
			if clamp {
				return end, nil
			}
			return 0, fmt.Errorf("%w: line %d, column %d, line length %d", ErrColumnRange, line, col16, end-start)
		}
		return start + col16, nil
	}
	units := 0
	for i, r := range m.text[start:end] {
		if units == col16 {
			return start + i, nil
		}
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > col16 {
			if clamp {
				return start + i, nil
			}
			return 0, fmt.Errorf("%w: line %d, column %d", ErrMidChar, line, col16)
		}
		units += w
	}
	if units == col16 || clamp {
		return end, nil
	}
	return 0, fmt.Errorf("%w: line %d, column %d, line length %d", ErrColumnRange, line, col16, units)
}

// OffsetLineCol8 converts a byte offset to a 0-based line and a 0-based
// column in UTF-8 bytes.
func (m *Mapper) OffsetLineCol8(off int) (line, col8 int, err error) {
	line, start, _, off, err := m.lineOf(off)
	if err != nil {
		return 0, 0, err
	}
	return line, off - start, nil
}

// LineCol8Offset converts a 0-based line and UTF-8 byte column to a byte
// offset, failing when the position is outside the text or inside a
// character.
func (m *Mapper) LineCol8Offset(line, col8 int) (int, error) {
	m.init()
	if line < 0 || line >= len(m.starts) {
		return 0, fmt.Errorf("%w: line %d, the text has %d lines", ErrLineRange, line, len(m.starts))
	}
	start, end := m.lineBounds(line)
	if col8 < 0 || start+col8 > end {
		return 0, fmt.Errorf("%w: line %d, column %d, line length %d", ErrColumnRange, line, col8, end-start)
	}
	off := start + col8
	if off < len(m.text) && !utf8.RuneStart(m.text[off]) {
		return 0, fmt.Errorf("%w: line %d, column %d", ErrMidChar, line, col8)
	}
	return off, nil
}

// OffsetLineColRune converts a byte offset to a 1-based line and a 1-based
// column counted in characters (runes), as people and the CLI's text output
// count them. A tab is one character.
func (m *Mapper) OffsetLineColRune(off int) (line, col int, err error) {
	line, start, _, off, err := m.lineOf(off)
	if err != nil {
		return 0, 0, err
	}
	if m.ascii(line) {
		return line + 1, off - start + 1, nil
	}
	return line + 1, utf8.RuneCountInString(m.text[start:off]) + 1, nil
}

// OffsetRange converts a span to LSP-style start and end positions
// (0-based lines, UTF-16 columns).
func (m *Mapper) OffsetRange(s Span) (startLine, startCol, endLine, endCol int, err error) {
	if startLine, startCol, err = m.OffsetPosition(s.Start); err != nil {
		return
	}
	endLine, endCol, err = m.OffsetPosition(s.End)
	return
}
