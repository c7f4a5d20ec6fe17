package document

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// formats is the one extension table: the files upward lints, and as
// what. The CLI walks folders for these; the server lints a document of
// one of these when the editor's language ID is not one it knows.
var formats = map[string]Format{
	".md": Markdown, ".markdown": Markdown, ".mdown": Markdown, ".mkd": Markdown, ".mkdn": Markdown,
	".txt": PlainText, ".text": PlainText,
}

// FormatOf returns the format of a file from its extension (any case),
// and whether upward lints files with that extension. A file linted
// although its extension is not in the table (one named on the command
// line) is Markdown, the format FormatOf returns for it.
func FormatOf(path string) (Format, bool) {
	f, ok := formats[strings.ToLower(filepath.Ext(path))]
	return f, ok
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
