package document

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// FormatFor returns the format of a file from its name: .txt and .text are
// plain text; anything else (.md, .markdown, .mdown, .mkd, unknown) is
// Markdown.
func FormatFor(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return PlainText
	}
	return Markdown
}

// Validate reports why text cannot be linted: invalid UTF-8 or a NUL byte
// (a sign of a binary file). The error names the byte offset and the
// 1-based line.
func Validate(text []byte) error {
	return ValidateString(unsafe.String(unsafe.SliceData(text), len(text)))
}

// ValidateString is Validate for a string.
func ValidateString(text string) error {
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("contains a NUL byte at line %d (byte offset %d): binary file?", NewMapper(text).Line(i)+1, i)
	}
	if i := nextInvalid(text, 0); i >= 0 {
		return fmt.Errorf("invalid UTF-8 at byte offset %d (line %d): not a UTF-8 text file?", i, NewMapper(text).Line(i)+1)
	}
	return nil
}

// nextInvalid returns the offset of the first byte at or after i that is
// not part of a valid UTF-8 sequence, or -1.
func nextInvalid(s string, i int) int {
	if i == 0 && utf8.ValidString(s) {
		return -1
	}
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
