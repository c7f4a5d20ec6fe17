// Package configedit edits .upward.toml files the way a person would: it
// adds a phrase to a rule's allow list or turns a rule off by changing or
// inserting the few bytes that say so, and keeps every comment, blank line,
// key order and layout of the rest of the file.
//
// An edit is checked before it is returned: the new text must decode, and
// decode to exactly the old values plus the one change. A text that does not
// parse is never edited (the error says why), and a layout the editor cannot
// extend safely, such as a rule configured in an inline table, is an error
// asking for the change by hand, never a broken file.
package configedit

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// SyntaxError is a config text that does not parse as TOML.
type SyntaxError struct {
	Line int // 1-based; 0 if unknown
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ErrLayout is returned when the file configures the rule in a form the
// editor does not extend (an inline table, say).
var ErrLayout = errors.New("the file's layout for this rule cannot be edited automatically")

// Allow returns src with phrase added to the allow list of rule
// ([rules.RULE] allow = [...]), creating the list or the table as needed.
// changed is false, and out is src, when the phrase is already allowed.
func Allow(src, rule, phrase string) (out string, changed bool, err error) {
	if phrase == "" || strings.TrimSpace(phrase) == "" {
		return src, false, errors.New("empty phrase")
	}
	if !utf8.ValidString(phrase) {
		return src, false, errors.New("the phrase is not valid UTF-8")
	}
	before, err := decode(src)
	if err != nil {
		return src, false, err
	}
	if cur, ok := lookup(before, "rules", rule, "allow"); ok {
		list, isList := cur.([]any)
		if !isList {
			return src, false, fmt.Errorf("rules.%s.allow is not a list: %w", rule, ErrLayout)
		}
		for _, x := range list {
			if x == phrase {
				return src, false, nil
			}
		}
	}
	e, err := newEditor(src)
	if err != nil {
		return src, false, err
	}
	quoted := quote(phrase)
	if st := e.find(rule, "allow"); st != nil {
		if st.val.kind != '[' {
			return src, false, fmt.Errorf("rules.%s.allow is not a list: %w", rule, ErrLayout)
		}
		out = e.appendElem(st, quoted)
	} else {
		out, err = e.insertKey(rule, "allow", "["+quoted+"]")
		if err != nil {
			return src, false, err
		}
	}
	want := cloneMap(before)
	list, _ := lookupCreate(want, "rules", rule)["allow"].([]any)
	lookupCreate(want, "rules", rule)["allow"] = append(slices.Clone(list), phrase)
	if err := verify(out, want); err != nil {
		return src, false, err
	}
	return out, true, nil
}

// Disable returns src with rule turned off ([rules.RULE] enabled = false).
// changed is false, and out is src, when it is off already.
func Disable(src, rule string) (out string, changed bool, err error) {
	before, err := decode(src)
	if err != nil {
		return src, false, err
	}
	if cur, ok := lookup(before, "rules", rule, "enabled"); ok && cur == false {
		return src, false, nil
	}
	e, err := newEditor(src)
	if err != nil {
		return src, false, err
	}
	if st := e.find(rule, "enabled"); st != nil {
		out = src[:st.val.start] + "false" + src[st.val.end:]
	} else {
		out, err = e.insertKey(rule, "enabled", "false")
		if err != nil {
			return src, false, err
		}
	}
	want := cloneMap(before)
	lookupCreate(want, "rules", rule)["enabled"] = false
	if err := verify(out, want); err != nil {
		return src, false, err
	}
	return out, true, nil
}

// Edit returns the single replacement that turns old into new: the bytes
// [start, end) of old become text. It is how a caller hands the change to
// an editor without rewriting the whole file.
func Edit(old, new string) (start, end int, text string) {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	// Keep the split on a rune boundary.
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p--
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(old[len(old)-s]) {
		s--
	}
	return p, len(old) - s, new[p : len(new)-s]
}

func decode(src string) (map[string]any, error) {
	m := map[string]any{}
	if _, err := toml.Decode(src, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &SyntaxError{Line: pe.Position.Line, Msg: pe.Message}
		}
		return nil, &SyntaxError{Msg: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	return m, nil
}

// verify checks that out decodes to want.
func verify(out string, want map[string]any) error {
	got, err := decode(out)
	if err != nil {
		return fmt.Errorf("%w (the edit would break the file: %v)", ErrLayout, err)
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%w (the edit would change other settings)", ErrLayout)
	}
	return nil
}

func lookup(m map[string]any, path ...string) (any, bool) {
	var cur any = m
	for _, k := range path {
		t, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = t[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// lookupCreate returns the table at path in m, creating tables on the way.
func lookupCreate(m map[string]any, path ...string) map[string]any {
	cur := m
	for _, k := range path {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
	return cur
}

func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if t, ok := v.(map[string]any); ok {
			v = cloneMap(t)
		}
		out[k] = v
	}
	return out
}

// quote renders s as a TOML basic string that decodes to exactly s.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteKey renders one key part: bare when it can be.
func quoteKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return quote(k)
		}
	}
	return k
}

// editor locates the statements that configure one rule.
type editor struct {
	src   string
	stmts []stmt
	nl    string
}

func newEditor(src string) (*editor, error) {
	stmts, err := scan(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLayout, err)
	}
	nl := "\n"
	if i := strings.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		nl = "\r\n"
	}
	return &editor{src: src, stmts: stmts, nl: nl}, nil
}

// fullKey is the absolute key a key/value statement sets.
func fullKey(st *stmt) []string {
	return append(slices.Clone(st.table), st.key...)
}

// find returns the key/value statement that sets rules.RULE.KEY, or nil.
func (e *editor) find(rule, key string) *stmt {
	want := []string{"rules", rule, key}
	for i := range e.stmts {
		st := &e.stmts[i]
		if !st.header && slices.Equal(fullKey(st), want) {
			return st
		}
	}
	return nil
}

// appendElem returns the text with elem added at the end of the array
// value of st, in the array's style: on the same line for a one-line
// array, on a line of its own (indented like the last element, a comma
// added after it if it has none) for a multi-line one.
func (e *editor) appendElem(st *stmt, elem string) string {
	src, v := e.src, st.val
	if len(v.elems) == 0 {
		inner := src[v.start+1 : v.closing]
		if strings.TrimSpace(inner) == "" {
			return src[:v.start] + "[" + elem + "]" + src[v.closing+1:]
		}
		// Only comments inside: put the element before the bracket.
		return src[:v.closing] + elem + src[v.closing:]
	}
	last := v.elems[len(v.elems)-1]
	between := src[last.end:v.closing] // ",", comments, newlines
	comma := strings.Contains(stripComments(between), ",")
	if !strings.Contains(src[v.start:v.closing], "\n") || !strings.Contains(between, "\n") {
		// One line, or the bracket right after the last element.
		if comma {
			i := last.end + strings.IndexByte(between, ',') + 1
			return src[:i] + " " + elem + "," + src[i:]
		}
		return src[:last.end] + ", " + elem + src[last.end:]
	}
	indent := lineIndent(src, last.start)
	// After the last element's line (past its comma and comment).
	at := last.end + strings.IndexByte(between, '\n')
	if at > 0 && src[at-1] == '\r' {
		at--
	}
	add := e.nl + indent + elem
	if comma {
		add += ","
		return src[:at] + add + src[at:]
	}
	return src[:last.end] + "," + src[last.end:at] + add + src[at:]
}

// stripComments drops the comments of a stretch of TOML between values.
func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
	}
	return b.String()
}

// lineIndent returns the spaces and tabs that start the line holding off.
func lineIndent(src string, off int) string {
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	i := ls
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return src[ls:i]
}

// insertKey returns the text with "key = val" added for rule: in its
// [rules.RULE] table if there is one, beside the dotted keys that
// configure it if there are some, else in a new [rules.RULE] table after
// the last [rules.*] table (or at the end).
func (e *editor) insertKey(rule, key, val string) (string, error) {
	src := e.src
	want := []string{"rules", rule}
	// The rule's own table.
	for i := range e.stmts {
		st := &e.stmts[i]
		if !st.header || !slices.Equal(st.key, want) {
			continue
		}
		if st.array {
			return "", fmt.Errorf("[[rules.%s]] is an array of tables: %w", rule, ErrLayout)
		}
		// After the last key/value of the table, else after the header.
		at, indent := st.lineEnd, ""
		for j := i + 1; j < len(e.stmts) && !e.stmts[j].header; j++ {
			at, indent = e.stmts[j].lineEnd, lineIndent(src, e.stmts[j].start)
		}
		return src[:at] + e.nl + indent + quoteKey(key) + " = " + val + src[at:], nil
	}
	// Dotted keys: rules.RULE.x = … at the top, RULE.x = … under [rules].
	var last *stmt
	for i := range e.stmts {
		st := &e.stmts[i]
		if st.header {
			if len(st.key) > 2 && slices.Equal(st.key[:2], want) {
				return "", fmt.Errorf("rules.%s has sub-tables: %w", rule, ErrLayout)
			}
			continue
		}
		full := fullKey(st)
		if len(full) >= 2 && slices.Equal(full[:2], want) {
			if len(full) == 2 {
				return "", fmt.Errorf("rules.%s is an inline table: %w", rule, ErrLayout)
			}
			last = st
		}
	}
	if last != nil {
		prefix := last.key[:len(last.key)-(len(fullKey(last))-2)]
		var parts []string
		for _, k := range append(slices.Clone(prefix), key) {
			parts = append(parts, quoteKey(k))
		}
		return src[:last.lineEnd] + e.nl + lineIndent(src, last.start) + strings.Join(parts, ".") + " = " + val + src[last.lineEnd:], nil
	}
	// A new table, after the last [rules.*] table's last key/value.
	block := "[rules." + quoteKey(rule) + "]" + e.nl + quoteKey(key) + " = " + val
	at := -1
	for i := range e.stmts {
		st := &e.stmts[i]
		if st.header && len(st.key) >= 1 && st.key[0] == "rules" && !st.array {
			at = st.lineEnd
			for j := i + 1; j < len(e.stmts) && !e.stmts[j].header; j++ {
				at = e.stmts[j].lineEnd
			}
		}
	}
	if at >= 0 {
		return src[:at] + e.nl + e.nl + block + src[at:], nil
	}
	out := src
	switch {
	case strings.TrimSpace(out) == "":
		out = ""
	case !strings.HasSuffix(out, "\n"):
		out += e.nl + e.nl
	case !strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(out, "\n"), "\r"), "\n"):
		out += e.nl // a blank line before the new table
	}
	return out + block + e.nl, nil
}
