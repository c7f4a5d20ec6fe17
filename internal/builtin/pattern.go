package builtin

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
)

// A pattern is a regular expression that compiles on first use, with a
// prefilter worked out from its syntax (package prefilter): literals every
// match contains, and the bytes a match can start with. Testing for the
// literals is far cheaper than running the regexp, and most texts have
// none of them. Nothing is parsed until the pattern is first used, so the
// patterns cost a process that never runs them nothing (`upward version`).
type pattern struct {
	src string
	// where names the pattern's source in the panic of a bad one, such as
	// "rules/x.toml: phrases.lines"; "" for one written in Go.
	where string

	compileOnce sync.Once
	compiled    *regexp.Regexp
	infoOnce    sync.Once
	info        prefilter.Info
	anchorOnce  sync.Once
	anchored    *regexp.Regexp
}

// newPattern returns src as a pattern of the package, registered for
// TestPatterns and TestPrefilterSound, which compile it and check its
// prefilter. Patterns made at run time (docCompile) are not registered.
func newPattern(src string) *pattern {
	p := &pattern{src: src}
	patterns = append(patterns, p)
	return p
}

// patterns are the patterns made by newPattern, for the tests.
var patterns []*pattern

// lazyRE returns a function that compiles src on its first call: the
// regexp of a pattern used only after some other test (a phrase hit) or to
// build a fix, where a prefilter would not pay.
func lazyRE(src string) func() *regexp.Regexp { return newPattern(src).re }

// re returns the compiled regexp; a bad pattern is a programming error.
func (p *pattern) re() *regexp.Regexp {
	p.compileOnce.Do(func() {
		re, err := regexp.Compile(p.src)
		if err != nil {
			if p.where != "" {
				panic(fmt.Sprintf("%s: %v", p.where, err))
			}
			panic(err)
		}
		p.compiled = re
	})
	return p.compiled
}

// filter returns the prefilter, worked out on first use, or looked up in
// analyzedPatterns: parsing every pattern of the document rules would add
// about 1.5 ms to `upward lint` of a meeting note (11.7 ms). A pattern that does not parse gets no
// prefilter: its re panics when it runs.
func (p *pattern) filter() *prefilter.Info {
	p.infoOnce.Do(func() {
		if i, ok := slices.BinarySearchFunc(analyzedPatterns[:], p.src, func(a analyzedPattern, src string) int {
			return strings.Compare(a.src, src)
		}); ok {
			p.info = analyzedPatterns[i].info
		} else if info, err := prefilter.Analyze(p.src); err == nil {
			p.info = info
		}
	})
	return &p.info
}

// An analyzedPattern is a pattern's prefilter worked out by go generate
// (prefilter_gen.go).
type analyzedPattern struct {
	src  string
	info prefilter.Info
}

// String returns the source text of the pattern.
func (p *pattern) String() string { return p.src }

// may reports whether the pattern can match a text whose
// prefilter.Lower form is lower (Vale's MightMatch).
func (p *pattern) may(lower string) bool { return p.filter().MightMatch(lower) }

// match reports whether s matches; lower is prefilter.Lower(s).
func (p *pattern) match(s, lower string) bool { return p.may(lower) && p.re().MatchString(s) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	return p.re().FindAllStringIndex(s, n)
}

// matchStart returns the end of a match at the very start of s, or -1:
// where re().FindStringIndex(s) would report a match at 0. An anchored
// regexp gives up at the first byte instead of scanning all of s, and is
// not run at all when s starts with a byte no match starts with.
func (p *pattern) matchStart(s string) int {
	if info := p.filter(); info.FirstKnown && (s == "" || !info.CanStart(s[0])) {
		return -1
	}
	p.anchorOnce.Do(func() {
		p.re() // a bad pattern panics naming its source
		p.anchored = regexp.MustCompile(`^(?:` + p.src + `)`)
	})
	if loc := p.anchored.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return -1
}
