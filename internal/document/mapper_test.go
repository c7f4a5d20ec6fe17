package document

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// funnyString mixes astral characters (two UTF-16 units, four bytes) with
// ASCII over two lines.
const funnyString = "𐐀23\n𐐀45"

func TestMapperOffsetPosition(t *testing.T) {
	tests := []struct {
		text          string
		off           int
		line, col16   int
		col8, runeCol int
		wantErr       error
	}{
		{funnyString, 0, 0, 0, 0, 1, nil},
		{funnyString, 1, 0, 0, 0, 0, ErrMidRune},
		{funnyString, 4, 0, 2, 4, 2, nil},  // after 𐐀
		{funnyString, 5, 0, 3, 5, 3, nil},  // after 𐐀2
		{funnyString, 6, 0, 4, 6, 4, nil},  // end of line 0
		{funnyString, 7, 1, 0, 0, 1, nil},  // start of line 1
		{funnyString, 11, 1, 2, 4, 2, nil}, // after second 𐐀
		{funnyString, 13, 1, 4, 6, 4, nil}, // EOF
		{funnyString, 14, 0, 0, 0, 0, ErrOffsetRange},
		{funnyString, -1, 0, 0, 0, 0, ErrOffsetRange},
		{"ab\r\ncd", 2, 0, 2, 2, 3, nil}, // before \r
		{"ab\r\ncd", 3, 0, 2, 2, 3, nil}, // between \r and \n: end of line
		{"ab\r\ncd", 4, 1, 0, 0, 1, nil},
		{"ab\r\ncd", 6, 1, 2, 2, 3, nil},
		{"a\tb", 2, 0, 2, 2, 3, nil}, // a tab is one unit
		{"é😀x", 6, 0, 3, 6, 3, nil},  // é is 1 unit, 😀 is 2
		{"x\n", 2, 1, 0, 0, 1, nil},  // empty last line
		{"", 0, 0, 0, 0, 1, nil},
		{"a\rb", 2, 0, 2, 2, 3, nil}, // a lone CR is a character
	}
	for _, tt := range tests {
		m := NewMapper(tt.text)
		line, col16, err := m.OffsetPosition(tt.off)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("OffsetPosition(%q, %d) error = %v, want %v", tt.text, tt.off, err, tt.wantErr)
			}
			continue
		}
		if err != nil || line != tt.line || col16 != tt.col16 {
			t.Errorf("OffsetPosition(%q, %d) = %d:%d, %v; want %d:%d", tt.text, tt.off, line, col16, err, tt.line, tt.col16)
		}
		if line, col8, err := m.OffsetLineCol8(tt.off); err != nil || line != tt.line || col8 != tt.col8 {
			t.Errorf("OffsetLineCol8(%q, %d) = %d:%d, %v; want %d:%d", tt.text, tt.off, line, col8, err, tt.line, tt.col8)
		}
		if line, col, err := m.OffsetLineColRune(tt.off); err != nil || line != tt.line+1 || col != tt.runeCol {
			t.Errorf("OffsetLineColRune(%q, %d) = %d:%d, %v; want %d:%d", tt.text, tt.off, line, col, err, tt.line+1, tt.runeCol)
		}
	}
}

func TestMapperPositionOffset(t *testing.T) {
	tests := []struct {
		text        string
		line, col16 int
		want        int
		wantErr     error
		clamped     int
	}{
		{funnyString, 0, 0, 0, nil, 0},
		{funnyString, 0, 1, 0, ErrMidChar, 0}, // between the halves of 𐐀
		{funnyString, 0, 2, 4, nil, 4},
		{funnyString, 0, 4, 6, nil, 6},
		{funnyString, 0, 5, 0, ErrColumnRange, 6},
		{funnyString, 1, 4, 13, nil, 13},
		{funnyString, 2, 0, 0, ErrLineRange, 13},
		{"ab\r\ncd", 0, 2, 2, nil, 2},
		{"ab\r\ncd", 0, 3, 0, ErrColumnRange, 2}, // the \r is not a column
		{"ab\r\ncd", 1, 1, 5, nil, 5},
		{"abc", 0, 4, 0, ErrColumnRange, 3},
		{"abc", 0, -1, 0, ErrLineRange, 0},
		{"x\n", 1, 0, 2, nil, 2},
	}
	for _, tt := range tests {
		m := NewMapper(tt.text)
		got, err := m.PositionOffset(tt.line, tt.col16)
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("PositionOffset(%q, %d:%d) error = %v, want %v", tt.text, tt.line, tt.col16, err, tt.wantErr)
			}
		} else if err != nil || got != tt.want {
			t.Errorf("PositionOffset(%q, %d:%d) = %d, %v; want %d", tt.text, tt.line, tt.col16, got, err, tt.want)
		}
		if got := m.ClampPositionOffset(tt.line, tt.col16); got != tt.clamped {
			t.Errorf("ClampPositionOffset(%q, %d:%d) = %d, want %d", tt.text, tt.line, tt.col16, got, tt.clamped)
		}
	}
}

func TestMapperLineCol8Offset(t *testing.T) {
	m := NewMapper(funnyString)
	if off, err := m.LineCol8Offset(1, 4); err != nil || off != 11 {
		t.Errorf("LineCol8Offset(1, 4) = %d, %v; want 11", off, err)
	}
	if _, err := m.LineCol8Offset(1, 2); !errors.Is(err, ErrMidChar) {
		t.Errorf("LineCol8Offset(1, 2) error = %v, want ErrMidChar", err)
	}
	if _, err := m.LineCol8Offset(0, 7); !errors.Is(err, ErrColumnRange) {
		t.Errorf("LineCol8Offset(0, 7) error = %v, want ErrColumnRange", err)
	}
	if _, err := m.LineCol8Offset(5, 0); !errors.Is(err, ErrLineRange) {
		t.Errorf("LineCol8Offset(5, 0) error = %v, want ErrLineRange", err)
	}
	if n := m.LineCount(); n != 2 {
		t.Errorf("LineCount = %d, want 2", n)
	}
}

func TestMapperLine(t *testing.T) {
	tests := []struct {
		text  string
		off   int
		line  int
		start int // of the line
	}{
		{"", 0, 0, 0},
		{"ab\ncd", 0, 0, 0},
		{"ab\ncd", 2, 0, 0}, // the "\n" belongs to its line
		{"ab\ncd", 3, 1, 3},
		{"ab\ncd", 5, 1, 3}, // EOF
		{"ab\ncd", 99, 1, 3},
		{"ab\ncd", -1, 0, 0},
		{"ab\r\ncd", 3, 0, 0}, // between "\r" and "\n"
		{"x\n", 2, 1, 2},      // empty last line
		{"\n\n\n", 1, 1, 1},
		{funnyString, 1, 0, 0},    // inside a character: no error
		{"a\xff\nb\x00", 4, 1, 3}, // not UTF-8
	}
	for _, tt := range tests {
		m := NewMapper(tt.text)
		line := m.Line(tt.off)
		if line != tt.line {
			t.Errorf("Line(%q, %d) = %d, want %d", tt.text, tt.off, line, tt.line)
		}
		if got := m.LineStart(line); got != tt.start {
			t.Errorf("LineStart(%q, %d) = %d, want %d", tt.text, line, got, tt.start)
		}
	}
	if got := LineStarts("ab\n\ncd\n"); !slices.Equal(got, []int{0, 3, 4, 7}) {
		t.Errorf("LineStarts = %v, want [0 3 4 7]", got)
	}
	m := NewMapper("ab\ncd")
	if got := m.LineStart(-1); got != 0 {
		t.Errorf("LineStart(-1) = %d, want 0", got)
	}
	if got := m.LineStart(2); got != 5 {
		t.Errorf("LineStart past the last line = %d, want the text's length 5", got)
	}
}

func TestDocumentMapperCached(t *testing.T) {
	d := Parse("a\nb", Options{})
	if m1, m2 := d.Mapper(), d.Mapper(); m1 != m2 {
		t.Error("Mapper is not cached")
	}
	if l, c, _ := d.Mapper().OffsetPosition(2); l != 1 || c != 0 {
		t.Errorf("OffsetPosition(2) = %d:%d, want 1:0", l, c)
	}
}

func FuzzMapper(f *testing.F) {
	for _, s := range []string{funnyString, "ab\r\ncd\r\n", "a\tb\n\n😀é\r", "", "\n", "\r\n\r\n", "x\xffy\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := NewMapper(s)
		lines := m.LineCount()
		prevLine, prevCol := 0, -1
		for off := 0; off <= len(s); off++ {
			if got, want := m.Line(off), strings.Count(s[:off], "\n"); got != want {
				t.Fatalf("Line(%d) = %d, want %d", off, got, want)
			}
			if got, want := m.LineStart(m.Line(off)), strings.LastIndexByte(s[:off], '\n')+1; got != want {
				t.Fatalf("LineStart(Line(%d)) = %d, want %d", off, got, want)
			}
			if off < len(s) && !utf8.RuneStart(s[off]) {
				if _, _, err := m.OffsetPosition(off); err == nil {
					t.Fatalf("OffsetPosition(%d) inside a rune: no error", off)
				}
				continue
			}
			line, col16, err := m.OffsetPosition(off)
			if err != nil {
				t.Fatalf("OffsetPosition(%d): %v", off, err)
			}
			if line < 0 || line >= lines {
				t.Fatalf("OffsetPosition(%d) line %d of %d", off, line, lines)
			}
			if line < prevLine || line == prevLine && col16 < prevCol {
				t.Fatalf("OffsetPosition(%d) = %d:%d goes back from %d:%d", off, line, col16, prevLine, prevCol)
			}
			prevLine, prevCol = line, col16
			back, err := m.PositionOffset(line, col16)
			// The one offset that cannot round-trip is the \n of a \r\n,
			// which maps to the end of the line (before the \r).
			crlf := off > 0 && off < len(s) && s[off] == '\n' && s[off-1] == '\r'
			if crlf {
				if err != nil || back != off-1 {
					t.Fatalf("PositionOffset(OffsetPosition(%d)) = %d, %v; want %d", off, back, err, off-1)
				}
			} else if err != nil || back != off {
				t.Fatalf("PositionOffset(%d:%d) = %d, %v; want %d (text %q)", line, col16, back, err, off, s)
			}
			if c := m.ClampPositionOffset(line, col16); c != back {
				t.Fatalf("ClampPositionOffset(%d:%d) = %d, want %d", line, col16, c, back)
			}
			l8, c8, err := m.OffsetLineCol8(off)
			if err != nil || l8 != line {
				t.Fatalf("OffsetLineCol8(%d) = %d:%d, %v", off, l8, c8, err)
			}
			if b8, err := m.LineCol8Offset(l8, c8); err != nil || b8 != back {
				t.Fatalf("LineCol8Offset(%d:%d) = %d, %v; want %d", l8, c8, b8, err, back)
			}
			if lr, cr, err := m.OffsetLineColRune(off); err != nil || lr != line+1 || cr < 1 || cr > col16+1 {
				t.Fatalf("OffsetLineColRune(%d) = %d:%d, %v; col16 %d", off, lr, cr, err, col16)
			}
		}
		// Clamping never leaves the text or lands inside a rune.
		for line := -1; line <= lines; line++ {
			for _, col := range []int{-1, 0, 1, 2, 3, 1000} {
				c := m.ClampPositionOffset(line, col)
				if c < 0 || c > len(s) || c < len(s) && !utf8.RuneStart(s[c]) && utf8.ValidString(s) {
					t.Fatalf("ClampPositionOffset(%d, %d) = %d out of bounds", line, col, c)
				}
			}
		}
	})
}
