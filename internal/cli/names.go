package cli

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// File names come from whoever made the files: one may hold a newline, an
// escape sequence or a bidirectional override. Every output escapes them:
// text output and stderr quote such a name Go-style ("x\n.md", "\x1b[31m.md"),
// JSON and SARIF escape them by their own rules and the github format
// percent-encodes them, so a name never splits a line, reaches the terminal
// as a control sequence or reads as a workflow command.

// quoteName returns name as is when every character of it is printable,
// and quoted with escapes otherwise.
func quoteName(name string) string {
	if printable(name) {
		return name
	}
	return strconv.Quote(name)
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// escapeControls escapes the characters of a one-line message that are
// not printable (see quoteName), without quoting it.
func escapeControls(s string) string {
	if printable(s) {
		return s
	}
	q := strconv.Quote(s)
	// Undo the escaping of quotes and backslashes, which print fine.
	var b strings.Builder
	body := q[1 : len(q)-1]
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' && i+1 < len(body) && (body[i+1] == '"' || body[i+1] == '\\') {
			b.WriteByte(body[i+1])
			i++
			continue
		}
		b.WriteByte(body[i])
	}
	return b.String()
}
