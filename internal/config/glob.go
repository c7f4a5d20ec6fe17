package config

import (
	"fmt"
	"path"
	"strings"
)

// glob is a compiled slash-separated pattern; see the package doc.
type glob struct {
	segs []string
}

func compileGlob(p string) (glob, error) {
	src := p
	p = strings.TrimPrefix(strings.TrimSuffix(p, "/"), "./")
	if p == "" {
		return glob{}, fmt.Errorf("empty glob %q", src)
	}
	if strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return glob{}, fmt.Errorf("bad glob %q: use a slash-separated path relative to the config file", src)
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		switch {
		case s == "" || s == "." || s == "..":
			return glob{}, fmt.Errorf("bad glob %q: empty, . or .. segment", src)
		case s == "**":
		case strings.Contains(s, "**"):
			return glob{}, fmt.Errorf("bad glob %q: ** must be a whole path segment", src)
		default:
			if _, err := path.Match(s, ""); err != nil {
				return glob{}, fmt.Errorf("bad glob %q: %v", src, err)
			}
		}
	}
	return glob{segs: segs}, nil
}

// match reports whether the slash-separated relative path rel, or one of
// the folders holding it, matches the glob.
func (g glob) match(rel string) bool {
	return matchSegs(g.segs, strings.Split(rel, "/"))
}

// matchSegs matches pattern segments against a prefix of the path segments
// (a pattern that matches a folder matches everything in it). It is a
// dynamic programme over (pattern, name) positions, so runs of "**" cannot
// make it exponential: ok[j] says whether pat[:i] matches name[:j].
func matchSegs(pat, name []string) bool {
	ok := make([]bool, len(name)+1)
	ok[0] = true
	for i, p := range pat {
		next := make([]bool, len(name)+1)
		for j := 0; j <= len(name); j++ {
			if p == "**" {
				// "**" matches zero or more segments, but one or more at the
				// end: "a/**" is what is in a, not a itself.
				last := i == len(pat)-1
				next[j] = (!last && ok[j]) || (j > 0 && (ok[j-1] || next[j-1]))
				continue
			}
			if j > 0 && ok[j-1] {
				if m, _ := path.Match(p, name[j-1]); m {
					next[j] = true
				}
			}
		}
		ok = next
	}
	for _, v := range ok {
		if v {
			return true
		}
	}
	return false
}
