package config

import (
	"strings"
)

// keyLines maps the dotted keys of a TOML file to the lines that define
// them. BurntSushi/toml keeps key positions private, so this scans the text:
// table headers, array-of-table headers and "key = value" lines. It is only
// used to put a line number on an error; it need not understand every TOML
// corner, and multi-line strings are skipped.
type keyLines struct {
	byKey map[string][]keyLine // in file order
}

type keyLine struct {
	index int // which [[array]] element the key sits in, or -1
	line  int
}

func scanKeyLines(src string) *keyLines {
	kl := &keyLines{byKey: map[string][]keyLine{}}
	var prefix []string
	index := -1
	arrays := map[string]int{}
	inMulti := ""
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1
		if inMulti != "" {
			if strings.Count(line, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		s := strings.TrimSpace(line)
		switch {
		case s == "" || s[0] == '#':
			continue
		case strings.HasPrefix(s, "[["):
			keys, _ := parseKey(s[2:])
			prefix = keys
			j := strings.Join(keys, ".")
			index = arrays[j]
			arrays[j]++
			kl.add(keys, index, lineNo)
			continue
		case s[0] == '[':
			keys, _ := parseKey(s[1:])
			prefix = keys
			index = -1
			if len(keys) > 0 {
				if i, ok := arrays[keys[0]]; ok && len(keys) > 1 {
					index = i - 1
				}
			}
			kl.add(keys, index, lineNo)
			continue
		}
		keys, rest := parseKey(s)
		rest = strings.TrimSpace(rest)
		if len(keys) == 0 || !strings.HasPrefix(rest, "=") {
			continue
		}
		kl.add(append(append([]string(nil), prefix...), keys...), index, lineNo)
		v := rest[1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(v, q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return kl
}

func (kl *keyLines) add(keys []string, index, line int) {
	if len(keys) == 0 {
		return
	}
	k := strings.Join(keys, ".")
	kl.byKey[k] = append(kl.byKey[k], keyLine{index, line})
}

// find returns the line defining key (in array element index, or any when
// index < 0), falling back to the nearest enclosing key; 0 if none.
func (kl *keyLines) find(key []string, index int) int {
	for n := len(key); n > 0; n-- {
		k := strings.Join(key[:n], ".")
		for _, e := range kl.byKey[k] {
			if index < 0 || e.index == index {
				return e.line
			}
		}
	}
	return 0
}

// parseKey reads a dotted key (bare, "basic" or 'literal' parts) from the
// start of s and returns its parts and what follows.
func parseKey(s string) ([]string, string) {
	var keys []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return keys, s
		}
		var k string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, s
			}
			k, s = s[1:end+1], s[end+2:]
		default:
			i := 0
			for i < len(s) && isBare(s[i]) {
				i++
			}
			if i == 0 {
				return keys, s
			}
			k, s = s[:i], s[i:]
		}
		keys = append(keys, k)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return keys, s
		}
		s = s[1:]
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}
