package document

import "strings"

// parseDirective reads the body of a control comment: "upward-disable",
// "upward-enable" or "upward-disable-next-line" (or with a colon,
// "upward:disable"), then rule IDs separated by spaces or commas. A " -- "
// starts a free-text reason.
func parseDirective(body string) (Directive, bool) {
	s := strings.TrimSpace(body)
	if len(s) < len("upward-enable") || !strings.EqualFold(s[:6], "upward") || (s[6] != '-' && s[6] != ':') {
		return Directive{}, false
	}
	s = s[7:]
	var d Directive
	switch {
	case hasWordPrefixFold(s, "disable-next-line"):
		d.Kind, s = DisableNextLine, s[len("disable-next-line"):]
	case hasWordPrefixFold(s, "disable"):
		d.Kind, s = Disable, s[len("disable"):]
	case hasWordPrefixFold(s, "enable"):
		d.Kind, s = Enable, s[len("enable"):]
	default:
		return Directive{}, false
	}
	if i := strings.Index(s, "--"); i >= 0 {
		s = s[:i]
	}
	for _, r := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ':' }) {
		d.Rules = append(d.Rules, strings.ToLower(r))
	}
	return d, true
}

// hasWordPrefixFold reports whether s starts with the word p, in any case.
func hasWordPrefixFold(s, p string) bool {
	if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
		return false
	}
	if len(s) == len(p) {
		return true
	}
	c := s[len(p)]
	return c == ' ' || c == '\t' || c == ',' || c == ':' || c == '\n' || c == '\r'
}

// plainDirective recognizes a directive on a line of its own in plain
// text: bare, or inside "<!-- -->", or after "#" or "//".
func plainDirective(line string) (Directive, bool) {
	s := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") && len(s) >= 7:
		s = s[4 : len(s)-3]
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case strings.HasPrefix(s, "#"):
		s = s[1:]
	}
	return parseDirective(s)
}
