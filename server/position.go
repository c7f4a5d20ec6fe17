package server

import (
	"errors"
	"math"

	"go.lsp.dev/protocol"

	"github.com/upward-lint/upward/internal/document"
)

// encoding is the unit of LSP position columns negotiated with the client.
// Every conversion between byte offsets and LSP positions in the server
// goes through its methods, which go through document.Mapper.
type encoding uint8

const (
	utf16 encoding = iota // LSP's default
	utf8
)

func (e encoding) String() string {
	if e == utf8 {
		return "utf-8"
	}
	return "utf-16"
}

// chooseEncoding picks UTF-8 when the client offers it (LSP 3.17
// general.positionEncodings), UTF-16 otherwise.
func chooseEncoding(offered []string) encoding {
	for _, o := range offered {
		if o == "utf-8" {
			return utf8
		}
	}
	return utf16
}

// position converts a byte offset to an LSP position.
func (e encoding) position(m *document.Mapper, off int) (protocol.Position, error) {
	var line, col int
	var err error
	if e == utf8 {
		line, col, err = m.OffsetLineCol8(off)
	} else {
		line, col, err = m.OffsetPosition(off)
	}
	if err != nil {
		return protocol.Position{}, err
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}, nil
}

// rangeOf converts a span to an LSP range.
func (e encoding) rangeOf(m *document.Mapper, s document.Span) (protocol.Range, error) {
	start, err := e.position(m, s.Start)
	if err != nil {
		return protocol.Range{}, err
	}
	end, err := e.position(m, s.End)
	if err != nil {
		return protocol.Range{}, err
	}
	return protocol.Range{Start: start, End: end}, nil
}

// offset converts an LSP position to a byte offset. As the LSP
// specification asks, a column past the end of its line means the end of
// the line; the position just after the last line, column 0, means the end
// of the text. Any other position outside the text, or a column inside a
// character, is an error.
func (e encoding) offset(m *document.Mapper, p protocol.Position) (int, error) {
	line, col := int(p.Line), int(p.Character)
	if n := m.LineCount(); line >= n {
		if line == n && col == 0 {
			return m.ClampPositionOffset(line, 0), nil
		}
	}
	var off int
	var err error
	if e == utf8 {
		off, err = m.LineCol8Offset(line, col)
	} else {
		off, err = m.PositionOffset(line, col)
	}
	if errors.Is(err, document.ErrColumnRange) {
		return m.ClampPositionOffset(line, math.MaxInt32), nil
	}
	return off, err
}

// span converts an LSP range to a byte span.
func (e encoding) span(m *document.Mapper, r protocol.Range) (document.Span, error) {
	start, err := e.offset(m, r.Start)
	if err != nil {
		return document.Span{}, err
	}
	end, err := e.offset(m, r.End)
	if err != nil {
		return document.Span{}, err
	}
	if end < start {
		return document.Span{}, errors.New("range ends before it starts")
	}
	return document.Span{Start: start, End: end}, nil
}
