package document

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse splits text into blocks and sentences. It never fails and never
// panics; text should have passed Validate, and invalid UTF-8 in it only
// ever becomes spaces in Block.Text.
func Parse(text string, opts Options) *Document {
	d := &Document{URI: opts.URI, Format: opts.Format, Text: text, mapper: NewMapper(text)}
	func() {
		defer func() {
			// Never lose the document to a parser bug: fall back to
			// plain text, which is a simple line scanner.
			if r := recover(); r != nil {
				d.Blocks, d.Directives = nil, nil
				parsePlain(d)
			}
		}()
		parseBody(d)
	}()
	classify(d, opts.KindHint)
	return d
}

func parseBody(d *Document) {
	if d.Format == PlainText {
		parsePlain(d)
		return
	}
	parseMarkdown(d)
}

// finishBlocks sets Text, Sentences and Quotations of every block from
// mask, the document-wide prose mask (mask[i] is the source byte at offset
// i if it is prose, else a space). It first blanks URLs (and, for
// Markdown, escaping backslashes) and invalid UTF-8 in each block. breaks
// holds the offsets of hard line breaks. All blocks share one string and
// one backing array each for sentences and quotations.
//
// A byte order mark is not prose: it is blanked, so no sentence starts
// with it and no fix rewrites it away.
func finishBlocks(blocks []Block, text string, mask []byte, off int, breaks []int, escapes bool) {
	if off == 0 && strings.HasPrefix(text, bom) && len(mask) >= len(bom) {
		copy(mask, "   ")
	}
	for i := range blocks {
		r := mask[blocks[i].Span.Start-off : blocks[i].Span.End-off]
		if escapes {
			maskEscapes(r)
		}
		maskURLs(r)
		sanitizeUTF8(r)
	}
	if !slices.IsSorted(breaks) {
		slices.Sort(breaks)
	}
	all := string(mask)
	sents := make([]Span, 0, len(blocks)+len(blocks)/2)
	var quotes []Span
	bi := 0
	for i := range blocks {
		b := &blocks[i]
		b.Text = all[b.Span.Start-off : b.Span.End-off]
		for bi < len(breaks) && breaks[bi] < b.Span.Start {
			bi++
		}
		bj := bi
		for bj < len(breaks) && breaks[bj] <= b.Span.End {
			bj++
		}
		n := len(sents)
		sents = appendSentences(sents, b.Text, b.Span.Start, breaks[bi:bj])
		if len(sents) > n {
			b.Sentences = sents[n:len(sents):len(sents)]
		}
		n = len(quotes)
		quotes = appendQuotations(quotes, b.Text, b.Span.Start)
		if len(quotes) > n {
			b.Quotations = quotes[n:len(quotes):len(quotes)]
		}
	}
}

// sanitizeUTF8 replaces every byte of an invalid UTF-8 sequence with a
// space.
func sanitizeUTF8(b []byte) {
	if utf8.Valid(b) {
		return
	}
	s := string(b)
	for i := nextInvalid(s, 0); i >= 0; i = nextInvalid(s, i+1) {
		b[i] = ' '
	}
}

// maskURLs blanks http://, https:// and www. addresses in prose.
func maskURLs(b []byte) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != 'h' && c != 'H' && c != 'w' && c != 'W' {
			continue
		}
		if i > 0 && isWordByte(b[i-1]) {
			continue
		}
		rest := b[i:]
		if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
			continue
		}
		j := i
		depth := 0
		for j < len(b) {
			c := b[j]
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRune(b[j:])
				if r == utf8.RuneError || unicode.IsSpace(r) || unicode.Is(unicode.P, r) {
					break
				}
				j += n
				continue
			}
			if c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' {
				break
			}
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
			j++
		}
		for j > i && strings.IndexByte(".,;:!?'*_", b[j-1]) >= 0 {
			j--
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		i = j
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= utf8.RuneSelf
}

func hasPrefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// blankMask returns a mask of text: spaces, with the newlines kept.
func blankMask(text string) []byte {
	m := make([]byte, len(text))
	if len(m) == 0 {
		return m
	}
	m[0] = ' '
	for n := 1; n < len(m); n *= 2 {
		copy(m[n:], m[:n])
	}
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			break
		}
		m[off+i] = '\n'
		off += i + 1
	}
	return m
}

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// frontMatter finds YAML ("---") or TOML ("+++") front matter at the very
// top of text and returns its extent (closing line included) and the
// top-level scalar keys.
func frontMatter(text string) (Span, map[string]string) {
	text0 := text
	text = strings.TrimPrefix(text, bom)
	nbom := len(text0) - len(text)
	var delim byte
	switch {
	case strings.HasPrefix(text, "---"):
		delim = '-'
	case strings.HasPrefix(text, "+++"):
		delim = '+'
	default:
		return Span{}, nil
	}
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t\r") != strings.Repeat(string(delim), 3) {
		return Span{}, nil
	}
	off := len(first) + 1
	body := off
	for rest != "" {
		line, next, more := strings.Cut(rest, "\n")
		l := strings.TrimRight(line, " \t\r")
		closing := len(l) >= 3 && strings.Trim(l, string(delim)) == "" || delim == '-' && l == "..."
		end := off + len(line)
		if more {
			end++
		}
		if closing {
			return Span{nbom, nbom + end}, parseFrontMatter(text[body:off], delim == '+')
		}
		off, rest = end, next
		if !more {
			break
		}
	}
	return Span{}, nil
}

func parseFrontMatter(s string, toml bool) map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, " \t\r\n")
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue
		}
		if toml && line[0] == '[' {
			break
		}
		sep := ":"
		if toml {
			sep = "="
		}
		k, v, ok := strings.Cut(line, sep)
		if !ok {
			continue
		}
		k = strings.ToLower(strings.Trim(strings.TrimSpace(k), `"'`))
		v = strings.TrimSpace(v)
		if k == "" || v == "" || strings.ContainsAny(v[:1], "[{|>&*") {
			continue
		}
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		m[k] = v
	}
	return m
}
