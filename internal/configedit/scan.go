package configedit

import (
	"fmt"
	"strings"
)

// stmt is one statement of a TOML document: a table header or a key/value
// pair, with byte offsets into the source.
type stmt struct {
	header bool // [table] or [[array]]
	array  bool // [[array]]
	// key is the statement's key: the table's for a header, the dotted
	// key as written for a key/value pair (relative to its table).
	key []string
	// table is the key of the table the statement sits in (for a header,
	// its own key).
	table []string
	// start is where the statement's first byte is; end is just after its
	// last byte (the closing bracket, or the value), before any comment.
	start, end int
	// lineEnd is the offset of the end of the line the statement ends on
	// (its newline, or the end of the text).
	lineEnd int
	// val is the value of a key/value pair.
	val value
}

// value is the extent of a value; for an array, the extents of its
// elements and of its closing bracket.
type value struct {
	start, end int
	kind       byte // '"' string, '[' array, '{' inline table, 0 other
	elems      []value
	closing    int // offset of an array's "]"
}

// scanner reads the statements of a TOML text. It understands enough of
// TOML to find where every statement and value begins and ends: strings of
// the four kinds, arrays and inline tables (which may span lines, with
// comments inside arrays), and comments. It assumes the text is valid TOML
// (the caller has decoded it).
type scanner struct {
	src string
	pos int
}

func scan(src string) ([]stmt, error) {
	sc := &scanner{src: src}
	var out []stmt
	var table []string
	for {
		sc.skipBlank(true)
		if sc.pos >= len(src) {
			return out, nil
		}
		start := sc.pos
		var st stmt
		if src[sc.pos] == '[' {
			st.header = true
			sc.pos++
			if sc.pos < len(src) && src[sc.pos] == '[' {
				st.array = true
				sc.pos++
			}
			key, err := sc.key()
			if err != nil {
				return nil, err
			}
			sc.skipBlank(false)
			want := "]"
			if st.array {
				want = "]]"
			}
			if !strings.HasPrefix(src[sc.pos:], want) {
				return nil, sc.errorf("want %q after a table name", want)
			}
			sc.pos += len(want)
			st.key, table = key, key
			st.table = key
		} else {
			key, err := sc.key()
			if err != nil {
				return nil, err
			}
			sc.skipBlank(false)
			if sc.pos >= len(src) || src[sc.pos] != '=' {
				return nil, sc.errorf("want = after a key")
			}
			sc.pos++
			sc.skipBlank(false)
			v, err := sc.value()
			if err != nil {
				return nil, err
			}
			st.key, st.table, st.val = key, table, v
		}
		st.start, st.end = start, sc.pos
		sc.skipBlank(false)
		sc.skipComment()
		if sc.pos < len(src) && src[sc.pos] != '\n' && !strings.HasPrefix(src[sc.pos:], "\r\n") {
			return nil, sc.errorf("unexpected %q after a statement", src[sc.pos])
		}
		st.lineEnd = sc.pos
		out = append(out, st)
	}
}

func (sc *scanner) errorf(format string, args ...any) error {
	line := strings.Count(sc.src[:min(sc.pos, len(sc.src))], "\n") + 1
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

// skipBlank skips spaces and tabs, and with lines also newlines and
// comments.
func (sc *scanner) skipBlank(lines bool) {
	for sc.pos < len(sc.src) {
		switch c := sc.src[sc.pos]; {
		case c == ' ' || c == '\t':
			sc.pos++
		case lines && (c == '\n' || c == '\r'):
			sc.pos++
		case lines && c == '#':
			sc.skipComment()
		case lines && c == 0xEF && strings.HasPrefix(sc.src[sc.pos:], "\uFEFF"):
			sc.pos += 3 // a byte order mark
		default:
			return
		}
	}
}

func (sc *scanner) skipComment() {
	if sc.pos < len(sc.src) && sc.src[sc.pos] == '#' {
		if i := strings.IndexByte(sc.src[sc.pos:], '\n'); i >= 0 {
			sc.pos += i
			if sc.pos > 0 && sc.src[sc.pos-1] == '\r' {
				sc.pos--
			}
		} else {
			sc.pos = len(sc.src)
		}
	}
}

// key reads a dotted key.
func (sc *scanner) key() ([]string, error) {
	var parts []string
	for {
		sc.skipBlank(false)
		if sc.pos >= len(sc.src) {
			return nil, sc.errorf("want a key")
		}
		switch c := sc.src[sc.pos]; {
		case c == '"' || c == '\'':
			s, err := sc.str()
			if err != nil {
				return nil, err
			}
			parts = append(parts, s)
		case isBare(c):
			i := sc.pos
			for i < len(sc.src) && isBare(sc.src[i]) {
				i++
			}
			parts = append(parts, sc.src[sc.pos:i])
			sc.pos = i
		default:
			return nil, sc.errorf("want a key, found %q", c)
		}
		sc.skipBlank(false)
		if sc.pos < len(sc.src) && sc.src[sc.pos] == '.' {
			sc.pos++
			continue
		}
		return parts, nil
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// str reads a string of any of the four kinds and returns its value (for
// keys: only single-line strings are keys, and only their value matters).
func (sc *scanner) str() (string, error) {
	src := sc.src
	q := src[sc.pos]
	if strings.HasPrefix(src[sc.pos:], strings.Repeat(string(q), 3)) {
		delim := strings.Repeat(string(q), 3)
		i := sc.pos + 3
		for {
			j := strings.Index(src[i:], delim)
			if j < 0 {
				return "", sc.errorf("unterminated multi-line string")
			}
			j += i
			if q == '"' && escaped(src, j) {
				i = j + 1
				continue
			}
			// Up to two more quotes may close the string: """a""""" is a"".
			end := j + 3
			for n := 0; n < 2 && end < len(src) && src[end] == q; n++ {
				end++
			}
			sc.pos = end
			return "", nil
		}
	}
	var b strings.Builder
	i := sc.pos + 1
	for i < len(src) {
		c := src[i]
		switch {
		case c == q:
			sc.pos = i + 1
			return b.String(), nil
		case c == '\n':
			return "", sc.errorf("newline in a string")
		case c == '\\' && q == '"' && i+1 < len(src):
			// The value of an escaped key hardly matters for locating
			// statements; keep the common escapes exact.
			switch e := src[i+1]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '"', '\\':
				b.WriteByte(e)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", sc.errorf("unterminated string")
}

// escaped reports whether the byte at i is preceded by an odd number of
// backslashes.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// value reads a value.
func (sc *scanner) value() (value, error) {
	src := sc.src
	if sc.pos >= len(src) {
		return value{}, sc.errorf("want a value")
	}
	v := value{start: sc.pos}
	switch c := src[sc.pos]; c {
	case '"', '\'':
		if _, err := sc.str(); err != nil {
			return value{}, err
		}
		v.kind = '"'
	case '[':
		v.kind = '['
		sc.pos++
		for {
			sc.skipBlank(true)
			if sc.pos >= len(src) {
				return value{}, sc.errorf("unterminated array")
			}
			if src[sc.pos] == ']' {
				v.closing = sc.pos
				sc.pos++
				break
			}
			e, err := sc.value()
			if err != nil {
				return value{}, err
			}
			v.elems = append(v.elems, e)
			sc.skipBlank(true)
			if sc.pos < len(src) && src[sc.pos] == ',' {
				sc.pos++
			}
		}
	case '{':
		v.kind = '{'
		sc.pos++
		for {
			sc.skipBlank(false)
			if sc.pos >= len(src) {
				return value{}, sc.errorf("unterminated inline table")
			}
			if src[sc.pos] == '}' {
				sc.pos++
				break
			}
			if _, err := sc.key(); err != nil {
				return value{}, err
			}
			sc.skipBlank(false)
			if sc.pos >= len(src) || src[sc.pos] != '=' {
				return value{}, sc.errorf("want = in an inline table")
			}
			sc.pos++
			sc.skipBlank(false)
			if _, err := sc.value(); err != nil {
				return value{}, err
			}
			sc.skipBlank(false)
			if sc.pos < len(src) && src[sc.pos] == ',' {
				sc.pos++
			}
		}
	default:
		// A number, boolean or date: up to a delimiter. Dates may hold one
		// space ("1979-05-27 07:32:00").
		i := sc.pos
		for i < len(src) {
			c := src[i]
			if c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r' || c == '\t' {
				break
			}
			if c == ' ' && !(i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9' && i > sc.pos && src[i-1] >= '0' && src[i-1] <= '9' && strings.Count(src[sc.pos:i], "-") == 2) {
				break
			}
			i++
		}
		if i == sc.pos {
			return value{}, sc.errorf("want a value, found %q", c)
		}
		sc.pos = i
	}
	v.end = sc.pos
	return v, nil
}
